import FundCore

/// A row of `federation_township`: a township or street a federation covers.
struct FederationTownshipRecord: Hashable, Sendable {
    var organizationID: Int64
    var township: String
    var recordedAt: String
    var recordedBy: String
}

/// A row of `federation_term`: a 换届 or an approved extension of a federation's term.
struct FederationTermRecord: Hashable, Sendable {
    var id: Int64?
    var organizationID: Int64
    var act: FederationTermAct
    var recordedAt: String
    var recordedBy: String
}

/// A row of `federation_member`: a member of a federation's committee (委员会).
struct FederationMemberRecord: Hashable, Sendable {
    var organizationID: Int64
    var member: FederationMember
    var recordedAt: String
    var recordedBy: String
}

/// A row of `federation_exception`: a county union's approved exception to support a federation
/// directly, with its document.
struct FederationExceptionRecord: Hashable, Sendable {
    var organizationID: Int64
    var grantorID: Int64
    var document: String
    var date: LocalDate
    var recordedAt: String
    var recordedBy: String
}
