import FundCore

/// Per-item subsidies (项目补贴, 一事一补) through their life: registered, approved, disbursed or
/// accrued, settled, with the lines that spent them and the item's log.
///
/// What each act posts and when it is refused is decided by `SubsidyActs` in FundCore; the
/// service loads the item and its figures, asks, and applies the plan through the storage.
public struct SubsidyService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Records a subsidy item as applied for (已申请), or approved when it carries its document.
    public func addSubsidy(_ item: SubsidyItem) throws {
        try writing { storage in
            try authorize(storage, .writeBooks, organization: item.grantor)
            try register(item, in: storage)
        }
    }

    /// Records the items listed in a CSV file (code, grantor, recipient, title, purpose, accounts
    /// separated by spaces, approved, document, document_date, window_start, deadline), all or nothing.
    @discardableResult
    public func importSubsidies(path: String) throws -> Int {
        let (file, records) = try ImportFiles.readCSVRecords(path: path)
        guard let header = records.first else {
            throw InputErrors([InputError(file: file, line: 0, rule: "empty-file", message: "the file is empty; the first row names the columns",
                                          chinese: "文件为空；第一行应写列名")])
        }
        let columns = header.fields.map { $0.lowercased() }
        for required in ["code", "grantor", "recipient", "title", "accounts", "approved", "window_start", "deadline"] where !columns.contains(required) {
            throw InputErrors([InputError(file: file, line: header.line, column: required, rule: "missing-column",
                                          message: "the header has no column \(required); name the columns code,grantor,recipient,title,purpose,accounts,approved,document,document_date,window_start,deadline",
                                          chinese: "表头没有 \(required) 列；列名应为 code,grantor,recipient,title,purpose,accounts,approved,document,document_date,window_start,deadline")])
        }
        return try writing { storage in
            for record in records.dropFirst() {
                var values: [String: String] = [:]
                for (name, value) in zip(columns, record.fields) where !value.isEmpty { values[name] = value }
                func fail(_ column: String, _ message: String, _ chinese: String) -> InputErrors {
                    InputErrors([InputError(file: file, line: record.line, column: column, rule: "bad-subsidy", message: message, chinese: chinese)])
                }
                guard let approved = try? Money(input: values["approved"] ?? "") else { throw fail("approved", "\"\(values["approved"] ?? "")\" is not an amount", "“\(values["approved"] ?? "")”不是金额") }
                guard let start = LocalDate(input: values["window_start"] ?? ""), let deadline = LocalDate(input: values["deadline"] ?? "") else {
                    throw fail("window_start", "the spending window needs window_start and deadline as YYYY-MM-DD", "使用期须给出 window_start 和 deadline，格式 YYYY-MM-DD")
                }
                let documentDate = values["document_date"].flatMap { LocalDate(input: $0) }
                if values["document"] != nil && documentDate == nil { throw fail("document_date", "an approved item needs its document's date, YYYY-MM-DD", "已批复的项目须给出批复文件日期，格式 YYYY-MM-DD") }
                let item = SubsidyItem(code: values["code"] ?? "", grantor: values["grantor"] ?? "", recipient: values["recipient"] ?? "",
                                       title: values["title"] ?? "", purpose: values["purpose"] ?? "",
                                       accounts: (values["accounts"] ?? "").split(separator: " ").map(String.init), approved: approved,
                                       document: values["document"], documentDate: documentDate, windowStart: start, deadline: deadline)
                if !item.grantor.isEmpty, try organizationExists(item.grantor, in: storage) {
                    try authorize(storage, .writeBooks, organization: item.grantor)
                }
                do { try register(item, in: storage) } catch let error as BookError { throw fail("code", error.description, error.chinese) }
            }
            return records.count - 1
        }
    }

    /// Approves an applied item under its approval document (批复文号).
    public func approveSubsidy(code: String, document: String, date: LocalDate) throws {
        try checkText(["the document": document])
        try writing { storage in
            let stored = try storedItem(code, in: storage)
            try authorize(storage, .writeBooks, organization: stored.item.grantor)
            let plan = try decided { () throws(SubsidyProblem) in try SubsidyActs.approve(stored.item, document: document) }
            try storage.approveSubsidyItem(id: stored.id, document: document, date: date)
            try apply(plan, to: stored.id, in: storage, statusSet: true)
        }
    }

    /// Pays a tranche (拨付): posts, in one transaction, the grantor's Dr 50802 / Cr 102 and the
    /// recipient's Dr 102 / Cr 40302, both tagged with the item's project and each other as
    /// counterpart, prepared by `user` and reviewed by `reviewer`.
    public func disburseSubsidy(code: String, amount: Money, date: LocalDate, reviewer: String) throws -> [VoucherRef] {
        try writing { storage in
            let stored = try storedItem(code, in: storage)
            try authorize(storage, .writeBooks, organization: stored.item.grantor)
            let figures = try storage.subsidyFigures(item: stored.item)
            let accrued = Money(fen: try storage.subsidyAccruedFen(item: stored.item))
            let plan = try decided { () throws(SubsidyProblem) in
                try SubsidyActs.disburse(stored.item, figures: figures, accrued: accrued, amount: amount, date: date, preparer: user, reviewer: PersonName.normalized(reviewer))
            }
            return try apply(plan, to: stored.id, in: storage)
        }
    }

    /// Accrues at year end what was approved but not yet paid (domain notes §2.7): the grantor books
    /// Dr 50802 / Cr 21201 and the recipient Dr 13101 / Cr 40302, both tagged with the item; the
    /// payment next year then settles 21201 and 13101.
    public func accrueSubsidy(code: String, amount: Money, date: LocalDate, reviewer: String) throws -> [VoucherRef] {
        try writing { storage in
            let stored = try storedItem(code, in: storage)
            try authorize(storage, .writeBooks, organization: stored.item.grantor)
            let figures = try storage.subsidyFigures(item: stored.item)
            let plan = try decided { () throws(SubsidyProblem) in
                try SubsidyActs.accrue(stored.item, figures: figures, amount: amount, date: date, preparer: user, reviewer: PersonName.normalized(reviewer))
            }
            return try apply(plan, to: stored.id, in: storage)
        }
    }

    /// Settles an item (结项): returns what the recipient did not spend to the grantor, by paired
    /// vouchers (in the year of payment: Dr 40302 / Cr 102 at the recipient, Dr 102 / Cr 50802 at
    /// the grantor; in a later year, after the carry-forward, through 32101 and 32201 年初余额调整),
    /// then closes the item to further postings.
    public func settleSubsidy(code: String, date: LocalDate, reviewer: String) throws -> [VoucherRef] {
        try writing { storage in
            let stored = try storedItem(code, in: storage)
            try authorize(storage, .writeBooks, organization: stored.item.grantor)
            let figures = try storage.subsidyFigures(item: stored.item)
            let firstPaid = figures.balance > 0 ? try storage.subsidyFirstPayment(itemID: stored.id) : nil
            let plan = try decided { () throws(SubsidyProblem) in
                try SubsidyActs.settle(stored.item, figures: figures, firstPaid: firstPaid, date: date, preparer: user, reviewer: PersonName.normalized(reviewer))
            }
            return try apply(plan, to: stored.id, in: storage)
        }
    }

    /// One item, for those who may read the grantor's or the recipient's books.
    public func subsidy(code: String) throws -> SubsidyItem {
        try reading { storage in
            let item = try storedItem(code, in: storage).item
            try authorizeRead(item, in: storage)
            return item
        }
    }

    /// The items a union granted (or received, with `asRecipient`), by code.
    public func subsidies(organization: String, asRecipient: Bool = false) throws -> [(SubsidyItem, SubsidyFigures)] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            return try storage.subsidyCodes(organizationID: organizationID, asRecipient: asRecipient).map { code in
                let item = try storedItem(code, in: storage).item
                return (item, try storage.subsidyFigures(item: item))
            }
        }
    }

    /// Every posted line tagged with the item, in both books.
    public func subsidyLines(code: String) throws -> [(organization: String, line: LedgerLine)] {
        try reading { storage in
            let item = try storedItem(code, in: storage).item
            try authorizeRead(item, in: storage)
            return try [item.grantor, item.recipient].flatMap { organization in
                try storage.subsidyLines(organization: organization, project: code).map { (organization: organization, line: $0) }
            }
        }
    }

    /// The item's log: who applied, approved, paid, accrued and settled it, and when.
    public func subsidyLog(code: String) throws -> [(at: String, by: String, action: String, detail: String)] {
        try reading { storage in
            let stored = try storedItem(code, in: storage)
            try authorizeRead(stored.item, in: storage)
            return try storage.subsidyLog(itemID: stored.id).map { ($0.at, $0.by, $0.action.rawValue, $0.detail) }
        }
    }

    // MARK: - Applying decisions

    /// Checks and records a new item with the first line of its log.
    private func register(_ item: SubsidyItem, in storage: any BookStorage) throws {
        try checkText(["the item code": item.code, "the title": item.title, "the purpose": item.purpose, "the document": item.document])
        try decided { () throws(SubsidyProblem) in try SubsidyActs.check(item) }
        let grantorID = try storage.organizationID(item.grantor), recipientID = try storage.organizationID(item.recipient)
        try FederationService.checkCountySupport(item, in: storage)
        let codeTaken = try storage.subsidyItem(code: item.code) != nil
        let plan = try decided { () throws(SubsidyProblem) in try SubsidyActs.register(item, codeTaken: codeTaken) }
        var registered = item
        registered.status = plan.status
        let id = try storage.insertSubsidyItem(SubsidyItemRecord(item: registered, grantorID: grantorID, recipientID: recipientID,
                                                                 createdAt: Store.now(), createdBy: user))
        try apply(plan, to: id, in: storage, statusSet: true)
    }

    /// Posts the plan's vouchers (as the session's user), links them to the item, sets its status
    /// (unless `statusSet`: recording or approving the item wrote it already) and logs the act;
    /// the posted vouchers' numbers.
    @discardableResult
    private func apply(_ plan: SubsidyActPlan, to itemID: Int64, in storage: any BookStorage, statusSet: Bool = false) throws -> [VoucherRef] {
        let refs = try plan.vouchers.map { act -> VoucherRef in
            let voucher = try storage.postGenerated(act.draft, bookkeeper: user)
            try storage.linkSubsidyVoucher(SubsidyVoucherRecord(itemID: itemID, voucherID: voucher.id, role: act.role, side: act.side))
            guard let ref = voucher.ref else {
                throw BookError.storedValueInvalid(table: "voucher", column: "number", value: "NULL", row: "id \(voucher.id)")
            }
            return ref
        }
        if !statusSet { try storage.setSubsidyStatus(id: itemID, plan.status) }
        try storage.appendSubsidyLog(SubsidyLogRecord(itemID: itemID, at: Store.now(), by: user, action: plan.action, detail: plan.logDetail(posted: refs)))
        return refs
    }

    /// The decision's answer, or its problem as the book's refusal.
    @discardableResult
    private func decided<T>(_ decide: () throws(SubsidyProblem) -> T) throws -> T {
        do throws(SubsidyProblem) { return try decide() } catch { throw BookError.subsidy(error) }
    }

    private func storedItem(_ code: String, in storage: any BookStorage) throws -> StoredSubsidyItem {
        guard let stored = try storage.subsidyItem(code: code) else { throw BookError.subsidy(.unknownItem(code: code)) }
        return stored
    }

    private func organizationExists(_ code: String, in storage: any BookStorage) throws -> Bool {
        do {
            _ = try storage.organizationID(code)
            return true
        } catch let error as BookError {
            if case .unknownOrganization = error { return false }
            throw error
        }
    }

    /// An item is read by those who may read the grantor's or the recipient's books.
    private func authorizeRead(_ item: SubsidyItem, in storage: any BookStorage) throws {
        do { try authorize(storage, .read, organization: item.recipient) } catch { try authorize(storage, .read, organization: item.grantor) }
    }
}

extension Session {
    /// This session's SubsidyService.
    public var subsidies: SubsidyService { SubsidyService(session: self) }
}
