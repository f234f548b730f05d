#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the shared-catalogue tests and print its URL.
# Usage: eval "$(.ci/postgres.sh)"   (sets CATALOG_TEST_PG_URL)
set -euo pipefail
PORT=${CATALOG_PG_PORT:-54329}
DATA=${CATALOG_PG_DATA:-/tmp/catalog-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$BIN" ]; then
  echo "no PostgreSQL server installed (apt-get install postgresql)" >&2
  exit 1
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" = 0 ] && chown postgres: "$DATA"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c autovacuum=off -c max_connections=200" start >/dev/null
fi
PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'catalog'")" != 1 ]; then
  "${PSQL[@]}" -c "CREATE ROLE catalog LOGIN CREATEDB PASSWORD 'catalog'"
fi
# A researcher's role: tests grant it SELECT only, to check the window's read-only mode.
if [ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'catalog_reader'")" != 1 ]; then
  "${PSQL[@]}" -c "CREATE ROLE catalog_reader LOGIN PASSWORD 'reader'"
fi
if [ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'catalog_test'")" != 1 ]; then
  "${PSQL[@]}" -c "CREATE DATABASE catalog_test OWNER catalog"
fi
echo "export CATALOG_TEST_PG_URL=postgresql+psycopg://catalog:catalog@127.0.0.1:$PORT/catalog_test"
