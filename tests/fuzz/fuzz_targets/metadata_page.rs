//! The page the `metadata` fuzz target builds from its input, shared with
//! `tests/fuzz_regressions.rs` (which runs it on every `cargo test`, so it is
//! compiled and exercised without nightly or cargo-fuzz).
//!
//! The input's bytes (lossy UTF-8) are cut at `\x1f` into fields, and the
//! fields are written into the places a page states its metadata in: `<meta>`
//! values (`og:image`, `twitter:image`, title, author, date), JSON-LD (as JSON
//! strings, and one script raw), microdata (`itemprop` on `<meta>`, `<img>`,
//! `<time>`), `<base href>`, `lang` and `dir`, and the page URL. Fields are
//! written raw into attributes, so they may break out of them. A missing or
//! empty field is a hostile or non-ASCII default (`/media/日本語.jpg`,
//! `http://日本語.jp/og.png`, `data:image/svg+xml,…`) for the fuzzer to mutate.

use article_cleaner::internals::{extract, parse_html, Url};

/// What a field is when the input leaves it empty.
pub const DEFAULTS: [&str; 12] = [
    "/media/日本語.jpg",
    "http://日本語.jp/og.png",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "data:image/png,\"><img src=x onerror=alert(1)>",
    "Ünïcödé — 标题 | Site",
    "Zoë Ōkubo",
    "2026-12-02T10:00:00+09:00",
    "https://例え.テスト/記事/",
    "ja",
    "rtl",
    "{\"@type\":\"NewsArticle\",\"image\":[{\"url\":\"//x/ä.png\"}]}",
    "javascript:alert(1)//",
];

/// The page, and the page URL a host would pass with it.
pub fn page(data: &[u8]) -> (String, String) {
    let input = String::from_utf8_lossy(data);
    let mut fields: Vec<&str> = input.split('\u{1f}').collect();
    fields.resize(fields.len().max(DEFAULTS.len()), "");
    for (f, d) in fields.iter_mut().zip(DEFAULTS) {
        if f.is_empty() {
            *f = d;
        }
    }
    let json = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let [img, img2, img3, img4, title, author, date, page_url, lang, dir, raw_ld, base] =
        std::array::from_fn(|i| fields[i]);
    let html = format!(
        r#"<!doctype html><html lang="{lang}" dir="{dir}"><head><base href="{base}">
<title>{title}</title>
<meta property="og:image" content="{img}"><meta name="twitter:image" content="{img2}">
<meta property="og:title" content="{title}"><meta name="author" content="{author}">
<meta property="article:published_time" content="{date}"><meta itemprop="image" content="{img3}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Article",
"headline":{jt},"image":{ji},"author":{{"@type":"Person","name":{ja}}},
"datePublished":{jd},"publisher":{{"name":{ja},"logo":{{"url":{ji4}}}}}}}</script>
<script type="application/ld+json">{raw_ld}</script></head>
<body><article itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">{title}</h1>
<img itemprop="image" src="{img4}" srcset="{img} 1x, {img2} 2x"><time itemprop="datePublished" datetime="{date}">{date}</time>
<p>{author} wrote this paragraph, long enough to be read as the article's text, with commas, and more words.</p>
<p><a href="{img3}">{title}</a></p></article></body></html>"#,
        jt = json(title),
        ji = json(img),
        ja = json(author),
        jd = json(date),
        ji4 = json(img4),
    );
    (html, page_url.to_string())
}

/// Runs the metadata stage and the whole pipeline on the page, with the fuzzed
/// page URL and a fixed non-ASCII one, and checks the lead image's URL policy.
/// Errors are fine; a panic, a hang or an out-of-memory is not.
pub fn run(data: &[u8]) {
    let (html, page_url) = page(data);
    for url in [page_url.as_str(), "http://日本語.jp/記事/1"] {
        let base = Url::parse(url).ok();
        let meta = extract(&parse_html(&html), base.as_ref());
        // Every URL of the result meets one policy: nothing in it ends an
        // attribute or opens a tag, and only http(s) and raster data.
        if let Some(lead) = &meta.lead_image {
            assert!(!lead.contains(['"', '\'', '<', '>', '`', ' ']), "lead image {lead:?}");
            let scheme = lead.split(':').next().unwrap_or_default().to_ascii_lowercase();
            assert!(["http", "https", "data"].contains(&scheme.as_str()), "{lead:?}");
            assert!(scheme != "data" || !lead.to_ascii_lowercase().contains("svg"), "{lead:?}");
        }
        let options = article_cleaner::Options { url: Some(url.into()), ..Default::default() };
        let _ = article_cleaner::clean(&html, &options);
    }
}
