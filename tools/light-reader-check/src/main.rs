//! Print, for every file under the given paths (sorted, walked without recursion), one line:
//! the path, then `DECLINED` when this build has no reader for it, else what `read_prefix` gives.

use std::path::PathBuf;

fn main() {
    let mut files = Vec::new();
    let mut todo: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    while let Some(path) = todo.pop() {
        match std::fs::read_dir(&path) {
            Ok(entries) => todo.extend(entries.flatten().map(|e| e.path())),
            Err(_) => files.push(path),
        }
    }
    files.sort();
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let outcome = match lexo_core::read_prefix(&bytes, name, bytes.len() as u64) {
            Err(lexo_core::Error::ReaderNotBuilt { .. }) => "DECLINED".to_owned(),
            other => format!("{other:?}").replace(['\n', '\t'], " "),
        };
        println!("{}\t{outcome}", path.display());
    }
}
