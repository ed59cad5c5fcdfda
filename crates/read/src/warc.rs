//! WARC files (web archives such as Common Crawl's CC-NEWS): every `response` record whose
//! HTTP payload is HTML becomes an article, with the target URI and the capture date. Other
//! records (requests, metadata, images …) are counted and reported, not silently dropped.

use std::io::{BufRead, Read};

use crate::{Article, Body, ReadError, ReadOptions};

fn header<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    block.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// The body of an HTTP response as transmitted: de-chunked and gunzipped when it says so.
fn http_body(payload: &[u8]) -> Result<(String, Vec<u8>), String> {
    let split = payload
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| {
            payload
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, 2))
        });
    let Some((p, n)) = split else {
        return Err("HTTP response without a header/body boundary".into());
    };
    let head = String::from_utf8_lossy(&payload[..p]).into_owned();
    let mut body = payload[p + n..].to_vec();
    if header(&head, "Transfer-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        let mut out = Vec::with_capacity(body.len());
        let mut rest = &body[..];
        while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
            let size = usize::from_str_radix(
                String::from_utf8_lossy(&rest[..eol])
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim(),
                16,
            )
            .map_err(|_| "bad chunk size in chunked HTTP body".to_string())?;
            rest = &rest[eol + 2..];
            if size == 0 || size > rest.len() {
                break;
            }
            out.extend_from_slice(&rest[..size]);
            rest = rest.get(size + 2..).unwrap_or(&[]);
        }
        body = out;
    }
    if header(&head, "Content-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("gzip")) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&body[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("gzip-encoded HTTP body: {e}"))?;
        body = out;
    }
    Ok((head, body))
}

pub(crate) fn read(
    name: &str,
    r: &mut dyn BufRead,
    gz: bool,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, ReadError>),
) -> u64 {
    let (mut n, mut items, mut skipped) = (0u64, 0u64, 0u64);
    let mut line = String::new();
    loop {
        // The version line, after any blank lines between records.
        line.clear();
        match r.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) if line.trim().is_empty() => continue,
            Ok(_) => {}
            Err(e) => {
                sink(Err(crate::stream_error(name, gz, n, e)));
                return items + 1;
            }
        }
        n += 1;
        if !line.starts_with("WARC/") {
            sink(Err(ReadError::Bad {
                file: name.to_string(),
                record: Some(n),
                reason: format!(
                    "expected a WARC version line, found «{}»",
                    line.trim().chars().take(40).collect::<String>()
                ),
            }));
            return items + 1;
        }
        let mut head = String::new();
        loop {
            line.clear();
            match r.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) if line.trim().is_empty() => break,
                Ok(_) => head.push_str(&line),
                Err(e) => {
                    sink(Err(crate::stream_error(name, gz, n, e)));
                    return items + 1;
                }
            }
        }
        let Some(len) = header(&head, "Content-Length").and_then(|v| v.parse::<usize>().ok())
        else {
            sink(Err(ReadError::Bad {
                file: name.to_string(),
                record: Some(n),
                reason: "WARC record without a Content-Length".into(),
            }));
            return items + 1;
        };
        let mut block = vec![0u8; len.min(opts.max_article_bytes.saturating_mul(4))];
        if let Err(e) = r.read_exact(&mut block) {
            sink(Err(ReadError::Bad {
                file: name.to_string(),
                record: Some(n),
                reason: format!(
                    "truncated WARC record: {len} bytes announced, the file ends first ({e})"
                ),
            }));
            return items + 1;
        }
        if len > block.len() {
            // Too large to keep: skip the rest of the block and report it.
            let _ = std::io::copy(
                &mut r.take((len - block.len()) as u64),
                &mut std::io::sink(),
            );
            items += 1;
            sink(Err(ReadError::TooLarge {
                file: name.to_string(),
                record: Some(n),
                size: len,
                limit: opts.max_article_bytes,
            }));
            continue;
        }
        let is_response =
            header(&head, "WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        if !is_response {
            skipped += 1;
            continue;
        }
        let (http, body) = match http_body(&block) {
            Ok(x) => x,
            Err(reason) => {
                items += 1;
                sink(Err(ReadError::Bad {
                    file: name.to_string(),
                    record: Some(n),
                    reason,
                }));
                continue;
            }
        };
        if !header(&http, "Content-Type").is_some_and(|t| t.to_ascii_lowercase().contains("html")) {
            skipped += 1;
            continue;
        }
        items += 1;
        match crate::decode(&body) {
            Ok(d) => {
                let mut a = Article::text(name, String::new());
                a.body = Body::Html(d.text);
                a.url = header(&head, "WARC-Target-URI").map(str::to_string);
                a.date = header(&head, "WARC-Date").map(str::to_string);
                a.id =
                    header(&head, "WARC-Record-ID").map(|s| s.trim_matches(['<', '>']).to_string());
                a.record = Some(n);
                a.encoding = d.encoding;
                sink(Ok(a));
            }
            Err(reason) => sink(Err(ReadError::Bad {
                file: name.to_string(),
                record: Some(n),
                reason,
            })),
        }
    }
    if skipped > 0 {
        items += 1;
        sink(Err(ReadError::Skipped {
            file: name.to_string(),
            count: skipped,
            what: "WARC records that are not HTML responses".into(),
        }));
    }
    items
}
