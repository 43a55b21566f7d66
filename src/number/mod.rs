//! The number layer: text → every figure it states, with value, unit, kind and qualifier.
//!
//! Works on characters, not on jieba tokens: jieba splits `428起` into m + v and keeps `9.3%` as one
//! chunk only for ASCII, so numbers are recognised here and segmentation is left to the subject stage.

pub mod chinese;
mod vetoes;

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::dicts::{Dicts, NumberWords, QualifierAt, TimeRole, Unit, UnitClass};
use crate::figure::{Figure, Kind, Qualifier};
use chinese::Piece;

/// The number layer's word lists (`dicts/`), compiled once for the scan.
#[derive(Debug)]
struct Lex {
    /// Qualifiers before a number, longest first.
    prefix_qualifiers: Vec<(String, Qualifier)>,
    /// Qualifiers after a number, in list order, with whether they must stand alone.
    suffix_qualifiers: Vec<(String, Qualifier, bool)>,
    not_qualifiers: Vec<String>,
    /// Change verbs, longest first.
    change_verbs: Vec<(String, i8)>,
    rate_nouns: Vec<(String, i8)>,
    not_changes: Vec<String>,
    basis_markers: Vec<String>,
    /// The first characters of the basis markers: a clause holding none of them holds no marker.
    basis_firsts: Vec<char>,
    basis_ends: Vec<String>,
    comparison_openers: Vec<String>,
    not_comparisons: Vec<String>,
    /// 分别, 均: between a basis and its verb, they belong to neither.
    distributive: Vec<String>,
    not_numerals: Vec<String>,
    link_words: Vec<String>,
    level_markers: Vec<String>,
    reach_links: Vec<String>,
    lower_than: Vec<String>,
    index_markers: Vec<String>,
    per_units: Vec<String>,
    person_nouns: Vec<String>,
    not_tenths: Vec<String>,
    /// The last characters of the prefix qualifiers and of the change verbs: the character before a number
    /// says at once whether any of them can end there (most numbers have none before them).
    prefix_lasts: Vec<char>,
    verb_lasts: Vec<char>,
}

impl Lex {
    fn new(d: &NumberWords) -> Self {
        let owned = |w: &crate::dicts::Words| -> Vec<String> { w.iter().map(String::from).collect() };
        let prefix_qualifiers: Vec<(String, Qualifier)> = d
            .qualifiers
            .longest_first()
            .into_iter()
            .filter(|(_, q)| q.at == QualifierAt::Before)
            .map(|(w, q)| (w.to_string(), q.qualifier))
            .collect();
        let suffix_qualifiers = d
            .qualifiers
            .iter()
            .filter_map(|(w, q)| match q.at {
                QualifierAt::After { alone } => Some((w.to_string(), q.qualifier, alone)),
                QualifierAt::Before => None,
            })
            .collect();
        let change_verbs: Vec<(String, i8)> =
            d.change_verbs.longest_first().into_iter().map(|(w, s)| (w.to_string(), s)).collect();
        let last = |w: &str| w.chars().next_back().expect("a word");
        let basis_markers = owned(&d.basis_markers);
        let mut basis_firsts: Vec<char> = basis_markers.iter().filter_map(|w| w.chars().next()).collect();
        basis_firsts.dedup();
        Lex {
            prefix_lasts: prefix_qualifiers.iter().map(|(w, _)| last(w)).collect(),
            verb_lasts: change_verbs.iter().map(|(w, _)| last(w)).collect(),
            prefix_qualifiers,
            suffix_qualifiers,
            not_qualifiers: owned(&d.not_qualifiers),
            change_verbs,
            rate_nouns: d.rate_nouns.iter().map(|(w, s)| (w.to_string(), *s)).collect(),
            not_changes: owned(&d.not_changes),
            basis_markers,
            basis_firsts,
            basis_ends: owned(&d.basis_ends),
            comparison_openers: owned(&d.comparison_openers),
            not_comparisons: owned(&d.not_comparisons),
            distributive: owned(&d.distributive),
            not_numerals: owned(&d.not_numerals),
            link_words: owned(&d.link_words),
            level_markers: owned(&d.level_markers),
            reach_links: owned(&d.reach_links),
            lower_than: owned(&d.lower_than),
            index_markers: owned(&d.index_markers),
            per_units: owned(&d.per_units),
            person_nouns: owned(&d.person_nouns),
            not_tenths: owned(&d.not_tenths),
        }
    }
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_point(c: char) -> bool {
    c == '.' || c == '．'
}

fn is_range_sep(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '~' | '～' | '至' | '到' | '〜')
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\u{a0}'
}

/// A number as written, before units: its value, the decimals stated and where it ends.
#[derive(Debug, Clone)]
struct Core {
    value: Decimal,
    decimals: u32,
    end: usize,
    chinese: bool,
    /// A scale character (万 亿 …) was folded in.
    scaled: bool,
    /// 多 / 余 inside the numeral (三十多万).
    more: bool,
    /// 两三 → (2, 3).
    range: Option<Decimal>,
    /// The numeral is a single 一 (一个, 一项 are rarely figures).
    lone_one: bool,
}

/// Finds figures in text. Built once, shared by threads.
#[derive(Debug)]
pub struct Recognizer {
    dicts: Dicts,
    lex: Lex,
    links: crate::link::LinkLex,
    masks: aho_corasick::AhoCorasick,
    /// Bytes of the longest non-figure phrase.
    longest_phrase_bytes: usize,
}

impl Recognizer {
    /// A recognizer over these word lists.
    pub fn new(dicts: Dicts) -> Self {
        let masks = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&dicts.not_figures)
            .expect("non-figure phrases build an automaton");
        let longest_phrase_bytes = dicts.not_figures.iter().map(|p| p.len()).max().unwrap_or(0);
        let lex = Lex::new(&dicts.number);
        let links = crate::link::LinkLex::new(&dicts);
        Recognizer { dicts, lex, links, masks, longest_phrase_bytes }
    }

    /// The word lists in use.
    pub fn dicts(&self) -> &Dicts {
        &self.dicts
    }

    /// Every figure in `text`, in order; offsets count code points of `text`. Years, dates and ordinals
    /// come out typed as such when `keep_non_indicators` is set, and are dropped otherwise.
    pub fn find(&self, text: &str, keep_non_indicators: bool) -> Vec<Figure> {
        // One pass over the text: its characters, the (char, byte) offsets of those that may start a figure
        // (only around them can a non-figure phrase matter), and the char offsets of opening brackets.
        let mut chars: Vec<char> = Vec::with_capacity(text.len() / 2);
        let mut starts: Vec<(usize, usize)> = Vec::new();
        let mut opens: Vec<usize> = Vec::new();
        let (marked, starting) = (marked_table(), start_table());
        for (b, c) in text.char_indices() {
            if bit(marked, c) {
                if bit(starting, c) {
                    starts.push((chars.len(), b));
                } else {
                    opens.push(chars.len());
                }
            }
            chars.push(c);
        }
        let mask = self.mask(text, &chars, &starts, &opens);
        let mut out = Vec::new();
        let mut i = 0;
        for &(ci, _) in &starts {
            if ci < i || mask[ci] {
                continue;
            }
            match Scan::new(&self.dicts, &self.lex, &chars, &mask).at(ci) {
                Step::Figure(f) => {
                    i = f.end.max(ci + 1);
                    if keep_non_indicators || f.kind.is_indicator() {
                        out.push(f);
                    }
                }
                Step::Skip(j) => i = j.max(ci + 1),
            }
        }
        crate::link::carry_list_kinds(&self.links, &chars, &mut out);
        out
    }

    /// The name of the veto that holds for the number starting at code point `at` of `text`, if one does.
    #[cfg(test)]
    fn veto_at(&self, text: &str, at: usize) -> Option<&'static str> {
        let chars: Vec<char> = text.chars().collect();
        let starts: Vec<(usize, usize)> = text
            .char_indices()
            .enumerate()
            .filter(|(_, (_, c))| starts_figure(*c))
            .map(|(ci, (b, _))| (ci, b))
            .collect();
        let opens: Vec<usize> =
            chars.iter().enumerate().filter(|(_, c)| bracket_close(**c).is_some()).map(|(i, _)| i).collect();
        let mask = self.mask(text, &chars, &starts, &opens);
        let scan = Scan::new(&self.dicts, &self.lex, &chars, &mask);
        let _ = scan.at(at);
        scan.vetoed.get()
    }

    /// Marks characters whose numbers are never figures: inside 《》, short quotes, 〔〕, footnote
    /// brackets, and non-figure phrases.
    fn mask(&self, text: &str, chars: &[char], starts: &[(usize, usize)], opens: &[usize]) -> Vec<bool> {
        let mut mask = vec![false; chars.len()];
        // Non-figure phrases, searched only in windows around the characters that may start a figure (a
        // phrase that masks one lies within its longest length of it); windows that touch are merged.
        let reach = self.longest_phrase_bytes;
        let mut windows: Vec<(usize, usize, usize)> = Vec::new(); // (byte start, byte end, char start)
        for &(ci, b) in starts {
            let mut a = b.saturating_sub(reach);
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let mut e = (b + reach).min(text.len());
            while !text.is_char_boundary(e) {
                e += 1;
            }
            match windows.last_mut() {
                Some(w) if a <= w.1 => w.1 = w.1.max(e),
                _ => windows.push((a, e, ci - text[a..b].chars().count())),
            }
        }
        for (a, e, ca) in windows {
            // Matches come in order: walk a (byte, char) cursor along the window.
            let (mut cb, mut cc) = (a, ca);
            for m in self.masks.find_iter(aho_corasick::Input::new(text).span(a..e)) {
                cc += text[cb..m.start()].chars().count();
                let n = text[m.start()..m.end()].chars().count();
                mask[cc..cc + n].fill(true);
                cc += n;
                cb = m.end();
            }
        }
        // Bracketed spans.
        let mut next = 0;
        for &i in opens {
            if i < next {
                continue;
            }
            if let Some((close, limit)) = bracket_close(chars[i])
                && let Some(k) = chars[i + 1..].iter().take(limit + 1).position(|&c| c == close)
            {
                let end = i + 1 + k;
                let inner = &chars[i + 1..end];
                // Footnote marks and document numbers hold only digits; quotes and titles hold anything.
                let only_digits = inner.iter().all(|c| ascii_digit(*c).is_some());
                let brackets = matches!(chars[i], '[' | '［' | '【');
                if !brackets || only_digits {
                    for m in mask.iter_mut().take(end + 1).skip(i) {
                        *m = true;
                    }
                }
                next = end + 1;
            }
        }
        // Circled digits are footnote marks; they are not numerals anyway.
        mask
    }
}

/// The text of some characters, allocated once at its exact size (collecting into a `String` grows it once
/// per multi-byte character).
fn text_of(chars: &[char]) -> String {
    let mut s = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    s.extend(chars);
    s
}

/// The brackets whose content [`Recognizer::mask`] may hide: for an opening bracket, its closing one and how
/// many characters it may hold.
fn bracket_close(c: char) -> Option<(char, usize)> {
    match c {
        '《' => Some(('》', 200)),
        '“' => Some(('”', 12)),
        '"' => Some(('"', 12)),
        '「' => Some(('」', 12)),
        '‘' => Some(('’', 12)),
        '〔' => Some(('〕', 8)),
        '[' => Some((']', 6)),
        '［' => Some(('］', 6)),
        '【' => Some(('】', 6)),
        _ => None,
    }
}

/// One bit per character of the Basic Multilingual Plane, set where `pred` holds.
fn bmp_table(pred: fn(char) -> bool) -> Vec<u64> {
    let mut t = vec![0u64; 0x10000 / 64];
    for cp in 0..0x10000u32 {
        if let Some(ch) = char::from_u32(cp)
            && pred(ch)
        {
            t[cp as usize / 64] |= 1 << (cp % 64);
        }
    }
    t
}

fn bit(table: &[u64], c: char) -> bool {
    let cp = c as u32;
    cp < 0x10000 && table[cp as usize / 64] >> (cp % 64) & 1 == 1
}

/// Whether a character may start a figure or opens a bracket: asked for every character of every report,
/// so one bit test answers both, and the rare character that passes is then told apart.
fn marked_table() -> &'static [u64] {
    static TABLE: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| bmp_table(|c| starts_figure(c) || bracket_close(c).is_some()))
}

fn start_table() -> &'static [u64] {
    static TABLE: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| bmp_table(starts_figure))
}

/// Whether a figure can start at this character: a digit, a sign, a Chinese numeral, 百分之/千分之, 翻.
#[cfg(test)]
fn may_start_figure(c: char) -> bool {
    bit(start_table(), c)
}

fn starts_figure(c: char) -> bool {
    ascii_digit(c).is_some()
        || matches!(c, '-' | '－' | '−' | '负' | '翻')
        || (chinese::is_numeral_char(c) && chinese::big_unit(c).is_none())
}

enum Step {
    Figure(Figure),
    Skip(usize),
}

struct Scan<'a> {
    dicts: &'a Dicts,
    lex: &'a Lex,
    chars: &'a [char],
    mask: &'a [bool],
    /// The name of the last veto that held.
    vetoed: std::cell::Cell<Option<&'static str>>,
}

impl<'a> Scan<'a> {
    fn new(dicts: &'a Dicts, lex: &'a Lex, chars: &'a [char], mask: &'a [bool]) -> Self {
        Scan { dicts, lex, chars, mask, vetoed: std::cell::Cell::new(None) }
    }

    /// Whether the characters `vs..ve` (a word of some list) stand inside one of `phrases` here: each phrase
    /// is tried at every place the word occurs in it (`新增` around 增, `增加值` around 增加).
    fn in_phrase(&self, vs: usize, ve: usize, phrases: &[String]) -> bool {
        in_phrase(self.chars, vs, ve, phrases)
    }

    fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn starts_with(&self, i: usize, s: &str) -> bool {
        (i..).zip(s.chars()).all(|(k, c)| self.c(k) == Some(c))
    }

    /// Whether the character before `end` is one of `lasts`.
    fn may_end_with(&self, end: usize, lasts: &[char]) -> bool {
        end > 0 && lasts.contains(&self.chars[end - 1])
    }

    fn ends_with(&self, end: usize, s: &str) -> bool {
        let mut k = end;
        for c in s.chars().rev() {
            if k == 0 || self.chars[k - 1] != c {
                return false;
            }
            k -= 1;
        }
        true
    }

    fn at(&self, i: usize) -> Step {
        let c = self.chars[i];
        if self.starts_with(i, "百分之") || self.starts_with(i, "千分之") {
            return self.fraction_percent(i);
        }
        if c == '翻' {
            return self.fan_fan(i);
        }
        if ascii_digit(c).is_some()
            || (matches!(c, '-' | '－' | '−' | '负') && self.c(i + 1).is_some_and(|d| ascii_digit(d).is_some()))
        {
            // Identifiers: G20, 5G, PM2.5, COVID-19, H7N9.
            let prev = if i > 0 { self.c(i - 1) } else { None };
            if prev.is_some_and(|p| p.is_ascii_alphabetic() || p == '_' || p == '/') {
                return Step::Skip(self.skip_digits(i));
            }
            if ascii_digit(c).is_none() {
                // A sign only where it cannot be a range dash or a minus between numbers.
                if prev.is_some_and(|p| ascii_digit(p).is_some() || matches!(p, '%' | '％' | '‰')) {
                    return Step::Skip(i + 1);
                }
            }
            return self.number(i);
        }
        if chinese::is_numeral_char(c) && chinese::big_unit(c).is_none() {
            return self.number(i);
        }
        Step::Skip(i + 1)
    }

    /// The end of a line break (with spaces and zero-width characters, at most four characters) at `k`,
    /// when the text goes on at once: what wiki and PDF text do to a number at the end of a line.
    fn gap_end(&self, k: usize) -> Option<usize> {
        let mut e = k;
        let mut newline = false;
        while let Some(c) = self.c(e) {
            if c == '\n' {
                newline = true;
            } else if !(c == '\u{200b}' || c == '\u{feff}' || is_space(c)) {
                break;
            }
            e += 1;
            if e - k > 4 {
                return None;
            }
        }
        // `39.8 万亿元`, `| 560.57 万吨 |`: one or two spaces also part a number from its scale or unit.
        (newline || e - k <= 2).then_some(e)
    }

    fn skip_digits(&self, mut i: usize) -> usize {
        while let Some(c) = self.c(i) {
            if ascii_digit(c).is_some() || is_point(c) || c.is_ascii_alphabetic() {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// Parses an Arabic number at `i` (sign, digits, thousands separators, decimals, spaced digits).
    fn arabic(&self, i: usize) -> Option<(Decimal, u32, usize)> {
        let mut s = String::new();
        let mut k = i;
        let mut negative = false;
        match self.c(k) {
            Some('-' | '－' | '−') => {
                negative = true;
                k += 1;
            }
            Some('负') => {
                negative = true;
                k += 1;
            }
            _ => {}
        }
        let int_start = k;
        while let Some(d) = self.c(k).and_then(ascii_digit) {
            s.push(char::from_digit(d, 10).unwrap_or('0'));
            k += 1;
            // Thousands separator: an ASCII comma with exactly three digits after it (a full-width
            // comma too between full-width digits, as the 1950s reports write ９６６，４８５，０００元).
            let fullwidth = self.c(k - 1).is_some_and(|d| ('０'..='９').contains(&d));
            if (self.c(k) == Some(',')
                || (fullwidth && self.c(k) == Some('，'))
                || (self.c(k) == Some('，') && self.fullwidth_thousands(int_start, k)))
                && (1..=3).all(|o| self.c(k + o).and_then(ascii_digit).is_some())
                && self.c(k + 4).and_then(ascii_digit).is_none()
                && k - int_start <= 3 + 4 * s.len()
            {
                k += 1;
            }
            // Spaced digits, as some reports are typeset: `1 9 8 0 年`, `7 4 7 7 2 亿元`, `8 ．8 ％`.
            if k - int_start == 1 && self.c(k).is_some_and(is_space) {
                let digit_at = |j: usize| self.c(j).and_then(ascii_digit);
                let point_at = |j: usize| self.c(j).is_some_and(is_point);
                let mut j = k;
                let mut digits = s.clone();
                let mut decimals = 0u32;
                let mut in_fraction = false;
                loop {
                    // One space, then a digit; or an optionally spaced point followed by a digit.
                    let sp = usize::from(self.c(j).is_some_and(is_space));
                    if digit_at(j + sp).is_some() && sp == 1 {
                        digits.push(char::from_digit(digit_at(j + sp).unwrap_or(0), 10).unwrap_or('0'));
                        decimals += u32::from(in_fraction);
                        j += sp + 1;
                    } else if !in_fraction && point_at(j + sp) {
                        let sp2 = usize::from(self.c(j + sp + 1).is_some_and(is_space));
                        let Some(d) = digit_at(j + sp + 1 + sp2) else { break };
                        digits.push('.');
                        digits.push(char::from_digit(d, 10).unwrap_or('0'));
                        in_fraction = true;
                        decimals += 1;
                        j += sp + 1 + sp2 + 1;
                    } else {
                        break;
                    }
                }
                if j > k {
                    return Decimal::from_str(&digits).ok().map(|v| (if negative { -v } else { v }, decimals, j));
                }
            }
        }
        if s.is_empty() {
            return None;
        }
        let mut decimals = 0;
        if self.c(k).is_some_and(is_point) && self.c(k + 1).and_then(ascii_digit).is_some() {
            s.push('.');
            k += 1;
            while let Some(d) = self.c(k).and_then(ascii_digit) {
                s.push(char::from_digit(d, 10).unwrap_or('0'));
                decimals += 1;
                k += 1;
            }
        }
        if s.len() > 28 {
            return None;
        }
        let mut v = Decimal::from_str(&s).ok()?;
        if negative {
            v = -v;
        }
        Some((v, decimals, k))
    }

    /// Whether the full-width comma at `k`, after ASCII digits from `int_start`, separates thousands, as the
    /// 1980 report writes them (`粮食产量33，212万吨`, `增加2，737万吨`, `4，900多万吨`): 1–3 digits before the first
    /// comma, then groups of exactly three digits, then a unit of measure or a scale (万, 亿), maybe after 多/余.
    /// A list (`3，5`, `2，10`) or two years (`1978，1979年`: a time unit) is not one number.
    fn fullwidth_thousands(&self, int_start: usize, k: usize) -> bool {
        let digit = |j: usize| self.c(j).and_then(ascii_digit).is_some();
        // The digits before this comma: 1–3 for the first group, exactly 3 after an earlier separator.
        let mut g = k;
        while g > int_start && digit(g - 1) {
            g -= 1;
        }
        let first = g == int_start;
        if (first && k - g > 3) || (!first && k - g != 3) {
            return false;
        }
        let mut j = k;
        while self.c(j) == Some('，') && (1..=3).all(|o| digit(j + o)) && !digit(j + 4) {
            j += 4;
        }
        if j == k {
            return false;
        }
        if matches!(self.c(j), Some('多' | '余')) {
            j += 1;
        }
        if self.c(j).is_some_and(|c| chinese::big_unit(c).is_some()) {
            return true;
        }
        self.dicts.unit_at(self.chars, j).is_some_and(|(u, _)| u.class != UnitClass::Time)
    }

    /// Whether a scale or numeral character at `k` belongs to the number rather than starting a unit
    /// (300万千瓦: 万 scales, 千瓦 is the unit).
    fn unit_starts_here(&self, k: usize) -> bool {
        self.dicts.unit_at(self.chars, k).is_some_and(|(_, n)| n >= 2)
    }

    /// Parses the numeral starting at `i`: Arabic, Chinese, or a mixture with scale characters.
    fn core(&self, i: usize) -> Option<Core> {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut k = i;
        let mut decimals = 0;
        let mut chinese = false;
        let mut scaled = false;
        let mut more = false;
        let mut saw_digit = false;
        let mut frac: Option<(Decimal, u32)> = None;
        while let Some(c) = self.c(k) {
            if self.mask.get(k).copied().unwrap_or(false) {
                break;
            }
            // `达到74.4` + line break + `万亿元` (national_gwr_utf8/china_2017_gwr.txt): a scale cut off by a
            // line break still belongs to the number.
            if matches!(pieces.last(), Some(Piece::Arabic(_)))
                && let Some(after) = self.gap_end(k).filter(|&e| e > k)
                && self.c(after).is_some_and(|n| chinese::big_unit(n).is_some())
            {
                k = after;
                continue;
            }
            if ascii_digit(c).is_some() || (k == i && matches!(c, '-' | '－' | '−' | '负')) {
                if matches!(pieces.last(), Some(Piece::Arabic(_))) {
                    break;
                }
                // Arabic after a Chinese digit (五3) is not one number.
                if matches!(pieces.last(), Some(Piece::Char(p)) if chinese::digit(*p).is_some()) {
                    break;
                }
                let (v, d, e) = self.arabic(k)?;
                pieces.push(Piece::Arabic(v));
                decimals = d;
                saw_digit = true;
                k = e;
                continue;
            }
            if (c == '点' || c == '點') && chinese && saw_digit && frac.is_none() {
                // Chinese decimals: 三点五, 十二点五.
                let mut j = k + 1;
                let mut f = Decimal::ZERO;
                let mut scale = Decimal::new(1, 1);
                let mut n = 0;
                while let Some(d) = self.c(j).and_then(chinese::digit) {
                    f += scale * Decimal::from(d);
                    scale *= Decimal::new(1, 1);
                    n += 1;
                    j += 1;
                }
                if n == 0 {
                    break;
                }
                frac = Some((f, n));
                k = j;
                // Only a scale may follow the decimals (三点五万).
                if let Some(c2) = self.c(k).filter(|c| chinese::big_unit(*c).is_some()) {
                    pieces.push(Piece::Char(c2));
                    scaled = true;
                    k += 1;
                }
                break;
            }
            if (c == '多' || c == '余')
                && saw_digit
                && self.c(k + 1).is_some_and(|n| {
                    chinese::big_unit(n).is_some()
                        || (chinese::small_unit(n).is_some() && !self.unit_starts_here(k + 1))
                })
            {
                more = true;
                k += 1;
                continue;
            }
            if chinese::digit(c).is_some() {
                if matches!(pieces.last(), Some(Piece::Arabic(_))) {
                    break;
                }
                pieces.push(Piece::Char(c));
                chinese = true;
                saw_digit = true;
                k += 1;
                continue;
            }
            if chinese::small_unit(c).is_some() {
                if self.unit_starts_here(k) || self.starts_with(k, "百分之") {
                    break;
                }
                // 十 may open a numeral (十二); 百 and 千 need a digit before them (百姓, 千方百计).
                if !saw_digit && c != '十' && c != '拾' {
                    break;
                }
                if matches!(pieces.last(), Some(Piece::Arabic(_))) {
                    // 5千 is a scale only when followed by something numeric-minded; 2万5千 is fine.
                    if !pieces.iter().any(|p| matches!(p, Piece::Char(_)))
                        && self.c(k + 1).is_none_or(|n| chinese::big_unit(n).is_none())
                        && c != '千'
                    {
                        break;
                    }
                }
                pieces.push(Piece::Char(c));
                chinese |= !matches!(pieces.first(), Some(Piece::Arabic(_)));
                scaled |= matches!(pieces.first(), Some(Piece::Arabic(_)));
                k += 1;
                continue;
            }
            if chinese::big_unit(c).is_some() {
                // `十万九千人`: a 十 opening the numeral is a digit's worth (一十); not after 几 or 数 (几十万亩 is
                // no number).
                let ten = matches!(pieces.as_slice(), [Piece::Char('十' | '拾')])
                    && !(i > 0 && matches!(self.c(i - 1), Some('几' | '数')));
                if !saw_digit && !ten {
                    break;
                }
                pieces.push(Piece::Char(c));
                scaled = true;
                k += 1;
                continue;
            }
            break;
        }
        if pieces.is_empty() {
            return None;
        }
        let all_chinese_digits = pieces.iter().all(|p| matches!(p, Piece::Char(c) if chinese::digit(*c).is_some()));
        let mut range = None;
        let value;
        if all_chinese_digits && pieces.len() == 2 {
            let (Piece::Char(a), Piece::Char(b)) = (pieces[0], pieces[1]) else {
                return None;
            };
            let (a, b) = (chinese::digit(a)?, chinese::digit(b)?);
            if b == a + 1 && a > 0 {
                value = Decimal::from(a);
                range = Some(Decimal::from(b));
            } else {
                value = chinese::parse_pieces(&pieces)?;
            }
        } else {
            value = chinese::parse_pieces(&pieces)?;
        }
        let mut value = value;
        if let Some((f, n)) = frac {
            // The fraction belongs to the part before any trailing scale.
            let scale = match pieces.last() {
                Some(Piece::Char(c)) if chinese::big_unit(*c).is_some() && pieces.len() > 1 => {
                    Decimal::from(chinese::big_unit(*c)?)
                }
                _ => Decimal::ONE,
            };
            value += f * scale;
            decimals = n;
        }
        // A numeral of one character (三个, 两项, 十条) counts things rhetorically far more often than it
        // states a figure (两个市场, 十项措施, 九次全会); modern reports write counted figures in digits.
        let lone_one = matches!(pieces.as_slice(), [Piece::Char(_)]) && range.is_none();
        Some(Core { value, decimals, end: k, chinese, scaled, more, range, lone_one })
    }

    fn unit(&self, k: usize, chinese: bool) -> Option<(&'a Unit, usize)> {
        let (u, n) = self.dicts.unit_at(self.chars, k)?;
        if chinese && u.digits_only {
            return None;
        }
        Some((u, n))
    }

    /// Reads a number and everything that belongs to it: unit, qualifiers, range, change verb.
    fn number(&self, i: usize) -> Step {
        let Some(core) = self.core(i) else {
            // A digit run too long for any number (> 28 digits): skip all of it, not one digit at a
            // time, which made a long run of digits quadratic.
            let run = self.skip_digits(i);
            return Step::Skip(if run - i > 28 { run } else { i + 1 });
        };
        let after = self.c(core.end);
        let ctx =
            vetoes::Ctx { scan: self, i, core: &core, k: core.end, unit: None, value: core.value, value_max: None };
        if let Some(step) = self.veto(vetoes::BEFORE_UNIT, &ctx, i) {
            return step;
        }
        // Ratios: 1.9:35.4:62.7.
        if !core.chinese
            && matches!(after, Some(':' | '：'))
            && let Some(step) = self.ratio(i, &core)
        {
            return step;
        }
        let mut k = core.end;
        let mut qualifier = if core.more { Qualifier::AtLeast } else { Qualifier::Exact };
        let mut value = core.value;
        let mut value_max = core.range;
        if core.range.is_some() {
            qualifier = Qualifier::Range;
        }
        let mut decimals = core.decimals;
        // 多/余 between number and unit: 290余个, 3万多人.
        if matches!(self.c(k), Some('多' | '余')) && self.unit(k + 1, core.chinese).is_some() {
            qualifier = Qualifier::AtLeast;
            k += 1;
        } else if matches!(self.c(k), Some('多' | '余')) && k > i && matches!(self.c(k - 1), Some('万' | '亿' | '萬'))
        {
            // 多/余 after a scale with no unit: `9亿多劳动力`, `1万余群众` (more than).
            qualifier = Qualifier::AtLeast;
            k += 1;
        }
        let mut unit: Option<(String, UnitClass, TimeRole)> = None;
        if self.starts_with(k, "分之") {
            // 三分之二 → 66.67 %.
            return self.fraction(i, &core);
        }
        // `1个多月`, `两个半小时`: 多/余/半 inside a unit of time counted in 个 (个月, 个小时).
        let split = (self.c(k) == Some('个') && matches!(self.c(k + 1), Some('多' | '余' | '半')))
            .then(|| {
                let tail: Vec<char> =
                    std::iter::once('个').chain(self.chars[k + 2..].iter().take(4).copied()).collect();
                self.dicts.unit_at(&tail, 0).filter(|(u, n)| *n >= 2 && u.class == UnitClass::Time)
            })
            .flatten();
        if split.is_some() {
            if self.c(k + 1) == Some('半') {
                value += Decimal::new(5, 1);
                decimals = decimals.max(1);
            } else {
                qualifier = Qualifier::AtLeast;
            }
            k += 1;
        }
        let unit_at = split
            .map(|(u, n)| (u, k + 1, n - 1))
            .or_else(|| self.unit(k, core.chinese).map(|(u, n)| (u, k, n)))
            .or_else(|| {
                // A unit after a line break inside the number (see `gap_end`).
                let e = self.gap_end(k).filter(|&e| e > k && !core.chinese)?;
                self.unit(e, false).filter(|(u, _)| !u.digits_only).map(|(u, n)| (u, e, n))
            });
        if let Some((u, at, n)) = unit_at {
            unit = Some((u.canonical.clone(), u.class, u.time));
            k = at + n;
            // Per-unit rates: 173898元/人, 370.8元/间夜, 127.1部/百人.
            if matches!(self.c(k), Some('/' | '／')) {
                let per: String = self.chars[k + 1..]
                    .iter()
                    .take_while(|c| c.is_alphabetic() && !matches!(c, '，' | '。'))
                    .take(3)
                    .collect();
                let per_unit = self.dicts.unit_at(self.chars, k + 1).map(|(pu, pn)| (pu.canonical.clone(), pn));
                let per = match per_unit {
                    Some((pu, pn)) => Some((pu, pn)),
                    None if self.lex.per_units.contains(&per) => {
                        let n = per.chars().count();
                        Some((per, n))
                    }
                    None => None,
                };
                if let Some((pu, pn)) = per {
                    if let Some(u) = unit.as_mut() {
                        u.0 = format!("{}/{}", u.0, pu);
                    }
                    k += 1 + pn;
                }
            }
        } else if self.c(k) == Some('成')
            && core.value > Decimal::ZERO
            && core.value < Decimal::TEN
            && core.decimals == 0
            && !self.lex.not_tenths.iter().any(|w| self.starts_with(k, w))
        {
            value = core.value * Decimal::TEN;
            value_max = value_max.map(|m| m * Decimal::TEN);
            unit = Some(("%".into(), UnitClass::Percent, TimeRole::Duration));
            k += 1;
        }
        // Range: 6.5%－7%, 3至5个, 1—10月.
        if self.c(k).is_some_and(is_range_sep)
            && let Some(second) = self.core(k + 1).filter(|s| s.chinese == core.chinese || !s.chinese)
        {
            let mut k2 = second.end;
            let mut unit2 = None;
            if let Some((u, n)) = self.unit(k2, second.chinese) {
                unit2 = Some((u.canonical.clone(), u.class, u.time));
                k2 += n;
            }
            let compatible = match (&unit, &unit2) {
                (Some(a), Some(b)) => a.0 == b.0,
                (None, Some(_)) => true,
                (Some(_), None) => false,
                (None, None) => false,
            };
            if compatible && second.value >= value {
                if unit.is_none() {
                    unit = unit2;
                    if core.scaled != second.scaled && !core.scaled {
                        // 5-10万人: the scale of the second number applies to the first.
                        if let Some(factor) = scale_of(&second, &self.chars[second.end.saturating_sub(2)..second.end]) {
                            value *= factor;
                        }
                    }
                }
                value_max = Some(second.value);
                qualifier = Qualifier::Range;
                decimals = decimals.max(second.decimals);
                k = k2;
            }
        }
        let Some((unit_name, class, time)) = unit else {
            // No unit: a figure only if scaled (达1.2万) or an index after 为/达 (指数为102.1).
            let index = core.decimals > 0 && self.lex.index_markers.iter().any(|w| self.ends_with(i, w));
            if !core.chinese && (core.scaled || index) {
                let unit = if core.scaled && self.people_after(k) { "人" } else { "" };
                return self.finish(i, k, value, value_max, unit.into(), UnitClass::Count, qualifier, decimals);
            }
            return Step::Skip(core.end);
        };
        let ctx =
            vetoes::Ctx { scan: self, i, core: &core, k, unit: Some((&unit_name, class, time)), value, value_max };
        if let Some(step) = self.veto(vetoes::AFTER_UNIT, &ctx, i) {
            return step;
        }
        self.finish(i, k, value, value_max, unit_name, class, qualifier, decimals)
    }

    /// Whether the noun phrase right after a scaled number with no unit names people (`450万困难群众`,
    /// `138万残疾人`, `1.6万山洪泥石流灾害受灾群众`): the number then counts 人. The phrase runs over Chinese
    /// characters only, at most 12, and a person noun must end it with a modifier before it or be two
    /// characters long itself (so `5万亿人民币` is no count of people).
    fn people_after(&self, k: usize) -> bool {
        let mut end = k;
        while end < self.chars.len() && end - k < 12 && crate::verify::is_cjk(self.chars[end]) {
            end += 1;
        }
        (k + 1..=end).any(|j| {
            self.lex.person_nouns.iter().any(|w| {
                let n = w.chars().count();
                j >= k + n && (n >= 2 || j > k + n) && self.ends_with(j, w)
            })
        })
    }

    /// The first rule of `table` that holds, as a step: a typed non-indicator or a skip.
    fn veto(&self, table: &[vetoes::Veto], ctx: &vetoes::Ctx, i: usize) -> Option<Step> {
        let (v, outcome) = table.iter().find_map(|v| (v.rule)(ctx).map(|o| (v, o)))?;
        self.vetoed.set(Some(v.name));
        Some(match outcome {
            vetoes::Outcome::Typed(kind, end) => match self.typed(i, end, kind, ctx.value) {
                // `2011—2015年`, `1—10月`: a range of dates keeps its end.
                Step::Figure(mut f) if kind == Kind::Date => {
                    f.value_max = ctx.value_max;
                    Step::Figure(f)
                }
                step => step,
            },
            vetoes::Outcome::Skip(end) => Step::Skip(end),
        })
    }

    /// Up to `n` characters before `i`, within the sentence.
    fn window_before(&self, i: usize, n: usize) -> String {
        let lo = i.saturating_sub(n);
        let mut k = i;
        while k > lo && !"。；！？\n".contains(self.chars[k - 1]) {
            k -= 1;
        }
        text_of(&self.chars[k..i])
    }

    fn typed(&self, start: usize, end: usize, kind: Kind, value: Decimal) -> Step {
        Step::Figure(Figure {
            start,
            end,
            raw: text_of(&self.chars[start..end]),
            value,
            value_max: None,
            unit: String::new(),
            kind,
            qualifier: Qualifier::Exact,
            decimals: 0,
            num_start: start,
            num_end: end,
            basis: None,
        })
    }

    /// Adds qualifiers and change verbs around the number and builds the figure.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        num_start: usize,
        mut end: usize,
        mut value: Decimal,
        mut value_max: Option<Decimal>,
        mut unit: String,
        class: UnitClass,
        mut qualifier: Qualifier,
        decimals: u32,
    ) -> Step {
        let num_end = end;
        let lex = self.lex;
        // Suffix qualifiers.
        for (w, q, alone) in &lex.suffix_qualifiers {
            if self.starts_with(end, w) && qualifier != Qualifier::Range {
                // 多 and 余 only directly after a time/count unit (3个多月); not 多元, 余额.
                let at = end + w.chars().count();
                if *alone
                    && !self.c(at).is_some_and(|c| !c.is_alphanumeric() || self.dicts.unit_at(self.chars, at).is_some())
                {
                    continue;
                }
                qualifier = *q;
                end = at;
                break;
            }
        }
        // Prefix qualifiers.
        let mut start = num_start;
        if (qualifier == Qualifier::Exact || qualifier == Qualifier::Range)
            && self.may_end_with(start, &lex.prefix_lasts)
        {
            for (w, q) in &lex.prefix_qualifiers {
                if self.ends_with(start, w) {
                    // 近 in 最近 is no qualifier; 接近 comes first, being longer.
                    if lex.not_qualifiers.iter().any(|nq| nq.ends_with(w.as_str()) && self.ends_with(start, nq)) {
                        continue;
                    }
                    if qualifier != Qualifier::Range {
                        qualifier = *q;
                    }
                    start -= w.chars().count();
                    break;
                }
            }
        }
        // Change verbs: 同比减少153起, 比上年增长5.2%, 增长1.5倍; not 增加到, 降至 (those state a level).
        let mut kind = match class {
            UnitClass::Percent | UnitClass::Permille => Kind::Percent,
            UnitClass::PercentagePoint => Kind::ChangePp,
            UnitClass::Multiple => Kind::Multiple,
            _ => Kind::Quantity,
        };
        // `比上年下降 34.6%`, `比上年末增加 1766 万人`: bulletins set spaces about their digits; a space between the
        // verb and the number parts neither.
        let mut lead = start;
        loop {
            while lead > 0 && matches!(self.chars[lead - 1], ' ' | '\u{3000}' | '\u{a0}') {
                lead -= 1;
            }
            // `比上年增长[41]3.1%`: a footnote mark between them neither.
            let mark = lead.checked_sub(1).filter(|&k| matches!(self.chars[k], ']' | '］' | '】')).and_then(|k| {
                let digits = self.chars[..k].iter().rev().take_while(|c| c.is_ascii_digit()).count();
                let open = k.checked_sub(digits + 1)?;
                (digits > 0 && digits <= 3 && matches!(self.chars[open], '[' | '［' | '【')).then_some(open)
            });
            match mark {
                Some(open) => lead = open,
                None => break,
            }
        }
        if lead == 0 || self.chars[lead - 1].is_ascii() {
            lead = start;
        }
        let mut verb_start = lead;
        let mut links = 0;
        // The link word right after the verb, when it says where the level went (下降为27.8%).
        let mut reach_link = false;
        loop {
            let before = verb_start;
            for w in &lex.link_words {
                if self.ends_with(verb_start, w) {
                    verb_start -= w.chars().count();
                    links += 1;
                    reach_link = lex.reach_links.contains(w);
                    break;
                }
            }
            if before == verb_start || links > 2 {
                break;
            }
        }
        let level_marker = lex.level_markers.iter().any(|w| self.ends_with(lead, w));
        let mut sign: Option<i8> = None;
        let mut change_start = None;
        if !level_marker {
            if self.may_end_with(verb_start, &lex.verb_lasts) {
                for (w, s) in &lex.change_verbs {
                    if self.ends_with(verb_start, w) {
                        let vs = verb_start - w.chars().count();
                        // One-character verbs only right after a basis (同比增5%, 比上年多3个).
                        if w.chars().count() == 1
                            && !lex.basis_markers.iter().chain(&lex.basis_ends).any(|b| self.ends_with(vs, b))
                        {
                            continue;
                        }
                        // 新增 is a level (城镇新增就业), 增加值 is a noun; 下降为 states the level reached.
                        if reach_link || self.in_phrase(vs, verb_start, &lex.not_changes) {
                            continue;
                        }
                        sign = Some(*s);
                        change_start = Some(vs);
                        break;
                    }
                }
            }
            if sign.is_none() {
                for (w, s) in &lex.rate_nouns {
                    // 增速为5%, 涨幅3%: the rate noun may sit a link word away.
                    let at = if self.ends_with(verb_start, w) {
                        verb_start
                    } else if self.ends_with(lead, w) {
                        lead
                    } else {
                        continue;
                    };
                    // 人口自然增长率 is a rate of its own.
                    if self.in_phrase(at - w.chars().count(), at, &lex.not_changes) {
                        continue;
                    }
                    sign = Some(*s);
                    break;
                }
            }
        }
        if let Some(s) = sign {
            let neg = s < 0 && value > Decimal::ZERO;
            match class {
                UnitClass::Percent | UnitClass::Permille => kind = Kind::ChangePct,
                UnitClass::PercentagePoint => kind = Kind::ChangePp,
                UnitClass::Multiple => {
                    // 增长1.5倍 = +150 %.
                    kind = Kind::ChangePct;
                    value *= Decimal::ONE_HUNDRED;
                    value_max = value_max.map(|m| m * Decimal::ONE_HUNDRED);
                    unit = "%".into();
                }
                _ => kind = Kind::ChangeAbs,
            }
            if neg {
                value = -value;
                value_max = value_max.map(|m| -m);
                if let Some(m) = value_max {
                    // Keep value ≤ value_max for decreases stated as ranges.
                    if m < value {
                        value_max = Some(value);
                        value = m;
                    }
                }
            }
            if let Some(cs) = change_start {
                start = cs;
            }
        } else if kind == Kind::ChangePp && lex.lower_than.iter().any(|w| self.ends_with(verb_start, w)) {
            value = -value;
        }
        // The basis of a change: 同比, 比上年 … within the clause before the verb.
        let basis = if kind.is_change() { self.basis_before(start) } else { None };
        if let Some((b, bs)) = &basis
            && *bs + b.chars().count() == start
        {
            start = *bs;
        }
        Step::Figure(Figure {
            start,
            end,
            raw: text_of(&self.chars[start..end]),
            value,
            value_max,
            unit,
            kind,
            qualifier,
            decimals,
            num_start,
            num_end,
            basis: basis.map(|b| b.0),
        })
    }

    /// The basis marker (同比, 比上年, 比2020年 …) in the clause before `start`, with its start.
    fn basis_before(&self, start: usize) -> Option<(String, usize)> {
        // `较“十三五”同期分别下降62.97%、53.06%`: the basis ends before 分别, which tells the figures apart.
        let start =
            start - self.lex.distributive.iter().find(|w| self.ends_with(start, w)).map_or(0, |w| w.chars().count());
        let lo = start.saturating_sub(16);
        let mut k = start;
        while k > lo {
            let c = self.chars[k - 1];
            if matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' | '\n' | '（' | '(' | '）' | ')')
            {
                break;
            }
            k -= 1;
        }
        let lex = self.lex;
        let window = text_of(&self.chars[k..start]);
        for b in &lex.basis_markers {
            if window.ends_with(b.as_str()) {
                return Some((b.to_string(), start - b.chars().count()));
            }
        }
        // 比2020年, 较上年年初预算, 比全国平均水平: a comparison phrase opened by 比/较 right before the verb.
        for p in (k..start).rev() {
            let Some(opener) = lex.comparison_openers.iter().find(|o| self.starts_with(p, o)) else { continue };
            let rest = p + opener.chars().count();
            // 比重, 占比, 同比: the opener is part of another word.
            if rest >= start || self.in_phrase(p, rest, &lex.not_comparisons) {
                continue;
            }
            // Numbers in a comparison phrase are a year (比2020年), never another figure.
            let numeral = |c: char| ascii_digit(c).is_some() || chinese::is_numeral_char(c);
            // Years (比2020年, 比一九五七年的预计数) and 上一年 may stand in it; any other number is a figure.
            // So may a count of years (比前五年, 比上一个五年) and a plan's name in quotes (比“六五”期间).
            let mut other = 0;
            let mut j = rest;
            let mut quoted = false;
            while j < start {
                let c = self.chars[j];
                if matches!(c, '“' | '”') {
                    quoted = c == '“';
                    j += 1;
                    continue;
                }
                if quoted {
                    j += 1;
                    continue;
                }
                let run = self.chars[j..start].iter().take_while(|c| chinese::is_numeral_char(**c)).count();
                if (1..=2).contains(&run) {
                    let after = j + run + usize::from(self.chars.get(j + run) == Some(&'个'));
                    let years =
                        self.dicts.unit_at(&self.chars[..start], after).is_some_and(|(u, _)| u.time == TimeRole::Year);
                    if years {
                        j = after + 1;
                        continue;
                    }
                }
                let year_unit = |at: usize| {
                    at < start
                        && self.dicts.unit_at(&self.chars[..start], at).is_some_and(|(u, _)| u.time == TimeRole::Year)
                };
                if j + 4 <= start && self.chars[j..j + 4].iter().all(|c| numeral(*c)) && year_unit(j + 4) {
                    j += 5;
                } else if j > rest && self.in_phrase(j, j + 1, &lex.not_numerals) {
                    j += 1;
                } else {
                    other += usize::from(numeral(self.chars[j]));
                    j += 1;
                }
            }
            if other > 0 || start - rest > 12 {
                continue;
            }
            return Some((text_of(&self.chars[p..start]), p));
        }
        // Every marker opens with one of these characters.
        if !window.contains(&lex.basis_firsts[..]) {
            return None;
        }
        for b in &lex.basis_markers {
            if let Some(pos) = window.rfind(b.as_str()) {
                let cs = k + window[..pos].chars().count();
                return Some((b.to_string(), cs));
            }
        }
        None
    }

    /// 1.9:35.4:62.7 as one figure.
    fn ratio(&self, i: usize, first: &Core) -> Option<Step> {
        let mut k = first.end;
        let mut parts = 1;
        let mut decimals = first.decimals;
        while matches!(self.c(k), Some(':' | '：')) {
            let next = self.core(k + 1)?;
            if next.chinese {
                break;
            }
            decimals = decimals.max(next.decimals);
            k = next.end;
            parts += 1;
        }
        if parts < 2 {
            return None;
        }
        Some(Step::Figure(Figure {
            start: i,
            end: k,
            raw: text_of(&self.chars[i..k]),
            value: first.value,
            value_max: None,
            unit: String::new(),
            kind: Kind::Ratio,
            qualifier: Qualifier::Exact,
            decimals,
            num_start: i,
            num_end: k,
            basis: None,
        }))
    }

    /// 百分之三点五 → 3.5 %, 千分之五 → 5 ‰.
    fn fraction_percent(&self, i: usize) -> Step {
        let permille = self.c(i) == Some('千');
        let Some(core) = self.core(i + 3) else {
            return Step::Skip(i + 3);
        };
        let mut value = core.value;
        let mut value_max = None;
        let mut qualifier = Qualifier::Exact;
        let mut k = core.end;
        // 百分之五至百分之八 / 百分之五到八.
        if self.c(k).is_some_and(is_range_sep) {
            let mut j = k + 1;
            if self.starts_with(j, "百分之") || self.starts_with(j, "千分之") {
                j += 3;
            }
            if let Some(second) = self.core(j) {
                value_max = Some(second.value);
                qualifier = Qualifier::Range;
                k = second.end;
            }
        }
        let unit = if permille { ("‰", UnitClass::Permille) } else { ("%", UnitClass::Percent) };
        if value_max.is_none() && core.range.is_some() {
            value_max = core.range;
            qualifier = Qualifier::Range;
        }
        if core.value.is_zero() && core.end == i + 3 {
            value = Decimal::ZERO;
        }
        self.finish(i, k, value, value_max, unit.0.into(), unit.1, qualifier, core.decimals)
    }

    /// 三分之二 → 66.67 %.
    fn fraction(&self, i: usize, denom: &Core) -> Step {
        let Some(num) = self.core(denom.end + 2) else {
            return Step::Skip(denom.end + 2);
        };
        if denom.value.is_zero() {
            return Step::Skip(num.end);
        }
        let v = (num.value / denom.value * Decimal::ONE_HUNDRED).round_dp(2);
        self.finish(i, num.end, v, None, "%".into(), UnitClass::Percent, Qualifier::Exact, 2)
    }

    /// 翻一番 / 翻两番 / 翻了一番 → +100 % / +300 %.
    fn fan_fan(&self, i: usize) -> Step {
        let mut k = i + 1;
        if self.c(k) == Some('了') {
            k += 1;
        }
        let Some(n) = self.c(k).and_then(chinese::digit) else {
            return Step::Skip(i + 1);
        };
        if self.c(k + 1) != Some('番') || n == 0 || n > 6 {
            return Step::Skip(i + 1);
        }
        let v = Decimal::from((1u32 << n) - 1) * Decimal::ONE_HUNDRED;
        Step::Figure(Figure {
            start: i,
            end: k + 2,
            raw: text_of(&self.chars[i..k + 2]),
            value: v,
            value_max: None,
            unit: "%".into(),
            kind: Kind::ChangePct,
            qualifier: Qualifier::Exact,
            decimals: 0,
            num_start: k,
            num_end: k + 1,
            basis: None,
        })
    }
}

/// Whether `chars[vs..ve]` stands inside one of `phrases` (each tried at every place the word occurs in it).
fn in_phrase(chars: &[char], vs: usize, ve: usize, phrases: &[String]) -> bool {
    let word = &chars[vs..ve];
    phrases.iter().any(|p| {
        let pc: Vec<char> = p.chars().collect();
        (0..pc.len().saturating_sub(word.len()) + 1).any(|o| {
            pc[o..].starts_with(word)
                && vs >= o
                && chars.len() >= vs - o + pc.len()
                && chars[vs - o..vs - o + pc.len()] == pc[..]
        })
    })
}

/// The factor of the scale characters at the end of a scaled number (万 → 10000).
fn scale_of(core: &Core, tail: &[char]) -> Option<Decimal> {
    if !core.scaled {
        return None;
    }
    match tail {
        [.., '万', '亿'] => Some(Decimal::from(1_000_000_000_000u64)),
        [.., '亿'] => Some(Decimal::from(100_000_000u64)),
        [.., '万'] => Some(Decimal::from(10_000u64)),
        [.., '千'] => Some(Decimal::from(1_000u64)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
