use super::*;
use std::io::Write;

fn read_bytes(bytes: Vec<u8>) -> Vec<Result<Article, ReadError>> {
    read_bytes_opts(bytes, &ReadOptions::default())
}

fn read_bytes_opts(bytes: Vec<u8>, opts: &ReadOptions) -> Vec<Result<Article, ReadError>> {
    let mut out = Vec::new();
    read_stream(
        "in",
        Box::new(std::io::Cursor::new(bytes)),
        opts,
        &mut |r| out.push(r),
    );
    out
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

const JSONL: &str = concat!(
    r#"{"id": "a1", "outlet": "x", "title": "عنوان", "date": "2020-10-01", "text": "قال الرئيس."}"#,
    "\n",
    "not json\n",
    "\n",
    r#"{"id": 7, "text": ""}"#,
    "\n",
    r#"{"id": "a3", "html": "<p>نص</p>"}"#,
    "\n",
);

/// A line that is no record says why: not JSON, JSON of another kind, or a field of the wrong
/// type.
#[test]
fn jsonl_says_why_a_line_is_no_record() {
    let out = read_bytes(
        concat!("{\"text\": 5}\n", "[1, 2]\n", "{\"text\": \"\\ud800 x\"}\n",)
            .as_bytes()
            .to_vec(),
    );
    let errs: Vec<String> = out
        .iter()
        .map(|r| {
            r.as_ref()
                .map(|_| String::new())
                .unwrap_or_else(|e| e.to_string())
        })
        .collect();
    assert!(
        errs[0].contains("record 1: a field has the wrong type"),
        "{errs:?}"
    );
    assert!(
        errs[1].contains("record 2: not a JSON object but an array"),
        "{errs:?}"
    );
    assert!(errs[2].contains("record 3: not valid JSON"), "{errs:?}");
}

#[test]
fn jsonl_good_and_bad_records() {
    let out = read_bytes(JSONL.as_bytes().to_vec());
    assert_eq!(out.len(), 4);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.id.as_deref(), Some("a1"));
    assert_eq!(a.record, Some(1));
    assert_eq!(a.body, Body::Text("قال الرئيس.".into()));
    let e = out[1].as_ref().unwrap_err().to_string();
    assert!(e.starts_with("in, record 2: not valid JSON"), "{e}");
    let e = out[2].as_ref().unwrap_err().to_string();
    assert!(
        e.contains("record 4") && e.contains("no article text"),
        "{e}"
    );
    assert_eq!(
        out[3].as_ref().unwrap().body,
        Body::Html("<p>نص</p>".into())
    );
}

#[test]
fn jsonl_headlines_lose_their_page_escapes() {
    let line = r#"{"title": "توزيع &#8220;موسوعة خطب الجمعة&#8221; في &#39;سيناء&#39; &amp; جدة", "author": "الوئام &#8211; متابعات", "text": "نص &#8220;كما هو&#8221;"}"#;
    let out = read_bytes(line.as_bytes().to_vec());
    let a = out[0].as_ref().unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("توزيع “موسوعة خطب الجمعة” في 'سيناء' & جدة")
    );
    assert_eq!(a.author.as_deref(), Some("الوئام – متابعات"));
    // The body is the body as given: escapes in it are the outlet's text.
    assert_eq!(a.body, Body::Text("نص &#8220;كما هو&#8221;".into()));
}

#[test]
fn gzip_and_truncated_gzip() {
    let full = gz(JSONL.as_bytes());
    assert_eq!(
        read_bytes(full.clone())
            .iter()
            .filter(|r| r.is_ok())
            .count(),
        2
    );
    // Many records so that the cut falls well after the first ones.
    let mut many = String::new();
    for i in 0..2000 {
        many.push_str(&format!(
            "{{\"id\": \"{i}\", \"text\": \"نص المقال رقم {i} وما فيه من كلام مختلف {}\"}}\n",
            i * 7919 % 1000
        ));
    }
    let z = gz(many.as_bytes());
    let cut = z[..z.len() / 2].to_vec();
    let out = read_bytes(cut);
    let ok = out.iter().filter(|r| r.is_ok()).count();
    assert!(ok > 100 && ok < 2000, "{ok}");
    let last = out.last().unwrap().as_ref().unwrap_err().to_string();
    assert!(
        last.contains("gzip stream is corrupt or truncated after"),
        "{last}"
    );
}

#[test]
fn trec_documents() {
    let x = "<DOC>\n<DOCNO>AL-1</DOCNO>\n<SRC>alarabia</SRC>\n<TITLE>عنوان &amp; آخر</TITLE>\n<TEXT>\nنص أول\n</TEXT>\n</DOC>\n<DOC>\n<DOCNO>AL-2</DOCNO>\n</DOC>\n<DOC><DOCNO>AL-3</DOCNO><TEXT>نص";
    let out = read_bytes(x.as_bytes().to_vec());
    assert_eq!(out.len(), 3);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("عنوان & آخر"));
    assert_eq!(a.body, Body::Text("نص أول".into()));
    assert!(out[1]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("record 2: document has no <TEXT>"));
    assert!(out[2]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("truncated"));
}

#[test]
fn whole_file_formats() {
    let out = read_bytes(b"<!DOCTYPE html><html><body><p>x</p></body></html>".to_vec());
    assert!(matches!(out[0].as_ref().unwrap().body, Body::Html(_)));
    let out = read_bytes("ترك برس\n\nنص".as_bytes().to_vec());
    assert_eq!(
        out[0].as_ref().unwrap().body,
        Body::Text("ترك برس\n\nنص".into())
    );
    let out = read_bytes(Vec::new());
    assert_eq!(out[0].as_ref().unwrap_err().to_string(), "in: empty input");
    let out = read_bytes(b"  \n\t ".to_vec());
    assert_eq!(out[0].as_ref().unwrap_err().to_string(), "in: empty input");
}

#[test]
fn oversized_input_is_refused_not_loaded() {
    let opts = ReadOptions {
        max_article_bytes: 1000,
    };
    let out = read_bytes_opts(vec![b'a'; 5000], &opts);
    let e = out[0].as_ref().unwrap_err().to_string();
    assert!(e.contains("5000 bytes, over the 1000-byte limit"), "{e}");
    let line = format!(
        "{{\"text\": \"{}\"}}\n{{\"text\": \"قصير\"}}\n",
        "ب".repeat(2000)
    );
    let out = read_bytes_opts(line.into_bytes(), &opts);
    assert!(out[0].is_err());
    assert!(out[1].is_ok());
}

#[test]
fn tsv_collections() {
    let mut out = Vec::new();
    let data = "p1\tعنوان\tنص الفقرة الأولى\np2\tنص بلا عنوان\nbroken\n";
    read_stream(
        "c.tsv",
        Box::new(std::io::Cursor::new(data.as_bytes().to_vec())),
        &ReadOptions::default(),
        &mut |r| out.push(r),
    );
    let a = out[0].as_ref().unwrap();
    assert_eq!(
        (a.id.as_deref(), a.title.as_deref()),
        (Some("p1"), Some("عنوان"))
    );
    assert_eq!(out[1].as_ref().unwrap().title, None);
    assert!(out[2]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("c.tsv, record 3: expected id<TAB>title<TAB>text"));
}

fn warc_record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
    let mut r = format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2020-10-08T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Length: {}\r\n\r\n", payload.len()).into_bytes();
    r.extend_from_slice(payload);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn warc_html_responses() {
    let html = "<html><body><p>قال وزير الخارجية إن المفاوضات مستمرة بين الطرفين منذ أشهر.</p></body></html>";
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let chunked = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{html}\r\n0\r\n\r\n", html.len());
    let records = [
        warc_record("warcinfo", "info", b"software: test"),
        warc_record("response", "http://a.example/1", http.as_bytes()),
        warc_record(
            "response",
            "http://a.example/img",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8",
        ),
        warc_record("response", "http://a.example/2", chunked.as_bytes()),
    ];
    let data: Vec<u8> = records.concat();
    // Each record its own gzip member, as CC-NEWS files are.
    let z: Vec<u8> = records.iter().flat_map(|r| gz(r)).collect();
    let out = read_bytes(z);
    let arts: Vec<&Article> = out.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0].url.as_deref(), Some("http://a.example/1"));
    assert_eq!(arts[0].date.as_deref(), Some("2020-10-08T12:00:00Z"));
    assert!(matches!(&arts[1].body, Body::Html(h) if h.contains("المفاوضات")));
    let notes: Vec<String> = out
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        notes,
        vec!["in: skipped 2 WARC records that are not HTML responses".to_string()]
    );
    // Cut inside the second response: the first is kept, the cut reported.
    let cut = data[..data.len() - 60].to_vec();
    let out = read_bytes(cut);
    assert!(out.iter().any(|r| r
        .as_ref()
        .is_err_and(|e| e.to_string().contains("truncated WARC record"))));
    assert_eq!(out.iter().filter(|r| r.is_ok()).count(), 1);
}
