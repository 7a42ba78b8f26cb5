//! App state and the one reducer that changes it. Pure: no browser calls, tested natively.
//! `library` answers questions of the entries (search, sort, the entity index); `settings`
//! holds what the reader looks like.

pub mod library;
pub mod settings;

use std::rc::Rc;

use lexo_core::{Document, EntityKind};
use yew::Reducible;

pub use library::{EntityKey, SortKey};
pub use settings::{FontFamily, LineHeight, LineWidth, Settings, Theme};

/// Of a larger file, only this much is read from disk (the core reads no more of it).
pub const MAX_READ_BYTES: u64 = lexo_core::limits::MAX_READ_BYTES as u64;

/// Most articles kept from one file (a JSON Lines export of a million lines shows its first
/// ones and says so).
pub const MAX_ARTICLES_PER_FILE: usize = 2_000;

/// Where an entry came from: the stored file (its key in the library store) and which of its
/// articles it is. Stays the same across reloads, unlike `Entry::id`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Source {
    pub file: Rc<str>,
    pub index: usize,
}

impl Source {
    /// The entry's key in the library store and in saved reading positions.
    pub fn key(&self) -> String {
        format!("{}#{}", self.file, self.index)
    }
}

/// One article of the library (or a file being read, or one that could not be).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: u32,
    pub name: String,
    pub status: LoadState,
    /// When it was added, ms since 1970.
    pub added: f64,
    pub source: Source,
    /// Title, name and text lower-cased, for search (empty until ready).
    pub haystack: Rc<str>,
}

#[derive(Debug, Clone)]
pub enum LoadState {
    /// Bytes being read from disk (`read` of `total`), then waiting for or in the reader.
    Loading { read: u64, total: u64 },
    Ready(Rc<Document>),
    Failed(String),
}

/// Documents are equal when they are the same one: comparing a library's worth of articles
/// field by field on every render would cost more than rendering.
impl PartialEq for LoadState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LoadState::Loading { read: a, total: b }, LoadState::Loading { read: c, total: d }) => a == c && b == d,
            (LoadState::Ready(a), LoadState::Ready(b)) => Rc::ptr_eq(a, b),
            (LoadState::Failed(a), LoadState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// The name of article `index` (from 0) of a file of `total`: "export.jsonl (2/5)".
pub fn article_name(file_name: &str, index: usize, total: usize) -> String {
    if total > 1 {
        format!("{file_name} ({}/{total})", index + 1)
    } else {
        file_name.to_owned()
    }
}

/// A dialog over the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Settings,
    Help,
}

/// A side panel that slides in on narrow screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawer {
    Library,
    Entities,
}

/// Said once, when storing the library fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    StorageUnavailable,
    StorageFull,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub entries: Vec<Entry>,
    /// Bumped whenever `entries` changes: what memoised views of the library key on.
    pub revision: u64,
    /// Bumped when the names across the library may have changed, at most once per
    /// [`INDEX_EVERY`] files of a batch (and when it ends): rebuilding the index for each of
    /// 5,000 dropped files would cost the square of the library.
    pub index_revision: u64,
    pub selected: Option<u32>,
    pub next_id: u32,
    /// A drag with files is over the window.
    pub dragging: bool,
    /// Entity group whose mentions are marked (clicked in the panel), and which of its
    /// mentions is the current one (next/previous).
    pub focused_group: Option<usize>,
    pub focused_mention: usize,
    pub settings: Settings,
    /// Ids for entries split off a multi-article file (JSON lists, JSON Lines); a separate range
    /// from the loader's ids, so the two never collide.
    pub next_split_id: u32,
    /// Files of the current batch (since the list last had nothing loading), and how many of
    /// them are done: "reading 12 of 500".
    pub batch: (usize, usize),
    pub query: String,
    pub sort: SortKey,
    /// Only articles mentioning this entity are listed; it is marked in each.
    pub entity_filter: Option<EntityKey>,
    /// The last removed entry and where it was, until undone or replaced.
    pub removed: Option<(Entry, usize)>,
    pub overlay: Option<Overlay>,
    pub drawer: Option<Drawer>,
    /// The entity panel beside the article (wide screens).
    pub panel_open: bool,
    pub notice: Option<Notice>,
    notice_given: bool,
}

/// First id of the range used for entries split off a multi-article file.
pub const SPLIT_ID_BASE: u32 = 1 << 31;
/// First id of the range used for entries read back from the library store.
pub const RESTORED_ID_BASE: u32 = 1 << 30;

/// During a batch, the entity index is rebuilt after every this many files.
pub const INDEX_EVERY: usize = 50;

impl Default for AppState {
    fn default() -> Self {
        AppState {
            entries: Vec::new(),
            revision: 0,
            index_revision: 0,
            selected: None,
            next_id: 1,
            dragging: false,
            focused_group: None,
            focused_mention: 0,
            settings: Settings::default(),
            next_split_id: SPLIT_ID_BASE,
            batch: (0, 0),
            query: String::new(),
            sort: SortKey::Added,
            entity_filter: None,
            removed: None,
            overlay: None,
            drawer: None,
            panel_open: true,
            notice: None,
            notice_given: false,
        }
    }
}

/// A file that started loading (see [`Action::FilesStarted`]).
#[derive(Debug, Clone)]
pub struct Started {
    pub id: u32,
    pub name: String,
    pub size: u64,
    pub file: Rc<str>,
    pub added: f64,
}

#[derive(Debug, Clone)]
pub enum Action {
    /// A file started loading; the entry shows as loading until `FileDone`.
    FileStarted { id: u32, name: String, size: u64, file: Rc<str>, added: f64 },
    /// Many files at once (a drop, a folder): one state change, not one per file.
    FilesStarted(Vec<Started>),
    /// Bytes read from disk so far.
    FileProgress { id: u32, read: u64 },
    /// The reader's answer: the file's articles, or why it could not be read.
    /// `articles_in_file` counts those past [`MAX_ARTICLES_PER_FILE`] too (not sent).
    FileDone { id: u32, result: Result<Vec<Rc<Document>>, String>, articles_in_file: usize },
    /// Articles read back from the library store at start-up (ids already given).
    Restored(Vec<Entry>),
    Select(u32),
    /// Next (+1) or previous (−1) article of the list as shown.
    SelectStep(i32),
    Remove(u32),
    Undo,
    /// The undo offer ends (the removal stays).
    ForgetRemoved,
    SetDragging(bool),
    FocusGroup(Option<usize>),
    /// Next or previous mention of the focused entity (the most mentioned one when none is).
    StepMention(i32),
    SetQuery(String),
    SetSort(SortKey),
    FilterEntity(Option<EntityKey>),
    ToggleKind(EntityKind),
    SetSettings(Settings),
    ChangeTextSize(i8),
    Open(Option<Overlay>),
    ToggleDrawer(Drawer),
    ShowDrawer(Drawer),
    TogglePanel,
    /// Escape: the top dialog or drawer closes.
    CloseTop,
    StorageFailed(Notice),
    DismissNotice,
}

impl AppState {
    /// A fresh state with these (remembered) settings.
    pub fn with_settings(settings: Settings) -> AppState {
        AppState { settings, ..AppState::default() }
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.selected.and_then(|id| self.entries.iter().find(|e| e.id == id))
    }

    pub fn selected_doc(&self) -> Option<&Rc<Document>> {
        match &self.selected_entry()?.status {
            LoadState::Ready(doc) => Some(doc),
            _ => None,
        }
    }

    /// The entries as the library lists them.
    pub fn visible(&self) -> Vec<&Entry> {
        library::visible(&self.entries, &self.query, self.entity_filter.as_ref(), self.sort)
    }

    fn start_file(&mut self, f: Started) {
        if self.batch.0 == self.batch.1 {
            self.batch = (0, 0);
        }
        self.batch.0 += 1;
        let source = Source { file: f.file, index: 0 };
        let status = LoadState::Loading { read: 0, total: f.size.min(MAX_READ_BYTES) };
        self.entries.push(Entry { id: f.id, name: f.name, status, added: f.added, source, haystack: "".into() });
        if f.id < RESTORED_ID_BASE {
            self.next_id = self.next_id.max(f.id + 1);
        }
        self.revision += 1;
        if self.selected.is_none() {
            self.selected = Some(f.id);
        }
    }

    /// Select an entry; with an entity filter on, its mentions there are marked.
    fn select(&mut self, id: Option<u32>) {
        if self.selected != id {
            self.selected = id;
            self.focused_group = None;
            self.focused_mention = 0;
        }
        if let (Some(key), Some(doc)) = (&self.entity_filter, self.selected_doc()) {
            self.focused_group = library::group_of(doc, key);
        }
    }

    /// After the list changed: keep the selection when it is still listed, else the first listed.
    fn keep_selection_visible(&mut self) {
        let visible = self.visible();
        if self.selected.is_some_and(|id| visible.iter().any(|e| e.id == id)) {
            let id = self.selected;
            self.select(id);
            return;
        }
        let first = visible.first().map(|e| e.id);
        self.select(first);
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::FileStarted { id, name, size, file, added } => s.start_file(Started { id, name, size, file, added }),
            Action::FilesStarted(files) => {
                if files.is_empty() {
                    return self;
                }
                for f in files {
                    s.start_file(f);
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
                s.revision += 1;
                if s.batch.1 == s.batch.0 || s.batch.1.is_multiple_of(INDEX_EVERY) {
                    s.index_revision += 1;
                }
                let name = s.entries[pos].name.clone();
                match result {
                    Err(reason) => s.entries[pos].status = LoadState::Failed(reason),
                    Ok(docs) if docs.is_empty() => s.entries[pos].status = LoadState::Failed("no article in it".into()),
                    Ok(docs) => {
                        let total = docs.len().max(articles_in_file);
                        let mut docs = docs.into_iter().take(MAX_ARTICLES_PER_FILE);
                        let (added, file) = (s.entries[pos].added, s.entries[pos].source.file.clone());
                        let first = docs.next().expect("not empty");
                        s.entries[pos].name = article_name(&name, 0, total);
                        s.entries[pos].haystack = library::haystack(&s.entries[pos].name, &first);
                        s.entries[pos].status = LoadState::Ready(first);
                        // Each further article of a JSON list or JSON Lines file is its own entry.
                        let extra: Vec<Entry> = docs
                            .enumerate()
                            .map(|(k, doc)| {
                                let id = s.next_split_id;
                                s.next_split_id += 1;
                                let name = article_name(&name, k + 1, total);
                                let source = Source { file: file.clone(), index: k + 1 };
                                Entry { id, haystack: library::haystack(&name, &doc), name, status: LoadState::Ready(doc), added, source }
                            })
                            .collect();
                        s.entries.splice(pos + 1..pos + 1, extra);
                    }
                }
                // Show the first file that reads well, rather than an error, when several arrive.
                let selected_failed = s.selected_entry().is_none_or(|e| matches!(e.status, LoadState::Failed(_)));
                let this_ready = matches!(s.entries[pos].status, LoadState::Ready(_));
                if selected_failed && this_ready {
                    s.select(Some(id));
                }
            }
            Action::Restored(mut restored) => {
                if restored.is_empty() {
                    return self;
                }
                s.revision += 1;
                s.index_revision += 1;
                for e in restored.iter().filter(|e| e.id >= SPLIT_ID_BASE) {
                    s.next_split_id = s.next_split_id.max(e.id + 1);
                }
                // Stored articles come before what was dropped while they were being read back,
                // in the order they were stored.
                let (mut earlier, dropped): (Vec<Entry>, Vec<Entry>) =
                    std::mem::take(&mut s.entries).into_iter().partition(|e| (RESTORED_ID_BASE..SPLIT_ID_BASE).contains(&e.id));
                earlier.append(&mut restored);
                earlier.extend(dropped);
                s.entries = earlier;
                if s.selected.is_none() {
                    s.keep_selection_visible();
                }
            }
            Action::Select(id) => {
                s.select(Some(id));
                // On a phone the library drawer gives way to the article chosen in it.
                if s.drawer == Some(Drawer::Library) {
                    s.drawer = None;
                }
            }
            Action::SelectStep(delta) => {
                let visible = s.visible();
                if visible.is_empty() {
                    return self;
                }
                let here = s.selected.and_then(|id| visible.iter().position(|e| e.id == id));
                let next = match here {
                    Some(i) => (i as i64 + i64::from(delta)).clamp(0, visible.len() as i64 - 1) as usize,
                    None => 0,
                };
                let id = visible[next].id;
                s.select(Some(id));
            }
            Action::Remove(id) => {
                let Some(pos) = s.entries.iter().position(|e| e.id == id) else { return self };
                let entry = s.entries.remove(pos);
                s.revision += 1;
                s.index_revision += 1;
                if matches!(entry.status, LoadState::Loading { .. }) {
                    // A file still being read: it counts as done, and there is nothing to undo
                    // (its answer, when it comes, finds no entry and is dropped).
                    s.batch.1 += 1;
                } else {
                    s.removed = Some((entry, pos));
                }
                if s.selected == Some(id) {
                    let next = s.entries.get(pos.min(s.entries.len().saturating_sub(1))).map(|e| e.id);
                    s.select(next);
                    s.keep_selection_visible();
                }
            }
            Action::Undo => {
                let Some((entry, pos)) = s.removed.take() else { return self };
                let id = entry.id;
                s.entries.insert(pos.min(s.entries.len()), entry);
                s.revision += 1;
                s.index_revision += 1;
                s.select(Some(id));
            }
            Action::ForgetRemoved => {
                if s.removed.take().is_none() {
                    return self;
                }
            }
            Action::SetDragging(d) => {
                if s.dragging == d {
                    return self;
                }
                s.dragging = d;
            }
            Action::FocusGroup(g) => {
                s.focused_group = if s.focused_group == g { None } else { g };
                s.focused_mention = 0;
            }
            Action::StepMention(delta) => {
                let Some(doc) = s.selected_doc().cloned() else { return self };
                let shown = &s.settings.shown_kinds;
                let group = s.focused_group.or_else(|| {
                    doc.entities.groups.iter().filter(|g| shown.contains(&g.kind)).max_by(|a, b| a.count.cmp(&b.count).then(b.id.cmp(&a.id))).map(|g| g.id)
                });
                let Some(group) = group else { return self };
                let count = doc.entities.mentions.iter().filter(|m| m.group == group).count();
                if count == 0 {
                    return self;
                }
                if s.focused_group != Some(group) {
                    s.focused_group = Some(group);
                    s.focused_mention = if delta < 0 { count - 1 } else { 0 };
                } else {
                    s.focused_mention = (s.focused_mention as i64 + i64::from(delta)).rem_euclid(count as i64) as usize;
                }
            }
            Action::SetQuery(q) => {
                if s.query == q {
                    return self;
                }
                s.query = q;
                s.keep_selection_visible();
            }
            Action::SetSort(k) => s.sort = k,
            Action::FilterEntity(key) => {
                s.entity_filter = if s.entity_filter == key { None } else { key };
                if s.entity_filter.is_none() {
                    s.focused_group = None;
                }
                s.keep_selection_visible();
            }
            Action::ToggleKind(kind) => {
                let kinds = &mut s.settings.shown_kinds;
                if let Some(i) = kinds.iter().position(|k| *k == kind) {
                    kinds.remove(i);
                } else {
                    kinds.push(kind);
                }
            }
            Action::SetSettings(settings) => {
                if s.settings == settings {
                    return self;
                }
                s.settings = settings;
            }
            Action::ChangeTextSize(d) => s.settings = s.settings.with_text_size_step(d),
            Action::Open(o) => s.overlay = o,
            Action::ToggleDrawer(d) => s.drawer = if s.drawer == Some(d) { None } else { Some(d) },
            Action::ShowDrawer(d) => {
                if s.drawer == Some(d) {
                    return self;
                }
                s.drawer = Some(d);
            }
            Action::TogglePanel => s.panel_open = !s.panel_open,
            Action::CloseTop => {
                if s.overlay.is_some() {
                    s.overlay = None;
                } else if s.drawer.is_some() {
                    s.drawer = None;
                } else {
                    return self;
                }
            }
            Action::StorageFailed(notice) => {
                if s.notice_given {
                    return self;
                }
                s.notice_given = true;
                s.notice = Some(notice);
            }
            Action::DismissNotice => s.notice = None,
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
    fn started(id: u32, name: &str, size: u64) -> Action {
        Action::FileStarted { id, name: name.into(), size, file: format!("f{id}").into(), added: f64::from(id) }
    }

    fn with_file(s: Rc<AppState>, id: u32, name: &str, bytes: &[u8]) -> Rc<AppState> {
        let s = reduce(s, started(id, name, bytes.len() as u64));
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
        let s = reduce(Rc::new(AppState::default()), started(1, "big.txt", 100 << 20));
        let s = reduce(s, started(2, "b.txt", 10));
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
        let s = reduce(s, started(3, "c.txt", 10));
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
        let s = reduce(Rc::new(AppState::default()), started(1, "x.jsonl", 1));
        let s = reduce(s, Action::FileDone { id: 1, result: Ok(vec![doc; MAX_ARTICLES_PER_FILE]), articles_in_file: MAX_ARTICLES_PER_FILE + 10 });
        assert_eq!(s.entries.len(), MAX_ARTICLES_PER_FILE);
        assert_eq!(s.entries[1].name, format!("x.jsonl (2/{})", MAX_ARTICLES_PER_FILE + 10));
    }

    #[test]
    fn kinds_toggle_and_text_size_is_bounded() {
        let s = reduce(Rc::new(AppState::default()), Action::ToggleKind(EntityKind::Per));
        assert!(!s.settings.shown_kinds.contains(&EntityKind::Per));
        let s = reduce(s, Action::ToggleKind(EntityKind::Per));
        assert!(s.settings.shown_kinds.contains(&EntityKind::Per));
        let s = (0..20).fold(s, |s, _| reduce(s, Action::ChangeTextSize(1)));
        assert_eq!(s.settings.text_size, 6);
    }

    fn library() -> Rc<AppState> {
        let data = lexo_core::EntityData::embedded();
        let files: [(&str, &str); 3] = [
            ("a.txt", "Bota\n\nEdi Rama takon Olaf Scholz në Berlin\n\nKryeministri Edi Rama u takua sot në Berlin me kancelarin Olaf Scholz. Rama foli për Ballkanin."),
            ("b.txt", "Sport\n\nSkuadra e Tiranës fiton kupën\n\nTrajneri Ardit Berisha tha në Durrës se fitorja i takon tifozëve. Berisha falënderoi lojtarët."),
            ("c.txt", "Politikë\n\nEdi Rama në Tiranë për buxhetin e ri\n\nEdi Rama prezantoi sot në Tiranë buxhetin. Opozita e kritikoi ashpër Ramën."),
        ];
        let mut s = Rc::new(AppState::default());
        for (i, (name, text)) in files.iter().enumerate() {
            let id = i as u32 + 1;
            s = reduce(s, started(id, name, text.len() as u64));
            let doc = Rc::new(lexo_core::read(text.as_bytes(), name, data).unwrap());
            s = reduce(s, Action::FileDone { id, result: Ok(vec![doc]), articles_in_file: 1 });
        }
        s
    }

    fn listed(s: &AppState) -> Vec<&str> {
        s.visible().iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn search_matches_every_word_in_title_or_text_and_sort_orders() {
        let s = library();
        assert_eq!(listed(&s), ["c.txt", "b.txt", "a.txt"], "newest first");
        let s = reduce(s, Action::SetQuery("rama BERLIN".into()));
        assert_eq!(listed(&s), ["a.txt"]);
        assert_eq!(s.selected, Some(1), "the selection follows the search");
        let s = reduce(s, Action::SetQuery("tifozëve".into()));
        assert_eq!(listed(&s), ["b.txt"]);
        let s = reduce(s, Action::SetQuery("tifozeve".into()));
        assert_eq!(listed(&s), ["b.txt"], "typed without ë");
        let s = reduce(s, Action::SetQuery(String::new()));
        let s = reduce(s, Action::SetSort(SortKey::Title));
        assert_eq!(listed(&s), ["c.txt", "a.txt", "b.txt"], "Edi Rama në…, Edi Rama takon…, Skuadra…");
        let s = reduce(s, Action::SetSort(SortKey::ReadingTime));
        assert_eq!(s.visible().len(), 3);
    }

    #[test]
    fn the_entity_index_spans_articles_and_filters_the_library() {
        let s = library();
        let index = library::entity_index(&s.entries);
        let rama = index.iter().find(|e| e.name == "Edi Rama").expect("Edi Rama indexed");
        assert_eq!(rama.articles.iter().map(|a| a.0).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(index[0].key, rama.key, "the most widespread name first");
        let s = reduce(s, Action::Select(2));
        let s = reduce(s, Action::FilterEntity(Some(rama.key.clone())));
        assert_eq!(listed(&s), ["c.txt", "a.txt"]);
        assert_eq!(s.selected, Some(3), "the selection moved to an article that mentions it");
        let group = s.focused_group.expect("marked in the article");
        assert_eq!(s.selected_doc().unwrap().entities.groups[group].name, "Edi Rama");
        let s = reduce(s, Action::SelectStep(1));
        assert_eq!(s.selected, Some(1));
        assert!(s.focused_group.is_some(), "marked in the next one too");
        let s = reduce(s, Action::FilterEntity(Some(rama.key.clone())));
        assert_eq!(s.entity_filter, None, "choosing it again clears the filter");
        assert_eq!(s.visible().len(), 3);
    }

    #[test]
    fn removing_a_file_still_being_read_ends_it_without_undo() {
        let s = reduce(Rc::new(AppState::default()), started(1, "a.txt", 10));
        let s = reduce(s, started(2, "b.txt", 10));
        let s = reduce(s, Action::Remove(1));
        assert_eq!(s.batch, (2, 1));
        assert!(s.removed.is_none());
        let late = reduce(s.clone(), Action::FileDone { id: 1, result: Err("late".into()), articles_in_file: 0 });
        assert!(Rc::ptr_eq(&late, &s), "its answer finds no entry");
    }

    #[test]
    fn remove_then_undo_puts_the_entry_back_where_it_was() {
        let s = reduce(library(), Action::Select(2));
        let s = reduce(s, Action::Remove(2));
        assert_eq!(s.entries.len(), 2);
        assert_eq!(s.removed.as_ref().map(|r| r.0.id), Some(2));
        assert_ne!(s.selected, Some(2));
        let s = reduce(s, Action::Undo);
        assert_eq!(s.entries.iter().map(|e| e.id).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(s.selected, Some(2));
        assert!(s.removed.is_none());
    }

    #[test]
    fn mentions_step_round_the_focused_entity() {
        let s = reduce(library(), Action::Select(1));
        let s = reduce(s, Action::StepMention(1));
        let doc = s.selected_doc().unwrap().clone();
        let g = s.focused_group.expect("the most mentioned name is chosen");
        let count = doc.entities.mentions.iter().filter(|m| m.group == g).count();
        assert!(count >= 2, "{:?}", doc.entities.groups);
        assert_eq!(s.focused_mention, 0);
        let s = reduce(s, Action::StepMention(1));
        assert_eq!(s.focused_mention, 1);
        let s = reduce(s, Action::StepMention(-1));
        let s = reduce(s, Action::StepMention(-1));
        assert_eq!(s.focused_mention, count - 1, "wraps round");
    }

    #[test]
    fn restored_entries_come_first_and_ids_stay_unique() {
        let s = reduce(Rc::new(AppState::default()), started(1, "new.txt", 10));
        let doc = Rc::new(lexo_core::read(b"Title here\n\nBody.", "old.txt", &lexo_core::EntityData::empty()).unwrap());
        let old = Entry { id: RESTORED_ID_BASE, name: "old.txt".into(), status: LoadState::Ready(doc), added: 0.0, source: Source { file: "x".into(), index: 0 }, haystack: "".into() };
        let s = reduce(s, Action::Restored(vec![old]));
        assert_eq!(s.entries.iter().map(|e| e.id).collect::<Vec<_>>(), [RESTORED_ID_BASE, 1]);
        assert_eq!(s.next_id, 2, "restored ids have their own range");
    }

    #[test]
    fn storage_trouble_is_told_once_and_escape_closes_the_top_layer() {
        let s = reduce(Rc::new(AppState::default()), Action::StorageFailed(Notice::StorageUnavailable));
        let s = reduce(s, Action::DismissNotice);
        let s = reduce(s, Action::StorageFailed(Notice::StorageFull));
        assert_eq!(s.notice, None);
        let s = reduce(s, Action::ToggleDrawer(Drawer::Library));
        let s = reduce(s, Action::Open(Some(Overlay::Help)));
        let s = reduce(s, Action::CloseTop);
        assert_eq!((s.overlay, s.drawer), (None, Some(Drawer::Library)));
        let s = reduce(s, Action::CloseTop);
        assert_eq!(s.drawer, None);
    }
}
