#!/usr/bin/env bash
# Per-room cost on 10 KB … 10 MB notebooks: Collab (1 node, SQLite) beside @y/websocket-server 0.1.1,
# stock y-websocket clients, one run. Arguments go to rooms.mjs (see README.md):
#   bench/rooms/run.sh [--sizes 10K,100K,1M,10M] [--scale 1] [--edits 600] [--rate 40] [--only collab,ywss]
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
[ -d node_modules/@y/websocket-server ] || npm ci --no-audit --no-fund >/dev/null
dotnet build "$root/CollabServer" -c Release -v q -nologo -p:CollabSkipWebClient=true >/dev/null
node rooms.mjs --collab-dll "$root/CollabServer/bin/Release/net10.0/Collab.Server.dll" "$@" | tee last-run.txt
