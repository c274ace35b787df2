//! The library's types: what the caller gives ([`Options`]) and gets
//! ([`Article`], or an [`Error`]), and the reading time of an article.

use serde::Serialize;

use crate::page_type::PageType;
use crate::report::Removal;
use crate::rules::thresholds::{CJK_CHARS_PER_MINUTE, WORDS_PER_MINUTE};
use crate::text;

/// What the caller tells the cleaner about the page.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The page's URL: relative links and images are made absolute against it
    /// (and against the page's `<base href>`).
    pub url: Option<String>,
    /// The part of the page that holds the article, when the reader chose it (the
    /// pick was wrong): a simple selector, `tag#id.class[attr=value]`, any part
    /// optional (e.g. `#story`, `main`, `[data-ac-region]`). The article is then
    /// that element's content, cleaned of clutter, while the metadata (title,
    /// byline, date…) is still read from the whole page. A selector that matches
    /// nothing (or that is not a simple one) is ignored.
    pub region: Option<String>,
    /// Whether each [`Removal`] carries the removed block as sanitized HTML and
    /// the text just before it (`html`, `after`), so that a reader can put it
    /// back. Off by default: it costs a copy of every removed block.
    pub removed_html: bool,
}

/// The reader-mode result. Field names follow Readability.js (`title`, `byline`,
/// `content`, `textContent`, …) in JSON.
#[derive(Serialize, Debug, Clone, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The article's headline, without the site-name suffix.
    pub title: String,
    /// The author line, e.g. "By Jane Doe".
    pub byline: Option<String>,
    /// Text direction, `ltr` or `rtl`, when the page says.
    pub dir: Option<String>,
    /// The page's language (`lang` attribute or meta), e.g. `fr-FR`.
    pub lang: Option<String>,
    /// The article as sanitized HTML, safe to insert into any page.
    pub content: String,
    /// The article as plain text, blocks separated by blank lines.
    pub text_content: String,
    /// The article as Markdown.
    pub markdown: String,
    /// Number of characters of `textContent`.
    pub length: usize,
    /// A short summary: the page's description, or the first paragraph.
    pub excerpt: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601.
    pub published_time: Option<String>,
    /// The main image's absolute URL.
    pub lead_image: Option<String>,
    /// Estimated reading time in whole minutes (at least 1 for a non-empty article).
    pub reading_time_minutes: u32,
    /// What was removed from in and around the article, and why.
    pub removed: Vec<Removal>,
    /// Whether the page looks like an article a reader view suits (false when
    /// no container passed the thresholds and the page's readable region
    /// stands in for the article).
    pub readerable: bool,
    /// What kind of page it is: article, thread, documentation, collection,
    /// product or other (`pageType` in JSON).
    pub page_type: PageType,
}

/// Why a page could not be cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is empty or only whitespace.
    Empty,
    /// The input is not HTML (binary data, or text without any markup).
    NotHtml(String),
    /// The page was parsed but has no text to read.
    NoContent,
    /// The page is beyond what reader mode handles (e.g. millions of elements).
    TooLarge(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Empty => write!(f, "the input is empty"),
            Error::NotHtml(why) => write!(f, "the input is not HTML: {why}"),
            Error::NoContent => write!(f, "the page has no readable content"),
            Error::TooLarge(why) => write!(f, "the page is too large for reader mode: {why}"),
        }
    }
}

impl std::error::Error for Error {}

/// Minutes to read `text`: words at [`WORDS_PER_MINUTE`], CJK characters at
/// [`CJK_CHARS_PER_MINUTE`].
pub(crate) fn reading_time(text: &str) -> u32 {
    let (cjk, words) = if text.is_ascii() {
        (0, text.split_whitespace().count())
    } else {
        let cjk = text.chars().filter(|c| text::is_cjk(*c)).count();
        let words = text.split_whitespace().filter(|w| !w.chars().all(text::is_cjk)).count();
        (cjk, words)
    };
    let minutes = words as f64 / WORDS_PER_MINUTE as f64 + cjk as f64 / CJK_CHARS_PER_MINUTE as f64;
    if text.trim().is_empty() {
        0
    } else {
        (minutes.ceil() as u32).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_counts_words_and_cjk() {
        assert_eq!(reading_time(""), 0);
        assert_eq!(reading_time("one two"), 1);
        assert_eq!(reading_time(&"word ".repeat(461)), 3);
        assert_eq!(reading_time(&"字".repeat(1001)), 3);
    }
}
