//! How far through the article the reader is, and the time left; each article's position is
//! remembered (by its library key) and restored when it is opened again.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use lexo_core::ReadingTime;
use yew::prelude::*;

use crate::i18n::{fill, UiLang};
use crate::services::{dom, storage};

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub ui: UiLang,
    /// The article's key in the library (see `state::Source::key`).
    pub article_key: String,
    pub reading_time: ReadingTime,
}

/// Minutes left of a reading time at `fraction` read: of the slow reader's estimate, rounded up.
pub fn minutes_left(rt: &ReadingTime, fraction: f64) -> u32 {
    (f64::from(rt.max_minutes) * (1.0 - fraction.clamp(0.0, 1.0))).ceil() as u32
}

#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let fraction = use_state(|| 0.0f64);
    {
        let fraction = fraction.clone();
        use_effect_with(props.article_key.clone(), move |key| {
            // Restore once the article is laid out, then follow the scrolling.
            let restored = storage::position(key).unwrap_or(0.0);
            let restore = Timeout::new(0, move || {
                if restored > 0.0 {
                    dom::scroll_to_fraction(restored);
                } else {
                    dom::scroll_to_top();
                }
            });
            fraction.set(restored);
            let key = Rc::new(key.clone());
            let pending: Rc<std::cell::RefCell<Option<Timeout>>> = Rc::default();
            let listener = EventListener::new(&gloo::utils::window(), "scroll", move |_| {
                let Some(f) = dom::article_fraction() else { return };
                fraction.set(f);
                // Saved a moment after scrolling stops, not on every frame.
                let key = key.clone();
                *pending.borrow_mut() = Some(Timeout::new(400, move || storage::save_position(&key, f)));
            });
            move || drop((listener, restore))
        });
    }
    let t = props.ui.t();
    let f = *fraction;
    let left = minutes_left(&props.reading_time, f);
    let percent = (f * 100.0).round() as u32;
    html! {
        <div class="reading-progress">
            <progress data-testid="progress" max="100" value={percent.to_string()} aria-label={t.progress_label}></progress>
            <span class="time-left" data-testid="time-left" aria-live="off">
                { if f >= 0.995 { t.finished.to_owned() } else { fill(t.minutes_left, &[&left.to_string()]) } }
            </span>
        </div>
    }
}
