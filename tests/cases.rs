//! Cases as data: every `tests/cases/*.tsv` row is one figure of one quoted sentence (or one span that must not be
//! a figure) with what a careful statistician would write for it. See `tests/cases/README.md` for the columns.
//!
//! Each sentence is analysed by the library on its own (with its section heading above it and a document name
//! that makes the report's kind and year known, when the row gives them); the figure the row's `raw` locates is
//! compared field by field, exactly. Rows marked `known` document what today's code still gets wrong: they are
//! counted and do not fail, but a known row that now passes is listed so its mark can be removed. A malformed
//! row (wrong number of cells, an unknown kind, a `raw` not in its sentence, a sentence not in its source) always
//! fails.
//!
//! `CASES_SHOW=1 cargo test --test cases -- --nocapture` prints what the tool says for every row.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use zhibiao::{Analyzer, Dicts, DocReport, Document, Options};

/// The columns every cases file has, in any order.
const REQUIRED: [&str; 12] = [
    "sentence",
    "source",
    "raw",
    "subject",
    "kind",
    "value",
    "unit",
    "qualifier",
    "ref_year",
    "status",
    "check",
    "known",
];
/// The columns that give a sentence its document context.
const OPTIONAL: [&str; 4] = ["doc_year", "doc_kind", "heading", "span"];
const KINDS: [&str; 7] = ["quantity", "percent", "change_abs", "change_pct", "change_pp", "multiple", "ratio"];
const QUALIFIERS: [&str; 5] = ["exact", "approx", "at_least", "at_most", "range"];
const STATUSES: [&str; 2] = ["actual", "target"];
const CHECKS: [&str; 3] = ["consistent", "inconsistent", "unverifiable"];
/// The fields a `known` mark may name before its colon; `period` is `ref_year`, `status` and `span`, `raw` the
/// figure itself (the tool reads none, another span, or one where a negative case wants none): every field.
const KNOWN_FIELDS: [&str; 11] =
    ["raw", "subject", "kind", "value", "unit", "qualifier", "ref_year", "status", "check", "span", "period"];
const SPAN_HOWS: [&str; 3] = ["average", "total", "change"];

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn corpus_dir() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    p.is_dir().then_some(p)
}

/// The report a sentence is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum DocKind {
    WorkReport,
    Bulletin,
    Annual,
}

impl DocKind {
    fn parse(s: &str) -> Option<DocKind> {
        match s {
            "work_report" => Some(DocKind::WorkReport),
            "bulletin" => Some(DocKind::Bulletin),
            "annual" => Some(DocKind::Annual),
            _ => None,
        }
    }

    /// The file-name code `meta` reads the kind from.
    fn code(self) -> &'static str {
        match self {
            DocKind::WorkReport => "gwr",
            DocKind::Bulletin => "tjgb",
            DocKind::Annual => "fzzf",
        }
    }

    fn meta_kind(self) -> zhibiao::meta::ReportKind {
        use zhibiao::meta::ReportKind;
        match self {
            DocKind::WorkReport => ReportKind::WorkReport,
            DocKind::Bulletin => ReportKind::Bulletin,
            DocKind::Annual => ReportKind::AnnualAccount,
        }
    }
}

/// What a sentence is read in: the report's year and kind, and the heading of its section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
struct Context {
    year: Option<i32>,
    kind: Option<DocKind>,
    heading: Option<String>,
}

/// A value cell: the value, and the upper end of a range (`6.5..7`).
#[derive(Debug, Clone, PartialEq)]
struct Value {
    value: Decimal,
    max: Option<Decimal>,
}

/// One row, parsed. `None` fields are not asserted; `Some("")` asserts an empty value (written `-`).
#[derive(Debug, Clone)]
struct Case {
    file: String,
    line: usize,
    sentence: String,
    source: String,
    /// The text located in the sentence.
    raw: String,
    /// Which occurrence of `raw` (1-based).
    nth: usize,
    /// A negative case: `raw` must not be (part of) a figure.
    negative: bool,
    subject: Option<String>,
    kind: Option<String>,
    value: Option<Value>,
    unit: Option<String>,
    qualifier: Option<String>,
    ref_year: Option<Option<i32>>,
    status: Option<String>,
    check: Option<Option<String>>,
    /// `average`, or `average:2011-2015` (`?` for a year the report does not say); `Some(None)` for no span.
    span: Option<Option<String>>,
    known: Option<Known>,
    context: Context,
}

/// A `known` mark: the fields today's code gets wrong, and why.
#[derive(Debug, Clone)]
struct Known {
    fields: Vec<String>,
    reason: String,
}

impl Known {
    /// `subject: clause words kept`, `subject, period: …`.
    fn parse(cell: &str) -> Result<Known, String> {
        let (fields, reason) = cell
            .split_once(':')
            .ok_or_else(|| format!("a known mark names its fields first (`subject: …`), not `{cell}`"))?;
        let mut out = Vec::new();
        for f in fields.split(',').map(str::trim) {
            match f {
                "period" => out.extend(["ref_year", "status", "span"].map(String::from)),
                f if KNOWN_FIELDS.contains(&f) => out.push(f.to_string()),
                f => return Err(format!("a known mark names an unknown field `{f}` ({})", KNOWN_FIELDS.join(", "))),
            }
        }
        if reason.trim().is_empty() {
            return Err("a known mark gives a reason after its fields".into());
        }
        Ok(Known { fields: out, reason: reason.trim().to_string() })
    }

    /// Whether a mismatch in `field` is one this mark expects.
    fn excuses(&self, field: &str) -> bool {
        self.fields.iter().any(|f| f == "raw" || f == field)
    }
}

impl Case {
    fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// `\n`, `\t`, `\\` and `\u{XXXX}` in a sentence or heading cell.
fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                if it.next() != Some('{') {
                    return Err("\\u must be followed by {hex}".into());
                }
                let hex: String = it.by_ref().take_while(|&c| c != '}').collect();
                let ch = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                out.push(ch.ok_or_else(|| format!("bad escape \\u{{{hex}}}"))?);
            }
            other => return Err(format!("unknown escape \\{}", other.map(String::from).unwrap_or_default())),
        }
    }
    Ok(out)
}

/// The inverse of [`unescape`] for the characters a cell cannot hold.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{200b}' | '\u{feff}') => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// A cell that must be one of `allowed` when given.
fn one_of(cell: &str, allowed: &[&str], what: &str) -> Result<Option<String>, String> {
    match cell {
        "" => Ok(None),
        c if allowed.contains(&c) => Ok(Some(c.to_string())),
        c => Err(format!("unknown {what} `{c}` (one of {})", allowed.join(", "))),
    }
}

/// A cell that asserts a value or its absence (`-`).
fn maybe<T>(cell: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<Option<Option<T>>, String> {
    match cell {
        "" => Ok(None),
        "-" => Ok(Some(None)),
        c => parse(c).map(|v| Some(Some(v))),
    }
}

fn decimal(s: &str) -> Result<Decimal, String> {
    Decimal::from_str(s).map_err(|e| format!("bad value `{s}`: {e}"))
}

fn parse_file(path: &Path, errors: &mut Vec<String>) -> Vec<Case> {
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut header: Option<Vec<String>> = None;
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let Some(cols) = &header else {
            let cols: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
            for c in &cols {
                if !REQUIRED.contains(&c.as_str()) && !OPTIONAL.contains(&c.as_str()) {
                    errors.push(format!("{file}:{line_no}: unknown column `{c}`"));
                }
            }
            for r in REQUIRED {
                if !cols.iter().any(|c| c == r) {
                    errors.push(format!("{file}:{line_no}: header lacks the column `{r}`"));
                }
            }
            header = Some(cols);
            continue;
        };
        if cells.len() != cols.len() {
            errors.push(format!("{file}:{line_no}: {} cells, the header has {}", cells.len(), cols.len()));
            continue;
        }
        let row: HashMap<&str, &str> =
            cols.iter().zip(&cells).map(|(c, v)| (c.as_str(), v.trim_matches(|c: char| c == ' '))).collect();
        match parse_row(&file, line_no, &row) {
            Ok(c) => cases.push(c),
            Err(e) => errors.push(format!("{file}:{line_no}: {e}")),
        }
    }
    if header.is_none() {
        errors.push(format!("{file}: no header line"));
    }
    cases
}

fn parse_row(file: &str, line: usize, row: &HashMap<&str, &str>) -> Result<Case, String> {
    let get = |name: &str| -> &str { row.get(name).copied().unwrap_or("") };
    let sentence = unescape(get("sentence"))?;
    if sentence.trim().is_empty() {
        return Err("empty sentence".into());
    }
    let source = get("source").to_string();
    if source.is_empty() {
        return Err("empty source (a file under ../shared/corpus, samples/…, or `invented`)".into());
    }
    let mut raw = unescape(get("raw"))?;
    let negative = raw.starts_with('!');
    if negative {
        raw.remove(0);
    }
    let mut nth = 1;
    if let Some((r, n)) = raw.rsplit_once('@')
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        nth = n.parse().map_err(|_| format!("bad occurrence `@{n}`"))?;
        raw = r.to_string();
    }
    if raw.is_empty() || nth == 0 {
        return Err("empty raw".into());
    }
    let subject = match get("subject") {
        "" if negative => None,
        "" => return Err("subject must be asserted (`-` for an empty one)".into()),
        "-" => Some(String::new()),
        s => Some(s.trim().to_string()),
    };
    let kind = one_of(get("kind"), &KINDS, "kind")?;
    let value = match get("value") {
        "" => None,
        v => Some(match v.split_once("..") {
            Some((a, b)) => Value { value: decimal(a)?, max: Some(decimal(b)?) },
            None => Value { value: decimal(v)?, max: None },
        }),
    };
    let unit = match get("unit") {
        "" => None,
        "-" => Some(String::new()),
        u => Some(u.to_string()),
    };
    let qualifier = one_of(get("qualifier"), &QUALIFIERS, "qualifier")?;
    let ref_year = maybe(get("ref_year"), |s| s.parse::<i32>().map_err(|_| format!("bad ref_year `{s}`")))?;
    let status = one_of(get("status"), &STATUSES, "status")?;
    let check = maybe(get("check"), |s| one_of(s, &CHECKS, "check").map(|c| c.unwrap_or_default()))?;
    let span = maybe(get("span"), |s| {
        let (how, years) = s.split_once(':').unwrap_or((s, ""));
        one_of(how, &SPAN_HOWS, "span")?;
        let year = |y: &str| y == "?" || y.parse::<i32>().is_ok();
        match years.split_once('-') {
            _ if years.is_empty() => Ok(s.to_string()),
            Some((a, b)) if year(a) && year(b) => Ok(s.to_string()),
            _ => Err(format!("bad span `{s}` (HOW, or HOW:FROM-TO with ? for a year not said)")),
        }
    })?;
    let known = match get("known") {
        "" => None,
        k => Some(Known::parse(k)?),
    };
    let year = match get("doc_year") {
        "" => None,
        y => Some(y.parse::<i32>().map_err(|_| format!("bad doc_year `{y}`"))?),
    };
    let doc_kind = match get("doc_kind") {
        "" => None,
        k => Some(DocKind::parse(k).ok_or_else(|| format!("unknown doc_kind `{k}` (work_report, bulletin, annual)"))?),
    };
    let heading = Some(unescape(get("heading"))?).filter(|h| !h.is_empty());
    if doc_kind.is_none() && (year.is_some() || heading.is_some()) {
        return Err("doc_year and heading need a doc_kind".into());
    }
    if negative
        && (kind.is_some()
            || value.is_some()
            || unit.is_some()
            || qualifier.is_some()
            || ref_year.is_some()
            || status.is_some()
            || check.is_some()
            || span.is_some()
            || subject.as_deref().is_some_and(|s| !s.is_empty()))
    {
        return Err("a negative case (`!…`) asserts nothing else".into());
    }
    let case = Case {
        file: file.to_string(),
        line,
        sentence,
        source,
        raw,
        nth,
        negative,
        subject,
        kind,
        value,
        unit,
        qualifier,
        ref_year,
        status,
        check,
        span,
        known,
        context: Context { year, kind: doc_kind, heading },
    };
    if locate(&case.sentence, &case.raw, case.nth).is_none() {
        return Err(format!("`{}` (occurrence {}) is not in the sentence", case.raw, case.nth));
    }
    Ok(case)
}

/// Code-point span of the `nth` occurrence of `needle` in `hay`.
fn locate(hay: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    let (b, _) = hay.match_indices(needle).nth(nth - 1)?;
    let a = hay[..b].chars().count();
    Some((a, a + needle.chars().count()))
}

/// The document a sentence is read in, and where the sentence starts in it (code points).
fn document(sentence: &str, ctx: &Context) -> (Document, usize) {
    let name = match (ctx.kind, ctx.year) {
        (Some(k), Some(y)) => format!("case_{y}_{}.txt", k.code()),
        (Some(k), None) => format!("case_{}.txt", k.code()),
        (None, _) => "case.txt".to_string(),
    };
    let (text, base) = match &ctx.heading {
        Some(h) => (format!("{h}\n{sentence}"), h.chars().count() + 1),
        None => (sentence.to_string(), 0),
    };
    // The report's year is given as a container gives it (a CSV column does): a sentence opening with another
    // year (`2023年为867件`) must not be taken for the report's.
    (Document { name, text, year: ctx.year, ..Default::default() }, base)
}

/// Sentences as the runner compares them with their source: without any white space.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{feff}')).collect()
}

/// The decoded text of each source, squeezed, read once.
struct Sources {
    corpus: Option<PathBuf>,
    texts: HashMap<String, Option<String>>,
}

impl Sources {
    /// Whether the sentence stands in its source; `Err` when the source cannot be read.
    fn holds(&mut self, case: &Case) -> Result<bool, String> {
        if case.source == "invented" {
            return Ok(true);
        }
        let path = if case.source.starts_with("samples/") {
            Path::new(env!("CARGO_MANIFEST_DIR")).join(&case.source)
        } else {
            match &self.corpus {
                Some(c) => c.join(&case.source),
                // Without ../shared the quotation cannot be checked; the case is still run.
                None => return Ok(true),
            }
        };
        let text = self.texts.entry(case.source.clone()).or_insert_with(|| {
            let docs = zhibiao::input::read_file(&path, &Default::default());
            let mut all = String::new();
            for d in docs {
                all.push_str(&squeeze(&d.ok()?.text));
            }
            Some(all)
        });
        match text {
            Some(t) => Ok(t.contains(&squeeze(&case.sentence))),
            None => Err(format!("cannot read the source {}", path.display())),
        }
    }
}

/// What the tool says of one row's figure, as the row's columns.
fn describe(ind: &zhibiao::Indicator) -> String {
    let f = &ind.figure;
    format!(
        "raw={} subject={} kind={} value={}{} unit={} qualifier={} ref_year={} status={} check={} span={}",
        f.raw,
        if ind.subject.is_empty() { "-" } else { &ind.subject },
        f.kind.as_str(),
        zhibiao::output::fmt_decimal(f.value),
        f.value_max.map(|m| format!("..{}", zhibiao::output::fmt_decimal(m))).unwrap_or_default(),
        if f.unit.is_empty() { "-" } else { &f.unit },
        f.qualifier.as_str(),
        ind.ref_year.map_or("-".into(), |y| y.to_string()),
        ind.status.as_str(),
        ind.check.map_or("-", |c| c.as_str()),
        span_of(ind),
    )
}

/// The tool's span of a figure as a `span` cell writes it: `average:2011-2015`, `total`, `-`.
fn span_of(ind: &zhibiao::Indicator) -> String {
    let Some(s) = &ind.span else { return "-".into() };
    let year = |y: Option<i32>| y.map_or("?".into(), |y| y.to_string());
    match (s.from, s.to) {
        (None, None) => s.how.as_str().to_string(),
        (a, b) => format!("{}:{}-{}", s.how.as_str(), year(a), year(b)),
    }
}

/// The mismatches of one case against the report of its sentence, each with its field (empty when it passes).
fn compare(case: &Case, report: &DocReport, base: usize) -> Vec<(&'static str, String)> {
    let (a, b) = locate(&case.sentence, &case.raw, case.nth).expect("located when parsed");
    let (a, b) = (a + base, b + base);
    let overlapping: Vec<&zhibiao::Indicator> =
        report.indicators.iter().filter(|i| i.figure.start < b && a < i.figure.end).collect();
    if case.negative {
        return overlapping
            .iter()
            .map(|i| ("raw", format!("must not be a figure, but the tool has {}", describe(i))))
            .collect();
    }
    let Some(ind) = report.indicators.iter().find(|i| i.figure.start == a && i.figure.end == b) else {
        let found: Vec<String> = overlapping.iter().map(|i| describe(i)).collect();
        return vec![(
            "raw",
            if found.is_empty() {
                format!("no figure `{}` (the tool finds nothing there)", case.raw)
            } else {
                format!("no figure `{}`; the tool has {}", case.raw, found.join(" / "))
            },
        )];
    };
    let f = &ind.figure;
    let mut bad = Vec::new();
    let mut field = |name: &'static str, want: String, got: String| {
        if want != got {
            bad.push((name, format!("{name}: want `{want}`, got `{got}`")));
        }
    };
    if let Some(s) = &case.subject {
        field("subject", s.clone(), ind.subject.trim().to_string());
    }
    if let Some(k) = &case.kind {
        field("kind", k.clone(), f.kind.as_str().to_string());
    }
    if let Some(v) = &case.value {
        let fmt = |d: Decimal| zhibiao::output::fmt_decimal(d).to_string();
        if v.value != f.value {
            field("value", fmt(v.value), fmt(f.value));
        }
        if let Some(max) = v.max
            && Some(max) != f.value_max
        {
            field("value_max", fmt(max), f.value_max.map_or("-".into(), fmt));
        }
    }
    if let Some(u) = &case.unit {
        field("unit", u.clone(), f.unit.clone());
    }
    if let Some(q) = &case.qualifier {
        field("qualifier", q.clone(), f.qualifier.as_str().to_string());
    }
    if let Some(y) = case.ref_year {
        let show = |y: Option<i32>| y.map_or("-".into(), |y| y.to_string());
        field("ref_year", show(y), show(ind.ref_year));
    }
    if let Some(s) = &case.status {
        field("status", s.clone(), ind.status.as_str().to_string());
    }
    if let Some(c) = &case.check {
        let show = |c: Option<&str>| c.unwrap_or("-").to_string();
        field("check", show(c.as_deref()), show(ind.check.map(|v| v.as_str())));
    }
    if let Some(want) = &case.span {
        let got = span_of(ind);
        let want = want.as_deref().unwrap_or("-");
        // A cell with the kind alone asserts the kind alone.
        let got = if want.contains(':') { got } else { got.split(':').next().unwrap_or("").to_string() };
        field("span", want.to_string(), got);
    }
    bad
}

/// Every case of every file, and the errors that make a file malformed.
fn load() -> (Vec<Case>, Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/cases")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no tests/cases/*.tsv");
    let mut errors = Vec::new();
    let cases = files.iter().flat_map(|f| parse_file(f, &mut errors)).collect();
    (cases, errors)
}

fn analyzer() -> Analyzer {
    Analyzer::new(Dicts::builtin(), Options::default())
}

#[test]
fn cases() {
    let (cases, mut errors) = load();
    let analyzer = analyzer();
    let show = std::env::var_os("CASES_SHOW").is_some();
    let mut sources = Sources { corpus: corpus_dir(), texts: HashMap::new() };
    let mut reports: HashMap<(String, Context), (DocReport, usize)> = HashMap::new();
    let (mut passing, mut known_failing) = (0usize, 0usize);
    let mut failures = Vec::new();
    let mut now_passing = Vec::new();
    for case in &cases {
        match sources.holds(case) {
            Ok(true) => {}
            Ok(false) => errors.push(format!("{}: the sentence is not in {}", case.at(), case.source)),
            Err(e) => errors.push(format!("{}: {e}", case.at())),
        }
        let ctx = &case.context;
        if let Some(kind) = ctx.kind {
            let (doc, _) = document(&case.sentence, ctx);
            let m = zhibiao::meta::detect(&doc.name, &doc.text);
            if m.kind != kind.meta_kind() {
                errors.push(format!("{}: the document is read as {:?}, not {kind:?}", case.at(), m.kind));
            }
        }
        let (report, base) = reports.entry((case.sentence.clone(), ctx.clone())).or_insert_with(|| {
            let (doc, base) = document(&case.sentence, ctx);
            let report = analyzer.analyze(&doc);
            assert_eq!(report.year, ctx.year.or(report.year), "the report's year is the row's");
            (report, base)
        });
        let bad = compare(case, report, *base);
        if show {
            let (a, b) = locate(&case.sentence, &case.raw, case.nth).unwrap();
            let here: Vec<String> = report
                .indicators
                .iter()
                .filter(|i| i.figure.start < b + *base && a + *base < i.figure.end)
                .map(describe)
                .collect();
            println!("{} {}{}: {}", case.at(), if case.negative { "!" } else { "" }, case.raw, here.join(" / "));
        }
        let unexpected: Vec<&str> = bad
            .iter()
            .filter(|(f, _)| case.known.as_ref().is_none_or(|k| !k.excuses(f)))
            .map(|(_, m)| m.as_str())
            .collect();
        if !unexpected.is_empty() {
            let mark = case.known.as_ref().map(|k| format!(" (known for {} only)", k.fields.join(", ")));
            failures.push(format!(
                "{}: `{}`{} in {}\n    {}",
                case.at(),
                case.raw,
                mark.unwrap_or_default(),
                case.sentence,
                unexpected.join("\n    ")
            ));
        } else if let Some(k) = &case.known {
            if bad.is_empty() {
                passing += 1;
                now_passing.push(format!(
                    "known case now passes: {} `{}` ({}) — remove the mark",
                    case.at(),
                    case.raw,
                    k.reason
                ));
            } else {
                known_failing += 1;
            }
        } else {
            passing += 1;
        }
    }
    let mut summary = format!(
        "cases: {} rows, {passing} passing, {known_failing} known failures, {} unexpected failures, {} malformed\n",
        cases.len(),
        failures.len(),
        errors.len()
    );
    for p in &now_passing {
        summary.push_str(p);
        summary.push('\n');
    }
    // Straight to stderr, past the test harness's capture: the summary is wanted on every run.
    let _ = std::io::stderr().write_all(summary.as_bytes());
    assert!(errors.is_empty(), "malformed cases:\n{}", errors.join("\n"));
    assert!(failures.is_empty(), "{} cases fail:\n{}", failures.len(), failures.join("\n"));
    assert!(cases.len() >= 300, "the cases files hold {} rows; at least 300 are wanted", cases.len());
}

/// The row's context really reaches the period stage: the same sentence under a review heading, a plan heading,
/// in a bulletin and in a 法治政府 report of its own year gets the year and status each implies.
#[test]
fn context_is_applied() {
    let analyzer = analyzer();
    let sentence = "国内生产总值增长5.2%。";
    let period = |kind: DocKind, year: i32, heading: Option<&str>| {
        let ctx = Context { year: Some(year), kind: Some(kind), heading: heading.map(String::from) };
        let (doc, base) = document(sentence, &ctx);
        assert_eq!(zhibiao::meta::detect(&doc.name, &doc.text).kind, kind.meta_kind(), "{}", doc.name);
        let r = analyzer.analyze(&doc);
        assert_eq!(r.year, Some(year));
        let ind = r.indicators.iter().find(|i| i.figure.start == base + 6).expect("the growth rate");
        (ind.ref_year, ind.status.as_str())
    };
    assert_eq!(period(DocKind::WorkReport, 2024, Some("一、2023年工作回顾")), (Some(2023), "actual"));
    assert_eq!(period(DocKind::WorkReport, 2024, Some("二、2024年政府工作任务")), (Some(2024), "target"));
    assert_eq!(period(DocKind::Bulletin, 2024, None), (Some(2024), "actual"));
    assert_eq!(period(DocKind::Annual, 2024, Some("一、2024年工作开展情况")), (Some(2024), "actual"));
    assert_eq!(period(DocKind::Annual, 2024, Some("三、2025年工作打算")), (Some(2025), "target"));
}

/// The runner itself: a malformed row is an error, a negative row asserts nothing else, `@N` picks an occurrence.
#[test]
fn malformed_rows_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.tsv");
    let header = REQUIRED.join("\t");
    let row = |cells: &[&str]| cells.join("\t");
    let body = [
        header.clone(),
        "# a comment".into(),
        row(&["增长5%。", "invented", "增长5%", "x", "growth", "", "", "", "", "", "", ""]),
        row(&["增长5%。", "invented", "增长5%", "x"]),
        row(&["增长5%。", "invented", "增长6%", "x", "", "", "", "", "", "", "", ""]),
        row(&["增长5%。", "invented", "增长5%", "", "", "", "", "", "", "", "", ""]),
        row(&["二十大。", "invented", "!二十大", "", "quantity", "", "", "", "", "", "", ""]),
        row(&["5个和5个。", "invented", "5个@2", "x", "quantity", "5", "个", "", "", "", "", ""]),
        row(&["增长5%。", "invented", "增长5%", "x", "", "", "", "", "", "", "", "the tool is wrong"]),
        row(&["增长5%。", "invented", "增长5%", "x", "", "", "", "", "", "", "", "name: the tool is wrong"]),
    ]
    .join("\n");
    std::fs::write(&path, body).unwrap();
    let mut errors = Vec::new();
    let cases = parse_file(&path, &mut errors);
    assert_eq!(errors.len(), 7, "{errors:#?}");
    assert!(errors[0].contains("unknown kind `growth`"), "{errors:#?}");
    assert!(errors[1].contains("4 cells"), "{errors:#?}");
    assert!(errors[2].contains("not in the sentence"), "{errors:#?}");
    assert!(errors[3].contains("subject must be asserted"), "{errors:#?}");
    assert!(errors[4].contains("asserts nothing else"), "{errors:#?}");
    assert!(errors[5].contains("names its fields first"), "{errors:#?}");
    assert!(errors[6].contains("unknown field `name`"), "{errors:#?}");
    assert_eq!(cases.len(), 1);
    assert_eq!(locate(&cases[0].sentence, &cases[0].raw, cases[0].nth), Some((3, 5)));
}

/// A drafting aid, run only when `CASES_DRAFT` names a TSV file with the columns `sentence`, `source` and
/// optionally `doc_year`, `doc_kind`, `heading`: prints a cases row for every figure the tool finds in each
/// sentence, filled with what the tool says today, to be corrected by hand before it goes into a cases file.
///
/// `CASES_DRAFT=draft.tsv cargo test --test cases draft -- --nocapture`
#[test]
fn draft() {
    let Some(path) = std::env::var_os("CASES_DRAFT") else { return };
    let text = std::fs::read_to_string(&path).expect("the draft file");
    let analyzer = analyzer();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let cols: Vec<&str> = lines.next().expect("a header line").split('\t').map(str::trim).collect();
    let mut out = format!("{}\t{}\n", REQUIRED.join("\t"), OPTIONAL.join("\t"));
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let get = |name: &str| cols.iter().position(|c| *c == name).and_then(|k| cells.get(k)).map_or("", |c| c.trim());
        let sentence = unescape(get("sentence")).expect("sentence");
        let ctx = Context {
            year: Some(get("doc_year")).filter(|y| !y.is_empty()).map(|y| y.parse().expect("doc_year")),
            kind: DocKind::parse(get("doc_kind")),
            heading: Some(unescape(get("heading")).expect("heading")).filter(|h| !h.is_empty()),
        };
        let (doc, base) = document(&sentence, &ctx);
        let report = analyzer.analyze(&doc);
        let chars: Vec<char> = doc.text.chars().collect();
        for ind in report.indicators.iter().filter(|i| i.figure.start >= base) {
            let f = &ind.figure;
            let raw: String = chars[f.start..f.end].iter().collect();
            let (a, _) = (f.start - base, f.end - base);
            let nth = (1..).find(|&n| locate(&sentence, &raw, n).is_none_or(|(s, _)| s == a)).unwrap();
            let raw = escape(&raw) + &if nth > 1 { format!("@{nth}") } else { String::new() };
            let cells = [
                get("sentence").to_string(),
                get("source").to_string(),
                raw,
                if ind.subject.is_empty() { "-".into() } else { ind.subject.clone() },
                f.kind.as_str().to_string(),
                zhibiao::output::fmt_decimal(f.value).to_string()
                    + &f.value_max.map(|m| format!("..{}", zhibiao::output::fmt_decimal(m))).unwrap_or_default(),
                if f.unit.is_empty() { "-".into() } else { f.unit.clone() },
                f.qualifier.as_str().to_string(),
                if ctx.kind.is_some() { ind.ref_year.map_or("-".into(), |y| y.to_string()) } else { String::new() },
                if ctx.kind.is_some() { ind.status.as_str().to_string() } else { String::new() },
                ind.check.map_or("-", |c| c.as_str()).to_string(),
                String::new(),
                get("doc_year").to_string(),
                get("doc_kind").to_string(),
                get("heading").to_string(),
                if ctx.kind.is_some() { span_of(ind) } else { String::new() },
            ];
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
    print!("{out}");
}
