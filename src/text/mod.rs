//! Text structure: headings and section paths, paragraphs, sentences, clauses.
//! (Interim splitter; the full one lands from the `text` branch.)

/// A heading and the section path it opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub start: usize,
    pub end: usize,
    pub level: u8,
    pub title: String,
    pub path: String,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub section: Option<usize>,
    pub paragraph: usize,
    pub clauses: Vec<Clause>,
}

/// A clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// The structure of a text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Structure {
    pub sections: Vec<Section>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<(usize, usize)>,
}

/// Splits text into paragraphs, sentences and clauses.
pub fn split(text: &str) -> Structure {
    let mut st = Structure::default();
    let mut sent_start: Option<(usize, usize)> = None;
    let mut clauses = Vec::new();
    let mut clause_start: Option<(usize, usize)> = None;
    let mut ci = 0usize;
    let mut para = 0usize;
    let push_clause =
        |clauses: &mut Vec<Clause>, cs: &mut Option<(usize, usize)>, e: usize, be: usize| {
            if let Some((s, bs)) = cs.take() {
                if e > s {
                    clauses.push(Clause {
                        start: s,
                        end: e,
                        byte_start: bs,
                        byte_end: be,
                    });
                }
            }
        };
    for (b, c) in text.char_indices() {
        let is_space = c.is_whitespace() && c != '\n';
        if c == '\n' || "。！？；!?;".contains(c) {
            let (e, be) = if c == '\n' {
                (ci, b)
            } else {
                (ci + 1, b + c.len_utf8())
            };
            push_clause(&mut clauses, &mut clause_start, ci, b);
            if let Some((s, bs)) = sent_start.take() {
                st.sentences.push(Sentence {
                    start: s,
                    end: e,
                    byte_start: bs,
                    byte_end: be,
                    section: None,
                    paragraph: para,
                    clauses: std::mem::take(&mut clauses),
                });
            }
            if c == '\n' {
                para += 1;
            }
        } else if "，,、：:".contains(c) {
            push_clause(&mut clauses, &mut clause_start, ci, b);
        } else if !is_space {
            if sent_start.is_none() {
                sent_start = Some((ci, b));
            }
            if clause_start.is_none() {
                clause_start = Some((ci, b));
            }
        }
        ci += 1;
    }
    push_clause(&mut clauses, &mut clause_start, ci, text.len());
    if let Some((s, bs)) = sent_start {
        st.sentences.push(Sentence {
            start: s,
            end: ci,
            byte_start: bs,
            byte_end: text.len(),
            section: None,
            paragraph: para,
            clauses,
        });
    }
    st
}
