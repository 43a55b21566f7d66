use super::*;

fn sents(text: &str) -> Vec<String> {
    let st = split(text);
    st.sentences.iter().map(|s| text[s.byte_start..s.byte_end].to_string()).collect()
}

fn clauses_of(text: &str) -> Vec<String> {
    let st = split(text);
    st.sentences.iter().flat_map(|s| s.clauses.iter()).map(|c| text[c.byte_start..c.byte_end].to_string()).collect()
}

fn paths(text: &str) -> Vec<(u8, String)> {
    split(text).sections.into_iter().map(|s| (s.level, s.path)).collect()
}

#[test]
fn terminals_and_closing_quotes() {
    assert_eq!(sents("甲。乙！丙？丁"), vec!["甲。", "乙！", "丙？", "丁"]);
    assert_eq!(sents("他说：“好。”然后走了；再见!ok?"), vec!["他说：“好。”", "然后走了；", "再见!", "ok?"]);
}

#[test]
fn sentences_never_cross_paragraphs() {
    let t = "第一行没有句号\n  \n第二行。";
    let st = split(t);
    assert_eq!(st.paragraphs, vec![(0, 7), (11, 15)]);
    assert_eq!(sents(t), vec!["第一行没有句号", "第二行。"]);
    assert_eq!(st.sentences[1].paragraph, 1);
}

#[test]
fn code_points_and_bytes() {
    let t = "增长5.2%。规模以上";
    let st = split(t);
    let s = &st.sentences[1];
    assert_eq!((s.start, s.end), (7, 11));
    assert_eq!(&t[s.byte_start..s.byte_end], "规模以上");
}

#[test]
fn clause_rules() {
    // zezhou_2025_fzzf.txt: half-width commas.
    assert_eq!(
        clauses_of("全年提供行政诉讼、文件审核等各类法律服务1092次,为党政机关依法决策提供支撑。"),
        vec!["全年提供行政诉讼", "文件审核等各类法律服务1092次", "为党政机关依法决策提供支撑"]
    );
    // Thousands separator stays; a comma after a number with other than three digits splits.
    assert_eq!(clauses_of("收入1,234.5亿元,增长12,3个"), vec!["收入1,234.5亿元", "增长12", "3个"]);
    assert_eq!(clauses_of("分别下降8.89%、7.69%"), vec!["分别下降8.89%", "7.69%"]);
    assert_eq!(clauses_of("其中：医院387个；  基层"), vec!["其中", "医院387个", "基层"]);
    // Whitespace-only clauses are dropped.
    assert_eq!(clauses_of("甲， ，乙"), vec!["甲", "乙"]);
}

#[test]
fn headings_and_paths() {
    // zezhou_2025_fzzf.txt
    let t = "2025年,泽州县委、县政府坚持依法行政。现将有关情况报告如下:\n一、主要举措与工作成效\n(一)强化政治引领,筑牢法治建设根基\n一是持续深化理论武装。深化学习机制。\n二是统筹推进法治政府建设。\n(二)规范权力运行,提升政府公信力与执行力\n一是严格落实重大行政决策程序。\n二、存在的问题与不足\n短板仍在。";
    let st = split(t);
    assert_eq!(
        paths(t),
        vec![
            (1, "一、主要举措与工作成效".to_string()),
            (2, "一、主要举措与工作成效 > (一)强化政治引领,筑牢法治建设根基".to_string()),
            (2, "一、主要举措与工作成效 > (二)规范权力运行,提升政府公信力与执行力".to_string()),
            (1, "二、存在的问题与不足".to_string()),
        ]
    );
    let s: Vec<_> = st.sentences.iter().map(|s| (&t[s.byte_start..s.byte_end], s.section)).collect();
    assert_eq!(s[0].1, None);
    assert!(s.contains(&("(一)强化政治引领,筑牢法治建设根基", Some(1))));
    assert!(s.contains(&("一是持续深化理论武装。", Some(1))));
    assert!(s.contains(&("短板仍在。", Some(3))));
    assert_eq!(st.sections[0].end, st.sections[3].start);
    assert_eq!(st.sections[3].end, t.chars().count());
}

#[test]
fn level_three_and_chapters() {
    let p = paths("第一章 总则\n1.农业\n全年粮食产量。\n（2）工业\n增长5%。");
    assert_eq!(
        p,
        vec![
            (1, "第一章 总则".to_string()),
            (3, "第一章 总则 > 1.农业".to_string()),
            (3, "第一章 总则 > （2）工业".to_string()),
        ]
    );
    // `1.5万亿` is not a heading, nor `一、二季度`.
    assert!(paths("1.5万亿元的投资。\n一、二季度增长较快。").is_empty());
}

#[test]
fn heading_sentence_then_text() {
    // national_gwr_gbk/china_2010_gwr.gbk.txt
    let t = "（一）加强和改善宏观调控，促进经济平稳较快发展。我们实行积极的财政政策。";
    assert_eq!(sents(t), vec!["（一）加强和改善宏观调控，促进经济平稳较快发展。", "我们实行积极的财政政策。"]);
    assert_eq!(split(t).sections[0].title, "（一）加强和改善宏观调控，促进经济平稳较快发展");
}

#[test]
fn one_line_reports() {
    // shanghai_gwr/shanghai_2020_gwr.txt: no line breaks, breaks are runs of spaces.
    let t = "上海市市长　应勇 各位代表： 　　现在，我代表上海市人民政府，向大会报告工作，请予审议。 　　一、2019年工作回顾 　　过去一年，我们保持战略定力。 　　（一）全力实施“三大任务、一大平台”，实现改革开放新作为 　　上海自贸试验区临港新片区挂牌。";
    let st = split(t);
    assert_eq!(
        paths(t),
        vec![
            (1, "一、2019年工作回顾".to_string()),
            (2, "一、2019年工作回顾 > （一）全力实施“三大任务、一大平台”，实现改革开放新作为".to_string()),
        ]
    );
    let s = sents(t);
    assert!(s.contains(&"各位代表：".to_string()) || s.contains(&"上海市市长　应勇 各位代表：".to_string()));
    assert!(s.contains(&"一、2019年工作回顾".to_string()));
    assert_eq!(s.last().unwrap(), "上海自贸试验区临港新片区挂牌。");
    assert_eq!(st.sentences.last().unwrap().section, Some(1));
    // Runs straight into text after a colon.
    let t = "同志们：一、2019年工作回顾。过去一年成绩显著。二、2020年主要任务。今年要稳增长。";
    assert_eq!(paths(t), vec![(1, "一、2019年工作回顾".to_string()), (1, "二、2020年主要任务".to_string())]);
}

#[test]
fn title_like_lines() {
    // tjgb style: a short line without a terminal between paragraphs.
    let t = "一、综合\n初步核算，全年生产总值增长5%。\n农业\n全年粮食产量1000万吨，比上年增长2%。\n一是联合港澳承办十五运会。\n";
    assert_eq!(paths(t), vec![(1, "一、综合".to_string()), (2, "一、综合 > 农业".to_string())]);
    // A hard-wrapped line (hefei_2024_tjgb.txt) is not a title.
    let t = "初步核算，全年生产总值（GDP）13507.69亿元，按\n不变价格计算，比上年增长6.1%。其中，第一产业增加值\n343.26 亿元，增长3.0%；";
    assert!(paths(t).is_empty());
}

#[test]
fn markdown_headings() {
    let t = "# 2024年我国卫生健康事业发展统计公报\n\n正文。\n\n## 一、卫生资源\n\n### （一）医疗卫生机构总数\n\n2024年末，全国医疗卫生机构总数1093551个。";
    let p = paths(t);
    assert_eq!(p.last().unwrap().1, "一、卫生资源 > （一）医疗卫生机构总数");
}

#[test]
fn empty_and_odd_inputs() {
    assert_eq!(split(""), Structure::default());
    assert_eq!(split("\n \n\u{3000}\n").sentences.len(), 0);
    let st = split("。。。”");
    assert_eq!(st.sentences.len(), 1);
    assert!(st.sentences[0].clauses.is_empty());
    let st = split("一、");
    assert_eq!(st.sections.len(), 1);
}

#[test]
fn long_single_line_is_cut_into_bounded_sentences() {
    let unit = "全年地区生产总值增长5.2%，城镇新增就业12万人";
    let big: String = unit.repeat(200_000); // ~ 6 MB with no terminal, no break
    let st = split(&big);
    // A run-on line is cut at clause delimiters once a sentence is long, so no sentence grows unbounded.
    assert!(st.sentences.len() > 1000);
    assert!(st.sentences.iter().all(|s| s.end - s.start <= 4 * LONG_SENTENCE + 1));
    assert_eq!(st.sentences.last().map(|s| s.end), Some(big.chars().count()));
}
