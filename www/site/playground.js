// The playground: clean() on pasted HTML; the result shown in a sandboxed iframe
// (no scripts, opaque origin), its Markdown and its removal report.
import { clean, formatDate, init, summarizeRemoved } from './article-cleaner.js';

/** @typedef {import('../npm/types-common.js').Article} Article */

/**
 * An element of playground.html by id.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function $(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`playground.html has no ${type.name} #${id}`);
  return el;
}
const form = $('form', HTMLFormElement);
const htmlInput = $('html', HTMLTextAreaElement);
const urlInput = $('url', HTMLInputElement);
const sample = $('sample', HTMLSelectElement);
const timing = $('timing', HTMLElement);
const rendered = $('rendered', HTMLIFrameElement);
const markdown = $('markdown', HTMLElement);
const report = $('report', HTMLElement);

const READER_STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; padding: 1.5rem 1.25rem 3rem; background: #fbfbf8; color: #1f1f22;
    font: 18px/1.6 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; }
  main { max-width: 38em; margin: 0 auto; overflow-wrap: break-word; }
  h1 { font-size: 1.7em; line-height: 1.2; margin: 0 0 .4em; }
  .meta { color: #67676e; font: .8em/1.5 system-ui, sans-serif; margin: 0 0 1.5em; }
  img, video, iframe { max-width: 100%; height: auto; }
  figure { margin: 0 0 1.1em; } figcaption { color: #67676e; font: .78em/1.45 system-ui, sans-serif; }
  blockquote { margin: 0 0 1.1em; padding-inline-start: 1.1em; border-inline-start: 3px solid #e2e2dc; font-style: italic; }
  pre { overflow: auto; background: #f0f0eb; padding: .8em 1em; border-radius: 6px; font-size: .8em; }
  code { font-family: ui-monospace, Menlo, Consolas, monospace; }
  table { border-collapse: collapse; display: block; overflow-x: auto; font: .85em system-ui, sans-serif; }
  td, th { border-bottom: 1px solid #e2e2dc; padding: .4em .6em; text-align: start; }
  a { color: #1f5fbf; }`;

/** @type {Record<string, string>} */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @param {unknown} s */
function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * @param {Article} article
 * @param {number} ms
 */
function show(article, ms) {
  const date = article.publishedTime && formatDate(article.publishedTime, article.lang);
  const meta = [article.siteName, article.byline, date, `${article.readingTimeMinutes} min read`]
    .filter(Boolean)
    .map(escapeHtml)
    .join(' · ');
  const dir = article.dir ? ` dir="${escapeHtml(article.dir)}"` : '';
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  // The engine's content is sanitized; the iframe's sandbox (no allow-scripts) is a second wall.
  rendered.srcdoc = `<!DOCTYPE html><html${lang}${dir}><head><meta charset="utf-8"><base target="_blank">
    <style>${READER_STYLE}</style></head><body><main><h1>${escapeHtml(article.title)}</h1>
    <p class="meta">${meta}</p>${article.content}</main></body></html>`;
  markdown.textContent = article.markdown;
  report.replaceChildren();
  const dl = document.createElement('dl');
  /** @type {(keyof Article)[]} */
  const fields = ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'dir', 'excerpt', 'leadImage', 'length', 'readingTimeMinutes', 'readerable'];
  for (const f of fields) {
    const dt = document.createElement('dt');
    dt.textContent = f;
    const dd = document.createElement('dd');
    const value = article[f];
    dd.textContent = value === null || value === undefined ? '—' : String(value);
    dl.append(dt, dd);
  }
  report.append(dl);
  const summary = document.createElement('p');
  summary.textContent = summarizeRemoved(article.removed) || 'Nothing removed.';
  report.append(summary);
  if (article.removed.length) {
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th>kind</th><th>reason</th><th>sample</th></tr></thead>';
    const body = document.createElement('tbody');
    for (const r of article.removed) {
      const tr = document.createElement('tr');
      for (const v of [r.kind, r.reason, r.sample]) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(body);
    report.append(table);
  }
  timing.textContent = `clean() took ${ms.toFixed(1)} ms for ${htmlInput.value.length.toLocaleString()} characters`;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const url = urlInput.value.trim();
  timing.textContent = 'Cleaning…';
  try {
    await init();
    const t0 = performance.now();
    const article = await clean(htmlInput.value, url ? { url } : undefined);
    show(article, performance.now() - t0);
  } catch (err) {
    timing.textContent = '';
    rendered.srcdoc = '';
    markdown.textContent = '';
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = String(err instanceof Error ? err.message : err);
    report.replaceChildren(p);
  }
});

// Sample pages, to start from something.
try {
  const samples = await (await fetch('samples/samples.json')).json();
  for (const s of samples) {
    const o = document.createElement('option');
    o.value = s.file;
    o.textContent = s.title;
    sample.append(o);
  }
} catch { /* no samples */ }
sample.addEventListener('change', async () => {
  const file = sample.value;
  if (!file) return;
  const page = new URL(`samples/${encodeURIComponent(file)}`, location.href);
  const html = await (await fetch(page)).text();
  // the demo's "Reader view" button script is not part of the page
  htmlInput.value = html.replace(/<script type="module" src="[./]*demo-button\.js"><\/script>\n?/, '');
  urlInput.value = page.href;
  form.requestSubmit();
});
