//! The readable summary of a record (`--format text`, `rasd demo`).

use std::fmt::Write;

use rasd_doc::Record;

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

pub fn render(r: &Record) -> String {
    let mut s = String::new();
    let dash = "—";
    let _ = writeln!(s, "══ {} ══", r.title.as_deref().unwrap_or(&r.id));
    let _ = writeln!(
        s,
        "outlet: {}   author: {}   dateline: {}   date: {}",
        r.outlet.as_deref().unwrap_or(dash),
        r.author.as_deref().unwrap_or(dash),
        r.dateline.as_deref().unwrap_or(dash),
        r.date.as_deref().unwrap_or(dash)
    );
    let _ = writeln!(
        s,
        "{} characters, {} sentences, {} lines removed",
        r.text.chars().count(),
        r.sentences.len(),
        r.removed.len()
    );
    for rm in &r.removed {
        let _ = writeln!(s, "  removed ({}): {}", rm.reason, short(&rm.text, 70));
    }
    let _ = writeln!(s, "entities ({}):", r.entities.len());
    for e in &r.entities {
        let _ = writeln!(
            s,
            "  {:<4} {:<5} {:<3} {} ×{}{}{}",
            e.id,
            e.kind,
            e.country.as_deref().unwrap_or("-"),
            e.canonical,
            e.mentions.len(),
            e.role
                .as_deref()
                .map(|r| format!("  [{r}]"))
                .unwrap_or_default(),
            if e.source == "gazetteer" {
                String::new()
            } else {
                format!("  ({})", e.source)
            }
        );
    }
    let _ = writeln!(s, "quotes ({}):", r.quotes.len());
    for q in &r.quotes {
        let who = q
            .speaker
            .as_deref()
            .and_then(|id| r.entity(id))
            .map(|e| e.canonical.clone())
            // An unnamed source («مسؤول أمني») as the text names it.
            .or_else(|| q.speaker_text.as_ref().map(|t| format!("[{t}]")))
            .unwrap_or_else(|| "?".into());
        // «ونقلت وكالة إنترفاكس عن لافروف»: the channel after the one who spoke.
        let via = q
            .via
            .as_deref()
            .and_then(|id| r.entity(id))
            .map(|e| e.canonical.clone())
            .or_else(|| q.via_text.clone())
            .map(|v| format!(" via {v}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {}{} ({}, {}): «{}»",
            who,
            via,
            q.verb.as_deref().unwrap_or("-"),
            q.kind,
            short(&q.text, 90)
        );
    }
    let _ = writeln!(s, "dates ({}):", r.dates.len());
    for d in &r.dates {
        let _ = writeln!(
            s,
            "  {} → {}",
            slice(&r.text, d.start, d.end),
            d.value.as_deref().unwrap_or("?")
        );
    }
    let _ = writeln!(s, "quantities ({}):", r.quantities.len());
    for q in &r.quantities {
        let _ = writeln!(
            s,
            "  {} → {} {}",
            q.text,
            q.value,
            q.unit.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(s, "events ({}):", r.events.len());
    // Who did what to whom, as a coder reads it: codes first, then the words they came from.
    let actor = |a: &Option<rasd_doc::Actor>| match a {
        Some(a) => format!(
            "{} {}",
            a.code.as_deref().unwrap_or("-"),
            short(&a.text, 40)
        ),
        None => "-".to_string(),
    };
    for e in &r.events {
        let mut marks = vec![e.modality.clone()];
        if e.negated {
            marks.push("negated".into());
        }
        if e.reported == Some(false) {
            marks.push("not reported".into());
        }
        let _ = writeln!(
            s,
            "  {:<4} {:<9} {}: {} → {}  «{}»{}",
            e.cameo.code,
            e.plover.as_ref().map(|p| p.kind.as_str()).unwrap_or("-"),
            marks.join(", "),
            actor(&e.source),
            actor(&e.target),
            e.trigger.text,
            e.date
                .as_deref()
                .map(|d| format!("  {d}"))
                .unwrap_or_default()
        );
    }
    for w in &r.warnings {
        let _ = writeln!(s, "warning: {w}");
    }
    s.push('\n');
    s
}
