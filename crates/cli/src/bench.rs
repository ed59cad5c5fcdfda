//! `rasd bench`: throughput figures for docs/benchmarks.md, measured the way the peers'
//! scripts measure theirs (../shared/peers/stem_compare.py), so that numbers sit side by side.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Result};
use rasd_pipeline::{Options, Pipeline};
use rasd_read::{read_path, Article, Body, ReadOptions};
use rasd_resources::Resources;

#[derive(clap::Args)]
pub struct Args {
    /// `text`: tokens/s of the text layer; `analyze`: articles/s of the full analysis.
    #[arg(value_parser = ["text", "analyze"])]
    what: String,
    /// Input files (JSONL, .gz, TREC, text).
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Use only the first N articles (the peers' default for the text layer is 200).
    #[arg(long)]
    max_docs: Option<usize>,
    /// Keep repeating the timed work for at least this long.
    #[arg(long, default_value_t = 2.0)]
    min_seconds: f64,
    /// Threads for `analyze` (1 = the one-core figure).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// `analyze` with the tagger's first stage alone (`rasd analyze --one-stage`).
    #[arg(long)]
    one_stage: bool,
}

fn load(inputs: &[String], max: Option<usize>) -> (Vec<Article>, u64) {
    let mut arts = Vec::new();
    let mut failed = 0;
    for i in inputs {
        read_path(i, &ReadOptions::default(), &mut |r| match r {
            Ok(a) if max.is_none_or(|m| arts.len() < m) => arts.push(a),
            Ok(_) => {}
            Err(_) => failed += 1,
        });
    }
    (arts, failed)
}

/// The peers' token count: maximal runs of word characters, Arabic marks and tatweel.
fn peer_tokens(text: &str) -> usize {
    let word = |c: char| {
        c.is_alphanumeric() || c == '_' || rasd_text::normalize::is_ignorable(c) && c != '\u{200B}'
    };
    let mut n = 0;
    let mut inside = false;
    for c in text.chars() {
        let w = word(c);
        if w && !inside {
            n += 1;
        }
        inside = w;
    }
    n
}

fn timed(min: f64, mut f: impl FnMut()) -> (u64, f64) {
    f();
    let t = Instant::now();
    let mut reps = 0;
    loop {
        f();
        reps += 1;
        let s = t.elapsed().as_secs_f64();
        if s >= min {
            return (reps, s);
        }
    }
}

pub fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(args: Args, res: Resources) -> Result<ExitCode> {
    let pipe = Pipeline::new(
        res,
        Options {
            second_stage: !args.one_stage,
            ..Options::default()
        },
    );
    let max = args
        .max_docs
        .or(if args.what == "text" { Some(200) } else { None });
    let (arts, failed) = load(&args.inputs, max);
    if arts.is_empty() {
        bail!("no articles read from {:?}", args.inputs);
    }
    outln!(
        "inputs={:?} articles={} unreadable={} threads={}",
        args.inputs,
        arts.len(),
        failed,
        args.threads
    );
    if args.what == "text" {
        let text: String = arts
            .iter()
            .filter_map(|a| match &a.body {
                Body::Text(t) => Some(t.as_str()),
                Body::Html(_) => None,
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        let n = peer_tokens(&text);
        outln!("input tokens (peer count) = {n}, {} bytes", text.len());
        let mut toks = Vec::new();
        let (reps, s) = timed(args.min_seconds, || {
            toks.clear();
            rasd_text::tokenize::tokenize_into(&text, &mut toks);
        });
        outln!(
            "rasd tokenize only           per-text {:>12.0} tokens/s  ({reps} reps, {s:.2} s)",
            n as f64 * reps as f64 / s
        );
        let an = pipe.text_analyzer();
        let mut sink = 0usize;
        let (reps, s) = timed(args.min_seconds, || {
            an.for_each_stem(&text, |_, stem| sink += stem.len());
        });
        outln!(
            "rasd normalise+segment+stem  per-text {:>12.0} tokens/s  ({reps} reps, {s:.2} s)",
            n as f64 * reps as f64 / s
        );
        let (reps, s) = timed(args.min_seconds, || {
            sink += an.analyze(&text).len();
        });
        outln!("rasd full token layer        per-text {:>12.0} tokens/s  ({reps} reps, {s:.2} s; owned strings per token)", n as f64 * reps as f64 / s);
        std::hint::black_box(sink);
    } else {
        let bytes: usize = arts
            .iter()
            .map(|a| match &a.body {
                Body::Text(t) | Body::Html(t) => t.len(),
            })
            .sum();
        let threads = args.threads.max(1);
        let t = Instant::now();
        let mut reps = 0u64;
        let mut records = 0usize;
        loop {
            for chunk in arts.chunks(1024) {
                let recs = crate::analyze::run_batch(&pipe, chunk, threads);
                // Serialised as `rasd analyze` writes a line.
                records += recs
                    .into_iter()
                    .flatten()
                    .map(|mut r| {
                        let mut line = Vec::new();
                        rasd_doc::json::write_record(&mut line, &mut r).map_or(0, |()| line.len())
                    })
                    .sum::<usize>()
                    .min(1);
            }
            reps += 1;
            if t.elapsed().as_secs_f64() >= args.min_seconds {
                break;
            }
        }
        let s = t.elapsed().as_secs_f64();
        std::hint::black_box(records);
        outln!(
            "rasd analyze (records serialised to JSON, not written)  {:.0} articles/s, {:.2} MB/s of text, on {threads} thread(s) ({reps} pass(es), {s:.2} s)",
            arts.len() as f64 * reps as f64 / s,
            bytes as f64 * reps as f64 / 1e6 / s
        );
    }
    if let Some(mb) = peak_rss_mb() {
        outln!("peak memory (VmHWM) = {mb:.0} MB");
    }
    Ok(ExitCode::SUCCESS)
}
