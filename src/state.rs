//! App state and the one reducer that changes it. Pure: no browser calls, tested natively.

use std::rc::Rc;

use lexo_core::{Document, EntityKind};
use yew::Reducible;

/// Largest file Lexo reads; bigger files get a clear error instead of a frozen tab.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// One file the user gave us.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: u32,
    pub name: String,
    pub status: LoadState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Rc<Document>),
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Sepia,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Sepia, Theme::Dark];

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
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub entries: Vec<Entry>,
    pub selected: Option<u32>,
    pub next_id: u32,
    /// A drag with files is over the window.
    pub dragging: bool,
    /// Entity group whose mentions are marked (clicked in the panel).
    pub focused_group: Option<usize>,
    /// Entity types shown highlighted.
    pub shown_kinds: Vec<EntityKind>,
    pub theme: Theme,
    /// Text size step, 0 = default; each step is 10%.
    pub text_size: i8,
    /// Ids for entries split off a multi-article file (JSON lists, JSON Lines); a separate range
    /// from the loader's ids, so the two never collide.
    pub next_split_id: u32,
}

/// First id of the range used for entries split off a multi-article file.
pub const SPLIT_ID_BASE: u32 = 1 << 31;

impl Default for AppState {
    fn default() -> Self {
        AppState {
            entries: Vec::new(),
            selected: None,
            next_id: 1,
            dragging: false,
            focused_group: None,
            shown_kinds: EntityKind::ALL.to_vec(),
            theme: Theme::Auto,
            text_size: 0,
            next_split_id: SPLIT_ID_BASE,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Action {
    /// A file started loading; the entry shows as loading until `FileRead`/`FileFailed`.
    FileStarted { id: u32, name: String },
    /// A file's bytes arrived: read them with the core pipeline.
    FileRead { id: u32, bytes: Rc<Vec<u8>> },
    /// The browser could not give us the file, or it was too large.
    FileFailed { id: u32, reason: String },
    /// An entity model or word list was installed: tag articles tagged without it again.
    EntityDataInstalled,
    Select(u32),
    Remove(u32),
    SetDragging(bool),
    FocusGroup(Option<usize>),
    ToggleKind(EntityKind),
    SetTheme(Theme),
    ChangeTextSize(i8),
}

impl AppState {
    pub fn selected_entry(&self) -> Option<&Entry> {
        self.selected.and_then(|id| self.entries.iter().find(|e| e.id == id))
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::FileStarted { id, name } => {
                s.entries.push(Entry { id, name, status: LoadState::Loading });
                s.next_id = s.next_id.max(id + 1);
                if s.selected.is_none() {
                    s.selected = Some(id);
                }
            }
            Action::FileRead { id, bytes } => {
                let Some(pos) = s.entries.iter().position(|e| e.id == id) else { return self };
                let name = s.entries[pos].name.clone();
                let results = if bytes.len() > MAX_FILE_BYTES {
                    Err(format!("too large to read ({} MB; the limit is {} MB)", bytes.len() / 1_048_576, MAX_FILE_BYTES / 1_048_576))
                } else {
                    lexo_core::read_all(&bytes, &name).map_err(|e| e.to_string())
                };
                match results {
                    Err(reason) => s.entries[pos].status = LoadState::Failed(reason),
                    Ok(docs) => {
                        let total = docs.len();
                        let mut docs = docs.into_iter().map(Rc::new);
                        s.entries[pos].status = LoadState::Ready(docs.next().expect("read_all returns at least one"));
                        // Each further article of a JSON list or JSON Lines file is its own entry.
                        let extra: Vec<Entry> = docs
                            .enumerate()
                            .map(|(k, doc)| {
                                let id = s.next_split_id;
                                s.next_split_id += 1;
                                Entry { id, name: format!("{name} ({}/{total})", k + 2), status: LoadState::Ready(doc) }
                            })
                            .collect();
                        if total > 1 {
                            s.entries[pos].name = format!("{name} (1/{total})");
                        }
                        s.entries.splice(pos + 1..pos + 1, extra);
                    }
                }
                // Show the first file that reads well, rather than an error, when several arrive.
                let selected_failed = s.selected_entry().is_none_or(|e| matches!(e.status, LoadState::Failed(_)));
                let this_ready = matches!(s.entries[pos].status, LoadState::Ready(_));
                if selected_failed && this_ready {
                    s.selected = Some(id);
                    s.focused_group = None;
                }
            }
            Action::FileFailed { id, reason } => {
                let Some(entry) = s.entries.iter_mut().find(|e| e.id == id) else { return self };
                entry.status = LoadState::Failed(reason);
            }
            Action::EntityDataInstalled => {
                let current = lexo_core::analyze::entities::data_generation();
                for entry in &mut s.entries {
                    if let LoadState::Ready(doc) = &entry.status {
                        if doc.entity_data < current {
                            entry.status = LoadState::Ready(Rc::new(doc.retag()));
                            // Groups are numbered afresh: a focus would point at another entity.
                            if s.selected == Some(entry.id) {
                                s.focused_group = None;
                            }
                        }
                    }
                }
            }
            Action::Select(id) => {
                if s.selected != Some(id) {
                    s.selected = Some(id);
                    s.focused_group = None;
                }
            }
            Action::Remove(id) => {
                let pos = s.entries.iter().position(|e| e.id == id);
                s.entries.retain(|e| e.id != id);
                if s.selected == Some(id) {
                    let next = pos.and_then(|p| s.entries.get(p.min(s.entries.len().saturating_sub(1))));
                    s.selected = next.map(|e| e.id);
                    s.focused_group = None;
                }
            }
            Action::SetDragging(d) => {
                if s.dragging == d {
                    return self;
                }
                s.dragging = d;
            }
            Action::FocusGroup(g) => s.focused_group = if s.focused_group == g { None } else { g },
            Action::ToggleKind(kind) => {
                if let Some(i) = s.shown_kinds.iter().position(|k| *k == kind) {
                    s.shown_kinds.remove(i);
                } else {
                    s.shown_kinds.push(kind);
                }
            }
            Action::SetTheme(t) => s.theme = t,
            Action::ChangeTextSize(d) => s.text_size = (s.text_size + d).clamp(-3, 6),
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(s: Rc<AppState>, a: Action) -> Rc<AppState> {
        s.reduce(a)
    }

    fn with_file(s: Rc<AppState>, id: u32, name: &str, bytes: &[u8]) -> Rc<AppState> {
        let s = reduce(s, Action::FileStarted { id, name: name.into() });
        reduce(s, Action::FileRead { id, bytes: Rc::new(bytes.to_vec()) })
    }

    #[test]
    fn a_bad_file_fails_alone_and_the_good_one_is_shown() {
        let s = Rc::new(AppState::default());
        let s = with_file(s, 1, "scan.pdf", b"%PDF-1.4\n\x00\x00");
        let s = with_file(s, 2, "lajm.txt", "Bota\n\nNjë titull i gjatë lajmi\n\nTeksti i parë.\n\nTeksti i dytë.".as_bytes());
        assert!(matches!(&s.entries[0].status, LoadState::Failed(m) if m.contains("PDF")));
        assert!(matches!(&s.entries[1].status, LoadState::Ready(_)));
        assert_eq!(s.selected, Some(2));
    }

    #[test]
    fn installed_entity_data_retags_articles_tagged_before_it() {
        let s = Rc::new(AppState::default());
        let s = with_file(s, 1, "en.txt", b"Harbour town wins prize\n\nA small town in Cornwall was named the best place in Britain for cycling.");
        let s = with_file(s, 2, "sq.txt", "Bota\n\nNjë titull i gjatë lajmi\n\nKryeministri Edi Rama foli në Tiranë.".as_bytes());
        // As if the English one had been tagged before any model or word list arrived.
        let mut s = (*s).clone();
        if let LoadState::Ready(doc) = &s.entries[0].status {
            s.entries[0].status = LoadState::Ready(Rc::new(lexo_core::Document { entity_model: false, entity_data: 0, ..(**doc).clone() }));
        }
        s.selected = Some(1);
        s.focused_group = Some(0);
        let before_sq = s.entries[1].status.clone();
        let s = reduce(Rc::new(s), Action::EntityDataInstalled);
        let doc = |i: usize| match &s.entries[i].status {
            LoadState::Ready(doc) => doc.clone(),
            _ => panic!("not ready"),
        };
        let current = lexo_core::analyze::entities::data_generation();
        if current > 0 {
            assert_eq!(doc(0).entity_data, current);
            assert_eq!(doc(0).entity_model, lexo_core::analyze::entities::has_model("en"));
            assert_eq!(s.focused_group, None, "group numbers changed");
        }
        // Tagged with the current data already: left as it was.
        assert!(matches!(&before_sq, LoadState::Ready(d) if Rc::ptr_eq(d, &doc(1))));
    }

    #[test]
    fn remove_selects_a_neighbour_and_focus_toggles() {
        let s = Rc::new(AppState::default());
        let s = with_file(s, 1, "a.txt", b"Title one here\n\nBody text one.");
        let s = with_file(s, 2, "b.txt", b"Title two here\n\nBody text two.");
        let s = reduce(s, Action::Select(1));
        let s = reduce(s, Action::FocusGroup(Some(3)));
        assert_eq!(s.focused_group, Some(3));
        let s = reduce(s, Action::FocusGroup(Some(3)));
        assert_eq!(s.focused_group, None);
        let s = reduce(s, Action::Remove(1));
        assert_eq!(s.selected, Some(2));
        let s = reduce(s, Action::Remove(2));
        assert_eq!(s.selected, None);
    }

    #[test]
    fn json_lines_become_one_entry_per_article() {
        let s = Rc::new(AppState::default());
        let s = with_file(s, 1, "export.jsonl", "{\"title\": \"Një\", \"text\": \"Teksti i parë.\"}\n{\"title\": \"Dy\", \"text\": \"Teksti i dytë.\"}\n".as_bytes());
        let s = with_file(s, 2, "b.txt", b"Title two here\n\nBody text two.");
        let names: Vec<&str> = s.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["export.jsonl (1/2)", "export.jsonl (2/2)", "b.txt"]);
        assert!(s.entries.iter().all(|e| matches!(e.status, LoadState::Ready(_))));
        let ids: std::collections::HashSet<u32> = s.entries.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn too_large_files_are_refused_with_a_reason() {
        let s = Rc::new(AppState::default());
        let s = with_file(s, 1, "huge.txt", &vec![b'a'; MAX_FILE_BYTES + 1]);
        assert!(matches!(&s.entries[0].status, LoadState::Failed(m) if m.contains("too large")));
    }

    #[test]
    fn kinds_toggle_and_text_size_is_bounded() {
        let s = reduce(Rc::new(AppState::default()), Action::ToggleKind(EntityKind::Per));
        assert!(!s.shown_kinds.contains(&EntityKind::Per));
        let s = reduce(s, Action::ToggleKind(EntityKind::Per));
        assert!(s.shown_kinds.contains(&EntityKind::Per));
        let s = (0..20).fold(s, |s, _| reduce(s, Action::ChangeTextSize(1)));
        assert_eq!(s.text_size, 6);
    }
}
