#!/usr/bin/env node
// The distribution channels, made from the built www/dist (the last step of
// scripts/build.mjs; `node www/scripts/build-channels.mjs` redoes only this step):
//   dist/npm/, dist/article-cleaner-<version>.tgz   the npm package (npm pack)
//   dist/extension/, dist/article-cleaner-extension.zip
//                                                   the MV3 extension (web-ext build)
//   dist/bookmarklet.txt                            the bookmarklet (BOOKMARKLET_BASE env:
//                                                   where the shim is served)
//   dist/bookmarklet.mjs                            its maker, for the demo page (which
//                                                   makes one for its own address)
// The package's package.json and the extension's manifest.json and icons are the files
// checked in under www/npm/ and www/extension/; this script only assembles and packs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import webExt from 'web-ext';
import { bookmarklet, DEFAULT_BASE } from '../bookmarklet/bookmarklet.mjs';

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(WWW, 'dist');
export const EXTENSION_ZIP = path.join(DIST, 'article-cleaner-extension.zip');

/** @param {string} f a file of dist/, which must exist */
function built(f) {
  const p = path.join(DIST, f);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run the full build (npm --prefix www run build) first`);
  return p;
}

/**
 * Copies a file, replacing each `from` by `to` (each must occur).
 * @param {string} src
 * @param {string} dst
 * @param {[string, string][]} [edits]
 */
function copyEdited(src, dst, edits = []) {
  let text = fs.readFileSync(src, 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`${src}: expected to find ${JSON.stringify(from)}`);
    text = text.split(from).join(to);
  }
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  fs.writeFileSync(dst, text);
}

/**
 * The files under `dir`, as sorted relative paths with "/".
 * @param {string} dir
 * @returns {string[]}
 */
function listFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** The npm package `article-cleaner`: dist/npm/ and its tarball. Returns the tarball's path. */
export function buildNpm(log = console.log) {
  const out = path.join(DIST, 'npm');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // A flat layout: the glue and the wasm sit next to the modules.
  const flat = /** @type {[string, string][]} */ ([
    ['./pkg/article_cleaner.js', './article_cleaner.js'],
    ['./pkg/article_cleaner_bg.wasm', './article_cleaner_bg.wasm'],
  ]);
  // engine.js from www/src: dist's points the demo at its versioned .wasm (build.mjs)
  copyEdited(path.join(WWW, 'src', 'engine.js'), path.join(out, 'engine.js'), flat);
  fs.copyFileSync(built('article-cleaner.js'), path.join(out, 'index.js'));
  for (const f of ['node.js', 'reader.js', 'reader-css.js', 'reader-blocks.js', 'reader-dom.js', 'reader-i18n.js', 'reader-picker.js', 'reader-removals.js', 'reader-speech.js', 'document-html.js', 'engine-client.js', 'engine-worker.js', 'warm-up.js', 'pristine.js']) {
    fs.copyFileSync(built(f), path.join(out, f));
  }
  fs.copyFileSync(built('pkg/article_cleaner.js'), path.join(out, 'article_cleaner.js'));
  fs.copyFileSync(built('pkg/article_cleaner_bg.wasm'), path.join(out, 'article_cleaner_bg.wasm'));
  for (const f of fs.readdirSync(path.join(WWW, 'npm'))) fs.copyFileSync(path.join(WWW, 'npm', f), path.join(out, f));

  // package.json's `files` must name exactly what is here: a file left out would be
  // missing from the tarball, a stale name would point at nothing.
  const pkg = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8'));
  const have = listFiles(out).filter((f) => f !== 'package.json');
  const listed = [...pkg.files].sort();
  if (JSON.stringify(have) !== JSON.stringify(listed)) {
    throw new Error(`www/npm/package.json "files" ${JSON.stringify(listed)} differs from the package's files ${JSON.stringify(have)}`);
  }

  for (const f of fs.readdirSync(DIST)) if (/^article-cleaner-.*\.tgz$/.test(f)) fs.rmSync(path.join(DIST, f));
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', out, '--json', '--pack-destination', DIST], { cwd: DIST, encoding: 'utf8', env }),
  );
  const tarball = path.join(DIST, packed.filename);
  log(`npm package ${pkg.name}@${pkg.version} → dist/npm/ and ${packed.filename} (${fs.statSync(tarball).size} bytes, ${packed.entryCount} files)`);
  return tarball;
}

/** The browser extension: dist/extension/ (load it unpacked) and its zip. */
export async function buildExtension(log = console.log) {
  const src = path.join(WWW, 'extension');
  const out = path.join(DIST, 'extension');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'pkg'), { recursive: true });
  fs.copyFileSync(path.join(src, 'manifest.json'), path.join(out, 'manifest.json'));
  fs.cpSync(path.join(src, 'icons'), path.join(out, 'icons'), { recursive: true });
  // background, and the offscreen document that runs the engine in Chromium (in Firefox the
  // background imports it): the engine as plain ES modules
  for (const f of ['background.js', 'offscreen.html', 'offscreen.js']) fs.copyFileSync(path.join(src, f), path.join(out, f));
  fs.copyFileSync(path.join(WWW, 'src', 'engine.js'), path.join(out, 'engine.js')); // not dist's (build.mjs)
  for (const f of ['document-html.js', 'pristine.js', 'warm-up.js', 'pkg/article_cleaner.js', 'pkg/article_cleaner_bg.wasm']) {
    fs.copyFileSync(built(f), path.join(out, f));
  }
  // content script: injected as a classic script, so the reader view is bundled into it
  await esbuild.build({
    entryPoints: [path.join(src, 'content.js')],
    outfile: path.join(out, 'content.js'),
    bundle: true,
    format: 'iife',
    target: ['chrome110', 'firefox115'],
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: '// article-cleaner reader view (content script), bundled by www/scripts/build-channels.mjs' },
  });
  const content = fs.readFileSync(path.join(out, 'content.js'), 'utf8');
  if (/WebAssembly|article_cleaner_bg/.test(content)) throw new Error('the content script bundle pulled in the engine');

  fs.rmSync(EXTENSION_ZIP, { force: true });
  await webExt.cmd.build({ sourceDir: out, artifactsDir: DIST, filename: path.basename(EXTENSION_ZIP) }, { showReadyMessage: false });
  log(`extension → dist/extension/ and ${path.basename(EXTENSION_ZIP)} (${fs.statSync(EXTENSION_ZIP).size} bytes, ${listFiles(out).length} files)`);
}

/**
 * The bookmarklet: dist/bookmarklet.txt, a `javascript:` URL for the shim at BOOKMARKLET_BASE;
 * and dist/bookmarklet.mjs, with which the demo page makes the one for the address it is
 * served from (whatever PORT or HOST the server has).
 */
export function buildBookmarklet(log = console.log) {
  const base = process.env.BOOKMARKLET_BASE || DEFAULT_BASE;
  const code = bookmarklet(base);
  fs.writeFileSync(path.join(DIST, 'bookmarklet.txt'), `${code}\n`);
  fs.copyFileSync(path.join(WWW, 'bookmarklet', 'bookmarklet.mjs'), path.join(DIST, 'bookmarklet.mjs'));
  log(`bookmarklet for ${base}: ${code.length} characters → dist/bookmarklet.txt`);
}

/** All three channels. */
export async function buildChannels(log = console.log) {
  buildNpm(log);
  await buildExtension(log);
  buildBookmarklet(log);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  try {
    await buildChannels((...m) => console.log('[channels]', ...m));
  } catch (e) {
    console.error(`[channels] ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
  }
}
