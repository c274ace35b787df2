// article-cleaner extension: the content script (bundled with the reader view into one
// IIFE file by www/scripts/build-channels.mjs; injected by the background on each click).
// It serializes the page as the engine's cleanDocument does, sends it to the background,
// where the engine runs, and gives the view the promised Article. The first injection sets
// up the view and remembers a toggle function on the content script's (isolated) global;
// later injections in the same page only call it.
import { documentHtml, documentUrl } from '../src/document-html.js';
import { openReader, closeReader, isReaderOpen } from '../src/reader.js';

/** @typedef {import('../npm/types-common.js').Article} Article */
/** @typedef {import('../npm/types-common.js').CleanOptions} CleanOptions */
/** @typedef {import('../npm/index.js').ReaderStorage} ReaderStorage */
/** @typedef {import('../npm/index.js').ReaderEngine} ReaderEngine */

const KEY = '__articleCleanerExtension';
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/i;
const NOTICE_ID = 'article-cleaner-extension-notice';

// Firefox's `browser` namespace is promise-based everywhere; Chromium's `chrome` is in MV3.
const ext = globalThis.browser || globalThis.chrome;

/**
 * The reader settings in chrome.storage.local: they follow the user across sites.
 * @type {ReaderStorage}
 */
const storage = {
  get: (key) => ext.storage.local.get(key).then((o) => o[key]),
  set: (key, value) => ext.storage.local.set({ [key]: value }),
};

/**
 * The engine the view cleans the page again with ("Not the article?": inside a region chosen
 * by hand; Restore: the removed blocks with their HTML). It is the background's: the page is
 * serialized when cleanDocument is called (the view marks the region just for that call) and
 * sent as the first request is. Nothing to load here.
 * @type {ReaderEngine}
 */
const engine = {
  init: () => Promise.resolve({ version: '', instantiateMs: null, worker: false }),
  cleanDocument(doc, options = {}) {
    let html;
    try {
      html = documentHtml(doc);
    } catch (e) {
      return Promise.reject(e);
    }
    const url = typeof options.url === 'string' ? options.url : documentUrl(doc);
    return askEngine(html, url, { region: options.region, removedHtml: options.removedHtml });
  },
};

function toggle() {
  if (isReaderOpen()) {
    closeReader();
    return;
  }
  if (!HTML_TYPES.test(document.contentType || '') || !document.documentElement) {
    notice('Reader view needs an HTML article page.');
    return;
  }
  // The page is read now, before the view is added to it; the view shows the engine's
  // error, if any, in its "couldn't make a reader view" notice.
  openReader({ article: askEngine(documentHtml(document), documentUrl(document)), storage, engine });
}

/**
 * The background's Article for the page.
 * @param {string} html
 * @param {string | undefined} url
 * @param {Pick<CleanOptions, 'region' | 'removedHtml'>} [extra] inside a region; removals with their HTML
 * @returns {Promise<Article>}
 */
async function askEngine(html, url, extra = {}) {
  /** @type {CleanRequest} */
  const request = { type: 'article-cleaner:clean', html, url };
  if (typeof extra.region === 'string') request.region = extra.region;
  if (extra.removedHtml === true) request.removedHtml = true;
  let reply;
  try {
    reply = await ext.runtime.sendMessage(request).catch(() => undefined);
    if (!reply) {
      // No one answered: the engine's document isn't there (yet). The background makes sure
      // it is, and the request goes again.
      await ext.runtime.sendMessage({ type: 'article-cleaner:engine' });
      reply = await ext.runtime.sendMessage(request);
    }
  } catch (e) {
    throw new Error(`the extension's engine did not answer (${(e instanceof Error && e.message) || e})`);
  }
  if (reply && 'article' in reply && reply.article) return reply.article;
  throw new Error((reply && 'error' in reply && reply.error) || 'no answer from the engine');
}

/**
 * A small message box in the page, built with DOM APIs only, that goes away by itself.
 * @param {string} text
 */
function notice(text) {
  const old = document.getElementById(NOTICE_ID);
  if (old) old.remove();
  const box = document.createElement('div');
  box.id = NOTICE_ID;
  box.setAttribute('role', 'alert');
  box.textContent = text;
  box.style.cssText =
    'position:fixed;z-index:2147483647;top:12px;right:12px;max-width:24em;padding:12px 16px;' +
    'background:#fff;color:#222;border:1px solid #999;border-radius:8px;' +
    'font:15px/1.4 system-ui,sans-serif;box-shadow:0 2px 12px rgba(0,0,0,.25);cursor:pointer';
  box.addEventListener('click', () => box.remove());
  (document.body || document.documentElement).append(box);
  setTimeout(() => box.remove(), 6000);
}

if (typeof globalThis[KEY] === 'function') {
  globalThis[KEY]();
} else {
  globalThis[KEY] = toggle;
  toggle();
}
