//! A statistical named-entity tagger: an averaged perceptron over rich token features, decoded
//! greedily left to right with the two previous tags as features and BIO constraints. A
//! model may hold a second stage that tags each sentence again, reading what the first
//! stage made of the words on both sides (stacked learning, `rasd train ner --stack`).
//!
//! It works on the same token view as the rule-based extractors ([`Ctx`]) and reads the same
//! knowledge: gazetteer matches, titles, nationality adjectives, speech verbs and function
//! words are features, so the model learns how far to trust them. Trained by `rasd train ner`
//! (reproducible: fixed seed), stored as a small gzip file, and loaded by default.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::io::{Read, Write};

use rustc_hash::{FxHashMap, FxHasher};

use crate::context::{variants, Ctx};
use crate::lexicon::Lexicon;
use rasd_text::{Segmenter, TokenKind};

/// The tag set: BIO over PER, LOC, ORG, MISC.
pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
const N: usize = TAGS.len();
/// A feature's weights: one per tag for the first stage, then one per tag for the second
/// stage of a stacked model (zero without one), so that one look-up serves both stages.
type Row = [f32; 2 * N];
/// Bumped whenever features change: a model trained with other features is refused.
pub const FEATURES_VERSION: u32 = 12;
const MAGIC: &[u8; 8] = b"RASDNER1";

pub fn tag_index(t: &str) -> usize {
    TAGS.iter().position(|x| *x == t).unwrap_or(0)
}

/// May tag `next` follow tag `prev`? An I- continues only its own type.
fn allowed(prev: usize, next: usize) -> bool {
    let n = TAGS[next];
    match n.strip_prefix("I-") {
        Some(ty) => TAGS[prev].ends_with(ty) && prev != 0,
        None => true,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a rasd NER model (bad magic number)")]
    Magic,
    #[error("model was trained with feature set v{found}, this rasd uses v{expected}: retrain with `rasd train ner`")]
    Version { found: u32, expected: u32 },
    #[error("model file is truncated or corrupt: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What unlabelled news says about a word: how often rasd's dictionaries and rules find it
/// inside a person, a place or an organisation, as buckets 0–10 of the share of its
/// occurrences, and a frequency bucket (log2 of its count). Computed by `rasd train ner
/// --unlabeled` and stored in the model.
pub type Silver = crate::wordmap::WordMap<[u8; 5]>;

/// The lexicon's entry for a folded word: as written, else without its proclitics
/// («وباشينيان»). Most words are found as written, without building the variants.
pub fn silver_entry(silver: &Silver, norm: &str) -> Option<[u8; 5]> {
    silver
        .get(norm)
        .copied()
        .or_else(|| silver_of_forms(silver, &variants(norm)))
}

/// The lexicon's entry for the first of a word's forms ([`variants`]) it knows, for callers
/// that have built the forms already.
fn silver_of_forms(silver: &Silver, forms: &[(Cow<'_, str>, usize)]) -> Option<[u8; 5]> {
    forms
        .iter()
        .find_map(|(v, _)| silver.get(v.as_ref()).copied())
}

/// A fingerprint of a lexicon's word clusters, the same whatever the map's order: models
/// whose features read the cluster numbers must be trained on the same clustering.
pub fn clusters_fingerprint(silver: &Silver) -> u64 {
    silver
        .iter()
        .filter(|(_, e)| e[4] > 0)
        .map(|(w, e)| {
            let mut h = FxHasher::default();
            w.hash(&mut h);
            e[4].hash(&mut h);
            h.finish()
        })
        .fold(0u64, u64::wrapping_add)
}

/// Word → cluster number (from 1), see [`ClusterCounts`].
pub type Clusters = FxHashMap<String, u8>;

/// Counts towards a [`Silver`] lexicon.
#[derive(Debug, Default)]
pub struct SilverCounts {
    counts: FxHashMap<String, [u32; 4]>,
}

impl SilverCounts {
    /// Adds one text: every word's occurrence, and its type when inside an entity of `spans`
    /// (byte ranges with PER, LOC or ORG; inside a span typed «-» a word counts as seen, with
    /// no type).
    pub fn add(&mut self, text: &str, spans: &[(usize, usize, &str)]) {
        for t in rasd_text::tokenize(text) {
            if t.kind != TokenKind::Arabic {
                continue;
            }
            let c = self
                .counts
                .entry(rasd_text::fold(t.text(text)))
                .or_insert([0; 4]);
            c[3] += 1;
            if let Some(&(_, _, ty)) = spans.iter().find(|(a, b, _)| *a < t.end && t.start < *b) {
                let i = match ty {
                    "PER" => 0,
                    "LOC" => 1,
                    "-" => continue,
                    _ => 2,
                };
                c[i] += 1;
            }
        }
    }

    /// The lexicon: words seen at least `min` times, with their word cluster (`clusters`,
    /// from [`ClusterCounts`]; 0 for none).
    pub fn finish(self, min: u32, clusters: &Clusters) -> Silver {
        self.counts
            .into_iter()
            .filter(|(_, c)| c[3] >= min)
            .map(|(w, c)| {
                let share = |x: u32| ((x as f32 / c[3] as f32) * 10.0).round() as u8;
                let cluster = clusters.get(&w).copied().unwrap_or(0);
                (
                    w,
                    [
                        share(c[0]),
                        share(c[1]),
                        share(c[2]),
                        (32 - c[3].leading_zeros()) as u8,
                        cluster,
                    ],
                )
            })
            .collect()
    }

    /// Plans word clustering over the same news: the `rows` most frequent words are
    /// clustered by the `cols` most frequent words seen right before and after them.
    pub fn cluster_plan(&self, rows: usize, cols: usize) -> ClusterCounts {
        let mut by_freq: Vec<(&String, u32)> = self.counts.iter().map(|(w, c)| (w, c[3])).collect();
        by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        ClusterCounts {
            words: by_freq
                .iter()
                .take(rows)
                .enumerate()
                .map(|(i, (w, _))| ((*w).clone(), i as u32))
                .collect(),
            contexts: by_freq
                .iter()
                .take(cols)
                .enumerate()
                .map(|(i, (w, _))| ((*w).clone(), i as u32))
                .collect(),
            cols: cols as u32,
            rows: vec![FxHashMap::default(); rows.min(by_freq.len())],
        }
    }
}

/// Neighbour counts for word clusters: words that stand in the same company («قال» before,
/// «إن» after) fall in one cluster, so a name never seen in training shares its cluster's
/// weights with the names that were.
#[derive(Debug)]
pub struct ClusterCounts {
    words: FxHashMap<String, u32>,
    contexts: FxHashMap<String, u32>,
    cols: u32,
    rows: Vec<FxHashMap<u32, u32>>,
}

impl ClusterCounts {
    /// Counts the neighbours of every clustered word of `text` (Arabic words only, folded).
    pub fn add(&mut self, text: &str) {
        let words: Vec<String> = rasd_text::tokenize(text)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Arabic)
            .map(|t| rasd_text::fold(t.text(text)))
            .collect();
        for (i, w) in words.iter().enumerate() {
            let Some(&row) = self.words.get(w) else {
                continue;
            };
            let row = &mut self.rows[row as usize];
            if let Some(c) = i.checked_sub(1).and_then(|j| self.contexts.get(&words[j])) {
                *row.entry(*c).or_insert(0) += 1;
            }
            if let Some(c) = words.get(i + 1).and_then(|n| self.contexts.get(n)) {
                *row.entry(self.cols + c).or_insert(0) += 1;
            }
        }
    }

    /// k-means (cosine, `k` ≤ 255 clusters, `iterations` rounds) over the square roots of the
    /// neighbour counts. Deterministic: the first centroids are words spread evenly over the
    /// frequency ranks. Cluster numbers start at 1.
    pub fn finish(self, k: usize, iterations: usize) -> Clusters {
        let k = k.clamp(1, 255);
        let dim = 2 * self.cols as usize;
        let vecs: Vec<Vec<(u32, f32)>> = self
            .rows
            .iter()
            .map(|r| {
                let mut v: Vec<(u32, f32)> =
                    r.iter().map(|(c, n)| (*c, (*n as f32).sqrt())).collect();
                v.sort_unstable_by_key(|x| x.0);
                let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
                v.iter_mut().for_each(|x| x.1 /= norm);
                v
            })
            .collect();
        let n = vecs.len();
        if n == 0 {
            return FxHashMap::default();
        }
        let mut centroids = vec![vec![0f32; dim]; k];
        for (j, c) in centroids.iter_mut().enumerate() {
            for &(i, x) in &vecs[(j * n / k).min(n - 1)] {
                c[i as usize] = x;
            }
        }
        let mut assign = vec![0usize; n];
        for _ in 0..iterations {
            for (w, v) in vecs.iter().enumerate() {
                let mut best = (f32::NEG_INFINITY, 0usize);
                for (j, c) in centroids.iter().enumerate() {
                    let s: f32 = v.iter().map(|&(i, x)| x * c[i as usize]).sum();
                    if s > best.0 {
                        best = (s, j);
                    }
                }
                assign[w] = best.1;
            }
            let mut sums = vec![vec![0f32; dim]; k];
            let mut sizes = vec![0usize; k];
            for (w, v) in vecs.iter().enumerate() {
                sizes[assign[w]] += 1;
                for &(i, x) in v {
                    sums[assign[w]][i as usize] += x;
                }
            }
            for j in 0..k {
                if sizes[j] == 0 {
                    continue;
                }
                let norm = sums[j].iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                centroids[j] = sums[j].iter().map(|x| x / norm).collect();
            }
        }
        self.words
            .into_iter()
            .filter(|(_, row)| (*row as usize) < n)
            .map(|(w, row)| (w, assign[row as usize] as u8 + 1))
            .collect()
    }
}

/// Feature weights: hashed feature → one weight per tag.
#[derive(Debug, Clone)]
pub struct Model {
    /// Which model this is ([`next_id`]): the per-thread cache of word facts serves one
    /// model's news lexicon and weights at a time.
    id: u64,
    /// [`rasd_resources::Resources::builtin_fingerprint`] of the knowledge it was trained with.
    pub fingerprint: u64,
    /// The news lexicon. Tagging keeps what it says of each word per thread, under the
    /// model's id: a model's lexicon is filled before the model tags, never after.
    pub silver: Silver,
    /// One look-up per feature: the weights of both stages stand in the table itself.
    weights: FxHashMap<u64, Row>,
    /// Whether the table holds a second stage, which re-tags each sentence reading the first
    /// stage's tags on both sides of the word ([`Model::first_stage_only`] turns it off).
    stacked: bool,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            id: next_id(),
            fingerprint: 0,
            silver: Silver::default(),
            weights: FxHashMap::default(),
            stacked: false,
        }
    }
}

/// A model whose table holds second-stage weights has a weight for the second stage's bias.
fn has_second_stage(weights: &FxHashMap<u64, Row>) -> bool {
    weights
        .get(&key(0, &[]))
        .is_some_and(|w| w[N..].iter().any(|x| *x != 0.0))
}

/// A number no other model or lexicon of this process has: what a cache filled for one of
/// them is known by.
pub(crate) fn next_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Model {
    /// The mean of models trained on the same lexicon in different orders: a linear model,
    /// so the mean of the weights scores as the mean of the scores. Each feature's weights
    /// are summed in the order of the models, so the result does not depend on hashing.
    pub fn mean(models: Vec<Model>) -> Model {
        let k = models.len().max(1) as f32;
        let mut out = Model::default();
        for m in &models {
            for (f, ws) in &m.weights {
                let row = out.weights.entry(*f).or_insert([0.0; 2 * N]);
                for (o, w) in row.iter_mut().zip(ws) {
                    *o += w / k;
                }
            }
        }
        if let Some(first) = models.into_iter().next() {
            out.fingerprint = first.fingerprint;
            out.silver = first.silver;
        }
        out.stacked = has_second_stage(&out.weights);
        out
    }

    #[cfg(test)]
    fn scores(&self, feats: &[u64], out: &mut [f32; N]) {
        *out = [0.0; N];
        self.add_scores(feats, out);
    }

    /// Adds the weights of `feats` to `out`, in their order.
    fn add_scores(&self, feats: &[u64], out: &mut [f32; N]) {
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for t in 0..N {
                    out[t] += w[t];
                }
            }
        }
    }

    /// Adds the second stage's weights of `feats` to `out`.
    fn add_second_scores(&self, feats: &[u64], out: &mut [f32; N]) {
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for t in 0..N {
                    out[t] += w[N + t];
                }
            }
        }
    }

    /// Adds the weights of both stages of `feats`, one look-up each.
    fn add_both(&self, feats: &[u64], first: &mut [f32; N], second: &mut [f32; N]) {
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for t in 0..N {
                    first[t] += w[t];
                    second[t] += w[N + t];
                }
            }
        }
    }

    /// Tags with the first stage alone, leaving a second stage unread: the model trained on
    /// all the data, as without `--stack`, and faster.
    pub fn first_stage_only(&mut self) {
        self.stacked = false;
    }

    /// Makes the first-stage weights of `second_stage` (trained with
    /// [`Trainer::learn_second`]) this model's second stage.
    pub fn stack(&mut self, second_stage: Model) {
        for (k, w) in second_stage.weights {
            let row = self.weights.entry(k).or_insert([0.0; 2 * N]);
            row[N..].copy_from_slice(&w[..N]);
        }
        self.stacked = has_second_stage(&self.weights);
    }

    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// Writes the model: magic, feature version, fingerprint, number of stages (1 or 2),
    /// count, then (key, weights of each stage) rows, then the news lexicon; gzip.
    pub fn save(&self, w: impl Write) -> Result<(), ModelError> {
        let mut z = flate2::write::GzEncoder::new(w, flate2::Compression::best());
        z.write_all(MAGIC)?;
        z.write_all(&FEATURES_VERSION.to_le_bytes())?;
        z.write_all(&self.fingerprint.to_le_bytes())?;
        let stages = if self.stacked { 2 } else { 1 };
        z.write_all(&[stages as u8])?;
        let mut rows: Vec<(&u64, &Row)> = self.weights.iter().collect();
        rows.sort_unstable_by_key(|r| r.0);
        z.write_all(&(rows.len() as u64).to_le_bytes())?;
        for (k, ws) in rows {
            z.write_all(&k.to_le_bytes())?;
            for x in &ws[..stages * N] {
                z.write_all(&x.to_le_bytes())?;
            }
        }
        let mut words: Vec<(String, &[u8; 5])> = self.silver.iter().collect();
        words.sort();
        z.write_all(&(words.len() as u64).to_le_bytes())?;
        for (w, b) in words {
            z.write_all(&[w.len() as u8])?;
            z.write_all(w.as_bytes())?;
            z.write_all(b)?;
        }
        z.finish()?;
        Ok(())
    }

    pub fn load(r: impl Read) -> Result<Self, ModelError> {
        Model::read(r, true)
    }

    /// The model's news lexicon alone (what the event detector reads of it): the weights are
    /// skipped, not built.
    pub fn load_lexicon(r: impl Read) -> Result<Silver, ModelError> {
        Ok(Model::read(r, false)?.silver)
    }

    fn read(r: impl Read, with_weights: bool) -> Result<Self, ModelError> {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(r)
            .read_to_end(&mut bytes)
            .map_err(|e| ModelError::Corrupt(e.to_string()))?;
        let take = |at: &mut usize, n: usize| -> Result<&[u8], ModelError> {
            let s = bytes
                .get(*at..*at + n)
                .ok_or_else(|| ModelError::Corrupt(format!("ends at byte {}", bytes.len())))?;
            *at += n;
            Ok(s)
        };
        let mut at = 0;
        if take(&mut at, 8)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let version = u32::from_le_bytes(
            take(&mut at, 4)?
                .try_into()
                .map_err(|_| ModelError::Magic)?,
        );
        // The lexicon alone does not depend on the features, so a model of another feature
        // set still lends its word clusters (to the event detector, and while a new feature
        // set is being evaluated before its model replaces the built-in one).
        if with_weights && version != FEATURES_VERSION {
            return Err(ModelError::Version {
                found: version,
                expected: FEATURES_VERSION,
            });
        }
        let fingerprint = u64::from_le_bytes(
            take(&mut at, 8)?
                .try_into()
                .map_err(|_| ModelError::Magic)?,
        );
        // Files before feature set v12 hold one stage and do not say so.
        let stages = if version >= 12 {
            usize::from(take(&mut at, 1)?[0])
        } else {
            1
        };
        if !(1..=2).contains(&stages) {
            return Err(ModelError::Corrupt(format!("{stages} stages")));
        }
        let rows = u64::from_le_bytes(
            take(&mut at, 8)?
                .try_into()
                .map_err(|_| ModelError::Magic)?,
        ) as usize;
        let mut m = Model {
            id: next_id(),
            fingerprint,
            silver: Silver::default(),
            // A corrupt count must not reserve more than the file can hold (44 bytes a row).
            weights: FxHashMap::with_capacity_and_hasher(
                if with_weights {
                    rows.min(bytes.len() / 44)
                } else {
                    0
                },
                Default::default(),
            ),
            stacked: false,
        };
        if with_weights {
            for _ in 0..rows {
                let k = u64::from_le_bytes(
                    take(&mut at, 8)?
                        .try_into()
                        .map_err(|_| ModelError::Magic)?,
                );
                let mut w = [0f32; 2 * N];
                for x in w[..stages * N].iter_mut() {
                    *x = f32::from_le_bytes(
                        take(&mut at, 4)?
                            .try_into()
                            .map_err(|_| ModelError::Magic)?,
                    );
                }
                m.weights.insert(k, w);
            }
            m.stacked = has_second_stage(&m.weights);
        } else {
            let all = rows
                .checked_mul(8 + 4 * N * stages)
                .ok_or_else(|| ModelError::Corrupt(format!("{rows} rows")))?;
            take(&mut at, all)?;
        }
        let words = u64::from_le_bytes(
            take(&mut at, 8)?
                .try_into()
                .map_err(|_| ModelError::Magic)?,
        ) as usize;
        for _ in 0..words {
            let n = take(&mut at, 1)?[0] as usize;
            let w = String::from_utf8_lossy(take(&mut at, n)?).into_owned();
            let b = take(&mut at, 5)?;
            m.silver.insert(&w, [b[0], b[1], b[2], b[3], b[4]]);
        }
        Ok(m)
    }
}

/// Per-token facts the features are built from, computed once per sentence. The strings a
/// feature reads are hashed here once, so that the features of a token and of its
/// neighbours only combine numbers: each word is read by some fifteen features of its own
/// and of the four words around it.
struct TokenFacts<'a> {
    /// The word as folded.
    norm: &'a str,
    /// The hashes of its forms (the memory of the document reads them).
    forms: &'a [u64],
    /// What the word says alone.
    own: Own,
    /// Its own features ([`own_features`]), when training; tagging reads their sum.
    own_feats: Vec<u64>,
    /// What the document's memory says of the word: «PER», «LOC+» … or «».
    known_h: u64,
    /// «B-GPE», «I-PER» … from the gazetteer, or empty.
    gaz_h: u64,
    title: bool,
    /// The topic of the passage ([`Memory::enter`]): 0 for none, else 1 + its index.
    topic: u8,
}

fn shape(ctx: &Ctx, k: usize) -> &'static str {
    let t = &ctx.toks[k];
    match t.kind {
        TokenKind::Number => "num",
        TokenKind::Foreign => "latin",
        TokenKind::Punct => match ctx.slice(t.start, t.end) {
            "\"" | "«" | "»" | "“" | "”" => "quote",
            "(" | ")" => "paren",
            "،" | "," => "comma",
            _ => "punct",
        },
        TokenKind::Arabic => {
            let n = t.norm.chars().count();
            if n <= 2 {
                "ar-short"
            } else if n <= 5 {
                "ar-mid"
            } else {
                "ar-long"
            }
        }
    }
}

/// At most this many inner trigrams a word: longer words are rarely names, and the first
/// ones already tell the letters of a foreign name.
const INNER: usize = 8;

/// The hashes of the character trigrams of `word` that start after its first letter and end
/// before its last, the first [`INNER`] of them.
fn inner_trigrams(word: &str) -> ([u64; INNER], u8) {
    let mut out = [0u64; INNER];
    // Where each of the first characters starts: the trigrams read no further.
    let mut starts = [0usize; INNER + 4];
    let mut chars = 0;
    for (i, (b, _)) in word.char_indices().enumerate() {
        if let Some(s) = starts.get_mut(i) {
            *s = b;
        }
        chars = i + 1;
    }
    let mut n = 0;
    // A trigram from character `i` ends before the last character when i + 3 < chars.
    for i in 1..chars.saturating_sub(3).min(INNER + 1) {
        out[n] = text_hash(&word[starts[i]..starts[i + 3]]);
        n += 1;
    }
    (out, n as u8)
}

/// A string as a feature part.
fn text_hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

/// A feature's key: its template number and its parts (string hashes or small numbers).
fn key(template: u64, parts: &[u64]) -> u64 {
    let mut s = FxHasher::default();
    s.write_u64(template);
    for p in parts {
        s.write_u64(*p);
    }
    s.finish()
}

/// The first `n` characters of `s`, and the last `n`.
fn head(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map(|(b, _)| b).unwrap_or(s.len())]
}
fn tail(s: &str, n: usize) -> &str {
    &s[s.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map(|(b, _)| b)
        .unwrap_or(0)..]
}

/// The facts of each token of `first..last`. With `cache` (the model, and the lexicon's id),
/// what each word says alone, with the weights of its own features summed, is taken from the
/// thread's cache when it was computed before.
fn facts<'a>(
    ctx: &'a Ctx,
    lex: &Lexicon,
    seg: &Segmenter,
    silver: &Silver,
    memory: &mut Memory,
    (first, last): (usize, usize),
    cache: Option<(&Model, u64)>,
) -> Vec<TokenFacts<'a>> {
    let topic = memory.passage.sentence(ctx, lex, (first, last));
    let memory = &*memory;
    let mut gaz: Vec<&'static str> = vec![""; last - first];
    let mut i = first;
    while i < last {
        match ctx.match_at(&lex.gazetteer, i, true) {
            Some(h) if h.last <= last => {
                let kind = lex.res.entities[h.value[0]].kind.as_str();
                for k in h.first..h.last {
                    gaz[k - first] = match (kind, k == h.first) {
                        ("PER", true) => "B-PER",
                        ("PER", false) => "I-PER",
                        ("GPE", true) => "B-GPE",
                        ("GPE", false) => "I-GPE",
                        ("LOC", true) => "B-LOC",
                        ("LOC", false) => "I-LOC",
                        ("ORG", true) => "B-ORG",
                        ("ORG", false) => "I-ORG",
                        (_, true) => "B-MEDIA",
                        (_, false) => "I-MEDIA",
                    };
                }
                i = h.last;
            }
            _ => i += 1,
        }
    }
    let fill = |own_of: &mut dyn FnMut(usize) -> (Own, Vec<u64>)| -> Vec<TokenFacts<'a>> {
        (first..last)
            .map(|k| {
                let t = &ctx.toks[k];
                let (own, own_feats) = own_of(k);
                TokenFacts {
                    own,
                    own_feats,
                    known_h: text_hash(memory.verdict(t.forms())),
                    norm: &t.norm,
                    forms: t.forms(),
                    gaz_h: text_hash(gaz[k - first]),
                    title: ctx.match_at(&lex.titles, k, true).is_some(),
                    topic,
                }
            })
            .collect()
    };
    // With the model, a word's facts carry the sum of its own features' weights.
    let own_of = |k: usize, feats: &mut Vec<u64>| {
        let w = own_facts(ctx, lex, seg, silver, k);
        feats.clear();
        own_features(&w, feats);
        let mut sum = [0.0; N];
        let mut sum2 = [0.0; N];
        if let Some((m, _)) = cache {
            if m.stacked {
                m.add_both(feats, &mut sum, &mut sum2);
            } else {
                m.add_scores(feats, &mut sum);
            }
        }
        w.keep(sum, sum2)
    };
    match cache {
        Some((m, lex_id)) => OWN.with(|cell| match cell.try_borrow_mut() {
            Ok(mut c) => {
                let owner = (m.id, lex_id);
                if c.owner != owner {
                    c.owner = owner;
                    c.words.clear();
                }
                let mut feats = Vec::with_capacity(32);
                fill(&mut |k| {
                    let t = &ctx.toks[k];
                    let text = ctx.slice(t.start, t.end);
                    let own = match c.words.get(text) {
                        Some(o) if o.kind == t.kind => *o,
                        _ => {
                            let o = own_of(k, &mut feats);
                            if c.words.len() >= OWN_CACHE_WORDS {
                                c.words.clear();
                            }
                            c.words.insert(text, o);
                            o
                        }
                    };
                    // Tagging reads the sum, not the features.
                    (own, Vec::new())
                })
            }
            Err(_) => fill(&mut |k| (own_of(k, &mut Vec::new()), Vec::new())),
        }),
        // Training reads each feature.
        None => fill(&mut |k| {
            let mut feats = Vec::with_capacity(32);
            let own = own_of(k, &mut feats);
            (own, feats)
        }),
    }
}

/// At most this many word forms in a thread's cache of word facts before it starts anew
/// (some 20 MB; a few thousand news articles hold about 100,000 forms).
const OWN_CACHE_WORDS: usize = 1 << 17;

/// The word facts ([`Own`]) a thread has computed, for the model and lexicon they were
/// computed with: news repeats its words, and most tokens are found here.
#[derive(Default)]
struct OwnCache {
    owner: (u64, u64),
    words: crate::wordmap::WordMap<Own>,
}

thread_local! {
    static OWN: std::cell::RefCell<OwnCache> = std::cell::RefCell::new(OwnCache::default());
}

/// What a word tells the tagger whatever stands around it: the same for every occurrence of
/// the same written form.
struct Word {
    kind: TokenKind,
    norm_h: u64,
    stem_h: u64,
    core_h: u64,
    clitics_h: u64,
    norm_pre: [u64; 3],
    norm_suf: [u64; 3],
    core_pre: [u64; 2],
    core_suf: [u64; 2],
    inner: [u64; INNER],
    n_inner: u8,
    silver: [u8; 5],
    given: bool,
    nationality: bool,
    speech: bool,
    function: bool,
    shape_h: u64,
}

/// The part of a [`Word`] its neighbours' features read, and the weights of its own
/// features summed: what a thread keeps of each word form.
#[derive(Debug, Clone, Copy)]
struct Own {
    kind: TokenKind,
    norm_h: u64,
    stem_h: u64,
    core_h: u64,
    shape_h: u64,
    silver: [u8; 5],
    given: bool,
    nationality: bool,
    speech: bool,
    function: bool,
    /// The weights of [`own_features`] summed, when a model is tagging.
    sum: [f32; N],
    /// The same for the second stage of a stacked model ([`second`] keys).
    sum2: [f32; N],
}

impl Word {
    fn keep(&self, sum: [f32; N], sum2: [f32; N]) -> Own {
        Own {
            kind: self.kind,
            norm_h: self.norm_h,
            stem_h: self.stem_h,
            core_h: self.core_h,
            shape_h: self.shape_h,
            silver: self.silver,
            given: self.given,
            nationality: self.nationality,
            speech: self.speech,
            function: self.function,
            sum,
            sum2,
        }
    }
}

fn own_facts(ctx: &Ctx, lex: &Lexicon, seg: &Segmenter, silver: &Silver, k: usize) -> Word {
    let t = &ctx.toks[k];
    // The word's forms without proclitics, computed once for every look-up below.
    let vars = variants(&t.norm);
    let in_set =
        |set: &rasd_resources::WordSet| vars.iter().take(2).any(|(v, _)| set.contains(v.as_ref()));
    // One segmentation gives the core, the clitics and the light stem. `norm` is the
    // folded form, byte-aligned with the base form the segmenter reads.
    let (core, clitics_h, stem) = if t.kind == TokenKind::Arabic {
        let base = rasd_text::base(ctx.slice(t.start, t.end));
        let g = seg.segment_folded(&base, &t.norm);
        let (a, b) = seg.stem_range(&base, g);
        (
            &t.norm[g.prefix_len..g.suffix_start],
            key(0, &[text_hash(g.prefix(&base)), text_hash(g.suffix(&base))]),
            &t.norm[a..b],
        )
    } else {
        // Not the hash of an Arabic word without clitics: no segmentation at all.
        (t.norm.as_str(), text_hash(""), t.norm.as_str())
    };
    let norm = t.norm.as_str();
    let (inner, n_inner) = if t.kind == TokenKind::Arabic {
        inner_trigrams(norm)
    } else {
        ([0; INNER], 0)
    };
    Word {
        kind: t.kind,
        inner,
        n_inner,
        silver: silver_of_forms(silver, &vars).unwrap_or([0; 5]),
        given: vars
            .iter()
            .any(|(v, _)| lex.res.given_names.contains(v.as_ref())),
        norm_h: text_hash(norm),
        stem_h: text_hash(stem),
        core_h: text_hash(core),
        clitics_h,
        norm_pre: [1, 2, 3].map(|n| text_hash(head(norm, n))),
        norm_suf: [1, 2, 3].map(|n| text_hash(tail(norm, n))),
        core_pre: [2, 3].map(|n| text_hash(head(core, n))),
        core_suf: [2, 3].map(|n| text_hash(tail(core, n))),
        nationality: lex.nationality.get(&t.norm).is_some(),
        // A form that is also another word («بين», between; «نقل», to carry) is mostly that
        // word: read as a speech verb it tells of a name that does not follow.
        speech: vars.iter().take(2).any(|(v, _)| {
            lex.speech
                .get(v.as_ref())
                .is_some_and(|s| s.personal && !s.other_word)
        }),
        function: in_set(&lex.function_words),
        shape_h: text_hash(shape(ctx, k)),
    }
}

/// A byte in decimal, as the features hash it, without formatting it for every token.
pub(crate) fn decimal(n: u8) -> &'static str {
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    &TABLE.get_or_init(|| (0..=255u8).map(|i| i.to_string()).collect())[usize::from(n)]
}

/// The features of token `i` (index into `f`) given the two previous tags and what the
/// tagger said earlier in the document: the word's own first, then those of its context.
fn token_features(f: &[TokenFacts], i: usize, p1: usize, p2: usize, out: &mut Vec<u64>) {
    out.clear();
    out.extend_from_slice(&f[i].own_feats);
    context_features(f, i, p1, p2, out);
}

/// The features that read nothing but the word itself. They come first in a token's list,
/// so that their weights summed once per word form ([`Own::sum`]) are where the tagger's
/// sum over the whole list would stand after them.
fn own_features(o: &Word, out: &mut Vec<u64>) {
    out.push(key(0, &[]));
    out.push(key(1, &[o.norm_h]));
    out.push(key(2, &[o.stem_h]));
    for n in 0..3 {
        out.push(key(41 + n as u64, &[o.norm_pre[n]]));
        out.push(key(51 + n as u64, &[o.norm_suf[n]]));
    }
    out.push(key(11, &[o.shape_h]));
    out.push(key(27, &[o.core_h]));
    out.push(key(28, &[o.clitics_h]));
    for n in 0..2 {
        out.push(key(62 + n as u64, &[o.core_pre[n]]));
        out.push(key(72 + n as u64, &[o.core_suf[n]]));
    }
    for (k, i) in [(80u64, 0usize), (81, 1), (82, 2), (83, 3)] {
        out.push(key(k, &[u64::from(o.silver[i])]));
    }
    // The word's cluster in the news.
    out.push(key(87, &[u64::from(o.silver[4])]));
    for h in &o.inner[..usize::from(o.n_inner)] {
        out.push(key(104, &[*h]));
    }
}

/// The features that read the neighbours, the previous tags, the gazetteer's and the
/// document's verdicts.
fn context_features(f: &[TokenFacts], i: usize, p1: usize, p2: usize, out: &mut Vec<u64>) {
    static_features(f, i, out);
    history_features(f, i, p1, p2, out);
}

/// The features of [`context_features`] that read the previous tags: the only ones a
/// second stage, whose history is its own, cannot share with the first.
fn history_features(f: &[TokenFacts], i: usize, p1: usize, p2: usize, out: &mut Vec<u64>) {
    let t = &f[i];
    let (pt1, pt2) = (p1 as u64, p2 as u64);
    let title_before = i >= 1 && f[i - 1].title;
    out.push(key(15, &[pt1]));
    out.push(key(16, &[pt1, pt2]));
    out.push(key(17, &[pt1, t.own.norm_h]));
    out.push(key(18, &[pt1, t.gaz_h]));
    out.push(key(26, &[pt1, u64::from(title_before)]));
    out.push(key(34, &[pt1, u64::from(t.own.given)]));
    out.push(key(86, &[pt1, u64::from(t.own.silver[0])]));
    out.push(key(91, &[pt1, u64::from(t.own.silver[4])]));
    out.push(key(97, &[pt1, t.known_h]));
    if t.topic > 0 {
        out.push(key(103, &[u64::from(t.topic), pt1, t.gaz_h]));
    }
}

/// The features of [`context_features`] that do not read the previous tags.
fn static_features(f: &[TokenFacts], i: usize, out: &mut Vec<u64>) {
    let get = |d: isize| -> Option<&TokenFacts> {
        let j = i as isize + d;
        (j >= 0).then(|| f.get(j as usize)).flatten()
    };
    // Beyond the sentence's ends a neighbour's string parts read as these markers.
    let (bos, eos) = (text_hash("<s>"), text_hash("</s>"));
    let edge = |d: isize| if d < 0 { bos } else { eos };
    let part = |d: isize, of: fn(&TokenFacts) -> u64| get(d).map_or(edge(d), of);
    let w = |d: isize| part(d, |x| x.own.norm_h);
    let t = &f[i];
    let flags = |bits: &[bool]| bits.iter().fold(0u64, |a, &b| a << 1 | u64::from(b));
    let near = |d: isize, of: fn(&TokenFacts) -> bool| get(d).is_some_and(of);
    out.push(key(3, &[w(-1)]));
    out.push(key(4, &[w(1)]));
    out.push(key(5, &[w(-2)]));
    out.push(key(6, &[w(2)]));
    out.push(key(7, &[w(-1), t.own.norm_h]));
    out.push(key(8, &[t.own.norm_h, w(1)]));
    out.push(key(12, &[t.gaz_h]));
    out.push(key(13, &[part(-1, |x| x.gaz_h)]));
    out.push(key(14, &[part(1, |x| x.gaz_h)]));
    out.push(key(
        19,
        &[flags(&[
            t.title,
            t.own.nationality,
            t.own.speech,
            t.own.function,
        ])],
    ));
    out.push(key(
        20,
        &[flags(&[near(-1, |x| x.title), near(-2, |x| x.title)])],
    ));
    out.push(key(
        21,
        &[flags(&[
            near(-1, |x| x.own.nationality),
            near(1, |x| x.own.nationality),
        ])],
    ));
    out.push(key(
        22,
        &[flags(&[
            near(-1, |x| x.own.speech),
            near(-2, |x| x.own.speech),
        ])],
    ));
    out.push(key(
        23,
        &[
            part(-1, |x| x.own.shape_h),
            t.own.shape_h,
            part(1, |x| x.own.shape_h),
        ],
    ));
    out.push(key(24, &[part(-1, |x| x.own.stem_h)]));
    out.push(key(25, &[part(1, |x| x.own.stem_h)]));
    out.push(key(29, &[w(-1), w(1)]));
    out.push(key(30, &[part(-1, |x| x.own.stem_h), t.own.stem_h]));
    out.push(key(
        33,
        &[flags(&[
            t.own.given,
            near(-1, |x| x.own.given),
            near(1, |x| x.own.given),
        ])],
    ));
    out.push(key(35, &[part(-1, |x| x.own.core_h)]));
    // A lexicon column of a token, «none» past the sentence's ends.
    let sv = |x: Option<&TokenFacts>, i: usize| x.map_or(256, |t| u64::from(t.own.silver[i]));
    out.push(key(84, &[sv(get(-1), 0), sv(Some(t), 0)]));
    out.push(key(85, &[sv(Some(t), 0), sv(get(1), 0)]));
    // Word clusters from the news: the neighbours', the pair, and with the previous tag.
    out.push(key(88, &[sv(get(-1), 4)]));
    out.push(key(89, &[sv(get(1), 4)]));
    out.push(key(90, &[sv(get(-1), 4), sv(Some(t), 4)]));
    out.push(key(36, &[part(1, |x| x.own.core_h)]));
    // The news lexicon's verdict on the neighbours in pairs: a run of known name words
    // around an unknown one marks it as part of the name.
    out.push(key(92, &[sv(Some(t), 4), sv(get(1), 4)]));
    out.push(key(93, &[sv(get(-2), 0), sv(get(-1), 0)]));
    out.push(key(94, &[sv(get(1), 0), sv(get(2), 0)]));
    out.push(key(95, &[sv(get(-1), 0), sv(get(1), 0)]));
    // The document so far: a name found once in a telling context («قال ستولمان») is the
    // same name where the context says nothing («جهود ستولمان»).
    let none = text_hash("-");
    let mem = |x: Option<&TokenFacts>| x.map_or(none, |t| t.known_h);
    out.push(key(96, &[mem(Some(t))]));
    out.push(key(98, &[mem(get(-1)), mem(Some(t)), mem(get(1))]));
    // The passage's topic: in a match report a city's name is its club, in business news
    // a bank's name is a body.
    if t.topic > 0 {
        let tp = u64::from(t.topic);
        out.push(key(99, &[tp, t.gaz_h]));
        out.push(key(100, &[tp, sv(Some(t), 4)]));
        out.push(key(101, &[tp, t.own.norm_h]));
        out.push(key(102, &[tp, w(-1)]));
    }
}

/// What the tagger has found so far in one document: for each word (as written and without
/// its possible proclitics, so «لستولمان» counts for «ستولمان»), how often it stood in a
/// name of each type.
/// Sentences are tagged in order and each adds what was found in it.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// Counts of each type a word had, by the [`crate::context::word_hash`] of each of its
    /// forms.
    seen: FxHashMap<u64, [u16; 4]>,
    passage: Passage,
}

/// What the passage read so far is about: the topics of the topic words (topics.tsv) in the
/// last [`TOPIC_WINDOW`] sentences, one list per sentence, the newest last. The tagger reads
/// it as a feature; the entity rules read it without the tagger too («فاز برشلونة»).
#[derive(Debug, Default, Clone)]
pub struct Passage {
    topics: std::collections::VecDeque<Vec<u8>>,
    /// The topic of the sentence entered last.
    last: u8,
}

/// The topic token `k` names in topics.tsv (an index into `topics`), with or without a
/// proclitic.
pub fn topic_word(ctx: &Ctx, lex: &Lexicon, k: usize) -> Option<u8> {
    topic_form(ctx, lex, k).map(|(_, t)| t)
}

/// The form of token `k` that topics.tsv lists, and its topic.
fn topic_form<'c>(ctx: &'c Ctx, lex: &Lexicon, k: usize) -> Option<(Cow<'c, str>, u8)> {
    variants(&ctx.toks[k].norm)
        .into_iter()
        .take(2)
        .find_map(|(v, _)| lex.res.topic_of.get(v.as_ref()).map(|&t| (v, t)))
}

/// The topic token `k` names for sure (`sure=yes` in topics.tsv).
pub fn sure_topic_word(ctx: &Ctx, lex: &Lexicon, k: usize) -> Option<u8> {
    topic_form(ctx, lex, k)
        .filter(|(v, _)| lex.res.topic_sure.contains(v.as_ref()))
        .map(|(_, t)| t)
}

/// How many sentences, the current one included, tell the topic of a passage: enough for a
/// match report to declare itself, few enough that the annotated files, which mark no
/// article boundaries, do not carry one article's topic far into the next.
pub const TOPIC_WINDOW: usize = 8;

impl Passage {
    /// Enters the sentence of tokens `first..last` and returns the passage's topic
    /// ([`Passage::enter`]).
    pub fn sentence(&mut self, ctx: &Ctx, lex: &Lexicon, (first, last): (usize, usize)) -> u8 {
        let topics: Vec<u8> = (first..last)
            .filter_map(|k| topic_word(ctx, lex, k))
            .collect();
        self.enter(topics)
    }

    /// Enters a sentence with the topics of its topic words and returns the passage's
    /// topic: the one most of the window's words name, if at least two do (0 for none, else
    /// 1 + its index).
    fn enter(&mut self, topics: Vec<u8>) -> u8 {
        if self.topics.len() == TOPIC_WINDOW {
            self.topics.pop_front();
        }
        self.topics.push_back(topics);
        let mut counts = [0u16; 256];
        for &t in self.topics.iter().flatten() {
            counts[usize::from(t)] += 1;
        }
        self.last = match counts
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
        {
            Some((t, &n)) if n >= 2 => t as u8 + 1,
            _ => 0,
        };
        self.last
    }
}

impl Memory {
    /// The passage's topic at the sentence tagged last ([`Passage::sentence`]).
    pub fn topic(&self) -> u8 {
        self.passage.last
    }

    /// The type the word (given by its forms, [`variants`]) most often had, with «+» when
    /// it had it more than once; «» if the word never stood in a name.
    fn verdict(&self, forms: &[u64]) -> &'static str {
        const LABELS: [[&str; 2]; 4] = [
            ["PER", "PER+"],
            ["LOC", "LOC+"],
            ["ORG", "ORG+"],
            ["MISC", "MISC+"],
        ];
        if self.seen.is_empty() {
            return "";
        }
        let Some(c) = forms.iter().find_map(|h| self.seen.get(h)) else {
            return "";
        };
        let (ty, n) = c
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
            .unwrap_or((0, &0));
        LABELS[ty][usize::from(*n > 1)]
    }

    fn remember(&mut self, f: &[TokenFacts], tags: &[usize]) {
        for (t, &tag) in f.iter().zip(tags) {
            // Function words and single letters join names without being them.
            if tag == 0 || t.own.function || t.norm.chars().count() < 2 {
                continue;
            }
            for &h in t.forms {
                let c = self.seen.entry(h).or_insert([0; 4]);
                c[(tag - 1) / 2] = c[(tag - 1) / 2].saturating_add(1);
            }
        }
    }
}

/// A trained tagger.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    pub model: Model,
}

impl Tagger {
    /// Tags the tokens `first..last` of `ctx` (one sentence), reading and then adding to
    /// the document's `memory` (one per document, sentences in order).
    pub fn tag(
        &self,
        ctx: &Ctx,
        lex: &Lexicon,
        seg: &Segmenter,
        (first, last): (usize, usize),
        memory: &mut Memory,
    ) -> Vec<usize> {
        let f = facts(
            ctx,
            lex,
            seg,
            &self.model.silver,
            memory,
            (first, last),
            Some((&self.model, lex.id)),
        );
        let mut tags = Vec::with_capacity(f.len());
        let mut feats = Vec::with_capacity(40);
        let stacked = self.model.stacked;
        // The second stage's sums of the features it shares with the first, read by the
        // first stage's look-ups.
        let mut shared = Vec::with_capacity(if stacked { f.len() } else { 0 });
        // The second stage's sums with the history features added, as the first stage's
        // previous tags give them: where the second stage's previous tags are the same (most
        // words), it reads this and looks none of them up again. The sums are added in the
        // order the second stage would add them, so the scores are the same to the bit.
        let mut with_history = Vec::with_capacity(shared.capacity());
        for i in 0..f.len() {
            let p1 = if i >= 1 { tags[i - 1] } else { 0 };
            let p2 = if i >= 2 { tags[i - 2] } else { 0 };
            // The word's own features were summed with its facts; the context's are added
            // after them, as the sum over the whole list would add them.
            feats.clear();
            static_features(&f, i, &mut feats);
            let mut scores = f[i].own.sum;
            if stacked {
                let mut second = f[i].own.sum2;
                self.model.add_both(&feats, &mut scores, &mut second);
                shared.push(second);
                feats.clear();
                history_features(&f, i, p1, p2, &mut feats);
                self.model.add_both(&feats, &mut scores, &mut second);
                with_history.push((p1, p2, second));
            } else {
                self.model.add_scores(&feats, &mut scores);
                feats.clear();
                history_features(&f, i, p1, p2, &mut feats);
                self.model.add_scores(&feats, &mut scores);
            }
            tags.push(best(&scores, p1));
        }
        if stacked {
            let first_stage = std::mem::take(&mut tags);
            for (i, &shared) in shared.iter().enumerate() {
                let p1 = if i >= 1 { tags[i - 1] } else { 0 };
                let p2 = if i >= 2 { tags[i - 2] } else { 0 };
                feats.clear();
                let mut scores = match with_history[i] {
                    (q1, q2, sum) if (q1, q2) == (p1, p2) => sum,
                    _ => {
                        history_features(&f, i, p1, p2, &mut feats);
                        shared
                    }
                };
                first_stage_features(&first_stage, i, p1, &mut feats);
                self.model.add_second_scores(&feats, &mut scores);
                tags.push(best(&scores, p1));
            }
        }
        memory.remember(&f, &tags);
        tags
    }
}

/// What the second stage of a stacked model reads beside the features of the first: the
/// first stage's tags around the word. A greedy tagger must choose B or O for a name's
/// first word before it has tagged the next; the second stage sees what the first made
/// of the words that follow.
fn first_stage_features(first: &[usize], i: usize, p1: usize, out: &mut Vec<u64>) {
    let at = |d: isize| -> u64 {
        let j = i as isize + d;
        if j < 0 {
            N as u64
        } else {
            first.get(j as usize).map_or(N as u64 + 1, |&t| t as u64)
        }
    };
    out.push(key(120, &[at(0)]));
    out.push(key(121, &[at(1)]));
    out.push(key(122, &[at(2)]));
    out.push(key(123, &[at(-1)]));
    out.push(key(124, &[at(0), at(1)]));
    out.push(key(125, &[p1 as u64, at(1)]));
    out.push(key(126, &[at(0), at(1), at(2)]));
}

fn best(scores: &[f32; N], prev: usize) -> usize {
    (0..N)
        .filter(|&t| allowed(prev, t))
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        .unwrap_or(0)
}

/// One training sentence: a context and the gold tag of each of its tokens.
pub struct Example<'a> {
    pub ctx: Ctx<'a>,
    pub gold: Vec<usize>,
}

/// Averaged-perceptron training.
pub struct Trainer {
    silver: Silver,
    index: FxHashMap<u64, u32>,
    w: Vec<[f32; N]>,
    total: Vec<[f64; N]>,
    stamp: Vec<[u64; N]>,
    tick: u64,
}

impl Default for Trainer {
    fn default() -> Self {
        Self::new()
    }
}

impl Trainer {
    pub fn new() -> Self {
        Trainer {
            silver: Silver::default(),
            index: FxHashMap::default(),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
            tick: 0,
        }
    }

    /// A trainer whose features include what unlabelled news says of each word.
    pub fn with_silver(silver: Silver) -> Self {
        Trainer {
            silver,
            ..Self::new()
        }
    }

    fn row(&mut self, f: u64) -> usize {
        let n = self.w.len() as u32;
        let i = *self.index.entry(f).or_insert(n) as usize;
        if i == self.w.len() {
            self.w.push([0.0; N]);
            self.total.push([0.0; N]);
            self.stamp.push([0; N]);
        }
        i
    }

    fn bump(&mut self, f: u64, tag: usize, by: f32) {
        let i = self.row(f);
        let elapsed = self.tick - self.stamp[i][tag];
        self.total[i][tag] += elapsed as f64 * self.w[i][tag] as f64;
        self.stamp[i][tag] = self.tick;
        self.w[i][tag] += by;
    }

    fn scores(&self, feats: &[u64], out: &mut [f32; N]) {
        *out = [0.0; N];
        for f in feats {
            if let Some(&i) = self.index.get(f) {
                for (o, w) in out.iter_mut().zip(&self.w[i as usize]) {
                    *o += w;
                }
            }
        }
    }

    /// One pass over one sentence, decoding with the current weights and updating on every
    /// wrong tag; `memory` is the document's so far, as in [`Tagger::tag`]. Returns the
    /// number of tokens tagged wrong.
    pub fn learn(
        &mut self,
        ex: &Example,
        lex: &Lexicon,
        seg: &Segmenter,
        memory: &mut Memory,
    ) -> usize {
        self.learn_stage(ex, lex, seg, memory, None)
    }

    /// [`Trainer::learn`] for the second stage of a stacked model (a trainer of its own,
    /// whose model [`Model::stack`] takes), given what a first stage that never saw this
    /// sentence tagged it (`first`): the first stage's features and its tags.
    pub fn learn_second(
        &mut self,
        ex: &Example,
        lex: &Lexicon,
        seg: &Segmenter,
        memory: &mut Memory,
        first: &[usize],
    ) -> usize {
        self.learn_stage(ex, lex, seg, memory, Some(first))
    }

    fn learn_stage(
        &mut self,
        ex: &Example,
        lex: &Lexicon,
        seg: &Segmenter,
        memory: &mut Memory,
        first: Option<&[usize]>,
    ) -> usize {
        let f = facts(
            &ex.ctx,
            lex,
            seg,
            &self.silver,
            memory,
            (0, ex.ctx.toks.len()),
            None,
        );
        let mut tags: Vec<usize> = Vec::with_capacity(f.len());
        let mut feats = Vec::with_capacity(40);
        let mut scores = [0f32; N];
        let mut wrong = 0;
        for i in 0..f.len() {
            self.tick += 1;
            let p1 = if i >= 1 { tags[i - 1] } else { 0 };
            let p2 = if i >= 2 { tags[i - 2] } else { 0 };
            token_features(&f, i, p1, p2, &mut feats);
            if let Some(first) = first {
                first_stage_features(first, i, p1, &mut feats);
            }
            self.scores(&feats, &mut scores);
            // Unconstrained while learning: with a wrong history a constrained decoder could
            // never reach the gold I- tag, and its weights would grow without end.
            let guess = (0..N)
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                .unwrap_or(0);
            let gold = ex.gold[i];
            if guess != gold {
                wrong += 1;
                for &x in &feats {
                    self.bump(x, gold, 1.0);
                    self.bump(x, guess, -1.0);
                }
            }
            // The history is what the tagger predicted: it learns to recover from itself.
            tags.push(guess);
        }
        // What the tagger said, right or wrong, as it will be when tagging.
        memory.remember(&f, &tags);
        wrong
    }

    /// The averaged model, with features whose weights all round to zero dropped.
    pub fn finish(mut self) -> Model {
        let tick = self.tick.max(1);
        let mut m = Model {
            fingerprint: rasd_resources::Resources::builtin_fingerprint(),
            silver: std::mem::take(&mut self.silver),
            ..Model::default()
        };
        let keys: Vec<(u64, u32)> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        for (k, i) in keys {
            let i = i as usize;
            let mut avg = [0f32; 2 * N];
            for (t, a) in avg[..N].iter_mut().enumerate() {
                let elapsed = tick - self.stamp[i][t];
                self.total[i][t] += elapsed as f64 * self.w[i][t] as f64;
                *a = (self.total[i][t] / tick as f64) as f32;
            }
            if avg.iter().any(|x| x.abs() > 1e-3) {
                m.weights.insert(k, avg);
            }
        }
        m
    }
}

/// A small deterministic generator for shuffling training data (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_company_share_a_cluster() {
        let mut counts = SilverCounts::default();
        let text = "قال سمير إن الوفد وصل. قال كريم إن الوفد وصل. قال سمير إن الاتفاق قريب. \
                    ذهب إلى بيروت أمس. ذهب إلى دمشق أمس. ذهب إلى بيروت أمس. قال كريم إن الاتفاق قريب.";
        counts.add(text, &[]);
        let mut plan = counts.cluster_plan(20, 20);
        plan.add(text);
        let c = plan.finish(6, 10);
        let of = |w: &str| c.get(&rasd_text::fold(w)).copied();
        assert!(of("سمير").is_some());
        assert_eq!(of("سمير"), of("كريم"), "{c:?}");
        assert_eq!(of("بيروت"), of("دمشق"), "{c:?}");
        assert_ne!(of("سمير"), of("بيروت"), "{c:?}");
    }

    #[test]
    fn a_passage_has_the_topic_two_of_its_words_name() {
        let mut m = Passage::default();
        assert_eq!(m.enter(vec![0]), 0, "one word is no topic");
        assert_eq!(m.enter(vec![]), 0);
        assert_eq!(m.enter(vec![0]), 1, "two words in the window are");
        assert_eq!(m.enter(vec![1, 1, 1]), 2, "the topic most words name wins");
        for _ in 0..TOPIC_WINDOW - 1 {
            m.enter(vec![]);
        }
        assert_eq!(m.enter(vec![]), 0, "the window forgets");
    }

    #[test]
    fn the_builtin_topics_are_loaded() {
        let res = rasd_resources::Resources::builtin();
        let sport = res
            .topics
            .iter()
            .position(|t| t == "sport")
            .expect("a sport topic");
        let word = rasd_text::fold("المباراة");
        assert_eq!(res.topic_of.get(&word).copied(), Some(sport as u8));
    }

    #[test]
    fn memory_carries_a_name_to_its_later_mentions() {
        let res = rasd_resources::Resources::builtin();
        let seg = res.segmenter();
        let lex = Lexicon::new(res);
        let text = "قال ستولمان في المؤتمر. جهود لستولمان كبيرة.";
        let tokens = rasd_text::tokenize(text);
        let sentences = rasd_text::split_sentences(text, &tokens);
        let ctx = Ctx::new(text, &tokens, &sentences);
        let (a, b) = ctx.sentences[0];
        let mut memory = Memory::default();
        let f = facts(
            &ctx,
            &lex,
            &seg,
            &Silver::default(),
            &mut memory,
            (a, b),
            None,
        );
        let words: Vec<&str> = f.iter().map(|t| t.norm).collect();
        let at = |w: &str| words.iter().position(|x| *x == rasd_text::fold(w)).unwrap();
        let mut tags = vec![0; f.len()];
        tags[at("ستولمان")] = tag_index("B-PER");
        // A function word inside a name is not remembered as one.
        tags[at("في")] = tag_index("I-PER");
        memory.remember(&f, &tags);
        let of = |w: &str, m: &Memory| {
            let mut m = m.clone();
            let later = facts(
                &ctx,
                &lex,
                &seg,
                &Silver::default(),
                &mut m,
                ctx.sentences[1],
                None,
            );
            let t = later.iter().find(|t| t.norm == rasd_text::fold(w)).unwrap();
            t.known_h
        };
        // Found once as a person, then again behind a clitic: the same word.
        assert_eq!(of("لستولمان", &memory), text_hash("PER"));
        assert_eq!(of("جهود", &memory), text_hash(""));
        memory.remember(&f, &tags);
        assert_eq!(of("لستولمان", &memory), text_hash("PER+"));
        assert_eq!(
            memory.verdict(&[crate::context::word_hash(&rasd_text::fold("في"))]),
            ""
        );
    }

    #[test]
    fn inner_trigrams_leave_out_the_first_and_last_letters() {
        let (h, n) = inner_trigrams("بيكهام");
        assert_eq!(&h[..usize::from(n)], &[text_hash("يكه"), text_hash("كها")]);
        assert_eq!(inner_trigrams("غوتي").1, 0);
        assert_eq!(inner_trigrams("").1, 0);
        let long = "ا".repeat(12) + "بتثجحخد";
        let (h, n) = inner_trigrams(&long);
        assert_eq!(usize::from(n), INNER);
        assert_eq!(h[INNER - 1], text_hash("ااا"));
        let (h, n) = inner_trigrams("بتثجحخدذرز");
        assert_eq!(usize::from(n), 6);
        assert_eq!(h[5], text_hash("دذر"));
    }

    #[test]
    fn bio_constraints() {
        assert!(allowed(tag_index("B-PER"), tag_index("I-PER")));
        assert!(!allowed(tag_index("B-LOC"), tag_index("I-PER")));
        assert!(!allowed(tag_index("O"), tag_index("I-ORG")));
        assert!(allowed(tag_index("I-ORG"), tag_index("B-PER")));
    }

    #[test]
    fn mean_of_models_scores_as_the_mean_of_their_scores() {
        let model = |rows: &[(u64, f32)]| {
            let mut m = Model::default();
            for &(f, w) in rows {
                let mut row = [0.0; 2 * N];
                row[1] = w;
                row[2] = -w;
                m.weights.insert(f, row);
            }
            m
        };
        let a = model(&[(7, 2.0), (9, 1.0)]);
        let b = model(&[(9, 3.0), (11, -4.0)]);
        let feats = [7u64, 9, 11, 13];
        let (mut sa, mut sb, mut sm) = ([0f32; N], [0f32; N], [0f32; N]);
        a.scores(&feats, &mut sa);
        b.scores(&feats, &mut sb);
        let m = Model::mean(vec![a, b]);
        m.scores(&feats, &mut sm);
        for t in 0..N {
            assert!((sm[t] - (sa[t] + sb[t]) / 2.0).abs() < 1e-6, "tag {t}");
        }
        assert_eq!(m.features(), 3);
    }

    #[test]
    fn a_second_stage_reads_the_first_stage_tags() {
        let res = rasd_resources::Resources::builtin();
        let seg = res.segmenter();
        let lex = Lexicon::new(res);
        let text = "وصل فلان إلى المدينة";
        let tokens = rasd_text::tokenize(text);
        let ctx = Ctx::new(text, &tokens, &[(0, text.len())]);
        // The first stage tags every word O; the second calls a word a person's when the
        // first stage said O of it, and O otherwise.
        let mut m = Model::default();
        let mut bias = [0.0; 2 * N];
        bias[0] = 1.0;
        bias[N] = 0.5;
        m.weights.insert(key(0, &[]), bias);
        let mut person = [0.0; 2 * N];
        person[N + tag_index("B-PER")] = 2.0;
        m.weights.insert(key(120, &[0]), person);
        m.stacked = has_second_stage(&m.weights);
        let mut buf = Vec::new();
        m.save(&mut buf).unwrap();
        let stacked = Tagger {
            model: Model::load(&buf[..]).unwrap(),
        };
        assert!(stacked.model.stacked, "the second stage survives the file");
        // The same first stage without a second.
        let mut alone = Model::default();
        let mut first_only = [0.0; 2 * N];
        first_only[0] = 1.0;
        alone.weights.insert(key(0, &[]), first_only);
        let mut buf_alone = Vec::new();
        alone.save(&mut buf_alone).unwrap();
        let alone = Model::load(&buf_alone[..]).unwrap();
        assert!(!alone.stacked);
        let tag = |t: &Tagger| t.tag(&ctx, &lex, &seg, (0, tokens.len()), &mut Memory::default());
        assert_eq!(tag(&Tagger { model: alone }), vec![0; tokens.len()]);
        assert_eq!(tag(&stacked), vec![tag_index("B-PER"); tokens.len()]);
        // The first stage of the same model alone.
        let mut first = stacked.clone();
        first.model.first_stage_only();
        assert_eq!(tag(&first), vec![0; tokens.len()]);
    }

    /// Tagging sums a word's own features once per form and reuses the second stage's
    /// history sums where its previous tags are the first stage's: it must choose exactly
    /// the tags that summing every feature of every token, in order, would choose.
    #[test]
    fn tagging_scores_as_the_sum_of_every_feature() {
        let res = rasd_resources::Resources::builtin();
        let seg = res.segmenter();
        let lex = Lexicon::new(res);
        let text = "وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن بلاده ستعمل مع تركيا \
                    والأمم المتحدة على وقف إطلاق النار في ناغورني قره باغ، فيما اتهم علييف \
                    أرمينيا بقصف مدينة كنجة";
        let tokens = rasd_text::tokenize(text);
        let ctx = Ctx::new(text, &tokens, &[(0, tokens.len())]);
        let n = tokens.len();
        let silver = Silver::default();
        let f = facts(
            &ctx,
            &lex,
            &seg,
            &silver,
            &mut Memory::default(),
            (0, n),
            None,
        );
        // Random weights on every feature any history could give.
        let mut rng = Rng::new(7);
        let mut weight = || (rng.next_u64() % 2001) as f32 / 1000.0 - 1.0;
        let mut m = Model::default();
        let mut feats = Vec::new();
        for i in 0..n {
            for p1 in 0..N {
                for p2 in 0..N {
                    token_features(&f, i, p1, p2, &mut feats);
                    let mut first = vec![0; n];
                    first_stage_features(&first, i, p1, &mut feats);
                    for t in 0..N {
                        first[i] = t;
                        first_stage_features(&first, i, p1, &mut feats);
                    }
                    for &k in &feats {
                        m.weights
                            .entry(k)
                            .or_insert_with(|| std::array::from_fn(|_| weight()));
                    }
                }
            }
        }
        m.stacked = has_second_stage(&m.weights);
        assert!(m.stacked);
        // Every feature's weights summed in the order of the feature list.
        let mut reference = |m: &Model| {
            let mut stage = |first: Option<&[usize]>| {
                let mut tags: Vec<usize> = Vec::new();
                for i in 0..n {
                    let p1 = if i >= 1 { tags[i - 1] } else { 0 };
                    let p2 = if i >= 2 { tags[i - 2] } else { 0 };
                    token_features(&f, i, p1, p2, &mut feats);
                    let mut scores = [0.0; N];
                    match first {
                        None => m.add_scores(&feats, &mut scores),
                        Some(first) => {
                            first_stage_features(first, i, p1, &mut feats);
                            m.add_second_scores(&feats, &mut scores);
                        }
                    }
                    tags.push(best(&scores, p1));
                }
                tags
            };
            let first = stage(None);
            let second = m.stacked.then(|| stage(Some(&first)));
            (first, second)
        };
        let tag = |m: &Model| {
            Tagger { model: m.clone() }.tag(&ctx, &lex, &seg, (0, n), &mut Memory::default())
        };
        let (first, second) = reference(&m);
        let second = second.unwrap_or_default();
        assert_ne!(
            first, second,
            "the stages disagree somewhere, and the test sees it"
        );
        assert_eq!(tag(&m), second);
        let mut alone = m.clone();
        alone.first_stage_only();
        assert_eq!(tag(&alone), first);
    }

    #[test]
    fn model_round_trip_and_refusals() {
        let mut m = Model::default();
        let mut row = [0.0; 2 * N];
        row[..N].copy_from_slice(&[0.5; N]);
        m.weights.insert(42, row);
        row[..N].copy_from_slice(&[0.25; N]);
        m.weights.insert(7, row);
        m.silver.insert("قافلة", [0, 0, 0, 5, 17]);
        let mut buf = Vec::new();
        m.save(&mut buf).unwrap();
        let back = Model::load(&buf[..]).unwrap();
        assert_eq!(back.features(), 2);
        assert_eq!(back.weights[&42][..N], [0.5; N]);
        assert!(!back.stacked);
        assert_eq!(back.silver, m.silver);
        // The lexicon alone, past the weights it skips.
        assert_eq!(Model::load_lexicon(&buf[..]).unwrap(), m.silver);
        let mut cut = buf.clone();
        cut.truncate(buf.len() / 2);
        assert!(Model::load(&cut[..]).is_err());
        assert!(Model::load_lexicon(&cut[..]).is_err());
        assert!(matches!(
            Model::load(&b"not gzip"[..]),
            Err(ModelError::Corrupt(_))
        ));
    }
}
