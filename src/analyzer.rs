//! The pipeline for one document: structure → figures → subjects → (checks) → indicators.

use jieba_rs::Jieba;
use rayon::prelude::*;

use crate::dicts::Dicts;
use crate::figure::{Figure, Kind, YearAt};
use crate::link::{self, Relation};
use crate::number::Recognizer;
use crate::period::{self, Status};
use crate::subject::SubjectFinder;
use crate::verify::{self, Finding, Verdict};
use crate::{Document, meta, text};

/// What to keep.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Also report years, dates and ordinals (typed as such).
    pub keep_non_indicators: bool,
    /// Leave subjects empty: jieba's dictionary is then never loaded, which saves its start-up cost when
    /// only the figures and their checks are wanted.
    pub no_subjects: bool,
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
    /// The verdict of its check, when it is a stated percentage (see [`crate::verify`]).
    pub check: Option<Verdict>,
    /// The formula or what is missing.
    pub check_detail: String,
    /// The year the figure is about (see [`period`]).
    pub ref_year: Option<i32>,
    /// Result or target.
    pub status: Status,
    /// The span of years it covers, for an average, a total or a change over several years.
    pub span: Option<period::Span>,
    /// Where it stands in a table, when it is a table's cell.
    pub cell: Option<TableRef>,
}

/// Where a figure stands in a table: what a user finds it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRef {
    /// The table: its number (`表2`), else `#N`, its place among the report's tables.
    pub table: String,
    /// The row's label, under its parent's for a sub-row (`出口额 > 一般贸易`).
    pub row: String,
    /// The column's header (`比上年增长（%）`).
    pub column: String,
}

/// What the header model says of a table cell's figure (see [`crate::table`]).
#[derive(Debug, Clone)]
struct CellInfo {
    subject: String,
    ref_year: Option<i32>,
    row_span: (usize, usize),
    at: TableRef,
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
    /// How the indicators belong together (indices into `indicators`), from the link stage.
    pub relations: Vec<Relation>,
    /// What the check of each stated percentage found, in text order.
    pub findings: Vec<Finding>,
    /// Code points of the file's text before this report's, when a file holds several (see
    /// [`Document::offset`]): output adds it to every offset.
    pub offset: usize,
}

/// A document halfway through [`Analyzer::analyze`]: read, its figures found, its text split; no subject yet.
#[derive(Debug)]
pub struct Prepared {
    /// The document.
    pub doc: Document,
    parts: Parts,
}

#[derive(Debug)]
struct Parts {
    report_kind: period::ReportKind,
    region: Option<String>,
    year: Option<i32>,
    /// The figures that are rows, in text order.
    figures: Vec<Figure>,
    /// For each figure, what its table says of it when it is a table's cell.
    cells: Vec<Option<Box<CellInfo>>>,
    /// Years, dates and ordinals the number layer typed, in text order: what the link and period stages read.
    mentions: Vec<Figure>,
    structure: text::Structure,
}

/// A piece of the analysis: one sentence with its figures and mentions, or a figure outside every sentence.
enum Segment {
    Sentence {
        sentence: usize,
        figures: std::ops::Range<usize>,
        mentions: std::ops::Range<usize>,
    },
    Stray(usize),
    /// A table's cell, in a sentence (its row).
    Cell(usize, usize),
}

/// Built once, shared by all threads.
pub struct Analyzer {
    recognizer: Recognizer,
    /// The canonical names of the count units (个, 件, 人 …): what a count after a number counts.
    count_units: Vec<String>,
    verify: verify::VerifyLex,
    links: link::LinkLex,
    periods: period::PeriodLex,
    /// Loaded on first use: a run that needs no subject never pays for jieba's dictionary.
    jieba: std::sync::OnceLock<Jieba>,
    user_words: String,
    options: Options,
}

impl Analyzer {
    /// An analyzer with these word lists.
    pub fn new(dicts: Dicts, options: Options) -> Self {
        let user_words = dicts.user_words.clone();
        let periods = period::PeriodLex::new(&dicts);
        let links = link::LinkLex::new(&dicts);
        let verify = verify::VerifyLex::new(&dicts);
        let count_units = dicts.unit_names(crate::dicts::UnitClass::Count);
        Analyzer {
            recognizer: Recognizer::new(dicts),
            count_units,
            verify,
            links,
            periods,
            jieba: std::sync::OnceLock::new(),
            user_words,
            options,
        }
    }

    /// The shared segmenter with the user words, built on first use.
    fn jieba(&self) -> &Jieba {
        self.jieba.get_or_init(|| {
            let mut jieba = Jieba::new();
            for (word, freq, tag) in crate::dicts::user_word_entries(&self.user_words) {
                jieba.add_word(word, freq, tag);
            }
            jieba
        })
    }

    /// The figures of `text` (the rows of the table: with `keep_non_indicators`, years, dates and ordinals
    /// too), and the years, dates and ordinals stated in it, each in text order.
    fn figures_and_mentions(&self, text: &str) -> (Vec<Figure>, Vec<Figure>) {
        let mut all = self.figures_with(text, true);
        // The scan's order is text order but for a basis phrase that reaches back over a year (比2010年增长):
        // order by start.
        all.sort_by_key(|f| (f.start, f.end));
        let mentions: Vec<Figure> = all.iter().filter(|f| !f.kind.is_indicator()).cloned().collect();
        if !self.options.keep_non_indicators {
            all.retain(|f| f.kind.is_indicator());
        }
        (all, mentions)
    }

    /// The figures of `text`, without subjects. A large text is searched in parallel, in pieces cut at line
    /// breaks.
    pub fn figures(&self, text: &str) -> Vec<Figure> {
        self.figures_with(text, self.options.keep_non_indicators)
    }

    fn figures_with(&self, text: &str, keep: bool) -> Vec<Figure> {
        if text.len() < PARALLEL_BYTES {
            return self.recognizer.find(text, keep);
        }
        let pieces = pieces_at_line_breaks(text, PARALLEL_BYTES / 4);
        let found: Vec<Vec<Figure>> = pieces
            .par_iter()
            .map(|&(b0, b1, c0)| {
                let mut v = self.recognizer.find(&text[b0..b1], keep);
                for f in &mut v {
                    f.start += c0;
                    f.end += c0;
                    f.num_start += c0;
                    f.num_end += c0;
                }
                v
            })
            .collect();
        found.into_iter().flatten().collect()
    }

    /// Analyzes one document.
    pub fn analyze(&self, doc: &Document) -> DocReport {
        let parts = self.prepare_parts(doc);
        self.finish_parts(doc, parts)
    }

    /// The first half of [`Analyzer::analyze`], which never needs jieba: metadata, figures and text
    /// structure. Runs while the segmenter loads (see [`Analyzer::warm_up`]).
    pub fn prepare(&self, doc: Document) -> Prepared {
        let parts = self.prepare_parts(&doc);
        Prepared { doc, parts }
    }

    /// The second half: subjects, periods. Gives what [`Analyzer::analyze`] gives for the same document.
    pub fn finish(&self, prepared: Prepared) -> DocReport {
        self.finish_parts(&prepared.doc, prepared.parts)
    }

    /// Loads jieba's dictionary and its model for guessing the part of speech of a word it does not know now,
    /// rather than on the first figure that needs them. Does nothing when subjects are not wanted.
    pub fn warm_up(&self) {
        self.load_segmenter();
        self.load_pos_model();
    }

    /// Loads jieba's dictionary (about 0.1 s): the part of [`Analyzer::warm_up`] that workers wait for.
    pub fn load_segmenter(&self) {
        if !self.options.no_subjects {
            self.jieba();
        }
    }

    /// Loads the model jieba guesses unknown words' parts of speech with (about 0.03 s; it is shared by all
    /// segmenters, so it can load on another thread while the dictionary does).
    pub fn load_pos_model(&self) {
        if !self.options.no_subjects {
            // With no dictionary every word is unknown: tagging one loads the model.
            Jieba::empty().tag("亘富", true);
        }
    }

    /// Every check of a report with the interval each stated figure's precision allows (what `zhibiao verify`
    /// lists).
    pub fn checks(&self, report: &DocReport) -> Vec<verify::Check> {
        verify::checks(&self.verify, report)
    }

    /// Whether jieba's dictionary is loaded (always true when subjects are not wanted).
    pub fn warmed_up(&self) -> bool {
        self.options.no_subjects || self.jieba.get().is_some()
    }

    fn prepare_parts(&self, doc: &Document) -> Parts {
        let m = meta::detect(&doc.name, &doc.text);
        let report_kind = m.kind;
        let region = doc.region.clone().or(m.region);
        let year = doc.year.or(m.year);
        let (figures, mentions) = self.figures_and_mentions(&doc.text);
        let tables = doc.tables(&self.recognizer.dicts().table);
        let (figures, cells) = self.with_cells(figures, &tables, year);
        let starts: Vec<usize> = figures.iter().map(|f| f.start).collect();
        // Rows and title lines are no headings.
        let rows: Vec<(usize, usize)> = tables
            .iter()
            .flat_map(|t| t.title_span.into_iter().chain(t.rows.iter().map(|r| (r.start, r.end))))
            .collect();
        let structure = text::split_with_rows(&doc.text, &starts, &rows);
        Parts { report_kind, region, year, figures, cells, mentions, structure }
    }

    /// The figures of the text with those in tables' rows replaced by the tables' numeric cells, read with
    /// their headers, in text order; and what each cell's table says of it.
    fn with_cells(
        &self,
        figures: Vec<Figure>,
        tables: &[crate::document::Table],
        doc_year: Option<i32>,
    ) -> (Vec<Figure>, Vec<Option<Box<CellInfo>>>) {
        if tables.is_empty() {
            let n = figures.len();
            return (figures, vec![None; n]);
        }
        let words = &self.recognizer.dicts().table;
        let mut scales: rustc_hash::FxHashMap<String, (rust_decimal::Decimal, String)> = Default::default();
        let mut cells: Vec<(Figure, Box<CellInfo>)> = Vec::new();
        for (i, t) in tables.iter().enumerate() {
            for c in crate::table::cell_figures(t, i + 1, words, doc_year) {
                let (factor, unit) = scales.entry(c.unit.clone()).or_insert_with(|| self.unit_scale(&c.unit)).clone();
                let num_chars = c.cell.text[c.num.0..c.num.1].chars().count();
                let lead = c.cell.text[..c.num.0].chars().count();
                let figure = Figure {
                    start: c.cell.start,
                    end: c.cell.end,
                    raw: c.cell.text.clone(),
                    value: c.value * factor,
                    value_max: None,
                    unit,
                    kind: c.kind,
                    qualifier: crate::figure::Qualifier::Exact,
                    decimals: c.decimals,
                    num_start: c.cell.start + lead,
                    num_end: c.cell.start + lead + num_chars,
                    basis: c.basis,
                };
                let at = TableRef { table: c.table, row: c.row, column: c.column };
                cells.push((
                    figure,
                    Box::new(CellInfo { subject: c.subject, ref_year: c.ref_year, row_span: c.row_span, at }),
                ));
            }
        }
        // The text's figures outside every row, and the cells, merged in text order.
        let rows: Vec<(usize, usize)> = tables.iter().flat_map(|t| t.rows.iter().map(|r| (r.start, r.end))).collect();
        let mut r = 0;
        let mut out: Vec<(Figure, Option<Box<CellInfo>>)> = Vec::with_capacity(figures.len() + cells.len());
        for f in figures {
            while r < rows.len() && rows[r].1 <= f.start {
                r += 1;
            }
            if rows.get(r).is_some_and(|&(a, b)| a <= f.start && f.start < b) {
                continue;
            }
            out.push((f, None));
        }
        out.extend(cells.into_iter().map(|(f, c)| (f, Some(c))));
        out.sort_by_key(|(f, _)| (f.start, f.end));
        out.into_iter().unzip()
    }

    /// What a number in `unit` is multiplied by to be in the base unit, and the base unit (`亿元` → 10⁸, `元`),
    /// as the number layer reads `1亿元`; a unit it does not know stays as stated.
    fn unit_scale(&self, unit: &str) -> (rust_decimal::Decimal, String) {
        use rust_decimal::Decimal;
        if unit.is_empty() || unit == "%" {
            return (Decimal::ONE, unit.to_string());
        }
        let probe = format!("1{unit}");
        let found = self.recognizer.find(&probe, false);
        match found.as_slice() {
            [f] if f.raw == probe && f.kind == Kind::Quantity && !f.value.is_zero() => (f.value, f.unit.clone()),
            _ => (Decimal::ONE, unit.to_string()),
        }
    }

    fn finish_parts(&self, doc: &Document, parts: Parts) -> DocReport {
        let Parts { report_kind, region, year, mut figures, cells, mentions, structure } = parts;
        // Each sentence with the figures that start in it (sentences are independent of one another), and the
        // figures outside every sentence (should not happen), in text order.
        let mut work: Vec<Segment> = Vec::new();
        let mut fi = 0;
        let mut mi = 0;
        for (si, sent) in structure.sentences.iter().enumerate() {
            while fi < figures.len() && figures[fi].start < sent.start {
                work.push(Segment::Stray(fi));
                fi += 1;
            }
            let first = fi;
            while fi < figures.len() && figures[fi].start < sent.end {
                fi += 1;
            }
            while mi < mentions.len() && mentions[mi].start < sent.start {
                mi += 1;
            }
            let m0 = mi;
            while mi < mentions.len() && mentions[mi].start < sent.end {
                mi += 1;
            }
            if first < fi && cells[first..fi].iter().any(Option::is_some) {
                work.extend(
                    (first..fi).map(|k| if cells[k].is_some() { Segment::Cell(k, si) } else { Segment::Stray(k) }),
                );
            } else if first < fi {
                work.push(Segment::Sentence { sentence: si, figures: first..fi, mentions: m0..mi });
            }
        }
        work.extend((fi..figures.len()).map(Segment::Stray));
        let run = |seg: &Segment| match seg {
            Segment::Sentence { sentence, figures: range, mentions: ms } => self.sentence_indicators(
                &doc.text,
                &structure,
                &structure.sentences[*sentence],
                &figures[range.clone()],
                range.start,
                &mentions[ms.clone()],
            ),
            Segment::Stray(k) => (vec![self.bare(&figures[*k])], Vec::new()),
            Segment::Cell(k, si) => {
                let info = cells[*k].as_deref().expect("a cell segment is a cell");
                let sent = &structure.sentences[*si];
                let section =
                    sent.section.and_then(|s| structure.sections.get(s)).map(|s| s.path.clone()).unwrap_or_default();
                let ind = Indicator {
                    figure: Figure::placeholder(),
                    subject: info.subject.clone(),
                    section,
                    sentence_span: info.row_span,
                    sentence: doc.text[sent.byte_start..sent.byte_end].to_string(),
                    check: None,
                    check_detail: String::new(),
                    ref_year: None,
                    status: Status::Actual,
                    span: None,
                    cell: Some(info.at.clone()),
                };
                (vec![ind], Vec::new())
            }
        };
        let per_sentence: Vec<(Vec<Indicator>, Vec<Relation>)> = if doc.text.len() < PARALLEL_BYTES {
            work.iter().map(run).collect()
        } else {
            work.par_iter().map(run).collect()
        };
        let mut indicators: Vec<Indicator> = Vec::with_capacity(figures.len());
        let mut relations: Vec<Relation> = Vec::new();
        for (inds, rels) in per_sentence {
            indicators.extend(inds);
            relations.extend(rels);
        }
        // Each indicator takes its figure (they come in text order, as the figures do), rather than a copy.
        for (ind, f) in indicators.iter_mut().zip(figures.iter_mut()) {
            if ind.figure.raw.is_empty() {
                ind.figure = std::mem::replace(f, Figure::placeholder());
            }
        }
        let placed: Vec<period::Placed> = indicators
            .iter()
            .map(|i| period::Placed {
                figure: &i.figure,
                sentence: &i.sentence,
                sentence_span: i.sentence_span,
                section: &i.section,
            })
            .collect();
        let periods = period::periods(
            &self.periods,
            &placed,
            &doc.text,
            &YearAt::all(&mentions),
            &YearAt::spans(&mentions),
            year,
            report_kind,
        );
        for ((ind, p), cell) in indicators.iter_mut().zip(periods).zip(&cells) {
            ind.ref_year = p.ref_year;
            ind.status = p.status;
            ind.span = p.span;
            // A cell's year is its column's or its table's; it is stated, not planned, and of one year.
            if let Some(c) = cell {
                ind.ref_year = c.ref_year.or(p.ref_year);
                ind.status = Status::Actual;
                ind.span = None;
            }
        }
        let findings = verify::findings(&self.verify, &indicators, &relations);
        for f in &findings {
            let ind = &mut indicators[f.index];
            ind.check = Some(f.verdict);
            ind.check_detail.clone_from(&f.detail);
        }
        DocReport { doc: doc.name.clone(), region, year, indicators, relations, findings, offset: doc.offset }
    }

    /// The name of a count done for or to the things it counts (`为31家企业提供法律托管`): when a preposition of
    /// `object_preps` ends the text before the figure and what follows the counted noun `named` in the rest of
    /// the sentence (`after`) is a verb and its object closing the clause, the act qualifies the noun: the object alone after a light verb
    /// (法律托管企业, “全代办”服务项目), else the whole act with 的 (下放省级用地审批权的市).
    fn by_act<'s>(
        &self,
        f: &Figure,
        before: &str,
        after: impl FnOnce() -> &'s str,
        named: &str,
        finder: Option<&SubjectFinder>,
    ) -> Option<String> {
        let dicts = self.recognizer.dicts();
        let sw = &dicts.subject;
        let units_count = self.count_units.contains(&f.unit) || sw.person_units.has(&f.unit);
        let before = before.trim_end();
        if !units_count || !sw.object_preps.iter().any(|p| before.ends_with(p)) {
            return None;
        }
        // The rest of the sentence is sliced only here: most counts follow no preposition.
        let after = after().trim_start();
        let act = after.strip_prefix(named)?;
        let end = act.find(|c: char| !crate::verify::is_cjk(c) && !matches!(c, '“' | '”')).unwrap_or(act.len());
        // The act closes the clause: a list going on (`提供就业、择业和流动服务`) is not cut.
        if end < act.len() && !act[end..].starts_with(['，', ',', '。', '；', ';', '：', ':', '！', '？']) {
            return None;
        }
        let act = &act[..end];
        let n = act.chars().count();
        let of = sw.possessive.iter().next().unwrap_or("的");
        if !(2..=12).contains(&n)
            || act.contains(of)
            || dicts.number.change_verbs.iter().any(|(w, _)| act.starts_with(w))
        {
            return None;
        }
        let verb = finder?.verb_after(&after[..named.len() + act.len()], named)?;
        let object = &act[verb..];
        // People are named by what they received in full (提供生活补助的义务教育寄宿生); things by the service.
        let people = sw.person_nouns.iter().any(|w| named.ends_with(w)) || sw.person_units.has(&f.unit);
        if sw.light_verbs.has(&act[..verb]) && object.chars().count() >= 2 && !people {
            Some(format!("{object}{named}"))
        } else {
            Some(format!("{act}{of}{named}"))
        }
    }

    /// The verb of `确保事项100%办结`: what stands after a percentage up to the end of its clause, when that is
    /// one or two Chinese characters and no change verb, qualifier or unit (`增长` makes a change, `的县` a
    /// share of counties).
    fn verb_rate<'t>(&self, f: &Figure, after: &'t str) -> Option<&'t str> {
        if f.kind != Kind::Percent {
            return None;
        }
        let dicts = self.recognizer.dicts();
        let end = after.find(|c: char| !crate::verify::is_cjk(c)).unwrap_or(after.len());
        let (verb, rest) = after.split_at(end);
        let n = verb.chars().count();
        let closes = rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
        let plain = !dicts.number.change_verbs.iter().any(|(w, _)| verb.starts_with(w))
            && !dicts.subject.possessive.iter().any(|w| verb.contains(w))
            && dicts.unit_at(&verb.chars().collect::<Vec<_>>(), 0).is_none();
        ((1..=2).contains(&n) && closes && plain).then_some(verb)
    }

    /// The indicators of one sentence and the relations between its figures: each figure with its subject,
    /// inherited along the relations of the link stage.
    fn sentence_indicators(
        &self,
        text: &str,
        structure: &text::Structure,
        sent: &text::Sentence,
        figs: &[Figure],
        offset: usize,
        mentions: &[Figure],
    ) -> (Vec<Indicator>, Vec<Relation>) {
        let dicts = self.recognizer.dicts();
        let sent_text = &text[sent.byte_start..sent.byte_end];
        // The link stage needs the sentence's characters only where a figure is a change or a percentage, or
        // a 分别 lists levels.
        let relations = if figs.iter().any(|f| f.kind.is_change() || f.kind == Kind::Percent)
            || (figs.len() >= 2 && self.links.distributive_in(sent_text).is_some())
        {
            let years = YearAt::all(mentions);
            let view = link::SentenceText::new(sent_text, sent.start, figs.iter().collect(), offset);
            link::sentence_relations(&self.links, &view, &years)
        } else {
            Vec::new()
        };
        let finder = (!self.options.no_subjects).then(|| SubjectFinder::new(self.jieba(), &dicts.subject));
        let subject_for = |before: &str, after: &str, people: bool| {
            finder.as_ref().and_then(|f| f.subject_counting(before, after, people))
        };
        let mut out: Vec<Indicator> = Vec::with_capacity(figs.len());
        let (first, fi) = (0, figs.len());
        let cursor = CharCursor { s: sent_text, at: std::cell::Cell::new((0, 0)) };
        let slice = |a: usize, b: usize| -> &str {
            // a, b: absolute code points, clamped into the sentence.
            let a = a.clamp(sent.start, sent.end) - sent.start;
            let b = b.clamp(sent.start, sent.end) - sent.start;
            let ba = cursor.byte(a);
            let bb = cursor.byte(b);
            &sent_text[ba..bb.max(ba)]
        };
        let section = sent.section.and_then(|s| structure.sections.get(s)).map(|s| s.path.clone()).unwrap_or_default();
        // What the link stage says of each figure of the sentence: the level a change qualifies, and the names a
        // list gives its members.
        let mut level_of: Vec<Option<usize>> = vec![None; figs.len()];
        let mut listed: Vec<Option<(usize, usize)>> = vec![None; figs.len()];
        for (r, rel) in relations.iter().enumerate() {
            match rel {
                Relation::ChangeOf { change, level } => level_of[change - offset] = Some(level - offset),
                Relation::List { members, .. } => {
                    for (i, m) in members.iter().enumerate() {
                        listed[m - offset] = Some((r, i));
                    }
                }
                _ => {}
            }
        }
        // The last earlier figure of the sentence with a subject, as an index into `out`.
        let mut last_subject: Option<usize> = None;
        let mut list_names: Vec<String> = Vec::new();
        let whole_names: std::cell::OnceCell<Vec<(usize, usize)>> = std::cell::OnceCell::new();
        // The measure the last member of a kind was named with (增加值), and the kind of its figure.
        let mut carried_measure: Option<(String, Kind)> = None;
        for k in first..fi {
            let f = &figs[k];
            let people = dicts.subject.person_units.has(&f.unit);
            let subject_of = |before: &str, after: &str| subject_for(before, after, people);
            let clause = sent
                .clauses
                .iter()
                .find(|c| c.start <= f.start && f.start < c.end.max(c.start + 1))
                .map(|c| (c.start, c.end))
                .unwrap_or((sent.start, sent.end));
            let prev_end = if k > first { figs[k - 1].end } else { 0 };
            let next_start = if k + 1 < fi { figs[k + 1].start } else { usize::MAX };
            // A subject sits near its number: segment at most this many characters on each side.
            const REACH: usize = 40;
            let mut lo = clause.0.max(prev_end).max(f.start.saturating_sub(REACH));
            // `计算机、通信和其他电子设备制造业增长11.8%`: a whole name holding the 、 that opened the clause reaches
            // back over it.
            if lo == clause.0
                && let Some(&(a, _)) = whole_names
                    .get_or_init(|| whole_names_in(&dicts.subject.whole_names, sent_text, sent.start))
                    .iter()
                    .find(|&&(a, b)| a < lo && lo < b && b <= f.start && a >= prev_end)
            {
                lo = a;
            }
            let before = slice(lo, f.start);
            // `排放总量…，比上年分别下降3.14％和4.66％`: a basis parted from its verb by 分别 names no subject.
            let before = f.before_basis(before, dicts.number.distributive.iter());
            // `6方面37个问题`: a figure right before another shares what follows the second.
            let after = if next_start == f.end {
                let after_next = if k + 2 < fi { figs[k + 2].start } else { usize::MAX };
                slice(figs[k + 1].end, clause.1.max(f.end).min(after_next))
            } else {
                slice(f.end, clause.1.max(f.end).min(next_start).min(f.end + REACH))
            };
            // `116个国家和地区近4000名运动员参赛`, `810个省重点项目完成投资10428.6亿元`: the words right after a count
            // name what it counts; what follows them before this figure is this figure's own, and a short
            // verb and object there (完成投资) measure the same things.
            let mut before = before;
            let mut counted: Option<&str> = None;
            if k > first
                && prev_end >= clause.0
                && figs[k - 1].kind == Kind::Quantity
                && self.count_units.contains(&figs[k - 1].unit)
            {
                let named = out[k - 1].subject.as_str();
                if !named.is_empty()
                    && let Some(rest) = before.strip_prefix(named)
                {
                    // `4个律师团体和36名法律顾问`: a joiner after the name joins two counts of their own.
                    let r = rest.trim();
                    // `十五个港口建设一百三十二个深水泊位`: nor is the act the count of the name was named without.
                    // `29个行业中20个行业`, `31个工业行业大类中有18个`: nor a locative after the name, with a word of
                    // having or none, that puts the second count among the first.
                    let among = dicts
                        .subject
                        .noun_stops
                        .iter()
                        .any(|w| r.strip_prefix(w).is_some_and(|h| h.is_empty() || dicts.subject.lead.has(h)));
                    let joined = r.is_empty()
                        || among
                        || self.links.joins(r, false)
                        || dicts.subject.possessive.has(r)
                        || dicts.subject.count_acts.has(r);
                    before = if joined { "" } else { rest };
                    counted = (!joined && rest.chars().count() <= 8).then_some(named);
                }
            }
            // `7方面29项重点任务`: a count right before another counts what the second one names.
            let own = if next_start == f.end && !f.kind.is_change() {
                subject_of("", after)
                    .map(|s| {
                        // `推动解决6方面37个问题`: a count of aspects names the aspects of what the next one counts.
                        if dicts.subject.dimension_units.has(&f.unit) { format!("{s}{}", f.unit) } else { s }
                    })
                    .or_else(|| subject_of(before, ""))
            } else if let Some(named) = counted {
                subject_of(before, "").map(|s| format!("{named}{s}")).or_else(|| subject_of("", after))
            } else {
                subject_of(before, after)
            };
            // `我国有13亿人口`: a unit of people that opens a noun naming people (人 of 人口) leaves the rest of the
            // noun after the figure; the noun is the name when nothing before names one.
            let own = own.or_else(|| {
                let unit = f.raw.chars().last().filter(|_| people)?;
                let rest = after.chars().next()?;
                let noun: String = [unit, rest].iter().collect();
                dicts.subject.person_nouns.has(&noun).then(|| subject_of("", &format!("{unit}{after}"))).flatten()
            });
            // `启动水源地项目，完成9.2公里的城区供水主管网改造`: a count or amount nothing before names is named by
            // 的 and the noun after it, before it inherits anything.
            let own = own.or_else(|| {
                (f.kind == Kind::Quantity && f.unit != "%")
                    .then(|| finder.as_ref().and_then(|fd| fd.named_after_possessive(after, people)))
                    .flatten()
            });
            // `民间投资增速高于全国8.5个百分点`: a comparison names the indicator before it, or the one of the
            // figure before.
            let own = own.and_then(|s| match dicts.subject.comparison_words.iter().filter_map(|w| s.find(w)).min() {
                Some(i) => {
                    let mut named = &s[..i];
                    while let Some(w) = dicts.subject.degree_words.iter().find(|w| named.ends_with(*w)) {
                        named = &named[..named.len() - w.len()];
                    }
                    (named.chars().count() >= 2).then(|| named.to_string())
                }
                None => Some(s),
            });
            // `比上年（31.7%）下降3.9个百分点`: the opener of a comparison before a figure in parentheses names nothing.
            let own = own.filter(|s| !dicts.subject.comparison_openers.has(s));
            // `（按年平均汇率折算为16381美元）`, `节约能源折合标准煤１．６亿吨`: a value restated in another unit is named by
            // what stands before the restating word, if anything but its basis (按…汇率), else by the figure before.
            let own = own.and_then(|s| match dicts.subject.conversions.iter().filter_map(|w| s.find(w)).min() {
                Some(i) => {
                    let named = &s[..i];
                    let basis = dicts.subject.conversion_bases.iter().any(|w| named.starts_with(w));
                    (named.chars().count() >= 2 && !basis).then(|| named.to_string())
                }
                None => Some(s),
            });
            // `城镇人口836.07万人，占总人口比重87.3%`: a share stated after a level is the level's share.
            // Only when nothing but the share stands in its clause before the figure, and the level is no share.
            let share = (f.kind == Kind::Percent && prev_end <= clause.0)
                .then(|| slice(clause.0, f.start).trim_start())
                .filter(|c| dicts.verify.share_markers.iter().any(|m| c.starts_with(m)))
                .and_then(|c| {
                    // The level may be named by its change alone (`装备制造业增加值比上年增长7.7%，占…比重为34.6%`).
                    let level = out.last().map(|o| o.subject.as_str()).filter(|s| !s.is_empty())?;
                    if dicts.verify.share_markers.iter().any(|m| level.contains(m)) {
                        return None;
                    }
                    let mut c = c.to_string();
                    let tails = [
                        &dicts.subject.rate_tails,
                        &dicts.number.link_words,
                        &dicts.subject.possessive,
                        &dicts.subject.span_openers,
                    ];
                    loop {
                        let Some(w) = tails.iter().flat_map(|l| l.iter()).find(|w| c.ends_with(*w)) else { break };
                        c.truncate(c.len() - w.len());
                    }
                    if c.chars().count() < 2 {
                        return None;
                    }
                    // `占全市进出口总额的41.7%`: the whole named without its share noun takes 比重.
                    if !dicts.subject.share_nouns.iter().any(|n| c.contains(n)) {
                        c.push_str(dicts.subject.share_nouns.iter().next().unwrap_or_default());
                    }
                    Some(format!("{level}{c}"))
                });
            let own = share.or(own);
            // `69.5%的企业具有射频识别设备`, `在70%左右的地市开展分级诊疗试点`: a percentage of a group that does
            // something is named by the act and the group.
            let own = match own {
                None if f.kind == Kind::Percent => finder.as_ref().and_then(|fd| fd.share_of_group(after)),
                other => other,
            };
            // `为31家企业提供法律托管`, `向8个市下放省级用地审批权`: a count after a preposition of whom an act is done for
            // counts them by that act (法律托管企业, 下放省级用地审批权的市).
            let own = match own {
                // Only where the act closes the clause: a figure after it (`发放资助金5637.2万元`) is the act's own.
                Some(s) if f.kind == Kind::Quantity && next_start >= clause.1 => {
                    Some(self.by_act(f, before, || slice(f.end, sent.end), &s, finder.as_ref()).unwrap_or(s))
                }
                other => other,
            };
            // `确保疑难诉求100%响应，事项100%办结`: a percentage followed only by a verb closing its clause is the
            // rate of that verb's act on the noun before it (疑难诉求响应率, 事项办结率).
            let own = own.map(|s| match self.verb_rate(f, after) {
                Some(verb)
                    if !dicts.subject.rate_ends.ends(&s) && finder.as_ref().is_some_and(|f| f.is_one_verb(verb)) =>
                {
                    format!("{s}{verb}{}", dicts.subject.verb_rate)
                }
                _ => s,
            });
            let mut subject = match own {
                // `覆盖384人次`, `累计办理14621件`: a count named only by its verb, closing its clause, is named by the
                // measure of its unit (覆盖人次, 办理件数); not where words after it say more (`改造约1亿人居住的…`) or a
                // verb of reaching or 为 puts it as a level (`由51家整合为33家`).
                Some(s)
                    if f.kind == Kind::Quantity
                        && dicts.subject.unit_measures.get(&f.unit).is_some()
                        && after.trim().chars().next().is_none_or(|c| !crate::verify::is_cjk(c))
                        && !dicts.subject.reach_words.iter().any(|w| before.trim_end().ends_with(w))
                        && !dicts.subject.object_preps.iter().any(|w| before.trim_end().ends_with(w))
                        && finder.as_ref().is_some_and(|fd| fd.is_bare_verb(&s)) =>
                {
                    let m = dicts.subject.unit_measures.get(&f.unit).map_or("", String::as_str);
                    let named = if s.ends_with(m) { s } else { format!("{s}{m}") };
                    // `发生道路交通事故82起，死亡48人`: people counted by what befell them in the events counted just
                    // before are those events' (道路交通事故死亡人数).
                    match last_subject.filter(|&i| i + 1 == k) {
                        Some(i)
                            if people
                                && !out[i].subject.is_empty()
                                && !dicts.subject.person_units.has(&figs[i].unit)
                                && dicts.subject.unit_measures.get(&figs[i].unit).is_some() =>
                        {
                            format!("{}{named}", out[i].subject)
                        }
                        _ => named,
                    }
                }
                Some(s) => s,
                None => {
                    // A change takes the subject of the level it changes; anything else, or a change of a level
                    // that names nothing, the last subject of the sentence.
                    let level = level_of[k].map(|l| &out[l].subject).filter(|s| !s.is_empty());
                    let inherited = level.or(last_subject.map(|i| &out[i].subject)).cloned();
                    inherited.unwrap_or_else(|| {
                        // `人工草场面积，计划由…增加到…`: the first figure of a sentence whose own clause names
                        // nothing takes the noun phrase that ends the clause before it.
                        sent.clauses
                            .iter()
                            .rev()
                            .find(|c| c.end <= clause.0)
                            .filter(|_| k == first)
                            .and_then(|c| subject_of(slice(c.start, c.end), ""))
                            .unwrap_or_default()
                    })
                }
            };
            // 分别: `82起，死亡48人，同比分别下降8.89%、7.69%` and `能源和电力消耗分别比上年下降5.63%和5.75%`
            // give each member of a list its own subject, in order: the names its head lists, else the subjects
            // of the levels it distributes over.
            if let Some((r, i)) = listed[k] {
                if i == 0 {
                    list_names.clear();
                    if let Relation::List { members, head, over } = &relations[r] {
                        let tail = head.rsplit(['，', ',', '；', '：']).next().unwrap_or(head);
                        // `体育娱乐用品类、家用电器和音像器材类`: no item is split inside a whole name (`whole_names`).
                        let masked = mask_whole_names(&dicts.subject.whole_names, tail);
                        let mut items: Vec<String> = self
                            .links
                            .split_items(&masked, members.len())
                            .into_iter()
                            .map(unmask_whole_names)
                            .collect();
                        // `城乡居民人均可支配收入分别增长4.4%、5.6%`: one word names the members (城镇, 农村); one that
                        // lists them itself (第一、二、三产业) does whatever the split gives.
                        if let Some((w, parts)) = dicts
                            .subject
                            .list_pairs
                            .iter()
                            .find(|(w, parts)| parts.len() == members.len() && tail.contains(*w))
                            .filter(|(w, _)| items.len() != members.len() || w.contains('、'))
                        {
                            items = parts.iter().map(|p| tail.replacen(w, p, 1)).collect();
                        }
                        let items: Vec<&str> = items.iter().map(String::as_str).collect();
                        let named = (items.len() == members.len())
                            .then(|| finder.as_ref().and_then(|f| f.list_names(&items)))
                            .flatten();
                        if let Some(names) = named {
                            list_names = names;
                        } else if !over.is_empty() && over.iter().all(|&l| !out[l - offset].subject.is_empty()) {
                            list_names = over.iter().map(|&l| out[l - offset].subject.clone()).collect();
                        }
                    }
                }
                if let Some(name) = list_names.get(i) {
                    subject = name.clone();
                }
            }
            // `农副食品加工业增加值比上年增长2.2%，纺织业增长5.1%`: members of one kind (行业, 企业: names ending in
            // 业) stated in a row, the first with its measure, the others bare: the bare ones are of that measure.
            if listed[k].is_none() {
                match member_measure(&dicts.subject, &subject) {
                    Some(m) => carried_measure = Some((m.to_string(), f.kind)),
                    None if ends_in_member(&dicts.subject, &subject) => {
                        if let Some((m, kind)) = &carried_measure
                            && *kind == f.kind
                        {
                            subject.push_str(m);
                        }
                    }
                    None => carried_measure = None,
                }
            }
            // `非公金融企业存款余额16931.91亿元，余额比年初增加883.94亿元`: a measure named alone that ends the name of
            // the figure before says that figure's name again.
            if let Some(i) = last_subject
                && subject.chars().count() <= 4
                && dicts.subject.measure_ends.ends(&subject)
                && out[i].subject.len() > subject.len()
                && out[i].subject.ends_with(&subject)
            {
                subject = out[i].subject.clone();
            }
            if !subject.is_empty() {
                last_subject = Some(out.len());
            }
            out.push(Indicator {
                // Filled in by the caller, which owns the figures.
                figure: Figure::placeholder(),
                subject,
                section: section.clone(),
                sentence_span: (sent.start, sent.end),
                sentence: sent_text.to_string(),
                check: None,
                check_detail: String::new(),
                ref_year: None,
                status: Status::Actual,
                span: None,
                cell: None,
            });
        }
        name_levels(&dicts.subject, &self.links, figs, &mut out, &slice);
        if let Some(fd) = finder.as_ref() {
            name_parts(fd, &dicts.verify.subset_markers, &dicts.verify.share_markers, figs, &mut out, &slice);
        }
        name_held_measures(&dicts.subject, &dicts.verify.subset_markers, figs, &mut out, &slice);
        (out, relations)
    }

    fn bare(&self, f: &Figure) -> Indicator {
        Indicator {
            figure: Figure::placeholder(),
            subject: String::new(),
            section: String::new(),
            sentence_span: (f.start, f.end),
            sentence: f.raw.clone(),
            check: None,
            check_detail: String::new(),
            ref_year: None,
            status: Status::Actual,
            span: None,
            cell: None,
        }
    }
}

/// The byte offset of a code-point offset in a string, walking from the last one asked: the places asked
/// about in a sentence follow its figures, so the walks are short, and nothing is allocated.
struct CharCursor<'t> {
    s: &'t str,
    /// The last place found: (code points, bytes).
    at: std::cell::Cell<(usize, usize)>,
}

impl CharCursor<'_> {
    /// The byte offset of code point `c`, or the length of the string when `c` is past its end.
    fn byte(&self, c: usize) -> usize {
        // `byte_of_char` walks on or back from the last place, whichever way `c` lies.
        let (ci, bi) = text::byte_of_char(self.s, self.at.get(), c);
        self.at.set((ci, bi));
        bi
    }
}

/// Texts at least this large are searched and analysed in parallel pieces.
const PARALLEL_BYTES: usize = 256 * 1024;

/// Pieces of about `target` bytes cut after a line break (not after a digit, whose scale may follow on the
/// next line): (byte start, byte end, code-point start).
fn pieces_at_line_breaks(text: &str, target: usize) -> Vec<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut b0, mut c0) = (0usize, 0usize);
    let mut at = target;
    while at < text.len() {
        let cut = bytes[at..]
            .iter()
            .enumerate()
            .position(|(k, &b)| b == b'\n' && !bytes[at + k - 1].is_ascii_digit() && at + k > b0)
            .map(|k| at + k + 1);
        let Some(cut) = cut else { break };
        c0 += text[b0..cut].chars().count();
        out.push((b0, cut, c0 - text[b0..cut].chars().count()));
        b0 = cut;
        at = cut + target;
    }
    out.push((b0, text.len(), c0));
    out
}

/// Whether a kind of figure is a stated percentage that a check can look at.
pub fn is_checkable(kind: Kind) -> bool {
    matches!(kind, Kind::Percent | Kind::ChangePct | Kind::ChangePp)
}

/// The measure a member's name ends with (`农副食品加工业增加值` → 增加值, `制造业投资` → 投资): what follows the last
/// 业 of a name, when it is a measure (`measure_ends`) or an outlay, of at most six characters.
fn member_measure<'s>(words: &crate::dicts::SubjectWords, name: &'s str) -> Option<&'s str> {
    let at = name.rfind('业')? + '业'.len_utf8();
    let m = &name[at..];
    (at > '业'.len_utf8()
        && ends_in_member(words, &name[..at])
        && !m.is_empty()
        && m.chars().count() <= 6
        && (words.measure_ends.ends(m) || words.outlays.has(m)))
    .then_some(m)
}

/// Whether a name ends in the 业 of a kind of member (纺织业, 股份制企业), not of an act (新增就业, 自主创业).
fn ends_in_member(words: &crate::dicts::SubjectWords, name: &str) -> bool {
    name.ends_with('业') && !words.not_members.iter().any(|w| name.ends_with(w))
}

/// Counts named by a level alone (`国家级`, `省级`) take the thing counted from the count they are listed with:
/// `建成8个国家级、13个省级区域医疗中心` (the head after the last member: 国家级区域医疗中心), and
/// `疾病预防控制中心3439个，其中：省级31个` (the head a 其中 breaks down: 省级疾病预防控制中心).
fn name_levels<'s>(
    words: &crate::dicts::SubjectWords,
    links: &link::LinkLex,
    figs: &[Figure],
    out: &mut [Indicator],
    slice: &impl Fn(usize, usize) -> &'s str,
) {
    // A level: …级, at most ten characters, no digits (not `4A级`).
    let is_level = |s: &str| s.ends_with('级') && s.chars().count() <= 10 && !s.chars().any(|c| c.is_ascii_digit());
    // The level a name opens with, and what follows it, when a level opens it.
    let split_level = |name: &str| -> Option<(usize, usize)> {
        let at = name.find('级')? + '级'.len_utf8();
        is_level(&name[..at]).then(|| (at, name[at..].chars().count()))
    };
    // The thing counted, without the level or scope it is counted at (`省级以上工程研究中心`, `各级重点实验室`,
    // `旅游星级饭店` → 工程研究中心, 重点实验室, 饭店).
    let thing = |name: &str| -> String {
        let rest = split_level(name).map_or(name, |(at, _)| &name[at..]);
        let rest =
            rest.strip_prefix('及').filter(|r| words.scope_bounds.iter().any(|b| r.starts_with(b))).unwrap_or(rest);
        let rest = words.scope_bounds.iter().find_map(|b| rest.strip_prefix(b)).unwrap_or(rest);
        rest.to_string()
    };
    // Backwards, so that in `6个世界级、7个国家级、9个区域级产业集群` each member takes the head of the next.
    for k in (0..figs.len().min(out.len())).rev() {
        if !is_level(&out[k].subject) || figs[k].kind != Kind::Quantity {
            continue;
        }
        let level = out[k].subject.clone();
        let next = (k + 1 < out.len()).then_some(k + 1).filter(|&j| {
            figs[j].unit == figs[k].unit
                && slice(figs[k].end, figs[j].start)
                    .strip_prefix(level.as_str())
                    .is_some_and(|rest| links.joins(rest.trim(), true))
        });
        let head = next.and_then(|j| {
            let name = &out[j].subject;
            split_level(name).filter(|&(_, rest)| rest >= 2).map(|_| thing(name))
        });
        // `其中：省级31个、地（市）级419个`: the count a 其中 breaks down, before the members.
        let head = head.or_else(|| {
            let j = (0..k).rev().find(|&j| !is_level(&out[j].subject))?;
            (figs[j].unit == figs[k].unit
                && out[j].subject.chars().count() >= 2
                && slice(figs[j].end, figs[k].start).contains("其中"))
            .then(|| thing(&out[j].subject))
        });
        if let Some(h) = head.filter(|h| h.chars().count() >= 2) {
            out[k].subject = format!("{level}{h}");
        }
    }
}

/// `实有床位数6.61万张，其中医院5.97万张、社区卫生服务中心3637张`: the parts a 其中 breaks a measure of things
/// down into, each named by a thing alone, are of that measure (医院床位数, 社区卫生服务中心床位数); in the same unit,
/// after the count broken down and the 其中 (`subset_markers`), members of one run of figures.
fn name_parts<'s>(
    finder: &SubjectFinder<'_>,
    subset: &crate::dicts::Words,
    share_markers: &crate::dicts::Words,
    figs: &[Figure],
    out: &mut [Indicator],
    slice: &impl Fn(usize, usize) -> &'s str,
) {
    for k in 1..figs.len().min(out.len()) {
        if !matches!(figs[k].kind, Kind::Quantity | Kind::Percent) || out[k].subject.is_empty() {
            continue;
        }
        let mut parent = None;
        for j in (0..k).rev() {
            if figs[j].kind != figs[k].kind || figs[j].unit != figs[k].unit {
                break;
            }
            if subset.found_in(slice(figs[j].end, figs[j + 1].start)) {
                parent = Some(j);
                break;
            }
        }
        let Some(j) = parent else { continue };
        let named = if figs[k].kind == Kind::Percent {
            // `（其中内销占61.8％）` states the part's share of the whole, not the whole's rate for the part.
            let before = slice(figs[k - 1].end, figs[k].start).trim_end();
            if share_markers.iter().any(|m| before.ends_with(m)) {
                continue;
            }
            finder.part_of_rate(&out[j].subject, &out[k].subject)
        } else {
            finder.part_of_measure(&out[j].subject, &out[k].subject)
        };
        if let Some(named) = named {
            out[k].subject = named;
        }
    }
}

/// `普通初中314所，招生10万人，在校生30.1万人`: a measure of institutions (`held_measures`) named alone right after a
/// count of them, or after other such measures of it, is theirs (普通初中招生人数, 普通初中在校生). Not where a 其中
/// (`subset_markers`) stands between, breaking the count down.
fn name_held_measures<'s>(
    words: &crate::dicts::SubjectWords,
    subset: &crate::dicts::Words,
    figs: &[Figure],
    out: &mut [Indicator],
    slice: &impl Fn(usize, usize) -> &'s str,
) {
    let n = figs.len().min(out.len());
    // The count the figures since it measure, and its name.
    let mut holder: Option<(usize, String)> = None;
    for k in 0..n {
        let held = words.held_measures.has(&out[k].subject);
        match &holder {
            Some((j, name)) if held && !subset.found_in(slice(figs[*j].end, figs[k].start)) => {
                out[k].subject = format!("{name}{}", out[k].subject);
                continue;
            }
            // A change of the measure before keeps to it.
            Some(_) if figs[k].kind.is_change() => continue,
            _ => {}
        }
        // Institutions counted by a name of them, not by a measure (`幼儿园班数5446个`).
        holder = (figs[k].kind == Kind::Quantity
            && words.institution_units.has(&figs[k].unit)
            && out[k].subject.chars().count() >= 2
            && !words.measure_ends.ends(&out[k].subject)
            && !held)
            .then(|| (k, out[k].subject.clone()));
    }
}

/// The joiners a list's items are split at, and the private-use characters that stand for them inside a whole
/// name while the list is split (each as long in UTF-8, so that byte offsets keep).
const MASKS: [(char, char); 4] = [('、', '\u{E000}'), ('和', '\u{E001}'), ('及', '\u{E002}'), ('与', '\u{E003}')];

/// `text` with the joiners inside the whole names it holds masked (see [`MASKS`]).
fn mask_whole_names(names: &crate::dicts::Words, text: &str) -> String {
    let spans = names.spans_in(text);
    if spans.is_empty() {
        return text.to_string();
    }
    text.char_indices()
        .map(|(b, c)| match MASKS.iter().find(|(j, _)| *j == c) {
            Some(&(_, m)) if spans.iter().any(|&(x, y)| x < b && b < y) => m,
            _ => c,
        })
        .collect()
}

/// An item of a masked list with its joiners back.
fn unmask_whole_names(item: &str) -> String {
    item.chars().map(|c| MASKS.iter().find(|(_, m)| *m == c).map_or(c, |&(j, _)| j)).collect()
}

/// The code-point spans (absolute: the sentence starts at `start`) of the names of `names` in `sentence`.
fn whole_names_in(names: &crate::dicts::Words, sentence: &str, start: usize) -> Vec<(usize, usize)> {
    names
        .spans_in(sentence)
        .into_iter()
        .map(|(a, b)| {
            let a_chars = start + sentence[..a].chars().count();
            (a_chars, a_chars + sentence[a..b].chars().count())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::CharCursor;
    use crate::{Analyzer, Dicts, Options};

    #[test]
    fn char_cursor_walks_both_ways_and_stops_at_the_end() {
        let s = "全年a立案428起，同比减少153起🙂。";
        let cursor = CharCursor { s, at: std::cell::Cell::new((0, 0)) };
        let want = |c: usize| s.char_indices().nth(c).map_or(s.len(), |x| x.0);
        for c in [0, 3, 9, 2, 17, 19, 40, 18, 1, 0, 11, 5] {
            assert_eq!(cursor.byte(c), want(c), "code point {c}");
        }
    }

    /// `prepare` then `finish`, warmed up or not, gives what `analyze` gives: the batch pipeline relies on it.
    #[test]
    fn prepare_then_finish_is_analyze() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let (files, _) = crate::input::expand_paths(&[dir]);
        assert!(files.len() >= 4, "the bundled samples");
        let a = Analyzer::new(Dicts::builtin(), Options::default());
        let warm = Analyzer::new(Dicts::builtin(), Options::default());
        warm.warm_up();
        assert!(warm.warmed_up() && !a.warmed_up());
        for f in files {
            for doc in crate::input::read_file(&f, &Default::default()).into_iter().flatten() {
                let whole = a.analyze(&doc);
                assert!(!whole.indicators.is_empty(), "{}", doc.name);
                assert_eq!(a.finish(a.prepare(doc.clone())), whole, "{}", doc.name);
                assert_eq!(warm.finish(warm.prepare(doc.clone())), whole, "{}", doc.name);
            }
        }
    }
}
