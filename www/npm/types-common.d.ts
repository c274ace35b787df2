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

/**
 * What kind of page was read (Rust: `PageType`, src/page_type.rs; tests/types.test.mjs
 * holds this list to it).
 */
export type PageType =
  /** A story, a post, an essay: one body of prose. */
  | 'article'
  /** A forum thread, a Q&A page, a discussion: the posts in order, each with its author and date. */
  | 'thread'
  /** Reference or guide pages of software or products. */
  | 'documentation'
  /** A list of items: a listicle, a roundup, a shop's category page. */
  | 'collection'
  /** One product: its description and specifications. */
  | 'product'
  /** Anything else. */
  | 'other';

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
  /**
   * Whether the page looks like an article at all (false too when no container passed the
   * thresholds and the page's main region stands in for the article).
   */
  readerable: boolean;
  /** What kind of page it is. */
  pageType: PageType;
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
  /**
   * Browser entry only: run the engine in a Worker, off the page's main thread (default: true,
   * where the page lets one start; otherwise, and with false, on the main thread). Only the
   * first call's choice counts.
   */
  worker?: boolean;
}

export interface InitResult {
  version: string;
  /** How long loading (fetching, compiling, instantiating) the wasm took, in ms. */
  instantiateMs: number | null;
  /** Browser entry: whether the engine runs in a Worker. */
  worker?: boolean;
}

/** warmUp's options: init's, and how many times the made-up page is cleaned (default 3). */
export interface WarmUpOptions extends InitOptions {
  runs?: number;
}
