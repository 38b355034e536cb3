#!/usr/bin/env bash
# `make bench`: runs the benchmarks and writes BENCHMARKS.md with the machine and the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
results=$(scripts/bench/rollup.sh; scripts/bench/compare.sh 2>/dev/null)
value() { printf '%s\n' "$results" | sed -n "s/^$1=//p"; }
seconds() { value "$1" | cut -d' ' -f1; }
mib() { echo $(( $(value "$1" | cut -d' ' -f2) / 1024 )); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
swift_version=$(swift --version 2>/dev/null | head -1)
sqlite_version=$(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo unknown)
cat > BENCHMARKS.md <<MD
# Benchmarks

Written by \`make bench\` (scripts/bench/run.sh); run it again to refresh these figures. Speed is
measured here, never asserted in tests.

## Machine

- $(nproc) cores: ${cpu}
- ${memory} of memory
- ${swift_version}; SQLite ${sqlite_version}; release build

## Roll-up of a province

\`ORGS=$(value rollup_orgs) VOUCHERS=3 scripts/bench/rollup.sh\`: a generated province (scripts/bench/gen_province.py, seed
2026) of $(value rollup_orgs) organisations — counties, townships, federations and grassroots unions — with a year of
$(value rollup_vouchers) vouchers ($(value rollup_lines) lines), then \`fundledger report rollup --org P --year 2026 --by-level\`,
which reads the balance aggregates of the whole province in one query, consolidates them and eliminates the
transfers between members.

| what | figure | goal |
|---|---|---|
| roll-up of the province, median of 5 runs | $(value rollup_seconds) s (runs: $(value rollup_runs)) | 2 s or less |
| peak memory of the roll-up | $(( $(value rollup_rss_kb) / 1024 )) MiB | |
| import of the province's journal (building the book) | $(value rollup_import_seconds) s | |
| peak memory of that import | $(( $(value rollup_import_rss_kb) / 1024 )) MiB | |

## Import and reports against Ledger and hledger

\`scripts/bench/compare.sh\` (BENCH_SIZE=${BENCH_SIZE:-100k}): one generated journal of $(value compare_vouchers) vouchers
(2–3 postings each), read by all three tools; medians of 3 runs.

| what | wall | peak RSS | goal |
|---|---|---|---|
| fundledger: cold import into a new book + trial balance | $(seconds compare_ours) s | $(mib compare_ours) MiB | |
| \`ledger -f F bal\` (Ledger 3.3, Debian) | $(seconds compare_ledger) s | $(mib compare_ledger) MiB | |
| \`hledger -f F bal\` (Debian) | $(seconds compare_hledger) s | $(mib compare_hledger) MiB | |
| ours / ledger, time | $(ratio "$(seconds compare_ours)" "$(seconds compare_ledger)") | | at most 0.5 |
| ours / hledger, time | $(ratio "$(seconds compare_ours)" "$(seconds compare_hledger)") | | at most 0.1 |
| ours / ledger, peak RSS | $(ratio "$(mib compare_ours)" "$(mib compare_ledger)") | | at most 0.25 |
| warm trial balance of the root (process included) | $(seconds compare_warm_tb) s | $(mib compare_warm_tb) MiB | 0.05 s |
| warm 收入支出表 of the root | $(seconds compare_warm_ie) s | $(mib compare_warm_ie) MiB | 0.05 s |
| warm roll-up of all organisations | $(seconds compare_warm_rollup) s | $(mib compare_warm_rollup) MiB | 0.05 s |

The import streams the file and keeps memory flat, but posts voucher by voucher through the same
checked path as a person's voucher (rules, triggers, numbering, aggregates), at about 7,000 vouchers
a second; the time goals need a bulk path (set-based inserts of a batch, the checks run per batch).
Not measured yet: the 序时账 export against libxlsxwriter driven from C.
MD
echo "wrote BENCHMARKS.md"
