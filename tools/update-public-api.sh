#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, and drops entries reported as gone (RS0017). Usage: tools/update-public-api.sh src/X/X.csproj
set -euo pipefail
proj="$1"; dir="$(cd "$(dirname "$proj")" && pwd)"
log="$(mktemp)"
dotnet build "$proj" --no-incremental >"$log" 2>&1 || true
python3 - "$dir" "$log" <<'PY'
import os, re, sys
d, log = sys.argv[1], sys.argv[2]
add, remove = set(), set()
for line in open(log, encoding="utf-8"):
    if d + "/" not in line:
        continue
    m = re.search(r"error RS0016: Symbol '(.*)' is not part of the declared public API", line)
    if m: add.add(m.group(1))
    m = re.search(r"error RS0017: Symbol '(.*)' is part of the declared API", line)
    if m: remove.add(m.group(1))
path = os.path.join(d, "PublicAPI.Unshipped.txt")
lines = open(path).read().splitlines() if os.path.exists(path) else []
body = {l for l in lines if l.strip() and l.strip() != "#nullable enable"} | add
body -= remove
open(path, "w").write("#nullable enable\n" + "".join(l + "\n" for l in sorted(body)))
print(f"{os.path.basename(d)}: added {len(add)}, removed {len(remove)}")
PY
rm -f "$log"
