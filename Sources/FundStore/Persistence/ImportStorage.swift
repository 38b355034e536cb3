/// The log of imports: one batch per import, which its vouchers point to.
protocol ImportStorage {
    /// Records an import that is starting; returns its id.
    func insertImportBatch(_ batch: ImportBatchRecord) throws -> Int64
    /// Records how many vouchers the import posted.
    func setImportVoucherCount(batchID: Int64, count: Int) throws
}
