#!/usr/bin/env bash
# Runs every notebook in this folder with the test suite's runner and writes the outputs (execution counts, text,
# inline SVG figures) back into the .ipynb files. Commit the result: the tests fail when committed outputs are stale.
set -euo pipefail
cd "$(dirname "$0")/.."

# The notebooks' #r lines reference the Debug build, as a Polyglot user's would after `dotnet build`.
dotnet build Scaling.sln -v q
SCALING_UPDATE_NOTEBOOKS=1 dotnet test Scaling.sln --no-build --filter "FullyQualifiedName~Scaling.Tests.Notebooks"
git status --short -- notebooks
