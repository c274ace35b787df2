//! The removal report: the list of what the cleaner removed from in and around the
//! article, and why, so a reader can see and trust what was done. Every stage adds to
//! a [`Report`] as they remove; the pipeline hands its `removed` list to the `Article`.

use markup5ever_rcdom::Handle;
use serde::Serialize;

use crate::dom;

/// Why a block was removed.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalKind {
    /// An ad slot, ad-network markup or sponsored widget.
    Ad,
    /// A block whose whole text is an ad label ("Publicité", "Advertisement", ...).
    AdLabel,
    /// Recommended, related, popular or "read also" links.
    Related,
    /// A comment section or comment form.
    Comments,
    /// Share and follow bars.
    Social,
    /// Newsletter and subscription boxes.
    Newsletter,
    /// Menus, breadcrumbs, headers and footers of the site.
    Navigation,
    /// Content the page hides from its readers.
    Hidden,
    /// Cookie and consent banners.
    Consent,
    /// Other page furniture: sidebars, widgets, forms, author boxes, pagination.
    Boilerplate,
}

/// One removed block.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Removal {
    /// What kind of clutter it was.
    pub kind: RemovalKind,
    /// The rule that matched, in a few words (e.g. `class "td-a-rec"`).
    pub reason: String,
    /// The start of its text (at most 80 characters), empty for text-less blocks.
    pub sample: String,
}

/// Collects removals as the stages go.
#[derive(Default, Debug)]
pub struct Report {
    /// Everything removed so far, in the order it was removed.
    pub removed: Vec<Removal>,
}

use crate::rules::limits::{MAX_REMOVALS, SAMPLE_CHARS};

impl Report {
    /// Records that `node` was removed as `kind` because of `reason`.
    pub fn add(&mut self, kind: RemovalKind, reason: impl Into<String>, node: &Handle) {
        if self.removed.len() >= MAX_REMOVALS {
            return;
        }
        let sample = sample_text(&dom::visible_text_start(node, SAMPLE_CHARS));
        self.removed.push(Removal { kind, reason: reason.into(), sample });
    }
}

/// The first words of a text, whitespace collapsed, cut at a character boundary.
pub fn sample_text(text: &str) -> String {
    let mut out = String::new();
    for (count, word) in text.split_whitespace().enumerate() {
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() >= SAMPLE_CHARS {
            break;
        }
    }
    if out.chars().count() > SAMPLE_CHARS {
        out = out.chars().take(SAMPLE_CHARS - 1).collect::<String>() + "…";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_read_only_the_start_of_big_nodes() {
        let words: String = (0..3000).map(|i| format!("w{i}<b>x</b> \n ")).collect();
        let doc = crate::parse::parse_html(&format!("<div><p>{words}</p><p>{words}</p></div>"));
        let div = dom::find(&doc, "div").unwrap();
        let start = dom::visible_text_start(&div, SAMPLE_CHARS);
        let full = dom::visible_text(&div);
        assert!(start.len() < 400 && full.len() > 40_000);
        assert_eq!(sample_text(&start), sample_text(&full));
    }

    #[test]
    fn samples_are_short_and_whole_characters() {
        let long = "é ".repeat(200);
        let s = sample_text(&long);
        assert_eq!(s.chars().count(), SAMPLE_CHARS);
        assert!(s.ends_with('…'));
        assert_eq!(sample_text("  a\n b "), "a b");
    }

    #[test]
    fn kinds_serialize_in_kebab_case() {
        assert_eq!(serde_json::to_string(&RemovalKind::AdLabel).unwrap(), "\"ad-label\"");
    }
}
