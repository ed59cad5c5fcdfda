//! Quantities: numbers in any digits or in words, scaled by «ألف/مليون/مليار», with their
//! unit (percent, currency, measure) or the noun they count («193 منطقة سكنية»).

use rasd_text::TokenKind;

use crate::context::{preposition_with_article, variants, Ctx};
use crate::lexicon::Lexicon;

#[derive(Debug, Clone, PartialEq)]
pub struct QuantityFound {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: Option<String>,
}

fn digits_value(s: &str) -> Option<f64> {
    // Thousands separators: «1,000», «1٬000»; decimal: «2.5», «2٫5» (folded to «.»). A lone
    // comma followed by exactly three digits is a thousands separator.
    let mut clean = String::with_capacity(s.len());
    let parts: Vec<&str> = s.split(',').collect();
    if parts.len() > 1
        && parts[1..]
            .iter()
            .all(|p| p.len() == 3 || (p.len() > 3 && p.as_bytes()[3] == b'.'))
    {
        clean.push_str(&parts.concat());
    } else {
        clean.push_str(&s.replace(',', "."));
    }
    clean.parse().ok()
}

fn word_number(lex: &Lexicon, norm: &str) -> Option<(f64, bool)> {
    variants(norm)
        .into_iter()
        .take(2)
        .find_map(|(v, _)| lex.numbers.get(v.as_ref()).copied())
}

/// Is token `k` a number, in digits or in words («20», «عشرون», «وثلاثة»)?
/// A number written in two words and listed as one («أحد عشر», «اثنتا عشرة»).
fn two_word_number(ctx: &Ctx, lex: &Lexicon, i: usize, taken: &[bool]) -> Option<f64> {
    // Their second word («عشر», «عشرة») is a number word itself: checked first, so that the
    // phrase is built only where one can stand, not for every word of the text.
    let next = ctx
        .toks
        .get(i + 1)
        .filter(|n| !taken[i + 1] && lex.numbers.contains_key(&n.norm))?;
    let phrase = format!("{} {}", ctx.toks[i].norm, next.norm);
    lex.numbers.get(&phrase).map(|&(v, _)| v)
}

pub(crate) fn is_number(ctx: &Ctx, lex: &Lexicon, k: usize) -> bool {
    ctx.toks
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Number || word_number(lex, &t.norm).is_some())
}

/// Is token `k` a noun that a number can count?
fn countable(ctx: &Ctx, lex: &Lexicon, k: usize) -> bool {
    let Some(t) = ctx.toks.get(k) else {
        return false;
    };
    t.kind == TokenKind::Arabic
        && !lex.function_words.contains(&t.norm)
        && !ctx.in_set(&lex.complementizers, k)
        && lex.months.max_len(&t.norm) == 0
        && !lex.numbers.contains_key(&t.norm)
        && !lex.speech.contains_key(&t.norm)
        && t.norm.chars().count() >= 2
        // The counted noun is indefinite and bare («38 نقطة»): a word with the article, or a
        // preposition and the article («للمسابقة»), begins a phrase of its own.
        && !t.norm.starts_with("ال")
        && preposition_with_article(&t.norm).is_none()
}

pub fn extract(ctx: &Ctx, lex: &Lexicon, taken: &[bool]) -> Vec<QuantityFound> {
    let n = ctx.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if taken[i] {
            i += 1;
            continue;
        }
        let t = &ctx.toks[i];
        let two_words = (t.kind == TokenKind::Arabic)
            .then(|| two_word_number(ctx, lex, i, taken))
            .flatten();
        let (mut value, mut last, is_digits) = match t.kind {
            TokenKind::Number => match digits_value(&t.norm) {
                Some(v) => (v, i + 1, true),
                None => {
                    i += 1;
                    continue;
                }
            },
            TokenKind::Arabic => match two_words
                .map(|v| (v, false))
                .or_else(|| word_number(lex, &t.norm))
            {
                // «واحد» and «اثنان» follow the noun they count («جانب واحد»), so alone they
                // are not a figure; larger number words precede it («أربعة محاور»).
                Some((v, false)) if v >= 3.0 => {
                    let mut v = v;
                    let mut l = if two_words.is_some() { i + 2 } else { i + 1 };
                    // «ستة عشر»: a unit and the word for ten are thirteen to nineteen.
                    if (3.0..=9.0).contains(&v)
                        && ctx.toks.get(l).is_some_and(|x| {
                            !taken[l] && lex.numbers.get(&x.norm) == Some(&(10.0, false))
                        })
                    {
                        v += 10.0;
                        l += 1;
                    }
                    // «خمسة وعشرون»: units before tens, joined by «و».
                    while let Some(next) = ctx.toks.get(l) {
                        match next.norm.strip_prefix('و').and_then(|r| lex.numbers.get(r)) {
                            Some(&(w, false)) if !taken[l] => {
                                v += w;
                                l += 1;
                            }
                            _ => break,
                        }
                    }
                    (v, l, false)
                }
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        // Scale: «20 مليون», «ثلاثة آلاف».
        if let Some((m, true)) = ctx
            .toks
            .get(last)
            .filter(|_| last < n && !taken[last])
            .and_then(|x| lex.numbers.get(&x.norm).copied())
        {
            value *= if m >= 1000.0 { m } else { 1.0 };
            last += 1;
        }
        let start = ctx.toks[i].start;
        let mut unit = None;
        if let Some(u) = ctx
            .match_at(&lex.units, last, true)
            .filter(|h| h.last <= n && !taken[h.first])
        {
            unit = Some(u.value.clone());
            last = u.last;
        } else if countable(ctx, lex, last)
            && !taken[last]
            // A year is not a count of the word after it («اتفاق 2015 وإعادة فرض …»).
            && !(is_digits && (1900.0..=2100.0).contains(&value) && value.fract() == 0.0)
            && ctx.toks[last].sentence == ctx.toks[i].sentence
        {
            let mut end = last + 1;
            // The counted noun's adjective: «منطقة سكنية», «هدنات إنسانية».
            if let Some(adj) = ctx.toks.get(end) {
                if countable(ctx, lex, end)
                    && !taken[end]
                    && (adj.norm.ends_with("يه")
                        || adj.norm.ends_with("ين")
                        || adj.norm.ends_with("يون"))
                {
                    end += 1;
                }
            }
            unit = Some(
                ctx.slice(ctx.toks[last].start, ctx.toks[end - 1].end)
                    .to_string(),
            );
            last = end;
        } else if !is_digits {
            // A number word with nothing to count is usually part of a phrase, not a figure.
            i += 1;
            continue;
        }
        // A bare four-digit number in the year range is a year, not a count.
        if is_digits && unit.is_none() && (1900.0..=2100.0).contains(&value) && value.fract() == 0.0
        {
            i = last;
            continue;
        }
        out.push(QuantityFound {
            start,
            end: ctx.toks[last - 1].end,
            value,
            unit,
        });
        i = last;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::digits_value;

    #[test]
    fn digit_forms() {
        assert_eq!(digits_value("1,000"), Some(1000.0));
        assert_eq!(digits_value("2.5"), Some(2.5));
        assert_eq!(digits_value("2,5"), Some(2.5));
        assert_eq!(digits_value("1,250,000"), Some(1_250_000.0));
    }
}
