/// Excel's rules for sheet names and defined names, checked in Swift before the library sees
/// them (libxlsxwriter 1.1.4 does not check defined names at all).
public enum WorkbookNames {
    public static func validateSheetName(_ name: String, existing: Set<String>) throws {
        guard !name.isEmpty else { throw XLSXError(operation: "naming a sheet", message: "a sheet name cannot be empty") }
        guard name.count <= 31 else {
            throw XLSXError(operation: "naming sheet \(name)", message: "a sheet name has at most 31 characters; this one has \(name.count)")
        }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw XLSXError(operation: "naming sheet \(name)", message: "a sheet name cannot contain '\(bad)'")
        }
        guard !name.hasPrefix("'"), !name.hasSuffix("'") else {
            throw XLSXError(operation: "naming sheet \(name)", message: "a sheet name cannot start or end with an apostrophe")
        }
        guard !existing.contains(name.lowercased()) else {
            throw XLSXError(operation: "naming sheet \(name)", message: "the workbook already has a sheet of that name")
        }
    }

    public static func validateDefinedName(_ name: String) throws {
        func fail(_ why: String) -> XLSXError { XLSXError(operation: "defining name \(name)", message: why) }
        guard let first = name.first else { throw fail("a defined name cannot be empty") }
        guard name.count <= 255 else { throw fail("a defined name has at most 255 characters") }
        guard first.isLetter || first == "_" || first == "\\" else { throw fail("a defined name starts with a letter or '_'") }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "\\" }) else {
            throw fail("a defined name holds only letters, digits, '_' and '.'")
        }
        if looksLikeCellReference(name) { throw fail("a defined name cannot look like a cell reference such as A1 or R1C1") }
    }

    /// A1-style (up to XFD) or R1C1-style references, and the bare R and C.
    static func looksLikeCellReference(_ name: String) -> Bool {
        let upper = name.uppercased()
        if upper == "R" || upper == "C" { return true }
        let letters = upper.prefix(while: { $0.isASCII && $0.isLetter })
        let digits = upper.dropFirst(letters.count)
        if (1...3).contains(letters.count), !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        if upper.hasPrefix("R"), upper.dropFirst().allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "C") }), upper.contains("C") { return true }
        return false
    }
}
