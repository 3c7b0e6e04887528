#!/usr/bin/env bash
# Installs what is missing, builds, creates an SQLite database with demo data on first use,
# and shows the dashboard of open cases (the web server comes with a later release).
set -euo pipefail
cd "$(dirname "$0")"
./build.sh
db=${SPOORBOEK_DB:-data/spoorboek.db}
mkdir -p "$(dirname "$db")"
if [ ! -f "$db" ]; then
  build/spoorboek init --db "$db"
  build/spoorboek demo --db "$db"
fi
build/spoorboek verify --db "$db"
exec build/spoorboek cases --db "$db" "$@"
