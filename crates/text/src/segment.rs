//! Clitic segmentation and light stemming of one Arabic word.
//!
//! Both work on the word's *base* form (see [`crate::normalize`]) so that teh marbuta is still
//! told apart from the pronoun «ه». Rules are deliberately conservative: a clitic is cut only
//! when what remains is long enough to be a word, and a user-extensible list of words that
//! merely look clitic-initial («وزير», «فيلم», «الذي») is never cut. Known names are
//! protected from stemming by the caller (a stemmed «فلسطين» must not become «لسط»).

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

type Set = rustc_hash::FxHashSet<String>;

#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    /// Folded words that look as if they carried a clitic but do not.
    keep_whole: Set,
    /// Folded names never stemmed.
    protected: Set,
}

/// Letters in a base-form Arabic word. Every letter of the Arabic block is two bytes in
/// UTF-8, so this is a division, not a walk; the rare three-byte letters (Arabic Extended-A,
/// presentation forms) only make a word count a little longer against the length limits.
#[inline]
fn char_count(s: &str) -> usize {
    s.len() / 2
}

/// Feminine and plural endings under which a listed no-segment word still counts as listed
/// («وزيرة», «وزراء»). Folded, so «ة» is «ه» here.
const WHOLE_ENDINGS: [&str; 6] = ["ه", "ات", "ان", "ين", "ون", "اء"];

impl Segmenter {
    pub fn new(
        keep_whole: impl IntoIterator<Item = String>,
        protected: impl IntoIterator<Item = String>,
    ) -> Self {
        Segmenter {
            keep_whole: keep_whole.into_iter().collect(),
            protected: protected.into_iter().collect(),
        }
    }

    pub fn protect(&mut self, folded: String) {
        self.protected.insert(folded);
    }

    pub fn keep_whole(&mut self, folded: String) {
        self.keep_whole.insert(folded);
    }

    /// Is this folded word (or it with a feminine/plural ending removed) on the list?
    fn is_whole(&self, folded: &str) -> bool {
        if self.keep_whole.is_empty() {
            return false;
        }
        self.keep_whole.contains(folded)
            || WHOLE_ENDINGS.iter().any(|end| {
                folded
                    .strip_suffix(end)
                    .is_some_and(|s| self.keep_whole.contains(s))
            })
    }

    pub fn is_protected(&self, folded: &str) -> bool {
        self.protected.contains(folded)
    }

    /// Segments a base-form Arabic word.
    pub fn segment(&self, base: &str) -> Segments {
        let folded = crate::normalize::fold(base);
        self.segment_folded(base, &folded)
    }

    /// Segments a word given its base form and its folded form. The two are byte-aligned
    /// (folding maps each character of the base form to one of the same length), so the
    /// folded form answers the list look-ups without being computed again.
    pub fn segment_folded(&self, base: &str, folded: &str) -> Segments {
        debug_assert_eq!(base.len(), folded.len());
        let len = base.len();
        let seg = Segments {
            prefix_len: 0,
            suffix_start: len,
        };
        // Only a word that starts with a proclitic letter or ends like a pronoun can be cut;
        // the rest need no look-up at all.
        let clitic_start = base.starts_with(['و', 'ف', 'س', 'ب', 'ك', 'ل', 'ا']);
        let pronoun_end = base.ends_with(['ه', 'ا', 'م', 'ن']);
        if char_count(base) < 3 || !(clitic_start || pronoun_end) || self.is_whole(folded) {
            return seg;
        }
        let at = |rest: &str| &folded[len - rest.len()..];
        let mut rest = base;
        let mut conj = false;
        // Conjunction و / ف.
        if let Some(r) = rest.strip_prefix('و').or_else(|| rest.strip_prefix('ف')) {
            if char_count(r) >= 3 && !self.is_whole(at(r)) {
                rest = r;
                conj = true;
            }
        }
        // Future particle س, only on what looks like an imperfect verb.
        if let Some(r) = rest.strip_prefix('س') {
            let starts_imperfect = r.starts_with(['ي', 'ت', 'ن', 'ا']);
            let min = if conj { 4 } else { 5 };
            if starts_imperfect && char_count(r) >= min && !self.is_whole(at(r)) {
                rest = r;
            }
        }
        // Preposition before the article: بال كال لل (ل + ال with its alef dropped).
        if let Some(r) = rest.strip_prefix(['ب', 'ك']) {
            if r.starts_with("ال") && char_count(r) >= 4 {
                rest = r;
            }
        } else if let Some(r) = rest.strip_prefix("لل") {
            if char_count(r) >= 2 && !self.is_whole(at(rest)) {
                // «لل» is ل + the article, so the article is consumed here.
                return with_suffix(len, r);
            }
        }
        // Article.
        if let Some(r) = rest.strip_prefix("ال") {
            if char_count(r) >= 2 && !self.is_whole(at(rest)) {
                rest = r;
            }
        }
        with_suffix(len, rest)
    }

    /// The light stem's byte range in the word: the segmented stem without plural, dual,
    /// feminine and nisba endings. Slice the folded form with it to get the stem.
    pub fn stem_range(&self, base: &str, seg: Segments) -> (usize, usize) {
        let a = seg.prefix_len;
        let mut s = &base[a..seg.suffix_start];
        for (suffix, min_left) in [
            ("ات", 3),
            ("ون", 3),
            ("ين", 3),
            ("ان", 3),
            ("تان", 3),
            ("تين", 3),
        ] {
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
        (a, a + s.len())
    }

    /// Light stem of a segmented stem (base form), folded, into `out` (cleared first).
    pub fn stem_into(&self, stem_base: &str, out: &mut String) {
        out.clear();
        crate::normalize::fold_into(stem_base, out);
        if self.protected.contains(out.as_str()) {
            return;
        }
        let whole = Segments {
            prefix_len: 0,
            suffix_start: stem_base.len(),
        };
        let (a, b) = self.stem_range(stem_base, whole);
        out.truncate(b);
        out.drain(..a);
    }

    /// Convenience: the light stem of a whole word in any spelling.
    pub fn stem(&self, word: &str) -> String {
        let base = crate::normalize::base(word);
        let folded = crate::normalize::fold(&base);
        if self.protected.contains(&folded) {
            return folded;
        }
        let seg = self.segment_folded(&base, &folded);
        let (a, b) = self.stem_range(&base, seg);
        folded[a..b].to_string()
    }
}

fn with_suffix(len: usize, rest: &str) -> Segments {
    let prefix_len = len - rest.len();
    let mut seg = Segments {
        prefix_len,
        suffix_start: len,
    };
    for p in PRONOUNS {
        if let Some(stem) = rest.strip_suffix(p) {
            if char_count(stem) >= 3 {
                seg.suffix_start = prefix_len + stem.len();
                break;
            }
        }
    }
    seg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(s: &Segmenter, w: &str) -> (String, String, String) {
        let b = crate::normalize::base(w);
        let g = s.segment(&b);
        (
            g.prefix(&b).to_string(),
            g.stem(&b).to_string(),
            g.suffix(&b).to_string(),
        )
    }

    fn segmenter() -> Segmenter {
        let keep: Vec<String> = ["وزير", "الذي", "الى", "فيلم"]
            .iter()
            .map(|s| crate::normalize::fold(s))
            .collect();
        Segmenter::new(keep, Vec::new())
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
