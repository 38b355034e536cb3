import FundCore
import FundStore
import Hummingbird

/// 出纳 (`/orgs/{CODE}/cashier?period=2026-05`): the month's receipts and payments (vouchers with a
/// 101 or 102 line, reviewed or posted), each with who confirmed it and when; a cashier of the
/// organisation confirms the ones received or paid (出纳确认), which fills the 出纳 box of the
/// printed voucher. The store checks the role and the rules again when the button is pressed.
enum CashierPage: DeskPage {
    static let templates = ["cashier": page]
    static let menu = [MenuItem(title: "出纳", path: "cashier", order: 26)]

    /// A receipt or payment as the page lists it.
    struct Row: Sendable {
        let voucher: Voucher
        let confirmation: CashConfirmation?
    }

    static func receiptsAndPayments(_ session: Session, code: String, period: Period) throws -> [Row] {
        try session.vouchers.vouchers(organization: code, period: period)
            .filter { $0.status != .draft && CashRules.movesCash($0.draft.lines) }
            .map { Row(voucher: $0, confirmation: try session.cash.confirmation(voucherID: $0.id)) }
    }

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/cashier") { request, context in
            let scope = try await routes.organization(context)
            let period = try parsePeriod(request.query.trimmed("period"), today: routes.desk.today)
            return try await render(routes, context, scope, period: period, message: nil, error: nil, status: .ok)
        }
        routes.post("/orgs/:code/cashier/confirm") { _, context in
            let scope = try await routes.organization(context)
            let text = context.form.trimmed("voucher") ?? ""
            guard let id = Int64(text), id > 0 else { throw DeskError.badField(name: "凭证", value: text) }
            let period = try parsePeriod(context.form.trimmed("period"), today: routes.desk.today)
            let code = scope.code
            do {
                let confirmed = try await scope.session.perform { session in
                    let voucher = try session.vouchers.voucher(id: id)
                    // A voucher of another organisation is not found here.
                    guard voucher.draft.organization == code else { throw BookError.voucherNotFound(.id(id)) }
                    try session.cash.confirm(voucherID: id)
                    return VoucherFormat.number(voucher)
                }
                return try await render(routes, context, scope, period: period, message: "\(confirmed) 已确认收付。", error: nil, status: .ok)
            } catch let error as BookError {
                return try await render(routes, context, scope, period: period, message: nil, error: error.deskText, status: error.category.status)
            }
        }
    }

    static func parsePeriod(_ text: String?, today: LocalDate) throws -> Period {
        guard let text else { return today.period }
        guard let period = Period(parsing: text) else { throw DeskError.badField(name: "会计期间", value: text) }
        return period
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, period: Period, message: String?, error: String?,
                       status: HTTPResponse.Status) async throws -> Response {
        let code = scope.code
        let (rows, mayConfirm) = try await scope.session.perform { session in
            (try receiptsAndPayments(session, code: code, period: period), try session.access.permits(.cashierWork, organization: code))
        }
        let frame = try await routes.frame(context, organization: scope.organization, current: "cashier")
        let items = rows.map { row -> [String: Any] in
            let v = row.voucher
            var cash: Int64 = 0
            for line in v.draft.lines where CashRules.kind(of: line.accountCode) != nil { cash &+= line.signedFen }
            var item: [String: Any] = [
                "id": String(v.id), "number": VoucherFormat.number(v), "date": v.draft.date.description, "summary": v.draft.summary,
                "direction": cash >= 0 ? "收" : "付", "amount": Money(fen: cash == .min ? .max : abs(cash)).grouped, "status": v.status.chinese,
                "cashier": row.confirmation?.cashier ?? "", "at": row.confirmation.map { BeijingTime.display($0.confirmedAt) } ?? "",
            ]
            if mayConfirm, row.confirmation == nil { item["may_confirm"] = true }
            return item
        }
        var data: [String: Any] = ["code": code, "period": period.description, "rows": items, "year": String(period.year), "month": String(period.month),
                                   "previous": period.previous.description, "next": period.next.description]
        if items.isEmpty { data["empty"] = true }
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        return routes.page("cashier", title: "出纳", frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        <h1>出纳 · {{period}}</h1>
        <p class="meta"><a href="/orgs/{{code}}/cashier?period={{previous}}">上月</a> · <a href="/orgs/{{code}}/cashier?period={{next}}">下月</a>
          · <a href="/orgs/{{code}}/reports/cash-journal">现金日记账</a> · <a href="/orgs/{{code}}/reports/bank-journal">银行存款日记账</a>
          · <a href="/orgs/{{code}}/reports/bank-reconciliation?year={{year}}&month={{month}}">银行存款余额调节表</a></p>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#empty}}<p class="hint">本月没有已审核的收付款凭证。</p>{{/empty}}
        <table class="grid">
          <thead><tr><th>凭证号</th><th>日期</th><th>摘要</th><th>收付</th><th class="num">金额</th><th>状态</th><th>出纳</th><th>确认时间</th><th>操作</th></tr></thead>
          <tbody>
          {{#rows}}
            <tr><td><a href="/orgs/{{code}}/vouchers/{{id}}">{{number}}</a></td><td>{{date}}</td><td>{{summary}}</td><td>{{direction}}</td>
              <td class="num">{{amount}}</td><td>{{status}}</td><td>{{cashier}}</td><td>{{at}}</td>
              <td class="actions">{{#may_confirm}}<form method="post" action="/orgs/{{code}}/cashier/confirm" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="voucher" value="{{id}}"><input type="hidden" name="period" value="{{period}}"><button type="submit">确认收付</button></form>{{/may_confirm}}</td></tr>
          {{/rows}}
          </tbody>
        </table>
        {{> foot}}
        """
}
