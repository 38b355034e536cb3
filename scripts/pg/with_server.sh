#!/usr/bin/env bash
# Runs a command with a PostgreSQL server for the tests that need one:
#   scripts/pg/with_server.sh COMMAND ARGS...
# With FUNDLEDGER_TEST_POSTGRES already set (CI starts its own server), the command runs as it is.
# Otherwise, where Debian's server binaries are installed, a throwaway server (throwaway.sh) is
# started on a free port in a temporary folder for the command and stopped and removed after it;
# where they are not, the command runs without one and the PostgreSQL tests say they are skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "${FUNDLEDGER_TEST_POSTGRES:-}" ]; then exec "$@"; fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${PG_BIN:-}" ]; then
  echo "no PostgreSQL server binaries (Debian's postgresql package): the PostgreSQL tests are skipped" >&2
  exec "$@"
fi
folder=$(mktemp -d)
# The server may run as the postgres user (when run as root): it must reach its folder.
chmod 755 "$folder"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap '"$here/throwaway.sh" stop "$folder/server" || true; rm -rf "$folder"' EXIT
FUNDLEDGER_TEST_POSTGRES=$("$here/throwaway.sh" start "$folder/server" "$port")
export FUNDLEDGER_TEST_POSTGRES
# The authority that signed the server's certificate, for the TLS tests.
export FUNDLEDGER_TEST_POSTGRES_CA="$folder/server/ca.crt"
"$@"
