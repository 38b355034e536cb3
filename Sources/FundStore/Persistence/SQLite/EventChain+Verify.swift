import Foundation
import FundCore
import GRDB

extension EventChain {
    /// How many problems `verify` names per kind (broken links, rows) at most.
    static let maximumProblems = 50

    /// Walks every event chain (links and hashes), replays it into the rows the sealed tables
    /// must hold, and names each row inserted, deleted or changed behind the program's back.
    static func problems(_ db: Database) throws -> [VerifyProblem] {
        let codes = try Dictionary(Row.fetchAll(db, sql: "SELECT id, code FROM organization").map { ($0["id"] as Int64, $0["code"] as String) },
                                   uniquingKeysWith: { first, _ in first })
        func name(_ chain: Int64) -> String? { chain == 0 ? nil : codes[chain] ?? "#\(chain)" }
        func chainName(_ chain: Int64) -> String { chain == 0 ? "the book's own event chain" : "the event chain of \(name(chain) ?? "")" }
        func chineseChainName(_ chain: Int64) -> String { chain == 0 ? "账套本身的事件链" : "\(name(chain) ?? "") 的事件链" }

        var problems: [VerifyProblem] = []
        var expected: [SealedRowKey: (chain: Int64, content: [SealField])] = [:]
        var chain: Int64 = -1
        var previous = SealPayload.genesis, expectedSeq: Int64 = 1, linkBroken = false, linkProblems = 0
        let events = try Row.fetchCursor(db, sql: "SELECT ifnull(organization_id, 0) AS chain, seq, table_name, row_key, payload_version, payload, previous, hash FROM event ORDER BY chain, seq")
        while let row = try events.next() {
            let owner: Int64 = row["chain"], seq: Int64 = row["seq"]
            let storedPrevious: String = row["previous"], hash: String = row["hash"]
            if owner != chain { (chain, previous, expectedSeq, linkBroken) = (owner, SealPayload.genesis, 1, false) }
            defer { previous = hash; expectedSeq = seq + 1 }
            func problem(_ message: String, _ chinese: String) {
                guard linkProblems < maximumProblems else { return }
                linkProblems += 1
                problems.append(VerifyProblem(check: "event-chain", organization: name(owner), voucher: nil, message: message, chineseMessage: chinese))
            }
            let payloadValue: DatabaseValue = row["payload"], versionValue: DatabaseValue = row["payload_version"]
            let payload: [UInt8]? = if case let .blob(data) = payloadValue.storage { Array(data) } else { nil }
            let version: Int64? = if case let .int64(number) = versionValue.storage { number } else { nil }
            guard let payload, version == 2, let event = SealedEvent(payload: payload), event.seq == seq, event.organization == name(owner),
                  let table = SealedTables.named(event.table), event.key.count == table.key.count,
                  event.content.count == (event.action == .delete ? 0 : table.content.count),
                  row["table_name"] as DatabaseValue == event.table.databaseValue,
                  row["row_key"] as DatabaseValue == Data(SealedRowKey(table: table.name, key: event.key).encodedKey).databaseValue else {
                problem("event \(seq) of \(chainName(owner)) cannot be read as an event this program writes: it was written outside FundLedger",
                        "\(chineseChainName(owner))的第 \(seq) 个事件不是本程序写入的格式：它是在 FundLedger 之外写入的")
                continue
            }
            if SealHash.sha256(storedPrevious, payload) != hash {
                problem("event \(seq) of \(chainName(owner)) (\(event.action.rawValue) \(describe(table, event.key))) does not match its hash: it was changed after it was written",
                        "\(chineseChainName(owner))的第 \(seq) 个事件（\(event.action.rawValue) \(describe(table, event.key))）与其散列不符：写入后被改动过")
            }
            if !linkBroken, seq != expectedSeq {
                linkBroken = true
                problem("\(chainName(owner)) jumps from event \(expectedSeq - 1) to \(seq): events were removed",
                        "\(chineseChainName(owner))从第 \(expectedSeq - 1) 个事件跳到第 \(seq) 个：有事件被删除")
            } else if !linkBroken, storedPrevious != previous {
                linkBroken = true
                problem("event \(seq) does not follow the event before it: \(chainName(owner)) was rewritten here",
                        "第 \(seq) 个事件与其前一个事件接不上：\(chineseChainName(owner))在此处被改写")
            }
            let key = SealedRowKey(table: table.name, key: event.key)
            if event.action == .delete {
                if expected[key]?.chain == owner { expected[key] = nil }
            } else {
                expected[key] = (owner, event.content)
            }
        }
        return problems + (try rowProblems(db, expected: expected, name: name))
    }

    /// The sealed rows as they are against the rows the chains say they must be.
    private static func rowProblems(_ db: Database, expected: [SealedRowKey: (chain: Int64, content: [SealField])],
                                    name: (Int64) -> String?) throws -> [VerifyProblem] {
        let actual = try SealedSnapshot.read(db)
        var problems: [VerifyProblem] = []
        var more = 0
        for key in Set(expected.keys).union(actual.rows.keys).sorted() {
            guard let table = SealedTables.named(key.table) else { continue }
            let want = expected[key], have = actual.rows[key]
            let message: String, chinese: String
            let owner: Int64?
            switch (want, have) {
            case let (nil, have?):
                owner = have.owner
                message = "\(describe(table, key.key)) was inserted outside FundLedger: no event of its chain made it"
                chinese = "\(describe(table, key.key)) 是在 FundLedger 之外插入的：其所在链中没有写入它的事件"
            case let (want?, nil):
                owner = want.chain
                message = "\(describe(table, key.key)) was deleted outside FundLedger: its chain holds it"
                    + (want.content.isEmpty ? "" : " (" + zip(table.content, want.content).map { "\($0.name) \(show($1))" }.joined(separator: ", ") + ")")
                chinese = "\(describe(table, key.key)) 在 FundLedger 之外被删除：其所在链仍记有它"
                    + (want.content.isEmpty ? "" : "（" + zip(table.content, want.content).map { "\($0.name) \(show($1))" }.joined(separator: "，") + "）")
            case let (want?, have?):
                let differences = zip(table.content, zip(want.content, have.content)).filter { $1.0 != $1.1 }
                guard !differences.isEmpty else { continue }
                owner = want.chain
                message = "\(describe(table, key.key)) was changed outside FundLedger: "
                    + differences.map { "\($0.name) is \($1.1.map(show) ?? "a value of another type") but its chain says \(show($1.0))" }.joined(separator: "; ")
                chinese = "\(describe(table, key.key)) 在 FundLedger 之外被改动："
                    + differences.map { "\($0.name) 现为 \($1.1.map(show) ?? "另一类型的值")，而其所在链记为 \(show($1.0))" }.joined(separator: "；")
            case (nil, nil):
                continue
            }
            guard problems.count < maximumProblems else { more += 1; continue }
            problems.append(VerifyProblem(check: "sealed-row", organization: owner.flatMap { $0 == 0 ? nil : name($0) }, voucher: nil, message: message, chineseMessage: chinese))
        }
        if more > 0 {
            problems.append(VerifyProblem(check: "sealed-row", organization: nil, voucher: nil, message: "and \(more) more rows of sealed tables differ from their chains",
                                          chineseMessage: "另有 \(more) 行受封印表的数据与其所在链不符"))
        }
        return problems
    }

    /// A sealed row as a reader finds it: "period_close (organization_id 3, period 202603)".
    static func describe(_ table: SealedTable, _ key: [SealField]) -> String {
        "\(table.name) (" + zip(table.key, key).map { "\($0.name) \(show($1))" }.joined(separator: ", ") + ")"
    }

    /// A typed field as a reader finds it: digits, a quoted text (at most 60 characters), NULL.
    static func show(_ field: SealField) -> String {
        switch field {
        case .absent: "NULL"
        case let .integer(number): String(number)
        case let .text(text): "\"" + (text.count > 60 ? String(text.prefix(60)) + "…" : text) + "\""
        case let .bytes(bytes): "x'" + bytes.prefix(30).map { String($0, radix: 16) }.joined() + "'"
        }
    }

    /// The head of every chain that has an event: the organisation's code (nil for the book's
    /// own chain), the number of events and the last hash.
    static func heads(_ db: Database) throws -> [(organization: String?, head: SealHead)] {
        try Row.fetchAll(db, sql: """
            SELECT o.code, e.seq, e.hash FROM event e LEFT JOIN organization o ON o.id = e.organization_id
            WHERE e.seq = (SELECT max(seq) FROM event x WHERE ifnull(x.organization_id, 0) = ifnull(e.organization_id, 0))
            ORDER BY o.code
            """).map { ($0["code"], SealHead(seq: $0["seq"], hash: $0["hash"])) }
    }
}
