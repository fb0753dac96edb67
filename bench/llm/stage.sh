#!/usr/bin/env bash
# Prepares everything the GPU benchmark needs on a machine that can reach nothing: a
# self-contained .NET build, the CUDA llama.cpp package, node-llama-cpp and a Node binary.
# Packs them into .native/bench-llm/ (ignored by git) as parts of at most 60 MiB, because one
# device call carries at most 64 MiB. bench/llm/README.md lists the device calls that follow.
#
#   bench/llm/stage.sh         CUDA build   -> .native/bench-llm/part-NN
#   bench/llm/stage.sh --cpu   CPU build    -> .native/bench-llm-cpu/part-NN (the dry run, dry-run.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
variant=cuda
case "${1:-}" in
  "") ;;
  --cpu) variant=cpu ;;
  *) echo "usage: $0 [--cpu]" >&2; exit 2 ;;
esac
if [ "$variant" = cuda ]; then
  stage=$root/.native/bench-llm; package=@node-llama-cpp/linux-x64-cuda@3.22.1; xz_level=-6
else
  # The dry run packs fast rather than small: its parts never travel.
  stage=$root/.native/bench-llm-cpu; package=@node-llama-cpp/linux-x64@3.22.1; xz_level=-0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bench"

echo "==> dotnet publish (self-contained linux-x64): bench and model generator"
dotnet publish bench/llm/Bench/Collab.Copilot.LlmBench.csproj -c Release -r linux-x64 --self-contained -o "$work/bench/app" -v quiet -nologo
dotnet publish bench/llm/ModelGen/Collab.Copilot.ModelGen.csproj -c Release -r linux-x64 --self-contained -o "$work/bench/modelgen" -v quiet -nologo

# --omit=optional on both installs: node-llama-cpp lists every platform's build as optional
# (CUDA-ext, Vulkan, ... about 725 MB); only $package is wanted, and it is named explicitly.
echo "==> node-llama-cpp 3.22.1 with only $package (the libraries both benches load)"
cp bench/llm/package.json bench/llm/node-bench.mjs "$work/bench/"
(cd "$work/bench" && NODE_LLAMA_CPP_SKIP_DOWNLOAD=true npm install --omit=optional --no-audit --no-fund --loglevel=error \
  && NODE_LLAMA_CPP_SKIP_DOWNLOAD=true npm install --no-save --omit=optional --no-audit --no-fund --loglevel=error "$package")
ls "$work/bench/node_modules/@node-llama-cpp"
cp "$(command -v node)" "$work/bench/node"
du -sh "$work/bench"

echo "==> packing"
rm -rf "$stage"
mkdir -p "$stage"
tar -C "$work" -cf - bench | xz -T0 "$xz_level" | split -b 60M -d -a 2 - "$stage/part-"
ls -la "$stage"
echo "==> $(ls "$stage" | wc -l) parts in $stage; see bench/llm/README.md for the device calls"
