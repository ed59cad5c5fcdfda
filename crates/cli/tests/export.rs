//! `rasd export`: GDELT rows of 61 columns and PLOVER JSON lines for the reference article.

use std::process::Command;

fn export(format: &str) -> String {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/fixtures/turkpress-karabakh.txt"
    );
    assert!(
        std::path::Path::new(file).exists(),
        "{file} is missing: this test reads the shared fixture beside the checkout"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["export", "--format", format, file])
        .output()
        .expect("rasd runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn gdelt_rows_have_61_columns() {
    let rows = export("gdelt");
    let rows: Vec<Vec<&str>> = rows.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 6);
    for r in &rows {
        assert_eq!(r.len(), 61);
    }
    // Armenia's appeal to Russia: Actor1 ARMGOV, Actor2 RUSGOV, a 02x code, QuadClass 1.
    let appeal = rows
        .iter()
        .find(|r| r[5] == "ARMGOV" && r[15] == "RUSGOV" && r[28] == "02")
        .expect("ARMGOV → RUSGOV appeal");
    assert_eq!(appeal[7], "ARM");
    assert_eq!(appeal[17], "RUS");
    assert_eq!(appeal[12], "GOV");
    // An appeal for military aid: the code, its base and root, QuadClass and Goldstein value.
    assert_eq!(&appeal[26..31], ["0232", "023", "02", "1", "3.4"]);
    assert!(appeal[6].contains("باشينيان"));
    assert!(appeal[0].parse::<u64>().is_ok());
    // Azerbaijan's operation: material conflict.
    let op = rows
        .iter()
        .find(|r| r[7] == "AZE" && (r[28] == "19" || r[28] == "18"))
        .expect("AZE use of force");
    assert_eq!(op[29], "4");
    assert_eq!(op[17], "ARM");
}

#[test]
fn plover_lines() {
    let lines = export("plover");
    let events: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let keys = [
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "mode",
        "context",
        "event_loc",
        "text_info",
        "cite_info",
    ];
    for e in &events {
        for k in keys {
            assert!(e.get(k).is_some(), "{k} missing in {e}");
        }
    }
    assert!(events
        .iter()
        .any(|e| e["event"] == "ASSAULT" && e["actor"]["country"] == "AZE"));
    assert!(events.iter().any(|e| e["event"] == "REQUEST"
        && e["actor"]["country"] == "ARM"
        && e["recipient"]["country"] == "RUS"));
}

/// A negated event («لم تهاجم») did not happen: neither format can say so, so it is left out
/// unless `--all` is given.
#[test]
fn negated_events_are_left_out_unless_asked_for() {
    let dir = std::env::temp_dir().join(format!("rasd-export-neg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("neg.txt");
    std::fs::write(
        &file,
        "ونفت الحكومة التركية أنها قصفت مواقع الجيش السوري. وهاجمت القوات التركية مواقع الجيش السوري.\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
            .args(["export", "--format", "gdelt"])
            .args(extra)
            .arg(&file)
            .output()
            .expect("rasd runs");
        assert!(out.status.success());
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (rows, note) = run(&[]);
    let (all, _) = run(&["--all"]);
    assert_eq!(
        all.lines().count(),
        rows.lines().count() + 1,
        "{rows}\n--all:\n{all}"
    );
    assert!(note.contains("1 negated event(s) left out"), "{note}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An intergovernmental body: its code in Actor1Code, no country, IGO as its type and its
/// own code as its known group.
#[test]
fn gdelt_codes_an_international_body_as_gdelt_does() {
    let dir = std::env::temp_dir().join(format!("rasd-export-igo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("un.txt");
    std::fs::write(&file, "وطالبت الأمم المتحدة الحكومة السورية بوقف القصف.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["export", "--format", "gdelt"])
        .arg(&file)
        .output()
        .expect("rasd runs");
    let rows = String::from_utf8(out.stdout).unwrap();
    let row: Vec<&str> = rows
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|r| r[5] == "IGOUNO")
        .unwrap_or_else(|| panic!("an IGOUNO actor in {rows}"));
    assert_eq!((row[7], row[8], row[12]), ("", "UNO", "IGO"));
    assert_eq!((row[15], row[17], row[22]), ("SYRGOV", "SYR", "GOV"));
    std::fs::remove_dir_all(&dir).unwrap();
}
