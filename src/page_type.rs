//! Page type: takes the parsed page (before the prune stage), its metadata
//! (JSON-LD types, `og:type`, generator) and the thread found in it, and says
//! what kind of page it is, so that the later stages keep what that kind of
//! page is read for (the replies of a thread, the specifications of a
//! product…).
//!
//! Evidence, strongest first: the types the page declares for itself
//! (`DiscussionForumPosting`, `QAPage`, `Product`, `ItemList`, `TechArticle`…),
//! then its structure (a run of posts that each carry an author and a date;
//! code blocks under a documentation container). The vocabulary is in
//! [`crate::rules::page_types`], the numbers in [`crate::rules::thresholds`].
//! `other` is never guessed: no evidence tells a landing page from an article
//! without also firing on articles, so a page without evidence is an article.

use markup5ever_rcdom::Handle;
use serde::Serialize;

use crate::dom;
use crate::metadata::Metadata;
use crate::rules::page_types::{
    ARTICLE_PAGE_TYPES, COLLECTION_TYPES, DOCUMENTATION_GENERATORS, DOCUMENTATION_TYPES,
    DOCUMENTATION_WORDS, OG_ITEM_SUFFIX, OG_PRODUCT_GROUP, OG_PRODUCT_PREFIX, PRODUCT_TYPES,
    THREAD_OG_TYPES, THREAD_TYPES,
};
use crate::rules::thresholds::{
    ARTICLE_ABOVE, ARTICLE_ABOVE_FIRST_POST, ARTICLE_ABOVE_SHORT, COLLECTION_MIN_PRODUCTS,
    DOCUMENTATION_MIN_CODE, MIN_POSTS, THREAD_SHARE,
};
use crate::thread::{self, Thread};

/// What kind of page the reader is looking at (`pageType` in JSON).
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub enum PageType {
    /// A story, a post, an essay: one body of prose.
    #[default]
    Article,
    /// A forum thread, a Q&A page, a discussion: posts by several people.
    Thread,
    /// Reference or guide pages of software or products.
    Documentation,
    /// A list of items: a listicle, a roundup, a shop's category page.
    Collection,
    /// One product: its description and specifications.
    Product,
    /// Anything else (home pages, service pages…).
    Other,
}

/// What the page says about its type in its own markup.
#[derive(Debug, Default)]
struct Evidence<'a> {
    /// JSON-LD types (page-level items), once per item.
    schema: &'a [String],
    /// Microdata `itemtype`s in the page, once per item.
    microdata: Vec<String>,
    og_type: &'a str,
    generator: &'a str,
    /// `<pre>` blocks in the page.
    code_blocks: usize,
    /// Whether an element's class or id names documentation.
    docs_container: bool,
}

impl<'a> Evidence<'a> {
    /// Gathers the evidence in one walk of the page, from the root element
    /// down (some pages type the `<html>` itself).
    fn gather(doc: &Handle, meta: &'a Metadata) -> Evidence<'a> {
        let mut ev = Evidence {
            schema: &meta.schema_types,
            og_type: meta.og_type.as_deref().unwrap_or(""),
            generator: meta.generator.as_deref().unwrap_or(""),
            ..Evidence::default()
        };
        for el in dom::descendant_elements(doc) {
            if let Some(t) = thread::item_type(&el) {
                ev.microdata.push(t);
            }
            ev.code_blocks += usize::from(dom::is(&el, "pre"));
            if !ev.docs_container {
                ev.docs_container =
                    dom::ClassWords::of(&el).iter().any(|w| DOCUMENTATION_WORDS.contains(&w));
            }
        }
        ev
    }

    /// Items of one of `types` the page declares in JSON-LD.
    fn declared(&self, types: &[&str]) -> usize {
        self.schema.iter().filter(|t| types.contains(&t.as_str())).count()
    }

    /// Items of one of `types` the page marks up with microdata.
    fn marked_up(&self, types: &[&str]) -> usize {
        self.microdata.iter().filter(|t| types.contains(&t.as_str())).count()
    }

    fn says_thread(&self) -> bool {
        self.declared(THREAD_TYPES) > 0
            || self.marked_up(THREAD_TYPES) > 0
            || THREAD_OG_TYPES.contains(&self.og_type)
    }

    /// In its JSON-LD or microdata; `og:type` says `article` on too many
    /// shops and forums to count.
    fn says_article(&self) -> bool {
        self.declared(ARTICLE_PAGE_TYPES) > 0 || self.marked_up(ARTICLE_PAGE_TYPES) > 0
    }

    /// Product items the page declares or marks up (the larger count).
    fn products(&self) -> usize {
        self.declared(PRODUCT_TYPES).max(self.marked_up(PRODUCT_TYPES))
    }

    fn says_product(&self) -> bool {
        let og = self.og_type;
        let og_product = (og.starts_with(OG_PRODUCT_PREFIX) && og != OG_PRODUCT_GROUP)
            || og.ends_with(OG_ITEM_SUFFIX);
        (self.products() == 1 || (og_product && self.products() < COLLECTION_MIN_PRODUCTS))
            && !self.says_article()
    }

    fn says_collection(&self) -> bool {
        self.declared(COLLECTION_TYPES) > 0
            || self.og_type == OG_PRODUCT_GROUP
            || self.products() >= COLLECTION_MIN_PRODUCTS
    }

    fn says_documentation(&self) -> bool {
        let generated = DOCUMENTATION_GENERATORS.iter().any(|d| self.generator.contains(d));
        self.declared(DOCUMENTATION_TYPES) > 0
            || generated
            || (self.docs_container && self.code_blocks >= DOCUMENTATION_MIN_CODE)
    }
}

/// The page's type, from its markup, its metadata and the thread found in it.
pub fn detect(doc: &Handle, meta: &Metadata, thread: Option<&Thread>) -> PageType {
    let ev = Evidence::gather(doc, meta);
    if let Some(t) = thread {
        if ev.says_thread() || is_structural_thread(&ev, t, doc) {
            return PageType::Thread;
        }
    }
    if ev.says_product() {
        PageType::Product
    } else if ev.says_documentation() {
        PageType::Documentation
    } else if ev.says_collection() {
        PageType::Collection
    } else {
        PageType::Article
    }
}

/// Whether a run of posts the page does not call a thread is its content: not
/// an FAQ (Q&A items without a thread type), not an article's comments (an
/// article type, or prose above the posts), not a list of teasers, and its
/// authors read from alike elements.
fn is_structural_thread(ev: &Evidence, t: &Thread, doc: &Handle) -> bool {
    let body_len = dom::find(doc, "body").map_or(0, |b| dom::text_len(&b));
    let share = t.units_len as f64 / body_len.max(1) as f64;
    let article_above = t.prose_before >= ARTICLE_ABOVE
        || (t.prose_before >= ARTICLE_ABOVE_SHORT
            && t.prose_before > ARTICLE_ABOVE_FIRST_POST * t.first_post_len());
    !t.questions_and_answers
        && !ev.says_article()
        && share >= THREAD_SHARE
        && !article_above
        && t.teasers * 2 < t.posts.len()
        && t.posts.len() >= MIN_POSTS
        && t.alike_authors
}
