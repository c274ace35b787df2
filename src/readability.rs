//! Readability's measures, shared by the stages: the "unlikely" class names,
//! class weights, link density, the byline test, text similarity, visibility,
//! the `dir` value. Readability.js keeps these as helpers of its one class; here
//! the metadata, readerable, score and clean stages all read them from this
//! module, which depends on nothing but the tree helpers and the word lists.

use markup5ever_rcdom::{Handle, NodeData};

use crate::dom;
use crate::matchers::Needles;
use crate::rules::readability::{
    BYLINE_MAX_CHARS, BYLINE_NAMES, CLASS_WEIGHT, COMMAS, HASH_LINK_WEIGHT, MAYBE, NEGATIVE,
    NEGATIVE_WORD, POSITIVE, UNLIKELY, UNLIKELY_ROLES,
};
use crate::rules::tags::NEVER_UNLIKELY;

/// [`UNLIKELY`] and [`MAYBE`], indexed for the search.
static UNLIKELY_NEEDLES: Needles = Needles::new(UNLIKELY);
static MAYBE_NEEDLES: Needles = Needles::new(MAYBE);

/// Whether a class-and-id string names page furniture, as Readability judges it.
pub fn is_unlikely_name(match_string: &str) -> bool {
    UNLIKELY_NEEDLES.found_in(match_string) && !MAYBE_NEEDLES.found_in(match_string)
}

/// Whether Readability strips `node` as unlikely content: a furniture role, or
/// an unlikely class-and-id string (`match_string`) outside tables and code.
pub fn is_unlikely(node: &Handle, match_string: &str) -> bool {
    if dom::attr_is(node, "role", |role| UNLIKELY_ROLES.contains(&role)) {
        return true;
    }
    is_unlikely_name(match_string)
        && !dom::has_ancestor(node, "table", 0)
        && !dom::has_ancestor(node, "code", 0)
}

/// Readability's byline test: `rel=author`, `itemprop~=author` or a byline
/// class or id (`match_string`), on a block of under 100 characters.
pub fn is_valid_byline(node: &Handle, match_string: &str) -> bool {
    let hit = dom::attr_is(node, "rel", |rel| rel == "author")
        || dom::attr_is(node, "itemprop", |v| v.contains("author"))
        || BYLINE_NAMES.iter().any(|p| match_string.contains(p));
    if !hit {
        return false;
    }
    // Short, trimmed; a long block's text is not read past the bound.
    let len = dom::trimmed_text_len_upto(node, BYLINE_MAX_CHARS);
    len > 0 && len < BYLINE_MAX_CHARS
}

/// The byline Readability finds in the page, looked for on the whole page
/// before the prune stage, which removes the meta lines and author boxes where
/// most bylines sit: the first element, in document order, that passes
/// [`is_valid_byline`], skipping hidden subtrees, modal dialogs and the blocks
/// Readability strips as unlikely (its first attempt's walk). Its text, or that
/// of its `itemprop=name` part.
pub fn page_byline(doc: &Handle) -> Option<String> {
    let mut stack = dom::element_children(doc);
    stack.reverse();
    while let Some(node) = stack.pop() {
        if is_hidden(&node)
            || (dom::attr_is(&node, "aria-modal", |v| v == "true")
                && dom::attr_is(&node, "role", |v| v == "dialog"))
        {
            continue;
        }
        let match_string = dom::class_and_id(&node);
        if is_valid_byline(&node, &match_string) {
            return Some(byline_text(&node)).filter(|b| !b.is_empty());
        }
        let spared = dom::tag(&node).is_some_and(|t| NEVER_UNLIKELY.contains(&t));
        if !spared && is_unlikely(&node, &match_string) {
            continue;
        }
        let kids = node.children.borrow();
        stack.extend(kids.iter().rev().filter(|c| dom::is_element(c)).cloned());
    }
    None
}

/// The text of a byline block, or of its `itemprop=name` part.
pub fn byline_text(node: &Handle) -> String {
    let name = dom::descendant_elements(node)
        .into_iter()
        .find(|n| dom::attr_is(n, "itemprop", |v| v.contains("name")));
    dom::inner_text(name.as_ref().unwrap_or(node))
}

/// Whether the page hides `node` from its readers, as Readability's
/// `_isProbablyVisible` judges it: a `hidden` attribute, `aria-hidden="true"`
/// (except on a fallback image, and on MathML, whose `aria-hidden` copy is the
/// one shown beside a text rendering for screen readers), or an inline
/// `display: none` or `visibility: hidden` (any white space and case).
pub fn is_hidden(node: &Handle) -> bool {
    if dom::has_attr(node, "hidden") {
        return true;
    }
    if dom::attr_is(node, "aria-hidden", |v| v.trim() == "true")
        && !dom::attr_is(node, "class", |c| c.contains("fallback-image"))
        && !dom::is(node, "math")
    {
        return true;
    }
    dom::attr_is(node, "style", |style| {
        let s: String =
            style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// [`CLASS_WEIGHT`] up or down for a positive or negative class, and again for
/// the id (Readability's `_getClassWeight`; its lists are in the rulebook).
pub fn class_weight(node: &Handle) -> f64 {
    static NEGATIVE_NEEDLES: Needles = Needles::new(NEGATIVE);
    static POSITIVE_NEEDLES: Needles = Needles::new(POSITIVE);
    let mut weight = 0.0;
    for value in [dom::attr(node, "class"), dom::attr(node, "id")].into_iter().flatten() {
        let v = value.to_lowercase();
        let hid = v.split(' ').any(|w| w == NEGATIVE_WORD);
        if hid || NEGATIVE_NEEDLES.found_in(&v) {
            weight -= CLASS_WEIGHT;
        }
        if POSITIVE_NEEDLES.found_in(&v) {
            weight += CLASS_WEIGHT;
        }
    }
    weight
}

/// Link density as Readability counts it: in-page `#` links weigh 0.3.
pub fn link_density(node: &Handle) -> f64 {
    link_density_with(node, dom::text_len)
}

/// [`link_density`] with each node's text length given by `text_len` (e.g. a
/// [`dom::TextLens`] measured once).
pub fn link_density_with(node: &Handle, text_len: impl Fn(&Handle) -> usize) -> f64 {
    let total = text_len(node);
    if total == 0 {
        return 0.0;
    }
    let mut links = 0.0;
    let anchors = if dom::is(node, "a") { vec![node.clone()] } else { dom::find_all(node, "a") };
    for a in anchors {
        links += text_len(&a) as f64 * link_weight(&a);
    }
    links / total as f64
}

/// How much a link's text counts in link density: an in-page `#` link 0.3, others 1.
pub fn link_weight(a: &Handle) -> f64 {
    if dom::attr_is(a, "href", |h| h.trim_start().starts_with('#')) {
        HASH_LINK_WEIGHT
    } else {
        1.0
    }
}

/// Commas (in any script) in the text below `node`.
pub fn count_commas(node: &Handle) -> usize {
    let mut count = 0;
    dom::any_text(node, |text| {
        count += memchr::memchr_iter(b',', text.as_bytes()).count();
        if !text.is_ascii() {
            count += text.chars().filter(|&c| c != ',' && COMMAS.contains(&c)).count();
        }
        false
    });
    count
}

/// Readability's `_textSimilarity`: the share of `b`'s text (its words joined
/// by spaces) made of words that are also in `a`; 1.0 when every word of `b` is
/// in `a`. Words are Unicode words, counted in characters: Readability splits
/// at `\W`, which cuts a title in Chinese, Arabic or accented Latin into
/// fragments, so a heading that repeats such a title went unseen.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect()
    };
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq_b: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let joined_b = tb.iter().map(|s| s.chars().count()).sum::<usize>() + tb.len().saturating_sub(1);
    let joined_u =
        uniq_b.iter().map(|s| s.chars().count()).sum::<usize>() + uniq_b.len().saturating_sub(1);
    1.0 - joined_u as f64 / joined_b.max(1) as f64
}

/// Whether the node has a text child that is not white space (the clean stage
/// tells wrappers from blocks with it).
pub fn has_direct_text(node: &Handle) -> bool {
    node.children.borrow().iter().any(
        |c| matches!(&c.data, NodeData::Text { contents } if !contents.borrow().trim().is_empty()),
    )
}

/// A `dir` attribute's value, when it is one a browser knows: `ltr`, `rtl` or `auto`.
pub fn dir_value(attr: &str) -> Option<String> {
    let d = attr.trim().to_ascii_lowercase();
    matches!(d.as_str(), "ltr" | "rtl" | "auto").then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_is_read_as_a_browser_reads_the_markup() {
        let doc = crate::parse::parse_html(
            "<p id=a hidden>x</p><p id=b style='DISPLAY :\n none'>x</p><p id=c aria-hidden=' true '>x</p>\
             <p id=d style='visibility:\thidden'>x</p><p id=e aria-hidden=true class=fallback-image>x</p>\
             <math id=f aria-hidden=true><mi>x</mi></math><p id=g style='display: block'>x</p>",
        );
        let hidden: Vec<String> = dom::descendant_elements(&doc)
            .iter()
            .filter(|n| is_hidden(n))
            .filter_map(|n| dom::attr(n, "id"))
            .collect();
        assert_eq!(hidden, ["a", "b", "c", "d"]);
    }

    #[test]
    fn similarity_of_titles() {
        assert!(text_similarity("Hello big world", "hello world") > 0.99);
        assert!(text_similarity("Hello big world", "something else") < 0.1);
        assert!((text_similarity("a b c", "a b c") - 1.0).abs() < 1e-9);
        assert_eq!(text_similarity("", "x"), 0.0);
        assert!(text_similarity("alpha beta", "alpha gamma") < 0.75);
        // Words in any script.
        assert!(text_similarity("افتتاح مكتبة عامة جديدة", "افتتاح مكتبة عامة جديدة") > 0.99);
    }
}
