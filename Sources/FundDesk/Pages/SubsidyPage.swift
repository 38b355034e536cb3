import FundApp
import FundCore
import FundReports
import FundStore
import Hummingbird

/// 项目补贴 (`/orgs/{CODE}/subsidies?year=2026`): the per-item subsidies (一事一补) an organisation
/// granted, as the 项目补贴台账 shows them (approved, paid, spent, returned, balance, the flags the
/// register raises), and those it received. The grantor's officer registers an application
/// (申请), approves it (批复), pays a tranche (拨付) and settles it (结项); each act is the store's
/// `SubsidyService`, which posts the paired vouchers of both books in one transaction. 导出Excel
/// returns the workbook the CLI's `subsidy register` writes.
enum SubsidyPage: DeskPage {
    static let templates = ["subsidies": page]
    static let menu = [MenuItem(title: "项目补贴", path: "subsidies", order: 36)]

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/subsidies") { request, context in
            let scope = try await routes.organization(context)
            return try await render(routes, context, scope, year: try AuditPage.year(request.query["year"], routes), message: nil, error: nil, status: .ok)
        }
        routes.get("/orgs/:code/subsidies/register.xlsx") { request, context in
            let scope = try await routes.organization(context)
            let year = try AuditPage.year(request.query["year"], routes), code = scope.code
            let bytes = try await scope.session.perform { session in
                try ReportPages.workbookBytes { path in try writeSubsidyWorkbook(book: session, grantor: code, year: year, asOf: nil, path: path) }
            }
            return ReportPages.xlsx(bytes, name: "\(SubsidyRegister.title)-\(code)-\(year).xlsx")
        }
        for act in ["apply", "approve", "disburse", "settle"] {
            routes.post(RouterPath("/orgs/:code/subsidies/\(act)")) { _, context in
                let scope = try await routes.organization(context)
                let form = context.form, code = scope.code, today = routes.desk.today
                let year = try AuditPage.year(form["year"], routes)
                // A disbursement's or settlement's voucher is reviewed by another officer, who
                // confirms with their own password.
                var confirmed = ""
                if act == "disburse" || act == "settle" {
                    do { confirmed = try await ReviewerConfirmation.confirm(form, desk: routes.desk) ?? "" } catch DeskError.reviewerNotConfirmed {
                        return try await render(routes, context, scope, year: year, message: nil, error: ReviewerConfirmation.refusal, status: .forbidden)
                    }
                }
                let reviewer = confirmed
                do {
                    let message = try await scope.session.perform { session -> String in
                        let item = form.trimmed("item") ?? ""
                        if act != "apply" {
                            // Only an item this organisation granted is acted on from its page.
                            guard try session.subsidies.subsidy(code: item).grantor == code else { throw DeskError.notFound }
                        }
                        let date = try Self.date(form, "date", default: today)
                        switch act {
                        case "apply":
                            let subsidy = SubsidyItem(
                                code: item, grantor: code, recipient: form.trimmed("recipient") ?? "", title: form.trimmed("title") ?? "",
                                purpose: form.trimmed("purpose") ?? "",
                                accounts: (form["accounts"] ?? "").split(whereSeparator: { " ,，、".contains($0) }).map(String.init),
                                approved: try Self.amount(form, "approved"), windowStart: try Self.date(form, "window_start", default: today),
                                deadline: try Self.date(form, "deadline", default: nil))
                            try session.subsidies.addSubsidy(subsidy)
                            return "已登记补贴项目 \(item)，待批复。"
                        case "approve":
                            try session.subsidies.approveSubsidy(code: item, document: form.trimmed("document") ?? "", date: date)
                            return "\(item) 已批复。"
                        case "disburse":
                            let refs = try session.subsidies.disburseSubsidy(code: item, amount: try Self.amount(form, "amount"), date: date,
                                                                             reviewer: reviewer)
                            return "\(item) 已拨付，生成凭证：\(refs.map(\.description).joined(separator: "、"))。"
                        default:
                            let refs = try session.subsidies.settleSubsidy(code: item, date: date, reviewer: reviewer)
                            return "\(item) 已结项" + (refs.isEmpty ? "。" : "，生成凭证：\(refs.map(\.description).joined(separator: "、"))。")
                        }
                    }
                    return try await render(routes, context, scope, year: year, message: message, error: nil, status: .ok)
                } catch let error as BookError {
                    return try await render(routes, context, scope, year: year, message: nil, error: error.deskText, status: error.category.status)
                }
            }
        }
    }

    static func amount(_ form: FormData, _ name: String) throws -> Money {
        let text = form.trimmed(name) ?? ""
        guard case let .success(money) = Input.parsedAmount(text), money.fen > 0 else { throw DeskError.badField(name: "金额", value: text) }
        return money
    }

    static func date(_ form: FormData, _ name: String, default fallback: LocalDate?) throws -> LocalDate {
        let fields = ["window_start": "使用期起始日期", "deadline": "使用期截止日期"]
        return try Input.date(form, name, field: fields[name] ?? "日期", default: fallback)
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, year: Int, message: String?, error: String?,
                       status: HTTPResponse.Status) async throws -> Response {
        let code = scope.code
        let (register, received, members) = try await scope.session.perform { session in
            (try Reports.subsidyRegister(session, grantor: code, year: year, asOf: nil), try session.subsidies.subsidies(organization: code, asRecipient: true),
             try session.organizations.organizations().filter { $0.parentCode == code })
        }
        let frame = try await routes.frame(context, organization: scope.organization, current: "subsidies")
        func money(_ fen: Int64) -> String { Money(fen: fen).grouped }
        let granted = register.rows.map { row -> [String: Any] in
            let item = row.item, figures = row.figures
            var entry: [String: Any] = [
                "item": item.code, "title": item.title, "recipient": item.recipient, "purpose": item.purpose, "accounts": item.accounts.joined(separator: " "),
                "approved": item.approved.grouped, "disbursed": money(figures.disbursed), "spent": money(figures.spent),
                "returned": money(figures.returned), "balance": money(figures.balance),
                "window": "\(item.windowStart) 至 \(item.deadline)", "status": item.status.chinese, "status_key": item.status.rawValue,
                "flags": row.flags.joined(separator: "；"), "document": item.document ?? "",
            ]
            if scope.mayWrite, item.status != .settled { entry["may_act"] = true }
            if scope.mayWrite {
                switch item.status {
                case .applied: entry["may_approve"] = true
                case .approved: entry["may_disburse"] = true
                case .disbursed: entry["may_disburse"] = true; entry["may_settle"] = true
                case .settled: break
                }
            }
            return entry
        }
        let totals = register.totals
        var data: [String: Any] = [
            "code": code, "year": String(year), "previous": String(year - 1), "next": String(year + 1), "today": routes.desk.today.description,
            "granted": granted, "as_of": register.asOf.description,
            "totals": ["disbursed": money(totals.disbursed), "spent": money(totals.spent), "returned": money(totals.returned), "balance": money(totals.balance)],
            "received": received.map { item, figures -> [String: Any] in
                ["item": item.code, "title": item.title, "grantor": item.grantor, "approved": item.approved.grouped, "received": money(figures.received),
                 "spent": money(figures.spent), "balance": money(figures.balance), "window": "\(item.windowStart)至\(item.deadline)", "status": item.status.chinese]
            },
            "members": members.map { ["code": $0.code, "name": $0.name] },
        ]
        if granted.isEmpty { data["none_granted"] = true }
        if received.isEmpty { data["none_received"] = true }
        if scope.mayWrite { data["may_write"] = true }
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        return routes.page("subsidies", title: "项目补贴", frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        <h1>项目补贴 · {{year}}年</h1>
        <p class="meta"><a href="/orgs/{{code}}/subsidies?year={{previous}}">上一年</a> · <a href="/orgs/{{code}}/subsidies?year={{next}}">下一年</a></p>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <h2>项目补贴台账（本单位拨出，截至{{as_of}}，单位：元） <a class="button secondary" href="/orgs/{{code}}/subsidies/register.xlsx?year={{year}}">导出Excel</a></h2>
        {{#none_granted}}<p class="empty">本年度没有本单位拨出的补贴项目。</p>{{/none_granted}}
        {{^none_granted}}
        <div class="wide">
        <table class="grid subsidies">
          <thead><tr><th>项目编号</th><th>项目名称</th><th>受补单位</th><th>用途科目</th><th class="num">批准金额</th><th class="num">已拨付</th><th class="num">已支出</th><th class="num">已退回</th><th class="num">结余</th><th>使用期限</th><th>状态</th><th>提示</th><th>办理</th></tr></thead>
          <tbody>
          {{#granted}}
            <tr class="subsidy {{status_key}}"><td class="nowrap">{{item}}</td><td>{{title}}</td><td>{{recipient}}</td><td>{{accounts}}</td><td class="num">{{approved}}</td>
              <td class="num">{{disbursed}}</td><td class="num">{{spent}}</td><td class="num">{{returned}}</td><td class="num">{{balance}}</td>
              <td>{{window}}</td><td class="nowrap">{{status}}</td><td class="flags">{{flags}}</td>
              <td class="acts">{{#may_act}}<details><summary>办理</summary>
            {{#may_approve}}<form method="post" action="/orgs/{{code}}/subsidies/approve" class="inline">
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="item" value="{{item}}"><input type="hidden" name="year" value="{{year}}">
              <label>批复文号 <input name="document" size="18" required></label> <label>日期 <input name="date" class="date" size="11" placeholder="如 2026-05-03" autocomplete="off" value="{{today}}" required></label>
              <button type="submit" class="small">批复</button></form>{{/may_approve}}
            {{#may_disburse}}<form method="post" action="/orgs/{{code}}/subsidies/disburse" class="inline">
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="item" value="{{item}}"><input type="hidden" name="year" value="{{year}}">
              <span>拨付</span><label>金额 <input name="amount" size="10" inputmode="decimal" required></label> <label>日期 <input name="date" class="date" size="11" placeholder="如 2026-05-03" autocomplete="off" value="{{today}}" required></label>
              \(ReviewerConfirmation.fields(required: true)) <button type="submit" class="small">拨付并生成凭证</button></form>
              {{#may_settle}}<form method="post" action="/orgs/{{code}}/subsidies/settle" class="inline">
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="item" value="{{item}}"><input type="hidden" name="year" value="{{year}}">
              <span>结项</span><label>日期 <input name="date" class="date" size="11" placeholder="如 2026-05-03" autocomplete="off" value="{{today}}" required></label> \(ReviewerConfirmation.fields(required: true))
              <button type="submit" class="small danger">结项（退回结余）</button></form>{{/may_settle}}{{/may_disburse}}
              </details>{{/may_act}}</td></tr>
          {{/granted}}
          </tbody>
          <tfoot><tr class="total"><td colspan="5">合计</td><td class="num">{{totals.disbursed}}</td><td class="num">{{totals.spent}}</td><td class="num">{{totals.returned}}</td><td class="num">{{totals.balance}}</td><td colspan="4"></td></tr></tfoot>
        </table>
        </div>
        {{/none_granted}}
        <h2>本单位收到的补贴</h2>
        {{#none_received}}<p class="empty">没有上级拨给本单位的补贴项目。</p>{{/none_received}}
        {{^none_received}}
        <table class="grid">
          <thead><tr><th>项目编号</th><th>项目名称</th><th>拨款单位</th><th class="num">批准金额</th><th class="num">已收到</th><th class="num">已支出</th><th class="num">结余</th><th>使用期限</th><th>状态</th></tr></thead>
          <tbody>{{#received}}<tr><td>{{item}}</td><td>{{title}}</td><td>{{grantor}}</td><td class="num">{{approved}}</td><td class="num">{{received}}</td><td class="num">{{spent}}</td><td class="num">{{balance}}</td><td>{{window}}</td><td>{{status}}</td></tr>{{/received}}</tbody>
        </table>
        {{/none_received}}
        {{#may_write}}
        <h2>登记补贴申请</h2>
        <form method="post" action="/orgs/{{code}}/subsidies/apply" class="toolbar wrap">
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="year" value="{{year}}">
          <label>项目编号 <input name="item" size="12" required placeholder="XB-2026-010"></label>
          <label>受补单位 <select name="recipient">{{#members}}<option value="{{code}}">{{code}} {{name}}</option>{{/members}}</select></label>
          <label>项目名称 <input name="title" size="16" required></label>
          <label>用途 <input name="purpose" size="16"></label>
          <label>用途科目 <input name="accounts" size="10" required placeholder="50301 50304"></label>
          <label>批准金额 <input name="approved" size="10" inputmode="decimal" required></label>
          <label>使用期自 <input name="window_start" class="date" size="11" placeholder="如 2026-05-03" autocomplete="off" value="{{today}}" required></label>
          <label>至 <input name="deadline" class="date" size="11" placeholder="如 2026-05-03" autocomplete="off" required></label>
          <button type="submit">登记申请</button>
        </form>
        {{/may_write}}
        {{> foot}}
        """
}
