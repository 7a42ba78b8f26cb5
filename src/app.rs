//! The app: one reducer, the drop target that is the whole window, the keys, and the layout.
//! Browser work goes through `services`; the library's storage through `hooks::library_store`.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use lexo_core::export::{self, Named};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::export_menu::ExportKind;
use crate::components::{EmptyState, EntityPanel, Help, Library, Progress, ReadAloud, Reader, SettingsPanel, Toast, Toolbar};
use crate::hooks::{library_store, use_file_loader, Input, Stash};
use crate::i18n::fill;
use crate::services::engine::Engine;
use crate::services::store::Store;
use crate::services::{dom, download, files, offline, storage};
use crate::state::library::entity_index;
use crate::state::{Action, AppState, Drawer, LoadState, Overlay};

/// An article the team wrote to show what Lexo does (in the layout scrapers save).
pub const SAMPLE_ARTICLE: &str = include_str!("sample_article.txt");

/// How long "Removed … Undo" stays offered.
const UNDO_MS: u32 = 10_000;

/// A callback that dispatches the action built from its argument.
fn dispatcher<T: 'static>(state: &UseReducerHandle<AppState>, action: fn(T) -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v| state.dispatch(action(v)))
}

/// What a key pressed outside a text field does.
fn key_action(key: &str, narrow: bool) -> Option<Action> {
    Some(match key {
        "j" => Action::SelectStep(1),
        "k" => Action::SelectStep(-1),
        "n" => Action::StepMention(1),
        "p" => Action::StepMention(-1),
        "e" if narrow => Action::ToggleDrawer(Drawer::Entities),
        "e" => Action::TogglePanel,
        "," => Action::Open(Some(Overlay::Settings)),
        "?" => Action::Open(Some(Overlay::Help)),
        "Escape" => Action::CloseTop,
        _ => return None,
    })
}

fn is_narrow() -> bool {
    gloo::utils::window().match_media("(max-width: 900px)").ok().flatten().is_some_and(|m| m.matches())
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::with_settings(storage::load_settings()));
    let store = (*use_memo((), |_| Store::default())).clone();
    let stash: Stash = (*use_memo((), |_| Stash::default())).clone();
    // The reading engine: one worker for the page's life; its answers become actions, and what
    // it read is stored.
    let engine = {
        let dispatcher = state.dispatcher();
        let (store, stash) = (store.clone(), stash.clone());
        (*use_memo((), move |_| {
            Engine::new(Callback::from(move |(id, result, articles_in_file): crate::services::engine::Outcome| {
                if let Ok(docs) = &result {
                    library_store::persist(&store, &stash, &dispatcher, id, docs, articles_in_file);
                } else {
                    stash.borrow_mut().remove(&id);
                }
                dispatcher.dispatch(Action::FileDone { id, result, articles_in_file });
            }))
        }))
        .clone()
    };
    let load = use_file_loader(state.clone(), engine.clone(), stash.clone());

    // Start-up: the stored library comes back; the service worker is registered.
    {
        let (store, stash, engine, dispatcher) = (store.clone(), stash.clone(), engine.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            library_store::restore(store, stash, engine, dispatcher);
            offline::register();
        });
    }
    use_effect_with(state.settings.clone(), |s| {
        dom::apply_root(s.theme.name(), s.ui_lang.code());
        gloo::utils::document().set_title(s.ui_lang.t().page_title);
        storage::save_settings(s);
    });
    use_effect_with((state.selected, state.focused_group, state.focused_mention), |(_, g, m)| {
        if let Some(g) = g {
            dom::scroll_to_mention(*g, *m);
        }
    });
    // The undo offer ends after a while.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.removed.as_ref().map(|r| r.0.id), move |removed| {
            let timer = removed.map(|_| gloo::timers::callback::Timeout::new(UNDO_MS, move || dispatcher.dispatch(Action::ForgetRemoved)));
            move || drop(timer)
        });
    }

    // Keys: anywhere but in a text field or behind a dialog (where only Escape counts).
    let overlay_open = use_mut_ref(|| false);
    *overlay_open.borrow_mut() = state.overlay.is_some();
    let shortcuts_on = use_mut_ref(|| true);
    *shortcuts_on.borrow_mut() = state.settings.shortcuts;
    let ui_now = use_mut_ref(|| state.settings.ui_lang);
    *ui_now.borrow_mut() = state.settings.ui_lang;
    {
        let dispatcher = state.dispatcher();
        let overlay_open = overlay_open.clone();
        let shortcuts_on = shortcuts_on.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                let key = e.key();
                let in_field = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
                });
                // Single-key shortcuts can be turned off (WCAG 2.1.4); Escape always closes.
                if (in_field || *overlay_open.borrow() || !*shortcuts_on.borrow()) && key != "Escape" {
                    return;
                }
                if key == "/" {
                    e.prevent_default();
                    if is_narrow() {
                        dispatcher.dispatch(Action::ShowDrawer(Drawer::Library));
                    }
                    // After the drawer is on screen (a hidden input takes no focus).
                    gloo::timers::callback::Timeout::new(60, || dom::focus("[data-testid=library-search]")).forget();
                    return;
                }
                if let Some(action) = key_action(&key, is_narrow()) {
                    e.prevent_default();
                    dispatcher.dispatch(action);
                }
            });
            move || drop(listener)
        });
    }

    // Paste anywhere: text becomes an article, pasted files load like dropped ones.
    {
        let load = load.clone();
        let ui_now = ui_now.clone();
        let counter = use_mut_ref(|| 0u32);
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let listener = EventListener::new(&document, "paste", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
                // Pasting into the search box is typing, not an article.
                if e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some() {
                    return;
                }
                let Some(data) = e.clipboard_data() else { return };
                let pasted = files::from_list(data.files());
                if !pasted.is_empty() {
                    load.emit(Input::Files(pasted));
                    return;
                }
                if let Ok(text) = data.get_data("text/plain") {
                    if !text.trim().is_empty() {
                        *counter.borrow_mut() += 1;
                        let ui = *ui_now.borrow();
                        load.emit(Input::Text { name: crate::i18n::fill(ui.t().pasted_text, &[&counter.borrow().to_string()]), text });
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
            let folders = files::dropped_folders(&dt);
            let dropped: Vec<_> = files::from_list(dt.files()).into_iter().filter(|f| folders.is_empty() || f.size() > 0 || files::is_article_file(&f.name())).collect();
            if !folders.is_empty() {
                // Files dropped beside the folders come too; the folders' own entries in the
                // list are empty placeholders, left out above.
                let loose: Vec<_> = dropped.into_iter().filter(|f| files::is_article_file(&f.name())).collect();
                if !loose.is_empty() {
                    load.emit(Input::Files(loose));
                }
                load.emit(Input::Folders(folders));
            } else if !dropped.is_empty() {
                load.emit(Input::Files(dropped));
            } else if let Ok(text) = dt.get_data("text/plain") {
                if !text.trim().is_empty() {
                    load.emit(Input::Text { name: state.settings.ui_lang.t().dropped_text.into(), text });
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

    let ui = state.settings.ui_lang;
    let t = ui.t();
    let on_files = load.reform(|list| Input::Files(files::from_list(list)));
    let on_folder = load.reform(|list| Input::Files(files::from_list(list).into_iter().filter(|f| files::is_article_file(&f.name())).collect()));
    let on_sample = load.reform(|_| Input::Text { name: "sample-lajm.txt".into(), text: SAMPLE_ARTICLE.into() });
    let on_select = dispatcher(&state, Action::Select);
    let on_remove = {
        let (state, store, stash) = (state.clone(), store.clone(), stash.clone());
        Callback::from(move |id: u32| {
            if let Some(entry) = state.entries.iter().find(|e| e.id == id) {
                match entry.status {
                    // The reading position stays: Undo brings the article back where it was read.
                    LoadState::Ready(_) => library_store::forget(&store, entry),
                    // Not stored yet, and now never.
                    LoadState::Loading { .. } => drop(stash.borrow_mut().remove(&id)),
                    LoadState::Failed(_) => {}
                }
            }
            state.dispatch(Action::Remove(id));
        })
    };
    let on_undo = {
        let (state, store) = (state.clone(), store.clone());
        Callback::from(move |_| {
            if let Some((entry, _)) = &state.removed {
                library_store::restore_one(&store, entry);
            }
            state.dispatch(Action::Undo);
        })
    };
    let on_settings_change = dispatcher(&state, Action::SetSettings);
    let on_toggle_kind = dispatcher(&state, Action::ToggleKind);
    let on_focus = dispatcher(&state, |g: usize| Action::FocusGroup(Some(g)));
    let on_step = dispatcher(&state, Action::StepMention);
    let on_query = dispatcher(&state, Action::SetQuery);
    let on_sort = dispatcher(&state, Action::SetSort);
    let on_filter = dispatcher(&state, Action::FilterEntity);
    let on_drawer = dispatcher(&state, Action::ToggleDrawer);
    let open = |o: Overlay| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::Open(Some(o))))
    };
    let close = dispatcher(&state, |_: ()| Action::Open(None));
    let on_mention = {
        let state = state.clone();
        Callback::from(move |n: usize| {
            // Step from the current mention to mention n.
            let delta = n as i64 - state.focused_mention as i64;
            if delta != 0 {
                state.dispatch(Action::StepMention(delta as i32));
            } else if let Some(g) = state.focused_group {
                dom::scroll_to_mention(g, n);
            }
        })
    };

    let index = {
        let state = state.clone();
        use_memo(state.index_revision, move |_| entity_index(&state.entries))
    };
    let selected = state.selected_entry().cloned();
    let selected_doc = state.selected_doc().cloned();
    let on_export = {
        let state = state.clone();
        Callback::from(move |kind: ExportKind| export_now(&state, kind))
    };
    let visible = {
        let state = state.clone();
        use_memo((state.revision, state.query.clone(), state.entity_filter.clone(), state.sort), move |_| state.visible().into_iter().cloned().collect::<Vec<_>>())
    };
    let ready_count = state.entries.len();
    let (batch_total, batch_done) = state.batch;
    let drawer_class = state.drawer.map(|d| match d {
        Drawer::Library => "drawer-library",
        Drawer::Entities => "drawer-entities",
    });
    let read_aloud = match (&selected, &selected_doc) {
        (Some(entry), Some(doc)) => html! { <ReadAloud {ui} lang={doc.lang.code} article_key={entry.source.key()} /> },
        _ => html! {},
    };
    html! {
        <div class={classes!("app", state.dragging.then_some("dragging"), drawer_class, (!state.panel_open).then_some("panel-closed"))}
             data-testid="dropzone" style={state.settings.reader_style()} {ondragover} {ondragleave} {ondrop}>
            <a class="skip-link" href="#main">{t.skip_to_article}</a>
            <Toolbar {ui} {on_files} {on_folder} on_sample={on_sample.clone()} {on_drawer} drawer={state.drawer}
                     on_settings={open(Overlay::Settings)} on_help={open(Overlay::Help)}
                     has_article={selected_doc.is_some()} has_library={ready_count > 0} {on_export} {read_aloud} />
            if batch_total > 1 && batch_done < batch_total {
                <div class="batch-progress" role="status" data-testid="batch-progress">
                    <progress max={batch_total.to_string()} value={batch_done.to_string()} aria-label={t.library}></progress>
                    {fill(t.batch_reading, &[&ui.number(batch_done + 1), &ui.number(batch_total)])}
                </div>
            }
            if state.entries.is_empty() {
                <main class="layout single" id="main"><EmptyState {ui} on_sample={on_sample} /></main>
            } else {
                <div class="layout">
                    <Library {ui} entries={visible} total={state.entries.len()} selected={state.selected} query={state.query.clone()}
                             sort={state.sort} filter={state.entity_filter.clone()} index={index}
                             {on_select} {on_remove} {on_query} {on_sort} {on_filter} />
                    <main class="reader-pane" id="main" tabindex="-1">
                    { match selected {
                        Some(entry) => match entry.status.clone() {
                            LoadState::Ready(doc) => html! {
                                <>
                                    <Progress {ui} article_key={entry.source.key()} reading_time={doc.reading_time} />
                                    <Reader {ui} doc={doc.clone()} file_name={entry.name.clone()} shown_kinds={state.settings.shown_kinds.clone()}
                                            focused_group={state.focused_group} on_entity_click={on_focus.clone()} />
                                </>
                            },
                            LoadState::Loading { read, total } => html! {
                                <div class="reader placeholder" role="status">
                                    {fill(t.reading_named, &[&entry.name])}
                                    if total > files::CHUNK {
                                        <progress max={total.to_string()} value={read.to_string()}></progress>
                                        {fill(t.mb_of, &[&(read >> 20).to_string(), &(total >> 20).to_string()])}
                                    }
                                </div>
                            },
                            LoadState::Failed(reason) => html! {
                                <div class="reader placeholder failed">
                                    <h1>{fill(t.failed_title, &[&entry.name])}</h1>
                                    <p>{crate::i18n::reason(ui, &reason)}</p>
                                    <p>{t.failed_help}</p>
                                </div>
                            },
                        },
                        None => html! { <div class="reader placeholder">{t.pick_a_file}</div> },
                    } }
                    </main>
                    if let Some(doc) = selected_doc.clone() {
                        <EntityPanel {ui} {doc} shown_kinds={state.settings.shown_kinds.clone()} focused_group={state.focused_group}
                                     focused_mention={state.focused_mention} on_focus={on_focus} {on_toggle_kind} {on_step} {on_mention} />
                    }
                    if state.drawer.is_some() {
                        <button class="drawer-scrim" aria-label={t.close} onclick={dispatcher(&state, |_: MouseEvent| Action::CloseTop)}></button>
                    }
                </div>
            }
            { match state.overlay {
                Some(Overlay::Settings) => html! { <SettingsPanel settings={state.settings.clone()} on_change={on_settings_change} on_close={close} /> },
                Some(Overlay::Help) => html! { <Help {ui} on_close={close} /> },
                None => html! {},
            } }
            <Toast {ui} removed={state.removed.as_ref().map(|r| r.0.name.clone())} notice={state.notice} {on_undo}
                   on_dismiss_removed={dispatcher(&state, |_: ()| Action::ForgetRemoved)} on_dismiss_notice={dispatcher(&state, |_: ()| Action::DismissNotice)} />
            <div class="drop-overlay" aria-hidden={(!state.dragging).to_string()}>
                <div class="drop-message">{t.drop_here}</div>
            </div>
        </div>
    }
}

/// Make the chosen export of the open article or of the whole library, and offer it.
fn export_now(state: &AppState, kind: ExportKind) {
    let ui = state.settings.ui_lang;
    let ready: Vec<(String, Rc<lexo_core::Document>)> = state
        .entries
        .iter()
        .filter_map(|e| match &e.status {
            LoadState::Ready(doc) => Some((e.name.clone(), doc.clone())),
            _ => None,
        })
        .collect();
    let library: Vec<Named> = ready.iter().map(|(name, doc)| Named { name, doc }).collect();
    let one = state.selected_entry().zip(state.selected_doc()).map(|(e, doc)| (e.name.clone(), doc.clone()));
    let one_named = one.as_ref().map(|(name, doc)| Named { name, doc });
    let stem = one.as_ref().map_or("lexo".to_owned(), |(name, doc)| download::file_stem(doc.article.meta.title.as_deref().unwrap_or(name)));
    let label = |k| ui.kind_label(k).to_owned();
    let made = match (kind, one_named.as_ref()) {
        (ExportKind::EntitiesCsv, Some(n)) => Some((format!("{stem}-names.csv"), "text/csv;charset=utf-8", export::entities_csv(std::slice::from_ref(n)))),
        (ExportKind::EntitiesJson, Some(n)) => Some((format!("{stem}-names.json"), "application/json", export::entities_json(std::slice::from_ref(n)))),
        (ExportKind::Markdown, Some(n)) => Some((format!("{stem}.md"), "text/markdown;charset=utf-8", export::markdown(n))),
        (ExportKind::Html, Some(n)) => Some((format!("{stem}.html"), "text/html;charset=utf-8", export::html(n, &state.settings.shown_kinds, &label))),
        (ExportKind::LibraryCsv, _) => Some(("lexo-library-names.csv".into(), "text/csv;charset=utf-8", export::entities_csv(&library))),
        (ExportKind::LibraryJson, _) => Some(("lexo-library-names.json".into(), "application/json", export::entities_json(&library))),
        _ => None,
    };
    if let Some((name, mime, contents)) = made {
        if let Err(e) = download::offer(&name, mime, &contents) {
            web_sys::console::warn_1(&format!("Lexo: the download failed: {e}").into());
        }
    }
}
