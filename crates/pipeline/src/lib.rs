//! The analyzer: a pure, deterministic function from one article to one record.
//!
//! read → clean → text (normalise, segment, stem) → extract. No I/O, no clocks, no global
//! state: the same article and resources always give the same record, so any engine that
//! can map a function over JSON lines (a thread pool here, Spark elsewhere) can run it.

use rasd_clean::{html, Byline, Cleaner};
use rasd_doc::{Origin, Record, Removed, Span, Token};
use rasd_extract::{parse_published, Extractor};
use rasd_read::{Article, Body};
use rasd_resources::Resources;
use rasd_text::{split_sentences, tokenize, Analyzer, CharOffsets};

/// What to put in each record.
#[derive(Debug, Clone)]
pub struct Options {
    /// Include the token layer (norm, clitics, stem per token).
    pub tokens: bool,
    /// Run the statistical entity tagger beside the gazetteers and rules.
    pub tagger: bool,
    /// Let the tagger's second stage re-tag each sentence (docs/evaluation.md); without it
    /// the first stage alone tags, faster and a little less accurate.
    pub second_stage: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tokens: true,
            tagger: true,
            second_stage: true,
        }
    }
}

pub struct Pipeline {
    cleaner: Cleaner,
    text: Analyzer,
    extractor: Extractor,
    pub options: Options,
}

/// A stable id for an article that has none: FNV-1a of its outlet and clean text.
fn content_id(outlet: Option<&str>, text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in outlet
        .unwrap_or("")
        .bytes()
        .chain([0u8])
        .chain(text.bytes())
    {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("rasd-{h:016x}")
}

/// The named-entity model trained by `rasd train ner` (see models/README.md), compiled in.
const NER_MODEL: &[u8] = include_bytes!("../../../models/ner.bin.gz");

/// The built-in tagger. The model ships with this source tree, so failing to read it is a
/// build defect, caught by the tests, not a user error.
pub fn default_tagger() -> rasd_extract::tagger::Tagger {
    match rasd_extract::tagger::Model::load(NER_MODEL) {
        Ok(model) => rasd_extract::tagger::Tagger { model },
        Err(e) => panic!("the built-in NER model is unreadable: {e}"),
    }
}

/// The built-in tagger's news lexicon alone, whose word clusters the event detector reads.
pub fn default_words() -> rasd_extract::tagger::Silver {
    match rasd_extract::tagger::Model::load_lexicon(NER_MODEL) {
        Ok(words) => words,
        Err(e) => panic!("the built-in NER model is unreadable: {e}"),
    }
}

/// The event detector trained by `rasd train events` (see models/README.md), compiled in.
const EVENT_MODEL: &[u8] = include_bytes!("../../../models/events.bin.gz");

/// The built-in event detector; like the tagger, a build defect if unreadable.
pub fn default_detector() -> rasd_extract::detector::Detector {
    match rasd_extract::detector::Detector::load(EVENT_MODEL) {
        Ok(d) => d,
        Err(e) => panic!("the built-in event detector is unreadable: {e}"),
    }
}

impl Pipeline {
    pub fn new(res: Resources, options: Options) -> Self {
        let mut extractor = Extractor::new(res.clone());
        if options.tagger {
            let mut tagger = default_tagger();
            if !options.second_stage {
                tagger.model.first_stage_only();
            }
            extractor = extractor.with_tagger(tagger);
        } else {
            // The event detector reads the tagger's word clusters even when names are left
            // to the rules.
            extractor.words = Some(default_words());
        }
        extractor.detector = Some(default_detector());
        Pipeline {
            cleaner: Cleaner::new(&res),
            text: Analyzer::new(res.segmenter()),
            extractor,
            options,
        }
    }

    pub fn analyze(&self, a: &Article) -> Record {
        let mut warnings = Vec::new();
        let (raw, page) = match &a.body {
            Body::Text(t) => (t.clone(), None),
            Body::Html(h) => {
                let p = html::extract(h);
                if p.paragraphs.is_empty() {
                    warnings.push("no main text found in the HTML page".to_string());
                }
                (p.text(), Some(p))
            }
        };
        let title = a
            .title
            .clone()
            .or_else(|| page.as_ref().and_then(|p| p.title.clone()));
        let cleaned = self.cleaner.clean(&raw, title.as_deref());
        let text = cleaned.text;

        // A page's own publication date beats the date its container gives (a WARC capture
        // date, a feed's crawl time).
        let published = page
            .as_ref()
            .and_then(|p| p.date.clone())
            .or_else(|| a.date.clone());
        let parsed = published.as_deref().and_then(parse_published);
        if published.is_some() && parsed.is_none() {
            warnings.push(format!(
                "publication date «{}» not understood; relative dates left unresolved",
                published.as_deref().unwrap_or("")
            ));
        }
        // An author field is often a whole byline («أبوظبي - سكاي نيوز عربية», «الرياض:
        // فارس السبيعي»): read as one, its city is the dateline and only a person's name
        // stays the author. One that cannot be read so is kept as given.
        let read_field = |f: Option<&String>| {
            f.map(|f| {
                self.cleaner.byline_field(f).unwrap_or_else(|| Byline {
                    author: Some(f.clone()),
                    ..Byline::default()
                })
            })
            .unwrap_or_default()
        };
        let given = read_field(a.author.as_ref());
        let meta = read_field(page.as_ref().and_then(|p| p.author.as_ref()));
        let outlet = a
            .outlet
            .clone()
            .or(cleaned.outlet.clone())
            .or_else(|| page.as_ref().and_then(|p| p.site_name.clone()));
        let id =
            a.id.clone()
                .unwrap_or_else(|| content_id(outlet.as_deref(), &text));
        let mut rec = Record::new(
            id,
            Origin {
                file: a.file.clone(),
                record: a.record,
                encoding: a.encoding.clone(),
            },
        );
        rec.url = a
            .url
            .clone()
            .or_else(|| page.as_ref().and_then(|p| p.url.clone()));
        // The author field's outlet, then the address's site, only where nothing else names
        // one, and not in the id: ids stay what earlier versions gave the same article.
        rec.outlet = outlet
            .or(given.outlet)
            .or(meta.outlet)
            .or_else(|| rec.url.as_deref().and_then(html::site_of_url));
        rec.author = given.author.or(cleaned.author).or(meta.author);
        rec.agency = cleaned.agency.or(given.agency).or(meta.agency);
        rec.dateline = cleaned.dateline.or(given.dateline).or(meta.dateline);
        rec.title = title;
        rec.date = parsed.as_ref().map(|p| p.1.clone()).or(published);
        rec.removed = cleaned
            .removed
            .into_iter()
            .map(|c| Removed {
                text: c.text,
                reason: c.reason,
            })
            .collect();
        if text.is_empty() {
            warnings.push("no article text left after cleaning".to_string());
        }

        let tokens = tokenize(&text);
        let sentences = split_sentences(&text, &tokens);
        rec.sentences = sentences
            .iter()
            .map(|&(start, end)| Span { start, end })
            .collect();
        if self.options.tokens {
            rec.tokens = self
                .text
                .analyze_tokens(&text, &tokens)
                .into_iter()
                .filter(|t| t.token.is_word() || t.token.kind == rasd_text::TokenKind::Number)
                .map(|t| Token {
                    start: t.token.start,
                    end: t.token.end,
                    norm: t.norm,
                    prefix: t.prefix,
                    core: t.core,
                    suffix: t.suffix,
                    stem: t.stem,
                })
                .collect();
        }
        let x = self
            .extractor
            .extract(&text, &tokens, &sentences, parsed.map(|p| p.0));
        rec.entities = x.entities;
        rec.quotes = x.quotes;
        rec.dates = x.dates;
        rec.quantities = x.quantities;
        rec.events = x.events;
        rec.warnings = warnings;

        let offsets = CharOffsets::new(&text);
        rec.map_offsets(|b| offsets.char_of(b));
        rec.text = text;
        rec
    }

    /// Extraction alone on text that is already clean (one sentence of an annotated corpus,
    /// say): no reading, no cleaning. Offsets are bytes into `text`.
    pub fn extract_clean(&self, text: &str) -> rasd_extract::Extracted {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        self.extractor.extract(text, &tokens, &sentences, None)
    }

    /// Replaces the event detector (a model trained apart, for evaluation), or removes it.
    pub fn set_detector(&mut self, detector: Option<rasd_extract::detector::Detector>) {
        self.extractor.detector = detector;
    }

    /// The extractor, for training tools that need its features.
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// Replaces the tagger (a model trained apart, for evaluation); [`Options::second_stage`]
    /// applies to it as to the built-in one.
    pub fn set_tagger(&mut self, mut tagger: rasd_extract::tagger::Tagger) {
        if !self.options.second_stage {
            tagger.model.first_stage_only();
        }
        self.extractor.tagger = Some(tagger);
    }

    /// The statistical tagger's entity spans alone on clean text (bytes, type).
    pub fn tagger_spans_clean(&self, text: &str) -> Vec<(usize, usize, &'static str)> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        self.extractor.tagger_spans(text, &tokens, &sentences)
    }

    /// The text chain, for callers that only need tokens and stems (search, benchmarks).
    pub fn text_analyzer(&self) -> &Analyzer {
        &self.text
    }
}
