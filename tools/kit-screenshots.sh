#!/usr/bin/env bash
# Regenerates docs/images/kits/<kit>-<page>-<theme>.png: every sign-in page of samples/RefineSharp.KitsDemo in each UI kit
# (Headless, MudBlazor, Fluent), light and dark, rendered by Debian's headless Chromium. Not part of the test run.
# Usage: tools/kit-screenshots.sh            (needs the .NET SDK and /usr/bin/chromium; ports 5950-5955 on 127.0.0.1)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/images/kits"
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "Chromium missing at $chromium (apt-get install chromium)" >&2; exit 1; }
mkdir -p "$out"
dotnet build "$root/samples/RefineSharp.KitsDemo/RefineSharp.KitsDemo.csproj" -c Release -nologo -v quiet
dll="$root/samples/RefineSharp.KitsDemo/bin/Release/net10.0/RefineSharp.KitsDemo.dll"
work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port=5950
for kit in Headless MudBlazor Fluent; do
  for theme in Light Dark; do
    (cd "$root/samples/RefineSharp.KitsDemo" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$dll" --urls "http://127.0.0.1:$port" \
      --Kit "$kit" --Theme "$theme" --KitsDemo:Database "$work/$kit-$theme.db") >"$work/$kit-$theme.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 1; done
    for page in login register forgot-password update-password; do
      file="$out/$(echo "$kit" | tr '[:upper:]' '[:lower:]')-$page-$(echo "$theme" | tr '[:upper:]' '[:lower:]').png"
      # The pages are static forms; the time budget lets Fluent's script define its web components first.
      "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
        --window-size=720,820 --virtual-time-budget=5000 --screenshot="$file" \
        "http://127.0.0.1:$port/$page" >/dev/null 2>&1
      echo "wrote ${file#$root/}"
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    port=$((port + 1))
  done
done
