//! Report metadata: region, year and report type from the title, the opening lines and the file name.
//! (Interim; the full detector lands from the `text` branch.)

/// What is known of a report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportMeta {
    pub region: Option<String>,
    pub year: Option<i32>,
    pub report_type: Option<String>,
}

/// Region and year from the title, the opening lines and the file name.
pub fn detect(name: &str, _text: &str) -> ReportMeta {
    let year = name
        .as_bytes()
        .windows(4)
        .find(|w| w.iter().all(|b| b.is_ascii_digit()) && (w[0] == b'1' || w[0] == b'2'))
        .and_then(|w| std::str::from_utf8(w).ok()?.parse().ok());
    ReportMeta {
        region: None,
        year,
        report_type: None,
    }
}
