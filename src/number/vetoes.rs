//! Vetoes: readings that make a number no figure, as an ordered table of named rules.
//!
//! Each rule names itself, quotes the real sentence that set it (with its file in `../shared/corpus`) and the
//! number in it that the rule stops, and says what the number is instead: an ordinal, a date or year (typed,
//! reported with `--all`), or nothing. The first rule that holds decides. [`BEFORE_UNIT`] runs on the bare
//! numeral, [`AFTER_UNIT`] once its unit is read. A test runs every rule on its own sentence.

use rust_decimal::Decimal;

use super::{Core, Scan};
use crate::dicts::{TimeRole, UnitClass};
use crate::figure::Kind;

/// What a vetoed number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Typed as `kind` (ordinal, year, date) up to this end: a non-indicator.
    Typed(Kind, usize),
    /// No figure; the scan goes on at this end.
    Skip(usize),
}

/// What a rule sees of a number.
pub(super) struct Ctx<'s, 'a> {
    pub scan: &'s Scan<'a>,
    /// Code point where the numeral starts.
    pub i: usize,
    pub core: &'s Core,
    /// Where the unit ends (the numeral's end when there is none).
    pub k: usize,
    /// The unit read after the numeral: canonical name, class, time role.
    pub unit: Option<(&'s str, UnitClass, TimeRole)>,
    /// The value with its range read.
    pub value: Decimal,
    /// The end of the range, when one was read.
    pub value_max: Option<Decimal>,
}

impl Ctx<'_, '_> {
    fn prev(&self) -> Option<char> {
        if self.i > 0 { self.scan.c(self.i - 1) } else { None }
    }
    fn after(&self) -> Option<char> {
        self.scan.c(self.core.end)
    }
    fn before_is(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.scan.ends_with(self.i, w))
    }
    fn unit_is(&self, name: &str) -> bool {
        self.unit.is_some_and(|u| u.0 == name)
    }
    fn unit_followed_by(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.scan.starts_with(self.k, w))
    }
    fn ordinal(&self, end: usize) -> Option<Outcome> {
        Some(Outcome::Typed(Kind::Ordinal, end))
    }
}

/// One veto. Its sentence, source and number are read by the test that runs it on its sentence.
#[cfg_attr(not(test), allow(dead_code))]
pub(super) struct Veto {
    /// Its name.
    pub name: &'static str,
    /// The real sentence that set it.
    pub sentence: &'static str,
    /// The file of `../shared/corpus` it comes from.
    pub source: &'static str,
    /// The number in the sentence that the rule stops (its first occurrence).
    pub number: &'static str,
    /// The rule: what the number is, when it holds.
    pub rule: fn(&Ctx) -> Option<Outcome>,
}

/// Rules on the bare numeral, before its unit is read.
pub(super) const BEFORE_UNIT: &[Veto] = &[
    Veto {
        name: "percent-encoded address",
        sentence: "https://zh.wikisource.org/wiki/2025%E5%B9%B4%E4%B8%AD%E5%8D%8E%E4%BA%BA%E6%B0%91%E5%85%B1",
        source: "MANIFEST.tsv",
        number: "8D",
        rule: |c| {
            let hex_before =
                c.prev().is_some_and(|p| p.is_ascii_hexdigit()) && c.i > 1 && c.scan.c(c.i - 2) == Some('%');
            (!c.core.chinese && (c.prev() == Some('%') || hex_before)).then_some(Outcome::Skip(c.core.end))
        },
    },
    Veto {
        name: "ordinal after 第",
        sentence: "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
        source: "national_gwr_misc/china_2024_gwr.txt",
        number: "十四",
        rule: |c| if c.prev() == Some('第') { c.ordinal(c.core.end) } else { None },
    },
    Veto {
        name: "list marker in Chinese numerals (一是, 一、, 一）)",
        sentence: "二、2024年经济社会发展总体要求和政策取向",
        source: "national_gwr_misc/china_2024_gwr.txt",
        number: "二",
        rule: |c| {
            if c.core.chinese && matches!(c.after(), Some('是' | '、' | '）' | ')')) {
                c.ordinal(c.core.end)
            } else {
                None
            }
        },
    },
    Veto {
        name: "list marker in digits at a line start ((1), 1、)",
        sentence: "今年要继续办好“十件民生实事”。（1）做好重点群体高质量就业，",
        source: "provincial_gwr_2026_csv/guizhou_2026_gwr.csv",
        number: "1",
        rule: |c| {
            let opens = c.i == 0 || matches!(c.prev(), Some('\n' | '(' | '（'));
            if matches!(c.after(), Some('、' | '）' | ')')) && opens { c.ordinal(c.core.end) } else { None }
        },
    },
    Veto {
        name: "numbered line (1.)",
        sentence: "1.“四上”企业：",
        source: "provincial_gwr_2026_csv/guangdong_2026_gwr.csv",
        number: "1",
        rule: |c| {
            let opens = c.i == 0 || c.prev() == Some('\n');
            if matches!(c.after(), Some('.' | '．')) && opens { c.ordinal(c.core.end + 1) } else { None }
        },
    },
    Veto {
        name: "per N people (每10万人口)",
        sentence: "每10万人口高等教育平均在校生增长27%；",
        source: "provincial_gwr_2026_csv/hainan_2026_gwr.csv",
        number: "10",
        rule: |c| (c.prev() == Some('每')).then_some(Outcome::Skip(c.core.end)),
    },
    Veto {
        name: "rank (排名前5位, 居前5位)",
        sentence: "2024年，药品批发排名前5位的企业主营业务收入同比增长0.6%；",
        source: "tjgb/china_2024_yaopinliutong_report.txt",
        number: "5",
        rule: |c| {
            if c.before_is(&["名前", "居前", "入前", "身前", "列前", "排前"]) {
                c.ordinal(c.core.end)
            } else {
                None
            }
        },
    },
];

/// Rules once the unit after the numeral is read.
pub(super) const AFTER_UNIT: &[Veto] = &[
    Veto {
        name: "class of a thing (万吨级, 千伏 lines and substations)",
        sentence: "加快川州二期等500千伏输变电工程建设，",
        source: "provincial_gwr_2026_csv/liaoning_2026_gwr.csv",
        number: "500",
        rule: |c| {
            let lines = ["变电站", "线路", "输变电", "电网", "主变", "变电"];
            if c.scan.c(c.k) == Some('级') || (c.unit_is("千伏") && c.unit_followed_by(&lines)) {
                c.ordinal(c.k)
            } else {
                None
            }
        },
    },
    Veto {
        name: "session of a congress or a census (十五届九次全会, 七次人口普查)",
        sentence: "省委十五届九次全会对我省未来五年经济社会发展作出了系统设计和战略谋划",
        source: "provincial_gwr_2026_csv/jiangxi_2026_gwr.csv",
        number: "九",
        rule: |c| {
            let sessions =
                ["全会", "会议", "全体会议", "代表大会", "常委会", "党代会", "集体学习", "人口普查", "经济普查"];
            if c.unit_is("次") && (c.unit_followed_by(&sessions) || c.before_is(&["届"])) {
                c.ordinal(c.k)
            } else {
                None
            }
        },
    },
    Veto {
        name: "a lone Chinese numeral counts rhetorically (两个市场)",
        sentence: "增强国内国际两个市场两种资源联动效应。",
        source: "national_gwr_misc/china_2024_gwr.txt",
        number: "两",
        rule: |c| {
            let counted = c.unit.is_some_and(|u| {
                matches!(u.1, UnitClass::Count | UnitClass::Time | UnitClass::Money | UnitClass::Physical)
            });
            (c.core.lone_one && counted).then_some(Outcome::Skip(c.k))
        },
    },
    Veto {
        name: "calendar year (2025年, 2025年度, 80年代)",
        sentence: "2024年，药品批发排名前5位的企业主营业务收入同比增长0.6%；",
        source: "tjgb/china_2024_yaopinliutong_report.txt",
        number: "2024",
        rule: |c| {
            if !c.unit.is_some_and(|u| u.1 == UnitClass::Time && u.2 == TimeRole::Year) {
                return None;
            }
            let int = c.value.fract().is_zero();
            let year = int && c.value >= Decimal::from(1000) && c.value <= Decimal::from(2200) && !c.core.scaled;
            let kind = if year && c.value_max.is_none() { Kind::Year } else { Kind::Date };
            let end = if matches!(c.scan.c(c.k), Some('度' | '代')) { c.k + 1 } else { c.k };
            Some(Outcome::Typed(kind, end))
        },
    },
    Veto {
        name: "date or anniversary (10月, 75周年)",
        sentence: "今年是中华人民共和国成立75周年。",
        source: "national_gwr_misc/china_2024_gwr.txt",
        number: "75",
        rule: |c| {
            c.unit
                .is_some_and(|u| u.1 == UnitClass::Time && u.2 == TimeRole::Date)
                .then_some(Outcome::Typed(Kind::Date, c.k))
        },
    },
    Veto {
        name: "an age that defines a group (65岁以上); a lifetime (人均预期寿命78.9岁) stays a figure",
        sentence: "2024年，年内在基层医疗卫生机构接受健康服务的65岁及以上老年人数14136.0万。",
        source: "tjgb/china_2024_weijian_tjgb.md",
        number: "65",
        rule: |c| {
            if !c.unit.is_some_and(|u| u.1 == UnitClass::Time && u.2 == TimeRole::Age) {
                return None;
            }
            let before = c.scan.window_before(c.i, 12);
            let lifetime = ["寿命", "年龄"].iter().any(|w| before.contains(w));
            (!lifetime).then_some(Outcome::Typed(Kind::Date, c.k))
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dicts::Dicts;
    use crate::number::Recognizer;

    /// Every rule stops the number of its own sentence, and is the first rule to hold there.
    #[test]
    fn every_veto_stops_the_number_of_its_sentence() {
        let r = Recognizer::new(Dicts::builtin());
        for v in BEFORE_UNIT.iter().chain(AFTER_UNIT) {
            let figs = r.find(v.sentence, true);
            // `number` may carry the character after it (`8%` in an address): the rule stops its first digit.
            let at = v.sentence[..v.sentence.find(v.number).expect("the number is in the sentence")].chars().count();
            let hit = figs.iter().find(|f| f.num_start == at);
            assert!(
                hit.is_none_or(|f| !f.kind.is_indicator()),
                "{} ({}): {:?} is still a figure: {hit:?}",
                v.name,
                v.source,
                v.number
            );
            let named = r.veto_at(v.sentence, at);
            assert_eq!(named, Some(v.name), "{} ({}): the rule that holds at {:?}", v.name, v.source, v.number);
        }
    }
}
