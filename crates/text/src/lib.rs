//! rasd's Arabic text layer: normalise → tokenise → segment → stem, each token keeping its
//! offsets into the original text.
//!
//! The pieces are small and usable alone ([`normalize`], [`tokenize`], [`segment`],
//! [`sentence`]); [`Analyzer`] chains them for one text.

pub mod normalize;
pub mod offsets;
pub mod segment;
pub mod sentence;
pub mod tokenize;

pub use normalize::{base, fold, fold_phrase};
pub use offsets::CharOffsets;
pub use segment::{Segmenter, Segments};
pub use sentence::split_sentences;
pub use tokenize::{tokenize, Token, TokenKind};

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
    fn forms(&self, token: Token, text: &str, base: &mut String, folded: &mut String) -> (Segments, (usize, usize)) {
        base.clear();
        folded.clear();
        normalize::base_fold_into(token.text(text), base, folded);
        let whole = Segments { prefix_len: 0, suffix_start: base.len() };
        if token.kind != TokenKind::Arabic {
            return (whole, (0, folded.len()));
        }
        let seg = self.segmenter.segment_folded(base, folded);
        let stem = self.segmenter.stem_range(base, seg);
        // A word left whole needs no protection; only a cut name is looked up.
        if stem != (0, folded.len()) && self.segmenter.is_protected(folded) {
            return (whole, (0, folded.len()));
        }
        (seg, stem)
    }

    /// Streams the search terms (light stems) of `text` without allocating per token: the
    /// fast path used by the index and by benchmarks.
    pub fn for_each_stem(&self, text: &str, tokens: &mut Vec<Token>, mut f: impl FnMut(&Token, &str)) {
        tokens.clear();
        tokenize::tokenize_into(text, tokens);
        let mut base = String::new();
        let mut folded = String::new();
        for &token in tokens.iter() {
            if token.kind == TokenKind::Punct {
                continue;
            }
            let (_, (a, b)) = self.forms(token, text, &mut base, &mut folded);
            f(&token, &folded[a..b]);
        }
    }
}
