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
        let mut scratch = String::new();
        let mut stem = String::new();
        for &token in tokens {
            let surface = token.text(text);
            base.clear();
            normalize::base_into(surface, &mut base);
            let norm = normalize::fold(&base);
            if token.kind != TokenKind::Arabic {
                out.push(Analyzed {
                    token,
                    stem: norm.clone(),
                    core: base.clone(),
                    norm,
                    prefix: String::new(),
                    suffix: String::new(),
                });
                continue;
            }
            if self.segmenter.is_protected(&norm) {
                out.push(Analyzed {
                    token,
                    stem: norm.clone(),
                    core: base.clone(),
                    norm,
                    prefix: String::new(),
                    suffix: String::new(),
                });
                continue;
            }
            let seg = self.segmenter.segment_with(&base, &mut scratch);
            self.segmenter.stem_into(seg.stem(&base), &mut stem);
            out.push(Analyzed {
                token,
                norm,
                prefix: seg.prefix(&base).to_string(),
                core: seg.stem(&base).to_string(),
                suffix: seg.suffix(&base).to_string(),
                stem: stem.clone(),
            });
        }
        out
    }

    /// Streams the search terms (light stems) of `text` without allocating per token: the
    /// fast path used by the index and by benchmarks.
    pub fn for_each_stem(&self, text: &str, tokens: &mut Vec<Token>, mut f: impl FnMut(&Token, &str)) {
        tokens.clear();
        tokenize::tokenize_into(text, tokens);
        let mut base = String::new();
        let mut scratch = String::new();
        let mut stem = String::new();
        for token in tokens.iter() {
            if token.kind == TokenKind::Punct {
                continue;
            }
            base.clear();
            normalize::base_into(token.text(text), &mut base);
            if token.kind != TokenKind::Arabic {
                f(token, &base);
                continue;
            }
            stem.clear();
            normalize::fold_into(&base, &mut stem);
            if !self.segmenter.is_protected(&stem) {
                let seg = self.segmenter.segment_with(&base, &mut scratch);
                self.segmenter.stem_into(seg.stem(&base), &mut stem);
            }
            f(token, &stem);
        }
    }
}
