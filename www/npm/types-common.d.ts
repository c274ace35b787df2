/** One block the engine removed from the page. */
export interface Removed {
  /** e.g. "ad", "ad-label", "comments", "share", "related", "newsletter", "consent", "navigation", "hidden", "boilerplate" */
  kind: string;
  /** Why it was removed (a short human-readable reason). */
  reason: string;
  /** The start of its text, to recognise it. */
  sample: string;
}

/** The cleaned article. */
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
  removed: Removed[];
  /** Whether the page looks like an article at all. */
  readerable: boolean;
}

export interface CleanOptions {
  /** The page's address: relative links and images are made absolute against it. */
  url?: string;
}

export interface InitOptions {
  /** Where the .wasm is (default: article_cleaner_bg.wasm next to the module). */
  wasmUrl?: string | URL;
  /** The .wasm's bytes. */
  wasmBytes?: ArrayBuffer | ArrayBufferView;
  /** An already compiled module. */
  wasmModule?: WebAssembly.Module;
}

export interface InitResult {
  version: string;
  instantiateMs: number | null;
}
