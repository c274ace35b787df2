//! Whether a page suits reader mode, in the manner of Readability's
//! `isProbablyReaderable`: visible paragraphs of enough text, outside page
//! furniture, add up to a score past a threshold. Takes HTML or a parsed
//! document, gives a yes or no; cheap enough to run before offering the view.

use markup5ever_rcdom::Handle;

use crate::dom;

use crate::rules::readability::{READERABLE_MIN_LEN, READERABLE_MIN_SCORE};
use crate::rules::tags::READERABLE_BLOCKS;

/// Whether the HTML page is probably an article.
pub fn is_probably_readerable(html: &str) -> bool {
    crate::parse::parse_page(html).is_ok_and(|doc| is_readerable_doc(&doc))
}

/// Whether the parsed document is probably an article.
pub fn is_readerable_doc(doc: &Handle) -> bool {
    let mut score = 0.0;
    let mut seen = std::collections::HashSet::new();
    // In document order, stopping as soon as the score is reached.
    dom::any_descendant(doc, |node| {
        let candidate = match dom::tag(node) {
            Some(t) if READERABLE_BLOCKS.contains(&t) => node.clone(),
            Some("br") => match dom::parent(node) {
                Some(p) if dom::is(&p, "div") => p,
                _ => return false,
            },
            _ => return false,
        };
        if !seen.insert(dom::key(&candidate)) || crate::readability::is_hidden(&candidate) {
            return false;
        }
        let match_string = dom::class_and_id(&candidate);
        if crate::readability::is_unlikely_name(&match_string) {
            return false;
        }
        if dom::is(&candidate, "p") && dom::has_ancestor(&candidate, "li", 0) {
            return false;
        }
        let len = dom::text_content(&candidate).trim().chars().count();
        if len < READERABLE_MIN_LEN {
            return false;
        }
        score += ((len - READERABLE_MIN_LEN) as f64).sqrt();
        score > READERABLE_MIN_SCORE
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_readerable_and_link_pages_are_not() {
        let para = "<p>".to_string()
            + &"A sentence of an article that goes on for a while. ".repeat(6)
            + "</p>";
        assert!(is_probably_readerable(&format!(
            "<body><article>{}</article></body>",
            para.repeat(3)
        )));
        assert!(!is_probably_readerable("<body><ul><li><a href=/a>Home</a></li><li><a href=/b>News</a></li></ul><p>Short.</p></body>"));
        let hidden = format!("<body><div style='display:none'>{}</div></body>", para.repeat(3))
            .replace("<p>", "<p hidden>");
        assert!(!is_probably_readerable(&hidden));
        let comments = format!(
            "<body><div class=comments>{}</div></body>",
            para.repeat(3).replace("<p>", "<p class=comment>")
        );
        assert!(!is_probably_readerable(&comments));
    }
}
