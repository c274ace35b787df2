// The engine: loads the wasm once and exposes clean / cleanDocument /
// isProbablyReaderable as async functions. Touches no DOM when imported, so it also runs
// in a worker or an extension's service worker. Only cleanDocument (and
// isProbablyReaderable given a Document) reads a document, through document-html.js; the
// wasm itself only ever sees strings.
import initGlue, * as glue from './pkg/article_cleaner.js';
import { cleanDocumentWith, documentHtml, isDocument } from './document-html.js';
import { WARM_UP_URL, warmUpPage } from './warm-up.js';

/** @typedef {import('../npm/types-common.js').Article} Article */
/** @typedef {import('../npm/types-common.js').CleanOptions} CleanOptions */
/** @typedef {import('../npm/types-common.js').InitOptions} InitOptions */
/** @typedef {import('../npm/types-common.js').InitResult} InitResult */
/** @typedef {import('../npm/types-common.js').WarmUpOptions} WarmUpOptions */

/** Where the .wasm is unless `init` is told otherwise: next to the glue. */
export const WASM_URL = new URL('./pkg/article_cleaner_bg.wasm', import.meta.url);

/** @type {Promise<void> | null} the loading or loaded wasm, once init was called */
let loading = null;
/** @type {number | null} */
let loadMs = null;

/**
 * Loads the wasm (once; later calls return the same promise). The other functions call it
 * on first use. (In Node, use node.js: it reads the .wasm from disk.)
 *
 * @param {InitOptions | string | URL} [options] the wasm's URL, or
 *   `{wasmUrl}` (string or URL; default: pkg/article_cleaner_bg.wasm next to this file),
 *   `{wasmBytes}` (ArrayBuffer / typed array / Node Buffer, or a promise of one), or
 *   `{wasmModule}` (a compiled WebAssembly.Module, e.g. from an extension's service worker).
 * @returns {Promise<InitResult>}
 */
export function init(options) {
  if (!loading) {
    loading = load(options).catch((e) => {
      loading = null; // let a later call try again
      throw e;
    });
  }
  return loading.then(() => ({ version: glue.version(), instantiateMs: loadMs }));
}

/** @param {InitOptions | string | URL | undefined} options */
async function load(options) {
  const opts = typeof options === 'string' || options instanceof URL ? { wasmUrl: options } : options || {};
  const started = now();
  const source = opts.wasmModule || opts.wasmBytes || opts.wasmUrl || WASM_URL;
  try {
    await initGlue({ module_or_path: /** @type {import('./pkg/article_cleaner.js').InitInput} */ (source) });
  } catch (e) {
    throw wrap(e, 'article-cleaner: could not load the WebAssembly engine');
  }
  loadMs = now() - started;
}

function now() {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * @param {unknown} e
 * @param {string} message
 */
function wrap(e, message) {
  const err = new Error(`${message}: ${e instanceof Error ? e.message : e}`);
  err.cause = e;
  return err;
}

/**
 * Calls into the wasm. A Rust panic aborts the wasm instance (wasm32 cannot unwind): the
 * glue then throws a WebAssembly.RuntimeError; the instance is replaced by a fresh one
 * and the caller gets a plain Error.
 * @template T
 * @param {string} name the export, for the error message
 * @param {() => T} f the call
 * @returns {Promise<T>}
 */
async function call(name, f) {
  await init();
  try {
    return f();
  } catch (e) {
    if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) {
      try {
        glue.__wbg_reset_state();
      } catch (resetError) {
        loading = null; // next call loads anew
        console.error('article-cleaner: could not reset the engine', resetError);
      }
      throw wrap(e, `article-cleaner: internal error in ${name} (the engine crashed and was restarted; see the console)`);
    }
    throw e;
  }
}

/**
 * Cleans an HTML string.
 * @param {string} html the page's HTML
 * @param {CleanOptions} [options] url: the page's address, to make links absolute
 * @returns {Promise<Article>}
 */
export function clean(html, options) {
  return call('clean', () => glue.clean(html, options));
}

/**
 * Cleans a live Document without changing it. The document is read when this is called
 * (its doctype and documentElement.outerHTML); its URL makes links absolute unless
 * options.url is given.
 * @param {Document} [doc] default: the current document
 * @param {CleanOptions} [options]
 * @returns {Promise<Article>}
 */
export function cleanDocument(doc, options) {
  return cleanDocumentWith((html, opts) => call('cleanDocument', () => glue.clean(html, opts)), doc, options);
}

/**
 * Whether a page (HTML string or Document) looks like an article.
 * @param {string | Document} htmlOrDocument
 * @returns {Promise<boolean>}
 */
export function isProbablyReaderable(htmlOrDocument) {
  /** @type {unknown} */
  let input = htmlOrDocument;
  if (isDocument(input)) input = input.documentElement ? documentHtml(input) : '';
  return call('isProbablyReaderable', () => glue.isProbablyReaderable(input));
}

/**
 * The engine's version.
 * @returns {Promise<string>}
 */
export async function version() {
  await init();
  return glue.version();
}

/**
 * Gets the engine ready for a fast first clean: loads the wasm (init) and cleans a small
 * made-up page `runs` times (default 3), one run per task. V8 compiles wasm functions on
 * their first call and optimizes the hot ones after a few runs; without this, the first real
 * clean() pays for that (tens to hundreds of ms). Call it when the page is idle, before the
 * reader's click.
 * @param {WarmUpOptions} [options] init's options, and `runs`
 * @returns {Promise<InitResult>}
 */
export async function warmUp(options) {
  const { runs = 3, ...initOptions } = options || {};
  const info = await init(initOptions);
  const html = warmUpPage();
  for (let i = 0; i < runs; i++) {
    await clean(html, { url: WARM_UP_URL });
    await new Promise((resolve) => setTimeout(resolve, 0)); // a real request may go first
  }
  return info;
}
