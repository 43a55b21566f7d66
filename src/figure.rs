//! The figure: one number a report states, with what kind of number it is.
//!
//! Every later stage (subjects, checks, cross-year tables) reads these types, so they stay small and flat.

use rust_decimal::Decimal;
use serde::Serialize;

/// What a stated number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A level or count: `全年立刑事案件428起`.
    Quantity,
    /// A share or rate stated in % or ‰: `成功率达96.6%`.
    Percent,
    /// An absolute change of a level, in the level's unit: `同比减少153起` (signed).
    ChangeAbs,
    /// A relative change in %: `下降26.33%` (signed).
    ChangePct,
    /// A change in 百分点: `提高1.2个百分点` (signed).
    ChangePp,
    /// `是…的N倍`.
    Multiple,
    /// `1.9:35.4:62.7`, the parts in `raw`, the first part in `value`.
    Ratio,
    /// A year (`2025年`); not an indicator.
    Year,
    /// A date or month range (`1—10月`); not an indicator.
    Date,
    /// An ordinal or list marker (`第一`); not an indicator.
    Ordinal,
}

impl Kind {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Percent => "percent",
            Kind::ChangeAbs => "change_abs",
            Kind::ChangePct => "change_pct",
            Kind::ChangePp => "change_pp",
            Kind::Multiple => "multiple",
            Kind::Ratio => "ratio",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Ordinal => "ordinal",
        }
    }

    /// Whether this is a change of something (同比 / 比上年 …).
    pub fn is_change(self) -> bool {
        matches!(self, Kind::ChangeAbs | Kind::ChangePct | Kind::ChangePp)
    }

    /// Whether this kind is a measured figure (not a year, date or ordinal).
    pub fn is_indicator(self) -> bool {
        !matches!(self, Kind::Year | Kind::Date | Kind::Ordinal)
    }
}

/// How exactly the report states the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As stated.
    #[default]
    Exact,
    /// 约 左右 上下 近.
    Approx,
    /// 超 超过 逾 以上 多 余 不低于.
    AtLeast,
    /// 以内 不到 不足 不超过.
    AtMost,
    /// 6.5%－7%, 3至5个, 两三个: `value` to `value_max`.
    Range,
}

impl Qualifier {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }
}

/// One number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Code-point offset of the first character of `raw` in the text searched.
    pub start: usize,
    /// Code-point offset one past the last character of `raw`.
    pub end: usize,
    /// The text as stated, qualifiers and change verbs included (`同比减少153起`).
    pub raw: String,
    /// Value in the base unit (70650万吨 → 706500000), signed for decreases.
    pub value: Decimal,
    /// Upper end of a range.
    pub value_max: Option<Decimal>,
    /// Base unit (`吨`, `元`, `%`, `百分点`, `起` …); empty when the number has none.
    pub unit: String,
    /// What the number is.
    pub kind: Kind,
    /// How exactly it is stated.
    pub qualifier: Qualifier,
    /// Decimals as stated, before scaling (96.6% → 1; 5481.6亿元 → 1). Sets the rounding tolerance.
    pub decimals: u32,
    /// Code-point span of the number itself inside the text (without verbs and units).
    pub num_start: usize,
    /// End of the number itself.
    pub num_end: usize,
    /// The change marker that made this a change (`同比`, `比上年` …), if stated.
    pub basis: Option<String>,
}

impl Figure {
    /// `text` without this figure's basis at its end, and a word parting the basis from the verb before it
    /// (`排放量比2010年分别` → 排放量): what names the figure, not what it is measured against. `text` unchanged
    /// when it does not end in the basis.
    pub fn before_basis<'t, 'w>(&self, text: &'t str, parting: impl IntoIterator<Item = &'w str>) -> &'t str {
        let Some(b) = self.basis.as_deref() else { return text };
        let t = text.trim_end();
        let mut parting = parting.into_iter();
        let t = parting.find_map(|w| t.strip_suffix(w)).unwrap_or(t);
        t.trim_end().strip_suffix(b).unwrap_or(text)
    }

    /// A figure of nothing, holding no memory: the stand-in while a figure moves to its indicator.
    pub(crate) fn placeholder() -> Figure {
        Figure {
            start: 0,
            end: 0,
            raw: String::new(),
            value: Decimal::ZERO,
            value_max: None,
            unit: String::new(),
            kind: Kind::Quantity,
            qualifier: Qualifier::Exact,
            decimals: 0,
            num_start: 0,
            num_end: 0,
            basis: None,
        }
    }
}

/// A year the number layer typed (`2023年`, `一九五三年`): where it is and its value. The link and period stages
/// read these instead of finding years again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearAt {
    /// Code point where it starts.
    pub start: usize,
    /// Code point where it ends.
    pub end: usize,
    /// The year.
    pub year: i32,
}

impl YearAt {
    /// The years among typed non-indicators, in text order.
    pub fn all(mentions: &[Figure]) -> Vec<YearAt> {
        use rust_decimal::prelude::ToPrimitive;
        mentions
            .iter()
            .filter(|m| m.kind == Kind::Year)
            .filter_map(|m| Some(YearAt { start: m.start, end: m.end, year: m.value.to_i32()? }))
            .collect()
    }

    /// The spans of years among typed non-indicators (`2011—2015年`; a range of calendar-year values), as
    /// (where, with the first year, and the last year).
    pub fn spans(mentions: &[Figure]) -> Vec<(YearAt, i32)> {
        use rust_decimal::prelude::ToPrimitive;
        let year = |d: Decimal| d.to_i32().filter(|y| d.fract().is_zero() && (1900..=2100).contains(y));
        mentions
            .iter()
            .filter(|m| m.kind == Kind::Date)
            .filter_map(|m| {
                let (a, b) = (year(m.value)?, year(m.value_max?)?);
                (a < b).then_some((YearAt { start: m.start, end: m.end, year: a }, b))
            })
            .collect()
    }
}
