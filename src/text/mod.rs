//! Text structure: headings and section paths, paragraphs, sentences, clauses.
//!
//! [`split`] makes one pass to find paragraphs (lines) and one pass over each paragraph's
//! characters to find headings, sentences and clauses. Every lookahead is bounded or consumed,
//! so the cost is linear in the text, also for a report written on one 100 MB line.
//!
//! Offsets are Unicode code points of the text (`start`, `end`), with the matching UTF-8 byte
//! offsets (`byte_start`, `byte_end`) for slicing.

/// A heading and the section path it opens.
///
/// `start..end` is the extent of the section: from the first character of its heading to the
/// start of the next heading of the same or a higher level (or the end of the text).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Code point where the heading starts.
    pub start: usize,
    /// Code point where the section ends.
    pub end: usize,
    /// 1 for `一、` `第一章` `第一部分`; 2 for `（一）`; 3 for `1.` `1、` `（1）`;
    /// title-like short paragraphs get one level below the heading they follow.
    pub level: u8,
    /// Heading text with its marker, cut at the first `。`/`：` or after 40 characters.
    pub title: String,
    /// Titles of the enclosing headings and this one, joined with ` > `.
    pub path: String,
}

/// A sentence: code-point span `[start, end)` plus byte span, its section index, and its clauses.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Code point where the sentence starts.
    pub start: usize,
    /// Code point one past its end.
    pub end: usize,
    /// Byte offset of its start.
    pub byte_start: usize,
    /// Byte offset one past its end.
    pub byte_end: usize,
    /// Index into [`Structure::sections`] of the innermost section holding the sentence.
    pub section: Option<usize>,
    /// Index into [`Structure::paragraphs`].
    pub paragraph: usize,
    /// Its clauses, cut only in sentences holding a figure.
    pub clauses: Vec<Clause>,
}

/// Part of a sentence between clause delimiters (`，` `,` `、` `：` `:` `；` `;`); the delimiters
/// themselves are not included, nor surrounding whitespace.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// Code point where the clause starts.
    pub start: usize,
    /// Code point one past its end.
    pub end: usize,
    /// Byte offset of its start.
    pub byte_start: usize,
    /// Byte offset one past its end.
    pub byte_end: usize,
}

/// Sections, sentences and paragraphs of a text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Structure {
    /// Headings with their extent and path, in text order.
    pub sections: Vec<Section>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Code-point spans of the non-blank lines, surrounding whitespace trimmed.
    pub paragraphs: Vec<(usize, usize)>,
}

/// Longest title kept in [`Section::title`], in characters.
const TITLE_MAX: usize = 40;
/// A paragraph longer than this (in characters) is taken as a whole report on one line.
const DENSE_MIN: usize = 5000;
/// Longest paragraph that may be taken as a title-like heading, in characters.
const TITLE_LIKE_MAX: usize = 30;

/// Walks `s` from the position `from` (characters, bytes) to character `n`: its (characters, byte offset), or
/// (the character count, `s.len()`) when `s` is shorter. Walks back when `from` is past `n` (closer than the
/// beginning when `n` lies in its second half), so that a cursor over a long text costs the distance moved.
pub(crate) fn byte_of_char(s: &str, from: (usize, usize), n: usize) -> (usize, usize) {
    let bytes = s.as_bytes();
    let (mut c, mut b) = if from.0 <= n {
        from
    } else if n >= from.0 / 2 && from.1 <= bytes.len() {
        let (mut c, mut b) = from;
        while c > n && b > 0 {
            b -= 1;
            while b > 0 && (bytes[b] & 0xC0) == 0x80 {
                b -= 1;
            }
            c -= 1;
        }
        return (c, b);
    } else {
        (0, 0)
    };
    while c < n && b < bytes.len() {
        let lead = bytes[b];
        b += if lead < 0x80 {
            1
        } else if lead < 0xE0 {
            2
        } else if lead < 0xF0 {
            3
        } else {
            4
        };
        c += 1;
    }
    (c, b)
}

/// Whitespace, including the ideographic space, NBSP and zero-width characters met in reports.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Ends a sentence: `。！？；!?;` (and the ideographic full stop variants).
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '｡')
}

/// Closing quotes and brackets kept with the sentence when they follow its terminal.
#[inline]
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '"' | '\'' | '］' | ']')
}

/// Splits clauses (besides the sentence terminals).
#[inline]
fn is_clause_delim(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '：' | ':' | '；' | ';' | '､')
}

/// A lead byte of U+4000..U+9FFF (CJK ideographs): a three-byte character that is no space, punctuation,
/// delimiter or digit.
#[inline]
fn is_ideograph_lead(b: u8) -> bool {
    (0xE4..=0xE9).contains(&b)
}

#[inline]
fn cn_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零' | '百')
}

#[inline]
fn digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[inline]
fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Where a candidate heading may start.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Block {
    /// Start of a paragraph, or after a visible break (whitespace run) inside one.
    Open,
    /// Right after a sentence terminal (or `：` in a text without line breaks), no whitespace.
    Tight,
}

/// A heading marker at the start of `s`: (level, bytes, chars) of the marker.
fn marker(s: &str, block: Block) -> Option<(u8, usize, usize)> {
    let mut it = s.char_indices();
    let (_, c0) = it.next()?;
    if cn_numeral(c0) {
        // 一、 … 十二、
        let mut n = 1;
        for (i, c) in it.by_ref() {
            if cn_numeral(c) && n < 4 {
                n += 1;
                continue;
            }
            if c == '、' {
                // `一、二季度`, `二、三产业`: an enumeration of numerals, not a heading.
                let mut rest = s[i + c.len_utf8()..].chars();
                if let (Some(a), Some(b)) = (rest.next(), rest.next())
                    && cn_numeral(a)
                    && matches!(b, '、' | '季' | '产' | '级' | '等' | '类' | '次' | '线' | '是')
                {
                    return None;
                }
                return Some((1, i + c.len_utf8(), n + 1));
            }
            return None;
        }
        return None;
    }
    if c0 == '第' {
        let mut n = 1;
        for (i, c) in it.by_ref() {
            if (cn_numeral(c) || digit(c)) && n < 5 {
                n += 1;
                continue;
            }
            if n == 1 {
                return None;
            }
            if c == '章' || c == '编' {
                return Some((1, i + c.len_utf8(), n + 1));
            }
            if c == '部' && s[i..].starts_with("部分") {
                return Some((1, i + "部分".len(), n + 2));
            }
            return None;
        }
        return None;
    }
    if c0 == '(' || c0 == '（' {
        let (i1, c1) = it.next()?;
        let _ = i1;
        let cn = cn_numeral(c1);
        if !cn && !digit(c1) {
            return None;
        }
        let mut n = 2;
        for (i, c) in it.by_ref() {
            if ((cn && cn_numeral(c)) || (!cn && digit(c))) && n < 4 {
                n += 1;
                continue;
            }
            if c == ')' || c == '）' {
                if !cn && block == Block::Tight {
                    return None;
                }
                return Some((if cn { 2 } else { 3 }, i + c.len_utf8(), n + 1));
            }
            return None;
        }
        return None;
    }
    if digit(c0) && block == Block::Open {
        let mut n = 1;
        for (i, c) in it.by_ref() {
            if digit(c) && n < 2 {
                n += 1;
                continue;
            }
            if matches!(c, '.' | '．' | '、') {
                let next = s[i + c.len_utf8()..].chars().next();
                if next.is_some_and(|d| digit(d) || d == '%' || d == '％') {
                    return None;
                }
                return Some((3, i + c.len_utf8(), n + 1));
            }
            return None;
        }
    }
    None
}

/// Title of a heading: cut at the first `。`/`：` or after [`TITLE_MAX`] characters.
fn make_title(s: &str) -> String {
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n >= TITLE_MAX || matches!(c, '。' | '：' | ':') {
            break;
        }
        out.push(c);
    }
    out.trim_matches(is_space).to_string()
}

/// Splits `text` into paragraphs, headings/sections, sentences and clauses.
pub fn split(text: &str) -> Structure {
    split_where(text, None, &[])
}

/// Like [`split`], but clauses are cut only in sentences holding one of the code-point offsets in
/// `wanted` (sorted): the analyzer needs clauses only around figures, and cutting them is most of the work.
pub fn split_for(text: &str, wanted: &[usize]) -> Structure {
    split_where(text, Some(wanted), &[])
}

/// Like [`split_for`], where the lines starting in `rows` (code-point spans, sorted) are rows of tables:
/// each is a sentence of its own and never a heading (`一、食品烟酒`, a tab, `1.4`, a tab, `2.7`), and opens no section.
pub fn split_with_rows(text: &str, wanted: &[usize], rows: &[(usize, usize)]) -> Structure {
    split_where(text, Some(wanted), rows)
}

/// Characters after which a sentence with no full stop ends at its next clause delimiter.
const LONG_SENTENCE: usize = 500;

fn split_where<'a>(text: &'a str, wanted: Option<&'a [usize]>, rows: &'a [(usize, usize)]) -> Structure {
    let mut sp = Splitter {
        rows,
        row_at: 0,
        wanted,
        text,
        prev_open: true,
        last_heading: false,
        one_line: !text.contains('\n') && !text.contains('\r'),
        dense: false,
        out: Structure::default(),
        stack: Vec::new(),
        total_chars: 0,
    };
    let paras = paragraphs(text);
    sp.total_chars = paras.last().map_or(0, |p| p.end_char_of_text);
    sp.out.paragraphs = paras.iter().map(|p| (p.c0, p.c1)).collect();
    for (i, p) in paras.iter().enumerate() {
        let next = paras.get(i + 1).map(|n| &text[n.b0..n.b1]);
        sp.paragraph(i, p, next);
    }
    let end = sp.total_chars;
    for &ix in &sp.stack {
        sp.out.sections[ix].end = end;
    }
    sp.out
}

struct Para {
    b0: usize,
    b1: usize,
    c0: usize,
    c1: usize,
    /// Character count of the whole text (same for all paragraphs; kept on the last one).
    end_char_of_text: usize,
}

/// Non-blank lines, trimmed. Lines end at `\n` or `\r`.
fn paragraphs(text: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut c = 0usize; // chars before the current line
    let mut b = 0usize;
    // The next `\r` at or after `b` (searched again once passed; most texts have none).
    let mut next_cr = text.find('\r');
    loop {
        if next_cr.is_some_and(|r| r < b) {
            next_cr = text[b..].find('\r').map(|r| b + r);
        }
        let rel = match (text[b..].find('\n').map(|r| b + r), next_cr) {
            (Some(n), Some(r)) => Some(n.min(r) - b),
            (n, r) => n.or(r).map(|x| x - b),
        };
        let e = rel.map_or(text.len(), |r| b + r);
        let line = &text[b..e];
        let mut lead_c = 0usize;
        let mut lead_b = line.len();
        for (i, ch) in line.char_indices() {
            if !is_space(ch) {
                lead_b = i;
                break;
            }
            lead_c += 1;
        }
        let line_chars = line.chars().count();
        if lead_b < line.len() {
            let trimmed = line[lead_b..].trim_end_matches(is_space);
            let n = line_chars - lead_c - line[lead_b + trimmed.len()..].chars().count();
            out.push(Para {
                b0: b + lead_b,
                b1: b + lead_b + trimmed.len(),
                c0: c + lead_c,
                c1: c + lead_c + n,
                end_char_of_text: 0,
            });
        }
        c += line_chars;
        match rel {
            Some(_) => {
                c += 1;
                b = e + 1;
            }
            None => break,
        }
    }
    // The total is kept on the last paragraph, also when the text ends in blank lines.
    if let Some(last) = out.last_mut() {
        last.end_char_of_text = c;
    }
    out
}

struct Splitter<'a> {
    text: &'a str,
    /// The previous paragraph ended a sentence or was a heading: a title may follow.
    prev_open: bool,
    /// The last sentence emitted was a heading.
    last_heading: bool,
    /// The text has no line breaks at all.
    one_line: bool,
    /// The current paragraph is the whole text or very long (a report dumped on one line):
    /// headings may run into text after `：` and terminals, and any whitespace may end them.
    dense: bool,
    out: Structure,
    /// Indices of the open sections, outermost first.
    stack: Vec<usize>,
    total_chars: usize,
    /// Code-point offsets where clauses are wanted (sorted); `None` wants them everywhere.
    wanted: Option<&'a [usize]>,
    /// Spans of table rows (sorted), and the first not yet passed.
    rows: &'a [(usize, usize)],
    row_at: usize,
}

/// A position in the text: byte and code-point offsets.
#[derive(Clone, Copy, Debug)]
struct Pos {
    b: usize,
    c: usize,
}

impl<'a> Splitter<'a> {
    fn paragraph(&mut self, pi: usize, p: &Para, next: Option<&str>) {
        while self.row_at < self.rows.len() && self.rows[self.row_at].1 <= p.c0 {
            self.row_at += 1;
        }
        if self.rows.get(self.row_at).is_some_and(|r| r.0 <= p.c0 && p.c0 < r.1.max(r.0 + 1)) {
            // A table row: one sentence, its cells clauses.
            self.sentence_with(pi, Pos { b: p.b0, c: p.c0 }, Pos { b: p.b1, c: p.c1 }, true);
            self.last_heading = false;
            self.prev_open = true;
            return;
        }
        self.paragraph_inner(pi, p, next);
        let last = self.text[p.b0..p.b1].chars().next_back().unwrap_or('。');
        self.prev_open = self.last_heading || is_terminal(last) || is_closer(last) || matches!(last, '：' | ':');
    }

    fn paragraph_inner(&mut self, pi: usize, p: &Para, next: Option<&str>) {
        let s = &self.text[p.b0..p.b1];
        self.dense = self.one_line || p.c1 - p.c0 > DENSE_MIN;
        if let Some(level) = self.title_like(s, next) {
            let start = Pos { b: p.b0, c: p.c0 };
            let end = Pos { b: p.b1, c: p.c1 };
            self.open_section(level, start, s);
            self.sentence(pi, start, end);
            self.last_heading = true;
            return;
        }
        let mut pos = Pos { b: p.b0, c: p.c0 };
        let end_b = p.b1;
        let mut block = Some(Block::Open);
        // Markdown heading prefix `## `: skip it, and take its depth as level if no marker.
        let mut md_level = 0u8;
        if s.starts_with('#') {
            let hashes = s.bytes().take_while(|&x| x == b'#').count();
            let rest = &s[hashes..];
            if rest.starts_with(|c: char| is_space(c)) || rest.is_empty() {
                md_level = hashes.min(6) as u8;
                pos.b += hashes;
                pos.c += hashes;
            }
        }
        let table = s.starts_with('|');
        loop {
            // Skip whitespace; whitespace after a terminal opens a block.
            let mut skipped = false;
            let mut st = Pos { b: end_b, c: pos.c };
            for (i, ch) in self.text[pos.b..end_b].char_indices() {
                if !is_space(ch) {
                    st.b = pos.b + i;
                    break;
                }
                st.c += 1;
                skipped = true;
            }
            if st.b >= end_b {
                break;
            }
            pos = st;
            if skipped && block.is_some() {
                block = Some(Block::Open);
            }
            let rest = &self.text[pos.b..end_b];
            if let Some(kind) = block {
                let allowed = kind == Block::Open || self.dense;
                let mk = if allowed { marker(rest, kind) } else { None };
                if mk.is_some() || md_level > 0 {
                    let level = mk.map_or(md_level, |m| m.0);
                    md_level = 0;
                    let skip = mk.map_or((0, 0), |m| (m.1, m.2));
                    let hend = self.heading_end(pos, skip, end_b);
                    let title_src = &self.text[pos.b..hend.b];
                    self.open_section(level, pos, title_src);
                    self.sentence_with(pi, pos, hend, table);
                    self.last_heading = true;
                    pos = hend;
                    block = Some(if self.ends_tight(hend) { Block::Tight } else { Block::Open });
                    continue;
                }
            }
            // An ordinary sentence.
            let (send, nextpos, nb) = self.sentence_end(pos, end_b);
            self.sentence_with(pi, pos, send, table);
            self.last_heading = false;
            pos = nextpos;
            block = nb;
        }
    }

    /// Whether the heading ended by a terminal (then what follows is tight) or by a break.
    fn ends_tight(&self, end: Pos) -> bool {
        self.text[..end.b].chars().next_back().is_some_and(|c| is_terminal(c) || is_closer(c))
    }

    /// End of a heading starting at `start` whose marker is `skip` (bytes, chars) long: after
    /// its terminal, or before a whitespace break, or at the end of the paragraph.
    fn heading_end(&self, start: Pos, skip: (usize, usize), end_b: usize) -> Pos {
        let from = Pos { b: start.b + skip.0, c: start.c + skip.1 };
        let s = &self.text[from.b..end_b];
        let mut c = from.c;
        let mut it = s.char_indices().peekable();
        let mut seen_text = false;
        while let Some((i, ch)) = it.next() {
            if is_terminal(ch) {
                let mut e = Pos { b: from.b + i + ch.len_utf8(), c: c + 1 };
                while let Some(&(j, d)) = it.peek() {
                    if is_terminal(d) || is_closer(d) {
                        e = Pos { b: from.b + j + d.len_utf8(), c: e.c + 1 };
                        it.next();
                    } else {
                        break;
                    }
                }
                return e;
            }
            if is_space(ch) {
                // A break ends the heading: any whitespace in a one-line text, a wide run
                // elsewhere.
                if seen_text && (self.dense || is_break(&s[i..])) {
                    return Pos { b: from.b + i, c };
                }
            } else {
                seen_text = true;
            }
            c += 1;
        }
        Pos { b: end_b, c }
    }

    /// End of the ordinary sentence at `start`: (sentence end, where to continue, next block).
    fn sentence_end(&self, start: Pos, end_b: usize) -> (Pos, Pos, Option<Block>) {
        let s = &self.text[start.b..end_b];
        let bytes = s.as_bytes();
        let mut c = start.c;
        let mut i = 0;
        let mut last_text = start; // end of the last non-space char
        // Below this many characters no ordinary character cuts the sentence.
        let very_long = start.c + 4 * LONG_SENTENCE;
        while i < bytes.len() {
            // Fast path: ideographs U+4000..U+9FFF (lead bytes E4..E9, three bytes each) are text that ends
            // nothing, until the sentence is very long.
            if is_ideograph_lead(bytes[i]) && c < very_long {
                while i < bytes.len() && is_ideograph_lead(bytes[i]) && c < very_long {
                    i += 3;
                    c += 1;
                }
                last_text = Pos { b: start.b + i, c };
                continue;
            }
            let ch = s[i..].chars().next().expect("a character at a boundary");
            // A run-on text with no full stop for hundreds of characters (tables flattened into one line,
            // broken dumps) ends its sentence at the next clause delimiter, or anywhere but inside a number
            // once it is very long: every row carries its sentence, and checks look within it.
            let long = c - start.c;
            let cut = (long >= LONG_SENTENCE && matches!(ch, '，' | ',' | '；' | ';' | '、'))
                || (long >= 4 * LONG_SENTENCE && !ch.is_ascii_digit() && !matches!(ch, '.' | '．'));
            if cut && !is_terminal(ch) {
                let e = Pos { b: start.b + i + ch.len_utf8(), c: c + 1 };
                return (e, e, Some(Block::Tight));
            }
            if is_terminal(ch) {
                let mut j = i + ch.len_utf8();
                let mut e = Pos { b: start.b + j, c: c + 1 };
                while let Some(d) = s[j..].chars().next() {
                    if is_terminal(d) || is_closer(d) {
                        j += d.len_utf8();
                        e = Pos { b: start.b + j, c: e.c + 1 };
                    } else {
                        break;
                    }
                }
                return (e, e, Some(Block::Tight));
            }
            if is_space(ch) {
                let rest = &s[i..];
                if is_break(rest) || (self.dense && marker_after_space(rest)) {
                    let at = Pos { b: start.b + i, c };
                    return (last_text, at, Some(Block::Open));
                }
            } else {
                last_text = Pos { b: start.b + i + ch.len_utf8(), c: c + 1 };
                if self.dense && matches!(ch, '：' | ':') {
                    let after = &s[i + ch.len_utf8()..];
                    if marker(after, Block::Tight).is_some_and(|m| m.0 <= 2) {
                        let e = last_text;
                        return (e, e, Some(Block::Tight));
                    }
                }
            }
            c += 1;
            i += ch.len_utf8();
        }
        let e = Pos { b: end_b, c };
        (e, e, None)
    }

    /// A short paragraph standing alone like a title: its level, when it is one.
    fn title_like(&self, s: &str, next: Option<&str>) -> Option<u8> {
        if !self.prev_open || !is_title_like(s) {
            return None;
        }
        let next = next?;
        // The next paragraph must be body text, not another short line.
        let body =
            next.chars().take(TITLE_LIKE_MAX + 1).count() > TITLE_LIKE_MAX || next.contains(['。', '；', '！', '？']);
        if !body {
            return None;
        }
        let deepest = self
            .stack
            .iter()
            .rev()
            .map(|&i| &self.out.sections[i])
            .find(|sec| !sec.title.is_empty() && marker(&sec.title, Block::Open).is_some())
            .map_or(0, |sec| sec.level);
        Some((deepest + 1).min(6))
    }

    fn open_section(&mut self, level: u8, start: Pos, src: &str) {
        while let Some(&top) = self.stack.last() {
            if self.out.sections[top].level >= level {
                self.out.sections[top].end = start.c;
                self.stack.pop();
            } else {
                break;
            }
        }
        let title = make_title(src);
        let mut path = String::new();
        for &i in &self.stack {
            path.push_str(&self.out.sections[i].title);
            path.push_str(" > ");
        }
        path.push_str(&title);
        self.out.sections.push(Section { start: start.c, end: self.total_chars, level, title, path });
        self.stack.push(self.out.sections.len() - 1);
    }

    fn sentence(&mut self, pi: usize, start: Pos, end: Pos) {
        self.sentence_with(pi, start, end, false)
    }

    fn sentence_with(&mut self, pi: usize, start: Pos, end: Pos, table: bool) {
        if end.b <= start.b {
            return;
        }
        let needed = self.wanted.is_none_or(|w| {
            let k = w.partition_point(|&x| x < start.c);
            w.get(k).is_some_and(|&x| x < end.c)
        });
        let clauses = if needed { clauses(self.text, start, end, table) } else { Vec::new() };
        self.out.sentences.push(Sentence {
            start: start.c,
            end: end.c,
            byte_start: start.b,
            byte_end: end.b,
            section: self.stack.last().copied(),
            paragraph: pi,
            clauses,
        });
    }
}

/// `s` starts with whitespace followed by a level 1 or 2 heading marker.
fn marker_after_space(s: &str) -> bool {
    let t = s.trim_start_matches(is_space);
    t.starts_with(|c: char| matches!(c, '第' | '(' | '（') || cn_numeral(c))
        && marker(t, Block::Tight).is_some_and(|m| m.0 <= 2)
}

/// A whitespace run at the start of `s` that reads as a paragraph break inside a line:
/// at least two characters with an ideographic space, or at least four characters.
fn is_break(s: &str) -> bool {
    let mut n = 0;
    let mut wide = false;
    for ch in s.chars() {
        if !is_space(ch) {
            break;
        }
        n += 1;
        wide |= ch == '\u{3000}';
        if n >= 4 || (n >= 2 && wide) {
            return true;
        }
    }
    false
}

/// Short line with no terminal that could be a heading (`农业`, `第六个五年计划的基本任务`).
fn is_title_like(s: &str) -> bool {
    let mut n = 0;
    let mut cjk = 0;
    let mut first = None;
    let mut last = ' ';
    let mut open = 0i32;
    for ch in s.chars() {
        n += 1;
        match ch {
            '（' | '(' => open += 1,
            '）' | ')' => open -= 1,
            _ => {}
        }
        if n > TITLE_LIKE_MAX {
            return false;
        }
        // Titles have no terminal, colon, comma or percentage (a hard-wrapped line often has).
        if is_terminal(ch) || matches!(ch, '：' | ':' | '|' | '#' | '，' | ',' | '%' | '％') {
            return false;
        }
        if is_cjk(ch) {
            cjk += 1;
        }
        if first.is_none() {
            first = Some(ch);
        }
        last = ch;
    }
    if marker(s, Block::Open).is_some() {
        return false;
    }
    // A hard-wrapped line stops anywhere: inside brackets, after a number.
    if cjk < 2 || open != 0 || digit(last) || matches!(last, '，' | ',' | '、' | '—' | '-') {
        return false;
    }
    if matches!(first, Some('—' | '－' | '-' | '（' | '(' | '【' | '[' | '“' | '《')) {
        return false;
    }
    // `一是…` list items and date lines are not titles.
    let mut it = s.chars();
    if let (Some(a), Some(b)) = (it.next(), it.next())
        && cn_numeral(a)
        && b == '是'
    {
        return false;
    }
    if s.ends_with('日') && s.contains('年') && s.contains('月') {
        return false;
    }
    true
}

/// Clauses of the sentence `[start, end)`.
fn clauses(text: &str, start: Pos, end: Pos, table: bool) -> Vec<Clause> {
    let s = &text[start.b..end.b];
    let mut out = Vec::new();
    let mut cur: Option<Pos> = None; // first non-space char of the current clause
    let mut last = start; // end of its last non-space char
    let mut prev = '\0';
    // Where a parenthesis opened (code points): `2133个县（市、区）` is one clause, its 、 inside the aside.
    let mut open_paren: Option<usize> = None;
    let bytes = s.as_bytes();
    let mut c = start.c;
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: a run of ideographs (U+4000..U+9FFF) is clause text; only whether the previous character
        // is a digit or a terminal matters afterwards, and an ideograph is neither.
        if is_ideograph_lead(bytes[i]) {
            if cur.is_none() {
                cur = Some(Pos { b: start.b + i, c });
            }
            while i < bytes.len() && is_ideograph_lead(bytes[i]) {
                i += 3;
                c += 1;
            }
            last = Pos { b: start.b + i, c };
            prev = '一';
            continue;
        }
        let ch = s[i..].chars().next().expect("a character at a boundary");
        match ch {
            '（' | '(' => open_paren = Some(c),
            '）' | ')' => open_paren = None,
            _ => {}
        }
        // A short list in parentheses keeps its 、; a long or unclosed aside does not hold a clause open.
        let in_aside = ch == '、' && open_paren.is_some_and(|o| c - o <= PAREN_ASIDE_MAX);
        let delim = if ch == ',' {
            // `1,234.5`: a thousands separator, not a delimiter.
            !(prev.is_ascii_digit() && thousands_after(&bytes[i + 1..]))
        } else {
            (is_clause_delim(ch) && !in_aside) || is_terminal(ch) || (table && matches!(ch, '|' | '\t'))
        };
        let delim = delim || (is_closer(ch) && is_terminal(prev) && cur.is_none());
        if delim {
            if let Some(b) = cur.take() {
                out.push(Clause { start: b.c, end: last.c, byte_start: b.b, byte_end: last.b });
            }
        } else if !is_space(ch) {
            if cur.is_none() {
                cur = Some(Pos { b: start.b + i, c });
            }
            last = Pos { b: start.b + i + ch.len_utf8(), c: c + 1 };
        }
        // A closer right after a terminal stays with the delimiter.
        prev = if is_closer(ch) && is_terminal(prev) { prev } else { ch };
        c += 1;
        i += ch.len_utf8();
    }
    if let Some(b) = cur {
        out.push(Clause { start: b.c, end: last.c, byte_start: b.b, byte_end: last.b });
    }
    out
}

/// The longest parenthetical aside (code points from its opening parenthesis) whose 、 does not end a clause.
const PAREN_ASIDE_MAX: usize = 12;

/// Exactly three ASCII digits follow, then no digit.
fn thousands_after(b: &[u8]) -> bool {
    b.len() >= 3 && b[..3].iter().all(u8::is_ascii_digit) && !b.get(3).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests;
