import FundCore

/// Who signs an organisation's forms (法定代表人, 主管会计工作的负责人, 会计机构负责人).
protocol SignerStorage {
    /// The organisation's signers, one row per role that has a name.
    func formSigners(organizationID: Int64) throws -> [FormSignerRecord]
    /// Sets (or replaces) the name for the record's role.
    func setFormSigner(_ record: FormSignerRecord) throws
    /// Removes the name for `role`, leaving its line blank.
    func removeFormSigner(organizationID: Int64, role: SignerRole) throws
}
