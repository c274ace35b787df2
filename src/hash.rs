//! One fast hasher for the crate's small tables, keyed by node addresses
//! ([`crate::dom::NodeMap`]) or by short strings (the word tables). The
//! standard SipHash is made for keys an attacker chooses and costs more than
//! the lookups it serves; here the keys are addresses and the crate's own words.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over bytes; an address (`write_usize`) is spread without its
/// alignment bits instead.
pub struct Fast(u64);

impl Default for Fast {
    fn default() -> Fast {
        Fast(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fast {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn write_usize(&mut self, n: usize) {
        let h = ((n as u64) >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 32);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The `BuildHasher` of the crate's `HashMap`s and `HashSet`s.
pub type FastHash = BuildHasherDefault<Fast>;
