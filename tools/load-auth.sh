#!/usr/bin/env bash
# Sign-ins per second (and per CPU-second of the server) and API calls per second through the authenticated client at
# 200 virtual users, against the hosted WebAssembly sample (docs/load.md). Publishes it in Release (unless --no-publish),
# starts it in Production on 127.0.0.1:${PORT:-6510} with a fresh SQLite file, runs benchmarks/load/auth-load.mjs with
# the server's process id, and stops the server by that id. Needs Node.js 20+. Options after the first are passed on.
#   tools/load-auth.sh [--no-publish] [--vus 200] [--signin-seconds 20] [--api-seconds 30] [--out result.json]
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT="$PWD"
PORT="${PORT:-6510}"; WORK="${WORK:-/tmp/refinesharp-load-auth}"
publish=1
if [ "${1:-}" = --no-publish ]; then publish=0; shift; fi
mkdir -p "$WORK"
if [ "$publish" = 1 ] || [ ! -f "$WORK/publish/RefineSharp.WasmDemo.dll" ]; then
  dotnet publish samples/RefineSharp.WasmDemo/RefineSharp.WasmDemo.csproj -c Release -o "$WORK/publish" --nologo -v q
fi
data="$(mktemp -d "$WORK/data-XXXXXX")"
(cd "$WORK/publish" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" WasmDemo__Database="$data/wasm.db" \
  Logging__LogLevel__Default=Warning exec dotnet RefineSharp.WasmDemo.dll) >"$WORK/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT INT TERM
for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/login" 2>/dev/null && break; kill -0 "$server" || { cat "$WORK/server.log"; exit 1; }; sleep 0.5; done
# Warm-up (JIT, EF Core, the first hash): a few sign-ins and API calls, not counted.
node benchmarks/load/auth-load.mjs --base "http://127.0.0.1:$PORT" --email ann@wasm.local --password 'Ann12345!' \
  --signin-workers 2 --signin-seconds 3 --vus 4 --api-seconds 3 >/dev/null || true
node benchmarks/load/auth-load.mjs --base "http://127.0.0.1:$PORT" --email ann@wasm.local --password 'Ann12345!' --pid "$server" "$@"
