//! XSS: `tests/pages/xss.html` is an article with more than a hundred XSS
//! vectors mixed into it (one a line between the `vectors:start` and
//! `vectors:end` comments). Each would set `window.__xss` if it ran.
//!
//! They go through the full pipeline ([`clean`]), through the sanitizer alone
//! on the whole body (so the test means something whatever the other stages
//! keep), and one by one. Every output must be free of script, handlers,
//! dangerous URLs, styles and SVG, and must be a fixpoint: parsing it again,
//! sanitizing and serializing gives the same string, so a browser re-parsing
//! it cannot build anything else (no mutation XSS).

use std::collections::HashSet;

use article_cleaner::internals::{dom, parse_html, sanitize, serialize, Url};
use article_cleaner::{clean, Options};
use markup5ever_rcdom::{Handle, NodeData};

const PAGE: &str = include_str!("pages/xss.html");
const BASE: &str = "https://example.com/a/";

/// Players an `iframe` may still show.
const PLAYERS: &[&str] = &[
    "https://www.youtube.com/embed/",
    "https://youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://youtube-nocookie.com/embed/",
    "https://player.vimeo.com/video/",
    "https://www.dailymotion.com/embed/",
    "https://dailymotion.com/embed/",
    "https://player.twitch.tv/",
    "https://w.soundcloud.com/player",
    "https://open.spotify.com/embed",
    "https://platform.twitter.com/embed/",
    "https://player.bilibili.com/player.html",
    "https://archive.org/embed/",
    "https://v.qq.com/txp/iframe/",
];

fn vectors() -> Vec<&'static str> {
    let start = PAGE.find("<!-- vectors:start -->").expect("start marker");
    let end = PAGE.find("<!-- vectors:end -->").expect("end marker");
    PAGE[start..end].lines().skip(1).map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// The body's content of `html` in a detached `div`, as the pipeline hands it over.
fn body_of(html: &str) -> Handle {
    let doc = parse_html(html);
    let root = dom::new_element("div", &[]);
    // A page made of a frameset has no body: nothing to keep.
    if let Some(body) = dom::find(&doc, "body") {
        dom::move_children(&body, &root);
    }
    root
}

fn sanitized(html: &str) -> String {
    let base = Url::parse(BASE).unwrap();
    let root = body_of(html);
    sanitize(&root, Some(&base));
    serialize(&root)
}

/// Whether `s` holds ` on<letters>=` (an event handler attribute).
fn has_handler(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(at) = s[i..].find(" on") {
        let mut j = i + at + 3;
        let letters = j;
        while j < b.len() && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        if j > letters && j < b.len() && b[j] == b'=' {
            return true;
        }
        i = i + at + 3;
    }
    false
}

/// Every element of the parsed `html` (document order).
fn elements(html: &str) -> Vec<Handle> {
    dom::descendant_elements(&body_of(html))
}

/// Asserts that sanitized `html` is safe, and a fixpoint. `what` names the case.
fn assert_safe(html: &str, what: &str) {
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script", "javascript:", "vbscript:", "data:text", "data:image/svg", "srcdoc", "<style",
        "<svg", "expression(", "<object", "<embed", "<applet", "<form", "<base", "<meta", "<link",
        "<template", "<noscript", "<xmp", "<plaintext", "<frame", "<input", "<button", "<textarea",
        "<select", "<annotation-xml", "<mglyph", "xlink", "formaction", "style=",
    ] {
        assert!(!lower.contains(bad), "{what}: output holds {bad:?}: {html}");
    }
    assert!(!has_handler(&lower), "{what}: an event handler: {html}");
    for e in elements(html) {
        let tag = dom::tag(&e).unwrap_or("").to_owned();
        if let NodeData::Element { attrs, .. } = &e.data {
            for a in attrs.borrow().iter() {
                let name = a.name.local.to_ascii_lowercase();
                assert!(!name.starts_with("on"), "{what}: <{tag} {name}>: {html}");
                assert!(!a.value.contains("__xss"), "{what}: <{tag} {name}={:?}>", &*a.value);
            }
        }
        if tag == "iframe" {
            let src = dom::attr(&e, "src").unwrap_or_default();
            assert!(PLAYERS.iter().any(|p| src.starts_with(p)), "{what}: iframe to {src:?}");
            assert!(dom::attr(&e, "sandbox").is_some(), "{what}: unsandboxed iframe");
        }
    }
    // Without a base, so that URLs left relative stay as they are.
    let root = body_of(html);
    sanitize(&root, None);
    assert_eq!(serialize(&root), html, "{what}: not a fixpoint");
}

#[test]
fn the_page_has_over_a_hundred_distinct_vectors() {
    let v = vectors();
    let distinct: HashSet<&str> = v.iter().copied().collect();
    assert_eq!(distinct.len(), v.len(), "a vector is listed twice");
    // And the <plaintext> one after the article.
    assert!(v.len() + 1 > 100, "only {} vectors", v.len() + 1);
    for line in &v {
        assert!(
            line.contains("__xss") || line.contains("base64,"),
            "vector without the flag: {line}"
        );
    }
}

#[test]
fn the_full_pipeline_output_is_safe() {
    let options = Options { url: Some(BASE.into()), ..Options::default() };
    let article = clean(PAGE, &options).expect("the page has an article");
    assert_safe(&article.content, "pipeline content");
    for (name, s) in [("markdown", &article.markdown), ("text", &article.text_content)] {
        let lower = s.to_ascii_lowercase();
        for bad in ["javascript:", "vbscript:", "data:text", "<script", "__xss"] {
            assert!(!lower.contains(bad), "{name} holds {bad:?}: {s}");
        }
    }
}

#[test]
fn the_sanitized_body_is_safe_and_keeps_the_article() {
    let out = sanitized(PAGE);
    assert_safe(&out, "whole body");
    assert!(out.contains("<h1>The Lighthouse Keepers of the Northern Coast</h1>"));
    assert!(out.contains("the great lenses turn."));
    assert!(out.contains("in the handwriting of the people who watched over it."));
    // Harmless content of the vectors stays.
    assert!(out.contains("<p>A paragraph with a click handler.</p>"));
    assert!(out.contains("<a href=\"https://example.com/safe\">safe href, bad handler</a>"));
    assert!(out.contains("<a>plain link</a>"));
    assert!(out.contains("<iframe src=\"https://www.youtube.com/embed/xss\""));
}

#[test]
fn each_vector_alone_is_neutralized() {
    for v in vectors() {
        let page =
            format!("<!DOCTYPE html><html><body><p>Before.</p>{v}<p>After.</p></body></html>");
        let out = sanitized(&page);
        assert_safe(&out, v);
        // The same vector at the very start of the body, and inside a paragraph.
        assert_safe(&sanitized(v), v);
        assert_safe(&sanitized(&format!("<p>x {v} y</p>")), v);
    }
}

#[test]
fn relative_links_stay_relative_without_a_base() {
    let root = body_of(
        "<a href='javascript:alert(1)'>a</a><a href='/ok'>b</a><img src='//cdn.example/x.png'>",
    );
    sanitize(&root, None);
    assert_eq!(serialize(&root), "<a>a</a><a href=\"/ok\">b</a><img src=\"//cdn.example/x.png\">");
}
