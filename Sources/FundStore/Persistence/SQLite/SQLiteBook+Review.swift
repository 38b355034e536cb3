import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    static func event(_ db: Database, _ finding: Int64, _ audit: Int64?, _ by: String, _ action: String, _ text: String) throws {
        try db.execute(sql: "INSERT INTO finding_event (finding_id, audit_id, at, by, action, text) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [finding, audit, Store.now(), by, action, text])
    }

    static func findings(_ db: Database, organizationID: Int64, code: String, year: Int) throws -> [FindingRecord] {
        let order = Dictionary(uniqueKeysWithValues: AuditRules.all.enumerated().map { ($1.id, $0) })
        return try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE organization_id = ? AND year = ? ORDER BY id", arguments: [organizationID, year]).map { row in
            let id: Int64 = row["id"]
            let vouchers = try Int64.fetchAll(db, sql: "SELECT voucher_id FROM finding_voucher WHERE finding_id = ? ORDER BY voucher_id", arguments: [id])
                .map { try voucherLabel(db, id: $0) ?? "#\($0)" }
            let history = try Row.fetchAll(db, sql: "SELECT at, by, action, text, audit_id FROM finding_event WHERE finding_id = ? ORDER BY id", arguments: [id]).map {
                FindingEvent(at: $0["at"], by: $0["by"], action: $0["action"], text: $0["text"], audit: $0["audit_id"])
            }
            return FindingRecord(id: id, organization: code, year: year, rule: row["rule"], severity: Severity(rawValue: row["severity"])!,
                                 status: FindingStatus(rawValue: row["status"])!, amount: (row["amount"] as Int64?).map { Money(fen: $0) },
                                 text: row["text"], vouchers: vouchers, firstAudit: row["first_audit_id"], lastAudit: row["last_audit_id"], history: history)
        }.sorted { (order[$0.rule] ?? 99, $0.id) < (order[$1.rule] ?? 99, $1.id) }
    }
}
