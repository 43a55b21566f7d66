//! What every table zhibiao writes is made of: typed columns with their names in English, Chinese and (for one
//! release) the names they had before, and cells that keep a decimal exact until a writer prints it.
//!
//! A table's [`Schema`] is the one description every format reads: the CSV header, the JSON keys, the xlsx
//! sheet, the Parquet schema and the JSON Schema of `zhibiao schema` all come from it, so they cannot drift.

use std::borrow::Cow;

use rust_decimal::Decimal;

/// The version of the published schemas: every table carries it in its `schema_version` column (and Parquet
/// in its key-value metadata too). Raised when a column is renamed, removed or changes type.
pub const SCHEMA_VERSION: i64 = 1;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Text.
    Text,
    /// A whole number (a year, an offset, a count).
    Int,
    /// An exact decimal (a value in base units): a JSON number printed with all its digits, a Parquet
    /// `DECIMAL(38, 9)`, a float in xlsx.
    Decimal,
    /// One of a closed set of English words (`quantity`, `exact` …); Chinese with `--headers zh`.
    Enum(&'static [&'static str]),
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// English name: lower case, `[a-z0-9_]`, no SQL reserved word.
    pub name: Cow<'static, str>,
    /// Chinese name (`--headers zh`).
    pub zh: Cow<'static, str>,
    /// The name before schema version 1, kept readable for one release (`--legacy-names`).
    pub legacy: Option<Cow<'static, str>>,
    /// What it holds.
    pub ty: Type,
    /// Whether a cell may be empty (null).
    pub nullable: bool,
    /// What it means, for `zhibiao schema`.
    pub doc: Cow<'static, str>,
    /// Width in an xlsx sheet, in characters.
    pub width: u8,
}

impl Column {
    /// A column that is never null.
    pub fn new(name: impl Into<Cow<'static, str>>, zh: impl Into<Cow<'static, str>>, ty: Type) -> Self {
        let width = match ty {
            Type::Text => 18,
            Type::Int => 9,
            Type::Decimal => 14,
            Type::Enum(_) => 12,
        };
        Column { name: name.into(), zh: zh.into(), legacy: None, ty, nullable: false, doc: Cow::Borrowed(""), width }
    }

    /// The same, possibly null.
    pub fn nullable(mut self) -> Self {
        self.nullable = true;
        self
    }

    /// The same, with its name before schema version 1.
    pub fn legacy(mut self, old: impl Into<Cow<'static, str>>) -> Self {
        self.legacy = Some(old.into());
        self
    }

    /// The same, with a description.
    pub fn doc(mut self, doc: impl Into<Cow<'static, str>>) -> Self {
        self.doc = doc.into();
        self
    }

    /// The same, shown `width` characters wide in a spreadsheet.
    pub fn width(mut self, width: u8) -> Self {
        self.width = width;
        self
    }

    /// The old name a JSON row still carries beside the new one during the transition release
    /// (`start` beside `start_offset`), when it names no other column of `schema`.
    /// Only the row tables keep them (the year columns of `compare` changed shape, not just name).
    pub fn json_alias<'s>(&'s self, schema: &Schema) -> Option<&'s str> {
        if !matches!(schema.table, "extract" | "verify") {
            return None;
        }
        let old = self.legacy.as_deref()?;
        (old != self.name && !schema.columns.iter().any(|c| c.name == old)).then_some(old)
    }

    /// The column's name as a reader of `headers` (and `legacy` names) sees it.
    pub fn name_in(&self, names: Names) -> &str {
        match names {
            Names::Zh => &self.zh,
            Names::Legacy => self.legacy.as_deref().unwrap_or(&self.name),
            Names::En => &self.name,
        }
    }

    /// The `schema_version` column every table ends with.
    pub fn schema_version() -> Self {
        Column::new("schema_version", "格式版本", Type::Int)
            .doc("the version of this table's schema (see `zhibiao schema`)")
            .width(8)
    }
}

/// Which names a table is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Names {
    /// English names of schema version 1 (`check_result`, `end_offset`).
    #[default]
    En,
    /// Chinese names, and Chinese enumerated values.
    Zh,
    /// English names as before schema version 1 (`check`, `end`), for one release.
    Legacy,
}

/// The names of an xlsx sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetName {
    /// English name.
    pub en: &'static str,
    /// Chinese name.
    pub zh: &'static str,
}

impl SheetName {
    /// The name as written with `names`.
    pub fn name_in(self, names: Names) -> &'static str {
        if names == Names::Zh { self.zh } else { self.en }
    }
}

/// A table's description.
#[derive(Debug, Clone, PartialEq)]
pub struct Schema {
    /// The table's name in `zhibiao schema TABLE` (`extract`, `verify`, `compare` …).
    pub table: &'static str,
    /// What one row is.
    pub title: &'static str,
    /// Columns in output order.
    pub columns: Vec<Column>,
    /// The xlsx sheet of every row.
    pub sheet: SheetName,
    /// A second xlsx sheet of the rows whose cell in that column is not null (the checks of `extract`).
    pub second_sheet: Option<(SheetName, usize)>,
}

impl Schema {
    /// The index of the column named `name` in any of its names.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name || c.zh == name || c.legacy.as_deref() == Some(name))
    }
}

/// One cell, borrowed from what it describes where it can be.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Empty: an empty CSV field, JSON `null`, no xlsx cell, a Parquet null.
    Null,
    /// Text as is.
    Text(Cow<'a, str>),
    /// A whole number.
    Int(i64),
    /// An exact decimal.
    Dec(Decimal),
    /// English wording a reader of `--headers zh` sees in Chinese (`quantity` → 数量); see [`zh_value`].
    Label(Cow<'a, str>),
}

impl<'a> Cell<'a> {
    /// Borrowed text.
    pub fn text(s: &'a str) -> Self {
        Cell::Text(Cow::Borrowed(s))
    }

    /// Text, or null when empty.
    pub fn text_or_null(s: &'a str) -> Self {
        if s.is_empty() { Cell::Null } else { Cell::text(s) }
    }

    /// A label (an enumerated English word).
    pub fn label(s: &'a str) -> Self {
        Cell::Label(Cow::Borrowed(s))
    }

    /// A whole number, or null.
    pub fn int(n: Option<impl Into<i64>>) -> Self {
        n.map_or(Cell::Null, |n| Cell::Int(n.into()))
    }

    /// A decimal, or null.
    pub fn dec(d: Option<Decimal>) -> Self {
        d.map_or(Cell::Null, Cell::Dec)
    }

    /// A cell that owns what it holds.
    pub fn into_owned(self) -> Cell<'static> {
        match self {
            Cell::Null => Cell::Null,
            Cell::Text(s) => Cell::Text(Cow::Owned(s.into_owned())),
            Cell::Int(n) => Cell::Int(n),
            Cell::Dec(d) => Cell::Dec(d),
            Cell::Label(s) => Cell::Label(Cow::Owned(s.into_owned())),
        }
    }

    /// The text of a text or label cell.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Cell::Text(s) | Cell::Label(s) => Some(s),
            _ => None,
        }
    }
}

/// Kinds of figure (`kind`).
pub const KINDS: &[&str] =
    &["quantity", "percent", "change_abs", "change_pct", "change_pp", "multiple", "ratio", "year", "date", "ordinal"];
/// How exactly a figure is stated (`qualifier`).
pub const QUALIFIERS: &[&str] = &["exact", "approx", "at_least", "at_most", "range"];
/// Result or target (`status`).
pub const STATUSES: &[&str] = &["actual", "target"];
/// How a figure covers several years (`span`).
pub const SPANS: &[&str] = &["average", "total", "change"];
/// Outcomes of a check (`check_result`, `verdict`).
pub const VERDICTS: &[&str] = &["consistent", "inconsistent", "unverifiable"];
/// Outcomes of a recomputed claim.
pub const AGREEMENT: &[&str] = &["disagrees", "base differs", "cannot tell at this rounding", "agrees"];
/// How a row of `compare` was matched.
pub const MATCHES: &[&str] = &["same words", "normalised", "alias", "carried"];
/// Whether the indicator of a `compare` figure is a name (`naming`).
pub const NAMINGS: &[&str] = &["known", "name", "fragment", "no subject"];
/// Whether a figure of `compare --long` is the one its year shows.
pub const YES_NO: &[&str] = &["yes", "no"];

/// The Chinese of every enumerated English value, for `--headers zh`.
const ZH_VALUES: &[(&str, &str)] = &[
    ("quantity", "数量"),
    ("percent", "比率"),
    ("change_abs", "增减量"),
    ("change_pct", "增减幅度"),
    ("change_pp", "百分点变化"),
    ("multiple", "倍数"),
    ("ratio", "比例"),
    ("year", "年份"),
    ("date", "日期"),
    ("ordinal", "序数"),
    ("exact", "确数"),
    ("approx", "约数"),
    ("at_least", "下限"),
    ("at_most", "上限"),
    ("range", "区间"),
    ("actual", "实际"),
    ("average", "年均"),
    ("total", "累计"),
    ("change", "变动"),
    ("target", "目标"),
    ("consistent", "一致"),
    ("inconsistent", "不一致"),
    ("unverifiable", "无法核验"),
    ("agrees", "相符"),
    ("disagrees", "不符"),
    ("base differs", "基数不同"),
    ("cannot tell at this rounding", "修约内无法判断"),
    ("same words", "字面相同"),
    ("normalised", "归一"),
    ("alias", "别名"),
    ("carried", "承前"),
    ("known", "已知指标"),
    ("name", "名称"),
    ("fragment", "片段"),
    ("no subject", "无主语"),
    ("yes", "是"),
    ("no", "否"),
    ("met", "完成"),
    ("exceeded", "超额完成"),
    ("not met (below)", "未完成（低于目标）"),
    ("not met (above)", "未完成（高于上限）"),
    ("met (below)", "完成（低于上限）"),
    ("no actual", "无实际数"),
];

/// The Chinese of an enumerated English value (`quantity` → 数量, `met (within ±0.5 of about)` →
/// 完成（约数±0.5以内）); a value not in the list stays as it is.
pub fn zh_value(en: &str) -> Cow<'_, str> {
    if let Some((_, zh)) = ZH_VALUES.iter().find(|(e, _)| *e == en) {
        return Cow::Borrowed(zh);
    }
    if let Some(tol) = en.strip_prefix("met (within ±").and_then(|r| r.strip_suffix(" of about)")) {
        return Cow::Owned(format!("完成（约数±{tol}以内）"));
    }
    Cow::Borrowed(en)
}

/// A decimal printed without exponent or trailing zeros (`1677000000000`, `26.33`, never `-0`).
pub fn fmt_decimal(d: Decimal) -> String {
    let mut s = String::new();
    push_decimal(&mut s, d);
    s
}

/// [`fmt_decimal`] appended to `out`.
pub fn push_decimal(out: &mut String, d: Decimal) {
    use std::fmt::Write as _;
    let at = out.len();
    let _ = write!(out, "{}", d.normalize());
    if &out[at..] == "-0" {
        out.truncate(at);
        out.push('0');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_enumerated_value_has_its_chinese() {
        for set in [KINDS, QUALIFIERS, STATUSES, SPANS, VERDICTS, AGREEMENT, MATCHES, NAMINGS, YES_NO] {
            for v in set {
                assert_ne!(zh_value(v), *v, "{v}");
            }
        }
        assert_eq!(zh_value("met (within ±0.5 of about)"), "完成（约数±0.5以内）");
        assert_eq!(zh_value("立刑事案件"), "立刑事案件");
    }

    #[test]
    fn decimals_print_exactly() {
        let mut minus_zero = Decimal::new(0, 2);
        minus_zero.set_sign_negative(true);
        assert_eq!(fmt_decimal(minus_zero), "0");
        assert_eq!(fmt_decimal(Decimal::new(263300, 4)), "26.33");
        assert_eq!(fmt_decimal(Decimal::new(1_677_000_000_000, 0)), "1677000000000");
    }
}
