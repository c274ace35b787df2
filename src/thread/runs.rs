//! Where the posts are: every element's author and date signals (one
//! bottom-up pass), then the runs of alike siblings most of which carry both,
//! and the run that holds the thread.

use std::collections::BTreeMap;

use markup5ever_rcdom::Handle;

use super::posts::{
    class_words, has_word, is_profile_link, itemprop_has, looks_like_date, own_text,
};
use crate::dom::{self, NodeMap, TextLens};
use crate::readability::is_hidden;
use crate::rules::posts::{AUTHOR_PROPS, AUTHOR_WORDS, DATE_PROPS, DATE_WORDS};
use crate::rules::thresholds::{MAX_DATE_TEXT, MIN_POSTS};

/// Signals found in a subtree, as bits.
pub(super) const HAS_AUTHOR: u8 = 1;
pub(super) const HAS_DATE: u8 = 2;

/// The author and date signals of the element itself.
pub(super) fn own_signals(node: &Handle) -> u8 {
    let mut bits = 0;
    let tag = dom::tag(node).unwrap_or("");
    let words = class_words(node);
    if itemprop_has(node, AUTHOR_PROPS)
        || dom::attr_is(node, "rel", |r| r.split_whitespace().any(|t| t == "author"))
        || has_word(&words, AUTHOR_WORDS)
        || (tag == "a" && is_profile_link(node))
    {
        bits |= HAS_AUTHOR;
    }
    if tag == "time"
        || itemprop_has(node, DATE_PROPS)
        || has_word(&words, DATE_WORDS)
        || own_text(node, MAX_DATE_TEXT).is_some_and(|t| looks_like_date(&t))
    {
        bits |= HAS_DATE;
    }
    bits
}

/// For every element below `root`, the signals found in its subtree (one
/// post-order pass with an explicit stack).
pub(super) fn subtree_signals(root: &Handle) -> NodeMap<u8> {
    let mut out = NodeMap::default();
    let mut stack = vec![(root.clone(), false)];
    while let Some((node, done)) = stack.pop() {
        if !done {
            stack.push((node.clone(), true));
            stack.extend(dom::element_children(&node).into_iter().map(|c| (c, false)));
            continue;
        }
        let mut bits = own_signals(&node);
        for c in node.children.borrow().iter() {
            bits |= out.get(&dom::key(c)).copied().unwrap_or(0);
        }
        out.insert(dom::key(&node), bits);
    }
    out
}

/// A run of alike siblings (same tag, a class name in common) of which most
/// look like posts.
struct Run {
    parent: Handle,
    tag: String,
    class: String,
    /// The siblings that look like posts.
    members: Vec<Handle>,
    /// Their text length.
    text: usize,
}

/// Whether `node` is named `tag` and carries class name `class` (any case).
fn alike(node: &Handle, tag: &str, class: &str) -> bool {
    dom::is(node, tag)
        && dom::attr_is(node, "class", |c| {
            c.split_whitespace().any(|w| w.eq_ignore_ascii_case(class))
        })
}

/// The units of the page's run of posts: the alike siblings of which most
/// carry an author and a date, the run with the most text; then every alike
/// element below their parent (nested replies, in page order). A run of
/// containers (a block of posts beside a block of links) gives way to a longer
/// run inside one of its members that holds most of that member's text.
pub(super) fn post_run(
    body: &Handle,
    signals: &NodeMap<u8>,
    lens: &TextLens,
) -> Option<Vec<Handle>> {
    let post_like = |n: &Handle| {
        signals.get(&dom::key(n)).copied().unwrap_or(0) == HAS_AUTHOR | HAS_DATE
            && lens.len(n) > 0
            && !is_hidden(n)
    };
    let runs = alike_runs(body, &post_like, lens);
    // member → the runs it belongs to (a sibling may share several class names)
    let mut member_of: NodeMap<Vec<usize>> = NodeMap::default();
    for (i, run) in runs.iter().enumerate() {
        for m in &run.members {
            member_of.entry(dom::key(m)).or_default().push(i);
        }
    }
    // An outer run gives way to an inner one: one walk up from each run's parent.
    let mut gives_way = vec![false; runs.len()];
    for inner in &runs {
        for holder in std::iter::once(inner.parent.clone()).chain(dom::ancestors(&inner.parent)) {
            let Some(outers) = member_of.get(&dom::key(&holder)) else {
                continue;
            };
            for &o in outers {
                let outer = &runs[o];
                gives_way[o] |= inner.members.len() > outer.members.len()
                    && inner.text * 2 >= lens.len(&holder)
                    && !inner.members.iter().all(|m| alike(m, &outer.tag, &outer.class));
            }
        }
    }
    // The most text wins; the first in page order among equals.
    let best = runs
        .iter()
        .zip(&gives_way)
        .filter(|(_, g)| !**g)
        .map(|(r, _)| r)
        .rev()
        .max_by_key(|r| r.text)?;
    let units: Vec<Handle> = dom::descendant_elements(&best.parent)
        .into_iter()
        .filter(|n| alike(n, &best.tag, &best.class) && post_like(n))
        .collect();
    (units.len() >= MIN_POSTS).then_some(units)
}

/// Every run of alike siblings (same tag, a shared class name) with at least
/// [`MIN_POSTS`] members that look like posts, making at least half of the run.
fn alike_runs(body: &Handle, post_like: &dyn Fn(&Handle) -> bool, lens: &TextLens) -> Vec<Run> {
    let mut runs = Vec::new();
    for parent in std::iter::once(body.clone()).chain(dom::descendant_elements(body)) {
        let kids = dom::element_children(&parent);
        if kids.len() < MIN_POSTS {
            continue;
        }
        // (tag, class name) → (members, the post-like ones)
        let mut groups: BTreeMap<(&str, String), (usize, Vec<Handle>)> = BTreeMap::new();
        for k in &kids {
            let Some(class) = dom::attr(k, "class") else {
                continue;
            };
            let class = class.to_ascii_lowercase();
            let mut names: Vec<&str> = class.split_whitespace().collect();
            names.sort_unstable();
            names.dedup();
            let like = post_like(k);
            for name in names {
                let g = groups.entry((dom::tag(k).unwrap_or(""), name.to_string())).or_default();
                g.0 += 1;
                if like {
                    g.1.push(k.clone());
                }
            }
        }
        for ((tag, class), (count, members)) in groups {
            if members.len() < MIN_POSTS || members.len() * 2 < count {
                continue;
            }
            let text = members.iter().map(|m| lens.len(m)).sum();
            runs.push(Run { parent: parent.clone(), tag: tag.to_string(), class, members, text });
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units_of(html: &str) -> Vec<String> {
        let doc = crate::parse::parse_html(html);
        let body = dom::find(&doc, "body").unwrap();
        let lens = TextLens::measure(&body);
        let units = post_run(&body, &subtree_signals(&body), &lens).unwrap_or_default();
        units.iter().map(|u| dom::attr(u, "id").unwrap_or_default()).collect()
    }

    #[test]
    fn the_run_with_the_most_text_wins_and_nested_replies_follow_in_order() {
        let post = |id: &str, who: &str, text: &str, inner: &str| {
            format!("<div class=post id={id}><span class=username>{who}</span><time>2024-05-0{} 10:00</time><div class=body>{text}</div>{inner}</div>", id.len())
        };
        let long = "The valve seat was pitted, so I lapped it with fine paste and it holds now. "
            .repeat(3);
        let reply = post("p2a", "ines", &long, "");
        let html = format!(
            "<html><body><aside><ul><li class=latest><a class=username href=/u/a>ana</a> <time>2024-05-01 09:00</time> Kettle</li>\
             <li class=latest><a class=username href=/u/b>bo</a> <time>2024-05-02 09:00</time> Pump</li>\
             <li class=latest><a class=username href=/u/c>cy</a> <time>2024-05-03 09:00</time> Hose</li></ul></aside>\
             <main>{}{}{}</main></body></html>",
            post("p1", "kim", &long, ""),
            post("p2", "lee", &long, &reply),
            post("p3", "kim", &long, ""),
        );
        assert_eq!(units_of(&html), ["p1", "p2", "p2a", "p3"]);
        // One post alone is no run.
        let single =
            format!("<html><body><main>{}</main></body></html>", post("p1", "kim", &long, ""));
        assert!(units_of(&single).is_empty());
    }
}
