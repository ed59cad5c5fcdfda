//! Cleaning: from an article's raw body to its clean text and head metadata.
//!
//! - HTML pages → main text and `<meta>`/JSON-LD metadata ([`html`]).
//! - Boilerplate lines (share prompts, app notices, copyright, contact footers) are removed
//!   and listed with the rule that removed them, so an analyst can audit every cut.
//! - A leading byline or agency line («ترك برس», «القاهرة - أحمد الريدي», «عين اليوم –
//!   متابعات») and an inline dateline («القاهرة (رويترز) -») become metadata.
//!
//! All phrase knowledge comes from `resources/` (boilerplate.tsv, bylines.tsv, the media and
//! city gazetteers).

pub mod html;

use std::collections::HashMap;

use rasd_resources::{BoilerplateKind, EntityType, Resources};
use rasd_text::fold;

/// A line removed from the body and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    pub text: String,
    pub reason: String,
}

/// The result of cleaning one body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Paragraphs separated by a blank line.
    pub text: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub dateline: Option<String>,
    pub agency: Option<String>,
    pub removed: Vec<Cut>,
}

/// Words at most for a `prefix`/`short` boilerplate rule to apply to a line.
const SHORT_LINE_WORDS: usize = 15;

pub struct Cleaner {
    rules: Vec<(BoilerplateKind, String, String)>,
    /// Folded names of media that sign articles, and cities, for byline reading.
    byline_media: HashMap<String, String>,
    media: HashMap<String, String>,
    cities: HashMap<String, String>,
    media_words: Vec<String>,
    generic: Vec<String>,
}

/// Folded, punctuation-free form of a line, words separated by one space.
fn key(line: &str) -> String {
    let f = fold(line);
    let mut out = String::with_capacity(f.len());
    // Arabic letters first: the Unicode tables are for everything else.
    let word = |c: char| {
        rasd_text::tokenize::is_arabic_letter(c)
            || c.is_ascii_alphanumeric()
            || (!c.is_ascii() && c.is_alphanumeric())
    };
    for w in f.split(|c: char| !word(c)).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn has_arabic(s: &str) -> bool {
    s.chars().any(rasd_text::tokenize::is_arabic_letter)
}

/// The separators newswire puts between the parts of a byline: hyphen, en and em dash, and a
/// free-standing tatweel («محمود وهبي ـ جدة»).
fn split_byline(line: &str) -> Option<(&str, &str)> {
    for sep in [" – ", " — ", " - ", " ـ ", "- ", " -", "–", "—"] {
        if let Some(p) = line.find(sep) {
            let (a, b) = (line[..p].trim(), line[p + sep.len()..].trim());
            if !a.is_empty() && !b.is_empty() {
                return Some((a, b));
            }
        }
    }
    None
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

impl Cleaner {
    pub fn new(res: &Resources) -> Self {
        let mut byline_media = HashMap::new();
        let mut media = HashMap::new();
        let mut cities = HashMap::new();
        for e in &res.entities {
            for a in &e.aliases {
                let k = key(a);
                match e.kind {
                    EntityType::Media => {
                        if e.attrs.get("byline").map(String::as_str) == Some("yes") {
                            byline_media.insert(k.clone(), e.canonical.clone());
                        }
                        media.insert(k, e.canonical.clone());
                    }
                    EntityType::Gpe | EntityType::Loc => {
                        cities.insert(k, e.canonical.clone());
                    }
                    _ => {}
                }
            }
        }
        Cleaner {
            rules: res
                .boilerplate
                .iter()
                .map(|r| (r.kind, key(&r.folded), r.raw.clone()))
                .collect(),
            byline_media,
            media,
            cities,
            media_words: res.media_words.iter().cloned().collect(),
            generic: res.generic_sources.iter().cloned().collect(),
        }
    }

    fn boilerplate(&self, k: &str) -> Option<&str> {
        let short = words(k) <= SHORT_LINE_WORDS;
        for (kind, pat, raw) in &self.rules {
            let hit = match kind {
                BoilerplateKind::Line => k == pat,
                BoilerplateKind::Prefix => short && k.starts_with(pat.as_str()),
                BoilerplateKind::ShortContains => short && k.contains(pat.as_str()),
                BoilerplateKind::Contains => k.contains(pat.as_str()),
                // Read on the last line alone, after every line is read ([`Cleaner::footer`]).
                BoilerplateKind::Last | BoilerplateKind::Tail => false,
            };
            if hit {
                return Some(raw);
            }
        }
        None
    }

    /// Where a footer begins in the article's last line, and the rule that says so: the
    /// whole line for a `last` rule, the phrase of a `tail` rule and what follows it — a few
    /// words, or however many when they end with the headline (`title_key`), as a link
    /// footer names its article.
    fn footer(&self, line: &str, title_key: Option<&str>) -> Option<(usize, &str)> {
        let opens = |k: &str, pat: &str| {
            k.strip_prefix(pat)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        };
        let k = key(line);
        for (kind, pat, raw) in &self.rules {
            if *kind == BoilerplateKind::Last && words(&k) <= SHORT_LINE_WORDS && opens(&k, pat) {
                return Some((0, raw));
            }
        }
        for (kind, pat, raw) in &self.rules {
            if *kind != BoilerplateKind::Tail || !k.contains(pat.as_str()) {
                continue;
            }
            let mut starts = Vec::new();
            let mut after_space = true;
            for (i, c) in line.char_indices() {
                if !c.is_whitespace() && after_space {
                    starts.push(i);
                }
                after_space = c.is_whitespace();
            }
            let most = words(pat) + SHORT_LINE_WORDS;
            let names_title =
                |rest: &str| title_key.is_some_and(|t| !t.is_empty() && rest.ends_with(t));
            let first_word = pat.split(' ').next().unwrap_or("");
            // The earliest place the phrase stands with few enough words after it. The rest
            // of the line is read only where its first word is the phrase's.
            for &p in &starts {
                let word = line[p..].split(char::is_whitespace).next().unwrap_or("");
                if !key(word).starts_with(first_word) {
                    continue;
                }
                let rest = key(&line[p..]);
                if opens(&rest, pat) && (words(&rest) <= most || names_title(&rest)) {
                    return Some((p, raw));
                }
            }
        }
        None
    }

    fn is_media_name(&self, k: &str) -> bool {
        self.media.contains_key(k)
            || k.split(' ')
                .any(|w| self.media_words.iter().any(|m| m == w))
    }

    /// Reads a first line as a byline; `None` when it is not one.
    fn byline(&self, line: &str) -> Option<Byline> {
        // Navigation debris glued before the byline («Next Previous عين اليوم – واس»).
        let line = line.trim_start_matches(|c: char| c.is_ascii()).trim();
        if words(line) > 7 || line.ends_with(['.', ':', '؟', '!']) {
            return None;
        }
        let k = key(line);
        if k.is_empty() {
            return None;
        }
        let mut b = Byline::default();
        if let Some(name) = self.byline_media.get(&k) {
            b.outlet = Some(name.clone());
            return Some(b);
        }
        if words(line) <= 3 && self.is_media_name(&k) && !k.chars().any(|c| c.is_ascii_digit()) {
            b.outlet = Some(line.to_string());
            return Some(b);
        }
        let (x, y) = split_byline(line)?;
        let mut unknown = Vec::new();
        for part in [x, y] {
            let pk = key(part);
            if self.generic.contains(&pk) {
                continue;
            }
            if let Some(c) = self.cities.get(&pk) {
                b.dateline = Some(c.clone());
            } else if self.byline_media.contains_key(&pk) || self.is_media_name(&pk) {
                b.outlet = Some(
                    self.media
                        .get(&pk)
                        .cloned()
                        .unwrap_or_else(|| part.to_string()),
                );
            } else {
                unknown.push(part);
            }
        }
        // At most one part may be unknown, and then it is the author's name.
        match unknown.as_slice() {
            [] => {}
            [name] if words(name) <= 4 && has_arabic(name) => b.author = Some(name.to_string()),
            _ => return None,
        }
        Some(b)
    }

    /// Strips an inline dateline/agency prefix from the first paragraph: «القاهرة (رويترز) -
    /// قال …», «(رويترز) - …», «بيروت - أ ف ب: …». Returns the rest of the paragraph.
    fn inline_dateline<'a>(&self, para: &'a str, out: &mut Cleaned) -> &'a str {
        let head_end = para
            .char_indices()
            .nth(60)
            .map(|(i, _)| i)
            .unwrap_or(para.len());
        let head = &para[..head_end];
        let Some(dash) = head.find(['-', '–', '—', ':']) else {
            return para;
        };
        let prefix = head[..dash].trim();
        if prefix.is_empty() || words(prefix) > 5 {
            return para;
        }
        let (place, agency) = match (prefix.find('('), prefix.find(')')) {
            (Some(a), Some(b)) if a < b => (prefix[..a].trim(), Some(prefix[a + 1..b].trim())),
            _ => (prefix, None),
        };
        let place_known = place.is_empty() || self.cities.contains_key(&key(place));
        let agency_name = agency.and_then(|a| self.media.get(&key(a)).cloned());
        let lone_agency = agency.is_none() && self.byline_media.contains_key(&key(place));
        if !(place_known && (agency_name.is_some() || (agency.is_none() && !place.is_empty())))
            && !lone_agency
        {
            return para;
        }
        if lone_agency {
            out.agency = self.byline_media.get(&key(place)).cloned();
        } else {
            if !place.is_empty() {
                out.dateline
                    .get_or_insert_with(|| self.cities[&key(place)].clone());
            }
            if agency_name.is_some() {
                out.agency = agency_name;
            }
        }
        let sep_len = para[dash..].chars().next().map(char::len_utf8).unwrap_or(1);
        out.removed.push(Cut {
            text: para[..dash + sep_len].trim().to_string(),
            reason: "dateline".into(),
        });
        para[dash + sep_len..].trim_start()
    }

    /// Cleans a plain-text body. `title`, when known, lets a repeated headline be dropped.
    pub fn clean(&self, raw: &str, title: Option<&str>) -> Cleaned {
        let mut out = Cleaned::default();
        let lines: Vec<&str> = raw
            .lines()
            .map(|l| {
                l.trim_matches(|c: char| c.is_whitespace() || rasd_text::normalize::is_ignorable(c))
            })
            .filter(|l| !l.is_empty())
            .collect();
        // Trailing lines with no Arabic letter: phone numbers, e-mails, «Next Previous».
        let mut end = lines.len();
        while end > 1 && !has_arabic(lines[end - 1]) {
            end -= 1;
        }
        let title_key = title.map(key);
        let mut kept: Vec<&str> = Vec::new();
        let mut head = true;
        for (i, &line) in lines.iter().enumerate() {
            let k = key(line);
            if i >= end {
                out.removed.push(Cut {
                    text: line.to_string(),
                    reason: "footer".into(),
                });
                continue;
            }
            if k.is_empty() {
                out.removed.push(Cut {
                    text: line.to_string(),
                    reason: "symbols".into(),
                });
                continue;
            }
            if head && title_key.as_deref() == Some(k.as_str()) {
                out.removed.push(Cut {
                    text: line.to_string(),
                    reason: "title".into(),
                });
                continue;
            }
            if let Some(rule) = self.boilerplate(&k) {
                out.removed.push(Cut {
                    text: line.to_string(),
                    reason: format!("boilerplate: {rule}"),
                });
                continue;
            }
            if head && lines.len() > 1 {
                if let Some(b) = self.byline(line) {
                    out.outlet = out.outlet.or(b.outlet);
                    out.author = out.author.or(b.author);
                    out.dateline = out.dateline.or(b.dateline);
                    out.removed.push(Cut {
                        text: line.to_string(),
                        reason: "byline".into(),
                    });
                    continue;
                }
            }
            if head {
                head = false;
                let rest = self.inline_dateline(line, &mut out);
                if !rest.is_empty() {
                    kept.push(rest);
                }
                continue;
            }
            kept.push(line);
        }
        if let Some(last) = kept.pop() {
            match self.footer(last, title_key.as_deref()) {
                Some((at, rule)) => {
                    out.removed.push(Cut {
                        text: last[at..].trim().to_string(),
                        reason: format!("boilerplate: {rule}"),
                    });
                    let rest = last[..at].trim_end();
                    if !rest.is_empty() {
                        kept.push(rest);
                    }
                }
                None => kept.push(last),
            }
        }
        out.text = kept.join("\n\n");
        out
    }
}

#[derive(Debug, Default)]
struct Byline {
    outlet: Option<String>,
    author: Option<String>,
    dateline: Option<String>,
}

/// Folded key of a phrase, exposed for callers that compare titles and lines.
pub fn line_key(s: &str) -> String {
    key(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaner() -> Cleaner {
        Cleaner::new(&Resources::builtin())
    }

    #[test]
    fn share_prompt_and_outlet_line() {
        let c = cleaner().clean("ترك برس\n\nطلب رئيس الوزراء الأرميني من الرئيس الروسي.\n\nهل أعجبك الموضوع؟ شاركه مع أصدقائك!", None);
        assert_eq!(c.outlet.as_deref(), Some("ترك برس"));
        assert_eq!(c.text, "طلب رئيس الوزراء الأرميني من الرئيس الروسي.");
        assert_eq!(c.removed.len(), 2);
        assert!(c.removed[1].reason.starts_with("boilerplate"));
    }

    #[test]
    fn footers_at_the_end_of_the_last_line() {
        // A link footer run into the last paragraph goes, with the headline after it.
        let c = cleaner().clean(
            "نفذت الشركة المشروع.\nوعاد القائد بالطائرة للحصول على العلاج. رابط الخبر بصحيفة الوئام: طيران ناس تكرم طاقم طائرة",
            None,
        );
        assert_eq!(
            c.text,
            "نفذت الشركة المشروع.\n\nوعاد القائد بالطائرة للحصول على العلاج."
        );
        let cut = c.removed.last().unwrap();
        assert_eq!(
            cut.text,
            "رابط الخبر بصحيفة الوئام: طيران ناس تكرم طاقم طائرة"
        );
        assert_eq!(cut.reason, "boilerplate: رابط الخبر");
        // A tag list under the article goes whole; the same word opening a sentence of the
        // article, or inside the last sentence, stays.
        let c = cleaner().clean(
            "قالت الصحيفة إن الفتيات ينضممن إلى التنظيم.\nسمات التجنيد بريطانية داعش",
            None,
        );
        assert_eq!(c.text, "قالت الصحيفة إن الفتيات ينضممن إلى التنظيم.");
        let body = "سمات القيادة كثيرة.\nوهذه أبرز سمات المرحلة المقبلة في رأي الخبراء.";
        assert_eq!(cleaner().clean(body, None).text, body.replace('\n', "\n\n"));
        // Too many words after the phrase: a sentence about a link, not a footer …
        let long = "ونشر رابط الخبر على موقع الوزارة مع صور الحفل الذي أقيم في الرياض بحضور عدد كبير من المسؤولين والضيوف والإعلاميين أمس.";
        assert_eq!(cleaner().clean(long, None).text, long);
        // … unless they end with the headline, which a link footer names.
        let title = "الخدمة المدنية: ترشيح من هم أقل نقاطا للوظائف يرجع لدليل التخصصات الصادر من وزارة التعليم";
        let c = cleaner().clean(
            &format!("والاختبارات يشرف عليها المركز الوطني. رابط الخبر بصحيفة الوئام: {title}"),
            Some(title),
        );
        assert_eq!(c.text, "والاختبارات يشرف عليها المركز الوطني.");
    }

    #[test]
    fn city_author_bylines() {
        let c = cleaner().clean(
            "القاهرة - أحمد الريدي\nيبدو أن الصراع بين المدربين سيشهد تحديا.",
            None,
        );
        assert_eq!(c.dateline.as_deref(), Some("القاهرة"));
        assert_eq!(c.author.as_deref(), Some("أحمد الريدي"));
        let c = cleaner().clean(
            "عمر إبراهيم – عين اليوم\nأعلنت وزارة الصحة اليوم عن حالات جديدة.",
            None,
        );
        assert_eq!(c.outlet.as_deref(), Some("عين اليوم"));
        assert_eq!(c.author.as_deref(), Some("عمر إبراهيم"));
        let c = cleaner().clean("محمود وهبي ـ جدة\nفاز الفريق بالمباراة.", None);
        assert_eq!(c.dateline.as_deref(), Some("جدة"));
        assert_eq!(c.author.as_deref(), Some("محمود وهبي"));
    }

    #[test]
    fn subheading_is_not_a_byline() {
        let c = cleaner().clean("الضعف الجنسي\nيعاني كثير من الرجال من هذه المشكلة.", None);
        assert!(c.outlet.is_none() && c.author.is_none());
        assert!(c.text.starts_with("الضعف الجنسي"));
    }

    #[test]
    fn inline_agency_dateline() {
        let c = cleaner().clean(
            "القاهرة (رويترز) - قال مسؤول إن الحكومة ستعلن القرار.",
            None,
        );
        assert_eq!(c.dateline.as_deref(), Some("القاهرة"));
        assert_eq!(c.agency.as_deref(), Some("رويترز"));
        assert_eq!(c.text, "قال مسؤول إن الحكومة ستعلن القرار.");
    }

    #[test]
    fn footers_and_symbol_lines() {
        let c = cleaner().clean("نص المقال الأول.\n--------\nيمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي\nللتواصل مع الكاتب ارسل رسالة SMS\n737221 - Zain\n88591 - Stc", None);
        assert_eq!(c.text, "نص المقال الأول.");
        let reasons: Vec<&str> = c.removed.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(reasons[0], "symbols");
        assert_eq!(reasons[3..], ["footer", "footer"]);
    }
}
