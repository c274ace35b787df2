// article-cleaner for the browser: the engine (wasm) and the reader view, wired together.
//
//   import { openReader, closeReader, toggleReader, clean, cleanDocument,
//            isProbablyReaderable, init } from './article-cleaner.js';
//
// Importing touches no DOM and loads no wasm: `init()` (called by the others on first use)
// starts the engine's worker, which loads pkg/article_cleaner_bg.wasm next to engine.js, once
// (engine-client.js; on the main thread where no worker can start). `warmUp()`, called when
// the page is idle, makes the first clean fast. The reader view cleans the page with this
// engine unless it is given an Article (or an engine) of its own.
import * as engine from './engine-client.js';
import * as reader from './reader.js';

/** @typedef {import('../npm/index.js').OpenReaderOptions} OpenReaderOptions */
/** @typedef {import('../npm/index.js').ReaderResult} ReaderResult */

export { init, clean, cleanDocument, isProbablyReaderable, version, warmUp } from './engine-client.js';
export {
  closeReader,
  isReaderOpen,
  localStorageStorage,
  summarizeRemoved,
  formatDate,
  formatMinutes,
  SETTINGS_KEY,
  TAG,
} from './reader.js';

/**
 * Opens the reader view over the current page (see reader.js); cleans it with this engine.
 * @param {OpenReaderOptions} [options]
 * @returns {Promise<ReaderResult>}
 */
export function openReader(options) {
  return reader.openReader({ engine, ...options });
}

/**
 * Opens the reader view if closed (→ its result), closes it if open (→ null).
 * @param {OpenReaderOptions} [options]
 * @returns {Promise<ReaderResult | null>}
 */
export function toggleReader(options) {
  return reader.toggleReader({ engine, ...options });
}
