//! Top bar: open files or a folder, the sample, the drawers (phones), export, read aloud,
//! settings and keys. It wraps rather than overflows on narrow screens.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::UiLang;
use crate::state::Drawer;

use super::export_menu::{ExportKind, ExportMenu};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub ui: UiLang,
    pub on_files: Callback<Option<web_sys::FileList>>,
    pub on_folder: Callback<Option<web_sys::FileList>>,
    pub on_sample: Callback<()>,
    pub on_drawer: Callback<Drawer>,
    pub drawer: Option<Drawer>,
    pub on_settings: Callback<()>,
    pub on_help: Callback<()>,
    /// Whether an article is open (export of one article, read aloud).
    pub has_article: bool,
    pub has_library: bool,
    pub on_export: Callback<ExportKind>,
    /// The read-aloud control, when a voice for the article's language exists.
    #[prop_or_default]
    pub read_aloud: Html,
}

fn picker(cb: &Callback<Option<web_sys::FileList>>) -> Callback<Event> {
    let cb = cb.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        cb.emit(input.files());
        input.set_value(""); // picking the same file again still fires
    })
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let t = props.ui.t();
    let drawer_button = |d: Drawer, label: &'static str, testid: &'static str| {
        let onclick = props.on_drawer.reform(move |_: MouseEvent| d);
        html! {
            <button class="button drawer-toggle" data-testid={testid} aria-expanded={(props.drawer == Some(d)).to_string()} {onclick}>{label}</button>
        }
    };
    html! {
        <header class="toolbar" role="banner">
            <span class="brand" lang="sq">{"Lexo"}</span>
            <nav class="toolbar-group" aria-label={t.main_toolbar}>
                <label class="button primary" title={t.open_files_title}>
                    {t.open_files}
                    <input type="file" multiple=true data-testid="file-input" class="visually-hidden" onchange={picker(&props.on_files)}
                           accept=".txt,.text,.html,.htm,.xhtml,.md,.markdown,.json,.jsonl,.ndjson,.gz,.docx,.epub,text/plain,text/html,text/markdown,application/json" />
                </label>
                <label class="button folder-button">
                    {t.open_folder}
                    <input type="file" webkitdirectory=true multiple=true data-testid="folder-input" class="visually-hidden" onchange={picker(&props.on_folder)} />
                </label>
                <button class="button" onclick={props.on_sample.reform(|_: MouseEvent| ())}>{t.sample}</button>
            </nav>
            <span class="spacer"></span>
            <div class="toolbar-group">
                if props.has_library { {drawer_button(Drawer::Library, t.library, "library-drawer")} }
                if props.has_article { {drawer_button(Drawer::Entities, t.entities, "entities-drawer")} }
                {props.read_aloud.clone()}
                if props.has_library {
                    <ExportMenu ui={props.ui} has_article={props.has_article} on_export={props.on_export.clone()} />
                }
                <button class="button" data-testid="settings" aria-haspopup="dialog" onclick={props.on_settings.reform(|_: MouseEvent| ())}>{t.settings}</button>
                <button class="button" data-testid="help" aria-haspopup="dialog" aria-keyshortcuts="?" onclick={props.on_help.reform(|_: MouseEvent| ())}>{t.help}</button>
            </div>
        </header>
    }
}
