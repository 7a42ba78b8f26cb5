//! Reading time, computed exactly as Firefox Reader View does (ReaderMode.sys.mjs, _assignReadTime):
//! characters (UTF-16 code units, spaces included) over a per-language characters-per-minute
//! rate ± variance, rounded up; English rates when the language is not in the table.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// A reading-time estimate and the counts it was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ReadingTime {
    /// Fast reader, minutes (rounded up).
    pub min_minutes: u32,
    /// Slow reader, minutes (rounded up).
    pub max_minutes: u32,
    /// Words (runs of letters or digits).
    pub words: u32,
    /// Characters as Firefox counts them: UTF-16 code units.
    pub chars: u32,
}

impl ReadingTime {
    /// "2–3 min", or "~2 min" when both ends agree (Firefox's wording).
    pub fn label(&self) -> String {
        if self.min_minutes == self.max_minutes {
            format!("~{} min", self.max_minutes)
        } else {
            format!("{}–{} min", self.min_minutes, self.max_minutes)
        }
    }
}

/// Characters per minute and variance from Firefox's table (IReST, reading aloud).
fn rate(lang: &str) -> (f64, f64) {
    match lang {
        "en" => (987.0, 118.0),
        "ar" => (612.0, 88.0),
        "de" => (920.0, 86.0),
        "es" => (1025.0, 127.0),
        "fi" => (1078.0, 121.0),
        "fr" => (998.0, 126.0),
        "he" => (833.0, 130.0),
        "it" => (950.0, 140.0),
        "ja" => (357.0, 56.0),
        "nl" => (978.0, 143.0),
        "pl" => (916.0, 126.0),
        "pt" => (913.0, 145.0),
        "ru" => (986.0, 175.0),
        "sl" => (885.0, 145.0),
        "sv" => (917.0, 156.0),
        "tr" => (1054.0, 156.0),
        "zh" => (255.0, 29.0),
        _ => (987.0, 118.0),
    }
}

/// Estimate the reading time of `text` in language `lang` (ISO 639-1 code).
pub fn estimate(text: &str, lang: &str) -> ReadingTime {
    let chars = text.encode_utf16().count();
    let (cpm, variance) = rate(lang);
    let length = chars as f64;
    let slow = (length / (cpm - variance)).ceil() as u32;
    let fast = (length / (cpm + variance)).ceil() as u32;
    let words = count_words(text);
    ReadingTime { min_minutes: fast, max_minutes: slow, words, chars: chars as u32 }
}

/// Words: maximal runs of letters, digits and word-internal apostrophes or hyphens.
pub fn count_words(text: &str) -> u32 {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let part = c.is_alphanumeric() || (in_word && matches!(c, '\'' | '’' | '-'));
        if part && !in_word {
            words += 1;
        }
        in_word = part;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_firefox_formula() {
        // 2,000 chars of English: slow = ceil(2000/869) = 3, fast = ceil(2000/1105) = 2.
        let text = "a".repeat(2000);
        let rt = estimate(&text, "en");
        assert_eq!((rt.min_minutes, rt.max_minutes, rt.chars), (2, 3, 2000));
        assert_eq!(rt.label(), "2–3 min");
        // Albanian is not in Firefox's table: English rates apply.
        assert_eq!(estimate(&text, "sq"), rt);
        // German is slower: 2000/834 -> 3, 2000/1006 -> 2.
        assert_eq!(estimate(&text, "de").max_minutes, 3);
    }

    #[test]
    fn counts_utf16_units_and_words() {
        let rt = estimate("Çfarë ndodhi? 😀 It's well-known.", "sq");
        assert_eq!(rt.chars, 33); // the emoji is two UTF-16 units
        assert_eq!(rt.words, 4);
        assert_eq!(estimate("", "en").label(), "~0 min");
        assert_eq!(estimate("short", "en").label(), "~1 min");
    }
}
