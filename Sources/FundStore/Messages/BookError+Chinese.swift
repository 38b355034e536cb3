import FundCore

extension BookError: LocalizedMessage {
    /// The Chinese text of the refusal: what was refused, why, and what to do, with the English
    /// rule id in brackets. One arm per case; a wrapped refusal brings its own text and rule id.
    public var chinese: String {
        switch self {
        case let .organization(error): return error.chinese
        case let .chart(error): return error.chinese
        case let .voucherProblems(voucher, problems):
            return "凭证 \(voucher) 被拒绝：\n" + problems.map { "  - " + $0.chinese }.joined(separator: "\n")
        case let .subsidy(problem): return problem.chinese
        case let .budget(problem): return "账套拒绝了这次更改：" + problem.chinese
        case let .fixedAsset(error): return "账套拒绝了这次更改：" + error.chinese
        case let .sumOverflow(overflow): return overflow.chinese
        case let .access(refusal): return refusal.chinese
        case let .committee(refusal): return refusal.chinese
        case let .federation(refusal): return refusal.chinese
        case let .review(refusal): return refusal.chinese
        case let .pack(refusal): return refusal.chinese
        case let .backup(refusal): return refusal.chinese
        case let .voucherName(problem): return problem.chinese
        case let .yearEndAct(problem): return problem.chinese
        case let .sealKey(refusal): return refusal.chinese
        case let .cash(refusal): return refusal.chinese
        case let .assetAct(problem): return problem.chinese
        case let .opening(problem): return problem.chinese
        case let .batchRefused(act, failures):
            let verb = act == .review ? "审核" : "记账"
            return "有 \(failures.count) 张凭证不能\(verb)，本次均未\(verb)，请改正以下凭证后重试 [batch-refused]：\n"
                + failures.map { "  - \($0.voucher)：" + $0.error.chinese.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ") }
                .joined(separator: "\n")
        case .bookExists, .bookMissing, .notABook, .bookURLNotSupported, .readOnly, .busy, .unknownOrganization, .duplicateOrganization, .unknownParent,
             .parentHasPostings, .voucherNotFound, .wrongStatus, .periodClosed, .periodNotClosed, .periodAlreadyClosed,
             .closeOutOfOrder, .reopenOutOfOrder, .unpostedVouchers, .periodUnbalanced, .missingReason, .alreadyReversed,
             .cannotReverseRedInk, .reversalBeforeOriginal, .numberNotNext, .unknownCounterpart, .priorYearOpen, .yearOutOfRange,
             .duplicateAsset, .noBudget, .budgetOverrun, .notPermitted, .storage, .storedValueInvalid, .textRefused, .closingNeedsReviewer,
             .attachedFormNotDue:
            return chineseSentence + " [" + rule + "]"
        }
    }

    /// The Chinese sentence of a case that is not a wrapped refusal, without its rule id.
    var chineseSentence: String {
        switch self {
        case let .bookExists(path):
            return "\(path) 已有账套；请直接打开它，或用 --book 另选路径"
        case let .bookMissing(path):
            return "\(path) 没有账套；请用 `fundledger init --book \(path)` 建立"
        case let .notABook(path, reason):
            return "\(path) 不是可读的 FundLedger 账套（\(reason.chinese)）；请从备份恢复，或用 --book 指向正确的文件"
        case let .bookURLNotSupported(scheme, location):
            if BookLocation.isPostgreSQL(scheme) {
                return "\(location) 是 PostgreSQL 数据库地址，而本命令要写入账套：目前 PostgreSQL 账套由 `init` 和复制（`copy --from 账套 --to 账套`）建立，只读的命令（报表、列表、导出、`verify`、`backup`）都能读取，写入账套的命令和工作台只处理 SQLite 账套文件；请用 --book 给出文件路径，如 ledgers/fundledger.sqlite，或先把账套复制到文件中"
            }
            return "\(location) 是 \(scheme) 地址，不是账套文件：本版本的账套保存在 SQLite 文件中（可与 PostgreSQL 互相复制）；请用 --book 给出文件路径，如 ledgers/fundledger.sqlite"
        case let .readOnly(path):
            return "账套 \(path) 是只读的；请让该文件及其文件夹可写，或在副本上操作"
        case let .busy(path):
            return "账套 \(path) 被另一个写入者锁定过久；请等另一条命令结束后重新运行本命令"
        case let .unknownOrganization(code):
            return "账套中没有单位 \(code)；可用 `fundledger org list` 查看，或用 `fundledger org add` 增设"
        case let .duplicateOrganization(code):
            return "单位 \(code) 已存在；请另选代码"
        case let .unknownParent(organization, parent):
            return "单位 \(organization) 的上级 \(parent) 不在账套中；请先增设上级单位"
        case let .parentHasPostings(account, parent, organization):
            return "不能增设明细科目 \(account)：\(organization) 已在 \(parent) 记过账；明细科目须在首次记账前增设（可在年终结转后用凭证转移余额）"
        case let .voucherNotFound(reference):
            return "没有凭证 \(reference)；可用 `fundledger voucher list --org 单位` 查看凭证"
        case let .wrongStatus(voucher, status, act):
            return "凭证 \(voucher) 的状态是“\(status.chinese)”，不能\(act.chinese)"
        case let .periodClosed(organization, period):
            return "\(organization) 的 \(period) 已结账，已结账的月份不能再记账。请把凭证日期改到未结账的月份，或用 `fundledger reopen --org \(organization) --period \(period) --reason ……` 反结账"
        case let .periodNotClosed(organization, period):
            return "\(organization) 的 \(period) 尚未结账，无需反结账"
        case let .periodAlreadyClosed(organization, period):
            return "\(organization) 的 \(period) 已经结账"
        case let .closeOutOfOrder(organization, period, open):
            return "\(organization) 有记账的更早月份 \(open) 尚未结账，不能结 \(period)；请先结 \(open)"
        case let .reopenOutOfOrder(organization, period, closed):
            return "\(organization) 更晚的月份 \(closed) 已结账，不能反结 \(period)；请先反结 \(closed)"
        case let .unpostedVouchers(organization, period, vouchers):
            return "\(organization) 不能结 \(period)：该月有 \(vouchers.count) 张凭证未记账（\(vouchers.prefix(5).map(\.label).joined(separator: "、"))）；请先记账或删除"
        case let .periodUnbalanced(organization, period, debits, credits):
            return "\(organization) 不能结 \(period)：借方合计 \(debits) 与贷方合计 \(credits) 不等；请运行 `fundledger verify`"
        case .missingReason:
            return "反结账需要理由（--reason \"……\"），理由记入期间日志"
        case let .alreadyReversed(voucher, by):
            return "凭证 \(voucher) 已被 \(by) 冲销；一张凭证只能冲销一次"
        case let .cannotReverseRedInk(voucher):
            return "凭证 \(voucher) 本身是红字冲销凭证；请另填一张蓝字凭证，不要冲销冲销凭证"
        case let .reversalBeforeOriginal(voucher, date):
            return "冲销 \(voucher) 的凭证不能早于原凭证，日期不能是 \(date)；请用不早于原凭证的日期"
        case let .numberNotNext(organization, expected, found):
            return "\(organization) 的凭证号 \(found) 与本月顺序不接：下一个号是 \(expected)；凭证号从 1 起连续编号，不得断号或重号"
        case let .unknownCounterpart(code):
            return "往来单位 \(code) 不在账套中；请先增设或更正代码"
        case let .priorYearOpen(organization, year):
            return "\(organization) 的 \(year) 年收支科目尚有余额；请先用 `fundledger close-year --org \(organization) --year \(year)` 结转 \(year) 年"
        case let .yearOutOfRange(year):
            return "\(year) 不是账套能记的年份；请给出 1900 至 9999 之间的年份"
        case let .duplicateAsset(organization, code):
            return "账套拒绝了这次更改：资产 \(code) 已在 \(organization) 的资产登记簿中"
        case let .noBudget(organization, year):
            return "\(organization) 没有 \(year) 年的预算；请用 `fundledger budget import 文件` 导入"
        case let .budgetOverrun(voucher, overruns):
            return "凭证 \(voucher) 将超出预算，而本单位不允许超预算：\n" + overruns.map { "  - " + $0.chinese }.joined(separator: "\n")
                + "\n请先调整预算（`fundledger budget adjust`），或把本单位设为只提示"
        case let .notPermitted(user, action, organization, roles):
            let has = roles.isEmpty ? "在本账套中没有角色" : "的角色是 " + roles.map(\.chinese).joined(separator: "、")
            let needs = action.roles.sorted { $0.rawValue < $1.rawValue }.map { $0.chinese + "（" + $0.rawValue + "）" }.joined(separator: "或")
            return "\(user) 不能\(action.chinesePhrase(organization))：\(user) \(has)，而这需要\(organization.map { " " + $0 + " 的" } ?? "")\(needs)；请向账套管理员申请授权（`fundledger user grant`），或以有权限的用户操作（--as 或 FUNDLEDGER_USER）"
        case let .storage(failure):
            return "账套拒绝了这次更改：\(failure.chinese)"
        case let .storedValueInvalid(table, column, value, row):
            return "账套的表 \(table) 在 \(column) 栏（\(row)）存有 FundLedger 从不写入的值 \(value)：文件在 FundLedger 之外被改动；请运行 `fundledger verify` 并从备份恢复账套"
        case let .closingNeedsReviewer(organization, period):
            return "\(organization) \(period) 结账时要做期末结转凭证，须由另一名财务人员审核；请用 --reviewer 给出审核人"
        case let .textRefused(field, character):
            return "\(Self.chineseField(field))含控制字符 \(character)；请删去（换行、制表符和方向标记不能记入账簿）"
        case let .attachedFormNotDue(organization, form, reason):
            switch reason {
            case .countyLevelOnly:
                return "\(form.number)\(form.title)由县级以上工会编制；\(organization) 使用基层工会会计科目，不编制本表"
            case .noAppropriations:
                return "\(organization) 本年没有财政拨款收入（40401），也没有财政拨款结转结余（331、332），不填列\(form.number)\(form.title)"
            }
        case .organization, .chart, .voucherProblems, .subsidy, .budget, .fixedAsset, .sumOverflow, .access, .committee, .federation, .review, .pack, .backup,
             .voucherName, .yearEndAct, .sealKey, .batchRefused, .assetAct, .opening, .cash:
            // Rendered by `chinese` with the wrapped refusal's own text.
            return chinese
        }
    }
}

extension BookError {
    /// The Chinese name of a text field a service checks (`checkText`), as its English name
    /// reads in `textRefused`; a field not named here is shown as it is.
    static func chineseField(_ field: String) -> String {
        switch field {
        case "the member's name": "委员姓名"
        case "the reason": "理由"
        case "the project": "项目"
        case "the document": "文号"
        case "the user's name": "用户姓名"
        case "the text": "答复或说明"
        case "the opinion": "审查意见"
        case "a signer's name", "the signer's name": "签字人姓名"
        case "the asset code": "资产编号"
        case "the asset name": "资产名称"
        case "the item code": "项目补贴编号"
        case "the title": "项目名称"
        case "the purpose": "用途"
        case "the organisation code": "单位代码"
        case "the organisation name": "单位名称"
        case "the parent": "上级单位"
        default: field
        }
    }
}
