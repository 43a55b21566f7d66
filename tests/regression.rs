//! Real sentences that once came out wrong, where the assertion is about the figures of a text as a whole (how many
//! there are), which a row of `tests/cases/*.tsv` cannot say. Every assertion about one figure (its subject, kind,
//! value, unit, year) is a row of those files; the tests that were here have moved there (`regression.tsv` names
//! the test each row came from).

use zhibiao::{Analyzer, Dicts, Document, Options};

/// The raw text of every figure found in `text`.
fn raws(text: &str) -> Vec<String> {
    let a = Analyzer::new(Dicts::builtin(), Options::default());
    let doc = Document { name: "t.txt".into(), text: text.into(), ..Default::default() };
    a.analyze(&doc).indicators.iter().map(|i| i.figure.raw.clone()).collect()
}

/// national_gwr_utf8/china_1998_gwr.txt: digits typeset with spaces between them (`7 4 7 7 2 亿元`, `8 ．8 ％`) are
/// one figure each, and the spaced year (`1 9 9 7 年`) none.
#[test]
fn national_1998_spaced_digits_make_one_figure_each() {
    let r = raws("1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，按可比价格计算，平均每年增长1 1 ％。");
    assert_eq!(r, ["7 4 7 7 2 亿元", "增长1 1 ％"]);
    let r =
        raws("去年经济增长8 ．8 ％，商品零售价格涨幅为0 ．8 ％，这种“高增长、低通胀”的良好态势，是多年来没有过的。");
    assert_eq!(r, ["增长8 ．8 ％", "0 ．8 ％"]);
}

/// provincial_gwr_2026_csv (several provinces): a class (5万吨级, 220千伏变电站) or a rank (排名前1%) is not an
/// amount, so each sentence has one figure, the count.
#[test]
fn provincial_2026_classes_and_ranks_leave_one_count_each() {
    let r = raws("建成5万吨级泊位3个。开工220千伏变电站2座。85个学科进入ESI世界学科排名前1%。");
    assert_eq!(r, ["3个", "2座", "85个"]);
}
