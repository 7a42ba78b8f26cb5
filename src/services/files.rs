//! Reading `File`s the user dropped or picked: their beginning (all of a file up to
//! `state::MAX_READ_BYTES`), in chunks, with progress, into one buffer for the worker.

use gloo::file::File;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Bytes read per step: each step is one short task, so a 100 MB file never freezes the page.
pub const CHUNK: u64 = 4 << 20;

/// The first `limit` bytes of a file, reporting the bytes read after each chunk. Errors become
/// a sentence naming the cause.
pub async fn read_prefix(file: &File, limit: u64, on_progress: impl Fn(u64)) -> Result<js_sys::Uint8Array, String> {
    let blob: &web_sys::Blob = file.as_ref();
    let len = (blob.size() as u64).min(limit);
    let out = js_sys::Uint8Array::new_with_length(len as u32);
    let mut at = 0u64;
    while at < len {
        let end = (at + CHUNK).min(len);
        let part = blob.slice_with_f64_and_f64(at as f64, end as f64).map_err(|e| format!("the browser could not read the file ({e:?})"))?;
        let buffer = JsFuture::from(part.array_buffer()).await.map_err(|e| format!("the browser could not read the file ({e:?})"))?;
        let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|_| "the browser could not read the file".to_owned())?;
        out.set(&js_sys::Uint8Array::new(&buffer), at as u32);
        at = end;
        on_progress(at);
    }
    Ok(out)
}

/// Files carried by a `FileList` (from a drop or a file input).
pub fn from_list(list: Option<web_sys::FileList>) -> Vec<File> {
    list.map(|l| gloo::file::FileList::from(l).iter().cloned().collect()).unwrap_or_default()
}

/// Extensions of the files Lexo reads: what a dropped or picked folder contributes (its
/// pictures, scripts and other files are left out).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml", "md", "markdown", "json", "jsonl", "ndjson", "gz", "docx", "epub"];

pub fn is_article_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !lower.starts_with('.') && lower.rsplit_once('.').is_some_and(|(_, ext)| ARTICLE_EXTENSIONS.contains(&ext))
}

/// Most files taken from one dropped folder tree.
pub const MAX_FOLDER_FILES: usize = 5_000;

/// The entries of a drop that are folders (`webkitGetAsEntry`), taken while the drop event
/// runs (a DataTransfer is empty after it).
pub fn dropped_folders(dt: &web_sys::DataTransfer) -> Vec<JsValue> {
    let items = dt.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| {
            let get = js_sys::Reflect::get(&item, &"webkitGetAsEntry".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
            let entry = get.call0(&item).ok()?;
            let is_dir = js_sys::Reflect::get(&entry, &"isDirectory".into()).ok()?.as_bool()?;
            is_dir.then_some(entry)
        })
        .collect()
}

/// Every article file under the dropped folders, breadth first with a queue (no recursion on
/// the tree's depth), sorted by path; at most [`MAX_FOLDER_FILES`].
pub async fn files_in_folders(folders: Vec<JsValue>) -> Vec<File> {
    let mut queue: std::collections::VecDeque<JsValue> = folders.into();
    let mut found: Vec<(String, File)> = Vec::new();
    while let Some(dir) = queue.pop_front() {
        let Some(reader) = call(&dir, "createReader", &[]) else { continue };
        // readEntries gives a batch at a time until it gives an empty one.
        loop {
            let batch = js_sys::Promise::new(&mut |resolve, reject| {
                let _ = call(&reader, "readEntries", &[resolve.into(), reject.into()]);
            });
            let Ok(batch) = JsFuture::from(batch).await else { break };
            let batch = js_sys::Array::from(&batch);
            if batch.length() == 0 {
                break;
            }
            for entry in batch.iter() {
                let flag = |k: &str| js_sys::Reflect::get(&entry, &k.into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
                let path = js_sys::Reflect::get(&entry, &"fullPath".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                if flag("isDirectory") {
                    queue.push_back(entry);
                } else if flag("isFile") && is_article_file(&path) && found.len() < MAX_FOLDER_FILES {
                    let file = js_sys::Promise::new(&mut |resolve, reject| {
                        let _ = call(&entry, "file", &[resolve.into(), reject.into()]);
                    });
                    if let Ok(file) = JsFuture::from(file).await {
                        if let Ok(file) = file.dyn_into::<web_sys::File>() {
                            found.push((path, File::from(file)));
                        }
                    }
                }
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, f)| f).collect()
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = js_sys::Reflect::get(target, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    f.apply(target, &args.iter().collect::<js_sys::Array>()).ok()
}
