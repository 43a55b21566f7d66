//! Which year a figure belongs to, and whether it is a result or a target.
//!
//! Rules, in order of precedence:
//! 1. **An explicit year** in the sentence before the figure (`2023年，国内生产总值增长5.2%`, `到2020年`) sets
//!    `ref_year`; a year earlier than the report's is an actual, a later or equal one a target. Base years
//!    (`比2010年`, `较2010年`, `与2010年相比`) and span starts (`2013年以来`, `2013—2017年`) are not ref years.
//! 2. **A 统计公报** reports its data year (the report's year): actual.
//! 3. **A 政府工作报告** delivered in year Y: figures in a target sentence (预期目标, 目标, 力争, 确保, 计划,
//!    预计, 拟, 以及 左右 in a plan section) or in a plan section (`2024年政府工作任务`, `今年工作安排`,
//!    `总体要求`) are targets for Y; figures in a review section (`2023年工作回顾`, `过去一年工作回顾`) or after
//!    `过去一年` / `去年` are Y−1 actuals.
//! 4. **Five-year reviews and multi-year plans** (`过去五年`, `五年来`, `“十二五”时期`, `年均`, `从X增加到Y`'s X):
//!    the figure covers a span or its start, so `ref_year` is left `None` (status actual for a review, target
//!    for a plan) unless the sentence names a year. A level reached at the end of the span (`增加到82.7万亿元`)
//!    is the Y−1 level and keeps Y−1.
//!
//! Sections: the analyzer's section path when it has one; otherwise headings found here in the text
//! (`一、2023年工作回顾`, `二、2024年工作安排`), which also works on text without line breaks.

#[cfg(test)]
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

use crate::dicts::PeriodWords;
use crate::figure::{Figure, Kind, YearAt};
use crate::text::byte_of_char;

/// Whether a figure is a result or a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A result reported for a past year.
    #[default]
    Actual,
    /// A goal set for the current or a later year.
    Target,
}

impl Status {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Target => "target",
        }
    }
}

pub use crate::meta::ReportKind;

/// The mode a section puts its figures in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Before any heading, or a heading that says nothing about time.
    Unknown,
    /// Review of the last year.
    Review,
    /// Review of several years (过去五年, 十二五时期).
    SpanReview,
    /// Plan for the report's year.
    Plan,
    /// Plan for several years (十三五 主要目标).
    SpanPlan,
}

/// The heading pattern [`heading_titles`] is tested against.
#[cfg(test)]
fn heading_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    // A top-level heading: `一、…` at a line start or after a sentence end, up to the line/sentence end.
    R.get_or_init(|| Regex::new(r"(?m)(?:^|[。\n])[ \t\u{3000}]*[一二三四五六七八九十]{1,3}、([^。\n]{0,40})").unwrap())
}

#[cfg(test)]
fn classify_heading(h: &str, year: Option<i32>) -> Mode {
    classify_heading_in(&PeriodLex::new(&crate::Dicts::builtin()), h, &YearWords::new(year, ReportKind::WorkReport))
}

/// `{Y}年` and `{Y-1}年` of the report's year, made once per report.
struct YearWords {
    /// `{Y}年` and `{Y-1}年`.
    years: Option<(String, String)>,
    /// `{Y+1}年`.
    next: Option<String>,
    kind: ReportKind,
}

impl YearWords {
    fn new(year: Option<i32>, kind: ReportKind) -> Self {
        YearWords {
            years: year.map(|y| (format!("{y}年"), format!("{}年", y - 1))),
            next: year.map(|y| format!("{}年", y + 1)),
            kind,
        }
    }
}

/// The period stage's words, with the automaton that finds a sentence's time words in one pass; built once.
pub struct PeriodLex {
    words: PeriodWords,
    /// Words opening a comparison (比, 较): `比去年` is no past.
    openers: Vec<String>,
    /// Words making a growth rate an annual average (年均, 平均每年).
    annual: crate::dicts::Words,
    /// target, past and span words, in that order.
    automaton: aho_corasick::AhoCorasick,
    nt: usize,
    np: usize,
}

impl PeriodLex {
    /// The period words of `dicts`.
    pub fn new(dicts: &crate::Dicts) -> Self {
        let words = dicts.period.clone();
        let all: Vec<&str> = words.target.iter().chain(words.past.iter()).chain(words.span.iter()).collect();
        let automaton = aho_corasick::AhoCorasick::new(all).expect("time words");
        let (nt, np) = (words.target.len(), words.past.len());
        let openers = dicts.number.comparison_openers.iter().map(String::from).collect();
        let annual = dicts.number.annual_words.clone();
        PeriodLex { words, openers, annual, automaton, nt, np }
    }
}

fn classify_heading_in(lx: &PeriodLex, h: &str, yw: &YearWords) -> Mode {
    let w = &lx.words;
    let h = &h[..byte_of_char(h, (0, 0), 30).1];
    let holds = |list: &crate::dicts::Words| list.found_in(h);
    let span = holds(&w.heading_span);
    let mentions_this_year = yw.years.as_ref().is_some_and(|(this, _)| h.contains(this.as_str()));
    let mentions_prev_year = yw.years.as_ref().is_some_and(|(_, prev)| h.contains(prev.as_str()));
    if yw.kind == ReportKind::AnnualAccount {
        // A report of its own year (`一、2024年工作开展情况`) plans only the next one (`下一步工作打算`,
        // `2025年工作思路`); its other headings review the year.
        let next_year = yw.next.as_ref().is_some_and(|n| h.contains(n.as_str()));
        return if next_year || holds(&w.heading_next_plan) {
            Mode::Plan
        } else if mentions_this_year || holds(&w.heading_review) {
            Mode::Review
        } else {
            Mode::Unknown
        };
    }
    if holds(&w.heading_review) {
        // `“十二五”时期和2015年工作回顾` reviews five years and the last one: the last year wins per sentence.
        if span && !mentions_prev_year && !holds(&w.heading_last_year) {
            return Mode::SpanReview;
        }
        return Mode::Review;
    }
    if holds(&w.heading_plan) || mentions_this_year {
        if span && !mentions_this_year {
            return Mode::SpanPlan;
        }
        return Mode::Plan;
    }
    Mode::Unknown
}

/// Headings found in the text: (code-point offset, mode).
fn headings(lx: &PeriodLex, text: &str, yw: &YearWords) -> Vec<(usize, Mode)> {
    let mut out = Vec::new();
    let mut last_byte = 0;
    let mut last_cp = 0;
    for m in heading_titles(text) {
        let cp = last_cp + text[last_byte..m.start].chars().count();
        last_byte = m.start;
        last_cp = cp;
        let mode = classify_heading_in(lx, &text[m], yw);
        out.push((cp, mode));
    }
    out
}

/// Byte spans of the titles the `heading` pattern captures, in order, found without the regex: a top-level
/// heading `一、…` opens the text, a line or a sentence (after `\n` or `。`), after spaces, tabs or `\u{3000}`;
/// the title runs up to 40 characters and stops before `。` or `\n`.
fn heading_titles(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut try_at = |q: usize| {
        let mut it = text[q..].char_indices();
        let mut cur = it.next();
        while let Some((_, ' ' | '\t' | '\u{3000}')) = cur {
            cur = it.next();
        }
        let mut n = 0;
        while let Some((_, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')) = cur {
            n += 1;
            cur = it.next();
        }
        if !(1..=3).contains(&n) {
            return;
        }
        let Some((i, '、')) = cur else { return };
        let t0 = q + i + '、'.len_utf8();
        let mut t1 = t0;
        for (k, ch) in text[t0..].chars().enumerate() {
            if k >= 40 || ch == '。' || ch == '\n' {
                break;
            }
            t1 += ch.len_utf8();
        }
        out.push(t0..t1);
    };
    try_at(0);
    // Every other start follows `\n` or `。`; no title holds either, so matches never overlap.
    static ENDS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let ends = ENDS.get_or_init(|| aho_corasick::AhoCorasick::new(["\n", "。"]).expect("line and sentence ends"));
    for m in ends.find_iter(text) {
        try_at(m.end());
    }
    out
}

/// `headings` as [`mode_at`] reads them: each heading's position with the mode in force from it on (a heading
/// that says nothing about time, `三、加强政府自身建设`, continues the mode before it).
fn modes_in_force(mut headings: Vec<(usize, Mode)>) -> Vec<(usize, Mode)> {
    let mut mode = Mode::Unknown;
    for h in &mut headings {
        if h.1 != Mode::Unknown {
            mode = h.1;
        }
        h.1 = mode;
    }
    headings
}

/// The mode in force at `pos`, from [`modes_in_force`]: a binary search, asked for every figure.
fn mode_at(in_force: &[(usize, Mode)], pos: usize) -> Mode {
    match in_force.partition_point(|&(at, _)| at <= pos) {
        0 => Mode::Unknown,
        k => in_force[k - 1].1,
    }
}

/// A year typed in a text, by its byte span there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearIn {
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// The year.
    pub year: i32,
}

/// The typed years that lie wholly in `text`, which starts at code point `base`, by their byte spans in it.
fn years_in(years: &[YearAt], text: &str, base: usize) -> Vec<YearIn> {
    let end = base + text.chars().count();
    let lo = years.partition_point(|y| y.start < base);
    let mut at = (0, 0);
    let mut out = Vec::new();
    for y in years[lo..].iter().take_while(|y| y.start < end).filter(|y| y.end <= end) {
        at = byte_of_char(text, at, y.start - base);
        let start = at.1;
        at = byte_of_char(text, at, y.end - base);
        out.push(YearIn { start, end: at.1, year: y.year });
    }
    out
}

/// Whether `post` (what follows a year up to the figure) closes a parenthesis opened before the year.
fn closed_aside(post: &str) -> bool {
    let mut depth = 0i32;
    for c in post.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// An explicit year stated before the figure in its sentence (`before`, holding the typed `years`), skipping
/// base years (比2010年) and span starts (2013年以来).
pub fn explicit_year(lx: &PeriodLex, before: &str, years: &[YearIn]) -> Option<i32> {
    let w = &lx.words;
    let mut found = None;
    for (i, y) in years.iter().enumerate().filter(|(_, y)| y.end <= before.len()) {
        if !(1900..=2100).contains(&y.year) {
            continue;
        }
        let pre = &before[..y.start];
        let post = &before[y.end..];
        let base = w.year_base_before.ends(pre);
        // `2013—2017年`: the end of a span after a year; `上升至2024年的41.5%` is no span.
        let span_end = w
            .year_span_before
            .iter()
            .any(|m| pre.strip_suffix(m).is_some_and(|p| i > 0 && years[i - 1].end == p.len()));
        let span = w.year_span_after.iter().any(|x| post.starts_with(x)) || span_end;
        // `3326件（2023年为867件），同比增长283.6%`: a year inside an aside closed before the figure is the aside's.
        if base || span || closed_aside(post) {
            continue;
        }
        found = Some(y.year);
    }
    found
}

/// What a sentence says of time, whatever figure of it is asked about.
struct SentenceFlags {
    /// It names a target.
    target: bool,
    /// It names the past.
    past: bool,
    /// Byte end of the earliest-ending span word in it (`usize::MAX` if none).
    span_end: usize,
}

impl SentenceFlags {
    /// Whether `sentence[..before_len]` holds a span word.
    fn span_before(&self, before_len: usize) -> bool {
        self.span_end <= before_len
    }
}

/// One pass over the sentence finds every occurrence of every word (none of them overlaps itself, so these
/// are also what `match_indices` gives).
fn sentence_flags(lx: &PeriodLex, sentence: &str) -> SentenceFlags {
    let (nt, np) = (lx.nt, lx.np);
    let mut f = SentenceFlags { target: false, past: false, span_end: usize::MAX };
    for m in lx.automaton.find_overlapping_iter(sentence) {
        let k = m.pattern().as_usize();
        if k < nt {
            f.target = true;
        } else if k < nt + np {
            let pre = &sentence[..m.start()];
            f.past |= !lx.openers.iter().any(|o| pre.ends_with(o.as_str()));
        } else {
            f.span_end = f.span_end.min(m.end());
        }
    }
    f
}

/// The period of one figure: `(ref_year, status)`.
///
/// `before` is the sentence text before the figure, with the `years` typed in it, `sentence` the whole
/// sentence, `after` the text right after the figure in its sentence (for `从X增加到Y`), `mode` the mode of the
/// section, `para_before` the paragraph before the sentence with the years typed in it (five-year reviews) and
/// whether it opened a review of the past year (see [`reviews_past_year`]; plan sections).
#[allow(clippy::too_many_arguments)]
fn period_of(
    lx: &PeriodLex,
    flags: &SentenceFlags,
    kind: ReportKind,
    year: Option<i32>,
    before: &str,
    sentence: &str,
    after: &str,
    mode: Mode,
    years: &[YearIn],
    para_before: (&str, &[YearIn], bool),
) -> (Option<i32>, Status) {
    let (para_before, para_years, para_past) = para_before;
    let (target_sentence, past) = (flags.target, flags.past);
    debug_assert!(sentence.starts_with(before));
    let w = &lx.words;
    if let Some(e) = explicit_year(lx, before, years) {
        // A report of its own year (a bulletin, a 法治政府建设情况报告) states actuals of that year; a work report
        // delivered in Y plans Y.
        let own_year = matches!(kind, ReportKind::Bulletin | ReportKind::AnnualAccount);
        let status = match year {
            Some(y) if e < y || (own_year && e == y) => Status::Actual,
            Some(_) => Status::Target,
            None if target_sentence => Status::Target,
            None => Status::Actual,
        };
        // `由2010年的162.4亿元增加到287.9亿元`: the year names the first figure, not the one reached.
        let tail_after_year = years.iter().rfind(|y| y.end <= before.len()).map_or("", |y| &before[y.end..]);
        if !w.span_verb.iter().filter(|v| v.chars().count() > 1).any(|v| tail_after_year.contains(v)) {
            return (Some(e), status);
        }
    }
    let Some(y) = year else {
        return (None, if target_sentence { Status::Target } else { Status::Actual });
    };
    if kind == ReportKind::Bulletin {
        return (Some(y), Status::Actual);
    }
    if kind == ReportKind::AnnualAccount {
        // `下一步工作打算` plans the next year; everything else reports the year itself.
        // Target words elsewhere (`制定年度学法计划，全年累计学法188次`) state what was done.
        return if matches!(mode, Mode::Plan | Mode::SpanPlan) {
            (Some(y + 1), Status::Target)
        } else {
            (Some(y), Status::Actual)
        };
    }
    let span_sentence = flags.span_before(before.len());
    let span_start = starts_a_span(lx, after);
    // `赤字率从去年的2.1%提高到2.3%`: a figure right after a word of the past year (去年的) is that year's level,
    // whatever the sentence plans.
    let right_after_past = {
        let b = before.trim_end();
        w.past.iter().any(|p| b.ends_with(p))
    };
    match mode {
        Mode::Plan | Mode::SpanPlan if right_after_past => (Some(y - 1), Status::Actual),
        Mode::Plan => {
            if (past && !target_sentence) || para_past {
                (Some(y - 1), Status::Actual)
            } else {
                (Some(y), Status::Target)
            }
        }
        Mode::SpanPlan => {
            if past && !target_sentence {
                (Some(y - 1), Status::Actual)
            } else if w.this_year.found_in(sentence) {
                (Some(y), Status::Target)
            } else {
                (None, Status::Target)
            }
        }
        Mode::SpanReview => {
            // `刚刚过去的2017年，…。国内生产总值增长6.9%`: the paragraph names the last year.
            let para_last_year =
                w.past.found_in(para_before) || explicit_year(lx, para_before, para_years) == Some(y - 1);
            if (past || para_last_year) && !span_sentence && !span_start {
                (Some(y - 1), Status::Actual)
            } else if span_start || span_sentence {
                (None, Status::Actual)
            } else if w.reached.found_in(before) {
                (Some(y - 1), Status::Actual)
            } else {
                (None, Status::Actual)
            }
        }
        Mode::Review | Mode::Unknown => {
            if mode == Mode::Unknown && target_sentence && !past {
                (Some(y), Status::Target)
            } else if span_start || span_sentence {
                (None, Status::Actual)
            } else {
                (Some(y - 1), Status::Actual)
            }
        }
    }
}

/// `过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，居民消费价格涨幅控制在 3.3%`: in a plan
/// section, a sentence of the paragraph that opens with a word of the past year (过去一年, 去年) makes the
/// sentences after it report that year, target words (控制在) and all, until one names the report's own year.
/// That sentence states no figure: it opens a review.
fn reviews_past_year(lx: &PeriodLex, para_before: &str, sentence: &str) -> bool {
    let w = &lx.words;
    if w.this_year.found_in(sentence) {
        return false;
    }
    let sentences: Vec<&str> =
        para_before.split_inclusive(['。', '！', '？']).map(|s| s.trim_start_matches([' ', '\u{3000}'])).collect();
    // The opening sentence introduces the review and states no figure itself (`去年全国财政比年度预算超收7239亿元。`
    // is one fact of the past in a paragraph of plans).
    let opened = sentences.iter().rposition(|s| w.past.iter().any(|p| s.starts_with(p)) && !states_a_figure(s));
    opened.is_some_and(|i| sentences[i + 1..].iter().all(|s| !w.this_year.found_in(s)))
}

/// Whether a sentence holds a digit other than those of a year (`刚刚过去的2025年，…` states none).
fn states_a_figure(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]) {
            let n = chars[i..].iter().take_while(|c| digit(**c)).count();
            if !(n == 4 && chars.get(i + n) == Some(&'年')) {
                return true;
            }
            i += n;
        } else {
            i += 1;
        }
    }
    false
}

/// Whether the text right after a figure makes it the start of a span (`54万亿元增加到82.7万亿元`).
fn starts_a_span(lx: &PeriodLex, after: &str) -> bool {
    let a = after.trim_start_matches(['，', ',', ' ']);
    lx.words.span_verb.iter().any(|w| a.starts_with(w))
}

/// The text of the paragraph before byte offset `pos`, at most 300 characters.
fn paragraph_before(text: &str, pos: usize) -> &str {
    let bytes = text.as_bytes();
    // 300 characters take at most 1200 bytes: a line break that near ends the search at once.
    let near = pos.saturating_sub(1200);
    if let Some(nl) = bytes[near..pos].iter().rposition(|&b| b == b'\n') {
        let start = near + nl + 1;
        if text[start..pos].chars().count() <= 300 {
            return &text[start..pos];
        }
    }
    let mut lo = pos;
    for _ in 0..300 {
        if lo == 0 {
            break;
        }
        lo -= 1;
        while lo > 0 && (bytes[lo] & 0xC0) == 0x80 {
            lo -= 1;
        }
    }
    let start = bytes[lo..pos].iter().rposition(|&b| b == b'\n').map_or(lo, |i| lo + i + 1);
    &text[start..pos]
}

/// Sets `ref_year` and `status` of every indicator of one report.
/// Where a figure stands, as the period stage reads it.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    /// The figure.
    pub figure: &'a Figure,
    /// The text of its sentence.
    pub sentence: &'a str,
    /// Code-point span of the sentence in the text.
    pub sentence_span: (usize, usize),
    /// The section path of the sentence (`一、… > (一)…`).
    pub section: &'a str,
}

/// The time of one figure: the year it is about and whether it is a result or a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    /// The year the figure is about; `None` for an average or total over a span, or when the report names none.
    pub ref_year: Option<i32>,
    /// Result or target.
    pub status: Status,
    /// The span of years an average, a total or a change over several years covers.
    pub span: Option<Span>,
}

/// How a figure covers a span of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SpanHow {
    /// An average over the years (`年均增长7.1%`, `平均每年`).
    Average,
    /// A total over the years (`五年累计完成投资…`, `五年新增城镇就业6500万人`).
    Total,
    /// A change from the first year to the last (`比2020年下降13.5%` in the 2025 review).
    Change,
}

impl SpanHow {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            SpanHow::Average => "average",
            SpanHow::Total => "total",
            SpanHow::Change => "change",
        }
    }
}

/// The years a figure covers when it is about several (`2011—2015年年均增长12.1%` → 2011–2015, average).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// The first year, when the report says which.
    pub from: Option<i32>,
    /// The last year, when the report says which.
    pub to: Option<i32>,
    /// Average, total or change.
    pub how: SpanHow,
}

impl Span {
    /// `2011—2015年`, or nothing when the years are not known.
    pub fn years(&self) -> Option<String> {
        Some(format!("{}—{}年", self.from?, self.to?))
    }
}

/// What the span of one figure is read from.
struct SpanContext<'a> {
    figure: &'a Figure,
    /// The sentence before the figure.
    before: &'a str,
    /// The figure's clause before its number (its raw up to the number included).
    near: &'a str,
    section: &'a str,
    /// Plain years typed in `before`.
    years: &'a [YearIn],
    /// Spans of years typed in `before`, with their last year.
    spans: &'a [(YearIn, i32)],
    year: Option<i32>,
    kind: ReportKind,
    mode: Mode,
    ref_year: Option<i32>,
}

/// The span a figure covers, if it covers several years: an annual average (年均), a total over a span named in
/// its sentence or section (五年累计, “十三五”时期), or a change against a year before the last (比2020年).
fn span_of(lx: &PeriodLex, c: &SpanContext) -> Option<Span> {
    let w = &lx.words;
    let f = c.figure;
    let clause_start = c
        .before
        .char_indices()
        .rev()
        .find(|(_, ch)| matches!(ch, '，' | ',' | '；' | ';' | '。'))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let clause = &c.before[clause_start..];
    let annual = lx.annual.found_in(c.near) || lx.annual.found_in(clause);
    // A total: a flow in a span with no year of its own (五年新建…), or anything summed over a span (累计).
    // Tested cheapest first: the kind, then the clause, then the sentence before the figure.
    let total = !annual
        && matches!(f.kind, Kind::Quantity | Kind::ChangeAbs)
        && (w.total_words.iter().any(|t| holds_word(clause, t, &w.not_totals))
            || (c.ref_year.is_none() && w.flow_words.found_in(clause)))
        && (matches!(c.mode, Mode::SpanReview | Mode::SpanPlan)
            || w.span_words.iter().any(|(x, _)| c.before.contains(x))
            || w.plan_periods.iter().any(|(x, _)| c.before.contains(x)));
    // `比2020年下降13.5%`: the basis names the first year of the change.
    let base_year = f.basis.as_deref().and_then(|b| {
        let digits: String = b.chars().filter(char::is_ascii_digit).collect();
        (digits.len() == 4).then(|| digits.parse::<i32>().ok()).flatten()
    });
    let own_year = matches!(c.kind, ReportKind::Bulletin | ReportKind::AnnualAccount);
    let last_actual = c.year.map(|y| if own_year { y } else { y - 1 });
    if f.kind.is_change()
        && !annual
        && let (Some(from), Some(to)) = (base_year, c.ref_year.or(last_actual))
        && from + 1 < to
    {
        return Some(Span { from: Some(from), to: Some(to), how: SpanHow::Change });
    }
    let how = if annual {
        SpanHow::Average
    } else if total {
        SpanHow::Total
    } else {
        return None;
    };
    // The years: a span typed in the sentence (`2011—2015年`), two years it names (`从2020年…到2025年`), a plan
    // named in the sentence or the section (“十三五”), or years counted back or on from the report's own.
    let (from, to) = if let Some((y, last)) = c.spans.last() {
        (y.year, *last)
    } else if c.years.len() >= 2 && c.years[0].year < c.years[c.years.len() - 1].year {
        (c.years[0].year, c.years[c.years.len() - 1].year)
    } else if let Some((_, &(a, b))) = plan_named(w, c.before).or_else(|| plan_named(w, c.section)) {
        (a, b)
    } else if let Some((_, &(past, n))) =
        named_last(&w.span_words, c.before).or_else(|| named_last(&w.span_words, c.section))
    {
        let Some(y) = c.year else { return Some(Span { from: None, to: None, how }) };
        match (past, own_year) {
            (true, false) => (y - n, y - 1),
            (true, true) => (y - n + 1, y),
            (false, false) => (y, y + n - 1),
            (false, true) => (y + 1, y + n),
        }
    } else if annual && c.mode == Mode::SpanReview && c.year.is_some() {
        // A five-year review with no years named covers the five years before the report.
        let y = c.year.unwrap_or_default();
        (y - 5, y - 1)
    } else {
        // An average whose years the report does not say is still no annual figure.
        return Some(Span { from: None, to: None, how });
    };
    // `“十四五”以来…` in the 2024 review: the span so far ends with the last year reported.
    let to = match last_actual {
        Some(last) if c.kind != ReportKind::WorkReport || c.mode != Mode::SpanPlan => to.min(last.max(from + 1)),
        _ => to,
    };
    Some(Span { from: Some(from), to: Some(to), how })
}

/// The five-year plan named last in `text`: its name followed by a mark (`dicts/plan_marks.txt`: ”, 时期 …), so
/// that `第十五个五年规划` names no 十五.
fn plan_named<'l>(words: &'l PeriodWords, text: &str) -> Option<(&'l str, &'l (i32, i32))> {
    words
        .plan_periods
        .iter()
        .filter_map(|(w, v)| {
            let at = text
                .match_indices(w)
                .map(|(i, _)| i)
                .filter(|&i| words.plan_marks.iter().any(|m| text[i + w.len()..].starts_with(m)));
            at.last().map(|at| (at, w, v))
        })
        .max_by_key(|(at, _, _)| *at)
        .map(|(_, w, v)| (w, v))
}

/// Whether `text` holds `word` other than inside one of `not` (共 in 公共预算 is no 共).
fn holds_word(text: &str, word: &str, not: &crate::dicts::Words) -> bool {
    text.match_indices(word).any(|(i, _)| {
        !not.iter().any(|n| {
            n.match_indices(word).any(|(o, _)| i >= o && text.is_char_boundary(i - o) && text[i - o..].starts_with(n))
        })
    })
}

/// The entry of `list` whose word stands last in `text`.
fn named_last<'l, T: Clone>(list: &'l crate::dicts::Valued<T>, text: &str) -> Option<(&'l str, &'l T)> {
    list.iter()
        .filter_map(|(w, v)| text.rfind(w).map(|at| (at, w, v)))
        .max_by_key(|(at, _, _)| *at)
        .map(|(_, w, v)| (w, v))
}

/// What the period stage keeps of the sentence it is in: its span, its time words, its typed years and spans.
type SentenceTime = ((usize, usize), SentenceFlags, Vec<YearIn>, Vec<(YearIn, i32)>);

/// The period of every figure of one report, in the order given.
/// `years` are the years the number layer typed in the text, in text order.
/// `spans` are the spans of years it typed (`2011—2015年`), with their last year.
pub fn periods(
    lx: &PeriodLex,
    placed: &[Placed],
    text: &str,
    years: &[YearAt],
    spans: &[(YearAt, i32)],
    year: Option<i32>,
    kind: ReportKind,
) -> Vec<Period> {
    let mut out = Vec::with_capacity(placed.len());
    let yw = YearWords::new(year, kind);
    // Headings found in the text itself are needed only for figures outside any section: find them on first use.
    let mut heads: Option<Vec<(usize, Mode)>> = None;
    // Where the last sentence start was found in the text (characters, bytes), for five-year reviews.
    let mut text_at = (0usize, 0usize);
    // The paragraph before that sentence start.
    let mut para_at = "";
    let mut last_section: Option<(String, Mode)> = None;
    // Modes of the section path's parts met so far.
    let mut part_modes: rustc_hash::FxHashMap<String, Mode> = Default::default();
    let mut last_flags: Option<SentenceTime> = None;
    let mut para_years: Vec<YearIn> = Vec::new();
    // Whether `para_years` holds the years of `para_at`, and the sentence whose paragraph `plan_past` judged.
    let mut para_typed = false;
    let mut plan_past: (Option<usize>, bool) = (None, false);
    // Where the last offset was found in the current sentence (characters, bytes).
    let mut at = (0usize, 0usize);
    for ind in placed {
        let f = ind.figure;
        let (s0, _) = ind.sentence_span;
        // Byte offsets of the figure in its sentence, walking on from the last figure of the same sentence.
        let sentence = ind.sentence;
        if last_flags.as_ref().is_none_or(|(span, _, _, _)| *span != ind.sentence_span) {
            let spans_in: Vec<(YearIn, i32)> = {
                let starts: Vec<YearAt> = spans.iter().map(|(y, _)| *y).collect();
                let placed = years_in(&starts, sentence, s0);
                // `years_in` keeps the spans that lie in the sentence, in order: pair them back with their ends.
                let lo = spans.partition_point(|(y, _)| y.start < s0);
                placed.into_iter().zip(spans[lo..].iter().map(|(_, last)| *last)).collect()
            };
            last_flags =
                Some((ind.sentence_span, sentence_flags(lx, sentence), years_in(years, sentence, s0), spans_in));
            at = (0, 0);
        }
        at = byte_of_char(sentence, at, f.start.saturating_sub(s0));
        let a = at.1;
        at = byte_of_char(sentence, at, f.end.saturating_sub(s0));
        let b = at.1.max(a);
        let before = &sentence[..a];
        let after = &sentence[b..b + byte_of_char(&sentence[b..], (0, 0), 6).1];
        // The analyzer's path, outermost first: the last part saying something about time wins.
        let by_section = match &last_section {
            Some((sec, m)) if sec == ind.section => *m,
            _ => {
                let m = ind
                    .section
                    .split(" > ")
                    .map(|p| match part_modes.get(p) {
                        Some(m) => *m,
                        None => *part_modes.entry(p.to_string()).or_insert_with(|| classify_heading_in(lx, p, &yw)),
                    })
                    .filter(|m| *m != Mode::Unknown)
                    .last()
                    .unwrap_or(Mode::Unknown);
                last_section = Some((ind.section.to_string(), m));
                m
            }
        };
        let mode = if by_section != Mode::Unknown {
            by_section
        } else {
            mode_at(heads.get_or_insert_with(|| modes_in_force(headings(lx, text, &yw))), f.start)
        };
        let para_before = if mode == Mode::SpanReview {
            if text_at.0 != s0 || text_at.1 == 0 || !para_typed {
                text_at = byte_of_char(text, text_at, s0);
                para_at = paragraph_before(text, text_at.1);
                para_years = years_in(years, para_at, s0 - para_at.chars().count());
                para_typed = true;
            }
            para_at
        } else {
            ""
        };
        // Once per sentence of a plan section: whether its paragraph opened with a review of the past year.
        let para_past = mode == Mode::Plan && {
            if plan_past.0 != Some(s0) {
                if text_at.0 != s0 || text_at.1 == 0 {
                    text_at = byte_of_char(text, text_at, s0);
                    para_at = paragraph_before(text, text_at.1);
                    para_typed = false;
                }
                plan_past = (Some(s0), reviews_past_year(lx, para_at, sentence));
            }
            plan_past.1
        };
        let flags = &last_flags.as_ref().expect("flags of the sentence").1;
        let in_sentence = &last_flags.as_ref().expect("years of the sentence").2;
        let (ref_year, status) = period_of(
            lx,
            flags,
            kind,
            year,
            before,
            sentence,
            after,
            mode,
            in_sentence,
            (para_before, &para_years, para_past),
        );
        let spans_in = &last_flags.as_ref().expect("spans of the sentence").3;
        let near = &sentence[..b.min(sentence.len())];
        let ctx = SpanContext {
            figure: f,
            before,
            near: &near[near[..a]
                .char_indices()
                .rev()
                .find(|(_, ch)| matches!(ch, '，' | ',' | '；' | ';'))
                .map_or(0, |(i, ch)| i + ch.len_utf8())..],
            section: ind.section,
            years: in_sentence,
            spans: spans_in,
            year,
            kind,
            mode,
            ref_year,
        };
        let span = span_of(lx, &ctx).filter(|s| s.from.zip(s.to).is_none_or(|(a, b)| a < b));
        // An average or a total over several years is about no single one of them.
        let ref_year = if span.is_some_and(|s| s.how != SpanHow::Change) { None } else { ref_year };
        out.push(Period { ref_year, status, span });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lx() -> PeriodLex {
        PeriodLex::new(&crate::Dicts::builtin())
    }

    /// The explicit year of `before`, with its years typed by the number layer.
    fn explicit_year(before: &str) -> Option<i32> {
        let figs = crate::number::Recognizer::new(crate::Dicts::builtin()).find(before, true);
        super::explicit_year(&lx(), before, &years_in(&YearAt::all(&figs), before, 0))
    }

    fn typed_years(s: &str) -> Vec<YearIn> {
        let figs = crate::number::Recognizer::new(crate::Dicts::builtin()).find(s, true);
        years_in(&YearAt::all(&figs), s, 0)
    }

    fn p(kind: ReportKind, year: i32, sentence: &str, fig: &str, heading: &str) -> (Option<i32>, Status) {
        let i = sentence.find(fig).expect("figure in sentence");
        let before = &sentence[..i];
        let after = &sentence[i + fig.len()..];
        let lx = lx();
        period_of(
            &lx,
            &sentence_flags(&lx, sentence),
            kind,
            Some(year),
            before,
            sentence,
            after,
            classify_heading(heading, Some(year)),
            &typed_years(sentence),
            ("", &[], false),
        )
    }

    #[test]
    fn heading_titles_match_the_regex() {
        let texts = [
            "一、2023年工作回顾\n过去一年。二、2024年工作安排：\n\n  三、加强",
            "\n\n一、\n二、x。十一、abc。一二三四、不是。\u{3000}十二、好\t四、",
            "二、这是一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的标题。三、短",
            "",
            "一、",
            "。一、a",
            "abc\n一、b\r\n二、c",
        ];
        for t in texts {
            let want: Vec<_> = heading_regex().captures_iter(t).map(|c| c.get(1).unwrap().range()).collect();
            assert_eq!(heading_titles(t), want, "{t:?}");
        }
    }

    #[test]
    fn byte_of_char_walks() {
        let s = "a一b𝄞c";
        let mut at = (0, 0);
        for n in [0, 1, 2, 3, 4, 5, 9, 2, 0, 4, 3, 1, 5, 4, 2, 3] {
            at = byte_of_char(s, at, n);
            let want = s.char_indices().nth(n).map_or(s.len(), |(b, _)| b);
            assert_eq!(at.1, want, "{n}");
        }
        assert_eq!(paragraph_before("ab\n一二三", 9), "一二");
        assert_eq!(paragraph_before("ab\n一二三", 0), "");
    }

    #[test]
    fn sentence_flags_match_word_scans() {
        let sentences = [
            "今年发展主要预期目标是：国内生产总值增长5%左右；",
            "比去年增长3%，过去一年来，较过去一年",
            "过去五年，年均增长7.1%，十三五期间",
            "刚刚过去的2017年，去年去年",
            "",
            "比去年下降",
        ];
        let lx = lx();
        let w = &lx.words;
        for s in sentences {
            let f = sentence_flags(&lx, s);
            assert_eq!(f.target, w.target.iter().any(|x| s.contains(x)), "{s}");
            let past = w
                .past
                .iter()
                .any(|x| s.match_indices(x).any(|(i, _)| !s[..i].ends_with('比') && !s[..i].ends_with('较')));
            assert_eq!(f.past, past, "{s}");
            for (a, _) in s.char_indices().chain([(s.len(), ' ')]) {
                assert_eq!(f.span_before(a), w.span.iter().any(|x| s[..a].contains(x)), "{s} {a}");
            }
        }
    }

    #[test]
    fn explicit_years() {
        assert_eq!(explicit_year("2023年，国内生产总值"), Some(2023));
        assert_eq!(explicit_year("比2010年"), None);
        assert_eq!(explicit_year("2013年以来，累计"), None);
        assert_eq!(explicit_year("2024 年，全市"), Some(2024));
        assert_eq!(explicit_year("到2020年，"), Some(2020));
    }

    #[test]
    fn headings_classified() {
        assert_eq!(classify_heading("2023年工作回顾", Some(2024)), Mode::Review);
        assert_eq!(classify_heading("过去一年工作回顾", Some(2013)), Mode::Review);
        assert_eq!(classify_heading("过去五年工作回顾", Some(2018)), Mode::SpanReview);
        assert_eq!(classify_heading("“十二五”时期和2015年工作回顾", Some(2016)), Mode::Review);
        assert_eq!(classify_heading("2024年政府工作任务", Some(2024)), Mode::Plan);
        assert_eq!(classify_heading("今年工作安排", Some(2024)), Mode::Plan);
        assert_eq!(classify_heading("“十三五”时期主要目标任务和重大举措", Some(2016)), Mode::SpanPlan);
        assert_eq!(classify_heading("加强政府自身建设", Some(2019)), Mode::Unknown);
    }

    #[test]
    fn work_report_sentences() {
        let w = ReportKind::WorkReport;
        // china_2024_gwr.txt, 一、2023年工作回顾
        let s = "国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。";
        assert_eq!(p(w, 2024, s, "增长5.2%", "2023年工作回顾"), (Some(2023), Status::Actual));
        // china_2024_gwr.txt, 二、2024年经济社会发展总体要求和政策取向
        let s = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；";
        assert_eq!(p(w, 2024, s, "增长5%左右", "2024年经济社会发展总体要求和政策取向"), (Some(2024), Status::Target));
        // The target sentence wins even before any heading.
        assert_eq!(p(w, 2024, s, "1200万人以上", ""), (Some(2024), Status::Target));
        // china_2018_gwr.txt, 一、过去五年工作回顾
        let s = "国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%，";
        assert_eq!(p(w, 2018, s, "54万亿元", "过去五年工作回顾"), (None, Status::Actual));
        assert_eq!(p(w, 2018, s, "82.7万亿元", "过去五年工作回顾"), (Some(2017), Status::Actual));
        assert_eq!(p(w, 2018, s, "7.1%", "过去五年工作回顾"), (None, Status::Actual));
        // An explicit earlier year in a plan section is an actual.
        let s = "2015年旅游收入69亿元，是2010年的2.6倍。";
        assert_eq!(p(w, 2016, s, "69亿元", "2016年工作安排"), (Some(2015), Status::Actual));
    }

    #[test]
    fn bulletin_reports_its_year() {
        let b = ReportKind::Bulletin;
        let s = "全年发生道路交通事故73起，比上年下降12%。";
        assert_eq!(p(b, 2024, s, "73起", ""), (Some(2024), Status::Actual));
        assert_eq!(p(b, 2024, s, "下降12%", ""), (Some(2024), Status::Actual));
    }
}
