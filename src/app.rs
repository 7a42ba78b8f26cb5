//! The app: one reducer, the drop target that is the whole window, and the layout.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{EmptyState, EntityPanel, Library, Reader, Toolbar};
use crate::hooks::{use_file_loader, Input};
use crate::services::engine::Engine;
use crate::services::{dom, files, storage};
use crate::state::{Action, AppState, LoadState, Theme};

/// An article the team wrote to show what Lexo does (in the layout scrapers save).
pub const SAMPLE_ARTICLE: &str = include_str!("sample_article.txt");

/// A callback that dispatches the action built from its argument.
fn dispatcher<T: 'static>(state: &UseReducerHandle<AppState>, action: fn(T) -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v| state.dispatch(action(v)))
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    // The reading engine: one worker for the page's life, its answers dispatched as actions.
    let engine = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Engine::new(Callback::from(move |(id, result, articles_in_file)| dispatcher.dispatch(Action::FileDone { id, result, articles_in_file }))))).clone()
    };
    let load = use_file_loader(state.clone(), engine);

    // Preferences: load once, save on change.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let (theme, size) = storage::load_prefs();
            if let Some(t) = theme.as_deref().and_then(Theme::parse) {
                state.dispatch(Action::SetTheme(t));
            }
            if let Some(s) = size {
                state.dispatch(Action::ChangeTextSize(s));
            }
        });
    }
    use_effect_with((state.theme, state.text_size), |(theme, size)| {
        dom::apply_theme(theme.name());
        storage::save_prefs(theme.name(), *size);
    });
    use_effect_with(state.focused_group, |g| {
        if let Some(g) = g {
            dom::scroll_to_group(*g);
        }
    });

    // Paste anywhere: text becomes an article, pasted files load like dropped ones.
    {
        let load = load.clone();
        let counter = use_mut_ref(|| 0u32);
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let listener = EventListener::new(&document, "paste", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
                let Some(data) = e.clipboard_data() else { return };
                let pasted = files::from_list(data.files());
                if !pasted.is_empty() {
                    load.emit(Input::Files(pasted));
                    return;
                }
                if let Ok(text) = data.get_data("text/plain") {
                    if !text.trim().is_empty() {
                        *counter.borrow_mut() += 1;
                        load.emit(Input::Text { name: format!("Pasted text {}", counter.borrow()), text });
                    }
                }
            });
            move || drop(listener)
        });
    }

    // The whole window is the drop target.
    let ondragover = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            state.dispatch(Action::SetDragging(true));
        })
    };
    let ondragleave = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            // Only when the pointer leaves the window, not when it moves between children.
            if e.related_target().is_none() {
                state.dispatch(Action::SetDragging(false));
            }
        })
    };
    let ondrop = {
        let state = state.clone();
        let load = load.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            state.dispatch(Action::SetDragging(false));
            let Some(dt) = e.data_transfer() else { return };
            let dropped = files::from_list(dt.files());
            if !dropped.is_empty() {
                load.emit(Input::Files(dropped));
            } else if let Ok(text) = dt.get_data("text/plain") {
                if !text.trim().is_empty() {
                    load.emit(Input::Text { name: "Dropped text".into(), text });
                }
            }
        })
    };
    // Stop the browser from opening files dropped outside our handler (e.g. while the overlay is up).
    {
        use_effect_with((), |_| {
            let window = gloo::utils::window();
            let opts = EventListenerOptions::enable_prevent_default();
            let a = EventListener::new_with_options(&window, "dragover", opts, |e| e.prevent_default());
            let b = EventListener::new_with_options(&window, "drop", opts, |e| e.prevent_default());
            move || drop((a, b))
        });
    }

    let on_files = load.reform(|list| Input::Files(files::from_list(list)));
    let on_sample = load.reform(|_| Input::Text { name: "sample-lajm.txt".into(), text: SAMPLE_ARTICLE.into() });
    let on_select = dispatcher(&state, Action::Select);
    let on_remove = dispatcher(&state, Action::Remove);
    let on_theme = dispatcher(&state, Action::SetTheme);
    let on_text_size = dispatcher(&state, Action::ChangeTextSize);
    let on_toggle_kind = dispatcher(&state, Action::ToggleKind);
    let on_focus = {
        let state = state.clone();
        Callback::from(move |g: usize| state.dispatch(Action::FocusGroup(Some(g))))
    };

    let selected = state.selected_entry().cloned();
    let style = format!("--text-scale: {};", 1.0 + f64::from(state.text_size) * 0.1);
    let (batch_total, batch_done) = state.batch;
    html! {
        <div class={classes!("app", state.dragging.then_some("dragging"))} data-testid="dropzone" {style}
             {ondragover} {ondragleave} {ondrop}>
            <Toolbar theme={state.theme} {on_files} on_sample={on_sample.clone()} {on_theme} {on_text_size} />
            if batch_total > 1 && batch_done < batch_total {
                <div class="batch-progress" role="status" data-testid="batch-progress">
                    <progress max={batch_total.to_string()} value={batch_done.to_string()}></progress>
                    {format!("Reading {} of {} files…", batch_done + 1, batch_total)}
                </div>
            }
            if state.entries.is_empty() {
                <main class="layout single"><EmptyState on_sample={on_sample} /></main>
            } else {
                <main class="layout">
                    <Library entries={state.entries.clone()} selected={state.selected} {on_select} {on_remove} />
                    { match selected {
                        Some(entry) => match entry.status {
                            LoadState::Ready(doc) => html! {
                                <>
                                    <Reader doc={doc.clone()} file_name={entry.name.clone()} shown_kinds={state.shown_kinds.clone()}
                                            focused_group={state.focused_group} on_entity_click={on_focus.clone()} />
                                    <EntityPanel {doc} shown_kinds={state.shown_kinds.clone()} focused_group={state.focused_group}
                                                 on_focus={on_focus} {on_toggle_kind} />
                                </>
                            },
                            LoadState::Loading { read, total } => html! {
                                <div class="reader placeholder" role="status">
                                    {format!("Reading {}…", entry.name)}
                                    if total > files::CHUNK {
                                        <progress max={total.to_string()} value={read.to_string()}></progress>
                                        {format!(" {} of {} MB", read >> 20, total >> 20)}
                                    }
                                </div>
                            },
                            LoadState::Failed(reason) => html! {
                                <div class="reader placeholder failed">
                                    <h1>{format!("Could not read {}", entry.name)}</h1>
                                    <p>{reason}</p>
                                    <p>{"Other files are not affected. Remove this one from the list, or try another file."}</p>
                                </div>
                            },
                        },
                        None => html! { <div class="reader placeholder">{"Pick a file from the list."}</div> },
                    } }
                </main>
            }
            <div class="drop-overlay" aria-hidden={(!state.dragging).to_string()}>
                <div class="drop-message">{"Drop article files to read them"}</div>
            </div>
        </div>
    }
}
