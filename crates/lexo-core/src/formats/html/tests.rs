//! The HTML reader's tests: whole pages in, blocks and metadata out.

use super::*;

const PAGE: &str = r#"<!doctype html><html lang="sq"><head><title>Lajmi i ditës | Portali</title>
<meta property="og:site_name" content="Portali Shembull"><meta name="author" content="Arta Leka">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<script>fetch('https://tracker.example/p')</script><style>p{color:red}</style></head>
<body><nav><a href="/">Kreu</a> <a href="/bota">Bota</a></nav>
<article><h1>Lajmi i ditës</h1>
<p>Paragrafi i parë i artikullit flet për qytetin e Tiranës dhe ka mjaft fjalë për t'u zgjedhur si përmbajtje kryesore e faqes, sepse është i gjatë dhe i qartë.</p>
<p onclick="alert(1)">Paragrafi i dytë ka <a href="javascript:alert(1)">një lidhje</a> dhe <strong>tekst të theksuar</strong>, me shumë fjalë të tjera që e bëjnë të gjatë mjaftueshëm për algoritmin.</p>
<h2>Nëntitull</h2>
<ul><li>pika e parë</li><li>pika e dytë</li></ul>
<figure><img src="https://cdn.example/a.jpg" alt="Sheshi"><figcaption>Sheshi Skënderbej në mëngjes.</figcaption></figure>
<table><tr><th>Viti</th><th>Numri</th></tr><tr><td>2023</td><td>12</td></tr></table>
<pre><code class="language-rust">fn main() {}</code></pre>
<p>Lexo më shumë: Një tjetër lajm</p>
<iframe src="https://video.example/embed"></iframe>
</article><footer>© Portali 2024</footer></body></html>"#;

#[test]
fn extracts_metadata_and_typed_blocks() {
    let a = read(PAGE);
    assert_eq!(a.meta.title.as_deref(), Some("Lajmi i ditës"), "{:?}", a.blocks);
    assert_eq!(a.meta.site.as_deref(), Some("Portali Shembull"));
    assert_eq!(a.meta.byline.as_deref(), Some("Arta Leka"));
    assert_eq!(a.meta.declared_lang.as_deref(), Some("sq"));
    assert!(a.meta.published.as_deref().unwrap().starts_with("2024-05-02"));
    let kinds: Vec<&str> = a
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { .. } => "p",
            Block::Heading { .. } => "h",
            Block::List { .. } => "list",
            Block::Image { .. } => "img",
            Block::Table { .. } => "table",
            Block::Code { .. } => "code",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["p", "p", "h", "list", "img", "table", "code"], "{:?}", a.blocks);
    assert_eq!(a.related, vec!["Një tjetër lajm"]);
    assert!(matches!(&a.blocks[4], Block::Image { alt, caption: Some(c), src: None } if alt == "Sheshi" && c == "Sheshi Skënderbej në mëngjes."));
    let inline = blocks_from_html(r#"<p>x</p><img src="data:image/png;base64,iVBORw0KGgo=" alt="pika"><img src="data:text/html,<script>" alt="no"><img src="https://t.example/p.gif">"#);
    assert_eq!(inline[1], Block::Image { alt: "pika".into(), caption: None, src: Some("data:image/png;base64,iVBORw0KGgo=".into()) });
    assert!(matches!(&inline[2], Block::Image { src: None, .. }));
    assert!(matches!(&inline[3], Block::Image { src: None, .. }));
    assert!(matches!(&a.blocks[6], Block::Code { text, .. } if text == "fn main() {}"));
}

#[test]
fn a_video_players_menus_are_furniture() {
    let para = "The council approved the new bridge on Tuesday after a long debate about its cost and the traffic it would bring to the old town centre.";
    let menu = r#"<div class="vjs-control-bar"><div class="vjs-menu"><ul class="vjs-menu-content" role="menu"><li role="menuitemradio">Auto</li><li role="menuitemradio">High (HD)</li><li role="menuitemradio">Medium</li><li role="menuitemradio">Low</li></ul></div></div><div class="vjs-text-track-settings"><fieldset><legend>Font Family</legend><ul><li>Arial</li><li>Georgia</li><li>Palatino</li></ul></fieldset></div>"#;
    let html = format!(r#"<html><body><article><h1>Bridge</h1><p>{para}</p><div class="video-js">{menu}</div><p>{para}</p><ul role="listbox"><li role="option">Playback speed 1x</li></ul></article></body></html>"#);
    let text = read(&html).text();
    for word in ["High (HD)", "Palatino", "Playback speed"] {
        assert!(!text.contains(word), "{word} in {text}");
    }
    assert!(text.contains("The council approved"), "{text}");
}

#[test]
fn formulas_in_mathml_stay_in_the_text() {
    let para = "A quadratic equation has degree two and many uses in physics and engineering, where it describes the path of a thrown ball.";
    let html = format!(r#"<html><body><article><h1>Quadratics</h1><p>{para}</p><p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions to <math display="block"><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn></math> always.</p><p>{para}</p></article></body></html>"#);
    let article = read(&html);
    // Inline math stays in its sentence; display math is a formula of its own, set apart where
    // a browser shows it, between the two halves of the sentence.
    let blocks: Vec<&Block> = article.blocks.iter().filter(|b| b.text().is_some_and(|t| !t.to_lowercase().contains("quadratic"))).collect();
    assert_eq!(blocks[0].text().as_deref(), Some("When a ≠ 0, there are two solutions to"), "{blocks:?}");
    assert_eq!(blocks[1], &Block::Formula { text: "ax² + c = 0".into() }, "{blocks:?}");
    assert_eq!(blocks[2].text().as_deref(), Some("always."), "{blocks:?}");
}

#[test]
fn a_display_formula_of_its_own_is_set_apart_from_its_tex() {
    let para = "The roots of a quadratic follow from completing the square, a method known for centuries and taught in every school.";
    let html = format!(
        r#"<html><body><article><h1>Roots</h1><p>{para}</p><math display="block"><semantics><mrow></mrow><annotation encoding="application/x-tex">x = \frac{{-b \pm \sqrt{{b^2-4ac}}}}{{2a}}</annotation></semantics></math><p>{para}</p></article></body></html>"#
    );
    let article = read(&html);
    assert!(article.blocks.contains(&Block::Formula { text: r"x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}".into() }), "{:?}", article.blocks);
}

#[test]
fn scripts_handlers_and_frames_never_survive() {
    let a = read(PAGE);
    let text = a.text();
    assert!(!text.contains("fetch") && !text.contains("color:red") && !text.contains("alert") && !text.contains("Kreu"), "{text}");
    assert!(text.contains("një lidhje dhe tekst të theksuar"));
}

#[test]
fn safe_links_are_kept_with_offsets() {
    let blocks = blocks_from_html(r#"<p>Lexo <a href="https://example.org/a">raportin e plotë</a> ose <a href="javascript:alert(1)">këtu</a>,   shkruani në <a href="mailto:a@b.c"> adresën </a>.</p>"#);
    let Block::Paragraph { text, links } = &blocks[0] else { panic!("{blocks:?}") };
    assert_eq!(text, "Lexo raportin e plotë ose këtu, shkruani në adresën .");
    assert_eq!(links.len(), 2);
    let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
    assert_eq!(blocks[0].linked_texts(), pairs(&[("raportin e plotë", "https://example.org/a"), ("adresën", "mailto:a@b.c")]));
}

#[test]
fn captions_outside_figures_go_with_their_picture_not_the_text() {
    let blocks = blocks_from_html(
        r#"<p>Paragrafi i parë.</p><div class="img-wrap"><img src="https://cdn.example/a.jpg" alt="Sheshi"></div><div class="caption-full">Sheshi në mëngjes. Foto: AP</div>
<p>Paragrafi i dytë.</p><span class="newsCaption">Protestuesit në rrugë <span class="credit">(Foto: Getty)</span></span><p>Paragrafi i tretë.</p>"#,
    );
    let text: Vec<String> = blocks.iter().filter_map(Block::text).collect();
    assert_eq!(text, vec!["Paragrafi i parë.", "Paragrafi i dytë.", "Paragrafi i tretë."]);
    assert!(matches!(&blocks[1], Block::Image { alt, caption: Some(c), .. } if alt == "Sheshi" && c == "Sheshi në mëngjes. Foto: AP"), "{blocks:?}");
    assert!(matches!(&blocks[3], Block::Image { caption: Some(c), .. } if c.starts_with("Protestuesit")), "{blocks:?}");
}

#[test]
fn headings_quotes_lists_and_loose_text_keep_their_links() {
    let blocks = blocks_from_html(
        r#"<h2>Burimi: <a href="https://a.example/h">raporti</a></h2>
<blockquote><p>Siç <a href="https://a.example/q">tha ai</a>, puna vazhdon.</p></blockquote>
<ul><li>Pika pa lidhje</li><li>Shih <a href="https://a.example/l">dokumentin</a> e plotë</li><li><a href="javascript:x()">jo</a></li></ul>
<div>Tekst i lirë me <a href="https://a.example/d">një lidhje</a> dhe shumë fjalë të tjera rreth saj që nuk janë lidhje fare.</div>"#,
    );
    let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
    assert_eq!(blocks[0].linked_texts(), pairs(&[("raporti", "https://a.example/h")]));
    assert_eq!(blocks[1].linked_texts(), pairs(&[("tha ai", "https://a.example/q")]));
    // List links point into the items joined by "\n", the block's text.
    assert_eq!(blocks[2].linked_texts(), pairs(&[("dokumentin", "https://a.example/l")]));
    assert!(matches!(&blocks[2], Block::List { items, .. } if items[2] == "jo"));
    assert_eq!(blocks[3].linked_texts(), pairs(&[("një lidhje", "https://a.example/d")]));
    assert!(blocks.iter().all(|b| !b.text().unwrap_or_default().contains(LINK_OPEN)));
}

#[test]
fn streamed_react_content_is_read() {
    let body = "Ky është një paragraf i gjatë i artikullit që vjen i fshehur nga serveri dhe shfaqet me skript. ".repeat(8);
    let page = format!(r#"<html><head><title>Artikulli</title></head><body><template id="B:0"></template><div hidden id="S:0"><article><h1>Artikulli</h1><p>{body}</p><p>{body}</p></article></div></body></html>"#);
    assert!(read(&page).text().contains("vjen i fshehur nga serveri"));
}

#[test]
fn streamed_parts_take_their_templates_places() {
    let first = "Pjesa e parë e artikullit mbërrin e fundit nga serveri, por lexohet e para sepse vendi i saj është i pari. ".repeat(4);
    let second = "Pjesa e dytë e artikullit mbërrin e para nga serveri, por lexohet pas pjesës së parë në vendin e saj. ".repeat(4);
    let third = "Segmenti i tretë pa vend rezervë hyn brenda pjesës së parë, aty ku e pret shablloni i vet. ".repeat(3);
    let page = format!(
        r#"<html><head><title>Artikulli</title></head><body><article><h1>Artikulli</h1><template id="B:0"></template><div>Loading paragraph...</div><template id="B:1"></template><div>Loading paragraph...</div></article>
<div hidden id="S:1"><p>{second}</p></div><div hidden id="S:0"><p>{first}</p><template id="P:2"></template></div><div hidden id="S:2"><p>{third}</p></div></body></html>"#
    );
    let text = read(&page).text();
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing: {text}"));
    assert!(at("Pjesa e parë") < at("Segmenti") && at("Segmenti") < at("Pjesa e dytë") && !text.contains("Loading"), "{text}");
    // Ids are data, never selector text: quotes and brackets in them change nothing.
    let hostile = format!(r#"<html><body><template id='B:"]x'></template><div hidden id='S:"]x'><p>{first}</p></div><div hidden id="S:"><p>{second}</p></div></body></html>"#);
    let text = read(&hostile).text();
    assert!(text.contains("Pjesa e parë") && text.contains("Pjesa e dytë"), "{text}");
}

#[test]
fn pages_without_an_article_keep_their_text() {
    let a = read("<html><head><title>Shënime</title></head><body><p>Vetëm një rresht.</p></body></html>");
    assert_eq!(a.meta.title.as_deref(), Some("Shënime"));
    assert_eq!(a.text(), "Vetëm një rresht.");
}

#[test]
fn every_tab_panel_is_shown_and_other_hidden_parts_are_not() {
    let para = "Install the library with the package manager of your language, then create a client with your credentials and send the first message.";
    let page = format!(
        r#"<html><head><title>Quickstart</title></head><body><main><h1>Quickstart</h1><p>{para}</p>
        <div role="tablist"><button>Python</button><button>Go</button></div>
        <div role="tabpanel"><p>Python: pip install the client package and run the script you wrote above.</p></div>
        <div role="tabpanel" hidden style="display:none"><p>Go: go get the client module and run the program you wrote above.</p></div>
        <div hidden><p>A hidden survey that nobody should read in the article view at all.</p></div>
        <p>{para}</p></main></body></html>"#
    );
    let text = read(&page).text();
    assert!(text.contains("Python: pip install") && text.contains("Go: go get"), "{text}");
    assert!(!text.contains("hidden survey"), "{text}");
}

#[test]
fn headings_with_header_classes_survive() {
    let para = "Returns true if the result is the success variant, and false otherwise; this is the usual way to test a result before using it.";
    // Long enough that Readability's own extraction is used (no fallback candidate).
    let methods: String = ["is_ok", "is_err", "is_ok_and", "is_err_and", "ok", "err", "as_ref", "as_mut", "map", "map_err", "unwrap", "expect"]
        .iter()
        .map(|m| format!(r#"<h3 class="code-header">pub const fn {m}(&amp;self) -&gt; bool</h3><p>{para}</p><p>{para}</p>"#))
        .collect();
    let page = format!(r#"<html><head><title>Result</title></head><body><main><h1>Enum Result</h1><p>{para}</p>{methods}</main></body></html>"#);
    let text = read(&page).text();
    assert!(text.contains("pub const fn is_ok") && text.contains("pub const fn is_err"), "{text}");
}

#[test]
fn hover_cards_inside_sentences_are_left_out() {
    let blocks = blocks_from_html(
        r#"<p>A man threatened Rep. <span class="rollover-people"><a href="https://example.com/omar">Ilhan Omar</a><span class="rollover-people-block"><img src="x.jpg"><a href="https://example.com/omar">Ilhan Omar</a><a href="https://example.com/1">Progressives oppose funding bill</a></span></span> (D-Minn.), the office said. The <span class="gloss">quorum<span role="tooltip">the least number of members</span></span> was met.</p>"#,
    );
    assert_eq!(blocks[0].text().as_deref(), Some("A man threatened Rep. Ilhan Omar (D-Minn.), the office said. The quorum was met."), "{blocks:?}");
    assert_eq!(blocks[0].links().len(), 1);
    // The card's many links do not make its sentence a link list.
    let blocks = blocks_from_html(
        r#"<p>Rep. <span class="rollover-people"><a href="https://example.com/aoc">Alexandria Ocasio-Cortez</a><span class="rollover-people-block"><a href="https://example.com/1">Sanders doubles down on Bolivia coup, few follow suit in the Senate</a><a href="https://example.com/2">Hillicon Valley: Progressives oppose funding bill over surveillance authority</a></span></span> spoke.</p>"#,
    );
    assert_eq!(blocks.first().and_then(Block::text).as_deref(), Some("Rep. Alexandria Ocasio-Cortez spoke."), "{blocks:?}");
}

#[test]
fn embedded_posts_are_part_of_the_story() {
    let para = "The state spent nearly half a million dollars on the campaign, and a whole lot of people on Twitter pointed out what might be wrong with it.";
    let paras: String = (0..6).map(|_| format!("<p>{para}</p>")).collect();
    let page = format!(
        r#"<html><body><article><h1>Meth. We're on it.</h1>{paras}<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">Yes this is real and yes the state spent money on it: <a href="https://t.co/x">https://t.co/x</a></p>&mdash; Dianna Anderson (@diannaeanderson) <a href="https://twitter.com/d/status/1">November 18, 2019</a></blockquote></div>{paras}<div class="social-share"><a href="https://facebook.com/share">Share</a></div></article></body></html>"#
    );
    let text = read(&page).text();
    assert!(text.contains("Yes this is real") && text.contains("(@diannaeanderson)"), "{text}");
    assert!(!text.contains("Share"), "{text}");
}

#[test]
fn a_layout_with_a_sidebar_is_not_the_sidebar() {
    let doc = without_furniture(parse_page(r#"<body><div class="site-content with-sidebar"><div class="main main-with-sidebar"><p>The article.</p></div><div class="sidebar">Popular posts</div></div></body>"#));
    let text = doc.select("body").text();
    assert!(text.contains("The article.") && !text.contains("Popular posts"), "{text}");
}

#[test]
fn manual_navigation_tables_go_and_data_tables_stay() {
    let blocks = blocks_from_html(
        r#"<div class="navheader"><table summary="Navigation header"><tr><th colspan="3">Chapter 11. Indexes</th></tr><tr><td><a href="a.html">Prev</a></td><td><a href="b.html">Up</a></td><td><a href="c.html">Next</a></td></tr></table></div>
        <p>Indexes are a common way to enhance database performance.</p>
        <table><tr><th>Type</th><th>Use</th></tr><tr><td><a href="btree.html">B-Tree</a></td><td>equality and ranges</td></tr><tr><td><a href="hash.html">Hash</a></td><td>equality</td></tr></table>"#,
    );
    let tables: Vec<&Block> = blocks.iter().filter(|b| matches!(b, Block::Table { .. })).collect();
    assert_eq!(tables.len(), 1, "{blocks:?}");
    assert!(matches!(tables[0], Block::Table { rows } if rows[1][0] == "B-Tree"), "{blocks:?}");
}

#[test]
fn highlighted_code_keeps_its_lines() {
    let pre = Document::from(r#"<pre><code><div class="cm-line">import x;<br/></div><div class="cm-line"><br/></div><div class="cm-line"><span>let</span> y = 1;</div></code></pre><pre>a<br>b</pre><pre><code><span class="line"><span>npm</span> i</span><span class="line">cd x</span></code></pre><pre><code><span class="line">a</span>
<span class="line">b</span></code></pre>"#);
    let texts: Vec<String> = pre.select("pre").nodes().iter().map(preformatted_text).collect();
    assert_eq!(texts, ["import x;\n\nlet y = 1;\n", "a\nb", "npm i\ncd x", "a\nb"]);
}

#[test]
fn a_section_named_after_its_heading_is_content_not_a_comments_box() {
    let para = "Your patch will almost certainly get comments from reviewers on ways in which it can be improved, so answer each of them.";
    let sections: String = ["describe-your-changes", "separate-your-changes", "style-check-your-changes"]
        .iter()
        .map(|id| format!(r#"<section id="{id}"><h2>{}</h2><p>{para}</p><p>{para}</p><p>{para}</p></section>"#, id.replace('-', " ")))
        .collect();
    let page = format!(
        r#"<html><head><title>Submitting patches</title></head><body><div class="body"><h1>Submitting patches</h1>{sections}
        <section id="respond-to-review-comments"><h2>Respond to review comments</h2><p>Be sure to tell the reviewers what changes you are making and to thank them for their time.</p></section>
        <div id="comments"><h2>Comments</h2><p>Great post, thanks!</p></div></div></body></html>"#
    );
    let text = read(&page).text();
    assert!(text.contains("tell the reviewers what changes"), "{text}");
    assert!(!text.contains("Great post"), "{text}");
}

/// Readability wraps a `<span>` that holds a `<div>` in a `<p>` of its own making (a span counts
/// as phrasing), a tree no parser makes; walked as it is, the question and its answer below ran
/// together into one paragraph. The content is read as a parser reads it: separate blocks.
#[test]
fn a_paragraph_readability_wraps_around_blocks_is_read_as_parsed() {
    let answer = "Një lëvizje e plotë zakonisht përfshin ngarkimin, transportin dhe shkarkimin e sendeve, dhe ndonjëherë edhe ruajtjen për pak kohë. ";
    let page = format!(
        r#"<!doctype html><html><head><title>Pyetje</title></head><body><article><h1>Pyetje të shpeshta</h1>
<p>{a}{a}</p><p>{a}{a}</p>
<div>Hyrje e shkurtër <span itemscope><span><div class="q"><h3><span>Çfarë përfshin një lëvizje e plotë?</span></h3>
<p><span><p class="pad"><span>{a}{a}{a}</span></p></span></p></div></span></span> dhe fundi.</div>
</article></body></html>"#,
        a = answer
    );
    let a = read(&page);
    let texts: Vec<String> = a.blocks.iter().filter_map(Block::text).collect();
    let question = texts.iter().position(|t| t.starts_with("Çfarë përfshin")).unwrap_or_else(|| panic!("question kept as its own block: {texts:?}"));
    assert!(texts[question].ends_with('?'), "the answer is not glued to the question: {texts:?}");
}

/// `container_kinds` spells out `CONTAINERS` by hand (one walk instead of six selector passes):
/// each element must be of exactly the containers whose selector matches it.
#[test]
fn container_kinds_match_the_container_selectors() {
    let doc = parse(
        r#"<div itemprop="articleBody">a</div><article>b</article><main>c</main><div role="main">d</div><div id="main">e</div><div id="content">f</div><div id="other" role="note">g</div>"#,
    );
    for node in doc.select("div, article, main").nodes() {
        let by_selector: Vec<bool> = CONTAINERS.iter().map(|sel| doc.select(sel).nodes().iter().any(|n| n.id == node.id)).collect();
        assert_eq!(candidates::container_kinds(node).to_vec(), by_selector, "{}", node.text());
    }
}
