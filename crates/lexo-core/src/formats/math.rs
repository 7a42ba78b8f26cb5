//! Formulas written in MathML become readable text before any walker sees the page: `<msup>`
//! becomes a superscript, `<mfrac>` a slash, `<msqrt>` a root sign, operators are spaced, so
//! "When a ≠ 0, there are two solutions to ax² + bx + c = 0" keeps its formulas instead of reading
//! "When , there are two solutions to". Where the presentation markup holds no text, the TeX
//! annotation is used. The element becomes a `<span class="math">` holding that text (it was
//! skipped whole before, like `<svg>`); display math becomes a `<p>` the walker turns into a
//! [`Block::Formula`](crate::model::Block::Formula), shown set apart.

use dom_query::{Document, NodeRef};

/// The class of the element a display formula becomes, which the block walker sets apart.
pub(crate) const FORMULA_CLASS: &str = "lexo-formula";

/// Rewrite every `<math>` of the document as a span of its text (a paragraph for display math).
pub(crate) fn math_as_text(doc: &Document) {
    // Outermost first; a `<math>` nested in another is rewritten with it.
    let maths: Vec<NodeRef> = doc.select("math").nodes().to_vec();
    for math in maths {
        if !math.is_element() || math.node_name().is_none_or(|n| !n.eq_ignore_ascii_case("math")) {
            continue;
        }
        let mut text = String::new();
        render(&math, &mut text);
        let mut text = collapse_spaces(&text);
        if text.is_empty() {
            text = tex_annotation(&math).unwrap_or_default();
        }
        // Display math (`display="block"`, or `mode="display"` of old) is a formula of its own:
        // a `<p>`, which Readability keeps with its class (a `<div>` it would rebuild as a `<p>`
        // without one).
        let display = ["display", "mode"].iter().any(|a| math.attr(a).is_some_and(|v| v.eq_ignore_ascii_case("block") || v.eq_ignore_ascii_case("display")));
        math.rename(if display { "p" } else { "span" });
        math.set_attr("class", if display { FORMULA_CLASS } else { "math" });
        math.set_text(text);
    }
}

fn name(node: &NodeRef) -> String {
    node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default()
}

fn tex_annotation(math: &NodeRef) -> Option<String> {
    math.descendants().into_iter().find(|n| name(n) == "annotation" && n.attr("encoding").is_some_and(|e| e.contains("tex"))).map(|n| collapse_spaces(&n.text()))
}

/// The text of a MathML node, in reading order. (Depth is bounded by the nesting limit every
/// parse applies first.)
fn render(node: &NodeRef, out: &mut String) {
    let children: Vec<NodeRef> = node.element_children();
    let part = |k: usize| {
        let mut s = String::new();
        if let Some(c) = children.get(k) {
            render(c, &mut s);
        }
        collapse_spaces(&s)
    };
    match name(node).as_str() {
        "annotation" | "annotation-xml" => {}
        "mi" | "mn" | "mtext" | "ms" => out.push_str(&node.text()),
        "mo" => {
            let op = node.text();
            let op = op.trim();
            if matches!(op, "=" | "+" | "−" | "-" | "≠" | "<" | ">" | "≤" | "≥" | "×" | "·" | "±" | "→" | "⇒" | "≈" | "∈") {
                out.push_str(&format!(" {op} "));
            } else {
                out.push_str(op);
            }
        }
        "msup" => {
            out.push_str(&part(0));
            out.push_str(&raised(&part(1), SUPERSCRIPTS, '^'));
        }
        "msub" => {
            out.push_str(&part(0));
            out.push_str(&raised(&part(1), SUBSCRIPTS, '_'));
        }
        "msubsup" => {
            out.push_str(&part(0));
            out.push_str(&raised(&part(1), SUBSCRIPTS, '_'));
            out.push_str(&raised(&part(2), SUPERSCRIPTS, '^'));
        }
        "mfrac" => out.push_str(&format!("{}/{}", grouped(&part(0)), grouped(&part(1)))),
        "msqrt" => {
            let mut inner = String::new();
            for c in &children {
                render(c, &mut inner);
            }
            out.push_str(&format!("√{}", grouped(&collapse_spaces(&inner))));
        }
        "mroot" => out.push_str(&format!("{}√{}", raised(&part(1), SUPERSCRIPTS, '^'), grouped(&part(0)))),
        _ => {
            if children.is_empty() {
                out.push_str(&node.text());
            }
            for c in &children {
                render(c, out);
            }
        }
    }
}

const SUPERSCRIPTS: &[(char, char)] = &[('0', '⁰'), ('1', '¹'), ('2', '²'), ('3', '³'), ('4', '⁴'), ('5', '⁵'), ('6', '⁶'), ('7', '⁷'), ('8', '⁸'), ('9', '⁹'), ('+', '⁺'), ('-', '⁻'), ('−', '⁻'), ('n', 'ⁿ'), ('i', 'ⁱ'), ('(', '⁽'), (')', '⁾')];
const SUBSCRIPTS: &[(char, char)] = &[('0', '₀'), ('1', '₁'), ('2', '₂'), ('3', '₃'), ('4', '₄'), ('5', '₅'), ('6', '₆'), ('7', '₇'), ('8', '₈'), ('9', '₉'), ('+', '₊'), ('-', '₋'), ('−', '₋'), ('(', '₍'), (')', '₎')];

/// A script in raised or lowered letters where every character has one, else `^x` / `^(xy)`.
fn raised(s: &str, table: &[(char, char)], mark: char) -> String {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mapped: Option<String> = s.chars().map(|c| table.iter().find(|(a, _)| *a == c).map(|(_, b)| *b)).collect();
    match mapped {
        Some(m) if !m.is_empty() => m,
        _ if s.is_empty() => String::new(),
        _ => format!("{mark}{}", grouped(&s)),
    }
}

/// Parentheses around a part of more than one character: "(a+b)/2", but "1/2".
fn grouped(s: &str) -> String {
    if s.chars().count() > 1 { format!("({s})") } else { s.to_owned() }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        let doc = crate::formats::html::parse(html);
        math_as_text(&doc);
        collapse_spaces(&doc.select("body").text())
    }

    #[test]
    fn the_quadratic_formula_reads_as_text() {
        let html = r#"<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions to <math display="block"><semantics><mrow><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>b</mi><mi>x</mi><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn></mrow><annotation encoding="application/x-tex">ax^2 + bx + c = 0</annotation></semantics></math> and they are <math><mi>x</mi><mo>=</mo><mfrac><mrow><mo>−</mo><mi>b</mi><mo>±</mo><msqrt><mrow><msup><mi>b</mi><mn>2</mn></msup><mo>−</mo><mn>4</mn><mi>a</mi><mi>c</mi></mrow></msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac></math>.</p>"#;
        assert_eq!(text(html), "When a ≠ 0, there are two solutions to ax² + bx + c = 0 and they are x = (− b ± √(b² − 4ac))/(2a).");
    }

    #[test]
    fn subscripts_roots_and_tex_only_formulas() {
        assert_eq!(text("<p><math><msub><mi>x</mi><mn>1</mn></msub><mo>,</mo><msub><mi>x</mi><mi>k</mi></msub></math></p>"), "x₁,x_k");
        assert_eq!(text("<p><math><mroot><mi>x</mi><mn>3</mn></mroot></math></p>"), "³√x");
        assert_eq!(text(r#"<p>See <math><semantics><mrow></mrow><annotation encoding="application/x-tex">\frac{1}{2}</annotation></semantics></math>.</p>"#), r"See \frac{1}{2}.");
    }
}
