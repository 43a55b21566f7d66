//! Cross-year comparison: attribution, normalisation, unit scaling, targets, claims across reports.

use std::path::Path;

use zhibiao::compare::{self, Aliases, Table};
use zhibiao::period::Status;
use zhibiao::{Analyzer, Dicts, DocReport, Document, Options};

fn analyzer() -> Analyzer {
    Analyzer::new(Dicts::builtin(), Options::default())
}

fn doc(name: &str, text: &str) -> Document {
    Document { name: name.into(), text: text.into(), ..Default::default() }
}

fn table(reports: &[DocReport]) -> Table {
    Table::new(compare::entries(reports, &Aliases::builtin()))
}

fn key(region: &str, ind: &str, kind: zhibiao::Kind, unit: &str, status: Status) -> compare::Key {
    (region.into(), ind.into(), kind, unit.into(), status)
}

#[test]
fn year_attribution_in_a_work_report() {
    // Sentences from china_2024_gwr.txt, under its headings.
    let text = "一、2023年工作回顾\n国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。城镇新增就业1244万人，城镇调查失业率平均为5.2%。\n二、2024年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。\n";
    let r = analyzer().analyze(&doc("china_2024_gwr.txt", text));
    let find = |raw: &str| r.indicators.iter().find(|i| i.figure.raw == raw).unwrap_or_else(|| panic!("{raw}"));
    assert_eq!((find("增长5.2%").ref_year, find("增长5.2%").status), (Some(2023), Status::Actual));
    assert_eq!((find("1244万人").ref_year, find("1244万人").status), (Some(2023), Status::Actual));
    assert_eq!((find("增长5%左右").ref_year, find("增长5%左右").status), (Some(2024), Status::Target));
    assert_eq!((find("1200万人以上").ref_year, find("1200万人以上").status), (Some(2024), Status::Target));
    // china_2018_gwr.txt, 一、过去五年工作回顾: the span start has no year, the level reached is 2017's.
    let text = "一、过去五年工作回顾\n国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%，占世界经济比重从11.4%提高到15%左右。\n";
    let r = analyzer().analyze(&doc("china_2018_gwr.txt", text));
    let find = |raw: &str| r.indicators.iter().find(|i| i.figure.raw == raw).unwrap();
    assert_eq!(find("54万亿元").ref_year, None);
    assert_eq!(find("82.7万亿元").ref_year, Some(2017));
    assert_eq!(find("增长7.1%").ref_year, None);
    // The average covers the five years the review names, and says so.
    let span = find("增长7.1%").span.expect("a span");
    assert_eq!((span.from, span.to, span.how), (Some(2013), Some(2017), zhibiao::period::SpanHow::Average));
}

#[test]
fn extract_rows_carry_ref_year_and_status() {
    let fields = zhibiao::output::FIELDS;
    let at = fields.iter().position(|f| *f == "ref_year").expect("ref_year");
    assert_eq!(&fields[at..at + 2], &["ref_year", "status"]);
    assert!(fields.contains(&"period_start") && fields.contains(&"period_end") && fields.contains(&"span"));
}

#[test]
fn normalisation_unit_scaling_and_targets() {
    let a = analyzer();
    let reports = vec![
        a.analyze(&doc("x_2016_gwr.txt", "一、2015年工作回顾\n全区地区生产总值实现1.2亿元，增长6.7%。粮食总产量1.2万吨。\n二、2016年工作安排\n今年主要预期目标是：地区生产总值增长6.5%－7%，居民消费价格涨幅3%左右。\n")),
        a.analyze(&doc("x_2017_gwr.txt", "一、2016年工作回顾\n生产总值达到9800万元，增长6.7%。粮食产量2600万斤。居民消费价格上涨3.4%。\n")),
    ];
    let t = table(&reports);
    use zhibiao::Kind::*;
    let lvl = key("x", "地区生产总值", Quantity, "元", Status::Actual);
    assert_eq!(t.get(&lvl, 2015).unwrap().value, 120000000.into());
    assert_eq!(t.get(&lvl, 2016).unwrap().value, 98000000.into());
    assert_eq!(t.get(&lvl, 2016).unwrap().how, compare::MatchHow::Alias);
    // 斤 and 吨 line up after scaling.
    let grain = key("x", "粮食产量", Quantity, "吨", Status::Actual);
    assert_eq!(t.get(&grain, 2015).unwrap().value, 12000.into());
    assert_eq!(t.get(&grain, 2016).unwrap().value, 13000.into());
    // 6.5%－7% vs 6.7%: met; a ceiling (居民消费价格 3%左右) overshot by 0.4 is met within the ±0.5 tolerance.
    let g = key("x", "地区生产总值", ChangePct, "%", Status::Target);
    assert_eq!(t.verdict(&g, 2016).as_deref(), Some("met"));
    let cpi = key("x", "居民消费价格", ChangePct, "%", Status::Target);
    assert_eq!(t.verdict(&cpi, 2016).as_deref(), Some("met (within ±0.5 of about)"));
    // Growth and level are different rows.
    let (schema, rows) = zhibiao::output::wide_table(&t, 1);
    let col = |name: &str| schema.position(name).unwrap_or_else(|| panic!("no column {name}"));
    assert_eq!(schema.columns[col("y2016_chg_pct")].legacy.as_deref(), Some("2016 chg%"));
    let gdp_rows: Vec<_> = rows.iter().filter(|r| r[1].as_str() == Some("地区生产总值")).collect();
    let kinds: Vec<_> = gdp_rows.iter().map(|r| r[2].as_str().unwrap()).collect();
    assert!(kinds.contains(&"quantity") && kinds.contains(&"change_pct"), "{kinds:?}");
    // Year columns hold numbers only; the qualifier and the range's upper end stand beside them.
    let target = rows
        .iter()
        .find(|r| {
            r[1].as_str() == Some("地区生产总值")
                && r[2].as_str() == Some("change_pct")
                && r[4].as_str() == Some("target")
        })
        .expect("the growth target row");
    assert_eq!(target[col("y2016")], zhibiao::output::Cell::Dec("6.5".parse().unwrap()));
    assert_eq!(target[col("y2016_max")], zhibiao::output::Cell::Dec(7.into()));
    assert_eq!(target[col("y2016_q")].as_str(), Some("range"));
    assert_eq!(target[col("y2016_met")].as_str(), Some("met"));
}

#[test]
fn claims_disagree_across_reports() {
    // Modelled on the 南京 2023/2024 公报: 82 accidents, then 73 with 比上年下降12% (73/82 is −10.98%).
    let dir = tempfile::tempdir().unwrap();
    let a = analyzer();
    let files = [
        ("nanjing_2023_tjgb.txt", "2023年南京市国民经济和社会发展统计公报\n全年发生道路交通事故82起，比上年下降5%。\n"),
        (
            "nanjing_2024_tjgb.txt",
            "2024年南京市国民经济和社会发展统计公报\n全年发生道路交通事故73起，比上年下降12%。全年接待游客1.5亿人次，比上年增长10%。\n",
        ),
    ];
    let mut reports = Vec::new();
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        for d in zhibiao::input::read_file(&p, &Default::default()) {
            reports.push(a.analyze(&d.unwrap()));
        }
    }
    let t = table(&reports);
    let claims = t.claims();
    let c = claims.iter().find(|c| c.stated.ref_year == 2024).expect("a claim for 2024");
    assert!(!c.agrees, "{c:?}");
    assert_eq!(c.computed.round_dp(2).to_string(), "-10.98");
    assert_eq!(c.base.value, 82.into());
    let (schema, rows) = zhibiao::output::claims_table(&t);
    let verdict = schema.position("verdict").unwrap();
    assert!(rows.iter().any(|r| r[verdict].as_str() == Some("disagrees")));
}

fn corpus() -> Option<&'static Path> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipped: ../shared not present");
        None
    }
}

fn analyze_files(paths: Vec<std::path::PathBuf>) -> Vec<DocReport> {
    use rayon::prelude::*;
    let a = analyzer();
    paths
        .par_iter()
        .flat_map(|p| zhibiao::input::read_file(p, &Default::default()))
        .map(|d| a.analyze(&d.unwrap()))
        .collect()
}

#[test]
fn national_2014_2025_headline_rows() {
    let Some(c) = corpus() else { return };
    let t0 = std::time::Instant::now();
    let paths: Vec<_> =
        (2014..=2025).map(|y| c.join(format!("national_gwr_utf8/china_{y}_gwr.txt"))).filter(|p| p.exists()).collect();
    let t = table(&analyze_files(paths));
    println!("national: {:?}", t0.elapsed());
    use zhibiao::Kind::*;
    let r = "国务院";
    for (ind, kind, unit, min) in [
        ("地区生产总值", ChangePct, "%", 8),
        ("城镇新增就业", Quantity, "人", 8),
        ("居民消费价格", ChangePct, "%", 6),
        ("城镇调查失业率", Percent, "%", 3),
        ("粮食产量", Quantity, "吨", 4),
    ] {
        let a = t.n_years(&key(r, ind, kind, unit, Status::Actual));
        let g = t.n_years(&key(r, ind, kind, unit, Status::Target));
        println!("{ind} {kind:?}: {a} actual years, {g} target years");
        assert!(a >= min, "{ind}: {a} actual years");
    }
    for (ind, kind, unit) in
        [("地区生产总值", ChangePct, "%"), ("城镇新增就业", Quantity, "人"), ("城镇调查失业率", Percent, "%")]
    {
        assert!(t.n_years(&key(r, ind, kind, unit, Status::Target)) >= 6, "{ind} targets");
    }
    // Targets never sit in an actual row: 2024's 5%左右 is a target, 2023's 5.2% an actual.
    let g = key(r, "地区生产总值", ChangePct, "%", Status::Actual);
    assert_eq!(t.get(&g, 2023).unwrap().value.to_string(), "5.2");
}

#[test]
fn hailar_has_30_indicators_in_3_years() {
    let Some(c) = corpus() else { return };
    let t0 = std::time::Instant::now();
    let paths: Vec<_> = (2012..=2019).map(|y| c.join(format!("hailar_gwr_gbk/hailar_{y}_gwr.gbk.txt"))).collect();
    let t = table(&analyze_files(paths));
    println!("hailar: {:?}", t0.elapsed());
    let (_, rows) = zhibiao::output::wide_table(&t, 3);
    let indicators: std::collections::BTreeSet<_> = rows.iter().map(|r| r[1].as_str().unwrap().to_string()).collect();
    println!("{} rows, {} indicators in 3+ years", rows.len(), indicators.len());
    assert!(rows.len() >= 30, "{} rows", rows.len());
}
