#!/usr/bin/env python3
"""Generates a province for benchmarks, deterministically from a seed: a provincial union over
counties, townships, federations and grassroots unions, and a year of vouchers for each.

usage: gen_province.py ORGANISATIONS VOUCHERS_PER_ORG OUT_DIR [SEED]
writes OUT_DIR/organizations.csv and OUT_DIR/province.journal
"""
import os, random, sys

total, per_org, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 2026)
os.makedirs(out, exist_ok=True)

orgs = [("P", "某某省总工会", "county", "")]
counties = max(1, total // 500)
per_county = (total - 1 - counties) // counties
for c in range(counties):
    county = f"C{c}"
    orgs.append((county, f"某某县{c}总工会", "county", "P"))
    towns = per_county // 46 + 1   # a town with its 5 federations of 8 grassroots unions is 46
    children = 0
    for t in range(towns):
        if children >= per_county: break
        town = f"{county}T{t}"
        orgs.append((town, f"某某县{c}镇{t}总工会", "township", county)); children += 1
        for f in range(5):
            if children >= per_county: break
            fed = f"{town}F{f}"
            orgs.append((fed, f"某某县{c}镇{t}行业{f}工会联合会", "federation", town)); children += 1
            for g in range(8):
                if children >= per_county: break
                orgs.append((f"{fed}G{g}", f"某某县{c}镇{t}企业{f}-{g}有限公司工会", "grassroots", fed)); children += 1
with open(os.path.join(out, "organizations.csv"), "w") as f:
    f.write("code,name,level,parent\n")
    for code, name, level, parent in orgs:
        f.write(f"{code},{name},{level},{parent}\n")

with open(os.path.join(out, "province.journal"), "w") as j:
    parents = {code: parent for code, _, _, parent in orgs}
    levels = {code: level for code, _, level, _ in orgs}
    numbers = {}
    for code, _, level, _ in orgs:
        # Cash is never in credit (the book refuses it): a union pays in cash only out of what it
        # received in cash in earlier months, so no day of the year leaves 101 below zero.
        received = {}
        spent = 0
        for k in range(per_org):
            month = 1 + (k * 12) // per_org
            key = (code, month)
            numbers[key] = numbers.get(key, 0) + 1
            amount = rng.randint(100, 500_000) / 100
            date = f"2026-{month:02d}-{1 + k % 28:02d}"
            header = f"{date} * (2026-{month:02d}/记-{numbers[key]:04d}) 凭证{k}  ; org:{code}, attachments:1, preparer:甲, reviewer:乙\n"
            kind = k % 3
            if kind == 0:
                income = "402" if level in ("county", "township") else "401"
                # Every other receipt comes in cash.
                into = "101" if k % 2 == 0 else "102"
                if into == "101":
                    received[month] = received.get(month, 0) + round(amount * 100)
                j.write(header + f"    {into}  {amount:.2f}\n    {income}  -{amount:.2f}\n\n")
            elif kind == 1 and level == "county" and k % 2 == 1:
                child = next((c for c, p in parents.items() if p == code and levels[c] != "grassroots"), None)
                if child:
                    j.write(header + f"    50801  {amount:.2f}  ; counterpart:{child}\n    102  -{amount:.2f}\n\n")
                else:
                    j.write(header + f"    50504  {amount:.2f}\n    102  -{amount:.2f}\n\n")
            else:
                spend = "50504" if level != "county" else "50502"
                fen = round(amount * 100)
                cash = min(fen // 2, sum(v for m, v in received.items() if m < month) - spent)
                if cash > 0:
                    spent += cash
                    j.write(header + f"    {spend}  {amount:.2f}\n    101  -{cash / 100:.2f}\n    102  -{(fen - cash) / 100:.2f}\n\n")
                else:
                    j.write(header + f"    {spend}  {amount:.2f}\n    102  -{amount:.2f}\n\n")
print(f"{len(orgs)} organisations, {len(orgs) * per_org} vouchers in {out}")
