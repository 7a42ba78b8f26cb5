//! JSON exports: one article object, a list of them (also under "articles"/"items"/"data"/...),
//! or JSON Lines with one article per line. Field names follow common exporters.

use serde_json::{Map, Value};

use crate::model::{Article, Block, Metadata, SourceFormat};
use crate::{noise, Error};

const TITLE: &[&str] = &["title", "headline", "name", "heading"];
const BODY: &[&str] = &["articleBody", "text", "content", "body", "article", "full_text", "fulltext", "content_html", "html", "description", "summary"];
const BYLINE: &[&str] = &["author", "byline", "authors", "creator", "writer"];
const DATE: &[&str] = &["datePublished", "published", "date", "published_at", "publishedAt", "pubDate", "created_at", "time"];
const URL: &[&str] = &["url", "link", "href", "permalink"];
const LANG: &[&str] = &["lang", "language", "inLanguage", "locale"];
const SECTION: &[&str] = &["section", "articleSection", "category", "categories"];
const SITE: &[&str] = &["site", "source", "publisher", "site_name", "siteName", "outlet"];
const TAGS: &[&str] = &["tags", "keywords"];
const LISTS: &[&str] = &["articles", "items", "data", "results", "posts", "entries", "documents", "docs"];

/// Read every article in a JSON or JSON Lines text.
pub fn read_all(text: &str) -> Result<Vec<Article>, Error> {
    match serde_json::from_str::<Value>(text.trim()) {
        Ok(v) => articles_of(v),
        // JSON Lines; when no line reads, the file is one broken document and says where.
        Err(whole) if text.trim_start().starts_with('{') && text.trim().lines().nth(1).is_some() => read_lines(text, false).map_err(|e| match e {
            e @ Error::ReaderNotBuilt { .. } => e,
            _ => Error::Json(whole.to_string()),
        }),
        Err(whole) => Err(Error::Json(whole.to_string())),
    }
}

/// JSON Lines: the articles of every line that reads. Lines that do not parse are left out as
/// long as some line reads (one broken line in an export costs that line, not the file); with
/// `last_may_be_cut`, the last line is one of those (a file read only up to a bound).
pub fn read_lines(text: &str, last_may_be_cut: bool) -> Result<Vec<Article>, Error> {
    let mut articles = Vec::new();
    let mut first_error = None;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let whole = if last_may_be_cut && lines.len() > 1 { &lines[..lines.len() - 1] } else { &lines[..] };
    for (n, line) in whole.iter().enumerate() {
        match read_line(line) {
            Ok(found) => articles.extend(found),
            // Not a broken line: the whole file goes to a build that reads it.
            Err(e @ Error::ReaderNotBuilt { .. }) => return Err(e),
            Err(e) => {
                let why = match e {
                    Error::Json(why) => why,
                    other => other.to_string(),
                };
                first_error.get_or_insert(format!("line {}: {why}", n + 1));
            }
        }
    }
    match (articles.is_empty(), first_error) {
        (true, Some(e)) => Err(Error::Json(e)),
        (true, None) => Err(no_article()),
        (false, _) => Ok(articles),
    }
}

/// The articles of one JSON Lines line (none for a line that holds no article).
pub fn read_line(line: &str) -> Result<Vec<Article>, Error> {
    let value = serde_json::from_str::<Value>(line).map_err(|e| Error::Json(e.to_string()))?;
    let mut objects = Vec::new();
    collect_objects(value, &mut objects);
    articles_from(&objects)
}

fn articles_of(value: Value) -> Result<Vec<Article>, Error> {
    let mut objects = Vec::new();
    collect_objects(value, &mut objects);
    let articles = articles_from(&objects)?;
    if articles.is_empty() {
        return Err(no_article());
    }
    Ok(articles)
}

fn no_article() -> Error {
    Error::Json("no object with a title or text field (title/headline, text/content/body/articleBody)".into())
}

fn collect_objects(v: Value, out: &mut Vec<Map<String, Value>>) {
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| collect_objects(i, out)),
        Value::Object(map) => {
            if let Some(list) = LISTS.iter().find_map(|k| map.get(*k).filter(|v| v.is_array())) {
                collect_objects(list.clone(), out);
            } else {
                out.push(map);
            }
        }
        _ => {}
    }
}

fn field<'a>(map: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| map.get(*n).filter(|v| !v.is_null()))
}

/// A string from a field that may hold a string, a number, a list or an object with a name.
fn string_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().filter_map(string_of).collect::<Vec<_>>().join(", "),
        Value::Object(m) => m.get("name").or_else(|| m.get("@value")).and_then(string_of).unwrap_or_default(),
        _ => String::new(),
    };
    Some(s).filter(|s| !s.is_empty())
}

/// The objects that are articles (an object without a title or a text is not one).
fn articles_from(objects: &[Map<String, Value>]) -> Result<Vec<Article>, Error> {
    objects.iter().filter_map(|map| article_from(map).transpose()).collect()
}

fn article_from(map: &Map<String, Value>) -> Result<Option<Article>, Error> {
    let title = field(map, TITLE).and_then(string_of);
    let body = field(map, BODY).and_then(string_of);
    if title.is_none() && body.is_none() {
        return Ok(None);
    }
    let mut meta = Metadata {
        format: SourceFormat::Json,
        title,
        byline: field(map, BYLINE).and_then(string_of),
        published: field(map, DATE).and_then(string_of),
        url: field(map, URL).and_then(string_of),
        declared_lang: field(map, LANG).and_then(string_of).map(|l| l.split(['-', '_']).next().unwrap_or("").to_lowercase()),
        section: field(map, SECTION).and_then(string_of),
        site: field(map, SITE).and_then(string_of),
        tags: field(map, TAGS).map(|v| match v {
            Value::Array(items) => items.iter().filter_map(string_of).collect(),
            other => string_of(other).map(|s| s.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect()).unwrap_or_default(),
        }).unwrap_or_default(),
        ..Metadata::default()
    };
    // JSON escapes can spell any character (\u0000): the text loses its controls here.
    let body = crate::hygiene::strip_controls(&body.unwrap_or_default()).into_owned();
    let blocks = if looks_like_html(&body) {
        html_blocks(&body)?
    } else {
        body.split("\n\n")
            .flat_map(|chunk| chunk.split('\n'))
            .map(super::inline::collapse)
            .filter(|p| !p.is_empty())
            .map(Block::paragraph)
            .collect()
    };
    let mut related = Vec::new();
    let blocks = noise::clean_blocks(blocks, &mut meta.site, &mut related);
    Ok(Some(Article { meta, blocks, related }))
}

#[cfg(feature = "all-formats")]
fn html_blocks(body: &str) -> Result<Vec<Block>, Error> {
    Ok(super::html::blocks_from_html(body))
}

#[cfg(not(feature = "all-formats"))]
fn html_blocks(_: &str) -> Result<Vec<Block>, Error> {
    Err(Error::ReaderNotBuilt { kind: "JSON articles with HTML bodies" })
}

fn looks_like_html(s: &str) -> bool {
    ["<p", "<br", "<div", "</", "<h2", "<ul"].iter().any(|t| s.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_with_common_field_names() {
        let a = read_all(r#"{"headline": "Titulli", "articleBody": "Paragrafi një.\n\nParagrafi dy.", "author": {"name": "Arta Leka"}, "datePublished": "2024-01-02", "inLanguage": "sq-AL", "keywords": "a, b"}"#).unwrap();
        assert_eq!(a.len(), 1);
        let m = &a[0].meta;
        assert_eq!((m.title.as_deref(), m.byline.as_deref(), m.published.as_deref(), m.declared_lang.as_deref()), (Some("Titulli"), Some("Arta Leka"), Some("2024-01-02"), Some("sq")));
        assert_eq!(m.tags, vec!["a", "b"]);
        assert_eq!(a[0].blocks.len(), 2);
    }

    #[test]
    fn lists_wrappers_lines_and_html_bodies() {
        assert_eq!(read_all(r#"[{"title": "A", "text": "x"}, {"title": "B", "text": "y"}]"#).unwrap().len(), 2);
        assert_eq!(read_all(r#"{"articles": [{"title": "A"}, {"title": "B"}, {"title": "C"}]}"#).unwrap().len(), 3);
        let lines = read_all("{\"title\": \"A\", \"content\": \"<p>Një</p><script>x()</script><p>Dy</p>\"}\n{\"title\": \"B\", \"body\": \"b\"}\n").unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "Një\n\nDy");
    }

    #[test]
    fn bad_json_is_explained() {
        assert!(read_all("{\"title\": ").unwrap_err().to_string().contains("JSON"));
        assert!(read_all("{\"a\": 1}\n{\"b\": ").unwrap_err().to_string().contains("line 2"));
        assert!(read_all("[1, 2, 3]").unwrap_err().to_string().contains("no object"));
    }
}
