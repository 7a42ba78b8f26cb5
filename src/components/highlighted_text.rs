//! A run of article text with its entity mentions as `<mark>`s (text is escaped by Yew).

use lexo_core::{EntityKind, Mention};
use yew::prelude::*;

/// A piece of text: plain, or one mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Plain(String),
    Entity { text: String, kind: EntityKind, group: usize },
}

/// Cut `text` (which starts at char `offset` of the document text) into plain and entity pieces.
/// Mentions outside the text or overlapping an earlier one are skipped, never panicking.
pub fn segments(text: &str, offset: usize, mentions: &[Mention], shown: &[EntityKind]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let end = offset + chars.len();
    let mut out = Vec::new();
    let mut pos = 0;
    for m in mentions.iter().filter(|m| m.start >= offset && m.end <= end && m.start < m.end && shown.contains(&m.kind)) {
        let (s, e) = (m.start - offset, m.end - offset);
        if s < pos {
            continue;
        }
        if s > pos {
            out.push(Segment::Plain(chars[pos..s].iter().collect()));
        }
        out.push(Segment::Entity { text: chars[s..e].iter().collect(), kind: m.kind, group: m.group });
        pos = e;
    }
    if pos < chars.len() {
        out.push(Segment::Plain(chars[pos..].iter().collect()));
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct HighlightedTextProps {
    pub segments: Vec<Segment>,
    pub focused_group: Option<usize>,
    pub on_entity_click: Callback<usize>,
}

#[component]
pub fn HighlightedText(props: &HighlightedTextProps) -> Html {
    props
        .segments
        .iter()
        .map(|seg| match seg {
            Segment::Plain(t) => html! { {t.clone()} },
            Segment::Entity { text, kind, group } => {
                let group = *group;
                let focused = props.focused_group == Some(group);
                let onclick = props.on_entity_click.reform(move |_: MouseEvent| group);
                let class = classes!("entity", format!("entity-{}", kind.code().to_lowercase()), focused.then_some("focused"));
                html! {
                    <mark {class} data-testid="entity" data-type={kind.code()} data-group={group.to_string()}
                          title={kind.label()} {onclick}>{text.clone()}</mark>
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, kind: EntityKind, group: usize) -> Mention {
        Mention { start, end, kind, text: String::new(), group }
    }

    #[test]
    fn cuts_at_char_offsets_and_skips_hidden_or_overlapping() {
        let text = "Në Tiranë dhe Durrës.";
        let ms = [m(103, 109, EntityKind::Loc, 0), m(104, 106, EntityKind::Per, 1), m(114, 120, EntityKind::Loc, 2)];
        let segs = segments(text, 100, &ms, &EntityKind::ALL);
        assert_eq!(
            segs,
            vec![
                Segment::Plain("Në ".into()),
                Segment::Entity { text: "Tiranë".into(), kind: EntityKind::Loc, group: 0 },
                Segment::Plain(" dhe ".into()),
                Segment::Entity { text: "Durrës".into(), kind: EntityKind::Loc, group: 2 },
                Segment::Plain(".".into()),
            ]
        );
        let only_per = segments(text, 100, &ms, &[EntityKind::Per]);
        assert_eq!(only_per.len(), 3);
        assert_eq!(segments(text, 0, &[m(5, 500, EntityKind::Loc, 0)], &EntityKind::ALL), vec![Segment::Plain(text.into())]);
    }
}
