//! Document consistency: a word typed with evidence somewhere types its weak mentions elsewhere
//! (a prefix index keeps it linear).

#[allow(unused_imports)]
use super::*;

/// A name typed confidently once is typed the same later; single words that repeat part of an
/// earlier name take its type ("Kim" after "Kim Jong Un", "Veriut" after "Koresë së Veriut").
pub(super) fn resolve_by_document(tokens: &[Token], candidates: &mut [Candidate], lang: &str, initial_name: &dyn Fn(usize) -> bool) {
    let typed: Vec<(Vec<String>, EntityKind)> = candidates
        .iter()
        .filter(|c| c.kind.is_some() && (c.evidence > Evidence::Guess || c.last > c.first))
        // (Not the place a Serbian or Russian institution is in: "Policijske stanice u | Guči".)
        .map(|c| (tokens[c.first..=c.last].iter().take_while(|t| !matches!(t.text.as_str(), "u" | "в")).map(Token::lower).collect(), c.kind.unwrap()))
        .collect();
    // The typed names' words by their key, so each single word is compared only with words that
    // could be forms of it (comparing with every typed name made long texts quadratic).
    let mut words = WordIndex::default();
    for (i, (ts, _)) in typed.iter().enumerate() {
        for t in ts.iter().filter(|t| t.len() > 1 && !is_connector_word(t)) {
            words.add(t, i);
        }
    }
    // Turkish only (below): how often each unknown single word comes back alone (the positions
    // of its candidates, kept in the map type the word indexes use).
    let mut singles: HashMap<String, Vec<u32>> = HashMap::new();
    if lang == "tr" {
        for (i, c) in candidates.iter().enumerate().filter(|(_, c)| c.evidence == Evidence::Guess && c.first == c.last) {
            singles.entry(strip_attached_suffix(&tokens[c.first].lower()).to_owned()).or_default().push(i as u32);
        }
    }
    for c in candidates.iter_mut().filter(|c| c.evidence == Evidence::Guess && c.first == c.last) {
        let word = tokens[c.first].lower();
        let found = words.candidates(&word).into_iter().map(|i| &typed[i]).find(|(ts, _)| ts.iter().any(|t| t.len() > 1 && !is_connector_word(t) && same_word(t, &word, lang)));
        if let Some((_, kind)) = found {
            c.kind = Some(*kind);
        } else if c.kind.is_none() && tokens[c.first].starts_sentence() && !initial_name(c.first) {
            // Common nouns are lowercase (German aside, handled above), so a capitalised word is
            // evidence only inside a sentence; opening one, an unknown word stays plain text.
        } else if c.kind.is_none() && lang != "de" {
            // An unknown single capitalised word in running text is most often a surname. In
            // Turkish news one that keeps coming back alone (three times or more) is most often a
            // company ("Şişecam"): tr train 0.50 -> 0.60. (Not elsewhere: Italian news call
            // people by their surname alone, "Spinelli", and it cost it 0.05.)
            let alone = singles.get(strip_attached_suffix(&word)).map_or(0, Vec::len);
            c.kind = Some(if alone >= 3 { EntityKind::Org } else { EntityKind::Per });
        }
    }
}

/// Items (names, groups) filed under the words they hold, so that a word is compared only with
/// items that may hold a form of it (comparing with every item made long texts quadratic).
/// Every pair [`same_word`] accepts shares a prefix of at least three letters and at most three
/// short of the longer word (of the words, or of the words less their attached suffix, or the
/// two less-suffix words are equal): so an item is filed under every prefix of three letters or
/// more of its word and of its word less the suffix, and a query looks up the one prefix of its
/// own length less three. Words less their suffix shorter than three letters share one key.
#[derive(Default)]
pub(super) struct WordIndex {
    /// Key -> items, ascending and each once (the same map type as [`NameIndex`]'s: the engine's
    /// wasm carries one copy of its code).
    pub(super) by_key: HashMap<String, Vec<u32>>,
}

impl WordIndex {
    const SHORT: &'static str = "";
    const MOST: usize = 48;

    /// The prefix of three letters, or of the word's length less three if longer.
    pub(super) fn query_prefix(word: &str) -> &str {
        let ends: Vec<usize> = word.char_indices().map(|(i, _)| i).chain([word.len()]).collect();
        match ends.len() - 1 {
            n if n < 3 => Self::SHORT,
            n => &word[..ends[n.saturating_sub(3).max(3)]],
        }
    }

    /// File the item under every prefix of three letters or more of the word (the word less its
    /// suffix is a prefix of the word: its own prefixes are among these, but for the shared key
    /// of short ones).
    pub(super) fn add(&mut self, word: &str, item: usize) {
        let item = item as u32;
        let short = strip_attached_suffix(word).chars().count() < 3;
        let prefixes = word.char_indices().map(|(i, _)| i).chain([word.len()]).skip(3).map(|end| &word[..end]);
        for key in prefixes.chain(short.then_some(Self::SHORT)) {
            let ids = self.by_key.entry(key.to_owned()).or_default();
            if let Err(at) = ids.binary_search(&item) {
                ids.insert(at, item);
            }
        }
    }

    /// The lists of items that may hold a form of the word: at most [`Self::MOST`] of each. In an
    /// article a list holds a few dozen; only a text of megabytes made of look-alike names
    /// reaches the bound, and there it keeps the cost linear.
    pub(super) fn lists<'a>(&'a self, word: &str, out: &mut Vec<&'a [u32]>) {
        let (a, b) = (Self::query_prefix(word), Self::query_prefix(strip_attached_suffix(word)));
        let keys = [a, b];
        for key in if a == b { &keys[..1] } else { &keys[..] } {
            if let Some(ids) = self.by_key.get(*key) {
                out.push(&ids[..ids.len().min(Self::MOST)]);
            }
        }
    }

    /// Items that may hold a form of the word, ascending, each once.
    pub(super) fn candidates(&self, word: &str) -> Vec<usize> {
        let mut lists = Vec::new();
        self.lists(word, &mut lists);
        merge_ascending(&lists)
    }
}

/// Ascending lists merged into one, each item once.
pub(super) fn merge_ascending(lists: &[&[u32]]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for list in lists {
        let mut merged = Vec::with_capacity(out.len() + list.len());
        let (mut i, mut j) = (0, 0);
        while i < out.len() || j < list.len() {
            let next = match (out.get(i), list.get(j).map(|&x| x as usize)) {
                (Some(&a), Some(b)) if b < a => {
                    j += 1;
                    b
                }
                (Some(&a), Some(b)) => {
                    i += 1;
                    j += usize::from(a == b);
                    a
                }
                (Some(&a), None) => {
                    i += 1;
                    a
                }
                (None, Some(b)) => {
                    j += 1;
                    b
                }
                (None, None) => break,
            };
            merged.push(next);
        }
        out = merged;
    }
    out
}
