//! Tokens: words with their attached case endings, handles, web addresses, initials, glued
//! scraped words, and what the gap before each says (sentence start, soft wrap, line).

#[allow(unused_imports)]
use super::*;

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
    /// Chars between the previous token and this one.
    pub(super) gap_before: String,
}

impl Token {
    pub(super) fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase()) && self.text.chars().any(char::is_alphabetic) || self.arabic_particle_name()
    }

    /// "al-Assad", "el-Sisi", "bin-Salman": Arabic names keep a lowercase particle joined by a
    /// hyphen to a capitalised name; the word is a name word all the same.
    pub(super) fn arabic_particle_name(&self) -> bool {
        self.text.split_once('-').is_some_and(|(particle, rest)| {
            matches!(particle, "al" | "el" | "ad" | "as" | "ash" | "at" | "az" | "ar" | "an" | "bin" | "ibn" | "abu" | "bint") && rest.chars().next().is_some_and(char::is_uppercase)
        })
    }

    pub(super) fn is_all_caps(&self) -> bool {
        let base = strip_attached_suffix(&self.text);
        base.chars().filter(|c| c.is_alphabetic()).count() >= 2 && base.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    }

    pub(super) fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// After a sentence end, an opening quote, a line break or a scraper's double space.
    pub(super) fn starts_sentence(&self) -> bool {
        let g = &self.gap_before;
        !self.soft_wrap()
            && (g.is_empty() && self.start == 0
                || g.contains(['.', '!', '?', ':', ';', '…', '“', '"', '„', '«', '—', '–', '(', '\n', '•'])
                || g.chars().filter(|c| c.is_whitespace()).count() >= 2)
    }

    /// A line break inside a sentence, from text copied out of indented page source: one
    /// newline followed by indentation ("Boško\n            Obradović"). Headlines and
    /// paragraphs are not indented, so this does not join a title onto its first line.
    pub(super) fn soft_wrap(&self) -> bool {
        let g = &self.gap_before;
        g.chars().all(char::is_whitespace) && g.matches('\n').count() == 1 && g.rsplit('\n').next().is_some_and(|indent| indent.chars().count() >= 4)
    }

    /// A coarse name for the gap before this token: what kind of boundary it is.
    pub(super) fn gap_marker(&self) -> &'static str {
        let g = &self.gap_before;
        if g.contains('\n') {
            "line"
        } else if g.contains(['.', '!', '?']) {
            "sentence"
        } else if g.contains(['“', '"', '„', '«', '»', '”']) {
            "quote"
        } else if g.contains(['(', ')']) {
            "paren"
        } else if g.contains(',') {
            "comma"
        } else if g.contains(':') {
            "colon"
        } else {
            "other"
        }
    }

    /// The gap is ordinary spacing inside one phrase.
    pub(super) fn joins_previous(&self) -> bool {
        let g = &self.gap_before;
        !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{A0}') && g.chars().count() <= 2 || self.soft_wrap()
    }
}

/// English possessive "'s" is not part of a name ("Italy|'s"); French and Italian elided articles
/// are not either ("l'|Assemblée", "dell'|Ucraina").
pub(super) fn apostrophe_ends_word(before: &[char], after: &[char], lang: &str) -> bool {
    match lang {
        "en" => matches!(after.first(), Some('s' | 'S')) && !after.get(1).is_some_and(|c| c.is_alphanumeric()),
        "fr" | "it" => {
            let word: String = before.iter().collect::<String>().to_lowercase();
            let elided = ["l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "dell", "all", "dall", "nell", "sull", "un", "quell"];
            elided.contains(&word.as_str()) && after.first().is_some_and(|c| c.is_alphabetic())
        }
        _ => false,
    }
}

/// Top-level domains common in the news we read.
pub(super) const TLDS: &[&str] = &["com", "net", "org", "info", "al", "ch", "de", "rs", "mk", "me", "eu", "tv", "co", "uk", "it", "fr", "es", "gr", "ru", "tr", "at", "io", "news", "press", "online"];

/// A known top-level domain starts at `at` and ends the word.
pub(super) fn tld_at(chars: &[char], at: usize) -> bool {
    let word: String = chars[at.min(chars.len())..].iter().take_while(|c| c.is_alphanumeric()).collect();
    !word.is_empty() && TLDS.contains(&word.to_lowercase().as_str()) && at >= 2 && chars[at - 2].is_alphanumeric()
}

/// A handle is a person when it spells a first name and a surname ("@CarolineFourest"),
/// otherwise an organisation or medium ("@thetimes", "@BBCWorld").
pub(super) fn handle_kind(word: &str, res: &Resources) -> Option<EntityKind> {
    let name = word.strip_prefix('@')?;
    let first_part: String = name.chars().enumerate().take_while(|&(k, c)| k == 0 || !c.is_uppercase()).map(|(_, c)| c).collect();
    let rest = &name[first_part.len()..];
    let person = first_part.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().next().is_some_and(char::is_uppercase)
        && res.first_names.contains(&first_part.to_lowercase());
    Some(if person { EntityKind::Per } else { EntityKind::Org })
}

pub(super) fn is_domain(word: &str) -> bool {
    word.rsplit_once('.').is_some_and(|(name, tld)| name.chars().count() >= 2 && tld.chars().all(|c| c.is_lowercase()) && TLDS.contains(&tld))
}

/// Albanian written without diacritics, as many scraped texts are: ë -> e, ç -> c.
pub(super) fn fold_sq(word: &str) -> String {
    word.chars().map(|c| match c {
        'ë' => 'e',
        'Ë' => 'E',
        'ç' => 'c',
        'Ç' => 'C',
        other => other,
    }).collect()
}

/// Albanian function words after which scraped text often lost its space.
pub(super) const GLUE_WORDS: &[&str] = &["në", "dhe", "për", "nga", "me", "të", "se", "si", "te", "ne"];

/// Where a word glued to a capitalised one splits: "nëLigën" -> 2, "iPhone" -> none.
pub(super) fn glued_split(word: &[char]) -> Option<usize> {
    let k = word.iter().position(|c| c.is_uppercase())?;
    let left: String = word[..k].iter().collect();
    let right_is_word = word.len() - k >= 3 && word[k + 1..].iter().all(|c| c.is_lowercase());
    (k >= 2 && right_is_word && GLUE_WORDS.contains(&left.as_str())).then_some(k)
}

/// Initials of a person as Albanian crime news writes them ("shtetasi Z.T., 26 vjeç"): two or
/// three capitals each with its dot, starting at `at`; returns their length in chars.
pub(super) fn initials_at(chars: &[char], at: usize) -> Option<usize> {
    let is_initial = |k: usize| chars.get(k).is_some_and(|c| c.is_uppercase()) && chars.get(k + 1) == Some(&'.');
    if at > 0 && chars[at - 1].is_alphanumeric() {
        return None;
    }
    let mut n = 0;
    while n < 3 && is_initial(at + 2 * n) {
        n += 1;
    }
    let after = chars.get(at + 2 * n);
    (n >= 2 && after.is_none_or(|c| !c.is_alphanumeric())).then_some(2 * n)
}

pub(super) fn is_initials(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    initials_at(&chars, 0) == Some(chars.len())
}

/// A word's text with a base letter + combining mark written as the one letter ("e\u{308}" ->
/// "ë", "c\u{327}" -> "ç"), as some files store Albanian, so word lists and models see the
/// letters they know. Offsets stay those of the original text. A small table of the Latin
/// letters our languages use, not full NFC: the normalisation tables would weigh more than the
/// rest of the engine's data code.
pub(super) fn composed(word: &[char]) -> String {
    const TABLE: &[(char, char, char)] = &[
        ('e', '\u{308}', 'ë'), ('E', '\u{308}', 'Ë'), ('c', '\u{327}', 'ç'), ('C', '\u{327}', 'Ç'),
        ('a', '\u{308}', 'ä'), ('A', '\u{308}', 'Ä'), ('o', '\u{308}', 'ö'), ('O', '\u{308}', 'Ö'), ('u', '\u{308}', 'ü'), ('U', '\u{308}', 'Ü'),
        ('s', '\u{327}', 'ş'), ('S', '\u{327}', 'Ş'), ('g', '\u{306}', 'ğ'), ('G', '\u{306}', 'Ğ'),
        ('c', '\u{30C}', 'č'), ('C', '\u{30C}', 'Č'), ('s', '\u{30C}', 'š'), ('S', '\u{30C}', 'Š'), ('z', '\u{30C}', 'ž'), ('Z', '\u{30C}', 'Ž'),
        ('c', '\u{301}', 'ć'), ('C', '\u{301}', 'Ć'), ('e', '\u{301}', 'é'), ('E', '\u{301}', 'É'), ('a', '\u{301}', 'á'), ('i', '\u{301}', 'í'), ('o', '\u{301}', 'ó'), ('u', '\u{301}', 'ú'),
        ('e', '\u{300}', 'è'), ('a', '\u{300}', 'à'), ('n', '\u{303}', 'ñ'), ('N', '\u{303}', 'Ñ'),
    ];
    let mut out = String::with_capacity(word.len());
    let mut k = 0;
    while k < word.len() {
        let pair = word.get(k + 1).and_then(|mark| TABLE.iter().find(|(base, m, _)| *base == word[k] && m == mark));
        match pair {
            Some((_, _, letter)) => {
                out.push(*letter);
                k += 2;
            }
            None => {
                out.push(word[k]);
                k += 1;
            }
        }
    }
    out
}

pub(super) fn tokenize(chars: &[char], lang: &str) -> Vec<Token> {
    let with_initials = lang == "sq";
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut prev_end = 0;
    while i < chars.len() {
        // "@thetimes", "@CarolineFourest": a social-media handle is one word, "@" included
        // (not an e-mail address: nothing glued before the "@").
        let handle_len = || chars[i + 1..].iter().take_while(|c| c.is_alphanumeric() || **c == '_').count();
        if chars[i] == '@' && !(i > 0 && chars[i - 1].is_alphanumeric()) && handle_len() >= 2 {
            let handle_len = handle_len();
            let start = i;
            i += 1 + handle_len;
            tokens.push(Token { start, end: i, text: chars[start..i].iter().collect(), gap_before: chars[prev_end..start].iter().collect() });
            prev_end = i;
            continue;
        }
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        if let Some(len) = initials_at(chars, i).filter(|_| with_initials) {
            i += len;
            tokens.push(Token { start, end: i, text: chars[start..i].iter().collect(), gap_before: chars[prev_end..start].iter().collect() });
            prev_end = i;
            continue;
        }
        while i < chars.len() {
            let c = chars[i];
            if c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36F}') {
                i += 1;
            } else if c == '.' && tld_at(chars, i + 1) {
                // "lajmi.net", "KALLXO.com": a web address is one word.
                i += 1;
            } else if matches!(c, '\'' | '’') && apostrophe_ends_word(&chars[start..i], &chars[i + 1..], lang) {
                break;
            } else if matches!(c, '-' | '\'' | '’') && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()) {
                // "SHBA-së", "Mi-17", "Çin’in" stay one word; "Kosovë-Shqipëri" splits at the capital.
                let next = chars[i + 1];
                if c == '-' && next.is_uppercase() && chars[start].is_uppercase() && !chars[start..i].iter().all(|c| c.is_uppercase()) {
                    break;
                }
                i += 1;
            } else {
                break;
            }
        }
        let gap_before: String = chars[prev_end..start].iter().collect();
        // Scrapers drop spaces after short words: "nëLigën e Evropës", "dheMunishi".
        if let Some(split) = glued_split(&chars[start..i]) {
            tokens.push(Token { start, end: start + split, text: composed(&chars[start..start + split]), gap_before });
            tokens.push(Token { start: start + split, end: i, text: composed(&chars[start + split..i]), gap_before: " ".into() });
        } else {
            tokens.push(Token { start, end: i, text: composed(&chars[start..i]), gap_before });
        }
        prev_end = i;
    }
    tokens
}
