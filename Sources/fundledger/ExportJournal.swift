import ArgumentParser
import FundApp
import FundCore
import FundStore

struct ExportJournal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-journal",
        abstract: bilingual("Write the posted vouchers as a journal that `import` and hledger read.", "把已记账凭证写成 `import` 和 hledger 都能读取的分录文件。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("Only this organisation.", "只限此单位。")) var org: String?
    @Option(name: .shortAndLong, help: bilingual("Output file (default: standard output).", "输出文件（默认：标准输出）。")) var output: String?
    @Flag(help: bilingual("Replace an existing file that is not a .journal (never a folder or a book).", "替换已有的非 .journal 文件（决不替换文件夹或账套）。")) var force = false

    func run() throws {
        try reporting {
            if let path = output { try OutputTarget.prepare(path, kind: .journal, force: force, protecting: [options.book]) }
            let book = try options.openReading()
            var text = ""
            try book.ledger.forEachPostedVoucher(organization: org) { voucher, chart in
                text += JournalWriter.transaction(voucher, chart: chart, reversesRef: voucher.draft.reverses) + "\n"
            }
            if let path = self.output {
                try writeAtomically(text, to: path)
            } else {
                emit(text)
            }
        }
    }
}
