import ArgumentParser
import FundApp
import FundCore
import FundStore

struct ExportJournal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-journal",
        abstract: "Write the posted vouchers as a journal that `import` and hledger read.")
    @OptionGroup var options: BookOptions
    @Option(help: "Only this organisation.") var org: String?
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?
    @Flag(help: "Replace an existing file that is not a .journal (never a folder or a book).") var force = false

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
