#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's server binaries, on a private port
# and data folder, listening on 127.0.0.1 only, with `trust` logins for the role `fundledger`.
#   scripts/pg/throwaway.sh start DIR PORT   makes DIR/data, starts the server, creates the database
#                                            fundledger_test and prints its URL
#   scripts/pg/throwaway.sh stop DIR [PORT]  stops the server and removes DIR
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` user (runuser),
# and DIR is handed to it. PG_BIN overrides where initdb and pg_ctl are found.
set -euo pipefail
action=${1:?usage: throwaway.sh start|stop DIR PORT}
dir=${2:?usage: throwaway.sh start|stop DIR PORT}
port=${3:-}
role=fundledger
database=fundledger_test

bin=${PG_BIN:-}
if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "throwaway.sh: no PostgreSQL server binaries (initdb) under /usr/lib/postgresql; install Debian's postgresql package (scripts/install-deps.sh test)" >&2
  exit 2
fi

as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
  [ -n "$port" ] || { echo "throwaway.sh start needs a PORT" >&2; exit 2; }
  if [ -e "$dir/data" ]; then echo "throwaway.sh: $dir/data already exists; stop that server first" >&2; exit 2; fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    runuser -u postgres -- test -w "$dir" \
      || { echo "throwaway.sh: the postgres user cannot reach $dir; give its parent folders mode 755" >&2; exit 2; }
  fi
  as_server "$bin/initdb" -D "$dir/data" -A trust -U "$role" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_server "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$role" "$database"
  echo "postgresql://$role@127.0.0.1:$port/$database"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_server "$bin/pg_ctl" -D "$dir/data" stop -m fast >/dev/null || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: throwaway.sh start|stop DIR PORT" >&2
  exit 2
  ;;
esac
