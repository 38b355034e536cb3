import FundCore
@testable import FundStore
import GRDB
import Testing

/// The roll-up's one read of the organisation tree, with integer links, against the tree as
/// every other reader builds it; and its authorization top down against `Access.permits` with
/// each member's list of ancestors.
@Suite struct RollupTreeTests {
    /// Two counties with townships and grassroots unions under them, codes drawn at random so
    /// that the code order is not the order they were added in.
    static func randomForest(seed: UInt64) throws -> InMemoryBook {
        let book = try InMemoryBook()
        var random = YearBalanceTests.Seeded(state: seed)
        func code(_ prefix: String) -> String { prefix + "-" + String(Int.random(in: 100...999, using: &random)) + String(Int.random(in: 0...99, using: &random)) }
        var townships: [String] = []
        for county in ["CTY-02", "A-CTY"] {
            try book.admin.organizations.addOrganization(Organization(code: county, name: "县总工会" + county, level: .county))
            for _ in 0..<Int.random(in: 2...4, using: &random) {
                let township = code("T")
                try book.admin.organizations.addOrganization(Organization(code: township, name: "乡镇工会" + township, level: .township, parentCode: county))
                townships.append(township)
            }
        }
        for _ in 0..<24 {
            let grassroots = code("G")
            try book.admin.organizations.addOrganization(Organization(code: grassroots, name: "基层工会" + grassroots, level: .grassroots,
                                                                      parentCode: townships.randomElement(using: &random)))
        }
        return book
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theTreeIsTheOrganizationTreeUnderTheRoot(seed: UInt64) throws {
        let book = try Self.randomForest(seed: seed)
        try book.store.database.read { db in
            let storage = SQLiteStorage(db)
            let all = try storage.organizationTree()
            for root in all {
                var inTree: Set<String> = [root.code]
                let expected = all.filter { organization in
                    if organization.code == root.code { return true }
                    if let parent = organization.parentCode, inTree.contains(parent) { inTree.insert(organization.code); return true }
                    return false
                }
                let tree = try storage.rollupTree(root: root.code)
                #expect(tree.members == expected, "seed \(seed) root \(root.code)")
                #expect(tree.parents.count == tree.members.count && tree.memberIDs.count == tree.members.count)
                for (index, member) in tree.members.enumerated() {
                    #expect(tree.parents[index].map { tree.members[$0].code } == (index == 0 ? nil : member.parentCode))
                    #expect(tree.codes[tree.memberIDs[index]] == member.code)
                }
                #expect(tree.codes.count == all.count)
            }
            #expect(throws: BookError.self) { try storage.rollupTree(root: "NOPE") }
        }
    }

    @Test(arguments: [4, 5, 6, 7] as [UInt64])
    func theTreeIsAuthorizedAsEachMemberWithItsAncestors(seed: UInt64) throws {
        let book = try Self.randomForest(seed: seed)
        var random = YearBalanceTests.Seeded(state: seed)
        let codes = try book.admin.organizations.organizations().map(\.code)
        for round in 0..<12 {
            let user = "查阅人\(round)"
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let role: Role = [.superior, .officer, .superior].randomElement(using: &random)!
                try book.admin.access.grant(RoleGrant(user: user, role: role, organization: codes.randomElement(using: &random)))
            }
            let session = book.session(user)
            try book.store.database.read { db in
                let storage = SQLiteStorage(db)
                let grants = try session.effectiveGrants(storage)
                for root in codes {
                    let tree = try storage.rollupTree(root: root)
                    // As each member's ancestors, parent first, then above the root.
                    let above = try storage.ancestors(of: root)
                    let refused = tree.members.indices.first { index in
                        var ancestors: [String] = []
                        var up = tree.parents[index]
                        while let at = up { ancestors.append(tree.members[at].code); up = tree.parents[at] }
                        return !Access.permits(grants, .read, organization: tree.members[index].code, ancestors: ancestors + above)
                    }
                    let error = bookError { try session.authorizeTree(storage, tree) }
                    if let refused {
                        guard case let .notPermitted(_, _, organization, _) = error else {
                            Issue.record("seed \(seed) \(user) \(root): expected a refusal of \(tree.members[refused].code)")
                            continue
                        }
                        #expect(organization == tree.members[refused].code, "seed \(seed) \(user) \(root)")
                    } else {
                        #expect(error == nil, "seed \(seed) \(user) \(root)")
                    }
                }
            }
        }
    }
}
