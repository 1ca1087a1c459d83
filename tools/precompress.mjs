// Writes a Brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside each file named on
// the command line, or under each folder named (.css, .js, .mjs, .wasm, .svg, .json,
// .webmanifest files of 1 KiB or more). The server sends the copy the browser accepts (leptos_axum's static files:
// tower-http's `ServeDir` with `precompressed_br` and `precompressed_gzip`) instead of compressing
// the file on every request: a browser gets the bundle and the stylesheets smaller than gzip -6,
// and the server spends no time compressing them (BENCHMARKS.md §2, §4). Each file's old copies
// are removed before its new ones are written (a stale copy is never sent for a rebuilt file);
// a copy that would not be smaller than the file is not written.
//   node tools/precompress.mjs [--remove] <file or folder>...
//   --remove: only removes the copies (a debug bundle is served as built).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const remove = process.argv.includes('--remove');
const targets = process.argv.slice(2).filter((a) => a !== '--remove');
const compressible = /\.(css|js|mjs|wasm|svg|json|webmanifest)$/;

function files(target) {
  if (!fs.existsSync(target)) return [];
  if (fs.statSync(target).isFile()) return [target];
  return fs
    .readdirSync(target, { recursive: true })
    .map((name) => path.join(target, name))
    .filter((file) => compressible.test(file) && fs.statSync(file).isFile() && fs.statSync(file).size >= 1024);
}

let written = 0;
let before = 0;
let after = 0;
for (const file of targets.flatMap(files)) {
  const copies = { br: `${file}.br`, gz: `${file}.gz` };
  for (const copy of Object.values(copies)) fs.rmSync(copy, { force: true });
  if (remove) continue;
  const bytes = fs.readFileSync(file);
  const text = /\.(css|js|mjs|svg|json|webmanifest)$/.test(file);
  const br = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gz = zlib.gzipSync(bytes, { level: 9 });
  for (const [copy, compressed] of [[copies.br, br], [copies.gz, gz]]) {
    if (compressed.length < bytes.length) {
      fs.writeFileSync(copy, compressed);
      written += 1;
    }
  }
  before += bytes.length;
  after += Math.min(br.length, bytes.length);
  if (bytes.length > 100_000) {
    console.log(`   ${file}: ${bytes.length} bytes, brotli ${br.length}, gzip -9 ${gz.length}`);
  }
}
if (!remove) console.log(`   ${written} compressed copies written (${before} bytes, ${after} with brotli)`);
