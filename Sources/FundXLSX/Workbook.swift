import CXLSXWriter
import FundCore
import Foundation

/// Document properties stamped into docProps/core.xml.
public struct DocumentProperties: Sendable {
    public var title: String
    public var subject: String
    public var author: String
    public var company: String
    public var keywords: String
    /// Creation time; pinned from SOURCE_DATE_EPOCH when set so that output is reproducible.
    public var created: Date

    public init(title: String, subject: String = "", author: String = "FundLedger", company: String = "",
                keywords: String = "", created: Date? = nil) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.keywords = keywords
        self.created = created ?? DocumentProperties.creationTime()
    }

    /// SOURCE_DATE_EPOCH when set (reproducible builds), otherwise now.
    public static func creationTime() -> Date {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text) {
            return Date(timeIntervalSince1970: seconds)
        }
        return Date()
    }
}

/// A workbook being written. Owns the libxlsxwriter handle: every library error becomes a
/// thrown `XLSXError`, no C type leaks out, and the file appears at its path only when `close`
/// succeeds (it is written beside it under a temporary name, then renamed).
public final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    private let finalPath: String
    private let temporaryPath: String
    private var cStrings: [UnsafeMutablePointer<CChar>] = []
    public let constantMemory: Bool
    /// The chain heads this workbook carries (`Workbook.anchors` when it was started).
    let anchors: [ChainHead] = Workbook.anchors?.heads() ?? []

    /// Starts a workbook that will be written to `path`.
    public init(path: String, properties: DocumentProperties, constantMemory: Bool = false) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw XLSXError(operation: "opening \(path)", message: "the folder \(folder) does not exist; create it or choose another path with -o")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw XLSXError(operation: "opening \(path)", message: "the folder \(folder) is not writable")
        }
        finalPath = path
        temporaryPath = folder + "/." + url.lastPathComponent + ".partial-" + String(getpid())
        self.constantMemory = constantMemory
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 1
        guard let workbook = workbook_new_opt(temporaryPath, &options) else {
            throw XLSXError(operation: "creating \(path)", message: "the library could not start the workbook (out of memory or no temporary folder)")
        }
        handle = workbook
        try setProperties(properties)
    }

    deinit {
        if let handle {
            // Abandoned without close: free the library's memory and drop the partial file.
            workbook_close(handle)
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
        cStrings.forEach { free($0) }
    }

    private func live(_ operation: String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXError(operation: operation, message: "the workbook is already closed") }
        return handle
    }

    /// A C string that lives as long as the workbook (for `char *` fields the library keeps).
    private func retained(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        cStrings.append(pointer)
        return pointer
    }

    private func setProperties(_ properties: DocumentProperties) throws {
        let workbook = try live("setting properties")
        var document = lxw_doc_properties()
        document.title = retained(properties.title)
        document.subject = retained(properties.subject)
        document.author = retained(properties.author)
        document.company = retained(properties.company)
        document.keywords = retained(properties.keywords)
        document.created = time_t(properties.created.timeIntervalSince1970)
        try check(workbook_set_properties(workbook, &document), "setting document properties")
    }

    func check(_ error: lxw_error, _ operation: String) throws {
        if error != LXW_NO_ERROR {
            throw XLSXError(operation: operation, message: String(cString: lxw_strerror(error)))
        }
    }

    /// Adds a worksheet after checking its name as Excel would.
    public func addWorksheet(_ name: String) throws -> Worksheet {
        let workbook = try live("adding sheet \(name)")
        try WorkbookNames.validateSheetName(name, existing: sheetNames)
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw XLSXError(operation: "adding sheet \(name)", message: "the library refused the sheet name")
        }
        sheetNames.insert(name.lowercased())
        return Worksheet(sheet: sheet, workbook: self, name: name)
    }

    /// Defines a workbook-wide name such as 期末借方合计 for `=科目余额表!$G$40`.
    public func defineName(_ name: String, formula: String) throws {
        let workbook = try live("defining name \(name)")
        try WorkbookNames.validateDefinedName(name)
        try check(workbook_define_name(workbook, name, formula), "defining name \(name)")
    }

    func addChart() throws -> UnsafeMutablePointer<lxw_chart>? {
        workbook_add_chart(try live("adding a chart"), UInt8(LXW_CHART_COLUMN.rawValue))
    }

    /// The library's format for a style, to hand to the `format:` writes of a worksheet.
    public func format(for style: CellStyle) -> CellFormat { CellFormat(pointer: format(style)) }

    func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        if let format = formats[style] { return format }
        guard let handle, let format = workbook_add_format(handle) else { return nil }
        if style.bold { format_set_bold(format) }
        format_set_font_size(format, style.fontSize)
        format_set_font_name(format, "宋体")
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        switch style.alignment {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let background = style.background {
            format_set_bg_color(format, lxw_color_t(background))
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
        }
        if style.indent > 0 { format_set_indent(format, style.indent) }
        if style.wrap { format_set_text_wrap(format) }
        formats[style] = format
        return format
    }

    /// Writes the file and releases the library's memory. The workbook appears at its path only
    /// if everything succeeded.
    public func close() throws {
        if !anchors.isEmpty, !sheetNames.contains(Self.anchorSheetName.lowercased()) { try writeAnchorSheet(anchors) }
        let workbook = try live("closing")
        handle = nil
        let result = workbook_close(workbook)
        if result != LXW_NO_ERROR {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw XLSXError(operation: "writing \(finalPath)", message: String(cString: lxw_strerror(result)))
        }
        // One rename(2): it replaces a file atomically and fails on a folder, which is never removed.
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw XLSXError(operation: "writing \(finalPath)", message: reason)
        }
    }
}

/// A cell style resolved to the library's format, valid while its workbook is open.
public struct CellFormat {
    let pointer: UnsafeMutablePointer<lxw_format>?
}
