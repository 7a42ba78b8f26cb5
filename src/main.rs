//! Entry point of the page: mount the app (the browser build); natively there is nothing to run.
//! The reading engine is the other binary, `lexo-worker`, in its own Web Worker.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<lexo_web::App>::new().render();
}
