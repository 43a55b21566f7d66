//! A decoded report: the text every offset refers to, and what is known of it before analysis.

/// One report, decoded to text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Name shown in output: the path as given, `file.csv#3` for a CSV row, `a.zip!member` inside an archive.
    pub name: String,
    /// Decoded text. `start`/`end` of every figure count Unicode code points of this string.
    pub text: String,
    /// Region when the container states it (a CSV column); otherwise found from the text.
    pub region: Option<String>,
    /// Year when the container states it; otherwise found from the text.
    pub year: Option<i32>,
}
