#!/usr/bin/env bash
# Collab.Crdt vs yjs on the editing traces: replay as local edits, encode, load; cold (a fresh
# process) and warm (the median of CRDT_WARM_RUNS more runs in the same process, default 5).
# Prints per-step times (wall and CPU), encoded sizes, memory (peak RSS, heap in use) and
# C#/yjs ratios, and ends with one line per trace:
#   trace=<name> apply_ratio=.. encode_ratio=.. load_ratio=.. size_equal=true|false warm_apply_ratio=.. ...
#   bench/crdt.sh                     the three traces and all-three (them in one document)
#   bench/crdt.sh automerge-paper     only the named ones
# Figures and how to read them: bench/crdt/RESULTS.md
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
traces=${CRDT_TRACES_DIR:-$root/../shared/data/editing-traces}
[ -d "$root/tests/interop/node_modules/yjs" ] || (cd "$root/tests/interop" && npm ci --no-audit --no-fund --loglevel=error)
dotnet build "$root/bench/Collab.Crdt.Bench" -c Release -v quiet -nologo -clp:ErrorsOnly
exec "$root/bench/Collab.Crdt.Bench/bin/Release/net10.0/Collab.Crdt.Bench" "$root" "$traces" "$@"
