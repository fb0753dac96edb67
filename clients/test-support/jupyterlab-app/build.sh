#!/usr/bin/env bash
# Assembles the test JupyterLab app into build/ (git-ignored). Skips npm ci and webpack when
# nothing they read has changed since the last build: the key hashes the lockfile and sources.
set -euo pipefail
cd "$(dirname "$0")"
key=$(cat package-lock.json webpack.config.js bootstrap.js main.js page-config.js templates/index.html \
  ../../packages/jupyterlab-collab/core-meta/package.json | sha256sum | cut -c1-16)
if [ "$(cat build/.key 2>/dev/null)" = "$key" ]; then
  echo "==> jupyterlab-app: up to date ($key)"
  exit 0
fi
lock=$(sha256sum package-lock.json | cut -c1-16)
if [ "$(cat node_modules/.lock-key 2>/dev/null)" != "$lock" ]; then
  echo "==> jupyterlab-app: npm ci"
  nice npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.lock-key
fi
echo "==> jupyterlab-app: webpack (JupyterLab 4.5.11 core plugins, module federation host)"
rm -rf build
nice npx webpack --config webpack.config.js >build.log 2>&1 || { tail -40 build.log; exit 1; }
mv build.log build/
echo "$key" > build/.key
