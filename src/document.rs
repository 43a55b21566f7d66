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
    /// Code-point offsets in `text` of the U+FFFD characters, listed when decoding had to replace
    /// undecodable bytes (then every U+FFFD of the text is listed); empty otherwise. A figure whose span
    /// touches one of these was read from damaged bytes.
    pub replacements: Vec<usize>,
    /// Code points of the file's text before this document's, when the document is one of several reports a
    /// file holds (`file.docx#2`): output offsets count the whole file's text, which `zhibiao text` prints.
    pub offset: usize,
}
