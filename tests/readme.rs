//! The README's examples are true of the binary: every `$ zhibiao …` block in it is run from the crate root
//! and its output compared with the lines that follow it.

mod common;

use common::root;

/// `(command, expected output)` of each ```` ``` ```` block that starts with `$ zhibiao `.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = readme.lines();
    while let Some(l) = lines.next() {
        if !l.trim_start().starts_with("```") {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        if let Some(cmd) = block.first().and_then(|f| f.strip_prefix("$ zhibiao ")) {
            out.push((cmd.to_string(), block[1..].iter().map(|l| format!("{l}\n")).collect()));
        }
    }
    out
}

#[test]
fn readme_examples_are_what_the_binary_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let ex = examples(&readme);
    assert!(!ex.is_empty(), "no `$ zhibiao` example in the README");
    for (cmd, want) in ex {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("\"$0\" {cmd}"))
            .arg(env!("CARGO_BIN_EXE_zhibiao"))
            .current_dir(root())
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), want, "README: $ zhibiao {cmd}");
    }
}
