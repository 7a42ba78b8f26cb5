//! Offline: register the service worker (`static/sw.js`, its list of files written at build
//! time by tools/sw_manifest.py), so after one visit Lexo opens with no network, and tell the
//! page when a new version has taken over.

use wasm_bindgen::prelude::*;

/// Register `./sw.js` (relative: the app runs under any sub-path). Quietly nothing where
/// service workers are unavailable (file://, some private modes).
pub fn register() {
    let Some(window) = web_sys::window() else { return };
    if !js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = window.navigator().service_worker();
    let promise = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_1(&JsValue::from_str(&format!("Lexo: offline use is not available here ({e:?})")));
        }
    });
}
