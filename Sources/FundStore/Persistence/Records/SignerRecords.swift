import FundCore

/// A row of `form_signer`: who signs an organisation's forms in one role, and who set it when.
struct FormSignerRecord: Hashable, Sendable {
    var organizationID: Int64
    var role: SignerRole
    var name: String
    var setAt: String
    var setBy: String
}
