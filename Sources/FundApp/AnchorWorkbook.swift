import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FundCore
import ZIPFoundation

/// Reads the chain heads back from a workbook FundLedger wrote (its 校验 sheet,
/// `Workbook.anchors`), so that a workbook received earlier anchors the book: `verify --anchors
/// workbook.xlsx`.
public enum AnchorWorkbook {
    /// Why a file gave no heads.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The file is not a readable XLSX workbook (a ZIP archive with a workbook part).
        case notAWorkbook(path: String)
        /// The workbook has no 校验 sheet (it was written without the book's heads).
        case noAnchorSheet(path: String)
        /// A part of the workbook is larger than a 校验 sheet can need.
        case partTooLarge(path: String, part: String)

        public var description: String {
            let text = switch self {
            case let .notAWorkbook(path): "\(path) is not a readable XLSX workbook; give a workbook FundLedger exported, or the lines `fundledger verify` printed"
            case let .noAnchorSheet(path): "\(path) has no 校验 sheet: it was written without the book's chain heads"
            case let .partTooLarge(path, part): "\(path): the part \(part) is larger than 64 MB; it is not a workbook FundLedger wrote"
            }
            return text + " [\(rule)]"
        }

        /// The rule's id, as the message prints it in brackets.
        public var rule: String {
            switch self {
            case .notAWorkbook: "anchors-not-a-workbook"
            case .noAnchorSheet: "anchors-no-sheet"
            case .partTooLarge: "anchors-part-too-large"
            }
        }

        /// What kind of refusal this is: the file given is wrong in itself.
        public var category: ErrorCategory { .invalidInput }
    }

    /// The largest part read (a shared-strings table of a large journal stays far below it).
    static let maximumPartBytes = 64 << 20

    /// The heads on the workbook's 校验 sheet.
    public static func heads(path: String, sheet: String = "校验") throws(Problem) -> [ChainHead] {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read) else { throw .notAWorkbook(path: path) }
        func part(_ name: String) throws(Problem) -> Data? {
            guard let entry = archive[name] else { return nil }
            guard entry.uncompressedSize <= UInt64(maximumPartBytes) else { throw .partTooLarge(path: path, part: name) }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data.append(chunk)
                    if data.count > maximumPartBytes { throw Problem.partTooLarge(path: path, part: name) }
                }
            } catch {
                throw .notAWorkbook(path: path)
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml"), let relations = try part("xl/_rels/workbook.xml.rels") else { throw .notAWorkbook(path: path) }
        guard let id = elements(workbook, "sheet").first(where: { $0["name"] == sheet })?["r:id"],
              let target = elements(relations, "Relationship").first(where: { $0["Id"] == id })?["Target"] else { throw .noAnchorSheet(path: path) }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetData = try part(sheetPath) else { throw .noAnchorSheet(path: path) }
        let shared = try part("xl/sharedStrings.xml").map { StringTable($0).strings } ?? []
        let texts = CellTexts(sheetData, shared: shared).texts
        return ChainHead.heads(in: texts.joined(separator: "\n"))
    }

    /// The attributes of every element of a name in an XML part.
    private static func elements(_ data: Data, _ name: String) -> [[String: String]] {
        final class Collector: NSObject, XMLParserDelegate {
            let name: String
            var found: [[String: String]] = []
            init(_ name: String) { self.name = name }
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if element == name || element.hasSuffix(":" + name) { found.append(attributes) }
            }
        }
        let collector = Collector(name)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        parser.parse()
        return collector.found
    }

    /// The shared strings of a workbook, in order (each `si`'s text runs joined).
    private final class StringTable: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current: String?
        private var inText = false

        init(_ data: Data) {
            super.init()
            let parser = XMLParser(data: data)
            parser.delegate = self
            parser.parse()
        }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            if element == "si" { current = "" } else if element == "t" { inText = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current? += string } }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            if element == "t" { inText = false } else if element == "si", let current { strings.append(current); self.current = nil }
        }
    }

    /// The text of every text cell of a sheet: shared strings by index, inline strings as written.
    private final class CellTexts: NSObject, XMLParserDelegate {
        var texts: [String] = []
        private let shared: [String]
        private var cellType: String?
        private var buffer: String?

        init(_ data: Data, shared: [String]) {
            self.shared = shared
            super.init()
            let parser = XMLParser(data: data)
            parser.delegate = self
            parser.parse()
        }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch element {
            case "c": cellType = attributes["t"]
            case "v", "t": buffer = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer? += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            switch element {
            case "v" where cellType == "s":
                if let index = Int(buffer ?? ""), shared.indices.contains(index) { texts.append(shared[index]) }
            case "t" where cellType == "inlineStr" || cellType == "str":
                texts.append(buffer ?? "")
            default: break
            }
            if element == "v" || element == "t" { buffer = nil }
            if element == "c" { cellType = nil }
        }
    }
}
