import FundCore

/// A federation's own records (the seed's rules): the townships it covers, its term acts, its
/// committee, the county's exceptions; and the earlier lines the audit ages items from.
protocol FederationStorage {
    /// The townships the federation with row id `organizationID` covers, by name.
    func federationTownships(organizationID: Int64) throws -> [String]
    /// Records a township the federation covers; one already recorded stays recorded once.
    func insertFederationTownship(_ record: FederationTownshipRecord) throws
    /// Removes a township from those the federation covers.
    func deleteFederationTownship(organizationID: Int64, township: String) throws
    /// The federation's term acts, oldest first.
    func federationTermActs(organizationID: Int64) throws -> [FederationTermAct]
    /// Records a term act.
    func insertFederationTerm(_ record: FederationTermRecord) throws
    /// The federation's committee members, chair first, then by start and name.
    func federationMembers(organizationID: Int64) throws -> [FederationMember]
    /// Records a member, or stores a member's changed dates (same federation and name).
    func saveFederationMember(_ record: FederationMemberRecord, replacing: Bool) throws
    /// The exception a grantor recorded to support the federation directly, if any.
    func federationException(organizationID: Int64, grantorID: Int64) throws -> FederationExceptionRecord?
    /// Records an exception.
    func insertFederationException(_ record: FederationExceptionRecord) throws
    /// Posted lines of the organisation before month `before` (a period key) on accounts under
    /// `prefixes`, in date and number order (closing vouchers left out).
    func agingLines(organizationID: Int64, prefixes: [String], before: Int) throws -> [AgingLine]
}
