//! Small DOM helpers the reducer cannot do: scrolling to marked entities, the page theme.

use wasm_bindgen::JsCast;

/// Scroll the first mention of an entity group into view.
pub fn scroll_to_group(group: usize) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let selector = format!("mark[data-group=\"{group}\"]");
    if let Ok(Some(el)) = doc.query_selector(&selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_behavior(web_sys::ScrollBehavior::Smooth);
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}

/// Set `data-theme` on <html> so CSS variables switch for the whole page.
pub fn apply_theme(theme: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme);
    }
}
