"""Checks of the workbooks that add up across organisations or items: the county's 汇总表 (the
members' figures and the consolidated column with transfers eliminated), the 项目补贴台账 and the
经审审查工作底稿 with their findings."""
import json, re, zipfile
import openpyxl

from workbooks.common import check, context, fen, report_json, run, verified_heads
from workbooks.sheets import check_anchors


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


def check_subsidies(path, code, year):
    """项目补贴台账: the register's figures equal the sums of each item's lines on the detail sheet
    (disbursed = the grantor's 50802 debits, spent = the recipient's spending), the totals and the
    per-recipient sheet are formulas, and every figure matches `report subsidies --format json`."""
    report = json.loads(run(context.fundledger, "report", "subsidies", "--org", code, "--year", year, "--book", context.book, "--format", "json"))
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
    findings = json.loads(run(context.fundledger, "review", "findings", "--org", code, "--year", year, "--book", context.book, "--format", "json"))
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
