//! CSV/TSV files whose rows each hold a whole report in one column.

use super::InputError;
use crate::Document;

/// Average length (chars) a column must reach to count as "holding a report".
const MIN_AVG_TEXT: usize = 200;

const TEXT_NAMES: &[&str] = &["full_text", "fulltext", "text", "content", "正文", "全文", "内容", "body"];

/// `None` when the table has no long text column (the caller then reads the file as plain text).
pub fn csv_documents(name: &str, text: &str, delimiter: u8) -> Option<Vec<Result<Document, InputError>>> {
    let mut rdr =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(text.as_bytes());
    let headers: Vec<String> = rdr.headers().ok()?.iter().map(|h| h.trim().to_string()).collect();
    if headers.is_empty() {
        return None;
    }
    let mut rows: Vec<Result<csv::StringRecord, String>> = Vec::new();
    for rec in rdr.records() {
        rows.push(rec.map_err(|e| e.to_string()));
    }
    let lower: Vec<String> = headers.iter().map(|h| h.to_lowercase()).collect();
    let named = lower.iter().position(|h| TEXT_NAMES.contains(&h.as_str()));
    let text_col = match named {
        Some(c) => c,
        None => {
            let ok: Vec<&csv::StringRecord> = rows.iter().filter_map(|r| r.as_ref().ok()).collect();
            if ok.is_empty() {
                return None;
            }
            let (best, avg) = (0..headers.len())
                .map(|c| {
                    let total: usize = ok.iter().map(|r| r.get(c).map_or(0, |f| f.chars().count())).sum();
                    (c, total / ok.len())
                })
                .max_by_key(|&(c, avg)| (avg, std::cmp::Reverse(c)))?;
            if avg < MIN_AVG_TEXT {
                return None;
            }
            best
        }
    };
    let region_col = lower.iter().position(|h| {
        ["province", "region", "jurisdiction", "地区", "省份", "城市", "city", "地市", "行政区"]
            .iter()
            .any(|k| h.contains(k))
    });
    let year_col = lower
        .iter()
        .position(|h| h == "year" || h == "年份" || h == "年度" || h.contains("year") || h.contains("年份"));
    let mut docs = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let doc_name = format!("{name}#{}", i + 1);
        let rec = match row {
            Ok(r) => r,
            Err(e) => {
                docs.push(Err(InputError::new(doc_name, format!("bad CSV row: {e}"))));
                continue;
            }
        };
        let body = rec.get(text_col).unwrap_or("");
        if body.trim().is_empty() {
            docs.push(Err(InputError::new(doc_name, format!("empty text in column {}", headers[text_col]))));
            continue;
        }
        let region = region_col.and_then(|c| rec.get(c)).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        let year = year_col.and_then(|c| rec.get(c)).and_then(parse_year);
        // A field holding a whole web page brings the page's chrome along.
        let text = super::encoding::normalize_newlines(body);
        let text = match super::chrome::strip_chrome(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(t) => t,
        };
        docs.push(Ok(Document { name: doc_name, text, region, year, ..Default::default() }));
    }
    Some(docs)
}

/// First run of four ASCII digits in 1900..=2100 (`2026`, `2026年`, `2026-02-02`).
fn parse_year(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let y: i32 = s[start..i].parse().ok()?;
                if (1900..=2100).contains(&y) {
                    return Some(y);
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_documents() {
        let long = "各位代表：\r\n全年增长5%。".repeat(30);
        let csv = format!("province,year,full_text\n北京市,2026,\"{long}\"\n上海市,2026年,\"x{long}\"\n");
        let docs = csv_documents("p.csv", &csv, b',').unwrap();
        assert_eq!(docs.len(), 2);
        let d = docs[1].as_ref().unwrap();
        assert_eq!(d.name, "p.csv#2");
        assert_eq!(d.region.as_deref(), Some("上海市"));
        assert_eq!(d.year, Some(2026));
        assert!(!d.text.contains('\r'));
    }

    #[test]
    fn longest_column_or_none() {
        let long = "文字".repeat(200);
        let csv = format!("地区,年份,a\n河南,2023,\"{long}\"\n");
        let d = csv_documents("x.csv", &csv, b',').unwrap();
        assert_eq!(d[0].as_ref().unwrap().text, long);
        assert!(csv_documents("y.csv", "a,b\n1,2\n", b',').is_none());
    }
}
