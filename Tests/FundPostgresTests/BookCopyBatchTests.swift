import Foundation
@testable import FundPostgres
import GRDB
import Testing

/// The copy's batches and digests, without a server: a keyset read gives every row once across
/// batches (by rowid, and by a composite primary key WITHOUT ROWID), and the digest is blind to
/// the rows' order only.
@Suite struct BookCopyBatchTests {
    @Test func aKeysetReadGivesEveryRowOnceAcrossBatches() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE plain (name TEXT, amount INTEGER)")
            try db.execute(sql: "CREATE TABLE keyed (org INTEGER NOT NULL, code TEXT NOT NULL, amount INTEGER, PRIMARY KEY (org, code)) WITHOUT ROWID")
            for index in 0..<(BookCopy.batchRows * 2 + 37) {
                try db.execute(sql: "INSERT INTO plain VALUES (?, ?)", arguments: ["n\(index % 7)", index])
                try db.execute(sql: "INSERT INTO keyed VALUES (?, ?, ?)", arguments: [index % 3, "c\(index)", index])
            }
        }
        let tables = try queue.read { db in try BookTables.read(db) }
        #expect(tables.first { $0.name == "keyed" }?.withoutRowID == true && tables.first { $0.name == "plain" }?.withoutRowID == false)
        for table in tables {
            var batches = 0, amounts: [Int64] = []
            try queue.read { db in
                try BookCopy.eachSQLiteBatch(db, table) { rows in
                    batches += 1
                    #expect(rows.count <= BookCopy.batchRows && rows.allSatisfy { $0.count == table.columns.count })
                    amounts += rows.compactMap { if case let .integer(value) = $0.last { value } else { nil } }
                }
            }
            #expect(batches == 3, "\(table.name)")
            #expect(amounts.sorted() == (0..<Int64(BookCopy.batchRows * 2 + 37)).map { $0 }, "\(table.name)")
            let all = try queue.read { db in try BookCopy.sqliteRows(db, table) }
            var whole = RowDigest()
            whole.add(all)
            #expect(try queue.read { db in try BookCopy.sqliteDigest(db, table) } == whole)
        }
    }

    @Test func theDigestIgnoresOrderAndNothingElse() {
        let rows: [[BookValue]] = [[.integer(1), .text("a")], [.integer(2), .null], [.integer(3), .blob(Data([0, 1]))], [.real(0.5), .text("")]]
        func digest(_ rows: [[BookValue]]) -> RowDigest { var digest = RowDigest(); digest.add(rows); return digest }
        #expect(digest(rows) == digest(rows.reversed()))
        #expect(digest(rows).count == 4)
        #expect(digest(rows) != digest(rows.dropLast()))
        #expect(digest(rows) != digest(rows + [rows[0]]))
        var changed = rows
        changed[1][1] = .text("")
        #expect(digest(rows) != digest(changed))
        #expect(digest([[.text("1")]]) != digest([[.integer(1)]]))
        // Two rows that swap a value between them are two other rows.
        #expect(digest([[.integer(1), .integer(2)], [.integer(3), .integer(4)]]) != digest([[.integer(1), .integer(4)], [.integer(3), .integer(2)]]))
    }
}
