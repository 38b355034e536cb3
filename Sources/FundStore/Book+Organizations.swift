import FundCore
import GRDB

extension Book {
    /// Adds an organisation. Its parent, if any, must already be in the book.
    public func addOrganization(_ organization: Organization, by user: String) throws {
        try write { db in
            try authorize(db, .administer, organization: nil)
            try Book.insertOrganization(db, organization, by: user)
        }
    }

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
                             organization.termStart?.description, Book.now(), user])
    }

    /// Adds the organisations listed in a CSV file (columns code, name, level, parent, chart,
    /// independent; Chinese headers 编码, 名称, 级别, 上级, 科目表, 独立管理经费 also work), all or
    /// nothing. Parents must come before their children.
    @discardableResult
    public func importOrganizations(path: String, by user: String) throws -> Int {
        let (file, records) = try Book.readCSVRecords(path: path)
        guard let header = records.first else {
            throw InputErrors([InputError(file: file, line: 0, rule: "empty-file", message: "the file is empty; the first line names the columns code,name,level,parent,chart,independent")])
        }
        let aliases = ["编码": "code", "名称": "name", "级别": "level", "上级": "parent", "科目表": "chart", "独立管理经费": "independent",
                       "届期年限": "term_years", "届期开始": "term_start"]
        let columns = header.fields.map { aliases[$0] ?? $0.lowercased() }
        for required in ["code", "name", "level"] where !columns.contains(required) {
            throw InputErrors([InputError(file: file, line: header.line, rule: "missing-column", message: "the header has no column \(required); name the columns code,name,level,parent,chart,independent")])
        }
        var errors: [InputError] = []
        let count: Int = try write { db in
            try authorize(db, .administer, organization: nil)
            for record in records.dropFirst() {
                var values: [String: String] = [:]
                for (name, value) in zip(columns, record.fields) where !value.isEmpty { values[name] = value }
                func fail(_ column: String, _ rule: String, _ message: String) {
                    errors.append(InputError(file: file, line: record.line, column: column, rule: rule, message: message))
                }
                guard let level = OrganizationLevel(rawValue: values["level"] ?? "") else {
                    fail("level", "bad-level", "\"\(values["level"] ?? "")\" is not a level; use county, township, federation or grassroots")
                    continue
                }
                var chart: ChartKind?
                if let text = values["chart"] {
                    guard let kind = ChartKind(rawValue: text) else { fail("chart", "bad-chart", "\"\(text)\" is not a chart; use grassroots or county"); continue }
                    chart = kind
                }
                let independentText = values["independent"] ?? "no"
                guard let independent = ["yes": true, "no": false, "true": true, "false": false, "是": true, "否": false, "1": true, "0": false][independentText] else {
                    fail("independent", "bad-flag", "\"\(independentText)\" is not yes or no"); continue
                }
                var termYears: Int?, termStart: LocalDate?
                if let text = values["term_years"] {
                    guard let years = Int(text) else { fail("term_years", "bad-term", "\"\(text)\" is not a number of years; a term is 3 or 5"); continue }
                    termYears = years
                }
                if let text = values["term_start"] {
                    guard let date = LocalDate(parsing: text) else { fail("term_start", "bad-term", "\"\(text)\" is not a date YYYY-MM-DD"); continue }
                    termStart = date
                }
                let organization = Organization(code: values["code"] ?? "", name: values["name"] ?? "", level: level,
                                                parentCode: values["parent"], chart: chart, independent: independent,
                                                termYears: termYears, termStart: termStart)
                do { try Book.insertOrganization(db, organization, by: user) } catch let error as BookError {
                    fail("code", error.rule, error.description)
                }
            }
            if !errors.isEmpty { throw InputErrors(errors) }
            return records.count - 1
        }
        return count
    }

    /// Every organisation, parents before children, siblings by code.
    public func organizations() throws -> [Organization] {
        try read { db in try Book.fetchOrganizations(db) }
    }

    public func organization(_ code: String) throws -> Organization {
        guard let organization = try organizations().first(where: { $0.code == code }) else {
            throw BookError.unknownOrganization(code)
        }
        return organization
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

    /// The organisation's chart: its standard chart plus the detail accounts it added.
    public func chart(for organization: String) throws -> Chart {
        try read { db in try Book.chart(db, organization: organization).chart }
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

    /// Adds a detail account under an existing account of the organisation's chart.
    public func addAccount(_ account: Account, organization: String) throws {
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
            var (chart, ids) = try Book.chart(db, organization: organization)
            do throws(ChartError) { try chart.addDetail(account) } catch { throw BookError.chart(error) }
            let parent = account.parentCode!
            let posted = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
                WHERE l.account_id = ? AND v.organization_id = ?
                """, arguments: [ids[parent], organizationID]) ?? 0
            if posted > 0 { throw BookError.parentHasPostings(account: account.code, parent: parent, organization: organization) }
            try db.execute(sql: "INSERT INTO account (chart, organization_id, code, name, parent_id) VALUES (?, ?, ?, ?, ?)",
                           arguments: [chart.kind.rawValue, organizationID, account.code, account.name, ids[parent]])
        }
    }
}
