// The client of tests/bench/streams.sh (issue 18, "Scale"): opens BENCH_STREAMS live streams of
// the event's log (`GET /evenements/{id}/operations/flux`, server-sent events) through the load
// balancer, spread over reader accounts of different kinds; writes BENCH_RATE entries a second
// for BENCH_DURATION seconds (a quarter in the State forces' register, written by the police;
// the rest shared, written by the police, the company and the organiser in turn); kills one
// instance (SIGKILL to BENCH_KILL_PID) at BENCH_KILL_AT seconds into the writing; then checks
// that every stream received every entry its reader may read, once, and none it may not, and
// reports the delivery latency (the writer's send → the reader's receipt, one clock: writer
// and readers are this one process).
//
// The streams reconnect as a browser's EventSource does: after a cut, a new request with
// `Last-Event-ID` set to the id of the last event received, after BENCH_RETRY_MS (plus up to
// as much again at random, so that 500 cut streams do not come back in the same millisecond).
//
// Node 20, no dependency: `node:http` with one socket per stream (no pooling, as 1,000
// browsers would have). Prints a summary and writes the figures as JSON to BENCH_OUT; exits 1
// on any missing, duplicated or forbidden entry, or any stream left unopened.
//
//   BENCH_BASE=http://127.0.0.1:3971 BENCH_EVENT=<id> [BENCH_KILL_PID=<pid>] node tests/bench/streams.mjs
import http from 'node:http';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';

const env = (name, fallback) => process.env[name] ?? fallback;
const base = env('BENCH_BASE');
const eventId = env('BENCH_EVENT');
if (!base || !eventId) throw new Error('BENCH_BASE and BENCH_EVENT are required');
const password = env('BENCH_PASSWORD', 'cordon-demo-2026');
const rate = Number(env('BENCH_RATE', 20));
const duration = Number(env('BENCH_DURATION', 60));
const killAt = Number(env('BENCH_KILL_AT', 30));
const killPid = Number(env('BENCH_KILL_PID', 0));
const retryMs = Number(env('BENCH_RETRY_MS', 500));
const drainMs = Number(env('BENCH_DRAIN_MS', 15000));
const out = env('BENCH_OUT', '');
const total = Number(env('BENCH_STREAMS', 1000));
const url = new URL(base);

// The readers: (account, share of the streams, reads the State forces' register).
const classes = [
  { name: 'company', email: 'securite@cordon.test', share: 0.6, restricted: false },
  { name: 'municipal-police', email: 'police-municipale@cordon.test', share: 0.1, restricted: false },
  { name: 'organiser', email: 'organisateur@cordon.test', share: 0.1, restricted: false },
  { name: 'police', email: 'commissariat@cordon.test', share: 0.15, restricted: true },
  { name: 'prefecture', email: 'prefecture@cordon.test', share: 0.05, restricted: true },
];
// One signed-in session per this many streams of an account (a browser's tabs share one).
const streamsPerSession = Number(env('BENCH_STREAMS_PER_SESSION', 50));
const runTag = `banc-${Date.now().toString(36)}`;

const now = () => performance.now();
const log = (...args) => console.log(`[${(now() / 1000).toFixed(1).padStart(6)} s]`, ...args);

// ---- HTTP helpers -------------------------------------------------------------------------

const writerAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(method, path, { headers = {}, body = null, agent = writerAgent, timeout = 30000 } = {}) {
  return new Promise((resolve) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers, agent, timeout },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ status: 0, error: String(e) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: String(e) }));
    if (body) req.write(body);
    req.end();
  });
}

async function callFn(cookie, name, form) {
  const body = new URLSearchParams(form).toString();
  const res = await request('POST', `/api/${name}`, {
    headers: {
      origin: base,
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      accept: 'application/json',
    },
    body,
  });
  let json = null;
  try { json = JSON.parse(res.body); } catch { /* not JSON */ }
  return { ...res, json };
}

async function signIn(email) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await callFn('', 'sign_in', { email, password });
    if (res.status === 200) {
      const cookies = [res.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]);
      return cookies.join('; ');
    }
    log(`sign-in of ${email}: ${res.status} ${res.error ?? res.body.slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`sign-in of ${email} failed`);
}

// ---- The streams --------------------------------------------------------------------------

const streams = [];
let writingStart = null; // performance.now() of the first write
let killTime = null;

class Stream {
  constructor(index, cls, cookie) {
    Object.assign(this, { index, cls, cookie });
    this.lastId = null; // the id of the last event received (Last-Event-ID)
    this.received = new Map(); // code (tous-12, etat-3) → [receipt time, …]
    this.connections = 0; // 200 answers
    this.failures = []; // [time, status or error] of attempts that did not open
    this.cuts = []; // times the open stream ended
    this.reopened = []; // [cut time, reopened time]
    this.upstreams = []; // the instance behind each connection (nginx's X-Upstream)
    this.open = false;
    this.closing = false;
    this.cutAt = null;
  }

  connect() {
    if (this.closing) return;
    const headers = { cookie: this.cookie, accept: 'text/event-stream', 'cache-control': 'no-cache' };
    if (this.lastId !== null) headers['last-event-id'] = this.lastId;
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: `/evenements/${eventId}/operations/flux?depuis=0`,
      headers,
      agent: false,
    });
    this.req = req;
    let responded = false;
    req.on('response', (res) => {
      responded = true;
      if (res.statusCode !== 200) {
        this.failures.push([now(), res.statusCode]);
        res.resume();
        res.on('end', () => this.retry());
        return;
      }
      this.connections++;
      this.open = true;
      this.upstreams.push(res.headers['x-upstream'] ?? '?');
      if (this.cutAt !== null) {
        this.reopened.push([this.cutAt, now()]);
        this.cutAt = null;
      }
      if (this.onOpen) { this.onOpen(); this.onOpen = null; }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const t = now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          this.event(block, t);
        }
      });
      const ended = () => {
        if (!this.open) return;
        this.open = false;
        if (this.closing) return;
        this.cuts.push(now());
        this.cutAt = now();
        this.retry();
      };
      res.on('end', ended);
      res.on('close', ended);
      res.on('error', ended);
    });
    req.on('error', (e) => {
      if (responded || this.closing) return; // the response's own handlers saw the cut
      this.failures.push([now(), e.code ?? String(e)]);
      if (this.cutAt === null && this.connections > 0) this.cutAt = now();
      this.retry();
    });
    req.end();
  }

  retry() {
    if (this.closing) return;
    setTimeout(() => this.connect(), retryMs + Math.random() * retryMs);
  }

  event(block, t) {
    let kind = 'message', id = null, data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') kind = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data += (data ? '\n' : '') + value;
    }
    if (id !== null) this.lastId = id;
    if (kind !== 'entree') return;
    const line = JSON.parse(data);
    const list = this.received.get(line.code);
    if (list) list.push(t);
    else this.received.set(line.code, [t]);
    if (!this.texts) this.texts = new Map();
    if (!this.texts.has(line.code)) this.texts.set(line.code, line.text);
  }

  close() {
    this.closing = true;
    if (this.req) this.req.destroy();
  }
}

// ---- The run ------------------------------------------------------------------------------

const loop = monitorEventLoopDelay({ resolution: 10 });
const loads = [];
const loadavg = (label) => {
  const value = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  loads.push([label, value]);
  log(`load average (${label}): ${value}`);
};

async function main() {
  loadavg('start');
  // Sessions.
  const sessions = new Map(); // email → [cookie, …]
  const counts = classes.map((c) => Math.round(c.share * total));
  counts[0] += total - counts.reduce((a, b) => a + b, 0);
  for (const [i, cls] of classes.entries()) {
    const n = Math.max(1, Math.ceil(counts[i] / streamsPerSession));
    const cookies = [];
    for (let k = 0; k < n; k++) cookies.push(await signIn(cls.email));
    sessions.set(cls.email, cookies);
    // The reader reads the event, and the log is open.
    const page = await callFn(cookies[0], 'get_operations', { event_id: eventId });
    if (page.status !== 200 || !page.json?.open) {
      throw new Error(`${cls.email} cannot use the log: ${page.status} ${page.body.slice(0, 300)}`);
    }
    if (page.json.writes_restricted !== cls.restricted) {
      throw new Error(`${cls.email}: writes_restricted is ${page.json.writes_restricted}, expected ${cls.restricted}`);
    }
  }
  log(`signed in: ${[...sessions].map(([e, c]) => `${e} ×${c.length}`).join(', ')}`);
  const writers = {
    police: (await signIn('commissariat@cordon.test')),
    company: (await signIn('securite@cordon.test')),
    organiser: (await signIn('organisateur@cordon.test')),
  };

  // Streams, opened 50 at a time.
  let index = 0;
  for (const [i, cls] of classes.entries()) {
    const cookies = sessions.get(cls.email);
    for (let k = 0; k < counts[i]; k++) streams.push(new Stream(index++, cls, cookies[k % cookies.length]));
  }
  const openStart = now();
  for (let i = 0; i < streams.length; i += 50) {
    await Promise.all(streams.slice(i, i + 50).map((s) => new Promise((resolve) => { s.onOpen = resolve; s.connect(); })));
  }
  const openTime = now() - openStart;
  const byUpstream = {};
  for (const s of streams) byUpstream[s.upstreams[0]] = (byUpstream[s.upstreams[0]] ?? 0) + 1;
  log(`${streams.length} streams open in ${(openTime / 1000).toFixed(1)} s: ${JSON.stringify(byUpstream)}; ${streams.reduce((a, s) => a + s.failures.length, 0)} failed attempts`);
  await new Promise((r) => setTimeout(r, 1000));
  loadavg('streams open');

  // The writer: entry i is sent at start + i / rate, whatever the previous ones' answers.
  const count = Math.round(rate * duration);
  const writes = []; // { seq, register, writer, sent, answered, status }
  loop.enable();
  writingStart = now();
  const kinds = [
    ['police', 'etat'],
    ['police', 'tous'],
    ['company', 'tous'],
    ['organiser', 'tous'],
  ];
  const pending = [];
  let killed = null;
  for (let seq = 0; seq < count; seq++) {
    const due = writingStart + (seq * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (killPid && killed === null && now() - writingStart >= killAt * 1000) {
      loadavg('before the kill');
      killTime = now();
      try { process.kill(killPid, 'SIGKILL'); killed = true; } catch (e) { killed = String(e); }
      log(`SIGKILL sent to instance pid ${killPid}: ${killed}`);
    }
    const [writer, register] = kinds[seq % kinds.length];
    const sent = now();
    const w = { seq, register, writer, sent, answered: null, status: null };
    writes.push(w);
    const text = `${runTag} seq=${seq} sent=${sent.toFixed(3)} register=${register}`;
    pending.push(
      callFn(writers[writer], 'write_log_entry', {
        event_id: eventId, zone_id: '', category: 'information', severity: 'faible', register, text, corrects: '',
      }).then((res) => {
        w.answered = now();
        w.status = res.status;
        if (res.status !== 200) w.error = res.error ?? res.body.slice(0, 200);
      }),
    );
  }
  await Promise.all(pending);
  const writingEnd = now();
  log(`${count} writes sent in ${((writingEnd - writingStart) / 1000).toFixed(1)} s: ${writes.filter((w) => w.status === 200).length} answered 200`);
  loadavg('writing done');

  // The log as written (the police read both registers): what each stream must receive.
  const truthPage = await callFn(writers.police, 'get_operations', { event_id: eventId });
  if (truthPage.status !== 200) throw new Error(`reading the log: ${truthPage.status}`);
  const written = new Map(); // code → { seq, sent, restricted }
  for (const line of truthPage.json.lines) {
    const m = line.text.match(/^(\S+) seq=(\d+) sent=([\d.]+) register=(\w+)$/);
    if (!m || m[1] !== runTag) continue;
    written.set(line.code, { seq: Number(m[2]), sent: Number(m[3]), restricted: line.code.startsWith('etat-') });
  }
  const expectedAll = written.size;
  const expectedShared = [...written.values()].filter((w) => !w.restricted).length;

  // Wait until every stream has everything it may read, or the drain time.
  const drainStart = now();
  const complete = (s) => s.received.size >= (s.cls.restricted ? expectedAll : expectedShared);
  while (now() - drainStart < drainMs && !streams.every(complete)) await new Promise((r) => setTimeout(r, 200));
  const drained = now() - drainStart;
  // A little longer, to see a duplicate or a forbidden entry arriving late.
  await new Promise((r) => setTimeout(r, 1000));
  loop.disable();
  for (const s of streams) s.close();
  loadavg('end');

  // ---- Checks and figures -------------------------------------------------------------------
  const pct = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
  const summary = (values) => {
    const sorted = Float64Array.from(values).sort();
    return {
      n: sorted.length,
      p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99), max: sorted.length ? sorted[sorted.length - 1] : NaN,
    };
  };
  const lat = { all: [], uncut: [], cut: [], beforeKill: [], afterKillUncut: [] };
  const perClass = new Map();
  const missingCodes = new Map(); // code → how many streams missed it
  let missingTotal = 0, dupTotal = 0, forbiddenTotal = 0, unknownTotal = 0;
  const examples = { missing: [], duplicate: [], forbidden: [], unknown: [] };
  for (const s of streams) {
    const c = perClass.get(s.cls.name) ?? {
      class: s.cls.name, account: s.cls.email, streams: 0, expected: 0, received: 0, missing: 0, duplicates: 0,
      forbidden: 0, unknown: 0, cut: 0, reconnections: 0, failedAttempts: 0,
    };
    perClass.set(s.cls.name, c);
    const wasCut = s.cuts.length > 0;
    c.streams++;
    c.cut += wasCut ? 1 : 0;
    c.reconnections += s.connections - 1;
    c.failedAttempts += s.failures.length;
    for (const [code, w] of written) {
      if (w.restricted && !s.cls.restricted) continue;
      c.expected++;
      const got = s.received.get(code);
      if (!got) {
        c.missing++; missingTotal++;
        missingCodes.set(code, (missingCodes.get(code) ?? 0) + 1);
        if (examples.missing.length < 10) examples.missing.push({ stream: s.index, class: s.cls.name, code, seq: w.seq, cuts: s.cuts.length, upstreams: s.upstreams });
        continue;
      }
      c.received++;
      const l = got[0] - w.sent;
      lat.all.push(l);
      (wasCut ? lat.cut : lat.uncut).push(l);
      if (killTime === null || w.sent < killTime) lat.beforeKill.push(l);
      else if (!wasCut) lat.afterKillUncut.push(l);
    }
    for (const [code, got] of s.received) {
      if (got.length > 1) {
        c.duplicates += got.length - 1; dupTotal += got.length - 1;
        if (examples.duplicate.length < 10) examples.duplicate.push({ stream: s.index, class: s.cls.name, code, times: got.length });
      }
      const w = written.get(code);
      const text = s.texts.get(code) ?? '';
      const ours = text.startsWith(runTag);
      if (!s.cls.restricted && (code.startsWith('etat-') || text.endsWith('register=etat'))) {
        c.forbidden++; forbiddenTotal++;
        if (examples.forbidden.length < 10) examples.forbidden.push({ stream: s.index, class: s.cls.name, code, text });
      } else if (!w && ours) {
        c.unknown++; unknownTotal++;
        if (examples.unknown.length < 10) examples.unknown.push({ stream: s.index, class: s.cls.name, code, text });
      }
    }
  }
  const reopen = streams.flatMap((s) => s.reopened.map(([a, b]) => b - a));
  const unopened = streams.filter((s) => s.connections === 0).length;
  const cutStreams = streams.filter((s) => s.cuts.length > 0);
  const writeLatency = summary(writes.filter((w) => w.status === 200).map((w) => w.answered - w.sent));
  const statuses = {};
  for (const w of writes) statuses[w.status] = (statuses[w.status] ?? 0) + 1;
  const result = {
    runTag,
    streams: streams.length,
    classes: [...perClass.values()],
    streamsPerInstanceAtStart: byUpstream,
    openSeconds: openTime / 1000,
    writes: { sent: count, rate, duration, statuses, answerMs: writeLatency, failed: writes.filter((w) => w.status !== 200).map((w) => ({ seq: w.seq, status: w.status, error: w.error, sentAt: (w.sent - writingStart) / 1000 })) },
    written: { total: expectedAll, shared: expectedShared, restricted: expectedAll - expectedShared },
    kill: killPid ? { pid: killPid, atSeconds: killTime === null ? null : (killTime - writingStart) / 1000, result: killed } : null,
    cutStreams: cutStreams.length,
    cutByUpstream: cutStreams.reduce((m, s) => { const u = s.upstreams[0]; m[u] = (m[u] ?? 0) + 1; return m; }, {}),
    reopenMs: summary(reopen),
    unopened,
    drainSeconds: drained / 1000,
    latencyMs: Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, summary(v)])),
    clientEventLoopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    missing: missingTotal, missingEntries: Object.fromEntries(missingCodes), duplicates: dupTotal, forbidden: forbiddenTotal, unknown: unknownTotal,
    examples,
    loads,
  };
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));

  // ---- Summary --------------------------------------------------------------------------------
  const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '–');
  console.log('');
  console.log(`== ${streams.length} streams through ${base}, ${count} entries at ${rate}/s (${result.written.shared} shared, ${result.written.restricted} restricted in the log)`);
  console.log(`   writes: ${JSON.stringify(statuses)} (status: count); answer p50 ${ms(writeLatency.p50)}, p99 ${ms(writeLatency.p99)}, max ${ms(writeLatency.max)}`);
  console.log('   class              account                          streams  expected  received  missing  dup  forbidden  cut  reconnections  failed attempts');
  for (const c of perClass.values()) {
    console.log(`   ${c.class.padEnd(18)} ${c.account.padEnd(32)} ${String(c.streams).padStart(7)} ${String(c.expected).padStart(9)} ${String(c.received).padStart(9)} ${String(c.missing).padStart(8)} ${String(c.duplicates).padStart(4)} ${String(c.forbidden).padStart(10)} ${String(c.cut).padStart(4)} ${String(c.reconnections).padStart(14)} ${String(c.failedAttempts).padStart(16)}`);
  }
  console.log('   latency, send → receipt     n          p50      p95      p99      max');
  const names = { all: 'every delivery', uncut: 'streams never cut', cut: 'streams cut by the kill', beforeKill: 'entries sent before the kill', afterKillUncut: 'after the kill, never cut' };
  for (const [k, v] of Object.entries(result.latencyMs)) {
    console.log(`   ${names[k].padEnd(28)} ${String(v.n).padStart(8)} ${ms(v.p50).padStart(8)} ${ms(v.p95).padStart(8)} ${ms(v.p99).padStart(8)} ${ms(v.max).padStart(8)}`);
  }
  if (result.kill) {
    console.log(`   kill: SIGKILL at ${result.kill.atSeconds?.toFixed(1)} s of writing; ${cutStreams.length} streams cut (${JSON.stringify(result.cutByUpstream)}), reopened after p50 ${ms(result.reopenMs.p50)}, max ${ms(result.reopenMs.max)}`);
  }
  console.log(`   client event-loop delay p99 ${result.clientEventLoopDelayMs.p99.toFixed(1)} ms, max ${result.clientEventLoopDelayMs.max.toFixed(1)} ms; drained in ${result.drainSeconds.toFixed(1)} s; unopened streams ${unopened}`);
  if (missingCodes.size) console.log(`   missed entries: ${missingCodes.size} distinct (${[...missingCodes].slice(0, 12).map(([c, n]) => `${c} by ${n} streams`).join(', ')}${missingCodes.size > 12 ? ', …' : ''})`);
  console.log(`== missing ${missingTotal}, duplicates ${dupTotal}, forbidden ${forbiddenTotal}, unknown ${unknownTotal}`);
  for (const [k, v] of Object.entries(examples)) if (v.length) console.log(`   ${k}: ${JSON.stringify(v)}`);
  const ok = missingTotal === 0 && dupTotal === 0 && forbiddenTotal === 0 && unopened === 0 && expectedAll > 0;
  console.log(ok ? '== PASS' : '== FAIL');
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
