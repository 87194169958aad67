#!/usr/bin/env bash
# End-to-end benchmark (docs/performance.md): publishes the demo and the WebAssembly sample in Release, starts them in
# Production on 127.0.0.1 (ports 5701-5706), and times sign-in in headless Chromium beside the login timer's refine
# app when ../shared/tools/login-timer is present. Needs Node.js 20+, npm and Debian's chromium.
#   tools/run-e2e-bench.sh [--runs 10] [--smoke] [--apps demo,wasm,refine,floor] [--out results.json] ...
#   tools/run-e2e-bench.sh memory [--circuits 100] [--out memory.json]     (also needs redis-server)
# Every option is passed to benchmarks/e2e/run.mjs (or memory.mjs); see the top of those files.
set -euo pipefail
cd "$(dirname "$0")/../benchmarks/e2e"
command -v /usr/bin/chromium >/dev/null || { echo "needs Debian's chromium (apt-get install chromium)" >&2; exit 1; }
# playwright-core only; it drives the system Chromium and downloads no browser.
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
if [ "${1:-}" = memory ]; then
  shift
  command -v redis-server >/dev/null || { echo "needs Debian's redis-server" >&2; exit 1; }
  gcdump="$(command -v dotnet-gcdump || true)"
  if [ -z "$gcdump" ]; then
    [ -x .tools/dotnet-gcdump ] || dotnet tool install --tool-path .tools dotnet-gcdump --version 10.0.750501 >/dev/null
    gcdump="$PWD/.tools/dotnet-gcdump"
  fi
  exec node memory.mjs --gcdump "$gcdump" "$@"
fi
exec node run.mjs "$@"
