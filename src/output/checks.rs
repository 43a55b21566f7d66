//! The check table: one row per checked percentage, growth rate or percentage-point change, what `verify`
//! writes. Stated, computed, low and high are numbers in one sign convention: the stated figure's (a 下降
//! is negative), low and high the interval the stated digits allow the computed value.

use super::table::{Cell, Column, SCHEMA_VERSION, Schema, SheetName, Type, VERDICTS};
use crate::analyzer::DocReport;
use crate::verify::Check;

/// The schema of the check table.
pub fn check_schema() -> Schema {
    let columns = vec![
        Column::new("doc", "文档", Type::Text).doc("the report").width(28),
        Column::new("subject", "指标", Type::Text).doc("the thing measured"),
        Column::new("raw", "原文", Type::Text).legacy("stated").doc("the figure as stated (下降26.33%)"),
        Column::new("stated", "陈述值", Type::Decimal)
            .legacy("stated_value")
            .doc("the stated value in % (or 百分点), signed: 下降26.33% is -26.33"),
        Column::new("computed", "计算值", Type::Decimal)
            .nullable()
            .doc("the value computed from the figures it comes from, in the sign of stated"),
        Column::new("low", "允许下限", Type::Decimal)
            .nullable()
            .doc("the lowest computed value the stated digits allow (empty: no lower bound)"),
        Column::new("high", "允许上限", Type::Decimal)
            .nullable()
            .doc("the highest computed value the stated digits allow (exclusive for rounding; empty: no upper bound)"),
        Column::new("tolerance", "容差", Type::Text)
            .doc("the same intervals in words: half-up rounding and truncation")
            .width(30),
        Column::new("verdict", "核验", Type::Enum(VERDICTS)).doc("consistent, inconsistent or unverifiable"),
        Column::new("formula", "公式", Type::Text)
            .doc("the formula with its numbers; empty when nothing could be computed"),
        Column::new("detail", "说明", Type::Text).doc("which rounding held, or what is missing").width(40),
        Column::new("start_offset", "起始位置", Type::Int).legacy("start").doc("code-point offset of raw"),
        Column::new("end_offset", "结束位置", Type::Int).legacy("end").doc("code-point offset one past raw"),
        Column::new("sentence", "句子", Type::Text).doc("the sentence").width(60),
        Column::new("operands", "运算项", Type::Text)
            .doc("the figures computed from, as stated, each with its code-point offsets (`91414亿元@402-409`), `; ` between")
            .width(40),
        Column::schema_version(),
    ];
    Schema {
        table: "verify",
        title: "one checked figure of a report",
        columns,
        sheet: SheetName { en: "checks", zh: "核验" },
        second_sheet: None,
    }
}

/// One row of the check table, borrowed from its report and check.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow<'a> {
    /// The report.
    pub report: &'a DocReport,
    /// The check of one of its indicators.
    pub check: &'a Check,
}

impl<'a> CheckRow<'a> {
    /// The cells, in the order of [`check_schema`].
    pub fn cells(&self) -> [Cell<'a>; 16] {
        let c = self.check;
        let ind = &self.report.indicators[c.index];
        let f = &ind.figure;
        let (low, high) = c.bounds;
        let operands = c
            .operands
            .iter()
            .map(|&o| {
                let g = &self.report.indicators[o].figure;
                format!("{}@{}-{}", g.raw, self.report.offset + g.start, self.report.offset + g.end)
            })
            .collect::<Vec<_>>()
            .join("; ");
        [
            Cell::text(&self.report.doc),
            Cell::text(&ind.subject),
            Cell::text(&f.raw),
            Cell::Dec(f.value),
            Cell::dec(c.computed),
            Cell::dec(low),
            Cell::dec(high),
            Cell::text(&c.tolerance),
            Cell::label(c.verdict.as_str()),
            Cell::text(&c.formula),
            Cell::text(&c.detail),
            Cell::Int((self.report.offset + f.start) as i64),
            Cell::Int((self.report.offset + f.end) as i64),
            Cell::text(&ind.sentence),
            Cell::Text(operands.into()),
            Cell::Int(SCHEMA_VERSION),
        ]
    }
}
