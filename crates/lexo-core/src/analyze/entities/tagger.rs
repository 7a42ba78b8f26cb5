//! The learned recogniser: every token gets features (its form, shape and context, what the word
//! lists and cue words say of it, what the rules found, how the document writes the same word
//! elsewhere) and the language's [`SequenceModel`] labels the whole sequence. The rules' output
//! is evidence here, not the decision.

use std::ops::Range;

use super::{find_candidates, handle_kind, is_domain, EntityData, strip_attached_suffix, EntityKind, Found, Resources, Span, Token};
use crate::analyze::sequence::{self, feature_hash, hash_bytes, Sequence, SequenceModel, LABELS, OUTSIDE};

/// Features of every token of a text (one list per token), and the tokens.
struct TokenFeatures {
    tokens: Vec<Token>,
    features: Vec<Vec<u32>>,
}

/// A feature sink: a key's hash is computed once, then continued over each value.
struct Sink<'a> {
    out: &'a mut Vec<u32>,
}

impl Sink<'_> {
    fn flag(&mut self, key: &str) {
        self.out.push(feature_hash(key));
    }

    fn kv(&mut self, key: &str, value: &str) {
        let h = hash_bytes(feature_hash(key), b"=");
        self.out.push(hash_bytes(h, value.as_bytes()));
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

const CUE_KINDS: [&str; 11] = ["person_title", "org_head", "org_tail", "locative", "place_noun", "connector", "misc_head", "club_word", "sport_word", "work_noun", "article"];

/// The rules' label of every token ("B-PER/Known", "I-LOC/Guess", "cand" for a candidate the
/// rules left untyped, "-" outside every candidate).
fn rule_labels(found: &Found) -> Vec<String> {
    let mut labels = vec!["-".to_owned(); found.tokens.len()];
    for c in &found.candidates {
        for (k, label) in labels.iter_mut().enumerate().take(c.last + 1).skip(c.first) {
            *label = match c.kind {
                Some(kind) => format!("{}-{}/{:?}", if k == c.first { "B" } else { "I" }, kind.code(), c.evidence),
                None => "cand".to_owned(),
            };
        }
    }
    labels
}

fn rule_kind(label: &str) -> &str {
    label.split('/').next().unwrap_or(label)
}

/// Features of every token of a text.
fn token_features(text: &str, lang: &str, res: &Resources) -> TokenFeatures {
    let found = find_candidates(text, lang, res);
    let rules = rule_labels(&found);
    let tokens = &found.tokens;
    let lower: Vec<String> = tokens.iter().map(Token::lower).collect();
    let base: Vec<&str> = lower.iter().map(|l| strip_attached_suffix(l)).collect();
    let cases: Vec<&str> = tokens.iter().map(case_class).collect();
    let cue_hits: Vec<Vec<&str>> = lower.iter().map(|l| CUE_KINDS.iter().copied().filter(|k| res.cue(k, lang, l)).collect()).collect();
    let mut features = Vec::with_capacity(tokens.len());
    for (k, t) in tokens.iter().enumerate() {
        let mut out = Vec::with_capacity(64);
        let mut f = Sink { out: &mut out };
        let w = base[k];
        let case = cases[k];
        f.flag("bias");
        f.kv("w", w);
        if lower[k] != w {
            f.kv("wfull", &lower[k]);
            f.flag("attached-suffix");
        }
        f.kv("shape", &shape(&t.text));
        let chars: Vec<char> = lower[k].chars().collect();
        for n in [2, 3, 4] {
            if chars.len() > n {
                f.kv(&format!("suf{n}"), &chars[chars.len() - n..].iter().collect::<String>());
            }
        }
        for n in [3, 4] {
            if chars.len() > n {
                f.kv(&format!("pre{n}"), &chars[..n].iter().collect::<String>());
            }
        }
        let initial = t.starts_sentence();
        f.kv("case", case);
        f.kv("case+initial", &format!("{case}/{initial}"));
        f.kv("gap", t.gap_marker());
        if t.gap_before.contains('-') {
            f.flag("gap-hyphen");
        }
        if !t.joins_previous() {
            f.kv("gap-case", &format!("{}/{case}", t.gap_marker()));
        }
        match tokens.get(k + 1) {
            Some(n) if n.joins_previous() => {}
            Some(n) => f.kv("gap-after", n.gap_marker()),
            None => f.flag("text-end"),
        }
        // Context: neighbouring words and their case, with the gap in between.
        for (offset, name) in [(-2isize, "w-2"), (-1, "w-1"), (1, "w+1"), (2, "w+2")] {
            let j = k as isize + offset;
            if j < 0 || j as usize >= tokens.len() {
                f.kv(name, "<edge>");
                continue;
            }
            let j = j as usize;
            f.kv(name, base[j]);
            if offset.abs() == 1 {
                f.kv(&format!("{name}case"), cases[j]);
                f.kv(&format!("{name}case+case"), &format!("{}/{case}", cases[j]));
                for cue in &cue_hits[j] {
                    f.kv(&format!("{name}cue"), cue);
                }
                f.kv(&format!("{name}rule"), rule_kind(&rules[j]));
            }
        }
        if k > 0 {
            f.kv("bigram-1", &format!("{}|{w}", base[k - 1]));
        }
        if let Some(next) = base.get(k + 1) {
            f.kv("bigram+1", &format!("{w}|{next}"));
        }
        // Word lists and cues.
        for cue in &cue_hits[k] {
            f.kv("cue", cue);
        }
        if res.first_names.contains(w) {
            f.kv("first-name", case);
        }
        let common = res.is_common_word(lang, w);
        if common {
            f.kv("common", case);
        }
        if res.is_function_word(lang, w) {
            f.kv("function-word", case);
        }
        if res.not_entity(lang, strip_attached_suffix(&t.text)) {
            f.flag("not-entity-word");
        }
        if lang == "sq" && res.is_sq_adjective(w) {
            f.flag("sq-adjective");
        }
        if case != "low" {
            let one = [t.text.as_str()];
            if let Some(kind) = res.names_lookup(&one, lang, &res.names) {
                f.kv("known", kind.code());
            }
            if let Some(kind) = res.names_lookup(&one, lang, &res.learned) {
                f.kv("learned", kind.code());
            }
            if let Some(kind) = res.names_lookup(&one, "", &res.world) {
                f.kv("world", kind.code());
            }
            if res.names_lookup(&one, lang, &res.clubs).is_some() {
                f.flag("club-city");
            }
            // How the document writes this word elsewhere: the evidence a reader uses.
            if found.lowercase_seen.contains(&lower[k]) {
                f.kv("also-lowercase", &format!("{case}/{initial}"));
            }
            if found.named_mid_sentence.contains(&lower[k]) {
                f.kv("named-mid-sentence", &format!("{initial}"));
            }
            if k > 0 && cases[k - 1] == "num" {
                f.flag("after-number");
            }
        }
        // The rules' view.
        let rule = &rules[k];
        f.kv("rule", rule);
        f.kv("rule-kind", rule_kind(rule));
        f.kv("rule+case", &format!("{}/{case}/{initial}", rule_kind(rule)));
        features.push(out);
    }
    TokenFeatures { tokens: found.tokens, features }
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
    let TokenFeatures { tokens, features } = token_features(text, lang, res);
    let mut labels = vec![OUTSIDE; tokens.len()];
    for range in segments(&tokens, |_| false) {
        let decoded = model.decode(&features[range.clone()]);
        labels[range].copy_from_slice(&decoded);
    }
    certain_names(&tokens, res, &mut labels);
    spans_of(&tokens, &labels)
}

/// The one hard rule left: handles (`@thetimes`) and web addresses (`lajmi.net`) are names by
/// their form (GUIDELINES 20, and websites are organisations), however rare in training.
fn certain_names(tokens: &[Token], res: &Resources, labels: &mut [usize]) {
    for k in 0..tokens.len() {
        let t = &tokens[k];
        let kind = handle_kind(&t.text, res).or_else(|| (is_domain(&t.text) && !t.gap_before.ends_with('@')).then_some(EntityKind::Org));
        if let Some(kind) = kind {
            labels[k] = sequence::begin(kind);
            if let Some(next) = labels.get_mut(k + 1).filter(|l| sequence::is_inside(**l)) {
                *next = sequence::begin(sequence::label_kind(*next).unwrap_or(kind));
            }
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
    let TokenFeatures { tokens, features } = token_features(text, lang, data.resources());
    let labels = gold_labels(&tokens, gold);
    let mut features: Vec<Option<Vec<u32>>> = features.into_iter().map(Some).collect();
    segments(&tokens, |k| sequence::is_inside(labels[k]))
        .into_iter()
        .map(|r| Sequence { tokens: features[r.clone()].iter_mut().map(|f| f.take().unwrap_or_default()).collect(), labels: labels[r].to_vec() })
        .collect()
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
