//! CSV and TSV: what the `csv` crate's default writer writes (a field quoted only when it holds the
//! delimiter, `"`, `\r` or `\n`, quotes doubled, records ended by `\n`), without its per-byte state machine.

use std::io::{self, Write};

/// Bytes buffered before they are handed to the inner writer.
const BUF: usize = 64 * 1024;

/// A record encoder over any writer.
pub(crate) struct Delimited<W: Write> {
    /// `None` once [`Delimited::into_inner`] took it back.
    w: Option<W>,
    buf: Vec<u8>,
    delimiter: u8,
}

impl<W: Write> Delimited<W> {
    /// An encoder writing fields parted by `delimiter` (`,` or `\t`).
    pub(crate) fn new(w: W, delimiter: u8) -> Self {
        debug_assert!(delimiter < 0x2D, "needs_quotes looks for bytes below 0x2D");
        Delimited { w: Some(w), buf: Vec::with_capacity(BUF + 4096), delimiter }
    }

    /// Appends the delimiter before every field but the first of a record.
    #[inline]
    pub(crate) fn separate(&mut self, first: bool) {
        if !first {
            self.buf.push(self.delimiter);
        }
    }

    /// Appends one field, quoted when it must be.
    #[inline]
    pub(crate) fn field(&mut self, f: &[u8]) {
        field(&mut self.buf, f, self.delimiter);
    }

    /// Appends bytes that never need quoting (digits).
    #[inline]
    pub(crate) fn raw(&mut self, f: &[u8]) {
        self.buf.extend_from_slice(f);
    }

    /// Ends the record.
    pub(crate) fn end_record(&mut self) -> io::Result<()> {
        self.buf.push(b'\n');
        if self.buf.len() >= BUF { self.drain() } else { Ok(()) }
    }

    /// Appends one whole record.
    pub(crate) fn record<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
        for (i, f) in fields.into_iter().enumerate() {
            self.separate(i == 0);
            self.field(f.as_bytes());
        }
        self.end_record()
    }

    /// Hands what is buffered to the inner writer.
    fn drain(&mut self) -> io::Result<()> {
        if let Some(w) = self.w.as_mut()
            && !self.buf.is_empty()
        {
            let r = w.write_all(&self.buf);
            self.buf.clear();
            r?;
        }
        Ok(())
    }

    pub(crate) fn flush(&mut self) -> io::Result<()> {
        self.drain()?;
        self.w.as_mut().map_or(Ok(()), |w| w.flush())
    }

    pub(crate) fn into_inner(mut self) -> io::Result<W> {
        self.flush()?;
        Ok(self.w.take().expect("delimited writer"))
    }
}

impl<W: Write> Drop for Delimited<W> {
    /// Like `csv::Writer`, a writer dropped without `finish` still hands over what it buffered.
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Whether a field holds the delimiter, `"`, `\r` or `\n`. All four are below 0x2D: eight bytes at a time
/// are let through when none of them is (most bytes of Chinese text are 0x80 and up).
fn needs_quotes(f: &[u8], delimiter: u8) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let special = |b: &u8| *b == delimiter || matches!(b, b'"' | b'\r' | b'\n');
    let mut chunks = f.chunks_exact(8);
    for c in chunks.by_ref() {
        let x = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        // Some byte below 0x2D (exact for bytes below 0x80; bytes from 0x80 up never count).
        if x.wrapping_sub(0x2D * LO) & !x & HI != 0 && c.iter().any(special) {
            return true;
        }
    }
    chunks.remainder().iter().any(special)
}

/// Appends one field: quoted (inner quotes doubled) when it must be.
fn field(buf: &mut Vec<u8>, f: &[u8], delimiter: u8) {
    if !needs_quotes(f, delimiter) {
        buf.extend_from_slice(f);
        return;
    }
    buf.push(b'"');
    let mut rest = f;
    while let Some(i) = rest.iter().position(|&b| b == b'"') {
        buf.extend_from_slice(&rest[..=i]);
        buf.push(b'"');
        rest = &rest[i + 1..];
    }
    buf.extend_from_slice(rest);
    buf.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_quoted_like_the_csv_crate() {
        let fields = [
            "",
            "a",
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\r",
            "增长5.2%，国内生产总值",
            "12345678,",
            "1234567\"x",
            "tab\there",
        ];
        for delimiter in [b',', b'\t'] {
            let mut ours = Delimited::new(Vec::new(), delimiter);
            ours.record(fields).unwrap();
            ours.record(["x", "", "", "", "", "", "", "", "", ""]).unwrap();
            let mut theirs = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
            theirs.write_record(fields).unwrap();
            theirs.write_record(["x", "", "", "", "", "", "", "", "", ""]).unwrap();
            assert_eq!(ours.into_inner().unwrap(), theirs.into_inner().unwrap());
        }
        for n in 0..40 {
            for b in [b',', b'"', b'\n', b'\r', b'\t', b'%', b' ', 0xE4] {
                let mut v = vec![b'a'; n];
                v.push(b);
                v.extend(std::iter::repeat_n(0xE5, n % 9));
                for d in [b',', b'\t'] {
                    let want = v.iter().any(|x| *x == d || matches!(x, b'"' | b'\r' | b'\n'));
                    assert_eq!(needs_quotes(&v, d), want);
                }
            }
        }
    }
}
