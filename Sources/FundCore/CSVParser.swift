/// Reads RFC 4180 CSV one physical line at a time: fields separated by commas, quoted with
/// double quotes (a quote inside doubled), a quoted field may span lines. Yields each record
/// with the line it started on.
public struct CSVParser {
    public let file: String
    private var fields: [String] = []
    private var field = ""
    private var inQuotes = false
    private var startLine = 0
    private var fieldWasQuoted = false

    public init(file: String) { self.file = file }

    /// Consumes one line; returns a record when the line completes one.
    public mutating func feed(_ line: Substring, number: Int) throws(InputError) -> (line: Int, fields: [String])? {
        if !inQuotes {
            startLine = number
            fields = []
            field = ""
            fieldWasQuoted = false
        } else {
            field.append("\n")
        }
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if inQuotes {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == "\"" {
                        field.append("\"")
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
            } else {
                switch character {
                case ",":
                    fields.append(fieldWasQuoted ? field : field.trimmingWhitespace)
                    field = ""
                    fieldWasQuoted = false
                case "\"":
                    guard field.trimmingWhitespace.isEmpty, !fieldWasQuoted else {
                        throw InputError(file: file, line: number, column: String(fields.count + 1), rule: "bad-csv-quote",
                                         message: "a quote stands inside an unquoted field; quote the whole field and double any quote inside it (\"\"like this\"\")",
                                         chinese: "未加引号的栏中出现了引号；请给整栏加上引号，栏内的引号写两次（\"\"像这样\"\"）")
                    }
                    field = ""
                    inQuotes = true
                    fieldWasQuoted = true
                default:
                    if fieldWasQuoted, !character.isWhitespace {
                        throw InputError(file: file, line: number, column: String(fields.count + 1), rule: "bad-csv-quote",
                                         message: "text follows the closing quote of a field; put a comma after the closing quote",
                                         chinese: "栏的右引号之后还有文字；请在右引号后写逗号")
                    }
                    if !fieldWasQuoted { field.append(character) }
                }
            }
            index = line.index(after: index)
        }
        if inQuotes { return nil }
        fields.append(fieldWasQuoted ? field : field.trimmingWhitespace)
        return (startLine, fields)
    }

    /// Ends the input; a quote still open is an error.
    public func finish() throws(InputError) {
        if inQuotes {
            throw InputError(file: file, line: startLine, rule: "bad-csv-quote", message: "a quoted field opened here is never closed; add the closing quote",
                             chinese: "此处开始的引号栏没有右引号；请补上右引号")
        }
    }
}
