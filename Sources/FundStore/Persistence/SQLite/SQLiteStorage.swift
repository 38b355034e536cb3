import GRDB

/// The book's storage on SQLite: every operation of `BookStorage` as SQL on the one database
/// connection of the transaction a session opened. Each concept's statements are in a file of
/// their own (`SQLiteStorage+Access.swift`, ...).
struct SQLiteStorage: BookStorage {
    let db: Database
    /// The key that tags every new seal of a keyed book (nil: the book is not keyed).
    var sealKey: SealKey?

    init(_ db: Database, sealKey: SealKey? = nil) {
        self.db = db
        self.sealKey = sealKey
    }
}
