//! `rasd`: Arabic news → structured, searchable, auditable records.

// Reports go to stdout through these rather than `println!`, which panics when the reader
// has gone (`rasd demo | head`): a failed write becomes an error that `main` recognises.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?
    }};
}
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

mod analyze;
mod bench;
mod corpus;
mod demo;
mod events;
mod ner;
mod rank;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use rasd_resources::Resources;

// The analysis makes and drops many small strings (a folded form for every token, the
// record's token layer); mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "rasd",
    version,
    about = "Arabic news to structured, searchable, auditable data"
)]
struct Cli {
    /// Extra resource folder(s) whose files extend the built-in knowledge (see resources/README.md).
    #[arg(long, global = true, value_name = "DIR")]
    resources: Vec<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Format {
    /// One pretty-printed JSON record per article.
    Json,
    /// One JSON record per line.
    Jsonl,
    /// A readable summary for a person.
    Text,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles: text, HTML, JSONL(.gz), TSV, TREC XML, WARC(.gz); files, folders (recursively) or - for stdin.
    Analyze(analyze::Args),
    /// Analyse the bundled sample articles and print a readable summary.
    Demo,
    /// Measure throughput of the text layer and of the full analysis on a file.
    Bench(bench::Args),
    /// List the resource files loaded and what they hold.
    Resources,
    /// Tag a CoNLL file: token, gold tag and rasd's tag per line.
    Ner(ner::Args),
    /// Score rasd against annotated data.
    #[command(subcommand)]
    Eval(Eval),
    /// Analyse inputs into an on-disk corpus: de-duplicated, crash-safe, indexed for search.
    Ingest(corpus::IngestArgs),
    /// Search a corpus (Arabic-aware BM25, top results re-ranked); batch mode writes TREC runs.
    Search(corpus::SearchArgs),
    /// What a corpus holds: per outlet and day, top entities, event types, actor pairs, duplicates.
    Stats(corpus::StatsArgs),
    /// Near-duplicate articles among the inputs (MinHash over word 5-grams).
    Dedup(corpus::DedupArgs),
    /// List the inputs an ingest could not read, with the reason.
    Quarantine(corpus::CorpusArgs),
    /// Events as GDELT 2.0 rows or PLOVER JSON lines.
    Export(events::ExportArgs),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(Train),
}

#[derive(Subcommand)]
enum Train {
    /// The named-entity tagger, from CoNLL files.
    Ner(ner::TrainArgs),
    /// The event detector, from gold-standard sentence CSVs.
    Events(events::TrainArgs),
    /// The search re-ranking model, from judged queries on an ingested corpus.
    Rank(rank::TrainArgs),
}

#[derive(Subcommand)]
enum Eval {
    /// Named entities on a CoNLL file: per-type and micro P/R/F1, exact spans.
    Ner(ner::Args),
    /// Event detection (P/R/F1) and actor coding accuracy on a gold standard.
    Events(events::EvalArgs),
}

pub fn load_resources(extra: &[PathBuf]) -> Result<Resources> {
    let mut res = Resources::builtin();
    for dir in extra {
        res.load_dir(dir)
            .with_context(|| format!("loading resources from {}", dir.display()))?;
    }
    Ok(res)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let run = || -> Result<ExitCode> {
        let res = load_resources(&cli.resources)?;
        match cli.command {
            Command::Analyze(args) => analyze::run(args, res),
            Command::Demo => demo::run(res),
            Command::Bench(args) => bench::run(args, res),
            Command::Ner(args) => ner::run_tag(args, res),
            Command::Eval(Eval::Ner(args)) => ner::run_eval(args, res),
            Command::Train(Train::Ner(args)) => ner::run_train(args, res),
            Command::Train(Train::Events(args)) => events::run_train(args, res),
            Command::Train(Train::Rank(args)) => rank::run_train(args, res),
            Command::Eval(Eval::Events(args)) => events::run_eval(args, res),
            Command::Export(args) => events::run_export(args, res),
            Command::Ingest(args) => corpus::run_ingest(args, res),
            Command::Search(args) => corpus::run_search(args, res),
            Command::Quarantine(args) => corpus::run_quarantine(args),
            Command::Dedup(args) => corpus::run_dedup(args),
            Command::Stats(args) => corpus::run_stats(args),
            Command::Resources => {
                outln!("{} resource files:", res.sources.len());
                for s in &res.sources {
                    outln!("  {s}");
                }
                outln!(
                    "{} gazetteer entries, {} nationalities, {} titles, {} speech-verb forms, {} boilerplate rules, {} month names",
                    res.entities.len(),
                    res.nationalities.len(),
                    res.titles.len(),
                    res.speech_verbs.len(),
                    res.boilerplate.len(),
                    res.months.len()
                );
                Ok(ExitCode::SUCCESS)
            }
        }
    };
    match run() {
        Ok(code) => code,
        // The reader took what it wanted and left (`rasd analyze … | head`): that is the
        // reader's choice, not a failure to report.
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rasd: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
