//! Byte-level decoding: BOMs, UTF-8, GB18030/GBK, UTF-16/32, line endings, binary detection.
//!
//! A file that is clearly text of one encoding with a few damaged spots (a stray byte, a character
//! cut at the end) is decoded with U+FFFD in their place, and the damage is counted exactly: bytes,
//! places (one U+FFFD each) and the byte offset of the first. `strict` refuses any damage instead.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// Bytes that could not be decoded and were replaced with U+FFFD.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Damage {
    /// Undecodable bytes.
    pub bytes: usize,
    /// Places they were found in: one U+FFFD each.
    pub places: usize,
    /// Byte offset (in the bytes given) of the first.
    pub first: usize,
}

impl Damage {
    fn add(&mut self, at: usize, len: usize) {
        if self.places == 0 {
            self.first = at;
        }
        self.bytes += len;
        self.places += 1;
    }

    /// Whether this is "a few damaged spots" in `len` bytes, not text of another encoding or no text at all:
    /// at most one byte in a hundred (and a handful in a short text).
    pub fn is_few(&self, len: usize) -> bool {
        self.bytes <= FEW_FLOOR.max(len / 100)
    }

    /// `5 undecodable bytes (first at byte 1234), replaced with U+FFFD`, with `offset` added to the position.
    pub fn message(&self, offset: usize, encoding: &str) -> String {
        let s = if self.bytes == 1 { "" } else { "s" };
        let with = if self.places == self.bytes { "U+FFFD".to_string() } else { format!("{} U+FFFD", self.places) };
        format!(
            "{} undecodable byte{s} (first at byte {}), replaced with {with} (read as {encoding})",
            self.bytes,
            self.first + offset
        )
    }
}

/// Undecodable bytes tolerated in any text, however short.
const FEW_FLOOR: usize = 8;

/// Decoded text and what decoding had to replace.
#[derive(Debug)]
pub struct Decoded {
    /// The text, U+FFFD where bytes could not be decoded.
    pub text: String,
    /// What was replaced (nothing, for clean text).
    pub damage: Damage,
    /// The encoding read (for messages).
    pub encoding: &'static str,
}

impl Decoded {
    fn clean(text: String, encoding: &'static str) -> Self {
        Decoded { text, damage: Damage::default(), encoding }
    }
}

/// Decode bytes of a plain-text file.
///
/// Order: `forced` if given; else a BOM (UTF-8, UTF-16, UTF-32); else UTF-8; else GB18030 (a superset of
/// GBK); else the one of the two with fewer undecodable bytes when they are few ([`Damage::is_few`]),
/// replaced with U+FFFD; else an error. With `strict`, any undecodable byte is an error. The BOM is
/// stripped; line endings are left alone (see [`normalize_newlines`]). Valid UTF-8 is taken without a copy.
pub fn decode(bytes: Vec<u8>, forced: Option<&'static Encoding>, strict: bool) -> Result<Decoded, String> {
    let len = bytes.len();
    if let Some(enc) = forced {
        let skip = match Encoding::for_bom(&bytes) {
            Some((bom_enc, len)) if bom_enc == enc => len,
            _ => 0,
        };
        return accept(decode_with(enc, bytes, skip), len, strict, true);
    }
    if let Some(big_endian) = utf32_bom(&bytes) {
        return accept(decode_utf32(&bytes[4..], big_endian, 4), len, strict, true);
    }
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        return accept(decode_with(enc, bytes, bom), len, strict, true);
    }
    if looks_binary(&bytes) {
        return Err("binary file, not a report".to_string());
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return Ok(Decoded::clean(strip_bom_char(s), "UTF-8")),
        Err(e) => e.into_bytes(),
    };
    if let Some(t) = GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
        return Ok(Decoded::clean(t.into_owned(), GB18030.name()));
    }
    // Damaged: count first (no text built), then decode the candidate with fewer undecodable bytes.
    let as_utf8 = utf8_damage(&bytes);
    let as_gb = damage_of(GB18030, &bytes);
    let (enc, damage) = if as_utf8.bytes <= as_gb.bytes { (UTF_8, as_utf8) } else { (GB18030, as_gb) };
    if !damage.is_few(bytes.len()) {
        return Err(format!(
            "cannot decode: not UTF-8 or GBK/GB18030 text ({} undecodable bytes as UTF-8, {} as GB18030); use --encoding",
            as_utf8.bytes, as_gb.bytes
        ));
    }
    accept(decode_with(enc, bytes, 0), len, strict, false)
}

/// Decode bytes of a plain-text file, tolerating a few damaged spots (see [`decode`]).
pub fn decode_text(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<String, String> {
    decode(bytes.to_vec(), forced, false).map(|d| d.text)
}

/// The outcome of decoding with a chosen encoding: clean, a few spots replaced, or an error.
/// `chosen` says the encoding was given (forced, a BOM, a charset) rather than found.
fn accept(d: Decoded, len: usize, strict: bool, chosen: bool) -> Result<Decoded, String> {
    let dmg = d.damage;
    if dmg.places == 0 {
        return Ok(d);
    }
    if strict {
        let s = if dmg.bytes == 1 { "" } else { "s" };
        return Err(format!(
            "invalid {}: {} undecodable byte{s} (first at byte {}); not read (--strict-decoding)",
            d.encoding, dmg.bytes, dmg.first
        ));
    }
    if chosen && !dmg.is_few(len) {
        return Err(format!(
            "invalid {}: {} undecodable bytes (first at byte {}); not {} text",
            d.encoding, dmg.bytes, dmg.first, d.encoding
        ));
    }
    Ok(d)
}

/// Decode `bytes[skip..]` with `enc`, each malformed sequence replaced with one U+FFFD and counted;
/// offsets count from the start of `bytes`. UTF-8 without damage is taken without a copy.
pub(crate) fn decode_with(enc: &'static Encoding, mut bytes: Vec<u8>, skip: usize) -> Decoded {
    let name = enc.name();
    if enc == UTF_8 {
        bytes.drain(..skip);
        return match String::from_utf8(bytes) {
            Ok(s) => Decoded::clean(strip_bom_char(s), name),
            Err(e) => {
                let (text, damage) = utf8_lossy(e.as_bytes(), skip);
                Decoded { text: strip_bom_char(text), damage, encoding: name }
            }
        };
    }
    let src = &bytes[skip..];
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder.max_utf8_buffer_length(src.len()).unwrap_or(src.len().saturating_mul(3));
    let mut out = String::with_capacity(cap);
    let mut damage = Damage::default();
    let mut pos = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&src[pos..], &mut out, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => out.reserve(src.len() - pos + 16),
            DecoderResult::Malformed(bad, extra) => {
                let end = pos - extra as usize;
                damage.add(skip + end.saturating_sub(bad as usize), bad as usize);
                out.push('\u{FFFD}');
            }
        }
    }
    Decoded { text: strip_bom_char(out), damage, encoding: name }
}

/// UTF-8 with each maximal invalid sequence replaced by one U+FFFD (as `String::from_utf8_lossy`), counted.
fn utf8_lossy(bytes: &[u8], offset: usize) -> (String, Damage) {
    let mut damage = Damage::default();
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut at = offset;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            damage.add(at, chunk.invalid().len());
            at += chunk.invalid().len();
            out.push('\u{FFFD}');
        }
    }
    (out, damage)
}

/// What decoding `bytes` with `enc` would replace, without building the text.
pub(crate) fn damage(enc: &'static Encoding, bytes: &[u8]) -> Damage {
    if enc == UTF_8 { utf8_damage(bytes) } else { damage_of(enc, bytes) }
}

/// What decoding `bytes` as UTF-8 would replace, without building the text.
fn utf8_damage(bytes: &[u8]) -> Damage {
    let mut damage = Damage::default();
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            damage.add(at, chunk.invalid().len());
            at += chunk.invalid().len();
        }
    }
    damage
}

/// What decoding `bytes` with `enc` would replace, through a small buffer, without building the text.
fn damage_of(enc: &'static Encoding, bytes: &[u8]) -> Damage {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut buf = vec![0u8; 32 << 10];
    let mut damage = Damage::default();
    let mut pos = 0;
    loop {
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(&bytes[pos..], &mut buf, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => return damage,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, extra) => {
                let end = pos - extra as usize;
                damage.add(end.saturating_sub(bad as usize), bad as usize);
            }
        }
    }
}

/// `Some(big_endian)` when the bytes start with a UTF-32 byte-order mark (checked before UTF-16's,
/// whose little-endian mark is the first half of UTF-32's).
fn utf32_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Some(false),
        [0, 0, 0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// UTF-32 (which encoding_rs does not read): each unit that is no Unicode scalar value, and a cut last
/// unit, is one U+FFFD. `offset` is added to the positions.
fn decode_utf32(bytes: &[u8], big_endian: bool, offset: usize) -> Decoded {
    let mut out = String::with_capacity(bytes.len());
    let mut damage = Damage::default();
    let mut units = bytes.chunks_exact(4);
    for (i, u) in units.by_ref().enumerate() {
        let u: [u8; 4] = u.try_into().expect("four bytes");
        let v = if big_endian { u32::from_be_bytes(u) } else { u32::from_le_bytes(u) };
        match char::from_u32(v) {
            Some(c) => out.push(c),
            None => {
                damage.add(offset + i * 4, 4);
                out.push('\u{FFFD}');
            }
        }
    }
    if !units.remainder().is_empty() {
        damage.add(offset + bytes.len() - units.remainder().len(), units.remainder().len());
        out.push('\u{FFFD}');
    }
    Decoded { text: strip_bom_char(out), damage, encoding: if big_endian { "UTF-32BE" } else { "UTF-32LE" } }
}

/// Whether the bytes may be text although full of NUL bytes: UTF-16 or UTF-32 with a byte-order mark,
/// or UTF-16 forced.
pub(crate) fn wide_text(bytes: &[u8], forced: Option<&'static Encoding>) -> bool {
    if forced.is_some_and(|e| e == UTF_16LE || e == UTF_16BE) {
        return true;
    }
    // A BOM is two or four bytes that random data begins with now and then (/dev/urandom): what follows it must
    // decode, all but a unit the sample may have cut.
    if let Some(big_endian) = utf32_bom(bytes) {
        let body = &bytes[4..];
        return body.chunks_exact(4).take(body.len() / 4 - usize::from(body.len() >= 4)).all(|u| {
            let u: [u8; 4] = u.try_into().expect("four bytes");
            char::from_u32(if big_endian { u32::from_be_bytes(u) } else { u32::from_le_bytes(u) }).is_some()
        });
    }
    match Encoding::for_bom(bytes) {
        Some((e, bom)) if e == UTF_16LE || e == UTF_16BE => {
            let body = &bytes[bom..];
            let whole = (body.len() / 2).saturating_sub(2) * 2;
            e.decode_without_bom_handling_and_without_replacement(&body[..whole]).is_some()
        }
        _ => false,
    }
}

fn strip_bom_char(mut s: String) -> String {
    if s.starts_with('\u{FEFF}') {
        s.drain(..3);
    }
    s
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

/// [`normalize_newlines`] of an owned string: the same string back, without a copy, when there is
/// nothing to change.
pub(crate) fn normalize_newlines_owned(s: String) -> String {
    if s.starts_with('\u{FEFF}') || s.contains('\r') { normalize_newlines(&s) } else { s }
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

    /// /dev/urandom now and then begins with FF FE: that is no UTF-16 text unless what follows decodes.
    #[test]
    fn a_bom_before_random_bytes_is_no_wide_text() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut random: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        random[..2].copy_from_slice(&[0xFF, 0xFE]);
        assert!(!wide_text(&random, None));
        random[..4].copy_from_slice(&[0xFF, 0xFE, 0, 0]);
        assert!(!wide_text(&random, None));
        let text: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("全年立刑事案件428起。".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(wide_text(&text, None));
        let text32: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain("刑事案件428起".chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        assert!(wide_text(&text32, None));
    }
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

    /// A long report in UTF-8, for damage tests.
    fn report() -> String {
        "各位代表：全年国内生产总值达到３３．５万亿元，比上年增长8.7%；粮食产量53082万吨。\n".repeat(40)
    }

    #[test]
    fn stray_bytes_in_utf8_are_replaced_and_counted_exactly() {
        let text = report();
        let mut b = text.clone().into_bytes();
        // At character boundaries, from the last, so that earlier positions stay put.
        let spots: Vec<usize> =
            [30usize, 200, 500, 800, 1100].iter().map(|&c| text.char_indices().nth(c).unwrap().0).collect();
        for &at in spots.iter().rev() {
            b.insert(at, 0xFF);
        }
        let first = spots[0];
        let d = decode(b, None, false).unwrap();
        assert_eq!(d.damage, Damage { bytes: 5, places: 5, first });
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.matches('\u{FFFD}').count(), 5);
        assert_eq!(d.text.replace('\u{FFFD}', ""), report());
        assert_eq!(
            d.damage.message(0, d.encoding),
            format!("5 undecodable bytes (first at byte {first}), replaced with U+FFFD (read as UTF-8)")
        );
    }

    #[test]
    fn utf8_cut_inside_its_last_character() {
        let mut b = report().into_bytes();
        b.extend_from_slice(&"增".as_bytes()[..2]);
        let n = b.len();
        let d = decode(b, None, false).unwrap();
        assert_eq!(d.damage, Damage { bytes: 2, places: 1, first: n - 2 });
        assert_eq!(d.text, format!("{}\u{FFFD}", report()));
        assert!(d.damage.message(0, "UTF-8").contains("2 undecodable bytes (first at byte"), "{:?}", d.damage);
        assert!(d.damage.message(0, "UTF-8").contains("replaced with 1 U+FFFD"));
    }

    #[test]
    fn gbk_with_bad_bytes_counts_what_replacing_gives() {
        let text = report();
        let (gbk, _, _) = GBK.encode(&text);
        let mut b = gbk.into_owned();
        // 30 bad bytes just after line ends: 0x80 and 0xFF are no GB18030 lead bytes; 0x81 before an ASCII
        // byte starts no pair (so that byte is read again).
        let mut at = 0;
        for k in 0..30 {
            let nl = b[at..].iter().position(|&c| c == b'\n').expect("a line end");
            at += nl + 1;
            let bad = [0x80u8, 0xFF, 0x81][k % 3];
            b.insert(at, bad);
            if bad == 0x81 {
                b.insert(at + 1, b' ');
            }
        }
        let (lossy, _) = GB18030.decode_without_bom_handling(&b);
        let expected_places = lossy.matches('\u{FFFD}').count();
        let d = decode(b.clone(), None, false).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.damage.places, expected_places, "one per U+FFFD");
        assert_eq!(d.text, lossy);
        assert!(d.damage.bytes >= d.damage.places && d.damage.bytes <= 30 + d.damage.places, "{:?}", d.damage);
        // The suggested --encoding reads it the same way.
        let forced = decode(b.clone(), Some(GBK), false).unwrap();
        assert_eq!(forced.damage.places, expected_places);
        // --strict-decoding refuses it, naming the first bad byte.
        let e = decode(b, None, true).unwrap_err();
        assert!(e.contains("undecodable") && e.contains("--strict-decoding"), "{e}");
    }

    #[test]
    fn text_of_no_candidate_encoding_is_refused() {
        // Big5-like pairs with ASCII trail bytes break both UTF-8 and GB18030 on every pair.
        let junk: Vec<u8> = (0..3000u32).map(|i| if i % 2 == 0 { 0xFF } else { b'a' }).collect();
        assert!(decode(junk, None, false).is_err());
        // Forcing UTF-8 on a clean GBK text is refused, not turned into U+FFFD.
        let text = report();
        let (gbk, _, _) = GBK.encode(&text);
        let e = decode(gbk.into_owned(), Some(UTF_8), false).unwrap_err();
        assert!(e.starts_with("invalid UTF-8"), "{e}");
    }

    #[test]
    fn utf32_with_bom() {
        for be in [false, true] {
            let mut b = if be { vec![0, 0, 0xFE, 0xFF] } else { vec![0xFF, 0xFE, 0, 0] };
            for c in "粮食产量53082万吨".chars() {
                let u = c as u32;
                b.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            let d = decode(b, None, false).unwrap();
            assert_eq!(d.text, "粮食产量53082万吨");
            assert_eq!(d.damage.places, 0);
        }
    }

    #[test]
    fn valid_utf8_is_not_copied() {
        let b = report().into_bytes();
        let ptr = b.as_ptr();
        let d = decode(b, None, false).unwrap();
        assert_eq!(d.text.as_ptr(), ptr);
        let normalized = normalize_newlines_owned(d.text);
        assert_eq!(normalized.as_ptr(), ptr);
    }

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\nd\r\r\n"), "a\nb\nc\nd\n\n");
        assert_eq!(normalize_newlines("\u{FEFF}x"), "x");
    }
}
