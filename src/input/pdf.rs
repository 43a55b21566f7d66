//! PDF text, through `pdf-extract` (behind the default `pdf` feature), re-flowed into paragraphs.
//!
//! Before the extractor sees a PDF, its Flate streams (except images, which text extraction never
//! decodes) are inflated into nothing, counting: a PDF whose streams expand past the cap, or one stream
//! past [`MAX_RATIO`]:1, is refused as a decompression bomb without being held in memory. A panic inside
//! the extractor is caught and reported as one line, without Rust's panic message.
#![cfg_attr(not(feature = "pdf"), allow(dead_code))]

use super::archive::MAX_RATIO;

/// Text of a PDF (never panics) whose streams may inflate to at most `limit` bytes in all, and how many they take.
#[cfg(feature = "pdf")]
pub(crate) fn pdf_to_text_limited(bytes: &[u8], limit: u64) -> Result<(String, u64), String> {
    let inflated = check_streams(bytes, limit)?;
    let res = quiet_panics(|| pdf_extract::extract_text_from_mem(bytes));
    match res {
        Ok(Ok(raw)) => {
            let text = reflow(&crate::input::encoding::normalize_newlines(&raw));
            if text.trim().is_empty() {
                Err("PDF has no extractable text (scanned images?); convert it to text first".to_string())
            } else {
                Ok((text, inflated))
            }
        }
        Ok(Err(e)) => Err(format!("cannot read PDF: {e}; convert it to text first")),
        Err(_) => Err("cannot read PDF (extractor failed); convert it to text first".to_string()),
    }
}

#[cfg(not(feature = "pdf"))]
pub(crate) fn pdf_to_text_limited(_bytes: &[u8], _limit: u64) -> Result<(String, u64), String> {
    Err("PDF is not supported; convert it to text first".to_string())
}

std::thread_local! {
    /// Set while this thread runs the extractor: its panics are caught and reported, not printed.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, catching a panic, with the panic hook silenced on this thread for the while (other threads,
/// and this one afterwards, keep the hook there was). The hook is wrapped once, on first use.
pub(crate) fn quiet_panics<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    static WRAP: std::sync::Once = std::sync::Once::new();
    WRAP.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let r = std::panic::catch_unwind(f);
    QUIET.with(|q| q.set(was));
    r
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut from = 0;
    while let Some(i) = hay[from..].iter().position(|&b| b == first) {
        let at = from + i;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Inflates every Flate stream of a PDF that is no image into nothing, counting. Returns the bytes they
/// expand to, or an error when they expand past `limit` in all or one of them past [`MAX_RATIO`]:1
/// (over 1 MiB). Streams are found by their keywords (`stream` … `endstream`), so a broken
/// cross-reference table hides none.
pub(crate) fn check_streams(bytes: &[u8], limit: u64) -> Result<u64, String> {
    let mut total = 0u64;
    let mut pos = 0;
    while let Some(k) = find(&bytes[pos..], b"stream") {
        let kw = pos + k;
        pos = kw + 6;
        if bytes[..kw].ends_with(b"end") {
            continue;
        }
        // The keyword is followed by an end of line, then the data.
        let start = match &bytes[pos..] {
            [b'\r', b'\n', ..] => pos + 2,
            [b'\n', ..] | [b'\r', ..] => pos + 1,
            _ => continue,
        };
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        pos = end;
        // The stream's dictionary: back to the `obj` keyword (or at most 4 KB).
        let from = kw.saturating_sub(4096);
        let dict = &bytes[from..kw];
        let dict = match rfind(dict, b" obj").or_else(|| rfind(dict, b"obj")) {
            Some(o) => &dict[o..],
            None => dict,
        };
        if find(dict, b"/FlateDecode").is_none() || find(dict, b"/Image").is_some() {
            continue;
        }
        let data = &bytes[start..end];
        let left = limit.saturating_sub(total);
        // Counted no further than the ratio allows (over 1 MiB) or the budget: enough to decide.
        let ratio_cap = (data.len() as u64).saturating_mul(MAX_RATIO).max(1 << 20);
        let n = inflated_size(data, left.min(ratio_cap).saturating_add(1));
        total += n;
        if n > left {
            return Err(format!(
                "PDF streams expand to more than {} (decompression bomb?); not read (see --max-size)",
                super::human(limit)
            ));
        }
        if n > ratio_cap {
            return Err(format!(
                "a PDF stream expands more than {MAX_RATIO}:1 ({} bytes to over {}; decompression bomb?); not read",
                data.len(),
                super::human(ratio_cap)
            ));
        }
    }
    Ok(total)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Bytes `data` inflates to (zlib), counted up to `cap`; a broken stream counts what came out of it.
fn inflated_size(data: &[u8], cap: u64) -> u64 {
    use std::io::Read;
    let mut z = flate2::read::ZlibDecoder::new(data).take(cap);
    let mut buf = [0u8; 32 << 10];
    let mut n = 0u64;
    loop {
        match z.read(&mut buf) {
            Ok(0) | Err(_) => return n,
            Ok(k) => n += k as u64,
        }
    }
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

/// The words a table's label column is headed by (`指标名称`, `产品名称`): the `label` role of
/// `dicts/table_headers.tsv`.
fn label_heads() -> &'static crate::dicts::Words {
    static TABLE: std::sync::OnceLock<crate::dicts::TableWords> = std::sync::OnceLock::new();
    &TABLE.get_or_init(crate::dicts::Dicts::builtin_table).label
}

/// A table cell that is a number (`902.61`, `-3.2`, `100.0`), or a unit or an empty mark (`%`, `—`).
fn is_value_piece(p: &str) -> bool {
    let n = p.trim_start_matches(['-', '+', '−']);
    (!n.is_empty()
        && n.chars().all(|c| c.is_ascii_digit() || c == '.')
        && n.chars().next().is_some_and(|c| c.is_ascii_digit()))
        || matches!(p, "%" | "—" | "-" | "…")
}

/// The header cells of a table line of a PDF's text layer: pieces between spaces, the first a label heading
/// of `table_headers.tsv` (`指标名称 绝对数（亿元） 比上年增长（%）`); single characters the extractor spaced out
/// are one cell again (`产 量` → 产量).
fn header_cells(line: &str) -> Option<Vec<String>> {
    let pieces: Vec<&str> = line.split(' ').filter(|p| !p.is_empty()).collect();
    if pieces.len() < 2 || !label_heads().has(pieces[0]) || pieces.iter().any(|p| is_value_piece(p)) {
        return None;
    }
    let mut cells: Vec<String> = Vec::new();
    let mut last_single = false;
    for p in pieces {
        let single = p.chars().count() == 1;
        match cells.last_mut() {
            Some(c) if single && last_single => c.push_str(p),
            _ => cells.push(p.to_string()),
        }
        last_single = single;
    }
    (cells.len() >= 2).then_some(cells)
}

/// The lines of a PDF's text layer with the spaces between CJK characters removed (see [`squeeze_spaces`]),
/// except in a table: after a header line of cells ([`header_cells`]), each line whose last pieces are values
/// and that has as many cells as the header, its label possibly spaced out (`其中： 夏粮`), is written with
/// tabs between its cells (`粮食\t902.61\t-3.2`), so that the table reader finds the table the layout kept.
fn tab_table_rows<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    let mut columns = 0;
    for l in lines {
        if let Some(h) = header_cells(l) {
            columns = h.len();
            out.push(h.join("\t"));
            continue;
        }
        if columns > 0 {
            let pieces: Vec<&str> = l.split(' ').filter(|p| !p.is_empty()).collect();
            if pieces.len() >= columns && pieces.last().is_some_and(|p| is_value_piece(p)) {
                let label_n = pieces.len() + 1 - columns;
                let label: String = pieces[..label_n].concat();
                if !label.contains(['。', '；', '，'])
                    && pieces[label_n..].iter().all(|p| is_value_piece(p) || p.chars().count() <= 4)
                {
                    let mut cells = vec![label];
                    cells.extend(pieces[label_n..].iter().map(|p| p.to_string()));
                    out.push(cells.join("\t"));
                    continue;
                }
            }
            columns = 0;
        }
        out.push(squeeze_spaces(l));
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
        tab_table_rows(raw.split('\n').map(str::trim).filter(|l| !l.is_empty() && !is_page_number(l)));
    let mut widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
    widths.sort_unstable();
    // the usual width of a full line: the 80th percentile
    let full = widths.get(widths.len() * 4 / 5).copied().unwrap_or(0).max(10);
    let mut out = String::with_capacity(raw.len());
    let mut prev_full = false;
    for l in &lines {
        // A table line (tabs between its cells) is never joined to the line before it, nor the next to it.
        let tabbed = l.contains('\t');
        if prev_full && !tabbed {
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
        prev_full = width(l) * 10 >= full * 9 && !ends_sentence && !tabbed;
    }
    out.push('\n');
    out
}

/// Whether a line opens a block of its own, never the rest of the line before: an ordinal heading (`一、`,
/// `（二）`, `3.`), a figure or table caption (`图 5`, `表2`), a unit or note line (`单位：万人`, `注：`).
fn opens_block(l: &str) -> bool {
    let mut cs = l.chars();
    let first = cs.next();
    let ordinal = |c: char| "一二三四五六七八九十".contains(c);
    match first {
        Some('（' | '(') => cs.next().is_some_and(|c| ordinal(c) || c.is_ascii_digit()),
        Some(c) if ordinal(c) => l.chars().find(|&c| !ordinal(c)) == Some('、'),
        Some(c) if c.is_ascii_digit() => {
            let rest = l.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(['、', '．'])
                || (rest.starts_with('.') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()))
        }
        Some('图' | '表') => l.chars().nth(1).is_some_and(|c| c.is_ascii_digit() || c == ' '),
        _ => l.starts_with("单位") || l.starts_with("注：") || l.starts_with("注:"),
    }
}

/// Whether `line`, then `next`, is one paragraph cut at a line end as a PDF's lines are: `line` is a long one
/// of running text (commas in it) that stops inside a sentence (on a character or digit, or a comma), and `next`
/// goes on with it (a character, or a digit after no digit, and punctuation of running text in it), opening no
/// block of its own. Table rows are never joined.
fn wrapped_pair(line: &str, next: &str) -> bool {
    const LONG: usize = 36;
    let (Some(end), Some(start)) = (line.chars().last(), next.chars().next()) else { return false };
    let han = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF);
    !line.contains('\t')
        && !next.contains('\t')
        && width_upto(line, LONG) >= LONG
        && !opens_block(line)
        && (han(end) || end.is_ascii_digit() || matches!(end, '，' | '、' | '“' | '（'))
        && (han(start) || (start.is_ascii_digit() && !end.is_ascii_digit()))
        // A title or heading (`2024年东莞市国民经济和社会发展统计公报`) has no punctuation of running text.
        && (line.contains(['，', '。', '；', '、']) || width_upto(line, 60) >= 60)
        && !opens_block(next)
        && next.contains(['，', '。', '；', '：', '、', '！', '？'])
}

/// A Word file made from a PDF (`tjgb/china_2022-2023_renshe_tjgb.docx`) keeps some of its paragraphs as the
/// PDF's lines and others whole, so no one line width tells the wrapped ones: where at least a quarter of the
/// long lines, and ten or more, stop inside a sentence that the next line goes on with, those lines are
/// joined to the next. Text in which few lines do so is returned as it is.
pub(crate) fn rejoin_wrapped_lines(text: String) -> String {
    let raw: Vec<&str> = text.split('\n').collect();
    let lines: Vec<&str> = raw.iter().map(|l| l.trim()).collect();
    let nonblank: Vec<&str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
    let long = nonblank.iter().filter(|l| width_upto(l, 36) >= 36).count();
    let wrapped = nonblank.windows(2).filter(|w| wrapped_pair(w[0], w[1])).count();
    if wrapped < 10 || wrapped * 4 < long {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Whether the line at `i` goes on from the one before: its leading space is no indentation then.
    let mut continues = false;
    while i < raw.len() {
        let line = if continues { raw[i].trim_start() } else { raw[i] };
        // The next non-blank line: a blank line between (a page break) does not end the paragraph.
        let mut j = i + 1;
        while j < lines.len() && lines[j].is_empty() && j - i <= 2 {
            j += 1;
        }
        continues = j < lines.len() && !lines[i].is_empty() && wrapped_pair(lines[i], lines[j]);
        if continues {
            out.push_str(line.trim_end());
            i = j;
        } else {
            out.push_str(line);
            if i + 1 < raw.len() {
                out.push('\n');
            }
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of `tjgb/china_2022-2023_renshe_tjgb.docx`, a Word file made from a PDF, with paragraphs kept whole
    /// among them: the cut ones are joined, the whole ones, headings and captions kept.
    #[test]
    fn wrapped_lines_of_a_word_file_are_joined_and_whole_paragraphs_kept() {
        let cut = "全年城镇职工基本养老保险基金收入 63324 亿元，基金支\n出 59035 亿元，年末城镇职工基本养老保险基金累计结余\n56890 亿元。\n";
        let whole = "年末全国参加城乡居民基本养老保险人数54952万人，比上年末增加155万人。\n";
        let heads = "（一）养老保险\n图 5\t近五年三项社会保险参保人数\n单位：万人\n";
        let text = format!("{heads}{}{whole}", cut.repeat(12));
        let joined = rejoin_wrapped_lines(text.clone());
        let para = "全年城镇职工基本养老保险基金收入 63324 亿元，基金支出 59035 亿元，年末城镇职工基本养老保险基金累计结余56890 亿元。\n";
        assert_eq!(joined, format!("{heads}{}{whole}", para.repeat(12)));
        // Text in which no paragraph is cut is left as it is, tabs and trailing spaces too.
        let plain = format!("{heads}\t比上年增长（%）\n财政总收入\t148.87\t3.5 \n{}", whole.repeat(30));
        assert_eq!(rejoin_wrapped_lines(plain.clone()), plain);
    }

    #[test]
    fn a_title_a_heading_or_a_finished_sentence_is_no_cut_line() {
        assert!(wrapped_pair("全年城镇职工基本养老保险基金收入 63324 亿元，基金支", "出 59035 亿元，年末城镇职工"));
        assert!(wrapped_pair(
            "全年城镇新增就业 1244 万人，城镇失业人员再就业 514",
            "万人，就业困难人员就业 172 万人。"
        ));
        assert!(!wrapped_pair("2024年东莞市国民经济和社会发展统计公报", "发布日期：2025-04-24  浏览次数：14546"));
        assert!(!wrapped_pair("比上年增长12.9%，按1月3日汇率折算约合3868美元。", "医疗保健价格上涨3.3%，其他"));
        assert!(!wrapped_pair("全年城镇职工基本养老保险基金收入 63324 亿元，基金支", "（二）失业保险，"));
        assert!(!wrapped_pair(
            "全年城镇职工基本养老保险基金收入 63324 亿元，基金支",
            "图 7  近五年失业保险基金收支情况"
        ));
        assert!(!wrapped_pair("发布日期：2025-04-24，全年城镇职工基本养老保险基金 1234", "2024年，东莞坚持"));
    }

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

    /// tjgb/zhoukou_2023_tjgb.pdf, 表3 and 表4 as its text layer gives them: a header of cells between spaces
    /// (`产 量` spaced out), rows of a label and values; the prose around stays squeezed.
    #[test]
    fn table_rows_keep_their_cells() {
        let raw = "表 3 2023年周口市主要农产品产量及增速\n产品名称 产量（万吨） 比上年增长（%）\n粮食 902.61 -3.2\n其中： 夏粮 508.58 -8.6\n秋粮 394.03 4.8\n全年全市油料产量 56.43 万吨，比上年增产 6.8%。\n产品名称 单位 产 量 比上年增长（%）\n钢材 吨 1577693 48.8\n";
        let t = reflow(raw);
        assert!(
            t.contains("\n产品名称\t产量（万吨）\t比上年增长（%）\n粮食\t902.61\t-3.2\n其中：夏粮\t508.58\t-8.6\n"),
            "{t}"
        );
        assert!(t.contains("\n全年全市油料产量56.43万吨，比上年增产6.8%。\n"), "{t}");
        assert!(t.contains("\n产品名称\t单位\t产量\t比上年增长（%）\n钢材\t吨\t1577693\t48.8\n"), "{t}");
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
