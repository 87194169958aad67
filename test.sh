#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine of this project's kind: installs what the tests need
# (Chromium for the browser tests, redis-server for the session-store tests), restores, builds, runs each test project, and prints
# "N passed, N failed, N skipped" as its closing line. Exits non-zero when a test fails or when no test ran.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests start themselves: chromium (browser tests) and redis-server (session store on Redis).
install_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_packages || { echo "could not install chromium and redis-server"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

echo "== restore and build"
if ! dotnet build RefineSharp.slnx -c Release -nologo -v q; then
  echo "build failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1
fi

log="$(mktemp)"
status=0
for proj in tests/*/*.csproj; do
  echo "== $proj"
  # A failed test prints its name, its error message and the top of its stack, so a CI log alone can explain it.
  dotnet test "$proj" -c Release --no-build -nologo 2>&1 | tee -a "$log" \
    | awk '/^(Passed|Failed)!|error/{print; next} /^[[:space:]]+Failed /{n=14} n>0{print; n--}' || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

summary="$(awk '/^(Passed|Failed)! +- Failed: /{gsub(/,/,""); for(i=1;i<=NF;i++){if($i=="Failed:")f+=$(i+1); if($i=="Passed:")p+=$(i+1); if($i=="Skipped:")s+=$(i+1)}} END{printf "%d passed, %d failed, %d skipped\n",p,f,s}' "$log")"
rm -f "$log"
read -r passed _ failed _ <<<"$(echo "$summary" | tr -d ',')"
if [ "${passed:-0}" -eq 0 ] && [ "${failed:-0}" -eq 0 ]; then status=1; echo "no test ran"; fi
[ "${failed:-0}" -eq 0 ] || status=1
echo "$summary"
exit $status
