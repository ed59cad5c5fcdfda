//! `rasd analyze`: inputs → records, in parallel, in input order, with every failure reported.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, Result};
use rasd_pipeline::{Options, Pipeline};
use rasd_read::{read_path, Article, ReadOptions};
use rasd_resources::Resources;

use crate::Format;

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders to read (folders recursively); - reads standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Write records here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Stop at the first input error instead of reporting it and going on.
    #[arg(long)]
    strict: bool,
    /// Leave the token layer out of the records (smaller output).
    #[arg(long)]
    no_tokens: bool,
    /// Entities from the gazetteers and rules only, without the statistical tagger.
    #[arg(long)]
    no_tagger: bool,
    /// The tagger's first stage alone, without the second that re-tags each sentence:
    /// faster (8–18% on the whole analysis), a little less accurate (docs/evaluation.md).
    #[arg(long, conflicts_with = "no_tagger")]
    one_stage: bool,
    /// Largest article accepted, in bytes.
    #[arg(long, default_value_t = 8 << 20)]
    max_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Do not print the closing summary line.
    #[arg(long, short)]
    quiet: bool,
}

/// Every input file under the given paths, folders walked in name order.
pub fn expand(paths: &[String]) -> (Vec<String>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    fn walk(p: &Path, files: &mut Vec<String>, errors: &mut Vec<String>) {
        match std::fs::read_dir(p) {
            Ok(rd) => {
                let mut entries: Vec<PathBuf> =
                    rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                entries.sort();
                for e in entries {
                    if e.is_dir() {
                        walk(&e, files, errors);
                    } else if !e
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    {
                        files.push(e.display().to_string());
                    }
                }
            }
            Err(e) => errors.push(format!("{}: cannot list folder: {e}", p.display())),
        }
    }
    for p in paths {
        let path = Path::new(p);
        if p != "-" && path.is_dir() {
            walk(path, &mut files, &mut errors);
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

/// Articles analysed together: large enough to keep every core busy, small enough that
/// memory does not grow with the input.
const BATCH: usize = 512;

/// Counts for the closing summary.
#[derive(Default)]
pub struct Tally {
    pub inputs: usize,
    pub articles: u64,
    pub failed: u64,
    pub bytes: u64,
    pub warnings: u64,
}

/// Analyses articles in batches on `threads` threads, keeping input order.
/// Worker threads: as asked, else one per core the system offers.
pub fn thread_count(asked: Option<usize>) -> usize {
    asked
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// One article's record, or why it has none.
pub type Analysed = Result<rasd_doc::Record, String>;

/// Analyses a batch on `threads` threads; the results keep the batch's order, one for each
/// article. A panic inside the analyzer is a bug, but it costs the article it happened on and
/// nothing else: the other articles of its thread are still analysed, and the failure comes
/// back in that article's place, to be reported with its file and record.
pub fn run_batch(pipe: &Pipeline, batch: &[Article], threads: usize) -> Vec<Analysed> {
    each_article(batch, threads, |a| pipe.analyze(a))
}

/// [`run_batch`] for any work on an article: `rasd analyze` also serialises each record on
/// the thread that made it, so that only the writing is left to do in order.
fn each_article<T, F>(batch: &[Article], threads: usize, f: F) -> Vec<Result<T, String>>
where
    T: Send,
    F: Fn(&Article) -> T + Sync,
{
    let one = |a: &Article| -> Result<T, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(a))).map_err(|p| {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            format!("the analysis failed ({what}); this is a bug in rasd, please report it with this record")
        })
    };
    if threads <= 1 || batch.len() < 2 {
        return batch.iter().map(one).collect();
    }
    // Each thread takes the next article as it finishes one, so that a thread given the
    // long articles does not keep the other waiting at the end of the batch.
    let (one, next) = (&one, &AtomicUsize::new(0));
    let done: Vec<Vec<(usize, Result<T, String>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.min(batch.len()))
            .map(|_| {
                s.spawn(move || {
                    let mut v = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(a) = batch.get(i) else { break };
                        v.push((i, one(a)));
                    }
                    v
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut out: Vec<Option<Result<T, String>>> = (0..batch.len()).map(|_| None).collect();
    for (i, r) in done.into_iter().flatten() {
        out[i] = Some(r);
    }
    out.into_iter()
        .map(|r| r.unwrap_or_else(|| Err("the analysis thread stopped".to_string())))
        .collect()
}

fn body_len(a: &Article) -> usize {
    match &a.body {
        rasd_read::Body::Text(t) | rasd_read::Body::Html(t) => t.len(),
    }
}

pub fn run(args: Args, res: Resources) -> Result<ExitCode> {
    let pipe = Pipeline::new(
        res,
        Options {
            tokens: !args.no_tokens,
            tagger: !args.no_tagger,
            second_stage: !args.one_stage,
        },
    );
    let threads = thread_count(args.threads);
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let started = Instant::now();
    let (files, listing_errors) = expand(&args.paths);
    let mut tally = Tally {
        inputs: files.len(),
        ..Default::default()
    };
    for e in &listing_errors {
        eprintln!("rasd: error: {e}");
        tally.failed += 1;
    }
    let opts = ReadOptions {
        max_article_bytes: args.max_bytes,
    };
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut first_error: Option<String> = None;
    let mut write_error: Option<anyhow::Error> = None;

    let flush =
        |batch: &mut Vec<Article>, tally: &mut Tally, out: &mut Box<dyn Write>| -> Result<()> {
            let serialised = each_article(batch, threads, |a| {
                let mut rec = pipe.analyze(a);
                let mut bytes = Vec::new();
                write_record(&mut bytes, &mut rec, args.format)
                    .map(|()| (rec.warnings.len(), bytes))
            });
            for (a, rec) in batch.iter().zip(serialised) {
                match rec {
                    Ok(Ok((warnings, bytes))) => {
                        tally.warnings += warnings as u64;
                        out.write_all(&bytes)?;
                    }
                    Ok(Err(e)) => return Err(e.context(format!("serialising {}", a.origin()))),
                    Err(e) => {
                        eprintln!("rasd: error: {}: {e}", a.origin());
                        tally.failed += 1;
                    }
                }
            }
            batch.clear();
            Ok(())
        };

    // Streaming: articles are analysed in batches as they are read, so memory stays flat
    // however large an input is. A reader thread parses the inputs (gzip, JSON, HTML
    // detection) while the batch before is analysed; the channel holds at most one batch.
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel(BATCH);
        let (files, opts, stop) = (&files, &opts, &stop);
        s.spawn(move || {
            for file in files {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                read_path(file, opts, &mut |r| {
                    if !stop.load(Ordering::Relaxed) && tx.send(r).is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                });
            }
        });
        for r in rx {
            match r {
                Ok(a) => {
                    tally.articles += 1;
                    tally.bytes += body_len(&a) as u64;
                    batch.push(a);
                    if batch.len() >= BATCH {
                        if let Err(e) = flush(&mut batch, &mut tally, &mut out) {
                            write_error = Some(e);
                        }
                    }
                }
                Err(e) if e.is_note() => eprintln!("rasd: note: {e}"),
                Err(e) => {
                    eprintln!("rasd: error: {e}");
                    tally.failed += 1;
                    if args.strict {
                        first_error = Some(e.to_string());
                    }
                }
            }
            if first_error.is_some() || write_error.is_some() {
                // The reader stops at its next article; what it has read is left unread.
                stop.store(true, Ordering::Relaxed);
                break;
            }
        }
    });
    if let Some(e) = write_error.take() {
        return Err(e.context("writing records"));
    }
    flush(&mut batch, &mut tally, &mut out)?;
    out.flush().context("writing output")?;
    let secs = started.elapsed().as_secs_f64();
    if !args.quiet {
        eprintln!(
            "rasd: {} article(s) analysed from {} input(s) in {:.2} s ({:.0} articles/s, {:.1} MB/s of text); {} failed; {} warning(s)",
            tally.articles,
            tally.inputs,
            secs,
            tally.articles as f64 / secs.max(1e-9),
            tally.bytes as f64 / 1e6 / secs.max(1e-9),
            tally.failed,
            tally.warnings
        );
    }
    if let Some(e) = first_error {
        eprintln!("rasd: stopped at the first error (--strict): {e}");
    }
    Ok(if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn write_record(out: &mut Vec<u8>, rec: &mut rasd_doc::Record, format: Format) -> Result<()> {
    match format {
        Format::Jsonl => {
            rasd_doc::json::write_record(out, rec)?;
            out.push(b'\n');
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rec)?;
            out.push(b'\n');
        }
        Format::Text => out.extend_from_slice(crate::summary::render(rec).as_bytes()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(n: u64, text: &str) -> Article {
        let mut a = Article::text("t", text.to_string());
        a.file = "news.jsonl".to_string();
        a.record = Some(n);
        a
    }

    /// A panic on one article costs that article alone, in its place, on one thread or two:
    /// its neighbours on the same thread are still analysed, and the results stay in order.
    #[test]
    fn an_article_the_analyzer_fails_on_costs_only_itself() {
        let batch: Vec<Article> = (1..=6).map(|n| article(n, &format!("نص {n}"))).collect();
        let analyze = |a: &Article| {
            if a.record == Some(2) {
                panic!("an index out of range");
            }
            rasd_doc::Record {
                id: format!("{}", a.record.unwrap_or(0)),
                ..Default::default()
            }
        };
        for threads in [1, 2] {
            let out = each_article(&batch, threads, analyze);
            assert_eq!(out.len(), 6);
            for (n, r) in (1..=6).zip(&out) {
                match r {
                    Ok(rec) => assert_eq!(rec.id, n.to_string()),
                    Err(e) => {
                        assert_eq!(n, 2);
                        assert!(e.contains("an index out of range"), "{e}");
                    }
                }
            }
            assert!(out[1].is_err());
        }
        assert_eq!(batch[1].origin(), "news.jsonl, record 2");
    }
}
