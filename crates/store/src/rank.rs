//! Second-stage ranking. BM25 on stems finds the candidates; a linear model over a few
//! features of each candidate then reorders the first `depth` of them. The features are the
//! ones BM25 cannot see: how much of the question's spelling the passage shares at the level of
//! letters (character trigrams of stems and of whole words, which catch misspelt names and
//! forms the light stemmer leaves apart), how much of it the passage shares at the level of
//! word families (consonant skeletons: «أقيم» and «المقامة»), whether the question's words
//! follow each other in the passage as they do in the question, whether the question names
//! the document's title, and a preference for the shorter of two passages that say the same thing. The weights are
//! learned (`rasd train rank`) and kept in a small text file, models/rank.tsv.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::index::Index;
use crate::StoreError;

/// Feature names, in the order of a model's weights.
pub const FEATURES: [&str; 7] = [
    "bm25",
    "title_bm25",
    "length",
    "stem_trigrams",
    "word_trigrams",
    "word_chain",
    "skeletons",
];
pub const N_FEATURES: usize = FEATURES.len();

/// The trigrams of a word padded with a boundary mark at both ends, each packed into a u64
/// (three 21-bit code points; the mark is code point 0, which no token contains).
pub(crate) fn trigrams(word: &str, mut f: impl FnMut(u64)) {
    let mut w = [0u32; 3];
    let mut n = 0usize;
    for c in word.chars().map(|c| c as u32).chain(std::iter::once(0)) {
        w = [w[1], w[2], c];
        n += 1;
        // The first window holds the start mark and the first two letters.
        if n >= 2 {
            f(((w[0] as u64) << 42) | ((w[1] as u64) << 21) | w[2] as u64);
        }
    }
}

/// The key of a stem's consonant skeleton ([`rasd_text::skeleton`]), with its top bit set
/// so that skeletons share the trigram tables without meeting a trigram (those fill 63 bits).
/// `buf` is scratch space, kept by the caller so that no token allocates.
fn skeleton_key(stem: &str, buf: &mut String) -> Option<u64> {
    if !rasd_text::skeleton_into(stem, buf) {
        return None;
    }
    let mut h = FxHasher::default();
    buf.hash(&mut h);
    Some(h.finish() | 1 << 63)
}

fn pair_key(a: &str, b: &str) -> u64 {
    let mut h = FxHasher::default();
    a.hash(&mut h);
    b.hash(&mut h);
    h.finish()
}

/// The forms of a text the features compare: distinct index terms (stems of content words),
/// the trigrams of those stems and of the whole normalised words, the stems' skeletons, and,
/// for the word chain,
/// every word's clitic-free form in order (function words included: questions copy
/// phrases).
#[derive(Debug, Default)]
pub struct Forms {
    pub stems: Vec<String>,
    stem_grams: FxHashSet<u64>,
    word_grams: FxHashSet<u64>,
    skeletons: FxHashSet<u64>,
    cores: Vec<String>,
}

impl Forms {
    pub fn new(an: &rasd_text::Analyzer, stop: &HashSet<String>, text: &str) -> Forms {
        let mut out = Forms::default();
        out.add(an, stop, text);
        out
    }

    fn add(&mut self, an: &rasd_text::Analyzer, stop: &HashSet<String>, text: &str) {
        let mut buf = String::new();
        an.for_each_form(text, |_, f| {
            self.cores.push(f.core.to_string());
            if f.stem.is_empty() || stop.contains(f.stem) {
                return;
            }
            if !self.stems.iter().any(|s| s == f.stem) {
                self.stems.push(f.stem.to_string());
            }
            trigrams(f.stem, |g| {
                self.stem_grams.insert(g);
            });
            trigrams(f.norm, |g| {
                self.word_grams.insert(g);
            });
            if let Some(k) = skeleton_key(f.stem, &mut buf) {
                self.skeletons.insert(k);
            }
        });
    }
}

/// What the features need of a candidate document, read against one query: which of the
/// query's trigrams it has, how often the query's stems occur in its title, and which
/// neighbouring pairs of query words stand side by side in its text. Reading only what the
/// query asks keeps re-ranking cheap: a few small set lookups per word.
#[derive(Debug, Default)]
pub struct DocForms {
    stem_grams: FxHashSet<u64>,
    skeletons: FxHashSet<u64>,
    word_grams: FxHashSet<u64>,
    title: FxHashMap<String, u32>,
    title_len: u32,
    pairs: FxHashSet<u64>,
}

impl DocForms {
    pub fn new(
        q: &Forms,
        an: &rasd_text::Analyzer,
        stop: &HashSet<String>,
        title: &str,
        text: &str,
    ) -> DocForms {
        let mut d = DocForms::default();
        crate::index::terms(an, stop, title, |t| {
            d.title_len += 1;
            if q.stems.iter().any(|s| s == t) {
                *d.title.entry(t.to_string()).or_insert(0) += 1;
            }
        });
        let words: FxHashSet<&str> = q.cores.iter().map(String::as_str).collect();
        let mut buf = String::new();
        for (part, seq) in [(title, false), (text, true)] {
            let mut prev: Option<String> = None;
            an.for_each_form(part, |_, f| {
                if seq {
                    let here = words.contains(f.core);
                    if let (true, Some(p)) = (here, &prev) {
                        d.pairs.insert(pair_key(p, f.core));
                    }
                    prev = here.then(|| f.core.to_string());
                }
                if f.stem.is_empty() || stop.contains(f.stem) {
                    return;
                }
                trigrams(f.stem, |g| {
                    if q.stem_grams.contains(&g) {
                        d.stem_grams.insert(g);
                    }
                });
                trigrams(f.norm, |g| {
                    if q.word_grams.contains(&g) {
                        d.word_grams.insert(g);
                    }
                });
                if let Some(k) = skeleton_key(f.stem, &mut buf).filter(|k| q.skeletons.contains(k))
                {
                    d.skeletons.insert(k);
                }
            });
        }
        d
    }
}

/// Collection statistics the features use beside BM25's: in how many documents each stem
/// trigram, stem skeleton (in the same table, see [`skeleton_key`]) and word trigram occurs,
/// and the document frequency and mean length of title terms.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RankStats {
    pub stem_grams: FxHashMap<u64, u32>,
    pub word_grams: FxHashMap<u64, u32>,
    pub title_df: FxHashMap<String, u32>,
    pub title_terms: u64,
}

impl RankStats {
    /// Counts one document's trigrams and title terms, handing every index term (the stems
    /// of content words, title first) to `term`.
    pub(crate) fn add(
        &mut self,
        an: &rasd_text::Analyzer,
        stop: &HashSet<String>,
        title: &str,
        text: &str,
        mut term: impl FnMut(&str),
    ) {
        let mut title_terms = FxHashSet::default();
        let mut stem_grams = FxHashSet::default();
        let mut word_grams = FxHashSet::default();
        let mut buf = String::new();
        for (part, in_title) in [(title, true), (text, false)] {
            an.for_each_form(part, |_, f| {
                if f.stem.is_empty() || stop.contains(f.stem) {
                    return;
                }
                term(f.stem);
                if in_title {
                    self.title_terms += 1;
                    if !title_terms.contains(f.stem) {
                        title_terms.insert(f.stem.to_string());
                    }
                }
                trigrams(f.stem, |g| {
                    stem_grams.insert(g);
                });
                if let Some(k) = skeleton_key(f.stem, &mut buf) {
                    stem_grams.insert(k);
                }
                trigrams(f.norm, |g| {
                    word_grams.insert(g);
                });
            });
        }
        for t in title_terms {
            *self.title_df.entry(t).or_insert(0) += 1;
        }
        for g in stem_grams {
            *self.stem_grams.entry(g).or_insert(0) += 1;
        }
        for g in word_grams {
            *self.word_grams.entry(g).or_insert(0) += 1;
        }
    }
}

/// Share of the query's trigrams found in the document, each weighted by its rarity.
fn coverage(q: &FxHashSet<u64>, d: &FxHashSet<u64>, df: &FxHashMap<u64, u32>, n: f32) -> f32 {
    let (mut hit, mut all) = (0.0f32, 0.0f32);
    for g in q {
        let idf = (n / (1.0 + df.get(g).copied().unwrap_or(0) as f32)).ln() + 1.0;
        all += idf;
        if d.contains(g) {
            hit += idf;
        }
    }
    if all > 0.0 {
        hit / all
    } else {
        0.0
    }
}

/// The longest run of query words in which every neighbouring pair also stands side by side
/// in the document (0 when no pair does).
fn chain(q: &[String], pairs: &FxHashSet<u64>) -> f32 {
    let (mut best, mut run) = (0usize, 1usize);
    for w in q.windows(2) {
        if pairs.contains(&pair_key(&w[0], &w[1])) {
            run += 1;
            best = best.max(run);
        } else {
            run = 1;
        }
    }
    best as f32
}

/// The feature vector of one candidate.
pub fn features(
    index: &Index,
    q: &Forms,
    d: &DocForms,
    doc: u32,
    bm25: f32,
    top_bm25: f32,
) -> [f32; N_FEATURES] {
    let n = index.docs.len() as f32;
    let st = index.rank_stats();
    let avg_title = st.title_terms as f32 / n.max(1.0);
    let mut title = 0.0f32;
    for t in &q.stems {
        let Some(&tf) = d.title.get(t) else { continue };
        let df = st.title_df.get(t).copied().unwrap_or(1) as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let tf = tf as f32;
        title +=
            idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * d.title_len as f32 / avg_title.max(1.0)));
    }
    let len = index.docs[doc as usize].len.max(1) as f32;
    [
        if top_bm25 > 0.0 { bm25 / top_bm25 } else { 0.0 },
        title,
        (len / index.avg_len().max(1.0)).ln(),
        coverage(&q.stem_grams, &d.stem_grams, &st.stem_grams, n),
        coverage(&q.word_grams, &d.word_grams, &st.word_grams, n),
        chain(&q.cores, &d.pairs),
        coverage(&q.skeletons, &d.skeletons, &st.stem_grams, n),
    ]
}

/// A linear re-ranking model: one weight per feature, and how many first-stage results it
/// reorders.
#[derive(Debug, Clone, PartialEq)]
pub struct RankModel {
    pub depth: usize,
    pub weights: [f32; N_FEATURES],
}

const BUILTIN: &str = include_str!("../../../models/rank.tsv");

impl RankModel {
    /// The model shipped with rasd (models/rank.tsv).
    pub fn builtin() -> RankModel {
        // The shipped file is checked by a test; a broken one would fail the build's tests,
        // so falling back to plain BM25 here only guards against an edited checkout.
        RankModel::parse(BUILTIN).unwrap_or(RankModel {
            depth: 0,
            weights: [0.0; N_FEATURES],
        })
    }

    /// Reads `name<TAB>value` lines (`depth` and one line per feature); `#` starts a comment.
    pub fn parse(text: &str) -> Result<RankModel, StoreError> {
        let bad = |line: usize, reason: String| StoreError::Corrupt {
            path: "rank model".to_string(),
            line,
            reason,
        };
        let mut depth = None;
        let mut weights = [None; N_FEATURES];
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (name, value) = line
                .split_once('\t')
                .ok_or_else(|| bad(i + 1, format!("expected name<TAB>value: {line}")))?;
            let value = value.trim();
            if name == "depth" {
                depth = Some(
                    value
                        .parse::<usize>()
                        .map_err(|e| bad(i + 1, format!("depth {value}: {e}")))?,
                );
                continue;
            }
            let k = FEATURES
                .iter()
                .position(|f| *f == name)
                .ok_or_else(|| bad(i + 1, format!("unknown feature {name}")))?;
            weights[k] = Some(
                value
                    .parse::<f32>()
                    .map_err(|e| bad(i + 1, format!("weight {value}: {e}")))?,
            );
        }
        let mut w = [0.0; N_FEATURES];
        for (k, v) in weights.iter().enumerate() {
            w[k] = v.ok_or_else(|| bad(0, format!("no weight for {}", FEATURES[k])))?;
        }
        Ok(RankModel {
            depth: depth.ok_or_else(|| bad(0, "no depth line".to_string()))?,
            weights: w,
        })
    }

    pub fn to_text(&self, header: &str) -> String {
        let mut s = String::new();
        for l in header.lines() {
            s.push_str("# ");
            s.push_str(l);
            s.push('\n');
        }
        s.push_str(&format!("depth\t{}\n", self.depth));
        for (f, w) in FEATURES.iter().zip(self.weights) {
            s.push_str(&format!("{f}\t{w:.6}\n"));
        }
        s
    }

    pub fn score(&self, x: &[f32; N_FEATURES]) -> f32 {
        x.iter().zip(self.weights).map(|(a, w)| a * w).sum()
    }

    /// Reorders the first `depth` hits by the model; the rest keep BM25's order below them,
    /// with scores that keep decreasing so that tools sorting by score see the same order.
    /// `load` gives a document's title and text; a document it cannot read keeps its place
    /// among the re-ranked ones with the lowest score.
    pub fn rerank(
        &self,
        index: &Index,
        an: &rasd_text::Analyzer,
        stop: &HashSet<String>,
        query: &str,
        hits: &mut [(u32, f32)],
        mut load: impl FnMut(u32) -> Option<(String, String)>,
    ) {
        let k = self.depth.min(hits.len());
        if k == 0 {
            return;
        }
        let q = Forms::new(an, stop, query);
        let top = hits[0].1;
        let mut scored: Vec<(u32, f32, bool)> = hits[..k]
            .iter()
            .map(|&(d, s)| match load(d) {
                Some((title, text)) => {
                    let df = DocForms::new(&q, an, stop, &title, &text);
                    (d, self.score(&features(index, &q, &df, d, s, top)), true)
                }
                None => (d, f32::NEG_INFINITY, false),
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        let floor = scored
            .iter()
            .filter(|s| s.2)
            .map(|s| s.1)
            .fold(f32::INFINITY, f32::min);
        let floor = if floor.is_finite() { floor } else { 0.0 };
        let mut step = 0.0f32;
        for (slot, (d, s, ok)) in hits[..k].iter_mut().zip(scored) {
            *slot = (d, if ok { s } else { floor - 1.0 });
        }
        for slot in hits[k..].iter_mut() {
            step += 1.0;
            slot.1 = floor - 1.0 - step * 1e-3;
        }
    }
}

/// Training examples: for each query, its candidates' features and which are relevant.
pub type Example = Vec<([f32; N_FEATURES], bool)>;

/// Learns weights by gradient descent on the softmax (listwise) loss of the relevant
/// candidates, with features standardised for the descent and the weights turned back into
/// weights on raw features. Deterministic: no sampling, a fixed number of steps.
pub fn train(examples: &[&Example], epochs: usize, rate: f32, l2: f32) -> [f32; N_FEATURES] {
    let rows = examples.iter().flat_map(|e| e.iter());
    let count = rows.clone().count().max(1) as f64;
    let mut mean = [0f64; N_FEATURES];
    for (x, _) in rows.clone() {
        for k in 0..N_FEATURES {
            mean[k] += x[k] as f64 / count;
        }
    }
    let mut sd = [0f64; N_FEATURES];
    for (x, _) in rows {
        for k in 0..N_FEATURES {
            sd[k] += (x[k] as f64 - mean[k]).powi(2) / count;
        }
    }
    let sd: Vec<f64> = sd
        .iter()
        .map(|v| if *v > 0.0 { v.sqrt() } else { 1.0 })
        .collect();
    let z = |x: &[f32; N_FEATURES]| -> [f64; N_FEATURES] {
        let mut o = [0f64; N_FEATURES];
        for k in 0..N_FEATURES {
            o[k] = (x[k] as f64 - mean[k]) / sd[k];
        }
        o
    };
    let data: Vec<Vec<([f64; N_FEATURES], bool)>> = examples
        .iter()
        .filter(|e| e.iter().any(|r| r.1))
        .map(|e| e.iter().map(|(x, y)| (z(x), *y)).collect())
        .collect();
    let mut w = [0f64; N_FEATURES];
    let nq = data.len().max(1) as f64;
    for _ in 0..epochs {
        let mut g = [0f64; N_FEATURES];
        for e in &data {
            let s: Vec<f64> = e
                .iter()
                .map(|(x, _)| x.iter().zip(&w).map(|(a, b)| a * b).sum())
                .collect();
            let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let ex: Vec<f64> = s.iter().map(|v| (v - m).exp()).collect();
            let total: f64 = ex.iter().sum();
            let relevant = e.iter().filter(|r| r.1).count() as f64;
            for (i, (x, y)) in e.iter().enumerate() {
                let t = if *y { 1.0 / relevant } else { 0.0 };
                let d = ex[i] / total - t;
                for k in 0..N_FEATURES {
                    g[k] += d * x[k];
                }
            }
        }
        for k in 0..N_FEATURES {
            w[k] -= rate as f64 * (g[k] / nq + l2 as f64 * w[k]);
        }
    }
    let mut raw = [0f32; N_FEATURES];
    for k in 0..N_FEATURES {
        raw[k] = (w[k] / sd[k]) as f32;
    }
    raw
}

/// Mean reciprocal rank at 10 of the candidates reordered by `weights`.
pub fn mrr_at_10(examples: &[&Example], weights: &[f32; N_FEATURES]) -> f64 {
    let model = RankModel {
        depth: usize::MAX,
        weights: *weights,
    };
    let mut sum = 0.0;
    for e in examples {
        let mut order: Vec<(usize, f32)> = e
            .iter()
            .enumerate()
            .map(|(i, (x, _))| (i, model.score(x)))
            .collect();
        // Ties keep the first stage's order.
        order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        if let Some(r) = order.iter().take(10).position(|(i, _)| e[*i].1) {
            sum += 1.0 / (r as f64 + 1.0);
        }
    }
    sum / examples.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigrams_of_a_padded_word() {
        let mut v = Vec::new();
        trigrams("غزة", |g| v.push(g));
        // #غز, غزة, زة#
        assert_eq!(v.len(), 3);
        let mut one = Vec::new();
        trigrams("و", |g| one.push(g));
        assert_eq!(one.len(), 1);
        assert_eq!(one[0], ('و' as u64) << 21);
    }

    #[test]
    fn chain_counts_words_whose_pairs_are_adjacent() {
        let d: FxHashSet<u64> = [pair_key("a", "b"), pair_key("b", "c"), pair_key("x", "y")]
            .into_iter()
            .collect();
        let q: Vec<String> = ["a", "b", "c", "z", "x", "y"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(chain(&q, &d), 3.0);
        assert_eq!(chain(&q[3..4], &d), 0.0);
    }

    #[test]
    fn shipped_model_parses_and_round_trips() {
        let m = RankModel::parse(BUILTIN).expect("models/rank.tsv");
        assert!(m.depth > 0);
        assert_eq!(RankModel::parse(&m.to_text("x")).ok(), Some(m));
        assert!(RankModel::parse("depth\t5\nbm25\t1\n").is_err());
        assert!(RankModel::parse("depth\tx\n").is_err());
    }

    #[test]
    fn training_prefers_the_feature_that_marks_the_relevant() {
        // Relevant candidates have a high second feature; the first is noise.
        let mut ex = Vec::new();
        for q in 0..20 {
            let mut e: Example = Vec::new();
            for i in 0..5 {
                let mut x = [0.0; N_FEATURES];
                x[0] = ((q * 7 + i * 3) % 5) as f32;
                x[1] = if i == q % 5 { 2.0 } else { 0.5 };
                e.push((x, i == q % 5));
            }
            ex.push(e);
        }
        let refs: Vec<&Example> = ex.iter().collect();
        let w = train(&refs, 100, 0.3, 0.001);
        assert!(w[1] > w[0].abs());
        assert_eq!(mrr_at_10(&refs, &w), 1.0);
    }
}
