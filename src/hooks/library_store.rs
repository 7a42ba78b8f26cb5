//! The library's life beyond the tab: what the engine reads is stored (original bytes and
//! parsed articles), what is stored is read back at start-up, and an article stored by an
//! older version is read again from its bytes. Storage trouble is told once (a `Notice`) and
//! the app goes on in memory.

use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use lexo_core::Document;
use yew::prelude::*;

use super::use_file_loader::{Pending, Stash};
use crate::services::engine::Engine;
use crate::services::store::{Store, StoreError, StoredArticle, DOC_SCHEMA};
use crate::state::{article_name, Action, AppState, Entry, LoadState, Notice, Source, RESTORED_ID_BASE};

/// Articles parsed back per step of the start-up restore (then the page gets a turn), and how
/// many are handed to the list at once (each hand-over renders the list again).
const RESTORE_STEP: usize = 25;
const RESTORE_BATCH: usize = 500;

fn notice_of(e: &StoreError) -> Notice {
    match e {
        StoreError::Full => Notice::StorageFull,
        _ => Notice::StorageUnavailable,
    }
}

fn warn(what: &str, e: &StoreError) {
    web_sys::console::warn_1(&format!("Lexo: {what}: {e:?}").into());
}

/// Store what the engine read for entry `id`: the file's bytes (unless stored already) and
/// each article, under the names the library shows them by.
pub fn persist(store: &Store, stash: &Stash, dispatcher: &UseReducerDispatcher<AppState>, id: u32, docs: &[Rc<Document>], articles_in_file: usize) {
    let Some(pending) = stash.borrow_mut().remove(&id) else { return };
    if docs.is_empty() {
        return;
    }
    let total = docs.len().max(articles_in_file);
    let docs: Vec<Rc<Document>> = docs.to_vec();
    let (store, dispatcher) = (store.clone(), dispatcher.clone());
    yew::platform::spawn_local(async move {
        // Tasks of their own, after the answer is rendered: serialising long articles (or 2,000
        // of a JSON Lines file) must not lengthen the task that shows them.
        let mut articles: Vec<StoredArticle> = Vec::with_capacity(docs.len());
        for (chunk_at, chunk) in docs.chunks(RESTORE_STEP).enumerate() {
            TimeoutFuture::new(0).await;
            for (k, doc) in chunk.iter().enumerate() {
                let index = chunk_at * RESTORE_STEP + k;
                let Ok(doc_json) = serde_json::to_string(&**doc) else { continue };
                let source = Source { file: pending.file.clone(), index };
                articles.push(StoredArticle {
                    key: source.key(),
                    file: pending.file.to_string(),
                    index,
                    name: article_name(&pending.name, index, total),
                    added: pending.added,
                    schema: DOC_SCHEMA,
                    doc_json,
                });
            }
        }
        let Pending { file, name, size, bytes, .. } = pending;
        let file_record = bytes.as_ref().map(|b| (&*file, name.as_str(), size, b));
        if let Err(e) = store.save(file_record, &articles).await {
            warn("storing an article failed", &e);
            dispatcher.dispatch(Action::StorageFailed(notice_of(&e)));
        }
    });
}

/// Store one article again (its removal undone).
pub fn restore_one(store: &Store, entry: &Entry) {
    let LoadState::Ready(doc) = &entry.status else { return };
    let Ok(doc_json) = serde_json::to_string(&**doc) else { return };
    let article = StoredArticle {
        key: entry.source.key(),
        file: entry.source.file.to_string(),
        index: entry.source.index,
        name: entry.name.clone(),
        added: entry.added,
        schema: DOC_SCHEMA,
        doc_json,
    };
    let store = store.clone();
    yew::platform::spawn_local(async move {
        if let Err(e) = store.save(None, &[article]).await {
            warn("storing an article again failed", &e);
        }
    });
}

pub fn forget(store: &Store, entry: &Entry) {
    let (store, key) = (store.clone(), entry.source.key());
    yew::platform::spawn_local(async move {
        if let Err(e) = store.delete_article(&key).await {
            warn("removing an article from storage failed", &e);
        }
    });
}

/// Read the stored library back: current articles straight into the list, stale ones (older
/// schema, or no longer parsing) re-read from their stored bytes by the engine; then stored
/// files no article comes from are deleted.
pub fn restore(store: Store, stash: Stash, engine: Engine, dispatcher: UseReducerDispatcher<AppState>) {
    yew::platform::spawn_local(async move {
        let stored = match store.articles().await {
            Ok(s) => s,
            Err(e) => {
                warn("the library could not be opened", &e);
                dispatcher.dispatch(Action::StorageFailed(notice_of(&e)));
                return;
            }
        };
        let mut next_id = RESTORED_ID_BASE;
        // A file with any stale article is read again whole, and none of its stored articles
        // is shown meanwhile (else its current ones would appear twice).
        let mut stale: Vec<String> = Vec::new();
        for a in &stored {
            if a.schema != DOC_SCHEMA && !stale.contains(&a.file) {
                stale.push(a.file.clone());
            }
        }
        let mut entries = Vec::new();
        for chunk in stored.chunks(RESTORE_STEP) {
            for a in chunk {
                if stale.contains(&a.file) {
                    continue;
                }
                let doc = serde_json::from_str::<Document>(&a.doc_json).ok();
                match doc {
                    Some(doc) => {
                        let doc = Rc::new(doc);
                        let haystack = crate::state::library::haystack(&a.name, &doc);
                        let source = Source { file: a.file.as_str().into(), index: a.index };
                        entries.push(Entry { id: next_id, name: a.name.clone(), status: LoadState::Ready(doc), added: a.added, source, haystack });
                        next_id += 1;
                    }
                    // Damaged JSON: read the file again (its articles shown so far stay; the
                    // re-read brings this one back).
                    None => stale.push(a.file.clone()),
                }
            }
            if entries.len() >= RESTORE_BATCH {
                dispatcher.dispatch(Action::Restored(std::mem::take(&mut entries)));
            }
            TimeoutFuture::new(0).await;
        }
        dispatcher.dispatch(Action::Restored(entries));
        for file in stale {
            match store.file(&file).await {
                Ok(Some(f)) => {
                    let id = next_id;
                    next_id += 1;
                    let added = stored.iter().find(|a| a.file == file).map_or(0.0, |a| a.added);
                    dispatcher.dispatch(Action::FileStarted { id, name: f.name.clone(), size: f.size as u64, file: file.as_str().into(), added });
                    stash.borrow_mut().insert(id, Pending { file: file.as_str().into(), name: f.name.clone(), size: f.size, added, bytes: None });
                    engine.submit(id, f.name, f.size as u64, f.bytes);
                }
                Ok(None) => web_sys::console::warn_1(&format!("Lexo: the stored bytes of {file} are gone; its old articles cannot be re-read").into()),
                Err(e) => warn("reading a stored file failed", &e),
            }
        }
        if let Err(e) = store.collect_orphans().await {
            warn("tidying the library store failed", &e);
        }
    });
}
