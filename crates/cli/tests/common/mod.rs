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

/// An empty scratch folder of this test process.
pub fn scratch(name: &str) -> PathBuf {
    let base = std::env::temp_dir().join(format!("rasd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    base
}
