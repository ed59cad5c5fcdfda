//! Date expressions: «27 سبتمبر/ أيلول الماضي», «أيلول 2020», «9 صفر 1442هـ», «عام 1992»,
//! «27/9/2020», «أمس», «الأحد الماضي» — resolved against the article date when it is known.

use rasd_resources::{Calendar, Relative};
use rasd_text::TokenKind;

use crate::calendar::{civil_from_days, days_from_civil, hijri_to_gregorian, valid, weekday, Ymd};
use crate::context::{variants, Ctx};
use crate::lexicon::Lexicon;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFound {
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
    pub calendar: Calendar,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub hijri: Option<String>,
    pub relative: bool,
}

fn number(ctx: &Ctx, k: usize) -> Option<u32> {
    let t = ctx.toks.get(k)?;
    if t.kind != TokenKind::Number || !t.norm.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.norm.parse().ok()
}

fn is_punct(ctx: &Ctx, k: usize, p: &[&str]) -> bool {
    ctx.toks
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Punct && p.contains(&ctx.slice(t.start, t.end)))
}

fn modifier(ctx: &Ctx, lex: &Lexicon, k: usize) -> Option<i8> {
    match ctx.match_at(&lex.relative, k, false)?.value {
        Relative::Modifier(m) => Some(*m),
        _ => None,
    }
}

/// A year after a month: a four-digit number, optionally marked «م» (Gregorian) or «هـ».
fn year_at(ctx: &Ctx, k: usize) -> Option<(i32, usize)> {
    let y = number(ctx, k)?;
    if !(1300..=2200).contains(&y) {
        return None;
    }
    let mut last = k + 1;
    if ctx
        .toks
        .get(last)
        .is_some_and(|t| t.kind == TokenKind::Arabic && (t.norm == "م" || t.norm == "ه"))
    {
        last += 1;
    }
    Some((y as i32, last))
}

/// The occurrence of month/day nearest the article date, or the last/next one.
fn pick_year(article: Option<Ymd>, m: u8, d: u8, which: Option<i8>) -> Option<i32> {
    let a = article?;
    let days = |y: i32| valid(y, m, d.max(1)).then(|| days_from_civil(y, m, d.max(1)));
    choose_year(a.y - 1..=a.y + 1, days, a, which)
}

/// The Hijri year of month `m` (day `d`) by the same rule as [`pick_year`].
fn pick_hijri_year(article: Option<Ymd>, m: u8, d: u8, which: Option<i8>) -> Option<i32> {
    let a = article?;
    // A Hijri year is 354 or 355 days: the article's falls within two of this estimate.
    let near = ((a.y - 622) as f64 * 365.2425 / 354.367) as i32 + 1;
    let days = |y: i32| {
        let g = hijri_to_gregorian(y, m, d);
        Some(days_from_civil(g.y, g.m, g.d))
    };
    choose_year(near - 2..=near + 2, days, a, which)
}

/// Of the candidate years (ascending) whose date exists (`days`: its day number), the one
/// nearest the article's date, the last on or before it (`which` −1), or the first on or
/// after it (1).
fn choose_year(
    cands: std::ops::RangeInclusive<i32>,
    days: impl Fn(i32) -> Option<i64>,
    a: Ymd,
    which: Option<i8>,
) -> Option<i32> {
    let ad = days_from_civil(a.y, a.m, a.d);
    let dated = cands.filter_map(|y| days(y).map(|n| (y, n)));
    match which {
        Some(-1) => dated.filter(|&(_, n)| n <= ad).map(|(y, _)| y).max(),
        Some(1) => dated.filter(|&(_, n)| n >= ad).map(|(y, _)| y).min(),
        _ => dated.min_by_key(|&(_, n)| (n - ad).abs()).map(|(y, _)| y),
    }
}

fn value(y: Option<i32>, m: Option<u8>, d: Option<u8>) -> Option<String> {
    match (y, m, d) {
        (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
        (Some(y), None, None) => Some(format!("{y:04}")),
        (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
        (None, Some(m), None) => Some(format!("--{m:02}")),
        _ => None,
    }
}

pub fn extract(ctx: &Ctx, lex: &Lexicon, article: Option<Ymd>) -> Vec<DateFound> {
    let n = ctx.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if let Some(f) = date_at(ctx, lex, article, i) {
            i = f.last;
            out.push(f);
        } else {
            i += 1;
        }
    }
    out
}

fn found(
    ctx: &Ctx,
    first: usize,
    last: usize,
    calendar: Calendar,
    y: Option<i32>,
    m: Option<u8>,
    d: Option<u8>,
) -> DateFound {
    DateFound {
        first,
        last,
        start: ctx.toks[first].start,
        end: ctx.toks[last - 1].end,
        value: value(y, m, d),
        calendar,
        year: y,
        month: m,
        day: d,
        hijri: None,
        relative: false,
    }
}

/// A year said after a month through a year word: its number («ديسمبر من العام 2009», «مارس
/// عام 2011»), or how far it is from the article's year («يونيو من العام الماضي», «مايو من
/// هذا العام»).
enum YearSaid {
    Number(i32),
    Shift(i8),
}

/// [`YearSaid`] after a month at token `k`, and where it ends.
fn year_after_word(ctx: &Ctx, lex: &Lexicon, k: usize) -> Option<(YearSaid, usize)> {
    let word = |k: usize, w: &str| ctx.toks.get(k).is_some_and(|t| t.norm == w);
    let k = if word(k, "من") { k + 1 } else { k };
    let this = word(k, "هذا");
    let h = ctx.match_at(&lex.relative, k + usize::from(this), false)?;
    matches!(h.value, Relative::YearWord).then_some(())?;
    // «من هذا العام 2015»: the number, where one follows, says it best.
    if let Some((y, last)) = year_at(ctx, h.last) {
        return Some((YearSaid::Number(y), last));
    }
    if this {
        return Some((YearSaid::Shift(0), h.last));
    }
    Some((YearSaid::Shift(modifier(ctx, lex, h.last)?), h.last + 1))
}

/// Whether the word before token `k` is a `month-word` («شهر»), with or without a proclitic:
/// «خلال شهر يونيو», «مقارنة بشهر مايو».
fn after_month_word(ctx: &Ctx, lex: &Lexicon, k: usize) -> bool {
    k > 0
        && variants(&ctx.toks[k - 1].norm)
            .iter()
            .any(|(v, _)| lex.month_words.contains(v.as_ref()))
}

/// «الرابع من مارس», «الثالث والعشرين من شهر يونيو»: the day an ordinal names, where the
/// month's name starts, and where the ordinal starts (after any proclitic). An ordinal
/// followed by anything else is no date («الثاني من نوعه»).
fn ordinal_day(ctx: &Ctx, lex: &Lexicon, i: usize) -> Option<(u8, usize, usize)> {
    let h = ctx.match_at(&lex.ordinal_days, i, true)?;
    let d = *h.value;
    let word = |k: usize, w: &str| ctx.toks.get(k).is_some_and(|t| t.norm == w);
    if !word(h.last, "من") {
        return None;
    }
    let at = if word(h.last + 1, "شهر") {
        h.last + 2
    } else {
        h.last + 1
    };
    Some((d, at, h.start))
}

fn date_at(ctx: &Ctx, lex: &Lexicon, article: Option<Ymd>, i: usize) -> Option<DateFound> {
    // Numeric d/m/y and y-m-d.
    if let (Some(a), true, Some(b), true, Some(c)) = (
        number(ctx, i),
        is_punct(ctx, i + 1, &["/", "-"]),
        number(ctx, i + 2),
        is_punct(ctx, i + 3, &["/", "-"]),
        number(ctx, i + 4),
    ) {
        let (y, m, d) = if a > 999 {
            (a as i32, b as u8, c as u8)
        } else {
            (c as i32, b as u8, a as u8)
        };
        if (1900..=2100).contains(&y) && b <= 12 && valid(y, m, d) {
            return Some(found(
                ctx,
                i,
                i + 5,
                Calendar::Gregorian,
                Some(y),
                Some(m),
                Some(d),
            ));
        }
    }
    // [day] month [/ month] [year | modifier]; the day a number or an ordinal.
    let (day, month_at, day_start) = match ordinal_day(ctx, lex, i) {
        Some(d) => (Some(d.0), d.1, d.2),
        None => {
            let day = number(ctx, i)
                .filter(|d| (1..=31).contains(d))
                .map(|d| d as u8);
            let at = if day.is_some() { i + 1 } else { i };
            (day, at, ctx.toks[i].start)
        }
    };
    if let Some(mh) = ctx.match_at(&lex.months, month_at, day.is_none()) {
        let (cal, m) = *mh.value;
        let mut last = mh.last;
        // «سبتمبر/ أيلول», «أيلول (سبتمبر)»: the same month named twice.
        if is_punct(ctx, last, &["/", "(", "-"]) {
            if let Some(m2) = ctx.match_at(&lex.months, last + 1, false) {
                if m2.value.1 == m {
                    last = m2.last;
                    if is_punct(ctx, last, &[")"]) {
                        last += 1;
                    }
                }
            }
        }
        // A year against the article's («من العام الماضي») is a Gregorian one; a Hijri
        // month's year is said in Hijri years.
        let said = year_at(ctx, last)
            .map(|(y, l)| (YearSaid::Number(y), l))
            .or_else(|| year_after_word(ctx, lex, last))
            .filter(|(y, _)| cal == Calendar::Gregorian || matches!(y, YearSaid::Number(_)));
        let year = match &said {
            Some((YearSaid::Number(y), l)) => Some((*y, *l)),
            _ => None,
        };
        let shifted = match &said {
            Some((YearSaid::Shift(by), _)) => article.map(|a| a.y + i32::from(*by)),
            _ => None,
        };
        let which = if said.is_none() {
            modifier(ctx, lex, last)
        } else {
            None
        };
        // A bare month name is too ambiguous («ماي», «آب»): it needs a day, a year, a
        // modifier or the word «شهر» before it to be a date.
        if day.is_none()
            && said.is_none()
            && which.is_none()
            && !after_month_word(ctx, lex, mh.first)
        {
            return None;
        }
        if let Some((_, l)) = said {
            last = l;
        } else if which.is_some() {
            last += 1;
        }
        let mut f = found(
            ctx,
            if day.is_some() { i } else { mh.first },
            last,
            cal,
            None,
            Some(m),
            day,
        );
        f.start = if day.is_some() { day_start } else { mh.start };
        match cal {
            Calendar::Hijri => {
                // «رمضان المقبل», «15 شعبان»: the year is the article's, as for Gregorian
                // months.
                let hy = year
                    .map(|(y, _)| y)
                    .or_else(|| pick_hijri_year(article, m, day.unwrap_or(1), which));
                f.relative = year.is_none() && hy.is_some();
                f.hijri = value(hy, Some(m), day);
                if let (Some(hy), Some(d)) = (hy, day) {
                    let g = hijri_to_gregorian(hy, m, d);
                    f.year = Some(g.y);
                    f.month = Some(g.m);
                    f.day = Some(g.d);
                    f.value = Some(g.iso());
                } else {
                    f.year = None;
                    f.month = None;
                    f.day = None;
                    f.value = None;
                }
            }
            Calendar::Gregorian => {
                let y = year
                    .map(|(y, _)| y)
                    .or(shifted)
                    .or_else(|| pick_year(article, m, day.unwrap_or(1), which));
                if day.is_some_and(|d| y.is_some_and(|y| !valid(y, m, d))) {
                    return None;
                }
                f.year = y;
                f.relative = year.is_none() && y.is_some();
                f.value = value(y, Some(m), day);
            }
        }
        return Some(f);
    }
    // «عام 1992», «منذ العام 2011».
    if let Some(h) = ctx.match_at(&lex.relative, i, true) {
        match h.value {
            Relative::YearWord => {
                let (y, last) = year_at(ctx, h.last)?;
                return Some(found(
                    ctx,
                    i,
                    last,
                    Calendar::Gregorian,
                    Some(y),
                    None,
                    None,
                ));
            }
            Relative::Days(off) => {
                let mut f = found(ctx, i, h.last, Calendar::Gregorian, None, None, None);
                f.start = h.start;
                f.relative = true;
                if let Some(a) = article {
                    let g = civil_from_days(days_from_civil(a.y, a.m, a.d) + *off as i64);
                    f.year = Some(g.y);
                    f.month = Some(g.m);
                    f.day = Some(g.d);
                    f.value = Some(g.iso());
                }
                return Some(f);
            }
            Relative::Weekday(wd) => {
                let mut last = h.last;
                let which = modifier(ctx, lex, last);
                if which.is_some() {
                    last += 1;
                }
                let mut f = found(ctx, i, last, Calendar::Gregorian, None, None, None);
                f.start = h.start;
                f.relative = true;
                if let Some(a) = article {
                    let ad = days_from_civil(a.y, a.m, a.d);
                    let today = weekday(ad) as i64;
                    let back = (today - *wd as i64).rem_euclid(7);
                    let delta = match which {
                        Some(1) => {
                            let fwd = (*wd as i64 - today).rem_euclid(7);
                            if fwd == 0 {
                                7
                            } else {
                                fwd
                            }
                        }
                        Some(-1) if back == 0 => -7,
                        _ => -back,
                    };
                    let g = civil_from_days(ad + delta);
                    f.year = Some(g.y);
                    f.month = Some(g.m);
                    f.day = Some(g.d);
                    f.value = Some(g.iso());
                }
                return Some(f);
            }
            Relative::Modifier(_) | Relative::DayOfMonth(_) | Relative::MonthWord => {}
        }
    }
    None
}
