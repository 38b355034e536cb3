import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    // Transitional: callers outside posting still use this.
    static func postedID(_ db: Database, organizationID: Int64, ref: VoucherRef) throws -> Int64? {
        try SQLiteStorage(db).postedVoucherID(organizationID: organizationID, ref: ref)
    }

    // Transitional: callers outside posting still use this.
    static func voucherLabel(_ db: Database, id: Int64) throws -> String? {
        try SQLiteStorage(db).voucherLabel(id: id)
    }
}
