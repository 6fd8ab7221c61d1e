#!/usr/bin/env bash
# The README's test command: on a fresh Debian/Ubuntu machine with only the .NET 10 SDK, installs what the tests need
# (system packages via .ci/install-deps, the notebook kernel via the tool manifest dotnet-tools.json) and runs every
# test. Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Notebooks).
set -euo pipefail
cd "$(dirname "$0")"

bash .ci/install-deps
dotnet tool restore
dotnet test Scaling.sln "$@"
