//! Dates against the article's date: Hijri months named without a year take the year the
//! article's date points to, as Gregorian months do.

mod common;

use common::{check_offsets, pipeline};
use rasd_doc::{DateMention, Record};
use rasd_read::Article;

/// The date expression written `text` in the record.
fn date<'a>(r: &'a Record, text: &str) -> &'a DateMention {
    r.dates
        .iter()
        .find(|d| d.text == text)
        .unwrap_or_else(|| panic!("«{text}» in {:?}", r.dates))
}

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
        let d = date(&r, text);
        assert_eq!(d.hijri.as_deref(), Some(hijri), "{d:?}");
        assert_eq!(d.value.as_deref(), value, "{d:?}");
        assert_eq!(d.relative, relative, "{d:?}");
    }
}

/// Written on 2018-07-10: the day of a month as an ordinal, a year after its month through a
/// year word, and the day before yesterday written with «من», which is two days back and not
/// «أمس».
#[test]
fn ordinal_days_and_the_day_before_yesterday() {
    let mut a = Article::text(
        "t",
        "دخل الفريق الكهف في الثالث والعشرين من يونيو الماضي، وبدأ الإنقاذ في الثامن من شهر يوليو، وأعلن الجيش أول من أمس نهاية العملية، وكان الحادث الأول من نوعه منذ الحادي عشر من سبتمبر 2001، والعيد في العاشر من ذي الحجة، ووقعت الاتفاقية في الأول من ديسمبر من العام 2009.\n".to_string(),
    );
    a.date = Some("2018-07-10".into());
    let r = pipeline().analyze(&a);
    check_offsets(&r);
    let expected = [
        ("الثالث والعشرين من يونيو الماضي", Some("2018-06-23")),
        ("الثامن من شهر يوليو", Some("2018-07-08")),
        ("أول من أمس", Some("2018-07-08")),
        ("الحادي عشر من سبتمبر 2001", Some("2001-09-11")),
        // 10 Dhu al-Hijjah 1439 by the tabular calendar.
        ("العاشر من ذي الحجة", Some("2018-08-22")),
        // The year after the month through «من العام», not the article's.
        ("الأول من ديسمبر من العام 2009", Some("2009-12-01")),
    ];
    for (text, value) in expected {
        let d = date(&r, text);
        assert_eq!(d.value.as_deref(), value, "{d:?}");
    }
    // An ordinal with no month after «من» is no date, and «أمس» inside «أول من أمس» is not
    // a date of its own.
    assert!(
        r.dates
            .iter()
            .all(|d| !d.text.contains("نوعه") && d.text != "أمس"),
        "{:?}",
        r.dates
    );
    assert_eq!(r.dates.len(), expected.len(), "{:?}", r.dates);
}

/// Written on 2018-07-10: a month alone is a date after «شهر», and a year word after a month
/// says which year against the article's.
#[test]
fn a_month_after_its_word_or_before_a_year_word() {
    let mut a = Article::text(
        "t",
        "ارتفعت الصادرات في شهر يونيو من العام الماضي، وتراجعت مقارنة بشهر مايو، ثم عادت في مارس من هذا العام، وستصدر الأرقام في فبراير من العام المقبل، وارتفعت 3 في المئة في يوليو.\n".to_string(),
    );
    a.date = Some("2018-07-10".into());
    let r = pipeline().analyze(&a);
    check_offsets(&r);
    let expected = [
        ("يونيو من العام الماضي", "2017-06"),
        ("مايو", "2018-05"),
        ("مارس من هذا العام", "2018-03"),
        ("فبراير من العام المقبل", "2019-02"),
    ];
    for (text, value) in expected {
        let d = date(&r, text);
        assert_eq!(d.value.as_deref(), Some(value), "{d:?}");
        assert!(d.relative, "{d:?}");
    }
    // A month with nothing to say it is one («في يوليو» after a figure) stays unread.
    assert_eq!(r.dates.len(), expected.len(), "{:?}", r.dates);
}
