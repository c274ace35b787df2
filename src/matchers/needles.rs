//! Needles: a few fragments looked for inside short strings (class names).

/// A list of up to 64 non-empty fragments to look for inside short strings such as
/// class names, with each fragment's first byte indexed at compile time: one pass
/// over the string tries only the fragments that start with the byte at hand
/// (one substring search per fragment must first analyse each fragment).
pub struct Needles {
    list: &'static [&'static str],
    /// for each byte, the fragments (bits of `list`) that start with it
    first: [u64; 256],
}

impl Needles {
    pub const fn new(list: &'static [&'static str]) -> Needles {
        assert!(list.len() <= 64, "at most 64 fragments");
        let mut first = [0u64; 256];
        let mut i = 0;
        while i < list.len() {
            let bytes = list[i].as_bytes();
            assert!(!bytes.is_empty(), "fragments are not empty");
            first[bytes[0] as usize] |= 1 << i;
            i += 1;
        }
        Needles { list, first }
    }

    /// Whether any fragment occurs in `hay`.
    pub fn found_in(&self, hay: &str) -> bool {
        let h = hay.as_bytes();
        (0..h.len()).any(|i| {
            let mut bits = self.first[usize::from(h[i])];
            while bits != 0 {
                let n = self.list[bits.trailing_zeros() as usize].as_bytes();
                bits &= bits - 1;
                // compared byte by byte: a `memcmp` call costs more for a few bytes
                if n.len() <= h.len() - i && n.iter().zip(&h[i..]).all(|(a, b)| a == b) {
                    return true;
                }
            }
            false
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_are_found_anywhere() {
        static N: Needles = Needles::new(&["-ad-", "banner", "rss", "b"]);
        assert!(N.found_in("top-ad-slot"));
        assert!(N.found_in("page banner"));
        assert!(N.found_in("xrss"));
        assert!(N.found_in("ab"));
        assert!(!N.found_in("adverts a nner -ad"));
        assert!(!N.found_in(""));
        static NONE: Needles = Needles::new(&[]);
        assert!(!NONE.found_in("anything"));
    }
}
