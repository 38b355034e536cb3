import FundCore

/// Organisations and their charts of accounts: the tree of unions, its import, and detail
/// accounts added under the standard chart.
public struct OrganizationService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Adds an organisation. Its parent, if any, must already be in the book.
    public func addOrganization(_ organization: Organization) throws {
        try writing { storage in
            try authorize(storage, .administer, organization: nil)
            try insert(organization, into: storage)
        }
    }

    /// Adds the organisations listed in a CSV file (columns code, name, level, parent, chart,
    /// independent; Chinese headers 编码, 名称, 级别, 上级, 科目表, 独立管理经费 also work), all or
    /// nothing. Parents must come before their children.
    @discardableResult
    public func importOrganizations(path: String) throws -> Int {
        let (file, records) = try ImportFiles.readCSVRecords(path: path)
        guard let header = records.first else {
            throw InputErrors([InputError(file: file, line: 0, rule: "empty-file", message: "the file is empty; the first line names the columns code,name,level,parent,chart,independent",
                                          chinese: "文件为空；第一行应写列名 code,name,level,parent,chart,independent（或 编码,名称,级别,上级,科目表,独立管理经费）")])
        }
        let aliases = ["编码": "code", "名称": "name", "级别": "level", "上级": "parent", "科目表": "chart", "独立管理经费": "independent",
                       "届期年限": "term_years", "届期开始": "term_start"]
        let columns = header.fields.map { aliases[$0] ?? $0.lowercased() }
        for required in ["code", "name", "level"] where !columns.contains(required) {
            throw InputErrors([InputError(file: file, line: header.line, rule: "missing-column", message: "the header has no column \(required); name the columns code,name,level,parent,chart,independent",
                                          chinese: "表头没有 \(required) 列；列名应为 code,name,level,parent,chart,independent（或 编码,名称,级别,上级,科目表,独立管理经费）")])
        }
        var errors: [InputError] = []
        let count: Int = try writing { storage in
            try authorize(storage, .administer, organization: nil)
            for record in records.dropFirst() {
                var values: [String: String] = [:]
                for (name, value) in zip(columns, record.fields) where !value.isEmpty { values[name] = value }
                func fail(_ column: String, _ rule: String, _ message: String, _ chinese: String) {
                    errors.append(InputError(file: file, line: record.line, column: column, rule: rule, message: message, chinese: chinese))
                }
                guard let level = OrganizationLevel(rawValue: values["level"] ?? "") else {
                    fail("level", "bad-level", "\"\(values["level"] ?? "")\" is not a level; use county, township, federation or grassroots",
                         "“\(values["level"] ?? "")”不是单位级别；请用 county（县级）、township（乡镇）、federation（工会联合会）或 grassroots（基层）")
                    continue
                }
                var chart: ChartKind?
                if let text = values["chart"] {
                    guard let kind = ChartKind(rawValue: text) else { fail("chart", "bad-chart", "\"\(text)\" is not a chart; use grassroots or county", "“\(text)”不是科目表；请用 grassroots（基层工会）或 county（县级以上工会）"); continue }
                    chart = kind
                }
                let independentText = values["independent"] ?? "no"
                guard let independent = ["yes": true, "no": false, "true": true, "false": false, "是": true, "否": false, "1": true, "0": false][independentText] else {
                    fail("independent", "bad-flag", "\"\(independentText)\" is not yes or no", "“\(independentText)”不是 yes（是）或 no（否）"); continue
                }
                var termYears: Int?, termStart: LocalDate?
                if let text = values["term_years"] {
                    guard let years = Int(text) else { fail("term_years", "bad-term", "\"\(text)\" is not a number of years; a term is 3 or 5", "“\(text)”不是年数；届期为 3 年或 5 年"); continue }
                    termYears = years
                }
                if let text = values["term_start"] {
                    guard let date = LocalDate(input: text) else { fail("term_start", "bad-term", "\"\(text)\" is not a date YYYY-MM-DD", "“\(text)”不是日期（YYYY-MM-DD）"); continue }
                    termStart = date
                }
                let organization = Organization(code: values["code"] ?? "", name: values["name"] ?? "", level: level,
                                                parentCode: values["parent"], chart: chart, independent: independent,
                                                termYears: termYears, termStart: termStart)
                do { try insert(organization, into: storage) } catch let error as BookError {
                    fail("code", error.rule, error.description, error.chinese)
                }
            }
            if !errors.isEmpty { throw InputErrors(errors) }
            return records.count - 1
        }
        return count
    }

    /// Checks an organisation against the book (a new code, a parent already there, the
    /// federation's name form) and records it.
    private func insert(_ organization: Organization, into storage: any BookStorage) throws {
        try checkText(["the organisation code": organization.code, "the organisation name": organization.name, "the parent": organization.parentCode])
        do throws(OrganizationError) { try organization.validate() } catch { throw BookError.organization(error) }
        if try storage.organization(code: organization.code) != nil { throw BookError.duplicateOrganization(organization.code) }
        var parent: OrganizationRecord?
        var ancestorNames: [String] = []
        if let parentCode = organization.parentCode {
            guard let record = try storage.organization(code: parentCode), let id = record.id else {
                throw BookError.unknownParent(organization: organization.code, parent: parentCode)
            }
            parent = record
            ancestorNames = try storage.organizationNames(upFrom: id)
        }
        do throws(OrganizationError) {
            try OrganizationRules.checkParent(organization, parentLevel: parent?.level)
            if organization.level == .federation {
                try OrganizationRules.checkFederationName(organization.name, code: organization.code, ancestorNames: ancestorNames)
            }
        } catch {
            throw BookError.organization(error)
        }
        try storage.insertOrganization(OrganizationRecord(code: organization.code, name: organization.name, level: organization.level,
                                                          parentID: parent?.id, chart: organization.chart, independent: organization.independent,
                                                          termYears: organization.termYears, termStart: organization.termStart,
                                                          createdAt: Store.now(), createdBy: user))
    }

    /// Every organisation, parents before children, siblings by code.
    public func organizations() throws -> [Organization] {
        try reading { storage in try storage.organizationTree() }
    }

    /// One organisation; `BookError.unknownOrganization` when the book has no such code.
    public func organization(_ code: String) throws -> Organization {
        guard let organization = try organizations().first(where: { $0.code == code }) else {
            throw BookError.unknownOrganization(code)
        }
        return organization
    }

    /// The organisation's chart: its standard chart plus the detail accounts it added.
    public func chart(for organization: String) throws -> Chart {
        try reading { storage in try storage.chart(organization: organization).chart }
    }

    /// Adds a detail account under an existing account of the organisation's chart. A detail
    /// goes in before the first posting to its parent, so no balance is split afterwards.
    public func addAccount(_ account: Account, organization: String) throws {
        try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            var (organizationID, chart, ids) = try storage.chart(organization: organization)
            do throws(ChartError) { try chart.addDetail(account) } catch { throw BookError.chart(error) }
            guard let parent = account.parentCode, let parentID = ids[parent] else {
                preconditionFailure("Chart.addDetail accepted \(account.code) without its parent in the chart")
            }
            if try storage.lineCount(accountID: parentID, organizationID: organizationID) > 0 {
                throw BookError.parentHasPostings(account: account.code, parent: parent, organization: organization)
            }
            try storage.insertAccount(AccountRecord(chart: chart.kind, organizationID: organizationID, code: account.code, name: account.name,
                                                    parentID: parentID))
        }
    }
}

extension Session {
    /// This session's OrganizationService.
    public var organizations: OrganizationService { OrganizationService(session: self) }
}
