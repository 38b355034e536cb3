# FundLedger: `make demo` builds the demo county's book and workbooks; `make test` runs every test;
# `make serve` serves the desk on the demo book.
SWIFT ?= swift
BIN := .build/debug/fundledger

.PHONY: demo test serve bench stress crash-1m fuzz build deps test-deps clean screenshots bench-desk

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

build: deps
	$(SWIFT) build

## The main job: the demo book in ledgers/demo.sqlite and its workbooks in exports/.
demo: build
	$(BIN) demo
	python3 scripts/demo_tamper.py $(BIN) ledgers/demo.sqlite ledgers/demo-tampered.sqlite

## The desk on the demo book at http://127.0.0.1:8080/ (PORT=...): the demo's users, password demo-desk-2026.
serve: build
	scripts/serve-demo.sh $(BIN)

## Everything: Swift unit, property and golden tests, then the independent readers.
test: test-deps
	$(SWIFT) build --build-tests
	scripts/pg/with_server.sh $(SWIFT) test --skip-build
	rm -rf .build/test-exports
	$(BIN) demo --book .build/test-demo.sqlite --exports .build/test-exports >/dev/null
	FUNDLEDGER_USER=演示导入 python3 scripts/check_hledger.py $(BIN) .build/test-demo.sqlite
	FUNDLEDGER_USER=演示导入 python3 scripts/check_workbooks.py $(BIN) .build/test-demo.sqlite .build/test-exports
	python3 scripts/demo_tamper.py $(BIN) .build/test-demo.sqlite .build/test-tampered.sqlite >/dev/null
	python3 scripts/tamper_suite.py $(BIN) .build/test-demo.sqlite .build/test-tamper >/dev/null
	python3 scripts/reliability/crash_test.py $(BIN) 20
	python3 scripts/reliability/two_writers.py $(BIN) 25
	python3 scripts/reliability/faults.py $(BIN)
	python3 scripts/desk/browser_test.py $(BIN)

## The desk's screenshots in docs/screenshots/ (the browser test, saving each main page).
screenshots: test-deps
	$(SWIFT) build
	python3 scripts/desk/browser_test.py $(BIN) --screenshots docs/screenshots

## The long reliability runs: 200 SIGKILL trials per act and 200 vouchers per writer.
stress: test-deps
	$(SWIFT) build
	python3 scripts/reliability/crash_test.py $(BIN) 200
	python3 scripts/reliability/two_writers.py $(BIN) 200

## SIGKILL during the import of a million vouchers, TRIALS times (default 4; release build, about
## (TRIALS + 2) × two minutes): each killed book verifies and holds none of the journal or all of it.
crash-1m: test-deps
	$(SWIFT) build -c release --product fundledger
	python3 scripts/reliability/crash_import_large.py .build/release/fundledger $(or $(TRIALS),4)

## libFuzzer on the Money, journal and CSV parsers: FUZZ_SECONDS each (default 600).
fuzz: deps
	scripts/fuzz.sh

## Benchmarks (not tests): writes BENCHMARKS.md. ORGS=... VOUCHERS=... RUNS=... size them.
bench: test-deps
	scripts/bench/run.sh

## The desk's load benchmark alone: 200 readers and 20 voucher writers for 60 s (release build),
## at a person's pace (5 s between pages) and as a stress test (1 s).
bench-desk: test-deps
	$(SWIFT) build -c release --product fundledger
	python3 scripts/bench/desk_load.py .build/release/fundledger --think 5.0
	python3 scripts/bench/desk_load.py .build/release/fundledger --think 1.0

clean:
	rm -rf .build exports/*.xlsx ledgers/*.sqlite ledgers/*.sqlite-*
