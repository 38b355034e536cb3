import Foundation
import FundCore
@testable import FundStore
import Testing

/// 101 never in credit, 102 warned of or refused by setting, checked in the one posting path:
/// by hand, in an import, and for a red-ink voucher.
@Suite struct CashServiceTests {
    static func draft(_ date: String, _ lines: [(String, Int64)], summary: String = "现金收付") -> VoucherDraft {
        VoucherDraft(organization: "FED-01", date: LocalDate(parsing: date)!, summary: summary, attachments: 1, preparer: "王芳",
                     lines: lines.map { code, fen in VoucherLine(accountCode: code, side: fen >= 0 ? .debit : .credit, amount: Money(fen: Int64(fen.magnitude))) })
    }

    /// Prepares and reviews a draft; returns its id, not yet posted.
    static func reviewed(_ book: InMemoryBook, _ date: String, _ lines: [(String, Int64)]) throws -> Int64 {
        let voucher = try book.session("王芳").vouchers.addVoucher(draft(date, lines))
        try book.session("李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        return voucher.id
    }

    @Test func aCashPaymentWithoutCashIsRefusedWithTheBalanceItWouldLeave() throws {
        let book = try InMemoryBook()
        try book.post("2026-05-06", [("101", 10_000), ("102", -10_000)])
        let id = try Self.reviewed(book, "2026-05-08", [("50504", 30_000), ("101", -30_000)])
        let error = bookError { _ = try book.session("王芳").vouchers.postVoucher(id: id, bookkeeper: "王芳") }
        guard case let .cash(.cashNegative(voucher, shortfall))? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(voucher == "FED-01 #\(id)" && shortfall.account == "101" && shortfall.date == LocalDate(year: 2026, month: 5, day: 8)!)
        #expect(shortfall.credit == Money(fen: 20_000))
        #expect(error?.rule == "cash-negative" && error?.category == .conflict)
        #expect(error?.text(.chinese).contains("贷方余额 200.00") == true)
        // Nothing was written: the voucher is still reviewed, unnumbered.
        #expect(try book.session("王芳").vouchers.voucher(id: id).status == .reviewed)
        // Within the cash on hand it posts.
        let fits = try Self.reviewed(book, "2026-05-08", [("50504", 10_000), ("101", -10_000)])
        #expect(try book.session("王芳").vouchers.postVoucher(id: fits, bookkeeper: "王芳").status == .posted)
    }

    @Test func aBackdatedPaymentIsRefusedWhenALaterDayWouldGoIntoCredit() throws {
        let book = try InMemoryBook()
        try book.post("2026-05-10", [("101", 50_000), ("102", -50_000)])
        try book.post("2026-05-12", [("50504", 40_000), ("101", -40_000)])
        let id = try Self.reviewed(book, "2026-05-11", [("50502", 20_000), ("101", -20_000)])
        let error = bookError { _ = try book.session("王芳").vouchers.postVoucher(id: id, bookkeeper: "王芳") }
        guard case let .cash(.cashNegative(_, shortfall))? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(shortfall.date == LocalDate(year: 2026, month: 5, day: 12)! && shortfall.credit == Money(fen: 10_000))
        // A receipt is never refused by the cash rule.
        #expect(try book.post("2026-05-13", [("101", 100), ("102", -100)]).status == .posted)
    }

    @Test func aPreviousMonthsBalanceCountsFromTheBalanceTable() throws {
        let book = try InMemoryBook()
        try book.post("2026-04-20", [("101", 5_000), ("102", -5_000)])
        #expect(try book.post("2026-05-02", [("50504", 5_000), ("101", -5_000)]).status == .posted)
        let id = try Self.reviewed(book, "2026-05-03", [("50504", 1), ("101", -1)])
        #expect(bookError { _ = try book.session("王芳").vouchers.postVoucher(id: id, bookkeeper: "王芳") }?.rule == "cash-negative")
    }

    @Test func redInkThatTakesBackSpentCashIsRefused() throws {
        let book = try InMemoryBook()
        let receipt = try book.post("2026-05-06", [("101", 10_000), ("401", -10_000)])
        try book.post("2026-05-07", [("50504", 8_000), ("101", -8_000)])
        let red = try book.session("王芳").vouchers.reverseVoucher(id: receipt.id, date: LocalDate(year: 2026, month: 5, day: 9)!, preparer: "王芳")
        try book.session("李强").vouchers.reviewVoucher(id: red.id, reviewer: "李强")
        #expect(bookError { _ = try book.session("王芳").vouchers.postVoucher(id: red.id, bookkeeper: "王芳") }?.rule == "cash-negative")
    }

    @Test func bankInCreditWarnsByDefaultAndIsRefusedBySetting() throws {
        let book = try InMemoryBook()
        let officer = book.session("王芳")
        #expect(try officer.cash.bankCreditMode(organization: "FED-01") == .warn)
        let posted = try book.post("2026-05-06", [("50504", 30_000), ("102", -30_000)])
        let warnings = try officer.cash.shortfalls(voucherID: posted.id)
        #expect(warnings.map(\.account) == ["102"] && warnings.first?.credit == Money(fen: 30_000) && warnings.first?.kind == .bank)
        #expect(warnings.first?.text(.chinese).contains("[bank-negative]") == true)
        try officer.cash.setBankCreditMode(organization: "FED-01", .refuse)
        #expect(try officer.cash.bankCreditMode(organization: "FED-01") == .refuse)
        let id = try Self.reviewed(book, "2026-05-07", [("50504", 100), ("102", -100)])
        let error = bookError { _ = try officer.vouchers.postVoucher(id: id, bookkeeper: "王芳") }
        guard case .cash(.bankNegative)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(error?.rule == "bank-negative")
        // The county's officer does not keep FED-01's books, nor its setting.
        try book.admin.access.grant(RoleGrant(user: "赵六", role: .officer, organization: "CTY-01"))
        #expect(bookError { try book.session("赵六").cash.setBankCreditMode(organization: "FED-01", .warn) }?.isNotPermitted == true)
    }

    @Test func anImportIsRefusedWholeWhenAVoucherLeavesCashInCredit() throws {
        let book = try InMemoryBook()
        let journal = """
            2026-03-05 * (2026-03/记-0001) 提取备用金  ; org:FED-01, attachments:1, preparer:王芳, reviewer:李强
                101  300.00
                102  -300.00

            2026-03-06 * (2026-03/记-0002) 购买办公用品  ; org:FED-01, attachments:1, preparer:王芳, reviewer:李强
                50504  200.00
                101  -200.00

            2026-03-07 * (2026-03/记-0003) 支付会议茶水  ; org:FED-01, attachments:1, preparer:王芳, reviewer:李强
                50502  150.00
                101  -150.00
            """
        let path = try ImportServiceTests.file("cash.journal", journal)
        var message = ""
        do {
            _ = try book.session("王芳").imports.importJournal(paths: [path], defaultOrganization: nil, defaultReviewer: "李强")
        } catch let error as any LocalizedMessage { message = error.text(.english) } catch { message = "\(error)" }
        #expect(message.contains("[cash-negative]"), "\(message)")
        #expect(try book.session("王芳").vouchers.vouchers(organization: "FED-01").isEmpty)
        // Without the third payment the import posts (the second reads the first from the context).
        let fits = try ImportServiceTests.file("cash.journal", journal.components(separatedBy: "\n\n").prefix(2).joined(separator: "\n\n"))
        #expect(try book.session("王芳").imports.importJournal(paths: [fits], defaultOrganization: nil, defaultReviewer: "李强").vouchers == 2)
    }

    @Test func aCashierRecordsReceiptsAndPaymentsAndConfirmsThem() throws {
        let book = try InMemoryBook()
        try book.admin.access.grant(RoleGrant(user: "张出纳", role: .cashier, organization: "FED-01"))
        let cashier = book.session("张出纳")
        try book.post("2026-05-06", [("101", 10_000), ("102", -10_000)])
        var payment = Self.draft("2026-05-07", [("50504", 3_000), ("101", -3_000)])
        payment.preparer = "张出纳"
        let recorded = try cashier.vouchers.addVoucher(payment)
        var transfer = Self.draft("2026-05-07", [("50504", 3_000), ("215", -3_000)])
        transfer.preparer = "张出纳"
        #expect(bookError { _ = try cashier.vouchers.addVoucher(transfer) }?.rule == "cashier-cash-only")
        #expect(bookError { _ = try cashier.vouchers.addVoucher(Self.draft("2026-05-07", [("50504", 100), ("101", -100)])) }?.rule == "cashier-own-name")
        #expect(bookError { _ = try cashier.cash.confirm(voucherID: recorded.id) }?.rule == "cash-confirm-unreviewed")
        try book.session("李强").vouchers.reviewVoucher(id: recorded.id, reviewer: "李强")
        // Only the cashier confirms; an officer has not the role, the reviewer may not.
        #expect(bookError { _ = try book.session("王芳").cash.confirm(voucherID: recorded.id) }?.isNotPermitted == true)
        try book.admin.access.grant(RoleGrant(user: "李强", role: .cashier, organization: "FED-01"))
        #expect(bookError { _ = try book.session("李强").cash.confirm(voucherID: recorded.id) }?.rule == "cashier-is-reviewer")
        let confirmation = try cashier.cash.confirm(voucherID: recorded.id)
        #expect(confirmation.cashier == "张出纳")
        #expect(bookError { _ = try cashier.cash.confirm(voucherID: recorded.id) }?.rule == "cash-already-confirmed")
        // The cashier does not post; an officer does, with the cashier as preparer.
        #expect(bookError { _ = try cashier.vouchers.postVoucher(id: recorded.id, bookkeeper: "张出纳") }?.isNotPermitted == true)
        let posted = try book.session("王芳").vouchers.postVoucher(id: recorded.id, bookkeeper: "王芳")
        #expect(posted.status == .posted && posted.draft.preparer == "张出纳")
        #expect(try book.session("王芳").cash.confirmation(voucherID: recorded.id)?.cashier == "张出纳")
        // A voucher without cash or bank has nothing to confirm.
        let accrual = try book.post("2026-05-31", [("50504", 500), ("215", -500)])
        #expect(bookError { _ = try cashier.cash.confirm(voucherID: accrual.id) }?.rule == "not-a-cash-voucher")
        // The setting and the confirmation are sealed: the book verifies clean.
        try book.session("王芳").cash.setBankCreditMode(organization: "FED-01", .refuse)
        #expect(try book.admin.verification.verify().problems.isEmpty)
    }

    @Test func aCashVoucherHasOneSideAllMoney() {
        func lines(_ pairs: [(String, Int64)]) -> [VoucherLine] {
            pairs.map { VoucherLine(accountCode: $0.0, side: $0.1 >= 0 ? .debit : .credit, amount: Money(fen: Int64($0.1.magnitude))) }
        }
        #expect(CashRules.isCashVoucher(lines([("102", 500), ("401", -500)])))
        #expect(CashRules.isCashVoucher(lines([("101", 500), ("102", -500)])))
        #expect(CashRules.isCashVoucher(lines([("50405", 800), ("101", -400), ("102", -400)])))
        #expect(!CashRules.isCashVoucher(lines([("50405", 800), ("101", -400), ("20101", -400)])))
        #expect(!CashRules.isCashVoucher(lines([("50504", 500), ("20101", -500)])))
    }
}
