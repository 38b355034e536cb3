#!/usr/bin/env bash
# Cold import of one journal into a new book plus a trial balance, against `ledger -f F bal` and
# `hledger -f F bal` on the same file (installed from Debian when missing), then warm reports on
# the imported book. Prints key=value lines; medians of RUNS runs. BENCH_SIZE=100k (default) or 1m.
set -euo pipefail
export FUNDLEDGER_USER=${FUNDLEDGER_USER:-bench}
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
case "${BENCH_SIZE:-100k}" in
  1m) ORGS=10000; PER=100 ;;
  *) ORGS=2000; PER=50 ;;
esac
for tool in ledger hledger; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
BIN=.build/release/fundledger
WORK=.build/bench-compare
mkdir -p "$WORK"
swift build -c release --product fundledger >/dev/null
python3 scripts/bench/gen_province.py "$ORGS" "$PER" "$WORK" >/dev/null
JOURNAL="$WORK/province.journal"
vouchers=$(grep -c '^[0-9]' "$JOURNAL")

measure() {  # prints the median "seconds rss_kb" of RUNS runs of "$@"
  local results=()
  for _ in $(seq "$RUNS"); do
    results+=("$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1 )")
  done
  printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'
}

ours_once() {
  rm -f "$WORK"/book.sqlite*
  $BIN init --book "$WORK/book.sqlite" >/dev/null
  $BIN user grant "$FUNDLEDGER_USER" officer --book "$WORK/book.sqlite" >/dev/null
  $BIN org import "$WORK/organizations.csv" --book "$WORK/book.sqlite" >/dev/null
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" sh -c "$BIN import '$JOURNAL' --book '$WORK/book.sqlite' >/dev/null && $BIN report trial-balance --org P --year 2026 --format csv --book '$WORK/book.sqlite' >/dev/null"
  cat "$WORK/time.txt"
}
ours=()
for _ in $(seq "$RUNS"); do ours+=("$(ours_once)"); done
ours_median=$(printf '%s\n' "${ours[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
ledger_median=$(measure ledger -f "$JOURNAL" bal)
hledger_median=$(measure hledger -f "$JOURNAL" bal)
warm_tb=$(measure $BIN report trial-balance --org P --year 2026 --format csv --book "$WORK/book.sqlite")
warm_ie=$(measure $BIN report income-expenditure --org P --year 2026 --format csv --book "$WORK/book.sqlite")
warm_rollup=$(measure $BIN report rollup --org P --year 2026 --by-level --format csv --book "$WORK/book.sqlite")
echo "compare_vouchers=$vouchers"
echo "compare_ours=$ours_median"
echo "compare_ledger=$ledger_median"
echo "compare_hledger=$hledger_median"
echo "compare_warm_tb=$warm_tb"
echo "compare_warm_ie=$warm_ie"
echo "compare_warm_rollup=$warm_rollup"
