use super::*;
use crate::{Analyzer, Dicts, Options};

fn entry(name: &str, text: &str) -> Entry {
    let analyzer = Analyzer::new(Dicts::builtin(), Options::default());
    let doc = Document { name: name.into(), text: text.into(), ..Default::default() };
    let report = analyzer.analyze(&doc);
    Entry::new(&doc, report)
}

#[test]
fn report_text_is_escaped() {
    let e = entry(
        "<b>x</b>.txt",
        "示例县2025年报告\n<script>alert(1)</script>全年立刑事案件428起,\"同比\"减少153起。<img src=x onerror=alert(2)>",
    );
    assert!(!e.report.indicators.is_empty());
    let html = page(&[e]).unwrap();
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>x</b>"));
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    // The page's own script is the only one.
    assert_eq!(html.matches("<script>").count(), 1);
}

#[test]
fn every_figure_is_one_mark_over_its_exact_text() {
    let text = "示例县2025年报告\n全年立刑事案件428起，同比减少153起，下降26.33%。成功率达96.5%。";
    let e = entry("a.txt", text);
    let n = e.report.indicators.len();
    assert!(n >= 4, "{:?}", e.report.indicators);
    let segs = segments(&e.text, &e.report, "");
    let marks: Vec<&Seg> = segs.iter().filter(|s| s.fig.is_some()).collect();
    assert_eq!(marks.len(), n);
    for (s, ind) in marks.iter().zip(&e.report.indicators) {
        assert_eq!(s.text, ind.figure.raw);
    }
    // Nothing lost or doubled.
    let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, text);
    let html = page(&[e]).unwrap();
    assert_eq!(html.matches("<mark id=").count(), n);
}

#[test]
fn inconsistent_figures_get_a_red_badge_and_a_link() {
    let mut e = entry("a.txt", "排查矛盾纠纷2400件，化解2316件，成功率达92.5%。");
    let i = e.report.indicators.iter().position(|x| x.figure.raw.contains("92.5")).unwrap();
    e.report.indicators[i].check = Some(crate::verify::Verdict::Inconsistent);
    e.report.indicators[i].check_detail = "2316/2400 = 96.5% ≠ 92.5%".into();
    let html = page(&[e]).unwrap();
    assert!(html.contains(&format!("href=\"#f{i}\"")));
    assert!(html.contains("class=\"badge inconsistent\" title=\"inconsistent: 2316/2400 = 96.5% ≠ 92.5%\""));
}

#[test]
fn chart_draws_targets_apart() {
    let s = Series {
        points: vec![
            Point::new(2023, 10.0, false),
            Point::new(2024, 12.5, false),
            Point::new(2025, 15.0, true),
            Point::new(2026, 16.0, true),
        ],
    };
    let svg = svg(&s);
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert_eq!(svg.matches("<circle class=\"actual\"").count(), 2);
    assert_eq!(svg.matches("<circle class=\"target\"").count(), 2);
    assert_eq!(svg.matches("fill=\"#fff\"").count(), 2, "targets are hollow");
    assert_eq!(svg.matches("stroke-dasharray").count(), 1, "only the target line is dashed");
    for y in ["2023", "2024", "2025", "2026"] {
        assert!(svg.contains(&format!(">{y}</text>")));
    }
    // The highest value is at the top, the lowest at the bottom.
    assert!(svg.contains(">16</text>") && svg.contains(">10</text>"));
    // A single point or equal values still draw.
    let one = svg_of(&[(2024, 5.0)]);
    assert!(one.contains("<circle"));
    assert!(!one.contains("NaN"));
}

/// As in ../shared/corpus/national_gwr_utf8: 国内生产总值 from 117000亿 to 1349000亿 cut its labels at x < 0.
#[test]
fn the_left_margin_holds_the_longest_label() {
    for (lo, hi) in [(-1.35e16, -1.2e16), (1.17e13, 1.349e14), (-123_456.7, 2.0), (17.0, 22.3)] {
        let svg = svg_of(&[(2020, lo), (2024, hi)]);
        for label in [chart::short(lo), chart::short(hi)] {
            let at = svg.find(&format!(">{label}</text>")).unwrap_or_else(|| panic!("{label} not in {svg}"));
            let x: f64 = svg[..at].rsplit("x=\"").next().unwrap().split('"').next().unwrap().parse().unwrap();
            // The text ends at x (anchored at its end): its start must not be left of the chart.
            let width: f64 = label.chars().map(|c| if c.is_ascii() { 9.0 * 0.62 } else { 9.0 }).sum();
            assert!(x - width >= 0.0, "{label} starts at {} in {svg}", x - width);
        }
    }
}

fn svg_of(p: &[(i32, f64)]) -> String {
    svg(&Series { points: p.iter().map(|&(year, value)| Point::new(year, value, false)).collect() })
}

#[test]
fn short_labels() {
    assert_eq!(chart::short(96.5), "96.5");
    assert_eq!(chart::short(1_677_000_000_000.0), "1.68万亿");
    assert_eq!(chart::short(134_900_000_000_000.0), "134.9万亿");
    assert_eq!(chart::short(25_000.0), "2.5万");
    assert_eq!(chart::short(-3.0), "-3");
}

#[test]
fn trends_group_reports_by_indicator() {
    let a = entry("示例县_2024.txt", "示例县2024年报告\n全年立刑事案件450起。");
    let b = entry("示例县_2025.txt", "示例县2025年报告\n全年立刑事案件360起。");
    let refs = [&a.report, &b.report];
    let t = trends(&refs);
    let t: Vec<&Trend> = t.iter().filter(|t| t.subject.contains("刑事案件")).collect();
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].sources, vec![0, 1]);
    assert_eq!(t[0].series.points.len(), 2);
    let html = page(&[a, b]).unwrap();
    assert_eq!(html.matches("<template id=").count(), 2);
    assert!(html.contains("<svg class=\"chart\""));
}

#[test]
fn targets_come_from_the_analysis() {
    let e = entry(
        "示例县_2025_法治政府建设情况报告.txt",
        "示例县2025年法治政府建设情况报告\n一、工作成效\n全年立刑事案件360起。\n二、下一步工作打算\n力争行政复议案件办理期限压缩至45天以内。",
    );
    let st: Vec<(Option<i32>, bool)> = e.report.indicators.iter().map(|i| period(&e.report, i)).collect();
    assert_eq!(st, vec![(Some(2025), false), (Some(2026), true)]);
}

/// A work report of 示例县 for `year`: the year before's results, the year's targets.
fn work_report(year: i32, growth: &str, jobs: u32, cases: u32) -> Entry {
    let text = format!(
        "示例县{year}年政府工作报告\n一、{}年工作回顾\n全县地区生产总值增长{growth}%。城镇新增就业{jobs}人。全年建成认知障碍照护床位{cases}张。\n二、{year}年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n",
        year - 1
    );
    entry(&format!("示例县_{year}_政府工作报告.txt"), &text)
}

#[test]
fn several_years_open_with_the_known_indicators_in_list_order() {
    let entries = vec![
        work_report(2023, "5.1", 1200, 450),
        work_report(2024, "6.2", 1300, 420),
        work_report(2025, "6.5", 1250, 360),
    ];
    let reports: Vec<DocReport> = entries.iter().map(|e| e.report.clone()).collect();
    let s = series::series(&reports);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].region, "示例县");
    let titles: Vec<&str> = s[0].charts.iter().map(|c| c.title.as_str()).collect();
    // Known indicators (dicts/indicators.tsv), in its order; 认知障碍照护床位, named but not known, stays out.
    assert_eq!(titles.first(), Some(&"地区生产总值 增速（%）"), "{titles:?}");
    assert!(titles.contains(&"城镇新增就业（人）"), "{titles:?}");
    assert!(!titles.iter().any(|t| t.contains("照护床位")), "{titles:?}");
    let growth = &s[0].charts[0];
    // Results 2022–2024 solid, targets 2023–2025 dashed; each point tells its sentence.
    assert_eq!(growth.svg.matches("<circle class=\"actual\"").count(), 3, "{}", growth.svg);
    assert_eq!(growth.svg.matches("<circle class=\"target\"").count(), 3, "{}", growth.svg);
    assert!(growth.svg.contains("全县地区生产总值增长6.2%。"), "{}", growth.svg);
    assert_eq!(growth.latest, "2024年 6.5 · 2025年目标 ~6");
    let html = page(&entries).unwrap();
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s}"));
    assert!(at("id=\"series\"") < at("<template id="), "the series come before the reports");
    assert!(html.contains("<title>示例县 政府工作报告 2023–2025年 · 3 reports · zhibiao</title>"), "{html:.400}");
    assert!(html.contains(">示例县 2024年 政府工作报告</a>"));
    // Without several years there is no series page.
    let one = page(&entries[..1]).unwrap();
    assert!(!one.contains("id=\"series\""));
    assert!(one.contains("<title>示例县 2023年 政府工作报告 · zhibiao</title>"), "{one:.400}");
}

#[test]
fn the_best_filled_rows_stand_in_when_no_known_indicator_is_stated() {
    let a = entry("示例县_2024.txt", "示例县2024年报告\n全年立刑事案件450起。");
    let b = entry("示例县_2025.txt", "示例县2025年报告\n全年立刑事案件360起。");
    let s = series::series(&[a.report.clone(), b.report.clone()]);
    assert_eq!(s.len(), 1);
    assert!(s[0].charts.iter().any(|c| c.indicator.contains("刑事案件")), "{:?}", s[0].charts.len());
}

#[test]
fn point_notes_are_escaped_and_crowded_years_thinned() {
    let mut p = Point::new(2024, 5.0, false);
    p.note = "增长5%：<script>x</script> & \"q\"".into();
    let svg = svg_sized(&Series { points: vec![p, Point::new(2025, 6.0, true)] }, LARGE);
    assert!(svg.contains("&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;"), "{svg}");
    assert!(!svg.contains("<script>"));
    let many: Vec<(i32, f64)> = (1954..=2025).map(|y| (y, f64::from(y - 1950))).collect();
    let svg = svg_of(&many);
    let labels = svg.matches("text-anchor=\"middle\"").count();
    assert!((5..=20).contains(&labels), "{labels} year labels on 260 px");
    assert!(svg.contains(">2025</text>"), "the last year is always labelled");
}
