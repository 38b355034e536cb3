import Foundation
import FundCore
import GRDB

/// Checking the whole book: integrity, balances against their lines, numbering, red ink, leaf
/// accounts, the seal chains, and the registry's warnings.
public struct VerifyService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Checks the whole book from first principles: the file's integrity and foreign keys, every
    /// posted voucher's balance and line count, gapless numbering, red-ink vouchers against
    /// their originals, and the turnover aggregates recomputed from the lines.
    ///
    /// Given `anchors` (chain heads copied out of the book earlier: an earlier `verify`'s output,
    /// a workbook's 校验 sheet), it also names every chain that no longer holds a head it once
    /// had (rebuilt) or holds fewer links than it did (cut short). With the store's seal key it
    /// checks every tag.
    public func verify(anchors: [ChainHead] = []) throws -> VerifyReport {
        try reading { storage in
            try session.authorizeWholeBook(storage)
            // The file's own checks, the numbering and red-ink checks and the scans behind two
            // warnings compare nothing with the other checks: on a book file they read on a
            // second connection, on the other core, while the rest reads on this one. That read
            // is a committed state of its own, perhaps a moment later than this one's, so a gap
            // or a red-ink mismatch it names is one of a whole committed book. The counts and the
            // chain heads the report gives are read here, in the same snapshot as the rows the
            // checks recomputed, so that a write committed while verify runs can never lend the
            // report a head it did not check.
            let apart = SecondReading(path: session.store.path) { storage in try SeparateChecks(storage) }
            var report = VerifyReport()
            (report.organizations, report.vouchers, report.lines) = try storage.verifyCounts()
            let rows = try storage.rowProblems()
            let registry = try registryWarnings(storage, today: Store.today())
            report.heads = try storage.chainHeads()
            let separate = try apart?.value() ?? SeparateChecks(storage)
            report.problems = separate.file + rows.vouchers + separate.sequences + rows.rest
            report.warnings = registry + separate.untagged + separate.transfers
            let tags = try storage.sealTagProblems(key: session.store.sealKey)
            report.problems += tags.problems
            report.warnings += tags.warnings
            report.problems += try anchorProblems(storage, anchors: anchors, heads: report.heads)
            return report
        }
    }

    /// The heads of the chains of an organisation and, with `tree`, of every organisation under
    /// it: what a workbook made of them carries (its footer and 校验 sheet), so that it anchors
    /// the book's chains wherever it is kept. Only those the session may read are given, and
    /// nothing is refused (the workbook's own reading says what is not permitted).
    public func chainHeads(organization: String, tree: Bool = false) throws -> [ChainHead] {
        try reading { storage in
            var codes = [organization]
            if tree {
                let all = try storage.allOrganizations()
                var frontier: Set<Int64> = Set(all.filter { $0.code == organization }.compactMap(\.id))
                while !frontier.isEmpty {
                    let children = all.filter { $0.parentID.map(frontier.contains) ?? false }
                    codes += children.map(\.code)
                    frontier = Set(children.compactMap(\.id))
                }
            }
            let wanted = Set(codes.filter { (try? authorize(storage, .read, organization: $0)) != nil })
            return try storage.chainHeads().filter { $0.organization.map(wanted.contains) ?? false }
        }
    }

    /// Each anchor against the chain it names: the link must still be there with the same hash.
    private func anchorProblems(_ storage: any BookStorage, anchors: [ChainHead], heads: [ChainHead]) throws -> [VerifyProblem] {
        var problems: [VerifyProblem] = []
        for anchor in anchors {
            let name = anchor.organization.map { "the \(anchor.chain == .vouchers ? "voucher" : "event") chain of \($0)" } ?? "the book's own event chain"
            let chineseName = anchor.organization.map { "\($0) 的\(anchor.chain == .vouchers ? "凭证" : "事件")链" } ?? "账套本身的事件链"
            let head = heads.first { $0.chain == anchor.chain && $0.organization == anchor.organization }
            let message: String, chinese: String
            guard anchor.seq > 0 else { continue }
            if let hash = try storage.chainHash(anchor.chain, organization: anchor.organization, seq: anchor.seq) {
                guard hash != anchor.hash else { continue }
                message = "\(name) no longer holds the head the anchor recorded (link \(anchor.seq), hash \(anchor.hash.prefix(16))…; it is now \(hash.prefix(16))…): the chain was rebuilt behind the program's back after the anchor was taken"
                chinese = "\(chineseName)已不再含有锚点记录的链头（第 \(anchor.seq) 环，散列 \(anchor.hash.prefix(16))…；现为 \(hash.prefix(16))…）：锚点记录之后，该链在 FundLedger 之外被重建"
            } else {
                message = "\(name) holds \(head?.seq ?? 0) link(s), fewer than the \(anchor.seq) the anchor recorded: the chain was cut short behind the program's back after the anchor was taken"
                chinese = "\(chineseName)只有 \(head?.seq ?? 0) 环，少于锚点记录的 \(anchor.seq) 环：锚点记录之后，该链在 FundLedger 之外被截短"
            }
            problems.append(VerifyProblem(check: "anchor", organization: anchor.organization, voucher: nil, message: message, chineseMessage: chinese))
        }
        return problems
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
                    message: "manages its funds independently (独立管理经费) and so must have a funds review committee (经费审查委员会); \(committees.isEmpty ? "none is recorded" : "none is in term today"); record it with `fundledger committee add`",
                    chineseMessage: "独立管理经费，须设经费审查委员会；\(committees.isEmpty ? "尚未登记经审会" : "今天没有在任期内的经审会")；请用 `fundledger committee add` 登记"))
            }
            if federation.termYears == nil {
                warnings.append(VerifyProblem(check: "term", organization: federation.code, voucher: nil,
                    message: "has no term of office recorded; give its term (3 or 5 years) and start date",
                    chineseMessage: "未登记届期；请给出届期年限（3 年或 5 年）和届期开始日期"))
            }
        }
        return warnings
    }
}

extension Session {
    /// This session's VerifyService.
    public var verification: VerifyService { VerifyService(session: self) }
}

/// The checks of `verify` that read apart from the others (`SecondReading`).
private struct SeparateChecks: Sendable {
    let file: [VerifyProblem]
    let sequences: [VerifyProblem]
    let untagged: [VerifyProblem]
    let transfers: [VerifyProblem]

    init(_ storage: any BookStorage) throws {
        file = try storage.fileProblems()
        sequences = try storage.sequenceProblems()
        untagged = try storage.untaggedSubsidySpending()
        transfers = try storage.transfersWithoutCounterpart()
    }
}

/// Reads of a book file on a connection of their own, in one read transaction on a thread of
/// their own, started at once and awaited with `value()`. Like the session's read, it sees one
/// whole committed state of the file (a write committed in the moment between the two reads'
/// starts would be seen by this one only).
private final class SecondReading<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    /// Nil for a book held in memory, which has no file for a second connection.
    init?(path: String, _ body: @escaping @Sendable (any BookStorage) throws -> T) {
        guard path != ":memory:", !path.isEmpty else { return nil }
        let thread = Thread { [self] in
            result = Result {
                let queue = try Store.readOnlyQueue(path)
                defer { try? queue.close() }
                return try queue.read { db in try body(SQLiteStorage(db, sealKey: nil)) }
            }
            done.signal()
        }
        thread.name = "verify"
        thread.start()
    }

    /// The result, once the reads are done; what they threw is thrown here.
    func value() throws -> T {
        done.wait()
        guard let result else { preconditionFailure("the second reading signalled without a result") }
        return try result.get()
    }
}
