//! The article record: one document carrying layered annotations, each a span into `text`.
//!
//! This is the published, versioned output format of `rasd analyze` (documented with a JSON
//! Schema in `docs/schema.md`). Inside the pipeline spans are byte offsets; just before the
//! record leaves the analyzer, [`Record::map_offsets`] turns every one of them into Unicode
//! scalar (character) offsets, which is what the schema promises.

use serde::{Deserialize, Serialize};

pub mod json;

/// Bumped on any change a consumer could notice: minor for added keys, major for changed or
/// removed ones.
pub const SCHEMA_VERSION: &str = "1.3";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Where the article came from, so every record can be traced back to its input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    /// Input path (or `-` for standard input).
    pub file: String,
    /// 1-based record number inside the file (line of a JSONL file, `<DOC>` of a TREC file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
    /// The input's character encoding when it was not UTF-8 («windows-1256»).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Record {
    pub schema: String,
    pub id: String,
    pub origin: Origin,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// News agency credited at the head of the article («رويترز»), when one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Place line at the head of the article («القاهرة»), when it had one.
    pub dateline: Option<String>,
    pub title: Option<String>,
    /// Publication date, ISO 8601 (date, or date and time with offset).
    pub date: Option<String>,
    /// The clean article body; every offset in the record points into it.
    pub text: String,
    pub sentences: Vec<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub quantities: Vec<Quantity>,
    pub events: Vec<Event>,
    /// Lines removed from the body, and why: nothing disappears unaccounted.
    pub removed: Vec<Removed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Folded form used for matching.
    pub norm: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    /// The word without clitics.
    pub core: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suffix: String,
    pub stem: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2` … in order of first mention.
    pub id: String,
    /// The first mention as written.
    pub text: String,
    pub canonical: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166-1 alpha-3, when one applies.
    pub country: Option<String>,
    /// CAMEO/PLOVER actor sector (GOV, MIL, IGO, MED …), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Role or office («foreign_minister») from a title or the gazetteer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// How it was found: `gazetteer`, `title`, `pattern` (after «صحيفة», «وزارة» …), `speaker` (an unknown name after a speech verb), `tagger` (the statistical model).
    pub source: String,
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Entity id of the speaker, when resolved.
    pub speaker: Option<String>,
    /// The words that name the speaker in this sentence («وزير الخارجية الروسي سيرغي
    /// لافروف», «الوزير الروسي»), or null when the speaker is carried over from earlier. With
    /// no `speaker`, an unnamed source («مصدر أمني»).
    pub speaker_text: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Lemma of the speech verb («قال»), when there is one.
    pub verb: Option<String>,
    /// `direct` (in quotation marks) or `reported` («قال إن …»).
    pub kind: String,
    /// Entity id of the channel that relays the speaker's words («ونقلت وكالة إنترفاكس عن
    /// الوزير قوله إن»: Interfax; «كما نقلت عنه وكالة تاس»), when resolved. Absent when the
    /// speaker spoke unrelayed. Added in 1.3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The words that name the channel («وكالة إنترفاكس», «الصحيفة»). Added in 1.3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// ISO 8601, partial allowed: `2020-09-27`, `2020-09`, `1992`, or `--09-27` when the year
    /// is unknown.
    pub value: Option<String>,
    pub calendar: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// The date as written in the Hijri calendar, when it was written so (`1441-02-09`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hijri: Option<String>,
    /// True when resolved against the article date («أمس», «الأحد الماضي»).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relative: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// `percent`, an ISO 4217 currency, a measure (`km`), or the counted noun as written.
    pub unit: Option<String>,
}

/// CAMEO's codes for international actors, which take a country's place in an actor code:
/// intergovernmental and non-governmental bodies, international militarised groups,
/// multinational companies.
pub const INTERNATIONAL: [&str; 4] = ["IGO", "NGO", "IMG", "MNC"];

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Entity id, when the actor is a recognised entity.
    pub entity: Option<String>,
    /// The words that name the actor in the sentence.
    pub text: String,
    /// Where `text` stands in the record's text (character offsets, end exclusive), so that
    /// an actor named by a common noun («الشرطة») or a nationality adjective is found there
    /// as an entity's mention is. Records of schema 1.1 lack them (read as 0).
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
    /// ISO 3166-1 alpha-3, or for an international actor its kind ([`INTERNATIONAL`]),
    /// when known.
    pub country: Option<String>,
    /// CAMEO/PLOVER sector (GOV, MIL, COP, REB, UAF, CVL, OPP …), when known.
    pub sector: Option<String>,
    /// CAMEO-style actor code: country followed by sector («ARMGOV», «MIL» when the country
    /// is unknown), and an international body's own code («IGOUNO», «NGOAMN»).
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cameo {
    /// Three- or four-digit CAMEO code.
    pub code: String,
    /// Two-digit root.
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
}

/// Who did what to whom, when and where, coded in CAMEO and PLOVER.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    pub trigger: Trigger,
    pub cameo: Cameo,
    pub plover: Option<Plover>,
    /// «لم», «لن», «نفى»: the text says it did not (or will not) happen.
    pub negated: bool,
    /// `act` (it happened), `intent`, `threat`, `demand`.
    pub modality: String,
    /// The event detector's verdict on whether the sentence reports this event as having
    /// happened (`true`), or only names it (`false`); absent for types it does not cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<bool>,
    /// When the event is only reported («قالت الشرطة إن …»): who reports it.
    pub reported_by: Option<Actor>,
    pub sentence: Span,
    /// Entity id of the place named in the sentence, when there is one.
    pub location: Option<String>,
    /// ISO 8601 date: a date expression in the sentence, else the article date.
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    /// `boilerplate: <phrase>`, `byline`, `symbols`, `footer`, `title`.
    pub reason: String,
}

impl Record {
    pub fn new(id: String, origin: Origin) -> Self {
        Record {
            schema: SCHEMA_VERSION.to_string(),
            id,
            origin,
            ..Default::default()
        }
    }

    /// Applies `f` to every offset in the record.
    pub fn map_offsets(&mut self, f: impl Fn(usize) -> usize) {
        for s in &mut self.sentences {
            s.start = f(s.start);
            s.end = f(s.end);
        }
        for t in &mut self.tokens {
            t.start = f(t.start);
            t.end = f(t.end);
        }
        for e in &mut self.entities {
            for m in &mut e.mentions {
                m.start = f(m.start);
                m.end = f(m.end);
            }
        }
        for q in &mut self.quotes {
            q.start = f(q.start);
            q.end = f(q.end);
        }
        for d in &mut self.dates {
            d.start = f(d.start);
            d.end = f(d.end);
        }
        for q in &mut self.quantities {
            q.start = f(q.start);
            q.end = f(q.end);
        }
        for e in &mut self.events {
            e.trigger.start = f(e.trigger.start);
            e.trigger.end = f(e.trigger.end);
            for a in [&mut e.source, &mut e.target, &mut e.reported_by]
                .into_iter()
                .flatten()
            {
                a.start = f(a.start);
                a.end = f(a.end);
            }
            e.sentence.start = f(e.sentence.start);
            e.sentence.end = f(e.sentence.end);
        }
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}
