/// A row of `import_batch`: one import, with the files it read and how many vouchers it posted.
struct ImportBatchRecord: Hashable, Sendable {
    var id: Int64?
    var file: String
    var importedAt: String
    var importedBy: String
    var voucherCount: Int
}
