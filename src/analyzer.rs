//! The pipeline for one document: structure → figures → subjects → (checks) → indicators.

use jieba_rs::Jieba;

use crate::dicts::Dicts;
use crate::figure::{Figure, Kind};
use crate::number::Recognizer;
use crate::subject::SubjectFinder;
use crate::period::{self, Status};
use crate::{Document, meta, text};

/// What to keep.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Also report years, dates and ordinals (typed as such).
    pub keep_non_indicators: bool,
}

/// One figure in its place: the row of the indicator table.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// The figure.
    pub figure: Figure,
    /// The thing measured.
    pub subject: String,
    /// Section path (`一、… > (一)…`).
    pub section: String,
    /// Code-point span of the sentence.
    pub sentence_span: (usize, usize),
    /// The sentence text.
    pub sentence: String,
    /// `consistent` | `inconsistent` | `unverifiable`, when checked.
    pub check: Option<String>,
    /// The formula or what is missing.
    pub check_detail: String,
    /// The year the figure is about (see [`period`]).
    pub ref_year: Option<i32>,
    /// Result or target.
    pub status: Status,
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocReport {
    /// Document name.
    pub doc: String,
    /// Region of the report.
    pub region: Option<String>,
    /// Year of the report.
    pub year: Option<i32>,
    /// Indicators in text order.
    pub indicators: Vec<Indicator>,
}

/// Built once, shared by all threads.
pub struct Analyzer {
    recognizer: Recognizer,
    jieba: Jieba,
    options: Options,
}

impl Analyzer {
    /// An analyzer with these word lists.
    pub fn new(dicts: Dicts, options: Options) -> Self {
        let mut jieba = Jieba::new();
        for line in dicts.user_words.lines() {
            let mut f = line.split_whitespace();
            let Some(word) = f.next() else { continue };
            if word.starts_with('#') {
                continue;
            }
            let freq = f.next().and_then(|s| s.parse().ok());
            let tag = f.next();
            jieba.add_word(word, freq, tag);
        }
        Analyzer { recognizer: Recognizer::new(dicts), jieba, options }
    }

    /// The figures of `text`, without subjects.
    pub fn figures(&self, text: &str) -> Vec<Figure> {
        self.recognizer.find(text, self.options.keep_non_indicators)
    }

    /// Analyzes one document.
    pub fn analyze(&self, doc: &Document) -> DocReport {
        let m = meta::detect(&doc.name, &doc.text);
        let report_kind = period::ReportKind::guess(m.report_type.as_deref(), &doc.name, &doc.text);
        let region = doc.region.clone().or(m.region);
        let year = doc.year.or(m.year);
        let structure = text::split(&doc.text);
        let figures = self.figures(&doc.text);
        let finder = SubjectFinder::new(&self.jieba);
        let mut indicators = Vec::with_capacity(figures.len());
        // Byte offsets of every char boundary are needed to slice; build lazily per sentence.
        let mut fi = 0;
        for sent in &structure.sentences {
            while fi < figures.len() && figures[fi].start < sent.start {
                // A figure before any sentence (should not happen) keeps an empty context.
                indicators.push(self.bare(&figures[fi]));
                fi += 1;
            }
            let first = fi;
            while fi < figures.len() && figures[fi].start < sent.end {
                fi += 1;
            }
            if first == fi {
                continue;
            }
            let sent_text = &doc.text[sent.byte_start..sent.byte_end];
            let sent_chars: Vec<(usize, char)> = sent_text.char_indices().collect();
            let slice = |a: usize, b: usize| -> &str {
                // a, b: absolute code points, clamped into the sentence.
                let a = a.clamp(sent.start, sent.end) - sent.start;
                let b = b.clamp(sent.start, sent.end) - sent.start;
                let ba = sent_chars.get(a).map_or(sent_text.len(), |x| x.0);
                let bb = sent_chars.get(b).map_or(sent_text.len(), |x| x.0);
                &sent_text[ba..bb.max(ba)]
            };
            let section = sent
                .section
                .and_then(|s| structure.sections.get(s))
                .map(|s| s.path.clone())
                .unwrap_or_default();
            let mut last_subject: Option<String> = None;
            let mut last_level_subject: Option<String> = None;
            for k in first..fi {
                let f = &figures[k];
                let clause = sent
                    .clauses
                    .iter()
                    .find(|c| c.start <= f.start && f.start < c.end.max(c.start + 1))
                    .map(|c| (c.start, c.end))
                    .unwrap_or((sent.start, sent.end));
                let prev_end = if k > first { figures[k - 1].end } else { 0 };
                let next_start = if k + 1 < fi { figures[k + 1].start } else { usize::MAX };
                let before = slice(clause.0.max(prev_end), f.start);
                // `6方面37个问题`: a figure right before another shares what follows the second.
                let after = if next_start == f.end {
                    let after_next = if k + 2 < fi { figures[k + 2].start } else { usize::MAX };
                    slice(figures[k + 1].end, clause.1.max(f.end).min(after_next))
                } else {
                    slice(f.end, clause.1.max(f.end).min(next_start))
                };
                let own = finder.subject(before, after);
                let subject = match own {
                    Some(s) => s,
                    None => {
                        let inherited = if f.kind.is_change() { last_level_subject.clone() } else { None };
                        inherited.or_else(|| last_subject.clone()).unwrap_or_default()
                    }
                };
                if !subject.is_empty() {
                    last_subject = Some(subject.clone());
                    if !f.kind.is_change() {
                        last_level_subject = Some(subject.clone());
                    }
                }
                indicators.push(Indicator {
                    figure: f.clone(),
                    subject,
                    section: section.clone(),
                    sentence_span: (sent.start, sent.end),
                    sentence: sent_text.to_string(),
                    check: None,
                    check_detail: String::new(),
                    ref_year: None,
                    status: Status::Actual,
                });
            }
        }
        for f in &figures[fi..] {
            indicators.push(self.bare(f));
        }
        period::assign(&mut indicators, &doc.text, year, report_kind);
        DocReport { doc: doc.name.clone(), region, year, indicators }
    }

    fn bare(&self, f: &Figure) -> Indicator {
        Indicator {
            figure: f.clone(),
            subject: String::new(),
            section: String::new(),
            sentence_span: (f.start, f.end),
            sentence: f.raw.clone(),
            check: None,
            check_detail: String::new(),
            ref_year: None,
            status: Status::Actual,
        }
    }
}

/// Whether a kind of figure is a stated percentage that a check can look at.
pub fn is_checkable(kind: Kind) -> bool {
    matches!(kind, Kind::Percent | Kind::ChangePct | Kind::ChangePp)
}
