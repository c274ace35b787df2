//! Stage 2, metadata: takes the parsed document (before any pruning) and gives
//! the page's title, byline, site name, dates, language, direction, excerpt and lead image.
//!
//! Title, byline, excerpt, site name and publication time follow Readability.js
//! (`_getJSONLD`, `_getArticleMetadata`, `_getArticleTitle`) decision for decision,
//! so that a page gives the same strings as Firefox's reader view (one
//! exception: the JSON-LD `name`/`headline` choice compares Unicode words, see
//! [`crate::readability::text_similarity`]). Sources that
//! Readability ignores (JSON-LD it cannot read, `itemprop` metas, `<time>`,
//! `application-name`, `og:locale`…) are only used when Readability's own chain
//! finds nothing, and never where Readability would fall back to the page body.
//!
//! Everything is bounded: one explicit-stack walk of the tree collects the meta
//! tags, JSON-LD scripts, the `<title>` and the headings; JSON-LD is parsed with
//! `serde_json` and searched with depth- and size-capped functions.

mod js;
mod json_ld;
mod metas;
mod scan;
mod title;

use markup5ever_rcdom::Handle;

use crate::dom;
use crate::rules::metadata::{
    ARTICLE_AUTHOR_META, BYLINE_METAS, EXCERPT_METAS, GENERATOR_META, LEAD_IMAGE_METAS,
    LOCALE_EXTRA, OG_TYPE_META, PUBLISHED_EXTRA, PUBLISHED_METAS, SITE_NAME_METAS, TITLE_METAS,
};
use crate::weburl::Url;
use js::unescape_entities;
use json_ld::{lenient_json_ld, strict_json_ld};
use metas::{extra_values, readability_values};
use scan::scan;
use title::article_title;

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image: Option<String>,
    /// The schema.org types the page's JSON-LD declares for itself (top-level
    /// items, `@graph` members and `mainEntity`), without their URL prefix, once
    /// per item (a page of products lists `Product` many times).
    pub schema_types: Vec<String>,
    /// The page's `og:type`, lower-cased.
    pub og_type: Option<String>,
    /// The page's `<meta name=generator>`, lower-cased.
    pub generator: Option<String>,
}

/// Reads the metadata of `doc`; URLs are made absolute against `base`.
pub fn extract(doc: &Handle, base: Option<&Url>) -> Metadata {
    let page = scan(doc);
    let doc_title = page.doc_title();
    let article_title = || article_title(&doc_title, &page);

    // JSON-LD exactly as Readability reads it, then everything it ignores.
    let strict =
        page.json_ld.iter().find_map(|s| strict_json_ld(s, &article_title)).unwrap_or_default();
    let lenient = lenient_json_ld(&page.json_ld);
    let values = readability_values(&page.metas);
    let extra = extra_values(&page.metas);
    let v = |k: &str| values.get(k).map(String::as_str);
    let x = |k: &str| extra.get(k).map(String::as_str);

    // Title: JSON-LD, then the metas in Readability's order, then <title> cleaned.
    let title = first(strict.title.as_deref(), TITLE_METAS.iter().map(|k| v(k)))
        .map(str::to_string)
        .unwrap_or_else(article_title);
    // Where Readability finds no title at all, the page's first headline is one.
    let title = clean_text(&title)
        .or_else(|| lenient.title.as_deref().and_then(clean_text))
        .or_else(|| page.first_h1.as_ref().and_then(|h1| clean_text(&dom::inner_text(h1))));

    let article_author = v(ARTICLE_AUTHOR_META).filter(|a| Url::parse(a).is_err());
    let metas = BYLINE_METAS.iter().map(|k| v(k)).chain([article_author]);
    let byline = first(strict.byline.as_deref(), metas)
        .and_then(clean_text)
        .or_else(|| crate::readability::page_byline(doc).as_deref().and_then(clean_text));

    let excerpt =
        first(strict.excerpt.as_deref(), EXCERPT_METAS.iter().map(|k| v(k))).and_then(clean_text);

    let site_name = first(strict.site_name.as_deref(), SITE_NAME_METAS.iter().map(|k| v(k)))
        .and_then(clean_text)
        .or_else(|| lenient.site_name.as_deref().and_then(clean_text));

    let published_time =
        first(strict.date_published.as_deref(), PUBLISHED_METAS.iter().map(|k| v(k)))
            .and_then(clean_text)
            .or_else(|| lenient.date_published.as_deref().and_then(clean_text))
            .or_else(|| x(PUBLISHED_EXTRA).and_then(clean_text))
            .or_else(|| page.time_published.as_deref().and_then(clean_text));

    let lang = page
        .html_lang
        .as_deref()
        .and_then(clean_attr)
        .or_else(|| page.content_language.as_deref().and_then(first_language))
        .or_else(|| x(LOCALE_EXTRA).and_then(clean_attr).map(|l| l.replace('_', "-")))
        .or_else(|| lenient.lang.as_deref().and_then(clean_attr));

    let dir = [page.html_dir.as_deref(), page.body_dir.as_deref()]
        .into_iter()
        .flatten()
        .find_map(crate::readability::dir_value);

    let lead_image = LEAD_IMAGE_METAS
        .iter()
        .map(|k| x(k))
        .chain([lenient.image.as_deref()])
        .flatten()
        .find_map(|u| absolute_image_url(u, base));

    // For the page-type stage.
    let lower = |k: &str| x(k).and_then(clean_text).map(|t| t.to_lowercase());
    let (og_type, generator) = (lower(OG_TYPE_META), lower(GENERATOR_META));
    let schema_types = lenient.types;

    Metadata {
        title,
        byline,
        site_name,
        published_time,
        lang,
        dir,
        excerpt,
        lead_image,
        schema_types,
        og_type,
        generator,
    }
}

/// Readability's last steps on a value: entities decoded; then whitespace
/// collapsed; empty is `None`.
pub(super) fn clean_text(s: &str) -> Option<String> {
    let text = unescape_entities(s);
    let words: Vec<&str> = text.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" "))
}

pub(super) fn clean_attr(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// `Content-Language` may list several languages: the first one.
fn first_language(s: &str) -> Option<String> {
    s.split(',').next().and_then(clean_attr)
}

/// The first value that is present and not empty (JavaScript's `a || b || …`):
/// the JSON-LD's, then the metas' in order.
fn first<'a>(
    json_ld: Option<&'a str>,
    metas: impl IntoIterator<Item = Option<&'a str>>,
) -> Option<&'a str> {
    std::iter::once(json_ld).chain(metas).flatten().find(|s| !s.is_empty())
}

/// `url` made absolute against `base`, by the policy every URL of the result
/// meets ([`crate::sanitize::field_image_url`]).
fn absolute_image_url(url: &str, base: Option<&Url>) -> Option<String> {
    crate::sanitize::field_image_url(url, base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn meta(html: &str) -> Metadata {
        let base = Url::parse("http://fakehost/test/page.html").unwrap();
        extract(&parse_html(html), Some(&base))
    }

    fn title_of(title: &str, body: &str) -> Option<String> {
        meta(&format!("<html><head><title>{title}</title></head><body>{body}</body></html>")).title
    }

    #[test]
    fn title_loses_site_name_suffix_and_prefix() {
        assert_eq!(
            title_of("The quick brown fox jumps - Example Site", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        assert_eq!(
            title_of("The quick brown fox jumps | Site", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        assert_eq!(
            title_of("The quick brown fox jumps – My website", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        assert_eq!(
            title_of("The quick brown fox jumps — Site", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        // Only the last separator goes.
        assert_eq!(
            title_of("Alpha beta gamma - delta epsilon - Site", "").as_deref(),
            Some("Alpha beta gamma - delta epsilon")
        );
        // Too short before the separator: the first part goes instead.
        assert_eq!(
            title_of("Site | The quick brown fox jumps over", "").as_deref(),
            Some("The quick brown fox jumps over")
        );
        // A short result (≤ 4 words) without hierarchical separators keeps the original.
        assert_eq!(title_of("Short one here - Site", "").as_deref(), Some("Short one here - Site"));
        // Hierarchical separators: one word dropped is fine.
        assert_eq!(
            title_of("Home » News » Big fire downtown", "").as_deref(),
            Some("Home » News » Big fire downtown")
        );
    }

    #[test]
    fn title_with_colon() {
        // No heading repeats it: the part after the last colon, if long enough.
        assert_eq!(
            title_of("Site: The quick brown fox jumps", "").as_deref(),
            Some("The quick brown fox jumps")
        );
        // A heading equal to the whole title keeps the colon.
        assert_eq!(
            title_of(
                "Site: The quick brown fox jumps",
                "<h1> Site: The quick brown fox jumps </h1>"
            )
            .as_deref(),
            Some("Site: The quick brown fox jumps")
        );
        // Too many words before the colon: keep the original.
        assert_eq!(
            title_of("This is a long title with a colon: Hello there my friend", "").as_deref(),
            Some("This is a long title with a colon: Hello there my friend")
        );
    }

    #[test]
    fn short_or_long_title_uses_the_single_h1() {
        assert_eq!(
            title_of("Home", "<h1>A much better  headline for the article</h1>").as_deref(),
            Some("A much better headline for the article")
        );
        // Two h1: nothing to choose, keep the title.
        assert_eq!(
            title_of("Home", "<h1>One two three four five</h1><h1>Six</h1>").as_deref(),
            Some("Home")
        );
        // No <title> at all and no meta: nothing.
        assert_eq!(meta("<p>text</p>").title, None);
        // ... unless the page has a headline: Readability gives "" (a short h1 falls
        // back to the empty title); a reader view wants the headline.
        assert_eq!(meta("<h1>Short one</h1><p>text</p>").title.as_deref(), Some("Short one"));
    }

    #[test]
    fn meta_title_priority_and_space_separated_properties() {
        let m = meta(
            r#"<head><title>Doc title - Site</title>
            <meta property="x:title dc:title" content="Preferred title">
            <meta property="og:title twitter:title" content="A title">
            <meta property="dc:creator twitter:site_name" content="Creator Name">
            <meta name="author" content="Someone else">
            <meta property="og:description x:description" content="A description">
            <meta property="dc:description og:description" content="Preferred description">
            <meta name="description" content="Plain description">
            <meta property="og:site_name" content="The Site"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Preferred title"));
        assert_eq!(m.byline.as_deref(), Some("Creator Name"));
        assert_eq!(m.excerpt.as_deref(), Some("Preferred description"));
        assert_eq!(m.site_name.as_deref(), Some("The Site"));
    }

    #[test]
    fn meta_names_dots_and_parsely() {
        let m = meta(
            r#"<meta name="DC.title" content="Dublin title"><meta name="parsely-author" content="Jane Doe">
            <meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z"><meta name="twitter:description" content=" Tw  desc ">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Dublin title"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(m.published_time.as_deref(), Some("2024-04-20T04:20:00.000Z"));
        assert_eq!(m.excerpt.as_deref(), Some("Tw desc"));
    }

    #[test]
    fn article_author_only_when_not_a_url() {
        let m =
            meta(r#"<meta property="article:author" content="https://www.facebook.com/someone">"#);
        assert_eq!(m.byline, None);
        let m = meta(r#"<meta property="article:author" content="Jean Dupont">"#);
        assert_eq!(m.byline.as_deref(), Some("Jean Dupont"));
    }

    #[test]
    fn entities_escaped_twice_are_decoded() {
        let m = meta(
            r#"<meta property="og:description" content="&amp;#xg; &amp;#x1F62D; &amp;#128557; &amp;#xFFFFFFFF; &amp;#x0; &amp;quot;q&amp;quot;">"#,
        );
        assert_eq!(m.excerpt.as_deref(), Some("&#xg; 😭 😭 \u{fffd} \u{fffd} \"q\""));
    }

    #[test]
    fn json_ld_graph_wins_over_metas() {
        let m = meta(
            r#"<head><title>Headline of the story - Site</title>
            <meta property="og:title" content="OG title"><meta property="og:site_name" content="OG site">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","headline":"Headline of the story","description":"Desc",
               "author":[{"@type":"Person","name":" Ann "},{"name":"Bob"}],"datePublished":"2020-01-02T03:04:05Z",
               "publisher":{"@type":"Organization","name":"Publisher"},"image":{"url":"/img/a.jpg"}}]}
            </script></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Headline of the story"));
        assert_eq!(m.byline.as_deref(), Some("Ann, Bob"));
        assert_eq!(m.excerpt.as_deref(), Some("Desc"));
        assert_eq!(m.site_name.as_deref(), Some("Publisher"));
        assert_eq!(m.published_time.as_deref(), Some("2020-01-02T03:04:05Z"));
        assert_eq!(m.lead_image.as_deref(), Some("http://fakehost/img/a.jpg"));
    }

    #[test]
    fn json_ld_name_versus_headline_follows_the_document_title() {
        let page = |title: &str| {
            meta(&format!(
                r#"<title>{title}</title><script type="application/ld+json">
                {{"@context":"http://schema.org/","@type":"Article","name":"Site Name Daily","headline":"Rocket lands on the moon safely"}}
                </script>"#
            ))
        };
        assert_eq!(
            page("Rocket lands on the moon safely | Site").title.as_deref(),
            Some("Rocket lands on the moon safely")
        );
        assert_eq!(
            page("Something unrelated entirely here").title.as_deref(),
            Some("Site Name Daily")
        );
    }

    #[test]
    fn json_ld_top_level_array_cdata_and_context_object() {
        let m = meta(
            r#"<script type="application/ld+json"><![CDATA[[{"@type":"BreadcrumbList"},
            {"@context":{"@vocab":"https://schema.org/"},"@type":"BlogPosting","headline":"Array post","author":{"name":"Zed"}}]]]></script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Array post"));
        assert_eq!(m.byline.as_deref(), Some("Zed"));
    }

    #[test]
    fn json_ld_readability_skips_is_a_fallback_only() {
        // `@type` array and `@context` array: Readability ignores the script, so
        // metas come first; the JSON-LD still fills what they leave empty.
        let m = meta(
            r##"<meta property="og:title" content="Meta title">
            <script type="application/ld+json"><!-- {"@context":["https://schema.org",{}],"@type":["NewsArticle","Thing"],
             "headline":"JSON title","author":"Plain Author","publisher":{"@id":"#org"},"datePublished":"2021-05-06",
             "image":["https://cdn.example/i.png"],"inLanguage":"de-DE"} --></script>
            <script type="application/ld+json">{"@id":"#org","@type":"Organization","name":"Org Name"}</script>
            <script type="application/ld+json">{not json</script>"##,
        );
        assert_eq!(m.title.as_deref(), Some("Meta title"));
        assert_eq!(m.byline, None, "string authors are left to the page byline");
        assert_eq!(m.published_time.as_deref(), Some("2021-05-06"));
        assert_eq!(m.lead_image.as_deref(), Some("https://cdn.example/i.png"));
        assert_eq!(m.lang.as_deref(), Some("de-DE"));
        let m = meta(
            r#"<script type="application/ld+json">[{"@type":["Article"],"headline":"Only JSON"}]</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Only JSON"));
    }

    #[test]
    fn json_ld_site_name_from_reference() {
        let m = meta(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"https://s/#o","name":"Ref Org"},
              {"@type":"Article","headline":"H","publisher":{"@id":"https://s/#o"}}]}</script>"#,
        );
        assert_eq!(m.site_name.as_deref(), Some("Ref Org"));
    }

    #[test]
    fn lang_dir_and_locale() {
        let m = meta(r#"<html lang=" fr-FR " dir="RTL"><body><p>x"#);
        assert_eq!(m.lang.as_deref(), Some("fr-FR"));
        assert_eq!(m.dir.as_deref(), Some("rtl"));
        let m = meta(
            r#"<html><head><meta property="og:locale" content="fr_FR"></head><body dir="ltr">x"#,
        );
        assert_eq!(m.lang.as_deref(), Some("fr-FR"));
        assert_eq!(m.dir.as_deref(), Some("ltr"));
        let m = meta(
            r#"<meta http-equiv="Content-Language" content="en-GB, fr"><meta property="og:locale" content="fr_FR">"#,
        );
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(meta(r#"<html dir="sideways">x"#).dir, None);
    }

    #[test]
    fn published_time_fallbacks() {
        let m = meta(
            r#"<meta itemprop="datePublished" content="2019-01-01"><time pubdate datetime="2018-01-01">x</time>"#,
        );
        assert_eq!(m.published_time.as_deref(), Some("2019-01-01"));
        let m = meta(
            r#"<p><time itemprop="datePublished" datetime="2018-02-03T10:00:00+01:00">3 Feb</time>"#,
        );
        assert_eq!(m.published_time.as_deref(), Some("2018-02-03T10:00:00+01:00"));
    }

    #[test]
    fn lead_image_is_absolute_and_safe() {
        let m = meta(
            r#"<meta property="og:image" content="javascript:alert(1)"><meta name="twitter:image" content="//cdn.example/t.jpg">"#,
        );
        assert_eq!(m.lead_image.as_deref(), Some("http://cdn.example/t.jpg"));
        let m = meta(r#"<meta property="og:image" content="data:image/png;base64,AAAA">"#);
        assert_eq!(m.lead_image.as_deref(), Some("data:image/png;base64,AAAA"));
        let doc = parse_html(r#"<meta property="og:image" content="/rel.png">"#);
        assert_eq!(extract(&doc, None).lead_image, None);
    }

    #[test]
    fn lead_image_meets_the_policy_of_images_in_content() {
        let lead =
            |url: &str| meta(&format!("<meta property=og:image content='{url}'>")).lead_image;
        // Raster data only: no SVG (it can hold script), nothing else.
        assert_eq!(lead("data:image/svg+xml,<svg onload=alert(1)>"), None);
        assert_eq!(lead("data:text/html,<script>alert(1)</script>"), None);
        assert_eq!(lead("javascript:alert(1)//.png"), None);
        assert_eq!(lead("vbscript:x"), None);
        // Nothing left that ends an attribute or opens a tag when pasted raw.
        let data = lead(r#"data:image/png,"><img src=x onerror=alert(1)>"#).unwrap();
        assert_eq!(data, "data:image/png,%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E");
        let m = meta(r#"<meta property=og:image content="/a&quot;b'c&lt;d&gt;e`f g.png">"#);
        let http = m.lead_image.unwrap();
        assert!(!http.contains(['"', '\'', '<', '>', '`', ' ']), "{http}");
    }

    #[test]
    fn lead_image_urls_with_multibyte_characters_are_read_not_sliced() {
        // The 11th byte falls inside a character: reading the scheme must not split it.
        let m = meta(r#"<meta property="og:image" content="/media/日本語.jpg">"#);
        assert_eq!(
            m.lead_image.as_deref(),
            Some("http://fakehost/media/%E6%97%A5%E6%9C%AC%E8%AA%9E.jpg")
        );
        let m = meta(r#"<meta name="twitter:image" content="http://日本語.jp/og.png">"#);
        assert_eq!(m.lead_image.as_deref(), Some("http://xn--wgv71a119e.jp/og.png"));
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"Article","image":"/media/日本語.jpg"}</script>"#,
        );
        assert!(m
            .lead_image
            .is_some_and(|u| u.ends_with("/media/%E6%97%A5%E6%9C%AC%E8%AA%9E.jpg")));
    }

    #[test]
    fn site_name_ignores_application_name() {
        // Readability does not read it, and it often names an app, not the site.
        let m = meta(r#"<meta name="application-name" content="App">"#);
        assert_eq!(m.site_name, None);
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"WebSite","name":"Web Site"}</script>"#,
        );
        assert_eq!(m.site_name.as_deref(), Some("Web Site"));
    }

    #[test]
    fn many_metas_and_deep_json_stay_bounded() {
        let mut html = String::from("<head>");
        for i in 0..10_000 {
            html.push_str(&format!("<meta name=\"x{i}\" content=\"v\">"));
        }
        html.push_str("<script type=\"application/ld+json\">");
        html.push_str(&"[".repeat(120));
        html.push_str(&"]".repeat(120));
        html.push_str("</script></head><body>");
        html.push_str(&"<div>".repeat(5_000));
        let m = meta(&html);
        assert_eq!(m.title, None);
    }
}
