//! Reader preferences in localStorage (never article content).

const THEME_KEY: &str = "lexo.theme";
const SIZE_KEY: &str = "lexo.text-size";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load_prefs() -> (Option<String>, Option<i8>) {
    let Some(s) = storage() else { return (None, None) };
    let theme = s.get_item(THEME_KEY).ok().flatten();
    let size = s.get_item(SIZE_KEY).ok().flatten().and_then(|v| v.parse().ok());
    (theme, size)
}

pub fn save_prefs(theme: &str, size: i8) {
    if let Some(s) = storage() {
        // Storage can be full or disabled (private mode): preferences are a nicety, ignore failures.
        let _ = s.set_item(THEME_KEY, theme);
        let _ = s.set_item(SIZE_KEY, &size.to_string());
    }
}
