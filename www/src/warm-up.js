// A small made-up article with the usual clutter (an ad and its label, a share bar, a comment
// form, recommended links, a menu, a figure, a table), for the engine's warm-up (engine.js's
// warmUp): V8 compiles wasm functions lazily, on their first call, and optimizes the hot
// ones after a few runs, so cleaning this page before the reader's click makes the click's
// clean() run on compiled code. DOM-free.

/** The made-up page's address. */
export const WARM_UP_URL = 'https://example.com/news/warm-up';

/** The made-up page's HTML. */
export function warmUpPage() {
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
