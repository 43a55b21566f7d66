//! zhibiao (指标): turns Chinese government reports into tables of indicators.

pub mod dicts;
pub mod document;
pub mod figure;
pub mod input;
pub mod number;
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
