#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests and benchmarks, run as the `postgres` user (initdb
# and pg_ctl refuse root) in a directory under /tmp, listening only on a Unix socket there.
#
#   scripts/pg-test-cluster.sh start DIR [PORT]   # creates and starts; prints the base URI
#   scripts/pg-test-cluster.sh stop DIR           # stops and removes DIR
#   scripts/pg-test-cluster.sh uri DIR [DBNAME]   # the URI of a database in it
#
# The URI names the superuser `postgres` over the socket (trust authentication: nothing but the
# socket's directory, mode 0700 to postgres and root, reaches it).
set -euo pipefail

command="${1:?usage: pg-test-cluster.sh start|stop|uri DIR [PORT|DBNAME]}"
dir="${2:?the cluster directory}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$bin" ] || { echo "pg-test-cluster: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

uri() {
  local port; port="$(cat "$dir/port")"
  echo "postgresql://postgres@/${1:-postgres}?host=$dir/socket&port=$port"
}

case "$command" in
  start)
    port="${3:-55432}"
    if [ -f "$dir/data/postmaster.pid" ]; then uri; exit 0; fi
    mkdir -p "$dir/socket"
    chown -R postgres:postgres "$dir" 2>/dev/null || true
    chmod 0700 "$dir"
    echo "$port" > "$dir/port"
    as_postgres "$bin/initdb" -D "$dir/data" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      --username=postgres >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Sized for a 2-core, 24 GB machine and a million-case benchmark; durable (fsync on) as a
    # production server would be.
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir/socket -p $port -c listen_addresses='' -c shared_buffers=2GB \
          -c max_connections=200 -c max_wal_size=8GB -c checkpoint_timeout=15min \
          -c work_mem=32MB -c maintenance_work_mem=1GB -c effective_cache_size=12GB \
          -c random_page_cost=1.1" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    uri
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  uri)
    uri "${3:-postgres}"
    ;;
  *)
    echo "pg-test-cluster: unknown command $command" >&2; exit 2 ;;
esac
