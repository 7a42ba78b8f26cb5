//! The names of the whole library: which people, places, organisations and other names occur
//! in how many articles; choosing one filters the library to them (and marks it in each).

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{fill, UiLang};
use crate::state::library::IndexedEntity;
use crate::state::EntityKey;

/// Names listed at most (the most widespread); the export has them all.
const SHOWN: usize = 150;

#[derive(Properties, PartialEq)]
pub struct EntityIndexProps {
    pub ui: UiLang,
    pub index: Rc<Vec<IndexedEntity>>,
    pub filter: Option<EntityKey>,
    pub on_filter: Callback<Option<EntityKey>>,
}

#[component]
pub fn EntityIndex(props: &EntityIndexProps) -> Html {
    let t = props.ui.t();
    if props.index.is_empty() {
        return html! {};
    }
    html! {
        <section class="entity-index" aria-labelledby="entity-index-title">
            <h2 id="entity-index-title">{t.entity_index}</h2>
            <p class="hint">{t.entity_index_hint}</p>
            <ul data-testid="entity-index">
            { for props.index.iter().take(SHOWN).map(|e| {
                let key = e.key.clone();
                let chosen = props.filter.as_ref() == Some(&e.key);
                let onclick = props.on_filter.reform(move |_: MouseEvent| Some(key.clone()));
                let kind = e.key.kind;
                html! {
                    <li>
                        <button class={classes!("index-entry", format!("entity-{}", kind.code().to_lowercase()), chosen.then_some("chosen"))}
                                aria-pressed={chosen.to_string()} data-type={kind.code()} {onclick}>
                            <span class="kind-tag" aria-label={props.ui.kind_label(kind)}>{kind.code()}</span>
                            <span class="name">{&e.name}</span>
                            <span class="count">
                                { if e.articles.len() == 1 { t.in_one_article.to_owned() } else { fill(t.in_articles, &[&props.ui.number(e.articles.len())]) } }
                            </span>
                        </button>
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}
