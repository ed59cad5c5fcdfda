//! Bad input is normal input: every bad file gets an error naming it and the reason, every
//! good file is still analysed, and the exit status says something failed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rasd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

const GOOD: &str =
    "ترك برس\n\nقال وزير الخارجية الروسي سيرغي لافروف إن بلاده ستواصل العمل مع تركيا.\n";

fn jsonl(n: usize) -> String {
    (0..n)
        .map(|i| format!("{{\"id\": \"a{i}\", \"outlet\": \"test\", \"date\": \"2020-10-0{}\", \"text\": \"أعلنت وزارة الصحة المصرية تسجيل {i} حالة جديدة أمس في القاهرة.\"}}\n", i % 9 + 1))
        .collect()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .output()
        .expect("rasd runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn corrupt_inputs_are_reported_and_the_rest_goes_on() {
    let d = tmpdir("bad");
    write(&d, "01-good.txt", GOOD.as_bytes());
    write(&d, "02-good.jsonl.gz", &gz(jsonl(50).as_bytes()));
    let (cp1256, _, _) =
        encoding_rs::WINDOWS_1256.encode("قال الرئيس المصري إن بلاده مستعدة للحوار مع جميع الأطراف.");
    write(&d, "03-windows-1256.txt", &cp1256);
    write(
        &d,
        "04-invalid-utf8.txt",
        &[
            0x41, 0xC3, 0x28, 0xA0, 0xA1, 0xE9, 0xE8, 0xFF, 0xFE, 0x80, 0x81,
        ],
    );
    write(&d, "05-empty.txt", b"");
    write(
        &d,
        "06-binary.bin",
        &[
            0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0,
        ],
    );
    let z = gz(jsonl(3000).as_bytes());
    write(&d, "07-truncated.jsonl.gz", &z[..z.len() * 2 / 3]);
    let mut huge = Vec::with_capacity(50 << 20);
    while huge.len() < 50 << 20 {
        huge.extend_from_slice("كلمة ".as_bytes());
    }
    write(&d, "08-one-50MB-line.txt", &huge);
    write(
        &d,
        "09-bad-lines.jsonl",
        format!("{}{{broken\n{}", jsonl(2), jsonl(1)).as_bytes(),
    );

    let (code, stdout, stderr) = run(&["analyze", "--no-tokens", d.to_str().unwrap()]);
    assert_eq!(
        code, 1,
        "a failure must give a non-zero exit status\n{stderr}"
    );
    let recs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is a JSON record"))
        .collect();
    let from = |name: &str| {
        recs.iter()
            .filter(|r| r["origin"]["file"].as_str().unwrap().ends_with(name))
            .count()
    };
    assert_eq!(from("01-good.txt"), 1);
    assert_eq!(from("02-good.jsonl.gz"), 50);
    assert_eq!(from("03-windows-1256.txt"), 1);
    let w = recs
        .iter()
        .find(|r| {
            r["origin"]["file"]
                .as_str()
                .unwrap()
                .ends_with("03-windows-1256.txt")
        })
        .unwrap();
    assert_eq!(w["origin"]["encoding"], "windows-1256");
    assert!(w["text"].as_str().unwrap().starts_with("قال الرئيس المصري"));
    let truncated = from("07-truncated.jsonl.gz");
    assert!(
        truncated > 100 && truncated < 3000,
        "records before the cut are kept: {truncated}"
    );
    assert_eq!(from("09-bad-lines.jsonl"), 3);

    let err = |name: &str, reason: &str| {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("rasd: error: ") && l.contains(name) && l.contains(reason)),
            "no error «{reason}» for {name} in:\n{stderr}"
        );
    };
    err("04-invalid-utf8.txt", "invalid UTF-8");
    err("05-empty.txt", "empty input");
    err("06-binary.bin", "binary data");
    err(
        "07-truncated.jsonl.gz",
        "gzip stream is corrupt or truncated",
    );
    err("08-one-50MB-line.txt", "over the 8388608-byte limit");
    err("09-bad-lines.jsonl", "record 3: not valid JSON");
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("rasd: error: "))
            .count(),
        6,
        "{stderr}"
    );
    let summary = stderr.lines().last().unwrap();
    assert!(summary.contains("6 failed"), "{summary}");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn strict_stops_at_the_first_error() {
    let d = tmpdir("strict");
    write(&d, "a.txt", GOOD.as_bytes());
    write(&d, "b.txt", b"");
    write(&d, "c.txt", GOOD.as_bytes());
    let (code, stdout, stderr) = run(&["analyze", "--strict", "--no-tokens", d.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(stdout.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("stopped at the first error (--strict)"));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn stdin_and_formats() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["analyze", "--format", "text", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(GOOD.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("outlet: ترك برس"), "{text}");
    assert!(text.contains("سيرغي لافروف"), "{text}");
    // The summary says who did what to whom, codes first.
    assert!(text.contains("events (1):"), "{text}");
    assert!(
        text.lines().any(|l| l.contains("030")
            && l.contains("intent")
            && l.contains("RUSGOV")
            && l.contains("TURGOV")),
        "{text}"
    );
    let (code, _, stderr) = run(&["analyze", "/nonexistent/file.txt"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("/nonexistent/file.txt: cannot read"),
        "{stderr}"
    );
}

/// A reader that leaves early (`rasd demo | head`) ends rasd quietly: no panic, no error,
/// whichever report it was writing.
#[test]
fn a_reader_that_leaves_early_is_not_an_error() {
    let d = tmpdir("closed-pipe");
    let news = write(&d, "news.jsonl", jsonl(200).as_bytes());
    for args in [
        vec!["demo"],
        vec!["resources"],
        vec!["analyze", news.as_str()],
        vec!["dedup", news.as_str()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("rasd runs");
        // Closed before rasd writes anything, so every write meets a closed pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("rasd ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !stderr.contains("panicked") && !stderr.contains("error"),
            "rasd {}: {:?}\n{stderr}",
            args.join(" "),
            out.status
        );
    }
    std::fs::remove_dir_all(&d).unwrap();
}
