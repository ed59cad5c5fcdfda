//! Dates against the article's date: Hijri months named without a year take the year the
//! article's date points to, as Gregorian months do.

mod common;

use common::{check_offsets, pipeline};
use rasd_read::Article;

/// Written on 2018-07-10 (26 Shawwal 1439 by the tabular calendar).
#[test]
fn hijri_months_without_a_year_take_the_articles() {
    let mut a = Article::text(
        "t",
        "وصل الوفد في رمضان 1439 ثم يعود في رمضان المقبل، بعد زيارة في شوال الماضي، وموعد آخر في ذي الحجة الجاري، وقبله في 15 شعبان.\n".to_string(),
    );
    a.date = Some("2018-07-10".into());
    let r = pipeline().analyze(&a);
    check_offsets(&r);
    // (text, Hijri date, Gregorian date, read against the article's date)
    let expected = [
        ("رمضان 1439", "1439-09", None, false),
        ("رمضان المقبل", "1440-09", None, true),
        ("شوال الماضي", "1439-10", None, true),
        ("ذي الحجة الجاري", "1439-12", None, true),
        ("15 شعبان", "1439-08-15", Some("2018-05-01"), true),
    ];
    for (text, hijri, value, relative) in expected {
        let d = r
            .dates
            .iter()
            .find(|d| d.text == text)
            .unwrap_or_else(|| panic!("«{text}» in {:?}", r.dates));
        assert_eq!(d.hijri.as_deref(), Some(hijri), "{d:?}");
        assert_eq!(d.value.as_deref(), value, "{d:?}");
        assert_eq!(d.relative, relative, "{d:?}");
    }
}
