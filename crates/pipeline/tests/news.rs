//! Hand-checked expectations for real articles from several outlets (tests/expected/news.tsv),
//! with the article text read from ../shared/data/news at test time.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use rasd_doc::Record;
use rasd_read::{read_path, ReadOptions};

struct Check {
    line: usize,
    id: String,
    kind: String,
    args: Vec<String>,
}

fn load_checks() -> Vec<Check> {
    let text = include_str!("expected/news.tsv");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(
                cols.len() >= 3,
                "expected/news.tsv line {}: too few columns",
                i + 1
            );
            Check {
                line: i + 1,
                id: cols[0].into(),
                kind: cols[1].into(),
                args: cols[2..].iter().map(|s| s.to_string()).collect(),
            }
        })
        .collect()
}

fn find_entity<'a>(r: &'a Record, name: &str) -> Vec<&'a rasd_doc::Entity> {
    r.entities
        .iter()
        .filter(|e| {
            e.canonical == name
                || e.mentions
                    .iter()
                    .any(|m| chars(&r.text, m.start, m.end) == name)
        })
        .collect()
}

fn run(check: &Check, r: &Record) -> Result<(), String> {
    let a = &check.args;
    match check.kind.as_str() {
        "entity" => {
            let (ty, country) = (&a[1], (a[2] != "-").then(|| a[2].clone()));
            let found = find_entity(r, &a[0]);
            if found.iter().any(|e| &e.kind == ty && e.country == country) {
                Ok(())
            } else {
                Err(format!(
                    "no {ty} «{}» with country {:?}; found {:?}",
                    a[0],
                    country,
                    found
                        .iter()
                        .map(|e| (&e.kind, &e.canonical, &e.country))
                        .collect::<Vec<_>>()
                ))
            }
        }
        "speaker" => {
            let q = quote_containing(r, &a[0])?;
            let who = q
                .speaker
                .as_deref()
                .and_then(|id| r.entity(id))
                .map(|e| e.canonical.clone());
            match who {
                Some(w) if w.contains(a[1].as_str()) => Ok(()),
                other => Err(format!(
                    "«{}» attributed to {:?}, expected «{}»",
                    a[0], other, a[1]
                )),
            }
        }
        "source" => {
            let q = quote_containing(r, &a[0])?;
            match (&q.speaker, &q.speaker_text) {
                (None, Some(t)) if t.contains(a[1].as_str()) => Ok(()),
                other => Err(format!(
                    "«{}»: speaker {:?}, expected the unnamed source «{}»",
                    a[0], other, a[1]
                )),
            }
        }
        "date" => {
            let hits: Vec<_> = r.dates.iter().filter(|d| d.text == a[0]).collect();
            if hits
                .iter()
                .any(|d| d.value.as_deref() == Some(a[1].as_str()))
            {
                Ok(())
            } else {
                Err(format!(
                    "date «{}»: found {:?}",
                    a[0],
                    hits.iter().map(|d| &d.value).collect::<Vec<_>>()
                ))
            }
        }
        "quantity" => {
            let value: f64 = a[1].parse().map_err(|_| format!("bad value {}", a[1]))?;
            let unit = (a[2] != "-").then(|| a[2].clone());
            let hits: Vec<_> = r.quantities.iter().filter(|q| q.text == a[0]).collect();
            if hits
                .iter()
                .any(|q| (q.value - value).abs() < 1e-6 && q.unit == unit)
            {
                Ok(())
            } else {
                Err(format!(
                    "quantity «{}»: found {:?}",
                    a[0],
                    hits.iter().map(|q| (q.value, &q.unit)).collect::<Vec<_>>()
                ))
            }
        }
        "meta" => {
            let v = match a[0].as_str() {
                "outlet" => &r.outlet,
                "author" => &r.author,
                "dateline" => &r.dateline,
                "agency" => &r.agency,
                f => return Err(format!("unknown field {f}")),
            };
            let want = (a[1] != "-").then_some(a[1].as_str());
            if v.as_deref() == want {
                Ok(())
            } else {
                Err(format!("{} is {:?}", a[0], v))
            }
        }
        "not-in-text" => {
            if r.text.contains(a[0].as_str()) {
                Err(format!("«{}» is still in the text", a[0]))
            } else {
                Ok(())
            }
        }
        "no-person" => match find_entity(r, &a[0]).iter().find(|e| e.kind == "PER") {
            Some(e) => Err(format!(
                "«{}» was taken for a person ({})",
                a[0], e.canonical
            )),
            None => Ok(()),
        },
        "no-entity" => match find_entity(r, &a[0]).first() {
            Some(e) => Err(format!(
                "«{}» was taken for an entity ({} {})",
                a[0], e.kind, e.canonical
            )),
            None => Ok(()),
        },
        k => Err(format!("unknown check «{k}»")),
    }
}

#[test]
fn hand_checked_articles() {
    let checks = load_checks();
    let ids: BTreeSet<&str> = checks.iter().map(|c| c.id.as_str()).collect();
    let pipe = pipeline();
    let mut records: BTreeMap<String, Record> = BTreeMap::new();
    for file in [
        "data/news/ant-dev.jsonl.gz",
        "data/news/saudinewsnet-dev.jsonl.gz",
    ] {
        let path = shared(file);
        read_path(
            &path.display().to_string(),
            &ReadOptions::default(),
            &mut |r| {
                if let Ok(a) = r {
                    if let Some(id) = a.id.clone().filter(|id| ids.contains(id.as_str())) {
                        let rec = pipe.analyze(&a);
                        check_offsets(&rec);
                        records.insert(id, rec);
                    }
                }
            },
        );
    }
    let missing: Vec<&&str> = ids
        .iter()
        .filter(|id| !records.contains_key(**id))
        .collect();
    assert!(
        missing.is_empty(),
        "articles not found in the shared news files: {missing:?}"
    );
    let outlets: BTreeSet<&str> = records
        .values()
        .filter_map(|r| r.outlet.as_deref())
        .collect();
    assert!(
        records.len() >= 30 && outlets.len() >= 8,
        "{} articles from {} outlets",
        records.len(),
        outlets.len()
    );

    let mut failures = Vec::new();
    for c in &checks {
        if let Err(e) = run(c, &records[&c.id]) {
            failures.push(format!("line {} {} {}: {e}", c.line, c.id, c.kind));
        }
    }
    eprintln!(
        "{} checks on {} articles from {} outlets; {} failed",
        checks.len(),
        records.len(),
        outlets.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} checks failed:\n{}",
        failures.len(),
        checks.len(),
        failures.join("\n")
    );
}
