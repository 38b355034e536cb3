import Foundation
import FundCore
import FundStore

/// A fresh book in its own temporary folder, with a county union and a federation under it.
public struct TestBook {
    public let folder: String
    public let path: String
    public let book: Session

    public init() throws {
        try self.init(organizations: true)
    }

    /// A book with no organisations.
    public static func empty() throws -> TestBook { try TestBook(organizations: false) }

    private init(organizations: Bool) throws {
        folder = NSTemporaryDirectory() + "fundledger-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/book.sqlite"
        book = try Store.create(at: path, administrator: "t").session(as: "t")
        // The test user keeps every organisation's books (an accounting centre).
        try book.access.grant(RoleGrant(user: "t", role: .officer))
        // The preparer and the reviewer `post` names are officers too: a voucher posts only with
        // real people on it.
        for officer in ["王芳", "李强"] { try book.access.grant(RoleGrant(user: officer, role: .officer)) }
        guard organizations else { return }
        try book.organizations.addOrganization(Organization(code: "CTY-01", name: "某某县总工会", level: .county))
        try book.organizations.addOrganization(Organization(code: "FED-01", name: "某某县物流行业工会联合会", level: .federation,
                                              parentCode: "CTY-01", independent: true))
    }

    /// Prepares, reviews and posts a voucher in one go.
    @discardableResult
    public func post(_ organization: String = "FED-01", _ date: String, _ lines: [(String, Int64)], summary: String = "测试凭证",
              project: String? = nil, counterpart: String? = nil) throws -> Voucher {
        let draft = VoucherDraft(organization: organization, date: LocalDate(parsing: date)!, summary: summary, attachments: 1,
                                 preparer: "王芳", lines: lines.map { code, fen in
                                     VoucherLine(accountCode: code, side: fen >= 0 ? .debit : .credit, amount: Money(fen: fen.magnitude > 0 ? Int64(fen.magnitude) : 0),
                                                 dimensions: Dimensions(project: project, counterpart: counterpart))
                                 })
        let voucher = try book.vouchers.addVoucher(draft)
        try book.store.session(as: "李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        return try book.vouchers.postVoucher(id: voucher.id, bookkeeper: "张会计")
    }

    public func write(_ name: String, _ text: String) throws -> String {
        let file = folder + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// A session of the same store as another finance officer of every organisation, for acts
    /// whose record names who did them.
    public func officer(_ user: String) throws -> Session {
        try book.access.grant(RoleGrant(user: user, role: .officer))
        return book.store.session(as: user)
    }

    /// The same book opened as another user, to test what that user's roles allow.
    public func opened(as user: String) throws -> Session { try Store.open(at: path).session(as: user) }

    public func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Net balance (debit - credit) per account over everything posted.
    public func netBalances(_ organization: String = "FED-01") throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for turnover in try book.ledger.turnovers(organization: organization, from: Period(year: 1900, month: 1)!, to: Period(year: 9999, month: 12)!) {
            result[turnover.code] = turnover.closingNetFen
        }
        return result.filter { $0.value != 0 }
    }
}
