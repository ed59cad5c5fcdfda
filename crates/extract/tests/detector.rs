//! The event detector reads the word clusters of the words around a trigger from the news
//! lexicon, and nothing else of it.

use rasd_extract::tagger::{clusters_fingerprint, Silver};
use rasd_extract::Extractor;
use rasd_resources::Resources;

const SENTENCE: &str = "وقال مسؤول إن مسلحين هاجموا قافلة عسكرية أمس قرب المدينة.";

fn features(words: Option<Silver>) -> Vec<u64> {
    let mut x = Extractor::new(Resources::builtin());
    x.words = words;
    let (mut f, candidate) = x.detector_features(SENTENCE, "ASSAULT");
    assert!(candidate, "«هاجموا» is an ASSAULT trigger");
    f.sort_unstable();
    f
}

fn lexicon(entries: &[(&str, u8)]) -> Silver {
    entries
        .iter()
        .map(|&(w, c)| (rasd_text::fold(w), [0, 0, 0, 5, c]))
        .collect()
}

#[test]
fn a_neighbours_cluster_is_a_feature() {
    let none = features(None);
    let near = features(Some(lexicon(&[("قافلة", 17)])));
    assert_eq!(near.len(), none.len() + 1);
    // Another cluster number is another feature.
    assert_ne!(near, features(Some(lexicon(&[("قافلة", 18)]))));
    // A word the lexicon gives no cluster (0) adds nothing.
    assert_eq!(features(Some(lexicon(&[("قافلة", 0)]))), none);
}

#[test]
fn clusters_fingerprint_follows_the_clustering_not_the_order() {
    let a = lexicon(&[("قافلة", 17), ("مدينة", 3)]);
    let b = lexicon(&[("مدينة", 3), ("قافلة", 17)]);
    assert_eq!(clusters_fingerprint(&a), clusters_fingerprint(&b));
    assert_ne!(
        clusters_fingerprint(&a),
        clusters_fingerprint(&lexicon(&[("قافلة", 17), ("مدينة", 4)]))
    );
}
