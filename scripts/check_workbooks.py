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


def report_json(*args):
    return json.loads(run(fundledger, "report", *args, "--book", book, "--format", "json"))


def form_cells(ws, report):
    """Maps each (panel, item) of the report to (row, first value column) by reading the label
    column of each panel: the 2021 forms have no 行次, a row is known by its label."""
    panels = []
    for item in report["rows"]:
        if item["panel"] not in panels:
            panels.append(item["panel"])
    width = 1 + len(report["columns"])
    cells = {}
    for index, title in enumerate(panels):
        base = 1 + index * width
        check(ws.cell(4, base).value == title, f"{ws.title}: panel header {ws.cell(4, base).value!r} != {title!r}")
        check([ws.cell(4, base + 1 + c).value for c in range(len(report["columns"]))] == report["columns"],
              f"{ws.title}: value columns of {title}")
        for row in range(5, ws.max_row + 1):
            label = ws.cell(row, base).value
            if isinstance(label, str) and label:
                cells.setdefault((title, label), (row, base + 1))
    return cells


def check_form(path, sheet, report, number):
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    check(sheet in wb.sheetnames, f"{path}: no sheet {sheet} in {wb.sheetnames}")
    ws, wv = wb[sheet], values[sheet]
    check(ws["A1"].value == report["title"], f"{path}: title {ws['A1'].value!r}")
    texts = [str(c.value) for row in ws.iter_rows(min_row=1, max_row=3) for c in row if c.value]
    check(number in texts, f"{path}: form number {number} missing")
    check("单位：元" in texts, f"{path}: 单位：元 missing")
    check(any(report["period"] in t for t in texts), f"{path}: period {report['period']} missing")
    check(ws.freeze_panes == "A5", f"{path}: freeze panes {ws.freeze_panes}")
    check(all(ws.cell(4, c).value != "行次" for c in range(1, ws.max_column + 1)), f"{path}: a 行次 column the 2021 form lacks")
    footer = [str(c.value) for row in ws.iter_rows(min_row=ws.max_row - 1) for c in row if c.value]
    for signer in ("法定代表人：", "主管会计工作的负责人：", "会计机构负责人：", "制表："):
        check(any(t.startswith(signer) for t in footer), f"{path}: signature {signer} missing")
    under = [str(ws.cell(r, 1).value) for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value]
    for note in report["notes"]:
        check(note in under, f"{path}: note {note!r} missing")
    cells = form_cells(ws, report)
    formulas = 0
    for item in report["rows"]:
        key = (item["panel"], item["item"])
        row, column = cells.get(key, (None, None))
        if row is None:
            check(False, f"{path}: {item['panel']} {item['item']} not found")
            continue
        for c, expected in enumerate(item["values"]):
            cell = ws.cell(row, column + c)
            if expected is None:
                check(wv.cell(row, column + c).value in (None, ""), f"{path}: {cell.coordinate} should be empty")
                continue
            check(fen(wv.cell(row, column + c).value) == fen(expected), f"{path}: {cell.coordinate} cached {wv.cell(row, column + c).value} != {expected}")
            check(cell.number_format == MONEY, f"{path}: {cell.coordinate} format {cell.number_format}")
            if str(cell.value).startswith("="):
                formulas += 1
    check(formulas > 0, f"{path}: no totals as formulas")
    return cells


def check_ledger(path, sheet, report):
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    ws, wv = wb[sheet], values[sheet]
    check([ws.cell(3, c).value for c in range(1, 9)] == ["科目", "日期", "凭证号", "摘要", "借方", "贷方", "借或贷", "余额"], f"{path}: headers")
    check(ws.freeze_panes == "A4", f"{path}: freeze panes {ws.freeze_panes}")
    rows = report["rows"]
    check(ws.max_row == 3 + len(rows) + 2, f"{path}: {ws.max_row - 5} rows, report has {len(rows)}")
    check(ws.cell(ws.max_row, 1).value == "单位负责人：" and ws.cell(ws.max_row, 3).value == "财务负责人：", f"{path}: signature line")
    for index, item in enumerate(rows):
        r = 4 + index
        check(ws.cell(r, 4).value == item["summary"], f"{path}: row {r} summary {ws.cell(r, 4).value!r} != {item['summary']!r}")
        check(fen(wv.cell(r, 5).value) == fen(item["debit"]) and fen(wv.cell(r, 6).value) == fen(item["credit"]),
              f"{path}: row {r} amounts {wv.cell(r, 5).value}/{wv.cell(r, 6).value} != {item['debit']}/{item['credit']}")
        check(ws.cell(r, 7).value == item["direction"] and fen(wv.cell(r, 8).value) == fen(item["balance"]), f"{path}: row {r} balance")
        if item["kind"] == "year_total":
            check(str(ws.cell(r, 5).value).startswith("="), f"{path}: row {r} 本年累计 is not a formula")


def check_cash_journal(path, sheet, report):
    """A 现金日记账 or 银行存款日记账 reads as the report does, row by row; returns the cells whose
    formulas (本日合计, 本月合计, 本年累计) LibreOffice must recalculate to the report's figures."""
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    ws, wv = wb[sheet], values[sheet]
    check([ws.cell(3, c).value for c in range(1, 10)] == ["科目", "日期", "凭证号", "摘要", "对方科目", "收入（借方）", "支出（贷方）", "借或贷", "余额"],
          f"{path}: headers")
    rows = report["rows"]
    check(ws.max_row == 3 + len(rows) + 2, f"{path}: {ws.max_row - 5} rows, report has {len(rows)}")
    check(ws.cell(ws.max_row, 4).value == "出纳：", f"{path}: signature line")
    expected = {}
    for index, item in enumerate(rows):
        r = 4 + index
        check(ws.cell(r, 4).value == item["summary"] and (ws.cell(r, 5).value or "") == item["counter_account"], f"{path}: row {r} summary")
        check(fen(wv.cell(r, 6).value) == fen(item["debit"]) and fen(wv.cell(r, 7).value) == fen(item["credit"]),
              f"{path}: row {r} amounts {wv.cell(r, 6).value}/{wv.cell(r, 7).value} != {item['debit']}/{item['credit']}")
        check(ws.cell(r, 8).value == item["direction"] and fen(wv.cell(r, 9).value) == fen(item["balance"]), f"{path}: row {r} balance")
        if item["kind"] in ("day_total", "month_total", "year_total"):
            for column, key in ((6, "debit"), (7, "credit")):
                check(str(ws.cell(r, column).value).startswith("="), f"{path}: row {r} {item['summary']} is not a formula")
                expected[(sheet, r, column)] = float(item[key])
    return expected


def check_bank_reconciliation(path, report):
    """A 银行存款余额调节表 reads as the report does, the book's side in A:B and the bank's in C:D,
    each 加/减 block padded to the longer side; returns the cells whose formulas (加, 减, 调节后余额,
    差额) LibreOffice must recalculate to the report's figures."""
    sheet = "银行存款余额调节表"
    ws = openpyxl.load_workbook(path)[sheet]
    wv = openpyxl.load_workbook(path, data_only=True)[sheet]
    check([ws.cell(3, c).value for c in range(1, 5)] == ["项目", "金额", "项目", "金额"], f"{path}: headers")

    def parts(rows):
        kinds = [r["kind"] for r in rows]
        add, less = kinds.index("add"), kinds.index("less")
        return rows[add + 1:less], rows[less + 1:-1]

    sides = {side: [r for r in report["rows"] if r["side"] == side] for side in ("book", "bank")}
    added = max(len(parts(rows)[0]) for rows in sides.values())
    taken = max(len(parts(rows)[1]) for rows in sides.values())
    add_row, less_row = 5, 6 + added
    adjusted_row = less_row + 1 + taken
    expected = {}
    for side, (label, money) in (("book", (1, 2)), ("bank", (3, 4))):
        rows = sides[side]
        plus, minus = parts(rows)
        check(ws.cell(4, label).value == rows[0]["label"] and fen(wv.cell(4, money).value) == fen(rows[0]["amount"]), f"{path}: {side} balance")
        totals = ((add_row, next(r for r in rows if r["kind"] == "add")), (less_row, next(r for r in rows if r["kind"] == "less")),
                  (adjusted_row, rows[-1]))
        for r, item in totals:
            check(ws.cell(r, label).value == item["label"], f"{path}: row {r} {side} reads {ws.cell(r, label).value}, not {item['label']}")
            check(str(ws.cell(r, money).value).startswith("="), f"{path}: row {r} {side} is not a formula")
            check(fen(wv.cell(r, money).value) == fen(item["amount"]), f"{path}: row {r} {side} {wv.cell(r, money).value} != {item['amount']}")
            expected[(sheet, r, money)] = float(item["amount"])
        for first, items in ((add_row + 1, plus), (less_row + 1, minus)):
            for offset, item in enumerate(items):
                r = first + offset
                check(item["summary"] in str(ws.cell(r, label).value) and fen(wv.cell(r, money).value) == fen(item["amount"]),
                      f"{path}: row {r} {side} movement {ws.cell(r, label).value}")
    check(str(ws.cell(adjusted_row + 1, 2).value).startswith("="), f"{path}: the difference is not a formula")
    expected[(sheet, adjusted_row + 1, 2)] = float(report["difference"])
    return expected


forms = []
def yearly(prefix):
    """Workbooks named PREFIX-ORG-YEAR.xlsx, as (path, org, year)."""
    for path in sorted(glob.glob(os.path.join(exports, prefix + "-*.xlsx"))):
        match = re.fullmatch(re.escape(prefix) + r"-(.+)-(\d{4})\.xlsx", os.path.basename(path))
        if match:
            yield path, match.group(1), match.group(2)


_heads = None


def verified_heads():
    """The chain heads `verify` prints (vouchers/events, organisation, links, hash), once."""
    global _heads
    if _heads is None:
        out = subprocess.run([fundledger, "verify", "--book", book], capture_output=True, text=True).stdout
        _heads = set(re.findall(r"^  ((?:vouchers|events) \S+ \d+ [0-9a-f]{64})$", out, re.M))
    return _heads


def check_anchors(path, codes):
    """A workbook sent to a superior carries the chain heads of its organisations: on its 校验
    sheet (column E, the lines `verify --anchors` reads), one vouchers and one events line per
    organisation that has them, each a link the book's chain still holds (`verify --anchors`
    on the workbook itself passes); and in short on the left of every other sheet's footer."""
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames[-1] == "校验", f"{path}: no 校验 sheet last in {wb.sheetnames}")
    if wb.sheetnames[-1] != "校验":
        return
    lines = [str(row[4].value) for row in wb["校验"].iter_rows(min_row=5) if row[4].value]
    chains = {tuple(line.split(" ")[:2]) for line in lines}
    expected = {tuple(head.split(" ")[:2]) for head in verified_heads() if head.split(" ")[1] in codes}
    check(len(expected) > 0 and chains == expected and len(lines) == len(chains), f"{path}: 校验 chains {sorted(chains)}, verify has {sorted(expected)}")
    anchored = subprocess.run([fundledger, "verify", "--book", book, "--anchors", path, "--lang", "en"], capture_output=True, text=True)
    check(anchored.returncode == 0 and f"against {len(lines)} anchor(s)" in anchored.stdout,
          f"{path}: verify --anchors on it: {anchored.stdout[-300:]} {anchored.stderr}")
    for name in wb.sheetnames[:-1]:
        check((wb[name].oddFooter.left.text or "").startswith("校验："), f"{path}: sheet {name} has no chain heads in its footer")


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

def check_rollup(path, code, year):
    """汇总表 and 预算执行情况表: one row per organisation with outline levels, SUBTOTAL rows,
    the eliminations, the consolidated row, and a chart."""
    report = report_json("rollup", "--org", code, "--year", year)
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    check(wb.sheetnames == ["汇总表", "预算执行情况表", "内部往来对账", "校验"], f"{path}: sheets {wb.sheetnames}")
    # One row per difference the report lists, or the single 相符 line.
    listed = len(report["differences"]) + len(report["flow_differences"]) + len(report["untagged_transfers"])
    reconciliation = [r for r in range(4, wb["内部往来对账"].max_row + 1) if wb["内部往来对账"].cell(r, 1).value]
    check(len(reconciliation) == max(listed, 1) and (listed > 0) != report["reconciled"], f"{path}: 内部往来对账 rows {len(reconciliation)} != {listed}")
    check_anchors(path, {head.split(" ")[1] for head in verified_heads()} - {"-"})
    with zipfile.ZipFile(path) as z:
        check(any(n.startswith("xl/charts/chart") for n in z.namelist()), f"{path}: no chart")
    consolidated = {row["item"]: row["consolidated"] for row in report["rows"]}
    eliminations = {row["item"]: row["elimination"] for row in report["rows"]}
    expected = {}
    for sheet, items in (("汇总表", ["收入合计", "支出合计", "收支差额", "资产总计", "负债合计", "净资产合计"]),
                         ("预算执行情况表", ["预算支出（调整后）", "实际支出"])):
        ws, wv = wb[sheet], values[sheet]
        codes = [ws.cell(r, 1).value for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value]
        check(codes == report["members"], f"{path} {sheet}: rows are not the members in tree order")
        levels = [ws.row_dimensions[r].outlineLevel for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value]
        check(levels[0] == 1 and max(levels) >= 3, f"{path} {sheet}: outline levels {levels[:5]}")
        subtotals = [r for r in range(5, ws.max_row + 1) if str(ws.cell(r, 2).value).endswith("小计")]
        check(len(subtotals) > 0 and all(str(ws.cell(r, 4).value).startswith("=SUBTOTAL(9,") for r in subtotals), f"{path} {sheet}: subtotals")
        last = ws.max_row
        while ws.cell(last, 2).value != "合并数":
            last -= 1
        check(ws.cell(last - 1, 2).value == "抵销（内部往来）", f"{path} {sheet}: eliminations row")
        for index, item in enumerate(items):
            check(fen(wv.cell(last - 1, 4 + index).value) == fen(eliminations[item]), f"{path} {sheet}: elimination of {item}")
            check(fen(wv.cell(last, 4 + index).value) == fen(consolidated[item]),
                  f"{path} {sheet}: cached consolidated {item} {wv.cell(last, 4 + index).value} != {consolidated[item]}")
            expected[(sheet, last, 4 + index)] = consolidated[item]
    return expected


rollups = []
for path, code, year in yearly("汇总表"):
    rollups.append((path, check_rollup(path, code, year)))

def check_subsidies(path, code, year):
    """项目补贴台账: the register's figures equal the sums of each item's lines on the detail sheet
    (disbursed = the grantor's 50802 debits, spent = the recipient's spending), the totals and the
    per-recipient sheet are formulas, and every figure matches `report subsidies --format json`."""
    report = json.loads(run(fundledger, "report", "subsidies", "--org", code, "--year", year, "--book", book, "--format", "json"))
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    check(wb.sheetnames == ["项目补贴台账", "明细", "按受补单位汇总"], f"{path}: sheets {wb.sheetnames}")
    summary, detail = values["项目补贴台账"], values["明细"]
    check(wb["项目补贴台账"].auto_filter.ref is not None and wb["明细"].auto_filter.ref is not None, f"{path}: autofilters")
    rows = {summary.cell(r, 1).value: r for r in range(5, summary.max_row + 1) if summary.cell(r, 1).value}
    check(sorted(rows) == sorted(item["code"] for item in report), f"{path}: items differ from the report")
    sums = {}
    for r in range(5, detail.max_row + 1):
        item, org, account = detail.cell(r, 1).value, detail.cell(r, 2).value, str(detail.cell(r, 6).value)
        debit, credit = fen(detail.cell(r, 7).value), fen(detail.cell(r, 8).value)
        entry = sums.setdefault(item, {"disbursed": 0, "spent": 0})
        if account.startswith("50802") and org == code:
            entry["disbursed"] += debit
        elif account.startswith("5") and org != code:
            entry["spent"] += debit - credit
    for item in report:
        r = rows.get(item["code"])
        if r is None:
            continue
        for column, key in ((5, "approved"), (6, "disbursed"), (7, "spent"), (8, "returned"), (9, "balance")):
            check(fen(summary.cell(r, column).value) == fen(item[key]), f"{path}: {item['code']} {key} {summary.cell(r, column).value} != {item[key]}")
        lines = sums.get(item["code"], {"disbursed": 0, "spent": 0})
        check(lines["disbursed"] == fen(item["disbursed"]), f"{path}: {item['code']} disbursed {item['disbursed']} != its lines {lines['disbursed']}")
        check(lines["spent"] == fen(item["spent"]), f"{path}: {item['code']} spent {item['spent']} != its lines {lines['spent']}")
    total_row = max(rows.values()) + 1
    check(str(wb["项目补贴台账"].cell(total_row, 6).value).startswith("=SUBTOTAL(9,"), f"{path}: total is not a formula")
    per = wb["按受补单位汇总"]
    check(str(per.cell(5, 4).value).startswith("=SUMIF("), f"{path}: per-recipient figures are not formulas")
    expected = {("项目补贴台账", total_row, c): sum(fen(i[k]) for i in report) / 100 for c, k in ((6, "disbursed"), (7, "spent"), (8, "returned"), (9, "balance"))}
    recipients = {}
    for item in report:
        recipients.setdefault(item["recipient"], 0)
        recipients[item["recipient"]] += fen(item["spent"])
    for r in range(5, per.max_row + 1):
        if per.cell(r, 1).value in recipients:
            expected[("按受补单位汇总", r, 5)] = recipients[per.cell(r, 1).value] / 100
    return expected


def check_review(path, code, year):
    """经审审查工作底稿: the findings sheet lists what `review findings` lists; the summary counts
    them by formulas; each item sheet totals its lines; the opinion names its signers.
    Returns the summary cells LibreOffice must recompute."""
    findings = json.loads(run(fundledger, "review", "findings", "--org", code, "--year", year, "--book", book, "--format", "json"))
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames[:2] == ["汇总", "问题清单"] and wb.sheetnames[-1] == "审查意见", f"{path}: sheets {wb.sheetnames}")
    ws = wb["问题清单"]
    rows = [[ws.cell(r, c).value for c in range(1, 13)] for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value is not None]
    check(len(rows) == len(findings), f"{path}: {len(rows)} findings in the sheet, {len(findings)} in the book")
    for row, finding in zip(rows, findings):
        check(str(int(row[0])) == finding["id"] and row[1] == finding["rule"] and row[4] == finding["status"],
              f"{path}: finding row {row[:5]} against {finding['id']} {finding['rule']} {finding['status']}")
        check(fen(row[5] if row[5] is not None else "0") == fen(finding["amount"] or "0"), f"{path}: finding {finding['id']} amount {row[5]}")
        check(all(v in (row[6] or "") for v in finding["vouchers"].split(" ") if "/" in v),
              f"{path}: finding {finding['id']} vouchers {row[6]!r} against {finding['vouchers']!r}")
    summary = wb["汇总"]
    expected = {}
    rules = {}
    for finding in findings:
        rules[finding["rule"]] = rules.get(finding["rule"], 0) + 1
    for r in range(1, summary.max_row + 1):
        rule = summary.cell(r, 1).value
        if isinstance(rule, str) and re.fullmatch(r"[a-z-]+", rule):
            formula = str(summary.cell(r, 4).value)
            check(formula.startswith("=COUNTIF(") or formula == "=0", f"{path}: count of {rule} is not a formula: {formula}")
            expected[("汇总", r, 4)] = rules.get(rule, 0)
    check(len(expected) >= 15, f"{path}: {len(expected)} rules in the summary")
    items = [name for name in wb.sheetnames[2:-1]]
    for name in items:
        sheet = wb[name]
        last = max(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 3).value == "合计")
        check(str(sheet.cell(last, 5).value).startswith("=SUM("), f"{path} {name}: total is not a formula")
    opinion = wb["审查意见"]
    texts = [str(c.value) for row in opinion.iter_rows() for c in row if c.value is not None]
    return expected, texts


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

def converted(out, stem):
    """The CSV LibreOffice wrote for STEM.xlsx: STEM.csv, or STEM-Sheet.csv for a named sheet."""
    return [p for p in glob.glob(os.path.join(out, stem + "*.csv"))
            if re.fullmatch(re.escape(stem) + r"(-[^/]*)?\.csv", os.path.basename(p))]


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

print(f"workbook checks: {checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
