#!/usr/bin/env python3
"""Reads every workbook the demo exported with readers FundLedger did not write: openpyxl for
structure, formats, formulas and cached values, and LibreOffice (headless, recalculating every
formula on load) for the figures a spreadsheet computes. Both must agree with
`fundledger report trial-balance --format json` to the fen.

usage: check_workbooks.py FUNDLEDGER BOOK EXPORTS
"""
import csv, glob, os, re, shutil, sys, tempfile
import openpyxl

from workbooks.common import (check, configure, context, converted, fen, libreoffice_recalculated, report_json,
                              tampered_copy, yearly)
from workbooks.sheets import (check_anchors, check_bank_reconciliation, check_cash_journal, check_form, check_journal,
                              check_ledger, check_trial_balance)
from workbooks.tallies import check_review, check_rollup, check_subsidies

fundledger, book, exports = sys.argv[1], sys.argv[2], sys.argv[3]
configure(fundledger, book, exports)

forms = []


for path, code, year in yearly("资产负债表"):
    bs = report_json("balance-sheet", "--org", code, "--year", year)
    check(bs["failed_checks"] == [], f"{path}: {bs['failed_checks']}")
    forms.append((path, "资产负债表", bs, check_form(path, "资产负债表", bs, "工会01表")))
    ie_path = os.path.join(exports, f"收入支出表-{code}-{year}.xlsx")
    ie = report_json("income-expenditure", "--org", code, "--year", year)
    forms.append((ie_path, "收入支出表", ie, check_form(ie_path, "收入支出表", ie, "工会02表")))
    gl_path = os.path.join(exports, f"总账-{code}-{year}.xlsx")
    check_ledger(gl_path, "总账", report_json("general-ledger", "--org", code, "--year", year))
    pack = os.path.join(exports, f"月度报表-{code}-{year}-12.xlsx")
    county = os.path.exists(os.path.join(exports, f"成本费用表-{code}-{year}.xlsx"))
    monthly_attached = ["成本费用表"] if county else []
    check(openpyxl.load_workbook(pack).sheetnames == ["资产负债表", "收入支出表"] + monthly_attached + ["科目余额表", "总账", "校验"], f"{pack}: sheets")
    check_anchors(pack, {code})
    check_form(pack, "收入支出表", report_json("income-expenditure", "--org", code, "--year", year, "--period", "12"), "工会02表")
    if county:
        check_form(pack, "成本费用表", report_json("costs", "--org", code, "--year", year, "--period", "12"), "工会附03表")
for path, code, year in yearly("财政拨款收入支出表"):
    report = report_json("appropriations", "--org", code, "--year", year)
    check(report["failed_checks"] == [], f"{path}: {report['failed_checks']}")
    forms.append((path, "财政拨款收入支出表", report, check_form(path, "财政拨款收入支出表", report, "工会附01表")))
for path, code, year in yearly("国有资产情况表"):
    report = report_json("state-assets", "--org", code, "--year", year)
    forms.append((path, "国有资产情况表", report, check_form(path, "国有资产情况表", report, "工会附02表")))
for path, code, year in yearly("成本费用表"):
    report = report_json("costs", "--org", code, "--year", year)
    check(report["columns"] == ["本年数", "上年数"], f"{path}: columns {report['columns']}")
    forms.append((path, "成本费用表", report, check_form(path, "成本费用表", report, "工会附03表")))
annual_packs = 0
for path, code, year in yearly("年度报表"):
    annual_packs += 1
    attached = [title for title, name in (("财政拨款收入支出表", "appropriations"), ("国有资产情况表", "state-assets"), ("成本费用表", "costs"))
                if os.path.exists(os.path.join(exports, f"{title}-{code}-{year}.xlsx"))]
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["资产负债表", "收入支出表"] + attached + ["会计报表附注", "科目余额表", "校验"], f"{path}: sheets {wb.sheetnames}")
    check_anchors(path, {code})
    check_form(path, "资产负债表", report_json("balance-sheet", "--org", code, "--year", year), "工会01表")
    for title, name, number in (("财政拨款收入支出表", "appropriations", "工会附01表"), ("国有资产情况表", "state-assets", "工会附02表"),
                                ("成本费用表", "costs", "工会附03表")):
        if title in attached:
            check_form(path, title, report_json(name, "--org", code, "--year", year), number)
    notes = wb["会计报表附注"]
    texts = [str(c.value) for row in notes.iter_rows() for c in row if c.value]
    check(notes["A1"].value == "会计报表附注" and f"{year}年度" in texts, f"{path}: 附注 title and year")
    headings = [t for t in texts if re.match(r"（[一二三四五六七八]）", t)]
    check(len(headings) == 8 and headings[0].startswith("（一）遵循《工会会计制度》的声明"), f"{path}: 附注 headings {headings}")
    for signer in ("法定代表人：", "主管会计工作的负责人：", "会计机构负责人：", "制表："):
        check(any(t.startswith(signer) for t in texts), f"{path}: 附注 signature {signer} missing")
check(annual_packs > 0, "no annual pack found")
for path, name, year in yearly("明细账"):
    account, code = name.split("-", 1)
    check_ledger(path, "明细账", report_json("detail-ledger", "--org", code, "--account", account, "--year", year))
check(len(forms) > 0, "no forms found")
cash_books = []
for prefix, kind in (("现金日记账", "cash-journal"), ("银行存款日记账", "bank-journal")):
    for path, code, year in yearly(prefix):
        cash_books.append((path, check_cash_journal(path, prefix, report_json(kind, "--org", code, "--year", year))))
check(len(cash_books) > 0, "no cash or bank journals found")
for path in sorted(glob.glob(os.path.join(exports, "银行存款余额调节表-*.xlsx"))):
    match = re.fullmatch(r"银行存款余额调节表-(.+)-(\d{4}-\d\d-\d\d)\.xlsx", os.path.basename(path))
    if match:
        cash_books.append((path, check_bank_reconciliation(path, report_json("bank-reconciliation", "--org", match.group(1), "--date", match.group(2)))))
check(any("银行存款余额调节表" in path for path, _ in cash_books), "no 银行存款余额调节表 found")

rollups = []
for path, code, year in yearly("汇总表"):
    rollups.append((path, check_rollup(path, code, year)))

reviews = []
for path, code, year in yearly("经审审查工作底稿"):
    expected, texts = check_review(path, code, year)
    if code == "FED-12":
        check(any("陈静" in t for t in texts) and any("王磊" in t for t in texts), f"{path}: the opinion does not name its signers")
    reviews.append((path, expected))
check(len(reviews) > 0, "no 经审审查工作底稿 workbook found")

subsidy_books = []
for path, code, year in yearly("项目补贴台账"):
    subsidy_books.append((path, check_subsidies(path, code, year)))

pairs = []
for path, code, year in yearly("科目余额表"):
    report, total_row = check_trial_balance(path, code, year)
    journal = os.path.join(exports, f"序时账-{code}-{year}.xlsx")
    check(os.path.exists(journal), f"{journal} missing")
    journal_last = check_journal(journal, code, year, report)
    pairs.append((path, journal, report, total_row, journal_last))
check(len(pairs) > 0, "no workbooks found")

with tempfile.TemporaryDirectory() as folder:
    copies = []
    for index, (path, journal, *_rest) in enumerate(pairs):
        for kind, source in (("tb", path), ("journal", journal)):
            copy = os.path.join(folder, f"{kind}{index}.xlsx")
            if kind == "tb":
                tampered_copy(source, copy)
            else:
                shutil.copy(source, copy)
            copies.append(copy)
    out = libreoffice_recalculated(copies, folder) if copies else None
    if out is None:
        check(False, "LibreOffice (soffice) is not installed; run scripts/install-deps.sh test")
    else:
        for index, (path, journal, report, total_row, journal_last) in enumerate(pairs):
            found = converted(out, f"tb{index}")
            check(len(found) == 1, f"{path}: LibreOffice wrote {found}")
            rows = list(csv.reader(open(found[0], encoding="utf-8")))
            totals = rows[total_row - 1]
            keys = ["opening_debit", "opening_credit", "period_debit", "period_credit", "closing_debit", "closing_credit"]
            for column, key in enumerate(keys, start=2):
                check(fen(totals[column]) == fen(report["totals"][key]),
                      f"{path}: LibreOffice recalculated total {key} = {totals[column]}, report says {report['totals'][key]}")
            for index2, account in enumerate(report["accounts"]):
                row = rows[4 + index2]
                check(fen(row[6]) == fen(account["closing_debit"]) and fen(row[7]) == fen(account["closing_credit"]),
                      f"{path}: LibreOffice recalculated closing of {account['code']} = {row[6]}/{row[7]}")
            found = converted(out, f"journal{index}")
            rows = list(csv.reader(open(found[0], encoding="utf-8")))
            check(fen(rows[journal_last - 1][5]) == fen(report["totals"]["period_debit"]),
                  f"{journal}: LibreOffice recalculated debit total {rows[journal_last - 1][5]}")
        form_copies = []
        for index, (path, *_rest) in enumerate(forms):
            copy = os.path.join(folder, f"form{index}.xlsx")
            shutil.copy(path, copy)
            form_copies.append(copy)
        out2 = libreoffice_recalculated(form_copies, os.path.join(folder, "forms"))
        for index, (path, sheet, report, cells) in enumerate(forms):
            found = converted(out2, f"form{index}")
            check(len(found) == 1, f"{path}: LibreOffice wrote {found}")
            rows = list(csv.reader(open(found[0], encoding="utf-8")))
            for item in report["rows"]:
                row, column = cells[(item["panel"], item["item"])]
                for c, expected in enumerate(item["values"]):
                    got = rows[row - 1][column - 1 + c]
                    check(fen(got) == fen(expected), f"{path}: LibreOffice recalculated {item['panel']} {item['item']} = {got}, report says {expected}")
        def recalculated_cells(books, stem, agrees, message):
            """Recalculates copies of BOOKS with LibreOffice and checks each expected cell with AGREES."""
            paths = []
            for index, (path, _expected) in enumerate(books):
                paths.append(os.path.join(folder, f"{stem}{index}.xlsx"))
                shutil.copy(path, paths[-1])
            out_dir = libreoffice_recalculated(paths, os.path.join(folder, stem)) if paths else None
            for index, (path, expected) in enumerate(books):
                for (sheet, row, column), value in expected.items():
                    found = [p for p in converted(out_dir, f"{stem}{index}") if p.endswith(f"-{sheet}.csv")]
                    check(len(found) == 1, f"{path}: LibreOffice wrote {found} for {sheet}")
                    rows = list(csv.reader(open(found[0], encoding="utf-8")))
                    check(agrees(rows[row - 1][column - 1], value), f"{path} {sheet}: {message(rows[row - 1], column, value)}")
            return len(paths)

        rollup_count = recalculated_cells(rollups, "rollup", lambda got, value: fen(got) == fen(value),
                                          lambda row, column, value: f"LibreOffice recalculated consolidated {row[column - 1]}, report says {value}")

        subsidy_count = recalculated_cells(subsidy_books, "subsidies", lambda got, value: fen(got) == int(round(value * 100)),
                                           lambda row, column, value: f"LibreOffice recalculated {row[column - 1]}, expected {value}")
        review_count = recalculated_cells(reviews, "review", lambda got, value: got == str(value),
                                          lambda row, column, value: f"LibreOffice counted {row[column - 1]} for {row[0]}, the book has {value}")
        cash_count = recalculated_cells(cash_books, "cash", lambda got, value: fen(got) == int(round(value * 100)),
                                        lambda row, column, value: f"LibreOffice recalculated {row[column - 1]}, the journal says {value}")
        print(f"LibreOffice recalculated {len(copies) + len(form_copies) + rollup_count + subsidy_count + review_count + cash_count} workbooks")

print(f"workbook checks: {context.checks - len(context.failures)} passed, {len(context.failures)} failed")
sys.exit(1 if context.failures else 0)
