//! The subject of a figure — the thing it measures — from the jieba tokens around it.
//!
//! Usually the phrase before the number (`全年立刑事案件428起` → 刑事案件), sometimes the phrase after it
//! (`36名法律顾问`), and for a change with nothing of its own (`同比减少153起`) the subject of the figure it
//! changes. Only clauses holding a figure are segmented.

use jieba_rs::Jieba;

/// Words dropped from the edges of a subject: they say when or how, not what (全年 累计 共 完成 …).
const LEADING_FILLER: &[&str] = &[
    "五年",
    "五年来",
    "五年间",
    "三年",
    "两年",
    "十年",
    "近年来",
    "多年来",
    "期间",
    "一年来",
    "过去一年",
    "过去五年",
    "全年",
    "累计",
    "共计",
    "共",
    "合计",
    "总计",
    "完成",
    "达到",
    "其中",
    "今年",
    "当年",
    "年内",
    "截至目前",
    "截至",
    "目前",
    "同时",
    "此外",
    "另外",
    "并",
    "还",
    "已",
    "已经",
    "全县",
    "全市",
    "全区",
    "全省",
    "全州",
    "全旗",
    "全国",
    "全镇",
    "先后",
    "分别",
    "均",
    "总共",
    "一共",
    "新",
    "实现",
    "为",
    "达",
    "有",
];
const TRAILING_FILLER: &[&str] = &[
    "迈上",
    "跨上",
    "跃上",
    "站上",
    "跨越",
    "越过",
    "每年",
    "平均每年",
    "逐年",
    "保证",
    "计划",
    "拟定",
    "确定",
    "定为",
    "要",
    "将",
    "拟",
    "拟按",
    "按",
    "预计",
    "力争",
    "争取",
    "确保",
    "可",
    "仍",
    "继续",
    "进一步",
    "预期",
    "大约",
    "累计达",
    "即",
    "也",
    "亦",
    "仅",
    "再次",
    "达到",
    "达",
    "为",
    "是",
    "共计",
    "共",
    "累计",
    "合计",
    "总计",
    "约",
    "分别",
    "均",
    "都",
    "已",
    "已经",
    "了",
    "实现",
    "有",
    "超",
    "占",
    "将",
    "计",
    "总数",
    "突破",
    "首次",
    "再",
    "又",
    "完成",
    "同比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "比上年末",
    "较上年末",
    "比上年同期",
    "比年初",
    "环比",
    "全年",
    "年均",
    "平均",
];

/// Phrases saying how a change was measured (at comparable prices, on a comparable basis).
const PRICE_BASIS: &[&str] = &[
    "按可比价格计算",
    "按不变价格计算",
    "按可比价计算",
    "按可比口径计算",
    "按可比口径",
    "按现价计算",
    "扣除价格因素",
    "扣除价格因素后",
    "按可比价",
];

/// Words after a number that never name what it measures (台阶, 大关 …).
const GENERIC_AFTER: &[&str] = &["台阶", "大关", "关口", "水平", "规模", "以上", "左右", "目标", "的"];

/// Tokens that end a subject phrase looking backwards (prepositions, conjunctions, list ends).
const BOUNDARY_WORDS: &[&str] = &[
    "等", "对", "向", "在", "把", "将", "从", "与", "和", "及", "以及", "并", "或", "通过", "按照", "围绕", "其中",
    "同时", "为", "给", "由", "被", "让", "使", "因", "于", "至", "跟", "同", "以",
];

/// A word list looked up by hashing: asked of every token near every figure, where a scan of the list
/// compared dozens of words each time.
struct Words {
    list: &'static [&'static str],
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Self {
        Words { list, set: std::sync::OnceLock::new() }
    }

    fn has(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.list.iter().copied().collect()).contains(w)
    }
}

static LEADING: Words = Words::new(LEADING_FILLER);
static TRAILING: Words = Words::new(TRAILING_FILLER);
static BOUNDARY: Words = Words::new(BOUNDARY_WORDS);

fn is_punct(w: &str) -> bool {
    // Chinese characters, asked about most, are letters: spare them the Unicode tables.
    w.chars().all(|c| !matches!(c, '\u{4E00}'..='\u{9FFF}') && !c.is_alphanumeric())
}

fn is_nounish(tag: &str) -> bool {
    tag.starts_with('n')
        || matches!(tag, "vn" | "j" | "l" | "an" | "eng" | "i" | "s" | "x" | "f" | "b" | "z" | "k" | "g" | "h")
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

/// Finds subjects with one shared segmenter.
pub struct SubjectFinder<'j> {
    jieba: &'j Jieba,
}

/// One token: word, POS tag, and its char span relative to the segmented string.
#[derive(Debug, Clone)]
struct Tok<'a> {
    word: &'a str,
    tag: &'a str,
}

impl<'j> SubjectFinder<'j> {
    /// A finder over this segmenter.
    pub fn new(jieba: &'j Jieba) -> Self {
        SubjectFinder { jieba }
    }

    fn tokens<'a>(&'a self, s: &'a str) -> Vec<Tok<'a>> {
        if s.is_empty() {
            return Vec::new();
        }
        self.jieba.tag(s, true).into_iter().map(|t| Tok { word: t.word, tag: t.tag }).collect()
    }

    /// The subject from the text before the figure in its clause (`before`) and after it (`after`).
    /// Returns `None` when the clause itself names nothing, so that the caller inherits a subject.
    pub fn subject(&self, before: &str, after: &str) -> Option<String> {
        // Footnote marks (`装备制造业[12]增加值`) are not part of any name.
        let (mut before, after) = (strip_footnotes(before), strip_footnotes(after));
        // `按可比价格计算，比上年增长6.1%`: how a change was measured, not what changed.
        // Every phrase of PRICE_BASIS opens with 按 or 扣.
        if before.contains(['按', '扣']) {
            for w in PRICE_BASIS {
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
        let mut pre = self.tokens(cut.map_or(before, |b| &before[b..]));
        if cut.is_some() && pre.len() > 1 {
            pre.remove(0);
        }
        trim_trailing(&mut pre);
        // Walk back from the number to a boundary, at most about 12 characters; a quoted name
        // (“案结事了”率, “法律明白人”) is taken whole.
        let mut start = pre.len();
        let mut chars = 0;
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
            if is_punct(t.word) || BOUNDARY.has(t.word) || t.tag == "uj" {
                break;
            }
            if chars >= 8 && (t.tag == "v" || chars + t.word.chars().count() > 14) {
                break;
            }
            chars += t.word.chars().count();
            start -= 1;
        }
        let ends_open = pre.is_empty()
            || start == pre.len()
            || pre.last().is_some_and(|t| {
                matches!(t.tag, "v" | "vn" | "p" | "c" | "d" | "uj" | "vd" | "ad") || BOUNDARY.has(t.word)
            });
        pre.drain(..start);
        let mut phrase = pre;
        trim_leading(&mut phrase);
        trim_trailing(&mut phrase);
        let pre_text = join(&phrase);

        // `新增仙桃、潜江、宜都、大冶4个千亿县`: a list of names before the number names instances, not the thing.
        let pre_names = !phrase.is_empty() && phrase.iter().all(|t| matches!(t.tag, "ns" | "nr" | "nrt" | "nz"));
        let ends_open = ends_open || pre_names;
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
        let post_noun = lead <= 2 && post.get(lead).is_some_and(|t| is_nounish(t.tag) && !is_punct(t.word));
        // `迈上6万亿元台阶`, `突破1000亿元大关`: the word after the number is a figure of speech.
        let post_generic = post.first().is_some_and(|t| GENERIC_AFTER.contains(&t.word));
        if !post_generic && ((post_noun && ends_open) || (pre_text.is_empty() && !post.is_empty())) {
            let out = noun_phrase(&post);
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
                        if !tail[end..].starts_with('的') {
                            tail.truncate(end);
                            return Some(clean(&tail));
                        }
                    }
                    None if open > 0 => tail.truncate(open),
                    None => {}
                }
            }
            let tail = tail.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
            if !tail.is_empty() {
                return Some(clean(&tail));
            }
        }
        None
    }
}

/// The noun phrase at the start of `toks`: stops at punctuation, 的, prepositions, conjunctions and
/// adverbs, and at a verb unless a noun follows it (执法证考试, 重点行政执法单位).
fn noun_phrase(toks: &[Tok<'_>]) -> String {
    let mut out = String::new();
    let lead = toks.iter().take_while(|t| matches!(t.tag, "m" | "q") && t.word.chars().count() <= 3).count();
    let lead = if lead <= 2 && toks.get(lead).is_some_and(|t| is_nounish(t.tag)) { lead } else { 0 };
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
                    // The aside closes the noun phrase.
                    out.push_str(&aside);
                }
            }
            break;
        }
        if is_punct(t.word) || matches!(t.tag, "uj" | "ul" | "p" | "c" | "d" | "r" | "m" | "y") {
            break;
        }
        if is_verbish(t.tag) || t.tag == "v" {
            let noun_next = toks.get(k + 1).is_some_and(|n| is_nounish(n.tag) && !is_punct(n.word));
            // A clause that opens with a verb after the number (74件未进入…) is left to the caller.
            if !noun_next || (out.is_empty() && k > 0) {
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

fn join(toks: &[Tok<'_>]) -> String {
    toks.iter().map(|t| t.word).collect()
}

fn trim_trailing(toks: &mut Vec<Tok<'_>>) {
    loop {
        let before = toks.len();
        // `压缩至45天`, `提高到67.4%`, `控制在3%以内`: the verb and its 至/到/在 say where the level went.
        if toks.last().is_some_and(|t| matches!(t.word, "至" | "到" | "在" | "降至" | "增至" | "升至")) {
            toks.pop();
            if toks.last().is_some_and(|t| matches!(t.tag, "v" | "vn" | "a" | "ad")) {
                toks.pop();
            }
        }
        // `从2007年末的6.12万亿元`, `由去年的1076亿元`: the start of a 从…到 span, not part of the name;
        // `[69]2376家`: a footnote mark.
        let strippable = |t: &Tok| {
            matches!(
                t.word,
                "的" | "去年"
                    | "今年"
                    | "上年"
                    | "年末"
                    | "年底"
                    | "年初"
                    | "底"
                    | "末"
                    | "年"
                    | "["
                    | "［"
                    | "]"
                    | "］"
            ) || t
                .word
                .chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇○零一二三四五六七八九".contains(c))
        };
        let tail = toks.iter().rev().take_while(|t| strippable(t)).count();
        let opener = toks.len().checked_sub(tail + 1).map(|i| toks[i].word);
        if matches!(opener, Some("由" | "从")) {
            toks.truncate(toks.len() - tail - 1);
        } else if tail > 0 && toks[toks.len() - tail..].iter().all(|t| t.word != "的") {
            toks.truncate(toks.len() - tail);
        }
        while let Some(t) = toks.last() {
            if TRAILING.has(t.word) || (is_punct(t.word) && !t.word.ends_with(['”', '》', ')', '）'])) {
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

fn trim_leading(toks: &mut Vec<Tok<'_>>) {
    // `２０００年` comes as one token per full-width digit.
    let digits = toks
        .iter()
        .take_while(|t| !t.word.is_empty() && t.word.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)))
        .count();
    if digits > 0 && toks.get(digits).is_some_and(|t| t.word == "年") {
        toks.drain(..=digits);
    }
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        // Years (`2015年旅游收入`) say when, not what.
        let is_digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        let year = (t.word.ends_with('年') && is_digits(t.word.trim_end_matches('年')))
            || (t.word == "年" && k > 0 && is_digits(toks[k - 1].word));
        let digits = is_digits(t.word) && toks.get(k + 1).is_some_and(|n| n.word.starts_with('年'));
        // `五年内`, `五年间`: what is left of a duration once its years are gone.
        let after_duration =
            k > 0 && matches!(t.word, "内" | "间" | "来" | "中" | "里" | "以来") && toks[k - 1].word.ends_with('年');
        // `（一）各项税收`, `新（改）建`: an aside or list marker in parentheses opening the phrase qualifies
        // nothing in it.
        if matches!(t.word, "（" | "(")
            && let Some(close) = toks[k..].iter().take(8).position(|t| matches!(t.word, "）" | ")"))
        {
            k += close + 1;
            continue;
        }
        if LEADING.has(t.word)
            || year
            || digits
            || after_duration
            || (is_punct(t.word) && !t.word.starts_with(['“', '《', '(', '（']))
        {
            k += 1;
        } else {
            break;
        }
    }
    toks.drain(..k);
}

/// Balances quotes and brackets at the edges.
fn clean(s: &str) -> String {
    let s = s.trim();
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
