//! The reading engine: lexo-core in a dedicated Web Worker with its own wasm, so parsing and
//! tagging never block the page. It owns the entity data (fetched from the site itself when the
//! first file arrives: the word lists, then a language's tagger model the first time an article
//! in it arrives; nothing before, so the first visit loads no language data) and
//! reads one file at a time, answering each with one message (see `lexo_web::protocol`).
//! A panic posts `Crashed` before the wasm traps; the page then replaces this worker.

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
fn main() {
    engine::start();
}

#[cfg(target_arch = "wasm32")]
mod engine {
    use std::cell::{Cell, RefCell};
    use std::collections::VecDeque;
    use std::rc::Rc;

    use lexo_core::{EntityData, Lexicon, MODEL_LANGS};
    use lexo_web::protocol::{Envelope, Job, Reply, MAX_ARTICLES, VERSION};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    #[derive(Default)]
    struct Engine {
        data: EntityData,
        /// Languages whose model was fetched (or tried): each is fetched once.
        models_tried: Vec<&'static str>,
        queue: VecDeque<(Job, Vec<u8>)>,
        data_ready: bool,
        /// The word lists are being fetched (started by the first file).
        data_loading: bool,
        busy: bool,
    }

    thread_local! {
        /// The file being read, for the panic hook.
        static CURRENT: Cell<Option<u32>> = const { Cell::new(None) };
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(reply: Reply) {
        let json = serde_json::to_string(&Envelope { version: VERSION, reply }).unwrap_or_default();
        let _ = scope().post_message(&json.into());
    }

    pub fn start() {
        std::panic::set_hook(Box::new(|info| {
            let reason = match info.payload().downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| info.payload().downcast_ref::<String>().cloned()) {
                Some(msg) => format!("the reader failed on it ({msg})"),
                None => "the reader failed on it".to_owned(),
            };
            post(Reply::Crashed { id: CURRENT.with(Cell::get), reason });
        }));
        let engine = Rc::new(RefCell::new(Engine::default()));
        let on_message = {
            let engine = engine.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
                let parts = js_sys::Array::from(&e.data());
                let Some(job) = parts.get(0).as_string().and_then(|h| serde_json::from_str::<Job>(&h).ok()) else { return };
                let bytes = js_sys::Uint8Array::new(&parts.get(1)).to_vec();
                engine.borrow_mut().queue.push_back((job, bytes));
                pump(&engine);
            })
        };
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(Reply::Ready);
    }

    /// Fetch the word lists (every language's tagger was trained with all five), then read.
    fn load_word_lists(engine: &Rc<RefCell<Engine>>) {
        let engine = engine.clone();
        spawn_local(async move {
            let mut data = EntityData::empty();
            for lexicon in Lexicon::ALL {
                let url = format!("lexicons/{}", lexicon.file_name());
                let installed = match fetch(&url).await {
                    Ok(bytes) => String::from_utf8(bytes).map_err(|_| "not UTF-8".to_owned()).and_then(|t| data.install_lexicon(lexicon, t).map_err(|e| e.to_string())),
                    Err(e) => Err(e),
                };
                if let Err(e) = installed {
                    web_sys::console::warn_1(&format!("Lexo: {url}: {e}; names are found without this word list").into());
                }
            }
            data.prepare();
            let mut engine_mut = engine.borrow_mut();
            engine_mut.data = data;
            engine_mut.data_ready = true;
            drop(engine_mut);
            pump(&engine);
        });
    }

    /// Read queued files one after another, once the word lists are in.
    fn pump(engine: &Rc<RefCell<Engine>>) {
        {
            let mut e = engine.borrow_mut();
            if e.busy || e.queue.is_empty() {
                return;
            }
            if !e.data_ready {
                if !e.data_loading {
                    e.data_loading = true;
                    drop(e);
                    load_word_lists(engine);
                }
                return;
            }
            e.busy = true;
        }
        let engine = engine.clone();
        spawn_local(async move {
            loop {
                let Some((job, bytes)) = engine.borrow_mut().queue.pop_front() else { break };
                CURRENT.with(|c| c.set(Some(job.id)));
                let reply = read(&engine, job, bytes).await;
                CURRENT.with(|c| c.set(None));
                post(reply);
            }
            engine.borrow_mut().busy = false;
        });
    }

    async fn read(engine: &Rc<RefCell<Engine>>, job: Job, bytes: Vec<u8>) -> Reply {
        let mut articles = match lexo_core::read_prefix(&bytes, &job.name, job.size) {
            Ok(articles) => articles,
            Err(e) => return Reply::Done { id: job.id, result: Err(e.to_string()), articles_in_file: 0 },
        };
        drop(bytes);
        let articles_in_file = articles.len();
        articles.truncate(MAX_ARTICLES);
        for article in &articles {
            let lang = lexo_core::article_language(article).code;
            let wanted = MODEL_LANGS.contains(&lang) && !engine.borrow().models_tried.contains(&lang);
            if wanted {
                engine.borrow_mut().models_tried.push(lang);
                let url = format!("models/entities-{lang}.bin");
                match fetch(&url).await {
                    Ok(model) => {
                        if let Err(e) = engine.borrow_mut().data.install_model(lang, &model) {
                            web_sys::console::warn_1(&format!("Lexo: {url}: {e}").into());
                        }
                    }
                    Err(e) => web_sys::console::warn_1(&format!("Lexo: {e}; {lang} names are typed by rules alone").into()),
                }
            }
        }
        let data = engine.borrow().data.clone();
        let docs = articles.into_iter().map(|a| lexo_core::analyze(a, &data)).collect();
        Reply::Done { id: job.id, result: Ok(docs), articles_in_file }
    }

    /// A file of this site (relative to the worker's script, which sits beside the page).
    async fn fetch(url: &str) -> Result<Vec<u8>, String> {
        let response = JsFuture::from(scope().fetch_with_str(url)).await.map_err(|e| format!("fetching {url} failed: {e:?}"))?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| format!("fetching {url} gave no response"))?;
        if !response.ok() {
            return Err(format!("fetching {url}: HTTP {}", response.status()));
        }
        let buffer = response.array_buffer().map_err(|e| format!("reading {url} failed: {e:?}"))?;
        let buffer = JsFuture::from(buffer).await.map_err(|e| format!("reading {url} failed: {e:?}"))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}
