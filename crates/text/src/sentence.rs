//! Sentence splitting over tokens.

use crate::tokenize::{Token, TokenKind};

/// Sentence boundaries as byte ranges `(start, end)` of `text`, trimmed to their first and
/// last token. A sentence ends after «. ! ? ؟ …» (with any closing quotes or brackets that
/// follow) and at every line break; a full stop after a one-letter abbreviation («د.»,
/// «أ.ف.ب») or between digits does not end one.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if let Some(s) = start {
            if text[last_end..t.start].contains('\n') {
                out.push((s, last_end));
                start = None;
            }
        }
        if start.is_none() {
            start = Some(t.start);
        }
        last_end = t.end;
        if t.kind == TokenKind::Punct && ends_sentence(text, tokens, i) {
            // Closing quotes and brackets belong to the sentence they close.
            while i + 1 < tokens.len()
                && tokens[i + 1].kind == TokenKind::Punct
                && is_closer(tokens[i + 1].text(text))
                && !text[tokens[i].end..tokens[i + 1].start].contains('\n')
            {
                i += 1;
                last_end = tokens[i].end;
            }
            if let Some(s) = start.take() {
                out.push((s, last_end));
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out
}

fn is_closer(p: &str) -> bool {
    matches!(p, "\"" | "”" | "»" | ")" | "]" | "'" | "’" | "›")
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let p = tokens[i].text(text);
    match p {
        "!" | "?" | "؟" | "…" => true,
        "." => {
            // «أ.ف.ب», «د.»: a one-letter word glued to the dot is an abbreviation.
            if i > 0 {
                let prev = tokens[i - 1];
                let glued = prev.end == tokens[i].start;
                if glued && prev.is_word() && prev.text(text).chars().count() == 1 {
                    return false;
                }
            }
            // «العربية.نت», «بي.بي.سي»: a dot between two words with no space, one of them
            // of three letters at most, is part of a name. Two long words so glued are two
            // sentences written without a space («بخير.وأضاف»).
            if let (Some(prev), Some(next)) =
                (i.checked_sub(1).map(|j| tokens[j]), tokens.get(i + 1))
            {
                let short = |t: &Token| t.text(text).chars().count() <= 3;
                if prev.end == tokens[i].start
                    && next.start == tokens[i].end
                    && prev.is_word()
                    && next.is_word()
                    && (short(&prev) || short(next))
                {
                    return false;
                }
            }
            // «...» written as dots: the last dot of the run ends the sentence.
            if let Some(next) = tokens.get(i + 1) {
                if next.start == tokens[i].end && next.text(text) == "." {
                    return false;
                }
            }
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn split(s: &str) -> Vec<&str> {
        let toks = tokenize(s);
        split_sentences(s, &toks)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn splits_on_stops_and_lines() {
        assert_eq!(
            split("قال إنه سيأتي. ثم غادر!\nسطر جديد"),
            vec!["قال إنه سيأتي.", "ثم غادر!", "سطر جديد"]
        );
    }

    #[test]
    fn keeps_closing_quote_and_abbreviations() {
        assert_eq!(
            split("وقال: \"انتهى الأمر.\" ثم ذهب. نقلت أ.ف.ب الخبر."),
            vec!["وقال: \"انتهى الأمر.\"", "ثم ذهب.", "نقلت أ.ف.ب الخبر."]
        );
        assert_eq!(split("ارتفع 2.5 بالمئة."), vec!["ارتفع 2.5 بالمئة."]);
        assert_eq!(
            split("قال لـ\"العربية.نت\" إن الأمر جيد. وأكدت بي.بي.سي ذلك."),
            vec!["قال لـ\"العربية.نت\" إن الأمر جيد.", "وأكدت بي.بي.سي ذلك."]
        );
        assert_eq!(
            split("كل شيء بخير.وأضاف أنه"),
            vec!["كل شيء بخير.", "وأضاف أنه"]
        );
    }
}
