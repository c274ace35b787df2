// article-cleaner extension, Chromium: the offscreen document in which the engine runs
// (background.js creates it and makes sure it stays). It outlives the service worker, so the
// wasm is compiled once per browser session instead of at every worker start, and it is
// warmed up right away: V8 compiles wasm functions lazily, on their first call, so a first
// clean() of a small page here, before any click, makes the first real one run on compiled
// (and, after a few runs, optimized) code. The content script's request comes here directly.
import { clean, warmUp } from './engine.js';

const MSG = 'article-cleaner:clean';
/** How many times the warm-up page is cleaned: enough for V8 to tier the hot functions up. */
const WARM_UP_RUNS = 5;

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || msg.type !== MSG || !sender.tab) return false;
  const url = typeof msg.url === 'string' ? msg.url : undefined;
  clean(String(msg.html), { url }).then(
    (article) => sendResponse({ article }),
    (/** @type {unknown} */ e) => sendResponse({ error: String((e instanceof Error && e.message) || e) }),
  );
  return true; // answered asynchronously
});

warmUp({ runs: WARM_UP_RUNS }).catch((e) => console.warn('article-cleaner: warm-up failed', e));
