#!/usr/bin/env bash
# Installs and starts what the tests need besides npm packages, on a Debian machine: Debian's chromium (the
# dashboard's end-to-end tests drive it headless) and a PostgreSQL server on 127.0.0.1:5432 that lets user
# `postgres` in without a password (the PostgreSQL store tests). What is there already is left as it is.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fresh_postgres=false
if ! command -v pg_ctlcluster >/dev/null || [ ! -d /etc/postgresql ]; then
  missing+=(postgresql)
  fresh_postgres=true
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]} from Debian's packages"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q "${missing[@]}"
fi

version="$(ls /etc/postgresql | sort -V | tail -n 1)"
if $fresh_postgres; then
  # A cluster this script created: let user postgres in from 127.0.0.1 without a password, as the tests expect.
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  $SUDO sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
elif $fresh_postgres; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
fi
