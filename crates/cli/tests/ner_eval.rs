//! The built-in entity tagger, scored on the ANERcorp development split (the last 10% of the
//! shared file, never trained on). A floor, so that a change that breaks the model or its
//! features cannot pass unnoticed; the figures themselves are in docs/evaluation.md.

use std::process::Command;

fn micro_f1(args: &[&str]) -> f64 {
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .output()
        .expect("rasd runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find(|l| l.starts_with("micro"))
        .expect("a micro line");
    line.split_whitespace().last().unwrap().parse().unwrap()
}

#[test]
fn tagger_on_anercorp_dev() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ner/anercorp-train.txt"
    );
    assert!(
        std::path::Path::new(file).exists(),
        "{file} is missing: this test reads the shared data beside the checkout"
    );
    let on_last_tenth =
        |mode: &str| micro_f1(&["eval", "ner", "--conll", file, "--from", "0.9", mode]);
    let (tagger, rules) = (
        on_last_tenth("--tagger-only"),
        on_last_tenth("--rules-only"),
    );
    assert!(tagger >= 0.65, "tagger micro F1 {tagger}");
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
