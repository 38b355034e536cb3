import CXLSXWriter

/// One sheet of a `Workbook`. Rows and columns are 0-based, as in the library.
public struct Worksheet {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    unowned let workbook: Workbook
    public let name: String

    /// Excel's limits.
    public static let maximumRows = 1_048_576
    public static let maximumColumns = 16_384

    private func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws {
        try workbook.check(error, "\(operation()) on sheet \(name)")
    }

    /// Writes text with a format resolved beforehand (`Workbook.format(for:)`): for loops over
    /// many rows, where looking the style up for every cell would cost more than writing it.
    public func write(_ text: String, row: Int, column: Int, format: CellFormat) throws {
        let error = worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, format.pointer)
        if error != LXW_NO_ERROR { try check(error, "writing text at \(cellName(row: row, column: column))") }
    }

    /// Writes an amount in fen as yuan with a format resolved beforehand.
    public func write(fen: Int64, row: Int, column: Int, format: CellFormat) throws {
        let error = worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), yuan(fen), format.pointer)
        if error != LXW_NO_ERROR { try check(error, "writing a number at \(cellName(row: row, column: column))") }
    }

    public func write(_ text: String, row: Int, column: Int, style: CellStyle = .text) throws {
        try check(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, workbook.format(style)),
                  "writing text at \(cellName(row: row, column: column))")
    }

    /// Writes an amount held in fen as yuan.
    public func write(fen: Int64, row: Int, column: Int, style: CellStyle = .money) throws {
        try check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), yuan(fen), workbook.format(style)),
                  "writing a number at \(cellName(row: row, column: column))")
    }

    public func write(number: Double, row: Int, column: Int, style: CellStyle = .text) throws {
        try check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, workbook.format(style)),
                  "writing a number at \(cellName(row: row, column: column))")
    }

    /// A formula with the value it evaluates to, so viewers that do not recalculate still show
    /// the right figure.
    public func write(formula: String, cachedFen: Int64, row: Int, column: Int, style: CellStyle = .totalMoney) throws {
        try check(worksheet_write_formula_num(sheet, lxw_row_t(row), lxw_col_t(column), formula, workbook.format(style), yuan(cachedFen)),
                  "writing a formula at \(cellName(row: row, column: column))")
    }

    /// Merges a range and writes `text` into it; a one-cell range is simply written (the library
    /// refuses to merge a single cell).
    /// A formula with a cached plain number (a count, not money).
    public func write(formula: String, cachedNumber: Double, row: Int, column: Int, style: CellStyle) throws {
        try check(worksheet_write_formula_num(sheet, lxw_row_t(row), lxw_col_t(column), formula, workbook.format(style), cachedNumber),
                  "writing a formula at \(cellName(row: row, column: column))")
    }

    /// A formula whose value is a ratio, shown as a percentage with two decimals.
    public func write(formula: String, cachedPercent: Double, row: Int, column: Int) throws {
        try check(worksheet_write_formula_num(sheet, lxw_row_t(row), lxw_col_t(column), formula,
                                              workbook.format(CellStyle(numberFormat: "0.00%", border: true)), cachedPercent),
                  "writing a formula at \(cellName(row: row, column: column))")
    }

    public func merge(_ text: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>, style: CellStyle) throws {
        if rows.count == 1 && columns.count == 1 {
            try write(text, row: rows.lowerBound, column: columns.lowerBound, style: style)
            return
        }
        try check(worksheet_merge_range(sheet, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound), lxw_row_t(rows.upperBound),
                                        lxw_col_t(columns.upperBound), text, workbook.format(style)), "merging cells")
    }

    public func setColumns(_ columns: ClosedRange<Int>, width: Double) throws {
        try check(worksheet_set_column(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, nil), "setting column widths")
    }

    /// Hides columns that formulas and filters use but a printed page need not show.
    public func hideColumns(_ columns: ClosedRange<Int>, width: Double) throws {
        var options = lxw_row_col_options(hidden: 1, level: 0, collapsed: 0)
        try check(worksheet_set_column_opt(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, nil, &options),
                  "hiding columns")
    }

    public func setRow(_ row: Int, height: Double) throws {
        try check(worksheet_set_row(sheet, lxw_row_t(row), height, nil), "setting a row height")
    }

    /// Folds a row under an outline level (1 to 7) so Excel can collapse a tree.
    public func setRowOutline(_ row: Int, level: Int) throws {
        var options = lxw_row_col_options(hidden: 0, level: UInt8(clamping: min(7, max(0, level))), collapsed: 0)
        try check(worksheet_set_row_opt(sheet, lxw_row_t(row), LXW_DEF_ROW_HEIGHT, nil, &options), "setting a row outline")
    }

    public func freezePanes(row: Int, column: Int) {
        worksheet_freeze_panes(sheet, lxw_row_t(row), lxw_col_t(column))
    }

    public func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) throws {
        try check(worksheet_autofilter(sheet, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound), lxw_row_t(rows.upperBound),
                                       lxw_col_t(columns.upperBound)), "setting the autofilter")
    }

    /// A4, landscape or portrait, fitted to one page wide, header rows repeated on every page,
    /// page numbers in the footer.
    public func setPrintLayout(landscape: Bool, repeatRows: ClosedRange<Int>?, footer: String = "&C第 &P 页，共 &N 页") throws {
        worksheet_set_paper(sheet, 9)
        if landscape { worksheet_set_landscape(sheet) } else { worksheet_set_portrait(sheet) }
        worksheet_fit_to_pages(sheet, 1, 0)
        worksheet_center_horizontally(sheet)
        if let repeatRows {
            try check(worksheet_repeat_rows(sheet, lxw_row_t(repeatRows.lowerBound), lxw_row_t(repeatRows.upperBound)), "repeating header rows")
        }
        // The book's chain heads, when the workbook carries them, on the footer's left.
        let footer = workbook.anchors.isEmpty ? footer : Workbook.anchorFooter(workbook.anchors) + footer
        try check(worksheet_set_footer(sheet, footer), "setting the footer")
    }

    func yuan(_ fen: Int64) -> Double { Double(fen) / 100 }
}

/// "A1" style name of a 0-based cell.
public func cellName(row: Int, column: Int) -> String {
    columnName(column) + String(row + 1)
}

/// "A", "B", ..., "Z", "AA", ... for a 0-based column.
public func columnName(_ column: Int) -> String {
    var index = column + 1
    var name = ""
    while index > 0 {
        let remainder = (index - 1) % 26
        name = String(UnicodeScalar(UInt8(65 + remainder))) + name
        index = (index - 1) / 26
    }
    return name
}
