#!/usr/bin/env bash
# Warm reports of the big books: the roll-up, trial balance and 收入支出表 of the 1M-voucher book
# of 10,000 unions (compare.sh's BENCH_SIZE=1m journal) and the roll-up of the province of 50,000
# organisations (rollup.sh's), with the imports that build them. Prints key=value lines, each
# figure "wall_seconds peak_rss_kb user_seconds system_seconds", the median of RUNS runs.
#
# BIN: a release fundledger (default: built into .build/release). BEFORE: another build to compare
# with on the same books: the books are then built by BEFORE, measured with it, copied and opened
# by BIN (which upgrades a book of an earlier schema: the first opening is timed as *_upgrade), and
# the runs of the two alternate; BIN's own import of the same journals is timed as well.
# A book already built is reused (FRESH=1 builds it again); NO_IMPORT=1 leaves out BIN's own import;
# ONLY=1m or ONLY=province measures one book.
set -euo pipefail
export FUNDLEDGER_USER=${FUNDLEDGER_USER:-bench}
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
if [ -z "${BIN:-}" ]; then swift build -c release --product fundledger >/dev/null; BIN=.build/release/fundledger; fi
BUILDER=${BEFORE:-$BIN}

median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
timed() {  # prints "wall rss user system" of one run of "$@"
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" >/dev/null
  tail -1 "$WORK/time.txt"
}
new_book() {  # new_book BIN PATH: a book with the generated organisations and the journal's people
  rm -f "$2"*
  $1 init --book "$2" >/dev/null
  for person in "$FUNDLEDGER_USER" 甲 乙; do $1 user grant "$person" officer --book "$2" >/dev/null; done
  $1 org import "$WORK/organizations.csv" --book "$2" >/dev/null
}
warm() {  # warm NAME ARGS...: the median of RUNS runs of a report on each build's book
  local name=$1; shift
  local ours=() theirs=()
  for _ in $(seq "$RUNS"); do
    [ -z "${BEFORE:-}" ] || theirs+=("$(timed $BEFORE "$@" --book "$WORK/book.sqlite")")
    ours+=("$(timed $BIN "$@" --book "$WORK/$OURS")")
  done
  echo "${SIZE}_${name}=$(printf '%s\n' "${ours[@]}" | median)"
  [ -z "${BEFORE:-}" ] || echo "${SIZE}_${name}_before=$(printf '%s\n' "${theirs[@]}" | median)"
}

for SIZE in 1m province; do
  [ -z "${ONLY:-}" ] || [ "$ONLY" = "$SIZE" ] || continue
  case $SIZE in
    1m) ORGS=10000; PER=100 ;;
    province) ORGS=50000; PER=3 ;;
  esac
  WORK=.build/bench-warm-$SIZE
  mkdir -p "$WORK"
  [ -f "$WORK/province.journal" ] || python3 scripts/bench/gen_province.py "$ORGS" "$PER" "$WORK" >/dev/null
  echo "${SIZE}_organisations=$(( $(wc -l < "$WORK/organizations.csv") - 1 ))"
  echo "${SIZE}_vouchers=$(grep -c '^[0-9]' "$WORK/province.journal")"
  if [ -n "${FRESH:-}" ] || [ ! -f "$WORK/book.sqlite" ]; then
    new_book "$BUILDER" "$WORK/book.sqlite"
    echo "${SIZE}_import$([ -z "${BEFORE:-}" ] || echo _before)=$(timed $BUILDER import "$WORK/province.journal" --book "$WORK/book.sqlite")"
  fi
  OURS=book.sqlite
  if [ -n "${BEFORE:-}" ]; then
    OURS=upgraded.sqlite
    rm -f "$WORK/$OURS"*
    cp "$WORK/book.sqlite" "$WORK/$OURS"
    echo "${SIZE}_upgrade=$(timed $BIN report trial-balance --org P --year 2026 --format csv --book "$WORK/$OURS")"
    if [ -z "${NO_IMPORT:-}" ]; then
      new_book "$BIN" "$WORK/imported.sqlite"
      echo "${SIZE}_import=$(timed $BIN import "$WORK/province.journal" --book "$WORK/imported.sqlite")"
      rm -f "$WORK"/imported.sqlite*
    fi
  fi
  echo "${SIZE}_book_bytes=$(stat -c %s "$WORK/$OURS")"
  # A process that opens nothing: what process start costs. Then one that opens the book and
  # reads its user's roles: the floor of any report (start, opening the book, the schema check).
  warm start --help
  warm version --version
  warm open user list
  warm rollup report rollup --org P --year 2026 --by-level --format csv
  if [ "$SIZE" = 1m ]; then
    warm trial_balance report trial-balance --org P --year 2026 --format csv
    warm income_expenditure report income-expenditure --org P --year 2026 --format csv
  fi
done
