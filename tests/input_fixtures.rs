//! Input layer on small files made on the spot.

use std::io::Write;
use std::path::{Path, PathBuf};
use zhibiao::Document;
use zhibiao::input::{InputError, InputOptions, decode_text, expand_paths, read_bytes, read_file};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

fn read_one(p: &Path) -> Result<Document, InputError> {
    let mut v = read_file(p, &InputOptions::default());
    assert_eq!(v.len(), 1, "{}", p.display());
    v.remove(0)
}

fn zip_of(members: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(method).large_file(true);
    for (name, data) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn docx_of(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip_of(
        &[("[Content_Types].xml", b"<Types/>".as_slice()), ("word/document.xml", xml.as_bytes())],
        CompressionMethod::Deflated,
    )
}

const REPORT: &str = "各位代表：\n全年国内生产总值达到３３．５万亿元，比上年增长8.7%。\n粮食产量53082万吨。\n";

#[test]
fn gbk_utf8_bom_crlf_give_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(REPORT);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(REPORT.as_bytes());
    let crlf = REPORT.replace('\n', "\r\n");
    let cr = REPORT.replace('\n', "\r");
    for (name, bytes) in [
        ("gbk.txt", gbk.to_vec()),
        ("bom.txt", bom),
        ("crlf.md", crlf.into_bytes()),
        ("cr.txt", cr.into_bytes()),
        ("noext", REPORT.as_bytes().to_vec()),
    ] {
        let p = write(dir.path(), name, &bytes);
        let d = read_one(&p).unwrap();
        assert_eq!(d.text, REPORT, "{name}");
        assert_eq!(d.name, p.display().to_string());
        assert_eq!((d.region, d.year), (None, None));
    }
}

#[test]
fn no_line_breaks_and_fullwidth_kept() {
    let t = "上海市２０２３年生产总值增长5.0%".repeat(1000);
    let d = read_bytes("sh.txt", t.as_bytes(), &InputOptions::default());
    assert_eq!(d[0].as_ref().unwrap().text, t);
}

#[test]
fn forced_encoding() {
    let (gbk, _, _) = encoding_rs::GBK.encode(REPORT);
    let opts = InputOptions { encoding: Some(encoding_rs::UTF_8), ..Default::default() };
    let e = read_bytes("x.txt", &gbk, &opts).remove(0).unwrap_err();
    assert!(e.message.contains("invalid UTF-8"), "{e}");
    assert!(e.to_string().starts_with("x.txt: "));
    let opts = InputOptions { encoding: Some(encoding_rs::GB18030), ..Default::default() };
    let d = read_bytes("x.txt", &gbk, &opts).remove(0).unwrap();
    assert_eq!(d.text, REPORT);
    assert!(decode_text(&gbk, Some(encoding_rs::GBK)).is_ok());
}

#[test]
fn empty_and_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    let e = read_one(&write(dir.path(), "empty.txt", b"")).unwrap_err();
    assert_eq!(e.message, "empty file");
    let bin: Vec<u8> = (0..10_000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    let e = read_one(&write(dir.path(), "x.bin", &bin)).unwrap_err();
    assert_eq!(e.message, "binary file, not a report");
    let mut nul = b"abc".to_vec();
    nul.extend(std::iter::repeat_n(0u8, 500));
    let e = read_one(&write(dir.path(), "nul.txt", &nul)).unwrap_err();
    assert!(e.message.contains("binary"), "{e}");
    let e = read_one(&dir.path().join("missing.txt")).unwrap_err();
    assert!(e.message.contains("no such file"), "{e}");
}

#[test]
fn html_with_charset_meta() {
    let page = "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
        <title>报告</title><script>document.write('<p>广告</p>')</script></head><body>\
        <nav>首页 | 新闻</nav><div id=\"content\"><p>全年国内生产总值达到３３．５万亿元，\n比上年增长8.7%&#xff1b;</p>\
        <p>粮食产量53082&nbsp;万吨&amp;</p><!-- 注释 12345 --></div><footer>版权所有 2010</footer></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(page);
    for name in ["page.html", "page.shtml", "page.txt"] {
        let d = read_bytes(name, &gbk, &InputOptions::default()).remove(0).unwrap();
        assert_eq!(
            d.text, "全年国内生产总值达到３３．５万亿元， 比上年增长8.7%；\n粮食产量53082\u{a0}万吨&\n",
            "{name}"
        );
    }
}

#[test]
fn docx_paragraphs_tabs_tables() {
    let body = r#"<w:p><w:r><w:t>2023年全市生产总值</w:t></w:r><w:r><w:t xml:space="preserve"> 5481.6亿元</w:t><w:tab/><w:t>增长3.5%</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>绝对数</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>粮食</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>53082</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>"#;
    let bytes = docx_of(body);
    let dir = tempfile::tempdir().unwrap();
    let d = read_one(&write(dir.path(), "r.docx", &bytes)).unwrap();
    assert_eq!(d.text, "2023年全市生产总值 5481.6亿元\t增长3.5%\n指标\t绝对数\n粮食\t53082\n第一行\n第二行\n");
    // sniffed without the extension
    let d2 = read_bytes("r.bin", &bytes, &InputOptions::default()).remove(0).unwrap();
    assert_eq!(d2.text, d.text);
}

#[test]
fn truncated_docx_is_one_clear_error() {
    let bytes = docx_of("<w:p><w:r><w:t>增长8.7%</w:t></w:r></w:p>");
    let dir = tempfile::tempdir().unwrap();
    for cut in [bytes.len() / 2, 30, bytes.len() - 10] {
        let p = write(dir.path(), "bad.docx", &bytes[..cut]);
        let e = read_one(&p).unwrap_err();
        assert!(e.message.starts_with("not a valid .docx"), "{e}");
    }
    let p = write(dir.path(), "junk.docx", b"this is not a zip at all");
    assert!(read_one(&p).unwrap_err().message.starts_with("not a valid .docx"));
}

#[test]
fn zip_members_each_read() {
    let (gbk, _, _) = encoding_rs::GBK.encode(REPORT);
    let docx = docx_of("<w:p><w:r><w:t>增长8.7%</w:t></w:r></w:p>");
    let inner = zip_of(&[("c.txt", REPORT.as_bytes())], CompressionMethod::Stored);
    let outer = zip_of(
        &[
            ("a/gbk.txt", &gbk[..]),
            ("b.docx", &docx[..]),
            ("in.zip", &inner[..]),
            (".hidden.txt", b"x"),
            ("empty.txt", b""),
        ],
        CompressionMethod::Deflated,
    );
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "r.zip", &outer);
    let docs = read_file(&p, &InputOptions::default());
    let base = p.display().to_string();
    let names: Vec<String> = docs
        .iter()
        .map(|d| match d {
            Ok(d) => d.name.clone(),
            Err(e) => format!("ERR {}", e.path),
        })
        .collect();
    assert_eq!(
        names,
        vec![
            format!("{base}!a/gbk.txt"),
            format!("{base}!b.docx"),
            format!("{base}!in.zip!c.txt"),
            format!("ERR {base}!empty.txt"),
        ]
    );
    assert_eq!(docs[0].as_ref().unwrap().text, REPORT);
    assert_eq!(docs[1].as_ref().unwrap().text, "增长8.7%\n");
    assert_eq!(docs[2].as_ref().unwrap().text, REPORT);
}

#[test]
fn nested_zips_stop_at_depth_two() {
    let mut z = zip_of(&[("r.txt", REPORT.as_bytes())], CompressionMethod::Stored);
    for i in 0..4 {
        z = zip_of(&[(&format!("l{i}.zip"), &z[..])], CompressionMethod::Stored);
    }
    let docs = read_bytes("deep.zip", &z, &InputOptions::default());
    assert_eq!(docs.len(), 1);
    let e = docs[0].as_ref().unwrap_err();
    assert!(e.message.contains("nested"), "{e}");
}

#[test]
fn zip_bomb_member_refused_others_read() {
    let zeros = vec![b'0'; 40 << 20]; // 40 MiB of one byte: compresses > 1000:1
    let z = zip_of(&[("bomb.txt", &zeros[..]), ("ok.txt", REPORT.as_bytes())], CompressionMethod::Deflated);
    assert!(z.len() < 200_000, "{}", z.len());
    let docs = read_bytes("b.zip", &z, &InputOptions::default());
    assert_eq!(docs.len(), 2);
    let e = docs[0].as_ref().unwrap_err();
    assert_eq!(e.path, "b.zip!bomb.txt");
    assert!(e.message.contains("zip bomb"), "{e}");
    assert_eq!(docs[1].as_ref().unwrap().text, REPORT);
}

#[test]
fn csv_rows_and_plain_csv() {
    let long = "全年增长5.0%，".repeat(50);
    let csv = format!(
        "\u{feff}province,year,title,full_text\n北京市,2026,报告,\"{long}\r\n第二段\"\n上海市,2025,报告,\"{long}\"\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "r.csv", csv.as_bytes());
    let docs = read_file(&p, &InputOptions::default());
    assert_eq!(docs.len(), 2);
    let d = docs[0].as_ref().unwrap();
    assert_eq!(d.name, format!("{}#1", p.display()));
    assert_eq!(d.region.as_deref(), Some("北京市"));
    assert_eq!(d.year, Some(2026));
    assert_eq!(d.text, format!("{long}\n第二段"));
    assert_eq!(docs[1].as_ref().unwrap().year, Some(2025));
    // a table of figures is read as text
    let p = write(dir.path(), "t.csv", "指标,数值\nGDP,100\n".as_bytes());
    assert_eq!(read_one(&p).unwrap().text, "指标,数值\nGDP,100\n");
    // tsv
    let tsv = format!("地区\t年份\t正文\n河南\t2024年\t{long}\n");
    let docs = read_bytes("r.tsv", tsv.as_bytes(), &InputOptions::default());
    let d = docs[0].as_ref().unwrap();
    assert_eq!((d.region.as_deref(), d.year), (Some("河南"), Some(2024)));
}

#[test]
fn tmx_chinese_side() {
    let x = "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body>\r\n\
        <tu><tuv xml:lang=\"zh-CN\"><seg>经济增长2.3%。</seg></tuv><tuv xml:lang=\"en-US\"><seg>GDP grew by 2.3%.</seg></tuv></tu>\r\n\
        <tu><tuv xml:lang=\"en-US\"><seg>Grain</seg></tuv><tuv xml:lang=\"zh-CN\"><seg>粮食产量&lt;1.3万亿斤&gt;</seg></tuv></tu></body></tmx>";
    let d = read_bytes("r.tmx", x.as_bytes(), &InputOptions::default()).remove(0).unwrap();
    assert_eq!(d.text, "经济增长2.3%。\n粮食产量<1.3万亿斤>\n");
}

#[test]
fn a_100mb_line_is_linear() {
    let line = "增长8.7%，".repeat(100 << 20 >> 4);
    let d = read_bytes("big.txt", line.as_bytes(), &InputOptions::default());
    assert_eq!(d[0].as_ref().unwrap().text.len(), line.len());
    let mut crlf = line.clone();
    crlf.push_str("\r\n<!-- x -->");
    let d = read_bytes("big2.txt", crlf.as_bytes(), &InputOptions::default());
    assert!(d[0].as_ref().is_ok());
}

#[test]
fn expand_paths_sorted_recursive_no_hidden() {
    let dir = tempfile::tempdir().unwrap();
    for n in ["b.txt", "a/z.txt", "a/c.docx", ".git/x.txt", "a/.hidden", "c.csv"] {
        write(dir.path(), n, b"x");
    }
    let single = write(dir.path(), "single.txt", b"x");
    let (files, errs) = expand_paths(&[single.clone(), dir.path().to_path_buf(), dir.path().join("nope")]);
    let rel: Vec<String> = files.iter().map(|f| f.strip_prefix(dir.path()).unwrap().display().to_string()).collect();
    assert_eq!(rel, ["single.txt", "a/c.docx", "a/z.txt", "b.txt", "c.csv", "single.txt"]);
    assert_eq!(errs.len(), 1);
    assert!(errs[0].path.ends_with("nope"));
}

#[test]
fn webdump_text_is_cleaned() {
    let page = "<!--\n  x \n-->\n<U+00A0>\n当前位置： 首页>> 热点专题\n\n【字体：大 中 小】\n<U+00A0><U+00A0>各位代表：\n<U+00A0><U+00A0>国内生产总值达到３３．５万亿元。<U+200D>\n（责任编辑： 某某\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(page);
    let d = read_bytes("dump.txt", &gbk, &InputOptions::default()).remove(0).unwrap();
    assert_eq!(d.text, "\u{a0}\u{a0}各位代表：\n\u{a0}\u{a0}国内生产总值达到３３．５万亿元。\n");
}
