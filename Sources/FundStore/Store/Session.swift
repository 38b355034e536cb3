import Foundation
import FundCore

/// One identity acting on a store: a command of the CLI, or one request of the desk.
///
/// The user is bound once, when the session is opened; every service reached through the session
/// (`session.vouchers`, `session.periods`, ...) acts as that user, checks that user's roles
/// before it reads or writes, and records that name as who did it. No service takes the acting
/// user as a parameter.
public struct Session: Sendable {
    /// The store the session reads and writes.
    public let store: Store
    /// Who is acting: every read and write is checked against this user's roles.
    public let user: String

    /// A session of `store` acting as `user`, whose name is trimmed and composed
    /// (`PersonName.normalized`): a session with an empty name holds no role and is refused
    /// everything.
    init(store: Store, user: String) {
        self.store = store
        self.user = PersonName.normalized(user)
    }

    /// The book file.
    public var path: String { store.path }

    /// Runs `body` in one read transaction on the book's storage.
    func reading<T>(_ body: (any BookStorage) throws -> T) throws -> T {
        try read { db in try body(SQLiteStorage(db, sealKey: store.sealKey)) }
    }

    /// Runs `body` in one write transaction on the book's storage: all of it, or (when it
    /// throws) none of it.
    func writing<T>(_ body: (any BookStorage) throws -> T) throws -> T {
        try write { db in try body(SQLiteStorage(db, sealKey: store.sealKey)) }
    }

    /// Refuses, with `BookError.notPermitted`, what the acting user's roles do not allow.
    func authorize(_ storage: any BookStorage, _ action: Action, organization: String?) throws {
        // An organisation that is not in the book is unknown, whoever asks.
        if let organization { _ = try storage.organizationID(organization) }
        let grants = try effectiveGrants(storage)
        let ancestors = try organization.map { try storage.ancestors(of: $0) } ?? []
        guard Access.permits(grants, action, organization: organization, ancestors: ancestors) else {
            throw BookError.notPermitted(user: user, action: action, organization: organization, roles: grants)
        }
    }

    /// Reading every organisation of a tree (a roll-up): the grants are read once and whether a
    /// superior's grant above covers a member is carried down from its parent, so that a
    /// province of 50,000 unions costs one query and no list of ancestors per member.
    func authorizeTree(_ storage: any BookStorage, _ tree: RollupTree) throws {
        let members = tree.members
        guard let root = members.first else { return }
        let grants = try effectiveGrants(storage)
        // The root's ancestors come from the book once.
        let above = try storage.ancestors(of: root.code)
        var covered = [Bool](repeating: false, count: members.count)
        for (index, member) in members.enumerated() {
            if let parent = tree.parents[index] {
                precondition(parent < index, "authorizeTree: parents before children")
                covered[index] = covered[parent] || Access.coversSubtree(grants, .read, of: members[parent].code)
            } else {
                covered[index] = above.contains { Access.coversSubtree(grants, .read, of: $0) }
            }
            guard covered[index] || Access.permits(grants, .read, organization: member.code) else {
                throw BookError.notPermitted(user: user, action: .read, organization: member.code, roles: grants)
            }
        }
    }

    /// Reading the whole book (verify, backup): an administrator, a role over every
    /// organisation, or a superior of every top-level union.
    func authorizeWholeBook(_ storage: any BookStorage) throws {
        let grants = try effectiveGrants(storage)
        if grants.contains(where: { $0.organization == nil }) { return }
        let roots = try storage.rootOrganizationCodes()
        let superiorOf = Set(grants.filter { $0.role == .superior }.compactMap(\.organization))
        guard !roots.isEmpty, roots.allSatisfy(superiorOf.contains) else {
            throw BookError.notPermitted(user: user, action: .read, organization: nil, roles: grants)
        }
    }

}
