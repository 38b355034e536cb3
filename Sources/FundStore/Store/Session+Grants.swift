import FundCore

extension Session {
    /// The acting user's roles today, as every check of access sees them: the roles granted,
    /// except that a committee role holds only while the user serves on that organisation's
    /// committee, within the member's dates and the committee's term (`Access.effectiveGrants`).
    func effectiveGrants(_ storage: any BookStorage) throws -> [RoleGrant] {
        let granted = try storage.grants(user: user)
        guard granted.contains(where: { $0.role == .committee }) else { return granted }
        return Access.effectiveGrants(granted, seats: try storage.committeeSeats(name: user), on: Store.today())
    }
}
