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
