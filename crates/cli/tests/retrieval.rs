//! Retrieval on the ARCD questions beside the checkout: a floor for MRR@10, so that a change
//! to the analysis, BM25 or the second-stage model that costs ranking quality is caught. The
//! shipped model was trained on these questions, so this guards against breakage; the honest
//! (cross-validated) figure is in docs/evaluation.md.

use std::collections::HashMap;
use std::path::Path;

mod common;
use common::{rasd_ok, scratch, shared};

fn mrr_at_10(run: &Path, qrels: &HashMap<String, String>) -> f64 {
    let mut ranked: HashMap<String, Vec<(f64, String)>> = HashMap::new();
    for l in std::fs::read_to_string(run).unwrap().lines() {
        let c: Vec<&str> = l.split(' ').collect();
        ranked
            .entry(c[0].to_string())
            .or_default()
            .push((c[4].parse().unwrap(), c[2].to_string()));
    }
    let mut sum = 0.0;
    for (q, rel) in qrels {
        let mut v = ranked.remove(q).unwrap_or_default();
        // trec_eval's order: score descending, then docid descending.
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
        if let Some(r) = v.iter().take(10).position(|(_, d)| d == rel) {
            sum += 1.0 / (r as f64 + 1.0);
        }
    }
    sum / qrels.len() as f64
}

#[test]
fn arcd_dev_mrr_floor() {
    let dir = &shared("data/ir/arcd");
    let base = scratch("arcd");
    let corpus = base.join("corpus");
    let c = corpus.to_str().unwrap();
    rasd_ok(&["ingest", &format!("{dir}/collection.tsv"), "--corpus", c]);
    let qrels: HashMap<String, String> = std::fs::read_to_string(format!("{dir}/qrels-dev.txt"))
        .unwrap()
        .lines()
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            (c[0].to_string(), c[2].to_string())
        })
        .collect();
    let queries = format!("{dir}/queries-dev.tsv");
    let mut figures = Vec::new();
    for extra in [None, Some("--bm25-only")] {
        let run = base.join("run.txt");
        let mut args = vec![
            "search",
            "--corpus",
            c,
            "--queries",
            &queries,
            "--limit",
            "100",
        ];
        let r = run.to_str().unwrap().to_string();
        args.extend(["--run", &r]);
        args.extend(extra);
        rasd_ok(&args);
        figures.push(mrr_at_10(&run, &qrels));
    }
    std::fs::remove_dir_all(&base).unwrap();
    let (reranked, bm25) = (figures[0], figures[1]);
    assert!(bm25 > 0.79, "BM25 alone: MRR@10 {bm25:.4}");
    assert!(reranked > 0.845, "with re-ranking: MRR@10 {reranked:.4}");
}
