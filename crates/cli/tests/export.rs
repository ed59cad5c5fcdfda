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
    assert_eq!(appeal[29], "1");
    assert_eq!(appeal[30], "3.0");
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
