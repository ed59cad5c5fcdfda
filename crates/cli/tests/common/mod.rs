//! Helpers shared by the command-line tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs `rasd` with `args` and fails the test, with its error output, unless it succeeds.
pub fn rasd_ok(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "rasd {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A path under the shared data folder beside the checkout (`data/ner/…`), as text. A test
/// that needs it fails with this message when it is absent: it never passes silently.
pub fn shared(rel: &str) -> String {
    let p = format!("{}/../../../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
    assert!(
        std::path::Path::new(&p).exists(),
        "{p} is missing: this test reads the shared data beside the checkout"
    );
    p
}

/// An empty scratch folder of this test process.
pub fn scratch(name: &str) -> PathBuf {
    let base = std::env::temp_dir().join(format!("rasd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    base
}
