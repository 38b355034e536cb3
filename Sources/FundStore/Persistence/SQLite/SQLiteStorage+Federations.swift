import FundCore
import GRDB

extension SQLiteStorage: FederationStorage {
    func federationTownships(organizationID: Int64) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT township FROM federation_township WHERE organization_id = ? ORDER BY township", arguments: [organizationID])
    }

    func insertFederationTownship(_ record: FederationTownshipRecord) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO federation_township (organization_id, township, recorded_at, recorded_by) VALUES (?, ?, ?, ?)
            """, arguments: [record.organizationID, record.township, record.recordedAt, record.recordedBy])
    }

    func deleteFederationTownship(organizationID: Int64, township: String) throws {
        try db.execute(sql: "DELETE FROM federation_township WHERE organization_id = ? AND township = ?", arguments: [organizationID, township])
    }

    func federationTermActs(organizationID: Int64) throws -> [FederationTermAct] {
        let table = "federation_term"
        return try Row.fetchAll(db, sql: "SELECT * FROM federation_term WHERE organization_id = ? ORDER BY date, id", arguments: [organizationID]).map { row in
            let years: Int? = row["term_years"]
            return FederationTermAct(kind: try row.stored(Column("action"), in: table), date: try row.storedDate(Column("date"), in: table),
                                     years: years, document: row["document"])
        }
    }

    func insertFederationTerm(_ record: FederationTermRecord) throws {
        try db.execute(sql: """
            INSERT INTO federation_term (organization_id, action, date, term_years, document, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.organizationID, record.act.kind.rawValue, record.act.date.description, record.act.years, record.act.document,
                             record.recordedAt, record.recordedBy])
    }

    func federationMembers(organizationID: Int64) throws -> [FederationMember] {
        let table = "federation_member"
        return try Row.fetchAll(db, sql: """
            SELECT * FROM federation_member WHERE organization_id = ?
            ORDER BY CASE office WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 ELSE 2 END, start, name
            """, arguments: [organizationID]).map { row in
            FederationMember(name: row["name"], fromUnion: row["from_union"], post: try row.stored(Column("post"), in: table),
                             office: try row.stored(Column("office"), in: table), start: try row.storedDate(Column("start"), in: table),
                             end: try row.storedOptionalDate(Column("end"), in: table), leftPost: try row.storedOptionalDate(Column("left_post"), in: table))
        }
    }

    func saveFederationMember(_ record: FederationMemberRecord, replacing: Bool) throws {
        let member = record.member
        let arguments: StatementArguments = [record.organizationID, member.name, member.fromUnion, member.post.rawValue, member.office.rawValue,
                                             member.start.description, member.end?.description, member.leftPost?.description, record.recordedAt, record.recordedBy]
        if replacing {
            try db.execute(sql: """
                UPDATE federation_member SET from_union = ?3, post = ?4, office = ?5, start = ?6, "end" = ?7, left_post = ?8, recorded_at = ?9, recorded_by = ?10
                WHERE organization_id = ?1 AND name = ?2
                """, arguments: arguments)
        } else {
            try db.execute(sql: """
                INSERT INTO federation_member (organization_id, name, from_union, post, office, start, "end", left_post, recorded_at, recorded_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """, arguments: arguments)
        }
    }

    func federationException(organizationID: Int64, grantorID: Int64) throws -> FederationExceptionRecord? {
        let table = "federation_exception"
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM federation_exception WHERE organization_id = ? AND grantor_id = ?",
                                         arguments: [organizationID, grantorID]) else { return nil }
        return FederationExceptionRecord(organizationID: organizationID, grantorID: grantorID, document: row["document"],
                                         date: try row.storedDate(Column("date"), in: table), recordedAt: row["recorded_at"], recordedBy: row["recorded_by"])
    }

    func insertFederationException(_ record: FederationExceptionRecord) throws {
        try db.execute(sql: """
            INSERT INTO federation_exception (organization_id, grantor_id, document, date, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (organization_id, grantor_id) DO UPDATE SET document = excluded.document, date = excluded.date,
                recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
            """, arguments: [record.organizationID, record.grantorID, record.document, record.date.description, record.recordedAt, record.recordedBy])
    }

    func agingLines(organizationID: Int64, prefixes: [String], before: Int) throws -> [AgingLine] {
        guard !prefixes.isEmpty else { return [] }
        let condition = prefixes.map { _ in "a.code LIKE ? || '%'" }.joined(separator: " OR ")
        let table = "voucher"
        return try Row.fetchAll(db, sql: """
            SELECT v.id, o.code AS org, v.date, v.period, v.word, v.number, v.summary AS voucher_summary, l.summary, a.code, c.code AS counterpart, l.side, l.amount
            FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN account a ON a.id = l.account_id
            JOIN organization o ON o.id = v.organization_id LEFT JOIN organization c ON c.id = l.counterpart_id
            WHERE v.organization_id = ? AND v.status = 'posted' AND v.kind <> 'closing' AND v.period < ? AND (\(condition))
            ORDER BY v.date, v.period, v.word, v.number, l.position
            """, arguments: StatementArguments([organizationID, before] as [any DatabaseValueConvertible] + prefixes.map { $0 as any DatabaseValueConvertible })).map { row in
            let period = try row.storedPeriod(Column("period"), in: table)
            let number: Int? = row["number"]
            let word: String = row["word"]
            let code: String = row["code"]
            let organization: String = row["org"]
            let label = organization + " " + (number.map { VoucherRef(period: period, word: word, number: $0).description } ?? "#\(row["id"] as Int64)")
            let amount: Int64 = row["amount"]
            let side: String = row["side"]
            let summary: String = row["summary"]
            return AgingLine(date: try row.storedDate(Column("date"), in: table), accountCode: code, counterpart: row["counterpart"],
                             signedFen: side == "D" ? amount : -amount, voucherID: row["id"], label: label,
                             summary: summary.isEmpty ? row["voucher_summary"] : summary)
        }
    }
}
