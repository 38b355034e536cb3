#!/usr/bin/env python3
"""Two writers and a reader: two processes post vouchers to the same organisation and month at
the same time (one by importing journals, one by add, review and post), while a third reads
reports. Afterwards every voucher is present once, numbering is gapless, the balances equal a
recomputation, and any wait that ran out was a clear error, not a crash.

usage: two_writers.py FUNDLEDGER [VOUCHERS_PER_WRITER]
"""
import json, os, re, subprocess, sys, tempfile, threading
from decimal import Decimal

fundledger = os.path.abspath(sys.argv[1])
per_writer = int(sys.argv[2]) if len(sys.argv) > 2 else 25
failures, busy = [], []


def run(*args, user="测试员"):
    result = subprocess.run([fundledger, *args], capture_output=True, text=True,
                            env=dict(os.environ, FUNDLEDGER_USER=user))
    if result.returncode < 0:
        failures.append(f"{args[0]} crashed with signal {-result.returncode}")
    elif result.returncode != 0:
        (busy if "[busy]" in result.stderr else failures).append(f"{' '.join(args[:2])}: {result.stderr.strip()}")
    return result


with tempfile.TemporaryDirectory() as folder:
    book = os.path.join(folder, "book.sqlite")
    run("init", "--book", book)
    for person in ["测试员", "王芳", "李强", "张会计"]:
        run("user", "grant", person, "officer", "--book", book)
    run("org", "add", "--code", "CTY-01", "--name", "某某县总工会", "--level", "county", "--book", book)
    run("org", "add", "--code", "FED-01", "--name", "某某县物流行业工会联合会", "--level", "federation", "--parent", "CTY-01", "--book", book)
    posted = {"importer": 0, "clerk": 0}
    amounts = {"importer": 0, "clerk": 0}

    def importer():
        for i in range(per_writer):
            path = os.path.join(folder, f"v{i}.journal")
            cents = 10_000 + i
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"2026-03-{1 + i % 28:02d} * 导入会费{i}  ; org:FED-01, reviewer:李强\n    102  {cents / 100:.2f}\n    401  -{cents / 100:.2f}\n")
            if run("import", path, "--book", book).returncode == 0:
                posted["importer"] += 1
                amounts["importer"] += cents

    def clerk():
        for i in range(per_writer):
            cents = 20_000 + i
            added = run("voucher", "add", "--org", "FED-01", "--date", f"2026-03-{1 + i % 28:02d}", "--summary", f"手工会费{i}",
                        "--line", f"102  {cents / 100:.2f}", "--line", f"401  -{cents / 100:.2f}", "--book", book, user="王芳")
            if added.returncode != 0:
                continue
            draft = "#" + re.search(r"#(\d+)", added.stdout).group(1)
            if run("voucher", "review", "--org", "FED-01", draft, "--book", book, user="李强").returncode != 0:
                continue
            if run("voucher", "post", "--org", "FED-01", draft, "--book", book, user="张会计").returncode == 0:
                posted["clerk"] += 1
                amounts["clerk"] += cents

    stop = threading.Event()

    def reader():
        while not stop.is_set():
            run("report", "trial-balance", "--org", "FED-01", "--year", "2026", "--format", "json", "--book", book)

    threads = [threading.Thread(target=importer), threading.Thread(target=clerk)]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    watcher.join()

    verify = run("verify", "--book", book)
    if verify.returncode != 0:
        failures.append("verify: " + verify.stdout)
    listed = json.loads(run("voucher", "list", "--org", "FED-01", "--format", "json", "--book", book).stdout)
    numbers = sorted(int(v["number"].split("-")[-1]) for v in listed if v["status"] == "posted")
    expected = posted["importer"] + posted["clerk"]
    if numbers != list(range(1, expected + 1)):
        failures.append(f"numbers are not 1..{expected}: {numbers}")
    report = json.loads(run("report", "trial-balance", "--org", "FED-01", "--year", "2026", "--format", "json", "--book", book).stdout)
    bank = next((a for a in report["accounts"] if a["code"] == "102"), {"closing_debit": "0.00"})
    if int(Decimal(bank["closing_debit"]) * 100) != amounts["importer"] + amounts["clerk"]:
        failures.append(f"bank {bank['closing_debit']} != {(amounts['importer'] + amounts['clerk']) / 100}")
    print(f"two writers: {expected} vouchers posted ({posted['importer']} imported, {posted['clerk']} by hand), "
          f"{len(busy)} clear busy errors")

for failure in failures[:20]:
    print("FAIL " + failure)
print(f"two writers: {1 if not failures else 0} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
