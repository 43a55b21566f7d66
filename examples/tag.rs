//! Prints jieba's tokens and POS tags for a line of text (a debugging aid for subject rules).
fn main() {
    let jieba = jieba_rs::Jieba::new();
    for line in std::env::args().skip(1) {
        let tags: Vec<String> = jieba.tag(&line, true).iter().map(|t| format!("{}/{}", t.word, t.tag)).collect();
        println!("{}", tags.join(" "));
    }
}
