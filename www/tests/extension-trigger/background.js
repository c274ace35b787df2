// Test only (added to a copy of the extension by firefox.mjs, never shipped): the stand-in
// for a click on the toolbar button. A test can't click Firefox's toolbar, and a shortcut
// sent over WebDriver BiDi reaches the page, not the browser; so the page asks (through
// content.js here) and the background runs the action's own code, toggleReaderInTab, on
// the asking tab. The copy has host access to 127.0.0.1, which stands in for the activeTab
// grant a real click gives.

/** @type {any} */
const api = globalThis.browser || globalThis.chrome;

api.runtime.onMessage.addListener((/** @type {unknown} */ msg, /** @type {{tab?: {id?: number}}} */ sender, /** @type {(r: unknown) => void} */ sendResponse) => {
  if (msg !== 'article-cleaner-test:toggle' || !sender.tab || sender.tab.id === undefined) return false;
  toggleReaderInTab(sender.tab.id).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e) }));
  return true;
});
