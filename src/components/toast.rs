//! Messages at the foot of the page: "Removed … Undo", and storage trouble (said once).

use yew::prelude::*;

use crate::i18n::{fill, UiLang};
use crate::state::Notice;

#[derive(Properties, PartialEq)]
pub struct ToastProps {
    pub ui: UiLang,
    /// Name of the last removed entry, while it can be undone.
    pub removed: Option<String>,
    pub notice: Option<Notice>,
    pub on_undo: Callback<()>,
    pub on_dismiss_removed: Callback<()>,
    pub on_dismiss_notice: Callback<()>,
}

#[component]
pub fn Toast(props: &ToastProps) -> Html {
    let t = props.ui.t();
    html! {
        <div class="toasts" role="status" aria-live="polite">
            if let Some(name) = &props.removed {
                <div class="toast" data-testid="undo-toast">
                    <span>{fill(t.removed_named, &[name])}</span>
                    <button class="button primary" data-testid="undo" onclick={props.on_undo.reform(|_: MouseEvent| ())}>{t.undo}</button>
                    <button class="button" aria-label={t.dismiss} onclick={props.on_dismiss_removed.reform(|_: MouseEvent| ())}>{"×"}</button>
                </div>
            }
            if let Some(notice) = props.notice {
                <div class="toast notice" data-testid="storage-notice">
                    <span>{ match notice { Notice::StorageUnavailable => t.storage_unavailable, Notice::StorageFull => t.storage_full } }</span>
                    <button class="button" onclick={props.on_dismiss_notice.reform(|_: MouseEvent| ())}>{t.dismiss}</button>
                </div>
            }
        </div>
    }
}
