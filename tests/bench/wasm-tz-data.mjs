// How much of a WebAssembly module's data section is chrono-tz's table of time zone
// history (every IANA zone's offset changes since the 19th century). Reads the tables from
// chrono-tz's source (src/prebuilt/timezones.rs, as compiled), then looks for each distinct
// table in the data section: an entry is an i64 instant, the zone abbreviation's pointer and
// length, the UTC and DST offsets (i32), 24 bytes on wasm32; a table counts only when all
// its entries' instants and offsets are found in a row. Prints what was found: measured,
// not estimated. Also the gzip size of those bytes alone (a guide: gzip sees them in context).
//   node tests/bench/wasm-tz-data.mjs FILE.wasm [path/to/chrono-tz/src/prebuilt/timezones.rs]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [file, sourceArg] = process.argv.slice(2);
const lock = readFileSync('Cargo.lock', 'utf8');
const version = /name = "chrono-tz"\nversion = "([^"]+)"/.exec(lock)?.[1];
const registry = join(process.env.CARGO_HOME ?? join(process.env.HOME, '.cargo'), 'registry', 'src');
const source = sourceArg ?? readdirSync(registry)
  .map((index) => join(registry, index, `chrono-tz-${version}`, 'src', 'prebuilt', 'timezones.rs'))
  .find(existsSync);
if (!file || !source) throw new Error('usage: node tests/bench/wasm-tz-data.mjs FILE.wasm [timezones.rs]');

const text = readFileSync(source, 'utf8');
const body = text.slice(text.indexOf('fn timespans'));
const tables = new Map(); // table text → entries
let zones = 0;
for (const [, table] of body.matchAll(/const REST: &\[\(i64, FixedTimespan\)\] = &\[([\s\S]*?)\n\s*\];/g)) {
  zones++;
  const entries = [...table.matchAll(/\((-?\d+), FixedTimespan \{ utc_offset: (-?\d+), dst_offset: (-?\d+)/g)]
    .map(([, at, utc, dst]) => [BigInt(at), Number(utc), Number(dst)]);
  if (entries.length > 0) tables.set(table, entries); // zones without changes have an empty table
}

const bytes = readFileSync(file);
let at = 8, data = Buffer.alloc(0), dataSection = 0;
const leb = () => { let r = 0, s = 0, b; do { b = bytes[at++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
const sleb = () => {
  let r = 0, s = 0, b;
  do { b = bytes[at++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80);
  return s < 32 && b & 0x40 ? r | (-1 << s) : r;
};
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 11) {
    dataSection = size;
    // Lay the active segments out at their addresses: wasm-opt drops runs of zeros
    // between segments, so that concatenating them would shift the bytes.
    const segments = [];
    for (let n = leb(); n > 0; n--) {
      const flags = leb();
      if (flags === 2) leb();
      let address = 0;
      if (flags !== 1) {
        if (bytes[at] === 0x41) { at++; address = sleb(); }
        while (bytes[at] !== 0x0b) at++;
        at++;
      }
      const length = leb();
      segments.push([address, bytes.subarray(at, at + length)]);
      at += length;
    }
    const base = Math.min(...segments.map(([a]) => a));
    data = Buffer.alloc(Math.max(...segments.map(([a, b]) => a + b.length)) - base);
    for (const [address, b] of segments) b.copy(data, address - base);
  }
  at = end;
}

// rustc lays an entry out as: i64 instant, the name's pointer and length, UTC offset, DST offset.
const instant = (e) => { const b = Buffer.alloc(8); b.writeBigInt64LE(e[0]); return b; };
const offsets = (e) => { const b = Buffer.alloc(8); b.writeInt32LE(e[1], 0); b.writeInt32LE(e[2], 4); return b; };
const matches = (from, e) => data.subarray(from, from + 8).equals(instant(e)) && data.subarray(from + 16, from + 24).equals(offsets(e));
let found = 0, foundBytes = 0, expectedBytes = 0;
const foundParts = [];
for (const entries of tables.values()) {
  expectedBytes += entries.length * 24;
  const first = instant(entries[0]);
  for (let from = data.indexOf(first); from >= 0; from = data.indexOf(first, from + 1)) {
    if (entries.every((e, k) => matches(from + 24 * k, e))) {
      found++;
      foundBytes += entries.length * 24;
      foundParts.push(data.subarray(from, from + entries.length * 24));
      break;
    }
  }
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`chrono-tz ${version}: ${zones} zones with history, ${tables.size} distinct tables (${kib(expectedBytes)} on wasm32)`);
console.log(`${file}: data section ${kib(dataSection)}; found ${found} of ${tables.size} tables in it, ${kib(foundBytes)} ` +
  `(${((100 * foundBytes) / dataSection).toFixed(1)}% of the data section, ${((100 * foundBytes) / bytes.length).toFixed(1)}% of the file)`);
console.log(`those tables alone: ${kib(gzipSync(Buffer.concat(foundParts), { level: 6 }).length)} gzip -6; ` +
  `the whole file: ${kib(gzipSync(bytes, { level: 6 }).length)} gzip -6`);
