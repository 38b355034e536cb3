import GRDB

extension ImportBatchRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "import_batch"

    enum Columns {
        static let id = Column("id")
        static let file = Column("file")
        static let importedAt = Column("imported_at")
        static let importedBy = Column("imported_by")
        static let voucherCount = Column("voucher_count")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        file = row[Columns.file]
        importedAt = row[Columns.importedAt]
        importedBy = row[Columns.importedBy]
        voucherCount = row[Columns.voucherCount]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.file] = file
        container[Columns.importedAt] = importedAt
        container[Columns.importedBy] = importedBy
        container[Columns.voucherCount] = voucherCount
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
