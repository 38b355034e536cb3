import FundCore
import FundStore
import Hummingbird

/// 审查意见 on the 经审 desk: a committee member drafts the year's opinion (the months it covers,
/// the conclusion, the text) and each member signs it in the member's own login
/// (`/orgs/{CODE}/audit/opinion/...`); the store records the opinion once as many serving
/// members as the book asks have signed. The recorded opinion prints on one A4 page
/// (`/orgs/{CODE}/audit/opinion?year=2026`) and is in the 经审底稿 download.
enum OpinionPage: DeskPage {
    static let templates = ["opinion-print": page]

    static func register(on routes: DeskRoutes) {
        routes.post("/orgs/:code/audit/opinion/draft") { _, context in
            let scope = try await routes.organization(context)
            let year = try AuditPage.year(context.form["year"], routes)
            let monthText = context.form.trimmed("through_month") ?? "12"
            guard let month = Int(monthText), (1...12).contains(month) else { throw DeskError.badField(name: "审查期间", value: monthText) }
            let conclusionText = context.form.trimmed("conclusion") ?? ""
            guard let conclusion = OpinionConclusion(rawValue: conclusionText) else { throw DeskError.badField(name: "审查结论", value: conclusionText) }
            let text = context.form.trimmed("text") ?? "", code = scope.code
            do {
                try await scope.session.perform { session in
                    try session.review.draftOpinion(organization: code, year: year, throughMonth: month, conclusion: conclusion, text: text)
                }
                return try await AuditPage.render(routes, context, scope, year: year, message: "审查意见草稿已保存，请各位委员登录后分别签署。", error: nil, status: .ok)
            } catch let error as BookError {
                return try await AuditPage.render(routes, context, scope, year: year, message: nil, error: error.deskText, status: error.category.status)
            }
        }
        routes.post("/orgs/:code/audit/opinion/sign") { _, context in
            let scope = try await routes.organization(context)
            let year = try AuditPage.year(context.form["year"], routes)
            let code = scope.code
            do {
                let recorded = try await scope.session.perform { session in try session.review.signOpinion(organization: code, year: year) }
                let message = recorded == nil ? "您已签署审查意见草稿。" : "您已签署；签署人数已满，审查意见已形成并保存。"
                return try await AuditPage.render(routes, context, scope, year: year, message: message, error: nil, status: .ok)
            } catch let error as BookError {
                return try await AuditPage.render(routes, context, scope, year: year, message: nil, error: error.deskText, status: error.category.status)
            }
        }
        routes.get("/orgs/:code/audit/opinion") { request, context in
            let scope = try await routes.organization(context)
            let year = try AuditPage.year(request.query["year"], routes)
            let code = scope.code
            guard let opinion = try await scope.session.perform({ session in try session.review.opinion(organization: code, year: year) }) else {
                throw DeskError.notFound
            }
            let data: [String: Any] = [
                "title": "经费审查意见 \(code) \(year)年", "code": code, "year": String(year), "organization": scope.organization.name,
                "paragraphs": opinion.text.split(separator: "\n", omittingEmptySubsequences: true).map { ["text": String($0)] },
                "date": Self.chineseDate(opinion.recordedAt), "audit": String(opinion.audit),
                "signers": opinion.signers.map { ["name": $0.name, "office": $0.office.chinese] },
            ]
            return HTML.response(routes.desk.templates.render("opinion-print", data))
        }
    }

    /// A stored date (2026-05-03) as an opinion is dated: 2026年5月3日.
    static func chineseDate(_ text: String) -> String {
        guard let date = LocalDate(parsing: text.prefix(10)) else { return text }
        return "\(date.year)年\(date.month)月\(date.day)日"
    }

    static let page = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>{{title}}</title><link rel="stylesheet" href="/assets/desk.css">
        <script src="/assets/desk.js" defer></script></head>
        <body class="print">
        <p class="screen-only"><button type="button" id="print-now">打印</button> <a href="/orgs/{{code}}/audit?year={{year}}">返回经审</a> · 纸张：A4 纵向</p>
        <section class="opinion-form">
          <h1>经费审查委员会审查意见</h1>
          <p class="form-head"><span>被审查单位：{{organization}}</span><span>{{year}}年度</span></p>
          {{#paragraphs}}<p class="opinion-text">{{text}}</p>{{/paragraphs}}
          <p class="opinion-basis">（依据第{{audit}}次审查）</p>
          <table class="opinion-signers">
            <thead><tr><th>职务</th><th>签署人</th><th>签名</th></tr></thead>
            <tbody>{{#signers}}<tr><td>{{office}}</td><td>{{name}}</td><td></td></tr>{{/signers}}</tbody>
          </table>
          <p class="opinion-date">经费审查委员会<br>{{date}}</p>
        </section>
        </body>
        </html>
        """
}
