//! Main text and metadata from a news page.
//!
//! A small tag-soup scanner (news HTML is rarely well-formed) builds text blocks, each
//! remembering the chain of containers (div, article, section, td …) it sits in. Containers
//! are scored by the Arabic text of the paragraphs directly inside them, discounted by link
//! density (navigation and "related" lists are mostly links); the best container's
//! paragraphs are the article. Subtrees that are never article text (nav, header, footer,
//! aside, forms, and elements whose class or id says share/comment/related/ad …) are skipped.
//! Metadata comes from `<title>`, `<meta>` (Open Graph, article:*, name=author/date) and
//! JSON-LD (`headline`, `datePublished`, `author`, `publisher`).

use std::collections::HashMap;

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// Main-text paragraphs, in page order.
    pub paragraphs: Vec<String>,
}

impl Page {
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

// Not `form`: ASP.NET pages wrap the whole page, article included, in one.
const SKIP_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "button", "select", "noscript", "template", "svg",
    "iframe", "figure", "menu",
];
const RAW_TAGS: &[&str] = &["script", "style", "noscript", "template", "svg", "textarea"];
const CONTAINERS: &[&str] = &[
    "div", "article", "section", "main", "td", "body", "span", "font", "center",
];
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "tr",
    "br",
    "figcaption",
    "ul",
    "ol",
    "table",
    "div",
    "article",
    "section",
    "main",
    "td",
];
/// class/id fragments of page furniture.
const FURNITURE: &[&str] = &[
    "comment",
    "share",
    "social",
    "related",
    "sidebar",
    "footer",
    "header",
    "nav",
    "menu",
    "breadcrumb",
    "advert",
    "ads-",
    "-ads",
    "banner",
    "promo",
    "newsletter",
    "subscribe",
    "cookie",
    "popup",
    "widget",
    "tags",
    "toolbar",
    "login",
    "signup",
    "most-read",
    "mostread",
    "trending",
    "recommend",
    "outbrain",
    "taboola",
    "fb-",
    "twitter",
];

#[derive(Debug)]
struct Block {
    text: String,
    link_chars: usize,
    tag: &'static str,
    containers: Vec<u32>,
}

#[derive(Debug)]
struct Open {
    name: String,
    skip: bool,
    container: Option<u32>,
}

fn arabic_letters(s: &str) -> usize {
    s.chars()
        .filter(|&c| rasd_text::tokenize::is_arabic_letter(c))
        .count()
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let i = from + p;
        from = i + name.len();
        let before_ok = i == 0
            || !lower.as_bytes()[i - 1].is_ascii_alphanumeric()
                && lower.as_bytes()[i - 1] != b'-'
                && lower.as_bytes()[i - 1] != b':';
        let rest = attrs[i + name.len()..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let v = rest[1..].trim_start();
        let value = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        return Some(rasd_read::unescape(value));
    }
    None
}

fn is_furniture(attrs: &str) -> bool {
    let class = attr(attrs, "class")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let id = attr(attrs, "id").unwrap_or_default().to_ascii_lowercase();
    let role = attr(attrs, "role").unwrap_or_default();
    if matches!(
        role.as_str(),
        "navigation" | "banner" | "complementary" | "contentinfo"
    ) {
        return true;
    }
    [class, id].iter().any(|v| {
        FURNITURE.iter().any(|f| v.contains(f))
            && !v.contains("article-body")
            && !v.contains("content")
    })
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Extracts main text and metadata from one page.
pub fn extract(html: &str) -> Page {
    let mut page = Page::default();
    let mut meta: HashMap<String, String> = HashMap::new();
    let mut ld: Vec<String> = Vec::new();
    let mut title_tag = String::new();

    let mut blocks: Vec<Block> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut next_container = 0u32;
    let mut cur = String::new();
    let mut cur_links = 0usize;
    let mut in_link = 0usize;
    let mut in_title = false;
    let mut block_tag: &'static str = "div";

    let skipping = |stack: &[Open]| stack.iter().any(|o| o.skip);
    let chain = |stack: &[Open]| {
        stack
            .iter()
            .filter_map(|o| o.container)
            .collect::<Vec<u32>>()
    };

    let flush = |cur: &mut String,
                 cur_links: &mut usize,
                 tag: &'static str,
                 stack: &[Open],
                 blocks: &mut Vec<Block>| {
        let text = squash(&rasd_read::unescape(cur));
        if !text.is_empty() && !skipping(stack) {
            blocks.push(Block {
                text,
                link_chars: *cur_links,
                tag,
                containers: chain(stack),
            });
        }
        cur.clear();
        *cur_links = 0;
    };

    let bytes = html.as_bytes();
    let mut i = 0;
    while i < html.len() {
        if bytes[i] != b'<' {
            let end = html[i..].find('<').map(|p| i + p).unwrap_or(html.len());
            let chunk = &html[i..end];
            if in_title {
                title_tag.push_str(chunk);
            } else {
                cur.push_str(chunk);
                if in_link > 0 {
                    cur_links += chunk.trim().chars().count();
                }
            }
            i = end;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..]
                .find("-->")
                .map(|p| i + p + 3)
                .unwrap_or(html.len());
            continue;
        }
        let Some(close) = html[i..].find('>').map(|p| i + p) else {
            break;
        };
        let inner = &html[i + 1..close];
        i = close + 1;
        if inner.starts_with('!') || inner.starts_with('?') {
            continue;
        }
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let name_end = inner
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        let attrs = &inner[name_end..];
        let self_closing = attrs.trim_end().ends_with('/');

        if !closing && RAW_TAGS.contains(&name.as_str()) {
            let end_tag = format!("</{name}");
            let lower_rest = html[i..].to_ascii_lowercase();
            let end = lower_rest
                .find(&end_tag)
                .map(|p| i + p)
                .unwrap_or(html.len());
            if name == "script" && attr(attrs, "type").is_some_and(|t| t.contains("ld+json")) {
                ld.push(html[i..end].to_string());
            }
            i = html[end..]
                .find('>')
                .map(|p| end + p + 1)
                .unwrap_or(html.len());
            continue;
        }
        match name.as_str() {
            "title" if !closing => in_title = true,
            "title" => in_title = false,
            "meta" => {
                let key = attr(attrs, "property")
                    .or_else(|| attr(attrs, "name"))
                    .or_else(|| attr(attrs, "itemprop"));
                if let (Some(k), Some(v)) = (key, attr(attrs, "content")) {
                    meta.entry(k.to_ascii_lowercase()).or_insert(v);
                }
                continue;
            }
            "link" => {
                if attr(attrs, "rel").as_deref() == Some("canonical") {
                    if let Some(h) = attr(attrs, "href") {
                        meta.entry("canonical".into()).or_insert(h);
                    }
                }
                continue;
            }
            "a" if !closing => in_link += 1,
            "a" => in_link = in_link.saturating_sub(1),
            _ => {}
        }
        if let Some(&b) = BLOCKS.iter().find(|b| **b == name) {
            flush(&mut cur, &mut cur_links, block_tag, &stack, &mut blocks);
            if !closing {
                block_tag = b;
                // An anchor left open earlier (tag soup) must not make every later paragraph
                // look like a link.
                if b == "p" {
                    in_link = 0;
                }
            }
        }
        if name == "br"
            || name == "img"
            || name == "hr"
            || name == "input"
            || name == "meta"
            || self_closing
        {
            continue;
        }
        if closing {
            if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                stack.truncate(pos);
            }
        } else {
            let skip = SKIP_TAGS.contains(&name.as_str()) || is_furniture(attrs);
            let container = CONTAINERS.contains(&name.as_str()).then(|| {
                next_container += 1;
                next_container
            });
            stack.push(Open {
                name,
                skip,
                container,
            });
        }
    }
    flush(&mut cur, &mut cur_links, block_tag, &stack, &mut blocks);

    // Score containers by the paragraph text directly in them (half to the parent).
    let mut score: HashMap<u32, f64> = HashMap::new();
    for b in &blocks {
        let letters = arabic_letters(&b.text);
        if letters < 25
            || !matches!(
                b.tag,
                "p" | "div" | "td" | "blockquote" | "pre" | "article" | "section"
            )
        {
            continue;
        }
        let density = b.link_chars as f64 / b.text.chars().count().max(1) as f64;
        let value = letters as f64 * (1.0 - density).max(0.0);
        if let Some(&c) = b.containers.last() {
            *score.entry(c).or_default() += value;
        }
        if b.containers.len() >= 2 {
            *score
                .entry(b.containers[b.containers.len() - 2])
                .or_default() += value / 2.0;
        }
    }
    let best = score
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(&c, &s)| (c, s));

    if let Some((best, best_score)) = best {
        for b in &blocks {
            let Some(pos) = b.containers.iter().position(|&c| c == best) else {
                continue;
            };
            // Text nested deeper than the chosen container counts only when its own
            // container is itself a strong one (a sub-div of the article body), not a notice.
            if pos + 1 < b.containers.len() {
                let own = b
                    .containers
                    .last()
                    .and_then(|c| score.get(c))
                    .copied()
                    .unwrap_or(0.0);
                if own < best_score * 0.3 {
                    continue;
                }
            }
            let density = b.link_chars as f64 / b.text.chars().count().max(1) as f64;
            if density > 0.5 || arabic_letters(&b.text) == 0 || b.tag.starts_with('h') {
                continue;
            }
            page.paragraphs.push(b.text.clone());
        }
    }

    let m = |k: &str| meta.get(k).map(|v| squash(v)).filter(|v| !v.is_empty());
    let mut ld_fields: HashMap<&str, String> = HashMap::new();
    for raw in &ld {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
            ld_walk(&v, &mut ld_fields);
        }
    }
    page.title = m("og:title")
        .or_else(|| ld_fields.get("headline").cloned())
        .or_else(|| Some(squash(&rasd_read::unescape(&title_tag))).filter(|t| !t.is_empty()));
    page.site_name = m("og:site_name").or_else(|| ld_fields.get("publisher").cloned());
    page.author = m("author")
        .or_else(|| m("article:author"))
        .or_else(|| ld_fields.get("author").cloned())
        .filter(|a| !a.starts_with("http"));
    page.date = m("article:published_time")
        .or_else(|| ld_fields.get("datePublished").cloned())
        .or_else(|| m("date"))
        .or_else(|| m("pubdate"))
        .or_else(|| m("datepublished"))
        .or_else(|| m("dc.date"));
    page.url = m("og:url").or_else(|| m("canonical"));
    page
}

/// The site a page came from, as its address names it: «https://www.aljazeera.net/news/…» →
/// «aljazeera.net». The outlet of last resort, for a crawled page whose markup names none
/// (GDELT names its sources the same way). `www.`, `m.` and `amp.` are the same site.
pub fn site_of_url(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_end_matches('.').to_lowercase();
    let mut site = host.as_str();
    while let Some(rest) = ["www.", "m.", "amp."]
        .iter()
        .find_map(|p| site.strip_prefix(p))
    {
        site = rest;
    }
    // A name, not an address: «localhost» or «10.0.0.1» names no outlet.
    let named = site.contains('.')
        && site
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.chars().any(|c| !c.is_ascii_digit()))
        && site
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    named.then(|| site.to_string())
}

fn ld_walk(v: &serde_json::Value, out: &mut HashMap<&str, String>) {
    use serde_json::Value;
    match v {
        Value::Array(a) => a.iter().for_each(|x| ld_walk(x, out)),
        Value::Object(o) => {
            for (k, key) in [("headline", "headline"), ("datePublished", "datePublished")] {
                if let Some(Value::String(s)) = o.get(k) {
                    out.entry(key).or_insert_with(|| s.clone());
                }
            }
            for (k, key) in [("author", "author"), ("publisher", "publisher")] {
                let name = match o.get(k) {
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(Value::Object(p)) => {
                        p.get("name").and_then(Value::as_str).map(str::to_string)
                    }
                    Some(Value::Array(a)) => a
                        .first()
                        .and_then(|p| p.get("name"))
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    _ => None,
                };
                if let Some(n) = name {
                    out.entry(key).or_insert(n);
                }
            }
            if let Some(g) = o.get("@graph") {
                ld_walk(g, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_article_paragraphs_and_metadata() {
        let html = r##"<html><head><title>عنوان | الموقع</title>
<meta property="og:site_name" content="الموقع"><meta property="article:published_time" content="2020-10-01T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان الخبر","author":{"name":"أحمد علي"}}</script>
<style>p{}</style></head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/x">أخبار العالم والسياسة والاقتصاد</a></li></ul></nav>
<div class="content"><h1>عنوان الخبر</h1>
<p>قال وزير الخارجية إن بلاده ستواصل العمل مع شركائها من أجل حل الأزمة في المنطقة.</p>
<p>وأضاف أن المفاوضات &quot;مستمرة&quot; وأن الحل السياسي هو الخيار الوحيد المتاح أمام الجميع.</p>
<div class="share-buttons"><a href="#">شارك على فيسبوك وتويتر وواتساب الآن مع أصدقائك</a></div>
</div>
<div class="related"><p><a href="/1">خبر آخر طويل العنوان عن موضوع مختلف تماما في بلد آخر</a></p></div>
<footer><p>جميع الحقوق محفوظة لموقع الأخبار العربية الأول في المنطقة والعالم</p></footer>
</body></html>"##;
        let p = extract(html);
        assert_eq!(p.paragraphs.len(), 2, "{:?}", p.paragraphs);
        assert!(p.paragraphs[1].contains("\"مستمرة\""));
        assert_eq!(p.title.as_deref(), Some("عنوان الخبر"));
        assert_eq!(p.site_name.as_deref(), Some("الموقع"));
        assert_eq!(p.author.as_deref(), Some("أحمد علي"));
        assert_eq!(p.date.as_deref(), Some("2020-10-01T10:00:00Z"));
    }

    #[test]
    fn the_site_of_an_address_is_its_host_without_www() {
        for (url, site) in [
            (
                "https://www.aljazeera.net/news/2020/10/4/x",
                Some("aljazeera.net"),
            ),
            ("http://M.Youm7.com:8080/story?id=1", Some("youm7.com")),
            ("https://user@arabic.rt.com#top", Some("arabic.rt.com")),
            ("https://www.bbc.com", Some("bbc.com")),
            ("https://10.0.0.1/a", None),
            ("http://localhost/a", None),
            ("ftp://example.com/a", None),
            ("not an address", None),
        ] {
            assert_eq!(site_of_url(url).as_deref(), site, "{url}");
        }
    }
}
