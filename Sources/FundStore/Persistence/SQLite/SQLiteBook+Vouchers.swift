import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    static func postedID(_ db: Database, organizationID: Int64, ref: VoucherRef) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM voucher WHERE organization_id = ? AND period = ? AND word = ? AND number = ? AND status = 'posted'
            """, arguments: [organizationID, ref.period.key, ref.word, ref.number])
    }
}
