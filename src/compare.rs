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

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;
use rust_decimal::prelude::*;

use crate::analyzer::DocReport;
use crate::figure::{Kind, Qualifier};
use crate::output::fmt_decimal;
use crate::period::Status;

/// The built-in alias list.
pub const ALIASES: &str = include_str!("../dicts/aliases.txt");

/// Alias → canonical indicator name.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    map: HashMap<String, String>,
}

impl Aliases {
    /// The built-in list.
    pub fn builtin() -> Self {
        let mut a = Aliases::default();
        a.add(ALIASES);
        a
    }

    /// Adds lines of `CANONICAL<TAB>ALIAS<TAB>ALIAS…` (`#` starts a comment). A later line wins.
    pub fn add(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t').map(str::trim).filter(|s| !s.is_empty());
            let Some(canon) = parts.next() else { continue };
            for alias in parts {
                self.map.insert(alias.to_string(), canon.to_string());
            }
        }
    }

    /// The canonical name of an alias.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.map.get(name).map(String::as_str)
    }
}

/// How a figure's subject was matched to its indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchHow {
    /// The subject as stated is the indicator.
    Same,
    /// Equal after dropping words of time and place (全年, 全市 …) and growth words (增速, 涨幅 …).
    Normalised,
    /// Equal through `dicts/aliases.txt` (生产总值 = GDP = 地区生产总值).
    Alias,
}

impl MatchHow {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchHow::Same => "same words",
            MatchHow::Normalised => "normalised",
            MatchHow::Alias => "alias",
        }
    }
}

const LEAD_DROP: &[&str] = &[
    "过去一年",
    "过去五年",
    "五年来",
    "五年",
    "一年来",
    "全年",
    "年末",
    "年底",
    "年初",
    "累计",
    "全市",
    "全区",
    "全县",
    "全省",
    "全国",
    "全旗",
    "全州",
    "全盟",
    "今年",
    "去年",
    "上年",
    "当年",
    "本年",
    "年内",
    "实现",
    "完成",
    "其中",
    "我区",
    "我市",
    "我省",
    "我县",
    "初步核算",
    "预计",
    "力争",
    "确保",
    "共计",
    "合计",
    "总计",
];
const TAIL_DROP: &[&str] = &[
    "提高到",
    "增加到",
    "增长到",
    "上升到",
    "下降到",
    "降低到",
    "减少到",
    "扩大到",
    "提升到",
    "发展到",
    "达到",
    "突破",
    "预期目标",
    "目标",
    "控制在",
    "保持在",
    "稳定在",
    "分别",
    "实现",
    "完成",
    "达",
    "为",
    "约",
    "是",
    "同比",
    "比上年",
    "较上年",
    "比去年",
    "年均",
    "累计",
    "降到",
    "降至",
    "升至",
    "增至",
    "提高至",
    "上升至",
    "拟按",
    "拟",
    "要",
    "平均为",
    "平均",
    "保持",
];
/// Subjects that name no indicator of their own (a verb, a bare 投资): left out of the table.
const NOT_INDICATORS: &[&str] = &[
    "增加到",
    "提高到",
    "上年",
    "转为",
    "投资",
    "投入",
    "总投资",
    "计划投资",
    "完成投资",
    "资金",
    "项目",
    "企业",
    "地方",
    "每人每年",
    "平均每天新增",
    "比重",
    "比例",
    "贡献率",
    "人口",
    "规模",
];
/// Trailing words saying the figure is a growth rate.
const GROWTH_TAIL: &[&str] = &["增长率", "增速", "增幅", "涨幅", "增长", "上涨"];

/// A normalised subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    /// Indicator name.
    pub name: String,
    /// Kind after growth words (`增速9.7%` is a change_pct).
    pub kind: Kind,
    /// How it was matched.
    pub how: MatchHow,
}

fn strip_year_prefix(s: &str) -> &str {
    // `2015年旅游收入`, `2024 年`, `1-10月`.
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b' ') {
        i += 1;
    }
    if i >= 4 && s[i..].starts_with('年') {
        return &s[i + '年'.len_utf8()..];
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

/// The indicator a subject names, with the kind it measures, or `None` when nothing is left.
pub fn normalise(subject: &str, kind: Kind, aliases: &Aliases) -> Option<Normalised> {
    let stated = subject.trim();
    let mut s = stated.to_string();
    let mut kind = kind;
    loop {
        let before = s.clone();
        s = strip_year_prefix(&s).trim_start_matches(['，', '、', ' ', '　']).to_string();
        for w in LEAD_DROP {
            if let Some(r) = s.strip_prefix(w)
                && !r.is_empty()
            {
                s = r.to_string();
            }
        }
        s = strip_base_tail(&s).to_string();
        for w in TAIL_DROP {
            if let Some(r) = s.strip_suffix(w)
                && !r.is_empty()
            {
                s = r.to_string();
            }
        }
        for w in GROWTH_TAIL {
            if let Some(r) = s.strip_suffix(w)
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
    if s.chars().count() < 2
        || s.chars().all(|c| !c.is_alphanumeric())
        || LEAD_DROP.contains(&s.as_str())
        || TAIL_DROP.contains(&s.as_str())
        || NOT_INDICATORS.contains(&s.as_str())
        || s.contains('届')
        || s.ends_with("以下")
    {
        return None;
    }
    let (name, how) = match aliases.canonical(&s) {
        Some(c) if c != s || s != stated => {
            (c.to_string(), if c != s { MatchHow::Alias } else { MatchHow::Normalised })
        }
        _ if s != stated => (s.clone(), MatchHow::Normalised),
        _ => (s.clone(), MatchHow::Same),
    };
    // `经济增长 5%左右` is the growth of GDP.
    if name == "地区生产总值" && kind == Kind::Percent && (s.contains("增长") || s.contains("增速")) {
        kind = Kind::ChangePct;
    }
    Some(Normalised { name, kind, how })
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
    /// The year the figure is about.
    pub ref_year: i32,
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
    /// The sentence it stands in.
    pub sentence: String,
    /// Order of the figure in its report.
    pub order: usize,
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

/// The entries of some reports: figures with a ref_year and a subject.
pub fn entries(reports: &[DocReport], aliases: &Aliases) -> Vec<Entry> {
    let mut out = Vec::new();
    for r in reports {
        let region = region_of(r);
        for (i, ind) in r.indicators.iter().enumerate() {
            let f = &ind.figure;
            if !f.kind.is_indicator() || matches!(f.kind, Kind::Multiple | Kind::Ratio) {
                continue;
            }
            let Some(ry) = ind.ref_year else { continue };
            let Some(n) = normalise(&ind.subject, f.kind, aliases) else { continue };
            let (unit, factor) = comparable_unit(&f.unit);
            let scale = |v: Decimal| if matches!(n.kind, Kind::Quantity | Kind::ChangeAbs) { v * factor } else { v };
            out.push(Entry {
                region: region.clone(),
                indicator: n.name,
                kind: n.kind,
                unit,
                status: ind.status,
                ref_year: ry,
                value: scale(f.value),
                value_max: f.value_max.map(scale),
                qualifier: f.qualifier,
                decimals: f.decimals,
                doc: r.doc.clone(),
                report_year: r.year,
                raw: f.raw.clone(),
                subject: ind.subject.clone(),
                how: n.how,
                sentence: ind.sentence.clone(),
                order: i,
            });
        }
    }
    out
}

/// Indicators where lower is better, so a target is a ceiling (失业率, 居民消费价格, 能耗 …).
pub fn is_ceiling(indicator: &str) -> bool {
    ["失业率", "居民消费价格", "能耗", "排放", "赤字", "物价", "事故", "死亡"].iter().any(|w| indicator.contains(w))
}

/// Whether an actual met a target.
///
/// Ranges are met inside the range (6.5%－7% vs 6.7%: met). `左右` (about) is met within ±0.5 of the target
/// for percentages (5%左右 vs 4.9%: met, `met (within ±0.5 of about)`) and ±5% of it for other units; beyond
/// that, an actual on the good side is `exceeded`, on the bad side `not met`. For ceiling indicators
/// (失业率, 居民消费价格, 能耗 …) any actual at or below the target is met. Rounding: the actual may differ by
/// half a unit of its last stated digit.
pub fn target_verdict(target: &Entry, actual: &Entry) -> String {
    let a = actual.value;
    let h = actual.half_unit();
    let t = target.value;
    let ceiling = is_ceiling(&target.indicator) || target.value < Decimal::ZERO;
    let pct_unit = matches!(target.unit.as_str(), "%" | "百分点" | "‰");
    match target.qualifier {
        Qualifier::Range => {
            let hi = target.value_max.unwrap_or(t);
            let (lo, hi) = if t <= hi { (t, hi) } else { (hi, t) };
            if a + h >= lo && a - h <= hi {
                "met".into()
            } else if a > hi {
                if ceiling { "not met (above)".into() } else { "exceeded".into() }
            } else if ceiling {
                "met (below)".into()
            } else {
                "not met (below)".into()
            }
        }
        Qualifier::Approx => {
            let tol = if pct_unit { Decimal::new(5, 1) } else { (t * Decimal::new(5, 2)).abs() };
            if (a - t).abs() <= tol + h {
                if (a - t).abs() <= h { "met".into() } else { format!("met (within ±{} of about)", fmt_decimal(tol)) }
            } else if a > t {
                if ceiling { "not met (above)".into() } else { "exceeded".into() }
            } else if ceiling {
                "met (below)".into()
            } else {
                "not met (below)".into()
            }
        }
        Qualifier::AtLeast => {
            if a + h >= t {
                "met".into()
            } else {
                "not met (below)".into()
            }
        }
        Qualifier::AtMost => {
            if a - h <= t {
                "met".into()
            } else {
                "not met (above)".into()
            }
        }
        Qualifier::Exact => {
            if (a - t).abs() <= h {
                "met".into()
            } else if ceiling {
                if a < t { "met (below)".into() } else { "not met (above)".into() }
            } else if a > t {
                "exceeded".into()
            } else {
                "not met (below)".into()
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
    /// Whether the stated change agrees within rounding.
    pub agrees: bool,
}

/// Entries lined up by key and year.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Per key, per year: the entries, best first.
    pub rows: BTreeMap<Key, BTreeMap<i32, Vec<Entry>>>,
    /// Every year with a value.
    pub years: BTreeSet<i32>,
}

fn sort_key(k: &Key) -> (String, String, String, Kind, Status) {
    (k.0.clone(), k.1.clone(), k.3.clone(), k.2, k.4)
}

impl Table {
    /// Lines up the entries.
    pub fn new(entries: Vec<Entry>) -> Self {
        let mut t = Table::default();
        for e in entries {
            t.years.insert(e.ref_year);
            t.rows.entry(e.key()).or_default().entry(e.ref_year).or_default().push(e);
        }
        for years in t.rows.values_mut() {
            for es in years.values_mut() {
                es.sort_by(|a, b| a.distance().cmp(&b.distance()).then(a.doc.cmp(&b.doc)).then(a.order.cmp(&b.order)));
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
        let mut k: Vec<&Key> = self.rows.keys().collect();
        k.sort_by_key(|k| sort_key(k));
        k
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
            if key.4 != Status::Actual || !matches!(key.2, Kind::ChangePct | Kind::ChangeAbs) || real {
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
                    let Some((level, base)) = self.levels(&key.0, &key.1, level_unit.as_deref(), y) else { continue };
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
                    let agrees = stated.value + hs >= lo && stated.value - hs <= hi;
                    out.push(Claim {
                        stated: stated.clone(),
                        level: level.clone(),
                        base: base.clone(),
                        computed: computed.round_dp(4),
                        agrees,
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            (a.agrees, &a.stated.region, &a.stated.indicator, a.stated.ref_year).cmp(&(
                b.agrees,
                &b.stated.region,
                &b.stated.indicator,
                b.stated.ref_year,
            ))
        });
        out
    }

    /// Exact quantity levels of an indicator in `year` and `year - 1`.
    fn levels(&self, region: &str, indicator: &str, unit: Option<&str>, year: i32) -> Option<(&Entry, &Entry)> {
        for (key, per_year) in self
            .rows
            .range((region.to_string(), indicator.to_string(), Kind::Quantity, String::new(), Status::Actual)..)
        {
            if key.0 != region || key.1 != indicator || key.2 != Kind::Quantity {
                break;
            }
            if key.4 != Status::Actual || unit.is_some_and(|u| u != key.3) {
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
    let raw = &e.raw;
    let has_year_base =
        raw.contains("比") && raw.chars().filter(|c| c.is_ascii_digit()).count() >= 4 && raw.contains('年');
    if has_year_base {
        return false;
    }
    true
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
        assert_eq!(n("增加到", Kind::Quantity), None);
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
    fn user_aliases_extend() {
        let mut al = Aliases::builtin();
        assert_eq!(normalise("接待旅客", Kind::Quantity, &al).unwrap().name, "接待旅客");
        al.add("旅游接待人数\t接待旅客\n");
        assert_eq!(normalise("接待旅客", Kind::Quantity, &al).unwrap().name, "旅游接待人数");
    }
}
