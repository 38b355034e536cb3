import FundCore
import FundReports
import FundStore

extension Reports {
    /// The register of a grantor's items as of a date (default: the end of `year`).
    public static func subsidyRegister(_ book: Session, grantor: String, year: Int, asOf: LocalDate?) throws -> SubsidyRegister {
        let items = try book.subsidies.subsidies(organization: grantor).filter { item, _ in
            item.windowStart.year <= year && (item.deadline.year >= year || item.status != .settled)
        }
        return try summing { try SubsidyRegister(grantor: try book.organizations.organization(grantor), items: items,
                               asOf: asOf ?? LocalDate(year: year, month: 12, day: 31)!) }
    }
}
