import Crypto
import Foundation
import FundCore
import GRDB

/// Tamper evidence. Each voucher gets a seal when it is posted: the SHA-256 of its content
/// (every field and every line) chained to the seal before it in the same organisation. A
/// change made to the SQLite file behind the book's back (an amount, an account, a date, a
/// deleted or inserted voucher) breaks the chain at that voucher, and `verify` names it. An audit
/// records the head of the chain it saw, so that even a chain rebuilt from scratch is caught
/// against the audits made before.
extension SQLiteBook {
    static let genesis = String(repeating: "0", count: 64)

    /// Per organisation, `verify` names at most this many changed vouchers.
    static let maximumSealProblems = 20

    /// The canonical text of a posted voucher as it is stored, read straight from its rows.
    static func sealPayload(_ db: Database, voucherID: Int64) throws -> String? {
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
        return sealText(Array(row.databaseValues), lines.map { Array($0.databaseValues) })
    }

    /// The canonical text of a voucher's stored values (in the order `sealPayload` selects
    /// them): the one format both the book's read-back and an import's in-memory seal use.
    static func sealText(_ fields: [DatabaseValue], _ lines: [[DatabaseValue]]) -> String {
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

    /// Seals a voucher just posted: the next link of its organisation's chain.
    static func seal(_ db: Database, voucherID: Int64) throws {
        let organizationID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT organization_id FROM voucher WHERE id = ?"), arguments: [voucherID])!
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM voucher_seal WHERE organization_id = ? ORDER BY seq DESC LIMIT 1"),
                                    arguments: [organizationID])
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let previous: String = last?["hash"] ?? genesis
        let payload = try sealPayload(db, voucherID: voucherID)!
        try db.cachedStatement(sql: "INSERT INTO voucher_seal (voucher_id, organization_id, seq, previous, hash) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [voucherID, organizationID, seq, previous, sha256(previous, payload)])
    }

    /// The head of an organisation's chain: the last seal's sequence number and hash.
    static func sealHead(_ db: Database, organizationID: Int64) throws -> (seq: Int64, hash: String) {
        let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM voucher_seal WHERE organization_id = ? ORDER BY seq DESC LIMIT 1", arguments: [organizationID])
        return (row?["seq"] ?? 0, row?["hash"] ?? genesis)
    }

    /// Walks each organisation's chain: every voucher whose content no longer matches its seal
    /// (or that is gone or no longer posted), the first link that does not follow the one
    /// before, a posted voucher with no seal, and a chain that no longer holds the head an audit
    /// recorded.
    static func sealProblems(_ db: Database, organizationID only: Int64? = nil) throws -> [SealProblem] {
        var problems: [SealProblem] = []
        let organizations = try Row.fetchAll(db, sql: "SELECT id, code FROM organization" + (only.map { " WHERE id = \($0)" } ?? "") + " ORDER BY code")
        for organization in organizations {
            let organizationID: Int64 = organization["id"]
            let code: String = organization["code"]
            var previous = genesis
            var expectedSeq: Int64 = 1
            var hashes: [Int64: String] = [:]
            var linkBroken = false
            var found: [SealProblem] = []
            let seals = try Row.fetchCursor(db, sql: "SELECT voucher_id, seq, previous, hash FROM voucher_seal WHERE organization_id = ? ORDER BY seq",
                                            arguments: [organizationID])
            while let seal = try seals.next() {
                let voucherID: Int64 = seal["voucher_id"]
                let seq: Int64 = seal["seq"]
                let hash: String = seal["hash"]
                let stored: String = seal["previous"]
                hashes[seq] = hash
                defer { previous = hash; expectedSeq = seq + 1 }
                guard found.count < maximumSealProblems else { continue }
                func problem(_ reason: String) throws -> SealProblem {
                    SealProblem(voucherID: voucherID, label: try voucherLabel(db, id: voucherID) ?? "\(code) voucher #\(voucherID)", reason: reason)
                }
                // Each voucher against its own seal: the content check does not depend on the
                // links, so every changed voucher is named, not only the first. The status is in
                // the sealed content, so it is read apart only to say why a seal fails.
                if let payload = try sealPayload(db, voucherID: voucherID) {
                    if sha256(stored, payload) != hash {
                        let posted = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM voucher WHERE id = ?"), arguments: [voucherID]) == "posted"
                        found.append(try problem(posted ? "its lines, amounts or fields were changed after posting; they no longer match the seal it got when posted"
                                                        : "it was sealed when posted but is no longer posted"))
                    }
                } else {
                    found.append(try problem("the voucher was deleted from the book after posting (seal \(seq) of \(code) points to nothing)"))
                }
                // The links: reported once, at the first break.
                if !linkBroken, seq != expectedSeq {
                    linkBroken = true
                    found.append(try problem("the seal chain of \(code) jumps from link \(expectedSeq - 1) to \(seq): a seal was removed"))
                } else if !linkBroken, stored != previous {
                    linkBroken = true
                    found.append(try problem("its seal does not follow the seal before it: the chain of \(code) was rewritten here"))
                }
            }
            problems += found
            if !found.isEmpty { continue }
            let unsealed = try Row.fetchOne(db, sql: """
                SELECT v.id FROM voucher v LEFT JOIN voucher_seal s ON s.voucher_id = v.id
                WHERE v.organization_id = ? AND v.status = 'posted' AND s.voucher_id IS NULL ORDER BY v.id LIMIT 1
                """, arguments: [organizationID])
            if let unsealed, let id: Int64 = unsealed["id"] {
                problems.append(SealProblem(voucherID: id, label: try voucherLabel(db, id: id) ?? "#\(id)",
                                            reason: "it is posted but has no seal: it was put into the book outside FundLedger"))
                continue
            }
            let anchors = try Row.fetchAll(db, sql: "SELECT id, run_at, seal_seq, seal_hash FROM audit WHERE organization_id = ? AND seal_seq > 0 ORDER BY id",
                                           arguments: [organizationID])
            for anchor in anchors {
                let seq: Int64 = anchor["seal_seq"]
                if hashes[seq] != anchor["seal_hash"] {
                    problems.append(SealProblem(voucherID: nil, label: "\(code) seal \(seq)",
                                                reason: "the chain no longer holds the seal that audit #\(anchor["id"] as Int64) saw on \((anchor["run_at"] as String).prefix(10)): the vouchers up to it were rewritten after that audit"))
                    break
                }
            }
        }
        return problems
    }

    static func voucherLabel(_ db: Database, id: Int64) throws -> String? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.code, v.period, v.word, v.number FROM voucher v JOIN organization o ON o.id = v.organization_id WHERE v.id = ?
            """), arguments: [id]) else { return nil }
        guard let number: Int = row["number"], let period = Period(key: row["period"]) else { return (row["code"] as String) + " #" + String(id) }
        return (row["code"] as String) + " " + VoucherRef(period: period, word: row["word"], number: number).description
    }
}
