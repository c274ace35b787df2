//! Bytes to text the way a browser decodes a page (feature `decode`): BOM,
//! `<meta charset>` prescan, then a UTF-8 / windows-1252 fallback.
//!
//! The order follows the HTML standard's "determine the character encoding":
//! a byte order mark wins, then the transport's `charset` (when the caller has
//! a `Content-Type`), then the `<meta>` prescan of the first 1024 bytes, and
//! finally a guess: UTF-8 when the bytes are valid UTF-8, else windows-1252.
//!
//! One departure, for saved pages: when the `<meta>` names a legacy encoding but
//! the bytes hold non-ASCII text that is valid UTF-8 throughout, the page was
//! re-saved as UTF-8 with its old tag, and UTF-8 wins (legacy-encoded text with
//! accents or CJK is practically never valid UTF-8 by chance).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the `<meta>` prescan looks at, as in browsers.
const PRESCAN_LIMIT: usize = 1024;

/// Decodes the bytes of an HTML page.
pub fn decode_html(bytes: &[u8]) -> String {
    decode_with_hint(bytes, None)
}

/// Decodes the bytes of an HTML page served with `content_type` (the HTTP
/// `Content-Type` header value, e.g. `text/html; charset=koi8-r`), whose
/// `charset` comes after a BOM but before the page's own `<meta>`.
pub fn decode_with_hint(bytes: &[u8], content_type: Option<&str>) -> String {
    let (encoding, bom_len) = encoding_of(bytes, content_type);
    decode_as(encoding, &bytes[bom_len..])
}

/// The encoding a browser would use for `bytes` served with `content_type`,
/// and the length of the byte order mark that names it (0 without one).
fn encoding_of(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, usize) {
    if let Some(found) = Encoding::for_bom(bytes) {
        return found;
    }
    let declared = content_type
        .and_then(|ct| charset_from_content(ct.as_bytes()))
        .and_then(Encoding::for_label)
        .or_else(|| declared_encoding(bytes));
    let encoding = declared.unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            UTF_8
        } else {
            WINDOWS_1252
        }
    });
    (encoding, 0)
}

/// The encoding the page's `<meta>` declares, unless the bytes say they are UTF-8.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let declared = prescan(&bytes[..bytes.len().min(PRESCAN_LIMIT)])?;
    if declared != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return Some(UTF_8);
    }
    Some(declared)
}

fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> String {
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return text.to_owned();
        }
    }
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn starts_with_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

/// The HTML standard's "prescan a byte stream to determine its encoding" over
/// `bytes` (already cut to the first 1024 bytes).
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while pos < bytes.len() {
        let rest = &bytes[pos..];
        if rest.starts_with(b"<!--") {
            // The `-->` may share its dashes with the `<!--`: `<!-->` is a comment.
            let end = find(&bytes[pos + 2..], b"-->")?;
            pos += 2 + end + 3;
        } else if starts_with_ci(rest, b"<meta")
            && rest.len() > 5
            && (is_space(rest[5]) || rest[5] == b'/')
        {
            pos += 5;
            if let Some(encoding) = meta_encoding(bytes, &mut pos)? {
                return Some(encoding);
            }
        } else if rest.len() > 1
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.len() > 2 && rest[2].is_ascii_alphabetic()))
        {
            // Any other tag: skip its name and attributes (a `>` inside a quoted
            // value does not end it).
            pos += 1;
            while pos < bytes.len() && !is_space(bytes[pos]) && bytes[pos] != b'>' {
                pos += 1;
            }
            while get_attribute(bytes, &mut pos)?.is_some() {}
            pos += 1;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += find(rest, b">")? + 1;
        } else {
            pos += 1;
        }
    }
    None
}

/// Reads the attributes of a `<meta>` whose name ends at `pos`. `None` when the
/// bytes run out; `Some(None)` when this `<meta>` declares no usable encoding.
#[allow(clippy::option_option)]
fn meta_encoding(bytes: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset: Option<&'static Encoding> = None;
    let mut failed = false;
    while let Some((name, value)) = get_attribute(bytes, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" if value == b"content-type" => got_pragma = true,
            b"content" if charset.is_none() && !failed => {
                if let Some(encoding) = charset_from_content(&value).and_then(Encoding::for_label) {
                    charset = Some(encoding);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value);
                failed = charset.is_none();
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let found = match need_pragma {
        None => None,
        Some(true) if !got_pragma => None,
        _ => charset,
    };
    // A page cannot really be UTF-16 if its ASCII `<meta>` was readable.
    Some(found.map(|e| match e {
        e if e == UTF_16BE || e == UTF_16LE => UTF_8,
        e if e == X_USER_DEFINED => WINDOWS_1252,
        e => e,
    }))
}

/// The standard's "get an attribute": `None` when the bytes run out,
/// `Some(None)` at the end of the tag, else the lower-cased name and value.
#[allow(clippy::option_option, clippy::type_complexity)]
fn get_attribute(bytes: &[u8], pos: &mut usize) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
    let at = |p: usize| bytes.get(p).copied();
    while is_space(at(*pos)?) || at(*pos)? == b'/' {
        *pos += 1;
    }
    if at(*pos)? == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // The name.
    loop {
        let b = at(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        } else if is_space(b) {
            while is_space(at(*pos)?) {
                *pos += 1;
            }
            if at(*pos)? != b'=' {
                return Some(Some((name, value)));
            }
            *pos += 1;
            break;
        } else if b == b'/' || b == b'>' {
            return Some(Some((name, value)));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // The value.
    while is_space(at(*pos)?) {
        *pos += 1;
    }
    let b = at(*pos)?;
    if b == b'"' || b == b'\'' {
        loop {
            *pos += 1;
            let c = at(*pos)?;
            if c == b {
                *pos += 1;
                return Some(Some((name, value)));
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if b == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let c = at(*pos)?;
        if is_space(c) || c == b'>' {
            return Some(Some((name, value)));
        }
        value.push(c.to_ascii_lowercase());
        *pos += 1;
    }
}

/// The standard's "extract a character encoding from a meta element", also
/// right for an HTTP `Content-Type`: the label after `charset=`, if any.
fn charset_from_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        pos += find_ci(&content[pos..], b"charset")? + 7;
        let mut p = pos;
        while p < content.len() && is_space(content[p]) {
            p += 1;
        }
        if content.get(p) != Some(&b'=') {
            continue;
        }
        p += 1;
        while p < content.len() && is_space(content[p]) {
            p += 1;
        }
        let rest = &content[p..];
        return match rest.first()? {
            q @ (b'"' | b'\'') => {
                let end = rest[1..].iter().position(|c| c == q)?;
                Some(&rest[1..1 + end])
            }
            _ => {
                let end = rest.iter().position(|&c| is_space(c) || c == b';').unwrap_or(rest.len());
                Some(&rest[..end])
            }
        };
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoding alone, as a page without a `Content-Type` gets it.
    fn sniff_encoding(bytes: &[u8]) -> &'static Encoding {
        encoding_of(bytes, None).0
    }

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "<title>Été</title><p>Привет, 世界</p>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let text = decode_html(&bytes);
        assert_eq!(text, "<title>Été</title><p>Привет, 世界</p>");
        assert_eq!(sniff_encoding(&bytes), UTF_16LE);
    }

    #[test]
    fn utf16be_and_utf8_boms() {
        let mut bytes = vec![0xfe, 0xff];
        for unit in "<p>Ünï</p>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode_html(&bytes), "<p>Ünï</p>");
        // A UTF-8 BOM wins over a contradicting meta.
        let bytes = b"\xef\xbb\xbf<meta charset=windows-1251><p>\xc3\xa9</p>";
        assert_eq!(decode_html(bytes), "<meta charset=windows-1251><p>é</p>");
    }

    #[test]
    fn windows_1251_declared_in_meta_charset() {
        let html = "<html><head><meta charset=\"windows-1251\"><title>Новости</title></head><body><p>Привет, мир</p></body></html>";
        let bytes = encode(encoding_rs::WINDOWS_1251, html);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode_html(&bytes), html);
    }

    #[test]
    fn http_equiv_content_type() {
        for meta in [
            r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1251">"#,
            r#"<meta content='text/html;charset=cp1251' http-equiv='content-type'>"#,
            r#"<meta http-equiv=Content-Type content="text/html; charset = 'windows-1251'" />"#,
        ] {
            let html = format!(
                "<!DOCTYPE html><html><head>{meta}</head><body><p>Съешь же ещё</p></body></html>"
            );
            let bytes = encode(encoding_rs::WINDOWS_1251, &html);
            assert_eq!(decode_html(&bytes), html, "{meta}");
        }
        // `content` without the pragma is ignored.
        let bytes = b"<meta content=\"text/html; charset=windows-1251\"><p>\xe9</p>";
        assert_eq!(
            decode_html(bytes),
            "<meta content=\"text/html; charset=windows-1251\"><p>é</p>"
        );
    }

    #[test]
    fn meta_charset_quoting_and_case_variants() {
        for meta in [
            "<meta charset=KOI8-R>", "<meta charset='koi8-r'>", "<Meta CharSet = \"koi8-r\">",
            "<meta name=x charset=koi8-r />", "<meta/charset=koi8-r>",
            "<meta\tcharset=\" koi8-r \">",
        ] {
            assert_eq!(prescan(meta.as_bytes()), Some(encoding_rs::KOI8_R), "{meta}");
        }
    }

    #[test]
    fn comments_and_other_tags_are_skipped() {
        let html = b"<!-- <meta charset=koi8-r> --><div title='<meta charset=koi8-r>'><meta charset=iso-8859-2>";
        assert_eq!(prescan(html), Some(encoding_rs::ISO_8859_2));
        assert_eq!(prescan(b"<!--><meta charset=koi8-r>"), Some(encoding_rs::KOI8_R));
        assert_eq!(prescan(b"<!-- <meta charset=koi8-r>"), None);
        assert_eq!(
            prescan(b"<meta charset=no-such-thing><meta charset=koi8-r>"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(prescan(b"<metal charset=koi8-r>"), None);
    }

    #[test]
    fn meta_declaring_utf16_means_utf8() {
        let bytes = "<meta charset=utf-16le><p>é</p>".as_bytes();
        assert_eq!(sniff_encoding(bytes), UTF_8);
        assert_eq!(decode_html(bytes), "<meta charset=utf-16le><p>é</p>");
    }

    #[test]
    fn meta_beyond_1024_bytes_is_not_seen() {
        let html = format!("<!-- {} --><meta charset=windows-1251><p>\u{e9}</p>", "x".repeat(1100));
        assert_eq!(decode_html(html.as_bytes()), html);
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let bytes = b"<p>caf\xe9 \x93quoted\x94 \x80</p>";
        assert_eq!(decode_html(bytes), "<p>café \u{201c}quoted\u{201d} \u{20ac}</p>");
        assert_eq!(decode_html("<p>café</p>".as_bytes()), "<p>café</p>");
    }

    #[test]
    fn utf8_bytes_under_a_legacy_meta_are_utf8() {
        // a page re-saved as UTF-8 that kept its <meta charset=gb2312>
        let html = "<meta charset=gb2312><p>谷歌在2014年收购的人工智能公司</p>";
        assert_eq!(decode_html(html.as_bytes()), html);
        assert_eq!(sniff_encoding(html.as_bytes()), UTF_8);
        // ASCII-only pages keep the declared encoding (nothing tells them apart)
        assert_eq!(sniff_encoding(b"<meta charset=gb2312><p>x</p>"), encoding_rs::GBK);
    }

    #[test]
    fn shift_jis_declared_in_meta() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><title>ニュース</title></head><body><p>日本語の記事です。</p></body></html>";
        let bytes = encode(encoding_rs::SHIFT_JIS, html);
        assert_eq!(decode_html(&bytes), html);
        let html = "<meta charset=shift_jis><p>こんにちは</p>";
        assert_eq!(decode_html(&encode(encoding_rs::SHIFT_JIS, html)), html);
    }

    #[test]
    fn content_type_hint_comes_after_bom_before_meta() {
        let bytes = encode(encoding_rs::KOI8_R, "<meta charset=windows-1251><p>Да</p>");
        assert_eq!(
            decode_with_hint(&bytes, Some("text/html; charset=\"KOI8-R\"")),
            "<meta charset=windows-1251><p>Да</p>"
        );
        assert_eq!(decode_with_hint(b"<p>x</p>", Some("text/html")), "<p>x</p>");
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        let mut samples: Vec<Vec<u8>> = vec![
            vec![],
            vec![0xff],
            vec![0xfe],
            vec![0xef, 0xbb],
            b"<".to_vec(),
            b"<meta".to_vec(),
            b"<meta ".to_vec(),
            b"<meta charset".to_vec(),
            b"<meta charset=".to_vec(),
            b"<meta charset='".to_vec(),
            b"<meta content=\"charset=".to_vec(),
            b"<meta http-equiv=content-type content='charset=\"x".to_vec(),
            b"<!".to_vec(),
            b"<!--".to_vec(),
            b"<!-->".to_vec(),
            b"</".to_vec(),
            b"</a".to_vec(),
            b"<a b='".to_vec(),
            b"\0\0\0\0<\0m\0".to_vec(),
        ];
        // Every prefix of a page full of tricky constructs.
        let page = b"<!--x--><a href='>'><meta/charset=utf-8 x><?x><!x></b c><meta http-equiv=\"content-type\" content=\"text/html;charset=koi8-r\">\xe9\x80\xff";
        samples.extend((0..=page.len()).map(|n| page[..n].to_vec()));
        let mut seed = 0x2545_f491_u32;
        for _ in 0..200 {
            let bytes: Vec<u8> = (0..64)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    b"<>!-/= '\"metachrsMETA\xff\x00"[seed as usize % 22]
                })
                .collect();
            samples.push(bytes);
        }
        for bytes in samples {
            let _ = decode_html(&bytes);
            let _ = sniff_encoding(&bytes);
        }
    }
}
