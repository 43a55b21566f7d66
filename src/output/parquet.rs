//! Parquet: typed columns for DuckDB, polars, pandas and Spark, with no type guessed from the first rows.
//!
//! Text and enumerated values are UTF-8 strings (dictionary-encoded, so a sentence repeated on every figure
//! of it costs little), whole numbers INT64, values `DECIMAL(38, 9)`: exact for every value a report states
//! (rust_decimal's largest, about 7.9e28, has 29 integer digits; 29 + 9 = 38). Rows are buffered by row
//! group and written as each group fills, so memory stays bounded whatever the row count. The key-value
//! metadata holds `schema_version` and the table's name.

use std::io::{self, Write};
use std::sync::Arc;

use parquet::basic::{LogicalType, Repetition, Type as Physical};
use parquet::data_type::{ByteArray, ByteArrayType, FixedLenByteArray, FixedLenByteArrayType, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type as SchemaType;
use rust_decimal::Decimal;

use super::table::{Cell, Names, SCHEMA_VERSION, Schema, Type, zh_value};

/// Scale and precision of decimal columns.
pub const DECIMAL_SCALE: u32 = 9;
const DECIMAL_PRECISION: i32 = 38;

/// Rows per row group, and the bytes of text buffered before a group is written whatever its rows.
const GROUP_ROWS: usize = 32 * 1024;
const GROUP_BYTES: usize = 24 << 20;

enum Values {
    Text(Vec<ByteArray>),
    Int(Vec<i64>),
    Dec(Vec<FixedLenByteArray>),
}

struct ColumnBuf {
    values: Values,
    /// Definition levels of a nullable column: 1 for a value, 0 for a null.
    defs: Option<Vec<i16>>,
}

/// A Parquet file being written.
pub(crate) struct ParquetOut<W: Write + Send> {
    w: SerializedFileWriter<W>,
    cols: Vec<ColumnBuf>,
    rows: usize,
    bytes: usize,
}

fn pq(e: ParquetError) -> io::Error {
    match e {
        ParquetError::External(e) => match e.downcast::<io::Error>() {
            Ok(io) => *io,
            Err(e) => io::Error::other(e),
        },
        e => match super::writer::io_cause(&e) {
            Some(kind) => io::Error::new(kind, e.to_string()),
            None => io::Error::other(e),
        },
    }
}

impl<W: Write + Send> ParquetOut<W> {
    pub(crate) fn new(w: W, schema: &Schema, selected: &[usize], names: Names) -> io::Result<Self> {
        let mut fields = Vec::with_capacity(selected.len());
        let mut cols = Vec::with_capacity(selected.len());
        for &i in selected {
            let c = &schema.columns[i];
            let rep = if c.nullable { Repetition::OPTIONAL } else { Repetition::REQUIRED };
            let name = c.name_in(names);
            let (field, values) = match c.ty {
                Type::Text | Type::Enum(_) => (
                    SchemaType::primitive_type_builder(name, Physical::BYTE_ARRAY)
                        .with_logical_type(Some(LogicalType::String)),
                    Values::Text(Vec::new()),
                ),
                Type::Int => (
                    SchemaType::primitive_type_builder(name, Physical::INT64)
                        .with_logical_type(Some(LogicalType::integer(64, true))),
                    Values::Int(Vec::new()),
                ),
                Type::Decimal => (
                    SchemaType::primitive_type_builder(name, Physical::FIXED_LEN_BYTE_ARRAY)
                        .with_length(16)
                        .with_logical_type(Some(LogicalType::decimal(DECIMAL_SCALE as i32, DECIMAL_PRECISION)))
                        .with_precision(DECIMAL_PRECISION)
                        .with_scale(DECIMAL_SCALE as i32),
                    Values::Dec(Vec::new()),
                ),
            };
            fields.push(Arc::new(field.with_repetition(rep).build().map_err(pq)?));
            cols.push(ColumnBuf { values, defs: c.nullable.then(Vec::new) });
        }
        let root = SchemaType::group_type_builder("schema").with_fields(fields).build().map_err(pq)?;
        let props = WriterProperties::builder()
            .set_key_value_metadata(Some(vec![
                KeyValue::new("schema_version".to_string(), SCHEMA_VERSION.to_string()),
                KeyValue::new("zhibiao.table".to_string(), schema.table.to_string()),
            ]))
            .build();
        let w = SerializedFileWriter::new(w, Arc::new(root), Arc::new(props)).map_err(pq)?;
        Ok(ParquetOut { w, cols, rows: 0, bytes: 0 })
    }

    pub(crate) fn write_row(&mut self, cells: &[Cell<'_>], selected: &[usize], zh: bool) -> io::Result<()> {
        for (col, &i) in self.cols.iter_mut().zip(selected) {
            let cell = &cells[i];
            if let Some(d) = &mut col.defs {
                d.push(i16::from(*cell != Cell::Null));
            }
            match (&mut col.values, cell) {
                (_, Cell::Null) => {
                    if col.defs.is_none() {
                        return Err(io::Error::other("a null in a column that cannot hold one"));
                    }
                }
                (Values::Text(v), Cell::Text(s)) => {
                    self.bytes += s.len();
                    v.push(ByteArray::from(s.as_bytes().to_vec()));
                }
                (Values::Text(v), Cell::Label(s)) => {
                    let s = if zh { zh_value(s) } else { std::borrow::Cow::Borrowed(s.as_ref()) };
                    v.push(ByteArray::from(s.as_bytes().to_vec()));
                }
                (Values::Int(v), Cell::Int(n)) => v.push(*n),
                (Values::Dec(v), Cell::Dec(d)) => v.push(FixedLenByteArray::from(unscaled(*d).to_be_bytes().to_vec())),
                (Values::Dec(v), Cell::Int(n)) => {
                    v.push(FixedLenByteArray::from(unscaled(Decimal::from(*n)).to_be_bytes().to_vec()))
                }
                _ => return Err(io::Error::other("a cell of another type than its column")),
            }
        }
        self.rows += 1;
        if self.rows >= GROUP_ROWS || self.bytes >= GROUP_BYTES { self.write_group() } else { Ok(()) }
    }

    /// Writes the buffered rows as one row group.
    fn write_group(&mut self) -> io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.w.next_row_group().map_err(pq)?;
        let mut bufs = self.cols.iter_mut();
        while let Some(mut cw) = group.next_column().map_err(pq)? {
            let col = bufs.next().expect("a buffer per column");
            let defs = col.defs.as_deref();
            match &mut col.values {
                Values::Text(v) => {
                    cw.typed::<ByteArrayType>().write_batch(v, defs, None).map_err(pq)?;
                    v.clear();
                }
                Values::Int(v) => {
                    cw.typed::<Int64Type>().write_batch(v, defs, None).map_err(pq)?;
                    v.clear();
                }
                Values::Dec(v) => {
                    cw.typed::<FixedLenByteArrayType>().write_batch(v, defs, None).map_err(pq)?;
                    v.clear();
                }
            }
            if let Some(d) = &mut col.defs {
                d.clear();
            }
            cw.close().map_err(pq)?;
        }
        group.close().map_err(pq)?;
        self.rows = 0;
        self.bytes = 0;
        Ok(())
    }

    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.write_group()?;
        let mut w = self.w.into_inner().map_err(pq)?;
        w.flush()?;
        Ok(w)
    }
}

/// The unscaled integer of `d` at [`DECIMAL_SCALE`] (26.33 → 26330000000), rounded half to even past 9
/// decimals.
pub fn unscaled(d: Decimal) -> i128 {
    let d = if d.scale() > DECIMAL_SCALE { d.round_dp(DECIMAL_SCALE) } else { d };
    d.mantissa() * 10i128.pow(DECIMAL_SCALE - d.scale())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_their_digits_at_scale_nine() {
        assert_eq!(unscaled(Decimal::new(2633, 2)), 26_330_000_000);
        assert_eq!(unscaled(Decimal::new(-153, 0)), -153_000_000_000);
        assert_eq!(unscaled(Decimal::MAX), "79228162514264337593543950335".parse::<i128>().unwrap() * 10i128.pow(9));
        assert_eq!(unscaled(Decimal::new(1_234_567_890_123, 12)), 1_234_567_890);
    }
}
