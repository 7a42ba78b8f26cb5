//! Turn dropped, picked or pasted input into reducer actions and reading-engine jobs. A copy
//! of each file's bytes waits in the [`Stash`] for the engine's answer, so the library store
//! can keep the original (the engine's copy is transferred to the worker).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::file::File;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::services::engine::Engine;
use crate::services::files;
use crate::state::{Action, AppState, Started, MAX_READ_BYTES};

/// What the user handed us.
pub enum Input {
    Files(Vec<File>),
    /// Folders dropped on the page (`webkitGetAsEntry` entries): every article file in them.
    Folders(Vec<JsValue>),
    Text { name: String, text: String },
}

/// A file in the engine, waiting to be stored when its articles come back.
pub struct Pending {
    pub file: Rc<str>,
    pub name: String,
    pub size: f64,
    pub added: f64,
    /// The bytes to store; `None` when the store has them already (a stale article re-read).
    pub bytes: Option<js_sys::Uint8Array>,
}

/// Files in flight, by entry id.
pub type Stash = Rc<RefCell<HashMap<u32, Pending>>>;

/// A key for a newly added file, unique across tabs and sessions; keys of one drop sort in
/// the drop's order (the store reads them back in key order).
pub fn new_file_key(added: f64, id: u32) -> Rc<str> {
    let salt = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:012x}-{id:08x}-{salt:08x}", added as u64).into()
}

/// Loads input: each file gets an id first (so the list shows it as "reading…"), its beginning
/// is read from disk in chunks, then the engine reads it. Cheap to clone.
#[derive(Clone)]
struct Loader {
    dispatcher: UseReducerDispatcher<AppState>,
    engine: Engine,
    stash: Stash,
    /// Ids are handed out here, not from possibly stale state, so parallel loads never collide.
    next_id: Rc<RefCell<u32>>,
}

impl Loader {
    /// Give a file its id and store key. `added` is the same for every file of one drop: the
    /// library's "recently added" order keeps a drop's files in the order they came.
    fn begin(&self, name: String, size: u64, added: f64) -> Started {
        let id = {
            let mut n = self.next_id.borrow_mut();
            let id = *n;
            *n = id + 1;
            id
        };
        let file = new_file_key(added, id);
        self.stash.borrow_mut().insert(id, Pending { file: file.clone(), name: name.clone(), size: size as f64, added, bytes: None });
        Started { id, name, size, file, added }
    }

    fn start(&self, name: String, size: u64, added: f64) -> u32 {
        let f = self.begin(name, size, added);
        let id = f.id;
        self.dispatcher.dispatch(Action::FilesStarted(vec![f]));
        id
    }

    fn submit(&self, id: u32, name: String, size: u64, bytes: js_sys::Uint8Array) {
        if let Some(p) = self.stash.borrow_mut().get_mut(&id) {
            p.bytes = Some(bytes.slice(0, bytes.length()));
        }
        self.engine.submit(id, name, size, bytes);
    }

    fn load(&self, input: Input) {
        match input {
            Input::Text { name, text } => {
                let bytes = text.into_bytes();
                let id = self.start(name.clone(), bytes.len() as u64, js_sys::Date::now());
                self.submit(id, name, bytes.len() as u64, js_sys::Uint8Array::from(&bytes[..]));
            }
            Input::Folders(folders) => {
                let me = self.clone();
                yew::platform::spawn_local(async move {
                    let found = files::files_in_folders(folders).await;
                    me.load(Input::Files(found));
                });
            }
            Input::Files(list) => {
                // Started in order, so the list and the engine's queue keep the order of the drop.
                let added = js_sys::Date::now();
                let (started, files): (Vec<Started>, Vec<File>) = list.into_iter().map(|file| (self.begin(file.name(), file.size(), added), file)).unzip();
                // One state change for the whole drop (500 files: one list render, not 500).
                let ids: Vec<u32> = started.iter().map(|f| f.id).collect();
                self.dispatcher.dispatch(Action::FilesStarted(started));
                let started: Vec<(u32, File)> = ids.into_iter().zip(files).collect();
                let me = self.clone();
                yew::platform::spawn_local(async move {
                    for (id, file) in started {
                        let progress = me.dispatcher.clone();
                        // Only a file of several chunks shows its progress (one more render each).
                        let big = file.size() > files::CHUNK;
                        let read = files::read_prefix(&file, MAX_READ_BYTES, move |read| {
                            if big {
                                progress.dispatch(Action::FileProgress { id, read })
                            }
                        })
                        .await;
                        match read {
                            Ok(bytes) => me.submit(id, file.name(), file.size(), bytes),
                            Err(reason) => {
                                me.stash.borrow_mut().remove(&id);
                                me.dispatcher.dispatch(Action::FileDone { id, result: Err(reason), articles_in_file: 0 })
                            }
                        }
                    }
                });
            }
        }
    }
}

/// Returns a callback that loads input (see [`Loader`]).
#[hook]
pub fn use_file_loader(state: UseReducerHandle<AppState>, engine: Engine, stash: Stash) -> Callback<Input> {
    let next_id = use_mut_ref(|| 1u32);
    let loader = Loader { dispatcher: state.dispatcher(), engine, stash, next_id };
    Callback::from(move |input: Input| loader.load(input))
}
