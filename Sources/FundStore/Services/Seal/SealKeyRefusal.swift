import FundCore

/// Why the book refused a seal key, or refused to act without one. Nothing was written.
///
/// Wrapped as `BookError.sealKey`; each case renders its message in `description`.
public enum SealKeyRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with a key file.
    public enum KeyFileProblem: Hashable, Sendable, CustomStringConvertible {
        /// There is no file at the path.
        case missing
        /// The path is a folder or another kind of file.
        case notAFile
        /// The file cannot be read (permission denied).
        case unreadable
        /// The file does not hold exactly 32 bytes.
        case wrongSize(bytes: Int)
        /// The file may be read or written by others than its owner (its mode, in octal).
        case openToOthers(mode: Int)

        public var description: String {
            switch self {
            case .missing: "there is no file there"
            case .notAFile: "it is not a regular file"
            case .unreadable: "it cannot be read (permission denied)"
            case let .wrongSize(bytes): "it holds \(bytes) bytes, and a seal key is exactly 32"
            case let .openToOthers(mode): "others than its owner may read or write it (mode \(String(mode, radix: 8))); `chmod 600` it"
            }
        }
    }

    /// The book's seals are keyed and the act writes: the key must be given.
    case keyRequired(path: String)
    /// The key given is not the one the book was keyed with (its key id differs).
    case wrongKey(keyFile: String)
    /// A key was given for a book that records no key.
    case bookNotKeyed(path: String)
    /// `init --key` does not overwrite a file.
    case keyFileExists(path: String)
    /// The key file cannot serve as a seal key.
    case keyFileUnusable(path: String, problem: KeyFileProblem)

    /// The message a finance officer reads: what was refused and what to do instead.
    public var description: String {
        let text = switch self {
        case let .keyRequired(path):
            "the book \(path) is sealed with a key, and nothing is written to it without that key; give the key file with --key PATH or FUNDLEDGER_KEY (nothing was changed)"
        case let .wrongKey(keyFile):
            "the key \(keyFile) is not the key this book is sealed with; give the key file made by `fundledger init --key` for this book (nothing was changed)"
        case let .bookNotKeyed(path):
            "the book \(path) is not sealed with a key, so a key given to it would seal nothing; leave out --key and FUNDLEDGER_KEY for this book"
        case let .keyFileExists(path):
            "\(path) already exists, and a key file is never overwritten (the seals made with it would no longer verify); choose a new path for the key"
        case let .keyFileUnusable(path, problem):
            "\(path) cannot serve as a seal key: \(problem)"
        }
        return text + " [\(rule)]"
    }

    /// The rule's id, as the message prints it in brackets.
    public var rule: String {
        switch self {
        case .keyRequired: "seal-key-required"
        case .wrongKey: "seal-key-wrong"
        case .bookNotKeyed: "seal-key-not-keyed"
        case .keyFileExists: "seal-key-exists"
        case .keyFileUnusable: "seal-key-unusable"
        }
    }

    /// What kind of refusal this is.
    public var category: ErrorCategory {
        switch self {
        case .keyRequired, .wrongKey: .notPermitted
        case .keyFileExists: .conflict
        case .bookNotKeyed, .keyFileUnusable: .invalidInput
        }
    }
}
