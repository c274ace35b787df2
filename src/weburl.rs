//! URLs, used by the metadata, clean and sanitize stages: parsing and resolving
//! against a base follow the WHATWG URL standard. By default that is the `url`
//! crate; with the `wasm` feature (the JavaScript bindings) it is the host's own
//! `URL` (browsers and Node have it), which keeps the `url` crate and its Unicode
//! tables out of the module (about 50 KB gzip). Either way a [`Url`] holds the standard's serialization (`href`), and
//! its parts are read from that string by one piece of code.

use std::fmt;

/// A parsed, absolute URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    #[cfg(not(feature = "wasm"))]
    inner: url::Url,
    #[cfg(feature = "wasm")]
    href: String,
}

/// Why a string is not a URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// A relative reference, and no base to resolve it against.
    RelativeWithoutBase,
    /// Anything else the standard rejects.
    Invalid,
}

impl Url {
    /// Parses an absolute URL.
    pub fn parse(input: &str) -> Result<Url, Error> {
        match resolve(input, None) {
            Some(url) => Ok(url),
            None if has_scheme(input) => Err(Error::Invalid),
            None => Err(Error::RelativeWithoutBase),
        }
    }

    /// Resolves `input` against this URL.
    pub fn join(&self, input: &str) -> Result<Url, Error> {
        resolve(input, Some(self)).ok_or(Error::Invalid)
    }

    /// The serialization (`href`).
    pub fn as_str(&self) -> &str {
        #[cfg(not(feature = "wasm"))]
        return self.inner.as_str();
        #[cfg(feature = "wasm")]
        return &self.href;
    }

    /// The scheme, lower case, without its colon.
    pub fn scheme(&self) -> &str {
        let href = self.as_str();
        &href[..href.find(':').unwrap_or(0)]
    }

    /// `user:password@host:port`, for URLs that have an authority.
    fn authority(&self) -> Option<&str> {
        let rest = self.as_str()[self.scheme().len()..].strip_prefix("://")?;
        Some(&rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())])
    }

    /// The user info and the `host:port` part of the authority.
    fn split_authority(&self) -> Option<(Option<&str>, &str)> {
        let authority = self.authority()?;
        Some(match authority.rfind('@') {
            Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
            None => (None, authority),
        })
    }

    /// The host and the text after it (`:port` or nothing).
    fn split_host(&self) -> Option<(&str, &str)> {
        let (_, host_port) = self.split_authority()?;
        let end = if host_port.starts_with('[') {
            host_port.find(']').map_or(host_port.len(), |i| i + 1)
        } else {
            host_port.find(':').unwrap_or(host_port.len())
        };
        Some(host_port.split_at(end))
    }

    pub fn username(&self) -> &str {
        match self.split_authority() {
            Some((Some(info), _)) => info.split(':').next().unwrap_or(""),
            _ => "",
        }
    }

    pub fn password(&self) -> Option<&str> {
        match self.split_authority() {
            Some((Some(info), _)) => info.split_once(':').map(|(_, p)| p),
            _ => None,
        }
    }

    /// The host (IPv6 addresses keep their brackets); `None` when there is none.
    pub fn host_str(&self) -> Option<&str> {
        self.split_host().map(|(host, _)| host).filter(|h| !h.is_empty())
    }

    /// The port, when it is not the scheme's default (the serialization drops those).
    pub fn port(&self) -> Option<u16> {
        let (_, rest) = self.split_host()?;
        rest.strip_prefix(':')?.parse().ok()
    }

    /// The path: after the authority (or the scheme), up to the query or fragment.
    pub fn path(&self) -> &str {
        let start = match self.authority() {
            Some(a) => self.scheme().len() + 3 + a.len(),
            None => self.scheme().len() + 1,
        };
        let rest = &self.as_str()[start..];
        &rest[..rest.find(['?', '#']).unwrap_or(rest.len())]
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether `input` starts with a scheme and its colon, read as the standard's
/// parser reads it: leading spaces and control characters trimmed, tabs and
/// newlines ignored wherever they are. Without one, and without a base, the
/// parser can only fail.
fn has_scheme(input: &str) -> bool {
    let mut chars = input
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars
            .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
            .is_some_and(|c| c == ':')
}

/// Whether `s` is a valid scheme name: `letter (letter | digit | + - .)*`.
pub fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `input` resolved against `base`, or `None` if it is not a URL.
#[cfg(not(feature = "wasm"))]
fn resolve(input: &str, base: Option<&Url>) -> Option<Url> {
    let parsed = match base {
        Some(b) => b.inner.join(input),
        None => url::Url::parse(input),
    };
    parsed.ok().map(|inner| Url { inner })
}

/// `input` resolved against `base`, or `None` if it is not a URL.
///
/// Without a base, a reference with no scheme is not asked of the host: its
/// `URL` would throw, and a thrown exception costs far more than the parse
/// (relative links made sanitizing 2× slower when pages were cleaned with no URL).
#[cfg(feature = "wasm")]
fn resolve(input: &str, base: Option<&Url>) -> Option<Url> {
    let parsed = match base {
        Some(b) => web_sys::Url::new_with_base(input, &b.href),
        None if !has_scheme(input) => return None,
        None => web_sys::Url::new(input),
    };
    parsed.ok().map(|u| Url { href: u.href() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_read_from_the_serialization() {
        let u = Url::parse("HTTPS://Me:Secret@Example.COM:8443/a/b?q=1#f").unwrap();
        assert_eq!(u.as_str(), "https://Me:Secret@example.com:8443/a/b?q=1#f");
        assert_eq!(u.scheme(), "https");
        assert_eq!(u.username(), "Me");
        assert_eq!(u.password(), Some("Secret"));
        assert_eq!(u.host_str(), Some("example.com"));
        assert_eq!(u.port(), Some(8443));
        assert_eq!(u.path(), "/a/b");

        let u = Url::parse("https://[::1]:443/x").unwrap();
        assert_eq!((u.host_str(), u.port(), u.path()), (Some("[::1]"), None, "/x"));
        assert_eq!(u.username(), "");
        assert_eq!(u.password(), None);

        let u = Url::parse("mailto:a@b.c?subject=x").unwrap();
        assert_eq!((u.scheme(), u.host_str(), u.path()), ("mailto", None, "a@b.c"));
        assert_eq!(Url::parse("file:///tmp/a").unwrap().host_str(), None);
    }

    #[test]
    fn relative_references_need_a_base() {
        assert_eq!(Url::parse("/a/b"), Err(Error::RelativeWithoutBase));
        assert_eq!(Url::parse("x/y:z"), Err(Error::RelativeWithoutBase));
        assert_eq!(Url::parse("http://[::1"), Err(Error::Invalid));
        let base = Url::parse("https://e.com/dir/page.html").unwrap();
        assert_eq!(base.join("../x?y").unwrap().as_str(), "https://e.com/x?y");
        assert_eq!(base.join("//cdn.e.com/i.png").unwrap().as_str(), "https://cdn.e.com/i.png");
        assert_eq!(base.join("http://[::1").ok(), None);
    }

    #[test]
    fn schemes_are_found_as_the_standard_reads_them() {
        for absolute in ["https://e.com/", "  \u{1}mailto:a@b.c", "ja\tva\nscript:x", "a+b-c.d:x"] {
            assert!(has_scheme(absolute), "{absolute:?}");
        }
        for relative in [
            "", "/a:b", "a/b:c", "1http://e.com", "x y:z", "page.html", "?q=a:b",
            "java\u{fffd}script:x",
        ] {
            assert!(!has_scheme(relative), "{relative:?}");
            assert_eq!(Url::parse(relative), Err(Error::RelativeWithoutBase));
        }
        // Whatever the parser accepts without a base has a scheme.
        assert!(Url::parse("ja\tvascript:x").is_ok());
    }
}
