#!/usr/bin/env bash
# The one way CcapBot is published: the Dockerfile runs this, the App Service walk-through in
# deployment/README.md runs it, and CcapBot.Tests runs it and starts what it produced.
#
#   bash deployment/publish.sh [<output folder>]      (default: deployment/out/publish)
#
# Framework-dependent (the App Service and container images carry the ASP.NET Core runtime) and with
# no native launcher: the service starts as `dotnet CcapBot.dll`. ReadyToRun for linux-x64: the code is
# compiled ahead of time, which halves start-up (the JIT no longer compiles EF Core and the bot on the
# first requests); see bench/README.md for the figures.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/deployment/out/publish}

dotnet publish "$root/CcapBot/CcapBot.csproj" --configuration Release --output "$out" \
  --runtime linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false --disable-build-servers
