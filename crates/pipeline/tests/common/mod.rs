//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use rasd_doc::{Entity, Quote, Record};
use rasd_pipeline::{Options, Pipeline};
use rasd_resources::Resources;

/// A file under the shared data folder beside the checkout. Tests that need it fail with
/// this message when it is absent: they never pass silently.
pub fn shared(rel: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    assert!(
        p.exists(),
        "{} is missing: these tests read the shared data set that sits beside the rasd checkout (../shared); \
         run them from a full workspace checkout",
        p.display()
    );
    p
}

pub fn pipeline() -> Pipeline {
    Pipeline::new(Resources::builtin(), Options::default())
}

pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Every mention of the record as the text shows it, with its entity.
pub fn shown_mentions(r: &Record) -> Vec<(String, &Entity)> {
    r.entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(move |m| (chars(&r.text, m.start, m.end), e))
        })
        .collect()
}

/// The entity whose canonical name or any mention text equals `name`.
pub fn entity<'a>(r: &'a Record, name: &str) -> &'a Entity {
    r.entities
        .iter()
        .find(|e| {
            e.canonical == name
                || e.canonical.split_whitespace().any(|w| w == name)
                || e.mentions
                    .iter()
                    .any(|m| chars(&r.text, m.start, m.end) == name)
        })
        .unwrap_or_else(|| {
            panic!(
                "no entity «{name}» in {:?}",
                r.entities.iter().map(|e| &e.canonical).collect::<Vec<_>>()
            )
        })
}

pub fn mention_texts(r: &Record, e: &Entity) -> Vec<String> {
    e.mentions
        .iter()
        .map(|m| chars(&r.text, m.start, m.end))
        .collect()
}

/// Every offset in the record slices the text to exactly the string the record claims.
pub fn check_offsets(r: &Record) {
    let n = r.text.chars().count();
    for s in &r.sentences {
        assert!(s.start < s.end && s.end <= n);
    }
    for q in &r.quotes {
        assert_eq!(chars(&r.text, q.start, q.end), q.text);
    }
    for d in &r.dates {
        assert_eq!(chars(&r.text, d.start, d.end), d.text);
    }
    for q in &r.quantities {
        assert_eq!(chars(&r.text, q.start, q.end), q.text);
    }
    for e in &r.entities {
        assert_eq!(
            chars(&r.text, e.mentions[0].start, e.mentions[0].end),
            e.text
        );
    }
    for t in &r.tokens {
        assert!(t.start < t.end && t.end <= n);
    }
    for e in &r.events {
        assert_eq!(
            chars(&r.text, e.trigger.start, e.trigger.end),
            e.trigger.text
        );
        for a in [&e.source, &e.target, &e.reported_by].into_iter().flatten() {
            assert_eq!(chars(&r.text, a.start, a.end), a.text, "{}", e.trigger.text);
        }
    }
}

/// The people found in a record.
pub fn persons(r: &Record) -> Vec<&Entity> {
    r.entities.iter().filter(|e| e.kind == "PER").collect()
}

/// The quotation whose text contains `words`.
pub fn quote_containing<'a>(r: &'a Record, words: &str) -> Result<&'a Quote, String> {
    r.quotes
        .iter()
        .find(|q| q.text.contains(words))
        .ok_or_else(|| format!("no quotation containing «{words}»"))
}
