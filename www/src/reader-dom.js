// Small DOM helpers shared by the reader view's modules: elements, buttons, icons, and the
// view's extra style sheets (each feature brings its own, adopted when it is first shown).
import * as dom from './pristine.js';

/**
 * An element with attributes (undefined and null ones left out) and children.
 * @param {Document} doc
 * @param {string} tag
 * @param {Record<string, string | undefined | null>} [attrs]
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElement}
 */
export function h(doc, tag, attrs = {}, children = []) {
  const el = dom.createElement(doc, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

/**
 * @param {Document} doc
 * @param {Record<string, string>} attrs
 * @param {(Node | string)[]} children
 */
export function button(doc, attrs, children) {
  return h(doc, 'button', { type: 'button', ...attrs, class: `ac-button ${attrs.class || ''}`.trim() }, children);
}

/**
 * @param {Document} doc
 * @param {string} d the SVG path
 */
export function icon(doc, d) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = dom.createElementNS(doc, ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = dom.createElementNS(doc, ns, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

/** @type {WeakMap<Document, Map<string, CSSStyleSheet>>} the extra sheets, parsed once per document */
const sheets = new WeakMap();

/**
 * Adds a feature's style sheet to the view's shadow root (once): a constructed sheet after
 * the view's own, else a <style>.
 * @param {ShadowRoot} shadow
 * @param {string} name
 * @param {string} css
 */
export function addSheet(shadow, name, css) {
  const doc = shadow.ownerDocument;
  try {
    let byName = sheets.get(doc);
    if (!byName) sheets.set(doc, (byName = new Map()));
    let sheet = byName.get(name);
    if (!sheet) {
      sheet = new (dom.defaultView(doc) || window).CSSStyleSheet();
      sheet.replaceSync(css);
      byName.set(name, sheet);
    }
    if (shadow.adoptedStyleSheets.length && !shadow.adoptedStyleSheets.includes(sheet)) {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      return;
    }
    if (shadow.adoptedStyleSheets.includes(sheet)) return;
  } catch {
    /* older browser: a <style> below */
  }
  if (shadow.querySelector(`style[data-sheet="${name}"]`)) return;
  const style = dom.createElement(doc, 'style');
  style.dataset.sheet = name;
  style.textContent = css;
  shadow.append(style);
}
