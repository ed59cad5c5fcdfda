//! Tab-separated collections: `id<TAB>title<TAB>text` per line, as retrieval test collections
//! ship (ARCD's `collection.tsv`). Two columns are `id<TAB>text`.

use std::io::BufRead;

use crate::{Article, Body, ReadError, ReadOptions};

pub(crate) fn read(name: &str, r: &mut dyn BufRead, gz: bool, opts: &ReadOptions, sink: &mut dyn FnMut(Result<Article, ReadError>)) -> u64 {
    let mut line = Vec::new();
    let (mut n, mut items) = (0u64, 0u64);
    loop {
        line.clear();
        match r.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                sink(Err(if gz {
                    ReadError::Gzip { file: name.to_string(), records: n, reason: e.to_string() }
                } else {
                    ReadError::Io { file: name.to_string(), source: e }
                }));
                return items + 1;
            }
        }
        n += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        items += 1;
        let bad = |reason: String| ReadError::Bad { file: name.to_string(), record: Some(n), reason };
        if line.len() > opts.max_article_bytes {
            sink(Err(ReadError::TooLarge { file: name.to_string(), record: Some(n), size: line.len(), limit: opts.max_article_bytes }));
            continue;
        }
        let decoded = match crate::decode(&line) {
            Ok(d) => d,
            Err(reason) => {
                sink(Err(bad(reason)));
                continue;
            }
        };
        let text = decoded.text.trim_end_matches(['\n', '\r']);
        let cols: Vec<&str> = text.split('\t').collect();
        let (id, title, body) = match cols.as_slice() {
            [id, title, body] => (*id, Some(*title), *body),
            [id, body] => (*id, None, *body),
            _ => {
                sink(Err(bad(format!("expected id<TAB>title<TAB>text, found {} column(s)", cols.len()))));
                continue;
            }
        };
        if body.trim().is_empty() {
            sink(Err(bad("empty text column".into())));
            continue;
        }
        let mut a = Article::text(name, body.to_string());
        a.id = Some(id.to_string()).filter(|s| !s.is_empty());
        a.title = title.map(str::to_string).filter(|t| !t.trim().is_empty());
        a.body = Body::Text(body.to_string());
        a.record = Some(n);
        a.encoding = decoded.encoding;
        sink(Ok(a));
    }
    items
}
