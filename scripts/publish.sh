#!/usr/bin/env bash
# Publishes `alg` ReadyToRun-compiled (start-up matters for `alg lint` in CI and pre-commit hooks).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/alg}"
dotnet publish cli/Alg.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" -nologo -v quiet
echo "published to $out/alg"
