#!/usr/bin/env python3
"""Crash safety at size: kills `fundledger import` of a generated province journal (by default
10,000 unions of 100 vouchers, a million vouchers) with SIGKILL at random moments, then checks
that each killed book verifies and holds none of the journal or all of it.

usage: crash_import_large.py FUNDLEDGER [TRIALS] [UNIONS] [VOUCHERS_PER_UNION]

One import is timed first (uninterrupted, on a copy, started as the trials start theirs); each
kill falls within 1.6 times that time, so some land during or after the commit. Takes about
(TRIALS + 2) import times; not part of `make test` (`make crash-1m` runs it on a release build).
"""
import os, random, signal, sqlite3, subprocess, sys, tempfile, time

fundledger = os.path.abspath(sys.argv[1])
trials = int(sys.argv[2]) if len(sys.argv) > 2 else 4
unions = sys.argv[3] if len(sys.argv) > 3 else "10000"
per_union = sys.argv[4] if len(sys.argv) > 4 else "100"
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
env = dict(os.environ, FUNDLEDGER_USER="测试员")
rng = random.Random(int(time.time()))


def run(*args, check=True):
    return subprocess.run([fundledger, *args], capture_output=True, text=True, check=check, cwd=root, env=env)


def posted(book):
    with sqlite3.connect(f"file:{book}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM voucher WHERE status = 'posted'").fetchone()[0]


def remove(book):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(book + suffix):
            os.remove(book + suffix)


failures = []
with tempfile.TemporaryDirectory() as folder:
    subprocess.run([sys.executable, os.path.join(root, "scripts/bench/gen_province.py"), unions, per_union, folder],
                   check=True, capture_output=True)
    journal = os.path.join(folder, "province.journal")
    total = sum(1 for line in open(journal, encoding="utf-8") if line[:1].isdigit())
    base = os.path.join(folder, "base.sqlite")
    run("init", "--book", base)
    for person in ["测试员", "甲", "乙"]:
        run("user", "grant", person, "officer", "--book", base)
    run("org", "import", os.path.join(folder, "organizations.csv"), "--book", base)

    timed = os.path.join(folder, "timed.sqlite")
    subprocess.run(["cp", base, timed], check=True)
    start = time.time()
    subprocess.run([fundledger, "import", journal, "--book", timed], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   cwd=root, env=env, check=True)
    seconds = time.time() - start
    if posted(timed) != total:
        failures.append(f"the uninterrupted import posted {posted(timed)} of {total} vouchers")
    remove(timed)
    print(f"journal: {total} vouchers; uninterrupted import {seconds:.1f} s", flush=True)

    for index in range(trials):
        copy = os.path.join(folder, f"trial{index}.sqlite")
        subprocess.run(["cp", base, copy], check=True)
        delay = rng.uniform(0.05, 1.6) * seconds
        process = subprocess.Popen([fundledger, "import", journal, "--book", copy], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, cwd=root, env=env)
        time.sleep(delay)
        finished = process.poll() is not None
        process.send_signal(signal.SIGKILL)
        process.wait()
        start = time.time()
        verify = run("verify", "--book", copy, check=False)
        verify_seconds = time.time() - start
        count = posted(copy)
        outcome = "none" if count == 0 else "all" if count == total else f"PART ({count})"
        print(f"trial {index}: killed at {delay:.1f} s{' (after it had finished)' if finished else ''}: {outcome}; "
              f"verify {'clean' if verify.returncode == 0 else 'FAILED'} in {verify_seconds:.1f} s", flush=True)
        if verify.returncode != 0:
            failures.append(f"trial {index}: verify failed: {verify.stdout.strip()[:500]} {verify.stderr.strip()[:500]}")
        if count not in (0, total):
            failures.append(f"trial {index}: {count} of {total} vouchers posted")
        remove(copy)

for failure in failures:
    print("FAILED:", failure)
sys.exit(1 if failures else 0)
