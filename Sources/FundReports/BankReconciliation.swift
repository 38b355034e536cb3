import FundCore

/// 银行存款余额调节表: for one bank account on one date, the book's balance (单位银行存款日记账余额)
/// plus what the bank received and the book has not (银行已收、单位未收) less what the bank paid and
/// the book has not (银行已付、单位未付); beside it the bank's balance (银行对账单余额) plus what the book
/// received and the bank has not, less what the book paid and the bank has not. The two adjusted
/// balances are equal when every difference is a movement in transit; otherwise the difference is
/// named, for the officer to find.
public struct BankReconciliation: Sendable {
    /// A movement one side has and the other has not: its date, voucher or bank reference, summary
    /// and amount (above zero; the block says whether it is received or paid).
    public struct Item: Hashable, Sendable {
        public var date: LocalDate
        public var reference: String
        public var summary: String
        public var amountFen: Int64
    }

    /// One side of the form: its balance, what is added and what is taken away, and the result.
    public struct Block: Sendable {
        public var title: String
        public var balanceLabel: String
        public var balanceFen: Int64
        public var addLabel: String
        public var added: [Item]
        public var addedFen: Int64
        public var lessLabel: String
        public var taken: [Item]
        public var takenFen: Int64
        public var adjustedFen: Int64
    }

    public static let title = "银行存款余额调节表"

    public let organization: Organization
    public let accountCode: String
    public let accountName: String
    public let date: LocalDate
    public let statementFrom: LocalDate
    /// 单位银行存款日记账 side.
    public let book: Block
    /// 银行对账单 side.
    public let bank: Block

    /// The book's adjusted balance less the bank's: zero when they agree.
    public var differenceFen: Int64 { book.adjustedFen &- bank.adjustedFen }

    /// The conclusion line of the form.
    public var conclusion: String {
        differenceFen == 0 ? "调节后余额相等" : "调节后余额不等，差额 \(Money(fen: differenceFen).grouped)：请逐笔核对未达账项和对账单"
    }

    /// The 调节表 of `input`; a sum beyond Int64 fen throws `SumOverflow`.
    public static func make(_ input: BankReconciliationInput, organization: Organization, chart: Chart) throws(SumOverflow) -> BankReconciliation {
        let overflow = SumOverflow(organization: organization.code, account: input.accountCode, month: input.date.period)
        func items(_ list: [BankReconciliationInput.Item], received: Bool) -> [Item] {
            list.filter { received ? $0.signedFen > 0 : $0.signedFen < 0 }
                .map { Item(date: $0.date, reference: $0.reference, summary: $0.summary, amountFen: $0.signedFen == .min ? .max : abs($0.signedFen)) }
        }
        func total(_ list: [Item]) throws(SumOverflow) -> Int64 {
            var sum: Int64 = 0
            for item in list { sum = try sum.adding(item.amountFen, or: overflow) }
            return sum
        }
        func block(_ title: String, _ balanceLabel: String, _ balance: Int64, _ addLabel: String, _ added: [Item], _ lessLabel: String,
                   _ taken: [Item]) throws(SumOverflow) -> Block {
            let plus = try total(added), minus = try total(taken)
            return Block(title: title, balanceLabel: balanceLabel, balanceFen: balance, addLabel: addLabel, added: added, addedFen: plus,
                         lessLabel: lessLabel, taken: taken, takenFen: minus,
                         adjustedFen: try balance.adding(plus, or: overflow).subtracting(minus, or: overflow))
        }
        let book = try block("单位银行存款日记账", "单位银行存款日记账余额", input.bookBalanceFen, "加：银行已收、单位未收", items(input.bankOnly, received: true),
                             "减：银行已付、单位未付", items(input.bankOnly, received: false))
        let bank = try block("银行对账单", "银行对账单余额", input.bankBalanceFen, "加：单位已收、银行未收", items(input.bookOnly, received: true),
                             "减：单位已付、银行未付", items(input.bookOnly, received: false))
        _ = try book.adjustedFen.subtracting(bank.adjustedFen, or: overflow)
        return BankReconciliation(organization: organization, accountCode: input.accountCode, accountName: chart.fullName(input.accountCode) ?? "银行存款",
                                  date: input.date, statementFrom: input.statementFrom, book: book, bank: bank)
    }

    /// A row of the form as a table, CSV or JSON lists it.
    public struct Row: Hashable, Sendable {
        /// `book` or `bank`.
        public var side: String
        /// `balance`, `add`, `less`, `item` or `adjusted`.
        public var kind: String
        public var label: String
        public var item: Item?
        public var amountFen: Int64
    }

    /// The rows of one block, in the form's order.
    public static func rows(_ block: Block, side: String) -> [Row] {
        var rows = [Row(side: side, kind: "balance", label: block.balanceLabel, amountFen: block.balanceFen),
                    Row(side: side, kind: "add", label: block.addLabel, amountFen: block.addedFen)]
        rows += block.added.map { Row(side: side, kind: "item", label: "", item: $0, amountFen: $0.amountFen) }
        rows.append(Row(side: side, kind: "less", label: block.lessLabel, amountFen: block.takenFen))
        rows += block.taken.map { Row(side: side, kind: "item", label: "", item: $0, amountFen: $0.amountFen) }
        rows.append(Row(side: side, kind: "adjusted", label: "调节后余额", amountFen: block.adjustedFen))
        return rows
    }

    public static let headers = ["项目", "日期", "凭证号/参考号", "摘要", "金额"]
    public static let keys = ["side", "kind", "label", "date", "reference", "summary", "amount"]

    /// The form as a text table, CSV or JSON.
    public func rendered(_ format: OutputFormat) -> String {
        let all = Self.rows(book, side: "book") + Self.rows(bank, side: "bank")
        switch format {
        case .table:
            var text = "\(Self.title)  \(organization.name)（\(organization.code)）  \(accountCode) \(accountName)  \(date)  单位：元\n"
            for block in [book, bank] {
                text += "\n\(block.title)\n"
                text += Render.table(headers: Self.headers, rows: Self.rows(block, side: "").map { row in
                    [row.item == nil ? row.label : "", row.item?.date.description ?? "", row.item?.reference ?? "", row.item?.summary ?? "",
                     Money(fen: row.amountFen).grouped]
                }, rightAligned: [4])
            }
            return text + "\n" + conclusion + "\n"
        case .csv:
            return Render.csv(headers: Self.keys, rows: all.map { row in
                [row.side, row.kind, row.label, row.item?.date.description ?? "", row.item?.reference ?? "", row.item?.summary ?? "",
                 Money(fen: row.amountFen).description]
            })
        case .json:
            let items = all.map { row in
                Render.jsonObject([("side", Render.jsonString(row.side)), ("kind", Render.jsonString(row.kind)), ("label", Render.jsonString(row.label)),
                                   ("date", row.item.map { Render.jsonString($0.date.description) } ?? "null"),
                                   ("reference", row.item.map { Render.jsonString($0.reference) } ?? "null"),
                                   ("summary", row.item.map { Render.jsonString($0.summary) } ?? "null"),
                                   ("amount", Render.jsonString(Money(fen: row.amountFen).description))], indent: "    ")
            }
            return Render.jsonObject([("report", Render.jsonString(Self.title)), ("organization", Render.jsonString(organization.code)),
                                      ("account", Render.jsonString(accountCode)), ("date", Render.jsonString(date.description)),
                                      ("statement_from", Render.jsonString(statementFrom.description)),
                                      ("book_adjusted", Render.jsonString(Money(fen: book.adjustedFen).description)),
                                      ("bank_adjusted", Render.jsonString(Money(fen: bank.adjustedFen).description)),
                                      ("difference", Render.jsonString(Money(fen: differenceFen).description)),
                                      ("rows", Render.jsonArray(items, indent: "  "))]) + "\n"
        }
    }
}
