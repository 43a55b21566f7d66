//! Web pages to text, and cleaning of text dumps of web pages.

use std::collections::HashSet;

/// Charset named in a `<meta charset>` or `http-equiv` Content-Type in the first bytes.
pub(crate) fn sniff_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(8192)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + 7;
        from = j;
        while j < lower.len() && matches!(lower[j], b' ' | b'\t' | b'\n' | b'\r') {
            j += 1;
        }
        if j >= lower.len() || lower[j] != b'=' {
            continue;
        }
        j += 1;
        while j < lower.len() && matches!(lower[j], b' ' | b'"' | b'\'') {
            j += 1;
        }
        let start = j;
        while j < lower.len() && (lower[j].is_ascii_alphanumeric() || b"-_:.".contains(&lower[j])) {
            j += 1;
        }
        if let Some(enc) = encoding_rs::Encoding::for_label(&lower[start..j]) {
            return Some(match enc {
                // Pages labelled gb2312/gbk are routinely GB18030 in practice.
                e if e == encoding_rs::GBK => encoding_rs::GB18030,
                // A page whose bytes can be read to find this label is no UTF-16: the HTML standard reads
                // it as UTF-8 (and x-user-defined as windows-1252).
                e if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => encoding_rs::UTF_8,
                e if e == encoding_rs::X_USER_DEFINED => encoding_rs::WINDOWS_1252,
                e => e,
            });
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Does this decoded text look like an HTML document?
pub(crate) fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let head: String = t.chars().take(15).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "head", "svg", "iframe", "select", "button",
    "form",
];
const RAW: &[&str] = &["script", "style", "textarea", "title"];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "aside",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "center",
    "figure",
    "figcaption",
    "caption",
    "address",
];

/// Text of an HTML page: body text with block elements as line breaks, without scripts,
/// styles, navigation, headers, footers and comments; entities decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let bytes = html.as_bytes();
    let lower_at = |i: usize, pat: &str| -> bool {
        bytes.len() >= i + pat.len() && bytes[i..i + pat.len()].eq_ignore_ascii_case(pat.as_bytes())
    };
    let mut i = 0;
    let mut skip_depth: Vec<String> = Vec::new();
    let mut pre = 0usize;
    let mut text_start = 0;
    let mut grid = Grid::default();
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        // flush text before the tag
        if skip_depth.is_empty() && text_start < i {
            push_text(&mut out, &html[text_start..i], pre > 0);
        }
        if lower_at(i, "<!--") {
            i = match html[i + 4..].find("-->") {
                Some(k) => i + 4 + k + 3,
                None => bytes.len(),
            };
            text_start = i;
            continue;
        }
        if lower_at(i, "<!") || lower_at(i, "<?") {
            i = html[i..].find('>').map_or(bytes.len(), |k| i + k + 1);
            text_start = i;
            continue;
        }
        let closing = i + 1 < bytes.len() && bytes[i + 1] == b'/';
        let name_start = if closing { i + 2 } else { i + 1 };
        let mut j = name_start;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-' || bytes[j] == b':') {
            j += 1;
        }
        if j == name_start {
            // a lone '<' in text: already flushed up to here, keep it as text
            text_start = i;
            i += 1;
            continue;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let end = match tag_end(bytes, j) {
            Some(e) => e,
            None => bytes.len(),
        };
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        i = end;
        text_start = end;
        if !closing && RAW.contains(&name.as_str()) {
            // raw text element: jump straight to its end tag
            let close = format!("</{name}");
            let rest = &html[i..];
            let k = find_ci(rest, &close).unwrap_or(rest.len());
            if name == "textarea" && skip_depth.is_empty() {
                push_text(&mut out, &rest[..k], false);
            }
            i += k;
            i = html[i..].find('>').map_or(bytes.len(), |k| i + k + 1);
            text_start = i;
            continue;
        }
        if SKIP.contains(&name.as_str()) {
            if closing {
                if skip_depth.last() == Some(&name) {
                    skip_depth.pop();
                } else if let Some(p) = skip_depth.iter().rposition(|n| n == &name) {
                    skip_depth.truncate(p);
                }
            } else if !self_closing {
                skip_depth.push(name);
            }
            continue;
        }
        if !skip_depth.is_empty() {
            continue;
        }
        if name == "pre" {
            if closing {
                pre = pre.saturating_sub(1);
            } else {
                pre += 1;
            }
        }
        if name == "td" || name == "th" {
            if closing {
                grid.close_cell(&mut out);
            } else {
                grid.open_cell(&html[j..end], &mut out);
            }
        } else {
            match (name.as_str(), closing) {
                ("table", false) => grid = Grid::default(),
                ("tr", _) => grid.end_row(),
                _ => {}
            }
            if BLOCK.contains(&name.as_str()) {
                // Inside a cell a line break or a paragraph keeps the row on its line.
                out.push(if grid.in_cell { ' ' } else { '\n' });
            }
        }
    }
    if skip_depth.is_empty() && text_start < bytes.len() {
        push_text(&mut out, &html[text_start..], pre > 0);
    }
    tidy_lines(&out)
}

/// The columns of the table being read, so that every row writes a cell for each: a cell spanning columns
/// (`colspan`) is followed by empty cells, and a place a cell above spans (`rowspan`) is an empty cell.
#[derive(Default)]
struct Grid {
    /// Rows each column is still covered for by a cell above.
    covered: Vec<usize>,
    /// The column the next cell of the row takes.
    col: usize,
    /// Columns the open cell spans.
    span: usize,
    /// A cell is open.
    in_cell: bool,
}

/// The most columns or rows one cell is taken to span (a larger `colspan` is a mistake, not a table).
const MAX_SPAN: usize = 64;

impl Grid {
    fn open_cell(&mut self, attrs: &str, out: &mut String) {
        while self.covered.get(self.col).is_some_and(|&n| n > 0) {
            self.covered[self.col] -= 1;
            out.push('\t');
            self.col += 1;
        }
        let span = attr_number(attrs, "colspan").clamp(1, MAX_SPAN);
        let rows = attr_number(attrs, "rowspan").clamp(1, MAX_SPAN);
        if self.covered.len() < self.col + span {
            self.covered.resize(self.col + span, 0);
        }
        for k in self.col..self.col + span {
            self.covered[k] = rows - 1;
        }
        self.span = span;
        self.in_cell = true;
    }

    fn close_cell(&mut self, out: &mut String) {
        for _ in 0..self.span.max(1) {
            out.push('\t');
        }
        self.col += self.span.max(1);
        self.span = 0;
        self.in_cell = false;
    }

    /// A row ends (or the next begins): the places cells above span past its last cell are passed.
    fn end_row(&mut self) {
        self.in_cell = false;
        if self.col == 0 && self.span == 0 {
            return;
        }
        for k in self.col..self.covered.len() {
            self.covered[k] = self.covered[k].saturating_sub(1);
        }
        self.col = 0;
        self.span = 0;
    }
}

/// The number an attribute states (`colspan="2"`), or 1.
fn attr_number(attrs: &str, name: &str) -> usize {
    let Some(k) = find_ci(attrs, name) else { return 1 };
    let rest = attrs[k + name.len()..].trim_start();
    let Some(rest) = rest.strip_prefix('=') else { return 1 };
    let digits: String =
        rest.trim_start().trim_start_matches(['"', '\'']).chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1)
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes().windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// End of a tag starting before `from`: index after the closing '>' (quotes respected).
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = 0u8;
    for (k, &b) in bytes[from..].iter().enumerate() {
        if quote != 0 {
            if b == quote {
                quote = 0;
            }
        } else if b == b'"' || b == b'\'' {
            quote = b;
        } else if b == b'>' {
            return Some(from + k + 1);
        }
    }
    None
}

fn push_text(out: &mut String, raw: &str, pre: bool) {
    let decoded = decode_entities(raw);
    if pre {
        out.push_str(&decoded);
        return;
    }
    let mut last_space = out.ends_with([' ', '\n']);
    for c in decoded.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

/// Trim ASCII blanks at line ends and drop blank lines and page chrome: one paragraph per line.
fn tidy_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chrome = super::chrome::ChromeFilter::default();
    for line in s.split('\n') {
        // A leading tab is a table row's empty first cell (a row label a cell above spans).
        let l = line.trim_start_matches(' ').trim_end_matches([' ', '\t']);
        if !l.trim_start_matches('\t').is_empty() && !chrome.is_chrome(l) {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// Decode HTML character references; unknown ones are kept as they are.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest.as_bytes()[..rest.len().min(12)].iter().position(|&b| b == b';');
        let decoded = semi.and_then(|k| entity(&rest[1..k]).map(|c| (c, k + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(h) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(h, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        return char::from_u32(v).filter(|&c| c != '\0');
    }
    Some(match name {
        "nbsp" => '\u{A0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "deg" => '°',
        "permil" => '‰',
        "yen" => '¥',
        "copy" => '©',
        "reg" => '®',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "bull" => '•',
        "laquo" => '«',
        "raquo" => '»',
        "sup2" => '²',
        "sup3" => '³',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "le" => '≤',
        "ge" => '≥',
        "minus" => '−',
        "zwj" | "zwnj" => return None,
        _ => return None,
    })
}

/// Is this plain text really a dump of a web page (HTML comments, `<U+00A0>` escapes, tags)?
pub(crate) fn looks_like_webdump(text: &str) -> bool {
    if text.contains("<!--") {
        return true;
    }
    // `<U+` found at each `<` (memchr) rather than by a substring searcher over the whole text.
    let escapes = text.match_indices('<').filter(|(i, _)| text[*i..].starts_with("<U+")).take(10).count();
    escapes >= 10 || count_tags(text, 20) >= 20
}

fn count_tags(text: &str, limit: usize) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    for (i, _) in text.match_indices('<') {
        let mut j = i + 1;
        if j < b.len() && b[j] == b'/' {
            j += 1;
        }
        let s = j;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if j > s && b[s].is_ascii_alphabetic() && j < b.len() && matches!(b[j], b'>' | b' ' | b'/') {
            n += 1;
            if n >= limit {
                break;
            }
        }
    }
    n
}

/// Clean text dumped from a web page: drop comments and tags, decode `<U+XXXX>` escapes,
/// drop page chrome (navigation, bylines, footers: see `dicts/page_chrome.txt`), and when the page was
/// dumped several times over, keep each line once.
pub fn clean_webdump(text: &str) -> String {
    let no_comments = remove_comments(text);
    let untagged = strip_tags_and_escapes(&no_comments, true);
    let lines: Vec<&str> = untagged.split('\n').collect();
    let repeated = is_repeated(&lines);
    let mut seen: HashSet<&str, LineHash> = HashSet::default();
    let mut out = String::with_capacity(untagged.len());
    let mut blank = true;
    let mut chrome = super::chrome::ChromeFilter::default();
    for line in lines {
        let t = line.trim_matches(|c: char| c.is_whitespace());
        let nav = t.is_empty() || chrome.is_chrome(t);
        if nav || (repeated && !seen.insert(t)) {
            if t.is_empty() && !blank {
                out.push('\n');
                blank = true;
            }
            continue;
        }
        out.push_str(line.trim_end_matches(|c: char| c.is_whitespace()));
        out.push('\n');
        blank = false;
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out.trim_start_matches('\n').to_string()
}

/// Most long lines occur more than once: the page was captured several times.
fn is_repeated(lines: &[&str]) -> bool {
    let mut counts: std::collections::HashMap<&str, usize, LineHash> = Default::default();
    for l in lines {
        let t = l.trim_matches(|c: char| c.is_whitespace());
        if t.chars().count() >= 20 {
            *counts.entry(t).or_default() += 1;
        }
    }
    let long = counts.len();
    let dup = counts.values().filter(|&&n| n > 1).count();
    long >= 5 && dup * 2 > long
}

/// A fast hash for sets of lines (FNV-1a over eight-byte words): only membership is asked, never an order.
#[derive(Default, Clone, Copy)]
struct LineHash;

struct LineHasher(u64);

impl std::hash::BuildHasher for LineHash {
    type Hasher = LineHasher;
    fn build_hasher(&self) -> LineHasher {
        LineHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for LineHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            self.0 = (self.0 ^ w).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(23);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        // Spread the low bits the table indexes by.
        let x = self.0 ^ (self.0 >> 29);
        x.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (x >> 32)
    }
}

fn remove_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        rest = match rest[i + 4..].find("-->") {
            Some(k) => &rest[i + 4 + k + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Remove leftover tags (when `tags`) and decode `<U+XXXX>` escapes (as written by R on Windows).
pub(crate) fn strip_tags_and_escapes(text: &str, tags: bool) -> String {
    if !text.contains('<') {
        return text.to_string();
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(k) = text[i..].find('<') {
        let at = i + k;
        // <U+XXXX> escape written by R
        if b[at..].starts_with(b"<U+") {
            let hex_end = b[at + 3..].iter().take(7).position(|c| !c.is_ascii_hexdigit()).map(|p| at + 3 + p);
            if let Some(he) = hex_end
                && he > at + 3
                && b.get(he) == Some(&b'>')
            {
                out.push_str(&text[last..at]);
                if let Some(c) = u32::from_str_radix(&text[at + 3..he], 16).ok().and_then(char::from_u32)
                    && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
                {
                    out.push(c);
                }
                last = he + 1;
                i = last;
                continue;
            }
        }
        if !tags {
            i = at + 1;
            continue;
        }
        // an HTML tag left over: <name ...> or </name>
        let mut j = at + 1;
        if j < b.len() && b[j] == b'/' {
            j += 1;
        }
        let s = j;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if j > s && b[s].is_ascii_alphabetic() && j < b.len() && matches!(b[j], b'>' | b' ' | b'/' | b'\t') {
            let line_end = text[j..].find('\n').map_or(b.len(), |e| j + e);
            if let Some(e) = text[j..line_end].find('>') {
                out.push_str(&text[last..at]);
                last = j + e + 1;
                i = last;
                continue;
            }
        }
        i = at + 1;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_basic() {
        let h = "<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>T</title><style>p{}</style></head>\
                 <body><nav><a href=x>首页</a></nav><header>站点</header><!-- c -->\
                 <div class=\"a\"><p>增长&nbsp;8.7%&#xff0c;达到<b>33.5</b>万亿元</p>\n<p>第二段\n  文字</p>\
                 <script>var a='<p>x</p>';</script><table><tr><td>GDP</td><td>100</td></tr></table></div>\
                 <footer>版权</footer></body></html>";
        let t = html_to_text(h);
        assert_eq!(t, "增长\u{a0}8.7%，达到33.5万亿元\n第二段 文字\nGDP\t100\n");
    }

    /// `colspan` is followed by empty cells and a place a `rowspan` covers is an empty cell, so every row has a
    /// cell per column; `<th>` cells are cells.
    #[test]
    fn spanned_cells_keep_columns() {
        let h = "<table><tr><th rowspan=2>指标</th><th colspan=\"2\">2022年<br>（亿元）</th></tr>\
                 <tr><th>绝对数</th><th>增长(%)</th></tr><tr><td>出口额</td><td>10</td><td>1.5</td></tr>\
                 <tr><td rowspan='2'>进口</td><td>8</td><td>2</td></tr><tr><td>7</td><td>3</td></tr></table><p>完</p>";
        assert_eq!(
            html_to_text(h),
            "指标\t2022年 （亿元）\n\t绝对数\t增长(%)\n出口额\t10\t1.5\n进口\t8\t2\n\t7\t3\n完\n"
        );
    }

    #[test]
    fn charset_meta() {
        assert_eq!(
            sniff_charset(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"),
            Some(encoding_rs::GB18030)
        );
        assert_eq!(sniff_charset(b"<meta charset='utf-8'>"), Some(encoding_rs::UTF_8));
        assert_eq!(sniff_charset(b"<p>no</p>"), None);
    }

    #[test]
    fn webdump() {
        let t = "<!--\n x \n-->\n<U+00A0>\n当前位置： 首页>> 热点\n<U+00A0><U+00A0>各位代表：<U+200D>\n增长８．７％\n【字体：大 中 小】\n";
        assert!(looks_like_webdump(t));
        assert_eq!(clean_webdump(t), "\u{a0}\u{a0}各位代表：\n增长８．７％\n");
    }

    #[test]
    fn webdump_repeated_copies() {
        let body: String = (0..10).map(|i| format!("第{i}段落的文字，这一行足够长以便被视为正文内容。\n")).collect();
        let page = format!("<!-- x -->\n标题\n{body}");
        let t = page.repeat(6);
        let c = clean_webdump(&t);
        assert_eq!(c.matches("第3段落").count(), 1);
        assert_eq!(c.matches("标题").count(), 1);
    }
}
