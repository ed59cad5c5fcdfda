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

use std::collections::{HashMap, HashSet};

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
    /// A searcher for each rule's phrase, built once: `contains` rules are tried on every line.
    finders: Vec<memchr::memmem::Finder<'static>>,
    /// Folded names of media that sign articles, and cities, for byline reading.
    byline_media: HashMap<String, String>,
    media: HashMap<String, String>,
    cities: HashMap<String, String>,
    media_words: Vec<String>,
    generic: Vec<String>,
    roles: HashSet<String>,
    /// Folded given names: a byline's part that opens with one is a person.
    given: HashSet<String>,
    /// Credits of someone who is not an author («تصوير»): the name after one is left out.
    credits: HashSet<String>,
    /// Canonical names of the media that are news agencies: a name of theirs says «وكالة».
    agencies: HashSet<String>,
    /// « من » and its like, spaced: between an author and his city.
    from: Vec<String>,
}

/// Folded, punctuation-free form of a line, words separated by one space. Every line of
/// every article is read through this, so it copies each word whole in one pass.
fn key(line: &str) -> String {
    let f = fold(line);
    let mut out = String::with_capacity(f.len());
    let mut word_start = None;
    for (at, c) in f.char_indices().chain(std::iter::once((f.len(), ' '))) {
        // Arabic letters first: the Unicode tables are for everything else.
        let in_word = rasd_text::tokenize::is_arabic_letter(c)
            || c.is_ascii_alphanumeric()
            || (!c.is_ascii() && c.is_alphanumeric());
        match (in_word, word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(from)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&f[from..at]);
                word_start = None;
            }
            _ => {}
        }
    }
    out
}

/// The words of a [`key`], which holds no space but one between two words.
fn key_words(k: &str) -> usize {
    if k.is_empty() {
        0
    } else {
        memchr::memchr_iter(b' ', k.as_bytes()).count() + 1
    }
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
        let mut agencies = HashSet::new();
        for e in &res.entities {
            // «الوكالة العربية السورية للأنباء» too: the word may carry the article.
            let says_agency = |a: &String| {
                let k = key(a);
                res.byline_agency_words
                    .iter()
                    .any(|w| k.contains(w.as_str()))
            };
            if e.kind == EntityType::Media && e.aliases.iter().any(says_agency) {
                agencies.insert(e.canonical.clone());
            }
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
        let rules: Vec<(BoilerplateKind, String, String)> = res
            .boilerplate
            .iter()
            .map(|r| (r.kind, key(&r.folded), r.raw.clone()))
            .collect();
        Cleaner {
            finders: rules
                .iter()
                .map(|(_, pat, _)| memchr::memmem::Finder::new(pat).into_owned())
                .collect(),
            rules,
            byline_media,
            media,
            cities,
            media_words: res.media_words.iter().cloned().collect(),
            generic: res.generic_sources.iter().cloned().collect(),
            roles: res.byline_roles.iter().map(|r| key(r)).collect(),
            given: res.given_names.iter().map(|g| key(g)).collect(),
            credits: res.byline_credits.iter().map(|c| key(c)).collect(),
            from: res.byline_from.iter().map(|w| format!(" {w} ")).collect(),
            agencies,
        }
    }

    fn boilerplate(&self, k: &str) -> Option<&str> {
        let short = key_words(k) <= SHORT_LINE_WORDS;
        for ((kind, pat, raw), finder) in self.rules.iter().zip(&self.finders) {
            let contains = || finder.find(k.as_bytes()).is_some();
            let hit = match kind {
                BoilerplateKind::Line => k == pat,
                BoilerplateKind::Prefix => short && k.starts_with(pat.as_str()),
                BoilerplateKind::ShortContains => short && contains(),
                BoilerplateKind::Contains => contains(),
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
            if self.is_generic(&pk) {
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
            // «دبي- الرياضية»: one definite word is the outlet's name, not a person's.
            [name] if words(name) == 1 && key(name).starts_with("ال") && b.outlet.is_none() => {
                b.outlet = Some(name.to_string())
            }
            [name] if words(name) <= 4 && has_arabic(name) => b.author = Some(name.to_string()),
            _ => return None,
        }
        Some(b)
    }

    /// Reads a byline given apart from the text, as a feed's or a page's author field:
    /// «الباحة - عبدالرحمن الغامدي», «القاهرة: «الشرق الأوسط»», «عبد العزيز الفكي من الدمام»,
    /// «جدة-الوئام:», «حوار: مويضي المطيري». Each part is a city (the dateline), a media name
    /// (an agency, or else the outlet), a desk, a part in the making or a credit («متابعات»,
    /// «حوار», «تصوير»), or a name: a person when it opens with a given name, the outlet when
    /// it is one definite word («الرياضي»), a place the gazetteer lacks when it is one other
    /// word beside an agency or a person. `None` when the parts cannot all be read so (two
    /// parts that could each be the author): the field is then kept as given.
    pub fn byline_field(&self, field: &str) -> Option<Byline> {
        // «الرياض - الرياضية | Tuesday, 11 August 2015 - 16:10 pm»: a time stamp after the bar.
        let field = field.split('|').next().unwrap_or("").replace(" ـ ", " - ");
        // The parts, each with the number of the dash- or colon-separated piece it is in:
        // commas part several authors («سعيد الزهراني، عواض الخديدي») or a place from a
        // kind of piece («أبها، تحقيق»).
        let mut parts: Vec<(&str, usize)> = Vec::new();
        for (n, piece) in field.split(['-', '–', '—', ':', '：', '/']).enumerate() {
            for p in piece.split(['،', ',']) {
                let p = p.trim();
                // «عبد العزيز الفكي من الدمام»: «من» before a city.
                let split = self.from.iter().find_map(|w| {
                    p.rsplit_once(w.as_str())
                        .filter(|(_, place)| self.cities.contains_key(&key(place)))
                });
                match split {
                    Some((who, place)) => parts.extend([(who.trim(), n), (place.trim(), n)]),
                    None => parts.push((p, n)),
                }
            }
        }
        let mut b = Byline::default();
        let (mut word, mut place) = (None, None);
        let mut rest: Vec<(String, usize)> = Vec::new();
        // After «تصوير»: the photographer, credited but not an author.
        let mut credited = false;
        for (part, piece) in parts {
            let k = key(part);
            if k.is_empty() || self.is_generic(&k) || self.roles.contains(&k) {
                continue;
            }
            if self.credits.contains(&k) {
                credited = true;
                continue;
            }
            if std::mem::take(&mut credited) {
                continue;
            }
            // «الحديدة (اليمن)»: the place before what explains it.
            let before = part.split('(').next().unwrap_or(part);
            let bare = before
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            if part.starts_with(['«', '"', '{', '“']) {
                // «القاهرة: «الشرق الأوسط»»: a name in quotes is the outlet's.
                b.outlet.get_or_insert(bare);
            } else if let Some(c) = self
                .cities
                .get(&k)
                .or_else(|| self.cities.get(&key(before)))
            {
                b.dateline.get_or_insert_with(|| c.clone());
            } else if let Some(m) = self.media.get(&k) {
                let slot = if self.agencies.contains(m) {
                    &mut b.agency
                } else {
                    &mut b.outlet
                };
                slot.get_or_insert_with(|| m.clone());
            } else if self.is_media_name(&k) {
                b.outlet.get_or_insert(bare);
            } else if !has_arabic(part) {
                // «Tuesday, 02 June 2015 - 21:42 pm»: a time stamp. Any other Latin part
                // («John Smith») is left to the field as given.
                if !part.chars().any(|c| c.is_ascii_digit()) {
                    return None;
                }
            } else if words(&k) == 1 && word.is_none() && k.starts_with("ال") {
                // «الرياضي», «الوئام»: the outlet's own name.
                word = Some(bare);
            } else if words(&k) == 1 && place.is_none() {
                // «سمارا - د ب أ», «عنيزة - فوزية النعيم»: a place the gazetteer lacks.
                place = Some(bare);
            } else if words(&k) <= 4 {
                rest.push((bare, piece));
            } else {
                return None;
            }
        }
        // Of the other parts, those that open with a given name are the authors, and one more
        // is the place («حفر الباطن - عبدالله السعيدي»); with no given name, one part alone is
        // the author.
        let given = |n: &str| {
            key(n)
                .split(' ')
                .next()
                .is_some_and(|w| self.given.contains(w))
        };
        // A name in a list with a person is a person too.
        let listed: HashSet<usize> = rest
            .iter()
            .filter(|(n, _)| given(n))
            .map(|(_, piece)| *piece)
            .collect();
        let (people, others): (Vec<_>, Vec<_>) = rest
            .into_iter()
            .partition(|(_, piece)| listed.contains(piece));
        let people: Vec<String> = people.into_iter().map(|(n, _)| n).collect();
        let mut others = others.into_iter().map(|(n, _)| n);
        // «الأمم المتحدة - رويترز», «بيونس ايرس-الوئام»: beside an agency or the outlet,
        // a part that names no one is where the story was filed.
        let sourced = b.agency.is_some() || b.outlet.is_some() || word.is_some();
        match (people.is_empty(), others.len()) {
            (true, 1) if sourced && b.dateline.is_none() && place.is_none() => {
                place = others.next()
            }
            (true, 0 | 1) => b.author = others.next(),
            (true, _) | (false, 2..) => return None,
            (false, _) => {
                b.author = Some(people.join("، "));
                place = place.or(others.next());
            }
        }
        if b.outlet.is_none() {
            b.outlet = word;
        }
        // A one-word place the gazetteer lacks only beside an agency or a person: alone
        // beside the outlet it may as well be a section's name («الجزيرة - فن»).
        if place.is_some() && b.agency.is_none() && b.author.is_none() && b.dateline.is_none() {
            return None;
        }
        if b.dateline.is_none() {
            b.dateline = place;
        }
        Some(b)
    }

    /// A desk rather than a source: «متابعات», «المحليات».
    fn is_generic(&self, k: &str) -> bool {
        self.generic.iter().any(|g| g == k)
            || k.strip_prefix("ال")
                .is_some_and(|r| self.generic.iter().any(|g| g == r))
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

/// What a byline says: who wrote the article, where, for which outlet or agency.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Byline {
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub dateline: Option<String>,
    pub agency: Option<String>,
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
    fn bylines_given_apart_from_the_text() {
        let c = cleaner();
        // Field → author, dateline, agency, outlet ("" for none), or None: kept as given.
        let cases: &[(&str, Option<[&str; 4]>)] = &[
            // A city and a person, either way round, with any separator.
            (
                "الباحة - عبدالرحمن الغامدي",
                Some(["عبدالرحمن الغامدي", "الباحة", "", ""]),
            ),
            (
                "الرياض: فارس السبيعي",
                Some(["فارس السبيعي", "الرياض", "", ""]),
            ),
            ("محمد عليان - جدة", Some(["محمد عليان", "جدة", "", ""])),
            (
                "عبد العزيز الفكي من الدمام",
                Some(["عبد العزيز الفكي", "الدمام", "", ""]),
            ),
            // An agency is no author; the outlet's own name neither.
            (
                "روما - د ب أ",
                Some(["", "روما", "وكالة الأنباء الألمانية", ""]),
            ),
            ("جدة-الوئام:", Some(["", "جدة", "", "صحيفة الوئام"])),
            (
                "القاهرة: «الشرق الأوسط»",
                Some(["", "القاهرة", "", "الشرق الأوسط"]),
            ),
            ("الرياضي", Some(["", "", "", "الرياضي"])),
            // A time stamp after a bar, a desk, an interviewer, a photographer.
            (
                "لندن - الرياضية | Tuesday, 11 August 2015 - 15:45 pm",
                Some(["", "لندن", "", "الرياضية"]),
            ),
            ("الوئام - متابعات :", Some(["", "", "", "صحيفة الوئام"])),
            ("حوار: مويضي المطيري", Some(["مويضي المطيري", "", "", ""])),
            (
                "عبدالرحيم الحدادي - المدينة المنورة - تصوير- عبدالرحمن مرسي",
                Some(["عبدالرحيم الحدادي", "المدينة المنورة", "", ""]),
            ),
            // Several authors; a place the gazetteer lacks beside a person or an agency.
            (
                "سعيد الزهراني، عواض الخديدي - الطائف",
                Some(["سعيد الزهراني، عواض الخديدي", "الطائف", "", ""]),
            ),
            (
                "القاهرة - مكتب الجزيرة - طارق محيي - نهى سلطان",
                Some(["طارق محيي، نهى سلطان", "القاهرة", "", ""]),
            ),
            (
                "حفر الباطن - عبدالله السعيدي",
                Some(["عبدالله السعيدي", "حفر الباطن", "", ""]),
            ),
            (
                "سمارا - د ب أ",
                Some(["", "سمارا", "وكالة الأنباء الألمانية", ""]),
            ),
            // What cannot be read so is left as given.
            ("الجزيرة - فن", None),
            ("John Smith", None),
            ("مكتب الجزيرة - اللجنة الإعلامية", None),
        ];
        for (field, want) in cases {
            let got = c
                .byline_field(field)
                .map(|b| [b.author, b.dateline, b.agency, b.outlet].map(|x| x.unwrap_or_default()));
            let want = want.map(|w| w.map(str::to_string));
            assert_eq!(got, want, "{field}");
        }
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
