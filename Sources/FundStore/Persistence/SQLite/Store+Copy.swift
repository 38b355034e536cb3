import Foundation
import GRDB

/// What a copy of a book from another engine (`fundledger copy`) needs of a SQLite file: the
/// book's schema with no book in it, written under a working name and put in place only whole.
extension Store {
    /// Creates the file `path` with the book's schema, every SQLite migration applied and
    /// recorded, and no charts, users or events: the file a copy from another engine fills. The
    /// rows a migration itself leaves (the voucher-id high-water mark) are the copy's to replace.
    /// Refuses an existing file.
    public static func createSchema(at path: String) throws {
        try BookLocation.requireFile(path)
        if FileManager.default.fileExists(atPath: path) { throw BookError.bookExists(path: path) }
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration())
            try Migrations.migrator.migrate(database)
            try database.close()
        } catch let error as DatabaseError {
            BookFiles.removeWorkingFile(path)
            throw map(error, path: path)
        }
    }

    /// A working name beside `destination` for a copy being written.
    public static func workingCopyName(beside destination: String) -> String {
        BookFiles.workingName(beside: destination, "copying")
    }

    /// Flushes the finished copy `working` and puts it under `destination` only if nothing is
    /// there; false (leaving `working` as it is) when `destination` exists.
    public static func placeCopy(_ working: String, at destination: String) throws -> Bool {
        BookFiles.sync(working)
        return try BookFiles.place(working, at: destination)
    }

    /// Removes a working copy and the journal files SQLite may have left beside it.
    public static func removeWorkingCopy(_ working: String) {
        BookFiles.removeWorkingFile(working)
    }
}
