import FundCore

/// A list of vouchers: one row per voucher with its totals and status.
public struct VoucherList: Sendable {
    public let vouchers: [Voucher]
    public init(vouchers: [Voucher]) { self.vouchers = vouchers }

    public static let keys = ["id", "organization", "number", "date", "summary", "debit_total", "credit_total", "status",
                              "preparer", "reviewer", "bookkeeper", "reverses", "reversed_by_id"]

    private func totals(_ v: Voucher) -> (debit: Int64, credit: Int64) {
        (v.draft.lines.filter { $0.side == .debit }.reduce(0) { $0 + $1.amount.fen },
         v.draft.lines.filter { $0.side == .credit }.reduce(0) { $0 + $1.amount.fen })
    }

    private func fields(_ v: Voucher) -> [String] {
        let (debit, credit) = totals(v)
        return [String(v.id), v.draft.organization, v.ref?.description ?? "", v.draft.date.description, v.draft.summary,
                Money(fen: debit).description, Money(fen: credit).description, v.status.rawValue, v.draft.preparer,
                v.reviewer ?? "", v.bookkeeper ?? "", v.draft.reverses?.description ?? "", v.reversedByID.map(String.init) ?? ""]
    }

    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            return Render.table(headers: ["id", "凭证号", "日期", "摘要", "借方合计", "贷方合计", "状态", "制单", "审核", "记账"],
                                rows: vouchers.map { v in
                                    let f = fields(v)
                                    let mark = v.draft.isRedInk ? "（红字）" : (v.reversedByID != nil ? "（已冲销）" : "")
                                    let (debit, credit) = totals(v)
                                    return [f[0], f[2], f[3], f[4] + mark, Money(fen: debit).grouped,
                                            Money(fen: credit).grouped, v.status.chinese, f[8], f[9], f[10]]
                                }, rightAligned: [0, 4, 5])
        case .csv:
            return Render.csv(headers: VoucherList.keys, rows: vouchers.map(fields))
        case .json:
            return Render.jsonArray(vouchers.map { v in
                let f = fields(v)
                return Render.jsonObject(zip(VoucherList.keys, f).map { key, value in
                    (key, key == "id" ? value : (value.isEmpty && (key == "reviewer" || key == "bookkeeper" || key == "number" || key == "reverses" || key == "reversed_by_id") ? "null" : Render.jsonString(value)))
                }, indent: "  ")
            }) + "\n"
        }
    }
}

/// One voucher laid out like the printed 记账凭证.
public struct VoucherView: Sendable {
    public let voucher: Voucher
    public let chart: Chart
    public init(voucher: Voucher, chart: Chart) {
        self.voucher = voucher
        self.chart = chart
    }

    public func rendered() -> String {
        let v = voucher
        let d = v.draft
        var text = "记账凭证  \(v.ref.map { $0.chinese + "（" + $0.description + "）" } ?? "未编号（#\(v.id)）")\n"
        text += "单位：\(d.organization)    日期：\(d.date)    附件 \(d.attachments) 张    状态：\(v.status.chinese)\n"
        if let reverses = d.reverses { text += "红字冲销：\(reverses)\n" }
        if let by = v.reversedByID { text += "已被红字凭证 #\(by) 冲销\n" }
        text += "摘要：\(d.summary)\n"
        var rows: [[String]] = []
        var debit: Int64 = 0, credit: Int64 = 0
        for line in d.lines {
            var dims: [String] = []
            if let p = line.dimensions.project { dims.append("项目:" + p) }
            if let e = line.dimensions.expenseType { dims.append(e.chinese) }
            if let b = line.dimensions.basicClass { dims.append(b.chinese) }
            if let c = line.dimensions.economicClass { dims.append("经济分类:" + c) }
            if let c = line.dimensions.counterpart { dims.append("往来:" + c) }
            if let s = line.dimensions.fundSource { dims.append(s.chinese) }
            let amount = line.amount.grouped
            rows.append([line.accountCode, chart.fullName(line.accountCode) ?? "?", line.side == .debit ? amount : "",
                         line.side == .credit ? amount : "", ([line.summary] + dims).filter { !$0.isEmpty }.joined(separator: " ")])
            if line.side == .debit { debit += line.amount.fen } else { credit += line.amount.fen }
        }
        rows.append(["", "合计", Money(fen: debit).grouped, Money(fen: credit).grouped, ""])
        text += Render.table(headers: ["科目编码", "会计科目", "借方金额", "贷方金额", "说明"], rows: rows, rightAligned: [2, 3])
        // A historical person (an old book's history imported with --historical) is marked as such.
        func marked(_ name: String, _ duty: VoucherDuty) -> String { v.historicalDuties.contains(duty) ? name + "（历史人员）" : name }
        text += "制单：\(marked(d.preparer, .preparer))    审核：\(marked(v.reviewer ?? "", .reviewer))    记账：\(v.bookkeeper ?? "")\n"
        return text
    }
}
