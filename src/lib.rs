//! zhibiao (指标): turns Chinese government reports into tables of indicators.
//!
//! An [`Analyzer`] is built once (it loads the word lists and jieba's dictionary) and shared by all
//! threads; [`Analyzer::analyze`] turns one decoded [`Document`] into a [`DocReport`]: every figure with its
//! subject, section, sentence, the year it is about, how it relates to the other figures ([`link`]), and
//! whether a stated percentage agrees with the figures it comes from ([`verify`]).
//!
//! ```
//! use zhibiao::{Analyzer, Dicts, Document, Kind, Options, verify::Verdict};
//!
//! let analyzer = Analyzer::new(Dicts::builtin(), Options::default());
//! let doc = Document { name: "r.txt".into(), text: "全年立刑事案件428起,同比减少153起,下降26.33%。".into(), ..Default::default() };
//! let report = analyzer.analyze(&doc);
//! let change = &report.indicators[2];
//! assert_eq!(change.subject, "刑事案件");
//! assert_eq!((change.figure.kind, change.figure.value.to_string().as_str()), (Kind::ChangePct, "-26.33"));
//! assert_eq!(change.check, Some(Verdict::Consistent));
//! ```

#![deny(missing_docs)]

pub mod dicts;
pub mod document;
pub mod figure;
pub mod input;
pub mod link;
pub mod number;
pub mod relate;
pub mod table;
pub mod text;

pub use document::Document;
pub use figure::{Figure, Kind, Qualifier};
pub mod analyzer;
pub mod compare;
pub mod meta;
pub mod output;
pub mod period;
pub mod subject;
pub mod verify;

pub use analyzer::{Analyzer, DocReport, Indicator, Options};
pub use dicts::Dicts;
pub mod view;
