//! Components rendered to HTML natively (Yew SSR): structure, test ids, escaping.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use lexo_core::EntityKind;
use lexo_web::components::{entity_panel::EntityPanelProps, library::LibraryProps, reader::ReaderProps, EntityPanel, Library, Reader};
use lexo_web::state::{Entry, LoadState};
use yew::{Callback, LocalServerRenderer};

const ARTICLE: &str = "Bota\n\nKryeministri Edi Rama takon homologun në Athinë sot\n\nEdi Rama mbërriti në Athinë të hënën. Rama tha se Greqia është partnere.\n\nLexo më shumë  Diçka tjetër\n\n<script>alert('x')</script> <img src=https://tracker.example/p.gif> dhe teksti vazhdon.\n\nGazeta Jonë\n\nYouTube player";

fn doc() -> Rc<lexo_core::Document> {
    Rc::new(lexo_core::read(ARTICLE.as_bytes(), "a.txt", lexo_core::EntityData::embedded()).unwrap())
}

async fn render_reader() -> String {
    let props = ReaderProps { doc: doc(), file_name: "a.txt".into(), shown_kinds: EntityKind::ALL.to_vec(), focused_group: None, on_entity_click: Callback::noop() };
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
    let props = EntityPanelProps { doc: doc(), shown_kinds: EntityKind::ALL.to_vec(), focused_group: None, on_focus: Callback::noop(), on_toggle_kind: Callback::noop() };
    let html = LocalServerRenderer::<EntityPanel>::with_props(props).hydratable(false).render().await;
    assert!(html.contains(r#"data-testid="entity-panel""#));
    // "Edi Rama" and "Rama" are one person.
    assert!(html.contains(r#"<span class="name">Edi Rama</span><span class="count">2</span>"#), "{html}");
    assert!(!html.contains(r#"<span class="name">Rama</span>"#));
}

#[tokio::test]
async fn library_lists_files_and_names_failures() {
    let entries = vec![
        Entry { id: 1, name: "a.txt".into(), status: LoadState::Ready(doc()) },
        Entry { id: 2, name: "scan.pdf".into(), status: LoadState::Failed("not supported: PDF document".into()) },
    ];
    let props = LibraryProps { entries, selected: Some(1), on_select: Callback::noop(), on_remove: Callback::noop() };
    let html = LocalServerRenderer::<Library>::with_props(props).hydratable(false).render().await;
    assert_eq!(html.matches(r#"data-testid="library-item""#).count(), 2);
    assert!(html.contains("Could not read scan.pdf: not supported: PDF document"));
}

#[tokio::test]
async fn a_cut_article_says_so() {
    let text = format!("Titull i gjatë i lajmit\n\n{}", "Fjali e shkurtër në Tiranë.\n\n".repeat(200_000));
    let doc = Rc::new(lexo_core::read(text.as_bytes(), "i-madh.txt", lexo_core::EntityData::embedded()).unwrap());
    assert!(doc.article.meta.truncated.is_some());
    let props = ReaderProps { doc, file_name: "i-madh.txt".into(), shown_kinds: EntityKind::ALL.to_vec(), focused_group: None, on_entity_click: Callback::noop() };
    let html = LocalServerRenderer::<Reader>::with_props(props).hydratable(false).render().await;
    assert!(html.contains(r#"data-testid="truncated-notice" class="notice">Only the beginning is shown: this file (6.1 MB) is longer than Lexo reads at once (16 MB of a file, 1,000,000 characters of text)."#), "{}", &html[..600]);
    // An article read whole says nothing of the kind.
    assert!(!render_reader().await.contains("truncated-notice"));
}
