import FundCore

/// A closed month's pack sent up (报送) and received (签收) or returned (退回): each act is a row of
/// `pack_event`, sealed in the organisation's event chain, so `verify` covers who did what when.
extension PeriodService {
    /// An officer sends a closed month up (报送): the month must be closed, and not already sent
    /// unless it was returned or reopened since.
    public func submitPack(organization: String, period: Period) throws {
        try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            guard try storage.isClosed(organizationID: organizationID, period: period.key) else {
                throw BookError.periodNotClosed(organization: organization, period: period)
            }
            if let state = try Self.packState(storage, organization: organization, organizationID: organizationID, period: period),
               !state.status.maySend {
                throw BookError.pack(.alreadySent(organization: organization, period: period, status: state.status))
            }
            try storage.appendPackEvent(PackEventRecord(organizationID: organizationID, period: period, action: .submit, at: Store.now(), by: user))
        }
    }

    /// A superior of an organisation above the sender receives the pack (签收).
    public func receivePack(organization: String, period: Period) throws {
        try decide(organization: organization, period: period, action: .receive, reason: nil)
    }

    /// A superior of an organisation above the sender returns the pack (退回), saying why; the
    /// officer corrects the month (reopen, correct, close) and sends it again.
    public func returnPack(organization: String, period: Period, reason: String) throws {
        guard !reason.trimmingWhitespace.isEmpty else { throw BookError.missingReason }
        try checkText(["the reason": reason])
        try decide(organization: organization, period: period, action: .return, reason: reason)
    }

    private func decide(organization: String, period: Period, action: PackAction, reason: String?) throws {
        try writing { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            try Self.authorizeReceiver(session, storage, organization: organization)
            let state = try Self.packState(storage, organization: organization, organizationID: organizationID, period: period)
            guard let state, state.status == .sent else {
                throw BookError.pack(.notAwaiting(organization: organization, period: period, status: state?.status))
            }
            try storage.appendPackEvent(PackEventRecord(organizationID: organizationID, period: period, action: action, at: Store.now(), by: user, reason: reason))
        }
    }

    /// Every month of the organisation with an act on its pack, in order of the months.
    public func packs(organization: String) throws -> [PackState] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try Self.packStates(storage, organization: organization, organizationID: try storage.organizationID(organization))
        }
    }

    /// Whether the session's user may receive and return the organisation's packs: a superior
    /// of an organisation above it (never of the organisation itself).
    public func mayReceivePacks(organization: String) throws -> Bool {
        try reading { storage in
            _ = try storage.organizationID(organization)
            return try Self.isReceiver(session, storage, organization: organization)
        }
    }

    static func isReceiver(_ session: Session, _ storage: any BookStorage, organization: String) throws -> Bool {
        receives(try session.effectiveGrants(storage), above: Set(try storage.ancestors(of: organization)))
    }

    /// Whether `grants` receive the packs of an organisation whose ancestors are `above`: a
    /// superior of one of them, or of every organisation.
    static func receives(_ grants: [RoleGrant], above: Set<String>) -> Bool {
        grants.contains { grant in grant.role == .superior && (grant.organization.map(above.contains) ?? true) }
    }

    static func authorizeReceiver(_ session: Session, _ storage: any BookStorage, organization: String) throws {
        guard try isReceiver(session, storage, organization: organization) else {
            throw BookError.pack(.notSuperior(user: session.user, organization: organization))
        }
    }

    /// The pack of one month; nil when it was never sent.
    static func packState(_ storage: any BookStorage, organization: String, organizationID: Int64, period: Period) throws -> PackState? {
        states(try storage.packEvents(organizationID: organizationID).filter { $0.period == period }, organization: organization).first
    }

    /// Every month of the organisation with an act on its pack, in order of the months.
    static func packStates(_ storage: any BookStorage, organization: String, organizationID: Int64) throws -> [PackState] {
        states(try storage.packEvents(organizationID: organizationID), organization: organization)
    }

    /// Marks a sent (or received) month's pack as superseded when the month is reopened.
    static func supersede(_ storage: any BookStorage, organization: String, organizationID: Int64, period: Period, reason: String, by user: String) throws {
        guard let state = try packState(storage, organization: organization, organizationID: organizationID, period: period),
              state.status == .sent || state.status == .received else { return }
        try storage.appendPackEvent(PackEventRecord(organizationID: organizationID, period: period, action: .supersede, at: Store.now(), by: user,
                                                    reason: reason))
    }

    private static func states(_ events: [PackEventRecord], organization: String) -> [PackState] {
        Dictionary(grouping: events, by: \.period).map { period, events in
            PackState(organization: organization, period: period, events: events.map { PackEvent(action: $0.action, at: $0.at, by: $0.by, reason: $0.reason) })
        }.sorted { $0.period < $1.period }
    }
}
