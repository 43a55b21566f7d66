//! The subject of a figure — the thing it measures — from the jieba tokens around it.
//!
//! Usually the phrase before the number (`全年立刑事案件428起` → 刑事案件), sometimes the phrase after it
//! (`36名法律顾问`), and for a change with nothing of its own (`同比减少153起`) the subject of the figure it
//! changes. Only clauses holding a figure are segmented.

use jieba_rs::Jieba;

use crate::dicts::SubjectWords;

fn is_punct(w: &str) -> bool {
    w.chars().all(is_punct_char)
}

fn is_punct_char(c: char) -> bool {
    // Chinese characters, asked about most, are letters: spare them the Unicode tables.
    !matches!(c, '\u{4E00}'..='\u{9FFF}') && !c.is_alphanumeric()
}

/// Whether `w` is Arabic digits, half- or full-width (`2023`, `２０００`).
fn is_digits(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

fn is_nounish(tag: &str) -> bool {
    tag.starts_with('n')
        || matches!(tag, "vn" | "j" | "l" | "an" | "eng" | "i" | "s" | "x" | "f" | "b" | "z" | "k" | "g" | "h")
}

/// Whether a token is a word of a name (a noun-like tag, and no punctuation, which jieba tags `x`).
fn is_name_word(t: &Tok<'_>) -> bool {
    is_nounish(t.tag) && !is_punct(t.word)
}

fn is_verbish(tag: &str) -> bool {
    matches!(
        tag,
        "v" | "vd"
            | "p"
            | "c"
            | "d"
            | "ad"
            | "uj"
            | "ul"
            | "u"
            | "ud"
            | "ug"
            | "uv"
            | "uz"
            | "r"
            | "m"
            | "q"
            | "y"
            | "zg"
            | "vg"
    )
}

/// Finds subjects with one shared segmenter and the subject stage's word lists.
pub struct SubjectFinder<'j> {
    jieba: &'j Jieba,
    words: &'j SubjectWords,
}

/// One token: word, POS tag, and its char span relative to the segmented string.
#[derive(Debug, Clone)]
struct Tok<'a> {
    word: &'a str,
    tag: &'a str,
}

impl<'j> SubjectFinder<'j> {
    /// A finder over this segmenter and these words.
    pub fn new(jieba: &'j Jieba, words: &'j SubjectWords) -> Self {
        SubjectFinder { jieba, words }
    }

    fn tokens<'a>(&'a self, s: &'a str) -> Vec<Tok<'a>> {
        if s.is_empty() {
            return Vec::new();
        }
        let tags = &self.words.user_tags;
        self.jieba
            .tag(s, true)
            .into_iter()
            .map(|t| {
                let tag = if tags.is_empty() { t.tag } else { tags.get(t.word).map_or(t.tag, String::as_str) };
                Tok { word: t.word, tag }
            })
            .collect()
    }

    /// The subject from the text before the figure in its clause (`before`) and after it (`after`).
    /// Returns `None` when the clause itself names nothing, so that the caller inherits a subject.
    pub fn subject(&self, before: &str, after: &str) -> Option<String> {
        self.subject_counting(before, after, false)
    }

    /// Whether `text` is one word that jieba tags a verb (`办结`, `响应`; not `政策`, `和`).
    pub fn is_one_verb(&self, text: &str) -> bool {
        let toks = self.tokens(text);
        toks.len() == 1 && toks[0].tag.starts_with('v')
    }

    /// Whether `text` is one word naming an act and nothing else (`覆盖`, `办理`; not `咨询`, which jieba takes for a
    /// noun of the act, nor `法律法规`): a clause verb of the word lists, or one word jieba tags a plain verb
    /// that is no word of having, reaching or changing (`not_acts`: 共有, 用于, 新增).
    pub fn is_bare_verb(&self, text: &str) -> bool {
        let w = self.words;
        // An act named by a verb alone is a word of two or three characters.
        if !(2..=3).contains(&text.chars().count()) {
            return false;
        }
        if w.not_acts.has(text) || w.lead.has(text) || w.trail.has(text) || w.reach_words.has(text) {
            return false;
        }
        if w.clause_verbs.has(text) {
            return true;
        }
        let toks = self.tokens(text);
        toks.len() == 1 && toks[0].tag == "v"
    }

    /// The name of a part of `whole` named `part` by the thing alone: `whole`'s measure (the last word of it, one
    /// of `measure_ends`: 实有床位数 → 床位数, 汽车保有量 → 保有量) after the part (医院 → 医院床位数); none when the part
    /// names a measure or an act itself (税收收入, 出口, 发明专利授权). Where the part ends with what opens the measure
    /// (工业用电 of 用电量), the measure's rest (工业用电量).
    pub fn part_of_measure(&self, whole: &str, part: &str) -> Option<String> {
        let w = self.words;
        let wt = self.tokens(whole);
        let [things @ .., measure] = wt.as_slice() else { return None };
        if measure.word.chars().count() < 2 || !w.measure_ends.ends(measure.word) || !things.iter().any(is_name_word) {
            return None;
        }
        let pt = self.tokens(part);
        let last = pt.last()?;
        if !is_name_word(last)
            || !last.tag.starts_with('n')
            || w.measure_ends.ends(part)
            || part.ends_with(measure.word)
        {
            return None;
        }
        let overlap = (1..measure.word.chars().count())
            .rev()
            .map(|n| measure.word.char_indices().nth(n).map_or(measure.word.len(), |(b, _)| b))
            .find(|&b| part.ends_with(&measure.word[..b]))
            .unwrap_or(0);
        Some(format!("{part}{}", &measure.word[overlap..]))
    }

    /// The name of a part of the rate `whole` named `part` alone (`婴儿死亡率4.0‰，其中：城市2.6‰` → 城市婴儿死亡率;
    /// `全体居民恩格尔系数为26.0%，其中城镇为25.6%` → 城镇居民恩格尔系数): the part before the whole, less the whole's
    /// scope (`whole_scopes`: 全国, 全体), and merged where the part ends with what opens the whole
    /// (公立医院 of 医院病床使用率 → 公立医院病床使用率). None when the part names a measure itself.
    pub fn part_of_rate(&self, whole: &str, part: &str) -> Option<String> {
        let w = self.words;
        if !w.measure_ends.ends(whole) || whole.chars().count() < 3 {
            return None;
        }
        let pt = self.tokens(part);
        let last = pt.last()?;
        if !is_name_word(last) || !last.tag.starts_with('n') || w.measure_ends.ends(part) || whole.contains(part) {
            return None;
        }
        // `…所佔的比重…其中國防費從百分之四十一點五`: the part of a share is named by the share noun alone (國防費比重).
        if let Some(noun) = w.share_nouns.iter().filter(|n| whole.ends_with(*n)).max_by_key(|n| n.len()) {
            return Some(format!("{part}{noun}"));
        }
        let mut rest = whole;
        if let Some(scope) = w.whole_scopes.iter().filter(|l| whole.starts_with(*l)).max_by_key(|l| l.len()) {
            rest = &whole[scope.len()..];
        }
        if rest.chars().count() < 2 {
            return None;
        }
        let overlap =
            rest.char_indices().map(|(b, _)| b).skip(1).filter(|&b| part.ends_with(&rest[..b])).max().unwrap_or(0);
        Some(format!("{part}{}", &rest[overlap..]))
    }

    /// The byte length of the verb that follows `noun` in `text` (which starts with it), when jieba, segmenting
    /// them together, ends a word where the noun ends and tags the next word a verb with more after it.
    pub fn verb_after(&self, text: &str, noun: &str) -> Option<usize> {
        let end = noun.len() + text[noun.len()..].char_indices().nth(8).map_or(text.len() - noun.len(), |(b, _)| b);
        let toks = self.tokens(&text[..end]);
        let mut at = 0;
        let mut it = toks.iter();
        for t in it.by_ref() {
            at += t.word.len();
            if at >= noun.len() {
                break;
            }
        }
        let verb = it.next().filter(|_| at == noun.len())?;
        (verb.tag == "v" && at + verb.word.len() < end).then_some(verb.word.len())
    }

    /// [`subject`](Self::subject) of a figure that counts people (its unit is one of `person_units`: 人, 名):
    /// a verb after a noun naming people ends the name after the number (`450万困难群众纳入城乡低保` →
    /// 困难群众), where for other counts a verb may go on to the thing counted (`11.2万个高校毕业生就业岗位`).
    pub fn subject_counting(&self, before: &str, after: &str, people: bool) -> Option<String> {
        let w = self.words;
        // `农业支出占财政支出的１．５５％`: a share stated with 占 and 的 and no share noun is named as a share.
        let mut s = self.phrase(before, after, people).or_else(|| {
            let b = before.trim_end();
            let noun = w.share_nouns.iter().next()?;
            let share = w.possessive.iter().any(|p| b.ends_with(p)) && w.share_markers.found_in(b);
            share.then(|| self.possessed(&format!("{b}{noun}"), noun, true, people)).flatten()
        })?;
        let share = w.share_nouns.has(&s);
        // `高等学校在校学生的人数`, `粮食（不包括大豆）的产量`, `全国各城镇职工住宅的竣工面积`: a measure named alone is
        // named with what 的 ties to it.
        let measure = !share && s.chars().count() <= 6 && w.measure_ends.ends(&s);
        if (share || measure)
            && let Some(named) = self.possessed(before, &s, share, people)
        {
            s = named;
        }
        trim_rate_tail(self.words, &mut s);
        Some(s)
    }

    /// The name of a count or amount that nothing before names, given by 的 and the noun phrase after it
    /// (`完成9.2公里的城区供水主管网改造` → 城区供水主管网, `完成37.8亿元的年度投资计划` → 年度投资计划). `None` unless
    /// `after` opens with 的 and a noun, or when that noun is a figure of speech (`的水平`, `的指标`: `generic_after`,
    /// `generic_possessed`).
    pub fn named_after_possessive(&self, after: &str, people: bool) -> Option<String> {
        let words = self.words;
        let rest = words.possessive.iter().find_map(|p| after.trim_start().strip_prefix(p))?;
        let rest = rest.char_indices().nth(20).map_or(rest, |(b, _)| &rest[..b]);
        let post = self.tokens(rest);
        let first = post.first().filter(|t| {
            t.tag.starts_with('n') && !words.generic_after.has(t.word) && !words.generic_possessed.has(t.word)
        })?;
        if words.noun_stops.has(first.word) {
            return None;
        }
        let out = noun_phrase(words, &post, people);
        (out.chars().count() >= 2).then(|| clean(&out))
    }

    /// The name of a percentage standing before 的 and a group that does something (`69.5%的企业具有射频识别设备`
    /// → 具有射频识别设备企业比例, `96.2%的养老机构开展医养结合` → 开展医养结合养老机构比例): the act, the group and
    /// the second share noun (比例). `None` unless `after` is 的, a noun and a verb phrase.
    pub fn share_of_group(&self, after: &str) -> Option<String> {
        let words = self.words;
        let rest = words.possessive.iter().find_map(|p| after.trim_start().strip_prefix(p))?;
        let rest = rest.char_indices().nth(24).map_or(rest, |(b, _)| &rest[..b]);
        let toks = self.tokens(rest);
        // The group: nouns up to the verb of its act.
        let k = toks.iter().take_while(|t| t.tag.starts_with('n') || matches!(t.tag, "b" | "j")).count();
        let group: String = toks[..k].iter().map(|t| t.word).collect();
        if group.chars().count() < 2 || toks.get(k).is_none_or(|t| t.tag != "v") {
            return None;
        }
        // The act: the verb and its object, to the end of the clause.
        let act =
            &toks[k..toks[k..].iter().position(|t| is_punct(t.word) || t.tag == "uj").map_or(toks.len(), |e| k + e)];
        let act_text: String = act.iter().map(|t| t.word).collect();
        let noun = words.share_nouns.iter().nth(1)?;
        (act.len() >= 2 && (3..=12).contains(&act_text.chars().count())).then(|| format!("{act_text}{group}{noun}"))
    }

    /// The name of a share or measure whose noun (`noun`: 比重, 比例; 人数, 产量) the walk back reached alone, the
    /// particle 的 standing before it: `非公经济增加值占地区生产总值的比重` → 非公经济增加值占地区生产总值比重,
    /// `服务业增加值在国内生产总值中的比重` → 服务业增加值占国内生产总值比重, `财政用于民生的比例` → 财政用于民生比例,
    /// `在校学生的人数` → 在校学生人数. `None` when nothing is named before 的, or (for a measure) a list is.
    fn possessed(&self, before: &str, noun: &str, share: bool, people: bool) -> Option<String> {
        let words = self.words;
        let at = before.rfind(noun)?;
        // What stands between the noun and the figure is a link (达到, 由) or nothing, or the start of a span
        // (`的比重从2009年的2.8%`).
        let tail = &before[at + noun.len()..];
        // `私营工业所占的比重则由１９５４年的２５％`: an adverb (则, 仍) before the link or span.
        let tail =
            words.trail.iter().filter(|w| w.chars().count() == 1).find_map(|w| tail.strip_prefix(w)).unwrap_or(tail);
        let span = words.span_openers.iter().any(|o| tail.starts_with(o)) && tail.chars().count() <= 12;
        if (tail.chars().count() > 4 && !span) || tail.chars().any(is_punct_char) {
            return None;
        }
        let mut rest = before[..at].trim_end();
        let possessive = words.possessive.iter().find(|w| rest.ends_with(*w))?;
        rest = &rest[..rest.len() - possessive.len()];
        // `所占的比重`, `所佔的比重`.
        for w in ["所占", "所佔"] {
            rest = rest.strip_suffix(w).unwrap_or(rest);
        }
        if !share {
            return self.measure_of(rest, noun, people);
        }
        let clause = rest.rfind(is_punct_char).map_or(0, |i| i + rest[i..].chars().next().map_or(0, char::len_utf8));
        let rest = &rest[clause..];
        // The whole: `在国内生产总值中`, or what follows the last 占.
        let first = words.share_markers.iter().next().unwrap_or("占");
        let (part, marker, whole) = match rest.strip_suffix('中').and_then(|r| r.rfind('在').map(|i| (r, i))) {
            Some((r, i)) => (&r[..i], first, &r[i + '在'.len_utf8()..]),
            None => match words.share_markers.iter().filter_map(|m| rest.rfind(m).map(|i| (i, m))).max() {
                Some((i, m)) => (&rest[..i], m, &rest[i + m.len()..]),
                None => (rest, "", ""),
            },
        };
        let whole = whole.trim();
        if whole.chars().count() > 14 || (whole.is_empty() && part.is_empty()) {
            return None;
        }
        let part = self.phrase(part, "", people)?;
        // `比１９５５年国防费在支出决算中所占的比重`: a comparison's basis names no share.
        let compares = |p: &str| {
            words.comparison_openers.iter().any(|o| p.starts_with(o))
                && !words.not_comparisons.iter().any(|n| p.starts_with(n))
        };
        if part.chars().count() < 2 || words.share_nouns.iter().any(|n| part.ends_with(n)) || compares(&part) {
            return None;
        }
        let marker = if whole.is_empty() { "" } else { marker };
        Some(format!("{part}{marker}{whole}{noun}"))
    }

    /// [`possessed`](Self::possessed) for a measure word: `rest` is what stands before its 的. The name before
    /// 的 must end in a noun (not `涉及行业广泛的税率`, `农民从集体分得的收入`); a name after 对 keeps what it
    /// is said of (`消费对经济增长的贡献率` → 消费对经济增长贡献率).
    fn measure_of(&self, rest: &str, noun: &str, people: bool) -> Option<String> {
        let words = self.words;
        let part = self.phrase(rest, "", people)?;
        let at = rest.rfind(part.as_str())?;
        let lead = rest[..at].trim_end();
        // `用于教育、卫生、科技、文化、体育事业的支出`: the measure of a list is no one member's.
        if lead.ends_with(['、', '和', '及', '与']) || words.list_etc.iter().any(|e| lead.ends_with(e)) {
            return None;
        }
        // `钢的产量`, `煤的产量`: a product may be named by one character, a noun.
        let one_noun = part.chars().count() == 1 && self.tokens(&part).first().is_some_and(|t| t.tag == "n");
        if (part.chars().count() < 2 && !one_noun) || words.measure_ends.ends(&part) {
            return None;
        }
        // `消费对经济增长的贡献率`: what the measure is said of (经济增长) may be an act.
        if let Some(of) = words.topic_preps.iter().find(|p| lead.ends_with(*p))
            && rest.ends_with(part.as_str())
        {
            let who = self.phrase(&lead[..lead.len() - of.len()], "", people)?;
            return (who.chars().count() >= 2).then(|| format!("{who}{of}{part}{noun}"));
        }
        let toks = self.tokens(&part);
        toks.last().is_some_and(|t| is_nounish(t.tag)).then(|| format!("{part}{noun}"))
    }

    fn phrase(&self, before: &str, after: &str, people: bool) -> Option<String> {
        // Footnote marks (`装备制造业[12]增加值`) are not part of any name, nor a break or space between two Chinese
        // characters (`就业率去 年底`, a web page's; `全\n国`, a PDF's line).
        let (mut before, after) = (strip_footnotes(before), strip_footnotes(after));
        if let Some(joined) = join_broken_words(&before) {
            before = std::borrow::Cow::Owned(joined);
        }
        let words = self.words;
        // `按可比价格计算，比上年增长6.1%`: how a change was measured, not what changed.
        // A text holding none of the phrases is left as it is.
        if words.price_basis.found_in(&before) {
            for w in words.price_basis.iter() {
                if before.contains(w) {
                    // `邮电业务收入（按现价计算）`: no empty parentheses are left behind.
                    let mut b = before.replace(w, "");
                    for empty in ["（）", "()"] {
                        b = b.replace(empty, "");
                    }
                    before = std::borrow::Cow::Owned(b);
                }
            }
        }
        let (before, after) = (before.as_ref(), after.as_ref());
        let before = before.trim();
        // The walk back below takes at most about 14 characters (a quoted name a little more): segment the
        // last 24, dropping the first token when the cut may have split a word.
        let cut = before.char_indices().rev().nth(23).map(|(b, _)| b).filter(|&b| b > 0);
        // A share's name (part, 占, whole) may take up to 24 characters: segment 32 for one.
        let cut = match cut {
            Some(b) if words.share_markers.iter().any(|m| before[b..].contains(m)) => {
                before.char_indices().rev().nth(31).map(|(b, _)| b).filter(|&b| b > 0)
            }
            c => c,
        };
        let mut pre = self.tokens(cut.map_or(before, |b| &before[b..]));
        if cut.is_some() && pre.len() > 1 {
            pre.remove(0);
        }
        // `煤炭工业部和石油工业部共有二百个建设项目`: after a word of having, the noun after the number names it.
        let has = pre.last().is_some_and(|t| words.have_words.has(t.word));
        trim_trailing(words, &mut pre);
        // Walk back from the number to a boundary, at most about 12 characters; a quoted name
        // (“案结事了”率, “法律明白人”) is taken whole.
        let mut start = pre.len();
        let mut chars = 0;
        let mut share = false;
        // `城镇和农村居民人均可支配收入分别达35512元、25689元`: each figure is one member's, not the pair's.
        let distributed = words.distributive.found_in(before);
        while start > 0 {
            let t = &pre[start - 1];
            if t.word.ends_with(['”', '》']) {
                let open = if t.word.ends_with('”') { '“' } else { '《' };
                if let Some(o) = pre[..start].iter().rposition(|x| x.word.contains(open))
                    && start - o <= 12
                {
                    chars += pre[o..start].iter().map(|x| x.word.chars().count()).sum::<usize>();
                    start = o;
                    continue;
                }
                break;
            }
            // `县（市、区）达82个`, `基本建设投资额（包括经济、文教、行政方面的基本建设）共为…`: an aside in parentheses
            // belongs to the noun before it: kept when short, left out when long.
            if t.word.ends_with(['）', ')'])
                && let Some(o) = pre[..start].iter().rposition(|x| x.word.contains(['（', '(']))
                && start - o <= 16
            {
                // The aside does not count toward the length of the name it qualifies.
                let inner: usize = pre[o + 1..start - 1].iter().map(|x| x.word.chars().count()).sum();
                if inner > 6 {
                    pre.drain(o..start);
                }
                start = o;
                continue;
            }
            // `开发区和工业园区由162个`, `涉法文件及行政规范性文件审核37件`: a conjunction between two nouns
            // coordinates two names of one figure when what stands before it is a noun opening the clause.
            // The first name may be two nouns (`电气机械和器材制造业`).
            let opens = |j: usize| {
                j == 0 || {
                    let b = &pre[j - 1];
                    is_punct(b.word) || words.boundary.has(b.word) || words.lead.has(b.word)
                }
            };
            let first = (1..=2)
                .filter(|&n| start > n)
                .find(|&n| pre[start - 1 - n..start - 1].iter().all(is_name_word) && opens(start - 1 - n));
            // `城镇职工和城镇居民基本医疗保险参保`: two names alike in form (their first two characters the same)
            // coordinate past the usual length.
            let alike = |a: &str, b: &str| a.chars().count() >= 3 && a.chars().take(2).eq(b.chars().take(2));
            let coordinated = |n: usize| {
                let limit = match pre.get(start) {
                    Some(next) if alike(pre[start - 2].word, next.word) => 20,
                    _ => 14,
                };
                chars + 1 + pre[start - 1 - n..start - 1].iter().map(|x| x.word.chars().count()).sum::<usize>() <= limit
            };
            // `新能源和清洁能源装机`: the second name may open with an adjective.
            if t.tag == "c"
                && matches!(t.word, "和" | "及" | "与")
                && !distributed
                && chars >= 2
                && pre[start..].first().is_some_and(|x| is_name_word(x) || matches!(x.tag, "a" | "b"))
                && let Some(n) = first
                && coordinated(n)
            {
                chars += 1 + pre[start - 1 - n..start - 1].iter().map(|x| x.word.chars().count()).sum::<usize>();
                start -= 1 + n;
                continue;
            }
            if is_punct(t.word) || words.boundary.has(t.word) || t.tag == "uj" {
                break;
            }
            // `第一产业增加值占地区生产总值比重为1.8%`: a share is named by its part, 占 and its whole, which
            // may run longer than another name.
            if words.share_markers.has(t.word)
                && start < pre.len()
                && start >= 2
                && is_name_word(&pre[start - 2])
                && pre[start - 2].word.chars().count() >= 2
            {
                share = true;
                chars += t.word.chars().count();
                start -= 1;
                continue;
            }
            let limit = if share { 24 } else { 14 };
            if chars >= 8 && (t.tag == "v" || chars + t.word.chars().count() > limit) {
                break;
            }
            chars += t.word.chars().count();
            start -= 1;
        }
        // `2007年单位国内生产总值能耗`, `2023 年全国农民工总量`: where the walk stops at a year's digits (its length
        // reached, or a space bulletins set between the digits and 年), the 年 is the year's.
        if pre.get(start).is_some_and(|t| words.year_units.iter().any(|y| t.word == y)) {
            let digits = pre[..start].iter().rev().find(|t| !t.word.trim().is_empty());
            // `一九九○年工农业总产值`: jieba cuts a numeral year at ○, which it takes for a mark.
            if digits.is_some_and(|t| is_numeral(t.word)) {
                start += 1;
            }
        }
        // `规模以上工业企业营业收入利润率`, `地级及以上城市空气质量优良天数比率`: a bound of scope closes the modifier
        // before it, which the walk takes whole, past its length and a 及 inside it.
        if start > 0 && start < pre.len() && words.scope_bounds.has(pre[start].word) {
            let mut s = start - 1;
            if s >= 1 && matches!(pre[s].word, "及" | "和" | "或") {
                s -= 1;
            }
            if !is_punct(pre[s].word) && !words.boundary.has(pre[s].word) && pre[s].tag != "uj" {
                // `65岁及以上人口`, `4A级及以上旅游景点`, `60 周岁及以上老年人口`: the number of the bound with it.
                let alnum = |w: &str| w.chars().all(|c| c.is_ascii_alphanumeric() || ('０'..='９').contains(&c));
                let mut k = s;
                while k > 0 && pre[k - 1].word.trim().is_empty() {
                    k -= 1;
                }
                start = if k > 0 && alnum(pre[k - 1].word) { k - 1 } else { s };
            }
        }
        let ends_open = pre.is_empty()
            || has
            || start == pre.len()
            || pre.last().is_some_and(|t| {
                matches!(t.tag, "v" | "vn" | "p" | "c" | "d" | "uj" | "vd" | "ad" | "m")
                    || words.boundary.has(t.word)
                    || words.clause_verbs.has(t.word)
                    || ends_in_clause_verb(words, t.word)
            });
        pre.drain(..start);
        let mut phrase = pre;
        trim_leading(words, &mut phrase);
        trim_trailing(words, &mut phrase);
        drop_clause_verb(words, &mut phrase);
        // `“一村一法律顾问”全年进村服务`: a time or scope word after a quoted name is no part of the name;
        // `全年技工院校共招生`, `本年预算共支出`: nor an adverb of the lead words (共, 累计) between a noun and its verb;
        if let Some(i) = (1..phrase.len().saturating_sub(1)).find(|&i| {
            words.lead.has(phrase[i].word)
                && (phrase[i - 1].word.ends_with(['”', '》'])
                    || (phrase[i].tag == "d" && phrase[i - 1].tag.starts_with('n') && phrase[i + 1].tag == "v")
                    // `新登记注册各类经营主体`: nor a pronoun of scope (各类) between an act and its object.
                    || (phrase[i].tag == "r" && is_nounish(phrase[i + 1].tag)))
        }) {
            phrase.remove(i);
        }
        take_whole_name(&words.whole_names, before, &mut phrase, |_| true);
        // `全州城镇常住居民人均可支配收入`: a known indicator's name is taken whole where the walk stopped inside it
        // (at 常住, which jieba tags a verb), unless what it adds opens with a word the walk drops (全国, 年末, 拟, 安排).
        take_whole_name(&words.known_names, before, &mut phrase, |added| {
            let opens = |list: &crate::dicts::Words| list.iter().any(|l| added.starts_with(l));
            !opens(&words.lead)
                && !opens(&words.modal_words)
                && !opens(&words.clause_verbs)
                && !added.starts_with(|c: char| c.is_ascii_digit())
        });
        let pre_text = join(&phrase);

        // `新增仙桃、潜江、宜都、大冶4个千亿县`: a list of names before the number names instances, not the thing.
        let pre_names = !phrase.is_empty()
            && phrase.iter().any(|t| t.tag != "c")
            && phrase.iter().all(|t| matches!(t.tag, "ns" | "nr" | "nrt" | "nz" | "c"));
        let ends_open = ends_open || pre_names;
        // `投资3.3亿元的机场快速路建成通车`: money put into a work named after the figure and 的 is that work's.
        if words.outlays.has(&pre_text)
            && let Some(rest) = words.possessive.iter().find_map(|p| after.trim_start().strip_prefix(p))
        {
            let rest = rest.char_indices().nth(20).map_or(rest, |(b, _)| &rest[..b]);
            // The work's name runs to the first word of its predicate (建成通车, 投入使用, 基本完工, 年内).
            let toks = self.tokens(rest);
            let mut owner: Vec<&Tok> = Vec::new();
            let mut chars = 0;
            for t in &toks {
                let stop = words.work_states.has(t.word)
                    || words.clause_verbs.has(t.word)
                    || matches!(t.tag, "d" | "p" | "uj" | "t" | "r")
                    || (is_punct(t.word) && !matches!(t.word, "“" | "”"));
                if stop || chars + t.word.chars().count() > 16 {
                    break;
                }
                chars += t.word.chars().count();
                owner.push(t);
            }
            // It ends in a noun.
            while owner
                .last()
                .is_some_and(|t| !(t.tag.starts_with('n') || matches!(t.tag, "j" | "eng") || t.word == "”"))
            {
                owner.pop();
            }
            let owner: String = owner.iter().map(|t| t.word).collect();
            if owner.chars().count() >= 2 {
                return Some(clean(&format!("{owner}{pre_text}")));
            }
        }
        if !ends_open && !pre_text.is_empty() {
            // What follows the number cannot change the answer: spare segmenting it.
            return Some(clean(&pre_text));
        }
        // A noun phrase after the number is at most 14 characters; segment a little more than that.
        let after = after.trim();
        let after = after.char_indices().nth(20).map_or(after, |(b, _)| &after[..b]);
        let post = self.tokens(after);
        // `6个万亿级产业`: a scale word before the noun still opens a noun phrase.
        let lead = post.iter().take_while(|t| matches!(t.tag, "m" | "q") && t.word.chars().count() <= 3).count();
        // `300个现代服务业重点项目`, `36个老旧小区`, `10个“数字领航”企业`: a modifier or a quoted name before the
        // noun still opens a noun phrase.
        // `建成116个“美丽街区”，`: a quoted name closing the clause is the name; `新建2所公立幼儿园，`: a word jieba
        // tags a verb before a noun closing the clause is its modifier.
        let noun_at = |k: usize| post.get(k).is_some_and(|t| t.tag.starts_with('n') && !is_punct(t.word));
        let closes = |k: usize| post.get(k).is_none_or(|t| is_punct(t.word) && !t.word.starts_with(['“', '（', '(']));
        let modified = match post.get(lead) {
            Some(t) if matches!(t.tag, "a" | "b" | "t") && t.word.chars().count() <= 3 => noun_at(lead + 1),
            // `组织14名在编干部参加培训`: people, named by a verb of their state before the noun (在编干部), whatever
            // follows; `新筹建1个独立办学项目，`: a verb before two nouns closing the clause.
            Some(t) if t.tag == "v" && t.word.chars().count() == 2 => {
                noun_at(lead + 1)
                    && post[lead + 1].word.chars().count() >= 2
                    && (closes(lead + 2)
                        || (noun_at(lead + 2) && closes(lead + 3))
                        || (people && words.person_nouns.ends(post[lead + 1].word)))
            }
            Some(t) if t.word == "“" => post[lead..]
                .iter()
                .take(8)
                .position(|x| x.word == "”")
                .is_some_and(|c| c > 1 && (noun_at(lead + c + 1) || closes(lead + c + 1))),
            _ => false,
        };
        let post_noun = lead <= 2 && (modified || post.get(lead).is_some_and(is_name_word));
        // `迈上6万亿元台阶`, `突破1000亿元大关`: the word after the number is a figure of speech.
        let post_generic = post.first().is_some_and(|t| words.generic_after.has(t.word));
        if !post_generic && ((post_noun && ends_open) || (pre_text.is_empty() && !post.is_empty())) {
            let mut out = noun_phrase(words, &post, people);
            // `2000个补短村建设`: the count is of the villages, not of the act after them.
            if let Some(act) = words.count_acts.iter().find(|a| out.ends_with(*a))
                && out.chars().count() >= act.chars().count() + 2
                && !words.dimension_units.has(&out[..out.len() - act.len()])
            {
                out.truncate(out.len() - act.len());
            }
            if !out.is_empty() {
                return Some(clean(&out));
            }
        }
        if !pre_text.is_empty() {
            return Some(clean(&pre_text));
        }
        if before.is_empty() && !post.is_empty() && !matches!(post[0].tag, "uj" | "c" | "p") {
            // `74件未进入诉讼程序`: a clause opening with the number is about what follows it.
            let mut tail: String = after.chars().take(12).collect();
            // `2147个县（市、区）实施…`: an aside in parentheses ends the name it qualifies, unless 的 goes on with it
            // (`约三成村(社区)的法律顾问服务`).
            // An aside still open where the tail stops (`410个“两基”（基本普及九年义务教育…）攻坚县`) is left out.
            if let Some(open) = tail.find(['（', '(']) {
                match tail[open..].find(['）', ')']) {
                    Some(close) => {
                        let end = open + close;
                        let end = end + tail[end..].chars().next().map_or(0, char::len_utf8);
                        if !words.possessive.iter().any(|w| tail[end..].starts_with(w)) {
                            tail.truncate(end);
                            return Some(clean(&tail));
                        }
                    }
                    None if open > 0 => tail.truncate(open),
                    None => {}
                }
            }
            let tail = tail.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
            // `分别从每人每月209元、280元提高到217元`: a change after the number tells where it went, not what it is.
            if words.change_verbs.iter().any(|v| tail.starts_with(v)) {
                return None;
            }
            if !tail.is_empty() {
                return Some(clean(&tail));
            }
        }
        None
    }
}

impl SubjectFinder<'_> {
    /// The names of the members of a 分别 list from the items its head lists (`城镇`, `农村常住居民人均可支配收入`),
    /// or `None` when an item names nothing. Each item is cleaned of the words around a name (全年, 对, 由上年);
    /// a short item borrows what follows the parallel part of the last one (城镇 → 城镇常住居民人均可支配收入,
    /// 刑事 → 刑事案件), else the measure word the last one ends with (基础设施 → 基础设施投资), unless it names a
    /// measure of its own (生产安全事故起数).
    pub fn list_names(&self, items: &[&str]) -> Option<Vec<String>> {
        let words = self.words;
        let mut cleaned: Vec<Vec<Tok<'_>>> = Vec::with_capacity(items.len());
        for it in items {
            let mut toks = self.tokens(it);
            // `二氧化硫排放量由上年`: a span's start or a basis after the name is no part of it.
            if let Some(cut) = toks.iter().position(|t| words.span_openers.has(t.word)).filter(|&c| c > 0) {
                toks.truncate(cut);
            }
            trim_leading(words, &mut toks);
            while toks.first().is_some_and(|t| words.boundary.has(t.word) || t.tag == "p") {
                toks.remove(0);
            }
            trim_trailing(words, &mut toks);
            // `推动制造业、数字经济核心产业增加值`: the verb opening the list is no part of its first member.
            if cleaned.is_empty() {
                drop_clause_verb(words, &mut toks);
            }
            if toks.is_empty() {
                return None;
            }
            cleaned.push(toks);
        }
        // `汽车、食品、信息等产业增加值`: what follows 等 in the last item is what every member measures.
        let mut shared = String::new();
        if let Some(last) = cleaned.last_mut()
            && let Some(e) =
                last.iter().position(|t| words.list_etc.has(t.word)).filter(|&e| e > 0 && e + 1 < last.len())
        {
            shared = join(&last[e + 1..]);
            last.truncate(e);
        }
        if !shared.is_empty() {
            return Some(cleaned.iter().map(|t| clean(&format!("{}{shared}", join(t)))).collect());
        }
        // Short members (黄金, 白银), or members no longer than the last one's part before its measure word
        // (六大优势产业, 高技术制造业 before 绿色低碳优势产业增加值).
        let short = cleaned[..cleaned.len() - 1].iter().all(|t| join(t).chars().count() <= 6);
        let last = cleaned.last()?;
        let last_text = join(last);
        let head = words.list_heads.iter().find(|h| last_text.ends_with(*h));
        let names = cleaned
            .iter()
            .enumerate()
            .map(|(i, toks)| {
                let name = join(toks);
                // `入境游客数量和花费分别增长47.8%、52.3%`: a last member that is a measure word alone, or one of what
                // befell the first member's things (`生产安全事故起数、死亡人数`: a verb and its measure), is a measure
                // of what the first member measures (入境游客花费, 生产安全事故死亡人数).
                let measure = |w: &str| words.list_heads.has(w) || words.measure_ends.ends(w);
                let alone = match toks.as_slice() {
                    [m] => m.word.chars().count() <= 3,
                    [v, m] => v.tag == "v" && m.word.chars().count() <= 2 && measure(m.word),
                    _ => false,
                };
                if i + 1 == cleaned.len()
                    && i > 0
                    && alone
                    && measure(&name)
                    && let [whose @ .., last] = cleaned[0].as_slice()
                    && !whose.is_empty()
                    && measure(last.word)
                    && whose.last().is_some_and(is_name_word)
                {
                    return clean(&format!("{}{name}", join(whose)));
                }
                if i + 1 == cleaned.len() || words.measure_ends.ends(&name) {
                    return clean(&name);
                }
                let n = name.chars().count();
                let total = last_text.chars().count();
                // The last item's token boundaries, each with the text before it, where what follows may go on
                // a name (no numeral, pronoun or particle: `粳稻每５０公斤` has no part to lend after 粳稻每).
                // `金融业、软件和信息服务业增加值`: none inside a whole name (软件和信息服务业).
                let wholes: Vec<(usize, usize)> = words
                    .whole_names
                    .spans_in(&last_text)
                    .into_iter()
                    .map(|(a, b)| (last_text[..a].chars().count(), last_text[..b].chars().count()))
                    .collect();
                let mut bounds: Vec<(usize, String)> = Vec::new();
                let mut before = String::new();
                for (j, t) in last.iter().enumerate() {
                    before.push_str(t.word);
                    let next = last.get(j + 1);
                    let at = before.chars().count();
                    if wholes.iter().any(|&(a, b)| a < at && at < b) {
                        continue;
                    }
                    if next.is_some_and(|x| !matches!(x.tag, "m" | "q" | "r" | "p" | "c" | "d" | "uj" | "ul" | "x")) {
                        bounds.push((before.chars().count(), before.clone()));
                    }
                }
                let tail2: String = name.chars().skip(n.saturating_sub(2)).collect();
                // `城镇职工基本养老保险、基本医疗保险参保人数`: the last item's part that ends as this item does
                // (…保险) parallels it; else the part as long as this item (城镇 / 农村常住…, 刑事 / 治安案件).
                let cut = bounds
                    .iter()
                    .rev()
                    .find(|(_, b)| n >= 2 && b.ends_with(&tail2))
                    .or_else(|| bounds.iter().find(|(c, _)| n <= 3 && *c == n))
                    .map(|(c, _)| *c)
                    // `城镇和农村居民人均可支配收入`: the parallel part may be inside the last item's first word
                    // (农村居民), which jieba keeps whole, when the two are a pair of `list_pairs` (城镇, 农村).
                    .or_else(|| {
                        let first = last.first()?.word;
                        let (b, _) = first.char_indices().nth(n)?;
                        let pair = |p: &[String]| p.contains(&name) && p.iter().any(|m| *m == first[..b]);
                        words.list_pairs.iter().any(|(_, p)| pair(p)).then_some(n)
                    });
                if let Some(c) = cut.filter(|&c| c < total) {
                    let rest: String = last_text.chars().skip(c).collect();
                    // `省外游客、入境过夜游客`: what would follow is what the item already ends with.
                    let first_rest = last.iter().scan(0, |at, t| {
                        *at += t.word.chars().count();
                        Some((*at, t.word))
                    });
                    let next_word = first_rest
                        .take_while(|(at, _)| *at <= c + 4)
                        .find(|(at, w)| *at > c && at - w.chars().count() == c);
                    if !next_word.is_some_and(|(_, w)| name.ends_with(w)) {
                        return clean(&format!("{name}{rest}"));
                    }
                }
                // `接待游客、实现旅游总花费分别增长11.8%、11.5%`: an item naming people (`person_nouns`) counts them,
                // and borrows no measure word but one of people (人数, 人次).
                if words.person_nouns.ends(&name)
                    && head.is_none_or(|h| !words.person_nouns.iter().any(|p| h.starts_with(p)))
                {
                    return clean(&name);
                }
                // `黄金、白银、精炼铜、镍产量`: a list of short names shares the measure word of the last one.
                if let Some(h) = head.filter(|h| short && !name.ends_with(*h)) {
                    return clean(&format!("{name}{h}"));
                }
                // A two-character item of a long last one borrows the last two characters of its last word, when
                // that word is two characters long or a compound of four or more (`涉诈、涉毒警情` → 涉诈警情,
                // `刑事、治安案件` → 刑事案件; not 排放量 of `能耗、二氧化碳排放量`).
                let word = last.last().map_or(0, |t| t.word.chars().count());
                if n <= 2 && total >= 4 && (word == 2 || word >= 4) {
                    let tail: String = last_text.chars().skip(total - 2).collect();
                    if !name.ends_with(&tail) {
                        return clean(&format!("{name}{tail}"));
                    }
                }
                clean(&name)
            })
            .collect();
        Some(names)
    }
}

/// The noun phrase at the start of `toks`: stops at punctuation, 的, prepositions, conjunctions and
/// adverbs, and at a verb unless a noun follows it (执法证考试, 重点行政执法单位).
fn noun_phrase(words: &SubjectWords, toks: &[Tok<'_>], people: bool) -> String {
    let mut out = String::new();
    let lead = toks.iter().take_while(|t| matches!(t.tag, "m" | "q") && t.word.chars().count() <= 3).count();
    let lead = if lead <= 2 && toks.get(lead).is_some_and(|t| is_nounish(t.tag)) { lead } else { 0 };
    // Whether a plain noun (not a verbal one) comes right after the verb at `k`, or after one more verb:
    // `传承创新中心` goes on to 中心, `完成投资` (投资 verbal) and `没有恢复到历史…` do not.
    let verbs_reach_noun = |k: usize| {
        let noun =
            |j: usize| toks.get(j).is_some_and(|n| (n.tag.starts_with('n') || n.tag == "l") && !is_punct(n.word));
        noun(k + 1) || (toks.get(k + 1).is_some_and(|t| t.tag == "v") && noun(k + 2))
    };
    // The closing quote of a quoted name taken whole, as a token index.
    let mut quoted: Option<usize> = None;
    for (k, t) in toks.iter().enumerate() {
        if k < lead {
            out.push_str(t.word);
            continue;
        }
        // `县（市、区）`: a short aside in parentheses right after a noun belongs to it.
        if matches!(t.word, "（" | "(") && !out.is_empty() {
            let close = toks[k + 1..].iter().take(6).position(|x| matches!(x.word, "）" | ")"));
            if let Some(n) = close {
                let aside: String = toks[k..=k + 1 + n].iter().map(|x| x.word).collect();
                if out.chars().count() + aside.chars().count() <= 14 {
                    // The aside closes the noun phrase, unless a noun goes on after it (`市（州）分岛`).
                    out.push_str(&aside);
                    let next = toks.get(k + 2 + n);
                    if let Some(nx) = next.filter(|x| x.tag.starts_with('n') && !is_punct(x.word))
                        && out.chars().count() + nx.word.chars().count() <= 14
                    {
                        out.push_str(nx.word);
                    }
                }
            }
            break;
        }
        if !out.is_empty() && words.noun_stops.has(t.word) {
            break;
        }
        // In a count of people the name ends with the noun naming them, whatever jieba tags the word after it
        // (`近4000名运动员参赛`: 参赛/n), unless a conjunction joins another group or the next word names people
        // again (`农村 居民`).
        let ends_people = |s: &str| words.person_nouns.iter().any(|w| s.ends_with(w));
        if people && ends_people(&out) && t.tag != "c" && !ends_people(t.word) {
            break;
        }
        // `104个攻坚项目开工率超90%`: a rate after the noun is the name of the next figure, not of this count.
        if !out.is_empty() && words.rate_ends.ends(t.word) {
            // `203个地表水国考断面水质优良率`: a quality before the rate opens the rate's name.
            if let Some(q) = words.rate_attributes.iter().find(|q| out.ends_with(*q) && out.len() > q.len()) {
                out.truncate(out.len() - q.len());
            }
            break;
        }
        // `116个国家和地区`, `44条国际及地区客货运航线`: a conjunction between nouns stays inside the name;
        // `339个地级及以上城市`: so does one before a bound of scope.
        if t.tag == "c"
            && !out.is_empty()
            && toks
                .get(k + 1)
                .is_some_and(|n| (n.tag.starts_with('n') && !is_punct(n.word)) || words.scope_bounds.has(n.word))
            && out.chars().count() + t.word.chars().count() <= 12
        {
            out.push_str(t.word);
            continue;
        }
        // `200个样板村`: a one-character noun jieba does not know after a noun closes the name.
        if t.tag == "zg" && !out.is_empty() && t.word.chars().count() == 1 {
            out.push_str(t.word);
            break;
        }
        // `10个“数字领航”企业`: a quoted name before the noun is part of its name.
        if t.word == "“"
            && let Some(c) = toks[k..].iter().take(8).position(|x| x.word == "”")
            && match toks.get(k + c + 1) {
                Some(n) => (n.tag.starts_with('n') && !is_punct(n.word)) || (out.is_empty() && is_punct(n.word)),
                None => out.is_empty(),
            }
        {
            quoted = Some(k + c);
        }
        if quoted.is_some_and(|q| k <= q) {
            out.push_str(t.word);
            continue;
        }
        // `八百多个限额以上的工业企业`: a bound of scope and 的 go on to the noun they bound (限额以上工业企业).
        if t.tag == "uj"
            && words.scope_bounds.iter().any(|b| out.ends_with(b))
            && toks.get(k + 1).is_some_and(|n| n.tag.starts_with('n') && !is_punct(n.word))
        {
            continue;
        }
        if is_punct(t.word) || matches!(t.tag, "uj" | "ul" | "p" | "c" | "d" | "r" | "m" | "y") {
            break;
        }
        if is_verbish(t.tag) || t.tag == "v" {
            // A clause that opens with a verb after the number (74件未进入…) is left to the caller; a verb that
            // opens a clause of its own (`3729户低收入农牧户发放冬煤补贴`) ends the name.
            let after_noun = k > 0 && (toks[k - 1].tag.starts_with('n') || toks[k - 1].tag == "zg");
            let clause_verb = t.tag == "v" && after_noun && words.clause_verbs.has(t.word);
            // People act: a verb after a noun naming people is their predicate (`困难群众纳入城乡低保`,
            // `运动员参赛`), not the start of a longer name.
            let people_act = people && t.tag == "v" && words.person_nouns.iter().any(|w| out.ends_with(w));
            if !verbs_reach_noun(k) || (out.is_empty() && k > 0) || clause_verb || people_act {
                break;
            }
        }
        if out.chars().count() + t.word.chars().count() > 14 {
            break;
        }
        out.push_str(t.word);
    }
    out
}

/// `“案结事了”率达88%`, `及时率均达100%`: words jieba fused to the end of a rate's name (达, 均) are dropped, once
/// what is left ends in a rate.
fn trim_rate_tail(words: &SubjectWords, s: &mut String) {
    loop {
        let Some(w) = words.rate_tails.iter().find(|w| s.ends_with(*w) && s.len() > w.len()) else { break };
        let base = &s[..s.len() - w.len()];
        let rate_next = words.rate_ends.ends(base) || words.rate_tails.iter().any(|t| base.ends_with(t));
        if !rate_next {
            break;
        }
        s.truncate(base.len());
    }
}

/// `全年立刑事案件428起` → 刑事案件, `办理复议案件98件` → 复议案件: the verb opening the clause is no part of the name
/// of what it did, unless the name ends in a measure of its own (参加…养老保险人数).
/// Whether `word` is an adverb and a clause verb that jieba keeps as one word (`妥善安置`, 妥善 + 安置): it opens
/// a clause like the verb alone.
fn ends_in_clause_verb(words: &SubjectWords, word: &str) -> bool {
    // Each proper suffix of two characters or more, looked up (a word is a few characters).
    word.char_indices()
        .skip(1)
        .map(|(b, _)| &word[b..])
        .take_while(|rest| rest.chars().nth(1).is_some())
        .any(|rest| words.clause_verbs.has(rest))
}

fn drop_clause_verb(words: &SubjectWords, toks: &mut Vec<Tok<'_>>) {
    // `各镇开展文件专项清理`, `培训中开设法治专题课`: a scope (a pronoun of places, a phrase ending in a
    // locative) before the clause verb goes with it.
    if let Some(i) = (1..toks.len().min(4)).find(|&i| words.clause_verbs.has(toks[i].word))
        && (toks[i - 1].tag == "r" || (toks[i - 1].tag == "f" && i >= 2))
        && !words.trail.has(toks[i - 1].word)
        && !words.lead.has(toks[i - 1].word)
        && toks.len() > i + 1
    {
        toks.drain(..i);
    }
    // `中央财政预算拟安排补助资金`: a verb of allotting (and words of intent before it) between the nouns of who
    // allots and of what goes; both nouns stay.
    if let Some(i) = (1..toks.len().saturating_sub(1)).find(|&i| words.allot_verbs.has(toks[i].word)) {
        let m = (0..i).rev().take_while(|&j| words.modal_words.has(toks[j].word)).count();
        let (who, what) = (&toks[..i - m], &toks[i + 1..]);
        if !who.is_empty()
            && who.iter().all(is_name_word)
            && what.first().is_some_and(|t| t.tag != "uj")
            && what.iter().map(|t| t.word.chars().count()).sum::<usize>() >= 2
        {
            toks.drain(i - m..=i);
            return;
        }
    }
    // `地铁实现客运量`, `规上工业企业实现利润`: a verb of yielding between nouns and the measure of what they
    // yielded goes; both stay.
    if let Some(i) = (1..toks.len().saturating_sub(1)).find(|&i| words.yield_verbs.has(toks[i].word))
        && toks[..i].iter().all(is_name_word)
        && toks[i + 1..].iter().all(is_name_word)
        // `投资完成额`: a measure named with the verb (完成额) keeps it.
        && toks[i + 1].word.chars().count() >= 2
        && words.measure_ends.ends(&join(&toks[i + 1..]))
    {
        toks.remove(i);
        return;
    }
    // `拟安排财政赤字`, `计划实施项目`: words of intent before the clause verb go with it.
    let mut modals = toks.iter().take_while(|t| words.modal_words.has(t.word)).count();
    // `启动建设省级零碳园区`: so does a verb right before it (a plain verb, or one of `phase_verbs`: 启动, 加快).
    if toks
        .get(modals)
        .is_some_and(|t| (t.tag == "v" || words.phase_verbs.has(t.word)) && !words.clause_verbs.has(t.word))
        && toks.get(modals + 1).is_some_and(|t| words.clause_verbs.has(t.word))
        // `研究与试验开发经费`: not where only a word would be left.
        && join(&toks[(modals + 2).min(toks.len())..]).chars().count() >= 3
    {
        modals += 1;
    }
    // `增加到十亿`: a verb of reaching states the level, and is trimmed elsewhere.
    let verb_goes = |toks: &[Tok<'_>]| {
        toks.len() >= 2
            && words.clause_verbs.has(toks[0].word)
            && !words.reach_words.has(toks[1].word)
            && toks[1..].iter().map(|t| t.word.chars().count()).sum::<usize>() >= 2
            // `提出国内生产总值增长8%左右`: a known indicator's name is the name, whatever it ends in.
            // (`新建商品房销售面积`, known with its verb, keeps it).
            && (!words.measure_ends.ends(&join(toks)) || words.known_names.has(&join(&toks[1..])))
            && !words.known_names.has(&join(toks))
    };
    if !verb_goes(&toks[modals..]) {
        return;
    }
    toks.drain(..=modals);
    // `实施了中心城区…`: what opened the object with the verb goes with it; so does a conjunction joining the verb
    // to another (`新建和升级体育公园`).
    while toks.len() > 1 && (words.lead.has(toks[0].word) || toks[0].tag == "c") {
        toks.remove(0);
    }
}

/// `s` without the whitespace standing between two Chinese characters, or `None` when none does.
fn join_broken_words(s: &str) -> Option<String> {
    if !s.contains(char::is_whitespace) {
        return None;
    }
    let han = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}');
    let chars: Vec<char> = s.chars().collect();
    let broken = |i: usize| {
        chars[i].is_whitespace() && {
            let a = chars[..i].iter().rev().find(|c| !c.is_whitespace());
            let b = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            a.is_some_and(|&c| han(c)) && b.is_some_and(|&c| han(c))
        }
    };
    if !(0..chars.len()).any(broken) {
        return None;
    }
    Some((0..chars.len()).filter(|&i| !broken(i)).map(|i| chars[i]).collect())
}

/// Removes `[12]`-style footnote marks.
fn strip_footnotes(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['[', '［']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '[' | '［') {
            let digits = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 && matches!(chars.get(i + 1 + digits), Some(']' | '］')) {
                i += digits + 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// A Chinese digit (一, 〇 …), stripped like Arabic digits from the end of a phrase.
/// Whether `w` is digits, Arabic (half- or full-width) or Chinese (`2023`, `一九八二`, `一九九` of 一九九○).
fn is_numeral(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || is_digit_char(c))
}

fn is_digit_char(c: char) -> bool {
    crate::number::chinese::digit(c).is_some()
}

fn join(toks: &[Tok<'_>]) -> String {
    toks.iter().map(|t| t.word).collect()
}

fn trim_trailing(words: &SubjectWords, toks: &mut Vec<Tok<'_>>) {
    loop {
        let before = toks.len();
        // `压缩至45天`, `提高到67.4%`, `控制在3%以内`: the verb and its 至/到/在 say where the level went.
        if toks.last().is_some_and(|t| words.reach_words.has(t.word)) {
            toks.pop();
            if toks.last().is_some_and(|t| matches!(t.tag, "v" | "vn" | "a" | "ad")) {
                toks.pop();
            }
        }
        // `我国人口自然增长率降到千分之十`, `行政许可事项缩减到100项`, `工商税收到一百亿元`: a verb jieba fused with the
        // 到/至/为 after it says where the level went, as the two words do apart.
        if let Some(t) = toks.last()
            && let Some((b, _)) = t.word.char_indices().last().filter(|&(b, _)| b > 0)
            && words.change_verbs.has(&t.word[..b])
            && (words.reach_words.has(&t.word[b..]) || matches!(&t.word[b..], "为" | "达"))
        {
            toks.pop();
        }
        // `由１９５４年的２５％下降为１６％`: a verb of change alone names nothing (the figure is the span's end).
        if toks.len() == 1 && words.change_verbs.has(toks[0].word) {
            toks.pop();
        }
        // `从2007年末的6.12万亿元`, `由去年的1076亿元`: the start of a 从…到 span, not part of the name;
        // `[69]2376家`: a footnote mark.
        // `由一九八二年的`: jieba keeps a numeral year and its 年 as one token.
        let year = |w: &str| {
            words.year_units.iter().any(|y| w.strip_suffix(y.as_str()).is_some_and(|d| !d.is_empty() && is_numeral(d)))
        };
        let strippable =
            |t: &Tok| words.time_tail.has(t.word) || words.per_heads.has(t.word) || is_numeral(t.word) || year(t.word);
        let tail = toks.iter().rev().take_while(|t| strippable(t)).count();
        // `年末城镇调查失业率从上半年5.5%`: after a span's opener any time word (jieba's tag t) says when it starts.
        let timed = toks.iter().rev().take_while(|t| strippable(t) || t.tag == "t").count();
        // `每千人口托位数较2020年翻两番`: so does a comparison's opener before a year (not 之比, 收入比: no year).
        let opener = |n: usize| {
            toks.len().checked_sub(n + 1).is_some_and(|i| {
                words.span_openers.has(toks[i].word) || (n > 0 && i > 0 && words.comparison_openers.has(toks[i].word))
            })
        };
        if let Some(n) = [tail, timed].into_iter().find(|&n| opener(n)) {
            toks.truncate(toks.len() - n - 1);
        } else if tail > 0 && toks[toks.len() - tail..].iter().all(|t| !words.possessive.has(t.word)) {
            toks.truncate(toks.len() - tail);
        }
        // `企业退休人员养老金标准继续提高`, `覆盖面逐步扩大`, `贸易顺差连续两年下降`: a change told of the name in
        // a clause of its own (an adverb or a span before the verb) is no part of it.
        // `企业退休人员基本养老金连续5年增加`: so is a span of years with its adverb (连续) before the verb.
        if toks.last().is_some_and(|t| words.change_verbs.has(t.word)) {
            let verb_at = toks.len() - 1;
            let years = toks[..verb_at].iter().rev().take_while(|t| t.tag == "m").count();
            if years > 0 && verb_at > years + 1 && matches!(toks[verb_at - years - 1].tag, "a" | "d" | "ad") {
                toks.truncate(verb_at - years - 1);
            }
        }
        if toks.len() >= 3
            && toks.last().is_some_and(|t| words.change_verbs.has(t.word))
            && toks.get(toks.len() - 2).is_some_and(|t| t.tag == "d" || words.trail.has(t.word))
        {
            toks.pop();
            while toks.len() > 1 && toks.last().is_some_and(|t| t.tag == "d" || t.tag == "m") {
                toks.pop();
            }
        }
        while let Some(t) = toks.last() {
            // `动员全省超8000名志愿者`: a word of scope right before the number (全省, 我国) says where what follows
            // the number is, and names nothing.
            let scope = toks.len() >= 2 && matches!(t.tag, "n" | "r" | "ns") && words.lead.has(t.word);
            if scope || words.trail.has(t.word) || (is_punct(t.word) && !t.word.ends_with(['”', '》', ')', '）'])) {
                toks.pop();
            } else {
                break;
            }
        }
        if toks.len() == before {
            break;
        }
    }
}

fn trim_leading(words: &SubjectWords, toks: &mut Vec<Tok<'_>>) {
    let year_unit = |w: &str| words.year_units.iter().any(|y| w == y);
    fn ends_in_year<'w>(years: &[String], w: &'w str) -> Option<&'w str> {
        years.iter().find(|y| w.ends_with(y.as_str())).map(|y| &w[..w.len() - y.len()])
    }
    let ends_in_year = |w| ends_in_year(&words.year_units, w);
    // `一九五七年`: a year in numerals comes as one token.
    let numeral_year = |w: &str| w.chars().count() == 4 && w.chars().all(is_digit_char);
    // `２０００年` comes as one token per full-width digit.
    let digits = toks.iter().take_while(|t| is_digits(t.word)).count();
    if digits > 0 && toks.get(digits).is_some_and(|t| year_unit(t.word)) {
        toks.drain(..=digits);
    }
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        // Years (`2015年旅游收入`) say when, not what.
        let year = ends_in_year(t.word).is_some_and(|w| is_digits(w) || numeral_year(w))
            || (year_unit(t.word) && k > 0 && is_digits(toks[k - 1].word));
        let digits = is_digits(t.word)
            && toks.get(k + 1).is_some_and(|n| words.year_units.iter().any(|y| n.word.starts_with(y.as_str())));
        // `五年内`, `五年间`: what is left of a duration once its years are gone.
        let after_duration = k > 0 && words.duration_tails.has(t.word) && ends_in_year(toks[k - 1].word).is_some();
        // `（一）各项税收`, `新（改）建`: an aside or list marker in parentheses opening the phrase qualifies
        // nothing in it.
        if matches!(t.word, "（" | "(")
            && let Some(close) = toks[k..].iter().take(8).position(|t| matches!(t.word, "）" | ")"))
        {
            k += close + 1;
            continue;
        }
        if words.lead.has(t.word)
            || lead_compound(words, t.word)
            || year
            || digits
            || after_duration
            || (is_punct(t.word) && !t.word.starts_with(['“', '《', '(', '（']))
        {
            k += 1;
        } else if let Some(n) = lead_split_at(words, &toks[k..]) {
            k += n;
        } else {
            break;
        }
    }
    toks.drain(..k);
}

/// `黑色金属冶炼和压延加工业增长4.0%`, `电力、热力生产和供应业增加值`: where the walk back stopped inside a name of
/// `names` (at its 、 or 和, or a word jieba tags a verb), the name is taken whole, when `adds` accepts what it
/// adds before the phrase: its tokens in `phrase` become one. `phrase` holds slices of `text`.
fn take_whole_name<'a>(
    names: &crate::dicts::Words,
    text: &'a str,
    phrase: &mut Vec<Tok<'a>>,
    adds: impl Fn(&str) -> bool,
) {
    let Some(first) = phrase.first() else { return };
    let base = text.as_ptr() as usize;
    // The byte offset in `text` of a token's end.
    let end_of = |t: &Tok<'_>| {
        (t.word.as_ptr() as usize).checked_sub(base).map(|o| o + t.word.len()).filter(|&e| e <= text.len())
    };
    // A name the walk stopped inside starts before the phrase: none does when the phrase opens the text.
    let Some(p0) = end_of(first).map(|e| e - first.word.len()).filter(|&p0| p0 > 0) else { return };
    // A name is at most about 30 characters: search only around the phrase's start.
    let mut lo = p0.saturating_sub(96);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let hi = phrase.last().and_then(end_of).unwrap_or(text.len()).max(p0);
    let whole = names
        .spans_in(&text[lo..hi])
        .into_iter()
        .map(|(a, b)| (a + lo, b + lo))
        .filter(|&(a, b)| a < p0 && b > p0 && adds(&text[a..p0]))
        .filter_map(|(a, b)| phrase.iter().position(|t| end_of(t) == Some(b)).map(|k| (a, b, k)))
        .min_by_key(|&(a, _, _)| a);
    if let Some((a, b, k)) = whole {
        phrase.splice(..=k, [Tok { word: &text[a..b], tag: "n" }]);
    }
}

/// Whether jieba fused two words of `lead` into one token (`全面完成`: 全面 + 完成).
fn lead_compound(words: &SubjectWords, word: &str) -> bool {
    word.char_indices().skip(1).any(|(b, _)| words.lead.has(&word[..b]) && words.lead.has(&word[b..]))
}

/// How many tokens a word of `lead` that jieba split opens `toks` with (`特别是` as 特别 + 是, `本年内` as 本 +
/// 年内, `相应地` as 相应 + 地), when one does.
fn lead_split_at(words: &SubjectWords, toks: &[Tok<'_>]) -> Option<usize> {
    let mut joined = String::new();
    for (n, t) in toks.iter().enumerate().take(3) {
        joined.push_str(t.word);
        if n > 0 && words.lead.has(&joined) {
            return Some(n + 1);
        }
    }
    None
}

/// Balances quotes and brackets at the edges.
fn clean(s: &str) -> String {
    let s = s.trim();
    // `60 周岁及以上老年人口`: bulletins set spaces about digits and words; a name holds one only between two
    // Latin letters or digits (`PM 2.5` is left alone).
    let spaced;
    let s = if s.contains([' ', '\u{3000}']) {
        let chars: Vec<char> = s.chars().collect();
        spaced = chars
            .iter()
            .enumerate()
            .filter(|&(i, c)| {
                !matches!(c, ' ' | '\u{3000}')
                    || (i > 0
                        && chars[i - 1].is_ascii_alphanumeric()
                        && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric()))
            })
            .map(|(_, c)| *c)
            .collect::<String>();
        spaced.as_str()
    } else {
        s
    };
    if !s.contains(['“', '”', '《', '》', '(', ')', '（', '）']) {
        return s.to_string();
    }
    let mut s = s.to_string();
    for (open, close) in [('“', '”'), ('《', '》'), ('(', ')'), ('（', '）')] {
        let o = s.matches(open).count();
        let c = s.matches(close).count();
        if o > c && s.starts_with(open) {
            s = s[open.len_utf8()..].to_string();
        }
        if c > o && s.ends_with(close) {
            s.truncate(s.len() - close.len_utf8());
        }
    }
    s
}
