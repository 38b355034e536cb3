import FundCore
import FundStore
import Hummingbird

/// One voucher (`/orgs/{CODE}/vouchers/{id}`): its header and lines, who prepared, reviewed and
/// posted it, 审核 and 记账 for a user who may, and 红字冲销 of a posted voucher with its reason.
enum VoucherPage: DeskPage {
    static let templates = ["voucher": page]

    struct Loaded: Sendable {
        let voucher: Voucher
        let chart: Chart
        let original: Voucher?
        let reversal: Voucher?
    }

    static func load(_ scope: Scope, id: Int64) async throws -> Loaded {
        let code = scope.code
        return try await scope.session.perform { session in
            let voucher = try session.vouchers.voucher(organization: code, reference: "#\(id)")
            let chart = try session.organizations.chart(for: code)
            let original = try voucher.reversesID.map { try session.vouchers.voucher(id: $0) }
            let reversal = try voucher.reversedByID.map { try session.vouchers.voucher(id: $0) }
            return Loaded(voucher: voucher, chart: chart, original: original, reversal: reversal)
        }
    }

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/vouchers/:id") { _, context in
            let scope = try await routes.organization(context)
            let loaded = try await load(scope, id: try Input.voucherID(context))
            return try await render(routes, context, scope, loaded, reason: "", error: nil, status: .ok)
        }
        // A voucher not yet posted is deleted (a posted one is cancelled by red ink instead).
        routes.post("/orgs/:code/vouchers/:id/delete") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            let id = try Input.voucherID(context)
            let loaded = try await load(scope, id: id)
            do {
                try await scope.session.perform { session in try session.vouchers.deleteDraft(id: loaded.voucher.id) }
                return HTML.redirect("/orgs/\(scope.code)/vouchers?period=\(loaded.voucher.draft.period)&deleted=1")
            } catch let error as BookError {
                return try await render(routes, context, scope, loaded, reason: "", error: error.deskText, status: error.category.status)
            }
        }
        routes.post("/orgs/:code/vouchers/:id/reverse") { _, context in
            let scope = try await routes.organization(context)
            guard scope.mayWrite else { throw DeskError.forbidden(organization: scope.code) }
            let id = try Input.voucherID(context)
            let loaded = try await load(scope, id: id)
            let reason = context.form.trimmed("reason") ?? ""
            guard !reason.isEmpty else {
                return try await render(routes, context, scope, loaded, reason: reason, error: "请填写冲销原因", status: .unprocessableContent)
            }
            guard let date = Input.date(context.form.trimmed("date") ?? "") else {
                return try await render(routes, context, scope, loaded, reason: reason, error: "冲销日期无法识别；\(Input.dateHint)", status: .unprocessableContent)
            }
            let original = loaded.voucher
            let summary = "冲销\(VoucherFormat.number(original))：\(reason)"
            do {
                let red = try await scope.session.perform { session in
                    try session.vouchers.reverseVoucher(id: original.id, date: date, preparer: session.user, summary: summary)
                }
                return HTML.redirect("/orgs/\(scope.code)/vouchers/\(red.id)")
            } catch let error as BookError {
                return try await render(routes, context, scope, loaded, reason: reason, error: error.deskText, status: error.category.status)
            }
        }
    }

    static func render(_ routes: DeskRoutes, _ context: DeskContext, _ scope: Scope, _ loaded: Loaded, reason: String, error: String?,
                       status: HTTPResponse.Status, warning: String? = nil) async throws -> Response {
        let voucher = loaded.voucher
        let frame = try await routes.frame(context, organization: scope.organization, current: "vouchers")
        var data: [String: Any] = [
            "code": scope.code, "voucher": VoucherFormat.row(voucher), "lines": VoucherFormat.lines(voucher, chart: loaded.chart),
            "debit_total": VoucherFormat.amount(VoucherFormat.debitTotal(voucher)),
            "credit_total": VoucherFormat.amount(VoucherFormat.creditTotal(voucher)),
            "capitals": VoucherFormat.debitTotal(voucher).map(ChineseAmount.capitals) ?? "",
            "reason": reason, "today": routes.desk.today.description,
            "period": voucher.draft.period.description,
        ]
        if let original = loaded.original { data["original"] = VoucherFormat.row(original) }
        if let reversal = loaded.reversal { data["reversal"] = VoucherFormat.row(reversal) }
        if let error { data["error"] = error }
        if let warning { data["warning"] = warning }
        if scope.mayWrite {
            data["may_enter"] = true
            if voucher.status != .posted { data["may_delete"] = true }
            if VoucherEntryPage.isEditable(voucher) { data["may_edit"] = true }
            switch voucher.status {
            case .draft: data["may_review"] = true
            case .reviewed: data["may_post"] = true
            case .posted: if loaded.reversal == nil && !voucher.draft.isRedInk { data["may_reverse"] = true }
            }
        }
        return routes.page("voucher", title: VoucherFormat.number(voucher), frame: frame, data: data, status: status)
    }

    static let page = """
        {{> head}}
        {{#voucher}}
        <h1>记账凭证 {{number}}</h1>
        <p class="meta">日期 {{date}} · 附单据 {{attachments}} 张 · 状态 <strong>{{status}}</strong>{{#red}} · <span class="red-ink">红字冲销凭证</span>{{/red}}
          · 制单 {{preparer}}{{#reviewer}} · 审核 {{reviewer}}{{/reviewer}}{{#bookkeeper}} · 记账 {{bookkeeper}}{{/bookkeeper}}</p>
        {{/voucher}}
        {{#original}}<p class="meta">冲销的原凭证：<a href="/orgs/{{code}}/vouchers/{{id}}">{{number}}</a></p>{{/original}}
        {{#reversal}}<p class="meta">已被红字凭证冲销：<a href="/orgs/{{code}}/vouchers/{{id}}">{{number}}</a>（{{status}}）</p>{{/reversal}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#warning}}<p class="warning" role="alert">{{warning}}</p>{{/warning}}
        <table class="grid voucher-lines">
          <thead><tr><th>摘要</th><th>会计科目</th><th class="num">借方金额</th><th class="num">贷方金额</th></tr></thead>
          <tbody>{{#lines}}<tr><td>{{summary}}</td><td>{{account}} {{account_name}}</td><td class="num">{{debit}}</td><td class="num">{{credit}}</td></tr>{{/lines}}</tbody>
          <tfoot><tr class="totals"><td colspan="2">合计 <span class="capitals">{{capitals}}</span></td><td class="num">{{debit_total}}</td><td class="num">{{credit_total}}</td></tr></tfoot>
        </table>
        <div class="buttons">
          {{#voucher}}<a class="button secondary" href="/orgs/{{code}}/vouchers/{{id}}/print">打印</a>{{/voucher}}
          <a class="button secondary" href="/orgs/{{code}}/vouchers?period={{period}}">返回凭证列表</a>
          {{#may_enter}}<a class="button secondary" href="/orgs/{{code}}/vouchers/new">继续录入</a>{{/may_enter}}
          {{#may_edit}}{{#voucher}}<a class="button secondary" href="/orgs/{{code}}/vouchers/{{id}}/edit">修改</a>{{/voucher}}{{/may_edit}}
          {{#may_review}}{{#voucher}}
          <form method="post" action="/orgs/{{code}}/vouchers/batch" class="inline">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="voucher" value="{{id}}">
            <input type="hidden" name="back" value="period={{period}}"><input type="hidden" name="single" value="1"><button type="submit" name="act" value="review">审核</button>
          </form>{{/voucher}}{{/may_review}}
          {{#may_post}}{{#voucher}}
          <form method="post" action="/orgs/{{code}}/vouchers/batch" class="inline">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="voucher" value="{{id}}">
            <input type="hidden" name="back" value="period={{period}}"><input type="hidden" name="single" value="1"><button type="submit" name="act" value="post">记账</button>
          </form>{{/voucher}}{{/may_post}}
        </div>
        {{#may_delete}}{{#voucher}}
        <form method="post" action="/orgs/{{code}}/vouchers/{{id}}/delete" class="inline delete-draft">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label><input type="checkbox" name="confirm" value="1" required> 确认删除这张未记账凭证</label> <button type="submit" class="danger small">删除</button>
        </form>{{/voucher}}{{/may_delete}}
        {{#may_reverse}}
        <section class="panel">
          <h2>红字冲销</h2>
          <p class="hint">生成一张金额为负数的红字凭证冲销本凭证，红字凭证还需审核、记账。</p>
          {{#voucher}}
          <form method="post" action="/orgs/{{code}}/vouchers/{{id}}/reverse">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>冲销日期 <input name="date" class="date" size="11" placeholder="如 2026-05-03" autocomplete="off" value="{{today}}" required></label>
            <label>冲销原因 <input name="reason" value="{{reason}}" size="40" required></label>
            <button type="submit" class="danger">生成红字冲销凭证</button>
          </form>
          {{/voucher}}
        </section>
        {{/may_reverse}}
        {{> foot}}
        """
}
