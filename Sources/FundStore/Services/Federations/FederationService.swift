import FundCore

/// A federation's own records under the seed (冀工办发〔2020〕43号 §II, §IV.1): the townships
/// it covers, its term (换届 and extensions), its committee (委员会) and the county's approved
/// exceptions to support it directly. The decisions are `FederationRules`'; the service loads,
/// asks and records, and every record is sealed in the organisation's event chain.
public struct FederationService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// The federation's row id and its FundCore value; refuses an organisation of another level.
    private func federation(_ code: String, in storage: any BookStorage) throws -> (id: Int64, organization: Organization) {
        guard let record = try storage.organization(code: code), let id = record.id else { throw BookError.unknownOrganization(code) }
        let parentCode = try record.parentID.flatMap { try storage.organization(id: $0)?.code }
        let organization = record.organization(parentCode: parentCode)
        guard organization.level == .federation else { throw BookError.federation(.notAFederation(code: code, level: organization.level)) }
        return (id, organization)
    }

    private func refused(_ body: () throws(FederationRefusal) -> Void) throws {
        do throws(FederationRefusal) { try body() } catch { throw BookError.federation(error) }
    }

    // MARK: - Townships

    /// Records townships or streets the federation covers and removes others; returns what it
    /// covers afterwards. A federation that spans several may be supported by the county directly.
    @discardableResult
    public func setTownships(federation code: String, adding: [String], removing: [String] = []) throws -> [String] {
        let adding = adding.map(PersonName.normalized), removing = removing.map(PersonName.normalized)
        for name in adding + removing {
            try checkText(["a township": name])
            try refused { () throws(FederationRefusal) in try FederationRules.checkTownship(name, federation: code) }
        }
        return try writing { storage in
            try authorize(storage, .administer, organization: nil)
            let (id, _) = try federation(code, in: storage)
            for name in removing { try storage.deleteFederationTownship(organizationID: id, township: name) }
            for name in adding {
                try storage.insertFederationTownship(FederationTownshipRecord(organizationID: id, township: name, recordedAt: Store.now(), recordedBy: user))
            }
            let townships = try storage.federationTownships(organizationID: id)
            if townships.count > FederationRules.maximumTownships {
                throw BookError.federation(.badTownship(federation: code, township: townships.last ?? ""))
            }
            return townships
        }
    }

    /// The townships the federation covers, by name.
    public func townships(federation code: String) throws -> [String] {
        try reading { storage in
            try authorize(storage, .read, organization: code)
            return try storage.federationTownships(organizationID: try federation(code, in: storage).id)
        }
    }

    // MARK: - Term

    /// Records a 换届 (a new term from its date) or an approved extension (to its date, under
    /// its document), and returns the term as it stands afterwards.
    @discardableResult
    public func recordTerm(federation code: String, _ act: FederationTermAct) throws -> FederationTerm? {
        try checkText(["the document": act.document])
        return try writing { storage in
            try authorize(storage, .administer, organization: nil)
            let (id, organization) = try federation(code, in: storage)
            let acts = try storage.federationTermActs(organizationID: id)
            try refused { () throws(FederationRefusal) in try FederationRules.checkTermAct(act, of: organization, acts: acts) }
            try storage.insertFederationTerm(FederationTermRecord(organizationID: id, act: act, recordedAt: Store.now(), recordedBy: user))
            return FederationRules.term(of: organization, acts: acts + [act])
        }
    }

    /// The federation's term acts and how its term stands on `date` (today unless given).
    public func term(federation code: String, on date: LocalDate = Store.today()) throws -> (acts: [FederationTermAct], standing: FederationTermStanding) {
        try reading { storage in
            try authorize(storage, .read, organization: code)
            let (id, organization) = try federation(code, in: storage)
            let acts = try storage.federationTermActs(organizationID: id)
            return (acts, FederationRules.standing(of: organization, acts: acts, on: date))
        }
    }

    // MARK: - Committee

    /// Seats a member on the federation's committee (委员会): refused for a 行业协会/商会 会长 or
    /// 副会长 as 主席 or 副主席, and for an enterprise's 行政主要负责人.
    public func addMember(federation code: String, _ member: FederationMember) throws {
        var member = member
        member.name = PersonName.normalized(member.name)
        try checkText(["the member's name": member.name, "the member's union": member.fromUnion])
        try refused { () throws(FederationRefusal) in try FederationRules.checkMember(member, federation: code) }
        try writing { storage in
            try authorize(storage, .administer, organization: nil)
            let (id, _) = try federation(code, in: storage)
            if try storage.federationMembers(organizationID: id).contains(where: { $0.name == member.name }) {
                throw BookError.federation(.alreadyMember(name: member.name, federation: code))
            }
            try storage.saveFederationMember(FederationMemberRecord(organizationID: id, member: member, recordedAt: Store.now(), recordedBy: user), replacing: false)
        }
    }

    /// Records that a member left the post in their union they sit by (on `leftPost`), or left
    /// the committee (on `end`); a member who left their post and still sits is flagged for
    /// replacement (替补) by the audit.
    public func updateMember(federation code: String, name: String, leftPost: LocalDate? = nil, end: LocalDate? = nil) throws {
        let name = PersonName.normalized(name)
        try writing { storage in
            try authorize(storage, .administer, organization: nil)
            let (id, _) = try federation(code, in: storage)
            guard var member = try storage.federationMembers(organizationID: id).first(where: { $0.name == name }) else {
                throw BookError.federation(.unknownMember(name: name, federation: code))
            }
            if let leftPost { member.leftPost = leftPost }
            if let end { member.end = end }
            try refused { () throws(FederationRefusal) in try FederationRules.checkMember(member, federation: code) }
            try storage.saveFederationMember(FederationMemberRecord(organizationID: id, member: member, recordedAt: Store.now(), recordedBy: user), replacing: true)
        }
    }

    /// The federation's committee, chair first.
    public func members(federation code: String) throws -> [FederationMember] {
        try reading { storage in
            try authorize(storage, .read, organization: code)
            return try storage.federationMembers(organizationID: try federation(code, in: storage).id)
        }
    }

    // MARK: - The county's direct support

    /// Records a county union's approved exception (with its document) to support a federation
    /// directly although it meets neither condition of the seed.
    public func recordException(federation code: String, grantor: String, document: String, date: LocalDate) throws {
        try checkText(["the document": document])
        guard !document.allSatisfy({ $0 == " " }) else { throw BookError.federation(.exceptionWithoutDocument(federation: code)) }
        try writing { storage in
            try authorize(storage, .writeBooks, organization: grantor)
            let (id, _) = try federation(code, in: storage)
            let grantorID = try storage.organizationID(grantor)
            try storage.insertFederationException(FederationExceptionRecord(organizationID: id, grantorID: grantorID, document: document, date: date,
                                                                            recordedAt: Store.now(), recordedBy: user))
        }
    }

    /// Refuses a county union's subsidy item for a federation the county may not support
    /// directly (`FederationRules.countyMaySupport`), unless an exception is recorded.
    static func checkCountySupport(_ item: SubsidyItem, in storage: any BookStorage) throws {
        guard let grantor = try storage.organization(code: item.grantor), grantor.level == .county, let grantorID = grantor.id,
              let recipient = try storage.organization(code: item.recipient), recipient.level == .federation, let recipientID = recipient.id else { return }
        let upper = try recipient.parentID.flatMap { try storage.organization(id: $0) }
        let upperParent = try upper?.parentID.flatMap { try storage.organization(id: $0)?.code }
        let federation = recipient.organization(parentCode: upper?.code)
        let townships = try storage.federationTownships(organizationID: recipientID)
        if FederationRules.countyMaySupport(federation: federation, upper: upper?.organization(parentCode: upperParent), townships: townships) { return }
        if try storage.federationException(organizationID: recipientID, grantorID: grantorID) != nil { return }
        throw BookError.federation(.countySupportNotAllowed(item: item.code, county: item.grantor, federation: item.recipient, upper: upper?.code ?? "-"))
    }

    /// What approving `organization`'s budget for `year` with `lines` warns of: the federations
    /// under it with no line of their own. Thrown instead when the organisation's audit setting
    /// `federation-budget-line` is `refuse`.
    static func checkFederationLines(organization code: String, organizationID: Int64, year: Int, lines: [BudgetKey],
                                     in storage: any BookStorage) throws -> [FederationRefusal] {
        let federations = try storage.organizationTree().filter { $0.parentCode == code && $0.level == .federation }
        let missing = FederationRules.federationsWithoutLine(lines, federations: federations)
        guard !missing.isEmpty else { return [] }
        let warning = FederationRefusal.federationWithoutBudgetLine(organization: code, year: year, federations: missing)
        if try storage.auditSettings(for: organizationID).federationLineRefuses { throw BookError.federation(warning) }
        return [warning]
    }

    /// The federation's facts for the audit, nil for another level.
    static func facts(organizationID: Int64, level: OrganizationLevel, in storage: any BookStorage) throws -> FederationFacts? {
        guard level == .federation else { return nil }
        return FederationFacts(townships: try storage.federationTownships(organizationID: organizationID),
                               termActs: try storage.federationTermActs(organizationID: organizationID),
                               members: try storage.federationMembers(organizationID: organizationID))
    }
}

extension Session {
    /// This session's FederationService.
    public var federations: FederationService { FederationService(session: self) }
}
