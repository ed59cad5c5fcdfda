//! A record as one line of JSON, byte for byte what `serde_json` writes for it, made faster
//! where the bytes are: the token layer is about four fifths of a record, and through serde
//! each of its short strings and keys costs a call, an escape scan and a growth check. Here
//! the tokens are written straight into the buffer, and the rest of the record still goes
//! through serde, so the two cannot drift apart on anything but the token layer, which a
//! test compares.

use crate::{Record, Token};

/// Appends `rec` to `out` as JSON (no line end), exactly as `serde_json::to_writer` would.
/// The tokens are lent out of the record while the rest is serialised, and put back before
/// this returns, whatever the outcome.
pub fn write_record(out: &mut Vec<u8>, rec: &mut Record) -> serde_json::Result<()> {
    if rec.tokens.is_empty() {
        return serde_json::to_writer(&mut *out, rec);
    }
    let tokens = std::mem::take(&mut rec.tokens);
    let base = out.len();
    let written = serde_json::to_writer(&mut *out, rec);
    rec.tokens = tokens;
    written?;
    // The tokens stand between the sentences and the entities. No string value can hold
    // this key: inside a JSON string every «"» is escaped, so «,"» never occurs there.
    let Some(at) = memchr::memmem::find(&out[base..], br#","entities":"#) else {
        // Not the layout this writer knows: let serde write the whole record.
        out.truncate(base);
        return serde_json::to_writer(&mut *out, rec);
    };
    let tail = out.split_off(base + at);
    out.extend_from_slice(br#","tokens":["#);
    for (k, t) in rec.tokens.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        write_token(out, t)?;
    }
    out.push(b']');
    out.extend_from_slice(&tail);
    Ok(())
}

/// The fields in the order, and with the omissions, of `Token`'s derived `Serialize`.
fn write_token(out: &mut Vec<u8>, t: &Token) -> serde_json::Result<()> {
    let mut digits = itoa::Buffer::new();
    out.extend_from_slice(br#"{"start":"#);
    out.extend_from_slice(digits.format(t.start).as_bytes());
    out.extend_from_slice(br#","end":"#);
    out.extend_from_slice(digits.format(t.end).as_bytes());
    out.extend_from_slice(br#","norm":"#);
    write_str(out, &t.norm)?;
    if !t.prefix.is_empty() {
        out.extend_from_slice(br#","prefix":"#);
        write_str(out, &t.prefix)?;
    }
    out.extend_from_slice(br#","core":"#);
    write_str(out, &t.core)?;
    if !t.suffix.is_empty() {
        out.extend_from_slice(br#","suffix":"#);
        write_str(out, &t.suffix)?;
    }
    out.extend_from_slice(br#","stem":"#);
    write_str(out, &t.stem)?;
    out.push(b'}');
    Ok(())
}

/// The bytes JSON writes as they are: all but control characters, «"» and «\\».
const PLAIN: [bool; 256] = {
    let mut t = [true; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = false;
        b += 1;
    }
    t[b'"' as usize] = false;
    t[b'\\' as usize] = false;
    t
};

/// A string needing no escape is copied as it is; the rare other one is left to serde, so
/// that every escape is serde's own.
fn write_str(out: &mut Vec<u8>, s: &str) -> serde_json::Result<()> {
    if s.bytes().all(|b| PLAIN[b as usize]) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(&mut *out, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entity, Origin, Span};

    fn token(start: usize, word: &str, prefix: &str, suffix: &str) -> Token {
        Token {
            start,
            end: start + word.chars().count(),
            norm: word.to_string(),
            prefix: prefix.to_string(),
            core: word.trim_start_matches(prefix).to_string(),
            suffix: suffix.to_string(),
            stem: word.chars().take(3).collect(),
        }
    }

    fn record(tokens: Vec<Token>) -> Record {
        let mut r = Record::new("a1".into(), Origin::default());
        // A text that holds the key the writer looks for, quoted, and a sentence list.
        r.text = r#"قال: ,"entities":[ "نص" \ ثم"#.to_string();
        r.title = Some("عنوان".into());
        r.sentences = vec![Span { start: 0, end: 5 }];
        r.tokens = tokens;
        r.entities = vec![Entity {
            id: "e1".into(),
            text: "موسكو".into(),
            canonical: "موسكو".into(),
            kind: "LOC".into(),
            country: Some("RUS".into()),
            sector: None,
            role: None,
            source: "gazetteer".into(),
            mentions: vec![Span { start: 1, end: 6 }],
        }];
        r.warnings = vec!["w".into()];
        r
    }

    /// Every byte the same as serde's, tokens with and without clitics, with the characters
    /// JSON escapes, and with none; and the tokens are back in the record afterwards.
    #[test]
    fn a_record_is_written_as_serde_writes_it() {
        let toks = vec![
            token(0, "والقاهرة", "وال", ""),
            token(9, "كتابهم", "", "هم"),
            token(17, "\"a\\b\"", "", ""),
            token(123_456_789, "x\u{1}\n\t\u{7f}y", "", ""),
            token(20, "", "", ""),
        ];
        for tokens in [toks, Vec::new()] {
            let mut rec = record(tokens);
            let expected = serde_json::to_vec(&rec).expect("serde writes any record");
            let mut got = b"before".to_vec();
            write_record(&mut got, &mut rec).expect("writes");
            assert_eq!(
                String::from_utf8_lossy(&got[6..]),
                String::from_utf8_lossy(&expected)
            );
            assert_eq!(&got[..6], b"before");
            assert_eq!(serde_json::to_vec(&rec).expect("again"), expected);
        }
    }
}
