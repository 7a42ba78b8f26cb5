//! Components, one per file; each renders part of the state and emits callbacks.

pub mod empty_state;
pub mod entity_panel;
pub mod highlighted_text;
pub mod library;
pub mod reader;
pub mod toolbar;

pub use empty_state::EmptyState;
pub use entity_panel::EntityPanel;
pub use library::Library;
pub use reader::Reader;
pub use toolbar::Toolbar;
