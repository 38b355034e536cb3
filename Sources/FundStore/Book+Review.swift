import FundCore
import GRDB

/// What a run of the audit did to the findings of the year.
public struct AuditOutcome: Sendable {
    public var audit: AuditRecord
    public var new: Int
    public var again: Int
    public var notFoundAgain: Int
    public var findings: [FindingRecord]
}

extension Book {
    // MARK: - Audits

    /// Gathers what the rules look at for one organisation and year.
    func auditInput(_ db: Database, organization code: String, year: Int) throws -> AuditInput {
        let organizationID = try Book.organizationID(db, code)
        let organization = try Book.fetchOrganizations(db).first { $0.code == code }!
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM voucher WHERE organization_id = ? AND status = 'posted' AND period BETWEEN ? AND ?
            ORDER BY date, period, word, number
            """, arguments: [organizationID, year * 100 + 1, year * 100 + 12])
        let vouchers = try ids.map { try Book.fetchVoucher(db, id: $0) }
        var subsidies: [AuditedSubsidy] = []
        for itemCode in try String.fetchAll(db, sql: "SELECT code FROM subsidy_item WHERE recipient_id = ? ORDER BY code", arguments: [organizationID]) {
            let (itemID, item) = try Book.subsidyItem(db, code: itemCode)
            let before = try Row.fetchOne(db, sql: """
                SELECT coalesce(sum(CASE WHEN a.code LIKE '4%' THEN (CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END) ELSE 0 END), 0) AS received,
                       coalesce(sum(CASE WHEN a.code LIKE '5%' THEN (CASE l.side WHEN 'D' THEN l.amount ELSE -l.amount END) ELSE 0 END), 0) AS spent
                FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id JOIN account a ON a.id = l.account_id
                WHERE v.organization_id = ? AND v.status = 'posted' AND v.kind <> 'closing' AND l.project = ? AND v.period < ?
                """, arguments: [organizationID, itemCode, year * 100 + 1])!
            let settled = try String.fetchOne(db, sql: "SELECT detail FROM subsidy_log WHERE item_id = ? AND action = 'settle' ORDER BY id DESC LIMIT 1",
                                              arguments: [itemID]).flatMap { LocalDate(parsing: $0.prefix(10)) }
            subsidies.append(AuditedSubsidy(item: item, receivedBefore: before["received"], spentBefore: before["spent"], settledOn: settled))
        }
        var budget: [AuditedBudgetLine] = []
        if let loaded = try Book.loadBudget(db, organizationID: organizationID, organization: code, year: year, through: nil), loaded.status == .approved {
            let actuals = try Book.budgetActuals(db, organizationID: organizationID, budget: loaded, year: year, month: 12)
            budget = loaded.lines.map { AuditedBudgetLine(key: $0.key, budget: $0.adjusted, actual: Money(fen: actuals[$0.key]?.yearToDate ?? 0)) }
        }
        let reopened = try Row.fetchAll(db, sql: """
            SELECT period, action, at, by, reason FROM period_log WHERE organization_id = ? AND period BETWEEN ? AND ? AND action IN ('reopen', 'reopen-year')
            ORDER BY id
            """, arguments: [organizationID, year * 100 + 1, year * 100 + 12]).map {
            PeriodLogEntry(organization: code, period: Period(key: $0["period"])!, action: $0["action"], at: $0["at"], by: $0["by"], reason: $0["reason"])
        }
        return AuditInput(organization: organization, year: year, vouchers: vouchers, subsidies: subsidies, budget: budget, reopened: reopened,
                          committee: try Book.committee(db, organizationID: organizationID, code: code, year: year)?.committee,
                          settings: try Book.auditSettings(db, organizationID: organizationID), calendar: try Book.calendar(db),
                          sealProblems: try Book.sealProblems(db, organizationID: organizationID))
    }

    /// Runs every audit rule over an organisation's year and records the audit. A finding seen
    /// before (same rule and subject) is found again and keeps its status and history; a
    /// resolved one that is found again is reopened; one no longer found is noted, not deleted.
    public func runAudit(organization: String, year: Int) throws -> AuditOutcome {
        try write { db in
            try authorize(db, .audit, organization: organization)
            let input = try auditInput(db, organization: organization, year: year)
            let drafts = AuditRules.run(input)
            let organizationID = try Book.organizationID(db, organization)
            let head = try Book.sealHead(db, organizationID: organizationID)
            let now = Book.now()
            try db.execute(sql: """
                INSERT INTO audit (organization_id, year, run_at, run_by, rules, vouchers, seal_seq, seal_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [organizationID, year, now, user, AuditRules.all.map(\.id).joined(separator: " "), input.vouchers.count, head.seq, head.hash])
            let auditID = db.lastInsertedRowID
            var new = 0, again = 0
            var seen: Set<Int64> = []
            for draft in drafts {
                let severity = AuditRules.rule(draft.rule)!.severity
                if let row = try Row.fetchOne(db, sql: "SELECT id, status FROM finding WHERE organization_id = ? AND year = ? AND rule = ? AND key = ?",
                                              arguments: [organizationID, year, draft.rule, draft.key]) {
                    let id: Int64 = row["id"]
                    seen.insert(id)
                    again += 1
                    try db.execute(sql: "UPDATE finding SET last_audit_id = ?, text = ?, amount = ? WHERE id = ?", arguments: [auditID, draft.text, draft.amount?.fen, id])
                    try Book.event(db, id, auditID, user, "found-again", draft.text)
                    if row["status"] as String == FindingStatus.resolved.rawValue {
                        try db.execute(sql: "UPDATE finding SET status = 'open' WHERE id = ?", arguments: [id])
                        try Book.event(db, id, auditID, user, "reopened", "found again after it was resolved")
                    }
                    for voucher in draft.vouchers { try db.execute(sql: "INSERT OR IGNORE INTO finding_voucher (finding_id, voucher_id) VALUES (?, ?)", arguments: [id, voucher]) }
                } else {
                    try db.execute(sql: """
                        INSERT INTO finding (organization_id, year, rule, key, severity, amount, text, status, first_audit_id, last_audit_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)
                        """, arguments: [organizationID, year, draft.rule, draft.key, severity.rawValue, draft.amount?.fen, draft.text, auditID, auditID])
                    let id = db.lastInsertedRowID
                    seen.insert(id)
                    new += 1
                    try Book.event(db, id, auditID, user, "found", draft.text)
                    for voucher in draft.vouchers { try db.execute(sql: "INSERT OR IGNORE INTO finding_voucher (finding_id, voucher_id) VALUES (?, ?)", arguments: [id, voucher]) }
                }
            }
            var gone = 0
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM finding WHERE organization_id = ? AND year = ?", arguments: [organizationID, year]) where !seen.contains(id) {
                gone += 1
                try Book.event(db, id, auditID, user, "not-found", "not found by audit #\(auditID)")
            }
            let audit = AuditRecord(id: auditID, organization: organization, year: year, runAt: now, runBy: user, rules: AuditRules.all.map(\.id),
                                    vouchers: input.vouchers.count, sealSeq: head.seq, sealHash: head.hash)
            return AuditOutcome(audit: audit, new: new, again: again, notFoundAgain: gone,
                                findings: try Book.findings(db, organizationID: organizationID, code: organization, year: year))
        }
    }

    static func event(_ db: Database, _ finding: Int64, _ audit: Int64?, _ by: String, _ action: String, _ text: String) throws {
        try db.execute(sql: "INSERT INTO finding_event (finding_id, audit_id, at, by, action, text) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [finding, audit, Book.now(), by, action, text])
    }

    static func findings(_ db: Database, organizationID: Int64, code: String, year: Int) throws -> [FindingRecord] {
        let order = Dictionary(uniqueKeysWithValues: AuditRules.all.enumerated().map { ($1.id, $0) })
        return try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE organization_id = ? AND year = ? ORDER BY id", arguments: [organizationID, year]).map { row in
            let id: Int64 = row["id"]
            let vouchers = try Int64.fetchAll(db, sql: "SELECT voucher_id FROM finding_voucher WHERE finding_id = ? ORDER BY voucher_id", arguments: [id])
                .map { try voucherLabel(db, id: $0) ?? "#\($0)" }
            let history = try Row.fetchAll(db, sql: "SELECT at, by, action, text, audit_id FROM finding_event WHERE finding_id = ? ORDER BY id", arguments: [id]).map {
                FindingEvent(at: $0["at"], by: $0["by"], action: $0["action"], text: $0["text"], audit: $0["audit_id"])
            }
            return FindingRecord(id: id, organization: code, year: year, rule: row["rule"], severity: Severity(rawValue: row["severity"])!,
                                 status: FindingStatus(rawValue: row["status"])!, amount: (row["amount"] as Int64?).map { Money(fen: $0) },
                                 text: row["text"], vouchers: vouchers, firstAudit: row["first_audit_id"], lastAudit: row["last_audit_id"], history: history)
        }.sorted { (order[$0.rule] ?? 99, $0.id) < (order[$1.rule] ?? 99, $1.id) }
    }

    /// The findings of an organisation's year, in rule order.
    public func findings(organization: String, year: Int) throws -> [FindingRecord] {
        try read { db in
            try authorize(db, .read, organization: organization)
            return try Book.findings(db, organizationID: try Book.organizationID(db, organization), code: organization, year: year)
        }
    }

    /// The audits run on an organisation's year, oldest first.
    public func audits(organization: String, year: Int) throws -> [AuditRecord] {
        try read { db in
            try authorize(db, .read, organization: organization)
            return try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE organization_id = ? AND year = ? ORDER BY id",
                                    arguments: [try Book.organizationID(db, organization), year]).map {
                AuditRecord(id: $0["id"], organization: organization, year: year, runAt: $0["run_at"], runBy: $0["run_by"],
                            rules: ($0["rules"] as String).split(separator: " ").map(String.init), vouchers: $0["vouchers"],
                            sealSeq: $0["seal_seq"], sealHash: $0["seal_hash"])
            }
        }
    }

    /// A finance officer's answer to an open finding (or a further answer to an answered one).
    public func answerFinding(id: Int64, text: String) throws {
        guard !text.allSatisfy({ $0 == " " }) else { throw BookError.review("an answer needs text: say what was done or why the finding does not apply") }
        try changeFinding(id: id, action: .answerFinding, from: [.open, .answered], to: .answered, event: "answered", text: text)
    }

    /// The committee closes an answered finding: resolved (put right) or accepted (the
    /// explanation stands).
    public func closeFinding(id: Int64, accepted: Bool, text: String) throws {
        try changeFinding(id: id, action: .audit, from: [.answered], to: accepted ? .accepted : .resolved, event: accepted ? "accepted" : "resolved", text: text)
    }

    /// The committee reopens a resolved or accepted finding.
    public func reopenFinding(id: Int64, text: String) throws {
        guard !text.allSatisfy({ $0 == " " }) else { throw BookError.review("say why the finding is reopened") }
        try changeFinding(id: id, action: .audit, from: [.resolved, .accepted], to: .open, event: "reopened", text: text)
    }

    private func changeFinding(id: Int64, action: Action, from: Set<FindingStatus>, to: FindingStatus, event: String, text: String) throws {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT f.status, o.code FROM finding f JOIN organization o ON o.id = f.organization_id WHERE f.id = ?",
                                             arguments: [id]) else { throw BookError.review("there is no finding #\(id); list them with `fundledger review findings`") }
            try authorize(db, action, organization: row["code"])
            let status = FindingStatus(rawValue: row["status"])!
            guard from.contains(status) else {
                let allowed = from.map(\.rawValue).sorted().joined(separator: " or ")
                throw BookError.review("finding #\(id) is \(status.rawValue) (\(status.chinese)); it can be \(event) only when it is \(allowed)")
            }
            try db.execute(sql: "UPDATE finding SET status = ? WHERE id = ?", arguments: [to.rawValue, id])
            try Book.event(db, id, nil, user, event, text)
        }
    }

    // MARK: - Opinions

    /// Records the committee's opinion on the year's final accounts, signed by members serving
    /// today. It needs an audit of the year, and it is kept as recorded.
    public func recordOpinion(organization: String, year: Int, text: String, signers: [String], on date: LocalDate) throws {
        guard !text.allSatisfy({ $0 == " " }) else { throw BookError.review("an opinion needs its text") }
        guard !signers.isEmpty else { throw BookError.review("an opinion is signed by the committee members who agree to it; give --signer NAME for each") }
        try write { db in
            try authorize(db, .audit, organization: organization)
            let organizationID = try Book.organizationID(db, organization)
            guard let audit = try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit WHERE organization_id = ? AND year = ?", arguments: [organizationID, year]) else {
                throw BookError.review("\(organization) \(year) has not been audited; run `fundledger review run` first")
            }
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM opinion WHERE organization_id = ? AND year = ?", arguments: [organizationID, year])! > 0 {
                throw BookError.review("\(organization) already has an opinion on \(year); a signed opinion is kept as recorded")
            }
            guard let (committeeID, committee) = try Book.committees(db, organizationID: organizationID, code: organization).last(where: { $0.committee.inTerm(date) }) else {
                throw BookError.review("\(organization) has no review committee in term on \(date)")
            }
            var offices: [CommitteeOffice] = []
            for name in signers {
                guard let member = committee.members.first(where: { $0.name == name && $0.serves(on: date) }) else {
                    throw BookError.review("\(name) is not a member of \(organization)'s review committee on \(date); only serving members sign its opinion")
                }
                offices.append(member.office)
            }
            try db.execute(sql: """
                INSERT INTO opinion (organization_id, year, committee_id, audit_id, text, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [organizationID, year, committeeID, audit, text, date.description, user])
            let opinionID = db.lastInsertedRowID
            for (name, office) in zip(signers, offices) {
                try db.execute(sql: "INSERT INTO opinion_signer (opinion_id, name, office) VALUES (?, ?, ?)", arguments: [opinionID, name, office.rawValue])
            }
        }
    }

    public func opinion(organization: String, year: Int) throws -> OpinionRecord? {
        try read { db in
            try authorize(db, .read, organization: organization)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM opinion WHERE organization_id = ? AND year = ?",
                                             arguments: [try Book.organizationID(db, organization), year]) else { return nil }
            let signers = try Row.fetchAll(db, sql: "SELECT name, office FROM opinion_signer WHERE opinion_id = ? ORDER BY CASE office WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 ELSE 2 END, name", arguments: [row["id"] as Int64])
                .map { (name: $0["name"] as String, office: CommitteeOffice(rawValue: $0["office"])!) }
            return OpinionRecord(organization: organization, year: year, text: row["text"], recordedAt: row["recorded_at"], recordedBy: row["recorded_by"],
                                 audit: row["audit_id"], signers: signers)
        }
    }
}
