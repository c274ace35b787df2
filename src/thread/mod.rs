//! Threads: takes the parsed page (before the prune stage, which removes
//! comment sections) and gives the posts of a forum thread or a Q&A page in
//! reading order, each with its author, its date and a copy of its body, and
//! what the page-type stage needs to judge whether they are the page's
//! content; or nothing when the page holds no run of posts. [`assemble`]
//! writes the reader's view of the posts.
//!
//! Posts are found by what every forum engine prints around a message, never
//! by an engine's names: a unit that carries an author (schema.org `author`, a
//! user-name class word, a link to a member profile), a date (`<time>`,
//! `datePublished`, a date class word, a short text that reads as a date) and
//! a body. The units of a thread are a run of alike siblings (same tag, a
//! shared class name) most of which carry both; replies nested below them
//! (threaded comments) count too ([`runs`]). A page with schema.org `Question`
//! and `Answer` items is a Q&A page: the question first, then the accepted
//! answer, then the others.

mod posts;
mod runs;

use std::rc::Rc;

use markup5ever_rcdom::Handle;

use crate::dom::{self, NodeMap, TextLens};
use crate::readability::is_hidden;
use crate::rules::page_types::{ANSWER_TYPE, QUESTION_TYPE};
use crate::rules::posts::NOT_PROSE;
use crate::rules::tags::HEADINGS;
use crate::rules::thresholds::{
    EXCERPT_MIN_CHARS, PROSE_RUN_MIN, PROSE_RUN_MIN_CJK, THREAD_EXCERPT_MAX_CHARS,
};
pub use posts::{item_type, Post};
use runs::{own_signals, HAS_AUTHOR};

/// The posts of a page, in reading order.
pub struct Thread {
    pub posts: Vec<Post>,
    /// Whether the posts came from schema.org `Question`/`Answer` items.
    pub questions_and_answers: bool,
    /// Text length of the original units (bodies, authors, dates and all).
    pub units_len: usize,
    /// Characters of prose in the page before the first post (an article's,
    /// when the posts are its comments).
    pub prose_before: usize,
    /// Units headed by a link to another page: the teasers of a list of
    /// articles, not posts.
    pub teasers: usize,
    /// Whether most posts read their author from alike elements (same tag and
    /// class), as the posts of one thread do.
    pub alike_authors: bool,
}

impl Thread {
    /// Text length of the first post's body.
    pub fn first_post_len(&self) -> usize {
        self.posts.first().map_or(0, |p| dom::text_len(&p.body))
    }

    /// A default excerpt: the opening post's first paragraph, else the start
    /// of its text (not the author and date line [`assemble`] writes first).
    pub fn excerpt(&self) -> Option<String> {
        let body = &self.posts.first()?.body;
        crate::text::first_paragraph(body)
            .filter(|p| p.chars().count() >= EXCERPT_MIN_CHARS)
            .or_else(|| {
                let text = dom::normalize_space(&dom::text_content(body));
                let cut: String = text.chars().take(THREAD_EXCERPT_MAX_CHARS).collect();
                match cut.len() < text.len() {
                    true => Some(format!("{}…", cut.trim_end())),
                    false => (!cut.is_empty()).then_some(cut),
                }
            })
    }
}

/// Finds the thread in `doc`, if the page holds one.
pub fn find(doc: &Handle) -> Option<Thread> {
    let body = dom::find(doc, "body")?;
    let lens = TextLens::measure(&body);
    if let Some(thread) = questions_and_answers(&body, &lens) {
        return Some(thread);
    }
    let signals = runs::subtree_signals(&body);
    let units = runs::post_run(&body, &signals, &lens)?;
    let keys: NodeMap<()> = units.iter().map(|u| (dom::key(u), ())).collect();
    let units_len = units
        .iter()
        .filter(|u| !dom::ancestors(u).iter().any(|a| keys.contains_key(&dom::key(a))))
        .map(|u| lens.len(u))
        .sum();
    let prose_before = prose_before(&body, &units[0]);
    let teasers = units.iter().filter(|u| is_teaser(u, &keys)).count();
    let posts = posts::read_posts(&units);
    let alike_authors = posts::alike_authors(&posts);
    (!posts.is_empty()).then_some(Thread {
        posts,
        questions_and_answers: false,
        units_len,
        prose_before,
        teasers,
        alike_authors,
    })
}

/// The question and answers of a page marked up with schema.org items: the
/// questions, then the accepted answers, then the others, each in page order.
fn questions_and_answers(body: &Handle, lens: &TextLens) -> Option<Thread> {
    let (mut questions, mut answers) = (Vec::new(), Vec::new());
    for el in dom::descendant_elements(body) {
        match item_type(&el).as_deref() {
            Some(t) if t == QUESTION_TYPE && !is_hidden(&el) => questions.push(el),
            Some(t) if t == ANSWER_TYPE && !is_hidden(&el) => answers.push(el),
            _ => {}
        }
    }
    if questions.is_empty() || answers.is_empty() {
        return None;
    }
    let (accepted, others): (Vec<Handle>, Vec<Handle>) =
        answers.into_iter().partition(posts::is_accepted);
    let units: Vec<Handle> = questions.into_iter().chain(accepted).chain(others).collect();
    let units_len = units.iter().map(|u| lens.len(u)).sum();
    let posts = posts::read_posts(&units);
    (!posts.is_empty()).then_some(Thread {
        posts,
        questions_and_answers: true,
        units_len,
        prose_before: 0,
        teasers: 0,
        alike_authors: true,
    })
}

/// Characters of prose in the page before `first`: text runs of some length
/// outside links and page furniture (any block, paragraphs or `<br>` runs).
/// An article above its comments has much, a thread above its opening post
/// next to none.
fn prose_before(body: &Handle, first: &Handle) -> usize {
    let mut total = 0;
    let mut stack: Vec<Handle> = dom::children(body).into_iter().rev().collect();
    while let Some(n) = stack.pop() {
        if Rc::ptr_eq(&n, first) {
            break;
        }
        if dom::is_text(&n) {
            let len = dom::text_len(&n);
            let dense = dom::text_content(&n).chars().any(crate::text::is_cjk);
            if len >= if dense { PROSE_RUN_MIN_CJK } else { PROSE_RUN_MIN } {
                total += len;
            }
            continue;
        }
        let furniture = dom::tag(&n).is_some_and(|t| NOT_PROSE.contains(&t))
            && !dom::any_descendant(&n, |d| Rc::ptr_eq(d, first));
        if furniture || is_hidden(&n) {
            continue;
        }
        stack.extend(dom::children(&n).into_iter().rev());
    }
    total
}

/// Whether the unit is headed by a link to another page (a heading that is
/// mostly a link whose address has no `#` fragment), as an article's teaser is.
fn is_teaser(unit: &Handle, units: &NodeMap<()>) -> bool {
    // a poster's name set as a heading is no title
    let author = |n: &Handle| own_signals(n) & HAS_AUTHOR != 0;
    posts::own_elements(unit, units)
        .iter()
        .filter(|n| dom::tag(n).is_some_and(|t| HEADINGS.contains(&t)))
        .any(|h| {
            let len = dom::text_len(h);
            len > 0
                && !author(h)
                && dom::find_all(h, "a").iter().any(|a| {
                    dom::attr_is(a, "href", |href| !href.contains('#') && !href.trim().is_empty())
                        && dom::text_len(a) * 2 >= len
                        && !author(a)
                        && !dom::descendant_elements(a).iter().any(author)
                })
        })
}

/// The reader's view of a thread: one `<article>` per post, its first line
/// the author and the date, then the body.
pub fn assemble(thread: &Thread) -> Handle {
    let content = dom::new_element("div", &[]);
    for post in &thread.posts {
        let article = dom::new_element("article", &[]);
        if post.author.is_some() || post.date.is_some() {
            let line = dom::new_element("p", &[]);
            if let Some(author) = &post.author {
                let b = dom::new_element("strong", &[]);
                dom::append(&b, &dom::new_text(author));
                dom::append(&line, &b);
            }
            if let Some(date) = &post.date {
                if post.author.is_some() {
                    dom::append(&line, &dom::new_text(" · "));
                }
                let t = dom::new_element("time", &[]);
                dom::append(&t, &dom::new_text(date));
                dom::append(&line, &t);
            }
            dom::append(&article, &line);
        }
        let body = dom::new_element("div", &[]);
        dom::move_children(&post.body, &body);
        dom::append(&article, &body);
        dom::append(&content, &article);
    }
    content
}
