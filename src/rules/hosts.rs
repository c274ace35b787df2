//! Hosts: the players the reader keeps.

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
