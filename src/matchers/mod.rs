//! String-matching machinery the rules run on: class words, fragments inside
//! class names ([`Needles`]), and label keys for the multilingual phrase lists
//! ([`Keys`], [`FirstWord`]). No word list lives here: the lists are in
//! [`crate::rules`].

mod keys;
mod needles;

pub use keys::{label_key_upto, FirstWord, Keys};
pub use needles::Needles;

/// Splits a lower-cased class/id string into its words at anything that is not a
/// letter or digit: `"td-a-rec share_bar"` → `td`, `a`, `rec`, `share`, `bar`.
pub fn words(lowered: &str) -> impl Iterator<Item = &str> + Clone {
    lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The words of a class or id value split at separators and at camelCase
/// humps, lower-cased, each whole name kept too (`cPost_contentWrap` → `c`,
/// `post`, `content`, `wrap`, `cpostcontentwrap`): forum engines name their
/// parts in camelCase, where the prune stage's [`words`] would miss them.
pub fn hump_words(value: &str, out: &mut Vec<String>) {
    for name in value.split_whitespace() {
        let mut word = String::new();
        let mut prev_lower = false;
        for c in name.chars() {
            if !c.is_alphanumeric() {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                prev_lower = false;
                continue;
            }
            if c.is_uppercase() && prev_lower && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            word.extend(c.to_lowercase());
        }
        if !word.is_empty() {
            out.push(word);
        }
        let whole: String =
            name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        if !whole.is_empty() && !out.contains(&whole) {
            out.push(whole);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hump_words_split_at_separators_and_humps() {
        let mut w = Vec::new();
        hump_words("cPost_contentWrap message-body", &mut w);
        for want in ["c", "post", "content", "wrap", "cpostcontentwrap", "message", "body"] {
            assert!(w.iter().any(|x| x == want), "{want} in {w:?}");
        }
        assert!(!w.iter().any(|x| x == "contentwrap"), "{w:?}");
    }

    #[test]
    fn class_words_split_on_separators() {
        let w: Vec<&str> = words("td-a-rec adslot  x_y.z").collect();
        assert_eq!(w, ["td", "a", "rec", "adslot", "x", "y", "z"]);
        assert_eq!(words(" - ").count(), 0);
    }
}
