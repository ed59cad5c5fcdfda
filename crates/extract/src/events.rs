//! Political events: who did what to whom, coded in CAMEO and PLOVER, from Arabic sentences.
//!
//! Triggers, actor nouns and modality words come from `resources/events/`. Per sentence:
//! the actors (entities, titles with the person they name, actor nouns such as «الشرطة» with
//! a nationality adjective after them, and bare nationality adjectives) are collected; each
//! trigger then takes a source and a target by Arabic word order — a verb's subject follows
//! it (VSO), a noun's agent precedes it, a coordinated verb («…، واتّهم تركيا») keeps the
//! sentence's subject — and inside a quotation a verdict («"X يتحمل مسؤولية …"») is the
//! speaker's.

use rustc_hash::FxHashMap as HashMap;

use rasd_doc::{Actor, Cameo, Plover};
use rasd_resources::{EntityType, EventCode};
use rasd_text::TokenKind;

use crate::context::{variants, Ctx};
use crate::dates::DateFound;
use crate::entities::Entities;
use crate::lexicon::{Lexicon, Phrases};
use crate::quotes::QuoteFound;

/// What a pattern of events/verbs.tsv triggers; the fields are those of
/// [`rasd_resources::EventPattern`].
#[derive(Debug, Clone, Default)]
pub struct Trigger {
    pub code: String,
    pub by_speaker: bool,
    pub verb: bool,
    pub victim: bool,
    pub either_voice: bool,
    pub genitive_doer: bool,
    pub time_of_day: bool,
    pub needs_occurrence: bool,
    /// Codes that hold when given words follow within a few words (a pattern written
    /// «+انسحب/ينسحب … من الاتفاق»): the folded words and the code. `code` is empty when
    /// the trigger stands only in such patterns.
    pub then: Vec<(String, String)>,
    /// The passage topic in which the form is no trigger (`not-in=` in verbs.tsv).
    pub not_in: Option<u8>,
}

/// How many words may stand between a trigger and the words a «…» pattern needs after it:
/// enough for a subject and a date («انسحبت الولايات المتحدة رسميا أمس من الاتفاق»).
const GAP: usize = 5;

/// The compiled event knowledge.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    /// Folded pattern → what it triggers.
    pub patterns: Phrases<Trigger>,
    /// Agent markers («على يد», «برصاص»), possibly several words.
    pub agents_markers: Phrases<()>,
    /// Causes of death that are no attack («حادث سير», «زلزال»), possibly several words.
    pub accident_causes: Phrases<()>,
    /// Phrases that open with an `against` word and aim at no one («على الأرجح»).
    pub hedges: Phrases<()>,
    pub codes: HashMap<String, EventCode>,
    pub agents: Phrases<String>,
    /// Nouns that are actors only as the subject of a verb done to oneself, with their sector.
    pub reflexive_agents: Phrases<String>,
    /// One-word agent nouns with a possessive pronoun («جنوده» → MIL), and with a
    /// conjunction before them («وجنوده»), built once from events/affixes.tsv: looked up for
    /// every word.
    pub possessed: rustc_hash::FxHashMap<String, String>,
    /// The letters a possessive pronoun ends in (events/affixes.tsv): only a word ending in
    /// one of them is looked up without its pronoun.
    pub pronoun_ends: Vec<char>,
}

impl EventLexicon {
    pub fn new(res: &rasd_resources::Resources) -> Self {
        // One trigger per form: the first plain pattern of a form gives its code and flags,
        // and every «…» pattern of the form adds the code its following words give.
        let mut triggers: Vec<(String, Trigger)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::default();
        for p in &res.event_patterns {
            let i = *at.entry(p.folded.clone()).or_insert_with(|| {
                triggers.push((p.folded.clone(), Trigger::default()));
                triggers.len() - 1
            });
            let t = &mut triggers[i].1;
            // The flags of a form are those of its plain pattern, else of its first «…» one.
            let flags = |t: &mut Trigger| {
                t.by_speaker = p.by_speaker;
                t.verb = p.verb;
                t.victim = p.victim;
                t.either_voice = p.either_voice;
                t.genitive_doer = p.genitive_doer;
                t.time_of_day = p.time_of_day;
                t.needs_occurrence = p.needs_occurrence;
                t.not_in = p.not_in;
            };
            match &p.then {
                None if !t.code.is_empty() => {}
                None => {
                    flags(t);
                    t.code = p.code.clone();
                }
                Some(tail) => {
                    if t.code.is_empty() && t.then.is_empty() {
                        flags(t);
                    }
                    t.then.push((tail.clone(), p.code.clone()));
                }
            }
        }
        let mut patterns = Phrases::default();
        for (form, t) in triggers {
            patterns.insert(&form, t);
        }
        let mut agents = Phrases::default();
        for (noun, sector) in &res.event_agents {
            agents.insert(noun, sector.clone());
        }
        let mut reflexive_agents = Phrases::default();
        for (noun, sector) in &res.reflexive_agents {
            reflexive_agents.insert(noun, sector.clone());
        }
        // Marker lists of events/modality.tsv whose entries may be several words.
        let phrases = |words: &rasd_resources::WordSet| {
            let mut table = Phrases::default();
            for w in words {
                table.insert(w, ());
            }
            table
        };
        let agents_markers = phrases(&res.agent_markers);
        let accident_causes = phrases(&res.accident_words);
        let hedges = phrases(&res.hedge_words);
        let mut possessed = rustc_hash::FxHashMap::default();
        let conj: Vec<&str> = std::iter::once("")
            .chain(
                res.affixes
                    .of("conjunction")
                    .iter()
                    .map(|(p, _)| p.as_str()),
            )
            .collect();
        for (noun, sector) in res.event_agents.iter().filter(|(n, _)| !n.contains(' ')) {
            for (p, s) in res.affixes.of("possessive") {
                for c in &conj {
                    possessed
                        .entry(format!("{c}{p}{noun}{s}"))
                        .or_insert_with(|| sector.clone());
                }
            }
        }
        let mut pronoun_ends: Vec<char> = res
            .affixes
            .of("possessive")
            .iter()
            .filter_map(|(_, s)| s.chars().last())
            .collect();
        pronoun_ends.sort_unstable();
        pronoun_ends.dedup();
        EventLexicon {
            pronoun_ends,
            patterns,
            codes: res
                .event_codes
                .iter()
                .map(|c| (c.code.clone(), c.clone()))
                .collect(),
            agents,
            reflexive_agents,
            agents_markers,
            accident_causes,
            hedges,
            possessed,
        }
    }
}

/// An event with byte offsets and entity indices, before the record is written.
#[derive(Debug, Clone)]
pub struct EventFound {
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    pub trigger: (usize, usize),
    pub cameo: Cameo,
    pub plover: Option<Plover>,
    pub negated: bool,
    pub modality: &'static str,
    pub reported: Option<bool>,
    pub reported_by: Option<ActorRef>,
    pub sentence: (usize, usize),
    pub location: Option<usize>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActorRef {
    pub entity: Option<usize>,
    pub span: (usize, usize),
    /// A country, or the kind of international actor in that place of a CAMEO code («IGO»,
    /// «IMG»).
    pub country: Option<String>,
    pub sector: Option<String>,
    /// An international body's own code («UNO», «NATO»), after the other two in the code.
    pub org: Option<String>,
}

impl ActorRef {
    pub fn to_actor(&self, text: &str, id_of: &[Option<String>]) -> Actor {
        let code: String = [&self.country, &self.sector, &self.org]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let code = (!code.is_empty()).then_some(code);
        Actor {
            entity: self.entity.and_then(|e| id_of.get(e).cloned().flatten()),
            text: text[self.span.0..self.span.1].to_string(),
            start: self.span.0,
            end: self.span.1,
            country: self.country.clone(),
            sector: self.sector.clone(),
            code,
        }
    }
}

/// An actor mention: tokens `first..last` of the sentence.
#[derive(Debug, Clone)]
struct Mention {
    first: usize,
    last: usize,
    actor: ActorRef,
}

fn quad_class(root: &str) -> u8 {
    match root.parse::<u8>().unwrap_or(0) {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    }
}

fn entity_actor(
    lex: &Lexicon,
    ents: &Entities,
    e: usize,
    span: (usize, usize),
) -> Option<ActorRef> {
    let f = &ents.found[e];
    let entry = f.entry.and_then(|i| lex.res.entities.get(i));
    let sector = match f.kind {
        // A state or its capital stands for its government («موسكو» → RUS GOV); another city
        // of the gazetteer for its country alone. A place the tagger found and no dictionary
        // knows keeps the government reading, the common one for a place acting in the news.
        EntityType::Gpe => match entry {
            Some(x) => x.attrs.get("sector").cloned(),
            None => Some("GOV".to_string()),
        },
        EntityType::Loc => return None,
        EntityType::Media => f.sector.clone().or(Some("MED".into())),
        _ => f.sector.clone(),
    };
    // International actors take the country's place in a CAMEO code: an intergovernmental
    // or non-governmental body is its kind followed by its own code (`actor=`: the UN
    // «IGOUNO», Amnesty «NGOAMN»); a group whose `actor=` is itself a kind keeps its sector
    // (al-Qaeda, `actor=IMG`: «IMGREB»).
    let international = entry.and_then(|x| x.attrs.get("actor")).cloned();
    let is_kind = |c: &str| rasd_doc::INTERNATIONAL.contains(&c);
    let (country, sector, org) = match (&f.country, international) {
        (Some(c), _) => (Some(c.clone()), sector, None),
        (None, org) if sector.as_deref().is_some_and(is_kind) => (sector, None, org),
        (None, Some(kind)) if is_kind(&kind) => (Some(kind), sector, None),
        (None, _) => (None, sector, None),
    };
    Some(ActorRef {
        entity: Some(e),
        span,
        country,
        sector,
        org,
    })
}

/// Token `k` introduces the side an event is aimed at («على», «ضد»), unless it opens a
/// phrase that aims at no one («على الأرجح», `hedge` in events/modality.tsv).
fn aims_at(ctx: &Ctx, lex: &Lexicon, ev: &EventLexicon, k: usize) -> bool {
    in_words(ctx, &lex.res.against_words, k) && ctx.match_at(&ev.hedges, k, true).is_none()
}

fn in_words(ctx: &Ctx, set: &rasd_resources::WordSet, k: usize) -> bool {
    ctx.toks.get(k).is_some_and(|t| {
        t.kind == TokenKind::Arabic
            && variants(&t.norm)
                .iter()
                .take(2)
                .any(|(v, _)| set.contains(v.as_ref()))
    })
}

/// An unnamed source of a quotation (its byte span) as an actor: the country of an entity or a
/// nationality in its words, the sector of an actor noun or of a body named there («مصدر في
/// الشرطة العراقية» → IRQ COP, «مسؤول أمني» → none). None when its words name neither.
fn unnamed_actor(
    ctx: &Ctx,
    lex: &Lexicon,
    ev: &EventLexicon,
    ents: &Entities,
    (start, end): (usize, usize),
) -> Option<ActorRef> {
    let first = ctx.toks.partition_point(|t| t.start < start);
    let last = ctx.toks.partition_point(|t| t.start < end);
    let ms = mentions(ctx, lex, ev, ents, first, last.max(first));
    let country = ms.iter().find_map(|m| m.actor.country.clone());
    let sector = ms.iter().find_map(|m| m.actor.sector.clone());
    (country.is_some() || sector.is_some()).then_some(ActorRef {
        entity: None,
        span: (start, end),
        country,
        sector,
        org: None,
    })
}

/// Where the folded words `words` end when they stand at token `j` (before `s1`), the first
/// with a proclitic seen through («بخرق»).
fn follows(ctx: &Ctx, j: usize, s1: usize, words: &str) -> Option<usize> {
    let mut end = j;
    for (n, w) in words.split(' ').enumerate() {
        let t = ctx.toks.get(end).filter(|_| end < s1)?;
        let same = if n == 0 {
            variants(&t.norm).iter().any(|(v, _)| v == w)
        } else {
            t.norm == w
        };
        if !same {
            return None;
        }
        end += 1;
    }
    Some(end)
}

/// Whether token `k` is a verb in the future («ستواصل»). The prefix alone also opens nouns
/// («سيارة مفخخة», «سيطرة») and numbers («ستة»); a verb never ends in «ة».
fn future_verb(ctx: &Ctx, lex: &Lexicon, k: usize) -> bool {
    let t = &ctx.toks[k];
    lex.res.affixes.matches("future-verb", &t.norm)
        && !rasd_text::base(ctx.slice(t.start, t.end)).ends_with('ة')
        && !lex.numbers.contains_key(&t.norm)
}

/// Whether a verb written alike in both voices reads as passive from what follows it: a count
/// when no subject came before (`count_is_subject`: «قتل 20 شخصا», «قتل نحو 80»), a
/// preposition or nothing («قتلوا في هجوم», «… قتل.»), or a wound verb joined to it («قتل
/// وأصيب آخر»). An active verb is followed by its subject or its object.
fn reads_passive(
    ctx: &Ctx,
    lex: &Lexicon,
    ev: &EventLexicon,
    next: usize,
    s1: usize,
    count_is_subject: bool,
) -> bool {
    if next >= s1 {
        return true;
    }
    let w = ctx.toks[next].norm.as_str();
    (count_is_subject
        && (crate::quantities::is_number(ctx, lex, next) || lex.res.counting_cues.contains(w)))
        || lex.res.passive_cues.contains(w)
        // The doer introduced right after the verb («خطفوا على أيدي مسلحين»), or after a
        // word or three of circumstance («اختطفا من منزليهما على يد مسلحين»).
        || (next..(next + 4).min(s1)).any(|j| ctx.match_at(&ev.agents_markers, j, true).is_some())
        // A joined wound verb right after the verb or after its victim, who may take a few
        // words («قتل وأصيب آخر», «قتل شخص وأصيب 13 آخرون», «قتل نقيب شرطة ومجند وأصيب»).
        || (next..(next + 5).min(s1)).any(|j| {
            lex.res.affixes.matches("conjunction", &ctx.toks[j].norm)
                && ctx
                    .match_at(&ev.patterns, j, true)
                    .is_some_and(|h| h.value.verb && h.value.victim)
        })
}

/// Whether token `k` follows a preposition of place, which makes a place the location, not an
/// actor («في بغداد»). The preposition may carry «و» («وفي بغداد»), a direction «ب»
/// («بشمال»); it is looked up as written and without them (variants keep two-letter words
/// whole).
pub(crate) fn is_place_preposition(ctx: &Ctx, lex: &Lexicon, k: usize) -> bool {
    let Some(prev) = k.checked_sub(1).map(|j| ctx.toks[j].norm.as_str()) else {
        return false;
    };
    // «بشمال الصومال»: a direction carrying «ب» is still one.
    lex.res.place_words.contains(prev)
        || ["conjunction", "preposition"].iter().any(|kind| {
            lex.res
                .affixes
                .strip(kind, prev)
                .is_some_and(|w| lex.res.place_words.contains(w))
        })
}

/// «روبرتو أزيفيدو، المدير العام لمنظمة التجارة العالمية»: a person whose office says no
/// sector is coded as the body the title names (IGOWTO), as CAMEO codes an organisation's
/// officials; a body of another country than the person's gives nothing.
fn official_of_body(
    lex: &Lexicon,
    ents: &Entities,
    mut a: ActorRef,
    title: std::ops::Range<usize>,
) -> ActorRef {
    if a.sector.is_some() || a.org.is_some() {
        return a;
    }
    let body = title
        .filter_map(|k| ents.at[k])
        .filter(|&b| !matches!(ents.found[b].kind, EntityType::Per | EntityType::Loc))
        .find_map(|b| entity_actor(lex, ents, b, (0, 0)))
        .filter(|b| b.country.is_some() || b.sector.is_some() || b.org.is_some());
    if let Some(b) = body.filter(|b| a.country.is_none() || a.country == b.country) {
        a.country = b.country;
        a.sector = b.sector;
        a.org = b.org;
    }
    a
}

fn mentions(
    ctx: &Ctx,
    lex: &Lexicon,
    ev: &EventLexicon,
    ents: &Entities,
    s0: usize,
    s1: usize,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut taken = vec![false; s1 - s0];
    // Titles with the person they name: «رئيس الوزراء الأرميني، نيكول باشينيان».
    for t in &ents.titles {
        if t.first >= s0 && t.last <= s1 {
            if let Some(e) = t.entity {
                if let Some(a) = entity_actor(
                    lex,
                    ents,
                    e,
                    (ctx.toks[t.first].start, ctx.toks[t.last - 1].end),
                )
                .map(|a| official_of_body(lex, ents, a, t.first..t.last))
                {
                    out.push(Mention {
                        first: t.first,
                        last: t.last,
                        actor: a,
                    });
                    taken[t.first - s0..t.last - s0]
                        .iter_mut()
                        .for_each(|x| *x = true);
                }
            }
        }
    }
    let mut k = s0;
    while k < s1 {
        if taken[k - s0] {
            k += 1;
            continue;
        }
        if let Some(e) = ents.at[k] {
            let mut last = k;
            while last < s1 && ents.at[last] == Some(e) {
                last += 1;
            }
            // The mention's own span: a clitic on the first token («وأنقرة») stays out.
            let (a, b) = (ctx.toks[k].start, ctx.toks[last - 1].end);
            let span = ents.found[e]
                .mentions
                .iter()
                .copied()
                .find(|&(s, t)| s >= a && t <= b)
                .unwrap_or((a, b));
            let place = matches!(ents.found[e].kind, EntityType::Gpe | EntityType::Loc)
                && (is_place_preposition(ctx, lex, k)
                    || (span.0 > a && lex.res.place_words.contains(ctx.slice(a, span.0))));
            // An outlet between quotation marks is what the text cites («قال لـ«الشرق
            // الأوسط»», «نقلا عن "الرياض"»), not a party to the event.
            let cited = ents.found[e].kind == EntityType::Media && ctx.quoted(k, last);
            if !place && !cited {
                if let Some(mut a) = entity_actor(lex, ents, e, span) {
                    // «قوات الاحتلال», «قوات النظام»: a body no dictionary codes is of the
                    // kind of actor its first word names — unless its name is quoted, all of
                    // it a name («تنظيم "الدولة الإسلامية"»).
                    if a.sector.is_none() && a.org.is_none() && !ctx.quoted(k, last) {
                        a.sector = ctx
                            .match_at(&ev.agents, k, true)
                            .filter(|h| h.last < last && h.value != "-")
                            .map(|h| h.value.clone());
                    }
                    out.push(Mention {
                        first: k,
                        last,
                        actor: a,
                    });
                }
            }
            k = last;
            continue;
        }
        if let Some(h) = ctx.match_at(&ev.agents, k, true).filter(|h| h.last <= s1) {
            let mut last = h.last;
            // A second actor noun of the same sector right after the first describes it:
            // «مفجرون انتحاريون», «مسلحون مجهولون» are one actor, not a doer and a victim.
            while let Some(next) = ctx
                .match_at(&ev.agents, last, false)
                .filter(|n| n.last <= s1 && n.value == h.value)
            {
                last = next.last;
            }
            // «مهاجما انتحاريا»: a manner word after the noun describes the same actor.
            while last < s1 && in_words(ctx, &lex.res.manner_words, last) {
                last += 1;
            }
            let mut country = None;
            if let Some(n) = ctx
                .match_at(&lex.nationality, last, false)
                .filter(|n| n.last <= s1)
            {
                country = Some(n.value.clone());
                last = n.last;
            } else if let Some(c) = (last < s1)
                .then(|| lex.res.affixes.strip("accusative", &ctx.toks[last].norm))
                .flatten()
                .and_then(|a| lex.nationality.get(a))
            {
                // The accusative after a counted noun («قتل جنديا أميركيا»); not derived in the
                // nationality list, where «سوريا», «تركيا» would read as adjectives.
                country = Some(c.clone());
                last += 1;
            }
            out.push(Mention {
                first: k,
                last,
                actor: ActorRef {
                    entity: None,
                    span: (h.start, ctx.toks[last - 1].end),
                    country,
                    // «-» in events/agents.tsv: people named without a sector.
                    sector: (h.value != "-").then(|| h.value.clone()),
                    org: None,
                },
            });
            k = last;
            continue;
        }
        // An actor noun with a possessive pronoun («وقال الجيش الأميركي إن جنوده قتلوا»)
        // belongs to the last actor named before it with a country. Not an agent phrase: the
        // event detector reads those, and «جنوده» tells it nothing «جنود» does not.
        let possessed = ev.possessed.get(ctx.toks[k].norm.as_str());
        if let Some(sector) = possessed {
            let country = out.iter().rev().find_map(|m| m.actor.country.clone());
            out.push(Mention {
                first: k,
                last: k + 1,
                actor: ActorRef {
                    entity: None,
                    span: (ctx.toks[k].start, ctx.toks[k].end),
                    country,
                    sector: (sector != "-").then(|| sector.clone()),
                    org: None,
                },
            });
            k += 1;
            continue;
        }
        // A nationality adjective on its own («اعتداء عسكري أرميني») names its country's side.
        if let Some(n) = ctx
            .match_at(&lex.nationality, k, false)
            .filter(|n| n.last <= s1)
        {
            out.push(Mention {
                first: k,
                last: n.last,
                actor: ActorRef {
                    entity: None,
                    span: (ctx.toks[k].start, n.end),
                    country: Some(n.value.clone()),
                    sector: None,
                    org: None,
                },
            });
            k = n.last;
            continue;
        }
        k += 1;
    }
    out.sort_by_key(|m| m.first);
    // «عشرات من أعضاء حزب الغد», «آلاف من الطلاب»: a crowd said to be made of others is
    // those others; «150 متمردا من طالبان», «86 مقاتلا من قوات النظام»: actors said to be of
    // a body are that body's, of their own kind where it names none.
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let crowd = a.actor.sector.as_deref() == Some("CVL");
        // Other actors are said to be of a body when they are counted, not named: «السلطات
        // من السكان» asks the residents, and no person is a body.
        let counted = !ctx.toks[a.first].norm.starts_with("ال")
            && a.actor.country.is_none()
            && b.actor
                .entity
                .is_none_or(|e| ents.found[e].kind != EntityType::Per);
        let partitive = a.actor.entity.is_none()
            && (crowd || counted)
            && a.last < s1
            && lex.res.partitive_words.contains(&ctx.toks[a.last].norm)
            && b.first > a.last
            // A crowd's others may stand a word on («عشرات من أعضاء حزب الغد»); other actors'
            // body stands right after «من» («المتمردون من جانبهم القوات» is no partitive).
            && b.first <= a.last + if crowd { 2 } else { 1 };
        // «مسلحي تنظيم داعش», «مقاتلي الحوثي»: a construct form's actor is the one after it.
        let construct = a.actor.entity.is_none()
            && b.first == a.last
            && a.last - a.first == 1
            && in_words(ctx, &lex.res.construct_agents, a.first);
        if construct || partitive {
            let b = out.remove(i + 1);
            let a = &mut out[i];
            // A crowd is wholly the others; other actors keep their kind where the body
            // names none.
            let sector = if crowd {
                b.actor.sector
            } else {
                b.actor.sector.or(a.actor.sector.take())
            };
            a.actor = ActorRef {
                span: (a.actor.span.0, b.actor.span.1),
                sector,
                ..b.actor
            };
            a.last = b.last;
        }
        i += 1;
    }
    out
}

/// Words of a topic in the passage around a sentence (topics.tsv, the tagger's window)
/// that, with two of them in the sentence itself, put it in that topic for `not-in=`
/// triggers; and the number that does so alone. Chosen on the dev news: fewer took attacks
/// and meetings out of political stories that name a team or the World Cup.
const TOPIC_PASSAGE: usize = 6;
const TOPIC_FULL: usize = 10;

#[allow(clippy::too_many_arguments)]
pub fn extract(
    ctx: &Ctx,
    lex: &Lexicon,
    ev: &EventLexicon,
    ents: &Entities,
    quotes: &[QuoteFound],
    dates: &[DateFound],
    article_date: Option<&str>,
    detector: Option<(
        &crate::detector::Detector,
        &rasd_text::Segmenter,
        Option<&crate::tagger::Silver>,
    )>,
) -> Vec<EventFound> {
    let mut out: Vec<EventFound> = Vec::new();
    // The topic words of each sentence (topics.tsv), read only once a trigger asks.
    let mut topic_words_of: Option<Vec<Vec<u8>>> = None;
    for (n, &(s0, s1)) in ctx.sentences.iter().enumerate() {
        if s1 <= s0 {
            continue;
        }
        let topic = ents.topics.get(n).copied().unwrap_or(0);
        let ms = mentions(ctx, lex, ev, ents, s0, s1);
        let sentence = (ctx.toks[s0].start, ctx.toks[s1 - 1].end);
        let date = dates
            .iter()
            .find(|d| d.first >= s0 && d.last <= s1 && d.value.is_some())
            .and_then(|d| d.value.clone())
            .or(article_date.map(str::to_string));
        let location = (s0..s1).find_map(|k| {
            ents.at[k].filter(|&e| {
                matches!(ents.found[e].kind, EntityType::Gpe | EntityType::Loc)
                    && (is_place_preposition(ctx, lex, k) || ents.found[e].kind == EntityType::Loc)
            })
        });
        // What the triggers of the sentence read of all of it, read once: a sentence with no
        // full stop can run to thousands of words.
        let first_denial = (s0..s1).find(|&j| in_words(ctx, &lex.res.denial_words, j));
        let denial_before = |k: usize| first_denial.is_some_and(|d| d < k);
        let topic_words: Vec<usize> = (s0..s1)
            .filter(|&j| in_words(ctx, &lex.res.topic_words, j))
            .collect();
        // The sentence belongs to a passage of its topic for sure: it has a word that names
        // the topic wherever it stands; or two of the topic's words, in a passage with a few
        // more («أكد أن فريقه … لقاء إسبانيا أمام إيران»); or the passage is full of them (a
        // match report's «وأصيب باس دوست»). A political story that mentions the World Cup, or
        // a UN report's «الفريق» and «هدف», has some of these words but rarely so many.
        let mut sentence_topic: Option<bool> = None;
        let mut names_topic = |topic: u8| {
            *sentence_topic.get_or_insert_with(|| {
                let of_topic = |t: Option<u8>| t.is_some_and(|t| t + 1 == topic);
                if (s0..s1).any(|j| of_topic(crate::tagger::sure_topic_word(ctx, lex, j))) {
                    return true;
                }
                let words = topic_words_of.get_or_insert_with(|| {
                    ctx.sentences
                        .iter()
                        .map(|&(a, b)| {
                            (a..b)
                                .filter_map(|j| crate::tagger::topic_word(ctx, lex, j))
                                .collect()
                        })
                        .collect()
                });
                let count = |v: &Vec<u8>| v.iter().filter(|&&t| t + 1 == topic).count();
                let passage: usize = words[n.saturating_sub(crate::tagger::TOPIC_WINDOW - 1)..=n]
                    .iter()
                    .map(count)
                    .sum();
                (count(&words[n]) >= 2 && passage >= TOPIC_PASSAGE) || passage >= TOPIC_FULL
            })
        };
        let (mut dated, mut counted): (Option<bool>, Option<bool>) = (None, None);
        let mut verdicts: HashMap<String, bool> = HashMap::default();
        let mut k = s0;
        // Where the last trigger ended: a manner word right after one («هجوم انتحاري») says
        // how that event was done; it is not an event of its own.
        let mut after_trigger = None;
        // Where the last appeal or demand ended, until a verb of another event or of speech
        // opens a clause of its own: the nouns after it are what is asked for.
        let mut asked_from: Option<usize> = None;
        // The actors this sentence has already named as victims («شخصا قتل، وأصيب ستة آخرون
        // نتيجة انفجار عبوة ناسفة»): the explosion, raid or attack named after them is not
        // theirs.
        let mut victims: Vec<(usize, usize)> = Vec::new();
        // The words a «…» pattern read after its trigger: they trigger nothing of their own
        // («انسحب الوفد من المفاوضات» is no negotiation).
        let mut object: Option<(usize, usize)> = None;
        while k < s1 {
            if let Some((_, b)) = object.filter(|&(a, b)| a <= k && k < b) {
                k = b;
                continue;
            }
            // Triggers inside a name («حزب الحرب») are part of the name.
            if ents.at[k].is_some() {
                k += 1;
                continue;
            }
            let (hit, future) = match ctx.match_at(&ev.patterns, k, true) {
                Some(h) => (h, false),
                None => {
                    // «ستواصل», «سيهاجم»: the future particle on a verb.
                    let t = &ctx.toks[k];
                    // Each is found with how many letters of proclitics it stands after, so that
                    // the trigger starts where a phrase seen through them would («وستواصل»:
                    // «ستواصل»); the form without them is tried first.
                    let future = variants(&t.norm).iter().rev().find_map(|(v, n)| {
                        let r = lex.res.affixes.strip("future", v)?;
                        ev.patterns.get(r).map(|x| (x, *n))
                    });
                    // «بخروقاتها», «اعتقاله»: a one-word trigger with a pronoun on it. A final
                    // «ة» is no «ه», whatever folding makes of it («طلبة» are students), and
                    // before a pronoun it is written «ت» («وزارته», «طلبته»), which a verb
                    // form ending in «ت» cannot be told from; a plural in «ات» keeps its «ت».
                    let possessed = || {
                        // Most words end in no pronoun's letter and are passed over before
                        // their forms are built.
                        if t.kind != TokenKind::Arabic
                            || !t.norm.ends_with(ev.pronoun_ends.as_slice())
                            || ctx.slice(t.start, t.end).ends_with('ة')
                        {
                            return None;
                        }
                        variants(&t.norm).iter().find_map(|(v, n)| {
                            let w = lex.res.affixes.strip("possessive", v)?;
                            (w.chars().count() >= 3 && (!w.ends_with('ت') || w.ends_with("ات")))
                                .then(|| ev.patterns.get(w).map(|x| (x, *n)))
                                .flatten()
                        })
                    };
                    match future
                        .map(|v| (v, true))
                        .or_else(|| possessed().map(|v| (v, false)))
                    {
                        Some(((v, stripped), future)) => (
                            crate::context::Hit {
                                first: k,
                                last: k + 1,
                                start: crate::context::skip_letters(ctx.text, t.start, stripped),
                                end: t.end,
                                value: v,
                            },
                            future,
                        ),
                        None => {
                            k += 1;
                            continue;
                        }
                    }
                }
            };
            if hit.last > s1 {
                break;
            }
            let Trigger {
                code,
                by_speaker,
                verb: is_verb,
                victim,
                either_voice,
                genitive_doer,
                time_of_day,
                needs_occurrence,
                then,
                not_in,
            } = hit.value;
            let (by_speaker, is_verb) = (*by_speaker, *is_verb);
            // «انسحبت الولايات المتحدة من الاتفاق»: what follows the trigger picks its code.
            let followed = (hit.last..(hit.last + GAP + 1).min(s1))
                .take_while(|_| !then.is_empty())
                .find_map(|j| {
                    then.iter()
                        .filter_map(|(w, c)| follows(ctx, j, s1, w).map(|end| (j, end, c)))
                        .max_by_key(|&(_, end, _)| end)
                });
            // «أصيب المدافع» in a match report: an injury, no attack. The sentence must also
            // belong to the topic for sure: a passage's topic words are loose («المهاجم»,
            // «الأهداف» also tell of a stabbing or an air strike). What follows the trigger may
            // settle it whatever the topic («طرد … دبلوماسيا»).
            if followed.is_none() && topic > 0 && *not_in == Some(topic) && names_topic(topic) {
                k = hit.last;
                continue;
            }
            let code = match followed {
                Some((a, b, c)) => {
                    object = Some((a, b));
                    c
                }
                None => code,
            };
            if code.is_empty() {
                k = hit.last;
                continue;
            }
            // A manner word right after a trigger («هجوم انتحاري») is that event's manner.
            let manner_of_last =
                after_trigger == Some(hit.first) && in_words(ctx, &lex.res.manner_words, hit.first);
            after_trigger = Some(hit.last);
            // A verb never follows a preposition: «وفي فجر اليوم» is dawn, not «فجّر»
            // (detonated), whatever the dictionary's verb shares its letters.
            let verb_after_preposition =
                is_verb && hit.first > s0 && is_place_preposition(ctx, lex, hit.first);
            // «فجر أمس», «فجر يوم الخميس»: dawn, not «فجّر».
            let time_of_day =
                *time_of_day && hit.last < s1 && in_words(ctx, &lex.res.time_words, hit.last);
            if manner_of_last || verb_after_preposition || time_of_day {
                k = hit.last;
                continue;
            }
            // A subject before the verb («قوات الأمن قتلت ثلاثة», «جنوده قتلوا خمسة») makes the
            // count after it the object.
            // The actor right before a verb, unless it names a place («في بغداد قتل …»).
            let quote = quotes
                .iter()
                .find(|q| q.start <= hit.start && hit.start < q.end);
            // An event told inside reported speech («قال مصدر في الشرطة إن عبوة انفجرت …») has
            // its actors inside what was said: the speaker and the words around the speech
            // verb are the frame, not the event. (Statements the speaker makes are coded with
            // the speaker as source, below.)
            let told = |m: &Mention| {
                by_speaker
                    || quote.is_none_or(|q| {
                        ctx.toks[m.first].start >= q.start && ctx.toks[m.last - 1].end <= q.end
                    })
            };
            // «أطلقت عشرات الصواريخ»: a bare indefinite crowd noun right before what the verb
            // acts on counts it; it is no actor. A nominative plural (events/affixes.tsv) is
            // the subject («قطع محتجون الطريق»).
            let counts_object = |m: &Mention| {
                let word = &ctx.toks[m.first].norm;
                followed.is_some_and(|(a, _, _)| a == m.last)
                    && m.last - m.first == 1
                    && m.actor.entity.is_none()
                    && m.actor.country.is_none()
                    && m.actor.sector.as_deref() == Some("CVL")
                    && !word.starts_with("ال")
                    && !lex.res.affixes.matches("nominative", word)
            };
            let ms: Vec<&Mention> = ms.iter().filter(|m| told(m) && !counts_object(m)).collect();
            let subject = ms.iter().rev().find(|m| {
                m.last == hit.first
                    && !is_place_preposition(ctx, lex, m.first)
                    && !lex
                        .res
                        .affixes
                        .matches("preposition", &ctx.toks[m.first].norm)
            });
            // A verb that agrees with a plural subject («قتلوا», «يطلقون») had its subject before
            // it or as a pronoun: Arabic puts a subject after the verb only with a singular verb.
            let plural_verb =
                is_verb && lex.res.affixes.matches("plural", &ctx.toks[hit.first].norm);
            // «قال حلف شمال الأطلسي إنه قتل …»: after a complementizer carrying a pronoun the
            // verb's subject is that pronoun, the one who speaks.
            let pronoun_subject = is_verb
                && hit.first > s0
                && lex.complementizers.contains(&ctx.toks[hit.first - 1].norm)
                && lex
                    .res
                    .affixes
                    .strip("possessive", &ctx.toks[hit.first - 1].norm)
                    .is_some_and(|w| lex.complementizers.contains(w));
            let subject_before = plural_verb || subject.is_some() || pronoun_subject;
            // «قتل عراقيان في تفجير»: one actor after the verb and then a passive cue — an
            // active «قتل» would need an object — so the actor is the victim.
            let lone_then_cue = ms.iter().find(|m| m.first >= hit.last).is_some_and(|m| {
                m.first == hit.last
                    && m.last < s1
                    && lex.res.passive_cues.contains(&ctx.toks[m.last].norm)
            });
            let victim = *victim
                || (*either_voice
                    && (reads_passive(ctx, lex, ev, hit.last, s1, !subject_before)
                        || (!subject_before && lone_then_cue)));
            let Some(info) = ev.codes.get(code) else {
                k = hit.last;
                continue;
            };
            let root = &code[..2];
            // «اعتقلت الشرطة رجلا بتهمة قتل زوجته», «بتهمة الشروع في قتل»: a crime named as a
            // charge (`charge` in events/modality.tsv) is no event, and neither the police nor
            // the court its doer. A word joined by «و» opens what follows the charges («بتهم
            // فساد ورشا واعتقال معظمهم»).
            let joined = |j: usize| lex.res.affixes.matches("conjunction", &ctx.toks[j].norm);
            if root >= "14"
                && (hit.first.saturating_sub(3).max(s0)..hit.first).any(|j| {
                    in_words(ctx, &lex.res.charge_words, j) && !(j + 1..=hit.first).any(joined)
                })
            {
                k = hit.last;
                continue;
            }
            // «مقتل 66 شخصا في عواصف ترابية», «أصيب خمسة إثر حادث تصادم»: the dead and wounded
            // of an accident or a disaster (`accident` in events/modality.tsv), no attack —
            // unless someone is named as having caused it («في حريق أضرمه مستوطنون»).
            let near = |set: &Phrases<()>, reach: usize| {
                (hit.last..(hit.last + reach).min(s1)).any(|j| ctx.match_at(set, j, true).is_some())
            };
            if victim
                && root == "18"
                && near(&ev.accident_causes, GAP + 1)
                && !near(&ev.agents_markers, 2 * GAP)
            {
                k = hit.last;
                continue;
            }
            let trigger_token = &ctx.toks[hit.first];
            // A noun of material conflict reports an incident only with something that anchors
            // it: an occurrence verb before it, a date, or a count in the sentence. Otherwise it
            // names a topic («التحقيق في الاغتيال»), and is not coded.
            let plover_kind = info.plover.as_deref().unwrap_or("");
            let mut reported = None;
            if let Some((det, seg, silver)) =
                detector.filter(|(d, _, _)| d.kinds.iter().any(|k| k == plover_kind))
            {
                // The detector knows this type: it says whether the sentence reports the event
                // as having happened. Its verdict is kept on the event, not used to drop it:
                // it was trained on one corpus, and users choose how far to trust it.
                reported = Some(*verdicts.entry(plover_kind.to_string()).or_insert_with(|| {
                    let (feats, _) = crate::detector::sentence_features(
                        ctx,
                        lex,
                        ev,
                        seg,
                        dates,
                        plover_kind,
                        s0,
                        s1,
                        silver,
                    );
                    det.score(&feats) > 0.0
                }));
            }
            // «طلب من بوتين بدء مشاورات», «طالبوا بالإفراج عن المعتقلين»: the talks and the
            // release are asked for, not held or done.
            let asked = !is_verb
                && asked_from.is_some_and(|a| {
                    a <= hit.first
                        && !(a..hit.first)
                            .any(|j| crate::quotes::speech_word(ctx, lex, j).is_some())
                });
            let occurrence = (hit.first.saturating_sub(3).max(s0)..hit.first)
                .any(|j| in_words(ctx, &lex.res.occurrence_words, j));
            // «انهيار 3 هدنات»: a truce named, not declared.
            if *needs_occurrence && !occurrence && !asked {
                k = hit.last;
                continue;
            }
            if !is_verb && root >= "14" {
                let counted = *counted.get_or_insert_with(|| {
                    (s0..s1).any(|j| {
                        ctx.toks[j].kind == TokenKind::Number
                            && !dates.iter().any(|d| d.first <= j && j < d.last)
                    }) || (s0..s1).any(|j| lex.numbers.contains_key(&ctx.toks[j].norm))
                });
                let dated = *dated
                    .get_or_insert_with(|| dates.iter().any(|d| d.first >= s0 && d.last <= s1));
                if !(occurrence || dated || counted) {
                    k = hit.last;
                    continue;
                }
            }
            let negated = (hit.first.saturating_sub(3).max(s0)..hit.first)
                .any(|j| in_words(ctx, &lex.res.negation_words, j))
                || denial_before(hit.first);
            let intent = future
                || (hit.first.saturating_sub(3).max(s0)..hit.first)
                    .any(|j| in_words(ctx, &lex.res.intent_words, j) || future_verb(ctx, lex, j));
            let modality = match root {
                "13" => "threat",
                "10" => "demand",
                "03" => "intent",
                // An appeal after an appeal («طلب … مساعدة») is still one.
                _ if asked && root != "02" => "demand",
                _ if intent => "intent",
                _ => "act",
            };
            if matches!(root, "02" | "10") {
                asked_from = Some(hit.last);
            } else if is_verb {
                asked_from = None;
            }
            // The speaker's words when named in this sentence, else the entity's first mention;
            // an unnamed source («مصدر في الشرطة العراقية») coded from its own words.
            let speaker = quote.and_then(|q| match (q.speaker, q.speaker_span) {
                (Some(e), span) => entity_actor(
                    lex,
                    ents,
                    e,
                    span.or(ents.found[e].mentions.first().copied())
                        .unwrap_or((hit.start, hit.start)),
                ),
                (None, Some(span)) => unnamed_actor(ctx, lex, ev, ents, span),
                (None, None) => None,
            });
            let before: Vec<&Mention> =
                ms.iter().copied().filter(|m| m.last <= hit.first).collect();
            // What talk, appeals or cooperation are about is not who takes part in them:
            // «مشاورات بشأن احتمال تقديم مساعدة أمنية روسية» names no counterpart after «بشأن».
            let topic_at = (root < "14")
                .then(|| {
                    let at = topic_words.partition_point(|&j| j < hit.last);
                    topic_words.get(at).copied()
                })
                .flatten();
            let after: Vec<&Mention> = ms
                .iter()
                .copied()
                .filter(|m| m.first >= hit.last && topic_at.is_none_or(|t| m.first < t))
                .collect();
            // The first actor after token `j` that «على», «ضد» … (`against` in
            // events/modality.tsv) introduce: the side a doer named after a noun attacked, the
            // one a protest is aimed at.
            let against_after = |j: usize| {
                after
                    .iter()
                    .find(|a| {
                        a.first >= j
                            && (a.first.saturating_sub(2).max(j)..a.first)
                                .any(|i| aims_at(ctx, lex, ev, i))
                    })
                    .map(|a| a.actor.clone())
            };
            // The doer a noun trigger's agent marker names a few words after it («هجوم شنته
            // اليوم المقاومة», «الهجوم الأكثر دموية الذي نفذته طالبان», «قصف من قبل الجيش»).
            // A marker whose pronoun is the doer («هجوم نفذوه على حاجز للجيش») names no one
            // after it: the side attacked there stands past «على».
            let marked_doer = (!is_verb)
                .then(|| {
                    (hit.last..(hit.last + 5).min(s1))
                        .find_map(|j| ctx.match_at(&ev.agents_markers, j, true).map(|h| h.last))
                })
                .flatten()
                .and_then(|j| {
                    after.iter().copied().find(|m| {
                        m.first >= j
                            && m.first <= j + 2
                            && !(j..m.first).any(|i| aims_at(ctx, lex, ev, i))
                    })
                });
            // The actor in construct with a noun trigger: right after it, or past a word of
            // manner or instrument («هجوم انتحاري لـ…», «هجوم بالغاز لقوات النظام») or the
            // noun and quotation marks of a quoted name («هجوم جماعة "بوكو حرام"»), with no
            // clitic on it but «ل». A place there is where it happened («هجوم مانشستر»).
            let genitive = after
                .first()
                .copied()
                .filter(|_| *genitive_doer && !is_verb);
            let genitive = genitive.filter(|m| {
                let clitic = ctx.text.get(ctx.toks[m.first].start..m.actor.span.0);
                // Also a city the tagger read as its club.
                let place = |e: usize| {
                    matches!(ents.found[e].kind, EntityType::Gpe | EntityType::Loc)
                        || ctx
                            .match_at(&lex.gazetteer, m.first, true)
                            .is_some_and(|h| {
                                h.last == m.last
                                    && h.value.iter().any(|&i| {
                                        lex.res.entities.get(i).is_some_and(|x| {
                                            matches!(x.kind, EntityType::Gpe | EntityType::Loc)
                                        })
                                    })
                            })
                };
                m.first <= hit.last + 2
                    && (hit.last..m.first).all(|j| {
                        in_words(ctx, &lex.res.manner_words, j)
                            || lex
                                .res
                                .affixes
                                .strip("preposition", &ctx.toks[j].norm)
                                .is_some_and(|w| w.starts_with("ال"))
                            || ctx.match_at(&lex.triggers, j, false).is_some()
                            || (ctx.toks[j].kind == TokenKind::Punct
                                && ctx
                                    .slice(ctx.toks[j].start, ctx.toks[j].end)
                                    .chars()
                                    .all(|c| rasd_text::OPENING_QUOTES.contains(&c)))
                    })
                    && matches!(clitic, Some("" | "ل"))
                    && !m.actor.entity.is_some_and(place)
            });
            let conj = lex.res.affixes.matches("conjunction", &trigger_token.norm)
                && variants(&trigger_token.norm)
                    .iter()
                    .any(|(v, n)| *n == 1 && ev.patterns.max_len(v) > 0);
            let (mut source, mut target): (Option<ActorRef>, Option<ActorRef>);
            if victim {
                // «مقتل 3 أشخاص برصاص الشرطة»: the victims are named; the doer only after an
                // agent marker.
                // A passive verb's subject stands before it («جنديا أميركيا قتل …»).
                target = subject
                    .filter(|_| is_verb)
                    .or(after.first())
                    .or(before.last())
                    .map(|m| m.actor.clone());
                let marker = (hit.last..s1)
                    .find_map(|j| ctx.match_at(&ev.agents_markers, j, true).map(|h| h.last));
                source = marker
                    .and_then(|j| {
                        ms.iter().find(|m| {
                            m.first >= j
                                && m.first <= j + 2
                                && !(j..m.first).any(|i| aims_at(ctx, lex, ev, i))
                        })
                    })
                    .map(|m| m.actor.clone());
            } else if by_speaker && speaker.is_some() {
                source = speaker.clone();
                let inside = |m: &&&Mention| {
                    quote.is_some_and(|q| {
                        ctx.toks[m.first].start >= q.start && ctx.toks[m.last - 1].end <= q.end
                    })
                };
                target = before
                    .iter()
                    .rev()
                    .find(inside)
                    .or(after.iter().find(inside))
                    .map(|m| m.actor.clone());
            } else if let Some(m) = marked_doer {
                // «في هجوم شنته المقاومة الشعبية على تجمع للميليشيا», «تفجير تبناه داعش». Who
                // is named after the doer is the side attacked only past «على», «ضد»: in «هجوم
                // شنه مسلحون ينتمون لحزب العمال» the party is theirs.
                source = Some(m.actor.clone());
                target = against_after(m.last).or(after
                    .first()
                    .filter(|a| a.last <= m.first)
                    .map(|a| a.actor.clone()));
            } else if let Some(m) = genitive {
                // «هجوم جماعة بوكو حرام على مدرستهن», «هجوم بالغاز لقوات النظام»: the noun's
                // genitive attacked; the side attacked is named after it past «على», «ضد» (in
                // «غارة جوية لمقاتلات تحالف دعم الشرعية» the alliance owns the jets).
                source = Some(m.actor.clone());
                target = against_after(m.last);
            } else if conj && hit.first > s0 && !before.is_empty() {
                // «وأكد باشينيان …، واتّهم مجددا تركيا»: the subject carries over.
                source = before.first().map(|m| m.actor.clone());
                target = after.first().map(|m| m.actor.clone());
            } else if let Some(m) = subject.filter(|_| is_verb) {
                // «إن قوات الأمن الباكستانية قتلت ثلاثة مسلحين»: subject, verb, object.
                source = Some(m.actor.clone());
                target = after.first().map(|m| m.actor.clone());
            } else if pronoun_subject {
                // The pronoun is the speaker's: the one who said it, or else the last actor
                // named before the complementizer.
                source = speaker
                    .clone()
                    .or_else(|| before.last().map(|m| m.actor.clone()));
                target = after.first().map(|m| m.actor.clone());
            } else if plural_verb {
                source = before.last().map(|m| m.actor.clone());
                target = after.first().map(|m| m.actor.clone());
            } else if is_verb
                && after.first().is_some_and(|m| {
                    // A subject after its verb carries no preposition: in «فجر حافلة تابعة
                    // للشرطة» the police own the bus, and in «اعتدت على المصلين» the
                    // worshippers are the ones attacked.
                    m.first <= hit.last + 3
                        && !lex
                            .res
                            .affixes
                            .matches("preposition", &ctx.toks[m.first].norm)
                        && !(m.first > hit.last
                            && (is_place_preposition(ctx, lex, m.first)
                                || aims_at(ctx, lex, ev, m.first - 1)))
                })
            {
                source = after.first().map(|m| m.actor.clone());
                target = after.get(1).map(|m| m.actor.clone());
            } else if !is_verb
                && after.first().is_some_and(|m| {
                    m.first <= hit.last + 2
                        && m.actor.entity.is_none()
                        && m.actor.sector.is_none()
                        // «محادثات مع نظيره التركي», «تعازيه للرئيس الفرنسي»: past a
                        // preposition it is a counterpart.
                        && !(hit.last..m.first).any(|j| {
                            in_words(ctx, &lex.function_words, j)
                                || ctx.toks[j].norm.starts_with("لل")
                                || lex
                                    .res
                                    .affixes
                                    .strip("preposition", &ctx.toks[j].norm)
                                    .is_some_and(|w| w.starts_with("ال"))
                        })
                })
            {
                // «اعتداء عسكري أرميني»: a nationality adjective on the noun names its agent.
                source = after.first().map(|m| m.actor.clone());
                target = after.get(1).map(|m| m.actor.clone());
            } else if !is_verb && hit.first > s0 && is_place_preposition(ctx, lex, hit.first) {
                // «قتل خمسة من جنودنا في انفجار»: a noun after «في» is where or how something
                // happened to those named before it; they are not its agent.
                source = None;
                target = after.first().map(|m| m.actor.clone());
            } else {
                source = before
                    .last()
                    .filter(|m| is_verb || root < "17" || !victims.contains(&m.actor.span))
                    .map(|m| m.actor.clone());
                target = after.first().map(|m| m.actor.clone());
            }
            // «مهاجما انتحاريا فجر نفسه», «فجرت انتحارية نفسها»: the doer acted on themself,
            // and is the subject, before the verb or between it and the pronoun.
            let reflexive = (hit.last..(hit.last + 3).min(s1))
                .filter(|_| is_verb)
                .find(|&j| in_words(ctx, &lex.res.reflexive_words, j));
            if let Some(r) = reflexive {
                let doer = |j: usize| {
                    ctx.match_at(&ev.reflexive_agents, j, true)
                        .map(|h| ActorRef {
                            entity: None,
                            span: (h.start, h.end),
                            country: None,
                            sector: Some(h.value.clone()),
                            org: None,
                        })
                };
                // Before the verb, the bomber opens the clause («إن "انتحاريا يقود … فجر
                // نفسه"»): nothing before it that it could describe.
                let opens_clause = |j: usize| {
                    j == s0
                        || ctx.toks[j - 1].kind == TokenKind::Punct
                        || lex.complementizers.contains(&ctx.toks[j - 1].norm)
                };
                source = ms
                    .iter()
                    .find(|m| m.first >= hit.last && m.last <= r)
                    .map(|m| m.actor.clone())
                    .or_else(|| (hit.last..r).find_map(doer))
                    .or_else(|| subject.filter(|_| is_verb).map(|m| m.actor.clone()))
                    .or_else(|| {
                        (hit.first.saturating_sub(6).max(s0)..hit.first)
                            .rev()
                            .filter(|&j| opens_clause(j))
                            .find_map(doer)
                    })
                    .or(source);
                target = after.iter().find(|m| m.first > r).map(|m| m.actor.clone());
            }
            if target.is_none() && matches!(root, "18" | "19" | "20") {
                // A fight has another side even when it is named elsewhere in the sentence.
                target = ms
                    .iter()
                    .map(|m| &m.actor)
                    .find(|a| {
                        // Not a medium or a company, but a journalist may be: «على حسابها
                        // بموقع تويتر» is where it was told.
                        let body = a
                            .entity
                            .is_some_and(|e| ents.found[e].kind != EntityType::Per);
                        Some(*a) != source.as_ref()
                            && a.country.is_some()
                            && a.country != source.as_ref().and_then(|s| s.country.clone())
                            && !(body && matches!(a.sector.as_deref(), Some("MED" | "BUS")))
                    })
                    .cloned();
            }
            if source.is_none() && root == "14" {
                // «اندلعت مظاهرات … ورفع المتظاهرون شعارات»: the protest noun has no subject;
                // the people named as protesting anywhere in the sentence are its source.
                source = ms
                    .iter()
                    .map(|m| &m.actor)
                    .find(|a| {
                        a.entity.is_none()
                            && a.sector.as_deref() == Some("CVL")
                            && Some(*a) != target.as_ref()
                    })
                    .cloned();
            }
            if root == "14" {
                // A protest is aimed at someone only when the sentence says so («ضد الحكومة»,
                // «أمام السفارة الأمريكية»): other people named after it are bystanders, the
                // police, or the protesters again.
                target = against_after(hit.last);
                if source.is_none() {
                    // With no protesters named, the protest stands for them: civilians.
                    source = Some(ActorRef {
                        entity: None,
                        span: (hit.start, hit.end),
                        country: None,
                        sector: Some("CVL".to_string()),
                        org: None,
                    });
                }
            }
            if source == target {
                target = None;
            }
            // Said with no doer named («قال لافروف إن بلاده ستواصل العمل مع تركيا»), a
            // statement, promise or act of cooperation is the speaker's side's own; an act of
            // material conflict told by a source (the police, a witness) is not theirs.
            if source.is_none() && quote.is_some() && !by_speaker && root < "14" {
                source = speaker.clone();
                if source == target {
                    target = None;
                }
            }
            // What an appeal asks for says what kind of appeal it is. The appeal was coded at
            // its verb, with its actors; what is asked for refines that event's code and is not
            // an event of its own: a noun of a specific appeal («طلب باشينيان من بوتين …
            // مساعدة أمنية»), or an event whose code names its appeal in events/cameo.tsv
            // («دعا … إلى وقف فوري لإطلاق النار»: the ceasefire has not been declared).
            let refined = if root == "02" && !is_verb && code.len() == 4 {
                Some(info)
            } else if asked {
                info.appeal.as_ref().and_then(|a| ev.codes.get(a))
            } else {
                None
            };
            if let Some(refined) = refined {
                if let Some(appeal) = out
                    .iter_mut()
                    .rev()
                    .find(|e| e.sentence == sentence && e.cameo.code == "020")
                {
                    appeal.cameo.code = refined.code.clone();
                    appeal.cameo.goldstein = refined.goldstein;
                    appeal.plover = refined.plover.clone().map(|kind| Plover {
                        kind,
                        mode: refined.mode.clone(),
                    });
                    k = hit.last;
                    continue;
                }
            }
            if victim {
                victims.extend(target.as_ref().map(|t| t.span));
                // «مقتل ضابط ومجند»: the victims joined to the named one by «و» are victims
                // too, and so are those counted among them («6 أشخاص بينهم طفلة», «منهم 3
                // أطفال», «من بينهم»).
                let among = |e: usize| {
                    let e = if e + 1 < s1 && lex.res.partitive_words.contains(&ctx.toks[e].norm) {
                        e + 1
                    } else {
                        e
                    };
                    let counted = e + 2 < s1 && crate::quantities::is_number(ctx, lex, e + 1);
                    in_words(ctx, &lex.res.among_words, e)
                        .then(|| {
                            ms.iter()
                                .find(|m| m.first == e + 1 || (counted && m.first == e + 2))
                        })
                        .flatten()
                };
                if let Some(t) = target.as_ref() {
                    let mut end = ms.iter().find(|m| m.actor.span == t.span).map(|m| m.last);
                    while let Some(m) = end.and_then(|e| {
                        ms.iter()
                            .find(|m| m.first == e && joined(m.first))
                            .or_else(|| among(e))
                    }) {
                        victims.push(m.actor.span);
                        end = Some(m.last);
                    }
                }
            }
            out.push(EventFound {
                source,
                target,
                trigger: (hit.start, hit.end),
                cameo: Cameo {
                    code: code.clone(),
                    root: root.to_string(),
                    quad_class: quad_class(root),
                    goldstein: info.goldstein,
                },
                plover: info.plover.clone().map(|kind| Plover {
                    kind,
                    mode: info.mode.clone(),
                }),
                negated,
                modality,
                reported,
                reported_by: speaker,
                sentence,
                location,
                date: date.clone(),
            });
            k = hit.last;
        }
    }
    out
}
