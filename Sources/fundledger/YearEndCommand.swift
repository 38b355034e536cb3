import ArgumentParser
import FundCore
import FundStore

/// The year end's explicit acts, each approved by a document: `year-end transfer-in` (结转转入)
/// and `year-end adjust` (单位内部调剂). They come after `close-year`.
struct YearEndCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year-end",
        abstract: bilingual("The year end's explicit acts after close-year: 结转转入 (transfer-in) and 单位内部调剂 (adjust).",
                            "年终结账（close-year）之后的明确操作：结转转入（transfer-in）和单位内部调剂（adjust）。"),
        subcommands: [TransferIn.self, Adjust.self])

    /// The options both acts share.
    struct ActOptions: ParsableArguments {
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The year, carried forward already by close-year.", "会计年度，须已由 close-year 年终结转。")) var year: Int
        @Option(help: bilingual("The project.", "项目。")) var project: String
        @Option(help: bilingual("The approving document (文号).", "批准文件的文号。")) var document: String
        @Flag(help: bilingual("Appropriations (财政拨款, 331/332) instead of union funds (321/322).", "财政拨款（331/332），而不是工会资金（321/322）。")) var appropriation = false
        @Option(help: bilingual("Who reviews the act's vouchers (审核): another officer of the organisation.", "审核本次凭证的人：本单位另一名财务人员。")) var reviewer: String

        func run(_ act: YearEndAct, amount: String?) throws {
            let money = try amount.map { try parseAmount($0, option: "--amount") }
            let request = YearEndActRequest(act: act, year: year, project: project, amount: money, appropriation: appropriation, document: document)
            let summary = try options.open().yearEnd.act(organization: org, request, reviewer: reviewer)
            emit(bilingual("\(org) \(year): \(act.chinese) posted \(summary.vouchers.map(\.description).joined(separator: ", "))\n",
                           "\(org) \(year) 年：\(act.chinese)已记账 \(summary.vouchers.map(\.description).joined(separator: "、"))\n"))
        }
    }

    struct TransferIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "transfer-in",
            abstract: bilingual("结转转入: release a project's leftover (Dr 32104 / Cr 32204; 33104 / 33204 with --appropriation), then clear it into 32205.",
                                "结转转入：转出项目的结余（借 32104 / 贷 32204；给出 --appropriation 时为 33104 / 33204），再转入 32205。"))
        @OptionGroup var act: ActOptions
        @Option(help: bilingual("The amount released; the project's whole leftover on 32104 when left out.", "转出的金额；不给时为该项目在 32104 上的全部结余。")) var amount: String?

        func run() throws {
            try reporting { try act.run(.transferIn, amount: amount) }
        }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust",
            abstract: bilingual("单位内部调剂: re-purpose free surplus for a project (Dr 32202 / Cr 32102; 33203 / 33102 with --appropriation), then clear it into 累计.",
                                "单位内部调剂：把可自由支配的结余调剂给项目（借 32202 / 贷 32102；给出 --appropriation 时为 33203 / 33102），再转入累计。"))
        @OptionGroup var act: ActOptions
        @Option(help: bilingual("The amount re-purposed.", "调剂的金额。")) var amount: String

        func run() throws {
            try reporting { try act.run(.internalAdjustment, amount: amount) }
        }
    }
}
