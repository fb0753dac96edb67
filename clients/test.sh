#!/usr/bin/env bash
# Lints the clients (strict tsc, tsconfig.base.json, and ESLint, eslint.config.mjs), runs the packages'
# unit tests (ui, the extension's logic), then tests them against the real server: the SignalR provider's
# tests (Node), the web client's browser tests (Playwright driving Debian's /usr/bin/chromium), sign-in included against
# the OpenID provider of tests/interop (its npm ci is run here if missing), and the JupyterLab
# extension inside a real JupyterLab (Debian's Jupyter packages are installed here if missing).
# Needs `npm ci` and clients/build.sh first, and a built CollabServer (dotnet test builds it; else built here).
# The browser tests (packages/web/test/*.browser.test.mjs: notebook, rendering, command mode,
# projects, execution) start their own servers; execution also starts Debian's jupyter_server
# (python3-jupyter-server, python3-ipykernel) and skips without /usr/bin/python3.
# Every test runs on Vitest (browser tests: test-support/browser-tests.config.mjs, one file at a time).
# Screenshots land in clients/test-results/.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${COLLAB_SERVER_DLL:-}" ] && ! ls ../CollabServer/bin/*/net10.0/Collab.Server.dll >/dev/null 2>&1; then
  dotnet build ../CollabServer/Collab.Server.csproj -c Release -nologo -v q
fi
if [ ! -d ../tests/interop/node_modules/oidc-provider ]; then
  (cd ../tests/interop && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "==> clients: lint (tsc and ESLint in every package) and unit tests (Vitest, in Node)"
npm run lint
npm run test:unit
echo "==> clients: provider tests against the live server"
npm test --workspace @collab/signalr-provider
echo "==> clients: browser tests (chromium)"
npm test --workspace @collab/web
echo "==> clients: the extension inside JupyterLab 4.5 (LabServerApp, wheel install, chromium)"
jupyter_apt=()
for pkg in python3-jupyter-server python3-ipykernel python3-jupyterlab-server python3-hatchling; do
  dpkg -s "$pkg" >/dev/null 2>&1 || jupyter_apt+=("$pkg")
done
if [ ${#jupyter_apt[@]} -gt 0 ]; then
  sudo_=(); [ "$(id -u)" = 0 ] || sudo_=(sudo)
  "${sudo_[@]}" apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo_[@]}" apt-get install -y -q "${jupyter_apt[@]}" >/dev/null
fi
test-support/jupyterlab-app/build.sh
packages/jupyterlab-collab/build-wheel.sh >/dev/null
npm test --workspace jupyterlab-collab
