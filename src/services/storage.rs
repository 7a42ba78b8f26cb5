//! Small things in localStorage: the settings and each article's reading position (never
//! article content: that is the library store's). Storage can be full or disabled (private
//! mode): these are niceties, so failures are ignored.

use std::collections::HashMap;

use crate::i18n::UiLang;
use crate::state::Settings;

const SETTINGS_KEY: &str = "lexo.settings";
const POSITIONS_KEY: &str = "lexo.positions";
/// Positions kept at most (the oldest go first).
const MAX_POSITIONS: usize = 5_000;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The browser's preferred languages, best first.
pub fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let mut out: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if out.is_empty() {
        out.extend(nav.language());
    }
    out
}

pub fn load_settings() -> Settings {
    let stored = storage().and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten());
    let langs = browser_languages();
    Settings::from_stored(stored.as_deref(), UiLang::from_browser(langs.iter().map(String::as_str)))
}

pub fn save_settings(settings: &Settings) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(settings)) {
        let _ = s.set_item(SETTINGS_KEY, &json);
    }
}

/// Reading positions: entry key → (fraction read, when saved).
fn positions() -> HashMap<String, (f64, f64)> {
    storage().and_then(|s| s.get_item(POSITIONS_KEY).ok().flatten()).and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default()
}

pub fn position(key: &str) -> Option<f64> {
    positions().get(key).map(|p| p.0)
}

pub fn save_position(key: &str, fraction: f64) {
    let mut all = positions();
    all.insert(key.to_owned(), (fraction.clamp(0.0, 1.0), js_sys::Date::now()));
    if all.len() > MAX_POSITIONS {
        let mut by_age: Vec<(String, f64)> = all.iter().map(|(k, v)| (k.clone(), v.1)).collect();
        by_age.sort_by(|a, b| a.1.total_cmp(&b.1));
        for (k, _) in by_age.into_iter().take(all.len() - MAX_POSITIONS) {
            all.remove(&k);
        }
    }
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(&all)) {
        let _ = s.set_item(POSITIONS_KEY, &json);
    }
}
