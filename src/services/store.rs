//! The library in IndexedDB: each file's original bytes (`files`) and each of its read articles
//! (`articles`, the worker's `Document` as JSON with the schema it was written in). An article
//! of an older schema, or one that no longer parses, is read again from its file's bytes, so an
//! update never loses the library. When the browser refuses storage (private mode, quota), the
//! caller is told once and the app keeps working in memory.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "lexo-library";
const DB_VERSION: u32 = 1;
const FILES: &str = "files";
const ARTICLES: &str = "articles";

/// Bump when `lexo_core::Document`'s serialised shape or what the reader makes of a file
/// changes: stored articles of an older schema are then read again from their bytes.
pub const DOC_SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No IndexedDB, or the browser refused to open it.
    Unavailable(String),
    /// The quota is used up.
    Full,
    Failed(String),
}

/// An article as stored.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    pub key: String,
    pub file: String,
    pub index: usize,
    pub name: String,
    pub added: f64,
    pub schema: u32,
    pub doc_json: String,
}

/// A file's original bytes as stored.
pub struct StoredFile {
    pub name: String,
    pub size: f64,
    pub bytes: Uint8Array,
}

/// Cheap to clone; all clones share one connection, opened on first use.
#[derive(Clone, Default)]
pub struct Store(Rc<RefCell<Option<Result<IdbDatabase, StoreError>>>>);

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

fn js_err(e: JsValue) -> StoreError {
    let name = Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    if name == "QuotaExceededError" {
        return StoreError::Full;
    }
    let message = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| format!("{e:?}"));
    StoreError::Failed(format!("{name}: {message}"))
}

/// A request's result once it succeeds.
async fn done(req: &IdbRequest) -> Result<JsValue, StoreError> {
    let wait = Promise::new(&mut |resolve: Function, reject: Function| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(wait).await.map_err(|_| req.error().ok().flatten().map_or(StoreError::Failed("request failed".into()), |e| js_err(e.into())))?;
    req.result().map_err(js_err)
}

/// A transaction's end: `complete`, or why it aborted.
async fn committed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let wait = Promise::new(&mut |resolve: Function, reject: Function| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(wait).await.map(|_| ()).map_err(|_| tx.error().map_or(StoreError::Failed("the transaction aborted".into()), |e| js_err(e.into())))
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &key.into(), value);
}

fn get_string(obj: &JsValue, key: &str) -> Option<String> {
    Reflect::get(obj, &key.into()).ok()?.as_string()
}

fn get_f64(obj: &JsValue, key: &str) -> Option<f64> {
    Reflect::get(obj, &key.into()).ok()?.as_f64()
}

async fn open() -> Result<IdbDatabase, StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    let factory = window.indexed_db().map_err(|e| StoreError::Unavailable(format!("{e:?}")))?.ok_or_else(|| StoreError::Unavailable("no IndexedDB".into()))?;
    let req = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(|e| StoreError::Unavailable(format!("{e:?}")))?;
    let upgrade = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(req) = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()) else { return };
        let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else { return };
        for name in [FILES, ARTICLES] {
            if !db.object_store_names().contains(name) {
                let params = web_sys::IdbObjectStoreParameters::new();
                params.set_key_path(&"key".into());
                let _ = db.create_object_store_with_optional_parameters(name, &params);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = done(&req).await.map_err(|e| match e {
        StoreError::Failed(m) => StoreError::Unavailable(m),
        other => other,
    });
    drop(upgrade);
    result?.dyn_into::<IdbDatabase>().map_err(|_| StoreError::Unavailable("not a database".into()))
}

impl Store {
    async fn db(&self) -> Result<IdbDatabase, StoreError> {
        if let Some(r) = self.0.borrow().as_ref() {
            return r.clone();
        }
        let opened = open().await;
        *self.0.borrow_mut() = Some(opened.clone());
        opened
    }

    async fn stores(&self, names: &[&str], mode: IdbTransactionMode) -> Result<(IdbTransaction, Vec<IdbObjectStore>), StoreError> {
        let db = self.db().await?;
        let list = Array::new();
        for n in names {
            list.push(&(*n).into());
        }
        let tx = db.transaction_with_str_sequence_and_mode(&list, mode).map_err(js_err)?;
        let stores = names.iter().map(|n| tx.object_store(n).map_err(js_err)).collect::<Result<_, _>>()?;
        Ok((tx, stores))
    }

    /// Every stored article (files' bytes are fetched only when needed: [`Store::file`]).
    pub async fn articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        let (_tx, stores) = self.stores(&[ARTICLES], IdbTransactionMode::Readonly).await?;
        let all = done(&stores[0].get_all().map_err(js_err)?).await?;
        let mut out: Vec<StoredArticle> = Array::from(&all)
            .iter()
            .filter_map(|v| {
                Some(StoredArticle {
                    key: get_string(&v, "key")?,
                    file: get_string(&v, "file")?,
                    index: get_f64(&v, "index")? as usize,
                    name: get_string(&v, "name")?,
                    added: get_f64(&v, "added").unwrap_or(0.0),
                    schema: get_f64(&v, "schema").unwrap_or(0.0) as u32,
                    doc_json: get_string(&v, "doc").unwrap_or_default(),
                })
            })
            .collect();
        out.sort_by(|a, b| a.added.total_cmp(&b.added).then(a.file.cmp(&b.file)).then(a.index.cmp(&b.index)));
        Ok(out)
    }

    pub async fn file(&self, key: &str) -> Result<Option<StoredFile>, StoreError> {
        let (_tx, stores) = self.stores(&[FILES], IdbTransactionMode::Readonly).await?;
        let v = done(&stores[0].get(&key.into()).map_err(js_err)?).await?;
        if v.is_undefined() {
            return Ok(None);
        }
        let bytes = Reflect::get(&v, &"bytes".into()).map_err(js_err)?.dyn_into::<Uint8Array>().map_err(|_| StoreError::Failed("stored bytes unreadable".into()))?;
        Ok(Some(StoredFile { name: get_string(&v, "name").unwrap_or_default(), size: get_f64(&v, "size").unwrap_or(0.0), bytes }))
    }

    /// Store a file's bytes (when given) and its articles, in one transaction.
    pub async fn save(&self, file: Option<(&str, &str, f64, &Uint8Array)>, articles: &[StoredArticle]) -> Result<(), StoreError> {
        let (tx, stores) = self.stores(&[FILES, ARTICLES], IdbTransactionMode::Readwrite).await?;
        if let Some((key, name, size, bytes)) = file {
            let record = Object::new();
            set(&record, "key", &key.into());
            set(&record, "name", &name.into());
            set(&record, "size", &size.into());
            set(&record, "bytes", bytes);
            stores[0].put(&record).map_err(js_err)?;
        }
        for a in articles {
            let record = Object::new();
            set(&record, "key", &a.key.as_str().into());
            set(&record, "file", &a.file.as_str().into());
            set(&record, "index", &(a.index as f64).into());
            set(&record, "name", &a.name.as_str().into());
            set(&record, "added", &a.added.into());
            set(&record, "schema", &f64::from(a.schema).into());
            set(&record, "doc", &a.doc_json.as_str().into());
            stores[1].put(&record).map_err(js_err)?;
        }
        committed(&tx).await
    }

    pub async fn delete_article(&self, key: &str) -> Result<(), StoreError> {
        let (tx, stores) = self.stores(&[ARTICLES], IdbTransactionMode::Readwrite).await?;
        stores[0].delete(&key.into()).map_err(js_err)?;
        committed(&tx).await
    }

    /// Delete the stored files no stored article comes from any more (removed ones, whose undo
    /// time has passed by the next start).
    pub async fn collect_orphans(&self) -> Result<usize, StoreError> {
        // File keys first, then what to keep: a file saved in between (with its articles, in one
        // transaction) is then in the keep list, or not yet in the key list.
        let keys = {
            let (_tx, stores) = self.stores(&[FILES], IdbTransactionMode::Readonly).await?;
            done(&stores[0].get_all_keys().map_err(js_err)?).await?
        };
        let keep: std::collections::HashSet<String> = self.articles().await?.into_iter().map(|a| a.file).collect();
        // A fresh transaction for the deletes: one must not outlive an await.
        let (tx, stores) = self.stores(&[FILES], IdbTransactionMode::Readwrite).await?;
        let mut deleted = 0;
        for k in Array::from(&keys).iter() {
            if k.as_string().is_some_and(|k| !keep.contains(&k)) {
                stores[0].delete(&k).map_err(js_err)?;
                deleted += 1;
            }
        }
        committed(&tx).await?;
        Ok(deleted)
    }
}
