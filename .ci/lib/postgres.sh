# Shared by .ci/system-suites and .ci/proof-suite (source it; bash). A throw-away PostgreSQL cluster:
#   pg_start <port>   installs PostgreSQL from Debian's packages when `initdb` is missing, runs initdb as
#                     the `postgres` user in a temporary directory, starts the server on 127.0.0.1:<port>,
#                     and registers pg_stop on EXIT/INT/TERM. Sets PG_BIN, PG_DATA, PG_WORK, PG_PORT.
#   pg_stop           stops the server and deletes its directory (idempotent).
#   pg_create_db <n>  creates a database (through the API's pg driver: createdb may be missing).
#   pg_url <db>       prints postgres://postgres@127.0.0.1:<port>/<db>.

pg_find_bin() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then
      echo "$dir"
      return
    fi
  done
}

pg_as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

pg_stop() {
  if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    pg_as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DATA' -m fast -w stop" >/dev/null 2>&1 || true
  fi
  if [ -n "${PG_WORK:-}" ]; then rm -rf "$PG_WORK"; fi
  PG_WORK=""
}

pg_start() {
  PG_PORT="$1"
  PG_BIN="$(pg_find_bin || true)"
  if [ -z "$PG_BIN" ]; then
    echo "== installing PostgreSQL (initdb not found)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends postgresql
    PG_BIN="$(pg_find_bin)"
  fi
  echo "== PostgreSQL binaries: $PG_BIN"
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  PG_WORK="$(mktemp -d /tmp/kpi-pg.XXXXXX)"
  chown postgres "$PG_WORK" 2>/dev/null || true
  PG_DATA="$PG_WORK/data"
  trap pg_stop EXIT INT TERM
  pg_as_postgres "'$PG_BIN/initdb' -D '$PG_DATA' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
    || '$PG_BIN/initdb' -D '$PG_DATA' -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null"
  pg_as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DATA' -l '$PG_WORK/server.log' -w -o \"-p $PG_PORT -c listen_addresses=127.0.0.1 -k '$PG_WORK'\" start"
  export PG_BIN PG_DATA PG_WORK PG_PORT
}

pg_url() {
  echo "postgres://postgres@127.0.0.1:$PG_PORT/$1"
}

pg_create_db() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/../../apps/api" && node -e '
const { Client } = require("pg");
const c = new Client({ connectionString: process.argv[1] });
c.connect().then(() => c.query(`CREATE DATABASE ${process.argv[2]}`)).then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1); });
' "$(pg_url postgres)" "$1")
}
