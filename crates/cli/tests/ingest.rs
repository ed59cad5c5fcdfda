//! The corpus survives `kill -9` at any moment: runs killed at random points, then a run to
//! the end, give the same corpus as one uninterrupted run — same ids, same counts, nothing
//! doubled — and ingesting the same files again adds nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

mod common;
use common::{rasd_ok, scratch};

const WORDS: [&str; 24] = [
    "الحكومة",
    "أعلنت",
    "وزارة",
    "الصحة",
    "اليوم",
    "عن",
    "خطة",
    "جديدة",
    "لدعم",
    "المستشفيات",
    "في",
    "المدن",
    "الكبرى",
    "وقال",
    "المتحدث",
    "إن",
    "العمل",
    "سيبدأ",
    "الأسبوع",
    "المقبل",
    "بمشاركة",
    "عدد",
    "من",
    "الخبراء",
];

fn article(i: usize) -> String {
    // Deterministic, distinct bodies: the article number picks and orders the words.
    let mut words = Vec::new();
    let mut x = i * 7919 + 13;
    for _ in 0..40 {
        words.push(WORDS[x % WORDS.len()]);
        x = x.wrapping_mul(1103515245).wrapping_add(12345) >> 3;
    }
    format!("{} رقم {i}.", words.join(" "))
}

fn input(dir: &Path) -> PathBuf {
    let mut lines = String::new();
    for i in 0..1200 {
        lines.push_str(
            &serde_json::json!({"id": format!("a{i}"), "outlet": "test", "text": article(i)})
                .to_string(),
        );
        lines.push('\n');
        if i % 25 == 0 {
            // A wire copy: another outlet, the same body.
            lines.push_str(&serde_json::json!({"id": format!("copy{i}"), "outlet": "wire", "text": article(i)}).to_string());
            lines.push('\n');
        }
    }
    let p = dir.join("news.jsonl");
    std::fs::write(&p, lines).unwrap();
    p
}

fn ingest(corpus: &Path, input: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rasd"));
    c.args([
        "ingest",
        "--threads",
        "2",
        "--segment-size",
        "100",
        "--corpus",
    ])
    .arg(corpus)
    .arg(input)
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    c
}

/// Keys of every stored line, and the number of lines.
fn contents(corpus: &Path) -> (BTreeSet<String>, usize, BTreeSet<String>) {
    let mut keys = BTreeSet::new();
    let mut lines = 0;
    // A run killed before it opened the corpus leaves no folder at all.
    for e in std::fs::read_dir(corpus.join("segments"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().to_string();
        if !name.ends_with(".jsonl") {
            continue;
        }
        for l in std::fs::read_to_string(e.path()).unwrap().lines() {
            let v: serde_json::Value =
                serde_json::from_str(l).expect("every committed line is whole");
            keys.insert(v["key"].as_str().unwrap().to_string());
            lines += 1;
        }
    }
    let dups = std::fs::read_to_string(corpus.join("duplicates.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| format!("{}#{}", v["file"], v["record"]))
        .collect();
    (keys, lines, dups)
}

#[test]
fn killed_ingests_end_like_an_uninterrupted_one() {
    let base = std::env::temp_dir().join(format!("rasd-ingest-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let data = input(&base);

    let whole = base.join("whole");
    let t0 = std::time::Instant::now();
    assert!(ingest(&whole, &data).status().unwrap().success());
    let full = t0.elapsed();
    let (keys, lines, dups) = contents(&whole);
    assert_eq!(keys.len(), 1200);
    assert_eq!(lines, 1200, "each body stored once");
    assert_eq!(dups.len(), 48, "each wire copy kept as a source");

    let killed = base.join("killed");
    // Kill points spread over a run, as fractions of the uninterrupted run's time (a fixed
    // sequence stands in for randomness). Every restarted run skips what earlier ones
    // committed, so later kills land further on; what is checked is that some fell between
    // two commits. The first run of the binary can be slower than the next ones (files not
    // yet in the page cache), so the timed run may overstate a run's length; and on a busy
    // machine (the other tests running beside it) a run may take longer than the timed one.
    // When no kill fell mid-run (every killed run finished first, or none committed
    // anything), the sequence starts again on a fresh corpus with the kill points brought
    // forward or pushed back, in turn.
    let mut partial = Vec::new();
    for scale in [1.0f64, 0.5, 2.0, 0.25, 4.0, 0.1] {
        let _ = std::fs::remove_dir_all(&killed);
        partial.clear();
        for f in [0.45f64, 0.3, 0.55, 0.35, 0.6, 0.4] {
            let mut child = ingest(&killed, &data).spawn().unwrap();
            std::thread::sleep(Duration::from_secs_f64(full.as_secs_f64() * f * scale));
            let _ = child.kill();
            let _ = child.wait();
            partial.push(contents(&killed).0.len());
        }
        eprintln!("stored after each killed run (kill points × {scale}): {partial:?}");
        if partial.iter().any(|&p| p > 0 && p < 1200) {
            break;
        }
    }
    assert!(
        partial.iter().any(|&p| p > 0 && p < 1200),
        "no kill fell mid-run: {partial:?}"
    );
    assert!(ingest(&killed, &data).status().unwrap().success());
    let (k2, l2, d2) = contents(&killed);
    assert_eq!(k2, keys, "same articles");
    assert_eq!(l2, lines, "nothing doubled");
    assert_eq!(d2, dups, "same duplicate sources");

    // Again, on a finished corpus: nothing added.
    assert!(ingest(&whole, &data).status().unwrap().success());
    assert_eq!(contents(&whole), (keys, lines, dups));
    std::fs::remove_dir_all(&base).unwrap();
}

/// `rasd search --json QUERY` on `corpus`: the hits, and what it said on stderr.
fn search_json(corpus: &Path, query: &str) -> (Vec<serde_json::Value>, String) {
    let corpus = corpus.to_str().unwrap();
    let out = rasd_ok(&[
        "search", "--json", "--limit", "10", "--corpus", corpus, query,
    ]);
    let hits = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (hits, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn search_finds_and_filters() {
    let base = std::env::temp_dir().join(format!("rasd-search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let data = base.join("c.tsv");
    std::fs::write(&data, "p1\tالمفاوضات\tبدأت المفاوضات بين الطرفين في جنيف أمس.\np2\tالطقس\tتوقعت الأرصاد أمطارا غزيرة على المدن الساحلية.\n").unwrap();
    let corpus = base.join("corpus");
    assert!(ingest(&corpus, &data).status().unwrap().success());
    let (hits, _) = search_json(&corpus, "والمفاوضات");
    assert_eq!(hits.len(), 1, "clitics and inflection do not stop a match");
    assert_eq!(hits[0]["id"], "p1");
    assert!(hits[0]["snippet"].as_str().unwrap().contains("⟦المفاوضات⟧"));
    // A misspelt word the corpus never saw is read as its nearest spelling, and said so.
    let (hits, stderr) = search_json(&corpus, "جنييف");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["id"], "p1");
    assert!(stderr.contains("«جنييف» as «جنيف»"), "{stderr}");
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["stats", "--json", "--corpus"])
        .arg(&corpus)
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["articles"], 2);
    std::fs::remove_dir_all(&base).unwrap();
}

/// «بمصر» is «مصر» with a preposition: the corpus holds «مصر» often enough to tell, so a
/// search for «مصر» finds it, marks it and checks phrases through it.
#[test]
fn a_word_with_a_preposition_is_found_by_the_word() {
    let (base, corpus) = tsv_corpus(
        "prep",
        "p1\tزيارة\tوصل الوزير بمصر أمس في زيارة رسمية.\n\
         p2\tاقتصاد\tنما اقتصاد مصر هذا العام.\n\
         p3\tسياحة\tزار السياح مصر في الربيع.\n\
         p4\tنيل\tيمر النيل في مصر من الجنوب.\n",
    );
    let search = |q: &str| search_json(&corpus, q).0;
    let hits = search("مصر");
    let p1 = hits
        .iter()
        .find(|h| h["id"] == "p1")
        .expect("p1 found by «مصر»");
    assert!(p1["snippet"].as_str().unwrap().contains("⟦بمصر⟧"), "{p1}");
    let hits = search("\"الوزير مصر\"");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["id"], "p1");
    std::fs::remove_dir_all(&base).unwrap();
}

fn read_run(path: &Path) -> Vec<(String, String, f64)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            let c: Vec<&str> = l.split(' ').collect();
            (c[0].to_string(), c[2].to_string(), c[4].parse().unwrap())
        })
        .collect()
}

/// A scratch folder with a corpus ingested from `tsv` (id, title and text per line).
fn tsv_corpus(name: &str, tsv: &str) -> (PathBuf, PathBuf) {
    let base = scratch(name);
    let data = base.join("c.tsv");
    std::fs::write(&data, tsv).unwrap();
    let corpus = base.join("corpus");
    assert!(ingest(&corpus, &data).status().unwrap().success());
    (base, corpus)
}

#[test]
fn second_stage_ranking_reorders_ties_by_word_order_and_trains() {
    // p1 and p2 hold the same words (same BM25 score, same trigrams, same length); only p2
    // has «معركة حطين» side by side, as the question has them.
    let (base, corpus) = tsv_corpus(
        "rank",
        "p1\tصلاح الدين\tفي معركة كبيرة وقعت بين الجيشين قرب حطين انتصر صلاح الدين.\n\
         p2\tصلاح الدين\tانتصر صلاح الدين في معركة حطين كبيرة وقعت بين الجيشين قرب.\n\
         p3\tالقدس\tدخل صلاح الدين القدس بعد حصار قصير.\n",
    );
    let queries = base.join("q.tsv");
    std::fs::write(
        &queries,
        "q1\tأين وقعت معركة حطين؟\nq2\tمتى دخل صلاح الدين القدس؟\n",
    )
    .unwrap();
    let (bm25, reranked) = (base.join("bm25.run"), base.join("rank.run"));
    for (run, extra) in [(&bm25, Some("--bm25-only")), (&reranked, None)] {
        let mut args = vec!["search", "--queries"];
        let q = queries.to_str().unwrap();
        let r = run.to_str().unwrap();
        args.extend([q, "--run", r]);
        args.extend(extra);
        rasd_ok(&[&args[..], &["--corpus", corpus.to_str().unwrap()]].concat());
    }
    let plain = read_run(&bm25);
    let q1: Vec<_> = plain.iter().filter(|r| r.0 == "q1").collect();
    assert_eq!(q1.len(), 2);
    assert!(
        (q1[0].2 - q1[1].2).abs() < 1e-9,
        "BM25 cannot tell p1 from p2: {q1:?}"
    );
    let ranked = read_run(&reranked);
    let q1: Vec<_> = ranked.iter().filter(|r| r.0 == "q1").collect();
    assert_eq!(q1[0].1, "p2", "the question's word order picks p2: {q1:?}");
    assert!(q1[0].2 > q1[1].2);
    let q2: Vec<_> = ranked.iter().filter(|r| r.0 == "q2").collect();
    assert_eq!(q2[0].1, "p3");
    assert!(
        q2.windows(2).all(|w| w[0].2 >= w[1].2),
        "scores keep the order: {q2:?}"
    );

    // A model trained on judged queries is written, read back and used.
    let qrels = base.join("qrels.txt");
    std::fs::write(&qrels, "q1 0 p2 1\nq2 0 p3 1\n").unwrap();
    let model = base.join("rank.tsv");
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["train", "rank", "--folds", "0", "--corpus"])
        .arg(&corpus)
        .arg("--queries")
        .arg(&queries)
        .arg("--qrels")
        .arg(&qrels)
        .arg("--out")
        .arg(&model)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("2 judged queries"), "{log}");
    assert!(
        log.contains("trained on all 2 queries: MRR@10 1.0000"),
        "{log}"
    );
    let text = std::fs::read_to_string(&model).unwrap();
    assert!(
        text.starts_with("# ") && text.contains("\nword_chain\t"),
        "{text}"
    );
    let own = base.join("own.run");
    let args = [
        "search",
        "--queries",
        queries.to_str().unwrap(),
        "--run",
        own.to_str().unwrap(),
        "--rank-model",
        model.to_str().unwrap(),
    ];
    rasd_ok(&[&args[..], &["--corpus", corpus.to_str().unwrap()]].concat());
    assert_eq!(
        read_run(&own).first().map(|r| r.1.clone()),
        Some("p2".to_string())
    );
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn quote_and_event_words_match_inside_their_fields_only() {
    let (base, corpus) = tsv_corpus(
        "fields",
        "a1\tالعقوبات\tقال وزير الخارجية الإيراني: \"العقوبات الأمريكية ظالمة ولن نقبلها\". وأضاف أن بلاده ستواصل العمل.\n\
         a2\tالعقوبات\tفرضت الولايات المتحدة العقوبات على إيران أمس.\n\
         a3\tقصف\tقصفت الطائرات الإسرائيلية مواقع في غزة أمس. وتحدث التقرير عن العقوبات وعن غزة.\n\
         a4\tغزة\tتقع غزة على ساحل البحر المتوسط.\n",
    );
    let ids = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = search_json(&corpus, q)
            .0
            .iter()
            .map(|h| h["id"].as_str().unwrap_or("").to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids("العقوبات"), ["a1", "a2", "a3"]);
    assert_eq!(
        ids("quote:العقوبات"),
        ["a1"],
        "only a1 has the word inside a quotation"
    );
    assert_eq!(ids("اقتباس:العقوبات"), ["a1"]);
    assert_eq!(ids("غزة"), ["a3", "a4"]);
    assert_eq!(
        ids("event:غزة"),
        ["a3"],
        "only a3 names Gaza in an event's sentence"
    );
    std::fs::remove_dir_all(&base).unwrap();
}

/// A folder with no corpus in it: the search says so and how to build one.
#[test]
fn searching_where_there_is_no_corpus_says_how_to_build_one() {
    let base = scratch("no-corpus");
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["search", "--corpus"])
        .arg(&base)
        .arg("مصر")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("holds no search index"), "{err}");
    assert!(err.contains("rasd ingest"), "{err}");
    std::fs::remove_dir_all(&base).unwrap();
}
