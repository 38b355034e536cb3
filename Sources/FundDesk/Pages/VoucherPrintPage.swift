import FundCore
import FundStore
import Hummingbird

/// 记账凭证 for printing (`/orgs/{CODE}/vouchers/{id}/print`): one voucher per page, A5
/// landscape, with 单位, 日期, 凭证字号, 附单据 N 张, the lines, 合计 with 金额大写 and the boxes
/// 会计主管 | 记账 | 审核 | 出纳 | 制单 filled with who did each. The browser's print gives the PDF.
enum VoucherPrintPage: DeskPage {
    static let templates = ["voucher-print": page]

    /// Lines printed on one voucher form; a longer voucher continues on more pages.
    static let linesPerPage = 6

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/vouchers/:id/print") { _, context in
            let scope = try await routes.organization(context)
            let loaded = try await VoucherPage.load(scope, id: try Input.voucherID(context))
            let voucher = loaded.voucher
            let lines = VoucherFormat.lines(voucher, chart: loaded.chart)
            // 出纳: the cashier who confirmed the voucher's receipt or payment.
            let voucherID = voucher.id
            let cashier = try await scope.session.perform { session in try session.cash.confirmation(voucherID: voucherID)?.cashier } ?? ""
            let pageCount = max(1, (lines.count + linesPerPage - 1) / linesPerPage)
            let pages = (0..<pageCount).map { index -> [String: Any] in
                var chunk = Array(lines[min(lines.count, index * linesPerPage)..<min(lines.count, (index + 1) * linesPerPage)])
                while chunk.count < linesPerPage { chunk.append(["summary": "", "account": "", "account_name": "", "debit": "", "credit": ""]) }
                var page: [String: Any] = ["lines": chunk]
                if pageCount > 1 { page["part"] = "\(index + 1)/\(pageCount)" }
                if index == pageCount - 1 { page["last"] = true }
                return page
            }
            let d = voucher.draft.date
            var data: [String: Any] = [
                "title": "记账凭证 " + VoucherFormat.number(voucher), "organization": scope.organization.name, "code": scope.code,
                "id": String(voucher.id),
                "date": "\(d.year)年\(d.month)月\(d.day)日", "number": VoucherFormat.number(voucher),
                "attachments": String(voucher.draft.attachments), "pages": pages,
                "debit_total": VoucherFormat.amount(VoucherFormat.debitTotal(voucher)),
                "credit_total": VoucherFormat.amount(VoucherFormat.creditTotal(voucher)),
                "capitals": VoucherFormat.debitTotal(voucher).map(ChineseAmount.capitals) ?? "",
                "bookkeeper": voucher.bookkeeper ?? "", "reviewer": voucher.reviewer ?? "", "preparer": voucher.draft.preparer,
                "cashier": cashier, "status": voucher.status.chinese,
            ]
            // A red-ink voucher says on paper which voucher it cancels and why.
            if let reverses = voucher.draft.reverses {
                data["reverses"] = reverses.description
                data["cancel_note"] = voucher.draft.summary
            }
            return HTML.response(routes.desk.templates.render("voucher-print", data))
        }
    }

    static let page = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>{{title}}</title><link rel="stylesheet" href="/assets/desk.css">
        <script src="/assets/desk.js" defer></script></head>
        <body class="print">
        <p class="screen-only"><button type="button" id="print-now">打印</button> <a href="/orgs/{{code}}/vouchers/{{id}}">返回凭证</a> · 纸张：A5 横向</p>
        {{#pages}}
        <section class="voucher-form">
          <h1>记 账 凭 证</h1>
          <div class="form-head">
            <span>单位：{{organization}}</span><span>{{date}}</span><span>凭证字号：{{number}}{{#part}}（{{part}}）{{/part}}</span><span>附单据 {{attachments}} 张</span>
          </div>
          {{#reverses}}<p class="red-note">红字冲销凭证，冲销 {{reverses}}：{{cancel_note}}</p>{{/reverses}}
          <table{{#reverses}} class="red-ink"{{/reverses}}>
            <thead><tr><th class="c-summary">摘要</th><th class="c-account">会计科目</th><th class="c-amount">借方金额</th><th class="c-amount">贷方金额</th></tr></thead>
            <tbody>{{#lines}}<tr><td>{{summary}}</td><td>{{account}} {{account_name}}</td><td class="num">{{debit}}</td><td class="num">{{credit}}</td></tr>{{/lines}}
            <tr class="total"><td colspan="2">合计{{#last}}：{{capitals}}{{/last}}</td><td class="num">{{#last}}{{debit_total}}{{/last}}</td><td class="num">{{#last}}{{credit_total}}{{/last}}</td></tr></tbody>
          </table>
          <div class="signatures">
            <span>会计主管：</span><span>记账：{{bookkeeper}}</span><span>审核：{{reviewer}}</span><span>出纳：{{cashier}}</span><span>制单：{{preparer}}</span>
          </div>
        </section>
        {{/pages}}
        </body>
        </html>
        """
}
