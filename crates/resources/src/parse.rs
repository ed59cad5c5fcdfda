//! Parsing of the resource file formats (documented in `resources/README.md`).

use std::collections::BTreeMap;
use std::path::Path;

use rasd_text::{fold, fold_phrase};

use crate::files::Kind;
use crate::*;

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("{file}, line {line}: {reason}")]
    Line {
        file: String,
        line: usize,
        reason: String,
    },
    #[error("{file}: not a resource file rasd knows (looked for {rel}); see resources/README.md")]
    Unknown { file: String, rel: String },
    #[error("{file}: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
}

impl ResourceError {
    pub(crate) fn io(p: &Path, source: std::io::Error) -> Self {
        ResourceError::Io {
            file: p.display().to_string(),
            source,
        }
    }
    pub(crate) fn unknown(file: &str, rel: &str) -> Self {
        ResourceError::Unknown {
            file: file.to_string(),
            rel: rel.to_string(),
        }
    }
}

/// Lines that carry data: comments (`#` to the end of the line) and blank lines dropped,
/// with their 1-based line numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = match l.find('#') {
            Some(p) => &l[..p],
            None => l,
        };
        let l = l.trim_end();
        (!l.trim().is_empty()).then_some((i + 1, l))
    })
}

fn alternatives(s: &str) -> Vec<String> {
    s.split('|')
        .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|a| !a.is_empty())
        .collect()
}

/// An attribute that is either absent or `yes`.
fn yes_flag(attrs: &BTreeMap<String, String>, key: &str) -> Result<bool, String> {
    match attrs.get(key).map(String::as_str) {
        None => Ok(false),
        Some("yes") => Ok(true),
        Some(o) => Err(format!("{key}= may only be «yes», not «{o}»")),
    }
}

fn attrs(cols: &[&str]) -> Result<BTreeMap<String, String>, String> {
    let mut m = BTreeMap::new();
    for c in cols {
        for kv in c.split_whitespace() {
            let (k, v) = kv
                .split_once('=')
                .ok_or_else(|| format!("attribute «{kv}» is not key=value"))?;
            m.insert(k.to_string(), v.to_string());
        }
    }
    Ok(m)
}

fn country(s: &str) -> Result<Option<String>, String> {
    let s = s.trim();
    if s == "-" || s.is_empty() {
        return Ok(None);
    }
    if s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(Some(s.to_string()))
    } else {
        Err(format!(
            "«{s}» is not a three-letter upper-case code (or - for none)"
        ))
    }
}

pub(crate) fn parse_into(
    r: &mut Resources,
    kind: Kind,
    origin: &str,
    text: &str,
) -> Result<(), ResourceError> {
    for (line, l) in data_lines(text) {
        let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
        parse_line(r, kind, origin, line, &cols).map_err(|reason| ResourceError::Line {
            file: origin.to_string(),
            line,
            reason,
        })?;
    }
    Ok(())
}

/// Expands «+PAST/PRESENT rest…» into the conjugated forms of the verb followed by `rest`
/// («+PAST/-»: the past forms alone); anything else is returned as it is.
pub(crate) fn conjugations(pattern: &str) -> Result<Vec<String>, String> {
    let Some(verb) = pattern.strip_prefix('+') else {
        return Ok(vec![pattern.to_string()]);
    };
    let (head, rest) = match verb.split_once(' ') {
        Some((h, r)) => (h, format!(" {r}")),
        None => (verb, String::new()),
    };
    let (past, present) = head
        .split_once('/')
        .ok_or_else(|| format!("«{pattern}»: a verb is written +PAST/PRESENT"))?;
    let mut forms = Vec::new();
    // Verbs ending in a weak letter («نفى», «دعا») drop it before the suffixes.
    let weak = past.ends_with(['ى', 'ا']);
    let p_stem: String = if weak {
        past.chars().take(past.chars().count() - 1).collect()
    } else {
        past.to_string()
    };
    forms.push(past.to_string());
    for suffix in ["ت", "وا", "تا"] {
        forms.push(format!("{p_stem}{suffix}"));
    }
    if !weak {
        for suffix in ["ا", "ن", "نا", "تم"] {
            forms.push(format!("{past}{suffix}"));
        }
    }
    if present == "-" {
        return Ok(forms.into_iter().map(|f| format!("{f}{rest}")).collect());
    }
    let body: String = present.chars().skip(1).collect();
    forms.push(present.to_string());
    for f in [
        format!("ت{body}"),
        format!("ن{body}"),
        format!("{present}ون"),
        format!("{present}ان"),
        format!("ت{body}ان"),
    ] {
        forms.push(f);
    }
    Ok(forms.into_iter().map(|f| format!("{f}{rest}")).collect())
}

fn need(cols: &[&str], n: usize, what: &str) -> Result<(), String> {
    if cols.len() < n || cols[..n].iter().any(|c| c.is_empty()) {
        Err(format!("expected {what}, separated by tabs"))
    } else {
        Ok(())
    }
}

fn parse_line(
    r: &mut Resources,
    kind: Kind,
    origin: &str,
    line: usize,
    cols: &[&str],
) -> Result<(), String> {
    match kind {
        Kind::Entities => {
            need(cols, 3, "TYPE, COUNTRY and names")?;
            let kind = EntityType::parse(cols[0]).ok_or_else(|| {
                format!("unknown entity type «{}» (PER GPE LOC ORG MEDIA)", cols[0])
            })?;
            let (quoted, aliases): (Vec<String>, Vec<String>) = alternatives(cols[2])
                .into_iter()
                .partition(|a| a.starts_with('«') && a.ends_with('»'));
            let quoted = quoted
                .iter()
                .map(|a| a.trim_matches(['«', '»']).trim().to_string())
                .filter(|a| !a.is_empty())
                .collect();
            let canonical = aliases
                .first()
                .cloned()
                .ok_or("no name outside quotation marks")?;
            r.entities.push(EntityEntry {
                kind,
                country: country(cols[1])?,
                canonical,
                aliases,
                quoted,
                attrs: attrs(&cols[3..])?,
                origin: format!("{origin}:{line}"),
            });
        }
        Kind::Nationalities => {
            need(cols, 2, "COUNTRY and adjective")?;
            let code = country(cols[0])?.ok_or("a nationality needs a country")?;
            let mut forms = Vec::new();
            let mut name_like = Vec::new();
            for adj in alternatives(cols[1]).into_iter().filter(|a| a != "-") {
                // One masculine singular adjective without the article yields the forms newswire
                // uses: ± article, ± feminine ة, plural ون / ين, dual ان / تان / تين.
                let a = fold(&adj);
                name_like.push(format!("ال{a}"));
                name_like.push(a.clone());
                for f in [
                    a.clone(),
                    format!("{a}ه"),
                    format!("{a}ون"),
                    format!("{a}ين"),
                    format!("{a}ان"),
                    format!("{a}تان"),
                    format!("{a}تين"),
                ] {
                    forms.push(format!("ال{f}"));
                    forms.push(f);
                }
            }
            if let Some(extra) = cols.get(2) {
                for f in alternatives(extra).iter().map(|f| fold_phrase(f)) {
                    if !f.starts_with("ال") {
                        name_like.push(f.clone());
                    }
                    forms.push(f);
                }
            }
            r.nationalities.push(Nationality {
                country: code,
                forms,
                name_like,
            });
        }
        Kind::Titles => {
            need(cols, 2, "phrases and SECTOR (or -)")?;
            let sector = (cols[1] != "-").then(|| cols[1].to_string());
            let attrs = attrs(&cols[2..])?;
            for p in alternatives(cols[0]) {
                r.titles.push(Title {
                    phrase: fold_phrase(&p),
                    sector: sector.clone(),
                    attrs: attrs.clone(),
                });
            }
        }
        Kind::SpeechVerbs => {
            // Columns with «=» are attributes, wherever they stand; the rest are positional.
            let (named, cols): (Vec<&str>, Vec<&str>) = cols.iter().partition(|c| c.contains('='));
            let attrs = attrs(&named)?;
            if let Some(k) = attrs
                .keys()
                .find(|k| !matches!(k.as_str(), "from" | "noun"))
            {
                return Err(format!("unknown attribute «{k}=» (from= noun=)"));
            }
            if let Some(k) = attrs.iter().find(|(_, v)| v.is_empty()).map(|(k, _)| k) {
                return Err(format!("attribute «{k}=» needs a word after «=»"));
            }
            let from = attrs.get("from").map(|p| fold(p));
            let noun = attrs.get("noun").map(|n| fold(n));
            need(&cols, 2, "LEMMA and finite forms")?;
            let lemma = cols[0].to_string();
            let verb = |folded: String, form, other_word| SpeechVerb {
                folded,
                form,
                lemma: lemma.clone(),
                other_word,
                from: from.clone(),
                noun: noun.clone(),
            };
            for f in alternatives(cols[1]) {
                let other_word = f.starts_with('~');
                r.speech_verbs.push(verb(
                    fold(f.trim_start_matches('~')),
                    VerbForm::Finite,
                    other_word,
                ));
            }
            // Participles, then impersonal forms; «-» leaves a column empty.
            for (col, form) in [(2, VerbForm::Participle), (3, VerbForm::Impersonal)] {
                for f in cols
                    .get(col)
                    .filter(|c| **c != "-")
                    .map(|c| alternatives(c))
                    .unwrap_or_default()
                {
                    r.speech_verbs.push(verb(fold(&f), form, false));
                }
            }
        }
        Kind::Boilerplate => {
            need(
                cols,
                2,
                "KIND (line prefix contains short last tail) and phrase",
            )?;
            let kind = match cols[0] {
                "line" => BoilerplateKind::Line,
                "prefix" => BoilerplateKind::Prefix,
                "contains" => BoilerplateKind::Contains,
                "short" => BoilerplateKind::ShortContains,
                "last" => BoilerplateKind::Last,
                "tail" => BoilerplateKind::Tail,
                k => {
                    return Err(format!(
                        "unknown boilerplate kind «{k}» (line prefix contains short last tail)"
                    ))
                }
            };
            r.boilerplate.push(BoilerplateRule {
                kind,
                folded: fold_phrase(cols[1]),
                raw: cols[1].to_string(),
            });
        }
        Kind::Months => {
            need(cols, 3, "CALENDAR, NUMBER and names")?;
            let calendar = match cols[0] {
                "gregorian" => Calendar::Gregorian,
                "hijri" => Calendar::Hijri,
                c => return Err(format!("unknown calendar «{c}» (gregorian hijri)")),
            };
            let number: u8 = cols[1]
                .parse()
                .ok()
                .filter(|n| (1..=12).contains(n))
                .ok_or("month number must be 1..12")?;
            for n in alternatives(cols[2]) {
                r.months.push(MonthName {
                    calendar,
                    number,
                    folded: fold_phrase(&n),
                });
            }
        }
        Kind::Numbers => {
            need(cols, 2, "VALUE and words")?;
            let value: f64 = cols[0]
                .parse()
                .map_err(|_| format!("«{}» is not a number", cols[0]))?;
            let multiplier = match cols.get(2).copied() {
                None | Some("") => false,
                Some("multiplier") => true,
                Some(o) => return Err(format!("third column may only be «multiplier», not «{o}»")),
            };
            for w in alternatives(cols[1]) {
                r.numbers.push(NumberWord {
                    folded: fold_phrase(&w),
                    value,
                    multiplier,
                });
            }
        }
        Kind::Units => {
            need(cols, 2, "UNIT and phrases")?;
            for w in alternatives(cols[1]) {
                r.units.push(Unit {
                    id: cols[0].to_string(),
                    folded: fold_phrase(&w),
                });
            }
        }
        Kind::Relative => {
            need(
                cols,
                2,
                "MEANING (days:N, weekday:N, day:N, modifier:past|next|current, year-word or month-word) and words",
            )?;
            let meaning = if cols[0] == "year-word" {
                Relative::YearWord
            } else if cols[0] == "month-word" {
                Relative::MonthWord
            } else if let Some(m) = cols[0].strip_prefix("modifier:") {
                Relative::Modifier(match m {
                    "past" => -1,
                    "next" => 1,
                    "current" => 0,
                    _ => return Err(format!("modifier must be past, next or current, not «{m}»")),
                })
            } else if let Some(n) = cols[0].strip_prefix("days:") {
                Relative::Days(
                    n.parse()
                        .map_err(|_| format!("«{n}» is not a whole number"))?,
                )
            } else if let Some(n) = cols[0].strip_prefix("weekday:") {
                Relative::Weekday(
                    n.parse()
                        .ok()
                        .filter(|d| (1..=7).contains(d))
                        .ok_or("weekday must be 1..7 (Monday = 1)")?,
                )
            } else if let Some(n) = cols[0].strip_prefix("day:") {
                Relative::DayOfMonth(
                    n.parse()
                        .ok()
                        .filter(|d| (1..=31).contains(d))
                        .ok_or("day must be 1..31")?,
                )
            } else {
                return Err(format!(
                    "«{}» is not days:N, weekday:N, day:N, modifier:…, year-word or month-word",
                    cols[0]
                ));
            };
            for w in alternatives(cols[1]) {
                r.relative.push(RelativeWord {
                    folded: fold_phrase(&w),
                    meaning: meaning.clone(),
                });
            }
        }
        Kind::Bylines => {
            need(
                cols,
                2,
                "KIND (media generic role credit agency from) and words",
            )?;
            let set = match cols[0] {
                "media" => &mut r.media_words,
                "generic" => &mut r.generic_sources,
                "role" => &mut r.byline_roles,
                "credit" => &mut r.byline_credits,
                "agency" => &mut r.byline_agency_words,
                "from" => &mut r.byline_from,
                k => {
                    return Err(format!(
                        "unknown byline word kind «{k}» (media generic role credit agency from)"
                    ))
                }
            };
            set.extend(alternatives(cols[1]).iter().map(|w| fold_phrase(w)));
        }
        Kind::EventCodes => {
            need(cols, 3, "CODE, GOLDSTEIN and PLOVER type (or -)")?;
            let code = cols[0];
            if !(3..=4).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_digit()) {
                return Err(format!("«{code}» is not a 3- or 4-digit CAMEO code"));
            }
            let goldstein: f32 = cols[1]
                .parse()
                .map_err(|_| format!("«{}» is not a Goldstein value", cols[1]))?;
            if !(-10.0..=10.0).contains(&goldstein) {
                return Err(format!("Goldstein value {goldstein} is outside -10..10"));
            }
            let attrs = attrs(&cols[3..])?;
            let appeal = attrs.get("appeal").cloned();
            if let Some(a) = &appeal {
                if !a.starts_with("02") || !r.event_codes.iter().any(|c| &c.code == a) {
                    return Err(format!(
                        "appeal={a}: an appeal code (02…) listed above this line is expected"
                    ));
                }
            }
            r.event_codes.push(EventCode {
                code: code.to_string(),
                goldstein,
                plover: (cols[2] != "-").then(|| cols[2].to_string()),
                mode: attrs.get("mode").cloned(),
                appeal,
            });
        }
        Kind::EventVerbs => {
            need(cols, 2, "CODE and patterns")?;
            // «-»: the words after «…» make the trigger no event («احتل … المركز الأول»).
            if cols[0] == "-" {
                if let Some(a) = alternatives(cols[1]).iter().find(|a| !a.contains('…')) {
                    return Err(format!("«{a}»: the code «-» goes only with «…» patterns"));
                }
            } else if !r.event_codes.iter().any(|c| c.code == cols[0]) {
                return Err(format!("code {} is not in events/cameo.tsv", cols[0]));
            }
            let attrs = attrs(&cols[2..])?;
            let by_speaker = attrs.get("by").map(String::as_str) == Some("speaker");
            let victim = attrs.get("victim").map(String::as_str) == Some("yes");
            let either_voice = attrs.get("voice").map(String::as_str) == Some("either");
            let genitive_doer = attrs.get("doer").map(String::as_str) == Some("genitive");
            let time_of_day = attrs.get("time").map(String::as_str) == Some("yes");
            let needs_occurrence = attrs.get("occurrence").map(String::as_str) == Some("yes");
            // `not-in=TOPIC`: in a passage of that topic (topics.tsv) the words mean something
            // else («إصابة» in a match report is an injury).
            let not_in = match attrs.get("not-in") {
                None => None,
                Some(t) => Some(
                    r.topics
                        .iter()
                        .position(|x| x == t)
                        .map(|i| i as u8 + 1)
                        .ok_or_else(|| format!("not-in={t}: not a topic of topics.tsv"))?,
                ),
            };
            for a in alternatives(cols[1]) {
                let (a, then) = match a.split_once('…') {
                    Some((head, tail)) => {
                        let tail = fold_phrase(tail);
                        if tail.is_empty() || head.trim().is_empty() {
                            return Err(format!("«{a}»: words are needed on both sides of «…»"));
                        }
                        (head.trim().to_string(), Some(tail))
                    }
                    None => (a, None),
                };
                let verb = a.starts_with('+');
                // Only the bare past form can also be a noun of time («فجر»); «فجرت» cannot.
                let bare = fold_phrase(a.trim_start_matches('+').split('/').next().unwrap_or(""));
                for form in conjugations(&a)? {
                    let folded = fold_phrase(&form);
                    let time_of_day = time_of_day && folded == bare;
                    r.event_patterns.push(EventPattern {
                        code: cols[0].to_string(),
                        folded,
                        by_speaker,
                        verb,
                        victim,
                        either_voice,
                        genitive_doer,
                        time_of_day,
                        needs_occurrence,
                        then: then.clone(),
                        not_in,
                    });
                }
            }
        }
        Kind::EventAgents => {
            need(cols, 2, "SECTOR and nouns")?;
            let attrs = attrs(&cols[2..])?;
            let construct = match attrs.get("construct").map(String::as_str) {
                None => false,
                Some("yes") => true,
                Some(other) => return Err(format!("construct={other}: only construct=yes")),
            };
            let list = match attrs.get("subject").map(String::as_str) {
                None => &mut r.event_agents,
                Some("reflexive") => &mut r.reflexive_agents,
                Some(other) => return Err(format!("subject={other}: only subject=reflexive")),
            };
            for a in alternatives(cols[1]) {
                list.push((fold_phrase(&a), cols[0].to_string()));
            }
            if construct {
                for a in alternatives(cols[1]) {
                    r.construct_agents.insert(fold_phrase(&a));
                }
            }
        }
        Kind::EventAffixes => {
            need(cols, 2, "KIND and affixes")?;
            const KINDS: [&str; 10] = [
                "future",
                "future-verb",
                "plural",
                "conjunction",
                "preposition",
                "accusative",
                "nominative",
                "possessive",
                "addressee",
                "answer",
            ];
            if !KINDS.contains(&cols[0]) {
                return Err(format!(
                    "unknown affix kind «{}» ({})",
                    cols[0],
                    KINDS.join(" ")
                ));
            }
            for a in alternatives(cols[1]) {
                let Some((p, s)) = a.split_once('-') else {
                    return Err(format!("affix «{a}» needs a «-» where the word goes"));
                };
                r.affixes.add(cols[0], fold(p), fold(s));
            }
        }
        Kind::EventModality => {
            need(cols, 2, "KIND (negation intent denial) and words")?;
            let set = match cols[0] {
                "negation" => &mut r.negation_words,
                "intent" => &mut r.intent_words,
                "denial" => &mut r.denial_words,
                "occurrence" => &mut r.occurrence_words,
                "agent" => &mut r.agent_markers,
                "passive" => &mut r.passive_cues,
                "approximate" => &mut r.counting_cues,
                "place" => &mut r.place_words,
                "manner" => &mut r.manner_words,
                "reflexive" => &mut r.reflexive_words,
                "against" => &mut r.against_words,
                "hedge" => &mut r.hedge_words,
                "accident" => &mut r.accident_words,
                "among" => &mut r.among_words,
                "charge" => &mut r.charge_words,
                "partitive" => &mut r.partitive_words,
                "time" => &mut r.time_words,
                "topic" => &mut r.topic_words,
                k => return Err(format!(
                    "unknown modality kind «{k}» (negation intent denial occurrence agent passive approximate place manner reflexive against hedge accident among charge partitive time topic)"
                )),
            };
            for a in alternatives(cols[1]) {
                for form in conjugations(&a)? {
                    set.insert(fold_phrase(&form));
                }
            }
        }
        Kind::EntityTriggers => {
            need(cols, 2, "TYPE and nouns")?;
            let kind = EntityType::parse(cols[0]).ok_or_else(|| {
                format!("unknown entity type «{}» (PER GPE LOC ORG MEDIA)", cols[0])
            })?;
            let attrs = attrs(&cols[2..])?;
            let needs_nationality = match attrs.get("needs").map(String::as_str) {
                None => false,
                Some("nationality") => true,
                Some(o) => return Err(format!("needs= may only be «nationality», not «{o}»")),
            };
            let in_name = yes_flag(&attrs, "in-name")?;
            let of_place = yes_flag(&attrs, "of-place")?;
            for w in alternatives(cols[1]) {
                r.entity_triggers.push(EntityTrigger {
                    folded: fold_phrase(&w),
                    kind,
                    needs_nationality,
                    sector: attrs.get("sector").cloned(),
                    in_name,
                    of_place,
                });
            }
        }
        Kind::Topics => {
            need(cols, 2, "TOPIC and words")?;
            let idx = match r.topics.iter().position(|t| t == cols[0]) {
                Some(i) => i,
                None => {
                    if r.topics.len() >= usize::from(u8::MAX) {
                        return Err("too many topics (at most 255)".to_string());
                    }
                    r.topics.push(cols[0].to_string());
                    r.topic_city.push(None);
                    r.topics.len() - 1
                }
            };
            let attrs = attrs(&cols[2..])?;
            if let Some(city) = attrs.get("city") {
                let kind = EntityType::parse(city)
                    .ok_or_else(|| format!("city={city}: an entity type (ORG …)"))?;
                r.topic_city[idx] = Some(kind);
            }
            let sure = match attrs.get("sure").map(String::as_str) {
                None => false,
                Some("yes") => true,
                Some(other) => return Err(format!("sure={other}: only sure=yes")),
            };
            for w in alternatives(cols[1]) {
                let w = fold(&w);
                if sure {
                    r.topic_sure.insert(w.clone());
                }
                r.topic_of.insert(w, idx as u8);
            }
        }
        Kind::CalledBy => {
            need(cols, 2, "a given name and the words before it")?;
            let before = r.called_by.entry(fold(cols[0])).or_default();
            for w in cols[1..].iter().flat_map(|c| c.split_whitespace()) {
                before.insert(fold(w));
            }
        }
        Kind::Competitions => {
            r.competitions.insert(fold_phrase(cols[0]));
        }
        Kind::NoSegment
        | Kind::NotNames
        | Kind::Complementizers
        | Kind::NameLinks
        | Kind::LineageLinks
        | Kind::NameParts
        | Kind::SpeechAdverbs
        | Kind::NounOpeners
        | Kind::GroupSubjects
        | Kind::ClauseOpeners
        | Kind::AnsweredOpeners
        | Kind::Demonstratives
        | Kind::RelativePronouns
        | Kind::NamedAfter
        | Kind::FunctionWords
        | Kind::GivenNames => {
            let set = match kind {
                Kind::GivenNames => &mut r.given_names,
                Kind::FunctionWords => &mut r.function_words,
                Kind::SpeechAdverbs => &mut r.speech_adverbs,
                Kind::NounOpeners => &mut r.noun_openers,
                Kind::GroupSubjects => &mut r.group_subjects,
                Kind::ClauseOpeners => &mut r.clause_openers,
                Kind::AnsweredOpeners => &mut r.answered_openers,
                Kind::Demonstratives => &mut r.demonstratives,
                Kind::RelativePronouns => &mut r.relative_pronouns,
                Kind::NamedAfter => &mut r.named_after,
                Kind::NoSegment => &mut r.no_segment,
                Kind::NotNames => &mut r.not_names,
                Kind::NameLinks => &mut r.name_links,
                Kind::LineageLinks => &mut r.lineage_links,
                Kind::NameParts => &mut r.name_parts,
                _ => &mut r.complementizers,
            };
            for w in cols.iter().flat_map(|c| c.split_whitespace()) {
                set.insert(fold(w));
            }
        }
    }
    Ok(())
}
