#!/usr/bin/env bash
# The import part of compare.sh alone: a cold import of the generated journal into a new book
# plus a trial balance, against `ledger -f F bal` on the same file; medians of RUNS runs, the
# book's size against the journal's, and the all-or-nothing refusal of the same journal with one
# unbalanced voucher at its very end. Prints key=value lines.
# BIN=path of a release fundledger (default .build/release/fundledger); BENCH_SIZE=100k or 1m.
# Each figure is "wall_seconds peak_rss_kb user_seconds system_seconds": on a shared machine the
# CPU time (user + system) says more than the wall time.
# PERF=1 also records `perf record -g` of one import into WORK/perf.data.
set -euo pipefail
export FUNDLEDGER_USER=${FUNDLEDGER_USER:-bench}
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
BIN=${BIN:-.build/release/fundledger}
case "${BENCH_SIZE:-100k}" in
  1m) ORGS=10000; PER=100 ;;
  *) ORGS=2000; PER=50 ;;
esac
WORK=${WORK:-.build/bench-import-${BENCH_SIZE:-100k}}
mkdir -p "$WORK"
[ -f "$WORK/province.journal" ] || python3 scripts/bench/gen_province.py "$ORGS" "$PER" "$WORK" >/dev/null
JOURNAL="$WORK/province.journal"

median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }

new_book() {  # a new book with the generated organisations and the journal's people as officers
  rm -f "$1"*
  $BIN init --book "$1" >/dev/null
  for person in "$FUNDLEDGER_USER" 甲 乙; do $BIN user grant "$person" officer --book "$1" >/dev/null; done
  $BIN org import "$WORK/organizations.csv" --book "$1" >/dev/null
}

ours=()
for _ in $(seq "$RUNS"); do
  new_book "$WORK/book.sqlite"
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" sh -c "$BIN import '$JOURNAL' --book '$WORK/book.sqlite' >/dev/null && $BIN report trial-balance --org P --year 2026 --format csv --book '$WORK/book.sqlite' >/dev/null"
  ours+=("$(tail -1 "$WORK/time.txt")")
done
ledger=()
if command -v ledger >/dev/null; then
  for _ in $(seq "$RUNS"); do ledger+=("$( { /usr/bin/time -f "%e %M %U %S" ledger -f "$JOURNAL" bal >/dev/null; } 2>&1 | tail -1 )"); done
fi
$BIN verify --book "$WORK/book.sqlite" >/dev/null 2>&1 && verified=clean || verified=PROBLEMS
if [ "${PERF:-0}" = 1 ]; then
  new_book "$WORK/perf.sqlite"
  perf record -g -o "$WORK/perf.data" $BIN import "$JOURNAL" --book "$WORK/perf.sqlite" >/dev/null 2>&1
fi

cp "$JOURNAL" "$WORK/bad.journal"
printf '2026-12-31 * 最后一张不平衡的凭证  ; org:P\n    102  100.00\n    402  -99.99\n' >> "$WORK/bad.journal"
new_book "$WORK/atomic.sqlite"
before=$(sha256sum "$WORK/atomic.sqlite" | cut -d' ' -f1)
/usr/bin/time -f "%e %M" -o "$WORK/atomic.time" $BIN import "$WORK/bad.journal" --book "$WORK/atomic.sqlite" >/dev/null 2>"$WORK/bad.err" || true
after=$(sha256sum "$WORK/atomic.sqlite" | cut -d' ' -f1)
if [ "$before" = "$after" ] && grep -q "unbalanced" "$WORK/bad.err"; then atomic=unchanged; else atomic=CHANGED; fi

echo "import_vouchers=$(grep -c '^[0-9]' "$JOURNAL")"
echo "import_journal_bytes=$(stat -c %s "$JOURNAL")"
echo "import_book_bytes=$(stat -c %s "$WORK/book.sqlite")"
echo "import_ours=$(printf '%s\n' "${ours[@]}" | median)"
echo "import_ours_runs=$(printf '%s ' "${ours[@]%% *}")"
[ ${#ledger[@]} -gt 0 ] && echo "import_ledger=$(printf '%s\n' "${ledger[@]}" | median)"
echo "import_verify=$verified"
echo "import_atomic=$atomic"
echo "import_atomic_time=$(tail -1 "$WORK/atomic.time")"
