/// A failure while writing a workbook, from the library or from our own checks.
public struct XLSXError: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public let message: String

    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "cannot write the workbook: \(operation) failed: \(message)" }
}
