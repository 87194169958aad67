#!/usr/bin/env bash
# One bounded load run (README.md): starts the topology (start-topology.sh), registers ACCOUNTS test accounts through
# the proxy, runs login-and-read.yml with artillery, prints the summary and stops everything it started (by PID).
# ARTILLERY: the artillery binary (default: artillery on PATH). Report: $OUT/report.json, logs in $OUT.
set -euo pipefail
cd "$(dirname "$0")"
HERE="$PWD"
export ARTILLERY_DISABLE_TELEMETRY=true
ARTILLERY="${ARTILLERY:-artillery}"; ACCOUNTS="${ACCOUNTS:-50}"; PROXY_PORT="${PROXY_PORT:-5180}"
OUT="${OUT:-$(mktemp -d /tmp/refinesharp-load-run-XXXXXX)}"; mkdir -p "$OUT"
LOG_DIR="$OUT" PROXY_PORT="$PROXY_PORT" ./start-topology.sh >"$OUT/topology.out" 2>&1 & topology=$!
trap 'kill "$topology" 2>/dev/null || true; wait "$topology" 2>/dev/null || true' EXIT INT TERM
until grep -q '^ready' "$OUT/topology.out"; do kill -0 "$topology" || { cat "$OUT/topology.out"; exit 1; }; sleep 1; done

# Accounts of this run only (Identity's default password rules), written as the scenario's payload.
printf '' >"$HERE/accounts.csv"
for i in $(seq 1 "$ACCOUNTS"); do
  email="load-$i-$RANDOM$RANDOM@load.local"; password='Passw0rd!load'
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "http://127.0.0.1:$PROXY_PORT/identity/register"
  echo "$email,$password" >>"$HERE/accounts.csv"
done

"$ARTILLERY" run --target "http://127.0.0.1:$PROXY_PORT" --output "$OUT/report.json" "$HERE/login-and-read.yml" | tee "$OUT/artillery.txt"
rm -f "$HERE/accounts.csv"
echo "report: $OUT/report.json"
