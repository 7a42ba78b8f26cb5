//! Language identification: writing system first, then frequent function words and letters
//! that only some languages use. Small, fast and explainable; tuned on no article text.

use std::collections::HashMap;
use std::sync::OnceLock;

/// An identified language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang {
    /// ISO 639-1 code ("sq", "sr", ...), or "und" when unknown.
    pub code: &'static str,
    /// ISO 15924 script ("Latn", "Cyrl", "Grek").
    pub script: &'static str,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Lang", 2)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("script", self.script)?;
        st.end()
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        #[derive(serde::Deserialize)]
        struct Codes {
            code: String,
            script: String,
        }
        let c = Codes::deserialize(d)?;
        Ok(Lang::from_codes(&c.code, &c.script))
    }
}

impl Lang {
    pub const UNKNOWN: Lang = Lang { code: "und", script: "Zyyy" };

    /// English name of the language, for display.
    pub fn name(&self) -> &'static str {
        match self.code {
            "sq" => "Albanian",
            "en" => "English",
            "de" => "German",
            "fr" => "French",
            "it" => "Italian",
            "es" => "Spanish",
            "pt" => "Portuguese",
            "nl" => "Dutch",
            "pl" => "Polish",
            "sr" => "Serbian",
            "ru" => "Russian",
            "el" => "Greek",
            "tr" => "Turkish",
            _ => "Unknown",
        }
    }

    /// The language of these codes, as the static strings identification gives (an unknown
    /// code is "und", an unknown script "Zyyy"): how a serialised `Lang` is read back.
    pub fn from_codes(code: &str, script: &str) -> Lang {
        const CODES: &[&str] = &["sq", "en", "de", "fr", "it", "es", "pt", "nl", "pl", "sr", "ru", "el", "tr"];
        const SCRIPTS: &[&str] = &["Latn", "Cyrl", "Grek", "Arab", "Hebr", "Hani", "Jpan", "Kore", "Deva", "Thai", "Geor", "Armn"];
        Lang { code: CODES.iter().find(|c| **c == code).copied().unwrap_or("und"), script: SCRIPTS.iter().find(|s| **s == script).copied().unwrap_or("Zyyy") }
    }

    /// Writing direction; every language identified today is left-to-right.
    pub fn is_rtl(&self) -> bool {
        matches!(self.script, "Arab" | "Hebr")
    }
}

struct Profile {
    lang: Lang,
    words: Vec<&'static str>,
}

const FUNCTION_WORDS_TSV: &str = include_str!("../../data/function_words.tsv");

fn profiles() -> &'static [Profile] {
    static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        FUNCTION_WORDS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let code = cols.next()?;
                let script = cols.next()?;
                let words = cols.next()?.split(' ').collect();
                Some(Profile { lang: Lang { code, script }, words })
            })
            .collect()
    })
}

/// Letters that are strong evidence for one language among those we know.
fn letter_hint(c: char) -> Option<&'static str> {
    Some(match c {
        'ë' | 'Ë' => "sq",
        'ß' | 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' => "de",
        'ı' | 'ğ' | 'ş' | 'İ' | 'Ğ' | 'Ş' => "tr",
        'ñ' | '¿' | '¡' | 'Ñ' => "es",
        'ã' | 'õ' => "pt",
        'ą' | 'ę' | 'ł' | 'ś' | 'ź' | 'ż' | 'ń' | 'Ł' | 'Ś' | 'Ż' => "pl",
        'đ' | 'Đ' | 'ć' | 'Ć' => "sr",
        'ј' | 'љ' | 'њ' | 'ћ' | 'ђ' | 'џ' | 'Ј' | 'Љ' | 'Њ' | 'Ћ' | 'Ђ' | 'Џ' => "sr",
        'ы' | 'э' | 'ё' | 'ъ' | 'щ' | 'й' | 'Ы' | 'Э' => "ru",
        'œ' | 'ê' | 'î' | 'û' | 'ù' => "fr",
        'ì' | 'ò' => "it",
        _ => return None,
    })
}

fn script_of(c: char) -> Option<&'static str> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => Some("Latn"),
        '\u{400}'..='\u{52F}' => Some("Cyrl"),
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Some("Grek"),
        '\u{590}'..='\u{5FF}' => Some("Hebr"),
        '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' => Some("Arab"),
        _ => None,
    }
}

/// Identify the language of a text. Looks at most at the first 20,000 characters.
pub fn detect(text: &str) -> Lang {
    let sample: String = text.chars().take(20_000).collect();
    let mut scripts: HashMap<&str, usize> = HashMap::new();
    let mut hints: HashMap<&str, f64> = HashMap::new();
    for c in sample.chars() {
        if let Some(s) = script_of(c) {
            *scripts.entry(s).or_default() += 1;
        }
        if let Some(code) = letter_hint(c) {
            *hints.entry(code).or_default() += 1.0;
        }
    }
    let Some((&script, _)) = scripts.iter().max_by_key(|(s, n)| (**n, *s)) else {
        return Lang::UNKNOWN;
    };
    if matches!(script, "Hebr" | "Arab") {
        return Lang { code: if script == "Hebr" { "he" } else { "ar" }, script };
    }

    let lower = sample.to_lowercase();
    let tokens: Vec<&str> = lower.split(|c: char| !c.is_alphabetic() && c != '\'').filter(|t| !t.is_empty()).collect();
    if tokens.is_empty() {
        return Lang::UNKNOWN;
    }
    let mut best = (Lang::UNKNOWN, 0.0f64);
    for profile in profiles().iter().filter(|p| p.lang.script == script) {
        let hits = tokens.iter().filter(|t| profile.words.contains(t)).count() as f64;
        let letters = hints.get(profile.lang.code).copied().unwrap_or(0.0);
        // Function words carry most weight; distinctive letters break ties between close
        // languages (sq/en share "me", "i", "e"; sr/hr share almost everything).
        let score = hits / tokens.len() as f64 + 0.5 * (letters / tokens.len() as f64).min(0.2);
        if score > best.1 {
            best = (profile.lang, score);
        }
    }
    if best.1 < 0.03 {
        // Too little evidence: say the script only.
        return Lang { code: "und", script };
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifies_each_supported_language() {
        let cases = [
            ("sq", "Qeveria tha se do të marrë masa të reja për të ndihmuar bizneset që janë prekur nga kriza."),
            ("en", "The government said it would take new measures to help the businesses that have been hit by the crisis."),
            ("de", "Die Regierung sagte, dass sie neue Maßnahmen ergreifen wird, um den Unternehmen zu helfen, die von der Krise betroffen sind."),
            ("fr", "Le gouvernement a dit qu'il prendra des mesures nouvelles pour aider les entreprises qui sont touchées par la crise."),
            ("it", "Il governo ha detto che prenderà nuove misure per aiutare le imprese che sono state colpite dalla crisi."),
            ("es", "El gobierno dijo que tomará nuevas medidas para ayudar a las empresas que han sido afectadas por la crisis."),
            ("sr", "Vlada je rekla da će preduzeti nove mere kako bi pomogla preduzećima koja su pogođena krizom."),
            ("sr", "Влада је рекла да ће предузети нове мере како би помогла предузећима која су погођена кризом."),
            ("ru", "Правительство заявило, что примет новые меры, чтобы помочь предприятиям, которые пострадали от кризиса."),
            ("el", "Η κυβέρνηση είπε ότι θα λάβει νέα μέτρα για να βοηθήσει τις επιχειρήσεις που επλήγησαν από την κρίση."),
            ("tr", "Hükümet, krizden etkilenen işletmelere yardım etmek için yeni önlemler alacağını söyledi ve bu çok önemli."),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text).code, code, "{text}");
        }
        assert_eq!(detect("Влада је рекла да ће").script, "Cyrl");
    }

    #[test]
    fn no_letters_is_unknown() {
        assert_eq!(detect("12345 — 678"), Lang::UNKNOWN);
    }
}
