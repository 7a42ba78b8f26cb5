//! A modal dialog: labelled, focus moved into it on open, closed by its button, Escape (the
//! app's keys) or a click on the backdrop.

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
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with((), move |_| {
            if let Some(el) = panel.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let on_backdrop = props.on_close.reform(|_: MouseEvent| ());
    let title_id = format!("{}-title", props.id);
    html! {
        <div class="backdrop" onclick={on_backdrop}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby={title_id.clone()} id={props.id.clone()}
                 data-testid={props.testid.clone()} tabindex="-1" ref={panel} onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <div class="dialog-header">
                    <h2 id={title_id}>{props.title.clone()}</h2>
                    <button class="button" onclick={props.on_close.reform(|_: MouseEvent| ())}>{props.close_label.clone()}</button>
                </div>
                {props.children.clone()}
            </div>
        </div>
    }
}
