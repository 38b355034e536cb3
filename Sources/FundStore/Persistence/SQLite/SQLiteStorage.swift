import GRDB

/// The book's storage on SQLite: every operation of `BookStorage` as SQL on the one database
/// connection of the transaction a session opened. Each concept's statements are in a file of
/// their own (`SQLiteStorage+Access.swift`, ...).
struct SQLiteStorage: BookStorage {
    let db: Database

    init(_ db: Database) { self.db = db }
}
