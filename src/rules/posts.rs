//! The posts of a thread: what every forum engine prints around a message,
//! never an engine's names. Class and id words are matched whole, lower case,
//! after the names are split at separators and at camelCase humps
//! (`cPost_contentWrap` is `c post content wrap`, and the whole name
//! `cpostcontentwrap` too). Tuned on the forum pages of wceb-dev (Discourse,
//! Invision, phpBB, XenForo, vBulletin, Stack Exchange, Reddit, lobste.rs
//! layouts) and checked for no thread on the article corpora.

/// Class and id words of a poster's name or box.
pub const AUTHOR_WORDS: &[&str] = &[
    "author", "username", "user", "poster", "creator", "nick", "nickname", "member", "byline",
    "postprofile", "uname",
];

/// `itemprop` values (lower case) of a post's author.
pub const AUTHOR_PROPS: &[&str] = &["author", "creator"];

/// Class and id words of the poster's name inside the poster's box (which
/// often holds a title, a join date and a post count too).
pub const NAME_WORDS: &[&str] = &["username", "name", "nick", "nickname", "author"];

/// `itemprop` value of a name.
pub const NAME_PROP: &str = "name";

/// Parts of a link to a member's profile page (lower case).
pub const PROFILE_LINKS: &[&str] =
    &["/u/", "/user", "/member", "/profile", "/people/", "/~", "memberlist", "viewprofile"];

/// Class and id words of a post's date.
pub const DATE_WORDS: &[&str] =
    &["date", "time", "timestamp", "datetime", "posted", "postdate", "published", "ago"];

/// `itemprop` values (lower case) of a post's date.
pub const DATE_PROPS: &[&str] = &["datepublished", "datecreated"];

/// `itemprop` values (lower case) of a post's text (schema.org `Comment.text`,
/// `Answer.text`, `…Posting.articleBody`, `Review.reviewBody`).
pub const BODY_PROPS: &[&str] = &["text", "articlebody", "commenttext", "reviewbody"];

/// Parts of the class and id words of a post's body container (`postbody`,
/// `messageContent`, `cooked`).
pub const BODY_PARTS: &[&str] =
    &["body", "content", "text", "message", "msg", "entry", "prose", "cooked"];

/// Class and id words of the parts of a post that are not its body: the
/// poster's box, badges, header and footer lines, buttons and counters.
pub const NOT_BODY_WORDS: &[&str] = &[
    "signature", "sig", "footer", "header", "meta", "avatar", "badge", "badges", "actions",
    "controls", "toolbar", "buttons", "reactions", "likes", "vote", "votes", "voting", "score",
    "rating", "share", "report", "user", "userinfo", "usertitle", "author", "profile",
    "postprofile", "permalink", "tagline", "attribution",
];

/// Class and id words of blocks removed from a post's body: signatures,
/// counters, buttons and "click to expand" links.
pub const BODY_JUNK_WORDS: &[&str] = &[
    "signature", "sig", "reactions", "likes", "actions", "controls", "toolbar", "buttons", "vote",
    "votes", "voting", "report", "expand", "expandlink", "footer", "userbanner",
];

/// Tags and roles of a post's controls (upvote, reply, quote): their text is
/// a button's label, never the post's.
pub const BODY_JUNK_TAGS: &[&str] = &["button", "select", "form"];
pub const BODY_JUNK_ROLES: &[&str] = &["button", "toolbar", "menu"];

/// Elements whose text is never prose before a thread's first post (page
/// furniture and controls): an article above its comments has prose outside
/// them, a thread's heading does not.
pub const NOT_PROSE: &[&str] = &[
    "a", "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template",
    "select", "button",
];

/// The first two digits of a year a post's date may carry, and the years
/// (inclusive start, exclusive end) read as one.
pub const CENTURIES: &[&str] = &["19", "20"];
pub const YEARS: std::ops::Range<u32> = 1990..2040;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_is_lower_case() {
        for list in [
            AUTHOR_WORDS, AUTHOR_PROPS, NAME_WORDS, PROFILE_LINKS, DATE_WORDS, DATE_PROPS,
            BODY_PROPS, BODY_PARTS, NOT_BODY_WORDS, BODY_JUNK_WORDS, BODY_JUNK_TAGS,
            BODY_JUNK_ROLES, NOT_PROSE,
        ] {
            assert!(list.iter().all(|w| w.to_lowercase() == *w && !w.is_empty()), "{list:?}");
        }
    }
}
