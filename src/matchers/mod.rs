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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_split_on_separators() {
        let w: Vec<&str> = words("td-a-rec adslot  x_y.z").collect();
        assert_eq!(w, ["td", "a", "rec", "adslot", "x", "y", "z"]);
        assert_eq!(words(" - ").count(), 0);
    }
}
