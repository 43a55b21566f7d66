//! The relations of a whole report: every figure with its indicator (the normalised name of its subject), its
//! aspect and its period, so a check can find the operands a sentence leaves out — a total stated sentences
//! earlier (`第一产业增加值占国内生产总值比重为6.8%` against `国内生产总值1349084亿元`), the whole of a 其中 list
//! (`床位1029.8万张，其中：医院812.0万张（占78.8%）`), a level before its change (`卫生技术人员1302.0万人` …
//! `增加53.1万人（增长4.3%）`), two dated levels (`3326件（2023年为867件），同比增长283.6%`), the parts of a growth in
//! 百分点, the terms of a rate a report defines (自然增长率 = 出生率 − 死亡率).
//!
//! Operands are chosen by what they are — the same indicator, the same unit, the same year, the nearest stated
//! before — never by trying numbers until one fits. Each check runs only where the sentence alone gave no
//! verdict, and its arithmetic is the interval arithmetic of [`crate::verify`]: every operand carries half its
//! last stated digit.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::analyzer::Indicator;
use crate::figure::{Figure, Kind, Qualifier};
use crate::link::is_sep;
use crate::verify::{VerifyLex, change_over_base, half_quantum, is_cjk, ratio_range, raw_num};

/// What a figure states of its indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aspect {
    /// A level or count.
    Level,
    /// A share or rate.
    Share,
    /// A relative change.
    Growth,
    /// An absolute change.
    Change,
    /// A change in 百分点.
    PointChange,
    /// Anything else (multiples, ratios).
    Other,
}

impl Aspect {
    fn of(k: Kind) -> Aspect {
        match k {
            Kind::Quantity => Aspect::Level,
            Kind::Percent => Aspect::Share,
            Kind::ChangePct => Aspect::Growth,
            Kind::ChangeAbs => Aspect::Change,
            Kind::ChangePp => Aspect::PointChange,
            _ => Aspect::Other,
        }
    }
}

/// A computed value for a stated figure, with the operands it came from.
#[derive(Debug, Clone)]
pub struct Derived {
    /// The value computed.
    pub value: Decimal,
    /// Its lowest value within the operands' rounding.
    pub low: Decimal,
    /// Its highest value within the operands' rounding.
    pub high: Decimal,
    /// The formula with the operands as stated.
    pub formula: String,
    /// What relation it is.
    pub what: &'static str,
    /// The operands (report indices).
    pub operands: Vec<usize>,
    /// The relation may not hold (a list of shares need not be exhaustive): a value outside the stated
    /// figure's interval leaves it unverifiable rather than inconsistent.
    pub confirms_only: bool,
    /// Why the relation may not hold, said when it misses (empty: the list may not be exhaustive).
    pub why_unsure: &'static str,
}

/// Every figure of a report by its indicator.
pub struct Store<'a> {
    lx: &'a VerifyLex,
    inds: &'a [Indicator],
    names: Vec<String>,
    by_name: FxHashMap<String, Vec<usize>>,
}

/// How far back (in figures of one name) a lookup goes.
const LOOKBACK: usize = 64;
/// How many figures back the whole named by a sentence's head is looked for.
const HEAD_REACH: usize = 40;

impl<'a> Store<'a> {
    /// The store of a report's indicators.
    pub fn new(lx: &'a VerifyLex, inds: &'a [Indicator]) -> Self {
        let mut by_name: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut names = Vec::with_capacity(inds.len());
        for (i, ind) in inds.iter().enumerate() {
            let n = normalise(lx, &ind.subject);
            if !n.is_empty() && ind.figure.kind.is_indicator() {
                by_name.entry(n.clone()).or_default().push(i);
            }
            names.push(n);
        }
        Store { lx, inds, names, by_name }
    }

    fn fig(&self, i: usize) -> &Figure {
        &self.inds[i].figure
    }

    /// The aspect of figure `i`.
    pub fn aspect(&self, i: usize) -> Aspect {
        Aspect::of(self.fig(i).kind)
    }

    /// Whether two figures are about the same period: the same year (or both without one), neither over a span.
    fn same_period(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.inds[a], &self.inds[b]);
        x.ref_year == y.ref_year && x.span.is_none() && y.span.is_none()
    }

    /// Whether the number layer may have cut figure `i` at a thousands separator (`1，753亿元`).
    fn split_number(&self, i: usize) -> bool {
        let f = self.fig(i);
        let t = self.text(i, f.num_start.saturating_sub(2), f.num_start);
        let mut c = t.chars();
        matches!((c.next(), c.next()), (Some(d), Some('，' | ',')) if d.is_ascii_digit() || ('０'..='９').contains(&d))
    }

    /// The nearest figure before `before` named `name` (the same name once normalised: `年末全国就业人员` and
    /// `全国就业人员` are `就业人员`) that `ok` accepts.
    fn find(&self, name: &str, before: usize, ok: &dyn Fn(usize) -> bool) -> Option<usize> {
        let n = normalise(self.lx, name);
        let list = self.by_name.get(&n)?;
        let end = list.partition_point(|&i| i < before);
        list[..end].iter().rev().take(LOOKBACK).find(|&&i| ok(i) && self.name_stands(i)).copied()
    }

    /// Whether figure `i`'s clause states its subject as a whole name: not as the tail of a longer one
    /// (`农村常住居民人均可支配收入46865元` is not 居民人均可支配收入, whatever its subject says).
    fn name_stands(&self, i: usize) -> bool {
        let f = self.fig(i);
        let subject = self.inds[i].subject.trim();
        let clause = self.text(i, self.clause_start(i, f.start), f.num_start);
        let Some(pos) = (!subject.is_empty()).then(|| clause.rfind(subject)).flatten() else {
            return true;
        };
        let mut prefix = &clause[..pos];
        loop {
            let len = prefix.len();
            // `2024年末`: a date, not a name.
            let undated = prefix.trim_end_matches(['年', '月', '末', '底']);
            if undated.len() < prefix.len() && undated.ends_with(|c: char| c.is_ascii_digit()) {
                prefix = undated.trim_end_matches(|c: char| c.is_ascii_digit());
            }
            for w in self.lx.name_trims.iter().chain(&self.lx.subset_markers).chain(&self.lx.possessive) {
                if let Some(t) = prefix.strip_suffix(w.as_str()) {
                    prefix = t;
                }
            }
            if prefix.len() == len {
                break;
            }
        }
        !prefix.chars().next_back().is_some_and(is_cjk)
    }

    /// A computed value for stated figure `k`, from figures anywhere before it in the report, when a relation
    /// the sentence alone did not settle gives one.
    pub fn derive(&self, k: usize) -> Option<Derived> {
        let f = self.fig(k);
        // A rate over a span (年均) is the annual average, not the change over the span.
        if f.qualifier == Qualifier::Range || self.inds[k].span.is_some() {
            return None;
        }
        let d = match f.kind {
            Kind::Percent => self.defined_rate(k).or_else(|| self.share(k)).or_else(|| self.shares_sum(k)),
            Kind::ChangePct => self.growth_of_level(k).or_else(|| self.dated_levels(k)),
            Kind::ChangePp => {
                self.contribution(k).or_else(|| self.previous_rate(k)).or_else(|| self.previous_rate_elsewhere(k))
            }
            Kind::Quantity => self.parts_sum(k).or_else(|| self.defined_rate(k)),
            _ => None,
        }?;
        if d.operands.iter().any(|&o| self.split_number(o)) {
            return None;
        }
        Some(d)
    }

    /// The sentence of figure `k`: its first and one past its last figure.
    fn sentence(&self, k: usize) -> (usize, usize) {
        let span = self.inds[k].sentence_span;
        let mut a = k;
        while a > 0 && self.inds[a - 1].sentence_span == span {
            a -= 1;
        }
        let mut b = k + 1;
        while b < self.inds.len() && self.inds[b].sentence_span == span {
            b += 1;
        }
        (a, b)
    }

    /// Sentence text of figure `k` between two absolute offsets.
    fn text(&self, k: usize, a: usize, b: usize) -> String {
        let ind = &self.inds[k];
        let base = ind.sentence_span.0;
        let (a, b) = (a.saturating_sub(base), b.saturating_sub(base));
        if b <= a {
            return String::new();
        }
        ind.sentence.chars().skip(a).take(b - a).collect()
    }

    /// Start of the clause holding offset `pos` of figure `k`'s sentence.
    fn clause_start(&self, k: usize, pos: usize) -> usize {
        let before = self.text(k, self.inds[k].sentence_span.0, pos);
        let n = before.chars().rev().take_while(|c| !is_sep(*c)).count();
        pos - n
    }

    /// The clause text before figure `k`'s number, without the link words and marks right before it
    /// (`第一产业增加值占国内生产总值比重为` → `第一产业增加值占国内生产总值比重`).
    fn name_before(&self, k: usize) -> String {
        let f = self.fig(k);
        let mut s = self.text(k, self.clause_start(k, f.start), f.num_start);
        loop {
            let t = s.trim_end_matches(['：', ':', '（', '(', ' ']).len();
            s.truncate(t);
            match self.lx.rate_links.iter().find(|w| s.ends_with(w.as_str())) {
                Some(w) => s.truncate(s.len() - w.len()),
                None => break,
            }
        }
        s
    }

    /// A share: its part and its whole.
    fn share(&self, k: usize) -> Option<Derived> {
        let f = self.fig(k);
        let (first, _) = self.sentence(k);
        let lx = self.lx;
        let marker = |s: &str| lx.share_markers.iter().filter_map(|m| s.find(m.as_str()).map(|p| (p, m.len()))).min();
        // The part: the level right before the share (`医院812.0万张（占78.8%）`, `47345万人，占全国就业人员比重为
        // 64.5%`), or the one the share names (`第一产业增加值占国内生产总值比重为6.8%`).
        let before = self.name_before(k);
        // The base the share before it in the sentence names (`第一产业增加值占国内生产总值比重为6.8%，第二产业增加值
        // 比重为36.5%`).
        let inherited = || -> Option<String> {
            (first..k).rev().filter(|&j| self.fig(j).kind == Kind::Percent).find_map(|prev| {
                let pb = self.name_before(prev);
                let (p, len) = marker(&pb)?;
                Some(base_of(lx, &pb[p + len..])).filter(|b| !b.is_empty())
            })
        };
        // `网上零售额127878亿元，比上年增长6.5%，占社会消费品零售总额比重为26.5%`: the level before the changes
        // stated of it, when the share's clause opens with 占.
        let level_before_changes = || -> Option<usize> {
            let q = (first..k).rev().find(|&j| !self.fig(j).kind.is_change())?;
            (self.fig(q).kind == Kind::Quantity && q + 1 < k && marker(&before).map(|m| m.0) == Some(0)).then_some(q)
        };
        let gap = if k > first { self.text(k, self.fig(k - 1).end, f.num_start) } else { String::new() };
        let gap = gap.trim_start_matches(['，', ',', '（', '(', '）', ')', ' ']);
        let (part, base_name) = if k > first
            && self.fig(k - 1).kind == Kind::Quantity
            && !gap.chars().any(is_sep)
            && gap.chars().count() <= 16
            && let Some((0, len)) = marker(gap)
        {
            let named = base_of(lx, gap[len..].trim_end_matches(['：', ':']));
            (k - 1, named)
        } else if let Some(q) = level_before_changes() {
            let (_, len) = marker(&before)?;
            (q, base_of(lx, &before[len..]))
        } else if let Some((p, len)) = marker(&before) {
            // A part named by the share, stated elsewhere: its whole must be named too.
            let own = trim_subset(lx, &before[..p]);
            let ok = |i: usize| self.fig(i).kind == Kind::Quantity && self.same_period(i, k);
            let base = base_of(lx, &before[p + len..]);
            let base = if base.is_empty() { inherited()? } else { base };
            (self.find(own, k, &ok)?, base)
        } else {
            // `第二产业增加值比重为36.5%`: the whole of the share before it in the sentence.
            let own = lx.rate_ends.iter().find_map(|w| before.strip_suffix(w.as_str()))?;
            let own = trim_subset(lx, own);
            let base = inherited()?;
            let ok = |i: usize| self.fig(i).kind == Kind::Quantity && self.same_period(i, k);
            (self.find(own, k, &ok)?, base)
        };
        let fp = self.fig(part);
        let unit = fp.unit.clone();
        let whole_ok = |i: usize| {
            let w = self.fig(i);
            i != part
                && w.kind == Kind::Quantity
                && (w.unit == unit || unit.is_empty() || w.unit.is_empty())
                && w.value > Decimal::ZERO
                && w.value + half_quantum(w) >= fp.value - half_quantum(fp)
                && self.same_period(i, part)
        };
        let whole = if !base_name.is_empty() {
            // `医院次均门诊药费（133.0元）占次均门诊费用的36.8%`: the whole may carry the part's own scope (医院次均门诊费用).
            let own: Vec<char> = self.names[part].chars().collect();
            self.find(&base_name, part, &whole_ok).or_else(|| {
                (1..own.len()).find_map(|n| {
                    let scoped: String = own[..n].iter().chain(base_name.chars().collect::<Vec<_>>().iter()).collect();
                    self.find(&scoped, part, &whole_ok)
                })
            })?
        } else {
            self.whole_in_sentence(part, &whole_ok).or_else(|| self.whole_in_head(part, &whole_ok))?
        };
        let fw = self.fig(whole);
        if fp.qualifier != Qualifier::Exact || fw.qualifier != Qualifier::Exact || fp.value < Decimal::ZERO {
            return None;
        }
        let scale = if f.unit == "‰" { Decimal::ONE_THOUSAND } else { Decimal::ONE_HUNDRED };
        let r = fp.value / fw.value * scale;
        let (lo, hi) = ratio_range(fp.value, half_quantum(fp), fw.value, half_quantum(fw));
        let c = scale / Decimal::ONE_HUNDRED;
        Some(Derived {
            value: r,
            low: lo * c,
            high: hi * c,
            formula: format!("{} / {}", raw_num(lx, fp), raw_num(lx, fw)),
            what: "share of the whole stated before it",
            operands: vec![part, whole],
            confirms_only: false,
            why_unsure: "",
        })
    }

    /// The whole of a part in its own sentence, or in the sentences before it that end in `；`: the level before
    /// a 其中 (`床位1029.8万张，其中：医院812.0万张`, `…90895.5亿元，其中：…；社会卫生支出43280.0亿元，占47.6%`) or one
    /// followed by 中 (`151件中，…140件`); for a sentence opening with 其中 (`其中医院25462.0万人次（占81.6％）`), the
    /// last level of its unit in the sentence before.
    fn whole_in_sentence(&self, part: usize, ok: &dyn Fn(usize) -> bool) -> Option<usize> {
        let (mut first, _) = self.sentence(part);
        let opens_subset = |k: usize| {
            let t = self.text(k, self.inds[k].sentence_span.0, self.fig(k).start);
            let t = t.trim_start();
            self.lx.subset_markers.iter().any(|m| t.starts_with(m.as_str()))
        };
        let mut j = part;
        loop {
            while j > first {
                j -= 1;
                if !ok(j) {
                    continue;
                }
                let f = self.fig(j);
                let after = self.text(j, f.end, f.end + 4);
                let after = after.trim_start_matches(['，', ',', '；', ';', '：', ':']);
                if after.starts_with('中') || self.lx.subset_markers.iter().any(|m| after.starts_with(m.as_str())) {
                    return Some(j);
                }
            }
            // The sentence before, when this one continues it.
            if first == 0 || part - first > HEAD_REACH {
                return None;
            }
            let prev = first - 1;
            let ends_semicolon = self.inds[prev].sentence.trim_end().ends_with(['；', ';']);
            if opens_subset(first) && !ends_semicolon {
                let (pf, _) = self.sentence(prev);
                return (pf..=prev).rev().find(|&i| ok(i));
            }
            if !ends_semicolon {
                return None;
            }
            first = self.sentence(prev).0;
        }
    }

    /// The whole a sentence names at its head, stated before it (`2024年末卫生人员机构分布：医院937.4万人（占
    /// 59.4%）` → `卫生人员总数1578.0万人`).
    fn whole_in_head(&self, part: usize, ok: &dyn Fn(usize) -> bool) -> Option<usize> {
        let (first, _) = self.sentence(part);
        let ind = &self.inds[part];
        let text = self.text(part, ind.sentence_span.0, self.fig(first).start);
        // Only a head that opens a list of parts: `…分布：医院…`, `…中，三级医院…`.
        let (cut, len) = ["：", ":", "中，", "中,"].iter().find_map(|o| text.rfind(o).map(|c| (c, o.len())))?;
        let head = &text[..cut];
        if head.chars().any(is_sep) || !head.chars().any(is_cjk) || text[cut + len..].chars().any(is_sep) {
            return None;
        }
        (first.saturating_sub(HEAD_REACH)..first).rev().find(|&i| {
            let n = &self.names[i];
            n.chars().count() >= 2 && head.contains(n.as_str()) && ok(i)
        })
    }

    /// A rate a report defines from other figures (`dicts/rate_defs.tsv`).
    fn defined_rate(&self, k: usize) -> Option<Derived> {
        let f = self.fig(k);
        let name = &self.names[k];
        let def = self.rate_def(name)?;
        let (op, a, b) = (def[0].as_str(), def[1].as_str(), def[2].as_str());
        let lx = self.lx;
        let find_any = |names: &str, ok: &dyn Fn(usize) -> bool| names.split('|').find_map(|n| self.find(n, k, ok));
        if op == "difference" {
            if f.kind != Kind::Percent {
                return None;
            }
            let ok = |i: usize| {
                let g = self.fig(i);
                g.kind == Kind::Percent && g.unit == f.unit && self.same_period(i, k)
            };
            let (ia, ib) = (find_any(a, &ok)?, find_any(b, &ok)?);
            let (fa, fb) = (self.fig(ia), self.fig(ib));
            let r = fa.value - fb.value;
            let d = half_quantum(fa) + half_quantum(fb);
            return Some(Derived {
                value: r,
                low: r - d,
                high: r + d,
                formula: format!("{} − {}", raw_num(lx, fa), raw_num(lx, fb)),
                what: "rate defined as a difference",
                operands: vec![ia, ib],
                confirms_only: false,
                why_unsure: "",
            });
        }
        let per_head = op == "per_head";
        if per_head != (f.kind == Kind::Quantity) || (per_head && f.qualifier != Qualifier::Exact) {
            return None;
        }
        let okq = |i: usize| {
            let g = self.fig(i);
            g.kind == Kind::Quantity && self.same_period(i, k) && (!per_head || g.qualifier == Qualifier::Exact)
        };
        // A per-head level may come before the total and the population it is of (`全年人均国内生产总值95749元` …
        // `年末全国人口140828万人`).
        let near = |names: &str, ok: &dyn Fn(usize) -> bool| {
            find_any(names, ok)
                .or_else(|| if per_head { names.split('|').find_map(|n| self.find_after(n, k, ok)) } else { None })
        };
        let ia = near(a, &okq)?;
        let fa = self.fig(ia);
        let okb = |i: usize| {
            let g = self.fig(i);
            i != ia
                && okq(i)
                && g.value > Decimal::ZERO
                && if per_head {
                    !g.unit.is_empty() && g.unit != fa.unit
                } else {
                    g.unit == fa.unit && g.value >= fa.value
                }
        };
        let b2 = def.get(3).map(String::as_str).unwrap_or("");
        let (ib, other_basis) = match near(b, &okb) {
            Some(i) => (i, false),
            None if !b2.is_empty() => (near(b2, &okb)?, true),
            None => return None,
        };
        let fb = self.fig(ib);
        let (ha, hb) = (half_quantum(fa), half_quantum(fb));
        let (mut dlo, mut dhi) = (fb.value - hb, fb.value + hb);
        let mut why_unsure = "";
        let mut operands = vec![ia, ib];
        if other_basis {
            // The average of the year lies between its start (the year-end level less the change) and its end.
            match self.change_beside(ib) {
                Some(c) => {
                    let fc = self.fig(c);
                    let start = fb.value - fc.value;
                    let hc = half_quantum(fc);
                    dlo = dlo.min(start - hb - hc);
                    dhi = dhi.max(start + hb + hc);
                    operands.push(c);
                }
                None => {
                    why_unsure = "cannot tell at this rounding: the figure is over the year's average population, the \
                                  report states another basis (the year-end one) and no change beside it";
                }
            }
        }
        if dlo <= Decimal::ZERO {
            return None;
        }
        let scale = match f.unit.as_str() {
            _ if per_head => Decimal::ONE,
            "‰" => Decimal::ONE_THOUSAND,
            _ => Decimal::ONE_HUNDRED,
        };
        Some(Derived {
            value: fa.value / fb.value * scale,
            low: (fa.value - ha) / dhi * scale,
            high: (fa.value + ha) / dlo * scale,
            formula: format!("{} / {}", raw_num(lx, fa), raw_num(lx, fb)),
            what: match (per_head, other_basis) {
                (true, false) => "level per head",
                (true, true) => "level per head, over the year-end population",
                (false, false) => "rate defined as a share",
                (false, true) => "rate defined as a share, over the year-end population",
            },
            operands,
            confirms_only: !why_unsure.is_empty(),
            why_unsure,
        })
    }

    /// `增加53.1万人（增长4.3%）` after `卫生技术人员1302.0万人` stated earlier: the growth from the level and its
    /// absolute change.
    fn growth_of_level(&self, k: usize) -> Option<Derived> {
        let (first, _) = self.sentence(k);
        let f = self.fig(k);
        let d = k.checked_sub(1).filter(|&d| d >= first)?;
        let fd = self.fig(d);
        if fd.kind != Kind::ChangeAbs || fd.qualifier != Qualifier::Exact {
            return None;
        }
        // `比2010年增加13480元`: a change against a year named, not the year before.
        if fd
            .basis
            .as_deref()
            .is_some_and(|b| b.chars().any(|c| c.is_ascii_digit() || crate::number::chinese::is_numeral_char(c)))
            || self.text(k, self.clause_start(k, fd.start), fd.num_start).chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        let gap = self.text(k, fd.end, f.start);
        if gap.chars().filter(|c| !is_sep(*c) && !matches!(c, '（' | '(')).count() > 2 {
            return None;
        }
        // The level right before the change in its sentence, stated without the unit the change repeats
        // (`总诊疗人次101.5亿，比上年增加6.0亿人次`), or the level of the change's indicator stated earlier.
        let level = match d.checked_sub(1).filter(|&q| q >= first) {
            Some(q)
                if self.fig(q).kind == Kind::Quantity
                    && self.fig(q).unit.is_empty()
                    && self.names[q] == self.names[d] =>
            {
                q
            }
            _ => {
                let ok = |i: usize| {
                    let g = self.fig(i);
                    g.kind == Kind::Quantity
                        && g.unit == fd.unit
                        && self.same_period(i, d)
                        && g.qualifier == Qualifier::Exact
                };
                let subject = &self.inds[d].subject;
                // `入院人次31192.0万` … `入院增加1004.7万人次`: a level whose name holds the unit its number lacks.
                let unitless = |i: usize| {
                    let g = self.fig(i);
                    g.kind == Kind::Quantity
                        && g.unit.is_empty()
                        && self.same_period(i, d)
                        && g.qualifier == Qualifier::Exact
                };
                self.find(subject, d, &ok).or_else(|| self.find(&format!("{subject}{}", fd.unit), d, &unitless))?
            }
        };
        let fq = self.fig(level);
        let (r, lo, hi, op) = change_over_base(fq, fd)?;
        Some(Derived {
            value: r,
            low: lo,
            high: hi,
            formula: format!("{} / ({} {op} {})", raw_num(self.lx, fd), raw_num(self.lx, fq), raw_num(self.lx, fd)),
            what: "change of the level stated before it",
            operands: vec![level, d],
            confirms_only: false,
            why_unsure: "",
        })
    }

    /// `3326件（2023年为867件），同比增长283.6%`, `2023年…66件，2024年…151件，同比增长128.78%`: two levels of one
    /// unit a year apart in the growth's sentence.
    fn dated_levels(&self, k: usize) -> Option<Derived> {
        let (first, _) = self.sentence(k);
        let f = self.fig(k);
        let mut qs = (first..k).rev().filter(|&i| self.fig(i).kind == Kind::Quantity);
        let b = qs.next()?;
        let a = qs.next()?;
        let (fa, fb) = (self.fig(a), self.fig(b));
        if fa.unit != fb.unit || fa.qualifier != Qualifier::Exact || fb.qualifier != Qualifier::Exact {
            return None;
        }
        // No figure of another kind between them and the growth.
        if (a + 1..k).any(|i| i != b && self.fig(i).kind.is_indicator()) {
            return None;
        }
        let (ya, yb) = (self.inds[a].ref_year?, self.inds[b].ref_year?);
        let yk = self.inds[k].ref_year?;
        let (old, new) = if ya + 1 == yb && yb == yk {
            (a, b)
        } else if yb + 1 == ya && ya == yk {
            (b, a)
        } else {
            return None;
        };
        let (fo, fnw) = (self.fig(old), self.fig(new));
        if fo.value <= Decimal::ZERO {
            return None;
        }
        let (d_o, d_n) = (half_quantum(fo), half_quantum(fnw));
        let h = Decimal::ONE_HUNDRED;
        let r = (fnw.value - fo.value) / fo.value * h;
        let lo = ((fnw.value - d_n) - (fo.value + d_o)) / (fo.value + d_o) * h;
        let hi = if fo.value > d_o { ((fnw.value + d_n) - (fo.value - d_o)) / (fo.value - d_o) * h } else { r };
        let _ = f;
        Some(Derived {
            value: r,
            low: lo,
            high: hi,
            formula: format!("({} − {}) / {}", raw_num(self.lx, fnw), raw_num(self.lx, fo), raw_num(self.lx, fo)),
            what: "two dated levels",
            operands: vec![old, new],
            confirms_only: false,
            why_unsure: "",
        })
    }

    /// `空气质量达标的城市占65.5%，未达标的城市占34.5%`: the last of the shares a sentence states with 占, against
    /// 100 less the others. Whether the list is exhaustive and its parts apart the text does not say, so only a
    /// sum of 100 within the rounding is a verdict.
    fn shares_sum(&self, k: usize) -> Option<Derived> {
        let (first, end) = self.sentence(k);
        let lx = self.lx;
        let f = self.fig(k);
        let stated_share = |i: usize| {
            let g = self.fig(i);
            g.kind == Kind::Percent && g.unit == f.unit && g.qualifier == Qualifier::Exact && {
                let before = self.name_before(i);
                lx.share_markers.iter().any(|m| before.contains(m.as_str()))
            }
        };
        let members: Vec<usize> = (first..end).filter(|&i| stated_share(i)).collect();
        // Each share a part of its own: stated with 占 again, or listed (`19.6%、27.8%和52.6%`); not the same
        // share at two times (`占比从30%提高到70%`, provincial_gwr_2026_csv/gansu_2026_gwr.csv).
        let apart = members.windows(2).all(|w| {
            let gap = self.text(w[1], self.fig(w[0]).end, self.fig(w[1]).num_start);
            lx.share_markers.iter().any(|m| gap.contains(m.as_str())) || matches!(gap.trim(), "、" | "和" | "及")
        });
        if !apart
            || members.len() < 2
            || members.last() != Some(&k)
            || (first..end).any(|i| self.fig(i).kind.is_change())
        {
            return None;
        }
        let whole = if f.unit == "‰" { Decimal::ONE_THOUSAND } else { Decimal::ONE_HUNDRED };
        let others = &members[..members.len() - 1];
        let r = whole - others.iter().map(|&i| self.fig(i).value).sum::<Decimal>();
        let d: Decimal = others.iter().map(|&i| half_quantum(self.fig(i))).sum();
        let mut formula = whole.to_string();
        for &i in others {
            formula.push_str(&format!(" − {}", raw_num(lx, self.fig(i))));
        }
        Some(Derived {
            value: r,
            low: r - d,
            high: r + d,
            formula,
            what: "shares of one whole sum to it",
            operands: others.to_vec(),
            confirms_only: true,
            why_unsure: "",
        })
    }

    /// `占次均门诊费用的36.8%，比上年（36.9%）下降0.1个百分点`: the rate, the earlier rate in parentheses after the
    /// comparison, and the change in 百分点 between them.
    fn previous_rate(&self, k: usize) -> Option<Derived> {
        let (first, _) = self.sentence(k);
        let (b, a) = (k.checked_sub(1)?, k.checked_sub(2)?);
        if a < first {
            return None;
        }
        let (fa, fb, f) = (self.fig(a), self.fig(b), self.fig(k));
        if fa.kind != Kind::Percent || fb.kind != Kind::Percent || fa.unit != fb.unit {
            return None;
        }
        let between = self.text(k, fa.end, fb.num_start);
        let after = self.text(k, fb.end, f.start);
        if !between.ends_with(['（', '('])
            || !after.starts_with(['）', ')'])
            || between.chars().filter(|c| is_sep(*c)).count() > 1
        {
            return None;
        }
        if !self.lx.comparison_openers.iter().any(|w| between.contains(w.as_str())) {
            return None;
        }
        Some(self.whole_less_parts(a, vec![b], "difference of the rate and the earlier one in parentheses"))
    }

    /// Whether figure `k` may be the last part of a whole (`dicts/part_sums.tsv`): a cheap test on its name,
    /// before any lookup.
    pub fn may_be_part(&self, k: usize) -> bool {
        if self.fig(k).kind != Kind::Quantity || self.names[k].is_empty() {
            return false;
        }
        let name = trim_subset(self.lx, &self.names[k]);
        !name.is_empty()
            && (self.lx.part_names.contains(name)
                || (self.lx.per_head_names.iter().any(|n| name.ends_with(n.as_str()))
                    && self.rate_def(name).is_some_and(|d| d[0] == "per_head")))
    }

    /// The definition of a rate named `name` (`dicts/rate_defs.tsv`): its name, after nothing or after a name of
    /// the whole it is over (`常住人口城镇化率`, `人口出生率`) — not a narrower rate ending alike (`婴儿死亡率` is over
    /// live births, not the population; `户籍人口城镇化率` over another population).
    fn rate_def(&self, name: &str) -> Option<&'a Vec<String>> {
        self.lx.rate_defs.iter().find_map(|(n, d)| {
            let prefix = name.strip_suffix(n.as_str())?;
            let over = |alts: Option<&String>| alts.is_some_and(|a| a.split('|').any(|w| w == prefix));
            (prefix.is_empty() || over(d.get(2)) || over(d.get(3))).then_some(d)
        })
    }

    /// The nearest figure after `after` named `name` that `ok` accepts, within [`HEAD_REACH`] figures.
    fn find_after(&self, name: &str, after: usize, ok: &dyn Fn(usize) -> bool) -> Option<usize> {
        let n = normalise(self.lx, name);
        let list = self.by_name.get(&n)?;
        let start = list.partition_point(|&i| i <= after);
        list[start..].iter().take_while(|&&i| i - after <= HEAD_REACH).find(|&&i| ok(i) && self.name_stands(i)).copied()
    }

    /// The absolute change stated right after level `i` in its sentence (`年末全国人口140828万人，比上年末减少139万人`).
    fn change_beside(&self, i: usize) -> Option<usize> {
        let c = i + 1;
        let (g, fc) = (self.fig(i), self.inds.get(c).map(|x| &x.figure)?);
        (self.inds[c].sentence_span == self.inds[i].sentence_span
            && fc.kind == Kind::ChangeAbs
            && fc.unit == g.unit
            && fc.qualifier == Qualifier::Exact
            && !fc.basis.as_deref().is_some_and(|b| b.chars().any(|c| c.is_ascii_digit())))
        .then_some(c)
    }

    /// `国内生产总值1349084亿元…其中，第一产业增加值91414亿元…；第二产业增加值492087亿元…；第三产业增加值765583亿元`:
    /// the last of parts that make up a whole by what they are (`dicts/part_sums.tsv`), against the whole stated
    /// before them less the other parts — each of the whole's unit and period, exact, stated after the whole.
    fn parts_sum(&self, k: usize) -> Option<Derived> {
        let f = self.fig(k);
        let name = trim_subset(self.lx, &self.names[k]);
        if f.qualifier != Qualifier::Exact || name.is_empty() {
            return None;
        }
        let is = |alts: &str| alts.split('|').any(|a| a == name);
        let def = self.lx.part_sums.iter().find(|d| d[1..].iter().any(|p| is(p)))?;
        let ok = |i: usize| {
            let g = self.fig(i);
            g.kind == Kind::Quantity
                && g.qualifier == Qualifier::Exact
                && g.unit == f.unit
                && self.same_period(i, k)
                && k - i <= HEAD_REACH
        };
        let find_any = |alts: &str, before: usize| alts.split('|').find_map(|n| self.find(n, before, &ok));
        let whole = find_any(&def[0], k)?;
        let mut others = Vec::new();
        for p in def[1..].iter().filter(|p| !is(p)) {
            let i = find_any(p, k).filter(|&i| i > whole)?;
            others.push(i);
        }
        others.sort_unstable();
        // The parts follow the whole as its list: no other level of the unit between them (`货物进出口总额438468
        // 亿元…其中，出口254545亿元…；进口183923亿元` is one; the 出口 of `对共建“一带一路”国家进出口额220685亿元…
        // 其中，出口122095亿元` is a part of that other whole).
        if (whole + 1..k).any(|i| {
            let g = self.fig(i);
            g.kind == Kind::Quantity && g.unit == f.unit && others.binary_search(&i).is_err()
        }) {
            return None;
        }
        Some(self.whole_less_parts(whole, others, "parts sum to the whole stated before them"))
    }

    /// What the last part must be for `others` and it to sum to `whole`: the whole less the other parts, with
    /// the rounding of every operand (with one other part, the difference of two figures).
    fn whole_less_parts(&self, whole: usize, others: Vec<usize>, what: &'static str) -> Derived {
        let fw = self.fig(whole);
        let sum: Decimal = others.iter().map(|&i| self.fig(i).value).sum();
        let r = fw.value - sum;
        let d = half_quantum(fw) + others.iter().map(|&i| half_quantum(self.fig(i))).sum::<Decimal>();
        let mut formula = raw_num(self.lx, fw);
        for &i in &others {
            formula.push_str(&format!(" − {}", raw_num(self.lx, self.fig(i))));
        }
        let mut operands = vec![whole];
        operands.extend(others);
        Derived { value: r, low: r - d, high: r + d, formula, what, operands, confirms_only: false, why_unsure: "" }
    }

    /// `常住人口城镇化率为67.42%，比上年末提高0.35个百分点` with the rate of the year before stated in another sentence
    /// of the report (the same indicator, the same unit, the year before): the change is the difference of the two.
    fn previous_rate_elsewhere(&self, k: usize) -> Option<Derived> {
        let (first, _) = self.sentence(k);
        let f = self.fig(k);
        let year = self.inds[k].ref_year?;
        // Against the year before, not a year named (`比2020年提高`).
        if f.qualifier != Qualifier::Exact
            || self.inds[k].span.is_some()
            || f.basis.as_deref().is_some_and(|b| b.chars().any(|c| c.is_ascii_digit()))
        {
            return None;
        }
        // The rate now: the percentage right before the change in its sentence, no other figure between.
        let a = k.checked_sub(1).filter(|&a| a >= first)?;
        let fa = self.fig(a);
        if fa.kind != Kind::Percent || fa.qualifier != Qualifier::Exact || !self.same_period(a, k) {
            return None;
        }
        // 千分点 for a rate in ‰, 百分点 for one in %.
        if (fa.unit == "‰") != f.raw.contains("千分点") {
            return None;
        }
        let (s0, s1) = (self.inds[a].sentence_span, self.inds[k].sentence_span);
        let ok = |i: usize| {
            let g = self.fig(i);
            let x = &self.inds[i];
            g.kind == Kind::Percent
                && g.unit == fa.unit
                && g.qualifier == Qualifier::Exact
                && x.ref_year == Some(year - 1)
                && x.span.is_none()
                && x.sentence_span != s0
                && x.sentence_span != s1
        };
        let name = &self.names[a];
        if name.chars().count() < 2 {
            return None;
        }
        let b = self.find(name, a, &ok).or_else(|| self.find_after(name, k, &ok))?;
        Some(self.whole_less_parts(
            a,
            vec![b],
            "difference of the rate and the year before's, stated in another sentence",
        ))
    }

    /// The last of the parts of a growth in 百分点 (`最终消费支出拉动国内生产总值增长2.2个百分点，…，货物和服务净出口
    /// 拉动国内生产总值增长1.5个百分点`), against the growth stated before them: the growth less the other parts.
    fn contribution(&self, k: usize) -> Option<Derived> {
        let (first, end) = self.sentence(k);
        let target = |i: usize| -> Option<String> {
            let f = self.fig(i);
            if f.kind != Kind::ChangePp {
                return None;
            }
            let before = self.text(i, self.clause_start(i, f.start), f.start);
            let (p, w) = self.lx.contribution_words.iter().find_map(|w| before.find(w.as_str()).map(|p| (p, w)))?;
            let name = before[p + w.len()..].trim();
            (!name.is_empty()).then(|| name.to_string())
        };
        let name = target(k)?;
        let members: Vec<usize> = (first..end).filter(|&i| target(i).as_deref() == Some(name.as_str())).collect();
        if members.len() < 3 || members.last() != Some(&k) {
            return None;
        }
        // The name holds the growth verb (`国内生产总值增长`): the indicator is the text before it.
        let growth_name = name.trim_end_matches(|c: char| !is_cjk(c));
        let ok = |i: usize| {
            let g = self.fig(i);
            g.kind == Kind::ChangePct && g.qualifier == Qualifier::Exact && self.same_period(i, k)
        };
        let g = self.find(growth_name, members[0], &ok).or_else(|| {
            let n = growth_name.trim_end_matches(|c: char| "增长提高上升下降".contains(c));
            self.find(n, members[0], &ok)
        })?;
        let others: Vec<usize> = members[..members.len() - 1].to_vec();
        Some(self.whole_less_parts(g, others, "parts of a growth sum to it"))
    }
}

/// The name of a whole after a share marker (`国内生产总值比重` → `国内生产总值`, `全部造林面积的` → `全部造林面积`).
fn base_of(lx: &VerifyLex, s: &str) -> String {
    let mut s = s.trim().to_string();
    loop {
        let before = s.len();
        for w in lx.rate_ends.iter().chain(&lx.possessive).chain(&lx.rate_links) {
            if let Some(t) = s.strip_suffix(w.as_str()) {
                s = t.to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    s
}

fn trim_subset<'s>(lx: &VerifyLex, s: &'s str) -> &'s str {
    let mut s = s.trim_start_matches(['，', ',', '：', ':']);
    while let Some(w) = lx.subset_markers.iter().find(|w| s.starts_with(w.as_str())) {
        s = s[w.len()..].trim_start_matches(['，', ',', '：', ':']);
    }
    s
}

/// A subject's name as an indicator: footnote marks, years and the words of `dicts/name_trims.txt` at either
/// end dropped (`2024年末全国卫生人员总数` → `卫生人员`).
pub fn normalise(lx: &VerifyLex, subject: &str) -> String {
    let mut owned: String;
    let mut s: &str = subject;
    // Circled footnote marks: `全市生产总值②` (luoyang_2023_tjgb.txt).
    let circled = |c: char| ('\u{2460}'..='\u{2473}').contains(&c);
    if s.chars().any(|c| c.is_whitespace() || c == '[' || circled(c)) {
        owned = s.chars().filter(|&c| !c.is_whitespace() && !circled(c)).collect();
        // Footnote marks: `国内生产总值[2]`.
        while let (Some(a), Some(b)) = (owned.find('['), owned.find(']')) {
            if b < a {
                break;
            }
            owned.replace_range(a..=b, "");
        }
        s = &owned;
    }
    loop {
        let before = s.len();
        let t = s.trim_start_matches(|c: char| c.is_ascii_digit());
        if t.len() < s.len() {
            s = t.trim_start_matches(['年', '月', '末', '底']);
        }
        for w in lx.name_trims.iter() {
            if let Some(t) = s.strip_prefix(w.as_str()) {
                s = t;
            }
            if let Some(t) = s.strip_suffix(w.as_str()) {
                s = t;
            }
        }
        if s.len() == before {
            break;
        }
    }
    s.to_string()
}
