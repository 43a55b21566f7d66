//! Word .docx: paragraphs to lines, tables to tab-separated rows.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;

/// Largest `word/document.xml` we inflate.
const MAX_XML: u64 = 256 << 20;

/// Text of a .docx held in memory.
pub fn docx_to_text(bytes: &[u8]) -> Result<String, String> {
    docx_to_text_limited(bytes, MAX_XML).map(|(t, _)| t)
}

/// Text of a .docx whose `word/document.xml` may inflate to at most `limit` bytes, and how many it took.
pub(crate) fn docx_to_text_limited(bytes: &[u8], limit: u64) -> Result<(String, u64), String> {
    let bad = |e: &dyn std::fmt::Display| format!("not a valid .docx: {e}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad(&e))?;
    let mut part = zip
        .by_name("word/document.xml")
        .map_err(|_| "not a valid .docx: no word/document.xml in the package".to_string())?;
    let too_large = || {
        format!("word/document.xml expands to more than {} (zip bomb?); not read (see --max-size)", super::human(limit))
    };
    if part.size() > limit {
        return Err(too_large());
    }
    let packed = part.compressed_size().max(1);
    if part.size() > (1 << 20) && part.size() / packed > super::archive::MAX_RATIO {
        return Err(format!(
            "word/document.xml has a suspicious compression ratio {}:1 (zip bomb?); not read",
            part.size() / packed
        ));
    }
    let mut xml = Vec::with_capacity(part.size() as usize);
    (&mut part).take(limit + 1).read_to_end(&mut xml).map_err(|e| bad(&e))?;
    if xml.len() as u64 > limit {
        return Err(too_large());
    }
    let inflated = xml.len() as u64;
    let xml = String::from_utf8(xml).map_err(|_| bad(&"word/document.xml is not UTF-8"))?;
    document_xml_to_text(&xml).map(|t| (t, inflated)).map_err(|e| bad(&e))
}

/// Text of a WordprocessingML `document.xml`.
pub fn document_xml_to_text(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false; // inside w:t
    let mut run_depth = 0usize; // inside w:r
    let mut skip_depth = 0usize; // inside mc:Fallback, w:delText, w:instrText
    let mut table_depth = 0usize;
    let mut cell_has_par = false;
    // Grid columns the open cell spans (`w:gridSpan`): an empty cell follows it for each beyond the first.
    let mut grid_span = 1usize;
    loop {
        let ev = reader.read_event().map_err(|e| format!("XML error at byte {}: {e}", reader.buffer_position()))?;
        match ev {
            Event::Start(e) => {
                let name = e.local_name();
                let n = name.as_ref();
                if skip_depth > 0 {
                    skip_depth += 1;
                    continue;
                }
                match n {
                    "Fallback" | "delText" | "instrText" | "pPr" | "rPr" | "sectPr" => skip_depth = 1,
                    "t" => in_text = true,
                    "r" => run_depth += 1,
                    "tbl" => table_depth += 1,
                    "tc" => {
                        cell_has_par = false;
                        grid_span = 1;
                    }
                    "p" if table_depth > 0 => {
                        if cell_has_par {
                            out.push(' ');
                        }
                        cell_has_par = true;
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip_depth > 0 {
                    continue;
                }
                let name = e.local_name();
                match name.as_ref() {
                    "tab" if run_depth > 0 => out.push('\t'),
                    "br" | "cr" if run_depth > 0 => {
                        if table_depth > 0 {
                            out.push(' ')
                        } else {
                            out.push('\n')
                        }
                    }
                    "p" if table_depth == 0 => out.push('\n'),
                    "noBreakHyphen" if run_depth > 0 => out.push('-'),
                    "gridSpan" if table_depth == 1 => {
                        grid_span = attr_value(&e).and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, MAX_GRID_SPAN);
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let name = e.local_name();
                match name.as_ref() {
                    "t" => in_text = false,
                    "r" => run_depth = run_depth.saturating_sub(1),
                    "p" if table_depth == 0 => out.push('\n'),
                    "tc" if table_depth > 1 => out.push(' '),
                    "tc" => {
                        for _ in 0..grid_span {
                            out.push('\t');
                        }
                    }
                    "tr" => {
                        // drop the tab after the last cell
                        while out.ends_with('\t') {
                            out.pop();
                        }
                        out.push(if table_depth > 1 { ' ' } else { '\n' });
                    }
                    "tbl" => table_depth = table_depth.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip_depth == 0 => out.push_str(&t),
            Event::CData(t) if in_text && skip_depth == 0 => out.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_text && skip_depth == 0 => push_entity(&mut out, r),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(crate::input::encoding::normalize_newlines(&out))
}

/// The most grid columns one cell is taken to span.
const MAX_GRID_SPAN: usize = 64;

/// The `w:val` of an element.
fn attr_value(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == "val").map(|a| a.value.into_owned())
}

/// Appends what an XML entity or character reference stands for (`&amp;`, `&#x4E00;`).
pub(crate) fn push_entity(out: &mut String, r: quick_xml::events::BytesRef<'_>) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
    } else {
        match &*r.into_inner() {
            "amp" => out.push('&'),
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tabs_tables() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr><w:r><w:t>全年</w:t></w:r><w:r><w:t xml:space="preserve">增长 8.7%</w:t><w:tab/><w:t>A&amp;B</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数值</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>GDP</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>100</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:delText>删除</w:delText><w:t>末段</w:t></w:r></w:p><w:p/></w:body></w:document>"#;
        assert_eq!(document_xml_to_text(xml).unwrap(), "全年增长 8.7%\tA&B\n下一行\n指标\t数值\nGDP\t100\n末段\n\n");
    }

    /// A cell spanning grid columns is followed by an empty cell for each further column; a cell continuing a
    /// vertical merge is empty: every row has a cell per column.
    #[test]
    fn merged_cells_keep_columns() {
        let cell =
            |t: &str, pr: &str| format!("<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let xml = format!(
            r#"<w:document xmlns:w="x"><w:body><w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr></w:tbl></w:body></w:document>"#,
            cell("指标", r#"<w:vMerge w:val="restart"/>"#),
            cell("2022年", r#"<w:gridSpan w:val="2"/>"#),
            cell("2021年", ""),
            "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>",
            cell("绝对数", ""),
            cell("增长(%)", ""),
            cell("绝对数", ""),
            cell("出口额", ""),
            cell("10", ""),
            cell("1.5", ""),
            cell("9", ""),
        );
        assert_eq!(
            document_xml_to_text(&xml).unwrap(),
            "指标\t2022年\t\t2021年\n\t绝对数\t增长(%)\t绝对数\n出口额\t10\t1.5\t9\n"
        );
    }

    #[test]
    fn not_a_zip() {
        let e = docx_to_text(b"PK\x03\x04garbage").unwrap_err();
        assert!(e.starts_with("not a valid .docx"), "{e}");
    }
}
