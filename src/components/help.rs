//! The keys, listed (opened with `?`).

use yew::prelude::*;

use crate::i18n::UiLang;

use super::dialog::Dialog;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub ui: UiLang,
    pub on_close: Callback<()>,
}

/// The keys the app answers (see `app::key_action`), with what each does.
pub fn keys(ui: UiLang) -> Vec<(&'static [&'static str], &'static str)> {
    let t = ui.t();
    vec![
        (&["j"], t.key_next_article),
        (&["k"], t.key_prev_article),
        (&["n"], t.key_next_mention),
        (&["p"], t.key_prev_mention),
        (&["/"], t.key_search),
        (&["e"], t.key_panel),
        (&[","], t.key_settings),
        (&["?"], t.key_help),
        (&["Esc"], t.key_close),
    ]
}

#[component]
pub fn Help(props: &HelpProps) -> Html {
    let t = props.ui.t();
    html! {
        <Dialog id="help-dialog" testid="help-overlay" title={t.keys_title} close_label={t.close} on_close={props.on_close.clone()}>
            <dl class="keys">
                { for keys(props.ui).into_iter().map(|(ks, what)| html! {
                    <>
                        <dt>{ for ks.iter().enumerate().map(|(i, k)| html! { <>{if i > 0 { " / " } else { "" }}<kbd>{*k}</kbd></> }) }</dt>
                        <dd>{what}</dd>
                    </>
                }) }
            </dl>
        </Dialog>
    }
}
