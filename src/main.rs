//! Entry point: mount the app (the browser build); natively there is nothing to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<lexo_web::App>::new().render();
}

/// For `make bench` (e2e/bench-browser.mjs): time the app's own entity step (language
/// identification + recognition + grouping) on a text in this browser, in milliseconds, so
/// tagging alone can be compared with peers in the same page. Reads nothing, changes nothing.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn lexo_bench_tag(text: &str) -> f64 {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let t0 = now();
    let tagged = lexo_core::tag_text(text, None);
    let ms = now() - t0;
    // Keep the result alive so the work cannot be optimised away.
    std::hint::black_box(tagged.entities.mentions.len());
    ms
}
