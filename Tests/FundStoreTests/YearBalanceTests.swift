import FundCore
import FundTesting
import GRDB
@testable import FundStore
import Testing

/// The year aggregate (`year_balance`, migration v15-year-aggregates): kept by the one posting
/// path (hand, red ink, closing and reopening, import), equal to the monthly aggregate added up
/// by year, back-filled for an old book, checked by `verify`, and what the roll-up reads.
@Suite struct YearBalanceTests {
    /// SplitMix64: the same book for the same seed, on every machine.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func line(_ code: String, _ fen: Int64, project: String? = nil, counterpart: String? = nil) -> VoucherLine {
        VoucherLine(accountCode: code, side: fen >= 0 ? .debit : .credit, amount: Money(fen: Int64(fen.magnitude)),
                    dimensions: Dimensions(project: project, counterpart: counterpart))
    }

    /// Prepares (as 王芳), reviews (as 李强) and posts (as 王芳) a voucher.
    @discardableResult
    static func post(_ book: InMemoryBook, _ organization: String, _ date: LocalDate, _ lines: [VoucherLine]) throws -> Voucher {
        let draft = VoucherDraft(organization: organization, date: date, summary: "随机凭证", attachments: 1, preparer: "王芳", lines: lines)
        let voucher = try book.session("王芳").vouchers.addVoucher(draft)
        try book.session("李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        return try book.session("王芳").vouchers.postVoucher(id: voucher.id, bookkeeper: "王芳")
    }

    /// Two years of random vouchers of FED-01 and CTY-01 (projects, counterparts, the flows between
    /// them), some reversed in red ink, FED-01's first half of 2025 closed and its June reopened.
    static func randomBook(seed: UInt64) throws -> InMemoryBook {
        let book = try InMemoryBook()
        try book.admin.access.grant(RoleGrant(user: "王芳", role: .officer, organization: "CTY-01"))
        try book.admin.access.grant(RoleGrant(user: "李强", role: .officer, organization: "CTY-01"))
        var random = Seeded(state: seed)
        var posted: [Voucher] = []
        for _ in 0..<60 {
            let date = LocalDate(year: Int.random(in: 2025...2026, using: &random), month: Int.random(in: 1...12, using: &random),
                                 day: Int.random(in: 1...28, using: &random))!
            let a = Int64.random(in: 1...500_000, using: &random), b = Int64.random(in: 1...500_000, using: &random)
            let project = ["XM-01", "XM-02"].randomElement(using: &random)
            let lines: (String, [VoucherLine])
            switch Int.random(in: 0..<6, using: &random) {
            case 0: lines = ("FED-01", [line("102", a), line("401", -a)])
            case 1: lines = ("FED-01", [line("102", a, project: project), line("401", -a, project: project)])
            case 2: lines = ("FED-01", [line("211", a), line("50504", b), line("401", -(a + b))])
            case 3: lines = ("FED-01", [line("102", a), line("40301", -a, counterpart: "CTY-01")])
            case 4: lines = ("CTY-01", [line("50801", a, counterpart: "FED-01"), line("102", b), line("402", -(a + b))])
            default: lines = ("CTY-01", [line("102", a), line("402", -a, counterpart: "FED-01")])
            }
            posted.append(try post(book, lines.0, date, lines.1))
        }
        for voucher in posted.shuffled(using: &random).prefix(6) {
            let red = try book.session("王芳").vouchers.reverseVoucher(id: voucher.id, date: voucher.draft.date, preparer: "王芳")
            try book.session("李强").vouchers.reviewVoucher(id: red.id, reviewer: "李强")
            try book.session("王芳").vouchers.postVoucher(id: red.id, bookkeeper: "王芳")
        }
        for month in 1...6 { try book.session("王芳").periods.close(organization: "FED-01", period: Period(year: 2025, month: month)!, reviewer: "李强") }
        try book.session("王芳").periods.reopen(organization: "FED-01", period: Period(year: 2025, month: 6)!, reason: "补记凭证", reviewer: "李强")
        return book
    }

    /// The year aggregate's rows, and the monthly aggregate added up the same way, as text.
    static func yearRows(_ book: InMemoryBook) throws -> (stored: [String], fromMonths: [String]) {
        try book.store.database.read { db in
            (try String.fetchAll(db, sql: """
                SELECT organization_id || ' ' || account_id || ' ' || project || ' ' || counterpart_id || ' ' || year || ' ' || closing
                       || ' ' || debit || ' ' || credit
                FROM year_balance ORDER BY organization_id, account_id, project, counterpart_id, year, closing
                """),
             try String.fetchAll(db, sql: """
                SELECT organization_id || ' ' || account_id || ' ' || project || ' ' || counterpart_id || ' ' || (period / 100) || ' ' || closing
                       || ' ' || sum(debit) || ' ' || sum(credit)
                FROM balance GROUP BY organization_id, account_id, project, counterpart_id, period / 100, closing
                ORDER BY organization_id, account_id, project, counterpart_id, period / 100, closing
                """))
        }
    }

    @Test(arguments: [1, 2, 3, 2026] as [UInt64])
    func theYearAggregateIsTheMonthlyAggregateAddedUpByYear(seed: UInt64) throws {
        let book = try Self.randomBook(seed: seed)
        let rows = try Self.yearRows(book)
        #expect(!rows.stored.isEmpty, "seed \(seed)")
        #expect(rows.stored == rows.fromMonths, "seed \(seed)")
        let checks = try book.admin.verification.verify().problems.map(\.check)
        #expect(!checks.contains("year-balance") && !checks.contains("balance"), "seed \(seed)")
    }

    /// The roll-up's reads, from the year aggregate, against the queries of the monthly aggregate
    /// the roll-up made before it: the same rows for every year and month, for the tree of the
    /// whole book and for a part of it, read apart or together.
    @Test(arguments: [5, 6] as [UInt64])
    func theRollupReadsTheSameFiguresAsFromTheMonths(seed: UInt64) throws {
        let book = try Self.randomBook(seed: seed)
        try book.store.database.read { db in
            let storage = SQLiteStorage(db)
            for root in ["CTY-01", "FED-01"] {
                let tree = try storage.rollupTree(root: root)
                let members = Set(tree.members.map(\.code))
                for year in [2025, 2026] {
                    for month in [1, 5, 6, 11, 12] {
                        let yearStart = year * 100 + 1, through = year * 100 + month, context = "seed \(seed) \(root) \(through)"
                        let balances = try storage.rollupBalances(tree, yearStart: yearStart, through: through)
                        let monthlyBalances = try Self.monthlyBalances(db, yearStart: yearStart, through: through).filter { members.contains($0.organization) }
                        #expect(Set(balances) == Set(monthlyBalances), "\(context)")
                        #expect(balances.count == Set(balances).count)
                        let flows = try storage.rollupFlows(tree, yearStart: yearStart, through: through)
                        let monthlyFlows = try Self.monthlyFlows(db, yearStart: yearStart, through: through).filter { members.contains($0.organization) }
                        #expect(Set(flows) == Set(monthlyFlows), "\(context)")
                        #expect(flows.count == Set(flows).count)
                        let together = try storage.rollupAggregates(tree, yearStart: yearStart, through: through)
                        #expect(together.balances == balances, "\(context)")
                        #expect(Set(together.flows) == Set(flows) && together.flows.count == flows.count, "\(context)")
                    }
                }
            }
            #expect(try storage.rollupFlows(root: "CTY-01", yearStart: 202601, through: 202612).contains { $0.account == "211" })
            #expect(try storage.rollupFlows(root: "FED-01", yearStart: 202601, through: 202612).contains { $0.account == "211" })
            #expect(try storage.rollupBalances(root: "FED-01", yearStart: 202601, through: 202612).allSatisfy { $0.organization == "FED-01" })
        }
    }

    /// The vouchers behind flow differences, matched in Swift from one read of each month's
    /// lines, against the statement per query the roll-up ran before: the same vouchers for
    /// every organisation (one not in the book), month, account prefixes, counterpart or none,
    /// project and side; a draft among them is never shown.
    @Test(arguments: [7, 8] as [UInt64])
    func theFlowVouchersAreThoseOfAStatementPerQuery(seed: UInt64) throws {
        let book = try Self.randomBook(seed: seed)
        _ = try book.session("王芳").vouchers.addVoucher(VoucherDraft(organization: "FED-01", date: LocalDate(year: 2026, month: 3, day: 5)!,
                                                                      summary: "草稿", attachments: 0, preparer: "王芳",
                                                                      lines: [Self.line("211", 5_00), Self.line("102", -5_00)]))
        var queries: [FlowVoucherQuery] = []
        for organization in ["FED-01", "CTY-01", "NOPE"] {
            for year in [2025, 2026] {
                for month in [1, 3, 6, 7, 12] {
                    for prefixes in [["211"], ["4", "211"], ["40301"], ["508", "402"], ["102"]] {
                        for counterpart in [nil, "CTY-01", "FED-01"] as [String?] {
                            for project in [nil, "XM-01", ""] as [String?] {
                                for debitsOnly in [false, true] {
                                    queries.append(FlowVoucherQuery(organization: organization, accountPrefixes: prefixes, counterpart: counterpart,
                                                                    project: project, period: Period(year: year, month: month)!, debitsOnly: debitsOnly))
                                }
                            }
                        }
                    }
                }
            }
        }
        try book.store.database.read { db in
            let found = try SQLiteStorage(db).flowVouchers(queries)
            #expect(found.count == queries.count)
            var answered = 0
            for (query, vouchers) in zip(queries, found) {
                let expected = try Self.flowVouchersByStatement(db, query)
                #expect(vouchers == expected, "seed \(seed) \(query)")
                if !expected.isEmpty { answered += 1 }
            }
            #expect(answered > 50, "seed \(seed): \(answered) queries found vouchers")
        }
    }

    /// The vouchers of one flow query by the statement the roll-up ran for each before.
    static func flowVouchersByStatement(_ db: Database, _ query: FlowVoucherQuery) throws -> [VoucherRef] {
        let accounts = query.accountPrefixes.map { _ in "a.code LIKE ? || '%'" }.joined(separator: " OR ")
        var values: [(any DatabaseValueConvertible)?] = [query.organization, query.period.key]
        values += query.accountPrefixes.map { $0 as (any DatabaseValueConvertible)? }
        values += [query.counterpart, query.counterpart, query.project, query.project ?? "", query.debitsOnly]
        return try Row.fetchAll(db, sql: """
            SELECT DISTINCT v.period, v.word, v.number FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            JOIN organization o ON o.id = v.organization_id JOIN account a ON a.id = l.account_id
            LEFT JOIN organization c ON c.id = l.counterpart_id LEFT JOIN organization p ON p.id = o.parent_id
            WHERE o.code = ? AND v.status = 'posted' AND v.kind <> 'closing' AND v.period = ? AND (\(accounts))
              AND (CASE WHEN ? IS NULL THEN l.counterpart_id IS NULL
                        ELSE coalesce(c.code, CASE WHEN a.code LIKE '211%' THEN p.code END) = ? END)
              AND (? IS NULL OR coalesce(l.project, '') = ?) AND (? = 0 OR l.side = 'D')
            ORDER BY v.period, v.word, v.number LIMIT 20
            """, arguments: StatementArguments(values)).map { row in
            VoucherRef(period: Period(key: row["period"])!, word: row["word"], number: row["number"])
        }
    }

    /// The roll-up's balances as read from the monthly aggregate before the year aggregate.
    static func monthlyBalances(_ db: Database, yearStart: Int, through: Int) throws -> [RollupBalance] {
        try Row.fetchAll(db, sql: """
            SELECT o.code AS organization, a.code AS account, b.project, c.code AS counterpart,
                   sum(b.debit - b.credit) AS closing_net,
                   sum(CASE WHEN b.period >= ? AND b.closing = 0 THEN b.debit - b.credit ELSE 0 END) AS activity_net
            FROM balance b JOIN organization o ON o.id = b.organization_id
            JOIN account a ON a.id = b.account_id LEFT JOIN organization c ON c.id = b.counterpart_id
            WHERE b.period <= ?
            GROUP BY b.organization_id, b.account_id, b.project, b.counterpart_id
            """, arguments: [yearStart, through]).map { row in
            let project: String = row["project"]
            return RollupBalance(organization: row["organization"], account: row["account"], project: project.isEmpty ? nil : project,
                                 counterpart: row["counterpart"], closingNet: row["closing_net"], activityNet: row["activity_net"])
        }
    }

    /// The roll-up's flows as read from the monthly aggregate before the year aggregate.
    static func monthlyFlows(_ db: Database, yearStart: Int, through: Int) throws -> [RollupFlow] {
        try Row.fetchAll(db, sql: """
            SELECT o.code AS organization, a.code AS account, b.project, c.code AS counterpart, b.period,
                   sum(b.debit) AS debit, sum(b.credit) AS credit
            FROM balance b JOIN organization o ON o.id = b.organization_id
            JOIN account a ON a.id = b.account_id LEFT JOIN organization c ON c.id = b.counterpart_id
            WHERE b.period BETWEEN ? AND ? AND b.closing = 0
              AND (a.code LIKE '211%' OR a.code LIKE '212%' OR a.code LIKE '131%' OR a.code LIKE '132%'
                   OR a.code LIKE '402%' OR a.code LIKE '403%' OR a.code LIKE '508%')
            GROUP BY b.organization_id, b.account_id, b.project, b.counterpart_id, b.period
            """, arguments: [yearStart, through]).map { row in
            let project: String = row["project"]
            return RollupFlow(organization: row["organization"], account: row["account"], project: project.isEmpty ? nil : project,
                              counterpart: row["counterpart"], period: Period(key: row["period"])!, debit: row["debit"], credit: row["credit"])
        }
    }

    @Test func theMigrationBackFillsABookWithoutTheYearAggregate() throws {
        let book = try Self.randomBook(seed: 9)
        let kept = try Self.yearRows(book).stored
        try book.store.database.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TABLE year_balance; DELETE FROM grdb_migrations WHERE identifier = 'v15-year-aggregates'")
        }
        try Migrations.migrator.migrate(book.store.database)
        #expect(try Self.yearRows(book).stored == kept)
        #expect(try book.admin.verification.verify().problems.isEmpty)
    }

    @Test func anImportKeepsTheYearAggregate() throws {
        let t = try TestBook()
        let file = try t.write("two-years.journal", """
            2025-12-30 * 收到会费  ; org:FED-01, attachments:1, preparer:王芳
                102      300.00
                401     -300.00  ; project:XM-01

            2026-01-05 * 收到会费  ; org:FED-01, attachments:1, preparer:王芳
                102      120.50
                401     -120.50  ; project:XM-01

            2026-02-05 * 收到会费  ; org:FED-01, attachments:1, preparer:王芳
                102      79.50
                401     -79.50

            """)
        _ = try t.book.imports.importJournal(paths: [file], defaultOrganization: nil, defaultReviewer: "李强")
        let queue = try DatabaseQueue(path: t.path)
        let rows = try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT a.code || ' ' || y.project || ' ' || y.year || ' ' || y.debit || ' ' || y.credit FROM year_balance y
                JOIN account a ON a.id = y.account_id JOIN organization o ON o.id = y.organization_id
                WHERE o.code = 'FED-01' ORDER BY a.code, y.year, y.project
                """)
        }
        try queue.close()
        #expect(rows == ["102  2025 30000 0", "102  2026 20000 0", "401 XM-01 2025 0 30000", "401  2026 0 7950", "401 XM-01 2026 0 12050"])
    }

    @Test func verifyNamesAYearRowChangedAddedOrRemovedBehindTheProgramsBack() throws {
        let book = try InMemoryBook()
        try book.post("2026-03-10", [("102", 100_00), ("401", -100_00)])
        #expect(try book.admin.verification.verify().problems.isEmpty)
        try book.store.database.writeWithoutTransaction { db in
            try db.execute(sql: """
                UPDATE year_balance SET debit = debit + 1 WHERE debit > 0;
                INSERT INTO year_balance (organization_id, account_id, project, counterpart_id, year, closing, debit, credit)
                SELECT organization_id, account_id, 'XM-09', 0, 2026, 0, 5, 0 FROM year_balance WHERE credit > 0;
                """)
        }
        let problems = try book.admin.verification.verify().problems
        #expect(!problems.contains { $0.check == "balance" })
        let changed = try #require(problems.first { $0.check == "year-balance" && $0.message.hasPrefix("account 102 in 2026") })
        #expect(changed.organization == "FED-01" && changed.voucher == "2026-03/记-0001")
        #expect(changed.message.hasPrefix("account 102 in 2026: the stored year turnover is debit 100.01"))
        #expect(changed.chinese.contains("年度余额汇总") && changed.chinese.hasSuffix("[year-balance]"))
        let added = try #require(problems.first { $0.check == "year-balance" && $0.message.hasPrefix("account 401 project XM-09 in 2026") })
        #expect(added.voucher == nil && added.message.contains("debit 0.05"))
        try book.store.database.writeWithoutTransaction { db in try db.execute(sql: "DELETE FROM year_balance") }
        #expect(try book.admin.verification.verify().problems.filter { $0.check == "year-balance" }.count == 2)
    }
}
