//! Turn dropped, picked or pasted input into reducer actions and reading-engine jobs.

use gloo::file::File;
use yew::prelude::*;

use crate::services::engine::Engine;
use crate::services::files;
use crate::state::{Action, AppState, MAX_READ_BYTES};

/// What the user handed us.
pub enum Input {
    Files(Vec<File>),
    Text { name: String, text: String },
}

/// Returns a callback that loads input: each file gets an id first (so the list shows it as
/// "reading…"), its beginning is read from disk in chunks, then the engine reads it.
#[hook]
pub fn use_file_loader(state: UseReducerHandle<AppState>, engine: Engine) -> Callback<Input> {
    // Ids are handed out here, not from possibly stale state, so parallel loads never collide.
    let next_id = use_mut_ref(|| 1u32);
    let dispatcher = state.dispatcher();
    Callback::from(move |input: Input| {
        let take_id = || {
            let mut n = next_id.borrow_mut();
            let id = (*n).max(state.next_id);
            *n = id + 1;
            id
        };
        match input {
            Input::Text { name, text } => {
                let id = take_id();
                let bytes = text.into_bytes();
                dispatcher.dispatch(Action::FileStarted { id, name: name.clone(), size: bytes.len() as u64 });
                engine.submit(id, name, bytes.len() as u64, js_sys::Uint8Array::from(&bytes[..]));
            }
            Input::Files(list) => {
                // Started in order, so the list and the engine's queue keep the order of the drop.
                let started: Vec<(u32, File)> = list
                    .into_iter()
                    .map(|file| {
                        let id = take_id();
                        dispatcher.dispatch(Action::FileStarted { id, name: file.name(), size: file.size() });
                        (id, file)
                    })
                    .collect();
                let dispatcher = dispatcher.clone();
                let engine = engine.clone();
                yew::platform::spawn_local(async move {
                    for (id, file) in started {
                        let progress = dispatcher.clone();
                        // Only a file of several chunks shows its progress (one more render each).
                        let big = file.size() > files::CHUNK;
                        let read = files::read_prefix(&file, MAX_READ_BYTES, move |read| {
                            if big {
                                progress.dispatch(Action::FileProgress { id, read })
                            }
                        })
                        .await;
                        match read {
                            Ok(bytes) => engine.submit(id, file.name(), file.size(), bytes),
                            Err(reason) => dispatcher.dispatch(Action::FileDone { id, result: Err(reason), articles_in_file: 0 }),
                        }
                    }
                });
            }
        }
    })
}
