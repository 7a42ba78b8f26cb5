//! The reading engine: lexo-core in a dedicated Web Worker with its own wasm, so parsing and
//! tagging never block the page. It owns the entity data (fetched from the site itself when the
//! first file arrives: the word lists every language uses, then a language's tagger model and
//! its own word lists the first time an article in it arrives; nothing before, so the first
//! visit loads no language data) and
//! reads one file at a time, answering each with one message (see `lexo_web::protocol`).
//! It reads plain text and JSON itself; HTML, Markdown, packages, gzip and legacy encodings go
//! to the reader module (`lexo-reader.rs`, a nested worker started the first time such a file
//! arrives), so the first visit does not download those readers.
//! A panic posts `Crashed` before the wasm traps; the page then replaces this worker. A panic in
//! the reader module costs only that file: the next one starts a new reader.

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

    use lexo_core::{Article, EntityData, Lexicon, MODEL_LANGS};
    use lexo_web::protocol::{crash_reason, Envelope, Job, ReaderEnvelope, ReaderReply, Reply, MAX_ARTICLES, VERSION};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    #[derive(Default)]
    struct Engine {
        data: EntityData,
        /// Languages whose first article came: their model and own word lists were fetched
        /// (or tried) then, once.
        langs_seen: Vec<&'static str>,
        queue: VecDeque<(Job, Vec<u8>)>,
        data_ready: bool,
        /// The word lists are being fetched (started by the first file).
        data_loading: bool,
        busy: bool,
        /// The reader module, once a file needed it (and until it fails).
        reader: Option<Rc<Reader>>,
    }

    /// A resolver pair of a promise the engine awaits.
    type Settle = Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>>;

    /// The reader module's worker: `ready` settles when it listens; `answer` is the file in
    /// flight (one at a time, as the engine reads).
    struct Reader {
        worker: web_sys::Worker,
        ready: js_sys::Promise,
        answer: Settle,
        _on_message: Closure<dyn Fn(MessageEvent)>,
        _on_error: Closure<dyn Fn(web_sys::Event)>,
    }

    impl Drop for Reader {
        fn drop(&mut self) {
            self.worker.terminate();
        }
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
        std::panic::set_hook(Box::new(|info| post(Reply::Crashed { id: CURRENT.with(Cell::get), reason: crash_reason(info) })));
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

    /// Fetch the word lists every language uses, then read. (A list for one language, the
    /// Albanian lemmas, comes with that language's first article: see `read`.)
    fn load_word_lists(engine: &Rc<RefCell<Engine>>) {
        let engine = engine.clone();
        spawn_local(async move {
            let mut data = EntityData::empty();
            for lexicon in Lexicon::ALL.into_iter().filter(|l| l.language().is_none()) {
                install_word_list(&mut data, lexicon).await;
            }
            data.prepare();
            let mut engine_mut = engine.borrow_mut();
            engine_mut.data = data;
            engine_mut.data_ready = true;
            drop(engine_mut);
            pump(&engine);
        });
    }

    async fn install_word_list(data: &mut EntityData, lexicon: Lexicon) {
        let url = format!("lexicons/{}", lexicon.file_name());
        let installed = match fetch(&url).await {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| "not UTF-8".to_owned()).and_then(|t| data.install_lexicon(lexicon, t).map_err(|e| e.to_string())),
            Err(e) => Err(e),
        };
        if let Err(e) = installed {
            web_sys::console::warn_1(&format!("Lexo: {url}: {e}; names are found without this word list").into());
        }
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
        let read = match lexo_core::read_prefix(&bytes, &job.name, job.size) {
            Ok(mut articles) => {
                let articles_in_file = articles.len();
                articles.truncate(MAX_ARTICLES);
                Ok((articles, articles_in_file))
            }
            Err(lexo_core::Error::ReaderNotBuilt { .. }) => read_in_reader(engine, &job, bytes).await,
            Err(e) => Err(e.to_string()),
        };
        let (articles, articles_in_file) = match read {
            Ok(read) => read,
            Err(reason) => return Reply::Done { id: job.id, result: Err(reason), articles_in_file: 0 },
        };
        for article in &articles {
            let lang = lexo_core::article_language(article).code;
            if engine.borrow().langs_seen.contains(&lang) {
                continue;
            }
            engine.borrow_mut().langs_seen.push(lang);
            // The word lists of this language alone (each language's first article brings them).
            for lexicon in Lexicon::ALL.into_iter().filter(|l| l.language() == Some(lang)) {
                let mut data = engine.borrow().data.clone();
                install_word_list(&mut data, lexicon).await;
                // The indexes are rebuilt here, once: each file's analysis works on a copy, and a
                // copy without them would build its own and drop it (37 ms a file).
                data.prepare();
                engine.borrow_mut().data = data;
            }
            if MODEL_LANGS.contains(&lang) {
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

    /// Read a file in the reader module, starting it if need be. A reader that cannot load or
    /// fails is dropped (its worker ended), so the next file starts a fresh one.
    async fn read_in_reader(engine: &Rc<RefCell<Engine>>, job: &Job, bytes: Vec<u8>) -> Result<(Vec<Article>, usize), String> {
        let existing = engine.borrow().reader.clone();
        let reader = match existing {
            Some(reader) => reader,
            None => {
                let reader = Rc::new(start_reader()?);
                engine.borrow_mut().reader = Some(reader.clone());
                reader
            }
        };
        let answered = async {
            JsFuture::from(reader.ready.clone()).await?;
            let answer = reader.answer.clone();
            let promise = js_sys::Promise::new(&mut |resolve, reject| *answer.borrow_mut() = Some((resolve, reject)));
            let header = serde_json::to_string(job).unwrap_or_default();
            let buffer = js_sys::Uint8Array::from(&bytes[..]);
            let message = js_sys::Array::of2(&header.into(), &buffer);
            reader.worker.post_message_with_transfer(&message, &js_sys::Array::of1(&buffer.buffer()))?;
            JsFuture::from(promise).await
        };
        let outcome = match answered.await {
            Ok(json) => match json.as_string().and_then(|j| serde_json::from_str::<ReaderEnvelope>(&j).ok()) {
                Some(ReaderEnvelope { version, .. }) if version != VERSION => Err("the reader module is of another version of Lexo: reload the page".to_owned()),
                Some(ReaderEnvelope { reply: ReaderReply::Read { result, articles_in_file, .. }, .. }) => return result.map(|a| (a, articles_in_file)),
                Some(ReaderEnvelope { reply: ReaderReply::Crashed { reason, .. }, .. }) => Err(reason),
                _ => Err("the reader module answered something unreadable".to_owned()),
            },
            Err(e) => Err(e.as_string().unwrap_or_else(|| "the reader for this format could not be loaded".to_owned())),
        };
        engine.borrow_mut().reader = None;
        outcome
    }

    /// Start the reader module's worker (beside this worker's script).
    fn start_reader() -> Result<Reader, String> {
        let worker = web_sys::Worker::new("lexo-reader_loader.js").map_err(|e| format!("the reader for this format could not start: {e:?}"))?;
        let ready_settle: Settle = Rc::default();
        let ready = {
            let settle = ready_settle.clone();
            js_sys::Promise::new(&mut |resolve, reject| *settle.borrow_mut() = Some((resolve, reject)))
        };
        let answer: Settle = Rc::default();
        let on_message = {
            let (ready_settle, answer) = (ready_settle.clone(), answer.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
                let json = e.data().as_string().unwrap_or_default();
                let is_ready = serde_json::from_str::<ReaderEnvelope>(&json).is_ok_and(|env| matches!(env.reply, ReaderReply::Ready));
                let slot = if is_ready { &ready_settle } else { &answer };
                if let Some((resolve, _)) = slot.borrow_mut().take() {
                    let _ = resolve.call1(&JsValue::NULL, &json.into());
                }
            })
        };
        let on_error = {
            let (ready_settle, answer) = (ready_settle.clone(), answer.clone());
            Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                e.prevent_default();
                // A load failure (offline before the reader was ever fetched) or a trap.
                let online = js_sys::global().unchecked_into::<web_sys::WorkerGlobalScope>().navigator().on_line();
                let why: JsValue = if online { "the reader for this format stopped on this file" } else { "offline: the reader for HTML, Markdown, DOCX and EPUB files is fetched the first time one is opened, so open one online once" }.into();
                for slot in [&ready_settle, &answer] {
                    if let Some((_, reject)) = slot.borrow_mut().take() {
                        let _ = reject.call1(&JsValue::NULL, &why);
                    }
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Reader { worker, ready, answer, _on_message: on_message, _on_error: on_error })
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
