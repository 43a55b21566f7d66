//! Checks every stated percentage against the figures it is computed from.
//!
//! Relations come from the grammar of one sentence, never from trying combinations of numbers:
//! a rate after the counts it divides (`排查矛盾纠纷3559件,化解3439件,成功率达96.6%`), a change beside its
//! level (`全年立刑事案件428起,同比减少153起,下降26.33%`), `由A增加到B，增长P%`, 年均 growth between two
//! dated levels, percentage points between two stated rates. Anything else is `unverifiable`, with what is
//! missing. The stated decimals set the tolerance: 96.6% holds for a computed value that rounds half-up or
//! truncates to 96.6; levels stated in 万 or with decimals carry their own rounding, which widens the
//! computed value into a range.

use rust_decimal::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::analyzer::{DocReport, Indicator, is_checkable};
use crate::figure::{Figure, Kind, Qualifier};
use crate::link::{Relation, SentenceText};
use crate::relate::Store;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The stated figure agrees with the figures it comes from, within the stated rounding.
    Consistent,
    /// It does not.
    Inconsistent,
    /// It cannot be recomputed from what the report states (the detail says what is missing).
    Unverifiable,
}

impl Verdict {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Inconsistent => "inconsistent",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// What the check of one stated percentage found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index of the indicator in the report.
    pub index: usize,
    /// The verdict.
    pub verdict: Verdict,
    /// The value computed from the related figures (in % or 百分点), when there is one.
    pub computed: Option<Decimal>,
    /// The formula with its numbers (empty when nothing could be computed).
    pub formula: String,
    /// The formula, which rounding held, alternatives, or what is missing.
    pub detail: String,
    /// The figures the value was computed from (report indices), in the order of the formula.
    pub operands: Vec<usize>,
}

/// One checked figure with the interval its stated precision allows (what `zhibiao verify` lists).
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// Index of the indicator in the report.
    pub index: usize,
    /// The verdict.
    pub verdict: Verdict,
    /// The value computed from the related figures (in % or 百分点), when there is one.
    pub computed: Option<Decimal>,
    /// The interval the stated precision allows.
    pub tolerance: String,
    /// The same interval as numbers in the stated figure's sign, `(low, high)` (see [`bounds`]).
    pub bounds: (Option<Decimal>, Option<Decimal>),
    /// The formula with its numbers (empty when nothing could be computed).
    pub formula: String,
    /// The formula, which rounding held, alternatives, or what is missing.
    pub detail: String,
    /// The figures the value was computed from (report indices), in the order of the formula.
    pub operands: Vec<usize>,
}

/// Every finding of a report, with the tolerance of each stated figure, in text order.
pub fn checks(lx: &VerifyLex, report: &DocReport) -> Vec<Check> {
    report
        .findings
        .iter()
        .map(|c| Check {
            index: c.index,
            verdict: c.verdict,
            computed: c.computed,
            tolerance: tolerance(lx, &report.indicators[c.index].figure),
            bounds: bounds(lx, &report.indicators[c.index].figure),
            formula: c.formula.clone(),
            detail: c.detail.clone(),
            operands: c.operands.clone(),
        })
        .collect()
}

/// The checks' words, taken once from the lexicon.
#[derive(Debug, Clone)]
pub struct VerifyLex {
    pub(crate) rate_ends: Vec<String>,
    pub(crate) rate_links: Vec<String>,
    pub(crate) share_markers: Vec<String>,
    strict_bounds: Vec<String>,
    pub(crate) subset_markers: Vec<String>,
    pub(crate) bigram_stop: Vec<String>,
    prices_stated: Vec<String>,
    prices_real: Vec<String>,
    prices_convention: Vec<String>,
    distributive: Vec<String>,
    pub(crate) possessive: Vec<String>,
    suffix_qualifiers: Vec<String>,
    money_units: Vec<String>,
    multiple_units: Vec<String>,
    pub(crate) name_trims: Vec<String>,
    pub(crate) contribution_words: Vec<String>,
    pub(crate) rate_defs: Vec<(String, Vec<String>)>,
    pub(crate) part_sums: Vec<Vec<String>>,
    /// Every name of a part in `part_sums`, looked up once per level.
    pub(crate) part_names: rustc_hash::FxHashSet<String>,
    /// The names of the levels per head `rate_defs` defines.
    pub(crate) per_head_names: Vec<String>,
    pub(crate) comparison_openers: Vec<String>,
}

impl VerifyLex {
    /// The words of `dicts`.
    pub fn new(d: &crate::Dicts) -> Self {
        let owned = |w: &crate::dicts::Words| w.iter().map(String::from).collect::<Vec<_>>();
        let v = &d.verify;
        let suffix_qualifiers = d
            .number
            .qualifiers
            .iter()
            .filter(|(_, q)| matches!(q.at, crate::dicts::QualifierAt::After { .. }))
            .map(|(w, _)| w.to_string())
            .collect();
        VerifyLex {
            rate_ends: owned(&v.rate_ends),
            rate_links: owned(&v.rate_links),
            share_markers: owned(&v.share_markers),
            strict_bounds: owned(&v.strict_bounds),
            subset_markers: owned(&v.subset_markers),
            bigram_stop: owned(&v.bigram_stop),
            prices_stated: owned(&v.prices_stated),
            prices_real: owned(&v.prices_real),
            prices_convention: owned(&v.prices_convention),
            distributive: owned(&d.number.distributive),
            possessive: owned(&d.subject.possessive),
            suffix_qualifiers,
            money_units: d.unit_names(crate::dicts::UnitClass::Money),
            multiple_units: d.unit_surfaces(crate::dicts::UnitClass::Multiple),
            name_trims: owned(&v.name_trims),
            comparison_openers: owned(&d.number.comparison_openers),
            contribution_words: owned(&v.contribution_words),
            rate_defs: v.rate_defs.iter().map(|(w, d)| (w.to_string(), d.clone())).collect(),
            part_sums: v.part_sums.iter().map(|(_, d)| d.clone()).collect(),
            part_names: v
                .part_sums
                .iter()
                .flat_map(|(_, d)| d[1..].iter().flat_map(|p| p.split('|')).map(String::from).collect::<Vec<_>>())
                .collect(),
            per_head_names: v
                .rate_defs
                .iter()
                .filter(|(_, d)| d[0] == "per_head")
                .map(|(w, _)| w.to_string())
                .collect(),
        }
    }

    fn holds(list: &[String], s: &str) -> bool {
        list.iter().any(|w| s.contains(w.as_str()))
    }
}

/// Checks every percent, change_pct and change_pp indicator of a report against the figures the link stage
/// relates it to, in text order.
pub fn findings(lx: &VerifyLex, indicators: &[Indicator], relations: &[Relation]) -> Vec<Finding> {
    // The relations of each figure that a check reads, by the figure checked.
    let mut by_figure: rustc_hash::FxHashMap<usize, Vec<&Relation>> = Default::default();
    for r in relations {
        let k = match r {
            Relation::FromTo { change, .. } => *change,
            Relation::Chain { growth, .. } => *growth,
            Relation::AnnualAverage { rate, .. } | Relation::RateOver { rate, .. } => *rate,
            Relation::ChangeOf { .. } | Relation::List { .. } => continue,
        };
        by_figure.entry(k).or_default().push(r);
    }
    let none: Vec<&Relation> = Vec::new();
    let store = Store::new(lx, indicators);
    let mut out = Vec::new();
    let mut i = 0;
    while i < indicators.len() {
        let span = indicators[i].sentence_span;
        let mut j = i;
        while j < indicators.len() && indicators[j].sentence_span == span {
            j += 1;
        }
        // A sentence's characters are collected only when one of its figures is checked.
        if indicators[i..j].iter().any(|ind| is_checkable(ind.figure.kind)) {
            let sent = Sentence::new(lx, &indicators[i..j], i);
            for k in 0..(j - i) {
                if let Some(c) = level_check(&store, indicators, i + k) {
                    out.push(c);
                } else if is_checkable(indicators[i + k].figure.kind) {
                    let rels = by_figure.get(&(i + k)).unwrap_or(&none);
                    let mut c = sent.check(k, rels);
                    if c.verdict == Verdict::Unverifiable
                        && c.formula.is_empty()
                        && let Some(found) = sent.across(&store, k)
                    {
                        c = found;
                    }
                    out.push(c);
                }
            }
        } else {
            out.extend((i..j).filter_map(|k| level_check(&store, indicators, k)));
        }
        i = j;
    }
    out
}

/// The check of a level the report states the parts of (`dicts/part_sums.tsv`): only levels with such a
/// relation are checked, so a level without one gives no finding at all.
fn level_check(store: &Store, indicators: &[Indicator], k: usize) -> Option<Finding> {
    if !store.may_be_part(k) {
        return None;
    }
    let d = store.derive(k)?;
    let f = &indicators[k].figure;
    let h = half_quantum(f);
    // A level per head is a quotient, rounded to its last stated digit even when stated as a whole number.
    let h = if h.is_zero() && d.what.starts_with("level per head") { Decimal::new(5, f.decimals + 1) } else { h };
    let (lo, hi) = (d.low.min(d.high), d.high.max(d.low));
    let (lo, hi) = (lo.round_dp(f.decimals + 2), hi.round_dp(f.decimals + 2));
    let unit = &f.unit;
    let (verdict, how) = if f.value + h >= lo && f.value - h <= hi {
        let how = if d.value == f.value {
            "the sum is exact".to_string()
        } else {
            format!("holds within the rounding of the stated levels (range {}–{}{unit})", show(lo), show(hi))
        };
        (Verdict::Consistent, how)
    } else {
        (
            Verdict::Inconsistent,
            format!("stated {}{unit} ± {}, outside the range {}–{}{unit}", show(f.value), show(h), show(lo), show(hi)),
        )
    };
    let (verdict, how) = if verdict == Verdict::Inconsistent && d.confirms_only {
        (Verdict::Unverifiable, format!("{how}; {}", d.why_unsure))
    } else {
        (verdict, how)
    };
    let shown = show(d.value.round_dp(f.decimals + 2));
    let detail = format!("{}: {} = {shown}{unit}; {how}", d.what, d.formula);
    let computed = Some(d.value.round_dp(f.decimals + 4).normalize());
    Some(Finding { index: k, verdict, computed, formula: d.formula, detail, operands: d.operands })
}

/// The figures of one sentence and its text.
struct Sentence<'a> {
    lx: &'a VerifyLex,
    inds: &'a [Indicator],
    view: SentenceText<'a>,
}

impl<'a> Sentence<'a> {
    fn new(lx: &'a VerifyLex, inds: &'a [Indicator], offset: usize) -> Self {
        let figs = inds.iter().map(|i| &i.figure).collect();
        let view = SentenceText::new(&inds[0].sentence, inds[0].sentence_span.0, figs, offset);
        Sentence { lx, inds, view }
    }

    fn fig(&self, k: usize) -> &Figure {
        &self.inds[k].figure
    }

    /// The sentence figure of a report index.
    fn local(&self, global: usize) -> usize {
        global - self.view.offset
    }

    /// Sentence text between two absolute offsets.
    fn text(&self, a: usize, b: usize) -> String {
        self.view.slice(a, b)
    }

    fn whole(&self) -> &str {
        &self.inds[0].sentence
    }

    fn clause_start(&self, pos: usize) -> usize {
        self.view.clause_start(pos)
    }

    fn clause_end(&self, pos: usize) -> usize {
        self.view.clause_end(pos)
    }

    fn seps_between(&self, a: usize, b: usize) -> usize {
        self.view.seps_between(a, b)
    }

    fn raw_num(&self, f: &Figure) -> String {
        raw_num(self.lx, f)
    }

    fn result(&self, k: usize, verdict: Verdict, detail: String) -> Finding {
        Finding {
            index: self.view.offset + k,
            verdict,
            computed: None,
            formula: String::new(),
            detail,
            operands: Vec::new(),
        }
    }

    /// The check of figure `k` against figures elsewhere in the report (see [`crate::relate`]), when the
    /// sentence alone gave none. Growth at comparable prices stays unverifiable, with its nominal value.
    fn across(&self, store: &Store, k: usize) -> Option<Finding> {
        let d = store.derive(self.view.offset + k)?;
        let f = self.fig(k);
        let confirms_only = d.confirms_only;
        let mut c = judged(self.lx, f, self.view.offset + k, d.value, d.low, d.high, d.formula, d.what, d.operands);
        if confirms_only && c.verdict == Verdict::Inconsistent {
            c.verdict = Verdict::Unverifiable;
            let why = if d.why_unsure.is_empty() {
                "the list may not be exhaustive, or its parts may overlap"
            } else {
                d.why_unsure
            };
            c.detail = format!("{}; {why}", c.detail);
        }
        if f.kind == Kind::ChangePct
            && let Some(why) = self.comparable_prices(k)
        {
            let nominal = c.computed.map(|v| show(v.round_dp(2))).unwrap_or_default();
            c.detail = format!(
                "{why}: not checked against nominal levels; nominal {} = {nominal}%, not comparable",
                c.formula
            );
            c.verdict = Verdict::Unverifiable;
        }
        Some(c)
    }

    fn check(&self, k: usize, rels: &[&Relation]) -> Finding {
        let f = self.fig(k);
        match f.kind {
            Kind::ChangePct => self.check_change_pct(k, rels),
            Kind::ChangePp => self.check_pp(k, rels),
            _ => self.check_rate(k, rels),
        }
    }

    /// Whether growth of this figure is stated at comparable prices (GDP, 增加值, 实际增长 …).
    fn comparable_prices(&self, k: usize) -> Option<&'static str> {
        let f = self.fig(k);
        let clause = self.text(self.clause_start(f.start), f.start);
        let sentence = self.whole();
        if VerifyLex::holds(&self.lx.prices_stated, sentence) {
            return Some("growth stated at comparable prices (按可比价格计算)");
        }
        // `扣除物价上涨因素，平均每年增长8.6%` (national_gwr_utf8/china_1988_gwr.txt): the words may stand in a clause
        // of their own, anywhere after the figure before.
        let since = if k > 0 { self.fig(k - 1).end.min(f.start) } else { self.clause_start(f.start) };
        if VerifyLex::holds(&self.lx.prices_real, &self.text(since.min(self.clause_start(f.start)), f.start)) {
            return Some("real growth (实际增长), net of price changes");
        }
        let subj = &self.inds[k].subject;
        if VerifyLex::holds(&self.lx.prices_convention, subj) || VerifyLex::holds(&self.lx.prices_convention, &clause) {
            return Some("growth of 生产总值/增加值 is measured at comparable prices");
        }
        None
    }

    fn check_change_pct(&self, k: usize, rels: &[&Relation]) -> Finding {
        let comparable = self.comparable_prices(k);
        let annual = rels.iter().find_map(|r| match r {
            Relation::AnnualAverage { levels, years, .. } => Some((levels, years)),
            _ => None,
        });
        let mut c = if let Some((levels, years)) = annual {
            self.annual_average(k, levels, years)
        } else {
            // The readings the link stage found, in the order they are tried; the first one that can be
            // computed gives the verdict.
            let computed = rels.iter().find_map(|r| match r {
                Relation::FromTo { from, to, .. } => self.change_from_to(k, self.local(*from), self.local(*to)),
                Relation::Chain { level, delta, level_is_base, listed: false, .. } => {
                    self.level_and_change(k, self.local(*level), self.local(*delta), *level_is_base)
                }
                Relation::Chain { level, delta, listed: true, .. } => {
                    self.listed_level_and_change(k, self.local(*level), self.local(*delta))
                }
                _ => None,
            });
            match computed {
                Some(c) => c,
                None if VerifyLex::holds(&self.lx.distributive, self.whole()) => self.result(
                    k,
                    Verdict::Unverifiable,
                    "分别 list: the previous levels are not stated in this sentence".into(),
                ),
                None => self.result(
                    k,
                    Verdict::Unverifiable,
                    "no previous level or absolute change stated beside it".into(),
                ),
            }
        };
        if let Some(why) = comparable {
            if c.verdict != Verdict::Unverifiable || !c.formula.is_empty() {
                let nominal = match c.computed {
                    Some(v) => format!("; nominal {} = {}%, not comparable", c.formula, show(v.round_dp(2))),
                    None => String::new(),
                };
                c.detail = format!("{why}: not checked against nominal levels{nominal}");
            } else {
                c.detail = format!("{why}; {}", c.detail);
            }
            c.verdict = Verdict::Unverifiable;
        }
        c
    }

    /// `由A增加到B，增长P%`: the change between the two levels.
    fn change_from_to(&self, k: usize, a: usize, b: usize) -> Option<Finding> {
        let (fa, fb) = (self.fig(a), self.fig(b));
        if fa.value.is_zero() {
            return None;
        }
        let (da, db) = (half_quantum(fa), half_quantum(fb));
        let r = (fb.value - fa.value) / fa.value * Decimal::ONE_HUNDRED;
        let lo = ((fb.value - db) - (fa.value + da)) / (fa.value + da) * Decimal::ONE_HUNDRED;
        let hi = if fa.value - da > Decimal::ZERO {
            ((fb.value + db) - (fa.value - da)) / (fa.value - da) * Decimal::ONE_HUNDRED
        } else {
            r
        };
        let formula = format!("({} − {}) / {}", self.raw_num(fb), self.raw_num(fa), self.raw_num(fa));
        Some(self.judged(k, r, lo, hi, formula, "levels 由…到…", &[a, b]))
    }

    /// `428起,同比减少153起,下降26.33%`: level, absolute change, relative change in a row.
    fn level_and_change(&self, k: usize, q: usize, d: usize, q_is_base: bool) -> Option<Finding> {
        let (fq, fd) = (self.fig(q), self.fig(d));
        if self.split_number(fq) || self.split_number(fd) {
            return Some(self.result(
                k,
                Verdict::Unverifiable,
                "a level may be cut by a thousands separator (1，753): not checked".into(),
            ));
        }
        let dd = half_quantum(fd);
        let dq = half_quantum(fq);
        let (r, lo, hi, formula) = if q_is_base {
            if fq.value.is_zero() {
                return None;
            }
            let r = fd.value / fq.value * Decimal::ONE_HUNDRED;
            let (lo, hi) = ratio_range(fd.value.abs(), dd, fq.value, dq);
            let (lo, hi) = signed_range(fd.value, lo, hi);
            (r, lo, hi, format!("{} / {}", self.raw_num(fd), self.raw_num(fq)))
        } else {
            let base = fq.value - fd.value;
            if base <= Decimal::ZERO {
                return None;
            }
            let r = fd.value / base * Decimal::ONE_HUNDRED;
            let (lo, hi) = ratio_range(fd.value.abs(), dd, base, dq + dd);
            let (lo, hi) = signed_range(fd.value, lo, hi);
            let op = if fd.value < Decimal::ZERO { "+" } else { "−" };
            (r, lo, hi, format!("{} / ({} {op} {})", self.raw_num(fd), self.raw_num(fq), self.raw_num(fd)))
        };
        Some(self.judged(k, r, lo, hi, formula, "change beside its level", &[q, d]))
    }

    /// `82起，死亡48人，同比分别减少8起、4人，分别下降8.89%、7.69%`: a rate of a 分别 list with the change and
    /// the level the lists pair it with.
    fn listed_level_and_change(&self, k: usize, q: usize, d: usize) -> Option<Finding> {
        let (fq, fd) = (self.fig(q), self.fig(d));
        if self.split_number(fq) || self.split_number(fd) {
            return None;
        }
        let (r, lo, hi, op) = change_over_base(fq, fd)?;
        let formula = format!("{} / ({} {op} {})", self.raw_num(fd), self.raw_num(fq), self.raw_num(fd));
        Some(self.judged(k, r, lo, hi, formula, "分别 list: change beside its level", &[q, d]))
    }

    /// 年均增长P% between two levels stated with their years.
    fn annual_average(&self, k: usize, levels: &[usize], years: &[i32]) -> Finding {
        if levels.len() != 2 || years.len() != 2 || years[1] <= years[0] {
            return self.result(
                k,
                Verdict::Unverifiable,
                "年均 growth: two levels with their years are not both stated in this sentence".into(),
            );
        }
        let (fa, fb) = (self.fig(self.local(levels[0])), self.fig(self.local(levels[1])));
        let n = i64::from(years[1] - years[0]);
        let (a, b) = (fa.value.to_f64().unwrap_or(0.0), fb.value.to_f64().unwrap_or(0.0));
        if a <= 0.0 || b <= 0.0 {
            return self.result(k, Verdict::Unverifiable, "年均 growth: levels not positive".into());
        }
        let g = |a: f64, b: f64| ((b / a).powf(1.0 / n as f64) - 1.0) * 100.0;
        let (da, db) = (half_quantum(fa).to_f64().unwrap_or(0.0), half_quantum(fb).to_f64().unwrap_or(0.0));
        let r = g(a, b);
        let lo = g(a + da, b - db);
        let hi = g((a - da).max(a * 0.5), b + db);
        let dec = |x: f64| Decimal::from_f64(x).unwrap_or_default().round_dp(10);
        let formula = format!("({} / {})^(1/{n}) − 1 [{}→{}]", self.raw_num(fb), self.raw_num(fa), years[0], years[1]);
        let ops = [self.local(levels[0]), self.local(levels[1])];
        self.judged(k, dec(r), dec(lo), dec(hi), formula, "年均 growth", &ops)
    }

    /// A rate or share after the counts it divides.
    fn check_rate(&self, k: usize, rels: &[&Relation]) -> Finding {
        let lx = self.lx;
        let f = self.fig(k);
        let subject = self.inds[k].subject.trim().to_string();
        let mut before = self.text(self.clause_start(f.start), f.num_start);
        // `成功率达96.6%`, `占比超过`: the link word or qualifier before the number is no part of the rate's name.
        loop {
            let trimmed = before.trim_end_matches(['：', ':']).len();
            before.truncate(trimmed);
            match lx.rate_links.iter().find(|w| before.ends_with(w.as_str())) {
                Some(w) => before.truncate(before.len() - w.len()),
                None => break,
            }
        }
        let before = before.as_str();
        let rate_like = lx.rate_ends.iter().any(|w| subject.ends_with(w.as_str()) || before.ends_with(w.as_str()))
            || VerifyLex::holds(&lx.share_markers, before);
        if !rate_like {
            return self.result(k, Verdict::Unverifiable, "not a rate of stated counts: no base stated".into());
        }
        // The chain of counts right before the rate, as the link stage found it.
        let counts: Vec<usize> = rels
            .iter()
            .find_map(|r| match r {
                Relation::RateOver { counts, .. } => Some(counts.iter().map(|&c| self.local(c)).collect()),
                _ => None,
            })
            .unwrap_or_default();
        if counts.iter().any(|&c| self.fig(c).qualifier != Qualifier::Exact) {
            return self.result(k, Verdict::Unverifiable, "the counts are stated approximately".into());
        }
        let scale = if f.unit == "‰" { Decimal::ONE_THOUSAND } else { Decimal::ONE_HUNDRED };
        let sym = if f.unit == "‰" { "‰" } else { "%" };
        match counts.len() {
            0 => self.result(k, Verdict::Unverifiable, "no counts stated before the rate: no base stated".into()),
            1 => {
                let n = self.fig(counts[0]);
                let detail = match f.qualifier {
                    Qualifier::AtLeast | Qualifier::AtMost if n.decimals == 0 && !lx.money_units.contains(&n.unit) => {
                        let exact = n.value * f.value / scale;
                        let (word, m) = if f.qualifier == Qualifier::AtLeast {
                            let at = self.text(self.clause_start(f.start), f.num_start);
                            let strict = lx.strict_bounds.iter().any(|w| at.ends_with(w.as_str()));
                            let m = if strict { exact.floor() + Decimal::ONE } else { exact.ceil() };
                            ("at least", m)
                        } else {
                            ("at most", exact.floor())
                        };
                        format!(
                            "bound: {} of {} implies {word} {} ({}×{}{sym}); the count itself is not stated",
                            f.raw,
                            self.raw_num(n),
                            show(m),
                            self.raw_num(n),
                            show(f.value)
                        )
                    }
                    _ => format!("only one count stated ({}); the other term of the rate is missing", self.raw_num(n)),
                };
                self.result(k, Verdict::Unverifiable, detail)
            }
            2 => {
                let (fa, fb) = (self.fig(counts[0]), self.fig(counts[1]));
                if fa.value <= Decimal::ZERO || fb.value > fa.value + half_quantum(fa) + half_quantum(fb) {
                    return self.result(
                        k,
                        Verdict::Unverifiable,
                        format!("{} exceeds {}: not a part of it", self.raw_num(fb), self.raw_num(fa)),
                    );
                }
                if let Some(why) = self.rate_unlinked(k, counts[0], counts[1], &subject, before) {
                    let r = (fb.value / fa.value * scale).round_dp(2);
                    return self.result(
                        k,
                        Verdict::Unverifiable,
                        format!("{why}; {} / {} would give {}{sym}", self.raw_num(fb), self.raw_num(fa), show(r)),
                    );
                }
                let r = fb.value / fa.value * scale;
                let (lo, hi) = ratio_range(fb.value, half_quantum(fb), fa.value, half_quantum(fa));
                let (lo, hi) = (lo * scale / Decimal::ONE_HUNDRED, hi * scale / Decimal::ONE_HUNDRED);
                let formula = format!("{} / {}", self.raw_num(fb), self.raw_num(fa));
                self.judged(k, r, lo, hi, formula, "share of the counts before it", &[counts[1], counts[0]])
            }
            _ => {
                let total = self.fig(counts[0]);
                let mut alts = Vec::new();
                if total.value > Decimal::ZERO {
                    for &c in &counts[1..] {
                        let p = self.fig(c);
                        alts.push(format!(
                            "{}/{} = {}{sym}",
                            self.raw_num(p),
                            self.raw_num(total),
                            show((p.value / total.value * scale).round_dp(2))
                        ));
                    }
                    let sum: Decimal = counts[1..].iter().map(|&c| self.fig(c).value).sum();
                    alts.push(format!(
                        "(sum of parts)/{} = {}{sym}",
                        self.raw_num(total),
                        show((sum / total.value * scale).round_dp(2))
                    ));
                }
                self.result(
                    k,
                    Verdict::Unverifiable,
                    format!(
                        "{} counts before the rate; which are its terms is not clear: {}",
                        counts.len(),
                        alts.join("; ")
                    ),
                )
            }
        }
    }

    /// Why the rate at `k` is not clearly the share `b`/`a` of the two counts before it (None when it is).
    fn rate_unlinked(&self, k: usize, a: usize, b: usize, subject: &str, before: &str) -> Option<String> {
        let lx = self.lx;
        let (f, fa, fb) = (self.fig(k), self.fig(a), self.fig(b));
        if self.seps_between(fa.end, fb.start) > 1 || self.seps_between(fb.end, f.start) > 1 {
            return Some("the counts and the rate are not in adjacent clauses".into());
        }
        if self.split_number(fa) || self.split_number(fb) {
            return Some("a count may be cut by a thousands separator".into());
        }
        // The numerator's clause, whole (`有18个行业同比增长`), and the words before its number.
        let num_clause = self.text(self.clause_start(fb.start), self.clause_end(fb.end));
        let num_before = self.text(self.clause_start(fb.start), fb.num_start);
        let den_clause = self.text(self.clause_start(fa.start), self.clause_end(fa.end));
        if let Some((p, marker)) = lx.share_markers.iter().find_map(|m| before.find(m.as_str()).map(|p| (p, m))) {
            // `X占Y的P%`: X must be the numerator and Y the denominator.
            let own = &before[..p];
            let mut base = &before[p + marker.len()..];
            while let Some(w) = lx.possessive.iter().find(|w| base.ends_with(w.as_str())) {
                base = &base[..base.len() - w.len()];
            }
            let own_ok = own.chars().filter(|c| is_cjk(*c)).count() == 0 || shares_bigram(lx, own, &num_clause);
            let base_ok = base.is_empty() || shares_bigram(lx, base, &den_clause);
            return if own_ok && base_ok {
                None
            } else {
                Some(format!("the share names its own terms ({before}), not the counts before it"))
            };
        }
        // The rate's name without the word that makes it a rate (成功率 → 成功, 所占比重 → 所).
        let rate_chars: Vec<char> = lx.rate_ends.iter().chain(&lx.share_markers).flat_map(|w| w.chars()).collect();
        let stem = subject.trim_end_matches(|c: char| rate_chars.contains(&c));
        let stem = if stem.is_empty() { before } else { stem };
        // The rate names its part: a word of the numerator's clause that the denominator's lacks, at the
        // end of the rate's name (`城镇化率` after `城镇常住人口`). A word earlier in the name names the base
        // instead: `应届毕业生121.7万人，毕业生就业率97%` is employed graduates over graduates, not this share.
        let stem_chars: Vec<char> = stem.chars().filter(|c| is_cjk(*c)).collect();
        let tail: String = stem_chars[stem_chars.len().saturating_sub(3)..].iter().collect();
        if shares_bigram_not_in(lx, &tail, &num_clause, &den_clause) {
            return None;
        }
        // `排查3559件,化解3439件,成功率96.6%`: a bare verb states the part, and nothing follows its count
        // (`9880万人领取养老金` names what the people did; `覆盖面` is not their share).
        let num_after = self.text(fb.end, self.clause_end(fb.end));
        if num_after.chars().any(is_cjk) {
            return Some(format!("the rate ({subject}) does not name the counts before it"));
        }
        let mut num_before = num_before.as_str();
        while let Some(w) = lx.subset_markers.iter().find(|w| num_before.starts_with(w.as_str())) {
            num_before = &num_before[w.len()..];
        }
        let bare = num_before.chars().filter(|c| is_cjk(*c)).count();
        // A rate with a long name of its own (城镇登记失业率) is an indicator of its own, not this share.
        let named = stem.chars().filter(|c| is_cjk(*c)).count();
        if bare <= 3 && named <= 3 && self.seps_between(fb.end, f.start) == 1 {
            return None;
        }
        Some(format!("the rate ({subject}) does not name the counts before it"))
    }

    /// `1，753亿元`: the number layer may have cut a number at a full-width thousands separator.
    fn split_number(&self, f: &Figure) -> bool {
        let (Some(sep), Some(digit)) =
            (self.view.char_at(f.num_start.wrapping_sub(1)), self.view.char_at(f.num_start.wrapping_sub(2)))
        else {
            return false;
        };
        matches!(sep, '，' | ',') && (digit.is_ascii_digit() || ('０'..='９').contains(&digit))
    }

    /// Percentage points between two stated rates (`由A%提高到B%，提高X个百分点`).
    fn check_pp(&self, k: usize, rels: &[&Relation]) -> Finding {
        let from_to = rels.iter().find_map(|r| match r {
            Relation::FromTo { from, to, .. } => Some((self.local(*from), self.local(*to))),
            _ => None,
        });
        if let Some((a, b)) = from_to {
            let (fa, fb) = (self.fig(a), self.fig(b));
            let r = fb.value - fa.value;
            let d = half_quantum(fa) + half_quantum(fb);
            let formula = format!("{} − {}", self.raw_num(fb), self.raw_num(fa));
            return self.judged(k, r, r - d, r + d, formula, "difference of the stated rates", &[b, a]);
        }
        self.result(k, Verdict::Unverifiable, "the earlier rate is not stated beside it".into())
    }

    /// The verdict for a computed value `r` (range `lo`..`hi` from the levels' own rounding).
    #[allow(clippy::too_many_arguments)]
    fn judged(
        &self,
        k: usize,
        r: Decimal,
        lo: Decimal,
        hi: Decimal,
        formula: String,
        what: &str,
        ops: &[usize],
    ) -> Finding {
        let ops = ops.iter().map(|&o| self.view.offset + o).collect();
        judged(self.lx, self.fig(k), self.view.offset + k, r, lo, hi, formula, what, ops)
    }
}

/// The finding for stated figure `f` (report index `index`) and a value `r` computed from `operands` (range
/// `lo`..`hi` from their own rounding).
#[allow(clippy::too_many_arguments)]
fn judged(
    lx: &VerifyLex,
    f: &Figure,
    index: usize,
    r: Decimal,
    lo: Decimal,
    hi: Decimal,
    formula: String,
    what: &str,
    operands: Vec<usize>,
) -> Finding {
    let (verdict, how) = judge(lx, f, r, lo.min(hi), hi.max(lo));
    let shown = show(r.round_dp(f.decimals + 2));
    let unit = if f.kind == Kind::ChangePp { "个百分点" } else { f.unit.as_str() };
    let detail = format!("{what}: {formula} = {shown}{unit}; {how}");
    Finding { index, verdict, computed: Some(r.round_dp(f.decimals + 4).normalize()), formula, detail, operands }
}

/// Compares the stated figure with the computed value.
fn judge(lx: &VerifyLex, f: &Figure, r: Decimal, lo: Decimal, hi: Decimal) -> (Verdict, String) {
    if let Some(m) = lx.multiple_units.iter().find(|m| f.raw.contains(m.as_str())) {
        // 增长1.2倍: compare in 倍, to the decimals stated.
        let h = Decimal::ONE_HUNDRED;
        let mut g = f.clone();
        g.raw = g.raw.replace(m.as_str(), "");
        g.value /= h;
        g.value_max = g.value_max.map(|m| m / h);
        let (v, how) = judge(lx, &g, r / h, lo / h, hi / h);
        return (v, format!("{how} (in 倍)"));
    }
    let d = f.decimals;
    let u = Decimal::new(1, d);
    let half = u / Decimal::TWO;
    let s = f.value;
    let stated = show(s.abs());
    match f.qualifier {
        Qualifier::AtLeast => {
            return if hi.abs() >= s.abs() - half || r.abs() >= s.abs() {
                (Verdict::Consistent, format!("bound holds (≥ {stated})"))
            } else {
                (Verdict::Inconsistent, format!("bound fails: {} < {stated}", show(r.abs().round_dp(d + 2))))
            };
        }
        Qualifier::AtMost => {
            return if lo.abs() <= s.abs() + half || r.abs() <= s.abs() {
                (Verdict::Consistent, format!("bound holds (≤ {stated})"))
            } else {
                (Verdict::Inconsistent, format!("bound fails: {} > {stated}", show(r.abs().round_dp(d + 2))))
            };
        }
        Qualifier::Approx => {
            return if (r.abs() - s.abs()).abs() <= u {
                (Verdict::Consistent, format!("about {stated}: within one unit of the last digit"))
            } else {
                (Verdict::Inconsistent, format!("about {stated}: off by more than {}", show(u)))
            };
        }
        Qualifier::Range => {
            let max = f.value_max.unwrap_or(s);
            let (a, b) = (s.min(max) - half, s.max(max) + half);
            return if r >= a && r < b {
                (Verdict::Consistent, "within the stated range".into())
            } else {
                (Verdict::Inconsistent, "outside the stated range".into())
            };
        }
        Qualifier::Exact => {}
    }
    if s.signum() * r.signum() < Decimal::ZERO && r.abs() >= half && s.abs() >= half {
        return (Verdict::Inconsistent, "the computed change has the opposite sign".into());
    }
    let (ra, sa) = (r.abs(), s.abs());
    let up = ra.round_dp_with_strategy(d, RoundingStrategy::MidpointAwayFromZero) == sa;
    let trunc = ra.round_dp_with_strategy(d, RoundingStrategy::ToZero) == sa;
    match (up, trunc) {
        (true, true) => {
            return (Verdict::Consistent, "half-up rounding and truncation both hold".into());
        }
        (true, false) => return (Verdict::Consistent, "half-up rounding holds".into()),
        (false, true) => {
            return (Verdict::Consistent, "truncation holds (half-up would not)".into());
        }
        _ => {}
    }
    // The levels' own rounding may move the result into the stated interval.
    let (la, ha) = if r < Decimal::ZERO { (hi.abs(), lo.abs()) } else { (lo.abs(), hi.abs()) };
    if ha >= sa - half && la < sa + u {
        return (
            Verdict::Consistent,
            format!(
                "holds within the rounding of the stated levels (range {}–{})",
                show(la.round_dp(d + 2)),
                show(ha.round_dp(d + 2))
            ),
        );
    }
    (
        Verdict::Inconsistent,
        format!(
            "stated {stated} but the figures give {} (half-up) / {} (truncated)",
            show(ra.round_dp_with_strategy(d, RoundingStrategy::MidpointAwayFromZero)),
            show(ra.round_dp_with_strategy(d, RoundingStrategy::ToZero))
        ),
    )
}

/// The interval the stated figure allows: `[96.55, 96.65) half-up; [96.6, 96.7) truncation`.
pub fn tolerance(lx: &VerifyLex, f: &Figure) -> String {
    if f.kind == Kind::Quantity {
        let h = half_quantum(f);
        return format!("[{}, {}] half-up", show(f.value - h), show(f.value + h));
    }
    let u = unit_of(lx, f);
    let half = u / Decimal::TWO;
    let s = f.value.abs();
    match f.qualifier {
        Qualifier::AtLeast => format!("≥ {}", show(s)),
        Qualifier::AtMost => format!("≤ {}", show(s)),
        Qualifier::Approx => format!("[{}, {}] approx", show(s - u), show(s + u)),
        Qualifier::Range => {
            let m = f.value_max.unwrap_or(f.value);
            format!("[{}, {})", show(f.value.min(m) - half), show(f.value.max(m) + half))
        }
        Qualifier::Exact => {
            format!("[{}, {}) half-up; [{}, {}) truncation", show(s - half), show(s + half), show(s), show(s + u))
        }
    }
}

/// The computed values the verdict accepts for a stated figure, as numbers in the figure's sign: `(low, high)`,
/// `None` for an open end (96.6% → 96.55 to 96.7, the union of half-up rounding and truncation; 下降26.33% →
/// -26.34 to -26.325; 超过5% → 4.5 and no upper end). Output's numeric view of [`tolerance`].
pub fn bounds(lx: &VerifyLex, f: &Figure) -> (Option<Decimal>, Option<Decimal>) {
    if f.kind == Kind::Quantity {
        let h = half_quantum(f);
        return (Some(f.value - h), Some(f.value + h));
    }
    let u = unit_of(lx, f);
    let half = u / Decimal::TWO;
    let s = f.value.abs();
    let (lo, hi) = match f.qualifier {
        Qualifier::AtLeast => (Some(s - half), None),
        Qualifier::AtMost => (None, Some(s + half)),
        Qualifier::Approx => (Some(s - u), Some(s + u)),
        Qualifier::Range => {
            // Ranges are judged signed, as stated.
            let m = f.value_max.unwrap_or(f.value);
            return (Some(f.value.min(m) - half), Some(f.value.max(m) + half));
        }
        Qualifier::Exact => (Some(s - half), Some(s + u)),
    };
    if f.value.is_sign_negative() && !f.value.is_zero() { (hi.map(|h| -h), lo.map(|l| -l)) } else { (lo, hi) }
}

/// The last stated unit of a percentage (0.1 for 96.6%; 10% for 增长1.2倍).
fn unit_of(lx: &VerifyLex, f: &Figure) -> Decimal {
    let u = Decimal::new(1, f.decimals);
    if lx.multiple_units.iter().any(|m| f.raw.contains(m.as_str())) { u * Decimal::ONE_HUNDRED } else { u }
}

fn show(d: Decimal) -> String {
    crate::output::fmt_decimal(d)
}

/// Half the last stated unit of a level in its base unit (707.9万人 → 500人; 3559件 → 0).
pub(crate) fn half_quantum(f: &Figure) -> Decimal {
    if matches!(f.kind, Kind::Percent | Kind::ChangePct | Kind::ChangePp) {
        return Decimal::new(1, f.decimals) / Decimal::TWO;
    }
    let n = raw_num_plain(f);
    let digits: String = n.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let Ok(a) = Decimal::from_str(&digits) else {
        // Chinese numerals (二十八万): precise to their last stated digit.
        let mut v = f.value.abs().trunc();
        if v.is_zero() || f.value.fract() != Decimal::ZERO {
            return Decimal::ZERO;
        }
        let mut unit = Decimal::ONE;
        while (v % Decimal::TEN).is_zero() {
            v /= Decimal::TEN;
            unit *= Decimal::TEN;
        }
        return if unit > Decimal::ONE { unit / Decimal::TWO } else { Decimal::ZERO };
    };
    if a.is_zero() {
        return Decimal::ZERO;
    }
    let scale = (f.value.abs() / a).round();
    if scale <= Decimal::ONE && f.decimals == 0 {
        return Decimal::ZERO;
    }
    scale * Decimal::new(1, f.decimals) / Decimal::TWO
}

/// Range of n/d×100 when n and d each carry a rounding half-width.
pub(crate) fn ratio_range(n: Decimal, dn: Decimal, d: Decimal, dd: Decimal) -> (Decimal, Decimal) {
    let h = Decimal::ONE_HUNDRED;
    let lo = if d + dd > Decimal::ZERO { (n - dn).max(Decimal::ZERO) / (d + dd) * h } else { Decimal::ZERO };
    let hi = if d - dd > Decimal::ZERO { (n + dn) / (d - dd) * h } else { n / d * h };
    (lo, hi)
}

/// The growth a change `fd` makes of the level `fq` it reached: `fd / (fq − fd)` in percent, with its bounds from
/// both figures' stated decimals and the sign of the base's formula (`−` for a rise, `+` for a fall); `None` when
/// the level before the change would not be positive.
pub(crate) fn change_over_base(fq: &Figure, fd: &Figure) -> Option<(Decimal, Decimal, Decimal, &'static str)> {
    let base = fq.value - fd.value;
    if base <= Decimal::ZERO {
        return None;
    }
    let (dd, dq) = (half_quantum(fd), half_quantum(fq));
    let r = fd.value / base * Decimal::ONE_HUNDRED;
    let (lo, hi) = ratio_range(fd.value.abs(), dd, base, dq + dd);
    let (lo, hi) = signed_range(fd.value, lo, hi);
    Some((r, lo, hi, if fd.value < Decimal::ZERO { "+" } else { "−" }))
}

fn signed_range(sign_of: Decimal, lo: Decimal, hi: Decimal) -> (Decimal, Decimal) {
    if sign_of < Decimal::ZERO { (-hi, -lo) } else { (lo, hi) }
}

/// A character of the CJK Unified Ideographs block: the characters a Chinese word or name is made of.
pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `a` and `b` share a two-character word that `c` lacks.
fn shares_bigram_not_in(lx: &VerifyLex, a: &str, b: &str, c: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    a.windows(2).any(|w| {
        let bg: String = w.iter().collect();
        shares_bigram(lx, &bg, b) && !c.contains(&bg)
    })
}

/// Whether two texts share a two-character word (城镇化率 / 城镇常住人口 → 城镇), other than the words that say
/// when, where or how much (`dicts/bigram_stop.txt`).
fn shares_bigram(lx: &VerifyLex, a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    a.windows(2).any(|w| {
        w.iter().all(|c| is_cjk(*c)) && {
            let bg: String = w.iter().collect();
            !lx.bigram_stop.contains(&bg) && b.contains(&bg)
        }
    })
}

/// The number and what follows it as written, from the first digit (`707.9万人`): its leading digits are what
/// [`half_quantum`] reads.
fn raw_num_plain(f: &Figure) -> String {
    let a = f.num_start.saturating_sub(f.start);
    f.raw.chars().skip(a).collect()
}

/// The number with its unit as written (`3559件`, `707.9万人`), without verbs and qualifiers.
pub(crate) fn raw_num(lx: &VerifyLex, f: &Figure) -> String {
    let chars: Vec<char> = f.raw.chars().collect();
    let a = f.num_start.saturating_sub(f.start).min(chars.len());
    let unit_end = f.end.saturating_sub(f.start).min(chars.len());
    let mut s: String = chars[a..unit_end].iter().collect();
    while let Some(q) = lx.suffix_qualifiers.iter().find(|q| s.ends_with(q.as_str())) {
        s.truncate(s.len() - q.len());
    }
    s
}
