import FundCore
import GRDB

extension SQLiteStorage: OpeningStorage {
    func opening(organizationID: Int64) throws -> BookOpeningRecord? {
        try BookOpeningRecord.fetchOne(db, key: organizationID)
    }

    func firstVoucherLabel(organizationID: Int64) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, period, word, number FROM voucher WHERE organization_id = ? ORDER BY date, id LIMIT 1
            """, arguments: [organizationID]) else { return nil }
        let id: Int64 = row["id"]
        if let number: Int = row["number"], let key: Int = row["period"], let period = Period(key: key) {
            return VoucherRef(period: period, word: row["word"], number: number).description
        }
        return "#" + String(id)
    }

    func insertOpening(_ record: BookOpeningRecord) throws {
        try record.insert(db)
    }
}
