//! What the page shows before any file is loaded.

use yew::prelude::*;

use crate::i18n::UiLang;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub ui: UiLang,
    pub on_sample: Callback<()>,
}

#[component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let t = props.ui.t();
    let on_sample = props.on_sample.reform(|_: MouseEvent| ());
    html! {
        <section class="empty-state" aria-labelledby="empty-title">
            <h1 id="empty-title">{t.empty_title}</h1>
            <p class="lead">{t.empty_lead}</p>
            <p class="privacy">{t.empty_privacy}</p>
            <button class="primary" onclick={on_sample}>{t.empty_sample}</button>
            <p class="formats">{t.empty_formats}</p>
        </section>
    }
}
