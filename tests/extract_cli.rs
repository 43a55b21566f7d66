//! `zhibiao extract` driven end to end on the bundled samples and on fixtures made here.

mod common;

use common::{jsonl, root, run};

fn samples() -> String {
    root().join("samples").display().to_string()
}

/// The indicator table of the samples is pinned by a golden file (regenerate with UPDATE_GOLDEN=1).
#[test]
fn samples_match_golden_csv() {
    let dir = tempfile::tempdir().unwrap();
    // Run from a copy so the doc column does not depend on where the checkout lives.
    let copy = dir.path().join("samples");
    std::fs::create_dir(&copy).unwrap();
    for e in std::fs::read_dir(root().join("samples")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), copy.join(e.file_name())).unwrap();
    }
    let out = common::zhibiao().current_dir(dir.path()).args(["extract", "samples"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let golden = root().join("tests/golden/samples.csv");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &out.stdout).unwrap();
    }
    let want = std::fs::read_to_string(&golden).expect("tests/golden/samples.csv");
    let got = String::from_utf8(out.stdout).unwrap();
    if got != want {
        for (g, w) in got.lines().zip(want.lines()) {
            if g != w {
                panic!("golden differs:\n got: {g}\nwant: {w}");
            }
        }
        panic!("golden differs in length: {} vs {} lines", got.lines().count(), want.lines().count());
    }
}

/// `text[start:end] == raw` in code points, for every row of every sample.
#[test]
fn offsets_count_code_points_of_the_decoded_text() {
    let out = run(&["extract", "--format", "jsonl", &samples()], None);
    assert!(out.status.success());
    let rows = jsonl(&out.stdout);
    assert!(rows.len() > 50, "{} rows", rows.len());
    for r in &rows {
        // `file#2`, one of the reports a file holds: its offsets count the file's text.
        let doc = r["doc"].as_str().unwrap();
        let file = match doc.rsplit_once('#') {
            Some((f, n)) if n.chars().all(|c| c.is_ascii_digit()) && !std::path::Path::new(doc).exists() => f,
            _ => doc,
        };
        let text = run(&["text", file], None);
        let chars: Vec<char> = String::from_utf8(text.stdout).unwrap().chars().collect();
        let (s, e) = (r["start_offset"].as_u64().unwrap() as usize, r["end_offset"].as_u64().unwrap() as usize);
        let span: String = chars[s..e].iter().collect();
        assert_eq!(span, r["raw"].as_str().unwrap(), "{doc}");
    }
}

const REPORT: &str = "示例县2025年法治政府建设情况报告\n一、主要成效\n全年立刑事案件428起,同比减少153起,下降26.33%。\n排查矛盾纠纷3559件,化解3439件,成功率达96.6%。\n";

fn rows_of(bytes: &[u8], name: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    let out = run(&["extract", "--format", "jsonl", p.to_str().unwrap()], None);
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    jsonl(&out.stdout)
}

fn essentials(rows: &[serde_json::Value]) -> Vec<(String, String, String, String)> {
    rows.iter()
        .map(|r| {
            (
                r["subject"].as_str().unwrap_or("").to_string(),
                r["kind"].as_str().unwrap().to_string(),
                r["value"].to_string(),
                r["unit"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn gbk_bom_crlf_and_no_line_breaks_give_the_same_indicators() {
    let base = essentials(&rows_of(REPORT.as_bytes(), "utf8.txt"));
    assert_eq!(base.len(), 6, "{base:?}");
    let (gbk, _, _) = encoding_rs::GBK.encode(REPORT);
    assert_eq!(essentials(&rows_of(&gbk, "gbk.txt")), base);
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(REPORT.as_bytes());
    assert_eq!(essentials(&rows_of(&bom, "bom.txt")), base);
    assert_eq!(essentials(&rows_of(REPORT.replace('\n', "\r\n").as_bytes(), "crlf.txt")), base);
    // As in ../shared/corpus/shanghai_gwr: the whole report on one line, paragraphs parted by spaces.
    let one_line = REPORT.replace('\n', " \u{3000}\u{3000}");
    assert_eq!(essentials(&rows_of(one_line.as_bytes(), "oneline.txt")), base);
}

#[test]
fn values_print_exactly_without_exponents() {
    let rows = rows_of("财政收入一万六千七百七十亿元，增长26.33%。".as_bytes(), "v.txt");
    assert_eq!(rows[0]["value"].to_string(), "1677000000000");
    assert_eq!(rows[1]["value"].to_string(), "-26.33".replace('-', ""));
    let csv = run(&["extract", "-"], Some("财政收入一万六千七百七十亿元。".as_bytes()));
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.contains(",1677000000000,"), "{text}");
}

#[test]
fn bad_files_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a_good.txt");
    std::fs::write(&good, REPORT).unwrap();
    std::fs::write(dir.path().join("b_empty.txt"), b"").unwrap();
    std::fs::write(dir.path().join("c_binary.txt"), [0u8, 1, 2, 0, 0, 255, 254, 0, 0, 0].repeat(100)).unwrap();
    std::fs::write(dir.path().join("d_truncated.docx"), b"PK\x03\x04 truncated").unwrap();
    let out = run(&["extract", "--format", "jsonl", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for name in ["b_empty.txt", "c_binary.txt", "d_truncated.docx"] {
        assert!(err.lines().any(|l| l.starts_with("zhibiao: ") && l.contains(name)), "{name}: {err}");
    }
    assert!(err.contains("4 files read, 3 failed"), "{err}");
    assert_eq!(jsonl(&out.stdout).len(), 6);
}

#[test]
fn output_file_is_written_whole_and_missing_dirs_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.csv");
    let out = run(&["extract", "-o", out_path.to_str().unwrap(), "-"], Some(REPORT.as_bytes()));
    assert!(out.status.success());
    let csv = std::fs::read_to_string(&out_path).unwrap();
    assert!(csv.starts_with(
        "doc,region,year,section,subject,kind,value,value_max,unit,qualifier,raw,start_offset,end_offset,sentence,check_result,check_detail,ref_year,status,basis,period_start,period_end,span,schema_version,table_no,table_row,table_column\n"
    ));
    assert_eq!(csv.lines().count(), 7);
    // No temp files left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let bad = run(&["extract", "-o", "/nonexistent/dir/out.csv", "-"], Some(REPORT.as_bytes()));
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = run(&["extract", "-j", "1", &samples()], None);
    let two = run(&["extract", "-j", "2", &samples()], None);
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn json_is_one_array_of_rows_in_field_order() {
    let out = run(&["extract", "--format", "json", "-"], Some(REPORT.as_bytes()));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 6);
    let keys: Vec<&str> = rows[0].as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(&keys[..6], &["doc", "region", "year", "section", "subject", "kind"]);
}

#[test]
fn excel_flag_writes_a_bom() {
    let out = run(&["extract", "--excel", "-"], Some(REPORT.as_bytes()));
    assert!(out.stdout.starts_with(b"\xef\xbb\xbfdoc,"));
}

#[test]
fn user_units_extend_the_list() {
    let text = "全年查处违规行为12宗次。".as_bytes();
    let without = jsonl(&run(&["extract", "--format", "jsonl", "-"], Some(text)).stdout);
    assert!(without.iter().all(|r| r["unit"] != "宗次"));
    let with = jsonl(&run(&["extract", "--format", "jsonl", "--unit", "宗次", "-"], Some(text)).stdout);
    assert_eq!(with[0]["unit"], "宗次");
}

#[test]
fn no_subjects_gives_the_same_figures_without_loading_jieba() {
    let with = jsonl(&run(&["extract", "--format", "jsonl", "-"], Some(REPORT.as_bytes())).stdout);
    let without = jsonl(&run(&["extract", "--format", "jsonl", "--no-subjects", "-"], Some(REPORT.as_bytes())).stdout);
    assert_eq!(with.len(), without.len());
    for (a, b) in with.iter().zip(&without) {
        assert_eq!((&a["raw"], &a["value"], &a["kind"]), (&b["raw"], &b["value"], &b["kind"]));
        assert_eq!(b["subject"], "");
    }
}

/// samples/示例市_2022-2023_统计公报_两年合编.txt holds two bulletins, the second after its masthead (as
/// tjgb/nanjing_2021-2024_tjgb.docx holds four): each is a report of its own year, and offsets count the file.
#[test]
fn a_file_of_two_bulletins_gives_two_reports_of_their_years() {
    let path = root().join("samples/示例市_2022-2023_统计公报_两年合编.txt");
    let p = path.to_str().unwrap();
    let rows = common::jsonl(&run(&["extract", "--format", "jsonl", p], None).stdout);
    let years: std::collections::BTreeSet<(String, i64)> = rows
        .iter()
        .map(|r| (r["doc"].as_str().unwrap().rsplit('#').next().unwrap().to_string(), r["year"].as_i64().unwrap()))
        .collect();
    assert_eq!(years.into_iter().collect::<Vec<_>>(), [("1".to_string(), 2023), ("2".to_string(), 2022)]);
    let text = String::from_utf8(run(&["text", p], None).stdout).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for r in &rows {
        let (a, b) = (r["start_offset"].as_u64().unwrap() as usize, r["end_offset"].as_u64().unwrap() as usize);
        assert_eq!(chars[a..b].iter().collect::<String>(), r["raw"].as_str().unwrap(), "{r}");
    }
    // The second report's GDP is 2022's.
    let gdp = rows.iter().find(|r| r["raw"] == "4860.2亿元").unwrap();
    assert_eq!((gdp["ref_year"].as_i64(), gdp["status"].as_str()), (Some(2022), Some("actual")));
}

/// samples/示例区_2024_行政复议和法治政府工作报告.txt: a 法治政府 report under a dated heading and a date line
/// reviews its own year; a year in parentheses is the aside's; each level of 从…到… has its own year; an
/// average since “十四五” covers the years so far; only the next year's section plans.
#[test]
fn a_fazhi_report_reads_its_years() {
    let path = root().join("samples/示例区_2024_行政复议和法治政府工作报告.txt");
    let rows = common::jsonl(&run(&["extract", "--format", "jsonl", path.to_str().unwrap()], None).stdout);
    let at = |raw: &str| {
        let r = rows.iter().find(|r| r["raw"] == raw).unwrap_or_else(|| panic!("no {raw}"));
        (r["ref_year"].as_i64(), r["status"].as_str().unwrap().to_string(), r["span"].as_str().map(String::from))
    };
    let actual = |y: i64| (Some(y), "actual".to_string(), None);
    assert_eq!(at("3326件"), actual(2024));
    assert_eq!(at("867件"), actual(2023));
    assert_eq!(at("同比增长283.6%"), actual(2024));
    assert_eq!(at("21.8%"), actual(2020));
    assert_eq!(at("41.5%"), actual(2024));
    assert_eq!(at("增长12.1%"), (None, "actual".to_string(), Some("average".to_string())));
    assert_eq!(at("20个"), (Some(2025), "target".to_string(), None));
}

/// samples/示例市_2023_统计公报_表格.docx (Word tables, a header cell spanning two columns and two merged down)
/// and samples/示例县_2024_统计公报_网页.html (`rowspan`, `colspan`, `<th>`, `<br>` in a header): each numeric
/// cell is a row with its table, row and column; offsets point at the cell in `zhibiao text`; `—` is no figure.
#[test]
fn sample_tables_give_a_row_per_numeric_cell() {
    let cell = |rows: &[serde_json::Value], table: &str, row: &str, col: &str| -> serde_json::Value {
        let hit: Vec<_> = rows
            .iter()
            .filter(|r| r["table_no"] == table && r["table_row"] == row && r["table_column"] == col)
            .collect();
        assert_eq!(hit.len(), 1, "{table} {row} {col}");
        hit[0].clone()
    };
    let path = root().join("samples/示例市_2023_统计公报_表格.docx");
    let p = path.to_str().unwrap();
    let rows = common::jsonl(&run(&["extract", "--format", "jsonl", p], None).stdout);
    let text: Vec<char> = String::from_utf8(run(&["text", p], None).stdout).unwrap().chars().collect();
    let c = cell(&rows, "表2", "汽车 > 新能源汽车", "2023年 比上年增长(%)");
    assert_eq!(
        (c["subject"].as_str(), c["kind"].as_str(), Some(c["value"].to_string())),
        (Some("新能源汽车产量"), Some("change_pct"), Some("45.8".to_string()))
    );
    let c = cell(&rows, "表2", "水泥", "2023年 绝对数");
    assert_eq!(
        (Some(c["value"].to_string()), c["unit"].as_str(), c["ref_year"].as_i64()),
        (Some("5123000".to_string()), Some("吨"), Some(2023))
    );
    let (a, b) = (c["start_offset"].as_u64().unwrap() as usize, c["end_offset"].as_u64().unwrap() as usize);
    assert_eq!(text[a..b].iter().collect::<String>(), "512.3");
    let c = cell(&rows, "表3", "出口额 > 机电产品", "占比（%）");
    assert_eq!((c["subject"].as_str(), c["kind"].as_str()), (Some("机电产品出口额占比"), Some("percent")));
    assert!(!rows.iter().any(|r| r["table_no"] == "表1" && r["table_row"] == "居住" && r["table_column"] == "2023年"));
    assert!(rows.iter().all(|r| !r["section"].as_str().unwrap().contains("食品烟酒")), "a row taken as a heading");

    let path = root().join("samples/示例县_2024_统计公报_网页.html");
    let rows = common::jsonl(&run(&["extract", "--format", "jsonl", path.to_str().unwrap()], None).stdout);
    let c = cell(&rows, "表1", "一般公共预算收入 > 税收收入", "上年同期 （亿元）");
    assert_eq!(
        (Some(c["value"].to_string()), c["unit"].as_str(), c["ref_year"].as_i64()),
        (Some("1830000000".to_string()), Some("元"), Some(2023))
    );
    let c = cell(&rows, "表1", "一般公共预算收入", "2024年 比上年增长（%）");
    assert_eq!(
        (c["kind"].as_str(), Some(c["value"].to_string()), c["basis"].as_str()),
        (Some("change_pct"), Some("4.1".to_string()), Some("比上年增长"))
    );
}
