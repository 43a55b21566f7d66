//! The PDF path with its caps in place: bytes read as `r.pdf` → stream check (inflated size and ratio
//! capped) → pdf-extract (its panics caught, the panic hook silenced for them) → `Analyzer::analyze` →
//! `Row`. No panic escapes, no hang, no unbounded memory, and every span points at its text.
//!
//! `cargo +nightly fuzz run pdf_to_rows fuzz/seeds/pdf` starts from the small PDFs in `fuzz/seeds/pdf`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhibiao::input::{InputOptions, read_bytes};
use zhibiao::output::{Format, Row, RowWriter};
use zhibiao::{Analyzer, Dicts, Options};

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new(Dicts::builtin(), Options { keep_non_indicators: true, ..Default::default() }))
}

fuzz_target!(|data: &[u8]| {
    // A small cap, so that each run stays small however the streams inflate.
    let opts = InputOptions { max_size: 4 << 20, ..Default::default() };
    let mut w = RowWriter::new(Format::Csv, Vec::new(), false).unwrap();
    for doc in read_bytes("r.pdf", data, &opts).into_iter().flatten() {
        assert!(!doc.text.trim().is_empty(), "an empty document is an error, not a document");
        let report = analyzer().analyze(&doc);
        let chars: Vec<char> = doc.text.chars().collect();
        for ind in &report.indicators {
            let row = Row::new(&report, ind);
            assert!(row.start <= row.end && row.end <= chars.len(), "span out of the text");
            let span: String = chars[row.start..row.end].iter().collect();
            assert_eq!(span, row.raw, "text[start..end] != raw");
            w.write(&row).unwrap();
        }
    }
    w.finish().unwrap();
});
