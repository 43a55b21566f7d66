use super::*;

fn sents(text: &str) -> Vec<String> {
    let st = split(text);
    st.sentences
        .iter()
        .map(|s| text[s.byte_start..s.byte_end].to_string())
        .collect()
}

#[test]
fn basic_sentences() {
    assert_eq!(sents("甲。乙！丙？丁"), vec!["甲。", "乙！", "丙？", "丁"]);
}
