import FundCore

/// Checking the whole book: integrity, balances against their lines, numbering, red ink, leaf
/// accounts, the seal chains, and the registry's warnings.
public struct VerifyService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Checks the whole book from first principles: the file's integrity and foreign keys, every
    /// posted voucher's balance and line count, gapless numbering, red-ink vouchers against
    /// their originals, and the turnover aggregates recomputed from the lines.
    public func verify() throws -> VerifyReport {
        try reading { storage in
            try session.authorizeWholeBook(storage)
            var report = VerifyReport()
            (report.organizations, report.vouchers, report.lines) = try storage.verifyCounts()
            report.problems = try storage.verifyProblems()
            report.warnings = try registryWarnings(storage, today: Store.today()) + storage.untaggedSubsidySpending()
            report.heads = try storage.chainHeads()
            return report
        }
    }

    /// Federations that manage their funds independently must have a funds review committee
    /// (经费审查委员会) in term today. Every federation records its term.
    private func registryWarnings(_ storage: any BookStorage, today: LocalDate) throws -> [VerifyProblem] {
        var warnings: [VerifyProblem] = []
        for federation in try storage.allOrganizations() where federation.level == .federation {
            guard let id = federation.id else { continue }
            let committees = try storage.committees(organizationID: id)
            let inTerm = committees.contains { Committee(organization: "", elected: $0.elected, termYears: $0.termYears).inTerm(today) }
            if federation.independent, !inTerm {
                warnings.append(VerifyProblem(check: "review-committee", organization: federation.code, voucher: nil,
                    message: "manages its funds independently (独立管理经费) and so must have a funds review committee (经费审查委员会); \(committees.isEmpty ? "none is recorded" : "none is in term today"); record it with `fundledger committee add`"))
            }
            if federation.termYears == nil {
                warnings.append(VerifyProblem(check: "term", organization: federation.code, voucher: nil,
                    message: "has no term of office recorded; give its term (3 or 5 years) and start date"))
            }
        }
        return warnings
    }
}

extension Session {
    /// This session's VerifyService.
    public var verification: VerifyService { VerifyService(session: self) }
}
