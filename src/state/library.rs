//! Questions asked of the library: which entries to show (search, entity filter, sort), and the
//! library-wide entity index. Pure functions of the entries, tested natively.

use std::collections::HashMap;

use lexo_core::{Document, EntityKind};
use serde::{Deserialize, Serialize};

use super::{Entry, LoadState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SortKey {
    /// Newest first.
    #[default]
    Added,
    Title,
    /// Newest publication first; undated last.
    Date,
    /// Shortest first.
    ReadingTime,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [SortKey::Added, SortKey::Title, SortKey::Date, SortKey::ReadingTime];

    pub fn value(self) -> &'static str {
        match self {
            SortKey::Added => "added",
            SortKey::Title => "title",
            SortKey::Date => "date",
            SortKey::ReadingTime => "reading-time",
        }
    }

    pub fn parse(v: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.value() == v)
    }
}

/// One entity across the library: same type, same name (case-insensitively).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityKey {
    pub kind: EntityKind,
    /// Lower-cased canonical name.
    pub name: String,
}

impl EntityKey {
    pub fn new(kind: EntityKind, name: &str) -> EntityKey {
        EntityKey { kind, name: name.to_lowercase() }
    }
}

/// An entity of the index: how it is written, in which articles, how often.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedEntity {
    pub key: EntityKey,
    /// The most frequent spelling of its canonical name.
    pub name: String,
    /// Entry id and mentions there, in library order.
    pub articles: Vec<(u32, usize)>,
    pub mentions: usize,
}

/// Every entity of the ready entries, most widespread first (articles, then mentions, then name).
pub fn entity_index(entries: &[Entry]) -> Vec<IndexedEntity> {
    /// Per entity: mentions per spelling, (article, mentions) pairs, all mentions.
    type Slot = (HashMap<String, usize>, Vec<(u32, usize)>, usize);
    let mut index: HashMap<EntityKey, Slot> = HashMap::new();
    for e in entries {
        let LoadState::Ready(doc) = &e.status else { continue };
        for g in &doc.entities.groups {
            let slot = index.entry(EntityKey::new(g.kind, &g.name)).or_default();
            *slot.0.entry(g.name.clone()).or_default() += g.count;
            match slot.1.last_mut() {
                // Two groups of one article with the same name (rare): one article, summed.
                Some((id, n)) if *id == e.id => *n += g.count,
                _ => slot.1.push((e.id, g.count)),
            }
            slot.2 += g.count;
        }
    }
    let mut out: Vec<IndexedEntity> = index
        .into_iter()
        .map(|(key, (spellings, articles, mentions))| {
            let name = spellings.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|s| s.0).unwrap_or_default();
            IndexedEntity { key, name, articles, mentions }
        })
        .collect();
    out.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(b.mentions.cmp(&a.mentions)).then_with(|| a.name.cmp(&b.name)));
    out
}

/// The group of a document that is this entity, if it mentions it.
pub fn group_of(doc: &Document, key: &EntityKey) -> Option<usize> {
    doc.entities.groups.iter().find(|g| g.kind == key.kind && g.name.to_lowercase() == key.name).map(|g| g.id)
}

/// The entries the library shows, in order: those matching every word of the query (in title
/// or text) and mentioning the chosen entity, sorted. Loading and failed files always show
/// (they are what the user is waiting for or must act on) unless a filter is on.
pub fn visible<'a>(entries: &'a [Entry], query: &str, entity: Option<&EntityKey>, sort: SortKey) -> Vec<&'a Entry> {
    let words: Vec<String> = query.split_whitespace().map(fold).collect();
    let filtering = !words.is_empty() || entity.is_some();
    let mut out: Vec<&Entry> = entries
        .iter()
        .filter(|e| match &e.status {
            LoadState::Ready(doc) => words.iter().all(|w| e.haystack.contains(w.as_str())) && entity.is_none_or(|k| group_of(doc, k).is_some()),
            _ => !filtering,
        })
        .collect();
    let title = |e: &Entry| match &e.status {
        LoadState::Ready(doc) => doc.article.meta.title.clone().unwrap_or_else(|| e.name.clone()).to_lowercase(),
        _ => e.name.to_lowercase(),
    };
    match sort {
        // Stable sorts: ties keep the order the files were given in.
        SortKey::Added => out.sort_by(|a, b| b.added.total_cmp(&a.added)),
        SortKey::Title => out.sort_by_cached_key(|e| title(e)),
        SortKey::Date => out.sort_by_key(|e| std::cmp::Reverse(published(e))),
        SortKey::ReadingTime => out.sort_by_key(|e| match &e.status {
            LoadState::Ready(doc) => doc.reading_time.chars,
            _ => u32::MAX,
        }),
    }
    out
}

/// An ISO date's "YYYY-MM-DD" (what sorts); anything else sorts as undated.
fn published(e: &Entry) -> Option<String> {
    let LoadState::Ready(doc) = &e.status else { return None };
    let d = doc.article.meta.published.as_deref()?;
    let b = d.as_bytes();
    (b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-').then(|| d[..10].to_owned())
}

/// What a search looks in: the title and the text, folded once when the article arrives.
pub fn haystack(name: &str, doc: &Document) -> std::rc::Rc<str> {
    let title = doc.article.meta.title.as_deref().unwrap_or(name);
    fold(&format!("{title}\n{name}\n{}", doc.text)).into()
}

/// Lower case with ë and ç as e and c: Albanian is often typed without them ("tifozeve").
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ë' => 'e',
            'ç' => 'c',
            _ => c,
        })
        // A combining diaeresis or cedilla (ë typed as e + U+0308) goes with its letter.
        .filter(|c| !matches!(c, '\u{308}' | '\u{327}'))
        .collect()
}
