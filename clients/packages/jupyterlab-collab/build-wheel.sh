#!/usr/bin/env bash
# Builds the Python wheel (dist/jupyterlab_collab-*.whl) from the prebuilt extension; run
# `npm run build` first. Offline: hatchling comes from the system (Debian python3-hatchling).
set -euo pipefail
cd "$(dirname "$0")"
test -f jupyterlab_collab/labextension/package.json || { echo "build the extension first (npm run build)" >&2; exit 1; }
python=${PYTHON:-/usr/bin/python3}
rm -rf dist && mkdir -p dist
"$python" -m pip wheel --no-build-isolation --no-deps --no-index --wheel-dir dist . >/dev/null
ls dist/*.whl
