//! Hooks and helpers that adapt browser services for components.

pub mod library_store;
mod use_file_loader;

pub use use_file_loader::{use_file_loader, Input, Pending, Stash};
