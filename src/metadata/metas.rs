//! Meta tags: Readability's `values` map, and every meta by each of its names
//! for the extra sources.

use std::collections::HashMap;

use super::js::{is_js_space, js_trim};
use super::scan::MetaTag;
use crate::rules::metadata::{NAME_NAMES, NAME_PREFIXES, PROPERTY_NAMES, PROPERTY_PREFIXES};

/// Readability's `values` map: keys from `property` (first match of its pattern
/// in the space-separated list) or, failing that, from `name`; last one wins.
pub(super) fn readability_values(metas: &[MetaTag]) -> HashMap<String, String> {
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
pub(super) fn property_key(property: &str) -> Option<String> {
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
pub(super) fn name_matches(name: &str) -> bool {
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
pub(super) fn extra_values(metas: &[MetaTag]) -> HashMap<String, String> {
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
