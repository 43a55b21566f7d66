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

/// A table a report states: rows of cells, read from the text's lines (see [`crate::table`]). Every reader
/// writes a table one row per line with its cells between tabs (a Word or HTML cell spanning columns
/// followed by empty cells, a cell continuing a merge from above written empty), and a text table keeps its
/// columns apart by tabs or wide spaces; so one reader of lines finds them all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Code point where its first row starts.
    pub start: usize,
    /// Code point where its last row ends.
    pub end: usize,
    /// Its number, when its title states one (`表2`).
    pub number: Option<String>,
    /// Its title after the number (`2022年规模以上工业主要产品产量`), when a line before it states one.
    pub title: Option<String>,
    /// Code points of the title's line (and of a unit line after it), when there is one: no heading.
    pub title_span: Option<(usize, usize)>,
    /// The unit a line between the title and the table states (`单位：万元`), without its lead.
    pub unit: Option<String>,
    /// The rows, header rows first, each with its cells in column order.
    pub rows: Vec<Row>,
}

/// One row of a [`Table`]: a line of the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// Code point where the line starts.
    pub start: usize,
    /// Code point where it ends.
    pub end: usize,
    /// Its cells, in column order (an empty cell is empty text at its place).
    pub cells: Vec<Cell>,
}

/// One cell of a [`Row`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// Code point where its text (blank space trimmed) starts.
    pub start: usize,
    /// Code point where it ends.
    pub end: usize,
    /// Its text, blank space trimmed.
    pub text: String,
}

impl Document {
    /// The tables of the text, in text order.
    pub fn tables(&self, words: &crate::dicts::TableWords) -> Vec<Table> {
        crate::table::find_tables(&self.text, words)
    }
}
