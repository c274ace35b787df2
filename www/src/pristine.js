// The DOM APIs the reader view calls, taken from the prototypes when this module loads.
//
// Page markup can shadow the properties of `document` (named properties override even the
// built-in ones: `<img name=createElement>`, `<form name=documentElement>`, `<img
// name=defaultView>`) and some of `window` (`<div id=addEventListener>` hides
// EventTarget.prototype's method behind the window's named properties). The prototypes'
// own methods and getters are out of the page markup's reach: here they are called with
// Function.prototype.call on the object. Importing this module touches no DOM; where there
// is no DOM (Node, a worker) each function falls back to plain property access.

const call = Function.prototype.call;

/**
 * `fn` as a function taking its `this` first.
 * @template {(...args: any[]) => any} F
 * @param {F | undefined} fn
 * @param {(self: any, ...args: any[]) => any} fallback
 * @returns {(self: any, ...args: Parameters<F>) => ReturnType<F>}
 */
function uncurry(fn, fallback) {
  return typeof fn === 'function' ? call.bind(fn) : fallback;
}

/**
 * The getter of `name` on `proto` (or on its prototype chain) as a function of the object.
 * @param {object | undefined} proto
 * @param {string} name
 * @returns {(self: any) => any}
 */
function getter(proto, name) {
  for (let p = proto; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d.get ? call.bind(d.get) : (self) => self[name];
  }
  return (self) => self[name];
}

/**
 * The setter of `name` on `proto`, as a function of the object and the value.
 * @param {object | undefined} proto
 * @param {string} name
 * @returns {(self: any, value: any) => void}
 */
function setter(proto, name) {
  const d = proto ? Object.getOwnPropertyDescriptor(proto, name) : undefined;
  return d && d.set
    ? call.bind(d.set)
    : (self, value) => {
        self[name] = value;
      };
}

const DOC = typeof Document === 'function' ? Document.prototype : undefined;
const TARGET = typeof EventTarget === 'function' ? EventTarget.prototype : undefined;

/** @type {(doc: Document, tag: string) => HTMLElement} */
export const createElement = uncurry(DOC && DOC.createElement, (doc, tag) => doc.createElement(tag));
/** @type {(doc: Document, ns: string, tag: string) => Element} */
export const createElementNS = uncurry(DOC && DOC.createElementNS, (doc, ns, tag) => doc.createElementNS(ns, tag));
/** @type {(doc: Document, root: Node, what?: number) => TreeWalker} */
export const createTreeWalker = uncurry(DOC && DOC.createTreeWalker, (doc, root, what) => doc.createTreeWalker(root, what));
/** @type {(doc: Document, selector: string) => Element | null} */
export const querySelector = uncurry(DOC && DOC.querySelector, (doc, sel) => doc.querySelector(sel));
/** @type {(doc: Document, selector: string) => NodeListOf<Element>} */
export const querySelectorAll = uncurry(DOC && DOC.querySelectorAll, (doc, sel) => doc.querySelectorAll(sel));
/** @type {(doc: Document, command: string) => boolean} */
export const execCommand = uncurry(DOC && DOC.execCommand, (doc, cmd) => doc.execCommand(cmd));

/** @type {(doc: Document) => HTMLElement | null} */
export const documentElement = getter(DOC, 'documentElement');
/** @type {(doc: Document) => HTMLElement | null} */
export const bodyOf = getter(DOC, 'body');
/** @type {(doc: Document) => HTMLHeadElement | null} */
export const headOf = getter(DOC, 'head');
/** @type {(doc: Document) => Element | null} */
export const activeElement = getter(DOC, 'activeElement');
/** @type {(doc: Document) => (Window & typeof globalThis) | null} */
export const defaultView = getter(DOC, 'defaultView');
/** @type {(doc: Document) => string} */
export const documentURL = getter(DOC, 'URL');
/** @type {(doc: Document) => DocumentType | null} */
export const doctypeOf = getter(DOC, 'doctype');
/** @type {(doc: Document) => string} */
export const baseURIOf = getter(typeof Node === 'function' ? Node.prototype : undefined, 'baseURI');
/** @type {(el: Element) => ShadowRoot | null} */
export const shadowRootOf = getter(typeof Element === 'function' ? Element.prototype : undefined, 'shadowRoot');
/** @type {(node: object) => number} throws when given something that is not a Node */
export const nodeTypeOf = getter(typeof Node === 'function' ? Node.prototype : undefined, 'nodeType');
/** @type {(doc: Document) => CSSStyleSheet[]} */
export const adoptedSheets = getter(DOC, 'adoptedStyleSheets');
/** @type {(doc: Document, sheets: CSSStyleSheet[]) => void} */
export const setAdoptedSheets = setter(DOC, 'adoptedStyleSheets');

/** @type {(target: EventTarget, type: string, listener: (e: any) => void, options?: boolean | AddEventListenerOptions) => void} */
export const listen = uncurry(TARGET && TARGET.addEventListener, (t, type, fn, opts) => t.addEventListener(type, fn, opts));
/** @type {(target: EventTarget, type: string, listener: (e: any) => void, options?: boolean | EventListenerOptions) => void} */
export const unlisten = uncurry(TARGET && TARGET.removeEventListener, (t, type, fn, opts) => t.removeEventListener(type, fn, opts));

const HTML_FOCUS = typeof HTMLElement === 'function' ? HTMLElement.prototype.focus : undefined;
const SVG_FOCUS = typeof SVGElement === 'function' ? SVGElement.prototype.focus : undefined;
const CONNECTED = getter(typeof Node === 'function' ? Node.prototype : undefined, 'isConnected');

/**
 * Focuses a page element (an HTML or SVG one) without scrolling, if it is still in the page;
 * `el.focus` itself may be a form's control named "focus".
 * @param {Element} el
 */
export function focus(el) {
  if (!CONNECTED(el)) return;
  for (const fn of [HTML_FOCUS, SVG_FOCUS]) {
    try {
      if (fn) {
        call.call(fn, el, { preventScroll: true });
        return;
      }
    } catch {
      /* not that kind of element */
    }
  }
}
