import FundCore
import FundReports
import FundStore

extension Reports {
    /// 经审审查工作底稿 of a year the committee has audited at least once.
    public static func review(_ book: Session, organization code: String, year: Int) throws -> ReviewReport {
        let organization = try book.organizations.organization(code)
        let audits = try book.review.audits(organization: code, year: year)
        guard !audits.isEmpty else { throw BookError.review(.reportNeedsAudit(organization: code, year: year)) }
        let findings = try book.review.findings(organization: code, year: year)
        var items: [ReviewReport.AuditedItem] = []
        for (item, _) in try book.subsidies.subsidies(organization: code, asRecipient: true) {
            let lines = try book.subsidies.subsidyLines(code: item.code).filter { $0.organization == code && $0.line.date.year == year }.map(\.line)
            guard !lines.isEmpty else { continue }
            var flagged: Set<Int> = []
            for (index, line) in lines.enumerated() where AccountCategory(code: line.accountCode) == .expenditure {
                if !item.allows(account: line.accountCode) || !item.inWindow(line.date) { flagged.insert(index) }
            }
            items.append(.init(item: item, lines: lines, flagged: flagged))
        }
        let committee = try book.committees.committees(organization: code).last { $0.elected.year <= year && $0.termEnd.year >= year }
        return ReviewReport(organization: organization, year: year, audits: audits, findings: findings, items: items,
                            committee: committee, opinion: try book.review.opinion(organization: code, year: year))
    }
}
