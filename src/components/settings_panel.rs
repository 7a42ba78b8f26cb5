//! The settings dialog: theme, text size, font, line width and spacing, highlighted names,
//! interface language. Every change applies at once and is remembered.

use lexo_core::EntityKind;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::UiLang;
use crate::state::settings::{Choice, TEXT_SIZE_RANGE};
use crate::state::{FontFamily, LineHeight, LineWidth, Settings, Theme};

use super::dialog::Dialog;

#[derive(Properties, PartialEq)]
pub struct SettingsPanelProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
    pub on_close: Callback<()>,
}

/// A labelled select over a setting's values; `apply` writes the chosen value into settings.
fn select<C: Choice>(props: &SettingsPanelProps, id: &'static str, label: &'static str, current: C, apply: fn(&mut Settings, C)) -> Html {
    let t = props.settings.ui_lang.t();
    let settings = props.settings.clone();
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(v) = C::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
            let mut s = settings.clone();
            apply(&mut s, v);
            on_change.emit(s);
        }
    });
    html! {
        <div class="field">
            <label for={id}>{label}</label>
            <select {id} data-testid={id} {onchange}>
                { for C::ALL.iter().map(|c| html! { <option value={c.value()} selected={*c == current}>{c.label(t)}</option> }) }
            </select>
        </div>
    }
}

#[component]
pub fn SettingsPanel(props: &SettingsPanelProps) -> Html {
    let s = &props.settings;
    let t = s.ui_lang.t();
    let size = |delta: i8| {
        let next = s.with_text_size_step(delta);
        props.on_change.reform(move |_: MouseEvent| next.clone())
    };
    html! {
        <Dialog id="settings-dialog" testid="settings-panel" title={t.settings} close_label={t.close} on_close={props.on_close.clone()}>
            <div class="settings-grid">
                {select::<Theme>(props, "theme", t.theme, s.theme, |s, v| s.theme = v)}
                <div class="field">
                    <span id="text-size-label">{t.font_size}</span>
                    <div class="size-buttons" role="group" aria-labelledby="text-size-label">
                        <button class="button" data-testid="text-smaller" aria-label={format!("A− {}", t.smaller_text)} onclick={size(-1)} disabled={s.text_size <= TEXT_SIZE_RANGE.0}>{"A−"}</button>
                        <output data-testid="text-size">{format!("{}%", 100 + i32::from(s.text_size) * 10)}</output>
                        <button class="button" data-testid="text-larger" aria-label={format!("A+ {}", t.larger_text)} onclick={size(1)} disabled={s.text_size >= TEXT_SIZE_RANGE.1}>{"A+"}</button>
                    </div>
                </div>
                {select::<FontFamily>(props, "font-family", t.font_family, s.font, |s, v| s.font = v)}
                {select::<LineWidth>(props, "line-width", t.line_width, s.line_width, |s, v| s.line_width = v)}
                {select::<LineHeight>(props, "line-height", t.line_height, s.line_height, |s, v| s.line_height = v)}
                {select::<UiLang>(props, "ui-language", t.ui_language, s.ui_lang, |s, v| s.ui_lang = v)}
                <label class="field checkbox" for="shortcuts">
                    <span><input type="checkbox" id="shortcuts" data-testid="shortcuts" checked={s.shortcuts}
                           onchange={{ let mut next = s.clone(); next.shortcuts = !s.shortcuts; props.on_change.reform(move |_: Event| next.clone()) }} />
                    {" "}{t.shortcuts}</span>
                </label>
                <fieldset class="field kinds">
                    <legend>{t.highlighted_types}</legend>
                    { for EntityKind::ALL.iter().map(|&kind| {
                        let shown = s.shown_kinds.contains(&kind);
                        let mut next = s.clone();
                        if shown { next.shown_kinds.retain(|k| *k != kind) } else { next.shown_kinds.push(kind) }
                        let onchange = props.on_change.reform(move |_: Event| next.clone());
                        let id = format!("kind-{}", kind.code().to_lowercase());
                        html! {
                            <label class={classes!("kind-choice", format!("entity-{}", kind.code().to_lowercase()))} for={id.clone()}>
                                <input type="checkbox" {id} checked={shown} {onchange} />
                                <span class="swatch" aria-hidden="true"></span>{s.ui_lang.kind_label(kind)}
                            </label>
                        }
                    }) }
                </fieldset>
            </div>
        </Dialog>
    }
}
