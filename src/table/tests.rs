use super::*;
use crate::dicts::Dicts;
use crate::figure::Kind;

fn words() -> TableWords {
    Dicts::builtin().table
}

/// The 2022 report in `tjgb/nanjing_2021-2024_tjgb.docx`, 表2 as the Word reader writes it.
const NANJING_T2: &str = "三、工业和建筑业\n表2  2022年主要工业产品产量情况\n产品名称\t计量单位\t2022年 \t比上年增长（%）\n\
水泥\t吨\t6400703\t-12.5\n汽车\t辆\t363399\t1.9\n#新能源汽车\t辆\t154999\t184.3\n铁路\t万吨公里\t-\t-\n下文。\n";

#[test]
fn a_word_table_with_its_title_unit_column_and_growth_column() {
    let t = find_tables(NANJING_T2, &words());
    assert_eq!(t.len(), 1);
    let t = &t[0];
    assert_eq!((t.number.as_deref(), t.title.as_deref()), (Some("表2"), Some("2022年主要工业产品产量情况")));
    assert_eq!(t.rows.len(), 5);
    assert_eq!(header_rows(t), 1);
    let f = cell_figures(t, 1, &words(), Some(2022));
    let got: Vec<(&str, Kind, String, &str, Option<i32>)> =
        f.iter().map(|c| (c.subject.as_str(), c.kind, c.value.to_string(), c.unit.as_str(), c.ref_year)).collect();
    assert_eq!(
        got,
        vec![
            ("水泥产量", Kind::Quantity, "6400703".into(), "吨", Some(2022)),
            ("水泥产量", Kind::ChangePct, "-12.5".into(), "%", Some(2022)),
            ("汽车产量", Kind::Quantity, "363399".into(), "辆", Some(2022)),
            ("汽车产量", Kind::ChangePct, "1.9".into(), "%", Some(2022)),
            ("新能源汽车产量", Kind::Quantity, "154999".into(), "辆", Some(2022)),
            ("新能源汽车产量", Kind::ChangePct, "184.3".into(), "%", Some(2022)),
        ]
    );
    // `-` cells are no figures; a `#` row sits under its parent.
    assert_eq!(f[4].row, "汽车 > 新能源汽车");
    assert_eq!((f[1].table.as_str(), f[1].column.as_str()), ("表2", "比上年增长（%）"));
    assert_eq!(f[1].basis.as_deref(), Some("比上年增长"));
    // Offsets are the cell's in the text.
    let c = &f[0].cell;
    assert_eq!(NANJING_T2.chars().skip(c.start).take(c.end - c.start).collect::<String>(), "6400703");
}

#[test]
fn ordinal_rows_and_year_columns_of_a_price_table() {
    // 表1 of the same report: the unit and the kind (涨跌幅) in the title, a year per column.
    let text = "表1  2022年居民消费和商品零售价格涨跌幅度（单位：%）\n指标名称\t2021年\t2022年\n\
居民消费价格\t1.5\t2.2\n一、食品烟酒\t1.4\u{2002}\u{2002}\t2.7\u{2002}\u{2002}\n三、居住[3]\t1.0\t0.8\n";
    let t = &find_tables(text, &words())[0];
    let f = cell_figures(t, 1, &words(), Some(2022));
    let got: Vec<(&str, Kind, String, Option<i32>)> =
        f.iter().map(|c| (c.subject.as_str(), c.kind, c.value.to_string(), c.ref_year)).collect();
    assert_eq!(got[2], ("食品烟酒", Kind::ChangePct, "1.4".into(), Some(2021)));
    assert_eq!(got[3], ("食品烟酒", Kind::ChangePct, "2.7".into(), Some(2022)));
    assert_eq!(got[4].0, "居住");
    assert_eq!(f[3].unit, "%");
}

#[test]
fn columns_a_cell_spans_and_measures_named_by_the_header() {
    // 表5 of the 2022 report: the measure in the header (出口额), its growth column after it.
    let text = "国别和地区\t出口额（亿元）\t比上年增长（%）\t进口额（亿元）\t比上年增长（%）\n合计\t3827.9\t-1.8\t2464.2\t3.6\n\
一、亚洲\t1675.7\t-0.7\t1446.9\t10.9\n# 日本\t146.1\t-19.1\t307.9\t6.5\n韩国\t270.3\t-2.0\t494.7\t19.4\n\
二、非洲\t213.5\t-7.5\t105.9\t19.5\n";
    let t = &find_tables(text, &words())[0];
    let f = cell_figures(t, 1, &words(), None);
    let subj: Vec<&str> = f.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(&subj[..4], ["合计出口额", "合计出口额", "合计进口额", "合计进口额"]);
    assert_eq!(f[8].row, "亚洲 > 日本");
    assert_eq!(f[12].row, "亚洲 > 韩国");
    assert_eq!(f[16].row, "非洲");
    assert_eq!(f[16].subject, "非洲出口额");
    // Two header rows, a year spanning two columns (written as the cell and an empty one after it).
    let text = "指标\t2022年\t\t上年同期\n\t绝对数\t占比\t绝对数\n城镇\t12\t60.0%\t10\n农村\t8\t40.0%\t9\n";
    let t = &find_tables(text, &words())[0];
    let cols = columns(t, &words());
    assert_eq!(cols[2].header, "2022年 占比");
    assert!(cols[2].share && cols[2].year == Some(2022));
    let f = cell_figures(t, 1, &words(), Some(2022));
    let got: Vec<(&str, Kind, Option<i32>)> = f.iter().map(|c| (c.subject.as_str(), c.kind, c.ref_year)).collect();
    assert_eq!(
        got[..3],
        [
            ("城镇", Kind::Quantity, Some(2022)),
            ("城镇占比", Kind::Percent, Some(2022)),
            ("城镇", Kind::Quantity, Some(2021))
        ]
    );
}

#[test]
fn wide_space_text_tables_and_prose_that_is_none() {
    let text =
        "单位：亿元\n项目      2023年    比上年增长\n一般公共预算收入    1200.5    5.1\n税收收入    900.2    4.0\n";
    let t = find_tables(text, &words());
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].unit.as_deref(), Some("亿元"));
    let f = cell_figures(&t[0], 1, &words(), None);
    assert_eq!((f[0].subject.as_str(), f[0].unit.as_str(), f[0].kind), ("一般公共预算收入", "亿元", Kind::Quantity));
    assert_eq!((f[1].unit.as_str(), f[1].kind), ("%", Kind::ChangePct));
    // Prose with a tab, one line; prose with double spaces and no numbers in columns; a lone row.
    for prose in [
        "全年增长 8.7%\tA&B\n下一行\n",
        "全市  生产总值增长  较快。\n全年  粮食丰收。\n",
        "指标\t2022年\n",
        "\t全年地区生产总值18500.81亿元，比上年增长4.5%，其中第一产业增加值一百亿元。\n\t全市常住人口949.11万人，比上年末增加7.77万人。\n",
    ] {
        assert!(find_tables(prose, &words()).is_empty(), "{prose:?}");
    }
}

#[test]
fn numbers_of_cells() {
    assert_eq!(number("-12.5").map(|n| (n.0.to_string(), n.1)), Some(("-12.5".into(), 1)));
    assert_eq!(number("1,234").map(|n| n.0.to_string()), Some("1234".into()));
    assert_eq!(number("49.66%").map(|n| n.0.to_string()), Some("49.66".into()));
    for none in ["", "-", "—", "…", "2022年", "1.2.3", "12a"] {
        assert_eq!(number(none), None, "{none:?}");
    }
}

#[test]
fn render_aligns_cells() {
    let t = &find_tables(NANJING_T2, &words())[0];
    let r = render(t);
    let lines: Vec<&str> = r.lines().collect();
    // The widest label, `#新能源汽车`, is 11 columns wide.
    assert_eq!(lines[1], "水泥        | 吨       | 6400703 | -12.5");
    assert_eq!(lines[4], "铁路        | 万吨公里 | -       | -");
}

#[test]
fn markdown_tables_and_units_in_row_labels() {
    // samples/示例市_2024_统计公报.md
    let text = "| 指标 | 数量 | 比上年增长（%） |\n|---|---|---|\n| 规模以上工业企业（家） | 1320 | 4.2 |\n";
    let t = &find_tables(text, &words())[0];
    assert_eq!(header_rows(t), 2);
    assert_eq!(columns(t, &words())[2].header, "比上年增长（%）");
    let f = cell_figures(t, 1, &words(), None);
    let got: Vec<(&str, Kind, &str)> = f.iter().map(|c| (c.subject.as_str(), c.kind, c.unit.as_str())).collect();
    assert_eq!(got, [("规模以上工业企业", Kind::Quantity, "家"), ("规模以上工业企业", Kind::ChangePct, "%")]);
}

#[test]
fn cells_of_several_lines_are_rows_when_they_match() {
    // The shape of 表2 in `tjgb/china_2021_minzheng_tjgb.docx`: a Word cell of several paragraphs per column.
    let text = " 指标\t 机构（个）\t 床位（万张）\n合计  养老机构  儿童福利机构\t 1000  800  200\t 50.5  40.0  10.5\n";
    let t = &find_tables(text, &words())[0];
    let f = cell_figures(t, 1, &words(), None);
    let got: Vec<(&str, String, &str)> =
        f.iter().map(|c| (c.subject.as_str(), c.value.to_string(), c.unit.as_str())).collect();
    assert_eq!(got[2], ("养老机构", "800".to_string(), "个"));
    assert_eq!(got[5], ("儿童福利机构床位", "10.5".to_string(), "万张"));
    assert_eq!(text.chars().skip(f[2].cell.start).take(3).collect::<String>(), "800");
    // Lines that do not match up (`省级民政部门登记市级…` fused): no rows, no figures.
    let text = " 指标\t 社会团体\t 基金会\n 合计  民政部登记  省级登记\t 371110\t 521883  1972\n";
    assert!(find_tables(text, &words()).iter().all(|t| cell_figures(t, 1, &words(), None).is_empty()));
}

#[test]
fn a_year_compared_with_is_no_column_year() {
    // `tjgb/china_1995_gongyepucha_gb.md`: `比1985年增长`; `tjgb/luoyang_2023_tjgb.docx`: `比上年上涨（%）`.
    let cols = |h: &str| column_head(h, &words());
    let c = cols("比1985年增长");
    assert!(c.growth && c.year.is_none() && c.measure.is_none(), "{c:?}");
    let c = cols("比上年上涨（%）");
    assert!(c.growth && c.measure.is_none() && c.unit.as_deref() == Some("%"), "{c:?}");
}

/// tjgb/qiandongnan_2023_tjgb.pdf: its text layer gives `表22023年农林牧渔业总产值及其增长速度` (no space after 表2).
#[test]
fn a_title_year_glued_to_the_table_number() {
    assert_eq!(title_number("表22023年农林牧渔业总产值及其增长速度").map(|(n, _)| n), Some("表2".to_string()));
    assert_eq!(title_number("表4 2023年主要畜产品产量").map(|(n, _)| n), Some("表4".to_string()));
    assert_eq!(title_number("表12023年财政收支").map(|(n, _)| n), Some("表1".to_string()));
    assert_eq!(title_number("表12 财政收支情况").map(|(n, _)| n), Some("表12".to_string()));
}

/// 表5 of `tjgb/luoyang_2023_tjgb.docx` (the 黔东南 2016 bulletin): a 产量 column, and rows of livestock sold
/// (出栏) and kept (年末存栏), which are measures of their own, not 产量.
#[test]
fn a_row_naming_its_own_measure_takes_no_other() {
    let text = "表5 主要畜产品产量和牲畜发展情况\n\t单 位\t产 量\t比上年增长（%）\n肉类总产量\t万吨\t18.99\t-3.4\n\
牛肉\t万吨\t1.82\t5.2\n牛出栏\t万头\t14.82\t4.2\n牛年末存栏  \t万头\t65.85\t-8.2\n";
    let t = find_tables(text, &words());
    assert_eq!(t.len(), 1);
    let f = cell_figures(&t[0], 1, &words(), Some(2016));
    let got: Vec<&str> = f.iter().filter(|c| c.kind == Kind::Quantity).map(|c| c.subject.as_str()).collect();
    assert_eq!(got, vec!["肉类总产量", "牛肉产量", "牛出栏", "牛年末存栏"]);
}

#[test]
fn the_rows_after_a_total_row_are_its_parts() {
    // `tjgb/nanjing_2021-2024_tjgb.docx`, the 2021 report's 表7: the modes of transport are parts of the total
    // row above them, until the next total row.
    let text = "表7 2021年各种运输方式完成旅客运输量情况\n指标\t计量单位\t绝对量\t比上年增长（%）\n\
旅客运输总量\t万人次\t11481.54\t0.9\n公路\t万人次\t5608.48\t-6.8\n铁路\t万人次\t5004.94\t10.2\n\
机场旅客吞吐量\t万人\t1760.69\t-11.6\n旅客运输周转量\t万人公里\t1592522.12\t-10.6\n公路\t万人公里\t439982.32\t-36.0\n";
    let t = find_tables(text, &words());
    assert_eq!(t.len(), 1);
    let f = cell_figures(&t[0], 1, &words(), Some(2021));
    let got: Vec<&str> = f.iter().filter(|c| c.kind == Kind::Quantity).map(|c| c.subject.as_str()).collect();
    assert_eq!(
        got,
        vec![
            "旅客运输总量",
            "公路旅客运输量",
            "铁路旅客运输量",
            "机场旅客吞吐量",
            "旅客运输周转量",
            "公路旅客运输周转量"
        ]
    );
    // `tjgb/luoyang_2023_tjgb.docx` (the 黔东南 2016 bulletin), 表9: a part naming the thing the total measures
    // takes the rest of the total's name.
    let text = "表9金融机构信贷收支情况\n\t绝对额 （万元） \t比年初增长（%）\n各项存款余额\t14666372\t26.7\n\
其中：住户存款余额\t7506805\t13.7\n各项贷款余额\t9372922\t23.4\n其中：短期贷款\t2228656\t39.8\n中长期贷款\t7116429\t19.0\n";
    let t = find_tables(text, &words());
    assert_eq!(t.len(), 1);
    let f = cell_figures(&t[0], 1, &words(), Some(2016));
    let got: Vec<&str> = f.iter().filter(|c| c.kind == Kind::Quantity).map(|c| c.subject.as_str()).collect();
    assert_eq!(got, vec!["各项存款余额", "住户存款余额", "各项贷款余额", "短期贷款余额", "中长期贷款余额"]);
}

#[test]
fn a_share_column_names_its_cells_as_shares() {
    // `tjgb/qiandongnan_2023_tjgb.pdf`, 表1: the share column names no measure of its own and borrows none.
    let text = "表1 2023年年末户籍人口及其构成\n指标名称\t年末数（人）\t比重（%）\n全州总户籍人口\t4899310\t100.0\n\
#城镇\t1654272\t33.8\n乡村\t3245038\t66.2\n#男性\t2617299\t53.4\n";
    let t = find_tables(text, &words());
    assert_eq!(t.len(), 1);
    let f = cell_figures(&t[0], 1, &words(), Some(2023));
    let got: Vec<&str> = f.iter().filter(|c| c.kind == Kind::Percent).map(|c| c.subject.as_str()).collect();
    assert_eq!(got, vec!["全州总户籍人口比重", "城镇比重", "乡村比重", "男性比重"]);
}
