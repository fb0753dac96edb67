#!/usr/bin/env bash
# Load benchmark: Collab (1 node SQLite; 3 nodes PostgreSQL + Redis) beside @y/websocket-server and
# @hocuspocus/server, all on 127.0.0.1. Extra arguments go to the generator:
#   bench/load/run.sh --rooms 100 --clients 10 --rate 2 --seconds 20 [--only collab1,cluster,refs]
#   bench/load/run.sh --sweep 2,4,8,16 [--sweep-p99-ms 250]   highest sustained rate per server
#   bench/load/run.sh --idle 10000 --only collab1,refs         memory per idle connection
#   bench/load/run.sh --soak-minutes 30 --only collab1          memory over a long run
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
[ -d node_modules/@hocuspocus/server ] || npm ci --no-audit --no-fund >/dev/null
. "$root/scripts/test-services.sh"
start_test_services
trap stop_test_services EXIT
ulimit -n "$(ulimit -Hn)" # --idle opens 10,000 sockets in the generator and in the server
dotnet build -c Release Collab.LoadBench -v q -nologo >/dev/null
dotnet Collab.LoadBench/bin/Release/net10.0/Collab.LoadBench.dll "$@"
