//! Checks across a whole report: operands found by indicator and period in other sentences and paragraphs
//! (the report-level relation store, `src/relate.rs`). Each case quotes its sentences and names its file; the
//! planted-error cases change one figure of a real report (a temporary copy) so that a stated percentage no
//! longer holds.

use std::path::Path;

use zhibiao::{Analyzer, Dicts, Document, Options};

struct Seen {
    raw: String,
    verdict: String,
    formula: String,
    detail: String,
    operands: Vec<String>,
}

fn analyzer() -> Analyzer {
    Analyzer::new(Dicts::builtin(), Options::default())
}

/// The findings of `text` read as a 2024 统计公报 (the report's year is the year of a sentence without one).
fn findings(a: &Analyzer, text: &str) -> Vec<Seen> {
    let doc = Document { name: "case_2024_tjgb.txt".into(), text: text.into(), ..Default::default() };
    let report = a.analyze(&doc);
    report
        .findings
        .iter()
        .map(|f| Seen {
            raw: report.indicators[f.index].figure.raw.clone(),
            verdict: f.verdict.as_str().to_string(),
            formula: f.formula.clone(),
            detail: f.detail.clone(),
            operands: f.operands.iter().map(|&o| report.indicators[o].figure.raw.clone()).collect(),
        })
        .collect()
}

/// The finding of the figure stated as `raw` (its `n`-th occurrence, from 1).
fn of<'a>(all: &'a [Seen], raw: &str, n: usize) -> &'a Seen {
    all.iter()
        .filter(|s| s.raw == raw)
        .nth(n - 1)
        .unwrap_or_else(|| panic!("{raw} not checked in {:?}", all.iter().map(|s| &s.raw).collect::<Vec<_>>()))
}

fn verdict(text: &str, raw: &str) -> String {
    let all = findings(&analyzer(), text);
    let s = of(&all, raw, 1);
    format!("{} | {} | {}", s.verdict, s.formula, s.detail)
}

// tjgb/china_2024_tjgb_excerpt.txt: shares of a total stated two sentences earlier; the third share inherits
// the whole the first one names.
const GDP: &str = "初步核算，全年国内生产总值[2]1349084亿元，比上年增长5.0%。其中，第一产业增加值91414亿元，比上年增长3.5%；第二产业增加值492087亿元，增长5.3%；第三产业增加值765583亿元，增长5.0%。第一产业增加值占国内生产总值比重为6.8%，第二产业增加值比重为36.5%，第三产业增加值比重为56.7%。最终消费支出拉动国内生产总值增长2.2个百分点，资本形成总额拉动国内生产总值增长1.3个百分点，货物和服务净出口拉动国内生产总值增长1.5个百分点。";

#[test]
fn shares_of_a_total_stated_earlier() {
    let a = analyzer();
    let all = findings(&a, GDP);
    for (raw, formula) in [
        ("6.8%", "91414亿元 / 1349084亿元"),
        ("36.5%", "492087亿元 / 1349084亿元"),
        ("56.7%", "765583亿元 / 1349084亿元"),
    ] {
        let s = of(&all, raw, 1);
        assert_eq!(s.verdict, "consistent", "{raw}: {}", s.detail);
        assert_eq!(s.formula, formula);
    }
    assert_eq!(of(&all, "6.8%", 1).operands, ["91414亿元", "1349084亿元"]);
    // Comparable-price growth is never checked against the nominal levels.
    assert_eq!(of(&all, "比上年增长5.0%", 1).verdict, "unverifiable");
    // Planted: the part changed.
    let altered = findings(&a, &GDP.replace("91414亿元", "81414亿元"));
    assert_eq!(of(&altered, "6.8%", 1).verdict, "inconsistent");
    // Planted: the total changed — every share fails.
    let altered = findings(&a, &GDP.replace("1349084亿元", "1249084亿元"));
    for raw in ["6.8%", "36.5%", "56.7%"] {
        assert_eq!(of(&altered, raw, 1).verdict, "inconsistent", "{raw}");
    }
}

#[test]
fn contributions_in_points_sum_to_the_growth() {
    let a = analyzer();
    let all = findings(&a, GDP);
    let s = of(&all, "增长1.5个百分点", 1);
    assert_eq!(s.verdict, "consistent", "{}", s.detail);
    assert_eq!(s.formula, "5.0% − 2.2个百分点 − 1.3个百分点");
    let altered = findings(&a, &GDP.replace("增长1.3个百分点", "增长1.8个百分点"));
    assert_eq!(of(&altered, "增长1.5个百分点", 1).verdict, "inconsistent");
}

// tjgb/china_2024_tjgb_excerpt.txt: 自然增长率 = 出生率 − 死亡率; 城镇化率 from the population of another paragraph.
#[test]
fn defined_rates() {
    let s = "年末全国人口[5]140828万人，比上年末减少139万人，其中城镇常住人口94350万人。全年出生人口954万人，出生率为6.77‰；死亡人口1093万人，死亡率为7.76‰；自然增长率为-0.99‰。\n\n城乡融合和区域协调发展扎实推进。年末全国常住人口城镇化率为67.00%，比上年末提高0.84个百分点。";
    let a = analyzer();
    let all = findings(&a, s);
    let n = of(&all, "-0.99‰", 1);
    assert_eq!(n.verdict, "consistent", "{}", n.detail);
    assert_eq!(n.formula, "6.77‰ − 7.76‰");
    let u = of(&all, "67.00%", 1);
    assert_eq!(u.verdict, "consistent", "{}", u.detail);
    assert_eq!(u.formula, "94350万人 / 140828万人");
    let altered = findings(&a, &s.replace("7.76‰", "7.66‰"));
    assert_eq!(of(&altered, "-0.99‰", 1).verdict, "inconsistent");
    let altered = findings(&a, &s.replace("94350万人", "96350万人"));
    assert_eq!(of(&altered, "67.00%", 1).verdict, "inconsistent");
}

// tjgb/china_2024_weijian_tjgb.md: parts and shares in parentheses after 其中
#[test]
fn parts_of_a_qizhong_list() {
    let s = "2024年末，全国医疗卫生机构床位1029.8万张，其中：医院812.0万张（占78.8%），基层医疗卫生机构182.9万张（占17.8%），专业公共卫生机构32.7万张（占3.2%）。";
    let a = analyzer();
    let all = findings(&a, s);
    for (raw, part) in [("78.8%", "812.0万张"), ("17.8%", "182.9万张"), ("3.2%", "32.7万张")] {
        let f = of(&all, raw, 1);
        assert_eq!(f.verdict, "consistent", "{raw}: {}", f.detail);
        assert_eq!(f.operands, [part, "1029.8万张"]);
    }
    let altered = findings(&a, &s.replace("812.0万张", "802.0万张"));
    assert_eq!(of(&altered, "78.8%", 1).verdict, "inconsistent");
}

// tjgb/china_2024_weijian_tjgb.md: the 其中 list goes on past `；`
#[test]
fn parts_across_semicolons() {
    let s = "2024年全国卫生总费用初步核算为90895.5亿元，其中：政府卫生支出22608.0亿元，占24.9%；社会卫生支出43280.0亿元，占47.6%；个人卫生支出25007.5亿元，占27.5%。";
    let a = analyzer();
    let all = findings(&a, s);
    for raw in ["24.9%", "47.6%", "27.5%"] {
        let f = of(&all, raw, 1);
        assert_eq!(f.verdict, "consistent", "{raw}: {}", f.detail);
        assert_eq!(f.operands[1], "90895.5亿元");
    }
    let altered = findings(&a, &s.replace("25007.5亿元", "27007.5亿元"));
    assert_eq!(of(&altered, "27.5%", 1).verdict, "inconsistent");
}

// tjgb/china_2024_weijian_tjgb.md: the whole named by the head of the list, in the paragraph before
#[test]
fn whole_named_by_the_list_head() {
    let s = "2024年末，全国卫生人员总数1578.0万人，比上年增加54.2万人（增长3.6%）。\n\n2024年末卫生人员机构分布：医院937.4万人（占59.4%），基层医疗卫生机构525.7万人（占33.3%），专业公共卫生机构100.5万人（占6.4%）。";
    let a = analyzer();
    let all = findings(&a, s);
    for raw in ["59.4%", "33.3%", "6.4%"] {
        let f = of(&all, raw, 1);
        assert_eq!(f.verdict, "consistent", "{raw}: {}", f.detail);
        assert_eq!(f.operands[1], "1578.0万人");
    }
}

// tjgb/china_2024_weijian_tjgb.md: a level, and its absolute change and growth two sentences later
#[test]
fn level_with_change_in_a_later_sentence() {
    let s = "2024年末卫生人员总数中，卫生技术人员1302.0万人。卫生技术人员中，执业（助理）医师508.2万人，注册护士585.5万人。与上年比较，卫生技术人员增加53.1万人（增长4.3%）。";
    let a = analyzer();
    let all = findings(&a, s);
    let f = of(&all, "增长4.3%", 1);
    assert_eq!(f.verdict, "consistent", "{}", f.detail);
    assert_eq!(f.formula, "53.1万人 / (1302.0万人 − 53.1万人)");
    let altered = findings(&a, &s.replace("1302.0万人", "1402.0万人"));
    assert_eq!(of(&altered, "增长4.3%", 1).verdict, "inconsistent");
}

// tjgb/china_2024_weijian_tjgb.md: a level written without the unit its change repeats (101.5亿 beside 6.0亿人次)
#[test]
fn level_without_its_unit() {
    let s = "2024年，全国医疗卫生机构总诊疗人次101.5亿，比上年增加6.0亿人次（增长6.2%）。";
    assert!(verdict(s, "增长6.2%").starts_with("consistent"), "{}", verdict(s, "增长6.2%"));
    assert!(verdict(&s.replace("增长6.2%", "增长7.2%"), "增长7.2%").starts_with("inconsistent"));
}

// tjgb/china_2024_weijian_tjgb.md: the earlier rate in parentheses, the change in 百分点
#[test]
fn point_change_from_the_rate_in_parentheses() {
    let s = "2024年，医院次均门诊药费（133.0元）占次均门诊费用的36.8%，比上年（36.9%）下降0.1个百分点；";
    let v = verdict(s, "下降0.1个百分点");
    assert!(v.starts_with("consistent | 36.8% − 36.9%"), "{v}");
    let v = verdict(&s.replace("（36.9%）", "（37.9%）"), "下降0.1个百分点");
    assert!(v.starts_with("inconsistent"), "{v}");
}

// tjgb/china_2024_weijian_tjgb.md: the whole carries the part's own scope (医院次均门诊费用)
#[test]
fn whole_in_the_scope_of_the_part() {
    let s = "2024年，医院次均门诊费用361.0元，按当年价格比上年下降0.2%，按可比价格下降0.4%；次均住院费用9870.0元，按当年价格比上年下降4.3%，按可比价格下降4.5%。\n\n2024年，医院次均门诊药费（133.0元）占次均门诊费用的36.8%，比上年（36.9%）下降0.1个百分点；";
    let v = verdict(s, "36.8%");
    assert!(v.starts_with("consistent | 133.0元 / 361.0元"), "{v}");
    let v = verdict(&s.replace("361.0元", "331.0元"), "36.8%");
    assert!(v.starts_with("inconsistent"), "{v}");
}

// samples/示例区_2024_行政复议和法治政府工作报告.txt: the previous year's level in parentheses
#[test]
fn two_dated_levels() {
    let s = "2024年，全区新收行政复议申请3326件（2023年为867件），同比增长283.6%，审结3104件，审结率达93.3%。";
    let v = verdict(s, "同比增长283.6%");
    assert!(v.starts_with("consistent | (3326件 − 867件) / 867件"), "{v}");
    assert!(verdict(&s.replace("867件", "887件"), "同比增长283.6%").starts_with("inconsistent"));
    // The same form with both years named before their levels (the 2023年…66件，2024年…151件).
    let s = "2023年全区受理行政复议案件66件，2024年受理151件，同比增长128.79%。";
    let v = verdict(s, "同比增长128.79%");
    assert!(v.starts_with("consistent | (151件 − 66件) / 66件"), "{v}");
}

// The form `151件中…140件，占92.71%；…11件，占7.28%` (not in the corpus): one base stated once, two shares.
#[test]
fn base_stated_once_used_twice() {
    let s = "2024年，全区审结的151件中，维持140件，占92.71%；纠错11件，占7.28%。";
    let a = analyzer();
    let all = findings(&a, s);
    for (raw, part) in [("92.71%", "140件"), ("7.28%", "11件")] {
        let f = of(&all, raw, 1);
        assert_eq!(f.verdict, "consistent", "{raw}: {}", f.detail);
        assert_eq!(f.operands, [part, "151件"]);
    }
    let altered = findings(&a, &s.replace("纠错11件", "纠错13件"));
    assert_eq!(of(&altered, "7.28%", 1).verdict, "inconsistent");
}

// Misreadings kept out.
#[test]
fn not_the_same_indicator() {
    // national_gwr_utf8/china_1956_gwr.txt: 本年收入 of 1956 is not the 全年收入 of 1955.
    let s = "１９５５年本年收入合计２７，２０３，３１９，０００元，加上上年结转收入３，１５４，６５７，０００元，全年收入总数３０，３５７，９７６，０００元。\n１９５６年债款收入为７４２，２４１，０００元，占本年收入的２．５０％；";
    assert!(verdict(s, "２．５０％").starts_with("unverifiable"), "{}", verdict(s, "２．５０％"));
    // hailar_gwr_gbk/hailar_2016_gwr.gbk.txt: an annual average over five years is not the change over them.
    let s = "2015年城镇常住居民人均可支配收入完成30788元，比2010年增加13480元，年均递增12.2%；";
    assert!(verdict(s, "递增12.2%").starts_with("unverifiable"), "{}", verdict(s, "递增12.2%"));
    // tjgb/dongguan_2023-2024_tjgb.docx: 农村常住居民人均可支配收入 is not the 人均可支配收入 of all residents.
    let s = "农村常住居民人均可支配收入46865元，增长3.8%，城乡收入差距进一步缩小。从收入构成上看，居民人均工资性收入46456元，占人均可支配收入的70.7%，是居民收入的首要来源；";
    assert!(verdict(s, "70.7%").starts_with("unverifiable"), "{}", verdict(s, "70.7%"));
    // tjgb/china_2024_weijian_tjgb.md: 提供中医服务的 institutions are not all of them.
    let s = "社区卫生服务中心（站）37301个（其中：社区卫生服务中心10228个，社区卫生服务站27073个）。\n2024年，提供中医服务的社区卫生服务中心占同类机构的99.7%，社区卫生服务站占97.1%。";
    assert!(verdict(s, "97.1%").starts_with("unverifiable"), "{}", verdict(s, "97.1%"));
}

/// A corpus document, changed by `edits`, in a temporary copy read through the CLI: the rows of `verify`.
fn planted(file: &str, edits: &[(&str, &str)]) -> Option<Vec<serde_json::Value>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(file);
    let Ok(mut text) = std::fs::read_to_string(&src) else {
        eprintln!("{} not present: skipped", src.display());
        return None;
    };
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from} once in {file}");
        text = text.replacen(from, to, 1);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join(Path::new(file).file_name().expect("name"));
    std::fs::write(&p, text).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(["verify", "--no-fail", "--format", "jsonl"])
        .arg(&p)
        .output()
        .expect("runs");
    let rows = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    Some(rows)
}

fn inconsistent(rows: &[serde_json::Value]) -> Vec<String> {
    rows.iter()
        .filter(|r| r["verdict"] == "inconsistent")
        .map(|r| r["raw"].as_str().unwrap_or("").to_string())
        .collect()
}

// Errors planted in temporary copies of tjgb/china_2024_tjgb_excerpt.txt and tjgb/china_2024_weijian_tjgb.md:
// each changes a count, a total or a level so that a stated percentage no longer holds. The unaltered
// documents have no inconsistent figure; every planted one is flagged, first in the output.
#[test]
fn planted_errors_are_flagged() {
    let Some(clean) = planted("tjgb/china_2024_tjgb_excerpt.txt", &[]) else { return };
    assert_eq!(inconsistent(&clean), Vec::<String>::new());
    // (file, text, altered text, the figure flagged, the altered operand as the row names it)
    let cases: [(&str, &str, &str, &str, &str); 8] = [
        ("tjgb/china_2024_tjgb_excerpt.txt", "第一产业增加值91414亿元", "第一产业增加值93414亿元", "6.8%", "93414亿元"),
        (
            "tjgb/china_2024_tjgb_excerpt.txt",
            "其中城镇就业人员47345万人",
            "其中城镇就业人员49345万人",
            "64.5%",
            "49345万人",
        ),
        ("tjgb/china_2024_tjgb_excerpt.txt", "死亡率为7.76‰", "死亡率为7.86‰", "-0.99‰", "7.86‰"),
        (
            "tjgb/china_2024_tjgb_excerpt.txt",
            "其中城镇常住人口94350万人",
            "其中城镇常住人口93350万人",
            "67.00%",
            "93350万人",
        ),
        ("tjgb/china_2024_weijian_tjgb.md", "其中：医院812.0万张", "其中：医院822.0万张", "78.8%", "822.0万张"),
        (
            "tjgb/china_2024_weijian_tjgb.md",
            "卫生技术人员1302.0万人。",
            "卫生技术人员1322.0万人。",
            "增长4.3%",
            "1322.0万人",
        ),
        (
            "tjgb/china_2024_weijian_tjgb.md",
            "个人卫生支出25007.5亿元",
            "个人卫生支出26007.5亿元",
            "27.5%",
            "26007.5亿元",
        ),
        (
            "tjgb/china_2024_weijian_tjgb.md",
            "专业公共卫生机构100.5万人",
            "专业公共卫生机构110.5万人",
            "6.4%",
            "110.5万人",
        ),
    ];
    let Some(clean) = planted("tjgb/china_2024_weijian_tjgb.md", &[]) else { return };
    assert_eq!(inconsistent(&clean), Vec::<String>::new());
    for (file, from, to, flagged, operand) in cases {
        let rows = planted(file, &[(from, to)]).expect("present");
        let bad = inconsistent(&rows);
        assert!(bad.iter().any(|r| r == flagged), "{file}: {from} → {to}: {flagged} not flagged ({bad:?})");
        assert_eq!(rows[0]["verdict"], "inconsistent", "inconsistent rows lead");
        let row = rows.iter().find(|r| r["raw"] == flagged && r["verdict"] == "inconsistent").expect("row");
        let ops = row["operands"].as_str().unwrap_or("");
        assert!(ops.contains(&format!("{operand}@")), "{ops}");
    }
}

// tjgb/china_2024_tjgb_excerpt.txt: shares of one whole that sum to 100 confirm one another; a sum that does
// not (the list may leave parts out, or its parts overlap) says so and is no verdict.
#[test]
fn shares_sum_to_the_whole() {
    let s = "在监测的339个地级及以上城市中，空气质量达标的城市占65.5%，未达标的城市占34.5%。";
    let v = verdict(s, "34.5%");
    assert!(v.starts_with("consistent | 100 − 65.5%"), "{v}");
    let s =
        "全年近岸海域海水水质[90]达到国家一、二类海水水质标准的面积占83.7%，三类海水占4.1%，四类、劣四类海水占12.2%。";
    assert!(verdict(s, "12.2%").starts_with("consistent"), "{}", verdict(s, "12.2%"));
    let v = verdict(&s.replace("占4.1%", "占5.1%"), "12.2%");
    assert!(v.starts_with("unverifiable | 100 − 83.7% − 5.1%"), "{v}");
    assert!(v.contains("may not be exhaustive"), "{v}");
    // tjgb/china_2024_weijian_tjgb.md: each share of its own whole (同类机构) — no verdict.
    let s = "2024年，提供中医服务的社区卫生服务中心占同类机构的99.7%，社区卫生服务站占97.1%，乡镇卫生院占99.8%，村卫生室占86.6%。";
    assert!(verdict(s, "86.6%").starts_with("unverifiable"), "{}", verdict(s, "86.6%"));
}

// provincial_gwr_2026_csv/gansu_2026_gwr.csv: one share at two times is no list of parts.
#[test]
fn one_share_at_two_times_is_not_a_sum() {
    let s = "酒钢集团“三化”改造实现产业重塑，高端产品占比从30%提高到70%。";
    assert!(verdict(s, "70%").starts_with("unverifiable"), "{}", verdict(s, "70%"));
    // tjgb/qiandongnan_2016_tjgb.docx: a 、 list of shares is.
    let s = "第一、二、三次产业增加值占全州生产总值的比重为19.6%、27.8%和52.6%。";
    assert!(verdict(s, "52.6%").starts_with("consistent"), "{}", verdict(s, "52.6%"));
}

// tjgb/china_2024_tjgb_excerpt.txt: the three industries make up GDP (`dicts/part_sums.tsv`); the last one stated
// is checked against GDP less the other two. A part altered by 10000亿元 is flagged.
#[test]
fn parts_sum_to_a_whole_stated_before_them() {
    let v = verdict(GDP, "765583亿元");
    assert!(v.starts_with("consistent | 1349084亿元 − 91414亿元 − 492087亿元"), "{v}");
    let v = verdict(&GDP.replace("492087亿元", "482087亿元"), "765583亿元");
    assert!(v.starts_with("inconsistent | 1349084亿元 − 91414亿元 − 482087亿元"), "{v}");
    // tjgb/zhoukou_2023_tjgb.pdf: 城镇 and 乡村 make up the population, with the stated decimals.
    let s = "年末全市常住人口866.60万人。其中，城镇人口392.66万人，乡村人口473.94万人；";
    assert!(
        verdict(s, "473.94万人").starts_with("consistent | 866.60万人 − 392.66万人"),
        "{}",
        verdict(s, "473.94万人")
    );
    // tjgb/china_2024_tjgb_excerpt.txt: exports and imports make up the trade of their own whole only. The 出口 and
    // 进口 of `对共建“一带一路”国家进出口额220685亿元` are no parts of `货物进出口总额438468亿元`; neither is the 出口 of
    // the 民营企业.
    let s = "全年货物进出口总额438468亿元，比上年增长5.0%。其中，出口254545亿元，增长7.1%；进口183923亿元，增长2.3%。货物进出口顺差70623亿元。对共建“一带一路”[50]国家进出口额220685亿元，比上年增长6.4%。其中，出口122095亿元，增长9.6%；进口98589亿元，增长2.7%。民营企业进出口额243329亿元，比上年增长8.8%，占进出口总额比重为55.5%；其中出口164717亿元，增长9.4%。";
    let all = findings(&analyzer(), s);
    assert_eq!(of(&all, "183923亿元", 1).verdict, "consistent");
    for raw in ["122095亿元", "98589亿元", "164717亿元"] {
        assert!(all.iter().all(|f| f.raw != raw), "{raw} checked as a part");
    }
    // A level with only one part stated (`其中城镇常住人口94350万人`) is no sum.
    let s = "年末全国人口[5]140828万人，比上年末减少139万人，其中城镇常住人口94350万人。";
    assert!(findings(&analyzer(), s).iter().all(|f| f.raw != "94350万人"));
}

// tjgb/china_2024_tjgb_excerpt.txt: 人均国内生产总值 is over the year's average population; the bulletin states the
// year-end one after it, with the year's change beside it, so the average lies between 140828万 and 140967万.
#[test]
fn per_head_level_and_birth_rate_over_the_population() {
    let s = "全年人均国内生产总值95749元，比上年增长5.1%。国民总收入[3]1339672亿元，比上年增长5.1%。\n年末全国人口[5]140828万人，比上年末减少139万人，其中城镇常住人口94350万人。全年出生人口954万人，出生率为6.77‰；死亡人口1093万人，死亡率为7.76‰；自然增长率为-0.99‰。";
    let text = format!("初步核算，全年国内生产总值[2]1349084亿元，比上年增长5.0%。{s}");
    let all = findings(&analyzer(), &text);
    let v = of(&all, "95749元", 1);
    assert_eq!(v.verdict, "consistent", "{}", v.detail);
    assert!(v.formula.starts_with("1349084亿元 / 140828万人"), "{}", v.formula);
    assert!(v.operands.iter().any(|o| o == "比上年末减少139万人"), "{:?}", v.operands);
    let b = of(&all, "6.77‰", 1);
    assert_eq!(b.verdict, "consistent", "{}", b.detail);
    assert!(b.formula.starts_with("954万人 / 140828万人"), "{}", b.formula);
    // 95749 altered to 96749: beyond any average population between the year's start and end.
    let all = findings(&analyzer(), &text.replace("95749元", "96749元"));
    assert_eq!(of(&all, "96749元", 1).verdict, "inconsistent");
    // Without the change beside the year-end population, a miss cannot be told at this rounding.
    let all = findings(&analyzer(), &text.replace("95749元", "95649元").replace("，比上年末减少139万人", ""));
    let v = of(&all, "95649元", 1);
    assert_eq!(v.verdict, "unverifiable", "{}", v.detail);
    assert!(v.detail.contains("cannot tell at this rounding"), "{}", v.detail);
}

// tjgb/hefei_2024_tjgb.txt: `婴儿死亡率1.43‰` is over live births, not the population: no 死亡率 of 死亡人口.
#[test]
fn a_narrower_rate_is_not_the_defined_one() {
    // Lines 19–21 and 259 of the file, line breaks joined; the births and deaths rates are over the population.
    let s = "常住人口1000.2万人，增加14.9万人；常住人口城镇化率86.38%，提高0.83个百分点。全年出生人口7.9万人，出生率7.98‰；死亡人口6.1万人，死亡率6.15‰；自然增长率1.83‰，比上年提高0.01个千分点。孕产妇死亡率5.07/10万，婴儿死亡率1.43‰。";
    let all = findings(&analyzer(), s);
    assert!(all.iter().filter(|f| f.raw == "1.43‰").all(|f| f.verdict != "inconsistent" && f.formula.is_empty()));
    let d = of(&all, "6.15‰", 1);
    assert_eq!(d.verdict, "consistent", "{}", d.detail);
    assert!(d.formula.starts_with("6.1万人 / 1000.2万人"), "{}", d.formula);
}

// tjgb/luoyang_2023_tjgb.txt: `常住人口城镇化率为67.42%，比上年末提高0.94个百分点` states no 2022 rate; no report of
// the corpus states a rate and the year before's in two sentences, so the 2022 one is planted (66.48%, the one
// 0.94 implies), then altered.
#[test]
fn point_change_against_the_rate_of_another_sentence() {
    let s =
        "年末常住人口707.9万人，其中全市城镇常住人口477.3万人，常住人口城镇化率为67.42%，比上年末提高0.94个百分点。";
    let with = |prev: &str| format!("2022年末，全市常住人口城镇化率为{prev}。\n{s}");
    let a = analyzer();
    let doc = |t: &str| Document { name: "luoyang_2023_tjgb.txt".into(), text: t.into(), ..Default::default() };
    let seen = |t: &str| {
        let r = a.analyze(&doc(t));
        r.findings
            .iter()
            .find(|f| r.indicators[f.index].figure.raw.contains("0.94个百分点"))
            .map(|f| (f.verdict.as_str().to_string(), f.formula.clone()))
            .expect("checked")
    };
    assert_eq!(seen(&with("66.48%")), ("consistent".into(), "67.42% − 66.48%".into()));
    assert_eq!(seen(&with("66.58%")), ("inconsistent".into(), "67.42% − 66.58%".into()));
    // The rate of the same year in another sentence is no base.
    assert_eq!(seen(&with("66.48%").replace("2022年末", "2023年末")).1, "");
}
