// The removal report in plain words: "Removed 7 ads, 3 “Read also” blocks, comments" in the
// reader's language, and under it the removed blocks grouped by kind, each group with its
// count and a sample of what it held; the rules that matched (the technical reasons) sit
// behind a "Details" toggle, where a block can also be restored.
import { button, h } from './reader-dom.js';
import { translator } from './reader-i18n.js';

/** @typedef {import('../npm/types-common.js').Removal} Removal */
/** @typedef {import('./reader-i18n.js').Translator} Translator */

/** The kinds in the order a reader cares about them. */
export const KIND_ORDER = ['ad', 'ad-label', 'related', 'comments', 'social', 'newsletter', 'consent', 'navigation', 'hidden', 'boilerplate'];
/** Page furniture: counted together at the end of the summary line ("4 other blocks"). */
const FURNITURE = new Set(['navigation', 'hidden', 'boilerplate']);
/** Distinct samples shown for a group. */
const SAMPLES_PER_KIND = 3;

/** @param {string} kind */
function rank(kind) {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/**
 * The removals grouped by kind, in KIND_ORDER; each with the indexes of its removals.
 * @param {Pick<Removal, 'kind'>[]} removed
 * @returns {[string, number[]][]}
 */
export function groupByKind(removed) {
  /** @type {Map<string, number[]>} */
  const groups = new Map();
  removed.forEach((r, i) => {
    const list = groups.get(r.kind);
    if (list) list.push(i);
    else groups.set(r.kind, [i]);
  });
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/**
 * @param {Translator} tr
 * @param {string} kind
 * @param {number} n
 */
function countKind(tr, kind, n) {
  const key = `kind:${kind}`;
  return tr.count(tr.t(key) === key ? 'kind:other' : key, n);
}

/**
 * "Removed 3 ads, 1 “Read also” block, comments" from the `removed` list, in the language of
 * `tr` (default English); menus, hidden blocks and other page furniture are counted together
 * at the end ("4 other blocks"). Empty when nothing was removed.
 * @param {Pick<Removal, 'kind'>[]} removed
 * @param {Translator} [tr]
 * @returns {string}
 */
export function summarizeRemoved(removed, tr = translator('en')) {
  let other = 0;
  const parts = [];
  for (const [kind, indexes] of groupByKind(removed)) {
    if (FURNITURE.has(kind)) other += indexes.length;
    else parts.push(countKind(tr, kind, indexes.length));
  }
  if (other) parts.push(tr.count(parts.length ? 'kind:boilerplate' : 'kind:other', other));
  return parts.length ? tr.t('Removed {list}', { list: tr.list(parts) }) : '';
}

/**
 * The report under the summary: a list of groups ("7 ads" and samples), each with a
 * "Details" toggle listing the rules that matched (identical rows once, with their count)
 * and, when `restorable`, a Restore button per row (`data-action="restore"`,
 * `data-indexes` = the indexes in `removed`).
 * @param {Document} doc
 * @param {Removal[]} removed
 * @param {Translator} tr
 * @param {{restorable?: boolean, restored?: Set<number>}} [options]
 * @returns {HTMLElement}
 */
export function buildRemovalReport(doc, removed, tr, options = {}) {
  const list = h(doc, 'ul', { class: 'ac-removal-groups' });
  for (const [kind, indexes] of groupByKind(removed)) {
    const samples = [...new Set(indexes.map((i) => removed[i].sample).filter(Boolean))];
    const head = h(doc, 'p', { class: 'ac-removal-head' }, [h(doc, 'span', { class: 'ac-kind' }, [countKind(tr, kind, indexes.length)])]);
    for (const s of samples.slice(0, SAMPLES_PER_KIND)) head.append(' ', h(doc, 'q', { class: 'ac-sample', dir: 'auto', title: s }, [s]));
    if (samples.length > SAMPLES_PER_KIND) head.append(' …');

    /** @type {Map<string, number[]>} identical rows (same rule, same sample) shown once */
    const rows = new Map();
    for (const i of indexes) {
      const key = `${removed[i].reason}\u0000${removed[i].sample}`;
      const same = rows.get(key);
      if (same) same.push(i);
      else rows.set(key, [i]);
    }
    const why = h(doc, 'ul', { class: 'ac-why-list' });
    for (const same of rows.values()) {
      const r = removed[same[0]];
      const li = h(doc, 'li', {}, [h(doc, 'code', { class: 'ac-reason', dir: 'ltr' }, [r.reason || kind])]);
      if (same.length > 1) li.append(h(doc, 'span', { class: 'ac-times' }, [`×${same.length}`]));
      if (r.sample) li.append(h(doc, 'q', { class: 'ac-sample', dir: 'auto' }, [r.sample]));
      if (options.restorable) {
        const done = options.restored && same.every((i) => options.restored?.has(i));
        const b = button(doc, { class: 'ac-restore', 'data-action': 'restore', 'data-indexes': same.join(',') }, [tr.t('Restore')]);
        if (done) b.setAttribute('disabled', '');
        li.append(b);
      }
      why.append(li);
    }
    const details = h(doc, 'details', { class: 'ac-why' }, [h(doc, 'summary', {}, [tr.t('Details')]), why]);
    list.append(h(doc, 'li', { class: 'ac-removal-group', 'data-kind': kind }, [head, details]));
  }
  return list;
}

/**
 * The removal of `list` (removals with their HTML, from the engine asked again) that is
 * `wanted` (from the article shown): the one at the same index when it is the same block
 * (same kind and sample; the page may have changed since), else the first like it.
 * @param {Removal[]} list
 * @param {Removal | undefined} wanted
 * @param {number} index
 * @returns {Removal | null}
 */
export function findRemoval(list, wanted, index) {
  if (!wanted) return null;
  const same = (/** @type {Removal | undefined} */ r) => Boolean(r) && r?.kind === wanted.kind && r?.sample === wanted.sample;
  if (same(list[index])) return list[index];
  return list.find((r) => same(r) && r.reason === wanted.reason) || null;
}

/**
 * The blocks of the article that text can end in, to put a restored block after.
 */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, blockquote, pre, figure, table, ul, ol, dl, hr, div';

/**
 * Puts a removed block back into `content`, where it was: after the block in which the text
 * that came before it (`removal.after`) ends; at the start when nothing came before it; at
 * the end when that text is not in the article (e.g. the block was beside it). Returns the
 * element added (a div.ac-restored holding the block), or null without HTML.
 * @param {HTMLElement} content
 * @param {Removal} removal
 * @param {(el: HTMLElement, html: string) => void} setHtml inserts the engine's sanitized HTML
 * @returns {HTMLElement | null}
 */
export function placeBlock(content, removal, setHtml) {
  if (typeof removal.html !== 'string') return null;
  const doc = content.ownerDocument;
  const block = h(doc, 'div', { class: 'ac-restored' });
  setHtml(block, removal.html);
  const after = removal.after || '';
  if (!after.trim()) {
    content.prepend(block);
    return block;
  }
  const end = textEnd(content, after);
  let ref = end && end.parentElement ? end.parentElement.closest(BLOCKS) : null;
  if (ref && !content.contains(ref)) ref = null;
  // out of a list or a table: after the whole of it
  while (ref && ref.parentElement && ref.parentElement !== content && ref.parentElement.closest('ul, ol, dl, table, figure, blockquote, pre')) {
    ref = /** @type {Element} */ (ref.parentElement.closest('ul, ol, dl, table, figure, blockquote, pre'));
  }
  if (ref && ref !== content) ref.after(block);
  else content.append(block);
  return block;
}

/**
 * The text node of `root` in which the text `anchor` ends, spaces aside (block boundaries
 * have no space in the DOM's text); the last such place when there are several.
 * @param {Element} root
 * @param {string} anchor
 * @returns {Text | null}
 */
function textEnd(root, anchor) {
  const want = anchor.replace(/\s+/g, '').slice(-40);
  if (!want) return null;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  let text = '';
  /** @type {[number, Text][]} where each text node ends in `text` */
  const ends = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    text += (n.nodeValue || '').replace(/\s+/g, '');
    ends.push([text.length, /** @type {Text} */ (n)]);
  }
  const at = text.lastIndexOf(want);
  if (at < 0) return null;
  const last = at + want.length; // the match ends in the first node that ends at or after it
  const hit = ends.find(([e]) => e >= last);
  return hit ? hit[1] : null;
}

/** The report's own styles (the view's sheet styles .ac-removed, .ac-kind, .ac-reason). */
export const REMOVALS_CSS = `
.ac-removed ul.ac-removal-groups { max-height: 24em; }
.ac-removed li.ac-removal-group { display: block; }
.ac-removal-head { margin: 0; }
.ac-removal-head .ac-sample, .ac-why-list .ac-sample { flex-basis: auto; font-style: italic; }
.ac-removal-head .ac-sample + .ac-sample::before { content: "· "; font-style: normal; }
.ac-why { margin: 0.2em 0 0; }
.ac-why > summary { font-size: 0.95em; }
.ac-removed ul.ac-why-list { max-height: none; margin: 0.2em 0 0 1em; }
.ac-removed .ac-why-list li { align-items: baseline; border-top: 0; padding: 0.15em 0; }
.ac-times { font-variant-numeric: tabular-nums; }
.ac-restore { margin-inline-start: auto; padding: 0 0.6em; min-height: 1.8em; font-size: 0.95em; }
.ac-fix { margin: 0.6em 0 0; font: 0.72em/1.5 var(--ui-font); }
.ac-fix .ac-button { min-height: 0; padding: 0.2em 0.6em; color: var(--muted); }
.ac-restored { margin: 1em 0; padding-inline-start: 0.8em; border-inline-start: 3px solid var(--rule); }
`;
