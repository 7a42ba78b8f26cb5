//! The app in a real browser (wasm-bindgen-test, headless Chromium): mount, drop files, read.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::*;
use web_sys::{DataTransfer, DragEvent, DragEventInit, Element, File};

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = "Sport\n\nSkuadra e Tiranës fiton kupën pas dhjetë vitesh\n\nTrajneri Ardit Berisha tha në Durrës se fitorja i takon tifozëve.\n\nLexo më shumë  Një tjetër lajm\n\nBerisha falënderoi Federatën Shqiptare të Futbollit.\n\nRadio Qyteti\n\nYouTube player";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn mount() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<lexo_web::App>::with_root(root.clone()).render();
    root
}

/// Yew renders asynchronously: poll until the condition holds (bounded, no fixed sleeps).
async fn wait_for(root: &Element, what: &str, cond: impl Fn(&Element) -> bool) {
    for _ in 0..200 {
        if cond(root) {
            return;
        }
        gloo::timers::future::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}; page: {}", root.inner_html());
}

fn file(name: &str, bytes: &[u8]) -> File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    File::new_with_u8_array_sequence(&parts, name).unwrap()
}

fn drop_files(root: &Element, files: &[File]) {
    let dt = DataTransfer::new().unwrap();
    for f in files {
        dt.items().add_with_file(f).unwrap();
    }
    let init = DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&dt));
    let zone = root.query_selector("[data-testid=dropzone]").unwrap().expect("dropzone");
    zone.dispatch_event(&DragEvent::new_with_event_init_dict("drop", &init).unwrap()).unwrap();
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

/// The test page serves no reading worker (the end-to-end test reads files through the real
/// one): so this checks what a reader sees when the engine cannot start: every dropped file is
/// listed and named with the reason, nothing hangs at "reading…".
#[wasm_bindgen_test]
async fn dropped_files_are_listed_and_an_engine_that_cannot_start_is_named() {
    let root = mount();
    wait_for(&root, "dropzone", |r| r.query_selector("[data-testid=dropzone]").unwrap().is_some()).await;
    drop_files(&root, &[file("lajm.txt", ARTICLE.as_bytes()), file("scan.pdf", b"%PDF-1.7\n\x00\x01\x02")]);
    wait_for(&root, "two items", |r| r.query_selector_all("[data-testid=library-item]").unwrap().length() == 2).await;
    wait_for(&root, "the error", |r| text(r, "[data-testid=error]").contains("lajm.txt")).await;
    assert!(text(&root, "[data-testid=error]").contains("reading engine could not start"), "{}", root.inner_html());
    let items: Vec<String> = (0..2).map(|i| root.query_selector_all("[data-testid=library-item]").unwrap().get(i).unwrap().text_content().unwrap()).collect();
    assert!(items[0].contains("lajm.txt") && items[1].contains("scan.pdf"), "{items:?}");
}
