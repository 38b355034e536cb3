import FundCore
import GRDB

extension SQLiteStorage: OrganizationStorage {
    func organizationID(_ code: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM organization WHERE code = ?"), arguments: [code]) else {
            throw BookError.unknownOrganization(code)
        }
        return id
    }

    func rootOrganizationCodes() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT code FROM organization WHERE parent_id IS NULL")
    }
}
