#!/usr/bin/env bash
# Roll-up of a generated province: ORGS organisations (default 50,000), VOUCHERS vouchers each
# (default 3), one year. Measures the import that builds the book, then the roll-up report of the
# whole province read from the aggregates (median of RUNS runs), with peak memory.
set -euo pipefail
export FUNDLEDGER_USER=${FUNDLEDGER_USER:-bench}
cd "$(dirname "$0")/../.."
ORGS=${ORGS:-50000}
VOUCHERS=${VOUCHERS:-3}
RUNS=${RUNS:-5}
BIN=.build/release/fundledger
WORK=.build/bench-rollup
mkdir -p "$WORK"
swift build -c release --product fundledger >/dev/null
python3 scripts/bench/gen_province.py "$ORGS" "$VOUCHERS" "$WORK" >/dev/null
rm -f "$WORK"/book.sqlite*
$BIN init --book "$WORK/book.sqlite" >/dev/null
$BIN user grant "$FUNDLEDGER_USER" officer --book "$WORK/book.sqlite" >/dev/null
# The preparer and the reviewer the generated journal names keep the books too.
for person in 甲 乙; do $BIN user grant $person officer --book "$WORK/book.sqlite" >/dev/null; done
$BIN org import "$WORK/organizations.csv" --book "$WORK/book.sqlite" >/dev/null
import=$( { /usr/bin/time -f "%e %M" $BIN import "$WORK/province.journal" --book "$WORK/book.sqlite" >/dev/null; } 2>&1 )
members=$(wc -l < "$WORK/organizations.csv"); members=$((members - 1))
lines=$(grep -c '^    ' "$WORK/province.journal")
times=()
for _ in $(seq "$RUNS"); do
  times+=("$( { /usr/bin/time -f "%e %M" $BIN report rollup --org P --year 2026 --by-level --format csv --book "$WORK/book.sqlite" >/dev/null; } 2>&1 )")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
echo "rollup_orgs=$members"
echo "rollup_vouchers=$((members * VOUCHERS))"
echo "rollup_lines=$lines"
echo "rollup_import_seconds=${import% *}"
echo "rollup_import_rss_kb=${import#* }"
echo "rollup_seconds=${median% *}"
echo "rollup_rss_kb=${median#* }"
echo "rollup_runs=$(printf '%s ' "${times[@]%% *}")"
