//! One post: takes a unit of the thread (an element the run finder chose)
//! and gives its author, its date and a detached copy of its body, without
//! nested replies, the poster's box, signatures and buttons. The vocabulary is
//! in [`crate::rules::posts`].

use std::collections::BTreeMap;
use std::rc::Rc;

use markup5ever_rcdom::{Handle, NodeData};

use crate::dom::{self, NodeMap};
use crate::readability::is_hidden;
use crate::rules::page_types::{ACCEPTED_PROP, ACCEPTED_WORDS};
use crate::rules::posts::{
    AUTHOR_PROPS, AUTHOR_WORDS, BODY_JUNK_ROLES, BODY_JUNK_TAGS, BODY_JUNK_WORDS, BODY_PARTS,
    BODY_PROPS, CENTURIES, DATE_PROPS, DATE_WORDS, NAME_PROP, NAME_WORDS, NOT_BODY_WORDS,
    PROFILE_LINKS, YEARS,
};
use crate::rules::thresholds::{BODY_SHARE, MAX_DATE_TEXT, MAX_LABEL};

/// One post of a thread.
pub struct Post {
    /// The poster's name, as the page shows it.
    pub author: Option<String>,
    /// The post's date, as the page shows it (or its machine-readable value).
    pub date: Option<String>,
    /// A detached copy of the post's body.
    pub body: Handle,
    /// Tag, and tag and class name, of the element the author was read
    /// from: alike in every post of a real thread.
    pub author_marks: Vec<String>,
}

/// The class and id words of `node` split at separators and camelCase humps,
/// whole names kept (see [`crate::matchers::hump_words`]).
pub(super) fn class_words(node: &Handle) -> Vec<String> {
    let mut out = Vec::new();
    for value in [dom::attr(node, "class"), dom::attr(node, "id")].into_iter().flatten() {
        crate::matchers::hump_words(&value, &mut out);
    }
    out
}

pub(super) fn has_word(words: &[String], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.as_str()))
}

/// Whether the element's `itemprop` names one of `wanted` (lower case).
pub(super) fn itemprop_has(node: &Handle, wanted: &[&str]) -> bool {
    dom::attr_is(node, "itemprop", |v| {
        v.split_whitespace().any(|p| wanted.contains(&p.to_ascii_lowercase().as_str()))
    })
}

/// The schema.org type named by `itemtype` (its last path segment), if any.
pub fn item_type(node: &Handle) -> Option<String> {
    let t = dom::attr(node, "itemtype")?;
    let first = t.split_whitespace().next()?;
    let name = first.trim_end_matches('/').rsplit(['/', '#']).next()?;
    (!name.is_empty()).then(|| name.to_string())
}

/// The element's own text (its text children, not its descendants'), when
/// it has at most `max` characters.
pub(super) fn own_text(node: &Handle, max: usize) -> Option<String> {
    let mut out = String::new();
    for c in node.children.borrow().iter() {
        if let NodeData::Text { contents } = &c.data {
            out.push_str(&contents.borrow());
            if out.len() > max * 4 {
                return None;
            }
        }
    }
    (out.trim().chars().count() <= max).then_some(out)
}

/// Whether a short text reads as a date and time in any language: a year
/// (see [`YEARS`]) with a clock time (`10:42`) or with a numeric date
/// (`2024-08-03`, `03.08.2024`), and no more letters than other signs.
pub(super) fn looks_like_date(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > MAX_DATE_TEXT {
        return false;
    }
    let b = t.as_bytes();
    let digits_at =
        |i: usize, n: usize| i + n <= b.len() && b[i..i + n].iter().all(u8::is_ascii_digit);
    let bounded = |i: usize, n: usize| {
        (i == 0 || !b[i - 1].is_ascii_digit()) && (i + n == b.len() || !b[i + n].is_ascii_digit())
    };
    let (mut year, mut clock, mut numeric) = (false, false, false);
    for i in 0..b.len() {
        if digits_at(i, 4) && bounded(i, 4) && CENTURIES.contains(&&t[i..i + 2]) {
            year |= t[i..i + 4].parse().is_ok_and(|y: u32| YEARS.contains(&y));
        }
        if b[i] == b':' && i > 0 && b[i - 1].is_ascii_digit() && digits_at(i + 1, 2) {
            clock = true;
        }
        if matches!(b[i], b'-' | b'.' | b'/')
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            numeric = true;
        }
    }
    // mostly figures and separators, as a date is; not a title with a year
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let visible = t.chars().filter(|c| !c.is_whitespace()).count();
    year && (clock || numeric) && letters * 2 <= visible
}

/// Whether the link leads to a member's profile.
pub(super) fn is_profile_link(a: &Handle) -> bool {
    dom::attr_is(a, "href", |h| {
        let h = h.to_ascii_lowercase();
        PROFILE_LINKS.iter().any(|p| h.contains(p))
    })
}

/// Whether the answer is marked as the accepted one.
pub(super) fn is_accepted(answer: &Handle) -> bool {
    itemprop_has(answer, &[ACCEPTED_PROP]) || has_word(&class_words(answer), ACCEPTED_WORDS)
}

/// Reads each unit's author, date and body, in the units' order.
pub(super) fn read_posts(units: &[Handle]) -> Vec<Post> {
    let unit_keys: NodeMap<()> = units.iter().map(|u| (dom::key(u), ())).collect();
    let mut posts = Vec::new();
    for unit in units {
        // The unit's own elements, in page order: not those of nested units.
        let own = own_elements(unit, &unit_keys);
        let author = find_author(&own);
        // not in the poster's box, where a join date may stand
        let outside: Vec<Handle> = match &author {
            Some((box_el, _)) => own.iter().filter(|n| !is_within(n, box_el)).cloned().collect(),
            None => own.clone(),
        };
        let date = find_date(&outside).or_else(|| find_date(&own));
        let mut skip: NodeMap<()> = unit_keys.clone();
        skip.remove(&dom::key(unit));
        for (el, _) in author.iter().chain(date.iter()) {
            skip.insert(dom::key(el), ());
        }
        let body_el = find_body(&own, author.as_ref().map(|a| &a.0), date.as_ref().map(|d| &d.0));
        let root = body_el.clone().unwrap_or_else(|| unit.clone());
        for el in dom::descendant_elements(&root) {
            let w = class_words(&el);
            let junk = has_word(&w, BODY_JUNK_WORDS)
                || dom::tag(&el).is_some_and(|t| BODY_JUNK_TAGS.contains(&t))
                || dom::attr_is(&el, "role", |r| BODY_JUNK_ROLES.contains(&r.trim()))
                || (body_el.is_none() && has_word(&w, NOT_BODY_WORDS))
                || is_hidden(&el);
            if junk {
                skip.insert(dom::key(&el), ());
            }
        }
        let body = dom::clone_without(&root, |n| skip.contains_key(&dom::key(n)));
        if dom::text_len(&body) == 0 {
            continue;
        }
        // A post's quotation is often set in an <aside> (with the quoted
        // poster's name): it is the post's text, not page furniture.
        for aside in dom::find_all(&body, "aside") {
            if dom::find(&aside, "blockquote").is_some() {
                dom::rename(&aside, "div");
            }
        }
        let author_marks = author.as_ref().map_or_else(Vec::new, |(el, _)| marks_of(el));
        posts.push(Post {
            author_marks,
            author: author.map(|a| a.1),
            date: date.map(|d| d.1),
            body,
        });
    }
    posts
}

/// `tag.class` for each class name of `el`, or its tag alone.
fn marks_of(el: &Handle) -> Vec<String> {
    let tag = dom::tag(el).unwrap_or("");
    let class = dom::attr(el, "class").unwrap_or_default();
    let mut marks: Vec<String> =
        class.split_whitespace().map(|w| format!("{tag}.{}", w.to_ascii_lowercase())).collect();
    if marks.is_empty() {
        marks.push(tag.to_string());
    }
    marks.sort_unstable();
    marks.dedup();
    marks
}

/// Whether at least two posts, and half of them, read their author from
/// alike elements (the same tag with a class name in common, or both
/// without class).
pub(super) fn alike_authors(posts: &[Post]) -> bool {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for mark in posts.iter().flat_map(|p| &p.author_marks) {
        *counts.entry(mark).or_default() += 1;
    }
    let most = counts.values().copied().max().unwrap_or(0);
    most >= 2 && most * 2 >= posts.len()
}

/// Whether `node` is `outer` or lies below it.
fn is_within(node: &Handle, outer: &Handle) -> bool {
    Rc::ptr_eq(node, outer) || dom::ancestors(node).iter().any(|a| Rc::ptr_eq(a, outer))
}

/// The elements below `unit` in page order, without the subtrees of other
/// units and of quotations (a quoted post's author is not the poster).
pub(super) fn own_elements(unit: &Handle, units: &NodeMap<()>) -> Vec<Handle> {
    let mut out = Vec::new();
    let mut stack: Vec<Handle> = dom::element_children(unit).into_iter().rev().collect();
    while let Some(n) = stack.pop() {
        if units.contains_key(&dom::key(&n)) || dom::is(&n, "blockquote") {
            continue;
        }
        out.push(n.clone());
        stack.extend(dom::element_children(&n).into_iter().rev());
    }
    out
}

/// A name or date: the text with its white space collapsed, when short.
fn label(text: &str) -> Option<String> {
    let t = dom::normalize_space(text);
    (!t.is_empty() && t.chars().count() <= MAX_LABEL).then_some(t)
}

/// The poster's name inside the poster's box: the schema.org `name`, else the
/// smallest part named for a user name (the box often holds a title too),
/// else a profile link's text (over one character: avatars hold initials),
/// else the box's own short text.
fn name_in(el: &Handle) -> Option<String> {
    let inside: Vec<Handle> = std::iter::once(el.clone())
        .chain(dom::descendant_elements(el))
        .filter(|n| !is_hidden(n))
        .collect();
    if let Some(name) = inside.iter().find(|n| itemprop_has(n, &[NAME_PROP])) {
        return label(&dom::inner_text(name))
            .or_else(|| dom::attr(name, "content").and_then(|c| label(&c)));
    }
    let named = inside
        .iter()
        .filter(|n| has_word(&class_words(n), NAME_WORDS))
        .filter_map(|n| label(&dom::inner_text(n)))
        .min_by_key(|t| t.chars().count());
    let linked = || {
        inside
            .iter()
            .filter(|n| dom::is(n, "a") && is_profile_link(n))
            .find_map(|a| label(&dom::inner_text(a)).filter(|t| t.chars().count() > 1))
    };
    named.or_else(linked).or_else(|| label(&dom::inner_text(el)))
}

/// The poster: a schema.org `author` (its `name`), else the first element
/// named for a user or linking to a profile, with a short text.
fn find_author(own: &[Handle]) -> Option<(Handle, String)> {
    let by_schema = own
        .iter()
        .find(|n| itemprop_has(n, AUTHOR_PROPS) && !is_hidden(n))
        .and_then(|n| name_in(n).map(|name| (n.clone(), name)));
    by_schema.or_else(|| {
        own.iter().find_map(|n| {
            if is_hidden(n) {
                return None;
            }
            let named = has_word(&class_words(n), AUTHOR_WORDS)
                || dom::attr_is(n, "rel", |r| r.split_whitespace().any(|t| t == "author"));
            let linked = dom::is(n, "a") && is_profile_link(n);
            if !(named || linked) {
                return None;
            }
            name_in(n).map(|name| (n.clone(), name))
        })
    })
}

/// The post's date: the first `<time>` (its text, else its `datetime`), else
/// the first element named for a date whose short text holds a digit, else the
/// first short text that reads as a date, else a schema.org `datePublished`
/// value.
fn find_date(own: &[Handle]) -> Option<(Handle, String)> {
    let shown =
        |n: &Handle| label(&dom::inner_text(n)).filter(|t| t.chars().any(|c| c.is_ascii_digit()));
    let visible = || own.iter().filter(|n| !is_hidden(n));
    // A <time> holding several forms of the date (a long and a short one,
    // the page's style shows one) reads as its first.
    let time_text = |n: &Handle| {
        let parts: Vec<Handle> =
            dom::element_children(n).into_iter().filter(dom::has_text).collect();
        match parts.as_slice() {
            [first, _, ..] => shown(first),
            _ => shown(n),
        }
    };
    visible()
        .filter(|n| dom::is(n, "time"))
        .find_map(|n| {
            time_text(n)
                .or_else(|| dom::attr(n, "datetime").and_then(|d| label(&d)))
                .map(|d| (n.clone(), d))
        })
        .or_else(|| {
            visible()
                .filter(|n| has_word(&class_words(n), DATE_WORDS))
                .find_map(|n| shown(n).map(|d| (n.clone(), d)))
        })
        .or_else(|| {
            visible().find_map(|n| {
                own_text(n, MAX_DATE_TEXT)
                    .filter(|t| looks_like_date(t))
                    .and_then(|t| label(&t))
                    .map(|d| (n.clone(), d))
            })
        })
        .or_else(|| {
            own.iter().filter(|n| itemprop_has(n, DATE_PROPS)).find_map(|n| {
                shown(n)
                    .or_else(|| dom::attr(n, "content").and_then(|c| label(&c)))
                    .map(|d| (n.clone(), d))
            })
        })
}

/// The post's body: its schema.org `text`, else the deepest element named for
/// a body that holds most of the largest such element's text and neither the
/// author nor the date; `None` when nothing is named so.
fn find_body(own: &[Handle], author: Option<&Handle>, date: Option<&Handle>) -> Option<Handle> {
    if let Some(b) =
        own.iter().find(|n| itemprop_has(n, BODY_PROPS) && dom::has_text(n) && !is_hidden(n))
    {
        return Some(b.clone());
    }
    let holds = |n: &Handle, x: Option<&Handle>| x.is_some_and(|x| is_within(x, n));
    let candidates: Vec<(Handle, usize)> = own
        .iter()
        .filter(|n| {
            let w = class_words(n);
            w.iter().any(|w| BODY_PARTS.iter().any(|p| w.contains(p)))
                && !has_word(&w, NOT_BODY_WORDS)
                && !is_hidden(n)
                && !holds(n, author)
                && !holds(n, date)
        })
        .map(|n| (n.clone(), dom::text_len(n)))
        .filter(|(_, len)| *len > 0)
        .collect();
    let (largest, most) = candidates.iter().max_by_key(|(_, l)| *l)?.clone();
    // Page order puts descendants after their ancestors: the last qualifying
    // candidate inside the largest is the deepest.
    candidates
        .iter()
        .filter(|(n, l)| *l as f64 >= most as f64 * BODY_SHARE && is_within(n, &largest))
        .map(|(n, _)| n.clone())
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_by_their_look_in_any_language() {
        for date in [
            "Wed Dec 27, 2023 10:00 am", "2024-08-03 14:22:38", "11. Sep 2024, 18:36",
            "17.10.2019, 14:14", "03/08/2024",
        ] {
            assert!(looks_like_date(date), "{date}");
        }
        for not_date in [
            "2025-26 Football Season: MLS is Back!",
            "Posts: 9179",
            "March 2024",
            "Posts: 2,630 · Member since 2019",
            "1850-03-02 12:00",
            "",
        ] {
            assert!(!looks_like_date(not_date), "{not_date}");
        }
    }

    #[test]
    fn the_body_is_the_deepest_block_named_for_it_and_junk_stays_out() {
        let doc = crate::parse::parse_html(
            "<div class=post><div class=postprofile><a class=username href=/memberlist?u=2>Kim</a> Posts: 12</div>\
             <time datetime=2024-08-03><span>03.08.2024 14:22</span><span>1 yr</span></time><div class=postbody><div class=content>Bread rose well.\
             <div class=signature>My shop link</div><button>Upvote</button><span role=button>Share</span>\
             <div class=post-footer><a href=/reply>Reply</a></div></div><div class=buttons>Quote</div></div></div>",
        );
        let unit = dom::find(&doc, "div").unwrap();
        let posts = read_posts(std::slice::from_ref(&unit));
        assert_eq!(posts.len(), 1);
        assert_eq!(posts[0].author.as_deref(), Some("Kim"));
        assert_eq!(posts[0].date.as_deref(), Some("03.08.2024 14:22"));
        let text = dom::text_content(&posts[0].body);
        assert!(text.contains("Bread rose well."), "{text}");
        assert!(
            !text.contains("My shop link") && !text.contains("Quote") && !text.contains("Posts"),
            "{text}"
        );
    }
}
