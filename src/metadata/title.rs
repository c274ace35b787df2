//! The article's title from the document's `<title>`: Readability's
//! `_getArticleTitle`, decision for decision.

use super::js::{collapse_runs, is_js_space, js_len, js_trim, word_count};
use super::scan::Page;
use crate::dom;
use crate::rules::metadata::{
    HIERARCHICAL_SEPARATORS, SHORT_TITLE_WORDS, TITLE_MAX_LEN, TITLE_MIN_LEN, TITLE_MIN_WORDS,
    TITLE_PREFIX_MAX_WORDS, TITLE_SEPARATORS,
};

/// Start indices (in chars) of the non-overlapping matches of `/\s[seps]\s/g`.
pub(super) fn separator_matches(chars: &[char], seps: &[char]) -> Vec<usize> {
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
pub(super) fn article_title(orig: &str, page: &Page) -> String {
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
pub(super) fn remove_separators(chars: &[char]) -> String {
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
