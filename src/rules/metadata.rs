//! Where the metadata stage reads a page's title, byline, excerpt, site name,
//! date, language and lead image: meta names in priority order, the patterns
//! Readability reads them with, its title rules and its JSON-LD article types.
//! As Readability, unless marked "extra" (read only where Readability finds
//! nothing).

// ---------------------------------------------------------------------------
// Meta tags, by the keys of Readability's `values` map, first found first

/// The title, after JSON-LD, as Readability.
pub const TITLE_METAS: &[&str] = &[
    "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
    "twitter:title", "parsely-title",
];

/// The byline, after JSON-LD, then [`ARTICLE_AUTHOR_META`] when it is no URL, as Readability.
pub const BYLINE_METAS: &[&str] = &["dc:creator", "dcterm:creator", "author", "parsely-author"];
pub const ARTICLE_AUTHOR_META: &str = "article:author";

/// The excerpt, after JSON-LD, as Readability.
pub const EXCERPT_METAS: &[&str] = &[
    "dc:description", "dcterm:description", "og:description", "weibo:article:description",
    "weibo:webpage:description", "description", "twitter:description",
];

/// The site name, after JSON-LD, as Readability.
pub const SITE_NAME_METAS: &[&str] = &["og:site_name"];

/// The publication time, after JSON-LD, as Readability.
pub const PUBLISHED_METAS: &[&str] = &["article:published_time", "parsely-pub-date"];

/// Extra: any meta whose property, name or itemprop is this gives the
/// publication time, and this one the language (`fr_FR` read as `fr-FR`).
pub const PUBLISHED_EXTRA: &str = "datepublished";
pub const LOCALE_EXTRA: &str = "og:locale";

/// Extra: the lead image, first found first (Readability has none).
pub const LEAD_IMAGE_METAS: &[&str] =
    &["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"];

/// Extra, for the page-type stage: the page's Open Graph type and the
/// software that generated it (documentation generators name themselves).
pub const OG_TYPE_META: &str = "og:type";
pub const GENERATOR_META: &str = "generator";

/// Readability's `property` pattern, `(article|dc|dcterm|og|twitter):(author|…)`.
pub const PROPERTY_PREFIXES: &[&str] = &["article", "dc", "dcterm", "og", "twitter"];
pub const PROPERTY_NAMES: &[&str] =
    &["author", "creator", "description", "published_time", "title", "site_name"];

/// Readability's `name` pattern: one of these names, alone or after one of
/// [`NAME_PREFIXES`] and a `-`, `.` or `:`.
pub const NAME_NAMES: &[&str] =
    &["author", "creator", "pub-date", "description", "title", "site_name"];
pub const NAME_PREFIXES: &[&str] =
    &["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"];

// ---------------------------------------------------------------------------
// The title (`_getArticleTitle`), as Readability

/// Separators between a title and the site's name (with a space each side),
/// and those of them that separate levels of a path ("Home » News » …").
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
pub const HIERARCHICAL_SEPARATORS: &[char] = &['\\', '/', '>', '»'];

/// A title part of fewer words is the site's name, not the title.
pub const TITLE_MIN_WORDS: usize = 3;
/// Before a colon, more words than this belong to the title.
pub const TITLE_PREFIX_MAX_WORDS: usize = 5;
/// A `<title>` longer or shorter than these (UTF-16 units) gives way to the
/// page's only `<h1>`.
pub const TITLE_MAX_LEN: usize = 150;
pub const TITLE_MIN_LEN: usize = 15;
/// A cleaned title of at most this many words is too short: the whole
/// `<title>` stands (unless a path separator explains the cut).
pub const SHORT_TITLE_WORDS: usize = 4;

// ---------------------------------------------------------------------------
// JSON-LD

/// Readability's `jsonLdArticleTypes`: a type that starts with `Article`, ends
/// with `APIReference`, or contains one of these (its anchors bind only the
/// first and last alternatives).
pub const ARTICLE_TYPES: &[&str] = &[
    "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
    "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
    "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting",
    "TechArticle",
];
