import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX
import Hummingbird

/// 汇总 (`/orgs/{CODE}/rollup?year=2026&month=12`): the county's desk over the unions below it.
/// The 汇总表 of the organisation and every member (one column each, the eliminations of the
/// transfers between them and the consolidated total, the reconciliation differences with the
/// vouchers on each side, from the same FundApp report as the CLI's `report rollup`), each
/// member's state (months closed, vouchers not yet posted, the last voucher posted, the last
/// pack sent with whether it was received, returned or superseded, and its workbook) and a
/// drill-down into each member's 工会01表, 工会02表, 科目余额表 and 明细账: the report pages, which
/// answer 403 for a union not below the user and carry no form that writes. 导出Excel returns
/// the CLI's roll-up workbook.
enum CountyPage: DeskPage {
    static let templates = ["rollup": page]
    static let menu = [MenuItem(title: "汇总", path: "rollup", order: 60, needsMembers: true)]

    /// Where one member stands.
    struct MemberState: Sendable {
        let code: String
        let name: String
        let level: String
        let depth: Int
        let closedThrough: String?
        let closedMonths: Int
        let unposted: Int
        let lastPosted: String?
        /// The latest month of the year whose pack was sent, with where it stands.
        let pack: PackState?
        /// Whether the user receives this member's packs (a superior of a union above it).
        let mayReceive: Bool
    }

    static func register(on routes: DeskRoutes) {
        routes.get("/orgs/:code/rollup") { request, context in
            let scope = try await routes.organization(context)
            let (year, month) = try Self.period(request.query, routes)
            let code = scope.code
            let (rollup, states) = try await scope.session.perform { session -> (Rollup, [MemberState]) in
                let rollup = try Reports.rollup(session, organization: code, year: year, month: month)
                let standings = try session.overview.standings(organizations: rollup.members.map(\.code), year: year)
                return (rollup, zip(rollup.members, standings).map { Self.state($0, $1, depth: rollup.depth[$0.code] ?? 0) })
            }
            let frame = try await routes.frame(context, organization: scope.organization, current: "rollup")
            // By level (县级, 乡镇, 联合会, 基层) unless each member's column is asked for: a county of
            // many unions reads its totals on one screen.
            let byMember = request.query["by"] == "member"
            var data = Self.data(rollup, states: states, code: code, year: year, month: month, byLevel: !byMember)
            if byMember { data["by_member"] = true }
            return routes.page("rollup", title: "汇总表", frame: frame, data: data)
        }
        routes.get("/orgs/:code/rollup.xlsx") { request, context in
            let scope = try await routes.organization(context)
            let (year, month) = try Self.period(request.query, routes)
            let code = scope.code
            let bytes = try await scope.session.perform { session in
                try ReportPages.workbookBytes { path in try RollupWorkbook.write(try Reports.rollup(session, organization: code, year: year, month: month), to: path) }
            }
            let suffix = month == 12 ? String(year) : "\(year)-" + (month < 10 ? "0" : "") + String(month)
            return ReportPages.xlsx(bytes, name: "汇总表-\(code)-\(suffix).xlsx")
        }
    }

    /// The year and the month the roll-up runs through (December when none is given).
    static func period(_ query: FormData, _ routes: DeskRoutes) throws -> (Int, Int) {
        let yearText = query.trimmed("year") ?? String(routes.desk.today.year)
        guard let year = Int(yearText), (1900...9999).contains(year) else { throw DeskError.badField(name: "年度", value: yearText) }
        let monthText = query.trimmed("month") ?? "12"
        guard let month = Int(monthText), (1...12).contains(month) else { throw DeskError.badField(name: "月份", value: monthText) }
        return (year, month)
    }

    static func state(_ member: Organization, _ standing: OverviewService.Standing, depth: Int) -> MemberState {
        MemberState(code: member.code, name: member.name, level: member.level.chinese, depth: depth,
                    closedThrough: standing.closed.last?.description, closedMonths: standing.closed.count,
                    unposted: standing.unposted, lastPosted: standing.lastPosted?.description, pack: standing.pack,
                    mayReceive: standing.mayReceive)
    }

    static func data(_ rollup: Rollup, states: [MemberState], code: String, year: Int, month: Int, byLevel: Bool) -> [String: Any] {
        let columns = rollup.columns(byLevel: byLevel)
        let names = Dictionary(uniqueKeysWithValues: rollup.members.map { ($0.code, $0.name) })
        var sections: [[String: Any]] = []
        for (title, lines) in [("收入支出", rollup.income + rollup.expenditure), ("资产负债", rollup.balance), ("预算执行", rollup.budget)] {
            let shown = lines.filter { $0.isTotal || $0.sum != 0 || $0.elimination != 0 }
            if shown.isEmpty { continue }
            sections.append(["title": title, "rows": shown.map { line -> [String: Any] in
                ["label": line.label, "total": line.isTotal,
                 "cells": columns.map { column in ["text": Money(fen: column.codes.reduce(0) { $0 + (line.values[$1] ?? 0) }).grouped] },
                 "elimination": line.elimination == 0 ? "" : Money(fen: line.elimination).grouped, "consolidated": Money(fen: line.consolidated).grouped]
            }])
        }
        let months = (1...12).map { m in "\(m)月" }
        var data: [String: Any] = [
            "code": code, "year": String(year), "month": String(month), "root_name": rollup.root.name,
            "period_text": month == 12 ? "\(year)年度" : "\(year)年1月至\(month)月",
            "member_count": String(rollup.members.count - 1),
            "months": months.enumerated().map { item -> [String: Any] in ["value": String(item.offset + 1), "label": item.element, "selected": item.offset + 1 == month] },
            "columns": columns.map { ["code": $0.title, "name": names[$0.title] ?? ""] },
            "sections": sections,
            "differences": rollup.differences.map { d -> [String: Any] in
                ["pair": d.pair, "upper": d.upper, "lower": d.lower, "project": d.project ?? "", "upper_amount": Money(fen: d.upperAmount).grouped,
                 "lower_amount": Money(fen: d.lowerAmount).grouped, "gap": Money(fen: d.upperAmount &- d.lowerAmount).grouped,
                 "upper_vouchers": d.upperVouchers.isEmpty ? "无" : d.upperVouchers.joined(separator: "，"),
                 "lower_vouchers": d.lowerVouchers.isEmpty ? "无" : d.lowerVouchers.joined(separator: "，")]
            },
            "flows": rollup.flowDifferences.map { d -> [String: Any] in
                ["month": "\(d.period.year)年\(d.period.month)月", "pair": d.kind.pair, "upper": d.upper, "lower": d.lower, "project": d.project ?? "",
                 "upper_amount": Money(fen: d.upperAmount).grouped, "lower_amount": Money(fen: d.lowerAmount).grouped,
                 "gap": Money(fen: d.upperAmount &- d.lowerAmount).grouped,
                 "upper_vouchers": d.upperVouchers.isEmpty ? "无" : d.upperVouchers.joined(separator: "，"),
                 "lower_vouchers": d.lowerVouchers.isEmpty ? "无" : d.lowerVouchers.joined(separator: "，")]
            },
            "untagged": rollup.untaggedTransfers.map { u -> [String: Any] in
                ["organization": u.organization, "month": "\(u.period.year)年\(u.period.month)月", "account": u.account,
                 "net": Money(fen: u.net).grouped, "vouchers": u.vouchers.isEmpty ? "无" : u.vouchers.joined(separator: "，")]
            },
            "members": states.map { state -> [String: Any] in
                var row: [String: Any] = [
                    "code": state.code, "name": state.name, "level": state.level, "indent": String(repeating: "　", count: state.depth),
                    "closed": state.closedThrough.map { "已结账至\($0)（\(state.closedMonths)个月）" } ?? "本年尚未结账",
                    "unposted": String(state.unposted), "last_posted": state.lastPosted ?? "—",
                ]
                if state.unposted > 0 { row["has_unposted"] = true }
                if let pack = state.pack {
                    var item = PackPage.row(pack)
                    item["period"] = pack.period.description
                    if pack.status != .superseded { item["download"] = true }
                    if state.mayReceive, pack.status == .sent { item["awaiting"] = true }
                    row["pack"] = item
                }
                return row
            },
        ]
        if rollup.isReconciled { data["reconciled"] = true }
        if !rollup.differences.isEmpty { data["has_differences"] = true }
        if !rollup.flowDifferences.isEmpty { data["has_flows"] = true }
        if !rollup.untaggedTransfers.isEmpty { data["has_untagged"] = true }
        return data
    }

    static let page = """
        {{> head}}
        <h1>汇总表 · {{root_name}}及所属{{member_count}}个单位</h1>
        <form class="filters" method="get" action="/orgs/{{code}}/rollup">
          <label>年度 <input name="year" value="{{year}}" size="5" inputmode="numeric"></label>
          <label>截至 <select name="month">{{#months}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/months}}</select></label>
          <button type="submit">查询</button>
          <a class="button secondary" href="/orgs/{{code}}/rollup.xlsx?year={{year}}&amp;month={{month}}">导出Excel</a>
        </form>
        <h2>汇总数（{{period_text}}，单位：元）</h2>
        <p class="meta">{{#by_member}}按单位列示 · <a href="/orgs/{{code}}/rollup?year={{year}}&amp;month={{month}}">按级次汇总</a>{{/by_member}}{{^by_member}}按级次汇总 · <a href="/orgs/{{code}}/rollup?year={{year}}&amp;month={{month}}&amp;by=member">按单位列示</a>{{/by_member}}</p>
        <div class="wide">
        <table class="grid rollup">
          <thead><tr><th>项目</th>{{#columns}}<th class="num" title="{{name}}">{{code}}</th>{{/columns}}<th class="num">抵销</th><th class="num">合并数</th></tr></thead>
          {{#sections}}
          <tbody>
            <tr class="section"><th colspan="99">{{title}}</th></tr>
            {{#rows}}<tr{{#total}} class="total"{{/total}}><td class="nowrap">{{label}}</td>{{#cells}}<td class="num">{{text}}</td>{{/cells}}<td class="num">{{elimination}}</td><td class="num">{{consolidated}}</td></tr>{{/rows}}
          </tbody>
          {{/sections}}
        </table>
        </div>
        <h2>内部往来对账</h2>
        {{#reconciled}}<p class="ok">内部往来余额和各月往来发生额全部相符。</p>{{/reconciled}}
        {{#has_differences}}
        <h3>余额差异</h3>
        <table class="grid differences">
          <thead><tr><th>对应科目</th><th>上级</th><th>下级</th><th>项目</th><th class="num">上级金额</th><th class="num">下级金额</th><th class="num">差额</th><th>上级凭证</th><th>下级凭证</th></tr></thead>
          <tbody>
          {{#differences}}
            <tr><td>{{pair}}</td><td>{{upper}}</td><td>{{lower}}</td><td>{{project}}</td><td class="num">{{upper_amount}}</td><td class="num">{{lower_amount}}</td>
              <td class="num">{{gap}}</td><td>{{upper_vouchers}}</td><td>{{lower_vouchers}}</td></tr>
          {{/differences}}
          </tbody>
        </table>
        {{/has_differences}}
        {{#has_flows}}
        <h3>往来发生额差异（按月）</h3>
        <table class="grid flows">
          <thead><tr><th>月份</th><th>对应科目</th><th>上级</th><th>下级</th><th>项目</th><th class="num">上级金额</th><th class="num">下级金额</th><th class="num">差额</th><th>上级凭证</th><th>下级凭证</th></tr></thead>
          <tbody>
          {{#flows}}
            <tr><td>{{month}}</td><td>{{pair}}</td><td>{{upper}}</td><td>{{lower}}</td><td>{{project}}</td><td class="num">{{upper_amount}}</td><td class="num">{{lower_amount}}</td>
              <td class="num">{{gap}}</td><td>{{upper_vouchers}}</td><td>{{lower_vouchers}}</td></tr>
          {{/flows}}
          </tbody>
        </table>
        {{/has_flows}}
        {{#has_untagged}}
        <h3>未标往来单位的内部往来</h3>
        <table class="grid untagged">
          <thead><tr><th>单位</th><th>月份</th><th>科目</th><th class="num">借方净额</th><th>凭证</th></tr></thead>
          <tbody>
          {{#untagged}}
            <tr><td>{{organization}}</td><td>{{month}}</td><td>{{account}}</td><td class="num">{{net}}</td><td>{{vouchers}}</td></tr>
          {{/untagged}}
          </tbody>
        </table>
        {{/has_untagged}}
        <h2>各单位状态</h2>
        <table class="grid members">
          <thead><tr><th>单位编码</th><th>单位名称</th><th>级别</th><th>结账情况</th><th class="num">未记账凭证</th><th>最近记账凭证日期</th><th>最近报送月报</th><th>查看报表</th></tr></thead>
          <tbody>
          {{#members}}
            <tr{{#has_unposted}} class="busy"{{/has_unposted}}><td>{{code}}</td><td>{{indent}}{{name}}</td><td>{{level}}</td><td>{{closed}}</td>
              <td class="num">{{unposted}}</td><td>{{last_posted}}</td>
              <td class="pack">{{#pack}}{{period}} <span class="pack-state {{status_key}}">{{status}}</span>{{#sent}}<br><span class="hint">报送：{{sent}}</span>{{/sent}}{{#last}}<br><span class="hint">{{last}}</span>{{/last}}
                {{#download}}<br><a href="/orgs/{{code}}/packs/{{period}}.xlsx">下载月报</a>{{/download}}{{#awaiting}} · <a href="/orgs/{{code}}/packs?year={{year}}" class="receive-link">签收或退回</a>{{/awaiting}}{{/pack}}{{^pack}}未报送{{/pack}}</td>
              <td class="actions"><a href="/orgs/{{code}}/reports/balance-sheet?year={{year}}">工会01表</a><a href="/orgs/{{code}}/reports/income-expenditure?year={{year}}">工会02表</a><a href="/orgs/{{code}}/reports/trial-balance?year={{year}}">科目余额表</a>
                <form method="get" action="/orgs/{{code}}/reports/detail-ledger" class="inline"><input type="hidden" name="year" value="{{year}}"><input name="account" size="6" placeholder="科目编码" required> <button type="submit" class="small">明细账</button></form></td></tr>
          {{/members}}
          </tbody>
        </table>
        {{> foot}}
        """
}
