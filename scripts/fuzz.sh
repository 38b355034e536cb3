#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets with AddressSanitizer (and its leak checker) and runs
# each for FUZZ_SECONDS (default 600), seeded from ledgers/. A crash, a leak or an input that
# runs over 10 seconds stops the target and leaves its input in .build-fuzz/findings/; turn each
# into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-600}
SCRATCH=.build-fuzz
mkdir -p "$SCRATCH/corpus/money" "$SCRATCH/corpus/journal" "$SCRATCH/corpus/csv" "$SCRATCH/corpus/seal" "$SCRATCH/findings"
cp ledgers/demo/*.journal ledgers/errors/*.journal ledgers/errors/setup/*.journal "$SCRATCH/corpus/journal/"
cp ledgers/demo/*.csv ledgers/errors/*.csv "$SCRATCH/corpus/csv/"
n=0
for amount in 0 1 -0.01 12.3 12.30 1234.56 92233720368547758.07 -92233720368547758.08 1.234 1e3 12,5 --1 "" .5 +7 \
    1,234.56 ¥1,234.56 -¥1,000 ￥85000 １，２３４．５６ 1,23 "1.234,56" " 12 "; do
  printf '%s' "$amount" > "$SCRATCH/corpus/money/seed$n"; n=$((n + 1))
done
# Seal payloads (version 2): an empty one, a voucher's fields and a line, an event.
printf '\x02\x01\x00\x00\x00\x00' > "$SCRATCH/corpus/seal/empty"
printf '\x02\x01\x00\x00\x00\x02\x00\x00\x00\x02\x02\x00\x00\x00\x06FED-01\x01\x00\x00\x00\x00\x00\x03\x16\x1b\x00\x00\x00\x01\x00' > "$SCRATCH/corpus/seal/voucher"
printf '\x02\x02\x00\x00\x00\x03\x00\x00\x00\x06\x00\x01\x00\x00\x00\x00\x00\x00\x00\x01\x02\x00\x00\x00\x01t\x02\x00\x00\x00\x01u\x02\x00\x00\x00\x0cperiod_close\x02\x00\x00\x00\x06insert\x00\x00\x00\x00\x00\x00\x00\x00' > "$SCRATCH/corpus/seal/event"
status=0
for target in FuzzMoney FuzzJournal FuzzCSV FuzzSeal; do
  swift build -c debug --scratch-path "$SCRATCH" --product "$target" -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "Cannot export local symbol" | tail -1
  corpus=$(echo "$target" | sed 's/Fuzz//' | tr 'A-Z' 'a-z')
  echo "fuzzing $target for ${SECONDS_EACH}s"
  if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 "$SCRATCH/debug/$target" -max_total_time="$SECONDS_EACH" -timeout=10 \
       -rss_limit_mb=2048 -artifact_prefix="$SCRATCH/findings/$target-" "$SCRATCH/corpus/$corpus" 2>"$SCRATCH/$target.log"; then
    echo "$target found a problem: see $SCRATCH/$target.log and $SCRATCH/findings/"; status=1
  fi
  grep -E "^Done [0-9]+ runs" "$SCRATCH/$target.log" | sed "s/^/$target: /" || true
done
exit $status
