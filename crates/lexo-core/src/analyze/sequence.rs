//! A learned sequence tagger: an averaged structured perceptron (Collins 2002) over hashed token
//! features with BIO labels, decoded by Viterbi with the transitions BIO allows. It knows nothing
//! of language or entities beyond the label set: the features are made in
//! `entities::tagger`, the training data in `lexo train-ner`.
//!
//! Model files are small versioned binaries ([`SequenceModel::to_bytes`]): weights quantised to
//! i16 with one scale, sorted by feature hash, looked up by binary search. Training is
//! deterministic (fixed visiting order, no randomness): the same data gives the same bytes.

use std::collections::HashMap;

use super::entities::EntityKind;

/// Labels: O, then B and I for each kind in [`EntityKind::ALL`] order.
pub const LABELS: usize = 9;
pub const OUTSIDE: usize = 0;

const MAGIC: &[u8; 8] = b"LEXOSEQ1";

/// The B label of a kind.
pub fn begin(kind: EntityKind) -> usize {
    1 + 2 * EntityKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The kind of a B or I label (None for O).
pub fn label_kind(label: usize) -> Option<EntityKind> {
    label.checked_sub(1).map(|k| EntityKind::ALL[k / 2])
}

pub fn is_inside(label: usize) -> bool {
    label != OUTSIDE && (label - 1) % 2 == 1
}

/// BIO: an I label continues only its own kind's B or I.
fn allowed(prev: Option<usize>, label: usize) -> bool {
    if !is_inside(label) {
        return true;
    }
    prev.is_some_and(|p| p != OUTSIDE && label_kind(p) == label_kind(label))
}

/// 32-bit FNV-1a: stable across platforms and builds, which the model files depend on.
pub fn feature_hash(s: &str) -> u32 {
    hash_bytes(0x811c_9dc5, s.as_bytes())
}

/// FNV-1a continued over more bytes: a feature's prefix hashed once, then each value.
pub fn hash_bytes(mut h: u32, bytes: &[u8]) -> u32 {
    for b in bytes {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad entity data file: {}", self.0)
    }
}

/// A trained tagger: per feature one weight per label, plus label transitions.
#[derive(Debug, Clone, PartialEq)]
pub struct SequenceModel {
    /// Free text describing the training run (data, settings, counts); kept in the file.
    pub card: String,
    scale: f32,
    /// `transitions[prev][label]`; row LABELS is the start of a sequence.
    transitions: [[i16; LABELS]; LABELS + 1],
    entries: Vec<(u32, [i16; LABELS])>,
    /// Open-addressing index over `entries` (entry + 1; 0 is empty), built on load: a feature
    /// is found in one or two probes (a binary search was a seventh of tagging time).
    slots: Vec<u32>,
}

impl SequenceModel {
    fn new(card: String, scale: f32, transitions: [[i16; LABELS]; LABELS + 1], entries: Vec<(u32, [i16; LABELS])>) -> SequenceModel {
        // At most half full, so probe runs stay short.
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![0u32; size];
        for (i, (h, _)) in entries.iter().enumerate() {
            let mut at = slot_of(*h, size);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = i as u32 + 1;
        }
        SequenceModel { card, scale, transitions, entries, slots }
    }

    fn find(&self, feature: u32) -> Option<&[i16; LABELS]> {
        let size = self.slots.len();
        let mut at = slot_of(feature, size);
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return None;
            }
            let entry = &self.entries[slot as usize - 1];
            if entry.0 == feature {
                return Some(&entry.1);
            }
            at = (at + 1) & (size - 1);
        }
    }

    fn emission(&self, features: &[u32]) -> [i64; LABELS] {
        let mut total = [0i64; LABELS];
        for f in features {
            if let Some(weights) = self.find(*f) {
                for (t, w) in total.iter_mut().zip(weights) {
                    *t += i64::from(*w);
                }
            }
        }
        total
    }

    /// The best label sequence for a sequence of tokens' feature hashes.
    pub fn decode(&self, tokens: &[Vec<u32>]) -> Vec<usize> {
        // (i64: a path's score grows with the text; i32 overflows on a long enough one.)
        let transitions = self.transitions.map(|row| row.map(i64::from));
        viterbi(tokens.len(), |k| self.emission(&tokens[k]), |prev, label| transitions[prev.unwrap_or(LABELS)][label])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Layout (little endian): magic "LEXOSEQ1", u32 card length, card UTF-8, f32 scale,
    /// (LABELS+1) x LABELS i16 transitions, u32 entry count, the entries' u32 hashes (sorted),
    /// then their weights label by label (similar bytes side by side compress better).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.card.len() + self.entries.len() * (4 + 2 * LABELS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.card.len() as u32).to_le_bytes());
        out.extend_from_slice(self.card.as_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.transitions {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.entries.len() as u32).to_le_bytes());
        for (h, _) in &self.entries {
            out.extend_from_slice(&h.to_le_bytes());
        }
        for label in 0..LABELS {
            for (_, ws) in &self.entries {
                out.extend_from_slice(&ws[label].to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError("not a Lexo entity model (or another version)"));
        }
        let card_len = r.u32()? as usize;
        let card = std::str::from_utf8(r.take(card_len)?).map_err(|_| ModelError("card is not UTF-8"))?.to_owned();
        let scale = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
        let mut transitions = [[0i16; LABELS]; LABELS + 1];
        for row in &mut transitions {
            for w in row {
                *w = r.i16()?;
            }
        }
        let n = r.u32()? as usize;
        if n.checked_mul(4 + 2 * LABELS).is_none_or(|size| size != bytes.len() - r.at) {
            return Err(ModelError("truncated"));
        }
        let mut entries: Vec<(u32, [i16; LABELS])> = (0..n).map(|_| r.u32().map(|h| (h, [0; LABELS]))).collect::<Result<_, _>>()?;
        for label in 0..LABELS {
            for e in &mut entries {
                e.1[label] = r.i16()?;
            }
        }
        if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(ModelError("entries not sorted"));
        }
        Ok(SequenceModel::new(card, scale, transitions, entries))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(ModelError("truncated"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
}

/// Viterbi over `n` positions with BIO-constrained transitions; iterative, linear in `n`.
fn viterbi<S: Copy + Default + PartialOrd + std::ops::Add<Output = S>>(n: usize, emission: impl Fn(usize) -> [S; LABELS], transition: impl Fn(Option<usize>, usize) -> S) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let mut back: Vec<[u8; LABELS]> = Vec::with_capacity(n);
    let first = emission(0);
    let mut score: [Option<S>; LABELS] = std::array::from_fn(|l| allowed(None, l).then(|| first[l] + transition(None, l)));
    back.push([0; LABELS]);
    for k in 1..n {
        let e = emission(k);
        let mut next: [Option<S>; LABELS] = [None; LABELS];
        let mut from = [0u8; LABELS];
        for label in 0..LABELS {
            for (prev, prev_score) in score.iter().enumerate() {
                let Some(s) = *prev_score else { continue };
                if !allowed(Some(prev), label) {
                    continue;
                }
                let cand = s + transition(Some(prev), label);
                if next[label].is_none_or(|best| cand > best) {
                    next[label] = Some(cand);
                    from[label] = prev as u8;
                }
            }
            next[label] = next[label].map(|s| s + e[label]);
        }
        score = next;
        back.push(from);
    }
    let mut best = OUTSIDE;
    for l in 0..LABELS {
        if score[l].is_some_and(|s| score[best].is_none_or(|b| s > b)) {
            best = l;
        }
    }
    let mut labels = vec![OUTSIDE; n];
    labels[n - 1] = best;
    for k in (1..n).rev() {
        labels[k - 1] = back[k][labels[k]] as usize;
    }
    labels
}

/// One training sequence: each token's feature hashes and the true labels.
#[derive(Debug, Clone, Default)]
pub struct Sequence {
    pub tokens: Vec<Vec<u32>>,
    pub labels: Vec<usize>,
}

/// Training settings (chosen by cross-validation on the train sets: `lexo eval-ner --cv`).
#[derive(Debug, Clone, Copy)]
pub struct TrainSettings {
    pub epochs: usize,
    /// How many features the saved model keeps: those with the largest weights (the size budget;
    /// the rest carry little: measured by cross-validation).
    pub max_features: usize,
    /// Training runs, each visiting the data in its own order, whose averaged weights are
    /// averaged again: less dependence on one order (a perceptron's result moves with it).
    pub runs: usize,
}

/// Weights and their running corrections for averaging (w_avg = w - u / c, Daumé's trick).
#[derive(Clone, Copy)]
struct Weights {
    w: [f32; LABELS],
    u: [f32; LABELS],
}

const ZERO: Weights = Weights { w: [0.0; LABELS], u: [0.0; LABELS] };

/// Averaged structured perceptron, deterministic. Each sequence comes with how much it counts
/// (silver data and other languages' articles count less).
pub fn train(sequences: &[(&Sequence, f32)], settings: TrainSettings, card: String) -> SequenceModel {
    let runs = settings.runs.max(1);
    let mut table_sum: HashMap<u32, [f32; LABELS]> = HashMap::new();
    let mut trans_sum = [[0f32; LABELS]; LABELS + 1];
    for run in 0..runs {
        let (table, trans) = train_run(sequences, settings.epochs, 0x9E37_79B9_7F4A_7C15 ^ ((run as u64) << 32));
        for (h, w) in table {
            let sum = table_sum.entry(h).or_insert([0.0; LABELS]);
            for (s, x) in sum.iter_mut().zip(w) {
                *s += x / runs as f32;
            }
        }
        for (row, w) in trans_sum.iter_mut().zip(trans) {
            for (s, x) in row.iter_mut().zip(w) {
                *s += x / runs as f32;
            }
        }
    }
    // (Sorted by hash before quantising: float sums in a fixed order, the same bytes every time.)
    let mut averaged: Vec<(u32, [f32; LABELS])> = table_sum.into_iter().collect();
    averaged.sort_unstable_by_key(|e| e.0);
    let trans_avg = trans_sum;
    quantised(averaged, &trans_avg, settings.max_features, card)
}

/// Averaged weights per feature hash, sorted by hash.
type Averaged = Vec<(u32, [f32; LABELS])>;

/// One averaged-perceptron run over the data in the order `seed` gives: the averaged weights.
fn train_run(sequences: &[(&Sequence, f32)], epochs: usize, seed: u64) -> (Averaged, Vec<[f32; LABELS]>) {
    let mut table: HashMap<u32, Weights> = HashMap::new();
    let mut trans = [ZERO; LABELS + 1];
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..sequences.len()).collect();
    for epoch in 0..epochs {
        shuffle(&mut order, seed ^ epoch as u64);
        for &i in &order {
            let (seq, weight) = sequences[i];
            let guess = viterbi(
                seq.tokens.len(),
                |k| {
                    let mut s = [0f32; LABELS];
                    for f in &seq.tokens[k] {
                        if let Some(w) = table.get(f) {
                            for (x, y) in s.iter_mut().zip(w.w) {
                                *x += y;
                            }
                        }
                    }
                    s
                },
                |prev, label| trans[prev.unwrap_or(LABELS)].w[label],
            );
            if guess != seq.labels {
                let step = weight;
                let bump = |w: &mut Weights, label: usize, delta: f32| {
                    w.w[label] += delta;
                    w.u[label] += c * delta;
                };
                for k in 0..seq.labels.len() {
                    let (gold, got) = (seq.labels[k], guess[k]);
                    let gold_prev = if k == 0 { LABELS } else { seq.labels[k - 1] };
                    let got_prev = if k == 0 { LABELS } else { guess[k - 1] };
                    if gold != got || gold_prev != got_prev {
                        bump(&mut trans[gold_prev], gold, step);
                        bump(&mut trans[got_prev], got, -step);
                    }
                    if gold != got {
                        for f in &seq.tokens[k] {
                            let w = table.entry(*f).or_insert(ZERO);
                            bump(w, gold, step);
                            bump(w, got, -step);
                        }
                    }
                }
            }
            c += 1.0;
        }
    }
    let average = |w: &Weights| -> [f32; LABELS] { std::array::from_fn(|l| w.w[l] - w.u[l] / c) };
    let mut averaged: Vec<(u32, [f32; LABELS])> = table.iter().map(|(h, w)| (*h, average(w))).collect();
    averaged.sort_unstable_by_key(|e| e.0);
    (averaged, trans.iter().map(average).collect())
}

/// Weights quantised to i16 with one scale, cut to the `max_features` strongest features.
fn quantised(averaged: Vec<(u32, [f32; LABELS])>, trans_avg: &[[f32; LABELS]], max_features: usize, card: String) -> SequenceModel {
    let max = averaged.iter().flat_map(|(_, w)| w.iter()).chain(trans_avg.iter().flatten()).fold(0f32, |m, x| m.max(x.abs())).max(f32::MIN_POSITIVE);
    let scale = max / f32::from(i16::MAX);
    let quantise = |x: f32| (x / scale).round() as i16;
    let mut entries: Vec<(u32, [i16; LABELS])> = averaged.into_iter().map(|(h, w)| (h, w.map(quantise))).filter(|(_, w)| w.iter().any(|&x| x != 0)).collect();
    // Largest weights first (ties by hash: deterministic), cut to the budget, then by hash.
    let strength = |w: &[i16; LABELS]| w.iter().map(|x| x.unsigned_abs()).max().unwrap_or(0);
    entries.sort_unstable_by(|a, b| strength(&b.1).cmp(&strength(&a.1)).then(a.0.cmp(&b.0)));
    entries.truncate(max_features);
    entries.sort_unstable_by_key(|e| e.0);
    let mut transitions = [[0i16; LABELS]; LABELS + 1];
    for (row, avg) in transitions.iter_mut().zip(trans_avg) {
        *row = avg.map(quantise);
    }
    SequenceModel::new(card, scale, transitions, entries)
}

/// A slot for a feature hash (Fibonacci hashing: the top bits of the product; `size` is a
/// power of two).
fn slot_of(hash: u32, size: usize) -> usize {
    let bits = size.trailing_zeros();
    (u64::from(hash.wrapping_mul(0x9E37_79B9)) >> (32 - bits)) as usize & (size - 1)
}

/// Fisher-Yates with a small xorshift generator: the same order on every machine.
fn shuffle(v: &mut [usize], seed: u64) {
    let mut s = seed | 1;
    for i in (1..v.len()).rev() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        v.swap(i, (s % (i as u64 + 1)) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(words: &[(&str, usize)]) -> Sequence {
        let features = |k: usize, w: &str| {
            let prev = if k == 0 { "<s>" } else { words[k - 1].0 };
            vec![feature_hash("bias"), feature_hash(&format!("w={w}")), feature_hash(&format!("prev={prev}"))]
        };
        Sequence { tokens: words.iter().enumerate().map(|(k, (w, _))| features(k, w)).collect(), labels: words.iter().map(|(_, l)| *l).collect() }
    }

    #[test]
    fn labels_name_their_kinds() {
        assert_eq!(begin(EntityKind::Per), 1);
        assert_eq!(label_kind(2), Some(EntityKind::Per));
        assert!(is_inside(2) && !is_inside(1) && !is_inside(OUTSIDE));
        assert_eq!(label_kind(begin(EntityKind::Misc) + 1), Some(EntityKind::Misc));
    }

    #[test]
    fn learns_a_small_problem_and_round_trips() {
        let per = begin(EntityKind::Per);
        let loc = begin(EntityKind::Loc);
        let data = vec![
            seq(&[("edi", per), ("rama", per + 1), ("in", OUTSIDE), ("tirana", loc)]),
            seq(&[("the", OUTSIDE), ("tirana", loc), ("office", OUTSIDE)]),
            seq(&[("edi", per), ("rama", per + 1), ("spoke", OUTSIDE)]),
            seq(&[("in", OUTSIDE), ("north", loc), ("korea", loc + 1), ("office", OUTSIDE)]),
        ];
        // (A label never seen in training keeps zero weights and can win where all the others
        // are negative: the data here has every label it is tested on.)
        // (With words alone the perceptron stops at weights that tie, which averaging then breaks
        // either way; the previous word as a feature leaves margins.)
        let model = train(&data.iter().map(|s| (s, 1.0)).collect::<Vec<_>>(), TrainSettings { epochs: 10, max_features: usize::MAX, runs: 1 }, "test".into());
        for s in &data {
            assert_eq!(model.decode(&s.tokens), s.labels);
        }
        let back = SequenceModel::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(back, model);
        assert_eq!(back.card, "test");
    }

    #[test]
    fn decoding_never_starts_a_name_inside() {
        // Only "I-PER" evidence: the decoder still has to open with B (or stay outside).
        let per = begin(EntityKind::Per);
        let model = train(&[(&seq(&[("a", per), ("b", per + 1)]), 1.0)], TrainSettings { epochs: 5, max_features: usize::MAX, runs: 1 }, String::new());
        let labels = model.decode(&[vec![feature_hash("w=b")], vec![feature_hash("w=b")]]);
        assert!(!is_inside(labels[0]), "{labels:?}");
    }

    #[test]
    fn rejects_damaged_files() {
        let model = train(&[(&seq(&[("a", 1)]), 1.0), (&seq(&[("b", 3)]), 1.0)], TrainSettings { epochs: 3, max_features: usize::MAX, runs: 1 }, String::new());
        let bytes = model.to_bytes();
        assert!(SequenceModel::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(SequenceModel::from_bytes(b"LEXOSEQ9").is_err());
        assert!(SequenceModel::from_bytes(&[]).is_err());
    }

    #[test]
    fn hashing_is_stable() {
        // FNV-1a reference values: model files written on one machine must load on any other.
        assert_eq!(feature_hash(""), 0x811c_9dc5);
        assert_eq!(feature_hash("a"), 0xe40c_292c);
        assert_eq!(hash_bytes(feature_hash("w="), b"x"), feature_hash("w=x"));
    }
}
