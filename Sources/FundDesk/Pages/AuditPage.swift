import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX
import Hummingbird

/// 经审 (`/orgs/{CODE}/audit?year=2026`): the funds review committee's desk. A committee member
/// runs the audit rules over the year and sees the findings, each with the vouchers it names one
/// click away; the finance officer answers a finding on its page (首页 counts what waits for
/// her); the committee resolves or accepts the answer, or reopens a closed finding. The page
/// shows the committee's opinion with its signers, and 经审底稿 downloads the workbook the CLI's
/// `review workbook` writes. Every act is the store's, so its role checks (the officer answers,
/// the committee judges, whoever answered does not judge) rest on the logged-in user. The
/// opinion is drafted and signed here, member by member (`OpinionPage`). Times are Beijing time.
enum AuditPage: DeskPage {
    static let templates = ["audit": page, "audit-finding": findingPage]
    static let menu = [MenuItem(title: "经审", path: "audit", order: 50)]

    /// What the user may do on an organisation's review.
    struct Powers: Sendable {
        let audit: Bool
        let answer: Bool
    }

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/audit") { request, context in
            let scope = try await routes.organization(context)
            let year = try Self.year(request.query["year"], routes)
            return try await render(routes, context, scope, year: year, message: nil, error: nil, status: .ok)
        }
        routes.post("/orgs/:code/audit/run") { _, context in
            let scope = try await routes.organization(context)
            let year = try Self.year(context.form["year"], routes)
            let code = scope.code
            do {
                let outcome = try await scope.session.perform { session in try session.review.runAudit(organization: code, year: year) }
                let message = "第\(outcome.audit.id)次审查已完成：新发现\(outcome.new)个问题，再次发现\(outcome.again)个，\(outcome.notFoundAgain)个本次未再发现。"
                return try await render(routes, context, scope, year: year, message: message, error: nil, status: .ok)
            } catch let error as BookError {
                return try await render(routes, context, scope, year: year, message: nil, error: error.deskText, status: error.category.status)
            }
        }
        routes.get("/orgs/:code/audit/findings/:id") { _, context in
            let scope = try await routes.organization(context)
            return try await renderFinding(routes, context, scope, id: try Self.findingID(context), message: nil, error: nil, status: .ok)
        }
        for act in ["answer", "resolve", "accept", "reopen"] {
            routes.post(RouterPath("/orgs/:code/audit/findings/:id/\(act)")) { _, context in
                let scope = try await routes.organization(context)
                let id = try Self.findingID(context)
                // The finding must be of the organisation in the address, so that a page of one
                // union never acts on another's finding.
                _ = try await Self.finding(scope, id: id)
                let text = context.form.trimmed("text") ?? ""
                do {
                    try await scope.session.perform { session in
                        switch act {
                        case "answer": try session.review.answerFinding(id: id, text: text)
                        case "reopen": try session.review.reopenFinding(id: id, text: text)
                        default: try session.review.closeFinding(id: id, accepted: act == "accept", text: text)
                        }
                    }
                    let done = ["answer": "答复已保存。", "resolve": "已确认整改。", "accept": "已认可该说明。", "reopen": "已重新打开该问题。"][act] ?? ""
                    return try await renderFinding(routes, context, scope, id: id, message: done, error: nil, status: .ok)
                } catch let error as BookError {
                    return try await renderFinding(routes, context, scope, id: id, message: nil, error: error.deskText, status: error.category.status)
                }
            }
        }
        routes.get("/orgs/:code/audit/workbook.xlsx") { request, context in
            let scope = try await routes.organization(context)
            let year = try Self.year(request.query["year"], routes)
            let code = scope.code
            let bytes = try await scope.session.perform { session in
                try ReportPages.workbookBytes { path in try ReviewWorkbook.write(try Reports.review(session, organization: code, year: year), to: path) }
            }
            return ReportPages.xlsx(bytes, name: "\(ReviewReport.title)-\(code)-\(year).xlsx")
        }
    }

    /// The year of the address or form; this year when none is given.
    static func year(_ text: String?, _ routes: DeskRoutes) throws -> Int {
        let text = text?.trimmingCharacters(in: .whitespaces) ?? ""
        if text.isEmpty { return routes.desk.today.year }
        guard let year = Int(text), (1900...9999).contains(year) else { throw DeskError.badField(name: "年度", value: text) }
        return year
    }

    static func findingID(_ context: DeskContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw DeskError.notFound }
        return id
    }

    /// The finding `id` of the organisation in scope; "not found" for any other, whether or not
    /// it exists elsewhere.
    static func finding(_ scope: Scope, id: Int64) async throws -> FindingRecord {
        let code = scope.code
        return try await scope.session.perform { session -> FindingRecord in
            for year in try Self.years(session, code: code) {
                if let finding = try session.review.findings(organization: code, year: year).first(where: { $0.id == id }) { return finding }
            }
            throw DeskError.notFound
        }
    }

    /// The years audited, newest first.
    static func years(_ session: Session, code: String) throws -> [Int] {
        let years = Set(try session.vouchers.vouchers(organization: code).map(\.draft.date.year))
        return years.sorted(by: >)
    }

    static func powers(_ session: Session, code: String) throws -> Powers {
        Powers(audit: try session.access.permits(.audit, organization: code), answer: try session.access.permits(.answerFinding, organization: code))
    }

    /// The ids of the organisation's vouchers by the label a finding names them with
    /// ("FED-12 2026-05/记-0003"), so that each is a link.
    static func voucherLinks(_ session: Session, code: String) throws -> [String: Int64] {
        var links: [String: Int64] = [:]
        for voucher in try session.vouchers.vouchers(organization: code) {
            if let number = voucher.number {
                links[code + " " + VoucherRef(period: voucher.draft.period, word: voucher.draft.word, number: number).description] = voucher.id
            }
        }
        return links
    }

    static func vouchers(_ finding: FindingRecord, links: [String: Int64], code: String) -> [[String: Any]] {
        finding.vouchers.map { label in
            var item: [String: Any] = ["label": label.hasPrefix(code + " ") ? String(label.dropFirst(code.count + 1)) : label]
            if let id = links[label] { item["id"] = String(id) }
            return item
        }
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, year: Int, message: String?, error: String?,
                       status: HTTPResponse.Status) async throws -> Response {
        let code = scope.code
        let (findings, audits, opinion, powers, links) = try await scope.session.perform { session in
            (try session.review.findings(organization: code, year: year), try session.review.audits(organization: code, year: year),
             try session.review.opinion(organization: code, year: year), try Self.powers(session, code: code), try Self.voucherLinks(session, code: code))
        }
        var draft: OpinionDraft?
        if opinion == nil { draft = try await scope.session.perform { session in try session.review.opinionDraft(organization: code, year: year) } }
        let frame = try await routes.frame(context, organization: scope.organization, current: "audit")
        let rules = Dictionary(uniqueKeysWithValues: AuditRules.all.map { ($0.id, $0.chinese) })
        let rows = findings.map { finding -> [String: Any] in
            var row: [String: Any] = [
                "id": String(finding.id), "rule": rules[finding.rule] ?? finding.rule, "severity": finding.severity.chinese,
                "severity_key": finding.severity.rawValue, "status": finding.status.chinese, "status_key": finding.status.rawValue,
                "amount": finding.amount.map { $0.grouped } ?? "", "text": finding.text,
                "vouchers": Self.vouchers(finding, links: links, code: code),
            ]
            // The link says what the user can do there: 处理 for the committee, 答复 for the officer.
            if finding.status == .answered, powers.audit { row["waiting_committee"] = true }
            if finding.status == .open, powers.answer { row["waiting_officer"] = true }
            return row
        }
        var data: [String: Any] = [
            "code": code, "year": String(year), "previous": String(year - 1), "next": String(year + 1), "findings": rows,
            "count_open": String(findings.count(where: { $0.status == .open })),
            "count_answered": String(findings.count(where: { $0.status == .answered })),
            "count_closed": String(findings.count(where: { $0.status == .resolved || $0.status == .accepted })),
            "audits": audits.reversed().map { audit -> [String: Any] in
                ["id": String(audit.id), "at": DeskTime.show(audit.runAt), "by": audit.runBy, "vouchers": String(audit.vouchers), "rules": String(audit.rules.count)]
            },
        ]
        if findings.isEmpty { data["no_findings"] = true }
        if audits.isEmpty { data["no_audits"] = true }
        if powers.audit { data["may_audit"] = true }
        if let opinion {
            data["opinion"] = [
                "text": opinion.text, "at": DeskTime.show(opinion.recordedAt), "by": opinion.recordedBy, "audit": String(opinion.audit),
                "paragraphs": opinion.text.split(separator: "\n", omittingEmptySubsequences: true).map { ["text": String($0)] },
                "signers": opinion.signers.map { ["name": $0.name, "office": $0.office.chinese] },
            ] as [String: Any]
        }
        data.merge(Self.draftData(draft, year: year, user: scope.session.user, mayAudit: powers.audit, recorded: opinion != nil)) { $1 }
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        return routes.page("audit", title: "经审", frame: frame, data: data, status: status)
    }

    static func renderFinding(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, id: Int64, message: String?, error: String?,
                              status: HTTPResponse.Status) async throws -> Response {
        let finding = try await Self.finding(scope, id: id)
        let code = scope.code
        let (powers, links) = try await scope.session.perform { session in (try Self.powers(session, code: code), try Self.voucherLinks(session, code: code)) }
        let frame = try await routes.frame(context, organization: scope.organization, current: "audit")
        let rule = AuditRules.all.first { $0.id == finding.rule }
        let user = scope.session.user
        let answeredByUser = finding.history.contains { $0.action == "answered" && $0.by == user }
        var data: [String: Any] = [
            "code": code, "id": String(finding.id), "year": String(finding.year), "rule": rule?.chinese ?? finding.rule,
            "explanation": rule?.chineseExplanation ?? "", "severity": finding.severity.chinese, "severity_key": finding.severity.rawValue,
            "status": finding.status.chinese, "status_key": finding.status.rawValue,
            "text": finding.text, "vouchers": Self.vouchers(finding, links: links, code: code),
            "history": finding.history.map { event -> [String: Any] in
                ["at": DeskTime.show(event.at), "by": event.by, "action": eventName(event.action), "text": eventText(event)]
            },
        ]
        // A section shows for any string, even an empty one: the amount is set only when there is one.
        if let amount = finding.amount { data["amount"] = amount.grouped }
        if finding.vouchers.isEmpty { data["no_vouchers"] = true }
        if powers.answer, finding.status == .open || finding.status == .answered { data["may_answer"] = true }
        if powers.audit, finding.status == .answered, !answeredByUser { data["may_close"] = true }
        if powers.audit, finding.status == .resolved || finding.status == .accepted { data["may_reopen"] = true }
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        return routes.page("audit-finding", title: "审查问题", frame: frame, data: data, status: status)
    }

    /// The opinion's draft, its signatures and the forms a committee member may use: sign (once,
    /// in the member's own login) and draft anew (which clears the signatures).
    static func draftData(_ draft: OpinionDraft?, year: Int, user: String, mayAudit: Bool, recorded: Bool) -> [String: Any] {
        var data: [String: Any] = [:]
        if let draft {
            var item: [String: Any] = [
                "coverage": draft.coverage, "conclusion": draft.conclusion.chinese, "text": draft.text,
                "by": draft.draftedBy, "at": DeskTime.show(draft.draftedAt), "required": String(draft.required),
                "signed_count": String(draft.signatures.count),
                "signatures": draft.signatures.map { ["name": $0.name, "at": DeskTime.show($0.at)] },
            ]
            if draft.signatures.isEmpty { item["no_signatures"] = true }
            if mayAudit, !draft.signatures.contains(where: { $0.name == user }) { item["may_sign"] = true }
            data["draft"] = item
        }
        if mayAudit, !recorded {
            data["may_draft"] = true
            data["draft_months"] = (1...12).map { month -> [String: Any] in
                ["value": String(month), "label": OpinionDraft.coverage(year: year, throughMonth: month), "selected": month == (draft?.throughMonth ?? 12)]
            }
            data["draft_conclusions"] = OpinionConclusion.allCases.map { conclusion -> [String: Any] in
                ["value": conclusion.rawValue, "label": conclusion.chinese, "selected": conclusion == (draft?.conclusion ?? .agree)]
            }
            data["draft_text"] = draft?.text ?? ""
        }
        return data
    }

    /// A step of a finding's history as the committee names it.
    static func eventName(_ action: String) -> String {
        switch action {
        case "found": "发现"
        case "found-again", "foundAgain": "再次发现"
        case "not-found", "notFound": "本次未再发现"
        case "answered": "答复"
        case "resolved": "确认整改"
        case "accepted": "认可说明"
        case "reopened": "重新打开"
        default: action
        }
    }

    /// The text of a step; the notes the store writes by itself are said in Chinese.
    static func eventText(_ event: FindingEvent) -> String {
        if event.text == "found again after it was resolved" { return "整改后再次发现，已重新打开" }
        if event.text.hasPrefix("not found by audit #") { return "第\(event.text.dropFirst("not found by audit #".count))次审查未再发现" }
        return event.text
    }

    static let page = """
        {{> head}}
        <h1>经审 · {{year}}年度</h1>
        <p class="meta"><a href="/orgs/{{code}}/audit?year={{previous}}">上一年</a> · <a href="/orgs/{{code}}/audit?year={{next}}">下一年</a>
          · <a href="/orgs/{{code}}/audit/workbook.xlsx?year={{year}}">下载经审底稿（Excel）</a></p>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#may_audit}}
        <form method="post" action="/orgs/{{code}}/audit/run" class="toolbar">
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="year" value="{{year}}">
          <button type="submit" id="run-audit">运行审查</button>
          <span class="hint">按全部审查规则检查本年度已记账凭证、项目补贴和预算；已有问题保留其答复和处理记录。</span>
        </form>
        {{/may_audit}}
        <h2>审查问题</h2>
        <p class="hint">待答复 {{count_open}} 个 · 已答复待处理 {{count_answered}} 个 · 已处理 {{count_closed}} 个</p>
        {{#no_findings}}<p class="empty">本年度尚无审查问题{{#no_audits}}（尚未运行审查）{{/no_audits}}。</p>{{/no_findings}}
        {{^no_findings}}
        <table class="grid findings">
          <thead><tr><th>编号</th><th>问题类别</th><th>程度</th><th>状态</th><th class="num">金额</th><th>说明</th><th>涉及凭证</th><th></th></tr></thead>
          <tbody>
          {{#findings}}
            <tr class="finding {{status_key}}">
              <td>{{id}}</td><td>{{rule}}</td><td class="severity {{severity_key}}">{{severity}}</td>
              <td class="status {{status_key}}">{{status}}</td><td class="num">{{amount}}</td><td class="text">{{text}}</td>
              <td class="vouchers">{{#vouchers}}{{#id}}<a href="/orgs/{{code}}/vouchers/{{id}}">{{label}}</a>{{/id}}{{^id}}{{label}}{{/id}} {{/vouchers}}</td>
              <td class="actions"><a href="/orgs/{{code}}/audit/findings/{{id}}">{{#waiting_committee}}处理{{/waiting_committee}}{{#waiting_officer}}答复{{/waiting_officer}}{{^waiting_committee}}{{^waiting_officer}}查看{{/waiting_officer}}{{/waiting_committee}}</a></td>
            </tr>
          {{/findings}}
          </tbody>
        </table>
        {{/no_findings}}
        <h2>审查意见</h2>
        {{#opinion}}
        <blockquote class="opinion" id="opinion">{{#paragraphs}}<p>{{text}}</p>{{/paragraphs}}</blockquote>
        <p class="meta">{{at}} 形成（依据第{{audit}}次审查），签署：{{#signers}}<span class="signer">{{office}} {{name}}</span> {{/signers}}
          · <a href="/orgs/{{code}}/audit/opinion?year={{year}}" id="print-opinion">打印审查意见</a></p>
        {{/opinion}}
        {{^opinion}}
        {{#draft}}
        <h3>待签署的草稿</h3>
        <table class="record" id="opinion-draft">
          <tr><th>审查期间</th><td>{{coverage}}</td></tr>
          <tr><th>审查结论</th><td>{{conclusion}}</td></tr>
          <tr><th>意见正文</th><td class="text">{{text}}</td></tr>
          <tr><th>起草</th><td>{{by}}，{{at}}</td></tr>
          <tr><th>签署（{{signed_count}}/{{required}}）</th><td>{{#signatures}}<span class="signer">{{name}}（{{at}}）</span>{{/signatures}}{{#no_signatures}}尚无委员签署{{/no_signatures}}</td></tr>
        </table>
        {{#may_sign}}
        <form method="post" action="/orgs/{{code}}/audit/opinion/sign" class="toolbar">
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="year" value="{{year}}">
          <button type="submit" id="sign-opinion">签署审查意见</button>
          <span class="hint">以本人登录身份签署；达到 {{required}} 名在任委员签署后，审查意见即形成并保存，不能再修改。</span>
        </form>
        {{/may_sign}}
        {{/draft}}
        {{^draft}}<p class="empty">本年度尚未形成审查意见。</p>{{/draft}}
        {{#may_draft}}
        <details class="stack"{{^draft}} open{{/draft}}>
          <summary>{{#draft}}重新起草（已有签署将作废）{{/draft}}{{^draft}}起草审查意见{{/draft}}</summary>
          <form method="post" action="/orgs/{{code}}/audit/opinion/draft" class="stack" id="opinion-draft-form">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="year" value="{{year}}">
            <label>审查期间 <select name="through_month">{{#draft_months}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/draft_months}}</select></label>
            <label>审查结论 <select name="conclusion">{{#draft_conclusions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/draft_conclusions}}</select></label>
            <label>意见正文 <textarea name="text" rows="5" cols="70" required>{{draft_text}}</textarea></label>
            <button type="submit" id="save-opinion-draft">保存草稿</button>
          </form>
        </details>
        {{/may_draft}}
        {{/opinion}}
        <h2>审查记录</h2>
        {{#no_audits}}<p class="empty">尚未运行审查。</p>{{/no_audits}}
        {{^no_audits}}
        <table class="grid">
          <thead><tr><th>次序</th><th>运行时间</th><th>运行人</th><th class="num">凭证数</th><th class="num">规则数</th></tr></thead>
          <tbody>{{#audits}}<tr><td>第{{id}}次</td><td>{{at}}</td><td>{{by}}</td><td class="num">{{vouchers}}</td><td class="num">{{rules}}</td></tr>{{/audits}}</tbody>
        </table>
        {{/no_audits}}
        {{> foot}}
        """

    static let findingPage = """
        {{> head}}
        <h1>审查问题 {{id}} · {{rule}}</h1>
        <p class="meta"><a href="/orgs/{{code}}/audit?year={{year}}">返回{{year}}年度经审</a></p>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <table class="record">
          <tr><th>状态</th><td class="status {{status_key}}">{{status}}</td></tr>
          <tr><th>程度</th><td class="severity {{severity_key}}">{{severity}}</td></tr>
          <tr><th>说明</th><td>{{text}}</td></tr>
          {{#amount}}<tr><th>金额</th><td>{{amount}}</td></tr>{{/amount}}
          <tr><th>审查规则</th><td>{{explanation}}</td></tr>
          <tr><th>涉及凭证</th><td class="vouchers">{{#vouchers}}{{#id}}<a href="/orgs/{{code}}/vouchers/{{id}}">{{label}}</a>{{/id}}{{^id}}{{label}}{{/id}} {{/vouchers}}{{#no_vouchers}}无{{/no_vouchers}}</td></tr>
        </table>
        {{#may_answer}}
        <form method="post" action="/orgs/{{code}}/audit/findings/{{id}}/answer" class="stack">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label>答复（整改情况或说明） <textarea name="text" rows="3" cols="60" required></textarea></label>
          <button type="submit">提交答复</button>
        </form>
        {{/may_answer}}
        {{#may_close}}
        <form method="post" action="/orgs/{{code}}/audit/findings/{{id}}/resolve" class="stack">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label>处理意见 <textarea name="text" rows="2" cols="60"></textarea></label>
          <button type="submit" id="resolve">确认已整改</button>
          <button type="submit" formaction="/orgs/{{code}}/audit/findings/{{id}}/accept" class="secondary" id="accept">认可说明</button>
        </form>
        {{/may_close}}
        {{#may_reopen}}
        <form method="post" action="/orgs/{{code}}/audit/findings/{{id}}/reopen" class="stack">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label>重新打开的原因 <input name="text" size="40" required></label>
          <button type="submit" class="danger">重新打开</button>
        </form>
        {{/may_reopen}}
        <h2>处理记录</h2>
        <table class="grid">
          <thead><tr><th>时间</th><th>经办人</th><th>事项</th><th>内容</th></tr></thead>
          <tbody>{{#history}}<tr><td>{{at}}</td><td>{{by}}</td><td>{{action}}</td><td>{{text}}</td></tr>{{/history}}</tbody>
        </table>
        {{> foot}}
        """
}
