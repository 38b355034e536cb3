import Foundation
import FundCore
import GRDB

extension SQLiteBook {
    static func insertOrganization(_ db: Database, _ organization: Organization, by user: String) throws {
        do throws(OrganizationError) { try organization.validate() } catch { throw BookError.organization(error) }
        if try Int64.fetchOne(db, sql: "SELECT id FROM organization WHERE code = ?", arguments: [organization.code]) != nil {
            throw BookError.duplicateOrganization(organization.code)
        }
        var parentID: Int64?
        var parentLevel: OrganizationLevel?
        var ancestorNames: [String] = []
        if let parent = organization.parentCode {
            guard let row = try Row.fetchOne(db, sql: "SELECT id, level FROM organization WHERE code = ?", arguments: [parent]) else {
                throw BookError.unknownParent(organization: organization.code, parent: parent)
            }
            parentID = row["id"]
            parentLevel = OrganizationLevel(rawValue: row["level"])
            ancestorNames = try String.fetchAll(db, sql: """
                WITH RECURSIVE up(id, name, parent_id, depth) AS (
                    SELECT id, name, parent_id, 0 FROM organization WHERE id = ?
                    UNION ALL SELECT o.id, o.name, o.parent_id, up.depth + 1 FROM organization o JOIN up ON o.id = up.parent_id)
                SELECT name FROM up ORDER BY depth
                """, arguments: [parentID])
        }
        do throws(OrganizationError) {
            try OrganizationRules.checkParent(organization, parentLevel: parentLevel)
            if organization.level == .federation {
                try OrganizationRules.checkFederationName(organization.name, code: organization.code, ancestorNames: ancestorNames)
            }
        } catch {
            throw BookError.organization(error)
        }
        try db.execute(sql: """
            INSERT INTO organization (code, name, level, parent_id, chart, independent, term_years, term_start, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [organization.code, organization.name, organization.level.rawValue, parentID,
                             organization.chart.rawValue, organization.independent, organization.termYears,
                             organization.termStart?.description, Store.now(), user])
    }

    static func fetchOrganizations(_ db: Database) throws -> [Organization] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT o.code, o.name, o.level, p.code AS parent, o.chart, o.independent, o.term_years, o.term_start
            FROM organization o LEFT JOIN organization p ON p.id = o.parent_id ORDER BY o.code
            """)
        let all = rows.map { row in
            Organization(code: row["code"], name: row["name"], level: OrganizationLevel(rawValue: row["level"])!,
                         parentCode: row["parent"], chart: ChartKind(rawValue: row["chart"])!, independent: row["independent"],
                         termYears: row["term_years"], termStart: (row["term_start"] as String?).flatMap { LocalDate(parsing: $0) })
        }
        // Depth-first from the roots so the list reads as the tree.
        let children = Dictionary(grouping: all, by: { $0.parentCode ?? "" })
        var ordered: [Organization] = []
        func visit(_ parent: String) {
            for child in children[parent] ?? [] {
                ordered.append(child)
                visit(child.code)
            }
        }
        visit("")
        return ordered
    }

    static func organizationID(_ db: Database, _ code: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM organization WHERE code = ?", arguments: [code]) else {
            throw BookError.unknownOrganization(code)
        }
        return id
    }

    /// The chart and, for each code, the account's row id in the book.
    static func chart(_ db: Database, organization: String) throws -> (chart: Chart, ids: [String: Int64]) {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, chart FROM organization WHERE code = ?", arguments: [organization]) else {
            throw BookError.unknownOrganization(organization)
        }
        let kind = ChartKind(rawValue: row["chart"])!
        let organizationID: Int64 = row["id"]
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, code, name FROM account WHERE chart = ? AND (organization_id IS NULL OR organization_id = ?)
            """, arguments: [kind.rawValue, organizationID])
        var ids: [String: Int64] = [:]
        var accounts: [Account] = []
        for row in rows {
            let code: String = row["code"]
            ids[code] = row["id"]
            accounts.append(Account(code: code, name: row["name"]))
        }
        return (Chart(kind: kind, accounts: accounts), ids)
    }
}
