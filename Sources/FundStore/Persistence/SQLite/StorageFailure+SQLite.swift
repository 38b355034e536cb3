import GRDB

extension StorageFailure {
    /// SQLite's refusal as a typed failure, with SQLite's own message as the text.
    init(_ error: DatabaseError) {
        let message = error.message ?? error.description
        switch error.resultCode {
        case .SQLITE_CONSTRAINT: self = .constraint(message: message)
        default: self = .engine(code: error.resultCode.rawValue, message: message)
        }
    }
}
