//! Robustness properties over the whole path from bytes to rows (the same path as the cargo-fuzz target
//! `fuzz/fuzz_targets/bytes_to_rows.rs`), and decoding round trips. Bounded to run in seconds.

use std::sync::OnceLock;

use proptest::prelude::*;
use zhibiao::input::{InputOptions, decode_text, read_bytes};
use zhibiao::output::{Format, Row, RowWriter};
use zhibiao::{Analyzer, Dicts, Options};

const NAMES: &[&str] = &["r.txt", "r.md", "r.html", "r.docx", "r.csv", "r.tsv", "r.tmx", "r.zip", "r.pdf", "r"];

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new(Dicts::builtin(), Options { keep_non_indicators: true, ..Default::default() }))
}

/// read_bytes → analyze → Row → CSV; every row's span is its raw text. Returns the row count.
fn bytes_to_rows(name: &str, bytes: &[u8], opts: &InputOptions) -> usize {
    let mut w = RowWriter::new(Format::Csv, Vec::new(), false).unwrap();
    let mut n = 0;
    for doc in read_bytes(name, bytes, opts).into_iter().flatten() {
        let report = analyzer().analyze(&doc);
        let chars: Vec<char> = doc.text.chars().collect();
        for ind in &report.indicators {
            let row = Row::new(&report, ind);
            assert!(
                row.start <= row.end && row.end <= chars.len(),
                "{name}: span {}..{} of {}",
                row.start,
                row.end,
                chars.len()
            );
            let span: String = chars[row.start..row.end].iter().collect();
            assert_eq!(span, row.raw, "{name}: text[start..end] != raw");
            w.write(&row).unwrap();
            n += 1;
        }
    }
    w.finish().unwrap();
    n
}

/// Pieces reports are made of, and the things that break readers.
const FRAGMENTS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "5",
    "7",
    "9",
    "12",
    "428",
    "3559",
    "26.33",
    "0.5",
    "1,234",
    "１２３",
    "一",
    "二",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "万亿",
    "%",
    "％",
    "‰",
    "、",
    "，",
    "。",
    "；",
    "：",
    "“",
    "”",
    "‘",
    "’",
    "（",
    "）",
    "《",
    "》",
    "-",
    "—",
    "~",
    "至",
    "增长",
    "下降",
    "减少",
    "提高",
    "百分点",
    "元",
    "亿元",
    "万吨",
    "个",
    "起",
    "件",
    "倍",
    "是",
    "的",
    "约",
    "左右",
    "以上",
    "超过",
    "不到",
    "同比",
    "比上年",
    "全年",
    "其中",
    "占",
    "比重",
    "全市",
    "年",
    "月",
    "日",
    "第",
    "一是",
    "“十四五”",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "\t",
    "\u{feff}",
    "一、",
    "（二）",
    "<p>",
    "</p>",
    "<!--",
    "-->",
    "&nbsp;",
    "&#20320;",
    "<U+3000>",
    "\u{0}",
    "\u{fffd}",
    "𠀀",
    "é",
    "a",
    "GDP",
    "CPI",
];

fn report_like() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        8 => proptest::sample::select(FRAGMENTS).prop_map(|s| s.as_bytes().to_vec()),
        1 => proptest::sample::select(FRAGMENTS).prop_map(|s| encoding_rs::GBK.encode(s).0.into_owned()),
        1 => prop::collection::vec(any::<u8>(), 0..4),
        1 => Just(b"\xef\xbb\xbf".to_vec()),
        1 => Just(b"\xff\xfe".to_vec()),
        1 => (1usize..4000, proptest::sample::select(&["9", "万", "，", "增长5%。"][..])).prop_map(|(n, s)| s.repeat(n).into_bytes()),
        // Many figures in one sentence: every row carries the sentence, so output grows as figures × length.
        1 => (1usize..200).prop_map(|n| "增长5%，".repeat(n).into_bytes()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), pick in 0usize..NAMES.len()) {
        bytes_to_rows(NAMES[pick], &bytes, &InputOptions::default());
    }

    #[test]
    fn report_fragments_never_panic_and_spans_hold(bytes in report_like(), pick in 0usize..3) {
        let opts = match pick {
            1 => InputOptions { encoding: Some(encoding_rs::GBK), ..Default::default() },
            2 => InputOptions { encoding: Some(encoding_rs::UTF_8), ..Default::default() },
            _ => InputOptions::default(),
        };
        bytes_to_rows("r.txt", &bytes, &opts);
        bytes_to_rows("r.html", &bytes, &InputOptions::default());
    }

    #[test]
    fn utf8_round_trips(s in "[^\u{0}-\u{8}\u{b}-\u{1f}\u{7f}\u{feff}]{1,300}") {
        prop_assert_eq!(decode_text(s.as_bytes(), None).unwrap(), s.clone());
        prop_assert_eq!(decode_text(s.as_bytes(), Some(encoding_rs::UTF_8)).unwrap(), s);
    }

    #[test]
    fn gbk_round_trips(s in "[\u{4e00}-\u{9fa5}]{8,40}[\u{4e00}-\u{9fa5}a-z0-9，。、；：（）%\n]{0,300}") {
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(&s);
        prop_assume!(!unmappable);
        prop_assert_eq!(decode_text(&gbk, None).unwrap(), s.clone());
        prop_assert_eq!(decode_text(&gbk, Some(encoding_rs::GBK)).unwrap(), s);
    }

    #[test]
    fn boms_are_read_and_stripped(s in "[\u{4e00}-\u{9fa5}a-z0-9，。%\n]{1,200}") {
        let mut utf8 = b"\xef\xbb\xbf".to_vec();
        utf8.extend_from_slice(s.as_bytes());
        prop_assert_eq!(decode_text(&utf8, None).unwrap(), s.clone());
        prop_assert_eq!(decode_text(&utf8, Some(encoding_rs::UTF_8)).unwrap(), s.clone());
        for (bom, le) in [(&b"\xff\xfe"[..], true), (&b"\xfe\xff"[..], false)] {
            let mut b = bom.to_vec();
            for u in s.encode_utf16() {
                b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            prop_assert_eq!(decode_text(&b, None).unwrap(), s.clone());
        }
    }
}

#[test]
fn very_long_lines_and_digit_runs_stay_fast() {
    // Speed is measured by the benches; these inputs once made the scan quadratic (a hang, not a slowdown).
    for (name, bytes) in [
        ("digits.txt", "9".repeat(200_000).into_bytes()),
        ("mixed.txt", "增长5.5%，达到1.2万亿元。".repeat(5_000).into_bytes()),
        ("one_sentence.txt", "增长5.5%，达到1.2万亿元，".repeat(500).into_bytes()),
        ("wan.txt", "万".repeat(100_000).into_bytes()),
        ("commas.txt", "1,".repeat(100_000).into_bytes()),
    ] {
        bytes_to_rows(name, &bytes, &InputOptions::default());
    }
}
