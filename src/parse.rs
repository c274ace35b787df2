//! Stage 1, parse: takes the page's HTML text and gives the document tree
//! (html5ever into `markup5ever_rcdom`), plus the base URL links resolve against.
//! A page is parsed within the limits of [`crate::rules::limits`], counted in
//! the tree sink as the tree is built ([`parse_page`]); past one, an error.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::weburl::Url;
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, Attribute, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, RcDom};

use crate::dom;

use crate::rules::limits::{
    ATTRIBUTE_BYTES_ALLOWANCE, ATTRIBUTE_BYTES_PER_INPUT_BYTE, MAX_ATTRIBUTES, MAX_DEPTH,
    MAX_ELEMENTS, MAX_TREE_DEPTH, PARSE_CHUNK_BYTES,
};
use crate::rules::tags::{is_not_nesting, is_raw_text};

/// Linear passes over the markup before parsing: an error when a tag could
/// carry more than [`MAX_ATTRIBUTES`] (see `most_attributes`); counts elements
/// (an error past [`MAX_ELEMENTS`]), drops start and end tags nested deeper than
/// [`MAX_DEPTH`], keeping all text, and empties scripts and style sheets (see
/// `drops_body`). Pages without any of these come back borrowed, unchanged.
pub fn prescan(html: &str) -> Result<Cow<'_, str>, String> {
    let b = html.as_bytes();
    if most_attributes(b, MAX_ATTRIBUTES) > MAX_ATTRIBUTES {
        return Err(format!("a tag has more than {MAX_ATTRIBUTES} attributes"));
    }
    let mut out: Option<String> = None;
    let mut last = 0; // bytes before this are copied (or skipped)
    let (mut depth, mut excess, mut elements) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let start = i + off;
        i = start + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_end = name_start
            + b[name_start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
                .count();
        if name_end == name_start || !b[name_start].is_ascii_alphabetic() {
            continue;
        }
        let end = tag_end(b, name_end);
        // Names past 16 bytes are in no list below: they count, and nest.
        let mut lower = [0u8; 16];
        let raw = &b[name_start..name_end];
        let name = if raw.len() <= lower.len() {
            lower[..raw.len()].copy_from_slice(raw);
            lower[..raw.len()].make_ascii_lowercase();
            std::str::from_utf8(&lower[..raw.len()]).unwrap_or("")
        } else {
            ""
        };
        i = end;
        if closing {
            // A raw-text element's start tag is skipped with its text, never
            // counted: neither is its end tag (dropped as the end of a too-deep
            // element, it would leave the element open and the rest of the page
            // its text).
            if is_not_nesting(name) || is_raw_text(name) {
                continue;
            }
            if excess > 0 {
                excess -= 1;
                let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
                buf.push_str(&html[last..start]);
                last = end;
            } else {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        elements += 1;
        if elements > MAX_ELEMENTS {
            return Err(format!("the page has more than {MAX_ELEMENTS} elements"));
        }
        if is_raw_text(name) {
            let close = format!("</{name}");
            let body_end = find_ci(b, i, close.as_bytes()).unwrap_or(b.len());
            if body_end > end && drops_body(name, &html[start..end], &b[end..body_end]) {
                let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
                buf.push_str(&html[last..end]);
                last = body_end;
            }
            i = body_end;
            continue;
        }
        if is_not_nesting(name) {
            continue;
        }
        if depth >= MAX_DEPTH {
            excess += 1;
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[last..start]);
            last = end;
        } else {
            depth += 1;
        }
    }
    Ok(match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[last..]);
            Cow::Owned(buf)
        }
    })
}

/// Whether the text of a raw-text element can go before parsing: style sheets and
/// scripts are never shown and the parser reads them character by character (on
/// script-heavy pages, most of the work). JSON scripts stay (the metadata stage
/// reads JSON-LD), and so does a script holding `<!--`, whose end only the full
/// HTML tokenizer finds.
fn drops_body(name: &str, start_tag: &str, body: &[u8]) -> bool {
    match name {
        "style" => true,
        "script" => {
            !start_tag.to_ascii_lowercase().contains("json") && find(body, 0, b"<!--").is_none()
        }
        _ => false,
    }
}

/// The most attributes on any tag that html5ever's tokenizer could read in
/// `b`, wherever it starts (`<` or `</` then a letter); it stops early once
/// past `limit`. The tokenizer's duplicate-name check is quadratic in a tag's
/// attributes, so a tag past [`MAX_ATTRIBUTES`] must never reach it.
///
/// Where a tag starts depends on context (script and style text, comments,
/// foreign content) that a scan can misjudge, so every possible start counts;
/// where it ends and where its attributes start do not: they follow the
/// standard's tag states. Scans from different starts that reach the same
/// state at the same byte go on as one (keeping the larger count), so at most
/// one scan per state is alive: one linear pass, and text outside tags is
/// skipped with `memchr`.
fn most_attributes(b: &[u8], limit: usize) -> usize {
    // The standard's states from a tag name to its `>` (`BVAL`: before an
    // attribute value; `DQ`, `SQ`, `UNQ`: in a value; `AFTERQ`: after a
    // quoted one; `SELFC`: after `/`).
    const NAME: usize = 0;
    const BEFORE: usize = 1;
    const ATTR: usize = 2;
    const AFTER: usize = 3;
    const BVAL: usize = 4;
    const DQ: usize = 5;
    const SQ: usize = 6;
    const UNQ: usize = 7;
    const AFTERQ: usize = 8;
    const SELFC: usize = 9;
    const END: usize = usize::MAX;
    // (next state, whether an attribute starts) for a state and a byte.
    let step = |state: usize, c: u8| -> (usize, bool) {
        let ws = matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
        // `BEFORE`, the state `AFTERQ` and `SELFC` fall back to.
        let before = match c {
            b'>' => (END, false),
            b'/' => (SELFC, false),
            _ if ws => (BEFORE, false),
            _ => (ATTR, true),
        };
        match (state, c) {
            (DQ, b'"') | (SQ, b'\'') => (AFTERQ, false),
            (DQ | SQ, _) => (state, false),
            (_, b'>') => (END, false),
            (NAME, _) if ws => (BEFORE, false),
            (NAME | ATTR | AFTER, b'/') => (SELFC, false),
            (NAME, _) => (NAME, false),
            (ATTR, _) if ws => (AFTER, false),
            (ATTR | AFTER, b'=') => (BVAL, false),
            (ATTR, _) => (ATTR, false),
            (AFTER, _) if ws => (AFTER, false),
            (AFTER, _) => (ATTR, true),
            (BVAL, b'"') => (DQ, false),
            (BVAL, b'\'') => (SQ, false),
            (BVAL, _) if ws => (BVAL, false),
            (BVAL, _) => (UNQ, false),
            (UNQ, _) if ws => (BEFORE, false),
            (UNQ, _) => (UNQ, false),
            _ => before, // BEFORE, AFTERQ, SELFC
        }
    };
    // Bytes that change no state of a scan in `NAME`, `ATTR`, `UNQ`, `DQ` or
    // `SQ`, and start none: runs of them are skipped.
    const PLAIN: [bool; 256] = {
        let mut t = [true; 256];
        let special = *b"\t\n\x0c\r /=>\"'<";
        let mut k = 0;
        while k < special.len() {
            t[special[k] as usize] = false;
            k += 1;
        }
        t
    };
    const STAYS: u16 = 1 << NAME | 1 << ATTR | 1 << UNQ | 1 << DQ | 1 << SQ;
    // The states with a scan (bits), and the largest count among the scans in each.
    let (mut alive, mut counts) = (0u16, [0u32; 10]);
    let limit = u32::try_from(limit).unwrap_or(u32::MAX);
    let mut most = 0;
    let mut i = 0;
    while i < b.len() {
        if alive == 0 {
            match memchr_lt(&b[i..]) {
                // at `</`, on to the `/` (an end tag's name follows it)
                Some(off) => i += off + usize::from(b.get(i + off + 1) == Some(&b'/')),
                None => break,
            }
        } else if alive & !STAYS == 0 {
            while i < b.len() && PLAIN[usize::from(b[i])] {
                i += 1;
            }
            if i == b.len() {
                break;
            }
        }
        let c = b[i];
        if alive != 0 {
            let (mut next, mut next_counts) = (0u16, [0u32; 10]);
            for (state, &count) in counts.iter().enumerate() {
                if alive & 1 << state == 0 {
                    continue;
                }
                match step(state, c) {
                    (END, _) => most = most.max(count),
                    (to, starts) => {
                        let count = count + u32::from(starts);
                        if count > limit {
                            return count as usize;
                        }
                        if next & 1 << to == 0 || next_counts[to] < count {
                            next_counts[to] = count;
                        }
                        next |= 1 << to;
                    }
                }
            }
            (alive, counts) = (next, next_counts);
        }
        let opens = c == b'<' || (c == b'/' && i > 0 && b[i - 1] == b'<');
        if opens && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            counts[NAME] = if alive & 1 << NAME == 0 { 0 } else { counts[NAME] };
            alive |= 1 << NAME;
        }
        i += 1;
    }
    let left = (0..10).filter(|s| alive & 1 << s != 0).map(|s| counts[s]);
    left.fold(most, u32::max) as usize
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', b)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(b, from, needle, |w, n| w == n)
}

fn find_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(b, from, needle, <[u8]>::eq_ignore_ascii_case)
}

/// The first index at or after `from` where `needle` starts, as judged by `eq`:
/// jumps from one occurrence of the needle's first byte to the next.
fn find_by(b: &[u8], from: usize, needle: &[u8], eq: fn(&[u8], &[u8]) -> bool) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while i + needle.len() <= b.len() {
        let at = i + memchr::memchr(first, &b[i..])?;
        if b.get(at..at + needle.len()).is_some_and(|w| eq(w, needle)) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The index just past the `>` ending a tag whose name ends at `from`, quotes respected.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    // Jumps from one quote or `>` to the next, and over quoted values whole.
    while let Some(off) = memchr::memchr3(b'>', b'"', b'\'', &b[i..]) {
        let at = i + off;
        let c = b[at];
        if c == b'>' {
            return at + 1;
        }
        i = at + 1;
        // only a quote right after `=` (possibly spaced) opens a value
        let before = b[from..at].iter().rev().find(|x| !x.is_ascii_whitespace());
        if before == Some(&b'=') {
            match memchr::memchr(c, &b[i..]) {
                Some(close) => i += close + 1,
                None => return b.len(),
            }
        }
    }
    b.len()
}

/// Parses a whole HTML document; never fails (HTML parsing recovers from
/// anything). No limits: for markup bounded otherwise (a short `<noscript>`,
/// tests); a page goes through [`parse_page`].
///
/// Scripting is on, as in the reader's browser: `<noscript>` holds raw text
/// (an unclosed tag inside it cannot swallow the page); the prune stage parses
/// that text on its own to recover fallback images.
pub fn parse_html(html: &str) -> Handle {
    // The same sink type as `parse_page`, its limits off: html5ever's tree
    // builder is generic over its sink, and a second sink type put a second
    // copy of it in the wasm module (20 KB gzip).
    let sink = LimitedSink { limited: false, ..LimitedSink::new(usize::MAX) };
    parse_document(sink, ParseOpts::default()).one(html).dom.document
}

/// Parses a whole page within the limits of [`crate::rules::limits`]: the
/// pre-parse scan ([`prescan`]), then html5ever building into a
/// [`LimitedSink`], fed [`PARSE_CHUNK_BYTES`] at a time so that a page past a
/// limit stops within one chunk of it. The error says which limit.
pub fn parse_page(html: &str) -> Result<Handle, String> {
    let html = prescan(html)?;
    let budget = html
        .len()
        .saturating_mul(ATTRIBUTE_BYTES_PER_INPUT_BYTE)
        .saturating_add(ATTRIBUTE_BYTES_ALLOWANCE);
    let mut parser = parse_document(LimitedSink::new(budget), ParseOpts::default());
    let mut rest: &str = &html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PARSE_CHUNK_BYTES);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, after) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        if let Some(why) = parser.tokenizer.sink.sink.over.take() {
            return Err(why);
        }
        rest = after;
    }
    let sink = parser.finish();
    match sink.over.take() {
        Some(why) => Err(why),
        None => Ok(sink.dom.document),
    }
}

/// `RcDom` with the limits on what the parser builds, counted as it builds:
/// elements created (implied and reconstructed ones too), the depth each is
/// appended at, attributes per element, and attribute bytes in all. Past one,
/// `over` says which, and the sink stops building (elements come bare and
/// nothing is attached) until the feeding loop stops the parser.
struct LimitedSink {
    dom: RcDom,
    elements: Cell<usize>,
    attribute_bytes: Cell<usize>,
    attribute_budget: usize,
    /// Off for [`parse_html`]: the sink then only builds.
    limited: bool,
    over: Cell<Option<String>>,
    /// The last parent an element was appended to, and its depth: siblings
    /// are appended one after the other, so most checks need no walk. Cleared
    /// whenever nodes move (which may change the depth of anything below).
    last_parent: RefCell<Option<(Handle, usize)>>,
}

impl LimitedSink {
    fn new(attribute_budget: usize) -> Self {
        LimitedSink {
            dom: RcDom::default(),
            elements: Cell::new(0),
            attribute_bytes: Cell::new(0),
            attribute_budget,
            limited: true,
            over: Cell::new(None),
            last_parent: RefCell::new(None),
        }
    }

    fn is_over(&self) -> bool {
        let why = self.over.take();
        let over = why.is_some();
        self.over.set(why);
        over
    }

    fn exceed(&self, why: String) {
        if !self.is_over() {
            self.over.set(Some(why));
        }
    }

    /// Checks the depth `child` would be at under `parent` (the walk up stops
    /// past the limit, so it costs at most that many steps).
    fn check_depth(&self, parent: &Handle, child: &NodeOrText<Handle>) {
        if !self.limited {
            return;
        }
        if !matches!(child, NodeOrText::AppendNode(n) if dom::is_element(n)) {
            return;
        }
        let cached = match &*self.last_parent.borrow() {
            Some((p, depth)) if Rc::ptr_eq(p, parent) => Some(*depth),
            _ => None,
        };
        let parent_depth = cached.unwrap_or_else(|| {
            // the walk up stops past the limit: at most that many steps
            let mut depth = 0;
            let mut cur = Some(parent.clone());
            while let Some(node) = cur {
                depth += 1;
                if depth > MAX_TREE_DEPTH {
                    break;
                }
                cur = dom::parent(&node);
            }
            depth
        });
        *self.last_parent.borrow_mut() = Some((parent.clone(), parent_depth));
        if parent_depth + 1 > MAX_TREE_DEPTH {
            self.exceed(format!("elements are nested more than {MAX_TREE_DEPTH} deep"));
        }
    }

    /// Counts an element about to be created and its attributes against the
    /// limits.
    fn count_element(&self, attrs: &[Attribute]) {
        let elements = self.elements.get() + 1;
        self.elements.set(elements);
        let bytes: usize = attrs.iter().map(|a| a.name.local.len() + a.value.len()).sum();
        let total = self.attribute_bytes.get().saturating_add(bytes);
        self.attribute_bytes.set(total);
        if elements > MAX_ELEMENTS {
            self.exceed(format!("the page has more than {MAX_ELEMENTS} elements"));
        } else if attrs.len() > MAX_ATTRIBUTES {
            self.exceed(format!("an element has more than {MAX_ATTRIBUTES} attributes"));
        } else if total > self.attribute_budget {
            self.exceed(format!(
                "its attributes add up to more than {} bytes",
                self.attribute_budget
            ));
        }
    }

    /// Forgets the cached depth: nodes are moving.
    fn moving(&self) {
        self.last_parent.borrow_mut().take();
    }
}

impl TreeSink for LimitedSink {
    type Handle = Handle;
    type Output = Self;
    type ElemName<'a> = <RcDom as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self {
        self
    }

    // Parse errors are not read; an adversarial page makes millions.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.dom.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> Self::ElemName<'a> {
        self.dom.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        if self.limited {
            self.count_element(&attrs);
        }
        let attrs = if self.is_over() { Vec::new() } else { attrs };
        self.dom.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        self.dom.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.dom.create_pi(target, data)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.check_depth(parent, &child);
        if !self.is_over() {
            self.dom.append(parent, child);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let parent = dom::parent(element).unwrap_or_else(|| prev.clone());
        self.check_depth(&parent, &child);
        if !self.is_over() {
            self.dom.append_based_on_parent_node(element, prev, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        if !self.is_over() {
            self.dom.append_doctype_to_document(name, public_id, system_id);
        }
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.dom.get_template_contents(target)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.dom.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.dom.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        if let Some(parent) = dom::parent(sibling) {
            self.check_depth(&parent, &child);
        }
        if !self.is_over() {
            self.dom.append_before_sibling(sibling, child);
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let bytes: usize = attrs.iter().map(|a| a.name.local.len() + a.value.len()).sum();
        let total = self.attribute_bytes.get().saturating_add(bytes);
        self.attribute_bytes.set(total);
        if total > self.attribute_budget {
            self.exceed(format!(
                "its attributes add up to more than {} bytes",
                self.attribute_budget
            ));
        }
        if !self.is_over() {
            self.dom.add_attrs_if_missing(target, attrs);
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.moving();
        if !self.is_over() {
            self.dom.remove_from_parent(target);
        }
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.moving();
        if !self.is_over() {
            self.dom.reparent_children(node, new_parent);
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.dom.is_mathml_annotation_xml_integration_point(handle)
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &Handle) {
        if !self.is_over() {
            self.dom.maybe_clone_an_option_into_selectedcontent(option);
        }
    }
}

/// The URL that relative links resolve against: the first `<base href>`, resolved
/// against the page URL, else the page URL itself. `None` when neither is an
/// absolute URL.
pub fn base_url(doc: &Handle, page_url: Option<&str>) -> Option<Url> {
    let usable = |u: &Url| matches!(u.scheme(), "http" | "https" | "file");
    let page = page_url.and_then(|u| Url::parse(u.trim()).ok()).filter(usable);
    let base_href = dom::find(doc, "base").and_then(|b| dom::attr(&b, "href"));
    let from_base = base_href.and_then(|href| match &page {
        Some(page) => page.join(href.trim()).ok(),
        None => Url::parse(href.trim()).ok(),
    });
    from_base.filter(usable).or(page)
}

/// The body's content of `html` in a detached `div`, as the pipeline hands an
/// article to the last stages: for the tests of those stages.
#[cfg(test)]
pub(crate) fn body_content(html: &str) -> Handle {
    let doc = parse_html(html);
    let body = dom::find(&doc, "body").expect("a body");
    let root = dom::new_element("div", &[]);
    dom::move_children(&body, &root);
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_flattened_and_ordinary_pages_are_untouched() {
        let page = "<html><body><div class='a>b'><p>x<br><img src=y></div><!-- <div> --><script type=application/ld+json>{\"a\": \"<div>\"}</script></body></html>";
        assert!(matches!(prescan(page).unwrap(), Cow::Borrowed(_)));
        let deep = "<div>".repeat(MAX_DEPTH + 100) + "text" + &"</div>".repeat(MAX_DEPTH + 100);
        let limited = prescan(&deep).unwrap();
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
        assert!(limited.contains("text"));
        let many = "<b>x</b>".repeat(MAX_ELEMENTS + 1);
        assert!(prescan(&many).unwrap_err().contains("elements"));
    }

    #[test]
    fn a_style_past_the_depth_limit_keeps_its_end_tag() {
        // Unclosed blocks push the page past the depth limit; the style sheets
        // inside it must still end where they end.
        let deep = "<div>".repeat(MAX_DEPTH + 5);
        let page = format!("<body>{deep}<p><style>.a{{color:red}}</style>Shown text</p><style>.b{{}}</style><p>More shown text</p></body>");
        let limited = prescan(&page).unwrap();
        assert_eq!(limited.matches("</style>").count(), 2, "{limited}");
        let doc = parse_html(&limited);
        let text = dom::visible_text(&dom::find(&doc, "body").unwrap());
        assert!(text.contains("Shown text") && text.contains("More shown text"), "{text}");
    }

    #[test]
    fn scripts_and_styles_are_emptied_but_json_and_commented_scripts_stay() {
        let page = "<head><style>p { color: red }</style><script type=application/ld+json>{\"headline\": \"H\"}</script></head><body><p>Text</p><script>var a = '<p>not text</p>';</script><script><!-- document.write('<script>x<\\/script>') --></script><SCRIPT>b()</SCRIPT></body>";
        let limited = prescan(page).unwrap();
        assert!(
            !limited.contains("color") && !limited.contains("not text") && !limited.contains("b()"),
            "{limited}"
        );
        assert!(
            limited.contains("{\"headline\": \"H\"}") && limited.contains("document.write"),
            "{limited}"
        );
        assert!(
            limited.contains("<p>Text</p>") && limited.matches("</script>").count() == 3,
            "{limited}"
        );
    }

    #[test]
    fn attributes_are_counted_as_the_tokenizer_reads_them() {
        let most = |html: &str| most_attributes(html.as_bytes(), usize::MAX);
        assert_eq!(most("<p>text</p>"), 0);
        assert_eq!(most("<img src=a.png alt='x > y' width=1 hidden>"), 4);
        assert_eq!(most("<a href=\"x\"title=y/ b>"), 3);
        assert_eq!(most("<div a = \"1\" b c=>d>"), 3, "`=` then `>`: the tag ends");
        assert_eq!(most("</p a b c>"), 3, "end tags carry attributes too");
        assert_eq!(most("a < b c d > e"), 0, "no letter after `<`: no tag");
        // Every possible start counts: inside a comment or a script too.
        assert_eq!(most("<!-- <x a b> --><y c>"), 2);
        assert_eq!(most("<script>if (a<b && c) d()</script>"), 4);
    }

    #[test]
    fn the_tree_is_limited_as_it_is_built() {
        assert!(parse_page("<p>fine</p>").is_ok());
        // The scan drops tags past its depth, so honest nesting is kept short...
        let deep = "<div>".repeat(MAX_TREE_DEPTH * 2) + "text";
        assert!(parse_page(&deep).is_ok());
        // ...but markup that hides its depth from the scan meets the tree's limit.
        let stray = "<div></x>".repeat(MAX_TREE_DEPTH + 10);
        assert!(parse_page(&stray).unwrap_err().contains("nested"));
        let svg = "<svg><title>".repeat(MAX_TREE_DEPTH);
        assert!(parse_page(&svg).unwrap_err().contains("nested"));
        // Implied elements count: each `<td>` here brings a `tr` and a `tbody`.
        let implied = "<table><td>x</table>".repeat(MAX_ELEMENTS / 3);
        assert!(prescan(&implied).is_ok());
        assert!(parse_page(&implied).unwrap_err().contains("elements"));
        let flood = format!("<p {}>", "a ".repeat(MAX_ATTRIBUTES + 1));
        assert!(parse_page(&flood).unwrap_err().contains("attributes"));
        // Chunked feeding builds the same tree as one piece.
        let page = "<p>caf\u{e9} \r\n<b>bold".repeat(PARSE_CHUNK_BYTES / 7);
        let whole = crate::sanitize::serialize(&parse_html(&page));
        assert_eq!(crate::sanitize::serialize(&parse_page(&page).unwrap()), whole);
    }

    #[test]
    fn base_element_wins_over_page_url() {
        let doc = parse_html("<head><base href='/sub/'></head><p>x");
        let base = base_url(&doc, Some("https://example.com/a/b.html")).unwrap();
        assert_eq!(base.as_str(), "https://example.com/sub/");
        let doc = parse_html("<p>x");
        assert_eq!(base_url(&doc, Some("https://e.org/x")).unwrap().as_str(), "https://e.org/x");
        assert!(base_url(&doc, Some("javascript:alert(1)")).is_none());
        let doc = parse_html("<head><base href='javascript:alert(1)//'></head><p>x");
        assert_eq!(base_url(&doc, Some("https://e.org/x")).unwrap().as_str(), "https://e.org/x");
    }
}
