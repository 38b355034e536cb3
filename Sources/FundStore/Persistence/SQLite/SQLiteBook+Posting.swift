import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    /// Validates a draft against the rules and the book, then inserts it with its lines.
    // Transitional: callers outside posting still use this.
    static func insertDraft(_ db: Database, _ input: VoucherDraft, context: inout PostingContext, importID: Int64?) throws -> Int64 {
        try SQLiteStorage(db).insertDraft(input, context: &context, importID: importID)
    }

    /// 专款专用: the subsidy checks of a draft.
    // Transitional: callers outside posting still use this.
    static func subsidyProblems(_ db: Database, _ draft: VoucherDraft, context: inout PostingContext) throws -> [VoucherProblem] {
        try SQLiteStorage(db).subsidyProblems(draft, context: &context)
    }

    /// Posts a voucher that passed review, through the one posting path.
    // Transitional: callers outside posting still use this.
    static func post(_ db: Database, voucher: Voucher, bookkeeper: String, requestedNumber: Int?) throws {
        try SQLiteStorage(db).post(voucher, bookkeeper: bookkeeper, requestedNumber: requestedNumber)
    }

    /// The next number of a series.
    // Transitional: callers outside posting still use this.
    static func nextNumber(_ db: Database, organizationID: Int64, period: Period, word: String) throws -> Int {
        try SQLiteStorage(db).nextNumber(organizationID: organizationID, period: period, word: word)
    }

    /// A grantor's 508 payment of an approved subsidy item marks it paid.
    // Transitional: callers outside posting still use this.
    static func markSubsidiesPaid(_ db: Database, organizationID: Int64, voucherID: Int64) throws {
        try SQLiteStorage(db).markSubsidiesPaid(organizationID: organizationID, voucherID: voucherID)
    }

    // Transitional: callers outside posting still use this.
    static func isClosed(_ db: Database, organizationID: Int64, period: Period) throws -> Bool {
        try SQLiteStorage(db).isClosed(organizationID: organizationID, period: period.key)
    }

    // Transitional: callers outside posting still use this.
    static func fetchVoucher(_ db: Database, id: Int64) throws -> Voucher {
        try SQLiteStorage(db).voucher(id: id)
    }
}
