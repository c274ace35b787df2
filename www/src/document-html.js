// A live Document as the HTML text the engine parses, the same for every channel: the
// engine's cleanDocument (npm package, bookmarklet, demo) and the extension's content
// script, whose engine runs in the extension's background. The doctype is kept: without
// it the engine would parse a standards-mode page in quirks mode (a <table> would then
// stay inside an open <p>, for one).
//
// Reads the document only, through pristine.js (markup such as <form name=documentElement>
// can't hide what it reads); touches no global, so it imports anywhere (a worker too).
import { baseURIOf, doctypeOf, documentElement, documentURL, nodeTypeOf } from './pristine.js';

/**
 * Whether `value` is a Document, also one from another window (an iframe's), for which
 * `instanceof Document` is false.
 * @param {unknown} value
 * @returns {value is Document}
 */
export function isDocument(value) {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return nodeTypeOf(value) === 9 && 'documentElement' in value; // not value.nodeType: <img name=nodeType>
  } catch {
    return false; // not a Node
  }
}

/**
 * The document as HTML text: its doctype, then `documentElement.outerHTML`. The document
 * is not changed.
 * @param {Document} doc
 * @returns {string}
 * @throws {Error} when the document has no root element
 */
export function documentHtml(doc) {
  const root = documentElement(doc);
  if (!root) throw new Error('the document has no root element');
  return doctypeHtml(doctypeOf(doc)) + root.outerHTML;
}

/**
 * `<!DOCTYPE name PUBLIC "…" "…">` and a line break, as the document declares it ('' without one).
 * @param {DocumentType | null} dt
 */
function doctypeHtml(dt) {
  if (!dt) return '';
  let html = `<!DOCTYPE ${dt.name}`;
  if (dt.publicId) {
    html += ` PUBLIC "${dt.publicId}"`;
    if (dt.systemId) html += ` "${dt.systemId}"`;
  } else if (dt.systemId) {
    html += ` SYSTEM "${dt.systemId}"`;
  }
  return `${html}>\n`;
}

/**
 * The address the document's links resolve against: `document.URL` when it is a web or
 * file URL, else `document.baseURI` (an about:blank or srcdoc frame has its parent's),
 * else undefined (links then stay as written).
 * @param {Document} doc
 * @returns {string | undefined}
 */
export function documentUrl(doc) {
  const web = (/** @type {string | null | undefined} */ u) => (u && /^(https?|file):/.test(u) ? u : undefined);
  return web(documentURL(doc)) || web(baseURIOf(doc));
}

/**
 * cleanDocument on top of a clean function: the document (default: the current one) is read
 * now, and its URL is `options.url` unless one is given. The same for the engine on this
 * thread (engine.js) and in a worker (engine-client.js).
 * @template T
 * @param {(html: string, options: any) => Promise<T>} clean
 * @param {unknown} doc
 * @param {unknown} options
 * @returns {Promise<T>} rejects with a TypeError when `doc` is not a Document, an Error when
 *   it can't be read
 */
export function cleanDocumentWith(clean, doc, options) {
  if (doc === undefined && typeof document !== 'undefined') doc = document;
  if (!isDocument(doc)) {
    const type = doc === null ? 'null' : Array.isArray(doc) ? 'array' : typeof doc;
    return Promise.reject(new TypeError(`cleanDocument(document): document must be a Document, got ${type}`));
  }
  let html;
  try {
    html = documentHtml(doc);
  } catch (e) {
    const err = new Error(`cleanDocument(document): ${e instanceof Error ? e.message : e}`);
    err.cause = e;
    return Promise.reject(err);
  }
  let opts = options;
  if (opts === undefined || opts === null) opts = { url: documentUrl(doc) };
  else if (typeof opts === 'object' && (/** @type {{url?: unknown}} */ (opts).url ?? null) === null) opts = { ...opts, url: documentUrl(doc) };
  return clean(html, opts);
}
