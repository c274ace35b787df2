//! Images: how lazy-loading scripts name an image's real source, and what an
//! image URL looks like.

/// Attributes where lazy-loading scripts keep the real source: an image that
/// has one and no real `src` gets it.
pub const LAZY_SOURCE_ATTRIBUTES: &[&str] =
    &["data-src", "data-lazy-src", "data-original", "data-srcset", "data-lazy-srcset"];

/// Attributes that are no lazy source, whatever their value.
pub const NOT_LAZY_SOURCES: &[&str] = &["src", "srcset", "alt", "sizes"];

/// Endings of an image file's path.
pub const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"];
