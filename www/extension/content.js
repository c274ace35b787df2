// article-cleaner extension: the content script (bundled with the shim's reader view into
// one IIFE file by www/build-channels.mjs; injected by the background on each click).
// The first injection sets up the view and remembers a toggle function on the content
// script's (isolated) global; later injections in the same page only call it.
import { openReader, closeReader, isReaderOpen } from '../src/reader.js';
import { setEngineError } from './engine-stub.js';

const KEY = '__articleCleanerExtension';
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/i;
const NOTICE_ID = 'article-cleaner-extension-notice';

// Firefox's `browser` namespace is promise-based everywhere; Chromium's `chrome` is in MV3.
const ext = globalThis.browser || globalThis.chrome;

const storage = {
  get: (key) => ext.storage.local.get(key).then((o) => o[key]),
  set: (key, value) => ext.storage.local.set({ [key]: value }),
};

let busy = false;

async function toggle() {
  if (busy) return;
  if (isReaderOpen()) {
    closeReader();
    return;
  }
  if (!HTML_TYPES.test(document.contentType || '') || !document.documentElement) {
    notice('Reader view needs an HTML article page.');
    return;
  }
  busy = true;
  try {
    let reply;
    try {
      reply = await ext.runtime.sendMessage({
        type: 'article-cleaner:clean',
        html: document.documentElement.outerHTML,
        url: document.URL,
      });
    } catch (e) {
      reply = { error: `the extension's engine did not answer (${(e && e.message) || e})` };
    }
    if (reply && reply.article) {
      await openReader({ article: reply.article, storage });
    } else {
      // The view shows the engine's error in its "couldn't make a reader view" notice.
      setEngineError((reply && reply.error) || 'no answer from the engine');
      await openReader({ storage });
    }
  } finally {
    busy = false;
  }
}

/** A small message box in the page, built with DOM APIs only, that goes away by itself. */
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
