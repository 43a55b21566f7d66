//! Table-driven tests of the number layer, one table per form the issue lists.

use super::*;
use crate::dicts::Dicts;

fn figs(text: &str) -> Vec<Figure> {
    let d = Dicts::builtin();
    Recognizer::new(d).find(text, false)
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// (text, expected raw-contains, value, unit, kind, qualifier)
fn check(text: &str, want: &[(&str, &str, &str, Kind, Qualifier)]) {
    let got = figs(text);
    assert_eq!(got.len(), want.len(), "{text}: got {got:#?}");
    for (g, (num, value, unit, kind, q)) in got.iter().zip(want) {
        assert!(g.raw.contains(num), "{text}: raw {:?} lacks {num}", g.raw);
        assert_eq!(g.value, dec(value), "{text}: value of {}", g.raw);
        assert_eq!(g.unit, *unit, "{text}: unit of {}", g.raw);
        assert_eq!(g.kind, *kind, "{text}: kind of {}", g.raw);
        assert_eq!(g.qualifier, *q, "{text}: qualifier of {}", g.raw);
        let chars: Vec<char> = text.chars().collect();
        let span: String = chars[g.start..g.end].iter().collect();
        assert_eq!(span, g.raw, "{text}: span");
    }
}

use Kind::*;
use Qualifier::*;

#[test]
fn arabic_digits_separators_signs_fullwidth() {
    check("实现收入1,234.5万元", &[("1,234.5", "12345000", "元", Quantity, Exact)]);
    check("人口自然增长率为-0.57‰", &[("-0.57", "-0.57", "‰", Percent, Exact)]);
    check("增长率为负3.9%", &[("负3.9", "-3.9", "%", ChangePct, Exact)]);
    // national_gwr_gbk_webdump: full-width digits and point.
    check("居民收入提高９．３％", &[("９．３", "9.3", "%", ChangePct, Exact)]);
}

#[test]
fn chinese_numerals_and_mixtures() {
    check("财政收入一万六千七百七十亿元", &[("一万六千七百七十亿", "1677000000000", "元", Quantity, Exact)]);
    check("钢产量一亿零六百万吨", &[("一亿零六百万", "106000000", "吨", Quantity, Exact)]);
    check("总额二十万亿元", &[("二十万亿", "20000000000000", "元", Quantity, Exact)]);
    check("服务3.5万人", &[("3.5万", "35000", "人", Quantity, Exact)]);
    check("新建2万5千户", &[("2万5千", "25000", "户", Quantity, Exact)]);
    check("投资1.2亿元", &[("1.2亿", "120000000", "元", Quantity, Exact)]);
    check("建成两三个示范区", &[("两三", "2", "个", Quantity, Range)]);
    check("捐款壹万贰仟元", &[("壹万贰仟", "12000", "元", Quantity, Exact)]);
}

#[test]
fn scale_folds_into_value() {
    check("全年粮食产量70650万吨", &[("70650万", "706500000", "吨", Quantity, Exact)]);
    check("一般公共预算收入5481.6亿元", &[("5481.6亿", "548160000000", "元", Quantity, Exact)]);
    check("装机容量300万千瓦", &[("300万", "3000000", "千瓦", Quantity, Exact)]);
    check("功率5千瓦", &[("5", "5", "千瓦", Quantity, Exact)]);
}

#[test]
fn percent_forms() {
    check("成功率达96.6%", &[("96.6", "96.6", "%", Percent, Exact)]);
    check("占百分之三点五", &[("百分之三点五", "3.5", "%", Percent, Exact)]);
    check("三成企业", &[("三成", "30", "%", Percent, Exact)]);
    check("近八成群众", &[("近八成", "80", "%", Percent, Approx)]);
    check("三分之二的县", &[("三分之二", "66.67", "%", Percent, Exact)]);
    check("比重提高1.2个百分点", &[("1.2个百分点", "1.2", "百分点", ChangePp, Exact)]);
}

#[test]
fn changes_are_signed() {
    check("同比减少153起", &[("153", "-153", "起", ChangeAbs, Exact)]);
    check("下降26.33%", &[("26.33", "-26.33", "%", ChangePct, Exact)]);
    check("比上年增加1109万吨", &[("1109", "11090000", "吨", ChangeAbs, Exact)]);
    check("增长1.5倍", &[("1.5", "150", "%", ChangePct, Exact)]);
    check("经济总量翻一番", &[("翻一番", "100", "%", ChangePct, Exact)]);
    check("翻两番", &[("翻两番", "300", "%", ChangePct, Exact)]);
    check("是2012年的2.3倍", &[("2.3", "2.3", "倍", Multiple, Exact)]);
    check("下降0.5个百分点", &[("0.5", "-0.5", "百分点", ChangePp, Exact)]);
    // A level reached is not a change.
    check("城镇化率提高到67.4%", &[("67.4", "67.4", "%", Percent, Exact)]);
    check("降至3.2%", &[("3.2", "3.2", "%", Percent, Exact)]);
    // 新增 is a level, not a change.
    check("城镇新增就业1244万人", &[("1244", "12440000", "人", Quantity, Exact)]);
}

#[test]
fn qualifiers_and_ranges() {
    check("约300人", &[("300", "300", "人", Quantity, Approx)]);
    check("5%左右", &[("5", "5", "%", Percent, Approx)]);
    check("超90%", &[("90", "90", "%", Percent, AtLeast)]);
    check("为290余个项目", &[("290", "290", "个", Quantity, AtLeast)]);
    check("不超过3%", &[("3", "3", "%", Percent, AtMost)]);
    check("200人以上", &[("200", "200", "人", Quantity, AtLeast)]);
    check("10%以内", &[("10", "10", "%", Percent, AtMost)]);
    check("增长6.5%－7%", &[("6.5%－7", "6.5", "%", ChangePct, Range)]);
    check("建设3至5个", &[("3至5", "3", "个", Quantity, Range)]);
    let f = figs("增长6.5%－7%");
    assert_eq!(f[0].value_max, Some(dec("7")));
}

#[test]
fn ratios_are_one_figure() {
    check("三次产业结构调整为1.9:35.4:62.7", &[("1.9:35.4:62.7", "1.9", "", Ratio, Exact)]);
}

#[test]
fn non_figures_are_not_reported() {
    for text in [
        "2025年,泽州县委",
        "一九八○年",
        "1—10月",
        "《泽州县2024年度法治政府建设情况报告》",
        "一是持续深化理论武装",
        "党的二十大和二十届历次全会精神",
        "细化“双十条”举措",
        "“3+N”",
        "“一村一法律顾问”深度",
        "“八五”普法",
        "“十四五”规划",
        "一站式办理",
        "高效办成一件事",
        "二维码",
        "基层一线",
        "全国两会",
        "晋政发〔2024〕5号",
        "第一责任人",
        "（一）强化政治引领",
        "见注[2]",
        "5G基站",
        "PM2.5浓度",
        "1 9 8 0 年",
        "过去五年",
        "每万人拥有",
    ] {
        assert!(figs(text).is_empty(), "{text}: {:#?}", figs(text));
    }
}

/// 泽州县 2025 法治政府建设情况报告 (fazhi/zezhou_2025_fzzf.txt).
#[test]
fn zezhou_criminal_cases_sentence() {
    check(
        "全年立刑事案件428起,同比减少153起,下降26.33%。",
        &[
            ("428", "428", "起", Quantity, Exact),
            ("153", "-153", "起", ChangeAbs, Exact),
            ("26.33", "-26.33", "%", ChangePct, Exact),
        ],
    );
    check("推动解决6方面37个问题", &[("6", "6", "方面", Quantity, Exact), ("37", "37", "个", Quantity, Exact)]);
    check("开工率超90%", &[("90", "90", "%", Percent, AtLeast)]);
    check("疑难诉求100%响应", &[("100", "100", "%", Percent, Exact)]);
}

#[test]
fn start_table_agrees_with_the_rule() {
    for cp in 0..0x10000u32 {
        if let Some(c) = char::from_u32(cp) {
            assert_eq!(super::may_start_figure(c), super::starts_figure(c), "{c}");
        }
    }
}

/// corpus/MANIFEST.tsv: the addresses of the sources are percent-encoded (`%E6%8A%A5%E5%91%8A`), and their
/// hex digits came out as percentages (91%, 85%).
#[test]
fn percent_encoded_addresses_hold_no_figures() {
    check("https://example.org/%E6%8A%A5%E5%91%8A/%E6%94%BF%E5%BA%9C.txt", &[]);
    // The address of the 2025 report as MANIFEST.tsv gives it.
    check(
        "https://zh.wikisource.org/wiki/2025%E5%B9%B4%E4%B8%AD%E5%8D%8E%E4%BA%BA%E6%B0%91%E5%85%B1%E5%92%8C%E5%9B%BD%E5%9B%BD%E5%8A%A1%E9%99%A2%E6%94%BF%E5%BA%9C%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A",
        &[],
    );
    check("全年增长5%，20个项目开工", &[("5", "5", "%", ChangePct, Exact), ("20", "20", "个", Quantity, Exact)]);
}
