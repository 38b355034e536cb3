import FundCore
import GRDB

extension SQLiteStorage: ImportStorage {
    func insertImportBatch(_ batch: ImportBatchRecord) throws -> Int64 {
        var batch = batch
        try batch.insert(db)
        return db.lastInsertedRowID
    }

    func setImportVoucherCount(batchID: Int64, count: Int) throws {
        try db.execute(sql: "UPDATE import_batch SET voucher_count = ? WHERE id = ?", arguments: [count, batchID])
    }

    func openBulkImport(batchID: Int64) throws {
        try db.execute(sql: """
            INSERT INTO bulk_import_open (singleton, batch_id, after_voucher_id, after_line_id)
            VALUES (1, ?, (SELECT high FROM voucher_id_high), (SELECT ifnull(max(id), 0) FROM voucher_line))
            """, arguments: [batchID])
    }

    func closeBulkImport(batchID: Int64) throws {
        for check in Self.bulkImportChecks {
            if let row = try Row.fetchOne(db, sql: check.sql, arguments: [batchID]) {
                let voucher: Int64? = row[0]
                throw BookError.storage(.constraint(message: check.rule + " (voucher #\(voucher.map(String.init) ?? "?"), checked for the whole import)"))
            }
        }
        try db.execute(sql: "DELETE FROM bulk_import_open WHERE batch_id = ?", arguments: [batchID])
    }

    /// The checks of an import's whole batch, each a query giving the first voucher that breaks
    /// its rule (in the words of the trigger it stands in for): what the posting triggers check
    /// one voucher at a time, asked once of every voucher and line the batch inserted.
    static let bulkImportChecks: [(rule: String, sql: String)] = [
        ("a voucher of an import is inserted posted, numbered and sealed", """
            SELECT v.id FROM bulk_import_open b JOIN voucher v ON v.id > b.after_voucher_id AND v.import_id = b.batch_id
            WHERE b.batch_id = ?1 AND (v.status <> 'posted' OR v.number IS NULL
                                       OR NOT EXISTS (SELECT 1 FROM voucher_seal s WHERE s.voucher_id = v.id))
            LIMIT 1
            """),
        ("the period is closed", """
            SELECT v.id FROM bulk_import_open b JOIN voucher v ON v.id > b.after_voucher_id AND v.import_id = b.batch_id
            WHERE b.batch_id = ?1 AND EXISTS (SELECT 1 FROM period_close c WHERE c.organization_id = v.organization_id AND c.period = v.period)
            LIMIT 1
            """),
        ("a voucher posts only once another person has reviewed it", """
            SELECT v.id FROM bulk_import_open b JOIN voucher v ON v.id > b.after_voucher_id AND v.import_id = b.batch_id
            WHERE b.batch_id = ?1 AND (v.reviewer IS NULL OR v.reviewer = v.preparer)
            LIMIT 1
            """),
        // Asked once per organisation and pair of people, not per voucher.
        ("the preparer and the reviewer of a voucher are officers of its organisation", """
            SELECT min(v.id) FROM bulk_import_open b JOIN voucher v ON v.id > b.after_voucher_id AND v.import_id = b.batch_id
            WHERE b.batch_id = ?1
            GROUP BY v.organization_id, v.preparer, v.reviewer, v.historical
            HAVING ((v.historical IS NULL OR v.historical = 'reviewer') AND NOT EXISTS (
                        SELECT 1 FROM user_role r WHERE r.user = v.preparer AND r.role = 'officer'
                        AND (r.organization_id IS NULL OR r.organization_id = v.organization_id)))
                OR ((v.historical IS NULL OR v.historical = 'preparer') AND NOT EXISTS (
                        SELECT 1 FROM user_role r WHERE r.user = v.reviewer AND r.role = 'officer'
                        AND (r.organization_id IS NULL OR r.organization_id = v.organization_id)))
            LIMIT 1
            """),
        ("the voucher does not balance or has fewer than two lines", """
            SELECT v.id FROM bulk_import_open b JOIN voucher v ON v.id > b.after_voucher_id AND v.import_id = b.batch_id
            LEFT JOIN voucher_line l ON l.voucher_id = v.id
            WHERE b.batch_id = ?1
            GROUP BY v.id
            HAVING count(l.id) < 2 OR coalesce(sum(CASE l.side WHEN 'D' THEN l.amount ELSE -l.amount END), 0) <> 0
            LIMIT 1
            """),
        // Every line inserted while the batch was open, grouped by organisation and account: the
        // sign of each line, then the chart and the leaf once per account used.
        ("negative amounts belong to red-ink vouchers only; vouchers post to leaf accounts of the organisation's chart only", """
            SELECT coalesce(u.first_bad_sign, u.any_voucher) FROM (
                SELECT v.organization_id, l.account_id, min(l.voucher_id) AS any_voucher,
                       min(CASE WHEN (l.amount < 0) <> (v.reverses_id IS NOT NULL) THEN l.voucher_id END) AS first_bad_sign
                FROM bulk_import_open b JOIN voucher_line l ON l.id > b.after_line_id JOIN voucher v ON v.id = l.voucher_id
                WHERE b.batch_id = ?1
                GROUP BY v.organization_id, l.account_id) u
            JOIN organization o ON o.id = u.organization_id LEFT JOIN account a ON a.id = u.account_id
            WHERE u.first_bad_sign IS NOT NULL
               OR a.id IS NULL OR a.chart <> o.chart OR (a.organization_id IS NOT NULL AND a.organization_id <> o.id)
               OR EXISTS (SELECT 1 FROM account c WHERE c.parent_id = u.account_id
                          AND (c.organization_id IS NULL OR c.organization_id = u.organization_id))
            LIMIT 1
            """),
        // Each series (organisation, month, word) the batch numbered runs 1, 2, ... without a gap:
        // its numbers are unique (an index), so there are as many as the highest.
        ("voucher numbers run without gaps from 1 in each month", """
            SELECT s.first FROM (
                SELECT v.organization_id, v.period, v.word, min(v.id) AS first
                FROM bulk_import_open b JOIN voucher v ON v.id > b.after_voucher_id AND v.import_id = b.batch_id
                WHERE b.batch_id = ?1
                GROUP BY v.organization_id, v.period, v.word) s
            WHERE (SELECT max(x.number) - count(*) FROM voucher x
                   WHERE x.organization_id = s.organization_id AND x.period = s.period AND x.word = s.word AND x.number IS NOT NULL) <> 0
            LIMIT 1
            """),
    ]

    /// The page cache of an import, in KiB.
    static let importCacheKiB = 16_384

    /// Runs `body` with the page cache an import needs. A large import touches the indexes all
    /// over; a bigger page cache for its length keeps them in memory (the default is 2 MiB).
    /// Memory stays bounded by this figure.
    static func withImportCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -\(importCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
        return try body()
    }
}
