#!/usr/bin/env node
// Memory per signed-in circuit and per stored session (docs/performance.md, "Memory").
//
// Starts redis-server and the published demo (Production, sessions in that Redis, so the demo's heap holds circuits
// and not the session store), warms it up with a few sign-ins, takes a gcdump (dotnet-gcdump forces a full GC first),
// then keeps N browser contexts open, each signed in as its own session with its circuit attached, and takes a second
// gcdump. The per-type difference divided by N is the cost of one signed-in circuit; the RefineSharp.* types are
// what RefineSharp itself holds (shallow sizes: the strings and collections they point to are listed under their own
// System types). Each session's Redis entry is read with MEMORY USAGE and HSTRLEN.
//
//   node memory.mjs [--circuits 100] [--no-publish] [--gcdump /path/to/dotnet-gcdump] [--out memory.json]
//                   [--port 5705 (the demo; Redis on the next port)] [--work /tmp/refinesharp-e2e-bench]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { log, run, start, stopAll, waitHttp } from "./processes.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
let PORT = 5705, REDIS = 5706;

const o = { circuits: 100, publish: true, gcdump: "dotnet-gcdump", out: null, work: path.join(os.tmpdir(), "refinesharp-e2e-bench") };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--circuits") o.circuits = Number(process.argv[++i]);
  else if (a === "--no-publish") o.publish = false;
  else if (a === "--gcdump") o.gcdump = process.argv[++i];
  else if (a === "--out") o.out = path.resolve(process.argv[++i]);
  else if (a === "--port") { PORT = Number(process.argv[++i]); REDIS = PORT + 1; }
  else if (a === "--work") o.work = path.resolve(process.argv[++i]);
  else throw new Error(`unknown argument ${a}`);
}
if (!(o.circuits >= 1 && o.circuits <= 500)) throw new Error("--circuits 1..500");

const app = JSON.parse(fs.readFileSync(path.join(here, "apps.json"), "utf8")).demo;

function gcdump(pid, file) {
  run(o.gcdump, ["collect", "-p", String(pid), "-o", file], here);
  const r = spawnSync(o.gcdump, ["report", file], { encoding: "utf8", maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`gcdump report failed: ${r.stderr}`);
  // Lines: "<bytes of one object (the average for a size bucket)>  <count>  <type>", with thousands separators; the
  // products add up to the report's "GC Heap bytes" line.
  const types = new Map();
  for (const line of r.stdout.split("\n")) {
    const m = line.trim().match(/^([\d,]+)\s+([\d,]+)\s+(.+)$/);
    if (m) {
      const type = m[3].replace(/\s+\(Bytes > [^)]*\)/, "").trim();
      const prev = types.get(type) ?? { bytes: 0, count: 0 };
      const count = Number(m[2].replaceAll(",", ""));
      types.set(type, { bytes: prev.bytes + Number(m[1].replaceAll(",", "")) * count, count: prev.count + count });
    }
  }
  return types;
}

function redis(...args) {
  const r = spawnSync("redis-cli", ["-p", String(REDIS), ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`redis-cli ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

async function signIn(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}${app.loginPath}`);
  await page.fill(app.emailSelector, app.email);
  await page.fill(app.passwordSelector, app.password);
  await page.click(app.submitSelector);
  await page.locator(app.readySelector).first().waitFor({ timeout: 60000 });
  await page.locator(app.beforeLogoutSelector).first().waitFor({ state: "attached", timeout: 60000 });
  return context;
}

async function main() {
  const dir = path.join(o.work, "memory");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pub = path.join(o.work, "demo", "publish");
  if (o.publish || !fs.existsSync(path.join(pub, app.dll))) run("dotnet", ["publish", path.join(repo, app.project), "-c", "Release", "-o", pub, "--nologo"], repo);

  const redisProc = start("redis", "redis-server", ["--port", String(REDIS), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], dir, {});
  await new Promise((r) => setTimeout(r, 500));
  redis("PING");
  const env = {
    ASPNETCORE_ENVIRONMENT: "Production", ASPNETCORE_URLS: `http://127.0.0.1:${PORT}`, ...app.env,
    Demo__ServerTiming: "false", Demo__Redis: `127.0.0.1:${REDIS}`, Demo__Database: path.join(dir, "demo.db"),
  };
  const demo = start("demo", "dotnet", [app.dll], pub, env);
  await waitHttp(`http://127.0.0.1:${PORT}${app.healthPath}`, 120000, demo);
  log(`demo up (pid ${demo.child.pid}), redis on ${REDIS}`);

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium", headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--renderer-process-limit=4"],
  });
  try {
    // Warm-up: JIT, pools and caches filled by the first sign-ins are not a circuit's cost.
    for (let i = 0; i < 5; i++) await (await signIn(browser)).close();
    await new Promise((r) => setTimeout(r, 3000));
    redis("FLUSHDB");
    const before = gcdump(demo.child.pid, path.join(dir, "before.gcdump"));

    const contexts = [];
    for (let i = 0; i < o.circuits; i++) {
      contexts.push(await signIn(browser));
      if ((i + 1) % 10 === 0) log(`${i + 1} circuits open`);
    }
    await new Promise((r) => setTimeout(r, 3000));
    const after = gcdump(demo.child.pid, path.join(dir, "after.gcdump"));

    const keys = redis("--scan", "--pattern", "*refine:session:*").split("\n").filter(Boolean);
    const usage = keys.map((k) => Number(redis("MEMORY", "USAGE", k)));
    const data = keys.map((k) => Number(redis("HSTRLEN", k, "data")));
    for (const c of contexts) await c.close();

    const diff = [];
    for (const [type, a] of after) {
      const b = before.get(type) ?? { bytes: 0, count: 0 };
      if (a.bytes !== b.bytes || a.count !== b.count) diff.push({ type, bytes: a.bytes - b.bytes, count: a.count - b.count });
    }
    for (const [type, b] of before) if (!after.has(type)) diff.push({ type, bytes: -b.bytes, count: -b.count });
    diff.sort((x, y) => y.bytes - x.bytes);
    const total = diff.reduce((s, d) => s + d.bytes, 0);
    const refine = diff.filter((d) => d.type.startsWith("RefineSharp."));
    const refineBytes = refine.reduce((s, d) => s + d.bytes, 0);
    const n = o.circuits;
    const result = {
      tool: "benchmarks/e2e/memory.mjs", date: new Date().toISOString(), circuits: n,
      heap_diff_bytes: total, per_circuit_bytes: Math.round(total / n),
      refinesharp_types_bytes: refineBytes, refinesharp_per_circuit_bytes: Math.round(refineBytes / n),
      refinesharp_types: refine.map((d) => ({ ...d, per_circuit: Math.round((d.bytes / n) * 10) / 10, per_circuit_count: Math.round((d.count / n) * 100) / 100 })),
      top_types: diff.slice(0, 25).map((d) => ({ ...d, per_circuit: Math.round(d.bytes / n) })),
      sessions: {
        stored: keys.length,
        redis_memory_usage_bytes: { min: Math.min(...usage), max: Math.max(...usage), mean: Math.round(usage.reduce((s, x) => s + x, 0) / usage.length) },
        data_field_bytes: { min: Math.min(...data), max: Math.max(...data) },
      },
    };
    if (o.out) fs.writeFileSync(o.out, JSON.stringify(result, null, 2) + "\n");
    console.log(`circuits: ${n}; heap difference ${total} B = ${result.per_circuit_bytes} B per signed-in circuit (everything: Blazor, SignalR, RefineSharp)`);
    console.log(`RefineSharp.* objects: ${refineBytes} B = ${result.refinesharp_per_circuit_bytes} B per circuit (shallow)`);
    for (const d of result.refinesharp_types) console.log(`  ${d.per_circuit} B/circuit, ${d.per_circuit_count} objects/circuit  ${d.type}`);
    console.log("largest differences (all types):");
    for (const d of result.top_types.slice(0, 15)) console.log(`  ${d.per_circuit} B/circuit  ${d.count} objects  ${d.type}`);
    console.log(`sessions in Redis: ${keys.length}; MEMORY USAGE ${JSON.stringify(result.sessions.redis_memory_usage_bytes)} B; ticket (data field) ${JSON.stringify(result.sessions.data_field_bytes)} B`);
  } finally {
    await browser.close();
    stopAll();
    void redisProc;
  }
}

main().catch((e) => {
  console.error(e);
  stopAll();
  process.exit(1);
});
