#!/usr/bin/env bash
# Starts the sample OpenID Connect server (http://127.0.0.1:5500) and the OIDC demo (http://127.0.0.1:5501) that signs
# in through it; Ctrl+C stops both. Users: admin@idp.local / Admin123! (admin, editor), editor@idp.local / Editor123!.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$root/samples/RefineSharp.IdentityServer/RefineSharp.IdentityServer.csproj" -c Release -v q -nologo
dotnet build "$root/samples/RefineSharp.OidcDemo/RefineSharp.OidcDemo.csproj" -c Release -v q -nologo

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

export ASPNETCORE_ENVIRONMENT=Development
(cd "$root/samples/RefineSharp.IdentityServer" && exec dotnet bin/Release/net10.0/RefineSharp.IdentityServer.dll --urls http://127.0.0.1:5500) &
pids+=($!)
# The demo reads the identity server's discovery document at the first sign-in, so it may start at the same time.
(cd "$root/samples/RefineSharp.OidcDemo" && exec dotnet bin/Release/net10.0/RefineSharp.OidcDemo.dll --urls http://127.0.0.1:5501) &
pids+=($!)

echo "Identity server: http://127.0.0.1:5500   OIDC demo: http://127.0.0.1:5501 (Ctrl+C stops both)"
wait
