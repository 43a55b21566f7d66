//! Imperfect files and hostile inputs, through the real binary: damaged encodings, zip bombs, symlink
//! loops, endless and special files, PDF bombs and extractor panics, page chrome, silent empty results.
//! Every case is capped so that the test itself stays small and fast, whatever the code under test does.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{jsonl, run, zhibiao};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const REPORT: &str = "各位代表：\n全年国内生产总值达到３３．５万亿元，比上年增长8.7%。\n粮食产量53082万吨。\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Lines of stderr about `path` (the run's `zhibiao: PATH: …` lines).
fn said<'a>(err: &'a str, path: &str) -> Vec<&'a str> {
    let prefix = format!("zhibiao: {path}: ");
    err.lines().filter(|l| l.starts_with(&prefix)).collect()
}

/// The raw text of every row of a document, in order.
fn raws(rows: &[serde_json::Value], doc: &str) -> Vec<String> {
    rows.iter().filter(|r| r["doc"] == doc).map(|r| r["raw"].as_str().unwrap().to_string()).collect()
}

/// Waits for `child` at most `limit`, killing it then; the output and whether it finished in time.
fn wait_at_most(mut child: Child, limit: Duration) -> (Output, bool) {
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return (child.wait_with_output().unwrap(), true);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            return (child.wait_with_output().unwrap(), false);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn spawn(args: &[&str]) -> Child {
    zhibiao()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn zhibiao")
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).large_file(true);
    for (name, data) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

// ---- 1. decoding with replacement ----

/// A long report whose figures sit away from where the damage goes.
fn long_report() -> String {
    let mut t = String::new();
    for i in 0..150 {
        t.push_str(&format!("第{i}段：各项工作扎实推进，全年立刑事案件{}起，同比下降{}.5%。\n", 400 + i, i % 9 + 1));
    }
    t
}

#[test]
fn a_few_bad_bytes_are_replaced_with_a_warning_and_every_figure_kept() {
    let dir = tempfile::tempdir().unwrap();
    let clean = long_report();
    let clean_p = write(dir.path(), "clean.txt", clean.as_bytes());
    let base = run(&["extract", "--format", "jsonl", s(&clean_p)], None);
    assert_eq!(base.status.code(), Some(0), "{}", stderr(&base));
    let want = raws(&jsonl(&base.stdout), s(&clean_p));
    assert!(want.len() >= 300, "{want:?}");

    // Five stray bytes, each just after a full stop.
    let mut utf8 = clean.clone().into_bytes();
    let mut first = None;
    for (put, (i, _)) in clean.match_indices('。').skip(3).step_by(7).take(5).enumerate() {
        let at = i + '。'.len_utf8() + put;
        first.get_or_insert(at);
        utf8.insert(at, 0xFF);
    }
    let first = first.unwrap();
    // A UTF-8 file cut in the middle of its last character.
    let mut cut = clean.clone().into_bytes();
    cut.extend_from_slice(&"增".as_bytes()[..2]);
    // A GBK report with 30 bad bytes (0xFF is no GBK lead byte), each just after a line end.
    let (gbk, _, _) = encoding_rs::GBK.encode(&clean);
    let mut gbk = gbk.into_owned();
    let mut at = 0;
    let mut gbk_bad = 0;
    while gbk_bad < 30 {
        let Some(k) = gbk[at..].iter().position(|&b| b == b'\n') else { break };
        at += k + 1;
        gbk.insert(at, 0xFF);
        gbk_bad += 1;
    }
    assert_eq!(gbk_bad, 30);
    let strays = write(dir.path(), "strays.txt", &utf8);
    let cut_p = write(dir.path(), "cut.txt", &cut);
    let gbk_p = write(dir.path(), "gbk.txt", &gbk);

    let out = run(&["extract", "--format", "jsonl", s(&strays), s(&cut_p), s(&gbk_p)], None);
    let err = stderr(&out);
    // Warnings, not failures: every document was read; but the exit code says the input was not clean.
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("3 files read, 0 failed, 3 with warnings,"), "{err}");
    // 30 bad bytes in 9 KB: "a few"; the threshold is one in a hundred.
    assert!(gbk.len() > 9_000, "{}", gbk.len());
    assert_eq!(
        said(&err, s(&strays)),
        [format!(
            "zhibiao: {}: 5 undecodable bytes (first at byte {first}), replaced with U+FFFD (read as UTF-8)",
            s(&strays)
        )]
    );
    let cut_said = said(&err, s(&cut_p));
    assert_eq!(cut_said.len(), 1, "{err}");
    assert!(
        cut_said[0].ends_with(&format!(
            "2 undecodable bytes (first at byte {}), replaced with 1 U+FFFD (read as UTF-8)",
            clean.len()
        )),
        "{err}"
    );
    let gbk_said = said(&err, s(&gbk_p));
    assert_eq!(gbk_said.len(), 1, "{err}");
    assert!(gbk_said[0].contains("30 undecodable bytes (first at byte"), "{err}");
    assert!(gbk_said[0].ends_with("replaced with U+FFFD (read as gb18030)"), "{err}");
    let rows = jsonl(&out.stdout);
    for p in [&strays, &cut_p, &gbk_p] {
        assert_eq!(raws(&rows, s(p)), want, "{}", p.display());
    }

    // The suggested --encoding reads the GBK file the same way (its bad bytes still a warning).
    let forced = run(&["extract", "--format", "jsonl", "--encoding", "gbk", s(&gbk_p)], None);
    assert_eq!(forced.status.code(), Some(2), "{}", stderr(&forced));
    assert_eq!(said(&stderr(&forced), s(&gbk_p)).len(), 1, "{}", stderr(&forced));
    assert_eq!(raws(&jsonl(&forced.stdout), s(&gbk_p)), want);

    // --strict-decoding: the old behaviour, each file refused.
    let strict = run(&["extract", "--format", "jsonl", "--strict-decoding", s(&strays), s(&gbk_p)], None);
    let err = stderr(&strict);
    assert_eq!(strict.status.code(), Some(2), "{err}");
    assert!(strict.stdout.is_empty());
    assert_eq!(said(&err, s(&strays)).len(), 1, "{err}");
    assert!(said(&err, s(&strays))[0].contains("--strict-decoding"), "{err}");
    assert!(err.contains("2 files read, 2 failed"), "{err}");

    // `text` shows the replacement characters where the bytes were, and exits 2 for the warning too.
    let t = run(&["text", s(&strays)], None);
    assert_eq!(t.status.code(), Some(2), "{}", stderr(&t));
    assert_eq!(said(&stderr(&t), s(&strays)).len(), 1, "{}", stderr(&t));
    assert_eq!(String::from_utf8(t.stdout).unwrap().matches('\u{FFFD}').count(), 5);
}

#[test]
fn every_subcommand_warns_of_replaced_bytes_keeps_the_rows_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let clean = long_report();
    let mut bytes = clean.clone().into_bytes();
    let at = clean.find('。').unwrap() + '。'.len_utf8();
    bytes.insert(at, 0xFF);
    let p = write(dir.path(), "r.txt", &bytes);
    let clean_p = write(dir.path(), "c.txt", clean.as_bytes());
    let warning =
        format!("zhibiao: {}: 1 undecodable byte (first at byte {at}), replaced with U+FFFD (read as UTF-8)", s(&p));
    let html = dir.path().join("v.html");
    for args in [
        vec!["verify", "--format", "jsonl", s(&p), s(&clean_p)],
        vec!["compare", s(&p), s(&clean_p)],
        vec!["view", "-o", s(&html), s(&p), s(&clean_p)],
    ] {
        let out = run(&args, None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(said(&err, s(&p)), [warning.as_str()], "{args:?}: {err}");
        assert!(err.contains("1 with warnings"), "{args:?}: {err}");
        assert!(!err.contains(" 1 failed"), "{args:?}: {err}");
    }
    let verify = run(&["verify", "--format", "jsonl", s(&p), s(&clean_p)], None);
    let checks = jsonl(&verify.stdout);
    let of = |d: &Path| checks.iter().filter(|r| r["doc"] == s(d)).count();
    assert!(of(&clean_p) > 0 && of(&p) == of(&clean_p), "{} {}", of(&p), of(&clean_p));
    assert!(std::fs::read_to_string(&html).unwrap().contains("r.txt"));

    // --stdin-jsonl reads the file by path the same way, the warning named after "doc".
    let lines =
        format!("{{\"doc\": \"d1\", \"path\": {:?}}}\n{{\"doc\": \"d2\", \"text\": \"粮食产量53082万吨。\"}}\n", s(&p));
    let out = run(&["extract", "--stdin-jsonl"], Some(lines.as_bytes()));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(said(&err, "d1")[0].contains("1 undecodable byte"), "{err}");
    assert!(err.contains("2 documents read, 0 failed, 1 with warnings,"), "{err}");
    let rows = jsonl(&out.stdout);
    let want = jsonl(&run(&["extract", "--format", "jsonl", s(&clean_p)], None).stdout).len();
    assert_eq!(rows.iter().filter(|r| r["doc"] == "d1").count(), want, "{err}");
    assert_eq!(rows.iter().filter(|r| r["doc"] == "d2").count(), 1, "{err}");
}

#[test]
fn bytes_of_no_candidate_encoding_are_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Latin-1-like text: every other byte is undecodable as UTF-8 and as GB18030.
    let junk: Vec<u8> = b"Caf\xe9 na\xefve r\xe9sum\xe9 ".repeat(200);
    let p = write(dir.path(), "latin1.txt", &junk);
    let out = run(&["extract", s(&p)], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(said(&err, s(&p)).len(), 1, "{err}");
    assert!(err.contains("use --encoding"), "{err}");
}

// ---- 2. zip bombs ----

/// `n` members of `size` bytes of one letter each: each below the 1 MiB the ratio check starts at.
fn one_letter_zip(n: usize, size: usize) -> Vec<u8> {
    let data = vec![b'a'; size];
    let names: Vec<String> = (0..n).map(|i| format!("m{i:03}.txt")).collect();
    let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &data[..])).collect();
    zip_of(&members)
}

#[test]
fn nested_zip_bomb_is_reported_as_such_and_the_good_files_kept() {
    let dir = tempfile::tempdir().unwrap();
    // With --max-size 1M the whole archive tree may inflate to 2 MB: the inner archive holds 12 × 512 KB.
    let inner = one_letter_zip(12, 512 << 10);
    let outer = zip_of(&[("a_ok.txt", REPORT.as_bytes()), ("x.zip", &inner), ("z_after.txt", REPORT.as_bytes())]);
    assert!(outer.len() < 100_000, "{}", outer.len());
    let good1 = write(dir.path(), "good1.txt", REPORT.as_bytes());
    let bomb = write(dir.path(), "a.zip", &outer);
    let good2 = write(dir.path(), "good2.txt", REPORT.replace("53082", "53083").as_bytes());
    let t0 = Instant::now();
    let out = run(&["extract", "--format", "jsonl", "--max-size", "1M", s(&good1), s(&bomb), s(&good2)], None);
    assert!(t0.elapsed() < Duration::from_secs(20), "{:?}", t0.elapsed());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let inner_name = format!("{}!x.zip", s(&bomb));
    assert_eq!(
        said(&err, &inner_name),
        [format!(
            "zhibiao: {inner_name}: archive exceeds the 2 MB decompression budget (zip bomb?); the rest of it is not read"
        )],
        "{err}"
    );
    let rows = jsonl(&out.stdout);
    assert_eq!(raws(&rows, s(&good1)).len(), 3);
    assert_eq!(raws(&rows, &format!("{}!a_ok.txt", s(&bomb))).len(), 3);
    assert_eq!(raws(&rows, s(&good2)).len(), 3);
    // Each of the members read before the budget ran out was read: one-letter texts, no figures.
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn one_budget_covers_every_level() {
    // Two inner archives of 1.5 MB each: under a per-level budget of 2 MB both would be read.
    let inner = one_letter_zip(3, 512 << 10);
    let outer = zip_of(&[("x.zip", &inner), ("y.zip", &inner)]);
    let opts = zhibiao::input::InputOptions { max_size: 1 << 20, ..Default::default() };
    let docs = zhibiao::input::read_bytes("o.zip", &outer, &opts);
    let errors: Vec<String> = docs.iter().filter_map(|d| d.as_ref().err()).map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("o.zip!y.zip: archive exceeds the 2 MB decompression budget"), "{errors:?}");
    // x.zip's three members were read; the first of y.zip no longer fitted.
    assert_eq!(docs.iter().filter(|d| d.is_ok()).count(), 3);
}

#[test]
fn zips_nested_past_the_limit_are_not_opened_and_huge_trees_end_fast() {
    // A zip of zips of zips, each level 8 copies of the one below: 8³ × 256 KB = 128 MB of one letter.
    let mut z = one_letter_zip(1, 256 << 10);
    for _ in 0..3 {
        let copies: Vec<String> = (0..8).map(|i| format!("l{i}.zip")).collect();
        let members: Vec<(&str, &[u8])> = copies.iter().map(|n| (n.as_str(), &z[..])).collect();
        z = zip_of(&members);
    }
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "deep.zip", &z);
    let t0 = Instant::now();
    let out = run(&["extract", "--max-size", "4M", s(&p)], None);
    assert!(t0.elapsed() < Duration::from_secs(30), "{:?}", t0.elapsed());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("nested more than 2 deep"), "{err}");
}

#[test]
fn zip_members_with_dot_dot_paths_are_read_and_an_empty_archive_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let z = zip_of(&[("../up.txt", REPORT.as_bytes()), ("./here.txt", REPORT.as_bytes())]);
    let p = write(dir.path(), "dots.zip", &z);
    let out = run(&["extract", "--format", "jsonl", s(&p)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = jsonl(&out.stdout);
    assert_eq!(raws(&rows, &format!("{}!../up.txt", s(&p))).len(), 3);
    assert_eq!(raws(&rows, &format!("{}!./here.txt", s(&p))).len(), 3);

    let hidden = write(dir.path(), "hidden.zip", &zip_of(&[(".DS_Store", b"x"), ("__MACOSX/._a.txt", b"y")]));
    let out = run(&["extract", s(&hidden)], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(
        said(&err, s(&hidden)),
        [format!("zhibiao: {}: archive holds no files to read (2 hidden members skipped)", s(&hidden))]
    );
}

// ---- 3. symlink loops ----

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    write(&d, "r.txt", REPORT.as_bytes());
    std::os::unix::fs::symlink(".", d.join("x")).unwrap();
    std::os::unix::fs::symlink(".", d.join("y")).unwrap();
    std::os::unix::fs::symlink("r.txt", d.join("same.txt")).unwrap();
    let (out, finished) = wait_at_most(spawn(&["extract", "--format", "jsonl", s(&d)]), Duration::from_secs(30));
    assert!(finished, "the walk did not end");
    let err = stderr(&out);
    // The files are all read once; the loops are warnings, and the exit code says so.
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("1 files read, 0 failed, 2 with warnings,"), "{err}");
    let rows = jsonl(&out.stdout);
    assert_eq!(rows.len(), 3, "{err}");
    assert!(rows.iter().all(|r| r["doc"] == s(&d.join("r.txt"))));
    for link in ["x", "y"] {
        let p = d.join(link);
        assert_eq!(
            said(&err, s(&p)),
            [format!("zhibiao: {}: directory already read as {} (symlink loop?); skipped", s(&p), s(&d))]
        );
    }
}

// ---- 4. endless and special files ----

#[cfg(unix)]
#[test]
fn dev_zero_and_dev_urandom_are_refused_on_their_first_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", REPORT.as_bytes());
    for dev in ["/dev/zero", "/dev/urandom"] {
        if !Path::new(dev).exists() {
            continue;
        }
        let (out, finished) =
            wait_at_most(spawn(&["extract", "--format", "jsonl", dev, s(&good)]), Duration::from_secs(30));
        assert!(finished, "{dev}: no end");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(said(&err, dev), [format!("zhibiao: {dev}: binary file, not a report (a character device)")]);
        assert_eq!(raws(&jsonl(&out.stdout), s(&good)).len(), 3);
    }
}

#[cfg(unix)]
fn mkfifo(p: &Path) -> bool {
    Command::new("mkfifo").arg(p).status().is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_times_out_and_later_files_come_out() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    if !mkfifo(&fifo) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    let good = write(dir.path(), "good.txt", REPORT.as_bytes());
    let t0 = Instant::now();
    let (out, finished) = wait_at_most(
        spawn(&["extract", "--format", "jsonl", "--read-timeout", "0.5", s(&fifo), s(&good)]),
        Duration::from_secs(30),
    );
    assert!(finished, "blocked on the FIFO");
    assert!(t0.elapsed() < Duration::from_secs(15), "{:?}", t0.elapsed());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        said(&err, s(&fifo)),
        [format!("zhibiao: {}: a pipe sent nothing for 0.5 s (no writer?); not read (see --read-timeout)", s(&fifo))]
    );
    assert_eq!(raws(&jsonl(&out.stdout), s(&good)).len(), 3);
}

#[cfg(unix)]
#[test]
fn a_fifo_with_a_writer_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    if !mkfifo(&fifo) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    let f = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut w = std::fs::OpenOptions::new().write(true).open(&f).unwrap();
        for line in REPORT.split_inclusive('\n') {
            w.write_all(line.as_bytes()).unwrap();
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    let (out, finished) = wait_at_most(spawn(&["extract", "--format", "jsonl", s(&fifo)]), Duration::from_secs(30));
    writer.join().unwrap();
    assert!(finished);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(raws(&jsonl(&out.stdout), s(&fifo)).len(), 3);
}

#[test]
fn endless_stdin_stops_at_the_size_cap() {
    let mut child = zhibiao()
        .args(["extract", "--format", "jsonl", "--max-size", "1M", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Endless as far as the reader knows: written until the pipe breaks, and never more than 64 MB.
    let feeder = std::thread::spawn(move || {
        let line = "全年立刑事案件428起，同比下降26.33%。\n".repeat(100);
        let mut sent = 0usize;
        while sent < 64 << 20 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
            sent += line.len();
        }
        sent
    });
    let (out, finished) = wait_at_most(child, Duration::from_secs(60));
    let sent = feeder.join().unwrap();
    assert!(finished);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(said(&err, "-"), ["zhibiao: -: more than 1 MB (the limit, see --max-size); not read"]);
    assert!(sent < 64 << 20, "stdin was read on past the cap: {sent}");
}

#[test]
fn a_file_over_the_cap_is_refused_with_the_cap_said() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "big.txt", REPORT.repeat(20_000).as_bytes());
    let out = run(&["extract", "--max-size", "64K", s(&p)], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(said(&err, s(&p))[0].contains("the limit is 64 KB, see --max-size"), "{err}");
    let bad = run(&["extract", "--max-size", "lots", s(&p)], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("expected a size"), "{}", stderr(&bad));
}

// ---- 5. PDF ----

/// A PDF with the given objects (numbered from 1) and a valid cross-reference table.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

fn flate_stream(dict_extra: &str, data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(data).unwrap();
    let packed = z.finish().unwrap();
    let mut o = format!("<< /Length {} /Filter /FlateDecode {dict_extra}>>\nstream\n", packed.len()).into_bytes();
    o.extend_from_slice(&packed);
    o.extend_from_slice(b"\nendstream");
    o
}

#[test]
fn a_pdf_that_inflates_past_the_cap_is_refused_as_a_bomb() {
    let zeros = vec![b' '; 64 << 20];
    let pdf = pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        flate_stream("", &zeros),
    ]);
    assert!(pdf.len() < 200_000, "{}", pdf.len());
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "bomb.pdf", &pdf);
    let t0 = Instant::now();
    let out = run(&["extract", s(&p)], None);
    assert!(t0.elapsed() < Duration::from_secs(20), "{:?}", t0.elapsed());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let line = said(&err, s(&p));
    assert_eq!(line.len(), 1, "{err}");
    assert!(line[0].contains("decompression bomb"), "{err}");
    // Under the ratio, over the cap: refused by the cap.
    let out = run(&["extract", "--max-size", "1M", s(&p)], None);
    assert!(said(&stderr(&out), s(&p))[0].contains("decompression bomb"), "{}", stderr(&out));
}

#[test]
fn a_panic_inside_the_pdf_extractor_is_one_line() {
    // Page resources that refer to themselves send the extractor round in circles until it gives up.
    let content = b"BT /F1 12 Tf 72 712 Td (GDP 5%) Tj ET";
    let pdf = pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 5 0 R /Contents 4 0 R >>".to_vec(),
        flate_stream("", content),
        b"5 0 R".to_vec(),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "loop.pdf", &pdf);
    let good = write(dir.path(), "good.txt", REPORT.as_bytes());
    let out = run(&["extract", "--format", "jsonl", s(&p), s(&good)], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.contains("files read")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with(&format!("zhibiao: {}: cannot read PDF", s(&p))), "{err}");
    assert_eq!(raws(&jsonl(&out.stdout), s(&good)).len(), 3);
}

// ---- 6. page chrome ----

#[test]
fn page_chrome_gives_no_figures() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\
        <div class=\"bar\">首页 &gt; 政务公开 &gt; 政府工作报告</div>\
        <div>发布时间：2026-02-03 09:02:33　来源：某某日报　访问量 98765 次</div>\
        <div>【字体：大 中 小】 打印本页 关闭窗口</div>\
        <p>各位代表：</p><p>全年地区生产总值增长5.2%，粮食产量53082万吨。</p>\
        <div>版权所有：某某市人民政府办公室 京ICP备05070218号 京公网安备11010202000001号</div>\
        </body></html>";
    let page = write(dir.path(), "page.html", html.as_bytes());
    let long = "各项工作扎实推进，全年地区生产总值增长5.2%，粮食产量53082万吨。".repeat(8);
    let csv = format!(
        "province,year,full_text\n某省,2026,\"下载\n打印\n【字号：\n加大\n】\n来源：某某日报\n阅读量：12345\n2026-02-09 09:45:30\n{long}\n扫一扫在手机打开当前页\n\"\n"
    );
    let csv_p = write(dir.path(), "pages.csv", csv.as_bytes());
    let out = run(&["extract", "--format", "jsonl", s(&page), s(&csv_p)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = jsonl(&out.stdout);
    let page_raws = raws(&rows, s(&page));
    assert_eq!(page_raws, ["增长5.2%", "53082万吨"]);
    let csv_raws = raws(&rows, &format!("{}#1", s(&csv_p)));
    assert_eq!(csv_raws.len(), 16, "{csv_raws:?}");
    assert!(csv_raws.iter().all(|r| r == "增长5.2%" || r == "53082万吨"), "{csv_raws:?}");
    let text = String::from_utf8(run(&["text", s(&page)], None).stdout).unwrap();
    assert_eq!(text, "各位代表：\n全年地区生产总值增长5.2%，粮食产量53082万吨。\n");
}

// ---- 7. silent empty results get a message ----

#[test]
fn bom_only_utf32_and_utf16_labelled_pages() {
    let dir = tempfile::tempdir().unwrap();
    let bom = write(dir.path(), "bom.txt", b"\xef\xbb\xbf");
    let blank = write(dir.path(), "blank.txt", b"\n \r\n\t\n");
    let mut u32le = vec![0xFF, 0xFE, 0, 0];
    for c in REPORT.chars() {
        u32le.extend_from_slice(&(c as u32).to_le_bytes());
    }
    let utf32 = write(dir.path(), "utf32.txt", &u32le);
    let page = format!("<html><head><meta charset=\"utf-16\"></head><body><p>{REPORT}</p></body></html>");
    let labelled = write(dir.path(), "u16.html", page.as_bytes());
    let out = run(&["extract", "--format", "jsonl", s(&bom), s(&blank), s(&utf32), s(&labelled)], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(said(&err, s(&bom)), [format!("zhibiao: {}: no text: only a byte-order mark", s(&bom))]);
    assert_eq!(said(&err, s(&blank)), [format!("zhibiao: {}: no text found, only blank space", s(&blank))]);
    let rows = jsonl(&out.stdout);
    assert_eq!(raws(&rows, s(&utf32)).len(), 3, "{err}");
    assert_eq!(raws(&rows, s(&labelled)).len(), 3, "{err}");
}
