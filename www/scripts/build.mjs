#!/usr/bin/env node
// Builds the browser package into www/dist/:
//   1. cargo rustc --release --lib --target wasm32-unknown-unknown --no-default-features --features wasm
//      --crate-type cdylib,rlib -- -C llvm-args=-inline-threshold=100
//      (cdylib alone gives a 6 KB gzip larger module; the inline threshold, see below)
//   2. wasm-opt -O3 (Debian binaryen 108 needs the feature flags below), before wasm-bindgen
//   3. wasm-bindgen --target web            → dist/pkg/article_cleaner.js + _bg.wasm (+ .d.ts)
//      and prints the .wasm size (raw, gzip, brotli)
//   4. the shim (www/src/*.js), reader.css, demo pages and sample pages → dist/; the demo's
//      shim loads the .wasm under a versioned name (pkg/article_cleaner_bg.<hash>.wasm, with
//      .br and .gz beside it), which the demo server sends compressed and immutable
//   5. a smoke test: Node loads the module (through src/node.js) and cleans a page
//   6. the channels (scripts/build-channels.mjs): npm package, extension, bookmarklet
//
// Options: --opt=O3|Oz|Os|none   wasm-opt level (default O3: measured as small as Oz, and faster)
//          --opt-level=3|s|z      Cargo opt-level override (default: Cargo.toml's release profile)
//          --inline-threshold=N|default  LLVM's inline threshold for the module (default 100)
//          --skip-cargo           reuse the last compiled .wasm (only re-run the JS steps)
//          --quiet                less output
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { buildChannels } from './build-channels.mjs';
import { bindgenVersion } from './versions.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const www = path.resolve(here, '..');
const root = path.resolve(www, '..');
const dist = path.join(www, 'dist');
/** @type {Record<string, string | true>} */
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const quiet = Boolean(args.quiet);
const log = (/** @type {unknown[]} */ ...m) => quiet || console.log('[build]', ...m);

// LLVM's inline threshold while it links and optimizes the whole module (fat LTO runs in
// this crate's rustc, so `cargo rustc -- …` reaches every crate's code, and rebuilds no
// dependency). opt-level 3 inlines up to 250; 100 gives a 14 KB gzip smaller module (382 →
// 368 KB) with clean() as fast within the noise (docs/PERFORMANCE.md, "Size"), where
// opt-level "s" costs 24 % and "z" 2.3×.
const INLINE_THRESHOLD = '100';

const WASM_OPT_FEATURES = [
  '--enable-bulk-memory',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int',
  '--enable-reference-types',
  '--enable-multivalue',
];

/**
 * Runs a command; throws unless it exits with 0.
 * @param {string} cmd
 * @param {string[]} argv
 * @param {import('node:child_process').SpawnSyncOptions} [opts]
 */
function run(cmd, argv, opts = {}) {
  log('$', cmd, argv.join(' '));
  const r = spawnSync(cmd, argv, { stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit', ...opts });
  if (r.error) {
    throw new Error(`${cmd} could not start (${r.error.message}); run www/scripts/setup.sh`);
  }
  if (r.status !== 0) throw new Error(`${cmd} failed with exit code ${r.status}`);
}

/**
 * The command's output (its version, by default), or null if it does not run.
 * @param {string} cmd
 */
function has(cmd, argv = ['--version']) {
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Cargo's target directory (CARGO_TARGET_DIR and .cargo/config included). */
function cargoTargetDir() {
  try {
    const meta = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(meta).target_directory;
  } catch {
    return process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
  }
}

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KiB`;

function buildWasm() {
  const target = path.join(cargoTargetDir(), 'wasm32-unknown-unknown', 'release', 'article_cleaner.wasm');
  if (!args['skip-cargo']) {
    const env = { ...process.env };
    if (args['opt-level']) env.CARGO_PROFILE_RELEASE_OPT_LEVEL = String(args['opt-level']);
    const threshold = args['inline-threshold'] === undefined ? INLINE_THRESHOLD : String(args['inline-threshold']);
    const rustcArgs = threshold === 'default' ? [] : ['--', '-C', `llvm-args=-inline-threshold=${threshold}`];
    run(
      'cargo',
      [
        'rustc', '--release', '--lib', '--target', 'wasm32-unknown-unknown', '--no-default-features', '--features', 'wasm',
        '--crate-type', 'cdylib,rlib', ...rustcArgs,
      ],
      { cwd: root, env },
    );
  }
  if (!fs.existsSync(target)) throw new Error(`no ${target}: the cargo build did not produce it`);

  // wasm-opt runs BEFORE wasm-bindgen: Debian's binaryen 108 rewrites a module that has
  // wasm-bindgen's externref table wrongly (the table export ends up pointing at the
  // funcref table, and instantiation fails), even with no pass at all. Before wasm-bindgen
  // there is only the funcref table, and wasm-bindgen reads the optimized module fine.
  const before = fs.statSync(target).size;
  const level = args.opt === undefined ? 'O3' : String(args.opt);
  let input = target;
  if (level !== 'none') {
    if (!has('wasm-opt')) {
      console.warn('[build] wasm-opt not found (run www/scripts/setup.sh): the .wasm is not optimized');
    } else {
      input = path.join(path.dirname(target), 'article_cleaner.opt.wasm');
      run('wasm-opt', [`-${level}`, ...WASM_OPT_FEATURES, target, '-o', input]);
    }
  }

  // the CLI must be exactly the version of the wasm-bindgen crate locked in Cargo.lock
  const want = bindgenVersion(root);
  const got = has('wasm-bindgen');
  if (!got) throw new Error('wasm-bindgen CLI not found: run www/scripts/setup.sh');
  if (!got.endsWith(` ${want}`)) {
    throw new Error(`${got} does not match wasm-bindgen ${want} in Cargo.lock: run www/scripts/setup.sh`);
  }
  const pkg = path.join(dist, 'pkg');
  fs.rmSync(pkg, { recursive: true, force: true });
  run('wasm-bindgen', [
    '--target', 'web',
    '--experimental-reset-state-function',
    '--remove-producers-section',
    '--out-name', 'article_cleaner',
    '--out-dir', pkg,
    input,
  ]);
  const wasmFile = path.join(pkg, 'article_cleaner_bg.wasm');
  const bytes = fs.readFileSync(wasmFile);
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  const br = zlib.brotliCompressSync(bytes).length;
  console.log(
    `[build] article_cleaner_bg.wasm: ${bytes.length} bytes raw (${kb(bytes.length)}), ` +
      `${gz} bytes gzip -9 (${kb(gz)}), ${br} bytes brotli (${kb(br)}); ` +
      `cargo output ${before} bytes; wasm-opt -${level}`,
  );
}

/**
 * The demo's .wasm under a name that carries its content hash, precompressed (brotli 11,
 * gzip 9) for the server to send by Accept-Encoding, and the demo's dist/engine.js pointed
 * at it: the server caches a hashed name for a year (`immutable`), so a new tab reuses the
 * browser's copy and V8's compiled code without a revalidation. The npm package and the
 * extension take engine.js from www/src, unchanged (build-channels.mjs).
 */
function versionWasm() {
  const pkg = path.join(dist, 'pkg');
  const bytes = fs.readFileSync(path.join(pkg, 'article_cleaner_bg.wasm'));
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const name = `article_cleaner_bg.${hash}.wasm`;
  for (const f of fs.readdirSync(pkg)) {
    if (/^article_cleaner_bg\.[0-9a-f]{12}\.wasm/.test(f) && !f.startsWith(name)) fs.rmSync(path.join(pkg, f));
  }
  fs.writeFileSync(path.join(pkg, name), bytes);
  fs.writeFileSync(path.join(pkg, `${name}.gz`), zlib.gzipSync(bytes, { level: 9 }));
  fs.writeFileSync(
    path.join(pkg, `${name}.br`),
    zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  );
  const engineJs = path.join(dist, 'engine.js');
  const from = "'./pkg/article_cleaner_bg.wasm'";
  const text = fs.readFileSync(engineJs, 'utf8');
  if (!text.includes(from)) throw new Error(`${engineJs}: expected to find ${from}`);
  fs.writeFileSync(engineJs, text.replace(from, `'./pkg/${name}'`));
  log(`demo: the .wasm as pkg/${name} (+ .br, .gz)`);
}

/** Loads the built module in Node, as the npm package's Node entry does, and cleans a page: catches a broken toolchain early. */
async function smokeTest() {
  const engine = await import(pathToFileURL(path.join(dist, 'node.js')).href);
  const para = '<p>The smoke test paragraph has enough words to look like the body of a short article. '.repeat(4);
  try {
    const article = await engine.clean(`<html><body><article><h1>Smoke</h1>${para}</article></body></html>`, {
      url: 'https://example.com/',
    });
    if (typeof article !== 'object' || typeof article.title !== 'string') throw new Error('clean() gave no Article');
  } catch (e) {
    // the engine may refuse a page with an Error; a trap or anything else is a broken build
    if (!(e instanceof Error) || e instanceof WebAssembly.RuntimeError || !/^article-cleaner:/.test(e.message)) {
      throw new Error(`smoke test: clean() failed: ${e instanceof Error ? e.message : e}`);
    }
  }
  const threw = await engine.clean(123).then(
    () => false,
    (/** @type {unknown} */ e) => e instanceof TypeError,
  );
  if (!threw) throw new Error('smoke test: clean(123) did not reject with a TypeError');
  log(`smoke test passed: engine ${await engine.version()} loads in Node and cleans`);
}

/**
 * A sample page gets a "Reader view" button that loads the shim. The tag goes into the
 * head (a module script runs after parsing anyway): a page may end in `<plaintext>`,
 * which would turn a tag near `</body>` into text.
 * @param {string} html
 * @param {number} depth how deep the page is under dist/
 */
function addReaderButton(html, depth) {
  const tag = `<script type="module" src="${'../'.repeat(depth)}demo-button.js"></script>`;
  for (const re of [/<head(\s[^>]*)?>/i, /<html(\s[^>]*)?>/i, /<!doctype[^>]*>/i]) {
    const m = re.exec(html);
    if (m) return `${html.slice(0, m.index + m[0].length)}\n${tag}${html.slice(m.index + m[0].length)}`;
  }
  return `${tag}\n${html}`;
}

/**
 * The page's <title>, else `fallback`.
 * @param {string} html
 * @param {string} fallback
 */
function titleOf(html, fallback) {
  const m = html.match(/<title[^>]*>([\s\S]*?)<\/title>/i);
  const t = m ? m[1].replace(/\s+/g, ' ').trim() : '';
  return t
    ? t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    : fallback;
}

async function buildSite() {
  // The engine, the reader view and the shim: plain ES modules, copied as they are.
  for (const f of fs.readdirSync(path.join(www, 'src'))) {
    if (f.endsWith('.js')) fs.copyFileSync(path.join(www, 'src', f), path.join(dist, f));
  }
  // The reader's style sheet also as a file, for anyone who wants it.
  const { default: css } = await import(pathToFileURL(path.join(www, 'src', 'reader-css.js')).href);
  fs.writeFileSync(path.join(dist, 'reader.css'), css);
  // The demo site: index, playground.
  fs.cpSync(path.join(www, 'site'), dist, { recursive: true });

  // Sample pages: ours (www/samples) and the project's test pages (tests/pages).
  const samplesDir = path.join(dist, 'samples');
  fs.rmSync(samplesDir, { recursive: true, force: true });
  fs.mkdirSync(samplesDir, { recursive: true });
  /** @type {{file: string, title: string, origin: string}[]} */
  const list = [];
  for (const [dir, origin] of [
    [path.join(www, 'samples'), 'www/samples'],
    [path.join(root, 'tests', 'pages'), 'tests/pages'],
  ]) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const src = path.join(dir, name);
      if (!fs.statSync(src).isFile()) continue;
      if (!/\.html?$/i.test(name)) {
        fs.copyFileSync(src, path.join(samplesDir, name)); // images and the like
        continue;
      }
      if (list.some((s) => s.file === name)) continue; // ours win over a same-named test page
      const html = fs.readFileSync(src, 'utf8');
      fs.writeFileSync(path.join(samplesDir, name), addReaderButton(html, 1));
      list.push({ file: name, title: titleOf(html, name), origin });
    }
  }
  fs.writeFileSync(path.join(samplesDir, 'samples.json'), `${JSON.stringify(list, null, 2)}\n`);
  // The address the server prints: a plain list of the pages.
  /** @type {Record<string, string>} */
  const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const esc = (/** @type {string} */ t) => t.replace(/[&<>"]/g, (c) => entities[c]);
  const items = list
    .map((s) => `<li><a href="${esc(encodeURI(s.file))}">${esc(s.title)}</a> <small>${esc(s.origin)}</small></li>`)
    .join('\n');
  fs.writeFileSync(
    path.join(samplesDir, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>article-cleaner sample pages</title>` +
      `<link rel="stylesheet" href="../site.css"></head>\n<body><main><h1>Sample pages</h1>` +
      `<p><a href="../">Back to the demo</a></p>\n<ul>\n${items}\n</ul></main></body></html>\n`,
  );
  log(`${list.length} sample pages → dist/samples/`);
}

const t0 = Date.now();
try {
  fs.mkdirSync(dist, { recursive: true });
  buildWasm();
  await buildSite();
  versionWasm();
  await smokeTest();
  await buildChannels((...m) => log('[channels]', ...m));
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${path.relative(root, dist)}/`);
} catch (e) {
  console.error(`[build] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
