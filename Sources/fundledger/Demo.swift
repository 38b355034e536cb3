import ArgumentParser
import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Build the demo county's book for a whole year from the sample data and export every workbook.", "用示例数据建立演示县一整年的账套，并导出全部工作簿。"),
        discussion: bilingual("""
            Imports ledgers/demo (organisations, journal, a spreadsheet of vouchers, the fixed-asset register), \
            posts each month's depreciation, carries the year forward, closes every month, verifies the book, \
            and writes each organisation's workbooks. The demo book is the demo's own file and is replaced on \
            every run; your own book (--book of other commands) is never touched.
            """, """
            导入 ledgers/demo（单位、分录、凭证电子表格、固定资产卡片），计提各月折旧，年终结转，结账各月，\
            校验账套，并写出各单位的工作簿。演示账套是演示专用的文件，每次运行都会重建；\
            您自己的账套（其他命令的 --book）不会被改动。
            """))

    @Option(help: bilingual("The demo book, replaced on every run.", "演示账套，每次运行都会重建。")) var book = "ledgers/demo.sqlite"
    @Option(help: bilingual("Folder of the sample data.", "示例数据所在的文件夹。")) var data = "ledgers/demo"
    @Option(help: bilingual("Folder for the workbooks.", "工作簿输出文件夹。")) var exports = "exports"
    @Option(name: .customLong("as"), help: bilingual("Who runs the demo (recorded as importer and bookkeeper).", "运行演示的人（记为导入人和记账人）。")) var user = "演示导入"

    func run() throws {
        try reporting {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: book + suffix) }
            let store = try Store.create(at: book, administrator: user)
            let ledger = store.session(as: user)
            // The demo's importer keeps every union's books, as a county accounting centre would;
            // the county's subsidy officer, its chairman and its head of finance act in their own
            // names, each in a session of their own.
            for officer in [user, "赵敏", "主席", "财务主管"] { try ledger.access.grant(RoleGrant(user: officer, role: .officer)) }
            let subsidyOfficer = store.session(as: "赵敏"), chairman = store.session(as: "主席"), financeHead = store.session(as: "财务主管")
            let organizations = try ledger.organizations.importOrganizations(path: data + "/organizations.csv")
            // Every preparer and reviewer the journals name is an officer of the unions they sign for.
            _ = try ledger.access.importRoles(path: data + "/officers.csv")
            // Who signs the county's forms (第六十四条); the other unions' forms keep blank lines.
            if try ledger.organizations.organizations().contains(where: { $0.code == "CTY-01" }) {
                for (role, name) in [(SignerRole.legalRepresentative, "主席"), (.accountingSupervisor, "主席"), (.accountingHead, "财务主管")] {
                    try financeHead.signatures.setSigner(organization: "CTY-01", role: role, name: name)
                }
            }
            // The townships keep the grassroots chart and pass their grassroots unions' share down:
            // they take 212 from the county chart for it, and 城关镇 508 for a subsidy (domain notes §2.10).
            for township in try ledger.organizations.organizations() where township.level == .township && township.chart == .grassroots {
                try ledger.organizations.openCountyAccount(code: "212", organization: township.code, reason: "转拨所属基层工会拨缴经费")
                if township.code == "TWN-01" {
                    try ledger.organizations.openCountyAccount(code: "508", organization: township.code, reason: "补助所属基层工会困难职工帮扶")
                }
            }
            // Subsidy items first, so that the journal's spending of them is held to their purpose.
            let subsidyFile = data + "/subsidies-2026.csv"
            let items = FileManager.default.fileExists(atPath: subsidyFile) ? try subsidyOfficer.subsidies.importSubsidies(path: subsidyFile) : 0
            let files = try FileManager.default.contentsOfDirectory(atPath: data)
                .filter { $0.hasSuffix(".journal") || ($0.hasSuffix(".csv") && $0.first?.isNumber == true) }
                // The year's journal first, then the spreadsheets that continue it.
                .sorted { ($0.hasSuffix(".csv") ? 1 : 0, $0) < ($1.hasSuffix(".csv") ? 1 : 0, $1) }
            guard !files.isEmpty else { throw CLIError(bilingual("no .journal or voucher .csv files in \(data)", "\(data) 中没有 .journal 或凭证 .csv 文件 [no-demo-data]")) }
            let progress = ProgressLine("importing", unit: "B")
            let summary = try ledger.imports.importJournal(paths: files.map { data + "/" + $0 }, defaultOrganization: nil) {
                progress.update(done: $0, total: $1)
            }
            progress.finish()
            // One federation's vouchers booked before the county registered its item: the audit finds them.
            let review = data + "/review"
            let reviewFiles = ((try? FileManager.default.contentsOfDirectory(atPath: review)) ?? []).filter { $0.hasSuffix(".journal") }.sorted()
            var late = (vouchers: 0, items: 0)
            if !reviewFiles.isEmpty {
                // Imported from the federation's old books: one voucher was reviewed by 孟凡, who left
                // before this book was set up and is no user of it (a historical person).
                late.vouchers = try ledger.imports.importJournal(paths: reviewFiles.map { review + "/" + $0 }, defaultOrganization: nil,
                                                                 historical: true).vouchers
                late.items = try subsidyOfficer.subsidies.importSubsidies(path: review + "/subsidies-2026.csv")
            }
            let assets = try ledger.assets.importFixedAssets(path: data + "/assets.csv")
            let budgets = try ledger.budgets.importBudgets(path: data + "/budgets-\(files.first!.prefix(4)).csv")
            for (index, budget) in budgets.enumerated() {
                try chairman.budgets.approveBudget(organization: budget.organization, year: budget.year, document: "某总工办〔\(budget.year)〕\(index + 1)号")
            }
            var actions = try runSubsidyActions(subsidyOfficer, path: data + "/subsidy-actions-2026.csv")
            actions += try runSubsidyActions(subsidyOfficer, path: review + "/subsidy-actions-2026.csv")
            let irregular = !reviewFiles.isEmpty ? try correctAndReverse(ledger) : nil
            // FED-01's cashier (出纳) confirms each receipt and payment; the printed vouchers carry the name.
            try ledger.access.grant(RoleGrant(user: "周婷", role: .cashier, organization: "FED-01"))
            let cashier = store.session(as: "周婷")
            for voucher in try ledger.vouchers.vouchers(organization: "FED-01") where voucher.status == .posted && CashRules.movesCash(voucher.draft.lines) {
                try cashier.cash.confirm(voucherID: voucher.id)
            }
            // FED-01's bank statement of the fourth quarter, matched to its 102 lines; its 调节表 is exported below.
            try ledger.cash.importStatement(organization: "FED-01", account: "102", path: data + "/bank-statement-FED-01-2026Q4.csv")
            try ledger.cash.matchAutomatically(organization: "FED-01", account: "102")
            emit(DemoMessage.loaded(book: book, organizations: organizations, vouchers: summary.vouchers, lines: summary.lines, files: files, assets: assets,
                                    budgets: budgets.count, items: items, actions: actions).text(language) + "\n")
            if !reviewFiles.isEmpty {
                emit(DemoMessage.reviewYear(vouchers: late.vouchers, files: reviewFiles, lateItems: late.items).text(language) + "\n")
            }

            let all = try ledger.organizations.organizations()
            var year = 0
            for organization in all {
                year = max(year, try ledger.vouchers.vouchers(organization: organization.code).map(\.draft.date.year).max() ?? 0)
            }
            try chairman.budgets.adjustBudget(organization: "FED-01", year: year, document: "某工联发〔\(year)〕9号", date: Period(year: year, month: 6)!.lastDay,
                                    reason: "会员活动和维权支出追加预算", changes: [BudgetKey(account: "501"): Money(fen: 800_000),
                                                                        BudgetKey(account: "504"): Money(fen: 1_000_000)])
            var depreciation = 0, closing = 0
            for organization in all {
                for month in 1...12 where try ledger.assets.depreciate(organization: organization.code, period: Period(year: year, month: month)!,
                                                                              reviewer: "财务主管") != nil {
                    depreciation += 1
                }
                // Each month is closed with its 期末结转; the year end then clears 本年收支结转 into
                // 累计 before December is closed.
                let december = Period(year: year, month: 12)!
                let months = Set(try ledger.vouchers.vouchers(organization: organization.code).map(\.draft.period)).sorted()
                for period in months where period < december {
                    closing += try financeHead.periods.close(organization: organization.code, period: period, reviewer: "主席").count
                }
                closing += try financeHead.yearEnd.closeYear(organization: organization.code, year: year, reviewer: "主席").vouchers.count
                if try ledger.vouchers.vouchers(organization: organization.code).contains(where: { $0.draft.period == december }) {
                    closing += try financeHead.periods.close(organization: organization.code, period: december, reviewer: "主席").count
                }
            }
            if irregular != nil { try financeHead.periods.reopen(organization: "FED-12", period: Period(year: year, month: 12)!, reason: "补记12月凭证后重新结账", reviewer: "主席")
                // Reopening December cancels its 期末结转; the year end carries it again and clears
                // it into 累计 before December is closed anew.
                closing += try financeHead.yearEnd.closeYear(organization: "FED-12", year: year, reviewer: "主席").vouchers.count
                try financeHead.periods.close(organization: "FED-12", period: Period(year: year, month: 12)!, reviewer: "主席") }
            emit(DemoMessage.yearEnd(depreciation: depreciation, closing: closing).text(language) + "\n")

            try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
            var written = 0
            // Workbooks for every union that keeps its own books here and sends forms up: the county,
            // the townships and the federations (grassroots unions appear in the roll-up).
            for organization in all where organization.level != .grassroots {
                if try ledger.vouchers.vouchers(organization: organization.code).isEmpty { continue }
                let code = organization.code
                func path(_ name: String, _ suffix: String = String(year)) -> String { "\(exports)/\(name)-\(code)-\(suffix).xlsx" }
                try TrialBalanceWorkbook.write(try Reports.trialBalance(ledger, organization: code, year: year, month: nil), to: path("科目余额表"), preparedBy: user)
                try JournalWorkbook.write(book: ledger, organization: organization, chart: try ledger.organizations.chart(for: code),
                                          from: Period(year: year, month: 1)!, to: Period(year: year, month: 12)!, path: path("序时账"))
                try LedgerWorkbook.write(try Reports.generalLedger(ledger, organization: code, year: year, month: nil), to: path("总账"))
                for kind in [CashAccountKind.cash, .bank] {
                    try CashJournalWorkbook.write(try Reports.cashJournal(ledger, organization: code, kind: kind, year: year, month: nil),
                                                  to: path(kind == .cash ? "现金日记账" : "银行存款日记账"))
                }
                try FormWorkbook.write(try Reports.balanceSheet(ledger, organization: code, year: year, month: nil), to: path(BalanceSheet.title), preparedBy: user)
                try FormWorkbook.write(try Reports.incomeExpenditure(ledger, organization: code, year: year, month: nil), to: path(IncomeExpenditure.title), preparedBy: user)
                // Sent to a superior: it carries the union's chain heads (footers, 校验 sheet).
                try Workbook.$anchors.withValue(WorkbookAnchors { (try? ledger.verification.chainHeads(organization: code)) ?? [] }) {
                    try writeMonthlyPack(book: ledger, organization: code, year: year, month: 12, path: path("月度报表", "\(year)-12"), user: user)
                    try writeAnnualPack(book: ledger, organization: code, year: year, path: path(AnnualPack.title), user: user)
                }
                written += 9
                // The county-level union's attached forms (附01 from its 40401), each on its own too.
                for form in try Reports.attachedForms(ledger, organization: code, year: year, month: nil) {
                    try FormWorkbook.write(form, to: path(form.title), preparedBy: user)
                    written += 1
                }
            }
            try LedgerWorkbook.write(try Reports.detailLedger(ledger, organization: "FED-01", account: "503", year: year), to: "\(exports)/明细账-503-FED-01-\(year).xlsx")
            // The county's 财政拨款结转, each line with its part of 基本支出 (人员经费, 公用经费).
            try LedgerWorkbook.write(try Reports.detailLedger(ledger, organization: "CTY-01", account: "331", year: year), to: "\(exports)/明细账-331-CTY-01-\(year).xlsx")
            written += 1
            let root = all[0]
            let rollup = try Reports.rollup(ledger, organization: root.code, year: year, month: nil)
            try Workbook.$anchors.withValue(WorkbookAnchors { (try? ledger.verification.chainHeads(organization: root.code, tree: true)) ?? [] }) {
                try RollupWorkbook.write(rollup, to: "\(exports)/汇总表-\(root.code)-\(year).xlsx")
            }
            try writeSubsidyWorkbook(book: ledger, grantor: root.code, year: year, asOf: nil, path: "\(exports)/项目补贴台账-\(root.code)-\(year).xlsx")
            let yearEnd = Period(year: year, month: 12)!.lastDay
            try BankReconciliationWorkbook.write(try Reports.bankReconciliation(ledger, organization: "FED-01", account: "102", date: yearEnd),
                                                 to: "\(exports)/\(BankReconciliation.title)-FED-01-\(yearEnd).xlsx")
            written += 4
            if irregular != nil {
                try audit(ledger, year: year)
                written += 1
            }
            let verification = try ledger.verification.verify()
            emit(DemoMessage.wrote(workbooks: written, folder: exports, problems: verification.problems.count, warnings: verification.warnings.count).text(language) + "\n")
            emit("\n" + rollup.rendered(.table, byLevel: true))
            if !verification.problems.isEmpty {
                emit(verification.problems.map { "  - " + $0.text(language) + "\n" }.joined())
                throw ExitCode(1)
            }
        }
    }

    /// FED-12 booked a purchase twice in March and cancels the second with red ink.
    func correctAndReverse(_ ledger: Session) throws -> Voucher {
        let original = try ledger.vouchers.voucher(organization: "FED-12", reference: "2026-03/记-0002")
        let red = try ledger.vouchers.reverseVoucher(id: original.id, date: LocalDate(parsing: "2026-03-27")!, preparer: "刘敏")
        try ledger.store.session(as: "杨帆").vouchers.reviewVoucher(id: red.id, reviewer: "杨帆")
        return try ledger.vouchers.postVoucher(id: red.id, bookkeeper: user)
    }

    /// The review committee of FED-12 audits its year: the committee is recorded (no officer of
    /// FED-12 sits on it), the thresholds set, the chair runs the rules, the finance officer answers, the committee resolves, reruns
    /// and two members sign its opinion; the working papers go to exports/.
    func audit(_ ledger: Session, year: Int) throws {
        let calendarFile = data + "/calendar-\(year).csv"
        if FileManager.default.fileExists(atPath: calendarFile) { _ = try ledger.committees.importCalendar(path: calendarFile) }
        let elected = LocalDate(parsing: "\(year)-04-18")!
        try ledger.committees.addCommittee(Committee(organization: "FED-12", elected: elected, termYears: 3, members: [
            CommitteeMember(name: "陈静", office: .chair, start: elected), CommitteeMember(name: "王磊", office: .viceChair, start: elected),
            CommitteeMember(name: "周敏", office: .member, start: elected)]))
        try ledger.access.grant(RoleGrant(user: "钱进", role: .superior, organization: "CTY-01"))
        let chair = ledger.store.session(as: "陈静")
        // The cap is the province's (domain notes §3); 1,500 yuan is this demo's, not a prescribed figure.
        try chair.committees.setAuditSetting(organization: "FED-12", key: "members", value: "12")
        try chair.committees.setAuditSetting(organization: "FED-12", key: "welfare-cap", value: "1500.00")
        let first = try chair.review.runAudit(organization: "FED-12", year: year, language: language)
        let officer = ledger.store.session(as: "刘敏")
        var answered = 0
        for finding in first.findings where ["no-attachments", "non-working-day", "reversals"].contains(finding.rule) {
            try officer.review.answerFinding(id: finding.id, text: finding.rule == "no-attachments" ? "场地费发票已补附，凭证已补登附件张数" : "已说明情况，附相关审批单")
            answered += 1
        }
        for finding in first.findings where finding.rule == "no-attachments" { try chair.review.closeFinding(id: finding.id, accepted: false, text: "已核对补附的发票") }
        for finding in first.findings where finding.rule == "reversals" || finding.rule == "non-working-day" {
            try chair.review.closeFinding(id: finding.id, accepted: true, text: "说明属实，予以认可")
        }
        let second = try chair.review.runAudit(organization: "FED-12", year: year, language: language)
        try chair.review.recordOpinion(organization: "FED-12", year: year, text: """
            经审查，东关镇五金产业工会联合会\(year)年度经费收支基本真实，但项目补贴使用存在超范围、超期和先支后拨等问题，\
            专项补助收入未按项目核算，会员福利支出超过标准，经审会成立前未设经费审查组织。\
            建议按问题清单逐项整改，整改结果报县总工会经审会。
            """, signers: ["陈静", "王磊"], on: LocalDate(parsing: "\(year + 1)-01-20")!)
        let report = try Reports.review(chair, organization: "FED-12", year: year)
        try ReviewWorkbook.write(report, to: "\(exports)/\(ReviewReport.title)-FED-12-\(year).xlsx")
        let rules = Set(second.findings.map(\.rule))
        emit(DemoMessage.review(firstAudit: first.audit.id, new: first.new, rulesFound: rules.count, rules: AuditRules.all.count, answered: answered,
                                secondAudit: second.audit.id, again: second.again).text(language) + "\n")
    }

    /// Runs the settlements (and any payments) listed for the demo year: action,code,date,amount,reviewer.
    func runSubsidyActions(_ ledger: Session, path: String) throws -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        var count = 0
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let date = LocalDate(parsing: fields[2]) else { throw CLIError(bilingual("\(path): bad line \(line)", "\(path)：行不可用：\(line) [bad-demo-line]")) }
            switch fields[0] {
            case "settle": _ = try ledger.subsidies.settleSubsidy(code: fields[1], date: date, reviewer: fields[4])
            case "disburse": _ = try ledger.subsidies.disburseSubsidy(code: fields[1], amount: try Money(parsing: fields[3]), date: date, reviewer: fields[4])
            case "accrue": _ = try ledger.subsidies.accrueSubsidy(code: fields[1], amount: try Money(parsing: fields[3]), date: date, reviewer: fields[4])
            default: throw CLIError(bilingual("\(path): unknown action \(fields[0])", "\(path)：未知的操作 \(fields[0]) [bad-demo-line]"))
            }
            count += 1
        }
        return count
    }
}
