//! TMX (and similar bilingual XML): the Chinese side, one segment per line.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Does this decoded text look like TMX?
pub(crate) fn looks_like_tmx(text: &str) -> bool {
    // The first 2000 characters, borrowed: the byte where the 2001st starts.
    let mut n = 0;
    let end = text.bytes().position(|b| {
        n += usize::from(b & 0xC0 != 0x80);
        n > 2000
    });
    let head = &text[..end.unwrap_or(text.len())];
    head.contains("<tmx") || (head.contains("<tu") && head.contains("<tuv"))
}

/// Chinese segments (`xml:lang`/`lang` starting with `zh`) of a TMX document, one per line.
pub fn tmx_to_text(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut zh = false; // current tuv is Chinese
    let mut in_seg = false;
    let mut skip = 0usize; // inline codes inside seg (bpt, ept, ph, it, ut)
    let mut seg = String::new();
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| format!("not valid TMX: XML error at byte {}: {e}", reader.buffer_position()))?;
        match ev {
            Event::Start(e) => {
                let local = e.local_name();
                match local.as_ref() {
                    "tuv" => {
                        zh = e.attributes().flatten().any(|a| {
                            let k = a.key.as_ref();
                            (k == "xml:lang" || k == "lang") && a.value.to_ascii_lowercase().starts_with("zh")
                        });
                    }
                    "seg" => {
                        in_seg = true;
                        seg.clear();
                    }
                    "bpt" | "ept" | "ph" | "it" | "ut" if in_seg => skip += 1,
                    _ => {}
                }
            }
            Event::End(e) => {
                let local = e.local_name();
                match local.as_ref() {
                    "seg" => {
                        in_seg = false;
                        if zh {
                            let s = seg.trim();
                            if !s.is_empty() {
                                out.push_str(&s.replace('\n', " "));
                                out.push('\n');
                            }
                        }
                    }
                    "tuv" => zh = false,
                    "bpt" | "ept" | "ph" | "it" | "ut" if in_seg => skip = skip.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Text(t) if in_seg && zh && skip == 0 => seg.push_str(&t),
            Event::CData(t) if in_seg && zh && skip == 0 => seg.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_seg && zh && skip == 0 => super::docx::push_entity(&mut seg, r),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(crate::input::encoding::normalize_newlines(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_side() {
        let x = r#"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><body>
<tu><tuv xml:lang="zh-CN"><seg>国内生产总值增长2.3%。</seg></tuv><tuv xml:lang="en-US"><seg>GDP grew 2.3%.</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Second</seg></tuv><tuv xml:lang="ZH-cn"><seg>第二&amp;句<ph>x</ph></seg></tuv></tu>
</body></tmx>"#;
        assert!(looks_like_tmx(x));
        assert_eq!(tmx_to_text(x).unwrap(), "国内生产总值增长2.3%。\n第二&句\n");
    }
}
