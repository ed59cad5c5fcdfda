//! Bytes → text: UTF-8 first, then the encodings Arabic text really arrives in.

/// Decoded text and the encoding it was in when not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Option<String>,
}

/// Decodes one input. Binary data is refused rather than turned into replacement
/// characters: a record full of U+FFFD is a silent loss.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, bad) = enc.decode(bytes);
        if bad {
            return Err(format!("invalid {} data", enc.name()));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: Some(enc.name().to_ascii_lowercase()),
        });
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(pos) = binary_at(bytes) {
        return Err(format!(
            "binary data, not text (control byte 0x{:02x} at offset {pos})",
            bytes[pos]
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            encoding: None,
        }),
        Err(e) => {
            let (text, _, bad) = encoding_rs::WINDOWS_1256.decode(bytes);
            if !bad && looks_arabic(&text) {
                Ok(Decoded {
                    text: text.into_owned(),
                    encoding: Some("windows-1256".into()),
                })
            } else {
                Err(format!(
                    "invalid UTF-8 (bad byte at offset {}) and not Windows-1256 Arabic either",
                    e.valid_up_to()
                ))
            }
        }
    }
}

/// Offset of the first byte that plain text never contains (NUL and most C0 controls),
/// when such bytes are more than a stray one.
fn binary_at(bytes: &[u8]) -> Option<usize> {
    let is_ctl = |b: u8| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x0b);
    let first = bytes.iter().position(|&b| b == 0 || is_ctl(b))?;
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let n = sample.iter().filter(|&&b| is_ctl(b)).count();
    (bytes[first] == 0 || n * 200 > sample.len()).then_some(first)
}

/// Most non-ASCII letters of real Arabic text decoded as Windows-1256 are Arabic letters;
/// random high bytes decode to a mix of Latin-1 accents and symbols.
fn looks_arabic(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut arabic = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        }
    }
    non_ascii > 0 && arabic * 10 >= non_ascii * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_bom() {
        assert_eq!(decode("قال".as_bytes()).unwrap().text, "قال");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("نص".as_bytes());
        assert_eq!(decode(&b).unwrap().text, "نص");
    }

    #[test]
    fn windows_1256_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("قال الرئيس الروسي إن بلاده مستعدة");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "قال الرئيس الروسي إن بلاده مستعدة");
        assert_eq!(d.encoding.as_deref(), Some("windows-1256"));
    }

    #[test]
    fn binary_and_junk_are_refused() {
        let e = decode(&[0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]).unwrap_err();
        assert!(e.contains("binary"), "{e}");
        let e = decode(&[0xc3, 0x28, 0xa0, 0xa1, 0xe9, 0xe8, 0xb0, 0xbb, 0xa7]).unwrap_err();
        assert!(e.contains("invalid UTF-8"), "{e}");
    }
}
