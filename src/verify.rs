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

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Consistent,
    Inconsistent,
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

/// One checked figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// Index of the indicator in the report.
    pub index: usize,
    pub verdict: Verdict,
    /// The value computed from the related figures (in % or 百分点), when there is one.
    pub computed: Option<Decimal>,
    /// The interval the stated precision allows.
    pub tolerance: String,
    /// The formula with its numbers (empty when nothing could be computed).
    pub formula: String,
    /// The formula, which rounding held, alternatives, or what is missing.
    pub detail: String,
}

/// Fills `check` and `check_detail` of every percent, change_pct and change_pp indicator.
pub fn check_report(report: &mut DocReport) {
    // Only the verdict and the detail are kept: the tolerance is not worked out.
    for c in checks_with(report, false) {
        let ind = &mut report.indicators[c.index];
        ind.check = Some(c.verdict.as_str().to_string());
        ind.check_detail = c.detail;
    }
}

/// Checks every percent, change_pct and change_pp indicator of a report, in text order.
pub fn checks(report: &DocReport) -> Vec<Check> {
    checks_with(report, true)
}

/// [`checks`], with [`Check::tolerance`] left empty unless `tolerances`.
fn checks_with(report: &DocReport, tolerances: bool) -> Vec<Check> {
    let inds = &report.indicators;
    let mut out = Vec::new();
    let mut i = 0;
    while i < inds.len() {
        let span = inds[i].sentence_span;
        let mut j = i;
        while j < inds.len() && inds[j].sentence_span == span {
            j += 1;
        }
        // A sentence's characters are collected only when one of its figures is checked.
        if inds[i..j].iter().any(|ind| is_checkable(ind.figure.kind)) {
            let sent = Sentence::new(&inds[i..j], i, tolerances);
            for k in 0..(j - i) {
                if is_checkable(inds[i + k].figure.kind) {
                    out.push(sent.check(k));
                }
            }
        }
        i = j;
    }
    out
}

/// The figures of one sentence and its text.
struct Sentence<'a> {
    inds: &'a [Indicator],
    offset: usize,
    chars: Vec<char>,
    base: usize,
    /// Whether checks carry their tolerance.
    tolerances: bool,
}

/// A clause separator: `，,；;：:。！？!?`.
#[inline]
fn is_sep(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?')
}

/// Ends of a rate or share noun (成功率, 增长面, 比重 …).
const RATE_ENDS: &[&str] = &["率", "比重", "占比", "比例", "面", "份额"];

impl<'a> Sentence<'a> {
    fn new(inds: &'a [Indicator], offset: usize, tolerances: bool) -> Self {
        let chars = inds[0].sentence.chars().collect();
        Sentence { inds, offset, chars, base: inds[0].sentence_span.0, tolerances }
    }

    /// The tolerance of figure `k`, when checks carry it.
    fn tolerance(&self, k: usize) -> String {
        if self.tolerances { tolerance(self.fig(k)) } else { String::new() }
    }

    fn fig(&self, k: usize) -> &Figure {
        &self.inds[k].figure
    }

    /// Sentence text between two absolute offsets.
    fn text(&self, a: usize, b: usize) -> String {
        self.span(a, b).iter().collect()
    }

    /// Characters of the sentence between two absolute offsets.
    fn span(&self, a: usize, b: usize) -> &[char] {
        let n = self.chars.len();
        let a = a.saturating_sub(self.base).min(n);
        let b = b.saturating_sub(self.base).min(n);
        if b <= a { &[] } else { &self.chars[a..b] }
    }

    fn whole(&self) -> &str {
        &self.inds[0].sentence
    }

    /// Start of the clause holding absolute offset `pos`.
    fn clause_start(&self, pos: usize) -> usize {
        let mut p = pos.saturating_sub(self.base).min(self.chars.len());
        while p > 0 && !is_sep(self.chars[p - 1]) {
            p -= 1;
        }
        p + self.base
    }

    /// Number of clause separators between two absolute offsets.
    fn seps_between(&self, a: usize, b: usize) -> usize {
        self.span(a, b).iter().filter(|c| is_sep(**c)).count()
    }

    fn result(&self, k: usize, verdict: Verdict, detail: String) -> Check {
        Check {
            index: self.offset + k,
            verdict,
            computed: None,
            tolerance: self.tolerance(k),
            formula: String::new(),
            detail,
        }
    }

    fn check(&self, k: usize) -> Check {
        let f = self.fig(k);
        match f.kind {
            Kind::ChangePct => self.check_change_pct(k),
            Kind::ChangePp => self.check_pp(k),
            _ => self.check_rate(k),
        }
    }

    /// Whether growth of this figure is stated at comparable prices (GDP, 增加值, 实际增长 …).
    fn comparable_prices(&self, k: usize) -> Option<&'static str> {
        let f = self.fig(k);
        let clause = self.text(self.clause_start(f.start), f.start);
        let sentence = self.whole();
        if sentence.contains("可比价") || sentence.contains("不变价") {
            return Some("growth stated at comparable prices (按可比价格计算)");
        }
        if clause.contains("实际") || clause.contains("扣除") {
            return Some("real growth (实际增长), net of price changes");
        }
        let subj = &self.inds[k].subject;
        for w in ["生产总值", "GDP", "增加值", "经济增长", "经济增速"] {
            if subj.contains(w) || clause.contains(w) {
                return Some("growth of 生产总值/增加值 is measured at comparable prices");
            }
        }
        None
    }

    fn check_change_pct(&self, k: usize) -> Check {
        let f = self.fig(k);
        let comparable = self.comparable_prices(k);
        let mut near = self.text(self.clause_start(f.start), f.num_start);
        if k > 0 && self.fig(k - 1).kind == Kind::ChangeAbs && self.short_gap(self.fig(k - 1).end, f.start, 2) {
            // `平均每年增加四十二亿元，增长百分之四点九`: the average applies to both.
            near = self.text(self.clause_start(self.fig(k - 1).start), f.num_start);
        }
        let mut c = if near.contains("年均") || near.contains("平均每年") || near.contains("年平均") {
            self.annual_average(k)
        } else if let Some(c) = self.change_from_to(k) {
            c
        } else if let Some(c) = self.level_and_change(k) {
            c
        } else if let Some(c) = self.listed_level_and_change(k) {
            c
        } else if self.whole().contains("分别") {
            self.result(
                k,
                Verdict::Unverifiable,
                "分别 list: the previous levels are not stated in this sentence".into(),
            )
        } else {
            self.result(k, Verdict::Unverifiable, "no previous level or absolute change stated beside it".into())
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

    /// `由A增加到B，增长P%` / `从A%提高到B%`: the two levels right before the figure.
    fn levels_from_to(&self, k: usize, kind: Kind) -> Option<(usize, usize)> {
        // The levels are the figures before k, skipping one absolute change.
        let mut b = k.checked_sub(1)?;
        if self.fig(b).kind == Kind::ChangeAbs && kind == Kind::Quantity {
            b = b.checked_sub(1)?;
        }
        let a = b.checked_sub(1)?;
        let (fa, fb) = (self.fig(a), self.fig(b));
        if fa.kind != kind || fb.kind != kind || fa.unit != fb.unit {
            return None;
        }
        let before_a = self.text(self.clause_start(fa.start), fa.start);
        let between = self.text(fa.end, fb.start);
        let opens = before_a.contains('由') || before_a.contains('从');
        // `增加到`, `提高到2025年的`: nothing else between the levels (no other number).
        let t = strip_year(between.trim_end_matches('的')).trim_end_matches(['了']).to_string();
        let to = (t.ends_with('到') || t.ends_with('至')) && t.chars().count() <= 5;
        if !opens || !to || self.seps_between(fa.end, fb.start) > 0 {
            return None;
        }
        let last = self.fig(k - 1);
        if self.seps_between(last.end, self.fig(k).start) > 1 || !self.short_gap(last.end, self.fig(k).start, 4) {
            return None;
        }
        Some((a, b))
    }

    fn change_from_to(&self, k: usize) -> Option<Check> {
        let (a, b) = self.levels_from_to(k, Kind::Quantity)?;
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
        let formula = format!("({} − {}) / {}", fb.raw_num(), fa.raw_num(), fa.raw_num());
        Some(self.judged(k, r, lo, hi, formula, "levels 由…到…"))
    }

    /// `428起,同比减少153起,下降26.33%`: level, absolute change, relative change in a row.
    fn level_and_change(&self, k: usize) -> Option<Check> {
        let f = self.fig(k);
        let d = k.checked_sub(1)?;
        let fd = self.fig(d);
        if fd.kind != Kind::ChangeAbs || self.seps_between(fd.end, f.start) > 1 {
            return None;
        }
        let q = d.checked_sub(1)?;
        let fq = self.fig(q);
        if fq.kind != Kind::Quantity
            || fq.unit != fd.unit
            || self.seps_between(fq.end, fd.start) > 1
            || !self.short_gap(fq.end, fd.start, 8)
            || !self.short_gap(fd.end, f.start, 2)
        {
            return None;
        }
        if self.split_number(fq) || self.split_number(fd) {
            return Some(self.result(
                k,
                Verdict::Unverifiable,
                "a level may be cut by a thousands separator (1，753): not checked".into(),
            ));
        }
        let dd = half_quantum(fd);
        // `较上年的A增加D`: the quantity right before the change is the base itself.
        let between = self.text(self.clause_start(fq.start), fq.start);
        let q_is_base = ["较", "比"].iter().any(|w| between.contains(w)) && self.seps_between(fq.end, fd.start) == 0;
        let dq = half_quantum(fq);
        let (r, lo, hi, formula) = if q_is_base {
            if fq.value.is_zero() {
                return None;
            }
            let r = fd.value / fq.value * Decimal::ONE_HUNDRED;
            let (lo, hi) = ratio_range(fd.value.abs(), dd, fq.value, dq);
            let (lo, hi) = signed_range(fd.value, lo, hi);
            (r, lo, hi, format!("{} / {}", fd.raw_num(), fq.raw_num()))
        } else {
            let base = fq.value - fd.value;
            if base <= Decimal::ZERO {
                return None;
            }
            let r = fd.value / base * Decimal::ONE_HUNDRED;
            let (lo, hi) = ratio_range(fd.value.abs(), dd, base, dq + dd);
            let (lo, hi) = signed_range(fd.value, lo, hi);
            let op = if fd.value < Decimal::ZERO { "+" } else { "−" };
            (r, lo, hi, format!("{} / ({} {op} {})", fd.raw_num(), fq.raw_num(), fd.raw_num()))
        };
        Some(self.judged(k, r, lo, hi, formula, "change beside its level"))
    }

    /// `82起，死亡48人，同比分别减少8起、4人，分别下降8.89%、7.69%`: the i-th rate of a 分别 list of rates
    /// goes with the i-th of an equally long list of absolute changes, and that with the i-th of the levels
    /// before them, matched by unit.
    fn listed_level_and_change(&self, k: usize) -> Option<Check> {
        let f = self.fig(k);
        let run = |end: usize, kind: Kind| -> Vec<usize> {
            let mut v = vec![];
            let mut i = end;
            while i > 0 && self.fig(i - 1).kind == kind {
                i -= 1;
                v.push(i);
            }
            v.reverse();
            v
        };
        // The rates: k's list, from its first member to the last.
        let mut first = k;
        while first > 0
            && self.fig(first - 1).kind == f.kind
            && self.short_gap(self.fig(first - 1).end, self.fig(first).start, 2)
        {
            first -= 1;
        }
        let mut last = k;
        while last + 1 < self.inds.len()
            && self.fig(last + 1).kind == f.kind
            && self.short_gap(self.fig(last).end, self.fig(last + 1).start, 2)
        {
            last += 1;
        }
        let n = last - first + 1;
        if n < 2 || !self.text(self.clause_start(self.fig(first).start), self.fig(first).start).contains("分别") {
            return None;
        }
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
        let (fq, fd) = (self.fig(levels[i]), self.fig(changes[i]));
        if fq.unit != fd.unit || self.split_number(fq) || self.split_number(fd) {
            return None;
        }
        let base = fq.value - fd.value;
        if base <= Decimal::ZERO {
            return None;
        }
        let (dd, dq) = (half_quantum(fd), half_quantum(fq));
        let r = fd.value / base * Decimal::ONE_HUNDRED;
        let (lo, hi) = ratio_range(fd.value.abs(), dd, base, dq + dd);
        let (lo, hi) = signed_range(fd.value, lo, hi);
        let op = if fd.value < Decimal::ZERO { "+" } else { "−" };
        let formula = format!("{} / ({} {op} {})", fd.raw_num(), fq.raw_num(), fd.raw_num());
        Some(self.judged(k, r, lo, hi, formula, "分别 list: change beside its level"))
    }

    /// 年均增长P% between two levels stated with their years.
    fn annual_average(&self, k: usize) -> Check {
        let f = self.fig(k);
        let levels: Vec<usize> = (0..k)
            .filter(|&i| self.fig(i).kind == Kind::Quantity && self.fig(i).unit == self.fig(k.saturating_sub(1)).unit)
            .collect();
        let years = years_in(&self.text(self.base, f.start));
        if levels.len() != 2 || years.len() != 2 || years[1] <= years[0] {
            return self.result(
                k,
                Verdict::Unverifiable,
                "年均 growth: two levels with their years are not both stated in this sentence".into(),
            );
        }
        let (fa, fb) = (self.fig(levels[0]), self.fig(levels[1]));
        let n = years[1] - years[0];
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
        let formula = format!("({} / {})^(1/{n}) − 1 [{}→{}]", fb.raw_num(), fa.raw_num(), years[0], years[1]);
        self.judged(k, dec(r), dec(lo), dec(hi), formula, "年均 growth")
    }

    /// A rate or share after the counts it divides.
    fn check_rate(&self, k: usize) -> Check {
        let f = self.fig(k);
        let subject = self.inds[k].subject.trim().to_string();
        let before = self.text(self.clause_start(f.start), f.num_start);
        let before = before.trim_end_matches(|c: char| "达到为是约超过逾近了：:".contains(c));
        let rate_like = RATE_ENDS.iter().any(|w| subject.ends_with(w) || before.ends_with(w)) || before.contains('占');
        if !rate_like {
            return self.result(k, Verdict::Unverifiable, "not a rate of stated counts: no base stated".into());
        }
        // The chain of counts right before the rate: consecutive quantities of one unit.
        let mut counts = Vec::new();
        let mut i = k;
        while i > 0 {
            let p = self.fig(i - 1);
            if p.kind != Kind::Quantity {
                break;
            }
            if let Some(&first) = counts.first() {
                let q: &Figure = self.fig(first);
                if q.unit != p.unit {
                    break;
                }
            }
            counts.insert(0, i - 1);
            i -= 1;
            // `104个攻坚项目开工率超90%`: a count in the rate's own clause is its base alone.
            if i + 1 == k && self.seps_between(p.end, f.start) == 0 {
                break;
            }
        }
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
                    Qualifier::AtLeast | Qualifier::AtMost if n.decimals == 0 && n.unit != "元" => {
                        let exact = n.value * f.value / scale;
                        let (word, m) = if f.qualifier == Qualifier::AtLeast {
                            let strict = before.ends_with('超') || before.ends_with("超过") || before.ends_with('逾');
                            let m = if strict { exact.floor() + Decimal::ONE } else { exact.ceil() };
                            ("at least", m)
                        } else {
                            ("at most", exact.floor())
                        };
                        format!(
                            "bound: {} of {} implies {word} {} ({}×{}{sym}); the count itself is not stated",
                            f.raw,
                            n.raw_num(),
                            show(m),
                            n.raw_num(),
                            show(f.value)
                        )
                    }
                    _ => format!("only one count stated ({}); the other term of the rate is missing", n.raw_num()),
                };
                self.result(k, Verdict::Unverifiable, detail)
            }
            2 => {
                let (fa, fb) = (self.fig(counts[0]), self.fig(counts[1]));
                if fa.value <= Decimal::ZERO || fb.value > fa.value + half_quantum(fa) + half_quantum(fb) {
                    return self.result(
                        k,
                        Verdict::Unverifiable,
                        format!("{} exceeds {}: not a part of it", fb.raw_num(), fa.raw_num()),
                    );
                }
                if let Some(why) = self.rate_unlinked(k, counts[0], counts[1], &subject, before) {
                    let r = (fb.value / fa.value * scale).round_dp(2);
                    return self.result(
                        k,
                        Verdict::Unverifiable,
                        format!("{why}; {} / {} would give {}{sym}", fb.raw_num(), fa.raw_num(), show(r)),
                    );
                }
                let r = fb.value / fa.value * scale;
                let (lo, hi) = ratio_range(fb.value, half_quantum(fb), fa.value, half_quantum(fa));
                let (lo, hi) = (lo * scale / Decimal::ONE_HUNDRED, hi * scale / Decimal::ONE_HUNDRED);
                let formula = format!("{} / {}", fb.raw_num(), fa.raw_num());
                self.judged(k, r, lo, hi, formula, "share of the counts before it")
            }
            _ => {
                let total = self.fig(counts[0]);
                let mut alts = Vec::new();
                if total.value > Decimal::ZERO {
                    for &c in &counts[1..] {
                        let p = self.fig(c);
                        alts.push(format!(
                            "{}/{} = {}{sym}",
                            p.raw_num(),
                            total.raw_num(),
                            show((p.value / total.value * scale).round_dp(2))
                        ));
                    }
                    let sum: Decimal = counts[1..].iter().map(|&c| self.fig(c).value).sum();
                    alts.push(format!(
                        "(sum of parts)/{} = {}{sym}",
                        total.raw_num(),
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
        if let Some(p) = before.find('占') {
            // `X占Y的P%`: X must be the numerator and Y the denominator.
            let own = &before[..p];
            let base = before[p + '占'.len_utf8()..].trim_end_matches('的');
            let own_ok = own.chars().filter(|c| is_cjk(*c)).count() == 0 || shares_bigram(own, &num_clause);
            let base_ok = base.is_empty() || shares_bigram(base, &den_clause);
            return if own_ok && base_ok {
                None
            } else {
                Some(format!("the share names its own terms ({before}), not the counts before it"))
            };
        }
        let stem = subject.trim_end_matches(|c: char| "率比重占例面额份".contains(c));
        let stem = if stem.is_empty() { before } else { stem };
        // The rate names its part: a word of the numerator's clause that the denominator's lacks, at the
        // end of the rate's name (`城镇化率` after `城镇常住人口`). A word earlier in the name names the base
        // instead: `应届毕业生121.7万人，毕业生就业率97%` is employed graduates over graduates, not this share.
        let stem_chars: Vec<char> = stem.chars().filter(|c| is_cjk(*c)).collect();
        let tail: String = stem_chars[stem_chars.len().saturating_sub(3)..].iter().collect();
        if shares_bigram_not_in(&tail, &num_clause, &den_clause) {
            return None;
        }
        // `排查3559件,化解3439件,成功率96.6%`: a bare verb states the part, and nothing follows its count
        // (`9880万人领取养老金` names what the people did; `覆盖面` is not their share).
        let num_after = self.text(fb.end, self.clause_end(fb.end));
        if num_after.chars().any(is_cjk) {
            return Some(format!("the rate ({subject}) does not name the counts before it"));
        }
        let bare = num_before.trim_start_matches("其中").chars().filter(|c| is_cjk(*c)).count();
        // A rate with a long name of its own (城镇登记失业率) is an indicator of its own, not this share.
        let named = stem.chars().filter(|c| is_cjk(*c)).count();
        if bare <= 3 && named <= 3 && self.seps_between(fb.end, f.start) == 1 {
            return None;
        }
        Some(format!("the rate ({subject}) does not name the counts before it"))
    }

    /// End of the clause holding absolute offset `pos`.
    fn clause_end(&self, pos: usize) -> usize {
        let mut p = pos.saturating_sub(self.base).min(self.chars.len());
        while p < self.chars.len() && !is_sep(self.chars[p]) {
            p += 1;
        }
        p + self.base
    }

    /// `1，753亿元`: the number layer may have cut a number at a full-width thousands separator.
    fn split_number(&self, f: &Figure) -> bool {
        let p = f.num_start.saturating_sub(self.base);
        p >= 2 && matches!(self.chars[p - 1], '，' | ',') && self.chars[p - 2].is_ascii_digit()
            || p >= 2 && matches!(self.chars[p - 1], '，' | ',') && ('０'..='９').contains(&self.chars[p - 2])
    }

    /// Text between two figures, without punctuation, is at most `n` characters and has no numeral.
    fn short_gap(&self, a: usize, b: usize, n: usize) -> bool {
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

    /// Percentage points between two stated rates (`由A%提高到B%，提高X个百分点`).
    fn check_pp(&self, k: usize) -> Check {
        let f = self.fig(k);
        if let Some((a, b)) = self.levels_from_to(k, Kind::Percent) {
            let (fa, fb) = (self.fig(a), self.fig(b));
            let r = fb.value - fa.value;
            let d = half_quantum(fa) + half_quantum(fb);
            let formula = format!("{} − {}", fb.raw_num(), fa.raw_num());
            return self.judged(k, r, r - d, r + d, formula, "difference of the stated rates");
        }
        let _ = f;
        self.result(k, Verdict::Unverifiable, "the earlier rate is not stated beside it".into())
    }

    /// The verdict for a computed value `r` (range `lo`..`hi` from the levels' own rounding).
    fn judged(&self, k: usize, r: Decimal, lo: Decimal, hi: Decimal, formula: String, what: &str) -> Check {
        let f = self.fig(k);
        let (verdict, how) = judge(f, r, lo.min(hi), hi.max(lo));
        let shown = show(r.round_dp(f.decimals + 2));
        let unit = if f.kind == Kind::ChangePp { "个百分点" } else { f.unit.as_str() };
        let detail = format!("{what}: {formula} = {shown}{unit}; {how}");
        Check {
            index: self.offset + k,
            verdict,
            computed: Some(r.round_dp(f.decimals + 4).normalize()),
            tolerance: self.tolerance(k),
            formula,
            detail,
        }
    }
}

/// Compares the stated figure with the computed value.
fn judge(f: &Figure, r: Decimal, lo: Decimal, hi: Decimal) -> (Verdict, String) {
    if f.raw.contains('倍') {
        // 增长1.2倍: compare in 倍, to the decimals stated.
        let h = Decimal::ONE_HUNDRED;
        let mut g = f.clone();
        g.raw = g.raw.replace('倍', "");
        g.value /= h;
        g.value_max = g.value_max.map(|m| m / h);
        let (v, how) = judge(&g, r / h, lo / h, hi / h);
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
pub fn tolerance(f: &Figure) -> String {
    let u = unit_of(f);
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

/// The computed values [`judge`] accepts for a stated figure, as numbers in the figure's sign: `(low, high)`,
/// `None` for an open end (96.6% → 96.55 to 96.7, the union of half-up rounding and truncation; 下降26.33% →
/// -26.34 to -26.325; 超过5% → 4.5 and no upper end). Output's numeric view of [`tolerance`].
pub fn bounds(f: &Figure) -> (Option<Decimal>, Option<Decimal>) {
    let u = unit_of(f);
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
fn unit_of(f: &Figure) -> Decimal {
    let u = Decimal::new(1, f.decimals);
    if f.raw.contains('倍') { u * Decimal::ONE_HUNDRED } else { u }
}

fn show(d: Decimal) -> String {
    crate::output::fmt_decimal(d)
}

/// Half the last stated unit of a level in its base unit (707.9万人 → 500人; 3559件 → 0).
fn half_quantum(f: &Figure) -> Decimal {
    if matches!(f.kind, Kind::Percent | Kind::ChangePct | Kind::ChangePp) {
        return Decimal::new(1, f.decimals) / Decimal::TWO;
    }
    let n = f.raw_num();
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
fn ratio_range(n: Decimal, dn: Decimal, d: Decimal, dd: Decimal) -> (Decimal, Decimal) {
    let h = Decimal::ONE_HUNDRED;
    let lo = if d + dd > Decimal::ZERO { (n - dn).max(Decimal::ZERO) / (d + dd) * h } else { Decimal::ZERO };
    let hi = if d - dd > Decimal::ZERO { (n + dn) / (d - dd) * h } else { n / d * h };
    (lo, hi)
}

fn signed_range(sign_of: Decimal, lo: Decimal, hi: Decimal) -> (Decimal, Decimal) {
    if sign_of < Decimal::ZERO { (-hi, -lo) } else { (lo, hi) }
}

/// Drops a trailing year (`2025年`, `一九八二年`).
fn strip_year(t: &str) -> &str {
    let Some(rest) = t.strip_suffix('年') else {
        return t;
    };
    let digits =
        rest.chars().rev().take_while(|c| c.is_ascii_digit() || "〇○零一二三四五六七八九".contains(*c)).count();
    if digits == 4 {
        let cut: usize = rest.chars().rev().take(4).map(char::len_utf8).sum();
        &rest[..rest.len() - cut]
    } else {
        t
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `a` and `b` share a two-character word that `c` lacks.
fn shares_bigram_not_in(a: &str, b: &str, c: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    a.windows(2).any(|w| {
        let bg: String = w.iter().collect();
        shares_bigram(&bg, b) && !c.contains(&bg)
    })
}

/// Whether two texts share a two-character word (城镇化率 / 城镇常住人口 → 城镇).
fn shares_bigram(a: &str, b: &str) -> bool {
    const STOP: &[&str] = &["全年", "全市", "全省", "全县", "同比", "其中", "以上", "达到", "累计", "平均"];
    let a: Vec<char> = a.chars().collect();
    let b: String = b.to_string();
    a.windows(2).any(|w| {
        w.iter().all(|c| is_cjk(*c)) && {
            let bg: String = w.iter().collect();
            !STOP.contains(&bg.as_str()) && b.contains(&bg)
        }
    })
}

/// Four-digit years (`2020年`, `一九八○年`) in text order.
fn years_in(text: &str) -> Vec<i64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 < chars.len() + 1 {
        const CN: &str = "〇○零一二三四五六七八九";
        let digit = |c: char| -> Option<char> {
            if c.is_ascii_digit() {
                Some(c)
            } else {
                CN.chars().position(|d| d == c).map(|p| char::from(b'0' + p.saturating_sub(2) as u8))
            }
        };
        if i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(|c| digit(*c).is_some())
            && (i == 0 || digit(chars[i - 1]).is_none())
            && chars.get(i + 4) == Some(&'年')
        {
            let y: String = chars[i..i + 4].iter().filter_map(|c| digit(*c)).collect();
            if let Ok(y) = y.parse::<i64>()
                && (1900..=2100).contains(&y)
            {
                out.push(y);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// The number as written.
trait RawNum {
    fn raw_num(&self) -> String;
}

impl RawNum for Figure {
    /// The number with its unit as written (`3559件`, `707.9万人`), without verbs and qualifiers.
    fn raw_num(&self) -> String {
        let chars: Vec<char> = self.raw.chars().collect();
        let a = self.num_start.saturating_sub(self.start).min(chars.len());
        let unit_end = self.end.saturating_sub(self.start).min(chars.len());
        let s: String = chars[a..unit_end].iter().collect();
        s.trim_end_matches(['左', '右', '以', '上', '下', '内', '多', '余']).to_string()
    }
}
