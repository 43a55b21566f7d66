//! The tables of `compare`, typed: the wide table (a row per indicator, columns per year), the long table (a
//! row per figure) and the claims table (stated changes recomputed across reports).
//!
//! A year column holds numbers only: the qualifier, the upper end of a range, the change against the year
//! before and whether a target was met stand in columns of their own, named so that no query needs quotes
//! (`y2015`, `y2015_max`, `y2015_q`, `y2015_chg`, `y2015_chg_pct`, `y2015_met`).

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::table::{
    AGREEMENT, Cell, Column, KINDS, MATCHES, NAMINGS, QUALIFIERS, SCHEMA_VERSION, SPANS, STATUSES, Schema, SheetName,
    Type, YES_NO,
};
use crate::compare::{Col, Entry, MatchHow, Table};
use crate::figure::{Kind, Qualifier};
use crate::period::Status;

/// The key columns every `compare` table starts with.
fn key_columns() -> Vec<Column> {
    vec![
        Column::new("region", "地区", Type::Text).doc("the region of the reports").width(10),
        Column::new("indicator", "指标", Type::Text).doc("the indicator, normalised across reports").width(24),
        Column::new("kind", "类型", Type::Enum(KINDS)).doc("kind of figure"),
        Column::new("unit", "单位", Type::Text).doc("base unit").width(8),
    ]
}

/// The wide table: one row per region, indicator, kind, unit and status with a value in at least
/// `min_years` years; per year its value and what goes with it.
pub fn wide_table(t: &Table, min_years: usize) -> (Schema, Vec<Vec<Cell<'_>>>) {
    let cols = t.columns();
    let any_target = t.rows.keys().any(|k| k.4 == Status::Target);
    let mut columns = key_columns();
    columns.extend([
        Column::new("status", "性质", Type::Enum(STATUSES)).doc("actual (results) or target (goals)").width(8),
        Column::new("match", "匹配方式", Type::Enum(MATCHES)).doc("how the reports' subjects were matched"),
        Column::new("years", "年数", Type::Int).doc("the number of years and spans with a value"),
    ]);
    let mut first_year = true;
    for col in &cols {
        let y =
            match *col {
                Col::Year(y) => y,
                Col::Span(sp) => {
                    let (name, zh, how) = (sp.name(), sp.zh(), sp.how.as_str());
                    columns.push(Column::new(name.clone(), zh.clone(), Type::Decimal).nullable().doc(format!(
                        "the {how} over {}–{} (a range's lower end), never a year's value",
                        sp.from, sp.to
                    )));
                    columns.push(
                        Column::new(format!("{name}_max"), format!("{zh}上限"), Type::Decimal)
                            .nullable()
                            .doc(format!("the upper end of that {how}'s range")),
                    );
                    columns.push(
                        Column::new(format!("{name}_q"), format!("{zh}限定"), Type::Enum(QUALIFIERS))
                            .nullable()
                            .doc(format!("how exactly that {how} is stated")),
                    );
                    continue;
                }
            };
        columns.push(
            Column::new(format!("y{y}"), format!("{y}年"), Type::Decimal)
                .nullable()
                .legacy(y.to_string())
                .doc(format!("the value of {y} in the base unit (a range's lower end)")),
        );
        columns.push(
            Column::new(format!("y{y}_max"), format!("{y}年上限"), Type::Decimal)
                .nullable()
                .legacy(format!("{y}_max"))
                .doc(format!("the upper end of {y}'s range")),
        );
        columns.push(
            Column::new(format!("y{y}_q"), format!("{y}年限定"), Type::Enum(QUALIFIERS))
                .nullable()
                .legacy(format!("{y}_q"))
                .doc(format!("how exactly {y}'s value is stated")),
        );
        if !first_year {
            columns.push(
                Column::new(format!("y{y}_chg"), format!("{y}年增减"), Type::Decimal)
                    .nullable()
                    .legacy(format!("{y} chg"))
                    .doc(format!("{y} minus {}, for exact actuals", y - 1)),
            );
            columns.push(
                Column::new(format!("y{y}_chg_pct"), format!("{y}年增减率"), Type::Decimal)
                    .nullable()
                    .legacy(format!("{y} chg%"))
                    .doc(format!("the change from {} to {y} in % of {}, for quantities", y - 1, y - 1)),
            );
        }
        first_year = false;
        if any_target {
            columns.push(
                Column::new(format!("y{y}_met"), format!("{y}年完成情况"), Type::Text)
                    .nullable()
                    .legacy(format!("{y} met"))
                    .doc(format!("for a target: whether {y}'s actual met it")),
            );
        }
    }
    columns.push(Column::new("notes", "备注", Type::Text).doc("other values stated for a year").width(30));
    columns.push(Column::schema_version());
    let mut rows = Vec::new();
    for key in t.keys() {
        let n = t.n_periods(key);
        if n < min_years || !t.is_named(key) {
            continue;
        }
        let how = t.entries_of(key).map(|e| e.how).max().unwrap_or(MatchHow::Same);
        let mut row = vec![
            Cell::text(&key.0),
            Cell::text(&key.1),
            Cell::label(key.2.as_str()),
            Cell::text(&key.3),
            Cell::label(key.4.as_str()),
            Cell::label(how.as_str()),
            Cell::Int(n as i64),
        ];
        let mut notes = Vec::new();
        let mut first_year = true;
        for col in &cols {
            let y = match *col {
                Col::Year(y) => y,
                Col::Span(sp) => {
                    let cur = t.get_span(key, sp);
                    row.push(cur.map_or(Cell::Null, |e| Cell::Dec(e.value)));
                    row.push(Cell::dec(cur.and_then(|e| e.value_max)));
                    row.push(cur.map_or(Cell::Null, |e| Cell::label(e.qualifier.as_str())));
                    if let Some(es) = t.spans.get(key).and_then(|s| s.get(&sp)) {
                        push_others(&mut notes, &sp.zh(), es);
                    }
                    continue;
                }
            };
            let cur = t.get(key, y);
            row.push(cur.map_or(Cell::Null, |e| Cell::Dec(e.value)));
            row.push(Cell::dec(cur.and_then(|e| e.value_max)));
            row.push(cur.map_or(Cell::Null, |e| Cell::label(e.qualifier.as_str())));
            if !first_year {
                let (chg, pct) = match (cur, t.get(key, y - 1)) {
                    (Some(c), Some(p))
                        if key.4 == Status::Actual
                            && c.qualifier == Qualifier::Exact
                            && p.qualifier == Qualifier::Exact =>
                    {
                        let d = c.value - p.value;
                        let pct = (matches!(key.2, Kind::Quantity) && !p.value.is_zero())
                            .then(|| (d / p.value * Decimal::ONE_HUNDRED).round_dp(2));
                        (Some(d), pct)
                    }
                    _ => (None, None),
                };
                row.push(Cell::dec(chg));
                row.push(Cell::dec(pct));
            }
            first_year = false;
            if any_target {
                let met = if cur.is_some() { t.verdict(key, y) } else { None };
                row.push(met.map_or(Cell::Null, |m| Cell::Label(m.into())));
            }
            if let Some(es) = t.rows.get(key).and_then(|r| r.get(&y)) {
                push_others(&mut notes, &y.to_string(), es);
            }
        }
        row.push(Cell::Text(notes.join("; ").into()));
        row.push(Cell::Int(SCHEMA_VERSION));
        rows.push(row);
    }
    let schema = Schema {
        table: "compare",
        title: "one indicator across years",
        columns,
        sheet: SheetName { en: "compare", zh: "对比" },
        second_sheet: None,
    };
    (schema, rows)
}

/// `2015: also 6.9 / 7`: the other values stated for a column, beside the one shown.
fn push_others(notes: &mut Vec<String>, col: &str, es: &[Entry]) {
    let first = &es[0];
    let others: BTreeSet<String> = es[1..].iter().filter(|e| e.cell() != first.cell()).map(Entry::cell).collect();
    if !others.is_empty() {
        notes.push(format!("{col}: also {}", others.into_iter().collect::<Vec<_>>().join(" / ")));
    }
}

/// The schema of the long table.
pub fn long_schema() -> Schema {
    let mut columns = key_columns();
    columns.extend([
        Column::new("status", "性质", Type::Enum(STATUSES)).doc("actual or target").width(8),
        Column::new("ref_year", "所属年份", Type::Int)
            .nullable()
            .doc("the year the figure is about; empty for a figure over several years"),
        Column::new("period_start", "起始年份", Type::Int).nullable().doc("for a figure over several years: the first"),
        Column::new("period_end", "截止年份", Type::Int).nullable().doc("for a figure over several years: the last"),
        Column::new("span", "跨年方式", Type::Enum(SPANS))
            .nullable()
            .doc("average, total or change over those years: a column of its own in the wide table"),
        Column::new("value", "数值", Type::Decimal).doc("exact value in the base unit"),
        Column::new("value_max", "数值上限", Type::Decimal).nullable().doc("upper end of a range"),
        Column::new("qualifier", "限定", Type::Enum(QUALIFIERS)).doc("how exactly it is stated"),
        Column::new("met", "完成情况", Type::Text)
            .nullable()
            .doc("for the chosen target of a year: whether it was met"),
        Column::new("doc", "文档", Type::Text).doc("the report").width(28),
        Column::new("raw", "原文", Type::Text).doc("the figure as stated"),
        Column::new("subject", "原指标", Type::Text).doc("the subject as the report states it"),
        Column::new("match", "匹配方式", Type::Enum(MATCHES)).doc("how it was matched to the indicator"),
        Column::new("chosen", "采用", Type::Enum(YES_NO))
            .doc("yes for the figure the wide table shows for its year (no when its row is not in the wide table)"),
        Column::new("naming", "指标名称", Type::Enum(NAMINGS)).doc(
            "known (in dicts/indicators.tsv) or name: a row of the wide table; fragment (a clause cut short, a place, a unit) or no subject: in --long only",
        ),
        Column::schema_version(),
    ]);
    Schema {
        table: "compare-long",
        title: "one figure placed in the comparison",
        columns,
        sheet: SheetName { en: "compare", zh: "对比" },
        second_sheet: None,
    }
}

/// The long table: one row per figure of the indicators with a value in at least `min_years` years.
pub fn long_table(t: &Table, min_years: usize) -> (Schema, Vec<Vec<Cell<'_>>>) {
    let mut rows = Vec::new();
    for key in t.keys() {
        if t.n_periods(key) < min_years {
            continue;
        }
        let years = t.rows.get(key).into_iter().flatten().map(|(&y, es)| (Some(y), es.as_slice()));
        let spans = t.spans.get(key).into_iter().flatten().map(|(_, es)| (None, es.as_slice()));
        for (y, es) in years.chain(spans) {
            for (i, e) in es.iter().enumerate() {
                let met = if i == 0 { y.and_then(|y| t.verdict(key, y)) } else { None };
                rows.push(vec![
                    Cell::text(&e.region),
                    Cell::text(&e.indicator),
                    Cell::label(e.kind.as_str()),
                    Cell::text(&e.unit),
                    Cell::label(e.status.as_str()),
                    y.map_or(Cell::Null, |y| Cell::Int(i64::from(y))),
                    e.span.map_or(Cell::Null, |s| Cell::Int(i64::from(s.from))),
                    e.span.map_or(Cell::Null, |s| Cell::Int(i64::from(s.to))),
                    e.span.map_or(Cell::Null, |s| Cell::label(s.how.as_str())),
                    Cell::Dec(e.value),
                    Cell::dec(e.value_max),
                    Cell::label(e.qualifier.as_str()),
                    met.map_or(Cell::Null, |m| Cell::Label(m.into())),
                    Cell::text(&e.doc),
                    Cell::text(&e.raw),
                    Cell::text(&e.subject),
                    Cell::label(e.how.as_str()),
                    Cell::label(if i == 0 && e.naming.in_wide() { "yes" } else { "no" }),
                    Cell::label(e.naming.as_str()),
                    Cell::Int(SCHEMA_VERSION),
                ]);
            }
        }
    }
    (long_schema(), rows)
}

/// The schema of the claims table.
pub fn claims_schema() -> Schema {
    let mut columns = key_columns();
    columns.extend([
        Column::new("ref_year", "所属年份", Type::Int).doc("the year of the stated change"),
        Column::new("verdict", "核验", Type::Enum(AGREEMENT)).doc("agrees, disagrees, cannot tell at this rounding (the levels as rounded hold no change as well as this one), or base differs (the report implies another level of the year before than its report states)"),
        Column::new("stated", "原文", Type::Text).doc("the change as stated"),
        Column::new("stated_value", "陈述值", Type::Decimal)
            .doc("its value (% for change_pct, base units for change_abs)"),
        Column::new("computed", "计算值", Type::Decimal).doc("the change computed from the two levels"),
        Column::new("difference", "差值", Type::Decimal).doc("stated_value minus computed"),
        Column::new("level", "本年水平", Type::Decimal).doc("the level of the claim's year"),
        Column::new("level_doc", "本年文档", Type::Text).doc("the report stating it").width(28),
        Column::new("base", "上年水平", Type::Decimal).doc("the level of the year before"),
        Column::new("base_year", "上年", Type::Int).doc("that year"),
        Column::new("base_doc", "上年文档", Type::Text).doc("the report stating it").width(28),
        Column::new("doc", "文档", Type::Text).doc("the report stating the change").width(28),
        Column::new("sentence", "句子", Type::Text).doc("its sentence").width(60),
        Column::schema_version(),
    ]);
    Schema {
        table: "claims",
        title: "a stated change recomputed from two reports",
        columns,
        sheet: SheetName { en: "claims", zh: "核对" },
        second_sheet: None,
    }
}

/// The claims table: the stated changes of [`Table::claims`], disagreements first.
pub fn claims_table(t: &Table) -> (Schema, Vec<Vec<Cell<'static>>>) {
    let rows = t
        .claims()
        .into_iter()
        .map(|c| {
            vec![
                Cell::Text(c.stated.region.into()),
                Cell::Text(c.stated.indicator.into()),
                Cell::label(c.stated.kind.as_str()),
                Cell::Text(c.stated.unit.into()),
                Cell::Int(i64::from(c.stated.ref_year)),
                Cell::label(c.verdict.as_str()),
                Cell::Text(c.stated.raw.into()),
                Cell::Dec(c.stated.value),
                Cell::Dec(c.computed.round_dp(2)),
                Cell::Dec((c.stated.value - c.computed).round_dp(2)),
                Cell::Dec(c.level.value),
                Cell::Text(c.level.doc.into()),
                Cell::Dec(c.base.value),
                Cell::Int(i64::from(c.base.ref_year)),
                Cell::Text(c.base.doc.into()),
                Cell::Text(c.stated.doc.into()),
                Cell::Text(c.stated.sentence.into()),
                Cell::Int(SCHEMA_VERSION),
            ]
        })
        .collect();
    (claims_schema(), rows)
}

/// The names a per-year column of the wide table takes after its year, in English (after `y2015`),
/// Chinese (after `2015年`) and legacy names (after `2015`).
pub(crate) struct Suffix {
    pub en: &'static str,
    pub zh: &'static str,
    pub legacy: &'static str,
}

/// The fixed columns of the wide table, and its per-year columns by suffix (for `zhibiao schema compare`).
pub(crate) fn wide_schema_pattern() -> (Vec<Column>, Vec<(Suffix, Type, &'static str)>) {
    let mut columns = key_columns();
    columns.extend([
        Column::new("status", "性质", Type::Enum(STATUSES)).doc("actual (results) or target (goals)"),
        Column::new("match", "匹配方式", Type::Enum(MATCHES)).doc("how the reports' subjects were matched"),
        Column::new("years", "年数", Type::Int).doc("the number of years with a value"),
        Column::new("notes", "备注", Type::Text).doc("other values stated for a year"),
        Column::schema_version(),
    ]);
    let s = |en, zh, legacy| Suffix { en, zh, legacy };
    let per_year = vec![
        (s("", "", ""), Type::Decimal, "the value of the year in the base unit (a range's lower end)"),
        (s("_max", "上限", "_max"), Type::Decimal, "the upper end of the year's range"),
        (s("_q", "限定", "_q"), Type::Enum(QUALIFIERS), "how exactly the year's value is stated"),
        (s("_chg", "增减", " chg"), Type::Decimal, "the year's value minus the year before's, for exact actuals"),
        (s("_chg_pct", "增减率", " chg%"), Type::Decimal, "that change in % of the year before, for quantities"),
        (s("_met", "完成情况", " met"), Type::Text, "for a target: whether the year's actual met it"),
    ];
    (columns, per_year)
}

/// The columns of the wide table for a span of years, by suffix after `p2011_2015_average` (`2011–2015年均`).
pub(crate) fn span_schema_pattern() -> Vec<(Suffix, Type, &'static str)> {
    let s = |en, zh, legacy| Suffix { en, zh, legacy };
    vec![
        (s("", "", ""), Type::Decimal, "the average, total or change over the span (a range's lower end)"),
        (s("_max", "上限", "_max"), Type::Decimal, "the upper end of its range"),
        (s("_q", "限定", "_q"), Type::Enum(QUALIFIERS), "how exactly it is stated"),
    ]
}
