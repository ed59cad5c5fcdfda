//! The corpus: analysed records on disk, de-duplicated by content, and a search index.
//!
//! Layout of a corpus folder:
//! - `segments/NNNNNN.jsonl` — committed records, one `{"key", "record"}` per line. A segment
//!   is written to a temporary name, synced and renamed: a killed ingest leaves either the whole
//!   segment or none of it, and a re-run skips every key already committed, so nothing is lost
//!   and nothing doubled.
//! - `duplicates.jsonl` — further sources of bodies already stored (exact duplicates).
//! - `quarantine.jsonl` — inputs that failed, with the reason.
//! - `index.bin` — the search index, rebuilt from the segments and swapped in atomically.

pub mod dedup;
pub mod index;
pub mod query;
pub mod rank;

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use rasd_doc::Record;
use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// `line` is 0 for a file that has no lines to count (the index, a model), and is
    /// then not shown.
    #[error("{path}{}: {reason}", at_line(*.line))]
    Corrupt {
        path: String,
        line: usize,
        reason: String,
    },
}

fn at_line(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(", line {line}")
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// A stored line.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stored {
    pub key: String,
    pub record: Record,
}

/// Where another copy of a stored body came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub key: String,
    pub id: String,
    pub file: String,
    pub record: Option<u64>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quarantined {
    pub file: String,
    pub reason: String,
}

/// The content key of an article: a 128-bit hash of its folded body, so that the same text
/// with other diacritics, spacing or alef forms is the same article.
pub fn content_key(text: &str) -> String {
    let folded = rasd_text::fold_phrase(text);
    let mut a: u64 = 0xcbf29ce484222325;
    let mut b: u64 = 0x84222325cbf29ce4;
    for byte in folded.bytes() {
        a ^= byte as u64;
        a = a.wrapping_mul(0x100000001b3);
        b = (b ^ byte as u64)
            .wrapping_mul(0x00000100000001b3)
            .rotate_left(5);
    }
    format!("{a:016x}{b:016x}")
}

pub struct Corpus {
    pub dir: PathBuf,
    keys: HashSet<String>,
    /// Inputs already taken in (`file#record`), stored or recorded as duplicates, so that
    /// ingesting the same files again adds nothing.
    seen: HashSet<String>,
    next_segment: u32,
}

/// How an input item is named among the sources.
pub fn source_name(file: &str, record: Option<u64>) -> String {
    format!("{file}#{}", record.unwrap_or(0))
}

impl Corpus {
    /// Opens (creating if needed) a corpus folder and reads the keys it holds.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let seg = dir.join("segments");
        fs::create_dir_all(&seg).map_err(io(&seg))?;
        let mut keys = HashSet::new();
        let mut seen = HashSet::new();
        let mut next = 1;
        for (n, path) in segments(dir)? {
            next = next.max(n + 1);
            for_each_line(&path, |line, _, _| {
                let k = serde_json::from_str::<KeyOnly>(line).map_err(|e| e.to_string())?;
                keys.insert(k.key);
                seen.insert(source_name(&k.record.origin.file, k.record.origin.record));
                Ok(())
            })?;
        }
        // A segment left half-written by a killed run has a temporary name: drop it.
        for entry in fs::read_dir(&seg).map_err(io(&seg))?.flatten() {
            if entry.file_name().to_string_lossy().ends_with(".tmp") {
                let _ = fs::remove_file(entry.path());
            }
        }
        let mut c = Corpus {
            dir: dir.to_path_buf(),
            keys,
            seen,
            next_segment: next,
        };
        for d in c.read_side::<Source>("duplicates.jsonl")? {
            c.seen.insert(source_name(&d.file, d.record));
        }
        Ok(c)
    }

    /// Was this input item already taken in by an earlier ingest?
    pub fn has_seen(&self, file: &str, record: Option<u64>) -> bool {
        self.seen.contains(&source_name(file, record))
    }

    pub fn contains(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Commits records as one new segment: written to a temporary file, synced, renamed.
    pub fn commit(&mut self, records: &[Stored]) -> Result<(), StoreError> {
        if records.is_empty() {
            return Ok(());
        }
        let seg = self.dir.join("segments");
        let name = format!("{:06}.jsonl", self.next_segment);
        let tmp = seg.join(format!("{name}.tmp"));
        let fin = seg.join(&name);
        {
            let f = File::create(&tmp).map_err(io(&tmp))?;
            let mut w = BufWriter::new(f);
            write_lines(&mut w, &tmp, records)?;
            let f = w.into_inner().map_err(|e| StoreError::Io {
                path: tmp.display().to_string(),
                source: e.into_error(),
            })?;
            f.sync_all().map_err(io(&tmp))?;
        }
        fs::rename(&tmp, &fin).map_err(io(&fin))?;
        if let Ok(d) = File::open(&seg) {
            let _ = d.sync_all();
        }
        self.next_segment += 1;
        self.keys.extend(records.iter().map(|r| r.key.clone()));
        self.seen.extend(
            records
                .iter()
                .map(|r| source_name(&r.record.origin.file, r.record.origin.record)),
        );
        Ok(())
    }

    /// Appends lines to a side file (duplicates, quarantine) and syncs it.
    fn append<T: Serialize>(&self, file: &str, items: &[T]) -> Result<(), StoreError> {
        if items.is_empty() {
            return Ok(());
        }
        let path = self.dir.join(file);
        let f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(io(&path))?;
        let mut w = BufWriter::new(f);
        write_lines(&mut w, &path, items)?;
        w.flush().map_err(io(&path))?;
        Ok(())
    }

    pub fn add_duplicates(&mut self, d: &[Source]) -> Result<(), StoreError> {
        self.append("duplicates.jsonl", d)?;
        self.seen
            .extend(d.iter().map(|s| source_name(&s.file, s.record)));
        Ok(())
    }

    pub fn add_quarantine(&self, q: &[Quarantined]) -> Result<(), StoreError> {
        self.append("quarantine.jsonl", q)
    }

    /// Side-file entries, each once (a re-run after a crash may have written some twice), and
    /// a torn last line ignored.
    pub fn read_side<T: for<'de> Deserialize<'de> + PartialEq>(
        &self,
        file: &str,
    ) -> Result<Vec<T>, StoreError> {
        let path = self.dir.join(file);
        let mut out: Vec<T> = Vec::new();
        if !path.exists() {
            return Ok(out);
        }
        let text = fs::read_to_string(&path).map_err(io(&path))?;
        for line in text.lines() {
            if let Ok(v) = serde_json::from_str::<T>(line) {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
        Ok(out)
    }

    /// Every stored record, in commit order.
    pub fn for_each(&self, mut f: impl FnMut(Stored, DocRef)) -> Result<(), StoreError> {
        for (n, path) in segments(&self.dir)? {
            for_each_line(&path, |line, offset, len| {
                let s: Stored = serde_json::from_str(line).map_err(|e| e.to_string())?;
                f(
                    s,
                    DocRef {
                        segment: n,
                        offset,
                        len: len as u32,
                    },
                );
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Reads one stored record back.
    pub fn get(&self, r: DocRef) -> Result<Stored, StoreError> {
        self.read_line(r)
    }

    /// Reads the title and text of one stored record, skipping its annotations (the
    /// second-stage ranker reads dozens of documents per query).
    pub fn get_text(&self, r: DocRef) -> Result<(String, String), StoreError> {
        #[derive(Deserialize)]
        struct Line {
            record: TextOnly,
        }
        #[derive(Deserialize)]
        struct TextOnly {
            #[serde(default)]
            title: Option<String>,
            text: String,
        }
        let l: Line = self.read_line(r)?;
        Ok((l.record.title.unwrap_or_default(), l.record.text))
    }

    fn read_line<T: for<'de> Deserialize<'de>>(&self, r: DocRef) -> Result<T, StoreError> {
        use std::io::{Read, Seek, SeekFrom};
        let path = self
            .dir
            .join("segments")
            .join(format!("{:06}.jsonl", r.segment));
        let mut f = File::open(&path).map_err(io(&path))?;
        f.seek(SeekFrom::Start(r.offset)).map_err(io(&path))?;
        let mut buf = vec![0u8; r.len as usize];
        f.read_exact(&mut buf).map_err(io(&path))?;
        serde_json::from_slice(&buf).map_err(|e| StoreError::Corrupt {
            path: path.display().to_string(),
            line: 0,
            reason: e.to_string(),
        })
    }
}

/// Writes `items` as JSON lines to `w`, errors naming `path`.
fn write_lines<T: Serialize>(
    w: &mut impl Write,
    path: &Path,
    items: &[T],
) -> Result<(), StoreError> {
    for it in items {
        serde_json::to_writer(&mut *w, it).map_err(|e| StoreError::Io {
            path: path.display().to_string(),
            source: e.into(),
        })?;
        w.write_all(b"\n").map_err(io(path))?;
    }
    Ok(())
}

/// Where a record lives: segment number, byte offset and length of its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocRef {
    pub segment: u32,
    pub offset: u64,
    pub len: u32,
}

#[derive(Deserialize)]
struct KeyOnly {
    key: String,
    record: OriginOnly,
}

#[derive(Deserialize)]
struct OriginOnly {
    origin: rasd_doc::Origin,
}

fn segments(dir: &Path) -> Result<Vec<(u32, PathBuf)>, StoreError> {
    let seg = dir.join("segments");
    let mut out = Vec::new();
    for entry in fs::read_dir(&seg).map_err(io(&seg))?.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(n) = name
            .strip_suffix(".jsonl")
            .and_then(|s| s.parse::<u32>().ok())
        {
            out.push((n, entry.path()));
        }
    }
    out.sort();
    Ok(out)
}

fn for_each_line(
    path: &Path,
    mut f: impl FnMut(&str, u64, usize) -> Result<(), String>,
) -> Result<(), StoreError> {
    let file = File::open(path).map_err(io(path))?;
    let mut r = BufReader::new(file);
    let mut line = String::new();
    let (mut offset, mut n) = (0u64, 0usize);
    loop {
        line.clear();
        let read = r.read_line(&mut line).map_err(io(path))?;
        if read == 0 {
            break;
        }
        n += 1;
        let content = line.trim_end_matches('\n');
        if !content.is_empty() {
            f(content, offset, content.len()).map_err(|reason| StoreError::Corrupt {
                path: path.display().to_string(),
                line: n,
                reason,
            })?;
        }
        offset += read as u64;
    }
    Ok(())
}
