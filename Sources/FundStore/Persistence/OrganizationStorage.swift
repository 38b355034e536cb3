import FundCore

/// Organisations and their charts of accounts.
protocol OrganizationStorage {
    /// The row id of the organisation `code`; `BookError.unknownOrganization` when there is none.
    func organizationID(_ code: String) throws -> Int64
    /// The codes of the organisations with no parent.
    func rootOrganizationCodes() throws -> [String]
    /// The organisation `code`, if the book has it.
    func organization(code: String) throws -> OrganizationRecord?
    /// The organisation with row id `id`, if the book has it.
    func organization(id: Int64) throws -> OrganizationRecord?
    /// Every organisation, by code.
    func allOrganizations() throws -> [OrganizationRecord]
    /// The names of the organisation `id` and of those above it, itself first.
    func organizationNames(upFrom id: Int64) throws -> [String]
    /// Records an organisation.
    func insertOrganization(_ organization: OrganizationRecord) throws
    /// The organisation's chart (its standard chart and the details it added), with the row id
    /// of each account by code.
    func chart(organization code: String) throws -> (organizationID: Int64, chart: Chart, accountIDs: [String: Int64])
    /// How many lines of the organisation's vouchers post to the account `accountID`.
    func lineCount(accountID: Int64, organizationID: Int64) throws -> Int
    /// Records an account.
    func insertAccount(_ account: AccountRecord) throws
}

extension OrganizationStorage {
    /// Every organisation as FundCore knows it, parents before children, siblings by code, so
    /// that the list reads as the tree.
    func organizationTree() throws -> [Organization] {
        let records = try allOrganizations()
        var codes: [Int64: String] = [:]
        for record in records { if let id = record.id { codes[id] = record.code } }
        let all = records.map { $0.organization(parentCode: $0.parentID.flatMap { codes[$0] }) }
        // Depth-first from the roots.
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
}
