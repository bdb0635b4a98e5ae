#!/usr/bin/env bash
# Makes sure the PostgreSQL server the tests use answers on 127.0.0.1:5432 (user postgres, database test):
# starts the installed cluster when it is down and creates the database when it is missing. `npm test`
# runs it first. It never fails by itself: without a server the PostgreSQL tests fail, loudly, on their own.
set -u

ready() { command -v pg_isready >/dev/null && pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if ! ready && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo -n"; fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  for _ in $(seq 1 30); do ready && break; sleep 0.5; done
fi

if ! ready; then
  echo "postgres-up: no PostgreSQL server answers on 127.0.0.1:5432; the PostgreSQL store tests will fail" \
    "(install the postgresql package, allow user postgres from 127.0.0.1 with trust, or set CVM_TEST_POSTGRES)" >&2
  exit 0
fi

if command -v psql >/dev/null &&
  [ -z "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" 2>/dev/null)" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null 2>&1 || true
fi
exit 0
