//! Tokenisation into words, numbers and punctuation, with byte offsets into the original text.

use crate::normalize::{is_format, is_ignorable};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A run of Arabic letters (harakat and tatweel inside it belong to the word).
    Arabic,
    /// A run of letters of another script (Latin, mostly).
    Foreign,
    /// Digits in any script, with decimal and thousands separators between digits.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// A token: its kind and byte range in the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Foreign)
    }
}

#[inline]
pub const fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0621}'..='\u{063A}'
        | '\u{0641}'..='\u{064A}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE80}'..='\u{FEFC}'
    )
}

#[inline]
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Arabic,
    Mark,
    Foreign,
    Digit,
    Other,
}

#[inline]
fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Foreign,
            '0'..='9' => Class::Digit,
            // «#الجيش_اليمني»: the underscore of a hashtag stands for a space.
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '_' => Class::Space,
            _ => Class::Other,
        };
    }
    if is_arabic_letter(c) {
        Class::Arabic
    } else if is_ignorable(c) {
        Class::Mark
    } else if is_digit(c) {
        Class::Digit
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // The rest of the Arabic block is punctuation and signs («،», «؛», «؟», «٪»).
        Class::Other
    } else if ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205E}').contains(&c)
        || matches!(c, '«' | '»')
    {
        // General punctuation (dashes, curly quotes, ellipsis) without the Unicode tables.
        Class::Other
    } else if c.is_whitespace() {
        Class::Space
    } else if c.is_alphabetic() {
        Class::Foreign
    } else {
        Class::Other
    }
}

/// Cuts `text` into tokens. Whitespace separates tokens and is not one; a decimal or
/// thousands separator between two digits stays inside the number («2.5», «1,000», «٣٫٥»).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    tokenize_into(text, &mut out);
    out
}

pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let mut pos = 0;
    while let Some(t) = next_token(text, &mut pos) {
        out.push(t);
    }
}

/// The token that starts at or after byte `pos`, advancing `pos` past it; `None` at the end.
pub fn next_token(text: &str, pos: &mut usize) -> Option<Token> {
    let mut it = text[*pos..]
        .char_indices()
        .map(|(i, c)| (i + *pos, c))
        .peekable();
    while let Some((start, c)) = it.next() {
        let cl = class(c);
        let mut end = start + c.len_utf8();
        let token = match cl {
            Class::Space => continue,
            Class::Arabic | Class::Mark => {
                // A stray mark with no letter before it joins the following word if any.
                while let Some(&(i, d)) = it.peek() {
                    match class(d) {
                        Class::Arabic | Class::Mark => {
                            end = i + d.len_utf8();
                            it.next();
                        }
                        _ => break,
                    }
                }
                if cl == Class::Mark && !text[start..end].chars().any(is_arabic_letter) {
                    continue;
                }
                // Direction marks around a word («\u{202B}عبد الله\u{202C}») are no part of
                // it: the token, and the names and quotes made of tokens, leave them out.
                let word = &text[start..end];
                let lead = word.len() - word.trim_start_matches(is_format).len();
                let inner = word[lead..].trim_end_matches(is_format);
                Token {
                    start: start + lead,
                    end: start + lead + inner.len(),
                    kind: TokenKind::Arabic,
                }
            }
            Class::Foreign => {
                while let Some(&(i, d)) = it.peek() {
                    if class(d) == Class::Foreign {
                        end = i + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                Token {
                    start,
                    end,
                    kind: TokenKind::Foreign,
                }
            }
            Class::Digit => {
                loop {
                    match it.peek() {
                        Some(&(i, d)) if is_digit(d) => {
                            end = i + d.len_utf8();
                            it.next();
                        }
                        Some(&(i, d)) if matches!(d, '.' | ',' | '٫' | '٬') => {
                            let after = text[i + d.len_utf8()..].chars().next();
                            if after.is_some_and(is_digit) {
                                end = i + d.len_utf8();
                                it.next();
                            } else {
                                break;
                            }
                        }
                        _ => break,
                    }
                }
                Token {
                    start,
                    end,
                    kind: TokenKind::Number,
                }
            }
            Class::Other => Token {
                start,
                end,
                kind: TokenKind::Punct,
            },
        };
        *pos = end;
        return Some(token);
    }
    *pos = text.len();
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn direction_marks_join_a_word_but_never_edge_it() {
        assert_eq!(
            texts("قال \u{202B}عبد\u{202C} \u{200F}ال\u{00AD}له\u{061C} أمس"),
            vec!["قال", "عبد", "ال\u{00AD}له", "أمس"]
        );
        assert!(texts("\u{202B}\u{202C}").is_empty());
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(
            texts("قال لافروف، إن 20.5 بالمئة (رويترز)."),
            vec![
                "قال",
                "لافروف",
                "،",
                "إن",
                "20.5",
                "بالمئة",
                "(",
                "رويترز",
                ")",
                "."
            ]
        );
    }

    #[test]
    fn harakat_and_tatweel_stay_inside_words() {
        assert_eq!(
            texts("مرنًا وعمليًا مـــصر"),
            vec!["مرنًا", "وعمليًا", "مـــصر"]
        );
    }

    #[test]
    fn arabic_indic_digits_and_separators() {
        assert_eq!(texts("١٬٢٠٠ و٣٫٥"), vec!["١٬٢٠٠", "و", "٣٫٥"]);
        assert_eq!(texts("عام 2020، قال"), vec!["عام", "2020", "،", "قال"]);
    }

    #[test]
    fn mixed_scripts_split() {
        assert_eq!(texts("MBCمصر"), vec!["MBC", "مصر"]);
    }
}
