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
            let organizationID = try storage.organizationID(organization)
            let counts = try storage.voucherCounts(organizationID: organizationID)
            let closed = Set(try storage.closedPeriods(organizationID: organizationID).map(\.period))
            return Waiting(drafts: counts.filter { $0.status == .draft }.reduce(0) { $0 + $1.count },
                           reviewed: counts.filter { $0.status == .reviewed }.reduce(0) { $0 + $1.count },
                           openMonths: Set(counts.map(\.period)).subtracting(closed).sorted())
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
