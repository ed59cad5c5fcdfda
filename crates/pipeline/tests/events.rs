//! Events in the reference article, as a conflict researcher would code them. The same
//! dictionaries and rules serve every article: nothing here is special-cased.

mod common;

use common::*;
use rasd_doc::{Event, Record};
use rasd_read::Article;

fn record() -> Record {
    let path = shared("fixtures/turkpress-karabakh.txt");
    let mut a = Article::text("ref", std::fs::read_to_string(path).unwrap());
    a.date = Some("2020-10-08".into());
    let r = pipeline().analyze(&a);
    check_offsets(&r);
    r
}

fn code(a: &Option<rasd_doc::Actor>) -> Option<(Option<&str>, Option<&str>)> {
    a.as_ref()
        .map(|a| (a.country.as_deref(), a.sector.as_deref()))
}

fn country(a: &Option<rasd_doc::Actor>) -> Option<&str> {
    a.as_ref().and_then(|a| a.country.as_deref())
}

fn find<'a>(r: &'a Record, pred: impl Fn(&Event) -> bool, what: &str) -> &'a Event {
    r.events.iter().find(|e| pred(e)).unwrap_or_else(|| {
        let all: Vec<String> = r
            .events
            .iter()
            .map(|e| {
                format!(
                    "{} {} {:?}->{:?}",
                    e.cameo.code,
                    e.trigger.text,
                    e.source.as_ref().map(|a| &a.code),
                    e.target.as_ref().map(|a| &a.code)
                )
            })
            .collect();
        panic!("no event: {what}\n{}", all.join("\n"))
    })
}

#[test]
fn armenia_appeals_to_russia() {
    let r = record();
    let e = find(
        &r,
        |e| {
            e.cameo.root == "02"
                && code(&e.source) == Some((Some("ARM"), Some("GOV")))
                && code(&e.target) == Some((Some("RUS"), Some("GOV")))
        },
        "ARM GOV appeals to RUS GOV",
    );
    assert_eq!(e.plover.as_ref().unwrap().kind, "REQUEST");
    assert_eq!(e.cameo.quad_class, 1);
    assert!(e.source.as_ref().unwrap().text.contains("باشينيان"));
    assert!(e.target.as_ref().unwrap().text.contains("بوتين"));
    assert_eq!(
        chars(&r.text, e.trigger.start, e.trigger.end),
        e.trigger.text
    );
    assert_eq!(e.date.as_deref(), Some("2020-10-08"));
}

#[test]
fn armenia_accuses_turkey() {
    let r = record();
    let e = find(
        &r,
        |e| {
            matches!(e.cameo.root.as_str(), "11" | "12")
                && code(&e.source).is_some_and(|c| c.0 == Some("ARM"))
                && code(&e.target).is_some_and(|c| c.0 == Some("TUR"))
        },
        "ARM accuses TUR",
    );
    assert_eq!(e.plover.as_ref().unwrap().kind, "ACCUSE");
    assert!(!e.negated);
}

#[test]
fn russia_intends_to_help() {
    let r = record();
    let e = find(
        &r,
        |e| {
            e.cameo.root == "03"
                && code(&e.source).is_some_and(|c| c.0 == Some("RUS"))
                && e.trigger.text.contains("استعداد")
        },
        "RUS intends to help",
    );
    assert_eq!(e.modality, "intent");
}

#[test]
fn aliyev_blames_pashinyan() {
    let r = record();
    let e = find(
        &r,
        |e| {
            e.cameo.root == "11"
                && code(&e.source) == Some((Some("AZE"), Some("GOV")))
                && code(&e.target) == Some((Some("ARM"), Some("GOV")))
        },
        "AZE GOV accuses ARM GOV",
    );
    assert!(e.source.as_ref().unwrap().text.contains("علييف"));
    assert!(e.target.as_ref().unwrap().text.contains("باشينيان"));
    assert!(e
        .reported_by
        .as_ref()
        .is_some_and(|a| a.country.as_deref() == Some("AZE")));
}

#[test]
fn azerbaijan_military_operation_against_armenia() {
    let r = record();
    let e = find(
        &r,
        |e| {
            matches!(e.cameo.root.as_str(), "18" | "19")
                && code(&e.source).is_some_and(|c| c.0 == Some("AZE"))
        },
        "AZE uses force",
    );
    assert_eq!(e.plover.as_ref().unwrap().kind, "ASSAULT");
    assert_eq!(e.cameo.quad_class, 4);
    assert!(e.cameo.goldstein <= -9.0);
    assert_eq!(country(&e.target), Some("ARM"));
}

#[test]
fn lavrov_on_working_with_turkey() {
    let r = record();
    let e = find(
        &r,
        |e| {
            matches!(e.cameo.root.as_str(), "03" | "04")
                && code(&e.source) == Some((Some("RUS"), Some("GOV")))
                && code(&e.target).is_some_and(|c| c.0 == Some("TUR"))
        },
        "RUS GOV works with TUR",
    );
    assert!(e.source.as_ref().unwrap().text.contains("لافروف"));
    assert!(
        e.reported_by.is_some(),
        "said by Lavrov in a reported clause"
    );
}

#[test]
fn negation_is_marked() {
    let pipe = pipeline();
    let x = pipe.extract_clean(
        "ونفت الحكومة أن تكون قواتها قد هاجمت القرية. ولم تطلق الشرطة النار على المتظاهرين.",
    );
    assert!(!x.events.is_empty());
    assert!(
        x.events.iter().all(|e| e.negated),
        "{:?}",
        x.events
            .iter()
            .map(|e| (&e.trigger.text, e.negated))
            .collect::<Vec<_>>()
    );
}

/// A protest noun with no subject («اندلعت مظاهرات») takes as its source the protesters the
/// sentence names elsewhere, never the police who face them.
#[test]
fn protest_source_is_the_protesters_named_in_the_sentence() {
    let text = "اندلعت في نواكشوط مظاهرات مناوئة للانقلاب، وفرقت الشرطة المتظاهرين بالغاز.\n";
    let r = pipeline().analyze(&Article::text("t", text.to_string()));
    let e = find(&r, |e| e.cameo.code.starts_with("14"), "a protest");
    assert_eq!(
        code(&e.source).and_then(|c| c.1),
        Some("CVL"),
        "{:?}",
        e.source
    );
}

/// «قتل» is written alike in the active and the passive: with a count after it the people
/// named are its victims, not its doers; with a subject after it they are the doers.
#[test]
fn killing_verbs_read_in_the_right_voice() {
    let kill = |text: &str| {
        let r = pipeline().analyze(&Article::text("t", format!("{text}\n")));
        let e = find(&r, |e| e.cameo.code.starts_with("18"), text).clone();
        (
            code(&e.source).map(|c| (c.0.map(str::to_string), c.1.map(str::to_string))),
            e.target.is_some(),
        )
    };
    let (source, has_target) = kill("قتل 20 شخصا في انفجار سيارة مفخخة قرب السوق.");
    assert_eq!(source, None);
    assert!(has_target);
    let (source, _) = kill("وقال الجيش إن جنديا عراقيا قتل وأصيب آخر في الهجوم.");
    assert_ne!(source.and_then(|s| s.1).as_deref(), Some("MIL"));
    let (source, _) = kill("قتل المسلحون ثلاثة من رجال الشرطة في كمين.");
    assert_eq!(source.and_then(|s| s.1).as_deref(), Some("UAF"));
}

/// With its subject before it, the count after «قتلت» is what was killed, not who was.
/// Security forces («قوات الأمن») are police (COP), as CAMEO codes them, not the army.
#[test]
fn a_count_after_a_subject_is_the_object() {
    let r = pipeline().analyze(&Article::text(
        "t",
        "قال مسؤولون إن قوات الأمن الباكستانية قتلت ثلاثة مسلحين في وزيرستان.\n".to_string(),
    ));
    let e = find(&r, |e| e.cameo.code.starts_with("18"), "a killing");
    assert_eq!(
        code(&e.source),
        Some((Some("PAK"), Some("COP"))),
        "{:?}",
        e.source
    );
}

/// The first event `pred` accepts in a one-sentence article.
/// No event of a one-article text matches `pred`.
fn no_event_in(text: &str, pred: impl Fn(&Event) -> bool) {
    let r = pipeline().analyze(&Article::text("t", format!("{text}\n")));
    assert!(
        !r.events.iter().any(pred),
        "{text}: {:?}",
        r.events.iter().map(|e| &e.trigger.text).collect::<Vec<_>>()
    );
}

fn event_in(text: &str, pred: impl Fn(&Event) -> bool) -> Event {
    let r = pipeline().analyze(&Article::text("t", format!("{text}\n")));
    check_offsets(&r);
    find(&r, pred, text).clone()
}

type Codes = Option<(Option<String>, Option<String>)>;

/// An actor's country and sector.
fn codes(a: &Option<rasd_doc::Actor>) -> Codes {
    a.as_ref().map(|a| (a.country.clone(), a.sector.clone()))
}

fn coded(country: Option<&str>, sector: Option<&str>) -> Codes {
    Some((country.map(str::to_string), sector.map(str::to_string)))
}

fn assault(e: &Event) -> bool {
    e.plover.as_ref().is_some_and(|p| p.kind == "ASSAULT")
}

/// The first assault of a one-sentence article has these source and target codes.
fn assault_coded(text: &str, source: Codes, target: Codes) {
    let e = event_in(text, assault);
    assert_eq!(codes(&e.source), source, "source in «{text}»");
    assert_eq!(codes(&e.target), target, "target in «{text}»");
}

/// An attack told by a source («قال مصدر في الشرطة العراقية إن …») has its actors inside what
/// was said: the police who report it are not its doers; the gunmen named inside are.
#[test]
fn reported_attacks_take_their_actors_from_what_was_said() {
    let e = event_in(
        "وقال مصدر في الشرطة العراقية إن عبوة ناسفة انفجرت على دورية في بغداد.",
        assault,
    );
    assert_eq!(codes(&e.source), None, "the police only report the bombing");
    let e = event_in(
        "وقال مصدر في الشرطة العراقية إن مسلحين هاجموا نقطة تفتيش في بغداد.",
        assault,
    );
    assert_eq!(codes(&e.source), coded(None, Some("UAF")));
}

/// The singular «شخص» names people without a sector; the plural «أشخاص» names civilians.
#[test]
fn a_counted_person_has_no_sector() {
    let e = event_in("قتل 20 شخصا في انفجار سيارة مفخخة قرب السوق.", assault);
    assert_eq!(e.target.as_ref().map(|a| a.text.as_str()), Some("شخصا"));
    assert_eq!(codes(&e.target), coded(None, None));
    let e = event_in("قتل عشرة أشخاص في انفجار سيارة مفخخة قرب السوق.", assault);
    assert_eq!(codes(&e.target), coded(None, Some("CVL")));
}

/// A verb that agrees with a plural subject («هاجموا») had its subject before it, even with
/// words in between: the actor after it is its object.
#[test]
fn a_plural_verb_takes_its_subject_from_before() {
    let e = event_in(
        "وقال شاهد إن مسلحين من القبائل هاجموا قافلة للجيش الباكستاني قرب الحدود.",
        assault,
    );
    assert_eq!(codes(&e.source), coded(None, Some("UAF")));
    assert_eq!(codes(&e.target), coded(Some("PAK"), Some("MIL")));
}

/// A protest is aimed at someone only when the sentence says so («ضد …»); with no protesters
/// named, the protest stands for civilians.
#[test]
fn protest_targets_need_an_against_word() {
    let protest = |e: &Event| e.cameo.root == "14";
    let e = event_in("تظاهر الآلاف في الخرطوم أمس ضد الحكومة السودانية.", protest);
    assert_eq!(codes(&e.source), coded(None, Some("CVL")));
    assert_eq!(codes(&e.target), coded(Some("SDN"), Some("GOV")));
    let e = event_in(
        "اندلعت مظاهرات في نواكشوط أمس وفرقت الشرطة المتظاهرين.",
        protest,
    );
    assert_eq!(codes(&e.source), coded(None, Some("CVL")));
    assert_eq!(
        codes(&e.target),
        None,
        "the police face the protest; it is not aimed at them"
    );
}

/// Victims named as the subject of a passive «قتل»: before it («جنديا أميركيا قتل وأصيب …»)
/// or alone after it, before a passive cue («قتل عراقيان في تفجير …»).
#[test]
fn victims_of_a_passive_killing() {
    let e = event_in(
        "وأعلن الجيش أن جنديا أميركيا قتل وأصيب آخر في هجوم قرب الموصل.",
        assault,
    );
    assert_eq!(codes(&e.source), None);
    assert_eq!(codes(&e.target), coded(Some("USA"), Some("MIL")));
    let e = event_in(
        "من ناحية ثانية، قتل عراقيان في تفجير صهريج مفخخ قرب الرمادي.",
        assault,
    );
    assert_eq!(codes(&e.source), None);
    assert_eq!(codes(&e.target), coded(Some("IRQ"), None));
    // Victims of a few words before the joined wound verb: passive too.
    let e = event_in(
        "قتل نقيب شرطة ومجند وأصيب ثلاثة آخرون، إثر انفجار عبوة ناسفة بمدينة العريش.",
        |e| assault(e) && e.trigger.text == "قتل",
    );
    assert_eq!(codes(&e.source), None);
    assert_eq!(codes(&e.target), coded(None, Some("COP")));
}

/// «ندعو الله أن …» is a prayer, no appeal; «عبد الله» after «دعا» is a person appealing.
#[test]
fn a_prayer_is_no_appeal() {
    for text in [
        "وندعو الله عز وجل أن يحفظ القيادة.",
        "داعيا المولى عز وجل أن يتغمده بواسع رحمته.",
        "ودعت القيادة الله سبحانه وتعالى أن يتقبله مع الشهداء.",
    ] {
        no_event_in(text, |e| e.cameo.root == "02");
    }
    event_in(
        "ودعا الرئيس عبد الله صالح إلى الحوار.",
        |e| e.cameo.root == "02",
    );
}

/// The victims a sentence has named are not the doers of the explosion named after them
/// («شخصا قتل، وأصيب ستة آخرون نتيجة انفجار عبوة ناسفة»): the bomb has no source here.
#[test]
fn the_victims_are_not_the_bombers() {
    for text in [
        "وأوضح مصدر أمني أن شخصا قتل، وأصيب ستة آخرون بجروح نتيجة انفجار عبوة ناسفة في منطقة المدائن جنوب شرقي بغداد.",
        "وقال مصدر امني ان «شخصين قتلا وأصيب خمسة آخرون بجروح في هجوم انتحاري بسيارة مفخخة».",
    ] {
        let r = pipeline().analyze(&Article::text("t", format!("{text}\n")));
        let victims: Vec<&str> = r
            .events
            .iter()
            .filter_map(|e| e.target.as_ref().map(|t| t.text.as_str()))
            .collect();
        assert!(!victims.is_empty(), "no victims in «{text}»");
        let bombs: Vec<&Event> = r
            .events
            .iter()
            .filter(|e| e.cameo.code == "183")
            .collect();
        assert!(!bombs.is_empty(), "no bombing in «{text}»");
        for e in bombs {
            let source = e.source.as_ref().map(|s| s.text.as_str());
            assert!(
                source.is_none_or(|s| !victims.contains(&s)),
                "the bombing's source is a victim in «{text}»: {source:?}"
            );
        }
    }
}

/// The subject after a verb carries no preposition: «للشرطة» says whose bus it was. With no
/// subject after the verb, the one named before it in what was said is the doer.
#[test]
fn a_prepositional_actor_is_not_the_subject() {
    let e = event_in(
        "وقالت الشرطة إن مسلحا من حركة طالبان فجر حافلة تابعة للشرطة في كابول.",
        assault,
    );
    assert_ne!(
        codes(&e.source).and_then(|c| c.1).as_deref(),
        Some("COP"),
        "{:?}",
        e.source
    );
}

/// «… من جنودنا في انفجار»: the people named before «في انفجار» are what happened to, not
/// who did it.
#[test]
fn a_noun_after_a_preposition_has_no_agent_before_it() {
    let e = event_in(
        "وقال المتحدث إن ثلاثة من رجال الشرطة أصيبوا في انفجار قرب السوق.",
        |e| assault(e) && e.trigger.text == "انفجار",
    );
    assert_eq!(codes(&e.source), None, "{:?}", e.source);
}

/// International actors take the country's place in the CAMEO code: the UN is «IGOUNO»,
/// Amnesty «NGOAMN», a group listed with `actor=IMG` is «IMG» with its sector.
#[test]
fn international_actors_are_coded_as_cameo_codes_them() {
    let e = event_in(
        "وطالبت الأمم المتحدة الحكومة السورية بوقف القصف.",
        |e| e.cameo.root == "10",
    );
    let source = e.source.as_ref().expect("the UN demands");
    assert_eq!(source.code.as_deref(), Some("IGOUNO"));
    assert_eq!(codes(&e.target), coded(Some("SYR"), Some("GOV")));
    let e = event_in("وهاجم تنظيم القاعدة قافلة للجيش اليمني.", assault);
    assert_eq!(codes(&e.source), coded(Some("IMG"), Some("REB")));
    // A non-governmental body likewise: its kind, then its own code.
    let e = event_in(
        "وطالبت منظمة العفو الدولية الحكومة السورية بالإفراج عن المعتقلين.",
        |e| e.cameo.root == "10",
    );
    let source = e.source.as_ref().expect("Amnesty demands");
    assert_eq!(source.code.as_deref(), Some("NGOAMN"));
}

/// «فجر» is «فجّر» (detonated) or «فجر» (dawn); after a preposition it can only be the noun.
#[test]
fn a_verb_never_follows_a_preposition() {
    no_event_in("وفي فجر اليوم التالي وصل الوفد إلى العاصمة.", assault);
    let e = event_in("فجر انتحاري نفسه قرب السوق.", assault);
    assert_eq!(e.trigger.text, "فجر");
}

/// «مفجرون انتحاريون», «مسلحون مجهولون»: a second actor noun of the same sector describes the
/// first; together they are the doer, and the victim comes after them.
#[test]
fn two_actor_nouns_of_one_sector_are_one_actor() {
    let e = event_in("هاجم مفجرون انتحاريون مقر الشرطة في المدينة.", assault);
    let source = e.source.as_ref().expect("the bombers attack");
    assert_eq!(source.text, "مفجرون انتحاريون");
    assert_eq!(codes(&e.target), coded(None, Some("COP")));
}

/// «آلاف من الطلاب»: a crowd said to be made of others is those others.
#[test]
fn a_crowd_of_others_is_those_others() {
    let protest = |e: &Event| e.cameo.root == "14";
    let e = event_in("تظاهر آلاف من الطلاب أمام وزارة التعليم.", protest);
    assert_eq!(codes(&e.source), coded(None, Some("EDU")));
    let source = e.source.as_ref().expect("the students protest");
    assert_eq!(source.text, "آلاف من الطلاب");
}

/// «هجوم انتحاري»: the manner word after a trigger says how that attack was done; it is not a
/// second event.
#[test]
fn a_manner_word_after_a_trigger_is_not_an_event() {
    let r = pipeline().analyze(&Article::text(
        "t",
        "وقتل عشرون شخصا في هجوم انتحاري قرب السوق.\n".to_string(),
    ));
    let triggers: Vec<&str> = r.events.iter().map(|e| e.trigger.text.as_str()).collect();
    assert!(triggers.contains(&"هجوم"), "{triggers:?}");
    assert!(!triggers.contains(&"انتحاري"), "{triggers:?}");
}

/// Actor rules, one sentence each: the source and target of its first assault.
#[test]
fn actor_coding_rules() {
    let cases = [
        // An actor noun with a possessive pronoun («جنوده», «قواتها») belongs to the last
        // actor named before it.
        (
            "وقال الجيش الأميركي إن جنوده قتلوا أربعة مسلحين قرب الفلوجة.",
            coded(Some("USA"), Some("MIL")),
            coded(None, Some("UAF")),
        ),
        // After a complementizer with a pronoun («إنه قتل») the verb's subject is the speaker,
        // even when a count follows the verb (which alone would read it as passive).
        (
            "وقال الجيش الباكستاني إنه قتل خمسة مسلحين قرب الحدود.",
            coded(Some("PAK"), Some("MIL")),
            coded(None, Some("UAF")),
        ),
        // A doer introduced right after the verb («خطفوا على أيدي مسلحين»), or a few words
        // after it, makes it passive: those named before it are its victims.
        (
            "وقال مسؤول إن خمسة جنود خطفوا على أيدي مسلحين قرب الحدود.",
            coded(None, Some("UAF")),
            coded(None, Some("MIL")),
        ),
        (
            "وقال مسؤول إن ثلاثة جنود اختطفوا من منازلهم على يد مسلحين.",
            coded(None, Some("UAF")),
            coded(None, Some("MIL")),
        ),
        // A place name joined to «ب» («ببغداد») is where it happened, not the target; the
        // one who blew himself up is the attacker (agents.tsv, subject=reflexive).
        (
            "فجر انتحاري نفسه في سوق ببغداد امس.",
            coded(None, Some("UAF")),
            None,
        ),
        // «قوات الأمن» are police, as CAMEO codes security forces.
        (
            "قتلت قوات الأمن العراقية ثلاثة مسلحين.",
            coded(Some("IRQ"), Some("COP")),
            coded(None, Some("UAF")),
        ),
    ];
    for (text, source, target) in cases {
        assault_coded(text, source, target);
    }
}

/// A word opening with the future prefix is a verb in the future only if it could be one:
/// «سيارة» (a car) ends in «ة», which no verb does.
#[test]
fn a_car_bomb_is_not_a_future_attack() {
    let e = event_in("وقال إن سيارة مفخخة انفجرت قرب السوق.", assault);
    assert_eq!(e.modality, "act");
    let e = event_in("وقال إن المسلحين سيهاجمون القرية.", assault);
    assert_eq!(e.modality, "intent");
}

/// «فجر نفسه»: the verb with its reflexive object is an act, found without a count or a date
/// to anchor it.
#[test]
fn a_bomber_who_blew_himself_up() {
    let e = event_in("وقال مسؤولون إن مهاجما فجر نفسه خارج مكتب الشركة.", assault);
    assert_eq!(e.trigger.text, "فجر");
    assert_eq!(e.cameo.code, "183");
}

/// An event told by an unnamed source carries that source, coded from its words: «مسؤول أمني
/// باكستاني» is PAK GOV, «مصدر في الشرطة العراقية» the Iraqi police.
#[test]
fn an_unnamed_source_reports_the_event() {
    let e = event_in(
        "وقال مسؤول أمني باكستاني إن مسلحين هاجموا قافلة للجيش.",
        assault,
    );
    assert_eq!(codes(&e.reported_by), coded(Some("PAK"), Some("GOV")));
    let e = event_in(
        "وقال مصدر في الشرطة العراقية إن مسلحين قتلوا ثلاثة جنود في الموصل.",
        assault,
    );
    assert_eq!(codes(&e.reported_by), coded(Some("IRQ"), Some("COP")));
    assert_eq!(
        codes(&e.source),
        coded(None, Some("UAF")),
        "the police only tell it"
    );
}

/// A capital acting stands for its government; any other city for its country alone
/// (`sector=GOV` on the capitals in resources/entities/cities.tsv).
#[test]
fn a_capital_is_its_government_and_a_city_its_country() {
    assault_coded(
        "قصف الجيش حلب بالمدفعية.",
        coded(None, Some("MIL")),
        coded(Some("SYR"), None),
    );
    let e = event_in("وهاجمت موسكو أنقرة في بيان شديد اللهجة.", |_| true);
    assert_eq!(codes(&e.source), coded(Some("RUS"), Some("GOV")));
    assert_eq!(codes(&e.target), coded(Some("TUR"), Some("GOV")));
}

/// What an appeal asks for is part of the appeal: «طلب … من بوتين بدء مشاورات … بشأن احتمال
/// تقديم مساعدة أمنية روسية ليريفان» is one appeal for military aid from Armenia to Russia; the
/// talks are asked for, not held, and «روسية» describes the aid, it asks nothing of Yerevan.
#[test]
fn what_an_appeal_asks_for_is_not_an_event_of_its_own() {
    let r = record();
    let appeal = find(
        &r,
        |e| e.cameo.root == "02" && e.trigger.text == "طلب",
        "the appeal at «طلب»",
    );
    assert_eq!(appeal.cameo.code, "0232", "appeal for military aid");
    assert_eq!(codes(&appeal.source), coded(Some("ARM"), Some("GOV")));
    assert_eq!(codes(&appeal.target), coded(Some("RUS"), Some("GOV")));
    assert!(
        !r.events.iter().any(|e| e.trigger.text == "مساعدة أمنية"),
        "the aid asked for is not a second appeal"
    );
    let talks = find(&r, |e| e.trigger.text == "مشاورات", "the talks asked for");
    assert_eq!(talks.modality, "demand");
    assert!(
        talks.target.is_none(),
        "what follows «بشأن» is the topic: {:?}",
        talks.target
    );
}

#[test]
fn demanded_acts_are_not_acts() {
    let e = event_in(
        "وطالب المتظاهرون بالإفراج عن المعتقلين في سجون الاحتلال.",
        |e| e.cameo.code == "0841",
    );
    assert_eq!(e.modality, "demand");
    // A verb of its own opens a new clause: the release here happened.
    let e = event_in(
        "وطالبت الأسر بتعويضات، وأفرجت السلطات عن المعتقلين أمس.",
        |e| e.cameo.code == "0841",
    );
    assert_eq!(e.modality, "act");
}

#[test]
fn the_topic_of_talks_is_not_their_target() {
    let e = event_in(
        "وأجرى وزير الخارجية الروسي محادثات مع نظيره التركي بشأن الأزمة في سوريا.",
        |e| e.cameo.root == "04",
    );
    // The counterpart after «مع» is the target; Syria, after «بشأن», is what was discussed.
    assert_eq!(country(&e.target), Some("TUR"));
    assert_eq!(country(&e.source), Some("RUS"));
    let e = event_in(
        "وجرت محادثات حول الملف النووي الإيراني.",
        |e| e.cameo.root == "04",
    );
    assert!(e.target.is_none(), "{:?}", e.target);
}

#[test]
fn dawn_is_not_a_bombing() {
    no_event_in(
        "واعتقلت الشرطة أربعة أشخاص فجر يوم الخميس. وانتهت المهمة فجر أمس.",
        |e| e.cameo.code == "183",
    );
    // The verb itself still is one.
    let e = event_in(
        "وفجر انتحاري نفسه في سوق ببغداد.",
        |e| e.cameo.code == "183",
    );
    assert!(!e.negated);
}

#[test]
fn rockets_fired_with_words_between_are_an_attack() {
    let e = event_in(
        "وكانت الكتائب قد أطلقت عشرات الصواريخ على البلدات المحيطة بالقطاع أمس.",
        assault,
    );
    assert_eq!(e.cameo.code, "195");
    // Rockets named with nothing that reports their use are no attack.
    no_event_in("وتصنع الشركة صواريخ متطورة وتبيعها لجيوش المنطقة.", assault);
}

#[test]
fn the_object_of_a_preposition_is_not_the_subject() {
    assault_coded(
        "وقال سكان إن قوة من الشرطة اعتدت على المصلين بالضرب.",
        coded(None, Some("COP")),
        coded(None, Some("CVL")),
    );
}

#[test]
fn a_kidnapped_photographer_and_the_place_of_the_kidnapping() {
    // «بشمال الصومال» is where it happened; the French photographer is who was taken.
    assault_coded(
        "وافادت مصادر ان مجهولين خطفوا مصورا فرنسيا في بوساسو بشمال الصومال.",
        coded(None, Some("UAF")),
        coded(Some("FRA"), Some("MED")),
    );
}

/// «دعا … إلى وقف فوري لإطلاق النار»: an appeal to de-escalate (0256), not a shooting; a
/// ceasefire declared is a truce (0871), and still no shooting.
#[test]
fn a_call_for_a_ceasefire_is_an_appeal() {
    let text =
        "دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش أمس الأطراف اليمنية إلى وقف فوري لإطلاق النار.";
    let e = event_in(text, |e| e.cameo.root == "02");
    assert_eq!(e.cameo.code, "0256", "{e:?}");
    assert_eq!(e.trigger.text, "دعا");
    assert_eq!(country(&e.target), Some("YEM"), "{:?}", e.target);
    no_event_in(text, assault);
    no_event_in(text, |e| e.cameo.code == "0871");
    let e = event_in(
        "وأعلن الجيش الروسي وقف إطلاق النار في المنطقة اعتبارا من منتصف الليل.",
        |e| e.cameo.code == "0871",
    );
    assert_eq!(e.plover.as_ref().map(|p| p.kind.as_str()), Some("RETREAT"));
    assert_eq!(codes(&e.source), coded(Some("RUS"), Some("MIL")));
    no_event_in(
        "وأعلن الجيش الروسي وقف إطلاق النار في المنطقة اعتبارا من منتصف الليل.",
        assault,
    );
    // Named, not declared: the truces collapsed.
    no_event_in(
        "وتسببت أرمينيا بخروقاتها في انهيار 3 هدنات إنسانية منذ ذلك اليوم.",
        |e| e.cameo.code == "0871",
    );
}

/// Every CAMEO root has Arabic patterns: statements (01), material cooperation (06) and
/// investigations (09) included, each coded with its actors.
#[test]
fn every_root_has_patterns() {
    let cases = [
        (
            "وأصدرت وزارة الخارجية المصرية بيانا حول الأزمة أمس.",
            "010",
            Some("EGY"),
        ),
        (
            "وأعربت الولايات المتحدة عن قلقها إزاء التصعيد في اليمن.",
            "012",
            Some("USA"),
        ),
        (
            "وأعلن تنظيم داعش مسؤوليته عن الهجوم في بغداد أمس.",
            "015",
            Some("IMG"),
        ),
        (
            "ونفت حركة حماس مسؤوليتها عن إطلاق الصواريخ.",
            "016",
            Some("PSE"),
        ),
        (
            "وأجرى الرئيس الروسي اتصالا هاتفيا مع نظيره التركي.",
            "041",
            Some("RUS"),
        ),
        (
            "وتوسطت قطر بين حركة طالبان والحكومة الأفغانية.",
            "045",
            Some("QAT"),
        ),
        (
            "وأجرت القوات المصرية مناورات عسكرية مشتركة مع القوات السعودية أمس.",
            "062",
            Some("EGY"),
        ),
        (
            "وقدمت الولايات المتحدة مساعدة عسكرية لأوكرانيا.",
            "072",
            Some("USA"),
        ),
        (
            "ورفعت الولايات المتحدة العقوبات عن السودان.",
            "085",
            Some("USA"),
        ),
        (
            "وفتحت الشرطة البريطانية تحقيقا في الحادث.",
            "090",
            Some("GBR"),
        ),
        ("وطالب المتظاهرون برحيل الحكومة العراقية.", "1041", None),
        (
            "واستخدمت روسيا حق النقض ضد مشروع القرار.",
            "129",
            Some("RUS"),
        ),
        (
            "وهدد الرئيس الأمريكي باستخدام القوة ضد كوريا الشمالية.",
            "138",
            Some("USA"),
        ),
        (
            "وأضرب مئات المعتقلين الفلسطينيين عن الطعام أمس.",
            "142",
            None,
        ),
        (
            "وقطعت السعودية علاقاتها الدبلوماسية مع إيران أمس.",
            "161",
            Some("SAU"),
        ),
        (
            "وأعلنت الحكومة الباكستانية حالة الطوارئ في البلاد.",
            "1724",
            Some("PAK"),
        ),
        (
            "واحتلت القوات التركية مدينة عفرين في مارس.",
            "192",
            Some("TUR"),
        ),
        (
            "وقصفت القوات السورية بلدة دوما بالغاز السام في أبريل الماضي.",
            "2041",
            Some("SYR"),
        ),
    ];
    for (text, code, source) in cases {
        let e = event_in(text, |e| e.cameo.code == code);
        assert_eq!(country(&e.source), source, "{text}");
        assert_eq!(e.cameo.root, code[..2], "{text}");
    }
}

/// What follows a trigger can change what it means («…» in events/verbs.tsv), and the words
/// it reads there trigger nothing of their own.
#[test]
fn what_follows_a_trigger_picks_its_code() {
    let e = event_in(
        "وانسحبت الولايات المتحدة من الاتفاق النووي مع إيران في مايو.",
        |e| e.cameo.root == "12",
    );
    assert_eq!(e.cameo.code, "127");
    assert_eq!(codes(&e.source), coded(Some("USA"), Some("GOV")));
    no_event_in(
        "وانسحبت الولايات المتحدة من الاتفاق النووي مع إيران في مايو.",
        |e| e.cameo.code == "087",
    );
    // A withdrawal from a town is still a retreat.
    event_in(
        "وانسحبت القوات الروسية من مدينة خيرسون أمس.",
        |e| e.cameo.code == "087",
    );
    for (text, code) in [
        // Leaving talks halts them; the talks are not held.
        ("وانسحب الوفد الحكومي من المفاوضات أمس.", "04"),
        // A threat of force is a threat, not an operation.
        ("وهدد الجيش بعملية عسكرية واسعة في الشمال.", "19"),
        // «-»: ranked first is no occupation.
        ("واحتل المنتخب المغربي المركز الأول في المجموعة.", "192"),
        // Without what it claims, «أعلن» is no claim.
        ("وأعلن الرئيس الأمريكي موعد الانتخابات.", "01"),
    ] {
        no_event_in(text, |e| e.cameo.code.starts_with(code));
    }
}

/// A trigger with a pronoun on it is still the trigger («بخروقاتها», «اعتقاله»); a word whose
/// «ة» folding turns into «ه» is not («طلبة»: students), nor «ت» + pronoun («وزارته»).
#[test]
fn a_trigger_with_a_pronoun_on_it() {
    let e = event_in(
        "وتسببت أرمينيا بخروقاتها في انهيار 3 هدنات إنسانية.",
        |e| e.cameo.code == "196",
    );
    assert_eq!(country(&e.source), Some("ARM"));
    event_in(
        "وأعلنت الشرطة اعتقاله أمس في القاهرة.",
        |e| e.cameo.code == "173",
    );
    for (text, root) in [
        ("واجتمع طلبة الجامعة في القاعة الكبرى.", "02"),
        ("وقال الوزير إن وزارته تراقب الأسعار.", "04"),
    ] {
        no_event_in(text, |e| e.cameo.root == root);
    }
}

/// «ولم» negates as «لم» does: the conjunction is not cut from a two-letter particle, so
/// it is listed with it.
#[test]
fn a_negation_with_a_conjunction_on_it() {
    let e = event_in(
        "ولم تعلن أي جهة مسؤوليتها عن التفجير.",
        |e| e.cameo.code == "015",
    );
    assert!(e.negated);
}

/// Aid given is aid; asked for, the same words make the appeal specific.
#[test]
fn aid_given_and_aid_asked_for() {
    let e = event_in(
        "وأرسلت السعودية مساعدات إنسانية إلى اليمن أمس.",
        |e| e.cameo.root == "07",
    );
    assert_eq!(e.cameo.code, "073");
    assert_eq!(e.plover.as_ref().map(|p| p.kind.as_str()), Some("AID"));
    for (text, appeal) in [
        (
            "وطلبت الحكومة اليمنية من الأمم المتحدة مساعدات إنسانية عاجلة.",
            "0233",
        ),
        (
            "وطلبت الحكومة اليمنية من الأمم المتحدة تقديم مساعدات عاجلة.",
            "023",
        ),
    ] {
        let e = event_in(text, |e| e.cameo.root == "02");
        assert_eq!(e.cameo.code, appeal, "{text}");
        no_event_in(text, |e| e.cameo.root == "07" || e.cameo.root == "03");
    }
}

/// «فجر نفسه»: the one who blew themself up is the attacker, named before the verb, between it
/// and the pronoun, or by the manner word alone (agents.tsv `subject=reflexive`); elsewhere the
/// manner word describes the attack and is no actor.
#[test]
fn a_suicide_bomber_is_the_attacker() {
    for text in [
        "وأفاد مسؤولون بأن مهاجما انتحاريا فجر نفسه خارج مكتب شركة أميركية للأمن.",
        "وقالت مصادر في وزارة الداخلية إن «انتحاريا يقود شاحنة مفخخة فجر نفسه وسط سوق شعبي».",
        "وقتل 15 شخصا إذ فجرت انتحارية نفسها وسط مأدبة إفطار في ديالى.",
    ] {
        let e = event_in(text, |e| e.cameo.code == "183");
        assert_eq!(codes(&e.source), coded(None, Some("UAF")), "{text}");
    }
    let e = event_in("وأسفر هجوم انتحاري عن مقتل 20 شخصا في بغداد أمس.", assault);
    assert!(e.source.is_none(), "{:?}", e.source);
}

/// Firing, launching, releasing with the subject between the verb and what it acts on
/// («فتحت الشرطة النار», «أطلقت السلطات سراح»): the verb is the trigger, and the subject
/// after it is the source.
#[test]
fn the_subject_between_a_verb_and_its_object() {
    for (text, code, source) in [
        (
            "وفتحت الشرطة الكينية النار على المتظاهرين أمس.",
            "180",
            Some("KEN"),
        ),
        (
            "وأطلق الجنود الإسرائيليون الرصاص على الشبان قرب الحاجز.",
            "193",
            Some("ISR"),
        ),
        (
            "وأطلقت حركة حماس عشرات الصواريخ على البلدات الإسرائيلية أمس.",
            "195",
            Some("PSE"),
        ),
        (
            "وأطلقت السلطات المصرية سراح خمسة معتقلين أمس.",
            "0841",
            Some("EGY"),
        ),
    ] {
        let e = event_in(text, |e| e.cameo.code == code);
        assert_eq!(country(&e.source), source, "{text}");
    }
    no_event_in(
        "وأطلقت الوزارة حملة جديدة للتوعية.",
        |e| e.cameo.root.as_str() >= "14",
    );
}

/// A nominative plural before what the verb acts on is its subject, not a count of it
/// («فتح مسلحون النار», «أطلق محتجون الحجارة» beside «أطلقت عشرات الصواريخ»);
/// «للمطالبة ب» asks for what follows it.
#[test]
fn a_nominative_subject_and_a_demand_with_the_article() {
    let e = event_in(
        "وأطلق محتجون النار على مركز الشرطة أمس.",
        |e| e.cameo.code == "180",
    );
    assert_eq!(e.source.as_ref().map(|a| a.text.as_str()), Some("محتجون"));
    let e = event_in(
        "تظاهر أمس عشرات من أعضاء حزب الغد أمام مقر البرلمان للمطالبة بالإفراج عن زعيم حزبهم.",
        |e| e.cameo.code == "0841",
    );
    assert_eq!(e.modality, "demand");
}

/// A vigil, a sit-in, a march: protests under the words that make «وقفة» and «مسيرة» one,
/// with the organisers or marchers as the source; «مسيرة» of what is built is a course.
#[test]
fn vigils_sit_ins_and_marches() {
    for (text, source) in [
        (
            "نظم عشرات المواطنين وقفة احتجاجية أمام مبنى البرلمان في عمان.",
            "عشرات",
        ),
        ("ونفذ المعلمون اعتصاما أمام وزارة التربية أمس.", "المعلمون"),
        ("شارك عشرات الآلاف في مسيرة وسط المدينة.", "عشرات"),
        (
            "وكانت خمسة أحزاب سياسية نظمت أول من أمس مسيرات منددة بالانقلاب.",
            "أحزاب",
        ),
    ] {
        let e = event_in(text, |e| e.cameo.code == "141");
        assert!(
            e.source.as_ref().is_some_and(|a| a.text.contains(source)),
            "{text}: {:?}",
            e.source
        );
    }
    event_in(
        "وبدأ آلاف الموظفين عصيانا مدنيا في العاصمة أمس.",
        |e| e.cameo.code == "140",
    );
    no_event_in(
        "وأكد أن القيادات الشابة ستشارك بكل إيجابية في مسيرة البناء والتنمية.",
        |e| e.cameo.root == "14",
    );
}

/// A trigger found behind a pronoun or a future particle starts after the conjunction, as a
/// phrase seen through it does: its offsets point at «طرده», not «وطرده».
#[test]
fn a_one_word_trigger_starts_after_its_conjunction() {
    for (text, code, trigger) in [
        (
            "وأعلنت الحكومة عن ترحيل السفير وطرده من البلاد.",
            "166",
            "طرده",
        ),
        (
            "وسيستقبل الرئيس الفرنسي نظيره الألماني غدا.",
            "043",
            "سيستقبل",
        ),
    ] {
        let e = event_in(text, |e| e.cameo.code == code);
        assert_eq!(e.trigger.text, trigger, "{text}");
        // Offsets count characters.
        let at: String = text
            .chars()
            .skip(e.trigger.start)
            .take(e.trigger.end - e.trigger.start)
            .collect();
        assert_eq!(at, trigger, "{text}");
    }
}

/// A protest lodged with a government is an official complaint (114), not a demonstration.
#[test]
fn a_diplomatic_protest_is_a_complaint() {
    for text in [
        "احتجت مصر رسمياً أمس لدى إيران على تصريحات المسؤول.",
        "وسلمت الخارجية البحرينية السفير مذكرة احتجاج رسمية.",
        "وقدمت الحكومة اليابانية احتجاجا لدى الصين.",
    ] {
        event_in(text, |e| e.cameo.code == "114");
        no_event_in(text, |e| e.cameo.root == "14");
    }
    event_in("واحتج مئات الطلاب أمام الجامعة.", |e| e.cameo.code == "141");
}

/// In a match report an injury, a match and a red card are no attack, meeting or expulsion;
/// the same words in political news still are.
#[test]
fn a_match_report_holds_no_attacks() {
    let report = "وفاز ليفربول على ضيفه في المباراة بهدفين في الدوري.\n\
        وأصيب المدافع الكاميروني في الشوط الثاني من المباراة.\n\
        ويلتقي الفريق في المباراة المقبلة مع تشيلسي على الملعب نفسه.\n\
        وشهدت المباراة طرد لاعب الوسط في الدقيقة 80.\n";
    let r = pipeline().analyze(&Article::text("t", report.to_string()));
    assert!(
        r.events.is_empty(),
        "{:?}",
        r.events
            .iter()
            .map(|e| (&e.cameo.code, &e.trigger.text))
            .collect::<Vec<_>>()
    );
    event_in(
        "وأصيب ثلاثة جنود في هجوم على دورية للجيش.",
        |e| e.cameo.root == "18",
    );
    event_in(
        "والتقى الرئيس الروسي نظيره التركي في أنقرة.",
        |e| e.cameo.code == "040",
    );
}

/// Most sentences of a match report name no word that is sport for sure: two of the topic's
/// words in a passage of more, or a passage full of them, put it there. A political story
/// that names the World Cup keeps its meetings and attacks, and a diplomat expelled in a
/// match report is still expelled.
#[test]
fn a_match_report_is_told_by_its_passage() {
    let report = "وفاز ليفربول على ضيفه بهدفين في الدوري.\n\
        وسجل المهاجم المصري الهدف الأول للفريق في الدقيقة العاشرة.\n\
        وأكد أن فريقه لا يستسلم، مشيرا إلى أن لقاء إسبانيا أمام المنتخب الإيراني سيكون صعبا.\n\
        وغاب كافاني عن التدريبات بسبب إصابة في ربلة الساق.\n\
        وتبادلت الدولتان طرد الدبلوماسيين في أزمة سكريبال.\n";
    let r = pipeline().analyze(&Article::text("t", report.to_string()));
    let codes: Vec<_> = r
        .events
        .iter()
        .map(|e| (e.cameo.code.as_str(), e.trigger.text.as_str()))
        .collect();
    assert!(
        !codes.iter().any(|(c, _)| matches!(*c, "040" | "180")),
        "{codes:?}"
    );
    assert!(codes.iter().any(|(c, _)| *c == "166"), "{codes:?}");
    let story = "وقال المسؤول إن بلاده مستعدة لاستضافة كأس العالم لكرة القدم.\n\
        ويبحث الحريري مع بوتين العلاقات الثنائية قبل افتتاح كأس العالم لكرة القدم.\n\
        وقتل ثلاثة جنود في هجوم على دورية للجيش شمال البلاد.\n";
    let r = pipeline().analyze(&Article::text("t", story.to_string()));
    for root in ["04", "18"] {
        assert!(
            r.events.iter().any(|e| e.cameo.root == root),
            "no {root}: {:?}",
            r.events
                .iter()
                .map(|e| (&e.cameo.code, &e.trigger.text))
                .collect::<Vec<_>>()
        );
    }
}

/// «المدير العام لمنظمة التجارة العالمية، روبرتو أزيفيدو»: an official whose office says no
/// sector is coded as the body he serves (IGOWTO), as CAMEO codes an organisation's people.
#[test]
fn an_official_is_coded_as_the_body_he_serves() {
    let e = event_in(
        "واتهم المدير العام لمنظمة التجارة العالمية، روبرتو أزيفيدو، الولايات المتحدة بتقويض النظام التجاري.",
        |e| e.cameo.root == "11" || e.cameo.root == "12",
    );
    let source = e.source.as_ref().expect("a source");
    assert_eq!(source.code.as_deref(), Some("IGOWTO"), "{source:?}");
    assert_eq!(codes(&e.target), coded(Some("USA"), Some("GOV")));
}

/// The genitive of an attack's noun is its doer (`doer=genitive` in events/verbs.tsv), also
/// past a quoted name's noun or with «ل»; the side attacked comes after «على». A city there
/// is where it happened.
#[test]
fn an_attacks_genitive_is_its_doer() {
    let e = event_in(
        "لا تزال عشرات التلميذات في عداد المفقودين بعد يومين على هجوم جماعة \"بوكو حرام\" على مدرستهن.",
        |e| e.trigger.text == "هجوم",
    );
    assert_eq!(codes(&e.source), coded(Some("NGA"), Some("REB")));
    assert_eq!(e.target, None, "the schoolgirls are no actor of the attack");
    assault_coded(
        "وأدان الوزير هجوم الحوثيين على السفينة السعودية أمس.",
        coded(Some("YEM"), Some("REB")),
        coded(Some("SAU"), None),
    );
    let e = event_in(
        "اعترفت ميليشيات الحوثي، الجمعة، بمقتل أحد قادتها الميدانيين في محور صعدة، مع عدد من مرافقيه، بغارة جوية لمقاتلات تحالف دعم الشرعية.",
        |e| e.trigger.text == "غارة جوية",
    );
    let source = e.source.as_ref().expect("the jets raided");
    assert_eq!(source.text, "مقاتلات تحالف دعم الشرعية");
    assert_eq!(codes(&e.target), coded(Some("YEM"), Some("REB")));
    let e = event_in(
        "وقتل 22 شخصا في هجوم مانشستر عام 2017.",
        |e| e.trigger.text == "هجوم",
    );
    assert_eq!(e.source, None, "Manchester is where it happened");
}

/// «هجوم شنه مسلحون», «تفجيرات نفذها انتحاريون»: a verb of doing after the noun names its
/// doer (`agent` in events/modality.tsv); who is named after the doer is the side attacked
/// only past «على», «ضد».
#[test]
fn a_doer_named_after_the_attack() {
    let e = event_in(
        "وقتل جندي تركي وأصيب آخر مساء الثلاثاء في هجوم شنه مسلحون ينتمون لحزب العمال الكردستاني.",
        |e| e.trigger.text == "هجوم",
    );
    assert_eq!(codes(&e.source), coded(None, Some("UAF")));
    assert_eq!(codes(&e.target), coded(Some("TUR"), Some("MIL")));
    let e = event_in(
        "وقتل مدني وأصيب 8 أشخاص بقصف مدفعي شنته ميليشيات الحوثي على الأحياء السكنية في مدينة التحيتا.",
        |e| e.trigger.text == "قصف مدفعي",
    );
    assert_eq!(codes(&e.source), coded(Some("YEM"), Some("REB")));
}

/// «قتل مئات الأشخاص», «قتل عدد من القادة», «قتل فيها 73 شخصا»: a crowd or «فيها» after a
/// verb written alike in both voices reads it as passive; those named are the victims.
#[test]
fn a_crowd_killed_is_the_victim() {
    let e = event_in(
        "وقتل مئات الأشخاص منذ شنت القوات الحكومية السورية عملية عسكرية على المناطق.",
        |e| e.trigger.text == "وقتل" || e.trigger.text == "قتل",
    );
    assert_eq!(codes(&e.target), coded(None, Some("CVL")));
    assert_eq!(e.source, None, "{e:?}");
    let e = event_in(
        "وشهد العام الماضي استهداف 73 منشأة طبية في هجمات قتل فيها 73 شخصا.",
        |e| e.trigger.text == "قتل",
    );
    assert_eq!(e.source, None, "{e:?}");
}

/// «قوات الاحتلال», «قوات النظام»: a body no dictionary codes is of the kind of actor its first
/// word names.
#[test]
fn a_body_is_of_the_kind_its_noun_names() {
    let e = event_in(
        "حيث اعتدت قوات الاحتلال بالضرب على حراس الأقصى والمصلين أمام باب السلسلة.",
        assault,
    );
    assert_eq!(codes(&e.source), coded(None, Some("MIL")));
}

/// «مسلحي تنظيم داعش», «مقاتلي الحوثيين»: a construct form (`construct=yes` in
/// events/agents.tsv) belongs to the actor named right after it.
#[test]
fn a_construct_forms_actor_is_the_one_after_it() {
    let e = event_in(
        "واشتبكت قوات الأمن مع مسلحي تنظيم داعش داخل حرم الجامعة في الرمادي.",
        assault,
    );
    assert_eq!(codes(&e.source), coded(None, Some("COP")));
    let target = e.target.as_ref().expect("the IS gunmen");
    assert_eq!(target.text, "مسلحي تنظيم داعش");
    assert_eq!(codes(&e.target), coded(Some("IMG"), Some("REB")));
}

/// «مقاتلات التحالف العربي», «مروحيات النظام السوري»: aircraft are those of the body named
/// after them, and what they strike is the other side.
#[test]
fn aircraft_of_a_body_are_its_own() {
    let e = event_in(
        "وشنت مقاتلات التحالف العربي غارات استهدفت مواقع تتمركز فيها ميليشيا الحوثي في صعدة.",
        assault,
    );
    let source = e.source.as_ref().expect("the coalition's aircraft");
    assert_eq!(source.text, "مقاتلات التحالف العربي");
    assert_eq!(codes(&e.target), coded(Some("YEM"), Some("REB")));
    let e = event_in("وقصفت مروحيات النظام السوري بلدة في ريف درعا.", assault);
    let source = e.source.as_ref().expect("the regime's helicopters");
    assert_eq!(source.country.as_deref(), Some("SYR"));
}

/// «150 متمردا من طالبان», «96 مسلحا من ميليشيات الحوثي»: counted actors said to be of a body
/// are that body's; a named one («السلطات من السكان») is not, nor is a person.
#[test]
fn counted_actors_of_a_body_are_its_own() {
    let e = event_in(
        "وأكد حلف شمال الأطلسي أنه قتل نحو 150 متمردا من طالبان الذين تسللوا من باكستان.",
        assault,
    );
    let target = e.target.as_ref().expect("the Taliban rebels");
    assert_eq!(target.text, "متمردا من طالبان");
    assert_eq!(codes(&e.target), coded(Some("AFG"), Some("REB")));
    let e = event_in(
        "وطلبت السلطات من السكان البقاء في منازلهم.",
        |e| e.cameo.root == "02",
    );
    assert_eq!(codes(&e.source), coded(None, Some("GOV")));
    assert_eq!(codes(&e.target), coded(None, Some("CVL")));
}

/// «مقتل ضابط ومجند … في انفجار عبوة ناسفة»: the victims joined by «و» to the one named are
/// victims too, and none of them set off the bomb named after them.
#[test]
fn victims_joined_by_and_are_victims() {
    let e = event_in(
        "للبحث عن المتورطين في مقتل ضابط ومجند وإصابة 3 آخرين في انفجار عبوة ناسفة بمدرعة تابعة لقوات الشرطة.",
        |e| e.trigger.text == "عبوة ناسفة",
    );
    assert_eq!(e.source, None, "{e:?}");
}

/// A verb of doing whose pronoun is the doer («نفذوه», «تبناهما») names no one after it: the
/// side attacked stands past «على». Its dual names the doer after it like the singular
/// («تفجيرين تبناهما داعش»), and «على الأرجح» aims at no one.
#[test]
fn a_verb_of_doing_with_the_doer_in_its_pronoun() {
    let e = event_in(
        "وأعلن الجيش مقتل خمسة جنود في هجوم نفذوه على حاجز للجيش.",
        |e| e.trigger.text == "هجوم",
    );
    assert_eq!(e.source, None, "{e:?}");
    assert_eq!(codes(&e.target), coded(None, Some("MIL")), "{e:?}");
    let e = event_in(
        "وقتل 21 شخصا على الأقل في تفجيرين تبناهما تنظيم داعش في بغداد.",
        |e| e.cameo.root == "18",
    );
    assert_eq!(codes(&e.source), coded(Some("IMG"), Some("REB")), "{e:?}");
    let e = event_in(
        "استهدفت غارة جوية نفذتها على الأرجح قوات التحالف الدولي منطقة خاضعة لتنظيم داعش مما أدى لمقتل 54 شخصا.",
        |e| e.trigger.text == "غارة جوية",
    );
    assert_eq!(codes(&e.source), coded(None, Some("MIL")), "{e:?}");
}

/// A case of a disease is no wound: «أصيب بمرض», «إصابة 49 منهم بالكوليرا».
#[test]
fn taken_ill_is_not_wounded() {
    for text in [
        "وفي أوروبا، أصيب أكثر من 41 ألف شخص بالحصبة في النصف الأول من العام.",
        "وأثبتت التحاليل الطبية إصابة 49 منهم بالكوليرا أمس.\n",
    ] {
        no_event_in(text, |e| e.cameo.root == "18");
    }
    event_in(
        "وأصيب ثلاثة جنود بجروح في انفجار عبوة ناسفة.",
        |e| e.trigger.text == "أصيب",
    );
}

/// An interview is told and a search looks for something: neither is a meeting («لقاء»,
/// «بحث» consult only with someone).
#[test]
fn an_interview_and_a_search_are_no_meeting() {
    for text in [
        "وأكد بومبيو في لقاء مع شبكة إيه بي سي نيوز أن كوريا الشمالية يجب أن تتخلى عن برنامجها.",
        "وقال المالكي في لقاء تلفزيوني مع قناة عراقية إن الحروب الأهلية تحدث بعد الانتخابات.",
        "وتبحث الشرطة عن جانباز تارين، 21 عاما، منذ أسبوع.",
        "وقال الجيش إنه يمشط القاعدة بحثا عن مقاتلين ربما تخلفوا عن المئات الذين فروا.",
    ] {
        no_event_in(text, |e| e.cameo.root == "04");
    }
    event_in(
        "وبحث وزير الخارجية مع نظيره الروسي الأوضاع في سوريا.",
        |e| e.cameo.code == "040",
    );
    event_in(
        "والتقى الرئيس في لقاء مع نظيره الفرنسي في باريس.",
        |e| e.cameo.root == "04",
    );
}

/// A crime named as a charge is what someone is charged with: the police who arrest and the
/// court that sentences are not its doers, and a clause joined after the charges is an event.
#[test]
fn a_charged_crime_is_no_event() {
    for text in [
        "أمر النائب العام بإحالة راهبين إلى المحاكمة الجنائية بتهمة قتل رئيس الدير.",
        "وحكم على سبعة جنود بتهم قتل عشرة قرويين من الروهينغا.",
        "واعتقل رجل بتهمة الشروع في قتل شرطي.",
    ] {
        no_event_in(text, |e| e.cameo.root == "18");
    }
    event_in(
        "واعتقلت الشرطة رجلا بتهمة قتل زوجته.",
        |e| e.cameo.code == "173",
    );
    event_in(
        "واتهم القضاء 14 مسؤولا بتهم فساد ورشا واعتقال معظمهم في سويسرا.",
        |e| e.cameo.root == "17",
    );
}

/// Those counted among the victims («بينهم طفلة») are victims too, not the doers of the
/// explosion named after them.
#[test]
fn those_counted_among_the_victims_are_victims() {
    for text in [
        "قتل 6 أشخاص بينهم طفلة، فيما جرح أكثر من 20 بانفجار سيارة مفخخة وسط مدينة بنغازي.",
        "قتل اربعة عسكريين مصريين بينهم ضابط في انفجار قنبلة عند مرور دوريتهم في رفح.",
        "قتل 6 أشخاص بينهم 3 أطفال في انفجار سيارة مفخخة وسط بنغازي.",
    ] {
        let r = pipeline().analyze(&Article::text("t", format!("{text}\n")));
        let bombs: Vec<_> = r.events.iter().filter(|e| e.cameo.code == "183").collect();
        assert!(!bombs.is_empty(), "{text}");
        for e in bombs {
            assert!(
                e.source.is_none(),
                "{text}: {:?} {:?}",
                e.trigger.text,
                e.source
            );
        }
    }
}

/// The dead of a crash, a flood or a fire are no victims of an attack, unless someone is named
/// as having set it.
#[test]
fn accident_deaths_are_no_attack() {
    for text in [
        "قتل 18 شخصا في تحطم طائرة مروحية روسية في شمال غرب سيبيريا.",
        "لقي شخصان مصرعهما وأصيب ثالث في حادث مروري على طريق عرعر.",
        "وقضت فتاة وأصيب 12 شخصا جراء عاصفة ضربت موسكو السبت.",
    ] {
        no_event_in(text, |e| e.cameo.root == "18");
    }
    let text = "قتل طفلان في حريق أضرمه مستوطنون إسرائيليون في قرية دوما.";
    let e = event_in(text, |e| e.trigger.text == "قتل");
    assert_eq!(codes(&e.source), coded(Some("ISR"), Some("SET")));
    assert_eq!(codes(&e.target), coded(None, Some("CVL")));
}
