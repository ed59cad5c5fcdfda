//! TREC-style SGML/XML: `<DOC><DOCNO>…</DOCNO><TITLE>…</TITLE><TEXT>…</TEXT></DOC>`, several
//! documents per file. Tags are matched literally (these files are not well-formed XML:
//! bare `&` and `<` occur in text), and the usual entities are unescaped.

use crate::{Article, Body, Decoded, ReadError, ReadOptions};

fn field<'a>(doc: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = doc.find(&open)? + open.len();
    let end = doc[start..]
        .find(&close)
        .map(|e| start + e)
        .unwrap_or(doc.len());
    Some(doc[start..end].trim())
}

pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(semi) = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';')
        else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..semi];
        let rep = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match rep {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub(crate) fn read(
    name: &str,
    d: &Decoded,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, ReadError>),
) -> u64 {
    let text = &d.text;
    let mut n = 0u64;
    let mut rest = text.as_str();
    while let Some(p) = rest.find("<DOC>") {
        n += 1;
        let after = &rest[p + 5..];
        let (doc, next) = match after.find("</DOC>") {
            Some(e) => (&after[..e], &after[e + 6..]),
            None => {
                sink(Err(ReadError::Bad {
                    file: name.to_string(),
                    record: Some(n),
                    reason: "<DOC> without </DOC> (truncated file?)".into(),
                }));
                return n;
            }
        };
        rest = next;
        let get = |t: &str| field(doc, t).map(unescape).filter(|s| !s.is_empty());
        let Some(body) = get("TEXT") else {
            sink(Err(ReadError::Bad {
                file: name.to_string(),
                record: Some(n),
                reason: "document has no <TEXT>".into(),
            }));
            continue;
        };
        if body.len() > opts.max_article_bytes {
            sink(Err(ReadError::TooLarge {
                file: name.to_string(),
                record: Some(n),
                size: body.len(),
                limit: opts.max_article_bytes,
            }));
            continue;
        }
        sink(Ok(Article {
            id: get("DOCNO"),
            url: get("URL"),
            outlet: get("SRC").or_else(|| get("SOURCE")),
            date: get("TIME").or_else(|| get("DATE")),
            title: get("TITLE").or_else(|| get("HEADLINE")),
            author: get("AUTHOR"),
            body: Body::Text(body),
            file: name.to_string(),
            record: Some(n),
            encoding: d.encoding.clone(),
        }));
    }
    if n == 0 {
        sink(Err(ReadError::Bad {
            file: name.to_string(),
            record: None,
            reason: "no <DOC> element found".into(),
        }));
        return 1;
    }
    n
}
