import FundCore
import GRDB

/// Organisations and their charts of accounts: the tree of unions, its import, and detail
/// accounts added under the standard chart.
public struct OrganizationService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Adds an organisation. Its parent, if any, must already be in the book.
    public func addOrganization(_ organization: Organization) throws {
        try write { db in
            try authorize(db, .administer, organization: nil)
            try SQLiteBook.insertOrganization(db, organization, by: user)
        }
    }

    /// Adds the organisations listed in a CSV file (columns code, name, level, parent, chart,
    /// independent; Chinese headers 编码, 名称, 级别, 上级, 科目表, 独立管理经费 also work), all or
    /// nothing. Parents must come before their children.
    @discardableResult
    public func importOrganizations(path: String) throws -> Int {
        let (file, records) = try SQLiteBook.readCSVRecords(path: path)
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
                do { try SQLiteBook.insertOrganization(db, organization, by: user) } catch let error as BookError {
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
        try read { db in try SQLiteBook.fetchOrganizations(db) }
    }

    public func organization(_ code: String) throws -> Organization {
        guard let organization = try organizations().first(where: { $0.code == code }) else {
            throw BookError.unknownOrganization(code)
        }
        return organization
    }

    /// The organisation's chart: its standard chart plus the detail accounts it added.
    public func chart(for organization: String) throws -> Chart {
        try read { db in try SQLiteBook.chart(db, organization: organization).chart }
    }

    /// Adds a detail account under an existing account of the organisation's chart.
    public func addAccount(_ account: Account, organization: String) throws {
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            var (chart, ids) = try SQLiteBook.chart(db, organization: organization)
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

extension Session {
    /// This session's OrganizationService.
    public var organizations: OrganizationService { OrganizationService(session: self) }
}
