//! Calendar arithmetic: civil days, weekdays, the tabular Hijri calendar, and parsing of the
//! publication dates that feeds carry (ISO 8601, RFC 2822, «2015-07-21 02:51:32»).

/// A Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub y: i32,
    pub m: u8,
    pub d: u8,
}

impl Ymd {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    Ymd {
        y: (if m <= 2 { y + 1 } else { y }) as i32,
        m,
        d,
    }
}

/// ISO weekday, Monday = 1 … Sunday = 7.
pub fn weekday(days: i64) -> u8 {
    ((days + 3).rem_euclid(7) + 1) as u8
}

pub fn valid(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && civil_from_days(days_from_civil(y, m, d)) == Ymd { y, m, d }
}

/// Gregorian date of a Hijri date by the tabular (arithmetic) calendar. Observed months can
/// differ by a day or two; the record keeps the Hijri date as written too.
pub fn hijri_to_gregorian(y: i32, m: u8, d: u8) -> Ymd {
    let (y, m, d) = (y as i64, m as i64, d as i64);
    let jd = d
        + ((29.5 * (m - 1) as f64).ceil() as i64)
        + (y - 1) * 354
        + (3 + 11 * y).div_euclid(30)
        + 1948439;
    // Julian day number → days since the Unix epoch (JD 2440588 is 1970-01-01).
    civil_from_days(jd - 2440588)
}

const MONTHS_EN: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Parses a feed's publication date. Returns the date and the ISO 8601 form to publish
/// (with time and offset when the input had them).
pub fn parse_published(s: &str) -> Option<(Ymd, String)> {
    let s = s.trim();
    // ISO 8601 and «YYYY-MM-DD HH:MM:SS».
    if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
        let y: i32 = s[..4].parse().ok()?;
        let m: u8 = s[5..7].parse().ok()?;
        let d: u8 = s[8..10].parse().ok()?;
        if !valid(y, m, d) {
            return None;
        }
        let ymd = Ymd { y, m, d };
        let rest = s[10..].trim_start_matches(['T', ' ']);
        let iso = if rest.len() >= 5 && rest.as_bytes()[2] == b':' {
            format!("{}T{}", ymd.iso(), rest.replace(' ', ""))
        } else {
            ymd.iso()
        };
        return Some((ymd, iso));
    }
    // RFC 2822: «Sun, 18 Feb 2018 21:35:43 +0400».
    let parts: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    let start = usize::from(
        parts
            .first()
            .is_some_and(|p| p.chars().all(char::is_alphabetic)),
    );
    let d: u8 = parts.get(start)?.parse().ok()?;
    let mon = parts.get(start + 1)?.to_ascii_lowercase();
    let m = MONTHS_EN.iter().position(|x| mon.starts_with(x))? as u8 + 1;
    let y: i32 = parts.get(start + 2)?.parse().ok()?;
    if !valid(y, m, d) {
        return None;
    }
    let ymd = Ymd { y, m, d };
    let iso = match (parts.get(start + 3), parts.get(start + 4)) {
        (Some(t), Some(z))
            if t.len() == 8 && (z.starts_with('+') || z.starts_with('-')) && z.len() == 5 =>
        {
            format!("{}T{}{}:{}", ymd.iso(), t, &z[..3], &z[3..])
        }
        (Some(t), _) if t.len() == 8 && t.as_bytes()[2] == b':' => format!("{}T{}", ymd.iso(), t),
        _ => ymd.iso(),
    };
    Some((ymd, iso))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_weekday() {
        let d = days_from_civil(2020, 9, 27);
        assert_eq!(
            civil_from_days(d),
            Ymd {
                y: 2020,
                m: 9,
                d: 27
            }
        );
        assert_eq!(weekday(d), 7); // a Sunday
        assert!(!valid(2021, 2, 29));
    }

    #[test]
    fn hijri() {
        // 1 Ramadan 1441 was 24 April 2020 (observed; the tabular calendar gives 24 or 25).
        let g = hijri_to_gregorian(1441, 9, 1);
        assert!(
            g == Ymd {
                y: 2020,
                m: 4,
                d: 24
            } || g
                == Ymd {
                    y: 2020,
                    m: 4,
                    d: 25
                },
            "{g:?}"
        );
    }

    #[test]
    fn published_dates() {
        assert_eq!(
            parse_published("Sun, 18 Feb 2018 21:35:43 +0400")
                .unwrap()
                .1,
            "2018-02-18T21:35:43+04:00"
        );
        assert_eq!(
            parse_published("2015-07-21 02:51:32").unwrap().1,
            "2015-07-21T02:51:32"
        );
        assert_eq!(
            parse_published("2020-10-01").unwrap().0,
            Ymd {
                y: 2020,
                m: 10,
                d: 1
            }
        );
        assert!(parse_published("yesterday").is_none());
    }
}
