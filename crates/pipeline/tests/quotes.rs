//! Who said it: a named speaker, an unnamed source, or the last speaker carried over — and
//! never the last speaker when the sentence names someone else.

mod common;

use common::{check_offsets, pipeline, quote_containing};
use rasd_doc::{Quote, Record};
use rasd_read::Article;

fn analyze(text: &str) -> Record {
    let r = pipeline().analyze(&Article::text("t", format!("{text}\n")));
    check_offsets(&r);
    r
}

fn quote<'a>(r: &'a Record, words: &str) -> &'a Quote {
    quote_containing(r, words).unwrap_or_else(|e| panic!("{e} in {:?}", r.quotes))
}

/// The record of `text` and its quotation holding `words`.
fn said(text: &str, words: &str) -> (Record, Quote) {
    let r = analyze(text);
    let q = quote(&r, words).clone();
    (r, q)
}

/// The canonical name of entity `id` of the record.
fn name_of(r: &Record, id: Option<&str>) -> Option<String> {
    id.and_then(|id| r.entity(id)).map(|e| e.canonical.clone())
}

fn speaker_name(r: &Record, q: &Quote) -> Option<String> {
    name_of(r, q.speaker.as_deref())
}

/// «وقال مصدر أمني إن …» after a named speaker: an unnamed source, not the minister again.
#[test]
fn an_unnamed_source_is_not_the_last_speaker() {
    let r = analyze(
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل. وقال مصدر أمني إن الجيش سيتسلم المدينة.",
    );
    let q = quote(&r, "الجيش سيتسلم");
    assert_eq!(speaker_name(&r, q), None);
    assert_eq!(q.speaker_text.as_deref(), Some("مصدر أمني"));
    let q = quote(&r, "بلاده تدعم");
    assert!(speaker_name(&r, q).is_some_and(|n| n.contains("لافروف")));
}

/// «ولي العهد صاحب السمو الملكي الأمير محمد بن سلمان»: an honorific between the titles is
/// no person; the one who spoke is the man the last title names.
#[test]
fn titles_in_a_row_lead_to_the_one_named_after_them() {
    let (r, q) = said(
        "وقال ولي العهد صاحب السمو الملكي الأمير محمد بن سلمان إن المملكة ماضية في الإصلاح. وأعرب صاحب السمو الملكي الأمير فيصل بن سلمان أمير منطقة المدينة المنورة عن شكره للمتطوعين.",
        "ماضية في الإصلاح",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("محمد بن سلمان")),
        "{:?}",
        q
    );
    for e in &r.entities {
        assert!(
            !e.canonical.contains("السمو"),
            "«{}» as {}",
            e.canonical,
            e.kind
        );
    }
}

/// «قال: «لنتفق أولا …» whose closing mark never comes: the quotation keeps its words, not
/// the stray mark it opens with; the inner pair («الربيع العربي») stays.
#[test]
fn a_quotation_keeps_no_stray_mark_at_its_edge() {
    let (_, q) = said(
        "وقال الكاتب: «لنتفق أولا أن ما سمي «الربيع العربي» انتهى إلى فضيحة مجلجلة. وكشف أن المجتمعات ليست مؤهلة بعد.",
        "انتهى إلى فضيحة",
    );
    assert_eq!(
        q.text,
        "لنتفق أولا أن ما سمي «الربيع العربي» انتهى إلى فضيحة مجلجلة"
    );
}

/// «وقال لي مسؤول إن …»: the pronoun after «ل» is the one spoken to; the speaker follows it.
#[test]
fn the_one_spoken_to_is_no_speaker() {
    let (_, q) = said(
        "وقال لي مسؤول في الوزارة إن المحادثات مستمرة.",
        "المحادثات مستمرة",
    );
    assert_eq!(q.speaker_text.as_deref(), Some("مسؤول"), "{:?}", q);
}

/// «وكان الإعلام الفرنسي قد أشار إلى أن …»: the subject stands before the verb; the quotation
/// is not carried over to the last speaker.
#[test]
fn a_subject_before_the_verb_stops_the_carry_over() {
    let r = analyze(
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل. وكان الإعلام الفرنسي قد أشار إلى أن الصفقة كبيرة.",
    );
    assert_eq!(speaker_name(&r, quote(&r, "الصفقة كبيرة")), None);
}

/// «وأضاف أن …» with no subject of its own continues the last speaker.
#[test]
fn a_verb_without_a_subject_continues_the_last_speaker() {
    lavrov_offers_mediation(
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل. وأضاف أن موسكو مستعدة للوساطة.",
    );
}

/// «كشفت تصريحات لوزير الخارجية الروسي سيرغي لافروف عن أن …»: the person named inside the
/// subject is who spoke.
#[test]
fn a_person_named_inside_the_subject_is_the_speaker() {
    lavrov_offers_mediation(
        "وكشفت تصريحات لوزير الخارجية الروسي سيرغي لافروف عن أن موسكو مستعدة للوساطة.",
    );
}

/// «وتابع المسؤول الروسي»: a definite subject of a word or two refers back to the last
/// speaker; its words stay as the speaker's text.
#[test]
fn a_definite_subject_refers_back() {
    let q = lavrov_offers_mediation(
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل. وتابع المسؤول الروسي أن موسكو مستعدة للوساطة.",
    );
    assert_eq!(q.speaker_text.as_deref(), Some("المسؤول الروسي"));
}

/// The quotation «… موسكو مستعدة للوساطة» of `text`, which Lavrov said.
fn lavrov_offers_mediation(text: &str) -> Quote {
    let r = analyze(text);
    let q = quote(&r, "مستعدة للوساطة");
    assert!(
        speaker_name(&r, q).is_some_and(|n| n.contains("لافروف")),
        "{q:?} in «{text}»"
    );
    q.clone()
}

/// A name between quotation marks after the verb is the outlet that speaks or the one spoken
/// to, never what was said: what was said is the clause after it.
#[test]
fn a_quoted_name_is_no_quotation() {
    // (text, words of what was said, the speaker's words in the text or none)
    let cases = [
        (
            "وذكرت صحيفة \"ذا صن\" أنه تم نسخ صور ولقطات من الحفل.",
            "تم نسخ صور",
            Some("صحيفة \"ذا صن\""),
        ),
        (
            "وقال مسؤول أمني لـ«الشرق الأوسط» إن المسلحين هاجموا دورية للجيش.",
            "المسلحين هاجموا",
            Some("مسؤول أمني"),
        ),
        (
            "وأكد لقناة \"العربية\" أن العمل مختلف عن كل ما سبقه.",
            "العمل مختلف",
            None,
        ),
        // After a bare «ل», a short quoted name no list knows is the one spoken to too.
        (
            "وقال مصدر نصراوي لـ«دنيا الرياضة» إن العلاقة بين الإدارتين متوترة.",
            "العلاقة بين",
            Some("مصدر نصراوي"),
        ),
    ];
    for (text, said, speaker) in cases {
        let r = analyze(text);
        for q in &r.quotes {
            let name = ["ذا صن", "الشرق الأوسط", "العربية", "دنيا الرياضة"];
            assert!(
                !name.contains(&q.text.as_str()),
                "«{}» as a quotation: {text}",
                q.text
            );
        }
        let q = quote(&r, said);
        assert_eq!(q.kind, "reported", "{text}");
        assert_eq!(q.speaker_text.as_deref(), speaker, "{text}");
    }
}

/// A short quoted name no list knows, followed within a few words by «إن»/«أن» or a colon, is
/// who spoke (or part of it): what was said comes after it. A short quotation that ends the
/// sentence is still a quotation.
#[test]
fn a_name_in_quotation_marks_before_the_clause_is_the_speaker() {
    // (text, words of what was said, its kind, the speaker's words in the text)
    let cases = [
        (
            "وقالت محطة \"إم.إس.إن.بي.سي\" التلفزيونية، الخميس، إن مسؤولين أميركيين يدرسون الرد.",
            "مسؤولين أميركيين",
            "reported",
            Some("محطة \"إم.إس.إن.بي.سي\""),
        ),
        (
            "وقالت \"زد تي ايه\" إن الإجراءات الأميركية تهددها بالإفلاس.",
            "الإجراءات الأميركية",
            "reported",
            Some("زد تي ايه"),
        ),
        (
            "وقال محللون في \"آيه.إن.زد\" في مذكرة: \"نزلت أسعار الذهب لمستوياتها الدنيا\".",
            "نزلت أسعار الذهب",
            "direct",
            Some("محللون"),
        ),
        // Marks that do not pair (two closing quotes): the subject still ends before «لـ».
        (
            "وقالت والدة الطفلين لـ”جيو” إن زوجها غادر المنزل مساء أمس.",
            "زوجها غادر",
            "reported",
            Some("والدة الطفلين"),
        ),
        (
            "وقال مسؤول أمني \"الوضع هادئ\".",
            "الوضع هادئ",
            "direct",
            Some("مسؤول أمني"),
        ),
    ];
    for (text, said, kind, speaker) in cases {
        let r = analyze(text);
        for q in &r.quotes {
            let name = ["إم.إس.إن.بي.سي", "زد تي ايه", "آيه.إن.زد"];
            assert!(
                !name.contains(&q.text.as_str()),
                "«{}» as a quotation: {text}",
                q.text
            );
        }
        let q = quote(&r, said);
        assert_eq!(q.kind, kind, "{text}");
        assert_eq!(q.speaker_text.as_deref(), speaker, "{text}");
    }
}

/// «وزير الصحة خالد الفالح», «مدير الأمن العام اللواء عاطف السعودي»: the portfolio or body
/// between a title and the name is no bar to the title naming that person, nor is another
/// title after it, and an honorific or a rank after the office («الدكتور», «اللواء») leaves
/// the person the office's role; a title with no one named after it is no one's.
#[test]
fn a_title_names_the_person_after_its_portfolio() {
    let text = "وأكد وزير الصحة خالد الفالح أنه كلف لجنة عاجلة. وأوضح مدير العلاقات العامة بالجمعية وليد البوسيف أن الجمعية ودعت الأسر. وقال مدير الأمن العام اللواء عاطف السعودي إن الأجهزة تتابع القضية. وأكد المتحدث الرسمي باسم وزارة الصحة الدكتور خالد مرغلاني أن الحالات تراجعت. وقال مدير عام الشؤون الصحية بمحافظة الأحساء الدكتور محمد العبد العالي إن المستشفى جاهز. وقال مدير الوقاية بوزارة الصحة، جمال فورار، إن الحالات تحت السيطرة. وقال رئيس الوزراء إن الحكومة ستواصل العمل.";
    for (words, name, role) in [
        ("كلف لجنة", "خالد الفالح", "minister"),
        ("ودعت الأسر", "وليد البوسيف", "director"),
        ("الأجهزة تتابع", "عاطف السعودي", "director"),
        ("الحالات تراجعت", "خالد مرغلاني", "spokesperson"),
        ("المستشفى جاهز", "محمد العبد العالي", "director"),
        ("تحت السيطرة", "جمال فورار", "director"),
    ] {
        let (r, q) = said(text, words);
        let e = q
            .speaker
            .as_deref()
            .and_then(|id| r.entity(id))
            .unwrap_or_else(|| panic!("no speaker for «{words}»: {q:?}"));
        assert!(e.canonical.contains(name), "{e:?}");
        assert_eq!(e.role.as_deref(), Some(role), "{e:?}");
        if name == "عاطف السعودي" {
            // The major general's sector stands, since «مدير» names none.
            assert_eq!(e.sector.as_deref(), Some("MIL"), "{e:?}");
        }
    }
    let (r, q) = said(text, "الحكومة ستواصل");
    assert_eq!(speaker_name(&r, &q), None, "{q:?}");
    assert_eq!(q.speaker_text.as_deref(), Some("رئيس الوزراء"));
}

/// «وأكد سموه أن», «وأضاف معاليه»: an honorific with a pronoun names the person the article
/// named before in the role it honours (a prince, a minister), never a name after it.
#[test]
fn an_honorific_pronoun_is_the_person_it_honours() {
    let text = "استقبل صاحب السمو الملكي الأمير خالد الفيصل أمير منطقة مكة المكرمة أمس وفدا من الجامعة بحضور وزير التعليم الدكتور أحمد العيسى. وأكد سموه أن المنطقة تشهد نهضة تعليمية. وأضاف معاليه أن الوزارة ستدعم الجامعة.";
    for (words, name) in [
        ("تشهد نهضة", "خالد الفيصل"),
        ("ستدعم الجامعة", "أحمد العيسى"),
    ] {
        let (r, q) = said(text, words);
        assert!(
            speaker_name(&r, &q).is_some_and(|n| n.contains(name)),
            "«{words}»: {q:?}"
        );
    }
}

/// «وأضاف للصحفيين», «وقال لوكالة فرانس برس», «وقال لرويترز»: the one spoken to stands where
/// a subject would; the words are still those of the last speaker, not of the agency.
#[test]
fn the_one_spoken_to_by_name_is_no_speaker() {
    let text = "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل. وأضاف للصحفيين في موسكو إن الحوار مستمر. وقال لوكالة فرانس برس إن الاتفاق قريب. وقال لرويترز إن الوفد سيصل غدا. وقال لاحقا إن الاجتماع انتهى.";
    for words in ["الحوار مستمر", "الاتفاق قريب", "الوفد سيصل", "الاجتماع انتهى"]
    {
        let (r, q) = said(text, words);
        assert!(
            speaker_name(&r, &q).is_some_and(|n| n.contains("لافروف")),
            "«{words}»: {q:?}"
        );
        assert_eq!(q.speaker_text, None, "«{words}»: {q:?}");
    }
}

/// «وقال لبي بي سي», «وقالت مصادر لرويترز»: a medium of more than one word, or of a first word
/// too short to see the «ل» through, is spoken to as well, and it ends the subject before it.
#[test]
fn a_medium_of_many_words_spoken_to_is_no_speaker() {
    let text = "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل. وقال لبي بي سي إن الوفد سيصل غدا. وقالت مصادر لفرانس برس إن المحادثات توقفت.";
    let (r, q) = said(text, "الوفد سيصل");
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("لافروف")),
        "{q:?}"
    );
    assert_eq!(q.speaker_text, None, "{q:?}");
    let (r, q) = said(text, "المحادثات توقفت");
    assert_eq!(q.speaker_text.as_deref(), Some("مصادر"), "{q:?}");
    assert!(
        speaker_name(&r, &q).is_none_or(|n| !n.contains("فرانس")),
        "{q:?}"
    );
}

/// «أعلنت أرامكو … وقالت الشركة», «ذكرت وزارة الصحة … وقالت الوزارة»: a definite noun that
/// introduces bodies of a kind is the body of that kind the article named last, whoever
/// spoke in between.
#[test]
fn the_company_and_the_ministry_are_the_last_named() {
    let text = "أعلنت أرامكو عن أرباح قياسية هذا العام. وقال المحلل خالد العمري إن السوق متفائلة. وقالت الشركة إن الإنتاج ارتفع. وذكرت وزارة الصحة أن الحالات تراجعت، وقال الطبيب سامي الحربي إن المستشفيات جاهزة. وأضافت الوزارة أن اللقاحات متوفرة.";
    for (words, body) in [
        ("الإنتاج ارتفع", "أرامكو"),
        ("اللقاحات متوفرة", "وزارة الصحة"),
    ] {
        let (r, q) = said(text, words);
        assert!(
            speaker_name(&r, &q).is_some_and(|n| n.contains(body)),
            "«{words}»: {q:?}"
        );
    }
}

/// «وقال صندوق النقد الدولي … وأضاف الصندوق»: a body named again by the first noun of its
/// name is the body that spoke last.
#[test]
fn a_body_named_again_by_its_noun_is_the_last_speaker() {
    let (r, q) = said(
        "وقال صندوق النقد الدولي إن النمو سيتباطأ. وأضاف الصندوق أن التضخم سيرتفع.",
        "التضخم سيرتفع",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("صندوق النقد")),
        "{q:?}"
    );
}

/// A named speaker whose words are not reported («وحذر …», «أعرب … عن استغرابه») is the one a
/// later «وأكد أن …» or «مؤكداً أن …» with no subject of its own continues; so is a person named
/// after a sentence's first verb that reports no speech («وبعث الرئيس … رسالة»).
#[test]
fn a_speaker_without_reported_words_is_still_the_one_who_goes_on() {
    lavrov_offers_mediation(
        "وحذر وزير الخارجية الروسي سيرغي لافروف من التصعيد في المنطقة. وأكد أن موسكو مستعدة للوساطة.",
    );
    lavrov_offers_mediation(
        "أعرب وزير الخارجية الروسي سيرغي لافروف عن قلقه من التصعيد. مؤكدا أن موسكو مستعدة للوساطة.",
    );
    lavrov_offers_mediation(
        "قال وزير الخارجية التركي مولود تشاووش أوغلو إن بلاده تتابع. وبعث وزير الخارجية الروسي سيرغي لافروف رسالة إلى نظيره، أشار فيها إلى أن موسكو مستعدة للوساطة.",
    );
    lavrov_offers_mediation(
        "قال وزير الخارجية التركي مولود تشاووش أوغلو إن بلاده تتابع. من جانبه، رحب وزير الخارجية الروسي سيرغي لافروف بالمبادرة، مؤكدا أن موسكو مستعدة للوساطة.",
    );
}

/// Not where the verb stands inside a clause, after someone else's words or as the
/// preposition it is also written as («بين … وبين الرئيس …»: between).
#[test]
fn a_verb_inside_a_clause_passes_no_speaker_on() {
    lavrov_offers_mediation(
        "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل. واقترح أن تعقد القمة بينه وبين الرئيس الأميركي دونالد ترامب، مؤكدا أن موسكو مستعدة للوساطة.",
    );
}

/// «يذكر أن …» (it is noted that) names no speaker and continues none; «وقال التقرير»,
/// «ويرى البعض», «وقال المسؤولون» are a document and groups, never the one who spoke last.
#[test]
fn an_impersonal_verb_or_a_group_is_not_the_last_speaker() {
    let start = "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل.";
    for next in [
        "يذكر أن",
        "وقال التقرير إن",
        "ويرى البعض أن",
        "وقال المسؤولون إن",
    ] {
        let r = analyze(&format!("{start} {next} الصفقة كبيرة."));
        assert_eq!(speaker_name(&r, quote(&r, "الصفقة كبيرة")), None, "{next}");
    }
    // With a subject of its own, the same form is the active verb.
    lavrov_offers_mediation(&format!(
        "{start} ويذكر الوزير الروسي أن موسكو مستعدة للوساطة."
    ));
}

/// A name that opens its clause right before the verb is the verb's subject («لكن لافروف أوضح
/// أن», «وكان لافروف قد قال إن»); after a preposition it is no subject («مع لافروف قال»).
#[test]
fn a_name_before_the_verb_that_opens_its_clause_is_the_speaker() {
    let start = "قال وزير الخارجية التركي مولود تشاووش أوغلو إن بلاده تتابع الوضع.";
    for next in [
        "لكن وزير الخارجية الروسي سيرغي لافروف أوضح أن موسكو مستعدة للوساطة.",
        "وكان سيرغي لافروف قد قال إن موسكو مستعدة للوساطة.",
    ] {
        lavrov_offers_mediation(&format!("{start} {next}"));
    }
    let r = analyze(&format!(
        "{start} وبعد لقاء مع سيرغي لافروف قال مسؤول إن موسكو مستعدة للوساطة."
    ));
    assert_ne!(
        speaker_name(&r, quote(&r, "موسكو مستعدة")).as_deref(),
        Some("سيرغي لافروف")
    );
}

/// «المتحدث باسم بوتين ديمتري بيسكوف»: right after «باسم» a person is the one spoken for; the
/// speaker is the spokesperson named after him, and no one where none is named.
#[test]
fn the_one_spoken_for_is_no_speaker() {
    let text = "وقال المتحدث باسم عباس، نبيل أبو ردينة، إن الاعتداء مرفوض. وقالت المتحدثة باسم ميلانيا ترامب، ستيفاني غريشام، إن السيدة الأولى بخير. وكانت المتحدثة باسم ميلانيا قالت إن الزيارة ستتم الأسبوع المقبل.";
    let r = analyze(text);
    for (words, speaker) in [
        ("الاعتداء مرفوض", Some("نبيل أبو ردينة")),
        ("السيدة الأولى بخير", Some("ستيفاني غريشام")),
    ] {
        let q = quote(&r, words);
        assert_eq!(speaker_name(&r, q).as_deref(), speaker, "{q:?}");
    }
    let q = quote(&r, "الزيارة ستتم");
    let named = speaker_name(&r, q).unwrap_or_default();
    assert!(
        !named.contains("ميلانيا") && !named.contains("ترامب"),
        "{q:?}"
    );
}

/// «كارمن سليمان، التي أكدت أنها …»: after a relative pronoun the speaker is the one named
/// before it, with or without a comma between.
#[test]
fn a_relative_pronoun_speaks_for_the_name_before_it() {
    let text = "وستشهد الحفلة مشاركة النجمة الشابة كارمن سليمان، التي أكدت أنها سعيدة بالتجربة. وتعليقا على تصريح فنان العرب محمد عبده الذي قال إن الأغنية الخليجية بخير، رد الملحن بهدوء.";
    let r = analyze(text);
    for (words, speaker) in [
        ("سعيدة بالتجربة", "كارمن سليمان"),
        ("الأغنية الخليجية بخير", "محمد عبده"),
    ] {
        let q = quote(&r, words);
        assert_eq!(speaker_name(&r, q).as_deref(), Some(speaker), "{q:?}");
    }
}

/// A long article of speakers named once and then by their title alone: each quotation goes
/// to the person its own title names, however many titles the article holds before it (a
/// title is found where it starts, not by going through all of them).
#[test]
fn each_of_many_titled_speakers_keeps_their_quotation() {
    let mut text = String::from(
        "قال وزير الزراعة العراقي حسين الدليمي إن الموسم جيد. وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو تدعم الحل. ",
    );
    let speakers = [("الوزير العراقي", "الدليمي"), ("الوزير الروسي", "لافروف")];
    for i in 0..80 {
        let (title, _) = speakers[i % 2];
        text += &format!("وأضاف {title} إن الجولة رقم {i} انتهت دون اتفاق. ");
    }
    let r = analyze(&text);
    for i in 0..80 {
        let q = quote(&r, &format!("الجولة رقم {i} انتهت"));
        let name = speaker_name(&r, q);
        assert!(
            name.as_deref()
                .is_some_and(|n| n.contains(speakers[i % 2].1)),
            "quotation {i}: {name:?}"
        );
    }
}

/// «وأوضح المتحدث الرسمي لوزارة الصحة الدكتور محمد العبدالعالي»: the title hands its office
/// on through the body it names and the honorific after it, to the man named there, not to
/// the spokesman who spoke before.
#[test]
fn a_spokesman_named_after_the_body_and_an_honorific_is_not_the_last_spokesman() {
    let r = analyze(
        "وقال الناطق باسم الجيش العراقي العميد يحيى رسول إن القوات تقدمت. وأوضح المتحدث الرسمي لوزارة الصحة الدكتور محمد العبدالعالي أن الحالات انخفضت.",
    );
    let q = quote(&r, "الحالات انخفضت");
    assert_eq!(speaker_name(&r, q).as_deref(), Some("محمد العبدالعالي"));
    let e = r
        .entities
        .iter()
        .find(|e| e.canonical == "محمد العبدالعالي")
        .unwrap_or_else(|| panic!("{:?}", r.entities));
    assert_eq!(e.role.as_deref(), Some("spokesperson"));
}

fn via_name(r: &Record, q: &Quote) -> Option<String> {
    name_of(r, q.via.as_deref())
}

/// «ونقلت وكالة … عن X قوله إن»: X spoke; the agency only relays. Before, the agency was the
/// speaker of every such quotation.
#[test]
fn a_relayed_quotation_is_the_one_named_after_the_preposition() {
    let (r, q) = said(
        "ونقلت وكالة إنترفاكس الروسية للأنباء عن وزير الخارجية الروسي سيرغي لافروف قوله إن موسكو مستعدة للوساطة بين الطرفين.",
        "مستعدة للوساطة",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("لافروف")),
        "{q:?}"
    );
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("وزير الخارجية الروسي سيرغي لافروف")
    );
    assert!(
        via_name(&r, &q).is_some_and(|n| n.contains("إنترفاكس")),
        "{q:?}"
    );
    assert!(q
        .via_text
        .as_deref()
        .is_some_and(|t| t.starts_with("وكالة إنترفاكس")));

    // An unnamed source after a medium in quotation marks: «قولهما» is no part of it.
    let (r, q) = said(
        "نقلت \"رويترز\" عن مصدرين أمنيين قولهما إن الشرطة عثرت على السيارة المسروقة.",
        "عثرت على السيارة",
    );
    assert_eq!(speaker_name(&r, &q), None);
    assert_eq!(q.speaker_text.as_deref(), Some("مصدرين أمنيين"));
    assert!(
        via_name(&r, &q).is_some_and(|n| n.contains("رويترز")),
        "{q:?}"
    );
    assert!(
        !r.entities.iter().any(|e| e.canonical.contains("مصدرين")),
        "{:?}",
        r.entities
    );

    // A name no list knows, after the preposition and closed by «قوله».
    let (r, q) = said(
        "ونقلت وكالة فرانس برس عن مواتشي نغويبي قوله إن الحادث وقع قرب البلدة.",
        "الحادث وقع",
    );
    assert_eq!(
        speaker_name(&r, &q).as_deref(),
        Some("مواتشي نغويبي"),
        "{q:?}"
    );

    // A medium that speaks for itself has no channel.
    let (r, q) = said(
        "ونقلت وكالة رويترز أن الشرطة أغلقت الطريق المؤدي إلى المطار.",
        "أغلقت الطريق",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("رويترز")),
        "{q:?}"
    );
    assert_eq!(q.via, None);
}

/// «كما نقلت عنه وكالة تاس»: the pronoun on the preposition is the one who spoke last; the
/// agency after it is the channel. «وقالت الصحيفة، نقلا عن مصادر، إن»: the participle relays
/// to the sentence's speaker. «وكانت وكالة رويترز قد نقلت عن»: the channel before the verb.
#[test]
fn a_relayed_quotation_through_a_pronoun_or_a_participle() {
    let (r, q) = said(
        "وقال الرئيس الروسي فلاديمير بوتين كما نقلت عنه وكالة تاس الروسية \"يمكننا أن نعتز بما حققناه في تنظيم البطولة هذا العام\".",
        "نعتز بما حققناه",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("بوتين")),
        "{q:?}"
    );
    assert!(via_name(&r, &q).is_some_and(|n| n.contains("تاس")), "{q:?}");

    let (r, q) = said(
        "ذكرت صحيفة واشنطن بوست أن الرئيس سيزور المنطقة. وقالت الصحيفة، نقلا عن مصادر مطلعة، إن المحقق ينظر في الأمر منذ أسابيع.",
        "المحقق ينظر",
    );
    assert_eq!(speaker_name(&r, &q), None, "{q:?}");
    assert_eq!(q.speaker_text.as_deref(), Some("مصادر مطلعة"));
    assert!(
        via_name(&r, &q).is_some_and(|n| n.contains("واشنطن بوست")),
        "{q:?}"
    );

    // The channel named before the verb; the one a relative pronoun stands for.
    let (r, q) = said(
        "وكانت وكالة رويترز قد نقلت عن ضابط بالجيش قوله إن القوات تقدمت نحو الحدود.",
        "القوات تقدمت",
    );
    assert_eq!(q.speaker_text.as_deref(), Some("ضابط بالجيش"), "{q:?}");
    assert!(
        via_name(&r, &q).is_some_and(|n| n.contains("رويترز")),
        "{q:?}"
    );
    let (r, q) = said(
        "وقال المدرب إن الفريق جاهز. وجاء الرد على لسان اللاعب سيرخيو بوسكيتس، الذي نقلت عنه صحيفة \"ديلي ميل\" قوله: \"لن نغادر النادي مهما حدث في هذا الموسم\".",
        "لن نغادر النادي",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("بوسكيتس")),
        "{q:?}"
    );
    assert!(
        via_name(&r, &q).is_some_and(|n| n.contains("ديلي ميل")),
        "{q:?}"
    );
}

/// «نقل», «تنقل» are also to carry: no quotation, and no name beside them — even where the
/// thing carried is a body and a reported clause follows («نقل السفارة الأميركية … بعد أن»).
#[test]
fn carrying_is_not_relaying() {
    let r = analyze(
        "وتم نقل المصابين إلى مستشفى قريب، ثم أكد الأطباء أن حالتهم مستقرة. ودخلت سفينة تنقل حمولة كبيرة بوزن مليون طن، علما بأن وزنها خمسمئة طن. وغاب معظم السفراء عن احتفالات نقل السفارة الأميركية إلى القدس بعد أن أعلنت دولهم رفض الخطوة.",
    );
    assert!(
        !r.quotes.iter().any(|q| q.verb.as_deref() == Some("نقل")),
        "{:?}",
        r.quotes
    );
    assert!(
        !r.entities
            .iter()
            .any(|e| e.canonical.contains("المصابين") || e.canonical.contains("حمولة")),
        "{:?}",
        r.entities
    );
}

/// «يقول عنه خبراء إنه …» (experts say of it): the one spoken about, a pronoun on «عن», is
/// no part of the speaker, who follows it.
#[test]
fn the_one_spoken_about_is_no_speaker() {
    let (r, q) = said(
        "وتظاهر المئات ضد مشروع القانون الذي يقول عنه خبراء إنه يرفع معدل ضريبة الدخل.",
        "يرفع معدل",
    );
    assert_eq!(speaker_name(&r, &q), None);
    assert_eq!(q.speaker_text.as_deref(), Some("خبراء"));
    let (_, q) = said(
        "وقالت عنه مجلة دير شبيغل الألمانية إن الفضل يعود له في كشف خيوط القضية.",
        "الفضل يعود",
    );
    assert!(
        q.speaker_text
            .as_deref()
            .is_some_and(|t| t.starts_with("مجلة")),
        "{q:?}"
    );
}

/// «ونقلت "سي.إن.بي.سي" عن جون سميث قوله إن …»: the full stops and the «إن» of a medium
/// quoted by name are letters of it, to the name rules as to the quotation rules, so the
/// one named after the preposition is found with no tagger at all.
#[test]
fn a_quoted_medium_hides_no_preposition_from_the_name_rules() {
    let p = rasd_pipeline::Pipeline::new(
        rasd_resources::Resources::builtin(),
        rasd_pipeline::Options {
            tagger: false,
            ..Default::default()
        },
    );
    let r = p.analyze(&Article::text(
        "t",
        "ونقلت \"سي.إن.بي.سي\" عن جون سميث قوله إن الشركة ستخسر نصف أرباحها.\n".to_string(),
    ));
    check_offsets(&r);
    let q = quote(&r, "ستخسر");
    assert_eq!(speaker_name(&r, q).as_deref(), Some("جون سميث"), "{q:?}");
}

/// A subject before its verb that names no one the entity layer knows: an office («وكان
/// المتحدث باسم … قد أعلن»), an office of a body («بل إن قائد الحرس الثوري قال»), an unnamed
/// source after a particle («لكن حلفاء له قالوا»), a country named whole («وكانت المملكة
/// المغربية قالت») — read as it would be after the verb, and never the last speaker.
#[test]
fn an_unnamed_subject_before_the_verb_speaks() {
    let (_, q) = said(
        "وكان المتحدث باسم وزارة الخارجية الأمريكية قد أعلن أن الوفد سيصل غدا.",
        "الوفد سيصل",
    );
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("المتحدث باسم وزارة الخارجية الأمريكية")
    );
    let (r, q) = said(
        "بل إن قائد الحرس الثوري قال إن القرار مرفوض.",
        "القرار مرفوض",
    );
    assert_eq!(q.speaker_text.as_deref(), Some("قائد الحرس الثوري"));
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("الحرس الثوري")),
        "{q:?}"
    );
    let (r, q) = said(
        "وقال وزير الخارجية الإيراني محمد جواد ظريف إن بلاده لن تتراجع. لكن حلفاء له قالوا إنه استقال تحت الضغط.",
        "استقال تحت",
    );
    assert_eq!(q.speaker_text.as_deref(), Some("حلفاء له"));
    assert_eq!(speaker_name(&r, &q), None);
    let (r, q) = said(
        "وقال المتحدث باسم الخارجية الإيرانية بهرام قاسمي إن الاتهامات باطلة. وكانت المملكة المغربية قالت إنها ستقطع علاقاتها مع إيران.",
        "ستقطع علاقاتها",
    );
    assert_eq!(speaker_name(&r, &q).as_deref(), Some("المغرب"), "{q:?}");
    // «أما … فقد»: the subject ends before the particle that answers «أما».
    let (_, q) = said(
        "أما منظمة الشفافية العالمية فقد أشارت إلى أن عقارا من بين كل عشرة مشبوه.",
        "عقارا من بين",
    );
    assert_eq!(q.speaker_text.as_deref(), Some("منظمة الشفافية العالمية"));
    // «أن» before a verb opens no subject: «أن تواجه دعوى جماعية» is what the company must do.
    let (_, q) = said(
        "وحكم القاضي بأنه يتعين على الشركة أن تواجه دعوى جماعية تزعم أن الشبكة خالفت القانون.",
        "خالفت القانون",
    );
    assert_eq!(q.speaker_text, None, "{q:?}");
}

/// An office that names no one is not the speaker's whole name: «وقال رئيس البلدية إن» is
/// the mayor, not «رئيس»; the person set off by a comma after the portfolio, a rank before
/// his name or not, is the one who spoke; a phrase after the comma that is no name is not.
#[test]
fn an_office_reads_its_portfolio_and_the_name_after_a_comma() {
    let (r, q) = said(
        "وقال مدير المركز الوطني لمكافحة الألغام، العميد الركن أمين العقيلي، إن إجمالي الألغام كبير.",
        "إجمالي الألغام",
    );
    assert_eq!(
        speaker_name(&r, &q).as_deref(),
        Some("أمين العقيلي"),
        "{q:?}"
    );
    let (r, q) = said(
        "وقال رئيس البلدية إن 25 طنا من النفايات تجمع يوميا.",
        "النفايات تجمع",
    );
    assert_eq!(q.speaker_text.as_deref(), Some("رئيس البلدية"));
    assert_eq!(speaker_name(&r, &q), None);
    // A portfolio longer than five words, up to the person it names.
    let (r, q) = said(
        "وأكد وكيل وزارة العمل للتفتيش وتطوير بيئة العمل الدكتور عبد الله أبو ثنين، أن الوزارة ملتزمة بالقانون.",
        "ملتزمة بالقانون",
    );
    assert_eq!(
        speaker_name(&r, &q).as_deref(),
        Some("عبد الله أبو ثنين"),
        "{q:?}"
    );
    let (r, q) = said("وقال مدير الشركة، في بيان، إن الأرباح زادت.", "الأرباح زادت");
    assert_eq!(q.speaker_text.as_deref(), Some("مدير الشركة"));
    assert_eq!(speaker_name(&r, &q), None);
}

/// «طلب عدم كشف اسمه», «في رد على سؤال»: after a preposition or «عدم» a speech verb's form
/// is its noun, whose object is no speaker; with «و» on it, it is the verb again.
#[test]
fn a_speech_verb_after_a_preposition_is_its_noun() {
    let (r, q) = said(
        "وقال مسؤول حكومي آخر لم يرغب في كشف اسمه إن هناك عددا من الخطط.",
        "عددا من الخطط",
    );
    assert_eq!(speaker_name(&r, &q), None);
    assert_eq!(q.speaker_text.as_deref(), Some("مسؤول حكومي آخر"));
    assert_eq!(q.verb.as_deref(), Some("قال"));
    let (_, q) = said(
        "ثم التفت إلي وقال \"أنا أعطي على الباب الأول درجة الماجستير\".",
        "الباب الأول",
    );
    assert_eq!(q.verb.as_deref(), Some("قال"));
}

/// «وأكد معاليه أن …» after a foreign minister spoke: the honorific honours him too
/// (`also=` in titles.tsv), where it was left to no one.
#[test]
fn an_honorific_with_a_pronoun_reaches_the_roles_it_also_honours() {
    let (r, q) = said(
        "وقال معالي وزير الخارجية عادل الجبير إن المملكة حريصة على الأمن. وأكد معاليه أن العلاقات قوية.",
        "العلاقات قوية",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("الجبير")),
        "{q:?}"
    );
}

/// «وأردف بالقول إن …», «وتابع بقوله: "…"»: the verb's own noun is no subject; the one who
/// goes on speaking is the last speaker.
#[test]
fn the_verbs_own_noun_is_no_speaker() {
    let (r, q) = said(
        "وقال الرئيس المصري عبد الفتاح السيسي إن مصر تدعم جهود السلام. وأردف بالقول إن أمن الخليج جزء من أمن مصر.",
        "أمن الخليج",
    );
    assert_eq!(q.speaker_text, None);
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("السيسي")),
        "{q:?}"
    );
}

/// «وأما الرئيس الفرنسي إيمانويل ماكرون، فقد قال إن …»: the «ف» that answers «أما» may stand
/// after a comma; the topic before it is the one who spoke. Not after another particle:
/// in «كانت تحييها، فاعتبروا» the words before the comma name no one.
#[test]
fn the_topic_of_amma_speaks_past_a_comma() {
    let (r, q) = said(
        "وأما الرئيس الفرنسي إيمانويل ماكرون، فقد قال إن بلاده ستدعم الاتفاق.",
        "بلاده ستدعم",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("ماكرون")),
        "{q:?}"
    );
    let (_, q) = said(
        "تجاهلت المطربة السلام على إحدى معجباتها في حفلة كانت تحييها، فاعتبروا أن الدنيا دوارة.",
        "الدنيا دوارة",
    );
    assert_eq!(q.speaker_text, None);
}

/// «وأضاف هذا المسؤول», «وقالت هذه المصادر»: a demonstrative before a noun of someone who
/// speaks (demonstratives.txt) opens the subject, which refers back as the noun alone would;
/// «أوضح ذلك المدير العام …» is the director; before another noun it is what was said
/// («نفى هذه الاتهامات»).
#[test]
fn a_demonstrative_subject_refers_back() {
    let (_, q) = said(
        "وقالت مصادر أمنية إن الهجوم استهدف السوق. وأضافت هذه المصادر أن عدد القتلى قد يرتفع.",
        "عدد القتلى",
    );
    assert_eq!(q.speaker_text.as_deref(), Some("هذه المصادر"), "{q:?}");
    let (r, q) = said(
        "وقال وزير الخارجية سيرغي لافروف إن روسيا مستعدة للحوار. وأضاف هذا المسؤول أن الغرب يتحمل المسؤولية.",
        "الغرب يتحمل",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("لافروف")),
        "{q:?}"
    );
    let (r, q) = said(
        "أوضح ذلك المدير العام للتعليم بمنطقة الرياض محمد بن عبدالله المرشد، مبينا أن اللجنة أعدت برنامجا.",
        "اللجنة أعدت",
    );
    assert!(
        speaker_name(&r, &q).is_some_and(|n| n.contains("المرشد")),
        "{q:?}"
    );
    let (_, q) = said(
        "وقال الوزير إن الحكومة ستواصل العمل. ونفى هذه الاتهامات مؤكدا أن الوزارة ملتزمة بالقانون.",
        "الوزارة ملتزمة",
    );
    assert_ne!(q.speaker_text.as_deref(), Some("هذه الاتهامات"), "{q:?}");
}
