#!/usr/bin/env bash
# Start-up memory: Collab's RSS over the first seconds after start, with a fresh data directory, so
# the docs index is built (and, with an embedding model, embedded) from scratch. Prints per run
# the peak RSS and the RSS at the end of the window, then their medians. Not a test. See README.md.
#   bench/startup/run.sh [--runs 3] [--seconds 60] [--no-build] [-- ENV=VALUE ...]
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
runs=3 seconds=60 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --) shift; break ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ $build = 1 ] && dotnet build "$root/CollabServer" -c Release -v q -nologo -p:CollabSkipWebClient=true >/dev/null
dll="$root/CollabServer/bin/Release/net10.0/Collab.Server.dll"
peaks=() lasts=()
for run in $(seq "$runs"); do
  data=$(mktemp -d -t collab-startup-XXXXXX)
  env ASPNETCORE_URLS=http://127.0.0.1:0 ASPNETCORE_ENVIRONMENT=Production Storage__DataDirectory="$data" \
    Auth__SigningKey="startup-bench-signing-key-0123456789abcdef" Auth__Issuer=collab Auth__Audience=collab \
    Logging__LogLevel__Default=Warning "$@" dotnet "$dll" >"$data/server.log" 2>&1 &
  pid=$!
  peak=0 rss=0
  # Sampled every half second from /proc, as bench/rooms reads it: garbage not yet collected counts.
  for _ in $(seq $((seconds * 2))); do
    sleep 0.5
    rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status" 2>/dev/null) || { echo "server exited: $data/server.log" >&2; exit 1; }
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  echo "run $run: peak $peak MB, at ${seconds} s $rss MB"
  peaks+=("$peak") lasts+=("$rss")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "median of $runs: peak $(median "${peaks[@]}") MB, at ${seconds} s $(median "${lasts[@]}") MB ($*)"
