//! The one place where rasd's linguistic knowledge is loaded.
//!
//! Everything rasd knows about Arabic news — countries, cities, people, organisations, media,
//! nationality adjectives, titles, speech verbs, month names, number words, boilerplate
//! phrases — lives in plain text files under the repository's `resources/` folder, whose
//! README documents the format. Those files are compiled into the binary so that it runs
//! anywhere; users add their own with [`Resources::load_dir`] (the CLI's `--resources DIR`),
//! whose files extend the built-in ones of the same name.

mod files;
pub(crate) mod parse;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A list of folded words. Looked up for nearly every token of every article, so hashed
/// with the fast non-cryptographic hasher: the sets hold only the resource files' words,
/// and an article's words are looked up, never inserted, so crafted text cannot crowd them.
pub type WordSet = rustc_hash::FxHashSet<String>;

pub use parse::ResourceError;

/// Entity types known to the gazetteers and produced by the extractors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Per,
    Gpe,
    Loc,
    Org,
    Media,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Media => "MEDIA",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PER" => EntityType::Per,
            "GPE" => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            "ORG" => EntityType::Org,
            "MEDIA" => EntityType::Media,
            _ => return None,
        })
    }
}

/// A gazetteer entry: one real-world entity and the ways it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityEntry {
    pub kind: EntityType,
    /// ISO 3166 alpha-3 code (or a bloc code such as `IGO`), if any.
    pub country: Option<String>,
    /// The display name: the first alias in the file.
    pub canonical: String,
    /// Every written form, as in the file (canonical included).
    pub aliases: Vec<String>,
    /// Forms that name this entry only inside quotation marks, written «…» in the file:
    /// «الشرق الأوسط» quoted is the newspaper, bare it is the region.
    pub quoted: Vec<String>,
    /// `key=value` attributes (sector, role, capital_of, from, to …).
    pub attrs: BTreeMap<String, String>,
    /// Which file and line it came from, for error messages and audits.
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nationality {
    pub country: String,
    /// Folded written forms, article and gender/number endings included.
    pub forms: Vec<String>,
    /// The forms also written as names: the masculine singular with and without the article
    /// (a family name, «التركي»; a city, «كوبي») and the third column's forms without it (a
    /// family name, «روس»).
    pub name_like: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Folded phrase («رئيس الوزراء»).
    pub phrase: String,
    /// Actor sector (GOV, MIL, …) the title implies.
    pub sector: Option<String>,
    pub attrs: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// A finite verb that opens reported speech: «قال», «أكدت».
    Finite,
    /// An adverbial participle continuing the same speaker: «مؤكدا», «مضيفا».
    Participle,
    /// A passive that names no speaker: «يذكر أن» (it is noted that), «يشار إلى أن»,
    /// «يقال إن». With a subject after it, it is the active verb («ويذكر مراقبون أن»).
    Impersonal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechVerb {
    pub folded: String,
    pub form: VerbForm,
    /// The lemma reported in the record's `verb` field.
    pub lemma: String,
    /// The form is also written as another word («بين»: between; `~` in speech-verbs.tsv):
    /// it is a speech verb only where its words follow.
    pub other_word: bool,
    /// The verb relays another's words (`from=` in speech-verbs.tsv): the preposition, folded,
    /// after which the one who said them is named («نقلت وكالة … عن الوزير قوله إن»); the
    /// verb's subject is only the channel.
    pub from: Option<String>,
    /// The verb's noun as written before a pronoun (`noun=`, folded): «قوله», «تأكيدها» after
    /// a relayed speaker stand for the verb and are no part of the speaker's name.
    pub noun: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoilerplateKind {
    /// The whole line equals the phrase.
    Line,
    /// The line begins with the phrase.
    Prefix,
    /// The line contains the phrase anywhere.
    Contains,
    /// The line contains the phrase and is short (at most 15 words): a footer, not a
    /// paragraph that merely quotes the phrase.
    ShortContains,
    /// The article's last line begins with the phrase and is short: a list of tags
    /// («سمات …»), which the same words would not be in the middle of an article.
    Last,
    /// The phrase and what follows it at the end of the article's last line, when few words
    /// follow: a footer run into the last paragraph («… للحصول على العلاج. رابط الخبر
    /// بصحيفة الوئام: <the headline>»). Only that part of the line goes.
    Tail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoilerplateRule {
    pub kind: BoilerplateKind,
    pub folded: String,
    pub raw: String,
}

/// A CAMEO event code rasd assigns, with its Goldstein value and PLOVER equivalent.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCode {
    pub code: String,
    pub goldstein: f32,
    pub plover: Option<String>,
    pub mode: Option<String>,
    /// `appeal=CODE`: an appeal for this event («دعا إلى وقف إطلاق النار») is an appeal of
    /// that code (0256, to de-escalate), not an appeal in general.
    pub appeal: Option<String>,
}

/// A word or phrase that triggers an event of a CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventPattern {
    pub code: String,
    pub folded: String,
    /// Inside a quotation the event's source is the speaker («"X يتحمل مسؤولية …"»).
    pub by_speaker: bool,
    /// A conjugated verb (its subject follows it), not a noun or a fixed phrase.
    pub verb: bool,
    /// The actor it names is the victim («مقتل 3 أشخاص»), not the doer.
    pub victim: bool,
    /// Written alike in the active and the passive («قتل»: qatala / qutila), so the words
    /// after it decide which was meant (`voice=either`).
    pub either_voice: bool,
    /// A noun whose genitive names its doer (`doer=genitive`): «هجوم جماعة بوكو حرام على
    /// مدرستهن», «غارات التحالف» — the actor right after it, or after its «ل», attacked.
    pub genitive_doer: bool,
    /// Also a time of day («فجر»: dawn, and «فجّر», blew up): before a word of time it is
    /// that time, not a trigger (`time=yes`).
    pub time_of_day: bool,
    /// Names an event only after an `occurrence` word or as what an appeal asks for
    /// (`occurrence=yes`): «أعلن وقف إطلاق النار» is a ceasefire, «انهيار 3 هدنات» is not.
    pub needs_occurrence: bool,
    /// Words that must follow the trigger within a few words for this code to hold (a
    /// pattern written «+انسحب/ينسحب … من الاتفاق»): what a verb acts on can change what it
    /// means. The trigger itself is the part before «…».
    pub then: Option<String>,
    /// No event in a passage of this topic (`not-in=TOPIC`; 1 + its index in `topics`, as
    /// the passage's topic is counted): «إصابة» in a match report is an injury, «لقاء» a
    /// match.
    pub not_in: Option<u8>,
}

/// A noun that introduces an organisation or media name («صحيفة», «وزارة», «الجيش»).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityTrigger {
    pub folded: String,
    pub kind: EntityType,
    /// Only an entity when a nationality adjective follows («الجيش الباكستاني»).
    pub needs_nationality: bool,
    pub sector: Option<String>,
    /// The noun is the first word of the body's own name («جامعة تمبل» is Temple
    /// University), where «صحيفة تايمز» or «شركة أبل» name «تايمز» and «أبل».
    pub in_name: bool,
    /// The noun followed by a place of the gazetteer names that place's body, with its
    /// country: «منتخب إسبانيا» is Spain's team, not Spain.
    pub of_place: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthName {
    pub calendar: Calendar,
    pub number: u8,
    pub folded: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NumberWord {
    pub folded: String,
    pub value: f64,
    /// A multiplier («ألف», «مليون») scales the number before it.
    pub multiplier: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    /// Folded phrase, possibly several words («في المئة»).
    pub folded: String,
}

/// A relative date word and what it means against the article date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relative {
    Days(i32),
    /// ISO weekday 1..=7 of the most recent such day before the article date.
    Weekday(u8),
    /// A word after a date saying which occurrence: -1 the last one, 1 the next, 0 this one.
    Modifier(i8),
    /// A noun that introduces a year («عام»).
    YearWord,
    /// An ordinal that names the day of the month after it («الرابع من مارس»): 1..=31.
    DayOfMonth(u8),
    /// The noun «month» before a month's name («خلال شهر يونيو»), which makes the name alone
    /// a date.
    MonthWord,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeWord {
    pub folded: String,
    pub meaning: Relative,
}

/// Affixes by kind, each a (prefix, suffix) pair of folded letters (events/affixes.tsv).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affixes {
    kinds: rustc_hash::FxHashMap<String, Vec<(String, String)>>,
}

impl Affixes {
    /// The (prefix, suffix) pairs of `kind`, in the file's order.
    pub fn of(&self, kind: &str) -> &[(String, String)] {
        self.kinds.get(kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `word` (folded) carries an affix of `kind` with letters left over.
    pub fn matches(&self, kind: &str, word: &str) -> bool {
        self.strip(kind, word).is_some()
    }

    /// `word` without the first affix of `kind` it carries, if what is left is not empty.
    pub fn strip<'a>(&self, kind: &str, word: &'a str) -> Option<&'a str> {
        // Affixes are a few bytes long and looked for on every token: compared byte by byte
        // in place, not through a library call each.
        let starts =
            |w: &[u8], p: &[u8]| w.len() >= p.len() && w.iter().zip(p).all(|(a, b)| a == b);
        let ends = |w: &[u8], s: &[u8]| {
            w.len() >= s.len() && w.iter().rev().zip(s.iter().rev()).all(|(a, b)| a == b)
        };
        let b = word.as_bytes();
        self.of(kind).iter().find_map(|(p, s)| {
            let (p, s) = (p.as_bytes(), s.as_bytes());
            (b.len() > p.len() + s.len() && starts(b, p) && ends(b, s))
                .then(|| word.get(p.len()..b.len() - s.len()))
                .flatten()
        })
    }

    pub(crate) fn add(&mut self, kind: &str, prefix: String, suffix: String) {
        self.kinds
            .entry(kind.to_string())
            .or_default()
            .push((prefix, suffix));
    }
}

/// All loaded knowledge.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    pub entities: Vec<EntityEntry>,
    pub nationalities: Vec<Nationality>,
    pub titles: Vec<Title>,
    pub speech_verbs: Vec<SpeechVerb>,
    pub boilerplate: Vec<BoilerplateRule>,
    pub months: Vec<MonthName>,
    pub numbers: Vec<NumberWord>,
    pub units: Vec<Unit>,
    pub relative: Vec<RelativeWord>,
    /// Folded words the segmenter must not cut («وزير», «الذي»).
    pub no_segment: WordSet,
    /// Folded nouns that are never part of a person's name.
    pub not_names: WordSet,
    /// Folded phrases that open a competition's name, which a place right after them
    /// completes («كأس إسبانيا», «دوري أبطال أوروبا»): no mention of the place.
    pub competitions: WordSet,
    /// Folded words that are part of a name only beside another («الله» of «عبد الله», «شبه»
    /// of «شبه جزيرة القرم»): alone they name nothing.
    pub name_parts: WordSet,
    /// Folded common given names (a feature of the entity tagger).
    pub given_names: WordSet,
    /// Folded function words: never a name, never a counted noun.
    pub function_words: WordSet,
    /// Folded words that end a quoted clause's speaker search («أن», «إن»).
    pub complementizers: WordSet,
    /// Folded words that mark a media name in a byline («برس», «وكالة»).
    pub media_words: WordSet,
    /// Folded words a byline uses for the outlet's own desk («متابعات», «وكالات»).
    pub generic_sources: WordSet,
    /// Folded words that name a part in making an article, not a person («تصوير», «حوار»):
    /// a byline's credit, not its author.
    pub byline_roles: WordSet,
    /// Folded credits of someone other than the author («تصوير»): the photographer's name
    /// after one is no author of the article.
    pub byline_credits: WordSet,
    /// Folded words that mark a news agency's name («وكالة»): a media name with one among
    /// its aliases is an agency, not an outlet.
    pub byline_agency_words: WordSet,
    /// Folded words between an author and the city he files from («من»: «عادل الخنين من
    /// الرياض»).
    pub byline_from: WordSet,
    /// Folded words allowed between a speech verb and its subject.
    pub speech_adverbs: WordSet,
    /// Folded words after which a speech verb's form is its noun («عدم كشف اسمه», «في رد»).
    pub noun_openers: WordSet,
    /// Folded subjects of a speech verb that are no one person («بيان», «مصادر», «بعض»).
    pub group_subjects: WordSet,
    /// Folded particles after which a clause's subject stands before its verb («لكن», «أما»).
    pub clause_openers: WordSet,
    /// Folded particles whose clause a «ف» answers («أما»): the topic after one is the
    /// subject of the verb the «ف» is on, even past a comma.
    pub answered_openers: WordSet,
    /// Folded demonstratives («هذا», «هذه»): before a noun after a speech verb they refer
    /// back to one named before («وأضاف هذا المسؤول»).
    pub demonstratives: WordSet,
    /// Folded relative pronouns («الذي», «التي»): a speech verb after one has for subject the
    /// name before it.
    pub relative_pronouns: WordSet,
    /// Folded nouns that name a place or a body after a person («مطار», «طريق», «مركز»).
    pub named_after: WordSet,
    /// Folded given names that are also a word of their own, each with the folded words after
    /// which it is that word and opens no name («باسم» after «المعروف»: "known by the name").
    pub called_by: rustc_hash::FxHashMap<String, WordSet>,
    /// Folded words that join the parts of a name («بن», «عبد»).
    pub name_links: WordSet,
    /// The name links that name a parent («بن»): the word after them is no family name.
    pub lineage_links: WordSet,
    /// The names of the topics in topics.tsv, in file order, and the topic of each folded
    /// word listed there (an index into `topics`): the entity tagger reads the topic of a
    /// passage («برشلونة» in a match report is a club, not a city).
    pub topics: Vec<String>,
    pub topic_of: rustc_hash::FxHashMap<String, u8>,
    /// For each topic, what a city named in its passages is when nothing marks it as the
    /// place (`city=ORG` in topics.tsv: in a match report «فاز برشلونة» is the club).
    pub topic_city: Vec<Option<EntityType>>,
    /// Topic words that name their topic wherever they stand (`sure=yes` in topics.tsv:
    /// «المباراة», not «هدف», which is also a target): a sentence with one is of that topic
    /// for the event patterns marked `not-in=TOPIC`.
    pub topic_sure: rustc_hash::FxHashSet<String>,
    /// Nouns that introduce an organisation or media name.
    pub entity_triggers: Vec<EntityTrigger>,
    /// Event codebook (events/cameo.tsv), trigger patterns (events/verbs.tsv), actor nouns
    /// with sectors (events/agents.tsv) and modality words (events/modality.tsv).
    pub event_codes: Vec<EventCode>,
    pub event_patterns: Vec<EventPattern>,
    pub event_agents: Vec<(String, String)>,
    /// Words that name an actor only as the subject of a verb done to oneself
    /// (`subject=reflexive` in events/agents.tsv: «انتحاريا … فجر نفسه», the bomber), with
    /// its sector; elsewhere they describe an attack («هجوم انتحاري»).
    pub reflexive_agents: Vec<(String, String)>,
    /// Actor nouns in the construct form (`construct=yes` in events/agents.tsv: «مسلحي»,
    /// «مقاتلي»): the actor named right after one is the one they belong to («مسلحي تنظيم
    /// داعش»). They are in `event_agents` too.
    pub construct_agents: WordSet,
    pub negation_words: WordSet,
    pub intent_words: WordSet,
    pub denial_words: WordSet,
    pub occurrence_words: WordSet,
    /// Words that name the doer when a trigger names the victim («برصاص», «على يد»).
    pub agent_markers: WordSet,
    /// Words that, right after a `voice=either` verb, show it is passive («قتل نحو 80»).
    pub passive_cues: WordSet,
    /// Words that open an approximate count («نحو», «حوالي»): a count follows.
    pub counting_cues: WordSet,
    /// Words before a place name that make it where an event happened («في بغداد»), not who
    /// took part in it.
    pub place_words: WordSet,
    /// Words that describe how an attack was carried out («انتحاري», «مفخخة»): evidence of
    /// an event for the detector, never actors.
    pub manner_words: WordSet,
    /// Pronouns that make the doer act on themself («فجر نفسه»): the doer is the subject.
    pub reflexive_words: WordSet,
    /// Words before the side a protest is aimed at («ضد», «أمام»).
    pub against_words: WordSet,
    /// Phrases that open with one of `against_words` and aim at no one («على الأرجح»).
    pub hedge_words: WordSet,
    /// Causes of death or wounds that are no attack («حادث سير», «زلزال»).
    pub accident_words: WordSet,
    /// Words after the victims that count some among them («بينهم», «منهم»).
    pub among_words: WordSet,
    /// Words that name a charge: the crime after them is charged, not reported («بتهمة قتل»).
    pub charge_words: WordSet,
    /// Words after a crowd that say what it is made of («آلاف من الطلاب»).
    pub partitive_words: WordSet,
    /// Words before what an event of words or cooperation is about («بشأن», «حول»).
    pub topic_words: WordSet,
    /// Words of time that make a trigger which is also a time of day that time («فجر أمس»).
    pub time_words: WordSet,
    /// Affixes the event and quotation rules read off a word (events/affixes.tsv).
    pub affixes: Affixes,
    /// Files loaded, in order, for `rasd resources` and error messages.
    pub sources: Vec<String>,
}

impl Resources {
    /// The knowledge compiled into the binary.
    pub fn builtin() -> Self {
        let mut r = Resources::default();
        for (name, text) in files::BUILTIN {
            // The built-in files are tested at build time (see tests below), so a parse error
            // here is a bug in the repository, not in user input.
            if let Err(e) = r.add_file(&format!("builtin:{name}"), name, text) {
                panic!("built-in resource file is invalid: {e}");
            }
        }
        r
    }

    /// A fingerprint of the built-in knowledge: models trained on features drawn from it carry
    /// it, so that a change to a list without retraining the models is caught by the tests.
    pub fn builtin_fingerprint() -> u64 {
        let mut h: u64 = 0xcbf29ce484222325;
        for (name, text) in files::BUILTIN {
            for b in name.bytes().chain([0]).chain(text.bytes()).chain([0]) {
                h ^= b as u64;
                h = h.wrapping_mul(0x100000001b3);
            }
        }
        h
    }

    /// The built-in files as (path inside `resources/`, text), for tools and tests that
    /// want to load a subset.
    pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
        files::BUILTIN
    }

    /// Adds every known resource file found under `dir` (same relative names as the
    /// built-in folder, e.g. `entities/people.tsv`; any `*.tsv` under `entities/` is read).
    pub fn load_dir(&mut self, dir: &Path) -> Result<usize, ResourceError> {
        let mut n = 0;
        let mut paths: Vec<PathBuf> = Vec::new();
        collect(dir, &mut paths).map_err(|e| ResourceError::io(dir, e))?;
        paths.sort();
        for p in paths {
            let rel = p
                .strip_prefix(dir)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            if files::kind_of(&rel).is_none() {
                continue;
            }
            let text = std::fs::read_to_string(&p).map_err(|e| ResourceError::io(&p, e))?;
            self.add_file(&p.display().to_string(), &rel, &text)?;
            n += 1;
        }
        Ok(n)
    }

    /// Parses one file's text as the resource named `rel` (its path inside a resources
    /// folder) and adds it.
    pub fn add_file(&mut self, origin: &str, rel: &str, text: &str) -> Result<(), ResourceError> {
        let kind = files::kind_of(rel).ok_or_else(|| ResourceError::unknown(origin, rel))?;
        parse::parse_into(self, kind, origin, text)?;
        self.sources.push(origin.to_string());
        Ok(())
    }

    /// Folded alias → indices into [`Resources::entities`], for every alias of every entry.
    pub fn alias_index(&self) -> std::collections::HashMap<String, Vec<usize>> {
        let mut m: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            for a in &e.aliases {
                let v = m.entry(rasd_text::fold_phrase(a)).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        m
    }

    /// A segmenter set up with the no-segment list and every known name protected from
    /// stemming.
    pub fn segmenter(&self) -> rasd_text::Segmenter {
        let mut protected = WordSet::default();
        for e in &self.entities {
            for a in &e.aliases {
                // Only one-word names: their stems are what a search for them would hit.
                if !a.contains(' ') {
                    protected.insert(rasd_text::fold(a));
                }
            }
        }
        rasd_text::Segmenter::new(self.no_segment.clone(), protected)
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let p = entry.path();
        if entry.file_type()?.is_dir() {
            collect(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_parse_and_are_not_empty() {
        let r = Resources::builtin();
        assert!(
            r.entities
                .iter()
                .filter(|e| e.kind == EntityType::Gpe)
                .count()
                >= 190
        );
        assert!(r.nationalities.len() >= 100);
        // The derived plural is no name; the singular and a bare broken plural may be.
        let rus = r.nationalities.iter().find(|n| n.country == "RUS").unwrap();
        for f in ["روسي", "الروسي", "روس"] {
            assert!(
                rus.name_like.iter().any(|x| x == f),
                "{f}: {:?}",
                rus.name_like
            );
        }
        for f in ["الروسيون", "روسيه", "الروس"] {
            assert!(rus.forms.iter().any(|x| x == f), "{f}");
            assert!(!rus.name_like.iter().any(|x| x == f), "{f}");
        }
        assert!(r.titles.len() >= 30);
        assert!(r.speech_verbs.len() >= 30);
        assert!(r.boilerplate.len() >= 10);
        assert_eq!(
            r.months
                .iter()
                .filter(|m| m.calendar == Calendar::Gregorian)
                .map(|m| m.number)
                .max(),
            Some(12)
        );
        assert_eq!(
            r.months
                .iter()
                .filter(|m| m.calendar == Calendar::Hijri)
                .map(|m| m.number)
                .max(),
            Some(12)
        );
        assert!(
            r.event_codes.len() >= 30
                && r.event_patterns.len() >= 300
                && r.event_agents.len() >= 100
        );
    }

    #[test]
    fn affixes_read_off_words() {
        let a = &Resources::builtin().affixes;
        assert_eq!(a.strip("future", "سيهاجم"), Some("يهاجم"));
        assert_eq!(a.strip("future", "وستواصل"), Some("تواصل"));
        assert!(a.matches("plural", "قتلوا") && a.matches("plural", "يطلقون"));
        assert!(!a.matches("plural", "قتل") && !a.matches("plural", "مدنيون"));
        assert!(a.matches("future-verb", "ستواصل") && !a.matches("future-verb", "ست"));
        assert_eq!(a.strip("accusative", "اميركيا"), Some("اميركي"));
        let mut r = Resources::default();
        let bad = parse::parse_into(&mut r, files::Kind::EventAffixes, "x.tsv", "plural\tوا\n");
        assert!(bad.is_err());
        let bad = parse::parse_into(&mut r, files::Kind::EventAffixes, "x.tsv", "gender\t-ة\n");
        assert!(bad.is_err());
    }

    #[test]
    fn verb_conjugations() {
        let forms = parse::conjugations("+هاجم/يهاجم").unwrap();
        for f in ["هاجم", "هاجمت", "هاجموا", "يهاجم", "تهاجم", "يهاجمون"]
        {
            assert!(forms.iter().any(|x| x == f), "{f} missing from {forms:?}");
        }
        let forms = parse::conjugations("+نفى/ينفي").unwrap();
        assert!(forms.iter().any(|x| x == "نفت") && !forms.iter().any(|x| x == "نفىت"));
        assert_eq!(
            parse::conjugations("+أطلق/يطلق النار").unwrap()[0],
            "أطلق النار"
        );
        // «+وعد/-»: the past alone; «يعد» is far more often «يُعدّ», is considered.
        let forms = parse::conjugations("+وعد/-").unwrap();
        assert!(forms.iter().any(|x| x == "وعدت"), "{forms:?}");
        assert!(
            !forms.iter().any(|x| x == "يعد" || x == "تعد" || x == "-"),
            "{forms:?}"
        );
    }

    /// «…» splits a pattern into its trigger and the words that must follow it; «-» goes
    /// only with such patterns.
    #[test]
    fn patterns_with_what_follows() {
        let mut r = Resources::builtin();
        r.add_file(
            "mine",
            "events/verbs.tsv",
            "127\t+انسحب/ينسحب … من الاتفاق\n",
        )
        .unwrap();
        let p = r
            .event_patterns
            .iter()
            .rev()
            .find(|p| p.folded == "انسحبت")
            .unwrap();
        assert_eq!(
            (p.code.as_str(), p.then.as_deref()),
            ("127", Some("من الاتفاق"))
        );
        assert!(p.verb);
        for bad in ["-\t+احتل/يحتل\n", "127\tانسحاب …\n", "999\tكلمة\n"] {
            let err = Resources::builtin()
                .add_file("mine", "events/verbs.tsv", bad)
                .unwrap_err()
                .to_string();
            assert!(err.contains("line 1"), "{bad}: {err}");
        }
    }

    #[test]
    fn topic_exclusions() {
        let mut r = Resources::builtin();
        r.add_file(
            "mine",
            "events/verbs.tsv",
            "040	لقاء	not-in=sport
",
        )
        .unwrap();
        let sport = r.topics.iter().position(|t| t == "sport").unwrap() as u8 + 1;
        let p = r.event_patterns.last().unwrap();
        assert_eq!((p.folded.as_str(), p.not_in), ("لقاء", Some(sport)));
        assert!(r.topic_sure.contains(&rasd_text::fold("المباراة")));
        r.add_file("mine", "entity-triggers.tsv", "ORG	معهد	in-name=yes\n")
            .unwrap();
        let t = r.entity_triggers.last().unwrap();
        assert_eq!((t.folded.as_str(), t.in_name), ("معهد", true));
        for (file, bad) in [
            (
                "events/verbs.tsv",
                "040	لقاء	not-in=cooking
",
            ),
            (
                "topics.tsv",
                "sport	المباراة	sure=maybe
",
            ),
            (
                "entity-triggers.tsv",
                "ORG	معهد	in-name=perhaps
",
            ),
        ] {
            let err = Resources::builtin()
                .add_file("mine", file, bad)
                .unwrap_err()
                .to_string();
            assert!(err.contains("line 1"), "{bad}: {err}");
        }
    }

    #[test]
    fn every_country_code_is_alpha3() {
        let r = Resources::builtin();
        for e in &r.entities {
            if let Some(c) = &e.country {
                assert!(
                    c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase()),
                    "{}: {c}",
                    e.origin
                );
            }
        }
    }

    #[test]
    fn user_files_extend_builtin() {
        let dir = std::env::temp_dir().join(format!("rasd-res-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("entities")).unwrap();
        std::fs::write(
            dir.join("entities/mine.tsv"),
            "# my people\nPER\tEGY\tأحمد الريدي|الريدي\n",
        )
        .unwrap();
        let mut r = Resources::builtin();
        let before = r.entities.len();
        assert_eq!(r.load_dir(&dir).unwrap(), 1);
        assert_eq!(r.entities.len(), before + 1);
        assert_eq!(r.entities.last().unwrap().canonical, "أحمد الريدي");
        std::fs::write(dir.join("entities/bad.tsv"), "XYZ\tEGY\tفلان\n").unwrap();
        let err = Resources::builtin().load_dir(&dir).unwrap_err().to_string();
        assert!(err.contains("bad.tsv") && err.contains("line 1"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A user's relaying verb, and the attributes a speech verb's line may not carry.
    #[test]
    fn speech_verb_attributes() {
        let mut r = Resources::default();
        r.add_file(
            "mine/speech-verbs.tsv",
            "speech-verbs.tsv",
            "روى\tروى|روت\t-\t-\tfrom=عن\tnoun=رواية\n",
        )
        .unwrap();
        assert!(r
            .speech_verbs
            .iter()
            .all(|v| v.from.as_deref() == Some("عن") && v.noun.as_deref() == Some("روايه")));
        for (line, why) in [
            ("قال\tقال\tvia=عن\n", "unknown attribute «via=»"),
            ("قال\tقال\tfrom=\n", "«from=» needs a word"),
            ("قال\tfrom=عن\n", "LEMMA and finite forms"),
        ] {
            let err = Resources::default()
                .add_file("mine/speech-verbs.tsv", "speech-verbs.tsv", line)
                .unwrap_err()
                .to_string();
            assert!(err.contains(why) && err.contains("line 1"), "{err}");
        }
    }

    #[test]
    fn names_in_quotation_marks_are_kept_apart() {
        let mut r = Resources::default();
        r.add_file(
            "test",
            "entities/media.tsv",
            "MEDIA\tSAU\t«الرياض»|صحيفة الرياض|« »\n",
        )
        .unwrap();
        let e = &r.entities[0];
        assert_eq!(e.canonical, "صحيفة الرياض");
        assert_eq!(e.aliases, ["صحيفة الرياض"]);
        assert_eq!(e.quoted, ["الرياض"]);
        let err = r
            .add_file("test", "entities/media.tsv", "MEDIA\tSAU\t«الرياض»\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("outside quotation marks"), "{err}");
    }
}
