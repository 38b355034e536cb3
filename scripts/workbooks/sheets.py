"""Checks of the workbooks read sheet by sheet with openpyxl: the 科目余额表 and 序时账, the
standard's forms (their panels, rows and formulas), the 明细账, the cash and bank journals, the
银行存款余额调节表, and the chain heads a workbook sent up carries."""
import subprocess
import openpyxl

from workbooks.common import MONEY, check, context, fen, trial_balance, verified_heads


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
    anchored = subprocess.run([context.fundledger, "verify", "--book", context.book, "--anchors", path, "--lang", "en"], capture_output=True, text=True)
    check(anchored.returncode == 0 and f"against {len(lines)} anchor(s)" in anchored.stdout,
          f"{path}: verify --anchors on it: {anchored.stdout[-300:]} {anchored.stderr}")
    for name in wb.sheetnames[:-1]:
        check((wb[name].oddFooter.left.text or "").startswith("校验："), f"{path}: sheet {name} has no chain heads in its footer")
