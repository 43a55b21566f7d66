//! `zhibiao view`: one self-contained HTML page (inline CSS, JS and SVG, no network) showing the figures of
//! reports in their text, their verification badges, a filterable table, and trend charts across years.
//!
//! Rendering goes through askama templates in `templates/view/` (autoescaped HTML); the only markup made in
//! Rust is the SVG of the trend charts, from numbers alone.

mod chart;
mod series;

use std::collections::BTreeMap;

use askama::Template;
use rust_decimal::prelude::ToPrimitive;

use crate::Document;
use crate::analyzer::{DocReport, Indicator};
use crate::output::fmt_decimal;

pub use chart::{LARGE, Point, SMALL, Series, Size, svg, svg_sized};

/// One report to show: its text (what figure offsets count code points of) and its analysis.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The decoded text.
    pub text: String,
    /// The analysis of the text.
    pub report: DocReport,
}

impl Entry {
    /// The entry of a document and its report.
    pub fn new(doc: &Document, report: DocReport) -> Self {
        Entry { text: doc.text.clone(), report }
    }
}

/// The year a figure is about and whether it is a target rather than a result, from the analysis.
pub fn period(report: &DocReport, ind: &Indicator) -> (Option<i32>, bool) {
    (ind.ref_year.or(report.year), ind.status == crate::period::Status::Target)
}

/// Whether [`period`] comes from the analysis rather than a guess from wording.
const PERIOD_FROM_ANALYSIS: bool = true;

/// One highlighted figure in the text.
struct Mark {
    id: String,
    kind: &'static str,
    subject: String,
    value: String,
    unit: String,
    qualifier: &'static str,
    ref_year: String,
    status: &'static str,
    check: Option<&'static str>,
    check_detail: String,
    /// ✓ ✗ or ? on the badge.
    symbol: &'static str,
    title: String,
}

/// A run of text, highlighted when it is a figure.
struct Seg {
    text: String,
    fig: Option<Mark>,
}

/// A row of the indicator table.
struct TableRow {
    id: String,
    /// The section path, on the row that opens a run of rows of one section (shown once, as a heading row).
    group: Option<String>,
    section: String,
    subject: String,
    kind: &'static str,
    raw: String,
    /// The value with its qualifier (`~5`, `≥12`, `6.5–7`).
    value: String,
    unit: String,
    ref_year: String,
    status: &'static str,
    check: &'static str,
    /// ✓ ✗ ? or nothing.
    symbol: &'static str,
    check_detail: String,
    /// The whole row on one line, for hovering: section, subject, figure, check.
    detail: String,
}

/// How the checks of a report came out.
#[derive(Default)]
struct Summary {
    checked: usize,
    consistent: usize,
    inconsistent: usize,
    unverifiable: usize,
}

/// A trend chart shown with a report.
struct Chart {
    title: String,
    svg: String,
    /// The same value every year.
    flat: bool,
}

/// What the report template needs.
struct ReportView {
    /// Anchor of the report (`r3`), also the prefix of its figures' anchors.
    anchor: String,
    /// `国务院 2024年 政府工作报告`: region, year and type from the report's metadata; the file name when
    /// none is known.
    title: String,
    doc: String,
    region: String,
    year: String,
    segs: Vec<Seg>,
    rows: Vec<TableRow>,
    bad: Vec<(String, String)>,
    summary: Summary,
    sections: Vec<String>,
    kinds: Vec<&'static str>,
    verdicts: Vec<&'static str>,
    charts: Vec<Chart>,
    figures: usize,
    period_guessed: bool,
}

#[derive(Template)]
#[template(path = "view/page.html")]
struct Page<'a> {
    title: String,
    single: bool,
    reports: &'a [ReportView],
    /// The headline series of each region with reports of several years: the landing page.
    series: &'a [series::RegionSeries],
}

/// Normalised verdict of a check.
fn verdict(check: Option<&str>) -> Option<&'static str> {
    match check? {
        "consistent" => Some("consistent"),
        "inconsistent" => Some("inconsistent"),
        _ => Some("unverifiable"),
    }
}

fn value_text(ind: &Indicator) -> String {
    use crate::figure::Qualifier;
    let f = &ind.figure;
    let v = fmt_decimal(f.value);
    match (f.qualifier, f.value_max) {
        (_, Some(m)) => format!("{v}–{}", fmt_decimal(m)),
        (Qualifier::Approx, None) => format!("~{v}"),
        (Qualifier::AtLeast, None) => format!("≥{v}"),
        (Qualifier::AtMost, None) => format!("≤{v}"),
        _ => v,
    }
}

fn symbol(check: Option<&str>) -> &'static str {
    match check {
        Some("consistent") => "✓",
        Some("inconsistent") => "✗",
        Some(_) => "?",
        None => "",
    }
}

/// The text cut into plain runs and figures; figure `i` gets the id `{prefix}f{i}`.
///
/// Offsets are code points of `text`; every indicator gets exactly one mark, even when spans overlap.
fn segments(text: &str, report: &DocReport, prefix: &str) -> Vec<Seg> {
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let at = |cp: usize| bytes[cp.min(bytes.len() - 1)];
    let mut order: Vec<usize> = (0..report.indicators.len()).collect();
    order.sort_by_key(|&i| {
        let f = &report.indicators[i].figure;
        (f.start, f.end, i)
    });
    let mut segs = Vec::new();
    let mut cursor = 0usize;
    for i in order {
        let ind = &report.indicators[i];
        let f = &ind.figure;
        let s = at(f.start).max(cursor);
        let e = at(f.end).max(s);
        if s > cursor {
            segs.push(Seg { text: text[cursor..s].to_string(), fig: None });
        }
        let (ref_year, target) = period(report, ind);
        let check = verdict(ind.check.map(|v| v.as_str()));
        let value = value_text(ind);
        let mut title = format!(
            "{} · {} {} · {} · {}",
            if ind.subject.is_empty() { "?" } else { &ind.subject },
            value,
            f.unit,
            f.kind.as_str(),
            f.qualifier.as_str()
        );
        if let Some(c) = check {
            title.push_str(&format!(" · {c}: {}", ind.check_detail));
        }
        segs.push(Seg {
            text: text[s..e].to_string(),
            fig: Some(Mark {
                id: format!("{prefix}f{i}"),
                kind: f.kind.as_str(),
                subject: ind.subject.clone(),
                value,
                unit: f.unit.clone(),
                qualifier: f.qualifier.as_str(),
                ref_year: ref_year.map(|y| y.to_string()).unwrap_or_default(),
                status: if target { "target" } else { "actual" },
                check,
                check_detail: ind.check_detail.clone(),
                symbol: symbol(check),
                title,
            }),
        });
        cursor = e;
    }
    if cursor < text.len() {
        segs.push(Seg { text: text[cursor..].to_string(), fig: None });
    }
    segs
}

/// One indicator across reports: figures grouped by (region, subject, unit, kind).
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// The region.
    pub region: String,
    /// The indicator.
    pub subject: String,
    /// Its unit.
    pub unit: String,
    /// Its kind.
    pub kind: &'static str,
    /// One point per year and status, by year.
    pub series: Series,
    /// Indexes of the reports the points come from.
    pub sources: Vec<usize>,
}

impl Trend {
    fn title(&self) -> String {
        let mut t = String::new();
        if !self.region.is_empty() {
            t.push_str(&self.region);
            t.push(' ');
        }
        t.push_str(&self.subject);
        t.push_str(&format!(" · {}", self.kind));
        if !self.unit.is_empty() {
            t.push_str(&format!(" · {}", self.unit));
        }
        t
    }
}

/// The trends of several reports: only indicators stated in at least two years, first figure per year and
/// status.
pub fn trends(reports: &[&DocReport]) -> Vec<Trend> {
    type Key = (String, String, String, &'static str);
    let mut groups: BTreeMap<Key, (Series, Vec<usize>)> = BTreeMap::new();
    for (ri, r) in reports.iter().enumerate() {
        for ind in &r.indicators {
            let f = &ind.figure;
            if !f.kind.is_indicator() || ind.subject.is_empty() {
                continue;
            }
            let (year, target) = period(r, ind);
            let (Some(year), Some(value)) = (year, f.value.to_f64()) else {
                continue;
            };
            let key = (r.region.clone().unwrap_or_default(), ind.subject.clone(), f.unit.clone(), f.kind.as_str());
            let (series, sources) = groups.entry(key).or_default();
            if series.points.iter().any(|p| p.year == year && p.target == target) {
                continue;
            }
            series.points.push(Point::new(year, value, target));
            if !sources.contains(&ri) {
                sources.push(ri);
            }
        }
    }
    groups
        .into_iter()
        .filter_map(|((region, subject, unit, kind), (mut series, sources))| {
            series.points.sort_by_key(|p| (p.year, p.target));
            let mut years: Vec<i32> = series.points.iter().map(|p| p.year).collect();
            years.dedup();
            (years.len() >= 2).then_some(Trend { region, subject, unit, kind, series, sources })
        })
        .collect()
}

fn report_view(index: usize, single: bool, entry: &Entry, charts: Vec<Chart>) -> ReportView {
    let r = &entry.report;
    let anchor = format!("r{}", index + 1);
    let prefix = if single { String::new() } else { format!("{anchor}-") };
    let segs = segments(&entry.text, r, &prefix);
    let mut rows: Vec<TableRow> = Vec::with_capacity(r.indicators.len());
    let mut bad = Vec::new();
    let mut summary = Summary::default();
    let mut sections: Vec<String> = Vec::new();
    let mut kinds: Vec<&'static str> = Vec::new();
    let mut verdicts: Vec<&'static str> = Vec::new();
    for (i, ind) in r.indicators.iter().enumerate() {
        let f = &ind.figure;
        let id = format!("{prefix}f{i}");
        let (ref_year, target) = period(r, ind);
        let check = verdict(ind.check.map(|v| v.as_str()));
        match check {
            Some("consistent") => summary.consistent += 1,
            Some("inconsistent") => summary.inconsistent += 1,
            Some(_) => summary.unverifiable += 1,
            None => {}
        }
        summary.checked += usize::from(check.is_some());
        if check == Some("inconsistent") {
            let name = if ind.subject.is_empty() { f.raw.clone() } else { format!("{} {}", ind.subject, f.raw) };
            bad.push((id.clone(), name));
        }
        if !sections.contains(&ind.section) {
            sections.push(ind.section.clone());
        }
        if !kinds.contains(&f.kind.as_str()) {
            kinds.push(f.kind.as_str());
        }
        let c = check.unwrap_or("unchecked");
        if !verdicts.contains(&c) {
            verdicts.push(c);
        }
        let group = (rows.last().map(|p| &p.section) != Some(&ind.section)).then(|| ind.section.clone());
        let mut detail = format!("{} · {} · {} {} · {}", ind.section, ind.subject, value_text(ind), f.unit, f.raw);
        if let Some(c) = check {
            detail.push_str(&format!(" · {c}: {}", ind.check_detail));
        }
        rows.push(TableRow {
            id,
            group,
            section: ind.section.clone(),
            subject: ind.subject.clone(),
            kind: f.kind.as_str(),
            raw: f.raw.clone(),
            value: value_text(ind),
            unit: f.unit.clone(),
            ref_year: ref_year.map(|y| y.to_string()).unwrap_or_default(),
            status: if target { "target" } else { "actual" },
            check: c,
            symbol: symbol(check),
            check_detail: ind.check_detail.clone(),
            detail,
        });
    }
    ReportView {
        anchor,
        title: report_title(entry),
        doc: r.doc.clone(),
        region: r.region.clone().unwrap_or_default(),
        year: r.year.map(|y| y.to_string()).unwrap_or_default(),
        figures: rows.len(),
        segs,
        rows,
        bad,
        summary,
        sections,
        kinds,
        verdicts,
        charts,
        period_guessed: !PERIOD_FROM_ANALYSIS,
    }
}

/// The type of a report (`政府工作报告`, `统计公报` …) from its metadata.
fn report_type(entry: &Entry) -> Option<String> {
    crate::meta::detect(&entry.report.doc, &entry.text).report_type
}

/// `国务院 2024年 政府工作报告`: region, year and type of a report; its file name when none is known.
fn report_title(entry: &Entry) -> String {
    let r = &entry.report;
    let parts: Vec<String> = [r.region.clone(), r.year.map(|y| format!("{y}年")), report_type(entry)]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() { r.doc.clone() } else { parts.join(" ") }
}

/// The title of a page of several reports: `国务院 政府工作报告 2014–2025年` for reports of one region, else
/// how many reports of how many regions.
fn several_title(entries: &[Entry]) -> String {
    let regions: std::collections::BTreeSet<String> =
        entries.iter().map(|e| crate::compare::region_of(&e.report)).collect();
    let mut years: Vec<i32> = entries.iter().filter_map(|e| e.report.year).collect();
    years.sort_unstable();
    let mut types: Vec<String> = entries.iter().filter_map(report_type).collect();
    types.sort();
    types.dedup();
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a == b => format!("{a}年"),
        (Some(a), Some(b)) => format!("{a}–{b}年"),
        _ => String::new(),
    };
    if let [region] = regions.iter().collect::<Vec<_>>().as_slice() {
        let parts: Vec<String> =
            [(*region).clone(), types.join("、"), span].into_iter().filter(|p| !p.is_empty()).collect();
        return format!("{} · {} reports", parts.join(" "), entries.len());
    }
    format!(
        "{} reports of {} regions{}",
        entries.len(),
        regions.len(),
        if span.is_empty() { span } else { format!(" · {span}") }
    )
}

/// The HTML page of one or more reports: a single report is shown as is; several get an index, and each
/// report's content stays inert (`<template>`) until opened, so an archive of hundreds opens at once. With
/// reports of several years of a region, the page opens with its headline series (see [`series`]).
pub fn page(entries: &[Entry]) -> Result<String, askama::Error> {
    let refs: Vec<&DocReport> = entries.iter().map(|e| &e.report).collect();
    let mut charts: Vec<Vec<Chart>> = entries.iter().map(|_| Vec::new()).collect();
    for t in trends(&refs) {
        let title = t.title();
        let svg = svg(&t.series);
        let first = t.series.points.first().map_or(0.0, |p| p.value);
        let flat = t.series.points.iter().all(|p| p.value == first);
        for &ri in &t.sources {
            charts[ri].push(Chart { title: title.clone(), svg: svg.clone(), flat });
        }
    }
    // Indicators that moved come first.
    for c in &mut charts {
        c.sort_by_key(|c| c.flat);
    }
    let single = entries.len() == 1;
    let reports: Vec<ReportView> =
        entries.iter().zip(charts).enumerate().map(|(i, (e, c))| report_view(i, single, e, c)).collect();
    let title = if single { reports[0].title.clone() } else { several_title(entries) };
    let series = if single {
        Vec::new()
    } else {
        let owned: Vec<DocReport> = entries.iter().map(|e| e.report.clone()).collect();
        series::series(&owned)
    };
    Page { title, single, reports: &reports, series: &series }.render()
}

#[cfg(test)]
mod tests;
