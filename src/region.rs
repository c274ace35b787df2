//! Readable region: takes the pruned page and gives its main region as a
//! view of its own (`<main>` or `role=main` when it holds enough text, else
//! the whole body), without the blocks named as page furniture, cleaned
//! without the conditional steps. The pipeline reads a product page this way
//! (its description, key facts and specification table sit in separate
//! blocks of its main column), and falls back on it when the picked article
//! is too short to be a reader view: never an empty reader.

use markup5ever_rcdom::Handle;

use crate::dom;
use crate::readability::is_unlikely;
use crate::report::Report;
use crate::rules::thresholds::{NEVER_EMPTY, ONE_SENTENCE, SHORT_SHARE_PERCENT};
use crate::score::Picked;

/// A view the scoring stage did not choose (a thread's posts, a readable
/// region), to be cleaned without the conditional steps and class weights.
pub fn unscored(content: Handle) -> Picked {
    Picked {
        content,
        byline: None,
        dir: None,
        clean_conditionally: false,
        weight_classes: false,
        stripped_unlikely: false,
        keep_heading_blocks: false,
    }
}

/// The page's readable region, cleaned; `None` when it holds no more text
/// than `picked_len`.
pub fn whole(doc: &Handle, picked_len: usize) -> Option<(Picked, Report)> {
    let (region, region_len) = find(doc)?;
    (region_len > picked_len).then(|| read(&region, region_len))
}

/// Never an empty reader: when the picked article has under [`NEVER_EMPTY`]
/// characters, and either under [`ONE_SENTENCE`] or under
/// [`SHORT_SHARE_PERCENT`] of the page's readable region, the region.
pub fn instead_of_short(doc: &Handle, picked_len: usize) -> Option<(Picked, Report)> {
    if picked_len >= NEVER_EMPTY {
        return None;
    }
    let (region, region_len) = find(doc)?;
    let short = picked_len < ONE_SENTENCE || picked_len * 100 < region_len * SHORT_SHARE_PERCENT;
    (short && region_len > picked_len).then(|| read(&region, region_len))
}

/// The region and its text length: `<main>` (or `role=main`) with enough
/// text, else the body.
fn find(doc: &Handle) -> Option<(Handle, usize)> {
    let body = dom::find(doc, "body")?;
    let main = dom::descendant_elements(&body).into_iter().find(|n| {
        dom::is(n, "main") || dom::attr_is(n, "role", |r| r.eq_ignore_ascii_case("main"))
    });
    let region = main.filter(|m| dom::text_len(m) >= NEVER_EMPTY).unwrap_or(body);
    let len = dom::text_len(&region);
    Some((region, len))
}

/// A cleaned copy of the region, without its furniture.
fn read(region: &Handle, region_len: usize) -> (Picked, Report) {
    let copy = dom::rename(&dom::deep_clone(region), "div");
    strip_furniture(&copy, region_len);
    let content = dom::new_element("div", &[]);
    dom::append(&content, &copy);
    let picked = unscored(content);
    let mut report = Report::default();
    crate::clean::clean(&picked, &mut report);
    (picked, report)
}

/// Removes from a region the blocks named as page furniture (Readability's
/// unlikely candidates: header, footer, menu, sidebar…), except a block that
/// holds half of the region's text.
fn strip_furniture(region: &Handle, region_len: usize) {
    let mut doomed = Vec::new();
    let mut stack = dom::element_children(region);
    while let Some(node) = stack.pop() {
        let spared = dom::is(&node, "a") || dom::is(&node, "main");
        if !spared
            && is_unlikely(&node, &dom::class_and_id(&node))
            && dom::text_len(&node) * 2 < region_len
        {
            doomed.push(node);
            continue;
        }
        stack.extend(dom::element_children(&node));
    }
    dom::detach_all(&doomed);
}
