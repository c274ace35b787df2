/**
 * Why a block was removed (Rust: `RemovalKind`, src/report.rs; tests/types.test.mjs holds
 * this list to it).
 */
export type RemovalKind =
  /** An ad slot, ad-network markup or sponsored widget. */
  | 'ad'
  /** A block whose whole text is an ad label ("Publicité", "Advertisement", ...). */
  | 'ad-label'
  /** Recommended, related, popular or "read also" links. */
  | 'related'
  /** A comment section or comment form. */
  | 'comments'
  /** Share and follow bars. */
  | 'social'
  /** Newsletter and subscription boxes. */
  | 'newsletter'
  /** Menus, breadcrumbs, headers and footers of the site. */
  | 'navigation'
  /** Content the page hides from its readers. */
  | 'hidden'
  /** Cookie and consent banners. */
  | 'consent'
  /** Other page furniture: sidebars, widgets, forms, author boxes, pagination. */
  | 'boilerplate';

/** One block the engine removed from the page (Rust: `Removal`). */
export interface Removal {
  kind: RemovalKind;
  /** Why it was removed (a short human-readable reason). */
  reason: string;
  /** The start of its text, to recognise it. */
  sample: string;
  /** The block as sanitized HTML, to put it back (only with the `removedHtml` option). */
  html?: string | null;
  /**
   * The end of the text that came before the block in the page ("" when none did): where to
   * put it back (only with the `removedHtml` option).
   */
  after?: string | null;
}

/** @deprecated the old name of {@link Removal}. */
export type Removed = Removal;

/** The cleaned article (Rust: `Article`, src/lib.rs; tests/types.test.mjs holds these fields to it). */
export interface Article {
  title: string;
  byline: string | null;
  /** Text direction: "ltr" | "rtl" | null */
  dir: string | null;
  lang: string | null;
  /** The article's sanitized HTML. */
  content: string;
  textContent: string;
  markdown: string;
  /** Length of textContent, in characters. */
  length: number;
  excerpt: string | null;
  siteName: string | null;
  /** ISO 8601 date, when the page gives one. */
  publishedTime: string | null;
  /** Absolute URL of the lead image, if any. */
  leadImage: string | null;
  readingTimeMinutes: number;
  removed: Removal[];
  /** Whether the page looks like an article at all. */
  readerable: boolean;
}

export interface CleanOptions {
  /** The page's address: relative links and images are made absolute against it. */
  url?: string;
  /**
   * The part of the page that holds the article, when the automatic pick is wrong: a simple
   * selector, `tag#id.class[attr=value]` (e.g. `"#story"`, `"[data-ac-region]"`). The article
   * is that element's content, cleaned of clutter; the metadata still comes from the whole page.
   */
  region?: string;
  /** Give each removal the removed block as sanitized HTML and its place (`html`, `after`). */
  removedHtml?: boolean;
}

export interface InitOptions {
  /** Where the .wasm is (default: article_cleaner_bg.wasm next to the module). */
  wasmUrl?: string | URL;
  /** The .wasm's bytes (or the promise of them). */
  wasmBytes?: ArrayBuffer | ArrayBufferView | Promise<ArrayBuffer | ArrayBufferView>;
  /** An already compiled module. */
  wasmModule?: WebAssembly.Module;
}

export interface InitResult {
  version: string;
  instantiateMs: number | null;
}
