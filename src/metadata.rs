//! Stage 2, metadata: takes the parsed document (before any pruning) and gives
//! the page's title, byline, site name, dates, language, direction, excerpt and lead image.
//!
//! Title, byline, excerpt, site name and publication time follow Readability.js
//! (`_getJSONLD`, `_getArticleMetadata`, `_getArticleTitle`) decision for decision,
//! so that a page gives the same strings as Firefox's reader view (one
//! exception: the JSON-LD `name`/`headline` choice compares Unicode words, see
//! [`text_similarity`]). Sources that
//! Readability ignores (JSON-LD it cannot read, `itemprop` metas, `<time>`,
//! `application-name`, `og:locale`…) are only used when Readability's own chain
//! finds nothing, and never where Readability would fall back to the page body.
//!
//! Everything is bounded: one explicit-stack walk of the tree collects the meta
//! tags, JSON-LD scripts, the `<title>` and the headings; JSON-LD is parsed with
//! `serde_json` and searched with depth- and size-capped functions.

use std::collections::HashMap;

use crate::weburl::Url;
use markup5ever_rcdom::{Handle, NodeData};
use serde_json::Value;

use crate::dom;
use crate::readability::text_similarity;
use crate::rules::metadata::{
    ARTICLE_AUTHOR_META, ARTICLE_TYPES, BYLINE_METAS, EXCERPT_METAS, HIERARCHICAL_SEPARATORS,
    LEAD_IMAGE_METAS, LOCALE_EXTRA, NAME_NAMES, NAME_PREFIXES, PROPERTY_NAMES, PROPERTY_PREFIXES,
    PUBLISHED_EXTRA, PUBLISHED_METAS, SHORT_TITLE_WORDS, SITE_NAME_METAS, TITLE_MAX_LEN,
    TITLE_METAS, TITLE_MIN_LEN, TITLE_MIN_WORDS, TITLE_PREFIX_MAX_WORDS, TITLE_SEPARATORS,
};
use crate::rules::readability::TITLE_SIMILARITY;

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image: Option<String>,
}

use crate::rules::limits::{
    MAX_HEADINGS, MAX_IMAGES_READ, MAX_IMAGE_DEPTH, MAX_JSON_DEPTH, MAX_JSON_LD_BYTES,
    MAX_JSON_LD_SCRIPTS, MAX_JSON_NODES, MAX_METAS,
};

/// Reads the metadata of `doc`; URLs are made absolute against `base`.
pub fn extract(doc: &Handle, base: Option<&Url>) -> Metadata {
    let page = scan(doc);
    let doc_title = page.doc_title();
    let article_title = || article_title(&doc_title, &page);

    // JSON-LD exactly as Readability reads it, then everything it ignores.
    let strict =
        page.json_ld.iter().find_map(|s| strict_json_ld(s, &article_title)).unwrap_or_default();
    let lenient = lenient_json_ld(&page.json_ld);
    let values = readability_values(&page.metas);
    let extra = extra_values(&page.metas);
    let v = |k: &str| values.get(k).map(String::as_str);
    let x = |k: &str| extra.get(k).map(String::as_str);

    // Title: JSON-LD, then the metas in Readability's order, then <title> cleaned.
    let title = first(strict.title.as_deref(), TITLE_METAS.iter().map(|k| v(k)))
        .map(str::to_string)
        .unwrap_or_else(article_title);
    // Where Readability finds no title at all, the page's first headline is one.
    let title = clean_text(&title)
        .or_else(|| lenient.title.as_deref().and_then(clean_text))
        .or_else(|| page.first_h1.as_ref().and_then(|h1| clean_text(&dom::inner_text(h1))));

    let article_author = v(ARTICLE_AUTHOR_META).filter(|a| Url::parse(a).is_err());
    let metas = BYLINE_METAS.iter().map(|k| v(k)).chain([article_author]);
    let byline = first(strict.byline.as_deref(), metas)
        .and_then(clean_text)
        .or_else(|| crate::readability::page_byline(doc).as_deref().and_then(clean_text));

    let excerpt =
        first(strict.excerpt.as_deref(), EXCERPT_METAS.iter().map(|k| v(k))).and_then(clean_text);

    let site_name = first(strict.site_name.as_deref(), SITE_NAME_METAS.iter().map(|k| v(k)))
        .and_then(clean_text)
        .or_else(|| lenient.site_name.as_deref().and_then(clean_text));

    let published_time =
        first(strict.date_published.as_deref(), PUBLISHED_METAS.iter().map(|k| v(k)))
            .and_then(clean_text)
            .or_else(|| lenient.date_published.as_deref().and_then(clean_text))
            .or_else(|| x(PUBLISHED_EXTRA).and_then(clean_text))
            .or_else(|| page.time_published.as_deref().and_then(clean_text));

    let lang = page
        .html_lang
        .as_deref()
        .and_then(clean_attr)
        .or_else(|| page.content_language.as_deref().and_then(first_language))
        .or_else(|| x(LOCALE_EXTRA).and_then(clean_attr).map(|l| l.replace('_', "-")))
        .or_else(|| lenient.lang.as_deref().and_then(clean_attr));

    let dir = [page.html_dir.as_deref(), page.body_dir.as_deref()]
        .into_iter()
        .flatten()
        .find_map(crate::readability::dir_value);

    let lead_image = LEAD_IMAGE_METAS
        .iter()
        .map(|k| x(k))
        .chain([lenient.image.as_deref()])
        .flatten()
        .find_map(|u| absolute_image_url(u, base));

    Metadata { title, byline, site_name, published_time, lang, dir, excerpt, lead_image }
}

// ---------------------------------------------------------------------------
// One walk over the document.

#[derive(Default)]
struct MetaTag {
    name: Option<String>,
    property: Option<String>,
    itemprop: Option<String>,
    content: Option<String>,
}

#[derive(Default)]
struct Page {
    title_text: Option<String>,
    metas: Vec<MetaTag>,
    json_ld: Vec<String>,
    headings: Vec<Handle>,
    h1_count: usize,
    first_h1: Option<Handle>,
    html_lang: Option<String>,
    html_dir: Option<String>,
    body_dir: Option<String>,
    content_language: Option<String>,
    time_published: Option<String>,
}

impl Page {
    /// `document.title`: the first `<title>`'s text, ASCII whitespace stripped and
    /// collapsed (then `trim()`med as Readability does).
    fn doc_title(&self) -> String {
        let raw = self.title_text.as_deref().unwrap_or("");
        let collapsed: Vec<&str> =
            raw.split(['\t', '\n', '\x0c', '\r', ' ']).filter(|w| !w.is_empty()).collect();
        js_trim(&collapsed.join(" ")).to_string()
    }
}

fn has_attr(node: &Handle, name: &str) -> bool {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs.borrow().iter().any(|a| &*a.name.local == name),
        _ => false,
    }
}

/// Concatenated text of the node's text children (the "child text content").
fn child_text(node: &Handle) -> String {
    let mut out = String::new();
    for c in node.children.borrow().iter() {
        if let NodeData::Text { contents } = &c.data {
            out.push_str(&contents.borrow());
        }
    }
    out
}

fn scan(doc: &Handle) -> Page {
    let mut page = Page::default();
    let mut stack: Vec<Handle> = doc.children.borrow().iter().rev().cloned().collect();
    while let Some(node) = stack.pop() {
        let NodeData::Element { name, .. } = &node.data else {
            continue;
        };
        let html = name.ns == html5ever::ns!(html);
        let tag = &*name.local;
        let mut descend = true;
        if html {
            match tag {
                "html" if page.html_lang.is_none() && page.html_dir.is_none() => {
                    page.html_lang = dom::attr(&node, "lang");
                    page.html_dir = dom::attr(&node, "dir");
                }
                "body" if page.body_dir.is_none() => page.body_dir = dom::attr(&node, "dir"),
                "title" => {
                    if page.title_text.is_none() {
                        page.title_text = Some(child_text(&node));
                    }
                    descend = false;
                }
                "meta" if page.metas.len() < MAX_METAS => {
                    let content = dom::attr(&node, "content");
                    if page.content_language.is_none() {
                        let equiv =
                            dom::attr(&node, "http-equiv").or_else(|| dom::attr(&node, "name"));
                        if equiv.is_some_and(|e| e.trim().eq_ignore_ascii_case("content-language"))
                        {
                            page.content_language = content.clone();
                        }
                    }
                    page.metas.push(MetaTag {
                        name: dom::attr(&node, "name"),
                        property: dom::attr(&node, "property"),
                        itemprop: dom::attr(&node, "itemprop"),
                        content,
                    });
                }
                "script" => {
                    let ty = dom::attr(&node, "type").unwrap_or_default();
                    if ty.trim().eq_ignore_ascii_case("application/ld+json")
                        && page.json_ld.len() < MAX_JSON_LD_SCRIPTS
                    {
                        let text = child_text(&node);
                        if text.len() <= MAX_JSON_LD_BYTES {
                            page.json_ld.push(text);
                        }
                    }
                    descend = false;
                }
                "style" => descend = false,
                "h1" | "h2" => {
                    if tag == "h1" {
                        page.h1_count += 1;
                        if page.first_h1.is_none() {
                            page.first_h1 = Some(node.clone());
                        }
                    }
                    if page.headings.len() < MAX_HEADINGS {
                        page.headings.push(node.clone());
                    }
                }
                "time" if page.time_published.is_none() => {
                    let itemprop = dom::attr(&node, "itemprop").unwrap_or_default();
                    let published = has_attr(&node, "pubdate")
                        || itemprop
                            .split_whitespace()
                            .any(|p| p.eq_ignore_ascii_case("datePublished"));
                    if published {
                        page.time_published = dom::attr(&node, "datetime");
                    }
                }
                _ => {}
            }
        }
        if descend {
            stack.extend(node.children.borrow().iter().rev().cloned());
        }
    }
    page
}

// ---------------------------------------------------------------------------
// JavaScript string semantics that the title rules depend on.

/// JavaScript's `\s` (and the set `String.prototype.trim` removes).
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// `str.split(/\s+/).length`: one more than the number of whitespace runs.
fn word_count(s: &str) -> usize {
    let mut count = 1;
    let mut in_space = false;
    for c in s.chars() {
        let space = is_js_space(c);
        if space && !in_space {
            count += 1;
        }
        in_space = space;
    }
    count
}

/// `str.replace(/\s{2,}/g, " ")`.
fn collapse_runs(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if is_js_space(chars[i]) {
            let start = i;
            while i < chars.len() && is_js_space(chars[i]) {
                i += 1;
            }
            if i - start >= 2 {
                out.push(' ');
            } else {
                out.push(chars[start]);
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Length in UTF-16 code units, as JavaScript's `length`.
fn js_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Start indices (in chars) of the non-overlapping matches of `/\s[seps]\s/g`.
fn separator_matches(chars: &[char], seps: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < chars.len() {
        if is_js_space(chars[i]) && seps.contains(&chars[i + 1]) && is_js_space(chars[i + 2]) {
            out.push(i);
            i += 3;
        } else {
            i += 1;
        }
    }
    out
}

/// Readability's `_getArticleTitle`: the document title without the site name.
fn article_title(orig: &str, page: &Page) -> String {
    let chars: Vec<char> = orig.chars().collect();
    let mut cur = orig.to_string();
    let seps = separator_matches(&chars, TITLE_SEPARATORS);
    let mut hierarchical = false;
    if let Some(&last) = seps.last() {
        hierarchical = !separator_matches(&chars, HIERARCHICAL_SEPARATORS).is_empty();
        cur = chars[..last].iter().collect();
        if word_count(&cur) < TITLE_MIN_WORDS {
            // Too short: drop the first part instead (`/^[^seps]*[seps]/`).
            if let Some(p) = chars.iter().position(|c| TITLE_SEPARATORS.contains(c)) {
                cur = chars[p + 1..].iter().collect();
            }
        }
    } else if orig.contains(": ") {
        // A heading that repeats the whole title means the colon belongs to it.
        let matched = page.headings.iter().any(|h| js_trim(&dom::visible_text(h)) == orig);
        if !matched {
            let last = orig.rfind(':').unwrap_or(0);
            let first = orig.find(':').unwrap_or(0);
            cur = orig[last + 1..].to_string();
            if word_count(&cur) < TITLE_MIN_WORDS {
                cur = orig[first + 1..].to_string();
            } else if word_count(&orig[..first]) > TITLE_PREFIX_MAX_WORDS {
                cur = orig.to_string();
            }
        }
    } else if js_len(&cur) > TITLE_MAX_LEN || js_len(&cur) < TITLE_MIN_LEN {
        if let (1, Some(h1)) = (page.h1_count, &page.first_h1) {
            cur = collapse_runs(js_trim(&dom::visible_text(h1)));
        }
    }
    cur = collapse_runs(js_trim(&cur));
    let count = word_count(&cur);
    if count <= SHORT_TITLE_WORDS
        && (!hierarchical || count + 1 != word_count(&remove_separators(&chars)))
    {
        cur = orig.to_string();
    }
    cur
}

/// `orig.replace(/\s[seps]\s/g, "")`.
fn remove_separators(chars: &[char]) -> String {
    let matches = separator_matches(chars, TITLE_SEPARATORS);
    let mut out = String::new();
    let mut i = 0;
    for m in matches {
        out.extend(&chars[i..m]);
        i = m + 3;
    }
    out.extend(&chars[i..]);
    out
}

/// Readability's `_unescapeHtmlEntities`: meta values are often escaped twice.
fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut named = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        named.push_str(&rest[..i]);
        rest = &rest[i..];
        let entity =
            [("&quot;", '"'), ("&amp;", '&'), ("&apos;", '\''), ("&lt;", '<'), ("&gt;", '>')]
                .into_iter()
                .find(|(e, _)| rest.starts_with(e));
        if let Some((e, c)) = entity {
            named.push(c);
            rest = &rest[e.len()..];
        } else {
            named.push('&');
            rest = &rest[1..];
        }
    }
    named.push_str(rest);

    let mut out = String::with_capacity(named.len());
    let mut rest = named.as_str();
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match numeric_reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses `&#x1F62D;` / `&#128557;` at the start of `s`: (character, bytes used).
fn numeric_reference(s: &str) -> Option<(char, usize)> {
    let body = &s[2..];
    let (hex, digits_start) = match body.as_bytes().first() {
        Some(b'x' | b'X') => (true, 3),
        _ => (false, 2),
    };
    let digits: &str = {
        let tail = &s[digits_start..];
        let n = tail
            .bytes()
            .take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() })
            .count();
        &tail[..n]
    };
    if digits.is_empty() || s.as_bytes().get(digits_start + digits.len()) != Some(&b';') {
        return None;
    }
    let radix = if hex { 16 } else { 10 };
    let num = digits
        .chars()
        .try_fold(0u32, |acc, d| acc.checked_mul(radix)?.checked_add(d.to_digit(radix)?));
    let c = num
        .filter(|&n| n != 0 && n <= 0x10ffff && !(0xd800..=0xdfff).contains(&n))
        .and_then(char::from_u32)
        .unwrap_or('\u{fffd}');
    Some((c, digits_start + digits.len() + 1))
}

/// Readability's last steps on a value: entities decoded; then whitespace
/// collapsed; empty is `None`.
fn clean_text(s: &str) -> Option<String> {
    let text = unescape_entities(s);
    let words: Vec<&str> = text.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn clean_attr(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// `Content-Language` may list several languages: the first one.
fn first_language(s: &str) -> Option<String> {
    s.split(',').next().and_then(clean_attr)
}

/// The first value that is present and not empty (JavaScript's `a || b || …`):
/// the JSON-LD's, then the metas' in order.
fn first<'a>(
    json_ld: Option<&'a str>,
    metas: impl IntoIterator<Item = Option<&'a str>>,
) -> Option<&'a str> {
    std::iter::once(json_ld).chain(metas).flatten().find(|s| !s.is_empty())
}

// ---------------------------------------------------------------------------
// Meta tags.

/// Readability's `values` map: keys from `property` (first match of its pattern
/// in the space-separated list) or, failing that, from `name`; last one wins.
fn readability_values(metas: &[MetaTag]) -> HashMap<String, String> {
    let mut values = HashMap::new();
    for meta in metas {
        let Some(content) = meta.content.as_deref().filter(|c| !c.is_empty()) else {
            continue;
        };
        let mut matched = false;
        if let Some(key) = meta.property.as_deref().filter(|p| !p.is_empty()).and_then(property_key)
        {
            values.insert(key, js_trim(content).to_string());
            matched = true;
        }
        if !matched {
            if let Some(name) = meta.name.as_deref().filter(|n| name_matches(n)) {
                let key: String = name
                    .to_lowercase()
                    .chars()
                    .filter(|c| !is_js_space(*c))
                    .map(|c| if c == '.' { ':' } else { c })
                    .collect();
                values.insert(key, js_trim(content).to_string());
            }
        }
    }
    values
}

/// First match of `/\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|
/// description|published_time|title|site_name)\s*/i`, lower-cased, without spaces.
fn property_key(property: &str) -> Option<String> {
    let lower = property.to_lowercase();
    // Lower-casing can change byte offsets for non-ASCII text, but every
    // match is ASCII, so scanning the lower-cased copy finds the same match.
    let bytes = lower.as_bytes();
    for start in 0..bytes.len() {
        if !lower.is_char_boundary(start) {
            continue;
        }
        let rest = lower[start..].trim_start_matches(is_js_space);
        for prefix in PROPERTY_PREFIXES {
            let Some(after) = rest.strip_prefix(prefix) else {
                continue;
            };
            let after = after.trim_start_matches(is_js_space);
            let Some(after) = after.strip_prefix(':') else {
                continue;
            };
            let after = after.trim_start_matches(is_js_space);
            if let Some(name) = PROPERTY_NAMES.iter().find(|n| after.starts_with(*n)) {
                return Some(format!("{prefix}:{name}"));
            }
        }
    }
    None
}

/// `/^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-\.:]\s*)?
/// (author|creator|pub-date|description|title|site_name)\s*$/i`.
fn name_matches(name: &str) -> bool {
    let lower = name.to_lowercase();
    let s = js_trim(&lower);
    if NAME_NAMES.contains(&s) {
        return true;
    }
    NAME_PREFIXES.iter().any(|p| {
        s.strip_prefix(p)
            .map(|r| r.trim_start_matches(is_js_space))
            .and_then(|r| r.strip_prefix(['-', '.', ':']))
            .map(|r| r.trim_start_matches(is_js_space))
            .is_some_and(|r| NAME_NAMES.contains(&r))
    })
}

/// Every meta keyed by each of its `property` tokens, its `name` and its
/// `itemprop` tokens, lower-cased; the first one wins.
fn extra_values(metas: &[MetaTag]) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for meta in metas {
        let Some(content) = meta.content.as_deref().map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        let tokens = meta
            .property
            .iter()
            .chain(meta.itemprop.iter())
            .flat_map(|p| p.split_whitespace().map(str::to_string))
            .chain(meta.name.iter().map(|n| n.trim().to_string()));
        for key in tokens {
            out.entry(key.to_lowercase()).or_insert_with(|| content.to_string());
        }
    }
    out
}

// ---------------------------------------------------------------------------
// JSON-LD.

#[derive(Default, Debug, PartialEq)]
struct JsonLd {
    title: Option<String>,
    byline: Option<String>,
    excerpt: Option<String>,
    site_name: Option<String>,
    date_published: Option<String>,
}

/// What the lenient JSON-LD reading adds. No byline (a string `author` is left
/// to the page byline, as Readability does) and no excerpt (Readability falls
/// back to the first paragraph).
#[derive(Default, Debug, PartialEq)]
struct LenientJsonLd {
    title: Option<String>,
    site_name: Option<String>,
    date_published: Option<String>,
    image: Option<String>,
    lang: Option<String>,
}

/// `/^\s*<!\[CDATA\[|\]\]>\s*$/g` removed, as Readability does.
fn strip_cdata(s: &str) -> &str {
    let mut s = s;
    let t = s.trim_start_matches(is_js_space);
    if let Some(rest) = t.strip_prefix("<![CDATA[") {
        s = rest;
    }
    let t = s.trim_end_matches(is_js_space);
    if let Some(rest) = t.strip_suffix("]]>") {
        s = rest;
    }
    s
}

/// Readability's `jsonLdArticleTypes` regular expression (note its anchors only
/// bind the first and last alternatives).
fn readability_article_type(t: &str) -> bool {
    t.starts_with("Article")
        || t.ends_with("APIReference")
        || ARTICLE_TYPES.iter().any(|a| t.contains(a))
}

fn is_schema_org(s: &str) -> bool {
    let s = s.strip_suffix('/').unwrap_or(s);
    s == "http://schema.org" || s == "https://schema.org"
}

/// JavaScript truthiness of a JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) | Some(Value::Bool(false)) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        _ => true,
    }
}

/// `x["@type"].match(types)` where a non-string throws (the script is then ignored).
fn type_matches(v: &Value) -> Result<bool, ()> {
    match v.get("@type") {
        t if !truthy(t) => Ok(false),
        Some(Value::String(s)) => Ok(readability_article_type(s)),
        _ => Err(()),
    }
}

/// Readability's `_getJSONLD` for one script: `None` when it yields nothing
/// (invalid JSON, not schema.org, not an article), so the next script is tried.
fn strict_json_ld(script: &str, article_title: &dyn Fn() -> String) -> Option<JsonLd> {
    let parsed: Value = serde_json::from_str(strip_cdata(script)).ok()?;
    let mut parsed = &parsed;
    if let Value::Array(items) = parsed {
        let mut found = None;
        for it in items {
            if it.is_null() {
                return None; // `null["@type"]` throws
            }
            if type_matches(it).ok()? {
                found = Some(it);
                break;
            }
        }
        parsed = found?;
    }
    let context_ok = match parsed.get("@context") {
        Some(Value::String(s)) => is_schema_org(s),
        Some(Value::Object(o)) => {
            o.get("@vocab").and_then(Value::as_str).is_some_and(is_schema_org)
        }
        _ => false,
    };
    if !context_ok {
        return None;
    }
    if !truthy(parsed.get("@type")) {
        if let Some(Value::Array(graph)) = parsed.get("@graph") {
            let mut found = None;
            for it in graph {
                if it.is_null() {
                    return None;
                }
                if type_matches(it).ok()? {
                    found = Some(it);
                    break;
                }
            }
            parsed = found?;
        }
    }
    if !type_matches(parsed).ok()? {
        return None;
    }

    let mut out = JsonLd::default();
    let name = parsed.get("name").and_then(Value::as_str);
    let headline = parsed.get("headline").and_then(Value::as_str);
    out.title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            // Some sites put their own name in `name`: take whichever one looks
            // like the document title, `name` by default.
            let title = article_title();
            let name_matches = text_similarity(n, &title) > TITLE_SIMILARITY;
            let headline_matches = text_similarity(h, &title) > TITLE_SIMILARITY;
            Some(if headline_matches && !name_matches { h } else { n }.to_string())
        }
        (Some(n), _) => Some(js_trim(n).to_string()),
        (None, Some(h)) => Some(js_trim(h).to_string()),
        (None, None) => None,
    };
    let author = parsed.get("author");
    if truthy(author) {
        let author = author.unwrap_or(&Value::Null);
        if let Some(n) = author.get("name").and_then(Value::as_str) {
            out.byline = Some(js_trim(n).to_string());
        } else if let Value::Array(list) = author {
            if list.first().and_then(|a| a.get("name")).is_some_and(Value::is_string) {
                let names: Vec<&str> = list
                    .iter()
                    .filter_map(|a| a.get("name").and_then(Value::as_str))
                    .map(js_trim)
                    .collect();
                out.byline = Some(names.join(", "));
            }
        }
    }
    out.excerpt = parsed.get("description").and_then(Value::as_str).map(|s| js_trim(s).to_string());
    let publisher = parsed.get("publisher");
    if truthy(publisher) {
        out.site_name = publisher
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .map(|s| js_trim(s).to_string());
    }
    out.date_published =
        parsed.get("datePublished").and_then(Value::as_str).map(|s| js_trim(s).to_string());
    Some(out)
}

/// The JSON-LD Readability cannot read: `@type` arrays, `@context` arrays,
/// HTML comments around the JSON, `@id` references. Used only for what
/// Readability's own chain leaves empty.
fn lenient_json_ld(scripts: &[String]) -> LenientJsonLd {
    let mut out = LenientJsonLd::default();
    for script in scripts {
        let Some(value) = parse_lenient(script) else {
            continue;
        };
        let mut nodes = Vec::new();
        let mut budget = MAX_JSON_NODES;
        collect_nodes(&value, 0, &mut budget, &mut nodes);
        let by_id: HashMap<&str, &Value> =
            nodes.iter().filter_map(|n| Some((n.get("@id")?.as_str()?, *n))).collect();
        let resolve = |v: &'_ Value| -> Value {
            match v.get("@id").and_then(Value::as_str).and_then(|id| by_id.get(id)) {
                Some(target) if v.as_object().is_some_and(|o| o.len() == 1) => (*target).clone(),
                _ => v.clone(),
            }
        };
        for node in nodes.iter().filter(|n| has_type(n, is_article_type)) {
            let text = |k: &str| node.get(k).and_then(Value::as_str).and_then(clean_text);
            fill(&mut out.title, text("headline").or_else(|| text("name")));
            fill(&mut out.date_published, text("datePublished"));
            fill(&mut out.lang, text("inLanguage"));
            if let Some(publisher) = node.get("publisher") {
                fill(&mut out.site_name, name_of(&resolve(publisher)));
            }
            for key in ["image", "thumbnailUrl"] {
                if let Some(image) = node.get(key) {
                    fill(&mut out.image, image_url(image, &resolve, 0));
                }
            }
        }
        for node in nodes.iter().filter(|n| has_type(n, |t| t == "WebSite")) {
            fill(&mut out.site_name, name_of(node));
        }
    }
    out
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// JSON with HTML comment markers or CDATA sections around it.
fn parse_lenient(script: &str) -> Option<Value> {
    let mut s = js_trim(strip_cdata(script));
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("/*<![CDATA[*/", "/*]]>*/")] {
        if let Some(rest) = s.strip_prefix(open) {
            s = js_trim(rest);
        }
        if let Some(rest) = s.strip_suffix(close) {
            s = js_trim(rest);
        }
    }
    serde_json::from_str(s).ok()
}

/// Objects reachable through arrays and `@graph` (depth- and count-capped).
fn collect_nodes<'a>(v: &'a Value, depth: usize, budget: &mut usize, out: &mut Vec<&'a Value>) {
    if depth > MAX_JSON_DEPTH || *budget == 0 {
        return;
    }
    *budget -= 1;
    match v {
        Value::Array(items) => {
            for it in items {
                collect_nodes(it, depth + 1, budget, out);
            }
        }
        Value::Object(o) => {
            out.push(v);
            if let Some(graph) = o.get("@graph") {
                collect_nodes(graph, depth + 1, budget, out);
            }
            if let Some(main) = o.get("mainEntity") {
                collect_nodes(main, depth + 1, budget, out);
            }
        }
        _ => {}
    }
}

fn has_type(v: &Value, test: impl Fn(&str) -> bool) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => test(s),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(test),
        _ => false,
    }
}

/// Article types: Readability's list plus any `…Article` and `…Posting`.
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit([':', '/']).next().unwrap_or(t);
    readability_article_type(t) || t.ends_with("Article") || t.ends_with("Posting")
}

fn name_of(v: &Value) -> Option<String> {
    match v.get("name") {
        Some(Value::String(s)) => clean_text(s),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).find_map(clean_text),
        _ => None,
    }
}

/// An image URL from a string, an `ImageObject` (or reference) or an array.
fn image_url(v: &Value, resolve: &dyn Fn(&Value) -> Value, depth: usize) -> Option<String> {
    if depth > MAX_IMAGE_DEPTH {
        return None;
    }
    match v {
        Value::String(s) => clean_attr(s),
        Value::Array(list) => {
            list.iter().take(MAX_IMAGES_READ).find_map(|i| image_url(i, resolve, depth + 1))
        }
        Value::Object(_) => {
            let obj = resolve(v);
            ["url", "contentUrl"]
                .iter()
                .find_map(|k| obj.get(*k).and_then(|u| image_url(u, resolve, depth + 1)))
        }
        _ => None,
    }
}

/// `url` made absolute against `base`; only http(s) and `data:image/` are kept.
fn absolute_image_url(url: &str, base: Option<&Url>) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    if url.len() > 11 && url[..11].eq_ignore_ascii_case("data:image/") {
        return Some(url.to_string());
    }
    let parsed = match base {
        Some(b) => b.join(url).ok()?,
        None => Url::parse(url).ok()?,
    };
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn meta(html: &str) -> Metadata {
        let base = Url::parse("http://fakehost/test/page.html").unwrap();
        extract(&parse_html(html), Some(&base))
    }

    fn title_of(title: &str, body: &str) -> Option<String> {
        meta(&format!("<html><head><title>{title}</title></head><body>{body}</body></html>")).title
    }

    #[test]
    fn title_loses_site_name_suffix_and_prefix() {
        assert_eq!(
            title_of("The quick brown fox jumps - Example Site", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        assert_eq!(
            title_of("The quick brown fox jumps | Site", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        assert_eq!(
            title_of("The quick brown fox jumps – My website", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        assert_eq!(
            title_of("The quick brown fox jumps — Site", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        // Only the last separator goes.
        assert_eq!(
            title_of("Alpha beta gamma - delta epsilon - Site", "").as_deref(),
            Some("Alpha beta gamma - delta epsilon")
        );
        // Too short before the separator: the first part goes instead.
        assert_eq!(
            title_of("Site | The quick brown fox jumps over", "").as_deref(),
            Some("The quick brown fox jumps over")
        );
        // A short result (≤ 4 words) without hierarchical separators keeps the original.
        assert_eq!(title_of("Short one here - Site", "").as_deref(), Some("Short one here - Site"));
        // Hierarchical separators: one word dropped is fine.
        assert_eq!(
            title_of("Home » News » Big fire downtown", "").as_deref(),
            Some("Home » News » Big fire downtown")
        );
    }

    #[test]
    fn title_with_colon() {
        // No heading repeats it: the part after the last colon, if long enough.
        assert_eq!(
            title_of("Site: The quick brown fox jumps", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        // A heading equal to the whole title keeps the colon.
        assert_eq!(
            title_of(
                "Site: The quick brown fox jumps",
                "<h1> Site: The quick brown fox jumps </h1>"
            )
            .as_deref(),
            Some("Site: The quick brown fox jumps")
        );
        // Too many words before the colon: keep the original.
        assert_eq!(
            title_of("This is a long title with a colon: Hello there my friend", "").as_deref(),
            Some("This is a long title with a colon: Hello there my friend")
        );
    }

    #[test]
    fn short_or_long_title_uses_the_single_h1() {
        assert_eq!(
            title_of("Home", "<h1>A much better  headline for the article</h1>").as_deref(),
            Some("A much better headline for the article")
        );
        // Two h1: nothing to choose, keep the title.
        assert_eq!(
            title_of("Home", "<h1>One two three four five</h1><h1>Six</h1>").as_deref(),
            Some("Home")
        );
        // No <title> at all and no meta: nothing.
        assert_eq!(meta("<p>text</p>").title, None);
        // ... unless the page has a headline: Readability gives "" (a short h1 falls
        // back to the empty title); a reader view wants the headline.
        assert_eq!(meta("<h1>Short one</h1><p>text</p>").title.as_deref(), Some("Short one"));
    }

    #[test]
    fn meta_title_priority_and_space_separated_properties() {
        let m = meta(
            r#"<head><title>Doc title - Site</title>
            <meta property="x:title dc:title" content="Preferred title">
            <meta property="og:title twitter:title" content="A title">
            <meta property="dc:creator twitter:site_name" content="Creator Name">
            <meta name="author" content="Someone else">
            <meta property="og:description x:description" content="A description">
            <meta property="dc:description og:description" content="Preferred description">
            <meta name="description" content="Plain description">
            <meta property="og:site_name" content="The Site"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Preferred title"));
        assert_eq!(m.byline.as_deref(), Some("Creator Name"));
        assert_eq!(m.excerpt.as_deref(), Some("Preferred description"));
        assert_eq!(m.site_name.as_deref(), Some("The Site"));
    }

    #[test]
    fn meta_names_dots_and_parsely() {
        let m = meta(
            r#"<meta name="DC.title" content="Dublin title"><meta name="parsely-author" content="Jane Doe">
            <meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z"><meta name="twitter:description" content=" Tw  desc ">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Dublin title"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(m.published_time.as_deref(), Some("2024-04-20T04:20:00.000Z"));
        assert_eq!(m.excerpt.as_deref(), Some("Tw desc"));
    }

    #[test]
    fn article_author_only_when_not_a_url() {
        let m =
            meta(r#"<meta property="article:author" content="https://www.facebook.com/someone">"#);
        assert_eq!(m.byline, None);
        let m = meta(r#"<meta property="article:author" content="Jean Dupont">"#);
        assert_eq!(m.byline.as_deref(), Some("Jean Dupont"));
    }

    #[test]
    fn entities_escaped_twice_are_decoded() {
        let m = meta(
            r#"<meta property="og:description" content="&amp;#xg; &amp;#x1F62D; &amp;#128557; &amp;#xFFFFFFFF; &amp;#x0; &amp;quot;q&amp;quot;">"#,
        );
        assert_eq!(m.excerpt.as_deref(), Some("&#xg; 😭 😭 \u{fffd} \u{fffd} \"q\""));
    }

    #[test]
    fn json_ld_graph_wins_over_metas() {
        let m = meta(
            r#"<head><title>Headline of the story - Site</title>
            <meta property="og:title" content="OG title"><meta property="og:site_name" content="OG site">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","headline":"Headline of the story","description":"Desc",
               "author":[{"@type":"Person","name":" Ann "},{"name":"Bob"}],"datePublished":"2020-01-02T03:04:05Z",
               "publisher":{"@type":"Organization","name":"Publisher"},"image":{"url":"/img/a.jpg"}}]}
            </script></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Headline of the story"));
        assert_eq!(m.byline.as_deref(), Some("Ann, Bob"));
        assert_eq!(m.excerpt.as_deref(), Some("Desc"));
        assert_eq!(m.site_name.as_deref(), Some("Publisher"));
        assert_eq!(m.published_time.as_deref(), Some("2020-01-02T03:04:05Z"));
        assert_eq!(m.lead_image.as_deref(), Some("http://fakehost/img/a.jpg"));
    }

    #[test]
    fn json_ld_name_versus_headline_follows_the_document_title() {
        let page = |title: &str| {
            meta(&format!(
                r#"<title>{title}</title><script type="application/ld+json">
                {{"@context":"http://schema.org/","@type":"Article","name":"Site Name Daily","headline":"Rocket lands on the moon safely"}}
                </script>"#
            ))
        };
        assert_eq!(
            page("Rocket lands on the moon safely | Site").title.as_deref(),
            Some("Rocket lands on the moon safely")
        );
        assert_eq!(
            page("Something unrelated entirely here").title.as_deref(),
            Some("Site Name Daily")
        );
    }

    #[test]
    fn json_ld_top_level_array_cdata_and_context_object() {
        let m = meta(
            r#"<script type="application/ld+json"><![CDATA[[{"@type":"BreadcrumbList"},
            {"@context":{"@vocab":"https://schema.org/"},"@type":"BlogPosting","headline":"Array post","author":{"name":"Zed"}}]]]></script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Array post"));
        assert_eq!(m.byline.as_deref(), Some("Zed"));
    }

    #[test]
    fn json_ld_readability_skips_is_a_fallback_only() {
        // `@type` array and `@context` array: Readability ignores the script, so
        // metas come first; the JSON-LD still fills what they leave empty.
        let m = meta(
            r##"<meta property="og:title" content="Meta title">
            <script type="application/ld+json"><!-- {"@context":["https://schema.org",{}],"@type":["NewsArticle","Thing"],
             "headline":"JSON title","author":"Plain Author","publisher":{"@id":"#org"},"datePublished":"2021-05-06",
             "image":["https://cdn.example/i.png"],"inLanguage":"de-DE"} --></script>
            <script type="application/ld+json">{"@id":"#org","@type":"Organization","name":"Org Name"}</script>
            <script type="application/ld+json">{not json</script>"##,
        );
        assert_eq!(m.title.as_deref(), Some("Meta title"));
        assert_eq!(m.byline, None, "string authors are left to the page byline");
        assert_eq!(m.published_time.as_deref(), Some("2021-05-06"));
        assert_eq!(m.lead_image.as_deref(), Some("https://cdn.example/i.png"));
        assert_eq!(m.lang.as_deref(), Some("de-DE"));
        let m = meta(
            r#"<script type="application/ld+json">[{"@type":["Article"],"headline":"Only JSON"}]</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Only JSON"));
    }

    #[test]
    fn json_ld_site_name_from_reference() {
        let m = meta(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"https://s/#o","name":"Ref Org"},
              {"@type":"Article","headline":"H","publisher":{"@id":"https://s/#o"}}]}</script>"#,
        );
        assert_eq!(m.site_name.as_deref(), Some("Ref Org"));
    }

    #[test]
    fn lang_dir_and_locale() {
        let m = meta(r#"<html lang=" fr-FR " dir="RTL"><body><p>x"#);
        assert_eq!(m.lang.as_deref(), Some("fr-FR"));
        assert_eq!(m.dir.as_deref(), Some("rtl"));
        let m = meta(
            r#"<html><head><meta property="og:locale" content="fr_FR"></head><body dir="ltr">x"#,
        );
        assert_eq!(m.lang.as_deref(), Some("fr-FR"));
        assert_eq!(m.dir.as_deref(), Some("ltr"));
        let m = meta(
            r#"<meta http-equiv="Content-Language" content="en-GB, fr"><meta property="og:locale" content="fr_FR">"#,
        );
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(meta(r#"<html dir="sideways">x"#).dir, None);
    }

    #[test]
    fn published_time_fallbacks() {
        let m = meta(
            r#"<meta itemprop="datePublished" content="2019-01-01"><time pubdate datetime="2018-01-01">x</time>"#,
        );
        assert_eq!(m.published_time.as_deref(), Some("2019-01-01"));
        let m = meta(
            r#"<p><time itemprop="datePublished" datetime="2018-02-03T10:00:00+01:00">3 Feb</time>"#,
        );
        assert_eq!(m.published_time.as_deref(), Some("2018-02-03T10:00:00+01:00"));
    }

    #[test]
    fn lead_image_is_absolute_and_safe() {
        let m = meta(
            r#"<meta property="og:image" content="javascript:alert(1)"><meta name="twitter:image" content="//cdn.example/t.jpg">"#,
        );
        assert_eq!(m.lead_image.as_deref(), Some("http://cdn.example/t.jpg"));
        let m = meta(r#"<meta property="og:image" content="data:image/png;base64,AAAA">"#);
        assert_eq!(m.lead_image.as_deref(), Some("data:image/png;base64,AAAA"));
        let doc = parse_html(r#"<meta property="og:image" content="/rel.png">"#);
        assert_eq!(extract(&doc, None).lead_image, None);
    }

    #[test]
    fn site_name_ignores_application_name() {
        // Readability does not read it, and it often names an app, not the site.
        let m = meta(r#"<meta name="application-name" content="App">"#);
        assert_eq!(m.site_name, None);
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"WebSite","name":"Web Site"}</script>"#,
        );
        assert_eq!(m.site_name.as_deref(), Some("Web Site"));
    }

    #[test]
    fn word_count_matches_javascript() {
        assert_eq!(word_count(""), 1);
        assert_eq!(word_count(" a b"), 3);
        assert_eq!(word_count("a\u{a0}b"), 2);
    }

    #[test]
    fn many_metas_and_deep_json_stay_bounded() {
        let mut html = String::from("<head>");
        for i in 0..10_000 {
            html.push_str(&format!("<meta name=\"x{i}\" content=\"v\">"));
        }
        html.push_str("<script type=\"application/ld+json\">");
        html.push_str(&"[".repeat(120));
        html.push_str(&"]".repeat(120));
        html.push_str("</script></head><body>");
        html.push_str(&"<div>".repeat(5_000));
        let m = meta(&html);
        assert_eq!(m.title, None);
    }
}
