import FundCore
import GRDB

extension SQLiteStorage: PackStorage {
    func appendPackEvent(_ event: PackEventRecord) throws {
        try event.insert(db)
    }

    func packEvents(organizationID: Int64) throws -> [PackEventRecord] {
        try PackEventRecord.filter(PackEventRecord.Columns.organizationID == organizationID).order(PackEventRecord.Columns.id).fetchAll(db)
    }

    func opinionDraft(organizationID: Int64, year: Int) throws -> OpinionDraftRecord? {
        try OpinionDraftRecord.filter(OpinionDraftRecord.Columns.organizationID == organizationID && OpinionDraftRecord.Columns.year == year).fetchOne(db)
    }

    func replaceOpinionDraft(_ draft: OpinionDraftRecord) throws {
        try db.execute(sql: "DELETE FROM opinion_signature WHERE organization_id = ? AND year = ?", arguments: [draft.organizationID, draft.year])
        try db.execute(sql: "DELETE FROM opinion_draft WHERE organization_id = ? AND year = ?", arguments: [draft.organizationID, draft.year])
        try draft.insert(db)
    }

    func insertOpinionSignature(_ signature: OpinionSignatureRecord) throws {
        try signature.insert(db)
    }

    func opinionSignatures(organizationID: Int64, year: Int) throws -> [OpinionSignatureRecord] {
        try OpinionSignatureRecord.fetchAll(db, sql: "SELECT * FROM opinion_signature WHERE organization_id = ? AND year = ? ORDER BY signed_at, name",
                                            arguments: [organizationID, year])
    }
}
