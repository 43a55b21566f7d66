//! Text structure: headings and section paths, paragraphs, sentences, clauses.
