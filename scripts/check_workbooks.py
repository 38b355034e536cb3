#!/usr/bin/env python3
"""Reads every workbook the demo exported with readers FundLedger did not write: openpyxl for
structure, formats, formulas and cached values, and LibreOffice (headless, recalculating every
formula on load) for the figures a spreadsheet computes. Both must agree with
`fundledger report trial-balance --format json` to the fen.

usage: check_workbooks.py FUNDLEDGER BOOK EXPORTS
"""
import csv, glob, json, os, re, shutil, subprocess, sys, tempfile, zipfile
from decimal import Decimal
import openpyxl

fundledger, book, exports = sys.argv[1], sys.argv[2], sys.argv[3]
MONEY = "#,##0.00"
failures = []
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)
        print("FAIL " + message)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def fen(value):
    if value is None or value == "":
        return 0
    number = Decimal(str(value).replace(",", "")) * 100
    return int(number.quantize(Decimal(1)))


def trial_balance(code, year):
    return json.loads(run(fundledger, "report", "trial-balance", "--book", book, "--org", code, "--year", year, "--format", "json"))


def check_trial_balance(path, code, year):
    report = trial_balance(code, year)
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    check(wb.sheetnames == ["科目余额表"], f"{path}: sheets {wb.sheetnames}")
    ws, wv = wb["科目余额表"], values["科目余额表"]
    check(ws["A1"].value == "科目余额表", f"{path}: title {ws['A1'].value!r}")
    check(report["organization_name"] in str(ws["A2"].value), f"{path}: unit row {ws['A2'].value!r}")
    check([ws.cell(3, c).value for c in (1, 2, 3, 5, 7)] == ["科目编码", "科目名称", "期初余额", "本期发生额", "期末余额"],
          f"{path}: header row 3")
    check([ws.cell(4, c).value for c in range(3, 9)] == ["借方", "贷方"] * 3, f"{path}: header row 4")
    check(ws.freeze_panes == "C5", f"{path}: freeze panes {ws.freeze_panes}")
    check(ws.page_setup.orientation == "landscape", f"{path}: orientation {ws.page_setup.orientation}")
    # fitToWidth absent means 1 page wide (the OOXML default); fitToHeight 0 means as many pages as needed.
    check(ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)
          and ws.page_setup.fitToHeight == 0, f"{path}: fit to width")
    check(ws.print_title_rows.replace("$", "") == "3:4", f"{path}: repeated rows {ws.print_title_rows}")
    check("&P" in (ws.oddFooter.center.text or ""), f"{path}: page numbers in footer")
    accounts = report["accounts"]
    keys = ["opening_debit", "opening_credit", "period_debit", "period_credit", "closing_debit", "closing_credit"]
    for index, account in enumerate(accounts):
        row = 5 + index
        check(ws.cell(row, 1).value == account["code"], f"{path}: row {row} code {ws.cell(row, 1).value} != {account['code']}")
        for column, key in enumerate(keys, start=3):
            cell = ws.cell(row, column)
            check(cell.number_format == MONEY, f"{path}: {cell.coordinate} format {cell.number_format}")
            check(fen(wv.cell(row, column).value) == fen(account[key]),
                  f"{path}: {cell.coordinate} cached {wv.cell(row, column).value} != {account[key]} ({account['code']} {key})")
        check(str(ws.cell(row, 7).value).startswith("=MAX("), f"{path}: row {row} closing is not a formula")
    total_row = 5 + len(accounts)
    check(ws.cell(total_row, 2).value == "合计", f"{path}: totals label")
    for column, key in enumerate(keys, start=3):
        check(str(ws.cell(total_row, column).value).startswith("=SUMPRODUCT("), f"{path}: total {key} is not a formula")
        check(fen(wv.cell(total_row, column).value) == fen(report["totals"][key]), f"{path}: cached total {key}")
    check("期末借方合计" in wb.defined_names, f"{path}: defined name 期末借方合计")
    check(wb.properties.title and "科目余额表" in wb.properties.title, f"{path}: document title")
    return report, total_row


def check_journal(path, code, year, report):
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    check(wb.sheetnames == ["序时账"], f"{path}: sheets {wb.sheetnames}")
    ws, wv = wb["序时账"], values["序时账"]
    headers = [ws.cell(3, c).value for c in range(1, 9)]
    check(headers == ["日期", "凭证号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "项目"], f"{path}: headers {headers}")
    check(ws.freeze_panes == "A4", f"{path}: freeze panes {ws.freeze_panes}")
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A3:H"), f"{path}: autofilter {ws.auto_filter.ref}")
    last = ws.max_row
    check(ws.cell(last, 3).value == "合计", f"{path}: totals row")
    debit = sum(fen(wv.cell(r, 6).value) for r in range(4, last))
    credit = sum(fen(wv.cell(r, 7).value) for r in range(4, last))
    check(debit == credit, f"{path}: debits {debit} != credits {credit}")
    check(debit == fen(report["totals"]["period_debit"]), f"{path}: debit lines {debit} != trial balance {report['totals']['period_debit']}")
    check(str(ws.cell(last, 6).value).startswith("=SUBTOTAL(9,"), f"{path}: total is not a formula")
    check(fen(wv.cell(last, 6).value) == debit, f"{path}: cached debit total")
    for r in range(4, last):
        for c in (6, 7):
            if wv.cell(r, c).value not in (None, ""):
                check(ws.cell(r, c).number_format == MONEY, f"{path}: {ws.cell(r, c).coordinate} format")
    return last


def libreoffice_recalculated(paths, folder):
    """Converts workbooks to CSV with LibreOffice, recalculating all formulas on load."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    profile = os.path.join(folder, "profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">'
                '<value>0</value></prop></item>\n</oor:items>\n')
    out = os.path.join(folder, "csv")
    subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out] + paths,
                   check=True, capture_output=True, timeout=600)
    return out


pairs = []
for path in sorted(glob.glob(os.path.join(exports, "科目余额表-*.xlsx"))):
    name = os.path.basename(path)[len("科目余额表-"):-len(".xlsx")]
    code, year = name.rsplit("-", 1)
    report, total_row = check_trial_balance(path, code, year)
    journal = os.path.join(exports, f"序时账-{code}-{year}.xlsx")
    check(os.path.exists(journal), f"{journal} missing")
    journal_last = check_journal(journal, code, year, report)
    pairs.append((path, journal, report, total_row, journal_last))
check(len(pairs) > 0, "no workbooks found")

def tampered_copy(source, target):
    """A copy whose first SUMPRODUCT total caches a wrong value, to prove LibreOffice recalculates."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"(<f>SUMPRODUCT[^<]*</f><v>)[^<]*(</v>)", rb"\g<1>987654321\g<2>", data, count=1)
            zout.writestr(item, data)


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
            found = glob.glob(os.path.join(out, f"tb{index}*.csv"))
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
            found = glob.glob(os.path.join(out, f"journal{index}*.csv"))
            rows = list(csv.reader(open(found[0], encoding="utf-8")))
            check(fen(rows[journal_last - 1][5]) == fen(report["totals"]["period_debit"]),
                  f"{journal}: LibreOffice recalculated debit total {rows[journal_last - 1][5]}")
        print(f"LibreOffice recalculated {len(copies)} workbooks")

print(f"workbook checks: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
