//! Entities: gazetteer matches, people introduced by titles, quoted names after trigger
//! nouns, and later short mentions (surnames, titles) merged into the entity they refer to.

use rustc_hash::FxHashMap as HashMap;

use rasd_resources::EntityType;
use rasd_text::TokenKind;

use crate::context::{preposition_with_article, skip_letters, variants, Ctx};
use crate::lexicon::{Lexicon, TitleInfo};
use crate::tagger::Silver;

#[derive(Debug, Clone)]
pub struct Found {
    pub kind: EntityType,
    pub canonical: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub role: Option<String>,
    pub source: &'static str,
    /// Gazetteer entry, when it came from one.
    pub entry: Option<usize>,
    /// Byte spans of mentions, in text order.
    pub mentions: Vec<(usize, usize)>,
}

/// A title in the text and the person it names, when resolved («وقال الوزير الروسي» → the
/// last Russian minister mentioned).
#[derive(Debug, Clone)]
pub struct TitleRef {
    pub first: usize,
    /// One past the last token of the title, its nationality and the name after it.
    pub last: usize,
    pub entity: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Entities {
    pub found: Vec<Found>,
    /// Entity index of the mention covering each token.
    pub at: Vec<Option<usize>>,
    /// Office titles, in the order the rules found them ([`Entities::push_title`]).
    pub titles: Vec<TitleRef>,
    /// Index into `titles` of the first title starting at each token, and whether a title
    /// covers it: read at every speech verb and name, so that a long sentence full of titles
    /// does not cost a scan of all of them each time.
    title_starts: Vec<Option<usize>>,
    in_title: Vec<bool>,
    /// Each entity's canonical name folded, and folded with «عبد», «ابو» joined to the next
    /// word: what a new person's name is compared with ([`same_person`]), kept rather than
    /// folded again for every comparison.
    folded: Vec<Folded>,
    /// What the news lexicon says of each token, when it knows it: the name rules do not
    /// start or extend a person's name on a frequent word that is almost never inside one
    /// («دعم», «بسبب», «أهالي»).
    lexicon: Vec<Option<[u8; 5]>>,
    /// The topic of each sentence's passage (`resources/topics.tsv`; 0 for none, else 1 +
    /// its index), read once: the tagger, the clubs of a match report and the events read
    /// it.
    pub topics: Vec<u8>,
}

impl Entities {
    /// The news lexicon's entry for token `k` (shares of the person, place and organisation
    /// readings as buckets 0–10, then the log2 frequency), when the news knows the word.
    fn lexicon_at(&self, k: usize) -> Option<[u8; 5]> {
        self.lexicon.get(k).copied().flatten()
    }

    /// Token `k` was seen at least 256 times in the news and inside a person's name in under
    /// 5% of them.
    fn common_word(&self, k: usize) -> bool {
        self.lexicon_at(k).is_some_and(|s| s[0] == 0 && s[3] >= 9)
    }

    /// Token `k` stood inside a person's name in under a quarter of its occurrences in the
    /// news, or the news does not know it.
    fn seldom_in_names(&self, k: usize) -> bool {
        self.lexicon_at(k).is_none_or(|s| s[0] <= 2)
    }

    /// Token `k` was seen at least 16 times in the news and never inside a name: «المحامي
    /// ليتحدث», «القس وفرضت» read a verb after a title, not a name.
    fn never_a_name(&self, k: usize) -> bool {
        self.lexicon_at(k)
            .is_some_and(|s| s[..3] == [0, 0, 0] && s[3] >= 4)
    }

    /// Token `k` was seen in the news (three times at least) and inside a person's name in
    /// under 5% of them: «أبلغا» ("the two informed") after «الجيشين الروسي والسوري».
    fn never_a_person(&self, k: usize) -> bool {
        self.lexicon_at(k).is_some_and(|s| s[0] == 0)
    }

    /// The first entity that `accept` takes whose folded canonical name is `key`.
    fn named(&self, accept: impl Fn(&Found) -> bool, key: &str) -> Option<usize> {
        self.found
            .iter()
            .zip(&self.folded)
            .position(|(f, n)| n.folded == key && accept(f))
    }

    /// Renames entity `e` (a name found longer than first read).
    fn set_canonical(&mut self, e: usize, name: &str) {
        self.folded[e] = folded_forms(name);
        self.found[e].canonical = name.to_string();
    }

    fn push_title(&mut self, t: TitleRef) {
        if let Some(s) = self.title_starts.get_mut(t.first) {
            s.get_or_insert(self.titles.len());
        }
        let n = self.in_title.len();
        self.in_title[t.first.min(t.last).min(n)..t.last.min(n)].fill(true);
        self.titles.push(t);
    }

    /// The title found first among those that start at token `k`.
    pub fn title_at(&self, k: usize) -> Option<&TitleRef> {
        self.title_starts
            .get(k)
            .copied()
            .flatten()
            .and_then(|i| self.titles.get(i))
    }

    /// Token `j` is part of a title.
    pub fn in_title(&self, j: usize) -> bool {
        self.in_title.get(j).copied().unwrap_or(false)
    }

    fn add_mention(&mut self, e: usize, first: usize, last: usize, start: usize, end: usize) {
        for a in &mut self.at[first..last] {
            *a = Some(e);
        }
        self.found[e].mentions.push((start, end));
    }

    /// A new entity found by a rule (no gazetteer entry), with no mention yet.
    fn add_found(
        &mut self,
        kind: EntityType,
        canonical: String,
        (country, sector, role): (Option<String>, Option<String>, Option<String>),
        source: &'static str,
    ) -> usize {
        self.folded.push(folded_forms(&canonical));
        self.found.push(Found {
            kind,
            canonical,
            country,
            sector,
            role,
            source,
            entry: None,
            mentions: Vec::new(),
        });
        self.found.len() - 1
    }

    fn entity_for_entry(&mut self, lex: &Lexicon, idx: usize) -> usize {
        if let Some(e) = self.found.iter().position(|f| f.entry == Some(idx)) {
            return e;
        }
        let entry = &lex.res.entities[idx];
        let sector = match entry.kind {
            EntityType::Gpe | EntityType::Loc => None,
            _ => entry.attrs.get("sector").cloned(),
        };
        self.folded.push(folded_forms(&entry.canonical));
        self.found.push(Found {
            kind: entry.kind,
            canonical: entry.canonical.clone(),
            country: entry.country.clone(),
            sector,
            role: entry.attrs.get("role").cloned(),
            source: "gazetteer",
            entry: Some(idx),
            mentions: Vec::new(),
        });
        self.found.len() - 1
    }
}

fn is_open_quote(p: &str) -> bool {
    matches!(p, "\"" | "«" | "“" | "'")
}

fn is_close_quote(p: &str) -> bool {
    matches!(p, "\"" | "»" | "”" | "'")
}

/// A folded name with «عبد» and «ابو» joined to the next word, as they are written either
/// way («عبد الوهاب», «عبدالوهاب»).
fn joined(name: &str) -> String {
    name.replace("عبد ", "عبد").replace("ابو ", "ابو")
}

/// An entity's canonical name as [`same_person`] and [`Entities::named`] compare it.
#[derive(Debug)]
struct Folded {
    folded: String,
    /// `folded`, [`joined`].
    joined: String,
    /// The last word of `joined`, and the word before it.
    last: String,
    before: Option<String>,
}

fn folded_forms(canonical: &str) -> Folded {
    let folded = rasd_text::fold_phrase(canonical);
    let joined = joined(&folded);
    let mut words = joined.rsplit(' ');
    let last = words.next().unwrap_or_default().to_string();
    let before = words.next().map(str::to_string);
    Folded {
        folded,
        joined,
        last,
        before,
    }
}

/// A person already found whose name is this one, or begins or ends with it word for word;
/// else the one person whose name begins with this given name («شيرين» after «شيرين عبد
/// الوهاب»).
fn same_person(ents: &Entities, lex: &Lexicon, key: &str) -> Option<usize> {
    let key = &joined(key);
    let by_name = ents.found.iter().zip(&ents.folded).position(|(f, n)| {
        if f.kind != EntityType::Per {
            return false;
        }
        let c = &n.joined;
        // A later single word is the surname of a person already named in full; a phrase may
        // be the beginning or the end of a fuller name. The name after «بن» is the
        // father's (lineage-links.txt): «عبدالعزيز» is not «سلمان بن عبدالعزيز».
        let fathers = n
            .before
            .as_deref()
            .is_some_and(|b| lex.res.lineage_links.contains(b));
        let surname = !key.contains(' ') && n.last == *key && n.before.is_some() && !fathers;
        c == key
            || surname
            || (key.contains(' ')
                && c.starts_with(key.as_str())
                && c.as_bytes().get(key.len()) == Some(&b' '))
            || (key.contains(' ')
                && c.ends_with(key.as_str())
                && c.as_bytes().get(c.len() - key.len() - 1) == Some(&b' '))
    });
    if by_name.is_some() || key.contains(' ') || !lex.res.given_names.contains(key.as_str()) {
        return by_name;
    }
    let mut first_named = ents
        .found
        .iter()
        .zip(&ents.folded)
        .enumerate()
        .filter(|(_, (f, n))| {
            f.kind == EntityType::Per
                && n.folded
                    .split_once(' ')
                    .is_some_and(|(first, _)| first == key.as_str())
        });
    match (first_named.next(), first_named.next()) {
        (Some((e, _)), None) => Some(e),
        _ => None,
    }
}

/// «وزارة الصحة السعودية»: a one-word country name that is also a nationality adjective,
/// right after a definite word, is the adjective agreeing with it, not the country.
fn adjective_reading(ctx: &Ctx, lex: &Lexicon, first: usize, last: usize) -> bool {
    if last != first + 1 || first == 0 {
        return false;
    }
    let (t, prev) = (&ctx.toks[first], &ctx.toks[first - 1]);
    lex.nationality.get(&t.norm).is_some()
        && prev.kind == TokenKind::Arabic
        && prev.sentence == t.sentence
        && ctx.slice(prev.start, prev.end).starts_with("ال")
}

/// «معارضون سوريون», «تقدم الفرنسيون», «الجزيرة الكورية»: whether the word at `k`, which the
/// tagger read alone as a name of type `ty`, is a nationality adjective, naming a people or
/// qualifying a noun, no person and no place. The forms also written as names
/// (nationalities.tsv) may be one. Without the article: a given name («تركي»), a family name
/// («روس») or a city («كوبي»). With it, a family name only where the article has named that
/// person in full («منصور التركي» … «قال اللواء التركي»); «الملف السوري والليبي» is a file, no
/// Libyan. A conjunction joined to the word is read through («والألمان»), and a preposition
/// too, but not into a form that is also a name: «كروس» and «بروس» are Kroos and Bruce.
fn demonym(ctx: &Ctx, lex: &Lexicon, ents: &Entities, k: usize, ty: &str) -> bool {
    let norm = &ctx.toks[k].norm;
    let conjunction = lex.res.affixes.matches("conjunction", norm);
    let forms = crate::context::variants(norm);
    let Some((form, _)) = forms.iter().find(|(v, n)| {
        let name_like = lex.nationality_names.contains(v.as_ref());
        let read_off = *n == 0 || v.starts_with("ال") || !name_like || (conjunction && *n == 1);
        read_off && lex.nationality.get(v.as_ref()).is_some()
    }) else {
        return false;
    };
    let form = form.as_ref();
    !lex.nationality_names.contains(form)
        || (form.starts_with("ال") && (ty != "PER" || same_person(ents, lex, form).is_none()))
}

/// The tokens of a dotted abbreviation («بي.بي.سي»: pieces of one to three letters joined by
/// dots with no space) that holds tokens `first..last`, when it has two pieces or more.
fn dotted_abbreviation(ctx: &Ctx, first: usize, last: usize) -> Option<(usize, usize)> {
    let toks = &ctx.toks;
    let piece =
        |k: usize| toks[k].is_word() && ctx.slice(toks[k].start, toks[k].end).chars().count() <= 3;
    let dot_between = |k: usize| {
        // Token k is a dot touching a piece on each side.
        k > 0
            && k + 1 < toks.len()
            && toks[k].kind == TokenKind::Punct
            && ctx.slice(toks[k].start, toks[k].end) == "."
            && toks[k - 1].end == toks[k].start
            && toks[k].end == toks[k + 1].start
            && piece(k - 1)
            && piece(k + 1)
    };
    if !(first..last).all(|k| piece(k) || dot_between(k)) {
        return None;
    }
    let mut a = first;
    while a >= 2 && dot_between(a - 1) {
        a -= 2;
    }
    let mut b = last;
    while b + 1 < toks.len() && dot_between(b) {
        b += 2;
    }
    (b - a >= 3).then_some((a, b))
}

/// «وأكد سموه أن»: the person an honorific with a pronoun means, the last one named before
/// byte `before` in the role it honours (a prince, a minister); never someone named after
/// it, and no one where no one holds the role.
fn last_in_role(ents: &Entities, title: &TitleInfo, before: usize) -> Option<usize> {
    last_named_before(ents, before, |_, f| {
        f.kind == EntityType::Per && title.refers_to(f.role.as_deref())
    })
}

/// Of the entities `keep` accepts, the one mentioned last before byte `before`.
pub(crate) fn last_named_before(
    ents: &Entities,
    before: usize,
    keep: impl Fn(usize, &Found) -> bool,
) -> Option<usize> {
    ents.found
        .iter()
        .enumerate()
        .filter(|&(e, f)| keep(e, f))
        .filter_map(|(e, f)| {
            let last = f
                .mentions
                .iter()
                .map(|m| m.0)
                .filter(|&m| m < before)
                .max()?;
            Some((e, last))
        })
        .max_by_key(|&(_, last)| last)
        .map(|(e, _)| e)
}

/// «المؤتمر الصحافي»: a one-word title after a definite noun is an adjective agreeing with
/// it, not a person's title — unless a person's name follows it («مدير الأمن العام اللواء
/// عاطف السعودي», where «قائد اللواء الأول» is the brigade).
fn adjective_reading_of_title(ctx: &Ctx, ents: &Entities, first: usize, last: usize) -> bool {
    if last != first + 1 || first == 0 {
        return false;
    }
    if ents
        .at
        .get(last)
        .copied()
        .flatten()
        .is_some_and(|e| ents.found[e].kind == EntityType::Per)
    {
        return false;
    }
    let (t, prev) = (&ctx.toks[first], &ctx.toks[first - 1]);
    ctx.slice(t.start, t.end).starts_with("ال")
        && prev.kind == TokenKind::Arabic
        && prev.sentence == t.sentence
        && ctx.slice(prev.start, prev.end).starts_with("ال")
}

/// The shape of a word that can be part of a name: not a noun with a pronoun suffix
/// («عمله», «موافقته», «فيها»), not a sound masculine plural («منتقدون»), not a verb or noun
/// behind the conjunction («ويراقب», «ومظاهر»). Feminine names in «ة» («فاطمة») and short
/// names («طه», «وليد», «وائل») pass.
fn name_shaped(written: &str, strict: bool) -> bool {
    let w = rasd_text::base(written);
    let letters = w.chars().count();
    let ends = |s: &str| w.ends_with(s);
    if (letters >= 4 && (ends("ه") || ends("هما")))
        || (letters >= 3 && (ends("ها") || ends("هم") || ends("هن") || ends("كم")))
    {
        return false;
    }
    // After an appositive comma a name is expected, so «باراكات», «بركات» are let through.
    if strict && letters >= 5 && (ends("ون") || ends("ات")) {
        return false;
    }
    // «ويراقب», «فيتابع»: a conjunction on a verb or noun. Names beginning with these
    // letters («وليد», «فيصل», «فلاديمير») are shorter or do not continue like a verb.
    if let Some(rest) = w.strip_prefix('و') {
        if rest.chars().count() >= 5 {
            return false;
        }
    }
    if let Some(rest) = w.strip_prefix('ف') {
        if rest.chars().count() >= 4 && rest.starts_with(['ي', 'ت', 'ن']) {
            return false;
        }
    }
    // A preposition on a verbal noun («لمغادرة», «بمناسبة») is not a name.
    if ["لم", "بم"].iter().any(|p| w.starts_with(p)) && letters >= 6 {
        return false;
    }
    // A preposition with the article opens a phrase of its own, never a word inside a name.
    if preposition_with_article(&w).is_some() {
        return false;
    }
    // An indefinite accusative («لاعبا», «بدنيا» → «لاعباً») after a verb or title; names in
    // «-يا» («ماريا», «صوفيا») keep their final alef.
    if letters >= 4 && w.ends_with('ا') && !w.ends_with("يا")
        || written.ends_with("اً")
        || written.ends_with("ًا")
    {
        return false;
    }
    true
}

/// Does token `k` look like it could be part of a person's name? `inner` is for a word after
/// the first: there a bare nationality word is a family name («محمد جواد آذري جهرمي»), and
/// after an appositive comma the plural-shape test is relaxed.
fn namelike(ctx: &Ctx, lex: &Lexicon, ents: &Entities, k: usize, sentence: usize) -> bool {
    namelike_in(ctx, lex, ents, k, sentence, false, true)
}

fn namelike_in(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    k: usize,
    sentence: usize,
    inner: bool,
    strict: bool,
) -> bool {
    let Some(t) = ctx.toks.get(k) else {
        return false;
    };
    let nationality_ok = inner && !ctx.slice(t.start, t.end).starts_with("ال");
    t.kind == TokenKind::Arabic
        && t.sentence == sentence
        && ents.at[k].is_none()
        && ((!ctx.in_set(&lex.not_names, k) && !ents.common_word(k))
            || given_before_surname(ctx, lex, ents, k, sentence))
        && !ctx.in_set(&lex.complementizers, k)
        && name_shaped(ctx.slice(t.start, t.end), strict)
        && !lex.speech.contains_key(&t.norm)
        && (nationality_ok || lex.nationality.get(&t.norm).is_none())
        && crate::context::variants(&t.norm)
            .iter()
            .all(|(v, _)| lex.titles.max_len(v) == 0 && lex.triggers.max_len(v) == 0)
        && lex.months.max_len(&t.norm) == 0
        && !lex.numbers.contains_key(&t.norm)
        && t.norm.chars().count() >= 2
}

/// «علي», «كامل», «باسم»: a given name the news reads far more often as a common word or a
/// function word («على» folded, "full", "in the name of") starts a name when the next word is one the news
/// finds mostly in people's names, or the tagger's person («علي المنصوري», «كامل الدليمي»),
/// not a common noun («باسم الحكومة», «كامل الصلاحيات»).
fn given_before_surname(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    k: usize,
    sentence: usize,
) -> bool {
    let t = &ctx.toks[k];
    // «المعروف باسم أبو زبيدة»: what someone is called (called-by.tsv), one or two words back.
    let called_by = lex.res.called_by.get(&t.norm).is_some_and(|before| {
        (k.saturating_sub(2)..k).any(|j| ctx.toks[j].sentence == sentence && ctx.in_set(before, j))
    });
    // As written: the folded «علي» is also «على», «انا» both «آنا» and «أنا».
    lex.res.given_names.contains(ctx.slice(t.start, t.end))
        && !called_by
        && ctx
            .toks
            .get(k + 1)
            .is_some_and(|u| u.sentence == sentence && u.kind == TokenKind::Arabic)
        && match ents.at.get(k + 1).copied().flatten() {
            // The tagger read the rest of the name («علي | المنصوري»).
            Some(e) => ents.found[e].kind == EntityType::Per && ents.found[e].source == "tagger",
            None => ents.lexicon_at(k + 1).is_some_and(|s| s[0] >= 5),
        }
}

/// Captures a name at token `k`: up to two name words, a connector («بن», «عبد») pulling in
/// the word after it, and a third word when it is a family name with the article.
fn capture_name(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    k: usize,
    appositive: bool,
) -> Option<usize> {
    capture_name_in(ctx, lex, ents, k, appositive, false)
}

/// `after_verb`: the name is a speech verb's subject, where a first word that is also a bare
/// nationality word is a name («وقال آذري جهرمي إن»).
fn capture_name_in(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &Entities,
    k: usize,
    appositive: bool,
    after_verb: bool,
) -> Option<usize> {
    let sentence = ctx.toks.get(k)?.sentence;
    if !namelike_in(ctx, lex, ents, k, sentence, after_verb, !appositive) {
        return None;
    }
    // The article marks a common noun, not a given name; the check is on the written form so
    // that «إلهام», «إلياس» (hamza under the alef) stay names.
    let first = &ctx.toks[k];
    if ctx.slice(first.start, first.end).starts_with("ال") && !lex.name_links.contains(&first.norm)
    {
        return None;
    }
    // «…، وسافر»: after a comma, «و» opens a new clause far more often than a name.
    if appositive
        && first.norm.starts_with('و')
        && ctx.slice(first.start, first.end).chars().count() > 3
    {
        return None;
    }
    // A run of up to four name words closed by a comma is one name («وزير … محمد جواد آذري
    // جهرمي، قد صرح»): the comma marks where it ends.
    let mut m = k;
    while m < k + 4
        && namelike_in(
            ctx,
            lex,
            ents,
            m,
            sentence,
            m > k || after_verb,
            !appositive,
        )
    {
        m += 1;
    }
    if m > k + 2 && ctx.toks.get(m).is_some_and(|t| t.is_comma(ctx.text)) {
        return Some(m);
    }
    let mut j = k;
    let mut words = 0;
    while words < 3
        && namelike_in(
            ctx,
            lex,
            ents,
            j,
            sentence,
            j > k || after_verb,
            !appositive,
        )
    {
        let n = &ctx.toks[j].norm;
        if lex.name_links.contains(n) {
            // A connector and the word after it are one part of the name; connectors chain
            // («بن عبد العزيز»).
            let mut l = j;
            while l + 1 < ctx.toks.len()
                && lex.name_links.contains(&ctx.toks[l + 1].norm)
                && namelike(ctx, lex, ents, l + 2, sentence)
            {
                l += 1;
            }
            if !namelike(ctx, lex, ents, l + 1, sentence) {
                break;
            }
            j = l + 2;
            words += 1;
            continue;
        }
        // A third word only after a second family name with the article («محمد العبدالله
        // الفيصل»), and never a feminine adjective («… الثقافية»).
        if words == 2
            && (!n.starts_with("ال")
                || !ctx.toks[j - 1].norm.starts_with("ال")
                || n.ends_with("يه"))
        {
            break;
        }
        j += 1;
        words += 1;
    }
    (j > k).then_some(j)
}

fn role_matches(title_role: Option<&str>, entity_role: Option<&str>) -> bool {
    match (title_role, entity_role) {
        (Some(t), Some(e)) => {
            t == e
                || e.ends_with(t)
                || (t == "minister" && e.ends_with("minister"))
                || t == "head"
                || t == "honorific"
        }
        (Some(_), None) | (None, _) => true,
    }
}

/// Letters of clitics before a name the tagger found, on the first word of its span (token
/// `k`): a conjunction or preposition before the article («للأهلي», «والأهلي», «بالأهلي»),
/// or a conjunction before a given name («وأسامة»). Other words keep their first letter:
/// «بركات», «لندن», «وليد» are names as written, and so are those [`clitics_plausible`]
/// rejects («كريم», «فالفيردي»).
fn name_clitics(ctx: &Ctx, lex: &Lexicon, silver: Option<&Silver>, k: usize) -> usize {
    let norm = ctx.toks[k].norm.as_str();
    variants(norm)
        .iter()
        .skip(1)
        .rev()
        .find(|(v, n)| {
            ((v.starts_with("ال") && v.chars().count() >= 4)
                || lex.res.given_names.contains(v.as_ref()))
                && clitics_plausible(
                    ctx,
                    lex,
                    silver,
                    k,
                    skip_letters(ctx.text, ctx.toks[k].start, *n),
                )
        })
        .map_or(0, |(_, n)| *n)
}

/// Whether the letters of token `k` before byte `at` can be read off as proclitics before a
/// name.
/// A given name as written keeps its letters («كريم» is no «ك» + «ريم», «كلاوس» no «لاوس»).
/// «ف» and «ك» ("so", "like") open many foreign names and common words, so they are read off
/// only when the rest does not open on a bare alef, a long vowel inside the name («فانس»,
/// «كاسيا», «فارنا»; a word of its own opens on a hamza: «فإيران»), and when the news knows
/// the rest at least sixteen times better than the word as written (its frequency bucket,
/// log2 of the count, four higher): «كسرت» ("broke") is no «سرت», «فالفيردي» no
/// «الفيردي». A word the news has too rarely to count is given the benefit of the doubt.
fn clitics_plausible(
    ctx: &Ctx,
    lex: &Lexicon,
    silver: Option<&Silver>,
    k: usize,
    at: usize,
) -> bool {
    let t = &ctx.toks[k];
    if at <= t.start {
        return true;
    }
    if lex.res.given_names.contains(t.norm.as_str()) {
        return false;
    }
    let letters = ctx.slice(t.start, at);
    if !letters.contains(['ف', 'ك']) {
        return true;
    }
    let n: usize = letters.chars().map(rasd_text::normalize::letters_in).sum();
    let rest = ctx.slice(at, t.end);
    if rest.starts_with('ا') && !rest.starts_with("ال") {
        return false;
    }
    let Some(silver) = silver else {
        return true;
    };
    let Some(written) = silver.get(t.norm.as_str()).map(|e| e[3]) else {
        return true;
    };
    variants(&t.norm)
        .iter()
        .find(|(_, m)| *m == n)
        .and_then(|(v, _)| silver.get(v.as_ref()))
        .is_some_and(|e| e[3] >= written + 4)
}

/// Letters of a conjunction or preposition before a name the news knows far better without
/// it («لبرشلونة», «وليفربول», «بريف»): the word without the clitic is found inside names in
/// at least 30% of its occurrences in the news lexicon and is at least eight times as
/// frequent as the word as written. «وليد», «فريد», «كلوب» are more frequent as written, and keep
/// their first letter.
fn clitics_before_known_name(lex: &Lexicon, silver: &Silver, norm: &str) -> usize {
    // A word the news has too rarely to count (a typo, «فرين» beside the city «رين») gives
    // nothing to compare with.
    let Some(written) = silver.get(norm).map(|e| e[3]) else {
        return 0;
    };
    variants(norm)
        .iter()
        .skip(1)
        .filter_map(|(v, n)| {
            // «بابل», «كابل», «بوروسيا», «بوسان» are names as written: a foreign name that
            // opens with a long vowel after the letter is read as one word.
            if v.chars().count() < 3 || v.starts_with(['ا', 'و', 'ي', 'ى']) {
                return None;
            }
            // Only the conjunction and prepositions of events/affixes.tsv («و», «ب», «ل») are
            // read off: «فـ» and «كـ» ("like") seldom stand before a name, and «فرومان»,
            // «فكتور», «كرولي» begin with them.
            let clitic = |c: char| {
                ["conjunction", "preposition"].iter().any(|kind| {
                    lex.res
                        .affixes
                        .of(kind)
                        .iter()
                        .any(|(p, s)| s.is_empty() && p.chars().eq(std::iter::once(c)))
                })
            };
            if !norm.chars().take(*n).all(clitic) {
                return None;
            }
            let e = silver.get(v.as_ref())?;
            (e[..3].iter().any(|&share| share >= 3) && e[3] >= written + 3).then_some((e[3], *n))
        })
        // «وبريت»: «بريت», far more frequent than «ريت».
        .max_by_key(|&(freq, n)| (freq, std::cmp::Reverse(n)))
        .map_or(0, |(_, n)| n)
}

/// A name as it is shown, from its mention in the text, which starts at byte `start` of token
/// `k`: after «ل» the article lost its alef («للجيش المصري» is ل + «الجيش المصري»), and the
/// shown name has it back.
fn shown_name(ctx: &Ctx, k: usize, start: usize, end: usize) -> String {
    let name = ctx.slice(start, end);
    let t = &ctx.toks[k];
    let after_lam = t.start < start && ctx.slice(t.start, start).ends_with('ل');
    if after_lam && name.starts_with('ل') {
        format!("ا{name}")
    } else {
        name.to_string()
    }
}

/// The tagger's spans of one sentence (tokens from `a`, tagged `tags`) made into names: a
/// person's span the tagger began at a joining word takes the word before it, a list of
/// people is cut into one name each, and a preposition with the article ends a name. Each span
/// says whether its first word's «و» is a conjunction (a cut list).
fn person_spans<'t>(
    ctx: &Ctx,
    lex: &Lexicon,
    silver: &Silver,
    ents: &Entities,
    tags: &[usize],
    a: usize,
    mut spans: Vec<(usize, usize, &'t str)>,
) -> Vec<(usize, usize, &'t str, bool)> {
    // A name does not begin with the word that joins its parts, nor follow it: «… مقرب بن
    // سعد» is «مقرب بن سعد», where the tagger began at «بن» or at «سعد».
    let free_name_word = |k: usize| {
        ents.at[k].is_none()
            && tags[k - a] == 0
            && namelike(ctx, lex, ents, k, ctx.toks[k].sentence)
    };
    // Folding merges the preposition «على» into the name «علي»; written with its alef maqsura
    // it is the preposition, which opens no name in the annotated news: «المدرب على مسعد
    // عوض» names «مسعد عوض».
    for sp in spans
        .iter_mut()
        .filter(|sp| sp.2 == "PER" && sp.1 >= sp.0 + 2)
    {
        let t = &ctx.toks[sp.0];
        if lex.function_words.contains(&t.norm)
            && rasd_text::base(ctx.slice(t.start, t.end)).ends_with('ى')
        {
            sp.0 += 1;
        }
    }
    for sp in spans.iter_mut().filter(|sp| sp.2 == "PER") {
        let link = |k: usize| lex.name_links.contains(&ctx.toks[k].norm);
        if sp.0 > a && link(sp.0) && free_name_word(sp.0 - 1) {
            sp.0 -= 1;
        } else if sp.0 > a + 1
            && link(sp.0 - 1)
            && tags[sp.0 - 1 - a] == 0
            && free_name_word(sp.0 - 2)
        {
            sp.0 -= 2;
        }
    }
    // A list of people («مسعد عوض ومحمد هاني ورمضان صبحي») is one name each: a
    // person's span breaks before «و» on a given name, or where «و» leaves two words
    // at least on each side; the «و» is then no part of the name after it.
    let mut conj = vec![false; spans.len()];
    let mut i = 0;
    while i < spans.len() {
        let (first, last, ty) = spans[i];
        // «كوسبي وكونستاند»: the part before «و» is a person the article has named.
        let known = |k: usize| {
            let before = ctx.slice(ctx.toks[first].start, ctx.toks[k - 1].end);
            same_person(ents, lex, &rasd_text::fold_phrase(before)).is_some()
        };
        let cut = (ty == "PER")
            .then(|| {
                (first + 1..last).find(|&k| {
                    let norm = ctx.toks[k].norm.as_str();
                    // «إسماعيل ولد الشيخ أحمد»: «ولد» ("son of") joins the name.
                    norm.starts_with('و')
                        && !lex.name_links.contains(norm)
                        && (name_clitics(ctx, lex, Some(silver), k) == 1
                            || (k >= first + 2 && last >= k + 2)
                            || known(k))
                })
            })
            .flatten();
        // «شيرين بالحبس»: a preposition with the article ends a person's name — not «و»/«ف»
        // with it, which open foreign names («فالدانو», «والتر»), nor a short rest
        // («المعتصم بالله»). A body's name goes on («المجلس الأعلى للقوات المسلحة»).
        let stop = (first + 1..last)
            .filter(|_| ty == "PER")
            .find(|&k| {
                let w = ctx.toks[k].norm.as_str();
                !w.starts_with(['و', 'ف'])
                    && preposition_with_article(w).is_some_and(|r| r.chars().count() >= 3)
            })
            .filter(|&k| cut.is_none_or(|c| k < c));
        if let Some(k) = stop {
            spans[i].1 = k;
        } else if let Some(k) = cut {
            spans[i].1 = k;
            spans.insert(i + 1, (k, last, ty));
            conj.insert(i + 1, true);
        }
        i += 1;
    }
    spans
        .into_iter()
        .zip(conj)
        .map(|((first, last, ty), conj)| (first, last, ty, conj))
        .collect()
}

/// What became of a tagger's span that covers gazetteer mentions.
enum Absorbed {
    /// The gazetteer's reading stands; the span is dropped.
    No,
    /// The gazetteer's person is named here in full: its mention now covers the span.
    Extended,
    /// The span is a name of its own and the mentions inside it are gone; the country is
    /// that of the place it contained.
    Freed(Option<String>),
}

/// A tagger's span (`first..last`, type `ty`) that ends with gazetteer mentions and begins
/// before them. The gazetteer matches short forms, so it finds «البشير» in «عمر حسن البشير»,
/// «شرودر» in «جيرهارد شرودر», the father in «حمدان بن محمد بن راشد آل مكتوم» and the city
/// in the club «دينامو كييف»; left alone, each splits a longer name the tagger read whole.
/// A person inside a person's span is the same person named more fully, unless a name link
/// stands before him (a son, a kunya: another person). A place at the end of an
/// organisation's span is part of that organisation's name, which takes its country.
fn absorb(
    ctx: &Ctx,
    lex: &Lexicon,
    silver: &Silver,
    ents: &mut Entities,
    first: usize,
    last: usize,
    ty: &str,
) -> Absorbed {
    if ty == "MISC" {
        return absorb_in_misc(ctx, ents, first, last);
    }
    if ty == "PER" && in_lineage(ctx, lex, ents, first, last) {
        let (start, end) = (ctx.toks[first].start, ctx.toks[last - 1].end);
        for k in first..last {
            if let Some(e) = ents.at[k].take() {
                ents.found[e]
                    .mentions
                    .retain(|&(s, t)| !(s >= start && t <= end));
            }
        }
        return Absorbed::Freed(None);
    }
    // The mentions must fill the end of the span and leave its beginning free, or be the
    // span itself.
    let Some(m) = (first..last).find(|&k| ents.at[k].is_some()) else {
        return Absorbed::No;
    };
    if ents.at[m..last].iter().any(Option::is_none)
        || (first > 0 && m == first && ents.at[first - 1] == ents.at[first])
    {
        return Absorbed::No;
    }
    let inside: Vec<usize> = {
        let mut v: Vec<usize> = ents.at[m..last].iter().flatten().copied().collect();
        v.dedup();
        v
    };
    // A mention that goes on past the span is not inside it.
    if last < ents.at.len() && inside.iter().any(|&e| ents.at[last] == Some(e)) {
        return Absorbed::No;
    }
    let all = |pred: &dyn Fn(&Found) -> bool| inside.iter().all(|&e| pred(&ents.found[e]));
    if !all(&|f| f.source == "gazetteer") {
        return Absorbed::No;
    }
    let (start, end) = (ctx.toks[m].start, ctx.toks[last - 1].end);
    // The span is the mention: the tagger reads a city as an organisation («فاز برشلونة»,
    // a club in a match report). A capital or a country keeps its reading, since it so
    // often stands for its government («أعلنت موسكو»).
    if m == first {
        let city = inside.len() == 1
            && ents.found[inside[0]].kind == EntityType::Gpe
            && ents.found[inside[0]]
                .entry
                .is_some_and(|i| !lex.res.entities[i].attrs.contains_key("sector"));
        if ty != "ORG" || !city {
            return Absorbed::No;
        }
    }
    let linked = m > first && lex.name_links.contains(&ctx.toks[m - 1].norm);
    let country = match ty {
        "PER" if m > first && inside.len() == 1 && all(&|f| f.kind == EntityType::Per) => {
            if !linked && !another_of_the_family(ctx, lex, &ents.found[inside[0]], first, m) {
                let e = inside[0];
                let t = &ctx.toks[first];
                let name_start = skip_letters(
                    ctx.text,
                    t.start,
                    name_clitics(ctx, lex, Some(silver), first),
                );
                ents.found[e]
                    .mentions
                    .retain(|&(s, t)| !(s >= start && t <= end));
                ents.add_mention(e, first, last, name_start, end);
                return Absorbed::Extended;
            }
            None
        }
        "ORG" if all(&|f| matches!(f.kind, EntityType::Gpe | EntityType::Loc)) => {
            inside.iter().find_map(|&e| ents.found[e].country.clone())
        }
        _ => return Absorbed::No,
    };
    for &e in &inside {
        ents.found[e]
            .mentions
            .retain(|&(s, t)| !(s >= start && t <= end));
    }
    for a in &mut ents.at[m..last] {
        *a = None;
    }
    Absorbed::Freed(country)
}

/// «ميلانيا ترامب», «فلورنتينو بيريز», «راؤول كاسترو»: before the family name of a listed
/// person whose full name the list gives, the tagger read a given name that is none of that
/// person's, nor a spelling of one («أنغيلا» for «أنجيلا», «جيم» for «جيمس», «إيدين» for
/// «إيدن»: two letters apart at most): another person of the same family.
fn another_of_the_family(ctx: &Ctx, lex: &Lexicon, f: &Found, first: usize, m: usize) -> bool {
    let Some(entry) = f.entry.map(|i| &lex.res.entities[i]) else {
        return false;
    };
    let given: Vec<String> = entry
        .aliases
        .iter()
        .filter(|a| a.contains(' '))
        .flat_map(|a| a.split(' '))
        .map(rasd_text::fold)
        .collect();
    if given.is_empty() {
        return false;
    }
    let near = |w: &str| {
        given
            .iter()
            .any(|g| g == w || (w.chars().count() >= 3 && letters_apart(g, w) <= 2))
    };
    !(first..m).any(|k| {
        let t = &ctx.toks[k];
        variants(&t.norm).iter().any(|(v, _)| near(v))
    })
}

/// Edit distance between two words, in letters.
fn letters_apart(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diag + usize::from(ca != cb));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Does the span `(first, last, _)` end with a title of titles.tsv, after a word of its own?
fn ends_with_title(ctx: &Ctx, lex: &Lexicon, (first, last, _): (usize, usize, &str)) -> bool {
    (first + 1..last).any(|k| {
        ctx.match_at(&lex.titles, k, true)
            .is_some_and(|h| h.last == last)
    })
}

/// «الأمير سلطان بن سلمان بن عبدالعزيز آل سعود»: every gazetteer person inside the tagger's
/// person `first..last` follows a name link, inside the span, and the name begins before
/// them: they are the forebears of the one named, part of his name and not mentioned in
/// their own right. The span need not end with them («آل سعود» after the father).
fn in_lineage(ctx: &Ctx, lex: &Lexicon, ents: &Entities, first: usize, last: usize) -> bool {
    if ents.at[first].is_some() {
        return false;
    }
    let mut any = false;
    let mut k = first;
    while k < last {
        let Some(e) = ents.at[k] else {
            k += 1;
            continue;
        };
        let f = &ents.found[e];
        if f.kind != EntityType::Per
            || f.source != "gazetteer"
            || !lex.name_links.contains(&ctx.toks[k - 1].norm)
        {
            return false;
        }
        while k < last && ents.at[k] == Some(e) {
            k += 1;
        }
        if ents.at.get(k).is_some_and(|a| *a == Some(e)) {
            return false;
        }
        any = true;
    }
    any
}

/// Step 2b of [`extract`]: gazetteer cities re-typed by the topic of their passage.
fn clubs_of_cities(ctx: &Ctx, lex: &Lexicon, ents: &mut Entities) {
    // States and capitals carry `sector=GOV` (they stand for their governments).
    let city = |f: &Found| {
        f.kind == EntityType::Gpe
            && f.source == "gazetteer"
            && f.entry
                .is_some_and(|i| !lex.res.entities[i].attrs.contains_key("sector"))
    };
    if lex.res.topic_city.iter().all(Option::is_none) || !ents.found.iter().any(city) {
        return;
    }
    for (i, &(a, b)) in ctx.sentences.iter().enumerate() {
        let topic = ents.topics.get(i).copied().unwrap_or(0);
        let Some(kind) = (topic as usize)
            .checked_sub(1)
            .and_then(|t| lex.res.topic_city.get(t).copied().flatten())
        else {
            continue;
        };
        let mut k = a;
        while k < b {
            let Some(e) = ents.at[k] else {
                k += 1;
                continue;
            };
            let mut last = k;
            while last < b && ents.at[last] == Some(e) {
                last += 1;
            }
            let f = &ents.found[e];
            let (start, end) = (ctx.toks[k].start, ctx.toks[last - 1].end);
            let Some(&(m0, m1)) = f.mentions.iter().find(|&&(s, t)| s >= start && t <= end) else {
                k = last;
                continue;
            };
            // «ببرشلونة»: a preposition joined to the name marks the place too.
            let joined = m0 > start && lex.res.place_words.contains(ctx.slice(start, m0));
            if !city(f) || joined || crate::events::is_place_preposition(ctx, lex, k) {
                k = last;
                continue;
            }
            let (canonical, country) = (f.canonical.clone(), f.country.clone());
            ents.found[e].mentions.retain(|&m| m != (m0, m1));
            let club = match ents
                .found
                .iter()
                .position(|g| g.kind == kind && g.canonical == canonical && g.source == "topic")
            {
                Some(c) => c,
                None => ents.add_found(kind, canonical, (country, None, None), "topic"),
            };
            ents.add_mention(club, k, last, m0, m1);
            k = last;
        }
    }
}

/// The words from `first` to the next comma look like a full name set off by commas: two
/// to four words, none of them a word the news has often and almost never inside a name
/// («آنذاك», «سيستعرض», «تعازي»), and no entity among them but a person the tagger found
/// in part («ماكسيم | سوكولوف»).
fn set_off_name(ctx: &Ctx, ents: &Entities, first: usize) -> bool {
    let s = ctx.toks[first].sentence;
    let Some(comma) =
        (first..(first + 5).min(ctx.toks.len())).find(|&k| ctx.toks[k].is_comma(ctx.text))
    else {
        return false;
    };
    comma >= first + 2
        && (first..comma).all(|k| {
            let t = &ctx.toks[k];
            t.kind == TokenKind::Arabic
                && t.sentence == s
                && !ents.common_word(k)
                && ents.at[k].is_none_or(|e| ents.found[e].kind == EntityType::Per)
        })
}

/// The token a title at token `first` stands in apposition to: right before it, with or
/// without a comma between, in the same sentence.
fn apposed_person_at(ctx: &Ctx, first: usize) -> Option<usize> {
    let mut j = first.checked_sub(1)?;
    let t = &ctx.toks[j];
    if t.is_comma(ctx.text) {
        j = j.checked_sub(1)?;
    }
    (ctx.toks[j].sentence == ctx.toks[first].sentence).then_some(j)
}

/// The person named right before a title at token `first` (see `apposed_person_at`).
fn apposed_person(ctx: &Ctx, ents: &Entities, first: usize) -> Option<usize> {
    let e = ents.at[apposed_person_at(ctx, first)?]?;
    (ents.found[e].kind == EntityType::Per).then_some(e)
}

/// A person may take the office of a title in apposition when they hold none yet and the
/// title's country, if it says one, is not another than theirs.
fn may_take_title(f: &Found, country: &Option<String>) -> bool {
    f.role.is_none() && (country.is_none() || f.country.is_none() || f.country == *country)
}

fn take_title(f: &mut Found, info: &TitleInfo, country: &Option<String>) {
    f.role = info.role.clone();
    f.sector = f.sector.clone().or(info.sector.clone());
    f.country = f.country.clone().or(country.clone());
}

/// «جامعة الملك سعود», «جامعة الأمير سلطان»: a noun that begins a body's own name
/// (`in-name=yes`), in construct with a title and a name, names a body after that person, who
/// is not mentioned: a person the tagger read there loses that mention. Returns one past the
/// name's last token. Only such nouns: «قوات الرئيس السابق علي عبدالله صالح», «قيادة الرئيس»
/// are his forces and his leadership, bodies of no name.
fn named_after(
    ctx: &Ctx,
    lex: &Lexicon,
    ents: &mut Entities,
    hit: &crate::context::Hit<'_, rasd_resources::EntityTrigger>,
    trig: &rasd_resources::EntityTrigger,
) -> Option<usize> {
    // «رئيس الجامعة الدكتور …»: a definite noun is in no construct.
    if !trig.in_name || trig.kind != EntityType::Org || ctx.text[hit.start..].starts_with("ال") {
        return None;
    }
    let sentence = ctx.toks[hit.first].sentence;
    let title = ctx
        .match_at(&lex.titles, hit.last, false)
        .filter(|t| ctx.toks[t.first].sentence == sentence)?;
    if title.value.refers_back || ents.at[title.first..title.last].iter().any(Option::is_some) {
        return None;
    }
    let k = title.last;
    let Some(e) = ents.at.get(k).copied().flatten() else {
        return capture_name(ctx, lex, ents, k, false);
    };
    let f = &ents.found[e];
    if f.kind != EntityType::Per || f.source != "tagger" {
        return None;
    }
    let start = ctx.toks[k].start;
    let &(m0, m1) = f.mentions.iter().find(|m| m.0 == start)?;
    let mut last = k;
    while ents.at.get(last) == Some(&Some(e)) && ctx.toks[last].start < m1 {
        last += 1;
    }
    ents.found[e].mentions.retain(|&m| m != (m0, m1));
    ents.at[k..last].fill(None);
    Some(last)
}

/// «مطار الملك خالد», «طريق الملك فهد», «مركز الملك سلمان للإغاثة»: a person named right
/// after a noun of named-after.txt (without the article) and a title, or by a name that holds
/// the title («الملك فهد»), names the place or the body, and is not mentioned there; nor is
/// a title there his.
fn named_after_a_person(ctx: &Ctx, lex: &Lexicon, ents: &mut Entities) {
    let n = ctx.toks.len();
    let noun_at = |k: usize| {
        ctx.in_set(&lex.res.named_after, k) && {
            let t = &ctx.toks[k];
            !crate::context::variants(&t.norm)
                .iter()
                .any(|(v, _)| v.starts_with("ال"))
        }
    };
    for k in 1..n {
        let Some(e) = ents.at[k] else { continue };
        if ents.at[k - 1] == Some(e) || ents.found[e].kind != EntityType::Per {
            continue;
        }
        let sentence = ctx.toks[k].sentence;
        // The title: inside the mention, or right before it.
        let first = if ctx.match_at(&lex.titles, k, true).is_some() {
            Some(k)
        } else {
            (k.saturating_sub(4)..k).find(|&j| {
                ents.at[j].is_none()
                    && ctx
                        .match_at(&lex.titles, j, false)
                        .is_some_and(|h| h.last == k)
            })
        };
        let Some(first) = first.filter(|&f| {
            f > 0
                && ctx.toks[f - 1].sentence == sentence
                && ents.at[f - 1].is_none()
                && noun_at(f - 1)
        }) else {
            continue;
        };
        let mut last = k;
        while last < n && ents.at[last] == Some(e) {
            last += 1;
        }
        let (start, end) = (ctx.toks[k].start, ctx.toks[last - 1].end);
        ents.found[e]
            .mentions
            .retain(|&(s, t)| !(s >= start && t <= end));
        ents.at[k..last].fill(None);
        for t in ents.titles.iter_mut() {
            if t.entity == Some(e) && t.first >= first - 1 && t.first < last {
                t.entity = None;
            }
        }
    }
}

/// «منتخب إسبانيا»: a noun of `of-place=yes` (entity-triggers.tsv) whose tokens end at `q`,
/// then a place of the gazetteer, names that place's body with the place's country, and the
/// place loses that mention. Returns one past the name's last token. A rule and not the
/// tagger's choice, which one training run makes the team and the next Spain.
fn body_of_place(
    ctx: &Ctx,
    ents: &mut Entities,
    (first, start): (usize, usize),
    q: usize,
    kind: EntityType,
) -> Option<usize> {
    let e = (*ents.at.get(q)?)?;
    let f = &ents.found[e];
    let place = matches!(f.kind, EntityType::Gpe | EntityType::Loc) && f.source == "gazetteer";
    if !place || f.country.is_none() || ctx.toks[q].sentence != ctx.toks[first].sentence {
        return None;
    }
    // The place's own word, with no preposition joined to it («منتخب لإسبانيا» is no name).
    let &(m0, m1) = f.mentions.iter().find(|m| m.0 == ctx.toks[q].start)?;
    let last = (q..ents.at.len())
        .take_while(|&k| ents.at[k] == Some(e) && ctx.toks[k].end <= m1)
        .last()?
        + 1;
    let country = f.country.clone();
    ents.found[e].mentions.retain(|&m| m != (m0, m1));
    let name = shown_name(ctx, first, start, m1);
    let key = rasd_text::fold_phrase(&name);
    let body = match ents.named(|g| g.kind == kind, &key) {
        Some(b) => b,
        None => ents.add_found(kind, name, (country, None, None), "pattern"),
    };
    ents.add_mention(body, first, last, start, m1);
    Some(last)
}

/// «كأس إسبانيا», «دوري أبطال أوروبا», «بكأس أمم أفريقيا»: the words right before token `k`
/// open a competition's name (resources/competitions.txt), which a place at `k` completes.
fn after_competition(ctx: &Ctx, lex: &Lexicon, k: usize) -> bool {
    (1..=2).any(|len| {
        k.checked_sub(len)
            .and_then(|j| ctx.match_at(&lex.competitions, j, true))
            .is_some_and(|h| h.last == k && ctx.toks[h.first].sentence == ctx.toks[k].sentence)
    })
}

/// A place inside a name the tagger reads as MISC — a competition, an event, a treaty
/// («كأس إسبانيا», «دوري أبطال أوروبا», «اتفاقية أوسلو») — is part of that name, not a
/// mention of the place: its mentions there are dropped. The record has no MISC type, so
/// the name itself is not added.
fn absorb_in_misc(ctx: &Ctx, ents: &mut Entities, first: usize, last: usize) -> Absorbed {
    let mut inside: Vec<usize> = ents.at[first..last].iter().flatten().copied().collect();
    inside.dedup();
    let reaches_out = |e: usize| {
        (first > 0 && ents.at[first - 1] == Some(e))
            || ents.at.get(last).is_some_and(|a| *a == Some(e))
    };
    let place = |e: usize| {
        let f = &ents.found[e];
        f.source == "gazetteer" && matches!(f.kind, EntityType::Gpe | EntityType::Loc)
    };
    let longer = ents.at[first..last].iter().any(Option::is_none);
    if inside.is_empty() || !longer || inside.iter().any(|&e| reaches_out(e) || !place(e)) {
        return Absorbed::No;
    }
    let (start, end) = (ctx.toks[first].start, ctx.toks[last - 1].end);
    for &e in &inside {
        ents.found[e]
            .mentions
            .retain(|&(s, t)| !(s >= start && t <= end));
    }
    for a in &mut ents.at[first..last] {
        *a = None;
    }
    Absorbed::Freed(None)
}

/// Is `first..last` a month's name in a date: beside the same month's other name
/// («أبريل (نيسان)», «نيسان - أبريل»), after a day («14 نيسان») or before a year («نيسان
/// 2019»)? The tagger reads «نيسان» as Nissan there, from the car maker's news.
fn month_of_a_date(ctx: &Ctx, lex: &Lexicon, first: usize, last: usize) -> bool {
    let Some(this) = ctx
        .match_at(&lex.months, first, false)
        .filter(|h| h.last == last)
        .map(|h| *h.value)
    else {
        return false;
    };
    // The word beside it, past brackets, dashes and slashes, in the same sentence.
    let sentence = ctx.toks[first].sentence;
    let beside = |mut k: isize, step: isize| loop {
        let j = usize::try_from(k).ok()?;
        let t = ctx.toks.get(j)?;
        if t.sentence != sentence {
            return None;
        }
        if t.kind != TokenKind::Punct {
            return Some(j);
        }
        if !matches!(
            ctx.slice(t.start, t.end),
            "(" | ")" | "-" | "–" | "/" | "،" | ","
        ) {
            return None;
        }
        k += step;
    };
    let number = |k: usize, range: std::ops::RangeInclusive<u32>| {
        let t = &ctx.toks[k];
        t.kind == TokenKind::Number && t.norm.parse::<u32>().is_ok_and(|n| range.contains(&n))
    };
    // «وإبريل (نيسان)»: the other name may carry a conjunction or a preposition.
    let same_month = |k: usize| {
        let names = |j: usize| {
            ctx.match_at(&lex.months, j, true)
                .is_some_and(|h| h.last == k + 1 && *h.value == this)
        };
        names(k) || (k > 0 && names(k - 1))
    };
    let before = beside(first as isize - 1, -1);
    let after = beside(last as isize, 1);
    before.is_some_and(|k| same_month(k) || (k + 1 == first && number(k, 1..=31)))
        || after.is_some_and(|k| same_month(k) || (k == last && number(k, 1000..=2100)))
}

/// Entity spans (first token, one past the last, type) of a tag sequence for the tokens
/// starting at `offset`.
pub fn spans_of(tags: &[usize], offset: usize) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &'static str)> = None;
    for (i, &t) in tags.iter().chain(std::iter::once(&0)).enumerate() {
        let name = crate::tagger::TAGS[t];
        let (bio, ty) = name.split_once('-').unwrap_or(("O", ""));
        if !(bio == "I" && open.is_some_and(|(_, o)| o == ty)) {
            if let Some((s, o)) = open.take() {
                out.push((offset + s, offset + i, o));
            }
            if bio != "O" {
                open = Some((
                    i,
                    match ty {
                        "PER" => "PER",
                        "LOC" => "LOC",
                        "ORG" => "ORG",
                        _ => "MISC",
                    },
                ));
            }
        }
    }
    out
}

/// The person who held the office a title names in a country on a date: the gazetteer entry
/// with that country and role whose from=/to= period contains the date.
fn office_holder(lex: &Lexicon, country: &str, role: &str, date: &str) -> Option<usize> {
    lex.office_holders.iter().copied().find(|&i| {
        let e = &lex.res.entities[i];
        e.kind == EntityType::Per
            && e.country.as_deref() == Some(country)
            && e.attrs.get("role").map(String::as_str) == Some(role)
            && e.attrs.get("from").is_some_and(|f| f.as_str() <= date)
            && e.attrs.get("to").is_none_or(|t| date < t.as_str())
    })
}

/// The news lexicon's entry for each token.
fn lexicon_of(ctx: &Ctx, silver: Option<&crate::tagger::Silver>) -> Vec<Option<[u8; 5]>> {
    let Some(silver) = silver else {
        return vec![None; ctx.toks.len()];
    };
    ctx.toks
        .iter()
        .map(|t| {
            (t.kind == TokenKind::Arabic)
                .then(|| crate::tagger::silver_entry(silver, &t.norm))
                .flatten()
        })
        .collect()
}

pub fn extract(
    ctx: &Ctx,
    lex: &Lexicon,
    tagger: Option<(&crate::tagger::Tagger, &rasd_text::Segmenter)>,
    date: Option<&str>,
) -> Entities {
    let n = ctx.toks.len();
    let silver = tagger.map(|(t, _)| &t.model.silver);
    let mut ents = Entities {
        at: vec![None; n],
        title_starts: vec![None; n],
        in_title: vec![false; n],
        lexicon: lexicon_of(ctx, silver),
        ..Default::default()
    };

    // 1. Gazetteer.
    // The places that complete a competition's name («كأس إسبانيا»): no mention of the
    // place, and no place of the tagger's either.
    let mut in_competition = vec![false; n];
    let mut i = 0;
    while i < n {
        // «الشرق الأوسط» between quotation marks is the newspaper, not the region.
        if let Some(hit) = ctx
            .match_at(&lex.quoted, i, false)
            .filter(|h| ctx.quoted(h.first, h.last))
        {
            let e = ents.entity_for_entry(lex, hit.value[0]);
            ents.add_mention(e, hit.first, hit.last, hit.start, hit.end);
            i = hit.last;
            continue;
        }
        // «بي.بي.سي», «أ.ف.ب»: the gazetteer's «بي بي سي», «أ ف ب» written with dots, which
        // the tokenizer keeps apart.
        if let Some((a, b)) = dotted_abbreviation(ctx, i, i + 1).filter(|&(a, _)| a == i) {
            let key = ctx.toks[a..b]
                .iter()
                .filter(|t| t.is_word())
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(&idx) = lex.gazetteer.get(&key).and_then(|v| v.first()) {
                let e = ents.entity_for_entry(lex, idx);
                ents.add_mention(e, a, b, ctx.toks[a].start, ctx.toks[b - 1].end);
                i = b;
                continue;
            }
        }
        if let Some(hit) = ctx
            .match_at(&lex.gazetteer, i, true)
            .filter(|h| !adjective_reading(ctx, lex, h.first, h.last))
            .filter(|h| clitics_plausible(ctx, lex, silver, h.first, h.start))
        {
            // Prefer a country to a city of the same name, then file order.
            let idx = *hit
                .value
                .iter()
                .min_by_key(|&&e| {
                    (
                        lex.res.entities[e].kind != EntityType::Gpe,
                        lex.res.entities[e].attrs.contains_key("capital"),
                        e,
                    )
                })
                .unwrap_or(&hit.value[0]);
            let place = matches!(
                lex.res.entities[idx].kind,
                EntityType::Gpe | EntityType::Loc
            );
            // «بطولة كوبا أمريكا»: a second place goes on with the competition's name.
            let goes_on = hit.first > 0 && in_competition[hit.first - 1];
            if place && (goes_on || after_competition(ctx, lex, hit.first)) {
                in_competition[hit.first..hit.last].fill(true);
            } else {
                let e = ents.entity_for_entry(lex, idx);
                ents.add_mention(e, hit.first, hit.last, hit.start, hit.end);
            }
            i = hit.last;
        } else {
            i += 1;
        }
    }

    // 2. Names the statistical tagger finds beyond the gazetteer. It runs before the title,
    // trigger and speaker rules because it is the more precise of the two on unknown names
    // (docs/evaluation.md); the rules then attach titles, roles and countries to what it found
    // and add what it missed.
    if let Some((tagger, seg)) = tagger {
        let mut memory = crate::tagger::Memory::default();
        for &(a, b) in &ctx.sentences {
            let tags = tagger.tag(ctx, lex, seg, (a, b), &mut memory);
            ents.topics.push(memory.topic());
            // Two person spans side by side («إلهام» «علييف») are one name split by the tagger;
            // a body that ends with a title and the person after it («جامعة الملك» «سعود»,
            // «معهد الأمير» «سلطان») is a body named after that person.
            let mut spans: Vec<(usize, usize, &str)> = Vec::new();
            for sp in spans_of(&tags, a) {
                match spans.last_mut() {
                    Some(prev)
                        if sp.2 == "PER"
                            && prev.1 == sp.0
                            && (prev.2 == "PER"
                                || (prev.2 == "ORG" && ends_with_title(ctx, lex, *prev))) =>
                    {
                        prev.1 = sp.1
                    }
                    _ => spans.push(sp),
                }
            }
            // «جامعة الأمير» | «سلطان» untagged: the name after the title is the rest of the
            // body's name all the same.
            let next_starts: Vec<usize> = spans.iter().map(|sp| sp.0).collect();
            for sp in spans.iter_mut() {
                if sp.2 == "ORG"
                    && !next_starts.contains(&sp.1)
                    && sp.1 < b
                    && ends_with_title(ctx, lex, *sp)
                {
                    if let Some(j) = capture_name(ctx, lex, &ents, sp.1, false).filter(|&j| j <= b)
                    {
                        sp.1 = j;
                    }
                }
            }
            let spans = person_spans(ctx, lex, &tagger.model.silver, &ents, &tags, a, spans);
            for (first, last, ty, conj) in spans {
                // «إتش.إس.بي.سي», «(بي.سي.سي)»: letters of an abbreviation joined by dots are
                // one name; the tagger sees the pieces apart.
                let (first, mut last) =
                    dotted_abbreviation(ctx, first, last).unwrap_or((first, last));
                // «الأمير عبدالله بن | مساعد», «عبد العزيز آل | الشيخ»: a name link
                // (name-links.txt) joins a name to the word after it, whatever else that word
                // may be (a title, an adviser), and ends none: the tagger stopped short. Where
                // no name word follows («عائشة بنت #عثمان_بن_عفان») the link goes. A word alone
                // is left as read: «آبي» is also Abe.
                if ty == "PER" {
                    let sentence = ctx.toks[first].sentence;
                    let mut trimming = false;
                    while last > first + 1
                        && ents.at[last - 1].is_none()
                        && ctx.toks[last - 2].kind == TokenKind::Arabic
                        && ctx.in_set(&lex.name_links, last - 1)
                    {
                        let goes_on = !trimming
                            && ctx.toks.get(last).is_some_and(|t| {
                                t.kind == TokenKind::Arabic
                                    && t.sentence == sentence
                                    && !lex.function_words.contains(&t.norm)
                                    && ents.at[last].is_none()
                                    // «عبد الحميد ولد عام 1842»: a link the news seldom
                                    // sees in names («ولد» is also "was born") takes no
                                    // common word that is never in one.
                                    && !(ents.seldom_in_names(last - 1)
                                        && ents.common_word(last))
                            });
                        if goes_on {
                            last += 1;
                        } else {
                            trimming = true;
                            last -= 1;
                        }
                    }
                }
                // «جامعة تمبل» with the tagger's organisation on «تمبل» alone: a noun that is
                // part of the name (`in-name=yes` in entity-triggers.tsv) begins it. Only for
                // an organisation the tagger found.
                // «آية الله | الخميني», «آية الله الخميني»: a person the tagger began inside
                // or at a title begins after it.
                // The «و» the list was cut at stays with the title («والملك | خالد»).
                let (first, conj) = match (ty == "PER")
                    .then(|| {
                        (first.saturating_sub(3).max(a)..=first).find_map(|j| {
                            ctx.match_at(&lex.titles, j, true)
                                .filter(|h| h.last > first && h.last < last)
                        })
                    })
                    .flatten()
                {
                    Some(h) => (h.last, false),
                    None => (first, conj),
                };
                let first = if ty == "ORG" && !conj {
                    (first.saturating_sub(2).max(a)..first)
                        .find_map(|j| {
                            ctx.match_at(&lex.triggers, j, true).filter(|h| {
                                h.last == first
                                    && h.value.in_name
                                    && ents.at[h.first..h.last].iter().all(Option::is_none)
                            })
                        })
                        .map_or(first, |h| h.first)
                } else {
                    first
                };
                // «الجيشين الروسي والسوري أبلغا»: a person the tagger began on a nationality
                // adjective with the article begins after it, as where the adjective stands
                // alone (below), and is no one when what is left is one word the news never
                // saw in a person's name.
                // The adjective gives the person's country («البرتغالي كريستيانو رونالدو»).
                let adjective_country =
                    (ty == "PER" && last > first + 1 && ents.at[first].is_none())
                        .then(|| {
                            crate::context::variants(&ctx.toks[first].norm)
                                .iter()
                                .filter(|(v, _)| v.starts_with("ال"))
                                .find_map(|(v, _)| lex.nationality.get(v.as_ref()).cloned())
                        })
                        .flatten()
                        .filter(|_| demonym(ctx, lex, &ents, first, ty));
                let (first, conj) = if adjective_country.is_some() {
                    if last == first + 2 && ents.never_a_person(first + 1) {
                        continue;
                    }
                    // The «و» of a cut list stood on the adjective.
                    (first + 1, false)
                } else {
                    (first, conj)
                };
                let abbreviation = ctx.toks[first..last]
                    .iter()
                    .any(|t| t.kind == TokenKind::Punct);
                if abbreviation && ents.at[first..last].iter().any(Option::is_some) {
                    continue;
                }
                // «وزارة الصحة السعودية»: the gazetteer declined this reading of the word, an
                // adjective agreeing with the noun before it; it is no name of its own.
                // An organisation's noun alone («جامعة», «منظمة», «قوات الأمن», «المنتخب») names
                // no body: the trigger rules below read the name after it when there is one
                // («منظمة "الخوذ البيضاء"», «الحكومة السورية» whole, with its country).
                let bare_noun = ty != "PER"
                    && ctx
                        .match_at(&lex.triggers, first, true)
                        .is_some_and(|h| h.last == last);
                // «موسكو وأنقرة، شريكتان»: a place or a body of one word that is an event's
                // noun in the dictionaries is that noun, not a name.
                let event_word =
                    ty != "PER" && last == first + 1 && ctx.in_set(&lex.event_words, first);
                // «بإذن الله», «في ريف درعا»: a word that is part of a name only beside
                // another (name-parts.txt) names nothing alone. «وقال الشيخ», «خادم الحرمين
                // الشريفين»: a title, or a word inside one, is no person either.
                let no_name = (last == first + 1 && ctx.in_set(&lex.res.name_parts, first))
                    || (ty == "PER"
                        && (first.saturating_sub(3).max(a)..=first).any(|j| {
                            ctx.match_at(&lex.titles, j, true)
                                .is_some_and(|h| h.last > first && h.last >= last)
                        }));
                // «14.3 مليار ريال»: the unit of a number (units.tsv) is no body; and a unit
                // is never a place or a person («منطقة اليورو», «ارتفع اليورو»). «ريال»
                // alone may still be the club.
                let after_number = first > a
                    && (ctx.toks[first - 1].kind == TokenKind::Number
                        || lex.numbers.contains_key(&ctx.toks[first - 1].norm));
                let unit = (after_number || ty != "ORG")
                    && ctx
                        .match_at(&lex.units, first, true)
                        .is_some_and(|h| h.last == last);
                let demonym = last == first + 1
                    && ents.at[first].is_none()
                    && demonym(ctx, lex, &ents, first, ty);
                let competition = ty != "PER" && in_competition[first..last].contains(&true);
                let month = month_of_a_date(ctx, lex, first, last);
                if !(abbreviation || ctx.toks[first..last].iter().all(|t| t.is_word()))
                    || competition
                    || adjective_reading(ctx, lex, first, last)
                    || bare_noun
                    || event_word
                    || no_name
                    || unit
                    || demonym
                    || month
                {
                    continue;
                }
                let mut inherited = None;
                if ents.at[first..last].iter().any(Option::is_some) {
                    match absorb(ctx, lex, &tagger.model.silver, &mut ents, first, last, ty) {
                        Absorbed::No | Absorbed::Extended => continue,
                        Absorbed::Freed(country) => inherited = country,
                    }
                }
                // «في مالي»: a name the gazetteer leaves to the tagger (`tagged=` in
                // entities/*.tsv; «مالي» is also "financial") is that entry where the tagger
                // reads a place there for a place, a body for a body («أبل» is Apple only read
                // as a body; «نيسان - أبريل», read as a place, is the month, not Nissan; «كابل»,
                // a place, is Kabul, not «ك» + «ابل»). Read through a clitic only where four
                // letters at least are left: «وابل» (a barrage) is no «و» + «ابل».
                let agrees = |e: usize| match lex.res.entities[e].kind {
                    EntityType::Gpe | EntityType::Loc => ty == "LOC",
                    EntityType::Org | EntityType::Media => ty == "ORG",
                    EntityType::Per => false,
                };
                if let Some(h) = ctx
                    .match_at(&lex.tagged, first, true)
                    .filter(|h| h.last == last && agrees(*h.value))
                    .filter(|h| {
                        h.start == ctx.toks[first].start
                            || ctx.text[h.start..h.end].chars().count() >= 4
                    })
                {
                    let e = ents.entity_for_entry(lex, *h.value);
                    ents.add_mention(e, first, last, h.start, h.end);
                    continue;
                }
                // The record has no MISC type: events, works and nationalities stay out.
                let mut kind = match ty {
                    "PER" => EntityType::Per,
                    "ORG" => EntityType::Org,
                    "LOC" => EntityType::Loc,
                    _ => continue,
                };
                // A name that opens with an organisation's noun («جامعة تمبل», «شركة …») is
                // that kind of body, whatever type the tagger gave it.
                let mut sector = None;
                if let Some(h) = ctx
                    .match_at(&lex.triggers, first, true)
                    .filter(|h| h.last < last && !h.value.needs_nationality)
                {
                    kind = h.value.kind;
                    sector = h.value.sector.clone();
                }
                let t = &ctx.toks[first];
                let stop = ctx.toks[last - 1].end;
                let mut clitics = if conj {
                    1
                } else {
                    name_clitics(ctx, lex, Some(&tagger.model.silver), first).max(
                        clitics_before_known_name(lex, &tagger.model.silver, &t.norm),
                    )
                };
                // «وكانيتي» after «ميغيل أرياس كانيتي»: the «و» of a person already named.
                if clitics == 0 && kind == EntityType::Per && t.norm.starts_with(['و', 'ف']) {
                    let rest = shown_name(ctx, first, skip_letters(ctx.text, t.start, 1), stop);
                    if same_person(&ents, lex, &rasd_text::fold_phrase(&rest)).is_some() {
                        clitics = 1;
                    }
                }
                let start = skip_letters(ctx.text, t.start, clitics);
                let name = shown_name(ctx, first, start, stop);
                let key = rasd_text::fold_phrase(&name);
                let existing = if kind == EntityType::Per {
                    same_person(&ents, lex, &key)
                } else {
                    ents.named(|f| f.kind == kind, &key)
                };
                // «معهد الإحصاءات التركي», «صحيفة بيلد الألمانية»: a nationality adjective right
                // after a body's name gives its country, as it does after a trigger noun. The
                // name stays as the tagger read it, so that «ليفربول الإنجليزي» and «ليفربول»
                // remain one club.
                let country = inherited.or(adjective_country).or_else(|| {
                    (kind != EntityType::Per
                        && kind != EntityType::Loc
                        && ctx
                            .toks
                            .get(last)
                            .is_some_and(|t| t.sentence == ctx.toks[first].sentence)
                        && ents.at.get(last).is_some_and(Option::is_none))
                    .then(|| ctx.match_at(&lex.nationality, last, false))
                    .flatten()
                    .map(|h| h.value.clone())
                });
                let e = match existing {
                    Some(e) => e,
                    None => ents.add_found(kind, name, (country, sector, None), "tagger"),
                };
                ents.add_mention(e, first, last, start, stop);
            }
        }
    }

    // Where titles stand, so that «الخارجية» in «وزير الخارجية» is not read as a body.
    let mut in_title = vec![false; n];
    let mut i = 0;
    while i < n {
        match ctx.match_at(&lex.titles, i, true) {
            Some(h) => {
                in_title[h.first..h.last].iter_mut().for_each(|x| *x = true);
                i = h.last;
            }
            None => i += 1,
        }
    }

    // 2b. In a match report a city is its club («وفاز برشلونة على ضيفه»), whatever the tagger
    // made of it: a city of the gazetteer (not a capital, which stands for its government)
    // that no preposition or place word marks as the place («في برشلونة», «مدينة برشلونة»)
    // becomes the body the passage's topic names (`city=` in topics.tsv), with its country.
    if ents.topics.len() != ctx.sentences.len() {
        let mut passage = crate::tagger::Passage::default();
        ents.topics = ctx
            .sentences
            .iter()
            .map(|&(a, b)| passage.sentence(ctx, lex, (a, b)))
            .collect();
    }
    clubs_of_cities(ctx, lex, &mut ents);

    // 3. Organisation and media names after trigger nouns.
    let mut i = 0;
    while i < n {
        let Some(hit) = ctx.match_at(&lex.triggers, i, true) else {
            i += 1;
            continue;
        };
        if ents.at[hit.first..hit.last].iter().any(Option::is_some) || in_title[hit.first] {
            i = hit.last;
            continue;
        }
        let trig = hit.value;
        let sentence = ctx.toks[i].sentence;
        let q = hit.last;
        if trig.of_place {
            if let Some(last) = body_of_place(ctx, &mut ents, (hit.first, hit.start), q, trig.kind)
            {
                i = last;
                continue;
            }
        }
        let is_punct_at = |k: usize, f: fn(&str) -> bool| {
            ctx.toks
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Punct && f(ctx.slice(t.start, t.end)))
        };
        // The name's token range, its byte span and the country it declares.
        let mut found: Option<(usize, usize, usize, usize, Option<String>)> = None;
        if trig.needs_nationality {
            if let Some(nat) = ctx.match_at(&lex.nationality, q, false) {
                found = Some((
                    hit.first,
                    nat.last,
                    hit.start,
                    nat.end,
                    Some(nat.value.clone()),
                ));
            }
        } else if is_punct_at(q, is_open_quote) {
            let close = (q + 1..(q + 8).min(n)).find(|&c| is_punct_at(c, is_close_quote));
            if let Some(close) = close.filter(|&c| {
                c > q + 1
                    && !ctx.toks[q + 1..c]
                        .iter()
                        .any(|t| t.kind == TokenKind::Punct)
            }) {
                let country = ctx
                    .match_at(&lex.nationality, close + 1, false)
                    .map(|h| h.value.clone());
                found = Some((
                    q + 1,
                    close,
                    ctx.toks[q + 1].start,
                    ctx.toks[close - 1].end,
                    country,
                ));
            }
        } else if let Some(after) = named_after(ctx, lex, &mut ents, &hit, trig) {
            found = Some((hit.first, after, hit.start, ctx.toks[after - 1].end, None));
        } else if trig.kind == EntityType::Org {
            // «وزارة الصحة السعودية», «هيئة المنافذ الحدودية العراقية»: the definite words
            // after the noun, closed by a nationality adjective when there is one.
            let mut k = q;
            let mut country = None;
            while k < n && k < q + 4 {
                let t = &ctx.toks[k];
                let w = ctx.slice(t.start, t.end);
                // «حزب العدالة والتنمية»: a coordinated definite word continues the name.
                let definite = w.starts_with("ال") || (k > q && w.starts_with("وال"));
                if t.kind != TokenKind::Arabic
                    || t.sentence != sentence
                    || ents.at[k].is_some()
                    || !definite
                {
                    break;
                }
                if let Some(nat) = ctx.match_at(&lex.nationality, k, false) {
                    country = Some(nat.value.clone());
                    k = nat.last;
                    break;
                }
                if lex.not_names.contains(&t.norm)
                    || in_title[k]
                    || ctx.in_set(&lex.function_words, k)
                {
                    break;
                }
                k += 1;
            }
            if k > q {
                found = Some((hit.first, k, hit.start, ctx.toks[k - 1].end, country));
            }
        }
        let Some((first, last, start, end, country)) = found else {
            i = hit.last;
            continue;
        };
        if ents.at[first..last].iter().any(Option::is_some) {
            i = last;
            continue;
        }
        let name = shown_name(ctx, first, start, end);
        let key = rasd_text::fold_phrase(&name);
        let e = match ents.named(|_| true, &key) {
            Some(e) => e,
            None => {
                let sector = trig
                    .sector
                    .clone()
                    .or_else(|| (trig.kind == EntityType::Media).then(|| "MED".to_string()));
                ents.add_found(trig.kind, name, (country, sector, None), "pattern")
            }
        };
        ents.add_mention(e, first, last, start, end);
        i = last;
    }

    // 4. Titles, with the nationality and the name after them.
    let mut i = 0;
    // A title that named no one and ended where the next begins, with its role and sector:
    // «المتحدث باسم وزارة الصحة الدكتور خالد مرغلاني» is the ministry's spokesman, and the
    // honorific after it says no more than that he holds a doctorate.
    let mut handed: Option<(usize, TitleInfo)> = None;
    // Titles that named no one after them and may stand in apposition to a name found later:
    // their index in `ents.titles`, office and country.
    let mut unclaimed: Vec<(usize, TitleInfo, Option<String>)> = Vec::new();
    while i < n {
        let Some(hit) = ctx.match_at(&lex.titles, i, true) else {
            i += 1;
            continue;
        };
        if ents.at[hit.first..hit.last].iter().any(Option::is_some)
            || adjective_reading_of_title(ctx, &ents, hit.first, hit.last)
        {
            i = hit.last;
            continue;
        }
        let mut info = hit.value.clone();
        if let Some((_, before)) = handed.take().filter(|(at, _)| *at == hit.first) {
            // A rank between an office and the name («رئيس المجلس الأعلى للقضاء الشيخ …»,
            // «رئيس الهيئة العامة للسياحة الأمير …», «وزير الداخلية الفريق أول …») is how the
            // holder is addressed or where he stands in the ranks; the office is what he
            // holds. The rank's sector stands where the office names none.
            if info.rank && before.role.is_some() {
                info = TitleInfo {
                    sector: before.sector.or(info.sector),
                    ..before
                };
            }
        }
        if info.refers_back {
            let entity = last_in_role(&ents, &info, ctx.toks[hit.first].start);
            ents.push_title(TitleRef {
                first: hit.first,
                last: hit.last,
                entity,
            });
            i = hit.last;
            continue;
        }
        let mut k = hit.last;
        let mut country: Option<String> = None;
        // Where a person or another title follows the portfolio («وزير الصحة خالد الفالح»,
        // «مدير العلاقات العامة بالجمعية وليد البوسيف», «مدير الأمن العام اللواء …»).
        let mut after_portfolio = None;
        // The comma after the portfolio, where a name the entity layer missed follows it.
        let mut unnamed_at: Option<usize> = None;
        if let Some(nat) = ctx.match_at(&lex.nationality, k, false) {
            country = Some(nat.value.clone());
            k = nat.last;
            // «القنصل السعودي العام عبدالله الحمراني»: the title's last word may follow the
            // nationality, where the title with that word is a title too («القنصل العام»).
            let title = rasd_text::fold_phrase(&ctx.text[hit.start..hit.end]);
            if ctx.toks.get(k).is_some_and(|t| {
                t.sentence == ctx.toks[i].sentence
                    && t.kind == TokenKind::Arabic
                    && lex.titles.get(&format!("{title} {}", t.norm)).is_some()
            }) {
                k += 1;
            }
        } else {
            // «وزير الاتصالات وتكنولوجيا المعلومات الإيراني …»: the portfolio stands between
            // the title and the nationality.
            let s = ctx.toks[i].sentence;
            let mut j = k;
            // A portfolio read through a preposition («للثورة الإيرانية», «للجمعية البريطانية»)
            // names a body whose nationality is not the person's; one read through a bare
            // «و»-word («وين ليانكسينغ») may have run into the name itself.
            let (mut through_preposition, mut all_definite) = (false, true);
            let mut chain_head = true;
            // A title right after a name describes that name («جيمس بيكر وزير الخارجية
            // الأسبق، وستيفن هادلي»): the name after its comma is the next in a list.
            let after_a_name = hit.first > 0
                && ents.at[hit.first - 1].is_some_and(|e| ents.found[e].kind == EntityType::Per);
            while j < n && j < k + 8 {
                let t = &ctx.toks[j];
                // «مدير الوقاية بوزارة الصحة، جمال فورار»: the name after the portfolio and a
                // comma.
                let comma = t.is_comma(ctx.text);
                if comma && j > k && all_definite && !after_a_name {
                    match ents.at.get(j + 1).copied().flatten() {
                        Some(e) => {
                            if ents.found[e].kind == EntityType::Per
                                && ctx.toks[j + 1].sentence == s
                            {
                                after_portfolio = Some(j + 1);
                            }
                        }
                        // A name the entity layer missed («رئيس الشركة، دارا خسروشاهي،»).
                        None => {
                            if ctx.toks.get(j + 1).is_some_and(|u| u.sentence == s)
                                && capture_name(ctx, lex, &ents, j + 1, true).is_some()
                                && set_off_name(ctx, &ents, j + 1)
                            {
                                unnamed_at = Some(j);
                            }
                        }
                    }
                    break;
                }
                if t.kind != TokenKind::Arabic
                    || t.sentence != s
                    || lex.function_words.contains(&t.norm)
                {
                    break;
                }
                if let Some(e) = ents.at[j] {
                    if j > k && all_definite && ents.found[e].kind == EntityType::Per {
                        after_portfolio = Some(j);
                    } else if j > k && ents.found[e].kind != EntityType::Per {
                        // A place or body inside the portfolio («بمحافظة الأحساء»); a
                        // nationality after it is its own.
                        while j < n && ents.at[j] == Some(e) {
                            j += 1;
                        }
                        through_preposition = true;
                        continue;
                    }
                    break;
                }
                if let Some(nat) = ctx
                    .match_at(&lex.nationality, j, false)
                    .filter(|_| j > k && !through_preposition)
                {
                    country = Some(nat.value.clone());
                    k = nat.last;
                    break;
                }
                // Another title: right after this one, the two are titles in a row, read in
                // turn; after a portfolio, it hands this one on.
                if ctx
                    .match_at(&lex.titles, j, false)
                    .is_some_and(|h| !adjective_reading_of_title(ctx, &ents, h.first, h.last))
                {
                    if j > k && all_definite {
                        after_portfolio = Some(j);
                    }
                    break;
                }
                let w = ctx.slice(t.start, t.end);
                // «خادم الحرمين الشريفين وسمو ولي العهد»: a title after «و» is another
                // person's, no part of this one's portfolio.
                if w.starts_with('و') && ctx.match_at(&lex.titles, j, true).is_some() {
                    break;
                }
                let definite = ["ال", "وال"].iter().any(|p| w.starts_with(p));
                // «بالجمعية», «للشركة», and a common noun made definite by what follows it
                // behind a preposition: «بمحافظة الأحساء», «لشؤون المساجد» (names begin with
                // these letters too: «بثينة», «لي هسين لونج»).
                let next_definite = ctx.toks.get(j + 1).is_some_and(|u| {
                    u.sentence == s
                        && (ctx.slice(u.start, u.end).starts_with("ال") || ents.at[j + 1].is_some())
                });
                let prepositional = ["بال", "لل", "وبال", "ولل"]
                    .iter()
                    .any(|p| w.starts_with(p))
                    || (next_definite
                        && (w.starts_with('ب') || w.starts_with('ل'))
                        && w.chars().count() >= 4
                        && ents.common_word(j));
                // «مدير إدارة شؤون القطاع», «رئيس جهاز الأمن القومي»: the portfolio may open
                // with common nouns that the definite word after them makes definite (a
                // construct chain); after that word an indefinite noun opens something else
                // («أعلن مدير الشرطة مقتل …»).
                let construct = chain_head
                    && ents.common_word(j)
                    && ctx.toks.get(j + 1).is_some_and(|u| u.sentence == s)
                    && !given_before_surname(ctx, lex, &ents, j, s);
                if !(definite || prepositional || construct || w.starts_with('و')) {
                    break;
                }
                chain_head &= construct;
                through_preposition |= prepositional;
                all_definite &= definite || prepositional || construct;
                j += 1;
            }
        }
        // The name the entity layer missed: the capture below starts after that comma, as an
        // appositive one, where a bare «مدير» or «رئيس» may take a name.
        let missed_name = unnamed_at.filter(|_| country.is_none() && after_portfolio.is_none());
        if let Some(j) = missed_name {
            k = j;
        }
        if let Some(j) = after_portfolio.filter(|_| country.is_none()) {
            if ents.at[j].is_none() {
                // Another title: the name after it is this one's too («مدير الأمن العام
                // اللواء فلان»), and it is read when the loop reaches that title.
                ents.push_title(TitleRef {
                    first: hit.first,
                    last: j,
                    entity: None,
                });
                handed = Some((j, info));
                i = j;
                continue;
            }
            k = j;
        }
        // «الأمين العام للأمم المتحدة أنطونيو غوتيريش», «وزير خارجية روسيا», «المتحدث باسم
        // الخارجية الروسية …»: the body the title belongs to comes before the name.
        let mut skipped_body = false;
        // «المتحدثة باسم ميلانيا ترامب، ستيفاني غريشام»: right after a title that speaks for
        // someone (`speaks-for=yes` in titles.tsv) a person is the one spoken for, as a body
        // would be, not the spokesperson.
        let speaks_for = hit.value.speaks_for;
        if let Some(e) = ents.at.get(k).copied().flatten() {
            if (ents.found[e].kind != EntityType::Per || (speaks_for && k == hit.last))
                && ctx.toks[k].sentence == ctx.toks[i].sentence
            {
                skipped_body = true;
                country = country.or(ents.found[e].country.clone());
                while k < n && ents.at[k] == Some(e) {
                    k += 1;
                }
                // The one spoken for may be named in two pieces («ميلانيا» «ترامب»): so a
                // second name is, where a person set off by a comma follows it, the
                // spokesperson. Else the second name is the spokesperson's own («المتحدثة
                // باسم البيت الأبيض سارة ساندرز»).
                if let Some(e2) = ents.at.get(k).copied().flatten().filter(|_| speaks_for) {
                    let mut end = k;
                    while end < n && ents.at[end] == Some(e2) {
                        end += 1;
                    }
                    let person_after_comma =
                        ctx.toks.get(end).is_some_and(|t| t.is_comma(ctx.text))
                            && ents
                                .at
                                .get(end + 1)
                                .copied()
                                .flatten()
                                .is_some_and(|p| ents.found[p].kind == EntityType::Per);
                    if person_after_comma && ctx.toks[k].sentence == ctx.toks[i].sentence {
                        country = country.or(ents.found[e2].country.clone());
                        k = end;
                    }
                }
                if let Some(nat) = ctx.match_at(&lex.nationality, k, false) {
                    country = country.or(Some(nat.value.clone()));
                    k = nat.last;
                }
            }
        } else if speaks_for {
            // «المتحدث باسم الوزارة محمد …»: skip the unnamed body (a noun and its
            // article-bearing modifiers).
            let s = ctx.toks[i].sentence;
            if ctx
                .toks
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Arabic && t.sentence == s)
            {
                k += 1;
                while ctx.toks.get(k).is_some_and(|t| {
                    t.kind == TokenKind::Arabic
                        && t.sentence == s
                        && t.norm.starts_with("ال")
                        && !lex.name_links.contains(&t.norm)
                }) {
                    if let Some(nat) = ctx.match_at(&lex.nationality, k, false) {
                        country = country.or(Some(nat.value.clone()));
                    }
                    k += 1;
                }
            }
        }
        let mut name_at = k;
        if ctx.toks.get(k).is_some_and(|t| t.is_comma(ctx.text)) {
            name_at = k + 1;
        }
        let sentence = ctx.toks[i].sentence;
        let same_sentence = ctx
            .toks
            .get(name_at)
            .is_some_and(|t| t.sentence == sentence);
        // A title that says its country itself («المستشارة الألمانية»: `country=` in
        // titles.tsv), where no nationality after it did.
        let country = country.or_else(|| info.country.clone());
        if let Some(e) = ents
            .at
            .get(name_at)
            .copied()
            .flatten()
            .filter(|_| same_sentence)
        {
            if ents.found[e].kind == EntityType::Per {
                let f = &mut ents.found[e];
                f.role = f.role.clone().or(info.role.clone());
                f.sector = f.sector.clone().or(info.sector.clone());
                f.country = f.country.clone().or(country.clone());
                let mut last = name_at;
                while last < n && ents.at[last] == Some(e) {
                    last += 1;
                }
                // The tagger may have stopped short inside a name the title frames
                // («الرئيس الأذربيجاني، إلهام | علييف،»): the rest of the name joins it.
                if ents.found[e].source == "tagger" && (country.is_some() || name_at > k) {
                    let mut end = last;
                    while end < n
                        && end < name_at + 4
                        && namelike_in(ctx, lex, &ents, end, sentence, true, false)
                    {
                        end += 1;
                    }
                    if end > last && ctx.toks.get(end).is_none_or(|t| t.kind == TokenKind::Punct) {
                        let (start, stop) = (ctx.toks[name_at].start, ctx.toks[end - 1].end);
                        for a in &mut ents.at[last..end] {
                            *a = Some(e);
                        }
                        let f = &mut ents.found[e];
                        f.mentions.retain(|m| m.0 != start);
                        f.mentions.push((start, stop));
                        ents.set_canonical(e, ctx.slice(start, stop));
                        last = end;
                    }
                }
                ents.push_title(TitleRef {
                    first: hit.first,
                    last,
                    entity: Some(e),
                });
                i = last;
                continue;
            }
        }
        // The title as written decides whether a name may follow it, whatever role a title
        // before it handed on.
        let own_role = hit.value.role.as_deref();
        let honorific = matches!(own_role, Some("honorific" | "head" | "director" | "ceo"));
        let capture = if same_sentence {
            capture_name(ctx, lex, &ents, name_at, name_at > k)
        } else {
            None
        };
        // A bare «رئيس» or «مدير» followed by a noun is usually «head of …», not a name: those
        // titles introduce a name only with a nationality or an appositive comma.
        let capture = capture.filter(|_| {
            !honorific || country.is_some() || name_at > k || own_role == Some("honorific")
        });
        // After a body with no comma («مدرب مانشستر يونايتد») one word is more likely the rest
        // of the body's name than a person.
        let capture = capture.filter(|&end| !(skipped_body && name_at == k && end - name_at < 2));
        let capture = capture.filter(|_| {
            !ents.never_a_name(name_at) || given_before_surname(ctx, lex, &ents, name_at, sentence)
        });
        if let Some(end) = capture {
            // The tagger found only the end of this name («إلهام | علييف»): one person, named
            // in full.
            if let Some(e2) = ents.at.get(end).copied().flatten().filter(|&e2| {
                ents.found[e2].kind == EntityType::Per && ents.found[e2].source == "tagger"
            }) {
                let mut last = end;
                while last < n && ents.at[last] == Some(e2) {
                    last += 1;
                }
                let (start, stop) = (ctx.toks[name_at].start, ctx.toks[last - 1].end);
                let old_start = ctx.toks[end].start;
                for a in &mut ents.at[name_at..end] {
                    *a = Some(e2);
                }
                ents.set_canonical(e2, ctx.slice(start, stop));
                let f = &mut ents.found[e2];
                f.mentions.retain(|m| m.0 != old_start);
                f.mentions.push((start, stop));
                f.country = f.country.clone().or(country.clone());
                f.role = f.role.clone().or(info.role.clone());
                f.sector = f.sector.clone().or(info.sector.clone());
                ents.push_title(TitleRef {
                    first: hit.first,
                    last,
                    entity: Some(e2),
                });
                i = last;
                continue;
            }
            let start = ctx.toks[name_at].start;
            let stop = ctx.toks[end - 1].end;
            let name = ctx.slice(start, stop).to_string();
            let key = rasd_text::fold_phrase(&name);
            // The same person may already be known under this name, or under a longer form of
            // it («الأمير فيصل بن خالد» after «فيصل بن خالد بن عبد العزيز»).
            let existing = same_person(&ents, lex, &key);
            let e = match existing {
                Some(e) => e,
                None => {
                    let codes = (country.clone(), info.sector.clone(), info.role.clone());
                    ents.add_found(EntityType::Per, name, codes, "title")
                }
            };
            ents.add_mention(e, name_at, end, start, stop);
            ents.push_title(TitleRef {
                first: hit.first,
                last: end,
                entity: Some(e),
            });
            i = end;
            continue;
        }
        // «محمد التويجري وزير الاقتصاد», «نجاة رضوان، المدير التنفيذي للمعهد»: a title that
        // names no one after it, right after a person who holds no office yet, is that
        // person's. One who holds an office already is more often the subject of a verb
        // whose object the title is («استقبل الملك سلمان رئيس الوزراء العراقي»).
        // A clitic on the title («للفنانة», «والرئيس») makes it no apposition.
        let apposable = hit.start == ctx.toks[hit.first].start
            && !matches!(info.role.as_deref(), Some("honorific" | "counterpart"));
        if let Some(e) = apposed_person(ctx, &ents, hit.first)
            .filter(|&e| apposable && may_take_title(&ents.found[e], &country))
        {
            take_title(&mut ents.found[e], &info, &country);
            ents.push_title(TitleRef {
                first: hit.first,
                last: k,
                entity: Some(e),
            });
            i = k.max(hit.last);
            continue;
        }
        if apposable {
            // The speaker rule below may yet find a name right before it.
            unclaimed.push((ents.titles.len(), info.clone(), country.clone()));
        }
        // «المتحدث الرسمي لوزارة الصحة الدكتور محمد العبدالعالي»: another title right after
        // the body the title names hands this one on, to the person named after it, and the
        // title refers back to no one (a title with «و», «ووزير الدفاع», is another
        // person's).
        let title_follows = skipped_body
            && ctx
                .toks
                .get(k)
                .is_some_and(|t| t.sentence == ctx.toks[hit.first].sentence)
            && ctx.match_at(&lex.titles, k, false).is_some();
        // No name: the title refers back to someone already mentioned.
        let before = ctx.toks[hit.first].start;
        let back = ents
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == EntityType::Per && f.mentions.iter().any(|m| m.0 < before))
            .filter(|(_, f)| country.is_none() || f.country == country)
            .filter(|(_, f)| role_matches(info.role.as_deref(), f.role.as_deref()))
            .max_by_key(|(_, f)| {
                f.mentions
                    .iter()
                    .filter(|m| m.0 < before)
                    .map(|m| m.0)
                    .max()
            })
            .map(|(e, _)| e);
        let mut back = back.filter(|_| (country.is_some() || !honorific) && !title_follows);
        // «قال الرئيس الأمريكي إن …» with no one named before: the holder of that office on
        // the article's date, from the dated people list.
        if back.is_none() && !title_follows {
            if let (Some(c), Some(role), Some(d)) = (country.as_deref(), info.role.as_deref(), date)
            {
                if let Some(idx) = office_holder(lex, c, role, d) {
                    let e = ents.entity_for_entry(lex, idx);
                    let (start, stop) = (ctx.toks[hit.first].start, ctx.toks[k - 1].end);
                    ents.add_mention(e, hit.first, k, start, stop);
                    back = Some(e);
                }
            }
        }
        if back.is_none() {
            handed = Some((k, info));
        }
        ents.push_title(TitleRef {
            first: hit.first,
            last: k,
            entity: back,
        });
        i = k.max(hit.last);
    }

    // 5. The subject of a speech verb, when it is an unknown name: «وقال آذري جهرمي إن …»,
    // «قال يورغن كلوب مدرب ليفربول …»; an impersonal form with a name after it is the active
    // verb («ويذكر …»). A relaying verb (`from=` in speech-verbs.tsv) names the one who spoke
    // after its preposition («ونقلت وكالة إرنا عن آذري جهرمي قوله»); where it is also another
    // word («نقل»: to carry) nothing beside it is a name.
    // Computed once, where a relaying verb first needs it.
    let mut pairs: Option<Vec<(usize, usize)>> = None;
    for v in 0..n {
        let Some(verb) = crate::quotes::speech(ctx, lex, v).filter(|s| {
            matches!(
                s.form,
                rasd_resources::VerbForm::Finite | rasd_resources::VerbForm::Impersonal
            )
        }) else {
            continue;
        };
        let s1 = ctx
            .sentences
            .get(ctx.toks[v].sentence)
            .map_or(n, |&(_, s1)| s1);
        let relayed = verb.from.as_deref().and_then(|prep| {
            let pairs = pairs.get_or_insert_with(|| crate::quotes::quote_pairs(ctx));
            crate::quotes::relay_preposition(ctx, lex, (v, s1), prep, |j| {
                crate::quotes::in_a_name(ctx, &ents, pairs, j)
            })
        });
        let k = match relayed {
            Some((j, false)) => j + 1,
            _ if verb.relays_only_with_preposition() => continue,
            _ => v + 1,
        };
        if k >= n || ents.at[k].is_some() || ents.title_at(k).is_some() {
            continue;
        }
        let Some(end) = capture_name_in(ctx, lex, &ents, k, false, true) else {
            continue;
        };
        // A lone word after «قال» is too often a common noun («قال منتقدون»); a full name has
        // two words (a connector and its word count as one).
        let words = (k..end)
            .filter(|&x| !lex.name_links.contains(&ctx.toks[x].norm))
            .count();
        // «عن مصدرين أمنيين قولهما», «عن مدعين هولنديين أن»: after the preposition unnamed
        // sources are the rule, and a word the news has often seen and never inside a name
        // makes a noun phrase of them.
        if words < 2 || (relayed.is_some() && (k..end).any(|x| ents.never_a_name(x))) {
            continue;
        }
        // What follows must close the subject: a title, a comma or colon, or a reported-speech
        // particle — not more running words or a preposition («لم يتوقع ردود الفعل من …»).
        let closes = match ctx.toks.get(end) {
            None => false,
            Some(t) if t.sentence != ctx.toks[k].sentence => false,
            Some(t) if t.kind == TokenKind::Punct => {
                matches!(ctx.slice(t.start, t.end), "،" | "," | ":")
            }
            // «وقال يوهان فريدريكسن من شرطة أوسلو»: «of …» closes a name with no article in it;
            // a phrase with one is a noun phrase («ردود الفعل من …»).
            Some(t) => {
                ctx.in_set(&lex.complementizers, end)
                    || ctx.match_at(&lex.titles, end, true).is_some()
                    || (relayed.is_some() && crate::quotes::speech_noun(ctx, lex, end))
                    || (t.norm == "من"
                        && !(k..end).any(|x| {
                            ctx.slice(ctx.toks[x].start, ctx.toks[x].end)
                                .starts_with("ال")
                        }))
            }
        };
        if !closes {
            continue;
        }
        let (start, stop) = (ctx.toks[k].start, ctx.toks[end - 1].end);
        let name = ctx.slice(start, stop).to_string();
        let key = rasd_text::fold_phrase(&name);
        let e = match same_person(&ents, lex, &key) {
            Some(e) => e,
            None => ents.add_found(EntityType::Per, name, (None, None, None), "speaker"),
        };
        ents.add_mention(e, k, end, start, stop);
        // «وأكدت نجاة رضوان، المديرة التنفيذية للمعهد، أن»: the title after the name.
        let (titles, found) = (&mut ents.titles, &mut ents.found);
        for (t, info, country) in &unclaimed {
            let title = &mut titles[*t];
            if apposed_person_at(ctx, title.first) == Some(end - 1)
                && may_take_title(&found[e], country)
            {
                take_title(&mut found[e], info, country);
                title.entity = Some(e);
            }
        }
    }

    named_after_a_person(ctx, lex, &mut ents);

    // 6. Later short mentions of people found by title: the surname alone.
    let mut surnames: HashMap<String, usize> = HashMap::default();
    for (e, f) in ents.found.iter().enumerate() {
        if f.kind == EntityType::Per
            && !f.mentions.is_empty()
            && matches!(f.source, "title" | "speaker" | "tagger")
        {
            let words: Vec<&str> = f.canonical.split_whitespace().collect();
            if words.len() >= 2 {
                let last = rasd_text::fold(words[words.len() - 1]);
                // «الله» of «عبد الله» is no surname: alone it names no one (name-parts.txt);
                // nor is «الشيخ» of «صالح آل الشيخ», which alone is a title, nor the father's
                // name after «بن» (lineage-links.txt).
                let fathers = lex
                    .res
                    .lineage_links
                    .contains(&rasd_text::fold(words[words.len() - 2]));
                if !fathers
                    && !lex.not_names.contains(&last)
                    && !lex.res.name_parts.contains(&last)
                    && lex.titles.get(&last).is_none()
                    && last.chars().count() >= 3
                {
                    surnames.entry(last).or_insert(e);
                }
            }
        }
    }
    if !surnames.is_empty() {
        for k in 0..n {
            if ents.at[k].is_some() || ctx.toks[k].kind != TokenKind::Arabic {
                continue;
            }
            let hit = crate::context::variants(&ctx.toks[k].norm)
                .into_iter()
                .find_map(|(v, s)| surnames.get(v.as_ref()).map(|&e| (e, s)));
            if let Some((e, stripped)) = hit {
                let t = &ctx.toks[k];
                let start = if stripped > 0 {
                    crate::context::skip_letters(ctx.text, t.start, stripped)
                } else {
                    t.start
                };
                ents.add_mention(e, k, k + 1, start, t.end);
            }
        }
    }
    for f in &mut ents.found {
        f.mentions.sort_unstable();
        f.mentions.dedup();
    }
    ents
}
