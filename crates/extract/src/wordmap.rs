//! A map from words to values for the tables read once per token (the tagger's cache of word
//! facts, the news lexicon). A `String` key lives elsewhere on the heap, so finding a word
//! meant a second wait on memory after the table's own, to compare the letters; these tables
//! are larger than the processor's caches, and that wait was a tenth of the whole analysis.
//! Here a word of up to [`INLINE`] bytes (15 Arabic letters: nearly every word) is stored in
//! the table's slot itself; a longer one goes to a map of its own.

use std::hash::Hash;

use rustc_hash::FxHashMap;

/// The longest word, in bytes, whose letters are kept in the slot.
pub const INLINE: usize = 31;

/// A short word's bytes, zero-padded, with its length in the last byte: two words are the
/// same key exactly when they are the same string.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Short([u64; 4]);

fn short(word: &str) -> Option<Short> {
    let b = word.as_bytes();
    if b.len() > INLINE {
        return None;
    }
    let mut buf = [0u8; 32];
    buf[..b.len()].copy_from_slice(b);
    buf[31] = b.len() as u8;
    let mut words = [0u64; 4];
    for (w, chunk) in words.iter_mut().zip(buf.chunks_exact(8)) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        *w = u64::from_le_bytes(eight);
    }
    Some(Short(words))
}

/// The letters of a [`Short`] key.
fn letters(k: &Short) -> String {
    let mut buf = [0u8; 32];
    for (chunk, w) in buf.chunks_exact_mut(8).zip(k.0) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    let n = usize::from(buf[31]).min(INLINE);
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[derive(Clone, Debug)]
pub struct WordMap<V> {
    short: FxHashMap<Short, V>,
    long: FxHashMap<Box<str>, V>,
}

impl std::fmt::Debug for Short {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", letters(self))
    }
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<V> WordMap<V> {
    pub fn get(&self, word: &str) -> Option<&V> {
        match short(word) {
            Some(k) => self.short.get(&k),
            None => self.long.get(word),
        }
    }

    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    pub fn insert(&mut self, word: &str, v: V) -> Option<V> {
        match short(word) {
            Some(k) => self.short.insert(k, v),
            None => self.long.insert(word.into(), v),
        }
    }

    /// The value of `word`, inserted by `make` when it is not there yet.
    pub fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> &mut V {
        match short(word) {
            Some(k) => self.short.entry(k).or_insert_with(make),
            None => self.long.entry(word.into()).or_insert_with(make),
        }
    }

    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }

    pub fn reserve(&mut self, n: usize) {
        self.short.reserve(n);
    }

    /// Every word and its value, in no particular order; sort them where order matters.
    pub fn iter(&self) -> impl Iterator<Item = (String, &V)> {
        self.short
            .iter()
            .map(|(k, v)| (letters(k), v))
            .chain(self.long.iter().map(|(k, v)| (k.to_string(), v)))
    }

    /// The words and values, taken out of the map.
    pub fn into_entries(self) -> impl Iterator<Item = (String, V)> {
        self.short
            .into_iter()
            .map(|(k, v)| (letters(&k), v))
            .chain(self.long.into_iter().map(|(k, v)| (k.into_string(), v)))
    }
}

impl<V> FromIterator<(String, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(items: I) -> Self {
        let mut m = WordMap::default();
        for (w, v) in items {
            m.insert(&w, v);
        }
        m
    }
}

impl<V: PartialEq> PartialEq for WordMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.short == other.short && self.long == other.long
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_are_found_as_written() {
        let mut m = WordMap::default();
        let long = "الاستراتيجياتالاستراتيجيات"; // 52 bytes: kept apart
        for (i, w) in ["", "و", "غزة", "غز", "غزة\0", "باشينيان", long]
            .iter()
            .enumerate()
        {
            assert!(m.insert(w, i).is_none());
        }
        assert_eq!(m.len(), 7);
        assert_eq!(m.get("غزة"), Some(&2));
        assert_eq!(m.get("غز"), Some(&3));
        // A trailing NUL is a different word, not padding.
        assert_eq!(m.get("غزة\0"), Some(&4));
        assert_eq!(m.get(""), Some(&0));
        assert_eq!(m.get(long), Some(&6));
        assert_eq!(m.get("غزه"), None);
        let mut words: Vec<(String, usize)> = m.iter().map(|(w, v)| (w, *v)).collect();
        words.sort_by_key(|x| x.1);
        assert_eq!(words[5].0, "باشينيان");
        assert_eq!(words[6].0, long);
        // 31 bytes fit, 32 do not; both are found.
        let a = "ب".repeat(15) + "x";
        let b = "ب".repeat(16);
        m.insert(&a, 10);
        m.insert(&b, 11);
        assert_eq!((m.get(&a), m.get(&b)), (Some(&10), Some(&11)));
        let back: WordMap<usize> = m.clone().into_entries().collect();
        assert!(back == m);
    }
}
