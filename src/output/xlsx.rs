//! An Excel workbook of a table: a sheet of every row (and for `extract` a second sheet of the checked rows),
//! header bold, frozen and filterable, numbers as numbers.
//!
//! Sheets are written in rust_xlsxwriter's constant-memory mode: each row goes to a temporary file (an
//! unnamed one, which a crash cannot leave behind) as it comes, so 253,000 rows take a few MB instead of a
//! GB. That mode fixes column widths before the first row, so widths come from the schema, not the data.
//! Document properties carry a fixed date, so that the same input gives the same bytes.

use std::io::Write;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format as CellFormat, Workbook, XlsxError};

use super::table::{Cell, Names, SCHEMA_VERSION, Schema, zh_value};

/// Excel's limits: characters in a cell, rows in a sheet.
const MAX_CELL_CHARS: usize = 32_767;
const MAX_ROWS: u32 = 1_048_576;

/// The workbook being written.
pub(crate) struct XlsxOut<W: Write + Send> {
    w: W,
    wb: Workbook,
    /// Rows written to the first sheet and to the second (header included).
    rows: [u32; 2],
    /// Index in the schema of the column that puts a row on the second sheet too.
    second: Option<usize>,
    columns: u16,
}

/// A workbook whose properties name its table and schema version, created at a fixed date (the default is
/// the time of writing), so that the same rows give the same bytes.
fn workbook(table: &str) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&epoch)
            .set_custom_property("schema_version", SCHEMA_VERSION as i32)
            .set_custom_property("table", table),
    );
    Ok(wb)
}

impl<W: Write + Send> XlsxOut<W> {
    pub(crate) fn new(w: W, schema: &Schema, selected: &[usize], names: Names) -> Result<Self, XlsxError> {
        let mut wb = workbook(schema.table)?;
        let bold = CellFormat::new().set_bold();
        let mut sheets = vec![schema.sheet];
        if let Some((s, _)) = schema.second_sheet {
            sheets.push(s);
        }
        for s in &sheets {
            let ws = wb.add_worksheet_with_constant_memory()?;
            ws.set_name(s.name_in(names))?;
            for (c, &i) in selected.iter().enumerate() {
                let col = &schema.columns[i];
                ws.set_column_width(c as u16, f64::from(col.width) + 1.0)?;
                ws.write_string_with_format(0, c as u16, col.name_in(names), &bold)?;
            }
            ws.set_freeze_panes(1, 0)?;
        }
        let second = schema.second_sheet.map(|(_, col)| col);
        Ok(XlsxOut { w, wb, rows: [1, 1], second, columns: selected.len() as u16 })
    }

    pub(crate) fn write_row(&mut self, cells: &[Cell<'_>], selected: &[usize], zh: bool) -> Result<(), XlsxError> {
        self.put(0, cells, selected, zh)?;
        if let Some(col) = self.second
            && cells[col] != Cell::Null
        {
            self.put(1, cells, selected, zh)?;
        }
        Ok(())
    }

    fn put(&mut self, sheet: usize, cells: &[Cell<'_>], selected: &[usize], zh: bool) -> Result<(), XlsxError> {
        let r = self.rows[sheet];
        if r >= MAX_ROWS {
            return Err(XlsxError::RowColumnLimitError);
        }
        let ws = self.wb.worksheet_from_index(sheet)?;
        for (c, &i) in selected.iter().enumerate() {
            let col = c as u16;
            match &cells[i] {
                Cell::Null => {}
                // Numbers as numbers: as floats, which every reader takes as one numeric column, even
                // where a value exceeds a 64-bit integer (10.36百亿亿次/秒 = 1.036e19).
                Cell::Int(n) => {
                    ws.write_number(r, col, *n as f64)?;
                }
                Cell::Dec(d) => {
                    use rust_decimal::prelude::ToPrimitive;
                    ws.write_number(r, col, d.to_f64().unwrap_or(f64::NAN))?;
                }
                Cell::Text(s) => {
                    ws.write_string(r, col, cut(s))?;
                }
                Cell::Label(s) if zh => {
                    ws.write_string(r, col, zh_value(s).as_ref())?;
                }
                Cell::Label(s) => {
                    ws.write_string(r, col, s.as_ref())?;
                }
            }
        }
        self.rows[sheet] += 1;
        Ok(())
    }

    pub(crate) fn finish(mut self) -> Result<W, XlsxError> {
        let last_col = self.columns.saturating_sub(1);
        for sheet in 0..self.wb.worksheets().len() {
            let last_row = self.rows[sheet] - 1;
            self.wb.worksheet_from_index(sheet)?.autofilter(0, 0, last_row, last_col)?;
        }
        self.wb.save_to_writer(&mut self.w)?;
        self.w.flush()?;
        Ok(self.w)
    }
}

/// A text cut to what a cell holds.
fn cut(s: &str) -> &str {
    if s.len() <= MAX_CELL_CHARS {
        return s;
    }
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((b, _)) => &s[..b],
        None => s,
    }
}

/// The `compare` workbook: one sheet per region, one row per indicator, kind and unit; per year its actual
/// and, beside it, its target (`2024年` | `2024年目标`), as numbers. A qualifier (约, 以上, 以内, a range's
/// upper end) is a number format, so the cell stays the number and reads as stated (`~5`, `≥1200万`,
/// `6.5–7`); a target cell is green when met, red when not, its verdict in a note; an actual cell's note
/// names the figure as stated and its report. Header row and the indicator columns frozen.
pub(crate) fn compare_workbook<W: Write + Send>(
    mut w: W,
    t: &crate::compare::Table,
    min_years: usize,
    names: Names,
) -> Result<(W, usize), XlsxError> {
    use crate::compare::{Col, Entry, Key};
    use crate::period::Status;
    use rust_xlsxwriter::Note;
    use std::collections::BTreeMap;

    let zh = names == Names::Zh;
    let mut wb = workbook("compare")?;
    // Rows per region: (rank, indicator, kind, unit) → its actual key and its target key. The indicators of
    // dicts/indicators.tsv come first, in its order (生产总值, 就业, 物价, 粮食 …), the others after by name.
    type Row<'a> = [Option<&'a Key>; 2];
    type RowKey<'a> = (usize, &'a str, crate::figure::Kind, &'a str);
    let mut regions: BTreeMap<&str, BTreeMap<RowKey<'_>, Row<'_>>> = BTreeMap::new();
    for key in t.keys() {
        if t.n_periods(key) < min_years || !t.is_named(key) {
            continue;
        }
        let rank = crate::compare::indicator_rank(&key.1).unwrap_or(usize::MAX);
        let row = regions.entry(&key.0).or_default().entry((rank, &key.1, key.2, &key.3)).or_default();
        row[usize::from(key.4 == Status::Target)] = Some(key);
    }
    let cols = t.columns();
    let get = |key: &Key, col: &Col| -> Option<&Entry> {
        match *col {
            Col::Year(y) => t.get(key, y),
            Col::Span(sp) => t.get_span(key, sp),
        }
    };
    let bold = CellFormat::new().set_bold();
    let mut formats: BTreeMap<(String, u8), CellFormat> = BTreeMap::new();
    // Excel reserves `History`.
    let mut taken: Vec<String> = vec!["History".into()];
    for (region, rows) in &regions {
        // The columns this region has a value in, and those with a target.
        let used: Vec<(&Col, bool)> = cols
            .iter()
            .filter_map(|c| {
                let actual = rows.values().any(|r| r[0].is_some_and(|k| get(k, c).is_some()));
                let target = rows.values().any(|r| r[1].is_some_and(|k| get(k, c).is_some()));
                (actual || target).then_some((c, target))
            })
            .collect();
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(region, zh, &mut taken))?;
        let head = if zh { ["指标", "类型", "单位"] } else { ["indicator", "kind", "unit"] };
        for (c, (h, width)) in head.iter().zip([26.0, 10.0, 8.0]).enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold)?;
            ws.set_column_width(c as u16, width)?;
        }
        let mut c = 3u16;
        let mut at: Vec<(u16, Option<u16>)> = Vec::with_capacity(used.len());
        for (col, target) in &used {
            let name = match col {
                Col::Year(y) if zh => format!("{y}年"),
                Col::Year(y) => y.to_string(),
                Col::Span(sp) => sp.zh(),
            };
            ws.write_string_with_format(0, c, &name, &bold)?;
            ws.set_column_width(c, 12.0)?;
            let tc = target.then(|| c + 1);
            if let Some(tc) = tc {
                let tname = if zh { format!("{name}目标") } else { format!("{name} target") };
                ws.write_string_with_format(0, tc, &tname, &bold)?;
                ws.set_column_width(tc, 12.0)?;
            }
            at.push((c, tc));
            c += if *target { 2 } else { 1 };
        }
        let last_col = c.saturating_sub(1);
        let mut r = 1u32;
        for ((_, indicator, kind, unit), keys) in rows {
            let kind = kind.as_str();
            ws.write_string(r, 0, *indicator)?;
            ws.write_string(r, 1, if zh { zh_value(kind) } else { kind.into() }.as_ref())?;
            ws.write_string(r, 2, *unit)?;
            for ((col, _), (ac, tc)) in used.iter().zip(&at) {
                if let Some(e) = keys[0].and_then(|k| get(k, col)) {
                    let f = number_format(&mut formats, e, 0);
                    ws.write_number_with_format(r, *ac, to_f64(e.value), f)?;
                    let source = format!("{} · {}", e.raw, e.doc);
                    ws.insert_note(r, *ac, &Note::new(cut(&source)).add_author_prefix(false))?;
                }
                let (Some(tc), Some(key)) = (tc, keys[1]) else { continue };
                let Some(e) = get(key, col) else { continue };
                let verdict = match col {
                    Col::Year(y) => t.verdict(key, *y),
                    Col::Span(_) => None,
                };
                let shade = match verdict.as_deref() {
                    Some(v) if v.starts_with("not met") => 2,
                    Some(v) if v.starts_with("met") || v == "exceeded" => 1,
                    _ => 0,
                };
                let f = number_format(&mut formats, e, shade);
                ws.write_number_with_format(r, *tc, to_f64(e.value), f)?;
                let mut note = format!("{} · {}", e.raw, e.doc);
                if let Some(v) = &verdict {
                    note = format!("{}: {note}", if zh { zh_value(v) } else { v.as_str().into() });
                }
                ws.insert_note(r, *tc, &Note::new(cut(&note)).add_author_prefix(false))?;
            }
            r += 1;
            if r >= MAX_ROWS {
                return Err(XlsxError::RowColumnLimitError);
            }
        }
        ws.set_freeze_panes(1, 3)?;
        ws.autofilter(0, 0, r - 1, last_col)?;
    }
    if regions.is_empty() {
        // A workbook holds at least one sheet: an empty one with the key columns says there was nothing.
        let ws = wb.add_worksheet();
        ws.set_name(if zh { "对比" } else { "compare" })?;
        let head = if zh { ["指标", "类型", "单位"] } else { ["indicator", "kind", "unit"] };
        for (c, h) in head.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        ws.set_freeze_panes(1, 3)?;
    }
    wb.save_to_writer(&mut w)?;
    w.flush()?;
    Ok((w, regions.len()))
}

fn to_f64(d: rust_decimal::Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    d.to_f64().unwrap_or(f64::NAN)
}

/// The number format of a value as stated: `~`, `≥`, `≤` before it, a range's upper end after it, thousands
/// grouped for large whole numbers; `shade` 1 fills it green (target met), 2 red (not met).
fn number_format<'a>(
    formats: &'a mut std::collections::BTreeMap<(String, u8), CellFormat>,
    e: &crate::compare::Entry,
    shade: u8,
) -> &'a CellFormat {
    use crate::figure::Qualifier;
    let whole = e.value.fract().is_zero() && e.value.abs() >= rust_decimal::Decimal::from(100_000);
    let body = if whole { "#,##0" } else { "General" };
    let fmt = match e.qualifier {
        Qualifier::Approx => format!("\"~\"{body}"),
        Qualifier::AtLeast => format!("\"≥\"{body}"),
        Qualifier::AtMost => format!("\"≤\"{body}"),
        Qualifier::Range => match e.value_max {
            Some(m) => format!("{body}\"–{}\"", super::fmt_decimal(m)),
            None => body.to_string(),
        },
        Qualifier::Exact => body.to_string(),
    };
    formats.entry((fmt, shade)).or_insert_with_key(|(fmt, shade)| {
        let f = CellFormat::new().set_num_format(fmt.as_str());
        match shade {
            1 => f.set_background_color(0xDCFCE7),
            2 => f.set_background_color(0xFDE2E1),
            _ => f,
        }
    })
}

/// A sheet name Excel takes: without `[]:*?/\`, not starting or ending with `'`, at most 31 characters,
/// not one already taken (case-insensitively).
fn sheet_name(region: &str, zh: bool, taken: &mut Vec<String>) -> String {
    let clean: String = region.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    let base = if clean.is_empty() { (if zh { "未知地区" } else { "unknown" }).to_string() } else { clean };
    let mut n = 1;
    loop {
        let suffix = if n == 1 { String::new() } else { format!(" ({n})") };
        let keep = 31 - suffix.chars().count();
        let name: String = base.chars().take(keep).collect::<String>() + &suffix;
        if !taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
            taken.push(name.clone());
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_ones_excel_takes() {
        let mut taken = vec!["History".to_string()];
        assert_eq!(sheet_name("国务院", true, &mut taken), "国务院");
        assert_eq!(sheet_name("国务院", true, &mut taken), "国务院 (2)", "a second sheet of a name");
        assert_eq!(sheet_name("'a[b]:c*d?e/f\\g'", false, &mut taken), "abcdefg");
        assert_eq!(sheet_name("history", false, &mut taken), "history (2)", "History is reserved");
        assert_eq!(sheet_name(" ", true, &mut taken), "未知地区");
        assert_eq!(sheet_name("", false, &mut taken), "unknown");
        let long = "新疆维吾尔自治区伊犁哈萨克自治州直属县级行政单位和其他地区合计";
        let n = sheet_name(long, true, &mut taken);
        assert_eq!(n.chars().count(), 31);
        let again = sheet_name(long, true, &mut taken);
        assert!(again.ends_with(" (2)") && again.chars().count() == 31, "{again}");
    }
}
