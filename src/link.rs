//! The link stage: which figures of a report belong together.
//!
//! Decided once per document, here and nowhere else, from the figures, the text of their sentences and the
//! years the number layer typed:
//! - a change and the level it is a change of (`全年立刑事案件428起,同比减少153起` → 153 is a change of 428);
//! - a chain a check can recompute: a level, its absolute and relative change side by side
//!   (`428起,同比减少153起,下降26.33%`), also when a 分别 list pairs them (`82起，死亡48人，同比分别减少8起、4人，
//!   分别下降8.89%、7.69%`);
//! - two levels of one thing and the change between them (`由A增加到B，增长P%`, `从A%提高到B%`);
//! - a list of figures joined by `、`/`和` (under 分别: `城镇和农村居民人均可支配收入分别增长4.1%和6.5%`), with the
//!   names its head lists and the levels it distributes over;
//! - an annual average over a span (`年均增长7.1%`) with the dated levels it may come from;
//! - the counts a rate may be a share of (`排查矛盾纠纷3559件,化解3439件,成功率达96.6%`).
//!
//! Subjects read the changes and lists; checks read every relation. Figure indices are indices into the
//! report's indicators.

use crate::dicts::Dicts;
use crate::figure::{Figure, Kind, YearAt};

/// How two or more figures of a report belong together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// `change` is a change of `level`, the nearest level before it in its sentence.
    ChangeOf {
        /// The change (change_abs, change_pct, change_pp).
        change: usize,
        /// The level it changes.
        level: usize,
    },
    /// A level, its absolute change and its relative change, stated side by side (or paired by 分别 lists):
    /// `growth` can be recomputed from `level` and `delta`.
    Chain {
        /// The level (a quantity).
        level: usize,
        /// Its absolute change.
        delta: usize,
        /// Its relative change.
        growth: usize,
        /// `较上年的A增加D`: the level stated is the base of the change, not its result.
        level_is_base: bool,
        /// Paired through 分别 lists rather than side by side.
        listed: bool,
    },
    /// `由A增加到B，增长P%`: two levels of one thing and the change between them.
    FromTo {
        /// The first level.
        from: usize,
        /// The level reached.
        to: usize,
        /// The change between them (change_pct or change_pp).
        change: usize,
    },
    /// Figures of one kind joined by `、`/`和` after 分别, in order.
    List {
        /// The members, in order.
        members: Vec<usize>,
        /// The text before 分别 that may name the members (`城镇和农村居民人均可支配收入`): the subject stage
        /// reads the names from it.
        head: String,
        /// The levels before the list it distributes over, in order (`82起，死亡48人，同比分别下降…`), when
        /// there are as many.
        over: Vec<usize>,
    },
    /// `年均增长7.1%`: an average annual rate, with the levels and years stated before it in its sentence.
    AnnualAverage {
        /// The rate.
        rate: usize,
        /// Levels of the rate's unit stated before it.
        levels: Vec<usize>,
        /// Years stated before it, in order.
        years: Vec<i32>,
    },
    /// The counts of one unit stated right before a percentage, whose share it may be.
    RateOver {
        /// The percentage.
        rate: usize,
        /// The counts, in order (the first the largest when it is the whole).
        counts: Vec<usize>,
    },
}

/// The link stage's words, taken once from the lexicon.
#[derive(Debug, Clone)]
pub struct LinkLex {
    distributive: Vec<String>,
    strong_joiners: Vec<String>,
    weak_joiners: Vec<String>,
    span_openers: crate::dicts::Words,
    level_markers: Vec<String>,
    possessive: Vec<String>,
    aspect: Vec<String>,
    comparison_openers: crate::dicts::Words,
    annual: crate::dicts::Words,
    /// Words that list their members themselves (第一、二、三产业), with how many they list.
    listing: Vec<(String, usize)>,
}

impl LinkLex {
    /// The words of `dicts`.
    pub fn new(d: &Dicts) -> Self {
        let owned = |w: &crate::dicts::Words| w.iter().map(String::from).collect::<Vec<_>>();
        let joiners = |strong: bool| {
            d.number
                .list_joiners
                .iter()
                .filter(|(_, j)| (**j == crate::dicts::Joiner::Strong) == strong)
                .map(|(w, _)| w.to_string())
                .collect()
        };
        LinkLex {
            distributive: owned(&d.number.distributive),
            strong_joiners: joiners(true),
            weak_joiners: joiners(false),
            span_openers: d.subject.span_openers.clone(),
            level_markers: owned(&d.number.level_markers),
            possessive: owned(&d.subject.possessive),
            aspect: owned(&d.number.aspect_particles),
            comparison_openers: d.number.comparison_openers.clone(),
            annual: d.number.annual_words.clone(),
            listing: d
                .subject
                .list_pairs
                .iter()
                .filter(|(w, _)| w.contains('、'))
                .map(|(w, parts)| (w.to_string(), parts.len()))
                .collect(),
        }
    }

    /// How many members a word in `s` that lists them itself lists (`第一、二、三次产业` → 3).
    pub fn listing_in(&self, s: &str) -> Option<usize> {
        self.listing.iter().find(|(w, _)| s.contains(w.as_str())).map(|&(_, n)| n)
    }

    /// Whether `s` holds a distributive word (分别).
    pub fn distributive_in(&self, s: &str) -> Option<usize> {
        self.distributive.iter().filter_map(|w| s.find(w.as_str())).min()
    }

    /// Whether `gap`, the text between two figures, joins them into a list; `under` says whether a
    /// distributive word (分别) governs them.
    pub fn joins(&self, gap: &str, under: bool) -> bool {
        self.strong_joiners.iter().any(|j| j == gap) || (under && self.weak_joiners.iter().any(|j| j == gap))
    }

    /// The items a list's head names (`A和B`, `A、B及C`), split at every joiner, or at the strong ones only
    /// (`信息传输软件和信息技术服务业、租赁和商务服务业`: a name may hold 和) when that gives `n` items.
    pub fn split_items<'t>(&self, head: &'t str, n: usize) -> Vec<&'t str> {
        let split = |joiners: &mut dyn Iterator<Item = &String>| {
            let mut items = vec![head];
            for j in joiners {
                items = items.into_iter().flat_map(|it| it.split(j.as_str())).collect();
            }
            items.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>()
        };
        let all = split(&mut self.strong_joiners.iter().chain(&self.weak_joiners));
        if all.len() != n {
            let strong = split(&mut self.strong_joiners.iter());
            if strong.len() == n {
                return strong;
            }
            // `化妆品类、家用电器和音像器材类分别增长15.4%和9.8%`: one strong joiner alone parts the items; the other
            // stands inside a name.
            for j in &self.strong_joiners {
                let one = split(&mut std::iter::once(j));
                if one.len() == n {
                    return one;
                }
            }
        }
        all
    }

    /// Whether the text before a figure marks it an annual average (年均, 平均每年).
    pub fn annual(&self, near: &str) -> bool {
        self.annual.found_in(near)
    }
}

/// A clause separator: `，,；;：:。！？!?`.
#[inline]
pub fn is_sep(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?')
}

/// One sentence's text and figures, as the link stage and the checks read them.
pub struct SentenceText<'a> {
    /// The figures of the sentence, in order.
    pub figs: Vec<&'a Figure>,
    /// Index in the report of the first figure.
    pub offset: usize,
    chars: Vec<char>,
    /// Code point where the sentence starts.
    base: usize,
    /// The sentence text.
    pub text: &'a str,
}

impl<'a> SentenceText<'a> {
    /// The sentence starting at code point `base`, with its figures (the first at report index `offset`).
    pub fn new(text: &'a str, base: usize, figs: Vec<&'a Figure>, offset: usize) -> Self {
        SentenceText { figs, offset, chars: text.chars().collect(), base, text }
    }

    /// Figure `k` of the sentence.
    pub fn fig(&self, k: usize) -> &'a Figure {
        self.figs[k]
    }

    /// Sentence text between two absolute offsets.
    pub fn slice(&self, a: usize, b: usize) -> String {
        self.span(a, b).iter().collect()
    }

    /// Characters of the sentence between two absolute offsets.
    pub fn span(&self, a: usize, b: usize) -> &[char] {
        let n = self.chars.len();
        let a = a.saturating_sub(self.base).min(n);
        let b = b.saturating_sub(self.base).min(n);
        if b <= a { &[] } else { &self.chars[a..b] }
    }

    /// The character at an absolute offset.
    pub fn char_at(&self, pos: usize) -> Option<char> {
        pos.checked_sub(self.base).and_then(|p| self.chars.get(p)).copied()
    }

    /// Start of the clause holding absolute offset `pos`.
    pub fn clause_start(&self, pos: usize) -> usize {
        let mut p = pos.saturating_sub(self.base).min(self.chars.len());
        while p > 0 && !is_sep(self.chars[p - 1]) {
            p -= 1;
        }
        p + self.base
    }

    /// End of the clause holding absolute offset `pos`.
    pub fn clause_end(&self, pos: usize) -> usize {
        let mut p = pos.saturating_sub(self.base).min(self.chars.len());
        while p < self.chars.len() && !is_sep(self.chars[p]) {
            p += 1;
        }
        p + self.base
    }

    /// Number of clause separators between two absolute offsets.
    pub fn seps_between(&self, a: usize, b: usize) -> usize {
        self.span(a, b).iter().filter(|c| is_sep(**c)).count()
    }

    /// Text between two figures, without punctuation, is at most `n` characters and has no numeral.
    pub fn short_gap(&self, a: usize, b: usize, n: usize) -> bool {
        let mut len = 0;
        for c in self.span(a, b).iter().filter(|c| !is_sep(**c) && !c.is_whitespace()) {
            if c.is_ascii_digit() || crate::number::chinese::is_numeral_char(*c) {
                return false;
            }
            len += 1;
            if len > n {
                return false;
            }
        }
        true
    }
}

/// The relations within one sentence, given the years typed in it.
pub fn sentence_relations(lx: &LinkLex, s: &SentenceText, years: &[YearAt]) -> Vec<Relation> {
    let mut out = Vec::new();
    let n = s.figs.len();
    let g = |k: usize| s.offset + k;
    // Each change qualifies the nearest level before it.
    let mut last_level = None;
    for k in 0..n {
        if s.fig(k).kind.is_change() {
            if let Some(l) = last_level {
                out.push(Relation::ChangeOf { change: g(k), level: g(l) });
            }
        } else {
            last_level = Some(k);
        }
    }
    let runs = lists(lx, s, &mut out);
    for k in 0..n {
        let f = s.fig(k);
        match f.kind {
            Kind::ChangePct => {
                let mut near = s.slice(s.clause_start(f.start), f.num_start);
                if k > 0 && s.fig(k - 1).kind == Kind::ChangeAbs && s.short_gap(s.fig(k - 1).end, f.start, 2) {
                    // `平均每年增加四十二亿元，增长百分之四点九`: the average applies to both.
                    near = s.slice(s.clause_start(s.fig(k - 1).start), f.num_start);
                }
                if lx.annual(&near) {
                    let unit = &s.fig(k.saturating_sub(1)).unit;
                    let levels =
                        (0..k).filter(|&i| s.fig(i).kind == Kind::Quantity && s.fig(i).unit == *unit).map(g).collect();
                    let ys = years
                        .iter()
                        .filter(|y| y.start < f.start && (1900..=2100).contains(&y.year))
                        .map(|y| y.year)
                        .collect();
                    out.push(Relation::AnnualAverage { rate: g(k), levels, years: ys });
                    continue;
                }
                // Every reading that holds is kept, in the order a check tries them.
                if let Some((a, b)) = levels_from_to(lx, s, k, Kind::Quantity, years) {
                    out.push(Relation::FromTo { from: g(a), to: g(b), change: g(k) });
                }
                out.extend(level_and_change(lx, s, k));
                if let Some(&(first, last)) = runs.iter().find(|(a, b)| (*a..=*b).contains(&k)) {
                    out.extend(listed_level_and_change(s, k, first, last));
                }
            }
            Kind::ChangePp => {
                if let Some((a, b)) = levels_from_to(lx, s, k, Kind::Percent, years) {
                    out.push(Relation::FromTo { from: g(a), to: g(b), change: g(k) });
                }
            }
            Kind::Percent => {
                let counts = counts_before(s, k);
                if !counts.is_empty() {
                    out.push(Relation::RateOver { rate: g(k), counts: counts.into_iter().map(g).collect() });
                }
            }
            _ => {}
        }
    }
    out
}

/// 分别 lists: `82起，死亡48人，同比分别下降8.89%、7.69%`, `能源和电力消耗分别比上年下降5.63%和5.75%`, and of
/// levels, `城镇和农村居民人均可支配收入分别达35512元、25689元`; a span's ends listed in the same order are a list
/// of the same head (`分别从209元、280元提高到217元、290元`).
/// Returns the lists of changes as (first, last) figures of the sentence.
fn lists(lx: &LinkLex, s: &SentenceText, out: &mut Vec<Relation>) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let n = s.figs.len();
    let mut k = 0;
    while k < n {
        let f = s.fig(k);
        let level = matches!(f.kind, Kind::Quantity | Kind::Percent);
        if !f.kind.is_change() && !level {
            k += 1;
            continue;
        }
        // The words before the first member, back to the figure before it within its clause.
        let prev_end = if k > 0 { s.fig(k - 1).end } else { 0 };
        let from = s.clause_start(f.start).max(prev_end).max(f.start.saturating_sub(REACH));
        let before = s.slice(from, f.start);
        // `第一、二、三次产业增加值占全州生产总值的比重为19.6%、27.8%和52.6%`: a head that lists its members itself
        // distributes over as many figures without 分别.
        let listing = lx.listing_in(&before);
        let distributive = lx.distributive_in(&before);
        let Some(at) = distributive.or(listing.map(|_| before.len())) else {
            k += 1;
            continue;
        };
        let mut last = k;
        while last + 1 < n
            && s.fig(last + 1).kind == f.kind
            && lx.joins(&s.slice(s.fig(last).end, s.fig(last + 1).start), true)
        {
            last += 1;
        }
        let run = last - k + 1;
        if run < 2 || (distributive.is_none() && listing != Some(run)) {
            k += 1;
            continue;
        }
        // `排放量比2010年分别降低5.2%和11.5%`: the basis before 分别 is no part of the names listed.
        let head = f.before_basis(&before[..at], lx.distributive.iter().map(String::as_str)).to_string();
        if level {
            // The span's ends: as many figures again, of the kind, joined as these are, after a word of reaching
            // (提高到, 增加到; a year and 的 may stand between: 提高到2025年的).
            let ends = last + run;
            let spans = ends < n && lx.span_openers.found_in(&before[at..]) && {
                let reach = s.slice(s.fig(last).end, s.fig(last + 1).start);
                let reach = reach.trim_end_matches(|c: char| lx.possessive.iter().any(|p| p.starts_with(c)));
                let reach = reach.trim_end_matches(|c: char| c == '年' || c.is_ascii_digit());
                lx.level_markers.iter().any(|w| reach.ends_with(w.as_str()))
                    && reach.chars().count() <= 5
                    && (last + 1..=ends).all(|i| s.fig(i).kind == f.kind)
                    && (last + 1..ends).all(|i| lx.joins(&s.slice(s.fig(i).end, s.fig(i + 1).start), true))
            };
            out.push(Relation::List {
                members: (k..=last).map(|i| s.offset + i).collect(),
                head: head.clone(),
                over: Vec::new(),
            });
            if spans {
                out.push(Relation::List {
                    members: (last + 1..=ends).map(|i| s.offset + i).collect(),
                    head,
                    over: Vec::new(),
                });
            }
            k = if spans { ends + 1 } else { last + 1 };
            continue;
        }
        let levels: Vec<usize> = (0..k).filter(|&i| !s.fig(i).kind.is_change()).collect();
        let over = if levels.len() >= run {
            levels[levels.len() - run..].iter().map(|&i| s.offset + i).collect()
        } else {
            Vec::new()
        };
        out.push(Relation::List { members: (k..=last).map(|i| s.offset + i).collect(), head, over });
        runs.push((k, last));
        k = last + 1;
    }
    runs
}

/// A subject sits near its number: the words of a list's head are looked for at most this many characters
/// before its first member.
const REACH: usize = 40;

/// `由A增加到B，增长P%` / `从A%提高到B%`: the two levels right before figure `k` (skipping one absolute change).
fn levels_from_to(lx: &LinkLex, s: &SentenceText, k: usize, kind: Kind, years: &[YearAt]) -> Option<(usize, usize)> {
    let mut b = k.checked_sub(1)?;
    if s.fig(b).kind == Kind::ChangeAbs && kind == Kind::Quantity {
        b = b.checked_sub(1)?;
    }
    let a = b.checked_sub(1)?;
    let (fa, fb) = (s.fig(a), s.fig(b));
    if fa.kind != kind || fb.kind != kind || fa.unit != fb.unit {
        return None;
    }
    let before_a = s.slice(s.clause_start(fa.start), fa.start);
    let opens = lx.span_openers.found_in(&before_a);
    // `增加到`, `提高到2025年的`: nothing else between the levels (no other number).
    let mut end = fb.start;
    while let Some(p) = lx.possessive.iter().find(|p| s.slice(fa.end, end).ends_with(p.as_str())) {
        end -= p.chars().count();
    }
    // A year right before the second level (`提高到2025年的`) says when it is reached.
    if let Some(y) = years.iter().find(|y| y.start >= fa.end && y.end == end) {
        end = y.start;
    }
    let mut t = s.slice(fa.end, end);
    while let Some(p) = lx.aspect.iter().find(|p| t.ends_with(p.as_str())) {
        t.truncate(t.len() - p.len());
    }
    let to = lx.level_markers.iter().any(|w| t.ends_with(w.as_str())) && t.chars().count() <= 5;
    if !opens || !to || s.seps_between(fa.end, fb.start) > 0 {
        return None;
    }
    let last = s.fig(k - 1);
    if s.seps_between(last.end, s.fig(k).start) > 1 || !s.short_gap(last.end, s.fig(k).start, 4) {
        return None;
    }
    Some((a, b))
}

/// `428起,同比减少153起,下降26.33%`: level, absolute change, relative change in a row.
fn level_and_change(lx: &LinkLex, s: &SentenceText, k: usize) -> Option<Relation> {
    let f = s.fig(k);
    let d = k.checked_sub(1)?;
    let fd = s.fig(d);
    if fd.kind != Kind::ChangeAbs || s.seps_between(fd.end, f.start) > 1 {
        return None;
    }
    let q = d.checked_sub(1)?;
    let fq = s.fig(q);
    if fq.kind != Kind::Quantity
        || fq.unit != fd.unit
        || s.seps_between(fq.end, fd.start) > 1
        || !s.short_gap(fq.end, fd.start, 8)
        || !s.short_gap(fd.end, f.start, 2)
    {
        return None;
    }
    // `较上年的A增加D`: the quantity right before the change is the base itself.
    let before = s.slice(s.clause_start(fq.start), fq.start);
    let level_is_base = lx.comparison_openers.found_in(&before) && s.seps_between(fq.end, fd.start) == 0;
    Some(Relation::Chain {
        level: s.offset + q,
        delta: s.offset + d,
        growth: s.offset + k,
        level_is_base,
        listed: false,
    })
}

/// `82起，死亡48人，同比分别减少8起、4人，分别下降8.89%、7.69%`: the i-th rate of a 分别 list of rates goes with
/// the i-th of an equally long run of absolute changes right before it, and that with the i-th of the levels
/// before them.
fn listed_level_and_change(s: &SentenceText, k: usize, first: usize, last: usize) -> Option<Relation> {
    let run = |end: usize, kind: Kind| -> Vec<usize> {
        let mut v = vec![];
        let mut i = end;
        while i > 0 && s.fig(i - 1).kind == kind {
            i -= 1;
            v.push(i);
        }
        v.reverse();
        v
    };
    let n = last - first + 1;
    let changes = run(first, Kind::ChangeAbs);
    if changes.len() != n {
        return None;
    }
    let levels = run(changes[0], Kind::Quantity);
    if levels.len() < n {
        return None;
    }
    let levels = &levels[levels.len() - n..];
    let i = k - first;
    let (q, d) = (levels[i], changes[i]);
    if s.fig(q).unit != s.fig(d).unit {
        return None;
    }
    Some(Relation::Chain {
        level: s.offset + q,
        delta: s.offset + d,
        growth: s.offset + k,
        level_is_base: false,
        listed: true,
    })
}

/// The chain of counts right before a percentage: consecutive quantities of one unit.
fn counts_before(s: &SentenceText, k: usize) -> Vec<usize> {
    let f = s.fig(k);
    let mut counts: Vec<usize> = Vec::new();
    let mut i = k;
    while i > 0 {
        let p = s.fig(i - 1);
        if p.kind != Kind::Quantity {
            break;
        }
        if let Some(&first) = counts.first()
            && s.fig(first).unit != p.unit
        {
            break;
        }
        counts.insert(0, i - 1);
        i -= 1;
        // `104个攻坚项目开工率超90%`: a count in the rate's own clause is its base alone.
        if i + 1 == k && s.seps_between(p.end, f.start) == 0 {
            break;
        }
    }
    counts
}

/// `同比分别下降8.89%、7.69%`: a figure joined to a change by a list joiner, with no verb of its own, is the same
/// kind of change (the number layer reads it so).
pub(crate) fn carry_list_kinds(lx: &LinkLex, chars: &[char], figs: &mut [Figure]) {
    let text = |a: usize, b: usize| -> String { chars[a..b].iter().collect() };
    for k in 1..figs.len() {
        let (a, b) = figs.split_at_mut(k);
        let prev = &a[k - 1];
        let cur = &mut b[0];
        if !prev.kind.is_change() || cur.kind.is_change() || cur.start < prev.end || !cur.kind.is_indicator() {
            continue;
        }
        let gap = text(prev.end, cur.start);
        if !lx.joins(&gap, true) {
            continue;
        }
        // `同比分别减少8起、4人`: under 分别 an absolute change may list figures of other counts.
        let fenbie = lx.distributive_in(&text(prev.start.saturating_sub(6), prev.start)).is_some();
        let same_unit = cur.unit == prev.unit
            || (prev.kind == Kind::ChangePct && cur.kind == Kind::Percent)
            || (prev.kind == Kind::ChangePp && cur.kind == Kind::ChangePp)
            || (fenbie && prev.kind == Kind::ChangeAbs && cur.kind == Kind::Quantity);
        if !same_unit || !lx.joins(&gap, lx.distributive_in(&prev.raw).is_some()) {
            continue;
        }
        let negative = prev.value < rust_decimal::Decimal::ZERO;
        cur.kind = prev.kind;
        if negative && cur.value > rust_decimal::Decimal::ZERO {
            cur.value = -cur.value;
            cur.value_max = cur.value_max.map(|m| -m);
        }
        cur.basis = prev.basis.clone();
    }
}
