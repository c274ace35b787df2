// The reader view: an overlay in the open shadow root of <article-cleaner-reader>,
// appended to <html>. The page underneath stays in the DOM untouched: no page node is
// removed, moved or re-parsed, so typed form text, media state and scroll survive.
//
// The view does not load the engine itself: the caller gives it an Article (or the promise
// of one, e.g. from an extension's background) or an engine to clean the page with
// (article-cleaner.js passes engine.js). So the view bundles without the wasm.
import READER_CSS from './reader-css.js';
import * as dom from './pristine.js';
import { button, h, icon, addSheet } from './reader-dom.js';
import { pickLanguage, translator } from './reader-i18n.js';
import { REMOVALS_CSS, buildRemovalReport, findRemoval, placeBlock, summarizeRemoved } from './reader-removals.js';
import { PICKING_CSS, REGION_ATTR, chooseRegion } from './reader-picker.js';
import { BLOCKS_CSS, enableBlockRemoval } from './reader-blocks.js';
import { SPEECH_CSS, createSpeech, speechSupported } from './reader-speech.js';

export { summarizeRemoved };

/** @typedef {import('../npm/types-common.js').Article} Article */
/** @typedef {import('../npm/types-common.js').Removal} Removal */
/** @typedef {import('../npm/types-common.js').CleanOptions} CleanOptions */
/** @typedef {import('../npm/index.js').ReaderEngine} ReaderEngine */
/** @typedef {import('../npm/index.js').ReaderStorage} ReaderStorage */
/** @typedef {import('../npm/index.js').OpenReaderOptions} OpenReaderOptions */
/** @typedef {import('../npm/index.js').ReaderResult} ReaderResult */

export const TAG = 'article-cleaner-reader';
export const SETTINGS_KEY = 'article-cleaner:settings';
const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 27, 30, 34];
/**
 * The reader's settings, as stored.
 * @typedef {{theme: string | null, fontSize: number, font: string, width: string, lineHeight: string, align: string}} Settings
 */
/** @type {Readonly<Settings>} */
const DEFAULTS = Object.freeze({ theme: null, fontSize: 19, font: 'serif', width: 'medium', lineHeight: 'normal', align: 'start' });
const THEMES = ['light', 'sepia', 'dark', 'contrast'];
/** @type {Record<string, string>} */
const THEME_NAMES = { contrast: 'High-contrast' };
/** serif, sans-serif, and a dyslexia-friendly stack of fonts the system may have (none is downloaded) */
const FONTS = ['serif', 'sans', 'dyslexic'];
const WIDTHS = ['narrow', 'medium', 'wide'];
const LINE_HEIGHTS = ['compact', 'normal', 'loose'];
const ALIGNS = ['start', 'justify'];
/** The engine's `pageType`s the view styles (an unknown or missing one: as an article) */
const PAGE_TYPES = ['article', 'thread', 'documentation', 'collection', 'product', 'other'];
/** The settings menu's id: the content's ids all start with "ac-" (the engine's namespace). */
const MENU_ID = 'article-cleaner-settings';
const MIN_TEXT = 200; // fewer characters than this: "doesn't look like an article"
const RTL_LANGS = /^(ar|arc|ckb|dv|fa|ha|he|iw|khw|ks|ps|sd|ug|ur|yi)(-|$)/i;

/**
 * Settings storage: `{get(key) → Promise<value>, set(key, value) → Promise}`. Default: localStorage.
 * @type {ReaderStorage}
 */
export const localStorageStorage = Object.freeze({
  /** @param {string} key */
  async get(key) {
    try {
      const raw = globalThis.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : undefined;
    } catch {
      return undefined;
    }
  },
  /**
   * @param {string} key
   * @param {unknown} value
   */
  async set(key, value) {
    try {
      globalThis.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* storage full, disabled or sandboxed: settings just don't persist */
    }
  },
});

/** @type {ReaderView | null} the open view */
let view = null;
/** @type {Promise<ReaderResult> | null} while opening */
let opening = null;

/** Whether the reader view is open (or opening). */
export function isReaderOpen() {
  return Boolean(view || opening);
}

/**
 * Opens the reader view on the current page.
 *
 * @param {OpenReaderOptions} [options]
 *   article: an Article already computed, or the promise of one (e.g. from an extension's
 *     service worker; a rejection is shown as the error): the engine is not used then;
 *   engine: `{init, cleanDocument}` (engine.js) to clean the page with, when no article is given;
 *   wasmUrl: where the .wasm is (given to engine.init); url: the page URL to resolve links
 *   against (default: document.URL); storage: settings storage (default: localStorage);
 *   force: show the article even if the page doesn't look like one
 * @returns {Promise<ReaderResult>}
 */
export function openReader(options = {}) {
  if (opening) return opening;
  if (view) {
    view.focusRoot();
    return Promise.resolve(/** @type {ReaderResult} */ (view.result));
  }
  opening = doOpen(options).finally(() => {
    opening = null;
  });
  return opening;
}

/** Closes the reader view: removes only its element and styles; restores scroll and focus. */
export function closeReader() {
  if (!view) return false;
  view.close();
  return true;
}

/**
 * Opens the reader view if closed, closes it if open.
 * @param {OpenReaderOptions} [options]
 * @returns {Promise<ReaderResult | null>}
 */
export async function toggleReader(options) {
  if (opening) {
    await opening.catch(() => {});
  }
  if (view) {
    closeReader();
    return null;
  }
  return openReader(options);
}

/**
 * How long the view waits for the article before it shows a "Preparing…" frame: an article
 * at hand (or coming within this time) is painted in one pass, with no frame before it.
 */
const LOADING_DELAY_MS = 100;

/**
 * @param {OpenReaderOptions} options
 * @returns {Promise<ReaderResult>}
 */
async function doOpen(options) {
  const doc = document;
  const storage = options.storage || localStorageStorage;
  /** @type {ReaderResult['timings']} */
  const timings = {};
  // The page is read before the view is added to it; the settings are read meanwhile.
  const pending = options.article ? Promise.resolve(options.article) : cleanPage(options, doc, timings);
  const v = new ReaderView(doc, storage, options);
  view = v;
  const settingsLoaded = v.loadSettings();
  const slow = setTimeout(() => {
    if (view === v && !v.mounted) v.showLoading();
  }, LOADING_DELAY_MS);
  /** @type {Article | null} */
  let article = null;
  /** @type {unknown} */
  let error = null;
  try {
    article = await pending;
  } catch (e) {
    error = e;
  }
  await settingsLoaded;
  clearTimeout(slow);
  if (view !== v) {
    // closed while loading
    return { article, timings, shown: 'closed' };
  }
  const t2 = performance.now();
  /** @type {ReaderResult['shown']} */
  let shown;
  if (error) {
    v.showError(error);
    shown = 'error';
  } else if (!article || (!options.force && !looksLikeArticle(article))) {
    v.showNotArticle(article);
    shown = 'not-article';
  } else {
    v.showArticle(article);
    shown = 'article';
  }
  timings.renderMs = performance.now() - t2;
  const result = { article, timings, shown, error };
  v.result = result;
  // The toolbar, the dates, the list of removals, the page-level style and the focus come
  // after the first paint of the article; the promise resolves once they are there.
  await v.completed;
  return result;
}

/**
 * Cleans the page with `options.engine`. The document is serialized now (engine.cleanDocument
 * reads it when called); the wasm loads meanwhile if it has to.
 * @param {OpenReaderOptions} options
 * @param {Document} doc
 * @param {ReaderResult['timings']} timings filled in: initMs, instantiateMs, cleanMs
 * @returns {Promise<Article>}
 */
function cleanPage(options, doc, timings) {
  const engine = options.engine;
  if (!engine) return Promise.reject(new Error('openReader: give it an article or an engine'));
  const t0 = performance.now();
  const loaded = engine.init(options.wasmUrl ? { wasmUrl: options.wasmUrl } : undefined);
  const cleaned = engine.cleanDocument(doc, options.url ? { url: options.url } : undefined);
  cleaned.catch(() => {}); // awaited below, unless the load fails first
  return loaded.then(async (info) => {
    const t1 = performance.now();
    timings.initMs = t1 - t0;
    timings.instantiateMs = info.instantiateMs;
    const article = await cleaned;
    timings.cleanMs = performance.now() - t1;
    return article;
  });
}

/** @param {Article | null} article */
function looksLikeArticle(article) {
  if (!article || article.readerable === false) return false;
  const text = (article.textContent || '').trim();
  return text.length >= MIN_TEXT;
}

// ---------------------------------------------------------------- the view

class ReaderView {
  // Set by mount():
  /** @type {HTMLElement} the <article-cleaner-reader> element */
  host;
  /** @type {ShadowRoot} */
  shadow;
  /** @type {HTMLElement} */
  rootEl;
  /** @type {HTMLElement} */
  toolbar;
  /** @type {HTMLElement} */
  page;
  /** @type {HTMLElement} */
  status;
  /** @type {{remove(): void}} */
  pageStyle;
  /** @type {HTMLElement} the settings (the menu's panel on narrow screens); set by fillToolbar() */
  settingsPanel;

  /**
   * @param {Document} doc
   * @param {ReaderStorage} storage
   * @param {OpenReaderOptions} [options] how it was opened: its engine cleans the page again
   *   (a region chosen by hand, removed blocks with their HTML)
   */
  constructor(doc, storage, options = {}) {
    this.doc = doc;
    this.options = options;
    /** @type {ReaderEngine | null} */
    this.engine = options.engine || null;
    /** @type {Element | null} the region of the page chosen by hand ("Not the article?") */
    this.region = null;
    /** @type {{done: Promise<Element | null>, cancel(): void} | null} while choosing it */
    this.picking = null;
    /** @type {Promise<Removal[]> | null} the removals with their HTML, once asked for */
    this.removedHtml = null;
    /** @type {Set<number>} the removals put back (indexes in article.removed) */
    this.restored = new Set();
    /** @type {{undo(): boolean, destroy(): void} | null} removing blocks by hand, in the shown article */
    this.blocks = null;
    /** @type {{element: HTMLElement, stop(): void} | null} reading the shown article aloud */
    this.speech = null;
    this.win = dom.defaultView(doc) || window;
    this.storage = storage;
    /** the reader's language (the browser's) and its words */
    this.tr = translator(pickLanguage());
    /** @type {Settings} */
    this.settings = { ...DEFAULTS };
    this.scroll = { x: this.win.scrollX, y: this.win.scrollY };
    this.previousFocus = options.opener || deepActiveElement(doc);
    /** @type {Article | null} */
    this.article = null;
    /** @type {ReaderResult | null} */
    this.result = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.statusTimer = undefined;
    /** @type {{restore(): void} | null} the page's viewport meta, while the view changes it */
    this.viewport = null;
    /** @type {(() => void) | null} stops following the visual viewport */
    this.unfollow = null;
    /** @type {HTMLElement | null} the settings menu's button (narrow screens) */
    this.menuButton = null;
    /** @type {HTMLElement | null} the article's content, once shown */
    this.content = null;
    /** whether the view's element is in the page */
    this.mounted = false;
    /** whether the toolbar, page style and listeners are there (after the first paint) */
    this.finished = false;
    /** @type {Promise<void>} the current content complete: its deferred parts added after the first paint */
    this.completed = Promise.resolve();
    this.onKeyDown = this.onKeyDown.bind(this);
    this.onFocusIn = this.onFocusIn.bind(this);
    this.onColorScheme = this.onColorScheme.bind(this);
    this.darkQuery = this.win.matchMedia ? this.win.matchMedia('(prefers-color-scheme: dark)') : null;
  }

  async loadSettings() {
    try {
      const saved = await this.storage.get(SETTINGS_KEY);
      if (saved && typeof saved === 'object') this.settings = normalizeSettings({ ...DEFAULTS, ...saved });
    } catch {
      /* keep the defaults */
    }
    if (this.mounted) this.applySettings();
  }

  saveSettings() {
    try {
      Promise.resolve(this.storage.set(SETTINGS_KEY, { ...this.settings })).catch(() => {});
    } catch {
      /* ignore */
    }
  }

  // --- mounting and unmounting

  /**
   * Adds the view to the page, with the settings applied and whatever `page` holds, in one
   * insertion: no focus, no forced layout, no page-level style yet (finish() adds them after
   * the first paint).
   */
  mount() {
    if (this.mounted) return;
    this.mounted = true;
    const doc = this.doc;
    const host = dom.createElement(doc, TAG);
    this.host = host;
    const shadow = host.attachShadow({ mode: 'open' });
    this.shadow = shadow;
    adoptStyles(shadow, doc);
    const root = this.root();
    shadow.append(root);
    this.applySettings();

    // Keys typed in the view must not reach the page's shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) {
      host.addEventListener(type, (e) => e.stopPropagation());
    }
    root.addEventListener('click', (e) => this.onClick(e));
    this.viewport = fitViewport(doc, this.win);
    /** @type {HTMLElement} */ (dom.documentElement(doc)).appendChild(host);
    dom.listen(this.win, 'keydown', this.onKeyDown, true);
    if (this.darkQuery && this.darkQuery.addEventListener) this.darkQuery.addEventListener('change', this.onColorScheme);
  }

  /** The dialog element, its (empty) toolbar, page and status line; made once. */
  root() {
    if (this.rootEl) return this.rootEl;
    const doc = this.doc;
    const { t } = this.tr;
    this.rootEl = h(doc, 'div', {
      class: 'ac-root',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-label': t('Reader view'),
      tabindex: '-1',
      dir: 'ltr',
      lang: this.tr.lang,
    });
    // filled after the first paint (its height is kept by the style sheet meanwhile)
    this.toolbar = h(doc, 'div', { class: 'ac-toolbar', role: 'toolbar', 'aria-label': t('Reader view') });
    this.page = h(doc, 'main', { class: 'ac-page' });
    this.status = h(doc, 'div', { class: 'ac-status', role: 'status', 'aria-live': 'polite' });
    this.rootEl.append(this.toolbar, this.page, this.status);
    return this.rootEl;
  }

  /**
   * Shows `content` in the page (mounting the view if needed), then, after the next paint,
   * the view's own deferred parts (once) and `later` (the content's).
   * @param {Node} content
   * @param {() => void} later
   */
  present(content, later) {
    const root = this.root();
    this.clearPage();
    this.page.append(content);
    // assistive technologies wait for the deferred parts; so can scripts (and tests)
    root.setAttribute('aria-busy', 'true');
    this.mount();
    const token = {};
    this.presenting = token;
    this.completed = afterPaint(this.win).then(() => {
      if (view !== this || this.presenting !== token) return;
      this.finish();
      later();
      root.removeAttribute('aria-busy');
    });
  }

  /** After the first paint: the toolbar, the page-level style (no page scrolling, print) and the focus trap. */
  finish() {
    if (this.finished) return;
    this.finished = true;
    this.fillToolbar();
    this.applySettings();
    this.pageStyle = addPageStyle(this.doc);
    dom.listen(this.doc, 'focusin', this.onFocusIn, true);
    if (this.viewport) this.followVisualViewport();
  }

  /**
   * After the viewport was fitted (fitViewport): if the page is still zoomed out, or the view
   * still wider than the screen, the view covers the visual viewport itself, zoomed back to
   * the device's scale, and follows it as it moves.
   */
  followVisualViewport() {
    const vv = this.win.visualViewport;
    if (!vv) return;
    const host = this.host;
    const follow = () => {
      const zoom = vv.scale < 1 ? 1 / vv.scale : 1;
      host.style.setProperty('--ac-inset', `${vv.offsetTop}px auto auto ${vv.offsetLeft}px`);
      host.style.setProperty('--ac-width', `${vv.width}px`);
      host.style.setProperty('--ac-height', `${vv.height}px`);
      host.style.setProperty('--ac-max-width', 'none');
      this.rootEl.style.setProperty('zoom', String(zoom));
    };
    const wide = host.getBoundingClientRect().width > vv.width + 1;
    if (vv.scale > 0.99 && !wide) return;
    follow();
    dom.listen(vv, 'resize', follow);
    dom.listen(vv, 'scroll', follow);
    this.unfollow = () => {
      dom.unlisten(vv, 'resize', follow);
      dom.unlisten(vv, 'scroll', follow);
    };
  }

  close() {
    const doc = this.doc;
    if (view === this) view = null;
    if (this.picking) this.picking.cancel();
    if (this.speech) this.speech.stop();
    if (!this.mounted) return;
    if (this.unfollow) this.unfollow();
    dom.unlisten(this.win, 'keydown', this.onKeyDown, true);
    dom.unlisten(doc, 'focusin', this.onFocusIn, true);
    if (this.darkQuery && this.darkQuery.removeEventListener) {
      this.darkQuery.removeEventListener('change', this.onColorScheme);
    }
    clearTimeout(this.statusTimer);
    this.host.remove();
    if (this.pageStyle) this.pageStyle.remove();
    if (this.viewport) this.viewport.restore();
    // Back to where the reader was when the view opened.
    try {
      this.win.scrollTo({ left: this.scroll.x, top: this.scroll.y, behavior: 'instant' });
    } catch {
      this.win.scrollTo(this.scroll.x, this.scroll.y);
    }
    const prev = /** @type {HTMLElement | null} */ (this.previousFocus);
    if (prev && prev !== dom.bodyOf(doc)) dom.focus(prev);
  }

  focusRoot() {
    try {
      this.rootEl.focus({ preventScroll: true });
    } catch {
      /* ignore */
    }
  }

  // --- toolbar

  fillToolbar() {
    const doc = this.doc;
    const { t } = this.tr;
    const bar = this.toolbar;
    const close = button(doc, { class: 'ac-close', 'aria-label': t('Close reader view (Escape)'), title: t('Close (Esc)'), 'data-action': 'close' }, [
      icon(doc, 'M6 6l12 12M18 6L6 18'),
      h(doc, 'span', { class: 'ac-label' }, [t('Close')]),
    ]);
    const tools = h(doc, 'div', { class: 'ac-tools' });

    const themes = h(doc, 'div', { class: 'ac-group ac-group-themes', role: 'group', 'aria-label': t('Theme') });
    for (const theme of THEMES) {
      themes.append(
        button(doc, { 'aria-label': t(`${THEME_NAMES[theme] || cap(theme)} theme`), title: t(`${THEME_NAMES[theme] || cap(theme)} theme`), 'data-action': 'theme', 'data-value': theme, 'aria-pressed': 'false' }, [
          h(doc, 'span', { class: 'ac-swatch', 'data-for': theme }),
        ]),
      );
    }
    const size = h(doc, 'div', { class: 'ac-group ac-group-size', role: 'group', 'aria-label': t('Text size') }, [
      button(doc, { 'aria-label': t('Smaller text'), title: t('Smaller text'), 'data-action': 'size', 'data-value': '-1' }, [
        h(doc, 'span', { class: 'ac-size-small' }, ['A']),
        h(doc, 'span', { 'aria-hidden': 'true' }, ['−']),
      ]),
      button(doc, { 'aria-label': t('Larger text'), title: t('Larger text'), 'data-action': 'size', 'data-value': '1' }, [
        h(doc, 'span', { class: 'ac-size-large' }, ['A']),
        h(doc, 'span', { 'aria-hidden': 'true' }, ['+']),
      ]),
    ]);
    const fonts = h(doc, 'div', { class: 'ac-group ac-group-font', role: 'group', 'aria-label': t('Font') }, [
      button(doc, { 'aria-label': t('Serif font'), title: t('Serif'), 'data-action': 'font', 'data-value': 'serif', 'aria-pressed': 'false' }, [
        h(doc, 'span', { class: 'ac-font-serif' }, ['Aa']),
      ]),
      button(doc, { 'aria-label': t('Sans-serif font'), title: t('Sans-serif'), 'data-action': 'font', 'data-value': 'sans', 'aria-pressed': 'false' }, [
        h(doc, 'span', { class: 'ac-font-sans' }, ['Aa']),
      ]),
      button(doc, { 'aria-label': t('Dyslexia-friendly font'), title: t('Dyslexia-friendly'), 'data-action': 'font', 'data-value': 'dyslexic', 'aria-pressed': 'false' }, [
        h(doc, 'span', { class: 'ac-font-dyslexic' }, ['Aa']),
      ]),
    ]);
    const widths = h(doc, 'div', { class: 'ac-group ac-group-width', role: 'group', 'aria-label': t('Line width') });
    /** @type {Record<string, string>} */
    const widthIcons = { narrow: 'M9 7h6M9 12h6M9 17h6', medium: 'M7 7h10M7 12h10M7 17h10', wide: 'M4 7h16M4 12h16M4 17h16' };
    for (const w of WIDTHS) {
      widths.append(
        button(doc, { 'aria-label': t(`${cap(w)} lines`), title: t(`${cap(w)} lines`), 'data-action': 'width', 'data-value': w, 'aria-pressed': 'false' }, [
          icon(doc, widthIcons[w]),
        ]),
      );
    }
    const spacing = h(doc, 'div', { class: 'ac-group ac-group-spacing', role: 'group', 'aria-label': t('Line spacing') });
    /** @type {Record<string, string>} */
    const spacingIcons = { compact: 'M5 8h14M5 11h14M5 14h14M5 17h14', normal: 'M5 6h14M5 10h14M5 14h14M5 18h14', loose: 'M5 5h14M5 10h14M5 15h14M5 20h14' };
    for (const l of LINE_HEIGHTS) {
      spacing.append(
        button(doc, { 'aria-label': t(`${cap(l)} line spacing`), title: t(`${cap(l)} line spacing`), 'data-action': 'lineHeight', 'data-value': l, 'aria-pressed': 'false' }, [
          icon(doc, spacingIcons[l]),
        ]),
      );
    }
    const align = h(doc, 'div', { class: 'ac-group ac-group-align', role: 'group', 'aria-label': t('Alignment') }, [
      button(doc, { 'aria-label': t('Align to the start'), title: t('Ragged lines'), 'data-action': 'align', 'data-value': 'start', 'aria-pressed': 'false' }, [
        icon(doc, 'M4 6h16M4 10h10M4 14h16M4 18h12'),
      ]),
      button(doc, { 'aria-label': t('Justify'), title: t('Justified lines'), 'data-action': 'align', 'data-value': 'justify', 'aria-pressed': 'false' }, [
        icon(doc, 'M4 6h16M4 10h16M4 14h16M4 18h16'),
      ]),
    ]);
    const actions = h(doc, 'div', { class: 'ac-group ac-group-actions', role: 'group', 'aria-label': t('Actions') }, [
      button(doc, { 'aria-label': t('Copy as Markdown'), title: t('Copy as Markdown'), 'data-action': 'copy' }, [
        icon(doc, 'M9 9h10v11H9zM5 15V4h10'),
        h(doc, 'span', { class: 'ac-label' }, [t('Markdown')]),
      ]),
      button(doc, { 'aria-label': t('Print the article'), title: t('Print'), 'data-action': 'print' }, [
        icon(doc, 'M7 9V4h10v5M7 17H5a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-2M7 14h10v6H7z'),
      ]),
    ]);
    // The settings: in the toolbar on wide screens, behind the "Aa" menu button on narrow ones.
    const settings = h(doc, 'div', { class: 'ac-settings', id: MENU_ID, role: 'group', 'aria-label': t('Display settings') }, [themes, size, fonts, widths, spacing, align]);
    const menu = button(doc, { class: 'ac-menu-button', 'aria-label': t('Display settings'), title: t('Display settings'), 'aria-expanded': 'false', 'aria-controls': MENU_ID, 'data-action': 'menu' }, [
      h(doc, 'span', { class: 'ac-font-serif', 'aria-hidden': 'true' }, ['Aa']),
    ]);
    this.menuButton = menu;
    this.settingsPanel = settings;
    tools.append(menu, settings, actions);
    bar.append(close, tools);
    bar.classList.add('ac-ready');
    // Roving focus: one Tab stop for the toolbar, arrow keys move inside it.
    bar.addEventListener('keydown', (e) => this.onToolbarKey(e));
    bar.addEventListener('focusin', (e) => {
      if (e.target instanceof this.win.HTMLElement && e.target.classList.contains('ac-button')) this.setToolbarStop(e.target);
    });
  }

  toolbarButtons() {
    return [...this.toolbar.querySelectorAll('button')].filter((b) => b.getClientRects().length > 0);
  }

  /** @param {Element} target */
  setToolbarStop(target) {
    for (const b of this.toolbar.querySelectorAll('button')) b.tabIndex = b === target ? 0 : -1;
  }

  /** @param {KeyboardEvent} e */
  onToolbarKey(e) {
    const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
    if (!keys.includes(e.key)) return;
    const buttons = this.toolbarButtons();
    const i = buttons.indexOf(/** @type {HTMLButtonElement} */ (this.shadow.activeElement));
    if (i < 0) return;
    let next = i;
    if (e.key === 'ArrowRight') next = (i + 1) % buttons.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + buttons.length) % buttons.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    e.preventDefault();
    this.setToolbarStop(buttons[next]);
    buttons[next].focus();
  }

  /** @param {MouseEvent} e */
  onClick(e) {
    const target = e.target instanceof this.win.Element ? e.target : null;
    const btn = /** @type {HTMLButtonElement | null} */ (target && target.closest('[data-action]'));
    if (btn && this.rootEl.contains(btn)) {
      const { action, value } = btn.dataset;
      if (action !== 'menu' && !(this.settingsPanel && this.settingsPanel.contains(btn))) this.toggleMenu(false);
      if (action === 'close') closeReader();
      else if (action === 'menu') this.toggleMenu();
      else if (action === 'theme') this.set({ theme: value });
      else if (action === 'size') this.changeSize(Number(value));
      else if (action === 'font') this.set({ font: value });
      else if (action === 'width') this.set({ width: value });
      else if (action === 'lineHeight') this.set({ lineHeight: value });
      else if (action === 'align') this.set({ align: value });
      else if (action === 'copy') this.copyMarkdown();
      else if (action === 'print') this.win.print();
      else if (action === 'show-anyway' && this.article) this.showArticle(this.article);
      else if (action === 'pick') this.pickRegion();
      else if (action === 'restore') this.restore(btn);
      return;
    }
    if (!(target && this.toolbar.contains(target))) this.toggleMenu(false);
    // In-article links to a part of the article (a section, a footnote and its way back)
    // scroll the view, not the page under it; the page's URL stays as it is.
    const link = target && target.closest('a[href]');
    if (link && this.content && this.content.contains(link)) {
      const id = fragmentOf(link, this.doc);
      if (id !== null) {
        e.preventDefault();
        this.goToFragment(id);
      }
    }
  }

  /**
   * Scrolls the view to the content's element of that fragment and moves the focus there
   * (keyboard users go on from it). The engine namespaces the content's ids: `id="ac-x"`,
   * linked as `#ac-x`; a link still written `#x` finds `ac-x` too.
   * @param {string} fragment
   */
  goToFragment(fragment) {
    const content = /** @type {HTMLElement} */ (this.content);
    let id = fragment;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      /* as written */
    }
    if (!id || id.toLowerCase() === 'top') {
      this.rootEl.scrollTo({ top: 0 });
      return;
    }
    const find = (/** @type {string} */ sel) => /** @type {HTMLElement | null} */ (content.querySelector(sel));
    const dest = find(`[id="${cssEscape(id)}"]`) || find(`[id="ac-${cssEscape(id)}"]`) || find(`a[name="${cssEscape(id)}"]`);
    if (!dest) return;
    dest.scrollIntoView({ block: 'start' });
    if (!dest.hasAttribute('tabindex')) dest.setAttribute('tabindex', '-1');
    dest.focus({ preventScroll: true });
    for (const old of content.querySelectorAll('.ac-target')) old.classList.remove('ac-target');
    dest.classList.add('ac-target');
  }

  /**
   * Opens or closes the settings menu (narrow screens); `open` undefined: toggles.
   * @param {boolean} [open]
   */
  toggleMenu(open) {
    const menu = this.menuButton;
    if (!menu) return;
    const isOpen = menu.getAttribute('aria-expanded') === 'true';
    const next = open === undefined ? !isOpen : open;
    if (next === isOpen) return;
    menu.setAttribute('aria-expanded', String(next));
    this.settingsPanel.classList.toggle('ac-open', next);
  }

  // --- settings

  /** @param {Partial<Settings>} patch */
  set(patch) {
    this.settings = normalizeSettings({ ...this.settings, ...patch });
    this.applySettings();
    this.saveSettings();
  }

  /** @param {number} step */
  changeSize(step) {
    const i = nearestIndex(FONT_SIZES, this.settings.fontSize);
    const j = Math.min(FONT_SIZES.length - 1, Math.max(0, i + step));
    this.set({ fontSize: FONT_SIZES[j] });
    this.announce(this.tr.t('Text size {n} px', { n: FONT_SIZES[j] }));
  }

  effectiveTheme() {
    if (this.settings.theme) return this.settings.theme;
    return this.darkQuery && this.darkQuery.matches ? 'dark' : 'light';
  }

  onColorScheme() {
    if (!this.settings.theme) this.applySettings();
  }

  applySettings() {
    const root = this.rootEl;
    const s = this.settings;
    const theme = this.effectiveTheme();
    root.dataset.theme = theme;
    root.dataset.font = s.font;
    root.dataset.width = s.width;
    root.dataset.lineHeight = s.lineHeight;
    root.dataset.align = s.align;
    root.style.setProperty('--ac-font-size', `${s.fontSize}px`);
    for (const b of this.toolbar.querySelectorAll('button')) {
      const { action, value } = b.dataset;
      if (action === 'theme') b.setAttribute('aria-pressed', String(value === theme));
      else if (action === 'font') b.setAttribute('aria-pressed', String(value === s.font));
      else if (action === 'width') b.setAttribute('aria-pressed', String(value === s.width));
      else if (action === 'lineHeight') b.setAttribute('aria-pressed', String(value === s.lineHeight));
      else if (action === 'align') b.setAttribute('aria-pressed', String(value === s.align));
      else if (action === 'size') {
        const i = nearestIndex(FONT_SIZES, s.fontSize);
        b.disabled = value === '-1' ? i === 0 : i === FONT_SIZES.length - 1;
        b.setAttribute('aria-disabled', String(b.disabled));
      }
    }
  }

  // --- content

  clearPage() {
    if (this.blocks) this.blocks.destroy();
    if (this.speech) this.speech.stop();
    this.blocks = this.speech = null;
    this.page.replaceChildren();
    this.content = null;
  }

  /** A cheap frame while the article takes a while: the view's background and one line. */
  showLoading() {
    this.present(h(this.doc, 'p', { class: 'ac-loading' }, [this.tr.t('Preparing the reader view…')]), () => this.focusRoot());
  }

  /** @param {unknown} error */
  showError(error) {
    const doc = this.doc;
    const { t } = this.tr;
    this.root().setAttribute('aria-label', t('Reader view: no article'));
    const message = error && typeof error === 'object' && 'message' in error ? error.message : null;
    const msg = String(message || error || 'unknown error');
    const notice = h(doc, 'section', { class: 'ac-notice' }, [
      h(doc, 'h1', {}, [t("Couldn't make a reader view of this page")]),
      h(doc, 'p', {}, [msg]),
      h(doc, 'div', { class: 'ac-notice-actions' }, [
        button(doc, { class: 'ac-primary', 'data-action': 'close', 'aria-label': t('Close reader view') }, [t('Close')]),
      ]),
    ]);
    this.present(notice, () => this.focusFirstIn(notice));
  }

  /** @param {Article | null} article */
  showNotArticle(article) {
    const doc = this.doc;
    this.article = article;
    const { t } = this.tr;
    this.root().setAttribute('aria-label', t('Reader view: not an article'));
    const hasText = Boolean(article && (article.textContent || '').trim());
    const actions = [
      button(doc, { class: 'ac-primary', 'data-action': 'show-anyway', 'aria-label': t('Show anyway') }, [t('Show anyway')]),
      button(doc, { 'data-action': 'close', 'aria-label': t('Close reader view') }, [t('Close')]),
    ];
    if (this.engine) actions.splice(1, 0, button(doc, { 'data-action': 'pick' }, [t('Not the article?')]));
    const notice = h(doc, 'section', { class: 'ac-notice ac-not-article' }, [
      h(doc, 'h1', {}, [t("This page doesn't look like an article")]),
      h(doc, 'p', {}, [
        hasText
          ? t('The reader view works best on articles and blog posts. You can still see what it found.')
          : t('The reader view found no text to show on this page.'),
      ]),
      h(doc, 'div', { class: 'ac-notice-actions' }, actions),
    ]);
    this.present(notice, () => this.focusFirstIn(notice));
  }

  /**
   * The article, in one pass: site, title, byline and the content first; the date and the
   * reading time (Intl: its first use in a page costs tens of ms) and the list of removals
   * after the first paint, in places kept for them (no layout shift).
   * @param {Article} article
   */
  showArticle(article) {
    const doc = this.doc;
    if (article !== this.article) {
      this.removedHtml = null;
      this.restored = new Set();
    }
    this.article = article;
    const title = (article.title || '').trim();
    this.root().setAttribute('aria-label', title ? this.tr.t('Reader view: {title}', { title }) : this.tr.t('Reader view'));

    const lang = article.lang || /** @type {HTMLElement} */ (dom.documentElement(doc)).lang || undefined;
    const dir = article.dir || (lang && RTL_LANGS.test(lang) ? 'rtl' : 'auto');
    const art = h(doc, 'article', { class: 'ac-article', dir });
    if (lang) art.setAttribute('lang', lang);
    // threads, documentation, collections and products each get their own touches (CSS)
    const { pageType } = /** @type {{pageType?: unknown}} */ (article);
    if (typeof pageType === 'string' && PAGE_TYPES.includes(pageType)) art.dataset.pageType = pageType;

    const header = h(doc, 'header', { class: 'ac-header' });
    if (article.siteName) header.append(h(doc, 'p', { class: 'ac-site' }, [article.siteName]));
    if (title) header.append(h(doc, 'h1', { class: 'ac-title' }, [title]));
    // the separators are drawn by `span + span::before`; the line keeps its height while empty
    const meta = h(doc, 'p', { class: 'ac-meta' });
    if (article.byline) meta.append(h(doc, 'span', { class: 'ac-byline' }, [article.byline]));
    const later = Boolean(article.publishedTime || article.readingTimeMinutes > 0);
    if (later || meta.firstChild) header.append(meta);
    const removed = article.removed || [];
    /** @type {HTMLElement | null} */
    let details = null;
    if (removed.length) {
      // In the reader's language, in a page of any direction: isolated, aligned with the article; the words
      // come after the first paint (Intl's plural rules and lists)
      details = h(doc, 'details', { class: 'ac-removed', lang: this.tr.lang }, [h(doc, 'summary', {}, [h(doc, 'span', { dir: 'ltr' })])]);
      header.append(details);
    }
    art.append(header);

    const content = h(doc, 'div', { class: 'ac-content' });
    setHtml(content, article.content || '', this.win);
    tidyContent(content, title, doc);
    const lead = leadFigure(doc, article.leadImage, content);
    if (lead) art.append(lead);
    art.append(content);
    this.present(art, () => {
      if (later) this.fillMeta(meta, article, lang);
      if (details) this.fillRemoved(details, removed);
      addSheet(this.shadow, 'blocks', BLOCKS_CSS);
      this.blocks = enableBlockRemoval(content, this.rootEl, this.tr);
      if (speechSupported(this.win)) {
        addSheet(this.shadow, 'speech', SPEECH_CSS);
        this.speech = createSpeech(art, lang || this.tr.lang, this.tr);
        header.append(this.speech.element);
      }
      if (this.engine) {
        addSheet(this.shadow, 'removals', REMOVALS_CSS);
        header.append(h(doc, 'p', { class: 'ac-fix' }, [button(doc, { 'data-action': 'pick' }, [this.tr.t('Not the article?')])]));
      }
      this.focusRoot();
    });
    this.content = content;
  }

  /**
   * The date and the reading time, in the article's language.
   * @param {HTMLElement} meta
   * @param {Article} article
   * @param {string | undefined} lang
   */
  fillMeta(meta, article, lang) {
    const doc = this.doc;
    if (article.publishedTime) {
      const formatted = formatDate(article.publishedTime, lang);
      if (formatted) meta.append(h(doc, 'span', {}, [h(doc, 'time', { class: 'ac-date', datetime: article.publishedTime }, [formatted])]));
    }
    if (article.readingTimeMinutes > 0) {
      const minutes = formatMinutes(article.readingTimeMinutes, lang);
      meta.append(
        h(doc, 'span', { class: 'ac-reading-time', title: this.tr.t('Reading time: {time}', { time: minutes }), 'aria-label': this.tr.t('Reading time: {time}', { time: minutes }) }, [
          icon(doc, 'M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z'),
          minutes,
        ]),
      );
    }
  }

  /**
   * The removal report (inside the closed <details> of the header): its summary line, and
   * the removed blocks grouped by kind, in the reader's language.
   * @param {HTMLElement} details
   * @param {Removal[]} removed
   */
  fillRemoved(details, removed) {
    addSheet(this.shadow, 'removals', REMOVALS_CSS);
    const summary = /** @type {HTMLElement} */ (details.querySelector('summary > span'));
    summary.textContent = summarizeRemoved(removed, this.tr);
    details.querySelector('.ac-removal-groups')?.remove();
    const restorable = Boolean(this.engine) || removed.some((r) => typeof r.html === 'string');
    details.append(buildRemovalReport(this.doc, removed, this.tr, { restorable, restored: this.restored }));
  }

  // --- fixing the pick by hand: choose the region, put back a removed block

  /**
   * Cleans the page again with the view's engine and `extra` options, inside the region
   * chosen by hand if any (marked with REGION_ATTR just while the engine reads the page).
   * @param {CleanOptions} [extra]
   * @returns {Promise<Article>}
   */
  reclean(extra = {}) {
    const engine = this.engine;
    if (!engine) return Promise.reject(new Error('no engine to clean the page again'));
    const { url, wasmUrl } = this.options;
    engine.init(wasmUrl ? { wasmUrl } : undefined).catch(() => {});
    /** @type {CleanOptions} */
    const opts = { ...(url ? { url } : {}), ...extra };
    const region = this.region && this.region.isConnected ? this.region : null;
    if (region) {
      region.setAttribute(REGION_ATTR, '');
      opts.region = `[${REGION_ATTR}]`;
    }
    try {
      return engine.cleanDocument(this.doc, opts); // reads the page now
    } finally {
      if (region) region.removeAttribute(REGION_ATTR);
    }
  }

  /** "Not the article?": the view steps aside while the reader points at the article. */
  async pickRegion() {
    if (!this.engine || this.picking || !this.mounted) return;
    addSheet(this.shadow, 'picking', PICKING_CSS);
    this.host.classList.add('ac-picking');
    if (this.pageStyle) this.pageStyle.remove(); // the page scrolls meanwhile
    this.picking = chooseRegion(this.doc, this.tr);
    const chosen = await this.picking.done;
    this.picking = null;
    if (view !== this) return;
    this.host.classList.remove('ac-picking');
    if (this.finished) this.pageStyle = addPageStyle(this.doc);
    if (!chosen) {
      this.focusRoot();
      return;
    }
    this.region = chosen;
    const slow = setTimeout(() => view === this && this.showLoading(), LOADING_DELAY_MS);
    try {
      const article = await this.reclean();
      if (view === this) this.showArticle(article);
    } catch (e) {
      if (view === this) this.showError(e);
    } finally {
      clearTimeout(slow);
    }
  }

  /**
   * Puts the removed blocks of a Restore button of the report back into the article, where
   * they were (after the text that came before them). Their HTML comes from the article when
   * it has it, else from the engine, asked once.
   * @param {HTMLButtonElement} btn
   */
  async restore(btn) {
    const { article, content } = this;
    if (!article || !content) return;
    const indexes = (btn.dataset.indexes || '').split(',').map(Number);
    btn.disabled = true;
    let placed = null;
    try {
      if (!this.removedHtml) {
        const own = article.removed.every((r) => typeof r.html === 'string');
        this.removedHtml = own ? Promise.resolve(article.removed) : this.reclean({ removedHtml: true }).then((a) => a.removed);
      }
      const withHtml = await this.removedHtml;
      if (this.content !== content) return;
      for (const i of indexes) {
        const r = findRemoval(withHtml, article.removed[i], i);
        const block = r && placeBlock(content, r, (el, html) => setHtml(el, html, this.win));
        if (block) {
          this.restored.add(i);
          placed = placed || block;
        }
      }
    } catch {
      this.removedHtml = null;
    }
    if (placed) {
      placed.scrollIntoView({ block: 'center' });
      this.announce(this.tr.t('Block restored'));
    } else {
      btn.disabled = false;
      this.announce(this.tr.t("Couldn't restore the block"));
    }
  }

  /** @param {HTMLElement} el */
  focusFirstIn(el) {
    const first = /** @type {HTMLElement | null} */ (el.querySelector('button, a[href]'));
    if (first) first.focus({ preventScroll: true });
  }

  // --- copy

  async copyMarkdown() {
    const a = this.article;
    if (!a) return;
    const parts = [];
    if (a.title) parts.push(`# ${a.title}`);
    const meta = [a.byline, a.publishedTime && formatDate(a.publishedTime, a.lang)].filter(Boolean).join(' · ');
    if (meta) parts.push(`*${meta}*`);
    parts.push((a.markdown || a.textContent || '').trim());
    const url = dom.documentURL(this.doc);
    if (/^https?:/.test(url)) parts.push(`[Source](${url})`);
    const text = `${parts.join('\n\n')}\n`;
    let ok = false;
    try {
      if (this.win.navigator.clipboard && this.win.isSecureContext) {
        await this.win.navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (!ok) ok = this.copyWithTextarea(text);
    this.announce(this.tr.t(ok ? 'Copied as Markdown' : "Couldn't copy: the browser refused"));
  }

  /** @param {string} text */
  copyWithTextarea(text) {
    const active = /** @type {HTMLElement | null} */ (this.shadow.activeElement);
    const ta = /** @type {HTMLTextAreaElement} */ (h(this.doc, 'textarea', { 'aria-hidden': 'true', readonly: '' }));
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    ta.style.top = '0';
    this.rootEl.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = dom.execCommand(this.doc, 'copy');
    } catch {
      ok = false;
    }
    ta.remove();
    if (active) active.focus({ preventScroll: true });
    return ok;
  }

  /** @param {string} message */
  announce(message) {
    this.status.textContent = message;
    this.status.classList.add('ac-visible');
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => this.status.classList.remove('ac-visible'), 2200);
  }

  // --- keyboard and focus

  /** @param {KeyboardEvent} e */
  onKeyDown(e) {
    if (this.picking) return; // the picker has the keys
    if (e.key === 'Escape' && this.menuButton && this.menuButton.getAttribute('aria-expanded') === 'true') {
      // Escape closes the open menu first
      e.preventDefault();
      e.stopPropagation();
      this.toggleMenu(false);
      this.menuButton.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closeReader();
    } else if (e.key === 'Tab') {
      this.trapTab(e);
    }
  }

  focusables() {
    const sel = 'button:not([disabled]), a[href], summary, input, select, textarea, [tabindex]';
    return [.../** @type {NodeListOf<HTMLElement>} */ (this.rootEl.querySelectorAll(sel))].filter(
      (el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('details:not([open]) > :not(summary)'),
    );
  }

  /** @param {KeyboardEvent} e */
  trapTab(e) {
    const items = this.focusables();
    if (!items.length) {
      e.preventDefault();
      this.focusRoot();
      return;
    }
    const active = dom.activeElement(this.doc) === this.host ? this.shadow.activeElement : null;
    const first = items[0];
    const last = items[items.length - 1];
    if (!active || active === this.rootEl || !this.rootEl.contains(active)) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    } else if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  /** @param {FocusEvent} e */
  onFocusIn(e) {
    // Focus must not wander to the page under the view.
    if (e.target !== this.host && this.host.isConnected) this.focusRoot();
  }
}

// ---------------------------------------------------------------- helpers

/**
 * @param {Record<string, unknown>} s
 * @returns {Settings}
 */
function normalizeSettings(s) {
  const { theme } = s;
  const oneOf = (/** @type {unknown} */ v, /** @type {string[]} */ list, /** @type {string} */ fallback) => (typeof v === 'string' && list.includes(v) ? v : fallback);
  return {
    theme: typeof theme === 'string' && THEMES.includes(theme) ? theme : null,
    fontSize: FONT_SIZES[nearestIndex(FONT_SIZES, Number(s.fontSize) || DEFAULTS.fontSize)],
    font: oneOf(s.font, FONTS, DEFAULTS.font),
    width: oneOf(s.width, WIDTHS, DEFAULTS.width),
    lineHeight: oneOf(s.lineHeight, LINE_HEIGHTS, DEFAULTS.lineHeight),
    align: oneOf(s.align, ALIGNS, DEFAULTS.align),
  };
}

/**
 * @param {number[]} list
 * @param {number} value
 */
function nearestIndex(list, value) {
  let best = 0;
  for (let i = 1; i < list.length; i++) if (Math.abs(list[i] - value) < Math.abs(list[best] - value)) best = i;
  return best;
}

/**
 * The element that has the focus, also inside open shadow roots (a button in a web
 * component: `document.activeElement` is only its host).
 * @param {Document} doc
 * @returns {Element | null}
 */
function deepActiveElement(doc) {
  let el = dom.activeElement(doc);
  for (let root = el && dom.shadowRootOf(el); root && root.activeElement; root = dom.shadowRootOf(el)) el = root.activeElement;
  return el;
}

/** @param {string} s */
function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The fragment a link goes to when it stays in the document (`#x`, or the page's own URL
 * with `#x`), else null.
 * @param {Element} link
 * @param {Document} doc
 * @returns {string | null}
 */
function fragmentOf(link, doc) {
  const href = (link.getAttribute('href') || '').trim();
  if (href.startsWith('#')) return href.slice(1);
  const hash = href.indexOf('#');
  if (hash < 0) return null;
  const here = dom.documentURL(doc).split('#')[0];
  return href.slice(0, hash) === here ? href.slice(hash + 1) : null;
}

/** @param {string} s */
function cssEscape(s) {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
}

/** @type {WeakMap<Document, CSSStyleSheet>} the view's constructed sheet, made once per document */
const readerSheets = new WeakMap();

/**
 * The view's styles in its shadow root: a constructed sheet (not subject to the page's CSP),
 * parsed once per document and shared by every view opened there; else a <style>.
 * @param {ShadowRoot} shadow
 * @param {Document} doc
 */
function adoptStyles(shadow, doc) {
  try {
    let sheet = readerSheets.get(doc);
    if (!sheet) {
      sheet = new (dom.defaultView(doc) || window).CSSStyleSheet();
      sheet.replaceSync(READER_CSS);
      readerSheets.set(doc, sheet);
    }
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    /* older browser */
  }
  const style = dom.createElement(doc, 'style');
  style.textContent = READER_CSS;
  shadow.append(style);
}

/**
 * Resolves after the next paint: a task after the next animation frame (or after 200 ms in a
 * page that paints no frames, e.g. a hidden tab).
 * @param {Window} win
 * @returns {Promise<void>}
 */
function afterPaint(win) {
  return new Promise((resolve) => {
    const timer = win.setTimeout(resolve, 200);
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        win.clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** What the view asks of a phone's browser while it is open: the device's width, not zoomed out. */
const VIEWPORT = 'width=device-width, initial-scale=1, minimum-scale=1';

/**
 * The page's viewport, fitted to the view on phones. A page without `<meta name=viewport>`
 * is laid out 980 px wide and shown zoomed out (19 px text at 7 px); a page wider than the
 * screen (a 728 px banner) widens the viewport the view is pinned to. So while the view is
 * open, the page's last viewport meta (or one added to <head>) asks for the device's width
 * at scale 1; `restore()` puts back the page's meta and its zoom (a change of meta alone
 * keeps the current zoom: the meta first pins the zoom the page had, then is put back).
 * Where the browser doesn't follow (a page that puts its own meta back), the view follows
 * the visual viewport instead (ReaderView.followVisualViewport).
 * Nothing is changed where the page is neither zoomed nor wider than the screen, e.g. in
 * desktop browsers (which ignore the meta).
 * @param {Document} doc
 * @param {Window} win
 * @returns {{restore(): void} | null}
 */
function fitViewport(doc, win) {
  const vv = win.visualViewport;
  if (!vv) return null;
  const scale = vv.scale;
  const zoomed = Math.abs(scale - 1) > 0.01;
  const widened = win.innerWidth > vv.width * scale + 24; // more than a scroll bar
  if (!zoomed && !widened) return null;
  const root = /** @type {HTMLElement} */ (dom.documentElement(doc));
  const metas = dom.querySelectorAll(doc, 'meta[name="viewport" i]');
  const added = metas.length ? null : dom.createElement(doc, 'meta');
  const meta = added || metas[metas.length - 1];
  const content = meta.getAttribute('content');
  if (added) {
    added.setAttribute('name', 'viewport');
    /** @type {HTMLElement} */ (dom.headOf(doc) || root).appendChild(added);
  }
  // pinned at 1 first: a zoomed-in page (the reader pinched in) keeps its zoom otherwise
  meta.setAttribute('content', `${VIEWPORT}, maximum-scale=1`);
  root.getBoundingClientRect();
  meta.setAttribute('content', VIEWPORT);
  return {
    restore() {
      // 980: the layout width of a page without a viewport meta
      meta.setAttribute('content', `${content || 'width=980'}, minimum-scale=${scale}, maximum-scale=${scale}`);
      root.getBoundingClientRect(); // applied now
      if (added) {
        meta.setAttribute('content', '');
        root.getBoundingClientRect();
        added.remove();
      } else if (content === null) meta.removeAttribute('content');
      else meta.setAttribute('content', content);
    },
  };
}

// The element's own position is in its shadow root's sheet (`:host`), so that it is pinned
// over the page from the first paint; this sheet, added after it, only stops the page from
// scrolling underneath and prints the article alone.
const PAGE_CSS = `
html { overflow: hidden !important; }
@media print {
  html { overflow: visible !important; }
  body { display: none !important; }
}`;

/** @type {WeakMap<Document, CSSStyleSheet>} the page-level sheet, made once per document */
const pageSheets = new WeakMap();

/**
 * The page-level rules while the view is open (no page scrolling; print the article only).
 * A constructed sheet in document.adoptedStyleSheets changes no node of the page;
 * browsers without it get a <style> in <head>. Returns {remove()}.
 * @param {Document} doc
 * @returns {{remove(): void}}
 */
function addPageStyle(doc) {
  const win = dom.defaultView(doc) || window;
  try {
    let sheet = pageSheets.get(doc);
    if (!sheet) {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(PAGE_CSS);
      pageSheets.set(doc, sheet);
    }
    const added = sheet;
    dom.setAdoptedSheets(doc, [...dom.adoptedSheets(doc), added]);
    return {
      remove() {
        dom.setAdoptedSheets(doc, dom.adoptedSheets(doc).filter((s) => s !== added));
      },
    };
  } catch {
    const style = dom.createElement(doc, 'style');
    style.setAttribute('data-article-cleaner', '');
    style.textContent = PAGE_CSS;
    /** @type {HTMLElement} */ (dom.headOf(doc) || dom.documentElement(doc)).appendChild(style);
    return { remove: () => style.remove() };
  }
}

/**
 * The parts of the Trusted Types API used here (not in TypeScript's DOM types yet).
 * @typedef {{createHTML(html: string): string}} HtmlPolicy
 * @typedef {{createPolicy(name: string, rules: {createHTML(s: string): string}): HtmlPolicy}} PolicyFactory
 */
/** @type {HtmlPolicy | null | undefined} created on first need */
let trustedPolicy;

/**
 * Inserts the engine's sanitized HTML (a Trusted Types policy where the page enforces them).
 * @param {HTMLElement} el
 * @param {string} html
 * @param {Window & typeof globalThis} win
 */
function setHtml(el, html, win) {
  const template = /** @type {HTMLTemplateElement} */ (dom.createElement(el.ownerDocument, 'template'));
  try {
    template.innerHTML = html;
  } catch (e) {
    const tt = /** @type {{trustedTypes?: PolicyFactory}} */ (win).trustedTypes;
    if (!tt) throw e;
    if (trustedPolicy === undefined) {
      try {
        // The engine's output is sanitized by construction (allowlisted tags, attributes, URLs).
        trustedPolicy = tt.createPolicy('article-cleaner', { createHTML: (/** @type {string} */ s) => s });
      } catch {
        trustedPolicy = null;
      }
    }
    if (!trustedPolicy) throw e;
    template.innerHTML = trustedPolicy.createHTML(html);
  }
  el.append(template.content);
}

/**
 * Small fixes to the article for reading: duplicate title, lazy images, scrollable tables.
 * @param {HTMLElement} content
 * @param {string} title
 * @param {Document} doc
 */
function tidyContent(content, title, doc) {
  const norm = (/** @type {string | null} */ s) => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const firstHeading = content.querySelector('h1, h2');
  if (firstHeading && title && norm(firstHeading.textContent) === norm(title)) {
    // only when it comes before any text of the article
    if (!textBefore(content, firstHeading)) firstHeading.remove();
  }
  for (const img of content.querySelectorAll('img')) {
    img.loading = 'lazy';
    img.decoding = 'async';
  }
  for (const table of content.querySelectorAll('table')) {
    if (table.parentElement && table.parentElement.classList.contains('ac-table-wrap')) continue;
    const wrap = dom.createElement(doc, 'div');
    wrap.className = 'ac-table-wrap';
    table.replaceWith(wrap);
    wrap.append(table);
  }
}

/**
 * The article's lead image as a figure above the content, unless the content shows it
 * already (the same file, whatever its size variant or query) or it is no web image.
 * @param {Document} doc
 * @param {string | null | undefined} url
 * @param {HTMLElement} content
 * @returns {HTMLElement | null}
 */
function leadFigure(doc, url, content) {
  if (!url || !/^(https?:|data:image\/(png|jpe?g|gif|webp|avif)[;,])/i.test(url)) return null;
  const key = imageKey(url);
  for (const img of content.querySelectorAll('img, source')) {
    const urls = [img.getAttribute('src') || '', ...(img.getAttribute('srcset') || '').split(',').map((c) => c.trim().split(/\s+/)[0])];
    if (urls.some((u) => u && imageKey(u) === key)) return null;
  }
  const img = h(doc, 'img', { src: url, alt: '', decoding: 'async' });
  return h(doc, 'figure', { class: 'ac-lead' }, [img]);
}

/**
 * An image URL reduced to what names the picture: its file name without the query, the
 * extension and a size suffix (photo-1200x630.jpg, photo.jpg?w=800 → photo).
 * @param {string} url
 */
function imageKey(url) {
  if (url.startsWith('data:')) return url;
  const file = url.split(/[?#]/)[0].split('/').pop() || '';
  return file
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/([-_@]\d+x\d*|[-_@]\d+w|@\dx|[-_]scaled|[-_](large|medium|small|thumb))+$/, '');
}

/**
 * Whether some text of `container` comes before `el`.
 * @param {HTMLElement} container
 * @param {Element} el
 */
function textBefore(container, el) {
  const walker = dom.createTreeWalker(container.ownerDocument, container, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (el.contains(n)) return false;
    if ((n.nodeValue || '').trim() && el.compareDocumentPosition(n) & 2 /* PRECEDING */) return true;
  }
  return false;
}

/**
 * "5 min" in the page's language ("5 min" in English and French, "٥ د" in Arabic).
 * @param {number} n
 * @param {string | null} [lang]
 * @returns {string}
 */
export function formatMinutes(n, lang) {
  /** @type {Intl.NumberFormatOptions} */
  const opts = { style: 'unit', unit: 'minute', unitDisplay: 'short' };
  try {
    return new Intl.NumberFormat(lang || undefined, opts).format(n);
  } catch {
    try {
      return new Intl.NumberFormat(undefined, opts).format(n);
    } catch {
      return `${n} min`;
    }
  }
}

/**
 * The publication date in the page's language, e.g. "7 janvier 2022".
 * @param {string} iso
 * @param {string | null} [lang]
 * @returns {string}
 */
export function formatDate(iso, lang) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(String(iso).trim());
  /** @type {Intl.DateTimeFormatOptions} */
  const opts = { dateStyle: 'long', ...(dateOnly ? { timeZone: 'UTC' } : {}) };
  try {
    return new Intl.DateTimeFormat(lang || undefined, opts).format(d);
  } catch {
    return new Intl.DateTimeFormat(undefined, opts).format(d);
  }
}
