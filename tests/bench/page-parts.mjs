// What an HTML page's bytes are made of: <script> elements (Leptos's serialised resources
// for hydration among them), the <svg> drawings, <table>s, <form>s and the rest; raw bytes
// and gzip -6 bytes of each part compressed alone. One line, for tests/bench/plan-page.sh.
//   node tests/bench/page-parts.mjs page.html
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const html = readFileSync(process.argv[2], 'utf8');
const parts = [];
let rest = html;
for (const tag of ['script', 'svg', 'table', 'form']) {
  const found = [];
  rest = rest.replace(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g'), (element) => {
    found.push(element);
    return '';
  });
  parts.push([`${tag} ×${found.length}`, found.join('')]);
}
parts.push(['the rest', rest]);
const total = Buffer.byteLength(html);
const kb = (n) => `${(n / 1000).toFixed(0)} kB`;
console.log(parts
  .map(([label, text]) => {
    const raw = Buffer.byteLength(text);
    return `${label} ${kb(raw)} (${((100 * raw) / total).toFixed(0)}%, gzip ${kb(gzipSync(text, { level: 6 }).length)})`;
  })
  .join('; '));
