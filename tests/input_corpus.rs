//! Reads the real reports in ../shared/corpus (skipped when absent).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use zhibiao::input::{InputOptions, expand_paths, read_file};

fn corpus() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipped: ../shared not present");
        None
    }
}

/// The text of a file: one document, or the reports it holds one after another (`file#1`, `file#2` are
/// contiguous parts of it).
fn one_text(p: &Path) -> String {
    let docs = read_file(p, &InputOptions::default());
    assert!(!docs.is_empty(), "{}", p.display());
    let mut text = String::new();
    for d in docs {
        match d {
            Ok(d) => {
                assert_eq!(d.offset, text.chars().count(), "{}: parts are contiguous", p.display());
                text.push_str(&d.text);
            }
            Err(e) => panic!("{e}"),
        }
    }
    text
}

/// ASCII digit runs after mapping full-width digits and points to ASCII.
fn digit_runs(t: &str) -> HashMap<String, usize> {
    let mapped: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            '．' => '.',
            _ => c,
        })
        .collect();
    let mut m = HashMap::new();
    let mut cur = String::new();
    for c in mapped.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            *m.entry(cur.trim_end_matches('.').to_string()).or_insert(0) += 1;
            cur.clear();
        }
    }
    m
}

/// Share of `a`'s digit runs (with multiplicity) also found in `b`.
fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> f64 {
    let total: usize = a.values().sum();
    let common: usize = a.iter().map(|(k, n)| (*n).min(*b.get(k).unwrap_or(&0))).sum();
    common as f64 / total.max(1) as f64
}

#[test]
fn national_2010_in_three_forms() {
    let Some(c) = corpus() else { return };
    let utf8 = digit_runs(&one_text(&c.join("national_gwr_utf8/china_2010_gwr.txt")));
    let gbk = digit_runs(&one_text(&c.join("national_gwr_gbk/china_2010_gwr.gbk.txt")));
    let web_text = one_text(&c.join("national_gwr_gbk_webdump/china_2010_gwr.webdump.gbk.txt"));
    assert!(!web_text.contains("<!--") && !web_text.contains("<U+"), "web dump junk left");
    assert!(!web_text.contains("当前位置"), "navigation left");
    let web = digit_runs(&web_text);
    // The UTF-8 (wikisource) copy writes some figures in Chinese numerals, so it has
    // fewer digit runs (144 against 170): check it is contained in the GBK copy.
    let a = overlap(&utf8, &gbk);
    println!("utf8 in gbk: {a:.3}");
    assert!(a > 0.95, "utf8 in gbk: {a:.3}");
    // The web dump holds the page six times over and page chrome with dates.
    let (a, b) = (overlap(&gbk, &web), overlap(&web, &gbk));
    println!("gbk vs webdump: {a:.3} {b:.3}");
    assert!(a > 0.95 && b > 0.9, "gbk vs webdump: {a:.3} {b:.3}");
}

#[test]
fn webdumps_lose_their_chrome() {
    let Some(c) = corpus() else { return };
    let (files, errs) = expand_paths(&[c.join("national_gwr_gbk_webdump")]);
    assert!(errs.is_empty());
    assert!(files.len() >= 19);
    for f in files {
        let t = one_text(&f);
        assert!(!t.contains("<!--") && !t.contains("<U+"), "{}", f.display());
        assert!(!t.contains('\r'), "{}", f.display());
        assert!(t.chars().count() > 2000, "{}", f.display());
    }
}

#[test]
fn crlf_and_lf_copies_agree() {
    let Some(c) = corpus() else { return };
    let t = one_text(&c.join("national_gwr_misc/china_2022_gwr.crlf.txt"));
    assert!(!t.contains('\r'));
    let u = one_text(&c.join("national_gwr_utf8/china_2022_gwr.txt"));
    let (dt, du) = (digit_runs(&t), digit_runs(&u));
    let (a, b) = (overlap(&dt, &du), overlap(&du, &dt));
    assert!(a > 0.9 && b > 0.9, "{a:.3} {b:.3}");
}

#[test]
fn luoyang_docx_and_txt() {
    let Some(c) = corpus() else { return };
    let docx = one_text(&c.join("tjgb/luoyang_2023_tjgb.docx"));
    let txt = one_text(&c.join("tjgb/luoyang_2023_tjgb.txt"));
    assert!(txt.contains("洛阳"));
    // Data issue: luoyang_2023_tjgb.docx holds the 黔东南 2016 communique, not 洛阳 2023.
    // Check the reader against the 黔东南 2016 excerpt instead.
    if docx.starts_with("黔东南") {
        let part = digit_runs(&one_text(&c.join("tjgb/qiandongnan_2016_tjgb.docx")));
        let a = overlap(&part, &digit_runs(&docx));
        println!("qiandongnan 2016 excerpt in luoyang docx: {a:.3}");
        assert!(a > 0.9, "{a:.3}");
    } else {
        let (d, t) = (digit_runs(&docx), digit_runs(&txt));
        let (a, b) = (overlap(&t, &d), overlap(&d, &t));
        println!("luoyang: txt in docx {a:.3}, docx in txt {b:.3}");
        assert!(a > 0.85 && b > 0.7, "txt in docx {a:.3}, docx in txt {b:.3}");
    }
}

#[test]
fn every_docx_reads() {
    let Some(c) = corpus() else { return };
    let (files, _) = expand_paths(&[c.join("tjgb")]);
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "docx")) {
        let t = one_text(f);
        assert!(t.chars().count() > 500, "{}", f.display());
        assert!(t.contains("增长"), "{}", f.display());
    }
}

/// `tjgb/china_2022-2023_renshe_tjgb.docx` was made from a PDF: many of its paragraphs are the PDF's lines, cut
/// inside words and numbers (`基金支` / `出 59035 亿元`, `514` / `万人`). They are joined; the titles, headings and
/// chart captions between them are not.
#[test]
fn docx_made_from_a_pdf_has_its_lines_joined() {
    let Some(c) = corpus() else { return };
    let t = one_text(&c.join("tjgb/china_2022-2023_renshe_tjgb.docx"));
    assert!(t.contains("全年城镇职工基本养老保险基金收入 63324 亿元，基金支出 59035 亿元，"), "{t}");
    assert!(t.contains("城镇失业人员再就业 514万人，"));
    assert!(t.contains("\n2023 年度人力资源和社会保障事业发展统计公报\n中华人民共和国人力资源和社会保障部\n"));
    assert!(t.contains("\n（一）养老保险\n年末全国参加基本养老保险人数 105307 万人，比上年末增加 2436 万人。"));
    assert!(t.contains("\n图 5\t近五年三项社会保险参保人数\n单位：万人\n"));
}

#[test]
fn provincial_csv_gives_31_reports() {
    let Some(c) = corpus() else { return };
    let (files, errs) = expand_paths(&[c.join("provincial_gwr_2026_csv")]);
    assert!(errs.is_empty());
    let mut docs = Vec::new();
    for f in &files {
        for d in read_file(f, &InputOptions::default()) {
            docs.push(d.unwrap_or_else(|e| panic!("{e}")));
        }
    }
    assert_eq!(docs.len(), 31);
    for d in &docs {
        assert!(d.name.ends_with(".csv#1"), "{}", d.name);
        assert!(d.region.as_deref().is_some_and(|r| !r.is_empty()), "{}", d.name);
        assert_eq!(d.year, Some(2026), "{}", d.name);
        assert!(d.text.chars().count() > 5000, "{}", d.name);
        assert!(!d.text.starts_with('\u{feff}') && !d.text.contains('\r'));
    }
    assert!(docs.iter().any(|d| d.region.as_deref() == Some("北京市")));
}

#[test]
fn tmx_chinese_side() {
    let Some(c) = corpus() else { return };
    let t = one_text(&c.join("national_gwr_tmx/china_2022_gwr.zh-en.tmx"));
    assert!(t.lines().count() > 100);
    assert!(!t.contains(" the "), "English leaked into the Chinese side");
    let u = one_text(&c.join("national_gwr_utf8/china_2022_gwr.txt"));
    let a = overlap(&digit_runs(&t), &digit_runs(&u));
    println!("tmx vs utf8 2022: {a:.3}");
    assert!(a > 0.85, "{a:.3}");
}

#[test]
fn gbk_and_no_line_break_files() {
    let Some(c) = corpus() else { return };
    let h = one_text(&c.join("hailar_gwr_gbk/hailar_2016_gwr.gbk.txt"));
    assert!(h.contains("海拉尔") && !h.contains('\r') && h.contains('\u{3000}'));
    let s = one_text(&c.join("shanghai_gwr/shanghai_2023_gwr.txt"));
    assert!(s.chars().count() > 10000);
}

#[test]
fn pdfs_read_or_fail_cleanly() {
    let Some(c) = corpus() else { return };
    for name in ["tjgb/zhoukou_2023_tjgb.pdf", "tjgb/qiandongnan_2023_tjgb.pdf"] {
        let docs = read_file(&c.join(name), &InputOptions::default());
        assert_eq!(docs.len(), 1);
        match &docs[0] {
            Ok(d) => {
                assert!(d.text.contains("增长"), "{name}");
                assert!(d.text.chars().count() > 3000, "{name}");
            }
            Err(e) => assert!(e.message.contains("PDF"), "{e}"),
        }
    }
}

#[test]
fn whole_corpus_never_panics() {
    let Some(c) = corpus() else { return };
    let (files, errs) = expand_paths(std::slice::from_ref(&c));
    assert!(errs.is_empty());
    let dump = std::env::var_os("ZHIBIAO_DUMP").map(PathBuf::from);
    for f in files {
        for d in read_file(&f, &InputOptions::default()) {
            match d {
                Ok(d) => {
                    if let Some(dir) = &dump {
                        let n = d.name.replace(['/', '#', '!'], "_");
                        let n: String = n.chars().rev().take(60).collect::<Vec<_>>().into_iter().rev().collect();
                        std::fs::write(dir.join(format!("{n}.txt")), &d.text).unwrap();
                    }
                }
                Err(e) => println!("error: {e}"),
            }
        }
    }
}

/// Table cells of the 2022 report in `tjgb/nanjing_2021-2024_tjgb.docx` (its third part): each read with its
/// row's label, its column's header and its table's title; no row taken as a heading; the prose still read.
#[test]
fn nanjing_2022_tables_are_read_as_tables() {
    let Some(c) = corpus() else { return };
    let p = c.join("tjgb/nanjing_2021-2024_tjgb.docx");
    let doc = read_file(&p, &InputOptions::default())
        .into_iter()
        .map(|d| d.unwrap_or_else(|e| panic!("{e}")))
        .find(|d| d.name.ends_with("#3"))
        .expect("the 2022 report is the third part");
    let a = zhibiao::Analyzer::new(zhibiao::Dicts::builtin(), zhibiao::Options::default());
    let r = a.analyze(&doc);
    assert_eq!(r.year, Some(2022));
    let cells: Vec<_> = r.indicators.iter().filter(|i| i.cell.is_some()).collect();
    assert!(cells.len() >= 250, "cells found: {}", cells.len());
    assert!(r.indicators.iter().all(|i| !i.section.contains('\t')), "a table row taken as a heading");
    let find = |table: &str, row: &str, column: &str| {
        let hit: Vec<_> = cells
            .iter()
            .filter(|i| i.cell.as_ref().is_some_and(|c| c.table == table && c.row == row && c.column == column))
            .collect();
        assert_eq!(hit.len(), 1, "{table} {row} {column}");
        let i = hit[0];
        let f = &i.figure;
        (i.subject.as_str(), f.kind.as_str(), zhibiao::output::fmt_decimal(f.value), f.unit.as_str(), i.ref_year)
    };
    // 表1  2022年居民消费和商品零售价格涨跌幅度（单位：%）: `一、食品烟酒	1.4	2.7`.
    assert_eq!(find("表1", "食品烟酒", "2021年"), ("食品烟酒", "change_pct", "1.4".into(), "%", Some(2021)));
    assert_eq!(find("表1", "食品烟酒", "2022年"), ("食品烟酒", "change_pct", "2.7".into(), "%", Some(2022)));
    // 表2  2022年主要工业产品产量情况: `水泥	吨	6400703	-12.5`, `#新能源汽车	辆	154999	184.3`.
    assert_eq!(find("表2", "水泥", "2022年"), ("水泥产量", "quantity", "6400703".into(), "吨", Some(2022)));
    assert_eq!(find("表2", "水泥", "比上年增长（%）"), ("水泥产量", "change_pct", "-12.5".into(), "%", Some(2022)));
    assert_eq!(
        find("表2", "汽车 > 新能源汽车", "2022年"),
        ("新能源汽车产量", "quantity", "154999".into(), "辆", Some(2022))
    );
    // 表4  2022年南京进出口情况: `进出口总额	6292.1	0.3`, in 亿元.
    assert_eq!(
        find("表4", "进出口总额", "金额（亿元）"),
        ("进出口总额", "quantity", "629210000000".into(), "元", Some(2022))
    );
    // 表5: the measure in the header, `# 日本` under `一、亚洲`.
    assert_eq!(
        find("表5", "亚洲 > 日本", "进口额（亿元）"),
        ("日本进口额", "quantity", "30790000000".into(), "元", Some(2022))
    );
    // 表6: `铁路	万吨公里	-	-` is no figure; `港口集装箱吞吐量	万标箱	320.02	2.9`.
    assert!(
        cells.iter().all(|i| i
            .cell
            .as_ref()
            .is_some_and(|c| !(c.table == "表6" && c.row == "铁路" && i.figure.unit == "吨公里")))
    );
    assert_eq!(
        find("表6", "港口集装箱吞吐量", "绝对量"),
        ("港口集装箱吞吐量", "quantity", "3200200".into(), "标箱", Some(2022))
    );
    // The prose after a table keeps its section.
    let prose = r
        .indicators
        .iter()
        .find(|i| i.sentence.starts_with("从市场结构看，新兴市场中"))
        .expect("the markets paragraph");
    assert_eq!(prose.section, "六、对外经济");
}
