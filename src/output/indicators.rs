//! The indicator table: one row per figure, what `extract` writes.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::table::{Cell, Column, KINDS, QUALIFIERS, SCHEMA_VERSION, STATUSES, Schema, SheetName, Type, VERDICTS};
use crate::analyzer::{DocReport, Indicator};
use crate::figure::{Kind, Qualifier};
use crate::period::Status;

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
    "schema_version",
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
    "格式版本",
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
        Column::schema_version(),
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
            start: f.start,
            end: f.end,
            sentence: &ind.sentence,
            check: ind.check.map(|v| v.as_str()),
            check_detail: &ind.check_detail,
            ref_year: ind.ref_year,
            status: ind.status,
            basis: basis_of(ind),
        }
    }

    /// The cells, in the order of [`indicator_schema`].
    pub fn cells(&self) -> [Cell<'_>; 20] {
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
            Cell::Int(SCHEMA_VERSION),
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

/// Words that make a change an annual average over a span.
const ANNUAL_AVERAGE: &[&str] = &["年均", "年平均", "平均每年"];

/// What a change is compared with: the basis the number layer read (同比, 比上年, 比2020年 …), else 年均 for
/// an annual average stated in the figure's clause, with the span the sentence names (`年均（2016—2020年）`,
/// `年均（过去五年）`) when it names one. `None` for a level, or a change whose report does not say.
pub fn basis_of(ind: &Indicator) -> Option<Cow<'_, str>> {
    let f = &ind.figure;
    if !f.kind.is_change() {
        return None;
    }
    if let Some(b) = &f.basis {
        return Some(Cow::Borrowed(b));
    }
    // The clause of the figure, up to its end: 年均 stands before the verb (年均增长7.1%). Most sentences
    // have no 年均 at all: those are done with at once.
    let s = &ind.sentence;
    if !ANNUAL_AVERAGE.iter().any(|w| s.contains(w)) {
        return None;
    }
    let byte_at = |cp: usize| s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b);
    let start = byte_at(f.start.saturating_sub(ind.sentence_span.0));
    let end = start + f.raw.len().min(s.len() - start);
    let clause_start = s[..start]
        .rfind(['，', ',', '；', ';', '。', '：', ':'])
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let clause = s.get(clause_start..end).unwrap_or("");
    if !ANNUAL_AVERAGE.iter().any(|w| clause.contains(w)) {
        return None;
    }
    Some(Cow::Owned(match span_in(s) {
        Some(span) => format!("年均（{span}）"),
        None => "年均".to_string(),
    }))
}

/// Phrases naming a span of years, longest first.
const SPANS: &[&str] =
    &["过去五年", "五年来", "过去十年", "十年来", "“十五”", "“十一五”", "“十二五”", "“十三五”", "“十四五”"];

/// The span of years a sentence names: `2016—2020年` (four-digit years joined by a dash, 至 or 到) or one of
/// [`SPANS`].
fn span_in(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let year_at = |i: usize| i + 4 <= chars.len() && chars[i..i + 4].iter().all(|c| c.is_ascii_digit());
    for i in 0..chars.len() {
        if !year_at(i) || (i > 0 && chars[i - 1].is_ascii_digit()) {
            continue;
        }
        let mut j = i + 4;
        if chars.get(j) == Some(&'年') {
            j += 1;
        }
        if !matches!(chars.get(j), Some('—' | '–' | '-' | '－' | '~' | '～' | '至' | '到')) {
            continue;
        }
        j += 1;
        if chars.get(j) == Some(&'—') {
            j += 1;
        }
        if year_at(j) && !chars.get(j + 4).is_some_and(|c| c.is_ascii_digit()) {
            let from: String = chars[i..i + 4].iter().collect();
            let to: String = chars[j..j + 4].iter().collect();
            return Some(format!("{from}—{to}年"));
        }
    }
    SPANS.iter().find(|w| s.contains(*w)).map(|w| w.trim_matches(['“', '”']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_named_in_a_sentence() {
        assert_eq!(span_in("2016—2020年，年均增长6.5%").as_deref(), Some("2016—2020年"));
        assert_eq!(span_in("2016年至2020年年均增长6.5%").as_deref(), Some("2016—2020年"));
        assert_eq!(span_in("过去五年，国内生产总值年均增长7.1%").as_deref(), Some("过去五年"));
        assert_eq!(span_in("“十三五”时期年均增长").as_deref(), Some("十三五"));
        assert_eq!(span_in("2020年增长6.5%"), None);
        assert_eq!(span_in("12016-20201"), None);
    }
}
