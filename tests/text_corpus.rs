//! Runs `text::split` and `meta::detect` over every text file of `../shared/corpus`.

use std::path::{Path, PathBuf};
use zhibiao::text::{Structure, split};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// (folder/file name, decoded text) of every readable text in the corpus; None when absent.
fn corpus() -> Option<Vec<(String, String)>> {
    let root = Path::new(CORPUS);
    if !root.is_dir() {
        println!("skipped: ../shared not present");
        return None;
    }
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for d in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let name =
                format!("{}/{}", d.file_name().unwrap().to_string_lossy(), f.file_name().unwrap().to_string_lossy());
            let bytes = std::fs::read(&f).unwrap();
            let fname = f.file_name().unwrap().to_string_lossy().to_string();
            let text = if fname.ends_with(".csv") {
                let mut r = csv::ReaderBuilder::new().from_reader(strip_bom(&bytes));
                let headers = r.headers().unwrap().clone();
                let col = headers.iter().position(|h| h == "full_text").unwrap();
                let rec = r.records().next().unwrap().unwrap();
                rec[col].to_string()
            } else if fname.contains("gbk") {
                encoding_rs::GB18030.decode(&bytes).0.into_owned()
            } else if fname.ends_with(".txt") || fname.ends_with(".md") || fname.ends_with(".tmx") {
                String::from_utf8_lossy(strip_bom(&bytes)).into_owned()
            } else {
                continue; // docx, pdf: decoded by the input layer
            };
            out.push((name, text.replace("\r\n", "\n")));
        }
    }
    Some(out)
}

fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

fn allowed_between(c: char) -> bool {
    zhibiao::text::is_space(c)
        || matches!(
            c,
            '，' | ','
                | '、'
                | '：'
                | ':'
                | '；'
                | ';'
                | '。'
                | '！'
                | '？'
                | '!'
                | '?'
                | '｡'
                | '､'
                | '|'
                | '”'
                | '’'
                | '」'
                | '』'
                | '）'
                | ')'
                | '》'
                | '〉'
                | '】'
                | '"'
                | '\''
                | '］'
                | ']'
        )
}

fn check(name: &str, text: &str, st: &Structure) {
    let chars: Vec<char> = text.chars().collect();
    let mut prev_end = 0;
    for s in &st.sentences {
        assert!(s.start < s.end && s.end <= chars.len(), "{name}: bad sentence span");
        assert!(s.start >= prev_end, "{name}: sentences overlap or go back");
        prev_end = s.end;
        let (p0, p1) = st.paragraphs[s.paragraph];
        assert!(p0 <= s.start && s.end <= p1, "{name}: sentence crosses paragraph");
        assert_eq!(
            text[s.byte_start..s.byte_end].chars().count(),
            s.end - s.start,
            "{name}: byte and char spans disagree"
        );
        let mut at = s.start;
        for c in &s.clauses {
            assert!(s.start <= c.start && c.start < c.end && c.end <= s.end, "{name}: clause outside sentence");
            assert!(c.start >= at, "{name}: clauses overlap");
            for (k, &ch) in chars[at..c.start].iter().enumerate() {
                assert!(allowed_between(ch), "{name}: {ch:?} between clauses at {}", at + k);
            }
            assert_eq!(&text[c.byte_start..c.byte_end], chars[c.start..c.end].iter().collect::<String>());
            at = c.end;
        }
        for &ch in &chars[at..s.end] {
            assert!(allowed_between(ch), "{name}: {ch:?} after last clause");
        }
        if let Some(ix) = s.section {
            let sec = &st.sections[ix];
            assert!(sec.start <= s.start && s.end <= sec.end, "{name}: sentence outside its section");
        }
    }
}

#[test]
fn corpus_split_invariants() {
    let Some(files) = corpus() else { return };
    let mut total_bytes = 0usize;
    let mut spent = std::time::Duration::ZERO;
    for (name, text) in &files {
        let t0 = std::time::Instant::now();
        let st = split(text);
        spent += t0.elapsed();
        total_bytes += text.len();
        check(name, text, &st);
        if name.starts_with("shanghai_gwr/") {
            assert!(st.sentences.len() > 100, "{name}: {} sentences", st.sentences.len());
            assert!(st.sections.len() >= 3, "{name}: {} sections", st.sections.len());
        }
        if std::env::var("ZB_SHOW").is_ok_and(|v| name.contains(&v)) {
            for sec in &st.sections {
                println!("  [{}] {}..{} {}", sec.level, sec.start, sec.end, sec.path);
            }
        }
        println!(
            "{name}: {} paragraphs, {} sections, {} sentences",
            st.paragraphs.len(),
            st.sections.len(),
            st.sentences.len()
        );
    }
    println!("split {total_bytes} bytes in {spent:?} ({:.0} MB/s)", total_bytes as f64 / 1e6 / spent.as_secs_f64());
}

/// File-name year of `china_2024_gwr.txt`.
fn file_year(name: &str) -> Option<i32> {
    name.split(['_', '/', '.'])
        .find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|p| p.parse().ok())
}

#[test]
fn corpus_meta() {
    let Some(files) = corpus() else { return };
    for (name, text) in &files {
        let m = zhibiao::meta::detect(name, text);
        println!(
            "{name}\t{}\t{}\t{}",
            m.region.as_deref().unwrap_or("-"),
            m.year.map_or("-".into(), |y| y.to_string()),
            m.report_type.as_deref().unwrap_or("-")
        );
        if name.starts_with("national_gwr_utf8/") {
            assert_eq!(m.region.as_deref(), Some("国务院"), "{name}");
            assert_eq!(m.year, file_year(name), "{name}");
            assert_eq!(m.report_type.as_deref(), Some("政府工作报告"), "{name}");
        }
    }
}
