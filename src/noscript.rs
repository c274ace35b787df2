//! Between parse and metadata: a page whose body shows (almost) no text but
//! keeps its content in a `<noscript>` fallback is read from that fallback.
//! Takes the parsed document, gives it back with the fallback's parsed content
//! in place of the `<noscript>` (or unchanged).
//!
//! Sites that render with script serve their text to clients without it
//! (forum software, single-page apps). The reader's browser runs scripts, so
//! the parser keeps `<noscript>` as raw text: the page we get shows an empty
//! shell, and the text sits unparsed in the fallback.

use markup5ever_rcdom::Handle;

use crate::dom;
use crate::parse::parse_page;
use crate::rules::thresholds::{NOSCRIPT_MAX_OUTSIDE, NOSCRIPT_MIN_TEXT, NOSCRIPT_TEXT_RATIO};

/// Replaces the largest `<noscript>` of a body that shows less than
/// [`NOSCRIPT_MAX_OUTSIDE`] characters by its parsed content, when that holds at
/// least [`NOSCRIPT_MIN_TEXT`] characters and [`NOSCRIPT_TEXT_RATIO`] times the
/// text outside. Returns whether it did.
pub fn rescue(doc: &Handle) -> bool {
    let Some(body) = dom::find(doc, "body") else {
        return false;
    };
    let fallbacks: Vec<(Handle, String)> = dom::find_all(&body, "noscript")
        .into_iter()
        .map(|ns| {
            let raw = dom::text_content(&ns);
            (ns, raw)
        })
        .filter(|(_, raw)| raw.len() >= NOSCRIPT_MIN_TEXT && raw.contains('<'))
        .collect();
    if fallbacks.is_empty() {
        return false;
    }
    let outside = shown_len(&body);
    if outside >= NOSCRIPT_MAX_OUTSIDE {
        return false;
    }
    let mut best: Option<(usize, Handle, Handle)> = None;
    for (ns, raw) in fallbacks {
        // Within the limits a page is parsed in: a page can hide in a noscript.
        let Ok(fragment) = parse_page(&raw) else {
            continue;
        };
        let Some(inner) = dom::find(&fragment, "body") else {
            continue;
        };
        // Out of its document first: dropping an rcdom document empties every
        // subtree still attached to it.
        dom::detach(&inner);
        let len = shown_len(&inner);
        if best.as_ref().is_none_or(|(l, _, _)| len > *l) {
            best = Some((len, ns, inner));
        }
    }
    match best {
        Some((len, ns, inner))
            if len >= NOSCRIPT_MIN_TEXT && len >= NOSCRIPT_TEXT_RATIO * outside =>
        {
            for child in dom::children(&inner) {
                dom::insert_before(&ns, &child);
            }
            dom::detach(&ns);
            true
        }
        _ => false,
    }
}

/// Characters a reader sees below `node` (white space collapsed).
fn shown_len(node: &Handle) -> usize {
    dom::normalize_space(&dom::visible_text(node)).chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    #[test]
    fn an_empty_body_is_read_from_its_noscript_fallback() {
        let post =
            "<p>The opening post of the thread, long enough to be read as the page itself.</p>"
                .repeat(8);
        let page = |outside: &str| {
            format!("<html><body><div id=app>{outside}</div><noscript><div class=wrap><h1>Topic</h1>{post}<script>x()</script></div></noscript></body></html>")
        };
        let doc = parse_html(&page(""));
        assert!(rescue(&doc));
        let body = dom::find(&doc, "body").unwrap();
        assert!(dom::find(&body, "noscript").is_none());
        assert_eq!(dom::find_all(&body, "p").len(), 8);
        assert!(dom::text_content(&body).contains("opening post of the thread"));
        // A page that shows its own text keeps its noscript as it is.
        let shown =
            "<p>Text the page shows to every reader, with or without script.</p>".repeat(10);
        let doc = parse_html(&page(&shown));
        assert!(!rescue(&doc));
        assert!(dom::find(&doc, "noscript").is_some());
        // A small fallback (an image, a notice) is no page.
        let doc = parse_html(
            "<body><noscript><p>Please enable JavaScript.</p><img src=a.png></noscript></body>",
        );
        assert!(!rescue(&doc));
    }
}
