// article-cleaner for the browser: the engine (wasm) and the reader view.
//
//   import { openReader, closeReader, toggleReader, clean, cleanDocument,
//            isProbablyReaderable, init } from './article-cleaner.js';
//
// Importing touches no DOM and loads no wasm: `init()` (called by the others on
// first use) loads pkg/article_cleaner_bg.wasm next to this file, once.
export { init, clean, cleanDocument, isProbablyReaderable, version } from './engine.js';
export {
  openReader,
  closeReader,
  toggleReader,
  isReaderOpen,
  localStorageStorage,
  summarizeRemoved,
  formatDate,
  formatMinutes,
  SETTINGS_KEY,
  TAG,
} from './reader.js';
