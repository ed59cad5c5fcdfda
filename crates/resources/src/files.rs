//! The built-in resource files and the kind of each file name.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Entities,
    Nationalities,
    Titles,
    SpeechVerbs,
    Boilerplate,
    Months,
    Numbers,
    Units,
    Relative,
    NoSegment,
    NotNames,
    Complementizers,
    Bylines,
    EntityTriggers,
    NameLinks,
    LineageLinks,
    NameParts,
    SpeechAdverbs,
    GroupSubjects,
    ClauseOpeners,
    RelativePronouns,
    NamedAfter,
    CalledBy,
    FunctionWords,
    GivenNames,
    Competitions,
    Topics,
    EventCodes,
    EventVerbs,
    EventAgents,
    EventModality,
    EventAffixes,
}

/// The kind of a resource file from its path inside a resources folder.
pub(crate) fn kind_of(rel: &str) -> Option<Kind> {
    if let Some(name) = rel.strip_prefix("entities/") {
        return name.ends_with(".tsv").then_some(Kind::Entities);
    }
    Some(match rel {
        "nationalities.tsv" => Kind::Nationalities,
        "titles.tsv" => Kind::Titles,
        "speech-verbs.tsv" => Kind::SpeechVerbs,
        "boilerplate.tsv" => Kind::Boilerplate,
        "months.tsv" => Kind::Months,
        "numbers.tsv" => Kind::Numbers,
        "units.tsv" => Kind::Units,
        "relative-dates.tsv" => Kind::Relative,
        "no-segment.txt" => Kind::NoSegment,
        "not-names.txt" => Kind::NotNames,
        "complementizers.txt" => Kind::Complementizers,
        "bylines.tsv" => Kind::Bylines,
        "entity-triggers.tsv" => Kind::EntityTriggers,
        "name-links.txt" => Kind::NameLinks,
        "lineage-links.txt" => Kind::LineageLinks,
        "name-parts.txt" => Kind::NameParts,
        "speech-adverbs.txt" => Kind::SpeechAdverbs,
        "group-subjects.txt" => Kind::GroupSubjects,
        "clause-openers.txt" => Kind::ClauseOpeners,
        "relative-pronouns.txt" => Kind::RelativePronouns,
        "named-after.txt" => Kind::NamedAfter,
        "called-by.tsv" => Kind::CalledBy,
        "function-words.txt" => Kind::FunctionWords,
        "given-names.txt" => Kind::GivenNames,
        "competitions.txt" => Kind::Competitions,
        "topics.tsv" => Kind::Topics,
        "events/cameo.tsv" => Kind::EventCodes,
        "events/verbs.tsv" => Kind::EventVerbs,
        "events/agents.tsv" => Kind::EventAgents,
        "events/modality.tsv" => Kind::EventModality,
        "events/affixes.tsv" => Kind::EventAffixes,
        _ => return None,
    })
}

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        pub(crate) const BUILTIN: &[(&str, &str)] = &[
            $(($path, include_str!(concat!("../../../resources/", $path)))),*
        ];
    };
}

builtin!(
    "entities/countries.tsv",
    "entities/cities.tsv",
    "entities/regions.tsv",
    "entities/organizations.tsv",
    "entities/media.tsv",
    "entities/people.tsv",
    "entities/companies.tsv",
    "entities/sport.tsv",
    "nationalities.tsv",
    "titles.tsv",
    "speech-verbs.tsv",
    "boilerplate.tsv",
    "months.tsv",
    "numbers.tsv",
    "units.tsv",
    "relative-dates.tsv",
    "no-segment.txt",
    "not-names.txt",
    "complementizers.txt",
    "bylines.tsv",
    "entity-triggers.tsv",
    "name-links.txt",
    "lineage-links.txt",
    "name-parts.txt",
    "speech-adverbs.txt",
    "group-subjects.txt",
    "clause-openers.txt",
    "relative-pronouns.txt",
    "named-after.txt",
    "called-by.tsv",
    "function-words.txt",
    "given-names.txt",
    "competitions.txt",
    "topics.tsv",
    "events/cameo.tsv",
    "events/verbs.tsv",
    "events/agents.tsv",
    "events/modality.tsv",
    "events/affixes.tsv",
);
