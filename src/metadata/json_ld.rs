//! JSON-LD: Readability's strict reading (`_getJSONLD`), and a lenient one for
//! what it cannot read (`@type` arrays, comments around the JSON, `@id`
//! references), used only where the strict chain finds nothing.

use std::collections::HashMap;

use serde_json::Value;

use super::js::{is_js_space, js_trim};
use super::{clean_attr, clean_text};
use crate::readability::text_similarity;
use crate::rules::limits::{
    MAX_IMAGES_READ, MAX_IMAGE_DEPTH, MAX_JSON_DEPTH, MAX_JSON_NODES, MAX_SCHEMA_TYPES,
};
use crate::rules::metadata::ARTICLE_TYPES;
use crate::rules::readability::TITLE_SIMILARITY;

/// What Readability reads from JSON-LD.
#[derive(Default, Debug, PartialEq)]
pub(super) struct JsonLd {
    pub(super) title: Option<String>,
    pub(super) byline: Option<String>,
    pub(super) excerpt: Option<String>,
    pub(super) site_name: Option<String>,
    pub(super) date_published: Option<String>,
}

/// What the lenient JSON-LD reading adds. No byline (a string `author` is left
/// to the page byline, as Readability does) and no excerpt (Readability falls
/// back to the first paragraph).
#[derive(Default, Debug, PartialEq)]
pub(super) struct LenientJsonLd {
    pub(super) title: Option<String>,
    pub(super) site_name: Option<String>,
    pub(super) date_published: Option<String>,
    pub(super) image: Option<String>,
    pub(super) lang: Option<String>,
    /// The `@type`s of the page-level items (see [`super::Metadata::schema_types`]).
    pub(super) types: Vec<String>,
}

/// `/^\s*<!\[CDATA\[|\]\]>\s*$/g` removed, as Readability does.
pub(super) fn strip_cdata(s: &str) -> &str {
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
pub(super) fn readability_article_type(t: &str) -> bool {
    t.starts_with("Article")
        || t.ends_with("APIReference")
        || ARTICLE_TYPES.iter().any(|a| t.contains(a))
}

pub(super) fn is_schema_org(s: &str) -> bool {
    let s = s.strip_suffix('/').unwrap_or(s);
    s == "http://schema.org" || s == "https://schema.org"
}

/// JavaScript truthiness of a JSON value.
pub(super) fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) | Some(Value::Bool(false)) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        _ => true,
    }
}

/// `x["@type"].match(types)` where a non-string throws (the script is then ignored).
pub(super) fn type_matches(v: &Value) -> Result<bool, ()> {
    match v.get("@type") {
        t if !truthy(t) => Ok(false),
        Some(Value::String(s)) => Ok(readability_article_type(s)),
        _ => Err(()),
    }
}

/// Readability's `_getJSONLD` for one script: `None` when it yields nothing
/// (invalid JSON, not schema.org, not an article), so the next script is tried.
pub(super) fn strict_json_ld(script: &str, article_title: &dyn Fn() -> String) -> Option<JsonLd> {
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
/// Readability's own chain leaves empty, and for the page-level types.
pub(super) fn lenient_json_ld(scripts: &[String]) -> LenientJsonLd {
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
        for node in &nodes {
            let types: Vec<&str> = match node.get("@type") {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                _ => continue,
            };
            for t in types {
                let t = t.rsplit([':', '/']).next().unwrap_or(t).trim();
                if !t.is_empty() && out.types.len() < MAX_SCHEMA_TYPES {
                    out.types.push(t.to_string());
                }
            }
        }
    }
    out
}

pub(super) fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// JSON with HTML comment markers or CDATA sections around it.
pub(super) fn parse_lenient(script: &str) -> Option<Value> {
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
pub(super) fn collect_nodes<'a>(
    v: &'a Value,
    depth: usize,
    budget: &mut usize,
    out: &mut Vec<&'a Value>,
) {
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

pub(super) fn has_type(v: &Value, test: impl Fn(&str) -> bool) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => test(s),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(test),
        _ => false,
    }
}

/// Article types: Readability's list plus any `…Article` and `…Posting`.
pub(super) fn is_article_type(t: &str) -> bool {
    let t = t.rsplit([':', '/']).next().unwrap_or(t);
    readability_article_type(t) || t.ends_with("Article") || t.ends_with("Posting")
}

pub(super) fn name_of(v: &Value) -> Option<String> {
    match v.get("name") {
        Some(Value::String(s)) => clean_text(s),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).find_map(clean_text),
        _ => None,
    }
}

/// An image URL from a string, an `ImageObject` (or reference) or an array.
pub(super) fn image_url(
    v: &Value,
    resolve: &dyn Fn(&Value) -> Value,
    depth: usize,
) -> Option<String> {
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
