import FundCore
import FundStore
import Hummingbird

/// 凭证录入 (`/orgs/{CODE}/vouchers/new`): a grid of 摘要 | 会计科目 | 借方金额 | 贷方金额 saved as a
/// draft (未审核). A plain form: without JavaScript it posts as it is; desk.js adds the running
/// totals, 金额大写, Enter to move on and `=` to fill the balancing amount. A refusal is shown
/// beside the line it concerns and nothing is saved. Each line may carry the dimensions the
/// book asks of some accounts (项目, 往来单位, 支出类型, 资金来源); 40401 财政拨款收入 is offered
/// once per part of 基本支出 ("40401 财政拨款收入 人员经费"), so that the class the book requires on
/// it is chosen with the account. A draft not yet posted is changed on the same grid
/// (`/orgs/{CODE}/vouchers/{id}/edit`).
enum VoucherEntryPage: DeskPage {
    static let templates = ["voucher-entry": entry]
    static let menu = [MenuItem(title: "凭证录入", path: "vouchers/new", order: 10, needsWrite: true)]

    /// Lines the empty grid offers (desk.js adds more; a longer voucher posts as many as sent).
    static let blankRows = 6

    /// One line of the grid as typed, with its problem.
    struct Row: Sendable {
        var summary = "", account = "", debit = "", credit = ""
        /// The line's dimensions as typed: 项目, 往来单位 (a code, maybe with its name), 支出类型, 资金来源.
        var project = "", counterpart = "", expense = "", source = ""
        var error: String?
        /// A line without account and amounts is no line (a 摘要 carried down into an unused row).
        var isBlank: Bool { account.isEmpty && debit.isEmpty && credit.isEmpty }
    }

    /// The form as typed.
    struct Entry: Sendable {
        var date: String
        var attachments: String
        var rows: [Row]
        var errors: [String] = []
        /// The draft being changed, when the grid edits one.
        var editing: Int64? = nil
    }

    /// The grid filled with a draft's lines, to change it.
    static func entry(of voucher: Voucher, chart: Chart) -> Entry {
        let rows = voucher.draft.lines.map { line -> Row in
            let amount = line.amount.grouped, dimensions = line.dimensions
            let shown = line.accountCode + (chart.account(line.accountCode).map { " " + $0.name } ?? "")
                + (dimensions.basicClass.map { " " + $0.chinese } ?? "")
            return Row(summary: line.summary, account: shown,
                       debit: line.side == .debit ? amount : "", credit: line.side == .credit ? amount : "",
                       project: dimensions.project ?? "", counterpart: dimensions.counterpart ?? "",
                       expense: dimensions.expenseType?.chinese ?? "", source: dimensions.fundSource?.chinese ?? "")
        }
        return Entry(date: voucher.draft.date.description, attachments: String(voucher.draft.attachments), rows: rows, editing: voucher.id)
    }

    /// Whether the grid can change `voucher` without losing what it holds: a draft or reviewed
    /// voucher of the ordinary kind, no red ink, and no line with a 经济分类 (which the grid does
    /// not show).
    static func isEditable(_ voucher: Voucher) -> Bool {
        voucher.status != .posted && voucher.draft.kind == .entry && voucher.draft.reverses == nil
            && voucher.draft.lines.allSatisfy { $0.dimensions.economicClass == nil }
    }

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/vouchers/new") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            // Today, unless today's month is closed: then the first day of the first open month.
            let code = scope.code, today = routes.desk.today
            let latestClosed = try await scope.session.perform { session in try session.periods.closedPeriods(organization: code).max() }
            let date = latestClosed.map { today.period > $0 ? today : $0.next.firstDay } ?? today
            let entry = Entry(date: date.description, attachments: "0", rows: Array(repeating: Row(), count: blankRows))
            return try await render(routes, context, scope, entry, status: .ok)
        }
        routes.post("/orgs/:code/vouchers/new") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            return try await save(routes, context, scope, entry: read(context.form), replacing: nil)
        }
        routes.get("/orgs/:code/vouchers/:id/edit") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            let id = try Input.voucherID(context), code = scope.code
            let (voucher, chart) = try await scope.session.perform { session in
                (try session.vouchers.voucher(organization: code, reference: "#\(id)"), try session.organizations.chart(for: code))
            }
            guard isEditable(voucher) else { return HTML.redirect("/orgs/\(code)/vouchers/\(id)") }
            return try await render(routes, context, scope, entry(of: voucher, chart: chart), status: .ok)
        }
        routes.post("/orgs/:code/vouchers/:id/edit") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            let id = try Input.voucherID(context), code = scope.code
            let voucher = try await scope.session.perform { session in try session.vouchers.voucher(organization: code, reference: "#\(id)") }
            guard isEditable(voucher) else { return HTML.redirect("/orgs/\(code)/vouchers/\(id)") }
            var entry = read(context.form)
            entry.editing = id
            return try await save(routes, context, scope, entry: entry, replacing: id)
        }
    }

    /// Saves the grid as a new draft, or in place of the draft `replacing`, or shows it again
    /// with each refusal beside its line.
    static func save(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, entry typed: Entry, replacing: Int64?) async throws -> Response {
        var entry = typed
        let code = scope.code
        // The chart is read only when an account was typed by name; codes need no lookup here.
        let byName = entry.rows.contains { !$0.account.isEmpty && Input.accountCode($0.account).isEmpty }
        let leaves = !byName ? [] : try await scope.session.perform { session -> [Account] in
            let chart = try session.organizations.chart(for: code)
            return chart.accounts.filter { chart.isLeaf($0.code) }
        }
        guard let (voucherDraft, rowOfLine) = makeDraft(&entry, organization: code, preparer: scope.session.user, leaves: leaves) else {
            return try await render(routes, context, scope, entry, status: .unprocessableContent)
        }
        do {
            let saved = try await scope.session.perform { session in
                if let replacing { return try session.vouchers.replaceDraft(id: replacing, with: voucherDraft) }
                return try session.vouchers.addVoucher(voucherDraft)
            }
            return HTML.redirect("/orgs/\(code)/vouchers/\(saved.id)")
        } catch let error as BookError {
            if case let .voucherProblems(_, problems) = error {
                for problem in problems {
                    if let line = problem.lineIndex, line < rowOfLine.count {
                        let row = rowOfLine[line]
                        entry.rows[row].error = [entry.rows[row].error, problem.deskText].compactMap { $0 }.joined(separator: "；")
                    } else {
                        entry.errors.append(problem.deskText)
                    }
                }
            } else {
                entry.errors.append(error.deskText)
            }
            return try await render(routes, context, scope, entry, status: .unprocessableContent)
        }
    }

    /// The grid's fields: each line sends summary, account, debit and credit, in that order.
    static func read(_ form: FormData) -> Entry {
        let summaries = form.all("summary"), accounts = form.all("account"), debits = form.all("debit"), credits = form.all("credit")
        let projects = form.all("project"), counterparts = form.all("counterpart"), expenses = form.all("expense"), sources = form.all("source")
        let count = min(max(summaries.count, accounts.count, debits.count, credits.count), Limits.linesPerVoucher + 50)
        func field(_ values: [String], _ index: Int) -> String { index < values.count ? values[index].trimmingCharacters(in: .whitespaces) : "" }
        let rows = (0..<count).map { index in
            Row(summary: field(summaries, index), account: field(accounts, index), debit: field(debits, index), credit: field(credits, index),
                project: field(projects, index), counterpart: field(counterparts, index), expense: field(expenses, index), source: field(sources, index))
        }
        return Entry(date: form.trimmed("date") ?? "", attachments: form.trimmed("attachments") ?? "0", rows: rows)
    }

    /// The draft the grid describes, with the grid row of each of its lines; nil (and the
    /// problems written into `entry`) when a field cannot be read.
    static func makeDraft(_ entry: inout Entry, organization: String, preparer: String, leaves: [Account]) -> (VoucherDraft, [Int])? {
        var lines: [VoucherLine] = [], rowOfLine: [Int] = []
        var lastSummary = ""
        for index in entry.rows.indices where !entry.rows[index].isBlank {
            let row = entry.rows[index]
            // An empty 摘要 repeats the one above, as the paper form's ditto marks do.
            let summary = row.summary.isEmpty ? lastSummary : row.summary
            lastSummary = summary
            var problems: [String] = []
            var code = Input.accountCode(row.account)
            if code.isEmpty, !row.account.isEmpty {
                switch Input.accountByName(row.account, leaves: leaves) {
                case let .found(account): code = account.code; entry.rows[index].account = account.code + " " + account.name
                case let .several(names): problems.append("会计科目“\(row.account)”对应多个末级科目（\(names.prefix(5).joined(separator: "、"))）；请写编码或从列表中选择")
                case .none: problems.append("没有名为“\(row.account)”的末级会计科目；请写编码或从列表中选择")
                }
            }
            if code.isEmpty, row.account.isEmpty { problems.append("请填写会计科目") }
            var dimensions = Dimensions.none
            if !row.project.isEmpty { dimensions.project = row.project }
            if !row.counterpart.isEmpty { dimensions.counterpart = String(row.counterpart.prefix { !$0.isWhitespace }) }
            if !row.expense.isEmpty {
                if let type = ExpenseType(text: row.expense) { dimensions.expenseType = type } else { problems.append("支出类型“\(row.expense)”应为 基本支出 或 项目支出") }
            }
            if !row.source.isEmpty {
                if let source = FundSource(text: row.source) { dimensions.fundSource = source } else { problems.append("资金来源“\(row.source)”应为 工会资金 或 财政拨款") }
            }
            var side: Side?, amount: Money?
            switch (row.debit.isEmpty, row.credit.isEmpty) {
            case (false, false): problems.append("一行只能填借方或贷方金额之一")
            case (true, true): problems.append("请填写借方或贷方金额")
            case (false, true), (true, false):
                side = row.debit.isEmpty ? .credit : .debit
                switch Input.parsedAmount(row.debit.isEmpty ? row.credit : row.debit) {
                case let .success(money): amount = money
                case let .failure(error): problems.append("金额无法识别：\(error.chinese)")
                }
            }
            if !problems.isEmpty { entry.rows[index].error = problems.joined(separator: "；"); continue }
            if let side, let amount {
                var line = VoucherLine(accountCode: code, side: side, amount: amount, summary: summary, dimensions: dimensions)
                // "40401 财政拨款收入 人员经费" chooses the part of 基本支出 with the account.
                if let basicClass = BasicClass.allCases.first(where: { row.account.contains($0.chinese) }) {
                    line.dimensions.basicClass = basicClass
                    line.dimensions.expenseType = .basic
                }
                lines.append(line)
                rowOfLine.append(index)
            }
        }
        guard let date = Input.date(entry.date) else { entry.errors.append("日期“\(entry.date)”无法识别；\(Input.dateHint)"); return nil }
        guard let attachments = Int(entry.attachments), attachments >= 0 else {
            entry.errors.append("附单据张数“\(entry.attachments)”应为 0 或正整数"); return nil
        }
        guard entry.rows.allSatisfy({ $0.error == nil }) else { return nil }
        let summary = lines.first?.summary ?? ""
        return (VoucherDraft(organization: organization, date: date, summary: summary, attachments: attachments, preparer: preparer, lines: lines), rowOfLine)
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, _ entry: Entry, status: HTTPResponse.Status) async throws -> Response {
        let code = scope.code
        // The leaf accounts, the organisations a transfer may name (the parent and the children)
        // and the subsidy items the organisation granted or received, for the grid's lists.
        let (leaves, counterparts, projects) = try await scope.session.perform { session -> ([Account], [Organization], [SubsidyItem]) in
            let chart = try session.organizations.chart(for: code)
            let organization = try session.organizations.organization(code)
            let near = try session.organizations.organizations().filter { $0.parentCode == code || $0.code == organization.parentCode }
            let items = try session.subsidies.subsidies(organization: code, asRecipient: true) + session.subsidies.subsidies(organization: code)
            return (chart.accounts.filter { chart.isLeaf($0.code) }, near, items.map(\.0))
        }
        let frame = try await routes.frame(context, organization: scope.organization, current: entry.editing == nil ? "vouchers/new" : "vouchers")
        var rows = entry.rows
        while rows.count < blankRows { rows.append(Row()) }
        // The totals of what could be read, as the page shows them before desk.js takes over.
        var debit: Int64 = 0, credit: Int64 = 0, overflow = false
        for row in rows {
            if let money = try? Input.amount(row.debit) { let (sum, o) = debit.addingReportingOverflow(money.fen); debit = sum; overflow = overflow || o }
            if let money = try? Input.amount(row.credit) { let (sum, o) = credit.addingReportingOverflow(money.fen); credit = sum; overflow = overflow || o }
        }
        let (difference, o) = debit.subtractingReportingOverflow(credit)
        var data: [String: Any] = [
            "code": code, "date": entry.date, "attachments": entry.attachments,
            "rows": rows.map { row -> [String: Any] in
                var item: [String: Any] = ["summary": row.summary, "account": row.account, "debit": row.debit, "credit": row.credit,
                                           "project": row.project, "counterpart": row.counterpart,
                                           "expenses": choices(["基本支出", "项目支出"], row.expense), "sources": choices(["工会资金", "财政拨款"], row.source)]
                if let error = row.error { item["error"] = error }
                return item
            },
            "accounts": leaves.flatMap { account -> [[String: String]] in
                guard account.code.hasPrefix("40401") else { return [["code": account.code, "name": account.name]] }
                return BasicClass.allCases.map { ["code": account.code, "name": account.name + " " + $0.chinese] }
            },
            "counterparts": counterparts.map { ["code": $0.code, "name": $0.name] },
            "projects": Dictionary(projects.map { ($0.code, $0.title) }, uniquingKeysWith: { first, _ in first }).sorted { $0.key < $1.key }
                .map { ["code": $0.key, "title": $0.value] },
            "action": entry.editing.map { "/orgs/\(code)/vouchers/\($0)/edit" } ?? "/orgs/\(code)/vouchers/new",
            "heading": entry.editing == nil ? "记账凭证" : "修改凭证",
            "debit_total": overflow ? "—" : Money(fen: debit).grouped, "credit_total": overflow ? "—" : Money(fen: credit).grouped,
            "difference": overflow || o ? "—" : Money(fen: difference).grouped,
            "capitals": overflow ? "" : ChineseAmount.capitals(Money(fen: debit)),
        ]
        if difference != 0 || overflow || o { data["unbalanced"] = true }
        if !entry.errors.isEmpty { data["errors"] = entry.errors.map { ["text": $0] } }
        if let editing = entry.editing { data["editing"] = String(editing) }
        return routes.page("voucher-entry", title: entry.editing == nil ? "凭证录入" : "修改凭证", frame: frame, data: data, status: status)
    }

    /// A select's options with the one typed marked (an empty first option: no value).
    static func choices(_ values: [String], _ typed: String) -> [[String: Any]] {
        values.map { value -> [String: Any] in
            var option: [String: Any] = ["value": value]
            if value == typed || ExpenseType(text: typed)?.chinese == value || FundSource(text: typed)?.chinese == value { option["selected"] = true }
            return option
        }
    }

    static let entry = """
        {{> head}}
        <form method="post" action="{{action}}" id="voucher-entry" class="entry">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="entry-head">
            <h1>{{heading}}</h1>
            <label>日期 <input name="date" class="date" size="11" placeholder="如 2026-05-03" autocomplete="off" value="{{date}}" required></label>
            <label>附单据 <input name="attachments" value="{{attachments}}" size="3" inputmode="numeric"> 张</label>
          </div>
          {{#errors}}<p class="error" role="alert">{{text}}</p>{{/errors}}
          <table class="grid voucher-grid">
            <thead><tr><th class="w-summary">摘要</th><th class="w-account">会计科目</th><th class="w-amount">借方金额</th><th class="w-amount">贷方金额</th>
              <th class="w-dim" title="专项资金、补贴项目的项目编码">项目</th><th class="w-dim" title="上下级往来的对方单位">往来单位</th><th class="w-choice">支出类型</th><th class="w-choice">资金来源</th></tr></thead>
            <tbody id="lines">
            {{#rows}}
              <tr class="line{{#error}} has-error{{/error}}">
                <td><input name="summary" value="{{summary}}" class="summary" aria-label="摘要"></td>
                <td><input name="account" value="{{account}}" list="accounts" class="account" autocomplete="off" aria-label="会计科目"></td>
                <td><input name="debit" value="{{debit}}" class="amount debit" inputmode="decimal" aria-label="借方金额"></td>
                <td><input name="credit" value="{{credit}}" class="amount credit" inputmode="decimal" aria-label="贷方金额"></td>
                <td><input name="project" value="{{project}}" list="projects" class="dim" autocomplete="off" aria-label="项目"></td>
                <td><input name="counterpart" value="{{counterpart}}" list="counterparts" class="dim" autocomplete="off" aria-label="往来单位"></td>
                <td><select name="expense" aria-label="支出类型"><option value=""></option>{{#expenses}}<option{{#selected}} selected{{/selected}}>{{value}}</option>{{/expenses}}</select></td>
                <td><select name="source" aria-label="资金来源"><option value=""></option>{{#sources}}<option{{#selected}} selected{{/selected}}>{{value}}</option>{{/sources}}</select></td>
              </tr>
              {{#error}}<tr class="line-error"><td colspan="8" role="alert">{{error}}</td></tr>{{/error}}
            {{/rows}}
            </tbody>
            <tfoot>
              <tr class="totals"><td colspan="2">合计 <span class="capitals" id="capitals">{{capitals}}</span></td>
                <td class="num" id="debit-total">{{debit_total}}</td><td class="num" id="credit-total">{{credit_total}}</td><td colspan="4"></td></tr>
              <tr><td colspan="8" id="difference" class="difference{{#unbalanced}} unbalanced{{/unbalanced}}">借贷差额：<span id="difference-amount">{{difference}}</span></td></tr>
            </tfoot>
          </table>
          <datalist id="accounts">{{#accounts}}<option value="{{code}} {{name}}"></option>{{/accounts}}</datalist>
          <datalist id="counterparts">{{#counterparts}}<option value="{{code}} {{name}}"></option>{{/counterparts}}</datalist>
          <datalist id="projects">{{#projects}}<option value="{{code}}">{{title}}</option>{{/projects}}</datalist>
          <p class="hint">会计科目输入编码或名称即可查找（只列末级科目）；财政拨款收入的基本支出请选“人员经费”或“公用经费”。金额可写 1234.5 或 1,234.56（逗号须三位一组）。按 <kbd>Enter</kbd> 跳到下一格，在金额格按 <kbd>=</kbd> 填入借贷差额。
            项目、往来单位、支出类型、资金来源只在科目要求时填写（专项收支填项目，上下级往来填对方单位，财政拨款收支填资金来源和支出类型）。</p>
          <div class="buttons">
            <button type="submit">{{#editing}}保存修改（草稿，须重新审核）{{/editing}}{{^editing}}保存（草稿）{{/editing}}</button>
            {{#editing}}<a class="button secondary" href="/orgs/{{code}}/vouchers/{{editing}}">放弃修改</a>{{/editing}}
            <button type="button" id="add-line" class="secondary" hidden>增加一行</button>
          </div>
        </form>
        {{> foot}}
        """
}
