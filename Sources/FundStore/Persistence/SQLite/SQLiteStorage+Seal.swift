import FundCore
import GRDB

extension SQLiteStorage: SealStorage {
    /// How many broken links `verify` names per organisation at most.
    static let maximumSealProblems = 20

    func sealHead(organizationID: Int64) throws -> SealHead {
        let last = try VoucherSealRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM voucher_seal WHERE organization_id = ? ORDER BY seq DESC LIMIT 1"),
                                                  arguments: [organizationID])
        return last.map { SealHead(seq: $0.seq, hash: $0.hash) } ?? .genesis
    }

    func insertSeal(_ seal: VoucherSealRecord) throws {
        var insert = BoundInsert(try db.cachedStatement(sql: """
            INSERT INTO voucher_seal (voucher_id, organization_id, seq, previous, hash, payload_version, tag) VALUES (?, ?, ?, ?, ?, ?, ?)
            """))
        insert.bind(seal.voucherID)
        insert.bind(seal.organizationID)
        insert.bind(seal.seq)
        insert.bind(seal.previous)
        insert.bind(seal.hash)
        insert.bind(seal.payloadVersion)
        insert.bind(seal.tag)
        try insert.execute()
    }

    /// The declared type of each sealed column of `voucher`, then of `voucher_line`, in the
    /// order of the queries below: what version 2 reads each stored value as.
    static let voucherTypes: [SealField.Declared] = [.text, .integer, .text, .integer, .text, .integer, .text, .integer, .text, .text,
                                                             .text, .text, .text, .integer, .text]
    private static let lineTypes: [SealField.Declared] = [.integer, .text, .text, .integer, .text, .text, .text, .text, .text, .text]

    func sealPayload(voucherID: Int64, version: Int) throws -> [UInt8]? {
        try sealedRows(voucherID: voucherID).map { Self.sealPayload(version: version, voucher: $0.voucher, lines: $0.lines) }
    }

    /// The payload of a voucher's stored values (`sealedRows`) in the given version: empty when
    /// they hold values of the wrong type or the version is unknown, so that it matches no seal.
    static func sealPayload(version: Int, voucher: [DatabaseValue], lines: [[DatabaseValue]]) -> [UInt8] {
        switch version {
        case 1: return Array(SealPayload.text(voucher.map(SealValue.init), lines.map { $0.map(SealValue.init) }).utf8)
        case 2:
            // A value of another type than its column's (a number written as text) has no typed
            // field: the voucher cannot match its seal.
            // A voucher naming historical people seals their duties as one more text field.
            let types = voucher.count == voucherTypes.count + 1 ? voucherTypes + [.text] : voucherTypes
            guard let fields = SealField.typed(voucher, types) else { return [] }
            var typedLines: [[SealField]] = []
            typedLines.reserveCapacity(lines.count)
            for line in lines {
                // A line with a 基本支出 class seals it as one more text field.
                let types = line.count == lineTypes.count + 1 ? lineTypes + [.text] : lineTypes
                guard let typed = SealField.typed(line, types) else { return [] }
                typedLines.append(typed)
            }
            return SealPayload.bytes(fields, typedLines)
        default: return []
        }
    }

    func sealPayload(voucherID: Int64) throws -> String? {
        try sealedRows(voucherID: voucherID).map { voucher, lines in
            SealPayload.text(voucher.map(SealValue.init), lines.map { $0.map(SealValue.init) })
        }
    }

    /// The sealed columns of a voucher and of its lines, as stored.
    private func sealedRows(voucherID: Int64) throws -> (voucher: [DatabaseValue], lines: [[DatabaseValue]])? {
        guard let voucher = try SealValuesRow.fetchOne(db.cachedStatement(sql: """
            SELECT o.code, v.id, v.date, v.period, v.word, v.number, v.summary, v.attachments, v.preparer, v.reviewer,
                   v.bookkeeper, v.status, v.kind, v.reverses_id, v.posted_at, v.historical
            FROM voucher v JOIN organization o ON o.id = v.organization_id WHERE v.id = ?
            """), arguments: [voucherID]) else { return nil }
        // The historical people's duties are sealed only on a voucher that has them
        // (`SealPayload.fields`): a NULL there is no field.
        var fields = voucher.values
        if fields.last == .null { fields.removeLast() }
        let lines = try SealValuesRow.fetchAll(db.cachedStatement(sql: """
            SELECT l.position, a.code, l.side, l.amount, l.summary, l.project, l.expense_type, l.econ, c.code, l.fund_source, l.basic_class
            FROM voucher_line l JOIN account a ON a.id = l.account_id LEFT JOIN organization c ON c.id = l.counterpart_id
            WHERE l.voucher_id = ? ORDER BY l.position
            """), arguments: [voucherID])
        // The 基本支出 class is sealed only on a line that has one (`SealPayload.line`): a NULL
        // there is no field, so every line posted before keeps its payload.
        return (fields, lines.map { line in
            var values = line.values
            if values.last == .null { values.removeLast() }
            return values
        })
    }

    func sealProblems(organizationID only: Int64?) throws -> [SealProblem] {
        try sealProblems(organizationID: only, failures: try sealContentFailures(organizationID: only))
    }

    /// The problems of the seal chains given `failures`, the vouchers whose rows no longer give
    /// their seal's hash (`sealContentFailures`, or `verifyPass` for the whole book).
    func sealProblems(organizationID only: Int64?, failures: [Int64: SealContentFailure]) throws -> [SealProblem] {
        var problems: [SealProblem] = []
        let organizations = try SealOrganizationRow.fetchAll(db, sql: "SELECT id, code FROM organization" + (only.map { " WHERE id = \($0)" } ?? "") + " ORDER BY code")
        // Read once for every organisation walked, not once for each: its first posted voucher
        // without a seal, and the seals its audits saw.
        let unsealed = try firstUnsealedVouchers(organizationID: only)
        let anchors = try Dictionary(grouping: SealAnchorRow.fetchAll(db, sql: """
            SELECT organization_id, id, run_at, seal_seq, seal_hash FROM audit WHERE seal_seq > 0\(only.map { " AND organization_id = \($0)" } ?? "")
            ORDER BY organization_id, id
            """), by: \.organizationID)
        let statement = try db.cachedStatement(sql: "SELECT voucher_id, seq, previous, hash FROM voucher_seal WHERE organization_id = ? ORDER BY seq")
        let seal = StoredColumns(statement)
        // The hash of the link before, as stored (64 hexadecimal digits), in one reused buffer.
        var previous: [UInt8] = []
        previous.reserveCapacity(64)
        for organization in organizations {
            let code = organization.code
            previous.replaceSubrange(previous.indices, with: SealPayload.genesis.utf8)
            var expectedSeq: Int64 = 1
            // Only the links an audit saw are kept, to compare with what it saw.
            let anchored = Set(anchors[organization.id]?.map(\.seq) ?? [])
            var hashes: [Int64: String] = [:]
            var linkBroken = false
            var found: [SealProblem] = []
            let seals = try Row.fetchCursor(statement, arguments: [organization.id])
            // The columns as GRDB decodes them (`StoredColumns`), the link texts compared as bytes.
            while try seals.next() != nil {
                let voucherID = seal.number(0), seq = seal.number(1)
                let expected = expectedSeq
                let follows = seal.withText(2) { $0.elementsEqual(previous) }
                seal.withText(3) { previous.replaceSubrange(previous.indices, with: $0) }
                expectedSeq = seq + 1
                if !anchored.isEmpty, anchored.contains(seq) { hashes[seq] = seal.withText(3) { String(decoding: $0, as: UTF8.self) } }
                guard found.count < SQLiteStorage.maximumSealProblems else { continue }
                func problem(_ reason: String, _ chinese: String) throws -> SealProblem {
                    SealProblem(voucherID: voucherID, label: try voucherLabel(id: voucherID) ?? "\(code) voucher #\(voucherID)", reason: reason,
                                chineseReason: chinese)
                }
                // The status is in the sealed content, so it is read apart only to say why a seal fails.
                switch failures[voucherID] {
                case .changed?:
                    let posted = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM voucher WHERE id = ?"), arguments: [voucherID]) == "posted"
                    found.append(try posted
                        ? problem("its lines, amounts or fields were changed after posting; they no longer match the seal it got when posted",
                                  "记账后其分录、金额或字段被改动，与记账时的封签不符")
                        : problem("it was sealed when posted but is no longer posted", "记账时已封签，但现在不再是已记账状态"))
                case .missing?:
                    found.append(try problem("the voucher was deleted from the book after posting (seal \(seq) of \(code) points to nothing)",
                                             "凭证在记账后被从账套中删除（\(code) 的第 \(seq) 号封签找不到凭证）"))
                case nil:
                    break
                }
                // The links: reported once, at the first break.
                if !linkBroken, seq != expected {
                    linkBroken = true
                    found.append(try problem("the seal chain of \(code) jumps from link \(expected - 1) to \(seq): a seal was removed",
                                             "\(code) 的封签链从第 \(expected - 1) 号跳到第 \(seq) 号：有封签被删除"))
                } else if !linkBroken, !follows {
                    linkBroken = true
                    found.append(try problem("its seal does not follow the seal before it: the chain of \(code) was rewritten here",
                                             "其封签与前一封签不相接：\(code) 的封签链在此被改写"))
                }
            }
            problems += found
            if !found.isEmpty { continue }
            if let id = unsealed[organization.id] {
                problems.append(SealProblem(voucherID: id, label: try voucherLabel(id: id) ?? "#\(id)",
                                            reason: "it is posted but has no seal: it was put into the book outside FundLedger",
                                            chineseReason: "已记账但没有封签：凭证是在 FundLedger 之外放入账套的"))
                continue
            }
            for anchor in anchors[organization.id] ?? [] where hashes[anchor.seq] != anchor.hash {
                problems.append(SealProblem(voucherID: nil, label: "\(code) seal \(anchor.seq)",
                                            reason: "the chain no longer holds the seal that audit #\(anchor.id) saw on \(anchor.runAt.prefix(10)): the vouchers up to it were rewritten after that audit",
                                            chineseReason: "封签链中已没有审计 #\(anchor.id) 于 \(BeijingTime.day(anchor.runAt)) 看到的封签：该审计之后，此前的凭证被改写"))
                break
            }
        }
        return problems
    }

    /// The first posted voucher without a seal of each organisation that has one (of
    /// `organizationID` only, when given), by organisation row id.
    private func firstUnsealedVouchers(organizationID only: Int64?) throws -> [Int64: Int64] {
        var first: [Int64: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT v.organization_id, min(v.id) FROM voucher v LEFT JOIN voucher_seal s ON s.voucher_id = v.id
            WHERE v.status = 'posted' AND s.voucher_id IS NULL\(only.map { " AND v.organization_id = \($0)" } ?? "")
            GROUP BY v.organization_id
            """)
        while let row = try rows.next() { first[row[0]] = row[1] }
        return first
    }
}

/// A row of stored values as the seal reads them, column by column.
private struct SealValuesRow: FetchableRecord {
    let values: [DatabaseValue]

    init(row: Row) { values = Array(row.databaseValues) }
}

/// An organisation whose chain is walked.
private struct SealOrganizationRow: FetchableRecord {
    let id: Int64
    let code: String

    init(row: Row) {
        id = row["id"]
        code = row["code"]
    }
}

/// The head of a chain an audit recorded.
private struct SealAnchorRow: FetchableRecord {
    let organizationID: Int64
    let id: Int64
    let runAt: String
    let seq: Int64
    let hash: String?

    init(row: Row) {
        organizationID = row["organization_id"]
        id = row["id"]
        runAt = row["run_at"]
        seq = row["seal_seq"]
        hash = row["seal_hash"]
    }
}

extension SealField {
    /// The type a sealed column is declared to hold.
    enum Declared {
        case integer, text
    }

    /// A stored value read as its column's declared type; nil when it holds another type.
    init?(_ value: DatabaseValue, as declared: Declared) {
        switch (value.storage, declared) {
        case (.null, _): self = .absent
        case let (.int64(number), .integer): self = .integer(number)
        case let (.string(text), .text): self = .text(text)
        default: return nil
        }
    }

    /// A row of stored values read as `types`; nil when any of them holds another type.
    static func typed(_ values: [DatabaseValue], _ types: [Declared]) -> [SealField]? {
        guard values.count == types.count else { return nil }
        var fields: [SealField] = []
        fields.reserveCapacity(values.count)
        for (value, type) in zip(values, types) {
            guard let field = SealField(value, as: type) else { return nil }
            fields.append(field)
        }
        return fields
    }
}

extension SealValue {
    /// A stored value as the version 1 seal sees it.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(number): self = .integer(number)
        case let .double(number): self = .real(number)
        case let .string(text): self = .text(text)
        case let .blob(data): self = .blob(Array(data))
        }
    }
}
