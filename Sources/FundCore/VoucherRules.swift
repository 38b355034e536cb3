/// One way in which a voucher breaks the rules of the books, named after the rule.
public struct VoucherProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rules a voucher can break, each with the id error messages print in brackets.
    public enum Rule: String, Sendable, CaseIterable {
        case tooFewLines = "too-few-lines"
        case tooManyLines = "too-many-lines"
        case zeroAmount = "zero-amount"
        case amountTooLarge = "amount-too-large"
        case redInkSign = "red-ink-sign"
        case negativeAmount = "negative-amount"
        case unbalanced = "unbalanced"
        case unknownAccount = "unknown-account"
        case notLeafAccount = "not-leaf-account"
        case missingSummary = "missing-summary"
        case summaryTooLong = "summary-too-long"
        case missingPreparer = "missing-preparer"
        case reviewerIsPreparer = "reviewer-is-preparer"
        case badAttachments = "bad-attachments"
        case badWord = "bad-word"
        case badTag = "bad-tag"
        case reversesNothing = "reverses-nothing"
        case reversalMismatch = "reversal-mismatch"
        case unknownCounterpart = "unknown-counterpart"
        case counterpartRequired = "counterpart-required"
        case periodClosed = "period-closed"
        case assetFundUnpaired = "asset-fund-unpaired"
        case capitalWithoutAsset = "capital-without-asset"
        case subsidyPurpose = "subsidy-purpose"
        case subsidyOverspent = "subsidy-overspent"
        case subsidyWindow = "subsidy-window"
        case subsidySettled = "subsidy-settled"
        case subsidyNotApproved = "subsidy-not-approved"
        case subsidyOverApproved = "subsidy-over-approved"
        case controlCharacter = "control-character"
        case noReviewer = "no-reviewer"
        case notAUser = "not-a-user"
        case notAnOfficer = "not-an-officer"
        case reviewerNotActing = "reviewer-not-acting"
        case basicClassMissing = "basic-class-missing"
        case basicClassMisplaced = "basic-class-misplaced"
    }

    public let rule: Rule
    /// Index of the offending line in the voucher (0-based), when one line is at fault.
    public let lineIndex: Int?
    /// What is wrong and how to fix it, in one or two sentences.
    public let message: String
    /// The same in Chinese, facts included (fields, sides, states and kinds in Chinese), so that
    /// a person reading Chinese reads no English; the check that finds the problem writes both.
    public let chineseMessage: String

    public init(_ rule: Rule, line: Int? = nil, _ message: String, chinese: String) {
        self.rule = rule
        self.lineIndex = line
        self.message = message
        self.chineseMessage = chinese
    }

    public var description: String { message + " [" + rule.rawValue + "]" }
}

/// The checks every voucher passes before the book accepts it, each a small function that
/// returns problems as values so that all of them can be reported at once.
public enum VoucherRules {
    /// One rule: the problems it finds in a draft against the organisation's chart.
    public typealias Check = @Sendable (VoucherDraft, Chart) -> [VoucherProblem]

    /// Every check, in the order their problems are reported.
    public static let all: [Check] = [lineCount, amounts, accounts, counterparts, basicClasses, balance, header, assetFundWhenValid, text]

    public static func check(_ draft: VoucherDraft, chart: Chart) -> [VoucherProblem] {
        all.flatMap { $0(draft, chart) }
    }

    /// Asset pairing is judged only on a voucher whose lines are otherwise sound.
    static let assetFundWhenValid: Check = { draft, chart in
        let sound = lineCount(draft, chart).isEmpty && amounts(draft, chart).isEmpty && accounts(draft, chart).isEmpty
        return sound ? AssetFund.check(draft, chart) : []
    }

    static let lineCount: Check = { draft, _ in
        if draft.lines.count < 2 {
            return [VoucherProblem(.tooFewLines, "the voucher has \(draft.lines.count) line\(draft.lines.count == 1 ? "" : "s"); a voucher needs at least one debit and one credit line",
                                   chinese: "凭证只有 \(draft.lines.count) 行；凭证至少要有一行借方和一行贷方")]
        }
        if draft.lines.count > Limits.linesPerVoucher {
            return [VoucherProblem(.tooManyLines, "the voucher has \(draft.lines.count) lines, more than the limit of \(Limits.linesPerVoucher); split it into several vouchers (记字5号 1/2, 2/2)",
                                   chinese: "凭证有 \(draft.lines.count) 行，超过上限 \(Limits.linesPerVoucher) 行；请拆成几张凭证（如 记字5号 1/2、2/2）")]
        }
        return []
    }

    static let amounts: Check = { draft, _ in
        var problems: [VoucherProblem] = []
        for (index, line) in draft.lines.enumerated() {
            if line.amount.isZero {
                problems.append(VoucherProblem(.zeroAmount, line: index, "line \(index + 1) (\(line.accountCode)) has a zero amount; remove the line or enter the amount",
                                               chinese: "第 \(index + 1) 行（科目 \(line.accountCode)）金额为零；请删去该行或填写金额"))
            } else if line.amount.fen.magnitude > UInt64(Limits.lineAmountFen) {
                problems.append(VoucherProblem(.amountTooLarge, line: index, "line \(index + 1) (\(line.accountCode)) amount \(line.amount.grouped) exceeds the limit of \(Money(fen: Limits.lineAmountFen).grouped) yuan per line; split it over several lines",
                                               chinese: "第 \(index + 1) 行（科目 \(line.accountCode)）金额 \(line.amount.grouped) 超过单行限额 \(Money(fen: Limits.lineAmountFen).grouped) 元；请拆成几行"))
            } else if draft.isRedInk && !line.amount.isNegative {
                problems.append(VoucherProblem(.redInkSign, line: index, "line \(index + 1) (\(line.accountCode)) of a red-ink voucher has the positive amount \(line.amount); every line of a red-ink voucher is the original's line negated",
                                               chinese: "红字冲销凭证第 \(index + 1) 行（科目 \(line.accountCode)）的金额 \(line.amount) 是正数；红字冲销凭证的每一行都应是原凭证对应行的负数"))
            } else if !draft.isRedInk && line.amount.isNegative {
                problems.append(VoucherProblem(.negativeAmount, line: index, "line \(index + 1) (\(line.accountCode)) has the negative amount \(line.amount) on an ordinary voucher; put the amount on the other side, or cancel a posted voucher with `voucher reverse`",
                                               chinese: "第 \(index + 1) 行（科目 \(line.accountCode)）金额 \(line.amount) 是负数；普通凭证不能有负数金额，请把金额记在另一方，或用 `voucher reverse` 红字冲销已记账凭证"))
            }
        }
        return problems
    }

    static let accounts: Check = { draft, chart in
        var problems: [VoucherProblem] = []
        for (index, line) in draft.lines.enumerated() {
            if chart.account(line.accountCode) == nil {
                problems.append(VoucherProblem(.unknownAccount, line: index, "account \(line.accountCode) is not in the \(chart.kind.chinese) chart of \(draft.organization); check the code with `fundledger account list --org \(draft.organization)`",
                                               chinese: "科目 \(line.accountCode) 不在 \(draft.organization) 的\(chart.kind.chinese)表中；请用 `fundledger account list --org \(draft.organization)` 核对编码"))
            } else if !chart.isLeaf(line.accountCode) {
                let children = chart.children(of: line.accountCode).prefix(3).map { $0.code + " " + $0.name }
                let name = chart.account(line.accountCode)?.name ?? ""
                problems.append(VoucherProblem(.notLeafAccount, line: index, "account \(line.accountCode) \(name) has detail accounts; post to one of them instead (\(children.joined(separator: ", ")), ...)",
                                               chinese: "科目 \(line.accountCode) \(name) 下设有明细科目；请记入其明细科目（\(children.joined(separator: "、"))……）"))
            }
        }
        return problems
    }

    /// A line on 132 应收下级经费 or 508 补助下级支出, or a debit on 212 应付下级经费, concerns one
    /// lower union among many, so it names that union (counterpart): without it the flow cannot
    /// be reconciled with the lower union's books (domain notes §8.6). A 212 credit may hold a
    /// lump owed to the lower unions until it is passed down (§2.7, 税务代收); lines toward the
    /// upper union (211, 131, 403) have one union above and may leave it implied. Closing
    /// vouchers and red-ink reversals copy what they carry forward or cancel.
    static let counterparts: Check = { draft, _ in
        guard draft.kind != .closing, draft.reverses == nil else { return [] }
        var problems: [VoucherProblem] = []
        for (index, line) in draft.lines.enumerated() where line.dimensions.counterpart == nil
            && FlowReconciliation.requiresCounterpart(account: line.accountCode, debit: line.side == .debit) {
            problems.append(VoucherProblem(.counterpartRequired, line: index, "line \(index + 1) (\(line.accountCode)) concerns a lower union but names none; tag it counterpart:CODE with the lower union's code, so that the flow can be reconciled with that union's books",
                                           chinese: "第 \(index + 1) 行（科目 \(line.accountCode)）涉及下级工会，但未注明往来单位；请加标签 counterpart:下级工会代码，以便与该下级工会的账簿核对"))
        }
        return problems
    }

    /// 40401 财政拨款收入 of 基本支出 is kept as 人员经费 or 公用经费 (the standard's detail of 40401
    /// and 331), which the officer gives from the budget's grant: a 40401 line without a project
    /// and not tagged 项目支出 names its class (class:人员经费 or class:公用经费). A class is
    /// refused where it means nothing: on any account but 40401 and 331, or beside 项目支出 (an
    /// expense line's class follows from its account). Closing vouchers and red-ink reversals
    /// copy what they carry forward or cancel, so a line kept before classes were is no problem.
    static let basicClasses: Check = { draft, _ in
        guard draft.kind != .closing, draft.reverses == nil else { return [] }
        var problems: [VoucherProblem] = []
        for (index, line) in draft.lines.enumerated() {
            let d = line.dimensions, code = line.accountCode
            if let basicClass = d.basicClass {
                guard !(code.hasPrefix("40401") || code.hasPrefix("331")) || d.expenseType != .basic || d.project != nil else { continue }
                problems.append(VoucherProblem(.basicClassMisplaced, line: index, "line \(index + 1) (\(code)) is tagged class:\(basicClass.rawValue) (\(basicClass.chinese)); the class belongs only to 基本支出 lines of 40401 财政拨款收入 and 331 财政拨款结转, without a project (an expense line's class follows from its account); remove the tag",
                                               chinese: "第 \(index + 1) 行（科目 \(code)）标注了\(basicClass.chinese)；人员经费、公用经费只用于 40401 财政拨款收入和 331 财政拨款结转中不带项目的基本支出行（支出行按科目自动归类）；请删去该标签"))
            } else if code.hasPrefix("40401"), d.project == nil, d.expenseType != .project {
                problems.append(VoucherProblem(.basicClassMissing, line: index, "line \(index + 1) (\(code)) is 基本支出 of 财政拨款收入 but names neither 人员经费 nor 公用经费; tag it class:personnel (人员经费) or class:operating (公用经费) as the budget grants it, or expense:project with its project for 项目支出",
                                               chinese: "第 \(index + 1) 行（科目 \(code)）是财政拨款收入的基本支出，但未注明人员经费或公用经费；请按预算批复标注 class:人员经费 或 class:公用经费，项目支出则标注 expense:项目支出 及项目"))
            }
        }
        return problems
    }

    static let balance: Check = { draft, _ in
        // Each amount is bounded by Limits.lineAmountFen and the count by linesPerVoucher, so
        // these sums cannot overflow once the other checks pass; guard anyway.
        var debits: Int64 = 0, credits: Int64 = 0
        for line in draft.lines {
            let (next, overflow) = line.side == .debit ? debits.addingReportingOverflow(line.amount.fen)
                                                         : credits.addingReportingOverflow(line.amount.fen)
            if overflow { return [VoucherProblem(.amountTooLarge, "the voucher's total is too large to hold exactly; split it",
                                                             chinese: "凭证合计过大，无法精确保存；请拆成几张凭证")] }
            if line.side == .debit { debits = next } else { credits = next }
        }
        if debits != credits {
            let difference = Money(fen: debits &- credits)
            return [VoucherProblem(.unbalanced, "debits \(Money(fen: debits)) do not equal credits \(Money(fen: credits)) (difference \(difference)); a voucher balances to the fen",
                                   chinese: "借方合计 \(Money(fen: debits)) 与贷方合计 \(Money(fen: credits)) 不等（差额 \(difference)）；凭证借贷须相等，精确到分")]
        }
        return []
    }

    static let header: Check = { draft, _ in
        var problems: [VoucherProblem] = []
        let summary = draft.summary.trimmingWhitespace
        if summary.isEmpty {
            problems.append(VoucherProblem(.missingSummary, "the voucher has no summary (摘要); say in a few words what happened",
                                           chinese: "凭证没有摘要；请用几个字说明经济业务"))
        } else if draft.summary.count > Limits.summaryCharacters {
            problems.append(VoucherProblem(.summaryTooLong, "the summary has \(draft.summary.count) characters, more than \(Limits.summaryCharacters); shorten it",
                                           chinese: "摘要有 \(draft.summary.count) 个字，超过上限 \(Limits.summaryCharacters) 个字；请缩短"))
        }
        for (index, line) in draft.lines.enumerated() where line.summary.count > Limits.summaryCharacters {
            problems.append(VoucherProblem(.summaryTooLong, line: index, "line \(index + 1) summary has \(line.summary.count) characters, more than \(Limits.summaryCharacters); shorten it",
                                           chinese: "第 \(index + 1) 行摘要有 \(line.summary.count) 个字，超过上限 \(Limits.summaryCharacters) 个字；请缩短"))
        }
        if draft.preparer.trimmingWhitespace.isEmpty {
            problems.append(VoucherProblem(.missingPreparer, "the voucher has no preparer (制单); give the name of the person who prepared it",
                                           chinese: "凭证没有制单人；请给出制单人姓名"))
        }
        if let reviewer = draft.reviewer, reviewer == draft.preparer {
            problems.append(VoucherProblem(.reviewerIsPreparer, "\(reviewer) both prepared and reviewed the voucher; the reviewer (审核) must be another person",
                                           chinese: "\(reviewer) 既是制单人又是审核人；审核须由另一人进行"))
        }
        if draft.attachments < 0 || draft.attachments > Limits.attachments {
            problems.append(VoucherProblem(.badAttachments, "attachments must be a count from 0 to \(Limits.attachments), not \(draft.attachments)",
                                           chinese: "附件张数须为 0 至 \(Limits.attachments) 的整数，而不是 \(draft.attachments)"))
        }
        if draft.word.isEmpty || draft.word.count > 4 || draft.word.contains(where: { $0 == "/" || $0 == "-" || $0.isWhitespace || $0.isNumber }) {
            problems.append(VoucherProblem(.badWord, "the voucher word (凭证字) \"\(draft.word)\" must be 1 to 4 characters without digits, '/', '-' or spaces, such as 记",
                                           chinese: "凭证字“\(draft.word)”不可用；凭证字为一至四个字，不含数字、“/”、“-”或空格，如“记”"))
        }
        return problems
    }

    /// No text of the voucher holds a control character (`TextRules`).
    static let text: Check = { draft, _ in
        var problems: [VoucherProblem] = []
        func check(_ value: String?, _ field: String, _ chineseField: String, line: Int? = nil) {
            if let value, let message = TextRules.problem(value, field: field), let scalar = TextRules.firstRefused(in: value) {
                problems.append(VoucherProblem(.controlCharacter, line: line, message,
                                               chinese: "\(chineseField)含控制字符 \(TextRules.name(scalar))；请删去（换行、制表符和方向标记不能记入账簿）"))
            }
        }
        check(draft.summary, "the summary (摘要)", "摘要")
        check(draft.preparer, "the preparer (制单)", "制单人")
        check(draft.reviewer, "the reviewer (审核)", "审核人")
        check(draft.word, "the voucher word (凭证字)", "凭证字")
        for (index, line) in draft.lines.enumerated() {
            check(line.summary, "line \(index + 1) summary", "第 \(index + 1) 行摘要", line: index)
            check(line.dimensions.project, "line \(index + 1) project", "第 \(index + 1) 行项目", line: index)
            check(line.dimensions.counterpart, "line \(index + 1) counterpart", "第 \(index + 1) 行往来单位", line: index)
            check(line.dimensions.economicClass, "line \(index + 1) economic class", "第 \(index + 1) 行经济分类", line: index)
        }
        return problems
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (no Foundation needed).
    /// ASCII ends are judged by their byte; only a non-ASCII end is decoded as a Character.
    public var trimmingWhitespace: String {
        var slice = Substring(self)
        func asciiSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        while let byte = slice.utf8.first {
            if byte < 0x80 ? !asciiSpace(byte) : !(slice.first?.isWhitespace ?? false) { break }
            slice = slice.dropFirst()
        }
        while let byte = slice.utf8.last {
            if byte < 0x80 ? !asciiSpace(byte) : !(slice.last?.isWhitespace ?? false) { break }
            slice = slice.dropLast()
        }
        return String(slice)
    }
}
