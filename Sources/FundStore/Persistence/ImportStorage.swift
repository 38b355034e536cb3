/// The log of imports: one batch per import, which its vouchers point to.
protocol ImportStorage {
    /// Records an import that is starting; returns its id.
    func insertImportBatch(_ batch: ImportBatchRecord) throws -> Int64
    /// Opens a bulk import of the batch for the length of its transaction: its vouchers may be
    /// inserted as posted, and the per-line insert checks of the database give way to the
    /// set-based checks of `closeBulkImport`.
    func openBulkImport(batchID: Int64) throws
    /// Checks every voucher of the batch at once, as the posting triggers check one (balance,
    /// lines, leaf accounts of the organisation's chart, red ink, open months, gapless numbers,
    /// people, seals), then closes the batch. Any voucher that fails is a refusal of the
    /// storage, and the whole transaction rolls back.
    func closeBulkImport(batchID: Int64) throws
    /// Records how many vouchers the import posted.
    func setImportVoucherCount(batchID: Int64, count: Int) throws
}
