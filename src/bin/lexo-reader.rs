//! The reader module: every format lexo-core reads (HTML with Readability, Markdown, DOCX,
//! EPUB, gzip, legacy encodings), in a wasm of its own that the engine worker starts as a
//! nested worker the first time a file needs it. Keeping these readers out of the engine's wasm
//! is what lets a first visit load under 500 KB: plain text and JSON never fetch this.
//! It reads and answers; language, reading time and entities stay in the engine, which owns the
//! word lists and models. A panic posts `Crashed` before the wasm traps.

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
fn main() {
    reader::start();
}

#[cfg(target_arch = "wasm32")]
mod reader {
    use std::cell::Cell;

    use lexo_web::protocol::{crash_reason, Job, ReaderEnvelope, ReaderReply, MAX_ARTICLES, VERSION};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        /// The file being read, for the panic hook.
        static CURRENT: Cell<Option<u32>> = const { Cell::new(None) };
    }

    fn post(reply: ReaderReply) {
        let json = serde_json::to_string(&ReaderEnvelope { version: VERSION, reply }).unwrap_or_default();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.post_message(&json.into());
    }

    pub fn start() {
        std::panic::set_hook(Box::new(|info| post(ReaderReply::Crashed { id: CURRENT.with(Cell::get), reason: crash_reason(info) })));
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            let parts = js_sys::Array::from(&e.data());
            let Some(job) = parts.get(0).as_string().and_then(|h| serde_json::from_str::<Job>(&h).ok()) else { return };
            let bytes = js_sys::Uint8Array::new(&parts.get(1)).to_vec();
            CURRENT.with(|c| c.set(Some(job.id)));
            let reply = match lexo_core::read_prefix(&bytes, &job.name, job.size) {
                Ok(mut articles) => {
                    let articles_in_file = articles.len();
                    articles.truncate(MAX_ARTICLES);
                    ReaderReply::Read { id: job.id, result: Ok(articles), articles_in_file }
                }
                Err(e) => ReaderReply::Read { id: job.id, result: Err(e.to_string()), articles_in_file: 0 },
            };
            CURRENT.with(|c| c.set(None));
            post(reply);
        });
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(ReaderReply::Ready);
    }
}
