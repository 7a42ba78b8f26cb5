//! `lexo train-ner` trains the per-language entity taggers from the team's shared data,
//! reproducibly (fixed data order, fixed epochs, no randomness: the same data gives the same
//! bytes), and writes them where the core crate embeds them and the web app serves them from.
//! `lexo eval-ner --cv` estimates what they will score on articles never seen: k-fold
//! cross-validation over the train sets, whole articles as folds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lexo_core::analyze::entities::tagger::training_sequences;
use lexo_core::analyze::sequence::{self, Sequence, SequenceModel, TrainSettings};
use lexo_core::{EntityData, EntityKind, Span, MODEL_LANGS};

use crate::eval::{absent, entity_sets, prf, shared_dir, wikiann_docs, Counts, GoldDoc};

/// Everything a training run is decided by; `Settings::default()` is what the shipped models
/// use (chosen by `lexo eval-ner --cv`, see models/MODEL_CARD.md), flags override it for
/// experiments.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub train: TrainSettings,
    /// Weight of another language's gold article (they teach what the evidence means in general).
    pub other_lang_weight: f32,
    /// Weight of a WikiANN sentence (silver data: title fragments, another genre).
    pub wikiann_weight: f32,
    pub wikiann_max_sentences: usize,
    pub folds: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { train: TrainSettings { epochs: 15, max_features: 8000, runs: 3 }, other_lang_weight: 0.3, wikiann_weight: 0.05, wikiann_max_sentences: 4000, folds: 5 }
    }
}

impl Settings {
    /// Flags that change the settings (`--epochs 8 --other 0.5 ...`); the other arguments are returned.
    fn parse(args: &[String]) -> Result<(Settings, Vec<String>), String> {
        let mut s = Settings::default();
        let mut rest = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
            let num = |v: String, name: &str| v.parse::<f64>().map_err(|_| format!("{name}: not a number: {v}"));
            match a.as_str() {
                "--epochs" => s.train.epochs = num(value(a)?, a)? as usize,
                "--runs" => s.train.runs = num(value(a)?, a)? as usize,
                "--features" => s.train.max_features = num(value(a)?, a)? as usize,
                "--other" => s.other_lang_weight = num(value(a)?, a)? as f32,
                "--wiki" => s.wikiann_weight = num(value(a)?, a)? as f32,
                "--wiki-max" => s.wikiann_max_sentences = num(value(a)?, a)? as usize,
                "--folds" => s.folds = (num(value(a)?, a)? as usize).max(2),
                _ => rest.push(a.clone()),
            }
        }
        Ok((s, rest))
    }

    fn describe(&self) -> String {
        format!(
            "{} epochs x {} runs averaged, the {} strongest features kept, other languages' articles weight {}, WikiANN weight {} (at most {} sentences)",
            self.train.epochs, self.train.runs, self.train.max_features, self.other_lang_weight, self.wikiann_weight, self.wikiann_max_sentences
        )
    }
}

fn spans(doc: &GoldDoc) -> Vec<Span> {
    doc.entities.iter().filter_map(|e| Some(Span { start: e.start, end: e.end, kind: EntityKind::parse(&e.kind)? })).collect()
}

fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, String> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    content.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).map_err(|e| format!("{}: bad gold line: {e}", path.display()))).collect()
}

/// WikiANN sentences worth learning from: running-text-like (six or more words, some in
/// lowercase), not lists or bare titles.
fn usable_wikiann(doc: &GoldDoc) -> bool {
    let words: Vec<&str> = doc.text.split(' ').filter(|w| w.chars().any(char::is_alphabetic)).collect();
    words.len() >= 6 && words.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count() >= 3
}

fn doc_sequences(doc: &GoldDoc) -> Vec<Sequence> {
    training_sequences(&doc.text, &doc.lang, &spans(doc), EntityData::embedded_lexicons())
}

/// The train sets with their features computed once (features do not depend on the model
/// being trained, only on each text's own language).
struct Corpus {
    gold: Vec<GoldDoc>,
    gold_sequences: Vec<Vec<Sequence>>,
    /// WikiANN train sentences per language, as sequences.
    wikiann: BTreeMap<String, Vec<Sequence>>,
}

impl Corpus {
    fn load(settings: &Settings, wikiann_langs: &[&str]) -> Result<Corpus, String> {
        let gold_dir = shared_dir().join("data/ner/gold");
        let mut gold = Vec::new();
        for name in ["sq-train.jsonl", "other-train.jsonl"] {
            gold.extend(read_gold(&gold_dir.join(name))?);
        }
        let gold_sequences = parallel_map(&gold, doc_sequences);
        let mut wikiann = BTreeMap::new();
        for lang in wikiann_langs {
            let path = shared_dir().join(format!("data/ner/wikiann/{lang}-train.txt"));
            let Ok(content) = std::fs::read_to_string(&path) else { continue };
            let docs: Vec<GoldDoc> = wikiann_docs(&content, lang).into_iter().filter(usable_wikiann).take(settings.wikiann_max_sentences).collect();
            wikiann.insert(lang.to_string(), parallel_map(&docs, doc_sequences).into_iter().flatten().collect());
        }
        Ok(Corpus { gold, gold_sequences, wikiann })
    }

    /// The weighted training set of one language's model, from the gold articles `use_doc` admits.
    fn training_set(&self, lang: &str, settings: &Settings, use_doc: impl Fn(usize) -> bool) -> (Vec<(&Sequence, f32)>, [usize; 3]) {
        let mut set = Vec::new();
        let mut counts = [0usize; 3];
        for (k, (doc, seqs)) in self.gold.iter().zip(&self.gold_sequences).enumerate() {
            if !use_doc(k) {
                continue;
            }
            let own = doc.lang == lang;
            let weight = if own { 1.0 } else { settings.other_lang_weight };
            if weight <= 0.0 {
                continue;
            }
            counts[usize::from(!own)] += 1;
            set.extend(seqs.iter().map(|s| (s, weight)));
        }
        if settings.wikiann_weight > 0.0 {
            if let Some(wiki) = self.wikiann.get(lang) {
                counts[2] = wiki.len();
                set.extend(wiki.iter().map(|s| (s, settings.wikiann_weight)));
            }
        }
        (set, counts)
    }
}

/// Map over items on every core (order kept).
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items.chunks(chunk).map(|part| s.spawn(|| part.iter().map(&f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("worker thread")).collect()
    })
}

fn card(lang: &str, settings: &Settings, counts: [usize; 3]) -> String {
    format!(
        "Lexo entity tagger v2, language {lang}: averaged structured perceptron over hashed token features (BIO labels, Viterbi), trained by `lexo train-ner` ({}).\n\
         Data: {} gold articles in {lang} (weight 1) and {} in other languages from shared/data/ner/gold *-train.jsonl (team annotations of scraped news; used for training only), \
         {} WikiANN {lang} train sentences (Pan et al. 2017, built from Wikipedia, CC BY-SA: this model is distributed under CC BY-SA 4.0 with that attribution). \
         Features are hashed (no text is stored) and also read Lexo's word lists (see data/entities/PROVENANCE.md and models/MODEL_CARD.md).",
        settings.describe(),
        counts[0],
        counts[1],
        counts[2]
    )
}

fn parse_or_exit(args: &[String]) -> Result<(Settings, Vec<String>), ExitCode> {
    Settings::parse(args).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(2)
    })
}

/// `lexo train-ner [--out DIR] [settings flags] [LANG...]`
pub fn run(args: &[String]) -> ExitCode {
    let (settings, rest) = match parse_or_exit(args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let mut out_dir = PathBuf::from("crates/lexo-core/models");
    let mut langs: Vec<String> = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        if a == "--out" {
            match it.next() {
                Some(d) => out_dir = PathBuf::from(d),
                None => {
                    eprintln!("--out needs a directory");
                    return ExitCode::from(2);
                }
            }
        } else {
            langs.push(a.clone());
        }
    }
    if langs.is_empty() {
        langs = MODEL_LANGS.iter().map(|s| s.to_string()).collect();
    }
    let gold_dir = shared_dir().join("data/ner/gold");
    if !gold_dir.is_dir() {
        return absent(&gold_dir);
    }
    let corpus = match Corpus::load(&settings, MODEL_LANGS) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        eprintln!("cannot create {}: {e}", out_dir.display());
        return ExitCode::from(1);
    }
    let models = parallel_map(&langs, |lang| {
        let (set, counts) = corpus.training_set(lang, &settings, |_| true);
        (sequence::train(&set, settings.train, card(lang, &settings, counts)), counts)
    });
    for (lang, (model, counts)) in langs.iter().zip(models) {
        let bytes = model.to_bytes();
        let path = out_dir.join(format!("entities-{lang}.bin"));
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        println!("{lang}: {} own + {} other articles, {} WikiANN sentences -> {} features, {} bytes, {}", counts[0], counts[1], counts[2], model.len(), bytes.len(), path.display());
    }
    ExitCode::SUCCESS
}

/// `lexo eval-ner --cv [--rules-only] [settings flags]`: k-fold cross-validation on the train
/// sets. Each fold's articles are tagged by models trained on the other folds (plus WikiANN);
/// figures per language and per type, micro-averaged over all folds.
pub fn cv(args: &[String]) -> ExitCode {
    let rules_only = args.iter().any(|a| a == "--rules-only");
    let (settings, rest) = match parse_or_exit(args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let path_after = |flag: &str| rest.iter().position(|a| a == flag).and_then(|i| rest.get(i + 1)).map(PathBuf::from);
    let (floor, save_floor) = (path_after("--floor"), path_after("--save-floor"));
    let gold_dir = shared_dir().join("data/ner/gold");
    if !gold_dir.is_dir() {
        return absent(&gold_dir);
    }
    let t0 = std::time::Instant::now();
    let corpus = match Corpus::load(&settings, if rules_only { &[] } else { MODEL_LANGS }) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    // Folds: each language's articles in file order, dealt round-robin (deterministic).
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let fold_of: Vec<usize> = corpus
        .gold
        .iter()
        .map(|d| {
            let n = seen.entry(d.lang.as_str()).or_default();
            *n += 1;
            (*n - 1) % settings.folds
        })
        .collect();
    let gold_langs: Vec<&str> = seen.keys().copied().collect();
    let mut rows: BTreeMap<String, Counts> = BTreeMap::new();
    let mut per_fold: BTreeMap<&str, Vec<Counts>> = BTreeMap::new();
    for fold in 0..settings.folds {
        let mut data = EntityData::embedded_lexicons().clone();
        if !rules_only {
            let models: Vec<SequenceModel> = parallel_map(&gold_langs, |lang| {
                let (set, counts) = corpus.training_set(lang, &settings, |k| fold_of[k] != fold);
                sequence::train(&set, settings.train, card(lang, &settings, counts))
            });
            for (lang, model) in gold_langs.iter().zip(models) {
                data.install_sequence_model(lang, model);
            }
        }
        let test: Vec<&GoldDoc> = corpus.gold.iter().zip(&fold_of).filter(|(_, f)| **f == fold).map(|(d, _)| d).collect();
        let scored = parallel_map(&test, |doc| {
            let tagged = lexo_core::tag_text(&doc.text, None, &data);
            entity_sets(doc, &tagged)
        });
        for (doc, (gold, pred)) in test.iter().zip(scored) {
            let group = if doc.lang == "sq" { "sq" } else { "other" };
            let folds = per_fold.entry(group).or_insert_with(|| vec![Counts::default(); settings.folds]);
            folds[fold].add(&gold, &pred);
            for key in ["all".to_owned(), group.to_owned(), format!("lang={}", doc.lang)] {
                rows.entry(key).or_default().add(&gold, &pred);
            }
            for kind in ["PER", "LOC", "ORG", "MISC"] {
                let g = gold.iter().filter(|x| x.2 == kind).cloned().collect();
                let p = pred.iter().filter(|x| x.2 == kind).cloned().collect();
                rows.entry(format!("{group} type={kind}")).or_default().add(&g, &p);
            }
        }
    }
    let engine = if rules_only { "rules only".to_owned() } else { format!("learned taggers: {}", settings.describe()) };
    println!("entity cross-validation, {} folds over the train sets (whole articles), {engine}; exact span + type micro F1 ({:.0} s)", settings.folds, t0.elapsed().as_secs_f64());
    for (key, c) in &rows {
        let (f, p, r) = prf(c.typed_tp, c.pred, c.gold);
        let (sf, _, _) = prf(c.span_tp, c.pred, c.gold);
        println!("cv {key:<16} docs={:<4} gold={:<5} pred={:<5} typed_f1={f:.3} typed_p={p:.3} typed_r={r:.3} span_f1={sf:.3}", c.docs, c.gold, c.pred);
    }
    // A change is worth keeping when it helps in most folds, not in the total alone.
    for (group, folds) in &per_fold {
        let figures: Vec<String> = folds.iter().map(|c| format!("{:.3}", prf(c.typed_tp, c.pred, c.gold).0)).collect();
        println!("cv folds {group:<8} typed_f1 {}", figures.join(" "));
    }
    let typed = |key: &str| rows.get(key).map(|c| prf(c.typed_tp, c.pred, c.gold).0);
    if let Some(path) = save_floor {
        let mut out = String::from("# Cross-validation figures committed with the models (lexo eval-ner --cv --save-floor);\n# `make test` fails when one drops more than 0.02 below its value here (--floor).\n");
        for key in FLOOR_KEYS {
            if let Some(f) = typed(key) {
                out.push_str(&format!("{key}\ttyped_f1\t{f:.3}\n"));
            }
        }
        if let Err(e) = std::fs::write(&path, out) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        println!("saved to {}", path.display());
    }
    if let Some(path) = floor {
        let Ok(content) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {}", path.display());
            return ExitCode::from(1);
        };
        let mut failed = false;
        for line in content.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(key), Some(Ok(saved))) = (cols.first(), cols.get(2).map(|v| v.parse::<f64>())) else { continue };
            let now = typed(key).unwrap_or(0.0);
            let ok = now >= saved - FLOOR_MARGIN;
            failed |= !ok;
            println!("quality floor {key:<6} typed_f1 {now:.3} (committed {saved:.3}, floor {:.3}): {}", saved - FLOOR_MARGIN, if ok { "ok" } else { "BELOW" });
        }
        if failed {
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// Figures the quality floor keeps, and how far below the committed value they may fall.
const FLOOR_KEYS: [&str; 3] = ["sq", "other", "all"];
const FLOOR_MARGIN: f64 = 0.02;
