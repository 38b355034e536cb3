import GRDB

extension Session {
    /// Runs `body` in one write transaction on the book's storage, tuned for a bulk write (an
    /// import: a larger page cache for its length): all of it, or (when it throws, or when
    /// `rollback` asks for a dry run) none of it.
    func writingInBulk<T>(rollback: Bool, _ body: (any BookStorage) throws -> T) throws -> T {
        do {
            return try store.database.writeWithoutTransaction { db in
                try SQLiteStorage.withImportCache(db) {
                    var result: Result<T, any Error> = .failure(CancellationError())
                    try db.inTransaction(.immediate) {
                        result = .success(try EventChain.recording(db, by: user, key: store.sealKey, path: path) { try body(SQLiteStorage(db, sealKey: store.sealKey)) })
                        return rollback ? .rollback : .commit
                    }
                    return try result.get()
                }
            }
        } catch let error as DatabaseError {
            throw Store.map(error, path: path)
        } catch let error as BookError {
            logRefusal(error)
            throw error
        }
    }
}
