//! Readability's rules: the vocabulary and the numbers of Mozilla
//! Readability.js (`REGEXPS`, `DEFAULT_*`, `_initializeNode`, `_grabArticle`,
//! `_cleanConditionally`, `isProbablyReaderable`), which the readability,
//! score, clean and readerable modules apply. Each is marked "as Readability"
//! or says how and why it differs.

// ---------------------------------------------------------------------------
// Class and id names

/// Fragments of class/id names of page furniture (`unlikelyCandidates`), as Readability.
pub const UNLIKELY: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote",
];

/// Fragments that rescue an unlikely name (`okMaybeItsACandidate`), as Readability.
pub const MAYBE: &[&str] =
    &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];

/// Roles of page furniture (`UNLIKELY_ROLES`), as Readability.
pub const UNLIKELY_ROLES: &[&str] =
    &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Fragments of names that cost a block [`CLASS_WEIGHT`] (`negative`), as
/// Readability but without "hidden": the prune stage already removed what the
/// page hides, and names such as `field--label-hidden` or `hidden-xs` describe
/// a label or a screen size.
pub const NEGATIVE: &[&str] = &[
    "-ad-", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
    "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
    "sponsor", "shopping", "tags", "widget",
];

/// A whole word of a name that is negative too (Readability's `^hid$|…`).
pub const NEGATIVE_WORD: &str = "hid";

/// Fragments of names that earn a block [`CLASS_WEIGHT`] (`positive`), as Readability.
pub const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story",
];

/// What a positive or a negative class (and again the id) adds or takes, as Readability.
pub const CLASS_WEIGHT: f64 = 25.0;

/// Fragments of names of byline blocks (`byline`), as Readability.
pub const BYLINE_NAMES: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// A byline is shorter than this (characters, trimmed), as Readability.
pub const BYLINE_MAX_CHARS: usize = 100;

/// Commas of every script, as Readability's `commas` pattern.
pub const COMMAS: &[char] = &[
    ',', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

/// How much an in-page (`#`) link's text counts in link density; other links
/// count 1. As Readability.
pub const HASH_LINK_WEIGHT: f64 = 0.3;

// ---------------------------------------------------------------------------
// Scoring (the score stage)

/// An attempt whose article has fewer characters is retried with looser rules
/// (`DEFAULT_CHAR_THRESHOLD`), as Readability.
pub const CHAR_THRESHOLD: usize = 500;

/// Candidates kept for the top candidate's refinements (`DEFAULT_N_TOP_CANDIDATES`), as Readability.
pub const TOP_CANDIDATES: usize = 5;

/// A block with fewer characters scores nothing, as Readability.
pub const MIN_SCORED_LEN: usize = 25;

/// A block's score: one point, one per comma and one more, and one per
/// [`CHARS_PER_POINT`] characters up to [`MAX_LENGTH_POINTS`], as Readability.
pub const CHARS_PER_POINT: usize = 100;
pub const MAX_LENGTH_POINTS: usize = 3;

/// Ancestors a block's score goes to: the parent in full, the grandparent half,
/// then each one its level times [`DEEP_ANCESTOR_DIVIDER`] less. As Readability.
pub const SCORED_ANCESTORS: usize = 5;
pub const DEEP_ANCESTOR_DIVIDER: f64 = 3.0;

/// A candidate's starting score by its tag (`_initializeNode`), as Readability:
/// `div` 5; `pre`, `td`, `blockquote` 3; lists, list parts, `address` and
/// `form` −3; headings and `th` −5; others 0.
pub fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// What an element marked `itemprop=articleBody` adds to its score: schema.org's
/// articleBody is the page's own word for where the article is. Not in
/// Readability; tuned on corpus.
pub const ARTICLE_BODY_SCORE: f64 = 50.0;

/// Near-top candidates (scoring at least this share of the top's) that share an
/// ancestor with it make that ancestor the top candidate when at least
/// [`MIN_ALTERNATIVES`] of them do, as Readability.
pub const ALTERNATIVE_SHARE: f64 = 0.75;
pub const MIN_ALTERNATIVES: usize = 3;

/// Walking up from the top candidate, a parent scoring under its score divided
/// by this ends the walk, as Readability.
pub const PARENT_SCORE_DIVISOR: f64 = 3.0;

/// A sibling joins the article when its score reaches this share of the top
/// candidate's, or [`MIN_SIBLING_SCORE`]; a sibling of the same class counts
/// this share of the top's score more. As Readability.
pub const SIBLING_SCORE_SHARE: f64 = 0.2;
pub const MIN_SIBLING_SCORE: f64 = 10.0;

/// A sibling paragraph joins the article when longer than this (characters) with a
/// link density under [`SIBLING_LINK_DENSITY`], or shorter, without links and
/// with a sentence. As Readability.
pub const SIBLING_PARAGRAPH_LEN: usize = 80;
pub const SIBLING_LINK_DENSITY: f64 = 0.25;

/// A `div` whose only child is a paragraph, and whose link density is under this,
/// becomes that paragraph, as Readability.
pub const DIV_TO_P_LINK_DENSITY: f64 = 0.25;

/// An `h1` or `h2` whose words are more similar to the title than this repeats
/// it, and goes; a JSON-LD `headline` this similar to the document title wins
/// over its `name`. As Readability.
pub const TITLE_SIMILARITY: f64 = 0.75;

// ---------------------------------------------------------------------------
// Conditional cleaning (the clean stage, `_cleanConditionally`)

/// A block with this many commas is prose, kept, as Readability.
pub const PROSE_COMMAS: usize = 10;

/// Share of a block's text in lists past which it is a list, as Readability.
pub const LIST_SHARE: f64 = 0.9;

/// List items a block may have beyond its paragraphs before it is a link list, as Readability.
pub const SPARE_LIST_ITEMS: f64 = 100.0;

/// A block with more than one image and fewer paragraphs than this share of its
/// images is a gallery, as Readability.
pub const PARAGRAPHS_PER_IMAGE: f64 = 0.5;

/// Share of a block's text in headings under which a short linked block is furniture, as Readability.
pub const HEADING_SHARE: f64 = 0.9;

/// A block shorter than this, with links and not one to [`FIGURE_IMAGES`]
/// images (a figure and its caption), is furniture, as Readability.
pub const SHORT_BLOCK_LEN: usize = 25;
pub const FIGURE_IMAGES: f64 = 2.0;

/// A block with more inputs than its paragraphs divided by this is a form, as Readability.
pub const PARAGRAPHS_PER_INPUT: f64 = 3.0;

/// Link densities past which a block goes: of a block with a weight under
/// [`CLASS_WEIGHT`], and of one with at least that, as Readability.
pub const LINK_DENSITY_LOW_WEIGHT: f64 = 0.2;
pub const LINK_DENSITY_HIGH_WEIGHT: f64 = 0.5;

/// A block with one embed and fewer characters than this is the embed's frame, as Readability.
pub const SINGLE_EMBED_LEN: usize = 75;

// ---------------------------------------------------------------------------
// Data tables (`_markDataTables`)

/// A table with this many rows, more columns than [`DATA_TABLE_COLUMNS`], or
/// more cells than [`DATA_TABLE_CELLS`] holds data, as Readability.
pub const DATA_TABLE_ROWS: usize = 10;
pub const DATA_TABLE_COLUMNS: usize = 4;
pub const DATA_TABLE_CELLS: usize = 10;

/// A `colspan` counts at most this many columns (a guard against `colspan=1e9`).
pub const MAX_COLSPAN: usize = 100;

// ---------------------------------------------------------------------------
// Readerable (`isProbablyReaderable`)

/// Characters a paragraph needs before it counts, as Readability.
pub const READERABLE_MIN_LEN: usize = 140;

/// Score past which the page is an article, as Readability.
pub const READERABLE_MIN_SCORE: f64 = 20.0;
