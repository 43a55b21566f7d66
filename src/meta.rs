//! What a report is: region, year and type, from its title, opening lines and file name.

use regex::Regex;
use std::sync::LazyLock;

/// Region, year and type of a report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportMeta {
    /// `国务院` for the national 政府工作报告, `全国` for national bulletins, else a full
    /// name with its suffix (`广东省`, `南京市`, `海拉尔区`, `新疆维吾尔自治区`).
    pub region: Option<String>,
    /// The year the report is about/dated: for 政府工作报告 the year it was delivered (the 2024
    /// report reviews 2023); for 统计公报 the data year; for 法治政府建设情况报告 the year
    /// reported on.
    pub year: Option<i32>,
    /// `政府工作报告`, `法治政府建设情况报告`, `统计公报`, or another `…报告`/`…公报` title.
    pub report_type: Option<String>,
    /// The kind of report, which decides the default time of its figures.
    pub kind: ReportKind,
}

/// What kind of report a text is, as far as the time of its figures goes (`dicts/report_kinds.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportKind {
    /// 政府工作报告: reviews Y−1, plans Y.
    #[default]
    WorkReport,
    /// 统计公报: reports its data year.
    Bulletin,
    /// A yearly account of work done (法治政府建设情况报告, 工作总结): reports its year, plans the next.
    AnnualAccount,
}

/// One line of `dicts/report_kinds.tsv`.
struct KindWord {
    kind: ReportKind,
    at: &'static str,
    word: &'static str,
}

static KIND_WORDS: LazyLock<Vec<KindWord>> = LazyLock::new(|| {
    include_str!("../dicts/report_kinds.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t').map(str::trim);
            let kind = match f.next()? {
                "bulletin" => ReportKind::Bulletin,
                "work_report" => ReportKind::WorkReport,
                "annual" => ReportKind::AnnualAccount,
                _ => return None,
            };
            Some(KindWord { kind, at: f.next()?, word: f.next()? })
        })
        .collect()
});

impl ReportKind {
    /// From the detected report type, the document name and the opening of the text.
    pub fn guess(report_type: Option<&str>, name: &str, text: &str) -> ReportKind {
        let head: String = text.chars().take(300).collect();
        let t = report_type.unwrap_or("");
        if let Some(w) = KIND_WORDS.iter().find(|w| w.at == "type" && t.contains(w.word)) {
            return w.kind;
        }
        let lname = name.to_lowercase();
        let found = KIND_WORDS.iter().find(|w| match w.at {
            "name" => lname.contains(w.word) || name.contains(w.word),
            "head" => head.contains(w.word),
            _ => false,
        });
        found.map_or(ReportKind::WorkReport, |w| w.kind)
    }
}

/// The report type of a 政府工作报告.
pub const GWR: &str = "政府工作报告";
/// The report type of a 法治政府建设情况报告.
pub const FZZF: &str = "法治政府建设情况报告";
/// The report type of a 统计公报.
pub const TJGB: &str = "统计公报";
/// Region of the national 政府工作报告.
pub const NATIONAL_GWR: &str = "国务院";
/// Region of national bulletins (国家统计局, ministries).
pub const NATIONAL: &str = "全国";

/// How much of the start of a text is read, in characters.
const HEAD_CHARS: usize = 3000;
/// How many non-blank opening lines are read for titles.
const HEAD_LINES: usize = 40;

struct Region {
    full: String,
    short: Vec<String>,
    hints: Vec<String>,
}

static REGIONS: LazyLock<Vec<Region>> = LazyLock::new(|| {
    include_str!("../dicts/regions.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let list = |s: Option<&str>| -> Vec<String> {
                s.unwrap_or("").split(',').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
            };
            Region {
                full: cols.next().unwrap_or("").trim().to_string(),
                short: list(cols.next()),
                hints: list(cols.next()),
            }
        })
        .collect()
});

/// A place name with its administrative suffix, shortest first.
const NAME: &str = r"\p{Han}{1,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|县|区|旗|州|盟)";

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new(&$pat).unwrap());
    };
}

// `在广东省第十四届人民代表大会`, `在海拉尔区第十四届人民代表大会`
re!(CONGRESS, format!(r"在({NAME})第[一二三四五六七八九十\d]+届(?:\s*)人民代表大会"));
// `第十四届全国人民代表大会`, traditional `全國人民代表大會`
re!(NATIONAL_CONGRESS, r"全[国國]人民代表大[会會]|全国人大|代表国务院|国务院总理");
// `广东省省长 孟凡利`, `海拉尔区人民政府区长`, `上海市市长`
re!(OFFICIAL, format!(r"({NAME})(?:人民政府)?(?:代)?(?:省长|市长|区长|县长|旗长|州长|盟长|主席)"));
// `2025年,泽州县委、县政府`
re!(OPENING, format!(r"^\d{{4}}\s*年(?:度)?[，,]?\s*({NAME})(?:委|人民政府|政府|党委|上下)"));
// `洛阳市统计局`
re!(BUREAU, format!(r"({NAME})统计局"));
// A name in a title: after an optional year.
re!(TITLE_NAME, format!(r"^(?:\d{{4}}\s*年(?:度)?)?({NAME})"));
// `——2024年3月5日在第十四届…`
re!(DELIVERED, r"(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在");
re!(REVIEW, r"[一二三四五六七八九十]、(?:过去)?(\d{4})年(?:工作)?回顾|报告(\d{4})年的工作");
re!(PLAN, r"[一二三四五六七八九十]、(\d{4})年(?:主要任务|工作安排|工作任务|政府工作任务|重点工作|工作总体部署)");
re!(YEAR, r"(\d{4})\s*年");
re!(FILE_YEAR, r"(?:^|[_\-./])((?:19|20)\d{2})(?:[_\-./]|$)");

/// Region and year from the title, the opening lines and the file name.
pub fn detect(name: &str, text: &str) -> ReportMeta {
    let head = head(text);
    let lines: Vec<&str> = head
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '#' || c == '*'))
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .collect();
    let file = name.rsplit(['/', '\\', '!']).next().unwrap_or(name).to_lowercase();
    let report_type = report_type(&head, &lines, &file);
    let ty = report_type.as_deref();
    let kind = ReportKind::guess(ty, name, text);
    ReportMeta { region: region(&head, &lines, &file, ty), year: year(&head, &lines, &file, ty), report_type, kind }
}

/// The first [`HEAD_CHARS`] characters with full-width digits made ASCII.
fn head(text: &str) -> String {
    let t = text.trim_start_matches('\u{FEFF}');
    // The first HEAD_CHARS characters: count UTF-8 lead bytes.
    let mut n = 0;
    let end = t.bytes().position(|b| {
        if b & 0xC0 != 0x80 {
            n += 1;
        }
        n > HEAD_CHARS
    });
    let t = &t[..end.unwrap_or(t.len())];
    // Most heads have nothing to change: no `\r` and no full-width digit (EF BC 90..99).
    let b = t.as_bytes();
    if !b.iter().enumerate().any(|(i, &x)| {
        x == b'\r'
            || (x == 0xEF && b.get(i + 1) == Some(&0xBC) && b.get(i + 2).is_some_and(|y| (0x90..=0x99).contains(y)))
    }) {
        return t.to_string();
    }
    t.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '\r' => '\n',
            _ => c,
        })
        .collect()
}

fn report_type(head: &str, lines: &[&str], file: &str) -> Option<String> {
    let title = &lines[..lines.len().min(12)];
    let in_title = |k: &str| title.iter().any(|l| l.contains(k));
    if in_title("统计公报") || in_title("数据公报") {
        return Some(TJGB.into());
    }
    if in_title(FZZF) || in_title("法治政府建设") && in_title("报告") {
        return Some(FZZF.into());
    }
    if in_title(GWR) || head.contains("各位代表") {
        return Some(GWR.into());
    }
    if head.chars().take(300).collect::<String>().contains("法治政府建设") {
        return Some(FZZF.into());
    }
    if file.contains("gwr") {
        return Some(GWR.into());
    }
    if file.contains("tjgb") {
        return Some(TJGB.into());
    }
    if file.contains("fzzf") {
        return Some(FZZF.into());
    }
    // Another report: the title line ending in 报告/公报.
    title.iter().find(|l| (l.ends_with("报告") || l.ends_with("公报")) && l.chars().count() <= 60).map(|l| {
        let t = l.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年' || c == ' ');
        t.to_string()
    })
}

fn region(head: &str, lines: &[&str], file: &str, ty: Option<&str>) -> Option<String> {
    let ok = |s: &str| normalise(s);
    // The congress the report was delivered to.
    if head.contains("人民代表大会")
        && let Some(c) = CONGRESS.captures(head)
        && let Some(r) = ok(&c[1])
    {
        return Some(r);
    }
    let gwr = ty == Some(GWR);
    if gwr && NATIONAL_CONGRESS.is_match(head) {
        return Some(NATIONAL_GWR.into());
    }
    // Title lines: `2026年广东省政府工作报告`, `南京市2023年国民经济…统计公报`.
    for l in lines.iter().take(12) {
        if is_title(l) {
            if l.starts_with("中华人民共和国") || l.contains("我国") || l.contains("全国") {
                return Some(national(ty));
            }
            if let Some(c) = TITLE_NAME.captures(l)
                && let Some(r) = ok(&c[1])
            {
                return Some(r);
            }
            if let Some(r) = short_form_at_start(l) {
                return Some(r);
            }
        }
    }
    // The speaker: `上海市市长　应勇`, `海拉尔区人民政府区长`.
    for l in lines.iter().take(20) {
        // Every title of OFFICIAL ends in 长 or is 主席.
        if (l.contains('长') || l.contains("主席"))
            && let Some(c) = OFFICIAL.captures(l)
            && let Some(r) = ok(&c[1])
        {
            return Some(r);
        }
    }
    // Opening sentence: `2025年,泽州县委、县政府…`; issuing bureau: `洛阳市统计局`.
    for l in lines.iter().take(20) {
        if let Some(c) = OPENING.captures(l)
            && let Some(r) = ok(&c[1])
        {
            return Some(r);
        }
        if !l.starts_with("国家统计局")
            && l.contains("统计局")
            && let Some(c) = BUREAU.captures(l)
            && let Some(r) = ok(&c[1])
        {
            return Some(r);
        }
    }
    if lines
        .iter()
        .take(12)
        .any(|l| l.starts_with("中华人民共和国") || l.starts_with("国家统计局") || l.contains("部  "))
    {
        return Some(national(ty));
    }
    from_file(file, ty)
}

/// A title line: short, naming a report or bulletin.
fn is_title(l: &str) -> bool {
    (l.contains("报告") || l.contains("公报")) && l.chars().count() <= 40
}

fn national(ty: Option<&str>) -> String {
    if ty == Some(GWR) { NATIONAL_GWR } else { NATIONAL }.into()
}

/// `北京` → `北京市`; a name with a suffix is kept (`南京市`); noise (`推进新型城市`) is dropped.
fn normalise(s: &str) -> Option<String> {
    let s = s.trim();
    for r in REGIONS.iter() {
        if r.full == s || r.short.iter().any(|x| x.chars().count() > 1 && x == s) {
            return Some(r.full.clone());
        }
    }
    // A name found with a suffix: keep it when it is short and not a common word.
    let n = s.chars().count();
    if !(2..=12).contains(&n) || s.starts_with(['全', '本', '我', '各', '该', '城', '省', '市']) {
        return None;
    }
    // Drop a leading province: `河南省洛阳市` → `洛阳市`.
    for r in REGIONS.iter() {
        if let Some(rest) = s.strip_prefix(r.full.as_str())
            && rest.chars().count() >= 2
        {
            return normalise(rest);
        }
    }
    // Drop a leading city: `呼伦贝尔市海拉尔区` → `海拉尔区`.
    if let Some(i) = s.find(['市', '州', '盟'])
        && let rest = &s[i + '市'.len_utf8()..]
        && rest.chars().count() >= 2
        && rest.ends_with(['区', '县', '旗', '市'])
    {
        return normalise(rest);
    }
    Some(s.to_string())
}

/// A title opening with a short form: `北京2026年…`.
fn short_form_at_start(l: &str) -> Option<String> {
    let l = l.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年' || c == ' ');
    REGIONS
        .iter()
        .find(|r| r.short.iter().any(|x| x.chars().count() > 1 && l.starts_with(x.as_str())))
        .map(|r| r.full.clone())
}

fn from_file(file: &str, ty: Option<&str>) -> Option<String> {
    let first = file.split(['_', '-', '.', ' ']).next().unwrap_or("");
    if matches!(first, "china" | "national" | "zhongguo" | "guowuyuan") {
        return Some(national(ty));
    }
    REGIONS.iter().find(|r| r.hints.iter().any(|h| h == first)).map(|r| r.full.clone())
}

fn year(head: &str, lines: &[&str], file: &str, ty: Option<&str>) -> Option<i32> {
    let num = |s: &str| s.parse::<i32>().ok().filter(|y| (1900..=2100).contains(y));
    let title_year = || {
        lines.iter().take(12).find_map(|l| {
            if is_title(l) && (ty != Some(GWR) || l.contains(GWR)) {
                YEAR.captures(l).and_then(|c| num(&c[1]))
            } else {
                None
            }
        })
    };
    match ty {
        Some(GWR) => {
            if let Some(y) = DELIVERED.captures(head).and_then(|c| num(&c[1])) {
                return Some(y);
            }
            if let Some(y) = title_year() {
                return Some(y);
            }
            if let Some(y) = REVIEW.captures(head).and_then(|c| num(c.get(1).or(c.get(2))?.as_str())) {
                return Some(y + 1);
            }
            if let Some(y) = PLAN.captures(head).and_then(|c| num(&c[1])) {
                return Some(y);
            }
        }
        Some(FZZF) => {
            for l in lines.iter().take(12) {
                if let Some(c) = YEAR.captures(l)
                    && (l.contains("法治政府") || l.starts_with(&c[0]))
                    && let Some(y) = num(&c[1])
                {
                    return Some(y);
                }
            }
        }
        _ => {
            if let Some(y) = title_year() {
                return Some(y);
            }
            // `2023年是…`, `2021年，在市委…`: a bulletin with no title of its own opens with its year (one of the
            // reports a file holds, after its masthead).
            if let Some(y) = lines.iter().take(12).find_map(|l| {
                let c = OPENING_YEAR.captures(l)?;
                let rest = &l[c.get(0)?.end()..];
                rest.starts_with(['是', '，', ',']).then(|| num(&c[1])).flatten()
            }) {
                return Some(y);
            }
        }
    }
    if let Some(y) = FILE_YEAR.captures(file).and_then(|c| num(&c[1])) {
        return Some(y);
    }
    // The first year of the opening: `2024 年，全市上下…`.
    lines.iter().take(12).find_map(|l| YEAR.captures(l).and_then(|c| num(&c[1])))
}

/// The words that name who issues a report (`dicts/report_parts.tsv`).
static ISSUERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| part_words("issuer"));

/// The words that make a short line a report's title (`dicts/report_parts.tsv`).
static TITLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| part_words("title"));

fn part_words(role: &str) -> Vec<&'static str> {
    include_str!("../dicts/report_parts.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t').map(str::trim);
            let w = f.next()?;
            (f.next() == Some(role)).then_some(w)
        })
        .collect()
}

// `2024年3月`, `2022年4月28日`: the date line of a masthead.
re!(DATE_LINE, r"^(\d{4})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$");
// `2023年是…`, `2021年，在市委…`: the opening of a report of its year.
re!(OPENING_YEAR, r"^(\d{4})\s*年");

/// A report is at least this many bytes long: a masthead closer to the start or the end of the text than this
/// is part of the report it stands in.
const MIN_REPORT_BYTES: usize = 1000;

/// Byte offsets at which a report other than the first starts in `text` (a file holding several, such as the
/// 统计公报 of four years): each at its masthead, a line naming who issues it (…统计局, …调查队), a date line
/// (`2024年3月`), and an opening that names the year before the date's or the date's own (`2023年是…`).
/// Empty for a text holding one report.
pub fn report_starts(text: &str) -> Vec<usize> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for l in text.split_inclusive('\n') {
        lines.push((at, l.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')));
        at += l.len();
    }
    let nonblank: Vec<(usize, &str)> = lines.into_iter().filter(|(_, l)| !l.is_empty()).collect();
    // Byte lengths bound the character counts first: a long line (a CSV row holds a whole report) is no
    // masthead line, and counting its characters for every line would cost as much as reading the text.
    let issuer = |l: &str| l.len() <= 160 && l.chars().count() <= 40 && ISSUERS.iter().any(|w| l.ends_with(w));
    let digits = |s: &str| -> String {
        s.chars()
            .map(|c| if ('０'..='９').contains(&c) { char::from(b'0' + (c as u32 - '０' as u32) as u8) } else { c })
            .collect()
    };
    let mut out: Vec<usize> = Vec::new();
    let title = |l: &str| {
        l.len() <= 240
            && l.chars().count() <= 60
            && TITLES.iter().any(|w| l.ends_with(w))
            && !l.contains(['。', '，', ',', '；', '《'])
    };
    let push = |start: usize, out: &mut Vec<usize>| {
        let previous = out.last().copied().unwrap_or(0);
        if start >= previous + MIN_REPORT_BYTES && text.len() >= start + MIN_REPORT_BYTES {
            out.push(start);
        }
    };
    // Titles met so far: the same title again is a running page header (luoyang_2023_tjgb.txt), not a report.
    let mut titles: Vec<String> = Vec::new();
    let norm = |l: &str| -> String { l.chars().filter(|c| !c.is_whitespace() && !matches!(c, '①' | '*')).collect() };
    for k in 0..nonblank.len().saturating_sub(1) {
        // `2023年东莞市国民经济和社会发展统计公报`: a title of its own.
        if title(nonblank[k].1) {
            let t = norm(nonblank[k].1);
            if !titles.contains(&t) {
                titles.push(t);
                push(nonblank[k].0, &mut out);
            }
            continue;
        }
        if k == 0 {
            continue;
        }
        // A date line is short and follows an issuer line.
        if nonblank[k].1.len() > 60 || !issuer(nonblank[k - 1].1) {
            continue;
        }
        let date = digits(nonblank[k].1);
        let Some(d) = DATE_LINE.captures(&date).and_then(|c| c[1].parse::<i32>().ok()) else { continue };
        let opening = digits(nonblank[k + 1].1);
        let Some(y) = OPENING_YEAR.captures(&opening).and_then(|c| c[1].parse::<i32>().ok()) else { continue };
        if y != d - 1 && y != d {
            continue;
        }
        // The masthead's first line: one or two issuer lines before the date.
        let mut first = k - 1;
        if first > 0 && issuer(nonblank[first - 1].1) {
            first -= 1;
        }
        // A title right before the masthead has started the report already.
        if first > 0 && title(nonblank[first - 1].1) {
            continue;
        }
        push(nonblank[first].0, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provincial_title() {
        let m = detect(
            "x.csv",
            "2026年广东省政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n各位代表：",
        );
        assert_eq!(m.region.as_deref(), Some("广东省"));
        assert_eq!(m.year, Some(2026));
        assert_eq!(m.report_type.as_deref(), Some(GWR));
    }

    #[test]
    fn national_gwr() {
        let m = detect(
            "a.txt",
            "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李　强\n各位代表：",
        );
        assert_eq!(m.region.as_deref(), Some("国务院"));
        assert_eq!(m.year, Some(2024));
    }

    #[test]
    fn city_bulletin() {
        let m = detect("b.txt", "南京市2023年国民经济和社会发展统计公报\n南京市统计局\n");
        assert_eq!(m.region.as_deref(), Some("南京市"));
        assert_eq!(m.year, Some(2023));
        assert_eq!(m.report_type.as_deref(), Some(TJGB));
    }

    #[test]
    fn county_fazhi() {
        let m = detect(
            "zezhou_2025_fzzf.txt",
            "2025年,泽州县委、县政府坚持以习近平新时代中国特色社会主义思想为指导,聚焦法治政府建设重点。现将有关情况报告如下:",
        );
        assert_eq!(m.region.as_deref(), Some("泽州县"));
        assert_eq!(m.year, Some(2025));
        assert_eq!(m.report_type.as_deref(), Some(FZZF));
    }

    #[test]
    fn one_line_city_report() {
        let m = detect(
            "x.txt",
            "上海市市长　应勇 各位代表： 　　现在，我代表上海市人民政府，向大会报告工作。 　　一、2019年工作回顾 　　过去一年",
        );
        assert_eq!(m.region.as_deref(), Some("上海市"));
        assert_eq!(m.year, Some(2020));
    }

    #[test]
    fn head_is_the_first_characters_normalised() {
        let slow = |t: &str| -> String {
            t.trim_start_matches('\u{FEFF}')
                .chars()
                .take(HEAD_CHARS)
                .map(|c| match c {
                    '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                    '\r' => '\n',
                    _ => c,
                })
                .collect()
        };
        let long = "年（２０２４）".repeat(1000);
        for t in ["\u{FEFF}政府工作报告\r\n２０２４年，", "（一）：", "", "abc", long.as_str(), &long[..3000]]
        {
            assert_eq!(head(t), slow(t));
        }
    }

    #[test]
    fn a_file_of_several_bulletins_starts_each_at_its_masthead() {
        let body = "全市经济运行总体平稳。".repeat(400);
        let text = format!(
            "南京市2024年国民经济和社会发展统计公报\n南京市统计局  国家统计局南京调查队\n2025年3月\n\n2024年是关键一年。{body}\n南京市统计局\n国家统计局南京调查队\n2024年3月\n\n2023年是开局之年。{body}\n"
        );
        let starts = report_starts(&text);
        assert_eq!(starts.len(), 1, "{starts:?}");
        assert!(text[starts[0]..].starts_with("南京市统计局\n国家统计局南京调查队\n2024年3月"));
        // A signature at the end, or a date line followed by no opening of its year, starts nothing.
        let one = format!("2024年是关键一年。{body}\n南京市统计局\n2025年3月\n");
        assert!(report_starts(&one).is_empty());
        // A title of its own after a report (dongguan_2023-2024_tjgb.docx) starts the next.
        let titled =
            format!("2024年东莞市国民经济和社会发展统计公报\n{body}\n2023年东莞市国民经济和社会发展统计公报\n{body}\n");
        assert_eq!(report_starts(&titled).len(), 1);
        // A title cited in a sentence starts nothing.
        let cited = format!("{body}\n审议了《2023年东莞市国民经济和社会发展统计公报》。\n{body}\n");
        assert!(report_starts(&cited).is_empty());
    }

    #[test]
    fn short_forms() {
        assert_eq!(normalise("内蒙古").as_deref(), Some("内蒙古自治区"));
        assert_eq!(normalise("河南省洛阳市").as_deref(), Some("洛阳市"));
        assert_eq!(normalise("全市"), None);
        assert_eq!(normalise("呼伦贝尔市海拉尔区").as_deref(), Some("海拉尔区"));
    }
}
