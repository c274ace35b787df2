//! Phrases, per language: ad labels, "read also" lead-ins, calls to action,
//! photo-credit and source words. Each list is a text file in `phrases/`, one
//! line per language (`fr: publicité | pub | annonce`), read at first use; a
//! translator adds a language with one line and never opens Rust. The
//! predicates the stages ask are below, each with the bounds that keep it cheap.

use std::sync::OnceLock;

use crate::matchers::{label_key_upto, FirstWord, Keys};

/// A phrase list read from its file at first use: every `|`-separated phrase
/// after the language code and colon of each line, in file order; `#` lines
/// and blank lines are comments.
pub struct Phrases {
    file: &'static str,
    list: OnceLock<Vec<&'static str>>,
}

impl Phrases {
    const fn new(file: &'static str) -> Phrases {
        Phrases { file, list: OnceLock::new() }
    }

    /// The phrases, in file order.
    pub fn list(&self) -> &[&'static str] {
        self.list.get_or_init(|| {
            self.file
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.split_once(':').map(|(_language, phrases)| phrases))
                .flat_map(|phrases| phrases.split('|').map(str::trim).filter(|p| !p.is_empty()))
                .collect()
        })
    }
}

/// Whole texts of ad labels.
pub static AD_LABELS: Phrases = Phrases::new(include_str!("phrases/ad-labels.txt"));
/// Headings of recommended links, and lead-ins of "read also" lines.
pub static RELATED: Phrases = Phrases::new(include_str!("phrases/related.txt"));
/// Calls to action and legal lines that close pages.
pub static CALLS_TO_ACTION: Phrases = Phrases::new(include_str!("phrases/calls-to-action.txt"));
/// Words that open a photo credit.
pub static PHOTO_CREDITS: Phrases = Phrases::new(include_str!("phrases/photo-credits.txt"));
/// Words that open a source line.
pub static SOURCES: Phrases = Phrases::new(include_str!("phrases/sources.txt"));

/// Longest text (bytes) that may be an ad label: labels are short, and most
/// texts are turned away without being read.
const AD_LABEL_MAX_BYTES: usize = 120;
/// Longest text (bytes) searched for a "read also" lead-in.
const RELATED_LINE_MAX_BYTES: usize = 2000;
/// Longest text (bytes) that may be a "related" heading, and its longest key.
const RELATED_HEADING_MAX_BYTES: usize = 200;
const RELATED_HEADING_MAX_KEY: usize = 60;
/// Longest text (bytes) searched for a credit line, and longest credit line
/// (characters, after an opening bracket).
const CREDIT_LINE_MAX_BYTES: usize = 400;
const CREDIT_LINE_MAX_CHARS: usize = 90;
/// Longest block (characters) read as a call to action: past this, a block
/// that mentions "subscribe" is prose.
const CALL_TO_ACTION_MAX_CHARS: usize = 220;

/// Label keys of the ad labels, made once.
fn ad_label_keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| Keys::of(AD_LABELS.list()))
}

/// Label keys of the related phrases, made once.
fn related_keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| Keys::of(RELATED.list()))
}

/// Whether the whole `text` is an ad label in some language.
pub fn is_ad_label(text: &str) -> bool {
    if text.len() > AD_LABEL_MAX_BYTES {
        return false;
    }
    let labels = ad_label_keys();
    labels.key_of(text).is_some_and(|key| !key.is_empty() && labels.has(&key))
}

/// Whether a text whose first word is `first` may be an ad label ([`is_ad_label`]
/// is false when this is).
pub fn may_be_ad_label(first: &FirstWord) -> bool {
    ad_label_keys().starts_with(first)
}

/// Whether a text whose first word is `first` may be or start with a "related"
/// phrase ([`related_lead`] and [`is_related_heading`] are false when this is).
pub fn may_be_related(first: &FirstWord) -> bool {
    related_keys().starts_with(first)
}

/// Whether `text` is a "related"/"read also" heading, or starts with one followed
/// by a colon or dash (`"À lire aussi : …"`). Returns the length in bytes of the
/// matched lead-in within the label key, or `None`.
pub fn related_lead(text: &str) -> Option<usize> {
    if text.len() > RELATED_LINE_MAX_BYTES {
        return None;
    }
    let phrases = related_keys();
    let key = phrases.key_of(text)?;
    // The key's words are split by single spaces: a lead-in is the key up to a
    // word's end; where several are phrases, the first in the list wins.
    let ends = key.match_indices(' ').map(|(i, _)| i).chain([key.len()]);
    ends.filter_map(|end| Some((phrases.position(&key[..end])?, end))).min().map(|(_, end)| end)
}

/// Whether `text` is exactly a "related"/"read also" heading.
pub fn is_related_heading(text: &str) -> bool {
    if text.len() > RELATED_HEADING_MAX_BYTES {
        return false;
    }
    let phrases = related_keys();
    phrases.key_of(text).is_some_and(|key| {
        !key.is_empty() && key.len() < RELATED_HEADING_MAX_KEY && phrases.has(&key)
    })
}

/// Whether `text` is a short credit line: a credit or source word and a colon
/// then a name, or a ©.
pub fn is_credit_line(text: &str) -> bool {
    static LEADS: OnceLock<Keys> = OnceLock::new();
    // Most texts have neither a colon nor a ©: two quick searches say so.
    if text.len() > CREDIT_LINE_MAX_BYTES
        || (memchr::memchr(b':', text.as_bytes()).is_none() && !text.contains('©'))
    {
        return false;
    }
    let t = text.trim().trim_start_matches(['(', '[']).trim_start();
    if t.chars().count() > CREDIT_LINE_MAX_CHARS || t.is_empty() {
        return false;
    }
    if t.starts_with('©') {
        return true;
    }
    let Some((head, rest)) = t.split_once(':') else {
        return false;
    };
    let leads = LEADS.get_or_init(|| {
        let all: Vec<&str> = PHOTO_CREDITS.list().iter().chain(SOURCES.list()).copied().collect();
        Keys::of(&all)
    });
    let head = label_key_upto(head, leads.longest);
    !rest.trim().is_empty() && leads.has(&head)
}

/// Whether `text` starts with a photo-credit word followed by a colon.
pub fn starts_with_photo_credit(text: &str) -> bool {
    PHOTO_CREDITS.list().iter().any(|lead| {
        text.get(..lead.len()).is_some_and(|head| head.to_lowercase() == *lead)
            && text[lead.len()..].trim_start().starts_with(':')
    })
}

/// Whether a short block reads as a call to action or a legal line.
pub fn is_call_to_action(text: &str) -> bool {
    if text.chars().count() > CALL_TO_ACTION_MAX_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    CALLS_TO_ACTION.list().iter().any(|c| lower.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_files_read_as_lists() {
        for list in [&AD_LABELS, &RELATED, &CALLS_TO_ACTION, &PHOTO_CREDITS, &SOURCES] {
            let phrases = list.list();
            assert!(!phrases.is_empty());
            for p in phrases {
                assert!(!p.contains(['|', '\n']) && p.trim() == *p, "{p:?}");
                assert_eq!(p.to_lowercase(), *p, "phrases are written lower-case: {p}");
            }
        }
        // Every line is `code: phrases`: no language line lost its colon.
        for file in [AD_LABELS.file, RELATED.file, CALLS_TO_ACTION.file, PHOTO_CREDITS.file] {
            for line in file.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
                let (code, _) = line.split_once(':').expect("a language code");
                assert!(code.len() <= 3 && code.chars().all(|c| c.is_ascii_lowercase()), "{line}");
            }
        }
        assert_eq!(AD_LABELS.list()[0], "advertisement");
        assert!(RELATED.list().contains(&"à lire aussi"));
    }

    #[test]
    fn the_quick_test_never_turns_away_a_phrase_of_the_lists() {
        for (list, keys) in [(&AD_LABELS, ad_label_keys()), (&RELATED, related_keys())] {
            for entry in list.list() {
                let mut w = FirstWord::new();
                w.feed(entry);
                assert!(keys.starts_with(&w), "{entry}");
            }
        }
        let mut other = FirstWord::new();
        other.feed("Public transport");
        assert!(!may_be_ad_label(&other) && !may_be_related(&other));
        let mut none = FirstWord::new();
        none.feed(" … ");
        assert!(!may_be_ad_label(&none) && !may_be_related(&none));
    }

    #[test]
    fn ad_labels_match_in_every_major_language() {
        for label in [
            "- Publicité-",
            "PUBLICITÉ",
            "Publicité",
            "Advertisement",
            "ADVERTISEMENT",
            "Anzeige",
            "Werbung",
            "Publicidad",
            "Pubblicità",
            "Reklama",
            "Реклама",
            "广告",
            "広告",
            "إعلان",
            "Sponsored",
            "Sponsorisé",
            "Contenu sponsorisé",
            "Annonce",
            "[ Advertisement ]",
            "광고",
            "Publicidade",
            "Story continues below advertisement",
        ] {
            assert!(is_ad_label(label), "{label}");
        }
        for text in [
            "Publicité ciblée et vie privée",
            "Advertisement rules changed in 2020.",
            "Head",
            "Lead",
            "",
        ] {
            assert!(!is_ad_label(text), "{text}");
        }
    }

    #[test]
    fn credit_lines_are_recognised() {
        assert!(is_credit_line("Foto: Jane Doe"));
        assert!(is_credit_line("(Quelle: Agentur/Unsplash)"));
        assert!(is_credit_line("© 2021 Some Agency"));
        assert!(!is_credit_line("Photo: "));
        assert!(!is_credit_line("Source: the minister said on Tuesday that the budget, which was long delayed, would pass next week."));
        assert!(!is_credit_line("The photo was taken in 1920."));
        assert!(starts_with_photo_credit("Bild : TebNad"));
        assert!(!starts_with_photo_credit("Quelle: dpa"));
    }

    #[test]
    fn calls_to_action_are_recognised() {
        assert!(is_call_to_action("Subscribe now to our weekly edition for the full story."));
        assert!(is_call_to_action("© 2024 Example News. All rights reserved."));
        assert!(is_call_to_action("Folgen Sie uns auf Mastodon"));
        assert!(!is_call_to_action("The minister said the plan would be published next week."));
        assert!(!is_call_to_action(&"A long paragraph that mentions subscribe once. ".repeat(6)));
    }

    #[test]
    fn related_lead_ins_are_found() {
        assert!(related_lead("À lire aussi : Le titre d'un autre article").is_some());
        assert!(related_lead("LIRE AUSSI").is_some());
        assert!(related_lead("Mehr zum Thema").is_some());
        assert!(related_lead("Readers wrote in to say").is_none());
        // The first listed of two lead-ins wins: "lea también" before "lea".
        assert_eq!(related_lead("Lea también: otro artículo"), Some("lea también".len()));
        assert!(is_related_heading("Te puede interesar"));
        assert!(!is_related_heading("Related to the budget, the minister said no"));
    }
}
