/// How a cell looks. Workbooks make one library format per distinct style and reuse it.
public struct CellStyle: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case general, left, center, right }

    public var bold = false
    public var fontSize: Double = 10
    public var numberFormat: String?
    public var alignment: Alignment = .general
    public var border = false
    /// Background as 0xRRGGBB.
    public var background: UInt32?
    public var indent: UInt8 = 0
    public var wrap = false

    public init(bold: Bool = false, fontSize: Double = 10, numberFormat: String? = nil, alignment: Alignment = .general,
                border: Bool = false, background: UInt32? = nil, indent: UInt8 = 0, wrap: Bool = false) {
        self.bold = bold
        self.fontSize = fontSize
        self.numberFormat = numberFormat
        self.alignment = alignment
        self.border = border
        self.background = background
        self.indent = indent
        self.wrap = wrap
    }

    /// The money format of every workbook.
    public static let moneyFormat = "#,##0.00"

    public static let title = CellStyle(bold: true, fontSize: 16, alignment: .center)
    public static let subtitle = CellStyle(alignment: .left)
    public static let subtitleRight = CellStyle(alignment: .right)
    public static let header = CellStyle(bold: true, alignment: .center, border: true, background: 0xDDEBF7, wrap: true)
    public static let text = CellStyle(border: true)
    public static let center = CellStyle(alignment: .center, border: true)
    public static let money = CellStyle(numberFormat: moneyFormat, border: true)
    public static let totalText = CellStyle(bold: true, alignment: .center, border: true)
    public static let totalMoney = CellStyle(bold: true, numberFormat: moneyFormat, border: true)

    public static func indented(_ level: Int) -> CellStyle {
        CellStyle(border: true, indent: UInt8(clamping: max(0, level - 1)))
    }
}
