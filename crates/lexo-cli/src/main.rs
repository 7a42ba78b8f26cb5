//! `lexo`: read article files and tag their entities from the command line (glue over lexo-core).

mod bench;
mod clusters;
mod eval;
mod output;
mod train;

use std::process::ExitCode;

const USAGE: &str = "\
lexo — read article files (the same pipeline as the Lexo web app)

USAGE:
  lexo read FILE...        one JSON object per article per line: metadata, reading time,
                           cleaned text, related links, entities (offsets into text);
                           FILE - is standard input; JSON Lines are read and printed a
                           line at a time, other files up to their first 16 MB
  lexo tag FILE...         entities of each file's whole text as it is (no cleanup)
  lexo eval-ner [--rules-only] [--errors] [GOLD...]
                           score entities against gold JSONL (default: ../shared/data/ner/gold/*-dev.jsonl);
                           --rules-only: the rules alone, no learned tagger;
                           --errors: also list each document's missed and extra entities
  lexo eval-ner --cv [--rules-only] [SETTINGS] [--floor FILE | --save-floor FILE]
                           5-fold cross-validation on ../shared's *-train.jsonl (whole
                           articles as folds): typed/span F1 per language, type and fold;
                           --floor FILE fails (exit 1) when a figure is more than 0.02
                           below the one in FILE; --save-floor FILE writes them
  lexo train-ner [--out DIR] [SETTINGS] [LANG...]
                           train the entity taggers from ../shared (default: all
                           languages, into crates/lexo-core/models); same data, same bytes
                           SETTINGS (both commands): --epochs N --features N --other W
                           --wiki W --wiki-max N --folds K (defaults: the shipped models')
  lexo build-clusters [--out FILE]
                           word classes from ../shared's unlabeled Albanian news (tried as
                           tagger features, no CV gain, not shipped; default: target/sq_clusters.tsv)
  lexo eval-wikiann [--rules-only] [LANG...]
                           entities on WikiANN dev sentences (default: en de fr nl pt es pl ru)
  lexo eval-lang [DIR]     language identification accuracy on DIR/MANIFEST.tsv
                           (default: ../shared/data/articles)
  lexo eval-extraction [--out PRED.json] [DIR...]
                           main-text extraction F1/P/R and ms per page on benchmark dirs
                           (default: ../shared/data/extraction-bench and extraction-wcxb)
  lexo bench [TEXT_OUT]    native speed: tagging throughput and a 2,000-word article
                           (TEXT_OUT: where to write that article for peer comparison)

Exit status is 1 if any file could not be read (after printing all of them).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match cmd {
        "read" | "tag" if rest.is_empty() => {
            eprintln!("lexo {cmd}: give at least one FILE\n\n{USAGE}");
            ExitCode::from(2)
        }
        "read" => output::run(rest, output::Mode::Read),
        "tag" => output::run(rest, output::Mode::Tag),
        "eval-ner" => eval::ner(rest),
        "eval-lang" => eval::lang(rest),
        "eval-wikiann" => eval::wikiann(rest),
        "train-ner" => train::run(rest),
        "build-clusters" => clusters::run(rest),
        "eval-extraction" => eval::extraction(rest),
        "bench" => bench::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("lexo: unknown command {other:?}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
