import Foundation
import FundCore

extension CashService {
    /// Imports a bank statement sent as bytes (a file uploaded at the desk) with the rules of
    /// `importStatement(organization:account:path:)`: GBK or UTF-8 judged as the command line
    /// judges a file, every bad row named with its line, all or nothing. `fileName` is the name
    /// the problems and the stored statement carry. The role is checked before the file is read,
    /// so that someone who may not import learns nothing of what the file holds.
    public func importStatement(organization: String, account: String, fileName: String, contents: Data) throws -> BankStatementImport {
        try reading { storage in try authorize(storage, .writeBooks, organization: organization) }
        let records = try StatementBytes.records(contents, displayName: fileName)
        return try importStatement(organization: organization, account: account, file: fileName, records: records)
    }

    /// The statements imported for the bank account, oldest first: file, days, balances, and who
    /// imported each when.
    public func statements(organization: String, account: String) throws -> [BankStatementRecord] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let (organizationID, accountID) = try bankAccountIDs(storage, organization: organization, account: account)
            return try storage.bankStatements(organizationID: organizationID, accountID: accountID)
        }
    }

    /// The posted lines on the bank account no statement row is matched to: the vouchers a row
    /// may be matched to by hand.
    public func unmatchedBookLines(organization: String, account: String) throws -> [BankBookLine] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let (organizationID, accountID) = try bankAccountIDs(storage, organization: organization, account: account)
            return try storage.bankBookLines(organizationID: organizationID, accountID: accountID, from: nil, through: nil)
                .filter { $0.matchedStatementLineID == nil }
        }
    }

    /// The bank accounts a statement may be imported for: the leaves of 102 on the organisation's chart.
    public func bankAccounts(organization: String) throws -> [Account] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let chart = try storage.chart(organization: organization).chart
            return chart.accounts.filter { CashRules.kind(of: $0.code) == .bank && chart.isLeaf($0.code) }
        }
    }

    /// The organisation's id and the account's, refusing an account that is not a leaf of 102.
    private func bankAccountIDs(_ storage: any BookStorage, organization: String, account: String) throws -> (Int64, Int64) {
        let (organizationID, chart, accountIDs) = try storage.chart(organization: organization)
        guard CashRules.kind(of: account) == .bank, chart.isLeaf(account), let accountID = accountIDs[account] else {
            throw BookError.cash(.notABankAccount(organization: organization, account: account))
        }
        return (organizationID, accountID)
    }
}

/// A statement's bytes as CSV records, read as `ImportFiles.readCSVRecords` reads a file: UTF-8
/// (with or without its byte-order mark) where the text first leaves ASCII reads as UTF-8,
/// otherwise GBK when the bytes are GB18030 text; the same line checks and CSV rules.
enum StatementBytes {
    static func records(_ bytes: Data, displayName: String) throws -> [(line: Int, fields: [String])] {
        guard Int64(bytes.count) <= Limits.importFileBytes else {
            throw InputErrors([InputError(file: displayName, line: 0, rule: "file-too-large",
                                          message: "the file has \(bytes.count) bytes, more than the limit of \(Limits.importFileBytes) per import; split it by month or organisation",
                                          chinese: "文件有 \(bytes.count) 个字节，超过单次导入的上限 \(Limits.importFileBytes)；请按月或按单位拆分")])
        }
        var text = bytes
        if !readsAsUTF8(bytes), String(validating: bytes, as: UTF8.self) == nil, let decoded = GB18030.utf8(bytes),
           GB18030.isLikelyText(bytes, decoded: decoded) {
            text = decoded
        }
        var reader = LineReader(data: text, displayName: displayName)
        return try ImportFiles.csvRecords(&reader)
    }

    /// `GB18030.readsAsUTF8(path:)` on bytes in memory: the byte-order mark, no byte beyond ASCII,
    /// or the 64 bytes from the first one beyond ASCII (a character cut at their end aside) UTF-8.
    static func readsAsUTF8(_ bytes: Data) -> Bool {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
        guard let start = bytes.firstIndex(where: { $0 >= 0x80 }) else { return true }
        let window = bytes[start...].prefix(64)
        for cut in 0...min(3, window.count) where String(validating: window.dropLast(cut), as: UTF8.self) != nil { return true }
        return false
    }
}
