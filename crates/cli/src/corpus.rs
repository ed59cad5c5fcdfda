//! `rasd ingest`, `rasd search`, `rasd quarantine`: the on-disk corpus.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rasd_pipeline::{Options, Pipeline};
use rasd_read::{read_path, read_path_counted, Article, ReadOptions};
use rasd_resources::Resources;
use rasd_store::index::{terms, Bm25, Index};
use rasd_store::{content_key, Corpus, Quarantined, Source, Stored};

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Inputs: every format `rasd analyze` reads, files or folders.
    #[arg(required = true)]
    paths: Vec<String>,
    /// The corpus folder.
    #[arg(long, default_value = "rasd-data")]
    corpus: PathBuf,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Articles per committed segment: what a crash can cost at most, in re-analysis.
    #[arg(long, default_value_t = 2048)]
    segment_size: usize,
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// The query: words in any spelling; "a phrase"; +required, -excluded, AND, NOT;
    /// quote:word (inside a quotation) and event:word (inside a sentence reporting an event).
    /// A word the corpus has never seen is read as the corpus spells it (without a
    /// preposition, or one letter away), and the search says so.
    query: Vec<String>,
    #[arg(long, default_value = "rasd-data")]
    corpus: PathBuf,
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Only articles of this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Only articles dated on or after this ISO date.
    #[arg(long)]
    since: Option<String>,
    /// Only articles dated on or before this ISO date.
    #[arg(long)]
    until: Option<String>,
    /// Only articles that mention this entity (canonical name, as in the records).
    #[arg(long)]
    entity: Option<String>,
    /// Only articles reporting an event of this PLOVER type (ASSAULT, PROTEST, REQUEST …).
    #[arg(long)]
    event: Option<String>,
    /// Only articles with an event actor of this country (ISO alpha-3).
    #[arg(long)]
    country: Option<String>,
    /// Only articles quoting this person or body (canonical name).
    #[arg(long)]
    speaker: Option<String>,
    /// Rank by date (newest first) instead of relevance.
    #[arg(long)]
    by_date: bool,
    /// Print counts per outlet, event type and entity over all matches.
    #[arg(long)]
    facets: bool,
    /// JSON lines instead of a readable list.
    #[arg(long)]
    json: bool,
    /// Batch mode: `qid<TAB>query` lines; writes a TREC run (`qid Q0 docid rank score rasd`).
    #[arg(long, requires = "run")]
    queries: Option<PathBuf>,
    #[arg(long)]
    run: Option<PathBuf>,
    /// Rank by BM25 alone, without the second-stage re-ranking of the top results.
    #[arg(long)]
    bm25_only: bool,
    /// A re-ranking model of your own (from `rasd train rank`) instead of models/rank.tsv.
    #[arg(long, conflicts_with = "bm25_only")]
    rank_model: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct CorpusArgs {
    #[arg(long, default_value = "rasd-data")]
    corpus: PathBuf,
}

pub(crate) fn stop_words(res: &Resources) -> HashSet<String> {
    res.function_words.iter().cloned().collect()
}

/// Articles on their way into the corpus: analysed a batch at a time, exact duplicates
/// (same cleaned text) set aside as further sources, the rest committed a segment at a time.
struct Intake {
    segment: usize,
    batch: Vec<Article>,
    pending: Vec<Stored>,
    pending_keys: HashSet<String>,
    duplicates: Vec<Source>,
    /// Articles the analyzer failed on, for the quarantine.
    failed: Vec<Quarantined>,
    stored: u64,
    dups: u64,
}

impl Intake {
    fn new(segment: usize) -> Self {
        Intake {
            segment,
            batch: Vec::with_capacity(512),
            pending: Vec::with_capacity(segment),
            pending_keys: HashSet::new(),
            duplicates: Vec::new(),
            failed: Vec::new(),
            stored: 0,
            dups: 0,
        }
    }

    /// Analyses the batch; commits a segment once it is full, or whatever is left when `last`.
    fn flush(
        &mut self,
        pipe: &Pipeline,
        threads: usize,
        corpus: &mut Corpus,
        last: bool,
    ) -> Result<()> {
        for (a, rec) in self
            .batch
            .iter()
            .zip(crate::analyze::run_batch(pipe, &self.batch, threads))
        {
            let rec = match rec {
                Ok(rec) => rec,
                Err(reason) => {
                    let file = a.origin();
                    self.failed.push(Quarantined {
                        reason: format!("{file}: {reason}"),
                        file: a.file.clone(),
                    });
                    continue;
                }
            };
            let key = content_key(&rec.text);
            if corpus.contains(&key) || self.pending_keys.contains(&key) {
                self.dups += 1;
                self.duplicates.push(Source {
                    key,
                    id: rec.id.clone(),
                    file: a.file.clone(),
                    record: a.record,
                    outlet: rec.outlet.clone(),
                    url: rec.url.clone(),
                });
                continue;
            }
            self.pending_keys.insert(key.clone());
            self.pending.push(Stored { key, record: rec });
        }
        self.batch.clear();
        if self.pending.len() >= self.segment || (last && !self.pending.is_empty()) {
            corpus.commit(&self.pending)?;
            self.stored += self.pending.len() as u64;
            self.pending.clear();
            self.pending_keys.clear();
        }
        if !self.duplicates.is_empty() && (last || self.duplicates.len() >= self.segment) {
            corpus.add_duplicates(&self.duplicates)?;
            self.duplicates.clear();
        }
        Ok(())
    }
}

pub fn run_ingest(args: IngestArgs, res: Resources) -> Result<ExitCode> {
    let stop = stop_words(&res);
    let pipe = Pipeline::new(
        res,
        Options {
            tokens: false,
            ..Options::default()
        },
    );
    let threads = crate::analyze::thread_count(args.threads);
    let mut corpus = Corpus::open(&args.corpus)
        .with_context(|| format!("opening corpus {}", args.corpus.display()))?;
    let started = Instant::now();
    let (files, listing) = crate::analyze::expand(&args.paths);
    let (mut read, mut failed, mut already) = (0u64, listing.len() as u64, 0u64);
    let mut quarantine: Vec<Quarantined> = listing
        .into_iter()
        .map(|e| Quarantined {
            file: e.clone(),
            reason: e,
        })
        .collect();
    let segment = args.segment_size.max(1);
    let mut intake = Intake::new(segment);
    let mut last_report = Instant::now();
    // Progress: bytes of the inputs read so far against their total size.
    let total_bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let done_bytes = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut error: Option<anyhow::Error> = None;

    for file in &files {
        read_path_counted(
            file,
            &ReadOptions::default(),
            done_bytes.clone(),
            &mut |r| {
                if error.is_some() {
                    return;
                }
                match r {
                    Ok(a) if corpus.has_seen(&a.file, a.record) => {
                        // Taken in by an earlier run: re-ingesting adds nothing.
                        read += 1;
                        already += 1;
                    }
                    Ok(a) => {
                        read += 1;
                        intake.batch.push(a);
                        if intake.batch.len() >= segment.min(512) {
                            if let Err(e) = intake.flush(&pipe, threads, &mut corpus, false) {
                                error = Some(e);
                            }
                        }
                    }
                    Err(e) if e.is_note() => eprintln!("rasd ingest: note: {e}"),
                    Err(e) => {
                        failed += 1;
                        quarantine.push(Quarantined {
                            file: e.file().to_string(),
                            reason: e.to_string(),
                        });
                    }
                }
                // On a terminal, one line redrawn twice a second; elsewhere (logs), a line every 10 s.
                let every = if terminal { 0.5 } else { 10.0 };
                if last_report.elapsed().as_secs_f64() >= every {
                    let s = started.elapsed().as_secs_f64();
                    let done = done_bytes.load(std::sync::atomic::Ordering::Relaxed) as f64;
                    let eta = if done > 0.0 && total_bytes > 0 {
                        format!(
                            ", about {:.0} s left",
                            s * (total_bytes as f64 - done).max(0.0) / done
                        )
                    } else {
                        String::new()
                    };
                    let (stored, dups) = (intake.stored, intake.dups);
                    let line = format!(
                    "rasd ingest: {:.0}% — {read} read, {stored} stored, {dups} duplicates, {failed} failed — {:.0} articles/s{eta}",
                    100.0 * done / total_bytes.max(1) as f64,
                    read as f64 / s
                );
                    if terminal {
                        eprint!("\r{line}\x1b[K");
                    } else {
                        eprintln!("{line}");
                    }
                    last_report = Instant::now();
                }
            },
        );
        if let Some(e) = error.take() {
            return Err(e.context("ingesting"));
        }
    }
    intake.flush(&pipe, threads, &mut corpus, true)?;
    if terminal {
        eprintln!();
    }
    for q in intake.failed.drain(..) {
        eprintln!("rasd ingest: error: {}", q.reason);
        failed += 1;
        quarantine.push(q);
    }
    corpus.add_quarantine(&quarantine)?;
    let analysed = started.elapsed().as_secs_f64();
    let index = Index::build(&corpus, pipe.text_analyzer(), &stop)?;
    index.save(&args.corpus.join("index.bin"))?;
    let n_clusters = write_clusters(&corpus)?;
    let size = std::fs::metadata(args.corpus.join("index.bin"))
        .map(|m| m.len())
        .unwrap_or(0);
    let (stored, dups) = (intake.stored, intake.dups);
    eprintln!(
        "rasd ingest: {read} read, {stored} stored, {dups} duplicates, {already} already in the corpus, {failed} failed; {} articles in the corpus, {n_clusters} near-duplicate clusters; ingest {:.1} s ({:.0} articles/s), index and clusters {:.1} s, index {:.1} MB",
        index.docs.len(),
        analysed,
        read as f64 / analysed.max(1e-9),
        started.elapsed().as_secs_f64() - analysed,
        size as f64 / 1e6
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Groups the corpus's near-duplicates (wire copies with small edits) and writes
/// `clusters.jsonl`: one `{"key", "cluster"}` line per article that has a near twin,
/// through a temporary file and a rename. Returns the number of clusters.
fn write_clusters(corpus: &Corpus) -> Result<usize> {
    use rasd_store::dedup::{clusters, near_pairs, MinHasher};
    let mh = MinHasher::default();
    let mut keys = Vec::new();
    let mut sigs = Vec::new();
    corpus.for_each(|s, _| {
        sigs.push(mh.signature(&s.record.text));
        keys.push(s.key);
    })?;
    let cl = clusters(keys.len(), &near_pairs(&sigs, 0.8));
    let path = corpus.dir.join("clusters.jsonl");
    let tmp = corpus.dir.join("clusters.jsonl.tmp");
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?,
    );
    for (k, c) in keys.iter().zip(&cl) {
        if let Some(c) = c {
            writeln!(w, "{}", serde_json::json!({"key": k, "cluster": c}))?;
        }
    }
    w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(&tmp, &path).with_context(|| format!("writing {}", path.display()))?;
    Ok(cl.iter().flatten().max().map(|m| m + 1).unwrap_or(0))
}

/// Reorders the top hits with the second-stage model, reading their text from the corpus.
pub(crate) fn rerank(
    model: &rasd_store::rank::RankModel,
    corpus: &Corpus,
    index: &Index,
    an: &rasd_text::Analyzer,
    stop: &HashSet<String>,
    query: &str,
    hits: &mut [(u32, f32)],
) {
    let text = rasd_store::query::positive_text(query);
    model.rerank(index, an, stop, &text, hits, |d| {
        corpus.get_text(index.docs[d as usize].at).ok()
    });
}

/// Whether document `d` holds every phrase of the query (read back from its segment).
fn phrase_ok(
    corpus: &Corpus,
    index: &Index,
    an: &rasd_text::Analyzer,
    stop: &HashSet<String>,
    q: &rasd_store::query::Query,
    d: u32,
) -> bool {
    let Ok((title, text)) = corpus.get_text(index.docs[d as usize].at) else {
        return false;
    };
    let mut doc = Vec::new();
    for part in [title.as_str(), text.as_str()] {
        terms(an, stop, part, |t| doc.push(index.canonical(t).to_string()));
    }
    q.phrases
        .iter()
        .all(|p| rasd_store::query::contains_phrase(&doc, p))
}

/// The sentence of `text` with the most query terms, terms marked ⟦…⟧.
fn snippet(an: &rasd_text::Analyzer, index: &Index, text: &str, query: &HashSet<String>) -> String {
    let tokens = rasd_text::tokenize(text);
    let sentences = rasd_text::split_sentences(text, &tokens);
    let mut best = (0usize, (0usize, text.len().min(300)));
    for &(a, b) in &sentences {
        let mut n = 0;
        an.for_each_stem(&text[a..b], |_, s| {
            n += usize::from(query.contains(index.canonical(s)))
        });
        if n > best.0 {
            best = (n, (a, b));
        }
    }
    let (a, b) = best.1;
    let part = &text[a..b.min(text.len())];
    let mut marks: Vec<(usize, usize)> = Vec::new();
    an.for_each_stem(part, |t, s| {
        if query.contains(index.canonical(s)) {
            marks.push((t.start, t.end));
        }
    });
    let mut out = String::new();
    let mut last = 0;
    for (s, e) in marks {
        out.push_str(&part[last..s]);
        out.push('⟦');
        out.push_str(&part[s..e]);
        out.push('⟧');
        last = e;
    }
    out.push_str(&part[last..]);
    out
}

/// The search index of the corpus in `dir`, with an error that says what to do when there is
/// none or it cannot be read.
pub(crate) fn load_index(dir: &std::path::Path) -> Result<Index> {
    let path = dir.join("index.bin");
    if !path.exists() {
        anyhow::bail!(
            "{} holds no search index: build one with `rasd ingest FILES --corpus {}`",
            dir.display(),
            dir.display()
        );
    }
    Index::load(&path).with_context(|| format!("opening the corpus {}", dir.display()))
}

pub fn run_search(args: SearchArgs, res: Resources) -> Result<ExitCode> {
    let stop = stop_words(&res);
    let an = rasd_text::Analyzer::new(res.segmenter());
    let index = load_index(&args.corpus)?;
    let corpus = Corpus::open(&args.corpus)?;
    let model = match &args.rank_model {
        Some(p) => rasd_store::rank::RankModel::parse(
            &std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        )
        .with_context(|| format!("reading the ranking model {}", p.display()))?,
        None => rasd_store::rank::RankModel::builtin(),
    };
    // Words the collection never saw, read as it spells them; told to the user below.
    let read_as = std::cell::RefCell::new(Vec::new());
    let analyse = |q: &str| {
        index.query_terms_noting(&an, &stop, q, |word, term| {
            read_as.borrow_mut().push(format!("«{word}» as «{term}»"))
        })
    };
    use rasd_store::index::DocInfo;
    let keep = |d: &DocInfo| {
        args.outlet.as_ref().is_none_or(|o| &d.outlet == o)
            && args
                .since
                .as_ref()
                .is_none_or(|s| d.date.as_str() >= s.as_str())
            && args
                .until
                .as_ref()
                .is_none_or(|u| d.date.get(..u.len()).unwrap_or(&d.date) <= u.as_str())
            && [
                (&args.entity, &d.entities),
                (&args.event, &d.events),
                (&args.country, &d.countries),
                (&args.speaker, &d.speakers),
            ]
            .iter()
            .all(|(want, facet)| want.as_ref().is_none_or(|v| DocInfo::has(facet, v)))
    };
    if let (Some(qfile), Some(run)) = (&args.queries, &args.run) {
        let text = std::fs::read_to_string(qfile)
            .with_context(|| format!("reading {}", qfile.display()))?;
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(run).with_context(|| format!("creating {}", run.display()))?,
        );
        let started = Instant::now();
        let mut n = 0;
        let mut times = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let (qid, q) = line
                .split_once('\t')
                .with_context(|| format!("{}: expected qid<TAB>query: {line}", qfile.display()))?;
            let t0 = Instant::now();
            let query = rasd_store::query::parse(q, analyse);
            // A run file has no room for notes: none are kept for thousands of queries.
            read_as.borrow_mut().clear();
            // The re-ranker may lift any of its `depth` candidates into the first `limit`.
            let depth = if args.bm25_only { 0 } else { model.depth };
            let mut hits =
                index.search_query(&query, Bm25::default(), args.limit.max(depth), keep, |d| {
                    phrase_ok(&corpus, &index, &an, &stop, &query, d)
                });
            if !args.bm25_only {
                rerank(&model, &corpus, &index, &an, &stop, q, &mut hits);
            }
            hits.truncate(args.limit);
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
            for (rank, (d, score)) in hits.iter().enumerate() {
                writeln!(
                    out,
                    "{qid} Q0 {} {} {score:.6} rasd",
                    index.docs[*d as usize].id,
                    rank + 1
                )?;
            }
            n += 1;
        }
        out.flush()?;
        times.sort_by(|a, b| a.total_cmp(b));
        let pct = |p: f64| {
            times
                .get(((times.len() as f64 - 1.0) * p).round() as usize)
                .copied()
                .unwrap_or(0.0)
        };
        eprintln!(
            "rasd search: {n} queries in {:.2} s; latency median {:.2} ms, p99 {:.2} ms",
            started.elapsed().as_secs_f64(),
            pct(0.5),
            pct(0.99)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let q = args.query.join(" ");
    let query = rasd_store::query::parse(&q, analyse);
    if !read_as.borrow().is_empty() {
        eprintln!(
            "rasd search: not in the corpus, searched {}",
            read_as.borrow().join(", ")
        );
    }
    // Snippets mark the words wherever they stand: field words without their prefix.
    let qset: HashSet<String> = query
        .should
        .iter()
        .map(|t| {
            t.strip_prefix(rasd_store::index::QUOTE_FIELD)
                .or_else(|| t.strip_prefix(rasd_store::index::EVENT_FIELD))
                .unwrap_or(t)
                .to_string()
        })
        .collect();
    let mut hits = index.search_query(&query, Bm25::default(), usize::MAX, keep, |d| {
        phrase_ok(&corpus, &index, &an, &stop, &query, d)
    });
    if args.facets {
        let mut counts: [std::collections::BTreeMap<String, usize>; 4] = Default::default();
        for (d, _) in &hits {
            let info = &index.docs[*d as usize];
            *counts[0].entry(info.outlet.clone()).or_default() += 1;
            for (i, field) in [(1, &info.events), (2, &info.entities), (3, &info.speakers)] {
                for v in field.split('|').filter(|v| !v.is_empty()) {
                    *counts[i].entry(v.to_string()).or_default() += 1;
                }
            }
        }
        eprintln!("{} matches", hits.len());
        for (name, c) in ["outlets", "events", "entities", "speakers"]
            .iter()
            .zip(&counts)
        {
            let mut v: Vec<(&String, &usize)> = c.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let top: Vec<String> = v.iter().take(10).map(|(k, n)| format!("{k} {n}")).collect();
            eprintln!("  {name}: {}", top.join(", "));
        }
    }
    if !args.bm25_only && !args.by_date {
        rerank(&model, &corpus, &index, &an, &stop, &q, &mut hits);
    }
    if args.by_date {
        hits.sort_by(|a, b| {
            index.docs[b.0 as usize]
                .date
                .cmp(&index.docs[a.0 as usize].date)
                .then(a.0.cmp(&b.0))
        });
    }
    hits.truncate(args.limit);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (rank, (d, score)) in hits.iter().enumerate() {
        let info = &index.docs[*d as usize];
        let stored = corpus.get(info.at)?;
        let snip = snippet(&an, &index, &stored.record.text, &qset);
        if args.json {
            let v = serde_json::json!({"rank": rank + 1, "score": score, "id": info.id, "key": info.key, "title": info.title, "outlet": info.outlet, "date": info.date, "snippet": snip});
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "{:>2}. {:.2}  {}  [{} {}]\n    {}",
                rank + 1,
                score,
                if info.title.is_empty() {
                    &info.id
                } else {
                    &info.title
                },
                info.outlet,
                info.date,
                snip
            )?;
        }
    }
    if hits.is_empty() && !args.json {
        writeln!(out, "no match for «{q}»")?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_quarantine(args: CorpusArgs) -> Result<ExitCode> {
    let corpus = Corpus::open(&args.corpus)?;
    let q: Vec<Quarantined> = corpus.read_side("quarantine.jsonl")?;
    for item in &q {
        outln!("{}\t{}", item.file, item.reason);
    }
    eprintln!("{} quarantined input(s)", q.len());
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct DedupArgs {
    /// Inputs (any format `rasd analyze` reads); their raw text is compared.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Minimum estimated Jaccard similarity of word 5-grams.
    #[arg(long, default_value_t = 0.8)]
    threshold: f32,
    /// Write the pairs: id_a id_b outlet_a outlet_b similarity exact.
    #[arg(long)]
    pairs: Option<PathBuf>,
}

/// `rasd dedup`: near-duplicate pairs and clusters among the inputs.
pub fn run_dedup(args: DedupArgs) -> Result<ExitCode> {
    use rasd_store::dedup::{clusters, near_pairs, MinHasher};
    let started = Instant::now();
    let mh = MinHasher::default();
    let (files, _) = crate::analyze::expand(&args.paths);
    let mut items: Vec<(String, String, String)> = Vec::new();
    let mut sigs = Vec::new();
    let mut failed = 0;
    for f in &files {
        read_path(f, &ReadOptions::default(), &mut |r| match r {
            Ok(a) => {
                let text = match &a.body {
                    rasd_read::Body::Text(t) | rasd_read::Body::Html(t) => t.clone(),
                };
                sigs.push(mh.signature(&text));
                items.push((
                    a.id.clone().unwrap_or_default(),
                    a.outlet.clone().unwrap_or_default(),
                    rasd_text::fold_phrase(&text),
                ));
            }
            Err(_) => failed += 1,
        });
    }
    let pairs = near_pairs(&sigs, args.threshold);
    let cl = clusters(items.len(), &pairs);
    let exact = pairs
        .iter()
        .filter(|p| items[p.0].2 == items[p.1].2)
        .count();
    let n_clusters = cl.iter().flatten().max().map(|m| m + 1).unwrap_or(0);
    let in_clusters = cl.iter().filter(|c| c.is_some()).count();
    if let Some(p) = &args.pairs {
        let mut w = std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        );
        for &(i, j, s) in &pairs {
            writeln!(
                w,
                "{}\t{}\t{}\t{}\t{s:.3}\t{}",
                items[i].0,
                items[j].0,
                items[i].1,
                items[j].1,
                u8::from(items[i].2 == items[j].2)
            )?;
        }
        w.flush()?;
    }
    let secs = started.elapsed().as_secs_f64();
    outln!(
        "{} records ({failed} unreadable): {} pairs ({exact} exact, {} near), {n_clusters} clusters ({in_clusters} records); {:.0} docs/s",
        items.len(),
        pairs.len(),
        pairs.len() - exact,
        items.len() as f64 / secs
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct StatsArgs {
    #[arg(long, default_value = "rasd-data")]
    corpus: PathBuf,
    /// One JSON object instead of a readable report.
    #[arg(long)]
    json: bool,
    /// How many entries in each top list.
    #[arg(long, default_value_t = 15)]
    top: usize,
}

/// `rasd stats`: what a corpus holds, from its records.
pub fn run_stats(args: StatsArgs) -> Result<ExitCode> {
    use std::collections::BTreeMap;
    let corpus = Corpus::open(&args.corpus)?;
    let mut per_outlet: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_day: BTreeMap<String, usize> = BTreeMap::new();
    let mut entities: BTreeMap<String, usize> = BTreeMap::new();
    let mut pairs: BTreeMap<String, usize> = BTreeMap::new();
    let mut events: BTreeMap<String, usize> = BTreeMap::new();
    let mut n = 0usize;
    corpus.for_each(|s, _| {
        n += 1;
        let r = &s.record;
        *per_outlet
            .entry(r.outlet.clone().unwrap_or_else(|| "-".into()))
            .or_default() += 1;
        *per_day
            .entry(
                r.date
                    .as_deref()
                    .and_then(|d| d.get(..10))
                    .unwrap_or("-")
                    .to_string(),
            )
            .or_default() += 1;
        for e in &r.entities {
            *entities
                .entry(format!("{} ({})", e.canonical, e.kind))
                .or_default() += 1;
        }
        for e in r
            .events
            .iter()
            .filter(|e| !e.negated && e.reported != Some(false))
        {
            if let Some(p) = &e.plover {
                *events.entry(p.kind.clone()).or_default() += 1;
            }
            let code = |a: &Option<rasd_doc::Actor>| a.as_ref().and_then(|a| a.code.clone());
            if let (Some(s), Some(t)) = (code(&e.source), code(&e.target)) {
                *pairs.entry(format!("{s} → {t}")).or_default() += 1;
            }
        }
    })?;
    let dups: Vec<Source> = corpus.read_side("duplicates.jsonl")?;
    let clusters = std::fs::read_to_string(args.corpus.join("clusters.jsonl")).unwrap_or_default();
    let mut sizes: BTreeMap<String, usize> = BTreeMap::new();
    for l in clusters.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
            *sizes.entry(v["cluster"].to_string()).or_default() += 1;
        }
    }
    let top = |m: &BTreeMap<String, usize>| {
        let mut v: Vec<(String, usize)> = m.iter().map(|(k, n)| (k.clone(), *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(args.top);
        v
    };
    let report = serde_json::json!({
        "articles": n,
        "exact_duplicate_sources": dups.len(),
        "near_duplicate_clusters": sizes.len(),
        "articles_in_clusters": sizes.values().sum::<usize>(),
        "largest_cluster": sizes.values().max().copied().unwrap_or(0),
        "per_outlet": per_outlet,
        "per_day": per_day,
        "top_entities": top(&entities),
        "top_event_types": top(&events),
        "top_actor_pairs": top(&pairs),
    });
    if args.json {
        outln!("{report}");
        return Ok(ExitCode::SUCCESS);
    }
    outln!("{n} articles; {} further sources of exact duplicates; {} near-duplicate clusters ({} articles, largest {})", dups.len(), sizes.len(), report["articles_in_clusters"], report["largest_cluster"]);
    outln!("per outlet:");
    for (k, v) in top(&per_outlet) {
        outln!("  {v:>7}  {k}");
    }
    outln!("busiest days:");
    for (k, v) in top(&per_day) {
        outln!("  {v:>7}  {k}");
    }
    for (title, m) in [
        ("top entities", &entities),
        ("event types (reported, not negated)", &events),
        ("top actor pairs", &pairs),
    ] {
        outln!("{title}:");
        for (k, v) in top(m) {
            outln!("  {v:>7}  {k}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
