//! zhibiao (指标): turns Chinese government reports into tables of indicators.

pub mod document;
pub mod figure;
pub mod input;
pub mod meta;
pub mod text;

pub use document::Document;
pub use figure::{Figure, Kind, Qualifier};
