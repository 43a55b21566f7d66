//! Bytes to [`Document`](crate::Document): encodings and file formats. The only layer that opens files.
