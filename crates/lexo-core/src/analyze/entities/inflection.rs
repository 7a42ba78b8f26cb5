//! Inflection: the base forms under which an inflected word is looked up (Albanian case and
//! definiteness endings, German and Slavic/Greek endings, text without diacritics).

#[allow(unused_imports)]
use super::*;

/// Endings stripped from Albanian words to find their base (longest tried first does not matter:
/// every strip is a candidate).
pub(super) const SQ_SUFFIXES: &[&str] = &[
    "i", "u", "a", "e", "ë", "t", "n", "në", "së", "it", "ut", "in", "un", "ën", "ës", "ët", "ja", "ia", "ve", "ave", "isë", "inë", "rit", "ri", "ra", "et", "at", "s", "es", "ni", "ise", "ine", "se", "ne", "es",
];

/// Candidate base forms of a lowercase word as it appears in text.
pub(super) fn query_forms(word: &str) -> Vec<String> {
    let word = strip_attached_suffix(word);
    let mut out = vec![word.to_owned()];
    let n = word.chars().count();
    for suf in SQ_SUFFIXES {
        if let Some(stem) = word.strip_suffix(suf) {
            if stem.chars().count() >= 3 && n > stem.chars().count() {
                out.push(stem.to_owned());
            }
        }
    }
    out
}

/// Forms under which a base word is stored: itself, without a final ë (Moskë -> Mosk-ës), and
/// verbs without their final j (lexoj -> lexo).
pub(super) fn entry_forms(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut out = vec![w.clone()];
    for end in ["ë", "j"] {
        if let Some(stem) = w.strip_suffix(end) {
            if stem.chars().count() >= 3 {
                out.push(stem.to_owned());
            }
        }
    }
    // The ë of a final -ër/-ël drops in inflection: Zvicër -> Zvicra, Shkodër -> Shkodrës.
    for (end, bare) in [("ër", "r"), ("ël", "l")] {
        if let Some(stem) = w.strip_suffix(end) {
            if stem.chars().count() >= 3 {
                out.push(format!("{stem}{bare}"));
            }
        }
    }
    // Other languages inflect by replacing a final vowel: Srbija -> Srbij-e, Kina -> Kin-e.
    if let Some(last) = w.chars().last() {
        if "aeoiuyıаяоеиыαηοςήάό".contains(last) && w.chars().count() >= 4 {
            out.push(w.chars().take(w.chars().count() - 1).collect());
        }
    }
    // Texts written without diacritics (Kosoves, Serbise) match the same entries.
    let folded: Vec<String> = out.iter().map(|f| fold_sq(f)).filter(|f| !out.contains(f)).collect();
    out.extend(folded);
    with_greek_unaccented(out)
}

/// "SHBA-së" -> "SHBA", "Çin’in" -> "Çin", "Italy's" -> "Italy".
pub(super) fn strip_attached_suffix(word: &str) -> &str {
    match word.char_indices().find(|(_, c)| matches!(c, '-' | '\'' | '’')) {
        Some((i, c)) => {
            let rest = &word[i + c.len_utf8()..];
            if i > 0 && rest.chars().all(char::is_lowercase) && rest.chars().count() <= 4 {
                &word[..i]
            } else {
                word
            }
        }
        None => word,
    }
}

pub(super) fn token_matches(entry: &str, query_lower: &str, lang: &str) -> bool {
    if entry == query_lower || strip_attached_suffix(query_lower) == entry {
        return true;
    }
    if is_connector_word(entry) && is_connector_word(query_lower) {
        return true;
    }
    if lang == "sq" {
        let forms = entry_forms(entry);
        return query_forms(query_lower).iter().any(|q| forms.contains(q));
    }
    // German names inflect only by a genitive -s ("Deutschlands", "Mexikos"); cutting letters
    // off both sides matched nouns to places ("Mal" to Mali, "Ball" to Bali).
    if lang == "de" {
        return german_forms(query_lower).iter().any(|q| q == entry);
    }
    if inflects(lang) {
        let forms = entry_forms(entry);
        return generic_query_forms(strip_attached_suffix(query_lower)).iter().any(|q| forms.contains(q));
    }
    false
}

/// A German word and, for a genitive, the word without its -s / -es.
pub(super) fn german_forms(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    for end in ["s", "es"] {
        if let Some(stem) = word.strip_suffix(end).filter(|s| s.chars().count() >= 3) {
            out.push(stem.to_owned());
        }
    }
    out
}

/// Languages whose names take case endings (Albanian has its own rules above).
pub(super) fn inflects(lang: &str) -> bool {
    matches!(lang, "sr" | "ru" | "el" | "tr" | "pl" | "de")
}

/// Case endings of the other inflecting languages (sr Srbije/Srbiju, ru Пакистане, de Mexikos,
/// el Κορέας): the word without its last one or two letters, keeping at least three.
pub(super) fn generic_query_forms(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = vec![word.to_owned()];
    for cut in 1..=2 {
        if chars.len() >= cut + 3 {
            out.push(chars[..chars.len() - cut].iter().collect());
        }
    }
    with_greek_unaccented(out)
}

/// The forms plus their Greek forms without accents: the accent moves when a Greek word
/// inflects (Νότια Κορέα -> Νοτίου Κορέας, Ηνωμένα Έθνη -> Ηνωμένων Εθνών).
pub(super) fn with_greek_unaccented(mut forms: Vec<String>) -> Vec<String> {
    // (Most words are not Greek: they are returned as they are, with no allocation.)
    if !forms.iter().any(|f| f.chars().any(|c| ('\u{0386}'..='\u{03CE}').contains(&c))) {
        return forms;
    }
    let unaccent = |c: char| match c {
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        c => c,
    };
    let plain: Vec<String> = forms.iter().map(|f| f.chars().map(unaccent).collect::<String>()).filter(|f| !forms.contains(f)).collect();
    forms.extend(plain);
    forms
}

pub(super) fn is_connector_word(w: &str) -> bool {
    matches!(w, "e" | "i" | "së" | "të")
}
