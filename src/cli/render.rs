//! One page's result as the format asks: a JSON line, or the article as an
//! HTML page, plain text or Markdown.

use article_cleaner::{escape_html, Article};
use serde::Serialize;

use super::args::Format;

/// One line of `--format json`: the source, then every article field.
#[derive(Serialize)]
struct JsonLine<'a> {
    source: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

/// The output of one page.
pub fn render(article: &Article, format: Format, source: &str) -> Result<String, String> {
    let title = article.title.trim();
    let titled = |heading: String, body: &str| {
        let body = body.trim_end();
        match (title.is_empty(), body.is_empty()) {
            (true, _) => body.to_owned(),
            (false, true) => heading,
            (false, false) => format!("{heading}\n\n{body}"),
        }
    };
    Ok(match format {
        Format::Json => {
            serde_json::to_string(&JsonLine { source, article }).map_err(|e| e.to_string())?
        }
        Format::Text => titled(title.to_owned(), &article.text_content),
        Format::Markdown => titled(format!("# {title}"), &article.markdown),
        Format::Html => {
            let lang = article
                .lang
                .as_deref()
                .map(|l| format!(" lang=\"{}\"", escape_html(l)))
                .unwrap_or_default();
            let dir = article
                .dir
                .as_deref()
                .map(|d| format!(" dir=\"{}\"", escape_html(d)))
                .unwrap_or_default();
            let heading = if title.is_empty() {
                String::new()
            } else {
                format!("<h1>{}</h1>\n", escape_html(title))
            };
            format!(
                "<!DOCTYPE html>\n<html{lang}{dir}>\n<head>\n<meta charset=\"utf-8\">\n\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
                 <title>{}</title>\n</head>\n<body>\n<article>\n{heading}{}\n</article>\n</body>\n</html>",
                escape_html(title),
                article.content.trim_end()
            )
        }
    })
}
