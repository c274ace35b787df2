//! Stage 4, score: takes the pruned document and picks the element holding the
//! article, merging related siblings into one container.

use markup5ever_rcdom::Handle;

use crate::metadata::Metadata;
use crate::report::Report;

/// The chosen article.
pub struct Picked {
    /// A detached `div` holding the article's content.
    pub content: Handle,
    /// A byline found in the page itself, when the metadata had none.
    pub byline: Option<String>,
}

/// Finds the article in `doc`.
pub fn pick(doc: &Handle, meta: &Metadata, report: &mut Report) -> Picked {
    let _ = (meta, report);
    let content = crate::dom::new_element("div", &[]);
    if let Some(body) = crate::dom::find(doc, "body") {
        crate::dom::move_children(&body, &content);
    }
    Picked { content, byline: None }
}
