// @ts-check
// Benchmark baseline (dev-only, www/bench/open.mjs): the reader view of a typical
// Readability-based reader. Runs after Readability.js, either as the baseline extension's
// content script or, in the page, from a script tag (as a bookmarklet would). It toggles:
// `new Readability(document.cloneNode(true)).parse()`, then `content` into an overlay in an
// open shadow root on <html>. The overlay's `data-bench-phases` holds its own phase times
// (performance.now(), the page's clock) for the benchmark; nothing else is instrumented.
(() => {
  // the global that Readability.js defines
  const Readability = /** @type {any} */ (globalThis).Readability;
  const TAG = 'bench-baseline-reader';
  const start = performance.now();
  const open = document.querySelector(TAG);
  if (open) {
    open.remove();
    return;
  }
  /** @type {{title?: string|null, byline?: string|null, content?: string|null} | null} */
  let article = null;
  let error = '';
  const clone = /** @type {Document} */ (document.cloneNode(true));
  const cloned = performance.now();
  try {
    article = new Readability(clone).parse();
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const parsed = performance.now();

  const host = document.createElement(TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; }
    .overlay { position: fixed; inset: 0; z-index: 2147483647; overflow: auto; background: #fbfaf7; color: #222; }
    article { max-width: 42em; margin: 0 auto; padding: 48px 24px; font: 19px/1.6 Georgia, serif; }
    h1 { font-size: 1.7em; line-height: 1.2; margin: 0 0 .4em; }
    .byline { color: #666; font-style: italic; }
    img, video, figure { max-width: 100%; height: auto; }
    pre { overflow: auto; }
    .notice { max-width: 30em; margin: 20vh auto; font: 16px/1.5 system-ui, sans-serif; }`;
  const overlay = document.createElement('div');
  overlay.className = 'overlay';
  if (article && article.content) {
    const el = document.createElement('article');
    const h1 = document.createElement('h1');
    h1.textContent = article.title || '';
    el.append(h1);
    if (article.byline) {
      const by = document.createElement('p');
      by.className = 'byline';
      by.textContent = article.byline;
      el.append(by);
    }
    const content = document.createElement('div');
    content.className = 'content';
    content.innerHTML = article.content;
    el.append(content);
    overlay.append(el);
  } else {
    const p = document.createElement('p');
    p.className = 'notice';
    p.textContent = error ? `Reader view failed: ${error}` : 'This page does not look like an article.';
    overlay.append(p);
  }
  shadow.append(style, overlay);
  const built = performance.now();
  host.dataset.benchPhases = JSON.stringify({ start, cloned, parsed, built });
  document.documentElement.append(host);
})();
