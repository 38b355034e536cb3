import FundCore
import FundStore
import Hummingbird

/// 凭证 (`/orgs/{CODE}/vouchers?period=YYYY-MM`): the vouchers of a month (or `period=all`)
/// filtered by status, account, amount and text, each shown by its 凭证字号; ticked vouchers are
/// reviewed (审核) or posted (记账) together by a user who may write the books.
enum VoucherListPage: DeskPage {
    static let templates = ["vouchers": list]
    static let menu = [MenuItem(title: "凭证查询", path: "vouchers", order: 20)]

    /// The filters of the list, as typed.
    struct Filter: Sendable {
        var period: Period?
        var periodText: String
        var status: VoucherStatus?
        var account: String
        var amount: Money?
        var amountText: String
        var text: String

        init(_ form: FormData, today: LocalDate) throws {
            periodText = form.trimmed("period") ?? today.period.description
            if periodText == "all" {
                period = nil
            } else {
                guard let period = Period(parsing: periodText) else { throw DeskError.badField(name: "会计期间", value: periodText) }
                self.period = period
            }
            status = form.trimmed("status").flatMap(VoucherStatus.init(rawValue:))
            account = Input.accountCode(form.trimmed("account") ?? "")
            amountText = form.trimmed("amount") ?? ""
            amount = amountText.isEmpty ? nil : try? Input.amount(amountText)
            text = form.trimmed("text") ?? ""
        }

        func matches(_ voucher: Voucher) -> Bool {
            if let status, voucher.status != status { return false }
            if !account.isEmpty, !voucher.draft.lines.contains(where: { $0.accountCode.hasPrefix(account) }) { return false }
            if let amount {
                let magnitude = amount.fen.magnitude
                let total = VoucherFormat.debitTotal(voucher)?.fen.magnitude
                if total != magnitude, !voucher.draft.lines.contains(where: { $0.amount.fen.magnitude == magnitude }) { return false }
            }
            if !text.isEmpty, !voucher.draft.summary.contains(text), !voucher.draft.lines.contains(where: { $0.summary.contains(text) }) { return false }
            return true
        }
    }

    /// What a batch did to one voucher.
    struct Outcome: Sendable {
        let number: String
        let error: String?
        /// What a posting that went through warns of (102 银行存款 left in credit where that only warns).
        var warning: String? = nil
    }

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/vouchers") { request, context in
            let scope = try await routes.organization(context)
            let filter = try Filter(request.query, today: routes.desk.today)
            return try await render(routes, context, scope, filter, outcomes: [], act: nil,
                                    notice: request.query["deleted"] == "1" ? "凭证已删除。" : nil)
        }
        routes.post("/orgs/:code/vouchers/batch") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            let form = context.form
            guard let act = form["act"], act == "review" || act == "post" else { throw DeskError.badField(name: "操作", value: form["act"] ?? "") }
            let ids = form.all("voucher").compactMap { Int64($0) }
            let code = scope.code
            let outcomes = try await scope.session.perform { session -> [Outcome] in
                // Each voucher in a transaction of its own, in date order so that numbers follow dates.
                var vouchers: [Voucher] = []
                var outcomes: [Outcome] = []
                for id in ids {
                    do { vouchers.append(try session.vouchers.voucher(organization: code, reference: "#\(id)")) } catch let error as BookError {
                        outcomes.append(Outcome(number: "所选凭证", error: error.deskText))
                    }
                }
                for voucher in vouchers.sorted(by: { ($0.draft.date, $0.id) < ($1.draft.date, $1.id) }) {
                    do {
                        let done: Voucher
                        if act == "review" { done = try session.vouchers.reviewVoucher(id: voucher.id, reviewer: session.user) }
                        else { done = try session.vouchers.postVoucher(id: voucher.id, bookkeeper: session.user) }
                        let shortfalls = act == "post" ? try session.cash.shortfalls(voucherID: done.id) : []
                        outcomes.append(Outcome(number: VoucherFormat.number(done), error: nil,
                                                warning: shortfalls.isEmpty ? nil : shortfalls.map(\.chinese).joined(separator: "；")))
                    } catch let error as BookError {
                        outcomes.append(Outcome(number: VoucherFormat.number(voucher), error: error.deskText))
                    }
                }
                return outcomes
            }
            // One voucher reviewed or posted from its own page goes back to that page.
            if form["single"] == "1", ids.count == 1, let id = ids.first, outcomes.count == 1 {
                if outcomes[0].error == nil, outcomes[0].warning == nil { return HTML.redirect("/orgs/\(code)/vouchers/\(id)") }
                let loaded = try await VoucherPage.load(scope, id: id)
                if let warning = outcomes[0].warning {
                    return try await VoucherPage.render(routes, context, scope, loaded, reason: "", error: nil, status: .ok, warning: "已记账，但" + warning)
                }
                return try await VoucherPage.render(routes, context, scope, loaded, reason: "", error: outcomes[0].error, status: .conflict)
            }
            var query = FormData("")
            if let back = form["back"] { query = FormData(back) }
            let filter = try Filter(query, today: routes.desk.today)
            return try await render(routes, context, scope, filter, outcomes: outcomes, act: act == "review" ? "审核" : "记账")
        }
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, _ filter: Filter, outcomes: [Outcome], act: String?,
                       notice: String? = nil) async throws -> Response {
        let code = scope.code, period = filter.period, status = filter.status
        let vouchers = try await scope.session.perform { session in
            try session.overview.vouchers(organization: code, period: period, status: status).filter(filter.matches)
        }
        let frame = try await routes.frame(context, organization: scope.organization, current: "vouchers")
        var rows = vouchers.map(VoucherFormat.row)
        if !scope.mayWrite { rows = rows.map { var row = $0; row["selectable"] = nil; return row } }
        var data: [String: Any] = [
            "code": code, "vouchers": rows, "count": String(rows.count), "period": filter.periodText, "account": filter.account,
            "amount": filter.amountText, "text": filter.text,
            "statuses": [["value": "", "label": "全部"] as [String: Any]] + VoucherStatus.allCases.map { status -> [String: Any] in
                var option: [String: Any] = ["value": status.rawValue, "label": status.chinese]
                if status == filter.status { option["selected"] = true }
                return option
            },
            "back": "period=\(filter.periodText)" + (filter.status.map { "&status=\($0.rawValue)" } ?? ""),
        ]
        if rows.isEmpty { data["empty"] = true }
        if let notice { data["notice"] = notice }
        if scope.mayWrite, rows.contains(where: { $0["selectable"] != nil }) { data["may_write"] = true }
        if let act {
            data["act"] = act
            data["outcomes"] = outcomes.map { outcome -> [String: Any] in
                var row: [String: Any] = ["number": outcome.number]
                if let error = outcome.error { row["error"] = error }
                if let warning = outcome.warning { row["warning"] = warning }
                return row
            }
        }
        return routes.page("vouchers", title: "凭证查询", frame: frame, data: data)
    }

    static let list = """
        {{> head}}
        <h1>凭证查询</h1>
        <form class="filters" method="get" action="/orgs/{{code}}/vouchers">
          <label>会计期间 <input name="period" value="{{period}}" size="8" placeholder="2026-05 或 all"></label>
          <label>状态 <select name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></label>
          <label>科目 <input name="account" value="{{account}}" size="8" placeholder="科目编码"></label>
          <label>金额 <input name="amount" value="{{amount}}" size="10" placeholder="1,234.56"></label>
          <label>摘要 <input name="text" value="{{text}}" size="14"></label>
          <button type="submit">查询</button>
        </form>
        {{#notice}}<p class="ok" role="status">{{notice}}</p>{{/notice}}
        {{#act}}
        <section class="outcomes">
          <h2>批量{{act}}结果</h2>
          <ul>{{#outcomes}}<li>{{number}}：{{#error}}<span class="error">{{error}}</span>{{/error}}{{^error}}<span class="ok">完成</span>{{#warning}} <span class="warning">{{warning}}</span>{{/warning}}{{/error}}</li>{{/outcomes}}</ul>
        </section>
        {{/act}}
        <form method="post" action="/orgs/{{code}}/vouchers/batch">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="back" value="{{back}}">
          <table class="grid">
            <thead><tr><th></th><th>凭证字号</th><th>日期</th><th>摘要</th><th class="num">金额</th><th class="num">附单据</th><th>制单</th><th>审核</th><th>记账</th><th>状态</th><th></th></tr></thead>
            <tbody>
            {{#vouchers}}
              <tr class="status-{{status_key}}{{#red}} red-ink{{/red}}">
                <td>{{#selectable}}<input type="checkbox" name="voucher" value="{{id}}" aria-label="选择 {{number}}">{{/selectable}}</td>
                <td class="nowrap"><a href="/orgs/{{code}}/vouchers/{{id}}">{{number}}</a></td>
                <td class="nowrap">{{date}}</td><td>{{summary}}</td><td class="num">{{amount}}</td><td class="num">{{attachments}}</td>
                <td>{{preparer}}</td><td>{{reviewer}}</td><td>{{bookkeeper}}</td><td class="nowrap">{{status}}</td>
                <td class="actions"><a href="/orgs/{{code}}/vouchers/{{id}}/print">打印</a></td>
              </tr>
            {{/vouchers}}
            </tbody>
          </table>
          {{#empty}}<p class="empty">没有符合条件的凭证。</p>{{/empty}}
          <p class="count">共 {{count}} 张凭证</p>
          {{#may_write}}
          <div class="batch">
            <span>对选中的凭证：</span>
            <button type="submit" name="act" value="review">审核</button>
            <button type="submit" name="act" value="post">记账</button>
          </div>
          {{/may_write}}
        </form>
        {{> foot}}
        """
}
