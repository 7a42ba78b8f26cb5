//! Deciding chunks: where a run of capitalised words splits into names, what is trimmed off
//! its edges, and the type the rules give each part.

#[allow(unused_imports)]
use super::*;

/// Split a chunk before a connector that introduces a separate known place when the left part is
/// complete on its own: "Ministrisë së Mbrojtjes | të Koresë së Jugut", "Lindjen e Largët | të Rusisë".
pub(super) fn split_chunk(tokens: &[Token], first: usize, last: usize, lang: &str, res: &Resources) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = first;
    let mut k = first + 1;
    while k < last {
        // "Şişecam Genel Müdürü Görkem Elverici": a title inside a chunk ends the name before it.
        // (Not before an institution's head that closes the chunk: "Mesleki Hizmetler Genel
        // Müdürlüğünce" is a directorate general, not a director general.)
        let head_closes = || lang != "sq" && res.cue(CueKind::OrgHead, lang, strip_attached_suffix(&tokens[last].lower()));
        if tokens[k].is_capitalised() && res.cue(CueKind::PersonTitle, lang, &tokens[k].lower()) && !head_closes() {
            let mut left_end = k;
            while left_end > start && res.cue(CueKind::PersonTitle, lang, &tokens[left_end - 1].lower()) {
                left_end -= 1;
            }
            if left_end > start {
                parts.push((start, left_end - 1));
            }
            // Past every title word: "Genel Müdürü Görkem Elverici".
            start = k + 1;
            while start < last && res.cue(CueKind::PersonTitle, lang, &tokens[start].lower()) {
                start += 1;
            }
            k = start + 1;
            continue;
        }
        // "Kristal Abazajt e Dejvi Bregut": "e" (and) between two full names, not inside one.
        let bare_name = |from: usize, to: usize| to > from && tokens[from..=to].iter().all(|t| t.is_capitalised() && !t.is_all_caps());
        let institution = res.cue(CueKind::OrgHead, lang, &tokens[start].lower()) || res.lookup(&[tokens[start].text.as_str()], lang).is_some();
        if lang == "sq" && tokens[k].text == "e" && bare_name(start, k - 1) && bare_name(k + 1, last) && !institution {
            parts.push((start, k - 1));
            start = k + 1;
            k += 1;
            continue;
        }
        // "Rexhep Selimi i VV-së": a person's full name, then his party's acronym.
        // (Checked last, only where the cheap tests pass: it looks every word up.)
        let person_before = || (2..=3).contains(&(k - start)) && bare_name(start, k - 1) && (res.first_names.contains(&tokens[start].lower()) || tokens[start..k].iter().all(|t| !res.is_common_word(lang, &t.lower()) && res.lookup(&[t.text.as_str()], lang).is_none() && !res.cue(CueKind::OrgHead, lang, &t.lower())));
        if lang == "sq" && k + 1 == last && !tokens[k].is_capitalised() && res.cue(CueKind::Connector, lang, &tokens[k].text) && tokens[last].is_all_caps() && person_before() {
            parts.push((start, k - 1));
            start = k + 1;
            break;
        }
        // Only "të" (or a language's only connectors) introduces a separate place; "së"/"e"/"i"
        // continue an official name ("Republikës së Kosovës", "Maqedonisë së Veriut").
        let is_conn = !tokens[k].is_capitalised() && res.cue(CueKind::Connector, lang, &tokens[k].text) && (lang != "sq" || tokens[k].text == "të");
        if is_conn {
            let left: Vec<&str> = tokens[start..k].iter().map(|t| t.text.as_str()).collect();
            let right: Vec<&str> = tokens[k + 1..=last].iter().map(|t| t.text.as_str()).collect();
            let left_content = left.iter().filter(|w| !is_connector_word(w)).count();
            let left_is_place = res.lookup(&left, lang) == Some(EntityKind::Loc);
            let right_is_place = res.starts_known_place(&right, lang);
            // Outside Albanian, a place after an institution's head word is part of its official
            // name ("Guardia di Finanza di Genova", "Tribunal de Grande Instance de Perpignan").
            let official_name = lang != "sq" && res.cue(CueKind::OrgHead, lang, &tokens[start].lower());
            if (left_content >= 2 || left_is_place) && right_is_place && !official_name {
                parts.push((start, k - 1));
                start = k + 1;
            }
        }
        k += 1;
    }
    // "UK Chancellor": a title closing the chunk is not part of the name before it.
    let mut end = last;
    while end > start && tokens[end].is_capitalised() && res.cue(CueKind::PersonTitle, lang, &tokens[end].lower()) && (lang == "sq" || !res.cue(CueKind::OrgHead, lang, &tokens[end].lower())) {
        end -= 1;
    }
    parts.push((start, end));
    parts
}

/// "kryeministri i Shqipërisë Edi Rama", "Kryeprokurori i SPAK Arben Kraja": a known place or
/// organisation (or an acronym) directly followed by a person's full name is two names.
pub(super) fn split_before_person(tokens: &[Token], first: usize, last: usize, lang: &str, res: &Resources) -> Vec<(usize, usize)> {
    let name_like = |t: &Token| t.is_capitalised() && !t.is_all_caps() && !res.cue(CueKind::Connector, lang, &t.text);
    // The person: the last two or three words, capitalised (not acronyms), none a known place.
    for person_len in [2, 3] {
        let Some(start) = (last + 1).checked_sub(person_len) else { continue };
        if start <= first || !tokens[start..=last].iter().all(name_like) {
            continue;
        }
        let words: Vec<&str> = tokens[first..start].iter().map(|t| t.text.as_str()).collect();
        let head = &tokens[first..start];
        if !head[head.len() - 1].is_capitalised() {
            continue;
        }
        // After an institution's own words only a known first name starts a person
        // ("Këshillit Atlantik Damon Wilson", not "Kompania Golden Vip Taxi").
        let institution = lang == "sq" && head.len() >= 2 && res.cue(CueKind::OrgHead, lang, &head[0].lower()) && res.first_names.contains(&tokens[start].lower());
        let known = matches!(res.lookup(&words, lang), Some(EntityKind::Loc | EntityKind::Org)) || institution;
        let acronym = head.len() == 1 && head[0].is_all_caps();
        let person_words: Vec<&str> = tokens[start..=last].iter().map(|t| t.text.as_str()).collect();
        let person_is_place = res.lookup(&person_words, lang).is_some_and(|k| k != EntityKind::Per);
        // "Kosova Sot Online" is one medium: its tail is a common word and an organisation tail.
        let not_a_person = res.cue(CueKind::OrgTail, lang, &tokens[last].lower())
            || res.is_common_word(lang, &tokens[start].lower())
            // "Avrupa | Merkez Bankası" is no person: Turkish (and English) heads come last.
            || (lang != "sq" && tokens[start..=last].iter().any(|t| res.cue(CueKind::OrgHead, lang, strip_attached_suffix(&t.lower()))));
        if (known || acronym) && !person_is_place && !not_a_person {
            return vec![(first, start - 1), (start, last)];
        }
    }
    vec![(first, last)]
}

/// Which tokens are in a line shouted in capitals: three or more all-caps words in a row on one
/// line ("ALI JE OSTVARIO SAN", "OSTALA SAM TRUDNA") are a headline, not a row of acronyms, and
/// only known names in it count.
pub(super) fn in_caps_lines(tokens: &[Token]) -> Vec<bool> {
    let mut marks = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start;
        while end < tokens.len() && tokens[end].is_all_caps() && (end == start || !tokens[end].gap_before.contains('\n')) {
            end += 1;
        }
        if end - start >= 3 {
            marks[start..end].fill(true);
        }
        start = end.max(start + 1);
    }
    marks
}

/// Candidates of one chunk: trim a sentence-initial common word ("Udhëheqësi i | Koresë së
/// Veriut") unless the whole chunk is a known name ("Rruga Press"), split off separate places,
/// then type each part.
pub(super) fn chunk_candidates(tokens: &[Token], mut first: usize, last: usize, lang: &str, res: &Resources, is_common: &dyn Fn(&Token) -> bool, shouted: &dyn Fn(&Token) -> bool) -> Vec<Candidate> {
    // Albanian "ministrit të Jashtëm": a common word after a connector is an adjective of a title.
    let mut after_connector = first > 0 && tokens[first].joins_previous() && res.cue(CueKind::Connector, lang, &tokens[first - 1].text);
    // "ministri i Shëndetësisë", "Ministrit të Punëve të Brendshme": a title's portfolio is made
    // of common words and names no place ("presidenti i Serbisë" does): not a name.
    let after_title = |first: usize, after_connector: bool| lang == "sq" && after_connector && first >= 2 && res.cue(CueKind::PersonTitle, lang, &tokens[first - 2].lower());
    // Capitalised common words that name no place: a portfolio's words.
    let portfolio_words = |from: usize, to: usize| tokens[from..=to].iter().filter(|t| t.is_capitalised()).all(|t| res.is_common_word(lang, &t.lower()) && res.lookup(&[t.text.as_str()], lang).is_none());
    let portfolio = |first: usize, after_connector: bool| after_title(first, after_connector) && portfolio_words(first, last);
    // "ministri i Punëve të Jashtme i | Turqisë", "ministrja e Ekonomisë së | Malit të Zi":
    // the portfolio ends where a known place (or an acronym) follows a connector; an institution
    // is a name, not a portfolio ("kryetari i Kuvendit të Kosovës").
    let portfolio_then_place = |first: usize, after_connector: bool| {
        if !after_title(first, after_connector) || res.cue(CueKind::OrgHead, lang, &tokens[first].lower()) {
            return None;
        }
        (first + 1..last).find(|&k| {
            let rest: Vec<&str> = tokens[k + 1..=last].iter().map(|t| t.text.as_str()).collect();
            !tokens[k].is_capitalised() && res.cue(CueKind::Connector, lang, &tokens[k].text) && portfolio_words(first, k - 1) && (res.starts_known_place(&rest, lang) || (rest.len() == 1 && tokens[last].is_all_caps()))
        })
    };
    loop {
        if let Some(k) = portfolio_then_place(first, after_connector) {
            first = k + 1;
            after_connector = true;
            continue;
        }
        if portfolio(first, after_connector) {
            return Vec::new();
        }
        let words: Vec<&str> = tokens[first..=last].iter().map(|t| t.text.as_str()).collect();
        let initial = tokens[first].starts_sentence();
        // A nationality word is no name even where WikiANN's fragments list it as one ("Italian"
        // from "Italian Republic"); the hand-written lists decide otherwise.
        if first == last && demonym_like(&tokens[first], lang, true) && res.names_lookup(&words, lang, &res.names).is_none() {
            return Vec::new();
        }
        if strong_kind(&words, tokens, first, lang, res, initial, shouted).is_some() {
            break;
        }
        // After a title's connector only adjectives are dropped: "Ministri i | Jashtëm" but
        // "Presidentja e | Republikës së Kosovës" keeps its noun.
        // ("presidenti i Serbisë": a place, though "serb" is also an adjective.)
        let adjective_after_title = after_connector && (lang != "sq" || res.is_sq_adjective(&tokens[first].lower())) && res.lookup(&[tokens[first].text.as_str()], lang).is_none();
        let head_is_common = is_common(&tokens[first]) && (initial || adjective_after_title || res.cue(CueKind::PersonTitle, lang, &tokens[first].lower()));
        if !(head_is_common || demonym_like(&tokens[first], lang, last == first)) {
            break;
        }
        // Drop the common word and the connector after it, then look again.
        let mut next = first + 1;
        while next <= last && !tokens[next].is_capitalised() {
            next += 1;
        }
        if next > last {
            return Vec::new();
        }
        after_connector = next > first + 1;
        first = next;
    }
    if first == last && res.is_function_word(lang, &tokens[first].lower()) && tokens[first].starts_sentence() {
        return Vec::new();
    }
    split_chunk(tokens, first, last, lang, res)
        .into_iter()
        .flat_map(|(first, last)| split_before_person(tokens, first, last, lang, res))
        .flat_map(|(first, last)| split_at_german_nouns(tokens, first, last, lang, res))
        .map(|(first, last)| trim_descriptor(tokens, first, last, lang, res))
        .map(|(first, last)| {
            let words: Vec<&str> = tokens[first..=last].iter().map(|t| t.text.as_str()).collect();
            let initial = tokens[first].starts_sentence();
            match strong_kind(&words, tokens, first, lang, res, initial, shouted) {
                Some((kind, evidence)) => Candidate { first, last, kind: Some(kind), evidence },
                // German capitalises every noun: there, an unknown capitalised word is no evidence,
                // and a lone common noun ("Platz", "Mal") is not even a guess for the model: the
                // word list says it is no name (evidence above a guess keeps the model off it).
                None if lang == "de" && first == last && res.de_nouns.contains(&tokens[first].lower()) => Candidate { first, last, kind: None, evidence: Evidence::Cue },
                None if lang == "de" => Candidate { first, last, kind: None, evidence: Evidence::Guess },
                None => Candidate { first, last, kind: weak_kind(tokens, first, last, lang, res), evidence: Evidence::Guess },
            }
        })
        .collect()
}

/// "Jihadistenmiliz | Islamischer Staat", "Experten Senfgas": a German chunk is cut at its
/// common nouns (which are capitalised) unless a list knows the whole ("Vereinten Nationen").
pub(super) fn split_at_german_nouns(tokens: &[Token], first: usize, last: usize, lang: &str, res: &Resources) -> Vec<(usize, usize)> {
    let words: Vec<&str> = tokens[first..=last].iter().map(|t| t.text.as_str()).collect();
    if lang != "de" || res.lookup(&words, lang).is_some() || res.cue(CueKind::OrgHead, lang, &words[0].to_lowercase()) {
        return vec![(first, last)];
    }
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    for (k, token) in tokens.iter().enumerate().take(last + 1).skip(first) {
        let noun = token.is_capitalised() && res.is_common_word(lang, &token.lower()) && res.lookup(&[token.text.as_str()], lang).is_none();
        match (noun, start) {
            (true, Some(s)) => {
                parts.push((s, k - 1));
                start = None;
            }
            (false, None) if token.is_capitalised() => start = Some(k),
            _ => {}
        }
    }
    if let Some(s) = start {
        parts.push((s, last));
    }
    // A part never ends on a connector ("Truppen von | Syriens" leaves "Syriens").
    parts
        .into_iter()
        .filter_map(|(s, mut e)| {
            while e > s && !tokens[e].is_capitalised() {
                e -= 1;
            }
            tokens[s].is_capitalised().then_some((s, e))
        })
        .collect()
}

/// "Mittelfeldstar | Arturo Vidal", "Gastgeber | Chile", "Exchequer | Gordon Brown": an unknown
/// capitalised word before a known name or a first name + surname is a descriptor, not part of
/// the name (German capitalises nouns; English titles are capitalised). Albanian has its own
/// rules (common nouns are lowercase there).
pub(super) fn trim_descriptor(tokens: &[Token], mut first: usize, last: usize, lang: &str, res: &Resources) -> (usize, usize) {
    let words = |a: usize| tokens[a..=last].iter().map(|t| t.text.as_str()).collect::<Vec<_>>();
    if lang == "sq" || res.lookup(&words(first), lang).is_some() {
        return (first, last);
    }
    while first < last {
        let head = &tokens[first];
        if res.first_names.contains(&head.lower()) || res.lookup(&[head.text.as_str()], lang).is_some() || head.is_all_caps() || res.cue(CueKind::OrgHead, lang, &head.lower()) {
            break;
        }
        // The rest, past any connector: a known name (German) or a first name and a surname.
        let mut next = first + 1;
        while next < last && !tokens[next].is_capitalised() {
            next += 1;
        }
        let rest = words(next);
        let person = rest.len() >= 2 && res.first_names.contains(&tokens[next].lower());
        let known = lang == "de" && res.lookup(&rest, lang).is_some();
        if !(person || known) {
            break;
        }
        first = next;
    }
    (first, last)
}

/// Types that rest on word lists: known names, institution heads, places, acronyms, titles.
pub(super) fn strong_kind(words: &[&str], tokens: &[Token], first: usize, lang: &str, res: &Resources, initial: bool, shouted: &dyn Fn(&Token) -> bool) -> Option<(EntityKind, Evidence)> {
    if let Some(kind) = res.lookup(words, lang) {
        return Some((kind, Evidence::Known));
    }
    let first_lower = words[0].to_lowercase();
    let last_lower = words[words.len() - 1].to_lowercase();
    let head = res.cue(CueKind::OrgHead, lang, &first_lower);
    if head && (words.len() > 1 || !initial) {
        return Some((EntityKind::Org, Evidence::Cue));
    }
    // "Kupës së Kosovës", "Ligën e Evropës", "Kushtetutës": competitions and laws (guidelines: MISC).
    if res.cue(CueKind::MiscHead, lang, &first_lower) && (words.len() > 1 || !initial) {
        return Some((EntityKind::Misc, Evidence::Cue));
    }
    if words.len() > 1 && res.cue(CueKind::OrgTail, lang, &last_lower) {
        return Some((EntityKind::Org, Evidence::Cue));
    }
    // English and Turkish put the head last: "European Commission", "Athens Olympics",
    // "Avrupa Merkez Bankası’nda".
    if matches!(lang, "en" | "tr" | "ru" | "sr" | "el") && words.len() > 1 && !res.is_function_word(lang, &first_lower) {
        let last_lower = strip_attached_suffix(&last_lower).to_owned();
        let singular = last_lower.strip_suffix('s').unwrap_or(&last_lower);
        if res.cue(CueKind::OrgHead, lang, &last_lower) || res.cue(CueKind::OrgHead, lang, singular) {
            return Some((EntityKind::Org, Evidence::Cue));
        }
        if res.cue(CueKind::MiscHead, lang, &last_lower) || res.cue(CueKind::MiscHead, lang, singular) {
            return Some((EntityKind::Misc, Evidence::Cue));
        }
    }
    // A Serbian or Russian institution with its lowercase rest: "Policijske stanice u Guči",
    // "Ministarstva unutrašnjih poslova".
    if matches!(lang, "ru" | "sr") && words.iter().any(|w| w.chars().next().is_some_and(char::is_lowercase) && !res.cue(CueKind::Connector, lang, w)) && words.iter().any(|w| res.cue(CueKind::OrgHead, lang, &w.to_lowercase())) {
        return Some((EntityKind::Org, Evidence::Cue));
    }
    // "O'Sullivan", "D'Alema", "O’Neill": a surname.
    if words.len() == 1 && irish_or_italian_surname(words[0]) {
        return Some((EntityKind::Per, Evidence::Cue));
    }
    if words.len() == 1 && is_initials(words[0]) {
        return Some((EntityKind::Per, Evidence::Cue));
    }
    if words.len() == 1 && tokens[first].is_all_caps() && !words[0].chars().any(|c| c.is_ascii_digit()) && !shouted(&tokens[first]) {
        return Some((EntityKind::Org, Evidence::Cue));
    }
    let prev = first.checked_sub(1).map(|p| &tokens[p]);
    // këngën “Qeqe”: a quoted name right after a work noun is the work's title.
    let quoted = tokens[first].gap_before.trim().chars().all(|c| matches!(c, '“' | '"' | '„' | '«' | '‘' | '\''));
    if let Some(prev) = prev.filter(|_| quoted && !tokens[first].gap_before.trim().is_empty()) {
        if res.cue(CueKind::WorkNoun, lang, &prev.lower()) {
            return Some((EntityKind::Misc, Evidence::Cue));
        }
    }
    if let Some(prev) = prev {
        if tokens[first].joins_previous() && res.cue(CueKind::PersonTitle, lang, &prev.lower()) {
            return Some((EntityKind::Per, Evidence::Cue));
        }
    }
    // "Helen Briggs": a known first name followed by more capitalised words.
    if words.len() >= 2 && res.first_names.contains(&first_lower) && !tokens[first].is_all_caps() {
        return Some((EntityKind::Per, Evidence::Cue));
    }
    if after_article(tokens, first, lang, res) {
        return Some((EntityKind::Org, Evidence::Cue));
    }
    None
}

/// "O'Sullivan", "D’Alema": O' or D' and a capitalised name of three letters or more.
pub(super) fn irish_or_italian_surname(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some('O' | 'D'), Some('\'' | '’'))) && chars.next().is_some_and(char::is_uppercase) && chars.clone().count() >= 2 && chars.all(char::is_lowercase)
}

/// Guesses for chunks no list knows: full names are people, "X e Y" names are places.
pub(super) fn weak_kind(tokens: &[Token], first: usize, last: usize, lang: &str, res: &Resources) -> Option<EntityKind> {
    let span = &tokens[first..=last];
    let has_connector = span.iter().any(|t| !t.is_capitalised());
    if has_connector {
        // Greek and Russian connectors are the particles of foreign people's names ("Όσκαρ ντε
        // Μάρκος", "Шарль де Голль").
        if matches!(lang, "el" | "ru") && span.iter().all(|t| !t.is_all_caps()) {
            return Some(EntityKind::Per);
        }
        // "OVL e UÇK-së", "KD i UP-së": an acronym inside makes it an organisation.
        return Some(if span.iter().any(Token::is_all_caps) { EntityKind::Org } else { EntityKind::Loc });
    }
    if span.len() >= 2 {
        return Some(if span.iter().all(|t| !t.is_all_caps()) { EntityKind::Per } else { EntityKind::Org });
    }
    let prev = first.checked_sub(1).map(|p| &tokens[p]);
    if prev.is_some_and(|p| tokens[first].joins_previous() && (res.cue(CueKind::Locative, lang, &p.lower()) || res.cue(CueKind::PlaceNoun, lang, &p.lower()))) {
        return Some(EntityKind::Loc);
    }
    None
}

/// Adjective endings of French, Spanish, Italian and Portuguese ("nationale", "socialiste",
/// "centrale", "européenne", "federal").
pub(super) fn romance_adjective(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ale", "al", "aux", "ales", "ali", "elle", "el", "ique", "ienne", "ien", "aise", "ais", "iste", "ista", "aire", "ère", "ica", "ico", "ana", "ano", "ese", "ense", "iva", "ivo", "ive", "if", "ée", "éenne", "éen",
    ];
    adjective_with(word, ENDINGS)
}

/// A word of five or more letters with one of these adjective endings.
pub(super) fn adjective_with(word: &str, endings: &[&str]) -> bool {
    word.chars().count() >= 5 && endings.iter().any(|e| word.ends_with(e))
}

/// Adjective endings of Russian and Serbian ("Верховным", "Ustavni", "Policijske"), not the
/// possessive "-ov/-ova" of a person ("Putinova vlada" is Putin's government, no name).
pub(super) fn slavic_adjective(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ым", "им", "ом", "ого", "его", "ую", "ной", "ski", "ska", "sko", "skog", "skoj", "skom", "ske", "ni", "na", "no", "nog", "noj", "nom", "ne", "ki", "ka", "ko",
    ];
    adjective_with(word, ENDINGS)
}

/// The lowercase rest of a Serbian or Russian institution's name after its head: an adjective
/// and a noun in the genitive ("Ministarstva | unutrašnjih poslova", "Министерство | внутренних
/// дел"), "za" and such a pair ("Univerzitetu | za međunarodne studije") or the place it is in
/// ("Policijske stanice | u Guči"). Returns the last token of that rest.
pub(super) fn slavic_institution_tail(tokens: &[Token], n: usize, lang: &str, res: &Resources) -> Option<usize> {
    if !matches!(lang, "ru" | "sr") {
        return None;
    }
    let word = |k: usize| tokens.get(k).filter(|t| t.joins_previous() && !t.is_capitalised() && !res.is_function_word(lang, &t.lower()));
    let pair = |k: usize| {
        let adjective = word(k)?.lower();
        let genitive_adjective = ["ih", "ых", "их", "nih", "skih"].iter().any(|e| adjective.ends_with(e)) || (lang == "sr" && slavic_adjective(&adjective));
        (genitive_adjective && adjective.chars().count() >= 5 && word(k + 1)?.text.chars().count() >= 3).then_some(k + 1)
    };
    let first = tokens.get(n).filter(|t| t.joins_previous())?;
    match first.text.as_str() {
        // The place: "u Guči", "в Москве".
        "u" | "в" => tokens.get(n + 1).filter(|t| t.joins_previous() && t.is_capitalised() && !t.is_all_caps()).map(|_| n + 1),
        "za" => pair(n + 1),
        _ => pair(n),
    }
}

/// A definite article right before the name ("la Regione", "l'Autorità", "del Corriere"):
/// Romance languages give people no article, so an unknown name there is not a person; in the
/// gold articles such names are organisations most often (then places).
pub(super) fn after_article(tokens: &[Token], first: usize, lang: &str, res: &Resources) -> bool {
    let Some(prev) = first.checked_sub(1).map(|p| &tokens[p]) else { return false };
    let gap = tokens[first].gap_before.as_str();
    let elided_or_spaced = tokens[first].joins_previous() || matches!(gap, "'" | "’");
    elided_or_spaced && res.cue(CueKind::Article, lang, &prev.lower())
}

/// Nationality words ("Russian", "Italians", "Kolumbianer") are not names.
pub(super) fn demonym_like(token: &Token, lang: &str, alone: bool) -> bool {
    let endings: &[&str] = match lang {
        // Not a bare "-an": Sullivan, Morgan, Jordan are names.
        "en" => &["ian", "ians", "ican", "icans", "ean", "eans", "ese", "ish", "ic"],
        // "Kolumbianer", "Chilenen", "Brasilianerin".
        "de" => &["aner", "anern", "anerin", "enen", "esen"],
        // "Ισπανούς", "Έλληνες", "Γάλλοι": plural nationality words.
        "el" => &["ούς", "οί", "ες"],
        _ => &[],
    };
    alone && endings.iter().any(|s| token.text.ends_with(s)) && token.text.chars().count() > 4
}

/// "Napoli", "Roma", "Prishtina": a club in sports news (three or more sports words: match, goal,
/// league, coach...), the city everywhere else.
/// In sports news, too, a name of two or more words with a club word in it ("Manchester United",
/// "Ατλέτικο Μπιλμπάο", "Real Sociedad") is a club.
pub(super) fn clubs_by_context(tokens: &[Token], candidates: &mut [Candidate], lang: &str, res: &Resources) {
    let city_club = |c: &Candidate| {
        let words: Vec<&str> = tokens[c.first..=c.last].iter().map(|t| t.text.as_str()).collect();
        res.names_lookup(&words, lang, &res.clubs).is_some()
    };
    let named_club = |c: &Candidate| c.last > c.first && tokens[c.first..=c.last].iter().any(|t| res.cue(CueKind::ClubWord, lang, &t.lower()));
    if !candidates.iter().any(|c| city_club(c) || named_club(c)) {
        return;
    }
    let sports = tokens.iter().filter(|t| res.cue(CueKind::SportWord, lang, &t.lower())).take(3).count() >= 3;
    for c in candidates.iter_mut() {
        if city_club(c) {
            c.kind = Some(if sports { EntityKind::Org } else { EntityKind::Loc });
            c.evidence = Evidence::Known;
        } else if sports && named_club(c) && c.kind != Some(EntityKind::Misc) {
            c.kind = Some(EntityKind::Org);
            c.evidence = Evidence::Known;
        }
    }
}
