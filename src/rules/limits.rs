//! Limits: the bounds that keep every page's cost in check, whatever the
//! input. Not tuned for quality: each is far past what real pages need, and a
//! hostile page meets it (`tests/hostile.rs`).

// ---------------------------------------------------------------------------
// Input

/// Deepest element nesting kept, as in Blink's HTML parser: tags that would
/// open deeper are dropped (their content stays). html5ever's tree builder
/// scans its stack of open elements per tag, so unbounded nesting is quadratic.
pub const MAX_DEPTH: usize = 512;

/// Most elements a page may have; past this, cleaning stops with an error.
pub const MAX_ELEMENTS: usize = 250_000;

/// Characters of the input's start looked at to tell binary data from text,
/// and the part of them (one in `BINARY_CONTROLS`) that must be control
/// characters for it to be binary.
pub const BINARY_SAMPLE_CHARS: usize = 4096;
pub const BINARY_CONTROLS: usize = 10;

// ---------------------------------------------------------------------------
// Metadata

/// At most this many `<meta>` elements are read.
pub const MAX_METAS: usize = 4096;
/// At most this many JSON-LD scripts are parsed.
pub const MAX_JSON_LD_SCRIPTS: usize = 64;
/// A JSON-LD script longer than this (bytes) is skipped.
pub const MAX_JSON_LD_BYTES: usize = 2 << 20;
/// Depth cap for the recursive searches through JSON values.
pub const MAX_JSON_DEPTH: usize = 32;
/// Cap on the JSON values visited per script by the lenient search.
pub const MAX_JSON_NODES: usize = 20_000;
/// Depth cap, and most entries of a list read, when an image URL is looked for
/// in JSON-LD (`image` may be a list of objects holding lists).
pub const MAX_IMAGE_DEPTH: usize = 4;
pub const MAX_IMAGES_READ: usize = 16;
/// At most this many JSON-LD types are kept for the page-type stage.
pub const MAX_SCHEMA_TYPES: usize = 256;
/// At most this many `<h1>`/`<h2>` are compared with the title.
pub const MAX_HEADINGS: usize = 2048;

// ---------------------------------------------------------------------------
// Stages

/// A `<noscript>` longer than this (bytes) is not parsed for a fallback image.
pub const MAX_NOSCRIPT_BYTES: usize = 4000;

/// A block of at least this many elements is the body of the article, not
/// furniture: the conditional cleaning does not judge it (judging would also
/// walk all of it for each nested block).
pub const MAX_JUDGED_ELEMENTS: usize = 5000;

/// Most removals kept in a report: a page of 100,000 ads still gives a readable list.
pub const MAX_REMOVALS: usize = 500;
/// Characters of a removed block's text kept as its sample.
pub const SAMPLE_CHARS: usize = 80;
/// Characters of the text before a removed block kept to find its place again
/// (with `removed_html`): enough to tell one paragraph's end from another's.
pub const ANCHOR_CHARS: usize = 60;
/// Longest HTML kept for one removed block (with `removed_html`): a whole page
/// wrapper removed as furniture is not worth carrying back.
pub const MAX_REMOVED_HTML: usize = 100_000;

/// Deepest nesting of block quotes and list items that Markdown reflects.
pub const MAX_NEST: usize = 16;
/// Table cells and captions are written as Markdown inside Markdown this many
/// levels deep; deeper, their text is written plain.
pub const MAX_SUB_RENDERS: usize = 2;

// ---------------------------------------------------------------------------
// What the parser builds (checked in its tree sink, `parse::LimitedSink`,
// where no markup can walk around them: they count the tree as it is built,
// implied and reconstructed elements included)

/// Deepest element in the tree the parser builds. The pre-parse scan keeps the
/// markup's own nesting to [`MAX_DEPTH`], counting the elements that nest; the
/// tree builder adds levels of its own: a table level is four (`table`,
/// `tbody`, `tr`, `td`, the last three closed implicitly and not counted), a
/// list level two, and formatting elements are reconstructed. So an honest
/// page stays under five times that. Deeper, the markup got past the scan
/// (stray end tags, foreign content), and each tag would cost the tree
/// builder a scan of that deep a stack.
pub const MAX_TREE_DEPTH: usize = 5 * MAX_DEPTH;

/// Most attributes on one element. Real elements carry tens; html5ever's
/// tokenizer checks each new attribute against all the tag's earlier ones, so
/// the cost is quadratic in this number (10,000: about 5·10⁷ comparisons).
/// Also checked before parsing, on every tag the tokenizer could read.
pub const MAX_ATTRIBUTES: usize = 10_000;

/// Bytes of attribute names and values in the built tree, per byte of input,
/// plus a fixed allowance: the tree builder copies attributes when it
/// reconstructs formatting elements (`<b class=…>` reopened in every block),
/// so without a bound a small page can fill the memory with copies.
pub const ATTRIBUTE_BYTES_PER_INPUT_BYTE: usize = 2;
pub const ATTRIBUTE_BYTES_ALLOWANCE: usize = 1 << 20;

/// The parser is fed the page in chunks of this many bytes, and the limits
/// above are checked between chunks: a page past a limit stops within one
/// chunk of it, instead of at its end.
pub const PARSE_CHUNK_BYTES: usize = 1024;
