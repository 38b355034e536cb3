#!/usr/bin/env bash
# `make bench`: runs the benchmarks and writes BENCHMARKS.md with the machine and the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
results=$(scripts/bench/rollup.sh)
value() { printf '%s\n' "$results" | sed -n "s/^$1=//p"; }
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

Not measured yet: the comparison of import and reports with Ledger and hledger on the same journal, and the
序时账 export against libxlsxwriter driven from C (see the open work on speed at scale).
MD
echo "wrote BENCHMARKS.md"
