//! `rasd train rank`: learns the second-stage ranking model from judged queries on a corpus.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use rasd_resources::Resources;
use rasd_store::index::Bm25;
use rasd_store::rank::{self, DocForms, Example, Forms, RankModel};
use rasd_store::Corpus;

#[derive(clap::Args)]
pub struct TrainArgs {
    /// A corpus built by `rasd ingest` holding the judged documents.
    #[arg(long)]
    corpus: PathBuf,
    /// Queries, `qid<TAB>text` lines.
    #[arg(long)]
    queries: PathBuf,
    /// TREC qrels (`qid 0 docid grade`); grade > 0 is relevant.
    #[arg(long)]
    qrels: PathBuf,
    /// Where to write the model (models/rank.tsv is the one rasd ships).
    #[arg(long)]
    out: PathBuf,
    /// How many first-stage results the model reorders.
    #[arg(long, default_value_t = 50)]
    depth: usize,
    #[arg(long, default_value_t = 200)]
    epochs: usize,
    #[arg(long, default_value_t = 0.3)]
    rate: f32,
    #[arg(long, default_value_t = 0.001)]
    l2: f32,
    /// Folds for the cross-validated figure printed before the final model is trained on
    /// every query (0: no cross-validation).
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Seed of the fold assignment.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

fn read_qrels(path: &PathBuf) -> Result<HashMap<String, Vec<String>>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            continue;
        }
        let [qid, _, doc, grade] = cols[..] else {
            bail!("{}:{}: expected `qid 0 docid grade`", path.display(), n + 1);
        };
        let grade: i32 = grade
            .parse()
            .with_context(|| format!("{}:{}: grade {grade}", path.display(), n + 1))?;
        if grade > 0 {
            out.entry(qid.to_string())
                .or_default()
                .push(doc.to_string());
        }
    }
    Ok(out)
}

/// A fixed permutation from the seed (splitmix64), so folds are the same on every machine.
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

pub fn run_train(args: TrainArgs, res: Resources) -> Result<ExitCode> {
    let stop = crate::corpus::stop_words(&res);
    let an = rasd_text::Analyzer::new(res.segmenter());
    let index = crate::corpus::load_index(&args.corpus)?;
    let corpus = Corpus::open(&args.corpus)?;
    let qrels = read_qrels(&args.qrels)?;
    let text = std::fs::read_to_string(&args.queries)
        .with_context(|| format!("reading {}", args.queries.display()))?;
    let mut texts: HashMap<u32, (String, String)> = HashMap::new();
    let mut examples: Vec<Example> = Vec::new();
    let mut judged = 0usize;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (qid, q) = line.split_once('\t').with_context(|| {
            format!(
                "{}:{}: expected qid<TAB>query",
                args.queries.display(),
                n + 1
            )
        })?;
        let Some(relevant) = qrels.get(qid) else {
            continue;
        };
        judged += 1;
        let qterms = index.query_terms(&an, &stop, q);
        let hits = index.search(&qterms, Bm25::default(), args.depth, |_| true);
        let qf = Forms::new(&an, &stop, q);
        let top = hits.first().map(|h| h.1).unwrap_or(0.0);
        let mut ex = Example::new();
        for &(d, s) in &hits {
            let (title, body) = match texts.entry(d) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(corpus.get_text(index.docs[d as usize].at)?)
                }
            };
            let df = DocForms::new(&qf, &an, &stop, title, body);
            let x = rank::features(&index, &qf, &df, d, s, top);
            ex.push((x, relevant.contains(&index.docs[d as usize].id)));
        }
        examples.push(ex);
    }
    if examples.is_empty() {
        bail!(
            "no query of {} is judged in {}",
            args.queries.display(),
            args.qrels.display()
        );
    }
    let all: Vec<&Example> = examples.iter().collect();
    let bm25 = {
        let mut w = [0.0; rank::N_FEATURES];
        w[0] = 1.0;
        w
    };
    eprintln!(
        "rasd train rank: {judged} judged queries, {} documents read; BM25 alone MRR@10 {:.4}",
        texts.len(),
        rank::mrr_at_10(&all, &bm25)
    );
    if args.folds > 1 {
        let order = shuffled(examples.len(), args.seed);
        let mut total = 0.0;
        for f in 0..args.folds {
            let (test, train): (Vec<usize>, Vec<usize>) =
                order.iter().partition(|&&i| i % args.folds == f);
            let tr: Vec<&Example> = train.iter().map(|&i| &examples[i]).collect();
            let te: Vec<&Example> = test.iter().map(|&i| &examples[i]).collect();
            let w = rank::train(&tr, args.epochs, args.rate, args.l2);
            let m = rank::mrr_at_10(&te, &w);
            eprintln!("  fold {}: MRR@10 {m:.4} on {} queries", f + 1, te.len());
            total += m * te.len() as f64;
        }
        eprintln!(
            "  {}-fold cross-validated MRR@10 {:.4}",
            args.folds,
            total / examples.len() as f64
        );
    }
    let weights = rank::train(&all, args.epochs, args.rate, args.l2);
    let model = RankModel {
        depth: args.depth,
        weights,
    };
    eprintln!(
        "  trained on all {} queries: MRR@10 {:.4}",
        examples.len(),
        rank::mrr_at_10(&all, &weights)
    );
    let header = format!(
        "rasd second-stage ranking model: a linear score over the features of the first `depth`\n\
         BM25 results (see crates/store/src/rank.rs; format in models/README.md).\n\
         Trained by `rasd train rank` on {} judged queries ({}), epochs {}, rate {}, l2 {}.",
        examples.len(),
        args.queries
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        args.epochs,
        args.rate,
        args.l2
    );
    std::fs::write(&args.out, model.to_text(&header))
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("  wrote {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}
