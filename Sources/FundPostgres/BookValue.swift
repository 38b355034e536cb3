import Foundation
import FundCore
import PostgresNIO

/// One value of a book's row as both engines hold it: SQLite's storage classes, which the
/// PostgreSQL schema keeps as BIGINT, DOUBLE PRECISION, TEXT and BYTEA.
public enum BookValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    /// A cell of a PostgreSQL row; a column of any other type than the schema uses is refused.
    init(_ cell: PostgresCell) throws(PostgresBookError) {
        guard cell.bytes != nil else { self = .null; return }
        do {
            switch cell.dataType {
            case .int8, .int4, .int2: self = .integer(try cell.decode(Int64.self))
            case .float8, .float4: self = .real(try cell.decode(Double.self))
            case .text, .varchar, .name, .bpchar: self = .text(try cell.decode(String.self))
            case .bytea: self = .blob(try cell.decode(Data.self))
            case .bool: self = .integer(try cell.decode(Bool.self) ? 1 : 0)
            default:
                throw PostgresBookError.valueNotCopyable(table: "", column: cell.columnName, row: "column \(cell.columnIndex + 1)",
                                                         reason: "PostgreSQL type \(cell.dataType) is not one the book uses")
            }
        } catch let error as PostgresBookError {
            throw error
        } catch {
            throw .valueNotCopyable(table: "", column: cell.columnName, row: "column \(cell.columnIndex + 1)", reason: "it cannot be read (\(cell.dataType))")
        }
    }

    /// Appends the value to a statement's parameters as the type of its column.
    func bind(into binds: inout PostgresBindings) {
        switch self {
        case .null: binds.appendNull()
        case let .integer(value): binds.append(value)
        case let .real(value): binds.append(value)
        case let .text(value): binds.append(value)
        case let .blob(value): binds.append(ByteBuffer(bytes: value))
        }
    }

    /// The value as SQL text, for a message (a text is quoted and cut short; a blob shows its size).
    var shown: String {
        switch self {
        case .null: "NULL"
        case let .integer(value): String(value)
        case let .real(value): String(value)
        case let .text(value): "'" + (value.count > 40 ? String(value.prefix(40)) + "…" : value) + "'"
        case let .blob(value): "<\(value.count) bytes>"
        }
    }
}
