//! Small DOM helpers the reducer cannot do: scrolling to marked entities and positions, the
//! page theme and language, focus.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn scroll_into_view(el: &web_sys::Element) {
    if let Ok(el) = el.clone().dyn_into::<web_sys::HtmlElement>() {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_behavior(web_sys::ScrollBehavior::Smooth);
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Scroll mention `index` of an entity group into view and mark it as the current one.
pub fn scroll_to_mention(group: usize, index: usize) {
    let Some(doc) = document() else { return };
    if let Ok(old) = doc.query_selector_all("mark.current") {
        for i in 0..old.length() {
            if let Some(el) = old.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.class_list().remove_1("current");
            }
        }
    }
    let Ok(marks) = doc.query_selector_all(&format!(".article-body mark[data-group=\"{group}\"]")) else { return };
    if let Some(el) = marks.get(index as u32).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
        let _ = el.class_list().add_1("current");
        scroll_into_view(&el);
    }
}

/// Set `data-theme` and `lang` on <html>: CSS variables switch for the whole page, and
/// assistive technology reads the interface in its language.
pub fn apply_root(theme: &str, lang: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme);
        let _ = root.set_attribute("lang", lang);
    }
}

/// Focus an element by CSS selector (the search box, a dialog).
pub fn focus(selector: &str) {
    if let Some(el) = document().and_then(|d| d.query_selector(selector).ok().flatten()).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// How far the page is scrolled through the article body: 0 at its top, 1 at its end.
pub fn article_fraction() -> Option<f64> {
    let window = web_sys::window()?;
    let body = document()?.query_selector(".article-body").ok()??;
    let rect = body.get_bounding_client_rect();
    let viewport = window.inner_height().ok()?.as_f64()?;
    let scrollable = rect.height() - viewport * 0.6;
    if scrollable <= 1.0 {
        return Some(if rect.bottom() <= viewport { 1.0 } else { 0.0 });
    }
    Some(((viewport * 0.4 - rect.top()) / scrollable).clamp(0.0, 1.0))
}

/// Scroll the window so the article body is `fraction` read (inverse of [`article_fraction`]).
pub fn scroll_to_fraction(fraction: f64) {
    let (Some(window), Some(body)) = (web_sys::window(), document().and_then(|d| d.query_selector(".article-body").ok().flatten())) else { return };
    let rect = body.get_bounding_client_rect();
    let viewport = window.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let scrollable = (rect.height() - viewport * 0.6).max(0.0);
    let top_now = window.scroll_y().unwrap_or(0.0);
    let body_top = rect.top() + top_now;
    window.scroll_to_with_x_and_y(0.0, (body_top - viewport * 0.4 + fraction * scrollable).max(0.0));
}

pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
