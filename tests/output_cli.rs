//! Output conventions every subcommand shares, driven through the binary: the format follows `-o`, `-`
//! is stdout, file modes, a closed stdout is success, a piped stdin is read, one set of output flags,
//! Chinese values with `--headers zh`, `--columns`, `--glob`/`--exclude`, typed Parquet read back with the
//! `parquet` crate, the JSON Schema of `zhibiao schema` holding for every row.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{jsonl, root, run, zhibiao};

const REPORT: &str = "示例县2025年法治政府建设情况报告\n一、主要成效\n全年立刑事案件428起,同比减少153起,下降26.33%。\n排查矛盾纠纷3559件,化解3439件,成功率达96.6%。\n";

fn samples() -> String {
    root().join("samples").display().to_string()
}

/// Two years of one county, for `compare`.
fn two_years(dir: &Path) -> Vec<String> {
    let a = dir.join("x_2016_gwr.txt");
    let b = dir.join("x_2017_gwr.txt");
    std::fs::write(
        &a,
        "一、2015年工作回顾\n全区地区生产总值实现1.2亿元，增长6.7%。粮食总产量1.2万吨。\n二、2016年工作安排\n今年主要预期目标是：地区生产总值增长6.5%－7%，居民消费价格涨幅3%左右。\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "一、2016年工作回顾\n生产总值达到9800万元，增长6.7%。粮食产量2600万斤。居民消费价格上涨3.4%。\n",
    )
    .unwrap();
    vec![a.display().to_string(), b.display().to_string()]
}

fn zip_member(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn ok(out: &std::process::Output) -> String {
    assert!(out.status.success(), "exit {:?}: {}", out.status.code(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_format_follows_the_extension_of_o() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = |n: &str| d.join(n).display().to_string();
    for (name, check) in [
        ("t.csv", (|b: &[u8]| b.starts_with(b"doc,region,")) as fn(&[u8]) -> bool),
        ("t.tsv", |b| b.starts_with(b"doc\tregion\t")),
        ("t.jsonl", |b| b.starts_with(b"{\"doc\":")),
        ("t.ndjson", |b| b.starts_with(b"{\"doc\":")),
        ("t.json", |b| b.starts_with(b"[\n{\"doc\":")),
        ("t.xlsx", |b| b.starts_with(b"PK\x03\x04")),
        ("T.XLSX", |b| b.starts_with(b"PK\x03\x04")),
        ("t.parquet", |b| b.starts_with(b"PAR1") && b.ends_with(b"PAR1")),
        ("t.out", |b| b.starts_with(b"doc,region,")),
    ] {
        ok(&run(&["extract", "-o", &p(name), "-"], Some(REPORT.as_bytes())));
        let bytes = std::fs::read(d.join(name)).unwrap();
        assert!(check(&bytes), "{name}: {:?}", String::from_utf8_lossy(&bytes[..bytes.len().min(40)]));
    }
    // --format agrees, or is an error naming both.
    ok(&run(&["extract", "--format", "xlsx", "-o", &p("u.xlsx"), "-"], Some(REPORT.as_bytes())));
    let bad = run(&["extract", "--format", "csv", "-o", &p("v.xlsx"), "-"], Some(REPORT.as_bytes()));
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("--format csv") && err.contains("v.xlsx") && err.contains("xlsx"), "{err}");
    assert!(!d.join("v.xlsx").exists());
    // An unknown extension takes --format.
    ok(&run(&["extract", "--format", "jsonl", "-o", &p("w.txt"), "-"], Some(REPORT.as_bytes())));
    assert!(std::fs::read(d.join("w.txt")).unwrap().starts_with(b"{\"doc\":"));
    // HTML is view's, and view writes nothing else.
    let html = run(&["extract", "-o", &p("x.html"), "-"], Some(REPORT.as_bytes()));
    assert_eq!(html.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&html.stderr).contains("zhibiao view"));
    let view = run(&["view", "-o", &p("y.csv"), "-"], Some(REPORT.as_bytes()));
    assert_eq!(view.status.code(), Some(2));
    assert!(!d.join("y.csv").exists());
    ok(&run(&["view", "-o", &p("z.html"), "-"], Some(REPORT.as_bytes())));
    assert!(std::fs::read_to_string(d.join("z.html")).unwrap().starts_with("<!DOCTYPE html>"));
}

#[test]
fn o_dash_is_stdout_for_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["extract", "-o", "-", "-"][..], &["verify", "-o", "-", "-"], &["view", "-o", "-", "-"]] {
        let out = zhibiao()
            .current_dir(dir.path())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = {
            let mut out = out;
            use std::io::Write;
            out.stdin.take().unwrap().write_all(REPORT.as_bytes()).unwrap();
            out.wait_with_output().unwrap()
        };
        assert!(!ok(&out).is_empty(), "{args:?} wrote nothing to stdout");
        assert!(!dir.path().join("-").exists(), "{args:?} made a file named -");
    }
}

/// The mode of a file.
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Runs the binary under a umask.
fn run_with_umask(umask: &str, args: &[&str]) -> std::process::Output {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\" < /dev/null"))
        .arg(env!("CARGO_BIN_EXE_zhibiao"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

#[test]
fn new_files_get_the_umask_mode_and_overwritten_ones_keep_theirs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("samples/示例县_2025_法治政府建设情况报告.txt");
    let s = sample.to_str().unwrap();
    for (umask, want) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        for ext in ["csv", "xlsx", "parquet"] {
            let p = dir.path().join(format!("new_{umask}.{ext}"));
            run_with_umask(umask, &["extract", "-o", p.to_str().unwrap(), s]);
            assert_eq!(mode(&p), want, "umask {umask}, .{ext}");
        }
    }
    // An overwritten file keeps its mode, whatever the umask.
    for keep in [0o600, 0o664, 0o640] {
        let p = dir.path().join(format!("old_{keep:o}.csv"));
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(keep)).unwrap();
        run_with_umask("022", &["extract", "-o", p.to_str().unwrap(), s]);
        assert_eq!(mode(&p), keep, "overwritten {keep:o}");
        assert!(std::fs::read_to_string(&p).unwrap().starts_with("doc,"));
    }
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.starts_with(".zhibiao-")), "temp files left: {names:?}");
}

#[test]
fn o_follows_symlinks_and_writes_through_fifos_and_devices() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sample = root().join("samples/示例县_2025_法治政府建设情况报告.txt");
    let s = sample.to_str().unwrap();
    // A symlink to a regular file: the file is replaced, the link stays a link.
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::write(d.join("real/rows.csv"), "old").unwrap();
    std::os::unix::fs::symlink("real/rows.csv", d.join("link.csv")).unwrap();
    ok(&run(&["extract", "-o", d.join("link.csv").to_str().unwrap(), s], None));
    assert!(std::fs::symlink_metadata(d.join("link.csv")).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(d.join("real/rows.csv")).unwrap().starts_with("doc,"));
    // A dangling symlink: the file it names is made.
    std::os::unix::fs::symlink("real/made.jsonl", d.join("dangling.jsonl")).unwrap();
    ok(&run(&["extract", "-o", d.join("dangling.jsonl").to_str().unwrap(), s], None));
    assert!(std::fs::symlink_metadata(d.join("dangling.jsonl")).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(d.join("real/made.jsonl")).unwrap().starts_with("{\"doc\""));
    // A symlink to a device: written through, the device left as it is. (A link, so that a regression
    // replaces the link, never /dev/null itself.)
    std::os::unix::fs::symlink("/dev/null", d.join("null.csv")).unwrap();
    ok(&run(&["extract", "-o", d.join("null.csv").to_str().unwrap(), s], None));
    assert!(std::fs::symlink_metadata(d.join("null.csv")).unwrap().file_type().is_symlink());
    {
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }
    // A FIFO: written through while a reader reads it.
    let fifo = d.join("rows.fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    ok(&run(&["extract", "--format", "jsonl", "-o", fifo.to_str().unwrap(), s], None));
    let got = reader.join().unwrap();
    assert!(jsonl(&got).len() > 10);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO was replaced");
    let left: Vec<_> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!left.iter().any(|n| n.to_string_lossy().starts_with(".zhibiao-")), "{left:?}");
}

/// Runs the binary with its stdout the write end of a pipe whose read end is already closed, as after
/// `| head -1`: every write fails with EPIPE.
fn run_into_closed_pipe(args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = zhibiao().args(args).stdin(Stdio::piped()).stdout(writer).stderr(Stdio::piped()).spawn().unwrap();
    {
        use std::io::Write;
        let mut si = child.stdin.take().unwrap();
        if let Some(b) = stdin {
            let _ = si.write_all(b);
        }
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_stdout_is_success_for_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let years = two_years(dir.path());
    let s = samples();
    let cases: Vec<Vec<&str>> = vec![
        vec!["extract", &s],
        vec!["extract", "--format", "json", &s],
        vec!["extract", "--format", "parquet", &s],
        vec!["verify", &s],
        vec!["verify", "--format", "xlsx", &s],
        vec!["compare", &years[0], &years[1]],
        vec!["compare", "--long", "--format", "jsonl", &years[0], &years[1]],
        vec!["compare", "--claims", &years[0], &years[1]],
        vec!["view", &s],
        vec!["text", &s],
        vec!["schema"],
        vec!["extract", "--stdin-jsonl"],
    ];
    let line = serde_json::json!({"doc": "d", "text": REPORT}).to_string() + "\n";
    for args in cases {
        let out = run_into_closed_pipe(&args, Some(line.as_bytes()));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe") && !err.contains("os error 32"), "{args:?}: {err}");
    }
}

#[test]
fn compare_piped_into_head_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    // Enough reports that the table does not fit the pipe's buffer.
    let corpus = common::corpus();
    let mut args = vec!["compare".to_string(), "--min-years".into(), "1".into()];
    match &corpus {
        Some(c) => args.push(c.join("national_gwr_utf8").display().to_string()),
        None => args.extend(two_years(dir.path())),
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg("\"$0\" \"$@\" | head -1")
        .arg(env!("CARGO_BIN_EXE_zhibiao"))
        .args(&args)
        .output()
        .unwrap();
    let so = String::from_utf8_lossy(&out.stdout);
    assert!(so.starts_with("region,indicator,kind,unit,status,match,years,"), "{so}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("Broken pipe"), "{err}");
    // The exit code of zhibiao itself, without the shell's pipeline in between.
    let (reader, writer) = std::io::pipe().unwrap();
    let child = zhibiao().args(&args).stdout(writer).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(reader), &mut first).unwrap();
    // BufReader and reader dropped: the pipe is closed after one line.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with("region,"));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_piped_stdin_is_read_when_no_path_is_given() {
    for sub in ["extract", "verify", "text"] {
        let out = run(&[sub], Some(REPORT.as_bytes()));
        let text = ok(&out);
        assert!(text.contains("26.33"), "{sub}: {text}");
    }
}

#[test]
fn verify_and_compare_take_the_output_flags_of_extract() {
    let dir = tempfile::tempdir().unwrap();
    let years = two_years(dir.path());
    // --headers zh, with Chinese values.
    let v = ok(&run(&["verify", "--headers", "zh", "--format", "jsonl", "-"], Some(REPORT.as_bytes())));
    let rows = jsonl(v.as_bytes());
    assert!(rows.iter().any(|r| r["核验"] == "一致"), "{v}");
    let c = ok(&run(&["compare", "--headers", "zh", &years[0], &years[1]], None));
    assert!(c.starts_with("地区,指标,类型,单位,性质,匹配方式,年数,"), "{c}");
    assert!(c.contains(",数量,") && c.contains(",实际,"), "{c}");
    // --excel.
    let e = run(&["compare", "--excel", &years[0], &years[1]], None);
    assert!(e.stdout.starts_with(b"\xef\xbb\xbfregion,"));
    let e = run(&["verify", "--excel", "-"], Some(REPORT.as_bytes()));
    assert!(e.stdout.starts_with(b"\xef\xbb\xbfdoc,"));
    // xlsx with numeric stated, computed, low and high.
    let x = dir.path().join("v.xlsx");
    let out = run(&["verify", "-o", x.to_str().unwrap(), "-"], Some(REPORT.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let sheet = zip_member(&std::fs::read(&x).unwrap(), "xl/worksheets/sheet1.xml");
    // Row 2 is 下降26.33%: D stated, E computed, F low, G high are numbers.
    for col in ["D2", "E2", "F2", "G2"] {
        let at = sheet.find(&format!("<c r=\"{col}\"")).unwrap_or_else(|| panic!("no cell {col}: {sheet}"));
        assert!(sheet[at..].split("</c>").next().unwrap().contains("<v>-26."), "{col} not a number: {sheet}");
    }
    let x = dir.path().join("c.xlsx");
    ok(&run(&["compare", "-o", x.to_str().unwrap(), &years[0], &years[1]], None));
    // The wide table as a workbook: a sheet per region, each year's target beside its actual.
    let bytes = std::fs::read(&x).unwrap();
    let book = zip_member(&bytes, "xl/workbook.xml");
    assert!(book.contains("<sheet name=\"x\""), "{book}");
    let strings = zip_member(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("<t>2016</t>") && strings.contains("<t>地区生产总值</t>"), "{strings}");
    assert!(zip_member(&bytes, "xl/worksheets/sheet1.xml").contains("<v>"));
    // With --columns, the flat table on one sheet.
    ok(&run(&["compare", "--columns", "indicator,y2016", "-o", x.to_str().unwrap(), &years[0], &years[1]], None));
    let sheet = zip_member(&std::fs::read(&x).unwrap(), "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<t>y2016</t>") && sheet.contains("<v>"), "{sheet}");
    // --columns, with unknown names refused.
    let c = ok(&run(&["compare", "--columns", "indicator,y2016,kind", &years[0], &years[1]], None));
    assert!(c.starts_with("indicator,y2016,kind\n"), "{c}");
    let bad = run(&["verify", "--columns", "subject,nope", "-"], Some(REPORT.as_bytes()));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no column \"nope\""));
}

#[test]
fn quiet_silences_summaries_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), REPORT).unwrap();
    std::fs::write(dir.path().join("b.txt"), REPORT).unwrap();
    std::fs::write(dir.path().join("c_empty.txt"), "").unwrap();
    let d = dir.path().to_str().unwrap();
    for sub in ["extract", "verify", "compare", "view"] {
        let loud = run(&[sub, d], None);
        assert!(String::from_utf8_lossy(&loud.stderr).lines().count() >= 2, "{sub}");
        let quiet = run(&[sub, "-q", d], None);
        let err = String::from_utf8_lossy(&quiet.stderr);
        assert_eq!(err.lines().count(), 1, "{sub}: {err}");
        assert!(err.contains("c_empty.txt"), "{sub}: {err}");
        assert_eq!(quiet.status.code(), Some(2));
    }
}

#[test]
fn headers_zh_gives_chinese_values_and_the_default_stays_english() {
    let en = jsonl(ok(&run(&["extract", "--format", "jsonl", "-"], Some(REPORT.as_bytes()))).as_bytes());
    let zh =
        jsonl(ok(&run(&["extract", "--headers", "zh", "--format", "jsonl", "-"], Some(REPORT.as_bytes()))).as_bytes());
    assert_eq!(en.len(), zh.len());
    let pairs = [("kind", "类型"), ("qualifier", "限定"), ("status", "性质"), ("check_result", "核验")];
    let mut seen = std::collections::BTreeSet::new();
    for (e, z) in en.iter().zip(&zh) {
        for (ek, zk) in pairs {
            if let Some(v) = e[ek].as_str() {
                seen.insert((v.to_string(), z[zk].as_str().unwrap().to_string()));
            }
        }
        assert_eq!(e["value"], z["数值"]);
    }
    for want in [
        ("quantity", "数量"),
        ("exact", "确数"),
        ("actual", "实际"),
        ("change_pct", "增减幅度"),
        ("consistent", "一致"),
    ] {
        assert!(seen.contains(&(want.0.to_string(), want.1.to_string())), "{want:?} not in {seen:?}");
    }
    let csv = ok(&run(&["extract", "--headers", "zh", "-"], Some(REPORT.as_bytes())));
    assert!(csv.contains(",数量,") && !csv.contains(",quantity,"), "{csv}");
}

#[test]
fn columns_picks_and_orders_columns() {
    let out = ok(&run(&["extract", "--columns", "subject,value,unit,kind", "-"], Some(REPORT.as_bytes())));
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("subject,value,unit,kind"));
    assert_eq!(lines.next(), Some("刑事案件,428,起,quantity"));
    // Any of a column's names, in any format.
    let j = jsonl(
        ok(&run(&["extract", "--format", "jsonl", "--columns", "原文,end", "-"], Some(REPORT.as_bytes()))).as_bytes(),
    );
    let keys: Vec<&str> = j[0].as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(keys, ["raw", "end_offset"]);
    let bad = run(&["extract", "--columns", "subject,valeu", "-"], Some(REPORT.as_bytes()));
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("no column \"valeu\"") && err.contains("value"), "{err}");
}

#[test]
fn legacy_names_keep_the_old_columns_readable() {
    let new = ok(&run(&["extract", "-"], Some(REPORT.as_bytes())));
    let old = ok(&run(&["extract", "--legacy-names", "-"], Some(REPORT.as_bytes())));
    let header = |s: &str| s.lines().next().unwrap().to_string();
    assert!(header(&new).contains(",start_offset,end_offset,sentence,check_result,"));
    assert!(header(&old).contains(",start,end,sentence,check,"));
    // Only the names differ.
    assert_eq!(new.lines().skip(1).collect::<Vec<_>>(), old.lines().skip(1).collect::<Vec<_>>());
    let env = zhibiao().args(["extract", "-"]).env("ZHIBIAO_LEGACY_NAMES", "1").stdin(Stdio::null()).output().unwrap();
    assert!(header(&String::from_utf8_lossy(&env.stdout)).contains(",start,end,sentence,check,"));
    let v = ok(&run(&["verify", "--legacy-names", "-"], Some(REPORT.as_bytes())));
    assert!(
        v.starts_with("doc,subject,stated,stated_value,computed,low,high,tolerance,verdict,formula,detail,start,end,"),
        "{v}"
    );
}

/// Names a query can use without quotes: lower case letters, digits and `_`, no reserved word of DuckDB's
/// grammar (the words of its `reserved_keyword` class).
#[test]
fn column_names_need_no_quoting_in_sql() {
    const RESERVED: &[&str] = &[
        "all",
        "analyse",
        "analyze",
        "and",
        "any",
        "array",
        "as",
        "asc",
        "asymmetric",
        "both",
        "case",
        "cast",
        "check",
        "collate",
        "column",
        "constraint",
        "create",
        "default",
        "deferrable",
        "desc",
        "describe",
        "distinct",
        "do",
        "else",
        "end",
        "except",
        "false",
        "fetch",
        "for",
        "foreign",
        "from",
        "grant",
        "group",
        "having",
        "in",
        "initially",
        "intersect",
        "into",
        "lateral",
        "leading",
        "limit",
        "not",
        "null",
        "offset",
        "on",
        "only",
        "or",
        "order",
        "pivot",
        "pivot_longer",
        "pivot_wider",
        "placing",
        "primary",
        "qualify",
        "references",
        "returning",
        "select",
        "show",
        "some",
        "summarize",
        "symmetric",
        "table",
        "then",
        "to",
        "trailing",
        "true",
        "union",
        "unique",
        "unpivot",
        "using",
        "variadic",
        "when",
        "where",
        "window",
        "with",
    ];
    let dir = tempfile::tempdir().unwrap();
    let years = two_years(dir.path());
    let mut headers = Vec::new();
    headers.push(ok(&run(&["extract", "-"], Some(REPORT.as_bytes()))));
    headers.push(ok(&run(&["verify", "-"], Some(REPORT.as_bytes()))));
    for extra in [&[][..], &["--long"], &["--claims"]] {
        let mut a = vec!["compare"];
        a.extend_from_slice(extra);
        a.extend(years.iter().map(|s| s.as_str()));
        headers.push(ok(&run(&a, None)));
    }
    for h in &headers {
        for name in h.lines().next().unwrap().split(',') {
            let ident = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            assert!(ident, "{name:?} needs quoting");
            assert!(!RESERVED.contains(&name), "{name:?} is reserved");
        }
    }
}

#[test]
fn compare_year_columns_hold_numbers_only() {
    let dir = tempfile::tempdir().unwrap();
    let years = two_years(dir.path());
    let out = ok(&run(&["compare", "--format", "jsonl", "--min-years", "1", &years[0], &years[1]], None));
    let rows = jsonl(out.as_bytes());
    let target = rows
        .iter()
        .find(|r| r["indicator"] == "地区生产总值" && r["kind"] == "change_pct" && r["status"] == "target")
        .expect("the growth target 6.5%－7%");
    assert_eq!(target["y2016"].to_string(), "6.5");
    assert_eq!(target["y2016_max"].to_string(), "7");
    assert_eq!(target["y2016_q"], "range");
    assert_eq!(target["y2016_met"], "met");
    let cpi = rows.iter().find(|r| r["indicator"] == "居民消费价格" && r["status"] == "target").unwrap();
    assert_eq!(cpi["y2016"].to_string(), "3");
    assert_eq!(cpi["y2016_q"], "approx");
    for r in &rows {
        for (k, v) in r.as_object().unwrap() {
            if k.starts_with('y') && k[1..].chars().take(4).all(|c| c.is_ascii_digit()) {
                let numeric = k.len() == 5 || k.ends_with("_max") || k.ends_with("_chg") || k.ends_with("_chg_pct");
                if numeric {
                    assert!(v.is_null() || v.is_number(), "{k}: {v}");
                }
            }
        }
    }
    // --min-years defaults to 2: the one-year target rows are left out.
    let out = ok(&run(&["compare", "--format", "jsonl", &years[0], &years[1]], None));
    let rows = jsonl(out.as_bytes());
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["years"].as_u64().unwrap() >= 2), "{out}");
}

#[test]
fn verify_gives_numbers_in_one_sign_and_only_keeps_a_verdict() {
    let text = REPORT.replace("96.6%", "92.6%");
    let out = run(&["verify", "--format", "jsonl", "-"], Some(text.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let rows = jsonl(&out.stdout);
    let fall = rows.iter().find(|r| r["raw"] == "下降26.33%").unwrap();
    assert_eq!(fall["stated"].to_string(), "-26.33");
    let computed: f64 = fall["computed"].as_f64().unwrap();
    let (lo, hi) = (fall["low"].as_f64().unwrap(), fall["high"].as_f64().unwrap());
    assert!(lo < computed && computed < hi && hi < 0.0, "{fall}");
    assert_eq!((fall["low"].to_string().as_str(), fall["high"].to_string().as_str()), ("-26.34", "-26.325"));
    let rate = rows.iter().find(|r| r["raw"] == "92.6%").unwrap();
    assert_eq!((rate["low"].to_string().as_str(), rate["high"].to_string().as_str()), ("92.55", "92.7"));
    assert_eq!(rate["verdict"], "inconsistent");
    let only = run(&["verify", "--format", "jsonl", "--only", "inconsistent", "-"], Some(text.as_bytes()));
    assert_eq!(only.status.code(), Some(1), "the exit code still counts every check");
    let only = jsonl(&only.stdout);
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["raw"], "92.6%");
    assert!(
        String::from_utf8_lossy(
            &run(&["verify", "--only", "consistent,unverifiable", "-"], Some(text.as_bytes())).stdout
        )
        .lines()
        .skip(1)
        .all(|l| !l.contains(",inconsistent,"))
    );
}

#[test]
fn glob_and_exclude_choose_the_files_of_a_directory_walk() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("README.md"), "本目录共收录报告12份，覆盖3个省份。\n").unwrap();
    std::fs::write(d.join("MANIFEST.tsv"), "file\tyear\nr.txt\t2025\n").unwrap();
    std::fs::write(d.join("r.txt"), REPORT).unwrap();
    let docs = |args: &[&str]| -> std::collections::BTreeSet<String> {
        let out = run(&[&["extract", "--format", "jsonl"][..], args].concat(), None);
        jsonl(&out.stdout).iter().map(|r| r["doc"].as_str().unwrap().rsplit('/').next().unwrap().to_string()).collect()
    };
    let ds = d.to_str().unwrap();
    assert!(docs(&[ds]).contains("README.md"), "a walk reads every file by default");
    assert_eq!(docs(&["--exclude", "README*", "--exclude", "*.tsv", ds]), ["r.txt".to_string()].into());
    assert_eq!(docs(&["--glob", "*.txt", ds]), ["r.txt".to_string()].into());
    // A file named on the command line is read whatever the globs.
    let readme = d.join("README.md").display().to_string();
    assert!(docs(&["--glob", "*.txt", &readme]).contains("README.md"));
    let out = run(&["extract", "--exclude", "README*", ds], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 left out by --glob/--exclude"));
}

/// The value of a Parquet field as text comparable with the JSON Lines one.
fn field_text(f: &parquet::record::Field) -> serde_json::Value {
    use parquet::record::Field;
    match f {
        Field::Null => serde_json::Value::Null,
        Field::Str(s) => serde_json::Value::String(s.clone()),
        Field::Long(n) => serde_json::json!(n),
        Field::Decimal(d) => {
            let bytes: [u8; 16] = d.data().try_into().expect("16 bytes");
            let v = rust_decimal::Decimal::from_i128_with_scale(i128::from_be_bytes(bytes), d.scale() as u32);
            serde_json::Value::Number(zhibiao::output::fmt_decimal(v).parse().unwrap())
        }
        other => panic!("unexpected Parquet field {other:?}"),
    }
}

#[test]
fn parquet_reads_back_typed_and_equal_to_json_lines() {
    use parquet::basic::{LogicalType, Type as Physical};
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("rows.parquet");
    ok(&run(&["extract", "-o", p.to_str().unwrap(), &samples()], None));
    let want = jsonl(ok(&run(&["extract", "--format", "jsonl", &samples()], None)).as_bytes());
    let reader = SerializedFileReader::new(std::fs::File::open(&p).unwrap()).unwrap();
    let meta = reader.metadata().file_metadata();
    let kv: Vec<(String, Option<String>)> =
        meta.key_value_metadata().unwrap().iter().map(|k| (k.key.clone(), k.value.clone())).collect();
    assert!(kv.contains(&("schema_version".into(), Some("1".into()))), "{kv:?}");
    let fields = meta.schema().get_fields();
    let ty = |name: &str| {
        let f = fields.iter().find(|f| f.name() == name).unwrap_or_else(|| panic!("no column {name}"));
        (f.get_physical_type(), f.get_basic_info().logical_type_ref().cloned(), f.is_optional())
    };
    assert_eq!(ty("value"), (Physical::FIXED_LEN_BYTE_ARRAY, Some(LogicalType::decimal(9, 38)), false));
    assert!(ty("value_max").2);
    assert_eq!(ty("start_offset"), (Physical::INT64, Some(LogicalType::integer(64, true)), false));
    assert_eq!(ty("subject"), (Physical::BYTE_ARRAY, Some(LogicalType::String), false));
    assert!(ty("region").2);
    let mut n = 0;
    for (row, want) in reader.get_row_iter(None).unwrap().zip(&want) {
        let row = row.unwrap();
        for (name, field) in row.get_column_iter() {
            assert_eq!(&field_text(field), &want[name.as_str()], "{name} of row {n}");
        }
        n += 1;
    }
    assert_eq!(n, want.len());
    assert!(n > 50);
}

#[test]
fn parquet_of_verify_and_compare_is_typed_too() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let years = two_years(dir.path());
    let v = dir.path().join("v.parquet");
    ok(&run(&["verify", "-o", v.to_str().unwrap(), "-"], Some(REPORT.as_bytes())));
    let c = dir.path().join("c.parquet");
    ok(&run(&["compare", "--headers", "zh", "-o", c.to_str().unwrap(), &years[0], &years[1]], None));
    let r = SerializedFileReader::new(std::fs::File::open(&v).unwrap()).unwrap();
    let rows: Vec<_> = r.get_row_iter(None).unwrap().map(|r| r.unwrap()).collect();
    let fall = rows
        .iter()
        .find(|row| row.get_column_iter().any(|(k, f)| k == "raw" && field_text(f) == "下降26.33%"))
        .expect("the 下降26.33% row");
    let get = |name: &str| fall.get_column_iter().find(|(k, _)| *k == name).map(|(_, f)| field_text(f)).unwrap();
    assert_eq!(get("stated").to_string(), "-26.33");
    assert_eq!(get("high").to_string(), "-26.325");
    let r = SerializedFileReader::new(std::fs::File::open(&c).unwrap()).unwrap();
    let names: Vec<String> =
        r.metadata().file_metadata().schema().get_fields().iter().map(|f| f.name().to_string()).collect();
    assert!(names.contains(&"2016年".to_string()) && names.contains(&"地区".to_string()), "{names:?}");
    assert!(r.get_row_iter(None).unwrap().count() > 0);
}

/// A minimal JSON Schema check of what `zhibiao schema` uses: type (with null), enum, const, required,
/// patternProperties (by the prefix and suffix of the patterns it writes) and additionalProperties false.
fn conforms(schema: &serde_json::Value, row: &serde_json::Value) -> Result<(), String> {
    let obj = row.as_object().ok_or("not an object")?;
    let props = schema["properties"].as_object().unwrap();
    for r in schema["required"].as_array().unwrap() {
        if !obj.contains_key(r.as_str().unwrap()) {
            return Err(format!("missing {r}"));
        }
    }
    for (k, v) in obj {
        let p = match props.get(k) {
            Some(p) => p,
            None => {
                let pats = schema["patternProperties"].as_object();
                let hit = pats.and_then(|m| {
                    m.iter().find(|(pat, _)| {
                        let re = regex::Regex::new(pat).unwrap();
                        re.is_match(k)
                    })
                });
                match hit {
                    Some((_, p)) => p,
                    None => return Err(format!("unexpected property {k}")),
                }
            }
        };
        let types: Vec<&str> = match &p["type"] {
            serde_json::Value::String(s) => vec![s.as_str()],
            serde_json::Value::Array(a) => a.iter().map(|t| t.as_str().unwrap()).collect(),
            _ => return Err(format!("{k}: no type")),
        };
        let ok_type = types.iter().any(|t| match *t {
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "null" => v.is_null(),
            _ => false,
        });
        if !ok_type {
            return Err(format!("{k}: {v} is not {types:?}"));
        }
        if let Some(e) = p["enum"].as_array()
            && !e.contains(v)
        {
            return Err(format!("{k}: {v} not in {e:?}"));
        }
        if let Some(c) = p.get("const")
            && c != v
        {
            return Err(format!("{k}: {v} is not {c}"));
        }
    }
    Ok(())
}

#[test]
fn every_json_row_conforms_to_the_published_schema() {
    let dir = tempfile::tempdir().unwrap();
    let years = two_years(dir.path());
    let s = samples();
    let cases: Vec<(&str, Vec<&str>, Vec<&str>)> = vec![
        ("extract", vec!["extract", "--all", &s], vec![]),
        ("extract", vec!["extract", "--headers", "zh", &s], vec!["--headers", "zh"]),
        ("extract", vec!["extract", "--legacy-names", &s], vec!["--legacy-names"]),
        ("verify", vec!["verify", "--no-fail", &s], vec![]),
        ("compare", vec!["compare", "--min-years", "1", &years[0], &years[1]], vec![]),
        (
            "compare",
            vec!["compare", "--headers", "zh", "--min-years", "1", &years[0], &years[1]],
            vec!["--headers", "zh"],
        ),
        ("compare-long", vec!["compare", "--long", &years[0], &years[1]], vec![]),
        ("claims", vec!["compare", "--claims", &years[0], &years[1]], vec![]),
    ];
    for (table, args, schema_args) in cases {
        let schema: serde_json::Value =
            serde_json::from_str(&ok(&run(&[&["schema", table][..], &schema_args].concat(), None))).unwrap();
        assert_eq!(schema["x-schema-version"], 1);
        let rows = jsonl(ok(&run(&[&args[..], &["--format", "jsonl"]].concat(), None)).as_bytes());
        assert!(!rows.is_empty() || table == "claims", "{args:?} gave no rows");
        for r in &rows {
            conforms(&schema, r).unwrap_or_else(|e| panic!("{table} {args:?}: {e}: {r}"));
        }
    }
    // The schema is no rubber stamp: a row with a renamed key or a string value fails it.
    let schema: serde_json::Value = serde_json::from_str(&ok(&run(&["schema"], None))).unwrap();
    let row = &jsonl(ok(&run(&["extract", "--format", "jsonl", "-"], Some(REPORT.as_bytes()))).as_bytes())[0];
    let mut bad = row.clone();
    bad["value"] = serde_json::json!("428");
    assert!(conforms(&schema, &bad).is_err());
    let mut bad = row.clone();
    bad.as_object_mut().unwrap().insert("chek".into(), serde_json::Value::Null);
    assert!(conforms(&schema, &bad).is_err());
    // The old keys a row still carries (`check` beside `check_result`) are in the schema, marked deprecated.
    assert_eq!(row["check"], row["check_result"]);
    assert_eq!(row["start"], row["start_offset"]);
    assert_eq!(schema["properties"]["check"]["deprecated"], true);
    let mut bad = row.clone();
    bad["kind"] = serde_json::json!("amount");
    assert!(conforms(&schema, &bad).is_err());
}

#[test]
fn every_format_carries_the_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let csv = ok(&run(&["extract", "-"], Some(REPORT.as_bytes())));
    // The columns appended since (table_no, table_row, table_column) follow it.
    assert!(csv.lines().next().unwrap().split(',').any(|c| c == "schema_version"));
    // A figure of the prose has no table: its table columns are empty.
    assert!(csv.lines().skip(1).all(|l| l.ends_with(",1,,,")));
    let j = jsonl(ok(&run(&["extract", "--format", "jsonl", "-"], Some(REPORT.as_bytes()))).as_bytes());
    assert!(j.iter().all(|r| r["schema_version"] == 1));
    let x = dir.path().join("t.xlsx");
    ok(&run(&["extract", "-o", x.to_str().unwrap(), "-"], Some(REPORT.as_bytes())));
    let custom = zip_member(&std::fs::read(&x).unwrap(), "docProps/custom.xml");
    assert!(custom.contains("schema_version") && custom.contains("<vt:i4>1</vt:i4>"), "{custom}");
}

#[test]
fn values_beyond_a_64_bit_integer_are_floats_in_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("t.xlsx");
    // From ../shared/corpus/provincial_gwr_2026_csv/henan_2026_gwr.csv: 1.036e19, past i64::MAX.
    ok(&run(&["extract", "-o", x.to_str().unwrap(), "-"], Some("算力总规模达到10.36百亿亿次/秒。".as_bytes())));
    let sheet = zip_member(&std::fs::read(&x).unwrap(), "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<c r=\"G2\"><v>1.036e19</v></c>"), "{sheet}");
}

/// `PATH`s of the files in `dir` named like our temp files.
fn temps(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".zhibiao-"))
        .collect()
}

/// Starts `extract -o TARGET -` waiting on its stdin, and returns once its temp file exists.
fn start_waiting(target: &Path) -> std::process::Child {
    let child = zhibiao()
        .args(["extract", "-o", target.to_str().unwrap(), "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let t0 = std::time::Instant::now();
    while temps(target.parent().unwrap()).is_empty() {
        assert!(t0.elapsed().as_secs() < 20, "no temp file appeared");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    child
}

fn wait(child: &mut std::process::Child) -> std::process::ExitStatus {
    let t0 = std::time::Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        assert!(t0.elapsed().as_secs() < 30, "still running after the signal");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn sigterm_exits_143_and_sigint_130_leaving_nothing() {
    for (sig, code) in [("-TERM", 143), ("-INT", 130), ("-HUP", 129)] {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let mut child = start_waiting(&target);
        assert!(Command::new("kill").args([sig, &child.id().to_string()]).status().unwrap().success());
        let status = wait(&mut child);
        drop(child.stdin.take());
        assert_eq!(status.code(), Some(code), "{sig}");
        assert!(!target.exists());
        assert!(temps(dir.path()).is_empty(), "{sig}: temp left");
    }
}

#[test]
fn a_later_run_removes_the_temp_file_of_a_killed_one() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.csv");
    let mut child = start_waiting(&target);
    child.kill().unwrap(); // SIGKILL: nothing can clean up.
    let _ = child.wait();
    let left = temps(dir.path());
    assert_eq!(left.len(), 1, "a SIGKILL leaves its temp file: {left:?}");
    // Not ours to remove: a file of another name, and a temp file of a live run (this test's PID).
    let foreign = dir.path().join(".zhibiao-notes.txt");
    std::fs::write(&foreign, "keep").unwrap();
    let live = dir.path().join(format!(".zhibiao-{}-AbCdEf.tmp", std::process::id()));
    std::fs::write(&live, "live").unwrap();
    // The file times must be older than the next run.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ok(&run(&["extract", "-o", target.to_str().unwrap(), "-"], Some(REPORT.as_bytes())));
    assert!(!left[0].exists(), "the killed run's temp file is still there");
    assert!(foreign.exists() && live.exists(), "a file that is not stale was removed");
    assert!(target.exists());
}
