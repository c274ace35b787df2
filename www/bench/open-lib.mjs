// @ts-check
// Helpers of the time-to-view benchmark (www/bench/open.mjs): the pages, small statistics,
// the machine and its load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** @typedef {{name: string, file: string, gzip: boolean}} PageSource */

/**
 * The article pages: Readability's test suite (corpus/readability/NAME/source.html) and the
 * wceb-dev pages whose type is "article" (corpus/wceb-dev/html/ID.html.gz), half from each,
 * evenly spread over each sorted list; without the shared corpus, www/samples.
 * @param {object} o
 * @param {string} o.shared the ../shared folder
 * @param {string} o.samples www/samples
 * @param {number} o.count how many pages (Infinity: all)
 * @returns {{pages: PageSource[], note: string}}
 */
export function selectPages({ shared, samples, count }) {
  const readabilityDir = path.join(shared, 'corpus', 'readability');
  const wcebDir = path.join(shared, 'corpus', 'wceb-dev');
  /** @type {PageSource[]} */
  const readability = [];
  /** @type {PageSource[]} */
  const wceb = [];
  if (fs.existsSync(readabilityDir)) {
    for (const d of fs.readdirSync(readabilityDir).sort()) {
      const file = path.join(readabilityDir, d, 'source.html');
      if (fs.existsSync(file)) readability.push({ name: `readability/${d}`, file, gzip: false });
    }
  }
  const truth = path.join(wcebDir, 'ground-truth.json');
  if (fs.existsSync(truth)) {
    /** @type {Record<string, {type?: string}>} */
    const gt = JSON.parse(fs.readFileSync(truth, 'utf8'));
    for (const id of Object.keys(gt).sort()) {
      const file = path.join(wcebDir, 'html', `${id}.html.gz`);
      if (gt[id].type === 'article' && fs.existsSync(file)) wceb.push({ name: `wceb-dev/${id}`, file, gzip: true });
    }
  }
  if (!readability.length && !wceb.length) {
    const own = fs
      .readdirSync(samples)
      .filter((f) => /\.html?$/i.test(f))
      .sort()
      .map((f) => ({ name: `samples/${f}`, file: path.join(samples, f), gzip: false }));
    return {
      pages: own.slice(0, count),
      note: `${shared}/corpus not found: the corpus pages are skipped; www/samples only (${Math.min(own.length, count)} pages)`,
    };
  }
  const wantWceb = Math.min(wceb.length, Math.floor(count / 2));
  const wantReadability = Math.min(readability.length, count - wantWceb);
  const pages = [...spread(readability, wantReadability), ...spread(wceb, Math.min(wceb.length, count - wantReadability))];
  return {
    pages,
    note:
      `${pages.length} pages: ${pages.filter((p) => p.name.startsWith('readability/')).length} of Readability's suite ` +
      `(of ${readability.length}), ${pages.filter((p) => p.name.startsWith('wceb-dev/')).length} wceb-dev articles (of ${wceb.length})`,
  };
}

/**
 * `n` items evenly spread over `xs` (all of them when n ≥ xs.length).
 * @template T
 * @param {T[]} xs
 * @param {number} n
 * @returns {T[]}
 */
export function spread(xs, n) {
  if (n >= xs.length) return [...xs];
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]);
}

/**
 * A page's HTML as served by the benchmark: decompressed, and with its own
 * `<meta http-equiv="Content-Security-Policy">` disabled (renamed), since the benchmark's
 * header policy is the one that counts. Bytes otherwise unchanged (read as latin1).
 * @param {PageSource} p
 * @returns {Buffer}
 */
export function pageBytes(p) {
  const raw = fs.readFileSync(p.file);
  const html = (p.gzip ? zlib.gunzipSync(raw) : raw).toString('latin1');
  return Buffer.from(html.replace(/http-equiv\s*=\s*(["']?)content-security-policy\1/gi, 'data-bench-removed-csp'), 'latin1');
}

// ---- statistics ---------------------------------------------------------------------------

/**
 * The q-quantile (0..1) by linear interpolation between order statistics; null when empty.
 * @param {number[]} xs
 * @param {number} q
 * @returns {number|null}
 */
export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** @param {number[]} xs */
export const median = (xs) => quantile(xs, 0.5);
/** @param {number[]} xs */
export const p90 = (xs) => quantile(xs, 0.9);

/**
 * @param {number|null|undefined} a
 * @param {number|null|undefined} b
 * @returns {number|null} a ÷ b
 */
export const ratio = (a, b) => (a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b);

/**
 * A number for a table: '–' when missing.
 * @param {number|null|undefined} x
 * @param {number} [digits]
 */
export const fmt = (x, digits = 0) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

// ---- the machine --------------------------------------------------------------------------

/** The machine, for the report. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0] ? cpus[0].model.trim() : 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

/** The 1, 5 and 15 minute load averages, rounded. */
export function load() {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}
