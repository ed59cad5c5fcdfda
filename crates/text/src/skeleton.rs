//! The consonant skeleton of a light stem: an approximation of its root, for matching words
//! of one family that the light stemmer leaves apart. Questions and the passages that answer
//! them rarely share a derived form: «أقيم» / «المقامة», «تأسست» / «أسس», «تستضيف» /
//! «استضافت», «الأعراض» / «عرض». Without a dictionary of roots, the skeleton drops what
//! derivation adds around the radicals — one imperfect or participle prefix, the «است» of the
//! tenth form, the «ت» the eighth form puts after the first radical, a final «ت»/«ه» — and
//! then every long vowel and hamza seat, which patterns insert between them.
//!
//! It over-merges by design (weak roots lose a radical: «ولد» and «مولد» both give «لد»,
//! and so may words of other roots); it is meant to be weighted by its rarity in a
//! collection, never used as a term on its own.

/// Letters a pattern inserts between radicals (long vowels, hamza seats), folded forms.
fn is_vowel_or_seat(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ء' | 'ئ' | 'ؤ' | 'أ' | 'إ' | 'آ')
}

/// Writes the skeleton of a folded light stem into `out` (cleared first) and says whether
/// there is one: stems of more than 24 letters, and skeletons of fewer than two letters,
/// have none.
pub fn skeleton_into(stem: &str, out: &mut String) -> bool {
    out.clear();
    let mut buf = ['\0'; 24];
    let mut n = 0;
    for c in stem.chars() {
        if n == buf.len() {
            return false;
        }
        buf[n] = c;
        n += 1;
    }
    let (mut a, mut b) = (0usize, n);
    if b - a >= 6
        && matches!(buf[a], 'ي' | 'ت' | 'ن' | 'ا' | 'م')
        && buf[a + 1] == 'س'
        && buf[a + 2] == 'ت'
    {
        // Tenth form: «استخدم», «يستخدم», «مستخدم».
        a += 3;
    } else if b - a >= 4 && matches!(buf[a], 'ا' | 'ت' | 'ي' | 'ن' | 'م') {
        let first = buf[a];
        a += 1;
        // Eighth form: «اجتماع», «مجتمع» → «جمع».
        if b - a >= 4 && matches!(first, 'ا' | 'م') && buf[a + 1] == 'ت' {
            buf[a + 1] = 'ا';
        }
    }
    if b - a >= 4 && matches!(buf[b - 1], 'ه' | 'ت') {
        b -= 1;
    }
    out.extend(buf[a..b].iter().filter(|c| !is_vowel_or_seat(**c)));
    if out.chars().count() < 2 {
        out.clear();
        return false;
    }
    true
}

/// [`skeleton_into`] returning a new string.
pub fn skeleton(stem: &str) -> Option<String> {
    let mut s = String::new();
    skeleton_into(stem, &mut s).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold;

    fn sk(w: &str) -> Option<String> {
        skeleton(&fold(w))
    }

    #[test]
    fn one_family_one_skeleton() {
        for family in [
            &["اقيم", "مقام", "قيام"][..],
            &["اسس", "تاسست"],
            &["استضافت", "تستضيف", "ضيف"],
            &["اعراض", "عرض"],
            &["اجتماع", "مجتمع", "جمع"],
            &["دول", "دولة"],
        ] {
            let first = sk(family[0]);
            assert!(first.is_some(), "{}", family[0]);
            for w in &family[1..] {
                assert_eq!(sk(w), first, "{} / {}", family[0], w);
            }
        }
    }

    #[test]
    fn short_and_huge_stems_have_none() {
        assert_eq!(sk("او"), None);
        assert_eq!(sk(&"ب".repeat(30)), None);
        assert_eq!(sk("كتب").as_deref(), Some("كتب"));
    }
}
