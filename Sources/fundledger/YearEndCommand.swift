import ArgumentParser
import FundCore
import FundStore

/// The year end's explicit acts, each approved by a document: `year-end transfer-in` (结转转入)
/// and `year-end adjust` (单位内部调剂). They come after `close-year`.
struct YearEndCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year-end",
        abstract: "The year end's explicit acts after close-year: 结转转入 (transfer-in) and 单位内部调剂 (adjust).",
        subcommands: [TransferIn.self, Adjust.self])

    /// The options both acts share.
    struct ActOptions: ParsableArguments {
        @OptionGroup var options: BookOptions
        @Option(help: "The organisation.") var org: String
        @Option(help: "The year, carried forward already by close-year.") var year: Int
        @Option(help: "The project.") var project: String
        @Option(help: "The approving document (文号).") var document: String
        @Flag(help: "Appropriations (财政拨款, 331/332) instead of union funds (321/322).") var appropriation = false
        @Option(help: "Who reviews the act's vouchers (审核): another officer of the organisation.") var reviewer: String

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
            abstract: "结转转入: release a project's leftover (Dr 32104 / Cr 32204; 33104 / 33204 with --appropriation), then clear it into 32205.")
        @OptionGroup var act: ActOptions
        @Option(help: "The amount released; the project's whole leftover on 32104 when left out.") var amount: String?

        func run() throws {
            try reporting { try act.run(.transferIn, amount: amount) }
        }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust",
            abstract: "单位内部调剂: re-purpose free surplus for a project (Dr 32202 / Cr 32102; 33203 / 33102 with --appropriation), then clear it into 累计.")
        @OptionGroup var act: ActOptions
        @Option(help: "The amount re-purposed.") var amount: String

        func run() throws {
            try reporting { try act.run(.internalAdjustment, amount: amount) }
        }
    }
}
