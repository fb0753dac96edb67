#!/usr/bin/env bash
# Runs on the GPU machine, from the repository root, after the staged parts were copied to
# /tmp/bench-llm (bench/llm/README.md). Unpacks, checks the CUDA libraries resolve, makes a
# random Llama-3.1-8B-shaped model at Q4_K_M, and prints Collab's figures and node-llama-cpp's.
#
#   bash bench/llm/run.sh         the GPU run
#   bash bench/llm/run.sh --cpu   dry run of the same steps on the CPU package with a tiny Q8_0
#                                 model and small workloads (bench/llm/dry-run.sh)
# BENCH_PARTS (where the parts are), BENCH_DIR (where they unpack) and OUT (results) override.
set -euo pipefail
variant=cuda
case "${1:-}" in
  "") ;;
  --cpu) variant=cpu ;;
  *) echo "usage: $0 [--cpu]" >&2; exit 2 ;;
esac
parts=${BENCH_PARTS:-/tmp/bench-llm}
dir=${BENCH_DIR:-/tmp/bench-llm-run}
out=${OUT:-/tmp}
ls "$parts"/part-* >/dev/null

# Unpack afresh unless these very parts were unpacked completely before: the stamp is written
# last, so an interrupted unpack (a half-written node binary, say) is never reused.
stamp=$(ls -l --time-style=+%s "$parts"/part-* | md5sum | cut -d' ' -f1)
if [ "$(cat "$dir/.unpacked" 2>/dev/null)" != "$stamp" ]; then
  echo "==> unpacking $(ls "$parts" | wc -l) parts"
  rm -rf "$dir"
  mkdir -p "$dir"
  cat "$parts"/part-* | xz -d | tar -C "$dir" -xf -
  echo "$stamp" > "$dir/.unpacked"
fi
bench=$dir/bench
libs=$(find "$bench"/node_modules/@node-llama-cpp/linux-x64*/bins -mindepth 1 -maxdepth 1 -type d | head -n 1)
echo "==> llama.cpp libraries: $libs"

if [ "$variant" = cuda ]; then
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
  export LD_LIBRARY_PATH="$libs:$cuda_libs:${LD_LIBRARY_PATH:-}"
  echo "==> ldd libggml-cuda.so"
  ldd "$libs/libggml-cuda.so" | grep -E 'cudart|cublas|libcuda|not found' || true
  if ldd "$libs/libggml-cuda.so" | grep -q 'not found'; then echo "CUDA libraries missing" >&2; exit 1; fi
  model=/tmp/llama-3.1-8b-random-q4_k_m.gguf
  shape=llama-3.1-8b; quantize=q4_k_m; gpu_layers=-1; threads=8; gpu=cuda
else
  export LD_LIBRARY_PATH="$libs:${LD_LIBRARY_PATH:-}"
  model=$dir/tiny-random-q8_0.gguf
  shape=tiny; quantize=q8_0; gpu_layers=0; threads=2; gpu=cpu
  export BENCH_SMALL=1
fi
if ldd "$libs"/libllama.*.so | grep -q 'not found'; then ldd "$libs"/libllama.*.so >&2; exit 1; fi

if [ ! -f "$model" ]; then
  echo "==> generating a random $shape-shaped model, $quantize"
  # Written beside and renamed, so an interrupted run never leaves a half model to reuse.
  "$bench/modelgen/Collab.Copilot.ModelGen" --shape "$shape" --out "$model.partial" --quantize "$quantize" --native "$libs"
  mv "$model.partial" "$model"
fi

echo "==> Collab (C#, in-process llama.cpp)"
"$bench/app/Collab.Copilot.LlmBench" "$model" "$libs" "$gpu_layers" "$threads" | tee "$out/collab.txt"
echo "==> node-llama-cpp"
(cd "$bench" && BENCH_GPU=$gpu BENCH_THREADS=$threads ./node node-bench.mjs "$model") | tee "$out/node.txt"

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
