import Foundation
import GRDB

extension Store {
    /// Copies the book to a new file at `destination` with SQLite's online backup: a consistent
    /// snapshot even while another process writes. A failed copy leaves no file behind.
    func copy(to destination: String) throws {
        do {
            let copy = try DatabaseQueue(path: destination)
            try database.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: destination)
            throw Store.map(error, path: destination)
        }
    }
}
