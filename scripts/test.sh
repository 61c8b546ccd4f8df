#!/usr/bin/env bash
# The test command from the README: restore, build (warnings are errors) and run every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Alg.sln -c Release -nologo -v quiet
dotnet test Alg.sln -c Release --no-build -nologo -v quiet "$@"
