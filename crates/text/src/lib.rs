//! rasd's Arabic text layer: normalise → tokenise → segment → stem, each token keeping its
//! offsets into the original text.
//!
//! The pieces are small and usable alone ([`normalize`], [`tokenize`], [`segment`],
//! [`sentence`], [`skeleton`]); [`Analyzer`] chains them for one text.

pub mod normalize;
pub mod offsets;
pub mod segment;
pub mod sentence;
pub mod skeleton;
pub mod tokenize;

pub use normalize::{base, fold, fold_phrase};
pub use offsets::CharOffsets;
pub use segment::{Segmenter, Segments};
pub use sentence::split_sentences;
pub use skeleton::{skeleton, skeleton_into};
pub use tokenize::{tokenize, Token, TokenKind};

/// Marks that open a quotation or a quoted name (the straight one closes it too).
pub const OPENING_QUOTES: [char; 3] = ['«', '"', '“'];
/// Marks that close one.
pub const CLOSING_QUOTES: [char; 3] = ['»', '"', '”'];

/// One analysed token: where it is, and its forms for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analyzed {
    pub token: Token,
    /// Folded form of the whole token (what dictionaries compare).
    pub norm: String,
    /// Proclitics, base form («وال»), empty if none.
    pub prefix: String,
    /// The word without its clitics, base form.
    pub core: String,
    /// Pronoun suffix, base form, empty if none.
    pub suffix: String,
    /// Light stem, folded (what the search index stores).
    pub stem: String,
}

/// The forms of one token, all folded: the whole word, the word without its clitics, and its
/// light stem.
#[derive(Debug, Clone, Copy)]
pub struct Forms<'a> {
    pub norm: &'a str,
    pub core: &'a str,
    pub stem: &'a str,
}

/// The text chain: tokeniser, normaliser, segmenter and stemmer with their settings.
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    pub segmenter: Segmenter,
}

impl Analyzer {
    pub fn new(segmenter: Segmenter) -> Self {
        Analyzer { segmenter }
    }

    /// Analyses every token of `text`.
    pub fn analyze(&self, text: &str) -> Vec<Analyzed> {
        let tokens = tokenize(text);
        self.analyze_tokens(text, &tokens)
    }

    pub fn analyze_tokens(&self, text: &str, tokens: &[Token]) -> Vec<Analyzed> {
        let mut out = Vec::with_capacity(tokens.len());
        let mut base = String::new();
        let mut folded = String::new();
        for &token in tokens {
            let (seg, stem) = self.forms(token, text, &mut base, &mut folded);
            out.push(Analyzed {
                token,
                norm: folded.clone(),
                prefix: seg.prefix(&base).to_string(),
                core: seg.stem(&base).to_string(),
                suffix: seg.suffix(&base).to_string(),
                stem: folded[stem.0..stem.1].to_string(),
            });
        }
        out
    }

    /// Fills `base` and `folded` for one token and returns its segments and the byte range
    /// of its light stem in `folded`. Names on the protected list are left whole.
    #[inline]
    fn forms(
        &self,
        token: Token,
        text: &str,
        base: &mut String,
        folded: &mut String,
    ) -> (Segments, (usize, usize)) {
        base.clear();
        folded.clear();
        normalize::base_fold_into(token.text(text), base, folded);
        let whole = Segments {
            prefix_len: 0,
            suffix_start: base.len(),
        };
        if token.kind != TokenKind::Arabic {
            return (whole, (0, folded.len()));
        }
        self.stem_of(base, folded)
    }

    /// Streams every token's folded forms (whole word, clitic-free core, light stem) without
    /// allocating per token: the fast path used by the index and by benchmarks. Tokenising
    /// and normalising are fused: a run of Arabic-block letters is read two bytes at a time and normalised through a
    /// table as it is scanned; anything else goes through the ordinary tokeniser. The tokens
    /// and stems are exactly those of [`Analyzer::analyze`] (a test holds them equal).
    pub fn for_each_form(&self, text: &str, mut f: impl FnMut(&Token, Forms<'_>)) {
        let bytes = text.as_bytes();
        let len = bytes.len();
        let mut base = String::new();
        let mut folded = String::new();
        let mut pos = 0;
        let block = |p: usize| -> Option<usize> {
            let b = *bytes.get(p)?;
            if (0xD8..=0xDB).contains(&b) {
                let c = *bytes.get(p + 1)?;
                Some((((b & 0x1F) as usize) << 6 | (c & 0x3F) as usize) - 0x600)
            } else {
                None
            }
        };
        while pos < len {
            // Spaces first, or the next word would be read by the slow path.
            if matches!(bytes[pos], b' ' | b'\n' | b'\t' | b'\r') {
                pos += 1;
                continue;
            }
            if block(pos).is_some_and(|i| normalize::ARABIC_CLASS[i] != 0) {
                let start = pos;
                base.clear();
                folded.clear();
                while let Some(i) = block(pos).filter(|&i| normalize::ARABIC_CLASS[i] != 0) {
                    let (b, fo) = normalize::arabic_block(i);
                    if b != '\0' {
                        base.push(b);
                        folded.push(fo);
                    }
                    pos += 2;
                }
                // A letter from outside the block (Arabic Supplement, presentation forms)
                // continues the word: let the ordinary tokeniser take the whole run.
                let continues = text[pos..].chars().next().is_some_and(|c| {
                    !c.is_ascii() && (tokenize::is_arabic_letter(c) || normalize::is_ignorable(c))
                });
                if !continues {
                    // A run of marks alone leaves no letters: not a word.
                    if !base.is_empty() {
                        let token = Token {
                            start,
                            end: pos,
                            kind: TokenKind::Arabic,
                        };
                        let (seg, (a, b)) = self.stem_of(&base, &folded);
                        f(
                            &token,
                            Forms {
                                norm: &folded,
                                core: &folded[seg.prefix_len..seg.suffix_start],
                                stem: &folded[a..b],
                            },
                        );
                    }
                    continue;
                }
                pos = start;
            }
            let Some(token) = tokenize::next_token(text, &mut pos) else {
                break;
            };
            if token.kind == TokenKind::Punct {
                continue;
            }
            let (seg, (a, b)) = self.forms(token, text, &mut base, &mut folded);
            f(
                &token,
                Forms {
                    norm: &folded,
                    core: &folded[seg.prefix_len..seg.suffix_start],
                    stem: &folded[a..b],
                },
            );
        }
    }

    /// Streams the light stems of `text`: [`Analyzer::for_each_form`] keeping the stem.
    pub fn for_each_stem(&self, text: &str, mut f: impl FnMut(&Token, &str)) {
        self.for_each_form(text, |t, forms| f(t, forms.stem));
    }

    /// Segments and stem range of an Arabic word given its base and folded forms. A word left
    /// whole needs no protection; only a name about to be cut is looked up.
    #[inline]
    fn stem_of(&self, base: &str, folded: &str) -> (Segments, (usize, usize)) {
        let seg = self.segmenter.segment_folded(base, folded);
        let stem = self.segmenter.stem_range(base, seg);
        if stem != (0, folded.len()) && self.segmenter.is_protected(folded) {
            return (
                Segments {
                    prefix_len: 0,
                    suffix_start: folded.len(),
                },
                (0, folded.len()),
            );
        }
        (seg, stem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fused_path_equals_the_token_layer() {
        let mut seg = Segmenter::new(["وزير".to_string()], ["فلسطين".to_string()]);
        seg.protect("غزه".into());
        let an = Analyzer::new(seg);
        let text = "قال وزيرُ الخارجيّة الروسي، إنّ «بلاده» ستواصل العمل 20.5% مع فلسطين و«غزة» ـ ABC_def ٣٫٥ ۲۰ ٱلكتاب ﻻ ٍ ݣرة والمفاوضات \u{202B}عبد\u{202C} \u{061C}الله\u{061C} ﻣﺪ\u{200F}ﺭﺳﺔ.";
        let mut fused = Vec::new();
        an.for_each_stem(text, |t, s| fused.push((t.start, t.end, s.to_string())));
        let plain: Vec<_> = an
            .analyze(text)
            .into_iter()
            .filter(|a| a.token.kind != TokenKind::Punct)
            .map(|a| (a.token.start, a.token.end, a.stem))
            .collect();
        assert_eq!(fused, plain);
    }
}
