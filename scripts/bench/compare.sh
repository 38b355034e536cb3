#!/usr/bin/env bash
# Cold import of one journal into a new book plus a trial balance, against `ledger -f F bal` and
# `hledger -f F bal` on the same file (installed from Debian when missing), then warm reports on
# the imported book. Prints key=value lines; medians of RUNS runs. BENCH_SIZE=100k (default) or 1m.
set -euo pipefail
export FUNDLEDGER_USER=${FUNDLEDGER_USER:-bench}
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
case "${BENCH_SIZE:-100k}" in
  1m) ORGS=10000; PER=100; ONE=375000 ;;
  *) ORGS=2000; PER=50; ONE=100000 ;;
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
# The preparer and the reviewer the generated journal names keep the books too.
for person in 甲 乙; do $BIN user grant $person officer --book "$WORK/book.sqlite" >/dev/null; done
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
# All or nothing at size: the same journal with one unbalanced voucher at its very end, imported
# into a new book, must be refused after reading everything and leave the file byte-identical.
cp "$JOURNAL" "$WORK/bad.journal"
printf '2026-12-31 * 最后一张不平衡的凭证  ; org:P\n    102  100.00\n    402  -99.99\n' >> "$WORK/bad.journal"
rm -f "$WORK"/atomic.sqlite*
$BIN init --book "$WORK/atomic.sqlite" >/dev/null
$BIN user grant "$FUNDLEDGER_USER" officer --book "$WORK/atomic.sqlite" >/dev/null
# The preparer and the reviewer the generated journal names keep the books too.
for person in 甲 乙; do $BIN user grant $person officer --book "$WORK/atomic.sqlite" >/dev/null; done
$BIN org import "$WORK/organizations.csv" --book "$WORK/atomic.sqlite" >/dev/null
before=$(sha256sum "$WORK/atomic.sqlite" | cut -d' ' -f1)
/usr/bin/time -f "%e %M" -o "$WORK/atomic.time" $BIN import "$WORK/bad.journal" --book "$WORK/atomic.sqlite" >/dev/null 2>"$WORK/bad.err" || true
refused=$(tail -1 "$WORK/atomic.time")
after=$(sha256sum "$WORK/atomic.sqlite" | cut -d' ' -f1)
if [ "$before" = "$after" ] && grep -q "unbalanced" "$WORK/bad.err"; then atomic=unchanged; else atomic=CHANGED; fi
echo "compare_atomic=$atomic"
echo "compare_atomic_time=$refused"

# 序时账: one union's year of lines (ONE vouchers), our export against the C program that runs the
# same query and writes the same rows with libxlsxwriter directly.
cc -O2 -o "$WORK/journal_xlsx" scripts/bench/journal_xlsx.c $(pkg-config --cflags --libs xlsxwriter) -lsqlite3
python3 scripts/bench/gen_province.py 2 "$ONE" "$WORK/one" >/dev/null
awk -v RS= -v ORS='\n\n' '/org:P,/' "$WORK/one/province.journal" > "$WORK/one/p.journal"
rm -f "$WORK"/one.sqlite*
$BIN init --book "$WORK/one.sqlite" >/dev/null
$BIN user grant "$FUNDLEDGER_USER" officer --book "$WORK/one.sqlite" >/dev/null
# The preparer and the reviewer the generated journal names keep the books too.
for person in 甲 乙; do $BIN user grant $person officer --book "$WORK/one.sqlite" >/dev/null; done
$BIN org import "$WORK/one/organizations.csv" --book "$WORK/one.sqlite" >/dev/null
$BIN import "$WORK/one/p.journal" --book "$WORK/one.sqlite" >/dev/null
export_lines=$("$WORK/journal_xlsx" "$WORK/one.sqlite" P 202601 202612 "$WORK/c.xlsx" | cut -d' ' -f1)
export_ours=$(measure $BIN export journal --org P --year 2026 -o "$WORK/ours.xlsx" --book "$WORK/one.sqlite")
export_c=$(measure "$WORK/journal_xlsx" "$WORK/one.sqlite" P 202601 202612 "$WORK/c.xlsx")
echo "compare_export_lines=$export_lines"
echo "compare_export_ours=$export_ours"
echo "compare_export_c=$export_c"
echo "compare_vouchers=$vouchers"
echo "compare_ours=$ours_median"
echo "compare_ledger=$ledger_median"
echo "compare_hledger=$hledger_median"
echo "compare_warm_tb=$warm_tb"
echo "compare_warm_ie=$warm_ie"
echo "compare_warm_rollup=$warm_rollup"
