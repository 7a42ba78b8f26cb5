//! App state and the one reducer that changes it. Pure: no browser calls, tested natively.

use std::rc::Rc;

use lexo_core::{Document, EntityKind};
use yew::Reducible;

/// Of a larger file, only this much is read from disk (the core reads no more of it).
pub const MAX_READ_BYTES: u64 = lexo_core::limits::MAX_READ_BYTES as u64;

/// Most articles kept from one file (a JSON Lines export of a million lines shows its first
/// ones and says so).
pub const MAX_ARTICLES_PER_FILE: usize = 2_000;

/// One file the user gave us.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: u32,
    pub name: String,
    pub status: LoadState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    /// Bytes being read from disk (`read` of `total`), then waiting for or in the reader.
    Loading { read: u64, total: u64 },
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
    /// Files of the current batch (since the list last had nothing loading), and how many of
    /// them are done: "reading 12 of 500".
    pub batch: (usize, usize),
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
            batch: (0, 0),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Action {
    /// A file started loading; the entry shows as loading until `FileDone`.
    FileStarted { id: u32, name: String, size: u64 },
    /// Bytes read from disk so far.
    FileProgress { id: u32, read: u64 },
    /// The reader's answer: the file's articles, or why it could not be read.
    /// `articles_in_file` counts those past [`MAX_ARTICLES_PER_FILE`] too (not sent).
    FileDone { id: u32, result: Result<Vec<Rc<Document>>, String>, articles_in_file: usize },
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
            Action::FileStarted { id, name, size } => {
                if s.batch.0 == s.batch.1 {
                    s.batch = (0, 0);
                }
                s.batch.0 += 1;
                s.entries.push(Entry { id, name, status: LoadState::Loading { read: 0, total: size.min(MAX_READ_BYTES) } });
                s.next_id = s.next_id.max(id + 1);
                if s.selected.is_none() {
                    s.selected = Some(id);
                }
            }
            Action::FileProgress { id, read } => {
                let Some(entry) = s.entries.iter_mut().find(|e| e.id == id) else { return self };
                let LoadState::Loading { total, .. } = entry.status else { return self };
                entry.status = LoadState::Loading { read: read.min(total), total };
            }
            Action::FileDone { id, result, articles_in_file } => {
                let Some(pos) = s.entries.iter().position(|e| e.id == id) else { return self };
                if !matches!(s.entries[pos].status, LoadState::Loading { .. }) {
                    return self;
                }
                s.batch.1 += 1;
                let name = s.entries[pos].name.clone();
                match result {
                    Err(reason) => s.entries[pos].status = LoadState::Failed(reason),
                    Ok(docs) if docs.is_empty() => s.entries[pos].status = LoadState::Failed("no article in it".into()),
                    Ok(docs) => {
                        let total = docs.len().max(articles_in_file);
                        let mut docs = docs.into_iter().take(MAX_ARTICLES_PER_FILE);
                        s.entries[pos].status = LoadState::Ready(docs.next().expect("not empty"));
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

    /// A file through the reducer as the app does it, with the core reading it here (in the
    /// app, the worker does).
    fn with_file(s: Rc<AppState>, id: u32, name: &str, bytes: &[u8]) -> Rc<AppState> {
        let s = reduce(s, Action::FileStarted { id, name: name.into(), size: bytes.len() as u64 });
        let result = lexo_core::read_all(bytes, name, &lexo_core::EntityData::empty()).map(|docs| docs.into_iter().map(Rc::new).collect()).map_err(|e| e.to_string());
        let articles_in_file = result.as_ref().map_or(0, Vec::len);
        reduce(s, Action::FileDone { id, result, articles_in_file })
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
    fn progress_and_batch_counts() {
        let s = reduce(Rc::new(AppState::default()), Action::FileStarted { id: 1, name: "big.txt".into(), size: 100 << 20 });
        let s = reduce(s, Action::FileStarted { id: 2, name: "b.txt".into(), size: 10 });
        assert_eq!(s.entries[0].status, LoadState::Loading { read: 0, total: MAX_READ_BYTES });
        let s = reduce(s, Action::FileProgress { id: 1, read: 4 << 20 });
        assert_eq!(s.entries[0].status, LoadState::Loading { read: 4 << 20, total: MAX_READ_BYTES });
        assert_eq!(s.batch, (2, 0));
        let s = reduce(s, Action::FileDone { id: 2, result: Err("the file is empty".into()), articles_in_file: 0 });
        assert_eq!(s.batch, (2, 1));
        // A late answer for a file already done changes nothing.
        let again = reduce(s.clone(), Action::FileDone { id: 2, result: Err("again".into()), articles_in_file: 0 });
        assert!(Rc::ptr_eq(&again, &s));
        let s = reduce(s, Action::FileDone { id: 1, result: Err("took longer than 10 s".into()), articles_in_file: 0 });
        // A new batch starts counting afresh.
        let s = reduce(s, Action::FileStarted { id: 3, name: "c.txt".into(), size: 10 });
        assert_eq!(s.batch, (1, 0));
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
    fn a_file_with_more_articles_than_kept_says_how_many_it_had() {
        let doc = Rc::new(lexo_core::read(b"Title here\n\nBody.", "a.txt", &lexo_core::EntityData::empty()).unwrap());
        let s = reduce(Rc::new(AppState::default()), Action::FileStarted { id: 1, name: "x.jsonl".into(), size: 1 });
        let s = reduce(s, Action::FileDone { id: 1, result: Ok(vec![doc; MAX_ARTICLES_PER_FILE]), articles_in_file: MAX_ARTICLES_PER_FILE + 10 });
        assert_eq!(s.entries.len(), MAX_ARTICLES_PER_FILE);
        assert_eq!(s.entries[1].name, format!("x.jsonl (2/{})", MAX_ARTICLES_PER_FILE + 10));
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
