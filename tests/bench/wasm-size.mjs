// What a WebAssembly module's bytes are made of: the size of each section, then the code
// section's function bodies summed by crate (the first path segment of each function's
// name in the "name" custom section), by module inside `app`, and the largest functions.
// Generic code is counted under the crate of the function's own path (e.g. a tachys view
// function instantiated for an app component counts under tachys). No dependencies: it
// reads the binary format directly, like twiggy's "top" but grouped by crate.
//   node tests/bench/wasm-size.mjs FILE.wasm [TOP]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node tests/bench/wasm-size.mjs FILE.wasm [TOP]');
const top = Number(topArg ?? 15);
const bytes = readFileSync(file);

let at = 8; // magic and version
const leb = () => {
  let result = 0, shift = 0, b;
  do { b = bytes[at++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
};
const name = () => { const n = leb(); const s = bytes.toString('utf8', at, at + n); at += n; return s; };

const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const sections = [];
let importedFunctions = 0;
const bodies = []; // [function index, size]
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  let label = SECTIONS[id] ?? `section ${id}`;
  if (id === 0) {
    label = `custom "${name()}"`;
    if (label === 'custom "name"') readNames(end);
  } else if (id === 2) {
    for (let i = leb(); i > 0; i--) {
      name(); name();
      const kind = bytes[at++];
      if (kind === 0) { importedFunctions++; leb(); } else skipImport(kind);
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) { const n = leb(); bodies.push([importedFunctions + i, n + 1]); at += n; }
  }
  sections.push([label, size]);
  at = end;
}

function skipImport(kind) {
  if (kind === 1) { at++; limits(); } else if (kind === 2) limits(); else if (kind === 3) at += 2; else leb();
}
function limits() { const flags = bytes[at++]; leb(); if (flags & 1) leb(); }
function readNames(end) {
  while (at < end) {
    const sub = bytes[at++];
    const size = leb();
    const next = at + size;
    if (sub === 1) for (let i = leb(); i > 0; i--) { const index = leb(); names.set(index, name()); }
    at = next;
  }
}

/** A legacy-mangled Rust name (`_ZN…E`) in readable form; other names as they are. */
function demangle(raw) {
  if (!raw.startsWith('_ZN')) return raw;
  const parts = [];
  let i = 3;
  while (i < raw.length && raw[i] !== 'E') {
    const m = /^\d+/.exec(raw.slice(i));
    if (!m) break;
    i += m[0].length;
    parts.push(raw.slice(i, i + Number(m[0])));
    i += Number(m[0]);
  }
  const escapes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  return parts
    .filter((p) => !/^h[0-9a-f]{16}$/.test(p))
    .map((p) => p.replace(/^_\$/, '$').replace(/\.\./g, '::')
      .replace(/\$u([0-9a-f]+)\$/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/\$([A-Z]+)\$/g, (all, code) => escapes[code] ?? all))
    .join('::');
}

/** The (self type's) path a function belongs to, e.g. ["app", "ui", "timeline", …]. For a
 *  trait method it is the self type's path, or the trait's when the self type is generic or
 *  primitive (`<T as tachys::view::Render>::build` counts under tachys). */
function path(readable) {
  const s = readable.replace(/\[[0-9a-f]+\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
  if (!s.startsWith('<')) return s.split('::').filter(Boolean);
  let depth = 0, close = -1, as = -1;
  for (let i = 0; i < s.length && close < 0; i++) {
    if (s[i] === '<') depth++;
    else if (s[i] === '>' && s[i - 1] !== '-') { depth--; if (depth === 0) close = i; }
    else if (depth === 1 && s.startsWith(' as ', i)) as = i;
  }
  const selfType = s.slice(1, as > 0 ? as : close).replace(/^([&*]|mut |const |dyn |impl )+/, '');
  const own = /^<|^[a-z_][a-z0-9_]*::/.test(selfType) ? path(selfType) : [];
  if (own.length > 0 || as < 0) return own.length > 0 ? own : ['(primitive types)'];
  return path(s.slice(as + 4, close));
}

const total = bytes.length;
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`.padStart(6);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
let code = 0;
console.log(`${file}: ${total} bytes, ${bodies.length} function bodies, ${names.size} names`);
console.log('sections:');
for (const [label, size] of sections.sort((a, b) => b[1] - a[1])) console.log(`  ${label.padEnd(32)} ${kib(size)} ${pct(size)}`);
if (names.size === 0) {
  console.log('no "name" section: function names are unknown (run it on a build that keeps names)');
  process.exit(0);
}

const byCrate = new Map();
const byAppModule = new Map();
const functions = [];
for (const [index, size] of bodies) {
  code += size;
  const full = names.has(index) ? demangle(names.get(index)).replace(/\[[0-9a-f]+\]/g, "") : `<function ${index}>`;
  const p = path(full);
  const crate = /^[a-z_][a-z0-9_]*$|^\(/.test(p[0] ?? '') ? p[0] : '(wasm-bindgen glue, unnamed)';
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
  if (crate === 'app') {
    const module = p.slice(0, 3).join('::');
    byAppModule.set(module, (byAppModule.get(module) ?? 0) + size);
  }
  functions.push([full, size]);
}
const ofCode = (n) => `${((100 * n) / code).toFixed(1)}%`.padStart(6);
const show = (title, map) => {
  console.log(`${title} (% of the ${kib(code).trim()} of function bodies):`);
  for (const [key, size] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${key.padEnd(40)} ${kib(size)} ${ofCode(size)}`);
};
show('code by crate', byCrate);
show('code of the app crate by module', byAppModule);
console.log('largest functions (% of function bodies):');
for (const [full, size] of functions.sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${kib(size)} ${ofCode(size)}  ${full.length > 110 ? `${full.slice(0, 107)}...` : full}`);
}
