//! The rule-based recogniser: capitalisation chunking across connectors, with word lists, cues
//! and document consistency. Its findings are the learned tagger's strongest features.

#[allow(unused_imports)]
use super::*;

/// Capitalisation chunking + gazetteers + cues + document consistency.
#[derive(Debug, Clone, Copy)]
pub struct RuleRecognizer<'a> {
    pub data: &'a EntityData,
}

/// How sure the typing is; document consistency overrides only weak guesses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Evidence {
    Guess,
    Cue,
    Known,
}

#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// Token index range.
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) kind: Option<EntityKind>,
    pub(super) evidence: Evidence,
}

impl Recognizer for RuleRecognizer<'_> {
    fn recognize(&self, text: &str, lang: Lang) -> Vec<Span> {
        let res = self.data.resources();
        find_candidates(text, lang.code, res).spans()
    }
}

/// Tokens of a text and the candidate names found in them, with the document-level facts the
/// tagger's features use.
pub(super) struct Found {
    pub(super) tokens: Vec<Token>,
    pub(super) candidates: Vec<Candidate>,
    /// Lowercase forms of words written capitalised inside a sentence somewhere.
    pub(super) named_mid_sentence: HashSet<String>,
    /// Lowercase forms of words written in lowercase somewhere.
    pub(super) lowercase_seen: HashSet<String>,
}

impl Found {
    pub(super) fn spans(&self) -> Vec<Span> {
        self.candidates.iter().filter_map(|c| c.kind.map(|kind| Span { start: self.tokens[c.first].start, end: self.tokens[c.last].end, kind })).collect()
    }

}

/// Capitalisation chunking, word lists, cues and document consistency: every candidate with the
/// rules' type (None where the rules would not highlight it).
pub(super) fn find_candidates(text: &str, lang: &str, res: &Resources) -> Found {
    let chars: Vec<char> = text.chars().collect();
    let tokens = tokenize(&chars, lang);
    let lowercase_seen: HashSet<String> = tokens.iter().filter(|t| !t.is_capitalised()).map(Token::lower).collect();
    // Capitalised in the middle of a sentence somewhere: a name, even where it opens one.
    // (Not after a connector: "ministrit të Jashtëm" is a title's adjective, not evidence.)
    let named_mid_sentence: HashSet<String> = tokens
        .iter()
        .enumerate()
        .filter(|(k, t)| t.is_capitalised() && !t.starts_sentence() && !(*k > 0 && res.cue(CueKind::Connector, lang, &tokens[k - 1].text)))
        .map(|(_, t)| t.lower())
        .collect();
    let is_common = |t: &Token| {
        let l = t.lower();
        // Titles stay titles even when capitalised mid-sentence ("Ministri Veliu", "Ish-kryeministri").
        let bare = l.strip_prefix("ish-").unwrap_or(&l);
        if res.cue(CueKind::PersonTitle, lang, bare) {
            return true;
        }
        // (German capitalises every noun: there a capital mid-sentence is no evidence.)
        if named_mid_sentence.contains(&l) && !res.is_function_word(lang, &l) && lang != "de" {
            return false;
        }
        // Albanian headlines in capitals: "EKSKLUZIVE", "FUNDIT" are words, not acronyms.
        let caps_word = t.is_all_caps() && l.chars().count() >= 4;
        res.is_common_word(lang, &l) || lowercase_seen.contains(&l) || (caps_word && lang == "sq" && res.is_common_word(lang, &fold_sq(&l)))
    };

    // "TAYNA" where the text also writes "Tayna" is a name in capitals, not an acronym.
    let titlecase_seen: HashSet<String> = tokens.iter().filter(|t| t.is_capitalised() && !t.is_all_caps()).map(Token::lower).collect();
    let shouted = |t: &Token| titlecase_seen.contains(&t.lower());
    let in_caps_line = in_caps_lines(&tokens);
    // (Known places and organisations only: "SAM" in such a line is no Sam.)
    let known_in_headline = |t: &Token| !res.first_names.contains(&t.lower()) && matches!(res.lookup(&[t.text.as_str()], lang), Some(EntityKind::Loc | EntityKind::Org | EntityKind::Misc));
    let mut candidates = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(kind) = handle_kind(&tokens[i].text, res) {
            candidates.push(Candidate { first: i, last: i, kind: Some(kind), evidence: Evidence::Known });
            i += 1;
            continue;
        }
        // (The domain of an e-mail address is not a name of its own.)
        if is_domain(&tokens[i].text) && !tokens[i].gap_before.ends_with('@') {
            // Websites and portals named by their address are organisations (lajmi.net).
            candidates.push(Candidate { first: i, last: i, kind: Some(EntityKind::Org), evidence: Evidence::Known });
            i += 1;
            continue;
        }
        if !tokens[i].is_capitalised() || tokens[i].text.chars().count() < 2 || res.not_entity(lang, strip_attached_suffix(&tokens[i].text)) || (in_caps_line[i] && !known_in_headline(&tokens[i])) {
            i += 1;
            continue;
        }
        // Grow the chunk over capitalised words and connectors between them. An Albanian
        // institution's name also runs over "për" and, after it, "dhe" ("Komisioni për Çështje
        // të Sigurisë dhe Mbrojtjes", "Fondi për Sigurime Shëndetësore").
        // So do Romance ones over "para"/"pour"/"per" and "y"/"et"/"e", each with an article
        // ("Organización para la Cooperación y el Desarrollo Económicos").
        let (purpose, and_word, articles): (&str, &str, &[&str]) = match lang {
            "sq" => ("për", "dhe", &[]),
            "es" => ("para", "y", &["la", "el", "los", "las"]),
            "pt" => ("para", "e", &["a", "o", "as", "os"]),
            "fr" => ("pour", "et", &["la", "le", "les"]),
            "it" => ("per", "e", &["la", "il", "lo", "i", "gli", "le"]),
            _ => ("", "", &[]),
        };
        // Whether the chunk so far holds an institution's head: the Romance and Slavic rules
        // below continue only an institution's name.
        let holds_head = |last: usize| (i..=last).any(|k| res.cue(CueKind::OrgHead, lang, &tokens[k].lower()));
        let mut after_per = false;
        let mut after_tail = false;
        let mut last = i;
        loop {
            let n = last + 1;
            if n + 1 < tokens.len() && tokens[n].joins_previous() && !purpose.is_empty() && (tokens[n].text == purpose || (after_per && tokens[n].text == and_word)) && holds_head(last) {
                let mut m = n + 1;
                if m + 1 < tokens.len() && articles.contains(&tokens[m].text.as_str()) && tokens[m].joins_previous() {
                    m += 1;
                }
                if tokens[m].joins_previous() && tokens[m].is_capitalised() {
                    after_per = true;
                    last = m;
                    continue;
                }
            }
            // A change of script ends a name: "Brexit | Стив Бейкер".
            // After an institution's lowercase rest, one capitalised word is its place
            // ("Министерство внутренних дел | Пакистана"); two are a person who follows.
            let person_follows = after_tail && tokens.get(n + 1).is_some_and(|t| t.joins_previous() && t.is_capitalised());
            if n < tokens.len() && tokens[n].joins_previous() && tokens[n].is_capitalised() && !in_caps_line[n] && !res.not_entity(lang, &tokens[n].text) && !tokens[n].starts_sentence() && script(&tokens[n].text) == script(&tokens[last].text) && !person_follows {
                last = n;
            } else if matches!(lang, "fr" | "es" | "it" | "pt")
                && n < tokens.len()
                && tokens[n].joins_previous()
                && !tokens[n].is_capitalised()
                && romance_adjective(&tokens[n].lower())
                && holds_head(last)
            {
                // Romance institutions put adjectives after their head, in lowercase:
                // "Assemblée nationale", "Parti socialiste", "Banque centrale européenne".
                last = n;
            } else if matches!(lang, "ru" | "sr" | "pl")
                && n < tokens.len()
                && tokens[n].joins_previous()
                && !tokens[n].is_capitalised()
                && slavic_adjective(&tokens[last].lower())
                && res.cue(CueKind::OrgHead, lang, &tokens[n].lower())
            {
                // Slavic institutions write their head noun in lowercase after capitalised
                // adjectives: "Верховным судом", "Ustavni sud". The head ends the name.
                last = n;
                if let Some(end) = slavic_institution_tail(&tokens, n + 1, lang, res) {
                    last = end;
                    after_tail = true;
                    continue;
                }
                break;
            } else if let Some(end) = slavic_institution_tail(&tokens, n, lang, res).filter(|_| holds_head(last)) {
                last = end;
                after_tail = true;
            } else if n + 1 < tokens.len()
                && tokens[n].joins_previous()
                && tokens[n + 1].joins_previous()
                && res.cue(CueKind::Connector, lang, &tokens[n].text)
                && tokens[n + 1].is_capitalised()
                && !res.not_entity(lang, &tokens[n + 1].text)
            {
                last = n + 1;
            } else {
                break;
            }
        }
        candidates.extend(chunk_candidates(&tokens, i, last, lang, res, &is_common, &shouted));
        i = last + 1;
    }
    // Albanian headlines quote people as "Haradinaj: ...": an unknown word (no lemma, never
    // lowercase) opening a sentence and followed by a colon is a name.
    let initial_name = |k: usize| {
        let t = &tokens[k];
        lang == "sq"
            && t.text.chars().count() >= 4
            && !t.is_all_caps()
            && !is_common(t)
            && !res.is_common_word(lang, &fold_sq(&t.lower()))
            && tokens.get(k + 1).is_some_and(|n| n.gap_before.starts_with(':'))
    };
    clubs_by_context(&tokens, &mut candidates, lang, res);
    resolve_by_document(&tokens, &mut candidates, lang, &initial_name);
    Found { tokens, candidates, named_mid_sentence, lowercase_seen }
}
