// @ts-check
// Benchmark baseline (dev-only, www/bench/open.mjs): the service worker of a minimal reader
// extension. On a toolbar click it injects Readability.js (copied next to this file at run time
// from www/node_modules/@mozilla/readability) and reader.js into the tab: what popular
// Readability-based reader extensions do.
const ext = /** @type {any} */ (globalThis).chrome;

ext.action.onClicked.addListener((/** @type {{id?: number}} */ tab) => {
  if (tab.id === undefined) return;
  ext.scripting
    .executeScript({ target: { tabId: tab.id }, files: ['Readability.js', 'reader.js'] })
    .catch((/** @type {unknown} */ e) => console.warn('reader view: cannot run on this page', e));
});
