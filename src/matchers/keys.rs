//! Label keys: short texts compared with phrase lists whatever their case,
//! punctuation and symbols, and the quick first-word test that turns most
//! texts away before their key is made.

use std::collections::HashSet;

use crate::hash::FastHash;

/// Lower-cases and strips the punctuation and symbols around and inside a short
/// label so that "- Publicité -", "PUBLICITÉ" and `[Advertisement]` compare equal.
pub fn label_key(text: &str) -> String {
    label_key_upto(text, usize::MAX)
}

/// [`label_key`], but stops once the key is longer than `max` bytes: enough to tell
/// that a text is not, or does not start with, a known label of at most `max` bytes.
pub fn label_key_upto(text: &str, max: usize) -> String {
    // Allocated at the first word: most text nodes are only white space.
    let mut out = String::new();
    let mut space = false;
    for c in text.chars() {
        if is_key_char(c) {
            if out.len() > max {
                break;
            }
            if out.capacity() == 0 {
                out.reserve(text.len().min(max.saturating_add(8)));
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            key_form(c, |k| out.push(k));
        } else {
            space = true;
        }
    }
    out
}

/// Whether `c` belongs to a word of a label key (others separate words).
fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// The key form of a word character: lower case, `’` as `'`.
fn key_form(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else if c == '’' {
        push('\'');
    } else {
        c.to_lowercase().for_each(push);
    }
}

/// The key of the first word of a text read piece by piece (as [`label_key`]
/// would write it), without allocating: a quick "could this text be, or start
/// with, a label?" before the text is gathered and its whole key made.
#[derive(Default)]
pub struct FirstWord {
    buf: [u8; FirstWord::MAX],
    len: usize,
    started: bool,
    /// the word is longer than `MAX` bytes, so it starts no label
    long: bool,
}

impl FirstWord {
    /// Longest first word kept, in bytes: longer ones start no phrase of the lists.
    pub const MAX: usize = 32;

    pub fn new() -> FirstWord {
        FirstWord::default()
    }

    /// Reads the next piece of text; true once the first word has ended.
    pub fn feed(&mut self, s: &str) -> bool {
        for c in s.chars() {
            if !is_key_char(c) {
                if self.started {
                    return true;
                }
                continue;
            }
            self.started = true;
            if self.long {
                continue;
            }
            key_form(c, |k| {
                let mut tmp = [0; 4];
                let bytes = k.encode_utf8(&mut tmp).as_bytes();
                match self.buf.get_mut(self.len..self.len + bytes.len()) {
                    Some(dst) => {
                        dst.copy_from_slice(bytes);
                        self.len += bytes.len();
                    }
                    None => self.long = true,
                }
            });
        }
        false
    }

    /// The first word's key, empty when the text has no word; `None` when it is
    /// too long to start any label.
    pub fn key(&self) -> Option<&str> {
        if self.long {
            return None;
        }
        // Whole characters were written, so the bytes are UTF-8.
        std::str::from_utf8(&self.buf[..self.len]).ok()
    }
}

/// Label keys of a list, sorted (each with its place in the list) for lookups,
/// with the longest key's length in bytes.
pub struct Keys {
    sorted: Vec<(String, usize)>,
    /// the longest key's length in bytes
    pub longest: usize,
    /// the keys' first words
    firsts: HashSet<String, FastHash>,
}

impl Keys {
    /// The keys of `list`, in its order.
    pub fn of(list: &[&str]) -> Keys {
        let mut sorted: Vec<(String, usize)> =
            list.iter().enumerate().map(|(i, l)| (label_key(l), i)).collect();
        let longest = sorted.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        sorted.sort_unstable_by(|(a, i), (b, j)| (a.len(), a, i).cmp(&(b.len(), b, j)));
        let firsts: HashSet<String, FastHash> =
            sorted.iter().filter_map(|(k, _)| k.split(' ').next()).map(str::to_owned).collect();
        assert!(firsts.iter().all(|f| f.len() <= FirstWord::MAX));
        Keys { sorted, longest, firsts }
    }

    /// Whether some key starts with the word `first` (a whole word of the key).
    pub fn starts_with(&self, first: &FirstWord) -> bool {
        first.key().is_some_and(|w| self.firsts.contains(w))
    }

    /// The label key of `text`, up to the longest key's length; `None` when its
    /// first word starts no key, so that neither the text nor its start is one.
    pub fn key_of(&self, text: &str) -> Option<String> {
        let mut first = FirstWord::new();
        first.feed(text);
        self.starts_with(&first).then(|| label_key_upto(text, self.longest))
    }

    /// The place in the list of the first entry whose key is `key`: a binary
    /// search (this runs on every short text of the page) over keys ordered by
    /// length first, so that most steps compare two numbers, not two strings.
    pub fn position(&self, key: &str) -> Option<usize> {
        let i = self.sorted.partition_point(|(k, _)| (k.len(), k.as_str()) < (key.len(), key));
        self.sorted.get(i).filter(|(k, _)| k == key).map(|&(_, place)| place)
    }

    /// Whether `key` is the key of an entry.
    pub fn has(&self, key: &str) -> bool {
        self.position(key).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_keys_ignore_case_punctuation_and_symbols() {
        assert_eq!(label_key("- PUBLICITÉ -"), "publicité");
        assert_eq!(label_key("[ Advertisement ]"), "advertisement");
        assert_eq!(label_key("L’article, suite…"), "l'article suite");
        // Cut once past `max`: enough to tell it is no key of `max` bytes or less.
        assert_eq!(label_key_upto("alpha beta gamma", 5), "alpha b");
    }

    #[test]
    fn first_word_is_the_key_of_the_first_word_across_pieces() {
        let mut w = FirstWord::new();
        assert!(!w.feed(" \n - "));
        assert!(!w.feed("PUBLI"));
        assert!(!w.feed("CITÉ"));
        assert!(w.feed(" - more"));
        assert_eq!(w.key(), Some("publicité"));
        let mut l = FirstWord::new();
        l.feed("L’article");
        assert_eq!(l.key(), Some("l'article"));
        let mut none = FirstWord::new();
        none.feed(" … ");
        assert_eq!(none.key(), Some(""));
        let mut long = FirstWord::new();
        long.feed(&"x".repeat(FirstWord::MAX + 1));
        assert_eq!(long.key(), None);
    }

    #[test]
    fn keys_find_entries_and_their_first_place() {
        let keys = Keys::of(&["Related", "related articles", "RELATED", "à lire aussi"]);
        assert_eq!(keys.position("related"), Some(0));
        assert_eq!(keys.position("related articles"), Some(1));
        assert!(keys.has("à lire aussi") && !keys.has("lire aussi"));
        assert_eq!(keys.key_of("Related: more").as_deref(), Some("related more"));
        assert_eq!(keys.key_of("Unrelated words"), None);
    }
}
