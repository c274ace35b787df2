#!/usr/bin/env node
// The distribution channels, built from www/dist (run by www/scripts/build.mjs as its last step):
//   dist/npm/                          the npm package `article-cleaner` (npm pack from there)
//   dist/extension/                    the browser extension (MV3; Chromium and Firefox)
//   dist/article-cleaner-extension.zip the same, zipped
//   dist/bookmarklet.txt               the bookmarklet (BOOKMARKLET_BASE env: where the shim is)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { bookmarklet, DEFAULT_BASE } from './bookmarklet/bookmarklet.mjs';

const www = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(www, '..');
const dist = path.join(www, 'dist');
const log = (...m) => console.log('[channels]', ...m);

const version = (() => {
  const toml = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  const pkg = toml.split(/^\[/m).find((s) => s.startsWith('package]'));
  const m = pkg && pkg.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('no [package] version in Cargo.toml');
  return m[1];
})();

const need = (f) => {
  const p = path.join(dist, f);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run the full build first`);
  return p;
};

/** Copies a file, replacing `from` → `to` strings; each replacement must match. */
function copyEdited(src, dst, edits = []) {
  let text = fs.readFileSync(src, 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`${src}: expected to find ${JSON.stringify(from)}`);
    text = text.split(from).join(to);
  }
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  fs.writeFileSync(dst, text);
}

// ------------------------------------------------------------------ npm package
function buildNpm() {
  const out = path.join(dist, 'npm');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // A flat layout: the wasm sits next to the modules (new URL('./article_cleaner_bg.wasm', import.meta.url)).
  const flat = [
    ['./pkg/article_cleaner.js', './article_cleaner.js'],
    ['./pkg/article_cleaner_bg.wasm', './article_cleaner_bg.wasm'],
  ];
  copyEdited(need('engine.js'), path.join(out, 'engine.js'), flat);
  copyEdited(need('article-cleaner.js'), path.join(out, 'index.js'));
  copyEdited(need('reader.js'), path.join(out, 'reader.js'));
  copyEdited(need('reader-css.js'), path.join(out, 'reader-css.js'));
  copyEdited(need('pkg/article_cleaner.js'), path.join(out, 'article_cleaner.js'));
  fs.copyFileSync(need('pkg/article_cleaner_bg.wasm'), path.join(out, 'article_cleaner_bg.wasm'));
  for (const f of ['node.js', 'index.d.ts', 'node.d.ts', 'types-common.d.ts', 'README.md', 'LICENSE']) {
    fs.copyFileSync(path.join(www, 'npm', f), path.join(out, f));
  }
  const pkg = {
    name: 'article-cleaner',
    version,
    description:
      'Reader mode in WebAssembly: extracts the article from a web page and removes ads, ad labels, comments, share bars and related links.',
    license: 'Apache-2.0',
    type: 'module',
    main: './node.js',
    module: './index.js',
    browser: './index.js',
    types: './index.d.ts',
    exports: {
      '.': {
        browser: { types: './index.d.ts', default: './index.js' },
        node: { types: './node.d.ts', default: './node.js' },
        types: './index.d.ts',
        default: './index.js',
      },
      './article_cleaner_bg.wasm': './article_cleaner_bg.wasm',
      './package.json': './package.json',
    },
    files: fs.readdirSync(out).filter((f) => f !== 'package.json'),
    sideEffects: false,
    keywords: ['reader mode', 'readability', 'article extraction', 'ad removal', 'wasm', 'webassembly'],
    engines: { node: '>=20' },
  };
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  log(`npm package article-cleaner@${version} → dist/npm/`);
}

// ------------------------------------------------------------------ icons (PNG, drawn here)
const crcTable = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  if (zlib.crc32) return zlib.crc32(buf) >>> 0;
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      // 4×4 supersampling for smooth edges
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const [pr, pg, pb, pa] = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          r += pr * pa; g += pg * pa; b += pb * pa; a += pa;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / 16) * 255);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A calm glyph: a page (warm paper on a slate-blue rounded square) with lines of text. */
function iconPixel(u, v) {
  const inRound = (x0, y0, x1, y1, rad) => {
    const cx = Math.min(Math.max(u, x0 + rad), x1 - rad);
    const cy = Math.min(Math.max(v, y0 + rad), y1 - rad);
    return u >= x0 && u <= x1 && v >= y0 && v <= y1 && (u - cx) ** 2 + (v - cy) ** 2 <= rad * rad;
  };
  if (!inRound(0.02, 0.02, 0.98, 0.98, 0.22)) return [0, 0, 0, 0];
  const bg = [46, 84, 120, 1];
  if (!inRound(0.22, 0.16, 0.78, 0.84, 0.06)) return bg;
  const lines = [0.3, 0.43, 0.56, 0.69];
  const ends = [0.68, 0.68, 0.68, 0.52];
  for (let i = 0; i < lines.length; i++) {
    if (v >= lines[i] - 0.035 && v <= lines[i] + 0.035 && u >= 0.32 && u <= ends[i]) return [60, 70, 82, 1];
  }
  return [250, 246, 236, 1];
}

// ------------------------------------------------------------------ zip (stored/deflated, no binary)
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const dosTime = (1 << 11) | 0; // 01:00:00
  const dosDate = ((2024 - 1980) << 9) | (1 << 5) | 1; // fixed date: reproducible zips
  for (const { name, data } of files) {
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(useDeflate ? 8 : 0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  }).sort();
}

// ------------------------------------------------------------------ extension
export function manifest() {
  return {
    manifest_version: 3,
    name: 'article-cleaner reader view',
    short_name: 'Reader view',
    version,
    description: 'Reader view without ads, ad labels, comments, share bars or related links. The page never leaves your browser.',
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: {
      default_title: 'Reader view (Alt+Shift+R)',
      default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' },
    },
    // Chromium uses service_worker (and ignores scripts); Firefox uses scripts.
    background: { service_worker: 'background.js', scripts: ['background.js'], type: 'module' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Toggle the reader view',
      },
    },
    permissions: ['activeTab', 'scripting', 'storage'],
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    browser_specific_settings: {
      gecko: {
        id: 'article-cleaner@article-cleaner.invalid',
        strict_min_version: '140.0', // data_collection_permissions needs 140
        // nothing leaves the browser: the page is cleaned locally
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

async function buildExtension() {
  const out = path.join(dist, 'extension');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'icons'), { recursive: true });
  fs.mkdirSync(path.join(out, 'pkg'), { recursive: true });
  // background: the engine as plain ES modules (the module service worker imports them)
  fs.copyFileSync(path.join(www, 'extension', 'background.js'), path.join(out, 'background.js'));
  fs.copyFileSync(need('engine.js'), path.join(out, 'engine.js'));
  fs.copyFileSync(need('pkg/article_cleaner.js'), path.join(out, 'pkg', 'article_cleaner.js'));
  fs.copyFileSync(need('pkg/article_cleaner_bg.wasm'), path.join(out, 'pkg', 'article_cleaner_bg.wasm'));
  // content script: the reader view bundled into one IIFE file, with the engine stubbed out
  const readerJs = need('reader.js');
  const stub = path.join(www, 'extension', 'engine-stub.js');
  await esbuild.build({
    entryPoints: [path.join(www, 'extension', 'content.js')],
    outfile: path.join(out, 'content.js'),
    bundle: true,
    format: 'iife',
    target: ['chrome110', 'firefox115'],
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: '// article-cleaner reader view (content script), bundled by www/build-channels.mjs' },
    plugins: [
      {
        name: 'article-cleaner-paths',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/src\/reader\.js$/ }, () => ({ path: readerJs }));
          b.onResolve({ filter: /^\.\/engine\.js$/ }, (a) => (a.importer === readerJs ? { path: stub } : undefined));
        },
      },
    ],
  });
  const content = fs.readFileSync(path.join(out, 'content.js'), 'utf8');
  if (/WebAssembly|article_cleaner_bg/.test(content)) throw new Error('the content script bundle pulled in the engine');
  for (const size of [16, 32, 48, 128]) fs.writeFileSync(path.join(out, 'icons', `${size}.png`), png(size, iconPixel));
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest(), null, 2)}\n`);
  const files = listFiles(out).map((name) => ({ name, data: fs.readFileSync(path.join(out, name)) }));
  const zipPath = path.join(dist, 'article-cleaner-extension.zip');
  fs.writeFileSync(zipPath, zip(files));
  log(`extension → dist/extension/ and ${path.basename(zipPath)} (${fs.statSync(zipPath).size} bytes, ${files.length} files)`);
}

// ------------------------------------------------------------------ bookmarklet
function buildBookmarklet() {
  const base = process.env.BOOKMARKLET_BASE || DEFAULT_BASE;
  const code = bookmarklet(base);
  fs.writeFileSync(path.join(dist, 'bookmarklet.txt'), `${code}\n`);
  log(`bookmarklet for ${base}: ${code.length} characters → dist/bookmarklet.txt`);
}

try {
  buildNpm();
  await buildExtension();
  buildBookmarklet();
} catch (e) {
  console.error(`[channels] ${e.stack || e.message}`);
  process.exit(1);
}
