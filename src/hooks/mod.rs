//! Hooks that adapt browser services for components.

mod use_file_loader;

pub use use_file_loader::{use_file_loader, Input};
