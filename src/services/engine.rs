//! The page's side of the reading worker (`src/bin/lexo-worker.rs`): files are queued here and
//! sent one at a time; each answer, or the worker's failure, comes back as one result per file.
//! A file that makes the worker panic, trap, overflow its stack, run out of memory or take longer
//! than [`TIME_BUDGET_MS`] costs only itself: the worker is replaced and the queue goes on.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use lexo_core::Document;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

use crate::protocol::{Envelope, Job, Reply, VERSION};

/// The worker's loader (Trunk's `data-loader-shim`), beside the page.
const WORKER_URL: &str = "./lexo-worker_loader.js";

/// How long one file may take in the worker.
pub const TIME_BUDGET_MS: u32 = 10_000;

/// One file's outcome: its articles (and how many the file holds), or why not.
pub type Outcome = (u32, Result<Vec<Rc<Document>>, String>, usize);

struct Queued {
    job: Job,
    bytes: js_sys::Uint8Array,
}

struct Running {
    worker: Worker,
    ready: bool,
    /// Whether this worker ever answered: one that fails before that could not start at all.
    answered: bool,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

struct Inner {
    running: Option<Running>,
    queue: VecDeque<Queued>,
    in_flight: Option<(u32, Timeout)>,
    on_outcome: Callback<Outcome>,
}

/// Cheap to clone; all clones drive the same worker.
#[derive(Clone)]
pub struct Engine(Rc<RefCell<Inner>>);

impl PartialEq for Engine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Engine {
    /// Starts the worker at once, so it has its word lists by the time the first file comes.
    pub fn new(on_outcome: Callback<Outcome>) -> Engine {
        let engine = Engine(Rc::new(RefCell::new(Inner { running: None, queue: VecDeque::new(), in_flight: None, on_outcome })));
        start(&engine.0);
        engine
    }

    /// Queue a file's bytes (its first `MAX_READ_BYTES`) for reading; `size` is the whole file's.
    pub fn submit(&self, id: u32, name: String, size: u64, bytes: js_sys::Uint8Array) {
        self.0.borrow_mut().queue.push_back(Queued { job: Job { id, name, size }, bytes });
        if self.0.borrow().running.is_none() {
            start(&self.0);
        }
        pump(&self.0);
    }
}

fn start(inner: &Rc<RefCell<Inner>>) {
    let weak = Rc::downgrade(inner);
    let options = web_sys::WorkerOptions::new();
    options.set_name("lexo-reader");
    let worker = match Worker::new_with_options(WORKER_URL, &options) {
        Ok(w) => w,
        Err(e) => return fail_all(inner, &format!("Lexo's reading engine could not start ({e:?})")),
    };
    let on_message = {
        let weak = weak.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(inner) = weak.upgrade() {
                on_message(&inner, e.data().as_string().unwrap_or_default());
            }
        })
    };
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |e: ErrorEvent| {
        e.prevent_default();
        if let Some(inner) = Weak::upgrade(&weak) {
            on_worker_failure(&inner, &e.message());
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    inner.borrow_mut().running = Some(Running { worker, ready: false, answered: false, _on_message: on_message, _on_error: on_error });
}

/// Send the next file when the worker is ready and idle.
fn pump(inner: &Rc<RefCell<Inner>>) {
    let mut i = inner.borrow_mut();
    let Some(worker) = i.running.as_ref().filter(|r| r.ready).map(|r| r.worker.clone()) else { return };
    if i.in_flight.is_some() {
        return;
    }
    let Some(next) = i.queue.pop_front() else { return };
    let header = serde_json::to_string(&next.job).unwrap_or_default();
    let buffer = next.bytes.buffer();
    let message = js_sys::Array::of2(&header.into(), &next.bytes);
    let id = next.job.id;
    let weak = Rc::downgrade(inner);
    let timer = Timeout::new(TIME_BUDGET_MS, move || {
        if let Some(inner) = weak.upgrade() {
            replace_worker(&inner, format!("it took longer than {} s to read", TIME_BUDGET_MS / 1000));
        }
    });
    i.in_flight = Some((id, timer));
    drop(i);
    if let Err(e) = worker.post_message_with_transfer(&message, &js_sys::Array::of1(&buffer)) {
        finish(inner, (id, Err(format!("it could not be handed to the reader ({e:?})")), 0));
    }
}

fn on_message(inner: &Rc<RefCell<Inner>>, json: String) {
    let envelope: Envelope = match serde_json::from_str(&json) {
        Ok(e) => e,
        Err(e) => return replace_worker(inner, format!("the reader's answer was unreadable ({e})")),
    };
    if envelope.version != VERSION {
        return fail_all(inner, "the page and its reading engine are of different versions: reload the page");
    }
    if let Some(r) = inner.borrow_mut().running.as_mut() {
        r.answered = true;
    }
    match envelope.reply {
        Reply::Ready => {
            if let Some(r) = inner.borrow_mut().running.as_mut() {
                r.ready = true;
            }
            pump(inner);
        }
        Reply::Done { id, result, articles_in_file } => {
            let result = result.map(|docs| docs.into_iter().map(Rc::new).collect());
            finish(inner, (id, result, articles_in_file));
        }
        Reply::Crashed { reason, .. } => replace_worker(inner, reason),
    }
}

/// Hand a file's outcome on and send the next one.
fn finish(inner: &Rc<RefCell<Inner>>, outcome: Outcome) {
    let on_outcome = {
        let mut i = inner.borrow_mut();
        if i.in_flight.as_ref().is_some_and(|(id, _)| *id == outcome.0) {
            i.in_flight = None;
        }
        i.on_outcome.clone()
    };
    on_outcome.emit(outcome);
    pump(inner);
}

/// The worker died (an uncaught error: a trap, a stack overflow, memory) or must go.
fn on_worker_failure(inner: &Rc<RefCell<Inner>>, message: &str) {
    let answered = inner.borrow().running.as_ref().is_some_and(|r| r.answered);
    if !answered {
        return fail_all(inner, &format!("Lexo's reading engine could not start ({message})"));
    }
    replace_worker(inner, reason_of(message));
}

/// What a worker's dying words mean for the person whose file it was reading.
fn reason_of(message: &str) -> String {
    let lower = message.to_lowercase();
    if lower.contains("call stack") || lower.contains("recursion") {
        "it is nested too deeply to read".into()
    } else if lower.contains("memory") || lower.contains("allocation") {
        "reading it needed more memory than the browser gives".into()
    } else {
        format!("the reader failed on it ({message})")
    }
}

/// Fail the file in flight with `reason`, start a fresh worker, go on with the queue.
fn replace_worker(inner: &Rc<RefCell<Inner>>, reason: String) {
    let failed = {
        let mut i = inner.borrow_mut();
        if let Some(r) = i.running.take() {
            r.worker.terminate();
        }
        i.in_flight.take().map(|(id, _)| id)
    };
    if !inner.borrow().queue.is_empty() {
        start(inner);
    }
    if let Some(id) = failed {
        finish(inner, (id, Err(reason), 0));
    }
}

/// The engine cannot run: every waiting file fails with `reason` (a later file tries again).
fn fail_all(inner: &Rc<RefCell<Inner>>, reason: &str) {
    let (ids, on_outcome) = {
        let mut i = inner.borrow_mut();
        if let Some(r) = i.running.take() {
            r.worker.terminate();
        }
        let mut ids: Vec<u32> = i.in_flight.take().map(|(id, _)| id).into_iter().collect();
        ids.extend(i.queue.drain(..).map(|q| q.job.id));
        (ids, i.on_outcome.clone())
    };
    for id in ids {
        on_outcome.emit((id, Err(reason.to_owned()), 0));
    }
}
