// "Not the article?": the reader points at the part of the page that holds the article. While
// choosing, the reader view steps aside; the element under the pointer is outlined (the
// nearest block: an inline element is too small to be an article), a click chooses it. By
// keyboard: the outline starts on the page's main block; ↑/← go to the larger block around
// it, ↓/→ to the largest block inside it, Enter chooses, Escape cancels. The page gets no
// click, no key and no focus meanwhile; nothing of it is changed (the outline and the banner
// live in their own shadow root, removed at the end).
import * as dom from './pristine.js';
import { button, h } from './reader-dom.js';

/** @typedef {import('./reader-i18n.js').Translator} Translator */

export const PICKER_TAG = 'article-cleaner-picker';
/** The attribute that marks the chosen element while the engine reads the page. */
export const REGION_ATTR = 'data-article-cleaner-region';
/** In the view's shadow root while choosing: the view steps aside (its :host rules are !important). */
export const PICKING_CSS = `:host(.ac-picking), :host(.ac-picking) .ac-root { visibility: hidden !important; pointer-events: none !important; }`;

const PICKER_CSS = `
:host { all: initial; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; pointer-events: none !important; display: block !important; }
.ac-outline { position: fixed; box-sizing: border-box; border: 3px solid #1a73e8; border-radius: 4px; background: rgba(26, 115, 232, 0.12); display: none; }
.ac-banner { position: fixed; left: 50%; top: 12px; transform: translateX(-50%); max-width: calc(100% - 24px); box-sizing: border-box; display: flex; gap: 12px; align-items: center; padding: 10px 10px 10px 16px; border-radius: 10px; background: #202124; color: #fff; font: 500 14px/1.35 system-ui, sans-serif; box-shadow: 0 4px 18px rgba(0,0,0,.3); pointer-events: auto; }
.ac-button { font: inherit; color: inherit; background: rgba(255,255,255,.15); border: 0; border-radius: 6px; padding: 6px 12px; cursor: pointer; }
.ac-button:focus-visible { outline: 2px solid #8ab4f8; }
`;

/** Blocks too small to hold an article: the outline goes up from them. */
const INLINE = /^(inline|contents|inline-block|inline-flex|inline-grid)$/;

/**
 * Lets the reader choose an element of the page. Resolves to it, or null when cancelled.
 * @param {Document} doc
 * @param {Translator} tr
 * @returns {{done: Promise<Element | null>, cancel(): void}}
 */
export function chooseRegion(doc, tr) {
  const win = dom.defaultView(doc) || window;
  const { t } = tr;
  const host = dom.createElement(doc, PICKER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = dom.createElement(doc, 'style');
  style.textContent = PICKER_CSS;
  const outline = h(doc, 'div', { class: 'ac-outline', part: 'outline' });
  const cancelButton = button(doc, { 'data-action': 'cancel' }, [t('Cancel')]);
  const banner = h(doc, 'div', { class: 'ac-banner', role: 'dialog', 'aria-label': t('Choose the article'), lang: tr.lang }, [
    h(doc, 'span', { role: 'status' }, [t('Click the article. Arrows: larger or smaller part, Enter: choose, Esc: cancel.')]),
    cancelButton,
  ]);
  shadow.append(style, outline, banner);

  /** @type {Element | null} */
  let current = null;
  /** @type {Element[]} where ↓ came from, to go back down the same way */
  let trail = [];
  /** @type {(el: Element | null) => void} */
  let settle = () => {};
  const done = /** @type {Promise<Element | null>} */ (new Promise((resolve) => (settle = resolve)));

  /** @param {Element | null} el */
  function show(el) {
    current = el;
    if (!el) {
      outline.style.display = 'none';
      return;
    }
    const r = el.getBoundingClientRect();
    Object.assign(outline.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  }

  /** The element to outline for a target: the nearest block, never the picker itself. */
  function blockOf(/** @type {EventTarget | null} */ target) {
    let el = target instanceof win.Element ? target : null;
    if (el === host) return null;
    while (el && el !== dom.bodyOf(doc) && el !== dom.documentElement(doc) && INLINE.test(win.getComputedStyle(el).display)) el = el.parentElement;
    return el && el !== dom.documentElement(doc) ? el : null;
  }

  /** The largest child block by text, for ↓. */
  function largestChild(/** @type {Element} */ el) {
    let best = null;
    let bestLen = 0;
    for (const c of el.children) {
      if (c === host || !c.getClientRects().length) continue;
      const len = (c.textContent || '').trim().length;
      if (len > bestLen) [best, bestLen] = [c, len];
    }
    return best;
  }

  /** @type {[number, number] | null} */
  let pointer = null;
  const onMove = (/** @type {MouseEvent} */ e) => {
    // only when the pointer moves (not when the page moves under a still pointer: the
    // browser then sends a mouse move of its own, with no movement)
    if (!e.movementX && !e.movementY) return;
    if (pointer && pointer[0] === e.clientX && pointer[1] === e.clientY) return;
    pointer = [e.clientX, e.clientY];
    const el = blockOf(e.target);
    if (el && el !== current) {
      trail = [];
      show(el);
    }
  };
  const swallow = (/** @type {Event} */ e) => {
    if (e.composedPath().includes(cancelButton)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const onClick = (/** @type {MouseEvent} */ e) => {
    if (e.composedPath().includes(cancelButton)) {
      finish(null);
      return;
    }
    swallow(e);
    finish(blockOf(e.target) || current);
  };
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    const keys = ['ArrowUp', 'ArrowLeft', 'ArrowDown', 'ArrowRight', 'Enter', 'Escape', ' '];
    if (!keys.includes(e.key)) return;
    if (e.key === 'Enter' && e.composedPath().includes(cancelButton)) return; // the button's own click
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type !== 'keydown') return;
    if (e.key === 'Escape') return finish(null);
    if (e.key === 'Enter' || e.key === ' ') return finish(current);
    const el = /** @type {Element} */ (current || dom.bodyOf(doc));
    let next = null;
    if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') {
      const up = el.parentElement;
      if (up && up !== dom.documentElement(doc)) {
        trail.push(el);
        next = up;
      }
    } else {
      const back = trail.pop();
      next = back && back.parentElement === el ? back : largestChild(el);
      if (!back || back.parentElement !== el) trail = [];
    }
    if (next) {
      next.scrollIntoView({ block: 'nearest' });
      show(next);
    }
  };
  const onScroll = () => show(current);

  const listeners = /** @type {[string, EventListener][]} */ ([
    ['mousemove', onMove],
    ['mousedown', swallow],
    ['mouseup', swallow],
    ['pointerdown', swallow],
    ['pointerup', swallow],
    ['click', onClick],
    ['auxclick', swallow],
    ['keydown', onKey],
    ['keyup', onKey],
    ['keypress', onKey],
  ]);
  for (const [type, fn] of listeners) win.addEventListener(type, fn, true);
  win.addEventListener('scroll', onScroll, true);
  /** @type {HTMLElement} */ (dom.documentElement(doc)).append(host);
  // the keyboard starts on the page's main block
  const body = /** @type {HTMLElement} */ (dom.bodyOf(doc));
  show(dom.querySelector(doc, 'main, [role="main"], article') || largestChild(body) || body);

  /** @param {Element | null} el */
  function finish(el) {
    if (!host.isConnected) return;
    for (const [type, fn] of listeners) win.removeEventListener(type, fn, true);
    win.removeEventListener('scroll', onScroll, true);
    host.remove();
    settle(el);
  }
  return { done, cancel: () => finish(null) };
}
