import Foundation
import FundCore
@testable import FundStore
import FundTesting
import GRDB
import Testing

/// Migrations are frozen history: upgrading a book written before migration v2-review gives its
/// posted vouchers exactly the seals that migration gave them when it was released, whatever the
/// live seal code has become since.
@Suite struct MigrationFreezeTests {
    /// The seals (organisation, sequence, voucher id, previous link, hash) migration v2-review
    /// gave `oldBook()`, recorded with the seal code as it was when the migration was released.
    /// Never re-record these: a difference means the migration no longer computes what it did.
    static let goldenSeals = """
        CTY-01 1 #2 0000000000000000000000000000000000000000000000000000000000000000 01c0f6acd85d5c392121663e92522dd849536aab795ec36ad44e6f63e45bef01
        CTY-01 2 #6 01c0f6acd85d5c392121663e92522dd849536aab795ec36ad44e6f63e45bef01 f44e13ad6df7894aa1f391a561418e0aac2b56eb420fcd84292e3cd89da7c85a
        CTY-01 3 #8 f44e13ad6df7894aa1f391a561418e0aac2b56eb420fcd84292e3cd89da7c85a a3ef629ae90203a0b544144068afc0a26e5c5b99044d8bdd5d89d878f2e3a6d7
        FED-01 1 #1 0000000000000000000000000000000000000000000000000000000000000000 bafb4701afcdaf3eea49a88c456b0e4c6fcaa59a0418c660a3425fad142316b2
        FED-01 2 #3 bafb4701afcdaf3eea49a88c456b0e4c6fcaa59a0418c660a3425fad142316b2 3825a1fadfb3583a475c37df02b112860db425bcb21ad598eb69bb3c3870d8f0
        FED-01 3 #5 3825a1fadfb3583a475c37df02b112860db425bcb21ad598eb69bb3c3870d8f0 c7bac63a3d8059a62580ade5cf9aebc27bdf9a521f33a547cf8621af266ca884
        FED-01 4 #4 c7bac63a3d8059a62580ade5cf9aebc27bdf9a521f33a547cf8621af266ca884 d38f3084f967a5afc8b732473f58b62355e8a00c6ee3b5f660e85efaa83f1dfc
        """

    /// A book as the first version wrote it: the v1 schema only, filled with raw SQL (no app
    /// code, so that the book stays the same whatever the app becomes). Two organisations with
    /// interleaved posting times, Chinese text, separators and other unusual characters in the
    /// texts, every line dimension, a red-ink reversal, a closing voucher without a reviewer, an
    /// imported voucher, a draft that gets no seal, and two values the Swift code never writes but
    /// an edited file may hold (a real number of attachments, a blob project).
    static func oldBook() throws -> String {
        let folder = NSTemporaryDirectory() + "fundledger-v1-freeze-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-book", migrate: Migrations.v1Book)
        try migrator.migrate(queue)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO organization (id, code, name, level, chart, independent, created_at, created_by)
                VALUES (1, 'CTY-01', '某某县总工会', 'county', 'county', 1, '2026-01-01T00:00:00Z', '老管理员');
                INSERT INTO organization (id, code, name, level, parent_id, chart, independent, created_at, created_by)
                VALUES (2, 'FED-01', '某某县物流行业工会联合会', 'federation', 1, 'grassroots', 1, '2026-01-02T00:00:00Z', '老管理员');
                INSERT INTO account (id, chart, organization_id, code, name, parent_id) VALUES
                    (1, 'county', NULL, '101', '库存现金', NULL),
                    (2, 'county', NULL, '102', '银行存款', NULL),
                    (3, 'county', NULL, '402', '上级补助收入', NULL),
                    (4, 'county', NULL, '501', '职工活动支出', NULL),
                    (11, 'grassroots', NULL, '101', '库存现金', NULL),
                    (12, 'grassroots', NULL, '102', '银行存款', NULL),
                    (13, 'grassroots', NULL, '401', '会费收入', NULL),
                    (14, 'grassroots', NULL, '501', '职工活动支出', NULL),
                    (15, 'grassroots', 2, '50101', '职工书屋', 14),
                    (16, 'grassroots', NULL, '301', '累计结余', NULL);
                INSERT INTO import_batch (id, file, imported_at, imported_by, voucher_count)
                VALUES (1, 'journal-2026-03.csv', '2026-03-18T10:00:00Z', '张会计', 1);
                """)

            func voucher(_ organization: Int64, _ date: String, word: String = "记", _ summary: String,
                         attachments: any DatabaseValueConvertible = 1, reviewer: String? = "李强", kind: String = "entry",
                         reverses: Int64? = nil, importID: Int64? = nil,
                         _ lines: [(account: Int64, side: String, amount: Int64, summary: String, project: (any DatabaseValueConvertible)?,
                                    expense: String?, econ: String?, counterpart: Int64?, source: String?)]) throws -> Int64 {
                let period = Int(date.prefix(4))! * 100 + Int(date.dropFirst(5).prefix(2))!
                try db.execute(sql: """
                    INSERT INTO voucher (organization_id, date, period, word, summary, attachments, preparer, reviewer, status, kind,
                                         reverses_id, import_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, '王芳', ?, ?, ?, ?, ?, '2026-03-01T00:00:00Z')
                    """, arguments: [organization, date, period, word, summary, attachments, reviewer,
                                     reviewer == nil && kind == "entry" && importID == nil ? "draft" : "reviewed", kind, reverses, importID])
                let id = db.lastInsertedRowID
                for (index, line) in lines.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO voucher_line (voucher_id, position, account_id, side, amount, summary, project, expense_type, econ,
                                                  counterpart_id, fund_source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, index + 1, line.account, line.side, line.amount, line.summary, line.project,
                                         line.expense, line.econ, line.counterpart, line.source])
                }
                return id
            }
            func post(_ id: Int64, number: Int, postedAt: String) throws {
                try db.execute(sql: "UPDATE voucher SET status = 'posted', number = ?, bookkeeper = '张会计', posted_at = ? WHERE id = ?",
                               arguments: [number, postedAt, id])
            }

            let dues = try voucher(2, "2026-03-10", "收到三月份会费（含\"双引号\"、'单引号'、\\反斜杠）", [
                (12, "D", 1_000_00, "", nil, nil, nil, nil, nil),
                (13, "C", 1_000_00, "三月会费", nil, nil, nil, nil, nil),
            ])
            try post(dues, number: 1, postedAt: "2026-03-20T08:00:00Z")
            let grant = try voucher(1, "2026-03-11", "拨付职工书屋经费", [
                (4, "D", 2_500_00, "", "职工书屋", "project", "30201", 2, "appropriation"),
                (2, "C", 2_500_00, "", "职工书屋", nil, nil, nil, "appropriation"),
            ])
            try post(grant, number: 1, postedAt: "2026-03-20T08:00:00Z")
            let books = try voucher(2, "2026-03-12", word: "付",
                                    "购书\t制表符\n换行\u{1F}单元分隔\u{1E}记录分隔 =等号开头 café 组合音标 😀 ＆全角 尾随空格 ", attachments: 3, [
                (15, "D", 800_00, "《工会法》\u{1F}十本", "职工书屋", "project", "30299", 1, "union"),
                (11, "D", 1, "", nil, "basic", "", nil, nil),
                (12, "C", 800_01, "", nil, nil, nil, nil, nil),
            ])
            let closing = try voucher(2, "2026-03-31", "结转三月收支", attachments: 0, reviewer: nil, kind: "closing", [
                (13, "D", 1_000_00, "", nil, nil, nil, nil, nil),
                (16, "C", 1_000_00, "", nil, nil, nil, nil, nil),
            ])
            let reversal = try voucher(2, "2026-03-15", "注销3月10日记字1号凭证", attachments: 0, reverses: dues, [
                (12, "D", -1_000_00, "", nil, nil, nil, nil, nil),
                (13, "C", -1_000_00, "三月会费", nil, nil, nil, nil, nil),
            ])
            // Posted out of the order they were written in: the chain follows the posting time, then the id.
            try post(reversal, number: 2, postedAt: "2026-03-21T09:00:00Z")
            try post(books, number: 1, postedAt: "2026-03-21T09:00:00Z")
            let imported = try voucher(1, "2026-03-18", "导入：上级补助", reviewer: nil, importID: 1, [
                (2, "D", 30_000_00, "", nil, nil, nil, nil, nil),
                (3, "C", 30_000_00, "", nil, nil, nil, nil, nil),
            ])
            try post(imported, number: 2, postedAt: "2026-03-21T09:00:00Z")
            _ = try voucher(2, "2026-03-25", "未审核的草稿", reviewer: nil, [
                (12, "D", 5_00, "", nil, nil, nil, nil, nil),
                (11, "C", 5_00, "", nil, nil, nil, nil, nil),
            ])
            try post(closing, number: 3, postedAt: "2026-04-01T00:00:00Z")
            let edited = try voucher(1, "2026-04-02", "手工改过的文件", attachments: 1.5, [
                (4, "D", 7, "", Data([0x00, 0x0A, 0xFF, 0x10]), nil, nil, nil, nil),
                (1, "C", 7, "", nil, nil, nil, nil, nil),
            ])
            try post(edited, number: 1, postedAt: "2026-04-02T12:00:00Z")
        }
        try queue.close()
        return path
    }

    /// Every seal of a book, one line per seal in organisation and chain order.
    static func seals(_ db: Database) throws -> String {
        try Row.fetchAll(db, sql: """
            SELECT o.code, s.seq, s.voucher_id, s.previous, s.hash FROM voucher_seal s JOIN organization o ON o.id = s.organization_id
            ORDER BY o.code, s.seq
            """).map { row in
            [row[0] as String, String(row[1] as Int64), "#" + String(row[2] as Int64), row[3] as String, row[4] as String].joined(separator: " ")
        }.joined(separator: "\n")
    }

    @Test func upgradingAnOldBookGivesTheSealsMigrationV2GaveWhenReleased() throws {
        let path = try Self.oldBook()
        _ = try Store.open(at: path).session(as: "老管理员")
        let queue = try DatabaseQueue(path: path)
        let actual = try queue.read { db in try Self.seals(db) }
        #expect(actual == Self.goldenSeals, "seals now:\n\(actual)")
        // The book holds what it says: the voucher of the edited file has a real number of
        // attachments and a blob project, and the draft got no seal.
        let odd = try queue.read { db in
            try String.fetchOne(db, sql: """
                SELECT typeof(v.attachments) || ' ' || typeof(l.project) FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
                WHERE v.summary = '手工改过的文件' AND l.position = 1
                """)
        }
        #expect(odd == "real blob")
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM voucher WHERE status = 'posted'") } == 7)
    }

    /// The seals migration v2-review gave an old book are version 1, and the live code still
    /// reads them as the frozen copy wrote them: the same payload text, the same hashes.
    @Test func theLiveCodeVerifiesVersionOneSealsAsTheFrozenSealWroteThem() throws {
        let path = try Self.oldBook()
        _ = try Store.open(at: path).session(as: "老管理员")
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let sealed = try Row.fetchAll(db, sql: "SELECT voucher_id, previous, hash, payload_version FROM voucher_seal ORDER BY organization_id, seq")
            #expect(sealed.count == 7)
            for seal in sealed {
                let id: Int64 = seal["voucher_id"]
                #expect(seal["payload_version"] as Int == 1)
                let payload = try FrozenSealV1.payload(db, voucherID: id)
                let live = try SQLiteStorage(db).sealPayload(voucherID: id)
                #expect(payload != nil && payload == live)
                #expect(try SQLiteStorage(db).sealPayload(voucherID: id, version: 1) == payload.map { Array($0.utf8) })
                #expect(SealHash.sha256(seal["previous"], payload ?? "") == seal["hash"])
            }
            #expect(try SQLiteStorage(db).sealProblems(organizationID: nil).isEmpty)
        }
        // The canonical text of every kind of stored value, separators in texts included.
        let values: [DatabaseValue] = [.null, "".databaseValue, "=".databaseValue, "a\u{1F}b\u{1E}c\n工会".databaseValue,
                                       0.databaseValue, (-1).databaseValue, Int64.max.databaseValue, Int64.min.databaseValue,
                                       1.5.databaseValue, (-0.0).databaseValue, 1e300.databaseValue,
                                       Data().databaseValue, Data([0x00, 0x0A, 0xFF, 0x10]).databaseValue]
        #expect(values.map(FrozenSealV1.canonical) == values.map { SealValue($0).canonical })
        #expect(FrozenSealV1.text(values, [values, [], values.reversed()]) == SealPayload.text(values.map(SealValue.init), [values, [], values.reversed()].map { $0.map(SealValue.init) }))
        #expect(FrozenSealV1.genesis == SealPayload.genesis)
    }
}
