//! A modal dialog: a native `<dialog>` opened with `showModal()`, so the page behind is inert
//! and focus stays inside; labelled by its title; closed by its button, Escape (the app's keys:
//! the browser's own cancel is held back so state stays the one truth) or a click on the
//! backdrop; focus goes back to what had it before.

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub close_label: AttrValue,
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub testid: AttrValue,
    pub children: Html,
}

#[component]
pub fn Dialog(props: &DialogProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let before = gloo::utils::document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                // Not in every test renderer (SSR has no DOM); a plain open dialog then.
                if d.show_modal().is_err() {
                    d.set_open(true);
                }
            }
            move || {
                if let Some(el) = before {
                    let _ = el.focus();
                }
            }
        });
    }
    let on_backdrop = {
        let on_close = props.on_close.clone();
        let dialog = dialog.clone();
        Callback::from(move |e: MouseEvent| {
            // A click on the backdrop lands on the <dialog> itself, not on its content.
            let on_dialog = e.target().zip(dialog.get()).is_some_and(|(t, d)| t.dyn_ref::<web_sys::Node>().is_some_and(|t| t.is_same_node(Some(&d))));
            if on_dialog {
                on_close.emit(());
            }
        })
    };
    let on_cancel = Callback::from(|e: Event| e.prevent_default());
    let title_id = format!("{}-title", props.id);
    html! {
        <dialog class="dialog" aria-labelledby={title_id.clone()} id={props.id.clone()} data-testid={props.testid.clone()}
                ref={dialog} onclick={on_backdrop} oncancel={on_cancel}>
            <div class="dialog-content">
                <div class="dialog-header">
                    <h2 id={title_id}>{props.title.clone()}</h2>
                    <button class="button" onclick={props.on_close.reform(|_: MouseEvent| ())}>{props.close_label.clone()}</button>
                </div>
                {props.children.clone()}
            </div>
        </dialog>
    }
}
