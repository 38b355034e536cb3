import FundCore
import GRDB

extension Row {
    /// The value of `column` read as one of a set of stored words (a role, a status, a side).
    /// A word FundLedger never writes means the file was changed outside it: that is an error
    /// naming the table and the row, never a trap.
    func stored<T: RawRepresentable>(_ column: Column, in table: String) throws -> T where T.RawValue == String {
        let text: String? = self[column]
        guard let text, let value = T(rawValue: text) else { throw invalid(column, in: table) }
        return value
    }

    /// A month stored as its key (202605).
    func storedPeriod(_ column: Column, in table: String) throws -> Period {
        let key: Int? = self[column]
        guard let key, let period = Period(key: key) else { throw invalid(column, in: table) }
        return period
    }

    /// A date stored as YYYY-MM-DD.
    func storedDate(_ column: Column, in table: String) throws -> LocalDate {
        let text: String? = self[column]
        guard let text, let date = LocalDate(parsing: text) else { throw invalid(column, in: table) }
        return date
    }

    /// The refusal for a stored value FundLedger could not have written.
    func invalid(_ column: Column, in table: String) -> BookError {
        let value = self[column.name].map { ($0 as DatabaseValueConvertible).databaseValue.description } ?? "NULL"
        let rowID: Int64? = hasColumn("id") ? self["id"] : nil
        return .storedValueInvalid(table: table, column: column.name, value: value, row: rowID.map { "id " + String($0) } ?? description)
    }
}

extension Row {
    /// A date stored as YYYY-MM-DD in a column that may be NULL.
    func storedOptionalDate(_ column: Column, in table: String) throws -> LocalDate? {
        let text: String? = self[column]
        guard let text else { return nil }
        guard let date = LocalDate(parsing: text) else { throw invalid(column, in: table) }
        return date
    }

    /// The value of `column` read as an optional stored word: NULL is nil, a word FundLedger
    /// never writes is an error naming the table and the row.
    func storedOptional<T: RawRepresentable>(_ column: Column, in table: String) throws -> T? where T.RawValue == String {
        let text: String? = self[column]
        guard let text else { return nil }
        guard let value = T(rawValue: text) else { throw invalid(column, in: table) }
        return value
    }
}

extension Row {
    /// `stored(_:in:)` for the value at `index` of a query that names `column` there: read
    /// without looking the column up by name.
    func stored<T: RawRepresentable>(at index: Int, _ column: Column, in table: String) throws -> T where T.RawValue == String {
        let text: String? = self[index]
        guard let text, let value = T(rawValue: text) else { throw invalid(column, in: table) }
        return value
    }

    /// `storedOptionalDate(_:in:)` for the value at `index` of a query that names `column` there.
    func storedOptionalDate(at index: Int, _ column: Column, in table: String) throws -> LocalDate? {
        let text: String? = self[index]
        guard let text else { return nil }
        guard let date = LocalDate(parsing: text) else { throw invalid(column, in: table) }
        return date
    }
}
