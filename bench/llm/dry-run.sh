#!/usr/bin/env bash
# Dry run of the GPU benchmark on the CPU: stage.sh --cpu, then run.sh --cpu on the staged parts
# (tiny model, small workloads), checking both benches print their figures. It proves the
# staging, unpacking, library loading, model generation and both benches work, so the GPU
# machine only has to execute run.sh. Called by test.sh; needs the network (npm, NuGet).
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
bench/llm/stage.sh --cpu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
BENCH_PARTS=.native/bench-llm-cpu BENCH_DIR="$work/run" OUT="$work" bash bench/llm/run.sh --cpu
# Twice: the second run reuses the unpacked folder and the model.
BENCH_PARTS=.native/bench-llm-cpu BENCH_DIR="$work/run" OUT="$work" bash bench/llm/run.sh --cpu > "$work/second.txt"
grep -q '^==> unpacking' "$work/second.txt" && { echo "dry run: the second run unpacked again" >&2; exit 1; }
for f in collab node; do grep -q '^JSON {' "$work/$f.txt" || { echo "dry run: no figures in $f.txt" >&2; exit 1; }; done
echo "==> bench/llm dry run passed in $(( $(date +%s) - start )) s"
