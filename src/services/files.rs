//! Reading `File`s the user dropped or picked, as bytes.

use gloo::file::File;

/// Read a browser file's bytes; errors become a sentence naming the cause.
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, String> {
    gloo::file::futures::read_as_bytes(file).await.map_err(|e| format!("the browser could not read the file ({e})"))
}

/// Files carried by a `FileList` (from a drop or a file input).
pub fn from_list(list: Option<web_sys::FileList>) -> Vec<File> {
    list.map(|l| gloo::file::FileList::from(l).iter().cloned().collect()).unwrap_or_default()
}
