// The engine: loads the wasm once and exposes clean / cleanDocument /
// isProbablyReaderable as async functions. Touches no DOM when imported, so it
// also runs in a worker or an extension's service worker.
import initGlue, * as glue from './pkg/article_cleaner.js';

let loading = null; // Promise of the loaded glue, once init was called
let loadMs = null;

const isNode = typeof process !== 'undefined' && Boolean(process.versions && process.versions.node);

/**
 * Loads the wasm (once; later calls return the same promise).
 *
 * @param {object|string|URL} [options] the wasm's URL, or
 *   `{wasmUrl}` (string or URL; default: pkg/article_cleaner_bg.wasm next to this file),
 *   `{wasmBytes}` (ArrayBuffer / typed array / Node Buffer), or
 *   `{wasmModule}` (a compiled WebAssembly.Module, e.g. from an extension's service worker).
 * @returns {Promise<{version: string, instantiateMs: number}>}
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

async function load(options) {
  const opts = typeof options === 'string' || options instanceof URL ? { wasmUrl: options } : options || {};
  const started = now();
  let source = opts.wasmModule || opts.wasmBytes || opts.wasmUrl;
  if (!source) source = new URL('./pkg/article_cleaner_bg.wasm', import.meta.url);
  if (isNode && (source instanceof URL || typeof source === 'string') && String(source).startsWith('file:')) {
    // Node's fetch cannot read file: URLs; read the bytes instead.
    const fsName = 'node:fs/promises';
    const { readFile } = await import(/* webpackIgnore: true */ fsName);
    source = await readFile(new URL(String(source)));
  }
  try {
    await initGlue({ module_or_path: source });
  } catch (e) {
    throw wrap(e, 'article-cleaner: could not load the WebAssembly engine');
  }
  loadMs = now() - started;
  return glue;
}

function now() {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function wrap(e, message) {
  const err = new Error(`${message}: ${e && e.message ? e.message : e}`);
  err.cause = e;
  return err;
}

/**
 * Calls into the wasm. A Rust panic aborts the wasm instance (wasm32 cannot
 * unwind): the glue then throws a WebAssembly.RuntimeError; the instance is
 * replaced by a fresh one and the caller gets a plain Error.
 */
async function call(name, argsList) {
  await init();
  try {
    return glue[name](...argsList);
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
 * @param {{url?: string}} [options] url: the page's address, to make links absolute
 * @returns {Promise<object>} the Article: {title, byline, dir, lang, content, textContent,
 *   markdown, length, excerpt, siteName, publishedTime, leadImage, readingTimeMinutes,
 *   removed: [{kind, reason, sample}], readerable}
 */
export function clean(html, options) {
  return call('clean', [html, options]);
}

/**
 * Cleans a live Document without changing it (reads its doctype and
 * documentElement.outerHTML; its URL makes links absolute unless options.url is given).
 * @param {Document} [doc] default: the current document
 * @param {{url?: string}} [options]
 * @returns {Promise<object>} the Article
 */
export function cleanDocument(doc, options) {
  if (doc === undefined && typeof document !== 'undefined') doc = document;
  return call('cleanDocument', [doc, options]);
}

/**
 * Whether a page (HTML string or Document) looks like an article.
 * @param {string|Document} htmlOrDocument
 * @returns {Promise<boolean>}
 */
export function isProbablyReaderable(htmlOrDocument) {
  return call('isProbablyReaderable', [htmlOrDocument]);
}

/** The engine's version (after init). */
export async function version() {
  await init();
  return glue.version();
}
