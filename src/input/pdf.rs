//! PDF text, through `pdf-extract` (behind the default `pdf` feature), re-flowed into paragraphs.
#![cfg_attr(not(feature = "pdf"), allow(dead_code))]

/// Text of a PDF, or an error message. Never panics.
#[cfg(feature = "pdf")]
pub fn pdf_to_text(bytes: &[u8]) -> Result<String, String> {
    let res = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    match res {
        Ok(Ok(raw)) => {
            let text = reflow(&crate::input::encoding::normalize_newlines(&raw));
            if text.trim().is_empty() {
                Err("PDF has no extractable text (scanned images?); convert it to text first".to_string())
            } else {
                Ok(text)
            }
        }
        Ok(Err(e)) => Err(format!("cannot read PDF: {e}; convert it to text first")),
        Err(_) => Err("cannot read PDF (extractor failed); convert it to text first".to_string()),
    }
}

#[cfg(not(feature = "pdf"))]
pub fn pdf_to_text(_bytes: &[u8]) -> Result<String, String> {
    Err("PDF is not supported; convert it to text first".to_string())
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x2018..=0x201D | 0x2026)
}

/// Page numbers such as `- 1-`, `— 2 —`, `第3页`.
fn is_page_number(l: &str) -> bool {
    let t = l.trim();
    let core = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–' | '－'));
    let core = core.strip_prefix('第').and_then(|c| c.strip_suffix('页')).unwrap_or(core).trim();
    !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit()) && core.len() < t.len()
}

/// Remove spaces the extractor puts between CJK characters (and between CJK and digits).
fn squeeze_spaces(l: &str) -> String {
    let chars: Vec<char> = l.chars().collect();
    let mut out = String::with_capacity(l.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let prev = out.chars().last();
            let next = chars.get(j).copied();
            let drop = match (prev, next) {
                (Some(p), Some(n)) => is_cjk(p) || is_cjk(n),
                _ => true,
            };
            if !drop {
                out.push(' ');
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Display width: CJK characters count two, others one.
fn width(l: &str) -> usize {
    width_upto(l, usize::MAX)
}

/// [`width`], counted no further than past `cap`.
fn width_upto(l: &str, cap: usize) -> usize {
    let mut w = 0;
    for c in l.chars() {
        w += if is_cjk(c) { 2 } else { 1 };
        if w > cap {
            break;
        }
    }
    w
}

/// Whether plain text is hard-wrapped like a PDF's text layer (`tjgb/hefei_2024_tjgb.txt`): many lines,
/// most of them the same full width and not ending a sentence, so words and numbers are cut at line ends.
pub(crate) fn looks_hard_wrapped(text: &str) -> bool {
    // Asked of every plain text: a wrapped text is wrapped from its first lines, so the first
    // SAMPLE_LINES lines decide, and each line's width is counted once.
    const SAMPLE_LINES: usize = 600;
    // Widths are counted no further than past WIDE: the answer is the same whatever the exact width of a
    // wider line (it is no wrapped line, whose usual width is at most 120, and as the usual width it says no).
    const WIDE: usize = 124;
    let lines: Vec<(usize, bool)> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(SAMPLE_LINES)
        .map(|l| (width_upto(l, WIDE), l.ends_with(['。', '！', '？', '：', '；', '!', '?', ':'])))
        .collect();
    if lines.len() < 20 {
        return false;
    }
    let mut widths: Vec<usize> = lines.iter().map(|l| l.0).collect();
    widths.sort_unstable();
    let full = widths[widths.len() * 4 / 5].max(10);
    let wrapped = lines.iter().filter(|&&(w, ends)| w * 10 >= full * 9 && w <= full + 4 && !ends).count();
    // Line-per-paragraph reports have long lines of every width; a wrapped one has most lines cut at one width.
    full <= 120 && wrapped * 2 >= lines.len()
}

/// Join hard-wrapped lines into paragraphs: a line that fills the usual width and does not
/// end a sentence continues on the next line (so a number broken at a line end is whole again).
pub(crate) fn reflow(raw: &str) -> String {
    let lines: Vec<String> =
        raw.split('\n').map(|l| squeeze_spaces(l.trim())).filter(|l| !l.is_empty() && !is_page_number(l)).collect();
    let mut widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
    widths.sort_unstable();
    // the usual width of a full line: the 80th percentile
    let full = widths.get(widths.len() * 4 / 5).copied().unwrap_or(0).max(10);
    let mut out = String::with_capacity(raw.len());
    let mut prev_full = false;
    for l in &lines {
        if prev_full {
            let p = out.chars().last();
            let n = l.chars().next();
            if let (Some(p), Some(n)) = (p, n)
                && p.is_ascii_alphabetic()
                && n.is_ascii_alphabetic()
            {
                out.push(' ');
            }
        } else if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(l);
        let ends_sentence = l.ends_with(['。', '！', '？', '：', '；', '!', '?', ':']);
        prev_full = width(l) * 10 >= full * 9 && !ends_sentence;
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// tjgb/hefei_2024_tjgb.txt is a PDF's text saved as .txt: lines cut at one width, mid-word.
    #[test]
    fn hard_wrapped_text_is_recognised_and_line_per_paragraph_text_is_not() {
        let para = "全市上下坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，稳中求进。";
        let wrapped: String = para
            .repeat(30)
            .chars()
            .collect::<Vec<_>>()
            .chunks(26)
            .map(|c| c.iter().collect::<String>() + "\n")
            .collect();
        assert!(looks_hard_wrapped(&wrapped));
        assert!(reflow(&wrapped).lines().count() < 5);
        // A report with one paragraph per line: lines of many widths, each ending a sentence.
        let per_paragraph: String = (0..30).map(|i| format!("{}{}\n", "增长".repeat(i % 7), para)).collect();
        assert!(!looks_hard_wrapped(&per_paragraph));
    }

    #[test]
    fn reflow_joins_wrapped_lines() {
        let raw = "- 1-\n\n年末全市常住人口 866.60 万人。其中城镇人口 392.66 万人，乡村人口 473.9\n\n4万人；城镇化率 45.31%，比上年提高 1.01 个百分点。全年全市的出生人\n\n口 7.40 万人。\n\n表 1 人口\n\n城镇 392.66 45.31\n\n— 2 —\n";
        let t = reflow(raw);
        assert!(t.contains("乡村人口473.94万人"), "{t}");
        assert!(t.contains("出生人口7.40万人。\n"), "{t}");
        assert!(t.contains("城镇392.66 45.31"), "{t}");
        assert!(!t.contains("— 2 —") && !t.contains("- 1-"), "{t}");
    }
}
