//! Page furniture by its class and id words: the vocabulary the prune stage
//! reads a block's name with (ads, comments, share bars, newsletters, consent
//! boxes, related links, menus, paywalls, meta lines, author boxes), and the
//! markup of ad networks. Words are matched whole, lower-case, after the class
//! and id are split at anything not a letter or digit (`td-a-rec share_bar` is
//! `td a rec share bar`). Tuned on corpus, unless marked.

/// Whether a lower-case class name is one of [`AD_CLASSES`] or one of them
/// followed by `-` and more (`ad-slot-top`).
pub fn is_ad_class(name: &str) -> bool {
    let b = name.as_bytes();
    AD_CLASSES.iter().any(|c| {
        let c = c.as_bytes();
        c.len() <= b.len()
            && c.iter().zip(b).all(|(x, y)| x == y)
            && (b.len() == c.len() || b[c.len()] == b'-')
    })
}

/// Whole class names (lower case) used by ad networks and ad plugins.
pub const AD_CLASSES: &[&str] = &[
    "adsbygoogle", "td-a-rec", "td-a-ad", "td-adspot-title", "google-auto-placed", "gpt-ad",
    "dfp-ad", "dfp-slot", "ad-slot", "adslot", "ad-unit", "adunit", "ad-container", "ad-wrapper",
    "ad-wrap", "ad-box", "adbox", "ad-banner", "ad-placeholder", "ad-block", "advert",
    "advertisement", "advertising", "trc_related_container", "taboola", "outbrain", "ob-widget",
    "mgid", "teads", "ezoic-ad", "adthrive", "mv-ad-box", "amp-ad", "sponsored",
    "sponsored-content", "native-ad", "pub", "publicite", "werbung", "anzeige",
];

/// Words that, standing alone in a class or id, name an ad slot.
pub const AD_WORDS: &[&str] = &[
    "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "advertorial",
    "adsense", "adslot", "adunit", "adzone", "adbox", "adspot", "adsbygoogle", "dfp",
    "doubleclick", "taboola", "outbrain", "sponsored", "sponsoredcontent", "publicite", "werbung",
    "anzeige", "reklama",
];

/// Words whose presence makes an ad-word match doubtful (`ad` in `add-comment`
/// is not split that way, but `load more`, `head`, `lead`… never reach here as
/// they are whole words; these guard compound names such as `ad-free`).
pub const AD_NEGATIVE_WORDS: &[&str] =
    &["free", "blocker", "block-detect", "choices", "feedback-form"];

/// Comment sections.
pub const COMMENTS: &[&str] =
    &["comments", "commentlist", "commentform", "disqus", "respond", "replies"];

/// Share and follow bars.
pub const SOCIAL: &[&str] = &[
    "share", "sharing", "social", "sharedaddy", "addthis", "sharethis", "shariff", "addtoany",
    "sharebar", "socials", "follow",
];

/// Newsletter and sign-up boxes.
pub const NEWSLETTER: &[&str] =
    &["newsletter", "subscribe", "subscription", "signup", "mailchimp", "mc4wp", "optin"];

/// Cookie and consent boxes, blocked-embed placeholders.
pub const CONSENT: &[&str] =
    &["cookie", "cookies", "consent", "gdpr", "onetrust", "didomi", "cookiebar", "blocker"];

/// Related and recommended links (and shops' "recently viewed" carousels of
/// other products).
pub const RELATED: &[&str] = &[
    "related", "relatedposts", "recommended", "recommendations", "recommendation", "popular",
    "trending", "mostread", "yarpp", "readnext", "morestories", "recently", "recentlyviewed",
];

/// Menus, breadcrumbs, pagination.
pub const NAVIGATION: &[&str] =
    &["breadcrumb", "breadcrumbs", "navbar", "navigation", "menu", "pagination", "pager"];

/// Paywall and subscriber prompts.
pub const PAYWALL: &[&str] =
    &["paywall", "regwall", "premium", "piano", "metered", "subscriber", "subscribers"];

/// Meta lines: dates, tags, credits, tools, ratings.
pub const META: &[&str] = &[
    "meta", "postmeta", "date", "dateline", "timestamp", "published", "updated", "posted", "tags",
    "tag", "tagcloud", "categories", "category", "credit", "credits", "copyright", "print",
    "printfriendly", "toolbar", "tools", "actions", "utility", "rating", "ratings", "donate",
    "donation",
];

/// Meta words that name a credit: inside a caption, such a block goes even
/// beside the caption's text.
pub const CREDIT: &[&str] = &["credit", "credits", "copyright"];

/// An author box is named by one of these words together with one of
/// [`AUTHOR_BOX_PARTS`] (`author-bio`, `autor box`), or by one of [`BIO`].
pub const AUTHOR: &[&str] = &["author", "autor", "authors"];
pub const AUTHOR_BOX_PARTS: &[&str] =
    &["box", "bio", "info", "about", "details", "profile", "card", "description"];
pub const BIO: &[&str] = &["bio", "biography", "authorbox"];

/// Words that, in a block beside share buttons, name the byline or the date:
/// a header holding them next to its share buttons is no share bar.
pub const BYLINE_OR_DATE: &[&str] =
    &["author", "byline", "date", "dateline", "timestamp", "published"];

/// ARIA roles of menus and search boxes, removed as navigation.
pub const NAVIGATION_ROLES: &[&str] = &["navigation", "menu", "menubar", "search"];
/// ARIA roles of dialogs and side content, removed as page furniture.
pub const ASIDE_ROLES: &[&str] = &["dialog", "alertdialog", "complementary"];

/// Starts of the names of ad elements (AMP's `amp-ad`, `amp-ad-exit`, `amp-sticky-ad`).
pub const AD_ELEMENTS: &[&str] = &["amp-ad", "amp-sticky-ad"];

/// Attributes that only ad slots carry (ad servers' markup).
pub const AD_ATTRIBUTES: &[&str] = &[
    "data-ad-slot", "data-ad-client", "data-ad-unit", "data-adunit", "data-ad-unit-path",
    "data-google-query-id", "data-dfp", "data-ad-placement", "data-adslot",
];

/// Starts of the ids ad servers give their slots.
pub const AD_ID_PREFIXES: &[&str] = &["div-gpt-ad", "google_ads", "taboola-"];

/// Whole class words of the small share blocks that stay inside an article's
/// container after the prune stage (the clean stage removes them).
pub const SHARE_BLOCK: &[&str] = &["share", "sharedaddy"];

/// A form's class or action naming one of these is a comment form (prefix), a
/// search form (word or action), a subscription form (part of a word).
pub const COMMENT_FORM_PREFIX: &str = "comment";
pub const SEARCH_FORM: &str = "search";
pub const SUBSCRIPTION_FORM_PARTS: &[&str] = &["newsletter", "subscri"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_is_lower_case() {
        for list in [
            AD_CLASSES, AD_WORDS, AD_NEGATIVE_WORDS, COMMENTS, SOCIAL, NEWSLETTER, CONSENT,
            RELATED, NAVIGATION, PAYWALL, META, CREDIT, AUTHOR, AUTHOR_BOX_PARTS, BIO,
            BYLINE_OR_DATE, AD_ATTRIBUTES, AD_ID_PREFIXES, SHARE_BLOCK, NAVIGATION_ROLES,
            ASIDE_ROLES, AD_ELEMENTS,
        ] {
            assert!(list.iter().all(|w| w.to_lowercase() == *w && !w.is_empty()), "{list:?}");
        }
        assert!(CREDIT.iter().all(|w| META.contains(w)));
    }

    #[test]
    fn ad_classes_match_whole_or_with_a_suffix() {
        assert!(is_ad_class("adsbygoogle") && is_ad_class("ad-slot-top"));
        assert!(!is_ad_class("ad-slotted") && !is_ad_class("pubs"));
    }
}
