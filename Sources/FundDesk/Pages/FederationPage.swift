import FundCore
import FundStore
import Hummingbird

/// 联合会 (`/orgs/{CODE}/federation`): a federation's records under the seed (冀工办发〔2020〕43号):
/// the townships it covers, its term with the warning three months before it ends, its committee
/// (委员会) with each member's union and post, and the forms that record them: townships, 换届 or
/// an approved extension, a member seated or leaving their post (the book's administrator), and
/// the county union's approved exception to support it directly (the county's officers). The
/// store checks each act's role and rule; a refusal is shown in Chinese with its rule id.
enum FederationPage: DeskPage {
    static let templates = ["federation": page]
    static let menu = [MenuItem(title: "联合会", path: "federation", order: 75)]

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/federation") { _, context in
            let scope = try await routes.organization(context)
            return try await render(routes, context, scope, message: nil, error: nil, status: .ok)
        }
        routes.post("/orgs/:code/federation/townships") { _, context in
            try await act(routes, context, done: "已更新覆盖的乡镇（街道）。") { session, code, form in
                let adding = (form.trimmed("add") ?? "").split(whereSeparator: { $0 == "、" || $0 == "," || $0 == "，" }).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
                let removing = form.trimmed("remove").map { [$0] } ?? []
                try session.federations.setTownships(federation: code, adding: adding, removing: removing)
            }
        }
        routes.post("/orgs/:code/federation/term") { _, context in
            try await act(routes, context, done: "已登记任期变动。") { session, code, form in
                let date = try day(form, "date", "日期")
                let document = form.trimmed("document")
                if form.trimmed("kind") == FederationTermAct.Kind.extension.rawValue {
                    try session.federations.recordTerm(federation: code, FederationTermAct(kind: .extension, date: date, document: document))
                } else {
                    let text = form.trimmed("years") ?? ""
                    guard let years = Int(text) else { throw DeskError.badField(name: "任期年数", value: text) }
                    try session.federations.recordTerm(federation: code, FederationTermAct(kind: .reElection, date: date, years: years, document: document))
                }
            }
        }
        routes.post("/orgs/:code/federation/members") { _, context in
            try await act(routes, context, done: "已增补委员。") { session, code, form in
                let postText = form.trimmed("post") ?? "", officeText = form.trimmed("office") ?? ""
                guard let post = FederationMemberPost(parsing: postText) else { throw DeskError.badField(name: "原单位职务", value: postText) }
                guard let office = FederationOffice(parsing: officeText) else { throw DeskError.badField(name: "委员会职务", value: officeText) }
                try session.federations.addMember(federation: code, FederationMember(name: form.trimmed("name") ?? "", fromUnion: form.trimmed("union") ?? "",
                                                                                     post: post, office: office, start: try day(form, "start", "就任日期")))
            }
        }
        routes.post("/orgs/:code/federation/members/left") { _, context in
            try await act(routes, context, done: "已登记委员卸任原职。") { session, code, form in
                try session.federations.updateMember(federation: code, name: form.trimmed("name") ?? "", leftPost: try day(form, "date", "卸任日期"))
            }
        }
        routes.post("/orgs/:code/federation/exception") { _, context in
            try await act(routes, context, done: "已登记县级工会直接支持的例外。") { session, code, form in
                try session.federations.recordException(federation: code, grantor: form.trimmed("grantor") ?? "", document: form.trimmed("document") ?? "",
                                                        date: try day(form, "date", "批准日期"))
            }
        }
    }

    static func day(_ form: FormData, _ name: String, _ label: String) throws -> LocalDate {
        let text = form.trimmed(name) ?? ""
        guard let date = LocalDate(input: text) else { throw DeskError.badField(name: label, value: text) }
        return date
    }

    static func act(_ routes: DeskRoutes, _ context: DeskContext, done: String,
                    _ body: @escaping @Sendable (Session, String, FormData) throws -> Void) async throws -> Response {
        let scope = try await routes.organization(context)
        let form = context.form, code = scope.code
        do {
            try await scope.session.perform { session in try body(session, code, form) }
            return try await render(routes, context, scope, message: done, error: nil, status: .ok)
        } catch let error as BookError {
            return try await render(routes, context, scope, message: nil, error: error.deskText, status: error.category.status)
        }
    }

    /// The term's line and its warning, in Chinese.
    static func termText(_ standing: FederationTermStanding) -> (term: String, warning: String?) {
        func span(_ term: FederationTerm) -> String {
            "\(term.years)年，\(term.start) 至 \(term.end)" + (term.extendedTo.map { "，经批准延期至 \($0)" } ?? "")
        }
        switch standing {
        case .unknown: return ("未登记任期", nil)
        case let .inTerm(term): return (span(term), nil)
        case let .ending(term): return (span(term), "任期将于 \(term.lastDay) 届满，不足三个月；请做好换届准备 [federation-term-ending]")
        case let .expired(term): return (span(term), "任期已于 \(term.lastDay) 届满，未登记换届或经批准的延期 [federation-term-expired]")
        }
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, message: String?, error: String?,
                       status: HTTPResponse.Status) async throws -> Response {
        let code = scope.code, today = routes.desk.today
        let frame = try await routes.frame(context, organization: scope.organization, current: "federation")
        var data: [String: Any] = ["code": code, "name": scope.organization.name]
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        guard scope.organization.level == .federation else {
            data["not_federation"] = "\(code) 是\(scope.organization.level.chinese)，不是工会联合会；本页只登记工会联合会的覆盖乡镇、任期和委员会。"
            return routes.page("federation", title: "联合会", frame: frame, data: data, status: status)
        }
        let (townships, term, members) = try await scope.session.perform { session in
            (try session.federations.townships(federation: code), try session.federations.term(federation: code, on: today),
             try session.federations.members(federation: code))
        }
        let (termLine, warning) = termText(term.standing)
        let toReplace = Set(FederationRules.membersToReplace(members, on: today).map(\.name))
        data["federation"] = true
        data["townships"] = townships.isEmpty ? "未登记" : townships.joined(separator: "、")
        data["township_list"] = townships.map { ["name": $0] }
        data["term"] = termLine
        if let warning { data["warning"] = warning }
        data["acts"] = term.acts.map { act -> [String: Any] in
            ["kind": act.kind.chinese, "date": act.date.description, "years": act.years.map { "\($0)年" } ?? "", "document": act.document ?? ""]
        }
        data["members"] = members.map { member -> [String: Any] in
            var row: [String: Any] = ["office": member.office.chinese, "name": member.name, "union": member.fromUnion, "post": member.post.chinese,
                                      "start": member.start.description, "end": member.end?.description ?? "", "left": member.leftPost?.description ?? ""]
            if toReplace.contains(member.name) { row["replace"] = "需替补 [federation-member-replacement]" }
            return row
        }
        data["posts"] = FederationMemberPost.allCases.map { ["value": $0.rawValue, "label": $0.chinese] }
        data["offices"] = FederationOffice.allCases.map { ["value": $0.rawValue, "label": $0.chinese] }
        data["parent"] = scope.organization.parentCode ?? ""
        return routes.page("federation", title: "联合会", frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        <h1>联合会 · {{code}} {{name}}</h1>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#not_federation}}<p class="meta">{{not_federation}}</p>{{/not_federation}}
        {{#federation}}
        <h2>覆盖的乡镇（街道）</h2>
        <p>{{townships}}</p>
        <form method="post" action="/orgs/{{code}}/federation/townships" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">
          <input name="add" placeholder="乡镇（街道）名称，多个用、分隔" size="30" required> <button type="submit">登记</button></form>
        {{#township_list}}<form method="post" action="/orgs/{{code}}/federation/townships" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="remove" value="{{name}}"><button type="submit" class="danger">移除 {{name}}</button></form>{{/township_list}}

        <h2>任期</h2>
        <p>{{term}}</p>
        {{#warning}}<p class="error" role="alert">{{warning}}</p>{{/warning}}
        <table class="grid"><thead><tr><th>事项</th><th>日期</th><th>任期</th><th>文号</th></tr></thead><tbody>
        {{#acts}}<tr><td>{{kind}}</td><td>{{date}}</td><td>{{years}}</td><td>{{document}}</td></tr>{{/acts}}
        </tbody></table>
        <form method="post" action="/orgs/{{code}}/federation/term"><input type="hidden" name="_csrf" value="{{csrf}}">
          <select name="kind"><option value="re-election">换届（新任期首日）</option><option value="extension">延期换届（延期至）</option></select>
          <input name="date" placeholder="YYYY-MM-DD" size="10" required> <select name="years"><option value="5">5年</option><option value="3">3年</option></select>
          <input name="document" placeholder="批复文号（延期必填）" size="18"> <button type="submit">登记</button></form>

        <h2>委员会</h2>
        <table class="grid"><thead><tr><th>职务</th><th>姓名</th><th>所在单位</th><th>原单位职务</th><th>就任</th><th>离任</th><th>卸任原职</th><th></th></tr></thead><tbody>
        {{#members}}<tr><td>{{office}}</td><td>{{name}}</td><td>{{union}}</td><td>{{post}}</td><td>{{start}}</td><td>{{end}}</td><td>{{left}}</td>
          <td>{{#replace}}<span class="error">{{replace}}</span>{{/replace}}
          <form method="post" action="/orgs/{{code}}/federation/members/left" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="name" value="{{name}}"><input name="date" placeholder="卸任原职日期" size="10" required> <button type="submit">登记卸任</button></form></td></tr>{{/members}}
        </tbody></table>
        <form method="post" action="/orgs/{{code}}/federation/members"><input type="hidden" name="_csrf" value="{{csrf}}">
          <input name="name" placeholder="姓名" size="6" required> <input name="union" placeholder="所在单位" size="16" required>
          <select name="post">{{#posts}}<option value="{{value}}">{{label}}</option>{{/posts}}</select>
          <select name="office">{{#offices}}<option value="{{value}}">{{label}}</option>{{/offices}}</select>
          <input name="start" placeholder="就任日期 YYYY-MM-DD" size="12" required> <button type="submit">增补委员</button></form>

        <h2>县级工会直接支持的例外</h2>
        <form method="post" action="/orgs/{{code}}/federation/exception"><input type="hidden" name="_csrf" value="{{csrf}}">
          <input name="grantor" placeholder="县级工会代码" size="8" required> <input name="document" placeholder="批复文号" size="18" required>
          <input name="date" placeholder="批准日期 YYYY-MM-DD" size="12" required> <button type="submit">登记例外</button></form>
        {{/federation}}
        {{> foot}}
        """
}
