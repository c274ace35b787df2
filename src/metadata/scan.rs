//! The one walk over the document that collects what the metadata stage reads:
//! the `<title>`, meta tags, JSON-LD scripts, headings, `lang`, `dir` and a
//! `<time>` of publication.

use markup5ever_rcdom::{Handle, NodeData};

use super::js::js_trim;
use crate::dom;
use crate::rules::limits::{MAX_HEADINGS, MAX_JSON_LD_BYTES, MAX_JSON_LD_SCRIPTS, MAX_METAS};

/// A `<meta>` element's names and content.
#[derive(Default)]
pub(super) struct MetaTag {
    pub(super) name: Option<String>,
    pub(super) property: Option<String>,
    pub(super) itemprop: Option<String>,
    pub(super) content: Option<String>,
}

/// What the walk collected.
#[derive(Default)]
pub(super) struct Page {
    pub(super) title_text: Option<String>,
    pub(super) metas: Vec<MetaTag>,
    pub(super) json_ld: Vec<String>,
    pub(super) headings: Vec<Handle>,
    pub(super) h1_count: usize,
    pub(super) first_h1: Option<Handle>,
    pub(super) html_lang: Option<String>,
    pub(super) html_dir: Option<String>,
    pub(super) body_dir: Option<String>,
    pub(super) content_language: Option<String>,
    pub(super) time_published: Option<String>,
}

impl Page {
    /// `document.title`: the first `<title>`'s text, ASCII whitespace stripped and
    /// collapsed (then `trim()`med as Readability does).
    pub(super) fn doc_title(&self) -> String {
        let raw = self.title_text.as_deref().unwrap_or("");
        let collapsed: Vec<&str> =
            raw.split(['\t', '\n', '\x0c', '\r', ' ']).filter(|w| !w.is_empty()).collect();
        js_trim(&collapsed.join(" ")).to_string()
    }
}

/// Concatenated text of the node's text children (the "child text content").
pub(super) fn child_text(node: &Handle) -> String {
    let mut out = String::new();
    for c in node.children.borrow().iter() {
        if let NodeData::Text { contents } = &c.data {
            out.push_str(&contents.borrow());
        }
    }
    out
}

pub(super) fn scan(doc: &Handle) -> Page {
    let mut page = Page::default();
    let mut stack: Vec<Handle> = doc.children.borrow().iter().rev().cloned().collect();
    while let Some(node) = stack.pop() {
        let NodeData::Element { name, .. } = &node.data else {
            continue;
        };
        let html = name.ns == html5ever::ns!(html);
        let tag = &*name.local;
        let mut descend = true;
        if html {
            match tag {
                "html" if page.html_lang.is_none() && page.html_dir.is_none() => {
                    page.html_lang = dom::attr(&node, "lang");
                    page.html_dir = dom::attr(&node, "dir");
                }
                "body" if page.body_dir.is_none() => page.body_dir = dom::attr(&node, "dir"),
                "title" => {
                    if page.title_text.is_none() {
                        page.title_text = Some(child_text(&node));
                    }
                    descend = false;
                }
                "meta" if page.metas.len() < MAX_METAS => {
                    let content = dom::attr(&node, "content");
                    if page.content_language.is_none() {
                        let equiv =
                            dom::attr(&node, "http-equiv").or_else(|| dom::attr(&node, "name"));
                        if equiv.is_some_and(|e| e.trim().eq_ignore_ascii_case("content-language"))
                        {
                            page.content_language = content.clone();
                        }
                    }
                    page.metas.push(MetaTag {
                        name: dom::attr(&node, "name"),
                        property: dom::attr(&node, "property"),
                        itemprop: dom::attr(&node, "itemprop"),
                        content,
                    });
                }
                "script" => {
                    let ty = dom::attr(&node, "type").unwrap_or_default();
                    if ty.trim().eq_ignore_ascii_case("application/ld+json")
                        && page.json_ld.len() < MAX_JSON_LD_SCRIPTS
                    {
                        let text = child_text(&node);
                        if text.len() <= MAX_JSON_LD_BYTES {
                            page.json_ld.push(text);
                        }
                    }
                    descend = false;
                }
                "style" => descend = false,
                "h1" | "h2" => {
                    if tag == "h1" {
                        page.h1_count += 1;
                        if page.first_h1.is_none() {
                            page.first_h1 = Some(node.clone());
                        }
                    }
                    if page.headings.len() < MAX_HEADINGS {
                        page.headings.push(node.clone());
                    }
                }
                "time" if page.time_published.is_none() => {
                    let itemprop = dom::attr(&node, "itemprop").unwrap_or_default();
                    let published = dom::has_attr(&node, "pubdate")
                        || itemprop
                            .split_whitespace()
                            .any(|p| p.eq_ignore_ascii_case("datePublished"));
                    if published {
                        page.time_published = dom::attr(&node, "datetime");
                    }
                }
                _ => {}
            }
        }
        if descend {
            stack.extend(node.children.borrow().iter().rev().cloned());
        }
    }
    page
}
