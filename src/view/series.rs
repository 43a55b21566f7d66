//! The series page: with reports of several years of a region, its headline indicators across the years,
//! first thing on the page.
//!
//! The indicators come from `compare`'s table (the same normalisation, year attribution and choice of one
//! figure per year as `zhibiao compare`), chosen by rule: the known indicators of `dicts/indicators.tsv`
//! (a list that opens with the headline ones) with a value in at least half of the region's years, in the
//! list's order, at most two kinds of figure per indicator and [`MAX_CHARTS`] in all; when no known
//! indicator is that well filled, the best-filled named rows.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;

use super::chart::{self, LARGE, Point, Series};
use crate::analyzer::DocReport;
use crate::compare::{self, Aliases, Entry, Key, Naming, Table};
use crate::figure::{Kind, Qualifier};
use crate::period::Status;

/// At most this many charts per region.
pub(crate) const MAX_CHARTS: usize = 12;
/// At most this many charts of one indicator (its level and its growth, say).
const PER_INDICATOR: usize = 2;
/// The sentence in a point's note, cut to this many characters.
const NOTE_CHARS: usize = 120;

/// One chart of the series page.
pub(crate) struct SeriesChart {
    /// `国内生产总值 增速（%）`.
    pub title: String,
    /// The indicator.
    pub indicator: String,
    /// The unit.
    pub unit: String,
    /// `2024年 5.2 · 2025年目标 ~5`: the last actual and the last target.
    pub latest: String,
    pub svg: String,
}

/// One cell of the series table: what it shows and what hovering it tells.
pub(crate) struct SeriesCell {
    pub text: String,
    pub detail: String,
}

/// One row of the series table: a chart's actuals or its targets, per year.
pub(crate) struct SeriesRow {
    pub title: String,
    pub status: &'static str,
    pub cells: Vec<SeriesCell>,
}

/// The series of one region.
pub(crate) struct RegionSeries {
    pub region: String,
    /// The years of its reports.
    pub report_years: String,
    /// The years the table has a column for.
    pub years: Vec<i32>,
    pub charts: Vec<SeriesChart>,
    pub rows: Vec<SeriesRow>,
}

/// A word for the kind of figure after the indicator: growth, change; none for a level or a rate.
fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::ChangePct => " 增速",
        Kind::ChangeAbs => " 增减",
        Kind::ChangePp => " 变化",
        Kind::Multiple => " 倍数",
        _ => "",
    }
}

/// `国内生产总值 增速（%）`.
pub(crate) fn chart_title(indicator: &str, kind: Kind, unit: &str) -> String {
    let unit = if unit.is_empty() { String::new() } else { format!("（{unit}）") };
    format!("{indicator}{}{unit}", kind_word(kind))
}

/// A value short enough for a cell, with its qualifier: `~5`, `≥1200万`, `6.5–7`.
fn cell_text(e: &Entry) -> String {
    let v = |d: rust_decimal::Decimal| chart::short(d.to_f64().unwrap_or(0.0));
    let s = v(e.value);
    match e.qualifier {
        Qualifier::Exact => s,
        Qualifier::Approx => format!("~{s}"),
        Qualifier::AtLeast => format!("≥{s}"),
        Qualifier::AtMost => format!("≤{s}"),
        Qualifier::Range => format!("{s}–{}", e.value_max.map(v).unwrap_or_default()),
    }
}

/// The figure as stated, its sentence (cut) and its report.
fn note(e: &Entry) -> String {
    let mut sentence: String = e.sentence.trim().chars().take(NOTE_CHARS).collect();
    if e.sentence.trim().chars().count() > NOTE_CHARS {
        sentence.push('…');
    }
    let doc = e.doc.rsplit(['/', '\\']).next().unwrap_or(&e.doc);
    format!("{}：{sentence}（{doc}）", e.raw)
}

/// A row of the comparison that may get a chart.
struct Candidate<'a> {
    /// Whether its indicator is in dicts/indicators.tsv.
    known: bool,
    /// Its place there.
    rank: usize,
    /// The years with an actual or a target.
    filled: usize,
    /// Indicator, kind, unit.
    row: (&'a str, Kind, &'a str),
    /// Its actual key and its target key.
    keys: [Option<&'a Key>; 2],
}

/// The series pages of the regions with reports of at least two years, in region order.
pub(crate) fn series(reports: &[DocReport]) -> Vec<RegionSeries> {
    let mut years_of: BTreeMap<String, Vec<i32>> = BTreeMap::new();
    for r in reports {
        if let Some(y) = r.year {
            years_of.entry(compare::region_of(r)).or_default().push(y);
        }
    }
    years_of.retain(|_, ys| {
        ys.sort_unstable();
        ys.dedup();
        ys.len() >= 2
    });
    if years_of.is_empty() {
        return Vec::new();
    }
    let table = Table::new(compare::entries(reports, &Aliases::builtin()));
    // Per region, per (indicator, kind, unit): the actual key and the target key.
    type Group<'a> = [Option<&'a Key>; 2];
    let mut groups: BTreeMap<&str, BTreeMap<(&str, Kind, &str), Group<'_>>> = BTreeMap::new();
    for key in table.rows.keys() {
        if !years_of.contains_key(&key.0) || !table.naming(key).in_wide() {
            continue;
        }
        let g = groups.entry(&key.0).or_default().entry((&key.1, key.2, &key.3)).or_default();
        g[usize::from(key.4 == Status::Target)] = Some(key);
    }
    let mut out = Vec::new();
    for (region, report_years) in &years_of {
        let Some(gs) = groups.get(region.as_str()) else { continue };
        let need = report_years.len().div_ceil(2).max(2);
        let mut picked: Vec<Candidate<'_>> = gs
            .iter()
            .filter_map(|(&(indicator, kind, unit), g)| {
                let mut years: Vec<i32> = g.iter().flatten().flat_map(|k| table.rows[*k].keys().copied()).collect();
                years.sort_unstable();
                years.dedup();
                let known = g.iter().flatten().any(|k| table.naming(k) == Naming::Known);
                let rank = compare::indicator_rank(indicator).unwrap_or(usize::MAX);
                (years.len() >= 2).then_some(Candidate {
                    known,
                    rank,
                    filled: years.len(),
                    row: (indicator, kind, unit),
                    keys: *g,
                })
            })
            .collect();
        if picked.iter().any(|p| p.known && p.filled >= need) {
            picked.retain(|p| p.known && p.filled >= need);
            picked.sort_by(|a, b| a.rank.cmp(&b.rank).then(b.filled.cmp(&a.filled)).then(a.row.cmp(&b.row)));
        } else {
            picked.retain(|p| p.filled >= need);
            picked.sort_by(|a, b| b.filled.cmp(&a.filled).then(a.row.cmp(&b.row)));
        }
        let mut per_indicator: BTreeMap<&str, usize> = BTreeMap::new();
        picked.retain(|p| {
            let n = per_indicator.entry(p.row.0).or_default();
            *n += 1;
            *n <= PER_INDICATOR
        });
        picked.truncate(MAX_CHARTS);
        if picked.is_empty() {
            continue;
        }
        let mut charts = Vec::new();
        let mut rows = Vec::new();
        let mut all_years: Vec<i32> = Vec::new();
        for Candidate { row: (ind, kind, unit), keys: g, .. } in &picked {
            let title = chart_title(ind, *kind, unit);
            let mut points = Vec::new();
            let mut latest = Vec::new();
            for (i, key) in g.iter().enumerate() {
                let Some(key) = key else { continue };
                let target = i == 1;
                let mut cells: BTreeMap<i32, SeriesCell> = BTreeMap::new();
                let mut last = None;
                for (&year, es) in &table.rows[*key] {
                    let Some(e) = es.first() else { continue };
                    let Some(value) = e.value.to_f64() else { continue };
                    points.push(Point { year, value, target, note: note(e) });
                    let verdict = if target { table.verdict(key, year) } else { None };
                    let mut detail = note(e);
                    if let Some(v) = verdict {
                        detail = format!("{}：{detail}", crate::output::zh_value(&v));
                    }
                    cells.insert(year, SeriesCell { text: cell_text(e), detail });
                    last = Some((year, e));
                    all_years.push(year);
                }
                if let Some((y, e)) = last {
                    latest.push(format!("{y}年{} {}", if target { "目标" } else { "" }, cell_text(e)));
                }
                rows.push((title.clone(), if target { "target" } else { "actual" }, cells));
            }
            points.sort_by_key(|p| (p.year, p.target));
            charts.push(SeriesChart {
                title,
                indicator: ind.to_string(),
                unit: unit.to_string(),
                latest: latest.join(" · "),
                svg: chart::svg_sized(&Series { points }, LARGE),
            });
        }
        all_years.sort_unstable();
        all_years.dedup();
        let rows = rows
            .into_iter()
            .map(|(title, status, mut cells)| SeriesRow {
                title,
                status,
                cells: all_years
                    .iter()
                    .map(|y| cells.remove(y).unwrap_or(SeriesCell { text: String::new(), detail: String::new() }))
                    .collect(),
            })
            .collect();
        let (first, last) = (report_years[0], report_years[report_years.len() - 1]);
        out.push(RegionSeries {
            region: region.clone(),
            report_years: format!("{first}–{last}"),
            years: all_years,
            charts,
            rows,
        });
    }
    out
}
