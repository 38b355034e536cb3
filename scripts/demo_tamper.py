#!/usr/bin/env python3
"""Tamper evidence on a copy of the demo book: someone edits the SQLite file behind the book's
back (deletes one of FED-12's posted vouchers and lowers the amount of another, both lines, so
the voucher still balances), then `verify` and the review committee's audit must name both.

    demo_tamper.py FUNDLEDGER DEMO_BOOK [COPY]

The demo book itself is never changed. Exits non-zero if the tampering goes unnoticed.
"""
import os
import shutil
import sqlite3
import subprocess
import sys

fundledger, book = sys.argv[1], sys.argv[2]
copy = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(book) or ".", "demo-tampered.sqlite")
for suffix in ["", "-wal", "-shm"]:
    if os.path.exists(copy + suffix):
        os.remove(copy + suffix)
shutil.copyfile(book, copy)

db = sqlite3.connect(copy)
db.execute("PRAGMA foreign_keys = OFF")
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'voucher%'").fetchall():
    if name != "voucher_seal_immutable" and name != "voucher_seal_undeletable":
        db.execute(f"DROP TRIGGER {name}")
org = db.execute("SELECT id FROM organization WHERE code = 'FED-12'").fetchone()[0]
gone = db.execute("SELECT id FROM voucher WHERE organization_id = ? AND period = 202605 AND number = 1", (org,)).fetchone()[0]
changed = db.execute("SELECT id FROM voucher WHERE organization_id = ? AND summary = '端午节会员慰问品'", (org,)).fetchone()[0]
db.execute("DELETE FROM voucher_line WHERE voucher_id = ?", (gone,))
db.execute("DELETE FROM voucher WHERE id = ?", (gone,))
db.execute("UPDATE voucher_line SET amount = 300000 WHERE voucher_id = ?", (changed,))
db.commit()
db.close()
print(f"tampered copy {copy}: deleted FED-12 2026-05/记-0001 and lowered 端午节会员慰问品 from 13,000.00 to 3,000.00")

env = dict(os.environ, FUNDLEDGER_USER="演示导入")
verify = subprocess.run([fundledger, "verify", "--book", copy], capture_output=True, text=True, env=env)
seal_lines = [line for line in (verify.stdout + verify.stderr).splitlines() if "[seal]" in line]
print("verify:", *seal_lines, sep="\n  ")
env["FUNDLEDGER_USER"] = "陈静"
audit = subprocess.run([fundledger, "review", "run", "--org", "FED-12", "--year", "2026", "--format", "csv", "--book", copy],
                       capture_output=True, text=True, env=env)
found = [line for line in audit.stdout.splitlines() if ",seal-broken," in line or ",numbering," in line]
print("audit of the copy:", *found, sep="\n  ")
if verify.returncode == 0 or not seal_lines or audit.returncode != 0 \
        or not any(",seal-broken," in line for line in found) or not any(",numbering," in line for line in found):
    print("FAIL: the tampering was not named by verify and by the audit", file=sys.stderr)
    print(verify.stdout, verify.stderr, audit.stdout, audit.stderr, file=sys.stderr)
    sys.exit(1)
