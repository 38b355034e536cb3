#!/usr/bin/env python3
"""The tamper suite: for every sealed table of the event chain, insert a row, delete a row and
change a row directly in a copy of the demo book, as an attacker holding the file would (all
triggers dropped, foreign keys off), and check that `verify` names the table and what was done.
An untouched copy must verify without a sealed-row or event-chain problem.

    tamper_suite.py FUNDLEDGER DEMO_BOOK [SCRATCH_FOLDER]

The demo book itself is never changed. Exits non-zero if any tampering goes unnoticed.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

fundledger, book = sys.argv[1], sys.argv[2]
scratch = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="fundledger-tamper-")
os.makedirs(scratch, exist_ok=True)

# table: (key columns, columns changed to make an inserted copy unique, the change of one row)
TABLES = {
    "period_close": (["organization_id", "period"], {"period": "period + 100000"}, "closed_by = closed_by || 'x'"),
    "period_log": (["id"], {}, "by = by || 'x'"),
    "budget": (["id"], {"year": "year + 1000"}, "created_by = created_by || 'x'"),
    "budget_line": (["id"], {"project": "project || 'x'"}, "amount = amount + 1"),
    "budget_adjustment": (["id"], {"number": "number + 1000"}, "reason = reason || 'x'"),
    "budget_adjustment_line": (["adjustment_id", "line_id"], {"line_id": "line_id + 100000"}, "delta = delta * 2"),
    "subsidy_item": (["id"], {"code": "code || 'x'"}, "approved = approved + 1"),
    "subsidy_log": (["id"], {}, "detail = detail || 'x'"),
    "subsidy_voucher": (["item_id", "voucher_id"], {"voucher_id": "voucher_id + 100000"},
                        "role = CASE role WHEN 'disburse' THEN 'return' ELSE 'disburse' END"),
    "user_role": (["user", "role", "organization_id"], {"user": "user || 'x'"}, "granted_by = granted_by || 'x'"),
    "committee": (["id"], {"elected": "'1999-01-01'"}, "created_by = created_by || 'x'"),
    "committee_member": (["committee_id", "name"], {"name": "name || 'x'"},
                         "office = CASE office WHEN 'member' THEN 'chair' ELSE 'member' END"),
    "audit": (["id"], {}, "run_by = run_by || 'x'"),
    "finding": (["id"], {"key": "key || 'x'"}, "text = text || 'x'"),
    "finding_event": (["id"], {}, "text = text || 'x'"),
    "finding_voucher": (["finding_id", "voucher_id"], {"voucher_id": "voucher_id + 100000"}, "voucher_id = voucher_id + 200000"),
    "opinion": (["id"], {"year": "year + 1000"}, "text = text || 'x'"),
    "opinion_signer": (["opinion_id", "name"], {"name": "name || 'x'"}, "office = office || 'x'"),
    "fixed_asset": (["id"], {"code": "code || 'x'"}, "cost = cost + 1"),
}


def copy_of(name):
    path = os.path.join(scratch, name + ".sqlite")
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    shutil.copyfile(book, path)
    return path


def attack(path, statements):
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = OFF")
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f'DROP TRIGGER "{name}"')
    for statement in statements(db):
        db.execute(statement)
    db.commit()
    db.close()


def verify(path):
    env = dict(os.environ, FUNDLEDGER_USER="演示导入")
    run = subprocess.run([fundledger, "verify", "--book", path, "--lang", "en"], capture_output=True, text=True, env=env)
    return run.returncode, [line for line in (run.stdout + run.stderr).splitlines() if "[sealed-row]" in line or "[event-chain]" in line]


def first_row_where(db, table, keys):
    row = db.execute(f"SELECT {', '.join(keys)} FROM {table} ORDER BY {', '.join(keys)} LIMIT 1").fetchone()
    return " AND ".join(f"{key} IS ?" for key in keys), row


failures = 0
code, lines = verify(copy_of("untouched"))
if lines:
    print("FAIL: the untouched copy has event problems:", *lines, sep="\n  ")
    failures += 1

for table, (keys, unique, change) in TABLES.items():
    def inserting(db):
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        values = [unique.get(column, "id + 100000" if column == "id" else f'"{column}"') for column in columns]
        quoted = ", ".join(f'"{column}"' for column in columns)
        return [f"INSERT INTO {table} ({quoted}) SELECT {', '.join(values)} FROM {table} ORDER BY rowid LIMIT 1"
                if "id" in columns else
                f"INSERT INTO {table} ({quoted}) SELECT {', '.join(values)} FROM {table} LIMIT 1"]

    def deleting(db):
        where, row = first_row_where(db, table, keys)
        literal = " AND ".join(f"{key} IS {sqlite_literal(value)}" for key, value in zip(keys, row))
        return [f"DELETE FROM {table} WHERE {literal}"]

    def changing(db):
        where, row = first_row_where(db, table, keys)
        literal = " AND ".join(f"{key} IS {sqlite_literal(value)}" for key, value in zip(keys, row))
        return [f"UPDATE {table} SET {change} WHERE {literal}"]

    def sqlite_literal(value):
        if value is None:
            return "NULL"
        if isinstance(value, int):
            return str(value)
        return "'" + str(value).replace("'", "''") + "'"

    for kind, statements, expected in [("inserted", inserting, ["inserted"]), ("deleted", deleting, ["deleted"]),
                                       ("changed", changing, ["inserted", "deleted"] if table == "finding_voucher" else ["changed"])]:
        path = copy_of(f"{table}-{kind}")
        attack(path, statements)
        code, lines = verify(path)
        named = [line for line in lines if f" {table} (" in line]
        missing = [word for word in expected if not any(f"was {word} outside FundLedger" in line for line in named)]
        if code == 0 or missing:
            print(f"FAIL: a row of {table} {kind} behind the program's back was not named ({', '.join(missing) or 'verify passed'})")
            print(*lines, sep="\n  ")
            failures += 1
        else:
            print(f"named: {table} {kind}: {named[0].strip()[:160]}")
        os.remove(path)

sys.exit(1 if failures else 0)
