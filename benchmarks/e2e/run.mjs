#!/usr/bin/env node
// RefineSharp's end-to-end sign-in benchmark (docs/performance.md, "End-to-end benchmark").
//
// Publishes the demo and the WebAssembly sample in Release, starts them in Production on 127.0.0.1 (and, when the
// login timer is present next to the repository, its refine app and framework-free floor), then times in headless
// Chromium, for every app in the same run, interleaved run by run:
//   form_ms     navigation start -> the login form is usable
//   login_ms    click on submit  -> the signed-in content is in the DOM with a box
//   reload_ms   navigation start of a reload -> the signed-in content again
//   logout_ms   click on logout  -> the login form is usable again
//   bare_signin_ms  (apps with "bareSignIn" in apps.json) after the logout, on the login page: one fetch of the
//               app's sign-in API with the same credentials, answer read and a line put in the DOM; with the API's
//               password hash from its Server-Timing. bare_signin_ms minus that hash is the least any sign-in that
//               goes through the server adds here: the floor the demo's sign-in is compared with.
// and, for apps with an interactivity marker, interactive_ms plus the bytes and requests downloaded until then (the
// WebAssembly sample's first-interactive download). The demo's Server-Timing headers of the sign-in's requests and
// its circuit's logged parts are summarised. Figures come from the page's own clock (see probe.mjs); nothing polls.
//
//   node run.mjs [--runs 10] [--warmup 1] [--apps demo,wasm,refine,floor] [--smoke] [--no-publish]
//                [--timer-dir ../shared/tools/login-timer] [--out results.json] [--max-minutes 20] [--timeout-ms 30000]
//                [--port-base 5701] [--entry blank|cross-site] [--settle-ms 0] [--app-env KEY=VALUE]...
//
// --settle-ms: a pause between typing the credentials and the click, as the login timer's option of that name
// (default 0: the click follows the typing at once). With 0, on this two-core machine the click lands while Chromium
// is still busy with the fresh browser context's own start-up work, which then shares the CPU with the server's
// password hash (docs/performance.md, run 8); a user who types takes longer than any settle used here.
//
// --entry: where each run's tab is before it opens the login page. "blank" (default, as the login timer does): the
// fresh tab's about:blank. "cross-site": a page of another site (http://localhost:<port>/, which Chromium treats as a
// different site from the apps' 127.0.0.1), as when a user follows a link or types the address in a new tab. The two
// differ for a page sent with Cross-Origin-Opener-Policy: from about:blank Chromium keeps the tab's first renderer
// process for a page without the header and starts a new one for a page with it; from another site every app gets a
// new process (docs/security.md, "Response headers").
//
// An app with "interactiveAfterLogin" (the hosted WebAssembly sample, whose login form is a static post) reports its
// first-interactive download on the page the sign-in lands on: everything requested from the click until the
// interactivity marker, with the bytes of the runtime's own files (/_framework/) apart.
//
// --smoke: 1 run, no warm-up, no ratios needed; for CI (see docs/performance.md for its duration).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { probe } from "./probe.mjs";
import { log, run, start, stopAll, waitHttp } from "./processes.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");

// ------------------------------------------------------------------ options
function parseArgs(argv) {
  const o = {
    runs: 10, warmup: 1, apps: null, smoke: false, publish: true, out: null, maxMinutes: 20, timeoutMs: 30000,
    timerDir: defaultTimerDir(), work: path.join(os.tmpdir(), "refinesharp-e2e-bench"),
    chromium: "/usr/bin/chromium", serverTiming: true, entry: "blank", settleMs: 0, appEnv: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`missing value for ${a}`); return argv[++i]; };
    switch (a) {
      case "--runs": o.runs = Number(next()); break;
      case "--warmup": o.warmup = Number(next()); break;
      case "--apps": o.apps = next().split(","); break;
      case "--smoke": o.smoke = true; break;
      case "--no-publish": o.publish = false; break;
      case "--no-server-timing": o.serverTiming = false; break;
      case "--out": o.out = path.resolve(next()); break;
      case "--max-minutes": o.maxMinutes = Number(next()); break;
      case "--timeout-ms": o.timeoutMs = Number(next()); break;
      case "--timer-dir": o.timerDir = path.resolve(next()); break;
      case "--work": o.work = path.resolve(next()); break;
      case "--chromium": o.chromium = next(); break;
      case "--port-base": o.portBase = Number(next()); break;
      case "--entry": o.entry = next(); break;
      case "--settle-ms": o.settleMs = Number(next()); break;
      case "--app-env": { const [k, ...v] = next().split("="); o.appEnv[k] = v.join("="); break; }
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (o.smoke) { o.runs = 1; o.warmup = 0; }
  if (!["blank", "cross-site"].includes(o.entry)) throw new Error("--entry blank|cross-site");
  if (!(o.settleMs >= 0 && o.settleMs <= 10000)) throw new Error("--settle-ms takes 0 to 10000");
  if (!(o.runs >= 1 && o.runs <= 200) || !(o.warmup >= 0 && o.warmup <= 10)) throw new Error("--runs 1..200, --warmup 0..10");
  return o;
}

// The login timer sits in ../shared/tools/login-timer next to the main checkout (a worktree elsewhere asks git).
function defaultTimerDir() {
  const roots = [repo];
  const common = spawnSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], { cwd: repo, encoding: "utf8" });
  if (common.status === 0) roots.push(path.dirname(common.stdout.trim()));
  const found = roots.map((r) => path.resolve(r, "../shared/tools/login-timer")).find((d) => fs.existsSync(path.join(d, "measure-login.mjs")));
  return found ?? path.resolve(repo, "../shared/tools/login-timer");
}

// ------------------------------------------------------------------ stats
function pct(sorted, p) {
  const idx = (sorted.length - 1) * p, lo = Math.floor(idx), hi = Math.ceil(idx);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (idx - lo);
}
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
function summarize(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return { n: v.length, median: r1(pct(v, 0.5)), p90: r1(pct(v, 0.9)), min: r1(v[0]), max: r1(v[v.length - 1]) };
}

// ------------------------------------------------------------------ apps
async function prepare(opts, apps) {
  fs.mkdirSync(opts.work, { recursive: true });
  const started = {};
  for (const [name, app] of Object.entries(apps)) {
    const dir = path.join(opts.work, name);
    if (app.kind === "dotnet") {
      const pub = path.join(dir, "publish");
      if (opts.publish || !fs.existsSync(path.join(pub, app.dll))) {
        run("dotnet", ["publish", path.join(repo, app.project), "-c", "Release", "-o", pub, "--nologo"], repo);
      }
      const data = path.join(dir, "data");
      fs.rmSync(data, { recursive: true, force: true });
      fs.mkdirSync(data, { recursive: true });
      // --app-env: extra environment for every .NET app (a control run, e.g. SecurityHeaders__CrossOriginOpenerPolicy=unsafe-none).
      const env = { ASPNETCORE_ENVIRONMENT: "Production", ASPNETCORE_URLS: `http://127.0.0.1:${app.port}`, ...app.env, ...opts.appEnv };
      for (const [k, v] of Object.entries(app.tempEnv ?? {})) env[k] = path.join(data, v);
      if (!opts.serverTiming) delete env.Demo__ServerTiming;
      started[name] = start(name, "dotnet", [app.dll], pub, env);
    } else {
      const copy = path.join(opts.work, "login-timer");
      if (!fs.existsSync(path.join(copy, "dist", "index.html"))) {
        // The timer's folder is read-only: build a copy.
        fs.rmSync(copy, { recursive: true, force: true });
        fs.cpSync(opts.timerDir, copy, { recursive: true, filter: (s) => !s.includes("node_modules") });
        spawnSync("chmod", ["-R", "u+w", copy]);
        run("npm", ["install", "--no-audit", "--no-fund"], copy);
        run("npm", ["run", "build"], copy);
      }
      started[name] = start(name, "node", ["serve.mjs", app.serveDir, String(app.port)], copy, {});
    }
  }
  for (const [name, app] of Object.entries(apps)) {
    await waitHttp(`http://127.0.0.1:${app.port}${app.healthPath}`, 120000, started[name]);
    log(`${name} up on 127.0.0.1:${app.port}`);
  }
  return started;
}

// ------------------------------------------------------------------ one run of one app
async function awaitMark(page, mark, timeoutMs) {
  // The mark may be taken in a later document (a form post and redirect): ask again in the new one.
  const end = performance.now() + timeoutMs;
  for (;;) {
    const left = end - performance.now();
    if (left <= 0) throw new Error(`timed out waiting for ${mark} (url ${page.url()})`);
    let timer;
    try {
      const r = await Promise.race([
        // Several marks: the first one taken wins, tagged with its name.
        page.evaluate((ms) => (window.__bench ? Promise.race(ms.map((m) => window.__bench[m].then((v) => ({ ...v, mark: m })))) : null), [mark].flat()),
        new Promise((_, rej) => (timer = setTimeout(() => rej(new Error("__timeout__")), left))),
      ]);
      if (r) return r;
      await page.waitForLoadState("domcontentloaded").catch(() => {});
    } catch (e) {
      if (e.message === "__timeout__") continue;
      if (!/context was destroyed|navigat|Target page|frame was detached/i.test(e.message)) throw e;
    } finally {
      clearTimeout(timer);
    }
  }
}

// Types the credentials; if a re-render right after the app turned interactive wipes them (seen with the WebAssembly
// sample), that is counted and they are typed again, so the run still measures a sign-in.
async function fill(page, app) {
  for (let lost = 0; lost < 5; lost++) {
    await page.fill(app.emailSelector, app.email);
    await page.fill(app.passwordSelector, app.password);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const kept = await page.evaluate(([e, p, ev]) => document.querySelector(e)?.value === ev && !!document.querySelector(p)?.value,
      [app.emailSelector, app.passwordSelector, app.email]);
    if (kept) return lost;
    await page.waitForTimeout(100);
  }
  throw new Error("the form kept losing what was typed into it");
}

async function centre(page, selector) {
  const loc = page.locator(selector).first();
  await loc.waitFor({ state: "visible" });
  const box = await loc.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function oneRun(browser, app, opts) {
  const base = `http://127.0.0.1:${app.port}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(probe, {
    emailSelector: app.emailSelector, submitSelector: app.submitSelector, readySelector: app.readySelector,
    interactiveSelector: app.interactiveSelector, formNeedsInteractive: app.formNeedsInteractive, logoutSelector: app.logoutSelector,
  });
  const page = await context.newPage();
  let phase = "load";
  const requests = [];
  page.on("request", (req) => requests.push({ req, phase }));
  const timings = [];
  page.on("response", async (res) => {
    // Documents and API calls only: static files carry a header too, but are not part of the sign-in's work.
    if (!["document", "fetch", "xhr"].includes(res.request().resourceType())) return;
    const st = await res.headerValue("server-timing").catch(() => null);
    if (st && phase !== "load") timings.push({ phase, method: res.request().method(), path: new URL(res.url()).pathname, status: res.status(), st });
  });
  const out = {};
  try {
    if (opts.entryUrl) await page.goto(opts.entryUrl, { waitUntil: "load", timeout: opts.timeoutMs });
    await page.goto(base + app.loginPath, { waitUntil: "commit", timeout: opts.timeoutMs });
    out.form_ms = (await awaitMark(page, "form", opts.timeoutMs)).at;
    if (app.interactiveSelector && !app.interactiveAfterLogin) {
      const i = await awaitMark(page, "interactive", opts.timeoutMs);
      out.interactive_ms = i.at;
      // Everything requested before the app became interactive (for WebAssembly: the runtime and assemblies).
      phase = "after-interactive";
      out.first_interactive = await transfer(requests.filter((r) => r.phase === "load"));
    }
    out.lost_input = await fill(page, app);
    if (opts.settleMs > 0) await page.waitForTimeout(opts.settleMs);
    const submit = await centre(page, app.submitSelector);
    const loginDocument = await page.evaluate(() => performance.timeOrigin);
    await page.evaluate(() => window.__bench.rearm("ready"));
    phase = "login";
    await page.mouse.click(submit.x, submit.y);
    const ready = await awaitMark(page, "ready", opts.timeoutMs);
    if (!ready.clicks.login) throw new Error("the login click was not seen");
    out.login_ms = ready.epoch - ready.clicks.login;
    // An enhanced form post (blazor.web.js had started before the click) merges the answer into the login page's
    // document; a plain post (a click before that, or with the enhancement off) loads a new one.
    out.login_same_document = Math.abs(ready.epoch - ready.at - loginDocument) < 1;
    if (app.interactiveAfterLogin) {
      // The signed-in page's runtime start: from that document's navigation start to the marker, or from the click
      // when the sign-in stayed in the login page's document.
      const i = await awaitMark(page, "interactive", opts.timeoutMs);
      out.interactive_ms = out.login_same_document ? i.epoch - ready.clicks.login : i.at;
      out.first_interactive = await transfer(requests.filter((r) => r.phase === "login"));
      phase = "after-interactive";
    }

    phase = "reload";
    await page.reload({ waitUntil: "commit", timeout: opts.timeoutMs });
    const again = await awaitMark(page, ["ready", "form"], opts.timeoutMs);
    // An app that keeps its session only in the page's memory lands on its login form: reported, not timed.
    out.reload_signed_out = again.mark === "form" && !(await page.locator(app.readySelector).count());
    if (out.reload_signed_out) await page.locator(app.readySelector).first().waitFor({ state: "attached", timeout: 2000 }).then(() => (out.reload_signed_out = false), () => {});
    if (!out.reload_signed_out) out.reload_ms = (await awaitMark(page, "ready", opts.timeoutMs)).at;

    if (app.logoutSelector && out.reload_signed_out) {
      // Untimed second sign-in, so that the logout can still be timed.
      phase = "login-again";
      await awaitMark(page, "form", opts.timeoutMs);
      await fill(page, app);
      await page.click(app.submitSelector);
      await awaitMark(page, "ready", opts.timeoutMs);
    }

    if (app.logoutSelector) {
      // Untimed: a Blazor Server button does nothing before its circuit is attached.
      if (app.beforeLogoutSelector) await page.locator(app.beforeLogoutSelector).first().waitFor({ state: "attached", timeout: opts.timeoutMs });
      const logout = await centre(page, app.logoutSelector);
      await page.evaluate(() => window.__bench.rearm("form"));
      phase = "logout";
      await page.mouse.click(logout.x, logout.y);
      const form = await awaitMark(page, "form", opts.timeoutMs);
      if (!form.clicks.logout) throw new Error("the logout click was not seen");
      out.logout_ms = form.epoch - form.clicks.logout;
      if (await page.locator(app.readySelector).count()) throw new Error("signed-in content still shown after logout");
    }
    if (app.bareSignIn) {
      phase = "bare-sign-in";
      Object.assign(out, await bareSignIn(page, app));
    }
    await page.waitForLoadState("load").catch(() => {});
    out.server_timing = timings;
    return out;
  } catch (e) {
    // Keep what the page showed, for the report.
    await page.screenshot({ path: path.join(opts.work, `error-${app.port}.png`) }).catch(() => {});
    throw new Error(`${phase}: ${e.message}`);
  } finally {
    await context.close();
  }
}

// One request to the app's own sign-in API, timed in the page: the exchange and the hash with nothing around them.
async function bareSignIn(page, app) {
  return page.evaluate(async ({ path, email, password }) => {
    const t0 = performance.now();
    const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
    const ok = res.ok && !!(await res.json()).accessToken;
    const line = document.createElement("p");
    line.textContent = ok ? "signed in" : "refused";
    document.body.append(line);
    line.getBoundingClientRect();
    const ms = performance.now() - t0;
    line.remove();
    if (!ok) throw new Error(`the bare sign-in was refused (${res.status})`);
    const hash = /(?:^|,\s*)hash;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "");
    return { bare_signin_ms: ms, bare_signin_hash_ms: hash ? Number(hash[1]) : undefined };
  }, { path: app.bareSignIn.path, email: app.email, password: app.password });
}

async function transfer(entries) {
  let bytes = 0, count = 0;
  const encodings = {}, files = [];
  for (const { req } of entries) {
    if (req.url().startsWith("data:")) continue;
    count++;
    try {
      const s = await req.sizes();
      const size = Math.max(0, s.responseBodySize) + Math.max(0, s.responseHeadersSize);
      bytes += size;
      files.push({ path: new URL(req.url()).pathname, bytes: size });
      const res = await req.response();
      const ext = (new URL(req.url()).pathname.match(/\.([a-z0-9]+)$/i) || [, "(none)"])[1];
      const enc = (res && (await res.headerValue("content-encoding"))) || "identity";
      const key = `${ext}:${enc}`;
      encodings[key] = (encodings[key] || 0) + 1;
    } catch {}
  }
  files.sort((a, b) => b.bytes - a.bytes);
  const framework = files.filter((f) => f.path.includes("/_framework/"));
  return {
    bytes, requests: count, encodings, largest: files.slice(0, 12),
    framework_bytes: framework.reduce((s, f) => s + f.bytes, 0), framework_requests: framework.length,
  };
}

// ------------------------------------------------------------------ Server-Timing summaries
function parseServerTiming(value) {
  // "name;dur=1.5;desc=\"GET /x x3\"" -> { name: "name GET /x", count: 3, ms: 1.5 }
  const out = [];
  for (const metric of value.split(/,\s*/)) {
    const [name, ...params] = metric.split(";");
    const dur = params.find((p) => p.startsWith("dur="));
    let desc = params.find((p) => p.startsWith("desc="))?.slice(6, -1) ?? "";
    let count = 1;
    const m = desc.match(/(?:^| )x(\d+)$/);
    if (m) { count = Number(m[1]); desc = desc.slice(0, m.index); }
    if (dur) out.push({ name: (name.trim() + " " + desc).trim(), count, ms: Number(dur.slice(4)) });
  }
  return out;
}

function partsSummary(lists) {
  // lists: one list of parts per request; a part missing from a request counts as 0 calls there.
  const names = [...new Set(lists.flatMap((l) => l.map((p) => p.name)))];
  return Object.fromEntries(names.map((n) => {
    const per = lists.map((l) => l.filter((p) => p.name === n));
    return [n, { ms: summarize(per.map((ps) => ps.reduce((s, p) => s + p.ms, 0))), calls: summarize(per.map((ps) => ps.reduce((s, p) => s + p.count, 0))) }];
  }));
}

function serverTimingSummary(runs) {
  // "phase: METHOD /path status" -> its parts over the runs
  const table = {};
  for (const r of runs) {
    for (const t of r.server_timing || []) {
      (table[`${t.phase}: ${t.method} ${t.path} ${t.status}`] ??= []).push(parseServerTiming(t.st));
    }
  }
  return Object.fromEntries(Object.entries(table).map(([k, lists]) => [k, { seen: lists.length, parts: partsSummary(lists) }]));
}

function circuitSummary(lines) {
  // One log line per finished request; the circuit's WebSocket (GET /_blazor) carries the provider calls made while
  // the page was interactive (identity and permission loads, logout).
  const circuits = lines.filter((l) => /Server timing GET \/_blazor /.test(l)).map((l) => parseServerTiming(l.slice(l.indexOf(": ", l.indexOf("/_blazor")) + 2)));
  return { circuits: circuits.length, parts: partsSummary(circuits) };
}

// A page of another site to start each run from (--entry cross-site): 127.0.0.1 serves it, the tab asks for it as
// localhost, which is a different site from the apps' 127.0.0.1.
async function entrySite() {
  const http = await import("node:http");
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>elsewhere</title><p>another site</p>");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://localhost:${server.address().port}/` };
}

// ------------------------------------------------------------------ main
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const all = JSON.parse(fs.readFileSync(path.join(here, "apps.json"), "utf8"));
  const timerPresent = fs.existsSync(path.join(opts.timerDir, "measure-login.mjs"));
  const names = (opts.apps ?? Object.keys(all)).filter((n) => {
    if (!all[n]) throw new Error(`unknown app ${n}`);
    if (all[n].kind === "timer" && !timerPresent) { log(`${n}: login timer not found at ${opts.timerDir}, skipped`); return false; }
    return true;
  });
  // --port-base moves every app to base + its place in apps.json (for a machine where the default ports are taken).
  if (opts.portBase) Object.keys(all).forEach((n, k) => (all[n].port = opts.portBase + k));
  const apps = Object.fromEntries(names.map((n) => [n, all[n]]));
  const procs = await prepare(opts, apps);
  const entry = opts.entry === "cross-site" ? await entrySite() : null;
  if (entry) opts.entryUrl = entry.url;
  const prepared = performance.now();

  const browser = await chromium.launch({
    executablePath: opts.chromium, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results = Object.fromEntries(names.map((n) => [n, []]));
  const errors = [];
  const deadline = t0 + opts.maxMinutes * 60000;
  try {
    outer: for (let i = 0; i < opts.warmup + opts.runs; i++) {
      // Rotate the order every run so no app always runs first (or right after another's heavy step).
      const order = names.map((_, k) => names[(k + i) % names.length]);
      for (const name of order) {
        if (performance.now() > deadline) { log(`--max-minutes reached after ${i} rounds`); break outer; }
        try {
          const r = await oneRun(browser, apps[name], opts);
          r.warmup = i < opts.warmup;
          results[name].push(r);
          log(`${name} ${r.warmup ? "warm-up" : "run " + (i - opts.warmup + 1)}: form ${r1(r.form_ms)} | login ${r1(r.login_ms)} | reload ${r1(r.reload_ms)} | logout ${r1(r.logout_ms)}` +
            (r.lost_input ? ` | typed input lost ${r.lost_input}x` : "") + (r.reload_signed_out ? " | reload signed out" : "") +
            (r.first_interactive ? ` | interactive ${r1(r.interactive_ms)} ms, ${r.first_interactive.bytes} B in ${r.first_interactive.requests} req` : ""));
        } catch (e) {
          errors.push({ app: name, round: i, error: String(e.message || e).slice(0, 500) });
          log(`${name}: ERROR ${String(e.message || e).slice(0, 300)}`);
        }
      }
    }
  } finally {
    await browser.close();
    entry?.server.close();
  }

  // A circuit's log line is written when its WebSocket closes, just after its context: give the last ones a moment.
  await new Promise((r) => setTimeout(r, 1500));
  const summary = {};
  for (const name of names) {
    const m = results[name].filter((r) => !r.warmup);
    summary[name] = {
      title: apps[name].title,
      runs: m.length,
      form_ms: summarize(m.map((r) => r.form_ms)),
      login_ms: summarize(m.map((r) => r.login_ms)),
      reload_ms: summarize(m.map((r) => r.reload_ms)),
      logout_ms: summarize(m.map((r) => r.logout_ms)),
      bare_signin_ms: summarize(m.map((r) => r.bare_signin_ms)),
      bare_signin_hash_ms: summarize(m.map((r) => r.bare_signin_hash_ms)),
      bare_signin_minus_hash_ms: summarize(m.map((r) => r.bare_signin_ms - r.bare_signin_hash_ms)),
      interactive_ms: summarize(m.map((r) => r.interactive_ms)),
      runs_that_lost_typed_input: m.filter((r) => r.lost_input > 0).length,
      runs_signed_out_by_reload: m.filter((r) => r.reload_signed_out).length,
      runs_signed_in_within_the_login_document: m.filter((r) => r.login_same_document).length,
      first_interactive_bytes: summarize(m.map((r) => r.first_interactive?.bytes)),
      first_interactive_requests: summarize(m.map((r) => r.first_interactive?.requests)),
      first_interactive_framework_bytes: summarize(m.map((r) => r.first_interactive?.framework_bytes)),
      first_interactive_encodings: m.find((r) => r.first_interactive)?.first_interactive.encodings ?? null,
      first_interactive_largest: m.find((r) => r.first_interactive)?.first_interactive.largest ?? null,
      server_timing: serverTimingSummary(m),
    };
    if (apps[name].env?.Demo__ServerTiming && opts.serverTiming) summary[name].circuit_timing = circuitSummary(procs[name].lines);
  }
  const ratios = {};
  if (summary.refine?.runs) {
    for (const name of names.filter((n) => n !== "refine")) {
      ratios[`${name}/refine`] = Object.fromEntries(["form_ms", "login_ms", "reload_ms", "logout_ms"].map((k) => {
        const a = summary[name][k]?.median, b = summary.refine[k]?.median;
        return [k, a != null && b ? Math.round((a / b) * 100) / 100 : null];
      }));
    }
  }
  if (summary.floor?.runs) {
    // Issue 8's yardstick for the login form: the framework-free floor of the same run.
    for (const name of names.filter((n) => n !== "floor")) {
      const a = summary[name].form_ms?.median, b = summary.floor.form_ms?.median;
      ratios[`${name}/floor`] = { form_ms: a != null && b ? Math.round((a / b) * 100) / 100 : null };
    }
  }
  const result = {
    tool: "benchmarks/e2e/run.mjs",
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadavg_at_end: os.loadavg().map(r1), node: process.version, chromium: browser.version() },
    options: { ...opts, work: undefined, entryUrl: undefined },
    seconds: { prepare: r1((prepared - t0) / 1000), measure: r1((performance.now() - prepared) / 1000) },
    summary, ratios, errors, runs: results,
  };
  const json = JSON.stringify(result, null, 2);
  if (opts.out) fs.writeFileSync(opts.out, json + "\n");
  printTable(result);
  stopAll();
  if (errors.length) { log(`${errors.length} run(s) failed`); process.exitCode = 2; }
}

function printTable(r) {
  const f = (s) => (s ? `${s.median} / ${s.p90}` : "-");
  const lines = ["", `| app | runs | form usable | login -> dashboard | reload -> content | logout -> login | first interactive |`, `|---|---|---|---|---|---|---|`];
  for (const [name, s] of Object.entries(r.summary)) {
    const fi = s.interactive_ms ? `${f(s.interactive_ms)} ms, ${s.first_interactive_bytes.median} B, ${s.first_interactive_requests.median} req` : "-";
    lines.push(`| ${name} | ${s.runs} | ${f(s.form_ms)} | ${f(s.login_ms)} | ${f(s.reload_ms)} | ${f(s.logout_ms)} | ${fi} |`);
  }
  lines.push("(ms, median / p90; Server-Timing parts: median ms / median number of calls per request)");
  for (const [name, s] of Object.entries(r.summary)) {
    // For a single-page app (refine, the floor) that is every sign-in; for the Blazor apps it counts enhanced posts.
    if (s.runs_signed_in_within_the_login_document) lines.push(`${name}: ${s.runs_signed_in_within_the_login_document} of ${s.runs} sign-ins stayed in the login page's document`);
  }
  for (const [k, v] of Object.entries(r.ratios)) lines.push(`ratio ${k} (medians): ${Object.entries(v).map(([m, x]) => `${m} ${x ?? "-"}`).join(", ")}`);
  for (const [name, s] of Object.entries(r.summary)) {
    for (const [req, row] of Object.entries(s.server_timing)) {
      lines.push(`${name} Server-Timing ${req} (x${row.seen}): ` + Object.entries(row.parts).map(([p, v]) => `${p} ${v.ms.median} ms/${v.calls.median}`).join(", "));
    }
    if (s.circuit_timing) {
      lines.push(`${name} per circuit (${s.circuit_timing.circuits} circuits): ` + Object.entries(s.circuit_timing.parts).map(([p, v]) => `${p} ${v.ms.median} ms/${v.calls.median}`).join(", "));
    }
    if (s.bare_signin_ms) lines.push(`${name} bare sign-in request (one fetch of its API, after the run): ${f(s.bare_signin_ms)} ms, of which the hash ${f(s.bare_signin_hash_ms)}; without the hash ${f(s.bare_signin_minus_hash_ms)}`);
    if (s.first_interactive_framework_bytes) lines.push(`${name} first-interactive bytes of /_framework/: ${s.first_interactive_framework_bytes.median} B`);
    if (s.first_interactive_encodings) lines.push(`${name} first-interactive responses by type:encoding: ${JSON.stringify(s.first_interactive_encodings)}`);
    if (s.first_interactive_largest) lines.push(`${name} largest first-interactive responses (B): ${s.first_interactive_largest.map((f) => `${f.path.split("/").pop()} ${f.bytes}`).join(", ")}`);
  }
  lines.push(`entry: ${r.options.entry}, settle: ${r.options.settleMs} ms`);
  lines.push(`prepare ${r.seconds.prepare} s, measure ${r.seconds.measure} s, load average at end ${r.machine.loadavg_at_end.join(" ")}`);
  console.log(lines.join("\n"));
}

main().catch((e) => {
  console.error(e);
  stopAll();
  process.exit(1);
});
