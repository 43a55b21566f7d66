//! Real sentences that once came out wrong, each quoted with the file it comes from.

use zhibiao::{Analyzer, Dicts, Document, Options};

fn analyze(text: &str) -> Vec<(String, String, String, String)> {
    let a = Analyzer::new(Dicts::builtin(), Options::default());
    let doc = Document { name: "t.txt".into(), text: text.into(), ..Default::default() };
    a.analyze(&doc)
        .indicators
        .iter()
        .map(|i| {
            (
                i.figure.raw.clone(),
                i.subject.clone(),
                i.figure.kind.as_str().to_string(),
                zhibiao::output::fmt_decimal(i.figure.value),
            )
        })
        .collect()
}

fn has(rows: &[(String, String, String, String)], raw: &str, subject: &str, kind: &str, value: &str) {
    assert!(
        rows.iter().any(|r| r.0.contains(raw) && r.1.contains(subject) && r.2 == kind && r.3 == value),
        "want {raw} / {subject} / {kind} / {value} in {rows:#?}"
    );
}

/// fazhi/zezhou_2025_fzzf.txt: the chain of a level, its 同比 change and its rate.
#[test]
fn zezhou_change_chain_inherits_the_subject() {
    let r = analyze("全年立刑事案件428起,同比减少153起,下降26.33%。");
    has(&r, "428", "刑事案件", "quantity", "428");
    has(&r, "153", "刑事案件", "change_abs", "-153");
    has(&r, "26.33", "刑事案件", "change_pct", "-26.33");
}

/// fazhi/zezhou_2025_fzzf.txt: a count right before another counts what the second names.
#[test]
fn zezhou_nested_counts_take_the_following_noun() {
    let r = analyze("围绕企业全生命周期系统部署7方面29项重点任务。");
    has(&r, "7方面", "重点任务", "quantity", "7");
    let r = analyze("全面梳理并公开34家执法主体的216项检查事项。");
    has(&r, "34家", "执法主体", "quantity", "34");
    has(&r, "216项", "检查事项", "quantity", "216");
}

/// national_gwr_utf8/china_2024_gwr.txt: the basis of a change is a comparison phrase.
#[test]
fn national_2024_budget_change_against_last_years_budget() {
    let r = analyze("赤字规模4.06万亿元，比上年年初预算增加1800亿元。");
    has(&r, "比上年年初预算增加1800亿元", "赤字规模", "change_abs", "180000000000");
}

/// national_gwr_utf8/china_2024_gwr.txt: 成立75周年 is an anniversary, not a figure.
#[test]
fn national_2024_anniversary_is_not_a_figure() {
    assert!(analyze("中华人民共和国成立75周年。").is_empty());
}

/// tjgb 南京 2024: `分别` distributes two changes over two levels.
#[test]
fn nanjing_2024_fenbie_distributes_changes() {
    let r = analyze("发生生产安全事故73起，死亡44人，分别比上年下降12%、10.2%。");
    has(&r, "12%", "生产安全事故", "change_pct", "-12");
    has(&r, "10.2%", "死亡", "change_pct", "-10.2");
}

/// national_gwr_utf8/china_2013_gwr.txt: 从A增加到B names the subject before 从.
#[test]
fn national_2013_from_to_spans_keep_the_subject() {
    let r = analyze("国内生产总值从26.6万亿元增加到51.9万亿元，跃升到世界第二位。");
    has(&r, "26.6万亿元", "国内生产总值", "quantity", "26600000000000");
    has(&r, "51.9万亿元", "国内生产总值", "quantity", "51900000000000");
}

/// national_gwr_utf8/china_1956_gwr.txt: full-width digits with full-width thousands separators.
#[test]
fn national_1956_fullwidth_thousands_separators() {
    let r = analyze("１９５５年本年收入增长９６６，４８５，０００元，即增长３．６８％。");
    has(&r, "９６６，４８５，０００元", "本年收入", "change_abs", "966485000");
    has(&r, "３．６８％", "本年收入", "change_pct", "3.68");
}

/// national_gwr_utf8/china_1954_gwr.txt: traditional 點 and 萬 in the earliest reports.
#[test]
fn national_1954_traditional_characters() {
    let r = analyze("鋼產量等於一九四九年的二點六倍。全國人口六萬萬人。");
    has(&r, "二點六倍", "", "multiple", "2.6");
    has(&r, "六萬萬人", "", "quantity", "600000000");
}

/// national_gwr_utf8/china_2024_gwr.txt: one-character counts are rhetoric (两个市场), not figures.
#[test]
fn national_2024_rhetorical_counts_are_not_figures() {
    assert!(analyze("更好统筹国内国际两个市场两种资源。").is_empty());
}

/// tjgb 统计公报: an age defines a group unless it is a lifetime.
#[test]
fn ages_are_figures_only_as_lifetimes() {
    assert!(analyze("为65岁以上老年人提供健康管理服务。").is_empty());
    let r = analyze("人均预期寿命达到78.9岁。");
    has(&r, "78.9岁", "人均预期寿命", "quantity", "78.9");
}

/// national_gwr_utf8/china_2017_gwr.txt: `74.4`, a line break with a zero-width space, then `万亿元`.
#[test]
fn national_2017_number_cut_by_a_line_break() {
    let r = analyze("国内生产总值达到74.4\n\u{200b}\n万亿元，增长6.7%。");
    has(&r, "74.4", "国内生产总值", "quantity", "74400000000000");
}

/// national_gwr_utf8/china_2016_gwr.txt and china_2024_gwr.txt: targets name their subject before 要/拟 and
/// a verb with 在.
#[test]
fn national_targets_keep_the_subject_before_modal_verbs() {
    let r = analyze("粮食产量要稳定在5.5亿吨以上。");
    has(&r, "5.5亿吨以上", "粮食产量", "quantity", "550000000");
    let r = analyze("赤字率拟按3%安排。");
    has(&r, "3%", "赤字率", "percent", "3");
}

/// provincial_gwr_2026_csv (several provinces): `省委十二届十一次全会` numbers a session, and `三元` in a
/// list of company names is a name.
#[test]
fn provincial_2026_session_numbers_and_names_are_not_figures() {
    assert!(analyze("按照省委十二届十一次全会精神。扶持壮大三元、麦福劳等企业。").is_empty());
    let r = analyze("召开常务会议12次。");
    has(&r, "12次", "常务会议", "quantity", "12");
}

/// tjgb/china_2024_tjgb_excerpt.txt: footnote marks inside names, 多增 as a change, per-person rates.
#[test]
fn national_2024_bulletin_footnotes_changes_and_rates() {
    let r = analyze("全年全国城镇新增就业[7]1256万人，比上年多增12万人。");
    has(&r, "1256万人", "城镇新增就业", "quantity", "12560000");
    has(&r, "多增12万人", "城镇新增就业", "change_abs", "120000");
    let r = analyze("全员劳动生产率[4]为173898元/人。其中，装备制造业[12]增加值比上年增长7.7%。");
    has(&r, "173898元/人", "全员劳动生产率", "quantity", "173898");
    has(&r, "7.7%", "装备制造业增加值", "change_pct", "7.7");
}

/// provincial_gwr_2026_csv: a class (5万吨级, 220千伏变电站) or a rank (排名前1%) is not an amount; the
/// count beside it is.
#[test]
fn provincial_2026_classes_and_ranks_are_not_amounts() {
    let r = analyze("建成5万吨级泊位3个。开工220千伏变电站2座。85个学科进入ESI世界学科排名前1%。");
    assert_eq!(r.len(), 3, "{r:#?}");
    has(&r, "3个", "泊位", "quantity", "3");
    has(&r, "2座", "变电站", "quantity", "2");
    has(&r, "85个", "学科", "quantity", "85");
}

/// hailar_gwr_gbk/hailar_2016_gwr.gbk.txt: a leading year is not part of the subject, 达到 keeps the noun
/// before it, and 年均递增 is a growth rate.
#[test]
fn hailar_2016_years_durations_and_yearly_growth() {
    let r = analyze("2015年旅游收入达到69亿元，是2010年的2.6倍。");
    has(&r, "69亿元", "旅游收入", "quantity", "6900000000");
    assert!(r.iter().all(|x| !x.1.contains("2015")), "{r:?}");
    let r = analyze("城镇常住居民人均可支配收入完成30788元，比2010年增加13480元，年均递增12.2%。");
    has(&r, "12.2%", "人均可支配收入", "change_pct", "12.2");
    let r = analyze("五年内修建公路3万公里。");
    has(&r, "3万公里", "修建公路", "quantity", "30000");
    assert!(r.iter().all(|x| !x.1.starts_with('内')), "{r:?}");
}

/// national_gwr_utf8/china_1998_gwr.txt: digits typeset with spaces between them (`7 4 7 7 2 亿元`,
/// `8 ．8 ％`), and tjgb/china_1995_gongyepucha_gb.md: a space between a number and its unit in a table.
#[test]
fn national_1998_spaced_digits_and_spaced_units() {
    let r = analyze("1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，平均每年增长1 1 ％。去年经济增长8 ．8 ％。");
    has(&r, "7 4 7 7 2 亿元", "国内生产总值", "quantity", "7477200000000");
    has(&r, "1 1 ％", "国内生产总值", "change_pct", "11");
    has(&r, "8 ．8 ％", "经济", "change_pct", "8.8");
    assert_eq!(r.len(), 3, "{r:#?}");
    let r = analyze("| 原煤 | 13.61 亿吨 |");
    has(&r, "13.61 亿吨", "原煤", "quantity", "1361000000");
}

/// 分别 with absolute changes of different counts: `同比分别减少8起、4人` is two changes, of 事故 and 死亡.
#[test]
fn fenbie_absolute_changes_of_different_counts() {
    let r = analyze("全年发生道路交通事故82起，死亡48人，同比分别减少8起、4人，分别下降8.89%、7.69%。");
    has(&r, "减少8起", "交通事故", "change_abs", "-8");
    has(&r, "4人", "死亡", "change_abs", "-4");
    has(&r, "8.89%", "交通事故", "change_pct", "-8.89");
    has(&r, "7.69%", "死亡", "change_pct", "-7.69");
}

/// tjgb/china_2024_weijian_tjgb.md: a change in brackets after an absolute change (`比上年增加54.2万人（增长3.6%）`)
/// is its own figure; its basis never reaches back over another number.
#[test]
fn weijian_2024_bracketed_change_does_not_swallow_the_one_before() {
    let r = analyze("2024年末，全国卫生人员总数1578.0万人，比上年增加54.2万人（增长3.6%）。");
    has(&r, "比上年增加54.2万人", "卫生人员", "change_abs", "542000");
    assert!(r.iter().any(|x| x.0 == "增长3.6%" && x.2 == "change_pct"), "{r:#?}");
}

/// national_gwr_utf8/china_1958_gwr.txt: a basis may name a year in Chinese numerals (比一九五七年的预计数),
/// and the first figure of a sentence takes its subject from the clause before when its own names nothing.
#[test]
fn national_1958_chinese_year_basis_and_subject_from_the_clause_before() {
    let r = analyze(
        "一九五八年的基本建设总投资额，拟定为一百四十五亿七千七百万元，比一九五七年的预计数增加了二十二亿元，增长百分之十七点八。",
    );
    has(&r, "一百四十五亿七千七百万元", "基本建设总投资额", "quantity", "14577000000");
    has(&r, "比一九五七年的预计数增加了二十二亿元", "基本建设总投资额", "change_abs", "2200000000");
}

/// hailar_gwr_gbk (2013–2016): 再就业 is an indicator of its own, apart from 城镇新增就业.
#[test]
fn hailar_reemployment_keeps_its_name() {
    let r = analyze("发放小额担保贷款2150万元，实现城镇新增就业5487人，再就业1687人，城镇登记失业率为3.79%。");
    has(&r, "5487人", "城镇新增就业", "quantity", "5487");
    has(&r, "1687人", "再就业", "quantity", "1687");
}

/// national_gwr_utf8/china_2012_gwr.txt and china_2007_gwr.txt: the 、 inside `（市、区）` cut the clause, and the
/// subject came out as `县（市`.
#[test]
fn a_short_aside_in_parentheses_stays_with_its_noun() {
    let r = analyze("2147个县（市、区）实施城镇居民社会养老保险试点，1334万人参保，641万人领取养老金。");
    has(&r, "2147个", "县（市、区）", "quantity", "2147");
    assert!(r.iter().all(|x| x.1 != "县（市"), "{r:#?}");
    let r = analyze("已有25个省（自治区、直辖市）、2133个县（市、区）初步建立了农村最低生活保障制度。");
    has(&r, "25个", "省（自治区、直辖市）", "quantity", "25");
    has(&r, "2133个", "县（市、区）", "quantity", "2133");
    // An aside that does not close within reach is left out rather than cut.
    let r = analyze("410个“两基”（基本普及九年义务教育和基本扫除青壮年文盲）攻坚县已有317个县实现目标。");
    has(&r, "410个", "两基", "quantity", "410");
    assert!(r.iter().all(|x| x.1.matches('（').count() == x.1.matches('）').count()), "{r:#?}");
}

/// tjgb/china_2024_weijian_tjgb.md: the name before the number ends in an aside (`（站）`, `（助理）`), which
/// used to stop the walk back at its closing parenthesis and leave the subject empty or cut.
#[test]
fn an_aside_ending_the_name_before_a_number_is_kept() {
    let r = analyze(
        "2024年末，全国共有社区卫生服务中心（站）37301个，其中：社区卫生服务中心10228个，社区卫生服务站27073个。",
    );
    has(&r, "37301个", "社区卫生服务中心（站）", "quantity", "37301");
    let r = analyze("卫生技术人员中，执业（助理）医师508.2万人，注册护士585.5万人。");
    has(&r, "508.2万人", "执业（助理）医师", "quantity", "5082000");
}

/// tjgb/nanjing_2021-2024_tjgb.docx: `（按现价计算）` says how it was measured; once dropped, no empty `（）` is left
/// in the subject. provincial_gwr_2026_csv/sichuan_2026_gwr.csv: `新（改）建` opens with an aside that names nothing.
#[test]
fn price_basis_and_leading_asides_leave_no_brackets_behind() {
    let r = analyze("全年完成邮电业务收入（按现价计算）321.93亿元，比上年增长9.2%。");
    has(&r, "321.93亿元", "邮电业务收入", "quantity", "32193000000");
    assert!(r.iter().all(|x| !x.1.contains("（）")), "{r:#?}");
    let r = analyze("打造新时代更高水平“天府粮仓”，新（改）建高标准农田348.8万亩，完成大中型灌区现代化改造22处。");
    has(&r, "348.8万亩", "高标准农田", "quantity", "3488000");
    assert!(r.iter().all(|x| !x.1.starts_with('（')), "{r:#?}");
}
