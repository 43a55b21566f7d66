//! Tables as tables: finding them among the text's lines, and the header model that makes each numeric cell a
//! figure with its subject, kind, unit and year.
//!
//! A table is a run of lines whose cells stand between tabs (what the Word and HTML readers write, and what
//! `zhibiao text` prints) or wide spaces (a text table, a PDF's text layer). Its title is a line before it
//! opening with its number (`表2  2022年主要工业产品产量情况`); a line `单位：万元` between them gives its unit.
//! The header rows are the rows before the first with a number; their cells, joined down each column (a cell
//! spanning columns is followed by empty ones, which take its text), give each column its measure, unit, kind
//! and year; the first column holds the row labels. The words of every role are in `dicts/table_headers.tsv`.

use rust_decimal::Decimal;

use crate::dicts::{TableWords, Words};
use crate::document::{Cell, Row, Table};
use crate::figure::Kind;

/// The longest cell a table row holds: a longer one is prose with a tab in it.
/// (`产品名称 | 计量单位 | 2022年 | 比上年增长（%）`: labels run to some twenty characters.)
const MAX_CELL: usize = 40;

/// The longest unit a row label states in parentheses (`（家）`, `（万吨）`); a longer aside (`（市、区）`) is
/// part of the label.
const MAX_LABEL_UNIT: usize = 4;

/// Lines looked back over for a table's title and unit line.
const TITLE_LINES: usize = 3;

/// Header rows at most: a table whose first rows all lack numbers past this is read as headers this deep.
const MAX_HEADER_ROWS: usize = 4;

/// The longest unit in a header's parentheses (`（万吨公里）`): a longer aside is no unit.
const MAX_UNIT: usize = 8;

/// The tables of `text`, in text order. Linear in the text's length.
pub fn find_tables(text: &str, words: &TableWords) -> Vec<Table> {
    let mut out = Vec::new();
    if !text.contains('\t') && !text.contains("  ") && !text.contains('\u{3000}') && !text.contains('|') {
        return out;
    }
    // Lines: (byte start, byte end, code-point start).
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    let mut c = 0usize;
    let mut b = 0usize;
    for line in text.split('\n') {
        lines.push((b, b + line.len(), c));
        c += line.chars().count() + 1;
        b += line.len() + 1;
    }
    let mut i = 0;
    while i < lines.len() {
        let mut rows: Vec<(Row, bool)> = Vec::new();
        let mut j = i;
        while j < lines.len() {
            let (b0, b1, c0) = lines[j];
            match row_of(&text[b0..b1], c0) {
                Some((r, tabbed)) => rows.extend(stacked(r).into_iter().map(|r| (r, tabbed))),
                None => break,
            }
            j += 1;
        }
        if rows.is_empty() {
            i += 1;
            continue;
        }
        if let Some(t) = accept(rows) {
            let mut t = t;
            title_of(text, &lines[i.saturating_sub(TITLE_LINES)..i], words, &mut t);
            out.push(t);
        }
        i = j.max(i + 1);
    }
    out
}

/// A line as a table row, and whether its cells stand between tabs; `None` when it is no row.
fn row_of(line: &str, c0: usize) -> Option<(Row, bool)> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    // Most lines are prose: no tab, no wide space, no bar.
    if !line.contains('\t') && !line.contains("  ") && !line.contains('\u{3000}') && !line.trim_start().starts_with('|')
    {
        return None;
    }
    let body = line.trim_matches(|ch: char| ch != '\t' && crate::text::is_space(ch));
    // A paragraph indented with ideographic spaces has none left inside once trimmed.
    if body.is_empty()
        || (!body.contains('\t') && !body.contains("  ") && !body.contains('\u{3000}') && !body.starts_with('|'))
        || is_title(body)
    {
        return None;
    }
    let lead_b = line.len() - line.trim_start_matches(|ch: char| ch != '\t' && crate::text::is_space(ch)).len();
    let base = c0 + line[..lead_b].chars().count();
    let piped = body.starts_with('|') && body.len() > 1;
    let tabbed = piped || body.contains('\t');
    let mut cells = Vec::new();
    // Pieces: (byte start, byte end) in `body`.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    if piped {
        // A Markdown row `| a | b |`: the cells between the bars.
        let inner = body.strip_suffix('|').unwrap_or(body);
        let mut s = 1;
        for (k, ch) in inner.char_indices().skip(1) {
            if ch == '|' {
                pieces.push((s, k));
                s = k + 1;
            }
        }
        pieces.push((s, inner.len()));
    } else if tabbed {
        let mut s = 0;
        for (k, ch) in body.char_indices() {
            if ch == '\t' {
                pieces.push((s, k));
                s = k + 1;
            }
        }
        pieces.push((s, body.len()));
    } else {
        // Wide spaces: two or more blanks, or one ideographic space.
        let mut s = 0;
        let mut run: Option<(usize, usize, bool)> = None; // (start, count, ideographic)
        for (k, ch) in body.char_indices() {
            if crate::text::is_space(ch) {
                let r = run.get_or_insert((k, 0, false));
                r.1 += 1;
                r.2 |= ch == '\u{3000}';
            } else {
                if let Some((rs, n, ideo)) = run.take()
                    && (n >= 2 || ideo)
                {
                    pieces.push((s, rs));
                    s = k;
                }
            }
        }
        pieces.push((s, body.len()));
        if pieces.len() < 2 {
            return None;
        }
    }
    // Code points before each byte of `body`, walked once.
    let mut cp = base;
    let mut at = 0usize;
    for (s, e) in pieces {
        cp += body[at..s].chars().count();
        at = s;
        let piece = &body[s..e];
        let t = piece.trim_matches(crate::text::is_space);
        let lead = piece.len() - piece.trim_start_matches(crate::text::is_space).len();
        let start = cp + piece[..lead].chars().count();
        let n = t.chars().count();
        if n > MAX_CELL {
            return None;
        }
        cells.push(Cell { start, end: start + n, text: t.to_string() });
    }
    if cells.len() < 2 || cells[1..].iter().all(|c| c.text.is_empty()) {
        return None;
    }
    if piped && cells.iter().all(|c| !c.text.is_empty() && c.text.chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
        // The rule under a Markdown header: a row of no cells.
        cells.iter_mut().for_each(|c| {
            c.text.clear();
            c.end = c.start;
        });
    }
    let end = base + body.chars().count();
    Some((Row { start: base, end, cells }, tabbed))
}

/// A row whose cells each hold several lines (a Word cell of several paragraphs, written with wide spaces
/// between them): as many rows, when every cell holds as many as its label; as it is when no cell holds two;
/// none when they disagree (the lines cannot be matched up).
fn stacked(row: Row) -> Vec<Row> {
    let parts: Vec<Vec<(usize, usize)>> = row.cells.iter().map(|c| wide_parts(&c.text)).collect();
    if parts.iter().all(|p| p.len() <= 1) {
        return vec![row];
    }
    let k = parts[0].len();
    if k < 2 || parts.iter().zip(&row.cells).any(|(p, c)| !c.text.is_empty() && p.len() != k) {
        return Vec::new();
    }
    (0..k)
        .map(|i| Row {
            start: row.start,
            end: row.end,
            cells: row
                .cells
                .iter()
                .zip(&parts)
                .map(|(c, p)| match p.get(i) {
                    Some(&(a, b)) => {
                        let start = c.start + c.text[..a].chars().count();
                        let text = c.text[a..b].to_string();
                        Cell { start, end: start + text.chars().count(), text }
                    }
                    None => Cell { start: c.end, end: c.end, text: String::new() },
                })
                .collect(),
        })
        .collect()
}

/// The byte spans of the pieces of `s` between wide spaces (two blanks or more, or an ideographic space).
fn wide_parts(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut blanks = 0usize;
    let mut ideo = false;
    for (k, ch) in s.char_indices() {
        if crate::text::is_space(ch) {
            blanks += 1;
            ideo |= ch == '\u{3000}';
            continue;
        }
        if let Some(st) = start
            && (blanks >= 2 || ideo)
        {
            out.push((st, last_end));
            start = None;
        }
        start.get_or_insert(k);
        blanks = 0;
        ideo = false;
        last_end = k + ch.len_utf8();
    }
    if let Some(st) = start {
        out.push((st, last_end));
    }
    out
}

/// `表2  2022年…`, `附表1`: a table's title line.
fn is_title(s: &str) -> bool {
    title_number(s).is_some()
}

/// The number of a title line (`表2`) and the byte where its text starts.
fn title_number(s: &str) -> Option<(String, usize)> {
    let rest = s.strip_prefix('附').unwrap_or(s);
    let rest = rest.strip_prefix('表')?;
    let digits: usize =
        rest.chars().take_while(|c| c.is_ascii_digit() || c.is_numeric() || is_cn_digit(*c)).map(char::len_utf8).sum();
    if digits == 0 {
        return None;
    }
    // `表22023年农林牧渔业总产值…` (a PDF's text layer lost the space): the year the title opens with is no part of
    // the table's number.
    let run = &rest[..digits];
    let digits = if run.len() >= 5
        && run.bytes().all(|b| b.is_ascii_digit())
        && rest[digits..].starts_with('年')
        && run[run.len() - 4..].parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
    {
        digits - 4
    } else {
        digits
    };
    let head = s.len() - rest.len() + digits;
    let after =
        s[head..].trim_start_matches(|c: char| crate::text::is_space(c) || matches!(c, '：' | ':' | '、' | '.'));
    // `表2显示` in prose is no title: a title has no sentence end.
    if after.contains(['。', '；']) {
        return None;
    }
    Some((s[..head].to_string(), s.len() - after.len()))
}

fn is_cn_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// Rows taken as a table when they hold numbers: two rows or more, one with a number past its label at
/// least; wide-space rows only when two rows hold numbers and agree on their number of cells.
fn accept(rows: Vec<(Row, bool)>) -> Option<Table> {
    if rows.len() < 2 {
        return None;
    }
    let numeric: Vec<&Row> =
        rows.iter().map(|(r, _)| r).filter(|r| r.cells[1..].iter().any(|c| number(&c.text).is_some())).collect();
    if numeric.is_empty() {
        return None;
    }
    if rows.iter().any(|(_, tabbed)| !tabbed) {
        let n = numeric[0].cells.len();
        if numeric.len() < 2 || numeric.iter().any(|r| r.cells.len() != n) {
            return None;
        }
    }
    let rows: Vec<Row> = rows.into_iter().map(|(r, _)| r).collect();
    Some(Table {
        start: rows[0].start,
        end: rows[rows.len() - 1].end,
        number: None,
        title: None,
        title_span: None,
        unit: None,
        rows,
    })
}

/// The title and unit lines among the lines before a table (nearest first).
fn title_of(text: &str, before: &[(usize, usize, usize)], words: &TableWords, t: &mut Table) {
    let mut span: Option<(usize, usize)> = None;
    for &(b0, b1, c0) in before.iter().rev() {
        let raw = &text[b0..b1];
        let line = raw.trim_matches(crate::text::is_space);
        if line.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(crate::text::is_space).len();
        let here = (c0 + raw[..lead].chars().count(), c0 + raw[..lead].chars().count() + line.chars().count());
        if let Some(u) = lead_word(line, &words.unit_lead) {
            t.unit.get_or_insert_with(|| u.trim().to_string());
            span = Some((here.0, span.map_or(here.1, |s| s.1)));
            continue;
        }
        if let Some((number, at)) = title_number(line) {
            t.number = Some(number);
            t.title = Some(line[at..].trim().to_string());
            span = Some((here.0, span.map_or(here.1, |s| s.1)));
        }
        break;
    }
    t.title_span = span.filter(|_| t.number.is_some() || t.unit.is_some());
}

/// What follows a word of `list` that opens `s`.
fn lead_word<'s>(s: &'s str, list: &Words) -> Option<&'s str> {
    list.iter().filter_map(|w| s.strip_prefix(w)).next()
}

/// A cell's number: its value, the decimals stated, and the byte span of the number in the cell. A blank,
/// `—` or `…` cell has none.
pub fn number(cell: &str) -> Option<(Decimal, u32, usize, usize)> {
    let s = cell.trim_end_matches(['%', '％']).trim_end();
    let (neg, digits_at) = match s.chars().next()? {
        '-' | '−' | '－' => (true, s.chars().next()?.len_utf8()),
        '+' | '＋' => (false, s.chars().next()?.len_utf8()),
        _ => (false, 0),
    };
    let body = &s[digits_at..];
    if body.is_empty()
        || !body.starts_with(|c: char| c.is_ascii_digit())
        || !body.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let mut plain = String::with_capacity(body.len());
    let mut dot = false;
    for ch in body.chars() {
        match ch {
            '0'..='9' => plain.push(ch),
            '.' if !dot => {
                dot = true;
                plain.push('.');
            }
            ',' => {}
            _ => return None,
        }
    }
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    let mut v: Decimal = plain.parse().ok()?;
    if neg {
        v = -v;
    }
    Some((v, decimals, 0, s.len()))
}

/// What a column's header says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnHead {
    /// The header cells down the column, joined by a space.
    pub header: String,
    /// The unit its parentheses state (`亿元`, `%`).
    pub unit: Option<String>,
    /// A column of changes.
    pub growth: bool,
    /// A column of shares.
    pub share: bool,
    /// The word naming its shares (`比重`, `构成`), for a column of shares.
    pub share_word: Option<String>,
    /// The year it states.
    pub year: Option<i32>,
    /// A column of the year before the table's.
    pub previous: bool,
    /// The measure it names (`出口额`), when it names one.
    pub measure: Option<String>,
    /// The column holds each row's unit.
    pub units: bool,
}

/// What a table's title says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TitleHead {
    /// The year it states.
    pub year: Option<i32>,
    /// The unit it states (`（单位：%）`).
    pub unit: Option<String>,
    /// It names changes (`涨跌幅度`).
    pub growth: bool,
    /// The measure each row's subject takes (`产量`).
    pub measure: Option<String>,
}

/// One numeric cell read with its table's headers: everything a figure needs but the scaling of its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct CellFigure {
    /// The cell.
    pub cell: Cell,
    /// The number's span in the cell's text, in bytes.
    pub num: (usize, usize),
    /// Value as stated (unscaled).
    pub value: Decimal,
    /// Decimals as stated.
    pub decimals: u32,
    /// The unit as stated (`亿元`, `万吨`, `%`), empty when none is.
    pub unit: String,
    /// Kind from the header.
    pub kind: Kind,
    /// Row label (+ the measure the header or title names).
    pub subject: String,
    /// The year the column or the title states.
    pub ref_year: Option<i32>,
    /// What the column compares with (`比上年增长`), for a change.
    pub basis: Option<String>,
    /// The table: its number (`表2`), else `#N`, its place among the document's tables.
    pub table: String,
    /// The row: its label, under its parent's for a sub-row (`出口额 > 一般贸易`).
    pub row: String,
    /// The column: its header cells (`比上年增长（%）`).
    pub column: String,
    /// Code points of the row's line.
    pub row_span: (usize, usize),
}

/// The header rows of a table: the rows before the first holding a number past its label.
pub fn header_rows(t: &Table) -> usize {
    let first = t.rows.iter().position(|r| r.cells[1..].iter().any(|c| number(&c.text).is_some())).unwrap_or(0);
    first.min(MAX_HEADER_ROWS)
}

/// Each column's header, read from the header rows (a blank cell under none takes the text of the cell on its
/// left, which spans it, when a cell below it has text).
pub fn columns(t: &Table, words: &TableWords) -> Vec<ColumnHead> {
    let h = header_rows(t);
    let n = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let text = |r: usize, c: usize| t.rows[r].cells.get(c).map_or("", |x| x.text.as_str());
    // A row of no cells (a Markdown rule) is no header row.
    let h = (0..h).rev().find(|&r| t.rows[r].cells.iter().any(|c| !c.text.is_empty())).map_or(0, |r| r + 1);
    (0..n)
        .map(|c| {
            let mut parts: Vec<&str> = Vec::new();
            for r in 0..h {
                let mut s = text(r, c);
                if s.is_empty() && c > 0 && (r + 1..h).any(|k| !text(k, c).is_empty()) {
                    s = (0..c).rev().map(|k| text(r, k)).find(|x| !x.is_empty()).unwrap_or("");
                    if c > 0 && (0..c).rev().find(|&k| !text(r, k).is_empty()) == Some(0) {
                        // The label column's header spans no value columns.
                        s = "";
                    }
                }
                if !s.is_empty() && parts.last() != Some(&s) {
                    parts.push(s);
                }
            }
            column_head(&parts.join(" "), words)
        })
        .collect()
}

fn column_head(header: &str, words: &TableWords) -> ColumnHead {
    let mut head = ColumnHead { header: header.to_string(), ..Default::default() };
    let (core, unit) = strip_unit(header, words);
    head.unit = unit;
    let (core, year) = strip_year(&core);
    head.year = year;
    let has = |list: &Words| list.iter().any(|w| core.contains(w));
    head.growth = has(&words.growth);
    head.share = !head.growth && has(&words.share);
    if head.share {
        head.share_word = words.share.longest_first().into_iter().find(|w| core.contains(*w)).map(String::from);
    }
    head.previous = !head.growth && has(&words.previous);
    head.units = words.unit_column.has(core.trim());
    let mut rest = core.clone();
    for list in [&words.growth, &words.share, &words.previous, &words.level, &words.label, &words.unit_column] {
        for w in list.longest_first() {
            rest = rest.replace(w, "");
        }
    }
    let rest: String = drop_base_years(&rest).chars().filter(|c| !crate::text::is_space(*c)).collect();
    if rest.chars().count() >= 2 && !words.label.has(core.trim()) {
        head.measure = Some(rest);
    }
    head
}

/// A header or title without its unit in parentheses (`金额（亿元）`, `（单位：%）`), and the unit.
fn strip_unit(s: &str, words: &TableWords) -> (String, Option<String>) {
    let mut out = s.to_string();
    let mut unit = None;
    if let Some(open) = out.rfind(['（', '('])
        && let Some(close) = out[open..].find(['）', ')'])
    {
        let after = &out[open..];
        let inner = &after[after.chars().next().map_or(1, char::len_utf8)..close];
        let inner = lead_word(inner, &words.unit_lead).unwrap_or(inner).trim();
        if !inner.is_empty() && inner.chars().count() <= MAX_UNIT && !inner.chars().any(|c| c.is_ascii_digit()) {
            unit = Some(inner.to_string());
            let close_len = after[close..].chars().next().map_or(1, char::len_utf8);
            out = format!("{}{}", &out[..open], &out[open + close + close_len..]);
        }
    }
    (out.trim().to_string(), unit)
}

/// A text without the bases of comparisons it names (`比1985年`).
fn drop_base_years(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find(words_before_base_year) {
        out.push_str(&rest[..k]);
        let after = &rest[k + '比'.len_utf8()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match after[digits..].strip_prefix('年') {
            Some(r) if digits == 4 => rest = r,
            _ => {
                out.push('比');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `比` before a year makes it the base of a comparison.
fn words_before_base_year(c: char) -> bool {
    c == '比'
}

/// A text without its first year (`2022年`) that is not the base of a comparison, and the year.
fn strip_year(s: &str) -> (String, Option<i32>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        // `比1985年增长`: a year compared with is no year of the column.
        // (An ASCII digit starts a character: `s[..i]` is then a whole prefix.)
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && !s[..i].ends_with(words_before_base_year)
        {
            let rest = &s[i + 4..];
            if rest.starts_with('年') {
                let y: i32 = s[i..i + 4].parse().unwrap_or(0);
                if (1900..=2100).contains(&y) {
                    return (format!("{}{}", &s[..i], &rest['年'.len_utf8()..]), Some(y));
                }
            }
        }
        i += 1;
    }
    (s.to_string(), None)
}

/// What a table's title says.
pub fn title_head(t: &Table, words: &TableWords) -> TitleHead {
    let Some(title) = &t.title else { return TitleHead { unit: t.unit.clone(), ..Default::default() } };
    let (core, unit) = strip_unit(title, words);
    let (core, year) = strip_year(&core);
    let mut core = core.trim().to_string();
    loop {
        let Some(w) = words.title_drop.iter().find(|w| core.ends_with(*w)) else { break };
        core.truncate(core.len() - w.len());
    }
    let measure = words.measure.longest_first().into_iter().find(|w| core.ends_with(*w)).map(String::from);
    TitleHead {
        year,
        unit: unit.or_else(|| t.unit.clone()),
        growth: words.growth.iter().any(|w| core.contains(w)),
        measure,
    }
}

/// A row label without its sub-row mark, ordinal and note mark, and whether it had a sub-row mark and an
/// ordinal.
fn clean_label(s: &str, words: &TableWords) -> (String, bool, bool) {
    // A half-width mark reads as its full-width form (`#` → `＃`).
    let folded: String = s
        .chars()
        .map(|c| if ('!'..='~').contains(&c) && !c.is_ascii_alphanumeric() { fullwidth(c) } else { c })
        .collect();
    let mut t = folded.trim_matches(crate::text::is_space);
    let mut sub = false;
    if let Some(w) = words.sub_row.longest_first().into_iter().find(|w| t.starts_with(*w)) {
        sub = true;
        t = t[w.len()..].trim_start_matches(|c: char| crate::text::is_space(c) || matches!(c, '：' | '，'));
    }
    let (t, ordinal) = strip_ordinal(t);
    // A note mark after the label: `一、居住［3］`.
    let mut t = t.trim().to_string();
    if t.ends_with('］')
        && let Some(k) = t.rfind('［')
        && t[k..].chars().filter(|c| c.is_ascii_digit() || c.is_numeric()).count() + 2 == t[k..].chars().count()
    {
        t.truncate(k);
    }
    let label: String = t.chars().filter(|c| !crate::text::is_space(*c)).collect();
    (unfold(&label), sub, ordinal)
}

fn fullwidth(c: char) -> char {
    char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c)
}

/// Full-width brackets and punctuation back to what the text had, but the marks labels keep full-width.
fn unfold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' if !matches!(c, '（' | '）' | '：' | '，' | '、' | '＃' | '；') => {
                char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// A label without its ordinal (`一、`, `（一）`, `1.`), and whether it had one.
fn strip_ordinal(s: &str) -> (&str, bool) {
    let numeral = |c: char| c.is_ascii_digit() || is_cn_digit(c) || ('０'..='９').contains(&c);
    let n: usize = s.chars().take_while(|&c| numeral(c)).map(char::len_utf8).sum();
    if n > 0 {
        let rest = &s[n..];
        if let Some(r) = ['、', '．', '.', '，'].iter().find_map(|p| rest.strip_prefix(*p))
            && !r.starts_with(|c: char| c.is_ascii_digit())
        {
            return (r, true);
        }
        return (s, false);
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(r) = s.strip_prefix(open) {
            let n: usize = r.chars().take_while(|&c| numeral(c)).map(char::len_utf8).sum();
            if n > 0
                && let Some(r) = r[n..].strip_prefix(close)
            {
                return (r, true);
            }
        }
    }
    (s, false)
}

/// Every numeric cell of a table as a figure of its row and column. `index` is the table's place among the
/// document's (1-based); `doc_year` the report's year, for a column of the year before.
pub fn cell_figures(t: &Table, index: usize, words: &TableWords, doc_year: Option<i32>) -> Vec<CellFigure> {
    let h = header_rows(t);
    let cols = columns(t, words);
    let title = title_head(t, words);
    let unit_col = cols.iter().position(|c| c.units);
    let table = t.number.clone().unwrap_or_else(|| format!("#{index}"));
    let mut out = Vec::new();
    let mut parent: Option<(String, bool)> = None; // (label, it has an ordinal)
    let mut in_sub = false;
    let mut last_label = String::new();
    // `旅客运输总量 | 公路 | 铁路`, `出口额 | ＃一般贸易`: the measure a total row names (its label ends in 量 or
    // 额), which the bare rows after it are parts of (铁路旅客运输量, 一般贸易出口额). Opened by the first row
    // of the table, or by a total row with sub-rows, and replaced by the next total row.
    let mut block: Option<String> = None;
    // Whether the total row's label ended in 总量 (新登记市场主体总量): its parts' shares are shares of it alone.
    let mut block_total = false;
    let names_measure = |l: &str| l.chars().count() >= 3 && l.ends_with(['量', '额']);
    for (r, row) in t.rows[h..].iter().enumerate() {
        let raw = row.cells[0].text.as_str();
        let (label, sub, ordinal) = if raw.is_empty() || number(raw).is_some() {
            (last_label.clone(), in_sub, false)
        } else {
            clean_label(raw, words)
        };
        // `规模以上工业企业（家）`: a unit in the label is the row's.
        let (label, label_unit) = match strip_unit(&label, words) {
            (l, Some(u)) if !l.is_empty() && u.chars().count() <= MAX_LABEL_UNIT && !u.contains(['、', '，']) => {
                (l, Some(u))
            }
            _ => (label, None),
        };
        // A sub-row sits under the last row that is none; an unmarked row after one is a sub-row too when the
        // rows above it have ordinals (`一、亚洲`, `# 日本`, `韩国`, `二、非洲`).
        let child = sub || (in_sub && !ordinal && parent.as_ref().is_some_and(|p| p.1));
        let path = match (&parent, child) {
            (Some((p, _)), true) => format!("{p} > {label}"),
            _ => label.clone(),
        };
        if !child {
            parent = Some((label.clone(), ordinal));
        }
        in_sub = child;
        last_label = label.clone();
        let own_measure = names_measure(&label);
        // `本年到位资金 | 国内贷款`: a row naming a measure of its own ends the total's parts.
        if !child && words.row_measure.ends(&label) {
            block = None;
        }
        let part_of = if own_measure && !child {
            let next_is_sub = || t.rows.get(h + r + 1).is_some_and(|n| clean_label(&n.cells[0].text, words).1);
            if r == 0 || block.is_some() || next_is_sub() {
                let whole = label.strip_suffix("总量").map(|l| format!("{l}量"));
                block_total = whole.is_some();
                let whole = whole.or_else(|| label.strip_suffix("总额").map(|l| format!("{l}额")));
                block = Some(whole.unwrap_or_else(|| label.clone()));
            }
            None
        } else if own_measure {
            None
        } else {
            block.clone()
        };
        for (c, cell) in row.cells.iter().enumerate().skip(1) {
            if Some(c) == unit_col {
                continue;
            }
            let Some((value, decimals, n0, n1)) = number(&cell.text) else { continue };
            let head = cols.get(c).cloned().unwrap_or_default();
            let row_unit = unit_col.and_then(|u| row.cells.get(u)).map(|x| x.text.as_str()).filter(|u| !u.is_empty());
            let pct = cell.text.ends_with(['%', '％']);
            let unit = if pct {
                "%".to_string()
            } else if let Some(u) = &head.unit {
                u.clone()
            } else if head.growth || head.share {
                "%".to_string()
            } else if let Some(u) = row_unit.or(label_unit.as_deref()) {
                u.to_string()
            } else {
                title.unit.clone().unwrap_or_default()
            };
            let kind = if head.growth {
                if unit == "%" { Kind::ChangePct } else { Kind::ChangeAbs }
            } else if head.share {
                Kind::Percent
            } else if unit == "%" {
                if title.growth { Kind::ChangePct } else { Kind::Percent }
            } else {
                Kind::Quantity
            };
            // The measure: the column's, or for a column naming none (a change) the nearest on its left, or
            // the title's.
            let measure = head
                .measure
                .clone()
                .or_else(|| {
                    if head.growth || head.share {
                        cols[1..c].iter().rev().find_map(|k| k.measure.clone())
                    } else {
                        None
                    }
                })
                .or_else(|| title.measure.clone());
            // `城镇人口 | 年末数 | 比重（%）`, `机械 | 工业总产值比重(%)`: a share is named by the row, the column's own
            // measure and the word of the share (城镇人口比重, 机械工业总产值比重).
            // A part of a total row is a share of the total's measure (其中：机电产品 under 出口额 → 机电产品出口额占比).
            let share_name = head.share_word.as_ref().filter(|_| head.share).map(|w| {
                let own = head.measure.as_deref().unwrap_or("");
                let name = match &part_of {
                    Some(b) if own.is_empty() && !block_total => part_name(&label, b, None, words),
                    _ if label.ends_with(own) => label.clone(),
                    _ => format!("{label}{own}"),
                };
                if name.ends_with(w.as_str()) { name } else { format!("{name}{w}") }
            });
            let subject = share_name.unwrap_or_else(|| match (&part_of, measure) {
                (Some(b), m) => part_name(&label, b, m.as_deref(), words),
                (None, Some(m)) if !label.ends_with(&m) && !words.row_measure.ends(&label) => format!("{label}{m}"),
                _ => label.clone(),
            });
            let ref_year =
                head.year.or_else(|| if head.previous { title.year.or(doc_year).map(|y| y - 1) } else { title.year });
            let basis = head
                .growth
                .then(|| strip_year(&strip_unit(&head.header, words).0).0.trim().to_string())
                .filter(|b| !b.is_empty());
            out.push(CellFigure {
                cell: cell.clone(),
                num: (n0, n1),
                value,
                decimals,
                unit,
                kind,
                subject,
                ref_year,
                basis,
                table: table.clone(),
                row: path.clone(),
                column: head.header.clone(),
                row_span: (row.start, row.end),
            });
        }
    }
    out
}

/// The name of the row `label` under the total row whose measure is `block`: `铁路` of 旅客运输量 → 铁路旅客运输量;
/// of a total that ends in the title's measure `title` (猪牛羊禽肉产量 of 主要畜产品产量) or in a measure the
/// title words know (`measure`: 零售额), the label with that measure (羊肉产量); a label naming the thing the total
/// measures (`短期贷款` of 各项贷款余额) takes what follows that thing (短期贷款余额); one ending in a measure of its own
/// (`row_measure`: 房屋竣工面积) takes none.
fn part_name(label: &str, block: &str, title: Option<&str>, words: &TableWords) -> String {
    if label.ends_with(block) || words.row_measure.ends(label) {
        return label.to_string();
    }
    let tail: Vec<char> = label.chars().rev().take(2).collect();
    if tail.len() == 2 {
        let thing: String = tail.iter().rev().collect();
        if let Some(i) = block.rfind(&thing) {
            return format!("{label}{}", &block[i + thing.len()..]);
        }
    }
    // A total named at length (限额以上企业主要商品零售额) ends in a measure the title words know.
    let known = words.measure.longest_first().into_iter().find(|w| block.ends_with(*w) && block.len() > w.len());
    match title.filter(|m| block.ends_with(*m)).or(known) {
        Some(m) => format!("{label}{m}"),
        None => format!("{label}{block}"),
    }
}

/// A table as a person reads it: one row per line, its cells between ` | `, each column as wide as its widest
/// cell (a CJK character counts two).
pub fn render(t: &Table) -> String {
    let n = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let w = |s: &str| s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum::<usize>();
    let mut widths = vec![0usize; n];
    for r in &t.rows {
        for (k, c) in r.cells.iter().enumerate() {
            widths[k] = widths[k].max(w(&c.text));
        }
    }
    let mut out = String::new();
    for r in &t.rows {
        let mut line = String::new();
        for (k, width) in widths.iter().enumerate() {
            let s = r.cells.get(k).map_or("", |c| c.text.as_str());
            if k > 0 {
                line.push_str(" | ");
            }
            line.push_str(s);
            if k + 1 < n {
                line.extend(std::iter::repeat_n(' ', width - w(s)));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
