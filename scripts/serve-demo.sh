#!/usr/bin/env bash
# `make serve`: the desk on the demo book. Makes the demo book when it is missing, gives every
# user of the demo who holds a role the documented demo password, and serves the book until
# Ctrl-C. The demo password is for the demo book only; a real book's passwords are set one by
# one with `fundledger user password NAME`.
set -euo pipefail
BIN=${1:-.build/debug/fundledger}
BOOK=${FUNDLEDGER_DEMO_BOOK:-ledgers/demo.sqlite}
PASSWORD=${FUNDLEDGER_DEMO_PASSWORD:-demo-desk-2026}
ADMIN=演示导入
PORT=${PORT:-8080}

if [ ! -f "$BOOK" ]; then
  "$BIN" demo --book "$BOOK" >/dev/null
fi
# Everyone who holds a role in the demo book (the first column of the CSV listing).
"$BIN" user list --book "$BOOK" --as "$ADMIN" --format csv | tail -n +2 | cut -d, -f1 | sort -u | while read -r name; do
  [ -n "$name" ] || continue
  printf '%s\n' "$PASSWORD" | "$BIN" user password "$name" --book "$BOOK" --as "$ADMIN" >/dev/null
  echo "desk user: $name"
done
echo "password of every demo user: $PASSWORD"
exec "$BIN" serve --book "$BOOK" --host 127.0.0.1 --port "$PORT"
