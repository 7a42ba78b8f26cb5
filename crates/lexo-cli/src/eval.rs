//! Evaluation on the team's shared data (`../shared`), when it is there: entity F1 with the
//! metric of `shared/eval/score_ner.py`, and language identification accuracy.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use lexo_core::{EntityData, MODEL_LANGS};
use serde::Deserialize;

/// `../shared`, or `$LEXO_SHARED` when set.
pub(crate) fn shared_dir() -> PathBuf {
    std::env::var_os("LEXO_SHARED").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared"))
}

pub(crate) fn absent(what: &Path) -> ExitCode {
    println!("skipped: {} not found (evaluation reads the team's shared data; set LEXO_SHARED to its folder)", what.display());
    ExitCode::SUCCESS
}

#[derive(Deserialize)]
pub(crate) struct GoldDoc {
    #[serde(default)]
    pub id: String,
    pub lang: String,
    pub text: String,
    pub entities: Vec<GoldEntity>,
}

#[derive(Deserialize)]
pub(crate) struct GoldEntity {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Default, Clone, Copy)]
pub(crate) struct Counts {
    pub(crate) docs: usize,
    pub(crate) gold: usize,
    pub(crate) pred: usize,
    pub(crate) typed_tp: usize,
    pub(crate) span_tp: usize,
}

/// Entities as (start, end, type) sets, the unit of score_ner.py's exact match.
pub(crate) type EntitySet = HashSet<(usize, usize, String)>;

pub(crate) fn entity_sets(doc: &GoldDoc, tagged: &lexo_core::Tagged) -> (EntitySet, EntitySet) {
    let gold = doc.entities.iter().map(|e| (e.start, e.end, e.kind.clone())).collect();
    let pred = tagged.entities.mentions.iter().map(|m| (m.start, m.end, m.kind.code().to_owned())).collect();
    (gold, pred)
}

impl Counts {
    /// Count one document: typed matches need span and type, span matches only the span.
    pub(crate) fn add(&mut self, gold: &EntitySet, pred: &EntitySet) {
        let span = |set: &EntitySet| set.iter().map(|(s, e, _)| (*s, *e)).collect::<HashSet<_>>();
        self.docs += 1;
        self.gold += gold.len();
        self.pred += pred.len();
        self.typed_tp += gold.intersection(pred).count();
        self.span_tp += span(gold).intersection(&span(pred)).count();
    }
}

pub(crate) fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred > 0 { tp as f64 / pred as f64 } else { 0.0 };
    let r = if gold > 0 { tp as f64 / gold as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (f, p, r)
}

/// `--rules-only` among the arguments: the entity data for this run leaves the learned taggers
/// out.
fn rules_only_flag(args: &[String]) -> (bool, EntityData, Vec<String>) {
    let rules_only = args.iter().any(|a| a == "--rules-only");
    let mut data = EntityData::embedded().clone();
    if rules_only {
        for lang in MODEL_LANGS {
            data.remove_model(lang);
        }
    }
    (rules_only, data, args.iter().filter(|a| *a != "--rules-only").cloned().collect())
}

/// Gold and predicted entities that do not match exactly, one line each, for error analysis:
/// `-` gold missed (with the overlapping prediction, if any), `+` predicted but not in gold.
fn print_errors(doc: &GoldDoc, gold: &EntitySet, pred: &EntitySet) {
    // Offsets count characters (as score_ner.py does), not bytes.
    let text = |s: usize, e: usize| doc.text.chars().skip(s).take(e.saturating_sub(s)).collect::<String>().replace('\n', " ");
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (s, e, kind) in gold.difference(pred) {
        let near: Vec<String> = pred.iter().filter(|(ps, pe, _)| ps < e && s < pe).map(|(ps, pe, pk)| format!("{pk} «{}»", text(*ps, *pe))).collect();
        lines.push((*s, format!("  - {kind:<4} «{}»{}", text(*s, *e), if near.is_empty() { String::new() } else { format!("   pred: {}", near.join(", ")) })));
    }
    for (s, e, kind) in pred.difference(gold) {
        let overlaps = gold.iter().any(|(gs, ge, _)| gs < e && s < ge);
        if !overlaps {
            lines.push((*s, format!("  + {kind:<4} «{}»", text(*s, *e))));
        }
    }
    lines.sort();
    for (_, line) in lines {
        println!("{line}");
    }
}

/// `lexo eval-ner [--rules-only] [--errors] [GOLD.jsonl...]`
pub fn ner(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "--cv") {
        return crate::train::cv(args);
    }
    let (rules_only, data, args) = rules_only_flag(args);
    let show_errors = args.iter().any(|a| a == "--errors");
    let args: Vec<String> = args.into_iter().filter(|a| a != "--errors").collect();
    let files: Vec<PathBuf> = if args.is_empty() {
        let dir = shared_dir().join("data/ner/gold");
        if !dir.is_dir() {
            return absent(&dir);
        }
        vec![dir.join("sq-dev.jsonl"), dir.join("other-dev.jsonl")]
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    // Word lists load once, on first use; time tagging, not loading.
    let _ = lexo_core::tag_text("Tirana", None, &data);
    let mut rows: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_type: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut chars, mut elapsed) = (0usize, 0f64);
    for file in &files {
        let Ok(content) = std::fs::read_to_string(file) else {
            eprintln!("cannot read {}", file.display());
            return ExitCode::from(1);
        };
        for line in content.lines().filter(|l| !l.trim().is_empty()) {
            let doc: GoldDoc = match serde_json::from_str(line) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{}: bad gold line: {e}", file.display());
                    return ExitCode::from(1);
                }
            };
            let t0 = Instant::now();
            let tagged = lexo_core::tag_text(&doc.text, None, &data);
            elapsed += t0.elapsed().as_secs_f64();
            chars += doc.text.chars().count();
            let (gold, pred) = entity_sets(&doc, &tagged);
            if show_errors {
                println!("# {} {}", doc.lang, doc.id);
                print_errors(&doc, &gold, &pred);
            }
            for key in ["all".to_owned(), format!("lang={}", doc.lang)] {
                rows.entry(key).or_default().add(&gold, &pred);
            }
            for kind in ["PER", "LOC", "ORG", "MISC"] {
                let g: HashSet<_> = gold.iter().filter(|x| x.2 == kind).collect();
                let p: HashSet<_> = pred.iter().filter(|x| x.2 == kind).collect();
                let row = by_type.entry(format!("type={kind}")).or_default();
                row.gold += g.len();
                row.pred += p.len();
                row.typed_tp += g.intersection(&p).count();
            }
        }
    }
    let engine = if rules_only { "rules only" } else { "learned taggers (rules as features)" };
    println!("entity evaluation ({engine}) on {} (exact span + type, micro F1; same metric as score_ner.py)", files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "));
    let all = rows.remove("all").unwrap_or_default();
    for (key, c) in rows.iter().chain(std::iter::once((&"all".to_owned(), &all))) {
        let (f, p, r) = prf(c.typed_tp, c.pred, c.gold);
        let (sf, _, _) = prf(c.span_tp, c.pred, c.gold);
        println!("{key:<10} docs={:<3} gold={:<4} pred={:<4} typed_f1={f:.3} typed_p={p:.3} typed_r={r:.3} span_f1={sf:.3}", c.docs, c.gold, c.pred);
    }
    for (key, c) in &by_type {
        let (f, p, r) = prf(c.typed_tp, c.pred, c.gold);
        println!("{key:<10} gold={:<4} pred={:<4} f1={f:.3} p={p:.3} r={r:.3}", c.gold, c.pred);
    }
    if elapsed > 0.0 {
        println!("speed: {:.0} chars/s natively ({} chars in {:.1} ms, language identification included)", chars as f64 / elapsed, chars, elapsed * 1000.0);
    }
    ExitCode::SUCCESS
}

/// `lexo eval-lang [DIR]`: DIR holds MANIFEST.tsv (columns id, lang, file, ...).
pub fn lang(args: &[String]) -> ExitCode {
    let dir = args.first().map(PathBuf::from).unwrap_or_else(|| shared_dir().join("data/articles"));
    let manifest = dir.join("MANIFEST.tsv");
    let Ok(content) = std::fs::read_to_string(&manifest) else {
        return absent(&manifest);
    };
    let mut per_lang: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for line in content.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(expected), Some(file)) = (cols.get(1), cols.get(2)) else { continue };
        let path = dir.join(file);
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let got = match lexo_core::read(&bytes, file, EntityData::embedded()) {
            Ok(doc) => doc.lang.code,
            Err(_) => "error",
        };
        let entry = per_lang.entry((*expected).to_owned()).or_default();
        entry.1 += 1;
        if got == *expected {
            entry.0 += 1;
        } else {
            wrong.push(format!("{file}: expected {expected}, got {got}"));
        }
    }
    let (ok, total) = per_lang.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("language identification on {}", manifest.display());
    for (lang, (ok, n)) in &per_lang {
        println!("  {lang}: {ok}/{n}");
    }
    for w in &wrong {
        println!("  wrong: {w}");
    }
    println!("accuracy: {:.3} ({ok}/{total})", if total > 0 { ok as f64 / total as f64 } else { 0.0 });
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------------------------
// Extraction benchmarks

/// \w+ tokens (Python's `re` \w: letters, digits, underscore).
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).collect()
}

/// 4-word shingles with counts, as `score_extraction.py` builds them.
fn shingles(text: &str) -> std::collections::HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut out = std::collections::HashMap::new();
    if toks.is_empty() {
        return out;
    }
    let n = toks.len().saturating_sub(3).max(1);
    for i in 0..n {
        let end = (i + 4).min(toks.len());
        *out.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    out
}

/// Per-page normalised (tp, fp, fn).
fn page_counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (t, p) = (shingles(truth), shingles(pred));
    let tp: usize = t.iter().map(|(k, n)| (*n).min(p.get(k).copied().unwrap_or(0))).sum();
    let fp = p.values().sum::<usize>() - tp;
    let fneg = t.values().sum::<usize>() - tp;
    let total = (tp + fp + fneg) as f64;
    if total == 0.0 {
        (0.0, 0.0, 0.0)
    } else {
        (tp as f64 / total, fp as f64 / total, fneg as f64 / total)
    }
}

fn ratio(tp: f64, other: f64, fp: f64, fneg: f64) -> f64 {
    if fp == 0.0 && fneg == 0.0 {
        return 1.0;
    }
    if tp == 0.0 && other == 0.0 {
        return 0.0;
    }
    tp / (tp + other)
}

#[derive(Default)]
struct ExtractionScore {
    precisions: Vec<f64>,
    recalls: Vec<f64>,
    pages: usize,
    ms: f64,
}

impl ExtractionScore {
    fn add(&mut self, truth: &str, pred: &str, ms: f64) {
        let (tp, fp, fneg) = page_counts(truth, pred);
        if tp + fp > 0.0 {
            self.precisions.push(ratio(tp, fp, fp, fneg));
        }
        if tp + fneg > 0.0 {
            self.recalls.push(ratio(tp, fneg, fp, fneg));
        }
        self.pages += 1;
        self.ms += ms;
    }

    fn line(&self, label: &str) -> String {
        let avg = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
        let (p, r) = (avg(&self.precisions), avg(&self.recalls));
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!("{label:<28} pages={:<4} f1={f:.3} precision={p:.3} recall={r:.3} ms/page={:.2}", self.pages, self.ms / self.pages.max(1) as f64)
    }
}

/// `lexo eval-extraction [--out PRED.json] [BENCH_DIR...]`: each dir holds ground-truth.json and html/ID.html.gz.
pub fn extraction(args: &[String]) -> ExitCode {
    let mut out_path = None;
    let mut dirs = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--out" {
            out_path = it.next().cloned();
        } else {
            dirs.push(PathBuf::from(a));
        }
    }
    if dirs.is_empty() {
        let data = shared_dir().join("data");
        if !data.is_dir() {
            return absent(&data);
        }
        dirs = vec![data.join("extraction-bench"), data.join("extraction-wcxb")];
    }
    let mut predictions = serde_json::Map::new();
    for dir in &dirs {
        let truth_path = dir.join("ground-truth.json");
        let Ok(raw) = std::fs::read_to_string(&truth_path) else {
            println!("skipped: {} not found", truth_path.display());
            continue;
        };
        let truth: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(&raw) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", truth_path.display());
                return ExitCode::from(1);
            }
        };
        let mut all = ExtractionScore::default();
        let mut by_type: BTreeMap<String, ExtractionScore> = BTreeMap::new();
        let mut ids: Vec<&String> = truth.keys().collect();
        ids.sort();
        let (mut extract_ms, mut extracted) = (0.0f64, 0usize);
        for id in ids {
            let entry = &truth[id];
            let body = entry.get("articleBody").and_then(|v| v.as_str()).unwrap_or("");
            let Ok(bytes) = std::fs::read(dir.join("html").join(format!("{id}.html.gz"))) else { continue };
            let t0 = Instant::now();
            let text = lexo_core::read(&bytes, &format!("{id}.html.gz"), EntityData::embedded()).map(|d| d.text).unwrap_or_default();
            let ms = t0.elapsed().as_secs_f64() * 1000.0;
            all.add(body, &text, ms);
            // The extraction alone (no language, reading time or entities), from the page's
            // decompressed text: what Readability.js does in `make bench`.
            if let Ok((_, html)) = lexo_core::detect::detect(&bytes, &format!("{id}.html.gz")) {
                let t1 = Instant::now();
                std::hint::black_box(lexo_core::formats::html::read(&html));
                extract_ms += t1.elapsed().as_secs_f64() * 1000.0;
                extracted += 1;
            }
            if let Some(kind) = entry.get("page_type").and_then(|v| v.as_str()) {
                by_type.entry(kind.to_owned()).or_default().add(body, &text, ms);
            }
            predictions.insert(id.clone(), serde_json::json!({ "articleBody": text }));
        }
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        println!("{}", all.line(name));
        if all.pages > 0 {
            // Machine-readable, for `make bench`'s table (tools/bench_summary.py).
            println!("BENCH {}", serde_json::json!({ "key": format!("read.native.{name}"), "ms": all.ms / all.pages as f64, "pages": all.pages }));
        }
        if extracted > 0 {
            println!("  {name} extraction alone (parse + extract, no analysis): ms/page={:.2}", extract_ms / extracted as f64);
            println!("BENCH {}", serde_json::json!({ "key": format!("extract.native.{name}"), "ms": extract_ms / extracted as f64, "pages": extracted }));
        }
        for (kind, score) in &by_type {
            println!("{}", score.line(&format!("  {name} {kind}")));
        }
    }
    if let Some(path) = out_path {
        if let Err(e) = std::fs::write(&path, serde_json::to_string(&predictions).unwrap_or_default()) {
            eprintln!("cannot write {path}: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------------------------
// WikiANN dev sets

/// WikiANN sentences (`lang:token<TAB>IOB2` lines, blank line between sentences) as gold
/// documents: tokens joined by single spaces, spans in chars.
pub(crate) fn wikiann_docs(content: &str, lang: &str) -> Vec<GoldDoc> {
    let mut docs = Vec::new();
    let (mut text, mut entities) = (String::new(), Vec::new());
    let mut open: Option<(usize, String)> = None;
    let mut pos = 0usize;
    let close = |open: &mut Option<(usize, String)>, end: usize, entities: &mut Vec<GoldEntity>| {
        if let Some((start, kind)) = open.take() {
            entities.push(GoldEntity { start, end, kind });
        }
    };
    for line in content.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            close(&mut open, pos, &mut entities);
            if !text.is_empty() {
                docs.push(GoldDoc { id: String::new(), lang: lang.to_owned(), text: std::mem::take(&mut text), entities: std::mem::take(&mut entities) });
            }
            pos = 0;
            continue;
        }
        let Some((tok, tag)) = line.rsplit_once('\t') else { continue };
        let tok = tok.split_once(':').map_or(tok, |(_, t)| t);
        let end_prev = pos;
        if !text.is_empty() {
            text.push(' ');
            pos += 1;
        }
        let start = pos;
        text.push_str(tok);
        pos += tok.chars().count();
        match tag.split_once('-') {
            Some(("B", kind)) => {
                close(&mut open, end_prev, &mut entities);
                open = Some((start, kind.to_owned()));
            }
            Some(("I", _)) if open.is_some() => {}
            _ => close(&mut open, end_prev, &mut entities),
        }
    }
    docs
}

/// `lexo eval-wikiann [LANG...]`: each sentence of ../shared/data/ner/wikiann/LANG-dev.txt tagged
/// with its language given, scored like eval-ner. WikiANN is Wikipedia title fragments, not
/// running text: the figures say how the engine does on names out of context.
pub fn wikiann(args: &[String]) -> ExitCode {
    let dir = shared_dir().join("data/ner/wikiann");
    if !dir.is_dir() {
        return absent(&dir);
    }
    let (rules_only, data, args) = rules_only_flag(args);
    let langs: Vec<String> = if args.is_empty() { ["en", "de", "fr", "nl", "pt", "es", "pl", "ru"].iter().map(|s| s.to_string()).collect() } else { args.to_vec() };
    let engine = if rules_only { "rules only" } else { "learned taggers (rules as features)" };
    println!("WikiANN dev ({engine}), exact span + type micro F1 (sentences tagged one by one, language given)");
    for lang in langs {
        let Ok(content) = std::fs::read_to_string(dir.join(format!("{lang}-dev.txt"))) else {
            println!("{lang}: no dev file");
            continue;
        };
        let mut c = Counts::default();
        for doc in wikiann_docs(&content, &lang) {
            let tagged = lexo_core::tag_text(&doc.text, Some(&lang), &data);
            let (gold, pred) = entity_sets(&doc, &tagged);
            c.add(&gold, &pred);
        }
        let (f, p, r) = prf(c.typed_tp, c.pred, c.gold);
        let (sf, _, _) = prf(c.span_tp, c.pred, c.gold);
        println!("lang={lang:<4} sentences={:<6} gold={:<6} typed_f1={f:.3} typed_p={p:.3} typed_r={r:.3} span_f1={sf:.3}", c.docs, c.gold);
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikiann_lines_become_texts_with_char_spans() {
        let docs = wikiann_docs("en:Anders\tB-PER\nen:Lindström\tI-PER\nen:of\tO\nen:Gävle\tB-LOC\n\nen:x\tO\n", "en");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Anders Lindström of Gävle");
        let spans: Vec<(usize, usize, &str)> = docs[0].entities.iter().map(|e| (e.start, e.end, e.kind.as_str())).collect();
        assert_eq!(spans, vec![(0, 16, "PER"), (20, 25, "LOC")]);
    }

    #[test]
    fn shingle_metric_matches_the_scorer_on_simple_cases() {
        assert_eq!(page_counts("a b c d e", "a b c d e"), (1.0, 0.0, 0.0));
        let (tp, fp, fneg) = page_counts("one two three four five", "one two three four six");
        assert!(tp > 0.0 && fp > 0.0 && fneg > 0.0);
    }
}
