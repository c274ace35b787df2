// Removing a block from the article by hand, with undo. Pointing at a block of the article
// (or focusing a link in it) shows a ✕ button beside it; the button removes the block, and a
// bar offers to undo (Ctrl+Z / ⌘Z too), as many steps back as were taken. Only the view's
// copy of the article changes: the page is not touched.
import * as dom from './pristine.js';
import { button, h, icon } from './reader-dom.js';

/** @typedef {import('./reader-i18n.js').Translator} Translator */

/** The blocks that can be removed: the article's paragraphs, lists, quotes, figures, tables. */
const BLOCKS = 'p, h2, h3, h4, h5, h6, ul, ol, dl, blockquote, pre, figure, .ac-table-wrap, table, .ac-restored, hr';
/** How long the undo bar stays. */
const UNDO_MS = 8000;

export const BLOCKS_CSS = `
.ac-content { position: relative; }
.ac-block-remove { position: absolute; inset-inline-start: -2.6em; width: 2em; height: 2em; min-width: 0; min-height: 0; padding: 0; opacity: 0.55; }
.ac-block-remove:hover, .ac-block-remove:focus-visible { opacity: 1; }
.ac-block-remove[hidden] { display: none; }
.ac-block-target { outline: 2px dashed var(--rule); outline-offset: 4px; border-radius: 2px; }
.ac-undo { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); z-index: 3; display: flex; gap: 12px; align-items: center; padding: 6px 6px 6px 16px; border-radius: 999px; background: var(--fg); color: var(--bg); font: 500 14px/1.3 var(--ui-font); box-shadow: 0 4px 18px rgba(0, 0, 0, 0.2); }
.ac-undo[hidden] { display: none; }
.ac-undo .ac-button { color: inherit; background: transparent; border-radius: 999px; min-height: 0; padding: 4px 12px; font-weight: 700; }
@media (max-width: 600px) { .ac-block-remove { inset-inline-start: auto; inset-inline-end: 0; } }
@media print { .ac-block-remove, .ac-undo { display: none !important; } }
`;

/**
 * Lets the reader remove blocks of `content`; the undo bar goes into `root`.
 * @param {HTMLElement} content the article's content in the view
 * @param {HTMLElement} root the view's root element
 * @param {Translator} tr
 * @returns {{undo(): boolean, destroy(): void}}
 */
export function enableBlockRemoval(content, root, tr) {
  const doc = content.ownerDocument;
  const win = dom.defaultView(doc) || window;
  const { t } = tr;
  /** @type {{block: Element, parent: Node, next: Node | null}[]} */
  const undoStack = [];
  /** @type {HTMLButtonElement | null} */
  let remover = null;
  /** @type {HTMLElement | null} */
  let bar = null;
  /** @type {Element | null} */
  let target = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let barTimer;

  /** @param {EventTarget | null} node */
  function blockOf(node) {
    const el = node instanceof win.Element ? node.closest(BLOCKS) : null;
    if (!el || !content.contains(el) || el === remover) return null;
    // the outermost block below the content that is a list, quote, figure or table wins
    let block = el;
    for (let up = block.parentElement; up && up !== content; up = up.parentElement) if (up.matches(BLOCKS)) block = up;
    return block;
  }

  /** @param {Element | null} block */
  function point(block) {
    if (block === target) return;
    if (target) target.classList.remove('ac-block-target');
    target = block;
    if (!block) {
      if (remover) remover.hidden = true;
      return;
    }
    if (!remover) {
      remover = /** @type {HTMLButtonElement} */ (
        button(doc, { class: 'ac-block-remove', 'aria-label': t('Remove this block'), title: t('Remove this block') }, [icon(doc, 'M6 6l12 12M18 6L6 18')])
      );
      remover.addEventListener('click', () => target && remove(target));
    }
    block.classList.add('ac-block-target');
    // just before the block: Shift+Tab from its links reaches it
    block.before(remover);
    remover.hidden = false;
    const top = block.getBoundingClientRect().top - content.getBoundingClientRect().top;
    remover.style.top = `${Math.max(0, top)}px`;
  }

  /** @param {Element} block */
  function remove(block) {
    const hadFocus = remover && remover.getRootNode() instanceof win.ShadowRoot && /** @type {ShadowRoot} */ (remover.getRootNode()).activeElement === remover;
    point(null);
    undoStack.push({ block, parent: /** @type {Node} */ (block.parentNode), next: block.nextSibling });
    block.remove();
    showBar();
    if (hadFocus && bar) /** @type {HTMLElement} */ (bar.querySelector('button')).focus();
  }

  function showBar() {
    if (!bar) {
      bar = h(doc, 'div', { class: 'ac-undo', role: 'status' }, [
        h(doc, 'span', {}, [t('Block removed')]),
        button(doc, { 'aria-keyshortcuts': 'Control+Z' }, [t('Undo')]),
      ]);
      /** @type {HTMLElement} */ (bar.querySelector('button')).addEventListener('click', () => undo());
      root.append(bar);
    }
    bar.hidden = false;
    clearTimeout(barTimer);
    barTimer = setTimeout(() => bar && (bar.hidden = true), UNDO_MS);
  }

  function undo() {
    const last = undoStack.pop();
    if (!last) return false;
    last.parent.insertBefore(last.block, last.next && last.next.parentNode === last.parent ? last.next : null);
    if (!undoStack.length && bar) bar.hidden = true;
    return true;
  }

  const onOver = (/** @type {Event} */ e) => {
    if (remover && e.target instanceof win.Node && remover.contains(e.target)) return;
    point(blockOf(e.target));
  };
  const onLeave = (/** @type {MouseEvent} */ e) => {
    if (!(e.relatedTarget instanceof win.Node) || !content.contains(e.relatedTarget)) point(null);
  };
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && undo()) e.preventDefault();
  };
  content.addEventListener('mouseover', onOver);
  content.addEventListener('focusin', onOver);
  content.addEventListener('mouseleave', onLeave);
  root.addEventListener('keydown', onKey);
  return {
    undo,
    destroy() {
      content.removeEventListener('mouseover', onOver);
      content.removeEventListener('focusin', onOver);
      content.removeEventListener('mouseleave', onLeave);
      root.removeEventListener('keydown', onKey);
      clearTimeout(barTimer);
      if (bar) bar.remove();
      if (remover) remover.remove();
      if (target) target.classList.remove('ac-block-target');
    },
  };
}
