#!/usr/bin/env bash
# Fetches the llama.cpp shared libraries that node-llama-cpp publishes on npm and unpacks
# them into .native/llama/<platform>/ (ignored by git), where Collab.Copilot.Runtime and its
# tests load them with NativeLibrary.
#
#   scripts/fetch-llama.sh           CPU build   -> .native/llama/linux-x64/
#   scripts/fetch-llama.sh --cuda    CUDA 13 build (143 MB) -> .native/llama/linux-x64-cuda/
#
# Re-running is cheap: a folder that already holds the wanted version is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

version=3.22.1
package=@node-llama-cpp/linux-x64
platform=linux-x64
case "${1:-}" in
  "") ;;
  --cuda) package=@node-llama-cpp/linux-x64-cuda; platform=linux-x64-cuda ;;
  *) echo "usage: $0 [--cuda]" >&2; exit 2 ;;
esac

dest=.native/llama/$platform
stamp=$dest/.package-version
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$package@$version" ]; then
  echo "==> $package@$version already in $dest"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "==> npm pack $package@$version"
(cd "$work" && npm pack --silent "$package@$version" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"

# The package keeps its libraries under bins/<platform>/ (the CUDA one under its own name).
bins=$(find "$work/package/bins" -mindepth 1 -maxdepth 1 -type d | head -n 1)
[ -n "$bins" ] && ls "$bins"/libllama*.so >/dev/null 2>&1 || {
  echo "fetch-llama: no libllama*.so in $package@$version" >&2; exit 1; }

rm -rf "$dest"
mkdir -p "$dest"
cp "$bins"/*.so "$bins"/_nlcBuildMetadata.json "$dest"/
echo "$package@$version" > "$stamp"
echo "==> $package@$version -> $dest"
