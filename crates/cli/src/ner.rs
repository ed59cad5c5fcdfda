//! `rasd ner` and `rasd eval ner`: entity recognition on CoNLL-style annotated text, scored
//! the CoNLL way (exact span and type; micro-averaged precision, recall and F1).

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use rasd_pipeline::{Options, Pipeline};
use rasd_resources::Resources;

#[derive(clap::Args)]
pub struct Args {
    /// CoNLL file: `token tag` per line (extra columns ignored); a blank line or a «.» token
    /// ends a sentence.
    #[arg(long)]
    conll: String,
    /// Use only the sentences from this fraction of the file on (0.9 = the last 10%).
    #[arg(long, default_value_t = 0.0)]
    from: f64,
    /// The statistical tagger alone, without the gazetteers and rules: the default.
    #[arg(long, conflicts_with_all = ["with_rules", "rules_only"])]
    tagger_only: bool,
    /// The whole entity layer as `rasd analyze` runs it (gazetteers, the tagger, title,
    /// trigger and speaker rules), with the tagger's MISC spans where no entity stands.
    #[arg(long, conflicts_with = "rules_only")]
    with_rules: bool,
    /// The gazetteers and rules alone, without the statistical tagger.
    #[arg(long)]
    rules_only: bool,
    /// A model file from `rasd train ner` instead of the built-in one.
    #[arg(long)]
    model: Option<std::path::PathBuf>,
    /// The tagger's first stage alone, without its second (see `rasd analyze --one-stage`).
    #[arg(long, conflicts_with = "rules_only")]
    one_stage: bool,
}

impl Args {
    /// Whether the tagger alone is scored (unless rules were asked for).
    fn tagger_alone(&self) -> bool {
        self.tagger_only || !(self.with_rules || self.rules_only)
    }
}

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Training files, CoNLL; `PATH:FROM-TO` takes a fraction of a file's sentences
    /// (`anercorp-train.txt:0-0.9` keeps the last 10% out for evaluation).
    #[arg(long, required = true, num_args = 1..)]
    data: Vec<String>,
    /// Unlabelled news (any input format): what the dictionaries and rules find there, word by
    /// word, becomes features of the model.
    #[arg(long, num_args = 1..)]
    unlabeled: Vec<String>,
    /// Rounds of self-training: the news read again with the trained tagger, its findings
    /// added to the lexicon, and the model trained anew.
    #[arg(long, default_value_t = 0)]
    self_train: usize,
    /// Models trained for the final one, each in its own order (seeds seed, seed+1 …), whose
    /// mean is the model written.
    #[arg(long, default_value_t = 1)]
    bag: usize,
    /// A second stage that re-tags each sentence reading the first stage's tags on both
    /// sides of the word, trained on what first stages trained without each document made
    /// of it: the number of such parts of the training data (0: no second stage).
    #[arg(long, default_value_t = 0)]
    stack: usize,
    #[command(flatten)]
    pub model: ModelArgs,
}

/// What every `rasd train` command takes: where to write and how to train, reproducibly.
#[derive(clap::Args)]
pub struct ModelArgs {
    /// Where to write the model.
    #[arg(long)]
    pub out: std::path::PathBuf,
    /// Passes over the data.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// Seed of the shuffling between passes: the same seed and data give the same model.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

/// Word clusters: how many of the most frequent news words are clustered, by how many
/// neighbour words, into how many clusters.
const CLUSTER_WORDS: usize = 50_000;
const CLUSTER_CONTEXTS: usize = 1_000;
const CLUSTERS: usize = 255;

/// One annotated sentence: tokens and their gold tags mapped to PER, LOC, ORG, MISC.
pub struct Sentence {
    pub tokens: Vec<String>,
    pub gold: Vec<String>,
}

/// Tag sets of ANERcorp (PERS), AQMAR (MIS) and others, mapped to one: PER LOC ORG MISC.
fn map_tag(tag: &str) -> String {
    let (bio, ty) = match tag.split_once('-') {
        Some((b, t)) => (b, t),
        None => return "O".into(),
    };
    let ty = match ty {
        "PER" | "PERS" | "PERSON" => "PER",
        "LOC" | "GPE" => "LOC",
        "ORG" => "ORG",
        "MISC" | "MIS" => "MISC",
        _ => return "O".into(),
    };
    format!("{bio}-{ty}")
}

/// `PATH` or `PATH:FROM-TO` (fractions of the file's sentences, e.g. `anercorp.txt:0-0.9`).
pub fn read_spec(spec: &str) -> Result<Vec<Sentence>> {
    let (path, range) = match spec.rsplit_once(':') {
        Some((p, r))
            if r.contains('-')
                && r.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '-') =>
        {
            (p, Some(r))
        }
        _ => (spec, None),
    };
    let all = read_conll(path)?;
    let Some(r) = range else { return Ok(all) };
    let (a, b) = r.split_once('-').context("range is FROM-TO")?;
    let (a, b): (f64, f64) = (
        a.parse().context("FROM is a fraction")?,
        b.parse().context("TO is a fraction")?,
    );
    let n = all.len() as f64;
    let (from, to) = (
        (n * a.clamp(0.0, 1.0)).round() as usize,
        (n * b.clamp(0.0, 1.0)).round() as usize,
    );
    Ok(all
        .into_iter()
        .skip(from)
        .take(to.saturating_sub(from))
        .collect())
}

pub fn read_conll(path: &str) -> Result<Vec<Sentence>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        gold: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        gold: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let mut cols = line.split_whitespace();
        let (Some(tok), Some(tag)) = (cols.next(), cols.next()) else {
            // A line with a tag and no token (ANERcorp has some): nothing to tag.
            if line.split_whitespace().count() == 1 && line.starts_with(char::is_whitespace) {
                continue;
            }
            bail!("{path}, line {}: expected «token tag»", i + 1);
        };
        cur.tokens.push(tok.to_string());
        cur.gold.push(map_tag(tag));
        if tok == "." {
            out.push(std::mem::replace(
                &mut cur,
                Sentence {
                    tokens: Vec::new(),
                    gold: Vec::new(),
                },
            ));
        }
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Sentences read as one document, in training and in evaluation: annotated files mark no
/// article boundaries, so a run of consecutive sentences stands for one. The tagger
/// remembers within a document what it found earlier (`tagger::Memory`).
const DOCUMENT_SENTENCES: usize = 40;

/// The tokens of annotated sentences joined as one text, a space between tokens and a line
/// break between sentences, and each token's byte span.
fn join_sentences<'a>(
    sentences: impl IntoIterator<Item = &'a [String]>,
) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for tokens in sentences {
        if !text.is_empty() {
            text.push('\n');
        }
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let a = text.len();
            text.push_str(t);
            spans.push((a, text.len()));
        }
    }
    (text, spans)
}

/// Predicted BIO tags of each sentence of a document from rasd's entities.
pub fn predict(pipe: &Pipeline, doc: &[Sentence], tagger_only: bool) -> Vec<Vec<String>> {
    let (text, spans) = join_sentences(doc.iter().map(|s| s.tokens.as_slice()));
    let mut tags = vec!["O".to_string(); spans.len()];
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    if tagger_only {
        found = pipe.tagger_spans_clean(&text);
    } else {
        for e in pipe.extract_clean(&text).entities {
            let ty = match e.kind.as_str() {
                "PER" => "PER",
                "GPE" | "LOC" => "LOC",
                "ORG" | "MEDIA" => "ORG",
                _ => continue,
            };
            found.extend(e.mentions.iter().map(|m| (m.start, m.end, ty)));
        }
        // The record has no MISC type (events, works, nationalities stay out of it), but the
        // tagger finds them: scored here as the tagger's, where no record entity stands.
        let misc: Vec<_> = pipe
            .tagger_spans_clean(&text)
            .into_iter()
            .filter(|&(a, b, ty)| ty == "MISC" && !found.iter().any(|f| f.0 < b && a < f.1))
            .collect();
        found.extend(misc);
    }
    for (start, end, ty) in found {
        let covered: Vec<usize> = (0..spans.len())
            .filter(|&i| spans[i].0 < end && start < spans[i].1)
            .collect();
        for (n, &i) in covered.iter().enumerate() {
            if tags[i] == "O" {
                tags[i] = format!("{}-{ty}", if n == 0 { "B" } else { "I" });
            }
        }
    }
    let mut rest = tags.into_iter();
    doc.iter()
        .map(|s| rest.by_ref().take(s.tokens.len()).collect())
        .collect()
}

/// Entity spans (start, end, type) of a BIO sequence; an I- without a B- starts a span.
fn spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags
        .iter()
        .chain(std::iter::once(&"O".to_string()))
        .enumerate()
    {
        let (bio, ty) = t.split_once('-').unwrap_or(("O", ""));
        let continues = bio == "I" && open.as_ref().is_some_and(|(_, o)| o == ty);
        if !continues {
            if let Some((s, o)) = open.take() {
                out.push((s, i, o));
            }
            if bio == "B" || bio == "I" {
                open = Some((i, ty.to_string()));
            }
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

pub fn score(gold: &[String], pred: &[String], by_type: &mut BTreeMap<String, Counts>) {
    let g = spans(gold);
    let p = spans(pred);
    for (_, _, t) in &g {
        by_type.entry(t.clone()).or_default().gold += 1;
    }
    for s in &p {
        let c = by_type.entry(s.2.clone()).or_default();
        c.pred += 1;
        if g.contains(s) {
            c.tp += 1;
        }
    }
}

fn selected(args: &Args) -> Result<Vec<Sentence>> {
    let all = read_spec(&args.conll)?;
    let skip = ((all.len() as f64) * args.from.clamp(0.0, 1.0)).round() as usize;
    Ok(all.into_iter().skip(skip).collect())
}

/// `rasd ner`: token, gold tag and predicted tag, tab-separated, a blank line between sentences.
fn pipeline(args: &Args, res: Resources) -> Result<Pipeline> {
    // A model given on the command line replaces the built-in one, which is then not read:
    // after a feature change only the new model can be.
    let mut pipe = Pipeline::new(
        res,
        Options {
            tokens: false,
            tagger: !args.rules_only && args.model.is_none(),
            second_stage: !args.one_stage,
        },
    );
    if let Some(path) = args.model.as_ref().filter(|_| !args.rules_only) {
        let file =
            std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let model = rasd_extract::tagger::Model::load(std::io::BufReader::new(file))
            .with_context(|| format!("loading {}", path.display()))?;
        pipe.set_tagger(rasd_extract::tagger::Tagger { model });
    }
    Ok(pipe)
}

pub fn run_tag(args: Args, res: Resources) -> Result<ExitCode> {
    let pipe = pipeline(&args, res)?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for doc in selected(&args)?.chunks(DOCUMENT_SENTENCES) {
        for (s, pred) in doc.iter().zip(predict(&pipe, doc, args.tagger_alone())) {
            for ((t, g), p) in s.tokens.iter().zip(&s.gold).zip(&pred) {
                writeln!(out, "{t}\t{g}\t{p}")?;
            }
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `rasd eval ner`: per-type and micro precision, recall and F1.
pub fn run_eval(args: Args, res: Resources) -> Result<ExitCode> {
    let pipe = pipeline(&args, res)?;
    let sentences = selected(&args)?;
    let mut by_type: BTreeMap<String, Counts> = BTreeMap::new();
    let mut tokens = 0;
    let started = std::time::Instant::now();
    for doc in sentences.chunks(DOCUMENT_SENTENCES) {
        for (s, pred) in doc.iter().zip(predict(&pipe, doc, args.tagger_alone())) {
            tokens += s.tokens.len();
            score(&s.gold, &pred, &mut by_type);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    outln!(
        "{}: {} sentences, {} tokens ({:.0} tokens/s)",
        args.conll,
        sentences.len(),
        tokens,
        tokens as f64 / secs
    );
    outln!(
        "{:<6} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "type",
        "gold",
        "pred",
        "P",
        "R",
        "F1"
    );
    let mut micro = Counts::default();
    for (t, c) in &by_type {
        let (p, r, f) = c.prf();
        outln!(
            "{t:<6} {:>7} {:>7} {p:>7.3} {r:>7.3} {f:>7.3}",
            c.gold,
            c.pred
        );
        micro.tp += c.tp;
        micro.pred += c.pred;
        micro.gold += c.gold;
    }
    let (p, r, f) = micro.prf();
    outln!(
        "{:<6} {:>7} {:>7} {p:>7.3} {r:>7.3} {f:>7.3}",
        "micro",
        micro.gold,
        micro.pred
    );
    Ok(ExitCode::SUCCESS)
}

/// `rasd train ner`: an averaged perceptron on the given files, reproducibly.
pub fn run_train(args: TrainArgs, res: Resources) -> Result<ExitCode> {
    use rasd_extract::tagger::{tag_index, Example, Memory, Rng, Trainer};
    if args.stack == 1 {
        bail!("--stack 1: a second stage needs its training data cut into two parts at least (0 for none)");
    }
    let started = std::time::Instant::now();
    let res_again = res.clone();
    let extractor = rasd_extract::Extractor::new(res);
    // Each sentence: the document it belongs to (runs of DOCUMENT_SENTENCES within a file),
    // its text, the byte span of each annotated token, and the gold tags.
    type Annotated = (usize, String, Vec<(usize, usize)>, Vec<String>);
    let mut texts: Vec<Annotated> = Vec::new();
    let mut documents = 0;
    for spec in &args.data {
        let sentences = read_spec(spec)?;
        eprintln!("{spec}: {} sentences", sentences.len());
        for (i, s) in sentences.into_iter().enumerate() {
            if i % DOCUMENT_SENTENCES == 0 {
                documents += 1;
            }
            let (text, spans) = join_sentences([s.tokens.as_slice()]);
            texts.push((documents - 1, text, spans, s.gold));
        }
    }
    // Gold tags on rasd's own tokens: a piece of an annotated token takes its tag, I- after the
    // first piece.
    let mut examples: Vec<Example> = Vec::with_capacity(texts.len());
    // The examples of each document, in order.
    let mut docs: Vec<std::ops::Range<usize>> = vec![0..0; documents];
    for (doc, text, spans, gold) in &texts {
        let tokens = rasd_text::tokenize(text);
        if tokens.is_empty() {
            continue;
        }
        let ctx = rasd_extract::context::Ctx::new(text, &tokens, &[(0, text.len())]);
        let mut tags = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let k = spans
                .iter()
                .position(|&(a, b)| a <= t.start && t.end <= b)
                .unwrap_or(0);
            let g = &gold[k];
            let first_piece = spans[k].0 == t.start;
            tags.push(if g != "O" && !first_piece {
                tag_index(&g.replacen("B-", "I-", 1))
            } else {
                tag_index(g)
            });
        }
        if docs[*doc].is_empty() {
            docs[*doc] = examples.len()..examples.len();
        }
        examples.push(Example { ctx, gold: tags });
        docs[*doc].end = examples.len();
    }
    let tokens: usize = examples.iter().map(|e| e.gold.len()).sum();
    eprintln!("{} sentences, {} tokens", examples.len(), tokens);
    // Every article text of the unlabelled news, in order.
    let each_text = |f: &mut dyn FnMut(&str)| {
        for file in &args.unlabeled {
            rasd_read::read_path(file, &rasd_read::ReadOptions::default(), &mut |r| {
                if let Ok(a) = r {
                    if let rasd_read::Body::Text(text) = &a.body {
                        f(text);
                    }
                }
            });
        }
    };
    // Word clusters are computed once, on the first pass's word frequencies.
    let clusters: std::cell::RefCell<Option<rasd_extract::tagger::Clusters>> =
        std::cell::RefCell::new(None);
    // What the extractor (rules, and in later rounds the tagger too) finds in the unlabelled
    // news, word by word.
    let silver_of = |extractor: &rasd_extract::Extractor| -> Option<rasd_extract::tagger::Silver> {
        if args.unlabeled.is_empty() {
            return None;
        }
        let mut counts = rasd_extract::tagger::SilverCounts::default();
        let mut articles = 0usize;
        each_text(&mut |text| {
            let tokens = rasd_text::tokenize(text);
            let sentences = rasd_text::split_sentences(text, &tokens);
            let x = extractor.extract(text, &tokens, &sentences, None);
            // An outlet read from its quotation marks («"الرياض"», the newspaper) says what the
            // marks make of the words, not what the words are alone: its words count as seen,
            // with no type, since the lexicon describes a word wherever it stands.
            let quoted = |m: &rasd_doc::Span| {
                text[..m.start]
                    .trim_end()
                    .ends_with(rasd_text::OPENING_QUOTES)
                    && text[m.end..]
                        .trim_start()
                        .starts_with(rasd_text::CLOSING_QUOTES)
            };
            let spans: Vec<(usize, usize, &str)> = x
                .entities
                .iter()
                .flat_map(|e| {
                    let ty = match e.kind.as_str() {
                        "PER" => "PER",
                        "GPE" | "LOC" => "LOC",
                        "MEDIA" => "MEDIA",
                        _ => "ORG",
                    };
                    e.mentions.iter().map(move |m| (m, ty))
                })
                .map(|(m, ty)| match ty {
                    "MEDIA" if quoted(m) => (m.start, m.end, "-"),
                    "MEDIA" => (m.start, m.end, "ORG"),
                    _ => (m.start, m.end, ty),
                })
                .collect();
            counts.add(text, &spans);
            articles += 1;
        });
        let mut clusters = clusters.borrow_mut();
        if clusters.is_none() {
            let mut plan = counts.cluster_plan(CLUSTER_WORDS, CLUSTER_CONTEXTS);
            each_text(&mut |text| plan.add(text));
            *clusters = Some(plan.finish(CLUSTERS, 8));
        }
        let silver = counts.finish(3, clusters.as_ref().unwrap_or(&Default::default()));
        eprintln!(
            "unlabelled news: {articles} articles, {} words in the lexicon",
            silver.len()
        );
        Some(silver)
    };
    // `epochs` passes over the documents `chosen` in a new order each pass, the sentences of
    // each in theirs, so that the tagger learns from the memory of the document it will have
    // when tagging; `first`, when given, holds each example's first-stage tags and trains a
    // second stage.
    let passes = |trainer: &mut Trainer,
                  extractor: &rasd_extract::Extractor,
                  chosen: &[usize],
                  seed: u64,
                  first: Option<&[Vec<usize>]>| {
        let mut rng = Rng::new(seed);
        let mut order = chosen.to_vec();
        for epoch in 1..=args.model.epochs {
            rng.shuffle(&mut order);
            let mut wrong = 0;
            for &d in &order {
                let mut memory = Memory::default();
                for i in docs[d].clone() {
                    let ex = &examples[i];
                    let (lex, seg) = (&extractor.lex, &extractor.segmenter);
                    wrong += match first {
                        Some(first) => trainer.learn_second(ex, lex, seg, &mut memory, &first[i]),
                        None => trainer.learn(ex, lex, seg, &mut memory),
                    };
                }
            }
            eprintln!(
                "epoch {epoch}: {:.2}% of tokens tagged wrong",
                100.0 * wrong as f64 / tokens as f64
            );
        }
    };
    let new_trainer = |silver: &Option<rasd_extract::tagger::Silver>| match silver {
        Some(s) => Trainer::with_silver(s.clone()),
        None => Trainer::new(),
    };
    let train_one = |silver: Option<rasd_extract::tagger::Silver>,
                     extractor: &rasd_extract::Extractor,
                     seed: u64| {
        let all: Vec<usize> = (0..docs.len()).collect();
        let mut trainer = new_trainer(&silver);
        passes(&mut trainer, extractor, &all, seed, None);
        let mut model = trainer.finish();
        let parts = args.stack;
        if parts > 1 {
            // Each document tagged by a first stage trained on the other parts: the second
            // stage learns how far to trust a first stage on text it has not seen.
            let mut first: Vec<Vec<usize>> = vec![Vec::new(); examples.len()];
            for part in 0..parts {
                eprintln!("first stage without part {} of {parts}", part + 1);
                let rest: Vec<usize> = all.iter().copied().filter(|d| d % parts != part).collect();
                let mut trainer = new_trainer(&silver);
                passes(
                    &mut trainer,
                    extractor,
                    &rest,
                    seed + 1000 + part as u64,
                    None,
                );
                let tagger = rasd_extract::tagger::Tagger {
                    model: trainer.finish(),
                };
                for d in all.iter().copied().filter(|d| d % parts == part) {
                    let mut memory = Memory::default();
                    for i in docs[d].clone() {
                        let ex = &examples[i];
                        first[i] = tagger.tag(
                            &ex.ctx,
                            &extractor.lex,
                            &extractor.segmenter,
                            (0, ex.ctx.toks.len()),
                            &mut memory,
                        );
                    }
                }
            }
            eprintln!("second stage");
            let mut trainer = new_trainer(&silver);
            passes(&mut trainer, extractor, &all, seed, Some(&first));
            model.stack(trainer.finish());
        }
        model
    };
    let train = |silver: Option<rasd_extract::tagger::Silver>,
                 extractor: &rasd_extract::Extractor| {
        let models: Vec<_> = (0..args.bag.max(1) as u64)
            .map(|b| train_one(silver.clone(), extractor, args.model.seed + b))
            .collect();
        rasd_extract::tagger::Model::mean(models)
    };
    let mut model = train(silver_of(&extractor), &extractor);
    for round in 1..=args.self_train {
        // The news read again with the tagger just trained: the names it finds in context
        // join the lexicon the next model learns from.
        eprintln!("self-training round {round}");
        let mut with_tagger = rasd_extract::Extractor::new(res_again.clone());
        with_tagger.tagger = Some(rasd_extract::tagger::Tagger { model });
        model = train(silver_of(&with_tagger), &extractor);
    }
    let file = std::fs::File::create(&args.model.out)
        .with_context(|| format!("creating {}", args.model.out.display()))?;
    model
        .save(std::io::BufWriter::new(file))
        .with_context(|| format!("writing {}", args.model.out.display()))?;
    let size = std::fs::metadata(&args.model.out)
        .map(|m| m.len())
        .unwrap_or(0);
    eprintln!(
        "wrote {} ({} features, {:.1} MB) in {:.1} s",
        args.model.out.display(),
        model.features(),
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn spans_and_exact_match() {
        assert_eq!(
            spans(&tags("B-PER I-PER O B-LOC I-ORG")),
            vec![
                (0, 2, "PER".into()),
                (3, 4, "LOC".into()),
                (4, 5, "ORG".into())
            ]
        );
        let mut m = BTreeMap::new();
        score(
            &tags("B-PER I-PER O B-LOC"),
            &tags("B-PER O O B-LOC"),
            &mut m,
        );
        assert_eq!((m["PER"].tp, m["PER"].pred, m["PER"].gold), (0, 1, 1));
        assert_eq!((m["LOC"].tp, m["LOC"].pred, m["LOC"].gold), (1, 1, 1));
    }

    #[test]
    fn sentences_of_a_document_are_lines_of_one_text() {
        let (a, b) = (tags("قال ستولمان ."), tags("جهود لستولمان"));
        let (text, spans) = join_sentences([a.as_slice(), b.as_slice()]);
        assert_eq!(text, "قال ستولمان .\nجهود لستولمان");
        let words: Vec<&str> = spans.iter().map(|&(x, y)| &text[x..y]).collect();
        assert_eq!(words, ["قال", "ستولمان", ".", "جهود", "لستولمان"]);
    }

    #[test]
    fn tag_sets_are_mapped() {
        assert_eq!(map_tag("B-PERS"), "B-PER");
        assert_eq!(map_tag("I-MIS"), "I-MISC");
        assert_eq!(map_tag("O"), "O");
        assert_eq!(map_tag("B-DATE"), "O");
    }
}
