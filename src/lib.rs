//! Lexo's web app: a thin Yew layer that renders `lexo_core::Document`s.
//! State flows one way (`state::AppState` + `Action`); browser APIs live in `services`.

pub mod app;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod protocol;
pub mod services;
pub mod state;

pub use app::App;
