//! Property test: any integer 0 ≤ n < 10^16 written as a Chinese numeral by the test's own writer, in
//! several styles, reads back as n.

use proptest::prelude::*;
use rust_decimal::Decimal;
use zhibiao::number::chinese::parse_str;

const LOWER: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UPPER: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

#[derive(Debug, Clone, Copy)]
enum Style {
    Plain,
    Liang,
    Daxie,
}

/// Writes 0..10000 with 千百十 (一千零五, 两千, 壹仟贰佰).
fn group(n: u64, style: Style, leading: bool, out: &mut String) {
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units: [Option<char>; 4] = match style {
        Style::Daxie => [Some('仟'), Some('佰'), Some('拾'), None],
        _ => [Some('千'), Some('百'), Some('十'), None],
    };
    let mut zero = false;
    let mut started = !leading;
    for (i, d) in digits.iter().enumerate() {
        if *d == 0 {
            if started {
                zero = true;
            }
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        let c = match style {
            Style::Daxie => UPPER[*d as usize],
            Style::Liang if *d == 2 && i < 2 => '两',
            _ => LOWER[*d as usize],
        };
        // 十二 rather than 一十二 at the very start.
        if !(leading && !started && i == 2 && *d == 1 && !matches!(style, Style::Daxie)) {
            out.push(c);
        }
        if let Some(u) = units[i] {
            out.push(u);
        }
        started = true;
    }
}

fn write(n: u64, style: Style) -> String {
    if n == 0 {
        return "零".into();
    }
    let yi = n / 100_000_000;
    let wan = n / 10_000 % 10_000;
    let low = n % 10_000;
    let mut s = String::new();
    if yi > 0 {
        // 亿 groups above 10^4 use 万亿 (一千二百万亿).
        let (yw, yl) = (yi / 10_000, yi % 10_000);
        if yw > 0 {
            group(yw, style, true, &mut s);
            s.push('万');
        }
        if yl > 0 {
            group(yl, style, yw == 0, &mut s);
        }
        s.push('亿');
    }
    if wan > 0 {
        group(wan, style, yi == 0, &mut s);
        s.push('万');
    }
    if low > 0 {
        if wan == 0 && yi > 0 {
            // 一亿零五: the empty 万 group is one 零; the group writer adds none when it starts at once.
            if low >= 1000 {
                s.push('零');
            }
        }
        group(low, style, yi == 0 && wan == 0, &mut s);
    }
    s
}

proptest! {
    #[test]
    fn chinese_numerals_read_back(n in 0u64..10_000_000_000_000_000, style in 0..3u8) {
        let style = [Style::Plain, Style::Liang, Style::Daxie][style as usize];
        let s = write(n, style);
        let (v, _) = parse_str(&s).unwrap_or_else(|| panic!("no parse: {s} ({n})"));
        prop_assert_eq!(v, Decimal::from(n), "{} ({:?})", s, style);
    }
}

#[test]
fn writer_examples() {
    assert_eq!(write(10005, Style::Plain), "一万零五");
    assert_eq!(write(2000, Style::Liang), "两千");
    assert_eq!(write(12000, Style::Daxie), "壹万贰仟");
    assert_eq!(write(106_000_000, Style::Plain), "一亿零六百万");
}
