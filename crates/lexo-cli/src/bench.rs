//! `lexo bench [ARTICLE_OUT [LONG_ARTICLE_OUT]]`: speed of the core natively (entity tagging
//! and reading a file), printed as numbers and as `BENCH {json}` lines for `make bench`'s table;
//! `make bench` runs compromise.js on the same text in the same run for comparison, and the
//! browser bench drops the written 2,000- and 10,000-word articles into the app.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Texts to measure on: the team's shared articles when present, else the core's fixtures.
fn corpus() -> (Vec<(String, String)>, &'static str) {
    let shared = std::env::var_os("LEXO_SHARED").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared")).join("data/articles");
    let mut out = Vec::new();
    if let Ok(langs) = std::fs::read_dir(&shared) {
        for lang in langs.flatten() {
            let Ok(files) = std::fs::read_dir(lang.path()) else { continue };
            for f in files.flatten().filter(|f| f.path().extension().is_some_and(|e| e == "txt")) {
                if let Ok(t) = std::fs::read_to_string(f.path()) {
                    out.push((lang.file_name().to_string_lossy().into_owned(), t));
                }
            }
        }
    }
    if !out.is_empty() {
        return (out, "../shared/data/articles");
    }
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../lexo-core/tests/fixtures/text");
    for f in std::fs::read_dir(fixtures).into_iter().flatten().flatten() {
        if let Ok(t) = std::fs::read_to_string(f.path()) {
            out.push(("fixture".into(), t));
        }
    }
    (out, "the core's test fixtures (../shared not found)")
}

/// Run `f` repeatedly for at least `min` and return the median time of one run.
fn median_time(min: Duration, mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < min || times.len() < 5 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

pub fn run(args: &[String]) -> ExitCode {
    let data = lexo_core::EntityData::embedded();
    data.prepare();
    let (texts, source) = corpus();
    if texts.is_empty() {
        eprintln!("no texts to measure");
        return ExitCode::from(1);
    }
    let total_chars: usize = texts.iter().map(|(_, t)| t.chars().count()).sum();
    println!("corpus: {} texts, {} chars, from {source}", texts.len(), total_chars);

    let per_pass = median_time(Duration::from_secs(2), || {
        for (_, t) in &texts {
            std::hint::black_box(lexo_core::tag_text(t, None, data));
        }
    });
    let mchars = total_chars as f64 / per_pass.as_secs_f64() / 1e6;
    println!("entity tagging (language id included): {mchars:.2} M chars/s");
    println!("BENCH {}", serde_json::json!({ "key": "tag.native.corpus", "mchars_s": mchars }));

    for (i, wanted) in [2000, 10_000].into_iter().enumerate() {
        let article = albanian_article(&texts, wanted);
        let words = lexo_core::analyze::reading_time::count_words(&article);
        let tag = median_time(Duration::from_secs(1), || {
            std::hint::black_box(lexo_core::tag_text(&article, Some("sq"), data));
        });
        let read = median_time(Duration::from_secs(1), || {
            std::hint::black_box(lexo_core::read(article.as_bytes(), "a.txt", data).ok());
        });
        let (tag, read) = (tag.as_secs_f64() * 1000.0, read.as_secs_f64() * 1000.0);
        println!("a {words}-word Albanian article: tagged in {tag:.2} ms; whole pipeline (decode, clean, language, reading time, entities) {read:.2} ms");
        let size = if i == 0 { "article" } else { "long" };
        println!("BENCH {}", serde_json::json!({ "key": format!("tag.native.{size}"), "ms": tag, "words": words, "chars": article.chars().count() }));
        println!("BENCH {}", serde_json::json!({ "key": format!("read.native.{size}"), "ms": read, "words": words }));
        if let Some(path) = args.get(i) {
            // For the peer comparison and the browser bench: the exact text measured above.
            if let Err(e) = std::fs::write(path, &article) {
                eprintln!("cannot write {path}: {e}");
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}

/// An Albanian article of at least `words` words, made by joining the corpus's articles.
fn albanian_article(texts: &[(String, String)], words: u32) -> String {
    let mut article = String::new();
    for (_, t) in texts.iter().filter(|(l, _)| l == "sq" || l == "fixture").cycle().take(2000) {
        if lexo_core::analyze::reading_time::count_words(&article) >= words {
            break;
        }
        article.push_str(t);
        article.push_str("\n\n");
    }
    article
}
