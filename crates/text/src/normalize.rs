//! Script-aware normalisation for matching.
//!
//! Two levels, because they serve different jobs:
//! - [`base_char`]: drops harakat and tatweel, unifies alef/hamza-on-alef forms, folds
//!   Arabic-Indic and Persian digits to ASCII, Persian kaf/yeh to Arabic, Latin to lower case.
//!   Teh marbuta and alef maqsura are kept, because the segmenter needs them to tell a
//!   feminine ending (ة) from a pronoun suffix (ه).
//! - [`fold_char`]: on top of that, ة → ه and ى → ي, the form used for dictionary lookups and
//!   search, where spelling varies between outlets.
//!
//! Normalised forms are for matching only; offsets always point into the original text.

/// True for the combining marks that Arabic text carries optionally (harakat, shadda, sukun,
/// Quranic annotation marks, superscript alef), for tatweel, and for the invisible formatting
/// characters ([`is_format`]).
#[inline]
pub const fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}'
        // the same marks in Presentation Forms-B
        | '\u{FE70}'..='\u{FE7F}'
    ) || is_format(c)
}

/// Invisible formatting characters that leak into copied text: zero-width spaces and
/// joiners, direction marks, embeddings, overrides and isolates, the Arabic letter mark, the
/// word joiner, the soft hyphen and the byte-order mark. About 250 of the 48,167 news records
/// hold some, often inside names («\u{202B}عبد الله\u{202C}»). Dropped inside a word; the
/// tokeniser never lets one be a token's first or last character.
#[inline]
pub const fn is_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{2060}'
        | '\u{00AD}'
        | '\u{FEFF}'
    )
}

/// The letters of the Arabic Presentation Forms-B block (U+FE70–U+FEFC) in code-point order:
/// each letter with the number of contextual forms (isolated, final, and for the letters
/// that join on both sides initial and medial) it has there. Text copied out of PDFs and
/// old publishing systems is written in these shaped forms, which look the same on screen
/// and match nothing unless read as the letters they shape. An empty string is a mark or
/// an unassigned code point: dropped, like the harakat.
const FORMS_B: [(&str, u8); 41] = [
    ("", 16), // U+FE70–U+FE7F: tanween, harakat, shadda and sukun, the tail fragment
    ("ء", 1),
    ("آ", 2),
    ("أ", 2),
    ("ؤ", 2),
    ("إ", 2),
    ("ئ", 4),
    ("ا", 2),
    ("ب", 4),
    ("ة", 2),
    ("ت", 4),
    ("ث", 4),
    ("ج", 4),
    ("ح", 4),
    ("خ", 4),
    ("د", 2),
    ("ذ", 2),
    ("ر", 2),
    ("ز", 2),
    ("س", 4),
    ("ش", 4),
    ("ص", 4),
    ("ض", 4),
    ("ط", 4),
    ("ظ", 4),
    ("ع", 4),
    ("غ", 4),
    ("ف", 4),
    ("ق", 4),
    ("ك", 4),
    ("ل", 4),
    ("م", 4),
    ("ن", 4),
    ("ه", 4),
    ("و", 2),
    ("ى", 2),
    ("ي", 4),
    // The lam-alef ligatures are two letters each.
    ("لآ", 2),
    ("لأ", 2),
    ("لإ", 2),
    ("لا", 2),
];

/// The letters of Presentation Forms-A (U+FB50–U+FDFF) met in Arabic news: the Persian and
/// Urdu letters an Arabic keyboard layout or a Persian source leaves in a text, and the
/// ligature of the name of God. The block's hundreds of other ligatures are calligraphy,
/// not news, and stay as written.
const FORMS_A: [(u32, u32, &str); 9] = [
    (0xFB50, 0xFB51, "ا"), // alef wasla
    (0xFB56, 0xFB59, "پ"), // peh
    (0xFB7A, 0xFB7D, "چ"), // tcheh
    (0xFB8E, 0xFB91, "ك"), // keheh
    (0xFB92, 0xFB95, "گ"), // gaf
    (0xFBAA, 0xFBAD, "ه"), // heh doachashmee
    (0xFBFC, 0xFBFF, "ي"), // farsi yeh
    (0xFDF2, 0xFDF2, "الله"),
    (0xFDFC, 0xFDFC, "ريال"), // the rial sign
];

/// The letters a presentation-form character shapes, or `None` for any other character.
/// An empty string means the character is dropped.
pub fn presentation_letters(c: char) -> Option<&'static str> {
    let u = c as u32;
    if (0xFE70..=0xFEFC).contains(&u) {
        let mut at = 0xFE70;
        for (letters, forms) in FORMS_B {
            at += forms as u32;
            if u < at {
                return Some(letters);
            }
        }
        return None;
    }
    if (0xFB50..=0xFDFF).contains(&u) {
        return FORMS_A
            .iter()
            .find(|(a, b, _)| (*a..=*b).contains(&u))
            .map(|(_, _, letters)| *letters);
    }
    None
}

/// How many letters of the normalised text the original character `c` stands for: two for a
/// lam-alef ligature, none for a mark, one for anything else. Offsets into the original text
/// are found by counting normalised letters this way.
pub fn letters_in(c: char) -> usize {
    match presentation_letters(c) {
        Some(l) => l.chars().count(),
        None => usize::from(!is_ignorable(c)),
    }
}

/// Calls `f` with each base character of `c`: presentation forms expanded to the letters they
/// shape, then every character through [`base_char`].
#[inline]
fn each_base(c: char, mut f: impl FnMut(char)) {
    if let Some(letters) = presentation_letters(c) {
        for l in letters.chars() {
            if let Some(b) = base_char(l) {
                f(b);
            }
        }
    } else if let Some(b) = base_char(c) {
        f(b);
    }
}

/// The base normalisation of one character; `None` when the character is dropped. A
/// presentation form that shapes one letter gives that letter; one that shapes two (a
/// lam-alef ligature) is only expanded by the string functions below.
#[inline]
pub fn base_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // The Arabic block through the table built from the same rules, without the Unicode case
    // tables: it is nearly all the text.
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        let b = ARABIC_BLOCK[(c as u32 - 0x0600) as usize].0;
        return (b != '\0').then_some(b);
    }
    if ('\u{FB50}'..='\u{FEFC}').contains(&c) {
        return presentation_base(c);
    }
    match base_char_const(c) {
        Some(b) if b == c && c.is_uppercase() => Some(c.to_lowercase().next().unwrap_or(c)),
        other => other,
    }
}

/// [`base_char`] of a character of the presentation-form blocks, out of its hot path.
#[inline(never)]
fn presentation_base(c: char) -> Option<char> {
    let Some(letters) = presentation_letters(c) else {
        return Some(c);
    };
    let mut it = letters.chars();
    match (it.next(), it.next()) {
        (None, _) => None,
        (Some(l), None) => base_char(l),
        _ => Some(c),
    }
}

/// Folds a character that is already in base form. Each mapping keeps the UTF-8 length, so
/// a base form and its folded form are byte-aligned.
#[inline]
pub fn fold_base(b: char) -> char {
    match b {
        'ة' => 'ه',
        'ى' => 'ي',
        other => other,
    }
}

/// The folded (matching) normalisation of one character.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    base_char(c).map(fold_base)
}

/// Base and folded forms of every character of the Arabic block U+0600–U+06FF, computed at
/// compile time from [`base_char`] and [`fold_base`], so that the hot loop over Arabic text
/// is one table look-up per character. `'\0'` marks a dropped character.
const ARABIC_BLOCK: [(char, char); 256] = {
    let mut t = [('\0', '\0'); 256];
    let mut i = 0;
    while i < 256 {
        let c = match char::from_u32(0x0600 + i as u32) {
            Some(c) => c,
            None => '\0',
        };
        let b = match base_char_const(c) {
            Some(b) => b,
            None => '\0',
        };
        let f = match b {
            'ة' => 'ه',
            'ى' => 'ي',
            other => other,
        };
        t[i] = (b, f);
        i += 1;
    }
    t
};

/// The base-form rules, one place for them: usable in a constant (the Arabic-block table is
/// built from it at compile time) and called by [`base_char`] for every other character.
const fn base_char_const(c: char) -> Option<char> {
    if is_ignorable(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        '\u{0660}'..='\u{0669}' => (b'0' + (c as u32 - 0x0660) as u8) as char,
        '\u{06F0}'..='\u{06F9}' => (b'0' + (c as u32 - 0x06F0) as u8) as char,
        'ک' => 'ك',
        'ی' | 'ې' => 'ي',
        'ۀ' => 'ه',
        // Letters of Persian and Urdu keyboards and of foreign sounds, written for their
        // Arabic counterparts by some outlets: «ھذا», «ڤيديو», «پاكستان».
        'ھ' | 'ہ' => 'ه',
        'ۃ' => 'ة',
        'ڤ' => 'ف',
        'پ' => 'ب',
        'ژ' => 'ز',
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        '٪' => '%',
        '٫' => '.',
        '٬' => ',',
        _ => c,
    })
}

/// What a character of the Arabic block U+0600–U+06FF is to the tokeniser: 1 a letter, 2 a
/// mark (harakat, tatweel), 0 anything else. With [`arabic_block`] this lets the fused
/// tokenise-and-normalise loop work two bytes at a time.
pub const ARABIC_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            // The Arabic letter mark is a direction mark: the fused path leaves a word that
            // carries one to the tokeniser, which keeps it off the word's edges.
            t[i] = if crate::tokenize::is_arabic_letter(c) {
                1
            } else if is_ignorable(c) && c != '\u{061C}' {
                2
            } else {
                0
            };
        }
        i += 1;
    }
    t
};

/// Base and folded forms of the Arabic-block character U+0600 + `i` (`'\0'` if dropped).
#[inline]
pub fn arabic_block(i: usize) -> (char, char) {
    ARABIC_BLOCK[i]
}

/// Appends the base and folded forms of `s` to `base` and `folded` in one pass; the two
/// stay byte-aligned.
#[inline]
pub fn base_fold_into(s: &str, base: &mut String, folded: &mut String) {
    for c in s.chars() {
        let u = c as u32;
        if (0x0600..0x0700).contains(&u) {
            let (b, f) = ARABIC_BLOCK[(u - 0x0600) as usize];
            if b != '\0' {
                base.push(b);
                folded.push(f);
            }
        } else {
            each_base(c, |b| {
                base.push(b);
                folded.push(fold_base(b));
            });
        }
    }
}

/// Appends the base form of `s` to `out`.
pub fn base_into(s: &str, out: &mut String) {
    forms_into::<false>(s, out);
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    forms_into::<true>(s, out);
}

/// ASCII and the Arabic block through the table, every other character through the rules.
#[inline]
fn forms_into<const FOLD: bool>(s: &str, out: &mut String) {
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c.to_ascii_lowercase());
        } else if (0x0600..0x0700).contains(&u) {
            let (b, f) = ARABIC_BLOCK[(u - 0x0600) as usize];
            if b != '\0' {
                out.push(if FOLD { f } else { b });
            }
        } else {
            each_base(c, |b| out.push(if FOLD { fold_base(b) } else { b }));
        }
    }
}

/// The folded form of `s`: what dictionaries and the search index compare.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// The base form of `s` (teh marbuta and alef maqsura kept).
pub fn base(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    base_into(s, &mut out);
    out
}

/// Folds a phrase: each whitespace-separated word folded, joined by one space. Dictionary keys
/// are built with this so that a resource file's spacing never matters.
pub fn fold_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        fold_into(w, &mut out);
        if out.len() == before + usize::from(before > 0) {
            out.truncate(before);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_harakat_and_tatweel() {
        assert_eq!(fold("مُحَمَّـــد"), "محمد");
        assert_eq!(fold("مرنًا"), "مرنا");
    }

    #[test]
    fn unifies_alef_yeh_teh() {
        assert_eq!(fold("أإآا"), "اااا");
        assert_eq!(fold("مستشفى"), "مستشفي");
        assert_eq!(fold("مدرسة"), "مدرسه");
        assert_eq!(base("مدرسة"), "مدرسة");
    }

    #[test]
    fn folds_digits_and_persian_letters() {
        assert_eq!(fold("١٩٩٢ ۲۰"), "1992 20");
        assert_eq!(fold("کی"), "كي");
        assert_eq!(fold("ھذا ڤيديو من پاكستان"), "هذا فيديو من باكستان");
    }

    #[test]
    fn invisible_direction_marks_are_dropped() {
        assert_eq!(fold("\u{202B}عبد\u{202C} ال\u{00AD}له\u{061C}"), "عبد الله");
        assert!(is_ignorable('\u{2067}'));
    }

    #[test]
    fn table_agrees_with_the_character_rules() {
        for u in 0x0600..0x0700u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let (mut b, mut f) = (String::new(), String::new());
            base_fold_into(&c.to_string(), &mut b, &mut f);
            assert_eq!(
                b,
                base_char(c).map(String::from).unwrap_or_default(),
                "U+{u:04X}"
            );
            assert_eq!(
                f,
                fold_char(c).map(String::from).unwrap_or_default(),
                "U+{u:04X}"
            );
        }
    }

    #[test]
    fn presentation_forms_read_as_the_letters_they_shape() {
        // «منتسبي المنطقة العسكرية» as a PDF leaves it: isolated, initial, medial and final
        // forms, and the lam-alef ligature.
        assert_eq!(fold("ﻣﻨﺘﺴﺒﻲ ﺍﻟﻤﻨﻄﻘﺔ ﺍﻟﻌﺴﻜﺮﻳﺔ"), "منتسبي المنطقه العسكريه");
        assert_eq!(fold("ﻻ ﺍﻷﻣﻦ ﻹﻳﺮﺍﻥ"), "لا الامن لايران");
        assert_eq!(base("ﻣﺪﺭﺳﺔ"), "مدرسة");
        assert_eq!(fold("ﷲ ﮐﯿﻒ"), "الله كيف");
        // Marks in their presentation forms are dropped like the harakat.
        assert_eq!(fold("ﻣﹸﺤﹶﻤﹼﺪ"), "محمد");
        assert_eq!(letters_in('ﻻ'), 2);
        assert_eq!(letters_in('ﻣ'), 1);
        assert_eq!(letters_in('\u{064E}'), 0);
        assert_eq!(fold_char('ﺔ'), Some('ه'));
        // The last letter of the block and the first code point after it.
        assert_eq!(presentation_letters('\u{FEFC}'), Some("لا"));
        assert_eq!(presentation_letters('\u{FEFD}'), None);
    }

    #[test]
    fn string_forms_agree_with_the_character_rules() {
        let text = "ABc 12 ١٢ قالَ إنّ «المدرسة» ستُفتح مستشفى ک ی ٱ — ü é Ä ﻣﺪﺭﺳﺔ";
        let by_char: String = text.chars().filter_map(fold_char).collect();
        assert_eq!(fold(text), by_char);
        let by_char: String = text.chars().filter_map(base_char).collect();
        assert_eq!(base(text), by_char);
    }

    #[test]
    fn phrase_spacing_does_not_matter() {
        assert_eq!(fold_phrase("  مجلس   الأمن\tالدولي "), "مجلس الامن الدولي");
    }
}
