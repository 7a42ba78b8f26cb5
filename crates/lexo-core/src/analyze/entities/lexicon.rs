//! Word-list indexes: the gazetteers, learned names, cue words, Albanian lemmas and function
//! words, built from `EntityData`'s texts, and the lookups on them (inflection-aware).

#[allow(unused_imports)]
use super::*;

pub(crate) struct Resources {
    /// Gazetteer and known names, indexed by the forms of their first token.
    pub(super) names: NameIndex,
    /// Names learned from WikiANN (consistently typed there), consulted after the lists above.
    pub(super) learned: NameIndex,
    /// World cities in many languages (GeoNames), consulted last and matched only as written.
    pub(super) world: NameIndex,
    /// Clubs named after their city ("Napoli", "Roma"): organisations in sports news, places
    /// elsewhere (known.tsv `CLUB` rows).
    pub(super) clubs: NameIndex,
    /// First names of people (first words of WikiANN person names).
    pub(super) first_names: HashSet<String>,
    /// German common nouns, lowercased (capitalised words WikiANN leaves outside names).
    pub(super) de_nouns: HashSet<String>,
    /// Albanian lowercase lemmas, sorted, each with its adjective mark: looked up by binary search.
    pub(super) sq_lemmas: Vec<(Box<str>, bool)>,
    /// Stems of the institution and event heads of the languages that inflect them (tr, sr, ru,
    /// el, pl), with the longest word each may match: kind -> lang -> (stem, longest).
    pub(super) head_stems: HeadStems,
    /// Cue lists: kind -> language ("*" = any) -> words. Nested so lookups borrow, not allocate.
    pub(super) cues: CueLists,
    /// Language -> frequent function words (from language identification's table).
    pub(super) function_words: HashMap<String, HashSet<String>>,
    /// Language ("*" = any) -> word -> which of [`tagger::CUE_KINDS`] it is (a bit each): the
    /// tagger asks of every word at once.
    pub(super) cue_masks: HashMap<String, HashMap<String, u16>>,
}

pub(super) const FUNCTION_WORDS: &str = include_str!("../../../data/function_words.tsv");

/// Cue lists: kind -> language ("*" = any) -> words. Nested so lookups borrow, not allocate.
pub(super) type CueLists = HashMap<CueKind, HashMap<String, HashSet<String>>>;

/// Institution-head stems of the inflecting languages: kind -> lang -> (stem, longest word).
pub(super) type HeadStems = HashMap<CueKind, HashMap<&'static str, Vec<(String, usize)>>>;

/// Kinds of hand-written cue words (`data/entities/cues.tsv`'s first column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CueKind {
    Article,
    ClubWord,
    CommonWord,
    Connector,
    Locative,
    MiscHead,
    NotEntity,
    OrgHead,
    OrgTail,
    PersonTitle,
    PlaceNoun,
    SportWord,
    WorkNoun,
    Unit,
}

impl CueKind {
    pub(super) const ALL: [CueKind; 14] = [CueKind::Article, CueKind::ClubWord, CueKind::CommonWord, CueKind::Connector, CueKind::Locative, CueKind::MiscHead, CueKind::NotEntity, CueKind::OrgHead, CueKind::OrgTail, CueKind::PersonTitle, CueKind::PlaceNoun, CueKind::SportWord, CueKind::WorkNoun, CueKind::Unit];

    /// The name used in cues.tsv (and in the tagger's feature strings).
    pub(super) fn name(self) -> &'static str {
        match self {
            CueKind::Article => "article",
            CueKind::ClubWord => "club_word",
            CueKind::CommonWord => "common_word",
            CueKind::Connector => "connector",
            CueKind::Locative => "locative",
            CueKind::MiscHead => "misc_head",
            CueKind::NotEntity => "not_entity",
            CueKind::OrgHead => "org_head",
            CueKind::OrgTail => "org_tail",
            CueKind::PersonTitle => "person_title",
            CueKind::PlaceNoun => "place_noun",
            CueKind::SportWord => "sport_word",
            CueKind::WorkNoun => "work_noun",
            CueKind::Unit => "unit",
        }
    }

    fn parse(s: &str) -> Option<CueKind> {
        CueKind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// Matched as written (case matters: "May" the month, "may" the verb; "GB", "gb").
    fn case_sensitive(self) -> bool {
        matches!(self, CueKind::NotEntity | CueKind::Unit)
    }
}

/// The word lists' texts in [`Lexicon::ALL`] order ("" for one not installed yet).
pub(crate) fn build_resources([sq_lemmas_text, names_text, places_text, cues_text, known_text]: [&str; 5]) -> Resources {
    let mut names = NameIndex::default();
    let mut clubs = NameIndex::default();
    for line in data_lines(known_text) {
        if let Some((kind, name)) = line.split_once('\t') {
            if kind == "CLUB" {
                clubs.add(name, EntityKind::Org);
            } else if let Some(kind) = EntityKind::parse(kind) {
                names.add(name, kind);
            }
        }
    }
    let mut world = NameIndex::default();
    for line in data_lines(places_text) {
        match line.strip_prefix('=') {
            Some(city) => world.add_exact(city, EntityKind::Loc),
            None => names.add(line, EntityKind::Loc),
        }
    }
    let mut learned = NameIndex::default();
    let mut first_names = HashSet::new();
    let mut de_nouns = HashSet::new();
    let mut learned_rows = Vec::new();
    for line in data_lines(names_text) {
        let Some((kind, name)) = line.split_once('\t') else { continue };
        if kind == "PER_FIRST" {
            first_names.insert(name.to_lowercase());
        } else if kind == "NOUN_DE" {
            de_nouns.insert(name.to_lowercase());
        } else if let Some(kind) = EntityKind::parse(kind) {
            learned_rows.push((name, kind));
        }
    }
    // A one-word "name" that German writes mostly as a common noun ("Reise", a WikiANN fragment
    // of some organisation) is the noun (the noun rows are only all known after the pass).
    for (name, kind) in learned_rows {
        if name.contains(' ') || !de_nouns.contains(&name.to_lowercase()) {
            learned.add(name, kind);
        }
    }
    let mut sq_lemmas: Vec<(Box<str>, bool)> = data_lines(sq_lemmas_text)
        .map(|line| match line.split_once('\t') {
            Some((lemma, pos)) => (lemma.into(), pos == "A"),
            None => (line.into(), false),
        })
        .collect();
    // The file is sorted; sorting again costs little and keeps lookups right if it is not.
    sq_lemmas.sort_unstable();
    let mut cues = CueLists::new();
    for line in data_lines(cues_text) {
        let mut cols = line.split('\t');
        let (Some(kind), Some(lang)) = (cols.next(), cols.next()) else { continue };
        let words = cols.next().unwrap_or("");
        let Some(kind) = CueKind::parse(kind) else { continue };
        let set = cues.entry(kind).or_default().entry(lang.to_owned()).or_default();
        for w in words.split_whitespace() {
            set.insert(if kind.case_sensitive() { w.to_owned() } else { w.to_lowercase() });
        }
    }
    let head_stems = head_stems(&cues);
    let mut cue_masks: HashMap<String, HashMap<String, u16>> = HashMap::new();
    for (bit, kind) in tagger::CUE_KINDS.iter().enumerate() {
        for (lang, words) in cues.get(kind).into_iter().flatten() {
            for w in words {
                *cue_masks.entry(lang.clone()).or_default().entry(w.clone()).or_default() |= 1 << bit;
            }
        }
    }
    let mut function_words: HashMap<String, HashSet<String>> = HashMap::new();
    for line in data_lines(FUNCTION_WORDS) {
        let mut cols = line.split('\t');
        let (Some(code), Some(_), Some(words)) = (cols.next(), cols.next(), cols.next()) else { continue };
        function_words.entry(code.to_owned()).or_default().extend(words.split(' ').map(str::to_owned));
    }
    Resources { names, learned, world, clubs, first_names, de_nouns, sq_lemmas, head_stems, cues, function_words, cue_masks }
}

/// The stem of each institution/event head in the languages whose heads take case endings: the
/// head less a final vowel; short stems ("sud", "vlad") take short endings only (sudom, vladi),
/// long ones any case ending (Bakanlığınca). Stems under three letters are left out.
pub(super) fn head_stems(cues: &CueLists) -> HeadStems {
    let mut out = HeadStems::new();
    for kind in [CueKind::OrgHead, CueKind::MiscHead] {
        for lang in INFLECTED_HEAD_LANGS {
            let Some(heads) = cues.get(&kind).and_then(|by_lang| by_lang.get(lang)) else { continue };
            let stems = heads.iter().filter_map(|head| {
                let stem = match head.char_indices().last() {
                    Some((i, c)) if "aeiouıüöyаеиоуыяюэήάέίόύώαεηιουω".contains(c) => &head[..i],
                    _ => head.as_str(),
                };
                let n = stem.chars().count();
                (n >= 3).then(|| (stem.to_owned(), if n >= 5 { n + 6 } else { n + 2 }))
            });
            out.entry(kind).or_default().entry(lang).or_default().extend(stems);
        }
    }
    out
}

/// Languages whose institution heads take case endings.
pub(super) const INFLECTED_HEAD_LANGS: [&str; 5] = ["tr", "sr", "ru", "el", "pl"];

/// Multi-word names indexed by the forms of their first word; each name is stored once.
#[derive(Default)]
pub(super) struct NameIndex {
    pub(super) entries: Vec<(Vec<String>, EntityKind)>,
    pub(super) by_first_form: HashMap<String, Vec<u32>>,
}

impl NameIndex {
    /// A name found in its inflected forms too: indexed by every form of its first word.
    pub(super) fn add(&mut self, name: &str, kind: EntityKind) {
        self.insert(name, kind, entry_forms);
    }

    /// A name found only as written: indexed by its first word alone.
    pub(super) fn add_exact(&mut self, name: &str, kind: EntityKind) {
        self.insert(name, kind, |first| vec![first.to_owned()]);
    }

    pub(super) fn insert(&mut self, name: &str, kind: EntityKind, forms: impl Fn(&str) -> Vec<String>) {
        let tokens: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let Some(first) = tokens.first() else { return };
        let id = self.entries.len() as u32;
        for form in forms(first) {
            self.by_first_form.entry(form).or_default().push(id);
        }
        self.entries.push((tokens, kind));
    }

    /// Names whose first word has this form.
    pub(super) fn starting_with<'a>(&'a self, form: &str) -> impl Iterator<Item = &'a (Vec<String>, EntityKind)> + 'a {
        self.by_first_form.get(form).into_iter().flatten().map(|&i| &self.entries[i as usize])
    }
}


pub(super) fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Resources {
    pub(super) fn cue_list(&self, kind: CueKind, lang: &str) -> Option<&HashSet<String>> {
        self.cues.get(&kind)?.get(lang)
    }

    pub(super) fn cue(&self, kind: CueKind, lang: &str, word_lower: &str) -> bool {
        let has = |l: &str| self.cue_list(kind, l).is_some_and(|s| s.contains(word_lower));
        has(lang) || has("*") || (lang == "sq" && self.cue_sq_inflected(kind, word_lower)) || self.head_inflected(kind, lang, word_lower)
    }

    /// An institution or event head with a case ending: tr "Bakanlığınca"/"Bakanlığa" for
    /// "bakanlığı", sr "Univerzitetu", ru "судом": a word that starts with the head's stem (the
    /// head less a final vowel) and is not much longer.
    pub(super) fn head_inflected(&self, kind: CueKind, lang: &str, word_lower: &str) -> bool {
        let Some(stems) = self.head_stems.get(&kind).and_then(|by_lang| by_lang.get(lang)) else { return false };
        // A first name is never a head, however it starts ("Vladimira" is not "vlada").
        if self.first_names.contains(word_lower) || self.first_names.contains(strip_attached_suffix(word_lower)) {
            return false;
        }
        let len = word_lower.chars().count();
        stems.iter().any(|(stem, longest)| len <= *longest && word_lower.starts_with(stem.as_str()))
    }

    pub(super) fn cue_sq_inflected(&self, kind: CueKind, word_lower: &str) -> bool {
        let Some(set) = self.cue_list(kind, "sq") else { return false };
        query_forms(word_lower).iter().any(|f| set.contains(f))
    }

    /// Not-entity words are matched as written (case matters: "May" the month, "may" the verb).
    pub(super) fn not_entity(&self, lang: &str, word: &str) -> bool {
        [lang, "*"].iter().any(|l| self.cue_list(CueKind::NotEntity, l).is_some_and(|s| s.contains(word)))
    }

    /// A unit or measure ("GB", "MHz"), matched as written.
    pub(super) fn is_unit(&self, lang: &str, word: &str) -> bool {
        [lang, "*"].iter().any(|l| self.cue_list(CueKind::Unit, l).is_some_and(|s| s.contains(word)))
    }

    pub(super) fn is_function_word(&self, lang: &str, word_lower: &str) -> bool {
        self.function_words.get(lang).is_some_and(|s| s.contains(word_lower))
    }

    /// The lowercase word is a common (non-name) word of the language.
    pub(super) fn is_common_word(&self, lang: &str, word_lower: &str) -> bool {
        self.common_and_adjective(lang, word_lower).0
    }

    /// An Albanian adjective ("Jashtëm" in "ministrit të Jashtëm").
    pub(super) fn is_sq_adjective(&self, word_lower: &str) -> bool {
        self.common_and_adjective("sq", word_lower).1
    }

    /// Whether the lowercase word is a common (non-name) word of the language, and whether it
    /// is an Albanian adjective: one pass over its base forms answers both (the tagger asks both
    /// of every word).
    pub(super) fn common_and_adjective(&self, lang: &str, word_lower: &str) -> (bool, bool) {
        let listed = self.is_function_word(lang, word_lower) || self.cue_list(CueKind::CommonWord, lang).is_some_and(|s| s.contains(word_lower));
        match lang {
            "sq" => {
                let (mut lemma, mut adjective) = (false, false);
                for form in query_forms(word_lower) {
                    if let Some(adj) = self.sq_lemma(&form) {
                        lemma = true;
                        adjective |= adj;
                    }
                }
                (listed || lemma, adjective)
            }
            "de" => (listed || self.de_nouns.contains(word_lower), false),
            _ => (listed, false),
        }
    }

    /// Whether a base form is an Albanian lemma (and whether an adjective). A base form matches
    /// the lemma itself or the lemma's inflection stem, the inverse of `entry_forms`:
    /// mosk -> moskë, lexo -> lexoj, zvicr -> zvicër, kosove -> kosovë.
    pub(super) fn sq_lemma(&self, form: &str) -> Option<bool> {
        let find = |w: &str| self.sq_lemmas.binary_search_by(|(l, _)| (**l).cmp(w)).ok().map(|i| self.sq_lemmas[i].1);
        let mut candidates = vec![form.to_owned(), format!("{form}ë"), format!("{form}j")];
        for (bare, full) in [("r", "ër"), ("l", "ël")] {
            if let Some(stem) = form.strip_suffix(bare) {
                candidates.push(format!("{stem}{full}"));
            }
        }
        // Undiacritised text: a final e may be ë.
        if let Some(stem) = form.strip_suffix('e') {
            candidates.push(format!("{stem}ë"));
        }
        // Feminine adjectives: brendshme -> brendshëm, jashtme -> jashtëm.
        if let Some(stem) = form.strip_suffix("me") {
            candidates.push(format!("{stem}ëm"));
        }
        candidates.iter().find_map(|c| find(c))
    }

    /// A known name (gazetteer or list) that the tokens spell, allowing inflection.
    pub(super) fn lookup(&self, tokens: &[&str], lang: &str) -> Option<EntityKind> {
        self.names_lookup(tokens, lang, &self.names).or_else(|| self.names_lookup(tokens, lang, &self.learned)).or_else(|| self.names_lookup(tokens, "", &self.world))
    }

    /// A name of one index that the tokens spell, allowing inflection.
    pub(super) fn names_lookup(&self, tokens: &[&str], lang: &str, index: &NameIndex) -> Option<EntityKind> {
        let first = strip_attached_suffix(tokens.first()?).to_lowercase();
        let forms = match lang {
            // Plural "-ët" names groups of people (Rusët, Shqiptarët), not places.
            "sq" if first.ends_with("ët") => vec![first.clone()],
            "sq" => query_forms(&first),
            "de" => german_forms(&first),
            l if inflects(l) => generic_query_forms(&first),
            _ => vec![first.clone()],
        };
        for form in &forms {
            for (entry, kind) in index.starting_with(form) {
                if entry.len() == tokens.len() && entry.iter().zip(tokens).all(|(e, t)| token_matches(e, &t.to_lowercase(), lang)) {
                    return Some(*kind);
                }
            }
        }
        None
    }

    /// Some known multi-token place starts at these tokens (used to split "X të Koresë së Jugut").
    pub(super) fn starts_known_place(&self, tokens: &[&str], lang: &str) -> bool {
        (1..=tokens.len()).any(|n| self.lookup(&tokens[..n], lang) == Some(EntityKind::Loc))
    }
}
