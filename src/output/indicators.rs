//! The indicator table: one row per figure, what `extract` writes.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::table::{
    Cell, Column, KINDS, QUALIFIERS, SCHEMA_VERSION, SPANS, STATUSES, Schema, SheetName, Type, VERDICTS,
};
use crate::analyzer::{DocReport, Indicator};
use crate::figure::{Kind, Qualifier};
use crate::period::{SpanHow, Status};

/// Column names, in output order.
pub const FIELDS: &[&str] = &[
    "doc",
    "region",
    "year",
    "section",
    "subject",
    "kind",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "raw",
    "start_offset",
    "end_offset",
    "sentence",
    "check_result",
    "check_detail",
    "ref_year",
    "status",
    "basis",
    "period_start",
    "period_end",
    "span",
    "schema_version",
    "table_no",
    "table_row",
    "table_column",
];

/// Chinese column names (`--headers zh`), in the order of [`FIELDS`].
pub const FIELDS_ZH: &[&str] = &[
    "文档",
    "地区",
    "年份",
    "章节",
    "指标",
    "类型",
    "数值",
    "数值上限",
    "单位",
    "限定",
    "原文",
    "起始位置",
    "结束位置",
    "句子",
    "核验",
    "核验说明",
    "所属年份",
    "性质",
    "比较基准",
    "时段起",
    "时段止",
    "时段类型",
    "格式版本",
    "表格",
    "表格行",
    "表格列",
];

/// The schema of the indicator table.
pub fn indicator_schema() -> Schema {
    let z = |i: usize| FIELDS_ZH[i];
    let columns = vec![
        Column::new("doc", z(0), Type::Text)
            .doc("the report: its path as given, `file.csv#3`, `a.zip!member`")
            .width(28),
        Column::new("region", z(1), Type::Text)
            .nullable()
            .doc("the region the report covers (泽州县, 国务院 …)")
            .width(10),
        Column::new("year", z(2), Type::Int).nullable().doc("the year of the report"),
        Column::new("section", z(3), Type::Text).doc("heading path (`一、主要举措 > (二)规范权力运行`)").width(30),
        Column::new("subject", z(4), Type::Text).doc("the thing measured (刑事案件); empty when none is found"),
        Column::new("kind", z(5), Type::Enum(KINDS)).doc(
            "quantity, percent, change_abs (absolute change, signed), change_pct (%), change_pp (百分点), \
             multiple (是…的N倍), ratio (1.9:35.4:62.7); with --all also year, date, ordinal",
        ),
        Column::new("value", z(6), Type::Decimal)
            .doc("exact value in the base unit (70650万吨 → 706500000), signed for decreases"),
        Column::new("value_max", z(7), Type::Decimal).nullable().doc("upper end of a range"),
        Column::new("unit", z(8), Type::Text).doc("base unit (起, 元, 吨, %, 百分点 …); empty when none").width(8),
        Column::new("qualifier", z(9), Type::Enum(QUALIFIERS))
            .doc("exact, approx (约 左右 近), at_least (超 逾 以上 余), at_most (不到 以内), range"),
        Column::new("raw", z(10), Type::Text).doc("the text as stated, verbs and qualifiers included"),
        Column::new("start_offset", z(11), Type::Int)
            .legacy("start")
            .doc("code-point offset of raw in the decoded text (`zhibiao text`)"),
        Column::new("end_offset", z(12), Type::Int).legacy("end").doc("code-point offset one past raw"),
        Column::new("sentence", z(13), Type::Text).doc("the sentence the figure stands in").width(60),
        Column::new("check_result", z(14), Type::Enum(VERDICTS)).nullable().legacy("check").doc(
            "for percentages and changes: consistent, inconsistent or unverifiable with the figures they come from",
        ),
        Column::new("check_detail", z(15), Type::Text).nullable().doc("the formula, or what is missing").width(40),
        Column::new("ref_year", z(16), Type::Int).nullable().doc("the year the figure is about"),
        Column::new("status", z(17), Type::Enum(STATUSES)).doc("actual (a result) or target (a goal)").width(8),
        Column::new("basis", z(18), Type::Text).nullable().doc(
            "for a change, what it is compared with as the report says it (同比, 比上年末, 比2020年, 比预算 …; \
             年均 with its span for an annual average); empty when the report does not say",
        ),
        Column::new("period_start", z(19), Type::Int)
            .nullable()
            .doc("for a figure over several years, the first year (2011 of 2011—2015年); empty for a year's figure"),
        Column::new("period_end", z(20), Type::Int).nullable().doc("for a figure over several years, the last year"),
        Column::new("span", z(21), Type::Enum(SPANS)).nullable().doc(
            "average (年均), total (五年累计) or change (比2020年) over several years; empty for a year's figure, which \
             ref_year names",
        ),
        Column::schema_version(),
        Column::new("table_no", z(23), Type::Text)
            .nullable()
            .doc("for a table's cell, the table: its number as its title states it (表2), else #N, its place among the report's tables; empty for a figure of the prose")
            .width(8),
        Column::new("table_row", z(24), Type::Text)
            .nullable()
            .doc("for a table's cell, its row's label, under its parent's for a sub-row (出口额 > 一般贸易)"),
        Column::new("table_column", z(25), Type::Text)
            .nullable()
            .doc("for a table's cell, its column's header cells (2022年 绝对数, 比上年增长(%))"),
    ];
    debug_assert!(columns.iter().map(|c| c.name.as_ref()).eq(FIELDS.iter().copied()));
    Schema {
        table: "extract",
        title: "one figure of a report",
        columns,
        sheet: SheetName { en: "indicators", zh: "指标" },
        second_sheet: Some((SheetName { en: "checks", zh: "核验" }, 14)),
    }
}

/// One row of the indicator table, borrowed from its report.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    /// The report.
    pub doc: &'a str,
    /// The region of the report.
    pub region: Option<&'a str>,
    /// The year of the report.
    pub year: Option<i32>,
    /// Section path.
    pub section: &'a str,
    /// The thing measured.
    pub subject: &'a str,
    /// What the figure is.
    pub kind: Kind,
    /// Exact, in the base unit.
    pub value: Decimal,
    /// Upper end of a range.
    pub value_max: Option<Decimal>,
    /// Base unit.
    pub unit: &'a str,
    /// How exactly it is stated.
    pub qualifier: Qualifier,
    /// The figure as stated.
    pub raw: &'a str,
    /// Code-point offset (column `start_offset`).
    pub start: usize,
    /// Code-point offset (column `end_offset`).
    pub end: usize,
    /// Its sentence.
    pub sentence: &'a str,
    /// Column `check_result`.
    pub check: Option<&'a str>,
    /// The formula of its check, or what is missing.
    pub check_detail: &'a str,
    /// The year the figure is about.
    pub ref_year: Option<i32>,
    /// Result or target.
    pub status: Status,
    /// What a change is compared with.
    pub basis: Option<Cow<'a, str>>,
    /// The span of years a figure over several years covers.
    pub span: Option<crate::period::Span>,
    /// Where a table's cell stands in its table.
    pub cell: Option<&'a crate::analyzer::TableRef>,
}

impl<'a> Row<'a> {
    /// The row of one indicator of a report.
    pub fn new(report: &'a DocReport, ind: &'a Indicator) -> Self {
        let f = &ind.figure;
        Row {
            doc: &report.doc,
            region: report.region.as_deref(),
            year: report.year,
            section: &ind.section,
            subject: &ind.subject,
            kind: f.kind,
            value: f.value,
            value_max: f.value_max,
            unit: &f.unit,
            qualifier: f.qualifier,
            raw: &f.raw,
            start: report.offset + f.start,
            end: report.offset + f.end,
            sentence: &ind.sentence,
            check: ind.check.map(|v| v.as_str()),
            check_detail: &ind.check_detail,
            ref_year: ind.ref_year,
            status: ind.status,
            basis: basis_of(ind),
            span: ind.span,
            cell: ind.cell.as_ref(),
        }
    }

    /// The cells, in the order of [`indicator_schema`].
    pub fn cells(&self) -> [Cell<'_>; 26] {
        [
            Cell::text(self.doc),
            self.region.map_or(Cell::Null, Cell::text_or_null),
            Cell::int(self.year),
            Cell::text(self.section),
            Cell::text(self.subject),
            Cell::label(self.kind.as_str()),
            Cell::Dec(self.value),
            Cell::dec(self.value_max),
            Cell::text(self.unit),
            Cell::label(self.qualifier.as_str()),
            Cell::text(self.raw),
            Cell::Int(self.start as i64),
            Cell::Int(self.end as i64),
            Cell::text(self.sentence),
            self.check.map_or(Cell::Null, Cell::text_or_null).into_label(),
            Cell::text_or_null(self.check_detail),
            Cell::int(self.ref_year),
            Cell::label(self.status.as_str()),
            self.basis.as_deref().map_or(Cell::Null, Cell::text),
            Cell::int(self.span.and_then(|s| s.from)),
            Cell::int(self.span.and_then(|s| s.to)),
            self.span.map_or(Cell::Null, |s| Cell::label(s.how.as_str())),
            Cell::Int(SCHEMA_VERSION),
            self.cell.map_or(Cell::Null, |c| Cell::text(&c.table)),
            self.cell.map_or(Cell::Null, |c| Cell::text(&c.row)),
            self.cell.map_or(Cell::Null, |c| Cell::text(&c.column)),
        ]
    }
}

impl Cell<'_> {
    /// A text cell as a label (translated with `--headers zh`).
    fn into_label(self) -> Self {
        match self {
            Cell::Text(s) => Cell::Label(s),
            c => c,
        }
    }
}

impl Serialize for Row<'_> {
    /// A map of the English column names to the cells; decimals as their exact text.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cells = self.cells();
        let mut m = s.serialize_map(Some(cells.len()))?;
        for (name, cell) in FIELDS.iter().zip(&cells) {
            m.serialize_entry(name, cell)?;
        }
        m.end()
    }
}

impl Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => s.serialize_none(),
            Cell::Text(t) | Cell::Label(t) => s.serialize_str(t),
            Cell::Int(n) => s.serialize_i64(*n),
            Cell::Dec(d) => s.serialize_str(&super::table::fmt_decimal(*d)),
        }
    }
}

/// What a change is compared with: the basis the number layer read (同比, 比上年, 比2020年 …), else 年均 for
/// an annual average, with the span of years the period stage found (`年均（2016—2020年）`) when it found one.
/// `None` for a level, or a change whose report does not say.
pub fn basis_of(ind: &Indicator) -> Option<Cow<'_, str>> {
    let f = &ind.figure;
    if !f.kind.is_change() {
        return None;
    }
    if let Some(b) = &f.basis {
        return Some(Cow::Borrowed(b));
    }
    let span = ind.span.filter(|s| s.how == SpanHow::Average)?;
    Some(Cow::Owned(match span.years() {
        Some(years) => format!("年均（{years}）"),
        None => "年均".to_string(),
    }))
}
