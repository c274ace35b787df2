// Test only (a content script of the extension's test copy, see background.js here): the
// page posts 'article-cleaner-test:toggle'; this forwards it to the background and posts
// back 'article-cleaner-test:result <JSON of toggleReaderInTab's answer>'.
(() => {
  /** @type {any} */
  const api = globalThis.browser || globalThis.chrome;
  const post = (/** @type {unknown} */ r) => window.postMessage(`article-cleaner-test:result ${JSON.stringify(r)}`, '*');
  addEventListener('message', (e) => {
    if (e.source !== window || e.data !== 'article-cleaner-test:toggle') return;
    api.runtime.sendMessage('article-cleaner-test:toggle').then(post, (/** @type {unknown} */ err) => post({ ok: false, error: String(err) }));
  });
})();
