//! A run of article text with its entity mentions as `<mark>`s (text is escaped by Yew).

use lexo_core::model::InlineLink;
use lexo_core::{EntityKind, Mention};
use yew::prelude::*;

/// A piece of text: plain, or one mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Plain(String),
    Entity { text: String, kind: EntityKind, group: usize },
    /// A link around plain and entity pieces; opens in a new tab, never preloaded.
    Link { href: String, inner: Vec<Segment> },
}

impl Segment {
    fn text(&self) -> &str {
        match self {
            Segment::Plain(t) | Segment::Entity { text: t, .. } => t,
            Segment::Link { .. } => "",
        }
    }

    fn with_text(&self, text: String) -> Segment {
        match self {
            Segment::Entity { kind, group, .. } => Segment::Entity { text, kind: *kind, group: *group },
            _ => Segment::Plain(text),
        }
    }
}

/// Wrap the pieces of a text (from [`segments`]) that links cover; link offsets are chars of
/// that same text. Pieces are split where a link starts or ends inside them.
pub fn with_links(segs: Vec<Segment>, links: &[InlineLink]) -> Vec<Segment> {
    if links.is_empty() {
        return segs;
    }
    let link_at = |pos: usize| links.iter().position(|l| l.start <= pos && pos < l.end);
    // Cut every piece at link boundaries, remembering which link each cut piece lies in.
    let mut cut: Vec<(Option<usize>, Segment)> = Vec::new();
    let mut pos = 0;
    for seg in segs {
        let chars: Vec<char> = seg.text().chars().collect();
        let mut start = 0;
        for i in 1..=chars.len() {
            let boundary = i == chars.len() || links.iter().any(|l| l.start == pos + i || l.end == pos + i);
            if boundary {
                cut.push((link_at(pos + start), seg.with_text(chars[start..i].iter().collect())));
                start = i;
            }
        }
        pos += chars.len();
    }
    let mut out: Vec<Segment> = Vec::new();
    let mut current: Option<(usize, Vec<Segment>)> = None;
    for (link, piece) in cut {
        match (link, &mut current) {
            (Some(l), Some((cl, inner))) if *cl == l => inner.push(piece),
            (Some(l), _) => {
                if let Some((cl, inner)) = current.take() {
                    out.push(Segment::Link { href: links[cl].href.clone(), inner });
                }
                current = Some((l, vec![piece]));
            }
            (None, _) => {
                if let Some((cl, inner)) = current.take() {
                    out.push(Segment::Link { href: links[cl].href.clone(), inner });
                }
                out.push(piece);
            }
        }
    }
    if let Some((cl, inner)) = current {
        out.push(Segment::Link { href: links[cl].href.clone(), inner });
    }
    out
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
    render(&props.segments, props)
}

fn render(segments: &[Segment], props: &HighlightedTextProps) -> Html {
    segments
        .iter()
        .map(|seg| match seg {
            Segment::Plain(t) => html! { {t.clone()} },
            Segment::Link { href, inner } => html! {
                <a href={href.clone()} target="_blank" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">{render(inner, props)}</a>
            },
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
    fn links_wrap_plain_and_entity_pieces() {
        let text = "Shih raportin për Tiranën sot.";
        let segs = segments(text, 0, &[m(18, 25, EntityKind::Loc, 0)], &EntityKind::ALL);
        let link = InlineLink { start: 5, end: 25, href: "https://example.org/r".into() };
        let out = with_links(segs, &[link]);
        assert_eq!(
            out,
            vec![
                Segment::Plain("Shih ".into()),
                Segment::Link {
                    href: "https://example.org/r".into(),
                    inner: vec![Segment::Plain("raportin për ".into()), Segment::Entity { text: "Tiranën".into(), kind: EntityKind::Loc, group: 0 }],
                },
                Segment::Plain(" sot.".into()),
            ]
        );
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
