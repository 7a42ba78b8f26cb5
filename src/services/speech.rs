//! Read aloud with the browser's speech synthesis: the article's text blocks sentence by
//! sentence in a voice of its language, the sentence being read marked with the CSS Custom
//! Highlight API (a Range over the rendered text: the DOM is not changed).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

const HIGHLIGHT: &str = "lexo-reading";

fn synth() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    Reflect::has(&window, &"speechSynthesis".into()).ok()?.then(|| window.speech_synthesis().ok()).flatten()
}

/// A voice for the article's language (`sq`, `en`…), the browser's default one first.
pub fn voice_for(lang: &str) -> Option<SpeechSynthesisVoice> {
    let voices: Vec<SpeechSynthesisVoice> = synth()?.get_voices().iter().filter(|v| v.is_object()).map(|v| v.unchecked_into()).collect();
    let matches = |v: &SpeechSynthesisVoice| v.lang().split(['-', '_']).next().is_some_and(|p| p.eq_ignore_ascii_case(lang));
    voices.iter().find(|v| matches(v) && v.default()).or_else(|| voices.iter().find(|v| matches(v))).cloned()
}

/// Call `f` when the browser's list of voices changes (it fills in after start-up).
pub fn on_voices_changed(f: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    synth().map(|s| gloo::events::EventListener::new(&s, "voiceschanged", move |_| f()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Idle,
    Speaking,
    Paused,
}

/// Sentence ends: `.`, `!`, `?`, `…` followed by a space (or the end). Offsets in UTF-16 units,
/// as the DOM counts.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let is_end = |u: u16| matches!(u, 0x2e | 0x21 | 0x3f | 0x2026);
    let is_space = |u: u16| u == 0x20 || u == 0x0a || u == 0xa0;
    for i in 0..units.len() {
        if is_end(units[i]) && units.get(i + 1).is_none_or(|u| is_space(*u)) {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if units[start..].iter().any(|u| !is_space(*u)) {
        out.push((start, units.len()));
    }
    out.into_iter()
        .map(|(s, e)| {
            let lead = units[s..e].iter().take_while(|u| is_space(**u)).count();
            (s + lead, e)
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// One sentence to say: the element it is in and where in that element's text.
struct Line {
    element: web_sys::Element,
    start: usize,
    end: usize,
    text: String,
}

/// Reads an article: [`Reader::start`] on the rendered article body, pause/resume/stop.
#[derive(Clone, Default)]
pub struct Reader(Rc<RefCell<Option<Session>>>);

impl PartialEq for Reader {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The utterance being spoken and its end and error handlers (kept alive while it speaks).
type Speaking = (SpeechSynthesisUtterance, Closure<dyn Fn()>, Closure<dyn Fn()>);

struct Session {
    lines: Vec<Line>,
    next: usize,
    voice: SpeechSynthesisVoice,
    on_status: Rc<dyn Fn(Status)>,
    _utterance: Option<Speaking>,
}

impl Reader {
    /// Read the text blocks under `body` (`[data-say]` elements) in `voice`.
    pub fn start(&self, body: &web_sys::Element, voice: SpeechSynthesisVoice, on_status: impl Fn(Status) + 'static) {
        self.stop();
        let Ok(nodes) = body.query_selector_all("[data-say]") else { return };
        let mut lines = Vec::new();
        for i in 0..nodes.length() {
            let Some(element) = nodes.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let text = element.text_content().unwrap_or_default();
            let units: Vec<u16> = text.encode_utf16().collect();
            for (start, end) in sentences(&text) {
                lines.push(Line { element: element.clone(), start, end, text: String::from_utf16_lossy(&units[start..end]) });
            }
        }
        if lines.is_empty() {
            return;
        }
        *self.0.borrow_mut() = Some(Session { lines, next: 0, voice, on_status: Rc::new(on_status), _utterance: None });
        self.say_next();
    }

    fn say_next(&self) {
        let Some(synth) = synth() else { return };
        let mut guard = self.0.borrow_mut();
        let Some(session) = guard.as_mut() else { return };
        let Some(line) = session.lines.get(session.next) else {
            let on_status = session.on_status.clone();
            *guard = None;
            drop(guard);
            clear_highlight();
            on_status(Status::Idle);
            return;
        };
        session.next += 1;
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&line.text) else { return };
        utterance.set_voice(Some(&session.voice));
        utterance.set_lang(&session.voice.lang());
        highlight(&line.element, line.start, line.end);
        let me = self.clone();
        let on_end = Closure::<dyn Fn()>::new(move || me.say_next());
        let me = self.clone();
        let on_error = Closure::<dyn Fn()>::new(move || me.stop());
        utterance.set_onend(Some(on_end.as_ref().unchecked_ref()));
        utterance.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        (session.on_status)(Status::Speaking);
        session._utterance = Some((utterance.clone(), on_end, on_error));
        drop(guard);
        synth.speak(&utterance);
    }

    pub fn pause(&self) {
        if let (Some(s), Some(session)) = (synth(), self.0.borrow().as_ref()) {
            s.pause();
            (session.on_status)(Status::Paused);
        }
    }

    pub fn resume(&self) {
        if let (Some(s), Some(session)) = (synth(), self.0.borrow().as_ref()) {
            s.resume();
            (session.on_status)(Status::Speaking);
        }
    }

    pub fn stop(&self) {
        let Some(session) = self.0.borrow_mut().take() else { return };
        if let Some((u, ..)) = &session._utterance {
            u.set_onend(None);
            u.set_onerror(None);
        }
        if let Some(s) = synth() {
            s.cancel();
        }
        clear_highlight();
        (session.on_status)(Status::Idle);
    }
}

/// The registry of CSS highlights, where the browser has one.
fn registry() -> Option<JsValue> {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    Reflect::get(&css, &"highlights".into()).ok().filter(|h| !h.is_undefined())
}

fn clear_highlight() {
    if let Some(reg) = registry() {
        if let Ok(delete) = Reflect::get(&reg, &"delete".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = delete.call1(&reg, &HIGHLIGHT.into());
        }
    }
}

/// Mark UTF-16 units `start..end` of `element`'s text.
fn highlight(element: &web_sys::Element, start: usize, end: usize) {
    let Some(reg) = registry() else { return };
    let Some(document) = element.owner_document() else { return };
    let Ok(range) = document.create_range() else { return };
    let Ok(walker) = document.create_tree_walker_with_what_to_show(element, 4 /* SHOW_TEXT */) else { return };
    let (mut pos, mut started) = (0usize, false);
    while let Ok(Some(node)) = walker.next_node() {
        let len = node.text_content().map_or(0, |t| t.encode_utf16().count());
        if !started && start < pos + len {
            let _ = range.set_start(&node, (start - pos) as u32);
            started = true;
        }
        if started && end <= pos + len {
            let _ = range.set_end(&node, (end - pos) as u32);
            break;
        }
        pos += len;
    }
    let Ok(ctor) = Reflect::get(&js_sys::global(), &"Highlight".into()).and_then(|c| c.dyn_into::<js_sys::Function>()) else { return };
    let Ok(hl) = Reflect::construct(&ctor, &js_sys::Array::of1(&range)) else { return };
    if let Ok(set) = Reflect::get(&reg, &"set".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = set.call2(&reg, &HIGHLIGHT.into(), &hl);
    }
    if let Ok(el) = element.clone().dyn_into::<web_sys::HtmlElement>() {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        opts.set_behavior(web_sys::ScrollBehavior::Smooth);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn sentences_split_at_ends_followed_by_space() {
        let t = "Rama foli sot. A do vijë? Po! 3.5 milionë…";
        let parts: Vec<String> = sentences(t).into_iter().map(|(s, e)| String::from_utf16_lossy(&t.encode_utf16().collect::<Vec<_>>()[s..e])).collect();
        assert_eq!(parts, ["Rama foli sot.", "A do vijë?", "Po!", "3.5 milionë…"]);
    }
}
