//! The library: search, sort, the list of articles (and of files being read or that failed),
//! the filter by a name, and the index of names across the library.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{fill, UiLang};
use crate::state::library::IndexedEntity;
use crate::state::{EntityKey, Entry, LoadState, SortKey};

use super::entity_index::EntityIndex;

/// Rows rendered at first, and added by each "show more": a library of many thousands stays
/// quick to render (the selected article is always rendered, wherever it is).
const ROWS: usize = 1000;

/// Rows put on screen per task: a folder of 500 files listed at once is drawn over a few frames
/// (one 500-row render held the page for 220 ms), the page answering in between.
const ROWS_PER_PAINT: usize = 100;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub ui: UiLang,
    /// The entries as listed (searched, filtered, sorted).
    pub entries: Rc<Vec<Entry>>,
    pub total: usize,
    pub selected: Option<u32>,
    pub query: String,
    pub sort: SortKey,
    pub filter: Option<EntityKey>,
    pub index: Rc<Vec<IndexedEntity>>,
    pub on_select: Callback<u32>,
    pub on_remove: Callback<u32>,
    pub on_query: Callback<String>,
    pub on_sort: Callback<SortKey>,
    pub on_filter: Callback<Option<EntityKey>>,
}

#[component]
pub fn Library(props: &LibraryProps) -> Html {
    let t = props.ui.t();
    let on_query = props.on_query.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let on_sort = {
        let cb = props.on_sort.clone();
        Callback::from(move |e: Event| {
            if let Some(k) = SortKey::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                cb.emit(k);
            }
        })
    };
    let sort_label = |k: SortKey| match k {
        SortKey::Added => t.sort_added,
        SortKey::Title => t.sort_title,
        SortKey::Date => t.sort_date,
        SortKey::ReadingTime => t.sort_reading_time,
    };
    let rows = use_state(|| ROWS);
    {
        let rows = rows.clone();
        use_effect_with((props.query.clone(), props.filter.clone(), props.sort), move |_| rows.set(ROWS));
    }
    let selected_at = props.selected.and_then(|id| props.entries.iter().position(|e| e.id == id));
    let limit = (*rows).max(selected_at.map_or(0, |p| p + 1));
    let more = props.entries.len().saturating_sub(limit);
    // How many of those rows are drawn yet: the rest follow, ROWS_PER_PAINT a task.
    let painted = use_state(|| ROWS_PER_PAINT);
    let wanted = limit.min(props.entries.len());
    {
        let painted = painted.clone();
        use_effect_with((*painted, wanted), move |&(now, wanted)| {
            let next = (now < wanted).then(|| gloo::timers::callback::Timeout::new(0, move || painted.set(now + ROWS_PER_PAINT)));
            move || drop(next)
        });
    }
    let drawn = limit.min((*painted).max(selected_at.map_or(0, |p| p + 1)));
    let on_more = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| rows.set(limit + ROWS))
    };
    let filter_name = props.filter.as_ref().map(|k| props.index.iter().find(|e| &e.key == k).map_or(k.name.clone(), |e| e.name.clone()));
    html! {
        <nav class="library" aria-label={t.library_label} id="library">
            <h2>{t.library}</h2>
            <div class="library-tools" role="search">
                <label class="visually-hidden" for="library-search">{t.search}</label>
                <input id="library-search" type="search" data-testid="library-search" placeholder={t.search_placeholder}
                       value={props.query.clone()} oninput={on_query} aria-keyshortcuts="/" autocomplete="off" />
                <label class="sort">
                    <span class="visually-hidden">{t.sort}</span>
                    <select data-testid="library-sort" onchange={on_sort} aria-label={t.sort}>
                        { for SortKey::ALL.iter().map(|k| html! { <option value={k.value()} selected={*k == props.sort}>{sort_label(*k)}</option> }) }
                    </select>
                </label>
            </div>
            if let Some(name) = filter_name {
                <p class="filter-banner" data-testid="entity-filter" role="status">
                    <span>{fill(t.filtered_by, &[&name])}</span>
                    <button class="link-button" onclick={props.on_filter.reform(|_: MouseEvent| None)}>{t.show_all}</button>
                </p>
            }
            if props.entries.len() < props.total {
                <p class="count-line" role="status">{fill(t.shown_of, &[&props.ui.number(props.entries.len()), &props.ui.number(props.total)])}</p>
            }
            if props.entries.is_empty() {
                <p class="empty-note">{t.no_match}</p>
            }
            <ul class="library-list">
            { for props.entries.iter().take(drawn).map(|e| item(props, e)) }
            </ul>
            if more > 0 {
                <button class="button show-more" data-testid="show-more" onclick={on_more}>{fill(t.show_more, &[&props.ui.number(more.min(ROWS))])}</button>
            }
            <EntityIndex ui={props.ui} index={props.index.clone()} filter={props.filter.clone()} on_filter={props.on_filter.clone()} />
        </nav>
    }
}

fn item(props: &LibraryProps, e: &Entry) -> Html {
    let t = props.ui.t();
    let ui = props.ui;
    let id = e.id;
    let selected = props.selected == Some(id);
    let on_select = props.on_select.reform(move |_: MouseEvent| id);
    let on_remove = props.on_remove.reform(move |ev: MouseEvent| {
        ev.stop_propagation();
        id
    });
    let (label, detail) = match &e.status {
        LoadState::Loading { .. } => (e.name.clone(), html! { <span class="status">{t.reading}</span> }),
        LoadState::Ready(doc) => {
            let source = doc.article.meta.site.as_deref().map_or(e.name.clone(), |site| format!("{site} · {}", e.name));
            let n = doc.entities.groups.len();
            let names = if n == 1 { t.one_name.to_owned() } else { fill(t.names_count, &[&ui.number(n)]) };
            let added = fill(t.added_on, &[&ui.date_of_ms(e.added)]);
            (
                doc.article.meta.title.clone().unwrap_or_else(|| e.name.clone()),
                html! {
                    <span class="status">
                        {format!("{source} · {} · {} · {names}", ui.language_name(doc.lang.code), doc.reading_time.label())}
                        <br />{added}
                    </span>
                },
            )
        }
        LoadState::Failed(reason) => (
            e.name.clone(),
            html! { <span class="error" data-testid="error">{fill(t.could_not_read_named, &[&e.name, &crate::i18n::reason(ui, reason)])}</span> },
        ),
    };
    html! {
        <li class={classes!("library-item", selected.then_some("selected"), matches!(e.status, LoadState::Failed(_)).then_some("failed"))}
            data-testid="library-item">
            <button class="open" onclick={on_select} aria-current={selected.then_some("true")}>
                <span class="label">{label}</span>{detail}
            </button>
            <button class="remove" onclick={on_remove} aria-label={fill(t.remove_named, &[&e.name])} title={t.remove}>{"×"}</button>
        </li>
    }
}
