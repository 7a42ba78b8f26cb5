//! The list of loaded files: switch between them, remove them, see why one failed.

use yew::prelude::*;

use crate::state::{Entry, LoadState};

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub entries: Vec<Entry>,
    pub selected: Option<u32>,
    pub on_select: Callback<u32>,
    pub on_remove: Callback<u32>,
}

#[component]
pub fn Library(props: &LibraryProps) -> Html {
    html! {
        <nav class="library" aria-label="Your files">
            <h2>{"Files"}</h2>
            <ul>
            { for props.entries.iter().map(|e| {
                let id = e.id;
                let selected = props.selected == Some(id);
                let on_select = props.on_select.reform(move |_: MouseEvent| id);
                let on_remove = props.on_remove.reform(move |ev: MouseEvent| { ev.stop_propagation(); id });
                let (label, detail) = match &e.status {
                    LoadState::Loading { .. } => (e.name.clone(), html! { <span class="status">{"reading…"}</span> }),
                    LoadState::Ready(doc) => (
                        doc.article.meta.title.clone().unwrap_or_else(|| e.name.clone()),
                        html! { <span class="status">{format!("{} · {} · {}", e.name, doc.lang.code, doc.reading_time.label())}</span> },
                    ),
                    LoadState::Failed(reason) => (
                        e.name.clone(),
                        html! { <span class="error" data-testid="error" role="alert">{format!("Could not read {}: {}", e.name, reason)}</span> },
                    ),
                };
                html! {
                    <li class={classes!("library-item", selected.then_some("selected"), matches!(e.status, LoadState::Failed(_)).then_some("failed"))}
                        data-testid="library-item">
                        <button class="open" onclick={on_select} aria-current={selected.then_some("true")}>
                            <span class="label">{label}</span>{detail}
                        </button>
                        <button class="remove" onclick={on_remove} aria-label={format!("Remove {}", e.name)} title="Remove">{"×"}</button>
                    </li>
                }
            }) }
            </ul>
        </nav>
    }
}
