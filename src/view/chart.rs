//! Small inline SVG line charts of one indicator across years, made from numbers alone.

use std::fmt::Write;

/// One figure of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The year the figure is about.
    pub year: i32,
    /// Its value in base units.
    pub value: f64,
    /// A target (drawn hollow and dashed) rather than a result.
    pub target: bool,
    /// What hovering (or tapping) the point shows after its year and value: the figure as stated and its
    /// sentence; empty for none.
    pub note: String,
}

impl Point {
    /// A point without a note.
    pub fn new(year: i32, value: f64, target: bool) -> Self {
        Point { year, value, target, note: String::new() }
    }
}

/// The size of a chart in px, and of its labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// Label font size.
    pub font: f64,
}

/// The small chart shown with a report.
pub const SMALL: Size = Size { w: 260.0, h: 96.0, font: 9.0 };
/// The chart of the series page.
pub const LARGE: Size = Size { w: 420.0, h: 170.0, font: 11.0 };

/// The points of one indicator, sorted by year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    /// The points, in year order.
    pub points: Vec<Point>,
}

/// The narrowest left margin; a wider one holds the longest value label (`-1.35万亿` does not fit 44 px).
const MIN_LEFT: f64 = 30.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 10.0;

/// The width a label takes at a font size, in px (digits and Latin about 0.6 em, CJK 1 em): a margin that
/// holds it.
fn label_width(s: &str, font: f64) -> f64 {
    s.chars().map(|c| if c.is_ascii() { font * 0.62 } else { font }).sum()
}

/// Escapes text for SVG content.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
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

/// The chart at the small size: solid line and filled dots for results, dashed line and hollow dots for
/// targets; years below, the lowest and highest value at the left.
pub fn svg(series: &Series) -> String {
    svg_sized(series, SMALL)
}

/// The chart at a size; years below are thinned out where they would overlap.
pub fn svg_sized(series: &Series, size: Size) -> String {
    let Size { w, h, font } = size;
    let bottom = font * 2.2;
    let pts = &series.points;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img">"#
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
    let left = labels.iter().map(|l| label_width(l, font) + 6.0).fold(MIN_LEFT, f64::max);
    let x = |year: i32| {
        if y1 == y0 {
            left + (w - left - RIGHT) / 2.0
        } else {
            left + (w - left - RIGHT) * f64::from(year - y0) / f64::from(y1 - y0)
        }
    };
    let y = |v: f64| TOP + (h - TOP - bottom) * (1.0 - (v - v0) / (v1 - v0));
    // Axes and labels.
    let _ = write!(
        out,
        r##"<path d="M{left:.1} {TOP}V{b}h{r}" fill="none" stroke="#bbb" stroke-width="1"/>"##,
        b = h - bottom,
        r = w - RIGHT
    );
    for (label, yy) in labels.iter().zip([TOP + font * 0.45, h - bottom]) {
        let _ = write!(
            out,
            r##"<text x="{lx:.1}" y="{yy:.1}" font-size="{font}" text-anchor="end" fill="#555">{label}</text>"##,
            lx = left - 3.0
        );
    }
    let mut years: Vec<i32> = pts.iter().map(|p| p.year).collect();
    years.dedup();
    // Every year where they fit, else every second, fifth … counted from the last, which is always shown.
    let span = f64::from(y1 - y0).max(1.0);
    let room = (w - left - RIGHT) / span;
    let need = label_width("2024", font) + 4.0;
    let step = [1, 2, 5, 10, 20, 50].into_iter().find(|&s| room * f64::from(s) >= need).unwrap_or(100);
    for yr in years.into_iter().filter(|yr| (y1 - yr) % step == 0) {
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="{font}" text-anchor="middle" fill="#555">{yr}</text>"##,
            x(yr),
            h - font * 0.6
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
    let r = if font > SMALL.font { 4 } else { 3 };
    for p in pts {
        let (class, fill) = if p.target { ("target", "#fff") } else { ("actual", "#1f6feb") };
        let note = if p.note.is_empty() { String::new() } else { format!(" · {}", esc(&p.note)) };
        let _ = write!(
            out,
            r##"<circle class="{class}" cx="{:.1}" cy="{:.1}" r="{r}" fill="{fill}" stroke="#1f6feb" stroke-width="1.5" tabindex="0"><title>{} {}{}{note}</title></circle>"##,
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
