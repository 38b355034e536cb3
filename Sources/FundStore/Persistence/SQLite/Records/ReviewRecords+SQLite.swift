import FundCore
import GRDB

extension AuditRowRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit"

    enum Columns {
        static let id = Column("id")
        static let organizationID = Column("organization_id")
        static let year = Column("year")
        static let runAt = Column("run_at")
        static let runBy = Column("run_by")
        static let rules = Column("rules")
        static let vouchers = Column("vouchers")
        static let sealSeq = Column("seal_seq")
        static let sealHash = Column("seal_hash")
    }

    init(row: Row) {
        id = row[Columns.id]
        organizationID = row[Columns.organizationID]
        year = row[Columns.year]
        runAt = row[Columns.runAt]
        runBy = row[Columns.runBy]
        rules = (row[Columns.rules] as String).split(separator: " ").map(String.init)
        vouchers = row[Columns.vouchers]
        sealSeq = row[Columns.sealSeq]
        sealHash = row[Columns.sealHash]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.year] = year
        container[Columns.runAt] = runAt
        container[Columns.runBy] = runBy
        container[Columns.rules] = rules.joined(separator: " ")
        container[Columns.vouchers] = vouchers
        container[Columns.sealSeq] = sealSeq
        container[Columns.sealHash] = sealHash
    }
}

extension FindingRowRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "finding"

    enum Columns {
        static let id = Column("id")
        static let organizationID = Column("organization_id")
        static let year = Column("year")
        static let rule = Column("rule")
        static let key = Column("key")
        static let severity = Column("severity")
        static let amount = Column("amount")
        static let text = Column("text")
        static let status = Column("status")
        static let firstAuditID = Column("first_audit_id")
        static let lastAuditID = Column("last_audit_id")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        organizationID = row[Columns.organizationID]
        year = row[Columns.year]
        rule = row[Columns.rule]
        key = row[Columns.key]
        severity = try row.stored(Columns.severity, in: Self.databaseTableName)
        amount = (row[Columns.amount] as Int64?).map { Money(fen: $0) }
        text = row[Columns.text]
        status = try row.stored(Columns.status, in: Self.databaseTableName)
        firstAuditID = row[Columns.firstAuditID]
        lastAuditID = row[Columns.lastAuditID]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.year] = year
        container[Columns.rule] = rule
        container[Columns.key] = key
        container[Columns.severity] = severity.rawValue
        container[Columns.amount] = amount?.fen
        container[Columns.text] = text
        container[Columns.status] = status.rawValue
        container[Columns.firstAuditID] = firstAuditID
        container[Columns.lastAuditID] = lastAuditID
    }
}

extension FindingVoucherRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "finding_voucher"

    enum Columns {
        static let findingID = Column("finding_id")
        static let voucherID = Column("voucher_id")
    }

    init(row: Row) {
        findingID = row[Columns.findingID]
        voucherID = row[Columns.voucherID]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.findingID] = findingID
        container[Columns.voucherID] = voucherID
    }
}

extension FindingEventRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "finding_event"

    enum Columns {
        static let id = Column("id")
        static let findingID = Column("finding_id")
        static let auditID = Column("audit_id")
        static let at = Column("at")
        static let by = Column("by")
        static let action = Column("action")
        static let text = Column("text")
    }

    init(row: Row) throws {
        id = row[Columns.id]
        findingID = row[Columns.findingID]
        auditID = row[Columns.auditID]
        at = row[Columns.at]
        by = row[Columns.by]
        action = try row.stored(Columns.action, in: Self.databaseTableName)
        text = row[Columns.text]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.findingID] = findingID
        container[Columns.auditID] = auditID
        container[Columns.at] = at
        container[Columns.by] = by
        container[Columns.action] = action.rawValue
        container[Columns.text] = text
    }
}

extension OpinionRowRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "opinion"

    enum Columns {
        static let id = Column("id")
        static let organizationID = Column("organization_id")
        static let year = Column("year")
        static let committeeID = Column("committee_id")
        static let auditID = Column("audit_id")
        static let text = Column("text")
        static let recordedAt = Column("recorded_at")
        static let recordedBy = Column("recorded_by")
    }

    init(row: Row) {
        id = row[Columns.id]
        organizationID = row[Columns.organizationID]
        year = row[Columns.year]
        committeeID = row[Columns.committeeID]
        auditID = row[Columns.auditID]
        text = row[Columns.text]
        recordedAt = row[Columns.recordedAt]
        recordedBy = row[Columns.recordedBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.year] = year
        container[Columns.committeeID] = committeeID
        container[Columns.auditID] = auditID
        container[Columns.text] = text
        container[Columns.recordedAt] = recordedAt
        container[Columns.recordedBy] = recordedBy
    }
}

extension OpinionSignerRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "opinion_signer"

    enum Columns {
        static let opinionID = Column("opinion_id")
        static let name = Column("name")
        static let office = Column("office")
    }

    init(row: Row) throws {
        opinionID = row[Columns.opinionID]
        name = row[Columns.name]
        office = try row.stored(Columns.office, in: Self.databaseTableName)
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.opinionID] = opinionID
        container[Columns.name] = name
        container[Columns.office] = office.rawValue
    }
}
