// The npm package: the build's tarball (npm pack of dist/npm) installed into a fresh
// project, then (a) Node imports it and cleans the seed page, (b) esbuild bundles a page
// that imports it and Chromium shows the reader view.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { startServer } from '../scripts/serve.mjs';
import { crateVersion } from '../scripts/versions.mjs';
import { SHARED, WWW, installPackedPackage, norm, readerText, setUp } from './harness.mjs';

const SEED = path.join(SHARED, 'fixtures', 'seed-tagdiv', 'source.html');
const useSeed = fs.existsSync(SEED);
const SOURCE = useSeed ? SEED : path.join(WWW, 'samples', 'ad-article.html');
const EXPECTED_TITLE = useSeed
  ? JSON.parse(fs.readFileSync(path.join(SHARED, 'fixtures', 'seed-tagdiv', 'expected.json'), 'utf8')).title
  : 'Port Ellery votes to bring its tidal mill back to life';
const quotes = (s) => norm(s).replace(/[“”«»]/g, '"').replace(/[‘’]/g, "'");

let installed;
let project;
before(() => {
  installed = installPackedPackage();
  project = installed.project;
});
after(() => installed?.remove());

describe('npm package', () => {
  test('the tarball: version from Cargo.toml, Apache-2.0, types, wasm and README', () => {
    const dir = installed.pkgDir;
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    assert.equal(pkg.version, crateVersion());
    assert.equal(pkg.license, 'Apache-2.0');
    for (const f of ['index.js', 'node.js', 'engine.js', 'reader.js', 'document-html.js', 'pristine.js', 'index.d.ts', 'node.d.ts', 'types-common.d.ts', 'article_cleaner_bg.wasm', 'README.md', 'LICENSE']) {
      assert.ok(fs.existsSync(path.join(dir, f)), f);
    }
  });

  test('its types declare exactly what its Node and browser entries export, and compile', () => {
    // the real exports, from Node (the browser entry imports in Node: it touches no DOM then)
    fs.writeFileSync(
      path.join(project, 'exports.mjs'),
      `const node = await import('article-cleaner');\n` +
        `const browser = await import('./node_modules/article-cleaner/index.js');\n` +
        `console.log(JSON.stringify({ node: Object.keys(node), browser: Object.keys(browser) }));\n`,
    );
    const real = JSON.parse(execFileSync(process.execPath, ['exports.mjs'], { cwd: project, encoding: 'utf8' }));
    assert.ok(real.node.includes('clean') && !real.node.includes('openReader'), `node entry: ${real.node}`);
    assert.ok(real.browser.includes('openReader') && real.browser.includes('cleanDocument'), `browser entry: ${real.browser}`);
    // the declared ones: TypeScript resolves the package as a consumer's project does
    const names = (/** @type {string[]} */ keys) => `{ ${keys.map((k) => `${k}: true`).join(', ')} }`;
    fs.writeFileSync(
      path.join(project, 'check.ts'),
      `import * as node from 'article-cleaner';\n` +
        `import * as browser from './node_modules/article-cleaner/index.js';\n` +
        `export const nodeExports: Record<keyof typeof node, true> = ${names(real.node)};\n` +
        `export const browserExports: Record<keyof typeof browser, true> = ${names(real.browser)};\n`,
    );
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2023', 'dom'], types: [] },
        files: ['check.ts'],
      }),
    );
    const tsc = path.join(WWW, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `the package's .d.ts files and its exports disagree:\n${r.stdout}${r.stderr}`);
  });

  test('Node imports it and cleans the seed page', () => {
    const script = `
      import fs from 'node:fs';
      import { clean, version } from 'article-cleaner';
      const html = fs.readFileSync(${JSON.stringify(SOURCE)}, 'utf8');
      const a = await clean(html, { url: 'https://example.com/article' });
      console.log(JSON.stringify({ title: a.title, text: a.textContent, content: a.content, v: await version() }));
    `;
    fs.writeFileSync(path.join(project, 'run.mjs'), script);
    const out = JSON.parse(execFileSync(process.execPath, ['run.mjs'], { cwd: project, encoding: 'utf8' }));
    assert.equal(quotes(out.title), quotes(EXPECTED_TITLE));
    assert.ok(!out.text.includes('Publicité'), 'no "Publicité"');
    assert.ok((out.content.match(/<p[\s>]/g) || []).length >= 3, 'paragraphs present');
    assert.match(out.v, /\d+\.\d+/);
  });

  test('esbuild bundles a page that imports it; Chromium shows the reader view', async () => {
    const site = path.join(project, 'site');
    fs.mkdirSync(site);
    fs.writeFileSync(
      path.join(project, 'app.js'),
      `import { openReader } from 'article-cleaner';\nwindow.__opened = openReader().then((r) => r.shown);\n`,
    );
    await esbuild.build({
      entryPoints: [path.join(project, 'app.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile: path.join(site, 'app.js'),
      absWorkingDir: project,
      logLevel: 'error',
    });
    // esbuild does not emit assets found through new URL(…, import.meta.url): copy the wasm (README says so)
    fs.copyFileSync(path.join(project, 'node_modules', 'article-cleaner', 'article_cleaner_bg.wasm'), path.join(site, 'article_cleaner_bg.wasm'));
    const bundle = fs.readFileSync(path.join(site, 'app.js'), 'utf8');
    assert.ok(bundle.includes('article-cleaner-reader') && !bundle.includes('readFileSync'), 'the browser entry, not the Node one');
    const html = fs.readFileSync(SOURCE, 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
    fs.writeFileSync(path.join(site, 'index.html'), html.replace(/<\/body>/i, '<script type="module" src="app.js"></script></body>'));
    const server = await startServer({ root: site, port: 0 });
    const env = await setUp();
    try {
      const page = await env.newPage();
      await page.goto(server.url);
      assert.equal(await page.waitForFunction(() => window.__opened).then((h) => h.jsonValue()), 'article');
      const text = norm(await readerText(page));
      assert.ok(quotes(text).includes(quotes(EXPECTED_TITLE)), 'title shown');
      assert.ok(!text.includes('Publicité'));
      assert.deepEqual(page.errors.map(String), []);
    } finally {
      await env.close();
      await server.close();
    }
  });
});
