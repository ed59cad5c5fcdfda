//! Extraction: entities, quotations, dates and quantities from clean Arabic text.
//!
//! Every extractor reads the same token view ([`context::Ctx`]) and the same compiled
//! knowledge ([`lexicon::Lexicon`], built once from `resources/`). Results are record types
//! with byte offsets into the text; the pipeline converts them to character offsets.

pub mod calendar;
pub mod context;
pub mod dates;
pub mod detector;
pub mod entities;
pub mod events;
pub mod lexicon;
pub mod quantities;
pub mod quotes;
pub mod tagger;
pub mod wordmap;

use rasd_doc::{DateMention, Entity, Event, Quantity, Quote, Span, Trigger};
use rasd_resources::{Calendar, Resources};
use rasd_text::Token;

pub use calendar::{parse_published, Ymd};
pub use lexicon::Lexicon;

/// What the extractors found in one text, offsets in bytes.
#[derive(Debug, Default)]
pub struct Extracted {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub quantities: Vec<Quantity>,
    pub events: Vec<Event>,
}

pub struct Extractor {
    pub lex: Lexicon,
    pub events: events::EventLexicon,
    pub segmenter: rasd_text::Segmenter,
    /// The statistical tagger, when a model is loaded: it adds the names no rule finds.
    pub tagger: Option<tagger::Tagger>,
    /// The event detector, when a model is loaded: it keeps the event candidates of the types
    /// it knows that a sentence really reports.
    pub detector: Option<detector::Detector>,
    /// The news lexicon whose word clusters the detector reads, for when no tagger (which
    /// carries it) is loaded.
    pub words: Option<tagger::Silver>,
}

impl Extractor {
    pub fn new(res: Resources) -> Self {
        let segmenter = res.segmenter();
        Extractor {
            events: events::EventLexicon::new(&res),
            lex: Lexicon::new(res),
            segmenter,
            tagger: None,
            detector: None,
            words: None,
        }
    }

    /// The news lexicon: the tagger's, or the one loaded without it.
    pub fn words(&self) -> Option<&tagger::Silver> {
        self.tagger
            .as_ref()
            .map(|t| &t.model.silver)
            .or(self.words.as_ref())
    }

    pub fn with_tagger(mut self, tagger: tagger::Tagger) -> Self {
        self.tagger = Some(tagger);
        self
    }

    /// Training examples for the event detector: the features of `text` (one sentence) for
    /// event type `kind`, and whether the dictionaries found a candidate of that type.
    pub fn detector_features(&self, text: &str, kind: &str) -> (Vec<u64>, bool) {
        let tokens = rasd_text::tokenize(text);
        let ctx = context::Ctx::new(text, &tokens, &[(0, text.len())]);
        let dates = dates::extract(&ctx, &self.lex, None);
        detector::sentence_features(
            &ctx,
            &self.lex,
            &self.events,
            &self.segmenter,
            &dates,
            kind,
            0,
            ctx.toks.len(),
            self.words(),
        )
    }

    /// The tagger's entity spans alone (byte ranges and type), for evaluation.
    pub fn tagger_spans(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[(usize, usize)],
    ) -> Vec<(usize, usize, &'static str)> {
        let Some(t) = &self.tagger else {
            return Vec::new();
        };
        let ctx = context::Ctx::new(text, tokens, sentences);
        let mut out = Vec::new();
        let mut memory = tagger::Memory::default();
        for &(a, b) in &ctx.sentences {
            let tags = t.tag(&ctx, &self.lex, &self.segmenter, (a, b), &mut memory);
            for (first, last, ty) in entities::spans_of(&tags, a) {
                out.push((ctx.toks[first].start, ctx.toks[last - 1].end, ty));
            }
        }
        out
    }

    /// Runs every extractor over `text`, given its tokens and sentence byte ranges.
    pub fn extract(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[(usize, usize)],
        article_date: Option<Ymd>,
    ) -> Extracted {
        let article_iso = article_date.map(|d| d.iso());
        let ctx = context::Ctx::new(text, tokens, sentences);
        let ents = entities::extract(
            &ctx,
            &self.lex,
            self.tagger.as_ref().map(|t| (t, &self.segmenter)),
            article_iso.as_deref(),
        );
        let quotes = quotes::extract(&ctx, &self.lex, &ents);
        let dates = dates::extract(&ctx, &self.lex, article_date);
        let mut taken = vec![false; ctx.toks.len()];
        for d in &dates {
            taken[d.first..d.last].iter_mut().for_each(|t| *t = true);
        }
        let quantities = quantities::extract(&ctx, &self.lex, &taken);
        let detector = self
            .detector
            .as_ref()
            .map(|d| (d, &self.segmenter, self.words()));
        let events = events::extract(
            &ctx,
            &self.lex,
            &self.events,
            &ents,
            &quotes,
            &dates,
            article_iso.as_deref(),
            detector,
        );

        // Entities in order of first mention, with stable ids.
        let mut order: Vec<usize> = (0..ents.found.len())
            .filter(|&e| !ents.found[e].mentions.is_empty())
            .collect();
        order.sort_by_key(|&e| ents.found[e].mentions[0]);
        let mut id_of = vec![None; ents.found.len()];
        let mut entities = Vec::with_capacity(order.len());
        for (n, &e) in order.iter().enumerate() {
            let f = &ents.found[e];
            let id = format!("e{}", n + 1);
            id_of[e] = Some(id.clone());
            let (s, t) = f.mentions[0];
            entities.push(Entity {
                id,
                text: text[s..t].to_string(),
                canonical: f.canonical.clone(),
                kind: f.kind.as_str().to_string(),
                country: f.country.clone(),
                sector: f.sector.clone(),
                role: f.role.clone(),
                source: f.source.to_string(),
                mentions: f
                    .mentions
                    .iter()
                    .map(|&(start, end)| Span { start, end })
                    .collect(),
            });
        }
        let quotes = quotes
            .into_iter()
            .map(|q| Quote {
                speaker: q.speaker.and_then(|e| id_of[e].clone()),
                speaker_text: q.speaker_span.map(|(s, e)| text[s..e].to_string()),
                text: text[q.start..q.end].to_string(),
                start: q.start,
                end: q.end,
                verb: q.verb,
                kind: if q.direct { "direct" } else { "reported" }.to_string(),
                via: q.via.and_then(|e| id_of[e].clone()),
                via_text: q.via_span.map(|(s, e)| text[s..e].to_string()),
            })
            .collect();
        let dates = dates
            .into_iter()
            .map(|d| DateMention {
                text: text[d.start..d.end].to_string(),
                start: d.start,
                end: d.end,
                value: d.value,
                calendar: match d.calendar {
                    Calendar::Gregorian => "gregorian",
                    Calendar::Hijri => "hijri",
                }
                .to_string(),
                year: d.year,
                month: d.month,
                day: d.day,
                hijri: d.hijri,
                relative: d.relative,
            })
            .collect();
        let quantities = quantities
            .into_iter()
            .map(|q| Quantity {
                text: text[q.start..q.end].to_string(),
                start: q.start,
                end: q.end,
                value: q.value,
                unit: q.unit,
            })
            .collect();
        let events = events
            .into_iter()
            .map(|e| Event {
                source: e.source.map(|a| a.to_actor(text, &id_of)),
                target: e.target.map(|a| a.to_actor(text, &id_of)),
                trigger: Trigger {
                    text: text[e.trigger.0..e.trigger.1].to_string(),
                    start: e.trigger.0,
                    end: e.trigger.1,
                },
                cameo: e.cameo,
                plover: e.plover,
                negated: e.negated,
                modality: e.modality.to_string(),
                reported: e.reported,
                reported_by: e.reported_by.map(|a| a.to_actor(text, &id_of)),
                sentence: Span {
                    start: e.sentence.0,
                    end: e.sentence.1,
                },
                location: e.location.and_then(|l| id_of[l].clone()),
                date: e.date,
            })
            .collect();
        Extracted {
            entities,
            quotes,
            dates,
            quantities,
            events,
        }
    }
}
