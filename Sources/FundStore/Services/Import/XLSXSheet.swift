import Foundation
import FundCore
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The first worksheet of an `.xlsx` workbook as rows of cell texts, for a voucher sheet kept in
/// Excel or WPS: read straight from the file's XML, with shared strings, inline strings and
/// numbers exactly as the cell writes them (never through `Double`), and date serial numbers in
/// the date column turned into dates. The rows then go through the same reader as a CSV file,
/// so a problem is told by row and column alike.
enum XLSXSheet {
    /// The most bytes one part of the workbook (the sheet, its shared strings) may unpack to: a
    /// sheet of vouchers is a few megabytes; a part beyond this is refused, never unpacked whole.
    static let maximumPartBytes: UInt64 = 256 << 20

    /// The rows of the workbook's first sheet, numbered as the sheet numbers them.
    static func records(path: String) throws(InputError) -> [(line: Int, fields: [String])] {
        func failure(_ rule: String, _ message: String, _ chinese: String) -> InputError {
            InputError(file: path, line: 0, rule: rule, message: message, chinese: chinese)
        }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw failure("bad-xlsx", "the file is not an .xlsx workbook (it is not a ZIP archive); save it from Excel or WPS as .xlsx, or as CSV",
                          "文件不是 .xlsx 工作簿（不是 ZIP 压缩包）；请从 Excel 或 WPS 另存为 .xlsx 或 CSV")
        }
        func part(_ name: String) throws(InputError) -> Data? {
            guard let entry = archive[name] else { return nil }
            guard entry.uncompressedSize <= maximumPartBytes else {
                throw failure("file-too-large", "the workbook's part \(name) unpacks to \(entry.uncompressedSize) bytes, more than the limit of \(maximumPartBytes); split the sheet",
                              "工作簿的部件 \(name) 解压后有 \(entry.uncompressedSize) 个字节，超过上限 \(maximumPartBytes)；请拆分工作表")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data.append(chunk)
                    if UInt64(data.count) > maximumPartBytes { throw CocoaError(.fileReadTooLarge) }
                }
            } catch {
                throw failure("bad-xlsx", "the workbook's part \(name) cannot be read (\(error)); open the file in Excel or WPS and save it again",
                              "无法读取工作簿的部件 \(name)；请用 Excel 或 WPS 打开后重新保存")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw failure("bad-xlsx", "the file has no workbook (xl/workbook.xml); save it from Excel or WPS as .xlsx",
                          "文件中没有工作簿（xl/workbook.xml）；请从 Excel 或 WPS 另存为 .xlsx")
        }
        let sheetPath = try firstSheetPath(workbook: workbook, relationships: try part("xl/_rels/workbook.xml.rels"))
        guard let sheet = try part(sheetPath) else {
            throw failure("bad-xlsx", "the workbook names its first sheet \(sheetPath), which it does not hold; save it again from Excel or WPS",
                          "工作簿的第一个工作表 \(sheetPath) 不在文件中；请用 Excel 或 WPS 重新保存")
        }
        var strings: [String] = []
        if let data = try part("xl/sharedStrings.xml") { strings = try sharedStrings(data, path: path) }
        return try rows(sheet, strings: strings, path: path)
    }

    /// Where the first sheet of the workbook is: its relationship's target, or sheet1.xml.
    static func firstSheetPath(workbook: Data, relationships: Data?) throws(InputError) -> String {
        let sheets = ElementCollector(names: ["sheet"]).collect(workbook)
        guard let relationID = sheets.first?["r:id"], let relationships else { return "xl/worksheets/sheet1.xml" }
        let targets = ElementCollector(names: ["Relationship"]).collect(relationships)
        guard let target = targets.first(where: { $0["Id"] == relationID })?["Target"] else { return "xl/worksheets/sheet1.xml" }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// The shared strings, in order; a string's phonetic runs (`rPh`) are not part of it.
    static func sharedStrings(_ data: Data, path: String) throws(InputError) -> [String] {
        let reader = SharedStringsReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            throw InputError(file: path, line: 0, rule: "bad-xlsx", message: "the workbook's shared strings are not well-formed XML; save the file again from Excel or WPS",
                             chinese: "工作簿的共享字符串不是格式正确的 XML；请用 Excel 或 WPS 重新保存")
        }
        return reader.strings
    }

    /// The sheet's rows as texts by column (A = 0), each with its row number; a date serial
    /// number in the column the header names 日期 (date) becomes the date it counts.
    static func rows(_ data: Data, strings: [String], path: String) throws(InputError) -> [(line: Int, fields: [String])] {
        let reader = SheetReader(strings: strings)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            throw InputError(file: path, line: 0, rule: "bad-xlsx", message: "the workbook's sheet is not well-formed XML; save the file again from Excel or WPS",
                             chinese: "工作簿的工作表不是格式正确的 XML；请用 Excel 或 WPS 重新保存")
        }
        if let problem = reader.problem { throw InputError(file: path, line: problem.row, rule: "bad-xlsx", message: problem.message, chinese: problem.chinese) }
        var rows = reader.rows
        guard let header = rows.first else { return [] }
        let dateNames = CSVVoucherReader.columns["date"] ?? []
        if let dateColumn = header.fields.firstIndex(where: { dateNames.contains($0.cells.trimmingWhitespace.lowercased()) }) {
            for index in rows.indices.dropFirst() where dateColumn < rows[index].fields.count {
                let cell = rows[index].fields[dateColumn]
                if cell.isNumber, let date = date(serial: cell.cells) { rows[index].fields[dateColumn] = Cell(cells: date.description, isNumber: false) }
            }
        }
        return rows.map { ($0.line, $0.fields.map(\.cells)) }
    }

    /// The day a spreadsheet date serial number counts (1900 date system: day 25569 is
    /// 1970-01-01), from its text: whole days, with any time of day after the point ignored.
    static func date(serial text: String) -> LocalDate? {
        let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard !whole.isEmpty, whole.count <= 6, whole.allSatisfy({ $0.isASCII && $0.isNumber }), let serial = Int(whole), serial > 60 else { return nil }
        return LocalDate(checkedDaysSinceEpoch: serial - 25_569)
    }

    /// One cell's text, and whether the sheet wrote it as a number (a date serial, if dated).
    struct Cell {
        var cells: String
        var isNumber: Bool
    }
}

/// The attributes of every element of the given names, in document order.
private final class ElementCollector: NSObject, XMLParserDelegate {
    let names: Set<String>
    var found: [[String: String]] = []

    init(names: Set<String>) { self.names = names }

    func collect(_ data: Data) -> [[String: String]] {
        let parser = XMLParser(data: data)
        parser.delegate = self
        _ = parser.parse()
        return found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if names.contains(elementName) { found.append(attributes) }
    }
}

/// Reads `xl/sharedStrings.xml`: each `si` is one string, the text of its `t` elements outside
/// phonetic runs.
private final class SharedStringsReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current: String?
    private var inText = false
    private var phoneticDepth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch elementName {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// Reads a worksheet's `sheetData`: rows by their number, cells placed by their reference (B3 is
/// column 1), shared strings looked up, inline strings and numbers taken as written.
private final class SheetReader: NSObject, XMLParserDelegate {
    let strings: [String]
    var rows: [(line: Int, fields: [XLSXSheet.Cell])] = []
    var problem: (row: Int, message: String, chinese: String)?
    private var row: (line: Int, fields: [XLSXSheet.Cell])?
    private var cell: (column: Int, type: String, text: String)?
    private var inValue = false
    private var phoneticDepth = 0

    init(strings: [String]) { self.strings = strings }

    /// Column index of a cell reference: A1 -> 0, AB12 -> 27.
    static func column(_ reference: String) -> Int? {
        var value = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            value = value * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : value - 1
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch elementName {
        case "row":
            let line = attributes["r"].flatMap(Int.init) ?? ((rows.last?.line ?? 0) + 1)
            row = (line, [])
        case "c":
            let column = attributes["r"].flatMap(SheetReader.column) ?? (row?.fields.count ?? 0)
            cell = (column, attributes["t"] ?? "n", "")
        case "v", "t":
            inValue = cell != nil && phoneticDepth == 0
        case "rPh":
            phoneticDepth += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { cell?.text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "v", "t": inValue = false
        case "rPh": phoneticDepth -= 1
        case "c":
            guard let cell, var current = row else { break }
            var value = XLSXSheet.Cell(cells: cell.text, isNumber: cell.type == "n")
            if cell.type == "s" {
                guard let index = Int(cell.text), strings.indices.contains(index) else {
                    problem = problem ?? (current.line, "a cell names shared string \(cell.text), which the workbook does not hold; save the file again from Excel or WPS",
                                          "单元格引用了第 \(cell.text) 个共享字符串，而工作簿中没有它；请用 Excel 或 WPS 重新保存")
                    break
                }
                value = XLSXSheet.Cell(cells: strings[index], isNumber: false)
            }
            if cell.column > 16_383 {
                problem = problem ?? (current.line, "a cell lies beyond the last column of a sheet; save the file again from Excel or WPS",
                                      "单元格超出了工作表的最后一列；请用 Excel 或 WPS 重新保存")
                break
            }
            while current.fields.count < cell.column { current.fields.append(XLSXSheet.Cell(cells: "", isNumber: false)) }
            if current.fields.count == cell.column { current.fields.append(value) } else { current.fields[cell.column] = value }
            row = current
            self.cell = nil
        case "row":
            if let row, row.fields.contains(where: { !$0.cells.isEmpty }) { rows.append(row) }
            row = nil
        default: break
        }
    }
}
