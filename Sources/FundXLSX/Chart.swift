import CXLSXWriter

/// A column chart in a workbook, built from ranges of a sheet; inserted into a sheet with
/// `Worksheet.insert(_:row:column:)`.
public struct ColumnChart {
    let chart: UnsafeMutablePointer<lxw_chart>

    /// One series: its name, and the categories and values as ranges such as "=汇总表!$B$5:$B$9".
    public struct Series {
        public let name: String
        public let categories: String
        public let values: String
        public init(name: String, categories: String, values: String) {
            self.name = name
            self.categories = categories
            self.values = values
        }
    }
}

extension Workbook {
    /// A clustered column chart with a title and the given series.
    public func addColumnChart(title: String, series: [ColumnChart.Series], yAxis: String) throws -> ColumnChart {
        guard let chart = try addChart() else { throw XLSXError(operation: "adding chart \(title)", message: "the library could not create the chart") }
        chart_title_set_name(chart, title)
        for item in series {
            guard let added = chart_add_series(chart, item.categories, item.values) else {
                throw XLSXError(operation: "adding series \(item.name) to chart \(title)", message: "the library refused the ranges \(item.categories) and \(item.values)")
            }
            chart_series_set_name(added, item.name)
        }
        chart_axis_set_name(chart.pointee.y_axis, yAxis)
        return ColumnChart(chart: chart)
    }
}

extension Worksheet {
    /// Places a chart with its top left corner at a cell, scaled.
    public func insert(_ chart: ColumnChart, row: Int, column: Int, widthScale: Double = 1.6, heightScale: Double = 1.4) throws {
        var options = lxw_chart_options()
        options.x_scale = widthScale
        options.y_scale = heightScale
        let error = worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), chart.chart, &options)
        if error != LXW_NO_ERROR {
            throw XLSXError(operation: "inserting a chart on sheet \(name)", message: String(cString: lxw_strerror(error)))
        }
    }
}
