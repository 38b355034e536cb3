import FundCore
import FundStore
import Hummingbird

/// One page (or a few that belong together) of the desk, in a file of its own: its templates,
/// its entries in an organisation's menu, and its routes. Adding a page is adding a file with a
/// type conforming to this protocol and listing the type in `DeskPages.all`.
protocol DeskPage: SendableMetatype {
    /// The page's Mustache templates by name; names are global, so prefix them with the page's.
    static var templates: [String: String] { get }
    /// Entries in the menu of an organisation's pages (under /orgs/{CODE}/).
    static var menu: [MenuItem] { get }
    /// Adds the page's routes; every one is behind the login check.
    static func register(on routes: DeskRoutes)
}

extension DeskPage {
    static var menu: [MenuItem] { [] }
}

/// An entry in the organisation's menu.
struct MenuItem: Sendable {
    /// What the menu shows.
    let title: String
    /// The address under /orgs/{CODE}/.
    let path: String
    /// Position in the menu, smallest first.
    let order: Int
    /// Shown only to a user who may write the organisation's books (凭证录入).
    var needsWrite = false
    /// Shown only where the user reads some organisation below this one (汇总).
    var needsMembers = false
}

/// Every page of the desk.
enum DeskPages {
    static let all: [any DeskPage.Type] = [
        HomePage.self, VoucherEntryPage.self, VoucherListPage.self, VoucherPage.self, VoucherPrintPage.self,
        ReportPages.self, PeriodPage.self, OpeningPage.self,
        AuditPage.self, OpinionPage.self, PackPage.self, CountyPage.self, UsersPage.self, BudgetPage.self, SubsidyPage.self, FederationPage.self, CashierPage.self,
        BankStatementPage.self,
    ]

    /// The organisation menu, in order.
    static let menu: [MenuItem] = all.flatMap { $0.menu }.sorted { $0.order < $1.order }
}
