//! Thresholds of this project's own rules (Readability's are in
//! [`super::readability`]): how short, how linked, how many. Lengths are in
//! characters of text, white space collapsed; shares are of a block's text.
//! Tuned on the development corpora (Readability's suite, trafilatura's
//! annotated pages, the modern benchmark) unless said otherwise: a change here
//! shows in the golden pages (`cargo test --test golden`).

// ---------------------------------------------------------------------------
// Before metadata: a page kept in its <noscript> fallback

/// A body showing fewer characters than this may be read from its
/// `<noscript>`…
pub const NOSCRIPT_MAX_OUTSIDE: usize = 500;
/// …when the fallback holds at least this many characters (a notice or a
/// tracking image is no page)…
pub const NOSCRIPT_MIN_TEXT: usize = 500;
/// …and this many times the text shown outside it.
pub const NOSCRIPT_TEXT_RATIO: usize = 3;

// ---------------------------------------------------------------------------
// Page type: what the page's structure says (its schema.org types are in
// `page_types`); measured on wceb-dev, the Readability suite and
// trafilatura-dev (no thread found on an article page of either)

/// A run of posts (units carrying an author and a date) makes a page a thread
/// without schema.org saying so when there are at least this many posts…
pub const MIN_POSTS: usize = 2;
/// …holding at least this share of the body's text…
pub const THREAD_SHARE: f64 = 0.3;
/// …with less prose than this before the first post (more is an article
/// above its comments)…
pub const ARTICLE_ABOVE: usize = 600;
/// …and not this much prose when it is also more than
/// [`ARTICLE_ABOVE_FIRST_POST`] times the first post (a short article above
/// its comments, not a thread's heading above its opening post).
pub const ARTICLE_ABOVE_SHORT: usize = 200;
pub const ARTICLE_ABOVE_FIRST_POST: usize = 2;

/// Shortest run of text counted as prose, in characters (and in Chinese,
/// Japanese or Korean, where a character holds about a word).
pub const PROSE_RUN_MIN: usize = 40;
pub const PROSE_RUN_MIN_CJK: usize = 15;

/// Code blocks (`<pre>`) a page needs, beside a container named for
/// documentation, to be documentation.
pub const DOCUMENTATION_MIN_CODE: usize = 2;

/// Product items (microdata or JSON-LD) that make a page a list of products.
pub const COLLECTION_MIN_PRODUCTS: usize = 3;

// ---------------------------------------------------------------------------
// Threads: reading each post

/// Longest poster's name or date, in characters (a longer text is a post).
pub const MAX_LABEL: usize = 60;
/// Longest text read as a date by its look alone, in characters.
pub const MAX_DATE_TEXT: usize = 40;
/// A post's body is the deepest block named for a body that holds at least
/// this share of the largest one's text.
pub const BODY_SHARE: f64 = 0.8;

// ---------------------------------------------------------------------------
// Never empty: when the picked article is too short, the page's readable
// region stands in for it (measured on wceb-dev: pages under 200 characters
// 15 -> 5, the Readability suite and trafilatura-dev unchanged)

/// Text length under which the picked article is no reader view…
pub const NEVER_EMPTY: usize = 200;
/// …when it is also under this length (a sentence), whatever the region…
pub const ONE_SENTENCE: usize = 100;
/// …or under this share (percent) of the readable region (a short real post
/// on a page of little else stays the article).
pub const SHORT_SHARE_PERCENT: usize = 10;

// ---------------------------------------------------------------------------
// Prune: blocks named for a rule go only when they look the part

/// A block named for a rule goes when it has fewer characters than `short`, or
/// a share of its text in links past `links`.
#[derive(Clone, Copy)]
pub struct ShortOrLinked {
    pub short: usize,
    pub links: f64,
}

/// A page `<footer>`: its links and a copyright line, not an article's end.
pub const FOOTER: ShortOrLinked = ShortOrLinked { short: 600, links: 0.2 };
/// A share bar.
pub const SOCIAL_BAR: ShortOrLinked = ShortOrLinked { short: 300, links: 0.4 };
/// A block of related links (and without [`PROSE_PARAGRAPHS_KEPT`] of prose).
pub const RELATED_BLOCK: ShortOrLinked = ShortOrLinked { short: 200, links: 0.3 };
/// A menu, breadcrumbs, pagination.
pub const NAVIGATION_BLOCK: ShortOrLinked = ShortOrLinked { short: 200, links: 0.4 };

/// Longest newsletter box, consent box, paywall prompt, author box and meta
/// line (a longer block by those names holds the article).
pub const NEWSLETTER_MAX_LEN: usize = 800;
pub const CONSENT_MAX_LEN: usize = 2000;
pub const PAYWALL_MAX_LEN: usize = 800;
pub const AUTHOR_BOX_MAX_LEN: usize = 1500;
pub const META_LINE_MAX_LEN: usize = 150;

/// Longest block read as a photo credit or source line ("Foto: …").
pub const CREDIT_LINE_MAX_LEN: usize = 90;

/// Longest block read as an ad label ("Publicité"), standing alone.
pub const AD_LABEL_BLOCK_MAX_LEN: usize = 80;

/// The safety net of every named rule: a block over this length that holds
/// more than half the page's text is the article, never clutter.
pub const GUARD_MIN_LEN: usize = 500;

/// A paragraph of prose: longer than this, with under [`PROSE_LINK_SHARE`] of
/// its text in links.
pub const PROSE_LEN: usize = 140;
pub const PROSE_LINK_SHARE: f64 = 0.3;

/// Paragraphs of prose that keep a block named "related", "paywall" or "meta":
/// it holds text of its own.
pub const PROSE_PARAGRAPHS_KEPT: usize = 2;

/// Paragraphs of prose that keep a block named for ads, sharing or newsletters:
/// the article sits in a wrapper with a careless name.
pub const PROSE_PARAGRAPHS_NOT_CLUTTER: usize = 3;

/// A menu whose links read like headlines is a grid of recommended articles: at
/// least this many links, this long on average, making more than this share.
pub const HEADLINE_LIST_LINKS: usize = 3;
pub const HEADLINE_LEN: usize = 30;
pub const HEADLINE_LIST_LINK_SHARE: f64 = 0.5;

/// A share bar without a share name: at most this long, with at least
/// [`SHARE_BAR_LINKS`] links, these parts of them to share endpoints, and
/// beside them no more text than a label.
pub const SHARE_BAR_MAX_LEN: usize = 150;
pub const SHARE_BAR_LINKS: usize = 2;
/// (numerator, denominator): two thirds.
pub const SHARE_BAR_SHARE_LINKS: (usize, usize) = (2, 3);
pub const SHARE_BAR_LABEL_LEN: usize = 40;

/// A "read also" line: this long, with its links at least half of the text
/// after the lead-in.
pub const READ_ALSO_MIN_LEN: usize = 4;
pub const READ_ALSO_MAX_LEN: usize = 300;

/// A "related" heading is at most this long.
pub const RELATED_HEADING_MAX_LEN: usize = 60;

/// The list after a "related" heading: found within this many wrappers up,
/// with more than this share of links.
pub const HEADING_LIST_LEVELS: usize = 3;
pub const HEADING_LIST_LINK_SHARE: f64 = 0.5;

/// A link line after a "related" list (a teaser of its own): at most this long,
/// one link making more than this share.
pub const LINK_LINE_MAX_LEN: usize = 200;
pub const LINK_LINE_LINK_SHARE: f64 = 0.8;

/// `width` and `height` values of a tracking pixel.
pub const TRACKING_PIXEL_SIZES: &[&str] = &["0", "1"];

// ---------------------------------------------------------------------------
// Score: the lead figure before the article's body

/// A figure right before the article's body is its lead art when less than
/// this share of its text is in links (else a teaser).
pub const LEAD_FIGURE_LINK_DENSITY: f64 = 0.5;

// ---------------------------------------------------------------------------
// Clean

/// A short block judged for an ad label (the conditional cleaning).
pub const AD_LABEL_JUDGED_LEN: usize = 120;

/// Short blocks before the article's first sentence go ("3:59 PM", "Print
/// recipe"): at most this many, each shorter than this.
pub const HEAD_SCRAPS: usize = 3;
pub const HEAD_SCRAP_MAX_LEN: usize = 40;

/// A linked call to action anywhere in the article is shorter than this.
pub const CALL_TO_ACTION_MAX_LEN: usize = 160;

/// The tail after the article's last sentence: blocks more than this share
/// links, headings, short questions (under [`TAIL_PROMPT_MAX_LEN`]), calls to
/// action and lines shorter than [`TAIL_SHORT_LEN`] without a sentence go.
pub const TAIL_LINK_DENSITY: f64 = 0.5;
pub const TAIL_PROMPT_MAX_LEN: usize = 60;
pub const TAIL_SHORT_LEN: usize = 80;

/// The tail trim leaves at least this many blocks.
pub const MIN_BLOCKS_KEPT: usize = 3;

/// Most short blocks (no sentence, no link list) a tail of page furniture
/// holds; a longer run is content (a data grid set in `div`s): furniture tails
/// hold up to 12 such blocks on the corpora, data grids 23 to 272.
pub const MAX_SHORT_TAIL: usize = 12;

/// Photo credits: a block longer than this holds no caption credit, a credit
/// is at most [`CREDIT_MAX_LEN`] long, and a text scanned for `:` or `©` past
/// [`CREDIT_SCAN_BYTES`] is answered "maybe".
pub const CREDIT_BLOCK_MAX_LEN: usize = 300;
pub const CREDIT_MAX_LEN: usize = 80;
pub const CREDIT_SCAN_BYTES: usize = 4096;

/// A share block left in the article (named "share") is shorter than this.
pub const SHARE_BLOCK_MAX_LEN: usize = 500;

/// A `data:` image shorter than this (bytes) is a lazy-loading placeholder.
pub const PLACEHOLDER_MAX_BYTES: usize = 200;

/// The standfirst: the description's first characters (at least
/// [`LEAD_KEY_MIN_CHARS`]) looked for in a block of at most
/// [`LEAD_BLOCK_MAX_LEN`] characters beside the article.
pub const LEAD_KEY_CHARS: usize = 80;
pub const LEAD_KEY_MIN_CHARS: usize = 40;
pub const LEAD_BLOCK_MAX_LEN: usize = 1200;

// ---------------------------------------------------------------------------
// Article

/// The default excerpt is the first paragraph of at least this many characters.
pub const EXCERPT_MIN_CHARS: usize = 40;
/// A thread's default excerpt is its opening post's text, up to this many
/// characters when the post has no paragraph of [`EXCERPT_MIN_CHARS`].
pub const THREAD_EXCERPT_MAX_CHARS: usize = 300;

/// Reading speed for `readingTimeMinutes`: words a minute, and CJK characters
/// a minute (common estimates for adult readers, not tuned).
pub const WORDS_PER_MINUTE: usize = 230;
pub const CJK_CHARS_PER_MINUTE: usize = 500;
