//! Turn dropped, picked or pasted input into reducer actions.

use std::rc::Rc;

use gloo::file::File;
use yew::prelude::*;

use crate::services::files;
use crate::state::{Action, AppState};

/// What the user handed us.
pub enum Input {
    Files(Vec<File>),
    Text { name: String, text: String },
}

/// Returns a callback that loads input into the app state. Each file gets an id first (so the
/// list shows it as "reading…"), then its bytes are read asynchronously and handed to the reducer.
#[hook]
pub fn use_file_loader(state: UseReducerHandle<AppState>) -> Callback<Input> {
    // Ids are handed out here, not from possibly stale state, so parallel loads never collide.
    let next_id = use_mut_ref(|| 1u32);
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
                state.dispatch(Action::FileStarted { id, name });
                state.dispatch(Action::FileRead { id, bytes: Rc::new(text.into_bytes()) });
            }
            Input::Files(list) => {
                for file in list {
                    let id = take_id();
                    state.dispatch(Action::FileStarted { id, name: file.name() });
                    if file.size() as usize > crate::state::MAX_FILE_BYTES {
                        let reason = format!("too large to read ({} MB; the limit is {} MB)", file.size() / 1_048_576, crate::state::MAX_FILE_BYTES / 1_048_576);
                        state.dispatch(Action::FileFailed { id, reason });
                        continue;
                    }
                    let state = state.clone();
                    yew::platform::spawn_local(async move {
                        match files::read_bytes(&file).await {
                            Ok(bytes) => state.dispatch(Action::FileRead { id, bytes: Rc::new(bytes) }),
                            Err(reason) => state.dispatch(Action::FileFailed { id, reason }),
                        }
                    });
                }
            }
        }
    })
}
