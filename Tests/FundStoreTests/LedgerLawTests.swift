import Foundation
import FundCore
import FundTesting
import PropertyBased
import Testing
@testable import FundStore

/// The laws of the ledger over random books: built from random balanced vouchers, checked
/// against a slow, independent model (plain sums over the vouchers themselves).
@Suite struct LedgerLawTests {
    /// Leaf accounts outside the 资产基金 pairing rule and the cash rule (101 is never in credit),
    /// which have tests of their own.
    static let leaves = Chart.standard(.grassroots).accounts.map(\.code).filter {
        Chart.standard(.grassroots).isLeaf($0) && !(AssetFund.mirroredAssets + ["301", "101"]).contains(String($0.prefix(3)))
            && AssetFund.capitalPurchases[$0] == nil
    }

    struct RandomVoucher: Sendable {
        var month: Int
        var day: Int
        var lines: [(String, Int64)]
    }

    /// n-1 random legs and a last leg that balances them.
    static func voucher(_ amounts: [Int64], _ accountPicks: [Int], month: Int, day: Int) -> RandomVoucher {
        var lines: [(String, Int64)] = []
        var net: Int64 = 0
        for (index, amount) in amounts.enumerated() {
            let signed = index % 2 == 0 ? amount : -amount
            lines.append((leaves[accountPicks[index % accountPicks.count] % leaves.count], signed))
            net += signed
        }
        if net != 0 { lines.append(("102", -net)) } else { lines.append(("102", 1)); lines.append(("401", -1)) }
        return RandomVoucher(month: month, day: day, lines: lines)
    }

    static let amount = Gen.oneOf(Gen.int64(in: 1...3), Gen.int64(in: 1...1_000_000), Gen.int64(in: 1...(Limits.lineAmountFen / 1000)))
    static let vouchers = PropertyBased.zip(amount.array(of: 1...6), Gen.int(in: 0...500).array(of: 1...4), Gen.int(in: 1...12), Gen.int(in: 1...28))
        .map { (parts: ([Int64], [Int], Int, Int)) in voucher(parts.0, parts.1, month: parts.2, day: parts.3) }.array(of: 1...12)

    static func model(_ vouchers: [RandomVoucher]) -> [String: Int64] {
        var net: [String: Int64] = [:]
        for voucher in vouchers { for (code, fen) in voucher.lines { net[code, default: 0] += fen } }
        return net.filter { $0.value != 0 }
    }

    @Test func postedBalancesMatchTheModelAndDebitsEqualCredits() async throws {
        await propertyCheck(count: 25, input: LedgerLawTests.vouchers) { vouchers in
            let t = try TestBook()
            var posted: [Voucher] = []
            for v in vouchers {
                posted.append(try t.post("FED-01", String(format: "2026-%02d-%02d", v.month, v.day), v.lines))
            }
            #expect(try t.netBalances() == LedgerLawTests.model(vouchers))
            for month in 1...12 {
                let period = Period(year: 2026, month: month)!
                let turnovers = try t.book.ledger.turnovers(organization: "FED-01", from: period, to: period)
                #expect(turnovers.reduce(0) { $0 + $1.debitFen } == turnovers.reduce(0) { $0 + $1.creditFen })
                #expect(turnovers.reduce(0) { $0 + $1.openingNetFen } == 0)
            }
            // Reversing every voucher nets every balance to zero.
            for voucher in posted {
                let red = try t.book.vouchers.reverseVoucher(id: voucher.id, date: LocalDate(year: 2026, month: 12, day: 31)!, preparer: "王芳")
                try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: red.id, reviewer: "李强")
                try t.book.vouchers.postVoucher(id: red.id, bookkeeper: "张会计")
            }
            #expect(try t.netBalances().isEmpty)
            #expect(try t.book.verification.verify().problems.isEmpty)
        }
    }

    @Test func exportThenImportGivesIdenticalBalances() async throws {
        await propertyCheck(count: 15, input: LedgerLawTests.vouchers) { vouchers in
            let t = try TestBook()
            for v in vouchers { try t.post("FED-01", String(format: "2026-%02d-%02d", v.month, v.day), v.lines) }
            if let first = try t.book.vouchers.vouchers(organization: "FED-01").first {
                let red = try t.book.vouchers.reverseVoucher(id: first.id, date: LocalDate(year: 2026, month: 12, day: 31)!, preparer: "王芳")
                try t.book.store.session(as: "李强").vouchers.reviewVoucher(id: red.id, reviewer: "李强")
                try t.book.vouchers.postVoucher(id: red.id, bookkeeper: "张会计")
            }
            var text = ""
            try t.book.ledger.forEachPostedVoucher(organization: "FED-01") { voucher, chart in
                text += JournalWriter.transaction(voucher, chart: chart, reversesRef: voucher.draft.reverses) + "\n"
            }
            let copy = try TestBook()
            _ = try copy.book.imports.importJournal(paths: [try copy.write("export.journal", text)], defaultOrganization: nil, defaultReviewer: "李强")
            #expect(try copy.netBalances() == t.netBalances())
            for month in 1...12 {
                let period = Period(year: 2026, month: month)!
                #expect(try copy.book.ledger.turnovers(organization: "FED-01", from: period, to: period)
                        == t.book.ledger.turnovers(organization: "FED-01", from: period, to: period))
            }
            let original = try t.book.vouchers.vouchers(organization: "FED-01"), imported = try copy.book.vouchers.vouchers(organization: "FED-01")
            #expect(original.map(\.ref) == imported.map(\.ref))
            #expect(original.map(\.draft.lines) == imported.map(\.draft.lines))
        }
    }

    @Test func unbalancedVouchersAreAlwaysRefusedAndChangeNothing() async throws {
        await propertyCheck(count: 30, input: LedgerLawTests.amount.array(of: 1...6), Gen.int64(in: 1...1_000)) { amounts, skew in
            let t = try TestBook()
            var v = LedgerLawTests.voucher(amounts, [7, 11], month: 3, day: 3)
            v.lines[0].1 += v.lines[0].1 > 0 ? skew : -skew
            let before = try t.bytes()
            #expect(throws: BookError.self) { try t.post("FED-01", "2026-03-03", v.lines) }
            #expect(try t.book.vouchers.vouchers(organization: "FED-01").isEmpty)
            #expect(try t.bytes() == before)
        }
    }
}
