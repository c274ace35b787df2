//! Stage 2, metadata: takes the parsed document (before any pruning) and gives
//! the page's title, byline, site name, dates, language, direction, excerpt and lead image.

use markup5ever_rcdom::Handle;
use url::Url;

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
}

/// Reads the metadata of `doc`; URLs are made absolute against `base`.
pub fn extract(doc: &Handle, base: Option<&Url>) -> Metadata {
    let _ = (doc, base);
    Metadata::default()
}
