#!/usr/bin/env bash
# Prepares everything the GPU benchmark needs on a machine that can reach nothing: a
# self-contained .NET build, the CUDA llama.cpp package, node-llama-cpp and a Node binary.
# Packs them into .native/bench-llm/ (ignored by git) as parts of at most 60 MiB, because one
# device call carries at most 64 MiB. bench/llm/README.md lists the device calls that follow.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
stage=$root/.native/bench-llm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bench"

echo "==> dotnet publish (self-contained linux-x64): bench and model generator"
dotnet publish bench/llm/Bench/Collab.Copilot.LlmBench.csproj -c Release -r linux-x64 --self-contained -o "$work/bench/app" -v quiet -nologo
dotnet publish bench/llm/ModelGen/Collab.Copilot.ModelGen.csproj -c Release -r linux-x64 --self-contained -o "$work/bench/modelgen" -v quiet -nologo

echo "==> node-llama-cpp 3.22.1 with only its CUDA build (the libraries both benches load)"
cp bench/llm/package.json bench/llm/node-bench.mjs "$work/bench/"
(cd "$work/bench" && NODE_LLAMA_CPP_SKIP_DOWNLOAD=true npm install --omit=optional --no-audit --no-fund --loglevel=error \
  && npm install --no-save --no-audit --no-fund --loglevel=error @node-llama-cpp/linux-x64-cuda@3.22.1)
cp "$(command -v node)" "$work/bench/node"

echo "==> packing"
rm -rf "$stage"
mkdir -p "$stage"
tar -C "$work" -cf - bench | xz -T0 -6 | split -b 60M -d -a 2 - "$stage/part-"
ls -la "$stage"
echo "==> $(ls "$stage" | wc -l) parts in $stage; see bench/llm/README.md for the device calls"
