#!/usr/bin/env bash
# Starts the scale-out topology of docs/deployment.md on this machine: redis-server on 127.0.0.1:6390, two demo
# instances (127.0.0.1:5081 and :5082) that keep sessions and data-protection keys in it, and the YARP proxy in
# front of them on http://127.0.0.1:5080 with session affinity. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
REDIS_PORT="${REDIS_PORT:-6390}"; PROXY_PORT="${PROXY_PORT:-5080}"
command -v redis-server >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null; }
dotnet build samples/RefineSharp.Demo samples/RefineSharp.Proxy -c Release -nologo -v q >/dev/null
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >/dev/null & pids+=($!)
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" Demo__Redis="127.0.0.1:$REDIS_PORT"
for port in 5081 5082; do
  dotnet samples/RefineSharp.Demo/bin/Release/net10.0/RefineSharp.Demo.dll --urls "http://127.0.0.1:$port" --contentRoot "$PWD/samples/RefineSharp.Demo" & pids+=($!)
done
Proxy__Destinations__0="http://127.0.0.1:5081" Proxy__Destinations__1="http://127.0.0.1:5082" \
  dotnet samples/RefineSharp.Proxy/bin/Release/net10.0/RefineSharp.Proxy.dll --urls "http://127.0.0.1:$PROXY_PORT" & pids+=($!)
echo "scale-out demo: http://127.0.0.1:$PROXY_PORT (instances :5081 and :5082, redis :$REDIS_PORT); Ctrl-C stops it"
wait
