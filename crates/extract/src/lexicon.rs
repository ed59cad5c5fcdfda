//! The resources compiled into lookup tables, built once and shared by every article.

use rustc_hash::FxHashMap as HashMap;

use rasd_resources::{Calendar, EntityTrigger, Relative, Resources, VerbForm, WordSet};
use rasd_text::fold_phrase;

/// A phrase table: folded phrase → value, with the longest phrase length per first word so
/// that a scan tries only lengths that can match.
#[derive(Debug, Clone)]
pub struct Phrases<V> {
    map: HashMap<String, V>,
    /// The longest phrase opening with a word, keyed by the word's hash
    /// ([`crate::context::word_hash`]): the tokens of an article carry the hashes of their
    /// forms, so that the many tables a token is looked up in turn it away without hashing
    /// or comparing a string. Two words sharing a hash only cost a look-up that finds nothing.
    first: HashMap<u64, usize>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            map: HashMap::default(),
            first: HashMap::default(),
        }
    }
}

impl<V> Phrases<V> {
    /// Inserts unless the phrase is already there (first entry wins, so built-in files, read
    /// first, keep priority over the order of later lines).
    pub fn insert(&mut self, phrase: &str, v: V) {
        let key = fold_phrase(phrase);
        if key.is_empty() {
            return;
        }
        let n = key.split(' ').count();
        let first = crate::context::word_hash(key.split(' ').next().unwrap_or(""));
        let m = self.first.entry(first).or_insert(0);
        *m = (*m).max(n);
        self.map.entry(key).or_insert(v);
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }

    pub fn max_len(&self, first_word: &str) -> usize {
        self.max_len_hashed(crate::context::word_hash(first_word))
    }

    /// [`Phrases::max_len`] of the word with this hash (0 for most words).
    pub fn max_len_hashed(&self, first_word: u64) -> usize {
        self.first.get(&first_word).copied().unwrap_or(0)
    }
}

#[derive(Debug, Clone)]
pub struct TitleInfo {
    pub sector: Option<String>,
    pub role: Option<String>,
    /// A title with a pronoun on it («سموه», «معاليه»: `refers=back` in titles.tsv) names
    /// no one after it; it is the last person the article named in that role
    /// ([`TitleInfo::refers_to`]).
    pub refers_back: bool,
    /// Other roles a title with a pronoun may refer back to (`also=` in titles.tsv:
    /// «معاليه» is a foreign minister's as well as a minister's).
    pub also: Vec<String>,
    /// A rank of address or of the ranks (`rank=yes`: «الدكتور», «الشيخ», «الأمير»,
    /// «اللواء»): between an office and the name, it leaves the person the office's role.
    pub rank: bool,
    /// The country the title itself names (`country=` in titles.tsv: «المستشارة الألمانية»).
    pub country: Option<String>,
    /// The title speaks for whoever is named after it (`speaks-for=yes`: «المتحدث باسم»):
    /// that body or person is skipped, and the title's person is named after them.
    pub speaks_for: bool,
}

impl TitleInfo {
    /// Whether a title with a pronoun («معاليه») may mean a person holding `role`: its own
    /// role or one of its `also` roles («foreign_minister» for «معاليه»).
    pub fn refers_to(&self, role: Option<&str>) -> bool {
        role.is_some_and(|role| self.role.iter().chain(&self.also).any(|r| r == role))
    }
}

/// A speech verb's form as the quotation rules and the entity tagger read it
/// (resources/speech-verbs.tsv).
#[derive(Debug, Clone)]
pub struct SpeechForm {
    /// The lemma reported in a quotation's `verb` field.
    pub lemma: String,
    pub form: VerbForm,
    /// Also written as another word («بين», between): a speech verb only where its words
    /// follow.
    pub other_word: bool,
    /// Listed as finite or participle, a form a speaker's name may stand beside, as the
    /// impersonal «يقال», «يشار» never do.
    pub personal: bool,
    /// The preposition after which a relaying verb names the one whose words it reports
    /// (`from=`, folded).
    pub from: Option<String>,
}

impl SpeechForm {
    /// A relaying form that is also another word («نقل», to carry): it relays only where
    /// its preposition follows, and no name beside it is a speaker's.
    pub fn relays_only_with_preposition(&self) -> bool {
        self.other_word && self.from.is_some()
    }
}

#[derive(Debug, Clone)]
pub struct Lexicon {
    pub res: Resources,
    /// Alias → indices into `res.entities`.
    pub gazetteer: Phrases<Vec<usize>>,
    /// Names read as an entry only inside quotation marks («الشرق الأوسط», the newspaper)
    /// → indices into `res.entities`.
    pub quoted: Phrases<Vec<usize>>,
    /// Names of `tagged=` in entities/*.tsv: the entry where the statistical tagger reads a
    /// name («مالي», Mali, is also "financial"), by index into `res.entities`.
    pub tagged: Phrases<usize>,
    pub nationality: Phrases<String>,
    /// The nationality forms also written as names ([`rasd_resources::Nationality::name_like`]).
    pub nationality_names: WordSet,
    pub titles: Phrases<TitleInfo>,
    pub speech: HashMap<String, SpeechForm>,
    /// Speech verbs' nouns as written before a pronoun (`noun=` in speech-verbs.tsv), folded.
    pub speech_nouns: WordSet,
    pub months: Phrases<(Calendar, u8)>,
    pub numbers: HashMap<String, (f64, bool)>,
    pub units: Phrases<String>,
    pub relative: Phrases<Relative>,
    /// The ordinals of relative-dates.tsv that name a day of a month («الرابع من مارس»),
    /// apart from the other date words: alone they are no time word («الفرع الرابع عشر»).
    pub ordinal_days: Phrases<u8>,
    /// «شهر» before a month's name (relative-dates.tsv `month-word`), kept apart from the
    /// other date words as the ordinals are.
    pub month_words: WordSet,
    pub triggers: Phrases<EntityTrigger>,
    /// The words that open a competition's name (competitions.txt: «كأس», «دوري أبطال»).
    pub competitions: Phrases<()>,
    pub not_names: WordSet,
    /// One-word event nouns that stand on their own (not only in «…» patterns): «شريكتان»,
    /// «اجتماع», never a name by themselves. Verbs are left out: many names are written as
    /// a verb is («يزيد», «أحمد», and «زارا», the retailer).
    pub event_words: WordSet,
    pub function_words: WordSet,
    pub complementizers: WordSet,
    /// Connectors inside Arabic names («بن», «أبو», «عبد»): the next word belongs to the name.
    pub name_links: WordSet,
    /// People with a dated office (`from=` in the people list): indices into `res.entities`,
    /// so a title resolved against a date scans a few dozen entries, not the gazetteer.
    pub office_holders: Vec<usize>,
    /// Which lexicon this is: caches of what it says of a word are kept per lexicon.
    pub(crate) id: u64,
}

impl Lexicon {
    pub fn new(res: Resources) -> Self {
        let mut gazetteer: Phrases<Vec<usize>> = Phrases::default();
        for (i, e) in res.entities.iter().enumerate() {
            for a in &e.aliases {
                let key = fold_phrase(a);
                match gazetteer.map.get_mut(&key) {
                    Some(v) if !v.contains(&i) => v.push(i),
                    Some(_) => {}
                    None => gazetteer.insert(a, vec![i]),
                }
            }
        }
        let mut quoted: Phrases<Vec<usize>> = Phrases::default();
        for (i, e) in res.entities.iter().enumerate() {
            for a in &e.quoted {
                match quoted.map.get_mut(&fold_phrase(a)) {
                    Some(v) if !v.contains(&i) => v.push(i),
                    Some(_) => {}
                    None => quoted.insert(a, vec![i]),
                }
            }
        }
        let mut tagged = Phrases::default();
        for (i, e) in res.entities.iter().enumerate() {
            for a in e.attrs.get("tagged").into_iter().flat_map(|v| v.split('|')) {
                tagged.insert(a, i);
            }
        }
        let office_holders = (0..res.entities.len())
            .filter(|&i| res.entities[i].attrs.contains_key("from"))
            .collect();
        let mut nationality = Phrases::default();
        let mut nationality_names = WordSet::default();
        for n in &res.nationalities {
            for f in &n.forms {
                nationality.insert(f, n.country.clone());
            }
            for f in &n.name_like {
                nationality_names.insert(f.clone());
            }
        }
        let mut titles = Phrases::default();
        for t in &res.titles {
            titles.insert(
                &t.phrase,
                TitleInfo {
                    sector: t.sector.clone(),
                    role: t.attrs.get("role").cloned(),
                    refers_back: t.attrs.get("refers").is_some_and(|v| v == "back"),
                    also: t
                        .attrs
                        .get("also")
                        .map(|v| v.split(',').map(str::to_string).collect())
                        .unwrap_or_default(),
                    rank: t.attrs.get("rank").is_some_and(|v| v == "yes"),
                    country: t.attrs.get("country").cloned(),
                    speaks_for: t.attrs.get("speaks-for").is_some_and(|v| v == "yes"),
                },
            );
        }
        // A form listed twice («يذكر», finite and impersonal) is read as the later listing;
        // it is `personal` and `other_word` if any listing says so.
        let mut speech: HashMap<String, SpeechForm> = HashMap::default();
        for v in &res.speech_verbs {
            let e = speech.entry(v.folded.clone()).or_insert(SpeechForm {
                lemma: String::new(),
                form: v.form,
                other_word: false,
                personal: false,
                from: None,
            });
            e.lemma.clone_from(&v.lemma);
            if v.from.is_some() {
                e.from.clone_from(&v.from);
            }
            e.form = v.form;
            e.other_word |= v.other_word;
            e.personal |= v.form != VerbForm::Impersonal;
        }
        let speech_nouns = res
            .speech_verbs
            .iter()
            .filter_map(|v| v.noun.clone())
            .collect();
        let mut months = Phrases::default();
        for m in &res.months {
            months.insert(&m.folded, (m.calendar, m.number));
        }
        let numbers = res
            .numbers
            .iter()
            .map(|n| (n.folded.clone(), (n.value, n.multiplier)))
            .collect();
        let mut units = Phrases::default();
        for u in &res.units {
            units.insert(&u.folded, u.id.clone());
        }
        let mut competitions = Phrases::default();
        for c in &res.competitions {
            competitions.insert(c, ());
        }
        let mut relative = Phrases::default();
        let mut ordinal_days = Phrases::default();
        let mut month_words = WordSet::default();
        for r in &res.relative {
            match r.meaning {
                Relative::DayOfMonth(d) => ordinal_days.insert(&r.folded, d),
                Relative::MonthWord => {
                    month_words.insert(r.folded.clone());
                }
                _ => relative.insert(&r.folded, r.meaning.clone()),
            }
        }
        let mut triggers = Phrases::default();
        for t in &res.entity_triggers {
            triggers.insert(&t.folded, t.clone());
        }
        Lexicon {
            id: crate::tagger::next_id(),
            office_holders,
            gazetteer,
            quoted,
            tagged,
            nationality,
            nationality_names,
            titles,
            speech,
            speech_nouns,
            months,
            numbers,
            units,
            relative,
            ordinal_days,
            month_words,
            triggers,
            competitions,
            // A name stops at a function word as well as at a listed noun.
            not_names: res.not_names.union(&res.function_words).cloned().collect(),
            event_words: res
                .event_patterns
                .iter()
                .filter(|p| p.then.is_none() && !p.verb && p.code != "-" && !p.folded.contains(' '))
                .map(|p| p.folded.clone())
                .collect(),
            function_words: res.function_words.clone(),
            complementizers: res.complementizers.clone(),
            name_links: res.name_links.clone(),
            res,
        }
    }
}
