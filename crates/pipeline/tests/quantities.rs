//! Quantities as a reader counts them: compound number words, and no year or phrase taken
//! for a count.

mod common;

use common::{check_offsets, pipeline};
use rasd_doc::Record;
use rasd_read::Article;

fn analyze(text: &str) -> Record {
    let r = pipeline().analyze(&Article::text("t", format!("{text}\n")));
    check_offsets(&r);
    r
}

/// (text, value) of every quantity.
fn quantities(r: &Record) -> Vec<(String, f64)> {
    r.quantities
        .iter()
        .map(|q| (q.text.clone(), q.value))
        .collect()
}

#[test]
fn numbers_from_eleven_to_nineteen() {
    for (text, words, value) in [
        (
            "وبدأ الجيش قبل أحد عشر شهرا حفر القناة.",
            "أحد عشر شهرا",
            11.0,
        ),
        ("اشترت الشركة اثنتي عشرة طائرة.", "اثنتي عشرة طائرة", 12.0),
        ("قتل ستة عشر جنديا في الهجوم.", "ستة عشر جنديا", 16.0),
    ] {
        let r = analyze(text);
        assert_eq!(quantities(&r), vec![(words.to_string(), value)], "{text}");
    }
}

/// «اتفاق 2015 وإعادة فرض العقوبات», «المباراة 38 للمسابقة»: a year and a number before a
/// phrase of its own count nothing.
#[test]
fn a_year_or_a_phrase_is_not_what_is_counted() {
    let r = analyze(
        "انسحبت واشنطن من اتفاق 2015 وإعادة فرض العقوبات. ويلعب الفريق المباراة 38 للمسابقة.",
    );
    for q in &r.quantities {
        assert!(
            !q.text.contains("وإعادة") && !q.text.contains("للمسابقة"),
            "{:?}",
            quantities(&r)
        );
    }
}
