//! Hosts: the players the reader keeps, the share endpoints whose links make a
//! share bar, the ad servers whose frames are ads.

/// Video and audio players whose embeds the reader keeps, by host (its
/// subdomains too), each with the path of its embeddable player page. The clean
/// stage keeps an `iframe`, `embed` or `object` with a URL on one of these hosts
/// (and a block holding one is never judged clutter); the sanitizer keeps an
/// `iframe` only from https, the host itself or `www.` and it, under that path.
/// `None`: a host of video files, never kept as an `iframe`.
pub const PLAYERS: &[(&str, Option<&str>)] = &[
    ("youtube.com", Some("/embed/")),
    ("youtube-nocookie.com", Some("/embed/")),
    ("youtu.be", None),
    ("player.vimeo.com", Some("/video/")),
    ("dailymotion.com", Some("/embed/")),
    ("player.twitch.tv", Some("/")),
    ("bilibili.com", None),
    ("player.bilibili.com", Some("/player.html")),
    ("v.qq.com", Some("/txp/iframe/")),
    ("archive.org", Some("/embed/")),
    ("upload.wikimedia.org", None),
    ("w.soundcloud.com", Some("/player")),
    ("open.spotify.com", Some("/embed")),
    ("platform.twitter.com", Some("/embed/")),
];

/// Share endpoints of social networks and messengers, as lower-case `host/path`
/// prefixes (`www.` and the scheme dropped): a link to one of them shares the page.
pub const SHARE_ENDPOINTS: &[&str] = &[
    "facebook.com/sharer",
    "facebook.com/share.php",
    "facebook.com/dialog/share",
    "facebook.com/dialog/feed",
    "m.facebook.com/sharer",
    "twitter.com/intent/tweet",
    "twitter.com/share",
    "twitter.com/home?status",
    "x.com/intent/tweet",
    "x.com/intent/post",
    "x.com/share",
    "plus.google.com/share",
    "linkedin.com/sharearticle",
    "linkedin.com/sharing/share-offsite",
    "linkedin.com/cws/share",
    "pinterest.com/pin/create",
    "pinterest.de/pin/create",
    "reddit.com/submit",
    "api.whatsapp.com/send",
    "web.whatsapp.com/send",
    "wa.me/?",
    "t.me/share",
    "telegram.me/share",
    "vk.com/share.php",
    "connect.ok.ru/offer",
    "xing.com/spi/shares",
    "xing.com/social/share",
    "xing.com/app/user?op=share",
    "tumblr.com/share",
    "tumblr.com/widgets/share",
    "getpocket.com/save",
    "getpocket.com/edit",
    "flipboard.com/bookmarklet",
    "buffer.com/add",
    "bufferapp.com/add",
    "news.ycombinator.com/submitlink",
    "social-plugins.line.me",
    "line.me/r/msg",
    "service.weibo.com/share",
    "threads.net/intent/post",
    "bsky.app/intent/compose",
    "mastodonshare.com",
    "addtoany.com/share",
    "addthis.com/bookmark",
];

/// Whether `href` shares the page on a social network, by mail or by a messenger.
pub fn is_share_url(href: &str) -> bool {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("whatsapp://send")
        || lower.starts_with("fb-messenger://share")
        || lower.starts_with("sms:?")
        || (lower.starts_with("mailto:") && (lower.contains("subject=") || lower.contains("body=")))
    {
        return true;
    }
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .or_else(|| lower.strip_prefix("//"));
    let Some(rest) = rest else { return false };
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    SHARE_ENDPOINTS.iter().any(|e| rest.starts_with(e))
}

/// Hosts whose iframes and scripts serve ads.
pub const AD_HOSTS: &[&str] = &[
    "doubleclick.net", "googlesyndication.com", "googleadservices.com", "amazon-adsystem.com",
    "adnxs.com", "taboola.com", "outbrain.com", "criteo.com", "criteo.net", "pubmatic.com",
    "rubiconproject.com", "smartadserver.com", "adform.net", "teads.tv", "mgid.com",
    "revcontent.com", "zergnet.com",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_endpoints_are_lower_case_and_matched_in_any_case() {
        assert!(SHARE_ENDPOINTS.iter().all(|e| e.to_ascii_lowercase() == *e));
        assert!(is_share_url("https://www.LinkedIn.com/shareArticle?url=x"));
        assert!(is_share_url("HTTPS://line.me/R/msg/text/?x"));
        assert!(!is_share_url("https://www.linkedin.com/in/someone"));
    }
}
