import FundCore
import GRDB

extension PackEventRecord: MonthActRow {
    static let databaseTableName = "pack_event"
}

extension OpinionDraftRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "opinion_draft"

    enum Columns {
        static let organizationID = Column("organization_id")
        static let year = Column("year")
        static let throughMonth = Column("through_month")
        static let conclusion = Column("conclusion")
        static let text = Column("text")
        static let draftedAt = Column("drafted_at")
        static let draftedBy = Column("drafted_by")
    }

    init(row: Row) throws {
        organizationID = row[Columns.organizationID]
        year = row[Columns.year]
        throughMonth = row[Columns.throughMonth]
        conclusion = try row.stored(Columns.conclusion, in: Self.databaseTableName)
        text = row[Columns.text]
        draftedAt = row[Columns.draftedAt]
        draftedBy = row[Columns.draftedBy]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.organizationID] = organizationID
        container[Columns.year] = year
        container[Columns.throughMonth] = throughMonth
        container[Columns.conclusion] = conclusion.rawValue
        container[Columns.text] = text
        container[Columns.draftedAt] = draftedAt
        container[Columns.draftedBy] = draftedBy
    }
}

extension OpinionSignatureRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "opinion_signature"

    enum Columns {
        static let organizationID = Column("organization_id")
        static let year = Column("year")
        static let name = Column("name")
        static let signedAt = Column("signed_at")
    }

    init(row: Row) throws {
        organizationID = row[Columns.organizationID]
        year = row[Columns.year]
        name = row[Columns.name]
        signedAt = row[Columns.signedAt]
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.organizationID] = organizationID
        container[Columns.year] = year
        container[Columns.name] = name
        container[Columns.signedAt] = signedAt
    }
}
