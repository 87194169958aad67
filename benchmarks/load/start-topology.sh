#!/usr/bin/env bash
# Starts the scale-out topology for a load run (benchmarks/load/README.md): redis-server, two demo instances that keep
# sessions and data-protection keys in it, and the YARP proxy, all on 127.0.0.1, with the demo's sign-in rate limits
# raised (every virtual user signs in from 127.0.0.1; the defaults would answer 429 after a few hundred logins).
# Ports: PROXY_PORT (default 5180), INSTANCE_PORTS ("5181 5182"), REDIS_PORT (6490). Ctrl-C (or SIGTERM) stops
# everything it started, by process id. Expects the demo and the proxy built in Release (see README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."; ROOT="$PWD"
REDIS_PORT="${REDIS_PORT:-6490}"; PROXY_PORT="${PROXY_PORT:-5180}"; INSTANCE_PORTS=(${INSTANCE_PORTS:-5181 5182})
DATA="$(mktemp -d /tmp/refinesharp-load-XXXXXX)"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT INT TERM
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$DATA/redis.log" 2>&1 & pids+=($!)
export ASPNETCORE_ENVIRONMENT=Development DOTNET_NOLOGO=1 Demo__Redis="127.0.0.1:$REDIS_PORT" Demo__Database="$DATA/demo.db" \
  Demo__SeedPasswords=known Logging__LogLevel__Default=Warning \
  Demo__RateLimits__SignIn__PerAccount=1000000 Demo__RateLimits__SignIn__PerClient=1000000 \
  Demo__RateLimits__Register__PerAccount=1000000 Demo__RateLimits__Register__PerClient=1000000
destinations=()
for i in "${!INSTANCE_PORTS[@]}"; do
  port="${INSTANCE_PORTS[$i]}"
  dotnet samples/RefineSharp.Demo/bin/Release/net10.0/RefineSharp.Demo.dll --urls "http://127.0.0.1:$port" --contentRoot "$ROOT/samples/RefineSharp.Demo" >"${LOG_DIR:-$DATA}/instance-$((i + 1)).log" 2>&1 & pids+=($!)
  destinations+=("http://127.0.0.1:$port")
  # The first instance creates and seeds the SQLite file before the second opens it.
  until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.5; done
done
Proxy__Destinations__0="${destinations[0]}" Proxy__Destinations__1="${destinations[1]}" Logging__LogLevel__Default=Warning \
  dotnet samples/RefineSharp.Proxy/bin/Release/net10.0/RefineSharp.Proxy.dll --urls "http://127.0.0.1:$PROXY_PORT" --contentRoot "$ROOT/samples/RefineSharp.Proxy" >"${LOG_DIR:-$DATA}/proxy.log" 2>&1 & pids+=($!)
until curl -fsS "http://127.0.0.1:$PROXY_PORT/healthz" >/dev/null 2>&1; do sleep 0.5; done
echo "ready: http://127.0.0.1:$PROXY_PORT (instances ${INSTANCE_PORTS[*]}, redis $REDIS_PORT)"
wait
