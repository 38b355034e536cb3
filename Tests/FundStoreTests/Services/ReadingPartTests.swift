import FundCore
@testable import FundStore
import Testing

/// `ReadingPart`: which organisations a reader's snapshot takes, and the conditions it reads
/// them by.
@Suite struct ReadingPartTests {
    // 1 ─┬─ 2 ─┬─ 4
    //    │     └─ 5 ── 7
    //    └─ 3 ── 6
    let tree: [(id: Int64, parent: Int64?)] = [(1, nil), (2, 1), (3, 1), (4, 2), (5, 2), (6, 3), (7, 5)]

    func grant(_ role: Role, _ organization: Int64?) -> ReadingPart.Grant {
        ReadingPart.Grant(role: role.rawValue, organizationID: organization)
    }

    @Test func aRoleOnAnOrganisationTakesThatOrganisationOnly() {
        #expect(ReadingPart.organizations(grants: [grant(.officer, 5)], tree: tree) == [5])
        #expect(ReadingPart.organizations(grants: [grant(.cashier, 4), grant(.committee, 6)], tree: tree) == [4, 6])
    }

    @Test func aSuperiorTakesItsWholeSubtree() {
        #expect(ReadingPart.organizations(grants: [grant(.superior, 2)], tree: tree) == [2, 4, 5, 7])
        // A role on a member below does not stop the walk down.
        #expect(ReadingPart.organizations(grants: [grant(.officer, 5), grant(.superior, 2), grant(.officer, 6)], tree: tree) == [2, 4, 5, 6, 7])
    }

    @Test func theWholeBookIsNil() {
        #expect(ReadingPart.organizations(grants: [grant(.officer, nil)], tree: tree) == nil)
        #expect(ReadingPart.organizations(grants: [grant(.administrator, nil), grant(.officer, 5)], tree: tree) == nil)
        #expect(ReadingPart.organizations(grants: [grant(.superior, 1)], tree: tree) == nil)
        #expect(ReadingPart.organizations(grants: [grant(.superior, 2), grant(.superior, 3), grant(.officer, 1)], tree: tree) == nil)
    }

    @Test func noGrantTakesNoOrganisation() {
        #expect(ReadingPart.organizations(grants: [], tree: tree) == [])
    }

    /// Every table has a condition, the reader's own roles are taken by a quoted name, and
    /// nothing of the desk or the access log is.
    @Test func theConditionsCoverEveryTableAndQuoteTheReader() {
        let conditions = ReadingPart.conditions(members: "(SELECT 1)", user: " O'Neil ")
        #expect(Set(conditions.keys) == Set(PartTables.rules.keys))
        #expect(conditions["user_role"] == .some("\"user\" = 'O''Neil'"))
        #expect(conditions["organization"] == .some("1 = 1"))
        for table in ["access_log", "desk_credential", "desk_session", "bulk_import_open"] {
            #expect(conditions[table] == .some(nil), "\(table)")
        }
        #expect(conditions["voucher"] == .some("organization_id IN (SELECT 1)"))
    }
}
