import FundCore

/// What the database engine refused, in terms a caller can act on without knowing the engine:
/// a full disk, a constraint of the book's schema (its second line of defence), or another
/// failure of the engine with its own code and message.
///
/// Wrapped as `BookError.storage`; its message follows "the book refused the change: ".
public enum StorageFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The disk holding the book is full; nothing was written.
    case diskFull
    /// A constraint or trigger of the schema refused the change.
    case constraint(message: String)
    /// Any other failure of the engine, with the engine's result code and message.
    case engine(code: Int32, message: String)

    /// The text that follows "the book refused the change: " (the engine's own words, or what to do).
    public var description: String {
        switch self {
        case .diskFull: "the disk is full; free some space and run the command again (nothing was written)"
        case let .constraint(message), let .engine(_, message): message
        }
    }

    /// What kind of refusal this is, for a caller that answers with a status.
    public var category: ErrorCategory {
        switch self {
        case .constraint: .conflict
        case .diskFull, .engine: .storage
        }
    }
}

/// Why a file is not a readable book.
public enum NotABookReason: Hashable, Sendable, CustomStringConvertible {
    /// The file opened as a database but has no chart of accounts.
    case noChart
    /// The path names a folder.
    case folder
    /// The file is a database, but not one `fundledger init` made.
    case noSchema
    /// The engine found the file damaged or not a database, in its own words.
    case damaged(message: String)
    /// A backup to restore fails `verify`.
    case failsVerify(problems: Int, first: VerifyProblem)

    /// The reason as the message prints it in brackets.
    public var description: String {
        switch self {
        case .noChart: "it holds no chart of accounts"
        case .folder: "it is a folder"
        case .noSchema: "it holds no FundLedger schema; only `fundledger init` makes a book"
        case let .damaged(message): message
        case let .failsVerify(problems, first): "it fails verify with \(problems) problem(s), the first: \(first)"
        }
    }
}
