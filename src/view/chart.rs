//! Small inline SVG line charts of one indicator across years, made from numbers alone.

use std::fmt::Write;

/// One figure of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// The year the figure is about.
    pub year: i32,
    /// Its value in base units.
    pub value: f64,
    /// A target (drawn hollow and dashed) rather than a result.
    pub target: bool,
}

/// The points of one indicator, sorted by year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    /// The points, in year order.
    pub points: Vec<Point>,
}

const W: f64 = 260.0;
const H: f64 = 96.0;
/// The narrowest left margin; a wider one holds the longest value label (`-1.35万亿` does not fit 44 px).
const MIN_LEFT: f64 = 30.0;
const RIGHT: f64 = 14.0;
/// Label font size, and the widths of its characters (digits and Latin about 0.6 em, CJK 1 em).
const LABEL_PX: f64 = 9.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 20.0;

/// The width a label takes, in px: a margin that holds it.
fn label_width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { LABEL_PX * 0.62 } else { LABEL_PX }).sum()
}

/// A value short enough for an axis label: 1.35万亿, 1.2亿, 3.4万, 96.5.
pub fn short(v: f64) -> String {
    let (x, suffix) = if v.abs() >= 1e12 {
        (v / 1e12, "万亿")
    } else if v.abs() >= 1e8 {
        (v / 1e8, "亿")
    } else if v.abs() >= 1e4 {
        (v / 1e4, "万")
    } else {
        (v, "")
    };
    let mut s = format!("{x:.2}");
    while s.contains('.') && (s.ends_with('0') || s.ends_with('.')) {
        s.pop();
    }
    if s == "-0" {
        s = "0".into();
    }
    s + suffix
}

/// The chart: solid line and filled dots for results, dashed line and hollow dots for targets; years below,
/// the lowest and highest value at the left.
pub fn svg(series: &Series) -> String {
    let pts = &series.points;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img">"#
    );
    if pts.is_empty() {
        out.push_str("</svg>");
        return out;
    }
    let (y0, y1) = pts.iter().fold((i32::MAX, i32::MIN), |(a, b), p| (a.min(p.year), b.max(p.year)));
    let (mut v0, mut v1) =
        pts.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| (a.min(p.value), b.max(p.value)));
    if v1 - v0 < 1e-9 {
        let pad = if v0.abs() > 0.0 { v0.abs() * 0.1 } else { 1.0 };
        v0 -= pad;
        v1 += pad;
    }
    let labels = [short(v1), short(v0)];
    let left = labels.iter().map(|l| label_width(l) + 6.0).fold(MIN_LEFT, f64::max);
    let x = |year: i32| {
        if y1 == y0 {
            left + (W - left - RIGHT) / 2.0
        } else {
            left + (W - left - RIGHT) * f64::from(year - y0) / f64::from(y1 - y0)
        }
    };
    let y = |v: f64| TOP + (H - TOP - BOTTOM) * (1.0 - (v - v0) / (v1 - v0));
    // Axes and labels.
    let _ = write!(
        out,
        r##"<path d="M{left:.1} {TOP}V{b}H{r}" fill="none" stroke="#bbb" stroke-width="1"/>"##,
        b = H - BOTTOM,
        r = W - RIGHT
    );
    for (label, yy) in labels.iter().zip([TOP + 4.0, H - BOTTOM]) {
        let _ = write!(
            out,
            r##"<text x="{lx:.1}" y="{yy:.1}" font-size="9" text-anchor="end" fill="#555">{label}</text>"##,
            lx = left - 3.0
        );
    }
    let mut years: Vec<i32> = pts.iter().map(|p| p.year).collect();
    years.dedup();
    for yr in years {
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="9" text-anchor="middle" fill="#555">{yr}</text>"##,
            x(yr),
            H - 6.0
        );
    }
    // Lines: results solid, targets dashed.
    for target in [false, true] {
        let line: Vec<String> =
            pts.iter().filter(|p| p.target == target).map(|p| format!("{:.1},{:.1}", x(p.year), y(p.value))).collect();
        if line.len() >= 2 {
            let dash = if target { r#" stroke-dasharray="4 3""# } else { "" };
            let _ = write!(
                out,
                r##"<polyline class="{}" points="{}" fill="none" stroke="#1f6feb" stroke-width="1.5"{dash}/>"##,
                if target { "target" } else { "actual" },
                line.join(" ")
            );
        }
    }
    for p in pts {
        let (class, fill) = if p.target { ("target", "#fff") } else { ("actual", "#1f6feb") };
        let _ = write!(
            out,
            r##"<circle class="{class}" cx="{:.1}" cy="{:.1}" r="3" fill="{fill}" stroke="#1f6feb" stroke-width="1.5"><title>{} {}{}</title></circle>"##,
            x(p.year),
            y(p.value),
            p.year,
            short(p.value),
            if p.target { " (target)" } else { "" }
        );
    }
    out.push_str("</svg>");
    out
}
