//! `zhibiao verify` driven as a binary, on sentences of fazhi/zezhou_2025_fzzf.txt.

use std::process::Command;

fn run(text: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("zezhou.txt");
    std::fs::write(&p, text).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_zhibiao")).arg("verify").args(extra).arg(&p).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const REAL: &str = "全年立刑事案件428起,同比减少153起,下降26.33%。\n全年基层调解组织排查矛盾纠纷3559件,化解3439件,成功率达96.6%。\n累计办理14621件,线上办理占比达81%;\n";

#[test]
fn consistent_report_exits_zero_with_summary() {
    let (code, out, err) = run(REAL, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("doc,subject,raw,stated,computed,low,high,tolerance,verdict,formula"), "{out}");
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(err.contains("3 checked, 2 consistent, 0 inconsistent, 1 unverifiable"), "{err}");
}

#[test]
fn altered_figure_exits_one_unless_no_fail() {
    let altered = REAL.replace("96.6%", "92.6%");
    let (code, out, err) = run(&altered, &["--format", "jsonl"]);
    assert_eq!(code, 1, "{err}");
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    let bad = rows.iter().find(|r| r["raw"] == "92.6%").expect("row");
    assert_eq!(bad["verdict"], "inconsistent");
    assert!(bad["computed"].to_string().starts_with("96.6"), "{bad}");
    assert_eq!(bad["stated"].to_string(), "92.6");
    let (code, _, _) = run(&altered, &["--no-fail"]);
    assert_eq!(code, 0);
}

#[test]
fn missing_file_exits_two() {
    let out = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(["verify", "/nonexistent/zhibiao-verify.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn extract_fills_check_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("z.txt");
    std::fs::write(&p, REAL).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(["extract", "--format", "jsonl"])
        .arg(&p)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let row = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .find(|r| r["raw"] == "下降26.33%")
        .expect("row");
    assert_eq!(row["check_result"], "consistent");
}
