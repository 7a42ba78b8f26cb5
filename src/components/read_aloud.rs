//! Read aloud: shown only when the browser has a voice for the article's language; reads it
//! sentence by sentence with the current one marked; pause, resume, stop.

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::services::speech::{self, Status};

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    pub ui: UiLang,
    /// The article's language code.
    pub lang: AttrValue,
    /// Changes with the article: reading stops when another one opens.
    pub article_key: AttrValue,
}

#[component]
pub fn ReadAloud(props: &ReadAloudProps) -> Html {
    let reader = use_memo((), |_| speech::Reader::default());
    let status = use_state(|| Status::Idle);
    let voices_seen = use_state(|| 0u32);
    {
        let voices_seen = voices_seen.clone();
        use_effect_with((), move |_| {
            let listener = speech::on_voices_changed(move || voices_seen.set(*voices_seen + 1));
            move || drop(listener)
        });
    }
    {
        let reader = reader.clone();
        use_effect_with(props.article_key.clone(), move |_| move || reader.stop());
    }
    let _ = *voices_seen;
    let Some(voice) = speech::voice_for(&props.lang) else { return html! {} };
    let t = props.ui.t();
    let onclick = {
        let reader = reader.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| match *status {
            Status::Idle => {
                let Some(body) = gloo::utils::document().query_selector(".article-body").ok().flatten() else { return };
                let status = status.clone();
                reader.start(&body, voice.clone(), move |s| status.set(s));
            }
            Status::Speaking => reader.pause(),
            Status::Paused => reader.resume(),
        })
    };
    let on_stop = {
        let reader = reader.clone();
        Callback::from(move |_: MouseEvent| reader.stop())
    };
    let label = match *status {
        Status::Idle => t.read_aloud,
        Status::Speaking => t.pause,
        Status::Paused => t.resume,
    };
    html! {
        <span class="read-aloud">
            <button class="button" data-testid="read-aloud" aria-pressed={(*status != Status::Idle).to_string()} {onclick}>{label}</button>
            if *status != Status::Idle {
                <button class="button" data-testid="read-aloud-stop" onclick={on_stop}>{t.stop}</button>
            }
        </span>
    }
}
