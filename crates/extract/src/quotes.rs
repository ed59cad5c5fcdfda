//! Quotations: direct quotes in quotation marks and reported speech after speech verbs, each
//! with its speaker resolved to an entity — named after the verb, named by a title that
//! refers back («وقال الوزير الروسي»), named before the verb where the name opens its clause
//! («لكن اليماني أوضح أن»), or carried over when the verb has no expressed subject («وأضاف أن
//! …»): from the last speaker, whether or not their words were reported, or from a person
//! named right after a sentence's first verb («وبعث الرئيس … رسالة، أشار فيها إلى أن»).
//! Impersonal forms («يذكر أن») name no one.

use rasd_resources::{EntityType, VerbForm};
use rasd_text::TokenKind;

use crate::context::Ctx;
use crate::entities::Entities;
use crate::lexicon::{Lexicon, SpeechForm};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFound {
    pub speaker: Option<usize>,
    pub speaker_span: Option<(usize, usize)>,
    pub start: usize,
    pub end: usize,
    pub verb: Option<String>,
    pub direct: bool,
    /// The channel that relays the speaker's words, and the bytes naming it.
    pub via: Option<usize>,
    pub via_span: Option<(usize, usize)>,
}

fn punct<'a>(ctx: &Ctx<'a>, k: usize) -> Option<&'a str> {
    ctx.toks
        .get(k)
        .filter(|t| t.kind == TokenKind::Punct)
        .map(|t| ctx.slice(t.start, t.end))
}

/// Pairs of quotation-mark tokens (open, close). Guillemets and curly quotes pair by
/// direction; straight quotes pair in order within a paragraph.
pub(crate) fn quote_pairs(ctx: &Ctx) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut straight: Option<usize> = None;
    let mut open_curly: Vec<usize> = Vec::new();
    let mut prev_end = 0;
    for (k, t) in ctx.toks.iter().enumerate() {
        if ctx.text[prev_end..t.start].contains('\n') {
            straight = None;
            open_curly.clear();
        }
        prev_end = t.end;
        if t.kind != TokenKind::Punct {
            continue;
        }
        let mut chars = ctx.slice(t.start, t.end).chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        // A mark that both opens and closes (the straight «"») pairs with the next one.
        match (
            rasd_text::OPENING_QUOTES.contains(&c),
            rasd_text::CLOSING_QUOTES.contains(&c),
        ) {
            (true, true) => match straight.take() {
                Some(o) => pairs.push((o, k)),
                None => straight = Some(k),
            },
            (true, false) => open_curly.push(k),
            (false, true) => {
                if let Some(o) = open_curly.pop() {
                    pairs.push((o, k));
                }
            }
            (false, false) => {}
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The speech verb token `k` is, seen through «و»/«ف» and one preposition.
pub(crate) fn speech<'l>(ctx: &Ctx, lex: &'l Lexicon, k: usize) -> Option<&'l SpeechForm> {
    // «طلب عدم كشف اسمه», «في رد على سؤال»: after a preposition or «عدم» (noun-openers.txt)
    // the form as written is the verb's noun. With «و» on it, it is a verb whatever stands
    // before («التفت إلي وقال»: he turned to me and said).
    let after_opener = k
        .checked_sub(1)
        .and_then(|j| Some((ctx.toks.get(j)?, ctx.toks.get(k)?)))
        .is_some_and(|(p, t)| p.sentence == t.sentence && lex.res.noun_openers.contains(&p.norm));
    speech_form(ctx, lex, k, after_opener)
}

/// A speech verb's form or its noun at token `k`, whatever stands before it: where a
/// statement's words end, as the event rules read them («طلب عدم كشف هويته …»: what was
/// asked ends before the noun).
pub(crate) fn speech_word<'l>(ctx: &Ctx, lex: &'l Lexicon, k: usize) -> Option<&'l SpeechForm> {
    speech_form(ctx, lex, k, false)
}

/// The speech form of token `k`, read through its conjunction and, unless `conjunction_only`,
/// as written too.
fn speech_form<'l>(
    ctx: &Ctx,
    lex: &'l Lexicon,
    k: usize,
    conjunction_only: bool,
) -> Option<&'l SpeechForm> {
    let t = ctx.toks.get(k)?;
    if t.kind != TokenKind::Arabic {
        return None;
    }
    crate::context::variants(&t.norm)
        .into_iter()
        .take(2)
        .enumerate()
        .filter(|&(i, _)| !(conjunction_only && i == 0))
        .find_map(|(_, (v, _))| lex.speech.get(v.as_ref()))
}

/// Words that may stand between a verb and its subject («وقال الأحد وزير …», «قال أيضا …»).
fn skippable(ctx: &Ctx, lex: &Lexicon, k: usize) -> bool {
    let Some(t) = ctx.toks.get(k) else {
        return false;
    };
    (t.kind == TokenKind::Punct && matches!(ctx.slice(t.start, t.end), "," | "،" | "(" | ")"))
        || lex.relative.max_len(&t.norm) > 0
        || lex.res.speech_adverbs.contains(&t.norm)
}

/// The subject right after a speech verb: a title (with or without a name) or an entity.
/// `last_speaker` is whom a title with a pronoun («وأضاف سموه») may mean.
fn subject(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    after: usize,
    last_speaker: Option<usize>,
) -> Option<(Option<usize>, usize, usize)> {
    let mut k = after;
    while k < ctx.toks.len() && k < after + 3 && skippable(ctx, lex, k) {
        k += 1;
    }
    // «أوضح ذلك المدير العام للتعليم محمد المرشد», «وأضاف هذا الوزير»: the title after a
    // demonstrative is the subject, as without it.
    if ctx.in_set(&lex.res.demonstratives, k) && ents.title_at(k + 1).is_some() {
        k += 1;
    }
    if let Some(first) = ents.title_at(k) {
        // «ولي العهد صاحب السمو الملكي الأمير محمد بن سلمان»: titles in a row before one
        // name; the last of them leads to the person.
        let mut t = first;
        while t.entity.is_none() {
            match ents.title_at(t.last) {
                Some(n) => t = n,
                None => break,
            }
        }
        // The name written right after the titles: «وأوضح المتحدث الرسمي لوزارة الصحة
        // الدكتور محمد العبدالعالي» is he, whoever spoke last.
        let named_here = t
            .entity
            .is_some_and(|e| t.last > k && ents.at.get(t.last - 1) == Some(&Some(e)));
        // «وأضاف سموه»: the one who spoke last, where the pronoun's role is theirs, before
        // whoever in that role the article named last.
        if let Some(h) = ctx
            .match_at(&lex.titles, k, true)
            .filter(|h| h.value.refers_back && !named_here)
        {
            if let Some(e) =
                last_speaker.filter(|&e| h.value.refers_to(ents.found[e].role.as_deref()))
            {
                return Some((Some(e), k, first.last));
            }
        }
        if t.entity.is_none() {
            return Some(office_without_name(ctx, lex, ents, k, t.last));
        }
        return Some((t.entity, k, t.last));
    }
    let e = ents.at.get(k).copied().flatten()?;
    // «وقال لرويترز إن»: a medium behind the preposition of address is the one spoken to.
    if ents.found[e].kind == EntityType::Media && spoken_to(ctx, lex, k) {
        return None;
    }
    Some((Some(e), k, mention_end(ents, k)))
}

/// A subject that opens with an office naming no one at `k` (its titles end at `last`): «وقال
/// رئيس البلدية إن» is the mayor, not «رئيس» alone — the words of the portfolio after the
/// office belong to the subject, as an unnamed subject's would; «وقال مدير المركز الوطني
/// لمكافحة الألغام، العميد الركن أمين العقيلي، إن»: the person set off by a comma right
/// after them, a rank before his name or not, is the one who spoke.
fn office_without_name(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    k: usize,
    last: usize,
) -> (Option<usize>, usize, usize) {
    let s1 = ctx
        .sentences
        .get(ctx.toks[k].sentence)
        .map_or(ctx.toks.len(), |&(_, s1)| s1);
    let end = unnamed_subject(ctx, lex, ents, k, s1).map_or(last, |(_, b)| b.max(last));
    // The person a title or a name starting at `j` names, and where that ends.
    let per = |j: usize| {
        ents.title_at(j)
            .and_then(|t| t.entity.map(|e| (e, t.last)))
            .or_else(|| {
                ents.at[j]
                    .filter(|&e| ents.found[e].kind == EntityType::Per)
                    .map(|e| (e, mention_end(ents, j)))
            })
    };
    if end + 1 < s1 && ctx.toks[end].is_comma(ctx.text) {
        if let Some((e, b)) = per(end + 1) {
            return (Some(e), k, b);
        }
    }
    // «وقال مدير المرصد رامي عبد الرحمن»: the person named inside, whole; «وأكد وكيل وزارة
    // العمل للتفتيش وتطوير بيئة العمل الدكتور عبد الله أبو ثنين»: or a few words further, where
    // a portfolio runs past an unnamed subject's five words to the person it names.
    let further = (end..(end + 4).min(s1))
        .take_while(|&j| content_word(ctx, lex, j))
        .find_map(per);
    match (k..end).find_map(per).or(further) {
        Some((e, b)) => (Some(e), k, b.max(end)),
        None => (named_inside(ents, k, end).and_then(|(e, _)| e), k, end),
    }
}

/// The entity a pair of quotation marks encloses and nothing else: «وذكرت صحيفة "ذا صن"
/// أن», «قال لـ«الشرق الأوسط» إن» put a name between the marks, not what was said.
fn quoted_name(ents: &Entities, (o, c): (usize, usize)) -> Option<usize> {
    let e = ents.at.get(o + 1).copied().flatten()?;
    (c > o + 1 && (o + 1..c).all(|j| ents.at[j] == Some(e))).then_some(e)
}

/// A quoted phrase of at most four words: a name or a title rather than what was said.
/// Words are what spaces part: «إم.إس.إن.بي.سي» is one.
fn short_quote(ctx: &Ctx, (o, c): (usize, usize)) -> bool {
    if c <= o + 1 {
        return false;
    }
    let inside = ctx.slice(ctx.toks[o + 1].start, ctx.toks[c - 1].end);
    (1..=4).contains(&inside.split_whitespace().count())
}

/// What was said opens within a few words from token `from`: a reported-speech particle
/// («إن», «بأن») or a colon, before the sentence ends or another speech verb.
fn content_follows(ctx: &Ctx, lex: &Lexicon, from: usize, s1: usize) -> bool {
    for c in from..(from + 8).min(s1) {
        match punct(ctx, c) {
            Some(":") => return true,
            Some("." | "؟" | "?" | "!") => return false,
            Some(_) => {}
            None if ctx.in_set(&lex.complementizers, c) => return true,
            None if speech(ctx, lex, c).is_some() => return false,
            None => {}
        }
    }
    false
}

/// A preposition of address standing alone («قال مسؤول لـ …»: `addressee` in
/// events/affixes.tsv), as the tatweel leaves it.
fn bare_addressee(lex: &Lexicon, norm: &str) -> bool {
    lex.res
        .affixes
        .of("addressee")
        .iter()
        .any(|(p, _)| norm == p)
}

/// One past the last token of the entity mention at token `k`.
fn mention_end(ents: &Entities, k: usize) -> usize {
    let e = ents.at[k];
    let mut last = k;
    while last < ents.at.len() && ents.at[last].is_some() && ents.at[last] == e {
        last += 1;
    }
    last
}

/// The subject before a speech verb that has none after it: a person or a body whose name
/// (with its title) opens a clause — first in the sentence, after punctuation or after a
/// particle of clause-openers.txt — and ends right before the verb or before one particle
/// («لكن أبو ريدة نفى أن», «وكان ترامب قد نفى …», «أما غاريث لي فقال إن», «مدرب المنتخب محمد
/// محروس أكد»). Not before a verb with «و» on it, which goes on with the subject of the verb
/// before it («التقى الملك الرئيس ترامب وقال»). The entity and the tokens of its subject.
fn named_before(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    s0: usize,
    k: usize,
) -> Option<(usize, usize, usize)> {
    let j = end_before_verb(ctx, lex, ents, s0, k)?.checked_sub(1)?;
    let (e, mut a) = speaker_at(ents, j, 0)?;
    // «وفي تصريح لقناة الجزيرة قال»: the one spoken to.
    if spoken_to(ctx, lex, a) {
        return None;
    }
    // The title before the name («وزير الخارجية الروسي سيرغي لافروف») is part of the subject.
    if let Some(t) = ents
        .titles
        .iter()
        .find(|t| t.entity == Some(e) && t.first < a && t.last >= a)
    {
        a = t.first;
    }
    opens_clause_at(ctx, lex, s0, a).then_some((e, a, mention_end(ents, j)))
}

/// Whether a subject starting at token `a` opens its clause: first in the sentence, after
/// punctuation or after a particle of clause-openers.txt. After any other word it may be an
/// object («على تويتر قال»).
fn opens_clause_at(ctx: &Ctx, lex: &Lexicon, s0: usize, a: usize) -> bool {
    a <= s0
        || punct(ctx, a - 1).is_some()
        || lex
            .res
            .clause_openers
            .contains(ctx.toks[a - 1].norm.as_str())
}

/// Where a subject standing before the speech verb at `k` ends: at the verb, or before one
/// particle — «قد», or after «أما …» the «ف» that answers it with a particle or a pronoun
/// («أما المنظمة فقد أشارت», «فهي أشارت»), and before a comma ahead of that «ف» after «أما».
/// None where «و»/«ف» on the verb opens a clause of its own, whose subject cannot stand
/// before it.
fn end_before_verb(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    s0: usize,
    k: usize,
) -> Option<usize> {
    let conjunction = |j: usize| lex.res.affixes.matches("conjunction", &ctx.toks[j].norm);
    if conjunction(k) && !lex.speech.contains_key(ctx.toks[k].norm.as_str()) {
        return None;
    }
    let answer = |j: usize| lex.res.affixes.strip("answer", &ctx.toks[j].norm);
    // A function word inside a name is a word of the name.
    let particle = |j: usize| {
        ents.at[j].is_none()
            && ((ctx.in_set(&lex.function_words, j) && !conjunction(j))
                || answer(j).is_some_and(|w| lex.function_words.contains(w)))
    };
    let end = if k > s0 && particle(k - 1) { k - 1 } else { k };
    // «وأما الرئيس الفرنسي إيمانويل ماكرون، فقد قال»: the «ف» that answers «أما»
    // (answered-openers.txt) may stand after a comma, which ends the subject as well.
    Some(
        if end > s0 + 1
            && answer(end).is_some()
            && ctx.toks[end - 1].is_comma(ctx.text)
            && (s0..end - 1).any(|j| ctx.in_set(&lex.res.answered_openers, j))
        {
            end - 1
        } else {
            end
        },
    )
}

/// «بل إن قائد الحرس الثوري قال إن», «لكن الحكومة الجديدة أكدت أن»: after a particle of
/// clause-openers.txt, the words up to the verb (or up to one function word such as «قد»
/// before it) are the particle's noun, the verb's subject — named or not, read as a subject
/// after the verb would be. At most five words, none a function word, a particle or a verb
/// of speech. The speaker it names or stands for, and its token range.
fn subject_after_opener(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    (s0, k): (usize, usize),
    last_speaker: Option<usize>,
) -> Option<(Option<usize>, usize, usize)> {
    let end = end_before_verb(ctx, lex, ents, s0, k)?;
    let word = |j: usize| {
        content_word(ctx, lex, j)
            && !lex.res.clause_openers.contains(ctx.toks[j].norm.as_str())
            && lex.relative.max_len(&ctx.toks[j].norm) == 0
    };
    let mut a = end;
    while a > s0 && end - a < 5 && word(a - 1) {
        a -= 1;
    }
    let opener = a.checked_sub(1).filter(|&o| o >= s0)?;
    let opens = |j: usize| lex.res.clause_openers.contains(ctx.toks[j].norm.as_str());
    // A particle that also opens reported speech («أن») opens a verb as often as a noun
    // («أن تواجه دعوى», «لا يمكن أن نتقبل»): it has a noun after it only after another
    // particle («بل إن قائد …», «إلا أن الحكومة …»).
    let noun_follows = !ctx.in_set(&lex.complementizers, opener)
        || opener.checked_sub(1).is_some_and(|p| p >= s0 && opens(p));
    if a == end || !opens(opener) || !noun_follows || spoken_to(ctx, lex, a) {
        return None;
    }
    // «كانت المملكة المغربية قالت»: a place named whole is its government speaking, not a
    // noun that stands for the last speaker.
    let whole = ents.at[a].filter(|&e| (a..end).all(|j| ents.at[j] == Some(e)));
    let e = whole.or_else(|| unnamed_speaker(ctx, lex, ents, (a, end), last_speaker).0);
    Some((e, a, end))
}

/// «بل إن قائد الحرس الثوري قال إن», «وكان المتحدث باسم الوزارة قد أعلن أن»: an office
/// that opens its clause right before a speech verb (or before one function word such as
/// «قد») is the verb's subject, as it would be after the verb. The person it names, if any,
/// and its token range.
fn title_before(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    s0: usize,
    k: usize,
) -> Option<(Option<usize>, usize, usize)> {
    let end = end_before_verb(ctx, lex, ents, s0, k)?;
    let title_ending = |at: usize| {
        ents.titles
            .iter()
            .rev()
            .find(|t| t.last == at && t.first >= s0)
    };
    // «قائد الحرس الثوري قال»: an office of the body named right before the verb speaks for
    // that body, as it does after the verb.
    let body = end
        .checked_sub(1)
        .and_then(|j| speaker_at(ents, j, s0))
        .and_then(|(e, a)| Some((Some(e), title_ending(a).filter(|t| t.entity.is_none())?)));
    let (e, t) = body.or_else(|| title_ending(end).map(|t| (t.entity, t)))?;
    if spoken_to(ctx, lex, t.first) || !opens_clause_at(ctx, lex, s0, t.first) {
        return None;
    }
    Some((e, t.first, end))
}

/// «كارمن سليمان، التي أكدت أنها»: a speech verb right after a relative pronoun
/// (relative-pronouns.txt) has for subject the person or body named right before the pronoun,
/// a comma between them or not: the entity, where its mention starts and ends.
fn relative_antecedent(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    s0: usize,
    k: usize,
) -> Option<(usize, usize, usize)> {
    let pronoun = k.checked_sub(1).filter(|&p| p > s0)?;
    if !ctx.in_set(&lex.res.relative_pronouns, pronoun) {
        return None;
    }
    let mut j = pronoun - 1;
    if ctx.toks[j].is_comma(ctx.text) {
        j = j.checked_sub(1).filter(|&j| j >= s0)?;
    }
    let (e, a) = speaker_at(ents, j, s0)?;
    Some((e, a, mention_end(ents, j)))
}

/// The person or body (one who can speak) named at token `j`, and the first token of that
/// mention, not before `floor`.
fn speaker_at(ents: &Entities, j: usize, floor: usize) -> Option<(usize, usize)> {
    let e = ents.at[j]?;
    if !matches!(
        ents.found[e].kind,
        EntityType::Per | EntityType::Org | EntityType::Media
    ) {
        return None;
    }
    let mut a = j;
    while a > floor && ents.at[a - 1] == Some(e) {
        a -= 1;
    }
    Some((e, a))
}

/// Whether token `j` is part of a name or of a title.
fn names_someone(ents: &Entities, j: usize) -> bool {
    ents.at[j].is_some() || ents.in_title(j)
}

/// Where a sentence's verb stands if it opens the sentence: its first word, the word after
/// one or two particles («ولم تعلن», «وكان ترامب»), a speech verb among them excepted, or the
/// word after a short opening phrase set off by a comma («من جانبه، ورفع …», «وفي الأثناء،
/// أبلغ …») that names no one and reports no speech.
fn first_word(ctx: &Ctx, lex: &Lexicon, ents: &Entities, s0: usize, s1: usize) -> usize {
    let comma = (s0 + 1..s1.min(s0 + 4)).find(|&c| ctx.toks[c].is_comma(ctx.text));
    if let Some(c) = comma.filter(|&c| {
        c + 1 < s1 && (s0..c).all(|j| speech(ctx, lex, j).is_none() && !names_someone(ents, j))
    }) {
        return c + 1;
    }
    let mut j = s0;
    while j < s1.min(s0 + 2) && ctx.in_set(&lex.function_words, j) && speech(ctx, lex, j).is_none()
    {
        j += 1;
    }
    j
}

/// The person or body named right after a sentence's first verb when that verb reports no
/// speech: «وبعث الرئيس الروسي فلاديمير بوتين رسالة …، أشار فيها إلى أن», «وكان ترامب
/// اقترح …، مؤكداً أن», «أما غاريث لي فقال». A later speech verb with no subject of its own
/// means them. Places are left out: after a verb they are more often where than who.
fn opening_subject(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    j: usize,
    s1: usize,
    last_speaker: Option<usize>,
) -> Option<usize> {
    let word = ctx.toks.get(j).filter(|_| j + 1 < s1)?;
    let verb_like = word.kind == TokenKind::Arabic
        && !word.norm.starts_with("ال")
        && speech(ctx, lex, j).is_none()
        && !names_someone(ents, j);
    if !verb_like {
        return None;
    }
    let e = subject(ctx, lex, ents, j + 1, last_speaker)?.0?;
    matches!(
        ents.found[e].kind,
        EntityType::Per | EntityType::Org | EntityType::Media
    )
    .then_some(e)
}

/// A person or a body named inside an unnamed subject (tokens `a..b`): «كشفت تصريحات لوزير
/// الدفاع الفرنسي جان إيف لودريان عن أن» — Le Drian spoke. The speaker and one past the last
/// token that names it.
fn named_inside(ents: &Entities, a: usize, b: usize) -> Option<(Option<usize>, usize)> {
    ents.titles
        .iter()
        .find(|t| t.first > a && t.first < b && t.entity.is_some())
        .map(|t| (t.entity, t.last))
        .or_else(|| {
            (a..b).find_map(|j| {
                let e = ents.at[j]?;
                matches!(
                    ents.found[e].kind,
                    EntityType::Per | EntityType::Org | EntityType::Media
                )
                .then(|| (Some(e), mention_end(ents, j)))
            })
        })
}

/// Who an unnamed subject (tokens `a..b`) is: a person or body named inside it, else the one
/// it refers back to. The speaker and one past the last token that names it.
fn unnamed_speaker(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    (a, b): (usize, usize),
    last_speaker: Option<usize>,
) -> (Option<usize>, usize) {
    named_inside(ents, a, b).unwrap_or((refers_back(ctx, lex, ents, a, b, last_speaker), b))
}

/// The subject standing before a speech verb at token `k`: a name that opens its clause, or
/// the one a relative pronoun right before the verb stands for.
fn subject_before(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    s0: usize,
    k: usize,
) -> Option<(usize, usize, usize)> {
    named_before(ctx, lex, ents, s0, k).or_else(|| relative_antecedent(ctx, lex, ents, s0, k))
}

/// A subject after a speech verb that names no entity: an unnamed source («قال مسؤول أمني
/// إن», «وأشارت مصادر مصرية وفرنسية إلى أن», «وقال بيان للشركة إن») or a person the
/// entity layer missed. Up to five words, ending before what opens the content, a function
/// word, a date word or punctuation — or after a preposition and the body the source belongs
/// to. Its token range.
fn unnamed_subject(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    after: usize,
    s1: usize,
) -> Option<(usize, usize)> {
    let mut first = after;
    while first < s1 && first < after + 3 && skippable(ctx, lex, first) {
        first += 1;
    }
    // «وأضاف هذا المسؤول أن», «وقالت هذه المصادر»: a demonstrative opens the subject before
    // a definite noun of someone who speaks — an office, an actor (events/agents.tsv), a
    // source, people in the plural. Before another noun it is what was said or done («نفى
    // هذه الاتهامات», «أعلنت هذه المنطقة»). Rare enough to look the actors up one by one.
    let speaks = |j: usize| {
        let w = &ctx.toks[j].norm;
        content_word(ctx, lex, j)
            && w.strip_prefix("ال").is_some_and(|n| {
                lex.res.group_subjects.contains(n)
                    || lex.res.affixes.matches("nominative", w)
                    || ctx.match_at(&lex.titles, j, true).is_some()
                    || lex.res.event_agents.iter().any(|(a, _)| a == n || a == w)
            })
    };
    let k = if ctx.in_set(&lex.res.demonstratives, first) && first + 1 < s1 && speaks(first + 1) {
        first + 1
    } else {
        first
    };
    // «وقالت والدة الطفلين لـ”جيو” إن»: the subject ends before the one spoken to, even
    // where the marks around the name do not pair.
    let part = |j: usize| {
        j < s1
            && content_word(ctx, lex, j)
            && !bare_addressee(lex, &ctx.toks[j].norm)
            && (j == k || !medium_spoken_to(ctx, lex, j))
            && lex.relative.max_len(&ctx.toks[j].norm) == 0
    };
    if !part(k) || spoken_to(ctx, lex, k) {
        return None;
    }
    let mut last = k + 1;
    while last < k + 5 && part(last) {
        last += 1;
    }
    // «مصدر في الشرطة العراقية»: a preposition and the body the source belongs to.
    if last + 1 < s1
        && ctx.in_set(&lex.function_words, last)
        && !ctx.in_set(&lex.complementizers, last)
        && ents.at[last + 1].is_some()
    {
        last = mention_end(ents, last + 1).min(s1);
    }
    Some((first, last))
}

/// Whether token `j` may be a word of a subject: an Arabic word that is no function word, no
/// particle opening what was said and no speech verb.
fn content_word(ctx: &Ctx, lex: &Lexicon, j: usize) -> bool {
    ctx.toks[j].kind == TokenKind::Arabic
        && !ctx.in_set(&lex.function_words, j)
        && !ctx.in_set(&lex.complementizers, j)
        && speech(ctx, lex, j).is_none()
}

/// «وقال للصحفيين إن», «وأضاف لوكالة فرانس برس أن», «قال لرويترز»: the one spoken to stands
/// where a subject would — behind the preposition of address (`addressee` in
/// events/affixes.tsv), a definite word (the article's alef drops after «ل»: «للصحفيين»), a
/// medium's noun (entity-triggers.tsv) or a medium's name (`medium_spoken_to`) — and no
/// subject follows.
fn spoken_to(ctx: &Ctx, lex: &Lexicon, k: usize) -> bool {
    lex.res
        .affixes
        .strip("addressee", &ctx.toks[k].norm)
        .is_some()
        && (crate::context::preposition_with_article(&ctx.toks[k].norm).is_some()
            || medium_spoken_to(ctx, lex, k))
}

/// A medium behind the preposition of address at token `k`: its noun («لوكالة») or its name
/// in the gazetteer, of one word or more («لرويترز», «لفرانس برس», «لبي بي سي», where the
/// name's first word is too short for the clitic to be seen through everywhere).
fn medium_spoken_to(ctx: &Ctx, lex: &Lexicon, k: usize) -> bool {
    let norm = &ctx.toks[k].norm;
    let Some(rest) = lex.res.affixes.strip("addressee", norm) else {
        return false;
    };
    let stripped = norm.chars().count() - rest.chars().count();
    let media = |e: &usize| lex.res.entities[*e].kind == EntityType::Media;
    lex.triggers
        .get(rest)
        .is_some_and(|t| t.kind == EntityType::Media)
        || ctx
            .match_form(&lex.gazetteer, k, rest, stripped)
            .is_some_and(|h| h.value.iter().any(media))
}

/// The person a definite subject of a word or two refers back to («وتابع المسؤول الكردي»,
/// «وأضاف المتحدث»): the last speaker, when that is a person and the words name no body
/// («وذكرت الوزارة» is the ministry), or a body the word names by its first noun («وأضاف
/// المرصد» after the observatory spoke). An indefinite subject («مسؤول أمني») is someone new.
fn refers_back(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    a: usize,
    b: usize,
    last_speaker: Option<usize>,
) -> Option<usize> {
    // «وأضاف هذا المسؤول» refers back as «وأضاف المسؤول» does.
    let a = if ctx.in_set(&lex.res.demonstratives, a) && a + 1 < b {
        a + 1
    } else {
        a
    };
    // «قال المشككون في الاتحاد», «وقال التقرير»: a group or a document (group-subjects.txt)
    // is never the one who spoke last.
    let noun = &ctx.toks[a].norm;
    let definite = b - a <= 2
        && (a..b).all(|j| ctx.toks[j].norm.starts_with("ال"))
        && !lex.res.affixes.matches("nominative", noun)
        && !noun
            .strip_prefix("ال")
            .is_some_and(|w| lex.res.group_subjects.contains(w));
    // «الشركة», «الوزارة»: the noun that introduces such bodies, made definite.
    let noun_trigger = ctx.toks[a]
        .norm
        .strip_prefix("ال")
        .and_then(|n| lex.triggers.get(n))
        .filter(|t| !t.needs_nationality);
    let body = ctx.match_at(&lex.triggers, a, true).is_some() || noun_trigger.is_some();
    // «وقال المرصد السوري لحقوق الإنسان … وأضاف المرصد»: a body named again by the first
    // noun of its name.
    let head = |s: &str| s.strip_prefix("ال").unwrap_or(s).to_string();
    let same_body = |e: usize| {
        let f = &ents.found[e];
        matches!(f.kind, EntityType::Org | EntityType::Media)
            && b == a + 1
            && rasd_text::fold_phrase(&f.canonical)
                .split(' ')
                .next()
                .is_some_and(|w| head(w) == head(&ctx.toks[a].norm))
    };
    last_speaker
        .filter(|&e| definite && ((!body && ents.found[e].kind == EntityType::Per) || same_body(e)))
        .or_else(|| {
            // «ذكرت صحيفة "كوميرسانت" … وقالت الصحيفة», «أعلنت أرامكو … وقالت الشركة»: the body
            // of that kind the article named last, by the noun that introduces such bodies
            // (entity-triggers.tsv) and its sector, or by the first noun of its name. Media
            // have no sectors, and an article names few: else the last one named is meant.
            let trig = noun_trigger.filter(|_| b == a + 1)?;
            let before = ctx.toks[a].start;
            crate::entities::last_named_before(ents, before, |e, f| {
                f.kind == trig.kind
                    && (same_body(e) || (trig.sector.is_some() && f.sector == trig.sector))
            })
            .or_else(|| {
                (trig.kind == EntityType::Media)
                    .then(|| {
                        crate::entities::last_named_before(ents, before, |_, f| {
                            f.kind == EntityType::Media
                        })
                    })
                    .flatten()
            })
        })
}

/// Whether token `n` is a speech verb's noun with a pronoun on it («قوله», «تأكيدها») or
/// the article («ونقلت عنه القول»).
pub(crate) fn speech_noun(ctx: &Ctx, lex: &Lexicon, n: usize) -> bool {
    let w = &ctx.toks[n].norm;
    lex.res
        .affixes
        .strip("possessive", w)
        .or_else(|| w.strip_prefix("ال"))
        .is_some_and(|w| lex.speech_nouns.contains(w))
}

/// Who is named from token `from` on, not past `bound`: a title or an entity, a name between
/// quotation marks («"رويترز"»), or an unnamed subject — the person or body inside it, or
/// the one it refers back to. The entity, if any, and its tokens.
fn named_from(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    pairs: &[(usize, usize)],
    from: usize,
    bound: usize,
    last_speaker: Option<usize>,
) -> Option<(Option<usize>, usize, usize)> {
    if let Some(s) = subject(ctx, lex, ents, from, last_speaker).filter(|&(_, _, b)| b <= bound) {
        return Some(s);
    }
    if let Some(e) = pairs
        .iter()
        .find(|&&(o, c)| o == from && c < bound)
        .and_then(|&p| quoted_name(ents, p))
    {
        return Some((Some(e), from + 1, mention_end(ents, from + 1)));
    }
    let (a, b) = unnamed_subject(ctx, lex, ents, from, bound)?;
    // «وكالة "يونهاب"», «شركة "يوانتا سيكيوريتيز"»: a noun and the name it introduces.
    if let Some(&(o, c)) = pairs
        .iter()
        .find(|&&(o, c)| o == b && c < bound && short_quote(ctx, (o, c)))
    {
        return Some((quoted_name(ents, (o, c)), a, c + 1));
    }
    let (e, last) = unnamed_speaker(ctx, lex, ents, (a, b), last_speaker);
    Some((e, a, last.max(b)))
}

/// Whether token `j` is inside a name: an entity's, or a short phrase between quotation marks
/// (`pairs`, [`quote_pairs`]) such as «"سي.إن.بي.سي"», whose full stops and «إن» are letters.
pub(crate) fn in_a_name(ctx: &Ctx, ents: &Entities, pairs: &[(usize, usize)], j: usize) -> bool {
    ents.at[j].is_some()
        || pairs
            .iter()
            .any(|&(o, c)| o < j && j < c && short_quote(ctx, (o, c)))
}

/// The preposition (`prep`, folded) of the relaying verb at token `k`, before what was said
/// opens: its token, and whether a pronoun is on it («عنه»). `in_name` tells the tokens of
/// names, where a full stop or «إن» is a letter of an abbreviation («سي.إن.إن»).
pub(crate) fn relay_preposition(
    ctx: &Ctx,
    lex: &Lexicon,
    (k, s1): (usize, usize),
    prep: &str,
    in_name: impl Fn(usize) -> bool,
) -> Option<(usize, bool)> {
    let j = (k + 1..(k + 12).min(s1))
        .take_while(|&j| {
            punct(ctx, j) != Some(":")
                && (in_name(j) || !ctx.in_set(&lex.complementizers, j))
                && speech(ctx, lex, j).is_none()
        })
        .find(|&j| {
            let n = ctx.toks[j].norm.as_str();
            !in_name(j) && (n == prep || lex.res.affixes.strip("possessive", n) == Some(prep))
        })?;
    Some((j, ctx.toks[j].norm != prep))
}

/// The speaker and the channel of a verb that relays another's words (`from=` in
/// speech-verbs.tsv).
struct Relayed {
    source: Option<usize>,
    /// The tokens naming the speaker; none where a pronoun means the last speaker.
    source_toks: Option<(usize, usize)>,
    channel: Option<usize>,
    channel_toks: Option<(usize, usize)>,
    /// Where what was said may begin.
    after: usize,
}

/// «ونقلت وكالة إنترفاكس الروسية للأنباء عن وزير الخارجية الروسي سيرغي لافروف قوله إن»,
/// «نقلت "رويترز" عن مصدر مطلع أن», «وقالت الصحيفة، نقلا عن مصادر، إن»: the one whose
/// words they are is named after the verb's preposition (`prep`, folded), the verb's subject
/// — or for a participle, the sentence's speaker — is the channel. A pronoun on the
/// preposition («كما نقلت عنه وكالة تاس») means `carried`, the last speaker. A channel
/// named before the verb counts as one after it («وكانت وكالة "سانا" نقلت عن مصدر عسكري»,
/// «بحسب الصحيفة التي نقلت عن»). None where the preposition does not come before what was
/// said, or names no one.
#[allow(clippy::too_many_arguments)]
fn relayed(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    pairs: &[(usize, usize)],
    (s0, k, s1): (usize, usize, usize),
    prep: &str,
    carried: Option<usize>,
    participle: bool,
) -> Option<Relayed> {
    let (j, pronoun) =
        relay_preposition(ctx, lex, (k, s1), prep, |j| in_a_name(ctx, ents, pairs, j))?;
    let mut first = k + 1;
    while first < j && skippable(ctx, lex, first) {
        first += 1;
    }
    let mut channel = (first < j)
        .then(|| named_from(ctx, lex, ents, pairs, first, j, carried))
        .flatten()
        .map(|(e, a, b)| (e, Some((a, b))));
    if channel.is_none() && participle {
        channel = Some((carried, None));
    }
    // «عن مصدر مطلع قوله إن», «ونقل عنه قوله»: the verb's noun ends the name before it.
    let noun = (j + 1..(j + 12).min(s1)).find(|&n| speech_noun(ctx, lex, n));
    let bound = noun.unwrap_or(s1);
    if pronoun {
        // «سيرخيو بوسكيتس، والذي نقلت عنه "ديلي ميل" قوله»: the one the relative pronoun
        // stands for, before the last speaker.
        let source = relative_antecedent(ctx, lex, ents, s0, k)
            .map(|(e, _, _)| e)
            .or(carried);
        // The channel may follow the pronoun: «كما نقلت عنه وكالة تاس».
        let mut after = noun.map_or(j + 1, |n| n + 1);
        if channel.is_none() {
            channel = named_from(ctx, lex, ents, pairs, j + 1, bound, None).map(|(e, a, b)| {
                after = b;
                (e, Some((a, b)))
            });
        }
        let (channel, channel_toks) = channel.unwrap_or((None, None));
        return Some(Relayed {
            source,
            source_toks: None,
            channel: channel.filter(|&c| Some(c) != source),
            channel_toks,
            after,
        });
    }
    let (source, a, b) = named_from(ctx, lex, ents, pairs, j + 1, bound, carried)?;
    if channel.is_none() {
        channel = subject_before(ctx, lex, ents, s0, k).map(|(e, a, b)| (Some(e), Some((a, b))));
    }
    let (channel, channel_toks) = channel.unwrap_or((None, None));
    Some(Relayed {
        source,
        source_toks: Some((a, b)),
        channel: channel.filter(|&c| Some(c) != source),
        channel_toks,
        after: noun.map_or(b, |n| n + 1),
    })
}

fn trim_span(ctx: &Ctx, mut s: usize, mut e: usize) -> (usize, usize) {
    let t = ctx.text;
    while s < e
        && t[s..e]
            .starts_with(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | ':' | '-' | '–'))
    {
        s += t[s..].chars().next().map(char::len_utf8).unwrap_or(1);
    }
    while e > s
        && t[..e].ends_with(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '،' | '.' | ':' | ';' | '؛')
        })
    {
        e -= t[..e].chars().next_back().map(char::len_utf8).unwrap_or(1);
    }
    (s, e)
}

/// A reported clause that runs into a quotation it does not close («قال: «الوقت الحالي …» with
/// the closing mark sentences later, «… هلا في محبوبي»» with the opening one before the
/// verb) keeps the words, not the stray mark at its edge. A mark is stray where the span holds
/// more marks of its kind that open than close (or an odd number of «"»).
fn without_stray_marks(t: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let excess = |s: usize, e: usize, i: usize| -> i32 {
        let (o, c) = (rasd_text::OPENING_QUOTES[i], rasd_text::CLOSING_QUOTES[i]);
        if o == c {
            (t[s..e].matches(o).count() % 2) as i32
        } else {
            t[s..e].matches(o).count() as i32 - t[s..e].matches(c).count() as i32
        }
    };
    let kind = |ch: char| {
        (0..rasd_text::OPENING_QUOTES.len())
            .find(|&i| rasd_text::OPENING_QUOTES[i] == ch || rasd_text::CLOSING_QUOTES[i] == ch)
    };
    if let Some(ch) = t[s..e].chars().next() {
        if let Some(i) = kind(ch) {
            let opens = rasd_text::OPENING_QUOTES[i] == ch;
            let x = excess(s, e, i);
            if (opens && x > 0) || (!opens && x < 0) {
                s += ch.len_utf8();
            }
        }
    }
    if let Some(ch) = t[s..e].chars().next_back() {
        if let Some(i) = kind(ch) {
            let closes = rasd_text::CLOSING_QUOTES[i] == ch;
            let x = excess(s, e, i);
            let same = rasd_text::OPENING_QUOTES[i] == rasd_text::CLOSING_QUOTES[i];
            if (closes && (x < 0 || (same && x > 0))) || (!closes && x > 0) {
                e -= ch.len_utf8();
            }
        }
    }
    (s, e)
}

pub fn extract(ctx: &Ctx, lex: &Lexicon, ents: &Entities) -> Vec<QuoteFound> {
    let pairs = quote_pairs(ctx);
    let mut out: Vec<QuoteFound> = Vec::new();
    let mut last_speaker: Option<usize> = None;
    let mut used_pairs = vec![false; pairs.len()];

    for &(s0, s1) in &ctx.sentences {
        let mut k = s0;
        let mut sentence_speaker: Option<usize> = None;
        // Whether a speech verb of this sentence has had a subject of its own, named or not:
        // a participle after it continues that subject, not an earlier sentence's speaker.
        let mut sentence_subject = false;
        let opening = first_word(ctx, lex, ents, s0, s1);
        if let Some(e) = opening_subject(ctx, lex, ents, opening, s1, last_speaker) {
            last_speaker = Some(e);
        }
        while k < s1 {
            let Some(verb) = speech(ctx, lex, k) else {
                k += 1;
                continue;
            };
            let SpeechForm {
                ref lemma,
                form,
                other_word,
                ref from,
                ..
            } = *verb;
            // A verb with no subject of its own continues the last speaker only where it opens
            // a clause — first in the sentence, after punctuation, or with «و»/«ف» on it
            // («… . وأضاف أن …»); after «قد» or a noun («وكان الإعلام الفرنسي قد أشار») its
            // subject stands before it, and is someone else.
            let opens_clause = k == s0
                || punct(ctx, k - 1).is_some()
                || !lex.speech.contains_key(ctx.toks[k].norm.as_str());
            let relay = from.as_deref().and_then(|prep| {
                let carried = sentence_speaker.or(last_speaker);
                let participle = form == VerbForm::Participle;
                relayed(
                    ctx,
                    lex,
                    ents,
                    &pairs,
                    (s0, k, s1),
                    prep,
                    carried,
                    participle,
                )
            });
            // «نقل», «تنقل» are more often to carry or move («نقل السفارة الأميركية إلى
            // القدس», «سفينة تنقل حمولة»): forms that are also another word relay only with
            // their preposition.
            if verb.relays_only_with_preposition() && relay.is_none() {
                k += 1;
                continue;
            }
            let subj = match form {
                _ if relay.is_some() => None,
                VerbForm::Participle => None,
                _ => subject(ctx, lex, ents, k + 1, last_speaker),
            };
            // «ويذكر مراقبون أن»: an impersonal form with a subject is the active verb.
            let form = match form {
                VerbForm::Impersonal
                    if subj.is_some() || unnamed_subject(ctx, lex, ents, k + 1, s1).is_some() =>
                {
                    VerbForm::Finite
                }
                f => f,
            };
            let named_subject = subj.is_some_and(|(e, _, _)| e.is_some())
                || relay.as_ref().is_some_and(|r| r.source.is_some());
            let span = |(a, b): (usize, usize)| (ctx.toks[a].start, ctx.toks[b - 1].end);
            let (speaker, speaker_span, after) = match (&relay, form) {
                (Some(r), _) => (r.source, r.source_toks.map(span), r.after),
                (None, VerbForm::Finite) => match subj {
                    Some((e, a, b)) => (e, Some(span((a, b))), b),
                    None => match unnamed_subject(ctx, lex, ents, k + 1, s1) {
                        Some((a, b)) => {
                            let (e, last) = unnamed_speaker(ctx, lex, ents, (a, b), last_speaker);
                            (e, Some(span((a, last))), last.max(b))
                        }
                        None => match subject_before(ctx, lex, ents, s0, k) {
                            Some((e, a, b)) => (Some(e), Some(span((a, b))), k + 1),
                            None => match title_before(ctx, lex, ents, s0, k).or_else(|| {
                                subject_after_opener(ctx, lex, ents, (s0, k), last_speaker)
                            }) {
                                Some((e, a, b)) => (e, Some(span((a, b))), k + 1),
                                None if opens_clause => (last_speaker, None, k + 1),
                                None => (None, None, k + 1),
                            },
                        },
                    },
                },
                // «يذكر أن …»: no one said it; nor does it continue whoever spoke before.
                (None, VerbForm::Impersonal) => (None, None, k + 1),
                (None, VerbForm::Participle) if sentence_subject => (sentence_speaker, None, k + 1),
                (None, VerbForm::Participle) => (sentence_speaker.or(last_speaker), None, k + 1),
            };
            // A name between quotation marks right after the subject: the outlet speaking
            // («وذكرت صحيفة "ذا صن" أن»: the subject is the noun before it) or the one
            // spoken to («قال مسؤول لـ«الشرق الأوسط» إن», «وأكد لقناة "العربية" أن»: after
            // «ل»). Either way what was said comes after it.
            let (mut speaker, mut speaker_span, mut after) = (speaker, speaker_span, after);
            let first = k + 1;
            // The subject ends before a bare «لـ»; what follows it is read as after «لـ».
            if form == VerbForm::Finite && after < s1 && bare_addressee(lex, &ctx.toks[after].norm)
            {
                after += 1;
            }
            // «قال لـ"العربية.نت" إن»: after a bare preposition of address (`addressee` in
            // events/affixes.tsv) a short quoted phrase is the one spoken to, even a name the
            // entity layer does not know.
            let addressee = |bare: bool| {
                after > first && {
                    let w = ctx.toks[after - 1].norm.as_str();
                    bare_addressee(lex, w) || (!bare && lex.res.affixes.matches("addressee", w))
                }
            };
            let after_to = |(o, cl): (usize, usize)| addressee(true) && cl > o + 1 && cl <= o + 5;
            if let Some((pi, name)) = (form == VerbForm::Finite && relay.is_none())
                .then(|| pairs.iter().position(|&(o, _)| o == after))
                .flatten()
                .and_then(|pi| {
                    let name = quoted_name(ents, pairs[pi]);
                    (name.is_some() || after_to(pairs[pi])).then_some((pi, name))
                })
            {
                let (_, cl) = pairs[pi];
                let spoken_to = addressee(false);
                let outlet_noun = name.is_some()
                    && after == first + 1
                    && ctx
                        .match_at(&lex.triggers, first, false)
                        .is_some_and(|h| h.last == after && h.value.kind == EntityType::Media);
                if spoken_to {
                    let last = after - 1;
                    if last > first {
                        speaker_span = Some((ctx.toks[first].start, ctx.toks[last - 1].end));
                    } else {
                        speaker = if opens_clause { last_speaker } else { None };
                        speaker_span = None;
                    }
                } else if outlet_noun {
                    speaker = name;
                    speaker_span = Some((ctx.toks[first].start, ctx.toks[cl].end));
                }
                if spoken_to || outlet_noun {
                    used_pairs[pi] = true;
                    after = cl + 1;
                }
            }
            // «نقلت» without its preposition reports speech only with a subject that names
            // someone («ونقلت وكالة السودان للأنباء أن», «ونقلت الصحيفة أن») or with what was
            // said right after its subject («ونقلت وسائل إعلام فرنسية أن»): it is also to carry
            // or move («ونقلت إلى المستشفى، حيث …»).
            let loose = from.is_some()
                && relay.is_none()
                && !named_subject
                && !(speaker.is_some() && speaker_span.is_some());
            // Find what was said: a reported clause, or a quotation in marks.
            let mut limit = (after + 15).min(s1);
            let mut found = None;
            let mut c = after;
            while c < limit {
                if let Some(p) = punct(ctx, c) {
                    if let Some(pi) = pairs.iter().position(|&(o, _)| o == c) {
                        // Right after the subject (and a comma) it is what was said; further
                        // on, a short quoted phrase is a title or a name («رواية "فاطمة
                        // الجندول"»), so it must be a sentence's worth of words.
                        let near = (after..c).all(|x| punct(ctx, x).is_some());
                        let (o, cl) = pairs[pi];
                        let named = quoted_name(ents, (o, cl)).is_some()
                            || (form == VerbForm::Finite
                                && short_quote(ctx, (o, cl))
                                && content_follows(ctx, lex, cl + 1, s1));
                        if named && form == VerbForm::Finite {
                            // A name the speaker goes by («وقالت محطة "إم.إس.إن.بي.سي"
                            // التلفزيونية إن», «وقال "العالمي" في حسابه: "…"»): part of who
                            // spoke, and what was said follows.
                            if c == after {
                                speaker_span = Some(match speaker_span {
                                    Some((s, _)) => (s, ctx.toks[cl].end),
                                    // The verb's subject is the name itself.
                                    None => {
                                        speaker = quoted_name(ents, (o, cl));
                                        (ctx.toks[o + 1].start, ctx.toks[cl - 1].end)
                                    }
                                });
                            }
                            // The name's own tokens do not count against the window.
                            limit = (limit + cl + 1 - c).min(s1);
                            c = cl + 1;
                            continue;
                        }
                        if near || cl > o + 4 {
                            found = Some((true, pi, c));
                            break;
                        }
                        // The title's own words are no clause marker («"آيه.إن.زد"»).
                        c = cl + 1;
                        continue;
                    }
                    if p == ":" {
                        if let Some(pi) = pairs.iter().position(|&(o, _)| o == c + 1) {
                            found = Some((true, pi, c + 1));
                        } else {
                            found = Some((false, usize::MAX, c));
                        }
                        break;
                    }
                    if p == "." || p == "؟" || p == "?" {
                        break;
                    }
                    c += 1;
                    continue;
                }
                if ctx.in_set(&lex.complementizers, c) {
                    found = Some((false, usize::MAX, c));
                    break;
                }
                // Another speech verb first: this one has no content of its own here.
                if c > after && speech(ctx, lex, c).is_some() {
                    break;
                }
                c += 1;
            }
            // A participle later in the sentence continues this verb's subject — unless the
            // verb's form is also another word and reports nothing here («بينه وبين الرئيس …»:
            // between; `~` in speech-verbs.tsv).
            if form == VerbForm::Finite && !(other_word && found.is_none()) {
                if speaker.is_some() {
                    sentence_speaker = speaker;
                }
                if speaker_span.is_some() {
                    sentence_subject = true;
                }
            }
            // A speaker whose words are not reported here («وحذر الحمراني من نشر الشائعات»,
            // «أعرب الزياني عن استغرابه», «ونددت وحدات حماية الشعب في بيان بالقصف») is still
            // the one a later «وأكد أن …» or «مؤكداً أن …» with no subject of its own
            // continues: a name or a title right after the verb, or someone unnamed. Only where
            // the verb is the sentence's first («ولم تعلن المفوضية …»): further on it may be
            // someone else's («بين ما أشار إليه الرئيس الإيراني») or no verb at all («بينه
            // وبين الزعيم الكوري الشمالي», «"علاقة صعبة" بين البلدين»: between).
            if form == VerbForm::Finite
                && k == opening
                && found.is_none()
                && !other_word
                && speaker_span.is_some()
            {
                last_speaker = speaker.filter(|_| named_subject);
            }
            let Some((mut direct, mut pi, mut at)) =
                found.filter(|&(_, _, at)| !loose || at <= after + 1)
            else {
                k += 1;
                continue;
            };
            // «أضاف أن "…"»: a reported clause that is wholly a quotation is a direct quote.
            if !direct {
                if let Some(p) = pairs
                    .iter()
                    .position(|&(o, c)| o == at + 1 && (c + 1 >= s1 || punct(ctx, c + 1).is_some()))
                {
                    direct = true;
                    pi = p;
                    at += 1;
                }
            }
            let (start, end, next) = if direct {
                let (o, c) = pairs[pi];
                used_pairs[pi] = true;
                if c <= o + 1 {
                    k += 1;
                    continue;
                }
                (ctx.toks[o + 1].start, ctx.toks[c - 1].end, c + 1)
            } else {
                // To the end of the sentence, or to a participle that opens the next clause
                // («…، مؤكداً أن …»).
                let mut e = at + 1;
                while e < s1 {
                    // «…، مؤكداً أن …», «…، واتهم …»: a speech verb after a comma opens the
                    // next clause.
                    if e > at + 1
                        && speech(ctx, lex, e).is_some()
                        && ctx.toks[e - 1].is_comma(ctx.text)
                    {
                        break;
                    }
                    e += 1;
                }
                if e <= at + 1 {
                    k += 1;
                    continue;
                }
                (ctx.toks[at + 1].start, ctx.toks[e - 1].end, e)
            };
            let (start, end) = trim_span(ctx, start, end);
            let (start, end) = if direct {
                (start, end)
            } else {
                let (s, e) = without_stray_marks(ctx.text, start, end);
                trim_span(ctx, s, e)
            };
            if end > start {
                out.push(QuoteFound {
                    speaker,
                    speaker_span,
                    start,
                    end,
                    verb: Some(lemma.clone()),
                    direct,
                    via: relay.as_ref().and_then(|r| r.channel),
                    via_span: relay.as_ref().and_then(|r| r.channel_toks.map(span)),
                });
                if speaker.is_some() || speaker_span.is_some() {
                    // Someone unnamed speaking («قال مصدر أمني») is the one a later «وأضاف»
                    // continues, not the last named speaker.
                    last_speaker = speaker;
                    sentence_speaker = speaker;
                }
            }
            k = next.max(k + 1);
        }
    }

    // Quotations followed by their verb: «"…"، قال فلان».
    for (pi, &(o, c)) in pairs.iter().enumerate() {
        if used_pairs[pi] || c < o + 4 {
            continue;
        }
        let mut v = c + 1;
        if ctx.toks.get(v).is_some_and(|t| t.is_comma(ctx.text)) {
            v += 1;
        }
        let Some(SpeechForm {
            lemma,
            form: VerbForm::Finite,
            ..
        }) = speech(ctx, lex, v)
        else {
            continue;
        };
        let Some((e, a, b)) = subject(ctx, lex, ents, v + 1, None) else {
            continue;
        };
        let (start, end) = trim_span(ctx, ctx.toks[o + 1].start, ctx.toks[c - 1].end);
        out.push(QuoteFound {
            speaker: e,
            speaker_span: Some((ctx.toks[a].start, ctx.toks[b - 1].end)),
            start,
            end,
            verb: Some(lemma.clone()),
            direct: true,
            via: None,
            via_span: None,
        });
    }
    out.sort_by_key(|q| q.start);
    out
}
