#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's server binaries, on a private port
# and data folder, listening on 127.0.0.1 only, with `trust` logins for the role `fundledger`.
# It takes TLS connections too: a certificate authority made for it alone (DIR/ca.crt) signs its
# certificate for localhost and 127.0.0.1; DIR/other-ca.crt is an authority that signed nothing,
# for the tests that a certificate from an untrusted authority is refused. Two more roles are
# for the tests of logins: `fundledger_password` logs in with the password `throwaway-password`
# (scram-sha-256), and `fundledger_certificate` only over TLS with the client certificate
# DIR/client.crt and its key DIR/client.key (signed by DIR/ca.crt; without TLS it is rejected).
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

# A key and a certificate NAME.key and NAME.crt for SUBJECT, signed by ca.crt with the extensions
# EXTENSIONS (lines), in the current folder; the key gets MODE.
signed_certificate() {
  local name=$1 subject=$2 extensions=$3 mode=$4
  as_server openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -subj "$subject" \
    -keyout "$name.key" -out "$name.csr" 2>/dev/null
  printf '%b' "$extensions" | as_server tee "$name.ext" >/dev/null
  as_server openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 7 \
    -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  as_server chmod "$mode" "$name.key"
}

# The test authorities, the server's certificate and key (the key readable by the server only),
# and the client certificate of the role fundledger_certificate.
make_certificates() {
  local folder=$1
  (
    cd "$folder"
    for ca in ca other-ca; do
      as_server openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -days 7 \
        -subj "/CN=FundLedger test $ca" -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" -keyout "$ca.key" -out "$ca.crt" 2>/dev/null
    done
    signed_certificate server "/CN=localhost" \
      'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' 600
    signed_certificate client "/CN=fundledger_certificate" \
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n' 644
  ) || { echo "throwaway.sh: openssl could not make the test certificates" >&2; exit 1; }
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
  make_certificates "$dir"
  # The login tests' rules come before initdb's `trust` lines, which match every other role.
  {
    printf 'host all fundledger_password 127.0.0.1/32 scram-sha-256\n'
    printf 'hostnossl all fundledger_certificate 127.0.0.1/32 reject\n'
    printf 'hostssl all fundledger_certificate 127.0.0.1/32 cert\n'
    cat "$dir/data/pg_hba.conf"
  } | as_server tee "$dir/pg_hba.new" >/dev/null
  as_server mv "$dir/pg_hba.new" "$dir/data/pg_hba.conf"
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key -c ssl_ca_file=$dir/ca.crt" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_server "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$role" "$database"
  as_server "$bin/psql" -q -h 127.0.0.1 -p "$port" -U "$role" -d "$database" -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE fundledger_password LOGIN PASSWORD 'throwaway-password'" \
    -c "CREATE ROLE fundledger_certificate LOGIN" >/dev/null
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
