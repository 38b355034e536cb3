import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import Hummingbird

/// 预算 (`/orgs/{CODE}/budgets?year=2026&version=N`): an organisation's budget for a year, as
/// approved (version 0) or after each numbered adjustment, with what was spent or received
/// against each line so far (预算执行). The officer imports a draft from the CSV file the CLI's
/// `budget import` reads (picked from disk or pasted; the columns 单位,年度,科目编码,支出类型,项目,
/// 往来单位,金额,说明), approves it under its document number (批复), and adjusts an approved
/// budget by a numbered adjustment (预算调整) with its document, date, reason and changes.
enum BudgetPage: DeskPage {
    static let templates = ["budgets": page]
    static let menu = [MenuItem(title: "预算", path: "budgets", order: 35)]

    /// A budget CSV pasted into the page is at most this long (a budget has a few hundred lines).
    static let maximumCSVBytes = 256 * 1024

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/budgets") { request, context in
            let scope = try await routes.organization(context)
            let year = try AuditPage.year(request.query["year"], routes)
            let versionText = request.query.trimmed("version")
            let version = try versionText.map { text -> Int in
                guard let version = Int(text), version >= 0 else { throw DeskError.badField(name: "版本", value: text) }
                return version
            }
            return try await render(routes, context, scope, year: year, version: version, message: nil, error: nil, status: .ok)
        }
        routes.post("/orgs/:code/budgets/import") { _, context in
            let scope = try await routes.organization(context)
            let form = context.form, code = scope.code
            let year = try AuditPage.year(form["year"], routes)
            let csv = form["csv"] ?? ""
            guard !csv.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, csv.utf8.count <= maximumCSVBytes else {
                return try await render(routes, context, scope, year: year, version: nil, message: nil,
                                        error: "请选择或粘贴预算CSV文件的内容（不超过256KB）。", status: .unprocessableContent)
            }
            do {
                let imported = try await scope.session.perform { session in try Self.importCSV(csv, session: session) }
                let text = imported.map { "\($0.organization) \($0.year)年 \($0.lines)行" }.joined(separator: "、")
                return try await render(routes, context, scope, year: imported.first(where: { $0.organization == code })?.year ?? year, version: nil,
                                        message: "预算草案已导入：\(text)。请核对后批复。", error: nil, status: .ok)
            } catch let error as InputErrors {
                let text = error.errors.map { "第\($0.line)行\($0.column.map { "（\($0)）" } ?? "")：\($0.message)" }.joined(separator: "；")
                return try await render(routes, context, scope, year: year, version: nil, message: nil, error: "导入失败，未保存任何内容。" + text,
                                        status: .unprocessableContent)
            } catch let error as BookError {
                return try await render(routes, context, scope, year: year, version: nil, message: nil, error: error.deskText, status: error.category.status)
            }
        }
        routes.post("/orgs/:code/budgets/approve") { _, context in
            let scope = try await routes.organization(context)
            let form = context.form, code = scope.code
            let year = try AuditPage.year(form["year"], routes)
            do {
                try await scope.session.perform { session in
                    try session.budgets.approveBudget(organization: code, year: year, document: form.trimmed("document") ?? "")
                }
                return try await render(routes, context, scope, year: year, version: nil, message: "\(year)年预算已批复。", error: nil, status: .ok)
            } catch let error as BookError {
                return try await render(routes, context, scope, year: year, version: nil, message: nil, error: error.deskText, status: error.category.status)
            }
        }
        routes.post("/orgs/:code/budgets/adjust") { _, context in
            let scope = try await routes.organization(context)
            let form = context.form, code = scope.code
            let year = try AuditPage.year(form["year"], routes)
            let changes: [BudgetKey: Money]
            switch Self.parseChanges(form["changes"] ?? "") {
            case let .success(parsed): changes = parsed
            case let .failure(problem):
                return try await render(routes, context, scope, year: year, version: nil, message: nil, error: problem.text, status: .unprocessableContent)
            }
            let date = try SubsidyPage.date(form, "date", default: routes.desk.today)
            do {
                let number = try await scope.session.perform { session in
                    try session.budgets.adjustBudget(organization: code, year: year, document: form.trimmed("document") ?? "", date: date,
                                                     reason: form.trimmed("reason") ?? "", changes: changes)
                }
                return try await render(routes, context, scope, year: year, version: nil, message: "已记录第\(number)次预算调整。", error: nil, status: .ok)
            } catch let error as BookError {
                return try await render(routes, context, scope, year: year, version: nil, message: nil, error: error.deskText, status: error.category.status)
            }
        }
    }

    /// Imports the CSV through a private temporary file, the path the store's import reads.
    static func importCSV(_ csv: String, session: Session) throws -> [(organization: String, year: Int, lines: Int)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fundledger-desk-" + Tokens.random())
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("预算.csv").path
        guard FileManager.default.createFile(atPath: path, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return try session.budgets.importBudgets(path: path)
    }

    /// A line of the changes that cannot be read.
    struct ChangeProblem: Error {
        let text: String
    }

    /// The changes of an adjustment, one a line: `ACCOUNT[/basic|project][/PROJECT][/COUNTERPART] AMOUNT`,
    /// as the CLI's `budget adjust --change` takes them (基本支出/项目支出 are read too).
    static func parseChanges(_ text: String) -> Result<[BudgetKey: Money], ChangeProblem> {
        var changes: [BudgetKey: Money] = [:]
        for (index, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard parts.count == 2 else { return .failure(ChangeProblem(text: "调整第\(index + 1)行“\(line)”：请写“科目[/支出类型][/项目][/往来单位] 金额”。")) }
            let fields = parts[0].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard AccountCode.isWellFormed(fields[0]) else { return .failure(ChangeProblem(text: "调整第\(index + 1)行：“\(fields[0])”不是科目编码。")) }
            var type: ExpenseType?
            if fields.count > 1, !fields[1].isEmpty {
                guard let parsed = ExpenseType(text: fields[1]) else { return .failure(ChangeProblem(text: "调整第\(index + 1)行：“\(fields[1])”不是基本支出或项目支出。")) }
                type = parsed
            }
            let key = BudgetKey(account: fields[0], expenseType: type, project: fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil,
                                counterpart: fields.count > 3 && !fields[3].isEmpty ? fields[3] : nil)
            let amountText = parts[1].filter { !",，".contains($0) }
            guard let amount = try? Money(parsing: amountText) else { return .failure(ChangeProblem(text: "调整第\(index + 1)行：“\(parts[1])”不是金额。")) }
            changes[key] = amount
        }
        if changes.isEmpty { return .failure(ChangeProblem(text: "请至少填写一行调整。")) }
        return .success(changes)
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, year: Int, version: Int?, message: String?, error: String?,
                       status: HTTPResponse.Status) async throws -> Response {
        let code = scope.code
        let (budget, shown, execution, chart) = try await scope.session.perform { session -> (Budget?, Budget?, BudgetExecution?, Chart) in
            let latest = try session.budgets.budget(organization: code, year: year)
            let shown = version == nil ? latest : try session.budgets.budget(organization: code, year: year, version: version)
            let execution = latest == nil ? nil : try Reports.budgetExecution(session, organization: code, year: year, month: nil)
            return (latest, shown, execution, try session.organizations.chart(for: code))
        }
        let frame = try await routes.frame(context, organization: scope.organization, current: "budgets")
        var actual: [BudgetKey: Int64] = [:]
        for row in execution?.rows ?? [] { actual[row.key] = row.yearToDate }
        var data: [String: Any] = [
            "code": code, "year": String(year), "previous": String(year - 1), "next": String(year + 1), "today": routes.desk.today.description,
        ]
        if let budget, let shown {
            var shownBudget: [String: Any] = [
                "status": budget.status.chinese, "approved": budget.status == .approved,
                "adjustment_count": String(budget.adjustments.count), "has_adjustments": !budget.adjustments.isEmpty,
                "lines": shown.lines.map { line -> [String: Any] in
                    let spent = actual[line.key] ?? 0
                    return ["account": line.key.account, "name": chart.fullName(line.key.account) ?? "", "type": line.key.expenseType?.chinese ?? "",
                            "project": line.key.project ?? "", "counterpart": line.key.counterpart ?? "", "original": line.original.grouped,
                            "adjusted": line.adjusted.grouped, "actual": Money(fen: spent).grouped,
                            "remaining": Money(fen: line.adjusted.fen &- spent).grouped, "note": line.note,
                            "over": !line.key.isIncome && spent > line.adjusted.fen]
                },
                "adjustments": budget.adjustments.map { adjustment -> [String: Any] in
                    ["number": String(adjustment.number), "document": adjustment.document, "date": adjustment.date.description, "reason": adjustment.reason,
                     "changes": adjustment.changes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.fen > 0 ? "+" : "")\($0.value.grouped)" }.joined(separator: "；")]
                },
                "versions": ([["value": "", "label": "最新", "selected": version == nil]] as [[String: Any]])
                    + (budget.status == .approved ? (0...budget.adjustments.count).map { number -> [String: Any] in
                        ["value": String(number), "label": number == 0 ? "批复时" : "第\(number)次调整后", "selected": version == number]
                    } : []),
            ]
            // A section shows for any string, even an empty one: the document is set only when there is one.
            if let document = budget.document, !document.isEmpty { shownBudget["document"] = document }
            data["budget"] = shownBudget
            if budget.status == .draft, scope.mayWrite { data["may_approve"] = true }
            if budget.status == .approved, scope.mayWrite { data["may_adjust"] = true }
        } else {
            data["no_budget"] = true
        }
        if scope.mayWrite, budget?.status != .approved { data["may_import"] = true }
        data["csv_example"] = "单位,年度,科目编码,支出类型,项目,往来单位,金额,说明\n\(code),\(year),50101,基本支出,,,12000.00,会员活动"
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        return routes.page("budgets", title: "预算", frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        <h1>预算 · {{year}}年</h1>
        <p class="meta"><a href="/orgs/{{code}}/budgets?year={{previous}}">上一年</a> · <a href="/orgs/{{code}}/budgets?year={{next}}">下一年</a></p>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#no_budget}}<p class="empty">{{year}}年尚无预算。</p>{{/no_budget}}
        {{#budget}}
        <p class="meta">状态 <strong>{{status}}</strong>{{#document}} · 批复文号 {{document}}{{/document}} · 调整 {{adjustment_count}} 次</p>
        <form class="filters" method="get" action="/orgs/{{code}}/budgets">
          <input type="hidden" name="year" value="{{year}}">
          <label>版本 <select name="version" class="auto-submit">{{#versions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/versions}}</select></label>
          <button type="submit" class="small">查看</button>
        </form>
        <table class="grid budget">
          <thead><tr><th>科目编码</th><th>科目名称</th><th>支出类型</th><th>项目</th><th>往来单位</th><th class="num">年初预算</th><th class="num">调整后预算</th><th class="num">累计执行</th><th class="num">预算余额</th><th>说明</th></tr></thead>
          <tbody>
          {{#lines}}<tr{{#over}} class="over"{{/over}}><td>{{account}}</td><td>{{name}}</td><td>{{type}}</td><td>{{project}}</td><td>{{counterpart}}</td>
            <td class="num">{{original}}</td><td class="num">{{adjusted}}</td><td class="num">{{actual}}</td><td class="num">{{remaining}}</td><td>{{note}}</td></tr>{{/lines}}
          </tbody>
        </table>
        {{#has_adjustments}}<h2>预算调整记录</h2>{{/has_adjustments}}
        {{#adjustments}}<p class="meta">第{{number}}次 · {{date}} · {{document}} · {{reason}}：{{changes}}</p>{{/adjustments}}
        {{/budget}}
        {{#may_approve}}
        <form method="post" action="/orgs/{{code}}/budgets/approve" class="toolbar">
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="year" value="{{year}}">
          <label>批复文号 <input name="document" size="20" required></label> <button type="submit">批复预算</button>
        </form>
        {{/may_approve}}
        {{#may_adjust}}
        <h2>预算调整</h2>
        <form method="post" action="/orgs/{{code}}/budgets/adjust" class="stack">
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="year" value="{{year}}">
          <div class="toolbar"><label>调整文号 <input name="document" size="20" required></label>
          <label>日期 <input name="date" class="date" size="11" placeholder="如 2026-05-03" autocomplete="off" value="{{today}}" required></label>
          <label>原因 <input name="reason" size="30" required></label></div>
          <label for="budget-changes">调整明细</label>
          <p class="hint">每行一项：科目[/支出类型][/项目][/往来单位]、空格、增减金额，例如“50101/基本支出 -2,000.00”；预算中没有的行将被增加。</p>
          <textarea name="changes" id="budget-changes" rows="3" cols="60" required></textarea>
          <button type="submit">记录调整</button>
        </form>
        {{/may_adjust}}
        {{#may_import}}
        <h2>导入预算草案</h2>
        <form method="post" action="/orgs/{{code}}/budgets/import" class="stack">
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="year" value="{{year}}">
          <label>选择CSV文件 <input type="file" accept=".csv,text/csv" class="csv-file" data-target="budget-csv"></label>
          <label>或粘贴CSV内容（UTF-8，首行为列名；再次导入将替换未批复的草案）
            <textarea name="csv" id="budget-csv" rows="6" cols="80" placeholder="{{csv_example}}"></textarea></label>
          <button type="submit">导入草案</button>
        </form>
        {{/may_import}}
        {{> foot}}
        """
}
