//! An inverted index over title and text, with rasd's Arabic analysis (normalisation,
//! clitic segmentation, light stemming, function words left out), scored with BM25.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

use rustc_hash::FxHashMap;

use crate::{io, Corpus, DocRef, StoreError};

const MAGIC: &[u8; 8] = b"RASDIX06";

/// Prefixes of the terms of quotations and of the sentences that report events.
pub const QUOTE_FIELD: &str = "quote:";
pub const EVENT_FIELD: &str = "event:";

/// What the index keeps about a document, besides its terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocInfo {
    pub key: String,
    pub id: String,
    pub at: DocRef,
    pub len: u32,
    pub date: String,
    pub outlet: String,
    pub title: String,
    /// Facets for filtering: entity canonical names, PLOVER event types, and the countries of
    /// event actors, each joined by «|».
    pub entities: String,
    pub events: String,
    pub countries: String,
    /// Canonical names of the people and bodies quoted in the article.
    pub speakers: String,
}

impl DocInfo {
    pub fn has(field: &str, value: &str) -> bool {
        field.split('|').any(|v| v == value)
    }
}

fn speakers(r: &rasd_doc::Record) -> String {
    let mut v: Vec<&str> = r
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .filter_map(|id| r.entity(id))
        .map(|e| e.canonical.as_str())
        .collect();
    v.sort_unstable();
    v.dedup();
    v.join("|")
}

fn facets(r: &rasd_doc::Record) -> (String, String, String) {
    let mut ents: Vec<&str> = r.entities.iter().map(|e| e.canonical.as_str()).collect();
    ents.sort_unstable();
    ents.dedup();
    let mut evs: Vec<&str> = r
        .events
        .iter()
        .filter(|e| !e.negated && e.reported != Some(false))
        .filter_map(|e| e.plover.as_ref().map(|p| p.kind.as_str()))
        .collect();
    evs.sort_unstable();
    evs.dedup();
    let mut cs: Vec<&str> = r
        .events
        .iter()
        .flat_map(|e| [&e.source, &e.target])
        .filter_map(|a| a.as_ref().and_then(|a| a.country.as_deref()))
        .collect();
    cs.sort_unstable();
    cs.dedup();
    (ents.join("|"), evs.join("|"), cs.join("|"))
}

#[derive(Debug, Default)]
pub struct Index {
    pub docs: Vec<DocInfo>,
    pub postings: FxHashMap<String, Vec<(u32, u16)>>,
    /// Terms merged into another at build time (see [`Index::merge_prepositions`]): the
    /// term as analysed → the term it is indexed under.
    aliases: FxHashMap<String, String>,
    avg_len: f32,
    rank: crate::rank::RankStats,
}

/// Parameters of BM25; Lucene's defaults, so that comparisons measure the analysis.
#[derive(Debug, Clone, Copy)]
pub struct Bm25 {
    pub k1: f32,
    pub b: f32,
}

impl Default for Bm25 {
    fn default() -> Self {
        Bm25 { k1: 1.2, b: 0.75 }
    }
}

/// Index terms of a text: light stems, without function words.
pub fn terms(
    an: &rasd_text::Analyzer,
    stop: &HashSet<String>,
    text: &str,
    mut f: impl FnMut(&str),
) {
    an.for_each_stem(text, |_, stem| {
        if !stem.is_empty() && !stop.contains(stem) {
            f(stem)
        }
    });
}

/// Letters a misspelt query word may have lost, gained or swapped (folded forms: no alef
/// or yeh variants, which folding already joins).
const LETTERS: &str = "ءآأؤإئابتثجحخدذرزسشصضطظعغفقكلمنهويةى";

/// The stem of `word` without the preposition «ب» or «ل» it may begin with, when three
/// letters or more are left: the reading the segmenter does not risk on one word alone
/// («بمصر», but also «بغداد»), for the collection to confirm.
fn without_preposition(an: &rasd_text::Analyzer, word: &str) -> Option<String> {
    let rest = word
        .strip_prefix(['ب', 'ل'])
        .filter(|r| r.chars().count() >= 3)?;
    let mut stem = None;
    an.for_each_stem(rest, |_, s| stem = Some(s.to_string()));
    stem
}

impl Index {
    /// The index terms of a query text: each word's stem as [`terms`] gives it, unless the
    /// collection has never seen that stem. Then the word is read as the collection would
    /// spell it: without a preposition the segmenter left on because it cannot know the
    /// word («لسويسرا» → «سويسرا»), else as the most frequent indexed stem one letter away
    /// («بلجيكيا» → «بلجيكا»; words of five letters or more: a shorter one is too often a
    /// real word of another meaning, «ماهو» is not «مايو»). A word with neither keeps its
    /// stem and matches nothing, as before.
    pub fn query_terms(
        &self,
        an: &rasd_text::Analyzer,
        stop: &HashSet<String>,
        text: &str,
    ) -> Vec<String> {
        self.query_terms_noting(an, stop, text, |_, _| {})
    }

    /// [`Index::query_terms`], telling `noted` each word read otherwise (the word as
    /// written, the term used), so that a user sees what was searched.
    pub fn query_terms_noting(
        &self,
        an: &rasd_text::Analyzer,
        stop: &HashSet<String>,
        text: &str,
        mut noted: impl FnMut(&str, &str),
    ) -> Vec<String> {
        let mut out = Vec::new();
        an.for_each_form(text, |tok, f| {
            if f.stem.is_empty() || stop.contains(f.stem) {
                return;
            }
            if self.postings.contains_key(f.stem) {
                out.push(f.stem.to_string());
                return;
            }
            // Merged at build time: the collection holds it, under another term.
            if let Some(t) = self.aliases.get(f.stem) {
                out.push(t.clone());
                return;
            }
            let known = |t: &str| self.postings.contains_key(t) && !stop.contains(t);
            let unprefixed = without_preposition(an, f.core).filter(|s| known(s));
            let fixed = unprefixed.or_else(|| {
                (f.stem.chars().count() >= 5)
                    .then(|| self.nearest_term(f.stem))
                    .flatten()
                    .filter(|s| known(s))
            });
            match fixed {
                Some(t) => {
                    noted(&text[tok.start..tok.end], &t);
                    out.push(t);
                }
                None => out.push(f.stem.to_string()),
            }
        });
        out
    }

    /// The most frequent indexed term one edit (a letter dropped, added or changed) from
    /// `word`; ties go to the alphabetically first.
    fn nearest_term(&self, word: &str) -> Option<String> {
        let chars: Vec<char> = word.chars().collect();
        let mut best: Option<(usize, String)> = None;
        let mut consider = |cand: String| {
            if let Some(p) = self.postings.get(&cand) {
                let better = match &best {
                    None => true,
                    Some((n, w)) => p.len() > *n || (p.len() == *n && cand < *w),
                };
                if better {
                    best = Some((p.len(), cand));
                }
            }
        };
        for i in 0..=chars.len() {
            let (a, b) = chars.split_at(i);
            if let Some((_, rest)) = b.split_first() {
                consider(a.iter().chain(rest).collect());
                for c in LETTERS.chars().filter(|c| *c != b[0]) {
                    consider(a.iter().chain([&c]).chain(rest).collect());
                }
            }
            for c in LETTERS.chars() {
                consider(a.iter().chain([&c]).chain(b).collect());
            }
        }
        best.map(|(_, w)| w)
    }

    /// Mean document length in index terms.
    pub fn avg_len(&self) -> f32 {
        self.avg_len
    }

    /// Statistics for the second-stage ranker.
    pub fn rank_stats(&self) -> &crate::rank::RankStats {
        &self.rank
    }

    /// Builds the index from every record of the corpus.
    pub fn build(
        corpus: &Corpus,
        an: &rasd_text::Analyzer,
        stop: &HashSet<String>,
    ) -> Result<Index, StoreError> {
        let mut idx = Index::default();
        let mut total = 0u64;
        let mut tf: FxHashMap<String, u16> = FxHashMap::default();
        corpus.for_each(|s, at| {
            tf.clear();
            let mut len = 0u32;
            let r = &s.record;
            // One pass of analysis feeds both the postings and the re-ranker's statistics.
            idx.rank
                .add(an, stop, r.title.as_deref().unwrap_or(""), &r.text, |t| {
                    *tf.entry(t.to_string()).or_insert(0) += 1;
                    len += 1;
                });
            // Quotations and event sentences are also indexed as fields of their own, their
            // terms prefixed, so that `quote:` and `event:` words match inside them only.
            // They do not add to the document's length: BM25 compares bodies.
            for q in &r.quotes {
                terms(an, stop, &q.text, |t| {
                    *tf.entry(format!("{QUOTE_FIELD}{t}")).or_insert(0) += 1;
                });
            }
            if !r.events.is_empty() {
                let offsets = rasd_text::offsets::CharOffsets::new(&r.text);
                let mut seen = Vec::new();
                for e in r.events.iter().filter(|e| !e.negated) {
                    if seen.contains(&e.sentence.start) {
                        continue;
                    }
                    seen.push(e.sentence.start);
                    let (a, b) = (
                        offsets.byte_of(e.sentence.start),
                        offsets.byte_of(e.sentence.end),
                    );
                    terms(an, stop, r.text.get(a..b).unwrap_or(""), |t| {
                        *tf.entry(format!("{EVENT_FIELD}{t}")).or_insert(0) += 1;
                    });
                }
            }
            let d = idx.docs.len() as u32;
            for (t, n) in tf.drain() {
                idx.postings.entry(t).or_default().push((d, n));
            }
            total += len as u64;
            let (entities, events, countries) = facets(r);
            idx.docs.push(DocInfo {
                id: r.id.clone(),
                at,
                len,
                date: r.date.clone().unwrap_or_default(),
                outlet: r.outlet.clone().unwrap_or_default(),
                title: r.title.clone().unwrap_or_default(),
                speakers: speakers(r),
                entities,
                events,
                countries,
                key: s.key,
            });
        })?;
        idx.avg_len = total as f32 / idx.docs.len().max(1) as f32;
        idx.merge_prepositions(an, stop);
        Ok(idx)
    }

    /// The term a document word's stem is indexed under: itself, or the term it was merged
    /// into. Whatever compares a document's words with query terms goes through here.
    pub fn canonical<'a>(&'a self, term: &'a str) -> &'a str {
        self.aliases.get(term).map_or(term, String::as_str)
    }

    /// The segmenter cuts «ب» and «ل» only before the article: a word that merely begins
    /// with them («بغداد», «لبنان») must stay whole, and one word alone cannot tell. The
    /// collection can: a term that is «ب»/«ل» and a word the collection holds in at least
    /// twice as many documents, and in three at least («بمصر» and «مصر», «لمسؤول» and
    /// «مسؤول»), is that word with a preposition, and is indexed under it, in the body and in
    /// the quotation and event fields alike. «بغداد» stays: there is no «غداد».
    fn merge_prepositions(&mut self, an: &rasd_text::Analyzer, stop: &HashSet<String>) {
        let mut moves: Vec<(String, String)> = Vec::new();
        for (t, post) in &self.postings {
            if t.contains(':') {
                continue;
            }
            let Some(stem) = without_preposition(an, t).filter(|s| !stop.contains(s)) else {
                continue;
            };
            if self
                .postings
                .get(&stem)
                .is_some_and(|p| p.len() >= 2 * post.len() && p.len() >= 3)
            {
                moves.push((t.clone(), stem));
            }
        }
        moves.sort();
        for (from, to) in moves {
            for field in ["", QUOTE_FIELD, EVENT_FIELD] {
                let (f, t) = (format!("{field}{from}"), format!("{field}{to}"));
                let Some(post) = self.postings.remove(&f) else {
                    continue;
                };
                let into = self.postings.entry(t).or_default();
                for (d, n) in post {
                    match into.binary_search_by_key(&d, |x| x.0) {
                        Ok(i) => into[i].1 = into[i].1.saturating_add(n),
                        Err(i) => into.insert(i, (d, n)),
                    }
                }
            }
            self.aliases.insert(from, to);
        }
    }

    /// Documents ranked by BM25 for the query terms; `keep` filters documents before ranking.
    pub fn search(
        &self,
        query_terms: &[String],
        params: Bm25,
        limit: usize,
        keep: impl Fn(&DocInfo) -> bool,
    ) -> Vec<(u32, f32)> {
        let n = self.docs.len() as f32;
        let mut scores: FxHashMap<u32, f32> = FxHashMap::default();
        let mut seen = HashSet::new();
        for t in query_terms {
            if !seen.insert(t) {
                continue;
            }
            let Some(post) = self.postings.get(t) else {
                continue;
            };
            let df = post.len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for &(d, tf) in post {
                let dl = self.docs[d as usize].len as f32;
                let tf = tf as f32;
                let s = idf * tf * (params.k1 + 1.0)
                    / (tf + params.k1 * (1.0 - params.b + params.b * dl / self.avg_len.max(1.0)));
                *scores.entry(d).or_insert(0.0) += s;
            }
        }
        let mut ranked: Vec<(u32, f32)> = scores
            .into_iter()
            .filter(|(d, _)| keep(&self.docs[*d as usize]))
            .collect();
        // Ties broken by document order, so the ranking is deterministic.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked
    }

    /// Documents ranked for a parsed query: BM25 on its terms, then its required and excluded
    /// terms applied, then `verify` (phrase checks on the stored text) on the ranked list until
    /// `limit` documents pass.
    pub fn search_query(
        &self,
        q: &crate::query::Query,
        params: Bm25,
        limit: usize,
        keep: impl Fn(&DocInfo) -> bool,
        mut verify: impl FnMut(u32) -> bool,
    ) -> Vec<(u32, f32)> {
        let has = |t: &String| -> rustc_hash::FxHashSet<u32> {
            self.postings
                .get(t)
                .map(|p| p.iter().map(|x| x.0).collect())
                .unwrap_or_default()
        };
        let must: Vec<rustc_hash::FxHashSet<u32>> = q.must.iter().map(has).collect();
        let must_not: Vec<rustc_hash::FxHashSet<u32>> = q.must_not.iter().map(has).collect();
        let ranked = self.search(&q.should, params, usize::MAX, |d| keep(d));
        let mut out = Vec::new();
        // Phrase checks read documents back: bounded, so that a common phrase cannot make one
        // query read the whole corpus.
        let mut checks = 0usize;
        for (d, s) in ranked {
            if !must.iter().all(|m| m.contains(&d)) || must_not.iter().any(|m| m.contains(&d)) {
                continue;
            }
            if !q.phrases.is_empty() {
                checks += 1;
                if checks > limit.saturating_mul(10).max(500) {
                    break;
                }
            }
            if q.phrases.is_empty() || verify(d) {
                out.push((d, s));
                if out.len() >= limit {
                    break;
                }
            }
        }
        out
    }

    /// Writes the index to `path` through a temporary file and a rename.
    pub fn save(&self, path: &Path) -> Result<(), StoreError> {
        let tmp = path.with_extension("bin.tmp");
        {
            let f = File::create(&tmp).map_err(io(&tmp))?;
            let mut w = BufWriter::new(f);
            let mut put = |b: &[u8]| w.write_all(b).map_err(io(&tmp));
            put(MAGIC)?;
            put(&(self.docs.len() as u32).to_le_bytes())?;
            for d in &self.docs {
                for s in [
                    &d.key,
                    &d.id,
                    &d.date,
                    &d.outlet,
                    &d.title,
                    &d.entities,
                    &d.events,
                    &d.countries,
                    &d.speakers,
                ] {
                    put(&(s.len() as u32).to_le_bytes())?;
                    put(s.as_bytes())?;
                }
                put(&d.at.segment.to_le_bytes())?;
                put(&d.at.offset.to_le_bytes())?;
                put(&d.at.len.to_le_bytes())?;
                put(&d.len.to_le_bytes())?;
            }
            let mut terms: Vec<(&String, &Vec<(u32, u16)>)> = self.postings.iter().collect();
            terms.sort();
            put(&(terms.len() as u32).to_le_bytes())?;
            for (t, post) in terms {
                put(&(t.len() as u32).to_le_bytes())?;
                put(t.as_bytes())?;
                put(&(post.len() as u32).to_le_bytes())?;
                for (d, tf) in post {
                    put(&d.to_le_bytes())?;
                    put(&tf.to_le_bytes())?;
                }
            }
            for grams in [&self.rank.stem_grams, &self.rank.word_grams] {
                let mut v: Vec<(&u64, &u32)> = grams.iter().collect();
                v.sort();
                put(&(v.len() as u32).to_le_bytes())?;
                for (g, n) in v {
                    put(&g.to_le_bytes())?;
                    put(&n.to_le_bytes())?;
                }
            }
            let mut v: Vec<(&String, &u32)> = self.rank.title_df.iter().collect();
            v.sort();
            put(&(v.len() as u32).to_le_bytes())?;
            for (t, n) in v {
                put(&(t.len() as u32).to_le_bytes())?;
                put(t.as_bytes())?;
                put(&n.to_le_bytes())?;
            }
            put(&self.rank.title_terms.to_le_bytes())?;
            let mut v: Vec<(&String, &String)> = self.aliases.iter().collect();
            v.sort();
            put(&(v.len() as u32).to_le_bytes())?;
            for (from, to) in v {
                for t in [from, to] {
                    put(&(t.len() as u32).to_le_bytes())?;
                    put(t.as_bytes())?;
                }
            }
            let f = w.into_inner().map_err(|e| StoreError::Io {
                path: tmp.display().to_string(),
                source: e.into_error(),
            })?;
            f.sync_all().map_err(io(&tmp))?;
        }
        fs::rename(&tmp, path).map_err(io(path))
    }

    pub fn load(path: &Path) -> Result<Index, StoreError> {
        let mut b = Vec::new();
        BufReader::new(File::open(path).map_err(io(path))?)
            .read_to_end(&mut b)
            .map_err(io(path))?;
        let corrupt = |why: &str| StoreError::Corrupt {
            path: path.display().to_string(),
            line: 0,
            reason: why.to_string(),
        };
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], StoreError> {
            let s = b
                .get(at..at + n)
                .ok_or_else(|| corrupt("truncated index (rebuild it with `rasd ingest`)"))?;
            at += n;
            Ok(s)
        };
        let magic = take(8)?;
        if magic != MAGIC {
            return Err(corrupt(if magic.starts_with(b"RASDIX") {
                "an index written by another version of rasd: run `rasd ingest` on the corpus \
                 again to rebuild it"
            } else {
                "not a rasd index"
            }));
        }
        fn u32of(s: &[u8]) -> u32 {
            u32::from_le_bytes([s[0], s[1], s[2], s[3]])
        }
        let n_docs = u32of(take(4)?) as usize;
        let mut idx = Index::default();
        let mut total = 0u64;
        for _ in 0..n_docs {
            let mut fields = Vec::with_capacity(9);
            for _ in 0..9 {
                let n = u32of(take(4)?) as usize;
                fields.push(String::from_utf8_lossy(take(n)?).into_owned());
            }
            let segment = u32of(take(4)?);
            let offset = u64of(take(8)?);
            let len_line = u32of(take(4)?);
            let len = u32of(take(4)?);
            total += len as u64;
            let speakers = fields.pop().unwrap_or_default();
            let countries = fields.pop().unwrap_or_default();
            let events = fields.pop().unwrap_or_default();
            let entities = fields.pop().unwrap_or_default();
            let title = fields.pop().unwrap_or_default();
            let outlet = fields.pop().unwrap_or_default();
            let date = fields.pop().unwrap_or_default();
            let id = fields.pop().unwrap_or_default();
            let key = fields.pop().unwrap_or_default();
            idx.docs.push(DocInfo {
                key,
                id,
                at: DocRef {
                    segment,
                    offset,
                    len: len_line,
                },
                len,
                date,
                outlet,
                title,
                entities,
                events,
                countries,
                speakers,
            });
        }
        let n_terms = u32of(take(4)?) as usize;
        for _ in 0..n_terms {
            let n = u32of(take(4)?) as usize;
            let t = String::from_utf8_lossy(take(n)?).into_owned();
            let np = u32of(take(4)?) as usize;
            let raw = take(np * 6)?;
            let post = raw
                .chunks_exact(6)
                .map(|c| (u32of(&c[..4]), u16::from_le_bytes([c[4], c[5]])))
                .collect();
            idx.postings.insert(t, post);
        }
        fn u64of(s: &[u8]) -> u64 {
            u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]])
        }
        for k in 0..2 {
            let n = u32of(take(4)?) as usize;
            let raw = take(n * 12)?;
            let grams = raw
                .chunks_exact(12)
                .map(|c| (u64of(&c[..8]), u32of(&c[8..])))
                .collect();
            if k == 0 {
                idx.rank.stem_grams = grams;
            } else {
                idx.rank.word_grams = grams;
            }
        }
        let n = u32of(take(4)?) as usize;
        for _ in 0..n {
            let len = u32of(take(4)?) as usize;
            let t = String::from_utf8_lossy(take(len)?).into_owned();
            idx.rank.title_df.insert(t, u32of(take(4)?));
        }
        idx.rank.title_terms = u64of(take(8)?);
        let n = u32of(take(4)?) as usize;
        for _ in 0..n {
            let mut pair = [String::new(), String::new()];
            for t in pair.iter_mut() {
                let len = u32of(take(4)?) as usize;
                *t = String::from_utf8_lossy(take(len)?).into_owned();
            }
            let [from, to] = pair;
            idx.aliases.insert(from, to);
        }
        idx.avg_len = total as f32 / idx.docs.len().max(1) as f32;
        Ok(idx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(words: &[(&str, u32)]) -> Index {
        let mut idx = Index::default();
        for (w, df) in words {
            idx.postings
                .insert(w.to_string(), (0..*df).map(|d| (d, 1)).collect());
        }
        idx
    }

    #[test]
    fn a_preposition_the_segmenter_left_on_is_merged_by_the_collection() {
        let an = rasd_text::Analyzer::default();
        let stop = HashSet::new();
        let mut idx = index_of(&[
            ("بمصر", 1),
            ("quote:بمصر", 1),
            ("لبغداد", 1),
            ("بغداد", 4),
            ("لبنان", 2),
            ("لقاء", 2),
            ("قاء", 3),
        ]);
        idx.postings
            .insert("مصر".into(), vec![(3, 1), (4, 2), (5, 1)]);
        idx.postings.insert("quote:مصر".into(), vec![(0, 2)]);
        idx.merge_prepositions(&an, &stop);
        // «بمصر» (document 0) now counts for «مصر», in the body and in quotations.
        assert!(!idx.postings.contains_key("بمصر"));
        assert_eq!(idx.postings["مصر"], [(0, 1), (3, 1), (4, 2), (5, 1)]);
        assert_eq!(idx.postings["quote:مصر"], [(0, 3)]);
        assert_eq!(idx.canonical("بمصر"), "مصر");
        assert_eq!(idx.canonical("لبغداد"), "بغداد");
        // No «بنان» in the collection, and «قاء» is not twice as common as «لقاء».
        assert_eq!(idx.canonical("لبنان"), "لبنان");
        assert_eq!(idx.canonical("لقاء"), "لقاء");
        // A query for the merged word is read under its term, silently: the collection has it.
        let mut notes = 0;
        let terms = idx.query_terms_noting(&an, &stop, "بمصر", |_, _| notes += 1);
        assert_eq!((terms, notes), (vec!["مصر".to_string()], 0));
        // The merge survives a save and a load.
        let dir = std::env::temp_dir().join(format!("rasd-alias-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("index.bin");
        idx.save(&path).unwrap();
        let back = Index::load(&path).unwrap();
        assert_eq!(back.canonical("بمصر"), "مصر");
        assert_eq!(back.postings["مصر"], idx.postings["مصر"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn query_words_the_collection_never_saw_are_read_as_it_spells_them() {
        let an = rasd_text::Analyzer::default();
        let stop = HashSet::new();
        let idx = index_of(&[("سويسرا", 3), ("بلجيكا", 5), ("بلجيك", 1), ("عاصم", 4)]);
        let mut notes = Vec::new();
        let terms = idx.query_terms_noting(
            &an,
            &stop,
            "عاصمة لسويسرا وبلجيكيا زيمبابوي",
            |w, t| notes.push(format!("{w}→{t}")),
        );
        // A known word as it is; a preposition the segmenter could not cut; a misspelling
        // read as the most frequent term one letter away; an unknown word left to match
        // nothing.
        assert_eq!(terms, ["عاصم", "سويسرا", "بلجيكا", "زيمبابو"]);
        assert_eq!(notes, ["لسويسرا→سويسرا", "وبلجيكيا→بلجيكا"]);
        // Short words are not corrected: one letter is too much of them.
        let idx = index_of(&[("مايو", 9)]);
        assert_eq!(idx.query_terms(&an, &stop, "ماهو"), ["ماهو"]);
    }

    #[test]
    fn an_index_from_another_version_says_to_rebuild() {
        let dir = std::env::temp_dir().join(format!("rasd-index-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("index.bin");
        fs::write(&path, b"RASDIX03\0\0\0\0").unwrap();
        let err = Index::load(&path).unwrap_err().to_string();
        assert!(err.contains("rasd ingest"), "{err}");
        fs::write(&path, b"something else").unwrap();
        let err = Index::load(&path).unwrap_err().to_string();
        assert!(err.contains("not a rasd index"), "{err}");
        let idx = Index::default();
        idx.save(&path).unwrap();
        assert_eq!(Index::load(&path).unwrap().docs.len(), 0);
        fs::remove_dir_all(&dir).unwrap();
    }
}
