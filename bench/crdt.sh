#!/usr/bin/env bash
# Collab.Crdt vs yjs on the editing traces: replay as local edits, encode, load.
# Prints per-step times, encoded sizes, memory and C#/yjs ratios, and ends with one line per
# trace: trace=<name> apply_ratio=.. encode_ratio=.. load_ratio=.. size_equal=true|false
#   bench/crdt.sh                     all three traces
#   bench/crdt.sh automerge-paper     only the named ones
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
traces=${CRDT_TRACES_DIR:-$root/../shared/data/editing-traces}
[ -d "$root/tests/interop/node_modules/yjs" ] || (cd "$root/tests/interop" && npm ci --no-audit --no-fund --loglevel=error)
dotnet build "$root/bench/Collab.Crdt.Bench" -c Release -v quiet -nologo -clp:ErrorsOnly
exec "$root/bench/Collab.Crdt.Bench/bin/Release/net10.0/Collab.Crdt.Bench" "$root" "$traces" "$@"
