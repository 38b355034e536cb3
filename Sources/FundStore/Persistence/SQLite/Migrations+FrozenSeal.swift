import Crypto
import Foundation
import GRDB

/// The voucher seal exactly as migration v2-review computed it when it was released: a private
/// copy of the seal code of that time, so that a book upgraded today gets the very seals it
/// would have got then, whatever the live seal code (`Book+Seal.swift`) becomes.
///
/// Frozen with migration v2; never edit. Only migration v2-review calls it (and the tests that
/// hold it to the seals that migration gave when released). A new seal format belongs in the
/// live code and, if old books must be resealed, in a new migration with its own frozen copy.
enum FrozenSealV1 {
    /// The link before an organisation's first seal.
    static let genesis = String(repeating: "0", count: 64)

    /// The current time as v2-review stored it: UTC, ISO 8601 to the second.
    static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0" + String(value) : String(value) }
        return String(parts.tm_year + 1900) + "-" + two(parts.tm_mon + 1) + "-" + two(parts.tm_mday) + "T"
            + two(parts.tm_hour) + ":" + two(parts.tm_min) + ":" + two(parts.tm_sec) + "Z"
    }

    /// Seals one posted voucher: the next link of its organisation's chain. Where the seal code
    /// of that time trapped on a voucher or organisation gone missing, this throws; the rows it
    /// writes are the same.
    static func seal(_ db: Database, voucherID: Int64) throws {
        guard let organizationID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT organization_id FROM voucher WHERE id = ?"),
                                                      arguments: [voucherID]),
              let payload = try payload(db, voucherID: voucherID) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "migration v2-review: voucher #\(voucherID) or its organisation is missing")
        }
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM voucher_seal WHERE organization_id = ? ORDER BY seq DESC LIMIT 1"),
                                    arguments: [organizationID])
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let previous: String = last?["hash"] ?? genesis
        try db.cachedStatement(sql: "INSERT INTO voucher_seal (voucher_id, organization_id, seq, previous, hash) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [voucherID, organizationID, seq, previous, sha256(previous, payload)])
    }

    /// The canonical text of a posted voucher as it is stored, read straight from its rows.
    static func payload(_ db: Database, voucherID: Int64) throws -> String? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.code, v.id, v.date, v.period, v.word, v.number, v.summary, v.attachments, v.preparer, v.reviewer,
                   v.bookkeeper, v.status, v.kind, v.reverses_id, v.posted_at
            FROM voucher v JOIN organization o ON o.id = v.organization_id WHERE v.id = ?
            """), arguments: [voucherID]) else { return nil }
        let lines = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT l.position, a.code, l.side, l.amount, l.summary, l.project, l.expense_type, l.econ, c.code, l.fund_source
            FROM voucher_line l JOIN account a ON a.id = l.account_id LEFT JOIN organization c ON c.id = l.counterpart_id
            WHERE l.voucher_id = ? ORDER BY l.position
            """), arguments: [voucherID])
        return text(Array(row.databaseValues), lines.map { Array($0.databaseValues) })
    }

    /// The voucher's fields, then each line, every value made canonical: fields and values
    /// joined by U+001F, each line opened by U+001E, the whole opened by "v1".
    static func text(_ fields: [DatabaseValue], _ lines: [[DatabaseValue]]) -> String {
        var text = "v1\u{1F}" + fields.map(canonical).joined(separator: "\u{1F}")
        for line in lines {
            text += "\u{1E}"
            text += line.map(canonical).joined(separator: "\u{1F}")
        }
        return text
    }

    /// One stored value as text: empty for NULL, otherwise "=" and the value, so that NULL and
    /// the empty string differ, and an integer is written as its digits.
    static func canonical(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case let .int64(number): "=" + String(number)
        case let .double(number): "=d" + String(number)
        case let .string(text): "=" + text
        case let .blob(data): "=x" + data.map { String($0, radix: 16) }.joined()
        }
    }

    /// The lowercase hex SHA-256 of the previous link's hash, a line feed, and the payload,
    /// both as UTF-8.
    static func sha256(_ previous: String, _ payload: String) -> String {
        var hasher = SHA256()
        var previous = previous, payload = payload
        previous.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
        payload.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        let digest = hasher.finalize()
        return String(unsafeUninitializedCapacity: 64) { output in
            let digits: StaticString = "0123456789abcdef"
            var index = 0
            digest.withUnsafeBytes { bytes in
                for byte in bytes {
                    output[index] = digits.utf8Start[Int(byte >> 4)]
                    output[index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    index += 2
                }
            }
            return 64
        }
    }
}
