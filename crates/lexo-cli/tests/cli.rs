//! The `lexo` binary's JSON-lines contract, on temporary files written by the test.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lexo-cli-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lexo(args: &[&str]) -> (Vec<Value>, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_lexo")).args(args).output().unwrap();
    let lines = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (lines, out.status.code().unwrap())
}

/// Each entity's `start..end` (chars) spells its `text`.
fn assert_offsets_point_at_text(chars: &[char], ents: &[Value]) {
    for e in ents {
        let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..t].iter().collect::<String>(), e["text"].as_str().unwrap());
    }
}

const ARTICLE: &str = "Bota\n\nPresidenti i Francës Emmanuel Macron viziton Prishtinën të martën\n\n\
Presidenti francez Emmanuel Macron mbërriti në Prishtinë, ku u prit nga homologia e tij.\n\n\
Lexo më shumë  Një lajm tjetër i ditës\n\nMacron tha se Franca mbështet dialogun.\n\nAgjencia Jonë\n\nYouTube player\n";

#[test]
fn read_prints_the_contract_fields() {
    let dir = temp_dir("read");
    let path = dir.join("lajm.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let (lines, code) = lexo(&["read", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let d = &lines[0];
    assert_eq!(d["path"], path.to_str().unwrap());
    assert_eq!(d["section"], "Bota");
    assert_eq!(d["title"], "Presidenti i Francës Emmanuel Macron viziton Prishtinën të martën");
    assert_eq!(d["site"], "Agjencia Jonë");
    assert_eq!(d["lang"], "sq");
    assert_eq!(d["byline"], Value::Null);
    assert_eq!(d["related"], serde_json::json!(["Një lajm tjetër i ditës"]));
    let text = d["text"].as_str().unwrap();
    assert_eq!(text.split("\n\n").count(), 2);
    assert!(!text.contains("YouTube player"));
    let rt = &d["reading_time"];
    assert!(rt["min_minutes"].as_u64().unwrap() <= rt["max_minutes"].as_u64().unwrap());
    assert_eq!(rt["chars"].as_u64().unwrap() as usize, text.encode_utf16().count());
    let chars: Vec<char> = text.chars().collect();
    let ents = d["entities"].as_array().unwrap();
    assert!(ents.iter().any(|e| e["text"] == "Emmanuel Macron" && e["type"] == "PER"));
    let macron = ents.iter().find(|e| e["text"] == "Macron").unwrap();
    assert_eq!(macron["group"], "Emmanuel Macron");
    assert_offsets_point_at_text(&chars, ents);
}

#[test]
fn tag_offsets_point_into_the_raw_text() {
    let dir = temp_dir("tag");
    let path = dir.join("lajm.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let (lines, code) = lexo(&["tag", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let chars: Vec<char> = ARTICLE.chars().collect();
    let ents = lines[0]["entities"].as_array().unwrap();
    assert!(ents.len() >= 4);
    assert_offsets_point_at_text(&chars, ents);
}

#[test]
fn bad_files_print_errors_and_the_rest_still_reads() {
    let dir = temp_dir("errors");
    let good = dir.join("good.txt");
    let png = dir.join("photo.txt");
    std::fs::write(&good, ARTICLE).unwrap();
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let missing = dir.join("missing.txt");
    let (lines, code) = lexo(&["read", png.to_str().unwrap(), good.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["error"], "not supported: PNG image");
    assert_eq!(lines[1]["lang"], "sq");
    assert!(lines[2]["error"].as_str().unwrap().starts_with("cannot open the file"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(Command::new(env!("CARGO_BIN_EXE_lexo")).output().unwrap().status.code(), Some(2));
    assert_eq!(Command::new(env!("CARGO_BIN_EXE_lexo")).arg("read").output().unwrap().status.code(), Some(2));
    let help = Command::new(env!("CARGO_BIN_EXE_lexo")).arg("--help").output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("lexo read FILE"));
}

#[test]
fn evaluation_without_shared_data_says_so() {
    let out = Command::new(env!("CARGO_BIN_EXE_lexo")).arg("eval-ner").env("LEXO_SHARED", "/nonexistent/shared").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("skipped:"));
}
