//! Query syntax: words (ranked by BM25, any of them may match), `"a phrase"` (its words in this
//! order, next to each other), `+word` or `word AND word` (must match), `-word` or `NOT word`
//! (must not match), `OR` (the default, accepted for readability), `quote:word` and
//! `event:word` (must match inside a quotation, or inside a sentence that reports an event).

/// A parsed query, every word already analysed into index terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Terms that score.
    pub should: Vec<String>,
    /// Terms every result must contain.
    pub must: Vec<String>,
    /// Terms no result may contain.
    pub must_not: Vec<String>,
    /// Term sequences every result must contain, in order and adjacent.
    pub phrases: Vec<Vec<String>>,
}

/// Parses `q`; `analyse` turns a piece of text into index terms (it may drop function words).
pub fn parse(q: &str, analyse: impl Fn(&str) -> Vec<String>) -> Query {
    let mut out = Query::default();
    let mut rest = q;
    // Phrases first: what is inside quotation marks.
    let mut plain = String::new();
    loop {
        let open = rest.find(['"', '«', '“']);
        let Some(o) = open else {
            plain.push_str(rest);
            break;
        };
        plain.push_str(&rest[..o]);
        let after = &rest[o + rest[o..].chars().next().map(char::len_utf8).unwrap_or(1)..];
        let close = after.find(['"', '»', '”']).unwrap_or(after.len());
        let terms = analyse(&after[..close]);
        // Every word of a phrase is required; only a phrase of two words or more needs its
        // order checked against the text.
        out.should.extend(terms.iter().cloned());
        for t in &terms {
            if !out.must.contains(t) {
                out.must.push(t.clone());
            }
        }
        if terms.len() > 1 {
            out.phrases.push(terms);
        }
        rest = after
            .get(
                close
                    + after[close..]
                        .chars()
                        .next()
                        .map(char::len_utf8)
                        .unwrap_or(0)..,
            )
            .unwrap_or("");
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        match w {
            "OR" => {}
            "AND" => {
                // Both sides are required: the word before (already read) and the one after.
                if let Some(prev) = out.should.last().cloned() {
                    if !out.must.contains(&prev) {
                        out.must.push(prev);
                    }
                }
                if let Some(next) = words.get(i + 1) {
                    for t in analyse(next) {
                        out.must.push(t.clone());
                        out.should.push(t);
                    }
                    i += 1;
                }
            }
            "NOT" => {
                if let Some(next) = words.get(i + 1) {
                    out.must_not.extend(analyse(next));
                    i += 1;
                }
            }
            _ if w.starts_with('-') && w.len() > 1 => out.must_not.extend(analyse(&w[1..])),
            // A word inside quotations or event sentences only: required there.
            _ if field_of(w).is_some() => {
                if let Some((field, rest)) = field_of(w) {
                    for t in analyse(rest) {
                        let t = format!("{field}{t}");
                        if !out.must.contains(&t) {
                            out.must.push(t.clone());
                        }
                        out.should.push(t);
                    }
                }
            }
            _ if w.starts_with('+') && w.len() > 1 => {
                for t in analyse(&w[1..]) {
                    out.must.push(t.clone());
                    out.should.push(t);
                }
            }
            _ => out.should.extend(analyse(w)),
        }
        i += 1;
    }
    out
}

/// `quote:word` and `event:word` (also in Arabic: `اقتباس:` and `حدث:`): the field prefix of
/// the index and the word.
fn field_of(w: &str) -> Option<(&'static str, &str)> {
    let (name, rest) = w.split_once(':')?;
    let field = match name {
        "quote" | "اقتباس" => crate::index::QUOTE_FIELD,
        "event" | "حدث" => crate::index::EVENT_FIELD,
        _ => return None,
    };
    (!rest.is_empty()).then_some((field, rest))
}

/// The words of a query that count for ranking: the query without its operators, excluded
/// words and quotation marks.
pub fn positive_text(q: &str) -> String {
    let mut out = Vec::new();
    let mut skip = false;
    for w in q.split_whitespace() {
        if skip {
            skip = false;
            continue;
        }
        match w {
            "OR" | "AND" => {}
            "NOT" => skip = true,
            _ if w.starts_with('-') && w.len() > 1 => {}
            _ => out.push(field_of(w).map_or(w.trim_start_matches('+'), |f| f.1)),
        }
    }
    out.join(" ").replace(['"', '«', '»', '“', '”'], " ")
}

/// Does a document's term sequence contain `phrase` contiguously?
pub fn contains_phrase(doc_terms: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && doc_terms.windows(phrase.len()).any(|w| w == phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn an(s: &str) -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_start_matches("ال").to_string())
            .collect()
    }

    #[test]
    fn syntax() {
        let q = parse(
            "\"الملف النووي\" إيران -العقوبات +واشنطن NOT روسيا OR الصين",
            an,
        );
        assert_eq!(q.phrases, vec![vec!["ملف".to_string(), "نووي".to_string()]]);
        assert_eq!(
            q.must,
            vec!["ملف".to_string(), "نووي".to_string(), "واشنطن".to_string()]
        );
        assert!(parse("\"إيران\"", an).phrases.is_empty());
        assert_eq!(
            positive_text("\"الملف النووي\" -العقوبات +واشنطن NOT روسيا OR الصين"),
            " الملف النووي  واشنطن الصين"
        );
        assert_eq!(q.must_not, vec!["عقوبات".to_string(), "روسيا".to_string()]);
        assert!(q.should.contains(&"إيران".to_string()) && q.should.contains(&"صين".to_string()));
        let q = parse("إيران quote:العقوبات حدث:القصف", an);
        assert_eq!(
            q.must,
            vec!["quote:عقوبات".to_string(), "event:قصف".to_string()]
        );
        assert_eq!(positive_text("quote:العقوبات"), "العقوبات");
        let q = parse("غزة AND القدس", an);
        assert_eq!(q.must, vec!["غزة".to_string(), "قدس".to_string()]);
        assert!(contains_phrase(
            &an("في الملف النووي الإيراني"),
            &an("الملف النووي")
        ));
        assert!(!contains_phrase(
            &an("النووي في الملف"),
            &an("الملف النووي")
        ));
    }
}
