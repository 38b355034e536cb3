import FundCore

/// What waits in an organisation's books, for the desk's 首页: vouchers to review and to post,
/// months with vouchers that are not closed. Counted by the book, not by loading vouchers, so
/// that a county's 首页 over many unions stays quick.
public struct OverviewService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// The organisation's waiting work, for a user who may read its books.
    public func waiting(organization: String) throws -> Waiting {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try waiting(storage, organizationID: try storage.organizationID(organization))
        }
    }

    /// 首页 in one read transaction: the first `limit` organisations the user may read (parents
    /// before children, as `AccessService.readableOrganizations`), each with its waiting work,
    /// its findings of `year` to answer and answered, whether the user may write its books, the
    /// subsidy items it granted that wait for approval (for a user who may write its books) and
    /// the months' packs it sent that wait for the user to receive (for a superior above it).
    /// Each organisation's read is authorized as `waiting(organization:)` authorizes it. The
    /// top bar's reads (`menu()`) come with it.
    /// `offset` skips that many organisations first (a later page of 首页); `total` counts all
    /// the user may read.
    public func home(year: Int, offset: Int = 0, limit: Int) throws -> (rows: [HomeRow], menu: Menu, total: Int) {
        try reading { storage in
            let access = try AccessView(storage, user: user, grants: try session.effectiveGrants(storage))
            let rows = try access.readable.dropFirst(max(0, offset)).prefix(limit).map { organization in
                let code = organization.code
                try access.authorize(.read, code)
                let organizationID = try storage.organizationID(code)
                let findings = try storage.findingCounts(organizationID: organizationID, year: year)
                let mayWrite = access.permits(.writeBooks, code)
                let receives = access.receivesPacks(code)
                let states = receives || mayWrite ? try PeriodService.packStates(storage, organization: code, organizationID: organizationID) : []
                let packs = receives ? states.count { $0.status == .sent } : 0
                return HomeRow(organization: organization, waiting: try waiting(storage, organizationID: organizationID),
                               findingsToAnswer: findings[.open] ?? 0, findingsAnswered: findings[.answered] ?? 0,
                               mayWrite: mayWrite,
                               itemsToApprove: mayWrite ? try storage.subsidyCount(grantorID: organizationID, status: .applied) : 0,
                               packsToReceive: packs, packsReturned: mayWrite ? states.count { $0.status == .returned } : 0)
            }
            return (rows, access.menu, access.readable.count)
        }
    }

    /// Where each of `organizations` stands in `year`, for the county's 汇总 page, in one read
    /// transaction and without loading a voucher: the months closed, the vouchers of the year
    /// not yet posted, the date of the last voucher posted, the latest month's pack sent and
    /// whether the user receives the organisation's packs. Each read is authorized as
    /// `waiting(organization:)` authorizes it.
    public func standings(organizations codes: [String], year: Int) throws -> [Standing] {
        try reading { storage in
            let access = try AccessView(storage, user: user, grants: try session.effectiveGrants(storage))
            return try codes.map { code in
                try access.authorize(.read, code)
                let organizationID = try storage.organizationID(code)
                let counts = try storage.voucherCounts(organizationID: organizationID)
                return Standing(organization: code,
                                closed: try storage.closedPeriods(organizationID: organizationID).map(\.period).filter { $0.year == year }.sorted(),
                                unposted: counts.filter { $0.status != .posted && $0.period.year == year }.reduce(0) { $0 + $1.count },
                                lastPosted: try storage.lastPostedDate(organizationID: organizationID),
                                pack: try PeriodService.packStates(storage, organization: code, organizationID: organizationID).last { $0.period.year == year },
                                mayReceive: access.receivesPacks(code))
            }
        }
    }

    /// Where one organisation stands in a year (`standings(organizations:year:)`).
    public struct Standing: Sendable {
        /// The organisation's code.
        public let organization: String
        /// The year's months closed, in order.
        public let closed: [Period]
        /// The year's vouchers not yet posted (未审核 and 已审核).
        public let unposted: Int
        /// The date of the latest posted voucher of any year.
        public let lastPosted: LocalDate?
        /// The latest month of the year whose pack has an act, with every act.
        public let pack: PackState?
        /// Whether the user receives the organisation's packs (a superior above it).
        public let mayReceive: Bool
    }

    /// What every page of an organisation needs before its own reads, in one read transaction:
    /// the organisation (nil when the user may not read it, whether or not it exists, as
    /// `AccessService.permits(.read, ...)` decides), whether the user may write its books, and
    /// the top bar's organisations and 用户与权限 link (`menu()`).
    public func place(organization code: String) throws -> Place? {
        try reading { storage in
            let access = try AccessView(storage, user: user, grants: try session.effectiveGrants(storage))
            let ancestors = try storage.ancestors(of: code)
            guard Access.permits(access.grants, .read, organization: code, ancestors: ancestors) else { return nil }
            guard let organization = access.tree.first(where: { $0.code == code }) else { throw BookError.unknownOrganization(code) }
            return Place(organization: organization, mayWrite: Access.permits(access.grants, .writeBooks, organization: code, ancestors: ancestors),
                         menu: access.menu)
        }
    }

    /// The top bar of a page in one read transaction: the organisations the user may read
    /// (`AccessService.readableOrganizations`) and whether the user administers the book.
    public func menu() throws -> Menu {
        try reading { storage in try AccessView(storage, user: user, grants: try session.effectiveGrants(storage)).menu }
    }

    /// An organisation a page works on, with what its frame shows.
    public struct Place: Sendable {
        /// The organisation of the address.
        public let organization: Organization
        /// Whether the user may write its books.
        public let mayWrite: Bool
        /// The top bar.
        public let menu: Menu
    }

    /// What the top bar of every page shows of the user's access.
    public struct Menu: Sendable {
        /// The organisations the user may read, parents before children.
        public let readable: [Organization]
        /// Whether the user holds the administrator's role.
        public let administrator: Bool
    }

    /// The user's grants in force (a committee seat that ended grants nothing, as `authorize`
    /// decides) and the organisations they reach, read once and walked in memory.
    private struct AccessView {
        let grants: [RoleGrant]
        /// Every organisation of the book, parents before children.
        let tree: [Organization]
        let readable: [Organization]
        private let parent: [String: String]
        private let codes: Set<String>

        let user: String

        init(_ storage: any BookStorage, user: String, grants: [RoleGrant]) throws {
            self.user = user
            self.grants = grants
            let tree = try storage.organizationTree()
            self.tree = tree
            var parent: [String: String] = [:]
            for organization in tree { if let code = organization.parentCode { parent[organization.code] = code } }
            self.parent = parent
            codes = Set(tree.map(\.code))
            let grants = self.grants
            readable = tree.filter { organization in
                var ancestors: [String] = [], current = parent[organization.code]
                while let code = current { ancestors.append(code); current = parent[code] }
                return Access.permits(grants, .read, organization: organization.code, ancestors: ancestors)
            }
        }

        func permits(_ action: Action, _ code: String) -> Bool {
            Access.permits(grants, action, organization: code, ancestors: ancestors(of: code))
        }

        /// `Session.authorize` walked in memory: the organisation must be in the book and the
        /// grants must permit the action on it.
        func authorize(_ action: Action, _ code: String) throws {
            guard codes.contains(code) else { throw BookError.unknownOrganization(code) }
            guard permits(action, code) else { throw BookError.notPermitted(user: user, action: action, organization: code, roles: grants) }
        }

        /// Whether the user receives the organisation's packs: a superior of an organisation
        /// above it, as `PeriodService.isReceiver` decides.
        func receivesPacks(_ code: String) -> Bool {
            PeriodService.receives(grants, above: Set(ancestors(of: code)))
        }

        private func ancestors(of code: String) -> [String] {
            var ancestors: [String] = [], current = parent[code]
            while let code = current { ancestors.append(code); current = parent[code] }
            return ancestors
        }

        var menu: Menu { Menu(readable: readable, administrator: grants.contains { $0.role == .administrator }) }
    }

    /// One organisation of 首页.
    public struct HomeRow: Sendable {
        /// The organisation.
        public let organization: Organization
        /// Its vouchers to review and post and its months to close.
        public let waiting: Waiting
        /// Findings of the year waiting for the officer's answer (待答复).
        public let findingsToAnswer: Int
        /// Findings answered, waiting for the committee (已答复).
        public let findingsAnswered: Int
        /// Whether the user may write the organisation's books.
        public let mayWrite: Bool
        /// Subsidy items the organisation granted that wait for approval (已申请), counted for a
        /// user who may write its books.
        public let itemsToApprove: Int
        /// Months' packs the organisation sent that wait to be received (已报送), counted for a
        /// superior above it.
        public let packsToReceive: Int
        /// Months' packs the superior returned (已退回) and not yet sent again, counted for a
        /// user who may write the organisation's books.
        public let packsReturned: Int
    }

    private func waiting(_ storage: any BookStorage, organizationID: Int64) throws -> Waiting {
        let counts = try storage.voucherCounts(organizationID: organizationID)
        let closed = Set(try storage.closedPeriods(organizationID: organizationID).map(\.period))
        return Waiting(drafts: counts.filter { $0.status == .draft }.reduce(0) { $0 + $1.count },
                       reviewed: counts.filter { $0.status == .reviewed }.reduce(0) { $0 + $1.count },
                       openMonths: Set(counts.map(\.period)).subtracting(closed).sorted())
    }

    /// The organisation's vouchers of one month (all months: nil) and one status (any: nil), in
    /// the order of the desk's list (凭证查询), for a user who may read its books. A status is
    /// chosen in the book, so that the list after a 审核 or 记账 loads only what it shows.
    public func vouchers(organization: String, period: Period?, status: VoucherStatus?) throws -> [Voucher] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            return try storage.listedVoucherIDs(organizationID: organizationID, period: period, status: status).map { try storage.voucher(id: $0) }
        }
    }

    /// An organisation's waiting work.
    public struct Waiting: Hashable, Sendable {
        /// Drafts (未审核) to review.
        public let drafts: Int
        /// Reviewed vouchers (已审核) to post.
        public let reviewed: Int
        /// Months holding vouchers that are not closed, in order.
        public let openMonths: [Period]
    }
}

extension Session {
    /// What waits in the books, as this session's user.
    public var overview: OverviewService { OverviewService(session: self) }
}
