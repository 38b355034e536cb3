import FundCore
import GRDB

extension BalanceRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "balance"

    enum Columns {
        static let organizationID = Column("organization_id")
        static let accountID = Column("account_id")
        static let period = Column("period")
        static let project = Column("project")
        static let source = Column("source")
        static let closing = Column("closing")
        static let expense = Column("expense")
        static let counterpartID = Column("counterpart_id")
        static let debit = Column("debit")
        static let credit = Column("credit")
    }

    init(row: Row) throws {
        organizationID = row[Columns.organizationID]
        accountID = row[Columns.accountID]
        period = try row.storedPeriod(Columns.period, in: Self.databaseTableName)
        project = row[Columns.project]
        source = row[Columns.source]
        closing = row[Columns.closing]
        expense = row[Columns.expense]
        counterpartID = row[Columns.counterpartID]
        debitFen = row[Columns.debit]
        creditFen = row[Columns.credit]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.organizationID] = organizationID
        container[Columns.accountID] = accountID
        container[Columns.period] = period.key
        container[Columns.project] = project
        container[Columns.source] = source
        container[Columns.closing] = closing
        container[Columns.expense] = expense
        container[Columns.counterpartID] = counterpartID
        container[Columns.debit] = debitFen
        container[Columns.credit] = creditFen
    }
}

extension VoucherSealRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "voucher_seal"

    enum Columns {
        static let voucherID = Column("voucher_id")
        static let organizationID = Column("organization_id")
        static let seq = Column("seq")
        static let previous = Column("previous")
        static let hash = Column("hash")
        static let payloadVersion = Column("payload_version")
        static let tag = Column("tag")
    }

    init(row: Row) throws {
        voucherID = row[Columns.voucherID]
        organizationID = row[Columns.organizationID]
        seq = row[Columns.seq]
        previous = row[Columns.previous]
        hash = row[Columns.hash]
        payloadVersion = row.hasColumn("payload_version") ? (row[Columns.payloadVersion] as Int?) ?? 0 : 1
        tag = row.hasColumn("tag") ? row[Columns.tag] : nil
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.voucherID] = voucherID
        container[Columns.organizationID] = organizationID
        container[Columns.seq] = seq
        container[Columns.previous] = previous
        container[Columns.hash] = hash
        container[Columns.payloadVersion] = payloadVersion
        container[Columns.tag] = tag
    }
}
