//! The same indicator across the reports of successive years.
//!
//! Every figure with a `ref_year` becomes an [`Entry`] keyed by region, normalised indicator, kind, unit and
//! status. [`Table`] lines the entries up by year (the output layer writes it wide, one row per key with one
//! column per year, year-on-year changes beside them and, on target rows, whether the next report's actual met
//! the target; or long, one row per figure); [`Table::claims`] recomputes the changes a report states
//! (`比上年下降12%`) from the levels the reports give for both years and says where they disagree.
//!
//! Matching is exact on the normalised subject, never on a shared word: `城镇新增就业` and `城镇调查失业率`
//! stay apart, and so do `一般公共预算收入` and `一般公共预算支出`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rust_decimal::Decimal;
use rust_decimal::prelude::*;

use crate::analyzer::DocReport;
use crate::figure::{Kind, Qualifier};
use crate::output::fmt_decimal;
use crate::period::{SpanHow, Status};

/// The built-in indicator list (`NAME<TAB>NATIONAL NAME<TAB>ALIAS…`).
pub const INDICATORS: &str = include_str!("../dicts/indicators.tsv");
/// Words dropped from the start of a subject.
const LEAD_WORDS: &str = include_str!("../dicts/compare_lead.txt");
/// Words dropped from the end of a subject.
const TAIL_WORDS: &str = include_str!("../dicts/compare_tail.txt");
/// Whole subjects that name no indicator.
const NOT_INDICATOR_WORDS: &str = include_str!("../dicts/not_indicators.txt");
/// What makes a subject a name.
const NAME_RULES: &str = include_str!("../dicts/name_rules.tsv");

/// Where an indicator stands in the built-in list, by its name or its national name: the list opens with the
/// headline indicators (生产总值, 就业, 物价, 粮食 …), so a lower rank reads first; `None` for one not listed.
pub fn indicator_rank(name: &str) -> Option<usize> {
    static RANKS: std::sync::LazyLock<std::collections::HashMap<&'static str, usize>> =
        std::sync::LazyLock::new(|| {
            let mut m = std::collections::HashMap::new();
            let lines = INDICATORS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
            for (i, l) in lines.enumerate() {
                let mut f = l.split('\t').map(str::trim);
                for n in [f.next(), f.next()].into_iter().flatten().filter(|n| !n.is_empty() && *n != "-") {
                    m.entry(n).or_insert(i);
                }
            }
            m
        });
    RANKS.get(name).copied()
}

fn word_list(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

/// The indicators compare knows, their aliases and the word lists that normalise a subject and tell a name
/// from a fragment.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    /// Alias (and name) → canonical name.
    map: HashMap<String, String>,
    /// Canonical name → its name in national reports.
    national: HashMap<String, String>,
    /// Every name and alias of a known indicator, national names included.
    known: HashSet<String>,
    lead: Vec<String>,
    tail: Vec<String>,
    not_indicators: HashSet<String>,
    bad_end: Vec<String>,
    bad_start: Vec<String>,
    bad_has: Vec<String>,
    place: Vec<String>,
    growth: Vec<String>,
    share: Vec<String>,
}

impl Aliases {
    /// The built-in lists.
    pub fn builtin() -> Self {
        let mut a = Aliases {
            lead: word_list(LEAD_WORDS),
            tail: word_list(TAIL_WORDS),
            not_indicators: word_list(NOT_INDICATOR_WORDS).into_iter().collect(),
            ..Default::default()
        };
        for line in word_list(NAME_RULES) {
            let Some((rule, word)) = line.split_once('\t') else { continue };
            let list = match rule.trim() {
                "end" => &mut a.bad_end,
                "start" => &mut a.bad_start,
                "has" => &mut a.bad_has,
                "place" => &mut a.place,
                _ => continue,
            };
            list.push(word.trim().to_string());
        }
        for line in word_list(GROWTH_WORDS) {
            match line.split_once('\t') {
                Some(("growth", w)) => a.growth.push(w.trim().to_string()),
                Some(("share", w)) => a.share.push(w.trim().to_string()),
                _ => {}
            }
        }
        a.add_indicators(INDICATORS);
        a
    }

    /// Adds lines of `NAME<TAB>NATIONAL NAME<TAB>ALIAS…` (`-` for a national name the same as NAME).
    pub fn add_indicators(&mut self, text: &str) {
        for line in word_list(text) {
            let mut parts = line.split('\t').map(str::trim);
            let Some(canon) = parts.next().filter(|c| !c.is_empty()) else { continue };
            self.insert(canon, canon);
            if let Some(nat) = parts.next().filter(|n| !n.is_empty() && *n != "-") {
                self.national.insert(canon.to_string(), nat.to_string());
                self.insert(nat, canon);
            }
            for alias in parts.filter(|s| !s.is_empty() && *s != "-") {
                self.insert(alias, canon);
            }
        }
    }

    fn insert(&mut self, alias: &str, canon: &str) {
        self.map.insert(alias.to_string(), canon.to_string());
        self.known.insert(alias.to_string());
        self.known.insert(canon.to_string());
    }

    /// Adds lines of `CANONICAL<TAB>ALIAS<TAB>ALIAS…` (`#` starts a comment). A later line wins.
    pub fn add(&mut self, text: &str) {
        for line in word_list(text) {
            let mut parts = line.split('\t').map(str::trim).filter(|s| !s.is_empty());
            let Some(canon) = parts.next() else { continue };
            self.insert(canon, canon);
            for alias in parts {
                self.insert(alias, canon);
            }
        }
    }

    /// The canonical name of an alias.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.map.get(name).map(String::as_str)
    }

    /// The name an indicator has at a level: its national name in a national report (地区生产总值 →
    /// 国内生产总值), else itself.
    pub fn at_level<'a>(&'a self, canonical: &'a str, national: bool) -> &'a str {
        if national { self.national.get(canonical).map_or(canonical, String::as_str) } else { canonical }
    }

    /// Whether a name or alias is a known indicator.
    pub fn is_known(&self, name: &str) -> bool {
        self.known.contains(name)
    }

    /// Whether a normalised subject is a name the wide table can show: a known indicator, or a noun phrase of
    /// at least 3 characters that is not a unit, a place, a generic head or a clause cut short (the rules of
    /// `dicts/name_rules.tsv` and `dicts/not_indicators.txt`). Two characters carry too little to be trusted
    /// unless `dicts/indicators.tsv` knows them (原油, 绿地).
    pub fn is_name(&self, name: &str) -> bool {
        if self.is_known(name) {
            return true;
        }
        let n = name.chars().count();
        let first = name.chars().next().unwrap_or(' ');
        // Digits only after Latin letters, as in PM2.5 and M2: a year or a count inside a name is a clause cut
        // short (18号线部分区段, 人数占…比例由１９５４年).
        let cs: Vec<char> = name.chars().collect();
        let digits = cs.iter().enumerate().any(|(i, &c)| {
            let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '.';
            (c.is_ascii_digit() || ('０'..='９').contains(&c))
                && !cs[..i].iter().rev().find(|&&p| !digit(p)).is_some_and(|p| p.is_ascii_alphabetic())
        });
        n >= 3
            && !first.is_ascii_punctuation()
            && !digits
            && !name.chars().any(|c| matches!(c, '，' | '、' | '；' | '：' | '。' | '％' | '%') || c.is_whitespace())
            && !self.not_indicators.contains(name)
            && !self.bad_end.iter().any(|w| name.ends_with(w.as_str()))
            && !self.bad_start.iter().any(|w| name.starts_with(w.as_str()))
            && !self.bad_has.iter().any(|w| name.contains(w.as_str()))
            && !(n <= 3 && self.place.iter().any(|w| name.ends_with(w.as_str())))
            && !is_unit_phrase(name)
    }
}

/// `万亿元`, `亿元`, `万人`: a magnitude and a unit, the rest of a number, not a name.
pub fn is_unit_phrase(name: &str) -> bool {
    let rest = name.trim_start_matches(['十', '百', '千', '万', '亿']);
    rest.len() < name.len() && rest.chars().count() <= 2
}

/// How a figure's subject was matched to its indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchHow {
    /// The subject as stated is the indicator.
    Same,
    /// Equal after dropping words of time and place (全年, 全市 …) and growth words (增速, 涨幅 …).
    Normalised,
    /// Equal through `dicts/indicators.tsv` (生产总值 = GDP = 地区生产总值).
    Alias,
    /// A change whose subject is the level right before it (`国内生产总值达到74.4万亿元，增长6.7%`).
    Carried,
}

impl MatchHow {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchHow::Same => "same words",
            MatchHow::Normalised => "normalised",
            MatchHow::Alias => "alias",
            MatchHow::Carried => "carried",
        }
    }
}

/// Whether a row of the comparison is a name (see [`Aliases::is_name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Naming {
    /// A known indicator of `dicts/indicators.tsv`.
    Known,
    /// A name by the rules.
    Name,
    /// A fragment of a clause, a place, a unit: in `--long` only.
    Fragment,
    /// The figure has no subject: in `--long` only.
    NoSubject,
}

impl Naming {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Naming::Known => "known",
            Naming::Name => "name",
            Naming::Fragment => "fragment",
            Naming::NoSubject => "no subject",
        }
    }

    /// Whether rows of this naming go into the wide table.
    pub fn in_wide(self) -> bool {
        matches!(self, Naming::Known | Naming::Name)
    }
}

/// Growth words and share words (`dicts/compare_growth.tsv`).
const GROWTH_WORDS: &str = include_str!("../dicts/compare_growth.tsv");

/// A normalised subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    /// Indicator name.
    pub name: String,
    /// Kind after growth words (`增速9.7%` is a change_pct).
    pub kind: Kind,
    /// How it was matched.
    pub how: MatchHow,
    /// Whether it is a name.
    pub naming: Naming,
    /// The subject's words after normalisation, before aliases.
    pub words: String,
}

impl Normalised {
    /// The same at a level: the national name of the indicator in a national report, and how the subject
    /// joined that name.
    pub fn at_level(mut self, aliases: &Aliases, stated: &str, national: bool) -> Self {
        let name = aliases.at_level(&self.name, national).to_string();
        if name != self.name {
            self.how = if self.how == MatchHow::Carried {
                MatchHow::Carried
            } else if name == stated.trim() {
                MatchHow::Same
            } else if name == self.words {
                MatchHow::Normalised
            } else {
                MatchHow::Alias
            };
            self.name = name;
        }
        self
    }
}

fn strip_year_prefix(s: &str) -> &str {
    // `2015年旅游收入`, `2024 年`, `１９７９年粮食产量`, `一九五八年计划粮食产量`; a bare `年` a year was cut
    // from (`年粮食产量`), but not the 年 of 年均, 年度, 年末 ….
    let digit =
        |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九".contains(c) || c == ' ';
    let n = s.chars().take_while(|&c| digit(c)).count();
    let i: usize = s.chars().take(n).map(char::len_utf8).sum();
    if (n >= 4 || n == 0) && s[i..].starts_with('年') {
        let rest = &s[i + '年'.len_utf8()..];
        let keeps = ["均", "度", "末", "底", "初", "内", "中", "以", "来", "前", "后", "份"];
        if n >= 4 || (rest.chars().count() >= 2 && !keeps.iter().any(|k| rest.starts_with(k))) {
            return rest;
        }
    }
    s
}

fn strip_base_tail(s: &str) -> &str {
    // `化学需氧量排放量比2010年`, `人均道路面积比2010年`.
    for marker in ["比", "较"] {
        if let Some(i) = s.rfind(marker) {
            let rest = &s[i + marker.len()..];
            if rest.ends_with('年') && rest.chars().filter(|c| c.is_ascii_digit()).count() == 4 && i > 0 {
                return &s[..i];
            }
        }
    }
    s
}

/// The indicator a subject names, with the kind it measures and whether it is a name, or `None` when
/// nothing is left of it.
///
/// Normalising stops as soon as the subject is a known name or alias (新增就业 is 城镇新增就业, though 新增
/// alone is a word dropped from the start of others).
pub fn normalise(subject: &str, kind: Kind, aliases: &Aliases) -> Option<Normalised> {
    let stated = subject.trim();
    let mut s = stated.to_string();
    let mut kind = kind;
    let growth = |s: &str| aliases.growth.iter().any(|w| s.ends_with(w.as_str()));
    loop {
        if matches!(kind, Kind::Percent) && growth(&s) {
            kind = Kind::ChangePct;
        }
        if aliases.is_known(&s) {
            break;
        }
        let before = s.clone();
        s = strip_year_prefix(&s).trim_start_matches(['，', '、', ' ', '　']).to_string();
        for w in &aliases.lead {
            if let Some(r) = s.strip_prefix(w.as_str())
                && !r.is_empty()
            {
                s = r.to_string();
            }
        }
        s = strip_base_tail(&s).to_string();
        for w in &aliases.tail {
            if let Some(r) = s.strip_suffix(w.as_str())
                && !r.is_empty()
            {
                s = r.to_string();
            }
        }
        for w in &aliases.growth {
            if let Some(r) = s.strip_suffix(w.as_str())
                && r.chars().count() >= 2
                && matches!(kind, Kind::Percent | Kind::ChangePct)
            {
                s = r.to_string();
                kind = Kind::ChangePct;
            }
        }
        if s == before {
            break;
        }
    }
    if s.is_empty() || s.chars().all(|c| !c.is_alphanumeric()) {
        return None;
    }
    // `经济增长预期目标 6%左右`: a growth word anywhere in the subject makes a percentage a growth rate, unless
    // the percentage is a share or a contribution of growth (经济增长贡献率, 占比重).
    if kind == Kind::Percent
        && aliases.growth.iter().any(|w| stated.contains(w.as_str()))
        && !aliases.share.iter().any(|w| stated.contains(w.as_str()))
    {
        kind = Kind::ChangePct;
    }
    let (name, how) = match aliases.canonical(&s) {
        Some(c) if c != s || s != stated => {
            (c.to_string(), if c != s { MatchHow::Alias } else { MatchHow::Normalised })
        }
        _ if s != stated => (s.clone(), MatchHow::Normalised),
        _ => (s.clone(), MatchHow::Same),
    };
    let naming = if aliases.is_known(&s) {
        Naming::Known
    } else if aliases.is_name(&s)
        && !aliases.lead.contains(&s)
        && !aliases.tail.contains(&s)
        && !s.contains('届')
        && !s.ends_with("以下")
    {
        Naming::Name
    } else {
        Naming::Fragment
    };
    Some(Normalised { name, kind, how, naming, words: s })
}

/// One figure placed in the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The region of the report.
    pub region: String,
    /// The indicator (normalised subject).
    pub indicator: String,
    /// What the figure is (level, change …).
    pub kind: Kind,
    /// The unit values are compared in.
    pub unit: String,
    /// Result or target.
    pub status: Status,
    /// The year the figure is about; for a figure over several years, the last of them.
    pub ref_year: i32,
    /// For a figure over several years (an average, a total, a change): the years and how.
    pub span: Option<SpanCol>,
    /// The value in the compared unit.
    pub value: Decimal,
    /// Upper end of a range.
    pub value_max: Option<Decimal>,
    /// How exactly it is stated.
    pub qualifier: Qualifier,
    /// Decimals as stated.
    pub decimals: u32,
    /// Report the figure is from.
    pub doc: String,
    /// Year of that report.
    pub report_year: Option<i32>,
    /// The figure as stated.
    pub raw: String,
    /// Subject as stated.
    pub subject: String,
    /// How the subject joined its indicator.
    pub how: MatchHow,
    /// Whether the indicator is a name (rows that are not stay out of the wide table).
    pub naming: Naming,
    /// The sentence it stands in.
    pub sentence: String,
    /// Order of the figure in its report.
    pub order: usize,
}

/// The column of a figure over several years: `2011–2015 年均`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpanCol {
    /// The first year.
    pub from: i32,
    /// The last year.
    pub to: i32,
    /// Average, total or change.
    pub how: SpanHow,
}

impl SpanCol {
    /// The column name: `p2011_2015_average`.
    pub fn name(&self) -> String {
        format!("p{}_{}_{}", self.from, self.to, self.how.as_str())
    }

    /// The Chinese header: `2011–2015年均`.
    pub fn zh(&self) -> String {
        let how = match self.how {
            SpanHow::Average => "年均",
            SpanHow::Total => "累计",
            SpanHow::Change => "变动",
        };
        format!("{}–{}{how}", self.from, self.to)
    }
}

/// A column of the wide table: a year, or a span of years after the year it ends in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Col {
    /// One year.
    Year(i32),
    /// Several years.
    Span(SpanCol),
}

impl Col {
    fn order(&self) -> (i32, u8, i32, SpanHow) {
        match *self {
            Col::Year(y) => (y, 0, y, SpanHow::Average),
            Col::Span(s) => (s.to, 1, s.from, s.how),
        }
    }
}

/// Row key: region, indicator, kind, unit, status.
pub type Key = (String, String, Kind, String, Status);

impl Entry {
    /// The key of its row.
    pub fn key(&self) -> Key {
        (self.region.clone(), self.indicator.clone(), self.kind, self.unit.clone(), self.status)
    }

    /// How close the report is to the year: the report of year Y+1 for a Y actual of a work report,
    /// the same year for a target or a bulletin. Lower is better.
    fn distance(&self) -> i32 {
        match self.report_year {
            None => 100,
            Some(r) => {
                let d = r - self.ref_year;
                match self.status {
                    Status::Actual if d == 1 => 0,
                    Status::Actual if d == 0 => 1,
                    Status::Target if d == 0 => 0,
                    _ => 2 + d.abs(),
                }
            }
        }
    }

    /// 0 for a target stated as one (`左右`, `以上`, `以内`, a range), 1 for a plain figure: a report's targets
    /// carry these words, and a plain figure among them is more often a result the year was misread for
    /// (`国内生产总值增长10.3%` after `过去一年` in the 2011 report's plan section).
    fn target_form(&self) -> u8 {
        u8::from(!(self.status == Status::Target && self.qualifier != Qualifier::Exact))
    }

    /// The value as stated, with its qualifier (`6.5-7`, `~5`, `>=12000000`).
    pub fn cell(&self) -> String {
        let v = fmt_decimal(self.value);
        match self.qualifier {
            Qualifier::Exact => v,
            Qualifier::Range => format!("{v}-{}", self.value_max.map(fmt_decimal).unwrap_or_default()),
            Qualifier::Approx => format!("~{v}"),
            Qualifier::AtLeast => format!(">={v}"),
            Qualifier::AtMost => format!("<={v}"),
        }
    }

    /// The rounding of a level: none for a whole count stated in its base unit (73起 is exactly 73), else
    /// [`Entry::half_unit`].
    pub fn level_half_unit(&self) -> Decimal {
        let h = self.half_unit();
        if self.decimals == 0 && h == Decimal::new(5, 1) { Decimal::ZERO } else { h }
    }

    /// Half a unit of the last stated digit, in base units (`1.1万亿元` → 500亿元).
    pub fn half_unit(&self) -> Decimal {
        let half = Decimal::new(5, self.decimals + 1);
        let mantissa = self
            .raw
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .find(|p| !p.is_empty() && p.chars().any(|c| c.is_ascii_digit()))
            .and_then(|p| Decimal::from_str(p).ok())
            .filter(|m| !m.is_zero());
        match mantissa {
            Some(m) => (self.value / m).abs() * half,
            None => half,
        }
    }
}

/// The region of a report: as detected, else the file name's first word (`hailar_2016_gwr.txt` → hailar).
pub fn region_of(report: &DocReport) -> String {
    if let Some(r) = &report.region {
        return r.clone();
    }
    let name = report.doc.rsplit(['/', '\\']).next().unwrap_or(&report.doc);
    let name = name.split(['!', '#']).next().unwrap_or(name);
    let word: String = name
        .split(['_', '-', '.'])
        .find(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or("")
        .to_string();
    word
}

/// Units the number layer keeps apart that are the same dimension: (unit, comparable unit, factor).
/// Grain is 1.39万亿斤 in some reports and 6.07亿吨 in others.
const UNIT_CONVERSIONS: &[(&str, &str, i64, u32)] =
    &[("斤", "吨", 5, 4), ("公斤", "吨", 1, 3), ("千克", "吨", 1, 3), ("克", "吨", 1, 6)];

/// The unit figures are compared in, and the factor to it.
pub fn comparable_unit(unit: &str) -> (String, Decimal) {
    for &(u, to, m, scale) in UNIT_CONVERSIONS {
        if unit == u {
            return (to.to_string(), Decimal::new(m, scale));
        }
    }
    (unit.to_string(), Decimal::ONE)
}

/// The normalised subject of the quantity right before figure `i` in the same sentence, when it is a name.
fn carried(r: &DocReport, i: usize, unit_words: &str, aliases: &Aliases) -> Option<Normalised> {
    let cur = &r.indicators[i];
    // A sentence that opens with the unit (`万亿元，增长6.7%`) is the rest of one a line break cut inside the
    // number (`74.4\n​\n万亿元` in china_2017_gwr.txt): the level is the last figure of the sentence before.
    let broken = cur.sentence.trim_start().starts_with(unit_words);
    let prev = r.indicators[..i]
        .iter()
        .rev()
        .take_while(|p| p.sentence_span == cur.sentence_span || broken)
        .find(|p| p.figure.kind.is_indicator())?;
    if prev.figure.kind != Kind::Quantity {
        return None;
    }
    normalise(&prev.subject, Kind::Quantity, aliases).filter(|n| n.naming.in_wide())
}

/// Whether a region is the nation (the 国务院 of the national 政府工作报告, the 全国 of national bulletins): its
/// indicators take their national names.
pub fn is_national(region: &str) -> bool {
    region == crate::meta::NATIONAL_GWR || region == crate::meta::NATIONAL
}

/// The entries of some reports: figures with a ref_year, their subject normalised and named at the level of
/// the report (国内生产总值 nationally, 地区生产总值 in a region).
pub fn entries(reports: &[DocReport], aliases: &Aliases) -> Vec<Entry> {
    let mut out = Vec::new();
    for r in reports {
        let region = region_of(r);
        let national = is_national(&region);
        for (i, ind) in r.indicators.iter().enumerate() {
            let f = &ind.figure;
            if !f.kind.is_indicator() || matches!(f.kind, Kind::Multiple | Kind::Ratio) {
                continue;
            }
            let span = ind.span.and_then(|sp| Some(SpanCol { from: sp.from?, to: sp.to?, how: sp.how }));
            let Some(ry) = ind.ref_year.or(span.map(|sp| sp.to)) else { continue };
            let n = match normalise(&ind.subject, f.kind, aliases) {
                // `国内生产总值达到74.4万亿元，增长6.7%`: a change whose subject came out as the unit of the
                // level right before it in the sentence (万亿元) is the change of that level's indicator.
                Some(n) if is_unit_phrase(&n.words) && matches!(f.kind, Kind::ChangePct | Kind::ChangeAbs) => {
                    match carried(r, i, &n.words, aliases) {
                        Some(prev) => Normalised { kind: n.kind, how: MatchHow::Carried, ..prev }.at_level(
                            aliases,
                            &ind.subject,
                            national,
                        ),
                        None => n,
                    }
                }
                Some(n) => n.at_level(aliases, &ind.subject, national),
                None => Normalised {
                    name: String::new(),
                    kind: f.kind,
                    how: MatchHow::Same,
                    naming: Naming::NoSubject,
                    words: String::new(),
                },
            };
            let (unit, factor) = comparable_unit(&f.unit);
            let scale = |v: Decimal| if matches!(n.kind, Kind::Quantity | Kind::ChangeAbs) { v * factor } else { v };
            out.push(Entry {
                region: region.clone(),
                indicator: n.name,
                kind: n.kind,
                unit,
                status: ind.status,
                ref_year: ry,
                span: if ind.ref_year.is_some() { None } else { span },
                value: scale(f.value),
                value_max: f.value_max.map(scale),
                qualifier: f.qualifier,
                decimals: f.decimals,
                doc: r.doc.clone(),
                report_year: r.year,
                raw: f.raw.clone(),
                subject: ind.subject.clone(),
                how: n.how,
                naming: n.naming,
                sentence: ind.sentence.clone(),
                order: i,
            });
        }
    }
    out
}

/// Words of indicators where lower is better (`dicts/ceilings.txt`).
const CEILINGS: &str = include_str!("../dicts/ceilings.txt");

/// Indicators where lower is better, so a target is a ceiling (失业率, 居民消费价格, 能耗 …).
pub fn is_ceiling(indicator: &str) -> bool {
    CEILINGS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).any(|w| indicator.contains(w))
}

/// Whether an actual met a target, as the reports mean their targets (the rules are in the README,
/// "Comparing years").
///
/// A target has a good side: higher for most indicators, lower for a ceiling (失业率, 居民消费价格, 能耗 …,
/// `dicts/ceilings.txt`) and for a decline (`单位国内生产总值能耗下降3.4%以上` is −3.4 at least in size, met
/// by −5). Values are compared as stated, with no rounding slack: `增长5%` does not meet `5.5%以上`.
/// - a range (`6.5%－7%`) is met inside it, `exceeded` beyond it on the good side, `not met` on the other;
/// - `左右` (about) is met within ±0.5 point for percentages and ±5% for other units (`met (within ±0.5 of
///   about)` when not equal); beyond that `exceeded` on the good side (`met (below)` for a ceiling), `not met`
///   on the other: 9% against 8%左右 is exceeded;
/// - `以上` (at least) is met at or beyond the target on the good side (for a decline, at least as large a
///   decline); `以内`/`以下` (at most) at or within it;
/// - a plain figure is a floor on the good side: met when equal, exceeded beyond (9.2% against 8%), not met
///   short of it; for a ceiling, met at or below.
pub fn target_verdict(target: &Entry, actual: &Entry) -> String {
    let a = actual.value;
    let t = target.value;
    let decline = target.value < Decimal::ZERO;
    let lower_better = is_ceiling(&target.indicator) || decline;
    let pct_unit = matches!(target.unit.as_str(), "%" | "百分点" | "‰");
    // `good(x, y)`: x is beyond y on the good side.
    let good = |x: Decimal, y: Decimal| if lower_better { x < y } else { x > y };
    let beyond = |lower_better: bool| -> String { if lower_better { "met (below)".into() } else { "exceeded".into() } };
    let short = |lower_better: bool| -> String {
        if lower_better { "not met (above)".into() } else { "not met (below)".into() }
    };
    match target.qualifier {
        Qualifier::Range => {
            let hi = target.value_max.unwrap_or(t);
            let (lo, hi) = if t <= hi { (t, hi) } else { (hi, t) };
            if a >= lo && a <= hi {
                "met".into()
            } else if a > hi {
                if lower_better { short(true) } else { "exceeded".into() }
            } else if lower_better {
                beyond(true)
            } else {
                short(false)
            }
        }
        Qualifier::Approx => {
            let tol = if pct_unit { Decimal::new(5, 1) } else { (t * Decimal::new(5, 2)).abs() };
            if a == t {
                "met".into()
            } else if (a - t).abs() <= tol {
                format!("met (within ±{} of about)", fmt_decimal(tol))
            } else if good(a, t) {
                beyond(lower_better)
            } else {
                short(lower_better)
            }
        }
        Qualifier::AtLeast => {
            // `下降3.4%以上` is a decline of at least 3.4: −5 meets it.
            if a == t || good(a, t) { "met".into() } else { short(lower_better) }
        }
        Qualifier::AtMost => {
            // `控制在3%以内`: at most 3 whatever the indicator; `下降…以内` at most as large a decline.
            let within = if decline { a >= t } else { a <= t };
            if within { "met".into() } else { short(!decline) }
        }
        Qualifier::Exact => {
            if a == t {
                "met".into()
            } else if good(a, t) {
                if lower_better { "met (below)".into() } else { "exceeded".into() }
            } else {
                short(lower_better)
            }
        }
    }
}

/// A change a report states, recomputed from the levels of two years.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The stated change.
    pub stated: Entry,
    /// The level of the claim's year.
    pub level: Entry,
    /// The level of the year before, from another report.
    pub base: Entry,
    /// The change computed from the two levels (% for change_pct, base units for change_abs).
    pub computed: Decimal,
    /// Whether the stated change agrees within rounding (agrees, or cannot tell at this rounding).
    pub agrees: bool,
    /// The verdict, with the cases `agrees` puts together told apart.
    pub verdict: ClaimVerdict,
    /// The level of the year before that the stated change's own report implies (its level less the absolute
    /// change it states in the same sentence), when it states one.
    pub implied_base: Option<Decimal>,
}

/// How a stated change stands against the levels of two reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ClaimVerdict {
    /// The reports' levels differ from each other beyond their rounding: the level of the year before that the
    /// stated change's own report implies (`70650万吨，比上年增加1109万吨`: 69541万吨) is not the one the report
    /// of the year before states (45.6万吨). The stated change is over another base (a revision, another scope),
    /// so it is not recomputed against the earlier report.
    BaseDiffers,
    /// The change computed from the levels, within their rounding, misses the stated change and its rounding.
    Disagrees,
    /// The levels as rounded hold the stated change, but also no change at all or one more than twice as large
    /// (`粮食产量1.37万亿斤，增产74亿斤` against 1.37万亿斤 the year before: anything within ±100亿斤).
    CannotTell,
    /// The change computed from the levels agrees with the stated one within the rounding of all three.
    Agrees,
}

impl ClaimVerdict {
    /// The verdict's name.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimVerdict::BaseDiffers => "base differs",
            ClaimVerdict::Disagrees => "disagrees",
            ClaimVerdict::CannotTell => "cannot tell at this rounding",
            ClaimVerdict::Agrees => "agrees",
        }
    }

    /// Whether the stated change is within the rounding of the levels.
    pub fn within_rounding(self) -> bool {
        matches!(self, ClaimVerdict::Agrees | ClaimVerdict::CannotTell)
    }
}

/// The verdict of a stated value with half a unit of rounding `hs` against a computed interval `lo..=hi`.
pub fn claim_verdict(stated: Decimal, hs: Decimal, lo: Decimal, hi: Decimal) -> ClaimVerdict {
    if stated + hs < lo || stated - hs > hi {
        ClaimVerdict::Disagrees
    } else if (lo <= Decimal::ZERO && hi >= Decimal::ZERO) || hi - lo > stated.abs() + hs + hs {
        ClaimVerdict::CannotTell
    } else {
        ClaimVerdict::Agrees
    }
}

/// Entries lined up by key and year.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Per key, per year: the entries, best first.
    pub rows: BTreeMap<Key, BTreeMap<i32, Vec<Entry>>>,
    /// Every year with a value.
    pub years: BTreeSet<i32>,
    /// Per key, per span of years: the averages, totals and changes over several years, best first. They
    /// never stand in a year's column.
    pub spans: BTreeMap<Key, BTreeMap<SpanCol, Vec<Entry>>>,
    /// Every span with a value.
    pub span_cols: BTreeSet<SpanCol>,
}

fn sort_key(k: &Key) -> (String, String, String, Kind, Status) {
    (k.0.clone(), k.1.clone(), k.3.clone(), k.2, k.4)
}

impl Table {
    /// Lines up the entries.
    pub fn new(entries: Vec<Entry>) -> Self {
        let mut t = Table::default();
        for e in entries {
            if let Some(sp) = e.span {
                t.span_cols.insert(sp);
                t.spans.entry(e.key()).or_default().entry(sp).or_default().push(e);
                continue;
            }
            t.years.insert(e.ref_year);
            t.rows.entry(e.key()).or_default().entry(e.ref_year).or_default().push(e);
        }
        let lists =
            t.rows.values_mut().flat_map(|y| y.values_mut()).chain(t.spans.values_mut().flat_map(|y| y.values_mut()));
        {
            for es in lists {
                es.sort_by(|a, b| {
                    a.distance()
                        .cmp(&b.distance())
                        .then(a.target_form().cmp(&b.target_form()))
                        .then(a.doc.cmp(&b.doc))
                        .then(a.order.cmp(&b.order))
                });
            }
        }
        t
    }

    /// The chosen entry of a key and year.
    pub fn get(&self, key: &Key, year: i32) -> Option<&Entry> {
        self.rows.get(key)?.get(&year)?.first()
    }

    /// Keys in output order: region, indicator, unit, kind, actual before target.
    pub fn keys(&self) -> Vec<&Key> {
        let mut k: Vec<&Key> =
            self.rows.keys().chain(self.spans.keys().filter(|k| !self.rows.contains_key(k))).collect();
        k.sort_by_key(|k| sort_key(k));
        k
    }

    /// The columns of the wide table in order: years, each span after the year it ends in.
    pub fn columns(&self) -> Vec<Col> {
        let mut c: Vec<Col> =
            self.years.iter().map(|&y| Col::Year(y)).chain(self.span_cols.iter().map(|&s| Col::Span(s))).collect();
        c.sort_by_key(Col::order);
        c
    }

    /// The chosen entry of a key over a span.
    pub fn get_span(&self, key: &Key, span: SpanCol) -> Option<&Entry> {
        self.spans.get(key)?.get(&span)?.first()
    }

    /// Number of years and spans a key has a value in.
    pub fn n_periods(&self, key: &Key) -> usize {
        self.n_years(key) + self.spans.get(key).map_or(0, BTreeMap::len)
    }

    /// Every entry of a key: by year, then by span.
    pub fn entries_of(&self, key: &Key) -> impl Iterator<Item = &Entry> {
        self.rows
            .get(key)
            .into_iter()
            .flat_map(|y| y.values().flatten())
            .chain(self.spans.get(key).into_iter().flat_map(|y| y.values().flatten()))
    }

    /// Whether a key's indicator is a name, so that its row goes into the wide table.
    pub fn is_named(&self, key: &Key) -> bool {
        self.entries_of(key).next().is_some_and(|e| e.naming.in_wide())
    }

    /// How a key's indicator is named.
    pub fn naming(&self, key: &Key) -> Naming {
        self.entries_of(key).next().map_or(Naming::NoSubject, |e| e.naming)
    }

    /// Number of years a key has a value in.
    pub fn n_years(&self, key: &Key) -> usize {
        self.rows.get(key).map_or(0, |y| y.len())
    }

    /// The target verdict of a target key in a year, against the actual of the same indicator.
    pub fn verdict(&self, key: &Key, year: i32) -> Option<String> {
        if key.4 != Status::Target {
            return None;
        }
        let t = self.get(key, year)?;
        let ak: Key = (key.0.clone(), key.1.clone(), key.2, key.3.clone(), Status::Actual);
        match self.get(&ak, year) {
            Some(a) => Some(target_verdict(t, a)),
            None => Some("no actual".into()),
        }
    }

    /// Changes stated against the year before (同比, 比上年 …), recomputed from the levels of both years where
    /// the year before comes from another report. Real growth (可比价, 实际增长, 扣除价格因素) is not recomputed
    /// from nominal levels, and neither are changes of approximate levels.
    pub fn claims(&self) -> Vec<Claim> {
        let mut out = Vec::new();
        for (key, per_year) in &self.rows {
            // GDP and value added grow at comparable prices by convention, whatever the sentence says.
            let real = key.2 == Kind::ChangePct && (key.1.contains("生产总值") || key.1.contains("增加值"));
            let named = per_year.values().flatten().next().is_some_and(|e| e.naming.in_wide());
            // Like with like: a result's change over the year before's result, a target's (a budget's) over the
            // year before's target (`赤字规模4.06万亿元，比上年年初预算增加1800亿元` over the 2023 budget).
            if !matches!(key.2, Kind::ChangePct | Kind::ChangeAbs) || real || !named {
                continue;
            }
            for (&y, es) in per_year {
                for stated in es {
                    let s = &stated.sentence;
                    if ["可比价", "实际增长", "扣除价格因素", "不变价", "年均"].iter().any(|w| s.contains(w))
                    {
                        continue;
                    }
                    if !is_yoy(stated) {
                        continue;
                    }
                    let level_unit = if key.2 == Kind::ChangeAbs { Some(key.3.clone()) } else { None };
                    let Some((level, base)) = self.levels(&key.0, &key.1, level_unit.as_deref(), key.4, y) else {
                        continue;
                    };
                    if base.doc == stated.doc || level.doc != stated.doc && base.doc == level.doc {
                        continue;
                    }
                    let (lo, hi, computed) = match key.2 {
                        Kind::ChangePct => {
                            if base.value.is_zero() {
                                continue;
                            }
                            let (hl, hb) = (level.level_half_unit(), base.level_half_unit());
                            let c = (level.value - base.value) / base.value * Decimal::ONE_HUNDRED;
                            let lo = ((level.value - hl) / (base.value + hb) - Decimal::ONE) * Decimal::ONE_HUNDRED;
                            let hi = if base.value - hb > Decimal::ZERO {
                                ((level.value + hl) / (base.value - hb) - Decimal::ONE) * Decimal::ONE_HUNDRED
                            } else {
                                c
                            };
                            (lo, hi, c)
                        }
                        _ => {
                            let c = level.value - base.value;
                            let h = level.level_half_unit() + base.level_half_unit();
                            (c - h, c + h, c)
                        }
                    };
                    let hs = stated.half_unit();
                    let implied = self.implied_base(stated, level);
                    let verdict = match implied {
                        Some((ib, ih)) if (ib - base.value).abs() > ih + base.level_half_unit() => {
                            ClaimVerdict::BaseDiffers
                        }
                        _ => claim_verdict(stated.value, hs, lo, hi),
                    };
                    out.push(Claim {
                        stated: stated.clone(),
                        level: level.clone(),
                        base: base.clone(),
                        computed: computed.round_dp(4),
                        agrees: verdict.within_rounding(),
                        verdict,
                        implied_base: implied.map(|(b, _)| b),
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            (a.verdict, &a.stated.region, &a.stated.indicator, a.stated.ref_year).cmp(&(
                b.verdict,
                &b.stated.region,
                &b.stated.indicator,
                b.stated.ref_year,
            ))
        });
        out
    }

    /// The level of the year before that a stated change's own report implies, with half its rounding: the
    /// level of the same report less the absolute change (the stated one, or for a growth the one of the same
    /// indicator its sentence states: `全年粮食产量70650万吨，比上年增加1109万吨，增产1.6%` → 69541万吨).
    fn implied_base(&self, stated: &Entry, level: &Entry) -> Option<(Decimal, Decimal)> {
        if level.doc != stated.doc {
            return None;
        }
        if stated.kind == Kind::ChangeAbs {
            return Some((level.value - stated.value, level.level_half_unit() + stated.half_unit()));
        }
        let key: Key =
            (stated.region.clone(), stated.indicator.clone(), Kind::ChangeAbs, level.unit.clone(), stated.status);
        let change = self.rows.get(&key)?.get(&stated.ref_year)?.iter().find(|e| {
            e.doc == stated.doc && e.sentence == stated.sentence && e.qualifier == Qualifier::Exact && is_yoy(e)
        })?;
        Some((level.value - change.value, level.level_half_unit() + change.half_unit()))
    }

    /// Exact quantity levels of an indicator in `year` and `year - 1`.
    fn levels(
        &self,
        region: &str,
        indicator: &str,
        unit: Option<&str>,
        status: Status,
        year: i32,
    ) -> Option<(&Entry, &Entry)> {
        for (key, per_year) in self
            .rows
            .range((region.to_string(), indicator.to_string(), Kind::Quantity, String::new(), Status::Actual)..)
        {
            if key.0 != region || key.1 != indicator || key.2 != Kind::Quantity {
                break;
            }
            if key.4 != status || unit.is_some_and(|u| u != key.3) {
                continue;
            }
            if let (Some(l), Some(b)) =
                (per_year.get(&year).and_then(|e| exact(e)), per_year.get(&(year - 1)).and_then(|e| exact(e)))
            {
                return Some((l, b));
            }
        }
        None
    }
}

fn exact(es: &[Entry]) -> Option<&Entry> {
    es.iter().find(|e| e.qualifier == Qualifier::Exact)
}

/// Whether a stated change is against the year before (同比, 比上年, 较上年, 比去年, or a plain 增长/下降 in a
/// report of annual figures), not against an earlier base year (比2010年).
fn is_yoy(e: &Entry) -> bool {
    // A base year is four digits and 年 after the comparison word (`比2010年增加13480元`); the digits of the
    // number itself are not one (`比上年增加1109万吨`).
    let raw = &e.raw;
    let Some(p) = ["比", "较", "同"].iter().filter_map(|w| raw.find(w)).min() else { return true };
    let after: Vec<char> = raw[p..].chars().collect();
    !after.windows(5).any(|w| w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str, k: Kind) -> Option<(String, Kind, &'static str)> {
        normalise(s, k, &Aliases::builtin()).map(|n| (n.name, n.kind, n.how.as_str()))
    }

    #[test]
    fn normalises_subjects() {
        assert_eq!(n("地区生产总值", Kind::Quantity), Some(("地区生产总值".into(), Kind::Quantity, "same words")));
        assert_eq!(n("全区地区生产总值", Kind::Quantity), Some(("地区生产总值".into(), Kind::Quantity, "normalised")));
        assert_eq!(n("国内生产总值", Kind::ChangePct), Some(("地区生产总值".into(), Kind::ChangePct, "alias")));
        assert_eq!(n("新增就业", Kind::Quantity), Some(("城镇新增就业".into(), Kind::Quantity, "alias")));
        assert_eq!(n("GDP", Kind::ChangePct).unwrap().0, "地区生产总值");
        assert_eq!(n("全年粮食总产量", Kind::Quantity).unwrap().0, "粮食产量");
        assert_eq!(n("2015年旅游收入", Kind::Quantity).unwrap().0, "旅游收入");
        assert_eq!(n("居民消费价格涨幅", Kind::ChangePct).unwrap().0, "居民消费价格");
        assert_eq!(
            n("规模以上工业增加值增速", Kind::Percent),
            Some(("规模以上工业增加值".into(), Kind::ChangePct, "normalised"))
        );
        assert_eq!(n("化学需氧量排放量比2010年", Kind::ChangePct).unwrap().0, "化学需氧量排放量");
        assert_eq!(n("经济增长预期目标", Kind::Percent), Some(("地区生产总值".into(), Kind::ChangePct, "alias")));
        assert_eq!(n("增加到", Kind::Quantity).map(|n| n.0), Some("增加到".into()));
        assert_eq!(normalise("增加到", Kind::Quantity, &Aliases::builtin()).unwrap().naming, Naming::Fragment);
    }

    #[test]
    fn never_merges_on_a_shared_word() {
        let a = |s| n(s, Kind::Quantity).unwrap().0;
        assert_ne!(a("城镇新增就业"), a("城镇调查失业率"));
        assert_ne!(a("一般公共预算收入"), a("一般公共预算支出"));
        assert_eq!(a("新增城镇就业"), a("城镇新增就业"));
        assert_eq!(a("地方公共财政预算收入"), a("一般公共预算收入"));
        assert_ne!(a("城镇居民人均可支配收入"), a("居民人均可支配收入"));
    }

    #[test]
    fn normalises_the_wordings_of_a_series() {
        // Wordings the national reports give 粮食产量 and 单位国内生产总值能耗 over the years.
        let a = |s, k| n(s, k).unwrap().0;
        for s in
            ["粮食", "粮食产量", "全年粮食总产量", "１９７９年粮食产量", "年粮食产量", "粮食产量将", "粮食产量连年"]
        {
            assert_eq!(a(s, Kind::Quantity), "粮食产量", "{s}");
        }
        for s in
            ["单位国内生产总值能耗", "单位GDP能耗", "年单位国内生产总值能耗", "能耗强度", "单位国内生产总值能耗由前"]
        {
            assert_eq!(a(s, Kind::ChangePct), "单位地区生产总值能耗", "{s}");
        }
        assert_eq!(a("提出国内生产总值", Kind::ChangePct), "地区生产总值");
        assert_eq!(a("中央财政赤字拟安排", Kind::Quantity), "中央财政赤字");
        assert_eq!(a("拟安排财政赤字", Kind::Quantity), "财政赤字");
        // A growth word in the subject makes a percentage a growth rate, not a share of it.
        assert_eq!(n("经济增长预期目标", Kind::Percent).unwrap().1, Kind::ChangePct);
        assert_eq!(n("经济增长贡献率", Kind::Percent).unwrap().1, Kind::Percent);
        // 人均国内生产总值 and 国内生产总值比重 are indicators of their own.
        assert_eq!(a("人均国内生产总值", Kind::Quantity), "人均国内生产总值");
        assert_eq!(a("国内生产总值比重", Kind::Percent), "国内生产总值比重");
    }

    #[test]
    fn national_names_at_the_national_level() {
        let al = Aliases::builtin();
        let at = |s: &str, national| {
            let n = normalise(s, Kind::ChangePct, &al).unwrap().at_level(&al, s, national);
            (n.name, n.how.as_str())
        };
        assert_eq!(at("国内生产总值", true), ("国内生产总值".into(), "same words"));
        assert_eq!(at("GDP", true), ("国内生产总值".into(), "alias"));
        assert_eq!(at("国内生产总值", false), ("地区生产总值".into(), "alias"));
        assert_eq!(at("地区生产总值", true), ("国内生产总值".into(), "alias"));
        assert_eq!(at("单位GDP能耗", true), ("单位国内生产总值能耗".into(), "alias"));
        assert!(is_national("国务院") && is_national("全国") && !is_national("上海市"));
    }

    #[test]
    fn fragments_are_not_names() {
        let naming = |s: &str| normalise(s, Kind::Quantity, &Aliases::builtin()).map(|n| n.naming);
        // Rows of the 2012–2025 tables that named no indicator (海拉尔, 国务院, 上海).
        for s in [
            "亘富",
            "全部",
            "城区",
            "哈克镇",
            "解决",
            "年人均",
            "万亿元",
            "现在国内生产总值每",
            "基础上",
            "我国",
            "这个比重",
            "自治区",
            "总产值",
            "过去四年中共",
            "18号线部分区段",
            "国务院关于鼓励引导民间投资新",
            "预算外资金却大幅度增加",
        ] {
            assert!(matches!(naming(s), Some(Naming::Fragment) | None), "{s}: {:?}", naming(s));
        }
        for (s, want) in [
            ("粮食", Naming::Known),
            ("城镇新增就业", Naming::Known),
            ("原油", Naming::Known),
            ("认知障碍照护床位", Naming::Name),
            ("以上城市细颗粒物（PM2.5）平均浓度", Naming::Name),
            ("广义货币M2", Naming::Name),
            ("高速铁路运营里程", Naming::Known),
            ("养老床位", Naming::Known),
        ] {
            assert_eq!(naming(s), Some(want), "{s}");
        }
    }

    fn entry(ind: &str, status: Status, value: &str, q: Qualifier, max: Option<&str>, unit: &str) -> Entry {
        Entry {
            region: "x".into(),
            indicator: ind.into(),
            kind: Kind::ChangePct,
            unit: unit.into(),
            status,
            ref_year: 2020,
            span: None,
            value: value.parse().unwrap(),
            value_max: max.map(|m| m.parse().unwrap()),
            qualifier: q,
            decimals: value.split('.').nth(1).map_or(0, |d| d.len() as u32),
            doc: String::new(),
            report_year: None,
            raw: value.into(),
            subject: ind.into(),
            how: MatchHow::Same,
            naming: Naming::Known,
            sentence: String::new(),
            order: 0,
        }
    }

    #[test]
    fn targets_are_met_as_the_reports_mean_them() {
        use Qualifier::*;
        let v = |ind: &str, t: &str, q, max: Option<&str>, a: &str| {
            target_verdict(
                &entry(ind, Status::Target, t, q, max, "%"),
                &entry(ind, Status::Actual, a, Exact, None, "%"),
            )
        };
        let gdp = "国内生产总值";
        // 2008: 国内生产总值增长8%左右, 2009 report: 比上年增长9% — beyond ±0.5 on the good side.
        assert_eq!(v(gdp, "8", Approx, None, "9"), "exceeded");
        // 2011: 增长8%左右 (a plain 8% reads the same), 2012 report: 比上年增长9.2％.
        assert_eq!(v(gdp, "8", Exact, None, "9.2"), "exceeded");
        assert_eq!(v(gdp, "8", Approx, None, "9.2"), "exceeded");
        assert_eq!(v(gdp, "7.5", Approx, None, "7.7"), "met (within ±0.5 of about)");
        assert_eq!(v(gdp, "5.5", Approx, None, "3"), "not met (below)");
        // A whole-number actual gets no rounding slack: 5% does not meet 5.5%以上.
        assert_eq!(v(gdp, "5.5", AtLeast, None, "5"), "not met (below)");
        assert_eq!(v(gdp, "6", AtLeast, None, "8.1"), "met");
        assert_eq!(v(gdp, "6.5", Range, Some("7"), "6.7"), "met");
        assert_eq!(v(gdp, "6", Range, Some("6.5"), "5.9"), "not met (below)");
        // A decline target: 单位国内生产总值能耗下降3.4%以上 is met by 下降5%, not by 下降3%.
        let e = "单位国内生产总值能耗";
        assert_eq!(v(e, "-3.4", AtLeast, None, "-5"), "met");
        assert_eq!(v(e, "-3.4", AtLeast, None, "-3"), "not met (above)");
        assert_eq!(v(e, "-3", Approx, None, "-5"), "met (below)");
        // Ceilings: 居民消费价格涨幅3%左右 is met below it and within 0.5 above; 失业率5.5%以内 at or below.
        let cpi = "居民消费价格";
        assert_eq!(v(cpi, "3", Approx, None, "0.2"), "met (below)");
        assert_eq!(v(cpi, "3", Approx, None, "3.4"), "met (within ±0.5 of about)");
        assert_eq!(v(cpi, "3", Approx, None, "3.6"), "not met (above)");
        assert_eq!(v("城镇调查失业率", "5.5", AtMost, None, "5.5"), "met");
        assert_eq!(v("城镇调查失业率", "5.5", AtMost, None, "5.6"), "not met (above)");
    }

    #[test]
    fn user_aliases_extend() {
        let mut al = Aliases::builtin();
        assert_eq!(normalise("接待旅客", Kind::Quantity, &al).unwrap().name, "接待旅客");
        al.add("旅游接待人数\t接待旅客\n");
        assert_eq!(normalise("接待旅客", Kind::Quantity, &al).unwrap().name, "旅游接待人数");
    }
}
