//! Tab-separated collections: `id<TAB>title<TAB>text` per line, as retrieval test collections
//! ship (ARCD's `collection.tsv`). Two columns are `id<TAB>text`.

use std::io::BufRead;

use crate::{Article, Body, ReadError, ReadOptions};

pub(crate) fn read(
    name: &str,
    r: &mut dyn BufRead,
    gz: bool,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, ReadError>),
) -> u64 {
    crate::for_each_record(name, r, gz, opts, sink, |text, n| {
        let cols: Vec<&str> = text.split('\t').collect();
        let (id, title, body) = match cols.as_slice() {
            [id, title, body] => (*id, Some(*title), *body),
            [id, body] => (*id, None, *body),
            _ => {
                return Err(format!(
                    "expected id<TAB>title<TAB>text, found {} column(s)",
                    cols.len()
                ))
            }
        };
        if body.trim().is_empty() {
            return Err("empty text column".into());
        }
        let mut a = Article::text(name, body.to_string());
        a.id = Some(id.to_string()).filter(|s| !s.is_empty());
        a.title = title.map(str::to_string).filter(|t| !t.trim().is_empty());
        a.body = Body::Text(body.to_string());
        a.record = Some(n);
        Ok(a)
    })
}
