#!/usr/bin/env node
// A tiny static server (node:http, no dependencies) for www/dist.
//   node www/scripts/serve.mjs            → http://127.0.0.1:8080/  (PORT, HOST env)
// Also used by the tests: `startServer({ root, port: 0, mounts, headers })`.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '..', 'dist');

/** @type {Record<string, string>} */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
};

/** Test pages full of XSS vectors: served with a CSP so that opening one in the demo runs
 * none of its own scripts (the reader view still works: the shim and wasm come from 'self'). */
const HOSTILE_PAGE = /^\/samples\/[^/]*(xss|hostile)[^/]*\.html?$/i;
const HOSTILE_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; frame-src 'none'; base-uri 'none'";

/**
 * A file whose name carries its content's hash (the build's `pkg/article_cleaner_bg.<hash>.wasm`):
 * its URL changes with its content, so it is cached for a year without revalidation. With
 * no 304 round trip, Chromium reuses V8's cached compiled code of the wasm in a new tab.
 */
const HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;
/** Precompressed siblings the build writes (`x.wasm.br`, `x.wasm.gz`), best first. */
const ENCODINGS = /** @type {const} */ ([
  ['br', '.br'],
  ['gzip', '.gz'],
]);

/**
 * The precompressed sibling of `file` that the request accepts, if the build wrote one.
 * @param {string} file
 * @param {string | undefined} accept the Accept-Encoding header
 * @returns {{encoding: string, file: string, size: number} | null}
 */
function precompressed(file, accept) {
  if (!accept) return null;
  const offered = new Set(
    accept
      .split(',')
      .map((t) => t.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name.trim().toLowerCase()),
  );
  for (const [encoding, ext] of ENCODINGS) {
    if (!offered.has(encoding)) continue;
    try {
      const st = fs.statSync(file + ext);
      if (st.isFile()) return { encoding, file: file + ext, size: st.size };
    } catch {
      /* not precompressed in this encoding */
    }
  }
  return null;
}

/**
 * Starts the server.
 * @param {object} [o]
 * @param {string} [o.root] folder served at / (default www/dist)
 * @param {number} [o.port] 0 for an ephemeral port (default PORT env or 8080)
 * @param {string} [o.host] default 127.0.0.1
 * @param {Record<string,string>} [o.mounts] URL prefix → folder, e.g. {'/_shared/': '../shared'}
 * @param {(urlPath: string) => Record<string,string>|undefined} [o.headers] extra headers per path
 * @returns {Promise<{server: http.Server, port: number, url: string, close: () => Promise<void>}>}
 */
export function startServer(o = {}) {
  const root = path.resolve(o.root || DIST);
  const mounts = Object.entries(o.mounts || {}).map(([prefix, dir]) => [prefix, path.resolve(dir)]);
  const host = o.host || process.env.HOST || '127.0.0.1';
  const port = o.port ?? Number(process.env.PORT || 8080);

  const server = http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url || '/', 'http://x').pathname);
    } catch {
      return send(res, 400, 'Bad request');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    let base = root;
    let rel = urlPath;
    for (const [prefix, dir] of mounts) {
      if (urlPath.startsWith(prefix)) {
        base = dir;
        rel = urlPath.slice(prefix.length - 1);
        break;
      }
    }
    let file = path.join(base, path.normalize(rel));
    if (file !== base && !file.startsWith(base + path.sep)) return send(res, 403, 'Forbidden');
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          res.writeHead(301, { Location: `${urlPath}/` });
          return res.end();
        }
        file = path.join(file, 'index.html');
      }
      fs.stat(file, (err2, st2) => {
        if (err2 || !st2.isFile()) return send(res, 404, `Not found: ${urlPath}`);
        const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
        // A hashed name is immutable. Anything else is revalidated on every use, and an
        // unchanged file answers 304: the browser keeps its copy across page loads.
        const cache = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
        const packed = precompressed(file, /** @type {string | undefined} */ (req.headers['accept-encoding']));
        const etag = `W/"${st2.size.toString(16)}-${Math.floor(st2.mtimeMs).toString(16)}${packed ? `-${packed.encoding}` : ''}"`;
        const common = {
          'Cache-Control': cache,
          ETag: etag,
          // the shim, its wasm and pages may be loaded from other origins (bookmarklet)
          'Access-Control-Allow-Origin': '*',
          ...(fs.existsSync(file + ENCODINGS[0][1]) || fs.existsSync(file + ENCODINGS[1][1]) ? { Vary: 'Accept-Encoding' } : {}),
        };
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, common);
          return res.end();
        }
        res.writeHead(200, {
          'Content-Type': type,
          'Content-Length': packed ? packed.size : st2.size,
          ...(packed ? { 'Content-Encoding': packed.encoding } : {}),
          ...common,
          'X-Content-Type-Options': 'nosniff',
          ...(HOSTILE_PAGE.test(urlPath) ? { 'Content-Security-Policy': HOSTILE_CSP } : {}),
          ...(o.headers ? o.headers(urlPath) || {} : {}),
        });
        if (req.method === 'HEAD') return res.end();
        fs.createReadStream(packed ? packed.file : file).pipe(res);
      });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    console.error('www/dist is not built: run `npm --prefix www run build` first');
    process.exit(1);
  }
  const { url } = await startServer();
  console.log(`article-cleaner demo: ${url}  (samples: ${url}samples/, playground: ${url}playground.html)`);
  console.log('Ctrl+C to stop.');
}
