import Foundation
import FundCore

extension BackupService {
    /// Writes to `destination` a new self-contained book of the organisation `root` and every
    /// organisation below it, with all that is theirs and nothing of any other organisation, for
    /// someone who may read that subtree (as its roll-up asks); returns its SHA-256. Refuses to
    /// overwrite a file.
    ///
    /// What the part holds: the subtree's organisations (the root without its parent), their
    /// vouchers, lines, seals, turnovers, budgets, subsidy items they grant, committees, reviews,
    /// assets, bank statements and the other rows hanging on them; the roles granted on them; the
    /// standard charts, the calendar and the book's audit settings; the events of each of their
    /// chains, whole from the genesis, so that their heads are the book's. Organisations outside
    /// the subtree that its rows name (a counterpart, a subsidy's recipient) are bare rows: code,
    /// name and level, no parent, no rows of their own. Left out: the book's own event chain
    /// and the book-wide roles it seals, the access log, the desk's credentials and sessions. The
    /// part starts a book-level chain of its own with one event: the user who made it, granted
    /// the reading of the whole part (`superior` of every organisation). No row is sealed again.
    ///
    /// The part is verified before it is put under `destination`: one that would not verify
    /// clean is not written.
    @discardableResult
    public func backupPart(of root: String, to destination: String) throws -> PartCopy {
        let members: [Int64]
        do {
            members = try reading { storage in
                let tree = try storage.rollupTree(root: root)
                try session.authorizeTree(storage, tree)
                return tree.memberIDs
            }
        } catch let BookError.notPermitted(user, _, organization, roles) {
            throw BookError.backup(.partNotReadable(user: user, root: root, organization: organization ?? root, roles: roles))
        }
        if FileManager.default.fileExists(atPath: destination) { throw BookError.bookExists(path: destination) }
        try Self.checkFolder(of: destination)
        let working = BookFiles.workingName(beside: destination, "partial")
        defer { BookFiles.removeWorkingFile(working) }
        let named: [Int64]
        do {
            named = try session.store.writePart(root: root, members: members, reader: session.user, to: working)
        } catch let failure as PartNotSelfContained {
            throw BookError.backup(.partNotSelfContained(root: root, table: failure.table, parent: failure.parent))
        }
        let verified = try Self.verifyPart(working, as: session.user, key: session.store.sealKey)
        if let first = verified.problems.first {
            throw BookError.backup(.partFailsVerify(root: root, problems: verified.problems.count, first: first))
        }
        let sha256 = try BookFiles.sha256(of: working)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: working)[.size] as? Int) ?? 0
        guard try BookFiles.place(working, at: destination) else { throw BookError.bookExists(path: destination) }
        return PartCopy(copy: BackupCopy(path: destination, sha256: sha256, bytes: bytes), root: root,
                        organizations: members.count, namedOutside: named.count, verified: verified)
    }

    /// What `verify` finds in the part just written, read as the user who made it.
    private static func verifyPart(_ working: String, as user: String, key: SealKey?) throws -> VerifyReport {
        let store = try Store.open(at: working, connections: .readOnly, key: key)
        defer { try? store.close() }
        return try store.session(as: user).verification.verify()
    }
}

/// A part of the book written by `BackupService.backupPart(of:to:)`.
public struct PartCopy: Sendable {
    /// The file, its SHA-256 and size.
    public let copy: BackupCopy
    /// The organisation whose subtree the part holds.
    public let root: String
    /// How many organisations the part holds with their books (the subtree).
    public let organizations: Int
    /// How many organisations outside the subtree it holds as bare rows, because its rows name them.
    public let namedOutside: Int
    /// What `verify` found in the part (no problems: a part with any is not written), with the
    /// head of every chain it holds.
    public let verified: VerifyReport
}
