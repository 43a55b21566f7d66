//! `zhibiao compare --format xlsx`: the workbook read back (unzipped, its sheet XML parsed). One sheet per
//! region, named by it; one row per indicator, kind and unit; each year's actual a number, its target a
//! number in the column beside it; header row and indicator columns frozen. Every value of the flat wide
//! table (`--format jsonl`) stands in the workbook as a number at its indicator's row and its year's column.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;

use common::{jsonl, root, run};

/// A cell read back: its number, or its text.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Number(f64),
    Text(String),
}

/// One sheet: its name, its cells by (row, column) from 0, its XML.
struct Sheet {
    name: String,
    cells: HashMap<(usize, usize), Cell>,
    xml: String,
    /// The notes of the sheet's cells (`xl/comments*.xml` joined), empty when none.
    notes: String,
}

impl Sheet {
    fn text(&self, r: usize, c: usize) -> Option<&str> {
        match self.cells.get(&(r, c)) {
            Some(Cell::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// The column whose header is `name`.
    fn column(&self, name: &str) -> Option<usize> {
        (0..16_384).take_while(|&c| self.cells.contains_key(&(0, c))).find(|&c| self.text(0, c) == Some(name))
    }

    /// The row of an indicator, kind and unit.
    fn row(&self, indicator: &str, kind: &str, unit: &str) -> Option<usize> {
        (1..).take_while(|&r| self.cells.contains_key(&(r, 0))).find(|&r| {
            self.text(r, 0) == Some(indicator) && self.text(r, 1) == Some(kind) && self.text(r, 2).unwrap_or("") == unit
        })
    }
}

fn member(z: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str) -> Option<String> {
    let mut s = String::new();
    z.by_name(name).ok()?.read_to_string(&mut s).ok()?;
    Some(s)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// `AD` → 29.
fn col_index(letters: &str) -> usize {
    letters.bytes().fold(0, |n, b| n * 26 + usize::from(b - b'A' + 1)) - 1
}

/// The sheets of a workbook, in order.
fn read_workbook(path: &Path) -> Vec<Sheet> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "not a zip: {}", path.display());
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let strings: Vec<String> = member(&mut z, "xl/sharedStrings.xml")
        .map(|x| {
            let t = regex::Regex::new(r"<t[^>]*>([^<]*)</t>").unwrap();
            x.split("<si>").skip(1).map(|si| t.captures_iter(si).map(|c| unescape(&c[1])).collect()).collect()
        })
        .unwrap_or_default();
    let book = member(&mut z, "xl/workbook.xml").unwrap();
    let names: Vec<String> =
        regex::Regex::new(r#"<sheet name="([^"]*)""#).unwrap().captures_iter(&book).map(|c| unescape(&c[1])).collect();
    let cell = regex::Regex::new(r#"<c r="([A-Z]+)([0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)"#).unwrap();
    let value = regex::Regex::new(r"<v>([^<]*)</v>").unwrap();
    let rels = regex::Regex::new(r#"Target="../(comments[0-9]+\.xml)""#).unwrap();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let xml = member(&mut z, &format!("xl/worksheets/sheet{}.xml", i + 1)).unwrap();
            let mut cells = HashMap::new();
            for c in cell.captures_iter(&xml) {
                let (col, row) = (col_index(&c[1]), c[2].parse::<usize>().unwrap() - 1);
                let Some(v) = c.get(4).and_then(|inner| value.captures(inner.as_str())) else { continue };
                let v = &v[1];
                let cell = if c[3].contains("t=\"s\"") {
                    Cell::Text(strings[v.parse::<usize>().unwrap()].clone())
                } else {
                    Cell::Number(v.parse().unwrap_or_else(|_| panic!("{name}: not a number: {v}")))
                };
                cells.insert((row, col), cell);
            }
            let notes = member(&mut z, &format!("xl/worksheets/_rels/sheet{}.xml.rels", i + 1))
                .and_then(|r| rels.captures(&r).map(|c| c[1].to_string()))
                .and_then(|f| member(&mut z, &format!("xl/{f}")))
                .unwrap_or_default();
            Sheet { name, cells, xml, notes: unescape(&notes) }
        })
        .collect()
}

/// `compare` of `inputs` as a workbook and as the flat wide table.
fn both(dir: &Path, inputs: &[&Path]) -> (Vec<Sheet>, Vec<serde_json::Value>) {
    let out = dir.join("t.xlsx");
    let mut args: Vec<&str> = vec!["compare", "--format", "xlsx", "-o", out.to_str().unwrap()];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    let o = run(&args, None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    let mut args: Vec<&str> = vec!["compare", "--format", "jsonl"];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    let o = run(&args, None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = jsonl(&o.stdout);
    let sheets = read_workbook(&out);
    assert!(err.contains(&format!("{} region sheets", sheets.len())), "{err}");
    (sheets, rows)
}

/// Every value of the flat table, as a number where the workbook puts it; returns how many were found.
fn every_value_in_place(sheets: &[Sheet], rows: &[serde_json::Value]) -> usize {
    let regions: BTreeSet<&str> = rows.iter().map(|r| r["region"].as_str().unwrap()).collect();
    let names: BTreeSet<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, regions, "one sheet per region");
    let mut seen = 0;
    for r in rows {
        let sheet = sheets.iter().find(|s| s.name == r["region"].as_str().unwrap()).unwrap();
        let (ind, kind, unit) =
            (r["indicator"].as_str().unwrap(), r["kind"].as_str().unwrap(), r["unit"].as_str().unwrap());
        let row = sheet.row(ind, kind, unit).unwrap_or_else(|| panic!("{}: no row {ind} {kind} {unit}", sheet.name));
        let target = r["status"] == "target";
        for (k, v) in r.as_object().unwrap() {
            let Some(year) = k.strip_prefix('y').filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            else {
                continue;
            };
            let Some(v) = v.as_f64() else { continue };
            let header = if target { format!("{year} target") } else { year.to_string() };
            let col = sheet.column(&header).unwrap_or_else(|| panic!("{}: no column {header}", sheet.name));
            assert_eq!(
                sheet.cells.get(&(row, col)),
                Some(&Cell::Number(v)),
                "{}: {ind} {kind} {unit} {header}",
                sheet.name
            );
            if target {
                // The target column stands right after its year's actual.
                assert_eq!(sheet.text(0, col - 1), Some(year), "{}: {header} beside {year}", sheet.name);
                if let Some(met) = r[format!("y{year}_met")].as_str() {
                    assert!(sheet.notes.contains(&format!("{met}: ")), "{}: verdict {met} not in a note", sheet.name);
                }
            }
            seen += 1;
        }
    }
    for s in sheets {
        assert!(
            s.xml.contains(r#"<pane xSplit="3" ySplit="1" topLeftCell="D2" activePane="bottomRight" state="frozen"/>"#),
            "{}: header and indicator columns frozen",
            s.name
        );
        assert_eq!((s.text(0, 0), s.text(0, 1), s.text(0, 2)), (Some("indicator"), Some("kind"), Some("unit")));
    }
    seen
}

#[test]
fn a_sheet_per_region_of_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let (sheets, rows) = both(dir.path(), &[&root().join("samples")]);
    assert!(sheets.len() >= 2, "the samples hold several regions");
    let n = every_value_in_place(&sheets, &rows);
    assert!(n >= rows.len(), "{n} values for {} rows", rows.len());
}

#[test]
fn national_work_reports_and_a_city() {
    let Some(corpus) = common::corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut inputs: Vec<std::path::PathBuf> = (2014..=2025)
        .map(|y| corpus.join(format!("national_gwr_utf8/china_{y}_gwr.txt")))
        .filter(|p| p.is_file())
        .collect();
    assert!(inputs.len() >= 10, "{inputs:?}");
    // A city of another shape beside them: two years of the sample city's bulletins (Markdown, docx).
    inputs.push(root().join("samples/示例市_2024_统计公报.md"));
    inputs.push(root().join("samples/示例市_2023_统计公报_表格.docx"));
    let refs: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    let (sheets, rows) = both(dir.path(), &refs);
    assert!(every_value_in_place(&sheets, &rows) > 100);
    let national = sheets.iter().find(|s| s.name == "国务院").expect("a sheet of the national reports");
    assert!(sheets.iter().any(|s| s.name == "示例市"), "{:?}", sheets.iter().map(|s| &s.name).collect::<Vec<_>>());
    // 国内生产总值 增长5.2% in 2023 (china_2024_gwr.txt), and the 2024 target 5%左右 beside 2024's actual,
    // the headline indicator on the first row.
    let gdp = national.row("国内生产总值", "change_pct", "%").expect("GDP growth row");
    assert!(gdp <= 2, "the headline indicator reads first: row {gdp}");
    let c2023 = national.column("2023").unwrap();
    assert_eq!(national.cells.get(&(gdp, c2023)), Some(&Cell::Number(5.2)));
    let t2024 = national.column("2024 target").unwrap();
    assert_eq!(national.column("2024"), Some(t2024 - 1));
    assert_eq!(national.cells.get(&(gdp, t2024)), Some(&Cell::Number(5.0)));
}
