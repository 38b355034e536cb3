import FundCore
import GRDB

/// Per-item subsidies (项目补贴, 一事一补) through their life: registered, approved, disbursed or
/// accrued, settled, with the lines that spent them and the item's log.
public struct SubsidyService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Records a subsidy item as applied for (已申请), or approved when it carries its document.
    public func addSubsidy(_ item: SubsidyItem) throws {
        try write { db in
            try authorize(db, .writeBooks, organization: item.grantor)
            try SQLiteBook.insertSubsidy(db, item, by: user)
        }
    }

    /// Records the items listed in a CSV file (code, grantor, recipient, title, purpose, accounts
    /// separated by spaces, approved, document, document_date, window_start, deadline), all or nothing.
    @discardableResult
    public func importSubsidies(path: String) throws -> Int {
        let (file, records) = try SQLiteBook.readCSVRecords(path: path)
        guard let header = records.first else {
            throw InputErrors([InputError(file: file, line: 0, rule: "empty-file", message: "the file is empty; the first row names the columns")])
        }
        let columns = header.fields.map { $0.lowercased() }
        for required in ["code", "grantor", "recipient", "title", "accounts", "approved", "window_start", "deadline"] where !columns.contains(required) {
            throw InputErrors([InputError(file: file, line: header.line, column: required, rule: "missing-column",
                                          message: "the header has no column \(required); name the columns code,grantor,recipient,title,purpose,accounts,approved,document,document_date,window_start,deadline")])
        }
        return try write { db in
            for record in records.dropFirst() {
                var values: [String: String] = [:]
                for (name, value) in zip(columns, record.fields) where !value.isEmpty { values[name] = value }
                func fail(_ column: String, _ message: String) -> InputErrors {
                    InputErrors([InputError(file: file, line: record.line, column: column, rule: "bad-subsidy", message: message)])
                }
                guard let approved = try? Money(parsing: values["approved"] ?? "") else { throw fail("approved", "\"\(values["approved"] ?? "")\" is not an amount") }
                guard let start = LocalDate(parsing: values["window_start"] ?? ""), let deadline = LocalDate(parsing: values["deadline"] ?? "") else {
                    throw fail("window_start", "the spending window needs window_start and deadline as YYYY-MM-DD")
                }
                let documentDate = values["document_date"].flatMap { LocalDate(parsing: $0) }
                if values["document"] != nil && documentDate == nil { throw fail("document_date", "an approved item needs its document's date, YYYY-MM-DD") }
                let item = SubsidyItem(code: values["code"] ?? "", grantor: values["grantor"] ?? "", recipient: values["recipient"] ?? "",
                                       title: values["title"] ?? "", purpose: values["purpose"] ?? "",
                                       accounts: (values["accounts"] ?? "").split(separator: " ").map(String.init), approved: approved,
                                       document: values["document"], documentDate: documentDate, windowStart: start, deadline: deadline)
                if !item.grantor.isEmpty, try Int.fetchOne(db, sql: "SELECT count(*) FROM organization WHERE code = ?", arguments: [item.grantor])! > 0 {
                    try authorize(db, .writeBooks, organization: item.grantor)
                }
                do { try SQLiteBook.insertSubsidy(db, item, by: user) } catch let error as BookError { throw fail("code", error.description) }
            }
            return records.count - 1
        }
    }

    /// Approves an applied item under its approval document (批复文号).
    public func approveSubsidy(code: String, document: String, date: LocalDate) throws {
        try write { db in
            let (id, item) = try SQLiteBook.subsidyItem(db, code: code)
            try authorize(db, .writeBooks, organization: item.grantor)
            guard item.status == .applied else { throw BookError.subsidy("subsidy item \(code) is \(item.status.chinese), not awaiting approval") }
            try db.execute(sql: "UPDATE subsidy_item SET status = 'approved', document = ?, document_date = ? WHERE id = ?",
                           arguments: [document, date.description, id])
            try SQLiteBook.logSubsidy(db, id, user, "approve", document)
        }
    }

    /// Pays a tranche (拨付): posts, in one transaction, the grantor's Dr 50802 / Cr 102 and the
    /// recipient's Dr 102 / Cr 40302, both tagged with the item's project and each other as
    /// counterpart, prepared by `user` and reviewed by `reviewer`.
    public func disburseSubsidy(code: String, amount: Money, date: LocalDate, reviewer: String) throws -> [VoucherRef] {
        try write { db in
            let (id, item) = try SQLiteBook.subsidyItem(db, code: code)
            try authorize(db, .writeBooks, organization: item.grantor)
            guard item.status == .approved || item.status == .disbursed else {
                throw BookError.subsidy("subsidy item \(code) is \(item.status.chinese); only an approved item is paid")
            }
            let figures = try SQLiteBook.subsidyFigures(db, item: item)
            guard amount.fen > 0 else { throw BookError.subsidy("a tranche of subsidy item \(code) must be a positive amount") }
            // Paying what a year-end accrual already expensed settles the payable instead.
            let accrued = try SQLiteBook.accruedOutstanding(db, item: item)
            if accrued > 0 && amount.fen != accrued {
                throw BookError.subsidy("subsidy item \(code) has \(Money(fen: accrued).grouped) accrued at year end (21201/13101); pay exactly that first")
            }
            if accrued == 0 && figures.disbursed + amount.fen > item.approved.fen {
                throw BookError.subsidy("paying \(amount.grouped) would take subsidy item \(code) over the approved \(item.approved.grouped)")
            }
            let tag = Dimensions(project: code, counterpart: item.recipient), back = Dimensions(project: code, counterpart: item.grantor)
            let give = VoucherDraft(organization: item.grantor, date: date, summary: "拨付\(item.recipient)\(item.title)（\(code)）", attachments: 1,
                                    preparer: user, reviewer: reviewer, lines: [
                                        accrued > 0 ? VoucherLine(accountCode: "21201", side: .debit, amount: amount, dimensions: tag)
                                            : VoucherLine(accountCode: "50802", side: .debit, amount: amount,
                                                          dimensions: Dimensions(project: code, expenseType: .project, counterpart: item.recipient)),
                                        VoucherLine(accountCode: "102", side: .credit, amount: amount)])
            let receive = VoucherDraft(organization: item.recipient, date: date, summary: "收到\(item.grantor)\(item.title)（\(code)）", attachments: 1,
                                       preparer: user, reviewer: reviewer, lines: [
                                           VoucherLine(accountCode: "102", side: .debit, amount: amount),
                                           VoucherLine(accountCode: accrued > 0 ? "13101" : "40302", side: .credit, amount: amount, dimensions: back)])
            let refs = try SQLiteBook.postPair(db, item: id, role: "disburse", [(give, "grantor"), (receive, "recipient")], bookkeeper: user)
            try db.execute(sql: "UPDATE subsidy_item SET status = 'disbursed' WHERE id = ?", arguments: [id])
            try SQLiteBook.logSubsidy(db, id, user, "disburse", "\(amount) \(refs.map(\.description).joined(separator: " "))")
            return refs
        }
    }

    /// Accrues at year end what was approved but not yet paid (domain notes §2.7): the grantor books
    /// Dr 50802 / Cr 21201 and the recipient Dr 13101 / Cr 40302, both tagged with the item; the
    /// payment next year then settles 21201 and 13101.
    public func accrueSubsidy(code: String, amount: Money, date: LocalDate, reviewer: String) throws -> [VoucherRef] {
        try write { db in
            let (id, item) = try SQLiteBook.subsidyItem(db, code: code)
            try authorize(db, .writeBooks, organization: item.grantor)
            guard item.status == .approved || item.status == .disbursed else {
                throw BookError.subsidy("subsidy item \(code) is \(item.status.chinese); only an approved item is accrued")
            }
            let figures = try SQLiteBook.subsidyFigures(db, item: item)
            guard amount.fen > 0, figures.disbursed + amount.fen <= item.approved.fen else {
                throw BookError.subsidy("accruing \(amount.grouped) would take subsidy item \(code) over the approved \(item.approved.grouped)")
            }
            let give = VoucherDraft(organization: item.grantor, date: date, summary: "计提应拨\(item.recipient)\(item.title)（\(code)）", attachments: 1,
                                    preparer: user, reviewer: reviewer, lines: [
                                        VoucherLine(accountCode: "50802", side: .debit, amount: amount,
                                                    dimensions: Dimensions(project: code, expenseType: .project, counterpart: item.recipient)),
                                        VoucherLine(accountCode: "21201", side: .credit, amount: amount, dimensions: Dimensions(project: code, counterpart: item.recipient))])
            let receive = VoucherDraft(organization: item.recipient, date: date, summary: "应收\(item.grantor)\(item.title)（\(code)）", attachments: 1,
                                       preparer: user, reviewer: reviewer, lines: [
                                           VoucherLine(accountCode: "13101", side: .debit, amount: amount, dimensions: Dimensions(project: code, counterpart: item.grantor)),
                                           VoucherLine(accountCode: "40302", side: .credit, amount: amount, dimensions: Dimensions(project: code, counterpart: item.grantor))])
            let refs = try SQLiteBook.postPair(db, item: id, role: "disburse", [(give, "grantor"), (receive, "recipient")], bookkeeper: user)
            try db.execute(sql: "UPDATE subsidy_item SET status = 'disbursed' WHERE id = ?", arguments: [id])
            try SQLiteBook.logSubsidy(db, id, user, "accrue", "\(amount) \(refs.map(\.description).joined(separator: " "))")
            return refs
        }
    }

    /// Settles an item (结项): returns what the recipient did not spend to the grantor, by paired
    /// vouchers (in the year of payment: Dr 40302 / Cr 102 at the recipient, Dr 102 / Cr 50802 at
    /// the grantor; in a later year, after the carry-forward, through 32101 and 32201 年初余额调整),
    /// then closes the item to further postings.
    public func settleSubsidy(code: String, date: LocalDate, reviewer: String) throws -> [VoucherRef] {
        try write { db in
            let (id, item) = try SQLiteBook.subsidyItem(db, code: code)
            try authorize(db, .writeBooks, organization: item.grantor)
            guard item.status != .settled else { throw BookError.subsidy("subsidy item \(code) is already settled") }
            let figures = try SQLiteBook.subsidyFigures(db, item: item)
            var refs: [VoucherRef] = []
            if figures.balance > 0 {
                let amount = Money(fen: figures.balance)
                let paidYear = try String.fetchOne(db, sql: """
                    SELECT min(v.date) FROM subsidy_voucher s JOIN voucher v ON v.id = s.voucher_id WHERE s.item_id = ? AND s.role = 'disburse'
                    """, arguments: [id]).flatMap { LocalDate(parsing: $0)?.year } ?? date.year
                let sameYear = paidYear == date.year
                let back = VoucherDraft(organization: item.recipient, date: date, summary: "退回\(item.grantor)\(item.title)结余（\(code)）", attachments: 1,
                                        preparer: user, reviewer: reviewer, lines: [
                                            VoucherLine(accountCode: sameYear ? "40302" : "32101", side: .debit, amount: amount,
                                                        dimensions: Dimensions(project: code, counterpart: item.grantor)),
                                            VoucherLine(accountCode: "102", side: .credit, amount: amount)])
                let recover = VoucherDraft(organization: item.grantor, date: date, summary: "收回\(item.recipient)\(item.title)结余（\(code)）", attachments: 1,
                                           preparer: user, reviewer: reviewer, lines: [
                                               VoucherLine(accountCode: "102", side: .debit, amount: amount),
                                               VoucherLine(accountCode: sameYear ? "50802" : "32201", side: .credit, amount: amount,
                                                           dimensions: Dimensions(project: code, expenseType: sameYear ? .project : nil, counterpart: item.recipient))])
                refs = try SQLiteBook.postPair(db, item: id, role: "return", [(back, "recipient"), (recover, "grantor")], bookkeeper: user)
            }
            try db.execute(sql: "UPDATE subsidy_item SET status = 'settled' WHERE id = ?", arguments: [id])
            try SQLiteBook.logSubsidy(db, id, user, "settle", date.description + ": " + (refs.isEmpty ? "nothing to return" : "returned \(Money(fen: figures.balance)) \(refs.map(\.description).joined(separator: " "))"))
            return refs
        }
    }

    public func subsidy(code: String) throws -> SubsidyItem {
        try read { db in
            let item = try SQLiteBook.subsidyItem(db, code: code).1
            try authorizeSubsidyRead(db, item)
            return item
        }
    }

    /// The items a union granted (or received, with `asRecipient`), by code.
    public func subsidies(organization: String, asRecipient: Bool = false) throws -> [(SubsidyItem, SubsidyFigures)] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            let codes = try String.fetchAll(db, sql: "SELECT code FROM subsidy_item WHERE \(asRecipient ? "recipient_id" : "grantor_id") = ? ORDER BY code",
                                            arguments: [organizationID])
            return try codes.map { code in
                let item = try SQLiteBook.subsidyItem(db, code: code).1
                return (item, try SQLiteBook.subsidyFigures(db, item: item))
            }
        }
    }

    /// Every posted line tagged with the item, in both books.
    public func subsidyLines(code: String) throws -> [(organization: String, line: LedgerLine)] {
        try read { db in
            let item = try SQLiteBook.subsidyItem(db, code: code).1
            try authorizeSubsidyRead(db, item)
            return try [item.grantor, item.recipient].flatMap { (organization: String) -> [(organization: String, line: LedgerLine)] in
                try Row.fetchAll(db, sql: """
                    SELECT v.date, v.period, v.word, v.number, v.summary, l.summary AS line_summary, a.code, l.side, l.amount, l.project
                    FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN account a ON a.id = l.account_id
                    JOIN organization o ON o.id = v.organization_id
                    WHERE o.code = ? AND v.status = 'posted' AND l.project = ? AND v.kind <> 'closing'
                    ORDER BY v.date, v.number, l.position
                    """, arguments: [organization, code]).map { (organization: organization, line: try LedgerLine(row: $0)) }
            }
        }
    }

    public func subsidyLog(code: String) throws -> [(at: String, by: String, action: String, detail: String)] {
        try read { db in
            let (id, item) = try SQLiteBook.subsidyItem(db, code: code)
            try authorizeSubsidyRead(db, item)
            return try Row.fetchAll(db, sql: "SELECT * FROM subsidy_log WHERE item_id = ? ORDER BY id", arguments: [id]).map {
                ($0["at"], $0["by"], $0["action"], $0["detail"])
            }
        }
    }

    /// An item is read by those who may read the grantor's or the recipient's books.
    func authorizeSubsidyRead(_ db: Database, _ item: SubsidyItem) throws {
        do { try authorize(db, .read, organization: item.recipient) } catch { try authorize(db, .read, organization: item.grantor) }
    }
}

extension Session {
    /// This session's SubsidyService.
    public var subsidies: SubsidyService { SubsidyService(session: self) }
}
