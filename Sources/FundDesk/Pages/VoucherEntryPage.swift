import FundCore
import FundStore
import Hummingbird

/// 凭证录入 (`/orgs/{CODE}/vouchers/new`): a grid of 摘要 | 会计科目 | 借方金额 | 贷方金额 saved as a
/// draft (未审核). A plain form: without JavaScript it posts as it is; desk.js adds the running
/// totals, 金额大写, Enter to move on and `=` to fill the balancing amount. A refusal is shown
/// beside the line it concerns and nothing is saved. 40401 财政拨款收入 is offered once per part of
/// 基本支出 ("40401 财政拨款收入 人员经费"), so that the class the book requires on it is chosen with
/// the account.
enum VoucherEntryPage: DeskPage {
    static let templates = ["voucher-entry": entry]
    static let menu = [MenuItem(title: "凭证录入", path: "vouchers/new", order: 10)]

    /// Lines the empty grid offers (desk.js adds more; a longer voucher posts as many as sent).
    static let blankRows = 6

    /// One line of the grid as typed, with its problem.
    struct Row: Sendable {
        var summary = "", account = "", debit = "", credit = ""
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
    }

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/vouchers/new") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            let entry = Entry(date: routes.desk.today.description, attachments: "0", rows: Array(repeating: Row(), count: blankRows))
            return try await render(routes, context, scope, entry, status: .ok)
        }
        routes.post("/orgs/:code/vouchers/new") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            var entry = read(context.form)
            guard let (voucherDraft, rowOfLine) = makeDraft(&entry, organization: scope.code, preparer: scope.session.user) else {
                return try await render(routes, context, scope, entry, status: .unprocessableContent)
            }
            do {
                let saved = try await scope.session.perform { session in try session.vouchers.addVoucher(voucherDraft) }
                return HTML.redirect("/orgs/\(scope.code)/vouchers/\(saved.id)")
            } catch let error as BookError {
                if case let .voucherProblems(_, problems) = error {
                    for problem in problems {
                        if let line = problem.lineIndex, line < rowOfLine.count {
                            let row = rowOfLine[line]
                            entry.rows[row].error = [entry.rows[row].error, problem.description].compactMap { $0 }.joined(separator: "；")
                        } else {
                            entry.errors.append(problem.chinese)
                        }
                    }
                } else {
                    entry.errors.append(error.chinese)
                }
                return try await render(routes, context, scope, entry, status: .unprocessableContent)
            }
        }
    }

    /// The grid's fields: each line sends summary, account, debit and credit, in that order.
    static func read(_ form: FormData) -> Entry {
        let summaries = form.all("summary"), accounts = form.all("account"), debits = form.all("debit"), credits = form.all("credit")
        let count = min(max(summaries.count, accounts.count, debits.count, credits.count), Limits.linesPerVoucher + 50)
        func field(_ values: [String], _ index: Int) -> String { index < values.count ? values[index].trimmingCharacters(in: .whitespaces) : "" }
        let rows = (0..<count).map { index in
            Row(summary: field(summaries, index), account: field(accounts, index), debit: field(debits, index), credit: field(credits, index))
        }
        return Entry(date: form.trimmed("date") ?? "", attachments: form.trimmed("attachments") ?? "0", rows: rows)
    }

    /// The draft the grid describes, with the grid row of each of its lines; nil (and the
    /// problems written into `entry`) when a field cannot be read.
    static func makeDraft(_ entry: inout Entry, organization: String, preparer: String) -> (VoucherDraft, [Int])? {
        var lines: [VoucherLine] = [], rowOfLine: [Int] = []
        var lastSummary = ""
        for index in entry.rows.indices where !entry.rows[index].isBlank {
            let row = entry.rows[index]
            // An empty 摘要 repeats the one above, as the paper form's ditto marks do.
            let summary = row.summary.isEmpty ? lastSummary : row.summary
            lastSummary = summary
            let code = Input.accountCode(row.account)
            var problems: [String] = []
            if code.isEmpty { problems.append(row.account.isEmpty ? "请填写会计科目" : "会计科目“\(row.account)”不是科目编码；请从列表中选择") }
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
                var line = VoucherLine(accountCode: code, side: side, amount: amount, summary: summary)
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
        let leaves = try await scope.session.perform { session -> [Account] in
            let chart = try session.organizations.chart(for: code)
            return chart.accounts.filter { chart.isLeaf($0.code) }
        }
        let frame = try await routes.frame(context, organization: scope.organization, current: "vouchers/new")
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
                var item: [String: Any] = ["summary": row.summary, "account": row.account, "debit": row.debit, "credit": row.credit]
                if let error = row.error { item["error"] = error }
                return item
            },
            "accounts": leaves.flatMap { account -> [[String: String]] in
                guard account.code.hasPrefix("40401") else { return [["code": account.code, "name": account.name]] }
                return BasicClass.allCases.map { ["code": account.code, "name": account.name + " " + $0.chinese] }
            },
            "debit_total": overflow ? "—" : Money(fen: debit).grouped, "credit_total": overflow ? "—" : Money(fen: credit).grouped,
            "difference": overflow || o ? "—" : Money(fen: difference).grouped,
            "capitals": overflow ? "" : ChineseAmount.capitals(Money(fen: debit)),
        ]
        if difference != 0 || overflow || o { data["unbalanced"] = true }
        if !entry.errors.isEmpty { data["errors"] = entry.errors.map { ["text": $0] } }
        return routes.page("voucher-entry", title: "凭证录入", frame: frame, data: data, status: status)
    }

    static let entry = """
        {{> head}}
        <form method="post" action="/orgs/{{code}}/vouchers/new" id="voucher-entry" class="entry">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="entry-head">
            <h1>记账凭证</h1>
            <label>日期 <input name="date" class="date" size="11" placeholder="如 2026-05-03" autocomplete="off" value="{{date}}" required></label>
            <label>附单据 <input name="attachments" value="{{attachments}}" size="3" inputmode="numeric"> 张</label>
          </div>
          {{#errors}}<p class="error" role="alert">{{text}}</p>{{/errors}}
          <table class="grid voucher-grid">
            <thead><tr><th class="w-summary">摘要</th><th class="w-account">会计科目</th><th class="w-amount">借方金额</th><th class="w-amount">贷方金额</th></tr></thead>
            <tbody id="lines">
            {{#rows}}
              <tr class="line{{#error}} has-error{{/error}}">
                <td><input name="summary" value="{{summary}}" class="summary" aria-label="摘要"></td>
                <td><input name="account" value="{{account}}" list="accounts" class="account" autocomplete="off" aria-label="会计科目"></td>
                <td><input name="debit" value="{{debit}}" class="amount debit" inputmode="decimal" aria-label="借方金额"></td>
                <td><input name="credit" value="{{credit}}" class="amount credit" inputmode="decimal" aria-label="贷方金额"></td>
              </tr>
              {{#error}}<tr class="line-error"><td colspan="4" role="alert">{{error}}</td></tr>{{/error}}
            {{/rows}}
            </tbody>
            <tfoot>
              <tr class="totals"><td colspan="2">合计 <span class="capitals" id="capitals">{{capitals}}</span></td>
                <td class="num" id="debit-total">{{debit_total}}</td><td class="num" id="credit-total">{{credit_total}}</td></tr>
              <tr><td colspan="4" id="difference" class="difference{{#unbalanced}} unbalanced{{/unbalanced}}">借贷差额：<span id="difference-amount">{{difference}}</span></td></tr>
            </tfoot>
          </table>
          <datalist id="accounts">{{#accounts}}<option value="{{code}} {{name}}"></option>{{/accounts}}</datalist>
          <p class="hint">会计科目输入编码或名称即可查找（只列末级科目）；财政拨款收入的基本支出请选“人员经费”或“公用经费”。金额可写 1,234.56。按 <kbd>Enter</kbd> 跳到下一格，在金额格按 <kbd>=</kbd> 填入借贷差额。</p>
          <div class="buttons">
            <button type="submit">保存（草稿）</button>
            <button type="button" id="add-line" class="secondary" hidden>增加一行</button>
          </div>
        </form>
        {{> foot}}
        """
}
