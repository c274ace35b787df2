//! JavaScript string semantics that Readability's rules depend on: `\s`,
//! `trim()`, `split(/\s+/).length`, `replace(/\s{2,}/g, " ")`, UTF-16
//! `length`, and its entity unescaping.

/// JavaScript's `\s` (and the set `String.prototype.trim` removes).
pub(super) fn is_js_space(c: char) -> bool {
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

pub(super) fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// `str.split(/\s+/).length`: one more than the number of whitespace runs.
pub(super) fn word_count(s: &str) -> usize {
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
pub(super) fn collapse_runs(s: &str) -> String {
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
pub(super) fn js_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Readability's `_unescapeHtmlEntities`: meta values are often escaped twice.
pub(super) fn unescape_entities(s: &str) -> String {
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
pub(super) fn numeric_reference(s: &str) -> Option<(char, usize)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_matches_javascript() {
        assert_eq!(word_count(""), 1);
        assert_eq!(word_count(" a b"), 3);
        assert_eq!(word_count("a\u{a0}b"), 2);
    }
}
