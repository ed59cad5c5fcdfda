//! Near-duplicates: syndicated wire copies with small edits. Each text becomes the set of its
//! word 5-grams (folded words), summarised by a 128-value MinHash; locality-sensitive hashing
//! over 16 bands of 8 values proposes candidate pairs, and a pair is kept when its estimated
//! Jaccard similarity reaches the threshold. Pairs join into clusters (connected components).

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

pub const PERMUTATIONS: usize = 128;
const BANDS: usize = 16;
const ROWS: usize = PERMUTATIONS / BANDS;
const SHINGLE: usize = 5;

/// A MinHash signature.
pub type Signature = [u64; PERMUTATIONS];

/// The permutations: odd multipliers and offsets from a fixed generator, so that signatures
/// are the same on every machine and every run.
fn permutations() -> ([u64; PERMUTATIONS], [u64; PERMUTATIONS]) {
    let mut a = [0u64; PERMUTATIONS];
    let mut b = [0u64; PERMUTATIONS];
    let mut x: u64 = 0x9E3779B97F4A7C15;
    for i in 0..PERMUTATIONS {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        a[i] = x | 1;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        b[i] = x;
    }
    (a, b)
}

pub struct MinHasher {
    a: [u64; PERMUTATIONS],
    b: [u64; PERMUTATIONS],
}

impl Default for MinHasher {
    fn default() -> Self {
        let (a, b) = permutations();
        MinHasher { a, b }
    }
}

impl MinHasher {
    /// The signature of a text; `None` for a text with no words.
    pub fn signature(&self, text: &str) -> Option<Signature> {
        let folded = rasd_text::fold(text);
        let words: Vec<&str> = folded
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return None;
        }
        let mut sig = [u64::MAX; PERMUTATIONS];
        let n = words.len().saturating_sub(SHINGLE - 1).max(1);
        for i in 0..n {
            let mut h = FxHasher::default();
            for w in &words[i..(i + SHINGLE).min(words.len())] {
                w.hash(&mut h);
            }
            let x = h.finish();
            for ((m, a), b) in sig.iter_mut().zip(&self.a).zip(&self.b) {
                let v = a.wrapping_mul(x).wrapping_add(*b);
                if v < *m {
                    *m = v;
                }
            }
        }
        Some(sig)
    }
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(x: &Signature, y: &Signature) -> f32 {
    x.iter().zip(y).filter(|(a, b)| a == b).count() as f32 / PERMUTATIONS as f32
}

/// Pairs `(i, j, similarity)`, i < j, of signatures at or above `threshold`.
pub fn near_pairs(sigs: &[Option<Signature>], threshold: f32) -> Vec<(usize, usize, f32)> {
    let mut buckets: FxHashMap<(usize, u64), Vec<usize>> = FxHashMap::default();
    for (i, s) in sigs.iter().enumerate() {
        let Some(s) = s else { continue };
        for band in 0..BANDS {
            let mut h = FxHasher::default();
            s[band * ROWS..(band + 1) * ROWS].hash(&mut h);
            buckets.entry((band, h.finish())).or_default().push(i);
        }
    }
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for docs in buckets.values() {
        if docs.len() < 2 {
            continue;
        }
        for (x, &i) in docs.iter().enumerate() {
            for &j in &docs[x + 1..] {
                let (i, j) = if i < j { (i, j) } else { (j, i) };
                if !seen.insert((i, j)) {
                    continue;
                }
                if let (Some(a), Some(b)) = (&sigs[i], &sigs[j]) {
                    let s = similarity(a, b);
                    if s >= threshold {
                        out.push((i, j, s));
                    }
                }
            }
        }
    }
    out.sort_by_key(|a| (a.0, a.1));
    out
}

/// Cluster number of every item (connected components of the pairs); singletons get none.
pub fn clusters(n: usize, pairs: &[(usize, usize, f32)]) -> Vec<Option<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(i, j, _) in pairs {
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut ids: FxHashMap<usize, usize> = FxHashMap::default();
    let mut in_pair = vec![false; n];
    for &(i, j, _) in pairs {
        in_pair[i] = true;
        in_pair[j] = true;
    }
    (0..n)
        .map(|i| {
            if !in_pair[i] {
                return None;
            }
            let r = find(&mut parent, i);
            let next = ids.len();
            Some(*ids.entry(r).or_insert(next))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_copies_pair_and_different_texts_do_not() {
        let m = MinHasher::default();
        let base = "قال وزير الخارجية إن بلاده ستواصل العمل مع شركائها من أجل حل الأزمة في المنطقة وإن المفاوضات مستمرة منذ أشهر طويلة بين الأطراف كلها";
        let edited = format!("{base} وفق ما نقلت وكالة الأنباء");
        let other = "أعلنت الأرصاد الجوية أن موجة حارة ستضرب البلاد خلال الأيام المقبلة مع ارتفاع درجات الحرارة إلى مستويات قياسية في معظم المناطق";
        let sigs = vec![
            m.signature(base),
            m.signature(&edited),
            m.signature(other),
            m.signature(""),
        ];
        let pairs = near_pairs(&sigs, 0.7);
        assert_eq!(
            pairs.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(),
            vec![(0, 1)]
        );
        let c = clusters(4, &pairs);
        assert_eq!(c, vec![Some(0), Some(0), None, None]);
    }
}
