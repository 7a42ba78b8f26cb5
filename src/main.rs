//! Entry point: mount the app (the browser build); natively there is nothing to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<lexo_web::App>::new().render();
}
