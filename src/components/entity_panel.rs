//! Side panel: the article's entities grouped by type, with counts; a click marks a group.

use std::rc::Rc;

use lexo_core::{Document, EntityKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    pub doc: Rc<Document>,
    pub shown_kinds: Vec<EntityKind>,
    pub focused_group: Option<usize>,
    pub on_focus: Callback<usize>,
    pub on_toggle_kind: Callback<EntityKind>,
}

#[component]
pub fn EntityPanel(props: &EntityPanelProps) -> Html {
    let groups = &props.doc.entities.groups;
    html! {
        <aside class="entity-panel" data-testid="entity-panel" aria-label="Named entities">
            <h2>{"Entities"}</h2>
            <div class="legend" role="group" aria-label="Show or hide entity types">
                { for EntityKind::ALL.iter().map(|&kind| {
                    let shown = props.shown_kinds.contains(&kind);
                    let n: usize = groups.iter().filter(|g| g.kind == kind).map(|g| g.count).sum();
                    let onclick = props.on_toggle_kind.reform(move |_: MouseEvent| kind);
                    html! {
                        <button class={classes!("legend-item", format!("entity-{}", kind.code().to_lowercase()), (!shown).then_some("off"))}
                                aria-pressed={shown.to_string()} {onclick} title={format!("Show or hide {}", kind.label().to_lowercase())}>
                            <span class="swatch"></span>{kind.label()}<span class="count">{n}</span>
                        </button>
                    }
                }) }
            </div>
            if groups.is_empty() {
                <p class="empty-note">{"No names found in this article."}</p>
            }
            { for EntityKind::ALL.iter().filter(|k| groups.iter().any(|g| g.kind == **k)).map(|&kind| {
                let mut of_kind: Vec<_> = groups.iter().filter(|g| g.kind == kind).collect();
                of_kind.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
                html! {
                    <section class="entity-group-list">
                        <h3 class={format!("entity-{}", kind.code().to_lowercase())}>{kind.label()}</h3>
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
