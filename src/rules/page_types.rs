//! What a page says about its own kind: the schema.org types (JSON-LD and
//! microdata `itemtype`, compared without their URL prefix), `og:type`
//! values, documentation generators and class words the page-type stage reads.
//! Measured on wceb-dev (499 pages labelled by type): the thread types are on
//! 38 of 51 real threads and on no other page; product types on 41 of 50
//! products, with 9 other pages (a service declaring its software a Product);
//! collection types on 9 of 35 collections. Its numbers are in
//! [`super::thresholds`].

/// schema.org types that make a page a thread: a forum posting, a Q&A page.
pub const THREAD_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage"];

/// `og:type` values of a thread.
pub const THREAD_OG_TYPES: &[&str] = &["forum"];

/// schema.org types of a Q&A page's question and answers (microdata items).
pub const QUESTION_TYPE: &str = "Question";
pub const ANSWER_TYPE: &str = "Answer";

/// `itemprop` value, and whole class words, of a Q&A page's accepted answer.
pub const ACCEPTED_PROP: &str = "acceptedanswer";
pub const ACCEPTED_WORDS: &[&str] = &["accepted", "acceptedanswer"];

/// schema.org types of a page that is an article: its comments are not the
/// page and the products it mentions do not make it a shop. (`og:type`
/// `article` is no evidence: forum and shop software print it too — on 28 of
/// the 274 non-article pages of wceb-dev.)
pub const ARTICLE_PAGE_TYPES: &[&str] = &[
    "Blog", "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "OpinionNewsArticle",
    "AnalysisNewsArticle", "LiveBlogPosting", "Report", "ScholarlyArticle",
];

/// schema.org types of one product.
pub const PRODUCT_TYPES: &[&str] = &["Product", "ProductGroup", "IndividualProduct", "Vehicle"];

/// `og:type` values of one product: these, or any ending in [`OG_ITEM_SUFFIX`]
/// (`og:type` `product.item`, a shop's `…:item`), except [`OG_PRODUCT_GROUP`].
pub const OG_PRODUCT_PREFIX: &str = "product";
pub const OG_ITEM_SUFFIX: &str = ":item";

/// schema.org types of a list of items (a roundup, a shop's category page).
pub const COLLECTION_TYPES: &[&str] = &["ItemList", "CollectionPage", "OfferCatalog"];

/// `og:type` of a shop's category page.
pub const OG_PRODUCT_GROUP: &str = "product.group";

/// schema.org types of documentation.
pub const DOCUMENTATION_TYPES: &[&str] = &["TechArticle", "APIReference"];

/// Generators (`<meta name=generator>`, lower case, matched as parts) that only
/// build documentation sites.
pub const DOCUMENTATION_GENERATORS: &[&str] = &[
    "sphinx", "docutils", "docusaurus", "mkdocs", "vitepress", "starlight", "gitbook", "mdbook",
    "docsify", "antora", "docfx", "doxygen", "rustdoc",
];

/// Whole class and id words of a documentation page's containers.
pub const DOCUMENTATION_WORDS: &[&str] = &["docs", "documentation", "doc", "docpage", "toctree"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_lower_case_and_types_are_schema_names() {
        for list in [DOCUMENTATION_GENERATORS, DOCUMENTATION_WORDS, ACCEPTED_WORDS, THREAD_OG_TYPES]
        {
            assert!(list.iter().all(|w| w.to_lowercase() == *w && !w.is_empty()), "{list:?}");
        }
        for list in
            [THREAD_TYPES, ARTICLE_PAGE_TYPES, PRODUCT_TYPES, COLLECTION_TYPES, DOCUMENTATION_TYPES]
        {
            assert!(list.iter().all(|t| t.starts_with(char::is_uppercase)), "{list:?}");
        }
    }
}
