//! Tag sets: which elements each rule looks at, named. Sets marked "as HTML"
//! are facts of the HTML standard; "as Readability" are Readability.js's;
//! the others are this project's, each with the rule that reads it.

// ---------------------------------------------------------------------------
// HTML

/// Headings.
pub const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
/// Headings below the article's title (which is shown apart).
pub const SUBHEADINGS: &[&str] = &["h2", "h3", "h4", "h5", "h6"];

/// Start tags that close an open `p` (when it is in button scope): a `p`
/// written around one of them is parsed as two siblings, so the sanitizer
/// writes such a `p` as a `div`. As HTML (the tree construction's "in body"
/// rules).
pub const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "dd", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext",
    "pre", "search", "section", "summary", "table", "ul", "xmp",
];

/// Void elements: written without an end tag, never with children. As HTML.
pub const VOID: &[&str] = &["br", "hr", "img", "source", "col", "track", "wbr"];

/// Elements that never nest: void, or closed implicitly by their next sibling
/// (the pre-parse scan does not count them as a level). As HTML; a `match`,
/// as it runs on every tag of the page.
pub fn is_not_nesting(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
            | "keygen"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
            | "colgroup"
            | "rb"
            | "rt"
            | "rp"
            | "html"
            | "head"
            | "body"
            | "frame"
    )
}

/// Elements whose content is text up to their end tag. As HTML; a `match`, as
/// it runs on every tag of the page.
pub fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// What shows something other than text: images, players, formulas.
pub const MEDIA: &[&str] =
    &["img", "picture", "video", "audio", "iframe", "embed", "object", "math"];

/// Elements whose text a reader never sees (the visible text of a block).
pub const INVISIBLE: &[&str] = &["script", "style", "noscript", "template"];

/// Ruby annotations: shown above the base text, not part of its reading.
pub const RUBY_ANNOTATIONS: &[&str] = &["rt", "rp"];

// ---------------------------------------------------------------------------
// Readability

/// Phrasing content (`PHRASING_ELEMS`), as Readability.
pub const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", "font", "u", "s",
];

/// Phrasing when everything inside them is, as Readability.
pub const PHRASING_IF_CONTENT: &[&str] = &["a", "del", "ins"];

/// Blocks that keep a `div` from becoming a paragraph: Readability's
/// `DIV_TO_P_ELEMS`, and figures, sections, articles and headings.
pub const PARAGRAPH_BREAKERS: &[&str] = &[
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "figure", "section",
    "article", "h1", "h2", "h3", "h4", "h5", "h6",
];

/// Elements whose text scores (`DEFAULT_TAGS_TO_SCORE`), as Readability.
pub const SCORED: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Containers removed when they hold nothing but `br` and `hr`, as Readability.
pub const REMOVED_WHEN_EMPTY: &[&str] =
    &["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"];

/// Headings that may repeat the article's title, as Readability.
pub const TITLE_HEADINGS: &[&str] = &["h1", "h2"];

/// Siblings joining the article keep their tag; others become a `div`
/// (`ALTER_TO_DIV_EXCEPTIONS`), as Readability.
pub const KEPT_SIBLINGS: &[&str] = &["div", "article", "section", "p", "ol", "ul"];

/// Parts of a table that hold data, not layout, as Readability.
pub const DATA_TABLE_PARTS: &[&str] = &["col", "colgroup", "tfoot", "thead", "th"];

/// Elements whose text counts in a block's text density (`_getTextDensity`'s
/// `textishTags`: span, li, td, and `DIV_TO_P_ELEMS`), as Readability.
pub const TEXTISH: &[&str] =
    &["span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];

/// Elements never stripped as unlikely, whatever their names, as Readability.
pub const NEVER_UNLIKELY: &[&str] = &["body", "a"];

/// The conditional cleaning judges these first (before the other tidying),
/// then [`CONDITIONALLY_CLEANED`], in this order, as Readability.
pub const CONDITIONALLY_CLEANED_FIRST: &[&str] = &["form", "fieldset"];
pub const CONDITIONALLY_CLEANED: &[&str] = &["table", "ul", "div"];

/// Blocks the readerable check counts, as Readability.
pub const READERABLE_BLOCKS: &[&str] = &["p", "pre", "article"];

// ---------------------------------------------------------------------------
// Prune

/// Elements that are never content and not worth reporting.
pub const SILENT_JUNK: &[&str] = &[
    "script", "style", "link", "meta", "template", "noscript", "input", "select", "textarea",
    "button", "option", "datalist", "dialog", "canvas", "object", "embed", "applet", "frame",
    "frameset", "title", "base",
];

/// Elements the prune stage never removes: the page and its main content.
pub const NEVER_CLUTTER: &[&str] = &["html", "body", "main"];

/// Where removing emptied ancestors stops: the page and the article.
pub const KEPT_WHEN_EMPTIED: &[&str] = &["body", "html", "main", "article"];

/// An article's own container: a site header inside it is the article's.
pub const ARTICLE_CONTAINERS: &[&str] = &["article", "main"];

/// Inline elements: text in them is on the same line as the text beside them.
pub const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd", "label", "mark", "q",
    "s", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// Elements that end a line of text: what stands before them and after them
/// are different lines.
pub const LINE_BREAKING: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "section", "article", "header", "footer", "nav", "aside", "figure", "figcaption", "blockquote",
    "pre", "hr", "form", "main", "details", "summary", "address",
];

/// A `<footer>` belongs to the nearest of these above it (as HTML assigns
/// footers to sectioning content and roots); [`QUOTATIONS_AND_FIGURES`] make it
/// an attribution.
pub const FOOTER_OWNERS: &[&str] =
    &["blockquote", "figure", "article", "section", "aside", "nav", "body", "details", "td"];
pub const QUOTATIONS_AND_FIGURES: &[&str] = &["blockquote", "figure"];

/// Blocks that may be a photo credit or source line ("Foto: …"), in the prune
/// and the clean stage.
pub const CREDIT_HOLDERS: &[&str] = &["p", "span", "div", "small", "em", "i", "cite", "figcaption"];

/// Blocks that may be a bar of share buttons.
pub const SHARE_BARS: &[&str] =
    &["div", "ul", "ol", "p", "span", "section", "aside", "footer", "nav", "li"];

/// Blocks that may be a "read also" line.
pub const READ_ALSO_LINES: &[&str] =
    &["p", "div", "li", "h3", "h4", "h5", "h6", "blockquote", "section"];

/// Blocks that may be a "related" heading.
pub const RELATED_HEADINGS: &[&str] =
    &["h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "header"];

/// Blocks that may be one more link line after a "related" list.
pub const LINK_LINES: &[&str] = &["p", "div", "li", "h3", "h4", "h5", "h6"];

// ---------------------------------------------------------------------------
// Score

/// What makes a figure lead art: an image or a video.
pub const LEAD_ART: &[&str] = &["img", "picture", "video"];

// ---------------------------------------------------------------------------
// Clean

/// Blocks that may be the page's standfirst, shown beside the headline.
pub const LEAD_BLOCKS: &[&str] = &["p", "div", "h2", "span", "section"];

/// Embedded content: a player (kept) or anything else (dropped).
pub const EMBEDS: &[&str] = &["iframe", "embed", "object"];

/// Elements dropped from the article (a video player among them stays).
pub const REMOVED_FROM_ARTICLE: &[&str] = &[
    "object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select", "button",
];

/// Elements whose lazy-loading attributes are resolved.
pub const LAZY_IMAGE_HOLDERS: &[&str] = &["img", "source", "picture", "figure"];

/// The blocks the tail and head trims judge: those with no block of
/// [`TRIM_INNER_BLOCKS`] inside.
pub const TRIM_BLOCKS: &[&str] =
    &["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "div", "section"];
pub const TRIM_INNER_BLOCKS: &[&str] =
    &["p", "div", "section", "ul", "ol", "table", "h2", "h3", "h4"];

/// Blocks that end a caption's scan for a trailing photo credit.
pub const CREDIT_STOPS: &[&str] = &[
    "p", "div", "figcaption", "ul", "ol", "table", "figure", "section", "blockquote", "h2", "h3",
    "h4", "h5", "h6", "li",
];

/// The inline content of a table's only cell, which becomes a paragraph (any
/// other content becomes a `div`).
pub const INLINE_IN_CELL: &[&str] =
    &["a", "b", "i", "em", "strong", "span", "code", "br", "img", "small", "sub", "sup"];

/// Wrappers that collapse into their only child of the same kind, as
/// Readability's `_simplifyNestedElements`.
pub const WRAPPERS: &[&str] = &["div", "section"];

// ---------------------------------------------------------------------------
// Text and Markdown

/// Elements whose content is never text (scripts, styles, metadata), and ruby
/// annotations: the base text reads on its own (`<ruby>漢<rt>かん</rt></ruby>`
/// is "漢"; the HTML keeps the annotation).
pub const NOT_TEXT: &[&str] = &[
    "script", "style", "template", "noscript", "head", "title", "svg", "iframe", "object", "embed",
    "select", "textarea", "button", "rt", "rp",
];

/// Elements that start a new paragraph-like block (a blank line around them).
pub const TEXT_BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption",
    "table", "section", "article", "main", "header", "footer", "nav", "aside", "hr", "ul", "ol",
    "dl", "dt", "dd", "details", "summary", "address", "center", "fieldset", "form", "caption",
    "picture", "video", "audio", "body", "html",
];

/// Blocks a Markdown pipe table's cell cannot hold: a table with one is written
/// as its text.
pub const NOT_IN_PIPE_TABLE: &[&str] =
    &["table", "pre", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_hold_lower_case_names_once() {
        for set in [
            HEADINGS, SUBHEADINGS, VOID, MEDIA, INVISIBLE, RUBY_ANNOTATIONS, PHRASING,
            PHRASING_IF_CONTENT, PARAGRAPH_BREAKERS, SCORED, REMOVED_WHEN_EMPTY, TITLE_HEADINGS,
            KEPT_SIBLINGS, DATA_TABLE_PARTS, TEXTISH, READERABLE_BLOCKS, NEVER_UNLIKELY,
            CONDITIONALLY_CLEANED_FIRST, CONDITIONALLY_CLEANED, EMBEDS, SILENT_JUNK, NEVER_CLUTTER,
            KEPT_WHEN_EMPTIED, ARTICLE_CONTAINERS, INLINE, LINE_BREAKING, FOOTER_OWNERS,
            QUOTATIONS_AND_FIGURES, CREDIT_HOLDERS, SHARE_BARS, READ_ALSO_LINES, RELATED_HEADINGS,
            LINK_LINES, LEAD_ART, LEAD_BLOCKS, REMOVED_FROM_ARTICLE, LAZY_IMAGE_HOLDERS,
            TRIM_BLOCKS, TRIM_INNER_BLOCKS, CREDIT_STOPS, INLINE_IN_CELL, WRAPPERS, NOT_TEXT,
            TEXT_BLOCKS, NOT_IN_PIPE_TABLE,
        ] {
            for (i, tag) in set.iter().enumerate() {
                assert!(tag.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{tag}");
                assert!(!set[..i].contains(tag), "{tag} twice in {set:?}");
            }
        }
        assert!(QUOTATIONS_AND_FIGURES.iter().all(|t| FOOTER_OWNERS.contains(t)));
    }
}
