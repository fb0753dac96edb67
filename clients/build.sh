#!/usr/bin/env bash
# Builds every client package in dependency order; the web client's static build lands in
# CollabServer/wwwroot/, which the server serves at /. Run `npm ci` in clients/ first.
set -euo pipefail
cd "$(dirname "$0")"
echo "==> clients: build @collab/signalr-provider, @collab/ui, @collab/web (into CollabServer/wwwroot), jupyterlab-collab"
npm run build --workspace @collab/signalr-provider
npm run build --workspace @collab/ui
npm run build --workspace @collab/web
npm run build --workspace jupyterlab-collab
