//! The export menu: the article's or the library's names as CSV/JSON, the article as
//! Markdown or HTML. A `<details>` disclosure: keyboard-usable without script of its own.

use yew::prelude::*;

use crate::i18n::UiLang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    EntitiesCsv,
    EntitiesJson,
    LibraryCsv,
    LibraryJson,
    Markdown,
    Html,
}

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub ui: UiLang,
    pub has_article: bool,
    pub on_export: Callback<ExportKind>,
}

#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let t = props.ui.t();
    let details = use_node_ref();
    let item = |kind: ExportKind, label: &'static str, testid: &'static str, enabled: bool| {
        let on_export = props.on_export.clone();
        let details = details.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_export.emit(kind);
            if let Some(d) = details.cast::<web_sys::HtmlDetailsElement>() {
                d.set_open(false);
            }
        });
        html! { <li><button class="menu-item" data-testid={testid} disabled={!enabled} {onclick}>{label}</button></li> }
    };
    html! {
        <details class="menu" ref={details.clone()}>
            <summary class="button">{t.export}</summary>
            <ul class="menu-list">
                {item(ExportKind::EntitiesCsv, t.export_entities_csv, "export-entities-csv", props.has_article)}
                {item(ExportKind::EntitiesJson, t.export_entities_json, "export-entities-json", props.has_article)}
                {item(ExportKind::Markdown, t.export_markdown, "export-markdown", props.has_article)}
                {item(ExportKind::Html, t.export_html, "export-html", props.has_article)}
                {item(ExportKind::LibraryCsv, t.export_library_csv, "export-library-csv", true)}
                {item(ExportKind::LibraryJson, t.export_library_json, "export-library-json", true)}
            </ul>
        </details>
    }
}
