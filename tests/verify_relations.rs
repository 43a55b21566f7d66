//! Percentage checks on real sentences from ../shared/corpus (quoted inline; the file is named per test).

use zhibiao::{Analyzer, Dicts, Document, Options};

/// (raw of the checked figure, check, check_detail) for every checked figure of `text`.
fn checks(text: &str) -> Vec<(String, String, String)> {
    let analyzer = Analyzer::new(Dicts::builtin(), Options::default());
    let doc = Document { name: "t".into(), text: text.into(), ..Default::default() };
    let report = analyzer.analyze(&doc);
    report
        .indicators
        .into_iter()
        .filter_map(|i| i.check.map(|c| (i.figure.raw, c.as_str().to_string(), i.check_detail)))
        .collect()
}

fn verdict_of(text: &str, raw: &str) -> (String, String) {
    let all = checks(text);
    all.iter()
        .find(|c| c.0.contains(raw))
        .map(|c| (c.1.clone(), c.2.clone()))
        .unwrap_or_else(|| panic!("{raw} not checked in {all:?}"))
}

// fazhi/zezhou_2025_fzzf.txt
#[test]
fn zezhou_change_beside_level() {
    let (v, d) = verdict_of("全年立刑事案件428起,同比减少153起,下降26.33%。", "26.33%");
    assert_eq!(v, "consistent", "{d}");
    assert!(d.contains("153起 / (428起 + 153起)"), "{d}");
    assert!(d.contains("half-up"), "{d}");
}

// fazhi/zezhou_2025_fzzf.txt
#[test]
fn zezhou_rate_of_two_counts() {
    let s = "强化源头治理,坚持“预防为主、调解优先”原则,落实每月定期排查预警机制,全年基层调解组织排查矛盾纠纷3559件,化解3439件,成功率达96.6%。";
    let (v, d) = verdict_of(s, "96.6%");
    assert_eq!(v, "consistent", "{d}");
    assert!(d.contains("3439件 / 3559件"), "{d}");
}

// fazhi/zezhou_2025_fzzf.txt, 96.6% altered to 92.6%
#[test]
fn zezhou_altered_rate_is_inconsistent() {
    let s = "强化源头治理,坚持“预防为主、调解优先”原则,落实每月定期排查预警机制,全年基层调解组织排查矛盾纠纷3559件,化解3439件,成功率达92.6%。";
    let (v, d) = verdict_of(s, "92.6%");
    assert_eq!(v, "inconsistent", "{d}");
}

// fazhi/zezhou_2025_fzzf.txt, 26.33% altered to 28.33%
#[test]
fn zezhou_altered_change_is_inconsistent() {
    let (v, _) = verdict_of("全年立刑事案件428起,同比减少153起,下降28.33%。", "28.33%");
    assert_eq!(v, "inconsistent");
}

// fazhi/zezhou_2025_fzzf.txt: three counts, no ratio of them gives 88%
#[test]
fn zezhou_three_counts_not_consistent() {
    let s = "强化行政争议化解,充分发挥行政复议化解行政争议主渠道作用,运用案前引导、案中调解、案后释法等方法,全年办理复议案件98件,调解和解10件,74件未进入诉讼程序,“案结事了”率达88%。";
    let (v, d) = verdict_of(s, "88%");
    assert_ne!(v, "consistent", "{d}");
}

// fazhi/zezhou_2025_fzzf.txt: one count only
#[test]
fn zezhou_one_count_unverifiable() {
    let s = "深化“高效办成一件事”改革,推动线上线下协同运行,累计办理14621件,线上办理占比达81%;";
    let (v, d) = verdict_of(s, "81%");
    assert_eq!(v, "unverifiable");
    assert!(d.contains("14621件"), "{d}");
}

// fazhi/zezhou_2025_fzzf.txt: a bound
#[test]
fn zezhou_bound_unverifiable() {
    let s = "优化审批流程,持续推进“极简审批”改革,全年为290余个项目提供“全代办”服务,104个攻坚项目开工率超90%。";
    let (v, d) = verdict_of(s, "90%");
    assert_eq!(v, "unverifiable");
    assert!(d.contains("at least 94"), "{d}");
}

// tjgb/luoyang_2023_tjgb.txt
#[test]
fn luoyang_urbanisation_rate() {
    let s =
        "年末常住人口707.9万人，其中全市城镇常住人口477.3万人，常住人口城镇化率为67.42%，比上年末提高0.94个百分点。";
    let (v, d) = verdict_of(s, "67.42%");
    assert_eq!(v, "consistent", "{d}");
    // The previous rate is not in the sentence.
    let (v, _) = verdict_of(s, "0.94个百分点");
    assert_eq!(v, "unverifiable");
    let altered = s.replace("67.42%", "69.42%");
    assert_eq!(verdict_of(&altered, "69.42%").0, "inconsistent");
}

// issue #4's example (no 增长面 sentence is in ../shared/corpus)
#[test]
fn growth_breadth() {
    let (v, d) = verdict_of("32个行业大类中，有18个行业同比增长，增长面56.3%。", "56.3%");
    assert_eq!(v, "consistent", "{d}");
}

// tjgb/china_2024_tjgb_excerpt.txt
#[test]
fn national_grain_and_employment_share() {
    let (v, d) = verdict_of("全年粮食产量70650万吨，比上年增加1109万吨，增产1.6%。", "1.6%");
    assert_eq!(v, "consistent", "{d}");
    assert!(d.contains("1109万吨 / (70650万吨 − 1109万吨)"), "{d}");
    let s = "年末全国就业人员73439万人，其中城镇就业人员47345万人，占全国就业人员比重为64.5%。";
    assert_eq!(verdict_of(s, "64.5%").0, "consistent");
    assert_eq!(verdict_of(&s.replace("64.5%", "66.5%"), "66.5%").0, "inconsistent");
}

// tjgb/china_2024_tjgb_excerpt.txt: the levels' own rounding (万公顷) widens the computed value
#[test]
fn share_within_rounding_of_levels() {
    let s = "全年完成造林面积445万公顷，其中人工造林面积118万公顷，占全部造林面积的26.6%。";
    let (v, d) = verdict_of(s, "26.6%");
    assert_eq!(v, "consistent", "{d}");
    assert!(d.contains("rounding of the stated levels"), "{d}");
}

// provincial_gwr_2026_csv/gansu_2026_gwr.csv: nominal 46.9%, stated 33.6% at comparable prices
#[test]
fn gansu_comparable_prices() {
    let s = "全省地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4374.4亿元，增长33.6%，经济增速2022年以来连续16个季度高于全国平均水平。";
    let (v, d) = verdict_of(s, "33.6%");
    assert_eq!(v, "unverifiable");
    assert!(d.contains("comparable prices") && d.contains("46.92"), "{d}");
}

// national_gwr_utf8/china_2013_gwr.txt: 年均 between two dated levels
#[test]
fn national_2013_annual_average() {
    let all = checks(
        "加快实施“走出去”战略，鼓励各类企业开展对外投资和跨国经营，非金融类对外直接投资从2007年的248亿美元上升到2012年的772亿美元，年均增长25.5%。",
    );
    let c = all.iter().find(|c| c.0.contains("25.5%")).expect("checked");
    assert_eq!(c.1, "consistent", "{}", c.2);
    assert!(c.2.contains("^(1/5)"), "{}", c.2);
}

// national_gwr_utf8/china_1979_gwr.txt: 由A增加到B，增长P%
#[test]
fn national_1979_from_to() {
    let s = "原油由八千七百万吨增加到一亿零四百万吨，增长百分之十九点五。";
    let (v, d) = verdict_of(s, "百分之十九点五");
    assert_eq!(v, "consistent", "{d}");
}

// national_gwr_utf8/china_2009_gwr.txt
#[test]
fn national_2009_change_beside_level() {
    let s = "全年中央财政用于“三农”的投入5955亿元，比上年增加1637亿元，增长37.9%。";
    assert_eq!(verdict_of(s, "37.9%").0, "consistent");
    assert_eq!(verdict_of(&s.replace("37.9%", "39.7%"), "39.7%").0, "inconsistent");
}

// tjgb/china_1995_gongyepucha_gb.md: the percentage points belong to another subject
#[test]
fn points_of_another_subject_unverifiable() {
    let s = "工业增加值率由1985年36.0％下降到24.0％，中间物质消耗和支付给非物质生产部门的劳务消耗上升12.0个百分点，平均每年上升1.2个百分点。";
    assert_eq!(verdict_of(s, "12.0个百分点").0, "unverifiable");
}

// tjgb/china_2024_yaopinliutong_report.txt: a rate that does not name the counts before it
#[test]
fn unnamed_rate_unverifiable() {
    let s = "订单总数39276万笔，其中第三方交易服务平台订单数15622万笔，订单转化率98.9%；";
    assert_eq!(verdict_of(s, "98.9%").0, "unverifiable");
}

// hailar_gwr_gbk/hailar_2013_gwr.gbk.txt: 失业率 is not 再就业 / 新增就业
#[test]
fn named_rate_after_unrelated_counts_unverifiable() {
    let s = "创业就业优惠政策全面落实，为9373人次就业困难人员发放社保补贴2368万元，发放小额担保贷款1850万元，城镇新增就业6128人，再就业2291人，城镇登记失业率为3.84%。";
    assert_eq!(verdict_of(s, "3.84%").0, "unverifiable");
}

/// The 分别 relation, in the shape of the 南京 2024 公报 sentence (`82起，死亡48人，同比分别下降8.89%、
/// 7.69%`) with the absolute changes stated too, as a 公报 often does; the corpus has no such sentence with
/// both lists. Each rate goes with the change and the level of the same place in its list.
#[test]
fn fenbie_lists_pair_rates_with_their_changes_and_levels() {
    let s = "全年发生道路交通事故82起，死亡48人，同比分别减少8起、4人，分别下降8.89%、7.69%。";
    assert_eq!(verdict_of(s, "8.89%").0, "consistent");
    assert_eq!(verdict_of(s, "7.69%").0, "consistent");
    let altered = s.replace("7.69%", "9.69%");
    assert_eq!(verdict_of(&altered, "9.69%").0, "inconsistent");
    // Without the changes the previous levels are not stated: nothing to check against.
    let bare = "全年发生道路交通事故82起，死亡48人，同比分别下降8.89%、7.69%。";
    assert_eq!(verdict_of(bare, "8.89%").0, "unverifiable");
}
