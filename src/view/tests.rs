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
            Point { year: 2023, value: 10.0, target: false },
            Point { year: 2024, value: 12.5, target: false },
            Point { year: 2025, value: 15.0, target: true },
            Point { year: 2026, value: 16.0, target: true },
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

fn svg_of(p: &[(i32, f64)]) -> String {
    svg(&Series { points: p.iter().map(|&(year, value)| Point { year, value, target: false }).collect() })
}

#[test]
fn short_labels() {
    assert_eq!(chart::short(96.5), "96.5");
    assert_eq!(chart::short(1_677_000_000_000.0), "16770亿");
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
