import ArgumentParser
import FundCore
import FundStore

/// 出纳 and 银行存款: the cashier's confirmation of a receipt or payment, and whether a bank
/// account left in credit warns or is refused.
struct CashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cash",
        abstract: bilingual("Cash and bank: the cashier's confirmation (出纳确认) and the bank-credit setting.", "现金和银行存款：出纳确认，以及银行存款贷方余额的设定。"),
        discussion: bilingual("""
            A voucher that would leave 101 库存现金 in credit is always refused [cash-negative]; one leaving 102 银行存款 \
            in credit warns, or is refused where the organisation says so (bank-credit --refuse) [bank-negative].
            """, """
            使库存现金（101）出现贷方余额的凭证一律不能记账 [cash-negative]；使银行存款（102）出现贷方余额的凭证只作提示，\
            单位设定拒绝时（bank-credit --refuse）不能记账 [bank-negative]。
            """),
        subcommands: [Confirm.self, BankCredit.self, Statement.self])

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Confirm, as the cashier (出纳), that a reviewed voucher's money was received or paid.", "以出纳身份确认已审核凭证的款项已收付（出纳确认）。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var target: VoucherCommand.Target

        func run() throws {
            try reporting {
                let book = try options.open()
                let voucher = try target.find(in: book)
                let confirmation = try book.cash.confirm(voucherID: voucher.id)
                emit(language == .english
                     ? "\(voucher.label): receipt or payment confirmed by the cashier \(confirmation.cashier) at \(BeijingTime.display(confirmation.confirmedAt))\n"
                     : "\(voucher.label)：出纳 \(confirmation.cashier) 已于 \(BeijingTime.display(confirmation.confirmedAt)) 确认收付\n")
            }
        }
    }

    struct BankCredit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bank-credit",
            abstract: bilingual("Whether a posting that leaves 102 银行存款 in credit warns (default) or is refused.", "使银行存款出现贷方余额的记账是只作提示（默认）还是被拒绝。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Flag(exclusivity: .exclusive, help: bilingual("warn or refuse", "warn（提示）或 refuse（拒绝）")) var mode: Mode = .warn

        enum Mode: String, EnumerableFlag { case warn, refuse }

        func run() throws {
            try reporting {
                try options.open().cash.setBankCreditMode(organization: org, mode == .refuse ? .refuse : .warn)
                emit(language == .english
                     ? "\(org): postings that leave 102 in credit now \(mode == .refuse ? "are refused" : "warn")\n"
                     : "\(org)：使银行存款出现贷方余额的记账现在\(mode == .refuse ? "将被拒绝" : "只作提示")\n")
            }
        }
    }
}
