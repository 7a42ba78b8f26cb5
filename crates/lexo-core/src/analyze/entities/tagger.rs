//! The learned recogniser: every token gets features (its form, shape and context, what the word
//! lists and cue words say of it, what the rules found, how the document writes the same word
//! elsewhere) and the language's [`SequenceModel`] labels the whole sequence. The rules' output
//! is evidence here, not the decision.

use std::collections::HashMap;
use std::ops::Range;

use super::{find_candidates, handle_kind, is_domain, query_forms, strip_attached_suffix, Candidate, CueKind, EntityData, EntityKind, Evidence, Found, Resources, Span, Token, INFLECTED_HEAD_LANGS};
use crate::analyze::sequence::{self, feature_hash, hash_bytes, Sequence, SequenceModel, LABELS, OUTSIDE};

/// A feature sink. A feature is the FNV-1a hash of "key=value" (or the bare key), computed
/// piece by piece so that no feature string is ever built.
struct Sink<'a> {
    out: &'a mut Vec<u32>,
}

impl Sink<'_> {
    fn flag(&mut self, key: &str) {
        self.out.push(feature_hash(key));
    }

    fn kv(&mut self, key: &str, value: &str) {
        self.parts(key, &[value]);
    }

    /// "key=a/b/...": the same hash as the joined string.
    fn parts(&mut self, key: &str, values: &[&str]) {
        let mut h = hash_bytes(feature_hash(key), b"=");
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                h = hash_bytes(h, b"/");
            }
            h = hash_bytes(h, v.as_bytes());
        }
        self.out.push(h);
    }

    /// "key=a|b".
    fn pair(&mut self, key: &str, a: &str, b: &str) {
        let h = hash_bytes(hash_bytes(feature_hash(key), b"="), a.as_bytes());
        self.out.push(hash_bytes(hash_bytes(h, b"|"), b.as_bytes()));
    }
}

/// What the word lists and cue words say of one written form: looked up once per distinct word
/// of a text, not once per token (lookups are most of the tagger's time otherwise).
#[derive(Default)]
struct WordFacts {
    cues: Vec<&'static str>,
    first_name: bool,
    common: bool,
    function_word: bool,
    not_entity: bool,
    unit: bool,
    sq_adjective: bool,
    known: Option<EntityKind>,
    learned: Option<EntityKind>,
    world: Option<EntityKind>,
    club_city: bool,
}

fn word_facts(t: &Token, lower: &str, base: &str, capitalised: bool, lang: &str, res: &Resources) -> WordFacts {
    let one = [t.text.as_str()];
    // Albanian: the base forms are found once and serve the cue words and the lemma list alike.
    let sq_forms = if lang == "sq" { query_forms(lower) } else { Vec::new() };
    let mask = |l: &str, w: &str| res.cue_masks.get(l).and_then(|m| m.get(w)).copied().unwrap_or(0);
    let mut bits = mask(lang, lower) | mask("*", lower);
    for f in &sq_forms {
        bits |= mask("sq", f);
    }
    let inflected_heads = INFLECTED_HEAD_LANGS.contains(&lang);
    let cues = CUE_KINDS.iter().enumerate().filter(|(bit, kind)| bits & (1 << bit) != 0 || (inflected_heads && res.head_inflected(**kind, lang, lower))).map(|(_, kind)| kind.name()).collect();
    let (common, sq_adjective) = res.common_and_adjective(lang, base);
    WordFacts {
        cues,
        first_name: res.first_names.contains(base),
        common,
        function_word: res.is_function_word(lang, base),
        not_entity: res.not_entity(lang, strip_attached_suffix(&t.text)),
        unit: res.is_unit(lang, &t.text),
        sq_adjective,
        known: capitalised.then(|| res.names_lookup(&one, lang, &res.names)).flatten(),
        learned: capitalised.then(|| res.names_lookup(&one, lang, &res.learned)).flatten(),
        world: capitalised.then(|| res.names_lookup(&one, "", &res.world)).flatten(),
        club_city: capitalised && res.names_lookup(&one, lang, &res.clubs).is_some(),
    }
}

/// A word's shape: X for capitals, x for small letters, d for digits, other chars as they are;
/// runs of one class shortened to two ("Xxx" for "Tirana", "XX-xx" for "SHBA-së").
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut run = 0;
    let mut last = '\0';
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if class == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = class;
        }
        out.push(class);
        if out.len() > 12 {
            break;
        }
    }
    out
}

/// A coarse class of a token's case: what most features are conjoined with.
fn case_class(t: &Token) -> &'static str {
    if t.is_all_caps() {
        "CAPS"
    } else if t.is_capitalised() {
        "Cap"
    } else if t.text.chars().next().is_some_and(char::is_numeric) {
        "num"
    } else {
        "low"
    }
}

/// The cue-word kinds the tagger sees (a bit each in `Resources::cue_masks`).
pub(super) const CUE_KINDS: [CueKind; 11] = [
    CueKind::PersonTitle,
    CueKind::OrgHead,
    CueKind::OrgTail,
    CueKind::Locative,
    CueKind::PlaceNoun,
    CueKind::Connector,
    CueKind::MiscHead,
    CueKind::ClubWord,
    CueKind::SportWord,
    CueKind::WorkNoun,
    CueKind::Article,
];

/// The rules' label of every token ("B-PER/Known", "I-LOC/Guess", "cand" for a candidate the
/// rules left untyped, "-" outside every candidate).
fn rule_labels(found: &Found) -> Vec<&'static str> {
    let mut labels = vec!["-"; found.tokens.len()];
    for c in &found.candidates {
        for (k, label) in labels.iter_mut().enumerate().take(c.last + 1).skip(c.first) {
            *label = c.kind.map_or("cand", |kind| rule_label(k == c.first, kind, c.evidence));
        }
    }
    labels
}

/// "B-PER/Known" and its kin, as static strings (one per token would be a hot allocation).
fn rule_label(begins: bool, kind: EntityKind, evidence: Evidence) -> &'static str {
    const LABELS: [[[&str; 3]; 4]; 2] = [
        [
            ["I-PER/Guess", "I-PER/Cue", "I-PER/Known"],
            ["I-LOC/Guess", "I-LOC/Cue", "I-LOC/Known"],
            ["I-ORG/Guess", "I-ORG/Cue", "I-ORG/Known"],
            ["I-MISC/Guess", "I-MISC/Cue", "I-MISC/Known"],
        ],
        [
            ["B-PER/Guess", "B-PER/Cue", "B-PER/Known"],
            ["B-LOC/Guess", "B-LOC/Cue", "B-LOC/Known"],
            ["B-ORG/Guess", "B-ORG/Cue", "B-ORG/Known"],
            ["B-MISC/Guess", "B-MISC/Cue", "B-MISC/Known"],
        ],
    ];
    let kind = EntityKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    let evidence = match evidence {
        Evidence::Guess => 0,
        Evidence::Cue => 1,
        Evidence::Known => 2,
    };
    LABELS[usize::from(begins)][kind][evidence]
}

fn rule_kind(label: &'static str) -> &'static str {
    label.split('/').next().unwrap_or(label)
}

/// Features of a text's tokens, made one sequence at a time: `split` cuts the tokens into
/// sequences, `emit` receives each with its tokens' features (so no more than one sequence's
/// features are held at once: a 4 MB text has ~700,000 tokens). Returns the tokens and the rules'
/// candidates.
fn token_features(text: &str, lang: &str, res: &Resources, split: impl FnOnce(&[Token]) -> Vec<Range<usize>>, mut emit: impl FnMut(Range<usize>, Vec<Vec<u32>>)) -> (Vec<Token>, Vec<Candidate>) {
    let found = find_candidates(text, lang, res);
    let rules = rule_labels(&found);
    let tokens = &found.tokens;
    let lower: Vec<String> = tokens.iter().map(Token::lower).collect();
    let base: Vec<&str> = lower.iter().map(|l| strip_attached_suffix(l)).collect();
    let cases: Vec<&str> = tokens.iter().map(case_class).collect();
    let mut facts_of: HashMap<&str, usize> = HashMap::new();
    let mut facts: Vec<WordFacts> = Vec::new();
    let fact_index: Vec<usize> = tokens
        .iter()
        .enumerate()
        .map(|(k, t)| {
            *facts_of.entry(t.text.as_str()).or_insert_with(|| {
                facts.push(word_facts(t, &lower[k], base[k], cases[k] != "low", lang, res));
                facts.len() - 1
            })
        })
        .collect();
    let facts_at = |k: usize| &facts[fact_index[k]];
    let features_of = |k: usize| -> Vec<u32> {
        let t = &tokens[k];
        let mut out = Vec::with_capacity(64);
        let mut f = Sink { out: &mut out };
        let w = base[k];
        let case = cases[k];
        let facts = facts_at(k);
        f.flag("bias");
        f.kv("w", w);
        if lower[k] != w {
            f.kv("wfull", &lower[k]);
            f.flag("attached-suffix");
        }
        f.kv("shape", &shape(&t.text));
        let bounds: Vec<usize> = lower[k].char_indices().map(|(i, _)| i).chain(std::iter::once(lower[k].len())).collect();
        let n_chars = bounds.len() - 1;
        for (n, key) in [(2, "suf2"), (3, "suf3"), (4, "suf4")] {
            if n_chars > n {
                f.kv(key, &lower[k][bounds[n_chars - n]..]);
            }
        }
        for (n, key) in [(3, "pre3"), (4, "pre4")] {
            if n_chars > n {
                f.kv(key, &lower[k][..bounds[n]]);
            }
        }
        let initial = if t.starts_sentence() { "true" } else { "false" };
        f.kv("case", case);
        f.parts("case+initial", &[case, initial]);
        f.kv("gap", t.gap_marker());
        if t.gap_before.contains('-') {
            f.flag("gap-hyphen");
        }
        if !t.joins_previous() {
            f.parts("gap-case", &[t.gap_marker(), case]);
        }
        match tokens.get(k + 1) {
            Some(n) if n.joins_previous() => {}
            Some(n) => f.kv("gap-after", n.gap_marker()),
            None => f.flag("text-end"),
        }
        // Context: neighbouring words and their case, with the gap in between.
        const CONTEXT: [(isize, &str, &str, &str, &str, &str); 4] = [
            (-2, "w-2", "", "", "", ""),
            (-1, "w-1", "w-1case", "w-1case+case", "w-1cue", "w-1rule"),
            (1, "w+1", "w+1case", "w+1case+case", "w+1cue", "w+1rule"),
            (2, "w+2", "", "", "", ""),
        ];
        for (offset, name, case_key, case_case_key, cue_key, rule_key) in CONTEXT {
            let j = k as isize + offset;
            if j < 0 || j as usize >= tokens.len() {
                f.kv(name, "<edge>");
                continue;
            }
            let j = j as usize;
            f.kv(name, base[j]);
            if offset.abs() == 1 {
                f.kv(case_key, cases[j]);
                f.parts(case_case_key, &[cases[j], case]);
                for cue in &facts_at(j).cues {
                    f.kv(cue_key, cue);
                }
                f.kv(rule_key, rule_kind(rules[j]));
            }
        }
        if k > 0 {
            f.pair("bigram-1", base[k - 1], w);
        }
        if let Some(next) = base.get(k + 1) {
            f.pair("bigram+1", w, next);
        }
        // Word lists and cues.
        for cue in &facts.cues {
            f.kv("cue", cue);
        }
        if facts.first_name {
            f.kv("first-name", case);
        }
        if facts.common {
            f.kv("common", case);
        }
        if facts.function_word {
            f.kv("function-word", case);
        }
        if facts.not_entity {
            f.flag("not-entity-word");
        }
        if facts.unit {
            f.flag("unit");
        }
        if facts.sq_adjective {
            f.flag("sq-adjective");
        }
        if case != "low" {
            if let Some(kind) = facts.known {
                f.kv("known", kind.code());
            }
            if let Some(kind) = facts.learned {
                f.kv("learned", kind.code());
            }
            if let Some(kind) = facts.world {
                f.kv("world", kind.code());
            }
            if facts.club_city {
                f.flag("club-city");
            }
            // How the document writes this word elsewhere: the evidence a reader uses.
            if found.lowercase_seen.contains(&lower[k]) {
                f.parts("also-lowercase", &[case, initial]);
            }
            if found.named_mid_sentence.contains(&lower[k]) {
                f.kv("named-mid-sentence", initial);
            }
            if k > 0 && cases[k - 1] == "num" {
                f.flag("after-number");
            }
        }
        // The rules' view.
        let rule = rules[k];
        f.kv("rule", rule);
        f.kv("rule-kind", rule_kind(rule));
        f.parts("rule+case", &[rule_kind(rule), case, initial]);
        out
    };
    for range in split(tokens) {
        let features = range.clone().map(features_of).collect();
        emit(range, features);
    }
    (found.tokens, found.candidates)
}

/// Where training and decoding cut a text into sequences: at line breaks (not a soft wrap) and
/// after sentence ends followed by a space, unless `keep_together(k)` says token k continues a name.
fn segments(tokens: &[Token], keep_together: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, t) in tokens.iter().enumerate().skip(1) {
        let g = &t.gap_before;
        let cut = (g.contains('\n') && !t.soft_wrap()) || (g.contains(['.', '!', '?']) && g.contains(char::is_whitespace));
        if cut && !keep_together(k) {
            out.push(start..k);
            start = k;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Names in a text, as the model labels them.
pub(crate) fn recognize(text: &str, lang: &str, res: &Resources, model: &SequenceModel) -> Vec<Span> {
    let mut labels = Vec::new();
    // (Segments cover the tokens in order, so the decoded labels line up with them.)
    let (tokens, rules) = token_features(text, lang, res, |tokens| segments(tokens, |_| false), |_, features| labels.extend(model.decode(&features)));
    certain_names(&tokens, lang, res, &mut labels);
    join_hyphenated_first_names(&tokens, res, &mut labels);
    join_hyphenated_institutions(&tokens, lang, res, &mut labels);
    places_are_no_institution(&rules, &mut labels);
    spans_of(&tokens, &labels)
}

/// The hard rules left, where the form alone decides: handles (`@thetimes`) and web addresses
/// (`lajmi.net`) are names (GUIDELINES 20; websites are organisations), however rare in
/// training; a unit after a number (`8 GB`, `2,4 GHz`) never is (GUIDELINES 29).
fn certain_names(tokens: &[Token], lang: &str, res: &Resources, labels: &mut [usize]) {
    for k in 0..tokens.len() {
        let t = &tokens[k];
        let after_number = k > 0 && tokens[k - 1].text.chars().all(|c| c.is_numeric()) && t.joins_previous();
        let forced = if after_number && res.is_unit(lang, &t.text) {
            Some(OUTSIDE)
        } else {
            handle_kind(&t.text, res).or_else(|| (is_domain(&t.text) && !t.gap_before.ends_with('@')).then_some(EntityKind::Org)).map(sequence::begin)
        };
        if let Some(label) = forced {
            labels[k] = label;
            // A name the model ran on past this token starts afresh after it.
            if let Some(next) = labels.get_mut(k + 1).filter(|l| sequence::is_inside(**l)) {
                *next -= 1;
            }
        }
    }
}

/// An organisation the model made of the rules' places alone, joined by connectors ("Lindjen e
/// Largët të Rusisë"), is those places: a place that locates another is separate (GUIDELINES),
/// and nothing (no institution head, no list) says institution. Measured by 5-fold CV: it fires
/// a few times and is neutral (sq span F1 +0.001); it keeps the seed article's split.
fn places_are_no_institution(rules: &[Candidate], labels: &mut [usize]) {
    let org = sequence::begin(EntityKind::Org);
    let loc = sequence::begin(EntityKind::Loc);
    let mut k = 0;
    while k < labels.len() {
        if labels[k] != org {
            k += 1;
            continue;
        }
        let end = (k + 1..labels.len()).find(|&j| labels[j] != org + 1).unwrap_or(labels.len());
        let parts: Vec<&Candidate> = rules.iter().filter(|c| c.first >= k && c.last < end).collect();
        let covered: usize = parts.iter().map(|c| c.last - c.first + 1).sum();
        let all_places = parts.len() >= 2 && parts.iter().all(|c| c.kind == Some(EntityKind::Loc));
        // Only connectors between the places (one word each).
        if all_places && covered + parts.len() > end - k && parts[0].first == k && parts[parts.len() - 1].last == end - 1 {
            labels[k..end].fill(OUTSIDE);
            for c in parts {
                labels[c.first] = loc;
                labels[c.first + 1..=c.last].fill(loc + 1);
            }
        }
        k = end;
    }
}

/// "Robert Koch-Institut", "Konrad-Adenauer-Stiftung": a name joined by a hyphen to an
/// institution's head is the institution's name, whole.
fn join_hyphenated_institutions(tokens: &[Token], lang: &str, res: &Resources, labels: &mut [usize]) {
    let org = sequence::begin(EntityKind::Org);
    for k in 1..tokens.len() {
        let head = tokens[k].gap_before == "-" && res.cue(CueKind::OrgHead, lang, &tokens[k].lower());
        if !head || labels[k - 1] == OUTSIDE || !matches!(labels[k], l if l == org || l == OUTSIDE) {
            continue;
        }
        let mut first = k - 1;
        while first > 0 && sequence::is_inside(labels[first]) {
            first -= 1;
        }
        labels[first] = org;
        labels[first + 1..=k].fill(org + 1);
    }
}

/// "Jean-Yves", "Abdel-Fattah": a first name joined by a hyphen to the next part of a person's
/// name is one name (the tokenizer splits at a hyphen before a capital, for pairs like
/// "Kosovë-Shqipëri", which are two).
fn join_hyphenated_first_names(tokens: &[Token], res: &Resources, labels: &mut [usize]) {
    let per = sequence::begin(EntityKind::Per);
    for k in 1..tokens.len() {
        if labels[k] == per && tokens[k].gap_before == "-" && res.first_names.contains(&tokens[k - 1].lower()) {
            // (The first part may have been left out: "Jean" opening a sentence.)
            if sequence::label_kind(labels[k - 1]) != Some(EntityKind::Per) {
                labels[k - 1] = per;
            }
            labels[k] = per + 1;
        }
    }
}

fn spans_of(tokens: &[Token], labels: &[usize]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for (k, &label) in labels.iter().enumerate() {
        let Some(kind) = sequence::label_kind(label) else { continue };
        if sequence::is_inside(label) {
            if let Some(last) = spans.last_mut() {
                last.end = tokens[k].end;
                continue;
            }
        }
        spans.push(Span { start: tokens[k].start, end: tokens[k].end, kind });
    }
    spans
}

/// Gold labels for tokens: B/I of the gold name a token overlaps, O elsewhere.
fn gold_labels(tokens: &[Token], gold: &[Span]) -> Vec<usize> {
    let mut labels = vec![OUTSIDE; tokens.len()];
    let mut sorted: Vec<&Span> = gold.iter().collect();
    sorted.sort_by_key(|g| (g.start, g.end));
    let mut at = 0;
    for g in sorted {
        while at < tokens.len() && tokens[at].end <= g.start {
            at += 1;
        }
        let mut k = at;
        let mut first = true;
        while k < tokens.len() && tokens[k].start < g.end {
            if labels[k] == OUTSIDE {
                labels[k] = sequence::begin(g.kind) + usize::from(!first);
            }
            first = false;
            k += 1;
        }
    }
    labels
}

/// Training sequences from one annotated text.
pub fn training_sequences(text: &str, lang: &str, gold: &[Span], data: &EntityData) -> Vec<Sequence> {
    let labels = std::cell::OnceCell::new();
    let mut sequences = Vec::new();
    token_features(
        text,
        lang,
        data.resources(),
        |tokens| {
            let gold = labels.get_or_init(|| gold_labels(tokens, gold));
            segments(tokens, |k| sequence::is_inside(gold[k]))
        },
        |range, features| sequences.push(Sequence { tokens: features, labels: labels.get().map_or_else(Vec::new, |l: &Vec<usize>| l[range].to_vec()) }),
    );
    sequences
}

/// Labels are BIO over the four kinds.
const _: () = assert!(LABELS == 1 + 2 * EntityKind::ALL.len());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_short() {
        assert_eq!(shape("Tirana"), "Xxx");
        assert_eq!(shape("SHBA-së"), "XX-xx");
        assert_eq!(shape("Mi-17"), "Xx-dd");
    }

    #[test]
    fn gold_spans_become_bio_and_back() {
        let text = "Edi Rama foli në Tiranë.";
        let chars: Vec<char> = text.chars().collect();
        let tokens = super::super::tokenize(&chars, "sq");
        let gold = [Span { start: 0, end: 8, kind: EntityKind::Per }, Span { start: 17, end: 23, kind: EntityKind::Loc }];
        let labels = gold_labels(&tokens, &gold);
        assert_eq!(labels, vec![1, 2, 0, 0, 3]);
        assert_eq!(spans_of(&tokens, &labels), gold.to_vec());
    }
}
