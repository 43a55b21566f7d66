//! Word lists that steer extraction: units, phrases whose numbers are not figures, jieba user words.
//!
//! The lists ship inside the binary (from `dicts/`) and a user can extend them from files or flags, so
//! nothing domain-specific is scattered through the code.

/// The built-in unit list (`dicts/units.txt`).
pub const UNITS: &str = include_str!("../dicts/units.txt");
/// The built-in non-figure phrases (`dicts/not_figures.txt`).
pub const NOT_FIGURES: &str = include_str!("../dicts/not_figures.txt");
/// The built-in jieba user words (`dicts/userdict.txt`).
pub const USER_WORDS: &str = include_str!("../dicts/userdict.txt");

/// What a unit measures; decides the figure's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitClass {
    /// 量词: 件 起 次 人 …
    Count,
    /// 元, 美元 …
    Money,
    /// 吨 公里 平方米 …
    Physical,
    /// 年 月 天 小时 …
    Time,
    /// %.
    Percent,
    /// ‰.
    Permille,
    /// 百分点.
    PercentagePoint,
    /// 倍.
    Multiple,
}

impl UnitClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "count" => UnitClass::Count,
            "money" => UnitClass::Money,
            "physical" => UnitClass::Physical,
            "time" => UnitClass::Time,
            "percent" => UnitClass::Percent,
            "permille" => UnitClass::Permille,
            "pp" => UnitClass::PercentagePoint,
            "multiple" => UnitClass::Multiple,
            _ => return None,
        })
    }
}

/// One unit as written after a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The unit as reported (个百分点 → 百分点).
    pub canonical: String,
    /// What it measures.
    pub class: UnitClass,
    /// Accepted only after Arabic digits (四周 is "all around", 4周 is four weeks).
    pub digits_only: bool,
}

/// All word lists, built once and shared by every thread.
#[derive(Debug, Clone)]
pub struct Dicts {
    units_by_first: rustc_hash::FxHashMap<char, Vec<(Vec<char>, Unit)>>,
    /// Phrases whose numbers are not figures.
    pub not_figures: Vec<String>,
    /// Extra words for jieba: `word [freq [tag]]` lines.
    pub user_words: String,
}

impl Default for Dicts {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Dicts {
    /// The lists shipped in `dicts/`.
    pub fn builtin() -> Self {
        let mut d =
            Dicts { units_by_first: Default::default(), not_figures: Vec::new(), user_words: USER_WORDS.to_string() };
        d.add_units(UNITS).expect("built-in units parse");
        d.add_not_figures(NOT_FIGURES);
        d
    }

    /// Adds units from text in the `dicts/units.txt` format. A bare word on a line is a count unit.
    pub fn add_units(&mut self, text: &str) -> Result<(), String> {
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let surface = f[0].trim();
            let class = match f.get(1).map(|s| s.trim()).filter(|s| !s.is_empty()) {
                None => UnitClass::Count,
                Some(c) => UnitClass::parse(c).ok_or_else(|| format!("line {}: unknown unit class {c:?}", n + 1))?,
            };
            let canonical = f.get(2).map(|s| s.trim()).filter(|s| !s.is_empty()).unwrap_or(surface);
            let digits_only = f.get(3).is_some_and(|s| s.trim() == "digits");
            self.add_unit(surface, canonical, class, digits_only);
        }
        Ok(())
    }

    /// Adds one unit.
    pub fn add_unit(&mut self, surface: &str, canonical: &str, class: UnitClass, digits_only: bool) {
        if surface.is_empty() {
            return;
        }
        let unit = Unit { canonical: canonical.to_string(), class, digits_only };
        let chars: Vec<char> = surface.chars().collect();
        let list = self.units_by_first.entry(chars[0]).or_default();
        list.retain(|(s, _)| *s != chars);
        list.push((chars, unit));
        list.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    }

    /// Adds non-figure phrases, one per line.
    pub fn add_not_figures(&mut self, text: &str) {
        for line in text.lines() {
            let w = line.trim();
            if !w.is_empty() && !w.starts_with('#') {
                self.not_figures.push(w.to_string());
            }
        }
        // Longest first, so a longer phrase masks before a shorter one inside it.
        self.not_figures.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        self.not_figures.dedup();
    }

    /// Adds jieba user words (`word [freq [tag]]` per line).
    pub fn add_user_words(&mut self, text: &str) {
        self.user_words.push('\n');
        self.user_words.push_str(text);
    }

    /// The longest unit starting at `chars[i..]`, with its length in chars.
    pub fn unit_at(&self, chars: &[char], i: usize) -> Option<(&Unit, usize)> {
        let first = *chars.get(i)?;
        // Units by first character, longest first: no allocation on this hot path.
        let list = self.units_by_first.get(&first)?;
        list.iter().find_map(|(surface, u)| {
            let n = surface.len();
            (chars.len() >= i + n && chars[i..i + n] == surface[..]).then_some((u, n))
        })
    }
}
