#!/usr/bin/env bash
# Rewrites every golden file (AST, policy JSON, diagnostics, lowered IR, generated C#) from the current code.
# Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
ALG_UPDATE_GOLDEN=1 dotnet test Alg.sln -c Release -nologo -v quiet --filter "Category=Golden" "$@"
