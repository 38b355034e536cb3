import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX
import HTTPTypes
import Hummingbird

/// 账簿 and 报表 (`/orgs/{CODE}/reports/...`): each report as a page, with 导出Excel returning the
/// very workbook the CLI's `export` writes (built by the same FundApp report and FundXLSX
/// writer). A report is one entry of `ReportPages.kinds`.
enum ReportPages: DeskPage {
    static let templates = ["reports": index, "report": report]
    static let menu = [MenuItem(title: "账簿报表", path: "reports", order: 30)]

    /// A report as the page shows it: tables of text cells.
    struct View: Sendable {
        struct Table: Sendable {
            var caption: String?
            var headers: [String]
            var rows: [[String]]
            var strong: Set<Int> = []
            var numeric: Set<Int>
        }
        var title: String
        var subtitle: String
        var tables: [Table]
        var notes: [String] = []
    }

    /// What the report needs from the address.
    struct Query: Sendable {
        var year: Int
        var month: Int?
        var account: String?
        /// The day a report drawn up on a date is for (the 调节表), when the form gives one.
        var date: LocalDate?

        init(_ form: FormData, today: LocalDate, needsAccount: Bool) throws {
            let yearText = form.trimmed("year") ?? String(today.year)
            guard let year = Int(yearText), (1900...9999).contains(year) else { throw DeskError.badField(name: "年度", value: yearText) }
            self.year = year
            if let text = form.trimmed("month") {
                guard let month = Int(text), (1...12).contains(month) else { throw DeskError.badField(name: "月份", value: text) }
                self.month = month
            }
            account = form.trimmed("account").map(Input.accountCode)
            // An account typed by its name (银行存款) is looked up in the chart (`resolved`).
            if account?.isEmpty ?? false, let typed = form.trimmed("account") { typedAccount = typed; account = nil }
            if needsAccount, account == nil, typedAccount == nil { throw DeskError.badField(name: "会计科目", value: form["account"] ?? "") }
            if form.trimmed("date") != nil { date = try Input.date(form, "date", field: "日期", default: nil) }
        }

        /// An account given by name rather than code, until `resolved` finds its code.
        var typedAccount: String?

        /// The query with an account typed by its name turned into the code of the one account of
        /// that name (or, failing that, the one whose name holds it) in the organisation's chart.
        func resolved(_ scope: Scope) async throws -> Query {
            guard let typed = typedAccount else { return self }
            let code = scope.code
            let chart = try await scope.session.perform { session in try session.organizations.chart(for: code) }
            switch Input.accountByName(typed, leaves: chart.accounts) {
            case let .found(account):
                var query = self
                query.account = account.code
                query.typedAccount = nil
                return query
            case let .several(names):
                throw DeskError.badField(name: "会计科目", value: "\(typed)（有多个科目：\(names.prefix(5).joined(separator: "、"))；请写科目编码）")
            case .none:
                throw DeskError.badField(name: "会计科目", value: "\(typed)（本单位科目表中没有此名称；请写科目编码）")
            }
        }

        var suffix: String { date?.description ?? month.map { "\(year)-" + ($0 < 10 ? "0" : "") + String($0) } ?? String(year) }
        var text: String {
            "year=\(year)" + (month.map { "&month=\($0)" } ?? "") + (account.map { "&account=\($0)" } ?? "") + (date.map { "&date=\($0)" } ?? "")
        }
    }

    /// One report: its address, its title, how the page shows it and how its workbook is written.
    struct Kind: Sendable {
        let slug: String
        let title: String
        let needsAccount: Bool
        /// nil: the report has no page of its own, only its workbook (序时账 can run to many thousand lines).
        let view: (@Sendable (Session, String, Query) throws -> View)?
        /// nil: the CLI writes no workbook of this report on its own, so neither does the desk.
        /// The workbook's creation time is the desk's clock (or SOURCE_DATE_EPOCH), as the CLI's is now.
        let workbook: (@Sendable (Session, String, Query, String, Date) throws -> Void)?
        /// The day the report is drawn up for, when it is drawn up on a date (the 调节表): its
        /// page asks for a date instead of a year and month.
        var date: (@Sendable (Query) -> LocalDate)? = nil
    }

    static let kinds: [Kind] = [
        Kind(slug: "trial-balance", title: TrialBalance.title, needsAccount: false, view: { session, code, query in
            trialBalanceView(try Reports.trialBalance(session, organization: code, year: query.year, month: query.month))
        }, workbook: { session, code, query, path, created in
            let report = try Reports.trialBalance(session, organization: code, year: query.year, month: query.month)
            try TrialBalanceWorkbook.write(report, to: path, preparedBy: session.user, created: created)
        }),
        Kind(slug: "general-ledger", title: "总账", needsAccount: false, view: { session, code, query in
            ledgerView(try Reports.generalLedger(session, organization: code, year: query.year, month: query.month))
        }, workbook: { session, code, query, path, created in
            try LedgerWorkbook.write(try Reports.generalLedger(session, organization: code, year: query.year, month: query.month), to: path, created: created)
        }),
        Kind(slug: "detail-ledger", title: "明细账", needsAccount: true, view: { session, code, query in
            ledgerView(try Reports.detailLedger(session, organization: code, account: query.account ?? "", year: query.year))
        }, workbook: { session, code, query, path, created in
            try LedgerWorkbook.write(try Reports.detailLedger(session, organization: code, account: query.account ?? "", year: query.year), to: path,
                                     created: created)
        }),
        Kind(slug: "journal", title: "序时账", needsAccount: false, view: nil, workbook: { session, code, query, path, created in
            let from = Period(year: query.year, month: query.month ?? 1)!, to = Period(year: query.year, month: query.month ?? 12)!
            try JournalWorkbook.write(book: session, organization: try session.organizations.organization(code),
                                      chart: try session.organizations.chart(for: code), from: from, to: to, path: path, created: created)
        }),
        Kind(slug: "balance-sheet", title: "资产负债表（工会01表）", needsAccount: false, view: { session, code, query in
            formView(try Reports.balanceSheet(session, organization: code, year: query.year, month: query.month))
        }, workbook: { session, code, query, path, created in
            try FormWorkbook.write(try Reports.balanceSheet(session, organization: code, year: query.year, month: query.month), to: path,
                                   preparedBy: session.user, created: created)
        }),
        Kind(slug: "income-expenditure", title: "收入支出表（工会02表）", needsAccount: false, view: { session, code, query in
            formView(try Reports.incomeExpenditure(session, organization: code, year: query.year, month: query.month))
        }, workbook: { session, code, query, path, created in
            try FormWorkbook.write(try Reports.incomeExpenditure(session, organization: code, year: query.year, month: query.month),
                                   to: path, preparedBy: session.user, created: created)
        }),
    ] + attachedKinds + [
        Kind(slug: "budget-execution", title: BudgetExecution.title, needsAccount: false, view: { session, code, query in
            budgetView(try Reports.budgetExecution(session, organization: code, year: query.year, month: query.month))
        }, workbook: nil),
        Kind(slug: "subsidies", title: SubsidyRegister.title, needsAccount: false, view: { session, code, query in
            subsidyView(try Reports.subsidyRegister(session, grantor: code, year: query.year, asOf: nil))
        }, workbook: { session, code, query, path, _ in
            // FundApp's subsidy workbook takes no creation time: it is made now, as the CLI's.
            try writeSubsidyWorkbook(book: session, grantor: code, year: query.year, asOf: nil, path: path)
        }),
    ] + cashKinds + [reconciliationKind]

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/reports") { request, context in
            let scope = try await routes.organization(context)
            let year = Int(request.query.trimmed("year") ?? "") ?? routes.desk.today.year
            let frame = try await routes.frame(context, organization: scope.organization, current: "reports")
            let data: [String: Any] = ["code": scope.code, "year": String(year), "reports": kinds.map { kind -> [String: Any] in
                var item: [String: Any] = ["slug": kind.slug, "title": kind.title]
                if kind.view != nil { item["has_page"] = true }
                if kind.needsAccount { item["needs_account"] = true }
                if kind.workbook != nil { item["has_workbook"] = true }
                return item
            }]
            return routes.page("reports", title: "账簿报表", frame: frame, data: data)
        }
        for kind in kinds {
            if let view = kind.view {
                routes.get(RouterPath("/orgs/:code/reports/\(kind.slug)")) { request, context in
                    let scope = try await routes.organization(context)
                    let query = try await Query(request.query, today: routes.desk.today, needsAccount: kind.needsAccount).resolved(scope)
                    let code = scope.code
                    let built = try await scope.session.perform { session in try view(session, code, query) }
                    let frame = try await routes.frame(context, organization: scope.organization, current: "reports")
                    var data: [String: Any] = [
                        "code": code, "slug": kind.slug, "report_title": built.title, "subtitle": built.subtitle, "query": query.text,
                        "year": String(query.year), "month": query.month.map(String.init) ?? "", "account": query.account ?? "",
                        "tables": built.tables.map { table -> [String: Any] in
                            var item: [String: Any] = [
                                "headers": table.headers.enumerated().map { header -> [String: Any] in
                                    ["text": header.element, "num": table.numeric.contains(header.offset)]
                                },
                                "rows": table.rows.enumerated().map { row -> [String: Any] in
                                    let cells = row.element.enumerated().map { cell -> [String: Any] in
                                        ["text": cell.element, "num": table.numeric.contains(cell.offset)]
                                    }
                                    return ["strong": table.strong.contains(row.offset), "cells": cells]
                                },
                            ]
                            if let caption = table.caption { item["caption"] = caption }
                            return item
                        },
                        "notes": built.notes.map { ["text": $0] },
                    ]
                    if let date = kind.date {
                        data["has_date"] = true
                        data["date"] = date(query).description
                    } else if kind.needsAccount { data["needs_account"] = true } else if kind.slug != "subsidies" { data["has_month"] = true }
                    if kind.workbook != nil { data["has_workbook"] = true }
                    return routes.page("report", title: built.title, frame: frame, data: data)
                }
            }
            guard let workbook = kind.workbook else { continue }
            routes.get(RouterPath("/orgs/:code/reports/\(kind.slug).xlsx")) { request, context in
                let scope = try await routes.organization(context)
                let query = try await Query(request.query, today: routes.desk.today, needsAccount: kind.needsAccount).resolved(scope)
                let code = scope.code
                let name = "\(kind.title.prefix { $0 != "（" })\(query.account.map { "-" + $0 } ?? "")-\(code)-\(query.suffix).xlsx"
                let created = routes.desk.workbookTime
                let bytes = try await scope.session.perform { session in try workbookBytes { path in try workbook(session, code, query, path, created) } }
                return xlsx(bytes, name: name)
            }
        }
    }

    /// Writes a workbook into a fresh private folder, reads it back and removes the folder.
    static func workbookBytes(_ write: (String) throws -> Void) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fundledger-desk-" + Tokens.random())
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.xlsx").path
        try write(path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// A workbook download named `name` (RFC 5987 for the Chinese name).
    static func xlsx(_ bytes: Data, name: String) -> Response {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? "report.xlsx"
        return Response(status: .ok, headers: [
            .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            HTTPField.Name("Content-Disposition")!: "attachment; filename=\"report.xlsx\"; filename*=UTF-8''\(encoded)",
        ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func trialBalanceView(_ report: TrialBalance) -> View {
        var rows = report.rows.map { row in
            [row.code, String(repeating: "　", count: row.level - 1) + row.name] + row.amounts.map { Render.amount($0) }
        }
        rows.append(["", report.totals.name] + report.totals.amounts.map { Render.amount($0, blankZero: false) })
        return View(title: TrialBalance.title, subtitle: "\(report.organization.name) · \(report.periodText) · 单位：元",
                    tables: [View.Table(headers: TrialBalance.headers, rows: rows, strong: [rows.count - 1], numeric: Set(2...7))])
    }

    static func ledgerView(_ ledger: Ledger) -> View {
        let tables = ledger.sections.map { section in
            View.Table(caption: "\(section.code) \(section.name)", headers: Ledger.headers, rows: section.rows.map { row in
                [row.date, row.voucher, row.summary, row.debitFen.map { Render.amount($0) } ?? "", row.creditFen.map { Render.amount($0) } ?? "",
                 row.direction, row.balanceFen == .min ? "—" : Render.amount(abs(row.balanceFen), blankZero: false)]
            }, strong: Set(section.rows.enumerated().filter { $0.element.kind == .monthTotal || $0.element.kind == .yearTotal }.map(\.offset)),
            numeric: [3, 4, 6])
        }
        return View(title: ledger.title, subtitle: "\(ledger.organization.name) · \(ledger.year)年 · 单位：元", tables: tables,
                    notes: tables.isEmpty ? ["该期间没有发生额。"] : [])
    }

    static func formView(_ form: Form) -> View {
        let columns = form.valueColumns.count
        var tables: [View.Table] = []
        for (index, panel) in form.panels.enumerated() {
            let caption: String? = index < form.panelTitles.count ? form.panelTitles[index] : nil
            var rows: [[String]] = []
            var strong: Set<Int> = []
            for (offset, row) in panel.enumerated() {
                let label = String(repeating: "　", count: row.indent) + row.label
                let values: [String] = row.values.map { value in value.map { Render.amount($0, blankZero: false) } ?? "" }
                rows.append([label] + values)
                if row.kind == .total || row.kind == .heading { strong.insert(offset) }
            }
            tables.append(View.Table(caption: caption, headers: ["项目"] + form.valueColumns, rows: rows, strong: strong,
                                     numeric: Set(1..<(1 + columns))))
        }
        let notes: [String] = form.notes + [form.signatureLine] + form.failedChecks.map { "校验未通过：" + $0 }
        return View(title: "\(form.title)（\(form.number)）", subtitle: "\(form.organization.name) · \(form.periodText) · 单位：元",
                    tables: tables, notes: notes)
    }

    static func budgetView(_ report: BudgetExecution) -> View {
        func cells(_ row: BudgetExecution.Row) -> [String] {
            [row.key.account, row.name, Money(fen: row.original).grouped, Money(fen: row.adjusted).grouped, Money(fen: row.month).grouped,
             Money(fen: row.yearToDate).grouped, Money(fen: row.remaining).grouped, BudgetExecution.rateText(row), row.overrun ? "超支" : ""]
        }
        let ordered = report.incomeRows + [report.incomeTotal] + report.expenditureRows + [report.expenditureTotal]
        let totals: Set<Int> = [report.incomeRows.count, ordered.count - 1]
        return View(title: BudgetExecution.title,
                    subtitle: "\(report.organization.name) · \(report.year)年1月至\(report.month)月 · 预算\(report.status.chinese)，调整\(report.adjustments)次 · 单位：元",
                    tables: [View.Table(headers: BudgetExecution.headers, rows: ordered.map(cells), strong: totals, numeric: Set(2...7))])
    }

    static func subsidyView(_ register: SubsidyRegister) -> View {
        let rows = register.rows.map { row -> [String] in
            let f = row.figures
            return [row.item.code, row.item.title, row.item.recipient, row.item.accounts.joined(separator: " "), row.item.approved.grouped,
                    Money(fen: f.disbursed).grouped, Money(fen: f.spent).grouped, Money(fen: f.returned).grouped, Money(fen: f.balance).grouped,
                    "\(row.item.windowStart)至\(row.item.deadline)", row.item.status.chinese, row.flags.joined(separator: "；")]
        }
        return View(title: SubsidyRegister.title, subtitle: "\(register.grantor.name) · 截至\(register.asOf) · 单位：元",
                    tables: [View.Table(headers: SubsidyRegister.headers, rows: rows, numeric: Set(4...8))],
                    notes: rows.isEmpty ? ["本单位没有拨出的项目补贴。"] : [])
    }

    static let index = """
        {{> head}}
        <h1>账簿报表</h1>
        <form class="filters" method="get" action="/orgs/{{code}}/reports"><label>年度 <input name="year" value="{{year}}" size="5"></label><button type="submit">确定</button></form>
        <table class="grid narrow">
          <thead><tr><th>账簿或报表</th><th>查看</th><th>导出Excel</th></tr></thead>
          <tbody>
          {{#reports}}
          <tr><td>{{title}}</td>
            <td>{{#has_page}}{{^needs_account}}<a href="/orgs/{{code}}/reports/{{slug}}?year={{year}}">查看</a>{{/needs_account}}{{#needs_account}}
              <form method="get" action="/orgs/{{code}}/reports/{{slug}}" class="inline"><input type="hidden" name="year" value="{{year}}"><input name="account" size="8" placeholder="科目编码" required> <button type="submit" class="small">查看</button></form>{{/needs_account}}{{/has_page}}</td>
            <td>{{#has_workbook}}{{^needs_account}}<a href="/orgs/{{code}}/reports/{{slug}}.xlsx?year={{year}}">导出Excel</a>{{/needs_account}}{{/has_workbook}}</td></tr>
          {{/reports}}
          </tbody>
        </table>
        {{> foot}}
        """

    static let report = """
        {{> head}}
        <h1>{{report_title}}</h1>
        <p class="meta">{{subtitle}}</p>
        <form class="filters" method="get" action="/orgs/{{code}}/reports/{{slug}}">
          {{^has_date}}<label>年度 <input name="year" value="{{year}}" size="5"></label>{{/has_date}}
          {{#has_date}}<input type="hidden" name="account" value="{{account}}"><label>日期 <input name="date" value="{{date}}" size="11" placeholder="如 2026-05-31"></label>{{/has_date}}
          {{#has_month}}<label>月份 <input name="month" value="{{month}}" size="3" placeholder="全年"></label>{{/has_month}}
          {{#needs_account}}<label>科目 <input name="account" value="{{account}}" size="8"></label>{{/needs_account}}
          <button type="submit">查询</button>
          {{#has_workbook}}<a class="button secondary" href="/orgs/{{code}}/reports/{{slug}}.xlsx?{{query}}">导出Excel</a>{{/has_workbook}}
        </form>
        {{#notes}}<p class="hint">{{text}}</p>{{/notes}}
        {{#tables}}
        <table class="grid report">
          {{#caption}}<caption>{{caption}}</caption>{{/caption}}
          <thead><tr>{{#headers}}<th{{#num}} class="num"{{/num}}>{{text}}</th>{{/headers}}</tr></thead>
          <tbody>{{#rows}}<tr{{#strong}} class="strong"{{/strong}}>{{#cells}}<td{{#num}} class="num"{{/num}}>{{text}}</td>{{/cells}}</tr>{{/rows}}</tbody>
        </table>
        {{/tables}}
        {{> foot}}
        """
}
