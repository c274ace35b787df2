//! The removal report: the list of what the cleaner removed from in and around the
//! article, and why, so a reader can see and trust what was done. Every stage adds to
//! a [`Report`] as they remove; the pipeline hands its `removed` list to the `Article`.

use markup5ever_rcdom::{Handle, NodeData};
use serde::Serialize;

use crate::rules::tags::INVISIBLE;
use crate::weburl::Url;
use crate::{dom, sanitize};

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
    /// The block as sanitized HTML, to put it back (only with
    /// [`Options::removed_html`](crate::Options::removed_html); absent for a block
    /// too big to copy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// The end of the text that came before the block in the page (at most
    /// [`ANCHOR_CHARS`] characters, empty when none did): where to put it back
    /// (only with [`Options::removed_html`](crate::Options::removed_html)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

/// Collects removals as the stages go.
#[derive(Default, Debug)]
pub struct Report {
    /// Everything removed so far, in the order it was removed.
    pub removed: Vec<Removal>,
    /// Whether removals keep their HTML (and the URL its links resolve against).
    keep_html: Option<Option<Url>>,
}

use crate::rules::limits::{ANCHOR_CHARS, MAX_REMOVALS, MAX_REMOVED_HTML, SAMPLE_CHARS};

impl Report {
    /// A report whose removals keep their block as sanitized HTML, links made
    /// absolute against `base`, and the text before it.
    pub fn keeping_html(base: Option<Url>) -> Report {
        Report { removed: Vec::new(), keep_html: Some(base) }
    }

    /// An empty report that keeps HTML when this one does.
    pub fn fresh(&self) -> Report {
        Report { removed: Vec::new(), keep_html: self.keep_html.clone() }
    }

    /// Records that `node` was removed as `kind` because of `reason`. Called
    /// before the node leaves the tree (the text before it is read there).
    pub fn add(&mut self, kind: RemovalKind, reason: impl Into<String>, node: &Handle) {
        if self.removed.len() >= MAX_REMOVALS {
            return;
        }
        let sample = sample_text(&dom::visible_text_start(node, SAMPLE_CHARS));
        let (html, after) = match &self.keep_html {
            Some(base) => (block_html(node, base.as_ref()), Some(text_before(node))),
            None => (None, None),
        };
        self.removed.push(Removal { kind, reason: reason.into(), sample, html, after });
    }
}

/// The block as sanitized HTML (a copy: the tree is left as it is); None when it
/// is longer than [`MAX_REMOVED_HTML`].
fn block_html(node: &Handle, base: Option<&Url>) -> Option<String> {
    let wrapper = dom::new_element("div", &[]);
    dom::append(&wrapper, &dom::deep_clone(node));
    sanitize::sanitize(&wrapper, base);
    let html = sanitize::serialize(&wrapper);
    (html.len() <= MAX_REMOVED_HTML).then_some(html)
}

/// The end of the visible text before `node` in document order, whitespace
/// collapsed, at most [`ANCHOR_CHARS`] characters cut at a word; empty when there
/// is none. Walks back sibling by sibling, up the ancestors, with explicit stacks.
fn text_before(node: &Handle) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut got = 0;
    let mut cur = node.clone();
    'walk: loop {
        let Some(parent) = dom::parent(&cur) else { break };
        let prev = {
            let kids = parent.children.borrow();
            let i = kids.iter().position(|c| std::rc::Rc::ptr_eq(c, &cur)).unwrap_or(0);
            i.checked_sub(1).map(|j| kids[j].clone())
        };
        let Some(prev) = prev else {
            cur = parent;
            continue;
        };
        cur = prev.clone();
        // the subtree's text nodes, last first
        let mut stack = vec![prev];
        while let Some(n) = stack.pop() {
            match &n.data {
                NodeData::Text { contents } => {
                    let t = contents.borrow();
                    if !t.trim().is_empty() {
                        got += t.len();
                        parts.push(t.to_string());
                        if got >= ANCHOR_CHARS * 4 {
                            break 'walk;
                        }
                    }
                }
                NodeData::Element { .. }
                    if !dom::tag(&n).is_some_and(|t| INVISIBLE.contains(&t)) =>
                {
                    stack.extend(n.children.borrow().iter().cloned());
                }
                _ => {}
            }
        }
    }
    parts.reverse();
    let words: Vec<&str> = parts.iter().flat_map(|p| p.split_whitespace()).collect();
    let mut out: Vec<&str> = Vec::new();
    let mut len = 0;
    for w in words.iter().rev() {
        let n = w.chars().count() + usize::from(!out.is_empty());
        if len + n > ANCHOR_CHARS && !out.is_empty() {
            break;
        }
        len += n;
        out.push(w);
    }
    out.reverse();
    let text = out.join(" ");
    if text.chars().count() > ANCHOR_CHARS {
        // one word longer than the anchor: its end
        let skip = text.chars().count() - ANCHOR_CHARS;
        return text.chars().skip(skip).collect();
    }
    text
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
    fn kept_html_is_sanitized_and_anchored_after_the_text_before() {
        let doc = crate::parse::parse_html(
            "<body><div><h1>Title</h1><p>First   paragraph\nends here.</p></div>\
             <aside onclick=x()><p>Read <a href=/also>also</a></p><script>x()</script></aside></body>",
        );
        let aside = dom::find(&doc, "aside").unwrap();
        let h1 = dom::find(&doc, "h1").unwrap();
        let base = Url::parse("https://example.com/news/a.html").ok();
        let mut report = Report::keeping_html(base);
        report.add(RemovalKind::Related, "aside", &aside);
        report.add(RemovalKind::Boilerplate, "first", &h1);
        let mut plain = report.fresh();
        plain.add(RemovalKind::Related, "aside", &aside);
        let (r, first) = (&report.removed[0], &report.removed[1]);
        let html = r.html.as_deref().unwrap();
        assert!(html.contains("https://example.com/also") && html.contains("Read"), "{html}");
        assert!(!html.contains("onclick") && !html.contains("script"), "{html}");
        assert_eq!(r.after.as_deref(), Some("Title First paragraph ends here."));
        assert_eq!(first.after.as_deref(), Some(""));
        assert!(dom::find(&doc, "aside").is_some(), "the tree is left as it was");
        // a fresh report keeps HTML too; a default one does not
        assert!(plain.removed[0].html.is_some());
        let mut none = Report::default();
        none.add(RemovalKind::Related, "aside", &aside);
        assert_eq!((none.removed[0].html.as_ref(), none.removed[0].after.as_ref()), (None, None));
        let json = serde_json::to_string(&none.removed[0]).unwrap();
        assert!(!json.contains("html") && !json.contains("after"), "{json}");
    }

    #[test]
    fn the_anchor_is_the_end_of_a_long_text_before() {
        let words: String = (0..400).map(|i| format!("w{i} ")).collect();
        let doc = crate::parse::parse_html(&format!("<body><p>{words}</p><div>x</div></body>"));
        let a = text_before(&dom::find(&doc, "div").unwrap());
        assert!(a.ends_with("w398 w399") && a.chars().count() <= ANCHOR_CHARS, "{a}");
        assert!(a.starts_with('w'), "cut at a word: {a}");
    }

    #[test]
    fn kinds_serialize_in_kebab_case() {
        assert_eq!(serde_json::to_string(&RemovalKind::AdLabel).unwrap(), "\"ad-label\"");
    }
}
