import FundCore
import FundStore
import Hummingbird

/// 结账 and 反结账 (`/orgs/{CODE}/periods?year=2026`): each month of the year with the checks a
/// close must pass shown before it is tried (vouchers not yet posted, debits equal to credits,
/// the months before it closed); the next month to close and the latest closed one carry the
/// buttons. The store checks again when the button is pressed.
enum PeriodPage: DeskPage {
    static let templates = ["periods": page]
    static let menu = [MenuItem(title: "结账", path: "periods", order: 40)]

    struct Month: Sendable {
        let period: Period
        let closed: Bool
        let vouchers: Int
        let unposted: Int
        let debit: Int64?
        let credit: Int64?
    }

    static func monthStates(_ session: Session, code: String, year: Int) throws -> [Month] {
        let vouchers = try session.vouchers.vouchers(organization: code).filter { $0.draft.date.year == year }
        let closed = Set(try session.periods.closedPeriods(organization: code))
        return (1...12).map { month in
            let period = Period(year: year, month: month)!
            let inMonth = vouchers.filter { $0.draft.period == period }
            var debit: Int64? = 0, credit: Int64? = 0
            for line in inMonth.filter({ $0.status == .posted }).flatMap(\.draft.lines) {
                if line.side == .debit { debit = debit.flatMap { sum in let (total, o) = sum.addingReportingOverflow(line.amount.fen); return o ? nil : total } }
                else { credit = credit.flatMap { sum in let (total, o) = sum.addingReportingOverflow(line.amount.fen); return o ? nil : total } }
            }
            return Month(period: period, closed: closed.contains(period), vouchers: inMonth.count, unposted: inMonth.count(where: { $0.status != .posted }),
                         debit: debit, credit: credit)
        }
    }

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/periods") { request, context in
            let scope = try await routes.organization(context)
            let text = request.query.trimmed("year") ?? String(routes.desk.today.year)
            guard let year = Int(text), (1900...9999).contains(year) else { throw DeskError.badField(name: "年度", value: text) }
            return try await render(routes, context, scope, year: year, message: nil, error: nil, status: .ok)
        }
        routes.post("/orgs/:code/periods/close") { _, context in try await act(routes, context, reopen: false) }
        routes.post("/orgs/:code/periods/reopen") { _, context in try await act(routes, context, reopen: true) }
    }

    static func act(_ routes: DeskRoutes, _ context: DeskContext, reopen: Bool) async throws -> Response {
        let scope = try await routes.organization(context)
        guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
        let text = context.form.trimmed("period") ?? ""
        guard let period = Period(parsing: text) else { throw DeskError.badField(name: "会计期间", value: text) }
        let reason = context.form.trimmed("reason") ?? "", code = scope.code
        // The month's 期末结转 voucher (or its red-ink cancellation) is reviewed by another
        // officer, who confirms with their own password.
        let reviewer: String?
        do { reviewer = try await ReviewerConfirmation.confirm(context.form, desk: routes.desk) } catch DeskError.reviewerNotConfirmed {
            return try await render(routes, context, scope, year: period.year, message: nil, error: ReviewerConfirmation.refusal, status: .forbidden)
        }
        do {
            try await scope.session.perform { session in
                if reopen { try session.periods.reopen(organization: code, period: period, reason: reason, reviewer: reviewer) }
                else { try session.periods.close(organization: code, period: period, reviewer: reviewer) }
            }
            return try await render(routes, context, scope, year: period.year, message: "\(period)已\(reopen ? "反结账" : "结账")。", error: nil, status: .ok)
        } catch let error as BookError {
            return try await render(routes, context, scope, year: period.year, message: nil, error: error.deskText, status: error.category.status)
        }
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, year: Int, message: String?, error: String?,
                       status: HTTPResponse.Status) async throws -> Response {
        let code = scope.code
        let months = try await scope.session.perform { session in try monthStates(session, code: code, year: year) }
        let frame = try await routes.frame(context, organization: scope.organization, current: "periods")
        let latestClosed = months.last { $0.closed }?.period
        let nextToClose = months.first { month in !month.closed && (latestClosed.map { month.period > $0 } ?? true) }?.period
        let rows = months.enumerated().map { index, month -> [String: Any] in
            let balanced = month.debit != nil && month.debit == month.credit
            let earlierClosed = months[..<index].allSatisfy { $0.closed || $0.vouchers == 0 }
            var row: [String: Any] = [
                "period": month.period.description, "state": month.closed ? "已结账" : month.vouchers == 0 ? "未结账（无凭证）" : "未结账", "vouchers": String(month.vouchers),
                "unposted": String(month.unposted), "debit": month.debit.map { Money(fen: $0).grouped } ?? "—",
                "credit": month.credit.map { Money(fen: $0).grouped } ?? "—",
                "check_posted": month.unposted == 0 ? "✓" : "✗ \(month.unposted)张未记账", "check_balanced": balanced ? "✓" : "✗ 借贷不等",
                "check_earlier": earlierClosed ? "✓" : "✗ 前期未结账",
            ]
            if month.closed { row["closed"] = true }
            if month.unposted > 0 || !balanced || !earlierClosed { row["blocked"] = true }
            if scope.mayWrite, month.period == nextToClose { row["may_close"] = true }
            if scope.mayWrite, month.period == latestClosed { row["may_reopen"] = true }
            return row
        }
        var data: [String: Any] = ["code": code, "year": String(year), "months": rows,
                                   "previous": String(year - 1), "next": String(year + 1)]
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        return routes.page("periods", title: "结账", frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        <h1>结账 · {{year}}年</h1>
        <p class="meta"><a href="/orgs/{{code}}/periods?year={{previous}}">上一年</a> · <a href="/orgs/{{code}}/periods?year={{next}}">下一年</a></p>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <table class="grid">
          <thead><tr><th>会计期间</th><th>状态</th><th class="num">凭证数</th><th class="num">本月借方</th><th class="num">本月贷方</th>
            <th>凭证均已记账</th><th>借贷平衡</th><th>以前月份已结账</th><th>操作</th></tr></thead>
          <tbody>
          {{#months}}
            <tr class="{{#closed}}closed{{/closed}}{{#blocked}} blocked{{/blocked}}">
              <td>{{period}}</td><td>{{state}}</td><td class="num">{{vouchers}}</td><td class="num">{{debit}}</td><td class="num">{{credit}}</td>
              <td>{{check_posted}}</td><td>{{check_balanced}}</td><td>{{check_earlier}}</td>
              <td class="actions">
                {{#may_close}}<details class="act"><summary>结账…</summary><form method="post" action="/orgs/{{code}}/periods/close" class="act-form"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="period" value="{{period}}"><span class="hint">期末结转凭证由另一名财务人员审核：</span>\(ReviewerConfirmation.fields(required: false)) <button type="submit">结账</button></form></details>{{/may_close}}
                {{#may_reopen}}<details class="act"><summary>反结账…</summary><form method="post" action="/orgs/{{code}}/periods/reopen" class="act-form"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="period" value="{{period}}"><label>反结账原因 <input name="reason" size="16" required></label> <span class="hint">冲销凭证由另一名财务人员审核：</span>\(ReviewerConfirmation.fields(required: false)) <button type="submit" class="danger">反结账</button></form></details>{{/may_reopen}}
              </td>
            </tr>
          {{/months}}
          </tbody>
        </table>
        {{> foot}}
        """
}
