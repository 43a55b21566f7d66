//! Page chrome: the lines of a web page that are no report text (toolbars, bylines, counters,
//! breadcrumbs, footers, link lists). The words are in `dicts/page_chrome.txt`; this file holds the rules.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The chrome word list.
pub const PAGE_CHROME: &str = include_str!("../../dicts/page_chrome.txt");

/// Longest line (in characters) that can be chrome.
const MAX_CHROME_LINE: usize = 80;
/// Longest headline after a link bullet.
const MAX_LINK_LINE: usize = 60;
/// Most links on one line taken for a list of links.
const MAX_LINKS: usize = 40;

struct Words {
    /// `=`: words a toolbar line is made of.
    words: HashSet<String>,
    /// `^`: labels a byline starts with, by their first character, longest first.
    labels: std::collections::HashMap<char, Vec<String>>,
    /// `~`: footer words found anywhere in a short line.
    contains: aho_corasick::AhoCorasick,
    /// `*`: link bullets.
    bullets: Vec<char>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let (mut words, mut labels, mut contains, mut bullets) =
            (HashSet::new(), std::collections::HashMap::<char, Vec<String>>::new(), Vec::new(), Vec::new());
        for line in PAGE_CHROME.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut chars = line.chars();
            let kind = chars.next().expect("not empty");
            let entry = chars.as_str().trim();
            if entry.is_empty() {
                continue;
            }
            match kind {
                '=' => {
                    words.insert(entry.to_string());
                }
                '^' => labels.entry(entry.chars().next().expect("not empty")).or_default().push(entry.to_string()),
                '~' => contains.push(entry.to_string()),
                '*' => bullets.extend(entry.chars().next()),
                _ => {}
            }
        }
        for l in labels.values_mut() {
            l.sort_by_key(|l| std::cmp::Reverse(l.len()));
        }
        let contains = aho_corasick::AhoCorasick::new(&contains).expect("chrome words");
        Words { words, labels, contains, bullets }
    })
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// Characters between the words of a toolbar or a breadcrumb.
fn is_separator(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '【' | '】'
                | '['
                | ']'
                | '（'
                | '）'
                | '('
                | ')'
                | '|'
                | '｜'
                | '：'
                | ':'
                | '>'
                | '＞'
                | '»'
                | '/'
                | ','
                | '，'
                | '、'
                | '<'
                | '《'
                | '》'
        )
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn has_sentence_punctuation(l: &str) -> bool {
    l.contains(['，', '。', '；', '！', '？', '、'])
}

/// Tells, line by line, which lines of a page are chrome. It remembers a lone link bullet, so that the
/// headline after it is taken for a link too.
#[derive(Default)]
pub(crate) struct ChromeFilter {
    after_bullet: bool,
}

impl ChromeFilter {
    /// Whether `line` (one line of the page's text) is chrome. Blank lines are not (the caller keeps
    /// or drops them) and leave the state alone.
    pub(crate) fn is_chrome(&mut self, line: &str) -> bool {
        let t = line.trim_matches(is_blank);
        if t.is_empty() {
            return false;
        }
        let after_bullet = std::mem::take(&mut self.after_bullet);
        let w = words();
        if is_link_list(t, w) {
            return true;
        }
        // Most lines of a report are long: told by their bytes, without counting characters.
        if t.len() > MAX_CHROME_LINE * 4 {
            return false;
        }
        let n = t.chars().count();
        if n > MAX_CHROME_LINE {
            return false;
        }
        let first = t.chars().next().expect("not empty");
        if w.bullets.contains(&first) {
            let rest = t[first.len_utf8()..].trim_matches(is_blank);
            if rest.is_empty() {
                self.after_bullet = true;
                return true;
            }
            if n <= MAX_LINK_LINE && !has_sentence_punctuation(rest) && !rest.ends_with(['。', '！', '？']) {
                return true;
            }
        }
        if after_bullet && n <= MAX_LINK_LINE && !has_sentence_punctuation(t) {
            return true;
        }
        is_chrome_line(t, w)
    }
}

/// A list of links on one line, of any length: `相关链接 · 标题一 · 标题二`: two bullets or more, every
/// item a short headline, and before the first nothing or chrome.
fn is_link_list(t: &str, w: &Words) -> bool {
    // At most MAX_LINKS items of a short headline each: a longer line, or one without a bullet, is none.
    // The first bullet comes after at most a short lead: only so far is it looked for.
    let mut head = t.len().min(MAX_CHROME_LINE * 4 + 4);
    while !t.is_char_boundary(head) {
        head -= 1;
    }
    if t.len() > MAX_LINKS * (MAX_LINK_LINE * 4 + 16) || !w.bullets.iter().any(|&b| t[..head].contains(b)) {
        return false;
    }
    let mut parts = t.split(|c| w.bullets.contains(&c));
    let lead = parts.next().unwrap_or("").trim_matches(is_blank);
    let items: Vec<&str> = parts.map(|p| p.trim_matches(is_blank)).collect();
    (2..=MAX_LINKS).contains(&items.len())
        && (lead.is_empty() || (lead.chars().count() <= MAX_CHROME_LINE && is_chrome_line(lead, w)))
        && items.iter().all(|i| !i.is_empty() && i.chars().count() <= MAX_LINK_LINE && !has_sentence_punctuation(i))
}

fn is_chrome_line(t: &str, w: &Words) -> bool {
    // A toolbar: only chrome words and separators (a line of separators alone, such as `】`, too).
    if t.split(is_separator).filter(|s| !s.is_empty()).all(|s| w.words.contains(s)) {
        return true;
    }
    // A byline, counter or breadcrumb: a label first (inside an opening bracket, if any).
    let head = t.trim_start_matches(|c: char| matches!(c, '【' | '[' | '（' | '(') || is_blank(c));
    let by_first = head.chars().next().and_then(|c| w.labels.get(&c));
    for label in by_first.into_iter().flatten() {
        if let Some(rest) = head.strip_prefix(label.as_str()) {
            match rest.chars().next() {
                None => return true,
                Some(c) if !is_ideograph(c) && !c.is_ascii_alphabetic() => return true,
                _ => {}
            }
        }
    }
    if w.contains.is_match(t) {
        return true;
    }
    // A time stamp, or a site's name and address with a date.
    if !has_sentence_punctuation(t) {
        let p = patterns();
        if p.date.is_match(t) && (p.time.is_match(t) || p.web.is_match(t)) {
            return true;
        }
    }
    false
}

struct Patterns {
    date: regex::Regex,
    time: regex::Regex,
    web: regex::Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let d = "[0-9０-９]";
        Patterns {
            date: regex::Regex::new(&format!(
                r"(?:19|20|１９|２０){d}{{2}}\s*[-/.年－]\s*{d}{{1,2}}\s*[-/.月－]\s*{d}{{1,2}}"
            ))
            .expect("date pattern"),
            time: regex::Regex::new(&format!(r"(?:^|[^0-9０-９]){d}{{1,2}}\s*[:：时]\s*{d}{{2}}(?:[^0-9０-９年月]|$)"))
                .expect("time pattern"),
            web: regex::Regex::new(r"(?i)(?:https?://|www\.)[a-z0-9-]+\.[a-z]").expect("web pattern"),
        }
    })
}

/// `text` without its chrome lines (line ends kept as they are on the lines that stay).
pub(crate) fn strip_chrome(text: &str) -> std::borrow::Cow<'_, str> {
    let mut filter = ChromeFilter::default();
    let mut out: Option<String> = None;
    let mut kept = 0; // bytes of `text` already copied into `out`, when it exists
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let chrome = filter.is_chrome(line);
        if chrome {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[kept..at]);
            kept = at + line.len();
        }
        at += line.len();
    }
    match out {
        None => std::borrow::Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[kept..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chrome(l: &str) -> bool {
        ChromeFilter::default().is_chrome(l)
    }

    #[test]
    fn toolbars_bylines_counters_footers_are_chrome() {
        for l in [
            "下载 打印 全屏 收藏",
            "【字体：大 中 小】",
            "【字号：",
            "】",
            "|",
            "来源：安徽日报",
            "（来源：青海日报）",
            "（责任编辑： 郭桢",
            "访问量 98765 次",
            "浏览次数：1234",
            "发布时间：2026-02-09 09:45:30  来源：宁夏日报",
            "时间：2026-02-03",
            "2026-02-09 09:45:30",
            "2026年02月10日 07时41分",
            "中央政府门户网站\u{3000}www.gov.cn\u{3000}\u{3000} 2009年03月16日\u{3000}\u{3000} 来源：新华社",
            "当前位置： 首页>> 中国概况",
            "首页 > 政务信息 > 宁夏要闻",
            "京ICP备05070218号 京公网安备11010202000001号",
            "版权所有：某某市人民政府办公室",
            "扫一扫在手机打开当前页",
            "》》点击图片进入专题《《",
            "·",
            "· 政府工作报告全文",
            "\u{3000}相关链接   · 《政府工作报告》修改15处充分吸纳代表委员意见    · 十一届全国人大三次会议关于政府工作报告的决议    · 充满强烈“民生情怀” 政府工作报告引世界热议    · 报告解读：政府工作报告的“三农”工作新亮点",
        ] {
            assert!(chrome(l), "{l}");
        }
    }

    #[test]
    fn report_text_is_not_chrome() {
        for l in [
            "各位代表：",
            "2026年北京市政府工作报告",
            "——2026年1月25日在北京市第十六届人民代表大会第四次会议上",
            "“湘易办”用户突破3500万、月访问量稳定在2000万人次。",
            "访问量达到1.2亿人次。",
            "资金来源：中央预算内投资1000万元。",
            "阅读推广活动覆盖全市。",
            "编辑出版《某某日报》314期。",
            "时间表、路线图已经明确",
            "附件2",
            "一、2025年工作回顾",
            "3月5日上午9时30分，大会开幕。",
            "大力发展数字经济",
        ] {
            assert!(!chrome(l), "{l}");
        }
        let long = format!("来源：{}", "很长的一句话".repeat(20));
        assert!(!chrome(&long), "a long line is never chrome");
    }

    #[test]
    fn a_headline_after_a_lone_bullet_is_a_link() {
        let t = "正文第一段。\n·\n《政府工作报告》修改15处充分吸纳代表委员意见\n正文第二段增长5%。\n";
        assert_eq!(strip_chrome(t), "正文第一段。\n正文第二段增长5%。\n");
        let clean = "各位代表：\n增长5%。\n";
        assert!(matches!(strip_chrome(clean), std::borrow::Cow::Borrowed(_)));
    }
}
