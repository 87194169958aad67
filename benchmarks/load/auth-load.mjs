#!/usr/bin/env node
// Sign-in throughput and API calls through the authenticated client, against one running host (docs/load.md, "Sign-ins
// per core and API calls at 200 virtual users"). No dependencies: Node 20's fetch, one cookie jar per virtual user.
//
//   node auth-load.mjs --base http://127.0.0.1:6510 --email ann@wasm.local --password 'Ann12345!' [--pid <server pid>]
//        [--signin-workers 4] [--signin-seconds 20] [--vus 200] [--api-seconds 30] [--out result.json]
//
// Phase 1, sign-ins: --signin-workers loops for --signin-seconds, each GET /login (antiforgery token) then POST /login;
//   a sign-in counts when the answer is a redirect away from /login that sets the session cookie.
// Phase 2, API: --vus virtual users sign in (at most --signin-workers at a time), each checks that its first
//   GET / already shows the identity card, then all of them call GET /api/me (the host's proxy, which attaches the
//   session's access token through the authenticated client) back to back for --api-seconds; every answer must be 200
//   with the user's email. Bounded: both phases end on time, and --max-requests caps the whole run.
// With --pid, the server process's CPU time (/proc/<pid>/stat) is read around each phase, so the figures can be given
// per CPU-second of the server, which does not depend on what else runs on the machine.
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";

function parseArgs(argv) {
  const o = { base: null, email: null, password: null, pid: null, signinWorkers: 4, signinSeconds: 20, vus: 200, apiSeconds: 30, maxRequests: 500000, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    switch (a) {
      case "--base": o.base = v().replace(/\/$/, ""); break;
      case "--email": o.email = v(); break;
      case "--password": o.password = v(); break;
      case "--pid": o.pid = Number(v()); break;
      case "--signin-workers": o.signinWorkers = Number(v()); break;
      case "--signin-seconds": o.signinSeconds = Number(v()); break;
      case "--vus": o.vus = Number(v()); break;
      case "--api-seconds": o.apiSeconds = Number(v()); break;
      case "--max-requests": o.maxRequests = Number(v()); break;
      case "--out": o.out = v(); break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (!o.base || !o.email || !o.password) throw new Error("--base, --email and --password are required");
  const host = new URL(o.base).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error("loopback only");
  if (!(o.vus >= 1 && o.vus <= 1000) || !(o.signinSeconds <= 300) || !(o.apiSeconds <= 300)) throw new Error("bounds: --vus 1..1000, phases <= 300 s");
  return o;
}

const opts = parseArgs(process.argv.slice(2));
let requests = 0;

// ------------------------------------------------------------------ HTTP with a cookie jar
class Client {
  constructor() { this.cookies = new Map(); }
  async send(path, init = {}) {
    if (++requests > opts.maxRequests) throw new Error("--max-requests reached");
    const headers = { ...(init.headers || {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(opts.base + path, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(30000) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim(), value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === "") this.cookies.delete(name); else this.cookies.set(name, value);
    }
    return res;
  }
}

const hidden = (html, name) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];

async function signIn(client) {
  const page = await client.send("/login");
  const html = await page.text();
  if (page.status !== 200) throw new Error(`GET /login ${page.status}`);
  const form = new URLSearchParams();
  const token = hidden(html, "__RequestVerificationToken");
  if (!token) throw new Error("no antiforgery token on /login");
  form.set("__RequestVerificationToken", token);
  const handler = hidden(html, "_handler");
  if (handler) form.set("_handler", handler);
  form.set("email", opts.email);
  form.set("password", opts.password);
  const t = performance.now();
  const post = await client.send("/login", { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" } });
  const ms = performance.now() - t;
  await post.arrayBuffer();
  const location = post.headers.get("location") || "";
  if (post.status < 300 || post.status >= 400 || /\/login/.test(new URL(location, opts.base).pathname)) {
    throw new Error(`POST /login ${post.status} -> ${location || "(no location)"}`);
  }
  return ms;
}

// ------------------------------------------------------------------ measuring
function cpuSeconds(pid) {
  if (!pid) return null;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
}
function pct(values, p) {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return null;
  const idx = (v.length - 1) * p, lo = Math.floor(idx), hi = Math.ceil(idx);
  return Math.round((v[lo] + (v[hi] - v[lo]) * (idx - lo)) * 10) / 10;
}
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function signInPhase() {
  const latencies = [], failures = [];
  const cpu0 = cpuSeconds(opts.pid), t0 = performance.now(), end = t0 + opts.signinSeconds * 1000;
  await Promise.all(Array.from({ length: opts.signinWorkers }, async () => {
    while (performance.now() < end) {
      try { latencies.push(await signIn(new Client())); } catch (e) { failures.push(String(e.message)); }
    }
  }));
  const seconds = (performance.now() - t0) / 1000, cpu = opts.pid ? cpuSeconds(opts.pid) - cpu0 : null;
  return {
    workers: opts.signinWorkers, seconds: round(seconds), sign_ins: latencies.length, failures: failures.length, failure_samples: failures.slice(0, 5),
    per_second: round(latencies.length / seconds), server_cpu_seconds: cpu == null ? null : round(cpu, 2),
    per_server_cpu_second: cpu ? round(latencies.length / cpu) : null,
    post_login_ms: { p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), max: pct(latencies, 1) },
  };
}

async function apiPhase() {
  const failures = [];
  const clients = [];
  // Sign the virtual users in, a few at a time (the hash is the bottleneck; this phase measures the API calls).
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.signinWorkers }, async () => {
    while (next < opts.vus) {
      next++;
      const c = new Client();
      try {
        await signIn(c);
        const home = await c.send("/");
        const html = await home.text();
        if (home.status !== 200 || !html.includes("data-identity-card")) throw new Error(`GET / ${home.status} without the identity card`);
        clients.push(c);
      } catch (e) { failures.push(`sign-in: ${e.message}`); }
    }
  }));
  const signInSeconds = (performance.now() - t0) / 1000;
  const latencies = [];
  const cpu0 = cpuSeconds(opts.pid), t1 = performance.now(), end = t1 + opts.apiSeconds * 1000;
  await Promise.all(clients.map(async (c) => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        // The proxy answers only the site's own scripts: they send this header (a cross-site form cannot).
        const res = await c.send("/api/me", { headers: { accept: "application/json", "x-refine-session": "1" } });
        const body = await res.text();
        if (res.status !== 200 || !body.includes(`"${opts.email}"`)) throw new Error(`GET /api/me ${res.status}: ${body.slice(0, 80)}`);
        latencies.push(performance.now() - t);
      } catch (e) { failures.push(`api: ${e.message}`); }
    }
  }));
  const seconds = (performance.now() - t1) / 1000, cpu = opts.pid ? cpuSeconds(opts.pid) - cpu0 : null;
  return {
    virtual_users: opts.vus, signed_in: clients.length, sign_in_seconds: round(signInSeconds), seconds: round(seconds),
    api_calls: latencies.length, failures: failures.length, failure_samples: failures.slice(0, 5), per_second: round(latencies.length / seconds),
    server_cpu_seconds: cpu == null ? null : round(cpu, 2), per_server_cpu_second: cpu ? round(latencies.length / cpu) : null,
    api_ms: { p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), p99: pct(latencies, 0.99), max: pct(latencies, 1) },
  };
}

const started = new Date().toISOString();
const signIns = await signInPhase();
console.log("sign-ins:", JSON.stringify(signIns));
const api = await apiPhase();
console.log("api:", JSON.stringify(api));
const result = {
  tool: "benchmarks/load/auth-load.mjs", started, base: opts.base,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadavg_at_end: os.loadavg().map((x) => round(x)) },
  sign_ins: signIns, api,
};
if (opts.out) fs.writeFileSync(opts.out, JSON.stringify(result, null, 2) + "\n");
process.exitCode = signIns.failures || api.failures || api.signed_in !== opts.vus ? 2 : 0;
