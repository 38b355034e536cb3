import ArgumentParser
import Foundation
import FundApp
import FundCore
import FundPostgres
import FundStore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Check the whole book: file integrity, every voucher's balance and numbering, red-ink vouchers, the balances recomputed from the lines, and the seal and event chains.",
                            "校验整个账套：文件完整性、每张凭证的平衡与编号、红字冲销凭证、由凭证行重算的余额，以及封签链和事件链。"),
        discussion: bilingual("""
            The output ends with the head of every chain (`<chain> <organisation> <links> <hash>`, \
            the book's own chain as `-`). Kept outside the book, those lines are anchors: \
            `verify --anchors FILE` names a chain that no longer holds a head it had, or holds \
            fewer links. With --key (or FUNDLEDGER_KEY) every seal's and event's tag is checked.

            A book in PostgreSQL (--book postgresql://...) is read in one snapshot (a read-only, \
            repeatable-read transaction) into a temporary SQLite file in a folder only you can read, \
            removed afterwards, and verified there by the same checks: the report is that of the book \
            as it stood in PostgreSQL when the snapshot was taken.
            """, """
            输出最后列出每条链的链头（`<链> <单位> <环数> <哈希>`，账套自身的链记为 `-`）。把这些行保存在账套之外，\
            就是锚点：`verify --anchors 文件` 会指出不再含有原有链头、或环数变少的链。给出 --key（或 FUNDLEDGER_KEY）时\
            还核对每个封签和事件的标记。

            PostgreSQL 中的账套（--book postgresql://...）在一个快照中（只读、可重复读事务）读入只有你能读的\
            文件夹里的临时 SQLite 文件（用后删除），在那里按同样的检查校验：报告的是快照时刻 PostgreSQL 中的账套。
            """))
    @OptionGroup var options: BookOptions

    @Option(name: .long, help: ArgumentHelp(bilingual("Chain heads to check the chains against: a text file of lines as `verify` prints them, or a workbook FundLedger exported (its 校验 sheet).", "用来核对各链的链头：按 `verify` 输出格式逐行写成的文本文件，或 FundLedger 导出的工作簿（其“校验”工作表）。"), valueName: "FILE"))
    var anchors: String?

    func run() throws {
        try reporting {
            let anchors = try self.anchors.map(Self.readAnchors) ?? []
            let report = try verify(anchors: anchors)
            let warnings = report.warnings.map { "  " + CLIText.warningPrefix.text(language) + $0.text(language) + "\n" }.joined()
            let heads = report.heads.isEmpty ? "" : bilingual("chain heads:\n", "链头：\n") + report.heads.map { "  \($0)\n" }.joined()
            say(.verified(organizations: report.organizations, vouchers: report.vouchers, lines: report.lines, problems: report.problems.count,
                          warnings: report.warnings.count, anchors: anchors.count))
            emit(report.problems.map { "  - " + $0.text(language) + "\n" }.joined() + warnings + heads)
            if report.problems.isEmpty { return }
            throw ExitCode(1)
        }
    }

    /// The report of the book, a file or a PostgreSQL database (through a copy in one snapshot).
    private func verify(anchors: [ChainHead]) throws -> VerifyReport {
        guard PostgresAddress.isAddress(options.book) else { return try options.openReading().verification.verify(anchors: anchors) }
        let address = try PostgresAddress.parse(options.book)
        let (user, key) = (options.user, try options.sealKey())
        return try waitForAsync {
            try await PostgresBook.withCopy(of: address, as: user, key: key) { session in try session.verification.verify(anchors: anchors) }
        }
    }

    /// The heads in an anchor file; a file holding none is refused, so that a wrong file is not
    /// taken for a clean check.
    static func readAnchors(_ path: String) throws -> [ChainHead] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("--anchors: \(path) cannot be read (missing, or permission denied)") }
        let heads: [ChainHead]
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do { heads = try AnchorWorkbook.heads(path: path) } catch { throw CLIError("--anchors: \(error)") }
        } else {
            heads = ChainHead.heads(in: String(decoding: data, as: UTF8.self))
        }
        guard !heads.isEmpty else { throw CLIError("--anchors: \(path) holds no chain head (a line `vouchers ORG N HASH` or `events ORG N HASH`, as `fundledger verify` prints them)") }
        return heads
    }
}
