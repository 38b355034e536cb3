import FundCore

/// The source of the chain heads a workbook carries (`Workbook.anchors`), asked when a workbook
/// starts. A class, so that the task-local value is one reference: an optimised build has been
/// seen to corrupt the push of a closure bound directly as a task-local value.
public final class WorkbookAnchors: Sendable {
    let heads: @Sendable () -> [ChainHead]

    /// Anchors read by `heads` when a workbook starts.
    public init(_ heads: @escaping @Sendable () -> [ChainHead]) { self.heads = heads }
}

extension Workbook {
    /// Where the chain heads of the book a workbook is made from come from (`ChainHead`), for
    /// every workbook started while it is set: each sheet's footer carries them in short, and a
    /// 校验 sheet lists them in full when the workbook is closed. A workbook kept or sent to a
    /// superior thereby anchors the book's chains outside the file. Set by whoever opens the
    /// book (`Workbook.$anchors.withValue(WorkbookAnchors { heads }) { ... }`); the layouts need
    /// not know. It is asked when a workbook starts, so a command refused before it writes
    /// anything reads nothing for it.
    @TaskLocal public static var anchors: WorkbookAnchors? = nil

    /// The name of the sheet that lists the anchors.
    public static let anchorSheetName = "校验"

    /// The heads in short for a footer (Excel keeps at most 255 characters): each organisation's
    /// chains with their link counts and the first 12 digits of their hashes, as many as fit.
    static func anchorFooter(_ anchors: [ChainHead]) -> String {
        var text = "&L校验："
        for (index, head) in anchors.enumerated() {
            let part = "\(head.chain == .vouchers ? "凭证链" : "事件链") \(head.organization ?? "本账簿") \(head.seq) \(head.hash.prefix(12))"
            if text.utf8.count + part.utf8.count + 40 > 240 {
                text += "等\(anchors.count - index)条见“校验”表"
                break
            }
            text += (index == 0 ? "" : "；") + part
        }
        return text
    }

    /// Adds the 校验 sheet: one row per chain head, with the line `verify --anchors` reads.
    func writeAnchorSheet(_ anchors: [ChainHead]) throws {
        let sheet = try addWorksheet(Self.anchorSheetName)
        try sheet.write("账簿哈希链链头（校验用）", row: 0, column: 0, style: CellStyle(bold: true, fontSize: 14))
        try sheet.write("本工作簿生成时各单位凭证链与事件链的链头。日后用 fundledger verify --anchors 核对：把 E 列各行存为文本文件，账簿若被改写或截短，即可查出。",
                        row: 1, column: 0, style: CellStyle())
        for (column, title) in ["链", "单位", "环数", "哈希", "核对行"].enumerated() {
            try sheet.write(title, row: 3, column: column, style: .header)
        }
        for (index, head) in anchors.enumerated() {
            let row = 4 + index
            try sheet.write(head.chain == .vouchers ? "凭证链" : "事件链", row: row, column: 0, style: .text)
            try sheet.write(head.organization ?? "本账簿", row: row, column: 1, style: .text)
            try sheet.write(String(head.seq), row: row, column: 2, style: .text)
            try sheet.write(head.hash, row: row, column: 3, style: .text)
            try sheet.write(head.description, row: row, column: 4, style: .text)
        }
    }
}
