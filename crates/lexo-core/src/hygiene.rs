//! Characters that are never text: control characters (and terminal escape sequences) leave the
//! text; bidirectional overrides, embeddings and isolates leave metadata, where they would
//! reorder the interface around a title or a byline (running text keeps them: right-to-left
//! articles use them, and the reader isolates each block).

use std::borrow::Cow;

use crate::model::Metadata;

/// A control character that is no text: C0 except tab, line feed, carriage return and form
/// feed (the line readers use them), DEL, and C1.
fn is_stray_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
}

/// Overrides, embeddings and isolates: they reorder what follows them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text without control characters; an ANSI escape sequence (`ESC [ 31 m`) goes whole.
pub fn strip_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_stray_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1B}' && chars.peek() == Some(&'[') {
            // CSI: parameters and intermediates, then one final byte.
            chars.next();
            while chars.next_if(|c| ('\u{20}'..='\u{3F}').contains(c)).is_some() {}
            chars.next_if(|c| ('\u{40}'..='\u{7E}').contains(c));
        } else if !is_stray_control(c) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A metadata value without controls or bidirectional formatting, trimmed.
pub fn clean_field(value: &str) -> String {
    strip_controls(value).chars().filter(|c| !is_bidi_control(*c)).collect::<String>().trim().to_owned()
}

/// Every text field of the metadata cleaned; a field left empty becomes none.
pub fn clean_metadata(meta: &mut Metadata) {
    for field in [&mut meta.title, &mut meta.section, &mut meta.byline, &mut meta.published, &mut meta.site, &mut meta.url, &mut meta.image, &mut meta.declared_lang] {
        if let Some(value) = field.take() {
            *field = Some(clean_field(&value)).filter(|v| !v.is_empty());
        }
    }
    meta.tags = meta.tags.iter().map(|t| clean_field(t)).filter(|t| !t.is_empty()).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_terminal_escapes_leave_the_text() {
        assert_eq!(strip_controls("Titull\u{0}me\u{7}kontroll\u{1B}[31m të kuq\u{1B}[0m\n\tfund\u{85}"), "Titullmekontroll të kuq\n\tfund");
        assert!(matches!(strip_controls("Një tekst i pastër.\r\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn bidi_overrides_leave_metadata() {
        let mut meta = Metadata { title: Some("Raporti \u{202E}fdp.exe\u{202C} dhe \u{2066}emri\u{2069}".into()), tags: vec!["\u{202E}".into()], ..Metadata::default() };
        clean_metadata(&mut meta);
        assert_eq!(meta.title.as_deref(), Some("Raporti fdp.exe dhe emri"));
        assert!(meta.tags.is_empty());
    }
}
