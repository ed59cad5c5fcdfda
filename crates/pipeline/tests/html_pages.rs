//! Main-text extraction on the real news pages in ../shared/data/html, scored as the peers'
//! extract_peer.py scores trafilatura: precision and recall over bags of words.

mod common;

use std::collections::HashMap;

use common::*;
use rasd_read::{read_path, ReadOptions};

fn words(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    let folded: String = text
        .chars()
        .filter(|c| !rasd_text::normalize::is_ignorable(*c))
        .flat_map(char::to_lowercase)
        .collect();
    for w in folded
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    m
}

fn prf(got: &str, expected: &str) -> (f64, f64) {
    let (g, e) = (words(got), words(expected));
    let common: usize = g
        .iter()
        .map(|(w, n)| (*n).min(*e.get(w).unwrap_or(&0)))
        .sum();
    (
        common as f64 / g.values().sum::<usize>().max(1) as f64,
        common as f64 / e.values().sum::<usize>().max(1) as f64,
    )
}

fn analyze_page(rel: &str) -> rasd_doc::Record {
    let path = shared(rel);
    let mut out = None;
    read_path(
        &path.display().to_string(),
        &ReadOptions::default(),
        &mut |r| out = Some(r.expect("page is readable")),
    );
    pipeline().analyze(&out.expect("one article"))
}

#[test]
fn cnn_arabic_2013() {
    let r = analyze_page("data/html/newspaper4k_arabic_article.html");
    let expected =
        std::fs::read_to_string(shared("data/html/newspaper4k_arabic_article.expected.txt"))
            .unwrap();
    let (p, rc) = prf(&r.text, &expected);
    assert!(p >= 0.95 && rc >= 0.95, "P={p:.3} R={rc:.3}");
    // The comment-policy notice under the article is not article text.
    assert!(!r.text.contains("ترحب شبكة CNN بالنقاش"));
    assert_eq!(
        r.title.as_deref(),
        Some("معارضون يسيطرون على مخازن للصواريخ بريف دمشق")
    );
    assert!(r.entities.iter().any(|e| e.canonical == "بشار الأسد"));
}

#[test]
fn lbc_2026() {
    let r = analyze_page("data/html/fundus_lb_LBCGroup_2026_01_08.html.gz");
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared("data/html/fundus_lb_LBCGroup.json")).unwrap(),
    )
    .unwrap();
    let expected: Vec<String> = json["V1"]["body"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap().to_string())
        })
        .collect();
    let (p, rc) = prf(&r.text, &expected.join("\n"));
    assert!(p >= 0.95 && rc >= 0.95, "P={p:.3} R={rc:.3}");
    assert_eq!(r.date.as_deref(), Some("2026-01-08T11:42:50+00:00"));
    assert!(r
        .title
        .as_deref()
        .is_some_and(|t| t.contains("دونالد ترامب")));
    assert!(r
        .entities
        .iter()
        .any(|e| e.canonical == "دونالد ترامب" && e.country.as_deref() == Some("USA")));
}

/// A crawled page whose markup names no site, as many a WARC record is: its outlet is the
/// site its address names, so that a crawl's articles can still be counted by outlet.
#[test]
fn a_page_without_a_site_name_takes_its_address_s_site() {
    let page = "<html><head><title>خبر</title></head><body><article><p>قال وزير الخارجية \
                الروسي سيرغي لافروف إن بلاده ستواصل العمل مع تركيا من أجل وقف إطلاق النار.</p>\
                </article></body></html>";
    let mut a = rasd_read::Article::text("crawl.warc", String::new());
    a.body = rasd_read::Body::Html(page.to_string());
    a.url = Some("https://www.aljazeera.net/news/2020/10/4/lavrov".into());
    assert_eq!(
        pipeline().analyze(&a).outlet.as_deref(),
        Some("aljazeera.net")
    );
    let named = page.replace(
        "<title>",
        "<meta property=\"og:site_name\" content=\"الجزيرة نت\"><title>",
    );
    a.body = rasd_read::Body::Html(named);
    assert_eq!(pipeline().analyze(&a).outlet.as_deref(), Some("الجزيرة نت"));
}
