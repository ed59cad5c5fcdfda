//! JSON Lines: one article object per line.

use std::io::BufRead;

use serde::Deserialize;

use crate::{Article, Body, ReadError, ReadOptions};

#[derive(Deserialize)]
struct Line {
    #[serde(default, deserialize_with = "string_or_number")]
    id: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    #[serde(alias = "source")]
    site: Option<String>,
    #[serde(alias = "published", alias = "time")]
    date: Option<String>,
    title: Option<String>,
    author: Option<String>,
    text: Option<String>,
    #[serde(alias = "content")]
    body: Option<String>,
    html: Option<String>,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

fn empty_to_none(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

/// Why a line is no record, told apart only once it failed: not JSON at all, JSON of another
/// kind than an object, or an object with a field of the wrong type («"text": 5»).
fn why_not_a_record(line: &str, e: serde_json::Error) -> String {
    match serde_json::from_str::<serde_json::Value>(line) {
        Err(_) => format!("not valid JSON: {e}"),
        Ok(v) if !v.is_object() => {
            let kind = match v {
                serde_json::Value::Array(_) => "an array",
                serde_json::Value::String(_) => "a string",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::Bool(_) => "a boolean",
                _ => "null",
            };
            format!("not a JSON object but {kind}")
        }
        Ok(_) => format!("a field has the wrong type: {e}"),
    }
}

pub(crate) fn read(
    name: &str,
    r: &mut dyn BufRead,
    gz: bool,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, ReadError>),
) -> u64 {
    crate::for_each_record(name, r, gz, opts, sink, |text, n| {
        let line = text.trim_end();
        let rec: Line = serde_json::from_str(line).map_err(|e| why_not_a_record(line, e))?;
        let body = match (empty_to_none(rec.text.or(rec.body)), rec.html) {
            (Some(t), _) => Body::Text(t),
            (None, Some(h)) if !h.trim().is_empty() => Body::Html(h),
            _ => {
                return Err(
                    "no article text (the text, body and html fields are all missing or empty)"
                        .into(),
                )
            }
        };
        Ok(Article {
            id: empty_to_none(rec.id),
            url: empty_to_none(rec.url),
            outlet: empty_to_none(rec.outlet.or(rec.site)),
            date: empty_to_none(rec.date),
            // Crawled headlines often keep their page's escapes («توزيع &#8220;موسوعة …»).
            title: empty_to_none(rec.title).map(|t| crate::unescape(&t)),
            author: empty_to_none(rec.author).map(|a| crate::unescape(&a)),
            body,
            file: name.to_string(),
            record: Some(n),
            encoding: None,
        })
    })
}
