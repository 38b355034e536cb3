import FundApp
import FundCore
import FundStore
import Hummingbird

/// 月报报送 (`/orgs/{CODE}/packs?year=2026`): each closed month's pack (the monthly-pack workbook
/// the CLI's `export monthly-pack` writes) with where it stands. An officer of the organisation
/// sends a closed month up (报送); a superior of the union above receives it (签收) or returns it
/// with the reason (退回); a month reopened after it was sent shows its pack superseded. Every
/// act is the store's (`PeriodService.submitPack` and the rest), recorded with who and when in
/// the organisation's sealed event chain.
enum PackPage: DeskPage {
    static let templates = ["packs": page]
    static let menu = [MenuItem(title: "月报报送", path: "packs", order: 45)]

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/packs") { request, context in
            let scope = try await routes.organization(context)
            let year = try AuditPage.year(request.query["year"], routes)
            return try await render(routes, context, scope, year: year, message: nil, error: nil, status: .ok)
        }
        for act in ["submit", "receive", "return"] {
            routes.post(RouterPath("/orgs/:code/packs/\(act)")) { _, context in
                let scope = try await routes.organization(context)
                let text = context.form.trimmed("period") ?? ""
                guard let period = Period(input: text) else { throw DeskError.badField(name: "会计期间", value: text) }
                let reason = context.form.trimmed("reason") ?? "", code = scope.code
                do {
                    try await scope.session.perform { session in
                        switch act {
                        case "submit": try session.periods.submitPack(organization: code, period: period)
                        case "receive": try session.periods.receivePack(organization: code, period: period)
                        default: try session.periods.returnPack(organization: code, period: period, reason: reason)
                        }
                    }
                    let done = ["submit": "已报送", "receive": "已签收", "return": "已退回"][act] ?? ""
                    return try await render(routes, context, scope, year: period.year, message: "\(code) \(period) 月报\(done)。", error: nil, status: .ok)
                } catch let error as BookError {
                    return try await render(routes, context, scope, year: period.year, message: nil, error: error.deskText, status: error.category.status)
                }
            }
        }
        routes.get("/orgs/:code/packs/:period") { _, context in
            let scope = try await routes.organization(context)
            var text = context.parameters.get("period") ?? ""
            guard text.hasSuffix(".xlsx") else { throw DeskError.notFound }
            text.removeLast(5)
            guard let period = Period(parsing: text) else { throw DeskError.notFound }
            let code = scope.code
            let bytes = try await scope.session.perform { session in
                try ReportPages.workbookBytes { path in
                    try writeMonthlyPack(book: session, organization: code, year: period.year, month: period.month, path: path, user: session.user)
                }
            }
            return ReportPages.xlsx(bytes, name: "月度报表-\(code)-\(period).xlsx")
        }
    }

    /// A pack's state as a row: its status, the last time it was sent and its last act.
    static func row(_ pack: PackState?) -> [String: Any] {
        guard let pack else { return ["status": "未报送", "status_key": "none"] }
        var row: [String: Any] = ["status": pack.status.chinese, "status_key": pack.status.rawValue]
        if let sent = pack.lastSent { row["sent"] = "\(DeskTime.show(sent.at)) \(sent.by)" }
        if let last = pack.last, last.action != .submit {
            row["last"] = "\(last.action.chinese)：\(DeskTime.show(last.at)) \(last.by)" + (last.reason.map { "（\($0)）" } ?? "")
        }
        row["history"] = pack.events.map { event -> [String: Any] in
            ["action": event.action.chinese, "at": DeskTime.show(event.at), "by": event.by, "reason": event.reason ?? ""]
        }
        return row
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, year: Int, message: String?, error: String?,
                       status: HTTPResponse.Status) async throws -> Response {
        let code = scope.code
        let (closed, packs, mayReceive) = try await scope.session.perform { session in
            (try session.periods.closedPeriods(organization: code).filter { $0.year == year }, try session.periods.packs(organization: code),
             try session.periods.mayReceivePacks(organization: code))
        }
        let frame = try await routes.frame(context, organization: scope.organization, current: "packs")
        let byPeriod = Dictionary(uniqueKeysWithValues: packs.map { ($0.period, $0) })
        // Every closed month, and any month with a pack that is open again (superseded or returned).
        let periods = Set(closed).union(packs.map(\.period).filter { $0.year == year }).sorted()
        let closedSet = Set(closed)
        let rows = periods.map { period -> [String: Any] in
            let pack = byPeriod[period]
            var row = Self.row(pack)
            row["period"] = period.description
            row["closed"] = closedSet.contains(period) ? "已结账" : "未结账（已反结账）"
            if closedSet.contains(period) { row["download"] = true }
            if scope.mayWrite, closedSet.contains(period), pack.map({ $0.status.maySend }) ?? true { row["may_submit"] = true }
            if mayReceive, pack?.status == .sent { row["may_decide"] = true }
            return row
        }
        var data: [String: Any] = ["code": code, "year": String(year), "previous": String(year - 1), "next": String(year + 1), "months": rows]
        if rows.isEmpty { data["no_months"] = true }
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        return routes.page("packs", title: "月报报送", frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        <h1>月报报送 · {{year}}年</h1>
        <p class="meta"><a href="/orgs/{{code}}/packs?year={{previous}}">上一年</a> · <a href="/orgs/{{code}}/packs?year={{next}}">下一年</a>
          · 已结账的月份可报送上级工会；上级签收后即完成，退回或反结账后须重新报送。</p>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#no_months}}<p class="empty">本年度尚无已结账的月份。</p>{{/no_months}}
        {{^no_months}}
        <table class="grid packs">
          <thead><tr><th>会计期间</th><th>结账</th><th>月报状态</th><th>最近报送</th><th>最近处理</th><th>月度报表</th><th>操作</th></tr></thead>
          <tbody>
          {{#months}}
            <tr class="pack {{status_key}}" data-period="{{period}}">
              <td>{{period}}</td><td>{{closed}}</td><td class="pack-state {{status_key}}">{{status}}</td><td>{{sent}}</td><td>{{last}}</td>
              <td>{{#download}}<a href="/orgs/{{code}}/packs/{{period}}.xlsx">下载Excel</a>{{/download}}</td>
              <td class="actions">
                {{#may_submit}}<form method="post" action="/orgs/{{code}}/packs/submit" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="period" value="{{period}}"><button type="submit" class="submit-pack">报送</button></form>{{/may_submit}}
                {{#may_decide}}<form method="post" action="/orgs/{{code}}/packs/receive" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="period" value="{{period}}"><button type="submit" class="receive-pack">签收</button></form>
                <form method="post" action="/orgs/{{code}}/packs/return" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="period" value="{{period}}"><input name="reason" placeholder="退回原因" size="14" required> <button type="submit" class="danger return-pack">退回</button></form>{{/may_decide}}
              </td>
            </tr>
          {{/months}}
          </tbody>
        </table>
        {{/no_months}}
        {{> foot}}
        """
}
