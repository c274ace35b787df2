// The TypeScript declarations (www/npm/*.d.ts) against what the engine really returns.
// The types of Article, Removal and RemovalKind are read from the Rust source (the serde
// structs and enum under src/) at test time, and the real wasm (through dist/node.js) cleans
// real pages; TypeScript then checks the declarations against both: the same fields with
// the same types, the same removal kinds, and every returned Article assignable to the
// declared one (an extra, missing or mistyped key is an error). No browser needed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DIST } from '../scripts/serve.mjs';
import { FIXTURES, RESULTS, ROOT, SHARED, WWW, ensureBuilt } from './harness.mjs';

const TSC = path.join(WWW, 'node_modules', 'typescript', 'bin', 'tsc');
const TYPES = path.join(WWW, 'npm', 'types-common.js'); // resolves to types-common.d.ts

// ---------------------------------------------------------------- the Rust side

/** The Rust source files under src/. */
function rustFiles() {
  return fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true })
    .map((f) => path.join(ROOT, 'src', String(f)))
    .filter((f) => f.endsWith('.rs'));
}

/**
 * A top-level `pub struct NAME { … }` or `pub enum NAME { … }` of src/: its attributes
 * (`#[…]` lines above it) and the lines of its body.
 * @param {'struct' | 'enum'} kind
 * @param {string} name
 */
function rustItem(kind, name) {
  const head = new RegExp(`^pub ${kind} ${name}\\s*\\{`);
  for (const file of rustFiles()) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const start = lines.findIndex((l) => head.test(l));
    if (start < 0) continue;
    const end = lines.findIndex((l, i) => i > start && /^\}/.test(l));
    let first = start;
    while (first > 0 && /^\s*(#\[|\/\/\/)/.test(lines[first - 1])) first--;
    return {
      file: path.relative(ROOT, file),
      attrs: lines.slice(first, start).join('\n'),
      body: lines.slice(start + 1, end),
    };
  }
  throw new Error(`no \`pub ${kind} ${name}\` in src/: update tests/types.test.mjs`);
}

/**
 * The body's members with their attributes: comments dropped, `#[serde(…)]` kept.
 * @param {string[]} body
 * @returns {{attrs: string, text: string}[]}
 */
function members(body) {
  const out = [];
  let attrs = '';
  for (const raw of body) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (line.startsWith('#[')) attrs += line;
    else {
      out.push({ attrs, text: line });
      attrs = '';
    }
  }
  return out;
}

/** serde's rename_all rule, from the item's attributes (none: names as written). */
function renamer(/** @type {string} */ attrs, /** @type {string} */ what) {
  const m = attrs.match(/rename_all\s*=\s*"([^"]+)"/);
  const rule = m ? m[1] : null;
  /** @param {string} s */
  const words = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split('_');
  if (!rule) return (/** @type {string} */ s) => s;
  if (rule === 'kebab-case') return (/** @type {string} */ s) => words(s).join('-');
  if (rule === 'camelCase') return (/** @type {string} */ s) => words(s).map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join('');
  throw new Error(`${what}: rename_all = "${rule}" is not handled by tests/types.test.mjs`);
}

/**
 * The serialized names of a unit-variant enum: the removal kinds, the page types the engine
 * can emit.
 * @param {string} name
 */
function rustVariants(name) {
  const item = rustItem('enum', name);
  const rename = renamer(item.attrs, item.file);
  return members(item.body).map(({ attrs, text }) => {
    const m = text.match(/^([A-Z]\w*)\s*,?$/);
    if (!m) throw new Error(`${item.file}: ${name} variant "${text}" is not a unit variant`);
    const own = attrs.match(/rename\s*=\s*"([^"]+)"/);
    return own ? own[1] : rename(m[1]);
  });
}

/**
 * The TypeScript type of a serde struct as serde_wasm_bindgen's json_compatible serializer
 * writes it: Option → `| null`, integers → number, Vec → array.
 * @param {string} name
 */
function rustStructAsTs(name) {
  const item = rustItem('struct', name);
  const rename = renamer(item.attrs, item.file);
  /** @param {string} t */
  const ts = (t) => {
    t = t.trim();
    let m;
    if ((m = t.match(/^Option<(.+)>$/))) return `${ts(m[1])} | null`;
    if ((m = t.match(/^Vec<(.+)>$/))) return `(${ts(m[1])})[]`;
    if (t === 'String' || t === '&str' || t === "&'static str") return 'string';
    if (/^(u|i)(8|16|32|64|size)$|^f(32|64)$/.test(t)) return 'number';
    if (t === 'bool') return 'boolean';
    if (t === 'RemovalKind' || t === 'Removal' || t === 'PageType') return `Rust${t}`;
    throw new Error(`${item.file}: ${name} has a field of type ${t}, which tests/types.test.mjs does not map yet`);
  };
  const fields = members(item.body).map(({ attrs, text }) => {
    const m = text.match(/^(?:pub(?:\([^)]*\))?\s+)?(\w+)\s*:\s*(.+?),?$/);
    if (!m) throw new Error(`${item.file}: cannot read the field "${text}" of ${name}`);
    if (/serde\([^)]*\bskip\b/.test(attrs)) return null;
    const own = attrs.match(/rename\s*=\s*"([^"]+)"/);
    const optional = /skip_serializing_if/.test(attrs) ? '?' : '';
    return `  ${own ? own[1] : rename(m[1])}${optional}: ${ts(m[2])};`;
  });
  return `type Rust${name} = {\n${fields.filter(Boolean).join('\n')}\n};`;
}

// ---------------------------------------------------------------- the real pages

/** Pages to clean: the project's own, and the development corpus when ../shared is there. */
function pages() {
  const files = [];
  for (const dir of [path.join(WWW, 'samples'), path.join(ROOT, 'tests', 'pages'), FIXTURES]) {
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) if (/\.html?$/.test(f)) files.push(path.join(dir, f));
  }
  for (const dir of [path.join(SHARED, 'fixtures'), path.join(SHARED, 'corpus', 'readability')]) {
    if (!fs.existsSync(dir)) continue;
    for (const d of fs.readdirSync(dir).sort()) {
      const f = path.join(dir, d, 'source.html');
      if (fs.existsSync(f)) files.push(f);
    }
  }
  return files;
}

/**
 * The Article as a TypeScript literal, its strings shortened (their type is what counts)
 * and one removal of each kind kept.
 * @param {Record<string, unknown>} article
 */
function literal(article) {
  /** @type {(v: unknown) => unknown} */
  const short = (v) => (typeof v === 'string' ? v.slice(0, 24) : v);
  const seen = new Set();
  const removed = /** @type {Record<string, unknown>[]} */ (article.removed || []).filter((r) => !seen.has(r.kind) && seen.add(r.kind));
  const out = Object.fromEntries(Object.entries(article).map(([k, v]) => [k, short(v)]));
  if (Array.isArray(article.removed)) out.removed = removed.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, short(v)])));
  return JSON.stringify(out);
}

// ---------------------------------------------------------------- the check

let tmp = '';
before(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-types-'));
});
after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the .d.ts types are the Rust types, and fit every Article the wasm returns on real pages', async () => {
  const engine = await import(pathToFileURL(path.join(DIST, 'node.js')).href);
  const articles = [];
  const kindsSeen = new Set();
  for (const file of pages()) {
    let article;
    try {
      article = await engine.clean(fs.readFileSync(file, 'utf8'), { url: 'https://example.com/news/story.html' });
    } catch {
      continue; // a page the engine refuses (e.g. an empty test page) has no Article to check
    }
    for (const r of article.removed) kindsSeen.add(r.kind);
    articles.push(`/* ${path.relative(ROOT, file)} */ ${literal(article)}`);
  }
  assert.ok(articles.length >= 5, `only ${articles.length} pages gave an Article`);

  const kinds = rustVariants('RemovalKind');
  const pageTypes = rustVariants('PageType');
  assert.ok(pageTypes.includes('thread') && pageTypes.length >= 6, `read page types ${pageTypes} from the Rust source`);
  assert.ok(kinds.length >= 5, `read ${kinds.length} removal kinds from the Rust source`);
  for (const k of kindsSeen) assert.ok(kinds.includes(k), `the engine emitted "${k}", which RemovalKind in the Rust source lacks`);

  const check = `import type { Article, PageType, Removal, RemovalKind } from ${JSON.stringify(TYPES)};

// From the Rust source (src/), as serde serializes it:
type RustRemovalKind = ${kinds.map((k) => JSON.stringify(k)).join(' | ')};
type RustPageType = ${pageTypes.map((k) => JSON.stringify(k)).join(' | ')};
${rustStructAsTs('Removal')}
${rustStructAsTs('Article')}

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// each way assignable (readable errors), then identical (no optional or extra field hides)
export const kindsToRust: RustRemovalKind[] = [] as RemovalKind[];
export const kindsFromRust: RemovalKind[] = [] as RustRemovalKind[];
export const kindsSame: Equals<RemovalKind, RustRemovalKind> = true;
export const pageTypesSame: Equals<PageType, RustPageType> = true;
export const removalToRust: RustRemoval = {} as Removal;
export const removalFromRust: Removal = {} as RustRemoval;
export const removalSame: Equals<Removal, RustRemoval> = true;
export const articleToRust: RustArticle = {} as Article;
export const articleFromRust: Article = {} as RustArticle;
export const articleSame: Equals<Article, RustArticle> = true;

// What the wasm returned on ${articles.length} pages:
export const returned: Article[] = [
${articles.join(',\n')}
];
`;
  fs.writeFileSync(path.join(tmp, 'check.ts'), check);
  fs.writeFileSync(
    path.join(tmp, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2023', 'dom'], types: [] },
      files: ['check.ts'],
    }),
  );
  const r = spawnSync(process.execPath, [TSC, '-p', tmp, '--pretty', 'false'], { encoding: 'utf8' });
  const errors = `${r.stdout}${r.stderr}`.trim();
  if (r.status !== 0) {
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, 'types-check.ts'), check); // the file the errors point into
  }
  assert.equal(r.status, 0, `the declarations in www/npm/ disagree with the engine (www/test-results/types-check.ts):\n${errors}`);
});
