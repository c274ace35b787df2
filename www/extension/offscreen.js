// article-cleaner extension, Chromium: the offscreen document in which the engine runs
// (background.js creates it and makes sure it stays). It outlives the service worker, so the
// wasm is compiled once per browser session instead of at every worker start, and it is
// warmed up right away: V8 compiles wasm functions lazily, on their first call, so a first
// clean() of a small page here, before any click, makes the first real one run on compiled
// (and, after a few runs, optimized) code. The content script's request comes here directly.
import { clean, init } from './engine.js';

const MSG = 'article-cleaner:clean';
/** How many times the warm-up page is cleaned: enough for V8 to tier the hot functions up. */
const WARM_UP_RUNS = 5;

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || msg.type !== MSG || !sender.tab) return false;
  const url = typeof msg.url === 'string' ? msg.url : undefined;
  clean(String(msg.html), { url }).then(
    (article) => sendResponse({ article }),
    (/** @type {unknown} */ e) => sendResponse({ error: String((e instanceof Error && e.message) || e) }),
  );
  return true; // answered asynchronously
});

/**
 * A small made-up article with the usual clutter (an ad and its label, a share bar, a
 * comment form, recommended links, a menu), so that the warm-up runs the engine's paths.
 */
function warmUpPage() {
  const para = (/** @type {number} */ i) =>
    `<p>Paragraph ${i} of the warm-up article says enough, in plain words and with <a href="/notes/${i}">a link</a>, ` +
    `<em>some emphasis</em> and a number (${i * 17}), to be read as the body of an article by the engine.</p>`;
  const body = Array.from({ length: 12 }, (_, i) => para(i + 1));
  body.splice(4, 0, '<div class="ad-slot"><span>Advertisement</span><iframe src="/ads/frame"></iframe></div>');
  body.splice(8, 0, '<figure><img src="/img/photo.jpg" alt="A photo"><figcaption>A caption.</figcaption></figure>');
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Warm-up article | Example News</title>' +
    '<meta name="author" content="A. Writer"><meta property="og:site_name" content="Example News">' +
    '<meta property="article:published_time" content="2024-01-02T10:00:00Z"></head><body>' +
    '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>' +
    '<main><article><h1>Warm-up article</h1><p class="byline">By A. Writer</p>' +
    '<div class="share"><a href="/share/a">Share</a> <a href="/share/b">Tweet</a></div>' +
    `${body.join('')}<ul><li>One point</li><li>Another point</li></ul><blockquote><p>A quotation.</p></blockquote>` +
    '<table><tr><th>Year</th><th>Count</th></tr><tr><td>2023</td><td>12</td></tr></table><pre><code>let x = 1;</code></pre>' +
    '</article><aside class="related"><h2>Read more</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">One more story</a></li></ul></aside>' +
    '<section id="comments"><h2>Leave a comment</h2><form><textarea name="comment"></textarea><button>Post</button></form></section>' +
    '</main><footer><p>Copyright Example News</p></footer></body></html>'
  );
}

/** Compiles the wasm and runs the warm-up page a few times, one run per task. */
async function warmUp() {
  await init();
  const html = warmUpPage();
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    await clean(html, { url: 'https://example.com/news/warm-up' });
    await new Promise((r) => setTimeout(r, 0)); // a click's request may go first
  }
}

warmUp().catch((e) => console.warn('article-cleaner: warm-up failed', e));
