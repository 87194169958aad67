// Starting and stopping what the benchmarks measure: child processes whose output is kept, and a wait for an HTTP
// server to answer (polling a server's start is fine; only the browser timings must not poll).
import { spawn, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const children = [];
export function log(msg) { process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`); }

export function run(cmd, args, cwd) {
  log(`${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
}

export function start(name, cmd, args, cwd, env) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const lines = [];
  const keep = (chunk) => { for (const l of chunk.toString().split("\n")) if (l) lines.push(l); if (lines.length > 200000) lines.splice(0, 100000); };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  children.push(child);
  return { name, child, lines };
}

export async function waitHttp(url, deadlineMs, proc) {
  const end = performance.now() + deadlineMs;
  while (performance.now() < end) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.name} exited: ${proc.lines.slice(-20).join("\n")}`);
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (r.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${deadlineMs} ms${proc ? ":\n" + proc.lines.slice(-20).join("\n") : ""}`);
}

export function stopAll() {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
}
process.on("exit", stopAll);
process.on("SIGINT", () => { stopAll(); process.exit(130); });

