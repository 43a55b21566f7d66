//! The lexicon: every domain word list zhibiao reads, by role, from `dicts/`.
//!
//! Each role is one file of `dicts/` (its header says what the words do), shipped inside the binary and
//! extended by the user ([`Dicts::add`], `--dict ROLE=FILE` on the command line). A line is
//! `WORD[<TAB>FIELD…]`; `#` starts a comment line; a line `-WORD` removes a word the lists already hold.
//! A bad line is reported with its file and line ([`DictError`]). The rule code keeps the logic only: what a
//! word *is* (a change verb and its sign, a filler, a time word) lives here.

use std::fmt;
use std::io::BufRead;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::figure::Qualifier;

/// A bad line in a word list: which file, which line, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    /// The file (or `dicts/NAME` for a built-in list).
    pub file: String,
    /// 1-based line number (0 when the error is about the whole file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for DictError {}

/// One role of the lexicon: its name on the command line, its file in `dicts/` and the built-in text.
#[derive(Debug, Clone, Copy)]
pub struct Role {
    /// The name `--dict ROLE=FILE` takes.
    pub name: &'static str,
    /// The file in `dicts/`.
    pub file: &'static str,
    /// The built-in list.
    pub builtin: &'static str,
}

macro_rules! roles {
    ($($name:literal => $file:literal),* $(,)?) => {
        /// Every role, in the order the built-in lists are loaded.
        pub const ROLES: &[Role] = &[$(Role { name: $name, file: $file, builtin: include_str!(concat!("../dicts/", $file)) }),*];
    };
}

roles! {
    "units" => "units.txt",
    "not_figures" => "not_figures.txt",
    "user_words" => "userdict.txt",
    "qualifiers" => "qualifiers.tsv",
    "not_qualifiers" => "not_qualifiers.txt",
    "change_verbs" => "change_verbs.tsv",
    "rate_nouns" => "rate_nouns.tsv",
    "not_changes" => "not_changes.txt",
    "basis_markers" => "basis_markers.txt",
    "basis_ends" => "basis_ends.txt",
    "comparison_openers" => "comparison_openers.txt",
    "not_comparisons" => "not_comparisons.txt",
    "not_numerals" => "not_numerals.txt",
    "link_words" => "link_words.txt",
    "level_markers" => "level_markers.txt",
    "reach_links" => "reach_links.txt",
    "lower_than" => "lower_than.txt",
    "index_markers" => "index_markers.txt",
    "per_units" => "per_units.txt",
    "person_nouns" => "person_nouns.txt",
    "person_units" => "person_units.txt",
    "verb_rate" => "verb_rate.txt",
    "not_tenths" => "not_tenths.txt",
    "annual_words" => "annual_words.txt",
    "aspect_particles" => "aspect_particles.txt",
    "list_joiners" => "list_joiners.tsv",
    "distributive" => "distributive.txt",
    "subject_lead" => "subject_lead.txt",
    "subject_trail" => "subject_trail.txt",
    "subject_boundary" => "subject_boundary.txt",
    "generic_after" => "generic_after.txt",
    "price_basis" => "price_basis.txt",
    "reach_words" => "reach_words.txt",
    "time_tail" => "time_tail.txt",
    "span_openers" => "span_openers.txt",
    "duration_tails" => "duration_tails.txt",
    "possessive" => "possessive.txt",
    "list_heads" => "list_heads.txt",
    "measure_ends" => "measure_ends.txt",
    "list_etc" => "list_etc.txt",
    "clause_verbs" => "clause_verbs.txt",
    "noun_stops" => "noun_stops.txt",
    "rate_tails" => "rate_tails.txt",
    "comparison_words" => "comparison_words.txt",
    "list_pairs" => "list_pairs.tsv",
    "unit_measures" => "unit_measures.tsv",
    "dimension_units" => "dimension_units.txt",
    "object_preps" => "object_preps.txt",
    "topic_preps" => "topic_preps.txt",
    "scope_bounds" => "scope_bounds.txt",
    "whole_names" => "whole_names.txt",
    "not_members" => "not_members.txt",
    "held_measures" => "held_measures.txt",
    "whole_scopes" => "whole_scopes.txt",
    "rate_attributes" => "rate_attributes.txt",
    "phase_verbs" => "phase_verbs.txt",
    "have_words" => "have_words.txt",
    "yield_verbs" => "yield_verbs.txt",
    "generic_possessed" => "generic_possessed.txt",
    "allot_verbs" => "allot_verbs.txt",
    "conversions" => "conversions.txt",
    "conversion_bases" => "conversion_bases.txt",
    "institution_units" => "institution_units.txt",
    "count_acts" => "count_acts.txt",
    "outlays" => "outlays.txt",
    "work_states" => "work_states.txt",
    "light_verbs" => "light_verbs.txt",
    "not_acts" => "not_acts.txt",
    "modal_words" => "modal_words.txt",
    "share_nouns" => "share_nouns.txt",
    "per_heads" => "per_heads.txt",
    "degree_words" => "degree_words.txt",
    "time_words" => "time_words.tsv",
    "heading_words" => "heading_words.tsv",
    "year_context" => "year_context.tsv",
    "plan_periods" => "plan_periods.tsv",
    "span_words" => "span_words.tsv",
    "total_words" => "total_words.txt",
    "flow_words" => "flow_words.txt",
    "plan_marks" => "plan_marks.txt",
    "not_totals" => "not_totals.txt",
    "rate_ends" => "rate_ends.txt",
    "rate_links" => "rate_links.txt",
    "share_markers" => "share_markers.txt",
    "strict_bounds" => "strict_bounds.txt",
    "subset_markers" => "subset_markers.txt",
    "bigram_stop" => "bigram_stop.txt",
    "prices" => "prices.tsv",
    "name_trims" => "name_trims.txt",
    "contribution_words" => "contribution_words.txt",
    "rate_defs" => "rate_defs.tsv",
    "part_sums" => "part_sums.tsv",
    "table_headers" => "table_headers.tsv",
    "indicators" => "indicators.tsv",
}

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

/// What a time unit makes of the number before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TimeRole {
    /// A duration, a figure (`3个月`).
    #[default]
    Duration,
    /// A calendar year (`2025年`), no figure.
    Year,
    /// A month, day or anniversary (`10月`, `75周年`), no figure.
    Date,
    /// An age (`65岁`): no figure unless it is a lifetime.
    Age,
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
    /// For a time unit: year, date, age or duration.
    pub time: TimeRole,
}

/// An ordered list of words (file order, a later duplicate replacing nothing).
#[derive(Debug, Clone, Default)]
pub struct Words {
    list: Vec<String>,
    set: FxHashSet<String>,
    /// An automaton over the words for [`Words::found_in`] and [`Words::spans_in`], built on first use (lists
    /// change only while they are read).
    finder: std::sync::OnceLock<aho_corasick::AhoCorasick>,
}

impl Words {
    fn insert(&mut self, w: &str) {
        if self.set.insert(w.to_string()) {
            self.list.push(w.to_string());
            self.finder = std::sync::OnceLock::new();
        }
    }

    fn remove(&mut self, w: &str) {
        if self.set.remove(w) {
            self.list.retain(|x| x != w);
            self.finder = std::sync::OnceLock::new();
        }
    }

    /// The automaton over the words, built on first use: a DFA, which the short texts searched run through
    /// fastest, for a small list; for a long one (the known indicators' names), an NFA, which builds many times
    /// faster.
    fn automaton(&self) -> aho_corasick::AhoCorasick {
        let kind = if self.list.len() <= 300 {
            aho_corasick::AhoCorasickKind::DFA
        } else {
            aho_corasick::AhoCorasickKind::ContiguousNFA
        };
        aho_corasick::AhoCorasick::builder()
            .kind(Some(kind))
            .prefilter(false)
            .build(&self.list)
            .expect("a word list builds an automaton")
    }

    /// Where the words of the list occur in `s`, overlapping ones too: (byte start, byte end), by end.
    pub fn spans_in(&self, s: &str) -> Vec<(usize, usize)> {
        if self.list.is_empty() {
            return Vec::new();
        }
        let finder = self.finder.get_or_init(|| self.automaton());
        finder.find_overlapping_iter(s).map(|m| (m.start(), m.end())).collect()
    }

    /// Whether some word of the list occurs in `s`: one pass over `s` for the whole list, where testing
    /// each word in turn would pass over it once per word.
    pub fn found_in(&self, s: &str) -> bool {
        if self.list.is_empty() {
            return false;
        }
        self.finder.get_or_init(|| self.automaton()).is_match(s)
    }

    /// Removes `w` when a file line says `-w`, else adds it.
    fn apply(&mut self, w: &str, remove: bool) {
        if remove { self.remove(w) } else { self.insert(w) }
    }

    /// Whether the list holds `w`.
    pub fn has(&self, w: &str) -> bool {
        self.set.contains(w)
    }

    /// The words in file order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(String::as_str)
    }

    /// The words, longest first (stable for equal lengths).
    pub fn longest_first(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.iter().collect();
        v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        v
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether some word ends `s`.
    pub fn ends(&self, s: &str) -> bool {
        self.list.iter().any(|w| s.ends_with(w.as_str()))
    }
}

/// Words with one value each (a sign, a qualifier), in file order; a later line for the same word replaces
/// the earlier one.
#[derive(Debug, Clone)]
pub struct Valued<T> {
    list: Vec<(String, T)>,
}

impl<T> Default for Valued<T> {
    fn default() -> Self {
        Valued { list: Vec::new() }
    }
}

impl<T: Clone> Valued<T> {
    fn insert(&mut self, w: &str, v: T) {
        match self.list.iter_mut().find(|(x, _)| x == w) {
            Some(e) => e.1 = v,
            None => self.list.push((w.to_string(), v)),
        }
    }

    fn remove(&mut self, w: &str) {
        self.list.retain(|(x, _)| x != w);
    }

    /// The entries in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.list.iter().map(|(w, v)| (w.as_str(), v))
    }

    /// The value of `w`.
    pub fn get(&self, w: &str) -> Option<&T> {
        self.list.iter().find(|(x, _)| x == w).map(|(_, v)| v)
    }

    /// The entries, longest word first (stable for equal lengths).
    pub fn longest_first(&self) -> Vec<(&str, T)> {
        let mut v: Vec<(&str, T)> = self.list.iter().map(|(w, v)| (w.as_str(), v.clone())).collect();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        v
    }
}

/// Where a qualifier word stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualifierAt {
    /// Before the number (`约`, `超过`).
    Before,
    /// After the number and its unit (`左右`, `以上`).
    After {
        /// Only when no word follows it (`3个多月`, not `多元`); a unit may.
        alone: bool,
    },
}

/// A word that states how exactly a number holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QualifierWord {
    /// Where it stands.
    pub at: QualifierAt,
    /// What it says.
    pub qualifier: Qualifier,
}

/// How strongly a word joins two figures into one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// `、`, `和`: a list whatever comes before.
    Strong,
    /// `与`, `及`, `，`: a list only under 分别.
    Weak,
}

/// The word lists of the number layer.
#[derive(Debug, Clone, Default)]
pub struct NumberWords {
    /// Qualifier words (约, 左右 …).
    pub qualifiers: Valued<QualifierWord>,
    /// Words that end in a qualifier word and are none (最近, 附近).
    pub not_qualifiers: Words,
    /// Change verbs with their sign (增长 +1, 下降 −1).
    pub change_verbs: Valued<i8>,
    /// Rate nouns whose number is a change (增速 +1, 降幅 −1).
    pub rate_nouns: Valued<i8>,
    /// Phrases holding a change verb or rate noun that state no change (新增, 增加值, 自然增长率).
    pub not_changes: Words,
    /// Markers of the base a change is measured against (同比, 比上年).
    pub basis_markers: Words,
    /// Endings of a basis phrase after which a one-character verb is a change verb (比2020年增).
    pub basis_ends: Words,
    /// Words opening a comparison phrase (比, 较).
    pub comparison_openers: Words,
    /// Words holding an opener that open no comparison (比重, 占比).
    pub not_comparisons: Words,
    /// Words in which a numeral character is no number (上一年).
    pub not_numerals: Words,
    /// Words between a verb and its number that change nothing (增长了5%, 达到).
    pub link_words: Words,
    /// Words right before a number that make it a level reached, not a change (增加到, 降至).
    pub level_markers: Words,
    /// Link words that, right after a change verb, make the number the level reached (下降为27.8%).
    pub reach_links: Words,
    /// Words before a 百分点 figure that make it negative (低于全国0.5个百分点).
    pub lower_than: Words,
    /// Words after which a bare decimal is an index (指数为102.1).
    pub index_markers: Words,
    /// Denominators of per-unit rates that are no units themselves (元/人, 部/百人).
    pub per_units: Words,
    /// Nouns naming people: a scaled number with no unit before one counts 人 (450万困难群众).
    pub person_nouns: Words,
    /// Words opening with 成 after a number where 成 is no tenth (成为, 成立).
    pub not_tenths: Words,
    /// Words making a growth rate an annual average (年均, 平均每年).
    pub annual_words: Words,
    /// Particles after a verb that change nothing (了).
    pub aspect_particles: Words,
    /// Words joining figures into a list, with their strength.
    pub list_joiners: Valued<Joiner>,
    /// Words that distribute a list over a list (分别).
    pub distributive: Words,
}

/// The word lists of the subject stage.
#[derive(Debug, Clone, Default)]
pub struct SubjectWords {
    /// Dropped from the start of a subject (全年, 累计, 全市).
    pub lead: Words,
    /// Dropped from the end of a subject (要, 比上年, 突破).
    pub trail: Words,
    /// Where the walk back from a number stops (对, 在, 和).
    pub boundary: Words,
    /// Words after a number that name nothing (台阶, 大关).
    pub generic_after: Words,
    /// Phrases of the price basis of a change (按可比价格计算).
    pub price_basis: Words,
    /// Words saying where a level went (至, 到, 在).
    pub reach_words: Words,
    /// Time words right before a number (去年的, 年末).
    pub time_tail: Words,
    /// Words opening the start of a span (由, 从).
    pub span_openers: Words,
    /// What is left of a duration once its years are gone (内, 间, 来).
    pub duration_tails: Words,
    /// The particle tying a modifier to its noun (的).
    pub possessive: Words,
    /// Measure words a list of things shares (产量, 增加值).
    pub list_heads: Words,
    /// Endings that make a name a measure already (数, 量, 损失).
    pub measure_ends: Words,
    /// Words closing an open list inside its last item (等).
    pub list_etc: Words,
    /// Verbs opening a clause about what was done (办理, 提出): a subject drops them.
    pub clause_verbs: Words,
    /// Words ending the noun phrase after a number (全部, 全).
    pub noun_stops: Words,
    /// Nouns naming people (the same list as the number layer's): a verb after one ends the noun phrase
    /// after a number (`450万困难群众纳入城乡低保` → 困难群众).
    pub person_nouns: Words,
    /// Units counting people (人, 名): with one, a verb after a person noun ends the name after the number.
    pub person_units: Words,
    /// The word that makes a verb the name of a rate (率: `事项100%办结` → 事项办结率); the first line of its file.
    pub verb_rate: String,
    /// Words fused to the end of a rate's name (达, 均).
    pub rate_tails: Words,
    /// Words comparing an indicator with another place or time (高于, 低于).
    pub comparison_words: Words,
    /// Words of a value restated in another unit (折算, 折合, 约合): `（按年平均汇率折算为16381美元）` restates the
    /// figure before, and names nothing of its own.
    pub conversions: Words,
    /// Prepositions opening the basis of a restating (按, 按照: `按年平均汇率折算`).
    pub conversion_bases: Words,
    /// Words of degree before a comparison (略, 明显).
    pub degree_words: Words,
    /// Words naming several things at the head of a list (城乡 → 城镇, 农村).
    pub list_pairs: Valued<Vec<String>>,
    /// Ends of a rate's name (率, 比重), from `rate_ends.txt`.
    pub rate_ends: Words,
    /// The surfaces of the year units of `units.txt` (年), which say when, not what.
    pub year_units: Vec<String>,
    /// The measure a count of acts is named by after its verb (件 → 件数: `累计办理14621件` → 办理件数).
    pub unit_measures: Valued<String>,
    /// Units counting the aspects of what the next count counts (方面: `6方面37个问题` → 问题方面).
    pub dimension_units: Words,
    /// Prepositions naming who an act is done for or to before a count (为, 向: `为31家企业提供法律托管`).
    pub object_preps: Words,
    /// Prepositions tying a measure to what it is said of (对: `消费对经济增长的贡献率` → 消费对经济增长贡献率).
    pub topic_preps: Words,
    /// Words closing a modifier of scope (以上: 规模以上, 地级及以上): a name never opens with one.
    pub scope_bounds: Words,
    /// Names taken whole though they hold 、 or 和 (电力、热力生产和供应业: the 国民经济行业分类 names).
    pub whole_names: Words,
    /// The names and aliases of the known indicators (`indicators.tsv`: 城镇常住居民人均可支配收入): a known name the
    /// walk back stopped inside is taken whole.
    pub known_names: Words,
    /// Words ending in 业 that name an act, not a kind of member (就业, 创业, 营业).
    pub not_members: Words,
    /// Measures of the institutions a count just before counts (`普通初中314所，在校生30.1万人` → 普通初中在校生).
    pub held_measures: Words,
    /// Words opening the name of a whole broken down by part (全国, 全体), from `whole_scopes.txt`.
    pub whole_scopes: Words,
    /// Nouns of a quality that open a rate's name (水质 of 水质优良率), from `rate_attributes.txt`.
    pub rate_attributes: Words,
    /// Verbs of starting or pace before an act's verb (启动, 加快), from `phase_verbs.txt`.
    pub phase_verbs: Words,
    /// Words of having before a number (有, 共有), from `have_words.txt`.
    pub have_words: Words,
    /// The tags `userdict.txt` gives its words (`举措 500 n`), over those jieba's own dictionary gives.
    pub user_tags: rustc_hash::FxHashMap<String, String>,
    /// Verbs between who yields a result and its measure (地铁实现客运量), from `yield_verbs.txt`.
    pub yield_verbs: Words,
    /// Nouns after a number and 的 that name a bound or a pace (指标, 标准, 速度), from `generic_possessed.txt`.
    pub generic_possessed: Words,
    /// Verbs of putting money into a use, between who puts it and what it is (中央财政拟安排补助资金 → 中央财政补助资金).
    pub allot_verbs: Words,
    /// Units that count institutions (所, 家, 个): the counts whose measures `held_measures` names.
    pub institution_units: Words,
    /// Acts named after the things a number counts (2000个补短村建设): dropped from a name taken after it.
    pub count_acts: Words,
    /// Words of money put into a work (投资, 总投资): `投资3.3亿元的机场快速路` names the work's 投资.
    pub outlays: Words,
    /// Words telling how far a work has come (建成, 通车, 投入使用, 基本完工): they end the work's name.
    pub work_states: Words,
    /// Verbs of change (增长, 提高; the number layer's list, without signs): a name never ends in one that an
    /// adverb of manner or time leads (`养老金标准继续提高` → 养老金标准).
    pub change_verbs: Words,
    /// Verbs that only carry their object (提供, 开展): the object names the act (提供法律托管 → 法律托管).
    pub light_verbs: Words,
    /// Verbs of having, using or bringing about that name no countable act (共有, 用于, 打造).
    pub not_acts: Words,
    /// Words joining a part to the whole it is a share of (占: `第一产业增加值占地区生产总值比重`): the walk back
    /// to a name goes on through them (the verification stage's list).
    pub share_markers: Words,
    /// Words stating a level per head or period after 由/从 (`由每人每年320元`): they leave the name with 由.
    pub per_heads: Words,
    /// Nouns naming a share (比重, 比例); the first names a share whose clause names none.
    pub share_nouns: Words,
    /// Words opening a comparison (比, 较; the number layer's list): a phrase opened by one is a basis, no name.
    pub comparison_openers: Words,
    /// Words holding a comparison opener that open no comparison (比重, 较快; the number layer's list).
    pub not_comparisons: Words,
    /// Words of intent or repetition before a verb (拟, 要, 再: `拟安排财政赤字` → 财政赤字): no part of the name.
    pub modal_words: Words,
    /// Words distributing a list over its figures (分别; the number layer's list): names joined by 和 before
    /// one are the members', not one name.
    pub distributive: Words,
}

/// The word lists of the period stage: what a sentence, a heading and a stated year say of time.
#[derive(Debug, Clone, Default)]
pub struct PeriodWords {
    /// The sentence sets a goal (预期目标, 力争).
    pub target: Words,
    /// The sentence reports the past year (过去一年, 去年).
    pub past: Words,
    /// The sentence is about several years (过去五年, 年均).
    pub span: Words,
    /// After a figure, it starts a span (增加到).
    pub span_verb: Words,
    /// Before a figure, it is a span's end (增加到, 达到).
    pub reached: Words,
    /// The report's own year (今年).
    pub this_year: Words,
    /// Heading words of a review (回顾).
    pub heading_review: Words,
    /// Heading words of a plan (安排, 任务).
    pub heading_plan: Words,
    /// Heading words of several years (十三五, 时期).
    pub heading_span: Words,
    /// Heading words of the last year beside a span (过去一年).
    pub heading_last_year: Words,
    /// Heading words of a plan for the next year in a report of its own year (下一步, 打算).
    pub heading_next_plan: Words,
    /// Before a year, a comparison base (比, 较).
    pub year_base_before: Words,
    /// Before a year, a span's end (至, —).
    pub year_span_before: Words,
    /// After a year, a span's start (以来, 至).
    pub year_span_after: Words,
    /// Five-year plans with their years (十二五 → 2011–2015).
    pub plan_periods: Valued<(i32, i32)>,
    /// Words naming years before (`true`) or after a report's own, with how many (过去五年 → past 5).
    pub span_words: Valued<(bool, i32)>,
    /// Words making a figure over a span a total (累计, 共计).
    pub total_words: Words,
    /// Verbs saying a figure counts what was done in its time (新建, 废止).
    pub flow_words: Words,
    /// What follows a five-year plan's name when it is one (时期, ”).
    pub plan_marks: Words,
    /// Words holding a total word that say nothing of a sum (公共, 共同).
    pub not_totals: Words,
}

impl PeriodWords {
    fn role(&mut self, file: &str, role: &str) -> Option<&mut Words> {
        Some(match (file, role) {
            ("time_words", "target") => &mut self.target,
            ("time_words", "past") => &mut self.past,
            ("time_words", "span") => &mut self.span,
            ("time_words", "span_verb") => &mut self.span_verb,
            ("time_words", "reached") => &mut self.reached,
            ("time_words", "this_year") => &mut self.this_year,
            ("heading_words", "review") => &mut self.heading_review,
            ("heading_words", "plan") => &mut self.heading_plan,
            ("heading_words", "span") => &mut self.heading_span,
            ("heading_words", "last_year") => &mut self.heading_last_year,
            ("heading_words", "next_plan") => &mut self.heading_next_plan,
            ("year_context", "base_before") => &mut self.year_base_before,
            ("year_context", "span_before") => &mut self.year_span_before,
            ("year_context", "span_after") => &mut self.year_span_after,
            _ => return None,
        })
    }
}

/// The word lists of the checks.
#[derive(Debug, Clone, Default)]
pub struct VerifyWords {
    /// Ends of a rate's name (率, 比重).
    pub rate_ends: Words,
    /// Words between a rate's name and its number (达, 为).
    pub rate_links: Words,
    /// Words stating a share (占).
    pub share_markers: Words,
    /// Qualifiers that exclude their bound (超, 逾).
    pub strict_bounds: Words,
    /// Words opening a part of a total (其中).
    pub subset_markers: Words,
    /// Two-character words that name no thing (全市, 同比).
    pub bigram_stop: Words,
    /// The sentence states comparable prices (可比价).
    pub prices_stated: Words,
    /// The clause states real growth (实际).
    pub prices_real: Words,
    /// Indicators that grow at comparable prices by convention (生产总值).
    pub prices_convention: Words,
    /// Words that say when or where, dropped when two figures' names are compared across the report (年末, 全国).
    pub name_trims: Words,
    /// Words stating a contribution to a growth in 百分点 (拉动).
    pub contribution_words: Words,
    /// Rates defined from other figures: name → [`share`|`difference`|`per_head`, first term, second term,
    /// second term of another basis (or empty)].
    pub rate_defs: Valued<Vec<String>>,
    /// Wholes and the parts that make them up: name → [whole, part, part …], each with `|` alternatives.
    pub part_sums: Valued<Vec<String>>,
}

/// The table reader's words (`dicts/table_headers.tsv`): what a header cell, a row label or a title says.
#[derive(Debug, Clone, Default)]
pub struct TableWords {
    /// The header of the row-label column (指标, 产品名称).
    pub label: Words,
    /// The header of a column of units, one per row (计量单位).
    pub unit_column: Words,
    /// A column of levels naming no measure of its own (绝对数, 金额).
    pub level: Words,
    /// A column of changes (比上年增长, 增速).
    pub growth: Words,
    /// A column of shares (占比, 比重).
    pub share: Words,
    /// A column of the year before the table's (上年同期).
    pub previous: Words,
    /// A row label opening so is a part of the row above (其中：, #).
    pub sub_row: Words,
    /// What opens a stated unit (单位：).
    pub unit_lead: Words,
    /// A title ending so names what each row measures (产量).
    pub measure: Words,
    /// A row label ending so names its own measure, which takes no other (牛出栏, 猪年末存栏: not 牛出栏产量).
    pub row_measure: Words,
    /// Words of a title that are no part of the subject's context (情况).
    pub title_drop: Words,
}

/// All word lists, built once and shared by every thread.
#[derive(Debug, Clone)]
pub struct Dicts {
    units_by_first: FxHashMap<char, Vec<(Vec<char>, Unit)>>,
    /// Phrases whose numbers are not figures.
    pub not_figures: Vec<String>,
    /// Extra words for jieba: `word [freq [tag]]` lines.
    pub user_words: String,
    /// The number layer's words.
    pub number: NumberWords,
    /// The subject stage's words.
    pub subject: SubjectWords,
    /// The period stage's words.
    pub period: PeriodWords,
    /// The checks' words.
    pub verify: VerifyWords,
    /// The table reader's words.
    pub table: TableWords,
}

impl Default for Dicts {
    fn default() -> Self {
        Self::builtin()
    }
}

/// One line of a list: the word (without a leading `-`) and its fields.
struct Line<'a> {
    n: usize,
    remove: bool,
    word: &'a str,
    fields: Vec<&'a str>,
}

/// The lines of a list that hold something.
fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        let mut f = line.split('\t');
        let first = f.next().unwrap_or("").trim();
        let (remove, word) = match first.strip_prefix('-') {
            Some(w) if !w.is_empty() => (true, w),
            _ => (false, first),
        };
        Some(Line { n: i + 1, remove, word, fields: f.map(str::trim).collect() })
    })
}

impl Dicts {
    /// No lists at all.
    fn empty() -> Self {
        Dicts {
            units_by_first: Default::default(),
            not_figures: Vec::new(),
            user_words: String::new(),
            number: NumberWords::default(),
            subject: SubjectWords::default(),
            period: PeriodWords::default(),
            verify: VerifyWords::default(),
            table: TableWords::default(),
        }
    }

    /// The lists shipped in `dicts/`.
    pub fn builtin() -> Self {
        let mut d = Self::empty();
        for role in ROLES {
            d.add(role.name, &format!("dicts/{}", role.file), role.builtin).expect("the built-in lists parse");
        }
        d
    }

    /// The table reader's shipped words alone, for a reader that runs before a run's lists are loaded (a PDF's
    /// text layer, whose table rows are found on reading).
    pub(crate) fn builtin_table() -> TableWords {
        let mut d = Self::empty();
        let role = Self::role("table_headers").expect("a table_headers role");
        d.add(role.name, &format!("dicts/{}", role.file), role.builtin).expect("the built-in lists parse");
        d.table
    }

    /// The role of this name.
    pub fn role(name: &str) -> Option<&'static Role> {
        ROLES.iter().find(|r| r.name == name)
    }

    /// Adds the lines of `text` (read from `file`, named in errors) to the list of role `role`.
    pub fn add(&mut self, role: &str, file: &str, text: &str) -> Result<(), DictError> {
        let err = |line: usize, message: String| DictError { file: file.to_string(), line, message };
        let n = &mut self.number;
        let sw = &mut self.subject;
        let pw = &mut self.period;
        let vw = &mut self.verify;
        match role {
            "units" => return self.units_from(text).map_err(|(line, m)| err(line, m)),
            "not_figures" => {
                self.add_not_figures(text);
                return Ok(());
            }
            "user_words" => {
                self.add_user_words(text);
                return Ok(());
            }
            _ => {}
        }
        for l in lines(text) {
            let field = |k: usize| l.fields.get(k).copied().unwrap_or("");
            let words: Option<&mut Words> = match role {
                "not_qualifiers" => Some(&mut n.not_qualifiers),
                "not_changes" => Some(&mut n.not_changes),
                "basis_markers" => Some(&mut n.basis_markers),
                "basis_ends" => Some(&mut n.basis_ends),
                "comparison_openers" => {
                    sw.comparison_openers.apply(l.word, l.remove);
                    Some(&mut n.comparison_openers)
                }
                "not_comparisons" => {
                    sw.not_comparisons.apply(l.word, l.remove);
                    Some(&mut n.not_comparisons)
                }
                "not_numerals" => Some(&mut n.not_numerals),
                "link_words" => Some(&mut n.link_words),
                "level_markers" => Some(&mut n.level_markers),
                "reach_links" => Some(&mut n.reach_links),
                "lower_than" => Some(&mut n.lower_than),
                "index_markers" => Some(&mut n.index_markers),
                "per_units" => Some(&mut n.per_units),
                "person_nouns" => {
                    sw.person_nouns.apply(l.word, l.remove);
                    Some(&mut n.person_nouns)
                }
                "not_tenths" => Some(&mut n.not_tenths),
                "annual_words" => Some(&mut n.annual_words),
                "aspect_particles" => Some(&mut n.aspect_particles),
                "distributive" => {
                    sw.distributive.apply(l.word, l.remove);
                    Some(&mut n.distributive)
                }
                "subject_lead" => Some(&mut sw.lead),
                "subject_trail" => Some(&mut sw.trail),
                "subject_boundary" => Some(&mut sw.boundary),
                "generic_after" => Some(&mut sw.generic_after),
                "price_basis" => Some(&mut sw.price_basis),
                "reach_words" => Some(&mut sw.reach_words),
                "time_tail" => Some(&mut sw.time_tail),
                "span_openers" => Some(&mut sw.span_openers),
                "duration_tails" => Some(&mut sw.duration_tails),
                "possessive" => Some(&mut sw.possessive),
                "list_heads" => Some(&mut sw.list_heads),
                "measure_ends" => Some(&mut sw.measure_ends),
                "list_etc" => Some(&mut sw.list_etc),
                "clause_verbs" => Some(&mut sw.clause_verbs),
                "noun_stops" => Some(&mut sw.noun_stops),
                "person_units" => Some(&mut sw.person_units),
                "rate_tails" => Some(&mut sw.rate_tails),
                "comparison_words" => Some(&mut sw.comparison_words),
                "conversions" => Some(&mut sw.conversions),
                "conversion_bases" => Some(&mut sw.conversion_bases),
                "degree_words" => Some(&mut sw.degree_words),
                "dimension_units" => Some(&mut sw.dimension_units),
                "object_preps" => Some(&mut sw.object_preps),
                "topic_preps" => Some(&mut sw.topic_preps),
                "scope_bounds" => Some(&mut sw.scope_bounds),
                "whole_names" => Some(&mut sw.whole_names),
                "not_members" => Some(&mut sw.not_members),
                "held_measures" => Some(&mut sw.held_measures),
                "whole_scopes" => Some(&mut sw.whole_scopes),
                "rate_attributes" => Some(&mut sw.rate_attributes),
                "phase_verbs" => Some(&mut sw.phase_verbs),
                "have_words" => Some(&mut sw.have_words),
                "yield_verbs" => Some(&mut sw.yield_verbs),
                "generic_possessed" => Some(&mut sw.generic_possessed),
                "allot_verbs" => Some(&mut sw.allot_verbs),
                "institution_units" => Some(&mut sw.institution_units),
                "count_acts" => Some(&mut sw.count_acts),
                "outlays" => Some(&mut sw.outlays),
                "work_states" => Some(&mut sw.work_states),
                "light_verbs" => Some(&mut sw.light_verbs),
                "not_acts" => Some(&mut sw.not_acts),
                "modal_words" => Some(&mut sw.modal_words),
                "share_nouns" => Some(&mut sw.share_nouns),
                "per_heads" => Some(&mut sw.per_heads),
                "rate_ends" => {
                    sw.rate_ends.apply(l.word, l.remove);
                    Some(&mut vw.rate_ends)
                }
                "rate_links" => Some(&mut vw.rate_links),
                "share_markers" => {
                    sw.share_markers.apply(l.word, l.remove);
                    Some(&mut vw.share_markers)
                }
                "strict_bounds" => Some(&mut vw.strict_bounds),
                "subset_markers" => Some(&mut vw.subset_markers),
                "bigram_stop" => Some(&mut vw.bigram_stop),
                "name_trims" => Some(&mut vw.name_trims),
                "contribution_words" => Some(&mut vw.contribution_words),
                _ => None,
            };
            if let Some(w) = words {
                w.apply(l.word, l.remove);
                continue;
            }
            match role {
                "indicators" => {
                    // NAME, NATIONAL NAME (`-` for the same), ALIAS…: every wording is a known name.
                    for w in
                        std::iter::once(l.word).chain(l.fields.iter().copied()).filter(|w| !w.is_empty() && *w != "-")
                    {
                        sw.known_names.apply(w, l.remove);
                    }
                }
                "verb_rate" => {
                    sw.verb_rate = if l.remove { String::new() } else { l.word.to_string() };
                }
                "rate_defs" => {
                    if l.remove {
                        vw.rate_defs.remove(l.word);
                        continue;
                    }
                    if !matches!(field(0), "share" | "difference" | "per_head")
                        || field(1).is_empty()
                        || field(2).is_empty()
                    {
                        return Err(err(
                            l.n,
                            format!(
                                "{:?}: expected share|difference|per_head<TAB>A<TAB>B[<TAB>B of another basis]",
                                field(0)
                            ),
                        ));
                    }
                    vw.rate_defs
                        .insert(l.word, vec![field(0).into(), field(1).into(), field(2).into(), field(3).into()]);
                }
                "part_sums" => {
                    if l.remove {
                        vw.part_sums.remove(l.word);
                        continue;
                    }
                    if l.fields.len() < 3 || l.fields.iter().any(|f| f.is_empty()) {
                        return Err(err(l.n, "expected WHOLE<TAB>PART<TAB>PART[<TAB>PART…]".to_string()));
                    }
                    vw.part_sums.insert(l.word, l.fields.iter().map(|f| f.to_string()).collect());
                }
                "unit_measures" => {
                    if l.remove {
                        sw.unit_measures.remove(l.word);
                        continue;
                    }
                    if field(0).is_empty() {
                        return Err(err(l.n, format!("{:?}: expected UNIT<TAB>MEASURE", l.word)));
                    }
                    sw.unit_measures.insert(l.word, field(0).to_string());
                }
                "list_pairs" => {
                    if l.remove {
                        sw.list_pairs.remove(l.word);
                        continue;
                    }
                    let members: Vec<String> =
                        field(0).split(',').map(str::trim).filter(|m| !m.is_empty()).map(String::from).collect();
                    if members.len() < 2 {
                        return Err(err(l.n, format!("{:?}: expected two or more members, comma separated", field(0))));
                    }
                    sw.list_pairs.insert(l.word, members);
                }
                "table_headers" => {
                    let tw = &mut self.table;
                    let list = match field(0) {
                        "label" => &mut tw.label,
                        "unit_column" => &mut tw.unit_column,
                        "level" => &mut tw.level,
                        "growth" => &mut tw.growth,
                        "share" => &mut tw.share,
                        "previous" => &mut tw.previous,
                        "sub_row" => &mut tw.sub_row,
                        "unit_lead" => &mut tw.unit_lead,
                        "measure" => &mut tw.measure,
                        "row_measure" => &mut tw.row_measure,
                        "title_drop" => &mut tw.title_drop,
                        r => {
                            return Err(err(
                                l.n,
                                format!(
                                    "unknown role {r:?} in table_headers (label, unit_column, level, growth, share, \
                                     previous, sub_row, unit_lead, measure, row_measure, title_drop)"
                                ),
                            ));
                        }
                    };
                    list.apply(l.word, l.remove);
                }
                "prices" => {
                    let list = match field(0) {
                        "stated" => &mut vw.prices_stated,
                        "real" => &mut vw.prices_real,
                        "convention" => &mut vw.prices_convention,
                        r => return Err(err(l.n, format!("unknown role {r:?} in prices (stated, real, convention)"))),
                    };
                    list.apply(l.word, l.remove);
                }
                "total_words" | "flow_words" | "plan_marks" | "not_totals" => {
                    let list = match role {
                        "total_words" => &mut pw.total_words,
                        "flow_words" => &mut pw.flow_words,
                        "not_totals" => &mut pw.not_totals,
                        _ => &mut pw.plan_marks,
                    };
                    list.apply(l.word, l.remove);
                }
                "plan_periods" => {
                    if l.remove {
                        pw.plan_periods.remove(l.word);
                        continue;
                    }
                    let (a, b) = (field(0).parse::<i32>(), field(1).parse::<i32>());
                    let (Ok(a), Ok(b)) = (a, b) else {
                        return Err(err(l.n, format!("years {:?} {:?}: expected FIRST<TAB>LAST", field(0), field(1))));
                    };
                    pw.plan_periods.insert(l.word, (a, b));
                }
                "span_words" => {
                    if l.remove {
                        pw.span_words.remove(l.word);
                        continue;
                    }
                    let past = match field(0) {
                        "past" => true,
                        "future" => false,
                        d => return Err(err(l.n, format!("direction {d:?}: expected past or future"))),
                    };
                    let n = field(1).parse::<i32>().map_err(|_| err(l.n, format!("years {:?}: a number", field(1))))?;
                    pw.span_words.insert(l.word, (past, n));
                }
                "time_words" | "heading_words" | "year_context" => {
                    let Some(list) = pw.role(role, field(0)) else {
                        return Err(err(l.n, format!("unknown role {:?} in {role}", field(0))));
                    };
                    list.apply(l.word, l.remove);
                }
                "qualifiers" => {
                    if l.remove {
                        n.qualifiers.remove(l.word);
                        continue;
                    }
                    let qualifier = parse_qualifier(field(1)).ok_or_else(|| {
                        err(l.n, format!("unknown qualifier {:?} (approx, at_least, at_most)", field(1)))
                    })?;
                    let at = match (field(0), field(2)) {
                        ("before", "") => QualifierAt::Before,
                        ("after", "") => QualifierAt::After { alone: false },
                        ("after", "alone") => QualifierAt::After { alone: true },
                        (p, flag) => {
                            return Err(err(
                                l.n,
                                format!("position {p:?} {flag:?}: expected before, after, or after<TAB>…<TAB>alone"),
                            ));
                        }
                    };
                    n.qualifiers.insert(l.word, QualifierWord { at, qualifier });
                }
                "change_verbs" | "rate_nouns" => {
                    let list = if role == "change_verbs" { &mut n.change_verbs } else { &mut n.rate_nouns };
                    if role == "change_verbs" {
                        sw.change_verbs.apply(l.word, l.remove);
                    }
                    if l.remove {
                        list.remove(l.word);
                        continue;
                    }
                    let sign = match field(0) {
                        "+" => 1,
                        "-" => -1,
                        s => return Err(err(l.n, format!("sign {s:?}: expected + or -"))),
                    };
                    list.insert(l.word, sign);
                }
                "list_joiners" => {
                    if l.remove {
                        n.list_joiners.remove(l.word);
                        continue;
                    }
                    let j = match field(0) {
                        "strong" => Joiner::Strong,
                        "weak" => Joiner::Weak,
                        s => return Err(err(l.n, format!("strength {s:?}: expected strong or weak"))),
                    };
                    n.list_joiners.insert(l.word, j);
                }
                _ => {
                    let names: Vec<&str> = ROLES.iter().map(|r| r.name).collect();
                    return Err(err(0, format!("unknown word list {role:?}; the lists are {}", names.join(", "))));
                }
            }
        }
        Ok(())
    }

    /// [`Dicts::add`] from a reader.
    pub fn add_reader(&mut self, role: &str, file: &str, reader: impl BufRead) -> Result<(), DictError> {
        let mut text = String::new();
        for (i, line) in reader.lines().enumerate() {
            let line = line.map_err(|e| DictError { file: file.to_string(), line: i + 1, message: e.to_string() })?;
            text.push_str(&line);
            text.push('\n');
        }
        self.add(role, file, &text)
    }

    /// Adds units from text in the `dicts/units.txt` format. A bare word on a line is a count unit.
    pub fn add_units(&mut self, text: &str) -> Result<(), String> {
        self.units_from(text).map_err(|(line, m)| format!("line {line}: {m}"))
    }

    fn units_from(&mut self, text: &str) -> Result<(), (usize, String)> {
        for l in lines(text) {
            if l.remove {
                let chars: Vec<char> = l.word.chars().collect();
                if let Some(list) = chars.first().and_then(|c| self.units_by_first.get_mut(c)) {
                    list.retain(|(s, _)| *s != chars);
                }
                continue;
            }
            let class = match l.fields.first().filter(|s| !s.is_empty()) {
                None => UnitClass::Count,
                Some(c) => UnitClass::parse(c).ok_or_else(|| (l.n, format!("unknown unit class {c:?}")))?,
            };
            let canonical = l.fields.get(1).copied().filter(|s| !s.is_empty()).unwrap_or(l.word);
            let mut digits_only = false;
            let mut time = TimeRole::Duration;
            for flag in l.fields.get(2).copied().unwrap_or("").split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match flag {
                    "digits" => digits_only = true,
                    "year" => time = TimeRole::Year,
                    "date" => time = TimeRole::Date,
                    "age" => time = TimeRole::Age,
                    f => return Err((l.n, format!("unknown unit flag {f:?} (digits, year, date, age)"))),
                }
            }
            self.add_unit_with(l.word, canonical, class, digits_only, time);
        }
        Ok(())
    }

    /// Adds one unit.
    pub fn add_unit(&mut self, surface: &str, canonical: &str, class: UnitClass, digits_only: bool) {
        self.add_unit_with(surface, canonical, class, digits_only, TimeRole::Duration);
    }

    fn add_unit_with(&mut self, surface: &str, canonical: &str, class: UnitClass, digits_only: bool, time: TimeRole) {
        if surface.is_empty() {
            return;
        }
        self.subject.year_units.retain(|y| y != surface);
        if time == TimeRole::Year {
            self.subject.year_units.push(surface.to_string());
        }
        let unit = Unit { canonical: canonical.to_string(), class, digits_only, time };
        let chars: Vec<char> = surface.chars().collect();
        let list = self.units_by_first.entry(chars[0]).or_default();
        list.retain(|(s, _)| *s != chars);
        list.push((chars, unit));
        list.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    }

    /// Adds non-figure phrases, one per line (`-PHRASE` removes one).
    pub fn add_not_figures(&mut self, text: &str) {
        for l in lines(text) {
            if l.remove {
                self.not_figures.retain(|w| w != l.word);
            } else {
                self.not_figures.push(l.word.to_string());
            }
        }
        // Longest first, so a longer phrase masks before a shorter one inside it.
        self.not_figures.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        self.not_figures.dedup();
    }

    /// Adds jieba user words (`word [freq [tag]]` per line).
    pub fn add_user_words(&mut self, text: &str) {
        if !self.user_words.is_empty() {
            self.user_words.push('\n');
        }
        self.user_words.push_str(text);
        // jieba keeps the tag of a word it knows: the tag a user word states is applied over it
        // (`SubjectWords::user_tags`).
        for (word, _, tag) in user_word_entries(text) {
            if let Some(tag) = tag {
                self.subject.user_tags.insert(word.to_string(), tag.to_string());
            }
        }
    }

    /// The canonical names of the units of a class (元, 美元 … for money).
    pub fn unit_names(&self, class: UnitClass) -> Vec<String> {
        let mut v: Vec<String> = self
            .units_by_first
            .values()
            .flatten()
            .filter(|(_, u)| u.class == class)
            .map(|(_, u)| u.canonical.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The surfaces of the units of a class as written (倍 for multiples).
    pub fn unit_surfaces(&self, class: UnitClass) -> Vec<String> {
        let mut v: Vec<String> = self
            .units_by_first
            .values()
            .flatten()
            .filter(|(_, u)| u.class == class)
            .map(|(s, _)| s.iter().collect())
            .collect();
        v.sort();
        v.dedup();
        v
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

fn parse_qualifier(s: &str) -> Option<Qualifier> {
    Some(match s {
        "approx" => Qualifier::Approx,
        "at_least" => Qualifier::AtLeast,
        "at_most" => Qualifier::AtMost,
        _ => return None,
    })
}

/// The entries of jieba user words (`word [freq [tag]]` per line; `#` opens a comment line): word, frequency and tag.
pub fn user_word_entries(text: &str) -> impl Iterator<Item = (&str, Option<usize>, Option<&str>)> {
    text.lines().filter_map(|line| {
        let mut f = line.split_whitespace();
        let word = f.next().filter(|w| !w.starts_with('#'))?;
        Some((word, f.next().and_then(|s| s.parse().ok()), f.next()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_list_loads() {
        let d = Dicts::builtin();
        assert!(d.number.change_verbs.get("下降") == Some(&-1));
        assert!(d.unit_at(&['个', '百', '分', '点'], 0).is_some());
    }

    #[test]
    fn a_bad_line_names_its_file_and_line() {
        let mut d = Dicts::builtin();
        let e = d.add("change_verbs", "mine.tsv", "# comment\n激增\t+\n暴跌\tdown\n").unwrap_err();
        assert_eq!(e.to_string(), "mine.tsv:3: sign \"down\": expected + or -");
        let e = d.add("units", "u.txt", "宗\tcount\n套\tbox\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("u.txt", 2));
        let e = d.add("no_such", "x.txt", "a\n").unwrap_err();
        assert!(e.to_string().starts_with("x.txt: unknown word list \"no_such\""), "{e}");
    }

    #[test]
    fn a_minus_line_removes_a_word() {
        let mut d = Dicts::builtin();
        assert!(d.number.link_words.has("达"));
        d.add("link_words", "mine.txt", "-达\n").unwrap();
        assert!(!d.number.link_words.has("达"));
        d.add("change_verbs", "mine.tsv", "激增\t+\n").unwrap();
        assert_eq!(d.number.change_verbs.get("激增"), Some(&1));
    }
}
