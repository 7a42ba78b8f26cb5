//! Components, one per file; each renders part of the state and emits callbacks.

pub mod dialog;
pub mod empty_state;
pub mod entity_index;
pub mod entity_panel;
pub mod export_menu;
pub mod help;
pub mod highlighted_text;
pub mod library;
pub mod progress;
pub mod read_aloud;
pub mod reader;
pub mod settings_panel;
pub mod toast;
pub mod toolbar;

pub use empty_state::EmptyState;
pub use entity_panel::EntityPanel;
pub use help::Help;
pub use library::Library;
pub use progress::Progress;
pub use read_aloud::ReadAloud;
pub use reader::Reader;
pub use settings_panel::SettingsPanel;
pub use toast::Toast;
pub use toolbar::Toolbar;
