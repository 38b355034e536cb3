/// Organisations and their charts of accounts.
protocol OrganizationStorage {
    /// The row id of the organisation `code`; `BookError.unknownOrganization` when there is none.
    func organizationID(_ code: String) throws -> Int64
    /// The codes of the organisations with no parent.
    func rootOrganizationCodes() throws -> [String]
}
