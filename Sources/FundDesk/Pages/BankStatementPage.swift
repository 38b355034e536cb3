import Foundation
import FundCore
import FundStore
import Hummingbird

/// 银行对账 (`/orgs/{CODE}/bank?account=102`): a bank account's statements (银行对账单) and their
/// rows, each matched or not, with the voucher it is matched to and who matched it when. The
/// organisation's finance officers, whom the command line lets import and match, upload a
/// statement CSV (a real `multipart/form-data` form; the parser and the rules of `cash statement
/// import`), run the automatic match, match a row to a voucher by hand and undo a match; anyone
/// who may read the books sees the page. Every act is a POST with `_csrf`, done by the cash
/// service as the logged-in user, which checks the role again and logs a refusal.
enum BankStatementPage: DeskPage {
    static let templates = ["bank": page]
    static let menu = [MenuItem(title: "银行对账", path: "bank", order: 27)]
    /// The vouchers offered for a hand match are listed up to this many, newest first.
    static let candidateLimit = 500

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/bank") { request, context in
            let scope = try await routes.organization(context)
            return try await render(routes, context, scope, account: request.query.trimmed("account"), outcome: .none)
        }
        routes.post("/orgs/:code/bank/import") { _, context in
            let scope = try await routes.organization(context)
            let account = try await chosenAccount(scope, context.form.trimmed("account"))
            guard let file = context.upload else {
                return try await render(routes, context, scope, account: account, outcome: .refused(["请选择要上传的银行对账单 CSV 文件。"], .badRequest))
            }
            let code = scope.code
            return try await act(routes, context, scope, account: account) { session in
                let done = try session.cash.importStatement(organization: code, account: account, fileName: file.fileName, contents: file.contents)
                return "已导入对账单 #\(done.statementID)（\(file.fileName)）：\(done.from) 至 \(done.to) 共 \(done.rows) 行，余额由 \(done.opening.grouped) 至 \(done.closing.grouped)。"
            }
        }
        routes.post("/orgs/:code/bank/auto-match") { _, context in
            let scope = try await routes.organization(context)
            let account = try await chosenAccount(scope, context.form.trimmed("account"))
            let text = context.form.trimmed("days") ?? String(BankMatching.defaultDays)
            guard let days = Int(text) else { throw DeskError.badField(name: "天数", value: text) }
            let code = scope.code
            return try await act(routes, context, scope, account: account) { session in
                let count = try session.cash.matchAutomatically(organization: code, account: account, days: days)
                return "自动勾对 \(count) 行（金额、方向相同，日期相差不超过 \(days) 天）。"
            }
        }
        routes.post("/orgs/:code/bank/match") { _, context in
            let scope = try await routes.organization(context)
            let account = try await chosenAccount(scope, context.form.trimmed("account"))
            let line = try lineID(context.form)
            let reference = context.form.trimmed("voucher") ?? ""
            guard !reference.isEmpty else { throw DeskError.badField(name: "凭证号", value: "（未填写；如 2026-05/记-0003）") }
            let code = scope.code
            return try await act(routes, context, scope, account: account) { session in
                let voucher = try session.vouchers.voucher(organization: code, reference: reference)
                try session.cash.match(organization: code, line: line, voucherID: voucher.id)
                return "对账单行 #\(line) 已与 \(voucher.label) 勾对。"
            }
        }
        routes.post("/orgs/:code/bank/unmatch") { _, context in
            let scope = try await routes.organization(context)
            let account = try await chosenAccount(scope, context.form.trimmed("account"))
            let line = try lineID(context.form)
            let code = scope.code
            return try await act(routes, context, scope, account: account) { session in
                try session.cash.unmatch(organization: code, line: line)
                return "对账单行 #\(line) 已取消勾对。"
            }
        }
    }

    /// What an act left to say on the page.
    enum Outcome {
        case none
        case done(String)
        case refused([String], HTTPResponse.Status)
    }

    /// Runs one act in the request's store session and shows the page with what came of it:
    /// a statement's bad rows each with its line (422), the store's refusals in Chinese with
    /// their rule id and their category's status.
    static func act(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, account: String,
                    _ body: @escaping @Sendable (Session) throws -> String) async throws -> Response {
        let outcome: Outcome
        do {
            outcome = .done(try await scope.session.perform(body))
        } catch let errors as InputErrors {
            outcome = .refused(errors.errors.map { $0.text(.chinese) } + ["未导入任何内容；请改正文件后重新上传。"], .unprocessableContent)
        } catch let error as BookError {
            outcome = .refused([error.chinese], error.category.status)
        }
        return try await render(routes, context, scope, account: account, outcome: outcome)
    }

    /// The statement row named by the form's `line`.
    static func lineID(_ form: FormData) throws -> Int64 {
        let text = form.trimmed("line") ?? ""
        guard let id = Int64(text), id > 0 else { throw DeskError.badField(name: "对账单行", value: text) }
        return id
    }

    /// The account asked for, or the organisation's first bank account (102, or its first detail).
    static func chosenAccount(_ scope: Scope, _ text: String?) async throws -> String {
        if let text, !Input.accountCode(text).isEmpty { return Input.accountCode(text) }
        let code = scope.code
        return try await scope.session.perform { session in try session.cash.bankAccounts(organization: code).first?.code ?? "102" }
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, account asked: String?, outcome: Outcome) async throws -> Response {
        let account = try await chosenAccount(scope, asked)
        let code = scope.code
        let read = try await scope.session.perform { session -> ([Account], Result<([BankStatementRecord], [StoredStatementLine], [BankBookLine]), BookError>) in
            let accounts = try session.cash.bankAccounts(organization: code)
            do {
                return (accounts, .success((try session.cash.statements(organization: code, account: account),
                                            try session.cash.statementLines(organization: code, account: account),
                                            try session.cash.unmatchedBookLines(organization: code, account: account))))
            } catch let error as BookError where error.category == .invalidInput || error.category == .notFound {
                return (accounts, .failure(error))
            }
        }
        let (accounts, contents) = read
        var errors: [String] = []
        var message: String?
        var status: HTTPResponse.Status = .ok
        switch outcome {
        case .none: break
        case let .done(text): message = text
        case let .refused(texts, refusedStatus): (errors, status) = (texts, refusedStatus)
        }
        var data: [String: Any] = [
            "code": code, "account": account, "days": String(BankMatching.defaultDays), "max_days": String(BankMatching.maximumDays),
            "accounts": accounts.map { item -> [String: Any] in
                var entry: [String: Any] = ["code": item.code, "name": item.name]
                if item.code == account { entry["selected"] = true }
                return entry
            },
        ]
        let today = routes.desk.today
        var reconciliationDate = today.period.lastDay
        switch contents {
        case let .failure(error):
            errors.append(error.chinese)
            if status == .ok { status = error.category.status }
        case let .success((statements, lines, book)):
            data["statements"] = statements.map { statement -> [String: Any] in
                ["id": String(statement.id), "file": statement.file, "from": statement.firstDate.description, "to": statement.lastDate.description,
                 "rows": String(statement.rows), "opening": Money(fen: statement.openingFen).grouped, "closing": Money(fen: statement.closingFen).grouped,
                 "by": statement.importedBy, "at": DeskTime.show(statement.importedAt)]
            }
            data["lines"] = lines.map { line -> [String: Any] in
                var row: [String: Any] = [
                    "id": String(line.id), "statement": String(line.statementID), "date": line.row.date.description, "summary": line.row.summary,
                    "received": line.row.side == .debit ? Money(fen: line.row.amountFen).grouped : "",
                    "paid": line.row.side == .credit ? Money(fen: line.row.amountFen).grouped : "",
                    "balance": Money(fen: line.row.balanceFen).grouped, "reference": line.row.reference ?? "",
                ]
                if let match = line.match {
                    row["matched"] = true
                    row["voucher"] = match.voucher.description
                    row["method"] = match.method == "auto" ? "自动" : "手工"
                    row["by"] = match.matchedBy
                    row["at"] = DeskTime.show(match.matchedAt)
                }
                if scope.mayWrite { row["may_act"] = true }
                return row
            }
            let matched = lines.filter { $0.match != nil }.count
            data["summary"] = "共 \(lines.count) 行，已勾对 \(matched) 行，未勾对 \(lines.count - matched) 行。"
            if lines.isEmpty { data["no_lines"] = true }
            data["candidates"] = book.suffix(candidateLimit).reversed().map { line -> [String: Any] in
                let amount = Money(fen: line.signedFen == .min ? .max : abs(line.signedFen)).grouped
                return ["voucher": line.voucher.description, "label": "\(line.date) \(line.summary) \(line.signedFen >= 0 ? "收" : "付") \(amount)"]
            }
            if let last = lines.last { reconciliationDate = last.row.date.period.lastDay }
        }
        data["reconciliation_date"] = reconciliationDate.description
        if scope.mayWrite { data["may_act"] = true }
        data["errors"] = errors.map { ["text": $0] }
        if let message { data["message"] = message }
        let frame = try await routes.frame(context, organization: scope.organization, current: "bank")
        return routes.page("bank", title: "银行对账", frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        <h1>银行对账 · {{account}}</h1>
        <form class="filters" method="get" action="/orgs/{{code}}/bank">
          <label>银行存款科目 <select name="account">{{#accounts}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} {{name}}</option>{{/accounts}}</select></label>
          <button type="submit">查看</button>
          <a href="/orgs/{{code}}/reports/bank-journal">银行存款日记账</a>
        </form>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#errors}}<p class="error" role="alert">{{text}}</p>{{/errors}}
        {{#may_act}}
          <form method="post" action="/orgs/{{code}}/bank/import" enctype="multipart/form-data" id="statement-upload" class="filters">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="account" value="{{account}}">
            <label>导入银行对账单 <input type="file" name="statement" accept=".csv,text/csv" required></label>
            <button type="submit">上传导入</button>
          </form>
          <p class="hint">对账单为银行导出的 CSV 文件（GBK 或 UTF-8 均可，不超过 2 MB），栏目为 日期、摘要、收入、支出、余额，可加 凭证号 或 参考号；各行余额须与逐笔收支相符。有误的文件逐行列出问题，不导入任何内容。</p>
          <form method="post" action="/orgs/{{code}}/bank/auto-match" id="auto-match" class="filters">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="account" value="{{account}}">
            <label>自动勾对：金额、方向相同，日期相差不超过 <input name="days" value="{{days}}" size="3" inputmode="numeric" pattern="[0-9]{1,2}"> 天（最多 {{max_days}} 天）</label>
            <button type="submit">自动勾对</button>
          </form>
        {{/may_act}}
        {{^may_act}}<p class="hint">导入对账单和勾对由本单位财务人员办理；您可以查看。</p>{{/may_act}}
        <form class="filters" method="get" action="/orgs/{{code}}/reports/bank-reconciliation">
          <input type="hidden" name="account" value="{{account}}">
          <label>银行存款余额调节表 日期 <input name="date" value="{{reconciliation_date}}" size="11" placeholder="如 2026-05-31"></label>
          <button type="submit">查看调节表</button>
        </form>
        <h2>已导入的对账单</h2>
        <table class="grid">
          <thead><tr><th>编号</th><th>文件</th><th>起始日期</th><th>截止日期</th><th class="num">行数</th><th class="num">期初余额</th><th class="num">期末余额</th><th>导入人</th><th>导入时间</th></tr></thead>
          <tbody>{{#statements}}<tr><td>#{{id}}</td><td>{{file}}</td><td>{{from}}</td><td>{{to}}</td><td class="num">{{rows}}</td><td class="num">{{opening}}</td><td class="num">{{closing}}</td><td>{{by}}</td><td>{{at}}</td></tr>{{/statements}}
          {{^statements}}<tr><td colspan="9">尚未导入对账单。</td></tr>{{/statements}}</tbody>
        </table>
        <h2>对账单明细</h2>
        <p class="meta">{{summary}}</p>
        <datalist id="bank-vouchers">{{#candidates}}<option value="{{voucher}}">{{label}}</option>{{/candidates}}</datalist>
        <table class="grid" id="statement-lines">
          <thead><tr><th>行号</th><th>日期</th><th>摘要</th><th class="num">收入</th><th class="num">支出</th><th class="num">余额</th><th>参考号</th><th>状态</th><th>勾对凭证</th><th>方式</th><th>勾对人</th><th>勾对时间</th><th>操作</th></tr></thead>
          <tbody>
          {{#lines}}
            <tr class="{{#matched}}matched{{/matched}}{{^matched}}unmatched{{/matched}}" data-line="{{id}}"><td>#{{id}}</td><td>{{date}}</td><td>{{summary}}</td><td class="num">{{received}}</td><td class="num">{{paid}}</td><td class="num">{{balance}}</td><td>{{reference}}</td>
              <td>{{#matched}}已勾对{{/matched}}{{^matched}}未勾对{{/matched}}</td><td>{{voucher}}</td><td>{{method}}</td><td>{{by}}</td><td>{{at}}</td>
              <td class="actions">{{#may_act}}{{#matched}}<form method="post" action="/orgs/{{code}}/bank/unmatch" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="account" value="{{account}}"><input type="hidden" name="line" value="{{id}}"><button type="submit" class="small secondary">取消勾对</button></form>{{/matched}}{{^matched}}<form method="post" action="/orgs/{{code}}/bank/match" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="account" value="{{account}}"><input type="hidden" name="line" value="{{id}}"><input name="voucher" list="bank-vouchers" size="16" placeholder="如 2026-05/记-0003" required> <button type="submit" class="small">勾对</button></form>{{/matched}}{{/may_act}}</td></tr>
          {{/lines}}
          {{#no_lines}}<tr><td colspan="13">没有对账单行。</td></tr>{{/no_lines}}
          </tbody>
        </table>
        {{> foot}}
        """
}
