//! Components rendered to HTML natively (Yew SSR): structure, test ids, escaping.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use lexo_core::EntityKind;
use lexo_web::components::help::HelpProps;
use lexo_web::components::settings_panel::SettingsPanelProps;
use lexo_web::components::{entity_panel::EntityPanelProps, library::LibraryProps, reader::ReaderProps, EntityPanel, Help, Library, Reader, SettingsPanel};
use lexo_web::i18n::UiLang;
use lexo_web::state::library::entity_index;
use lexo_web::state::{Entry, LoadState, Settings, SortKey, Source};
use yew::{Callback, LocalServerRenderer};

const ARTICLE: &str = "Bota\n\nKryeministri Edi Rama takon homologun në Athinë sot\n\nEdi Rama mbërriti në Athinë të hënën. Rama tha se Greqia është partnere.\n\nLexo më shumë  Diçka tjetër\n\n<script>alert('x')</script> <img src=https://tracker.example/p.gif> dhe teksti vazhdon.\n\nGazeta Jonë\n\nYouTube player";

fn doc() -> Rc<lexo_core::Document> {
    Rc::new(lexo_core::read(ARTICLE.as_bytes(), "a.txt", lexo_core::EntityData::embedded()).unwrap())
}

async fn render_reader() -> String {
    let props = ReaderProps { ui: UiLang::En, doc: doc(), file_name: "a.txt".into(), shown_kinds: EntityKind::ALL.to_vec(), focused_group: None, on_entity_click: Callback::noop() };
    LocalServerRenderer::<Reader>::with_props(props).hydratable(false).render().await
}

#[tokio::test]
async fn reader_shows_header_body_and_marks() {
    let html = render_reader().await;
    assert!(html.contains(r#"data-testid="article-section" class="section">Bota<"#), "{html}");
    assert!(html.contains(r#"data-testid="article-title">Kryeministri Edi Rama takon homologun në Athinë sot<"#));
    assert!(html.contains(r#"class="reading-time">~1 min<"#));
    assert!(html.contains(r#"<span class="site">Gazeta Jonë</span>"#));
    let per = r#"<mark data-testid="entity" data-type="PER" data-group="0" title="Person" class="entity entity-per">"#;
    assert_eq!(html.matches(per).count(), 2, "Edi Rama and Rama");
    assert!(html.contains(&format!("{per}Edi Rama</mark>")));
    assert!(html.contains(r#"data-type="LOC""#) && html.contains(r#"entity-loc">Athinë</mark>"#));
    assert!(!html.contains("YouTube player") && !html.contains("Lexo më shumë"));
    assert!(html.contains("Diçka tjetër"), "teaser kept in the related list");
}

#[tokio::test]
async fn article_markup_is_text_never_html() {
    let html = render_reader().await;
    assert!(!html.contains("<script>") && !html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn entity_panel_groups_inflected_mentions_with_counts() {
    let html = render_panel(UiLang::En, None).await;
    assert!(html.contains(r#"data-testid="entity-panel""#));
    // "Edi Rama" and "Rama" are one person.
    assert!(html.contains(r#"<span class="name">Edi Rama</span><span class="count">2</span>"#), "{html}");
    assert!(!html.contains(r#"<span class="name">Rama</span>"#));
}

async fn render_panel(ui: UiLang, focused_group: Option<usize>) -> String {
    let props = EntityPanelProps {
        ui,
        doc: doc(),
        shown_kinds: EntityKind::ALL.to_vec(),
        focused_group,
        focused_mention: 1,
        on_focus: Callback::noop(),
        on_toggle_kind: Callback::noop(),
        on_step: Callback::noop(),
        on_mention: Callback::noop(),
    };
    LocalServerRenderer::<EntityPanel>::with_props(props).hydratable(false).render().await
}

#[tokio::test]
async fn the_chosen_entity_shows_its_mentions_in_context() {
    let html = render_panel(UiLang::Sq, Some(0)).await;
    assert!(html.contains(r#"data-testid="mentions""#), "{html}");
    assert_eq!(html.matches(r#"<button class="context-line">"#).count(), 2, "Edi Rama and Rama: {html}");
    assert!(html.contains("<b>Rama</b>"));
    assert!(html.contains(">2 nga 2<"), "the second mention is the current one, in Albanian: {html}");
    assert!(html.contains("Përmendja tjetër"));
}

fn entry(id: u32, name: &str, status: LoadState) -> Entry {
    Entry { id, name: name.into(), status, added: f64::from(id), source: Source { file: format!("f{id}").into(), index: 0 }, haystack: "".into() }
}

async fn render_library(ui: UiLang) -> String {
    let entries = vec![entry(1, "a.txt", LoadState::Ready(doc())), entry(2, "scan.pdf", LoadState::Failed("not supported: PDF document".into()))];
    let index = Rc::new(entity_index(&entries));
    let props = LibraryProps {
        ui,
        entries: Rc::new(entries),
        total: 3,
        selected: Some(1),
        query: "rama".into(),
        sort: SortKey::Title,
        filter: None,
        index,
        on_select: Callback::noop(),
        on_remove: Callback::noop(),
        on_query: Callback::noop(),
        on_sort: Callback::noop(),
        on_filter: Callback::noop(),
    };
    LocalServerRenderer::<Library>::with_props(props).hydratable(false).render().await
}

#[tokio::test]
async fn library_lists_files_names_failures_and_the_entity_index() {
    let html = render_library(UiLang::En).await;
    assert_eq!(html.matches(r#"data-testid="library-item""#).count(), 2);
    assert!(html.contains("Could not read scan.pdf: not supported: PDF document"));
    assert!(html.contains(r#"data-testid="library-search""#) && html.contains(r#"value="rama""#), "{html}");
    assert!(html.contains(r#"<option value="title" selected"#), "{html}");
    assert!(html.contains("2 of 3"));
    assert!(html.contains(r#"data-testid="entity-index""#));
    assert!(html.contains(r#"<span class="name">Edi Rama</span>"#) && html.contains("in 1 article<"), "{html}");
}

#[tokio::test]
async fn a_large_library_renders_a_page_of_rows_and_offers_more() {
    let d = doc();
    let entries: Vec<Entry> = (1..=1_205).map(|i| entry(i, &format!("a{i}.txt"), LoadState::Ready(d.clone()))).collect();
    let props = LibraryProps {
        ui: UiLang::En,
        entries: Rc::new(entries),
        total: 1_205,
        selected: Some(1_100),
        query: String::new(),
        sort: SortKey::Added,
        filter: None,
        index: Rc::new(Vec::new()),
        on_select: Callback::noop(),
        on_remove: Callback::noop(),
        on_query: Callback::noop(),
        on_sort: Callback::noop(),
        on_filter: Callback::noop(),
    };
    let html = LocalServerRenderer::<Library>::with_props(props).hydratable(false).render().await;
    assert_eq!(html.matches(r#"data-testid="library-item""#).count(), 1_100, "rows up to the selected one");
    assert!(html.contains(r#"data-testid="show-more""#) && html.contains(">Show 105 more<"), "{}", &html[html.len() - 400..]);
}

#[tokio::test]
async fn the_interface_speaks_albanian() {
    let html = render_library(UiLang::Sq).await;
    assert!(html.contains("scan.pdf nuk u lexua: nuk mbështetet: PDF document"), "{html}");
    assert!(html.contains(r#"placeholder="Kërko në tituj dhe tekst""#));
    assert!(html.contains("Emrat në të gjithë bibliotekën"));
    assert!(!html.contains("Could not read"));
    let reader = LocalServerRenderer::<Reader>::with_props(ReaderProps {
        ui: UiLang::Sq,
        doc: doc(),
        file_name: "a.txt".into(),
        shown_kinds: EntityKind::ALL.to_vec(),
        focused_group: None,
        on_entity_click: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(reader.contains(">shqip<") && reader.contains(" fjalë<") && reader.contains(">tekst i thjeshtë<"), "{reader}");
}

#[tokio::test]
async fn settings_and_help_are_labelled_dialogs() {
    let settings = Settings { ui_lang: UiLang::Sq, ..Settings::default() };
    let html = LocalServerRenderer::<SettingsPanel>::with_props(SettingsPanelProps { settings, on_change: Callback::noop(), on_close: Callback::noop() })
        .hydratable(false)
        .render()
        .await;
    for id in ["theme", "font-family", "line-width", "line-height", "ui-language"] {
        assert!(html.contains(&format!(r#"<label for="{id}">"#)) && html.contains(&format!(r#"id="{id}" data-testid="{id}""#)), "{id}: {html}");
    }
    assert!(html.contains(r#"<dialog aria-labelledby="settings-dialog-title" id="settings-dialog""#), "{html}");
    assert!(html.contains(">E errët<") && html.contains(">Shqip<"));
    let help = LocalServerRenderer::<Help>::with_props(HelpProps { ui: UiLang::En, on_close: Callback::noop() }).hydratable(false).render().await;
    assert!(help.contains("<kbd>?</kbd>") && help.contains("Next mention of the chosen name"), "{help}");
}

#[tokio::test]
async fn a_cut_article_says_so() {
    let text = format!("Titull i gjatë i lajmit\n\n{}", "Fjali e shkurtër në Tiranë.\n\n".repeat(200_000));
    let doc = Rc::new(lexo_core::read(text.as_bytes(), "i-madh.txt", lexo_core::EntityData::embedded()).unwrap());
    assert!(doc.article.meta.truncated.is_some());
    let props = ReaderProps { ui: UiLang::En, doc, file_name: "i-madh.txt".into(), shown_kinds: EntityKind::ALL.to_vec(), focused_group: None, on_entity_click: Callback::noop() };
    let html = LocalServerRenderer::<Reader>::with_props(props).hydratable(false).render().await;
    assert!(html.contains(r#"data-testid="truncated-notice" class="notice">Only the beginning is shown: this file (6.1 MB) is longer than Lexo reads at once (16 MB of a file, 1,000,000 characters of text)."#), "{}", &html[..600]);
    // An article read whole says nothing of the kind.
    assert!(!render_reader().await.contains("truncated-notice"));
}
