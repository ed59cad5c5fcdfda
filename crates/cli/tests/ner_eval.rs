//! The built-in entity tagger, scored on the ANERcorp development split (the last 10% of the
//! shared file, never trained on). A floor, so that a change that breaks the model or its
//! features cannot pass unnoticed; the figures themselves are in docs/evaluation.md.

use std::process::Command;

mod common;
use common::{rasd_ok, scratch, shared};

fn micro_f1(args: &[&str]) -> f64 {
    let out = rasd_ok(args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("micro"))
        .expect("a micro line");
    line.split_whitespace().last().unwrap().parse().unwrap()
}

#[test]
fn tagger_on_anercorp_dev() {
    let file = &shared("data/ner/anercorp-train.txt");
    let on_last_tenth =
        |mode: &str| micro_f1(&["eval", "ner", "--conll", file, "--from", "0.9", mode]);
    let (tagger, rules) = (
        on_last_tenth("--tagger-only"),
        on_last_tenth("--rules-only"),
    );
    assert!(tagger >= 0.65, "tagger micro F1 {tagger}");
    let one_stage = on_last_tenth("--one-stage");
    assert!(one_stage >= 0.65, "first stage alone: micro F1 {one_stage}");
    assert_eq!(
        micro_f1(&["eval", "ner", "--conll", file, "--from", "0.9"]),
        tagger,
        "the tagger alone is the default"
    );
    let with_rules = on_last_tenth("--with-rules");
    assert!(with_rules > rules, "{with_rules} vs {rules}");
    assert!(
        tagger > rules + 0.1,
        "the model must beat the rules alone: {tagger} vs {rules}"
    );
}

/// `rasd train ner --stack N` writes a two-stage model that `rasd eval ner --model` reads;
/// a second stage needs two parts of the data at least.
#[test]
fn a_two_stage_model_is_trained_and_read() {
    let file = &shared("data/ner/anercorp-train.txt");
    let dir = scratch("stack");
    let model = dir.join("ner.bin.gz");
    let model = model.to_str().unwrap();
    let data = format!("{file}:0-0.05");
    let train = |stack| {
        [
            "train", "ner", "--epochs", "2", "--stack", stack, "--out", model, "--data", &data,
        ]
    };
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(train("1"))
        .output()
        .expect("rasd runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("two parts"));
    let out = rasd_ok(&train("2"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("second stage"), "{stderr}");
    let held_out = format!("{file}:0.9-0.95");
    let f1 = micro_f1(&["eval", "ner", "--model", model, "--conll", &held_out]);
    assert!(f1 > 0.2, "a model trained on 5% of ANERcorp scores {f1}");
    std::fs::remove_dir_all(&dir).ok();
}
