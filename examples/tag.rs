//! Prints jieba's tokens and POS tags for a line of text (a debugging aid for subject rules), with the words of
//! `dicts/userdict.txt` added as the analyzer adds them; `--plain` leaves them out.
fn main() {
    let mut jieba = jieba_rs::Jieba::new();
    // jieba keeps the tag of a word it knows; the analyzer applies the user word's tag over it, as here.
    let mut tags = std::collections::HashMap::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--plain") {
        let user = include_str!("../dicts/userdict.txt");
        for (word, freq, tag) in zhibiao::dicts::user_word_entries(user) {
            jieba.add_word(word, freq, tag);
            if let Some(tag) = tag {
                tags.insert(word.to_string(), tag.to_string());
            }
        }
    }
    for line in args.iter().filter(|a| *a != "--plain") {
        let tags: Vec<String> = jieba
            .tag(line, true)
            .iter()
            .map(|t| format!("{}/{}", t.word, tags.get(t.word).map_or(t.tag, String::as_str)))
            .collect();
        println!("{}", tags.join(" "));
    }
}
