import FundCore
import FundStore

/// What a command says when it has done its work (standard output) or how it is getting on
/// (standard error), one case per sentence and one arm per case in each language. The English
/// texts are the ones the command line has always printed.
enum CLIMessage: LocalizedMessage {
    case initialized(book: String, user: String)
    case organizationAdded(code: String, name: String, level: OrganizationLevel, chart: ChartKind)
    case organizationsImported(count: Int, file: String)
    case accountAdded(code: String, name: String, organization: String)
    case countyAccountsOpened(accounts: [Account], organization: String, reason: String)
    case imported(dryRun: Bool, vouchers: Int, lines: Int, byOrganization: [String: Int])
    case draftPrepared(id: Int64, organization: String, date: LocalDate)
    case reviewed(ids: [Int64])
    case posted(id: Int64, ref: VoucherRef)
    case redInkPrepared(id: Int64, reversing: String)
    case deleted(id: Int64)
    /// `carried`: the month's 期末结转 vouchers posted by the close.
    case closed(organization: String, period: Period, carried: [String])
    case reopened(organization: String, period: Period)
    case yearReopened(organization: String, year: Int, vouchers: Int)
    case assetAdded(code: String, name: String, cost: Money, lifeMonths: Int, acquired: LocalDate)
    case assetsImported(count: Int, file: String)
    case depreciationPosted(ref: String, total: Money, period: Period)
    case nothingToDepreciate(organization: String, period: Period)
    case openingPosted(organization: String, ref: String, firstPeriod: Period, lines: Int, total: Money)
    case assetActPosted(ref: String, code: String, act: AssetAct)
    case assetActSettled(ref: String, code: String, act: AssetAct)
    case backedUp(book: String, output: String)
    /// `outside`: organisations outside the subtree kept as bare rows, because its rows name them.
    case backedUpPart(book: String, root: String, output: String, organizations: Int, outside: Int)
    /// `from` and `to` as shown: a PostgreSQL address without its password.
    case copied(from: String, to: String, tables: Int, rows: Int)
    case backupHash(sha256: String, output: String)
    case restored(book: String, file: String, vouchers: Int)
    case replacedKept(path: String)
    case budgetApproved(organization: String, year: Int, document: String)
    case budgetAdjusted(number: Int, organization: String, year: Int, document: String)
    case overrunMode(organization: String, refuse: Bool)
    case committeeRecorded(organization: String, elected: LocalDate, termEnd: LocalDate, members: Int)
    case memberAdded(office: CommitteeOffice, name: String, organization: String, start: LocalDate)
    case wrote(path: String)
    case wroteRollup(path: String, organizations: Int, differences: Int)
    case wroteReview(path: String, findings: Int, items: Int)
    case wroteLines(path: String, lines: Int)
    case calendarLoaded(days: Int, file: String)
    case auditRun(id: Int64, organization: String, year: Int, vouchers: Int, rules: Int, new: Int, again: Int, notFoundAgain: Int,
                  sealSeq: Int64, sealHash: String)
    case findingVouchers([String])
    case findingAnswered(id: Int64)
    case findingResolved(id: Int64)
    case findingAccepted(id: Int64)
    case findingReopened(id: Int64)
    case opinionRecorded(organization: String, year: Int, signers: [String])
    case opinionHeading(organization: String, year: Int, recordedAt: String, audit: Int64)
    case subsidyRecorded(code: String, approved: Bool)
    case subsidiesImported(count: Int, file: String)
    case subsidyApproved(code: String, document: String)
    case subsidyDisbursed(amount: Money, code: String, grantor: String, recipient: String)
    case subsidyAccrued(amount: Money, code: String, grantor: String, recipient: String)
    case roleGranted(name: String, role: Role, organization: String?)
    case roleRevoked(name: String, role: Role, organization: String?)
    case verified(organizations: Int, vouchers: Int, lines: Int, problems: Int, warnings: Int, anchors: Int)

    var description: String {
        switch self {
        case let .initialized(book, user):
            "created \(book) with the grassroots (24) and county-and-above (45) charts; \(user) administers it"
        case let .organizationAdded(code, name, level, chart):
            "added \(code) \(name) (\(level.rawValue), \(chart.rawValue) chart)"
        case let .organizationsImported(count, file):
            "added \(count) organisations from \(file)"
        case let .accountAdded(code, name, organization):
            "added account \(code) \(name) to \(organization)"
        case let .countyAccountsOpened(accounts, organization, reason):
            "opened county-chart accounts \(accounts.map { $0.code + " " + $0.name }.joined(separator: ", ")) on \(organization)'s chart (reason: \(reason))"
        case let .imported(dryRun, vouchers, lines, byOrganization):
            "\(dryRun ? "dry run: would import" : "imported") \(vouchers) vouchers with \(lines) lines (\(byOrganization.count > 8 ? "\(byOrganization.count) organisations" : byOrganization.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))"
        case let .draftPrepared(id, organization, date):
            "prepared draft #\(id) for \(organization) dated \(date); next: `fundledger voucher review --org \(organization) #\(id)` by another person"
        case let .reviewed(ids):
            "reviewed " + ids.map { "#\($0)" }.joined(separator: ", ")
        case let .posted(id, ref):
            "posted #\(id) as \(ref.description) (\(ref.chinese))"
        case let .redInkPrepared(id, reversing):
            "prepared red-ink draft #\(id) reversing \(reversing); review and post it to take effect"
        case let .deleted(id):
            "deleted #\(id)"
        case let .closed(organization, period, carried):
            "closed \(organization) \(period)" + (carried.isEmpty ? "" : " (期末结转 \(carried.joined(separator: ", ")))")
        case let .reopened(organization, period):
            "reopened \(organization) \(period)"
        case let .yearReopened(organization, year, vouchers):
            "\(organization) \(year): reversed \(vouchers) closing vouchers"
        case let .assetAdded(code, name, cost, life, acquired):
            "added asset \(code) \(name) \(cost.grouped) over \(life) months from \(acquired)"
        case let .assetsImported(count, file):
            "added \(count) fixed assets from \(file)"
        case let .depreciationPosted(ref, total, period):
            "posted \(ref): depreciation \(total.grouped) for \(period)"
        case let .nothingToDepreciate(organization, period):
            "\(organization) \(period): nothing to depreciate"
        case let .openingPosted(organization, ref, firstPeriod, lines, total):
            "opened the book of \(organization) from \(firstPeriod): posted \(ref), \(lines) opening balances, debits and credits \(total.grouped) each"
        case let .assetActPosted(ref, code, act):
            "posted \(ref): \(act.rawValue) (\(act.chinese)) of asset \(code), waiting on 182 for approval; settle it with `asset settle`"
        case let .assetActSettled(ref, code, act):
            "posted \(ref): \(act.rawValue) (\(act.chinese)) of asset \(code) settled against 301"
        case let .backedUp(book, output):
            "backed up \(book) to \(output)"
        case let .backedUpPart(book, root, output, organizations, outside):
            "backed up the part of \(book) under \(root) to \(output): \(organizations) organisation(s) with their books"
                + (outside == 0 ? "" : ", and \(outside) organisation(s) its rows name, as bare rows") + "; the part verifies clean"
        case let .copied(from, to, tables, rows):
            "copied \(from) to \(to): \(rows) rows in \(tables) tables, read back equal; the book verifies clean, chain heads:"
        case let .backupHash(sha256, output):
            "SHA-256 \(sha256)  \(output)"
        case let .restored(book, file, vouchers):
            "restored \(book) from \(file): \(vouchers) posted vouchers verified"
        case let .replacedKept(path):
            "the replaced book is kept as \(path)"
        case let .budgetApproved(organization, year, document):
            "approved the \(year) budget of \(organization) under \(document)"
        case let .budgetAdjusted(number, organization, year, document):
            "recorded adjustment \(number) of the \(year) budget of \(organization) (\(document))"
        case let .overrunMode(organization, refuse):
            "\(organization): postings that overrun the budget now \(refuse ? "are refused" : "warn")"
        case let .committeeRecorded(organization, elected, termEnd, members):
            "recorded the review committee of \(organization) elected \(elected), term to \(termEnd), \(members) members"
        case let .memberAdded(office, name, organization, start):
            "added \(office.chinese) \(name) to the review committee of \(organization) from \(start)"
        case let .wrote(path):
            "wrote \(path)"
        case let .wroteRollup(path, organizations, differences):
            "wrote \(path) (\(organizations) organisations, \(differences) reconciliation differences)"
        case let .wroteReview(path, findings, items):
            "wrote \(path) (\(findings) findings, \(items) subsidy items)"
        case let .wroteLines(path, lines):
            "wrote \(path) (\(lines) lines)"
        case let .calendarLoaded(days, file):
            "loaded \(days) calendar days from \(file)"
        case let .auditRun(id, organization, year, vouchers, rules, new, again, notFoundAgain, sealSeq, sealHash):
            "audit #\(id) of \(organization) \(year): \(vouchers) vouchers, \(rules) rules; \(new) new findings, \(again) found again, \(notFoundAgain) not found again; seal chain head \(sealSeq) \(sealHash.prefix(16))"
        case let .findingVouchers(vouchers):
            "vouchers: \(vouchers.joined(separator: ", "))"
        case let .findingAnswered(id):
            "answered finding #\(id)"
        case let .findingResolved(id):
            "resolved finding #\(id)"
        case let .findingAccepted(id):
            "accepted finding #\(id)"
        case let .findingReopened(id):
            "reopened finding #\(id)"
        case let .opinionRecorded(organization, year, signers):
            "recorded the opinion of \(organization)'s review committee on \(year), signed by \(signers.joined(separator: ", "))"
        case let .opinionHeading(organization, year, recordedAt, audit):
            "\(organization) \(year) 审查意见 (\(BeijingTime.display(recordedAt)), audit #\(audit))"
        case let .subsidyRecorded(code, approved):
            "recorded subsidy item \(code) (\(approved ? "approved" : "applied"))"
        case let .subsidiesImported(count, file):
            "recorded \(count) subsidy items from \(file)"
        case let .subsidyApproved(code, document):
            "approved \(code) under \(document)"
        case let .subsidyDisbursed(amount, code, grantor, recipient):
            "disbursed \(amount.grouped) of \(code): grantor \(grantor), recipient \(recipient)"
        case let .subsidyAccrued(amount, code, grantor, recipient):
            "accrued \(amount.grouped) of \(code): grantor \(grantor), recipient \(recipient)"
        case let .roleGranted(name, role, organization):
            "\(name) is now \(role.rawValue) (\(role.chinese)) of \(organization ?? "every organisation")"
        case let .roleRevoked(name, role, organization):
            "\(name) is no longer \(role.rawValue) of \(organization ?? "every organisation")"
        case let .verified(organizations, vouchers, lines, problems, warnings, anchors):
            "verified \(organizations) organisations, \(vouchers) posted vouchers, \(lines) lines\(anchors == 0 ? "" : " against \(anchors) anchor(s)"): "
                + Self.counted(problems, "error") + ", " + Self.counted(warnings, "warning")
        }
    }

    var chinese: String {
        switch self {
        case let .initialized(book, user):
            "已建立账套 \(book)，含基层工会（24 个科目）和县级以上工会（45 个科目）两套科目表；账套管理员为 \(user)"
        case let .organizationAdded(code, name, level, chart):
            "已增设单位 \(code) \(name)（\(level.chinese)，\(chart.chinese)）"
        case let .organizationsImported(count, file):
            "已从 \(file) 增设 \(count) 个单位"
        case let .accountAdded(code, name, organization):
            "已为 \(organization) 增设科目 \(code) \(name)"
        case let .countyAccountsOpened(accounts, organization, reason):
            "已按县级以上工会会计科目为 \(organization) 增设 \(accounts.map { $0.code + " " + $0.name }.joined(separator: "、"))（理由：\(reason)）"
        case let .imported(dryRun, vouchers, lines, byOrganization):
            "\(dryRun ? "试导入：将导入" : "已导入") \(vouchers) 张凭证，共 \(lines) 行（\(byOrganization.count > 8 ? "\(byOrganization.count) 个单位" : byOrganization.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) 张" }.joined(separator: "，"))）"
        case let .draftPrepared(id, organization, date):
            "已为 \(organization) 填制草稿凭证 #\(id)，日期 \(date)；下一步：由另一人运行 `fundledger voucher review --org \(organization) #\(id)` 审核"
        case let .reviewed(ids):
            "已审核凭证 " + ids.map { "#\($0)" }.joined(separator: "、")
        case let .posted(id, ref):
            "已记账凭证 #\(id)，凭证号 \(ref.description)（\(ref.chinese)）"
        case let .redInkPrepared(id, reversing):
            "已填制红字冲销草稿 #\(id)，冲销 \(reversing)；审核并记账后生效"
        case let .deleted(id):
            "已删除凭证 #\(id)"
        case let .closed(organization, period, carried):
            "已结账：\(organization) \(period)" + (carried.isEmpty ? "" : "（期末结转 \(carried.joined(separator: "、"))）")
        case let .reopened(organization, period):
            "已反结账：\(organization) \(period)"
        case let .yearReopened(organization, year, vouchers):
            "\(organization) \(year) 年：已冲销 \(vouchers) 张年终结转凭证"
        case let .assetAdded(code, name, cost, life, acquired):
            "已登记固定资产 \(code) \(name)，原值 \(cost.grouped)，自 \(acquired) 起分 \(life) 个月折旧"
        case let .assetsImported(count, file):
            "已从 \(file) 登记 \(count) 项固定资产"
        case let .depreciationPosted(ref, total, period):
            "已记账 \(ref)：\(period) 计提折旧 \(total.grouped)"
        case let .nothingToDepreciate(organization, period):
            "\(organization) \(period)：没有需要计提的折旧"
        case let .openingPosted(organization, ref, firstPeriod, lines, total):
            "已建账：\(organization) 自 \(firstPeriod) 起，记账 \(ref)，期初余额 \(lines) 行，借贷方合计各 \(total.grouped)"
        case let .assetActPosted(ref, code, act):
            "已记账 \(ref)：固定资产 \(code) \(act.chinese)，转入待处理财产损溢，批准后请用 `asset settle` 结转"
        case let .assetActSettled(ref, code, act):
            "已记账 \(ref)：固定资产 \(code) \(act.chinese)经批准，待处理财产损溢已与资产基金结转"
        case let .backedUp(book, output):
            "已将账套 \(book) 备份到 \(output)"
        case let .backedUpPart(book, root, output, organizations, outside):
            "已将账套 \(book) 中 \(root) 及其下属单位的部分备份到 \(output)：\(organizations) 个单位及其账簿"
                + (outside == 0 ? "" : "，另有其中记录所引用的 \(outside) 个单位（仅保留单位本身）") + "；部分账套校验无误"
        case let .copied(from, to, tables, rows):
            "已将账套 \(from) 复制到 \(to)：\(tables) 张表共 \(rows) 行，读回一致；账套校验无误，链头："
        case let .backupHash(sha256, output):
            "SHA-256 \(sha256)  \(output)"
        case let .restored(book, file, vouchers):
            "已从 \(file) 恢复账套 \(book)：校验了 \(vouchers) 张已记账凭证"
        case let .replacedKept(path):
            "被替换的账套保留为 \(path)"
        case let .budgetApproved(organization, year, document):
            "已批复 \(organization) \(year) 年预算（\(document)）"
        case let .budgetAdjusted(number, organization, year, document):
            "已登记 \(organization) \(year) 年预算第 \(number) 次调整（\(document)）"
        case let .overrunMode(organization, refuse):
            "\(organization)：今后超预算的记账\(refuse ? "将被拒绝" : "只作提示")"
        case let .committeeRecorded(organization, elected, termEnd, members):
            "已登记 \(organization) 经审会：\(elected) 选举产生，任期至 \(termEnd)，委员 \(members) 人"
        case let .memberAdded(office, name, organization, start):
            "已自 \(start) 起增补 \(name) 为 \(organization) 经审会\(office.chinese)"
        case let .wrote(path):
            "已写出 \(path)"
        case let .wroteRollup(path, organizations, differences):
            "已写出 \(path)（\(organizations) 个单位，\(differences) 处对账差异）"
        case let .wroteReview(path, findings, items):
            "已写出 \(path)（\(findings) 个问题，\(items) 个项目补贴）"
        case let .wroteLines(path, lines):
            "已写出 \(path)（\(lines) 行）"
        case let .calendarLoaded(days, file):
            "已从 \(file) 载入 \(days) 个日历日"
        case let .auditRun(id, organization, year, vouchers, rules, new, again, notFoundAgain, sealSeq, sealHash):
            "审计 #\(id)：\(organization) \(year) 年，\(vouchers) 张凭证，\(rules) 条规则；新发现 \(new) 个问题，再次发现 \(again) 个，未再发现 \(notFoundAgain) 个；封签链头 第\(sealSeq)号 \(sealHash.prefix(16))"
        case let .findingVouchers(vouchers):
            "涉及凭证：\(vouchers.joined(separator: "、"))"
        case let .findingAnswered(id):
            "已答复审查问题 #\(id)"
        case let .findingResolved(id):
            "已将审查问题 #\(id) 认定为已整改"
        case let .findingAccepted(id):
            "已认可审查问题 #\(id)"
        case let .findingReopened(id):
            "已重新打开审查问题 #\(id)"
        case let .opinionRecorded(organization, year, signers):
            "已登记 \(organization) 经审会 \(year) 年度审查意见，签署人：\(signers.joined(separator: "、"))"
        case let .opinionHeading(organization, year, recordedAt, audit):
            "\(organization) \(year) 年度审查意见（\(BeijingTime.display(recordedAt))，依据审计 #\(audit)）"
        case let .subsidyRecorded(code, approved):
            "已登记项目补贴 \(code)（\(approved ? "已批复" : "已申请")）"
        case let .subsidiesImported(count, file):
            "已从 \(file) 登记 \(count) 个项目补贴"
        case let .subsidyApproved(code, document):
            "已批复项目补贴 \(code)（\(document)）"
        case let .subsidyDisbursed(amount, code, grantor, recipient):
            "已拨付项目补贴 \(code) \(amount.grouped)：拨款单位凭证 \(grantor)，收款单位凭证 \(recipient)"
        case let .subsidyAccrued(amount, code, grantor, recipient):
            "已预提项目补贴 \(code) \(amount.grouped)：拨款单位凭证 \(grantor)，收款单位凭证 \(recipient)"
        case let .roleGranted(name, role, organization):
            "\(name) 现为 \(organization ?? "全部单位") 的\(role.chinese)（\(role.rawValue)）"
        case let .roleRevoked(name, role, organization):
            "\(name) 不再是 \(organization ?? "全部单位") 的\(role.chinese)（\(role.rawValue)）"
        case let .verified(organizations, vouchers, lines, problems, warnings, anchors):
            "已校验 \(organizations) 个单位、\(vouchers) 张已记账凭证、\(lines) 行\(anchors == 0 ? "" : "（对照 \(anchors) 个链头）")："
                + (problems == 0 ? "无错误" : "\(problems) 个错误") + (warnings == 0 ? "，无提示" : "，\(warnings) 条提示")
        }
    }

    /// "no errors", "1 error", "3 errors": the verdict counts both kinds of finding.
    static func counted(_ count: Int, _ noun: String) -> String {
        switch count {
        case 0: "no \(noun)s"
        case 1: "1 \(noun)"
        default: "\(count) \(noun)s"
        }
    }
}

/// Writes a message of the command line, in the language of the run, as one line of standard output.
func say(_ message: CLIMessage) {
    emit(message.text(language) + "\n")
}
