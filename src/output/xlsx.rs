//! An Excel workbook of the indicator table: a sheet of indicators and a sheet of checks.

use std::io;

use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet, XlsxError};

use super::{Headers, Row};

/// Columns holding numbers: value, value_max, year, start, end, ref_year.
const NUMERIC: &[usize] = &[2, 6, 7, 11, 12, 16];
/// Excel's limits: characters in a cell, rows in a sheet.
const MAX_CELL_CHARS: usize = 32_767;
const MAX_ROWS: u32 = 1_048_576;
/// Widest column, in character widths.
const MAX_WIDTH: usize = 60;

struct Sheet {
    ws: Worksheet,
    next_row: u32,
    widths: Vec<usize>,
}

impl Sheet {
    fn new(name: &str, headers: Headers, bold: &CellFormat) -> Result<Self, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        let names = headers.names();
        for (c, h) in names.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(Sheet { ws, next_row: 1, widths: names.iter().map(|h| width(h)).collect() })
    }

    fn write(&mut self, row: &Row) -> Result<(), XlsxError> {
        if self.next_row >= MAX_ROWS {
            return Err(XlsxError::RowColumnLimitError);
        }
        let r = self.next_row;
        for (c, cell) in row.cells().into_iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let col = c as u16;
            let num = if NUMERIC.contains(&c) { cell.parse::<f64>().ok() } else { None };
            match num {
                Some(x) => {
                    self.ws.write_number(r, col, x)?;
                }
                None if cell.chars().count() > MAX_CELL_CHARS => {
                    let cut: String = cell.chars().take(MAX_CELL_CHARS).collect();
                    self.ws.write_string(r, col, cut)?;
                }
                None => {
                    self.ws.write_string(r, col, cell.as_str())?;
                }
            }
            let w = width(&cell);
            if w > self.widths[c] {
                self.widths[c] = w;
            }
        }
        self.next_row += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<Worksheet, XlsxError> {
        for (c, w) in self.widths.iter().enumerate() {
            self.ws.set_column_width(c as u16, (*w).clamp(4, MAX_WIDTH) as f64 + 1.0)?;
        }
        Ok(self.ws)
    }
}

/// Display width: CJK and other wide characters count two.
fn width(s: &str) -> usize {
    s.chars().take(MAX_WIDTH * 2).map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

/// Collects rows into a workbook; [`XlsxWriter::finish`] returns the file's bytes.
pub struct XlsxWriter {
    indicators: Sheet,
    checks: Sheet,
}

fn err(e: XlsxError) -> io::Error {
    match e {
        XlsxError::RowColumnLimitError => io::Error::other("too many rows for a spreadsheet (1,048,576 at most)"),
        e => io::Error::other(e.to_string()),
    }
}

impl XlsxWriter {
    /// An empty workbook with the column names in `headers`.
    pub fn new(headers: Headers) -> io::Result<Self> {
        let bold = CellFormat::new().set_bold();
        let (a, b) = match headers {
            Headers::En => ("indicators", "checks"),
            Headers::Zh => ("指标", "核验"),
        };
        Ok(XlsxWriter {
            indicators: Sheet::new(a, headers, &bold).map_err(err)?,
            checks: Sheet::new(b, headers, &bold).map_err(err)?,
        })
    }

    /// Adds one row: to the indicators, and to the checks when it has one.
    pub fn write(&mut self, row: &Row) -> io::Result<()> {
        self.indicators.write(row).map_err(err)?;
        if !row.check.is_empty() {
            self.checks.write(row).map_err(err)?;
        }
        Ok(())
    }

    /// Adds every row of a report.
    pub fn write_report(&mut self, report: &crate::analyzer::DocReport) -> io::Result<()> {
        for ind in &report.indicators {
            self.write(&Row::new(report, ind))?;
        }
        Ok(())
    }

    /// The .xlsx file.
    pub fn finish(self) -> io::Result<Vec<u8>> {
        let mut wb = Workbook::new();
        wb.push_worksheet(self.indicators.finish().map_err(err)?);
        wb.push_worksheet(self.checks.finish().map_err(err)?);
        wb.save_to_buffer().map_err(err)
    }
}
