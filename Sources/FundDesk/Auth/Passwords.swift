import HummingbirdBcrypt

/// Desk passwords: the rules a new one meets, and bcrypt hashing and checking.
public enum Passwords {
    /// The bcrypt cost of new hashes: 2^12 rounds, about a quarter of a second on a server, so
    /// that a stolen book's hashes are slow to guess.
    public static let cost: UInt8 = 12
    /// The shortest password accepted, in characters.
    public static let minimumLength = 10
    /// bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused.
    public static let maximumBytes = 72

    /// Why a new password is refused.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// Fewer characters than `minimumLength`.
        case tooShort(minimum: Int)
        /// More bytes than bcrypt reads.
        case tooLong(maximumBytes: Int)
        /// A control character, which no keyboard types on purpose.
        case controlCharacter
        /// The two typings on a terminal differ.
        case mismatch

        /// The rule's id.
        public var rule: String {
            switch self {
            case .tooShort: "password-too-short"
            case .tooLong: "password-too-long"
            case .controlCharacter: "password-control-character"
            case .mismatch: "password-mismatch"
            }
        }

        /// What the command line prints.
        public var description: String {
            switch self {
            case let .tooShort(minimum): "the password is too short; give at least \(minimum) characters [\(rule)]"
            case let .tooLong(maximum): "the password is longer than \(maximum) bytes, more than bcrypt reads; give a shorter one [\(rule)]"
            case .controlCharacter: "the password holds a control character; use letters, digits and punctuation [\(rule)]"
            case .mismatch: "the two passwords differ; type the same password twice [\(rule)]"
            }
        }
    }

    /// The problem with `password` as a new password, if any.
    public static func problem(_ password: String) -> Problem? {
        if password.count < minimumLength { return .tooShort(minimum: minimumLength) }
        if password.utf8.count > maximumBytes { return .tooLong(maximumBytes: maximumBytes) }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .controlCharacter }
        return nil
    }

    /// The bcrypt hash of `password` ($2b$12$...).
    public static func hash(_ password: String, cost: UInt8 = cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
