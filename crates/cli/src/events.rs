//! `rasd eval events` (detection and actor coding scored on a gold standard) and
//! `rasd export` (events as GDELT 2.0 rows or PLOVER JSON lines).

use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use rasd_doc::{Actor, Event, Record};
use rasd_pipeline::{Options, Pipeline};
use rasd_read::{read_path, ReadOptions};
use rasd_resources::Resources;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Gold sentences: CSV with columns id, event_type, label, …, text (labels `yes`, `easy no`,
    /// `difficult no`, `ambiguous`; ambiguous rows are skipped).
    #[arg(long)]
    gold: String,
    /// Annotated spans (JSON list with `text` and `spans`, each with `source_role` and
    /// `target_role` {main, role}) for scoring actor codes.
    #[arg(long)]
    spans: Option<String>,
    /// Print every miss and false alarm.
    #[arg(long)]
    errors: bool,
    /// Dictionaries and rules alone, without the event detector.
    #[arg(long)]
    rules_only: bool,
    /// K-fold cross-validation of the detector on this file: train on K-1 folds, score on the
    /// held-out one (sentences of one article stay in one fold). The honest figure on data the
    /// built-in detector was trained on.
    #[arg(long, value_name = "K")]
    cross_validate: Option<usize>,
    /// With --cross-validate and --spans: the span file's sentences that the gold file leaves
    /// unlabelled join the training folds as positives (as `rasd train events --spans` does).
    #[arg(long, requires_all = ["spans", "cross_validate"])]
    train_on_spans: bool,
    /// With --cross-validate: the seed of the fold detectors' shuffling (as `rasd train
    /// events --seed`), to see how much of a figure is the order of training.
    #[arg(long, default_value_t = 2026, requires = "cross_validate")]
    seed: u64,
    /// With --cross-validate: which way the articles are dealt into folds (0, the default, is
    /// the partition every published figure used; 1, 2 … draw others), to see how much of a
    /// figure is the luck of one partition.
    #[arg(long, default_value_t = 0, requires = "cross_validate")]
    partition: u32,
    /// With --cross-validate: unlabelled news (any input format) for the fold detectors'
    /// self-training, as `rasd train events --unlabeled` (never scored).
    #[arg(long, num_args = 1.., requires = "cross_validate")]
    unlabeled: Vec<String>,
    /// With --unlabeled: rounds of self-training of each fold detector.
    #[arg(long, default_value_t = 0, requires = "unlabeled")]
    self_train: usize,
}

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Gold CSV files (as for `rasd eval events`); each gives examples for its event type.
    #[arg(long, required = true, num_args = 1..)]
    gold: Vec<String>,
    /// Span files, one for each gold file in the same order (`-` for none): their sentences
    /// that the gold file leaves unlabelled (absent or `ambiguous`) are further examples of
    /// the event.
    #[arg(long, num_args = 1..)]
    spans: Vec<String>,
    /// Unlabelled news (any input format): the sentences in which the dictionaries find a
    /// candidate and the detector is sure of its verdict become further examples.
    #[arg(long, num_args = 1..)]
    unlabeled: Vec<String>,
    /// Rounds of self-training: the detector retrained with the news sentences it is sure of,
    /// as judged by the detector of the round before.
    #[arg(long, default_value_t = 0, requires = "unlabeled")]
    self_train: usize,
    #[command(flatten)]
    model: crate::ner::ModelArgs,
}

/// One labelled sentence of a gold file.
struct Row {
    id: String,
    kind: String,
    gold: bool,
    /// A no the annotators split on (`difficult no`): some of them read the event there.
    split: bool,
    text: String,
}

/// The labelled rows of a gold file, and the id of each sentence it leaves unlabelled.
fn read_gold(path: &str) -> Result<(Vec<Row>, HashMap<String, String>)> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let rows = csv_rows(&text);
    let header = rows.first().with_context(|| format!("{path}: empty"))?;
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("{path}: no «{name}» column"))
    };
    let (c_type, c_label, c_text, c_id) =
        (col("event_type")?, col("label")?, col("text")?, col("id")?);
    let mut out = Vec::new();
    let mut skipped = HashMap::new();
    for r in &rows[1..] {
        if r.len() <= c_text.max(c_label).max(c_id).max(c_type) {
            continue;
        }
        let gold = match r[c_label].as_str() {
            "yes" => true,
            "easy no" | "difficult no" => false,
            _ => {
                skipped.insert(r[c_text].clone(), r[c_id].clone());
                continue;
            }
        };
        out.push(Row {
            id: r[c_id].clone(),
            kind: r[c_type].clone(),
            gold,
            split: r[c_label] == "difficult no",
            text: r[c_text].clone(),
        });
    }
    Ok((out, skipped))
}

/// The items of a span file (a JSON list of sentences with `text` and `spans`).
fn read_spans(path: &str) -> Result<Vec<serde_json::Value>> {
    let data: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?,
    )
    .with_context(|| format!("{path}: not JSON"))?;
    match data {
        serde_json::Value::Array(items) => Ok(items),
        _ => bail!("{path}: expected a JSON list"),
    }
}

/// The sentences of a span file (its `items`) that the gold file of the same event
/// type does not label: annotated with the event's actors, they are positives the detector
/// can learn from. Each keeps its gold-file id when it has one (so it shares its article's
/// fold), else one of its own.
fn span_positives(
    items: &[serde_json::Value],
    kind: &str,
    labelled: &[Row],
    unlabelled: &HashMap<String, String>,
) -> Vec<Row> {
    let known: std::collections::HashSet<&str> = labelled.iter().map(|r| r.text.as_str()).collect();
    let mut out = Vec::new();
    for (n, it) in items.iter().enumerate() {
        let has_spans = it
            .get("spans")
            .and_then(|s| s.as_array())
            .is_some_and(|s| !s.is_empty());
        let Some(text) = it.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        if !has_spans || known.contains(text) {
            continue;
        }
        out.push(Row {
            // An id of its own: no «-» (which would join every such sentence into one
            // «article» and one fold, see `fold_of`) and not the path, so that the folds do
            // not depend on how the file was named on the command line.
            id: unlabelled
                .get(text)
                .cloned()
                .unwrap_or_else(|| format!("span sentence {n}")),
            kind: kind.to_string(),
            gold: true,
            split: false,
            text: text.to_string(),
        });
    }
    out
}

/// The fold of a sentence: all sentences of one article (the id before its last «-») share it.
/// Partition 0 hashes the article id alone; another partition hashes its number first.
fn fold_of(id: &str, k: usize, partition: u32) -> usize {
    let article = id.rsplit_once('-').map(|(a, _)| a).unwrap_or(id);
    let salt = if partition == 0 {
        String::new()
    } else {
        partition.to_string()
    };
    let mut h: u64 = 0xcbf29ce484222325;
    for b in salt.bytes().chain(article.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    (h % k as u64) as usize
}

/// How much a no counts when the annotators split on it (`difficult no`: one or two of three
/// or four read the event there, sometimes most of them). Such sentences usually report the
/// attack in the same words as the yeses; trained as full noes they teach the detector to
/// doubt plain reports. Weights 1 / 0.7 / 0.5 / 0.3 / 0: cross-validated ASSAULT F1 (mean of
/// five seeds) 0.655 / 0.651 / 0.661 / 0.665 / 0.633, source accuracy 0.479 / 0.489 / 0.503 /
/// 0.529 / 0.554; PROTEST F1 0.481 / 0.474 / 0.478 / 0.472 / 0.459.
const SPLIT_NO_WEIGHT: f32 = 0.3;

/// Self-training on unlabelled news: a news sentence in which the dictionaries find a
/// candidate joins the training as a positive when the detector trained on the gold scores
/// it above this margin (a logit: a probability of 0.73), as a negative below its opposite;
/// the sentences in between teach nothing. Margins of 0.5 / 1 / 1.5 / 2 were measured
/// (docs/evaluation.md).
const SELF_TRAIN_MARGIN: f32 = 1.0;
/// What the news sentences of one verdict count in all, as a share of what the gold
/// sentences of that verdict count: the confident noes outnumber the yeses in the news as in
/// the gold, and must not drown them. One news sentence never counts more than a plain gold
/// no.
const SELF_TRAIN_SHARE: f32 = 3.0;

/// A training example: features, verdict, weight.
type Example = (Vec<u64>, bool, f32);

/// The detector for `rows`, then `rounds` times retrained with the `news` sentences it is
/// sure of (each with its event type, as [`news_candidates`] gives them).
fn train_detector(
    x: &rasd_extract::Extractor,
    rows: &[&Row],
    epochs: usize,
    seed: u64,
    news: &[(String, Vec<u64>)],
    rounds: usize,
) -> rasd_extract::detector::Detector {
    // Positives are rare (one sentence in eight to twenty): a positive counts (negatives /
    // positives)^0.9 times — nearly full balance, where the cross-validated F1 of both types
    // is highest for the logistic detector (exponent 0.9 / 1.0 at a step of 0.02: ASSAULT
    // 0.693 / 0.690, PROTEST 0.494 / 0.482; 0.8 with a pull of 0.001: 0.694 / 0.491; the
    // perceptron before it wanted 0.75).
    let pos = rows.iter().filter(|r| r.gold).count().max(1) as f32;
    let neg = (rows.len() as f32 - pos).max(1.0);
    let weight = (neg / pos).powf(0.9);
    let gold: Vec<(&str, Example)> = rows
        .iter()
        .map(|r| {
            let w = match (r.gold, r.split) {
                (true, _) => weight,
                (false, true) => SPLIT_NO_WEIGHT,
                (false, false) => 1.0,
            };
            let feats = x.detector_features(&r.text, &r.kind).0;
            (r.kind.as_str(), (feats, r.gold, w))
        })
        .collect();
    let mut kinds: Vec<String> = rows.iter().map(|r| r.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let clusters = x
        .words()
        .map_or(0, rasd_extract::tagger::clusters_fingerprint);
    let fit = |examples: &[&Example]| {
        let mut t = rasd_extract::detector::DetectorTrainer::default();
        let mut rng = rasd_extract::tagger::Rng::new(seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                let (feats, gold, w) = examples[i];
                t.learn(feats, *gold, *w);
            }
        }
        t.finish(kinds.clone(), clusters)
    };
    let mut det = fit(&gold.iter().map(|(_, e)| e).collect::<Vec<_>>());
    for round in 1..=rounds {
        let pseudo = pseudo_labels(&det, &gold, news);
        eprintln!(
            "self-training round {round}: {} news sentences as positives, {} as negatives",
            pseudo.iter().filter(|e| e.1).count(),
            pseudo.iter().filter(|e| !e.1).count()
        );
        det = fit(&gold
            .iter()
            .map(|(_, e)| e)
            .chain(&pseudo)
            .collect::<Vec<_>>());
    }
    det
}

/// The news sentences `det` is sure of, weighted by [`SELF_TRAIN_SHARE`] against the gold
/// examples of the same event type and verdict.
fn pseudo_labels(
    det: &rasd_extract::detector::Detector,
    gold: &[(&str, Example)],
    news: &[(String, Vec<u64>)],
) -> Vec<Example> {
    let mut sure: Vec<(&str, &Vec<u64>, bool)> = Vec::new();
    for (kind, feats) in news {
        let s = det.score(feats);
        if s.abs() > SELF_TRAIN_MARGIN {
            sure.push((kind, feats, s > 0.0));
        }
    }
    // What the gold examples of each type and verdict weigh in all, and how many news
    // sentences share that weight.
    let mut total: HashMap<(&str, bool), (f32, usize)> = HashMap::new();
    for (kind, (_, g, w)) in gold {
        total.entry((kind, *g)).or_default().0 += w;
    }
    for (kind, _, g) in &sure {
        total.entry((kind, *g)).or_default().1 += 1;
    }
    sure.into_iter()
        .map(|(kind, feats, g)| {
            let (w, n) = total[&(kind, g)];
            (feats.clone(), g, (SELF_TRAIN_SHARE * w / n as f32).min(1.0))
        })
        .collect()
}

/// The sentences of the unlabelled news in which the dictionaries find a candidate of one of
/// `kinds`: the event type and the detector's features of each.
fn news_candidates(
    x: &rasd_extract::Extractor,
    files: &[String],
    kinds: &[&str],
) -> Result<Vec<(String, Vec<u64>)>> {
    let mut out = Vec::new();
    let (mut articles, mut unreadable) = (0usize, 0usize);
    for file in files {
        if file != "-" && !std::path::Path::new(file).exists() {
            bail!("{file}: no such file");
        }
        read_path(file, &ReadOptions::default(), &mut |a| {
            let text = match a {
                Ok(rasd_read::Article {
                    body: rasd_read::Body::Text(text),
                    ..
                }) => text,
                // Pages are left to `rasd analyze`: the news the models learn from is text.
                Ok(a) => {
                    eprintln!("rasd: warning: {}: an HTML page, left out", a.origin());
                    unreadable += 1;
                    return;
                }
                Err(e) => {
                    eprintln!("rasd: warning: {e}; left out");
                    unreadable += 1;
                    return;
                }
            };
            articles += 1;
            let tokens = rasd_text::tokenize(&text);
            for (s, e) in rasd_text::split_sentences(&text, &tokens) {
                for kind in kinds {
                    let (feats, candidate) = x.detector_features(&text[s..e], kind);
                    if candidate {
                        out.push((kind.to_string(), feats));
                    }
                }
            }
        });
    }
    eprintln!(
        "unlabelled news: {articles} articles ({unreadable} unreadable or not text, left out), {} candidate sentences",
        out.len()
    );
    Ok(out)
}

pub fn run_train(args: TrainArgs, res: Resources) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    // The extractor alone: training must not need the built-in detector it is about to
    // replace. It reads the built-in entity tagger's word clusters, as the detector will.
    let mut extractor = rasd_extract::Extractor::new(res);
    extractor.words = Some(rasd_pipeline::default_words());
    if !args.spans.is_empty() && args.spans.len() != args.gold.len() {
        bail!(
            "--spans needs one file for each --gold file, in the same order ({} gold, {} spans)",
            args.gold.len(),
            args.spans.len()
        );
    }
    let mut rows = Vec::new();
    for (i, g) in args.gold.iter().enumerate() {
        let (r, unlabelled) = read_gold(g)?;
        eprintln!("{g}: {} labelled sentences", r.len());
        if let (Some(sp), Some(first)) = (args.spans.get(i).filter(|s| *s != "-"), r.first()) {
            let extra = span_positives(&read_spans(sp)?, &first.kind, &r, &unlabelled);
            eprintln!(
                "{sp}: {} more positives the gold file leaves unlabelled",
                extra.len()
            );
            rows.extend(extra);
        }
        rows.extend(r);
    }
    let refs: Vec<&Row> = rows.iter().collect();
    let mut kinds: Vec<&str> = rows.iter().map(|r| r.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let news = match args.self_train {
        0 => Vec::new(),
        _ => news_candidates(&extractor, &args.unlabeled, &kinds)?,
    };
    let det = train_detector(
        &extractor,
        &refs,
        args.model.epochs,
        args.model.seed,
        &news,
        args.self_train,
    );
    let file = std::fs::File::create(&args.model.out)
        .with_context(|| format!("creating {}", args.model.out.display()))?;
    det.save(std::io::BufWriter::new(file))
        .with_context(|| format!("writing {}", args.model.out.display()))?;
    eprintln!(
        "wrote {} (event types {:?}) in {:.1} s",
        args.model.out.display(),
        det.kinds,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Minimal CSV reading: quoted fields with doubled quotes, commas and newlines inside quotes.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn events_of(pipe: &Pipeline, text: &str) -> Vec<Event> {
    pipe.extract_clean(text).events
}

/// A sentence reports an event of `kind` when rasd codes one that happened: not negated, an
/// act rather than an intent, and — when the detector has a verdict — reported.
fn detected<'a>(events: &'a [Event], kind: &str) -> Option<&'a Event> {
    events
        .iter()
        .find(|e| !e.negated && e.modality == "act" && e.reported != Some(false) && is_of(e, kind))
}

fn is_of(e: &Event, kind: &str) -> bool {
    e.plover.as_ref().is_some_and(|p| p.kind == kind)
}

/// One annotation's codes for one side (`source_role` or `target_role`).
fn side_code(annotation: &serde_json::Value, side: &str) -> (Option<String>, Option<String>) {
    annotation.get(side).map(gold_code).unwrap_or((None, None))
}

/// Gold actor codes: `main` (a country, IGO, or "None") and `role` (a sector, or "None").
fn gold_code(v: &serde_json::Value) -> (Option<String>, Option<String>) {
    let get = |k: &str| {
        v.get(k)
            .and_then(|x| x.as_str())
            .filter(|s| *s != "None" && !s.is_empty())
            .map(str::to_string)
    };
    (get("main"), get("role"))
}

/// The code most of a sentence's annotations give one side; a tie goes to the earliest
/// annotation among the tied codes, so that a single annotation is its own majority.
fn majority_code(spans: &[serde_json::Value], side: &str) -> (Option<String>, Option<String>) {
    let codes: Vec<_> = spans.iter().map(|sp| side_code(sp, side)).collect();
    let count = |c: &(Option<String>, Option<String>)| codes.iter().filter(|x| *x == c).count();
    let best = codes.iter().map(count).max().unwrap_or(0);
    codes
        .iter()
        .find(|c| count(c) == best)
        .cloned()
        .unwrap_or((None, None))
}

type Code = (Option<String>, Option<String>);

/// Prints each side of `e` whose codes differ from the gold ones.
fn side_errors(e: &Event, gold_src: &Code, gold_tgt: &Code, how: &str, text: &str) -> Result<()> {
    for (side, found, gold) in [
        ("source", ours(e.source.as_ref()), gold_src),
        ("target", ours(e.target.as_ref()), gold_tgt),
    ] {
        if found != *gold {
            outln!(
                "{how}{side} {found:?}, gold {gold:?} [{}]: {text}",
                e.trigger.text
            );
        }
    }
    Ok(())
}

fn ours(a: Option<&Actor>) -> (Option<String>, Option<String>) {
    a.map(|a| (a.country.clone(), a.sector.clone()))
        .unwrap_or((None, None))
}

pub fn run_eval(args: EvalArgs, res: Resources) -> Result<ExitCode> {
    let mut pipe = Pipeline::new(
        res,
        Options {
            tokens: false,
            ..Options::default()
        },
    );
    if args.rules_only {
        pipe.set_detector(None);
    }
    let (rows, unlabelled) = read_gold(&args.gold)?;
    let skipped = unlabelled.len();
    let kind = rows.first().map(|r| r.kind.clone()).unwrap_or_default();
    let spans = match &args.spans {
        Some(sp) => Some((sp.as_str(), read_spans(sp)?)),
        None => None,
    };
    // With --train-on-spans, the sentences the gold file leaves unlabelled join the training
    // folds (never the scored ones: they have no detection label).
    let extra = match &spans {
        Some((_, items)) if args.train_on_spans => span_positives(items, &kind, &rows, &unlabelled),
        _ => Vec::new(),
    };
    let news = match args.self_train {
        0 => Vec::new(),
        _ => news_candidates(pipe.extractor(), &args.unlabeled, &[kind.as_str()])?,
    };
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let folds = args.cross_validate.unwrap_or(1).max(1);
    // Each fold's detector, kept so that the span sentences are scored by the one that did
    // not see them.
    let mut dets = Vec::new();
    for fold in 0..folds {
        if args.cross_validate.is_some() {
            let train: Vec<&Row> = rows
                .iter()
                .chain(&extra)
                .filter(|r| fold_of(&r.id, folds, args.partition) != fold)
                .collect();
            let det = train_detector(
                pipe.extractor(),
                &train,
                10,
                args.seed,
                &news,
                args.self_train,
            );
            dets.push(det.clone());
            pipe.set_detector(Some(det));
        }
        for r in rows
            .iter()
            .filter(|r| folds == 1 || fold_of(&r.id, folds, args.partition) == fold)
        {
            let evs = events_of(&pipe, &r.text);
            let hit = detected(&evs, &kind);
            match (r.gold, hit.is_some()) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    if args.errors {
                        outln!(
                            "false alarm {} [{}]: {}",
                            r.id,
                            hit.map(|e| e.trigger.text.as_str()).unwrap_or(""),
                            r.text
                        );
                    }
                }
                (true, false) => {
                    fn_ += 1;
                    if args.errors {
                        outln!("miss {}: {}", r.id, r.text);
                    }
                }
                _ => {}
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let rc = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + rc > 0.0 {
        2.0 * p * rc / (p + rc)
    } else {
        0.0
    };
    let how = match (args.rules_only, args.cross_validate) {
        (true, _) => "dictionaries and rules alone".to_string(),
        (false, Some(k)) => format!("{k}-fold cross-validated detector"),
        (false, None) => "built-in detector".to_string(),
    };
    outln!(
        "{}: {kind} detection ({how}): {} positives, {} negatives, {skipped} ambiguous skipped",
        args.gold,
        tp + fn_,
        rows.len() - tp - fn_
    );
    outln!("precision {p:.3}  recall {rc:.3}  F1 {f:.3}  (tp {tp}, fp {fp}, fn {fn_})");

    if let Some((spans, items)) = &spans {
        let (mut n, mut src_ok, mut tgt_ok, mut found) = (0usize, 0usize, 0usize, 0usize);
        let (mut src_any, mut tgt_any) = (0usize, 0usize);
        let (mut src_major, mut tgt_major) = (0usize, 0usize);
        let (mut coded_n, mut src_coded, mut tgt_coded) = (0usize, 0usize, 0usize);
        let id_of: HashMap<&str, &str> = rows
            .iter()
            .chain(&extra)
            .map(|r| (r.text.as_str(), r.id.as_str()))
            .collect();
        for it in items {
            let spans: &[serde_json::Value] = it
                .get("spans")
                .and_then(|s| s.as_array())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let (Some(text), Some(first)) =
                (it.get("text").and_then(|t| t.as_str()), spans.first())
            else {
                continue;
            };
            let gold_src = side_code(first, "source_role");
            let gold_tgt = side_code(first, "target_role");
            n += 1;
            if !dets.is_empty() {
                // A sentence of the gold file goes to the detector of the fold that held it
                // out; one the file does not label was seen by none of them.
                let fold = id_of
                    .get(text)
                    .map(|id| fold_of(id, folds, args.partition))
                    .unwrap_or(0);
                pipe.set_detector(dets.get(fold).cloned());
            }
            let evs = events_of(&pipe, text);
            // The actors are also scored on the event of this type the record holds whatever
            // the detector said of it (the record keeps it, with `reported: false`), so that
            // actor coding is measured apart from detection.
            let hit = detected(&evs, &kind);
            let coded = hit.or_else(|| evs.iter().find(|e| is_of(e, &kind)));
            if let Some(e) = coded {
                coded_n += 1;
                src_coded += usize::from(ours(e.source.as_ref()) == gold_src);
                tgt_coded += usize::from(ours(e.target.as_ref()) == gold_tgt);
            }
            let Some(e) = hit else {
                if args.errors {
                    outln!("no event: {text}");
                    // The actors of the event the detector turned down still tell how the
                    // sides were coded.
                    if let Some(e) = coded {
                        side_errors(e, &gold_src, &gold_tgt, "unreported ", text)?;
                    }
                }
                continue;
            };
            found += 1;
            // The file holds several annotations of most sentences (they agree with the first
            // on 59–86% of codes): the first is the reference, and agreement with any of them
            // is reported beside it.
            let any = |side: &str, a: Option<&Actor>| {
                spans.iter().any(|sp| side_code(sp, side) == ours(a))
            };
            src_any += usize::from(any("source_role", e.source.as_ref()));
            src_major +=
                usize::from(majority_code(spans, "source_role") == ours(e.source.as_ref()));
            tgt_major +=
                usize::from(majority_code(spans, "target_role") == ours(e.target.as_ref()));
            tgt_any += usize::from(any("target_role", e.target.as_ref()));
            src_ok += usize::from(ours(e.source.as_ref()) == gold_src);
            tgt_ok += usize::from(ours(e.target.as_ref()) == gold_tgt);
            if args.errors {
                side_errors(e, &gold_src, &gold_tgt, "", text)?;
            }
        }
        let pct = |x: usize| x as f64 / n.max(1) as f64;
        outln!("{spans}: {n} annotated sentences, event found in {found}");
        outln!(
            "source country+sector accuracy {:.3}, target {:.3}, both sides {:.3} (a sentence with no event found counts as wrong)",
            pct(src_ok),
            pct(tgt_ok),
            (pct(src_ok) + pct(tgt_ok)) / 2.0
        );
        outln!(
            "agreeing with the annotators' majority: source {:.3}, target {:.3}",
            pct(src_major),
            pct(tgt_major)
        );
        outln!(
            "agreeing with any of the sentence's annotations: source {:.3}, target {:.3}",
            pct(src_any),
            pct(tgt_any)
        );
        outln!(
            "actors of the event coded in each sentence, whatever the detector's verdict ({coded_n} of {n} coded): source {:.3}, target {:.3}",
            pct(src_coded),
            pct(tgt_coded)
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// Inputs, as for `rasd analyze`.
    #[arg(required = true)]
    paths: Vec<String>,
    /// `gdelt`: GDELT 2.0 event table rows (61 tab-separated columns); `plover`: PLOVER JSON lines.
    #[arg(long, value_parser = ["gdelt", "plover"])]
    format: String,
    /// Also write negated events («لم تهاجم»). Neither format has a field to say that an event
    /// did not happen, so by default they are left out (the JSON record keeps them).
    #[arg(long)]
    all: bool,
}

/// The GDELT 2.0 event columns, in order.
#[cfg(test)]
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// A stable numeric event id: FNV-1a of the article id and the event's position.
fn event_id(article: &str, n: usize) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in article.bytes().chain(n.to_le_bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h >> 1
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The 61 GDELT columns of one event; empty where rasd has nothing to say.
pub fn gdelt_row(rec: &Record, n: usize, e: &Event) -> Vec<String> {
    let mut c = vec![String::new(); 61];
    let date = e.date.as_deref().or(rec.date.as_deref()).unwrap_or("");
    let digits: String = date
        .chars()
        .filter(|c| c.is_ascii_digit())
        .take(8)
        .collect();
    c[0] = event_id(&rec.id, n).to_string();
    if digits.len() == 8 {
        c[1] = digits.clone();
        c[2] = digits[..6].to_string();
        c[3] = digits[..4].to_string();
        if let (Ok(y), Ok(m), Ok(d)) = (
            digits[..4].parse::<f64>(),
            digits[4..6].parse::<f64>(),
            digits[6..8].parse::<f64>(),
        ) {
            c[4] = format!("{:.4}", y + ((m - 1.0) * 30.4 + d) / 365.0);
        }
    }
    let mut actor = |base: usize, a: &Option<Actor>| {
        if let Some(a) = a {
            let code = a.code.clone().unwrap_or_default();
            let sector = a.sector.clone().unwrap_or_default();
            c[base + 1] = clean(&a.text);
            match a.country.as_deref() {
                // An international actor's kind stands where a country would in the code;
                // GDELT leaves its country empty and gives the kind as its type, the
                // body's own code («UNO» of «IGOUNO») as its known group.
                Some(kind) if rasd_doc::INTERNATIONAL.contains(&kind) => {
                    c[base + 3] = code.get(kind.len() + sector.len()..).unwrap_or("").into();
                    c[base + 7] = kind.to_string();
                    c[base + 8] = sector;
                }
                country => {
                    c[base + 2] = country.unwrap_or("").to_string();
                    c[base + 7] = sector;
                }
            }
            c[base] = code;
        }
    };
    actor(5, &e.source);
    actor(15, &e.target);
    c[25] = "1".into();
    c[26] = e.cameo.code.clone();
    c[27] = e.cameo.code.chars().take(3).collect();
    c[28] = e.cameo.root.clone();
    c[29] = e.cameo.quad_class.to_string();
    c[30] = format!("{:.1}", e.cameo.goldstein);
    c[31] = "1".into();
    c[32] = "1".into();
    c[33] = "1".into();
    if let Some(loc) = e.location.as_deref().and_then(|id| rec.entity(id)) {
        c[52] = clean(&loc.canonical);
    }
    c[59] = digits;
    c[60] = rec.url.clone().unwrap_or_default();
    c
}

pub fn plover_json(rec: &Record, n: usize, e: &Event) -> serde_json::Value {
    let actor = |a: &Option<Actor>| {
        a.as_ref().map(|a| serde_json::json!({"text": a.text, "code": a.code, "country": a.country, "sector": a.sector, "entity": a.entity}))
    };
    serde_json::json!({
        "id": format!("{}-{}", rec.id, n + 1),
        "date": e.date.clone().or(rec.date.clone()),
        "actor": actor(&e.source),
        "recipient": actor(&e.target),
        "event": e.plover.as_ref().map(|p| p.kind.clone()),
        "mode": e.plover.as_ref().and_then(|p| p.mode.clone()),
        "context": [],
        "event_loc": e.location.as_deref().and_then(|id| rec.entity(id)).map(|l| serde_json::json!({"name": l.canonical, "country": l.country})),
        "text_info": {"trigger": e.trigger.text, "sentence": rec.text.chars().skip(e.sentence.start).take(e.sentence.end - e.sentence.start).collect::<String>(), "negated": e.negated, "modality": e.modality, "reported": e.reported, "cameo": e.cameo.code},
        "cite_info": {"article": rec.id, "url": rec.url, "outlet": rec.outlet},
    })
}

pub fn run_export(args: ExportArgs, res: Resources) -> Result<ExitCode> {
    let pipe = Pipeline::new(
        res,
        Options {
            tokens: false,
            ..Options::default()
        },
    );
    let (files, _) = crate::analyze::expand(&args.paths);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let mut failed = 0u64;
    let mut rows = 0u64;
    let mut negated = 0u64;
    let mut write_err = None;
    for f in &files {
        read_path(f, &ReadOptions::default(), &mut |r| match r {
            Ok(a) => {
                let rec = pipe.analyze(&a);
                // The event's place in its record stays its id, whatever is left out.
                for (n, e) in rec.events.iter().enumerate() {
                    if e.negated && !args.all {
                        negated += 1;
                        continue;
                    }
                    let res = if args.format == "gdelt" {
                        writeln!(out, "{}", gdelt_row(&rec, n, e).join("\t"))
                    } else {
                        writeln!(out, "{}", plover_json(&rec, n, e))
                    };
                    if let Err(e) = res {
                        write_err.get_or_insert(e);
                    }
                    rows += 1;
                }
            }
            Err(e) if e.is_note() => eprintln!("rasd: note: {e}"),
            Err(e) => {
                eprintln!("rasd: error: {e}");
                failed += 1;
            }
        });
        if let Some(e) = write_err.take() {
            return Err(anyhow::Error::from(e).context("writing events"));
        }
    }
    out.flush()?;
    let left_out = if negated > 0 {
        format!(", {negated} negated event(s) left out (--all writes them)")
    } else {
        String::new()
    };
    eprintln!("rasd: {rows} event(s) written{left_out}; {failed} input error(s)");
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdelt_header_has_61_names() {
        assert_eq!(GDELT_COLUMNS.len(), 61);
        assert_eq!(GDELT_COLUMNS[26], "EventCode");
        assert_eq!(GDELT_COLUMNS[60], "SOURCEURL");
    }

    #[test]
    fn csv_quotes_and_newlines() {
        let rows = csv_rows("a,b,text\n1,\"x, y\",\"he said \"\"no\"\"\nthen\"\n");
        assert_eq!(rows[1], vec!["1", "x, y", "he said \"no\"\nthen"]);
    }

    #[test]
    fn news_the_detector_is_sure_of_weighs_a_share_of_the_gold() {
        let mut t = rasd_extract::detector::DetectorTrainer::default();
        for _ in 0..3000 {
            t.learn(&[1], true, 1.0);
            t.learn(&[2], false, 1.0);
        }
        let det = t.finish(vec!["ASSAULT".into()], 0);
        assert!(det.score(&[1]) > SELF_TRAIN_MARGIN && det.score(&[2]) < -SELF_TRAIN_MARGIN);
        let gold: Vec<(&str, Example)> = vec![
            ("ASSAULT", (vec![1], true, 0.1)),
            ("ASSAULT", (vec![2], false, 1.0)),
            ("ASSAULT", (vec![2], false, 1.0)),
            // Another type's examples weigh nothing in this one's share.
            ("PROTEST", (vec![9], true, 50.0)),
        ];
        let mut news = vec![
            ("ASSAULT".to_string(), vec![1]),
            ("ASSAULT".to_string(), vec![3]),
        ];
        news.extend((0..10).map(|_| ("ASSAULT".to_string(), vec![2])));
        let pseudo = pseudo_labels(&det, &gold, &news);
        // The unsure sentence (no feature the detector knows) teaches nothing; the sure ones
        // share three times their verdict's gold weight, none above one plain no.
        assert_eq!(pseudo.len(), 11);
        assert_eq!(pseudo[0], (vec![1], true, SELF_TRAIN_SHARE * 0.1));
        assert!(pseudo[1..].iter().all(|e| e == &(vec![2], false, 0.6)));
    }

    #[test]
    fn span_sentences_the_gold_file_leaves_unlabelled_become_positives() {
        let dir = std::env::temp_dir().join(format!("rasd-spans-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let gold = dir.join("gold.csv");
        std::fs::write(
            &gold,
            "id,event_type,label,accept,reject,total,text\n\
             A-1,PROTEST,easy no,0,3,3,labelled no\n\
             A-2,PROTEST,yes,3,0,3,labelled yes\n\
             B-7,PROTEST,ambiguous,1,1,2,too few labels\n",
        )
        .unwrap();
        let spans = dir.join("spans.json");
        let item = |t: &str| format!(r#"{{"text": "{t}", "spans": [{{"verb": ["x"]}}]}}"#);
        std::fs::write(
            &spans,
            format!(
                "[{}, {}, {}, {}, {}]",
                item("labelled no"),
                item("labelled yes"),
                item("too few labels"),
                item("not in the gold file"),
                r#"{"text": "no spans", "spans": []}"#
            ),
        )
        .unwrap();
        let (rows, unlabelled) = read_gold(gold.to_str().unwrap()).unwrap();
        assert_eq!(rows.len(), 2);
        let path = spans.to_str().unwrap();
        let extra = span_positives(&read_spans(path).unwrap(), "PROTEST", &rows, &unlabelled);
        let got: Vec<(&str, &str, bool)> = extra
            .iter()
            .map(|r| (r.text.as_str(), r.kind.as_str(), r.gold))
            .collect();
        // A sentence the file labels (even «no») keeps its label; one without spans is no
        // example at all.
        assert_eq!(
            got,
            vec![
                ("too few labels", "PROTEST", true),
                ("not in the gold file", "PROTEST", true)
            ]
        );
        // The ambiguous sentence keeps its article's id, so it shares that article's fold.
        assert_eq!(extra[0].id, "B-7");
        assert_ne!(extra[1].id, "B-7");
        // One without an id gets one of its own, the same wherever the file lies.
        assert!(
            !extra[1].id.contains('-') && !extra[1].id.contains(path),
            "{}",
            extra[1].id
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
