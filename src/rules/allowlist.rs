//! The sanitizer's allowlist: what the output HTML may hold. Every change here
//! is a security change: run `cargo test --test xss` (153 vectors, each output
//! checked inert and a parse fixpoint) and read `src/sanitize.rs`'s argument
//! for why the output is safe. The per-attribute value checks are code, in
//! `sanitize::clean_html_attr`.

/// HTML elements kept (with their allowlisted attributes).
pub const HTML_TAGS: &[&str] = &[
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "q", "cite", "pre", "code", "kbd", "samp", "var", "em", "strong", "b", "i", "u",
    "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "time", "span", "div", "section",
    "article", "a", "img", "picture", "source", "figure", "figcaption", "table", "caption",
    "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col", "details", "summary", "video",
    "audio", "track", "iframe", "wbr", "math", "ruby", "rb", "rt", "rtc", "rp",
];

/// HTML elements removed together with everything inside them: scripts and
/// styles, raw-text elements, forms, plugins, document metadata, frames.
pub const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "object", "embed", "applet", "form", "input",
    "button", "textarea", "select", "option", "optgroup", "datalist", "frame", "frameset", "base",
    "meta", "link", "title", "head", "iframe", "svg", "xmp", "plaintext", "noembed", "noframes",
    "marquee", "area", "param", "keygen", "bgsound", "basefont", "portal", "fencedframe", "dialog",
    "slot", "canvas", "menuitem",
];

/// Unknown block-level HTML elements that become a `div` (their content is
/// kept, and the parser treats `div` the same way, so re-parsing is stable).
pub const AS_DIV: &[&str] = &[
    "center", "main", "nav", "aside", "header", "footer", "address", "hgroup", "fieldset",
    "legend", "search",
];

/// MathML presentation elements kept inside `math`.
pub const MATHML_TAGS: &[&str] = &[
    "math", "mi", "mo", "mn", "ms", "mtext", "mrow", "msup", "msub", "msubsup", "mfrac", "msqrt",
    "mroot", "mtable", "mtr", "mtd", "mspace", "mstyle", "mover", "munder", "munderover",
    "mpadded", "mphantom", "menclose", "mmultiscripts", "mprescripts", "none", "semantics",
    "annotation",
];

/// MathML attributes kept (plain values, no URLs).
pub const MATHML_ATTRS: &[&str] = &[
    "display", "dir", "mathvariant", "displaystyle", "scriptlevel", "fence", "separator",
    "stretchy", "symmetric", "largeop", "movablelimits", "accent", "accentunder", "lspace",
    "rspace", "linethickness", "columnalign", "rowalign", "columnspan", "rowspan", "columnlines",
    "rowlines", "frame", "width", "height", "depth", "voffset", "form", "encoding", "minsize",
    "maxsize", "mathsize", "notation", "numalign", "denomalign", "bevelled", "align",
];

/// The sandbox given to every kept `iframe`.
pub const IFRAME_SANDBOX: &str = "allow-scripts allow-same-origin allow-presentation allow-popups";

/// Image formats allowed in `data:` URLs (never SVG, which can carry script).
pub const DATA_IMAGE_TYPES: &[&str] =
    &["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/avif"];

/// Longest MathML attribute value kept (plain presentation values are short).
pub const MAX_MATHML_VALUE_LEN: usize = 64;
/// Most digits of a number kept in an attribute (`width`, `colspan`, `start`…).
pub const MAX_DIGITS: usize = 9;
/// Longest `lang` value kept (BCP 47 tags are short).
pub const MAX_LANG_LEN: usize = 35;

/// What every kept `id` starts with (and `<a name>` anchors become): the
/// article's ids then name nothing of the host page or its scripts (no
/// `window`/`document` property, no id the host's CSS or code looks for), and
/// same-document links (`href="#x"`) point at them as `#ac-x`. The reader view
/// relies on this prefix; see the contract in `sanitize.rs`.
pub const ID_PREFIX: &str = "ac-";
/// Longest kept id, prefix included (real ids are short; longer ones are dropped
/// with the links to them).
pub const MAX_ID_LEN: usize = 256;
