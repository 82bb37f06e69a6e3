#!/usr/bin/env bash
# Installs (Debian's package) and starts a local PostgreSQL cluster for the test suite, then creates the
# tradeleads role and database. Prints the TRADELEADS_DATABASE_URL to use on its last line.
set -euo pipefail

DB_USER=${PG_USER:-tradeleads}
DB_PASSWORD=${PG_PASSWORD:-tradeleads}
DB_NAME=${PG_DATABASE:-tradeleads_test}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL is not installed; run as root or install the 'postgresql' package" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1)
if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    cluster=main
    pg_createcluster "$version" "$cluster" >/dev/null
fi
if ! pg_lsclusters --no-header | grep -q "^$version *$cluster .* online"; then
    pg_ctlcluster "$version" "$cluster" start
fi

port=$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
done
pg_isready -h 127.0.0.1 -p "$port"

as_postgres() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]; then
    as_postgres -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
fi
if [ "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
    as_postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
fi
echo "postgresql+asyncpg://$DB_USER:$DB_PASSWORD@127.0.0.1:$port/$DB_NAME"
