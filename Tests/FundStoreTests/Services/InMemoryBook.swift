import FundCore
@testable import FundStore

/// A book in memory for a service's tests: administered by "admin", with a county union and a
/// federation under it, and an officer "王芳" who keeps the federation's books.
struct InMemoryBook {
    let store: Store
    let admin: Session

    init() throws {
        store = try Store.inMemory(administrator: "admin")
        admin = store.session(as: "admin")
        try admin.organizations.addOrganization(Organization(code: "CTY-01", name: "某某县总工会", level: .county))
        try admin.organizations.addOrganization(Organization(code: "FED-01", name: "某某县物流行业工会联合会", level: .federation,
                                                             parentCode: "CTY-01", independent: true))
        try admin.access.grant(RoleGrant(user: "王芳", role: .officer, organization: "FED-01"))
        try admin.access.grant(RoleGrant(user: "李强", role: .officer, organization: "FED-01"))
    }

    /// A session of the same store as `user`.
    func session(_ user: String) -> Session { store.session(as: user) }

    /// Prepares (as 王芳), reviews (as 李强) and posts (as 王芳) a voucher of FED-01.
    @discardableResult
    func post(_ date: String, _ lines: [(String, Int64)], summary: String = "测试凭证") throws -> Voucher {
        let draft = VoucherDraft(organization: "FED-01", date: LocalDate(parsing: date)!, summary: summary, attachments: 1, preparer: "王芳",
                                 lines: lines.map { code, fen in
                                     VoucherLine(accountCode: code, side: fen >= 0 ? .debit : .credit, amount: Money(fen: Int64(fen.magnitude)))
                                 })
        let voucher = try session("王芳").vouchers.addVoucher(draft)
        try session("李强").vouchers.reviewVoucher(id: voucher.id, reviewer: "李强")
        return try session("王芳").vouchers.postVoucher(id: voucher.id, bookkeeper: "王芳")
    }
}

/// The error a throwing body threw, if it was a `BookError`.
func bookError(_ body: () throws -> Void) -> BookError? {
    do { try body() } catch let error as BookError { return error } catch { return nil }
    return nil
}
