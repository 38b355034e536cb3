import FundCore

/// What a user who may read only some organisations of a book needs of it, when a command that
/// only reads runs on a snapshot of a book kept in another engine (PostgreSQL): the rows of the
/// organisations the user may read, the whole organisation tree, and the user's own roles.
///
/// The snapshot is a SQLite book on which the command's own rights checks run as on the book
/// itself; it must hold every row those checks and the command read for what the user is
/// allowed, and may hold more. So the organisations it takes are a superset of what the user
/// may read: every organisation one of the user's grants names (of any role; a committee grant
/// counts whatever the seats say), and everything below a superior's grant.
public enum ReadingPart {
    /// A role of the user, as stored: the role's name and the organisation's row id (nil for a
    /// grant over the whole book).
    public struct Grant: Sendable {
        public var role: String
        public var organizationID: Int64?

        public init(role: String, organizationID: Int64?) {
            self.role = role
            self.organizationID = organizationID
        }
    }

    /// The ids of the organisations a snapshot for a user with `grants` takes, the organisations
    /// being `tree` (id and parent id); nil when that is the whole book (a grant over no
    /// organisation, or grants that reach every organisation).
    public static func organizations(grants: [Grant], tree: [(id: Int64, parent: Int64?)]) -> Set<Int64>? {
        if grants.contains(where: { $0.organizationID == nil }) { return nil }
        var children: [Int64: [Int64]] = [:]
        for node in tree { if let parent = node.parent { children[parent, default: []].append(node.id) } }
        var taken = Set(grants.compactMap(\.organizationID))
        var pending = grants.filter { $0.role == Role.superior.rawValue }.compactMap(\.organizationID)
        var visited = Set<Int64>()
        while let next = pending.popLast() {
            guard visited.insert(next).inserted else { continue }
            taken.insert(next)
            pending.append(contentsOf: children[next] ?? [])
        }
        return tree.allSatisfy({ taken.contains($0.id) }) ? nil : taken
    }

    /// The condition of the rows each table of the snapshot takes, nil for a table it leaves
    /// out, with `members` an SQL subquery of the ids `organizations` gave and the tables named
    /// without a schema: every organisation's row (every user of a book sees its list of
    /// organisations) and every subsidy item's, `user`'s own roles, and the rows of the members
    /// by the rules of a part of the book (`PartTables`). The access log and the desk's credentials and sessions are
    /// left out: they are read by the administrator alone, whose snapshot is the whole book.
    public static func conditions(members: String, user: String) -> [String: String?] {
        var conditions = PartTables.conditions(members: members, source: "")
        conditions["organization"] = "1 = 1"
        // A subsidy item is found by its code alone, and refused to whoever may not read its
        // grantor: every item's own row is taken, so that the refusal is the book's (its logs
        // and vouchers stay its grantor's).
        conditions["subsidy_item"] = "1 = 1"
        conditions["user_role"] = "\"user\" = '" + PersonName.normalized(user).replacingOccurrences(of: "'", with: "''") + "'"
        return conditions
    }
}
