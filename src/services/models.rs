//! Entity typing models: fetched from this site (`models/entities-LANG.bin`, copied there by
//! Trunk) the first time an article in that language is read, then installed into the core.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetch a language's model file and install it. Errors are sentences for the console: without
/// a model the language is still tagged, by rules alone.
pub async fn fetch_and_install(lang: &str) -> Result<(), String> {
    let url = format!("models/entities-{lang}.bin");
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(&url)).await.map_err(|e| format!("fetching {url} failed: {e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| format!("fetching {url} gave no response"))?;
    if !response.ok() {
        return Err(format!("fetching {url}: HTTP {}", response.status()));
    }
    let buffer = response.array_buffer().map_err(|e| format!("reading {url} failed: {e:?}"))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| format!("reading {url} failed: {e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    lexo_core::analyze::entities::install_model(lang, &bytes).map_err(|e| format!("{url}: {e}"))
}
