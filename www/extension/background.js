// article-cleaner extension: background (Chromium: module service worker; Firefox: module
// background script of an event page). On a click of the action it injects the content
// script (content.js), which serializes the page (document-html.js, as cleanDocument does),
// asks the engine for the Article and draws the reader view.
//
// Where the engine runs, under the extension's CSP ('wasm-unsafe-eval', so on any page
// whatever the page's own CSP):
//   - Chromium: in an offscreen document (offscreen.html), which compiles the wasm once,
//     warms it up and outlives this worker (MV3 stops an idle worker after ~30 s, and a
//     worker keeps no compiled wasm across restarts: there is no code cache for
//     chrome-extension:// wasm). This worker only makes sure the document exists; the
//     content script's message goes to it directly.
//   - Firefox (no chrome.offscreen): here, in the event page, which is the long-lived
//     context Firefox gives (it stays while in use, and about 30 s after). The engine is
//     imported and compiled as soon as the page starts, while the content script is injected
//     and serializes the page (Firefox compiles a whole module at once, in its baseline tier:
//     no lazy first call as in V8); started by the browser's start or the install rather
//     than by a click, the page also warms the engine up (see warm-up.js).
const ext = globalThis.browser || globalThis.chrome;
const TITLE = 'Reader view (Alt+Shift+R)';
const MSG = 'article-cleaner:clean';
const ENGINE_MSG = 'article-cleaner:engine';
/** The offscreen API, or undefined (Firefox, older Chromium): feature-detected. */
const offscreen = globalThis.chrome && globalThis.chrome.offscreen;
const OFFSCREEN_URL = 'offscreen.html';

/** @type {Promise<void> | null} the check (and creation) under way, shared by its callers */
let pending = null;

/**
 * Makes sure the offscreen document that runs the engine exists (creates it on the first
 * start, or if Chrome closed it). Resolves once it can take messages.
 * @returns {Promise<void>}
 */
function ensureOffscreen() {
  if (!offscreen) return Promise.resolve();
  if (!pending) {
    pending = createOffscreen().finally(() => {
      pending = null;
    });
  }
  return pending;
}

async function createOffscreen() {
  if (!offscreen) return;
  const exists = ext.runtime.getContexts
    ? (await ext.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0
    : await offscreen.hasDocument();
  if (exists) return;
  try {
    await offscreen.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['DOM_PARSER'],
      justification:
        "Parses the page's HTML with the reader view's WebAssembly HTML parser, compiled once and kept " +
        'ready so that each click shows the article at once.',
    });
  } catch (e) {
    // "Only a single offscreen document may be created": another start of this worker made it
    if (!/single offscreen/i.test(String((e instanceof Error && e.message) || e))) throw e;
  }
}

/** @type {Promise<typeof import('./engine.js')> | null} Firefox: the engine, once imported */
let engine = null;

/** Firefox: imports the engine and compiles the wasm (once per background page). */
function loadEngine() {
  if (!engine) {
    engine = import('./engine.js').then(async (m) => {
      await m.init();
      return m;
    });
    engine.catch(() => {
      engine = null; // a later click tries again
    });
  }
  return engine;
}

/** Gets the engine ready, wherever it runs; errors are left to the clean request. */
function prepareEngine() {
  return (offscreen ? ensureOffscreen() : loadEngine()).catch((e) => console.warn('article-cleaner: engine not ready', e));
}

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
  // The engine gets ready meanwhile (Firefox: compiles; Chromium: the offscreen document is
  // checked, and created if missing: a request that finds no one there asks for it, below).
  prepareEngine();
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
  if (!msg || !sender.tab) return false;
  if (msg.type === ENGINE_MSG) {
    // a request of the content script found no engine: make sure it is there
    prepareEngine().then(() => sendResponse({ ok: true }));
    return true;
  }
  // Firefox: the engine runs here. (Chromium: the offscreen document answers; not ours.)
  if (offscreen || msg.type !== MSG) return false;
  const url = typeof msg.url === 'string' ? msg.url : undefined;
  loadEngine()
    .then((m) => m.clean(String(msg.html), { url }))
    .then(
      (article) => sendResponse({ article }),
      (/** @type {unknown} */ e) => sendResponse({ error: String((e instanceof Error && e.message) || e) }),
    );
  return true; // answered asynchronously
});

/** How many times the made-up page is cleaned when no click is waiting (as offscreen.js). */
const WARM_UP_RUNS = 5;

if (offscreen) {
  // Chromium: the offscreen document from the browser's start on, so that no click waits for
  // the wasm to compile (each start of this worker checks that it is still there).
  ext.runtime.onStartup.addListener(() => {
    prepareEngine();
  });
  ext.runtime.onInstalled.addListener(() => {
    prepareEngine();
  });
  prepareEngine();
} else {
  // Firefox: compiled from the event page's start on; warmed up when no click started it.
  const warm = () =>
    loadEngine()
      .then((m) => m.warmUp({ runs: WARM_UP_RUNS }))
      .catch((e) => console.warn('article-cleaner: warm-up failed', e));
  ext.runtime.onStartup.addListener(warm);
  ext.runtime.onInstalled.addListener(warm);
  prepareEngine();
}

globalThis.toggleReaderInTab = toggleReaderInTab;
