//! Reader settings: what the reader looks like and which names it highlights. Remembered by
//! `services::storage` as JSON; a missing field takes its default; damaged JSON resets them.

use lexo_core::EntityKind;
use serde::{Deserialize, Serialize};

use crate::i18n::{Texts, UiLang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Sepia,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Sepia, Theme::Dark];

    /// The value of `<html data-theme>`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Sepia => "sepia",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == s)
    }

    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            Theme::Auto => t.theme_auto,
            Theme::Light => t.theme_light,
            Theme::Sepia => t.theme_sepia,
            Theme::Dark => t.theme_dark,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FontFamily {
    #[default]
    Serif,
    Sans,
}

/// Measure of the reading column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LineWidth {
    Narrow,
    #[default]
    Medium,
    Wide,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LineHeight {
    Compact,
    #[default]
    Normal,
    Loose,
}

/// A setting with a few named values: how the settings panel lists and names them.
pub trait Choice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn value(self) -> &'static str;
    fn label(self, t: &Texts) -> &'static str;
    fn parse(v: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.value() == v)
    }
}

impl Choice for Theme {
    const ALL: &'static [Self] = &Theme::ALL;
    fn value(self) -> &'static str {
        self.name()
    }
    fn label(self, t: &Texts) -> &'static str {
        Theme::label(self, t)
    }
}

impl Choice for FontFamily {
    const ALL: &'static [Self] = &[FontFamily::Serif, FontFamily::Sans];
    fn value(self) -> &'static str {
        match self {
            FontFamily::Serif => "serif",
            FontFamily::Sans => "sans",
        }
    }
    fn label(self, t: &Texts) -> &'static str {
        match self {
            FontFamily::Serif => t.serif,
            FontFamily::Sans => t.sans,
        }
    }
}

impl Choice for LineWidth {
    const ALL: &'static [Self] = &[LineWidth::Narrow, LineWidth::Medium, LineWidth::Wide];
    fn value(self) -> &'static str {
        match self {
            LineWidth::Narrow => "narrow",
            LineWidth::Medium => "medium",
            LineWidth::Wide => "wide",
        }
    }
    fn label(self, t: &Texts) -> &'static str {
        match self {
            LineWidth::Narrow => t.narrow,
            LineWidth::Medium => t.medium,
            LineWidth::Wide => t.wide,
        }
    }
}

impl Choice for LineHeight {
    const ALL: &'static [Self] = &[LineHeight::Compact, LineHeight::Normal, LineHeight::Loose];
    fn value(self) -> &'static str {
        match self {
            LineHeight::Compact => "compact",
            LineHeight::Normal => "normal",
            LineHeight::Loose => "loose",
        }
    }
    fn label(self, t: &Texts) -> &'static str {
        match self {
            LineHeight::Compact => t.compact,
            LineHeight::Normal => t.normal,
            LineHeight::Loose => t.loose,
        }
    }
}

impl Choice for UiLang {
    const ALL: &'static [Self] = &UiLang::ALL;
    fn value(self) -> &'static str {
        self.code()
    }
    fn label(self, _: &Texts) -> &'static str {
        self.endonym()
    }
}

/// Steps of text size: each is 10 %.
pub const TEXT_SIZE_RANGE: (i8, i8) = (-3, 6);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    pub text_size: i8,
    pub font: FontFamily,
    pub line_width: LineWidth,
    pub line_height: LineHeight,
    /// Entity types shown highlighted.
    pub shown_kinds: Vec<EntityKind>,
    pub ui_lang: UiLang,
    /// Whether single-key shortcuts (j, k, n, p, /, e, ",", ?) are on.
    pub shortcuts: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::Auto,
            text_size: 0,
            font: FontFamily::Serif,
            line_width: LineWidth::Medium,
            line_height: LineHeight::Normal,
            shown_kinds: EntityKind::ALL.to_vec(),
            ui_lang: UiLang::En,
            shortcuts: true,
        }
    }
}

impl Settings {
    /// Stored JSON back to settings; anything unreadable is the default (with `ui_lang`, the
    /// browser's language, when none was stored).
    pub fn from_stored(json: Option<&str>, browser_lang: UiLang) -> Settings {
        let has_lang = json.is_some_and(|j| j.contains("\"ui_lang\""));
        let mut s: Settings = json.and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default();
        if !has_lang {
            s.ui_lang = browser_lang;
        }
        s.text_size = s.text_size.clamp(TEXT_SIZE_RANGE.0, TEXT_SIZE_RANGE.1);
        s.shown_kinds.dedup();
        s
    }

    /// These settings with the text `delta` steps larger (or smaller), within the range.
    pub fn with_text_size_step(&self, delta: i8) -> Settings {
        let (lo, hi) = TEXT_SIZE_RANGE;
        Settings { text_size: (self.text_size + delta).clamp(lo, hi), ..self.clone() }
    }

    /// The reader's CSS variables for these settings.
    pub fn reader_style(&self) -> String {
        let scale = 1.0 + f64::from(self.text_size) * 0.1;
        let measure = match self.line_width {
            LineWidth::Narrow => "34rem",
            LineWidth::Medium => "42rem",
            LineWidth::Wide => "54rem",
        };
        let leading = match self.line_height {
            LineHeight::Compact => "1.45",
            LineHeight::Normal => "1.65",
            LineHeight::Loose => "1.9",
        };
        let family = match self.font {
            FontFamily::Serif => "var(--serif)",
            FontFamily::Sans => "var(--sans)",
        };
        format!("--text-scale: {scale}; --measure: {measure}; --leading: {leading}; --reader-font: {family};")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_settings_round_trip_and_damage_falls_back() {
        let s = Settings { theme: Theme::Sepia, font: FontFamily::Sans, ui_lang: UiLang::Sq, shown_kinds: vec![EntityKind::Per], ..Settings::default() };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(Settings::from_stored(Some(&json), UiLang::En), s);
        assert_eq!(Settings::from_stored(Some("{not json"), UiLang::Sq), Settings { ui_lang: UiLang::Sq, ..Settings::default() });
        let partial = Settings::from_stored(Some(r#"{"theme":"dark","text_size":99}"#), UiLang::Sq);
        assert_eq!((partial.theme, partial.text_size, partial.ui_lang), (Theme::Dark, TEXT_SIZE_RANGE.1, UiLang::Sq));
        assert_eq!(<LineWidth as Choice>::parse("wide"), Some(LineWidth::Wide));
    }
}
