import FundCore
import FundStore
import PostgresNIO

extension BookCopy {
    /// The conditions of the snapshot of what `user` may read, from the user's grants and the
    /// organisation tree as the transaction sees them; nil when that is the whole book.
    static func readingConditions(_ session: PostgresSession, user: String) async throws -> [String: String?]? {
        var binds = PostgresBindings()
        binds.append(PersonName.normalized(user))
        let grants = try await session.rows(#"SELECT role, organization_id FROM user_role WHERE "user" = $1"#, binds).map { row in
            guard row.count == 2, case let .text(role) = row[0] else { throw PostgresBookError.copyMismatch(table: "user_role", source: 0, target: 0) }
            if case let .integer(id) = row[1] { return ReadingPart.Grant(role: role, organizationID: id) }
            return ReadingPart.Grant(role: role, organizationID: nil)
        }
        let tree = try await session.rows("SELECT id, parent_id FROM organization").map { row -> (id: Int64, parent: Int64?) in
            guard row.count == 2, case let .integer(id) = row[0] else { throw PostgresBookError.copyMismatch(table: "organization", source: 0, target: 0) }
            if case let .integer(parent) = row[1] { return (id, parent) }
            return (id, nil)
        }
        guard let members = ReadingPart.organizations(grants: grants, tree: tree) else { return nil }
        let ids = members.sorted().map(String.init).joined(separator: ",")
        return ReadingPart.conditions(members: "(SELECT unnest('{\(ids)}'::bigint[]))", user: user)
    }
}

/// A snapshot of part of the book holds a row that names a row outside it (one book's rows link
/// organisations in a way the part cannot follow): the reader is given the whole book instead.
struct PartNeedsWholeBook: Error {
    let table: String
    let parent: String
}
