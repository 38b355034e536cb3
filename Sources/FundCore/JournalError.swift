/// A problem in an input file, located to the file and line, named after the rule it breaks.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line (journal) or row (CSV); 0 when the problem concerns the whole file.
    public let line: Int
    /// 1-based column for CSV, when one cell is at fault.
    public let column: String?
    public let rule: String
    public let message: String
    /// The message in Chinese, when the error came from a check with a Chinese text of its own
    /// (a refusal of the book), its rule id in brackets included; nil for the parsers' errors, whose Chinese is the rule's text.
    public let chineseMessage: String?

    /// An error of a parser or a check with its facts in both languages: `chinese` is the
    /// Chinese sentence (fields, sides, states and kinds in Chinese); the rule id is added to it.
    public init(file: String, line: Int, column: String? = nil, rule: String, message: String, chinese: String) {
        self.init(file: file, line: line, column: column, rule: rule, message: message,
                  chineseMessage: chinese.hasSuffix("[" + rule + "]") ? chinese : chinese + " [" + rule + "]")
    }

    /// An error with its Chinese text whole (`chineseMessage`, rule id included), as a refusal of
    /// the book brings it; nil only where no Chinese text exists, which then shows the rule's text.
    public init(file: String, line: Int, column: String? = nil, rule: String, message: String, chineseMessage: String?) {
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.message = message
        self.chineseMessage = chineseMessage
    }

    public var description: String {
        var location = file
        if line > 0 { location += ":" + String(line) }
        if let column { location += " column " + column }
        return location + ": " + message + " [" + rule + "]"
    }
}

/// Several input errors reported together, in file order.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [InputError]
    public init(_ errors: [InputError]) { self.errors = errors }
    public var description: String {
        let shown = errors.prefix(20).map(\.description)
        let more = errors.count > 20 ? ["... and \(errors.count - 20) more problems"] : []
        return (shown + more + ["nothing was imported; fix the file and run the import again"]).joined(separator: "\n")
    }
}
