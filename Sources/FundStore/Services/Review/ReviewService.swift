import FundCore

/// The funds review committee's work: audits by the rules of `AuditRules`, findings with their
/// answers and resolutions, and the committee's opinion.
public struct ReviewService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    // MARK: - Audits

    /// Gathers what the rules look at for one organisation and year.
    func auditInput(_ storage: any BookStorage, organization code: String, year: Int) throws -> AuditInput {
        guard let record = try storage.organization(code: code), let organizationID = record.id else { throw BookError.unknownOrganization(code) }
        let parentCode = try record.parentID.flatMap { try storage.organization(id: $0)?.code }
        let months = (year * 100 + 1)...(year * 100 + 12)
        let reopened = try storage.periodLog(organizationID: organizationID)
            .filter { months.contains($0.period.key) && ($0.action == .reopen || $0.action == .reopenYear) }
            .map { PeriodLogEntry(organization: code, period: $0.period, action: $0.action.rawValue, at: $0.at, by: $0.by, reason: $0.reason) }
        var input = AuditInput(organization: record.organization(parentCode: parentCode), year: year,
                          vouchers: try storage.postedVouchers(organizationID: organizationID, year: year),
                          subsidies: try storage.auditedSubsidies(organizationID: organizationID, year: year),
                          budget: try storage.auditedBudget(organizationID: organizationID, organization: code, year: year), reopened: reopened,
                          committee: try storage.committee(organizationID: organizationID, code: code, year: year)?.committee,
                          settings: try storage.auditSettings(for: organizationID), calendar: try storage.calendar(),
                          sealProblems: try storage.sealProblems(organizationID: organizationID))
        input.openingNets = try storage.openingNets(organizationID: organizationID, before: year * 100 + 1)
        input.closingNets = try storage.openingNets(organizationID: organizationID, before: (year + 1) * 100 + 1)
        input.earlierLines = try storage.agingLines(organizationID: organizationID, prefixes: ["135", "211", "21202"], before: year * 100 + 1)
        input.assets = try storage.fixedAssets(organizationID: organizationID).map { $0.asset(organization: code) }
        input.federation = try FederationService.facts(organizationID: organizationID, level: record.level, in: storage)
        return input
    }

    /// Runs every audit rule over an organisation's year and records the audit. A finding seen
    /// before (same rule and subject) is found again and keeps its status and history; a
    /// resolved one that is found again is reopened; one no longer found is noted, not deleted.
    /// The findings are written in `language` (Chinese unless asked otherwise).
    public func runAudit(organization: String, year: Int, language: Language = .chinese) throws -> AuditOutcome {
        try writing { storage in
            try authorize(storage, .audit, organization: organization)
            var input = try auditInput(storage, organization: organization, year: year)
            input.language = language
            let drafts = try BookError.summing { () throws(SumOverflow) in try AuditRules.run(input) }
            let organizationID = try storage.organizationID(organization)
            let head = try storage.sealHead(organizationID: organizationID)
            let now = Store.now()
            let run = AuditRowRecord(organizationID: organizationID, year: year, runAt: now, runBy: user, rules: AuditRules.all.map(\.id),
                                     vouchers: input.vouchers.count, sealSeq: head.seq, sealHash: head.hash)
            let auditID = try storage.insertAudit(run)
            func event(_ finding: Int64, _ action: FindingEventRecord.Action, _ text: String) throws {
                try storage.appendFindingEvent(FindingEventRecord(findingID: finding, auditID: auditID, at: Store.now(), by: user, action: action, text: text))
            }
            let known = try storage.findings(organizationID: organizationID, year: year).compactMap { finding -> FindingMerge.Known? in
                guard let id = finding.id else { return nil }
                let facts = FindingFacts(amount: finding.amount, vouchers: Set(try storage.findingVoucherIDs(findingID: id)))
                return FindingMerge.Known(id: id, rule: finding.rule, key: finding.key, status: finding.status, facts: facts)
            }
            let merge = FindingMerge.plan(drafts: drafts, known: known)
            var recorded: [Int: Int64] = [:]
            for (index, step) in merge.steps.enumerated() {
                switch step {
                case let .record(draft, severity):
                    let id = try storage.insertFinding(FindingRowRecord(organizationID: organizationID, year: year, rule: draft.rule, key: draft.key,
                                                                        severity: severity, amount: draft.amount, text: draft.text, status: .open,
                                                                        firstAuditID: auditID, lastAuditID: auditID))
                    recorded[index] = id
                    try event(id, .found, draft.text)
                    for voucher in draft.vouchers { try storage.linkFindingVoucher(FindingVoucherRecord(findingID: id, voucherID: voucher)) }
                case let .foundAgain(target, draft, reopen):
                    let id: Int64
                    switch target {
                    case let .known(known): id = known
                    case let .recorded(step):
                        guard let inserted = recorded[step] else { preconditionFailure("FindingMerge named a later step") }
                        id = inserted
                    }
                    guard var finding = try storage.finding(id: id) else { preconditionFailure("finding #\(id) vanished inside its transaction") }
                    finding.lastAuditID = auditID
                    finding.text = draft.text
                    finding.amount = draft.amount
                    if reopen { finding.status = .open }
                    try storage.updateFinding(finding)
                    try event(id, .foundAgain, draft.text)
                    if reopen { try event(id, .reopened, language == .english ? "found again after it was resolved" : "已整改后再次发现") }
                    for voucher in draft.vouchers { try storage.linkFindingVoucher(FindingVoucherRecord(findingID: id, voucherID: voucher)) }
                }
            }
            for id in merge.notFound { try event(id, .notFound, "not found by audit #\(auditID)") }
            return AuditOutcome(audit: run.audit(id: auditID, organization: organization), new: merge.new, again: merge.again,
                                notFoundAgain: merge.notFound.count,
                                findings: try findingRecords(storage, organizationID: organizationID, code: organization, year: year))
        }
    }

    /// The findings of an organisation's year with their vouchers and history, in rule order.
    private func findingRecords(_ storage: any BookStorage, organizationID: Int64, code: String, year: Int) throws -> [FindingRecord] {
        let order = Dictionary(uniqueKeysWithValues: AuditRules.all.enumerated().map { ($1.id, $0) })
        return try storage.findings(organizationID: organizationID, year: year).compactMap { finding -> FindingRecord? in
            guard let id = finding.id else { return nil }
            return FindingRecord(id: id, organization: code, year: year, rule: finding.rule, severity: finding.severity, status: finding.status,
                                 amount: finding.amount, text: finding.text, vouchers: try storage.findingVoucherLabels(findingID: id),
                                 firstAudit: finding.firstAuditID, lastAudit: finding.lastAuditID,
                                 history: try storage.findingEvents(findingID: id).map(\.event))
        }.sorted { (order[$0.rule] ?? 99, $0.id) < (order[$1.rule] ?? 99, $1.id) }
    }

    /// The findings of an organisation's year, in rule order.
    public func findings(organization: String, year: Int) throws -> [FindingRecord] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try findingRecords(storage, organizationID: try storage.organizationID(organization), code: organization, year: year)
        }
    }

    /// The audits run on an organisation's year, oldest first.
    public func audits(organization: String, year: Int) throws -> [AuditRecord] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            return try storage.audits(organizationID: try storage.organizationID(organization), year: year).compactMap { run in
                run.id.map { run.audit(id: $0, organization: organization) }
            }
        }
    }

    /// A finance officer's answer to an open finding (or a further answer to an answered one).
    public func answerFinding(id: Int64, text: String) throws {
        guard !text.allSatisfy({ $0 == " " }) else { throw BookError.review(.emptyAnswer) }
        try changeFinding(id: id, action: .answerFinding, from: [.open, .answered], to: .answered, event: .answered, text: text)
    }

    /// The committee closes an answered finding: resolved (put right) or accepted (the
    /// explanation stands).
    public func closeFinding(id: Int64, accepted: Bool, text: String) throws {
        try changeFinding(id: id, action: .audit, from: [.answered], to: accepted ? .accepted : .resolved, event: accepted ? .accepted : .resolved, text: text)
    }

    /// The committee reopens a resolved or accepted finding.
    public func reopenFinding(id: Int64, text: String) throws {
        guard !text.allSatisfy({ $0 == " " }) else { throw BookError.review(.emptyReopenReason) }
        try changeFinding(id: id, action: .audit, from: [.resolved, .accepted], to: .open, event: .reopened, text: text)
    }

    private func changeFinding(id: Int64, action: Action, from: Set<FindingStatus>, to: FindingStatus, event: FindingEventRecord.Action, text: String) throws {
        try checkText(["the text": text])
        try writing { storage in
            guard var finding = try storage.finding(id: id), let organization = try storage.organization(id: finding.organizationID) else {
                throw BookError.review(.findingNotFound(id: id))
            }
            try authorize(storage, action, organization: organization.code)
            guard from.contains(finding.status) else {
                throw BookError.review(.findingStatus(id: id, status: finding.status, act: event.rawValue, allowed: from))
            }
            // Whoever answered a finding does not also judge the answer.
            if event == .resolved || event == .accepted,
               try storage.findingEvents(findingID: id).contains(where: { $0.action == .answered && $0.by == user }) {
                throw BookError.review(.answererCloses(id: id, user: user))
            }
            finding.status = to
            try storage.updateFinding(finding)
            try storage.appendFindingEvent(FindingEventRecord(findingID: id, auditID: nil, at: Store.now(), by: user, action: event, text: text))
        }
    }

    // MARK: - Opinions

    /// Records the committee's opinion on the year's final accounts, signed by members serving on
    /// its date, at least as many as the audit setting `signers` asks (2 unless set). It needs an
    /// audit of the year, and it is kept as recorded.
    public func recordOpinion(organization: String, year: Int, text: String, signers named: [String], on date: LocalDate) throws {
        // One person signs once, however often named.
        var signers: [String] = []
        for name in named.map(PersonName.normalized) where !signers.contains(name) { signers.append(name) }
        guard !text.allSatisfy({ $0 == " " }) else { throw BookError.review(.emptyOpinion) }
        guard !signers.isEmpty else { throw BookError.review(.noSigners) }
        try checkText(["the opinion": text])
        for signer in signers { try checkText(["a signer's name": signer]) }
        try writing { storage in try recordOpinion(storage, organization: organization, year: year, text: text, signers: signers, on: date) }
    }

    /// `recordOpinion` inside a transaction that is already open, with the signers normalized.
    func recordOpinion(_ storage: any BookStorage, organization: String, year: Int, text: String, signers: [String], on date: LocalDate) throws {
        try authorize(storage, .audit, organization: organization)
        let organizationID = try storage.organizationID(organization)
        guard let audit = try storage.latestAuditID(organizationID: organizationID, year: year) else {
            throw BookError.review(.notAudited(organization: organization, year: year))
        }
        if try storage.opinion(organizationID: organizationID, year: year) != nil {
            throw BookError.review(.opinionExists(organization: organization, year: year))
        }
        guard let (committeeID, committee) = try storage.committees(organizationID: organizationID, code: organization).last(where: { $0.committee.inTerm(date) }) else {
            throw BookError.review(.noCommitteeInTerm(organization: organization, date: date))
        }
        var offices: [CommitteeOffice] = []
        for name in signers {
            guard let member = committee.members.first(where: { $0.name == name && $0.serves(on: date) }) else {
                throw BookError.review(.signerNotServing(name: name, organization: organization, date: date))
            }
            offices.append(member.office)
        }
        let required = try storage.auditSettings(for: organizationID).signers
        if signers.count < required {
            throw BookError.review(.tooFewSigners(organization: organization, required: required, signers: signers))
        }
        let opinionID = try storage.insertOpinion(OpinionRowRecord(organizationID: organizationID, year: year, committeeID: committeeID, auditID: audit,
                                                                   text: text, recordedAt: date.description, recordedBy: user))
        for (name, office) in zip(signers, offices) {
            try storage.insertOpinionSigner(OpinionSignerRecord(opinionID: opinionID, name: name, office: office))
        }
    }

    /// The committee's opinion on an organisation's year, with its signers; nil before one is
    /// recorded.
    public func opinion(organization: String, year: Int) throws -> OpinionRecord? {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            guard let opinion = try storage.opinion(organizationID: try storage.organizationID(organization), year: year), let id = opinion.id else { return nil }
            let signers = try storage.opinionSigners(opinionID: id).map { (name: $0.name, office: $0.office) }
            return OpinionRecord(organization: organization, year: year, text: opinion.text, recordedAt: opinion.recordedAt, recordedBy: opinion.recordedBy,
                                 audit: opinion.auditID, signers: signers)
        }
    }
}

extension Session {
    /// This session's ReviewService.
    public var review: ReviewService { ReviewService(session: self) }
}
