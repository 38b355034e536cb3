import FundCore
import FundStore
import Hummingbird

/// 建账 (`/orgs/{CODE}/opening`): an organisation's opening balances, entered once before any
/// voucher. The officer pastes the trial balance (科目编码, 科目名称, 借方余额, 贷方余额, 项目; as
/// CSV or straight from Excel, tab-separated), names the book's first month and the second
/// officer who reviewed the balances; the store checks them as `org open-balances` does. Once
/// opened, the page shows the first period and the opening voucher.
enum OpeningPage: DeskPage {
    static let templates = ["opening": page]
    static let menu = [MenuItem(title: "建账", path: "opening", order: 45)]

    static func register(on routes: DeskRoutes) {
        registerCountyAccount(on: routes)
        routes.get("/orgs/:code/opening") { _, context in
            let scope = try await routes.organization(context)
            return try await render(routes, context, scope, message: nil, errors: [], form: [:], status: .ok)
        }
        routes.post("/orgs/:code/opening") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            let periodText = context.form.trimmed("first_period") ?? ""
            let text = context.form.trimmed("balances") ?? ""
            let form = ["first_period": periodText, "reviewer": context.form.trimmed("reviewer") ?? "", "balances": text]
            guard let firstPeriod = Period(parsing: periodText) else { throw DeskError.badField(name: "第一个会计期间", value: periodText) }
            // The opening voucher is reviewed by another officer, who confirms with their own password.
            let reviewer: String
            do { reviewer = try await ReviewerConfirmation.confirm(context.form, desk: routes.desk) ?? "" } catch DeskError.reviewerNotConfirmed {
                return try await render(routes, context, scope, message: nil, errors: [ReviewerConfirmation.refusal], form: form, status: .forbidden)
            }
            let code = scope.code
            do {
                let voucher = try await scope.session.perform { session -> Voucher in
                    let chart = try session.organizations.chart(for: code)
                    switch OpeningTrialBalance.read(file: "余额表", records: try records(text), chart: chart) {
                    case let .failure(errors): throw errors
                    case let .success(balances): return try session.opening.open(organization: code, firstPeriod: firstPeriod, balances: balances, reviewer: reviewer)
                    }
                }
                let ref = voucher.ref?.description ?? "#\(voucher.id)"
                return try await render(routes, context, scope, message: "已建账：自\(firstPeriod)起，期初余额记为凭证 \(ref)。", errors: [], form: [:], status: .ok)
            } catch let errors as InputErrors {
                return try await render(routes, context, scope, message: nil, errors: errors.errors.map { $0.text(.chinese) }, form: form,
                                        status: .unprocessableContent)
            } catch let error as BookError {
                return try await render(routes, context, scope, message: nil, errors: [error.deskText], form: form, status: error.category.status)
            }
        }
    }

    /// Opens a county-chart account (132, 212 or 508, or one of their details) on a
    /// grassroots-chart union's chart with the reason recorded, as `account open` does: the
    /// store checks who may (the union's officer or the administrator) and refuses what the
    /// chart does not allow, in Chinese with the rule id.
    static func registerCountyAccount(on routes: DeskRoutes) {
        routes.post("/orgs/:code/opening/county-account") { _, context in
            let scope = try await routes.organization(context)
            let account = Input.accountCode(context.form.trimmed("account") ?? "")
            let reason = context.form.trimmed("reason") ?? ""
            let form = ["county_account": account, "county_reason": reason]
            let code = scope.code
            do {
                let opened = try await scope.session.perform { session in
                    try session.organizations.openCountyAccount(code: account, organization: code, reason: reason)
                }
                let names = opened.map { $0.code + " " + $0.name }.joined(separator: "、")
                return try await render(routes, context, scope, message: "已按县级以上工会会计科目增设 \(names)（理由：\(reason)）。", errors: [], form: [:], status: .ok)
            } catch let error as BookError {
                return try await render(routes, context, scope, message: nil, errors: [error.chinese], form: form, status: error.category.status)
            }
        }
    }

    /// The county-chart accounts a grassroots-chart union may still open: 132, 212, 508 and
    /// their prescribed details that its chart does not have.
    static func countyAccountChoices(_ chart: Chart) -> [Account] {
        Chart.standard(.county).accounts.filter { account in
            Chart.countyAccountsForGrassroots.contains(String(account.code.prefix(3))) && chart.account(account.code) == nil
        }
    }

    /// The pasted rows: tab-separated as Excel copies them, else CSV.
    static func records(_ text: String) throws -> [(line: Int, fields: [String])] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if text.contains("\t") {
            return lines.enumerated().compactMap { index, line in
                line.trimmingWhitespace.isEmpty ? nil : (index + 1, line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
            }
        }
        var parser = CSVParser(file: "余额表")
        var records: [(line: Int, fields: [String])] = []
        do throws(InputError) {
            for (index, line) in lines.enumerated() where !line.trimmingWhitespace.isEmpty {
                if let record = try parser.feed(line, number: index + 1) { records.append(record) }
            }
            try parser.finish()
        } catch { throw InputErrors([error]) }
        return records
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, message: String?, errors: [String], form: [String: String],
                       status: HTTPResponse.Status) async throws -> Response {
        let code = scope.code
        let (firstPeriod, opening) = try await scope.session.perform { session -> (Period?, Voucher?) in
            guard let first = try session.opening.firstPeriod(organization: code) else { return (nil, nil) }
            let ref = VoucherRef(period: Opening.openingPeriod(firstPeriod: first), word: Opening.word, number: 1)
            return (first, try? session.vouchers.voucher(organization: code, reference: ref.description))
        }
        // The county accounts this union opened (a CLI act, `account open`), read-only here.
        let (chartKind, countyAccounts, choices) = try await scope.session.perform { session -> (ChartKind, [[String: String]], [Account]) in
            let chart = try session.organizations.chart(for: code)
            return (chart.kind, try session.organizations.countyAccountOpenings(organization: code).map { opening in
                let levelOne = String(opening.code.prefix(3))
                let details = chart.accounts.filter { $0.code.hasPrefix(levelOne) && $0.level > 1 }.map { "\($0.code) \($0.name)" }
                return ["code": opening.code, "name": chart.fullName(opening.code) ?? "", "details": details.joined(separator: "、"),
                        "reason": opening.reason, "opened_by": opening.openedBy, "opened_at": BeijingTime.display(opening.openedAt)]
            }, countyAccountChoices(chart))
        }
        let frame = try await routes.frame(context, organization: scope.organization, current: "opening")
        var data: [String: Any] = ["code": code, "errors": errors.map { ["text": $0] },
                                   "first_period": form["first_period"] ?? "", "reviewer": form["reviewer"] ?? "",
                                   "balances": form["balances"] ?? "科目编码,科目名称,借方余额,贷方余额,项目\n"]
        if let firstPeriod {
            data["opened"] = true
            data["opened_from"] = firstPeriod.description
            if let opening {
                data["voucher"] = VoucherFormat.row(opening)
                data["lines"] = VoucherFormat.lines(opening, chart: try? await scope.session.perform { session in try session.organizations.chart(for: code) })
            }
        } else if scope.mayWrite {
            data["may_open"] = true
        }
        if chartKind == .grassroots {
            data["grassroots_chart"] = true
            if !countyAccounts.isEmpty { data["county_accounts"] = countyAccounts }
            // The form for whoever the store lets open them: the union's officers and the administrator.
            if scope.mayWrite || frame.administrator, !choices.isEmpty {
                data["may_open_county"] = true
                data["county_reason"] = form["county_reason"] ?? ""
                data["county_choices"] = choices.map { account -> [String: Any] in
                    var item: [String: Any] = ["code": account.code, "name": Chart.standard(.county).fullName(account.code) ?? account.name]
                    if account.code == form["county_account"] { item["selected"] = true }
                    return item
                }
            }
        }
        if let message { data["message"] = message }
        return routes.page("opening", title: "建账", frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        <h1>建账 · 期初余额</h1>
        {{#message}}<p class="ok" role="status">{{message}}</p>{{/message}}
        {{#errors}}<p class="error" role="alert">{{text}}</p>{{/errors}}
        {{#opened}}
          <p>本单位自 {{opened_from}} 建账；期初余额只能录入一次，如需更正请通过年初余额调整科目另做凭证。</p>
          {{#voucher}}<p class="meta">建账凭证 <a href="/orgs/{{code}}/vouchers/{{id}}">{{number}}</a> · {{date}} · 制单 {{preparer}} · 审核 {{reviewer}} · 合计 {{amount}}</p>{{/voucher}}
          <table class="grid">
            <thead><tr><th>科目编码</th><th>科目名称</th><th class="num">借方余额</th><th class="num">贷方余额</th></tr></thead>
            <tbody>{{#lines}}<tr><td>{{account}}</td><td>{{account_name}}</td><td class="num">{{debit}}</td><td class="num">{{credit}}</td></tr>{{/lines}}</tbody>
          </table>
        {{/opened}}
        {{#may_open}}
          <p>从原账套的科目余额表粘贴期初余额（可直接从 Excel 复制，或填写 CSV）：列为 科目编码、科目名称、借方余额、贷方余额，321 的余额须在“项目”栏注明项目。
             借方合计须等于贷方合计；收入、支出科目期末结转后无余额，不能录入。建账须在本单位记账之前。</p>
          <form method="post" action="/orgs/{{code}}/opening">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <p><label>第一个会计期间 <input name="first_period" value="{{first_period}}" placeholder="2026-07" pattern="[0-9]{4}-[0-9]{2}" required></label>
               \(ReviewerConfirmation.fields(required: true))</p>
            <p><textarea name="balances" rows="16" cols="80" required>{{balances}}</textarea></p>
            <p><button type="submit">建账</button></p>
          </form>
        {{/may_open}}
        {{^opened}}{{^may_open}}<p>本单位尚未建账。</p>{{/may_open}}{{/opened}}
        {{#grassroots_chart}}
          <h2>按县级以上工会会计科目增设的科目</h2>
          <p class="hint">基层工会依法开展的特殊业务（转拨下级经费、补助下级等）可以使用县级以上工会会计科目的 132、212、508；由本单位财务人员或账套管理员增设，并记明理由。增设一级科目时一并增设其规定的明细科目。</p>
          <table class="grid">
            <thead><tr><th>科目编码</th><th>科目名称</th><th>明细科目</th><th>理由</th><th>增设人</th><th>增设时间</th></tr></thead>
            <tbody>{{#county_accounts}}<tr><td>{{code}}</td><td>{{name}}</td><td>{{details}}</td><td>{{reason}}</td><td>{{opened_by}}</td><td>{{opened_at}}</td></tr>{{/county_accounts}}
            {{^county_accounts}}<tr><td colspan="6">本单位未增设县级科目。</td></tr>{{/county_accounts}}</tbody>
          </table>
          {{#may_open_county}}
          <form method="post" action="/orgs/{{code}}/opening/county-account" class="filters" id="open-county-account">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>增设科目 <select name="account" required>{{#county_choices}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} {{name}}</option>{{/county_choices}}</select></label>
            <label>理由 <input name="reason" value="{{county_reason}}" size="40" placeholder="如 转拨下级工会经费" required></label>
            <button type="submit">增设</button>
          </form>
          {{/may_open_county}}
        {{/grassroots_chart}}
        {{> foot}}
        """
}
