//! Clitic segmentation and light stemming of one Arabic word.
//!
//! Both work on the word's *base* form (see [`crate::normalize`]) so that teh marbuta is still
//! told apart from the pronoun «ه». Rules are deliberately conservative: a clitic is cut only
//! when what remains is long enough to be a word, and a user-extensible list of words that
//! merely look clitic-initial («وزير», «فيلم», «الذي») is never cut. Known names are
//! protected from stemming by the caller (a stemmed «فلسطين» must not become «لسط»).

use std::collections::HashSet;

/// Where the clitics of a word end and begin, as byte offsets into its base form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Segments {
    /// Bytes of proclitics (و ف س ب ك ل ال) at the start of the base form.
    pub prefix_len: usize,
    /// Start of the pronoun suffix (ها هم …); equals the base length when there is none.
    pub suffix_start: usize,
}

impl Segments {
    pub fn stem<'a>(&self, base: &'a str) -> &'a str {
        &base[self.prefix_len..self.suffix_start]
    }
    pub fn prefix<'a>(&self, base: &'a str) -> &'a str {
        &base[..self.prefix_len]
    }
    pub fn suffix<'a>(&self, base: &'a str) -> &'a str {
        &base[self.suffix_start..]
    }
}

/// Pronoun suffixes, longest first; each needs at least three letters left before it.
const PRONOUNS: [&str; 9] = ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه"];

const ALEF: char = 'ا';
const LAM: char = 'ل';

#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    /// Folded words that look as if they carried a clitic but do not.
    keep_whole: HashSet<String>,
    /// Folded names never stemmed.
    protected: HashSet<String>,
}

#[inline]
fn char_count(s: &str) -> usize {
    s.chars().count()
}

impl Segmenter {
    pub fn new(keep_whole: HashSet<String>, protected: HashSet<String>) -> Self {
        Segmenter { keep_whole, protected }
    }

    pub fn protect(&mut self, folded: String) {
        self.protected.insert(folded);
    }

    pub fn keep_whole(&mut self, folded: String) {
        self.keep_whole.insert(folded);
    }

    fn is_whole(&self, base: &str, scratch: &mut String) -> bool {
        if self.keep_whole.is_empty() {
            return false;
        }
        scratch.clear();
        crate::normalize::fold_into(base, scratch);
        if self.keep_whole.contains(scratch.as_str()) {
            return true;
        }
        // «وزيرة», «وزراء» … : the listed word plus a feminine or plural ending.
        for end in ["ه", "ات", "ان", "ين", "ون", "اء"] {
            if let Some(stripped) = scratch.strip_suffix(end) {
                if self.keep_whole.contains(stripped) {
                    return true;
                }
            }
        }
        false
    }

    pub fn is_protected(&self, folded: &str) -> bool {
        self.protected.contains(folded)
    }

    /// Segments a base-form Arabic word.
    pub fn segment(&self, base: &str) -> Segments {
        let mut scratch = String::new();
        self.segment_with(base, &mut scratch)
    }

    pub fn segment_with(&self, base: &str, scratch: &mut String) -> Segments {
        let len = base.len();
        let mut seg = Segments { prefix_len: 0, suffix_start: len };
        if char_count(base) < 3 || self.is_whole(base, scratch) {
            return seg;
        }
        let mut rest = base;
        let mut conj = false;
        // Conjunction و / ف.
        if let Some(r) = rest.strip_prefix('و').or_else(|| rest.strip_prefix('ف')) {
            if char_count(r) >= 3 && !self.is_whole(r, scratch) {
                rest = r;
                conj = true;
            }
        }
        // Future particle س, only on what looks like an imperfect verb.
        if let Some(r) = rest.strip_prefix('س') {
            let starts_imperfect = r.starts_with(['ي', 'ت', 'ن', 'ا']);
            let min = if conj { 4 } else { 5 };
            if starts_imperfect && char_count(r) >= min && !self.is_whole(r, scratch) {
                rest = r;
            }
        }
        // Preposition before the article: بال كال لل (ل + ال with its alef dropped).
        if let Some(r) = rest.strip_prefix(['ب', 'ك']) {
            if r.starts_with("ال") && char_count(r) >= 4 {
                rest = r;
            }
        } else if let Some(r) = rest.strip_prefix("لل") {
            if char_count(r) >= 2 && !self.is_whole(rest, scratch) {
                // «لل» is ل + the article, so the article is consumed here.
                rest = r;
                return self.with_suffix(base, rest, seg);
            }
        }
        // Article.
        if let Some(r) = rest.strip_prefix(ALEF).and_then(|r| r.strip_prefix(LAM)) {
            if char_count(r) >= 2 && !self.is_whole(rest, scratch) {
                rest = r;
            }
        }
        seg.prefix_len = len - rest.len();
        self.with_suffix(base, rest, seg)
    }

    fn with_suffix(&self, base: &str, rest: &str, mut seg: Segments) -> Segments {
        seg.prefix_len = base.len() - rest.len();
        for p in PRONOUNS {
            if let Some(stem) = rest.strip_suffix(p) {
                if char_count(stem) >= 3 {
                    seg.suffix_start = seg.prefix_len + stem.len();
                    break;
                }
            }
        }
        seg
    }

    /// Light stem of a segmented stem (base form): drops plural, dual, feminine and nisba
    /// endings, then folds. Writes into `out` (cleared first).
    pub fn stem_into(&self, stem_base: &str, out: &mut String) {
        out.clear();
        crate::normalize::fold_into(stem_base, out);
        if self.protected.contains(out.as_str()) {
            return;
        }
        let mut s: &str = stem_base;
        for (suffix, min_left) in [("ات", 3), ("ون", 3), ("ين", 3), ("ان", 3), ("تان", 3), ("تين", 3)] {
            if let Some(r) = s.strip_suffix(suffix) {
                if char_count(r) >= min_left {
                    s = r;
                    break;
                }
            }
        }
        for (suffix, min_left) in [("ية", 3), ("ة", 3), ("ي", 3)] {
            if let Some(r) = s.strip_suffix(suffix) {
                if char_count(r) >= min_left {
                    s = r;
                    break;
                }
            }
        }
        out.clear();
        crate::normalize::fold_into(s, out);
    }

    /// Convenience: the light stem of a whole word in any spelling.
    pub fn stem(&self, word: &str) -> String {
        let base = crate::normalize::base(word);
        let seg = self.segment(&base);
        let mut out = String::new();
        let mut folded = String::new();
        crate::normalize::fold_into(&base, &mut folded);
        if self.protected.contains(&folded) {
            return folded;
        }
        self.stem_into(seg.stem(&base), &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(s: &Segmenter, w: &str) -> (String, String, String) {
        let b = crate::normalize::base(w);
        let g = s.segment(&b);
        (g.prefix(&b).to_string(), g.stem(&b).to_string(), g.suffix(&b).to_string())
    }

    fn segmenter() -> Segmenter {
        let keep = ["وزير", "الذي", "الى", "فيلم"].iter().map(|s| crate::normalize::fold(s)).collect();
        Segmenter::new(keep, HashSet::new())
    }

    #[test]
    fn proclitics() {
        let s = segmenter();
        assert_eq!(seg(&s, "والكتاب"), ("وال".into(), "كتاب".into(), "".into()));
        assert_eq!(seg(&s, "بالقوة"), ("بال".into(), "قوة".into(), "".into()));
        assert_eq!(seg(&s, "للأمن"), ("لل".into(), "امن".into(), "".into()));
        assert_eq!(seg(&s, "وسيعمل"), ("وس".into(), "يعمل".into(), "".into()));
    }

    #[test]
    fn pronoun_suffixes() {
        let s = segmenter();
        assert_eq!(seg(&s, "قواتها"), ("".into(), "قوات".into(), "ها".into()));
        assert_eq!(seg(&s, "وبلاده"), ("و".into(), "بلاد".into(), "ه".into()));
    }

    #[test]
    fn words_that_only_look_segmentable() {
        let s = segmenter();
        assert_eq!(seg(&s, "وزير").1, "وزير");
        assert_eq!(seg(&s, "وزيرة").1, "وزيرة");
        assert_eq!(seg(&s, "الذي").1, "الذي");
        assert_eq!(seg(&s, "إلى").1, "الى");
        assert_eq!(seg(&s, "ولد").1, "ولد");
    }

    #[test]
    fn light_stem() {
        let s = segmenter();
        assert_eq!(s.stem("والمفاوضات"), "مفاوض");
        assert_eq!(s.stem("الروسية"), "روس");
        assert_eq!(s.stem("الروسي"), "روس");
        // A short word keeps its ending: Lucene's «غزة» → «غز» is what we avoid.
        assert_eq!(s.stem("غزة"), "غزه");
        let mut p = segmenter();
        p.protect("فلسطين".into());
        assert_eq!(p.stem("فلسطين"), "فلسطين");
    }
}
