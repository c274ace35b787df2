// article-cleaner extension: background (Chromium: module service worker; Firefox: module
// background script). The wasm engine runs here, under the extension's CSP ('wasm-unsafe-eval'),
// so it works on any page, whatever the page's own CSP. The content script (content.js,
// injected on click via activeTab) sends the page's HTML (serialized by document-html.js,
// as cleanDocument does) and draws the reader view.
import { clean } from './engine.js';

// Firefox's `browser` namespace is promise-based everywhere; Chromium's `chrome` is in MV3.
const ext = globalThis.browser || globalThis.chrome;
const TITLE = 'Reader view (Alt+Shift+R)';
const MSG = 'article-cleaner:clean';

/**
 * Toggles the reader view in a tab (default: the active tab). Also called by the tests.
 * @param {ExtTab | number} [tabOrId]
 * @returns {Promise<{ok: boolean, error?: string}>}
 */
async function toggleReaderInTab(tabOrId) {
  let tabId = typeof tabOrId === 'number' ? tabOrId : tabOrId && tabOrId.id;
  if (tabId === undefined) {
    const [tab] = await ext.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab || tab.id === undefined) return { ok: false, error: 'no active tab' };
    tabId = tab.id;
  }
  try {
    await ext.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    await setState(tabId, '', TITLE);
    return { ok: true };
  } catch (e) {
    // chrome://, the web store, the PDF viewer, view-source:, other extensions… can't be scripted.
    await setState(
      tabId,
      '!',
      'Reader view is not available on this page: the browser does not let extensions read it ' +
        '(browser pages, the extension store, the PDF viewer). Open an HTML article page and try again.',
    );
    return { ok: false, error: String((e instanceof Error && e.message) || e) };
  }
}

/**
 * The action's badge and title in a tab.
 * @param {number} tabId
 * @param {string} badge
 * @param {string} title
 */
async function setState(tabId, badge, title) {
  try {
    await ext.action.setBadgeText({ tabId, text: badge });
    if (badge) await ext.action.setBadgeBackgroundColor({ tabId, color: '#8a5a00' });
    await ext.action.setTitle({ tabId, title });
  } catch {
    /* the tab closed meanwhile */
  }
}

// The toolbar button; the keyboard shortcut is the manifest's `_execute_action` command.
ext.action.onClicked.addListener((tab) => {
  toggleReaderInTab(tab);
});

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || msg.type !== MSG || !sender.tab) return false;
  clean(String(msg.html), { url: typeof msg.url === 'string' ? msg.url : undefined }).then(
    (article) => sendResponse({ article }),
    (/** @type {unknown} */ e) => sendResponse({ error: String((e instanceof Error && e.message) || e) }),
  );
  return true; // answered asynchronously
});

globalThis.toggleReaderInTab = toggleReaderInTab;
