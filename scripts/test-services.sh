# Throwaway PostgreSQL and Redis on 127.0.0.1 for the test suite (sourced by test.sh).
# Exports COLLAB_TEST_PG (an Npgsql connection string), COLLAB_TEST_REDIS (host:port),
# COLLAB_TEST_PG_CTL (a script: start|stop) and COLLAB_TEST_REDIS_CMD so fault tests can
# stop and restart them.

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }

start_test_services() {
  TEST_SERVICES_DIR=$(mktemp -d /tmp/collab-test-XXXXXX)
  chmod 755 "$TEST_SERVICES_DIR"
  local pg_port redis_port pg_bin=/usr/lib/postgresql/15/bin
  pg_port=$(free_port); redis_port=$(free_port)

  mkdir -p "$TEST_SERVICES_DIR/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$TEST_SERVICES_DIR" "$TEST_SERVICES_DIR/pg"
  run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
  run_pg "$pg_bin/initdb -D $TEST_SERVICES_DIR/pg/data -A trust -U postgres" >/dev/null
  local pg_opts="-p $pg_port -k $TEST_SERVICES_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"
  # A script that fault tests call as `$COLLAB_TEST_PG_CTL stop|start`.
  cat > "$TEST_SERVICES_DIR/pg-ctl.sh" <<SH
#!/bin/sh
case "\$1" in start) mode="start";; *) mode="-m immediate stop";; esac
if [ "\$(id -u)" = 0 ]; then
  su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $TEST_SERVICES_DIR/pg/data -o '$pg_opts' -l $TEST_SERVICES_DIR/pg/pg.log -w \$mode"
else
  $pg_bin/pg_ctl -D $TEST_SERVICES_DIR/pg/data -o '$pg_opts' -l $TEST_SERVICES_DIR/pg/pg.log -w \$mode
fi
SH
  chmod +x "$TEST_SERVICES_DIR/pg-ctl.sh"
  export COLLAB_TEST_PG_CTL="$TEST_SERVICES_DIR/pg-ctl.sh"
  "$COLLAB_TEST_PG_CTL" start >/dev/null
  export COLLAB_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  export COLLAB_TEST_REDIS_CMD="redis-server --port $redis_port --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile $TEST_SERVICES_DIR/redis.pid --logfile $TEST_SERVICES_DIR/redis.log"
  eval "$COLLAB_TEST_REDIS_CMD"
  export COLLAB_TEST_REDIS="127.0.0.1:$redis_port"
  export COLLAB_TEST_REDIS_PIDFILE="$TEST_SERVICES_DIR/redis.pid"
  echo "==> PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port ($TEST_SERVICES_DIR)"
}

stop_test_services() {
  [ -n "${TEST_SERVICES_DIR:-}" ] || return 0
  "$COLLAB_TEST_PG_CTL" stop >/dev/null 2>&1 || true
  [ -f "$TEST_SERVICES_DIR/redis.pid" ] && kill "$(cat "$TEST_SERVICES_DIR/redis.pid")" 2>/dev/null || true
  rm -rf "$TEST_SERVICES_DIR"
}
