//! Readers: bytes in whatever form users have them → [`Article`]s.
//!
//! Formats: plain text (one article per file), HTML pages, JSON Lines records
//! (`id url outlet date title author text|html`), TREC-style XML (`<DOC>…</DOC>`), each
//! optionally gzip-compressed. The format is told by content, not trusted from the file name.
//! Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, and Windows-1256, detected.
//!
//! Bad input is normal input: every failure is a [`ReadError`] naming the file, the record
//! and the reason, handed to the caller's sink, and reading goes on with the next record
//! where that makes sense.

mod decode;
mod jsonl;
mod trec;
mod tsv;
mod warc;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

pub use decode::{decode, Decoded};
pub use trec::unescape;

/// What an article's body is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Text(String),
    Html(String),
}

/// One article as read, before any cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub body: Body,
    pub file: String,
    /// 1-based record number inside the file, for multi-record formats.
    pub record: Option<u64>,
    /// Set when the input was not UTF-8.
    pub encoding: Option<String>,
}

impl Article {
    pub fn text(file: &str, text: String) -> Self {
        Article {
            id: None,
            url: None,
            outlet: None,
            date: None,
            title: None,
            author: None,
            body: Body::Text(text),
            file: file.to_string(),
            record: None,
            encoding: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: empty input")]
    Empty { file: String },
    #[error("{file}{}: {reason}", record_suffix(*.record))]
    Bad {
        file: String,
        record: Option<u64>,
        reason: String,
    },
    #[error("{file}: gzip stream is corrupt or truncated after {records} record(s): {reason}")]
    Gzip {
        file: String,
        records: u64,
        reason: String,
    },
    #[error("{file}{}: article is {size} bytes, over the {limit}-byte limit (raise it with --max-bytes)", record_suffix(*.record))]
    TooLarge {
        file: String,
        record: Option<u64>,
        size: usize,
        limit: usize,
    },
    /// Not a failure: records of a kind rasd does not analyse, counted so that nothing goes
    /// unaccounted.
    #[error("{file}: skipped {count} {what}")]
    Skipped {
        file: String,
        count: u64,
        what: String,
    },
}

impl Article {
    /// Where the article came from, as error messages name it: the file, and the record
    /// inside it for multi-record formats.
    pub fn origin(&self) -> String {
        format!("{}{}", self.file, record_suffix(self.record))
    }
}

fn record_suffix(r: Option<u64>) -> String {
    r.map(|r| format!(", record {r}")).unwrap_or_default()
}

impl ReadError {
    pub fn file(&self) -> &str {
        match self {
            ReadError::Io { file, .. }
            | ReadError::Empty { file }
            | ReadError::Bad { file, .. }
            | ReadError::Gzip { file, .. }
            | ReadError::TooLarge { file, .. }
            | ReadError::Skipped { file, .. } => file,
        }
    }

    /// True for a report that is not a failure ([`ReadError::Skipped`]).
    pub fn is_note(&self) -> bool {
        matches!(self, ReadError::Skipped { .. })
    }
}

/// Reading limits and choices.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Largest article body accepted, in bytes; a larger one is an error, not a hang.
    pub max_article_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_article_bytes: 8 << 20,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jsonl,
    Trec,
    Html,
    Text,
    /// `id<TAB>title<TAB>text` per line (a retrieval collection); chosen by the `.tsv` name.
    Tsv,
    /// Web archive records.
    Warc,
}

/// A `.tsv` file is a collection of `id title text` lines (its content alone cannot tell it
/// from text with tabs); everything else is recognised by content.
fn format_of(name: &str, head: &[u8]) -> Format {
    if name.ends_with(".tsv") || name.ends_with(".tsv.gz") {
        Format::Tsv
    } else {
        sniff(head)
    }
}

fn sniff(head: &[u8]) -> Format {
    let s = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let t = s.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') {
        return Format::Jsonl;
    }
    if t.starts_with("WARC/") {
        return Format::Warc;
    }
    if t.starts_with("<DOC>") || t.starts_with("<DOC ") {
        return Format::Trec;
    }
    let lower = t.get(..t.len().min(512)).unwrap_or(t).to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.contains("<head")
        || lower.contains("<body")
    {
        return Format::Html;
    }
    Format::Text
}

/// A reader that adds the bytes it reads to a shared counter: progress through a file,
/// compressed or not, for rates and ETAs.
struct Counting<R> {
    inner: R,
    count: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// [`read_path`], adding the bytes read from the file to `count` as it goes.
pub fn read_path_counted(
    path: &str,
    opts: &ReadOptions,
    count: std::sync::Arc<std::sync::atomic::AtomicU64>,
    sink: &mut dyn FnMut(Result<Article, ReadError>),
) -> u64 {
    if path == "-" {
        return read_path(path, opts, sink);
    }
    match std::fs::File::open(Path::new(path)) {
        Ok(f) => read_stream(path, Box::new(Counting { inner: f, count }), opts, sink),
        Err(source) => {
            sink(Err(ReadError::Io {
                file: path.to_string(),
                source,
            }));
            1
        }
    }
}

/// Reads one input (a file path, or `-` for standard input) and hands each article, or each
/// error, to `sink`. Returns the number of items handed over.
pub fn read_path(
    path: &str,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, ReadError>),
) -> u64 {
    let io = |source| ReadError::Io {
        file: path.to_string(),
        source,
    };
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(Path::new(path)) {
            Ok(f) => Box::new(f),
            Err(e) => {
                sink(Err(io(e)));
                return 1;
            }
        }
    };
    read_stream(path, reader, opts, sink)
}

/// Reads one stream; see [`read_path`].
pub fn read_stream(
    name: &str,
    reader: Box<dyn Read + '_>,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, ReadError>),
) -> u64 {
    let mut buf = BufReader::with_capacity(1 << 16, reader);
    let head = match buf.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => {
            sink(Err(ReadError::Io {
                file: name.to_string(),
                source: e,
            }));
            return 1;
        }
    };
    if head.is_empty() {
        sink(Err(ReadError::Empty {
            file: name.to_string(),
        }));
        return 1;
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        let gz = flate2::bufread::MultiGzDecoder::new(buf);
        let mut inner = BufReader::with_capacity(1 << 16, gz);
        let head = match inner.fill_buf() {
            Ok(h) => h.to_vec(),
            Err(e) => {
                sink(Err(ReadError::Gzip {
                    file: name.to_string(),
                    records: 0,
                    reason: e.to_string(),
                }));
                return 1;
            }
        };
        if head.is_empty() {
            sink(Err(ReadError::Empty {
                file: name.to_string(),
            }));
            return 1;
        }
        return read_format(name, format_of(name, &head), &mut inner, true, opts, sink);
    }
    read_format(name, format_of(name, &head), &mut buf, false, opts, sink)
}

fn read_format(
    name: &str,
    format: Format,
    r: &mut dyn BufRead,
    gz: bool,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, ReadError>),
) -> u64 {
    match format {
        Format::Jsonl => jsonl::read(name, r, gz, opts, sink),
        Format::Tsv => tsv::read(name, r, gz, opts, sink),
        Format::Warc => warc::read(name, r, gz, opts, sink),
        Format::Trec | Format::Html | Format::Text => {
            let mut bytes = Vec::new();
            // Whole-file formats: read at most one byte past the limit so that a huge file
            // is refused without being held in memory.
            let limit = match format {
                Format::Trec => u64::MAX,
                _ => opts.max_article_bytes as u64 + 1,
            };
            if let Err(e) = r.take(limit).read_to_end(&mut bytes) {
                let err = if gz {
                    ReadError::Gzip {
                        file: name.to_string(),
                        records: 0,
                        reason: e.to_string(),
                    }
                } else {
                    ReadError::Io {
                        file: name.to_string(),
                        source: e,
                    }
                };
                sink(Err(err));
                return 1;
            }
            if format != Format::Trec && bytes.len() > opts.max_article_bytes {
                let mut size = bytes.len();
                let mut rest = [0u8; 1 << 16];
                while let Ok(n) = r.read(&mut rest) {
                    if n == 0 {
                        break;
                    }
                    size += n;
                }
                sink(Err(ReadError::TooLarge {
                    file: name.to_string(),
                    record: None,
                    size,
                    limit: opts.max_article_bytes,
                }));
                return 1;
            }
            let decoded = match decode(&bytes) {
                Ok(d) => d,
                Err(reason) => {
                    sink(Err(ReadError::Bad {
                        file: name.to_string(),
                        record: None,
                        reason,
                    }));
                    return 1;
                }
            };
            if decoded.text.trim().is_empty() {
                sink(Err(ReadError::Empty {
                    file: name.to_string(),
                }));
                return 1;
            }
            match format {
                Format::Trec => trec::read(name, &decoded, opts, sink),
                Format::Html => {
                    let mut a = Article::text(name, String::new());
                    a.body = Body::Html(decoded.text);
                    a.encoding = decoded.encoding;
                    sink(Ok(a));
                    1
                }
                _ => {
                    let mut a = Article::text(name, decoded.text);
                    a.encoding = decoded.encoding;
                    sink(Ok(a));
                    1
                }
            }
        }
    }
}

/// A read that failed part-way: in a gzip stream that is a truncated or corrupt archive (with
/// the records read before it), otherwise an I/O error.
pub(crate) fn stream_error(name: &str, gz: bool, records: u64, e: std::io::Error) -> ReadError {
    if gz {
        ReadError::Gzip {
            file: name.to_string(),
            records,
            reason: e.to_string(),
        }
    } else {
        ReadError::Io {
            file: name.to_string(),
            source: e,
        }
    }
}

/// The loop shared by the one-record-per-line formats: reads lines (reporting a broken gzip
/// stream with the records read so far), skips blank ones, refuses oversized ones, decodes
/// each, and hands `parse` the text and record number. `parse` returns the article or the
/// reason the line is bad. Returns the number of items handed to `sink`.
pub(crate) fn for_each_record(
    name: &str,
    r: &mut dyn BufRead,
    gz: bool,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, ReadError>),
    mut parse: impl FnMut(&str, u64) -> Result<Article, String>,
) -> u64 {
    let mut line = Vec::new();
    let (mut n, mut items) = (0u64, 0u64);
    loop {
        line.clear();
        match r.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                sink(Err(stream_error(name, gz, n, e)));
                return items + 1;
            }
        }
        n += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        items += 1;
        if line.len() > opts.max_article_bytes {
            sink(Err(ReadError::TooLarge {
                file: name.to_string(),
                record: Some(n),
                size: line.len(),
                limit: opts.max_article_bytes,
            }));
            continue;
        }
        let bad = |reason: String| ReadError::Bad {
            file: name.to_string(),
            record: Some(n),
            reason,
        };
        let result = match decode(&line) {
            Ok(d) => parse(d.text.trim_end_matches(['\n', '\r']), n).map(|mut a| {
                a.encoding = d.encoding;
                a
            }),
            Err(reason) => Err(reason),
        };
        sink(result.map_err(bad));
    }
    items
}

#[cfg(test)]
mod tests;
