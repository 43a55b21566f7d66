//! Byte-level decoding: BOMs, UTF-8, GB18030/GBK, line endings, binary detection.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8};

/// Decode bytes of a plain-text file.
///
/// Order: `forced` if given; else a BOM (UTF-8/UTF-16); else strict UTF-8; else GB18030
/// (a superset of GBK) if it decodes with few errors; else an error. The BOM is stripped;
/// line endings are left alone (see [`normalize_newlines`]).
pub fn decode_text(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<String, String> {
    if let Some(enc) = forced {
        let body = match Encoding::for_bom(bytes) {
            Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
            _ => bytes,
        };
        return decode_strict(enc, body).map(strip_bom_char);
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return decode_strict(enc, &bytes[len..]).map(strip_bom_char);
    }
    if looks_binary(bytes) {
        return Err("binary file, not a report".to_string());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(strip_bom_char(s.to_string()));
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if !had_errors {
        return Ok(text.into_owned());
    }
    // Tolerate a few bad bytes (a stray byte in a long GBK file), not a file of garbage.
    let mut chars = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        chars += 1;
        if c == '\u{FFFD}' {
            bad += 1;
        }
    }
    if chars > 0 && bad * 1000 <= chars * 2 && bad <= 1000 {
        return Ok(text.into_owned());
    }
    if bad * 10 > chars {
        return Err("binary file, not a report".to_string());
    }
    Err(format!("cannot decode: not valid UTF-8 and not GBK/GB18030 ({bad} undecodable sequences); use --encoding"))
}

fn strip_bom_char(mut s: String) -> String {
    if s.starts_with('\u{FEFF}') {
        s.drain(..3);
    }
    s
}

/// Decode with `enc`, failing on the first malformed sequence with its byte offset.
pub(crate) fn decode_strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, String> {
    if enc == UTF_8 {
        return match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => Err(format!("invalid UTF-8 byte sequence at byte {}", e.valid_up_to())),
        };
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .ok_or_else(|| "file too large to decode".to_string())?;
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(bad, extra) => {
            let at = read.saturating_sub(bad as usize + extra as usize);
            Err(format!("invalid {} byte sequence at byte {at}", enc.name()))
        }
        DecoderResult::OutputFull => Err("internal decoding error (output full)".to_string()),
    }
}

/// Heuristic: many NUL bytes or control characters mean this is not text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(1 << 16)];
    if sample.is_empty() {
        return false;
    }
    let mut nul = 0usize;
    let mut ctrl = 0usize;
    let mut count = |c: &[u8]| {
        for &b in c {
            match b {
                0 => nul += 1,
                b'\t' | b'\n' | b'\r' | 0x0c | 0x1b => {}
                0x01..=0x1f | 0x7f => ctrl += 1,
                _ => {}
            }
        }
    };
    // Eight bytes at a time: a chunk with no byte below 0x20 and no 0x7F counts nothing.
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut chunks = sample.chunks_exact(8);
    for c in chunks.by_ref() {
        let x = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        let below_20 = x.wrapping_sub(0x20 * LO) & !x & HI;
        let y = x ^ (0x7F * LO);
        let is_7f = y.wrapping_sub(LO) & !y & HI;
        if below_20 | is_7f != 0 {
            count(c);
        }
    }
    count(chunks.remainder());
    nul * 100 > sample.len() || nul > 64 || (nul + ctrl) * 20 > sample.len()
}

/// Convert `\r\n` and lone `\r` to `\n`; strip a leading BOM. Linear time.
pub fn normalize_newlines(s: &str) -> String {
    let s = s.strip_prefix('\u{FEFF}').unwrap_or(s);
    if !s.contains('\r') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn binary_counts_by_chunks() {
        let slow = |bytes: &[u8]| {
            let sample = &bytes[..bytes.len().min(1 << 16)];
            let (mut nul, mut ctrl) = (0usize, 0usize);
            for &b in sample {
                match b {
                    0 => nul += 1,
                    b'\t' | b'\n' | b'\r' | 0x0c | 0x1b => {}
                    0x01..=0x1f | 0x7f => ctrl += 1,
                    _ => {}
                }
            }
            !sample.is_empty() && (nul * 100 > sample.len() || nul > 64 || (nul + ctrl) * 20 > sample.len())
        };
        for k in 0..300usize {
            let v: Vec<u8> =
                (0..k * 7).map(|i| [b'a', 0xE4, 0x7F, 0, 0x01, b'\n', 0x80, 0xFF, 0x20][(i * k) % 9]).collect();
            assert_eq!(super::looks_binary(&v), slow(&v), "{k}");
            let w: Vec<u8> = (0..k * 3).map(|i| if i % 23 == 0 { (k % 40) as u8 } else { 0xE5 }).collect();
            assert_eq!(super::looks_binary(&w), slow(&w), "{k}");
        }
    }

    use super::*;
    use encoding_rs::{GBK, UTF_16LE};

    #[test]
    fn utf8_plain_and_bom() {
        assert_eq!(decode_text("增长8.7%".as_bytes(), None).unwrap(), "增长8.7%");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("国内".as_bytes());
        assert_eq!(decode_text(&b, None).unwrap(), "国内");
    }

    #[test]
    fn gbk_detected() {
        let (b, _, _) = GBK.encode("国内生产总值达到３３．５万亿元，增长8.7%");
        assert!(std::str::from_utf8(&b).is_err());
        assert_eq!(decode_text(&b, None).unwrap(), "国内生产总值达到３３．５万亿元，增长8.7%");
    }

    #[test]
    fn utf16_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "粮食产量".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&b, None).unwrap(), "粮食产量");
        let _ = UTF_16LE;
    }

    #[test]
    fn forced_bad_bytes() {
        let (b, _, _) = GBK.encode("国内生产总值");
        let e = decode_text(&b, Some(UTF_8)).unwrap_err();
        assert!(e.contains("invalid UTF-8"), "{e}");
        assert_eq!(decode_text(&b, Some(GBK)).unwrap(), "国内生产总值");
    }

    #[test]
    fn binary_rejected() {
        let b: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert!(decode_text(&b, None).unwrap_err().contains("binary"));
    }

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\nd\r\r\n"), "a\nb\nc\nd\n\n");
        assert_eq!(normalize_newlines("\u{FEFF}x"), "x");
    }
}
