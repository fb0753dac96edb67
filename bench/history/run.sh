#!/usr/bin/env bash
# Notebook history figures: version-store bytes per 1,000 edits and restore time for a notebook
# with 10,000 edits (seeded, in process, real SQLite version store). See bench/history/README.md.
#   bench/history/run.sh [edits]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$root/bench/history/Collab.HistoryBench" -c Release -v quiet -nologo -clp:ErrorsOnly
exec "$root/bench/history/Collab.HistoryBench/bin/Release/net10.0/Collab.HistoryBench" "$@"
