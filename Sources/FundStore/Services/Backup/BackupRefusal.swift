import FundCore

/// Why a backup or a restore was refused. Nothing was written: the book, and the backup, are as
/// they were.
///
/// Wrapped as `BookError.backup`; each case renders its message in `description` and says what
/// kind of refusal it is in `category`.
public enum BackupRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// A backup copies the whole book: only someone who may read all of it takes one.
    case wholeBookNeeded(user: String, roles: [RoleGrant])
    /// There is no file at the backup's path.
    case backupMissing(path: String)
    /// The backup's file is there but cannot be read (its permissions).
    case backupUnreadable(path: String)
    /// The backup is not a FundLedger book that passes `verify`.
    case backupNotABook(path: String, reason: NotABookReason)
    /// The folder a file is to go into does not exist.
    case folderMissing(folder: String, file: String)
    /// The folder a file is to go into cannot be written.
    case folderNotWritable(folder: String, file: String)
    /// A `-wal` or `-shm` file is beside a book path that holds no book: restoring there would
    /// mix it into the restored book.
    case strayLog(path: String)
    /// A part of the book (`backup --org`) is for someone who may read the whole subtree:
    /// `organization`, in the subtree of `root`, is not readable for `user`.
    case partNotReadable(user: String, root: String, organization: String, roles: [RoleGrant])
    /// A row of the part of `root` refers to a row of `parent` the part does not hold (a link
    /// out of the subtree the part cannot follow): no part was written.
    case partNotSelfContained(root: String, table: String, parent: String)
    /// The part of `root` would not pass `verify` (so the book itself does not: verify it):
    /// no part was written.
    case partFailsVerify(root: String, problems: Int, first: VerifyProblem)

    /// The message a finance officer reads: what was refused and what to do instead.
    public var description: String {
        let text = switch self {
        case let .wholeBookNeeded(user, roles):
            "\(user) may not back up the book: a backup is a copy of the whole book, and \(user) "
                + (roles.isEmpty ? "has no role in it" : "is " + roles.map(\.description).joined(separator: ", "))
                + "; a backup needs the administrator, a role over every organisation, or the superior of every top-level union. "
                + "Back up the part you may read instead, an organisation and all below it: `fundledger backup --org ORG -o FILE`, or ask the book's administrator for a backup of the whole book"
        case let .backupMissing(path):
            "there is no backup at \(path); give the file `fundledger backup -o` wrote (nothing was restored)"
        case let .backupUnreadable(path):
            "the backup \(path) cannot be read (permission denied); make it readable for this user, or copy it somewhere readable (nothing was restored)"
        case let .backupNotABook(path, reason):
            "\(path) is not a readable FundLedger backup (\(reason)); nothing was restored and the book is unchanged: give another backup"
        case let .folderMissing(folder, file):
            "the folder \(folder) does not exist, so \(file) cannot be written there; create the folder first, or choose a file in an existing folder"
        case let .folderNotWritable(folder, file):
            "the folder \(folder) cannot be written (permission denied), and \(file) is written through a working file beside it; make the folder writable, or choose another folder"
        case let .strayLog(path):
            "\(path) is left beside a path that holds no book (a log of a book that was moved or deleted); move it away first, so that it cannot mix into the restored book"
        case let .partNotReadable(user, root, organization, roles):
            "\(user) may not back up the part of \(root): a part holds \(root) and every organisation below it, and \(user) may not read \(organization) ("
                + (roles.isEmpty ? "no role in the book" : roles.map(\.description).joined(separator: ", "))
                + "); give --org an organisation whose whole subtree you may read (your own, or one you are the superior of)"
        case let .partNotSelfContained(root, table, parent):
            "the part of \(root) cannot be made self-contained: a row of \(table) refers to a row of \(parent) outside it; nothing was written. Back up the whole book, or the part of the organisation above"
        case let .partFailsVerify(root, problems, first):
            "the part of \(root) does not pass verify (\(problems) problem(s), the first: \(first)); nothing was written. Run `fundledger verify` on the book"
        }
        return text + " [\(rule)]"
    }

    /// The rule's id, as the message prints it in brackets.
    public var rule: String {
        switch self {
        case .wholeBookNeeded: "backup-whole-book"
        case .backupMissing: "backup-missing"
        case .backupUnreadable: "backup-unreadable"
        case .backupNotABook: "backup-not-a-book"
        case .folderMissing: "folder-missing"
        case .folderNotWritable: "folder-not-writable"
        case .strayLog: "stray-log"
        case .partNotReadable: "backup-part-not-readable"
        case .partNotSelfContained: "backup-part-not-self-contained"
        case .partFailsVerify: "backup-part-fails-verify"
        }
    }

    /// What kind of refusal this is, for a caller that answers with a status.
    public var category: ErrorCategory {
        switch self {
        case .wholeBookNeeded, .partNotReadable: .notPermitted
        case .backupMissing, .folderMissing: .notFound
        case .strayLog: .conflict
        case .backupUnreadable, .backupNotABook, .folderNotWritable, .partNotSelfContained, .partFailsVerify: .storage
        }
    }
}
