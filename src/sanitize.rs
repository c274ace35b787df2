//! Stage 6a, sanitize and serialize: takes the cleaned article tree and makes it
//! safe (allowlisted tags, attributes and URL schemes), then writes it as HTML.
//!
//! # Why this output is safe to insert into any page
//!
//! [`sanitize`] rewrites the tree in place so that it holds only:
//!
//! * text nodes;
//! * HTML elements from a fixed allowlist ([`HTML_TAGS`], in the rulebook's
//!   `allowlist` with every list below), none of which is a
//!   raw-text or RCDATA element (`script`, `style`, `xmp`, `iframe` *content*,
//!   `noscript`, `noembed`, `noframes`, `textarea`, `title`, `plaintext`):
//!   those are removed with their content, and a kept `iframe` (video players
//!   from a short list of hosts) is emptied and sandboxed;
//! * MathML elements from a small presentation allowlist, only inside `math`,
//!   holding only MathML elements and text (no HTML inside, no `annotation-xml`,
//!   no `mglyph`), so re-parsing never switches namespace under them;
//! * no SVG at all;
//! * attributes from a per-tag allowlist, in no namespace, whose URL values
//!   were parsed with the WHATWG algorithm ([`crate::weburl`]: the `url` crate,
//!   or the host's own `URL` in the wasm build; the same stripping of
//!   controls, tabs and newlines a browser does) and passed a scheme check.
//!   The result's other URL field, `leadImage`, passes the same check
//!   ([`field_image_url`]), with quotes and angle brackets percent-encoded.
//!
//! [`serialize`] is written here rather than borrowed from html5ever: it escapes
//! `&`, `<` and `>` in every text node and `&`, `"`, `<` and `>` in every
//! attribute value (double-quoted), writes an end tag for every non-void
//! element and nothing else. Because no raw-text element is ever written and
//! every `<` in text is escaped, a browser re-parsing the string tokenizes
//! exactly the start and end tags written here: text can never turn into
//! markup, and an attribute value can never end early. That rules out mutation
//! XSS (markup that changes meaning on the second parse, as in the DOMPurify
//! `</noscript>`, `<svg></p><style>` and `<math><mtext><mglyph>` bypasses).
//! The tests check it the other way round too: parsing the output again,
//! sanitizing and serializing gives the very same string (a fixpoint).
//!
//! # Ids and same-document links: the contract the reader view builds on
//!
//! The page's ids are kept, namespaced so that none can clobber anything in
//! the page the article is shown in (no `window`/`document` property, no id
//! the host's code or CSS looks for), and links within the page keep working
//! inside the article:
//!
//! * every kept HTML element's `id` becomes [`ID_PREFIX`] (`ac-`) followed by
//!   the id with ASCII letters, digits and `-` kept and any other character
//!   written `_<hex code point>_`: `id="fn1"` → `id="ac-fn1"`, `id="fn:1"` →
//!   `id="ac-fn_3a_1"`. An id already of that form is kept unchanged (so the
//!   output sanitizes to itself). Empty ids, and ids past [`MAX_ID_LEN`], go;
//! * `<a name="x">` (an old-style anchor, `name` itself is never kept) gives
//!   the link `id="ac-x"` when it has no `id`;
//! * a same-document link — `href="#x"`, or a URL that resolves to the page's
//!   own address plus `#x` — becomes `href="#ac-x"`, the fragment
//!   percent-decoded first and then namespaced as an id (so `#fn:1` and
//!   `#fn%3A1` both give `#ac-fn_3a_1`, matching `id="fn:1"`). It is no longer
//!   made absolute. `href="#"` alone is an ordinary link, made absolute;
//! * `headers` on table cells names ids too: each one is namespaced alike;
//! * nothing else changes: no other attribute holds an id, and no `name`,
//!   `for` or `aria-*` reference is kept.
//!
//! So a reader scrolls to `href="#ac-…"` targets by looking the id up inside
//! the article's container (the value is a valid CSS identifier as it stands).
//!
//! Every walk uses an explicit stack: trees may be 100,000 levels deep.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::weburl::Url;
use html5ever::tendril::StrTendril;
use html5ever::{ns, Attribute, LocalName, QualName};
use markup5ever_rcdom::{Handle, NodeData};

use crate::dom;
use crate::rules::allowlist::{
    AS_DIV, DATA_IMAGE_TYPES, DROPPED_TAGS, HTML_TAGS, ID_PREFIX, IFRAME_SANDBOX, MATHML_ATTRS,
    MATHML_TAGS, MAX_DIGITS, MAX_ID_LEN, MAX_LANG_LEN, MAX_MATHML_VALUE_LEN,
};
use crate::rules::{self, tags};

/// What a URL attribute may point at.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum UrlKind {
    /// Links and citations: http, https, mailto, tel.
    Link,
    /// Images: http, https and raster `data:image/…`.
    Image,
    /// Audio, video, text tracks: http, https.
    Media,
}

/// What happens to one node.
enum Fate {
    Keep,
    Drop,
    Unwrap,
    Rename(&'static str),
}

/// Where a node's children sit.
#[derive(Clone, Copy, Default)]
struct Ctx {
    /// Inside a `math` element.
    math: bool,
    /// Inside a `pre` element (white space matters).
    pre: bool,
    /// Inside an `a` (not across a table cell): a nested `a` would close it
    /// when parsed again.
    link: bool,
    /// Inside an `li` (not across a list), or a `dd`/`dt` (not across a `dl`):
    /// another one would close it when parsed again.
    item: bool,
    dl_item: bool,
}

/// Removes everything not on the allowlist from the tree below `root` (the
/// root itself, a wrapper, is left as it is). URLs are made absolute against
/// `base` when it is given.
pub fn sanitize(root: &Handle, base: Option<&Url>) {
    let mut stack: Vec<(Handle, Ctx)> = vec![(root.clone(), Ctx::default())];
    while let Some((node, ctx)) = stack.pop() {
        let parent_tag =
            if Rc::ptr_eq(&node, root) { None } else { dom::tag(&node).map(str::to_owned) };
        let parent_tag = parent_tag.as_deref();
        let mut queue: VecDeque<Handle> = node.children.borrow_mut().drain(..).collect();
        let mut out: Vec<Handle> = Vec::with_capacity(queue.len());
        if parent_tag.is_some_and(|t| tags::VOID.contains(&t) || t == "iframe") {
            queue.clear();
        }
        while let Some(child) = queue.pop_front() {
            child.parent.set(None);
            match &child.data {
                NodeData::Text { contents } => {
                    if parent_tag == Some("colgroup") && !contents.borrow().trim().is_empty() {
                        continue;
                    }
                    if let Some(NodeData::Text { contents: prev }) = out.last().map(|n| &n.data) {
                        prev.borrow_mut().push_tendril(&contents.borrow());
                    } else {
                        out.push(child);
                    }
                }
                NodeData::Element { .. } => match fate(&child, parent_tag, ctx) {
                    Fate::Drop => {}
                    Fate::Unwrap => {
                        let kids: Vec<Handle> = child.children.borrow_mut().drain(..).collect();
                        for k in kids.into_iter().rev() {
                            queue.push_front(k);
                        }
                    }
                    Fate::Keep => {
                        clean_attrs(&child, base);
                        let tag = dom::tag(&child).unwrap_or("");
                        let cell = matches!(tag, "td" | "th" | "caption");
                        let child_ctx = Ctx {
                            math: ctx.math || tag == "math",
                            pre: ctx.pre || tag == "pre",
                            link: (ctx.link || tag == "a") && !cell,
                            item: (ctx.item || tag == "li") && !cell && !matches!(tag, "ul" | "ol"),
                            dl_item: (ctx.dl_item || matches!(tag, "dd" | "dt"))
                                && !cell
                                && tag != "dl",
                        };
                        out.push(child.clone());
                        stack.push((child, child_ctx));
                    }
                    Fate::Rename(name) => {
                        let new = dom::new_element(name, &[]);
                        if let (
                            NodeData::Element { attrs: from, .. },
                            NodeData::Element { attrs: to, .. },
                        ) = (&child.data, &new.data)
                        {
                            *to.borrow_mut() = std::mem::take(&mut *from.borrow_mut());
                        }
                        let kids: Vec<Handle> = child.children.borrow_mut().drain(..).collect();
                        *new.children.borrow_mut() = kids;
                        // Re-examine it under its new name (the parent may not allow it).
                        queue.push_front(new);
                    }
                },
                _ => {}
            }
        }
        if !ctx.pre {
            // Blank runs left where elements went: one newline renders the same.
            for c in &out {
                if let NodeData::Text { contents } = &c.data {
                    let mut t = contents.borrow_mut();
                    if t.len() > 1 && t.contains('\n') && t.chars().all(dom::is_html_space) {
                        *t = StrTendril::from_slice("\n");
                    }
                }
            }
        }
        let out = fix_table_children(parent_tag, out);
        for c in &out {
            c.parent.set(Some(Rc::downgrade(&node)));
        }
        *node.children.borrow_mut() = out;
    }
    trim_root_start(root);
}

/// A leading run of whitespace is lost when a document is parsed again
/// (before `<body>` it is skipped), so the root's content starts with non-space.
fn trim_root_start(root: &Handle) {
    loop {
        let first = root.children.borrow().first().cloned();
        let Some(first) = first else { return };
        let NodeData::Text { contents } = &first.data else {
            return;
        };
        let trimmed = contents.borrow().trim_start().to_owned();
        if trimmed.is_empty() {
            root.children.borrow_mut().remove(0);
            first.parent.set(None);
        } else {
            *contents.borrow_mut() = StrTendril::from_slice(&trimmed);
            return;
        }
    }
}

/// Decides what happens to element `node` whose (kept) parent is `parent`.
fn fate(node: &Handle, parent: Option<&str>, ctx: Ctx) -> Fate {
    let NodeData::Element { name, .. } = &node.data else {
        return Fate::Drop;
    };
    let tag: &str = &name.local;
    if name.ns == ns!(mathml) {
        return if tag == "math" || (ctx.math && MATHML_TAGS.contains(&tag)) {
            // Token elements hold text only: markup in them is HTML when parsed again.
            if matches!(parent, Some("mi" | "mo" | "mn" | "ms" | "mtext" | "annotation")) {
                Fate::Unwrap
            } else {
                Fate::Keep
            }
        } else if tag == "annotation-xml" || tag == "mglyph" || tag == "malignmark" {
            Fate::Drop
        } else {
            Fate::Unwrap
        };
    }
    if name.ns != ns!(html) {
        // SVG and anything else foreign.
        return Fate::Drop;
    }
    if tag == "math" {
        // An HTML-namespace `math` is not real MathML: keep the text only.
        return Fate::Unwrap;
    }
    if DROPPED_TAGS.contains(&tag) {
        if tag == "iframe" && !ctx.math && iframe_src_ok(node) {
            return Fate::Keep;
        }
        return Fate::Drop;
    }
    if ctx.math {
        // HTML inside MathML would break out of foreign content when parsed again.
        return Fate::Unwrap;
    }
    if AS_DIV.contains(&tag) {
        return Fate::Rename("div");
    }
    match tag {
        "dir" | "menu" => return Fate::Rename("ul"),
        "listing" => return Fate::Rename("pre"),
        "tt" => return Fate::Rename("code"),
        "strike" => return Fate::Rename("s"),
        "image" => return Fate::Rename("img"),
        _ => {}
    }
    if !HTML_TAGS.contains(&tag) {
        return Fate::Unwrap;
    }
    // What the parser would close on reading it again, to keep `content` a fixed point.
    let reopens = match tag {
        "a" => ctx.link,
        "li" => ctx.item,
        "dd" | "dt" => ctx.dl_item,
        _ => false,
    };
    if reopens {
        return Fate::Unwrap;
    }
    if tag == "p" && holds_block(node) {
        return Fate::Rename("div");
    }
    let p = parent.unwrap_or("");
    let ok = match tag {
        "source" => matches!(p, "picture" | "video" | "audio"),
        "track" => matches!(p, "video" | "audio"),
        // Table parts outside their place are ignored by the parser (content kept).
        "td" | "th" => p == "tr",
        "tr" => matches!(p, "thead" | "tbody" | "tfoot" | "table"),
        "thead" | "tbody" | "tfoot" | "caption" | "colgroup" => p == "table",
        "col" => matches!(p, "colgroup" | "table"),
        // Ruby parts close each other when parsed: only where the parser puts them.
        "rb" | "rtc" => p == "ruby",
        "rt" | "rp" => matches!(p, "ruby" | "rtc"),
        // A heading directly in a heading is closed by the parser: keep the outer one.
        h if tags::HEADINGS.contains(&h) => !tags::HEADINGS.contains(&p),
        _ => true,
    };
    if ok {
        Fate::Keep
    } else if tag == "source" || tag == "track" || tag == "col" {
        Fate::Drop
    } else {
        Fate::Unwrap
    }
}

/// Whether a `p` holds an element that would close it when parsed ([`tags::CLOSES_P`]),
/// or one the sanitizer renames into such an element, with no table cell or
/// MathML between. Stops at the first; each node is looked at for its nearest
/// `p` only (a `p` inside is itself a find), so all the checks stay linear.
fn holds_block(p: &Handle) -> bool {
    let mut stack: Vec<Handle> = p.children.borrow().iter().rev().cloned().collect();
    while let Some(node) = stack.pop() {
        let Some(tag) = dom::tag(&node) else { continue };
        if tags::CLOSES_P.contains(&tag) || AS_DIV.contains(&tag) {
            return true;
        }
        if matches!(tag, "td" | "th" | "caption" | "math" | "svg" | "template") {
            continue;
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    false
}

/// Puts a table's children in the shape the parser builds: `tr` inside a row
/// group, `col` inside a `colgroup`, anything else in a `tr`/row group inside a cell.
fn fix_table_children(parent: Option<&str>, kids: Vec<Handle>) -> Vec<Handle> {
    let Some(parent @ ("table" | "thead" | "tbody" | "tfoot" | "tr")) = parent else {
        return kids;
    };
    let mut out: Vec<Handle> = Vec::with_capacity(kids.len());
    // The open wrapper collecting misplaced children, and its tag.
    let mut open: Option<(Handle, &'static str)> = None;
    for kid in kids {
        let want: Option<&'static str> = match (parent, dom::tag(&kid)) {
            (_, None) if dom::is_blank(&kid) => None,
            ("table", Some("caption" | "colgroup" | "thead" | "tbody" | "tfoot")) => None,
            ("table", Some("tr")) => Some("tbody"),
            ("table", Some("col")) => Some("colgroup"),
            ("table", _) => Some("tbody-cell"),
            ("thead" | "tbody" | "tfoot", Some("tr")) => None,
            ("thead" | "tbody" | "tfoot", _) => Some("tr-cell"),
            ("tr", Some("td" | "th")) => None,
            (_, _) => Some("td"),
        };
        match want {
            None => {
                if dom::is_blank(&kid) {
                    if let Some((w, _)) = &open {
                        w.children.borrow_mut().push(kid);
                        continue;
                    }
                }
                open = None;
                out.push(kid);
            }
            Some(w) => {
                let same = open.as_ref().is_some_and(|(_, t)| *t == w);
                if !same {
                    let wrapper = build_wrapper(w);
                    out.push(wrapper.0.clone());
                    open = Some((wrapper.1, w));
                }
                if let Some((target, _)) = &open {
                    kid.parent.set(Some(Rc::downgrade(target)));
                    target.children.borrow_mut().push(kid);
                }
            }
        }
    }
    out
}

/// Builds the wrapper chain for a misplaced table child: (outermost, innermost).
fn build_wrapper(kind: &str) -> (Handle, Handle) {
    let chain: &[&str] = match kind {
        "tbody" => &["tbody"],
        "colgroup" => &["colgroup"],
        "tbody-cell" => &["tbody", "tr", "td"],
        "tr-cell" => &["tr", "td"],
        _ => &["td"],
    };
    let outer = dom::new_element(chain[0], &[]);
    let mut inner = outer.clone();
    for name in &chain[1..] {
        let e = dom::new_element(name, &[]);
        e.parent.set(Some(Rc::downgrade(&inner)));
        inner.children.borrow_mut().push(e.clone());
        inner = e;
    }
    (outer, inner)
}

/// Whether an `iframe`'s `src` is an https player of [`rules::hosts::PLAYERS`].
fn iframe_src_ok(node: &Handle) -> bool {
    dom::attr(node, "src").is_some_and(|s| iframe_url(&s).is_some())
}

/// The absolute URL of an allowed player, or `None`.
fn iframe_url(raw: &str) -> Option<String> {
    let s = strip_url(raw);
    let s = if s.starts_with("//") { format!("https:{s}") } else { s };
    let url = Url::parse(&s).ok()?;
    if url.scheme() != "https" || url.username() != "" || url.password().is_some() {
        return None;
    }
    if url.port().is_some() {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let path = url.path();
    let on = |h: &str| host == h || host.strip_prefix("www.") == Some(h);
    rules::hosts::PLAYERS
        .iter()
        .any(|(h, p)| on(h) && p.is_some_and(|p| path.starts_with(p)))
        .then(|| url.to_string())
}

/// Keeps only the allowed attributes of a kept element, with checked values.
fn clean_attrs(node: &Handle, base: Option<&Url>) {
    let NodeData::Element { name, attrs, .. } = &node.data else {
        return;
    };
    let tag: &str = &name.local;
    let math = name.ns == ns!(mathml);
    let old = std::mem::take(&mut *attrs.borrow_mut());
    let mut new: Vec<Attribute> = Vec::new();
    // `<a name=x>`, an old-style anchor: it becomes the link's id.
    let mut anchor: Option<String> = None;
    for a in old {
        if a.name.ns != ns!() || a.name.prefix.is_some() {
            continue;
        }
        let key: &str = &a.name.local;
        if tag == "a" && !math && key == "name" && anchor.is_none() {
            anchor = namespaced_id(&a.value);
        }
        if new.iter().any(|n| &*n.name.local == key) {
            continue;
        }
        let value: &str = &a.value;
        let kept = if math {
            clean_mathml_attr(key, value)
        } else {
            clean_html_attr(tag, key, value, base)
        };
        if let Some(v) = kept {
            new.push(Attribute {
                name: QualName::new(None, ns!(), LocalName::from(key)),
                value: StrTendril::from_slice(&v),
            });
        }
    }
    fn add(new: &mut Vec<Attribute>, k: &str, v: &str) {
        if !new.iter().any(|n| &*n.name.local == k) {
            new.push(Attribute {
                name: QualName::new(None, ns!(), LocalName::from(k)),
                value: StrTendril::from_slice(v),
            });
        }
    }
    if let Some(id) = anchor {
        add(&mut new, "id", &id);
    }
    match tag {
        "iframe" if !math => {
            new.retain(|a| &*a.name.local != "sandbox" && &*a.name.local != "loading");
            add(&mut new, "sandbox", IFRAME_SANDBOX);
            add(&mut new, "loading", "lazy");
        }
        "video" | "audio" if !math => add(&mut new, "controls", ""),
        _ => {}
    }
    *attrs.borrow_mut() = new;
}

fn clean_mathml_attr(key: &str, value: &str) -> Option<String> {
    if !MATHML_ATTRS.contains(&key) {
        return None;
    }
    let v = value.trim();
    // Plain presentation values only: no URLs, no CSS, no markup.
    let plain = v.len() <= MAX_MATHML_VALUE_LEN
        && v.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '+' | '%' | '#'));
    plain.then(|| v.to_owned())
}

fn digits(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty() && v.len() <= MAX_DIGITS && v.bytes().all(|b| b.is_ascii_digit()))
        .then(|| v.to_owned())
}

/// The checked value of attribute `key` on HTML element `tag`, or `None` to drop it.
fn clean_html_attr(tag: &str, key: &str, value: &str, base: Option<&Url>) -> Option<String> {
    match (tag, key) {
        (_, "title") => Some(value.to_owned()),
        (_, "lang") => {
            let v = value.trim();
            (v.len() <= MAX_LANG_LEN && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                .then(|| v.to_owned())
        }
        (_, "dir") => {
            let v = value.trim().to_ascii_lowercase();
            matches!(v.as_str(), "ltr" | "rtl" | "auto").then_some(v)
        }
        (_, "id") => namespaced_id(value),
        ("a", "href") => match same_document_fragment(value, base) {
            Some(fragment) => namespaced_id(&fragment).map(|id| format!("#{id}")),
            None => safe_url(value, base, UrlKind::Link),
        },
        ("blockquote" | "q" | "del" | "ins", "cite") => safe_url(value, base, UrlKind::Link),
        ("del" | "ins", "datetime") | ("time", "datetime") => Some(value.trim().to_owned()),
        ("img", "src") => safe_url(value, base, UrlKind::Image),
        ("img", "srcset") => safe_srcset(value, base, UrlKind::Image),
        ("img", "alt") => Some(value.to_owned()),
        ("img" | "source", "sizes") => Some(value.trim().to_owned()),
        ("img" | "video" | "iframe", "width" | "height") => digits(value),
        ("img", "loading") => {
            let v = value.trim().to_ascii_lowercase();
            matches!(v.as_str(), "lazy" | "eager").then_some(v)
        }
        ("source", "src") => safe_url(value, base, UrlKind::Media),
        ("source", "srcset") => safe_srcset(value, base, UrlKind::Image),
        ("source", "type" | "media") => Some(value.trim().to_owned()),
        ("video" | "audio", "src") => safe_url(value, base, UrlKind::Media),
        ("video", "poster") => safe_url(value, base, UrlKind::Image),
        ("video" | "audio", "controls") => Some(String::new()),
        ("video" | "audio", "preload") => {
            let v = value.trim().to_ascii_lowercase();
            matches!(v.as_str(), "none" | "metadata" | "auto").then_some(v)
        }
        ("track", "src") => safe_url(value, base, UrlKind::Media),
        ("track", "kind" | "srclang" | "label") => Some(value.trim().to_owned()),
        ("track", "default") => Some(String::new()),
        ("iframe", "src") => iframe_url(value),
        ("iframe", "allowfullscreen") => Some(String::new()),
        ("td" | "th", "colspan" | "rowspan") => digits(value),
        ("td" | "th", "headers") => {
            let ids: Vec<String> =
                value.split_ascii_whitespace().filter_map(namespaced_id).collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
        ("th", "scope") => {
            let v = value.trim().to_ascii_lowercase();
            matches!(v.as_str(), "row" | "col" | "rowgroup" | "colgroup").then_some(v)
        }
        ("ol", "start") => {
            let v = value.trim();
            let n = v.strip_prefix('-').unwrap_or(v);
            digits(n).map(|_| v.to_owned())
        }
        ("ol", "reversed") | ("details", "open") => Some(String::new()),
        ("ol", "type") => {
            let v = value.trim();
            matches!(v, "1" | "a" | "A" | "i" | "I").then(|| v.to_owned())
        }
        ("li", "value") => digits(value),
        ("col" | "colgroup", "span") => digits(value),
        ("code" | "pre", "class") => {
            let kept: Vec<&str> = value
                .split_ascii_whitespace()
                .filter(|c| {
                    (c.starts_with("language-") || c.starts_with("lang-"))
                        && c.chars().all(|ch| {
                            ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '+' | '#' | '.')
                        })
                })
                .collect();
            (!kept.is_empty()).then(|| kept.join(" "))
        }
        _ => None,
    }
}

/// The page's `id` (or `<a name>`, or the target of a same-document link)
/// made one of the article's own: [`ID_PREFIX`], then the id with ASCII
/// letters, digits and `-` kept and every other character written `_<hex
/// code point>_` (so `fn:1` is `ac-fn_3a_1`, `Géo` is `ac-G_e9_o`): distinct
/// ids stay distinct, and the result needs no escaping in a CSS selector or a
/// URL. An id already in that form is kept as it is, so sanitizing twice
/// changes nothing. Empty or past [`MAX_ID_LEN`]: `None`.
fn namespaced_id(raw: &str) -> Option<String> {
    let raw = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    let own = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let out = match raw.strip_prefix(ID_PREFIX) {
        Some(rest) if rest.chars().all(|c| own(c) || c == '_') => raw.to_owned(),
        _ if raw.is_empty() => return None,
        _ => {
            let mut out = String::from(ID_PREFIX);
            for c in raw.chars() {
                if own(c) {
                    out.push(c);
                } else {
                    out.push_str(&format!("_{:x}_", u32::from(c)));
                }
                if out.len() > MAX_ID_LEN {
                    return None;
                }
            }
            out
        }
    };
    (out.len() > ID_PREFIX.len() && out.len() <= MAX_ID_LEN).then_some(out)
}

/// The fragment (percent-decoded) of a link to a place in the page itself:
/// `#x`, or a URL that resolves to the page's own address plus a fragment.
/// An empty fragment (`#`, the top of the page) is not one.
fn same_document_fragment(raw: &str, base: Option<&Url>) -> Option<String> {
    let s = strip_url(raw);
    let fragment = match s.strip_prefix('#') {
        Some(fragment) => fragment.to_owned(),
        None => {
            let base = base?;
            let url = base.join(&s).ok()?;
            let (page, fragment) = url.as_str().split_once('#')?;
            if page != base.as_str().split('#').next().unwrap_or_default() {
                return None;
            }
            fragment.to_owned()
        }
    };
    (!fragment.is_empty()).then(|| percent_decode(&fragment))
}

/// `%xx` escapes decoded, as a browser does before it looks for the fragment's
/// id; text that does not decode to UTF-8 is kept as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex =
            b.get(i + 1..i + 3).filter(|h| b[i] == b'%' && h.iter().all(u8::is_ascii_hexdigit));
        match hex.and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()) {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// The URL with what a browser's URL parser ignores taken out: leading and
/// trailing C0 controls and spaces, and every tab and newline.
fn strip_url(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The URL, absolute when `base` is given, if its scheme is allowed for `kind`.
fn safe_url(raw: &str, base: Option<&Url>, kind: UrlKind) -> Option<String> {
    let s = strip_url(raw);
    if s.is_empty() || s.chars().any(|c| c.is_control()) {
        return None;
    }
    // A colon before the first `/`, `?` or `#` must end a real scheme: a
    // mangled one (`java\u{fffd}script:`) would only be a strange relative path,
    // but nobody writes those, and it reads like an attack.
    let head = s.split(['/', '?', '#']).next().unwrap_or("");
    if let Some((scheme, _)) = head.split_once(':') {
        if !crate::weburl::is_scheme(scheme) {
            return None;
        }
    }
    let url = match base {
        Some(b) => b.join(&s).ok()?,
        None => match Url::parse(&s) {
            Ok(u) => u,
            Err(crate::weburl::Error::RelativeWithoutBase) if !head.contains(':') => {
                // Relative, and nothing in it reads as a scheme: kept as written.
                return Some(s);
            }
            Err(_) => return None,
        },
    };
    let ok = match url.scheme() {
        "http" | "https" => true,
        "mailto" | "tel" => kind == UrlKind::Link,
        "data" => kind == UrlKind::Image && data_image_ok(url.as_str()),
        _ => false,
    };
    ok.then(|| url.to_string())
}

/// An image URL for a field of the result that carries one outside `content`
/// (`leadImage`): the very check an image in `content` passes ([`safe_url`]:
/// http, https or a raster `data:image/…`, resolved against `base`), and
/// absolute (a relative URL without a base is of no use to the host). A host
/// may paste the string into markup unescaped, so the characters that could
/// end an attribute or open a tag (quotes, angle brackets, backtick, space)
/// are percent-encoded, which a URL parser reads back the same.
pub(crate) fn field_image_url(raw: &str, base: Option<&Url>) -> Option<String> {
    let url = safe_url(raw, base, UrlKind::Image)?;
    let absolute = ["http:", "https:", "data:"]
        .iter()
        .any(|scheme| url.get(..scheme.len()).is_some_and(|h| h.eq_ignore_ascii_case(scheme)));
    if !absolute {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '"' => out.push_str("%22"),
            '\'' => out.push_str("%27"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '`' => out.push_str("%60"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    Some(out)
}

/// Whether a `data:` URL holds a raster image type.
fn data_image_ok(url: &str) -> bool {
    let Some(rest) = url.get(5..) else {
        return false;
    };
    let mime = rest.split([';', ',']).next().unwrap_or("").trim().to_ascii_lowercase();
    rest.contains(',') && DATA_IMAGE_TYPES.contains(&mime.as_str())
}

/// A `srcset` with every candidate URL checked; candidates that fail are left out.
fn safe_srcset(value: &str, base: Option<&Url>, kind: UrlKind) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for (url, descriptor) in parse_srcset(value) {
        let Some(u) = safe_url(&url, base, kind) else {
            continue;
        };
        if u.ends_with(',') || u.contains(char::is_whitespace) {
            continue;
        }
        let d = descriptor.trim();
        // A number then w, x or h, checked on bytes: the descriptor may end in any character.
        let valid_d = d.is_empty()
            || d.as_bytes().split_last().is_some_and(|(last, number)| {
                !number.is_empty()
                    && number.iter().all(|b| b.is_ascii_digit() || *b == b'.')
                    && matches!(last, b'w' | b'x' | b'h')
            });
        if !valid_d {
            continue;
        }
        out.push(if d.is_empty() { u } else { format!("{u} {d}") });
    }
    (!out.is_empty()).then(|| out.join(", "))
}

/// Splits a `srcset` into (URL, descriptor) pairs as the HTML standard does:
/// a URL runs to the next whitespace (trailing commas end it), descriptors to
/// the next comma outside parentheses.
fn parse_srcset(value: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_ascii_whitespace() || chars[i] == ',') {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut url: String = chars[start..i].iter().collect();
        let mut descriptor = String::new();
        if url.ends_with(',') {
            url = url.trim_end_matches(',').to_owned();
        } else {
            let mut depth = 0;
            while i < chars.len() {
                let c = chars[i];
                if c == '(' {
                    depth += 1;
                } else if c == ')' && depth > 0 {
                    depth -= 1;
                } else if c == ',' && depth == 0 {
                    i += 1;
                    break;
                }
                descriptor.push(c);
                i += 1;
            }
        }
        if !url.is_empty() {
            out.push((url, normalize_descriptor(&descriptor)));
        }
    }
    out
}

fn normalize_descriptor(d: &str) -> String {
    d.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes the children of `root` as HTML (the root is only a wrapper).
///
/// Text is escaped (`&`, `<`, `>`, no-break space), attribute values are
/// double-quoted with `&`, `"`, `<` and `>` escaped, void elements have no end
/// tag and every other element is closed. Meant for a tree that went through
/// [`sanitize`]: see the module documentation for why the result cannot
/// change meaning when a browser parses it.
pub fn serialize(root: &Handle) -> String {
    enum Step {
        Open(Handle),
        Close(String),
    }
    let mut out = String::new();
    let mut stack: Vec<Step> =
        root.children.borrow().iter().rev().map(|c| Step::Open(c.clone())).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Close(tag) => {
                out.push_str("</");
                out.push_str(&tag);
                out.push('>');
                continue;
            }
            Step::Open(node) => node,
        };
        match &node.data {
            NodeData::Text { contents } => escape(&contents.borrow(), &mut out, false),
            NodeData::Element { name, attrs, .. } => {
                let tag: &str = &name.local;
                out.push('<');
                out.push_str(tag);
                for a in attrs.borrow().iter() {
                    out.push(' ');
                    out.push_str(&a.name.local);
                    out.push_str("=\"");
                    escape(&a.value, &mut out, true);
                    out.push('"');
                }
                out.push('>');
                if name.ns == ns!(html) && tags::VOID.contains(&tag) {
                    continue;
                }
                let kids = node.children.borrow();
                if name.ns == ns!(html) && tag == "pre" {
                    // The parser drops one newline right after `<pre>`.
                    if let Some(NodeData::Text { contents }) = kids.first().map(|k| &k.data) {
                        if contents.borrow().starts_with('\n') {
                            out.push('\n');
                        }
                    }
                }
                stack.push(Step::Close(tag.to_owned()));
                if !(name.ns == ns!(html) && tag == "iframe") {
                    stack.extend(kids.iter().rev().map(|c| Step::Open(c.clone())));
                }
            }
            _ => {}
        }
    }
    out
}

/// Text escaped for HTML, safe both as element text and inside a
/// double-quoted attribute value, as the serializer writes attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::new();
    escape(text, &mut out, true);
    out
}

/// Escapes text for HTML; in an attribute value (`in_attr`) the double quote too.
fn escape(s: &str, out: &mut String, in_attr: bool) {
    // Bytes, not characters: the runs between special bytes are copied whole.
    let b = s.as_bytes();
    out.reserve(b.len());
    let mut last = 0;
    for (i, &c) in b.iter().enumerate() {
        let (from, with) = match c {
            b'&' => (i, "&amp;"),
            b'"' if in_attr => (i, "&quot;"),
            b'<' => (i, "&lt;"),
            b'>' => (i, "&gt;"),
            b'\r' => (i, "&#13;"),
            b'\0' => (i, "\u{fffd}"),
            // U+00A0 is C2 A0 in UTF-8, and C2 is never a continuation byte
            0xa0 if i > 0 && b[i - 1] == 0xc2 => (i - 1, "&nbsp;"),
            _ => continue,
        };
        out.push_str(&s[last..from]);
        out.push_str(with);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::body_content as body_of;

    fn clean_with(html: &str, base: Option<&str>) -> String {
        let base = base.map(|b| Url::parse(b).unwrap());
        let root = body_of(html);
        sanitize(&root, base.as_ref());
        let out = serialize(&root);
        // Parsing the output again and sanitizing it gives the same string.
        let again = body_of(&out);
        sanitize(&again, base.as_ref());
        assert_eq!(serialize(&again), out, "not a fixpoint for {html:?}");
        out
    }

    fn clean(html: &str) -> String {
        clean_with(html, Some("https://example.com/a/"))
    }

    #[test]
    fn allowed_markup_stays_and_relative_urls_resolve() {
        assert_eq!(
            clean("<p class=x id=y style='color:red'>Hi <a href='/b?c=1&d=2' target=_blank onclick=f()>there</a></p>"),
            "<p id=\"ac-y\">Hi <a href=\"https://example.com/b?c=1&amp;d=2\">there</a></p>"
        );
        assert_eq!(
            clean_with("<a href='b.html'>x</a><img src='i.png' alt='A \"q\"'>", None),
            "<a href=\"b.html\">x</a><img src=\"i.png\" alt=\"A &quot;q&quot;\">"
        );
    }

    #[test]
    fn ids_are_namespaced_and_same_document_links_follow_them() {
        // Footnotes, both ways, with the characters footnote ids use.
        assert_eq!(
            clean("<p>Text<sup id='fnref:1'><a href='#fn:1'>1</a></sup></p><ol><li id='fn:1'>Note <a href='#fnref%3A1'>↩</a></li></ol>"),
            "<p>Text<sup id=\"ac-fnref_3a_1\"><a href=\"#ac-fn_3a_1\">1</a></sup></p><ol><li id=\"ac-fn_3a_1\">Note <a href=\"#ac-fnref_3a_1\">↩</a></li></ol>"
        );
        // Old-style anchors, and links through the page's own address.
        assert_eq!(
            clean("<h2><a name='Géo'></a>Géo</h2><a href='https://example.com/a/#G%C3%A9o'>up</a><a href='/a/#top'>top</a>"),
            "<h2><a id=\"ac-G_e9_o\"></a>Géo</h2><a href=\"#ac-G_e9_o\">up</a><a href=\"#ac-top\">top</a>"
        );
        // Ids that would clobber the host's document come out harmless.
        assert_eq!(
            clean("<img id=createElement src=a.png><a name=documentElement id=x>y</a><p id='a b\"c'>z</p>"),
            "<img id=\"ac-createElement\" src=\"https://example.com/a/a.png\"><a id=\"ac-x\">y</a><p id=\"ac-a_20_b_22_c\">z</p>"
        );
        // Everything else as before: other pages' fragments, the bare `#`, empty ids.
        assert_eq!(
            clean("<a href='/b#x'>b</a><a href='#'>t</a><p id=''>e</p><td headers='h:1 h2'>"),
            "<a href=\"https://example.com/b#x\">b</a><a href=\"https://example.com/a/#\">t</a><p>e</p>"
        );
        assert_eq!(
            clean("<table><tr><th id=h:1>H</th></tr><tr><td headers='h:1 h2'>c</td></tr></table>"),
            "<table><tbody><tr><th id=\"ac-h_3a_1\">H</th></tr><tr><td headers=\"ac-h_3a_1 ac-h2\">c</td></tr></tbody></table>"
        );
        // Namespaced once: the output sanitizes to itself.
        let once = clean("<p id='fn:1'><a href='#fn:1'>x</a></p>");
        assert_eq!(clean(&once), once);
        let long = format!("<p id='{}'>x</p><a href='#{}'>y</a>", "i".repeat(300), "i".repeat(300));
        assert_eq!(clean(&long), "<p>x</p><a>y</a>");
    }

    #[test]
    fn blocks_the_clean_stage_left_inside_a_paragraph_or_link_reparse_the_same() {
        // Trees the parser never builds but the earlier stages can (moving and
        // unwrapping nodes): a heading inside `<p><b>`, a `p` in a `p`, a link
        // in a link, an item in an item. Written as they are, a browser would
        // close the outer element and build another tree.
        let el = |tag: &str, kids: &[Handle]| {
            let e = dom::new_element(tag, &[]);
            kids.iter().for_each(|k| dom::append(&e, k));
            e
        };
        let t = dom::new_text;
        let root = el(
            "div",
            &[
                el("p", &[el("b", &[t("bold"), el("h2", &[t("Heading")])])]),
                el("p", &[el("span", &[el("p", &[t("inner")])])]),
                el("p", &[el("a", &[t("out"), el("a", &[t("in")])])]),
                el("ul", &[el("li", &[t("one"), el("li", &[t("two")])])]),
                el("p", &[el("table", &[el("tr", &[el("td", &[el("p", &[t("cell")])])])])]),
            ],
        );
        sanitize(&root, None);
        let out = serialize(&root);
        assert_eq!(
            out,
            "<div><b>bold<h2>Heading</h2></b></div><div><span><p>inner</p></span></div>\
             <p><a>outin</a></p><ul><li>onetwo</li></ul>\
             <div><table><tbody><tr><td><p>cell</p></td></tr></tbody></table></div>"
        );
        assert_eq!(serialize(&body_of(&out)), out, "parsed again, the same tree");
    }

    #[test]
    fn dangerous_elements_go_with_their_content() {
        let out = clean("<p>a<script>alert(1)</script>b<style>p{}</style>c</p><svg onload=x><circle/></svg><noscript><p>n</p></noscript><form><input value=v>f</form><template><p>t</p></template>");
        assert_eq!(out, "<p>abc</p>");
    }

    #[test]
    fn unknown_elements_are_unwrapped() {
        assert_eq!(
            clean("<p><font color=red>red</font> <x-a onclick=f()>x</x-a></p><center><p>c</p></center>"),
            "<p>red x</p><div><p>c</p></div>"
        );
    }

    #[test]
    fn urls_are_checked() {
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{e}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "jar:http://x/!/",
        ] {
            for base in [Some("https://example.com/"), None] {
                assert_eq!(
                    safe_url(bad, base.map(|b| Url::parse(b).unwrap()).as_ref(), UrlKind::Image),
                    None,
                    "{bad:?}"
                );
            }
        }
        assert_eq!(
            safe_url("data:image/png;base64,AAAA", None, UrlKind::Image).as_deref(),
            Some("data:image/png;base64,AAAA")
        );
        assert_eq!(safe_url("data:image/png;base64,AAAA", None, UrlKind::Link), None);
        assert_eq!(safe_url("mailto:a@b.c", None, UrlKind::Link).as_deref(), Some("mailto:a@b.c"));
        assert_eq!(safe_url("tel:+1", None, UrlKind::Image), None);
        assert_eq!(safe_url("a:b/c", None, UrlKind::Link), None);
        assert_eq!(safe_url("x/y:z", None, UrlKind::Link).as_deref(), Some("x/y:z"));
    }

    #[test]
    fn srcset_candidates_are_checked_one_by_one() {
        let out = clean("<img srcset='a.jpg 1x, javascript:alert(1) 2x, data:image/webp;base64,AA 3x,b.jpg 640w' src=a.jpg>");
        assert_eq!(
            out,
            "<img srcset=\"https://example.com/a/a.jpg 1x, data:image/webp;base64,AA 3x, https://example.com/a/b.jpg 640w\" src=\"https://example.com/a/a.jpg\">"
        );
    }

    #[test]
    fn srcset_descriptors_ending_in_any_character_are_judged_not_sliced() {
        // found by the fuzzer: a descriptor ending in a multibyte character panicked
        let out = clean("<img srcset='a.jpg 1\u{fffd}, b.jpg 2é, c.jpg 3x' src=a.jpg>");
        assert_eq!(
            out,
            "<img srcset=\"https://example.com/a/c.jpg 3x\" src=\"https://example.com/a/a.jpg\">"
        );
    }

    #[test]
    fn only_known_players_stay_as_sandboxed_iframes() {
        let out = clean("<iframe src='https://www.youtube.com/embed/abc' width=560 height=315 allow=autoplay srcdoc='<script>x</script>' onload=f() allowfullscreen>text</iframe><iframe src='https://evil.example/embed/'></iframe><iframe src='javascript:alert(1)'></iframe><iframe src='http://www.youtube.com/embed/abc'></iframe>");
        assert_eq!(
            out,
            format!("<iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\" height=\"315\" allowfullscreen=\"\" sandbox=\"{IFRAME_SANDBOX}\" loading=\"lazy\"></iframe>")
        );
    }

    #[test]
    fn media_keep_controls_and_their_sources() {
        let out = clean("<video src=v.mp4 autoplay poster='javascript:x' onerror=f()><source src=v.webm type=video/webm onerror=f()><track src=t.vtt kind=captions></video><source src=lonely.mp4><picture><source srcset='p.webp' type='image/webp'><img src=p.jpg></picture>");
        assert_eq!(
            out,
            "<video src=\"https://example.com/a/v.mp4\" controls=\"\"><source src=\"https://example.com/a/v.webm\" type=\"video/webm\"><track src=\"https://example.com/a/t.vtt\" kind=\"captions\"></video><picture><source srcset=\"https://example.com/a/p.webp\" type=\"image/webp\"><img src=\"https://example.com/a/p.jpg\"></picture>"
        );
    }

    #[test]
    fn mathml_is_kept_pure() {
        let out = clean("<math display=block href='javascript:x'><mrow><mi mathvariant=bold>x</mi><mo>+</mo><mn>1</mn></mrow><mtext><b>t</b><mglyph></mglyph></mtext><semantics><annotation-xml encoding='text/html'><img src=x onerror=f()></annotation-xml><annotation encoding=TeX>x+1</annotation></semantics></math>");
        assert_eq!(
            out,
            "<math display=\"block\"><mrow><mi mathvariant=\"bold\">x</mi><mo>+</mo><mn>1</mn></mrow><mtext>t</mtext><semantics><annotation encoding=\"TeX\">x+1</annotation></semantics></math>"
        );
    }

    #[test]
    fn code_keeps_language_classes_only() {
        assert_eq!(
            clean(
                "<pre class='hl language-rust'><code class='lang-rs x'>\nfn main() {}</code></pre>"
            ),
            "<pre class=\"language-rust\"><code class=\"lang-rs\">\nfn main() {}</code></pre>"
        );
        // The newline right after <pre> survives a second parse.
        assert_eq!(clean("<pre>\n\nx</pre>"), "<pre>\n\nx</pre>");
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            clean("<p title='a&amp;b\"<>'>1 &lt; 2 &amp;&amp; 3 &gt; 2&nbsp;&#13;</p>"),
            "<p title=\"a&amp;b&quot;&lt;&gt;\">1 &lt; 2 &amp;&amp; 3 &gt; 2&nbsp;&#13;</p>"
        );
    }

    #[test]
    fn table_parts_are_kept_in_shape() {
        assert_eq!(
            clean("<table><tr><td colspan=2 onclick=f()>a</td><th scope=col>b</th></tr></table><td>loose</td>"),
            "<table><tbody><tr><td colspan=\"2\">a</td><th scope=\"col\">b</th></tr></tbody></table>loose"
        );
        let root = dom::new_element("div", &[]);
        let table = dom::new_element("table", &[]);
        let tr = dom::new_element("tr", &[]);
        let p = dom::new_element("p", &[]);
        dom::append(&p, &dom::new_text("x"));
        dom::append(&tr, &p);
        dom::append(&table, &tr);
        dom::append(&root, &table);
        sanitize(&root, None);
        assert_eq!(serialize(&root), "<table><tbody><tr><td><p>x</p></td></tr></tbody></table>");
    }

    #[test]
    fn nested_headings_and_mutation_patterns_are_stable() {
        clean("<h1><font><h2>x</h2></font></h1>");
        clean("<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">");
        clean("<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>");
        clean("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");
        clean("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>");
        clean("<a href=1><table><tr><td><a href=2>x</a></td></tr></table></a>");
        clean("<p><table><tr><td><p>quirks</p></td></tr></table></p>");
    }

    #[test]
    fn ruby_is_kept_where_the_parser_puts_its_parts() {
        assert_eq!(
            clean("<p><ruby class=r>漢<rp>(</rp><rt onclick=f()>かん</rt><rp>)</rp></ruby></p>"),
            "<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby></p>"
        );
        assert_eq!(
            clean("<ruby><rb>a</rb><rtc><rt>b</rt></rtc></ruby>"),
            "<ruby><rb>a</rb><rtc><rt>b</rt></rtc></ruby>"
        );
        // Outside a ruby, or inside a base, an annotation is plain text.
        let root = dom::new_element("div", &[]);
        let ruby = dom::new_element("ruby", &[]);
        let rb = dom::new_element("rb", &[]);
        let rt = dom::new_element("rt", &[]);
        dom::append(&rt, &dom::new_text("x"));
        dom::append(&rb, &rt);
        dom::append(&ruby, &rb);
        dom::append(&root, &ruby);
        let loose = dom::new_element("rt", &[]);
        dom::append(&loose, &dom::new_text("y"));
        dom::append(&root, &loose);
        sanitize(&root, None);
        assert_eq!(serialize(&root), "<ruby><rb>x</rb></ruby>y");
    }

    #[test]
    fn deep_trees_do_not_recurse() {
        let html = "<div><x-a><span>".repeat(3_000) + "x";
        let root = body_of(&html);
        sanitize(&root, None);
        let out = serialize(&root);
        assert!(out.starts_with("<div><span><div><span>"));
        assert!(out.contains('x'));
    }
}
