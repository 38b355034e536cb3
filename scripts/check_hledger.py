#!/usr/bin/env python3
"""Cross-check with a peer: every organisation's book, exported as a journal, read by hledger,
must give exactly the closing balances of `fundledger report trial-balance`.

usage: check_hledger.py FUNDLEDGER BOOK
"""
import csv, io, json, subprocess, sys, tempfile
from decimal import Decimal

fundledger, book = sys.argv[1], sys.argv[2]


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def fen(text):
    value = Decimal(text) * 100
    assert value == value.to_integral_value(), text
    return int(value)


organizations = json.loads(run(fundledger, "org", "list", "--book", book, "--format", "json"))
checked = failures = 0
with tempfile.TemporaryDirectory() as folder:
    for organization in organizations:
        code = organization["code"]
        path = f"{folder}/{code}.journal"
        run(fundledger, "export-journal", "--book", book, "--org", code, "-o", path)
        text = open(path, encoding="utf-8").read()
        if not text.strip():
            continue
        years = sorted({line[:4] for line in text.splitlines() if line[:1].isdigit()})
        ours = {}
        report = json.loads(run(fundledger, "report", "trial-balance", "--book", book, "--org", code,
                                "--year", years[-1], "--format", "json"))
        leaves = {a["code"] for a in report["accounts"]} - {a["code"][:-2] for a in report["accounts"]}
        for account in report["accounts"]:
            if account["code"] in leaves:
                net = fen(account["closing_debit"]) - fen(account["closing_credit"])
                if net:
                    ours[account["code"]] = net
        output = run("hledger", "-f", path, "balance", "--flat", "--no-total", "-O", "csv")
        theirs = {}
        for row in list(csv.reader(io.StringIO(output)))[1:]:
            name, amount = row[0], row[1]
            if amount.strip() in ("", "0"):
                continue
            theirs[name.split(" ")[0]] = fen(amount.replace(",", ""))
        if ours != theirs:
            failures += 1
            for account in sorted(set(ours) | set(theirs)):
                if ours.get(account) != theirs.get(account):
                    print(f"FAIL {code} {account}: fundledger {ours.get(account)} fen, hledger {theirs.get(account)} fen")
        checked += 1
        print(f"ok {code}: {len(ours)} accounts agree with hledger")

print(f"hledger cross-check: {checked - failures} passed, {failures} failed")
sys.exit(1 if failures or checked == 0 else 0)
