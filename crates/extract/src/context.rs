//! The per-article working view shared by the extractors: tokens with their folded forms and
//! sentence membership, and phrase matching that sees through proclitics.

use std::borrow::Cow;

use rasd_text::{Token, TokenKind};

use crate::lexicon::Phrases;

#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Folded form of the whole token.
    pub norm: String,
    pub sentence: usize,
    /// [`word_hash`] of the folded form and of the forms without proclitics ([`variants`];
    /// only Arabic words have those), the folded form first: phrase tables turn most tokens
    /// away on these before any string is built or compared.
    forms: [u64; 3],
    n_forms: u8,
}

impl Tok {
    /// [`word_hash`] of each of the token's forms, as [`variants`] gives them.
    pub(crate) fn forms(&self) -> &[u64] {
        &self.forms[..usize::from(self.n_forms)]
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Foreign)
    }
    pub fn is_punct(&self, p: &str, text: &str) -> bool {
        self.kind == TokenKind::Punct && &text[self.start..self.end] == p
    }
    /// The Arabic comma or the Latin one, which Arabic news uses as often.
    pub fn is_comma(&self, text: &str) -> bool {
        self.is_punct("،", text) || self.is_punct(",", text)
    }
}

/// A phrase found in the token stream.
#[derive(Debug)]
pub struct Hit<'v, V> {
    /// First and one-past-last token.
    pub first: usize,
    pub last: usize,
    /// Byte where the phrase starts: after any proclitic stripped from the first token.
    pub start: usize,
    pub end: usize,
    pub value: &'v V,
}

// By hand: a derive would demand `V: Copy`, but a hit only borrows its value.
impl<V> Clone for Hit<'_, V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<V> Copy for Hit<'_, V> {}

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Token ranges of sentences.
    pub sentences: Vec<(usize, usize)>,
}

/// The hash phrase tables key a word's first-word entry with (FxHash, as their maps use).
pub fn word_hash(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    word.hash(&mut h);
    h.finish()
}

/// Forms of a folded token with its proclitics removed, with how many letters each removes:
/// «وبروسيا» → «بروسيا» (1), «روسيا» (2); «للامم» → «الامم» (1, the lam of «لل»).
pub fn variants(norm: &str) -> Variants<'_> {
    let mut out = Variants::single(norm);
    // Three letters at least, without counting the whole word.
    let long = |s: &str| s.chars().nth(2).is_some();
    // A word that opens with «و»/«ف» does not open with a preposition: the preposition is
    // looked for after the conjunction, else at the start.
    let (base, n) = match norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف')) {
        Some(r) if long(r) => {
            out.push(Cow::Borrowed(r), 1);
            (r, 1)
        }
        _ => (norm, 0),
    };
    if let Some(r) = base.strip_prefix("لل") {
        if r.chars().nth(1).is_some() {
            out.push(Cow::Owned(format!("ال{r}")), n + 1);
        }
    } else if let Some(r) = base.strip_prefix(['ب', 'ك', 'ل']) {
        if long(r) {
            out.push(Cow::Borrowed(r), n + 1);
        }
    }
    out
}

/// A word's forms ([`variants`]): at most three, the word itself first. Held inline because
/// every phrase table and word list is looked up through them, a dozen times a token; only
/// «لل» → «ال» allocates.
#[derive(Debug, Clone)]
pub struct Variants<'a> {
    items: [(Cow<'a, str>, usize); 3],
    len: usize,
}

impl<'a> Variants<'a> {
    /// The word alone, for look-ups that do not see through proclitics.
    pub fn single(norm: &'a str) -> Self {
        Variants {
            items: [
                (Cow::Borrowed(norm), 0),
                (Cow::Borrowed(""), 0),
                (Cow::Borrowed(""), 0),
            ],
            len: 1,
        }
    }

    fn push(&mut self, form: Cow<'a, str>, stripped: usize) {
        // The word, without its conjunction, without its preposition: never more than three.
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = (form, stripped);
            self.len += 1;
        }
    }
}

impl<'a> std::ops::Deref for Variants<'a> {
    type Target = [(Cow<'a, str>, usize)];
    fn deref(&self) -> &Self::Target {
        &self.items[..self.len]
    }
}

impl<'a> IntoIterator for Variants<'a> {
    type Item = (Cow<'a, str>, usize);
    type IntoIter = std::iter::Take<std::array::IntoIter<(Cow<'a, str>, usize), 3>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

/// A preposition or conjunction with the article on a folded word («للفريق», «بالنادي»,
/// «والنادي»): the rest of the word after the article.
pub(crate) fn preposition_with_article(folded: &str) -> Option<&str> {
    ["لل", "بال", "كال", "وال", "فال"]
        .iter()
        .find_map(|p| folded.strip_prefix(p))
}

/// Byte offset after skipping `letters` non-ignorable characters from `start` (so that
/// harakat on a clitic stay with it).
pub fn skip_letters(text: &str, start: usize, letters: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text[start..].char_indices() {
        let n = rasd_text::normalize::letters_in(c);
        // A lam-alef ligature the count ends inside («ﻟ» + «ﻼ» written as one) is kept whole
        // on the word's side.
        if n > 0 && seen + n > letters {
            return start + i;
        }
        seen += n;
    }
    text.len()
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, tokens: &[Token], sentences: &[(usize, usize)]) -> Self {
        let mut toks = Vec::with_capacity(tokens.len());
        let mut s = 0usize;
        let mut ranges = Vec::with_capacity(sentences.len());
        let mut open = 0usize;
        for (i, t) in tokens.iter().enumerate() {
            while s + 1 < sentences.len() && t.start >= sentences[s].1 {
                ranges.push((open, i));
                open = i;
                s += 1;
            }
            let norm = rasd_text::fold(t.text(text));
            let mut forms = [0u64; 3];
            let mut n_forms = 0u8;
            if t.kind == TokenKind::Arabic {
                for ((v, _), slot) in variants(&norm).into_iter().zip(forms.iter_mut()) {
                    *slot = word_hash(&v);
                    n_forms += 1;
                }
            } else {
                forms[0] = word_hash(&norm);
                n_forms = 1;
            }
            toks.push(Tok {
                start: t.start,
                end: t.end,
                kind: t.kind,
                norm,
                sentence: s,
                forms,
                n_forms,
            });
        }
        ranges.push((open, tokens.len()));
        ranges.truncate(sentences.len().max(1));
        Ctx {
            text,
            toks,
            sentences: ranges,
        }
    }

    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[start..end]
    }

    /// The longest phrase of `table` starting at token `i`, the first token allowed to carry
    /// proclitics when `clitics` is set. Phrases never cross a sentence or a punctuation mark.
    pub fn match_at<'v, V>(
        &self,
        table: &'v Phrases<V>,
        i: usize,
        clitics: bool,
    ) -> Option<Hit<'v, V>> {
        let t = self.toks.get(i)?;
        if !t.is_word() && t.kind != TokenKind::Number && t.kind != TokenKind::Punct {
            return None;
        }
        let seen_through = clitics && t.kind == TokenKind::Arabic;
        let n = if seen_through { t.n_forms as usize } else { 1 };
        if t.forms[..n].iter().all(|&h| table.max_len_hashed(h) == 0) {
            return None;
        }
        let vars = if seen_through {
            variants(&t.norm)
        } else {
            Variants::single(&t.norm)
        };
        let mut best: Option<Hit<'v, V>> = None;
        let mut key = String::new();
        for (v, stripped) in vars {
            self.longest_from(table, i, &v, stripped, &mut key, &mut best);
        }
        best
    }

    /// The longest phrase of `table` at token `i` whose first word is `form`: the token with
    /// `stripped` letters of proclitic taken off by the caller, where [`variants`] would not
    /// («لبي بي سي», the BBC behind the «ل» of address, whose first word has two letters).
    pub fn match_form<'v, V>(
        &self,
        table: &'v Phrases<V>,
        i: usize,
        form: &str,
        stripped: usize,
    ) -> Option<Hit<'v, V>> {
        let mut best = None;
        self.longest_from(table, i, form, stripped, &mut String::new(), &mut best);
        best
    }

    /// Replaces `best` with the longest phrase at token `i` read with first word `v`, when
    /// longer.
    fn longest_from<'v, V>(
        &self,
        table: &'v Phrases<V>,
        i: usize,
        v: &str,
        stripped: usize,
        key: &mut String,
        best: &mut Option<Hit<'v, V>>,
    ) {
        let Some(t) = self.toks.get(i) else {
            return;
        };
        let n = table.max_len(v);
        for len in (1..=n).rev() {
            if best.is_some_and(|b| b.last - b.first >= len) {
                break;
            }
            let last = i + len;
            if last > self.toks.len() {
                continue;
            }
            if self.toks[i + 1..last]
                .iter()
                .any(|x| x.sentence != t.sentence || x.kind == TokenKind::Punct && x.norm != "%")
            {
                continue;
            }
            // A one-word phrase is the form itself: no key to build.
            let value = if len == 1 {
                table.get(v)
            } else {
                key.clear();
                key.push_str(v);
                for x in &self.toks[i + 1..last] {
                    key.push(' ');
                    key.push_str(&x.norm);
                }
                table.get(key)
            };
            if let Some(value) = value {
                let start = if stripped > 0 {
                    skip_letters(self.text, t.start, stripped)
                } else {
                    t.start
                };
                *best = Some(Hit {
                    first: i,
                    last,
                    start,
                    end: self.toks[last - 1].end,
                    value,
                });
                break;
            }
        }
    }

    /// True when tokens `first..last` stand between quotation marks («…», "…", “…”).
    pub fn quoted(&self, first: usize, last: usize) -> bool {
        let mark = |k: Option<usize>, marks: &[char]| {
            k.and_then(|k| self.toks.get(k)).is_some_and(|t| {
                let mut cs = self.slice(t.start, t.end).chars();
                t.kind == TokenKind::Punct
                    && cs.next().is_some_and(|c| marks.contains(&c))
                    && cs.next().is_none()
            })
        };
        mark(first.checked_sub(1), &rasd_text::OPENING_QUOTES)
            && mark(Some(last), &rasd_text::CLOSING_QUOTES)
    }

    /// True when token `i` (seen through proclitics) is in `set`.
    pub fn in_set(&self, set: &rasd_resources::WordSet, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            variants(&t.norm)
                .iter()
                .any(|(v, _)| set.contains(v.as_ref()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_variants() {
        let v: Vec<String> = variants("وبروسيا")
            .into_iter()
            .map(|(s, _)| s.into_owned())
            .collect();
        assert_eq!(v, ["وبروسيا", "بروسيا", "روسيا"]);
        let v: Vec<String> = variants("للامم")
            .into_iter()
            .map(|(s, _)| s.into_owned())
            .collect();
        assert_eq!(v, ["للامم", "الامم"]);
        let v: Vec<(String, usize)> = variants("وللامم")
            .into_iter()
            .map(|(s, n)| (s.into_owned(), n))
            .collect();
        assert_eq!(
            v,
            [("وللامم".into(), 0), ("للامم".into(), 1), ("الامم".into(), 2)]
        );
        assert_eq!(variants("فبالقرب").len(), 3);
    }

    #[test]
    fn skip_letters_keeps_harakat_with_clitic() {
        let t = "وَروسيا";
        assert_eq!(&t[skip_letters(t, 0, 1)..], "روسيا");
    }

    #[test]
    fn skip_letters_counts_a_ligature_as_its_letters() {
        // «ولاستقبال» in presentation forms: «و», then «لا» as one ligature.
        let t = "ﻭﻻﺳﺘﻘﺒﺎﻝ";
        assert_eq!(&t[skip_letters(t, 0, 1)..], "ﻻﺳﺘﻘﺒﺎﻝ");
        assert_eq!(&t[skip_letters(t, 0, 3)..], "ﺳﺘﻘﺒﺎﻝ");
        // A count that ends inside the ligature keeps it whole on the word's side.
        assert_eq!(&t[skip_letters(t, 0, 2)..], "ﻻﺳﺘﻘﺒﺎﻝ");
    }
}
