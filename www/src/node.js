// The engine for Node 20+ (the npm package's `node` export condition): the only place
// that loads the wasm in Node. Node's fetch cannot read file: URLs, so a file: wasmUrl
// (the default one included) is read from disk, on the first call; `clean` is async as in
// the browser, so the same code runs in both. No DOM here: no cleanDocument.
import { readFile } from 'node:fs/promises';
import * as engine from './engine.js';

/** @typedef {import('../npm/types-common.js').Article} Article */
/** @typedef {import('../npm/types-common.js').CleanOptions} CleanOptions */
/** @typedef {import('../npm/types-common.js').InitOptions} InitOptions */
/** @typedef {import('../npm/types-common.js').InitResult} InitResult */
/** @typedef {import('../npm/types-common.js').WarmUpOptions} WarmUpOptions */

/** @type {Promise<InitResult> | null} */
let started = null;

/**
 * Loads the engine (the first clean() does it; calling it first is optional). Options as
 * in the browser; a file: URL is read from disk.
 * @param {InitOptions | string | URL} [options]
 * @returns {Promise<InitResult>}
 */
export function init(options) {
  started ??= engine.init(fromDisk(options)).catch((e) => {
    started = null;
    throw e;
  });
  return started;
}

/**
 * The init options with a file: URL replaced by the file's bytes (read asynchronously).
 * @param {InitOptions | string | URL} [options]
 * @returns {InitOptions}
 */
function fromDisk(options) {
  const opts = typeof options === 'string' || options instanceof URL ? { wasmUrl: options } : options || {};
  if (opts.wasmModule || opts.wasmBytes) return opts;
  const url = new URL(String(opts.wasmUrl || engine.WASM_URL), engine.WASM_URL);
  return url.protocol === 'file:' ? { wasmBytes: readFile(url) } : opts;
}

/**
 * Gets the engine ready for a fast first clean: loads it and cleans a small made-up page a
 * few times (see engine.js).
 * @param {WarmUpOptions} [options]
 * @returns {Promise<InitResult>}
 */
export async function warmUp(options) {
  const { runs, ...initOptions } = options || {};
  const info = await init(initOptions);
  await engine.warmUp({ runs });
  return info;
}

/**
 * Cleans an HTML string: `await clean(html, { url })` → the Article.
 * @param {string} html
 * @param {CleanOptions} [options]
 * @returns {Promise<Article>}
 */
export async function clean(html, options) {
  await init();
  return engine.clean(html, options);
}

/**
 * Whether an HTML string looks like an article.
 * @param {string} html
 * @returns {Promise<boolean>}
 */
export async function isProbablyReaderable(html) {
  await init();
  return engine.isProbablyReaderable(html);
}

/**
 * The engine's version.
 * @returns {Promise<string>}
 */
export async function version() {
  await init();
  return engine.version();
}
