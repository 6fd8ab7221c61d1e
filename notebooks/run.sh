#!/usr/bin/env bash
# Runs every notebook in this folder in the real Polyglot kernel (dotnet-repl, pinned in ../dotnet-tools.json) and
# writes the kernel's outputs back into the .ipynb files. Commit the result: the tests fail when committed outputs
# differ from what the kernel writes.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore
# The notebooks' #r lines reference the Debug build, as a Polyglot user's would after `dotnet build`.
dotnet build Scaling.sln -v q
SCALING_UPDATE_NOTEBOOKS=1 dotnet test Scaling.sln --no-build --filter "FullyQualifiedName~Scaling.Tests.Notebooks"
git status --short -- notebooks
