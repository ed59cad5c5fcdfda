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
/// Quranic annotation marks, superscript alef) and for tatweel.
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
        // zero-width joiners and marks that leak into copied text
        | '\u{200B}'..='\u{200F}'
        | '\u{FEFF}'
    )
}

/// The base normalisation of one character; `None` when the character is dropped.
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
    match base_char_const(c) {
        Some(b) if b == c && c.is_uppercase() => Some(c.to_lowercase().next().unwrap_or(c)),
        other => other,
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
            t[i] = if crate::tokenize::is_arabic_letter(c) {
                1
            } else if is_ignorable(c) {
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
        } else if let Some(b) = base_char(c) {
            base.push(b);
            folded.push(fold_base(b));
        }
    }
}

/// Appends the base form of `s` to `out`.
pub fn base_into(s: &str, out: &mut String) {
    out.extend(s.chars().filter_map(base_char));
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    out.extend(s.chars().filter_map(fold_char));
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
    fn phrase_spacing_does_not_matter() {
        assert_eq!(fold_phrase("  مجلس   الأمن\tالدولي "), "مجلس الامن الدولي");
    }
}
