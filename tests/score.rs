//! The extraction bar on the hand-made key `../shared/gold/zezhou_2025.jsonl`, through its own scorer.

mod common;

use std::process::Command;

#[test]
fn zezhou_key_meets_the_bar() {
    let Some(_) = common::corpus() else { return };
    let gold = common::root().join("../shared/gold");
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 not present");
        return;
    }
    // The scorer reads the keys of before schema version 1 (start, end, check), which JSON Lines rows still
    // carry beside the new ones: it runs the binary as any user would.
    let out = Command::new("python3")
        .env_remove("ZHIBIAO_LEGACY_NAMES")
        .arg(gold.join("score.py"))
        .arg("-q")
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_zhibiao"))
        .arg(gold.join("zezhou_2025.jsonl"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text.lines().last().unwrap_or("");
    eprintln!("{last}");
    let field = |name: &str| -> f64 {
        let i = last.find(name).unwrap_or_else(|| panic!("no {name} in {last}"));
        last[i + name.len()..].split_whitespace().next().unwrap().parse().unwrap()
    };
    assert!(field("recall ") >= 0.97, "{last}");
    assert!(field("exact ") >= 0.95, "{last}");
    assert!(field("subject ") >= 0.90, "{last}");
    assert!(field("precision ") >= 0.95, "{last}");
    assert!(last.contains("negatives_hit 0/"), "{last}");
}
