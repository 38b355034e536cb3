import FundCore
import GRDB
import GRDBSQLite

extension SQLiteStorage {
    /// One read of the organisation table by column index, the tree built with integer links:
    /// each organisation's parent as a position in the list, its children as a range of one flat
    /// list (in code order, as the rows come), then the subtree under `root` walked depth first.
    /// The same members in the same order as `organizationTree()` filtered to the subtree: an
    /// organisation whose parent is not in the book stands at the top, and one that descends from
    /// no top (a cycle in an edited file) is in no tree.
    func rollupTree(root: String) throws -> RollupTree {
        let table = OrganizationRecord.databaseTableName
        typealias Columns = OrganizationRecord.Columns
        var ids: [Int64] = [], parentIDs: [Int64?] = [], organizations: [Organization] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, code, name, level, parent_id, chart, independent, term_years, term_start FROM organization ORDER BY code
            """))
        while let row = try rows.next() {
            ids.append(row[0])
            parentIDs.append(row[4])
            organizations.append(Organization(code: row[1], name: row[2], level: try row.stored(at: 3, Columns.level, in: table),
                                              chart: try row.stored(at: 5, Columns.chart, in: table), independent: row[6],
                                              termYears: row[7], termStart: try row.storedOptionalDate(at: 8, Columns.termStart, in: table)))
        }
        let count = ids.count
        var position: [Int64: Int] = [:], codes: [Int64: String] = [:]
        position.reserveCapacity(count)
        codes.reserveCapacity(count)
        for index in 0..<count {
            position[ids[index]] = index
            codes[ids[index]] = organizations[index].code
        }
        // Parent positions (nil: at the top), and each parent's children in code order.
        var parent = [Int?](repeating: nil, count: count)
        var firstChild = [Int](repeating: 0, count: count + 1)
        for index in 0..<count {
            guard let id = parentIDs[index], let up = position[id] else { continue }
            parent[index] = up
            organizations[index].parentCode = organizations[up].code
            firstChild[up + 1] += 1
        }
        for index in 0..<count { firstChild[index + 1] += firstChild[index] }
        var children = [Int](repeating: 0, count: firstChild[count])
        var filled = firstChild
        for index in 0..<count {
            guard let up = parent[index] else { continue }
            children[filled[up]] = index
            filled[up] += 1
        }
        // The root must descend from an organisation at the top; a cycle never gets there.
        guard let start = organizations.firstIndex(where: { $0.code == root }) else { throw BookError.unknownOrganization(root) }
        var current = start, steps = 0
        while let up = parent[current] {
            steps += 1
            if steps > count { throw BookError.unknownOrganization(root) }
            current = up
        }
        var members: [Organization] = [], memberIDs: [Int64] = [], parents: [Int?] = []
        var stack: [(index: Int, parent: Int?)] = [(start, nil)]
        while let entry = stack.popLast(), members.count < count {
            let (index, up) = entry
            let at = members.count
            members.append(organizations[index])
            memberIDs.append(ids[index])
            parents.append(up)
            // Pushed last first, so that the first child by code is walked first.
            for child in children[firstChild[index]..<firstChild[index + 1]].reversed() { stack.append((child, at)) }
        }
        return RollupTree(members: members, parents: parents, memberIDs: memberIDs, codes: codes,
                          memberIDsJSON: "[" + memberIDs.map(String.init).joined(separator: ",") + "]")
    }
}

/// The current row of a statement being stepped, read by column index with SQLite's C API (no
/// `Row` subscript or `DatabaseValue` per column): for the reads that step tens of thousands of
/// rows. Valid only inside the `forEachRow` body that hands it over.
struct SQLiteColumns {
    let statement: SQLiteStatement

    /// The integer at `index`; nil when the value there is not an INTEGER.
    func integer(_ index: Int32) -> Int64? {
        sqlite3_column_type(statement, index) == SQLITE_INTEGER ? sqlite3_column_int64(statement, index) : nil
    }

    /// Whether the value at `index` is NULL.
    func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_NULL
    }

    /// Whether the text at `index` is empty (or NULL), without making a String of it.
    func isEmptyText(_ index: Int32) -> Bool {
        sqlite3_column_bytes(statement, index) == 0
    }

    /// The text at `index` ("" for NULL).
    func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }
}

extension SQLiteStorage {
    /// Steps `statement` with `arguments`, handing each row to `body` as `SQLiteColumns`.
    func forEachRow(_ statement: Statement, arguments: StatementArguments, _ body: (SQLiteColumns) throws -> Void) throws {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let columns = SQLiteColumns(statement: statement.sqliteStatement)
        while try rows.next() != nil { try body(columns) }
    }
}
