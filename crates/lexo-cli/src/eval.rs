//! Evaluation on the team's shared data (`../shared`), when it is there: entity F1 with the
//! metric of `shared/eval/score_ner.py`, and language identification accuracy.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde::Deserialize;

/// `../shared`, or `$LEXO_SHARED` when set.
fn shared_dir() -> PathBuf {
    std::env::var_os("LEXO_SHARED").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared"))
}

fn absent(what: &Path) -> ExitCode {
    println!("skipped: {} not found (evaluation reads the team's shared data; set LEXO_SHARED to its folder)", what.display());
    ExitCode::SUCCESS
}

#[derive(Deserialize)]
struct GoldDoc {
    id: String,
    lang: String,
    text: String,
    entities: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    docs: usize,
    gold: usize,
    pred: usize,
    typed_tp: usize,
    span_tp: usize,
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred > 0 { tp as f64 / pred as f64 } else { 0.0 };
    let r = if gold > 0 { tp as f64 / gold as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (f, p, r)
}

/// `lexo eval-ner [GOLD.jsonl...]`
pub fn ner(args: &[String]) -> ExitCode {
    let files: Vec<PathBuf> = if args.is_empty() {
        let dir = shared_dir().join("data/ner/gold");
        if !dir.is_dir() {
            return absent(&dir);
        }
        vec![dir.join("sq-dev.jsonl"), dir.join("other-dev.jsonl")]
    } else {
        args.iter().map(PathBuf::from).collect()
    };
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
            let tagged = lexo_core::tag_text(&doc.text, None);
            elapsed += t0.elapsed().as_secs_f64();
            chars += doc.text.chars().count();
            let gold: HashSet<(usize, usize, String)> = doc.entities.iter().map(|e| (e.start, e.end, e.kind.clone())).collect();
            let pred: HashSet<(usize, usize, String)> = tagged.entities.mentions.iter().map(|m| (m.start, m.end, m.kind.code().to_owned())).collect();
            let gspan: HashSet<(usize, usize)> = gold.iter().map(|(s, e, _)| (*s, *e)).collect();
            let pspan: HashSet<(usize, usize)> = pred.iter().map(|(s, e, _)| (*s, *e)).collect();
            for key in ["all".to_owned(), format!("lang={}", doc.lang)] {
                let row = rows.entry(key).or_default();
                row.docs += 1;
                row.gold += gold.len();
                row.pred += pred.len();
                row.typed_tp += gold.intersection(&pred).count();
                row.span_tp += gspan.intersection(&pspan).count();
            }
            for kind in ["PER", "LOC", "ORG", "MISC"] {
                let g: HashSet<_> = gold.iter().filter(|x| x.2 == kind).collect();
                let p: HashSet<_> = pred.iter().filter(|x| x.2 == kind).collect();
                let row = by_type.entry(format!("type={kind}")).or_default();
                row.gold += g.len();
                row.pred += p.len();
                row.typed_tp += g.intersection(&p).count();
            }
            let _ = &doc.id;
        }
    }
    println!("entity evaluation on {} (exact span + type, micro F1; same metric as score_ner.py)", files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "));
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
        let got = match lexo_core::read(&bytes, file) {
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
