// Types for the type check only: what the tests put on the pages' and the extension
// background's globals.
interface Window {
  /** The shim (dist/article-cleaner.js), imported into a test page. */
  __ac: typeof import('../src/article-cleaner.js');
  /** Set by a hostile fixture's script if it ever runs. */
  __xss?: unknown;
  /** The npm test's bundled page: what openReader showed. */
  __opened?: Promise<string>;
  /** The read-aloud test's stand-in speechSynthesis: what it was asked, and its cue. */
  __speech?: { log: Record<string, unknown>[]; finish(): void };
}

/** The extension test: the messages the background received. */
declare var __sent: (Partial<CleanRequest> | undefined)[];
