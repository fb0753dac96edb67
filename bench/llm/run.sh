#!/usr/bin/env bash
# Runs on the GPU machine, from the repository root, after the staged parts were copied to
# /tmp/bench-llm (bench/llm/README.md). Unpacks, checks the CUDA libraries resolve, makes a
# random Llama-3.1-8B-shaped model at Q4_K_M, and prints Collab's figures and node-llama-cpp's.
set -euo pipefail
parts=${BENCH_PARTS:-/tmp/bench-llm}
dir=/tmp/bench-llm-run
out=${OUT:-/tmp}

if [ ! -x "$dir/bench/node" ]; then
  mkdir -p "$dir"
  cat "$parts"/part-* | xz -d | tar -C "$dir" -xf -
fi
bench=$dir/bench
cuda=$(find "$bench/node_modules/@node-llama-cpp/linux-x64-cuda/bins" -mindepth 1 -maxdepth 1 -type d | head -n 1)

# libggml-cuda needs CUDA 13's runtime and cuBLAS: take them from PyTorch's cu130 wheels.
cuda_libs=$(python3 - <<'PY'
import glob, os, site
dirs = set()
for base in site.getsitepackages():
    for lib in glob.glob(os.path.join(base, "nvidia", "**", "libcu*.so.13"), recursive=True):
        dirs.add(os.path.dirname(lib))
print(":".join(sorted(dirs)))
PY
)
export LD_LIBRARY_PATH="$cuda:$cuda_libs:${LD_LIBRARY_PATH:-}"
echo "==> ldd libggml-cuda.so"
ldd "$cuda/libggml-cuda.so" | grep -E 'cudart|cublas|libcuda|not found' || true
if ldd "$cuda/libggml-cuda.so" | grep -q 'not found'; then echo "CUDA libraries missing" >&2; exit 1; fi

model=/tmp/llama-3.1-8b-random-q4_k_m.gguf
if [ ! -f "$model" ]; then
  echo "==> generating a random Llama-3.1-8B-shaped model, Q4_K_M"
  "$bench/modelgen/Collab.Copilot.ModelGen" --shape llama-3.1-8b --out "$model" --quantize q4_k_m --native "$cuda"
fi

echo "==> Collab (C#, in-process llama.cpp)"
"$bench/app/Collab.Copilot.LlmBench" "$model" "$cuda" -1 8 | tee "$out/collab.txt"
echo "==> node-llama-cpp"
(cd "$bench" && ./node node-bench.mjs "$model") | tee "$out/node.txt"

python3 - "$out/collab.txt" "$out/node.txt" <<'PY'
import json, sys
read = lambda p: json.loads([l for l in open(p) if l.startswith("JSON ")][-1][5:])
ours, theirs = read(sys.argv[1]), read(sys.argv[2])
print("==> Collab / node-llama-cpp (bar: >= 0.95 for throughput)")
print(f"prompt processing: {ours['pp'] / theirs['pp']:.3f}")
print(f"generation:        {ours['tg'] / theirs['tg']:.3f}")
print(f"time to first token (lower is better): {ours['ttft_ms'] / theirs['ttft_ms']:.3f}")
print(f"16 vs 1 sequence aggregate: {ours['agg16'] / ours['agg1']:.2f}x (bar: >= 6x)")
PY
