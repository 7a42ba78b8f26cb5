//! Entity data that is not built into the wasm: per-language typing models
//! (`models/entities-LANG.bin`) and the large word lists (`lexicons/*.txt|tsv`), copied into dist/
//! by Trunk, fetched from this site when first needed, then installed into the core.

use lexo_core::analyze::entities::{self, Lexicon};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A same-site file's bytes.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| format!("fetching {url} failed: {e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| format!("fetching {url} gave no response"))?;
    if !response.ok() {
        return Err(format!("fetching {url}: HTTP {}", response.status()));
    }
    let buffer = response.array_buffer().map_err(|e| format!("reading {url} failed: {e:?}"))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| format!("reading {url} failed: {e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetch and install a language's typing model. Errors are sentences for the console: without
/// it the language is still tagged, by rules alone.
pub async fn install_model(lang: &str) -> Result<(), String> {
    let url = format!("models/entities-{lang}.bin");
    let bytes = fetch_bytes(&url).await?;
    entities::install_model(lang, &bytes).map_err(|e| format!("{url}: {e}"))
}

/// Fetch and install a word list.
pub async fn install_lexicon(lexicon: Lexicon) -> Result<(), String> {
    let url = format!("lexicons/{}", lexicon.file_name());
    let bytes = fetch_bytes(&url).await?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{url}: not UTF-8"))?;
    entities::install_lexicon(lexicon, text).map_err(|e| format!("{url}: {e}"))
}
