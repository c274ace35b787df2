// The bookmarklet: a javascript: URL that imports the shim from `base` and toggles the
// reader view. When the page's CSP blocks the shim's host or the wasm, it shows a small
// message bar (DOM APIs only) pointing to the extension, instead of failing silently. The
// bar is the body's first element, an ARIA alert, and its Close button takes the focus (Enter
// or Space closes it; Tab reaches it first).
// (A CSP without 'unsafe-inline' blocks a javascript: URL outright in Chromium: nothing of it
// runs, so nothing can be shown — see NOTES-toolchain.md.)

export const DEFAULT_BASE = 'http://127.0.0.1:8080/';
export const MESSAGE = "This page's security policy blocks reader view. Use the article-cleaner extension.";
export const CLOSE = 'Close';

/** The bookmarklet's JavaScript (without the `javascript:` prefix). */
export function bookmarkletCode(base = DEFAULT_BASE) {
  const b = new URL(base).href; // normalised, ends with "/" for a folder URL
  if (/['\\%\s]/.test(b)) throw new Error(`BOOKMARKLET_BASE has characters a bookmarklet can't carry: ${b}`);
  if (/['\\%#]/.test(MESSAGE.replace("page's", ''))) throw new Error('bad message text');
  // c: createElement; s: the bar, made once; k: its Close button; m: show the bar and focus its
  // button (again: closing a failed view gives the focus back to the page); r: the shim's module
  return (
    "(()=>{let d=document,c=t=>d.createElement(t),s,k,r,m=()=>(s||(d.body.prepend(s=c('p')),s.role='alert'," +
    `s.append(${JSON.stringify(`${MESSAGE} `)},k=c('button')),k.textContent='${CLOSE}',k.onclick=()=>s.remove(),` +
    "s.style='position:fixed;z-index:99999999;top:0;margin:0;padding:1em;background:gold;color:black;font:16px arial'),k.focus());" +
    "addEventListener('securitypolicyviolation',e=>/scr/.test(e.effectiveDirective)&&m());" +
    `import('${b}article-cleaner.js').then(x=>(r=x).toggleReader()).then(o=>o?.shown==\`error\`&&(r.closeReader(),m()),m)})()`
  );
}

// Note: everything after the `?` of `o?.shown` is a URL query to the browser, which
// percent-encodes ' " < > and spaces there when the URL is stored (the code still runs, but
// gets longer): after it, only backticks and no spaces. No `%` anywhere (it would be decoded).

/** The full `javascript:` URL. */
export function bookmarklet(base = DEFAULT_BASE) {
  return `javascript:${bookmarkletCode(base)}`;
}
