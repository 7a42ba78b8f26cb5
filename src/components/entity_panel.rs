//! Side panel: the article's entities grouped by type, with counts; a click marks a group, and
//! the chosen one's mentions are listed in context with next/previous.

use std::rc::Rc;

use lexo_core::{Document, EntityKind};
use yew::prelude::*;

use crate::i18n::{fill, UiLang};

/// Chars of context either side of a mention.
const CONTEXT: usize = 50;

#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    pub ui: UiLang,
    pub doc: Rc<Document>,
    pub shown_kinds: Vec<EntityKind>,
    pub focused_group: Option<usize>,
    pub focused_mention: usize,
    pub on_focus: Callback<usize>,
    pub on_toggle_kind: Callback<EntityKind>,
    /// −1 / +1: previous / next mention of the focused entity.
    pub on_step: Callback<i32>,
    /// Jump to mention `n` of the focused entity.
    pub on_mention: Callback<usize>,
}

/// A line of text around chars `start..end` of `text`: (before, mention, after), on word
/// boundaries where it can.
pub fn context(chars: &[char], start: usize, end: usize) -> (String, String, String) {
    let end = end.min(chars.len());
    let start = start.min(end);
    let mut from = start.saturating_sub(CONTEXT);
    let mut to = (end + CONTEXT).min(chars.len());
    while from > 0 && from < start && !chars[from - 1].is_whitespace() {
        from += 1;
    }
    while to < chars.len() && to > end && !chars[to].is_whitespace() {
        to -= 1;
    }
    let clean = |s: &[char]| s.iter().map(|c| if c.is_whitespace() { ' ' } else { *c }).collect::<String>();
    let before = format!("{}{}", if from > 0 { "…" } else { "" }, clean(&chars[from..start]).trim_start());
    let after = format!("{}{}", clean(&chars[end..to]).trim_end(), if to < chars.len() { "…" } else { "" });
    (before, chars[start..end].iter().collect(), after)
}

#[component]
pub fn EntityPanel(props: &EntityPanelProps) -> Html {
    let t = props.ui.t();
    let ui = props.ui;
    let groups = &props.doc.entities.groups;
    let focused = props.focused_group.and_then(|g| groups.iter().find(|x| x.id == g));
    let mentions_in_context = focused.map(|g| {
        let chars: Vec<char> = props.doc.text.chars().collect();
        let mentions: Vec<_> = props.doc.entities.mentions.iter().filter(|m| m.group == g.id).collect();
        let n = mentions.len();
        html! {
            <section class="mentions" data-testid="mentions" aria-labelledby="mentions-title">
                <h3 id="mentions-title" class={format!("entity-{}", g.kind.code().to_lowercase())}>{format!("{} — {}", g.name, t.mentions_in_context)}</h3>
                <div class="stepper">
                    <button class="button" data-testid="previous-mention" onclick={props.on_step.reform(|_: MouseEvent| -1)} aria-keyshortcuts="p">{"‹ "}{t.previous_mention}</button>
                    <span class="position" aria-live="polite">{fill(t.mention_of, &[&ui.number(props.focused_mention.min(n.saturating_sub(1)) + 1), &ui.number(n)])}</span>
                    <button class="button" data-testid="next-mention" onclick={props.on_step.reform(|_: MouseEvent| 1)} aria-keyshortcuts="n">{t.next_mention}{" ›"}</button>
                </div>
                <ol class="context-list">
                { for mentions.iter().enumerate().map(|(i, m)| {
                    let (before, hit, after) = context(&chars, m.start, m.end);
                    let onclick = props.on_mention.reform(move |_: MouseEvent| i);
                    html! {
                        <li class={classes!((i == props.focused_mention).then_some("current"))}>
                            <button class="context-line" {onclick}>{before}<b>{hit}</b>{after}</button>
                        </li>
                    }
                }) }
                </ol>
            </section>
        }
    });
    html! {
        <aside class="entity-panel" data-testid="entity-panel" aria-label={t.entities_label} id="entity-panel">
            <h2>{t.entities}</h2>
            <div class="legend" role="group" aria-label={t.show_hide_types}>
                { for EntityKind::ALL.iter().map(|&kind| {
                    let shown = props.shown_kinds.contains(&kind);
                    let n: usize = groups.iter().filter(|g| g.kind == kind).map(|g| g.count).sum();
                    let onclick = props.on_toggle_kind.reform(move |_: MouseEvent| kind);
                    let label = ui.kind_label(kind);
                    html! {
                        <button class={classes!("legend-item", format!("entity-{}", kind.code().to_lowercase()), (!shown).then_some("off"))}
                                aria-pressed={shown.to_string()} {onclick} title={fill(t.show_hide_type, &[label])}>
                            <span class="swatch" aria-hidden="true"></span>{label}<span class="count">{n}</span>
                        </button>
                    }
                }) }
            </div>
            {mentions_in_context.unwrap_or_default()}
            if groups.is_empty() {
                <p class="empty-note">{t.no_names}</p>
            }
            { for EntityKind::ALL.iter().filter(|k| groups.iter().any(|g| g.kind == **k)).map(|&kind| {
                let mut of_kind: Vec<_> = groups.iter().filter(|g| g.kind == kind).collect();
                of_kind.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
                html! {
                    <section class="entity-group-list">
                        <h3 class={format!("entity-{}", kind.code().to_lowercase())}>{ui.kind_label(kind)}</h3>
                        <ul>
                        { for of_kind.into_iter().map(|g| {
                            let id = g.id;
                            let focused = props.focused_group == Some(id);
                            let onclick = props.on_focus.reform(move |_: MouseEvent| id);
                            html! {
                                <li>
                                    <button class={classes!("entity-link", focused.then_some("focused"))} data-group={id.to_string()}
                                            aria-pressed={focused.to_string()} {onclick}>
                                        <span class="name">{&g.name}</span><span class="count">{g.count}</span>
                                    </button>
                                </li>
                            }
                        }) }
                        </ul>
                    </section>
                }
            }) }
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::context;

    #[test]
    fn context_cuts_at_word_boundaries() {
        let text: Vec<char> = "Një fjali shumë e gjatë me shumë fjalë para emrit ku më në fund përmendet Edi Rama dhe pastaj vazhdon teksti edhe më gjatë se sa duhet këtu.".chars().collect();
        let start = text.iter().collect::<String>().find("Edi Rama").unwrap();
        let start = text.iter().collect::<String>()[..start].chars().count();
        let (before, hit, after) = context(&text, start, start + 8);
        assert_eq!(hit, "Edi Rama");
        assert!(before.starts_with('…') && before.ends_with("përmendet "), "{before}");
        assert!(after.starts_with(" dhe") && after.ends_with('…'), "{after}");
        assert!(!before[3..].starts_with(' '));
    }
}
