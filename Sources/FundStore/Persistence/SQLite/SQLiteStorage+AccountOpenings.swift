import FundCore
import GRDB

extension SQLiteStorage: AccountOpeningStorage {
    func insertAccountOpening(_ opening: AccountOpeningRecord) throws {
        try opening.insert(db)
    }

    func accountOpenings(organizationID: Int64) throws -> [AccountOpeningRecord] {
        try AccountOpeningRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM account_opening WHERE organization_id = ? ORDER BY code"),
                                          arguments: [organizationID])
    }
}
