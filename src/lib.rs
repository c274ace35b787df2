//! article-cleaner: reader mode for any article page.
//!
//! One entry point, [`clean()`], runs the pipeline top to bottom:
//!
//! 1. parse: HTML text → document tree (html5ever, `markup5ever_rcdom`);
//! 2. metadata: title, byline, dates, language… from meta tags, JSON-LD and the page;
//! 3. page type: article, thread, documentation, collection or product, from the
//!    page's schema.org types and structure (a thread's posts are read here,
//!    before the next stage removes comment sections);
//! 4. prune: scripts, hidden nodes, ads, ad labels, comments, share bars, related links go;
//! 5. score: the article container is found and its related siblings merged (a
//!    thread is its posts; a product page, or a page whose pick is too short,
//!    its readable region);
//! 6. clean: the article is tidied (lazy images, URLs, empty leftovers);
//! 7. sanitize and text: safe HTML, plain text and Markdown are written;
//!
//! and reports what was removed, and why ([`Removal`]). [`is_probably_readerable`]
//! tells whether a page looks like an article, without cleaning it;
//! [`escape_html`] escapes a field (the title) for the HTML written around `content`.
//!
//! The modules are private: the API is what this page lists. Cargo features:
//! `cli` (default: the command-line tool, `src/main.rs`), `decode`
//! ([`decode_html`], [`decode_with_hint`]), `wasm` (the JavaScript bindings,
//! `src/wasm.rs`). A library user who wants none of them sets
//! `default-features = false`.

mod article;
mod chosen;
mod clean;
#[cfg(feature = "decode")]
mod decode;
mod dom;
mod hash;
mod markdown;
mod matchers;
mod metadata;
mod noscript;
mod page_type;
mod parse;
mod pipeline;
mod prune;
mod readability;
mod readerable;
mod region;
mod report;
mod rules;
mod sanitize;
mod score;
mod text;
mod thread;
#[cfg(feature = "wasm")]
mod wasm;
mod weburl;

pub use article::{Article, Error, Options};
#[cfg(feature = "decode")]
pub use decode::{decode_html, decode_with_hint};
pub use page_type::PageType;
pub use pipeline::clean;
pub use readerable::is_probably_readerable;
pub use report::{Removal, RemovalKind};
pub use sanitize::escape_html;

/// The stages' internals, for this crate's own tests and benchmark (feature
/// `_internals`): not part of the API, no stability promised.
#[cfg(feature = "_internals")]
#[doc(hidden)]
pub mod internals {
    pub use crate::metadata::{extract, Metadata};
    pub use crate::parse::parse_html;
    pub use crate::sanitize::{sanitize, serialize};
    pub use crate::weburl::Url;

    /// The tree helpers the tests use.
    pub mod dom {
        pub use crate::dom::{attr, descendant_elements, find, move_children, new_element, tag};
    }
}
