// What the data serialised in an HTML page for hydration is made of: each resource Leptos
// wrote into a <script>, and for a JSON object, the bytes (raw and gzip -6, each part
// compressed alone) of each of its fields, two levels down. For tests/bench/plan-page.sh.
//   node tests/bench/page-data.mjs page.html
// The pages now carry their data in the compact format (ui::codec): its resources show as "not
// JSON" with their sizes; a page still in JSON shows its fields.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const html = readFileSync(process.argv[2], 'utf8');
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const size = (text) => `${kb(Buffer.byteLength(text))} (gzip ${kb(gzipSync(text, { level: 6 }).length)})`;
const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
let n = 0;
for (const script of scripts) {
  // A resource: `…[index] = "<the JSON as a JavaScript string>"` or a JSON literal.
  for (const literal of script.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    let text;
    try {
      text = JSON.parse(literal[0]);
    } catch {
      continue;
    }
    if (text.length < 2000) continue;
    n += 1;
    console.log(`resource ${n}: as written in the page ${size(literal[0])}, its text ${size(text)}`);
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      console.log('  (not JSON)');
      continue;
    }
    const walk = (object, depth, indent) => {
      if (object === null || typeof object !== 'object' || Array.isArray(object)) return;
      const parts = Object.entries(object)
        .map(([key, v]) => [key, v, JSON.stringify(v)])
        .sort((a, b) => b[2].length - a[2].length);
      for (const [key, v, json] of parts) {
        if (json.length < 500) continue;
        const count = Array.isArray(v) ? ` ×${v.length}` : '';
        console.log(`${indent}${key}${count}: ${size(json)}`);
        if (depth > 1) walk(v, depth - 1, `${indent}  `);
      }
    };
    walk(value, 2, '  ');
  }
}
