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

impl<W: Write + Send> XlsxOut<W> {
    pub(crate) fn new(w: W, schema: &Schema, selected: &[usize], names: Names) -> Result<Self, XlsxError> {
        let mut wb = Workbook::new();
        // A fixed creation date (the default is the time of writing): the same rows give the same bytes.
        let epoch = ExcelDateTime::from_ymd(2000, 1, 1)?;
        wb.set_properties(
            &DocProperties::new()
                .set_creation_datetime(&epoch)
                .set_custom_property("schema_version", SCHEMA_VERSION as i32)
                .set_custom_property("table", schema.table),
        );
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
