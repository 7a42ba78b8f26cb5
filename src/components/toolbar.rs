//! Top bar: open files, sample, reader preferences.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::Theme;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub theme: Theme,
    pub on_files: Callback<Option<web_sys::FileList>>,
    pub on_sample: Callback<()>,
    pub on_theme: Callback<Theme>,
    pub on_text_size: Callback<i8>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let on_files = props.on_files.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_files.emit(input.files());
        input.set_value(""); // picking the same file again still fires
    });
    let on_theme = props.on_theme.clone();
    let on_theme_change = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(t) = Theme::parse(&select.value()) {
            on_theme.emit(t);
        }
    });
    html! {
        <header class="toolbar">
            <span class="brand" aria-label="Lexo">{"Lexo"}</span>
            <label class="button primary" title="Open article files">
                {"Open files"}
                <input type="file" multiple=true data-testid="file-input" class="visually-hidden" {onchange}
                       accept=".txt,.text,.html,.htm,.xhtml,.md,.markdown,.json,.jsonl,.ndjson,.gz,.docx,.epub,text/plain,text/html,text/markdown,application/json" />
            </label>
            <button class="button" onclick={props.on_sample.reform(|_: MouseEvent| ())}>{"Sample"}</button>
            <span class="spacer"></span>
            <div class="prefs" role="group" aria-label="Reader settings">
                <button class="button" aria-label="Smaller text" onclick={props.on_text_size.reform(|_: MouseEvent| -1)}>{"A−"}</button>
                <button class="button" aria-label="Larger text" onclick={props.on_text_size.reform(|_: MouseEvent| 1)}>{"A+"}</button>
                <select aria-label="Theme" onchange={on_theme_change}>
                    { for Theme::ALL.iter().map(|t| html! {
                        <option value={t.name()} selected={*t == props.theme}>{t.name()}</option>
                    }) }
                </select>
            </div>
        </header>
    }
}
