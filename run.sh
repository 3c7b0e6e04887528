#!/usr/bin/env bash
# Installs what is missing, builds, creates an SQLite database with demo data on first use
# (and its medical key file beside it), and starts the server on http://localhost:8080.
# PORT and BIND change where it listens; SPOORBOEK_DB where the database lives. Ctrl-C stops it
# gracefully.
set -euo pipefail
cd "$(dirname "$0")"
./build.sh
db=${SPOORBOEK_DB:-data/spoorboek.db}
mkdir -p "$(dirname "$db")"
if [ ! -f "$db" ]; then
  if [ -f "$db.reads" ]; then
    # The read log of a database that is gone: kept aside, never adopted by the new one.
    aside="$db.reads.orphaned-$(date +%Y%m%d%H%M%S)"
    echo "run.sh: $db is gone but its read log is not; moving it to $aside" >&2
    for suffix in "" -wal -shm; do
      if [ -f "$db.reads$suffix" ]; then mv "$db.reads$suffix" "$aside$suffix"; fi
    done
  fi
  build/spoorboek demo --db "$db"
else
  build/spoorboek init --db "$db"   # brings an older database's schema (and key file) up to date
fi
build/spoorboek verify --db "$db"
exec build/spoorboek serve --db "$db" --port "${PORT:-8080}" --bind "${BIND:-127.0.0.1}" "$@"
