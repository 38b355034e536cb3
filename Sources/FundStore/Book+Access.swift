import FundCore
import GRDB

/// Users, roles and their enforcement. The policy is `Access` in FundCore; this is where the
/// book applies it to the acting user before every read and write.
extension Book {
    /// The roles of `user` as granted in the book.
    static func grants(_ db: Database, user: String) throws -> [RoleGrant] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.role, o.code FROM user_role r LEFT JOIN organization o ON o.id = r.organization_id WHERE r.user = ?
            """), arguments: [user]).map { RoleGrant(user: user, role: Role(rawValue: $0[0])!, organization: $0[1]) }
    }

    /// The codes of the organisations above `code`, its parent first.
    static func ancestors(_ db: Database, of code: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            WITH RECURSIVE up(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM organization WHERE code = ?
                UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM organization o JOIN up ON o.id = up.parent_id)
            SELECT o.code FROM up JOIN organization o ON o.id = up.id WHERE up.depth > 0 ORDER BY up.depth
            """), arguments: [code])
    }

    /// Refuses, with `BookError.notPermitted`, what the acting user's roles do not allow.
    func authorize(_ db: Database, _ action: Action, organization: String?) throws {
        let grants = try Book.grants(db, user: user)
        let ancestors = try organization.map { try Book.ancestors(db, of: $0) } ?? []
        guard Access.permits(grants, action, organization: organization, ancestors: ancestors) else {
            throw BookError.notPermitted(user: user, action: action, organization: organization, roles: grants.map(\.description))
        }
    }

    /// Reading every organisation of a tree (a roll-up): the grants are read once and each
    /// member's ancestors are walked in memory, so that a province of 50,000 unions costs one
    /// query, not 50,000.
    func authorizeTree(_ db: Database, _ members: [Organization]) throws {
        guard let root = members.first else { return }
        let grants = try Book.grants(db, user: user)
        // Parents inside the tree; the root's own ancestors come from the book once.
        var parent: [String: String] = [:]
        for member in members where member.code != root.code { if let code = member.parentCode { parent[member.code] = code } }
        let above = try Book.ancestors(db, of: root.code)
        for member in members {
            var ancestors: [String] = []
            var current = parent[member.code]
            while let code = current { ancestors.append(code); current = parent[code] }
            ancestors += above
            guard Access.permits(grants, .read, organization: member.code, ancestors: ancestors) else {
                throw BookError.notPermitted(user: user, action: .read, organization: member.code, roles: grants.map(\.description))
            }
        }
    }

    /// Reading the whole book (verify, backup): an administrator, a role over every
    /// organisation, or a superior of every top-level union.
    func authorizeWholeBook(_ db: Database) throws {
        let grants = try Book.grants(db, user: user)
        if grants.contains(where: { $0.organization == nil }) { return }
        let roots = try String.fetchAll(db, sql: "SELECT code FROM organization WHERE parent_id IS NULL")
        let superiorOf = Set(grants.filter { $0.role == .superior }.compactMap(\.organization))
        guard !roots.isEmpty, roots.allSatisfy(superiorOf.contains) else {
            throw BookError.notPermitted(user: user, action: .read, organization: nil, roles: grants.map(\.description))
        }
    }

    /// Records a refusal in the access log, in a transaction of its own (the refused one was
    /// rolled back). Best effort: a book that cannot be written (read-only disk) keeps no log.
    func logRefusal(_ error: BookError) {
        guard case let .notPermitted(user, action, organization, _) = error else { return }
        try? pool.write { db in
            try db.execute(sql: "INSERT INTO access_log (at, user, outcome, action, organization, detail) VALUES (?, ?, 'refused', ?, ?, ?)",
                           arguments: [Book.now(), user, action.rawValue, organization, error.description])
        }
    }

    /// Grants a role. Only an administrator may; the grant is logged.
    public func grant(_ grant: RoleGrant) throws {
        try write { db in
            try authorize(db, .administer, organization: nil)
            let organizationID = try grant.organization.map { try Book.organizationID(db, $0) }
            if grant.role == .administrator, grant.organization != nil {
                throw BookError.badRole("an administrator's role covers the whole book; grant admin without --org")
            }
            if grant.role != .administrator, grant.role != .officer, grant.organization == nil {
                throw BookError.badRole("a \(grant.role.rawValue) role is for one organisation; give --org")
            }
            try db.execute(sql: "INSERT OR IGNORE INTO user_role (user, role, organization_id, granted_at, granted_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [grant.user, grant.role.rawValue, organizationID, Book.now(), user])
            try db.execute(sql: "INSERT INTO access_log (at, user, outcome, action, organization, detail) VALUES (?, ?, 'granted', ?, ?, ?)",
                           arguments: [Book.now(), grant.user, grant.role.rawValue, grant.organization, "by \(user)"])
        }
    }

    /// Takes a role away. Only an administrator may, and the last administrator stays.
    public func revoke(_ grant: RoleGrant) throws {
        try write { db in
            try authorize(db, .administer, organization: nil)
            let organizationID = try grant.organization.map { try Book.organizationID(db, $0) }
            if grant.role == .administrator,
               try Int.fetchOne(db, sql: "SELECT count(*) FROM user_role WHERE role = 'admin' AND user <> ?", arguments: [grant.user])! == 0 {
                throw BookError.badRole("\(grant.user) is the book's last administrator; grant admin to someone else first")
            }
            try db.execute(sql: "DELETE FROM user_role WHERE user = ? AND role = ? AND ifnull(organization_id, 0) = ?",
                           arguments: [grant.user, grant.role.rawValue, organizationID ?? 0])
            guard db.changesCount > 0 else { throw BookError.badRole("\(grant.user) has no role \(grant.description)") }
            try db.execute(sql: "INSERT INTO access_log (at, user, outcome, action, organization, detail) VALUES (?, ?, 'revoked', ?, ?, ?)",
                           arguments: [Book.now(), grant.user, grant.role.rawValue, grant.organization, "by \(user)"])
        }
    }

    /// Every role in the book, by user. Administrators see all; others see their own.
    public func roles() throws -> [RoleGrant] {
        try read { db in
            let everyone = Access.permits(try Book.grants(db, user: user), .administer, organization: nil)
            return try Row.fetchAll(db, sql: """
                SELECT r.user, r.role, o.code FROM user_role r LEFT JOIN organization o ON o.id = r.organization_id
                WHERE ? OR r.user = ? ORDER BY r.user, r.role, o.code
                """, arguments: [everyone, user]).map { RoleGrant(user: $0[0], role: Role(rawValue: $0[1])!, organization: $0[2]) }
        }
    }

    /// The access log: grants, revocations and refusals, newest last. Administrators only.
    public func accessLog() throws -> [(at: String, user: String, outcome: String, action: String, organization: String?, detail: String)] {
        try read { db in
            try authorize(db, .administer, organization: nil)
            return try Row.fetchAll(db, sql: "SELECT at, user, outcome, action, organization, detail FROM access_log ORDER BY id")
                .map { ($0[0], $0[1], $0[2], $0[3], $0[4], $0[5]) }
        }
    }
}
