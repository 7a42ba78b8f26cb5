//! What the page shows before any file is loaded.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub on_sample: Callback<()>,
}

#[component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let on_sample = props.on_sample.reform(|_: MouseEvent| ());
    html! {
        <section class="empty-state">
            <h1>{"Read articles clean."}</h1>
            <p class="lead">{"Drop article files anywhere on this page, open them with the button above, or paste text with Ctrl+V. \
                               Lexo shows each as a clean reader view with its people, places and organisations highlighted, \
                               and an honest reading time."}</p>
            <p class="privacy">{"Everything happens in this tab: no file or text ever leaves your machine."}</p>
            <button class="primary" onclick={on_sample}>{"Open a sample article"}</button>
            <p class="formats">{"Reads saved web pages (.html, also gzipped), Markdown, JSON and JSON Lines exports, Word (.docx) and EPUB files, and plain text as scrapers save it, \
                                in any common encoding; in Albanian, English, German, French, Italian, Spanish, Serbian, Greek, Turkish, Russian and more."}</p>
        </section>
    }
}
