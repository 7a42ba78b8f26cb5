//! Reading `File`s the user dropped or picked: their beginning (all of a file up to
//! `state::MAX_READ_BYTES`), in chunks, with progress, into one buffer for the worker.

use gloo::file::File;
use wasm_bindgen::JsCast;
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
