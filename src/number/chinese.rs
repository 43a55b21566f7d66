//! Chinese numerals: 〇/○/零, 两, 十 百 千 万 亿, 大写 (壹贰叁…拾佰仟), decimals with 点, and mixtures
//! with Arabic digits (3.5万, 2万5千).

use rust_decimal::Decimal;

/// Value of a Chinese digit character.
pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Value of a small unit character (十 百 千).
pub fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Value of a large unit character (万 亿).
pub fn big_unit(c: char) -> Option<u64> {
    Some(match c {
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_numeral_char(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// One element of a numeral: a Chinese character, or an Arabic number already parsed.
#[derive(Debug, Clone, Copy)]
pub enum Piece {
    /// A character of a Chinese numeral (digit or unit).
    Char(char),
    /// An Arabic number (`3.5` in `3.5万`).
    Arabic(Decimal),
}

/// Parses a numeral made of `pieces` (no 点: decimals come as Arabic pieces or through the scan of `点`).
///
/// Digits without any unit between them read positionally (一九八〇 → 1980); otherwise the usual
/// grouping applies (一亿零六百万 → 106000000, 二十万亿 → 20000000000000). Returns `None` for sequences
/// that are not a well-formed numeral.
pub fn parse_pieces(pieces: &[Piece]) -> Option<Decimal> {
    if pieces.is_empty() {
        return None;
    }
    let has_unit = pieces.iter().any(|p| match p {
        Piece::Char(c) => small_unit(*c).is_some() || big_unit(*c).is_some(),
        Piece::Arabic(_) => false,
    });
    if !has_unit {
        // Positional: 一九八〇, or a single Arabic piece.
        let mut v = Decimal::ZERO;
        for p in pieces {
            match p {
                Piece::Char(c) => v = v.checked_mul(Decimal::TEN)?.checked_add(digit(*c)?.into())?,
                Piece::Arabic(a) => {
                    if pieces.len() > 1 {
                        return None;
                    }
                    v = *a;
                }
            }
        }
        return Some(v);
    }
    let mut value = Decimal::ZERO; // everything up to the last 亿
    let mut section = Decimal::ZERO; // below the last 亿
    let mut num: Option<Decimal> = None; // the pending digit
    let mut last_small: Option<u32> = None;
    for p in pieces {
        match *p {
            Piece::Arabic(a) => {
                if num.is_some() {
                    return None;
                }
                num = Some(a);
            }
            Piece::Char(c) => {
                if let Some(d) = digit(c) {
                    if d == 0 {
                        num = None;
                        last_small = None;
                        continue;
                    }
                    if num.is_some() {
                        return None;
                    }
                    num = Some(d.into());
                } else if let Some(u) = small_unit(c) {
                    if last_small.is_some_and(|l| l <= u) && num.is_none() {
                        return None;
                    }
                    let n = num.take().unwrap_or(Decimal::ONE);
                    section = section.checked_add(n.checked_mul(u.into())?)?;
                    last_small = Some(u);
                } else if let Some(b) = big_unit(c) {
                    let n = num.take().unwrap_or(Decimal::ZERO);
                    let s = section.checked_add(n)?;
                    if b == 100_000_000 {
                        let base = if s.is_zero() && value.is_zero() { Decimal::ONE } else { value.checked_add(s)? };
                        value = base.checked_mul(b.into())?;
                        section = Decimal::ZERO;
                    } else {
                        let s = if s.is_zero() { Decimal::ONE } else { s };
                        section = s.checked_mul(b.into())?;
                    }
                    last_small = None;
                }
            }
        }
    }
    let n = num.unwrap_or(Decimal::ZERO);
    value.checked_add(section)?.checked_add(n)
}

/// Parses a Chinese numeral string such as `一万六千七百七十亿` or `三点五` or `百分之`-less `十二点五`.
/// Returns the value and the number of decimals stated.
pub fn parse_str(s: &str) -> Option<(Decimal, u32)> {
    let (int_part, frac_part) = match s.split_once('点') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let pieces: Vec<Piece> = int_part.chars().map(Piece::Char).collect();
    let mut v = if pieces.is_empty() { Decimal::ZERO } else { parse_pieces(&pieces)? };
    let mut decimals = 0;
    if let Some(f) = frac_part {
        let mut scale = Decimal::new(1, 1);
        for c in f.chars() {
            let d = digit(c)?;
            v = v.checked_add(scale.checked_mul(d.into())?)?;
            scale = scale.checked_mul(Decimal::new(1, 1))?;
            decimals += 1;
        }
        if decimals == 0 {
            return None;
        }
    }
    Some((v, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn p(s: &str) -> Decimal {
        parse_str(s).unwrap_or_else(|| panic!("no parse: {s}")).0
    }
    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_the_forms_reports_use() {
        for (s, v) in [
            ("一万六千七百七十亿", "1677000000000"),
            ("一亿零六百万", "106000000"),
            ("二十万亿", "20000000000000"),
            ("两千", "2000"),
            ("壹万贰仟", "12000"),
            ("一万零五", "10005"),
            ("十", "10"),
            ("十二", "12"),
            ("一百一十", "110"),
            ("三点五", "3.5"),
            ("十二点五", "12.5"),
            ("一九八〇", "1980"),
            ("一九八○", "1980"),
            ("二〇二五", "2025"),
            ("三亿五千万", "350000000"),
            ("五千三百万", "53000000"),
            ("零点五", "0.5"),
        ] {
            assert_eq!(p(s), d(v), "{s}");
        }
    }

    #[test]
    fn mixes_arabic_pieces_with_units() {
        let pieces = [Piece::Arabic(d("2")), Piece::Char('万'), Piece::Arabic(d("5")), Piece::Char('千')];
        assert_eq!(parse_pieces(&pieces), Some(d("25000")));
        let pieces = [Piece::Arabic(d("3.5")), Piece::Char('万')];
        assert_eq!(parse_pieces(&pieces), Some(d("35000")));
        let pieces = [Piece::Arabic(d("1.2")), Piece::Char('万'), Piece::Char('亿')];
        assert_eq!(parse_pieces(&pieces), Some(d("1200000000000")));
    }

    #[test]
    fn rejects_malformed_sequences() {
        assert!(parse_str("点").is_none());
        assert!(parse_str("三点").is_none());
    }
}
