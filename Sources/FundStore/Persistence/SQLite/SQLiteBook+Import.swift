import Foundation
import FundCore

extension SQLiteBook {
    /// Every record of a CSV file (blank lines skipped), with the name errors should use.
    // Transitional: callers outside posting still use this.
    static func readCSVRecords(path: String) throws -> (file: String, records: [(line: Int, fields: [String])]) {
        try ImportFiles.readCSVRecords(path: path)
    }
}
