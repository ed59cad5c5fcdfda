//! The reference article: a Turk Press report on the 2020 Nagorno-Karabakh war. Every item
//! a careful reader would mark up is asserted here; none of it is special-cased in the code.

mod common;

use common::*;
use rasd_read::Article;

fn record() -> rasd_doc::Record {
    let path = shared("fixtures/turkpress-karabakh.txt");
    let text = std::fs::read_to_string(&path).expect("reference article is UTF-8 text");
    let r = pipeline().analyze(&Article::text(&path.display().to_string(), text));
    check_offsets(&r);
    r
}

#[test]
fn outlet_line_and_share_prompt_are_metadata_not_text() {
    let r = record();
    assert_eq!(r.outlet.as_deref(), Some("ترك برس"));
    assert!(!r.text.contains("ترك برس"));
    assert!(!r.text.contains("شاركه مع أصدقائك"));
    assert!(!r.text.contains("هل أعجبك"));
    assert!(r.text.starts_with("طلب رئيس الوزراء الأرميني"));
    assert!(r.text.ends_with("فضلا عن تلال استراتيجية."));
    assert!(r
        .removed
        .iter()
        .any(|x| x.text.contains("شاركه مع أصدقائك")));
    assert_eq!(r.sentences.len(), 14);
}

#[test]
fn people_with_countries_and_merged_mentions() {
    let r = record();
    for (name, country, min_mentions) in [
        ("باشينيان", "ARM", 4),
        ("بوتين", "RUS", 1),
        ("لافروف", "RUS", 2),
        ("علييف", "AZE", 2),
    ] {
        let e = entity(&r, name);
        assert_eq!(e.kind, "PER", "{name}");
        assert_eq!(e.country.as_deref(), Some(country), "{name}");
        assert!(
            e.mentions.len() >= min_mentions,
            "{name}: {:?}",
            mention_texts(&r, e)
        );
    }
    let p = entity(&r, "باشينيان");
    let texts = mention_texts(&r, p);
    assert!(
        texts.contains(&"نيكول باشينيان".to_string()) && texts.contains(&"باشينيان".to_string()),
        "{texts:?}"
    );
    // One entity per person: the short and the full mention are merged.
    assert_eq!(
        r.entities
            .iter()
            .filter(|e| mention_texts(&r, e).iter().any(|t| t.contains("باشينيان")))
            .count(),
        1
    );
    assert_eq!(
        r.entities
            .iter()
            .filter(|e| mention_texts(&r, e).iter().any(|t| t.contains("علييف")))
            .count(),
        1
    );
}

#[test]
fn countries_places_and_organisations() {
    let r = record();
    for (name, code) in [
        ("أرمينيا", "ARM"),
        ("روسيا", "RUS"),
        ("تركيا", "TUR"),
        ("أذربيجان", "AZE"),
    ] {
        let e = entity(&r, name);
        assert_eq!(
            (e.kind.as_str(), e.country.as_deref()),
            ("GPE", Some(code)),
            "{name}"
        );
    }
    for name in [
        "ناغورني قره باغ",
        "يريفان",
        "موسكو",
        "أنقرة",
        "آغدام",
        "فضولي",
    ] {
        let e = entity(&r, name);
        assert!(
            matches!(e.kind.as_str(), "GPE" | "LOC"),
            "{name}: {}",
            e.kind
        );
    }
    // «ليريفان»: the preposition is not part of the mention.
    assert_eq!(mention_texts(&r, entity(&r, "يريفان")), ["يريفان"]);
    // «قره باغ» in quotation marks later is the same region.
    assert!(entity(&r, "ناغورني قره باغ").mentions.len() >= 4);
    let unsc = entity(&r, "مجلس الأمن الدولي");
    assert_eq!(unsc.kind, "ORG");
    let k = entity(&r, "كوميرسانت");
    assert_eq!(
        (k.kind.as_str(), k.country.as_deref()),
        ("MEDIA", Some("RUS"))
    );
    // «موسكو وأنقرة، شريكتان وثيقتان»: after a list of capitals, "partners" is no place.
    let names: Vec<&str> = r.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(!names.contains(&"شريكتان"), "{names:?}");
}

#[test]
fn quotes_are_attributed() {
    let r = record();
    let speaker = |needle: &str| {
        let q = r
            .quotes
            .iter()
            .find(|q| q.text.contains(needle))
            .unwrap_or_else(|| panic!("no quote with «{needle}»"));
        r.entity(q.speaker.as_deref().expect("speaker resolved"))
            .expect("speaker is an entity")
            .canonical
            .clone()
    };
    let lavrov = speaker("موسكو وأنقرة، شريكتان وثيقتان");
    assert!(lavrov.contains("لافروف"), "{lavrov}");
    let q = r
        .quotes
        .iter()
        .find(|q| q.text.starts_with("موسكو وأنقرة"))
        .unwrap();
    assert_eq!(q.kind, "direct");
    assert_eq!(q.speaker_text.as_deref(), Some("الوزير الروسي"));
    // The source has a no-break space after «باشينيان» here; the text keeps it.
    assert!(speaker("يتحمل مسؤولية استمرار الحرب").contains("علييف"));
    assert!(speaker("بلاده ستواصل العمل مع تركيا").contains("لافروف"));
    // Carried over: «وأضاف أن …» has no expressed subject.
    assert!(speaker("تركيا وروسيا تعملان").contains("لافروف"));
    assert!(speaker("أفضل خيار منطقي").contains("علييف"));
    assert!(speaker("المعارك باتت تقترب").contains("باشينيان"));
    // A scare-quoted word is not a quotation.
    assert!(!r
        .quotes
        .iter()
        .any(|q| q.text == "عاجلة" || q.text == "المساعدة الضرورية"));
}

#[test]
fn dates_and_quantities() {
    let r = record();
    let sept = r
        .dates
        .iter()
        .find(|d| d.text.starts_with("27 سبتمبر"))
        .expect("27 September");
    assert_eq!((sept.month, sept.day), (Some(9), Some(27)));
    assert_eq!(
        sept.value.as_deref(),
        Some("--09-27"),
        "the article carries no date, so no year is guessed"
    );
    assert!(r
        .dates
        .iter()
        .any(|d| d.year == Some(1992) && d.value.as_deref() == Some("1992")));
    let q = |v: f64| {
        r.quantities
            .iter()
            .find(|q| q.value == v)
            .unwrap_or_else(|| panic!("no quantity {v}"))
    };
    assert_eq!(q(20.0).unit.as_deref(), Some("percent"));
    assert_eq!(q(193.0).unit.as_deref(), Some("منطقة سكنية"));
    assert_eq!(q(4.0).unit.as_deref(), Some("مدن"));
    assert!(r
        .quantities
        .iter()
        .any(|x| x.value == 3.0 && x.unit.as_deref() == Some("هدنات إنسانية")));
    assert!(r
        .quantities
        .iter()
        .any(|x| x.value == 3.0 && x.unit.as_deref() == Some("بلدات")));
    // «عام 1992» is a date, not a count of 1992 things.
    assert!(!r.quantities.iter().any(|x| x.value == 1992.0));
}

#[test]
fn resolving_against_an_article_date() {
    let path = shared("fixtures/turkpress-karabakh.txt");
    let mut a = Article::text("ref", std::fs::read_to_string(path).unwrap());
    a.date = Some("2020-10-08".into());
    let r = pipeline().analyze(&a);
    let sept = r
        .dates
        .iter()
        .find(|d| d.text.starts_with("27 سبتمبر"))
        .unwrap();
    assert_eq!(sept.value.as_deref(), Some("2020-09-27"));
    assert_eq!(r.date.as_deref(), Some("2020-10-08"));
}

/// A title with a nationality and no name («قال الرئيس الأمريكي») names whoever held that
/// office on the article's date; with no date, or a date outside every term, it names no one.
#[test]
fn titles_resolve_to_the_office_holder_on_the_article_date() {
    let text = "واشنطن - قال الرئيس الأمريكي إن بلاده لن تتراجع عن العقوبات.\n";
    let holder = |date: Option<&str>| {
        let mut a = Article::text("t", text.to_string());
        a.date = date.map(str::to_string);
        let r = pipeline().analyze(&a);
        r.entities
            .iter()
            .find(|e| e.kind == "PER" && e.country.as_deref() == Some("USA"))
            .map(|e| {
                // Offsets count characters in the record's text.
                let m = &e.mentions[0];
                (
                    e.canonical.clone(),
                    r.text
                        .chars()
                        .skip(m.start)
                        .take(m.end - m.start)
                        .collect::<String>(),
                )
            })
    };
    assert_eq!(
        holder(Some("2018-06-01")),
        Some(("دونالد ترامب".into(), "الرئيس الأمريكي".into()))
    );
    assert_eq!(
        holder(Some("2022-03-10")).map(|h| h.0),
        Some("جو بايدن".into())
    );
    assert_eq!(holder(None), None);
}

/// Without the list of public figures, titles and nationality adjectives still find the
/// people and their countries, and surnames still merge: nothing depends on knowing them.
#[test]
fn people_found_without_the_people_gazetteer() {
    let mut res = rasd_resources::Resources::default();
    for (name, text) in rasd_resources::Resources::builtin_files() {
        if *name != "entities/people.tsv" {
            res.add_file(name, name, text).unwrap();
        }
    }
    let pipe = rasd_pipeline::Pipeline::new(res, rasd_pipeline::Options::default());
    let path = shared("fixtures/turkpress-karabakh.txt");
    let r = pipe.analyze(&Article::text(
        "ref",
        std::fs::read_to_string(path).unwrap(),
    ));
    for (name, country) in [
        ("نيكول باشينيان", "ARM"),
        ("فلاديمير بوتين", "RUS"),
        ("سيرغي لافروف", "RUS"),
        ("إلهام علييف", "AZE"),
    ] {
        let e = entity(&r, name);
        assert_eq!(
            (e.kind.as_str(), e.country.as_deref()),
            ("PER", Some(country)),
            "{name}"
        );
        // Found by the title rules or the statistical tagger, never by a list of names.
        assert!(
            matches!(e.source.as_str(), "title" | "tagger" | "speaker"),
            "{name}: {}",
            e.source
        );
    }
    assert!(entity(&r, "نيكول باشينيان").mentions.len() >= 4);
    let q = r
        .quotes
        .iter()
        .find(|q| q.text.starts_with("موسكو وأنقرة"))
        .unwrap();
    assert_eq!(
        r.entity(q.speaker.as_deref().unwrap()).unwrap().canonical,
        "سيرغي لافروف"
    );
}

/// The committed models were trained with the knowledge now in resources/: a change to a list
/// that feeds their features must come with retrained models (see models/README.md).
#[test]
fn models_match_the_resources() {
    let fp = rasd_resources::Resources::builtin_fingerprint();
    assert_eq!(
        rasd_pipeline::default_tagger().model.fingerprint,
        fp,
        "retrain models/ner.bin.gz"
    );
    assert_eq!(
        rasd_pipeline::default_detector().fingerprint,
        fp,
        "retrain models/events.bin.gz"
    );
    assert_eq!(
        rasd_pipeline::default_detector().clusters,
        rasd_extract::tagger::clusters_fingerprint(&rasd_pipeline::default_words()),
        "retrain models/events.bin.gz after models/ner.bin.gz"
    );
}

/// Words the news uses thousands of times and almost never in a name are not captured as
/// one after a title or a speech verb; a name the lexicon has never seen still is.
#[test]
fn frequent_common_words_are_not_names() {
    let pipe = rasd_pipeline::Pipeline::new(
        rasd_resources::Resources::builtin(),
        rasd_pipeline::Options::default(),
    );
    let r = pipe.analyze(&Article::text(
        "common",
        "واعتبر مراقبو السباق أن السائق أخطأ. وذكر أهالي المنطقة أن القوات اقتحمت القرية. \
         وكان الأمير أول زعيم عربي يزور الضاحية. وقال الوزير الأرميني أرتاك زاكاريان إن الاتفاق صامد."
            .to_string(),
    ));
    let people: Vec<&str> = persons(&r).iter().map(|e| e.text.as_str()).collect();
    for word in ["مراقبو", "أهالي", "عربي"] {
        assert!(
            !people.iter().any(|p| p.contains(word)),
            "{word} in {people:?}"
        );
    }
    assert!(people.iter().any(|p| p.contains("زاكاريان")), "{people:?}");
}
