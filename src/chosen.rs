//! The region a reader chose: when the pick was wrong, the reader shows the cleaner
//! which part of the page holds the article ([`crate::Options::region`], a simple
//! selector such as `#story`, `main`, `div.post-body` or `[data-ac-region]`). Takes
//! the parsed document and the selector; gives the first element that matches, and
//! [`isolate`] makes it the only content of the body, so the later stages (prune,
//! clean) see nothing else while the metadata was already read from the whole page.

use markup5ever_rcdom::Handle;

use crate::dom;

/// One compound selector: a tag (or none), ids, classes and attribute tests.
#[derive(Debug, Default, PartialEq)]
struct Selector {
    tag: Option<String>,
    ids: Vec<String>,
    classes: Vec<String>,
    /// `[name]` (None) or `[name=value]`.
    attrs: Vec<(String, Option<String>)>,
}

/// Reads `tag#id.class[attr][attr=value][attr="value"]` (any part optional, `*` for
/// any tag). None for anything else (combinators, pseudo-classes, a syntax error).
fn parse(selector: &str) -> Option<Selector> {
    let s = selector.trim();
    let mut sel = Selector::default();
    let ident_end = |rest: &str| {
        rest.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len())
    };
    let mut rest = s;
    let tag_len = ident_end(rest);
    if tag_len > 0 {
        sel.tag = Some(rest[..tag_len].to_ascii_lowercase());
        rest = &rest[tag_len..];
    } else if let Some(r) = rest.strip_prefix('*') {
        rest = r;
    }
    while !rest.is_empty() {
        let mark = rest.chars().next()?;
        rest = &rest[1..];
        match mark {
            '#' | '.' => {
                let n = ident_end(rest);
                if n == 0 {
                    return None;
                }
                let list = if mark == '#' { &mut sel.ids } else { &mut sel.classes };
                list.push(rest[..n].to_string());
                rest = &rest[n..];
            }
            '[' => {
                let close = rest.find(']')?;
                let inner = &rest[..close];
                rest = &rest[close + 1..];
                let (name, value) = match inner.split_once('=') {
                    Some((n, v)) => (n, Some(unquote(v.trim())?)),
                    None => (inner, None),
                };
                let name = name.trim().to_ascii_lowercase();
                if name.is_empty() || ident_end(&name) != name.len() {
                    return None;
                }
                sel.attrs.push((name, value));
            }
            _ => return None,
        }
    }
    let any = sel.tag.is_some() || !sel.ids.is_empty() || !sel.classes.is_empty();
    (any || !sel.attrs.is_empty() || s == "*").then_some(sel)
}

/// `"a b"` or `'a b'` → `a b`; a bare word as it is; None for an unclosed quote.
fn unquote(v: &str) -> Option<String> {
    let quoted = |q: char| v.len() >= 2 && v.starts_with(q) && v.ends_with(q);
    if quoted('"') || quoted('\'') {
        Some(v[1..v.len() - 1].to_string())
    } else if v.contains(['"', '\'']) {
        None
    } else {
        Some(v.to_string())
    }
}

fn matches(el: &Handle, sel: &Selector) -> bool {
    if sel.tag.as_deref().is_some_and(|t| dom::tag(el) != Some(t)) {
        return false;
    }
    if !sel.ids.iter().all(|id| dom::attr(el, "id").as_deref() == Some(id)) {
        return false;
    }
    if !sel.classes.is_empty() {
        let class = dom::attr(el, "class").unwrap_or_default();
        if !sel.classes.iter().all(|c| class.split_ascii_whitespace().any(|w| w == c)) {
            return false;
        }
    }
    sel.attrs.iter().all(|(name, value)| match value {
        None => dom::has_attr(el, name),
        Some(v) => dom::attr(el, name).as_deref() == Some(v),
    })
}

/// The first element of `doc` (in document order) that `selector` matches; None when
/// none does or the selector is not one this module reads.
pub fn find(doc: &Handle, selector: &str) -> Option<Handle> {
    let sel = parse(selector)?;
    dom::descendant_elements(doc).into_iter().find(|el| matches(el, &sel))
}

/// Makes the region's content the whole body: the body's other children go, the
/// region's children move into a plain `div` (so the region's own class or id, say
/// "sidebar", cannot get it pruned), which becomes the body's only child. Returns
/// that `div`.
pub fn isolate(doc: &Handle, region: &Handle) -> Handle {
    let wrapper = dom::new_element("div", &[]);
    dom::move_children(region, &wrapper);
    let body = dom::find(doc, "body").unwrap_or_else(|| doc.clone());
    dom::detach_all(&dom::children(&body));
    dom::append(&body, &wrapper);
    wrapper
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_simple_selectors_and_refuses_the_rest() {
        let s = parse("div#main.story.long[data-x=\"a b\"][hidden]").unwrap();
        assert_eq!(s.tag.as_deref(), Some("div"));
        assert_eq!(s.ids, ["main"]);
        assert_eq!(s.classes, ["story", "long"]);
        assert_eq!(s.attrs, [("data-x".into(), Some("a b".into())), ("hidden".into(), None)]);
        assert!(parse("[data-ac-region]").is_some());
        assert!(parse("*").is_some());
        for bad in ["", "div p", "div > p", "a:hover", "#", "[x=\"y]", "[=y]", ".a,.b"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn finds_the_first_match_in_document_order() {
        let doc = crate::parse::parse_html(
            "<body><div class='a b' id=x>one</div><p data-r=1>two</p><p data-r=2>three</p></body>",
        );
        let text = |sel: &str| find(&doc, sel).map(|n| dom::visible_text(&n));
        assert_eq!(text(".b.a").as_deref(), Some("one"));
        assert_eq!(text("#x").as_deref(), Some("one"));
        assert_eq!(text("p").as_deref(), Some("two"));
        assert_eq!(text("[data-r='2']").as_deref(), Some("three"));
        assert_eq!(text("P[DATA-R]").as_deref(), Some("two"));
        assert_eq!(text(".c"), None);
        assert_eq!(text("div p"), None);
    }
}
