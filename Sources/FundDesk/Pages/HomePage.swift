import FundCore
import FundStore
import Hummingbird

/// 首页: the organisations the user may read, and what waits in each: drafts to review,
/// reviewed vouchers to post, months to close, findings to answer, subsidy items to approve and
/// months' packs to receive.
enum HomePage: DeskPage {
    static let templates = ["home": home]

    struct Waiting: Sendable {
        let code: String
        let name: String
        let level: String
        let drafts: Int
        let reviewed: Int
        let openMonths: [String]
        let findingsToAnswer: Int
        let findingsAnswered: Int
        let mayWrite: Bool
        let itemsToApprove: Int
        let packsToReceive: Int
        let packsReturned: Int
    }

    /// 首页 lists the waiting work of this many organisations a page; the page says how many
    /// there are and links to the others.
    static let detailLimit = 40

    static func register(on routes: DeskRoutes) {
        routes.get("/") { request, context in
            let session = try routes.session(context)
            let year = routes.desk.today.year
            let pageNumber = max(1, min(10_000, Int(request.query["page"] ?? "") ?? 1))
            let offset = (pageNumber - 1) * detailLimit
            // One read transaction for every organisation shown, not three per organisation.
            let (waiting, menu, total) = try await session.perform { session -> ([Waiting], OverviewService.Menu, Int) in
                let home = try session.overview.home(year: year, offset: offset, limit: detailLimit)
                return (home.rows.map { row in
                    let organization = row.organization, waiting = row.waiting
                    return Waiting(code: organization.code, name: organization.name, level: organization.level.chinese,
                                   drafts: waiting.drafts, reviewed: waiting.reviewed,
                                   openMonths: waiting.openMonths.map(\.description), findingsToAnswer: row.findingsToAnswer,
                                   findingsAnswered: row.findingsAnswered, mayWrite: row.mayWrite,
                                   itemsToApprove: row.itemsToApprove, packsToReceive: row.packsToReceive,
                                   packsReturned: row.packsReturned)
                }, home.menu, home.total)
            }
            context.frameRead.menu = menu
            let frame = try await routes.frame(context, organization: nil, current: nil)
            let rows: [[String: Any]] = waiting.map { item in
                var row: [String: Any] = ["code": item.code, "name": item.name, "level": item.level,
                                          "drafts": String(item.drafts), "reviewed": String(item.reviewed),
                                          "open_months": item.openMonths.joined(separator: "、"),
                                          "findings_open": String(item.findingsToAnswer), "findings_answered": String(item.findingsAnswered),
                                          "items_to_approve": String(item.itemsToApprove), "packs_to_receive": String(item.packsToReceive),
                                          "packs_returned": String(item.packsReturned)]
                if item.mayWrite { row["may_write"] = true }
                if item.drafts + item.reviewed + item.openMonths.count + item.findingsToAnswer + item.itemsToApprove + item.packsToReceive + item.packsReturned > 0 {
                    row["busy"] = true
                }
                return row
            }
            var data: [String: Any] = ["orgs_waiting": rows, "year": String(year)]
            if total == 0 { data["no_orgs"] = true }
            if total > detailLimit {
                let pages = (total + detailLimit - 1) / detailLimit
                data["paging"] = ["shown": "第 \(offset + 1)–\(offset + rows.count) 个，共 \(total) 个单位",
                                  "pages": (1...pages).map { number -> [String: Any] in
                                      var link: [String: Any] = ["number": String(number)]
                                      if number == pageNumber { link["current"] = true }
                                      return link
                                  }] as [String: Any]
            }
            return routes.page("home", title: "首页", frame: frame, data: data)
        }
        // The organisation switcher (a plain GET form, so it works without JavaScript).
        routes.get("/go") { request, _ in
            guard let code = request.query.trimmed("org"), code.utf8.count <= 32,
                  code.utf8.allSatisfy({ $0 < 128 && (Character(UnicodeScalar($0)).isLetter || Character(UnicodeScalar($0)).isNumber || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")) })
            else { throw DeskError.notFound }
            return HTML.redirect("/orgs/\(code)/vouchers")
        }
    }

    static let home = """
        {{> head}}
        <h1>首页</h1>
        <p class="hint">{{year}}年度 · 您可查看的单位及待办事项。</p>
        {{#no_orgs}}<p class="empty">您还没有任何单位的权限。请联系账套管理员授权。</p>{{/no_orgs}}
        <table class="grid">
          <thead><tr><th>单位编码</th><th>单位名称</th><th>级别</th><th class="num">待审核</th><th class="num">待记账</th><th>未结账月份</th><th class="num">待答复问题</th><th class="num">已答复待处理</th><th class="num">待审批项目</th><th class="num">待签收月报</th><th class="num">被退回月报</th><th>入口</th></tr></thead>
          <tbody>
          {{#orgs_waiting}}
            <tr{{#busy}} class="busy"{{/busy}}>
              <td>{{code}}</td><td>{{name}}</td><td>{{level}}</td>
              <td class="num"><a href="/orgs/{{code}}/vouchers?period=all&amp;status=draft">{{drafts}}</a></td>
              <td class="num"><a href="/orgs/{{code}}/vouchers?period=all&amp;status=reviewed">{{reviewed}}</a></td>
              <td>{{open_months}}</td>
              <td class="num"><a href="/orgs/{{code}}/audit?year={{year}}">{{findings_open}}</a></td><td class="num"><a href="/orgs/{{code}}/audit?year={{year}}">{{findings_answered}}</a></td>
              <td class="num"><a href="/orgs/{{code}}/subsidies">{{items_to_approve}}</a></td><td class="num"><a href="/orgs/{{code}}/packs">{{packs_to_receive}}</a></td><td class="num"><a href="/orgs/{{code}}/packs">{{packs_returned}}</a></td>
              <td class="actions">{{#may_write}}<a href="/orgs/{{code}}/vouchers/new">录入凭证</a>{{/may_write}}<a href="/orgs/{{code}}/vouchers">凭证</a><a href="/orgs/{{code}}/reports">账簿报表</a><a href="/orgs/{{code}}/periods">结账</a></td>
            </tr>
          {{/orgs_waiting}}
          </tbody>
        </table>
        {{#paging}}<p class="paging">{{shown}} · 页：{{#pages}}{{#current}}<strong>{{number}}</strong>{{/current}}{{^current}}<a href="/?page={{number}}">{{number}}</a>{{/current}} {{/pages}}</p>{{/paging}}
        {{> foot}}
        """
}
