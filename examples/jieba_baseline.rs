//! The baseline of the performance issue: jieba-rs `cut` (HMM on) over the decoded text of each file
//! given, single-threaded. `scripts/perf.sh` times it beside `zhibiao extract` on the same files.
fn main() {
    let jieba = jieba_rs::Jieba::new();
    let opts = zhibiao::input::InputOptions::default();
    let mut tokens = 0usize;
    for arg in std::env::args().skip(1) {
        for doc in zhibiao::input::read_file(std::path::Path::new(&arg), &opts).into_iter().flatten() {
            tokens += jieba.cut(&doc.text, true).len();
        }
    }
    println!("{tokens} tokens");
}
