//! Stage 1, parse: takes the page's HTML text and gives the document tree
//! (html5ever into `markup5ever_rcdom`), plus the base URL links resolve against.

use std::borrow::Cow;

use crate::weburl::Url;
use html5ever::tendril::TendrilSink;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, RcDom};

use crate::dom;

use crate::rules::limits::{MAX_DEPTH, MAX_ELEMENTS};
use crate::rules::tags::{is_not_nesting, is_raw_text};

/// One linear pass over the markup before parsing: counts elements (an error
/// past [`MAX_ELEMENTS`]), drops start and end tags nested deeper than
/// [`MAX_DEPTH`], keeping all text, and empties scripts and style sheets (see
/// `drops_body`). Pages without any of these come back borrowed, unchanged.
pub fn prescan(html: &str) -> Result<Cow<'_, str>, String> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut last = 0; // bytes before this are copied (or skipped)
    let (mut depth, mut excess, mut elements) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let start = i + off;
        i = start + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_end = name_start
            + b[name_start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
                .count();
        if name_end == name_start || !b[name_start].is_ascii_alphabetic() {
            continue;
        }
        let end = tag_end(b, name_end);
        // Names past 16 bytes are in no list below: they count, and nest.
        let mut lower = [0u8; 16];
        let raw = &b[name_start..name_end];
        let name = if raw.len() <= lower.len() {
            lower[..raw.len()].copy_from_slice(raw);
            lower[..raw.len()].make_ascii_lowercase();
            std::str::from_utf8(&lower[..raw.len()]).unwrap_or("")
        } else {
            ""
        };
        i = end;
        if closing {
            // A raw-text element's start tag is skipped with its text, never
            // counted: neither is its end tag (dropped as the end of a too-deep
            // element, it would leave the element open and the rest of the page
            // its text).
            if is_not_nesting(name) || is_raw_text(name) {
                continue;
            }
            if excess > 0 {
                excess -= 1;
                let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
                buf.push_str(&html[last..start]);
                last = end;
            } else {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        elements += 1;
        if elements > MAX_ELEMENTS {
            return Err(format!("the page has more than {MAX_ELEMENTS} elements"));
        }
        if is_raw_text(name) {
            let close = format!("</{name}");
            let body_end = find_ci(b, i, close.as_bytes()).unwrap_or(b.len());
            if body_end > end && drops_body(name, &html[start..end], &b[end..body_end]) {
                let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
                buf.push_str(&html[last..end]);
                last = body_end;
            }
            i = body_end;
            continue;
        }
        if is_not_nesting(name) {
            continue;
        }
        if depth >= MAX_DEPTH {
            excess += 1;
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[last..start]);
            last = end;
        } else {
            depth += 1;
        }
    }
    Ok(match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[last..]);
            Cow::Owned(buf)
        }
    })
}

/// Whether the text of a raw-text element can go before parsing: style sheets and
/// scripts are never shown and the parser reads them character by character (on
/// script-heavy pages, most of the work). JSON scripts stay (the metadata stage
/// reads JSON-LD), and so does a script holding `<!--`, whose end only the full
/// HTML tokenizer finds.
fn drops_body(name: &str, start_tag: &str, body: &[u8]) -> bool {
    match name {
        "style" => true,
        "script" => {
            !start_tag.to_ascii_lowercase().contains("json") && find(body, 0, b"<!--").is_none()
        }
        _ => false,
    }
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', b)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(b, from, needle, |w, n| w == n)
}

fn find_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(b, from, needle, <[u8]>::eq_ignore_ascii_case)
}

/// The first index at or after `from` where `needle` starts, as judged by `eq`:
/// jumps from one occurrence of the needle's first byte to the next.
fn find_by(b: &[u8], from: usize, needle: &[u8], eq: fn(&[u8], &[u8]) -> bool) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while i + needle.len() <= b.len() {
        let at = i + memchr::memchr(first, &b[i..])?;
        if b.get(at..at + needle.len()).is_some_and(|w| eq(w, needle)) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The index just past the `>` ending a tag whose name ends at `from`, quotes respected.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    // Jumps from one quote or `>` to the next, and over quoted values whole.
    while let Some(off) = memchr::memchr3(b'>', b'"', b'\'', &b[i..]) {
        let at = i + off;
        let c = b[at];
        if c == b'>' {
            return at + 1;
        }
        i = at + 1;
        // only a quote right after `=` (possibly spaced) opens a value
        let before = b[from..at].iter().rev().find(|x| !x.is_ascii_whitespace());
        if before == Some(&b'=') {
            match memchr::memchr(c, &b[i..]) {
                Some(close) => i += close + 1,
                None => return b.len(),
            }
        }
    }
    b.len()
}

/// Parses a whole HTML document; never fails (HTML parsing recovers from anything).
///
/// Scripting is on, as in the reader's browser: `<noscript>` holds raw text
/// (an unclosed tag inside it cannot swallow the page); the prune stage parses
/// that text on its own to recover fallback images.
pub fn parse_html(html: &str) -> Handle {
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(html);
    dom.document
}

/// The URL that relative links resolve against: the first `<base href>`, resolved
/// against the page URL, else the page URL itself. `None` when neither is an
/// absolute URL.
pub fn base_url(doc: &Handle, page_url: Option<&str>) -> Option<Url> {
    let usable = |u: &Url| matches!(u.scheme(), "http" | "https" | "file");
    let page = page_url.and_then(|u| Url::parse(u.trim()).ok()).filter(usable);
    let base_href = dom::find(doc, "base").and_then(|b| dom::attr(&b, "href"));
    let from_base = base_href.and_then(|href| match &page {
        Some(page) => page.join(href.trim()).ok(),
        None => Url::parse(href.trim()).ok(),
    });
    from_base.filter(usable).or(page)
}

/// The body's content of `html` in a detached `div`, as the pipeline hands an
/// article to the last stages: for the tests of those stages.
#[cfg(test)]
pub(crate) fn body_content(html: &str) -> Handle {
    let doc = parse_html(html);
    let body = dom::find(&doc, "body").expect("a body");
    let root = dom::new_element("div", &[]);
    dom::move_children(&body, &root);
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_flattened_and_ordinary_pages_are_untouched() {
        let page = "<html><body><div class='a>b'><p>x<br><img src=y></div><!-- <div> --><script type=application/ld+json>{\"a\": \"<div>\"}</script></body></html>";
        assert!(matches!(prescan(page).unwrap(), Cow::Borrowed(_)));
        let deep = "<div>".repeat(MAX_DEPTH + 100) + "text" + &"</div>".repeat(MAX_DEPTH + 100);
        let limited = prescan(&deep).unwrap();
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
        assert!(limited.contains("text"));
        let many = "<b>x</b>".repeat(MAX_ELEMENTS + 1);
        assert!(prescan(&many).unwrap_err().contains("elements"));
    }

    #[test]
    fn a_style_past_the_depth_limit_keeps_its_end_tag() {
        // Unclosed blocks push the page past the depth limit; the style sheets
        // inside it must still end where they end.
        let deep = "<div>".repeat(MAX_DEPTH + 5);
        let page = format!("<body>{deep}<p><style>.a{{color:red}}</style>Shown text</p><style>.b{{}}</style><p>More shown text</p></body>");
        let limited = prescan(&page).unwrap();
        assert_eq!(limited.matches("</style>").count(), 2, "{limited}");
        let doc = parse_html(&limited);
        let text = dom::visible_text(&dom::find(&doc, "body").unwrap());
        assert!(text.contains("Shown text") && text.contains("More shown text"), "{text}");
    }

    #[test]
    fn scripts_and_styles_are_emptied_but_json_and_commented_scripts_stay() {
        let page = "<head><style>p { color: red }</style><script type=application/ld+json>{\"headline\": \"H\"}</script></head><body><p>Text</p><script>var a = '<p>not text</p>';</script><script><!-- document.write('<script>x<\\/script>') --></script><SCRIPT>b()</SCRIPT></body>";
        let limited = prescan(page).unwrap();
        assert!(
            !limited.contains("color") && !limited.contains("not text") && !limited.contains("b()"),
            "{limited}"
        );
        assert!(
            limited.contains("{\"headline\": \"H\"}") && limited.contains("document.write"),
            "{limited}"
        );
        assert!(
            limited.contains("<p>Text</p>") && limited.matches("</script>").count() == 3,
            "{limited}"
        );
    }

    #[test]
    fn base_element_wins_over_page_url() {
        let doc = parse_html("<head><base href='/sub/'></head><p>x");
        let base = base_url(&doc, Some("https://example.com/a/b.html")).unwrap();
        assert_eq!(base.as_str(), "https://example.com/sub/");
        let doc = parse_html("<p>x");
        assert_eq!(base_url(&doc, Some("https://e.org/x")).unwrap().as_str(), "https://e.org/x");
        assert!(base_url(&doc, Some("javascript:alert(1)")).is_none());
        let doc = parse_html("<head><base href='javascript:alert(1)//'></head><p>x");
        assert_eq!(base_url(&doc, Some("https://e.org/x")).unwrap().as_str(), "https://e.org/x");
    }
}
