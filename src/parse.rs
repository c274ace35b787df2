//! Stage 1, parse: takes the page's HTML text and gives the document tree
//! (html5ever into `markup5ever_rcdom`), plus the base URL links resolve against.

use html5ever::tendril::TendrilSink;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, RcDom};
use url::Url;

use crate::dom;

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
    let page = page_url
        .and_then(|u| Url::parse(u.trim()).ok())
        .filter(usable);
    let base_href = dom::find(doc, "base").and_then(|b| dom::attr(&b, "href"));
    let from_base = base_href.and_then(|href| match &page {
        Some(page) => page.join(href.trim()).ok(),
        None => Url::parse(href.trim()).ok(),
    });
    from_base.filter(usable).or(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_element_wins_over_page_url() {
        let doc = parse_html("<head><base href='/sub/'></head><p>x");
        let base = base_url(&doc, Some("https://example.com/a/b.html")).unwrap();
        assert_eq!(base.as_str(), "https://example.com/sub/");
        let doc = parse_html("<p>x");
        assert_eq!(
            base_url(&doc, Some("https://e.org/x")).unwrap().as_str(),
            "https://e.org/x"
        );
        assert!(base_url(&doc, Some("javascript:alert(1)")).is_none());
        let doc = parse_html("<head><base href='javascript:alert(1)//'></head><p>x");
        assert_eq!(
            base_url(&doc, Some("https://e.org/x")).unwrap().as_str(),
            "https://e.org/x"
        );
    }
}
