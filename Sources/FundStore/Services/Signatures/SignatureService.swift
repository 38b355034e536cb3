import FundCore

/// Who signs an organisation's forms (第六十四条: 法定代表人, 主管会计工作的负责人, 会计机构负责人),
/// kept in the organisation's settings so that every 工会01表 and 工会02表 it prints carries the
/// names; a role without a name stays a blank line to sign on paper.
public struct SignatureService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// The organisation's signers (the preparer is the form's, not the organisation's: nil).
    public func signers(organization: String) throws -> FormSigners {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            var signers = FormSigners()
            for record in try storage.formSigners(organizationID: try storage.organizationID(organization)) { signers[record.role] = record.name }
            return signers
        }
    }

    /// Sets who signs as `role`; nil or a blank name clears it. The finance officers of the
    /// organisation keep this setting, as they prepare its forms.
    public func setSigner(organization: String, role: SignerRole, name: String?) throws {
        try checkText(["the signer's name": name])
        let normalized = name.map(PersonName.normalized) ?? ""
        try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            if normalized.isEmpty {
                try storage.removeFormSigner(organizationID: organizationID, role: role)
            } else {
                try storage.setFormSigner(FormSignerRecord(organizationID: organizationID, role: role, name: normalized, setAt: Store.now(), setBy: user))
            }
        }
    }
}

extension Session {
    /// Who signs the forms, as this session's user.
    public var signatures: SignatureService { SignatureService(session: self) }
}
