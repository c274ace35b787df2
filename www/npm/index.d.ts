// Types of the browser entry (bundlers: Vite, webpack, esbuild, …).
export * from './types-common.js';
import type { Article, CleanOptions, InitOptions, InitResult, Removal, WarmUpOptions } from './types-common.js';

/**
 * Loads the engine once (later calls return the same promise): in a Worker where the page lets
 * one start (else on the main thread). The other functions call it on first use.
 */
export function init(options?: InitOptions | string | URL): Promise<InitResult>;
/**
 * Gets the engine ready for a fast first clean: loads it and cleans a small made-up page a few
 * times (V8 compiles and optimizes wasm code on its first runs). Call it when the page is idle.
 */
export function warmUp(options?: WarmUpOptions): Promise<InitResult>;
/** Cleans an HTML string. Async: `const article = await clean(html, { url })`. */
export function clean(html: string, options?: CleanOptions): Promise<Article>;
/** Cleans a live Document without changing it (default: the current document). */
export function cleanDocument(doc?: Document, options?: CleanOptions): Promise<Article>;
/** Whether a page (HTML string or Document) looks like an article. */
export function isProbablyReaderable(htmlOrDocument: string | Document): Promise<boolean>;
/** The engine's version. */
export function version(): Promise<string>;

/** Where the reader view keeps its settings (font size, theme, …). */
export interface ReaderStorage {
  get(key: string): Promise<unknown> | unknown;
  set(key: string, value: unknown): Promise<void> | void;
}

/** What the reader view needs of an engine to clean the page itself (this package's engine by default). */
export interface ReaderEngine {
  init(options?: InitOptions): Promise<InitResult>;
  /** Reads the document when called, cleans it once `init` has loaded the engine. */
  cleanDocument(doc: Document, options?: CleanOptions): Promise<Article>;
}

export interface OpenReaderOptions {
  /**
   * An Article computed elsewhere (e.g. in a worker or an extension's service worker), or the
   * promise of one (the view shows "Preparing…" if it takes over 100 ms, and the error if it rejects): the
   * engine is not used, no wasm is loaded.
   */
  article?: Article | Promise<Article>;
  /**
   * The engine that cleans the page when no article is given (default: this package's). The
   * view also uses it to clean the page again: inside the region the reader chose ("Not the
   * article?") and for the HTML of removed blocks to restore. Without one, neither is offered.
   */
  engine?: ReaderEngine;
  /** Where the .wasm is (default: next to the module). */
  wasmUrl?: string | URL;
  /** The page URL to resolve links against (default: document.URL). */
  url?: string;
  /** Settings storage (default: localStorage). */
  storage?: ReaderStorage;
  /** Show the article even if the page does not look like one. */
  force?: boolean;
  /** What opened the view (a button), focused again when it closes (default: what had the focus). */
  opener?: Element;
}

/** Milliseconds spent opening the view: loading the engine, cleaning, rendering. */
export interface ReaderTimings {
  initMs?: number;
  instantiateMs?: number | null;
  cleanMs?: number;
  renderMs?: number;
}

export interface ReaderResult {
  article: Article | null;
  timings: ReaderTimings;
  shown: 'article' | 'not-article' | 'error' | 'closed';
  error?: unknown;
}

/**
 * Opens the reader view over the current page. Resolves once the view is complete: the article
 * is painted first, the toolbar, date and list of removals just after (`aria-busy` until then).
 */
export function openReader(options?: OpenReaderOptions): Promise<ReaderResult>;
/** Closes the reader view; false if it was not open. */
export function closeReader(): boolean;
/** Opens the reader view if closed (→ its result), closes it if open (→ null). */
export function toggleReader(options?: OpenReaderOptions): Promise<ReaderResult | null>;
/** Whether the reader view is open (or opening). */
export function isReaderOpen(): boolean;
/** The default settings storage (localStorage). */
export const localStorageStorage: ReaderStorage;
/** "Removed 3 ads, comments, …" */
export function summarizeRemoved(removed: Removal[]): string;
/** "7 January 2022" in the given language. */
export function formatDate(iso: string, lang?: string | null): string;
/** "5 min" in the given language. */
export function formatMinutes(n: number, lang?: string | null): string;
/** The storage key of the reader settings. */
export const SETTINGS_KEY: string;
/** The reader view's custom element name: "article-cleaner-reader". */
export const TAG: string;
